/*
 * view_matrix: a set at a glance.  Rows are the vragen, columns the
 * ministries the set was sent to (and any other that answered); a
 * ministry that a successor answered for is that successor's column,
 * headed "EZK→KGG".  A cell
 * says whether that ministry's answer is imported and answers the vraag,
 * how many words it has, and, as a shade, how alike it is to the most
 * alike other answer to the same vraag (compare_similarity).  Enter goes
 * back to the compare view at that vraag and ministry.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "compare.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "model.h"
#include "store.h"
#include "text.h"
#include "view.h"
#include "view_matrix.h"
#include "xalloc.h"

#define LABEL_W 10
#define CELL_W 9

/*
 * The most units (compare.h) an answer has for its similarity here: a
 * longer one is compared in groups of words, and its cell says so.  The
 * compare view under the matrix holds the answers already; two at the
 * import's limit then fit in 64 MB with it.
 */
#define MATRIX_UNITS ((size_t)1 << 18)

enum cell_kind {
	CELL_NOT_IMPORTED,	/* no document of this ministry */
	CELL_NO_ANSWER,		/* its document does not answer this vraag */
	CELL_ANSWER,
};

struct cell {
	enum cell_kind kind;
	size_t words;
	double alike;		/* the highest similarity with another answer, or -1 */
	bool coarse;		/* that similarity is of groups of words */
};

struct matrix {
	long long set_id;
	char subject[256];
	int *vragen;		/* vraag numbers, one per row */
	char **ministries;	/* one per column: whose answers it shows */
	char **labels;		/* its heading: the code, or "EZK→KGG" */
	struct cell *cells;	/* rows.count x cols.count */
	/* The selection is the cell at the cursor of both. */
	struct list rows;	/* the vragen */
	struct list cols;	/* the ministries: a row of this list is a column */
	void *ctx;
	void (*chosen)(void *ctx, int vraag, const char *ministry);
};

static struct cell *
cell(struct matrix *m, size_t row, size_t col)
{
	return &m->cells[row * m->cols.count + col];
}

static bool
has_code(char **v, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], code) == 0)
			return true;
	return false;
}

/* One vraag: every answer as words, then each answer's best match. */
static void
fill_row(struct matrix *m, size_t row, const struct question_view *q,
    const struct set_info *set)
{
	size_t n_cols = m->cols.count;
	struct compare_text *t = xcalloc(n_cols, sizeof(*t));
	const char ***paras = xcalloc(n_cols, sizeof(*paras));

	for (size_t col = 0; col < n_cols; col++) {
		struct cell *c = cell(m, row, col);
		bool in_set = false;

		c->alike = -1;
		for (size_t i = 0; i < set->n_answers; i++)
			in_set = in_set || strcmp(set->answers[i].ministry, m->ministries[col]) == 0;
		c->kind = in_set ? CELL_NO_ANSWER : CELL_NOT_IMPORTED;
		for (size_t i = 0; i < q->n_answers; i++) {
			const struct answer_view *a = &q->answers[i];

			if (strcmp(a->ministry, m->ministries[col]) != 0 || a->n_paragraphs == 0)
				continue;
			paras[col] = xcalloc(a->n_paragraphs, sizeof(**paras));
			for (size_t k = 0; k < a->n_paragraphs; k++)
				paras[col][k] = a->paragraphs[k].text;
			compare_text_init_units(&t[col], paras[col], a->n_paragraphs, 0,
			    MATRIX_UNITS);
			c->kind = CELL_ANSWER;
			c->words = t[col].n_words;
		}
	}
	for (size_t a = 0; a < n_cols; a++) {
		for (size_t b = a + 1; b < n_cols; b++) {
			struct cell *x = cell(m, row, a), *y = cell(m, row, b);
			bool coarse;
			double s;

			if (x->kind != CELL_ANSWER || y->kind != CELL_ANSWER)
				continue;
			s = compare_similarity(&t[a], &t[b], &coarse);
			if (s > x->alike) {
				x->alike = s;
				x->coarse = coarse;
			}
			if (s > y->alike) {
				y->alike = s;
				y->coarse = coarse;
			}
		}
	}
	for (size_t col = 0; col < n_cols; col++) {
		compare_text_free(&t[col]);
		free(paras[col]);
	}
	free(paras);
	free(t);
}

