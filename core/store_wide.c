/*
 * store_wide: the best passages of a wide query, one OR of many terms
 * (the words with a part of a word, the stems of a related passage) or
 * a prefix (one phrase of every word with it, WIDE_WORDS at most), by
 * bm25 as naast_bm25 scores them, without scoring every match.
 *
 * Each passage with a term of the query gets the most it can score: a
 * term in CHAMPION_FROM passages or fewer adds its exact part (its
 * postings give tf and len), a term with a champion list
 * (store_champion.c) its exact part for the passages of the list and
 * for the others the list's last, which none of them exceeds; one query
 * walks every such term's passages (naast_walk, store_rank.c: some 0.1
 * microsecond a passage, half what a statement's steps cost).  The
 * passages with the best known parts (WIDE_SEEDS) are scored first,
 * exactly, from their text (the index's own tokenizer: the same terms,
 * the same length), then those with the highest most, in that order,
 * until the page's last is no lower than the next one's most: then no
 * passage beats the page, and it is the ranking of every match.  Of a
 * prefix, the parts are tf / K (wide_most), which the words' parts
 * bound as well: a passage's score rises with their sum.  Its hits'
 * snippets are asked for with the words it has.
 *
 * The most of each passage is a float per passage: 12 MB at three
 * million passages, the archive of 100,000 documents.
 *
 * The bound of a common term is loose, so a query of many common words
 * (a part of three letters) may have more passages above the page than
 * can be scored: after WIDE_SCORED the page is what the passages with
 * the highest most gave (bench/run's overlap@10 measures what that
 * costs), and store_topk asks FTS5 for every match instead where they
 * are few enough to rank quickly (WIDE_FROM).
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
#include "search.h"
#include "store.h"
#include "store_db.h"
#include "xalloc.h"

/* Passages scored from their text at most (some 10 microseconds each). */
#define WIDE_SCORED 3000
/* Matches below which FTS5 ranks them all when the page is not proven. */
#define WIDE_FROM 20000
/*
 * The most of a passage is summed in a float, which may fall short of
 * the exact sum by some parts in a million: a page's last must beat a
 * most by this much.
 */
#define WIDE_SLACK (1 + 1e-5)
#define WIDE_BUCKETS 1024
/* The highest passage number a search of many terms takes (wide_open). */
#define WIDE_MAX_ID (1LL << 28)

/* Passages with a most listed at most; more, and most is read whole. */
#define WIDE_TOUCHED 65536
/* Passages of the terms' own bests scored first. */
#define WIDE_SEEDS 256
/* Words of a prefix at most; more, and FTS5 ranks every match. */
#define WIDE_WORDS 2000

struct wide {
	const struct topk_group *g;	/* its terms */
	/*
	 * A prefix's query is one phrase, every word with the prefix: the
	 * terms are those words, and a passage's score is what its tf, the
	 * sum of theirs, gives with the weight 1 (store_rank.c).
	 */
	const char *prefix;
	size_t prefix_n;
	double *idf;
	size_t *slot;		/* term + 1 by hash of its text, 0 empty */
	size_t n_slots;
	double avgdl;
	double *bound;		/* of each term, for its passages off its list */
	float *most;		/* by passage: the most it can score */
	float top;		/* no most is above it */
	long long max_id;
	/* the passages with a most, while they are few (WIDE_TOUCHED) */
	long long *touched;
	size_t n_touched;
	bool spread;		/* too many: read most whole */
	/* the parts known exactly, one per term and passage */
	struct wide_hit *known;
	size_t n_known, known_cap;
	/* the passage being scored */
	unsigned *tf;
	unsigned len;
	struct xbuf *words;	/* or NULL: the prefix's words it has, OR-ed */
};

static size_t
term_slot(const char *s, size_t n, size_t n_slots)
{
	return scan_hash(s, n) & (n_slots - 1);
}

/* Adds the index term tok to the OR query in b, once. */
static void
add_word(struct xbuf *b, const char *tok, size_t n)
{
	char *term = xstrndup(tok, n), *q = champion_term_query(term);

	if (!b->s || !strstr(b->s, q)) {
		if (b->n)
			xbuf_puts(b, " OR ");
		xbuf_puts(b, q);
	}
	free(q);
	free(term);
}

