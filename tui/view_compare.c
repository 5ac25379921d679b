/*
 * view_compare: one vraag of a set, its text on top and below it one pane
 * per ministry, side by side, each with that ministry's answer.  Panes
 * are at least MIN_PANE columns; with more ministries than fit, the row
 * of panes scrolls sideways with the focus.  Scrolling is synchronised
 * across panes unless s turns it off.  The cursor marks the paragraph
 * under it in the focused pane.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "model.h"
#include "store.h"
#include "text.h"
#include "view.h"
#include "view_picker.h"
#include "xalloc.h"

#define MIN_PANE 30

struct pane {
	char ministry[16];
	struct wrapped text;	/* the answer, wrapped to the pane */
	int *para;		/* for each line: its paragraph, or -1 */
	int offset;		/* first line shown */
	int cursor;		/* the cursor's line */
};

struct compare {
	long long set_id;
	struct set_info set;
	struct question_view *q;
	size_t nq;
	size_t vraag;		/* index into q */
	struct pane *panes;
	size_t n_panes;
	size_t focus;		/* the focused pane */
	size_t first;		/* the first pane on screen */
	bool sync;
	/* Layout of the last draw. */
	int rows, cols, body_y, body_h, pane_w, visible;
	struct wrapped vraag_text;
	bool stale;		/* wrap again before drawing */
};

/* -------------------------------------------------------------- answers */

static const struct answer_view *
answer_of(const struct compare *c, const char *ministry)
{
	const struct question_view *q = &c->q[c->vraag];

	for (size_t i = 0; i < q->n_answers; i++)
		if (strcmp(q->answers[i].ministry, ministry) == 0)
			return &q->answers[i];
	return NULL;
}

static bool
imported(const struct compare *c, const char *ministry)
{
	for (size_t i = 0; i < c->set.n_answers; i++)
		if (strcmp(c->set.answers[i].ministry, ministry) == 0)
			return true;
	return false;
}

static long long
doc_of(const struct compare *c, const char *ministry)
{
	for (size_t i = 0; i < c->set.n_answers; i++)
		if (strcmp(c->set.answers[i].ministry, ministry) == 0)
			return c->set.answers[i].doc;
	return 0;
}

/* "AZ · Minister-President Rutte", "BZK · Minister De Jonge, Staatssecretaris Van Huffelen". */
static void
pane_title(const struct compare *c, const struct pane *p, char *buf, size_t size)
{
	const struct answer_view *a = answer_of(c, p->ministry);
	size_t used = (size_t)snprintf(buf, size, "%s", p->ministry);

	if (!a || used >= size)
		return;
	for (size_t i = 0; i < a->n_signatories && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s %s",
		    i == 0 ? " · " : ", ", a->signatories[i].role ? a->signatories[i].role : "",
		    a->signatories[i].name);
}

static void
add_line(struct pane *p, size_t from, int para)
{
	p->para = xrealloc(p->para, p->text.n * sizeof(*p->para));
	for (size_t i = from; i < p->text.n; i++)
		p->para[i] = para;
}

/* Wraps the focused vraag's answer of pane p to width. */
static void
wrap_pane(const struct compare *c, struct pane *p, int width)
{
	const struct answer_view *a = answer_of(c, p->ministry);
	char msg[160];
	size_t from;

	draw_wrap_free(&p->text);
	free(p->para);
	p->para = NULL;
	if (!imported(c, p->ministry)) {
		snprintf(msg, sizeof(msg), "No answer from %s is imported.", p->ministry);
		draw_wrap(&p->text, msg, width);
		draw_wrap(&p->text, "", width);
		draw_wrap(&p->text, "Import it with: naast import FILE", width);
		add_line(p, 0, -1);
		return;
	}
	if (!a || a->n_paragraphs == 0) {
		snprintf(msg, sizeof(msg), "The answer of %s has nothing for vraag %d.",
		    p->ministry, c->q[c->vraag].number);
		draw_wrap(&p->text, msg, width);
		add_line(p, 0, -1);
		return;
	}
	for (size_t i = 0; i < a->n_paragraphs; i++) {
		if (i > 0) {
			from = p->text.n;
			draw_wrap_line(&p->text, "");
			add_line(p, from, -1);
		}
		from = p->text.n;
		draw_wrap(&p->text, a->paragraphs[i].text, width);
		add_line(p, from, (int)i);
	}
}

