/*
 * test_compare: words, word diff, similarity and N-way marks; on the
 * answers of the seeds (AZ and BZK answer the same nine vragen) and on
 * small and random cases, where the diff is checked against an LCS by
 * dynamic programming.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "compare.h"
#include "parse.h"
#include "text.h"
#include "xalloc.h"
#include "testutil.h"

/* ---------------------------------------------------------------- helpers */

/* A deterministic generator (a 64-bit LCG): the same cases on every run. */
static uint64_t rng_state;

static void
rng_seed(uint64_t seed)
{
	rng_state = seed;
}

static size_t
rng(size_t n)
{
	rng_state = rng_state * UINT64_C(6364136223846793005) +
	    UINT64_C(1442695040888963407);
	return (size_t)((rng_state >> 33) % n);
}

/* One paragraph s as a text (s must outlive it). */
struct one {
	const char *paras[1];
	struct compare_text t;
};

static void
one_init(struct one *o, const char *s, unsigned flags)
{
	o->paras[0] = s;
	compare_text_init(&o->t, o->paras, 1, flags);
}

/* The runs of the diff of a and b as "=[a b] -[c] +[d]", newly allocated. */
static char *
diff_string(const char *a, const char *b, unsigned flags)
{
	struct one x, y;
	struct compare_run *runs;
	struct xbuf out = { 0 };
	size_t n;

	one_init(&x, a, flags);
	one_init(&y, b, flags);
	n = compare_diff(&x.t, &y.t, &runs, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct compare_run *r = &runs[i];
		char *words;

		if (i > 0)
			xbuf_add(&out, " ", 1);
		if (r->op == COMPARE_INSERT) {
			words = compare_words_text(&y.t, r->b_from, r->b_to);
			xbuf_add(&out, "+[", 2);
		} else {
			words = compare_words_text(&x.t, r->a_from, r->a_to);
			xbuf_add(&out, r->op == COMPARE_EQUAL ? "=[" : "-[", 2);
		}
		xbuf_puts(&out, words);
		xbuf_add(&out, "]", 1);
		free(words);
	}
	free(runs);
	compare_text_free(&x.t);
	compare_text_free(&y.t);
	return xbuf_finish(&out);
}

static void
assert_diff(const char *a, const char *b, unsigned flags, const char *want)
{
	char *got = diff_string(a, b, flags);

	assert_string_equal(got, want);
	free(got);
}

/* LCS length of the keys of a and b by dynamic programming: the reference. */
static size_t
lcs_dp(const struct compare_text *a, const struct compare_text *b)
{
	size_t *row = calloc(b->n + 1, sizeof(*row)), len;

	for (size_t i = 1; i <= a->n; i++) {
		size_t diag = 0;

		for (size_t j = 1; j <= b->n; j++) {
			size_t up = row[j];

			if (a->keys[i - 1] == b->keys[j - 1])
				row[j] = diag + 1;
			else if (row[j - 1] > row[j])
				row[j] = row[j - 1];
			diag = up;
		}
	}
	len = row[b->n];
	free(row);
	return len;
}

/*
 * Checks that runs is a well-formed edit script from a to b: runs in
 * order and covering both texts, equal runs of equal words, a changed
 * stretch as DELETE then INSERT, no two adjacent runs of one op.  Replays
 * it and checks that it gives b.  Returns the number of equal words.
 */
static size_t
check_script(const struct compare_text *a, const struct compare_text *b,
    const struct compare_run *runs, size_t n)
{
	size_t ia = 0, ib = 0, equal = 0, out_n = 0;
	uint64_t *out = malloc((b->n + 1) * sizeof(*out));

	if (a->n + b->n == 0) {
		assert_int_equal(n, 0);
		assert_null(runs);
	} else {
		assert_true(n > 0);
	}
	for (size_t i = 0; i < n; i++) {
		const struct compare_run *r = &runs[i];

		assert_int_equal(r->a_from, ia);
		assert_int_equal(r->b_from, ib);
		if (i > 0) {
			assert_int_not_equal(r->op, runs[i - 1].op);
			assert_false(runs[i - 1].op == COMPARE_INSERT &&
			    r->op == COMPARE_DELETE);
		}
		switch (r->op) {
		case COMPARE_EQUAL:
			assert_true(r->a_to > r->a_from);
			assert_int_equal(r->a_to - r->a_from, r->b_to - r->b_from);
			for (size_t k = 0; k < r->a_to - r->a_from; k++) {
				assert_true(a->keys[r->a_from + k] ==
				    b->keys[r->b_from + k]);
				out[out_n++] = a->keys[r->a_from + k];
			}
			equal += r->a_to - r->a_from;
			break;
		case COMPARE_DELETE:
			assert_true(r->a_to > r->a_from);
			assert_int_equal(r->b_to, r->b_from);
			break;
		case COMPARE_INSERT:
			assert_true(r->b_to > r->b_from);
			assert_int_equal(r->a_to, r->a_from);
			for (size_t k = r->b_from; k < r->b_to; k++)
				out[out_n++] = b->keys[k];
			break;
		default:
			fail_msg("unknown op %d", (int)r->op);
		}
		ia = r->a_to;
		ib = r->b_to;
	}
	assert_int_equal(ia, a->n);
	assert_int_equal(ib, b->n);
	assert_int_equal(out_n, b->n);
	for (size_t k = 0; k < b->n; k++)
		assert_true(out[k] == b->keys[k]);
	free(out);
	return equal;
}

