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

/* One key (as keymap.h represents keys): raw input, key map, action. */
void app_key(struct app *app, int key);
/* A mouse event (the app reads it from curses in app_run). */
void app_mouse(struct app *app, enum mouse event, int y, int x);
/* Draws everything into stdscr and marks it for doupdate. */
void app_draw(struct app *app);
/* False once the last view is closed. */
bool app_running(const struct app *app);

/*
 * The whole interface on a terminal: curses on, the loop until the last
 * view closes, curses off.  Returns the exit status.
 */
int app_run(struct store *st);

#endif