/* A term of the passage being scored: its count, and the length. */
static int
wide_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct wide *w = ctx;

	(void)start;
	(void)end;
	if (!(flags & FTS5_TOKEN_COLOCATED))
		w->len++;
	if (w->prefix) {
		if ((size_t)n >= w->prefix_n &&
		    memcmp(tok, w->prefix, w->prefix_n) == 0) {
			w->tf[0]++;
			if (w->words)
				add_word(w->words, tok, (size_t)n);
		}
		return SQLITE_OK;
	}
	for (size_t i = term_slot(tok, (size_t)n, w->n_slots); w->slot[i];
	    i = (i + 1) & (w->n_slots - 1)) {
		const char *t = w->g->v[w->slot[i] - 1].term;

		if (strncmp(t, tok, (size_t)n) == 0 && t[n] == '\0')
			w->tf[w->slot[i] - 1]++;
	}
	return SQLITE_OK;
}

/* The score naast_bm25 gives the passage just read (store_rank.c). */
static double
wide_score(const struct wide *w)
{
	size_t n = w->prefix ? 1 : w->g->n;
	double score = 0;

	for (size_t i = 0; i < n; i++)
		score += bm25_part(w->prefix ? 1 : w->idf[i], w->tf[i], w->len,
		    w->avgdl);
	return score;
}

/*
 * What a term adds to a passage's most: of a prefix, tf / K, where the
 * score of tf is (k1 + 1) tf / (tf + K) (wide_most); of a word, its w
 * weighed by its idf.  Each from w, tf and len.
 */
static double
part_of(const struct wide *w, size_t i, double weight, unsigned tf,
    unsigned len)
{
	if (w->prefix)
		return tf / (BM25_K1 * (1 - BM25_B + BM25_B * len / w->avgdl));
	return w->idf[i] * weight;
}

/* ... and at most, for a passage whose w is no more than weight. */
static double
bound_of(const struct wide *w, size_t i, double weight)
{
	/* tf / K = w / (k1 + 1 - w), which rises with w */
	if (w->prefix)
		return weight / (BM25_K1 + 1 - weight);
	return w->idf[i] * weight;
}

/* The most a passage can score, from the sum of its parts. */
static double
wide_most(const struct wide *w, double sum)
{
	return w->prefix ? (BM25_K1 + 1) * sum / (1 + sum) : sum;
}

/* A passage: what it scores, or the most it can. */
struct wide_hit {
	double score;
	long long passage;
};

/* Whether x ranks below y: a lower score, or the later passage of equals. */
static bool
below(const struct wide_hit *x, const struct wide_hit *y)
{
	return x->score < y->score ||
	    (x->score == y->score && x->passage > y->passage);
}

static int
best_first(const void *a, const void *b)
{
	const struct wide_hit *x = a, *y = b;

	return below(x, y) ? 1 : below(y, x) ? -1 : 0;
}

/* The page as a min-heap of at most limit hits: v[0] the last of it. */
static void
page_add(struct wide_hit *v, size_t *n, size_t limit, struct wide_hit hit)
{
	size_t i;

	if (*n == limit) {
		if (!below(&v[0], &hit))
			return;
		for (i = 0;;) {	/* the root gives way: hit sifts down */
			size_t c = 2 * i + 1;

			if (c >= *n)
				break;
			if (c + 1 < *n && below(&v[c + 1], &v[c]))
				c++;
			if (!below(&v[c], &hit))
				break;
			v[i] = v[c];
			i = c;
		}
		v[i] = hit;
		return;
	}
	for (i = (*n)++; i > 0 && below(&hit, &v[(i - 1) / 2]); i = (i - 1) / 2)
		v[i] = v[(i - 1) / 2];
	v[i] = hit;
}

static void
add_most(struct wide *w, long long passage, double x)
{
	if (passage <= 0 || passage > w->max_id)
		return;
	if (w->most[passage] == 0 && !w->spread) {
		if (w->n_touched == WIDE_TOUCHED)
			w->spread = true;
		else
			w->touched[w->n_touched++] = passage;
	}
	if ((w->most[passage] += (float)x) > w->top)
		w->top = w->most[passage];
}

