/*
 * keymap: the binding table, the built-in defaults and the key-file parser.
 *
 * The defaults are rows of words, exactly as a key file writes them, and
 * go through bind_words like every line of a user's file: one parser, so
 * a default cannot mean something a key file could not say.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unictype.h>
#include <unistd.h>
#include <unistr.h>

#include "i18n.h"
#include "keymap.h"
#include "text.h"
#include "xalloc.h"

/* Longer lines are refused rather than cut, so no line half-applies. */
#define KEYMAP_LINE_MAX	1024
/* Bytes of a bad word quoted back in a message. */
#define SHOWN_MAX	40

/* ------------------------------------------------------------ the names */

static const char *const action_names[] = {
#define ACTION_NAME(name, str, help) str,
	ACTION_INFO(ACTION_NAME)
#undef ACTION_NAME
};

static const char *const action_helps[] = {
#define ACTION_HELP(name, str, help) help,
	ACTION_INFO(ACTION_HELP)
#undef ACTION_HELP
};

static const char *const scope_names[] = {
#define SCOPE_NAME(name, str) str,
	SCOPE_INFO(SCOPE_NAME)
#undef SCOPE_NAME
};

/* Keys with a name of their own, each under its one code (see fold_key). */
static const struct {
	const char *name;
	int key;
} named_keys[] = {
	{ "Enter",	'\n' },
	{ "Tab",	'\t' },
	{ "BackTab",	KEYMAP_FKEY(KEY_BTAB) },
	{ "Space",	' ' },
	{ "Esc",	27 },
	{ "Backspace",	KEYMAP_FKEY(KEY_BACKSPACE) },
	{ "Delete",	KEYMAP_FKEY(KEY_DC) },
	{ "Up",		KEYMAP_FKEY(KEY_UP) },
	{ "Down",	KEYMAP_FKEY(KEY_DOWN) },
	{ "Left",	KEYMAP_FKEY(KEY_LEFT) },
	{ "Right",	KEYMAP_FKEY(KEY_RIGHT) },
	{ "PgUp",	KEYMAP_FKEY(KEY_PPAGE) },
	{ "PgDn",	KEYMAP_FKEY(KEY_NPAGE) },
	{ "Home",	KEYMAP_FKEY(KEY_HOME) },
	{ "End",	KEYMAP_FKEY(KEY_END) },
};

#define N_FKEYS		12	/* F1..F12 */

const char *
keymap_action_name(enum action action)
{
	return (unsigned)action < N_ACTIONS ? action_names[action] : NULL;
}

const char *
keymap_action_help(enum action action)
{
	return (unsigned)action < N_ACTIONS ? _(action_helps[action]) : NULL;
}

const char *
keymap_scope_name(enum scope scope)
{
	return (unsigned)scope < N_SCOPES ? scope_names[scope] : NULL;
}

static int
action_code(const char *name)
{
	for (size_t i = 0; i < N_ACTIONS; i++)
		if (strcmp(action_names[i], name) == 0)
			return (int)i;
	return -1;
}

static int
scope_code(const char *name)
{
	for (size_t i = 0; i < N_SCOPES; i++)
		if (strcmp(scope_names[i], name) == 0)
			return (int)i;
	return -1;
}

/* ------------------------------------------------------------- the keys */

/*
 * One code per key: terminals send Enter as '\r' or '\n' (and the keypad's
 * as KEY_ENTER), and Backspace as 8, 127 or KEY_BACKSPACE, depending on
 * the terminal and on nl()/nonl().
 */
static int
fold_key(int key)
{
	switch (key) {
	case '\r':
	case KEYMAP_FKEY(KEY_ENTER):
		return '\n';
	case 8:
	case 127:
		return KEYMAP_FKEY(KEY_BACKSPACE);
	default:
		return key;
	}
}

static bool
is_fkey(int key)
{
	return key >= KEYMAP_FKEY_BASE && key < KEYMAP_ALT_BASE;
}