/* n words drawn from an alphabet of k one-letter words, as one paragraph. */
static char *
random_words(size_t n, size_t k)
{
	char *s = xmalloc(2 * n + 1);

	for (size_t i = 0; i < n; i++) {
		s[2 * i] = (char)('a' + rng(k));
		s[2 * i + 1] = ' ';
	}
	s[n ? 2 * n - 1 : 0] = '\0';
	return s;
}

/* s with a few words replaced, dropped or doubled. */
static char *
mutate(const char *s, size_t k)
{
	struct xbuf b = { 0 };
	size_t len = strlen(s);

	for (size_t i = 0; i < len; i += 2) {
		size_t r = rng(10);
		char c = s[i];

		if (r == 0)
			continue;
		if (r == 1)
			c = (char)('a' + rng(k));
		if (b.n)
			xbuf_add(&b, " ", 1);
		xbuf_add(&b, &c, 1);
		if (r == 2) {
			xbuf_add(&b, " ", 1);
			xbuf_add(&b, &c, 1);
		}
	}
	return xbuf_finish(&b);
}

/* ---------------------------------------------------------------- the seeds */

struct seeds {
	struct document *az, *bzk;
};

static struct document *
parse_seed(const char *path)
{
	struct document *doc = NULL;
	struct error err = { "" };
	size_t len;
	char *raw = test_read_file(path, &len);

	if (parse_document(raw, len, NULL, &doc, &err) != STATUS_OK)
		fail_msg("%s: %s", path, err.msg);
	free(raw);
	return doc;
}

static int
seeds_setup(void **state)
{
	struct seeds *s = xmalloc(sizeof(*s));

	s->az = parse_seed(SEED_PDFTEXT);
	s->bzk = parse_seed(SEED_MARKDOWN);
	*state = s;
	return 0;
}

static int
seeds_teardown(void **state)
{
	struct seeds *s = *state;

	model_free(s->az);
	model_free(s->bzk);
	free(s);
	return 0;
}

/* The answer to vraag n in doc: its paragraphs, in order. */
struct answer {
	const char **paras;
	size_t n;
	struct compare_text t;
};

static void
answer_init(struct answer *a, const struct document *doc, int vraag,
    unsigned flags)
{
	a->paras = xcalloc(doc->n_passages + 1, sizeof(*a->paras));
	a->n = 0;
	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];

		if (p->role == ROLE_ANTWOORD && p->vraag == vraag)
			a->paras[a->n++] = p->text;
	}
	assert_true(a->n > 0);
	compare_text_init(&a->t, a->paras, a->n, flags);
	assert_true(a->t.n > 0);
}

static void
answer_free(struct answer *a)
{
	compare_text_free(&a->t);
	free(a->paras);
}

static double
seed_similarity(const struct seeds *s, int vraag)
{
	struct answer az, bzk;
	double sim;

	answer_init(&az, s->az, vraag, 0);
	answer_init(&bzk, s->bzk, vraag, 0);
	sim = compare_similarity(&az.t, &bzk.t, NULL);
	assert_true(sim == compare_similarity(&bzk.t, &az.t, NULL));
	answer_free(&az);
	answer_free(&bzk);
	return sim;
}

static void
test_seed_vraag8(void **state)
{
	const struct seeds *s = *state;
	struct answer az, bzk;
	struct compare_run *runs;
	size_t n, changes = 0;

	answer_init(&az, s->az, 8, 0);
	answer_init(&bzk, s->bzk, 8, 0);
	/* AZ answers in two paragraphs: the words run across them. */
	assert_int_equal(az.n, 2);
	n = compare_diff(&az.t, &bzk.t, &runs, NULL);
	check_script(&az.t, &bzk.t, runs, n);
	for (size_t i = 0; i < n; i++) {
		char *text;

		if (runs[i].op == COMPARE_EQUAL)
			continue;
		changes++;
		/* ’ against ': folded away, no INSERT. */
		assert_int_equal(runs[i].op, COMPARE_DELETE);
		text = compare_words_text(&az.t, runs[i].a_from, runs[i].a_to);
		assert_string_equal(text,
		    "(met uitzondering van de Politiek Adviseurs)");
		free(text);
	}
	assert_int_equal(changes, 1);
	free(runs);
	answer_free(&az);
	answer_free(&bzk);
}

static void
test_seed_vraag5(void **state)
{
	const struct seeds *s = *state;
	struct answer az, bzk;
	struct compare_run *runs;
	size_t n, del = 0, ins = 0;
	char *text;

	answer_init(&az, s->az, 5, 0);
	answer_init(&bzk, s->bzk, 5, 0);
	n = compare_diff(&az.t, &bzk.t, &runs, NULL);
	check_script(&az.t, &bzk.t, runs, n);
	for (size_t i = 0; i < n; i++) {
		if (runs[i].op == COMPARE_DELETE) {
			assert_true(i + 1 < n &&
			    runs[i + 1].op == COMPARE_INSERT);
			text = compare_words_text(&az.t, runs[i].a_from,
			    runs[i].a_to);
			assert_string_equal(text, "rijksoverheid");
			free(text);
			del++;
		} else if (runs[i].op == COMPARE_INSERT) {
			text = compare_words_text(&bzk.t, runs[i].b_from,
			    runs[i].b_to);
			assert_string_equal(text, "Rijksoverheid");
			free(text);
			ins++;
		}
	}
	assert_int_equal(del, 1);
	assert_int_equal(ins, 1);
	free(runs);
	answer_free(&az);
	answer_free(&bzk);

	/* Ignoring case, the two answers are the same words. */
	answer_init(&az, s->az, 5, COMPARE_IGNORE_CASE);
	answer_init(&bzk, s->bzk, 5, COMPARE_IGNORE_CASE);
	n = compare_diff(&az.t, &bzk.t, &runs, NULL);
	assert_int_equal(n, 1);
	assert_int_equal(runs[0].op, COMPARE_EQUAL);
	assert_int_equal(runs[0].a_to, az.t.n);
	assert_int_equal(runs[0].b_to, bzk.t.n);
	assert_true(compare_similarity(&az.t, &bzk.t, NULL) == 1.0);
	free(runs);
	answer_free(&az);
	answer_free(&bzk);
}

