/*
 * app: the stack of views, the loop and the status line.  See app.h.
 */
#include "config.h"

#include <curses.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "app.h"
#include "draw.h"
#include "export.h"
#include "i18n.h"
#include "keymap.h"
#include "oom.h"
#include "prompt.h"
#include "terminal.h"
#include "text.h"
#include "view_compare.h"
#include "view_export.h"
#include "view_reader.h"
#include "view_search.h"
#include "xalloc.h"

#define MAX_VIEWS 16
/* The most bytes app_copy sends: terminals and tmux cut longer OSC 52 strings. */
#define CLIPBOARD_MAX (256 * 1024)

struct app {
	struct store *st;
	struct view stack[MAX_VIEWS];
	int depth;
	char message[1024];
	char last_message[1024];	/* for the message key, after message is cleared */
	bool whole;		/* show message whole, over the view, until the next key */
	bool running;
	enum scope help_scope;	/* what the help view lists: the scope below it */
	long long *basket;	/* the passages in the basket, sorted */
	size_t n_basket;
	unsigned basket_version;
	bool readonly;		/* the database cannot be changed: the status line says so */
	char *osc52;		/* the escape sequence to write once drawn, or NULL */
	/* Documents to remove when the next key is y (app_remove_documents). */
	long long *removing;
	size_t n_removing;
	char question[512];	/* what the status line asks meanwhile */
};

/* ------------------------------------------------------------------ basket */

static int
compare_ids(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

void
app_basket_changed(struct app *app)
{
	struct selected *sel;
	struct error err = { "" };
	size_t n;

	if (store_selection(app->st, &sel, &n, &err) != STATUS_OK) {
		app_message(app, "%s", err.msg);
		return;
	}
	free(app->basket);
	app->basket = xcalloc(n + 1, sizeof(*app->basket));
	for (size_t i = 0; i < n; i++)
		app->basket[i] = sel[i].passage;
	app->n_basket = n;
	app->basket_version++;
	qsort(app->basket, n, sizeof(*app->basket), compare_ids);
	store_selection_free(sel, n);
}

unsigned
app_basket_version(struct app *app)
{
	return app->basket_version;
}

void
app_open_passage(struct app *app, long long set, int vraag, const char *ministry,
    long long doc, long long passage)
{
	if (set && vraag) {
		struct compare_request req = {
			.set = set,
			.vraag = vraag,
			.ministry = ministry && *ministry ? ministry : NULL,
			.passage = passage,
		};

		app_push(app, &view_compare_ops, &req);
	} else {
		struct reader_request req = { doc, passage };

		app_push(app, &view_reader_ops, &req);
	}
}

bool
app_in_basket(struct app *app, long long passage)
{
	return passage && bsearch(&passage, app->basket, app->n_basket, sizeof(*app->basket),
	    compare_ids) != NULL;
}

void
app_toggle_basket(struct app *app, const long long *passages, size_t n)
{
	struct error err = { "" };
	bool all_in = n > 0, changed;
	size_t done = 0;

	for (size_t i = 0; i < n; i++)
		all_in = all_in && app_in_basket(app, passages[i]);
	for (size_t i = 0; i < n; i++) {
		enum status status = all_in
		    ? store_select_remove(app->st, passages[i], &changed, &err)
		    : store_select_add(app->st, passages[i], &changed, &err);

		if (status != STATUS_OK) {
			app_message(app, "%s", err.msg);
			app_basket_changed(app);
			return;
		}
		done += changed;
	}
	app_basket_changed(app);
	if (all_in)
		app_message(app, P_("Took %zu passage out of the basket (%zu left)",
		    "Took %zu passages out of the basket (%zu left)", done), done,
		    app->n_basket);
	else
		app_message(app, P_("Put %zu passage in the basket (%zu in all; b shows it)",
		    "Put %zu passages in the basket (%zu in all; b shows it)", done),
		    done, app->n_basket);
}

void
app_export(struct app *app, struct export_item *items, size_t n, const char *what,
    enum export_layout layout)
{
	struct export_request req = { items, n, what, layout };

	if (!app_push(app, &view_export_ops, &req))
		export_items_free(items, n);
}

/* --------------------------------------------------------------- clipboard */

static char *
base64(const char *s, size_t n)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *out = xmalloc((n + 2) / 3 * 4 + 1), *o = out;
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
		    (i + 2 < n ? p[i + 2] : 0);

		*o++ = digits[v >> 18 & 63];
		*o++ = digits[v >> 12 & 63];
		*o++ = i + 1 < n ? digits[v >> 6 & 63] : '=';
		*o++ = i + 2 < n ? digits[v & 63] : '=';
	}
	*o = '\0';
	return out;
}

