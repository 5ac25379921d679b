/*
 * test_screen: every view driven by a script of keys at a fixed size, in
 * process, with no terminal: curses draws on /dev/null (newterm), the
 * screen is read back cell by cell and compared with a reviewed golden
 * screen in tests/screens/.  Regenerate after a deliberate change with
 *   NAAST_UPDATE_GOLDEN=1 make check TESTS=tests/test_screen
 * and look at every changed screen before committing it.
 */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <locale.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <unistd.h>
#include <wchar.h>
#include <zip.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "keymap.h"
#include "parse.h"
#include "pdf.h"
#include "store.h"
#include "testutil.h"
#include "xalloc.h"

struct fixture {
	char dir[64];
	char db[96];
	struct store *st;
	struct app *app;
	SCREEN *screen;
	FILE *out, *in;
};

static void
import_seed(struct store *st, const char *path)
{
	struct document *doc = NULL;
	struct import_result res;
	struct error err = { "" };
	size_t len;
	char *raw = test_read_file(path, &len);

	if (parse_document(raw, len, NULL, &doc, &err) != STATUS_OK ||
	    store_import(st, path, doc, &res, &err) != STATUS_OK)
		fail_msg("%s: %s", path, err.msg);
	model_free(doc);
	free(raw);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct error err = { "" };

	snprintf(f->dir, sizeof(f->dir), "/tmp/naast-screen-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof(f->db), "%s/x.db", f->dir);
	assert_int_equal(store_open(f->db, &f->st, &err), STATUS_OK);
	import_seed(f->st, SEED_PDFTEXT);
	import_seed(f->st, SEED_MARKDOWN);
	import_seed(f->st, SEED_LETTER);

	f->out = fopen("/dev/null", "w");
	f->in = fopen("/dev/null", "r");
	f->screen = newterm("xterm-256color", f->out, f->in);
	assert_non_null(f->screen);
	set_term(f->screen);
	keymap_init();
	draw_init();
	resizeterm(24, 80);
	f->app = app_new(f->st);
	assert_non_null(f->app);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	app_free(f->app);
	endwin();
	delscreen(f->screen);
	fclose(f->out);
	fclose(f->in);
	keymap_free();
	store_close(f->st);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* The line-drawing characters, which curses keeps as VT100 letters. */
static wchar_t
acs(wchar_t c)
{
	switch (c) {
	case 'q': return L'─';
	case 'x': return L'│';
	case 'l': return L'┌';
	case 'k': return L'┐';
	case 'm': return L'└';
	case 'j': return L'┘';
	default: return c;
	}
}

/* The screen as text: one line per row, trailing spaces removed. */
static char *
dump(void)
{
	size_t cap = (size_t)(LINES * (COLS * 4 + 2) + 1), used = 0;
	char *out = calloc(1, cap);

	for (int y = 0; y < LINES; y++) {
		size_t line_start = used;

		for (int x = 0; x < COLS; x++) {
			cchar_t cell;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attr;
			short pair;
			char mb[MB_LEN_MAX * (CCHARW_MAX + 1)];

			if (mvwin_wch(stdscr, y, x, &cell) == ERR)
				break;
			if (getcchar(&cell, wch, &attr, &pair, NULL) == ERR)
				continue;
			if (attr & A_ALTCHARSET)
				wch[0] = acs(wch[0]);
			if (wch[0] == 0)
				continue;
			/* A wide character fills the cells after it too. */
			if (wcwidth(wch[0]) > 1)
				x += wcwidth(wch[0]) - 1;
			for (int i = 0; wch[i] && i < CCHARW_MAX; i++) {
				int n = wctomb(mb, wch[i]);

				if (n > 0 && used + (size_t)n < cap) {
					memcpy(out + used, mb, (size_t)n);
					used += (size_t)n;
				}
			}
		}
		while (used > line_start && out[used - 1] == ' ')
			used--;
		out[used++] = '\n';
	}
	out[used] = '\0';
	return out;
}

/* A golden name stands for one screen: two different screens may not share it. */
static void
same_name_same_screen(const char *name, const char *screen)
{
	static char *names[256], *screens[256];
	static size_t n;

	for (size_t i = 0; i < n; i++) {
		if (strcmp(names[i], name) != 0)
			continue;
		if (strcmp(screens[i], screen) != 0)
			fail_msg("two different screens are both called %s", name);
		return;
	}
	if (n < 256) {
		names[n] = strdup(name);
		screens[n++] = strdup(screen);
	}
}

/* The part name of the zip archive path, as a string; NULL when it has none. */
static char *
zip_part(const char *path, const char *name)
{
	zip_t *z = zip_open(path, ZIP_RDONLY, NULL);
	zip_stat_t st;
	zip_file_t *zf;
	char *data = NULL;

	if (!z)
		return NULL;
	if (zip_stat(z, name, 0, &st) == 0 && (zf = zip_fopen(z, name, 0))) {
		data = xcalloc(1, st.size + 1);
		if (zip_fread(zf, data, st.size) != (zip_int64_t)st.size) {
			free(data);
			data = NULL;
		}
		zip_fclose(zf);
	}
	zip_discard(z);
	return data;
}

/* Types the keys, draws, and compares the screen with tests/screens/NAME. */
static void
screen_is(struct fixture *f, const char *name)
{
	char rel[256], path[4096], *got, *want;
	FILE *fp;

	app_draw(f->app);
	got = dump();
	same_name_same_screen(name, got);
	snprintf(rel, sizeof(rel), "tests/screens/%s.txt", name);
	if (getenv("NAAST_UPDATE_GOLDEN")) {
		snprintf(path, sizeof(path), "%s/%s", getenv("top_srcdir"), rel);
		fp = fopen(path, "w");
		assert_non_null(fp);
		fputs(got, fp);
		fclose(fp);
	}
	want = test_read_file(rel, NULL);
	if (strcmp(got, want) != 0) {
		fprintf(stderr, "screen %s differs; got:\n%s", name, got);
		fail_msg("screen mismatch: %s", name);
	}
	free(got);
	free(want);
}

/* The value of a base64 digit, -1 for '=' and anything else. */
static int
base64_digit(char c)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *at = c ? strchr(digits, c) : NULL;

	return at ? (int)(at - digits) : -1;
}

/*
 * What the next frame sends to the terminal's clipboard: the text of the
 * OSC 52 sequence that app_update writes to standard output, decoded;
 * NULL when it sends none.
 */
static char *
clipboard_sent(struct fixture *f)
{
	char path[] = "/tmp/naast-osc52-XXXXXX", sent[65536], *b64, *end, *text;
	int fd = mkstemp(path), saved;
	ssize_t got;
	size_t n = 0;
	unsigned bits = 0;
	int have = 0;

	assert_true(fd >= 0);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	assert_true(saved >= 0 && dup2(fd, STDOUT_FILENO) >= 0);
	app_update(f->app);
	assert_true(dup2(saved, STDOUT_FILENO) >= 0);
	close(saved);
	got = pread(fd, sent, sizeof(sent) - 1, 0);
	assert_true(got >= 0);
	sent[got] = '\0';
	close(fd);
	unlink(path);
	b64 = strstr(sent, "\033]52;c;");
	if (!b64 || !(end = strchr(b64, '\a')))
		return NULL;
	b64 += strlen("\033]52;c;");
	text = malloc((size_t)(end - b64) + 1);
	assert_non_null(text);
	for (const char *p = b64; p < end; p++) {
		int d = base64_digit(*p);

		if (d < 0)
			break;
		bits = bits << 6 | (unsigned)d;
		if ((have += 6) >= 8) {
			have -= 8;
			text[n++] = (char)(bits >> have & 0xff);
		}
	}
	text[n] = '\0';
	return text;
}

/* Sends keys: characters, or the named ones after a '<' ("<Enter>"). */
static void
keys(struct fixture *f, const char *script)
{
	const char *p = script;

	while (*p) {
		app_draw(f->app);	/* as the real loop does before each key */
		if (*p == '<') {
			const char *end = strchr(p, '>');
			char name[32];
			int code;

			assert_non_null(end);
			snprintf(name, sizeof(name), "%.*s", (int)(end - p - 1), p + 1);
			code = keymap_key_code(name);
			assert_true(code >= 0);
			app_key(f->app, code);
			p = end + 1;
		} else {
			app_key(f->app, (unsigned char)*p++);
		}
	}
}

static void
resize(int rows, int cols)
{
	resizeterm(rows, cols);
}

/* ------------------------------------------------------------------ tests */

static bool on_screen(struct fixture *f, const char *text);

static void
test_library(void **state)
{
	struct fixture *f = *state;

	screen_is(f, "library");
	keys(f, "j");
	screen_is(f, "library-letter");
	keys(f, "S");
	screen_is(f, "library-by-received");
	keys(f, "feerd");
	screen_is(f, "library-filter-typing");
	keys(f, "<Enter>");
	screen_is(f, "library-filtered");
	keys(f, "fzzz");
	screen_is(f, "library-no-match");
	keys(f, "<Esc>");
	screen_is(f, "library-unfiltered");
	/* the filter finds a set by the minister who answered and its Aanhangsel number */
	keys(f, "fhuffelen 1059<Enter>");
	assert_true(on_screen(f, "Eerdmans (JA21)"));
	assert_true(on_screen(f, "· 1 matching"));
}

static void
test_compare(void **state)
{
	struct fixture *f = *state;

	resize(30, 100);
	keys(f, "<Enter>");
	screen_is(f, "compare-vraag1");
	keys(f, "nnnnnnn");
	screen_is(f, "compare-vraag8");
	keys(f, "jjjjj");
	screen_is(f, "compare-vraag8-cursor");
	keys(f, "<Tab>");
	screen_is(f, "compare-vraag8-bzk");
	keys(f, "s<PgDn>");
	screen_is(f, "compare-apart");
	keys(f, "n");
	screen_is(f, "compare-vraag9");
	keys(f, "n");
	screen_is(f, "compare-last");
	keys(f, "q");
	assert_true(app_running(f->app));
	screen_is(f, "library-100x30");
}

static void
test_compare_narrow_and_ministry(void **state)
{
	struct fixture *f = *state;

	keys(f, "<Enter>");
	screen_is(f, "compare-80x24");
	keys(f, "m");
	screen_is(f, "compare-picker");
	keys(f, "jj<Enter>");
	screen_is(f, "compare-not-imported");
	resize(8, 30);
	screen_is(f, "compare-too-small");
	resize(24, 80);
	screen_is(f, "compare-not-imported");
}

static void
test_reader(void **state)
{
	struct fixture *f = *state;

	keys(f, "<Enter>r");
	screen_is(f, "reader-az");
	keys(f, "<Tab>");
	screen_is(f, "reader-outline");
	keys(f, "jjjjjjjj<Enter>");
	screen_is(f, "reader-vraag8");
	keys(f, "qqj<Enter>");
	screen_is(f, "reader-letter");
	keys(f, "G");
	screen_is(f, "reader-letter-end");
}

static void
test_help(void **state)
{
	struct fixture *f = *state;

	keys(f, "?");
	screen_is(f, "help-library");
	keys(f, "q<Enter>?");
	screen_is(f, "help-compare");
	/* the end: long help texts wrap under themselves */
	keys(f, "G");
	screen_is(f, "help-compare-end");
	keys(f, "qqq");
	assert_false(app_running(f->app));
}

static void
test_mouse_resize_and_keys(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };

	resize(30, 100);
	keys(f, "<Enter>");
	app_draw(f->app);	/* the mouse points at what was drawn */
	app_mouse(f->app, MOUSE_CLICK, 8, 70);
	screen_is(f, "compare-clicked-bzk");
	app_mouse(f->app, MOUSE_WHEEL_DOWN, 8, 20);
	screen_is(f, "compare-wheel-az");
	resizeterm(24, 80);
	app_key(f->app, KEYMAP_RESIZE);
	screen_is(f, "compare-resized");
	/* A user's binding, read by the parser of the key file. */
	assert_int_equal(keymap_parse_line("bind compare J next-vraag", &err), STATUS_OK);
	keys(f, "J");
	screen_is(f, "compare-user-key");
}