static void
test_seed_vraag9(void **state)
{
	const struct seeds *s = *state;
	struct answer az, bzk;
	struct compare_run *runs;
	size_t n;
	char *text;

	answer_init(&az, s->az, 9, 0);
	answer_init(&bzk, s->bzk, 9, 0);
	text = compare_words_text(&az.t, 0, az.t.n);
	assert_string_equal(text, "Ja.");
	free(text);
	n = compare_diff(&az.t, &bzk.t, &runs, NULL);
	assert_int_equal(n, 1);
	assert_int_equal(runs[0].op, COMPARE_EQUAL);
	free(runs);
	answer_free(&az);
	answer_free(&bzk);
}

static void
test_seed_similarity(void **state)
{
	const struct seeds *s = *state;
	double sim[10];

	for (int v = 1; v <= 9; v++) {
		sim[v] = seed_similarity(s, v);
		assert_true(sim[v] >= 0 && sim[v] <= 1);
	}
	assert_true(sim[9] == 1.0);
	assert_true(sim[8] >= 0.9);
	assert_true(sim[5] >= 0.9);
	assert_true(sim[1] <= 0.5);
	assert_true(sim[4] <= 0.3);
}

/*
 * Marks on vragen 5 and 8: what the diff changes is each answer's own,
 * every other word of both answers is shared (the equal stretches are
 * long enough for runs of three).
 */
static void
test_seed_marks(void **state)
{
	static const int vragen[] = { 5, 8 };
	const struct seeds *s = *state;

	for (size_t v = 0; v < sizeof(vragen) / sizeof(vragen[0]); v++) {
		struct answer az, bzk;
		struct compare_text texts[2];
		enum compare_mark *marks[2];
		struct compare_run *runs;
		size_t n;

		answer_init(&az, s->az, vragen[v], 0);
		answer_init(&bzk, s->bzk, vragen[v], 0);
		texts[0] = az.t;
		texts[1] = bzk.t;
		compare_marks(texts, 2, marks);
		n = compare_diff(&texts[0], &texts[1], &runs, NULL);
		assert_true(n > 1);
		for (size_t i = 0; i < n; i++) {
			enum compare_mark want = runs[i].op == COMPARE_EQUAL ?
			    COMPARE_SHARED_ALL : COMPARE_UNIQUE;

			for (size_t w = runs[i].a_from; w < runs[i].a_to; w++)
				assert_int_equal(marks[0][w], want);
			for (size_t w = runs[i].b_from; w < runs[i].b_to; w++)
				assert_int_equal(marks[1][w], want);
		}
		free(runs);
		free(marks[0]);
		free(marks[1]);
		answer_free(&az);
		answer_free(&bzk);
	}
}

/* ---------------------------------------------------------------- words */

static void
test_words(void **state)
{
	/* Runs of spaces, a tab, a no-break space, an empty paragraph, a
	 * narrow no-break space, a line break: all separate words. */
	const char *paras[] = {
		"  Het  is\xc2\xa0" "belangrijk ",
		"",
		"dat\tambtenaren\xe2\x80\xaf" "neutraal\n",
		"   ",
		"zijn.",
	};
	static const struct {
		size_t para, start, end;
		const char *word;
	} want[] = {
		{ 0, 2, 5, "Het" },
		{ 0, 7, 9, "is" },
		{ 0, 11, 21, "belangrijk" },
		{ 2, 0, 3, "dat" },
		{ 2, 4, 14, "ambtenaren" },
		{ 2, 17, 25, "neutraal" },
		{ 4, 0, 5, "zijn." },
	};
	struct compare_text t;
	char *text;

	(void)state;
	compare_text_init(&t, paras, 5, 0);
	assert_ptr_equal(t.paras, paras);
	assert_int_equal(t.n_paras, 5);
	assert_int_equal(t.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < t.n; i++) {
		size_t para = compare_word_para(&t, i), start = compare_word_start(&t, i);

		assert_int_equal(para, want[i].para);
		assert_int_equal(start, want[i].start);
		assert_int_equal(compare_word_end(&t, i), want[i].end);
		assert_memory_equal(paras[para] + start, want[i].word,
		    strlen(want[i].word));
	}
	text = compare_words_text(&t, 0, t.n);
	assert_string_equal(text, "Het is belangrijk dat ambtenaren neutraal zijn.");
	free(text);
	text = compare_words_text(&t, 2, 4);
	assert_string_equal(text, "belangrijk dat");
	free(text);
	/* Beyond the end: clamped; an empty range: "". */
	text = compare_words_text(&t, 5, 99);
	assert_string_equal(text, "neutraal zijn.");
	free(text);
	text = compare_words_text(&t, 3, 3);
	assert_string_equal(text, "");
	free(text);
	compare_text_free(&t);
	assert_null(t.keys);
	assert_int_equal(t.n, 0);

	/* No paragraphs, or only white space: no words. */
	compare_text_init(&t, NULL, 0, 0);
	assert_int_equal(t.n, 0);
	text = compare_words_text(&t, 0, 1);
	assert_string_equal(text, "");
	free(text);
	compare_text_free(&t);
	compare_text_init(&t, paras + 1, 1, 0);
	assert_int_equal(t.n, 0);
	compare_text_free(&t);
}

