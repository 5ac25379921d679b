/*
 * app: the stack of views, the loop and the status line.  See app.h.
 */
#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "keymap.h"
#include "text.h"
#include "view_search.h"
#include "xalloc.h"

#define MAX_VIEWS 16

struct app {
	struct store *st;
	struct view stack[MAX_VIEWS];
	int depth;
	char message[512];
	bool running;
	enum scope help_scope;	/* what the help view lists: the scope below it */
};

struct app *
app_new(struct store *st)
{
	struct app *app = xcalloc(1, sizeof(*app));

	app->st = st;
	app->running = true;
	if (!app_push(app, &view_library_ops, NULL)) {
		free(app);
		return NULL;
	}
	return app;
}

void
app_free(struct app *app)
{
	if (!app)
		return;
	while (app->depth > 0)
		app_pop(app);
	free(app);
}

struct store *
app_store(struct app *app)
{
	return app->st;
}

bool
app_running(const struct app *app)
{
	return app->running;
}

void
app_message(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof(app->message), fmt, ap);
	va_end(ap);
}

bool
app_push(struct app *app, const struct view_ops *ops, const void *arg)
{
	struct view *v;

	if (app->depth == MAX_VIEWS) {
		app_message(app, "Too many views open: go back with q first");
		return false;
	}
	v = &app->stack[app->depth];
	memset(v, 0, sizeof(*v));
	v->ops = ops;
	v->app = app;
	if (!ops->open(v, arg))
		return false;
	app->depth++;
	return true;
}

void
app_pop(struct app *app)
{
	struct view *v;

	if (app->depth == 0)
		return;
	v = &app->stack[--app->depth];
	v->ops->close(v);
	if (app->depth == 0)
		app->running = false;
}

static struct view *
top(struct app *app)
{
	return app->depth ? &app->stack[app->depth - 1] : NULL;
}

/* Every view recomputes what depends on the screen or the data. */
static void
reload_all(struct app *app)
{
	for (int i = 0; i < app->depth; i++)
		if (app->stack[i].ops->reload)
			app->stack[i].ops->reload(&app->stack[i]);
}

void
app_key(struct app *app, int key)
{
	struct view *v = top(app);
	enum action action;

	app->message[0] = '\0';
	if (!v)
		return;
	if (key == KEYMAP_RESIZE) {
		reload_all(app);
		return;
	}
	if (v->ops->input && v->ops->input(v, key))
		return;
	action = keymap_action(v->ops->scope, key);
	switch (action) {
	case ACTION_NONE:
		break;
	case ACTION_QUIT:
		app_pop(app);
		break;
	case ACTION_HELP:
		if (v->ops != &view_help_ops) {
			app->help_scope = v->ops->scope;
			app_push(app, &view_help_ops, &app->help_scope);
		}
		break;
	case ACTION_SEARCH:
		if (v->ops == &view_search_ops) {
			v->ops->handle(v, action);
		} else {
			struct search_request req = { NULL, 0, NULL };

			app_push(app, &view_search_ops, &req);
		}
		break;
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		reload_all(app);
		break;
	default:
		v->ops->handle(v, action);
		break;
	}
}

void
app_mouse(struct app *app, enum mouse event, int y, int x)
{
	struct view *v = top(app);

	app->message[0] = '\0';
	if (v && v->ops->mouse && COLS >= v->ops->min_cols && LINES >= v->ops->min_rows)
		v->ops->mouse(v, event, y, x);
}

/*
 * The hints of the view, "Enter open  f filter  ? help", as many as fit in
 * width, right-aligned at x + width.
 */
