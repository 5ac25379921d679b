/*
 * view_matrix: a set at a glance.  Rows are the vragen, columns the
 * ministries the set was sent to (and any other that answered).  A cell
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
#include "model.h"
#include "store.h"
#include "text.h"
#include "view.h"
#include "view_matrix.h"
#include "xalloc.h"

#define LABEL_W 10
#define CELL_W 9

enum cell_kind {
	CELL_NOT_IMPORTED,	/* no document of this ministry */
	CELL_NO_ANSWER,		/* its document does not answer this vraag */
	CELL_ANSWER,
};

struct cell {
	enum cell_kind kind;
	size_t words;
	double alike;		/* the highest similarity with another answer, or -1 */
};

struct matrix {
	long long set_id;
	char subject[256];
	int *vragen;		/* vraag numbers, one per row */
	size_t n_rows;
	char **ministries;	/* one per column */
	size_t n_cols;
	struct cell *cells;	/* n_rows x n_cols */
	size_t row, col;	/* the selection */
	size_t top, left;	/* the first row and column on screen */
	int rows_shown, cols_shown;
	void *ctx;
	void (*chosen)(void *ctx, int vraag, const char *ministry);
};

static struct cell *
cell(struct matrix *m, size_t row, size_t col)
{
	return &m->cells[row * m->n_cols + col];
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
	struct compare_text *t = xcalloc(m->n_cols, sizeof(*t));
	const char ***paras = xcalloc(m->n_cols, sizeof(*paras));

	for (size_t col = 0; col < m->n_cols; col++) {
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
			compare_text_init(&t[col], paras[col], a->n_paragraphs, 0);
			c->kind = CELL_ANSWER;
			c->words = t[col].n;
		}
	}
	for (size_t a = 0; a < m->n_cols; a++) {
		for (size_t b = a + 1; b < m->n_cols; b++) {
			double s;

			if (cell(m, row, a)->kind != CELL_ANSWER || cell(m, row, b)->kind != CELL_ANSWER)
				continue;
			s = compare_similarity(&t[a], &t[b]);
			if (s > cell(m, row, a)->alike)
				cell(m, row, a)->alike = s;
			if (s > cell(m, row, b)->alike)
				cell(m, row, b)->alike = s;
		}
	}
	for (size_t col = 0; col < m->n_cols; col++) {
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
	struct question_view *q = NULL;
	struct error err = { "" };
	size_t nq = 0;

	v->data = m;
	m->set_id = req->set;
	m->ctx = req->ctx;
	m->chosen = req->chosen;
	if (store_set_get(app_store(v->app), req->set, &set, &err) != STATUS_OK ||
	    store_questions(app_store(v->app), req->set, 0, NULL, 0, &q, &nq, &err) != STATUS_OK) {
		app_message(v->app, "Cannot read set %lld: %s", req->set, err.msg);
		store_set_info_clear(&set);
		free(m);
		return false;
	}
	snprintf(m->subject, sizeof(m->subject), "%s", set.subject ? set.subject : "");
	for (size_t i = 0; i < set.n_addressed; i++)
		model_strv_add(&m->ministries, &m->n_cols, xstrdup(set.addressed[i]));
	for (size_t i = 0; i < set.n_answers; i++)
		if (!has_code(m->ministries, m->n_cols, set.answers[i].ministry))
			model_strv_add(&m->ministries, &m->n_cols, xstrdup(set.answers[i].ministry));
	m->n_rows = nq;
	m->vragen = xcalloc(nq + 1, sizeof(*m->vragen));
	m->cells = xcalloc(nq * m->n_cols + 1, sizeof(*m->cells));
	for (size_t r = 0; r < nq; r++) {
		m->vragen[r] = q[r].number;
		fill_row(m, r, &q[r], &set);
		if (q[r].number == req->vraag)
			m->row = r;
	}
	for (size_t col = 0; req->ministry && col < m->n_cols; col++)
		if (strcmp(m->ministries[col], req->ministry) == 0)
			m->col = col;
	store_questions_free(q, nq);
	store_set_info_clear(&set);
	return true;
}

