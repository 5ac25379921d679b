/*
 * draw: putting text on the screen, safely and measured.
 *
 * Every string drawn goes through text_sanitize here, so no control
 * character or escape sequence from a document reaches the terminal, and
 * is measured in columns with libunistring, so wide characters, combining
 * marks and ’ quotes never break the layout.  Colours follow the terminal;
 * with NO_COLOR or without colours, each part of the screen gets bold,
 * underline or reverse instead.
 */
#ifndef NAAST_DRAW_H
#define NAAST_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* The parts of the screen that look different. */
enum ui {
	UI_NORMAL,
	UI_TITLE,	/* the top line of a view */
	UI_HEADING,	/* "Vraag 8 van 9", pane titles, section headings */
	UI_BORDER,	/* pane borders */
	UI_FOCUS,	/* the border and title of the focused pane */
	UI_CURSOR,	/* the selected row, the passage under the cursor */
	UI_MARK,	/* the cursor's mark in the margin */
	UI_DIM,		/* "no answer imported", hints */
	UI_STATUS,	/* the status line */
	UI_MESSAGE,	/* a message on the status line */
	UI_INPUT,	/* text being typed (the filter) */
	UI_DIFF_SOME,	/* words that only some of the other panes share */
	UI_DIFF_UNIQUE,	/* words that no other pane has */
	UI_REF,		/* an answer shown inline where a reference points to it */
	UI_MATCH,	/* the words a search found */
	UI_CHOSEN,	/* the margin of a passage in the basket */
	N_UI
};

/* Sets up colours (or their monochrome stand-ins); after initscr/newterm. */
void draw_init(void);
attr_t draw_attr(enum ui part);

enum {
	DRAW_PAD = 1 << 0,	/* fill the rest of the width with spaces */
	DRAW_CUT = 1 << 1,	/* end a text that does not fit with "…" */
};

/*
 * Draws s at (y, x), at most width columns, with attr; clips at a
 * character boundary (a wide character that does not fit is left out).
 * flags: DRAW_PAD, DRAW_CUT.  Returns the columns drawn (padding
 * included).
 */
int draw_text(WINDOW *win, int y, int x, const char *s, int width, attr_t attr,
    unsigned flags);

/* Like draw_text, right-aligned in [x, x + width); cut with "…" when too long. */
int draw_text_right(WINDOW *win, int y, int x, const char *s, int width,
    attr_t attr);

/* Fills width columns at (y, x) with the line-drawing horizontal line. */
void draw_hline(WINDOW *win, int y, int x, int width, attr_t attr);

/* A box: corners and edges of a rectangle, in attr. */
void draw_box(WINDOW *win, int y, int x, int height, int width, attr_t attr);

/* Text wrapped to a width: owned lines, sanitised. */
struct wrapped {
	char **lines;
	size_t n;
};

/* Sanitises and wraps text to width columns, appending to w. */
void draw_wrap(struct wrapped *w, const char *text, int width);
/* Appends one line (sanitised, not wrapped; clipped when drawn). */
void draw_wrap_line(struct wrapped *w, const char *line);
void draw_wrap_free(struct wrapped *w);

/* A date as the screen shows it, "29-01-2024", and its NUL. */
#define DRAW_DATE_SIZE 11
/* "29-01-2024" for the ISO date "2024-01-29"; "" for anything else. */
void draw_date(const char *iso, char out[DRAW_DATE_SIZE]);

#endif