/* A letter with wide characters, combining marks and escape sequences. */
static void
test_hostile_text(void **state)
{
	struct fixture *f = *state;
	static const char text[] =
	    "Geachte heer \033]0;owned\007Jansen,\n\n"
	    "Dit is 中文 en e\314\201e\314\201n brief \033[2J\033[31mmet escapes\033[0m"
	    " en \xe2\x80\x99quotes\xe2\x80\x99 \xe2\x80\xae omgekeerd.\n\n"
	    "Hoogachtend,\n";
	struct document *doc = NULL;
	struct import_result res;
	struct error err = { "" };

	assert_int_equal(parse_document(text, strlen(text), NULL, &doc, &err), STATUS_OK);
	assert_int_equal(store_import(f->st, "hostile.txt", doc, &res, &err), STATUS_OK);
	model_free(doc);
	app_key(f->app, KEYMAP_FKEY(KEY_RESIZE));	/* the library reads again */
	screen_is(f, "library-hostile");
	keys(f, "j<Enter>");
	screen_is(f, "reader-hostile");
}

/* n generated sets, one answer each, "onderwerp nummer 001" and on. */
static void
import_many_sets(struct fixture *f, int n)
{
	for (int i = 1; i <= n; i++) {
		char *text = xasprintf(
		    "Vragen van het lid Jansen (VVD) aan de Minister van Financiën over "
		    "onderwerp nummer %03d (ingezonden %d %s 2023).\n\n"
		    "Antwoord van Minister Hoekstra (Financiën) (ontvangen 1 december 2023).\n\n"
		    "Vraag 1\nIs dat zo?\n\nAntwoord 1\nJa.\n",
		    i, 1 + i % 28, i % 2 ? "maart" : "juni");
		struct document *doc = NULL;
		struct import_result res;
		struct error err = { "" };

		assert_int_equal(parse_document(text, strlen(text), "pdftext", &doc, &err), STATUS_OK);
		assert_int_equal(store_import(f->st, "generated", doc, &res, &err), STATUS_OK);
		model_free(doc);
		free(text);
	}
	app_key(f->app, KEYMAP_RESIZE);	/* the library reads again */
}

/* Many sets: the library reads them page by page as the selection moves. */
static void
test_library_pages(void **state)
{
	struct fixture *f = *state;

	import_many_sets(f, 150);
	screen_is(f, "library-many");
	keys(f, "G");
	screen_is(f, "library-many-end");
	keys(f, "<PgUp><PgUp><PgUp>kkk");
	screen_is(f, "library-many-back");
	keys(f, "g<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>");
	screen_is(f, "library-many-down");
	keys(f, "S");
	screen_is(f, "library-many-by-received");
	keys(f, "S");
	screen_is(f, "library-many-by-subject");
	keys(f, "f077<Enter>");
	screen_is(f, "library-many-filtered");
}

/* Four ministries answer one set: at 80 columns two panes fit, the rest scroll. */
static void
test_panes_scroll_sideways(void **state)
{
	static const char *const who[][2] = {
		{ "Minister Hoekstra", "Financiën" },
		{ "Minister Bruins Slot", "Binnenlandse Zaken en Koninkrijksrelaties" },
		{ "Minister-President Rutte", "Algemene Zaken" },
		{ "Minister Dijkgraaf", "Onderwijs, Cultuur en Wetenschap" },
	};
	struct fixture *f = *state;

	for (int i = 0; i < 4; i++) {
		char *text = xasprintf(
		    "Vragen van het lid Jansen (VVD) aan de Minister-President en de Ministers van "
		    "Financiën, van Binnenlandse Zaken en Koninkrijksrelaties en van Onderwijs, "
		    "Cultuur en Wetenschap over vier antwoorden (ingezonden 3 februari 2025).\n\n"
		    "Antwoord van %s (%s) (ontvangen %d maart 2025).\n\n"
		    "Vraag 1\nWat vindt u?\n\nAntwoord 1\nDat zegt %s.\n",
		    who[i][0], who[i][1], 10 + i, who[i][0]);
		struct document *doc = NULL;
		struct import_result res;
		struct error err = { "" };

		assert_int_equal(parse_document(text, strlen(text), NULL, &doc, &err), STATUS_OK);
		assert_int_equal(store_import(f->st, "vier", doc, &res, &err), STATUS_OK);
		assert_int_equal(res.set, 2);
		model_free(doc);
		free(text);
	}
	app_key(f->app, KEYMAP_RESIZE);
	keys(f, "<Enter>");
	screen_is(f, "compare-four-panes");
	keys(f, "<Tab><Tab>");
	screen_is(f, "compare-four-panes-third");
	keys(f, "l");
	screen_is(f, "compare-four-panes-last");
	keys(f, "hhh");
	screen_is(f, "compare-four-panes");
}

