/*
 * view_basket: the passages the user put in the basket, in order, each
 * with where it comes from, its first lines and its note.  K and J move a
 * passage, d takes it out, n writes its note, Enter opens it where it
 * stands, e exports the basket and y copies it (the app's keys).  The
 * basket lives in the database, so all of it is still there next time.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "export.h"
#include "i18n.h"
#include "list.h"
#include "model.h"
#include "prompt.h"
#include "store.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

#define TEXT_LINES 2
#define ROWS_PER_ENTRY (1 + TEXT_LINES + 1 + 1)	/* place, text, note, gap */

struct basket {
	struct export_item *items;	/* with their notes, list.count of them */
	struct list list;		/* a row is an entry */
	unsigned version;		/* of the app's basket when read */
	bool editing;			/* the note of sel is being typed */
	struct prompt note;
};

static void
load(struct view *v)
{
	struct basket *b = v->data;
	struct error err = { "" };
	enum status status;

	export_items_free(b->items, b->list.count);
	b->items = NULL;
	b->list.count = 0;
	status = store_export_selection(app_store(v->app), &b->items, &b->list.count, &err);
	if (status != STATUS_OK && status != STATUS_NOT_FOUND)
		app_message(v->app, "%s", err.msg);
	if (b->list.cursor >= b->list.count)
		b->list.cursor = b->list.count ? b->list.count - 1 : 0;
	b->version = app_basket_version(v->app);
}

static bool
basket_open(struct view *v, const void *arg)
{
	(void)arg;
	v->data = xcalloc(1, sizeof(struct basket));
	load(v);
	return true;
}

static void
basket_close(struct view *v)
{
	struct basket *b = v->data;

	export_items_free(b->items, b->list.count);
	free(b);
}

/* "set 1 · vraag 8 · AZ · antwoord", "letter 004_….txt · alinea 2". */
static void
place(const struct export_item *it, char *buf, size_t size)
{
	size_t used = 0;

	if (it->set > 0)
		used += (size_t)snprintf(buf, size, "set %lld · ", it->set);
	else
		used += (size_t)snprintf(buf, size, "%s %s · ", _(model_kind_name(it->kind)),
		    model_origin_name(it->origin));
	if (it->vraag > 0 && used < size)
		used += (size_t)snprintf(buf + used, size - used, "vraag %d · ", it->vraag);
	if (it->ministry[0] && used < size)
		used += (size_t)snprintf(buf + used, size - used, "%s · ", it->ministry);
	if (it->role == ROLE_FOOTNOTE && it->marker && used < size && it->paragraph > 0)
		snprintf(buf + used, size - used, _("footnote %s of paragraph %d"), it->marker,
		    it->paragraph);
	else if (it->role == ROLE_FOOTNOTE && it->marker && used < size)
		snprintf(buf + used, size - used, _("footnote %s of the %s"), it->marker,
		    _(model_role_name(it->note_of)));
	else if (it->paragraph > 0 && used < size)
		snprintf(buf + used, size - used, _("paragraph %d"), it->paragraph);
	else if (used < size)
		snprintf(buf + used, size - used, "%s", _(model_role_name(it->role)));
}

static void
basket_draw(struct view *v, int rows, int cols)
{
	struct basket *b = v->data;
	char title[160];

	if (b->version != app_basket_version(v->app))
		load(v);
	b->list.height = rows - 3 >= ROWS_PER_ENTRY ? (size_t)((rows - 3) / ROWS_PER_ENTRY) : 1;
	snprintf(title, sizeof(title), P_(" Basket · %zu passage", " Basket · %zu passages",
	    b->list.count), b->list.count);
	draw_text(stdscr, 0, 0, title, cols, draw_attr(UI_TITLE), DRAW_PAD);
	draw_hline(stdscr, 1, 0, cols, draw_attr(UI_BORDER));
	if (b->list.count == 0) {
		struct wrapped w = { 0 };

		draw_wrap(&w, _("The basket is empty. Space puts the passage under the cursor in it, "
		    "in the compare view, the reader and the search results; a puts a whole answer "
		    "in it. It is kept in the database until you take passages out."), cols - 4);
		for (size_t i = 0; i < w.n && (int)i + 3 < rows; i++)
			draw_text(stdscr, 3 + (int)i, 2, w.lines[i], cols - 4, draw_attr(UI_DIM), 0);
		draw_wrap_free(&w);
		return;
	}
	list_scroll_into_view(&b->list);
	for (size_t k = b->list.top; k < b->list.top + b->list.height && k < b->list.count; k++) {
		const struct export_item *it = &b->items[k];
		int y = 2 + (int)(k - b->list.top) * ROWS_PER_ENTRY;
		bool sel = k == b->list.cursor;
		struct wrapped w = { 0 };
		char head[512], number[24];

		snprintf(number, sizeof(number), "%zu.", k + 1);
		place(it, head, sizeof(head));
		draw_text(stdscr, y, 0, " ", cols, sel ? draw_attr(UI_CURSOR) : draw_attr(UI_NORMAL),
		    DRAW_PAD);
		draw_text(stdscr, y, 1, number, 5, sel ? draw_attr(UI_CURSOR) : draw_attr(UI_HEADING), 0);
		draw_text(stdscr, y, 6, head, cols - 7,
		    sel ? draw_attr(UI_CURSOR) : draw_attr(UI_HEADING), DRAW_CUT);
		draw_wrap(&w, it->text ? it->text : "", cols - 10);
		for (size_t l = 0; l < w.n && l < TEXT_LINES; l++) {
			int at = draw_text(stdscr, y + 1 + (int)l, 6, w.lines[l], cols - 8,
			    draw_attr(UI_NORMAL), 0);

			if (l + 1 == TEXT_LINES && w.n > TEXT_LINES)
				draw_text(stdscr, y + 1 + (int)l, 6 + at, " …", 2, draw_attr(UI_DIM), 0);
		}
		draw_wrap_free(&w);
		if (sel && b->editing) {
			/* TRANSLATORS: at most 6 columns. */
			draw_text(stdscr, y + 1 + TEXT_LINES, 6, _("Note:"), 6, draw_attr(UI_HEADING), 0);
			prompt_draw(&b->note, y + 1 + TEXT_LINES, 12, cols - 14, draw_attr(UI_INPUT));
		} else if (it->note) {
			char *note = xasprintf(_("Note: %s"), it->note);

			draw_text(stdscr, y + 1 + TEXT_LINES, 6, note, cols - 8, draw_attr(UI_DIM), DRAW_CUT);
			free(note);
		}
	}
}

