/*
 * test_keymap: the default bindings, key names both ways, the key-file
 * parser and its messages, user overrides and key files on disk; and the
 * man page against the tables it documents: the keys and the commands.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "keymap.h"
#include "opendata.h"
#include "parse.h"
#include "pdf.h"
#include "testutil.h"
#include "xalloc.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

static int
setup(void **state)
{
	(void)state;
	keymap_init();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	keymap_free();
	return 0;
}

/* The action a key file's key name gets in scope. */
static enum action
action_of(enum scope scope, const char *name)
{
	int key = keymap_key_code(name);

	if (key < 0)
		fail_msg("'%s' is not a key name", name);
	return keymap_action(scope, key);
}

static void
bind_ok(const char *line)
{
	struct error err = { "" };

	if (keymap_parse_line(line, &err) != STATUS_OK)
		fail_msg("'%s': %s", line, err.msg);
}

static void
bind_fails(const char *line, const char *msg)
{
	struct error err = { "" };

	assert_int_equal(keymap_parse_line(line, &err), STATUS_USAGE);
	assert_string_equal(err.msg, msg);
}

static char *
keys_for(enum scope scope, enum action action)
{
	static char out[128];

	keymap_keys_for(scope, action, out, sizeof(out));
	return out;
}

/* ------------------------------------------------------------ defaults */

static void
test_defaults(void **state)
{
	(void)state;
	for (int s = 0; s < N_SCOPES; s++)
		assert_int_equal(action_of((enum scope)s, "q"), ACTION_QUIT);
	assert_int_equal(action_of(SCOPE_COMPARE, "n"), ACTION_NEXT_VRAAG);
	assert_int_equal(action_of(SCOPE_LIBRARY, "n"), ACTION_NONE);
	assert_int_equal(action_of(SCOPE_COMPARE, "Tab"), ACTION_NEXT_PANE);
	assert_int_equal(action_of(SCOPE_READER, "Tab"), ACTION_OUTLINE);
	assert_int_equal(action_of(SCOPE_LIBRARY, "Tab"), ACTION_NONE);
	assert_int_equal(action_of(SCOPE_LIBRARY, "S"), ACTION_SORT);
	assert_int_equal(action_of(SCOPE_LIBRARY, "s"), ACTION_NONE);
	assert_int_equal(action_of(SCOPE_COMPARE, "s"), ACTION_TOGGLE_SYNC);
	assert_int_equal(action_of(SCOPE_HELP, "Esc"), ACTION_QUIT);
	assert_int_equal(action_of(SCOPE_LIBRARY, "Esc"), ACTION_NONE);
	assert_int_equal(keymap_action(SCOPE_LIBRARY, 12), ACTION_REDRAW);

	/* Every way a terminal sends Enter opens. */
	assert_int_equal(keymap_action(SCOPE_LIBRARY, '\n'), ACTION_OPEN);
	assert_int_equal(keymap_action(SCOPE_LIBRARY, '\r'), ACTION_OPEN);
	assert_int_equal(keymap_action(SCOPE_LIBRARY, KEYMAP_FKEY(KEY_ENTER)), ACTION_OPEN);
	assert_int_equal(keymap_action(SCOPE_LIBRARY,
	    keymap_key_from_curses(KEY_CODE_YES, KEY_NPAGE)), ACTION_PAGE_DOWN);
	assert_int_equal(keymap_key_from_curses(OK, '\r'), '\n');

	/* Nothing a view handles is left without a key. */
	for (int a = ACTION_NONE + 1; a < N_ACTIONS; a++) {
		size_t n = 0;

		for (int s = 0; s < N_SCOPES; s++)
			n += keymap_keys_for((enum scope)s, (enum action)a, NULL, 0);
		if (n == 0)
			fail_msg("no key for %s", keymap_action_name((enum action)a));
	}

	/* keymap_init starts over. */
	bind_ok("bind generic q none");
	keymap_init();
	assert_int_equal(action_of(SCOPE_LIBRARY, "q"), ACTION_QUIT);
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(keymap_action_name(ACTION_NEXT_VRAAG), "next-vraag");
	assert_string_equal(keymap_action_name(ACTION_NONE), "none");
	assert_string_equal(keymap_action_help(ACTION_QUIT), "Go back; in the library, quit");
	assert_string_equal(keymap_scope_name(SCOPE_PICKER), "picker");
	assert_null(keymap_action_name(N_ACTIONS));
	assert_null(keymap_scope_name(N_SCOPES));
	for (int a = 0; a < N_ACTIONS; a++)
		assert_true(strlen(keymap_action_help((enum action)a)) > 0);
}