static void
add_known(struct wide *w, long long passage, double x)
{
	xgrow(&w->known, &w->known_cap, w->n_known + 1, sizeof(*w->known));
	w->known[w->n_known++] = (struct wide_hit){ x, passage };
}

/* The passages of the FTS5 query q (an earlier tier's), in order. */
static enum status
rowids_of(struct store *st, const char *q, long long **ids, size_t *n,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_INDEX_ROWIDS, err);
	size_t cap = 0;
	int rc;

	if (!s)
		return st->prepare_failure;
	bind_text(s, 1, q);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		xgrow(ids, &cap, *n + 1, sizeof(**ids));
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the index"), err);
	return STATUS_OK;
}

/*
 * Term i's part of the most of each of its passages: exact from its
 * postings or its list, the list's last for the passages outside it.
 */
static enum status
add_term(struct store *st, struct wide *w, size_t i, struct error *err)
{
	const struct topk_atom *a = &w->g->v[i];
	struct champion *v = NULL;
	size_t n = 0;
	double bound = 0;
	enum status status = STATUS_OK;

	if (a->passages > st->champion_from)
		status = champion_read(st, a->term, &v, &n, err);
	if (!status && n < st->champion_size) {
		/* No list, or one of every passage of it. */
		free(v);
		v = NULL;
		status = champion_postings(st, a->term, &v, &n, err);
	} else if (!status) {
		champion_sort(v, n, w->avgdl);
		bound = w->bound[i] = bound_of(w, i, v[n - 1].w);
	}
	for (size_t j = 0; !status && j < n; j++) {
		double part = part_of(w, i, champion_weight(v[j].tf, v[j].len,
		    w->avgdl), v[j].tf, v[j].len);

		add_most(w, v[j].passage, part - bound);
		add_known(w, v[j].passage, part);
	}
	free(v);
	return status;
}

/* The terms with a bound, walked by naast_walk: phrase k is term of[k]. */
struct walk_terms {
	struct wide *w;
	size_t *of;
};

static void
walk_each(void *ctx, int phrase, long long rowid)
{
	struct walk_terms *t = ctx;

	add_most(t->w, rowid, t->w->bound[t->of[phrase]]);
}

/*
 * Adds the bound of each term with a list to every passage it has: the
 * list's passages had their exact part less the bound (add_term).  One
 * query walks every such term's rows.
 */
static enum status
walk_bounds(struct store *st, struct wide *w, struct error *err)
{
	struct walk_terms t = { w, xcalloc(w->g->n, sizeof(size_t)) };
	struct rank_walk walk = { walk_each, &t };
	struct xbuf q = { 0 };
	enum status status = STATUS_OK;
	sqlite3_stmt *s;
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < w->g->n; i++) {
		char *one;

		if (w->bound[i] == 0)
			continue;
		one = champion_term_query(w->g->v[i].term);
		if (n)
			xbuf_puts(&q, " OR ");
		xbuf_puts(&q, one);
		free(one);
		t.of[n++] = i;
	}
	if (n == 0)
		goto out;
	if (!(s = sql(st, SQL_INDEX_WALK, err))) {
		status = st->prepare_failure;
		goto out;
	}
	bind_text(s, 1, q.s);
	sqlite3_bind_pointer(s, 2, &walk, RANK_WALK_POINTER, NULL);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	done(s);
	if (rc != SQLITE_DONE)
		status = db_fail(st, rc, N_("reading the index"), err);
out:
	free(q.s);
	free(t.of);
	return status;
}

/*
 * The passages with the highest most, WIDE_SCORED or a few more, best
 * first, in *out; *rest the most of any other (0: there is none).
 */
static void
highest(const struct wide *w, struct wide_hit **out, size_t *n, double *rest)
{
	size_t count[WIDE_BUCKETS] = { 0 }, sum, cap = 0, i;
	size_t n_ids = w->spread ? (size_t)w->max_id : w->n_touched;
	double scale = w->top > 0 ? (WIDE_BUCKETS - 1) / (double)w->top : 0;
	long long id;
	int from;

	*out = NULL;
	*n = 0;
	*rest = 0;
	if (w->top <= 0)
		return;
	/* The i-th passage that may have a most. */
#define ID(i) (w->spread ? (long long)(i) + 1 : w->touched[i])
#define BUCKET(x) ((int)((double)(x) * scale))
	for (i = 0; i < n_ids; i++)
		if (w->most[ID(i)] > 0)
			count[BUCKET(w->most[ID(i)])]++;
	from = WIDE_BUCKETS - 1;
	sum = count[from];
	while (from > 0 && sum < WIDE_SCORED)
		sum += count[--from];
	*rest = from / scale;
	for (i = 0; i < n_ids; i++)
		if (w->most[id = ID(i)] > 0 && BUCKET(w->most[id]) >= from) {
			xgrow(out, &cap, *n + 1, sizeof(**out));
			(*out)[(*n)++] = (struct wide_hit){ w->most[id], id };
		}
#undef BUCKET
#undef ID
	if (*n > 1)
		qsort(*out, *n, sizeof(**out), best_first);
}

