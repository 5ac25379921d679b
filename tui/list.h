/*
 * list: how every list on the screen moves, so that the same keys do the
 * same thing in each (the library, the matrix, the search results, the
 * basket, the ministry picker, the reader's outline) and in the text that
 * scrolls without a cursor (the help, the reader).
 *
 * A struct list is a few numbers that a view keeps in its own state: no
 * memory is owned here.  The view sets count when it reads its rows and
 * height each time it draws, then calls list_scroll_into_view before it
 * draws the rows from top on; its handle passes every action to
 * list_move first and its mouse every event to list_wheel.  A row is
 * what the cursor selects, however many lines of the screen it takes: a
 * basket entry, a search hit, a line of the help.
 *
 * After list_move and list_wheel, cursor < count (0 when the list is
 * empty) and a pager's top leaves no blank rows under the last one;
 * after list_scroll_into_view, top <= cursor < top + height too.
 */
#ifndef NAAST_LIST_H
#define NAAST_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"
#include "view.h"

struct list {
	size_t cursor;		/* the selected row; unused by a pager */
	size_t top;		/* the first row on screen */
	size_t count;		/* rows in the list */
	size_t height;		/* rows on screen at the last draw; 0 before it */
	/* How the list moves: set once, when the view opens. */
	bool pager;		/* no cursor: the keys scroll the rows */
	size_t overlap;		/* rows of a page still on screen after PgDn or PgUp */
	size_t wheel;		/* rows a step of the mouse wheel moves; 0 is 1 */
};

/*
 * Down, up, page-down, page-up, first and last: moves the cursor (a
 * pager: the rows on screen) within the list and returns true.  Any
 * other action is not the list's: returns false and changes nothing.
 */
bool list_move(struct list *l, enum action action);

/* The wheel: moves as list_move does; false for any other event. */
bool list_wheel(struct list *l, enum mouse event);

/*
 * How many rows list_move would move for action (down is positive),
 * before the ends of the list stop it; 0 for an action it does not
 * handle.  For a view that holds only a window of its rows and reads
 * more as the cursor moves (the library).
 */
long list_delta(const struct list *l, enum action action);
/* The same for a mouse event: 0 but for the wheel. */
long list_wheel_delta(const struct list *l, enum mouse event);

/*
 * Scrolls as little as it takes for the cursor to be on screen (a pager:
 * for no blank rows under the last one).
 */
void list_scroll_into_view(struct list *l);

/*
 * The row drawn at place shown on the screen (0: the top one) in *row;
 * false when no row is there, below the last row on screen too.
 */
bool list_row_at(const struct list *l, long shown, size_t *row);

/*
 * A click on the row at place shown: the cursor goes there.  True when
 * it was there already: a second click, which opens the row.
 */
bool list_click(struct list *l, long shown);

#endif