/* ---------------------------------------------------------- key names */

static void
test_key_name_round_trip(void **state)
{
	static const char *const names[] = {
		"Enter", "Tab", "BackTab", "Space", "Esc", "Backspace",
		"Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End",
		"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10",
		"F11", "F12",
		"C-a", "C-b", "C-c", "C-d", "C-e", "C-f", "C-g", "C-k", "C-l",
		"C-n", "C-o", "C-p", "C-q", "C-r", "C-s", "C-t", "C-u", "C-v",
		"C-w", "C-x", "C-y", "C-z", "M-b", "M-f", "M-B", "M-ë",
		"j", "J", "?", "#", "/", "~", "0", "ë", "€", "ā", "中",
	};
	int codes[LEN(names)];
	char buf[KEYMAP_KEY_NAME_MAX];

	(void)state;
	for (size_t i = 0; i < LEN(names); i++) {
		codes[i] = keymap_key_code(names[i]);
		if (codes[i] < 0)
			fail_msg("'%s' is not a key", names[i]);
		assert_string_equal(keymap_key_name(codes[i], buf, sizeof(buf)), names[i]);
		for (size_t j = 0; j < i; j++)
			if (codes[i] == codes[j])
				fail_msg("'%s' and '%s' are one key", names[i], names[j]);
	}

	/* The codes curses gives, named. */
	assert_string_equal(keymap_key_name('j', buf, sizeof(buf)), "j");
	assert_string_equal(keymap_key_name(' ', buf, sizeof(buf)), "Space");
	assert_string_equal(keymap_key_name(27, buf, sizeof(buf)), "Esc");
	assert_string_equal(keymap_key_name('\r', buf, sizeof(buf)), "Enter");
	assert_string_equal(keymap_key_name(KEYMAP_FKEY(KEY_ENTER), buf, sizeof(buf)), "Enter");
	assert_string_equal(keymap_key_name(127, buf, sizeof(buf)), "Backspace");
	assert_string_equal(keymap_key_name(8, buf, sizeof(buf)), "Backspace");
	assert_string_equal(keymap_key_name(KEYMAP_FKEY(KEY_NPAGE), buf, sizeof(buf)), "PgDn");
	assert_string_equal(keymap_key_name(KEYMAP_FKEY(KEY_F(7)), buf, sizeof(buf)), "F7");

	/* Keys without a key-file name get one no key file accepts. */
	assert_string_equal(keymap_key_name(0, buf, sizeof(buf)), "<U+0000>");
	assert_int_equal(keymap_key_code(keymap_key_name(0, buf, sizeof(buf))), -1);
	assert_string_equal(keymap_key_name(KEYMAP_FKEY(KEY_IC), buf, sizeof(buf)), "KEY_IC");
	assert_int_equal(keymap_key_code(keymap_key_name(KEYMAP_FKEY(KEY_IC), buf, sizeof(buf))), -1);
	assert_string_equal(keymap_key_name(-1, buf, sizeof(buf)), "<key -1>");
	assert_int_equal(keymap_key_code(keymap_key_name(KEYMAP_FKEY(KEY_F(13)), buf, sizeof(buf))), -1);

	/* Other spellings of the same keys. */
	assert_int_equal(keymap_key_code("enter"), '\n');
	assert_int_equal(keymap_key_code("pgdn"), KEYMAP_FKEY(KEY_NPAGE));
	assert_int_equal(keymap_key_code("f12"), KEYMAP_FKEY(KEY_F(12)));

	/* A small buffer is cut, never overrun. */
	memset(buf, 'x', sizeof(buf));
	assert_string_equal(keymap_key_name(KEYMAP_FKEY(KEY_BACKSPACE), buf, 5), "Back");
	assert_int_equal(buf[5], 'x');

	/* Not keys. */
	assert_int_equal(keymap_key_code(""), -1);
	assert_int_equal(keymap_key_code("jj"), -1);
	assert_int_equal(keymap_key_code("F0"), -1);
	assert_int_equal(keymap_key_code("F13"), -1);
	assert_int_equal(keymap_key_code("F01"), -1);
	assert_int_equal(keymap_key_code("PageDown"), -1);
	assert_int_equal(keymap_key_code(" "), -1);
	assert_int_equal(keymap_key_code("\t"), -1);
	assert_int_equal(keymap_key_code("\x7f"), -1);
}

