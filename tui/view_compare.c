/*
 * view_compare: one vraag of a set, its text on top and below it one pane
 * per ministry, side by side, each with that ministry's answer.  Panes
 * are at least MIN_PANE columns; with more ministries than fit, the row
 * of panes scrolls sideways with the focus.  Scrolling is synchronised
 * across panes unless s turns it off.  The cursor marks the paragraph
 * under it in the focused pane.
 *
 * d marks what the panes share (compare.h): words every other pane has
 * stay plain, words some have are underlined, words only this pane has
 * are reversed.  x shows, under each sentence that refers to the answer
 * to another vraag, that answer of the same ministry; Enter on such a
 * line goes to that vraag.
 *
 * A pane keeps its answer as sanitised paragraphs; its lines point into
 * them, so the words that compare.c finds can be drawn where they are.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "compare.h"
#include "draw.h"
#include "i18n.h"
#include "model.h"
#include "store.h"
#include "text.h"
#include "view.h"
#include "view_compare.h"
#include "view_matrix.h"
#include "view_picker.h"
#include "view_reader.h"
#include "view_search.h"
#include "xalloc.h"
#include "xref.h"

#define MIN_PANE 30
#define REF_INDENT 4

/*
 * The most units (compare.h) the words of a pane have for the marks: an
 * answer of more words is marked in groups of words.  Two answers at the
 * import's limit, with their marks, then take some 12 MB besides their
 * text and lines.
 */
#define MARK_UNITS ((size_t)1 << 18)

/*
 * A line of a pane: 32 bytes, for an answer at the import's limit has
 * some 200,000 of them.  Its words are found when it is drawn.
 */
struct pline {
	char *text;		/* the line's own text when para is -1 */
	uint32_t start, end;	/* bytes of that paragraph (at most 8 MiB) */
	int para;		/* its paragraph, or -1 for a line of its own */
	int goes_to;		/* the vraag a reference on this line points to, or 0 */
	bool ref;		/* a line of an answer shown for a reference */
};

struct pane {
	char ministry[MINISTRY_CODE_SIZE];
	char **paras;		/* the answer, sanitised, one string a paragraph */
	bool *owned;		/* a sanitised copy, else the answer's own text */
	long long *para_ids;	/* the passage of each paragraph */
	struct wrapped *notes;	/* each paragraph's footnotes, "[1] Kamerstuk ..." */
	size_t n_paras;
	int vraag_from, vraag_to;	/* the vragen the answer serves together */
	struct compare_text words;	/* while marks are on */
	enum compare_mark *marks;	/* per unit of words, while marks are on */
	struct pline *lines;
	size_t n_lines;
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
	bool diff;		/* d: difference marks */
	bool coarse;		/* marked in groups of words */
	bool refs;		/* x: references expanded */
	/* Layout of the last draw. */
	int rows, cols, body_y, body_h, pane_w, visible;
	struct wrapped vraag_text;	/* the vraag, then its footnotes */
	bool stale;		/* lay out again before drawing */
	long long put_cursor;	/* after the next layout: the cursor on this passage */
};

/* -------------------------------------------------------------- answers */

static const struct answer_view *
answer_in(const struct question_view *q, const char *ministry)
{
	for (size_t i = 0; i < q->n_answers; i++)
		if (strcmp(q->answers[i].ministry, ministry) == 0)
			return &q->answers[i];
	return NULL;
}

static const struct answer_view *
answer_of(const struct compare *c, const char *ministry)
{
	return answer_in(&c->q[c->vraag], ministry);
}

static bool
imported(const struct compare *c, const char *ministry)
{
	for (size_t i = 0; i < c->set.n_answers; i++)
		if (strcmp(c->set.answers[i].ministry, ministry) == 0)
			return true;
	return false;
}

/* The mededeling a ministry sent instead of an answer, or NULL. */
static const struct set_answer *
notice_of(const struct compare *c, const char *ministry)
{
	for (size_t i = 0; i < c->set.n_notices; i++)
		if (strcmp(c->set.notices[i].ministry, ministry) == 0)
			return &c->set.notices[i];
	return NULL;
}

static long long
doc_of(const struct compare *c, const char *ministry)
{
	for (size_t i = 0; i < c->set.n_answers; i++)
		if (strcmp(c->set.answers[i].ministry, ministry) == 0)
			return c->set.answers[i].doc;
	return 0;
}

/* The vraag numbered number, or NULL. */
static const struct question_view *
vraag_numbered(const struct compare *c, int number)
{
	for (size_t i = 0; i < c->nq; i++)
		if (c->q[i].number == number)
			return &c->q[i];
	return NULL;
}

