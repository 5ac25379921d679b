/*
 * keymap: keys are data.
 *
 * Every user action is one row of ACTION_INFO: its enum name, the name a
 * key file uses, and its help text (English, marked N_: keymap_action_help
 * translates it).  Bindings are rows { scope, key,
 * action }; the built-in defaults are such rows in keymap.c, and a user's
 * key file ($XDG_CONFIG_HOME/naast/keys) is read line by line by the same
 * parser:
 *
 *	# comment
 *	bind SCOPE KEY ACTION
 *
 * SCOPE is a view name or "generic" (every view); KEY is a character
 * ("j", "?", "G"), a name ("Enter", "Tab", "BackTab", "Space", "Esc",
 * "Backspace", "Delete", "Up", "Down", "Left", "Right", "PgUp", "PgDn",
 * "Home", "End", "F1".."F12"), a control key ("C-a".."C-z") or Alt with a
 * character ("M-b"); ACTION is an
 * action name or "none" to unbind.  Words are separated by spaces or tabs;
 * a word starting with '#' after ACTION starts a comment.  A view's own
 * binding wins over a generic one, and "none" in a view hides a generic
 * binding of that key in that view.  Binding a key again replaces its
 * action and keeps its place in the order keymap_keys_for lists keys in.
 * Views switch on actions, never on keys; the help screen is made from
 * these tables, so there is no second list to drift.
 *
 * A key is an int.  A character is its Unicode code point, as wget_wch
 * returns it ('j', 0xEB for 'ë', 12 for Ctrl-L, 27 for Esc); a function
 * key is KEYMAP_FKEY(KEY_x).  Curses's KEY_* codes (0401 and up) are also
 * code points (KEY_DOWN is U+0102), so function keys are moved past the
 * last code point: the two never collide and every key is >= 0.  Some
 * keys come as more than one code; keymap_key_from_curses and
 * keymap_action fold them to one: Enter ('\r', KEY_ENTER) is '\n', and
 * Backspace (8, 127) is KEYMAP_FKEY(KEY_BACKSPACE).  "C-i", "C-j", "C-m"
 * and "C-h" therefore name Tab, Enter, Enter and Backspace.
 *
 * The bindings are one table in memory, owned by this module: keymap_init
 * fills it, keymap_free empties it.
 */
#ifndef NAAST_KEYMAP_H
#define NAAST_KEYMAP_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "status.h"

/* Function keys start past U+10FFFF, the last code point. */
#define KEYMAP_FKEY_BASE	0x110000
/* The key for curses's KEY_x; a macro so that it can be a case label. */
#define KEYMAP_FKEY(k)		(KEYMAP_FKEY_BASE + (k))
/*
 * Alt (Meta) with a character: terminals send Esc and the character, which
 * app_run reads as one key.  Past the function keys.
 */
#define KEYMAP_ALT_BASE		0x200000
#define KEYMAP_ALT(c)		(KEYMAP_ALT_BASE + (c))
/* The terminal was resized. */
#define KEYMAP_RESIZE		KEYMAP_FKEY(KEY_RESIZE)
/* Room enough for any keymap_key_name. */
#define KEYMAP_KEY_NAME_MAX	32
/* Keys that views typing text look at. */
#define KEYMAP_ENTER		'\n'
#define KEYMAP_ESC		27
#define KEYMAP_BACKSPACE	KEYMAP_FKEY(KEY_BACKSPACE)

#define ACTION_INFO(_) \
	_(NONE,            "none",            N_("Do nothing (unbinds a key)")) \
	_(QUIT,            "quit",            N_("Go back; in the library, quit")) \
	_(OPEN,            "open",            N_("Open the selected set or document")) \
	_(HELP,            "help",            N_("Show the keys")) \
	_(REDRAW,          "redraw",          N_("Redraw the screen and reload")) \
	_(MESSAGE,         "message",         N_("Show the last message whole, when the status line had to cut it")) \
	_(DOWN,            "down",            N_("Move down one line")) \
	_(UP,              "up",              N_("Move up one line")) \
	_(PAGE_DOWN,       "page-down",       N_("Move down one page")) \
	_(PAGE_UP,         "page-up",         N_("Move up one page")) \
	_(FIRST,           "first",           N_("Go to the top")) \
	_(LAST,            "last",            N_("Go to the bottom")) \
	_(FILTER,          "filter",          N_("Narrow the library as you type")) \
	_(SORT,            "sort",            N_("Change the order of the library")) \
	_(NEXT_VRAAG,      "next-vraag",      N_("Go to the next vraag")) \
	_(PREV_VRAAG,      "prev-vraag",      N_("Go to the previous vraag")) \
	_(NEXT_PANE,       "next-pane",       N_("Focus the next pane")) \
	_(PANE_LEFT,       "pane-left",       N_("Focus the pane on the left")) \
	_(PANE_RIGHT,      "pane-right",      N_("Focus the pane on the right")) \
	_(CHOOSE_MINISTRY, "choose-ministry", N_("Choose the ministry the focused pane shows")) \
	_(TOGGLE_SYNC,     "toggle-sync",     N_("Scroll the panes together or apart")) \
	_(READER,          "reader",          N_("Read the whole document of the focused pane")) \
	_(TOGGLE_DIFF,     "toggle-diff",     N_("Mark what the panes share and what only one says")) \
	_(TOGGLE_REFS,     "toggle-refs",     N_("Show the answers that references point to, inline")) \
	_(MATRIX,          "matrix",          N_("Show all vragen by ministry, with how alike the answers are")) \
	_(SEARCH,          "search",          N_("Search every passage")) \
	_(RELATED,         "related",         N_("Find the passages most like the one under the cursor")) \
	_(OUTLINE,         "outline",         N_("Show or hide the outline; jump with Enter")) \
	_(SELECT,          "select",          N_("Put the passage under the cursor in the basket, or take it out")) \
	_(SELECT_ANSWER,   "select-answer",   N_("Put the whole answer in the focused pane in the basket, or take it out")) \
	_(BASKET,          "basket",          N_("Show the basket: reorder, notes, export")) \
	_(EXPORT,          "export",          N_("Export the basket to a file, with citations")) \
	_(EXPORT_VRAAG,    "export-vraag",    N_("Export the answers to this vraag to a file, with citations")) \
	_(COPY,            "copy",            N_("Copy the passage under the cursor to the clipboard as Markdown, with its citation")) \
	_(COPY_BASKET,     "copy-basket",     N_("Copy the basket to the clipboard as Markdown, with citations")) \
	_(MOVE_UP,         "move-up",         N_("Move the passage up in the basket")) \
	_(MOVE_DOWN,       "move-down",       N_("Move the passage down in the basket")) \
	_(REMOVE,          "remove",          N_("Take the passage out of the basket")) \
	_(NOTE,            "note",            N_("Write a note with the passage")) \
	_(REMOVE_DOCUMENT, "remove-document", N_("Remove the document (or the set) from the library, after asking")) \
	_(FETCH,           "fetch",           N_("Fetch a question set from the open data by its number")) \
	_(NEW,             "new",             N_("Show the answers the open data brought since you last looked"))