static void
test_control_keys(void **state)
{
	char buf[KEYMAP_KEY_NAME_MAX];

	(void)state;
	assert_int_equal(keymap_key_code("C-a"), 1);
	assert_int_equal(keymap_key_code("C-l"), 12);
	assert_int_equal(keymap_key_code("C-L"), 12);
	assert_int_equal(keymap_key_code("C-z"), 26);
	assert_string_equal(keymap_key_name(12, buf, sizeof(buf)), "C-l");
	assert_string_equal(keymap_key_name(6, buf, sizeof(buf)), "C-f");

	/* Control codes that are keys with a name of their own. */
	assert_int_equal(keymap_key_code("C-i"), keymap_key_code("Tab"));
	assert_int_equal(keymap_key_code("C-m"), keymap_key_code("Enter"));
	assert_int_equal(keymap_key_code("C-j"), keymap_key_code("Enter"));
	assert_int_equal(keymap_key_code("C-h"), keymap_key_code("Backspace"));
	assert_string_equal(keymap_key_name(9, buf, sizeof(buf)), "Tab");

	assert_int_equal(keymap_key_code("C-"), -1);
	assert_int_equal(keymap_key_code("C-1"), -1);
	assert_int_equal(keymap_key_code("C-ab"), -1);
	assert_int_equal(keymap_key_code("C-ë"), -1);

	bind_ok("bind library C-o open");
	assert_int_equal(keymap_action(SCOPE_LIBRARY, 15), ACTION_OPEN);
	assert_string_equal(keys_for(SCOPE_LIBRARY, ACTION_OPEN), "C-o, Enter");
}

static void
test_utf8_keys(void **state)
{
	char buf[KEYMAP_KEY_NAME_MAX];

	(void)state;
	assert_int_equal(keymap_key_code("ë"), 0xEB);
	/* An e and a combining diaeresis, as some editors save it. */
	assert_int_equal(keymap_key_code("e\xCC\x88"), 0xEB);
	assert_string_equal(keymap_key_name(0xEB, buf, sizeof(buf)), "ë");
	assert_int_equal(keymap_key_code("€"), 0x20AC);
	assert_int_equal(keymap_key_code("\xC3"), -1);		/* cut short */
	assert_int_equal(keymap_key_code("\xC2\xA0"), -1);	/* no-break space */
	assert_int_equal(keymap_key_code("\xC2\x85"), -1);	/* C1 control */
	assert_int_equal(keymap_key_code("\xE2\x80\xAE"), -1);	/* bidi override */
	assert_int_equal(keymap_key_code("\xE3\x80\x80"), -1);	/* ideographic space */
	assert_int_equal(keymap_key_code("ëë"), -1);

	bind_ok("bind reader ë next-vraag");
	assert_int_equal(keymap_action(SCOPE_READER, 0xEB), ACTION_NEXT_VRAAG);
	assert_string_equal(keys_for(SCOPE_READER, ACTION_NEXT_VRAAG), "n, ë");

	/*
	 * KEY_DOWN is 0402, which is also U+0102 'Ă': the character must not
	 * move down, the arrow must.
	 */
	assert_int_equal(keymap_key_code("Ă"), KEY_DOWN);
	assert_int_equal(keymap_action(SCOPE_GENERIC, keymap_key_from_curses(OK, KEY_DOWN)),
	    ACTION_NONE);
	assert_int_equal(keymap_action(SCOPE_GENERIC,
	    keymap_key_from_curses(KEY_CODE_YES, KEY_DOWN)), ACTION_DOWN);
	bind_ok("bind generic Ă last");
	assert_int_equal(action_of(SCOPE_GENERIC, "Ă"), ACTION_LAST);
	assert_int_equal(action_of(SCOPE_GENERIC, "Down"), ACTION_DOWN);
}