/*
 * A character that stands for itself in a key file: one that shows.  Not
 * a space of any kind (Z: no-break space too), nor a control, format,
 * private-use or unassigned code point (C).
 */
static bool
is_char_key(int key)
{
	return key > ' ' && key < KEYMAP_FKEY_BASE &&
	    !uc_is_general_category((ucs4_t)key,
	    uc_general_category_or(UC_CATEGORY_Z, UC_CATEGORY_C));
}

bool
keymap_is_text(int key)
{
	return key == ' ' || is_char_key(key);
}

size_t
keymap_text_utf8(int key, char out[8])
{
	int n = keymap_is_text(key) ? u8_uctomb((uint8_t *)out, (ucs4_t)key, 8) : 0;

	return n > 0 ? (size_t)n : 0;
}

int
keymap_key_from_curses(int rc, wint_t wc)
{
	if (rc == KEY_CODE_YES)
		return fold_key(KEYMAP_FKEY((int)wc));
	return fold_key((int)wc);
}

const char *
keymap_key_name(int key, char *buf, size_t size)
{
	if (!size)
		return buf;
	key = fold_key(key);
	for (size_t i = 0; i < COUNT(named_keys); i++) {
		if (named_keys[i].key == key) {
			snprintf(buf, size, "%s", named_keys[i].name);
			return buf;
		}
	}
	if (key > KEYMAP_ALT_BASE && is_char_key(key - KEYMAP_ALT_BASE)) {
		char c[KEYMAP_KEY_NAME_MAX];

		keymap_key_name(key - KEYMAP_ALT_BASE, c, sizeof(c));
		snprintf(buf, size, "M-%s", c);
	} else if (key >= KEYMAP_FKEY(KEY_F(1)) && key <= KEYMAP_FKEY(KEY_F(N_FKEYS))) {
		snprintf(buf, size, "F%d", key - KEYMAP_FKEY(KEY_F0));
	} else if (key >= 1 && key <= 26) {
		snprintf(buf, size, "C-%c", 'a' + key - 1);
	} else if (is_char_key(key)) {
		uint8_t u8[6];
		int n = u8_uctomb(u8, (ucs4_t)key, (int)sizeof(u8));

		snprintf(buf, size, "%.*s", n > 0 ? n : 0, (const char *)u8);
	} else if (is_fkey(key)) {
		/* keyname() needs no initscr for the KEY_* codes. */
		int k = key - KEYMAP_FKEY_BASE;
		const char *kn = k >= KEY_MIN ? keyname(k) : NULL;

		if (kn)
			snprintf(buf, size, "%s", kn);
		else
			snprintf(buf, size, "<key %#o>", (unsigned)k);
	} else if (key < 0) {
		snprintf(buf, size, "<key %d>", key);
	} else {
		snprintf(buf, size, "<U+%04X>", (unsigned)key);
	}
	return buf;
}

/* "F1".."F12" (any case, no leading zero); -1 otherwise. */
static int
fkey_code(const char *name)
{
	char *end;
	long n;

	if ((name[0] != 'F' && name[0] != 'f') || !isdigit((unsigned char)name[1]) ||
	    name[1] == '0')
		return -1;
	errno = 0;
	n = strtol(name + 1, &end, 10);
	if (*end || errno || n < 1 || n > N_FKEYS)
		return -1;
	return KEYMAP_FKEY(KEY_F((int)n));
}

/* One visible character, taken in NFC so that a decomposed "ë" is 'ë'. */
static int
char_code(const char *name)
{
	char *nfc;
	ucs4_t uc;
	int n, key = -1;

	if (!text_is_utf8(name, strlen(name)))
		return -1;
	nfc = text_nfc(name);
	n = u8_strmbtouc(&uc, (const uint8_t *)nfc);
	if (n > 0 && nfc[n] == '\0' && is_char_key((int)uc))
		key = (int)uc;
	free(nfc);
	return key;
}