static int
by_passage(const void *a, const void *b)
{
	const struct wide_hit *x = a, *y = b;

	return (x->passage > y->passage) - (x->passage < y->passage);
}

/*
 * The passages whose known parts are the highest, at most n of them,
 * best first, in place of w->known: each of them is among the best of
 * a term, and a good page to start from.
 */
static size_t
best_known(struct wide *w, size_t n)
{
	size_t kept = 0;

	if (w->n_known > 1)
		qsort(w->known, w->n_known, sizeof(*w->known), by_passage);
	for (size_t i = 0; i < w->n_known; i++)
		if (kept > 0 &&
		    w->known[kept - 1].passage == w->known[i].passage)
			w->known[kept - 1].score += w->known[i].score;
		else
			w->known[kept++] = w->known[i];
	if (kept > 1)
		qsort(w->known, kept, sizeof(*w->known), best_first);
	return kept < n ? kept : n;
}

/* Reads passage's terms into w->tf and w->len; *doc its document. */
static enum status
read_passage(struct store *st, struct wide *w, struct store_terms *terms,
    long long passage, long long *doc, bool *found, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_PASSAGE_TEXT, err);
	enum status status;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, passage);
	if ((status = step_row(st, s, found, N_("reading a passage"), err)))
		return status;
	memset(w->tf, 0, (w->g->n ? w->g->n : 1) * sizeof(*w->tf));
	w->len = 0;
	if (*found) {
		const char *text = (const char *)sqlite3_column_text(s, 0);

		*doc = sqlite3_column_int64(s, 1);
		status = store_terms_of(st, terms, text ? text : "",
		    wide_token, w, err);
	}
	done(s);
	return status;
}

/*
 * Scores passage into the page, unless an earlier tier found it or it is
 * of the document left out; it leaves the passages still to walk.
 */
static enum status
score(struct store *st, struct wide *w, struct store_terms *terms,
    const struct topk_ask *ask, const long long *except, size_t n_except,
    long long passage, struct wide_hit *page, size_t *n_page,
    struct error *err)
{
	long long doc = 0;
	enum status status;
	bool found;

	if (passage > 0 && passage <= w->max_id) {
		if (w->most[passage] == 0)
			return STATUS_OK;	/* scored already */
		w->most[passage] = 0;
	}
	if (n_except && bsearch(&passage, except, n_except, sizeof(*except),
	    champion_id_cmp))
		return STATUS_OK;
	if ((status = read_passage(st, w, terms, passage, &doc, &found, err)))
		return status;
	if (found && doc != ask->not_doc)
		page_add(page, n_page, ask->limit,
		    (struct wide_hit){ wide_score(w), passage });
	return STATUS_OK;
}

/* Appends the page (best first) to h through SQL_WIDE_HITS. */
static enum status
page_hits(struct store *st, const struct topk_ask *ask, struct wide_hit *v,
    size_t n, struct hits *h, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_WIDE_HITS, err);
	struct xbuf b = { 0 };
	char *json;
	enum status status;

	if (!s)
		return st->prepare_failure;
	if (n > 1)
		qsort(v, n, sizeof(*v), best_first);
	xbuf_puts(&b, "[");
	for (size_t i = 0; i < n; i++) {
		char e[64];

		snprintf(e, sizeof(e), "%s[%lld,%.17g]", i ? "," : "",
		    v[i].passage, -v[i].score);
		xbuf_puts(&b, e);
	}
	xbuf_puts(&b, "]");
	json = xbuf_finish(&b);
	sqlite3_bind_int(s, 11, ask->tier);
	bind_text(s, 12, json);
	status = hits_read(st, s, h, ask->terms, err);
	free(json);
	return status;
}

