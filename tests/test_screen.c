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
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <unistd.h>
#include <wchar.h>

#include "app.h"
#include "draw.h"
#include "keymap.h"
#include "parse.h"
#include "store.h"
#include "testutil.h"

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
				continue;	/* the second cell of a wide character */
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

/* Types the keys, draws, and compares the screen with tests/screens/NAME. */
static void
screen_is(struct fixture *f, const char *name)
{
	char rel[256], path[4096], *got, *want;
	FILE *fp;

	app_draw(f->app);
	got = dump();
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

/* Sends keys: characters, or the named ones after a '<' ("<Enter>"). */
static void
keys(struct fixture *f, const char *script)
{
	const char *p = script;

	while (*p) {
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
	keys(f, "qqq");
	assert_false(app_running(f->app));
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
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("screen", tests, NULL, NULL);
}