static void
draw_hints(const struct view *v, int y, int x, int width)
{
	static const struct view_hint always[] = {
		{ ACTION_HELP, "help" },
		{ ACTION_QUIT, "" },
		{ ACTION_NONE, NULL },
	};
	const struct view_hint *lists[] = { v->ops->hints, always };
	char line[512] = "";
	size_t used = 0;

	for (size_t l = 0; l < 2; l++) {
		for (const struct view_hint *h = lists[l]; h && h->action != ACTION_NONE; h++) {
			char keys[64], one[96], *comma;
			const char *label = h->label;

			if (!keymap_keys_for(v->ops->scope, h->action, keys, sizeof(keys)) ||
			    (h->action == ACTION_HELP && v->ops == &view_help_ops))
				continue;
			if ((comma = strchr(keys, ',')) != NULL)
				*comma = '\0';
			if (h->action == ACTION_QUIT)
				label = v->app->depth > 1 ? "back" : "quit";
			snprintf(one, sizeof(one), "%s%s %s", used ? "  " : "", keys, label);
			if (text_width(line) + text_width(one) > width ||
			    used + strlen(one) >= sizeof(line))
				break;
			memcpy(line + used, one, strlen(one) + 1);
			used += strlen(one);
		}
	}
	draw_text_right(stdscr, y, x, line, width, draw_attr(UI_STATUS));
}

static void
draw_status(struct app *app, struct view *v)
{
	int y = LINES - 1;
	char where[512] = "";
	int left;

	if (app->message[0]) {
		draw_text(stdscr, y, 0, app->message, COLS, draw_attr(UI_MESSAGE), DRAW_PAD);
		return;
	}
	if (v->ops->status)
		v->ops->status(v, where, sizeof(where));
	draw_text(stdscr, y, 0, " ", COLS, draw_attr(UI_STATUS), DRAW_PAD);
	left = draw_text(stdscr, y, 1, where, COLS - 1, draw_attr(UI_STATUS), 0);
	if (COLS - left - 4 > 10)
		draw_hints(v, y, left + 3, COLS - left - 4);
}

static void
draw_view(struct app *app, int index)
{
	struct view *v = &app->stack[index];

	if (v->ops->overlay && index > 0)
		draw_view(app, index - 1);
	v->ops->draw(v, LINES - 1, COLS);
}

/* The view that needs the most room among the top one and those it is drawn over. */
static const struct view *
neediest(const struct app *app)
{
	const struct view *need = &app->stack[app->depth - 1];

	for (int i = app->depth - 1; i > 0 && app->stack[i].ops->overlay; i--) {
		const struct view *below = &app->stack[i - 1];

		if (below->ops->min_cols > need->ops->min_cols ||
		    below->ops->min_rows > need->ops->min_rows)
			need = below;
	}
	return need;
}

void
app_draw(struct app *app)
{
	struct view *v = top(app);
	const struct view *need;

	werase(stdscr);
	if (!v) {
		wnoutrefresh(stdscr);
		return;
	}
	need = neediest(app);
	if (COLS < need->ops->min_cols || LINES < need->ops->min_rows) {
		struct wrapped w = { 0 };
		char msg[160];

		snprintf(msg, sizeof(msg),
		    "Terminal too small (%dx%d): the %s view needs %dx%d. Enlarge it, or q to go back.",
		    COLS, LINES, need->ops->name, need->ops->min_cols, need->ops->min_rows);
		draw_wrap(&w, msg, COLS);
		for (size_t i = 0; i < w.n && (int)i < LINES; i++)
			draw_text(stdscr, (int)i, 0, w.lines[i], COLS, A_BOLD, 0);
		draw_wrap_free(&w);
		wnoutrefresh(stdscr);
		return;
	}
	draw_view(app, app->depth - 1);
	draw_status(app, v);
	wnoutrefresh(stdscr);
}

/* ------------------------------------------------------------ the terminal */

static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

int
app_run(struct store *st)
{
	struct app *app;

	initscr();
	xalloc_set_fail_hook(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	draw_init();

	app = app_new(st);
	if (!app) {
		endwin();
		return 1;
	}
	while (app_running(app)) {
		wint_t wc;
		int rc;

		app_draw(app);
		doupdate();
		rc = wget_wch(stdscr, &wc);
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
			MEVENT ev;

			if (getmouse(&ev) != OK)
				continue;
			if (ev.bstate & BUTTON4_PRESSED)
				app_mouse(app, MOUSE_WHEEL_UP, ev.y, ev.x);
			else if (ev.bstate & BUTTON5_PRESSED)
				app_mouse(app, MOUSE_WHEEL_DOWN, ev.y, ev.x);
			else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
				app_mouse(app, MOUSE_CLICK, ev.y, ev.x);
			continue;
		}
		app_key(app, keymap_key_from_curses(rc, wc));
	}
	app_free(app);
	endwin();
	return 0;
}
