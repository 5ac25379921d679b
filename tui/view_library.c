/*
 * view_library: the question sets and documents, newest first, read page
 * by page from the store as the selection moves: a window of rows around
 * the selection is all that is in memory, whatever the size of the
 * archive.  f narrows the list as you type, S changes the order.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "store.h"
#include "view.h"
#include "view_compare.h"
#include "view_reader.h"
#include "xalloc.h"

/* Rows fetched at a time, and the most kept around the selection. */
#define PAGE 64
#define MAX_ROWS (4 * PAGE)

struct library {
	char filter[256];
	bool typing;		/* f was pressed: keys go to the filter */
	enum library_sort sort;
	size_t count;		/* rows that match the filter */
	struct library_row *rows;	/* a window of rows, in display order */
	struct list list;	/* over the window: list.count rows, the cursor an index into rows */
	bool at_start, at_end;	/* rows[0] is the very first row; the last of rows the last */
	/* What the lines under the list say of the selected row, read once per row. */
	enum library_kind detail_kind;
	long long detail_id;	/* 0: not read yet */
	char *detail;
	size_t n_new;		/* answers from the open data not looked at (view_new) */
};

/* Lines under the list that tell more of the selected row. */
#define DETAIL_LINES 2

static const char *const sort_names[] = {
	[LIBRARY_BY_SUBMITTED] = N_("by submitted date"),
	[LIBRARY_BY_RECEIVED] = N_("by received date"),
	[LIBRARY_BY_SUBJECT] = N_("by subject"),
};

/* ------------------------------------------------------------------ rows */

static void
drop_rows(struct library *lib)
{
	store_library_free(lib->rows, lib->list.count);
	lib->rows = NULL;
	lib->list.count = lib->list.cursor = lib->list.top = 0;
}

static bool
fetch(struct view *v, const struct library_row *from, bool backward,
    struct library_row **rows, size_t *n)
{
	struct library *lib = v->data;
	struct error err = { "" };

	if (store_library_page(app_store(v->app), lib->filter, lib->sort, from,
	    backward, PAGE, rows, n, &err) != STATUS_OK) {
		app_message(v->app, _("Cannot read the library: %s"), err.msg);
		*rows = NULL;
		*n = 0;
		return false;
	}
	return true;
}

/* Reads the rows from the top (or, with at_end, the last page). */
static void
load(struct view *v, bool from_end)
{
	struct library *lib = v->data;
	struct error err = { "" };

	drop_rows(lib);
	if (store_library_count(app_store(v->app), lib->filter, &lib->count, &err) != STATUS_OK)
		app_message(v->app, _("Cannot count the library: %s"), err.msg);
	fetch(v, NULL, from_end, &lib->rows, &lib->list.count);
	lib->at_start = !from_end || lib->list.count < PAGE;
	lib->at_end = from_end || lib->list.count < PAGE;
	if (from_end && lib->list.count)
		lib->list.cursor = lib->list.count - 1;
}

/* Keeps at most MAX_ROWS, dropping from the side away from the selection. */
static void
trim(struct library *lib)
{
	struct list *l = &lib->list;
	size_t drop;

	if (l->count <= MAX_ROWS)
		return;
	drop = l->count - MAX_ROWS;
	if (l->cursor >= l->count / 2) {
		store_library_rows_clear(lib->rows, drop);
		memmove(lib->rows, lib->rows + drop, (l->count - drop) * sizeof(*lib->rows));
		l->cursor -= drop;
		l->top = l->top > drop ? l->top - drop : 0;
		lib->at_start = false;
	} else {
		store_library_rows_clear(lib->rows + l->count - drop, drop);
		lib->at_end = false;
	}
	l->count -= drop;
}

/* Makes sure rows exist around the cursor +- margin, reading pages. */
static void
ensure(struct view *v, size_t margin)
{
	struct library *lib = v->data;
	struct list *l = &lib->list;
	struct library_row *more;
	size_t n;

	if (l->count && l->cursor + margin >= l->count && !lib->at_end) {
		if (fetch(v, &lib->rows[l->count - 1], false, &more, &n)) {
			lib->rows = xrealloc(lib->rows, (l->count + n + 1) * sizeof(*lib->rows));
			memcpy(lib->rows + l->count, more, n * sizeof(*more));
			l->count += n;
			lib->at_end = n < PAGE;
			free(more);
			trim(lib);
		}
	}
	if (l->count && l->cursor < margin && !lib->at_start) {
		if (fetch(v, &lib->rows[0], true, &more, &n)) {
			lib->rows = xrealloc(lib->rows, (l->count + n + 1) * sizeof(*lib->rows));
			memmove(lib->rows + n, lib->rows, l->count * sizeof(*lib->rows));
			memcpy(lib->rows, more, n * sizeof(*more));
			l->count += n;
			l->cursor += n;
			l->top += n;
			lib->at_start = n < PAGE;
			free(more);
			trim(lib);
		}
	}
}