bool
app_copy(struct app *app, const char *text)
{
	const char *setting = getenv("NAAST_CLIPBOARD");
	size_t n = strlen(text);
	char *b64;

	if (setting && strcmp(setting, "off") == 0) {
		app_message(app, _("Copying to the clipboard is off (NAAST_CLIPBOARD=off): e exports to a file"));
		return false;
	}
	if (n > CLIPBOARD_MAX) {
		app_message(app, _("Too long for the clipboard (%zu KB): e exports it to a file"), n / 1024);
		return false;
	}
	b64 = base64(text, n);
	free(app->osc52);
	/*
	 * Inside tmux the sequence goes both ways: plain, which tmux takes
	 * when set-clipboard is on, and wrapped for passthrough, which it
	 * hands on to the outer terminal when allow-passthrough is on.
	 */
	if (getenv("TMUX"))
		app->osc52 = xasprintf("\033]52;c;%s\a\033Ptmux;\033\033]52;c;%s\a\033\\", b64, b64);
	else
		app->osc52 = xasprintf("\033]52;c;%s\a", b64);
	free(b64);
	return true;
}

/* Writes a pending OSC 52 sequence to the terminal, after the screen. */
static void
send_clipboard(struct app *app)
{
	size_t n, done = 0;

	if (!app->osc52)
		return;
	n = strlen(app->osc52);
	while (done < n) {
		ssize_t w = write(STDOUT_FILENO, app->osc52 + done, n - done);

		if (w <= 0)
			break;
		done += (size_t)w;
	}
	free(app->osc52);
	app->osc52 = NULL;
}

/*
 * The items of the basket (y was Y) or of the passage under the cursor of
 * v: the key says which, never whether the basket happens to be empty.
 */
static bool
items_to_copy(struct app *app, struct view *v, bool basket, struct export_item **items,
    size_t *n, struct error *err)
{
	long long passage;

	if (basket) {
		if (app->n_basket == 0) {
			error_set(err, STATUS_NOT_FOUND,
			    "Nothing to copy: the basket is empty (Space puts a passage in it)");
			return false;
		}
		return store_export_selection(app->st, items, n, err) == STATUS_OK;
	}
	passage = v->ops->passage ? v->ops->passage(v) : 0;
	if (!passage) {
		error_set(err, STATUS_NOT_FOUND, app->n_basket ?
		    N_("Nothing to copy: no passage is under the cursor (Y copies the basket)") :
		    N_("Nothing to copy: no passage is under the cursor"));
		return false;
	}
	*n = 1;
	return store_export_items(app->st, &passage, 1, items, err) == STATUS_OK;
}

static void
copy(struct app *app, struct view *v, bool basket)
{
	struct export_item *items = NULL;
	struct error err = { "" };
	char *md = NULL;
	size_t n = 0, len = 0;
	FILE *fp;

	if (!items_to_copy(app, v, basket, &items, &n, &err)) {
		app_message(app, "%s", err.msg);
		return;
	}
	if (!(fp = open_memstream(&md, &len))) {
		export_items_free(items, n);
		app_message(app, _("Cannot copy: out of memory"));
		return;
	}
	export_write(fp, EXPORT_MD, items, n, &err);
	fclose(fp);
	if (app_copy(app, md))
		app_message(app, basket ?
		    _("Copied the basket as Markdown with citations to the clipboard") :
		    _("Copied the passage as Markdown with citations to the clipboard"));
	free(md);
	export_items_free(items, n);
}