/* Where text first shows on the screen: its row and column; false if nowhere. */
static bool
find_on_screen(const char *text, int *row, int *col)
{
	char *screen = dump(), *line = screen;

	for (int y = 0; line && *line; y++) {
		char *end = strchr(line, '\n'), *hit;

		*end = '\0';
		if ((hit = strstr(line, text)) != NULL) {
			*row = y;
			*col = 0;
			for (const char *p = line; p < hit; p++)
				if (((unsigned char)*p & 0xC0) != 0x80)
					(*col)++;
			free(screen);
			return true;
		}
		line = end + 1;
	}
	free(screen);
	return false;
}

/* The attributes of the cell where text first shows. */
static attr_t
attr_of(const char *text)
{
	cchar_t cell;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attr = 0;
	short pair;
	int y, x;

	if (!find_on_screen(text, &y, &x))
		fail_msg("'%s' is not on the screen", text);
	mvwin_wch(stdscr, y, x, &cell);
	getcchar(&cell, wch, &attr, &pair, NULL);
	return attr;
}

static void
test_differences(void **state)
{
	struct fixture *f = *state;

	resize(30, 100);
	keys(f, "<Enter>nnnnnnnd");
	screen_is(f, "compare-diff-vraag8");
	/* Only AZ says "(met uitzondering van de Politiek Adviseurs)". */
	assert_true(attr_of("(met uitzondering") & A_REVERSE);
	assert_true(attr_of("Adviseurs)") & A_REVERSE);
	assert_false(attr_of("neutraal zijn") & (A_REVERSE | A_UNDERLINE));
	assert_false(attr_of("Het is belangrijk") & (A_REVERSE | A_UNDERLINE));
	keys(f, "ppp");
	screen_is(f, "compare-diff-vraag5");
	assert_true(attr_of("rijksoverheid") & A_REVERSE);
	assert_true(attr_of("Rijksoverheid") & A_REVERSE);
	assert_false(attr_of("hecht hier veel") & (A_REVERSE | A_UNDERLINE));
	keys(f, "d");
	app_draw(f->app);
	assert_false(attr_of("rijksoverheid") & A_REVERSE);
}

static void
test_references(void **state)
{
	struct fixture *f = *state;

	resize(30, 100);
	keys(f, "<Enter>nx");
	screen_is(f, "compare-refs-vraag2");
	/* The cursor is on AZ's "Zie het antwoord op vraag 1.": Enter goes there. */
	keys(f, "<Enter>");
	screen_is(f, "compare-refs-vraag1");
	keys(f, "x");
	screen_is(f, "compare-refs-folded");
}

/* A reference to a publication in an answer is no vraag to expand. */
static void
test_references_to_publications(void **state)
{
	static const char text[] =
	    "Vragen van het lid Jansen (VVD) aan de Minister van Financiën over "
	    "verwijzingen (ingezonden 3 februari 2025).\n\n"
	    "Antwoord van Minister Hoekstra (Financiën) (ontvangen 10 maart 2025).\n\n"
	    "Vraag 1\nWat vindt u?\n\nAntwoord 1\nDat het goed is.\n\n"
	    "Vraag 2\nEn nu?\n\nAntwoord 2\nZie het antwoord op vraag 1 en Aanhangsel "
	    "Handelingen, vergaderjaar 2023–2024, nr. 1059.\n";
	struct fixture *f = *state;
	struct document *doc = NULL;
	struct import_result res;
	struct error err = { "" };

	assert_int_equal(parse_document(text, strlen(text), NULL, &doc, &err), STATUS_OK);
	assert_int_equal(store_import(f->st, "verwijzingen", doc, &res, &err), STATUS_OK);
	model_free(doc);
	app_key(f->app, KEYMAP_RESIZE);
	keys(f, "<Enter>nx");
	screen_is(f, "compare-refs-publication");
}

static void
test_matrix(void **state)
{
	struct fixture *f = *state;

	resize(30, 100);
	keys(f, "<Enter>o");
	screen_is(f, "matrix");
	keys(f, "jjjj");
	screen_is(f, "matrix-vraag5");
	keys(f, "l<Enter>");
	screen_is(f, "compare-from-matrix");
	keys(f, "olllll<Enter>");
	screen_is(f, "compare-from-matrix-not-imported");
}

static void
test_search(void **state)
{
	struct fixture *f = *state;

	resize(30, 100);
	keys(f, "/");
	screen_is(f, "search-prompt");
	keys(f, "ambtenaren<Enter>");
	screen_is(f, "search-ambtenaren");
	assert_true(attr_of("ambtenaren") & A_BOLD);
	/* The first hit opens in context, the cursor on its passage. */
	keys(f, "<Enter>");
	screen_is(f, "search-opened");
	keys(f, "q/");
	screen_is(f, "search-edit");
	keys(f, "<Home><Delete><Delete><Delete><Delete><Delete><Delete><Delete><Delete><Delete><Delete>ambtenarren<Enter>");
	screen_is(f, "search-suggestion");
	keys(f, "/<Up><Up>");
	screen_is(f, "search-history");
	keys(f, "<Esc>q");
	assert_true(app_running(f->app));
	screen_is(f, "library-100x30");
}

/*
 * The prompt: / opens with the last search selected (typing replaces it,
 * Right and C-e keep it), the readline keys edit, Up and Down go through
 * the searches before.
 */
static void
test_prompt_keys(void **state)
{
	struct fixture *f = *state;

	resize(30, 100);
	keys(f, "/ambtenaren<Enter>q/");
	assert_true(on_screen(f, " Search: ambtenaren▏"));
	assert_true(attr_of("ambtenaren") & A_REVERSE);
	keys(f, "x");
	assert_true(on_screen(f, " Search: x▏"));
	keys(f, "<Esc>/<Right>x");
	assert_true(on_screen(f, " Search: ambtenarenx▏"));
	assert_false(attr_of("ambtenarenx") & A_REVERSE);
	keys(f, "<Esc>/<C-e>y");
	assert_true(on_screen(f, " Search: ambtenareny▏"));
	keys(f, "<Esc>/<Backspace>");
	assert_true(on_screen(f, " Search: ▏"));
	/* C-u, M-b, C-k, C-w, C-a, M-f */
	keys(f, "een twee drie<M-b><M-b><C-k>");
	assert_true(on_screen(f, " Search: een ▏"));
	keys(f, "twee drie<C-w>");
	assert_true(on_screen(f, " Search: een twee ▏"));
	keys(f, "<C-a>nul <C-e>vier");
	assert_true(on_screen(f, " Search: nul een twee vier▏"));
	keys(f, "<C-a><M-f><M-f><C-u><C-e>");
	assert_true(on_screen(f, " Search:  twee vier▏"));
	keys(f, "<C-a><Delete><C-e><Enter>");
	screen_is(f, "search-twee-vier");
	/* Up and Down: the searches before, then the line typed. */
	keys(f, "/<Up>");
	assert_true(on_screen(f, " Search: ambtenaren▏"));
	keys(f, "<Up>");
	assert_true(on_screen(f, " Search: ambtenaren▏"));
	keys(f, "<Down>");
	assert_true(on_screen(f, " Search: twee vier▏"));
	keys(f, "<Down>");
	assert_true(on_screen(f, " Search: ▏"));
	/* Each kind of prompt has its own history: a file name is none of these. */
	keys(f, "<Esc>q<Enter>e<Up>");
	assert_true(on_screen(f, "File:"));
	assert_false(on_screen(f, "twee vier"));
}

/* The status line (the last row) as drawn now; the caller frees it. */
static char *
status_line(struct fixture *f)
{
	char *screen, *last, *line;

	app_draw(f->app);
	screen = dump();
	screen[strlen(screen) - 1] = '\0';
	last = strrchr(screen, '\n');
	line = strdup(last ? last + 1 : screen);
	free(screen);
	return line;
}

/* The status line holds text. */
static bool
status_has(struct fixture *f, const char *text)
{
	char *line = status_line(f);
	bool has = strstr(line, text) != NULL;

	free(line);
	return has;
}

/*
 * At 80 columns every view keeps "? help" on the status line, however
 * long what the view says there and however many keys it would hint;
 * not while a line is typed, where ? is a character.
 */