/*
 * Moves the cursor delta rows (list_delta), a row at a time, reading
 * the pages it comes to on the way.
 */
static void
move_sel(struct view *v, long delta)
{
	struct library *lib = v->data;
	struct list *l = &lib->list;
	size_t margin = (l->height ? l->height : 1) + 1;

	while (delta > 0) {
		ensure(v, margin);
		if (l->cursor + 1 >= l->count)
			break;
		l->cursor++;
		delta--;
	}
	while (delta < 0) {
		ensure(v, margin);
		if (l->cursor == 0)
			break;
		l->cursor--;
		delta++;
	}
}

/* ------------------------------------------------------------- the view */

/*
 * The answers from the open data not looked at yet (view_new), for the
 * status line: read when the data may have changed, not at every key of
 * a filter.
 */
static void
count_new(struct view *v)
{
	struct library *lib = v->data;
	struct error err = { "" };

	if (store_arrivals_count(app_store(v->app), &lib->n_new, &err) != STATUS_OK)
		lib->n_new = 0;
}

static bool
library_open(struct view *v, const void *arg)
{
	struct library *lib = xcalloc(1, sizeof(*lib));

	(void)arg;
	lib->sort = LIBRARY_BY_SUBMITTED;
	/* A page keeps a row of the one before; the wheel moves a few rows. */
	lib->list.overlap = 1;
	lib->list.wheel = 3;
	v->data = lib;
	load(v, false);
	count_new(v);
	return true;
}

static void
library_close(struct view *v)
{
	struct library *lib = v->data;

	drop_rows(lib);
	free(lib->detail);
	free(lib);
}

static void
library_reload(struct view *v)
{
	struct library *lib = v->data;
	long keep = (long)lib->list.cursor;

	/* The data may have changed under us: read again, keep the place. */
	lib->detail_id = 0;
	load(v, false);
	count_new(v);
	move_sel(v, keep);
}

/* ", " between codes: "BZ, DEF, EZK". */
static void
add_codes(struct xbuf *b, char *const *codes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			xbuf_add(b, ", ", 2);
		xbuf_puts(b, codes[i]);
	}
}

/* "FIN, BZ (BHO)": the ministries a set was sent to, with any portfolio. */
static void
add_addressed(struct xbuf *b, const struct set_info *set)
{
	for (size_t i = 0; i < set->n_coverage; i++) {
		xbuf_printf(b, "%s%s", i ? ", " : "", set->coverage[i].ministry);
		if (set->coverage[i].portfolio[0])
			xbuf_printf(b, " (%s)", set->coverage[i].portfolio);
	}
}

/* Whom code answered for by succession, "successor of EZK"; how many. */
static size_t
add_successor_of(struct xbuf *b, const struct set_info *set, const char *code)
{
	size_t n = 0;

	for (size_t i = 0; set && i < set->n_coverage; i++)
		if (set->coverage[i].succession &&
		    strcmp(set->coverage[i].answered_by, code) == 0)
			xbuf_printf(b, "%s%s", n++ ? ", " : _("successor of "),
			    set->coverage[i].ministry);
	return n;
}

/*
 * "AZ (15 februari 2024), BZK (16 februari 2024, nr. 1059)", "KGG
 * (successor of EZK; 12 augustus 2024)"; set, when not NULL, says who
 * answered by succession.
 */
static void
add_documents(struct xbuf *b, const struct set_answer *docs, size_t n,
    const struct set_info *set)
{
	for (size_t i = 0; i < n; i++) {
		char date[32] = "";
		size_t mark;

		date_format_text(docs[i].received, date, sizeof(date));
		xbuf_printf(b, "%s%s (", i ? ", " : "", docs[i].ministry);
		mark = b->n;
		if (add_successor_of(b, set, docs[i].ministry) && date[0])
			xbuf_puts(b, "; ");
		xbuf_puts(b, date);
		if (docs[i].aanhangsel)
			xbuf_printf(b, _("%snr. %d"), b->n > mark ? ", " : "",
			    docs[i].aanhangsel);
		if (b->n == mark) {
			b->n -= 2;	/* nothing to say in parentheses */
			b->s[b->n] = '\0';
		} else
			xbuf_puts(b, ")");
	}
}

