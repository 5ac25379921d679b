/*
 * view_new: the answers that came from the open data (naast fetch, naast
 * sync, the fetch prompt) since the user last looked, newest first: the
 * ministry, the KOOP id, when it was received and the set's subject.
 * Opening the view is looking: the library's count of new answers starts
 * again from zero.  Enter opens the set in the compare view at vraag 1,
 * on the ministry's pane.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "view.h"
#include "view_compare.h"
#include "xalloc.h"

/* The most the view lists; older ones are in the library. */
#define NEW_MAX 1000

struct arrivals {
	struct arrival *rows;
	struct list list;
};

static bool
new_open(struct view *v, const void *arg)
{
	struct arrivals *a = xcalloc(1, sizeof(*a));
	struct store *st = app_store(v->app);
	struct error err = { "" };

	(void)arg;
	if (store_arrivals(st, NEW_MAX, &a->rows, &a->list.count, &err) !=
	    STATUS_OK || store_arrivals_seen(st, &err) != STATUS_OK) {
		app_message(v->app, _("Cannot read what is new: %s"), err.msg);
		store_arrivals_free(a->rows, a->list.count);
		free(a);
		return false;
	}
	v->data = a;
	return true;
}

static void
new_close(struct view *v)
{
	struct arrivals *a = v->data;

	store_arrivals_free(a->rows, a->list.count);
	free(a);
}

static void
new_draw(struct view *v, int rows, int cols)
{
	struct arrivals *a = v->data;
	struct list *l = &a->list;
	char line[512], date[64];

	snprintf(line, sizeof(line), P_("New from the open data: %zu answer since you last looked",
	    "New from the open data: %zu answers since you last looked", a->list.count),
	    a->list.count);
	draw_text(stdscr, 0, 0, line, cols, draw_attr(UI_TITLE), DRAW_PAD);
	draw_text(stdscr, 1, 0, "", cols, draw_attr(UI_NORMAL), DRAW_PAD);
	l->height = rows > 2 ? (size_t)(rows - 2) : 0;
	list_scroll_into_view(l);
	for (int y = 2; y < rows; y++) {
		size_t i = l->top + (size_t)(y - 2);
		attr_t attr;

		if (i >= l->count) {
			draw_text(stdscr, y, 0, "", cols, draw_attr(UI_NORMAL), DRAW_PAD);
			continue;
		}
		attr = i == l->cursor ? draw_attr(UI_CURSOR) : draw_attr(UI_NORMAL);
		if (!date_format_text(a->rows[i].received, date, sizeof(date)))
			snprintf(date, sizeof(date), "%s", _("date unknown"));
		snprintf(line, sizeof(line), _("%-6s %-22s ontvangen %-18s set %lld: %s"),
		    a->rows[i].ministry[0] ? a->rows[i].ministry : "?",
		    a->rows[i].koop_id[0] ? a->rows[i].koop_id : "-", date,
		    a->rows[i].set, a->rows[i].subject ? a->rows[i].subject : "");
		draw_text(stdscr, y, 0, line, cols, attr, DRAW_PAD | DRAW_CUT);
	}
	if (!l->count && rows > 3)
		draw_text(stdscr, 3, 2,
		    _("Nothing new.  F in the library fetches a set; naast sync brings in what changed."),
		    cols - 2, draw_attr(UI_DIM), DRAW_CUT);
}

static void
new_handle(struct view *v, enum action action)
{
	struct arrivals *a = v->data;
	const struct arrival *r;

	if (list_move(&a->list, action) || action != ACTION_OPEN ||
	    !a->list.count)
		return;
	r = &a->rows[a->list.cursor];
	app_push(v->app, &view_compare_ops, &(struct compare_request){
	    r->set, 1, r->ministry[0] ? r->ministry : NULL, 0 });
}

static void
new_mouse(struct view *v, enum mouse event, int y, int x)
{
	struct arrivals *a = v->data;

	(void)x;
	if (list_wheel(&a->list, event))
		return;
	if (y >= 2 && list_click(&a->list, y - 2))
		new_handle(v, ACTION_OPEN);
}

static void
new_status(struct view *v, char *buf, size_t size)
{
	struct arrivals *a = v->data;

	if (a->list.count)
		snprintf(buf, size, _("New · %zu/%zu"), a->list.cursor + 1,
		    a->list.count);
	else
		snprintf(buf, size, "%s", _("New · nothing since you last looked"));

}

static const struct view_hint new_hints[] = {
	{ ACTION_OPEN, N_("compare") },
	{ ACTION_NONE, NULL },
};

const struct view_ops view_new_ops = {
	.name = "new",
	.scope = SCOPE_NEW,
	.min_cols = 40,
	.min_rows = 6,
	.open = new_open,
	.draw = new_draw,
	.handle = new_handle,
	.mouse = new_mouse,
	.status = new_status,
	.hints = new_hints,
	.close = new_close,
};