/* ---------------------------------------------------------------- layout */

static int
pane_lines(const struct pane *p)
{
	return (int)p->text.n;
}

static int
max_offset(const struct compare *c, const struct pane *p)
{
	int m = pane_lines(p) - (c->body_h - 2);

	return m > 0 ? m : 0;
}

static void
clamp(const struct compare *c, struct pane *p)
{
	if (p->cursor >= pane_lines(p))
		p->cursor = pane_lines(p) - 1;
	if (p->cursor < 0)
		p->cursor = 0;
	if (p->offset > max_offset(c, p))
		p->offset = max_offset(c, p);
	if (p->offset < 0)
		p->offset = 0;
}

/* With synchronised scrolling, every pane follows the focused one. */
static void
follow(struct compare *c)
{
	struct pane *f = &c->panes[c->focus];

	if (!c->sync)
		return;
	for (size_t i = 0; i < c->n_panes; i++) {
		if (i == c->focus)
			continue;
		c->panes[i].offset = f->offset;
		clamp(c, &c->panes[i]);
	}
}

/* Keeps the focused pane on screen. */
static void
show_focus(struct compare *c)
{
	if (c->visible < 1)
		return;
	if (c->focus < c->first)
		c->first = c->focus;
	if (c->focus >= c->first + (size_t)c->visible)
		c->first = c->focus - (size_t)c->visible + 1;
	if (c->first + (size_t)c->visible > c->n_panes)
		c->first = c->n_panes > (size_t)c->visible ? c->n_panes - (size_t)c->visible : 0;
}

static void
layout(struct compare *c, int rows, int cols)
{
	int vraag_max;

	c->rows = rows;
	c->cols = cols;
	draw_wrap_free(&c->vraag_text);
	draw_wrap(&c->vraag_text, c->q[c->vraag].text ? c->q[c->vraag].text : "", cols - 2);
	vraag_max = (rows - 2) / 3 > 1 ? (rows - 2) / 3 : 1;
	c->body_y = 2 + ((int)c->vraag_text.n < vraag_max ? (int)c->vraag_text.n : vraag_max);
	c->body_h = rows - c->body_y;
	c->visible = cols / MIN_PANE;
	if (c->visible < 1)
		c->visible = 1;
	if ((size_t)c->visible > c->n_panes)
		c->visible = (int)c->n_panes;
	c->pane_w = c->visible ? cols / c->visible : cols;
	for (size_t i = 0; i < c->n_panes; i++) {
		wrap_pane(c, &c->panes[i], c->pane_w - 4);
		clamp(c, &c->panes[i]);
	}
	show_focus(c);
	c->stale = false;
}

/* ------------------------------------------------------------------ open */

static void
add_pane(struct compare *c, const char *ministry)
{
	struct pane *p;

	c->panes = xrealloc(c->panes, (c->n_panes + 1) * sizeof(*c->panes));
	p = &c->panes[c->n_panes++];
	memset(p, 0, sizeof(*p));
	snprintf(p->ministry, sizeof(p->ministry), "%s", ministry);
}

static void
free_panes(struct compare *c)
{
	for (size_t i = 0; i < c->n_panes; i++) {
		draw_wrap_free(&c->panes[i].text);
		free(c->panes[i].para);
	}
	free(c->panes);
	c->panes = NULL;
	c->n_panes = 0;
}

/* Reads the set and all its vragen with every answer. */
static bool
load(struct view *v)
{
	struct compare *c = v->data;
	struct error err = { "" };

	store_questions_free(c->q, c->nq);
	c->q = NULL;
	c->nq = 0;
	store_set_info_clear(&c->set);
	if (store_set_get(app_store(v->app), c->set_id, &c->set, &err) != STATUS_OK ||
	    store_questions(app_store(v->app), c->set_id, 0, NULL, 0, &c->q, &c->nq,
	    &err) != STATUS_OK) {
		app_message(v->app, "Cannot open set %lld: %s", c->set_id, err.msg);
		return false;
	}
	if (c->nq == 0) {
		app_message(v->app, "Set %lld has no vragen to show", c->set_id);
		return false;
	}
	if (c->vraag >= c->nq)
		c->vraag = c->nq - 1;
	c->stale = true;
	return true;
}