/* ------------------------------------------------------------- parsing */

static void
test_parse_line(void **state)
{
	(void)state;
	bind_ok("");
	bind_ok("   \t ");
	bind_ok("# a comment");
	bind_ok("   # an indented comment with bind generic q none");
	assert_int_equal(action_of(SCOPE_LIBRARY, "q"), ACTION_QUIT);

	bind_ok("  bind\tcompare   x   reader  ");
	assert_int_equal(action_of(SCOPE_COMPARE, "x"), ACTION_READER);
	bind_ok("bind compare y reader # read the document\r\n");
	assert_int_equal(action_of(SCOPE_COMPARE, "y"), ACTION_READER);
	/* '#' where a key goes is the key. */
	bind_ok("bind generic # help");
	assert_int_equal(action_of(SCOPE_LIBRARY, "#"), ACTION_HELP);
}

static void
test_parse_line_errors(void **state)
{
	(void)state;
	bind_fails("bnd generic q quit",
	    "unknown command 'bnd' (the only command is: bind SCOPE KEY ACTION)");
	bind_fails("bind",
	    "missing SCOPE, KEY and ACTION after 'bind' (write: bind SCOPE KEY ACTION)");
	bind_fails("bind generic",
	    "missing KEY and ACTION after 'generic' (write: bind SCOPE KEY ACTION)");
	bind_fails("bind generic q",
	    "missing ACTION after 'q' (write: bind SCOPE KEY ACTION)");
	bind_fails("bind generic q quit now",
	    "unexpected 'now' after the action (write: bind SCOPE KEY ACTION)");
	bind_fails("bind generc q quit",
	    "unknown scope 'generc' (valid scopes: generic, library, compare, "
	    "reader, help, picker, matrix, search, basket, export, fetch, new)");
	bind_fails("bind generic PageDown down",
	    "unknown key 'PageDown' (a key is one character, C-a..C-z, M-a (Alt), F1..F12 "
	    "or one of Enter, Tab, BackTab, Space, Esc, Backspace, Delete, Up, Down, "
	    "Left, Right, PgUp, PgDn, Home, End)");
	bind_fails("bind generic q fo",
	    "unknown action 'fo' (see the help screen, ?, for action names)");
	/* Control characters never reach the message, and long words are cut. */
	bind_fails("bind generic q \x1b[2Jquit",
	    "unknown action '^[[2Jquit' (see the help screen, ?, for action names)");
	bind_fails("bind generic q ëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëë",
	    "unknown action 'ëëëëëëëëëëëëëëëëëëëë...' (see the help screen, ?, "
	    "for action names)");
	bind_fails("bind generic q \xff", "not UTF-8 text (save the key file as UTF-8)");

	/* A bad line changes nothing. */
	assert_int_equal(action_of(SCOPE_GENERIC, "q"), ACTION_QUIT);
}

static void
test_overrides(void **state)
{
	(void)state;
	bind_ok("bind compare j page-down");
	assert_int_equal(action_of(SCOPE_COMPARE, "j"), ACTION_PAGE_DOWN);
	assert_int_equal(action_of(SCOPE_READER, "j"), ACTION_DOWN);
	assert_int_equal(action_of(SCOPE_GENERIC, "j"), ACTION_DOWN);

	bind_ok("bind generic q none");
	assert_int_equal(action_of(SCOPE_LIBRARY, "q"), ACTION_NONE);
	assert_int_equal(action_of(SCOPE_COMPARE, "q"), ACTION_NONE);
	assert_int_equal(action_of(SCOPE_HELP, "Esc"), ACTION_QUIT);

	/* none in a view hides the generic binding there only. */
	bind_ok("bind library k none");
	assert_int_equal(action_of(SCOPE_LIBRARY, "k"), ACTION_NONE);
	assert_int_equal(action_of(SCOPE_COMPARE, "k"), ACTION_UP);

	/* Binding again replaces. */
	bind_ok("bind compare n last");
	bind_ok("bind compare n next-vraag");
	assert_int_equal(action_of(SCOPE_COMPARE, "n"), ACTION_NEXT_VRAAG);
	bind_ok("bind generic Backspace quit");
	assert_int_equal(keymap_action(SCOPE_READER, 127), ACTION_QUIT);
	assert_int_equal(keymap_action(SCOPE_READER, 8), ACTION_QUIT);
}