/*
 * The snippets of the hits of a prefix from the words with it that each
 * has: FTS5 would gather every passage of every such word to make the
 * snippet of one passage for the prefix.
 */
static enum status
prefix_snippets(struct store *st, struct wide *w, struct store_terms *terms,
    struct hits *h, size_t from, struct error *err)
{
	struct xbuf b = { 0 };
	enum status status = STATUS_OK;

	w->words = &b;
	for (size_t i = from; i < h->n && !status; i++) {
		sqlite3_stmt *s;
		long long doc;
		bool found;
		char *q;
		int rc;

		b.n = 0;
		if (b.s)
			b.s[0] = '\0';
		if ((status = read_passage(st, w, terms, h->v[i].passage, &doc,
		    &found, err)) || !b.n)
			continue;
		if (!(s = sql(st, SQL_SNIPPET, err))) {
			status = st->prepare_failure;
			break;
		}
		q = xstrndup(b.s, b.n);
		bind_text(s, 1, q);
		sqlite3_bind_int64(s, 2, h->v[i].passage);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW && !h->v[i].snippet)
			h->v[i].snippet = col_strdup(s, 0);
		done(s);
		free(q);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			status = db_fail(st, rc, N_("making a snippet"), err);
	}
	w->words = NULL;
	free(b.s);
	return status;
}

/*
 * The words of the vocabulary with prefix, as a group of terms with
 * their counts; *too_many when there are more than WIDE_WORDS (FTS5
 * ranks those better).  An empty group when there is none.
 */
static enum status
prefix_words(struct store *st, const char *prefix, struct topk_query *tq,
    bool *too_many, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_VOCAB_PREFIX, err);
	size_t n = strlen(prefix), found = 0;
	char *after = xstrdup(prefix);
	int rc;

	*too_many = n == 0;
	if (!s || n == 0) {
		free(after);
		return s ? STATUS_OK : st->prepare_failure;
	}
	/* The first text after every one with the prefix: its last byte up. */
	after[n - 1] = (char)((unsigned char)after[n - 1] + 1);
	sqlite3_bind_text(s, 1, prefix, (int)n, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, after, (int)n, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, WIDE_WORDS + 1);
	tq->g = xcalloc(1, sizeof(*tq->g));	/* the group, even empty */
	tq->n = 1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		topk_add(tq, false, col_strdup(s, 0), NULL);
		tq->g[0].v[found++].passages = sqlite3_column_int64(s, 1);
	}
	done(s);
	free(after);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the vocabulary"), err);
	*too_many = found > WIDE_WORDS;
	return STATUS_OK;
}

static enum status
wide_open(struct store *st, const struct topk_group *g, struct wide *w,
    struct error *err)
{
	sqlite3_stmt *s;
	long long rows, tokens;
	enum status status;
	bool found;

	if ((status = champion_stats(st, &rows, &tokens, err)))
		return status;
	w->g = g;
	w->avgdl = rows > 0 && tokens > 0 ? (double)tokens / (double)rows : 1;
	w->idf = xcalloc(g->n, sizeof(*w->idf));
	w->bound = xcalloc(g->n, sizeof(*w->bound));
	w->tf = xcalloc(g->n, sizeof(*w->tf));
	for (w->n_slots = 4; w->n_slots < 2 * g->n; w->n_slots *= 2)
		;
	w->slot = xcalloc(w->n_slots, sizeof(*w->slot));
	for (size_t i = 0; i < g->n; i++) {
		const char *t = g->v[i].term;
		double df = (double)g->v[i].passages;
		double idf = log(((double)rows - df + 0.5) / (df + 0.5));
		size_t k = term_slot(t, strlen(t), w->n_slots);

		w->idf[i] = idf > 0 ? idf : 1e-6;	/* as naast_bm25 */
		while (w->slot[k])
			k = (k + 1) & (w->n_slots - 1);
		w->slot[k] = i + 1;
	}
	if (!(s = sql(st, SQL_PASSAGE_MAX, err)))
		return st->prepare_failure;
	if ((status = step_row(st, s, &found, N_("reading the passages"), err)))
		return status;
	w->max_id = found ? sqlite3_column_int64(s, 0) : 0;
	done(s);
	/*
	 * most has a place per passage number: naast numbers passages one
	 * after another, and parsing them again leaves gaps, never numbers
	 * far beyond the passages there are.  A database that says otherwise
	 * was damaged or made by someone else, and would take gigabytes here.
	 */
	if (w->max_id < 0 || w->max_id > WIDE_MAX_ID ||
	    w->max_id > 8 * (rows > 0 ? rows : 0) + (1 << 20))
		return error_set(err, STATUS_DB,
		    "the database numbers its passages up to %lld for %lld of them: it is damaged (restore a copy, or import the documents into a new database)",
		    w->max_id, rows);
	w->most = xcalloc((size_t)w->max_id + 1, sizeof(*w->most));
	w->touched = xcalloc(WIDE_TOUCHED, sizeof(*w->touched));
	return STATUS_OK;
}