static void
compare_close(struct view *v)
{
	struct compare *c = v->data;

	free_panes(c);
	draw_wrap_free(&c->vraag_text);
	store_questions_free(c->q, c->nq);
	store_set_info_clear(&c->set);
	free(c);
}

static bool
compare_open(struct view *v, const void *arg)
{
	struct compare *c = xcalloc(1, sizeof(*c));

	c->set_id = *(const long long *)arg;
	c->sync = true;
	v->data = c;
	if (!load(v)) {
		compare_close(v);
		return false;
	}
	for (size_t i = 0; i < c->set.n_answers; i++)
		add_pane(c, c->set.answers[i].ministry);
	if (c->n_panes == 0 && c->set.n_addressed)
		add_pane(c, c->set.addressed[0]);
	if (c->n_panes == 0)
		add_pane(c, "?");
	return true;
}

static void
compare_reload(struct view *v)
{
	load(v);
}

/* ------------------------------------------------------------------ draw */

static void
draw_pane(struct compare *c, size_t index, int x, int width)
{
	struct pane *p = &c->panes[index];
	bool focused = index == c->focus;
	attr_t border = focused ? draw_attr(UI_FOCUS) : draw_attr(UI_BORDER);
	int inner = c->body_h - 2;
	int mark = focused && p->cursor < pane_lines(p) ? p->para[p->cursor] : -2;
	char title[256];

	draw_box(stdscr, c->body_y, x, c->body_h, width, border);
	pane_title(c, p, title, sizeof(title));
	mvwaddch(stdscr, c->body_y, x + 1, ' ');
	draw_text(stdscr, c->body_y, x + 2, title, width - 5,
	    focused ? draw_attr(UI_FOCUS) : draw_attr(UI_HEADING), DRAW_CUT);
	waddch(stdscr, ' ');
	for (int y = 0; y < inner; y++) {
		int line = p->offset + y;
		bool here;

		if (line >= pane_lines(p))
			break;
		/* The cursor's line, and the rest of the paragraph it is in. */
		here = focused && mark >= 0 && p->para[line] == mark;
		draw_text(stdscr, c->body_y + 1 + y, x + 1,
		    focused && line == p->cursor ? "▌" : here ? "▏" : " ", 1,
		    draw_attr(UI_MARK), 0);
		draw_text(stdscr, c->body_y + 1 + y, x + 2, p->text.lines[line], width - 4,
		    p->para[line] < 0 && !imported(c, p->ministry) ? draw_attr(UI_DIM)
		    : draw_attr(UI_NORMAL), 0);
	}
	/* More below or above: say so on the bottom border. */
	if (p->offset + inner < pane_lines(p))
		draw_text(stdscr, c->body_y + c->body_h - 1, x + width - 8, " more ", 6, border, 0);
	else if (p->offset > 0)
		draw_text(stdscr, c->body_y + c->body_h - 1, x + width - 7, " end ", 5, border, 0);
}

static void
compare_draw(struct view *v, int rows, int cols)
{
	struct compare *c = v->data;
	const struct question_view *q;
	char left[512], right[64], heading[64];
	int x;

	if (c->stale || rows != c->rows || cols != c->cols)
		layout(c, rows, cols);
	q = &c->q[c->vraag];
	snprintf(left, sizeof(left), " ");
	for (size_t i = 0; i < c->set.n_questioners; i++) {
		size_t used = strlen(left);

		snprintf(left + used, sizeof(left) - used, "%s%s%s%s%s",
		    i ? ", " : "", c->set.questioners[i].name,
		    c->set.questioners[i].party ? " (" : "",
		    c->set.questioners[i].party ? c->set.questioners[i].party : "",
		    c->set.questioners[i].party ? ")" : "");
	}
	snprintf(left + strlen(left), sizeof(left) - strlen(left), " · %s",
	    c->set.subject ? c->set.subject : "");
	snprintf(right, sizeof(right), "%zu/%zu beantwoord ", c->set.n_answers, c->set.n_addressed);
	draw_text(stdscr, 0, 0, " ", cols, draw_attr(UI_TITLE), DRAW_PAD);
	draw_text(stdscr, 0, 0, left, cols - text_width(right) - 2, draw_attr(UI_TITLE),
	    DRAW_CUT);
	draw_text_right(stdscr, 0, cols - text_width(right), right, text_width(right),
	    draw_attr(UI_TITLE));
	snprintf(heading, sizeof(heading), " Vraag %d van %d ", q->number, c->set.n_questions);
	x = draw_text(stdscr, 1, 0, heading, cols, draw_attr(UI_HEADING), 0);
	draw_hline(stdscr, 1, x, cols - x, draw_attr(UI_BORDER));
	for (int i = 0; i < c->body_y - 2; i++) {
		bool cut = i == c->body_y - 3 && (size_t)(c->body_y - 2) < c->vraag_text.n;

		draw_text(stdscr, 2 + i, 1, c->vraag_text.lines[i], cols - 2 - (cut ? 2 : 0),
		    draw_attr(UI_NORMAL), 0);
		if (cut)
			waddstr(stdscr, " …");
	}
	x = 0;
	for (int i = 0; i < c->visible && c->first + (size_t)i < c->n_panes; i++) {
		int w = i == c->visible - 1 ? cols - x : c->pane_w;

		draw_pane(c, c->first + (size_t)i, x, w);
		x += w;
	}
	if (c->first > 0)
		draw_text(stdscr, c->body_y, 0, "◀", 1, draw_attr(UI_FOCUS), 0);
	if (c->first + (size_t)c->visible < c->n_panes)
		draw_text(stdscr, c->body_y, cols - 1, "▶", 1, draw_attr(UI_FOCUS), 0);
}