/* Not isalpha: in a UTF-8 locale that depends on more than ASCII. */
static bool
is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int
keymap_key_code(const char *name)
{
	if (!name || !*name)
		return -1;
	/* Named keys are at least two letters: "j" and "J" stay characters. */
	if (name[1]) {
		for (size_t i = 0; i < COUNT(named_keys); i++)
			if (strcasecmp(named_keys[i].name, name) == 0)
				return named_keys[i].key;
		if (fkey_code(name) != -1)
			return fkey_code(name);
		/* Ctrl does not see case: C-l and C-L are both 12. */
		if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
		    is_ascii_letter(name[2]) && !name[3])
			return fold_key((name[2] | 0x20) - 'a' + 1);
		/* Alt with a character that shows: M-b, M-ë. */
		if ((name[0] == 'M' || name[0] == 'm') && name[1] == '-' && name[2] &&
		    char_code(name + 2) != -1)
			return KEYMAP_ALT(char_code(name + 2));
	}
	return char_code(name);
}

/* --------------------------------------------------------- the bindings */

struct binding {
	enum scope scope;
	int key;		/* folded, see fold_key */
	enum action action;	/* ACTION_NONE hides a generic binding */
};

/* In the order they were first made: the order keymap_keys_for lists. */
static struct binding *bindings;
static size_t n_bindings, cap_bindings;

static struct binding *
find(enum scope scope, int key)
{
	for (size_t i = 0; i < n_bindings; i++)
		if (bindings[i].scope == scope && bindings[i].key == key)
			return &bindings[i];
	return NULL;
}

static void
bind(enum scope scope, int key, enum action action)
{
	struct binding *b = find(scope, key);

	if (!b) {
		xgrow(&bindings, &cap_bindings, n_bindings + 1, sizeof(*bindings));
		b = &bindings[n_bindings++];
		b->scope = scope;
		b->key = key;
	}
	b->action = action;
}

void
keymap_free(void)
{
	free(bindings);
	bindings = NULL;
	n_bindings = cap_bindings = 0;
}

enum action
keymap_action(enum scope scope, int key)
{
	const struct binding *b;

	if ((unsigned)scope >= N_SCOPES)
		return ACTION_NONE;
	key = fold_key(key);
	if ((b = find(scope, key)) != NULL)
		return b->action;
	if (scope != SCOPE_GENERIC && (b = find(SCOPE_GENERIC, key)) != NULL)
		return b->action;
	return ACTION_NONE;
}

/* Appends name to out ("a, b") if it fits whole; false once one did not. */
static bool
append_name(char *out, size_t size, size_t *used, const char *name)
{
	const char *sep = *used ? ", " : "";
	size_t need = strlen(sep) + strlen(name);

	if (*used + need + 1 > size)
		return false;
	memcpy(out + *used, sep, strlen(sep));
	memcpy(out + *used + strlen(sep), name, strlen(name) + 1);
	*used += need;
	return true;
}

size_t
keymap_keys_for(enum scope scope, enum action action, char *out, size_t size)
{
	size_t count = 0, used = 0;
	bool fits = size > 0;

	if (size)
		out[0] = '\0';
	if ((unsigned)scope >= N_SCOPES || action == ACTION_NONE ||
	    (unsigned)action >= N_ACTIONS)
		return 0;
	/* Pass 0: the scope's own keys; pass 1: generic keys it leaves alone. */
	for (int pass = 0; pass < 2; pass++) {
		enum scope from = pass == 0 ? scope : SCOPE_GENERIC;

		if (pass == 1 && scope == SCOPE_GENERIC)
			break;
		for (size_t i = 0; i < n_bindings; i++) {
			const struct binding *b = &bindings[i];
			char name[KEYMAP_KEY_NAME_MAX];

			if (b->scope != from || b->action != action)
				continue;
			if (pass == 1 && find(scope, b->key))
				continue;
			count++;
			if (fits)
				fits = append_name(out, size, &used,
				    keymap_key_name(b->key, name, sizeof(name)));
		}
	}
	return count;
}