/* Whether the one-word texts a and b have the same key. */
static bool
same_word(const char *a, const char *b, unsigned flags)
{
	struct one x, y;
	bool same;

	one_init(&x, a, flags);
	one_init(&y, b, flags);
	assert_int_equal(x.t.n, 1);
	assert_int_equal(y.t.n, 1);
	same = x.t.keys[0] == y.t.keys[0];
	compare_text_free(&x.t);
	compare_text_free(&y.t);
	return same;
}

static void
test_fold(void **state)
{
	(void)state;
	assert_true(same_word("ambtenaren", "ambtenaren", 0));
	assert_false(same_word("ambtenaren", "ambtenaar", 0));
	/* Typography. */
	assert_true(same_word("Adviseur\xe2\x80\x99s", "Adviseur's", 0));
	assert_true(same_word("\xe2\x80\x98zo\xe2\x80\x99", "'zo'", 0));
	assert_true(same_word("\xe2\x80\x9cneutraal\xe2\x80\x9d", "\"neutraal\"", 0));
	assert_true(same_word("\xe2\x80\x9eneutraal\xe2\x80\x9d", "\"neutraal\"", 0));
	assert_true(same_word("2023\xe2\x80\x93" "2024", "2023-2024", 0));
	assert_true(same_word("2023\xe2\x80\x94" "2024", "2023-2024", 0));
	/* NFC: e + combining acute is é. */
	assert_true(same_word("ide\xcc\x81" "e", "id\xc3\xa9" "e", 0));
	assert_false(same_word("idee", "id\xc3\xa9" "e", 0));
	/* Case, only when asked; full folding (ß is ss). */
	assert_false(same_word("Rijksoverheid", "rijksoverheid", 0));
	assert_true(same_word("Rijksoverheid", "rijksoverheid", COMPARE_IGNORE_CASE));
	assert_true(same_word("\xc3\x89\xc3\xa9n", "\xc3\xa9\xc3\xa9n", COMPARE_IGNORE_CASE));
	assert_true(same_word("STRASSE", "stra\xc3\x9f" "e", COMPARE_IGNORE_CASE));
	assert_false(same_word("STRASSE", "stra\xc3\x9f" "e", 0));
	/* Punctuation stays part of the word. */
	assert_false(same_word("Ja.", "Ja", 0));
}

/* ---------------------------------------------------------------- diff */

static void
test_diff_small(void **state)
{
	(void)state;
	assert_diff("a b c", "a b c", 0, "=[a b c]");
	assert_diff("b c", "a b c", 0, "+[a] =[b c]");
	assert_diff("a b", "a b c", 0, "=[a b] +[c]");
	assert_diff("a b c", "b c", 0, "-[a] =[b c]");
	assert_diff("a b c", "a b", 0, "=[a b] -[c]");
	assert_diff("a b", "", 0, "-[a b]");
	assert_diff("", "a b", 0, "+[a b]");
	assert_diff("   ", "", 0, "");
	assert_diff("a b c d", "a x y d", 0, "=[a] -[b c] +[x y] =[d]");
	assert_diff("a b c", "x y z", 0, "-[a b c] +[x y z]");
	assert_diff("a b c d e", "a c e", 0, "=[a] -[b] =[c] -[d] =[e]");
	assert_diff("de minister de staatssecretaris", "de staatssecretaris", 0,
	    "=[de] -[minister de] =[staatssecretaris]");
	/* Paragraph breaks and white space do not count. */
	assert_diff("a  b\xc2\xa0" "c", "a b c", 0, "=[a b c]");
	assert_diff("Het Kabinet", "het kabinet", 0, "-[Het Kabinet] +[het kabinet]");
	assert_diff("Het Kabinet", "het kabinet", COMPARE_IGNORE_CASE, "=[Het Kabinet]");
}

static void
test_diff_empty(void **state)
{
	static struct compare_run dummy;
	struct compare_text a, b;
	struct compare_run *runs = &dummy;

	(void)state;
	compare_text_init(&a, NULL, 0, 0);
	compare_text_init(&b, NULL, 0, 0);
	assert_int_equal(compare_diff(&a, &b, &runs, NULL), 0);
	assert_null(runs);
	assert_true(compare_similarity(&a, &b, NULL) == 1.0);
	compare_text_free(&a);
	compare_text_free(&b);
}

/*
 * Random pairs over a small alphabet (many repeats: many alignments to
 * choose from): the script replays a into b and is minimal (its equal
 * words are an LCS), and the similarity is the Dice coefficient of that
 * LCS.
 */