/* ---------------------------------------------------------------- keys */

static void
scroll_focused(struct compare *c, int cursor_delta, int offset_delta)
{
	struct pane *p = &c->panes[c->focus];
	int inner = c->body_h - 2;

	p->cursor += cursor_delta;
	p->offset += offset_delta;
	clamp(c, p);
	if (p->cursor < p->offset)
		p->offset = p->cursor;
	if (inner > 0 && p->cursor >= p->offset + inner)
		p->offset = p->cursor - inner + 1;
	clamp(c, p);
	follow(c);
}

static void
go_vraag(struct view *v, long delta)
{
	struct compare *c = v->data;
	long next = (long)c->vraag + delta;

	if (next < 0 || next >= (long)c->nq) {
		app_message(v->app, delta > 0 ? "This is the last vraag" : "This is the first vraag");
		return;
	}
	c->vraag = (size_t)next;
	for (size_t i = 0; i < c->n_panes; i++)
		c->panes[i].offset = c->panes[i].cursor = 0;
	c->stale = true;
}

static void
ministry_chosen(void *ctx, size_t index)
{
	struct view *v = ctx;
	struct compare *c = v->data;
	struct pane *p = &c->panes[c->focus];
	size_t k = 0;

	/* The picker listed answering ministries, then the others addressed. */
	for (size_t i = 0; i < c->set.n_answers; i++, k++)
		if (k == index)
			snprintf(p->ministry, sizeof(p->ministry), "%s", c->set.answers[i].ministry);
	for (size_t i = 0; i < c->set.n_addressed; i++) {
		if (imported(c, c->set.addressed[i]))
			continue;
		if (k++ == index)
			snprintf(p->ministry, sizeof(p->ministry), "%s", c->set.addressed[i]);
	}
	p->offset = p->cursor = 0;
	c->stale = true;
}

static void
choose_ministry(struct view *v)
{
	struct compare *c = v->data;
	struct picker_request req = { 0 };
	char **items = NULL;
	size_t n = 0;

	for (size_t i = 0; i < c->set.n_answers; i++) {
		char date[11] = "";

		if (strlen(c->set.answers[i].received) == 10)
			snprintf(date, sizeof(date), "%.2s-%.2s-%.4s", c->set.answers[i].received + 8,
			    c->set.answers[i].received + 5, c->set.answers[i].received);
		model_strv_add(&items, &n, xasprintf("%-5s answered %s", c->set.answers[i].ministry, date));
		if (strcmp(c->set.answers[i].ministry, c->panes[c->focus].ministry) == 0)
			req.selected = n - 1;
	}
	for (size_t i = 0; i < c->set.n_addressed; i++) {
		if (imported(c, c->set.addressed[i]))
			continue;
		model_strv_add(&items, &n, xasprintf("%-5s not imported", c->set.addressed[i]));
		if (strcmp(c->set.addressed[i], c->panes[c->focus].ministry) == 0)
			req.selected = n - 1;
	}
	req.title = "Ministry of this pane";
	req.items = items;
	req.n = n;
	req.ctx = v;
	req.chosen = ministry_chosen;
	app_push(v->app, &view_picker_ops, &req);
	model_strv_free(items, n);
}