/* ------------------------------------------------------------ the parser */

/*
 * A word of the user's as a message may quote it: nothing that would act
 * on the terminal, and not too long.  ASCII control characters are shown
 * as ^X, since dropping them (as text_sanitize does) could leave a word
 * that looks right and is not.  The caller frees it.
 */
static char *
shown(const char *word)
{
	struct xbuf b = { 0 };
	char *visible, *s, *t;
	size_t n;

	for (const char *p = word; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c < 0x20 || c == 0x7f)
			xbuf_add(&b, (char[]){ '^', (char)(c ^ 0x40) }, 2);
		else
			xbuf_add(&b, p, 1);
	}
	visible = xbuf_finish(&b);
	s = text_sanitize(visible, strlen(visible), 0);
	free(visible);
	if ((n = strlen(s)) <= SHOWN_MAX)
		return s;
	/* Cut before a character, not inside one. */
	n = SHOWN_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	t = xasprintf("%.*s...", (int)n, s);
	free(s);
	return t;
}

static enum status
bad_word(struct error *err, const char *what, const char *word, const char *valid)
{
	char *w = shown(word);

	error_set(err, STATUS_USAGE, "unknown %s '%s' (%s)", what, w, valid);
	free(w);
	return STATUS_USAGE;
}

/* "generic, library, ...", or the named keys: what a message offers. */
static void
list_names(char *buf, size_t size, bool keys)
{
	size_t used = 0;
	size_t n = keys ? COUNT(named_keys) : N_SCOPES;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		append_name(buf, size, &used,
		    keys ? named_keys[i].name : scope_names[i]);
}

/* Applies one binding given as the words of a key file. */
static enum status
bind_words(const char *scope_word, const char *key_word, const char *action_word,
    struct error *err)
{
	char valid[256];
	int scope, key, action;

	if ((scope = scope_code(scope_word)) < 0) {
		char names[128];

		list_names(names, sizeof(names), false);
		snprintf(valid, sizeof(valid), _("valid scopes: %s"), names);
		return bad_word(err, _("scope"), scope_word, valid);
	}
	if ((key = keymap_key_code(key_word)) < 0) {
		char names[192];

		list_names(names, sizeof(names), true);
		snprintf(valid, sizeof(valid),
		    _("a key is one character, C-a..C-z, M-a (Alt), F1..F12 or one of %s"), names);
		return bad_word(err, _("key"), key_word, valid);
	}
	if ((action = action_code(action_word)) < 0)
		return bad_word(err, _("action"), action_word,
		    _("see the help screen, ?, for action names"));
	bind((enum scope)scope, key, (enum action)action);
	return STATUS_OK;
}

enum status
keymap_parse_line(const char *line, struct error *err)
{
	static const char sep[] = " \t\r\n\v\f";
	/* What is missing when there are n words. */
	static const char *const missing[] = {
		NULL, N_("SCOPE, KEY and ACTION"), N_("KEY and ACTION"), "ACTION",
	};
	const char *words[4];
	size_t n = 0;
	char *copy, *save = NULL;
	enum status st = STATUS_OK;

	if (!line)
		return STATUS_OK;
	if (!text_is_utf8(line, strlen(line)))
		return error_set(err, STATUS_USAGE,
		    "not UTF-8 text (save the key file as UTF-8)");
	copy = xstrdup(line);
	for (char *w = strtok_r(copy, sep, &save); w; w = strtok_r(NULL, sep, &save)) {
		/* '#' starts a comment where a word starts, but a key may be '#'. */
		if (w[0] == '#' && (n == 0 || n == COUNT(words)))
			break;
		if (n == COUNT(words)) {
			char *s = shown(w);

			st = error_set(err, STATUS_USAGE,
			    "unexpected '%s' after the action (write: bind SCOPE KEY ACTION)", s);
			free(s);
			goto out;
		}
		words[n++] = w;
	}
	if (n == 0)
		goto out;
	if (strcmp(words[0], "bind") != 0) {
		st = bad_word(err, _("command"), words[0],
		    _("the only command is: bind SCOPE KEY ACTION"));
		goto out;
	}
	if (n < COUNT(words)) {
		char *s = shown(words[n - 1]);

		st = error_set(err, STATUS_USAGE,
		    "missing %s after '%s' (write: bind SCOPE KEY ACTION)",
		    _(missing[n]), s);
		free(s);
		goto out;
	}
	st = bind_words(words[1], words[2], words[3], err);
out:
	free(copy);
	return st;
}

