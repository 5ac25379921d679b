/*
 * prompt: line editing and the histories of the prompts.  See prompt.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "keymap.h"
#include "prompt.h"
#include "text.h"
#include "xalloc.h"

#define HISTORY_MAX 50

/* Control keys as wget_wch gives them. */
#define CTRL(c)	((c) - 'a' + 1)

/* What was typed at each kind of prompt this session, oldest first. */
struct history {
	char *line[HISTORY_MAX];
	size_t n;
};

static struct history history[N_PROMPT_KINDS];

/* The byte where the character before (or after) byte i of s starts. */
static size_t
char_step(const char *s, size_t i, bool back)
{
	size_t n = strlen(s);

	if (back) {
		if (i == 0)
			return 0;
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		return i;
	}
	if (i >= n)
		return n;
	i++;
	while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/*
 * A byte of a word, for M-b and M-f: as readline, letters and digits;
 * every byte of a character past ASCII counts as a letter ("één").
 */
static bool
word_byte(char c)
{
	unsigned char u = (unsigned char)c;

	return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') ||
	    (u >= 'A' && u <= 'Z');
}

static bool
space_byte(char c)
{
	return c == ' ' || c == '\t';
}

/* The start of the word before byte i (M-b). */
static size_t
word_back(const char *s, size_t i)
{
	while (i > 0 && !word_byte(s[i - 1]))
		i--;
	while (i > 0 && word_byte(s[i - 1]))
		i--;
	return i;
}

/* The end of the word after byte i (M-f). */
static size_t
word_forward(const char *s, size_t i)
{
	while (s[i] && !word_byte(s[i]))
		i++;
	while (s[i] && word_byte(s[i]))
		i++;
	return i;
}

/* Deletes bytes from..to of the text; the cursor goes to from. */
static void
cut(struct prompt *p, size_t from, size_t to)
{
	size_t len = strlen(p->text);

	memmove(p->text + from, p->text + to, len - to + 1);
	p->cursor = from;
}

void
prompt_set(struct prompt *p, const char *text)
{
	size_t n = text ? strlen(text) : 0;

	/* Too long: cut before the character that does not fit whole. */
	if (n >= sizeof(p->text)) {
		n = sizeof(p->text) - 1;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(p->text, text ? text : "", n);
	p->text[n] = '\0';
	p->cursor = n;
	p->selected = false;
}

const char *
prompt_last(enum prompt_kind kind)
{
	return history[kind].n ? history[kind].line[history[kind].n - 1] : NULL;
}

void
prompt_start(struct prompt *p, enum prompt_kind kind, const char *text)
{
	const char *last = prompt_last(kind);

	p->kind = kind;
	p->draft[0] = '\0';
	prompt_set(p, text);
	/* Opened on the last entry, Up goes to the one before it. */
	p->history_at = history[kind].n;
	if (last && strcmp(last, p->text) == 0)
		p->history_at--;
}

void
prompt_select_all(struct prompt *p)
{
	p->selected = p->text[0] != '\0';
	p->cursor = strlen(p->text);
}

void
prompt_remember(struct prompt *p)
{
	struct history *h = &history[p->kind];

	if (p->text[0] && !(h->n && strcmp(h->line[h->n - 1], p->text) == 0)) {
		if (h->n == HISTORY_MAX) {
			free(h->line[0]);
			memmove(h->line, h->line + 1, (HISTORY_MAX - 1) * sizeof(*h->line));
			h->n--;
		}
		h->line[h->n++] = xstrdup(p->text);
	}
	p->history_at = h->n;
}


void
prompt_history_free(void)
{
	for (size_t k = 0; k < N_PROMPT_KINDS; k++) {
		for (size_t i = 0; i < history[k].n; i++)
			free(history[k].line[i]);
		history[k].n = 0;
	}
}

/* Up (back true) or Down through the history; false at its ends. */
static bool
walk_history(struct prompt *p, bool back)
{
	struct history *h = &history[p->kind];
	char draft[PROMPT_MAX];

	if (p->history_at > h->n)
		p->history_at = h->n;
	if (back ? p->history_at == 0 : p->history_at >= h->n)
		return false;
	if (p->history_at == h->n)
		snprintf(p->draft, sizeof(p->draft), "%s", p->text);
	p->history_at += back ? -1 : 1;
	snprintf(draft, sizeof(draft), "%s", p->draft);
	prompt_set(p, p->history_at < h->n ? h->line[p->history_at] : draft);
	return true;
}

/* A selected text meets a key: typing and deleting replace it, the rest keep it. */
static void
unselect(struct prompt *p, int key)
{
	if (!p->selected)
		return;
	p->selected = false;
	if (keymap_is_text(key) || key == KEYMAP_BACKSPACE || key == KEYMAP_FKEY(KEY_DC))
		prompt_set(p, "");
}

enum prompt_result
prompt_key(struct prompt *p, int key)
{
	size_t len, to;
	char utf8[8];

	if (key == KEYMAP_ENTER)
		return PROMPT_ENTER;
	if (key == KEYMAP_ESC)
		return PROMPT_CANCEL;
	if (key == KEYMAP_FKEY(KEY_UP) || key == KEYMAP_FKEY(KEY_DOWN)) {
		p->selected = false;
		return walk_history(p, key == KEYMAP_FKEY(KEY_UP)) ? PROMPT_EDITED : PROMPT_OTHER;
	}
	/* Deleting a selection is all that Backspace and Delete do to it. */
	if (p->selected && (key == KEYMAP_BACKSPACE || key == KEYMAP_FKEY(KEY_DC))) {
		unselect(p, key);
		return PROMPT_EDITED;
	}
	unselect(p, key);
	len = strlen(p->text);
	if (key == KEYMAP_BACKSPACE) {
		to = p->cursor;
		cut(p, char_step(p->text, p->cursor, true), to);
	} else if (key == KEYMAP_FKEY(KEY_DC)) {
		cut(p, p->cursor, char_step(p->text, p->cursor, false));
	} else if (key == KEYMAP_FKEY(KEY_LEFT)) {
		p->cursor = char_step(p->text, p->cursor, true);
	} else if (key == KEYMAP_FKEY(KEY_RIGHT)) {
		p->cursor = char_step(p->text, p->cursor, false);
	} else if (key == KEYMAP_FKEY(KEY_HOME) || key == CTRL('a')) {
		p->cursor = 0;
	} else if (key == KEYMAP_FKEY(KEY_END) || key == CTRL('e')) {
		p->cursor = len;
	} else if (key == CTRL('u')) {
		cut(p, 0, p->cursor);
	} else if (key == CTRL('k')) {
		p->text[p->cursor] = '\0';
	} else if (key == CTRL('w')) {
		/* As readline's unix-word-rubout: back to a space. */
		to = p->cursor;
		while (p->cursor > 0 && space_byte(p->text[p->cursor - 1]))
			p->cursor--;
		while (p->cursor > 0 && !space_byte(p->text[p->cursor - 1]))
			p->cursor--;
		cut(p, p->cursor, to);
	} else if (key == KEYMAP_ALT('b')) {
		p->cursor = word_back(p->text, p->cursor);
	} else if (key == KEYMAP_ALT('f')) {
		p->cursor = word_forward(p->text, p->cursor);
	} else if (keymap_is_text(key)) {
		size_t n = keymap_text_utf8(key, utf8);

		if (len + n < sizeof(p->text)) {
			memmove(p->text + p->cursor + n, p->text + p->cursor, len - p->cursor + 1);
			memcpy(p->text + p->cursor, utf8, n);
			p->cursor += n;
		}
	} else {
		return PROMPT_OTHER;
	}
	return PROMPT_EDITED;
}

void
prompt_draw(const struct prompt *p, int y, int x, int width, attr_t attr)
{
	char *before = xstrndup(p->text, p->cursor);
	size_t from = 0;

	if (width < 2) {
		free(before);
		return;
	}
	/* Scroll: drop characters from the left until the cursor fits. */
	while (text_width(before + from) > width - 1)
		from = char_step(before, from, false);
	draw_text(stdscr, y, x, p->text + from, width - 1,
	    p->selected ? attr | A_REVERSE : attr, 0);
	draw_text(stdscr, y, x + text_width(before + from), "▏", 1, draw_attr(UI_MARK), 0);
	free(before);
}
