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
#include "model.h"
#include "text.h"
#include "view.h"
#include "view_picker.h"
#include "xalloc.h"

struct picker {
	char *title;
	char **items;
	size_t n, sel, top;
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
		model_strv_add(&p->items, &p->n, xstrdup(req->items[i]));
	p->sel = req->selected < req->n ? req->selected : 0;
	p->ctx = req->ctx;
	p->chosen = req->chosen;
	v->data = p;
	return true;
}

static void
picker_close(struct view *v)
{
	struct picker *p = v->data;

	model_strv_free(p->items, p->n);
	free(p->title);
	free(p);
}

static void
picker_draw(struct view *v, int rows, int cols)
{
	struct picker *p = v->data;
	int width = text_width(p->title) + 6;

	for (size_t i = 0; i < p->n; i++)
		if (text_width(p->items[i]) + 6 > width)
			width = text_width(p->items[i]) + 6;
	p->width = width < cols - 4 ? width : cols - 4;
	p->height = (int)p->n + 2 < rows - 2 ? (int)p->n + 2 : rows - 2;
	p->y = (rows - p->height) / 2;
	p->x = (cols - p->width) / 2;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)(p->height - 2))
		p->top = p->sel - (size_t)(p->height - 2) + 1;
	for (int y = 0; y < p->height; y++)
		draw_text(stdscr, p->y + y, p->x, "", p->width, draw_attr(UI_NORMAL), DRAW_PAD);
	draw_box(stdscr, p->y, p->x, p->height, p->width, draw_attr(UI_FOCUS));
	mvwaddch(stdscr, p->y, p->x + 1, ' ');
	waddch(stdscr, ' ');
	draw_text(stdscr, p->y, p->x + 2, p->title, p->width - 5, draw_attr(UI_FOCUS), DRAW_CUT);
	waddch(stdscr, ' ');
	for (int y = 0; y < p->height - 2 && p->top + (size_t)y < p->n; y++) {
		size_t i = p->top + (size_t)y;

		draw_text(stdscr, p->y + 1 + y, p->x + 1, " ", p->width - 2,
		    i == p->sel ? draw_attr(UI_CURSOR) : draw_attr(UI_NORMAL), DRAW_PAD);
		draw_text(stdscr, p->y + 1 + y, p->x + 2, p->items[i], p->width - 4,
		    i == p->sel ? draw_attr(UI_CURSOR) : draw_attr(UI_NORMAL), 0);
	}
}

static void
choose(struct view *v)
{
	struct picker *p = v->data;
	void (*chosen)(void *, size_t) = p->chosen;
	void *ctx = p->ctx;
	size_t sel = p->sel;

	app_pop(v->app);	/* frees p */
	chosen(ctx, sel);
}

static void
picker_handle(struct view *v, enum action action)
{
	struct picker *p = v->data;

	switch (action) {
	case ACTION_DOWN:
		if (p->sel + 1 < p->n)
			p->sel++;
		break;
	case ACTION_UP:
		if (p->sel > 0)
			p->sel--;
		break;
	case ACTION_FIRST:
		p->sel = 0;
		break;
	case ACTION_LAST:
		p->sel = p->n ? p->n - 1 : 0;
		break;
	case ACTION_OPEN:
		if (p->n)
			choose(v);
		break;
	default:
		break;
	}
}

static void
picker_mouse(struct view *v, enum mouse event, int y, int x)
{
	struct picker *p = v->data;

	if (event == MOUSE_WHEEL_UP)
		picker_handle(v, ACTION_UP);
	else if (event == MOUSE_WHEEL_DOWN)
		picker_handle(v, ACTION_DOWN);
	else if (y > p->y && y < p->y + p->height - 1 && x > p->x && x < p->x + p->width - 1) {
		p->sel = p->top + (size_t)(y - p->y - 1);
		if (p->sel < p->n)
			choose(v);
	} else {
		app_pop(v->app);
	}
}

static void
picker_status(struct view *v, char *buf, size_t size)
{
	struct picker *p = v->data;

	snprintf(buf, size, "%s · %zu/%zu", p->title, p->sel + 1, p->n);
}

static const struct view_hint picker_hints[] = {
	{ ACTION_OPEN, "choose" },
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