/* ------------------------------------------------------- files, defaults */

static const struct {
	const char *scope, *key, *action;
} defaults[] = {
	{ "generic", "q",	"quit" },
	{ "generic", "?",	"help" },
	{ "generic", "F1",	"help" },
	{ "generic", "C-l",	"redraw" },
	{ "generic", "M",	"message" },
	{ "generic", "j",	"down" },
	{ "generic", "Down",	"down" },
	{ "generic", "k",	"up" },
	{ "generic", "Up",	"up" },
	{ "generic", "PgDn",	"page-down" },
	{ "generic", "C-f",	"page-down" },
	{ "generic", "PgUp",	"page-up" },
	{ "generic", "C-b",	"page-up" },
	{ "generic", "g",	"first" },
	{ "generic", "Home",	"first" },
	{ "generic", "G",	"last" },
	{ "generic", "End",	"last" },
	{ "generic", "Enter",	"open" },
	{ "generic", "/",	"search" },
	{ "generic", "Space",	"select" },
	{ "generic", "b",	"basket" },
	{ "generic", "e",	"export" },
	{ "generic", "y",	"copy" },
	{ "generic", "Y",	"copy-basket" },

	{ "library", "f",	"filter" },
	{ "library", "S",	"sort" },
	{ "library", "D",	"remove-document" },
	{ "library", "F",	"fetch" },
	{ "library", "N",	"new" },

	{ "compare", "n",	"next-vraag" },
	{ "compare", "p",	"prev-vraag" },
	{ "compare", "Tab",	"next-pane" },
	{ "compare", "h",	"pane-left" },
	{ "compare", "Left",	"pane-left" },
	{ "compare", "l",	"pane-right" },
	{ "compare", "Right",	"pane-right" },
	{ "compare", "m",	"choose-ministry" },
	{ "compare", "s",	"toggle-sync" },
	{ "compare", "r",	"reader" },
	{ "compare", "d",	"toggle-diff" },
	{ "compare", "x",	"toggle-refs" },
	{ "compare", "o",	"matrix" },
	{ "compare", "R",	"related" },
	{ "compare", "a",	"select-answer" },
	{ "compare", "e",	"export-vraag" },
	{ "compare", "E",	"export" },

	{ "reader",  "Tab",	"outline" },
	{ "reader",  "n",	"next-vraag" },
	{ "reader",  "p",	"prev-vraag" },
	{ "reader",  "R",	"related" },
	{ "reader",  "D",	"remove-document" },

	{ "help",    "Esc",	"quit" },

	{ "picker",  "Esc",	"quit" },

	{ "matrix",  "h",	"pane-left" },
	{ "matrix",  "Left",	"pane-left" },
	{ "matrix",  "l",	"pane-right" },
	{ "matrix",  "Right",	"pane-right" },
	{ "matrix",  "Esc",	"quit" },

	{ "search",  "Esc",	"quit" },

	{ "basket",  "K",	"move-up" },
	{ "basket",  "J",	"move-down" },
	{ "basket",  "d",	"remove" },
	{ "basket",  "Delete",	"remove" },
	{ "basket",  "Space",	"remove" },
	{ "basket",  "n",	"note" },
	{ "basket",  "Esc",	"quit" },

	{ "export",  "Esc",	"quit" },

	{ "new",     "Esc",	"quit" },
};

