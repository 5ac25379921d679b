/*
 * prompt: line editing.  See prompt.h.
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
}

enum prompt_result
prompt_key(struct prompt *p, int key)
{
	size_t len = strlen(p->text), to;
	char utf8[8];

	if (key == KEYMAP_ENTER)
		return PROMPT_ENTER;
	if (key == KEYMAP_ESC)
		return PROMPT_CANCEL;
	if (key == KEYMAP_BACKSPACE) {
		to = p->cursor;
		p->cursor = char_step(p->text, p->cursor, true);
		memmove(p->text + p->cursor, p->text + to, len - to + 1);
	} else if (key == KEYMAP_FKEY(KEY_DC)) {
		to = char_step(p->text, p->cursor, false);
		memmove(p->text + p->cursor, p->text + to, len - to + 1);
	} else if (key == KEYMAP_FKEY(KEY_LEFT)) {
		p->cursor = char_step(p->text, p->cursor, true);
	} else if (key == KEYMAP_FKEY(KEY_RIGHT)) {
		p->cursor = char_step(p->text, p->cursor, false);
	} else if (key == KEYMAP_FKEY(KEY_HOME) || key == 1) {
		p->cursor = 0;
	} else if (key == KEYMAP_FKEY(KEY_END) || key == 5) {
		p->cursor = len;
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
	draw_text(stdscr, y, x, p->text + from, width - 1, attr, 0);
	draw_text(stdscr, y, x + text_width(before + from), "▏", 1, draw_attr(UI_MARK), 0);
	free(before);
}