static void
test_status_keeps_help(void **state)
{
	struct fixture *f = *state;
	static const char *const steps[] = {
		"", "Sk", "S<Enter>", "nnnnnnnsl", "r", "qb", "q/ambtenaren<Enter>",
	};

	for (size_t i = 0; i < sizeof(steps) / sizeof(*steps); i++) {
		keys(f, steps[i]);
		if (!status_has(f, "? help"))
			fail_msg("no \"? help\" on the status line after \"%s\"", steps[i]);
	}
	keys(f, "/");
	assert_false(status_has(f, "? help"));
	keys(f, "<Esc>qqf");
	assert_false(status_has(f, "? help"));
}

/*
 * A message longer than the status line is cut after a whole word, with
 * "…" and the key that shows it whole; M shows it over the last rows
 * until the next key.
 */
static void
test_long_message(void **state)
{
	struct fixture *f = *state;
	char *line;

	app_message(f->app, "cannot import 'Kamervragen/antwoord-eerdmans.pdf': pdftotext "
	    "is not installed (install poppler-utils, or convert the file to text first)");
	line = status_line(f);
	assert_string_equal(line, "cannot import 'Kamervragen/antwoord-eerdmans.pdf': pdftotext "
	    "is … (M shows all)");
	free(line);
	/* A word longer than half the line is cut where the line ends. */
	app_message(f->app, "cannot write '/home/ambtenaar/Documenten/Kamervragen/2024/"
	    "antwoorden-op-de-vragen-van-het-lid-eerdmans.md': No space left on device");
	line = status_line(f);
	assert_string_equal(line, "cannot write '/home/ambtenaar/Documenten/Kamervragen/2024/"
	    "antwoor… (M shows all)");
	free(line);
	app_message(f->app, "cannot import 'Kamervragen/antwoord-eerdmans.pdf': pdftotext "
	    "is not installed (install poppler-utils, or convert the file to text first)");
	keys(f, "M");
	screen_is(f, "message-whole");
	keys(f, "j");
	assert_true(status_has(f, "? help"));
	assert_false(on_screen(f, "poppler-utils"));
	/* A message that fits is shown as it is. */
	app_message(f->app, "Sorted by received date");
	assert_true(status_has(f, "Sorted by received date"));
	assert_false(status_has(f, "…"));
}

/* A file name starting with ~/ in the export prompt is in $HOME. */
static void
test_export_home(void **state)
{
	struct fixture *f = *state;
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	char path[256], want[512];

	setenv("HOME", f->dir, 1);
	resize(30, 100);
	keys(f, "<Enter>e<C-u>~bob/vraag1.md<Enter>");
	assert_true(on_screen(f, "~user is not understood here: write the whole path, or ~/ for"));
	keys(f, "<C-u>~/vraag1.md<Enter>");
	snprintf(path, sizeof(path), "%s/vraag1.md", f->dir);
	assert_int_equal(access(path, F_OK), 0);
	snprintf(want, sizeof(want), "to %s", path);
	assert_true(on_screen(f, want));
	/* ~ alone is the home directory itself, not a file in it. */
	keys(f, "e<C-u>~<Enter>");
	assert_true(on_screen(f, "File:"));
	assert_false(on_screen(f, "Wrote"));
	if (home)
		setenv("HOME", home, 1);
	else
		unsetenv("HOME");
	free(home);
}

/*
 * The export prompt refuses a named pipe as the command line does: one
 * line, no question whether to overwrite it, and the pipe stays one.
 */