/* "AZ · Minister-President Rutte", "BZK · Minister De Jonge, Staatssecretaris Van Huffelen". */
static void
pane_title(const struct compare *c, const struct pane *p, char *buf, size_t size)
{
	const struct answer_view *a = answer_of(c, p->ministry);
	size_t used = (size_t)snprintf(buf, size, "%s", p->ministry);

	if (!a || used >= size)
		return;
	for (size_t i = 0; i < a->n_signatories && used < size; i++) {
		const struct signatory *s = &a->signatories[i];

		used += (size_t)snprintf(buf + used, size - used, "%s%s %s",
		    i == 0 ? " · " : ", ", s->role ? s->role : "", s->name);
		/* "Staatssecretaris Van Rij (Fiscaliteit en Belastingdienst)" */
		if (s->portfolio && *s->portfolio && used < size)
			used += (size_t)snprintf(buf + used, size - used, " (%s)", s->portfolio);
		for (size_t k = 0; k < s->n_on_behalf_of && used < size; k++)
			used += (size_t)snprintf(buf + used, size - used, "%s%s",
			    k == 0 ? ", mede namens " : "/", s->on_behalf_of[k]);
	}
}

/* ------------------------------------------------------------ the lines */

static void
clear_lines(struct pane *p)
{
	for (size_t i = 0; i < p->n_lines; i++)
		free(p->lines[i].text);
	free(p->lines);
	p->lines = NULL;
	p->n_lines = 0;
}

static struct pline *
new_line(struct pane *p)
{
	struct pline *l;

	p->lines = xrealloc(p->lines, (p->n_lines + 1) * sizeof(*p->lines));
	l = &p->lines[p->n_lines++];
	memset(l, 0, sizeof(*l));
	l->para = -1;
	return l;
}

/* Lines of their own: a message, or a referred answer, wrapped to width. */
static void
own_lines(struct pane *p, const char *text, int width, bool ref, int goes_to)
{
	struct wrapped w = { 0 };

	draw_wrap(&w, text, width);
	for (size_t i = 0; i < w.n; i++) {
		struct pline *l = new_line(p);

		l->text = w.lines[i];
		l->ref = ref;
		l->goes_to = goes_to;
	}
	free(w.lines);
}

/* Where the sentence that holds byte at ends: after its . ? or !. */
static size_t
sentence_end(const char *s, size_t at)
{
	size_t n = strlen(s);

	for (size_t i = at; i < n; i++)
		if ((s[i] == '.' || s[i] == '?' || s[i] == '!') &&
		    (i + 1 == n || s[i + 1] == ' '))
			return i + 1;
	return n;
}

/* Under the line that ends a referring sentence: the answer it points to. */
static void
expand_ref(const struct compare *c, struct pane *p, int vraag, int width)
{
	const struct question_view *q = vraag_numbered(c, vraag);
	const struct answer_view *a = q ? answer_in(q, p->ministry) : NULL;
	char head[96];

	snprintf(head, sizeof(head), "↳ %s, antwoord %d:", p->ministry, vraag);
	own_lines(p, head, width - REF_INDENT, true, vraag);
	if (!a || a->n_paragraphs == 0) {
		own_lines(p, _("(no answer to that vraag in this document)"), width - REF_INDENT,
		    true, vraag);
		return;
	}
	for (size_t i = 0; i < a->n_paragraphs; i++)
		own_lines(p, a->paragraphs[i].text, width - REF_INDENT, true, vraag);
}

/* The lines of paragraph i, with referred answers under their sentences. */
static void
para_lines(const struct compare *c, struct pane *p, size_t i, int width)
{
	const char *s = p->paras[i];
	struct text_line *tl;
	struct xref *refs = NULL;
	size_t n = text_wrap(s, width, &tl), n_refs = xref_scan(s, &refs), r = 0;
	size_t kept = 0;

	/* Only references to vragen of this set expand; publications do not. */
	for (size_t j = 0; j < n_refs; j++)
		if (refs[j].vraag > 0)
			refs[kept++] = refs[j];
	n_refs = kept;

	for (size_t k = 0; k < n; k++) {
		struct pline *l = new_line(p);

		l->para = (int)i;
		l->start = (uint32_t)tl[k].start;
		l->end = (uint32_t)tl[k].end;
		for (size_t j = 0; j < n_refs; j++)
			if (refs[j].start < tl[k].end && refs[j].end > tl[k].start)
				l->goes_to = refs[j].vraag;
		/* Expand each reference whose sentence ends on this line. */
		while (c->refs && r < n_refs &&
		    sentence_end(s, refs[r].end) <= (k + 1 < n ? tl[k + 1].start : strlen(s))) {
			expand_ref(c, p, refs[r].vraag, width);
			r++;
		}
	}
	free(tl);
	free(refs);
}

