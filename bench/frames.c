/*
 * frames: naast's interface without a terminal, for bench/run.  Curses
 * draws on /dev/null through newterm at 240x70, as tests/test_screen.c
 * drives the interface: keys go to app_key, app_draw draws, doupdate
 * writes out what changed.
 *
 *   bench/frames first DB
 *
 * The time from the start of the program to the first frame of the
 * library (store_open, the key table, curses, app_new, app_draw,
 * doupdate), and the peak memory (ru_maxrss) then and after a short
 * session: to the end of the library and back, a set in the compare view
 * with difference marks, two vragen on, the matrix, a search and its
 * first hit; and after its related passages and the searches that hold
 * the most (a part of a word of three letters, a prefix, fifteen common
 * words), which keep a bound per passage while they run.  Prints
 *   first_ms X rss_first_kb Y rss_peak_kb Z rss_search_kb W
 *
 *   bench/frames compare DB SET [FRAMES]
 *
 * The compare view of SET (one pane per answering ministry) at vraag 1
 * with difference marks on, redrawn FRAMES times (default 1000): app_draw
 * and doupdate; the same with the panes paged down and up in turn
 * (PgDn, PgUp); and app_draw alone.  The floor draws the same text: the
 * screens naast drew, read back as plain characters, put on the screen
 * with mvaddnwstr and doupdate the same number of times (in turn for the
 * paging).  Prints
 *   naast_ms A floor_ms B naast_page_ms C floor_page_ms D draw_only_ms E
 *   panes P marked M
 * where P is the number of panes on the screen and M the number of cells
 * drawn with a difference mark.
 */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <wchar.h>

#include "bench.h"
#include "app.h"
#include "draw.h"
#include "keymap.h"
#include "store.h"
#include "view.h"
#include "view_compare.h"

#define SCREEN_ROWS 70
#define SCREEN_COLS 240

static long
peak_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

struct term {
	FILE *out, *in;
	SCREEN *screen;
};

static bool
term_open(struct term *t)
{
	t->out = fopen("/dev/null", "w");
	t->in = fopen("/dev/null", "r");
	if (!t->out || !t->in)
		return false;
	t->screen = newterm("xterm-256color", t->out, t->in);
	if (!t->screen)
		return false;
	set_term(t->screen);
	resizeterm(SCREEN_ROWS, SCREEN_COLS);
	return true;
}

static void
term_close(struct term *t)
{
	endwin();
	delscreen(t->screen);
	fclose(t->out);
	fclose(t->in);
}

/* Keys as test_screen.c sends them: characters, or "<Name>". */
static void
keys(struct app *app, const char *script)
{
	for (const char *p = script; *p;) {
		if (*p == '<') {
			const char *end = strchr(p, '>');
			char name[32];

			snprintf(name, sizeof(name), "%.*s", (int)(end - p - 1), p + 1);
			app_key(app, keymap_key_code(name));
			p = end + 1;
		} else {
			app_key(app, (unsigned char)*p++);
		}
		app_draw(app);
		doupdate();
	}
}

static int
first_frame(const char *db, double t0)
{
	struct store *st;
	struct error err = { "" };
	struct term t;
	struct app *app;
	double first;
	long rss_first, rss_peak;

	if (store_open(db, &st, &err) != STATUS_OK) {
		fprintf(stderr, "frames: %s\n", err.msg);
		return 1;
	}
	keymap_init();
	if (!term_open(&t)) {
		fputs("frames: cannot start curses on /dev/null\n", stderr);
		return 1;
	}
	draw_init();
	if (!(app = app_new(st)))
		return 1;
	app_draw(app);
	doupdate();
	first = (bench_now() - t0) * 1000;
	rss_first = peak_kb();

	keys(app, "G");
	keys(app, "g<Enter>d");
	keys(app, "nn");
	keys(app, "o");
	keys(app, "qq");
	keys(app, "/ambtenaren<Enter>");
	keys(app, "<Enter>");
	rss_peak = peak_kb();
	/* its related passages, and the searches that hold the most */
	keys(app, "R");
	keys(app, "qq");
	keys(app, "/ver<Enter>");
	keys(app, "/verkiez*<Enter>");
	keys(app, "/de en van het een dat is op te in u bij om voor met<Enter>");
	printf("first_ms %.3f rss_first_kb %ld rss_peak_kb %ld rss_search_kb %ld\n",
	    first, rss_first, rss_peak, peak_kb());
	app_free(app);
	term_close(&t);
	keymap_free();
	store_close(st);
	return 0;
}

