/*
 * cli_diff: diff and matrix, the word differences between ministries' answers
 * and how alike they are (compare.h).
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "oom.h"
#include "compare.h"
#include "i18n.h"
#include "json.h"
#include "model.h"
#include "text.h"
#include "xalloc.h"

/* ------------------------------------------------------- diff and matrix */

/*
 * What diff and matrix say when the answers were too long to compare word
 * by word (compare.h): in groups of words, or with a stretch left whole.
 */
#define COARSE_DIFF N_("These answers are too long to compare word by word: some differences are shown larger than they are, and the similarity is approximate.")
#define COARSE_MATRIX N_("~ these answers are too long to compare word by word: their similarity is approximate.")

/*
 * A similarity with decimals (at most 10) digits, never rounded up to 1
 * when it is not 1: "1.00" says that the answers are the same.
 */
static const char *
similarity_text(double v, int decimals, char *buf, size_t size)
{
	snprintf(buf, size, "%.*f", decimals, v);
	if (v < 1 && buf[0] == '1')
		snprintf(buf, size, "0.%.*s", decimals, "9999999999");
	return buf;
}

/*
 * The ministries that answered a set, each once, in the order of
 * set_info.answers, with the first document of each (a ministry that
 * answered twice is compared by its first answer).
 */
struct answering {
	char **codes;
	long long *docs;
	size_t n;
};

static void
answering_init(struct answering *w, const struct set_info *set)
{
	memset(w, 0, sizeof(*w));
	w->docs = xcalloc(set->n_answers + 1, sizeof(*w->docs));
	for (size_t i = 0; i < set->n_answers; i++) {
		const struct set_answer *a = &set->answers[i];
		bool seen = !a->ministry[0];

		for (size_t k = 0; k < w->n && !seen; k++)
			seen = strcmp(w->codes[k], a->ministry) == 0;
		if (seen)
			continue;
		w->docs[w->n] = a->doc;
		model_strv_add(&w->codes, &w->n, xstrdup(a->ministry));
	}
}

static void
answering_free(struct answering *w)
{
	model_strv_free(w->codes, w->n);
	free(w->docs);
	memset(w, 0, sizeof(*w));
}

/* The position of code among the answering ministries, or -1. */
static long
answering_find(const struct answering *w, const char *code)
{
	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->codes[i], code) == 0)
			return (long)i;
	return -1;
}

/* "AZ, BZK": newly allocated. */
static char *
answering_list(const struct answering *w)
{
	char *s = xstrdup(w->n ? "" : "none");

	for (size_t i = 0; i < w->n; i++) {
		char *t = xasprintf("%s%s%s", s, i ? ", " : "", w->codes[i]);

		free(s);
		s = t;
	}
	return s;
}

/* The answer of document doc in q, or NULL. */
static const struct answer_view *
answer_by_doc(const struct question_view *q, long long doc)
{
	for (size_t i = 0; i < q->n_answers; i++)
		if (q->answers[i].doc == doc)
			return &q->answers[i];
	return NULL;
}

/*
 * An answer as compare sees it.  The paragraph array is the text's and
 * freed with it by compared_free; the strings stay the answer's.
 */
static void
compared_init(struct compare_text *t, const struct answer_view *a,
    unsigned flags)
{
	const char **paras = xcalloc(a->n_paragraphs + 1, sizeof(*paras));

	for (size_t i = 0; i < a->n_paragraphs; i++)
		paras[i] = a->paragraphs[i].text ? a->paragraphs[i].text : "";
	compare_text_init(t, paras, a->n_paragraphs, flags);
}

static void
compared_free(struct compare_text *t)
{
	const char *const *paras = t->paras;

	compare_text_free(t);
	free((void *)paras);
}

/* Where the human diff is: which line of a's paragraphs, and how it looks. */
struct diff_out {
	bool colour;
	bool line_start;	/* nothing printed on this line yet */
	bool started;		/* something printed at all */
	size_t para;		/* the paragraph of a this line shows */
};

#define COLOUR_DELETE "\033[31m"
#define COLOUR_INSERT "\033[32m"
#define COLOUR_RESET "\033[m"

/*
 * The words of a run longer than this are written in parts of as many
 * words: a run of an answer at the import's limit is some 8 MB, and as one
 * string (and its sanitised copy) it would take more memory than the diff.
 */
#define DIFF_PART 4096