static void
free_answer(struct pane *p)
{
	compare_text_free(&p->words);
	for (size_t i = 0; p->notes && i < p->n_paras; i++)
		draw_wrap_free(&p->notes[i]);
	free(p->notes);
	p->notes = NULL;
	for (size_t i = 0; i < p->n_paras; i++)
		if (p->owned[i])
			free(p->paras[i]);
	free(p->paras);
	free(p->owned);
	p->owned = NULL;
	free(p->para_ids);
	free(p->marks);
	p->paras = NULL;
	p->para_ids = NULL;
	p->n_paras = 0;
	p->marks = NULL;
}

/*
 * Takes the focused vraag's answer of pane p: its paragraphs, sanitised.
 * A paragraph that sanitising and its footnotes' markers leave as it is
 * is the answer's own (c->q outlives it): a copy of each took 8 MB more
 * for an answer at the import's limit.
 */
static void
read_answer(const struct compare *c, struct pane *p)
{
	const struct answer_view *a = answer_of(c, p->ministry);

	free_answer(p);
	p->para_ids = xcalloc(a ? a->n_paragraphs + 1 : 1, sizeof(*p->para_ids));
	p->notes = xcalloc(a ? a->n_paragraphs + 1 : 1, sizeof(*p->notes));
	p->owned = xcalloc(a ? a->n_paragraphs + 1 : 1, sizeof(*p->owned));
	p->vraag_from = a ? a->vraag_from : 0;
	p->vraag_to = a ? a->vraag_to : 0;
	for (size_t i = 0; a && i < a->n_paragraphs; i++) {
		const struct paragraph *para = &a->paragraphs[i];
		char *marked = model_marked_text(para->text, para->footnotes, para->n_footnotes);

		char *clean = text_sanitize(marked, strlen(marked), 0);

		free(marked);
		p->para_ids[i] = para->id;
		p->owned[i] = !para->text || strcmp(clean, para->text) != 0;
		if (!p->owned[i]) {
			free(clean);
			clean = para->text;
		}
		model_strv_add(&p->paras, &p->n_paras, clean);
		for (size_t f = 0; f < para->n_footnotes; f++) {
			char *note = xasprintf("[%s] %s", para->footnotes[f].marker,
			    para->footnotes[f].text);

			draw_wrap_line(&p->notes[i], note);
			free(note);
		}
	}
}

/* "One answer to vragen 7, 8, 9, 10 and 11". */
static char *
shared_label(int from, int to)
{
	struct xbuf b = { NULL, 0, 0 };

	xbuf_puts(&b, _("One answer to vragen"));
	for (int v = from; v <= to; v++)
		xbuf_printf(&b, "%s%d", v == from ? " " : v == to ? _(" and ") : ", ", v);
	return xbuf_finish(&b);
}

/* The lines of pane p at width. */
static void
lay_out_pane(const struct compare *c, struct pane *p, int width)
{
	char msg[160];

	clear_lines(p);
	if (!imported(c, p->ministry) && notice_of(c, p->ministry)) {
		char date[32] = "";

		date_format_text(notice_of(c, p->ministry)->received, date, sizeof(date));
		if (date[0])
			snprintf(msg, sizeof(msg),
			    _("%s sent a mededeling instead of an answer (ontvangen %s)."),
			    p->ministry, date);
		else
			snprintf(msg, sizeof(msg),
			    _("%s sent a mededeling instead of an answer."), p->ministry);
		own_lines(p, msg, width, false, 0);
		own_lines(p, "", width, false, 0);
		own_lines(p, _("r reads it."), width, false, 0);
		return;
	}
	if (!imported(c, p->ministry)) {
		snprintf(msg, sizeof(msg), _("No answer from %s is imported."), p->ministry);
		own_lines(p, msg, width, false, 0);
		own_lines(p, "", width, false, 0);
		own_lines(p, _("Import it with: naast import FILE"), width, false, 0);
		return;
	}
	if (p->n_paras == 0) {
		snprintf(msg, sizeof(msg), _("The answer of %s has nothing for vraag %d."),
		    p->ministry, c->q[c->vraag].number);
		own_lines(p, msg, width, false, 0);
		return;
	}
	/* One answer to several vragen ("Antwoord 7, 8 en 9") says so on top. */
	if (p->vraag_to > p->vraag_from) {
		char *shared = shared_label(p->vraag_from, p->vraag_to);

		own_lines(p, shared, width, false, 0);
		own_lines(p, "", width, false, 0);
		free(shared);
	}
	for (size_t i = 0; i < p->n_paras; i++) {
		if (i > 0)
			own_lines(p, "", width, false, 0);
		para_lines(c, p, i, width);
		/* Its footnotes, under it, where the reader of the PDF finds them. */
		for (size_t f = 0; f < p->notes[i].n; f++)
			own_lines(p, p->notes[i].lines[f], width - 2, false, 0);
	}
}