static void
wide_close(struct wide *w)
{
	free(w->idf);
	free(w->bound);
	free(w->tf);
	free(w->slot);
	free(w->most);
	free(w->touched);
	free(w->known);
}

enum status
store_wide(struct store *st, const struct topk_query *tq,
    const struct topk_ask *ask, struct hits *h, bool *done_,
    struct error *err)
{
	static const struct topk_group none = { NULL, 0 };
	const struct topk_group *g = tq->n ? &tq->g[0] : &none;
	struct topk_query words = { 0 };
	struct wide w = { 0 };
	struct wide_hit *order = NULL, *page = NULL;
	struct store_terms *terms = NULL;
	long long *except = NULL, matches = 0;
	size_t n = 0, n_except = 0, n_page = 0, i;
	double rest, next;
	enum status status = STATUS_OK;
	bool too_many = false;

	*done_ = false;
	if (tq->n != 1 || ask->limit == 0)
		return STATUS_OK;
	if (g->n == 1 && g->v[0].prefix) {
		w.prefix = g->v[0].prefix;
		w.prefix_n = strlen(w.prefix);
		status = prefix_words(st, w.prefix, &words, &too_many, err);
		if (status || too_many)
			goto out;
		g = &words.g[0];
	} else if (g->n < 2) {
		return STATUS_OK;
	}
	for (i = 0; i < g->n; i++) {
		if (!g->v[i].term)
			goto out;
		matches += g->v[i].passages;
	}
	if ((status = wide_open(st, g, &w, err)))
		goto out;
	for (i = 0; i < g->n && !status; i++)
		status = add_term(st, &w, i, err);
	if (!status)
		status = walk_bounds(st, &w, err);
	if (status || (ask->except && (status = rowids_of(st, ask->except,
	    &except, &n_except, err))) ||
	    (status = store_terms_open(st, &terms, err)))
		goto out;
	page = xcalloc(ask->limit, sizeof(*page));
	/* First the best of the terms' own bests: a page to start from. */
	n = best_known(&w, WIDE_SEEDS);
	for (i = 0; i < n && !status; i++)
		status = score(st, &w, terms, ask, except, n_except,
		    w.known[i].passage, page, &n_page, err);
	highest(&w, &order, &n, &rest);
	for (i = 0; i < n && !status; i++) {
		if (n_page == ask->limit && page[0].score >=
		    wide_most(&w, order[i].score) * WIDE_SLACK)
			break;
		status = score(st, &w, terms, ask, except, n_except,
		    order[i].passage, page, &n_page, err);
	}
	if (status)
		goto out;
	/*
	 * The answer when proven (no passage left that could beat the
	 * page's last, or none left at all), or when there are too many
	 * matches to rank them all.
	 */
	next = wide_most(&w, i < n ? order[i].score : rest);
	if ((n_page == ask->limit && page[0].score >= next * WIDE_SLACK) ||
	    next == 0 || matches > WIDE_FROM) {
		size_t before = h->n;

		status = page_hits(st, ask, page, n_page, h, err);
		if (status == STATUS_OK && w.prefix)
			status = prefix_snippets(st, &w, terms, h, before, err);
		*done_ = status == STATUS_OK;
	}
out:
	store_terms_close(terms);
	topk_free(&words);
	free(page);
	free(order);
	free(except);
	wide_close(&w);
	return status;
}