static bool
matrix_open(struct view *v, const void *arg)
{
	const struct matrix_request *req = arg;
	struct matrix *m = xcalloc(1, sizeof(*m));
	struct set_info set = { 0 };
	struct question_view *read = NULL;
	const struct question_view *q = req->q;
	struct error err = { "" };
	size_t nq = req->nq;

	v->data = m;
	m->set_id = req->set;
	m->ctx = req->ctx;
	m->chosen = req->chosen;
	if (store_set_get(app_store(v->app), req->set, &set, &err) != STATUS_OK ||
	    (!q && store_questions(app_store(v->app), req->set, 0, NULL, 0, &read, &nq,
	    &err) != STATUS_OK)) {
		app_message(v->app, _("Cannot read set %lld: %s"), req->set, err.msg);
		store_set_info_clear(&set);
		free(m);
		return false;
	}
	if (read)
		q = read;
	snprintf(m->subject, sizeof(m->subject), "%s", set.subject ? set.subject : "");
	for (size_t i = 0; i < set.n_coverage; i++) {
		const struct set_coverage *c = &set.coverage[i];
		size_t k = m->cols.count;

		if (c->succession && has_code(m->ministries, m->cols.count, c->answered_by))
			continue;
		model_strv_add(&m->labels, &k, c->succession ?
		    xasprintf("%s→%s", c->ministry, c->answered_by) : xstrdup(c->ministry));
		model_strv_add(&m->ministries, &m->cols.count,
		    xstrdup(c->succession ? c->answered_by : c->ministry));
	}
	for (size_t i = 0; i < set.n_answers; i++) {
		size_t k = m->cols.count;

		if (has_code(m->ministries, m->cols.count, set.answers[i].ministry))
			continue;
		model_strv_add(&m->labels, &k, xstrdup(set.answers[i].ministry));
		model_strv_add(&m->ministries, &m->cols.count, xstrdup(set.answers[i].ministry));
	}
	m->rows.count = nq;
	m->vragen = xcalloc(nq + 1, sizeof(*m->vragen));
	m->cells = xcalloc(nq * m->cols.count + 1, sizeof(*m->cells));
	for (size_t r = 0; r < nq; r++) {
		m->vragen[r] = q[r].number;
		fill_row(m, r, &q[r], &set);
		if (q[r].number == req->vraag)
			m->rows.cursor = r;
	}
	for (size_t col = 0; req->ministry && col < m->cols.count; col++)
		if (strcmp(m->ministries[col], req->ministry) == 0)
			m->cols.cursor = col;
	if (read)
		store_questions_free(read, nq);
	store_set_info_clear(&set);
	return true;
}

static void
matrix_close(struct view *v)
{
	struct matrix *m = v->data;

	model_strv_free(m->ministries, m->cols.count);
	model_strv_free(m->labels, m->cols.count);
	free(m->vragen);
	free(m->cells);
	free(m);
}

/* The shade of a similarity: the more alike, the darker. */
static const char *
shade(double alike)
{
	if (alike < 0)
		return " ";
	if (alike >= 0.9)
		return "█";
	if (alike >= 0.75)
		return "▓";
	if (alike >= 0.5)
		return "▒";
	if (alike >= 0.25)
		return "░";
	return "·";
}

static void
matrix_draw(struct view *v, int rows, int cols)
{
	struct matrix *m = v->data;
	char buf[64];

	m->rows.height = rows - 5 > 1 ? (size_t)(rows - 5) : 1;
	m->cols.height = (cols - LABEL_W) / CELL_W > 1 ? (size_t)((cols - LABEL_W) / CELL_W) : 1;
	list_scroll_into_view(&m->rows);
	list_scroll_into_view(&m->cols);

	snprintf(buf, sizeof(buf), _(" Set %lld · matrix · "), m->set_id);
	draw_text(stdscr, 0, 0, " ", cols, draw_attr(UI_TITLE), DRAW_PAD);
	draw_text(stdscr, 0, 0, buf, cols, draw_attr(UI_TITLE), 0);
	draw_text(stdscr, 0, text_width(buf), m->subject, cols - text_width(buf) - 1,
	    draw_attr(UI_TITLE), DRAW_CUT);
	draw_hline(stdscr, 1, 0, cols, draw_attr(UI_BORDER));
	for (size_t c = 0; c < m->cols.height && m->cols.top + c < m->cols.count; c++)
		draw_text(stdscr, 2, LABEL_W + (int)c * CELL_W, m->labels[m->cols.top + c],
		    CELL_W - 1, draw_attr(UI_HEADING), DRAW_CUT);
	for (size_t r = 0; r < m->rows.height && m->rows.top + r < m->rows.count; r++) {
		size_t row = m->rows.top + r;

		snprintf(buf, sizeof(buf), " Vraag %d", m->vragen[row]);
		draw_text(stdscr, 3 + (int)r, 0, buf, LABEL_W, draw_attr(UI_NORMAL), 0);
		for (size_t c = 0; c < m->cols.height && m->cols.top + c < m->cols.count; c++) {
			size_t col = m->cols.top + c;
			const struct cell *x = cell(m, row, col);
			bool sel = row == m->rows.cursor && col == m->cols.cursor;
			enum ui look = x->kind == CELL_ANSWER ? UI_NORMAL : UI_DIM;

			if (x->kind == CELL_NOT_IMPORTED)
				snprintf(buf, sizeof(buf), "   —");
			else if (x->kind == CELL_NO_ANSWER)
				snprintf(buf, sizeof(buf), "   ·");
			else
				/* Thousands past 9999: the mark and shade stay in the cell. */
				snprintf(buf, sizeof(buf), x->words < 10000 ? "%4zuw%s%s" : "%4zuk%s%s",
				    x->words < 10000 ? x->words : x->words / 1000,
				    x->coarse ? "~" : " ", shade(x->alike));
			draw_text(stdscr, 3 + (int)r, LABEL_W + (int)c * CELL_W, buf, CELL_W - 1,
			    sel ? draw_attr(UI_CURSOR) : draw_attr(look), DRAW_PAD);
		}
	}
	draw_text(stdscr, rows - 1, 1,
	    _("words · most alike other answer: █ 90% ▓ 75% ▒ 50% ░ 25% · less · — not imported"),
	    cols - 2, draw_attr(UI_DIM), DRAW_CUT);
}