static void
test_diff_random(void **state)
{
	(void)state;
	rng_seed(20240129);
	for (int i = 0; i < 500; i++) {
		size_t k = 2 + rng(5);
		char *sa = random_words(rng(40), k);
		char *sb = i % 2 ? random_words(rng(40), k) : mutate(sa, k);
		struct one a, b;
		struct compare_run *runs;
		size_t n, lcs;
		double sim;

		one_init(&a, sa, 0);
		one_init(&b, sb, 0);
		n = compare_diff(&a.t, &b.t, &runs, NULL);
		lcs = lcs_dp(&a.t, &b.t);
		assert_int_equal(check_script(&a.t, &b.t, runs, n), lcs);
		free(runs);
		n = compare_diff(&b.t, &a.t, &runs, NULL);
		assert_int_equal(check_script(&b.t, &a.t, runs, n), lcs);
		free(runs);
		sim = compare_similarity(&a.t, &b.t, NULL);
		assert_true(sim >= 0 && sim <= 1);
		assert_true(sim == compare_similarity(&b.t, &a.t, NULL));
		if (a.t.n + b.t.n > 0)
			assert_true(sim == 2.0 * (double)lcs / (double)(a.t.n + b.t.n));
		compare_text_free(&a.t);
		compare_text_free(&b.t);
		free(sa);
		free(sb);
	}
}

/*
 * Texts long enough that the diff splits them (Hirschberg) before it
 * aligns: still a minimal script.  Words beyond 64 (one machine word of
 * bits) and of 128 exercise the carries.
 */
static void
test_diff_long(void **state)
{
	static const size_t sizes[][2] = {
		{ 63, 65 }, { 64, 64 }, { 130, 129 }, { 700, 900 }, { 10000, 10000 },
	};

	(void)state;
	rng_seed(1059);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		char *sa = random_words(sizes[i][0], 4);
		char *sb = random_words(sizes[i][1], 4);
		struct one a, b;
		struct compare_run *runs;
		size_t n, lcs;
		double sim;

		one_init(&a, sa, 0);
		one_init(&b, sb, 0);
		n = compare_diff(&a.t, &b.t, &runs, NULL);
		sim = compare_similarity(&a.t, &b.t, NULL);
		lcs = a.t.n < 1000 ? lcs_dp(&a.t, &b.t) :
		    (size_t)(sim * (double)(a.t.n + b.t.n) / 2 + 0.5);
		assert_true(sim == 2.0 * (double)lcs / (double)(a.t.n + b.t.n));
		assert_int_equal(check_script(&a.t, &b.t, runs, n), lcs);
		free(runs);
		compare_text_free(&a.t);
		compare_text_free(&b.t);
		free(sa);
		free(sb);
	}
}

/*
 * The diff of long texts (compare.c: Myers' middle snake, in linear
 * space), forced on short ones: every stretch of more than one word
 * each is split at the middle of an optimal alignment before it is
 * aligned.  Still a minimal script, and the similarity still the share
 * of the LCS.
 */
static void
check_pair(const char *sa, const char *sb)
{
	struct one a, b;
	struct compare_run *runs;
	size_t n, lcs;

	one_init(&a, sa, 0);
	one_init(&b, sb, 0);
	lcs = lcs_dp(&a.t, &b.t);
	n = compare_diff(&a.t, &b.t, &runs, NULL);
	assert_int_equal(check_script(&a.t, &b.t, runs, n), lcs);
	free(runs);
	n = compare_diff(&b.t, &a.t, &runs, NULL);
	assert_int_equal(check_script(&b.t, &a.t, runs, n), lcs);
	free(runs);
	if (a.t.n + b.t.n > 0)
		assert_true(compare_similarity(&a.t, &b.t, NULL) ==
		    2.0 * (double)lcs / (double)(a.t.n + b.t.n));
	compare_text_free(&a.t);
	compare_text_free(&b.t);
}

static void
test_diff_middle(void **state)
{
	static const char *const pairs[][2] = {
		{ "a b c d", "a b c d" },
		{ "", "a b c" },
		{ "a b c", "" },
		{ "a b c d", "e f g h i" },
		{ "x y a b c", "z a b c" },
		{ "a b c x y", "a b c z" },
		{ "a b c x d e f", "a b c y z d e f" },
		{ "a", "b" },
		{ "a b", "b a" },
	};
	size_t old = compare_set_exact_work(1);

	(void)state;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		check_pair(pairs[i][0], pairs[i][1]);
	assert_diff("x y a b c", "z a b c", 0, "-[x y] +[z] =[a b c]");
	rng_seed(1986);
	for (int i = 0; i < 2000; i++) {
		size_t k = 2 + rng(6);
		char *sa = random_words(rng(60), k);
		char *sb = i % 2 ? random_words(rng(60), k) : mutate(sa, k);

		check_pair(sa, sb);
		free(sa);
		free(sb);
	}
	compare_set_exact_work(old);
}

/* n distinct words "<c>1 <c>2 ...", every every-th replaced by "x<i>". */
static char *
numbered_words(size_t n, char c, size_t every)
{
	struct xbuf b = { 0 };
	char word[32];

	for (size_t i = 1; i <= n; i++) {
		int len = every && i % every == every / 2 ?
		    snprintf(word, sizeof(word), "%sx%zu", i > 1 ? " " : "", i) :
		    snprintf(word, sizeof(word), "%s%c%zu", i > 1 ? " " : "", c, i);

		xbuf_add(&b, word, (size_t)len);
	}
	return xbuf_finish(&b);
}