/*
 * Marks for every pane that has an answer, against the others: their
 * words are made for the marks and let go with them.  Long answers are
 * marked in groups of words (MARK_UNITS), all in the same.
 */
static void
mark(struct compare *c)
{
	struct compare_text *texts = xcalloc(c->n_panes + 1, sizeof(*texts));
	enum compare_mark **marks = xcalloc(c->n_panes + 1, sizeof(*marks));
	size_t n = 0, group = 1;

	c->coarse = false;
	for (size_t i = 0; i < c->n_panes; i++) {
		struct pane *p = &c->panes[i];

		free(p->marks);
		p->marks = NULL;
		compare_text_free(&p->words);
		if (c->diff)
			compare_text_init_units(&p->words, (const char *const *)p->paras,
			    p->n_paras, 0, MARK_UNITS);
		if (p->words.n && p->words.group > group)
			group = p->words.group;
	}
	for (size_t i = 0; i < c->n_panes; i++) {
		if (c->panes[i].words.n) {
			compare_text_regroup(&c->panes[i].words, group);
			texts[n++] = c->panes[i].words;
		}
	}
	if (c->diff && n > 1) {
		c->coarse = group > 1;
		compare_marks(texts, n, marks);
		for (size_t i = 0, k = 0; i < c->n_panes; i++)
			if (c->panes[i].words.n)
				c->panes[i].marks = marks[k++];
	}
	free(marks);
	free(texts);
}

/* ---------------------------------------------------------------- layout */

static int
pane_lines(const struct pane *p)
{
	return (int)p->n_lines;
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

static void scroll_focused(struct compare *c, int cursor_delta, int offset_delta);

/* Puts the focused pane's cursor on the first line of a passage. */
static void
cursor_on(struct compare *c, long long passage)
{
	struct pane *p = &c->panes[c->focus];

	for (size_t i = 0; i < p->n_lines; i++) {
		const struct pline *l = &p->lines[i];

		if (l->para >= 0 && p->para_ids[l->para] == passage) {
			scroll_focused(c, (int)i - p->cursor, 0);
			return;
		}
	}
}

/* The passage under the focused pane's cursor, or 0. */
static long long
passage_at_cursor(const struct compare *c)
{
	const struct pane *p = &c->panes[c->focus];

	if (p->cursor < pane_lines(p) && p->lines[p->cursor].para >= 0)
		return p->para_ids[p->lines[p->cursor].para];
	return 0;
}

static void
layout(struct compare *c, int rows, int cols)
{
	int vraag_max;

	const struct question_view *q = &c->q[c->vraag];
	char *marked = model_marked_text(q->text ? q->text : "", q->footnotes,
	    q->n_footnotes);

	c->rows = rows;
	c->cols = cols;
	draw_wrap_free(&c->vraag_text);
	draw_wrap(&c->vraag_text, marked, cols - 2);
	free(marked);
	/* Its footnotes (the article it is about), as under an answer's paragraphs. */
	for (size_t f = 0; f < q->n_footnotes; f++) {
		char *note = xasprintf("[%s] %s", q->footnotes[f].marker, q->footnotes[f].text);

		draw_wrap(&c->vraag_text, note, cols - 2);
		free(note);
	}
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
		lay_out_pane(c, &c->panes[i], c->pane_w - 4);
		clamp(c, &c->panes[i]);
	}
	if (c->put_cursor)
		cursor_on(c, c->put_cursor);
	c->put_cursor = 0;
	show_focus(c);
	c->stale = false;
}