enum action {
#define ACTION_ENUM(name, str, help) ACTION_##name,
	ACTION_INFO(ACTION_ENUM)
#undef ACTION_ENUM
	N_ACTIONS
};

/* Where a binding holds: one scope per view, and generic for all. */
#define SCOPE_INFO(_) \
	_(GENERIC, "generic") \
	_(LIBRARY, "library") \
	_(COMPARE, "compare") \
	_(READER,  "reader") \
	_(HELP,    "help") \
	_(PICKER,  "picker") \
	_(MATRIX,  "matrix") \
	_(SEARCH,  "search") \
	_(BASKET,  "basket") \
	_(EXPORT,  "export") \
	_(FETCH,   "fetch") \
	_(NEW,     "new")

enum scope {
#define SCOPE_ENUM(name, str) SCOPE_##name,
	SCOPE_INFO(SCOPE_ENUM)
#undef SCOPE_ENUM
	N_SCOPES
};

/*
 * Loads the built-in bindings, dropping any made before; call once before
 * anything else here.
 */
void keymap_init(void);
/* Drops every binding (for tests and at exit). */
void keymap_free(void);

/*
 * Reads one key-file line (a comment, a blank line or a bind line) and
 * applies it.  On a bad line returns STATUS_USAGE with err naming the bad
 * word and what is valid ("unknown action 'foo' (see the help screen, ?,
 * for action names)"), without file or line: the caller adds them.
 */
enum status keymap_parse_line(const char *line, struct error *err);

/*
 * Reads a key file (UTF-8; lines of at most 1024 bytes).  A missing file is
 * fine; one that cannot be read is STATUS_IO.  Stops at the first bad line:
 * STATUS_USAGE, err = "FILE:LINE: what is wrong (fix or remove the line)".
 * On any error the bindings are left as they were before the call.
 */
enum status keymap_load_file(const char *path, struct error *err);

/*
 * The default key file: $XDG_CONFIG_HOME/naast/keys when XDG_CONFIG_HOME is
 * an absolute path, else $HOME/.config/naast/keys; NULL when HOME is unset
 * or empty too.  The caller frees it.
 */
char *keymap_default_path(void);

/*
 * The key for what wget_wch returned: rc is its return value (KEY_CODE_YES
 * for a function key, OK for a character), wc the key it stored.
 */
int keymap_key_from_curses(int rc, wint_t wc);

/* True when key types text: a space or a character that shows. */
bool keymap_is_text(int key);
/* The UTF-8 bytes of a text key (no NUL); returns how many. */
size_t keymap_text_utf8(int key, char out[8]);

/* The action bound to key in scope (or else in generic), or ACTION_NONE. */
enum action keymap_action(enum scope scope, int key);

/*
 * The name of key as key files write it: "j", "ë", "C-l", "PgDn", "Space".
 * A key with no such name gets one that no key file accepts ("<U+0000>",
 * "KEY_IC").  Writes into buf (KEYMAP_KEY_NAME_MAX bytes is enough) and
 * returns it.
 */
const char *keymap_key_name(int key, char *buf, size_t size);
/* The key a name stands for; -1 when it is not one. */
int keymap_key_code(const char *name);

/* The names of ACTION_INFO and SCOPE_INFO; NULL when out of range. */
const char *keymap_action_name(enum action action);
const char *keymap_action_help(enum action action);
const char *keymap_scope_name(enum scope scope);

/*
 * The keys bound to action in scope (its own, then generic ones that it
 * does not override, each in the order they were bound), as "j, Down": for
 * the help screen and the status line.  Returns the number of keys; out
 * holds as many whole names as fit, "" when there are none.  ACTION_NONE
 * has no keys.
 */
size_t keymap_keys_for(enum scope scope, enum action action, char *out, size_t size);

#endif