static void
matrix_close(struct view *v)
{
	struct matrix *m = v->data;

	model_strv_free(m->ministries, m->n_cols);
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

	m->rows_shown = rows - 5 > 1 ? rows - 5 : 1;
	m->cols_shown = (cols - LABEL_W) / CELL_W > 1 ? (cols - LABEL_W) / CELL_W : 1;
	if (m->row < m->top)
		m->top = m->row;
	if (m->row >= m->top + (size_t)m->rows_shown)
		m->top = m->row - (size_t)m->rows_shown + 1;
	if (m->col < m->left)
		m->left = m->col;
	if (m->col >= m->left + (size_t)m->cols_shown)
		m->left = m->col - (size_t)m->cols_shown + 1;

	snprintf(buf, sizeof(buf), " Set %lld · matrix · ", m->set_id);
	draw_text(stdscr, 0, 0, " ", cols, draw_attr(UI_TITLE), DRAW_PAD);
	draw_text(stdscr, 0, 0, buf, cols, draw_attr(UI_TITLE), 0);
	draw_text(stdscr, 0, text_width(buf), m->subject, cols - text_width(buf) - 1,
	    draw_attr(UI_TITLE), DRAW_CUT);
	draw_hline(stdscr, 1, 0, cols, draw_attr(UI_BORDER));
	for (int c = 0; c < m->cols_shown && m->left + (size_t)c < m->n_cols; c++)
		draw_text(stdscr, 2, LABEL_W + c * CELL_W, m->ministries[m->left + (size_t)c],
		    CELL_W - 1, draw_attr(UI_HEADING), DRAW_CUT);
	for (int r = 0; r < m->rows_shown && m->top + (size_t)r < m->n_rows; r++) {
		size_t row = m->top + (size_t)r;

		snprintf(buf, sizeof(buf), " Vraag %d", m->vragen[row]);
		draw_text(stdscr, 3 + r, 0, buf, LABEL_W, draw_attr(UI_NORMAL), 0);
		for (int c = 0; c < m->cols_shown && m->left + (size_t)c < m->n_cols; c++) {
			size_t col = m->left + (size_t)c;
			const struct cell *x = cell(m, row, col);
			bool sel = row == m->row && col == m->col;
			enum ui look = x->kind == CELL_ANSWER ? UI_NORMAL : UI_DIM;

			if (x->kind == CELL_NOT_IMPORTED)
				snprintf(buf, sizeof(buf), "   —");
			else if (x->kind == CELL_NO_ANSWER)
				snprintf(buf, sizeof(buf), "   ·");
			else
				snprintf(buf, sizeof(buf), "%4zuw %s", x->words, shade(x->alike));
			draw_text(stdscr, 3 + r, LABEL_W + c * CELL_W, buf, CELL_W - 1,
			    sel ? draw_attr(UI_CURSOR) : draw_attr(look), DRAW_PAD);
		}
	}
	draw_text(stdscr, rows - 1, 1,
	    "words · most alike other answer: █ 90% ▓ 75% ▒ 50% ░ 25% · less · — not imported",
	    cols - 2, draw_attr(UI_DIM), DRAW_CUT);
}

static void
matrix_handle(struct view *v, enum action action)
{
	struct matrix *m = v->data;

	switch (action) {
	case ACTION_DOWN:
		if (m->row + 1 < m->n_rows)
			m->row++;
		break;
	case ACTION_UP:
		if (m->row > 0)
			m->row--;
		break;
	case ACTION_PAGE_DOWN:
		m->row = m->row + (size_t)m->rows_shown < m->n_rows ? m->row + (size_t)m->rows_shown
		    : (m->n_rows ? m->n_rows - 1 : 0);
		break;
	case ACTION_PAGE_UP:
		m->row = m->row > (size_t)m->rows_shown ? m->row - (size_t)m->rows_shown : 0;
		break;
	case ACTION_FIRST:
		m->row = 0;
		break;
	case ACTION_LAST:
		m->row = m->n_rows ? m->n_rows - 1 : 0;
		break;
	case ACTION_PANE_LEFT:
		if (m->col > 0)
			m->col--;
		break;
	case ACTION_PANE_RIGHT:
		if (m->col + 1 < m->n_cols)
			m->col++;
		break;
	case ACTION_OPEN:
		if (m->n_rows && m->n_cols) {
			void (*chosen)(void *, int, const char *) = m->chosen;
			void *ctx = m->ctx;
			int vraag = m->vragen[m->row];
			char ministry[16];

			snprintf(ministry, sizeof(ministry), "%s", m->ministries[m->col]);
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

	if (event == MOUSE_WHEEL_UP)
		matrix_handle(v, ACTION_UP);
	else if (event == MOUSE_WHEEL_DOWN)
		matrix_handle(v, ACTION_DOWN);
	else if (y >= 3 && x >= LABEL_W && m->top + (size_t)(y - 3) < m->n_rows &&
	    m->left + (size_t)((x - LABEL_W) / CELL_W) < m->n_cols) {
		m->row = m->top + (size_t)(y - 3);
		m->col = m->left + (size_t)((x - LABEL_W) / CELL_W);
	}
}

static void
matrix_status(struct view *v, char *buf, size_t size)
{
	struct matrix *m = v->data;
	const struct cell *x;

	if (!m->n_rows || !m->n_cols) {
		snprintf(buf, size, "Matrix · empty");
		return;
	}
	x = cell(m, m->row, m->col);
	if (x->kind == CELL_ANSWER && x->alike >= 0)
		snprintf(buf, size, "Vraag %d · %s · %zu words · %.0f%% alike", m->vragen[m->row],
		    m->ministries[m->col], x->words, 100 * x->alike);
	else
		snprintf(buf, size, "Vraag %d · %s · %s", m->vragen[m->row], m->ministries[m->col],
		    x->kind == CELL_NOT_IMPORTED ? "not imported" :
		    x->kind == CELL_NO_ANSWER ? "no answer to this vraag" : "the only answer");
}

static const struct view_hint matrix_hints[] = {
	{ ACTION_OPEN, "compare" },
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