/* ---------------------------------------------------------- compare view */

/* The screen as plain characters, one wide string a row. */
static wchar_t **
read_screen(void)
{
	wchar_t **rows = calloc(SCREEN_ROWS, sizeof(*rows));

	for (int y = 0; y < LINES; y++) {
		rows[y] = calloc(SCREEN_COLS + 1, sizeof(**rows));
		mvwinnwstr(stdscr, y, 0, rows[y], COLS);
	}
	return rows;
}

static void
free_screen(wchar_t **rows)
{
	for (int y = 0; y < SCREEN_ROWS; y++)
		free(rows[y]);
	free(rows);
}

/* The floor's frame: the rows as plain text. */
static void
floor_draw(wchar_t **rows)
{
	werase(stdscr);
	for (int y = 0; y < LINES; y++)
		mvaddnwstr(y, 0, rows[y], COLS);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Panes on the screen (their top-left corners) and cells with a mark. */
static void
count_cells(int *panes, int *marked)
{
	*panes = *marked = 0;
	for (int y = 0; y < LINES; y++)
		for (int x = 0; x < COLS; x++) {
			cchar_t cell;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attr;
			short pair;

			if (mvwin_wch(stdscr, y, x, &cell) == ERR ||
			    getcchar(&cell, wch, &attr, &pair, NULL) == ERR)
				continue;
			if ((attr & A_ALTCHARSET) && wch[0] == 'l')
				(*panes)++;
			else if (y > 3 && y < LINES - 1 && (attr & (A_REVERSE | A_UNDERLINE)) &&
			    wch[0] != ' ')
				(*marked)++;
		}
}

static int
compare(const char *db, long long set, int frames)
{
	struct store *st;
	struct error err = { "" };
	struct term t;
	struct app *app;
	struct compare_request req = { set, 1, NULL, 0 };
	wchar_t **top, **paged;
	double t0, naast, naast_page, floor, floor_page, draw_only;
	int panes, marked;

	if (store_open(db, &st, &err) != STATUS_OK) {
		fprintf(stderr, "frames: %s\n", err.msg);
		return 1;
	}
	keymap_init();
	if (!term_open(&t)) {
		fputs("frames: cannot start curses on /dev/null\n", stderr);
		return 1;
	}
	draw_init();
	if (!(app = app_new(st)) || !app_push(app, &view_compare_ops, &req)) {
		fprintf(stderr, "frames: cannot open set %lld in the compare view\n", set);
		return 1;
	}
	keys(app, "d");
	count_cells(&panes, &marked);
	top = read_screen();
	keys(app, "<PgDn>");
	paged = read_screen();
	keys(app, "<PgUp>");

	t0 = bench_now();
	for (int i = 0; i < frames; i++) {
		app_draw(app);
		doupdate();
	}
	naast = (bench_now() - t0) * 1000;
	t0 = bench_now();
	for (int i = 0; i < frames; i++)
		app_draw(app);
	draw_only = (bench_now() - t0) * 1000;
	t0 = bench_now();
	for (int i = 0; i < frames; i++)
		keys(app, i % 2 ? "<PgUp>" : "<PgDn>");
	naast_page = (bench_now() - t0) * 1000;

	t0 = bench_now();
	for (int i = 0; i < frames; i++)
		floor_draw(top);
	floor = (bench_now() - t0) * 1000;
	t0 = bench_now();
	for (int i = 0; i < frames; i++)
		floor_draw(i % 2 ? top : paged);
	floor_page = (bench_now() - t0) * 1000;

	printf("naast_ms %.3f floor_ms %.3f naast_page_ms %.3f floor_page_ms %.3f"
	    " draw_only_ms %.3f panes %d marked %d\n", naast, floor, naast_page,
	    floor_page, draw_only, panes, marked);
	free_screen(top);
	free_screen(paged);
	app_free(app);
	term_close(&t);
	keymap_free();
	store_close(st);
	return 0;
}

int
main(int argc, char **argv)
{
	double t0 = bench_now();

	setlocale(LC_ALL, "C.UTF-8");
	if (argc == 3 && strcmp(argv[1], "first") == 0)
		return first_frame(argv[2], t0);
	if ((argc == 4 || argc == 5) && strcmp(argv[1], "compare") == 0)
		return compare(argv[2], atoll(argv[3]), argc == 5 ? atoi(argv[4]) : 1000);
	fputs("usage: frames first DB | frames compare DB SET [FRAMES]\n", stderr);
	return 2;
}
