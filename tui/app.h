/*
 * app: the interface as a whole: curses set-up and teardown, the stack of
 * views, the main loop, resizing, the mouse and the status line.
 *
 * The loop is: read a key, app_key, app_draw, doupdate.  Tests skip the
 * terminal: they make a screen with newterm, call app_key with the keys
 * of a script and app_draw, and read the screen back.
 */
#ifndef NAAST_APP_H
#define NAAST_APP_H

#include <stdbool.h>

#include "store.h"
#include "view.h"

struct app;

/* An app on st with the library open; NULL (message on stderr) on failure. */
struct app *app_new(struct store *st);
void app_free(struct app *app);

/* Opens a view on top of the stack; false (and a message) when it cannot. */
bool app_push(struct app *app, const struct view_ops *ops, const void *arg);
/* Closes the top view; closing the last one ends the app. */
void app_pop(struct app *app);

struct store *app_store(struct app *app);

/* A one-line message on the status line until the next key. */
void app_message(struct app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * The basket, as every view shows it: which passages are in it (a copy
 * read after each change, so that drawing asks no query) and changing it.
 */
bool app_in_basket(struct app *app, long long passage);
/*
 * Puts passages in the basket or, when every one of them is in it
 * already, takes them out; says which on the status line.
 */
void app_toggle_basket(struct app *app, const long long *passages, size_t n);
/* Reads the basket again, after a view changed it through the store. */
void app_basket_changed(struct app *app);
/* Counts the changes of the basket, so that a view can tell it changed. */
unsigned app_basket_version(struct app *app);

/*
 * Opens a passage where it stands: a vraag of a set in the compare view,
 * focused on ministry (NULL: the first), the cursor on the passage; any
 * other passage in the reader, at the passage.
 */
void app_open_passage(struct app *app, long long set, int vraag, const char *ministry,
    long long doc, long long passage);

/*
 * Asks on the status line whether to remove the n documents docs from
 * the library (what names them: "document 12 (x.pdf)"), saying how many
 * basket items go with them: y removes them, any other key keeps them.
 * After a removal the views above the library close and the rest read
 * again.
 */
void app_remove_documents(struct app *app, const long long *docs, size_t n,
    const char *what);

/*
 * Opens the export prompt for items (export.h), which it takes over;
 * what names them in its title ("the basket", "vraag 8"); layout is how
 * the answers to one vraag are laid out (side by side from the compare
 * view).
 */
void app_export(struct app *app, struct export_item *items, size_t n, const char *what,
    enum export_layout layout);

/*
 * Puts text on the clipboard of the terminal the user sits at, through
 * OSC 52 (which works over SSH and, when tmux allows it, inside tmux),
 * once the screen is drawn; unless NAAST_CLIPBOARD=off.  False (with a
 * message) when it is off or the text is too long for terminals to take.
 */
bool app_copy(struct app *app, const char *text);

/* Every view reads its data again (after a fetch, say). */
void app_reload(struct app *app);
/* One key (as keymap.h represents keys): raw input, key map, action. */
void app_key(struct app *app, int key);
/* A mouse event (the app reads it from curses in app_run). */
void app_mouse(struct app *app, enum mouse event, int y, int x);
/* Draws everything into stdscr and marks it for doupdate. */
void app_draw(struct app *app);
/*
 * One frame, as the loop of app_run shows it: app_draw, doupdate, then
 * the clipboard app_copy queued, as OSC 52 on standard output.
 */
void app_update(struct app *app);
/* False once the last view is closed. */
bool app_running(const struct app *app);

/*
 * The whole interface on a terminal: curses on, the loop until the last
 * view closes, curses off.  Returns the exit status.
 */
int app_run(struct store *st);

#endif