static void
matrix_handle(struct view *v, enum action action)
{
	struct matrix *m = v->data;

	if (list_move(&m->rows, action))
		return;
	switch (action) {
	case ACTION_PANE_LEFT:
		list_move(&m->cols, ACTION_UP);
		break;
	case ACTION_PANE_RIGHT:
		list_move(&m->cols, ACTION_DOWN);
		break;
	case ACTION_OPEN:
		if (m->rows.count && m->cols.count) {
			void (*chosen)(void *, int, const char *) = m->chosen;
			void *ctx = m->ctx;
			int vraag = m->vragen[m->rows.cursor];
			char ministry[MINISTRY_CODE_SIZE];

			snprintf(ministry, sizeof(ministry), "%s", m->ministries[m->cols.cursor]);
			app_pop(v->app);	/* frees m */
			chosen(ctx, vraag, ministry);
		}
		break;
	default:
		break;
	}
}

static void
matrix_mouse(struct view *v, enum mouse event, int y, int x)
{
	struct matrix *m = v->data;
	size_t row, col;

	if (list_wheel(&m->rows, event))
		return;
	if (y >= 3 && x >= LABEL_W && list_row_at(&m->rows, y - 3, &row) &&
	    list_row_at(&m->cols, (x - LABEL_W) / CELL_W, &col)) {
		m->rows.cursor = row;
		m->cols.cursor = col;
	}
}

static void
matrix_status(struct view *v, char *buf, size_t size)
{
	struct matrix *m = v->data;
	const struct cell *x;

	if (!m->rows.count || !m->cols.count) {
		snprintf(buf, size, "%s", _("Matrix · empty"));
		return;
	}
	x = cell(m, m->rows.cursor, m->cols.cursor);
	if (x->kind == CELL_ANSWER && x->alike >= 0 && x->coarse)
		snprintf(buf, size, _("Vraag %d · %s · %zu words · about %.0f%% alike (~: too long to compare word by word)"),
		    m->vragen[m->rows.cursor], m->labels[m->cols.cursor], x->words,
		    100 * x->alike);
	else if (x->kind == CELL_ANSWER && x->alike >= 0)
		snprintf(buf, size, _("Vraag %d · %s · %zu words · %.0f%% alike"),
		    m->vragen[m->rows.cursor], m->labels[m->cols.cursor], x->words,
		    100 * x->alike);
	else
		snprintf(buf, size, "Vraag %d · %s · %s", m->vragen[m->rows.cursor],
		    m->labels[m->cols.cursor],
		    x->kind == CELL_NOT_IMPORTED ? _("not imported") :
		    x->kind == CELL_NO_ANSWER ? _("no answer to this vraag") : _("the only answer"));

}

static const struct view_hint matrix_hints[] = {
	{ ACTION_OPEN, N_("compare") },
	{ ACTION_NONE, NULL },
};

const struct view_ops view_matrix_ops = {
	.name = "matrix",
	.scope = SCOPE_MATRIX,
	.min_cols = 40,
	.min_rows = 8,
	.open = matrix_open,
	.draw = matrix_draw,
	.handle = matrix_handle,
	.mouse = matrix_mouse,
	.status = matrix_status,
	.hints = matrix_hints,
	.close = matrix_close,
};