/*
 * Long texts as the import's limit allows: 200,000 words each.  All
 * different: one changed stretch, at once.  One word in a hundred
 * changed: every other word equal (the anchors and middles find them).
 */
static void
test_diff_huge(void **state)
{
	size_t n = 200000;
	char *sa = numbered_words(n, 'a', 0), *sb = numbered_words(n, 'b', 0);
	char *sc = numbered_words(n, 'a', 100);
	struct one a, b, c;
	struct compare_run *runs;
	size_t k;

	(void)state;
	one_init(&a, sa, 0);
	one_init(&b, sb, 0);
	one_init(&c, sc, 0);
	k = compare_diff(&a.t, &b.t, &runs, NULL);
	assert_int_equal(k, 2);
	assert_int_equal(runs[0].op, COMPARE_DELETE);
	assert_int_equal(runs[0].a_to, n);
	assert_int_equal(runs[1].op, COMPARE_INSERT);
	assert_int_equal(runs[1].b_to, n);
	free(runs);
	assert_true(compare_similarity(&a.t, &b.t, NULL) == 0);
	k = compare_diff(&a.t, &c.t, &runs, NULL);
	assert_int_equal(check_script(&a.t, &c.t, runs, k), n - n / 100);
	assert_int_equal(k, 3 * (n / 100) + 1);
	free(runs);
	assert_true(compare_similarity(&a.t, &c.t, NULL) ==
	    (double)(n - n / 100) / (double)n);
	compare_text_free(&a.t);
	compare_text_free(&b.t);
	compare_text_free(&c.t);
	free(sa);
	free(sb);
	free(sc);
}

/* ---------------------------------------------------------------- similarity */

static double
similarity(const char *a, const char *b)
{
	struct one x, y;
	double sim;

	one_init(&x, a, 0);
	one_init(&y, b, 0);
	sim = compare_similarity(&x.t, &y.t, NULL);
	assert_true(sim == compare_similarity(&y.t, &x.t, NULL));
	compare_text_free(&x.t);
	compare_text_free(&y.t);
	return sim;
}

static void
test_similarity(void **state)
{
	(void)state;
	assert_true(similarity("Het is belangrijk.", "Het  is belangrijk.") == 1.0);
	assert_true(similarity("", "") == 1.0);
	assert_true(similarity("a b", "") == 0.0);
	assert_true(similarity("a b c", "d e f g") == 0.0);
	/* 2 * |a c| / (3 + 2). */
	assert_true(similarity("a b c", "a c") == 0.8);
	/* Order counts: the same words reversed share one word in order. */
	assert_true(similarity("a b c d", "d c b a") == 0.25);
}

/* ---------------------------------------------------------------- marks */

static void
marks_of(const char *const *s, size_t n, unsigned flags,
    enum compare_mark **marks, struct compare_text *texts)
{
	for (size_t i = 0; i < n; i++)
		compare_text_init(&texts[i], s + i, 1, flags);
	compare_marks(texts, n, marks);
}

/* marks as a string: A for SHARED_ALL, S for SOME, U for UNIQUE. */
static void
assert_marks(const enum compare_mark *marks, size_t n, const char *want)
{
	char got[64];

	assert_true(n < sizeof(got));
	for (size_t i = 0; i < n; i++)
		got[i] = "ASU"[marks[i]];
	got[n] = '\0';
	assert_string_equal(got, want);
}

static void
test_marks(void **state)
{
	/*
	 * "alfa bravo charlie" is in all three, "delta echo foxtrot" in the
	 * first two; "echo foxtrot" in the third is too short a run.
	 */
	const char *s[] = {
		"alfa bravo charlie delta echo foxtrot golf",
		"alfa bravo charlie hotel delta echo foxtrot india",
		"juliet alfa bravo charlie kilo echo foxtrot mike",
	};
	struct compare_text t[3];
	enum compare_mark *m[3];

	(void)state;
	marks_of(s, 3, 0, m, t);
	assert_marks(m[0], t[0].n, "AAASSSU");
	assert_marks(m[1], t[1].n, "AAAUSSSU");
	assert_marks(m[2], t[2].n, "UAAAUUUU");
	for (size_t i = 0; i < 3; i++) {
		free(m[i]);
		compare_text_free(&t[i]);
	}
}