static void
export_basket(struct app *app)
{
	struct export_item *items;
	struct error err = { "" };
	size_t n;

	if (store_export_selection(app->st, &items, &n, &err) != STATUS_OK) {
		app_message(app, "%s", err.msg);
		return;
	}
	app_export(app, items, n, _("the basket"), EXPORT_IN_TURN);
}

struct app *
app_new(struct store *st)
{
	struct app *app = xcalloc(1, sizeof(*app));
	struct error why = { "" };

	app->st = st;
	app->running = true;
	/* A read-only database is read; the first screen says why nothing can change. */
	if ((app->readonly = store_is_readonly(st, &why)))
		app_message(app, "%s", why.msg);
	app_basket_changed(app);
	if (!app_push(app, &view_library_ops, NULL)) {
		free(app->basket);
		free(app);
		return NULL;
	}
	return app;
}

void
app_free(struct app *app)
{
	if (!app)
		return;
	while (app->depth > 0)
		app_pop(app);
	free(app->basket);
	free(app->osc52);
	free(app->removing);
	free(app);
	prompt_history_free();	/* the histories are the session's */
}

struct store *
app_store(struct app *app)
{
	return app->st;
}

bool
app_running(const struct app *app)
{
	return app->running;
}

void
app_message(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof(app->message), fmt, ap);
	va_end(ap);
	memcpy(app->last_message, app->message, sizeof(app->message));
}

bool
app_push(struct app *app, const struct view_ops *ops, const void *arg)
{
	struct view *v;

	if (app->depth == MAX_VIEWS) {
		app_message(app, _("Too many views open: go back with q first"));
		return false;
	}
	v = &app->stack[app->depth];
	memset(v, 0, sizeof(*v));
	v->ops = ops;
	v->app = app;
	if (!ops->open(v, arg))
		return false;
	app->depth++;
	return true;
}

void
app_pop(struct app *app)
{
	struct view *v;

	if (app->depth == 0)
		return;
	v = &app->stack[--app->depth];
	v->ops->close(v);
	if (app->depth == 0)
		app->running = false;
}

static struct view *
top(struct app *app)
{
	return app->depth ? &app->stack[app->depth - 1] : NULL;
}

/* Every view recomputes what depends on the screen or the data. */
void
app_reload(struct app *app)
{
	for (int i = 0; i < app->depth; i++)
		if (app->stack[i].ops->reload)
			app->stack[i].ops->reload(&app->stack[i]);
}