/* The answers changed (vraag, a pane's ministry, d): read and mark again. */
static void
reread(struct compare *c)
{
	for (size_t i = 0; i < c->n_panes; i++)
		read_answer(c, &c->panes[i]);
	mark(c);
	c->stale = true;
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
		free_answer(&c->panes[i]);
		clear_lines(&c->panes[i]);
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

	/* The panes' paragraphs may be c->q's own: let go of them first. */
	for (size_t i = 0; i < c->n_panes; i++) {
		free_answer(&c->panes[i]);
		clear_lines(&c->panes[i]);
	}
	c->stale = true;
	store_questions_free(c->q, c->nq);
	c->q = NULL;
	c->nq = 0;
	store_set_info_clear(&c->set);
	if (store_set_get(app_store(v->app), c->set_id, &c->set, &err) != STATUS_OK ||
	    store_questions(app_store(v->app), c->set_id, 0, NULL, 0, &c->q, &c->nq,
	    &err) != STATUS_OK) {
		app_message(v->app, _("Cannot open set %lld: %s"), c->set_id, err.msg);
		return false;
	}
	if (c->nq == 0) {
		app_message(v->app, _("Set %lld has no vragen to show"), c->set_id);
		return false;
	}
	if (c->vraag >= c->nq)
		c->vraag = c->nq - 1;
	reread(c);
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

/* Shows vraag number (when there is one) with ministry's pane focused. */
static void
go_to(struct compare *c, int number, const char *ministry)
{
	for (size_t i = 0; i < c->nq; i++)
		if (c->q[i].number == number)
			c->vraag = i;
	for (size_t i = 0; ministry && i < c->n_panes; i++)
		if (strcmp(c->panes[i].ministry, ministry) == 0)
			c->focus = i;
	if (ministry && strcmp(c->panes[c->focus].ministry, ministry) != 0)
		snprintf(c->panes[c->focus].ministry, sizeof(c->panes[0].ministry), "%s", ministry);
	for (size_t i = 0; i < c->n_panes; i++)
		c->panes[i].offset = c->panes[i].cursor = 0;
	reread(c);
	show_focus(c);
}

static bool
compare_open(struct view *v, const void *arg)
{
	const struct compare_request *req = arg;
	struct compare *c = xcalloc(1, sizeof(*c));

	c->set_id = req->set;
	c->sync = true;
	v->data = c;
	if (!load(v)) {
		compare_close(v);
		return false;
	}
	for (size_t i = 0; i < c->set.n_answers; i++)
		add_pane(c, c->set.answers[i].ministry);
	/* A ministry that sent a mededeling instead has a pane that says so. */
	for (size_t i = 0; i < c->set.n_notices; i++) {
		bool shown = false;

		for (size_t k = 0; k < c->n_panes && !shown; k++)
			shown = strcmp(c->panes[k].ministry, c->set.notices[i].ministry) == 0;
		if (!shown)
			add_pane(c, c->set.notices[i].ministry);
	}
	if (c->n_panes == 0)
		add_pane(c, c->set.n_addressed ? c->set.addressed[0] : "?");
	go_to(c, req->vraag, req->ministry);
	c->put_cursor = req->passage;
	return true;
}

static void
compare_reload(struct view *v)
{
	load(v);
}

/* ------------------------------------------------------------------ draw */

static const enum ui mark_look[] = {
	[COMPARE_SHARED_ALL] = UI_NORMAL,
	[COMPARE_SHARED_SOME] = UI_DIFF_SOME,
	[COMPARE_UNIQUE] = UI_DIFF_UNIQUE,
};

/*
 * The first unit of t that ends after byte start of paragraph para: the
 * last that begins at or before it, when it reaches past it, else the
 * next.
 */
static size_t
first_unit(const struct compare_text *t, size_t para, size_t start)
{
	size_t lo = 0, hi = t->n, at = t->para_at[para] + start;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->at[mid] <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && compare_word_para(t, lo - 1) == para &&
	    compare_word_end(t, lo - 1) > start)
		lo--;
	return lo;
}

/* One line of paragraph text at (y, x), its words marked when d is on. */
static void
draw_para_line(const struct pane *p, const struct pline *l, int y, int x, int width)
{
	const char *s = p->paras[l->para];
	char *line = xstrndup(s + l->start, l->end - l->start);

	draw_text(stdscr, y, x, line, width, draw_attr(UI_NORMAL), 0);
	for (size_t w = p->marks ? first_unit(&p->words, (size_t)l->para, l->start) : 0;
	    p->marks && w < p->words.n; w++) {
		size_t from, to, end, start;
		char *before, *word;

		if (compare_word_para(&p->words, w) != (size_t)l->para ||
		    (start = compare_word_start(&p->words, w)) >= l->end)
			break;
		if (p->marks[w] == COMPARE_SHARED_ALL)
			continue;
		from = start > l->start ? start : l->start;
		end = compare_word_end(&p->words, w);
		to = end < l->end ? end : l->end;
		before = xstrndup(s + l->start, from - l->start);
		word = xstrndup(s + from, to - from);
		draw_text(stdscr, y, x + text_width(before), word, width - text_width(before),
		    draw_attr(mark_look[p->marks[w]]), 0);
		free(before);
		free(word);
	}
	free(line);
}