/*
 * The selected set in full: its subject, to whom it was sent, who
 * answered and who has not, and any mededeling; a document: what it is.
 */
static char *
describe(struct view *v, const struct library_row *r)
{
	struct set_info set;
	struct error err = { "" };
	struct xbuf b = { NULL, 0, 0 };

	if (r->kind == LIBRARY_DOCUMENT)
		return xasprintf(r->doc_kind == DOC_LETTER ? _("Letter to %s%s") :
		    _("Document to %s%s"), r->title ? r->title : "", r->warnings ?
		    _(" · not fully read: its reader says what") : "");
	if (store_set_get(app_store(v->app), r->id, &set, &err) != STATUS_OK)
		return xstrdup(err.msg);
	/* First, so that the lines of the detail do not cut it off. */
	for (size_t i = 0; i < set.n_answers; i++)
		for (size_t k = 0; k < set.answers[i].n_warnings; k++) {
			char *say = model_warning_say(&set.answers[i].warnings[k]);

			xbuf_printf(&b, _("! %s not fully read: %s · "),
			    set.answers[i].ministry[0] ? set.answers[i].ministry :
			    _("An answer"), say);
			free(say);
		}
	xbuf_puts(&b, set.subject);
	xbuf_puts(&b, _(" · sent to "));
	add_addressed(&b, &set);
	if (set.n_answers) {
		xbuf_puts(&b, _(" · answered by "));
		add_documents(&b, set.answers, set.n_answers, &set);
	}
	if (set.n_notices) {
		xbuf_puts(&b, _(" · mededeling by "));
		add_documents(&b, set.notices, set.n_notices, NULL);
	}
	if (set.n_unanswered) {
		xbuf_puts(&b, _(" · not answered: "));
		add_codes(&b, set.unanswered, set.n_unanswered);
	}
	store_set_info_clear(&set);
	return xbuf_finish(&b);
}

/* Under the list: more of the selected row, wrapped into DETAIL_LINES. */
static void
draw_detail(struct view *v, int y, int cols)
{
	struct library *lib = v->data;
	const struct library_row *r = &lib->rows[lib->list.cursor];
	struct wrapped w = { 0 };

	if (!lib->detail || r->kind != lib->detail_kind || r->id != lib->detail_id) {
		free(lib->detail);
		lib->detail = describe(v, r);
		lib->detail_kind = r->kind;
		lib->detail_id = r->id;
	}
	draw_hline(stdscr, y, 0, cols, draw_attr(UI_BORDER));
	draw_wrap(&w, lib->detail, cols - 2);
	for (size_t i = 0; i < w.n && i < DETAIL_LINES; i++) {
		int at = draw_text(stdscr, y + 1 + (int)i, 1, w.lines[i], cols - 2,
		    draw_attr(UI_DIM), 0);

		if (i + 1 == DETAIL_LINES && w.n > DETAIL_LINES)
			draw_text(stdscr, y + 1 + (int)i, 1 + at, " …", 2, draw_attr(UI_DIM), 0);
	}
	draw_wrap_free(&w);
}

/* The date column shows the date the list is sorted by: received, else submitted. */
static void
draw_row(const struct library_row *r, enum library_sort sort, int y, int cols, bool selected)
{
	attr_t attr = selected ? draw_attr(UI_CURSOR) : draw_attr(UI_NORMAL);
	int who_w = cols >= 100 ? 26 : cols >= 70 ? 20 : 14;
	int right_w = 16, title_w;
	char date[DRAW_DATE_SIZE], right[32];
	const char *who = r->who;

	draw_date(sort == LIBRARY_BY_RECEIVED ? r->received : r->submitted, date);
	if (r->kind == LIBRARY_SET)
		snprintf(right, sizeof(right), "%d/%d beantwoord", r->answered, r->addressed);
	else
		snprintf(right, sizeof(right), "%s", r->doc_kind == DOC_LETTER ? _("letter") : _("document"));
	if (r->kind == LIBRARY_DOCUMENT)
		who = r->doc_kind == DOC_LETTER ? _("(letter to)") : _("(document)");
	title_w = cols - (15 + who_w) - 2 - right_w - 1;
	draw_text(stdscr, y, 0, " ", cols, attr, DRAW_PAD);
	/* Explained in the help: a document of the row was not fully read. */
	if (r->warnings > 0)
		draw_text(stdscr, y, 0, "!", 1,
		    selected ? attr : draw_attr(UI_MESSAGE), 0);
	draw_text(stdscr, y, 1, date, 10, attr, 0);
	draw_text(stdscr, y, 13, who, who_w, attr, DRAW_CUT);
	draw_text(stdscr, y, 15 + who_w, r->title, title_w, attr, DRAW_CUT);
	draw_text_right(stdscr, y, cols - right_w - 1, right, right_w, attr);
}