/* One piece of the diff: words [from, to) of t marked as op says, after a space. */
static void
diff_piece(struct diff_out *o, enum compare_op op, const struct compare_text *t,
    size_t from, size_t to)
{
	static const char *const opening[] = {
		[COMPARE_EQUAL] = "", [COMPARE_DELETE] = "[-", [COMPARE_INSERT] = "{+",
	};
	static const char *const closing[] = {
		[COMPARE_EQUAL] = "", [COMPARE_DELETE] = "-]", [COMPARE_INSERT] = "+}",
	};

	if (from >= to)
		return;
	if (!o->line_start)
		cli_say(" ");
	/* The colours are ours, written past cli_say(), which would strip them. */
	if (o->colour && op != COMPARE_EQUAL)
		fputs(op == COMPARE_DELETE ? COLOUR_DELETE : COLOUR_INSERT, stdout);
	if (to - from <= DIFF_PART) {
		char *text = compare_words_text(t, from, to);

		cli_say("%s%s%s", opening[op], text, closing[op]);
		free(text);
	} else {
		cli_say("%s", opening[op]);
		for (size_t k = from; k < to; k += DIFF_PART) {
			char *text = compare_words_text(t, k, k + DIFF_PART < to ?
			    k + DIFF_PART : to);

			cli_say("%s%s", k > from ? " " : "", text);
			free(text);
		}
		cli_say("%s", closing[op]);
	}
	if (o->colour && op != COMPARE_EQUAL)
		fputs(COLOUR_RESET, stdout);
	o->line_start = false;
	o->started = true;
}

/*
 * Words [from, to) of a, cut where a's paragraphs end: each paragraph of
 * a is a line of its own, with a blank line between.
 */
static void
diff_a_words(struct diff_out *o, const struct compare_text *a,
    enum compare_op op, size_t from, size_t to)
{
	while (from < to) {
		size_t para = compare_word_para(a, from), end = from + 1;

		while (end < to && compare_word_para(a, end) == para)
			end++;
		if (o->started && para != o->para) {
			cli_say("\n\n");
			o->line_start = true;
		}
		o->para = para;
		diff_piece(o, op, a, from, end);
		from = end;
	}
}

static void
say_diff(const struct compare_text *a, const struct compare_text *b,
    const struct compare_run *runs, size_t n_runs)
{
	const char *no_color = getenv("NO_COLOR");
	struct diff_out o = {
		.colour = isatty(STDOUT_FILENO) && !(no_color && *no_color),
		.line_start = true,
	};

	for (size_t i = 0; i < n_runs; i++) {
		const struct compare_run *r = &runs[i];

		if (r->op == COMPARE_INSERT)
			diff_piece(&o, r->op, b, r->b_from, r->b_to);
		else
			diff_a_words(&o, a, r->op, r->a_from, r->a_to);
	}
	if (!o.line_start)
		cli_say("\n");
}

/* Words [from, to) of t as the JSON string of the key text, in parts. */
static void
json_words(struct json *j, const struct compare_text *t, size_t from, size_t to)
{
	json_key(j, "text");
	json_string_begin(j);
	for (size_t k = from; k < to; k += DIFF_PART) {
		char *text = compare_words_text(t, k, k + DIFF_PART < to ?
		    k + DIFF_PART : to);

		if (k > from)
			json_string_part(j, " ");
		json_string_part(j, text);
		free(text);
	}
	json_string_end(j);
}

/*
 * "coarse":true follows the similarity only when the answers were too
 * long to compare word by word: the output of every other pair stays as
 * it was.
 */