static void
draw_pane(struct app *app, struct compare *c, size_t index, int x, int width)
{
	struct pane *p = &c->panes[index];
	bool focused = index == c->focus;
	attr_t border = focused ? draw_attr(UI_FOCUS) : draw_attr(UI_BORDER);
	int inner = c->body_h - 2;
	int mark_para = focused && p->cursor < pane_lines(p) ? p->lines[p->cursor].para : -1;
	char title[256];

	draw_box(stdscr, c->body_y, x, c->body_h, width, border);
	pane_title(c, p, title, sizeof(title));
	mvwaddch(stdscr, c->body_y, x + 1, ' ');
	draw_text(stdscr, c->body_y, x + 2, title, width - 5,
	    focused ? draw_attr(UI_FOCUS) : draw_attr(UI_HEADING), DRAW_CUT);
	waddch(stdscr, ' ');
	for (int y = 0; y < inner; y++) {
		int line = p->offset + y;
		const struct pline *l;
		bool here, chosen;

		if (line >= pane_lines(p))
			break;
		l = &p->lines[line];
		/*
		 * The margin: the cursor's line and the rest of its paragraph;
		 * a paragraph in the basket has a bar of its own.
		 */
		here = focused && mark_para >= 0 && l->para == mark_para;
		chosen = l->para >= 0 && app_in_basket(app, p->para_ids[l->para]);
		draw_text(stdscr, c->body_y + 1 + y, x + 1,
		    focused && line == p->cursor ? "▌" : chosen ? "┃" : here ? "▏" : " ", 1,
		    draw_attr(chosen ? UI_CHOSEN : UI_MARK), 0);
		if (l->para >= 0)
			draw_para_line(p, l, c->body_y + 1 + y, x + 2, width - 4);
		else if (l->ref)
			draw_text(stdscr, c->body_y + 1 + y, x + 2 + REF_INDENT, l->text,
			    width - 4 - REF_INDENT, draw_attr(UI_REF), 0);
		else
			draw_text(stdscr, c->body_y + 1 + y, x + 2, l->text, width - 4,
			    draw_attr(UI_DIM), 0);
	}
	/* More below or above: say so on the bottom border. */
	if (p->offset + inner < pane_lines(p))
		/* TRANSLATORS: 6 columns, a space on each side. */
		draw_text(stdscr, c->body_y + c->body_h - 1, x + width - 8, _(" more "), 6, border, 0);
	else if (p->offset > 0)
		/* TRANSLATORS: 5 columns, a space on each side. */
		draw_text(stdscr, c->body_y + c->body_h - 1, x + width - 7, _(" end "), 5, border, 0);
}

static void
compare_draw(struct view *v, int rows, int cols)
{
	struct compare *c = v->data;
	const struct question_view *q;
	char left[512], right[64], heading[96];
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
	snprintf(right, sizeof(right), "%d/%zu beantwoord ", c->set.answered, c->set.n_addressed);
	draw_text(stdscr, 0, 0, " ", cols, draw_attr(UI_TITLE), DRAW_PAD);
	draw_text(stdscr, 0, 0, left, cols - text_width(right) - 2, draw_attr(UI_TITLE),
	    DRAW_CUT);
	draw_text_right(stdscr, 0, cols - text_width(right), right, text_width(right),
	    draw_attr(UI_TITLE));
	snprintf(heading, sizeof(heading), " Vraag %d van %d%s%s ", q->number, c->set.n_questions,
	    !c->diff ? "" : c->coarse ? _(" · differences in groups of words") :
	    _(" · differences"), c->refs ? _(" · references") : "");
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

		draw_pane(v->app, c, c->first + (size_t)i, x, w);
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
		app_message(v->app, "%s", delta > 0 ? _("This is the last vraag") : _("This is the first vraag"));
		return;
	}
	go_to(c, c->q[next].number, NULL);
}

/* The other pane that shows ministry, or n_panes when none does. */
static size_t
pane_showing(const struct compare *c, const char *ministry)
{
	for (size_t i = 0; i < c->n_panes; i++)
		if (i != c->focus && strcmp(c->panes[i].ministry, ministry) == 0)
			return i;
	return c->n_panes;
}