static void
test_export_onto_a_pipe(void **state)
{
	struct fixture *f = *state;
	char path[256], typed[300];
	struct stat sb;

	resize(30, 120);
	snprintf(path, sizeof(path), "%s/pipe.md", f->dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	snprintf(typed, sizeof(typed), "<Enter>e<C-u>%s<Enter>", path);
	keys(f, typed);
	snprintf(typed, sizeof(typed), "cannot write '%s': it is a named pipe", path);
	assert_true(on_screen(f, typed));
	assert_false(on_screen(f, "Overwrite it?"));
	assert_false(on_screen(f, "Wrote"));
	assert_int_equal(stat(path, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
}

/*
 * The picker says which ministries another pane shows; choosing one swaps
 * the two panes, so that no two panes show the same answer.
 */
static void
test_picker_swaps(void **state)
{
	struct fixture *f = *state;
	int y, az, bzk;

	resize(30, 100);
	keys(f, "<Enter>m");
	assert_true(on_screen(f, "BZK   answered 16-02-2024  · pane 2: swaps"));
	assert_false(on_screen(f, "AZ    answered 15-02-2024  · pane"));
	keys(f, "j<Enter>");
	screen_is(f, "compare-swapped");
	assert_true(find_on_screen("┌ BZK", &y, &bzk));
	assert_true(find_on_screen("┌ AZ", &y, &az));
	assert_true(bzk < az);
	/* A ministry no pane shows just replaces the focused pane's. */
	keys(f, "<Tab>mjjj<Enter>");
	app_draw(f->app);
	assert_true(find_on_screen("┌ BZK", &y, &bzk));
	assert_false(find_on_screen("┌ AZ", &y, &az));
}

static void
test_search_letter_and_related(void **state)
{
	struct fixture *f = *state;

	resize(30, 100);
	keys(f, "/overheidsomgeving<Enter>");
	screen_is(f, "search-letter");
	keys(f, "<Enter>");
	screen_is(f, "search-letter-reader");
	keys(f, "R");
	screen_is(f, "related-letter");
	keys(f, "qqq<Enter>nnnnnnnjjjR");
	screen_is(f, "related-answer");
}

/* A published PDF of tests/corpus-pdf, imported as naast import does it. */
static void
import_pdf(struct store *st, const char *rel)
{
	struct document *doc = NULL;
	struct import_result res;
	struct error err = { "" };
	size_t len, text_len;
	char *pdf = test_read_file(rel, &len), *text = NULL;

	if (pdf_extract(pdf, len, &text, &text_len, &err) != STATUS_OK ||
	    parse_document(text, text_len, NULL, &doc, &err) != STATUS_OK ||
	    store_import(st, rel, doc, &res, &err) != STATUS_OK)
		fail_msg("%s: %s", rel, err.msg);
	model_free(doc);
	free(text);
	free(pdf);
}

/*
 * A published answer: footnotes under their paragraphs with the markers
 * in place, a portfolio and "mede namens" in the pane title, one answer
 * to vragen 10 and 11, and the ministry that did not answer.
 */
static void
test_published_pdf(void **state)
{
	struct fixture *f = *state;

	import_pdf(f->st, "tests/corpus-pdf/1b0f0b98-7c34-418c-98dc-43de7930e685.pdf");
	resize(30, 100);
	keys(f, "<Home>");
	screen_is(f, "pdf-library");
	keys(f, "<Enter>n");
	screen_is(f, "pdf-footnote");
	keys(f, "nnnnnnnn");
	screen_is(f, "pdf-shared-answer");
	keys(f, "r");
	screen_is(f, "pdf-reader");
}

/*
 * The footnotes of the vragen (issue 16): under the vraag in the compare
 * view, its marker in place; a word that only such a footnote has is a
 * hit that says whose footnote it is, and opens at that vraag.
 */
static void
test_vraag_footnotes(void **state)
{
	struct fixture *f = *state;

	import_pdf(f->st, "tests/corpus-pdf/1b0f0b98-7c34-418c-98dc-43de7930e685.pdf");
	resize(30, 100);
	keys(f, "<Home><Enter>");
	screen_is(f, "pdf-vraag-footnote");
	keys(f, "q/kalikasan<Enter>");
	screen_is(f, "search-vraag-footnote");
	keys(f, "<Enter>");
	screen_is(f, "search-vraag-footnote-opened");
}

static void
parse_ok_import(struct fixture *f, const char *text)
{
	struct document *doc = NULL;
	struct import_result res;
	struct error err = { "" };

	if (parse_document(text, strlen(text), NULL, &doc, &err) != STATUS_OK ||
	    store_import(f->st, "mededeling.txt", doc, &res, &err) != STATUS_OK)
		fail_msg("mededeling: %s", err.msg);
	model_free(doc);
}

/* DEF's notice of delay on the seeds' set, in the layout of the answers. */
static const char mededeling_of_def[] =
    "Tweede Kamer der Staten-Generaal\n"
    "Vergaderjaar 2023–2024   Aanhangsel van de Handelingen\n\n"
    "                         Vragen gesteld door de leden der Kamer, met de daarop door de\n"
    "                         regering gegeven antwoorden\n\n"
    "                         1041\n\n"
    "                         Vragen van het lid Eerdmans (JA21) aan de Minister-President en de\n"
    "                         Ministers van Binnenlandse Zaken en Koninkrijksrelaties, van\n"
    "                         Buitenlandse Zaken, van Defensie, van Economische Zaken en Klimaat, van\n"
    "                         Financiën, van Infrastructuur en Waterstaat, van Justitie en Veiligheid,\n"
    "                         van Landbouw, Natuur en Voedselkwaliteit, van Onderwijs, Cultuur en\n"
    "                         Wetenschap, van Sociale Zaken en Werkgelegenheid en van Volksgezondheid,\n"
    "                         Welzijn en Sport over bijeenkomsten met ambtenaren naar aanleiding van\n"
    "                         de verkiezingsuitslag van 22 november 2023 (ingezonden 29 januari 2024).\n"
    "                         Mededeling van Minister Ollongren (Defensie) (ontvangen 14 februari 2024)\n\n"
    "                         De vragen kunnen niet binnen de gebruikelijke termijn van drie weken\n"
    "                         worden beantwoord.\n";

/* A mededeling instead of an answer: the set lists it, its pane says so, r reads it. */
static void
test_mededeling(void **state)
{
	static const char text[] =
	    "Tweede Kamer der Staten-Generaal\n"
	    "Vergaderjaar 2023–2024   Aanhangsel van de Handelingen\n\n"
	    "                         Vragen gesteld door de leden der Kamer, met de daarop door de\n"
	    "                         regering gegeven antwoorden\n\n"
	    "                         2211\n\n"
	    "                         Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van\n"
	    "                         Financiën over rekeninggluren (ingezonden 28 juni 2024).\n"
	    "                         Mededeling van Minister Heinen (Financiën) (ontvangen 19 juli 2024)\n\n"
	    "                         De vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van\n"
	    "                         Financiën over rekeninggluren (ingezonden 28 juni 2024) kunnen niet\n"
	    "                         binnen de gebruikelijke termijn van drie weken worden beantwoord.\n"
	    "                         Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.\n";
	struct fixture *f = *state;
	struct document *doc = NULL;
	struct import_result res;
	struct error err = { "" };

	if (parse_document(text, sizeof(text) - 1, NULL, &doc, &err) != STATUS_OK ||
	    store_import(f->st, "mededeling.txt", doc, &res, &err) != STATUS_OK)
		fail_msg("mededeling: %s", err.msg);
	model_free(doc);
	resize(30, 100);
	keys(f, "<Home>");
	screen_is(f, "mededeling-library");
	/* a set with no vragen yet opens its mededeling in the reader */
	keys(f, "<Enter>");
	screen_is(f, "mededeling-reader");

	/* a mededeling of DEF on the seeds' set: DEF's pane says so, r reads it */
	parse_ok_import(f, mededeling_of_def);
	keys(f, "qj<Enter>");
	screen_is(f, "mededeling-pane");
	keys(f, "llr");
	assert_true(on_screen(f, "Mededeling by DEF, ontvangen 14 February 2024"));
}

/* The screen shows text somewhere (after a draw). */
static bool
on_screen(struct fixture *f, const char *text)
{
	int y, x;

	app_draw(f->app);
	return find_on_screen(text, &y, &x);
}

/*
 * The open data in the interface: F asks for a Zaak in a box (a wrong
 * number and a service that does not answer are said there; Esc
 * cancels), N lists the answers fetched since the user last looked,
 * counted on the library's status line, and Enter on one opens its set
 * on that ministry's pane.
 */
static void
test_fetch_and_new(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };

	keys(f, "F");
	screen_is(f, "fetch-prompt");
	keys(f, "nonsense<Enter>");
	assert_true(on_screen(f, "Type a Zaak number (2024Z01294)"));
	keys(f, "<Esc>");
	assert_true(on_screen(f, "Nothing fetched"));

	/* nothing listens on port 1: one line in the box, nothing stored */
	assert_int_equal(setenv("XDG_CACHE_HOME", f->dir, 1), 0);
	assert_int_equal(setenv("NAAST_API", "http://127.0.0.1:1/OData/v4/2.0/", 1), 0);
	keys(f, "F2024Z01294<Enter>");
	assert_true(on_screen(f, "cannot get http://127.0.0.1:1/"));
	keys(f, "<Esc>");
	assert_int_equal(unsetenv("NAAST_API"), 0);

	/* the two answers as if fetched */
	assert_int_equal(store_official(f->st, 1, "2024Z01294", "guid-az",
	    "2024D05602", "ah-tk-20232024-1038", &err), STATUS_OK);
	assert_int_equal(store_official(f->st, 2, "2024Z01294", "guid-bzk",
	    "2024D05678", "ah-tk-20232024-1059", &err), STATUS_OK);
	app_reload(f->app);
	keys(f, "g");
	assert_true(on_screen(f, "· 2 new"));
	keys(f, "N");
	screen_is(f, "new");
	keys(f, "j<Enter>");
	screen_is(f, "new-compare");
	keys(f, "qq");
	assert_false(on_screen(f, "· 2 new"));
	keys(f, "N");
	screen_is(f, "new-nothing");
}

/*
 * D removes from the library what is under the cursor, after asking on
 * the status line with the basket items that would go too: any key but
 * y keeps it; in the reader, the document read, back to the library.
 */
static void
test_remove_document(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };
	struct selected *sel;
	long long *docs;
	size_t n;
	bool added;

	keys(f, "jD");
	assert_true(on_screen(f, "Remove letter 3 from the library? (y/n)"));
	keys(f, "n");
	assert_true(on_screen(f, "Nothing removed"));
	assert_true(on_screen(f, "Bruins Slot"));

	assert_int_equal(store_set_documents(f->st, 1, &docs, &n, &err), STATUS_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_select_add(f->st, 5, &added, &err), STATUS_OK);
	app_basket_changed(f->app);
	keys(f, "kD");
	assert_true(on_screen(f, "Remove set 1 and its 2 documents? 1 basket item cites them and goes too. (y/n)"));
	keys(f, "y");
	assert_true(on_screen(f, "Removed 2 documents and 1 basket item"));
	assert_false(on_screen(f, "Eerdmans"));
	assert_int_equal(store_selection(f->st, &sel, &n, &err), STATUS_OK);
	assert_int_equal(n, 0);
	free(sel);
	free(docs);

	keys(f, "<Home><Enter>D");
	assert_true(on_screen(f, "Remove document 3 (004_e244608e296288d3.txt) from the library? (y/n)"));
	keys(f, "Y");
	assert_true(on_screen(f, "Removed 1 document"));
	assert_true(on_screen(f, "The library is empty"));
}

/*
 * A document naast could not fully read: its library row is marked, the
 * help says what the mark means, the reader lists what was not read.
 */
static void
test_warnings_shown(void **state)
{
	static const char text[] =
	    "Vragen van het lid Visser (VVD) aan de Minister van Defensie en de "
	    "Minister van Zeezaken over schepen (ingezonden 2 mei 2024).\n\n"
	    "Antwoord van Minister Aalders (Defensie) (ontvangen 4 juni 2024)."
	    "\n\nVraag 1\n\nHoeveel schepen?\n\nAntwoord 1\n\nVeel.\n";
	struct fixture *f = *state;
	int y, x, seeds_y, seeds_x;

	parse_ok_import(f, text);
	resize(30, 100);
	keys(f, "<Home>");
	assert_true(on_screen(f, "schepen"));
	find_on_screen("schepen", &y, &x);
	assert_true(find_on_screen("!", &y, &x));
	assert_int_equal(x, 0);
	/* the seeds were read in full: their row has no mark */
	assert_true(find_on_screen("bijeenkomsten", &seeds_y, &seeds_x));
	assert_int_not_equal(seeds_y, y);
	assert_true(on_screen(f, "! DEF not fully read: question header: "
	    "unknown ministry 'Zeezaken'"));
	keys(f, "?G");
	assert_true(on_screen(f, "Signs"));
	assert_true(on_screen(f, "naast could not fully read a document of"));
	keys(f, "q<Enter>r");
	assert_true(on_screen(f, "naast could not fully read this document:"));
	assert_true(on_screen(f, "! question header: unknown ministry 'Zeezaken'"));
	keys(f, "<Tab>");
	assert_true(on_screen(f, "Not fully read"));
}

/*
 * A set sent to a portfolio of EZK before July 2024 and answered by KGG
 * after: the library's row counts it answered and its detail says by
 * whom; the matrix heads the column with both codes.
 */
static void
test_successor(void **state)
{
	static const char text[] =
	    "Vragen van het lid Jansen (SP) aan de Minister voor Klimaat en Energie\n"
	    "over warmtenetten (ingezonden 12 juni 2024).\n\n"
	    "Antwoord van Minister Hermans (Klimaat en Groene Groei) (ontvangen\n"
	    "12 augustus 2024).\n\n"
	    "Vraag 1\nBent u bekend met het bericht?\n\n"
	    "Antwoord 1\nJa.\n";
	struct fixture *f = *state;

	parse_ok_import(f, text);
	resize(30, 100);
	keys(f, "<Home>");
	assert_true(on_screen(f, "1/1 beantwoord"));
	assert_true(on_screen(f, "sent to EZK (KenE) · answered by KGG (successor of EZK; 12"));
	keys(f, "<Enter>o");
	assert_true(on_screen(f, "EZK→KGG"));
	assert_true(on_screen(f, "Vraag 1 · EZK→KGG"));
}

/* The basket: Space, a, b, reorder, a note, y, e and its prompt. */
static void
test_basket_and_export(void **state)
{
	struct fixture *f = *state;
	char cwd[PATH_MAX], path[256], *md, *copied;
	struct selected *sel;
	struct error err = { "" };
	size_t n;
	FILE *fp;

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(f->dir), 0);	/* exports go to the current directory */
	resize(30, 100);
	keys(f, "b");
	screen_is(f, "basket-empty");
	keys(f, "q<Enter>nnnnnnn ");
	screen_is(f, "basket-space");
	assert_true(on_screen(f, "Put 1 passage in the basket (1 in all; b shows it)"));
	assert_true(attr_of("┃") & A_BOLD);
	keys(f, "<Tab>a");
	assert_true(on_screen(f, "Put 2 passages in the basket (3 in all; b shows it)"));
	/* y copies the passage under the cursor, even with a full basket */
	keys(f, "y");
	assert_true(on_screen(f, "Copied the passage as Markdown with citations"));
	copied = clipboard_sent(f);
	assert_non_null(copied);
	assert_non_null(strstr(copied, "Van Huffelen"));
	assert_null(strstr(copied, "Minister-President Rutte"));
	free(copied);
	/* Y copies all of the basket */
	keys(f, "Y");
	assert_true(on_screen(f, "Copied the basket as Markdown with citations"));
	copied = clipboard_sent(f);
	assert_non_null(copied);
	assert_non_null(strstr(copied,
	    "Antwoord van Minister-President Rutte (Algemene Zaken), ontvangen 15 februari 2024"));
	assert_non_null(strstr(copied, "Van Huffelen"));
	free(copied);
	/* It is sent once, with the frame after the key. */
	assert_null(clipboard_sent(f));
	keys(f, "b");
	screen_is(f, "basket");
	keys(f, "GKK");
	screen_is(f, "basket-moved");
	keys(f, "nVergelijk met BZK<Enter>");
	screen_is(f, "basket-note");
	/* the basket is in the database, in that order, with the note */
	assert_int_equal(store_selection(f->st, &sel, &n, &err), STATUS_OK);
	assert_int_equal(n, 3);
	assert_string_equal(sel[0].note, "Vergelijk met BZK");
	store_selection_free(sel, n);

	keys(f, "e");
	screen_is(f, "export-prompt");
	keys(f, "<Tab>");
	screen_is(f, "export-prompt-txt");
	keys(f, "<BackTab><Enter>");
	snprintf(path, sizeof(path), "%s/naast-eerdmans-2024-01-29-vraag8.md", f->dir);
	assert_true(on_screen(f, "Wrote 3 passages to "));
	assert_true(on_screen(f, "naast-eerdmans-2024-01-29-vraag8.md"));
	fp = fopen(path, "r");
	assert_non_null(fp);
	md = calloc(1, 65536);
	assert_true(fread(md, 1, 65535, fp) > 0);
	fclose(fp);
	assert_non_null(strstr(md, "**Notitie:** Vergelijk met BZK"));
	assert_non_null(strstr(md, "Aanhangsel Handelingen II 2023/24, nr. 1059."));
	free(md);
	/* a second export to the same name asks first, and n keeps the file */
	keys(f, "e<Enter>");
	screen_is(f, "export-exists");
	keys(f, "n");
	assert_true(on_screen(f, "Export the basket: 3 passages"));
	keys(f, "<Esc>");
	assert_true(on_screen(f, "Nothing exported"));
	/* Tab goes round every format, Word and Excel too, and back to md */
	keys(f, "e<Tab><Tab><Tab><Tab><Tab>");
	assert_true(on_screen(f, "[docx]"));
	assert_true(on_screen(f, "naast-eerdmans-2024-01-29-vraag8.docx"));
	keys(f, "<Tab>");
	assert_true(on_screen(f, "[xlsx]"));
	keys(f, "<Tab>");
	assert_true(on_screen(f, "[md]"));
	keys(f, "<BackTab><BackTab><Enter>");
	assert_true(on_screen(f, "naast-eerdmans-2024-01-29-vraag8.docx"));
	snprintf(path, sizeof(path), "%s/naast-eerdmans-2024-01-29-vraag8.docx", f->dir);
	/* the basket's passages follow in turn, each run with its footnote */
	md = zip_part(path, "word/document.xml");
	assert_non_null(md);
	assert_null(strstr(md, "<w:tbl>"));
	assert_non_null(strstr(md, "<w:footnoteReference w:id=\"1\"/>"));
	free(md);
	assert_int_equal(unlink(path), 0);

	/* d takes a passage out; Space in the basket does too */
	keys(f, "d");
	assert_true(on_screen(f, "Took 1 passage out of the basket (2 left)"));
	keys(f, " ");
	assert_true(on_screen(f, "(1 left)"));
	keys(f, "q");
	/* the vraag's own export from the compare view */
	keys(f, "e");
	assert_true(on_screen(f, "Export vraag 8: 4 passages"));
	/* in Word, as on the screen: side by side, in a table */
	keys(f, "<BackTab><BackTab><Enter>");
	assert_true(on_screen(f, "Wrote 4 passages to "));
	md = zip_part(path, "word/document.xml");
	assert_non_null(md);
	assert_non_null(strstr(md, "<w:tbl>"));
	free(md);
	keys(f, "e");
	assert_true(on_screen(f, "Export vraag 8: 4 passages"));
	keys(f, "<Esc>");
	assert_int_equal(chdir(cwd), 0);
}