/* --------------------------------------------------------- keys_for */

static void
test_keys_for(void **state)
{
	char small[8];

	(void)state;
	assert_string_equal(keys_for(SCOPE_COMPARE, ACTION_DOWN), "j, Down");
	assert_string_equal(keys_for(SCOPE_HELP, ACTION_HELP), "?, F1");
	assert_string_equal(keys_for(SCOPE_HELP, ACTION_QUIT), "Esc, q");
	assert_string_equal(keys_for(SCOPE_LIBRARY, ACTION_OPEN), "Enter");
	assert_string_equal(keys_for(SCOPE_COMPARE, ACTION_PANE_LEFT), "h, Left");
	assert_int_equal(keymap_keys_for(SCOPE_LIBRARY, ACTION_NEXT_VRAAG, small, sizeof(small)), 0);
	assert_string_equal(small, "");
	assert_int_equal(keymap_keys_for(SCOPE_LIBRARY, ACTION_NONE, small, sizeof(small)), 0);

	bind_ok("bind compare j page-down");
	assert_string_equal(keys_for(SCOPE_COMPARE, ACTION_DOWN), "Down");
	assert_string_equal(keys_for(SCOPE_COMPARE, ACTION_PAGE_DOWN), "j, PgDn, C-f");
	assert_string_equal(keys_for(SCOPE_GENERIC, ACTION_DOWN), "j, Down");

	/* Only whole names, but every key counted. */
	assert_int_equal(keymap_keys_for(SCOPE_COMPARE, ACTION_PAGE_DOWN, small, sizeof(small)), 3);
	assert_string_equal(small, "j, PgDn");
	assert_int_equal(keymap_keys_for(SCOPE_COMPARE, ACTION_PAGE_DOWN, small, 4), 3);
	assert_string_equal(small, "j");
}

/* ------------------------------------------------------------- files */

struct tmp {
	char dir[64];
	char path[128];
};

