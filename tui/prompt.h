/*
 * prompt: one line of text being typed (a search, a file name, a note),
 * edited with Left, Right, Home (C-a), End (C-e), Backspace and Delete.
 * Views own a struct prompt, pass it the keys they get before the key
 * map (view_ops.input) and draw it; Up, Down and Tab are left to them.
 */
#ifndef NAAST_PROMPT_H
#define NAAST_PROMPT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#define PROMPT_MAX 512

struct prompt {
	char text[PROMPT_MAX];	/* UTF-8 */
	size_t cursor;		/* byte in text, at a character boundary */
};

enum prompt_result {
	PROMPT_EDITED,		/* the key edited the line or moved the cursor */
	PROMPT_ENTER,
	PROMPT_CANCEL,		/* Esc */
	PROMPT_OTHER,		/* not an editing key: the view's to handle */
};

/* Replaces the text; the cursor goes to its end. */
void prompt_set(struct prompt *p, const char *text);
enum prompt_result prompt_key(struct prompt *p, int key);
/*
 * Draws the text at (y, x) in width columns with attr and the cursor mark
 * after it, scrolled sideways so that the cursor shows.
 */
void prompt_draw(const struct prompt *p, int y, int x, int width, attr_t attr);

#endif