static void
json_diff(int vraag, const char *code_a, const char *code_b, double similarity,
    bool coarse, const struct compare_text *a, const struct compare_text *b,
    const struct compare_run *runs, size_t n_runs)
{
	static const char *const names[] = {
		[COMPARE_EQUAL] = "equal",
		[COMPARE_DELETE] = "delete",
		[COMPARE_INSERT] = "insert",
	};
	struct json j;

	json_init(&j, stdout, false);
	json_object_begin(&j);
	json_kv_int(&j, "vraag", vraag);
	json_kv_string(&j, "a", code_a);
	json_kv_string(&j, "b", code_b);
	json_kv_double(&j, "similarity", similarity);
	if (coarse) {
		json_key(&j, "coarse");
		json_bool(&j, true);
	}
	json_key(&j, "ops");
	json_array_begin(&j);
	for (size_t i = 0; i < n_runs; i++) {
		const struct compare_run *r = &runs[i];

		json_object_begin(&j);
		json_kv_string(&j, "op", names[r->op]);
		if (r->op == COMPARE_INSERT)
			json_words(&j, b, r->b_from, r->b_to);
		else
			json_words(&j, a, r->a_from, r->a_to);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

/*
 * Which two answers diff compares: the ministries asked for, else the
 * first two that answered.  Their positions in w go to pick; false with a
 * message.
 */
static bool
diff_pick(const struct set_info *set, const struct answering *w,
    char *const *asked, size_t pick[2])
{
	char *list = answering_list(w);
	bool ok = true;

	if (asked) {
		for (size_t i = 0; i < 2 && ok; i++) {
			long at = answering_find(w, asked[i]);

			if (at < 0) {
				cli_complain("diff: %s has no imported answer in set %lld (answered: %s)",
				    asked[i], set->id, list);
				ok = false;
			} else {
				pick[i] = (size_t)at;
			}
		}
	} else if (w->n < 2) {
		cli_complain("diff: set %lld needs the answers of two ministries to compare (answered: %s; import another ministry's answer)",
		    set->id, list);
		ok = false;
	} else {
		pick[0] = 0;
		pick[1] = 1;
	}
	free(list);
	return ok;
}

/* What the options of diff say, checked. */
struct diff_opts {
	long long set;
	long long vraag;
	char **asked;		/* the two ministries of --ministries, or NULL */
	size_t n_asked;
	unsigned flags;		/* of compare_text_init */
	bool json;
};

/* Reads the options of diff into o; -1 when they are right, else the exit status. */
static int
diff_options(int argc, char **argv, struct diff_opts *o)
{
	static const struct option options[] = {
		{ "vraag", required_argument, NULL, 'v' },
		{ "ministries", required_argument, NULL, 'm' },
		{ "ignore-case", no_argument, NULL, 'i' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":v:m:ijh", options, NULL)) != -1) {
		switch (c) {
		case 'v':
			if (!cli_parse_number(optarg, &o->vraag) || o->vraag > INT_MAX)
				return cli_usage("diff", "--vraag needs a vraag number such as 1");
			break;
		case 'm':
			model_strv_free(o->asked, o->n_asked);
			if (!cli_parse_ministries("diff", "--ministries", optarg, &o->asked,
			    &o->n_asked))
				return 2;
			break;
		case 'i':
			o->flags |= COMPARE_IGNORE_CASE;
			break;
		case 'j':
			o->json = true;
			break;
		case 'h':
			return cli_help("diff");
		case ':':
			return cli_usage("diff", "option needs a value");
		default:
			return cli_usage("diff", "unknown option");
		}
	}
	if ((rc = cli_set_arg("diff", argc, argv, &o->set)) >= 0)
		return rc;
	if (o->vraag == 0)
		return cli_usage("diff", "say which vraag to compare with --vraag N");
	if (o->asked && o->n_asked != 2)
		return cli_usage("diff", "--ministries needs exactly two codes, such as AZ,BZK");
	if (o->asked && strcmp(o->asked[0], o->asked[1]) == 0)
		return cli_usage("diff", "--ministries needs two different ministries");
	return -1;
}

/* What naast says if memory runs out while it compares the answers of set id. */
static void
comparing_set(long long id)
{
	char name[24];

	snprintf(name, sizeof(name), "%lld", id);
	oom_doing(OOM_COMPARING, name);
}

int
cli_diff(struct cli *cli, int argc, char **argv)
{
	struct diff_opts o = { 0 };
	struct set_info set = { 0 };
	struct answering w = { 0 };
	struct question_view *qs = NULL;
	struct compare_text ta = { 0 }, tb = { 0 };
	struct compare_run *runs = NULL;
	struct error err = { "" };
	const struct answer_view *a, *b;
	struct store *st;
	char *codes[2];
	size_t nq = 0, n_runs, pick[2];
	bool compared = false, coarse, rough;
	double similarity;
	int rc;

	if ((rc = diff_options(argc, argv, &o)) >= 0)
		goto out;
	rc = 1;
	if (!(st = cli_store(cli)) || !cli_set_get(st, "diff", o.set, o.vraag, &set))
		goto out;
	comparing_set(o.set);
	answering_init(&w, &set);
	if (!diff_pick(&set, &w, o.asked, pick))
		goto out;
	codes[0] = w.codes[pick[0]];
	codes[1] = w.codes[pick[1]];
	if (store_questions(st, o.set, (int)o.vraag, codes, 2, &qs, &nq, &err) !=
	    STATUS_OK) {
		cli_complain("diff: %s", err.msg);
		goto out;
	}
	for (size_t i = 0; i < 2; i++) {
		if (!answer_by_doc(&qs[0], w.docs[pick[i]])) {
			cli_complain("diff: the answer of %s in set %lld has no antwoord to vraag %lld",
			    codes[i], o.set, o.vraag);
			goto out;
		}
	}
	store_release_memory(st);
	a = answer_by_doc(&qs[0], w.docs[pick[0]]);
	b = answer_by_doc(&qs[0], w.docs[pick[1]]);
	compared_init(&ta, a, o.flags);
	compared_init(&tb, b, o.flags);
	compared = true;
	/* Long answers compare in groups of words: both in the same. */
	compare_text_regroup(&ta, tb.group);
	compare_text_regroup(&tb, ta.group);
	n_runs = compare_diff(&ta, &tb, &runs, &coarse);
	similarity = compare_similarity(&ta, &tb, &rough);
	coarse = coarse || rough;
	if (o.json) {
		json_diff((int)o.vraag, codes[0], codes[1], similarity, coarse,
		    &ta, &tb, runs, n_runs);
	} else {
		char sim[16];

		cli_say(_("vraag %lld · %s → %s · similarity %s%s\n"), o.vraag, codes[0],
		    codes[1], similarity_text(similarity, 2, sim, sizeof(sim)),
		    o.flags & COMPARE_IGNORE_CASE ? _(" · case ignored") : "");
		if (coarse)
			cli_say("%s\n", _(COARSE_DIFF));
		say_diff(&ta, &tb, runs, n_runs);
	}
	rc = 0;
out:
	free(runs);
	if (compared) {
		compared_free(&ta);
		compared_free(&tb);
	}
	store_questions_free(qs, nq);
	answering_free(&w);
	store_set_info_clear(&set);
	model_strv_free(o.asked, o.n_asked);
	return rc;
}

/* The similarity of every pair of answering ministries, per vraag. */
struct matrix {
	struct answering w;
	size_t n_pairs;		/* w.n * (w.n - 1) / 2 */
	size_t n_vragen;
	int *vragen;		/* their numbers */
	double *sim;		/* [vraag * n_pairs + pair]; NAN: not both answered */
	bool *coarse;		/* the same: compared coarser than word by word */
	bool any_coarse;
};

/*
 * The similarity of every pair for every vraag.  Each pair's answers are
 * read on their own and let go before the next pair's: five ministries
 * whose answers are at the import's limit would otherwise hold 40 MB of
 * text, and twice as much in words, at once.
 */
static enum status
matrix_fill(struct matrix *m, struct store *st, long long id, struct error *err)
{
	char *none[1] = { NULL };
	struct question_view *qs = NULL;
	enum status status;
	size_t nq = 0, p = 0;

	m->n_pairs = m->w.n * (m->w.n ? m->w.n - 1 : 0) / 2;
	/* The vragen, with none of their answers. */
	if ((status = store_questions(st, id, 0, none, 0, &qs, &nq, err)))
		return status;
	m->n_vragen = nq;
	m->vragen = xcalloc(nq + 1, sizeof(*m->vragen));
	m->sim = xcalloc(nq * m->n_pairs + 1, sizeof(*m->sim));
	m->coarse = xcalloc(nq * m->n_pairs + 1, sizeof(*m->coarse));
	for (size_t v = 0; v < nq; v++)
		m->vragen[v] = qs[v].number;
	store_questions_free(qs, nq);
	for (size_t i = 0; i < m->w.n; i++) {
		for (size_t k = i + 1; k < m->w.n; k++, p++) {
			char *codes[2] = { m->w.codes[i], m->w.codes[k] };
			size_t n = 0;

			qs = NULL;
			if ((status = store_questions(st, id, 0, codes, 2, &qs, &n, err)))
				return status;
			store_release_memory(st);
			for (size_t v = 0; v < m->n_vragen; v++) {
				const struct answer_view *a = v < n ?
				    answer_by_doc(&qs[v], m->w.docs[i]) : NULL;
				const struct answer_view *b = v < n ?
				    answer_by_doc(&qs[v], m->w.docs[k]) : NULL;
				struct compare_text ta, tb;

				m->sim[v * m->n_pairs + p] = NAN;
				if (!a || !b)
					continue;
				compared_init(&ta, a, 0);
				compared_init(&tb, b, 0);
				m->sim[v * m->n_pairs + p] = compare_similarity(&ta, &tb,
				    &m->coarse[v * m->n_pairs + p]);
				m->any_coarse = m->any_coarse || m->coarse[v * m->n_pairs + p];
				compared_free(&ta);
				compared_free(&tb);
			}
			store_questions_free(qs, n);
		}
	}
	return STATUS_OK;
}

static void
matrix_free(struct matrix *m)
{
	answering_free(&m->w);
	free(m->vragen);
	free(m->sim);
	free(m->coarse);
}

static void
json_matrix(const struct matrix *m)
{
	struct json j;

	json_init(&j, stdout, false);
	json_object_begin(&j);
	json_key(&j, "ministries");
	json_array_begin(&j);
	for (size_t i = 0; i < m->w.n; i++)
		json_string(&j, m->w.codes[i]);
	json_array_end(&j);
	json_key(&j, "vragen");
	json_array_begin(&j);
	for (size_t v = 0; v < m->n_vragen; v++) {
		size_t p = 0;

		json_object_begin(&j);
		json_kv_int(&j, "vraag", m->vragen[v]);
		json_key(&j, "pairs");
		json_array_begin(&j);
		for (size_t i = 0; i < m->w.n; i++) {
			for (size_t k = i + 1; k < m->w.n; k++) {
				double s = m->sim[v * m->n_pairs + p];

				json_object_begin(&j);
				json_kv_string(&j, "a", m->w.codes[i]);
				json_kv_string(&j, "b", m->w.codes[k]);
				/* NAN, not both answered, is null. */
				json_kv_double(&j, "similarity", s);
				if (m->coarse[v * m->n_pairs + p]) {
					json_key(&j, "coarse");
					json_bool(&j, true);
				}
				json_object_end(&j);
				p++;
			}
		}
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

/* s right-aligned in width columns, after a gap of two. */
static void
say_cell(const char *s, int width)
{
	int pad = width - text_width(s);

	cli_say("  %*s%s", pad > 0 ? pad : 0, "", s);
}

static void
say_matrix(const struct set_info *set, const struct matrix *m)
{
	char **heads = xcalloc(m->n_pairs + 1, sizeof(*heads));
	int *widths = xcalloc(m->n_pairs + 1, sizeof(*widths));
	size_t p = 0;

	cli_say(_("Set %lld: similarity of the answers per vraag (1.00: the same words in the same order)\n"),
	    set->id);
	for (size_t i = 0; i < m->w.n; i++) {
		for (size_t k = i + 1; k < m->w.n; k++) {
			heads[p] = xasprintf("%s·%s", m->w.codes[i], m->w.codes[k]);
			widths[p] = text_width(heads[p]);
			if (widths[p] < (m->any_coarse ? 5 : 4))
				widths[p] = m->any_coarse ? 5 : 4;
			p++;
		}
	}
	cli_say("vraag");
	for (p = 0; p < m->n_pairs; p++)
		say_cell(heads[p], widths[p]);
	cli_say("\n");
	for (size_t v = 0; v < m->n_vragen; v++) {
		cli_say("%5d", m->vragen[v]);
		for (p = 0; p < m->n_pairs; p++) {
			double s = m->sim[v * m->n_pairs + p];
			char buf[16], cell[20];

			if (isnan(s))
				snprintf(cell, sizeof(cell), "—");
			else
				snprintf(cell, sizeof(cell), "%s%s",
				    m->coarse[v * m->n_pairs + p] ? "~" : "",
				    similarity_text(s, 2, buf, sizeof(buf)));
			say_cell(cell, widths[p]);
		}
		cli_say("\n");
	}
	if (m->any_coarse)
		cli_say("%s\n", _(COARSE_MATRIX));
	for (p = 0; p < m->n_pairs; p++)
		free(heads[p]);
	free(heads);
	free(widths);
}

/* Reads the options of matrix; -1 when they are right, else the exit status. */
static int
matrix_options(int argc, char **argv, long long *set, bool *as_json)
{
	int rc = cli_json_options("matrix", argc, argv, as_json);

	return rc >= 0 ? rc : cli_set_arg("matrix", argc, argv, set);
}

int
cli_matrix(struct cli *cli, int argc, char **argv)
{
	struct set_info set = { 0 };
	struct matrix m = { 0 };
	struct error err = { "" };
	struct store *st;
	long long id = 0;
	bool as_json = false;
	int rc;

	if ((rc = matrix_options(argc, argv, &id, &as_json)) >= 0)
		return rc;
	rc = 1;
	if (!(st = cli_store(cli)) || !cli_set_get(st, "matrix", id, 0, &set))
		goto out;
	comparing_set(id);
	answering_init(&m.w, &set);
	if (matrix_fill(&m, st, id, &err) != STATUS_OK) {
		cli_complain("matrix: %s", err.msg);
		goto out;
	}
	if (as_json)
		json_matrix(&m);
	else if (m.w.n < 2)
		cli_say(m.w.n ?
		    _("Set %lld has one ministry's answer: nothing to compare yet (import another ministry's answer).\n") :
		    _("Set %lld has no answers: nothing to compare yet (import another ministry's answer).\n"),
		    id);

	else
		say_matrix(&set, &m);
	rc = 0;
out:
	matrix_free(&m);
	store_set_info_clear(&set);
	return rc;
}