static void
tmp_file(struct tmp *t, const char *text)
{
	FILE *fp;

	strcpy(t->dir, "/tmp/test_keymap.XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof(t->path), "%s/keys", t->dir);
	if (text) {
		assert_non_null(fp = fopen(t->path, "w"));
		fputs(text, fp);
		assert_int_equal(fclose(fp), 0);
	}
}

static void
tmp_done(struct tmp *t)
{
	unlink(t->path);
	assert_int_equal(rmdir(t->dir), 0);
}

static void
test_load_file(void **state)
{
	struct error err = { "" };
	struct tmp t;

	(void)state;
	tmp_file(&t,
	    "\xEF\xBB\xBF# my keys\n"
	    "\n"
	    "bind compare j page-down\r\n"
	    "bind generic q none\n"
	    "  bind reader ë outline");
	assert_int_equal(keymap_load_file(t.path, &err), STATUS_OK);
	assert_int_equal(action_of(SCOPE_COMPARE, "j"), ACTION_PAGE_DOWN);
	assert_int_equal(action_of(SCOPE_LIBRARY, "q"), ACTION_NONE);
	assert_int_equal(action_of(SCOPE_READER, "ë"), ACTION_OUTLINE);
	tmp_done(&t);

	/* Missing: fine, and nothing changes. */
	tmp_file(&t, NULL);
	assert_int_equal(keymap_load_file(t.path, &err), STATUS_OK);
	assert_int_equal(action_of(SCOPE_COMPARE, "j"), ACTION_PAGE_DOWN);
	/* A directory cannot be read. */
	assert_int_equal(keymap_load_file(t.dir, &err), STATUS_IO);
	assert_non_null(strstr(err.msg, t.dir));
	tmp_done(&t);
}

static void
test_load_file_errors(void **state)
{
	struct error err = { "" };
	char want[512], *line;
	struct tmp t;

	(void)state;
	tmp_file(&t,
	    "# my keys\n"
	    "bind compare n last\n"
	    "bind generic q fo\n"
	    "bind generic j up\n");
	assert_int_equal(keymap_load_file(t.path, &err), STATUS_USAGE);
	snprintf(want, sizeof(want), "%s:3: unknown action 'fo' (see the help "
	    "screen, ?, for action names) (fix or remove the line)", t.path);
	assert_string_equal(err.msg, want);
	/* All or nothing: line 2 is undone, line 4 never read. */
	assert_int_equal(action_of(SCOPE_COMPARE, "n"), ACTION_NEXT_VRAAG);
	assert_int_equal(action_of(SCOPE_GENERIC, "j"), ACTION_DOWN);
	tmp_done(&t);

	/* A long line is refused whole, not cut and half read. */
	line = malloc(2000);
	assert_non_null(line);
	snprintf(line, 2000, "bind generic x quit\n# %01100d\n", 0);
	tmp_file(&t, line);
	free(line);
	assert_int_equal(keymap_load_file(t.path, &err), STATUS_USAGE);
	snprintf(want, sizeof(want), "%s:2: line is longer than 1024 bytes "
	    "(fix or remove the line)", t.path);
	assert_string_equal(err.msg, want);
	assert_int_equal(action_of(SCOPE_GENERIC, "x"), ACTION_NONE);
	tmp_done(&t);

	tmp_file(&t, "bind generic x quit\nbind generic \xe9 quit\n");
	assert_int_equal(keymap_load_file(t.path, &err), STATUS_USAGE);
	snprintf(want, sizeof(want), "%s:2: not UTF-8 text (save the key file "
	    "as UTF-8) (fix or remove the line)", t.path);
	assert_string_equal(err.msg, want);
	tmp_done(&t);
}

/*
 * A key file that is no file, or no text: one line each, naming it and
 * saying what to do, and the keys as they were.  A named pipe is refused
 * without waiting for a writer (the alarm ends a test that waits).
 */
static void
test_load_file_not_a_file(void **state)
{
	static const char nul[] = "bind generic x quit\n\0bind generic y quit\n";
	struct error err = { "" };
	char want[512];
	struct tmp t;
	FILE *fp;

	(void)state;
	tmp_file(&t, NULL);
	assert_int_equal(mkfifo(t.path, 0600), 0);
	alarm(10);
	assert_int_equal(keymap_load_file(t.path, &err), STATUS_IO);
	alarm(0);
	snprintf(want, sizeof(want), "key file '%s' is a named pipe (FIFO), "
	    "not a file (move it away, or make it a file of 'bind' lines)",
	    t.path);
	assert_string_equal(err.msg, want);
	tmp_done(&t);

	tmp_file(&t, NULL);
	assert_int_equal(mkdir(t.path, 0700), 0);
	assert_int_equal(keymap_load_file(t.path, &err), STATUS_IO);
	snprintf(want, sizeof(want), "key file '%s' is a directory, "
	    "not a file (move it away, or make it a file of 'bind' lines)",
	    t.path);
	assert_string_equal(err.msg, want);
	assert_int_equal(rmdir(t.path), 0);
	tmp_done(&t);

	tmp_file(&t, NULL);
	assert_non_null(fp = fopen(t.path, "w"));
	assert_int_equal(fwrite(nul, 1, sizeof(nul) - 1, fp), sizeof(nul) - 1);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(keymap_load_file(t.path, &err), STATUS_USAGE);
	snprintf(want, sizeof(want), "%s:2: a NUL byte, which no text has "
	    "(save the key file as UTF-8 text) (fix or remove the line)", t.path);
	assert_string_equal(err.msg, want);
	assert_int_equal(action_of(SCOPE_GENERIC, "x"), ACTION_NONE);
	tmp_done(&t);
}

static void
test_default_path(void **state)
{
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	char *xdg = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
	char *path;

	(void)state;
	setenv("HOME", "/home/ambtenaar", 1);
	setenv("XDG_CONFIG_HOME", "/etc/xdg-ambtenaar", 1);
	path = keymap_default_path();
	assert_string_equal(path, "/etc/xdg-ambtenaar/naast/keys");
	free(path);

	setenv("XDG_CONFIG_HOME", "relative/config", 1);
	path = keymap_default_path();
	assert_string_equal(path, "/home/ambtenaar/.config/naast/keys");
	free(path);

	unsetenv("XDG_CONFIG_HOME");
	path = keymap_default_path();
	assert_string_equal(path, "/home/ambtenaar/.config/naast/keys");
	free(path);

	unsetenv("HOME");
	assert_null(keymap_default_path());

	if (home)
		setenv("HOME", home, 1);
	if (xdg)
		setenv("XDG_CONFIG_HOME", xdg, 1);
	free(home);
	free(xdg);
}

/*
 * The man page lists every action with its help text, and for each scope
 * the keys bound there: the key table is the one list, the man page must
 * follow it.
 */
static void
test_man_page_follows_the_table(void **state)
{
	char *man = test_read_file("assets/naast.1", NULL);

	(void)state;
	for (int a = ACTION_NONE + 1; a < N_ACTIONS; a++) {
		char want[256], name[64], *w = name;

		for (const char *p = keymap_action_name((enum action)a); *p; p++) {
			if (*p == '-')
				*w++ = '\\';
			*w++ = *p;
		}
		*w = '\0';
		snprintf(want, sizeof(want), "%s \\(em %s.", name,
		    keymap_action_help((enum action)a));
		if (!strstr(man, want))
			fail_msg("assets/naast.1 lacks \"%s\"", want);
		for (int s = 0; s < N_SCOPES; s++) {
			char own[128], gen[128], key_line[512];
			size_t lo, lg;

			if (!keymap_keys_for((enum scope)s, (enum action)a, own, sizeof(own)))
				continue;
			keymap_keys_for(SCOPE_GENERIC, (enum action)a, gen, sizeof(gen));
			lo = strlen(own);
			lg = strlen(gen);
			if (s != SCOPE_GENERIC) {
				/* A scope lists its own keys first, then generic ones. */
				if (strcmp(own, gen) == 0)
					continue;
				if (lg && lo > lg + 2 && strcmp(own + lo - lg, gen) == 0)
					own[lo - lg - 2] = '\0';
			}
			snprintf(key_line, sizeof(key_line), ".B %s\n%s \\(em", own, name);
			/* The man page escapes the hyphen of "C-l" too. */
			for (char *c = strstr(key_line, "C-"); c; c = strstr(c + 2, "C-")) {
				memmove(c + 2, c + 1, strlen(c + 1) + 1);
				c[1] = '\\';
			}
			if (!strstr(man, key_line))
				fail_msg("assets/naast.1 lacks the keys of %s in %s: \"%s\"",
				    keymap_action_name((enum action)a),
				    keymap_scope_name((enum scope)s), key_line);
		}
	}
	free(man);
}

/*
 * A synopsis line of the man page (".BR show " " \fISET\fR ...") as it
 * reads: its arguments joined, quotes, font changes and escapes gone.
 */
static char *
man_synopsis(const char *line)
{
	struct xbuf b = { NULL, 0, 0 };
	const char *p = line + strcspn(line, " ");

	while (*p && *p != '\n') {
		const char *end;

		if (*p == ' ') {
			p++;
			continue;
		}
		if (*p == '"')
			end = strchr(++p, '"');
		else
			end = p + strcspn(p, " \n");
		if (!end)
			end = p + strlen(p);
		for (const char *c = p; c < end; c++) {
			if (c[0] == '\\' && c[1] == 'f' && c + 2 < end)
				c += 2;
			else if (c[0] == '\\' && c + 1 < end && (c[1] == '-' || c[1] == ' '))
				xbuf_add(&b, ++c, 1);
			else if (c[0] == '\\' && c + 1 < end && c[1] == '%')
				c++;
			else
				xbuf_add(&b, c, 1);
		}
		p = *end == '"' ? end + 1 : end;
	}
	return xbuf_finish(&b);
}

/*
 * Every form of every command of the table is a synopsis in the man
 * page's COMMANDS, word for word, and every synopsis there is a form of a
 * command of the table: the table is the one list.
 */
static void
test_man_page_follows_the_commands(void **state)
{
	char *man = test_read_file("assets/naast.1", NULL);
	char *from = strstr(man, "\n.SH COMMANDS\n"), *to, **synopses = NULL;
	size_t n = 0, cap = 0;

	(void)state;
	assert_non_null(from);
	to = strstr(from + 1, "\n.SH ");
	assert_non_null(to);
	*to = '\0';
	for (char *p = strstr(from, "\n.T"); p; p = strstr(p + 1, "\n.T")) {
		char *line = strchr(p + 1, '\n');

		if ((strncmp(p, "\n.TP\n", 5) != 0 && strncmp(p, "\n.TQ\n", 5) != 0) ||
		    !line || strncmp(line + 1, ".B", 2) != 0)
			continue;
		xgrow(&synopses, &cap, n + 1, sizeof(*synopses));
		synopses[n++] = man_synopsis(line + 1);
	}
	assert_true(n >= cli_command_count);
	for (size_t i = 0; i < cli_command_count; i++) {
		const struct cli_command *c = &cli_commands[i];

		for (size_t f = 0; c->usage[f]; f++) {
			/* A command without arguments is its name alone. */
			char *want = c->usage[f][0] ?
			    xasprintf("%s %s", c->name, c->usage[f]) :
			    xstrdup(c->name);
			bool found = false;

			for (char *nl = strchr(want, '\n'); nl; nl = strchr(nl, '\n'))
				*nl = ' ';
			for (size_t k = 0; k < n && !found; k++)
				found = strcmp(synopses[k], want) == 0;
			if (!found)
				fail_msg("assets/naast.1 lacks the synopsis \"%s\"", want);
			free(want);
		}
	}
	for (size_t k = 0; k < n; k++) {
		char *name = xstrndup(synopses[k], strcspn(synopses[k], " "));

		if (!cli_command_find(name))
			fail_msg("assets/naast.1 has a command naast lacks: \"%s\"", synopses[k]);
		free(name);
		free(synopses[k]);
	}
	free(synopses);
	free(man);
}

/* The help of import names every format that --format takes. */
static void
test_import_help_names_the_formats(void **state)
{
	const struct cli_command *import = cli_command_find("import");
	char *formats = xstrdup(parse_format_list()), *save = NULL;

	(void)state;
	assert_non_null(import);
	for (char *f = strtok_r(formats, ", ", &save); f; f = strtok_r(NULL, ", ", &save))
		if (!strstr(import->help, f))
			fail_msg("the help of import lacks the format %s", f);
	free(formats);
}

/*
 * The helps are whole literals, for the catalogue of messages (po/), so
 * they write out what pdf.h and opendata.h name: they must say the same.
 */
static void
test_helps_name_the_package_and_the_service(void **state)
{
	(void)state;
	assert_non_null(strstr(cli_command_find("import")->help, "from " PDF_PACKAGE ")"));
	assert_non_null(strstr(cli_command_find("fetch")->help, "  " OPENDATA_API "\n"));
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_defaults),
		T(test_names),
		T(test_key_name_round_trip),
		T(test_control_keys),
		T(test_utf8_keys),
		T(test_parse_line),
		T(test_parse_line_errors),
		T(test_overrides),
		T(test_keys_for),
		T(test_load_file),
		T(test_load_file_errors),
		T(test_load_file_not_a_file),
		T(test_default_path),
		T(test_man_page_follows_the_table),
		T(test_man_page_follows_the_commands),
		T(test_import_help_names_the_formats),
		T(test_helps_name_the_package_and_the_service),
	};
#undef T

	return cmocka_run_group_tests_name("keymap", tests, NULL, NULL);
}
