/*
 * view: what every screen of naast is.
 *
 * Each view is one file, tui/view_NAME.c, with only static functions and
 * one exported table, const struct view_ops view_NAME_ops.  The app keeps
 * a stack of views: the top one is drawn and gets the keys; q pops it.
 * Views switch on actions (keymap.h), never on keys, and ask store.h for
 * their data: no SQL here.
 */
#ifndef NAAST_VIEW_H
#define NAAST_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"

struct app;

struct view {
	const struct view_ops *ops;
	struct app *app;
	void *data;		/* the view's own state, made by open, freed by close */
};

/* A mouse event, in the coordinates of the screen. */
enum mouse {
	MOUSE_CLICK,
	MOUSE_WHEEL_UP,
	MOUSE_WHEEL_DOWN,
};

/* A key to show on the status line: "n/p vraag". */
struct view_hint {
	enum action action;
	const char *label;
};

struct view_ops {
	const char *name;
	enum scope scope;		/* whose key bindings apply */
	int min_cols, min_rows;		/* smaller than this: "too small" */
	bool overlay;			/* drawn over the view below it */
	bool typing;			/* every key goes to input: no key hints */
	/* True while keys go to a line being typed (no key hints then).  May be NULL. */
	bool (*typing_now)(struct view *v);
	/* Loads; arg is the view's own (a set id, a document id, ...).  False with app_message. */
	bool (*open)(struct view *v, const void *arg);
	/* Draws into rows [0, rows) of the screen, cols wide (the status line is the app's). */
	void (*draw)(struct view *v, int rows, int cols);
	/* Does what the action says; the app redraws afterwards. */
	void (*handle)(struct view *v, enum action action);
	/* A key before the key map, for typing text; true when it was used.  May be NULL. */
	bool (*input)(struct view *v, int key);
	/* A mouse event at (y, x).  May be NULL. */
	void (*mouse)(struct view *v, enum mouse event, int y, int x);
	/* Where you are, for the left of the status line. */
	void (*status)(struct view *v, char *buf, size_t size);
	/* The keys worth showing on the status line, ended by ACTION_NONE. */
	const struct view_hint *hints;
	/* A new screen size or a reload (Ctrl-L): recompute what depends on it.  May be NULL. */
	void (*reload)(struct view *v);
	/* The passage under the cursor, for Space and y; 0 when none.  May be NULL. */
	long long (*passage)(struct view *v);
	void (*close)(struct view *v);
};

extern const struct view_ops view_library_ops;
extern const struct view_ops view_compare_ops;
extern const struct view_ops view_reader_ops;
extern const struct view_ops view_help_ops;
extern const struct view_ops view_picker_ops;
extern const struct view_ops view_matrix_ops;
extern const struct view_ops view_search_ops;
extern const struct view_ops view_basket_ops;
extern const struct view_ops view_export_ops;
extern const struct view_ops view_fetch_ops;
extern const struct view_ops view_new_ops;

#endif