static void
compare_handle(struct view *v, enum action action)
{
	struct compare *c = v->data;
	int page = c->body_h - 3 > 1 ? c->body_h - 3 : 1;
	long long doc;

	switch (action) {
	case ACTION_DOWN:
		scroll_focused(c, 1, 0);
		break;
	case ACTION_UP:
		scroll_focused(c, -1, 0);
		break;
	case ACTION_PAGE_DOWN:
		scroll_focused(c, page, page);
		break;
	case ACTION_PAGE_UP:
		scroll_focused(c, -page, -page);
		break;
	case ACTION_FIRST:
		scroll_focused(c, -pane_lines(&c->panes[c->focus]), -pane_lines(&c->panes[c->focus]));
		break;
	case ACTION_LAST:
		scroll_focused(c, pane_lines(&c->panes[c->focus]), pane_lines(&c->panes[c->focus]));
		break;
	case ACTION_NEXT_VRAAG:
		go_vraag(v, 1);
		break;
	case ACTION_PREV_VRAAG:
		go_vraag(v, -1);
		break;
	case ACTION_NEXT_PANE:
		c->focus = (c->focus + 1) % c->n_panes;
		show_focus(c);
		break;
	case ACTION_PANE_LEFT:
		if (c->focus > 0)
			c->focus--;
		show_focus(c);
		break;
	case ACTION_PANE_RIGHT:
		if (c->focus + 1 < c->n_panes)
			c->focus++;
		show_focus(c);
		break;
	case ACTION_TOGGLE_SYNC:
		c->sync = !c->sync;
		follow(c);
		app_message(v->app, c->sync ? "Panes scroll together" : "Panes scroll apart");
		break;
	case ACTION_CHOOSE_MINISTRY:
		choose_ministry(v);
		break;
	case ACTION_OPEN:
	case ACTION_READER:
		doc = doc_of(c, c->panes[c->focus].ministry);
		if (doc)
			app_push(v->app, &view_reader_ops, &doc);
		else
			app_message(v->app, "No answer from %s is imported", c->panes[c->focus].ministry);
		break;
	default:
		break;
	}
}

static void
compare_mouse(struct view *v, enum mouse event, int y, int x)
{
	struct compare *c = v->data;
	size_t index;

	if (y < c->body_y || c->pane_w <= 0)
		return;
	index = c->first + (size_t)(x / c->pane_w);
	if (index >= c->n_panes || index >= c->first + (size_t)c->visible)
		index = c->first + (size_t)c->visible - 1;
	c->focus = index;
	if (event == MOUSE_WHEEL_UP)
		scroll_focused(c, -3, -3);
	else if (event == MOUSE_WHEEL_DOWN)
		scroll_focused(c, 3, 3);
	else if (y > c->body_y && y < c->body_y + c->body_h - 1)
		scroll_focused(c, c->panes[index].offset + (y - c->body_y - 1) - c->panes[index].cursor, 0);
}

static void
compare_status(struct view *v, char *buf, size_t size)
{
	struct compare *c = v->data;

	snprintf(buf, size, "Set %lld · vraag %zu/%zu · %s (pane %zu/%zu)%s", c->set_id,
	    c->vraag + 1, c->nq, c->panes[c->focus].ministry, c->focus + 1, c->n_panes,
	    c->sync ? "" : " · apart");
}

static const struct view_hint compare_hints[] = {
	{ ACTION_NEXT_VRAAG, "next" },
	{ ACTION_PREV_VRAAG, "prev" },
	{ ACTION_NEXT_PANE, "pane" },
	{ ACTION_CHOOSE_MINISTRY, "ministry" },
	{ ACTION_READER, "read" },
	{ ACTION_NONE, NULL },
};

const struct view_ops view_compare_ops = {
	.name = "compare",
	.scope = SCOPE_COMPARE,
	.min_cols = 60,
	.min_rows = 12,
	.open = compare_open,
	.draw = compare_draw,
	.handle = compare_handle,
	.mouse = compare_mouse,
	.status = compare_status,
	.hints = compare_hints,
	.reload = compare_reload,
	.close = compare_close,
};
