/*
 * view_picker: choose one of a few items, in a box over the view below.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "list.h"
#include "model.h"
#include "text.h"
#include "view.h"
#include "view_picker.h"
#include "xalloc.h"

struct picker {
	char *title;
	char **items;		/* list.count of them */
	struct list list;
	void *ctx;
	void (*chosen)(void *ctx, size_t index);
	int y, x, height, width;	/* the box at the last draw */
};

static bool
picker_open(struct view *v, const void *arg)
{
	const struct picker_request *req = arg;
	struct picker *p = xcalloc(1, sizeof(*p));

	p->title = xstrdup(req->title);
	for (size_t i = 0; i < req->n; i++)
		model_strv_add(&p->items, &p->list.count, xstrdup(req->items[i]));
	p->list.cursor = req->selected < req->n ? req->selected : 0;
	p->ctx = req->ctx;
	p->chosen = req->chosen;
	v->data = p;
	return true;
}

static void
picker_close(struct view *v)
{
	struct picker *p = v->data;

	model_strv_free(p->items, p->list.count);
	free(p->title);
	free(p);
}

static void
picker_draw(struct view *v, int rows, int cols)
{
	struct picker *p = v->data;
	struct list *l = &p->list;
	int width = text_width(p->title) + 6;

	for (size_t i = 0; i < l->count; i++)
		if (text_width(p->items[i]) + 6 > width)
			width = text_width(p->items[i]) + 6;
	p->width = width < cols - 4 ? width : cols - 4;
	p->height = (int)l->count + 2 < rows - 2 ? (int)l->count + 2 : rows - 2;
	p->y = (rows - p->height) / 2;
	p->x = (cols - p->width) / 2;
	l->height = p->height > 2 ? (size_t)(p->height - 2) : 0;
	list_scroll_into_view(l);
	for (int y = 0; y < p->height; y++)
		draw_text(stdscr, p->y + y, p->x, "", p->width, draw_attr(UI_NORMAL), DRAW_PAD);
	draw_box(stdscr, p->y, p->x, p->height, p->width, draw_attr(UI_FOCUS));
	mvwaddch(stdscr, p->y, p->x + 1, ' ');
	waddch(stdscr, ' ');
	draw_text(stdscr, p->y, p->x + 2, p->title, p->width - 5, draw_attr(UI_FOCUS), DRAW_CUT);
	waddch(stdscr, ' ');
	for (size_t i = l->top; i < l->top + l->height && i < l->count; i++) {
		int y = p->y + 1 + (int)(i - l->top);
		attr_t attr = i == l->cursor ? draw_attr(UI_CURSOR) : draw_attr(UI_NORMAL);

		draw_text(stdscr, y, p->x + 1, " ", p->width - 2, attr, DRAW_PAD);
		draw_text(stdscr, y, p->x + 2, p->items[i], p->width - 4, attr, 0);
	}
}

static void
choose(struct view *v)
{
	struct picker *p = v->data;
	void (*chosen)(void *, size_t) = p->chosen;
	void *ctx = p->ctx;
	size_t sel = p->list.cursor;

	app_pop(v->app);	/* frees p */
	chosen(ctx, sel);
}

static void
picker_handle(struct view *v, enum action action)
{
	struct picker *p = v->data;

	if (list_move(&p->list, action))
		return;
	if (action == ACTION_OPEN && p->list.count)
		choose(v);
}

static void
picker_mouse(struct view *v, enum mouse event, int y, int x)
{
	struct picker *p = v->data;

	if (list_wheel(&p->list, event))
		return;
	if (y > p->y && y < p->y + p->height - 1 && x > p->x && x < p->x + p->width - 1) {
		if (list_row_at(&p->list, y - p->y - 1, &p->list.cursor))
			choose(v);
	} else {
		app_pop(v->app);
	}
}

static void
picker_status(struct view *v, char *buf, size_t size)
{
	struct picker *p = v->data;

	snprintf(buf, size, "%s · %zu/%zu", p->title, p->list.cursor + 1, p->list.count);
}

static const struct view_hint picker_hints[] = {
	{ ACTION_OPEN, N_("choose") },
	{ ACTION_NONE, NULL },
};

const struct view_ops view_picker_ops = {
	.name = "picker",
	.scope = SCOPE_PICKER,
	.min_cols = 30,
	.min_rows = 6,
	.overlay = true,
	.open = picker_open,
	.draw = picker_draw,
	.handle = picker_handle,
	.mouse = picker_mouse,
	.status = picker_status,
	.hints = picker_hints,
	.close = picker_close,
};