static void
library_draw(struct view *v, int rows, int cols)
{
	struct library *lib = v->data;
	struct list *l = &lib->list;
	int height = rows - 2 - (rows >= 12 ? DETAIL_LINES + 1 : 0);
	char title[128];

	/* The list, then a line and the detail of the selected row when there is room. */
	l->height = height > 0 ? (size_t)height : 0;
	snprintf(title, sizeof(title), P_(" naast · %zu set or document",
	    " naast · %zu sets and documents", lib->count), lib->count);
	draw_text(stdscr, 0, 0, title, cols, draw_attr(UI_TITLE), DRAW_PAD);
	if (lib->filter[0] || lib->typing) {
		char f[300];

		snprintf(f, sizeof(f), _("filter: %s%s"), lib->filter, lib->typing ? "_" : "");
		draw_text_right(stdscr, 0, cols / 2, f, cols / 2 - 1,
		    lib->typing ? draw_attr(UI_INPUT) : draw_attr(UI_TITLE));
	}
	draw_hline(stdscr, 1, 0, cols, draw_attr(UI_BORDER));
	if (l->count == 0) {
		draw_text(stdscr, 3, 2, lib->filter[0]
		    ? _("Nothing matches the filter. Esc clears it, Backspace shortens it.")
		    : _("The library is empty: import documents with 'naast import FILE...'."),
		    cols - 4, draw_attr(UI_DIM), 0);
		return;
	}
	list_scroll_into_view(l);
	/* At the end of the list, fill the screen rather than leave it blank. */
	if (lib->at_end && l->height > 0 && l->count >= l->height &&
	    l->top > l->count - l->height)
		l->top = l->count - l->height;
	for (size_t i = l->top; i < l->top + l->height && i < l->count; i++)
		draw_row(&lib->rows[i], lib->sort, 2 + (int)(i - l->top), cols, i == l->cursor);
	if (rows >= 12)
		draw_detail(v, 2 + height, cols);
}

/*
 * A set with no vragen yet (only a mededeling came in) opens in the
 * reader: its first mededeling, or else its first answer.
 */
static void
open_first_document(struct view *v, long long set_id)
{
	struct set_info set;
	struct error err = { "" };
	long long doc = 0;

	if (store_set_get(app_store(v->app), set_id, &set, &err) != STATUS_OK) {
		app_message(v->app, "%s", err.msg);
		return;
	}
	doc = set.n_notices ? set.notices[0].doc : set.n_answers ? set.answers[0].doc : 0;
	store_set_info_clear(&set);
	if (doc) {
		struct reader_request req = { doc, 0 };

		app_push(v->app, &view_reader_ops, &req);
	} else {
		app_message(v->app, _("Set %lld has no vragen and no documents to show"), set_id);
	}
}

/*
 * Asks whether to remove the row's documents: a document, or every
 * document of a set.
 */
static void
remove_row(struct view *v, const struct library_row *r)
{
	struct error err = { "" };
	long long *docs = NULL;
	size_t n = 0;
	char *what;

	if (r->kind == LIBRARY_DOCUMENT) {
		/* The row under the cursor says the rest; the question must fit. */
		what = xasprintf(r->doc_kind == DOC_LETTER ? _("letter %lld") :
		    _("document %lld"), r->id);
		app_remove_documents(v->app, &r->id, 1, what);
		free(what);
		return;
	}
	if (store_set_documents(app_store(v->app), r->id, &docs, &n, &err) != STATUS_OK) {
		app_message(v->app, "%s", err.msg);
		return;
	}
	what = xasprintf(P_("set %lld and its %zu document",
	    "set %lld and its %zu documents", n), r->id, n);
	app_remove_documents(v->app, docs, n, what);
	free(what);
	free(docs);
}