/* "  · pane 2: swaps" for a ministry that another pane shows, else "". */
static char *
swap_note(const struct compare *c, const char *ministry)
{
	size_t other = pane_showing(c, ministry);

	return other < c->n_panes ? xasprintf(_("  · pane %zu: swaps"), other + 1) : xstrdup("");
}

static void
ministry_chosen(void *ctx, size_t index)
{
	struct view *v = ctx;
	struct compare *c = v->data;
	struct pane *p = &c->panes[c->focus];
	const char *chosen = NULL;
	size_t k = 0, other;

	/* The picker listed answering ministries, then the others addressed. */
	for (size_t i = 0; i < c->set.n_answers; i++, k++)
		if (k == index)
			chosen = c->set.answers[i].ministry;
	for (size_t i = 0; i < c->set.n_addressed; i++) {
		if (imported(c, c->set.addressed[i]))
			continue;
		if (k++ == index)
			chosen = c->set.addressed[i];
	}
	if (!chosen)
		return;
	/* Two panes never show one ministry: the one that did takes this pane's. */
	if ((other = pane_showing(c, chosen)) < c->n_panes &&
	    &c->panes[other] != p) {
		struct pane *o = &c->panes[other];

		memcpy(o->ministry, p->ministry, sizeof(o->ministry));
		o->offset = o->cursor = 0;
	}
	snprintf(p->ministry, sizeof(p->ministry), "%s", chosen);
	p->offset = p->cursor = 0;
	reread(c);
}

static void
choose_ministry(struct view *v)
{
	struct compare *c = v->data;
	struct picker_request req = { 0 };
	char **items = NULL;
	size_t n = 0;

	for (size_t i = 0; i < c->set.n_answers; i++) {
		char date[DRAW_DATE_SIZE];

		char *note = swap_note(c, c->set.answers[i].ministry);

		draw_date(c->set.answers[i].received, date);
		model_strv_add(&items, &n, xasprintf(_("%-5s answered %s%s"), c->set.answers[i].ministry,
		    date, note));
		free(note);
		if (strcmp(c->set.answers[i].ministry, c->panes[c->focus].ministry) == 0)
			req.selected = n - 1;
	}
	for (size_t i = 0; i < c->set.n_addressed; i++) {
		if (imported(c, c->set.addressed[i]))
			continue;
		char *note = swap_note(c, c->set.addressed[i]);

		model_strv_add(&items, &n, xasprintf(_("%-5s not imported%s"), c->set.addressed[i], note));
		free(note);
		if (strcmp(c->set.addressed[i], c->panes[c->focus].ministry) == 0)
			req.selected = n - 1;
	}
	req.title = _("Ministry of this pane");
	req.items = items;
	req.n = n;
	req.ctx = v;
	req.chosen = ministry_chosen;
	app_push(v->app, &view_picker_ops, &req);
	model_strv_free(items, n);
}

static void
matrix_chosen(void *ctx, int vraag, const char *ministry)
{
	struct view *v = ctx;

	go_to(v->data, vraag, ministry);
}

static void
open_matrix(struct view *v)
{
	struct compare *c = v->data;
	struct matrix_request req = {
		.set = c->set_id,
		.vraag = c->q[c->vraag].number,
		.ministry = c->panes[c->focus].ministry,
		.q = c->q,
		.nq = c->nq,
		.ctx = v,
		.chosen = matrix_chosen,
	};

	app_push(v->app, &view_matrix_ops, &req);
}

static long long
compare_passage(struct view *v)
{
	struct compare *c = v->data;

	if (c->stale && c->rows > 0)
		layout(c, c->rows, c->cols);
	return passage_at_cursor(c);
}

/* a: every paragraph of the focused pane's answer in the basket, or out. */
static void
select_answer(struct view *v)
{
	struct compare *c = v->data;
	const struct pane *f = &c->panes[c->focus];

	if (f->n_paras == 0) {
		app_message(v->app, _("No answer from %s to select"), f->ministry);
		return;
	}
	app_toggle_basket(v->app, f->para_ids, f->n_paras);
}

/* e: the answers to this vraag of the ministries on the panes, to a file. */
static void
export_vraag(struct view *v)
{
	struct compare *c = v->data;
	struct export_item *items;
	struct error err = { "" };
	char **codes = xcalloc(c->n_panes + 1, sizeof(*codes)), what[32];
	size_t n;

	for (size_t i = 0; i < c->n_panes; i++)
		codes[i] = c->panes[i].ministry;
	if (store_export_set(app_store(v->app), c->set_id, c->q[c->vraag].number, codes,
	    c->n_panes, &items, &n, &err) != STATUS_OK) {
		app_message(v->app, "%s", err.msg);
		free(codes);
		return;
	}
	free(codes);
	snprintf(what, sizeof(what), "vraag %d", c->q[c->vraag].number);
	/* As on the screen: the answers side by side, where a format can. */
	app_export(v->app, items, n, what, EXPORT_SIDE_BY_SIDE);
}

