/*
 * view_help: the keys of the view it was opened from, made from the key
 * tables themselves (keymap.h): every action bound there, with its keys
 * and its help text.  There is no other list of keys to keep up to date.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "view.h"
#include "xalloc.h"

/* Where a key's help text starts, and where wrapped lines go on. */
#define TEXT_COLUMN 19

struct help {
	enum scope scope;
	struct wrapped lines;
	enum ui *looks;
	struct list list;	/* a pager over the lines */
	int width;		/* the lines are wrapped to it */
	char *key_file;
};

/*
 * Adds text, wrapped to the width; the lines after the first start at
 * column indent, under the text of the first.
 */
static void
add_indented(struct help *h, const char *text, enum ui look, int indent)
{
	struct wrapped w = { 0 };
	size_t before = h->lines.n;

	if (h->width - indent < 20)
		indent = 0;
	draw_wrap(&w, text, h->width);
	if (w.n > 1 && indent > 0) {
		/* Wrap again: the first line at full width, the rest indented. */
		size_t first = strlen(w.lines[0]);
		struct wrapped rest = { 0 };
		const char *tail = text + first;

		while (*tail == ' ')
			tail++;
		draw_wrap_line(&h->lines, w.lines[0]);
		draw_wrap(&rest, tail, h->width - indent);
		for (size_t i = 0; i < rest.n; i++) {
			char *line = xasprintf("%*s%s", indent, "", rest.lines[i]);

			draw_wrap_line(&h->lines, line);
			free(line);
		}
		draw_wrap_free(&rest);
	} else {
		for (size_t i = 0; i < w.n; i++)
			draw_wrap_line(&h->lines, w.lines[i]);
		if (w.n == 0)
			draw_wrap_line(&h->lines, "");
	}
	draw_wrap_free(&w);
	h->looks = xrealloc(h->looks, h->lines.n * sizeof(*h->looks));
	for (size_t i = before; i < h->lines.n; i++)
		h->looks[i] = look;
}

static void
add(struct help *h, const char *text, enum ui look)
{
	add_indented(h, text, look, 4);
}

/* What the signs a view draws mean, for its help. */
static const struct {
	enum scope scope;
	const char *sign;
	const char *meaning;
} signs[] = {
	{ SCOPE_LIBRARY, "!", N_("naast could not fully read a document of this "
	  "row: the reader's first section and 'naast show' say what") },
	{ SCOPE_LIBRARY, "2/12 beantwoord", N_("of the 12 ministries the set was "
	  "sent to, 2 have answered (a successor counts for its predecessor)") },
	{ SCOPE_READER, N_("Not fully read"), N_("the first section: what naast "
	  "could not read of the document; check those parts in the original") },
};

static void
build(struct help *h)
{
	char line[512], keys[128];

	draw_wrap_free(&h->lines);
	memset(&h->lines, 0, sizeof(h->lines));

	snprintf(line, sizeof(line), _("Keys in the %s view"), keymap_scope_name(h->scope));
	add(h, line, UI_HEADING);
	add(h, "", UI_NORMAL);
	for (int a = ACTION_NONE + 1; a < N_ACTIONS; a++) {
		if (!keymap_keys_for(h->scope, (enum action)a, keys, sizeof(keys)))
			continue;
		snprintf(line, sizeof(line), "  %-16s %s", keys, keymap_action_help((enum action)a));
		add_indented(h, line, UI_NORMAL, TEXT_COLUMN);
	}
	for (size_t i = 0, n = 0; i < COUNT(signs); i++) {
		if (signs[i].scope != h->scope)
			continue;
		if (n++ == 0) {
			add(h, "", UI_NORMAL);
			add(h, _("Signs"), UI_HEADING);
		}
		snprintf(line, sizeof(line), "  %-16s %s", _(signs[i].sign),
		    _(signs[i].meaning));
		add_indented(h, line, UI_NORMAL, TEXT_COLUMN);
	}
	add(h, "", UI_NORMAL);
	add(h, _("Change keys in your key file, one line each:"), UI_HEADING);
	add(h, _("  bind SCOPE KEY ACTION      e.g.  bind compare J next-vraag"), UI_NORMAL);
	snprintf(line, sizeof(line), _("  Key file: %s"), h->key_file ? h->key_file : _("(none: set HOME)"));
	add(h, line, UI_DIM);
	line[0] = '\0';
	for (int s = 0; s < N_SCOPES; s++) {
		size_t used = strlen(line);

		snprintf(line + used, sizeof(line) - used, "%s%s", s ? ", " : _("  Scopes: "),
		    keymap_scope_name((enum scope)s));
	}
	add(h, line, UI_DIM);
	line[0] = '\0';
	for (int a = ACTION_NONE; a < N_ACTIONS; a++) {
		size_t used = strlen(line);

		if (used > 400)
			break;
		snprintf(line + used, sizeof(line) - used, "%s%s", a ? ", " : _("  Actions: "),
		    keymap_action_name((enum action)a));
	}
	add(h, line, UI_DIM);
}

static bool
help_open(struct view *v, const void *arg)
{
	struct help *h = xcalloc(1, sizeof(*h));

	h->scope = *(const enum scope *)arg;
	h->key_file = keymap_default_path();
	h->list.pager = true;
	h->list.overlap = 1;
	v->data = h;
	return true;
}

static void
help_close(struct view *v)
{
	struct help *h = v->data;

	draw_wrap_free(&h->lines);
	free(h->looks);
	free(h->key_file);
	free(h);
}

static void
help_draw(struct view *v, int rows, int cols)
{
	struct help *h = v->data;
	struct list *l = &h->list;

	l->height = rows > 2 ? (size_t)(rows - 2) : 0;
	if (cols - 2 != h->width) {
		h->width = cols - 2;
		build(h);
		l->count = h->lines.n;
	}
	list_scroll_into_view(l);
	draw_text(stdscr, 0, 0, _(" naast · help"), cols, draw_attr(UI_TITLE), DRAW_PAD);
	draw_hline(stdscr, 1, 0, cols, draw_attr(UI_BORDER));
	for (size_t i = l->top; i < l->top + l->height && i < l->count; i++)
		draw_text(stdscr, 2 + (int)(i - l->top), 1, h->lines.lines[i], cols - 2,
		    draw_attr(h->looks[i]), 0);
}

static void
help_handle(struct view *v, enum action action)
{
	struct help *h = v->data;

	list_move(&h->list, action);
}

static void
help_mouse(struct view *v, enum mouse event, int y, int x)
{
	struct help *h = v->data;

	(void)y;
	(void)x;
	list_wheel(&h->list, event);
}

static void
help_status(struct view *v, char *buf, size_t size)
{
	struct help *h = v->data;

	snprintf(buf, size, _("Help · %s"), keymap_scope_name(h->scope));

}

static const struct view_hint help_hints[] = {
	{ ACTION_NONE, NULL },
};

const struct view_ops view_help_ops = {
	.name = "help",
	.scope = SCOPE_HELP,
	.min_cols = 40,
	.min_rows = 8,
	.open = help_open,
	.draw = help_draw,
	.handle = help_handle,
	.mouse = help_mouse,
	.status = help_status,
	.hints = help_hints,
	.close = help_close,
};