/* Moves the selected passage delta places; the cursor goes with it. */
static void
move_passage(struct view *v, int delta)
{
	struct basket *b = v->data;
	struct error err = { "" };
	long long passage;

	if (b->list.count < 2)
		return;
	passage = b->items[b->list.cursor].passage;
	if (store_select_move(app_store(v->app), passage, delta, &err) != STATUS_OK) {
		app_message(v->app, "%s", err.msg);
		return;
	}
	app_basket_changed(v->app);
	load(v);
	for (size_t i = 0; i < b->list.count; i++)
		if (b->items[i].passage == passage)
			b->list.cursor = i;
}

static void
basket_handle(struct view *v, enum action action)
{
	struct basket *b = v->data;
	const struct export_item *it = b->list.count ? &b->items[b->list.cursor] : NULL;

	if (list_move(&b->list, action))
		return;
	switch (action) {
	case ACTION_MOVE_UP:
		move_passage(v, -1);
		break;
	case ACTION_MOVE_DOWN:
		move_passage(v, 1);
		break;
	case ACTION_REMOVE:
		if (it) {
			long long passage = it->passage;

			app_toggle_basket(v->app, &passage, 1);
			load(v);
		}
		break;
	case ACTION_NOTE:
		if (it) {
			b->editing = true;
			prompt_start(&b->note, PROMPT_NOTE, it->note);
			app_message(v->app, _("Type the note; Enter keeps it, Esc leaves it as it was"));
		}
		break;
	case ACTION_OPEN:
		if (it)
			app_open_passage(v->app, it->set, it->vraag, it->ministry, it->doc, it->passage);
		break;
	default:
		break;
	}
}

/* Typing a note: every key goes to it until Enter or Esc. */
static bool
basket_input(struct view *v, int key)
{
	struct basket *b = v->data;
	struct error err = { "" };

	if (!b->editing)
		return false;
	switch (prompt_key(&b->note, key)) {
	case PROMPT_ENTER:
		b->editing = false;
		prompt_remember(&b->note);
		if (store_select_note(app_store(v->app), b->items[b->list.cursor].passage, b->note.text,
		    &err) != STATUS_OK) {
			app_message(v->app, "%s", err.msg);
			break;
		}
		app_basket_changed(v->app);
		load(v);
		app_message(v->app, "%s", b->note.text[0] ?
		    _("Note kept: exports print it after the citation") : _("Note removed"));
		break;
	case PROMPT_CANCEL:
		b->editing = false;
		break;
	default:
		break;
	}
	return true;
}

static void
basket_mouse(struct view *v, enum mouse event, int y, int x)
{
	struct basket *b = v->data;

	(void)x;
	/* The note being typed belongs to the passage under the cursor: it stays. */
	if (b->editing)
		return;
	if (!list_wheel(&b->list, event) && y >= 2 &&
	    list_click(&b->list, (y - 2) / ROWS_PER_ENTRY))
		basket_handle(v, ACTION_OPEN);
}

static bool
basket_typing(struct view *v)
{
	return ((struct basket *)v->data)->editing;
}

static void
basket_status(struct view *v, char *buf, size_t size)
{
	struct basket *b = v->data;

	if (b->list.count)
		snprintf(buf, size, _("Basket · %zu of %zu"), b->list.cursor + 1, b->list.count);
	else
		snprintf(buf, size, "%s", _("Basket · empty"));

}

static long long
basket_passage(struct view *v)
{
	struct basket *b = v->data;

	return b->list.count ? b->items[b->list.cursor].passage : 0;
}

static void
basket_reload(struct view *v)
{
	load(v);
}

static const struct view_hint basket_hints[] = {
	{ ACTION_OPEN, N_("open") },
	{ ACTION_MOVE_UP, N_("up") },
	{ ACTION_MOVE_DOWN, N_("down") },
	{ ACTION_REMOVE, N_("remove") },
	{ ACTION_NOTE, N_("note") },
	{ ACTION_EXPORT, N_("export") },
	{ ACTION_COPY, N_("copy") },
	{ ACTION_NONE, NULL },
};

const struct view_ops view_basket_ops = {
	.name = "basket",
	.scope = SCOPE_BASKET,
	.min_cols = 40,
	.min_rows = 8,
	.open = basket_open,
	.draw = basket_draw,
	.handle = basket_handle,
	.input = basket_input,
	.mouse = basket_mouse,
	.status = basket_status,
	.typing_now = basket_typing,
	.hints = basket_hints,
	.reload = basket_reload,
	.passage = basket_passage,
	.close = basket_close,
};