/* ------------------------------------------------------- lists move alike */

/*
 * The line of the screen that a list's cursor highlights, the first if
 * there are more, into buf; "" when none is.  The status line, which
 * looks the same, is left out.
 */
static void
cursor_line(struct fixture *f, char *buf, size_t size)
{
	attr_t want = draw_attr(UI_CURSOR);
	char *screen, *line;
	int at = -1;

	app_draw(f->app);
	for (int y = 0; y < LINES - 1 && at < 0; y++) {
		for (int x = 0; x < COLS && at < 0; x++) {
			cchar_t cell;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attr;
			short pair;

			if (mvwin_wch(stdscr, y, x, &cell) == ERR ||
			    getcchar(&cell, wch, &attr, &pair, NULL) == ERR)
				continue;
			if ((attr & ~A_COLOR) == (want & ~A_COLOR) && pair == PAIR_NUMBER(want))
				at = y;
		}
	}
	screen = dump();
	line = screen;
	for (int y = 0; y < at; y++)
		line = strchr(line, '\n') + 1;
	snprintf(buf, size, "%.*s", at < 0 ? 0 : (int)strcspn(line, "\n"), line);
	free(screen);
}

/* The cursor's line shows text. */
static void
cursor_on(struct fixture *f, const char *text)
{
	char line[1024];

	cursor_line(f, line, sizeof(line));
	if (!strstr(line, text))
		fail_msg("the cursor is not on '%s' but on '%s'", text, line);
}

/* Types the keys; then the cursor's line shows text. */
static void
cursor_after(struct fixture *f, const char *script, const char *text)
{
	keys(f, script);
	cursor_on(f, text);
}