static void
test_marks_short(void **state)
{
	const char *ja[] = { "Ja.", "Ja.", "Ja, dat klopt." };
	const char *case_[] = { "Ja, dat klopt.", "ja, Dat klopt." };
	const char *empty[] = { "Ja, dat klopt.", "" };
	struct compare_text t[3];
	enum compare_mark *m[3];

	(void)state;
	/* "Ja." shares with "Ja." in a run of one word; "Ja," is another word. */
	marks_of(ja, 3, 0, m, t);
	assert_marks(m[0], t[0].n, "S");
	assert_marks(m[1], t[1].n, "S");
	assert_marks(m[2], t[2].n, "UUU");
	for (size_t i = 0; i < 3; i++) {
		free(m[i]);
		compare_text_free(&t[i]);
	}
	marks_of(ja, 2, 0, m, t);
	assert_marks(m[0], t[0].n, "A");
	assert_marks(m[1], t[1].n, "A");
	for (size_t i = 0; i < 2; i++) {
		free(m[i]);
		compare_text_free(&t[i]);
	}

	/* Case counts unless ignored. */
	marks_of(case_, 2, 0, m, t);
	assert_marks(m[0], t[0].n, "UUU");
	for (size_t i = 0; i < 2; i++) {
		free(m[i]);
		compare_text_free(&t[i]);
	}
	marks_of(case_, 2, COMPARE_IGNORE_CASE, m, t);
	assert_marks(m[0], t[0].n, "AAA");
	assert_marks(m[1], t[1].n, "AAA");
	for (size_t i = 0; i < 2; i++) {
		free(m[i]);
		compare_text_free(&t[i]);
	}

	/* One text: all its own words are everybody's. */
	marks_of(case_, 1, 0, m, t);
	assert_marks(m[0], t[0].n, "AAA");
	free(m[0]);
	compare_text_free(&t[0]);

	/* An empty text: nothing to mark in it, and it shares nothing. */
	marks_of(empty, 2, 0, m, t);
	assert_int_equal(t[1].n, 0);
	assert_non_null(m[1]);
	assert_marks(m[0], t[0].n, "UUU");
	for (size_t i = 0; i < 2; i++) {
		free(m[i]);
		compare_text_free(&t[i]);
	}

	/* No texts at all. */
	compare_marks(t, 0, m);
}

/* ---------------------------------------------------------------- size */

/*
 * Eight panes of 2,000 words, as the interface recomputes them on a key:
 * marks, every pairwise similarity, a diff.  Seven are edits of one answer
 * (a vocabulary of 300 words), one is written apart.
 */
static void
test_eight_panes(void **state)
{
	enum { PANES = 8, WORDS = 2000 };
	char *s[PANES];
	const char *paras[PANES][1];
	struct compare_text t[PANES];
	enum compare_mark *m[PANES];
	struct compare_run *runs;
	size_t n, unique = 0;

	(void)state;
	rng_seed(29);
	for (size_t p = 0; p < PANES; p++) {
		struct xbuf b = { 0 };

		for (size_t w = 0; w < WORDS; w++) {
			char word[16];
			int len;

			if (p == PANES - 1)
				len = snprintf(word, sizeof(word), "w%zu", rng(300));
			else if (p > 0 && rng(20) == 0)
				len = snprintf(word, sizeof(word), "x%zu", rng(300));
			else
				len = snprintf(word, sizeof(word), "w%zu", w * 7919 % 300);
			if (w > 0)
				xbuf_add(&b, " ", 1);
			xbuf_add(&b, word, (size_t)len);
		}
		s[p] = xbuf_finish(&b);
		paras[p][0] = s[p];
		compare_text_init(&t[p], paras[p], 1, 0);
		assert_int_equal(t[p].n, WORDS);
	}
	compare_marks(t, PANES, m);
	for (size_t w = 0; w < WORDS; w++)
		unique += m[PANES - 1][w] == COMPARE_UNIQUE;
	assert_true(unique > WORDS / 2);
	assert_int_equal(m[0][0], COMPARE_SHARED_SOME);
	for (size_t i = 0; i < PANES; i++) {
		for (size_t j = i + 1; j < PANES; j++) {
			double sim = compare_similarity(&t[i], &t[j], NULL);

			assert_true(sim >= 0 && sim <= 1);
			if (j < PANES - 1)
				assert_true(sim >= 0.8);
		}
	}
	n = compare_diff(&t[0], &t[PANES - 1], &runs, NULL);
	check_script(&t[0], &t[PANES - 1], runs, n);
	free(runs);
	for (size_t p = 0; p < PANES; p++) {
		free(m[p]);
		compare_text_free(&t[p]);
		free(s[p]);
	}
}

/*
 * A text of more words than a text may have units is compared in groups
 * of words: as many units at most, each group's words shown whole (over
 * a paragraph break too), and every diff and similarity of such texts
 * says it is coarse, unless the groups are all equal.  Texts of other
 * groups compare in the larger.
 */