static void
compare_handle(struct view *v, enum action action)
{
	struct compare *c = v->data;
	struct pane *f = &c->panes[c->focus];
	int page;
	long long doc, related;

	/* Keys typed ahead of a redraw act on the current layout. */
	if (c->stale && c->rows > 0)
		layout(c, c->rows, c->cols);
	page = c->body_h - 3 > 1 ? c->body_h - 3 : 1;
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
		scroll_focused(c, -pane_lines(f), -pane_lines(f));
		break;
	case ACTION_LAST:
		scroll_focused(c, pane_lines(f), pane_lines(f));
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
		app_message(v->app, "%s", c->sync ? _("Panes scroll together") : _("Panes scroll apart"));
		break;
	case ACTION_TOGGLE_DIFF:
		c->diff = !c->diff;
		mark(c);
		app_message(v->app, !c->diff ? _("Differences off") : c->coarse
		    ? _("These answers are too long to mark word by word: differences are marked in groups of words")
		    : _("Differences: plain = every pane says it, underlined = some do, reversed = only this pane"));
		break;
	case ACTION_TOGGLE_REFS:
		c->refs = !c->refs;
		c->stale = true;
		app_message(v->app, c->refs
		    ? _("References shown inline: Enter on one goes to its vraag")
		    : _("References folded"));
		break;
	case ACTION_MATRIX:
		open_matrix(v);
		break;
	case ACTION_RELATED:
		related = passage_at_cursor(c);
		if (related) {
			char about[64];
			struct search_request req = { NULL, related, about };

			snprintf(about, sizeof(about), _("the %s answer to vraag %d"), f->ministry,
			    c->q[c->vraag].number);
			app_push(v->app, &view_search_ops, &req);
		} else {
			app_message(v->app, _("Put the cursor on a paragraph of an answer first"));
		}
		break;
	case ACTION_CHOOSE_MINISTRY:
		choose_ministry(v);
		break;
	case ACTION_SELECT_ANSWER:
		select_answer(v);
		break;
	case ACTION_EXPORT_VRAAG:
		export_vraag(v);
		break;
	case ACTION_OPEN:
		if (f->cursor < pane_lines(f) && f->lines[f->cursor].goes_to) {
			go_to(c, f->lines[f->cursor].goes_to, f->ministry);
			break;
		}
		/* Enter elsewhere reads the document. */
		/* FALLTHROUGH */
	case ACTION_READER:
		doc = doc_of(c, f->ministry);
		if (!doc && notice_of(c, f->ministry))
			doc = notice_of(c, f->ministry)->doc;
		if (doc) {
			struct reader_request req = { doc, passage_at_cursor(c) };

			app_push(v->app, &view_reader_ops, &req);
		} else
			app_message(v->app, _("No answer from %s is imported"), f->ministry);
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
	const struct pane *f = &c->panes[c->focus];

	if (f->cursor < pane_lines(f) && f->lines[f->cursor].goes_to)
		snprintf(buf, size, _("Set %lld · vraag %zu/%zu · %s · Enter: vraag %d"), c->set_id,
		    c->vraag + 1, c->nq, f->ministry, f->lines[f->cursor].goes_to);
	else
		snprintf(buf, size, _("Set %lld · vraag %zu/%zu · %s (pane %zu/%zu)%s"), c->set_id,
		    c->vraag + 1, c->nq, f->ministry, c->focus + 1, c->n_panes,
		    c->sync ? "" : _(" · apart"));

}

static const struct view_hint compare_hints[] = {
	{ ACTION_NEXT_VRAAG, N_("next") },
	{ ACTION_PREV_VRAAG, N_("prev") },
	{ ACTION_NEXT_PANE, N_("pane") },
	{ ACTION_TOGGLE_DIFF, N_("diff") },
	{ ACTION_TOGGLE_REFS, N_("refs") },
	{ ACTION_SELECT, N_("select") },
	{ ACTION_EXPORT_VRAAG, N_("export") },
	{ ACTION_MATRIX, N_("matrix") },
	{ ACTION_CHOOSE_MINISTRY, N_("ministry") },
	{ ACTION_READER, N_("read") },
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
	.passage = compare_passage,
	.close = compare_close,
};