/* A step of the mouse wheel over the middle of the screen. */
static void
wheel(struct fixture *f, enum mouse event)
{
	app_draw(f->app);
	app_mouse(f->app, event, LINES / 2, COLS / 2);
}

/* 150 sets at 80x24: 18 rows on screen, a page is 17 (one row stays), the wheel 3. */
static void
test_library_moves(void **state)
{
	struct fixture *f = *state;

	import_many_sets(f, 150);
	cursor_after(f, "", "Eerdmans");
	cursor_after(f, "j", "nummer 138");
	cursor_after(f, "<Down>", "nummer 110");
	cursor_after(f, "<PgDn>", "nummer 048");
	screen_is(f, "library-many-page-down");
	cursor_after(f, "G", "(letter to)");
	cursor_after(f, "g", "Eerdmans");
	cursor_after(f, "<End>", "(letter to)");
	cursor_after(f, "<Home>", "Eerdmans");
	cursor_after(f, "<PgDn><PgDn><PgUp>", "nummer 104");
	cursor_after(f, "k", "nummer 132");
	wheel(f, MOUSE_WHEEL_DOWN);
	cursor_on(f, "nummer 048");
	wheel(f, MOUSE_WHEEL_UP);
	cursor_on(f, "nummer 132");
	/* A click on the lines under the list, which tell more of the row, selects none. */
	app_draw(f->app);
	app_mouse(f->app, MOUSE_CLICK, 21, 10);
	cursor_on(f, "nummer 132");
}

/* Eleven passages in the basket at 80x24: four on screen, a page is four. */
static void
test_basket_moves(void **state)
{
	struct fixture *f = *state;
	struct selected *sel;
	struct error err = { "" };
	size_t n;

	keys(f, "<Enter>anananananananana");
	assert_true(on_screen(f, "(11 in all; b shows it)"));
	cursor_after(f, "b", " 1. ");
	cursor_after(f, "j", " 2. ");
	cursor_after(f, "<Down>", " 3. ");
	cursor_after(f, "<PgDn>", " 7. ");
	screen_is(f, "basket-page-down");
	cursor_after(f, "G", " 11. ");
	cursor_after(f, "g", " 1. ");
	cursor_after(f, "<End>", " 11. ");
	cursor_after(f, "<Home>", " 1. ");
	cursor_after(f, "<PgDn><PgDn><PgUp>", " 5. ");
	cursor_after(f, "k", " 4. ");
	wheel(f, MOUSE_WHEEL_DOWN);
	cursor_on(f, " 5. ");
	wheel(f, MOUSE_WHEEL_UP);
	cursor_on(f, " 4. ");
	/* While a note is typed the wheel leaves the cursor, and the note, where they are. */
	keys(f, "nWiel");
	wheel(f, MOUSE_WHEEL_DOWN);
	cursor_after(f, "<Enter>", " 4. ");
	assert_int_equal(store_selection(f->st, &sel, &n, &err), STATUS_OK);
	assert_int_equal(n, 11);
	assert_string_equal(sel[3].note, "Wiel");
	assert_null(sel[4].note);
	store_selection_free(sel, n);
}

/* The matrix at 80x12: six vragen on screen, a page is six. */
static void
test_matrix_moves(void **state)
{
	struct fixture *f = *state;

	resize(12, 80);
	keys(f, "<Enter>");
	cursor_after(f, "o", "Vraag 1 ");
	cursor_after(f, "j", "Vraag 2 ");
	cursor_after(f, "<Down>", "Vraag 3 ");
	cursor_after(f, "<PgDn>", "Vraag 9 ");
	screen_is(f, "matrix-page-down");
	cursor_after(f, "g", "Vraag 1 ");
	cursor_after(f, "G", "Vraag 9 ");
	cursor_after(f, "<Home>", "Vraag 1 ");
	cursor_after(f, "<End>", "Vraag 9 ");
	cursor_after(f, "<PgUp>", "Vraag 3 ");
	cursor_after(f, "k", "Vraag 2 ");
	wheel(f, MOUSE_WHEEL_DOWN);
	cursor_on(f, "Vraag 3 ");
	wheel(f, MOUSE_WHEEL_UP);
	cursor_on(f, "Vraag 2 ");
}

/*
 * The 22 hits for ambtenaren at 80x24: five on screen, a page is five.
 * Hits share their places, so the status line says where the cursor is.
 */
static void
test_search_moves(void **state)
{
	struct fixture *f = *state;

	keys(f, "/ambtenaren<Enter>");
	assert_true(on_screen(f, "Hit 1 of 17"));
	cursor_on(f, "set 1 · vraag 8 · BZK · antwoord");
	keys(f, "j");
	assert_true(on_screen(f, "Hit 2 of 17"));
	keys(f, "<Down>");
	assert_true(on_screen(f, "Hit 3 of 17"));
	keys(f, "<PgDn>");
	assert_true(on_screen(f, "Hit 8 of 17"));
	screen_is(f, "search-page-down");
	cursor_on(f, "set 1 · vraag 5 · AZ, BZK · vraag");
	keys(f, "G");
	assert_true(on_screen(f, "Hit 17 of 17"));
	keys(f, "g");
	assert_true(on_screen(f, "Hit 1 of 17"));
	keys(f, "<End>");
	assert_true(on_screen(f, "Hit 17 of 17"));
	keys(f, "<Home>");
	assert_true(on_screen(f, "Hit 1 of 17"));
	keys(f, "<PgDn><PgDn><PgUp>");
	assert_true(on_screen(f, "Hit 6 of 17"));
	keys(f, "k");
	assert_true(on_screen(f, "Hit 5 of 17"));
	wheel(f, MOUSE_WHEEL_DOWN);
	assert_true(on_screen(f, "Hit 6 of 17"));
	wheel(f, MOUSE_WHEEL_UP);
	assert_true(on_screen(f, "Hit 5 of 17"));
}

/* The ministries at 80x14: nine on screen, a page is nine. */
static void
test_picker_moves(void **state)
{
	struct fixture *f = *state;

	resize(14, 80);
	keys(f, "<Enter>");
	cursor_after(f, "m", " AZ ");
	cursor_after(f, "<PgDn>", " OCW ");
	screen_is(f, "picker-page-down");
	cursor_after(f, "<PgUp>", " AZ ");
	cursor_after(f, "j", " BZK ");
	cursor_after(f, "<Down>", " BZ ");
	cursor_after(f, "G", " VWS ");
	cursor_after(f, "g", " AZ ");
	cursor_after(f, "<End>", " VWS ");
	cursor_after(f, "<Home>", " AZ ");
	cursor_after(f, "<End><PgUp>", " BZ ");
	cursor_after(f, "k", " BZK ");
	wheel(f, MOUSE_WHEEL_DOWN);
	cursor_on(f, " BZ ");
	wheel(f, MOUSE_WHEEL_UP);
	cursor_on(f, " BZK ");
}

/* The outline of AZ's answer at 80x10: seven of its ten sections on screen. */
static void
test_outline_moves(void **state)
{
	struct fixture *f = *state;

	resize(10, 80);
	keys(f, "<Enter>r");
	cursor_after(f, "<Tab>", " Header  ");
	cursor_after(f, "j", " Vraag 1  ");
	cursor_after(f, "<Down>", " Vraag 2  ");
	cursor_after(f, "k", " Vraag 1  ");
	cursor_after(f, "g", " Header  ");
	cursor_after(f, "<PgDn>", " Vraag 7  ");
	screen_is(f, "reader-outline-page-down");
	cursor_after(f, "G", " Vraag 9  ");
	cursor_after(f, "<Home>", " Header  ");
	cursor_after(f, "<End>", " Vraag 9  ");
	cursor_after(f, "<PgUp>", " Vraag 2  ");
	cursor_after(f, "k", " Vraag 1  ");
	/* The wheel over the outline moves it; over the text, the text. */
	app_draw(f->app);
	app_mouse(f->app, MOUSE_WHEEL_DOWN, 5, 2);
	cursor_on(f, " Vraag 2  ");
	app_draw(f->app);
	app_mouse(f->app, MOUSE_WHEEL_UP, 5, 2);
	cursor_on(f, " Vraag 1  ");
	wheel(f, MOUSE_WHEEL_DOWN);
	cursor_on(f, " Vraag 1  ");
	/* A click on a section jumps to it, wherever the outline has scrolled to. */
	keys(f, "G");
	app_draw(f->app);
	app_mouse(f->app, MOUSE_CLICK, 2, 2);
	assert_true(on_screen(f, "· Vraag 3"));
}

