/*
 * list: the cursor and the scrolling of every list (see list.h).
 */
#include "config.h"

#include "list.h"

/* The last top that leaves no blank rows under the last row. */
static size_t
last_top(const struct list *l)
{
	return l->count > l->height ? l->count - l->height : 0;
}

/* Rows a page moves: at least one, whatever the height. */
static size_t
page(const struct list *l)
{
	return l->height > l->overlap ? l->height - l->overlap : 1;
}

/* Where the keys move: the cursor, or a pager's first row on screen. */
static size_t
position(const struct list *l)
{
	return l->pager ? l->top : l->cursor;
}

/* The last position there is. */
static size_t
last(const struct list *l)
{
	if (l->pager)
		return last_top(l);
	return l->count ? l->count - 1 : 0;
}

long
list_delta(const struct list *l, enum action action)
{
	switch (action) {
	case ACTION_DOWN:
		return 1;
	case ACTION_UP:
		return -1;
	case ACTION_PAGE_DOWN:
		return (long)page(l);
	case ACTION_PAGE_UP:
		return -(long)page(l);
	case ACTION_FIRST:
		return -(long)position(l);
	case ACTION_LAST:
		return (long)last(l) - (long)position(l);
	default:
		return 0;
	}
}

long
list_wheel_delta(const struct list *l, enum mouse event)
{
	long step = l->wheel ? (long)l->wheel : 1;

	switch (event) {
	case MOUSE_WHEEL_DOWN:
		return step;
	case MOUSE_WHEEL_UP:
		return -step;
	default:
		return 0;
	}
}

/* Moves delta rows, stopping at the ends. */
static void
move_by(struct list *l, long delta)
{
	long at = (long)position(l) + delta, end = (long)last(l);

	if (at > end)
		at = end;
	if (at < 0)
		at = 0;
	if (l->pager)
		l->top = (size_t)at;
	else
		l->cursor = (size_t)at;
}

bool
list_move(struct list *l, enum action action)
{
	switch (action) {
	case ACTION_DOWN:
	case ACTION_UP:
	case ACTION_PAGE_DOWN:
	case ACTION_PAGE_UP:
	case ACTION_FIRST:
	case ACTION_LAST:
		move_by(l, list_delta(l, action));
		return true;
	default:
		return false;
	}
}

bool
list_wheel(struct list *l, enum mouse event)
{
	if (event != MOUSE_WHEEL_UP && event != MOUSE_WHEEL_DOWN)
		return false;
	move_by(l, list_wheel_delta(l, event));
	return true;
}

void
list_scroll_into_view(struct list *l)
{
	if (l->pager) {
		if (l->top > last_top(l))
			l->top = last_top(l);
		return;
	}
	if (l->cursor < l->top)
		l->top = l->cursor;
	if (l->height && l->cursor >= l->top + l->height)
		l->top = l->cursor - l->height + 1;
}

bool
list_row_at(const struct list *l, long shown, size_t *row)
{
	/* Under the last row on screen there are other things, not rows. */
	if (shown < 0 || (l->height && (size_t)shown >= l->height) ||
	    l->top + (size_t)shown >= l->count)
		return false;
	*row = l->top + (size_t)shown;
	return true;
}

bool
list_click(struct list *l, long shown)
{
	size_t row;

	if (!list_row_at(l, shown, &row))
		return false;
	if (row == l->cursor)
		return true;
	l->cursor = row;
	return false;
}