void
keymap_init(void)
{
	keymap_free();
	for (size_t i = 0; i < COUNT(defaults); i++) {
		struct error err;

		/* A bad row is a bug in the table above; the tests catch it. */
		if (bind_words(defaults[i].scope, defaults[i].key,
		    defaults[i].action, &err) != STATUS_OK) {
			fprintf(stderr, _("naast: bad built-in key binding: %s\n"), err.msg);

			abort();
		}
	}
}

char *
keymap_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	/* The XDG spec says to ignore a relative XDG_CONFIG_HOME. */
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/naast/keys", xdg);
	if (home && *home)
		return xasprintf("%s/.config/naast/keys", home);
	return NULL;
}

/* Reads the lines of fp into the table; the caller restores it on error. */
static enum status
load_lines(FILE *fp, const char *path, struct error *err)
{
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t len;
	enum status st = STATUS_OK;

	while ((len = getline(&line, &cap, fp)) != -1) {
		struct error why;
		char *text = line;

		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		/* Some editors start a UTF-8 file with a byte order mark. */
		if (lineno == 1 && strncmp(text, "\xEF\xBB\xBF", 3) == 0) {
			text += 3;
			len -= 3;
		}
		if (len > KEYMAP_LINE_MAX)
			st = error_set(&why, STATUS_USAGE,
			    "line is longer than %d bytes", KEYMAP_LINE_MAX);
		else if (memchr(text, '\0', (size_t)len))
			st = error_set(&why, STATUS_USAGE,
			    "a NUL byte, which no text has (save the key file as UTF-8 text)");
		else if (!text_is_utf8(text, (size_t)len))
			st = error_set(&why, STATUS_USAGE,
			    "not UTF-8 text (save the key file as UTF-8)");
		else
			st = keymap_parse_line(text, &why);
		if (st != STATUS_OK) {
			error_set(err, st, "%s:%zu: %s (fix or remove the line)",
			    path, lineno, why.msg);
			break;
		}
	}
	if (st == STATUS_OK && ferror(fp))
		st = error_set(err, STATUS_IO, "cannot read key file '%s': %s",
		    path, strerror(errno));
	free(line);
	return st;
}

enum status
keymap_load_file(const char *path, struct error *err)
{
	struct binding *saved;
	size_t n_saved = n_bindings;
	enum status st;
	struct stat sb = { 0 };
	FILE *fp;
	int fd;

	/* O_NONBLOCK: a named pipe must not keep naast waiting for a writer. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		if (errno == ENOENT)
			return STATUS_OK;
		return error_set(err, STATUS_IO, "cannot read key file '%s': %s (check its permissions, or move it away)",
		    path, strerror(errno));
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		st = error_set(err, STATUS_IO, "key file '%s' is %s, not a file (move it away, or make it a file of 'bind' lines)",
		    path, S_ISDIR(sb.st_mode) ? "a directory" :
		    status_file_kind(sb.st_mode));
		close(fd);
		return st;
	}
	if ((fp = fdopen(fd, "r")) == NULL) {
		close(fd);
		return error_set(err, STATUS_IO, "cannot read key file '%s': %s (check its permissions, or move it away)",
		    path, strerror(errno));
	}
	/* All or nothing: a file that stops half-way leaves no half a keymap. */
	saved = xmalloc(n_saved * sizeof(*saved));
	if (n_saved)
		memcpy(saved, bindings, n_saved * sizeof(*saved));
	st = load_lines(fp, path, err);
	fclose(fp);
	if (st != STATUS_OK) {
		xgrow(&bindings, &cap_bindings, n_saved, sizeof(*bindings));
		if (n_saved)
			memcpy(bindings, saved, n_saved * sizeof(*saved));
		n_bindings = n_saved;
	}
	free(saved);
	return st;
}