/* Colours follow the terminal; without them, attributes mark the parts. */
static void
test_colours(void **state)
{
	struct fixture *f = *state;

	(void)f;
	unsetenv("NO_COLOR");
	draw_init();
	assert_true(draw_attr(UI_FOCUS) & A_COLOR);
	assert_true(draw_attr(UI_CURSOR) & A_REVERSE);
	setenv("NO_COLOR", "1", 1);
	draw_init();
	assert_false(draw_attr(UI_FOCUS) & A_COLOR);
	assert_true(draw_attr(UI_FOCUS) & A_BOLD);
	assert_true(draw_attr(UI_HEADING) & A_UNDERLINE);
	assert_true(draw_attr(UI_CURSOR) & A_REVERSE);
	assert_true(draw_attr(UI_STATUS) & A_REVERSE);
	unsetenv("NO_COLOR");
}

static void
test_monochrome_terminal(void **state)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *mono = newterm("xterm-mono", out, in), *old;

	(void)state;
	assert_non_null(mono);
	old = set_term(mono);
	assert_false(has_colors());
	draw_init();
	assert_false(draw_attr(UI_FOCUS) & A_COLOR);
	assert_true(draw_attr(UI_CURSOR) & A_REVERSE);
	endwin();
	set_term(old);
	delscreen(mono);
	fclose(out);
	fclose(in);
}

/* ------------------------------------------------------------------ Dutch */

/* Whether naast speaks Dutch here, in nl_NL.UTF-8 made for the tests. */
static bool dutch;

/*
 * The tests in Dutch run under nl_NL.UTF-8, which tests/nl_locale.sh makes
 * in the build tree (for LOCPATH: no root needed), and the catalogue
 * beside the program (main binds it).  Numbers stay C's, as naast keeps
 * them (tui/main.c).  Where naast is built without NLS or the locale
 * cannot be made, they return at once: cmocka's skip is "not ok" to
 * automake's TAP driver, and tests/i18n.sh says why as a SKIP.
 */
static int
setup_nl(void **state)
{
	const char *top = getenv("top_srcdir"), *build = getenv("top_builddir");
	char dir[2048], cmd[4200];

	snprintf(dir, sizeof(dir), "%s/tests/locale", build ? build : ".");
	snprintf(cmd, sizeof(cmd), "sh '%s/tests/nl_locale.sh' '%s'", top ? top : ".", dir);
	dutch = I18N_NLS && system(cmd) == 0 && setenv("LOCPATH", dir, 1) == 0 &&
	    setlocale(LC_ALL, "nl_NL.UTF-8") != NULL;
	setlocale(LC_NUMERIC, "C");
	return setup(state);
}

static int
teardown_nl(void **state)
{
	int rc = teardown(state);

	setlocale(LC_ALL, "C.UTF-8");
	return rc;
}

/*
 * The library, its help and the compare view in Dutch: the same screens
 * as in English (test_library, test_help, test_compare_narrow_and_ministry),
 * the words of the domain as they are, and "? hulp" on the status line.
 */
static void
test_dutch_library_and_help(void **state)
{
	struct fixture *f = *state;

	if (!dutch)
		return;		/* tests/i18n.sh says why, as a SKIP */
	screen_is(f, "nl-library");
	assert_true(status_has(f, "? hulp"));
	keys(f, "S");
	screen_is(f, "nl-library-by-received");
	keys(f, "fzzz");
	screen_is(f, "nl-library-no-match");
	keys(f, "<Esc>?");
	screen_is(f, "nl-help-library");
	keys(f, "q<Enter>?");
	screen_is(f, "nl-help-compare");
}

/*
 * A parse warning in Dutch: stored as what the parser said, shown in the
 * language of the one who reads it (the library's line and the reader).
 */
static void
test_dutch_warnings(void **state)
{
	static const char text[] =
	    "Vragen van het lid Visser (VVD) aan de Minister van Defensie en de "
	    "Minister van Zeezaken over schepen (ingezonden 2 mei 2024).\n\n"
	    "Antwoord van Minister Aalders (Defensie) (ontvangen 4 juni 2024)."
	    "\n\nVraag 1\n\nHoeveel schepen?\n\nAntwoord 1\n\nVeel.\n";
	struct fixture *f = *state;

	if (!dutch)
		return;		/* tests/i18n.sh says why, as a SKIP */
	parse_ok_import(f, text);
	resize(30, 100);
	keys(f, "<Home>");
	assert_true(on_screen(f, "! DEF niet volledig gelezen: vragenkop: "
	    "onbekend ministerie 'Zeezaken', niet meegeteld"));
	keys(f, "<Enter>r");
	screen_is(f, "nl-reader-warnings");
	assert_true(on_screen(f, "! vragenkop: onbekend ministerie 'Zeezaken', "
	    "niet meegeteld"));
}

static void
test_dutch_compare_and_export(void **state)
{
	struct fixture *f = *state;

	if (!dutch)
		return;		/* tests/i18n.sh says why, as a SKIP */
	keys(f, "<Enter>");
	screen_is(f, "nl-compare-80x24");
	assert_true(status_has(f, "? hulp"));
	keys(f, "m");
	screen_is(f, "nl-compare-picker");
	keys(f, "<Esc>");
	resize(30, 100);
	keys(f, "nnnnnnn");
	screen_is(f, "nl-compare-vraag8");
	keys(f, "d");
	assert_true(on_screen(f, "Verschillen: gewoon = elk paneel zegt het"));
	keys(f, "d<Space>");
	assert_true(on_screen(f, "1 passage in de selectie gezet (1 in totaal; b toont de selectie)"));
	resize(24, 80);
	keys(f, "e");
	screen_is(f, "nl-export-prompt-vraag");
	keys(f, "<Tab>");
	screen_is(f, "nl-export-prompt-txt");
	keys(f, "<Esc>");
	assert_true(on_screen(f, "Niets geëxporteerd"));
	keys(f, "b");
	screen_is(f, "nl-basket");
	keys(f, "e");
	screen_is(f, "nl-export-prompt");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_library, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compare, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compare_narrow_and_ministry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reader, setup, teardown),
		cmocka_unit_test_setup_teardown(test_help, setup, teardown),
		cmocka_unit_test_setup_teardown(test_basket_and_export, setup, teardown),
		cmocka_unit_test_setup_teardown(test_published_pdf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_vraag_footnotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mededeling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_successor, setup, teardown),

		cmocka_unit_test_setup_teardown(test_warnings_shown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mouse_resize_and_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_library_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_panes_scroll_sideways, setup, teardown),
		cmocka_unit_test_setup_teardown(test_differences, setup, teardown),
		cmocka_unit_test_setup_teardown(test_references, setup, teardown),
		cmocka_unit_test_setup_teardown(test_references_to_publications, setup, teardown),
		cmocka_unit_test_setup_teardown(test_matrix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prompt_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_status_keeps_help, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_message, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_home, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_onto_a_pipe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_picker_swaps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_letter_and_related, setup, teardown),
		cmocka_unit_test_setup_teardown(test_library_moves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_basket_moves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_matrix_moves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_moves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_picker_moves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_outline_moves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_colours, setup, teardown),
		cmocka_unit_test_setup_teardown(test_remove_document, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fetch_and_new, setup, teardown),
		cmocka_unit_test(test_monochrome_terminal),
		cmocka_unit_test_setup_teardown(test_dutch_library_and_help, setup_nl, teardown_nl),
		cmocka_unit_test_setup_teardown(test_dutch_compare_and_export, setup_nl, teardown_nl),
		cmocka_unit_test_setup_teardown(test_dutch_warnings, setup_nl, teardown_nl),
	};
	char locale_dir[2048];

	setlocale(LC_ALL, "C.UTF-8");
	/* The catalogue of the build tree, as naast finds it beside itself. */
	snprintf(locale_dir, sizeof(locale_dir), "%s/locale",
	    getenv("top_builddir") ? getenv("top_builddir") : ".");
#if ENABLE_NLS
	bindtextdomain(NAAST_TEXTDOMAIN, locale_dir);
	bind_textdomain_codeset(NAAST_TEXTDOMAIN, "UTF-8");
#endif
	return cmocka_run_group_tests_name("screen", tests, NULL, NULL);
}