void
app_remove_documents(struct app *app, const long long *docs, size_t n,
    const char *what)
{
	struct error err = { "" };
	size_t cited = 0, items;

	if (store_is_readonly(app->st, &err)) {
		app_message(app, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (store_document_cited(app->st, docs[i], &items, &err) != STATUS_OK) {
			app_message(app, "%s", err.msg);
			return;
		}
		cited += items;
	}
	free(app->removing);
	app->removing = xcalloc(n ? n : 1, sizeof(*app->removing));
	memcpy(app->removing, docs, n * sizeof(*docs));
	app->n_removing = n;
	if (cited)
		snprintf(app->question, sizeof(app->question),
		    n == 1 ? P_("Remove %s? %zu basket item cites it and goes too. (y/n)",
		    "Remove %s? %zu basket items cite it and go too. (y/n)", cited) :
		    P_("Remove %s? %zu basket item cites them and goes too. (y/n)",
		    "Remove %s? %zu basket items cite them and go too. (y/n)", cited),
		    what, cited);
	else
		snprintf(app->question, sizeof(app->question),
		    _("Remove %s from the library? (y/n)"), what);
	app_message(app, "%s", app->question);
}

/* The key that answers app_remove_documents: y removes, any other keeps. */
static void
answer_removal(struct app *app, int key)
{
	struct error err = { "" };
	size_t removed = 0, dropped = 0, items;

	for (size_t i = 0; (key == 'y' || key == 'Y') && i < app->n_removing; i++) {
		if (store_remove_document(app->st, app->removing[i], true, &items,
		    &err) != STATUS_OK)
			break;
		removed++;
		dropped += items;
	}
	free(app->removing);
	app->removing = NULL;
	app->n_removing = 0;
	if (key != 'y' && key != 'Y') {
		app_message(app, _("Nothing removed"));
		return;
	}
	/* What the views above the library show may be gone. */
	while (app->depth > 1)
		app_pop(app);
	app_basket_changed(app);
	app_reload(app);
	if (err.msg[0])
		app_message(app, P_("Removed %zu document; then: %s",
		    "Removed %zu documents; then: %s", removed), removed, err.msg);
	else if (dropped && removed == 1)
		app_message(app, P_("Removed 1 document and %zu basket item",
		    "Removed 1 document and %zu basket items", dropped), dropped);
	else if (dropped)
		app_message(app, P_("Removed %zu documents and %zu basket item",
		    "Removed %zu documents and %zu basket items", dropped),
		    removed, dropped);
	else
		app_message(app, P_("Removed %zu document", "Removed %zu documents", removed),
		    removed);
}

void
app_key(struct app *app, int key)
{
	struct view *v = top(app);
	enum action action;

	app->message[0] = '\0';
	app->whole = false;
	if (!v)
		return;
	if (key == KEYMAP_RESIZE) {
		app_reload(app);
		if (app->n_removing)
			app_message(app, "%s", app->question);
		return;
	}
	if (app->n_removing) {
		answer_removal(app, key);
		return;
	}
	if (v->ops->input && v->ops->input(v, key))
		return;
	action = keymap_action(v->ops->scope, key);
	switch (action) {
	case ACTION_NONE:
		break;
	case ACTION_QUIT:
		app_pop(app);
		break;
	case ACTION_HELP:
		if (v->ops != &view_help_ops) {
			app->help_scope = v->ops->scope;
			app_push(app, &view_help_ops, &app->help_scope);
		}
		break;
	case ACTION_SEARCH:
		if (v->ops == &view_search_ops) {
			v->ops->handle(v, action);
		} else {
			struct search_request req = { NULL, 0, NULL };

			app_push(app, &view_search_ops, &req);
		}
		break;
	case ACTION_MESSAGE:
		if (app->last_message[0]) {
			memcpy(app->message, app->last_message, sizeof(app->message));
			app->whole = true;
		}
		break;
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		app_basket_changed(app);
		app_reload(app);
		break;
	case ACTION_SELECT: {
		long long passage = v->ops->passage ? v->ops->passage(v) : 0;

		if (passage)
			app_toggle_basket(app, &passage, 1);
		else if (v->ops->passage)
			app_message(app, _("Put the cursor on a paragraph first"));
		else
			app_message(app, _("Nothing to select here: open a set or a document first"));
		break;
	}
	case ACTION_BASKET:
		if (v->ops != &view_basket_ops)
			app_push(app, &view_basket_ops, NULL);
		break;
	case ACTION_EXPORT:
		export_basket(app);
		break;
	case ACTION_COPY:
	case ACTION_COPY_BASKET:
		copy(app, v, action == ACTION_COPY_BASKET);
		break;
	default:
		v->ops->handle(v, action);
		break;
	}
}

void
app_mouse(struct app *app, enum mouse event, int y, int x)
{
	struct view *v = top(app);

	app->message[0] = '\0';
	/* A question waits for its key. */
	if (app->n_removing) {
		app_message(app, "%s", app->question);
		return;
	}
	if (v && v->ops->mouse && COLS >= v->ops->min_cols && LINES >= v->ops->min_rows)
		v->ops->mouse(v, event, y, x);
}

/*
 * Appends the hints of list to line (used bytes of size), as many as fit
 * in width columns; false once one did not fit.
 */
static bool
add_hints(const struct view *v, const struct view_hint *list, char *line, size_t size,
    size_t *used, int width)
{
	for (const struct view_hint *h = list; h && h->action != ACTION_NONE; h++) {
		char keys[64], one[96], *comma;
		const char *label = h->label[0] ? _(h->label) : h->label;


		if (!keymap_keys_for(v->ops->scope, h->action, keys, sizeof(keys)) ||
		    (h->action == ACTION_HELP && v->ops == &view_help_ops))
			continue;
		if ((comma = strchr(keys, ',')) != NULL)
			*comma = '\0';
		if (h->action == ACTION_QUIT)
			label = v->app->depth > 1 ? _("back") : _("quit");
		snprintf(one, sizeof(one), "%s%s %s", *used ? "  " : "", keys, label);
		if (text_width(line) + text_width(one) > width || *used + strlen(one) >= size)
			return false;
		memcpy(line + *used, one, strlen(one) + 1);
		*used += strlen(one);
	}
	return true;
}

/*
 * The hints of the view, "Enter open  f filter  ? help  q quit": the keys
 * of help and of going back always (they are what a newcomer needs), then
 * as many of the view's own as fit in width before them (none when width
 * is 0).
 */
static void
hints(const struct view *v, char *line, size_t size, int width)
{
	static const struct view_hint always[] = {
		{ ACTION_HELP, N_("help") },
		{ ACTION_QUIT, "" },
		{ ACTION_NONE, NULL },
	};
	char tail[128] = "";
	size_t used = 0, n;

	add_hints(v, always, tail, sizeof(tail), &used, (int)sizeof(tail));
	line[0] = '\0';
	n = 0;
	add_hints(v, v->ops->hints, line, size, &n, width - text_width(tail) - (used ? 2 : 0));
	if (n && n + 2 + used < size) {
		memcpy(line + n, "  ", 2);
		n += 2;
	}
	if (n + used < size)
		memcpy(line + n, tail, used + 1);
}

/* The columns of the first n bytes of s. */
static int
text_width_n(const char *s, size_t n)
{
	char *head = xstrndup(s, n);
	int w = text_width(head);

	free(head);
	return w;
}

/*
 * The message on the status line.  One too long for it is cut after a
 * whole word with "…" and the key that shows it whole; shown whole, it is
 * wrapped over the last rows of the screen, above the view.
 */
static void
draw_message(struct app *app, struct view *v)
{
	struct wrapped w = { 0 };
	char keys[64], hint[96], *text;
	size_t cut = 0;
	int rows;

	if (!app->whole && text_width(app->message) <= COLS) {
		draw_text(stdscr, LINES - 1, 0, app->message, COLS, draw_attr(UI_MESSAGE), DRAW_PAD);
		return;
	}
	if (app->whole) {
		draw_wrap(&w, app->message, COLS);
		rows = w.n < (size_t)LINES ? (int)w.n : LINES;
		for (int i = 0; i < rows; i++)
			draw_text(stdscr, LINES - rows + i, 0, w.lines[i], COLS,
			    draw_attr(UI_MESSAGE), DRAW_PAD);
		draw_wrap_free(&w);
		return;
	}
	if (keymap_keys_for(v->ops->scope, ACTION_MESSAGE, keys, sizeof(keys))) {
		char *comma = strchr(keys, ',');

		if (comma)
			*comma = '\0';
		snprintf(hint, sizeof(hint), _(" … (%s shows all)"), keys);
	} else {
		snprintf(hint, sizeof(hint), " …");
	}
	/* The longest run of whole words that fits before the hint. */
	for (size_t i = 1; app->message[i]; i++) {
		if (app->message[i] != ' ' || app->message[i - 1] == ' ')
			continue;
		if (text_width_n(app->message, i) + text_width(hint) > COLS)
			break;
		cut = i;
	}
	/*
	 * A word longer than half the line (a path, say) is cut where the
	 * line ends rather than left out: M shows the rest.
	 */
	if (!cut || text_width_n(app->message, cut) < COLS / 2) {
		cut = 0;
		for (size_t i = 1; app->message[i - 1]; i++) {
			if (((unsigned char)app->message[i] & 0xC0) == 0x80)
				continue;
			if (text_width_n(app->message, i) + text_width(hint) - 1 > COLS)
				break;
			cut = i;
		}
		memmove(hint, hint + 1, strlen(hint));	/* no space before the "…" */
	}
	text = xasprintf("%.*s%s", (int)cut, app->message, hint);
	draw_text(stdscr, LINES - 1, 0, text, COLS, draw_attr(UI_MESSAGE), DRAW_PAD | DRAW_CUT);
	free(text);
}

static void
draw_status(struct app *app, struct view *v)
{
	int y = LINES - 1;
	char where[512] = "", line[512] = "";
	int room = COLS - 1;

	if (app->message[0]) {
		draw_message(app, v);
		return;
	}
	if (app->readonly)
		snprintf(where, sizeof(where), "%s", _("[read-only] "));
	if (v->ops->status)
		v->ops->status(v, where + strlen(where), sizeof(where) - strlen(where));
	draw_text(stdscr, y, 0, " ", COLS, draw_attr(UI_STATUS), DRAW_PAD);
	/* A long status is cut so that "? help" and the way back stay. */
	if (!v->ops->typing && !(v->ops->typing_now && v->ops->typing_now(v))) {
		int left;

		hints(v, line, sizeof(line), 0);	/* the two that always show */
		room = COLS - 4 - text_width(line);
		left = text_width(where) < room ? text_width(where) : room;
		hints(v, line, sizeof(line), COLS - left - 4);
		draw_text_right(stdscr, y, left + 3, line, COLS - left - 4, draw_attr(UI_STATUS));
		room = left;
	}
	draw_text(stdscr, y, 1, where, room, draw_attr(UI_STATUS), DRAW_CUT);
}

static void
draw_view(struct app *app, int index)
{
	struct view *v = &app->stack[index];

	if (v->ops->overlay && index > 0)
		draw_view(app, index - 1);
	v->ops->draw(v, LINES - 1, COLS);
}

/* The view that needs the most room among the top one and those it is drawn over. */
static const struct view *
neediest(const struct app *app)
{
	const struct view *need = &app->stack[app->depth - 1];

	for (int i = app->depth - 1; i > 0 && app->stack[i].ops->overlay; i--) {
		const struct view *below = &app->stack[i - 1];

		if (below->ops->min_cols > need->ops->min_cols ||
		    below->ops->min_rows > need->ops->min_rows)
			need = below;
	}
	return need;
}

void
app_draw(struct app *app)
{
	struct view *v = top(app);
	const struct view *need;

	werase(stdscr);
	if (!v) {
		wnoutrefresh(stdscr);
		return;
	}
	need = neediest(app);
	if (COLS < need->ops->min_cols || LINES < need->ops->min_rows) {
		struct wrapped w = { 0 };
		char msg[160];

		snprintf(msg, sizeof(msg),
		    _("Terminal too small (%dx%d): the %s view needs %dx%d. Enlarge it, or q to go back."),
		    COLS, LINES, need->ops->name, need->ops->min_cols, need->ops->min_rows);
		draw_wrap(&w, msg, COLS);
		for (size_t i = 0; i < w.n && (int)i < LINES; i++)
			draw_text(stdscr, (int)i, 0, w.lines[i], COLS, A_BOLD, 0);
		draw_wrap_free(&w);
		wnoutrefresh(stdscr);
		return;
	}
	draw_view(app, app->depth - 1);
	draw_status(app, v);
	wnoutrefresh(stdscr);
}

void
app_update(struct app *app)
{
	app_draw(app);
	doupdate();
	send_clipboard(app);
}

/* ------------------------------------------------------------ the terminal */

static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

/* The signal that asks naast to stop (Ctrl-C, kill, a closed terminal). */
static volatile sig_atomic_t stop_signal;

static void
on_stop(int sig)
{
	stop_signal = sig;
}

/*
 * Ctrl-C, SIGTERM and SIGHUP end the loop, which gives the terminal back
 * as q does.  No SA_RESTART: the read of the next key returns at once.
 * Ctrl-Z (SIGTSTP) stays with curses, which restores the terminal before
 * stopping and redraws after fg.
 */
static void
catch_stop_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/*
 * A screen on the terminal, or NULL with one line on stderr when curses
 * does not know it or it cannot put text at a place on the screen (dumb).
 */
static SCREEN *
open_terminal(void)
{
	char msg[512];
	SCREEN *screen;

	if (!terminal_usable(msg, sizeof(msg))) {
		char *safe = text_sanitize(msg, strlen(msg), TEXT_SHOW_NEWLINES);

		fprintf(stderr, "naast: %s\n", safe);
		free(safe);
		return NULL;
	}
	if (!(screen = newterm(NULL, stdout, stdin)))
		fputs(_("naast: curses cannot start on this terminal: set TERM to xterm-256color\n"),

		    stderr);
	else
		set_term(screen);
	return screen;
}

/*
 * The loop waits for a key at most IDLE_MS.  Curses learns of a new size
 * (SIGWINCH), and naast of Ctrl-C or SIGTERM, when the signal interrupts
 * the read of the next key; one that comes after curses looked for it and
 * before the read began would wait for the next key, and the screen would
 * keep the size before (a resize storm under load left it so).  The next
 * round of the loop sees it.
 */
#define IDLE_MS 500

/*
 * Alt with a character comes as Esc and the character at once: the key
 * after an Esc, when one is waiting already, makes them one key (M-b).
 * Esc alone, or before a key that is not a character, stays Esc; the
 * other key is then read by the loop as usual.
 */
static int
alt_key(int key)
{
	wint_t wc;
	int rc;

	if (key != KEYMAP_ESC)
		return key;
	nodelay(stdscr, TRUE);
	rc = wget_wch(stdscr, &wc);
	wtimeout(stdscr, IDLE_MS);
	if (rc == OK && keymap_is_text((int)wc) && wc != ' ')
		return KEYMAP_ALT((int)wc);
	if (rc == KEY_CODE_YES)
		ungetch((int)wc);
	else if (rc == OK)
		unget_wch((wchar_t)wc);
	return key;
}

int
app_run(struct store *st)
{
	struct app *app;
	SCREEN *screen;
	int status = 0;

	if (!(screen = open_terminal()))
		return 1;
	oom_terminal(restore_terminal);
	oom_doing(OOM_INTERFACE, NULL);
	catch_stop_signals();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	wtimeout(stdscr, IDLE_MS);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	draw_init();

	app = app_new(st);
	if (!app) {
		endwin();
		oom_terminal(NULL);
		delscreen(screen);
		return 1;
	}
	while (app_running(app)) {
		wint_t wc;
		int rc;

		if (stop_signal) {
			status = 128 + stop_signal;
			break;
		}
		app_update(app);
		rc = wget_wch(stdscr, &wc);
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
			MEVENT ev;

			if (getmouse(&ev) != OK)
				continue;
			if (ev.bstate & BUTTON4_PRESSED)
				app_mouse(app, MOUSE_WHEEL_UP, ev.y, ev.x);
			else if (ev.bstate & BUTTON5_PRESSED)
				app_mouse(app, MOUSE_WHEEL_DOWN, ev.y, ev.x);
			else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
				app_mouse(app, MOUSE_CLICK, ev.y, ev.x);
			continue;
		}
		app_key(app, alt_key(keymap_key_from_curses(rc, wc)));
	}
	app_free(app);
	endwin();
	oom_terminal(NULL);
	delscreen(screen);
	return status;
}