static void
library_handle(struct view *v, enum action action)
{
	struct library *lib = v->data;
	const struct library_row *r = lib->list.count ? &lib->rows[lib->list.cursor] : NULL;

	switch (action) {
	case ACTION_DOWN:
	case ACTION_UP:
	case ACTION_PAGE_UP:
		move_sel(v, list_delta(&lib->list, action));
		break;
	case ACTION_PAGE_DOWN:
		/* The row a page on goes to the top, as a page turns. */
		move_sel(v, list_delta(&lib->list, action));
		lib->list.top = lib->list.cursor;
		break;
	/* The window may not hold the ends: read them afresh. */
	case ACTION_FIRST:
		load(v, false);
		break;
	case ACTION_LAST:
		load(v, true);
		break;
	case ACTION_FILTER:
		lib->typing = true;
		break;
	case ACTION_SORT:
		lib->sort = (enum library_sort)((lib->sort + 1) % 3);
		load(v, false);
		app_message(v->app, _("Sorted %s"), _(sort_names[lib->sort]));
		break;
	case ACTION_OPEN:
		if (!r)
			break;
		if (r->kind == LIBRARY_SET && r->n_questions == 0) {
			open_first_document(v, r->id);
		} else if (r->kind == LIBRARY_SET) {
			struct compare_request req = { r->id, 0, NULL, 0 };

			app_push(v->app, &view_compare_ops, &req);
		} else {
			struct reader_request req = { r->id, 0 };

			app_push(v->app, &view_reader_ops, &req);
		}
		break;
	case ACTION_REMOVE_DOCUMENT:
		if (r)
			remove_row(v, r);
		break;
	case ACTION_FETCH:
		app_push(v->app, &view_fetch_ops, NULL);
		break;
	case ACTION_NEW:
		/* Opening it is looking: none is new after it. */
		if (app_push(v->app, &view_new_ops, NULL))
			lib->n_new = 0;
		break;
	default:
		break;
	}
}

/* While typing a filter: every printable key narrows the list at once. */
static bool
library_input(struct view *v, int key)
{
	struct library *lib = v->data;
	size_t len = strlen(lib->filter);

	if (!lib->typing)
		return false;
	if (key == KEYMAP_ENTER) {
		lib->typing = false;
	} else if (key == KEYMAP_ESC) {
		lib->typing = false;
		lib->filter[0] = '\0';
		load(v, false);
	} else if (key == KEYMAP_BACKSPACE) {
		while (len > 0 && ((unsigned char)lib->filter[len - 1] & 0xC0) == 0x80)
			len--;
		if (len > 0)
			len--;
		lib->filter[len] = '\0';
		load(v, false);
	} else if (keymap_is_text(key)) {
		char utf8[8];
		size_t n = keymap_text_utf8(key, utf8);

		if (len + n < sizeof(lib->filter)) {
			memcpy(lib->filter + len, utf8, n);
			lib->filter[len + n] = '\0';
			load(v, false);
		}
	} else {
		/* Arrows and the like still move while typing. */
		return false;
	}
	return true;
}

static void
library_mouse(struct view *v, enum mouse event, int y, int x)
{
	struct library *lib = v->data;

	(void)x;
	if (event == MOUSE_WHEEL_UP || event == MOUSE_WHEEL_DOWN)
		move_sel(v, list_wheel_delta(&lib->list, event));
	else if (y >= 2 && list_click(&lib->list, y - 2))
		library_handle(v, ACTION_OPEN);
}

static bool
library_typing(struct view *v)
{
	return ((struct library *)v->data)->typing;
}

static void
library_status(struct view *v, char *buf, size_t size)
{
	struct library *lib = v->data;

	if (lib->typing)
		snprintf(buf, size, "%s", _("Filter: type words to narrow, Enter keeps, Esc clears"));
	else if (lib->list.count && lib->n_new)
		snprintf(buf, size, _("Library %s · %zu matching · %zu new"), _(sort_names[lib->sort]),
		    lib->count, lib->n_new);
	else if (lib->list.count)
		snprintf(buf, size, _("Library %s · %zu matching"), _(sort_names[lib->sort]), lib->count);
	else
		snprintf(buf, size, "%s", _("Library · nothing to show"));

}

static const struct view_hint library_hints[] = {
	{ ACTION_OPEN, N_("open") },
	{ ACTION_FILTER, N_("filter") },
	{ ACTION_SORT, N_("sort") },
	{ ACTION_NONE, NULL },
};

const struct view_ops view_library_ops = {
	.name = "library",
	.scope = SCOPE_LIBRARY,
	.min_cols = 40,
	.min_rows = 8,
	.open = library_open,
	.draw = library_draw,
	.handle = library_handle,
	.input = library_input,
	.mouse = library_mouse,
	.status = library_status,
	.typing_now = library_typing,
	.hints = library_hints,
	.reload = library_reload,
	.close = library_close,
};
