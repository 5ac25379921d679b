/*
 * prompt: one line of text being typed (a search, a file name, a note, a
 * Zaak), edited with the keys readline taught people: Left, Right, Home
 * and C-a, End and C-e, Backspace, Delete, C-u (to the start), C-k (to
 * the end), C-w (the word before), M-b and M-f (a word back, forward).
 * Up and Down go through what was typed before at a prompt of the same
 * kind, this session.  A prompt can open with its text selected: a text
 * key then replaces it, Backspace and Delete clear it, Right, End and
 * C-e keep it (at its end), and any other key keeps it too.
 *
 * Views own a struct prompt, pass it the keys they get before the key
 * map (view_ops.input) and draw it; Tab and the keys the prompt does not
 * edit with are left to them (PROMPT_OTHER).  The histories belong to
 * this module: prompt_history_free empties them.
 */
#ifndef NAAST_PROMPT_H
#define NAAST_PROMPT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "search.h"

/* A prompt holds the longest search naast makes, and its NUL. */
#define PROMPT_MAX (SEARCH_MAX_BYTES + 1)

/* Each kind of prompt has a history of its own. */
enum prompt_kind {
	PROMPT_SEARCH,
	PROMPT_FILE,
	PROMPT_NOTE,
	PROMPT_ZAAK,
	N_PROMPT_KINDS
};

struct prompt {
	char text[PROMPT_MAX];	/* UTF-8 */
	size_t cursor;		/* byte in text, at a character boundary */
	bool selected;		/* the whole text is selected */
	enum prompt_kind kind;
	size_t history_at;	/* the entry shown; the history's length: the line typed */
	char draft[PROMPT_MAX];	/* the line typed, kept while Up shows older ones */
};

enum prompt_result {
	PROMPT_EDITED,		/* the key edited the line or moved the cursor */
	PROMPT_ENTER,
	PROMPT_CANCEL,		/* Esc */
	PROMPT_OTHER,		/* not an editing key: the view's to handle */
};

/*
 * Starts a prompt of kind with text (NULL: empty), the cursor at its end,
 * Up going to the last entry of its history.
 */
void prompt_start(struct prompt *p, enum prompt_kind kind, const char *text);
/* Replaces the text; the cursor goes to its end, nothing is selected. */
void prompt_set(struct prompt *p, const char *text);
/* Selects the whole text (see above), when there is one. */
void prompt_select_all(struct prompt *p);
/*
 * Keeps the text in the history of the prompt's kind (not an empty one,
 * nor the same as the last), and starts the history walk again.
 */
void prompt_remember(struct prompt *p);
/* The last entry of kind's history; NULL when it has none. */
const char *prompt_last(enum prompt_kind kind);
void prompt_history_free(void);

enum prompt_result prompt_key(struct prompt *p, int key);
/*
 * Draws the text at (y, x) in width columns with attr and the cursor mark
 * after it, scrolled sideways so that the cursor shows; a selected text
 * in reverse.
 */
void prompt_draw(const struct prompt *p, int y, int x, int width, attr_t attr);

#endif
