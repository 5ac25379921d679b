/*
 * keymap: keys are data.
 *
 * Every user action is one row of ACTION_INFO: its enum name, the name a
 * key file uses, and its help text.  Bindings are rows { scope, key,
 * action }; the built-in defaults are such rows in keymap.c, and a user's
 * key file ($XDG_CONFIG_HOME/naast/keys) is read line by line by the same
 * parser:
 *
 *	# comment
 *	bind SCOPE KEY ACTION
 *
 * SCOPE is a view name or "generic" (every view); KEY is a character
 * ("j", "?", "G"), a name ("Enter", "Tab", "BackTab", "Space", "Esc",
 * "Backspace", "Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home",
 * "End", "F1".."F12") or a control key ("C-l"); ACTION is an action name
 * or "none" to unbind.  A view's own binding wins over a generic one.
 * Views switch on actions, never on keys; the help screen is made from
 * these tables, so there is no second list to drift.
 */
#ifndef NAAST_KEYMAP_H
#define NAAST_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

#define ACTION_INFO(_) \
	_(NONE,            "none",            "Do nothing (unbinds a key)") \
	_(QUIT,            "quit",            "Go back; in the library, quit") \
	_(OPEN,            "open",            "Open the selected set or document") \
	_(HELP,            "help",            "Show the keys") \
	_(REDRAW,          "redraw",          "Redraw the screen and reload") \
	_(DOWN,            "down",            "Move down one line") \
	_(UP,              "up",              "Move up one line") \
	_(PAGE_DOWN,       "page-down",       "Move down one page") \
	_(PAGE_UP,         "page-up",         "Move up one page") \
	_(FIRST,           "first",           "Go to the top") \
	_(LAST,            "last",            "Go to the bottom") \
	_(FILTER,          "filter",          "Narrow the library as you type") \
	_(SORT,            "sort",            "Change the order of the library") \
	_(NEXT_VRAAG,      "next-vraag",      "Go to the next vraag") \
	_(PREV_VRAAG,      "prev-vraag",      "Go to the previous vraag") \
	_(NEXT_PANE,       "next-pane",       "Focus the next pane") \
	_(PANE_LEFT,       "pane-left",       "Focus the pane on the left") \
	_(PANE_RIGHT,      "pane-right",      "Focus the pane on the right") \
	_(CHOOSE_MINISTRY, "choose-ministry", "Choose the ministry the focused pane shows") \
	_(TOGGLE_SYNC,     "toggle-sync",     "Scroll the panes together or apart") \
	_(READER,          "reader",          "Read the whole document of the focused pane") \
	_(OUTLINE,         "outline",         "Show or hide the outline; jump with Enter")

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
	_(PICKER,  "picker")

enum scope {
#define SCOPE_ENUM(name, str) SCOPE_##name,
	SCOPE_INFO(SCOPE_ENUM)
#undef SCOPE_ENUM
	N_SCOPES
};

/* Loads the built-in bindings; call once before anything else here. */
void keymap_init(void);
/* Drops every binding (for tests and at exit). */
void keymap_free(void);

/*
 * Reads one key-file line (a comment, a blank line or a bind line) and
 * applies it.  On a bad line returns STATUS_USAGE with err saying what is
 * wrong ("unknown action 'foo'"), without file or line: the caller adds
 * them.
 */
enum status keymap_parse_line(const char *line, struct error *err);

/*
 * Reads a key file.  A missing file is fine.  Stops at the first bad line:
 * STATUS_USAGE, err = "FILE:LINE: what is wrong (fix or remove the line)".
 */
enum status keymap_load_file(const char *path, struct error *err);

/* The default key file path ($XDG_CONFIG_HOME/naast/keys, or ~/.config/...); NULL if none. Allocated. */
char *keymap_default_path(void);

/* The action bound to key (a curses key code) in scope, or ACTION_NONE. */
enum action keymap_action(enum scope scope, int key);

/* Key name for a curses key code, as key files write it: "j", "C-l", "PgDn". */
const char *keymap_key_name(int key, char *buf, size_t size);
/* Curses key code for a key name; -1 when it is not one. */
int keymap_key_code(const char *name);

const char *keymap_action_name(enum action action);
const char *keymap_action_help(enum action action);
const char *keymap_scope_name(enum scope scope);

/*
 * The keys bound to action in scope (its own and generic ones that it does
 * not override), as "j, Down": for the help screen and the status line.
 * Returns the number of keys; out holds "" when there are none.
 */
size_t keymap_keys_for(enum scope scope, enum action action, char *out, size_t size);

#endif