static void
test_groups(void **state)
{
	const char *paras[] = { "een twee drie", "", "vier  vijf zes zeven" };
	const char *other[] = { "een twee drie vier vijf zes acht" };
	struct compare_text t, u, w;
	struct compare_run *runs;
	size_t old = compare_set_max_units(3), n;
	bool coarse;
	char *text;

	(void)state;
	compare_text_init(&t, paras, 3, 0);
	assert_int_equal(t.n_words, 7);
	assert_int_equal(t.group, 3);
	assert_int_equal(t.n, 3);
	/* "drie" ends the first paragraph: its group goes on in the third. */
	assert_int_equal(compare_word_para(&t, 1), 2);
	assert_int_equal(compare_word_start(&t, 1), 0);
	assert_int_equal(compare_word_end(&t, 0), strlen("een twee drie"));
	assert_int_equal(compare_word_end(&t, 1), strlen("vier  vijf zes"));
	assert_int_equal(compare_word_end(&t, 2), strlen(paras[2]));
	text = compare_words_text(&t, 0, 3);
	assert_string_equal(text, "een twee drie vier vijf zes zeven");
	free(text);
	text = compare_words_text(&t, 2, 9);
	assert_string_equal(text, "zeven");
	free(text);

	/* Equal groups: not coarse. */
	compare_text_init(&u, paras, 3, 0);
	n = compare_diff(&t, &u, &runs, &coarse);
	assert_int_equal(n, 1);
	assert_false(coarse);
	free(runs);
	assert_true(compare_similarity(&t, &u, &coarse) == 1);
	assert_false(coarse);
	compare_text_free(&u);

	/* One word changed: its whole group changes, and says so. */
	compare_text_init(&u, other, 1, 0);
	assert_int_equal(u.group, 3);
	n = compare_diff(&t, &u, &runs, &coarse);
	assert_true(coarse);
	assert_int_equal(check_script(&t, &u, runs, n), 2);
	free(runs);
	assert_true(compare_similarity(&t, &u, &coarse) < 1);
	assert_true(coarse);
	compare_text_free(&u);

	/* A short text against a long one: in the long one's groups. */
	compare_set_max_units(0);
	compare_text_init(&w, other, 1, 0);
	assert_int_equal(w.group, 1);
	assert_true(fabs(compare_similarity(&t, &w, &coarse) - 2.0 * 2 / 6) < 1e-9);
	assert_true(coarse);
	compare_text_regroup(&w, t.group);
	assert_int_equal(w.group, 3);
	assert_int_equal(w.n, 3);
	text = compare_words_text(&w, 1, 2);
	assert_string_equal(text, "vier vijf zes");
	free(text);
	compare_text_free(&w);

	/* In fewer units than a text may have, for the interface. */
	compare_text_init_units(&w, paras, 3, 0, 2);
	assert_int_equal(w.group, 4);
	assert_int_equal(w.n, 2);
	compare_text_free(&w);
	compare_text_init_units(&w, paras, 3, 0, 0);
	assert_int_equal(w.group, 1);
	compare_text_free(&w);

	/* Texts of words: never coarse. */
	compare_text_init(&w, other, 1, 0);
	compare_text_init(&u, paras, 3, 0);
	n = compare_diff(&u, &w, &runs, &coarse);
	assert_false(coarse);
	free(runs);
	assert_true(compare_similarity(&u, &w, &coarse) < 1);
	assert_false(coarse);
	compare_text_free(&u);
	compare_text_free(&w);
	compare_text_free(&t);
	compare_set_max_units(old);
}

/*
 * Random texts of several paragraphs (some empty) in groups: every
 * unit's words, joined, are the text's words in order; each unit begins
 * at one of them; the diff is a well-formed script of the units, and the
 * marks cover every unit.
 */
static void
test_groups_random(void **state)
{
	size_t old = compare_set_max_units(7);

	(void)state;
	rng_seed(2026);
	for (int i = 0; i < 300; i++) {
		char *sa = random_words(rng(40), 3), *sb = mutate(sa, 3);
		char *pa[4], *all, *whole;
		const char *pb[1] = { sb };
		struct compare_text t, u, both[2];
		struct compare_run *runs;
		enum compare_mark *marks[2];
		size_t cut1 = strlen(sa) / 3, cut2 = 2 * strlen(sa) / 3, n;

		/* sa in three paragraphs and an empty one, cut at any byte. */
		pa[0] = xstrndup(sa, cut1);
		pa[1] = xstrdup("");
		pa[2] = xstrndup(sa + cut1, cut2 - cut1);
		pa[3] = xstrdup(sa + cut2);
		compare_text_init(&t, (const char *const *)pa, 4, 0);
		compare_text_init(&u, pb, 1, 0);
		assert_true(t.n <= 7 && u.n <= 7);
		for (size_t k = 0; k < t.n; k++) {
			size_t para = compare_word_para(&t, k), at = compare_word_start(&t, k);

			assert_true(pa[para][at] != ' ' && pa[para][at] != '\0');
			assert_true(compare_word_end(&t, k) > at);
		}
		all = compare_words_text(&t, 0, t.n);
		whole = xasprintf("%s %s %s", pa[0], pa[2], pa[3]);
		{
			/* The words of sa, however the cuts fell. */
			char *squeezed = text_squeeze(whole);

			assert_string_equal(all, squeezed);
			free(squeezed);
		}
		compare_text_regroup(&t, u.group);
		compare_text_regroup(&u, t.group);
		n = compare_diff(&t, &u, &runs, NULL);
		check_script(&t, &u, runs, n);
		free(runs);
		both[0] = t;
		both[1] = u;
		compare_marks(both, 2, marks);
		free(marks[0]);
		free(marks[1]);
		compare_text_free(&t);
		compare_text_free(&u);
		for (size_t k = 0; k < 4; k++)
			free(pa[k]);
		free(all);
		free(whole);
		free(sa);
		free(sb);
	}
	compare_set_max_units(old);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_diff_small),
		cmocka_unit_test(test_diff_empty),
		cmocka_unit_test(test_diff_random),
		cmocka_unit_test(test_diff_long),
		cmocka_unit_test(test_diff_middle),
		cmocka_unit_test(test_diff_huge),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_groups_random),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_marks_short),
		cmocka_unit_test(test_eight_panes),
		cmocka_unit_test_setup_teardown(test_seed_vraag8, seeds_setup, seeds_teardown),
		cmocka_unit_test_setup_teardown(test_seed_vraag5, seeds_setup, seeds_teardown),
		cmocka_unit_test_setup_teardown(test_seed_vraag9, seeds_setup, seeds_teardown),
		cmocka_unit_test_setup_teardown(test_seed_similarity, seeds_setup, seeds_teardown),
		cmocka_unit_test_setup_teardown(test_seed_marks, seeds_setup, seeds_teardown),
	};

	return cmocka_run_group_tests_name("compare", tests, NULL, NULL);
}
