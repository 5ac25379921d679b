/*
 * store_search: full-text search over the passages.  See store.h for the
 * contract, store_db.h for the statement protocol, search.h for how user
 * text becomes FTS5 queries, and the schema in store.c for the three
 * indexes.
 *
 * This file also holds what every connection registers before it touches
 * the schema: the stemming tokenizer of passage_stem, and naast_fold().
 */
#include "config.h"

#include <libstemmer.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "search.h"
#include "store.h"
#include "store_db.h"
#include "text.h"
#include "xalloc.h"

/* What unicode61 is told in passage_fts's schema; the stemmer wraps the same. */
static const char *const word_args[] = { "remove_diacritics", "2" };
#define N_WORD_ARGS 2

/* The message for a query FTS5 refused after all: never SQLite's words. */
#define CANNOT_SEARCH "cannot search for that: try other words"

/* ----------------------------------------------------- stemming tokenizer */

/*
 * naast_stem: the words unicode61 finds (lowercase, diacritics removed),
 * each passed through the Dutch Snowball stemmer.  Offsets are
 * unicode61's, so snippets mark the words as written.  One stemmer per
 * tokenizer instance: FTS5 makes one per table and connection and never
 * uses it from two threads at once.
 */
struct stem_tokenizer {
	struct store *st;	/* whose vocabulary counts the words */
	fts5_tokenizer words;	/* unicode61's methods */
	Fts5Tokenizer *inner;	/* and its instance */
	struct sb_stemmer *stemmer;
};

static void
stem_delete(Fts5Tokenizer *tk)
{
	struct stem_tokenizer *t = (struct stem_tokenizer *)tk;

	if (!t)
		return;
	if (t->inner)
		t->words.xDelete(t->inner);
	if (t->stemmer)
		sb_stemmer_delete(t->stemmer);
	sqlite3_free(t);
}

/* Arguments (none in naast's schema) go to unicode61 instead of word_args. */
static int
stem_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct store *st = ctx;
	fts5_api *api = st->fts5;
	struct stem_tokenizer *t = sqlite3_malloc(sizeof(*t));
	const char *args[N_WORD_ARGS] = { word_args[0], word_args[1] };
	void *words_ctx = NULL;
	int rc;

	*out = NULL;
	if (!t)
		return SQLITE_NOMEM;
	memset(t, 0, sizeof(*t));
	t->st = st;
	rc = api->xFindTokenizer(api, "unicode61", &words_ctx, &t->words);
	if (rc == SQLITE_OK)
		rc = t->words.xCreate(words_ctx, argc > 0 ? argv : args,
		    argc > 0 ? argc : N_WORD_ARGS, &t->inner);
	if (rc == SQLITE_OK && !(t->stemmer = sb_stemmer_new("dutch", NULL)))
		rc = SQLITE_NOMEM;
	if (rc != SQLITE_OK) {
		stem_delete((Fts5Tokenizer *)t);
		return rc;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

/*
 * One call of xTokenize.  For a prefix query ("verkiez"*) the last word
 * is the prefix and must reach FTS5 unstemmed ("verkiez" is no word the
 * stemmer knows what to do with), while the words before it are whole
 * words of a phrase: so each word is held until the next one comes.
 */
struct stem_call {
	struct stem_tokenizer *t;
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
	bool prefix;
	bool counting;		/* the words go to the vocabulary too */
	bool holding;
	char *held;
	int held_n, held_cap, held_flags, held_start, held_end;
};

static int
stem_emit(struct stem_call *c, int flags, const char *tok, int n, int start,
    int end)
{
	const sb_symbol *s = sb_stemmer_stem(c->t->stemmer,
	    (const sb_symbol *)tok, n);

	if (!s)
		return SQLITE_NOMEM;
	return c->token(c->ctx, flags, (const char *)s,
	    sb_stemmer_length(c->t->stemmer), start, end);
}

static int
stem_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct stem_call *c = ctx;
	int rc;

	if (c->counting)
		store_vocab_word(c->t->st, tok, (size_t)n);
	if (!c->prefix)
		return stem_emit(c, flags, tok, n, start, end);
	if (c->holding &&
	    (rc = stem_emit(c, c->held_flags, c->held, c->held_n,
	    c->held_start, c->held_end)) != SQLITE_OK)
		return rc;
	if (n > c->held_cap) {
		char *p = sqlite3_realloc(c->held, n);

		if (!p)
			return SQLITE_NOMEM;
		c->held = p;
		c->held_cap = n;
	}
	if (n > 0)
		memcpy(c->held, tok, (size_t)n);
	c->held_n = n;
	c->held_flags = flags;
	c->held_start = start;
	c->held_end = end;
	c->holding = true;
	return SQLITE_OK;
}

static int
stem_tokenize(Fts5Tokenizer *tk, void *ctx, int flags, const char *text,
    int n, int (*token)(void *, int, const char *, int, int, int))
{
	struct stem_tokenizer *t = (struct stem_tokenizer *)tk;
	struct stem_call c = {
		.t = t,
		.ctx = ctx,
		.token = token,
		.prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0,
		.counting = (flags & FTS5_TOKENIZE_DOCUMENT) && t->st->vocab,
	};
	int rc;

	if (c.counting)
		store_vocab_passage(t->st);
	rc = t->words.xTokenize(t->inner, &c, flags, text, n, stem_token);

	if (rc == SQLITE_OK && c.holding)
		rc = token(ctx, c.held_flags, c.held, c.held_n, c.held_start,
		    c.held_end);
	sqlite3_free(c.held);
	return rc;
}

/* ------------------------------------------------------------ registration */

/* naast_fold(text): library_fold, so that SQL compares as the store does. */
static void
fold_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *v = sqlite3_value_text(argv[0]);

	(void)argc;
	if (!v) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, library_fold((const char *)v), -1, free);
}

enum status
store_search_register(struct store *st, struct error *err)
{
	fts5_tokenizer stem = { stem_create, stem_delete, stem_tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *s;
	int rc;

	/* The documented way to reach FTS5's C interface from outside SQLite. */
	rc = sqlite3_prepare_v2(st->db, "SELECT fts5(?1)", -1, &s, NULL);
	if ((rc & 0xff) == SQLITE_ERROR)	/* no such function */
		return error_set(err, STATUS_DB,
		    "this SQLite has no full-text search (FTS5): install an SQLite library built with it");
	if (rc != SQLITE_OK)
		return db_fail(st, rc, "preparing the full-text search", err);
	sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (!api || api->iVersion < 2)
		return error_set(err, STATUS_DB,
		    "this SQLite has no usable full-text search (FTS5): install a newer SQLite library");
	st->fts5 = api;
	rc = api->xCreateTokenizer(api, STORE_STEM_TOKENIZER, st, &stem, NULL);
	if (rc == SQLITE_OK)
		rc = store_rank_register(api);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(st->db, "naast_fold", 1,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
		    fold_function, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(st, rc, "preparing the full-text search", err);
	return STATUS_OK;
}

/* ------------------------------------------------------------- word tokens */

/* The words of a text as passage_fts sees them: one callback per word. */
struct words_call {
	void (*each)(void *, const char *, size_t);
	void *ctx;
};

static int
words_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct words_call *c = ctx;

	(void)flags;
	(void)start;
	(void)end;
	c->each(c->ctx, tok, (size_t)n);
	return SQLITE_OK;
}

static enum status
words_of(struct store *st, const char *text,
    void (*each)(void *, const char *, size_t), void *ctx, struct error *err)
{
	const char *args[N_WORD_ARGS] = { word_args[0], word_args[1] };
	struct words_call c = { each, ctx };
	fts5_tokenizer tk;
	Fts5Tokenizer *t = NULL;
	void *tk_ctx = NULL;
	size_t len = strlen(text);
	int rc;

	rc = st->fts5->xFindTokenizer(st->fts5, "unicode61", &tk_ctx, &tk);
	if (rc == SQLITE_OK)
		rc = tk.xCreate(tk_ctx, args, N_WORD_ARGS, &t);
	if (rc == SQLITE_OK)
		rc = tk.xTokenize(t, &c, FTS5_TOKENIZE_DOCUMENT, text,
		    len > INT32_MAX ? INT32_MAX : (int)len, words_token);
	if (t)
		tk.xDelete(t);
	if (rc != SQLITE_OK)
		return db_fail(st, rc, "reading the words of a text", err);
	return STATUS_OK;
}

/* ---------------------------------------------------------------- snippets */

/* How much of a passage a snippet made here shows around its first match. */
#define SNIPPET_BEFORE 80
#define SNIPPET_LENGTH 240

/*
 * The folded form of a text (text_fold, case and diacritics aside) with,
 * for each of its bytes, the character of the text it comes from.
 */
struct folded {
	char *s;
	size_t n;
	size_t *from, *to;	/* that character's bytes in the text */
};

static void
fold_mapped(const char *text, struct folded *f)
{
	const uint8_t *p = (const uint8_t *)text, *end = p + strlen(text);
	struct xbuf b = { 0 };
	size_t cap = 0;

	memset(f, 0, sizeof(*f));
	while (p < end) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, p, (size_t)(end - p));
		char one[8], *fc;
		size_t k, at = (size_t)(p - (const uint8_t *)text);

		len = len > 0 ? len : 1;
		memcpy(one, p, (size_t)len);
		one[len] = '\0';
		/* text_fold trims a lone space away: keep word boundaries. */
		fc = uc_is_property_white_space(uc) ? xstrdup(" ") :
		    text_fold(one, TEXT_FOLD_CASE | TEXT_FOLD_MARKS);
		k = strlen(fc);
		if (b.n + k > cap) {
			xgrow(&f->from, &cap, b.n + k, sizeof(*f->from));
			f->to = xrealloc(f->to, cap * sizeof(*f->to));
		}
		for (size_t i = 0; i < k; i++) {
			f->from[b.n + i] = at;
			f->to[b.n + i] = at + (size_t)len;
		}
		xbuf_add(&b, fc, k);
		free(fc);
		p += len;
	}
	f->n = b.n;
	f->s = xbuf_finish(&b);
}

static void
folded_free(struct folded *f)
{
	free(f->s);
	free(f->from);
	free(f->to);
}

struct range {
	size_t start, end;
	size_t term;		/* which term matched there */
};

static int
range_cmp(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Steps back from i to the start of a UTF-8 character. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/*
 * The match to show the text around: the first of those from which the
 * rest of a snippet holds the most different terms, as FTS5's snippet()
 * prefers the fragment with the most phrases.
 */
static size_t
best_match(const struct range *r, size_t nr, bool *seen, size_t n_terms)
{
	size_t best = 0, best_count = 0;

	for (size_t i = 0; i < nr; i++) {
		size_t count = 0;

		memset(seen, 0, n_terms * sizeof(*seen));
		for (size_t j = i; j < nr &&
		    r[j].end <= r[i].start + SNIPPET_LENGTH - SNIPPET_BEFORE; j++)
			if (!seen[r[j].term]) {
				seen[r[j].term] = true;
				count++;
			}
		if (count > best_count) {
			best = i;
			best_count = count;
		}
	}
	return best;
}

/*
 * Bytes [start, end) of text: from a word start at most before bytes
 * before the match m, to a word end about length bytes further, and at
 * least to the end of m.
 */
static struct range
window_around(const char *text, size_t len, const struct range *m,
    size_t before, size_t length)
{
	struct range w = { 0, len, 0 };
	size_t j;

	if (m->start > before) {
		w.start = m->start;
		for (j = m->start; j > 0 && m->start - j <= before; j--)
			if (text[j - 1] == ' ')
				w.start = j;
	}
	if (w.start + length < len) {
		w.end = char_start(text, w.start + length);
		for (j = w.end; j > m->end && text[j] != ' '; j--)
			;
		if (j > m->end)
			w.end = j;
		if (w.end < m->end)
			w.end = m->end;
	}
	return w;
}

/* Appends text[w) to b with the matches r in it marked [so]. */
static void
add_marked(struct xbuf *b, const char *text, struct range w,
    const struct range *r, size_t nr)
{
	size_t i = 0;

	for (size_t at = w.start; at < w.end;) {
		size_t end;

		while (i < nr && r[i].end <= at)
			i++;
		if (i < nr && r[i].start <= at) {
			end = r[i].end < w.end ? r[i].end : w.end;
			xbuf_add(b, "[", 1);
			xbuf_add(b, text + at, end - at);
			xbuf_add(b, "]", 1);
		} else {
			end = i < nr && r[i].start < w.end ? r[i].start : w.end;
			xbuf_add(b, text + at, end - at);
		}
		at = end;
	}
}

/* The most pieces of text a snippet made here shows. */
#define SNIPPET_PIECES 3

/*
 * The snippet of a passage found through trigrams, which FTS5's snippet()
 * would cut into three-letter pieces: the text around the place where
 * most terms occur (case and diacritics aside), and when some term is
 * not in it, a shorter piece around that term's first occurrence (up to
 * SNIPPET_PIECES in all); every occurrence marked [so], "…" where the
 * text was cut.  The start of the passage, unmarked, when no term is
 * found in it after all.
 */
static char *
trigram_snippet(const char *text, const struct search_terms *terms)
{
	struct folded f;
	struct range *r = NULL, w[SNIPPET_PIECES], none = { 0, 0, 0 };
	size_t nr = 0, cap = 0, len = strlen(text), nw = 0, i, j;
	size_t n_terms = terms->n ? terms->n : 1;
	bool *seen = xcalloc(n_terms, sizeof(*seen));
	struct xbuf b = { 0 };

	fold_mapped(text, &f);
	for (size_t t = 0; t < terms->n; t++) {
		char *term = text_fold(terms->terms[t].text,
		    TEXT_FOLD_CASE | TEXT_FOLD_MARKS);
		size_t tn = strlen(term);

		for (const char *at = f.s; tn > 0 && (at = strstr(at, term));
		    at++) {
			size_t pos = (size_t)(at - f.s);

			xgrow(&r, &cap, nr + 1, sizeof(*r));
			r[nr++] = (struct range){ f.from[pos], f.to[pos + tn - 1], t };
		}
		free(term);
	}
	folded_free(&f);
	if (nr > 1)
		qsort(r, nr, sizeof(*r), range_cmp);

	if (nr == 0)
		w[nw++] = window_around(text, len, &none, SNIPPET_BEFORE,
		    SNIPPET_LENGTH);
	else
		w[nw++] = window_around(text, len, &r[best_match(r, nr, seen,
		    n_terms)], SNIPPET_BEFORE, SNIPPET_LENGTH);
	/* The terms that no piece shows yet get one of their own. */
	while (nr > 0 && nw < SNIPPET_PIECES) {
		memset(seen, 0, n_terms * sizeof(*seen));
		for (i = 0; i < nr; i++)
			for (j = 0; j < nw; j++)
				if (r[i].start >= w[j].start && r[i].end <= w[j].end)
					seen[r[i].term] = true;
		for (i = 0; i < nr && seen[r[i].term]; i++)
			;
		if (i == nr)
			break;
		w[nw++] = window_around(text, len, &r[i], SNIPPET_BEFORE / 2,
		    SNIPPET_LENGTH / 2);
	}
	free(seen);
	qsort(w, nw, sizeof(*w), range_cmp);

	/* Overlapping matches are one mark; overlapping pieces one piece. */
	for (i = 1, j = nr ? 1 : 0; i < nr; i++) {
		if (r[i].start <= r[j - 1].end) {
			if (r[i].end > r[j - 1].end)
				r[j - 1].end = r[i].end;
		} else {
			r[j++] = r[i];
		}
	}
	nr = j;
	for (i = 1, j = 1; i < nw; i++) {
		if (w[i].start <= w[j - 1].end) {
			if (w[i].end > w[j - 1].end)
				w[j - 1].end = w[i].end;
		} else {
			w[j++] = w[i];
		}
	}
	nw = j;

	for (i = 0; i < nw; i++) {
		if (w[i].start > 0)
			xbuf_puts(&b, "\u2026");
		add_marked(&b, text, w[i], r, nr);
	}
	if (w[nw - 1].end < len)
		xbuf_puts(&b, "\u2026");
	free(r);
	return xbuf_finish(&b);
}

/* ------------------------------------------------------------------- hits */

/* A step that failed on the query, not on the database: never SQLite's words. */
static enum status
search_fail(struct store *st, int rc, struct error *err)
{
	if ((rc & 0xff) == SQLITE_ERROR)
		return error_set(err, STATUS_USAGE, CANNOT_SEARCH);
	return db_fail(st, rc, "searching", err);
}

/* Higher is better: tiers apart, bm25 (negative, lower better) within one. */
static double
tier_score(int tier, double bm25)
{
	double s = bm25 < 0 ? -bm25 : 0;

	return tier + s / (1 + s);
}

struct hits {
	struct search_hit *v;
	size_t n, cap;
	int *tiers;		/* of each hit: which index found it */
	size_t tiers_cap;
};

/* Reads the HIT_COLUMNS of the rows of s into h; s is done() after. */
static enum status
read_hits(struct store *st, sqlite3_stmt *s, struct hits *h,
    const struct search_terms *terms, struct error *err)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct search_hit *hit;
		enum role role;
		int tier = sqlite3_column_int(s, 9);

		if (!model_role_from_name((const char *)sqlite3_column_text(s, 4),
		    &role))
			role = ROLE_OTHER;
		xgrow(&h->v, &h->cap, h->n + 1, sizeof(*h->v));
		xgrow(&h->tiers, &h->tiers_cap, h->n + 1, sizeof(*h->tiers));
		hit = &h->v[h->n];
		h->tiers[h->n++] = tier;
		*hit = (struct search_hit){
			.passage = sqlite3_column_int64(s, 0),
			.doc = sqlite3_column_int64(s, 1),
			.set = sqlite3_column_int64(s, 2),
			.vraag = sqlite3_column_int(s, 3),
			.role = role,
			.kind = kind_from_name(
			    (const char *)sqlite3_column_text(s, 5)),
			.origin = col_strdup(s, 8),
			.score = tier_score(tier, sqlite3_column_double(s, 10)),
			.substring = tier == 0,
		};
		col_copy(s, 6, hit->ministry, sizeof(hit->ministry));
		col_copy(s, 7, hit->date, sizeof(hit->date));
		if (tier == 0 && terms && sqlite3_column_text(s, 11))
			hit->snippet = trigram_snippet(
			    (const char *)sqlite3_column_text(s, 11), terms);
		/* The statements by rank bring the FTS5 snippet along. */
		else if (sqlite3_column_count(s) > 12 && sqlite3_column_text(s, 12))
			hit->snippet = col_strdup(s, 12);
	}
	done(s);
	if (rc != SQLITE_DONE)
		return search_fail(st, rc, err);
	return STATUS_OK;
}

/* The FTS5 snippets of the hits that have none yet; query is their MATCH. */
static enum status
snippets(struct store *st, struct hits *h, const char *query,
    struct error *err)
{
	for (size_t i = 0; i < h->n; i++) {
		const unsigned char *text;
		sqlite3_stmt *s;
		int rc;

		if (h->v[i].snippet)
			continue;
		s = sql(st, h->tiers[i] == 2 ? SQL_SNIPPET_EXACT : SQL_SNIPPET_STEM,
		    err);
		if (!s)
			return st->prepare_failure;
		bind_text(s, 1, query);
		sqlite3_bind_int64(s, 2, h->v[i].passage);
		rc = sqlite3_step(s);
		text = rc == SQLITE_ROW ? sqlite3_column_text(s, 0) : NULL;
		h->v[i].snippet = xstrdup(text ? (const char *)text : "");
		done(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return search_fail(st, rc, err);
	}
	return STATUS_OK;
}

static void
hits_free(struct hits *h)
{
	store_hits_free(h->v, h->n);
	free(h->tiers);
	memset(h, 0, sizeof(*h));
}

/* ----------------------------------------------------------------- search */

/* q has a filter (store.c: the statements by rank differ). */
static bool
filtered(const struct search_query *q)
{
	return (q->ministry && *q->ministry) || (q->questioner && *q->questioner) ||
	    (q->party && *q->party) || (q->from && *q->from) ||
	    (q->to && *q->to) || q->kind != DOC_UNKNOWN;
}

/*
 * Runs one of the search statements with q's filters into h, for up to
 * limit more hits.
 */
static enum status
run_search(struct store *st, enum sql_id id, const struct search_query *q,
    const char *words, const char *trigrams, const struct search_terms *terms,
    size_t limit, struct hits *h, struct error *err)
{
	sqlite3_stmt *s = sql(st, id, err);
	char *questioner = q->questioner && *q->questioner ?
	    library_fold(q->questioner) : NULL;
	char *party = q->party && *q->party ? library_fold(q->party) : NULL;
	enum status status;

	if (!s) {
		free(questioner);
		free(party);
		return st->prepare_failure;
	}
	bind_text(s, 1, words);
	bind_text(s, 2, trigrams);
	bind_text_or_null(s, 3, q->ministry);
	bind_text(s, 4, questioner);
	bind_text(s, 5, party);
	bind_text_or_null(s, 6, q->from);
	bind_text_or_null(s, 7, q->to);
	bind_text(s, 8, q->kind == DOC_UNKNOWN ? NULL : model_kind_name(q->kind));
	sqlite3_bind_int(s, 9, q->sort == SEARCH_BY_DATE);
	sqlite3_bind_int64(s, 10, (long long)limit);
	sqlite3_bind_int64(s, 11, q->ranked ? (long long)q->ranked : STORE_RANKED);
	status = read_hits(st, s, h, terms, err);
	free(questioner);
	free(party);
	return status;
}

/*
 * One index's hits after a filter (store.c): among its newest matches
 * first (newest), of all of them (all) when fewer than want pass.
 */
static enum status
run_tier(struct store *st, enum sql_id newest, enum sql_id all,
    const struct search_query *q, const char *words,
    const struct search_terms *terms, size_t want, struct hits *h,
    struct error *err)
{
	size_t before = h->n;
	enum status status = run_search(st, newest, q, words, NULL, terms,
	    want, h, err);

	if (status != STATUS_OK || h->n - before >= want)
		return status;
	for (size_t i = before; i < h->n; i++) {
		free(h->v[i].origin);
		free(h->v[i].snippet);
	}
	h->n = before;
	return run_search(st, all, q, words, NULL, terms, want, h, err);
}

enum status
store_search(struct store *st, const struct search_query *q,
    struct search_hit **hits, size_t *n, struct error *err)
{
	struct search_terms terms = { 0 };
	struct hits h = { 0 };
	char *words = NULL, *trigrams = NULL;
	size_t limit = q->limit ? q->limit : 50;
	enum status status;

	*hits = NULL;
	*n = 0;
	if ((status = search_parse(q->text, &terms, err)))
		return status;
	words = search_fts_query(&terms);
	trigrams = search_trigram_query(&terms);
	if ((status = read_begin(st, err)))
		goto out;
	if (q->substring && trigrams) {
		status = run_search(st, SQL_SEARCH_SUBSTRING, q, words, trigrams,
		    &terms, limit, &h, err);
	} else if (q->sort == SEARCH_BY_RANK) {
		/* The exact forms first; other forms of the words after them. */
		if (filtered(q))
			status = run_tier(st, SQL_SEARCH_EXACT_NEWEST,
			    SQL_SEARCH_EXACT_FILTERED, q, words, &terms, limit, &h,
			    err);
		else
			status = run_search(st, SQL_SEARCH_EXACT, q, words,
			    trigrams, &terms, limit, &h, err);
		if (status == STATUS_OK && h.n < limit)
			status = run_tier(st, SQL_SEARCH_STEM_NEWEST,
			    SQL_SEARCH_STEM, q, words, &terms, limit - h.n, &h,
			    err);
	} else {
		status = run_search(st, SQL_SEARCH_WORDS, q, words, trigrams,
		    &terms, limit, &h, err);
	}
	/* Nothing as words: perhaps as parts of words. */
	if (status == STATUS_OK && h.n == 0 && !q->substring && trigrams)
		status = run_search(st, SQL_SEARCH_SUBSTRING, q, words, trigrams,
		    &terms, limit, &h, err);
	if (status == STATUS_OK)
		status = snippets(st, &h, words, err);
	read_end(st);
out:
	if (status == STATUS_OK) {
		*hits = h.v;
		*n = h.n;
		free(h.tiers);
	} else {
		hits_free(&h);
	}
	free(words);
	free(trigrams);
	search_terms_free(&terms);
	return status;
}

/* ---------------------------------------------------------------- suggest */

#define SUGGEST_MAX 5

struct suggestion {
	char *word;
	size_t distance;
	long long count;
};

/* A word of the text that the index does not have, and its nearest words. */
struct missing {
	char *word;
	size_t chars, max;	/* its length; the farthest a suggestion may be */
	struct suggestion best[SUGGEST_MAX];
	size_t n;
};

struct missing_list {
	struct missing *v;
	size_t n, cap;
	char **seen;		/* every word of the text, once */
	size_t n_seen;
};

static void
collect_word(void *ctx, const char *tok, size_t n)
{
	struct missing_list *m = ctx;
	char *w = xstrndup(tok, n);

	for (size_t i = 0; i < m->n_seen; i++)
		if (strcmp(m->seen[i], w) == 0) {
			free(w);
			return;
		}
	model_strv_add(&m->seen, &m->n_seen, w);
}

/* Nearest first, then the most frequent, then A to Z: a stable order. */
static bool
suggestion_before(const struct suggestion *a, const struct suggestion *b)
{
	if (a->distance != b->distance)
		return a->distance < b->distance;
	if (a->count != b->count)
		return a->count > b->count;
	return strcmp(a->word, b->word) < 0;
}

static void
offer(struct missing *m, const char *term, size_t distance, long long count)
{
	struct suggestion s = { NULL, distance, count };
	size_t i;

	s.word = (char *)term;
	if (m->n == SUGGEST_MAX && !suggestion_before(&s, &m->best[m->n - 1]))
		return;
	if (m->n == SUGGEST_MAX)
		free(m->best[--m->n].word);
	for (i = m->n; i > 0 && suggestion_before(&s, &m->best[i - 1]); i--)
		m->best[i] = m->best[i - 1];
	s.word = xstrdup(term);
	m->best[i] = s;
	m->n++;
}

static void
missing_free(struct missing_list *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].word);
		for (size_t j = 0; j < m->v[i].n; j++)
			free(m->v[i].best[j].word);
	}
	free(m->v);
	model_strv_free(m->seen, m->n_seen);
}

/* Which words of the text the exact index does not have. */
static enum status
find_missing(struct store *st, struct missing_list *m, struct error *err)
{
	for (size_t i = 0; i < m->n_seen; i++) {
		const char *w = m->seen[i];
		size_t chars = u8_mbsnlen((const uint8_t *)w, strlen(w));
		sqlite3_stmt *s;
		enum status status;
		bool found;

		/* Everything is one edit from a one-letter word. */
		if (chars < 2)
			continue;
		if (!(s = sql(st, SQL_VOCAB_HAS, err)))
			return st->prepare_failure;
		bind_text(s, 1, w);
		if ((status = step_row(st, s, &found, "reading the index", err)))
			return status;
		done(s);
		if (found)
			continue;
		xgrow(&m->v, &m->cap, m->n + 1, sizeof(*m->v));
		m->v[m->n++] = (struct missing){
			.word = xstrdup(w),
			.chars = chars,
			.max = chars >= 5 ? 2 : 1,
		};
	}
	return STATUS_OK;
}

/* One pass over the vocabulary for all the missing words. */
static enum status
scan_vocabulary(struct store *st, struct missing_list *m, struct error *err)
{
	size_t lo = SIZE_MAX, hi = 0;
	sqlite3_stmt *s;
	int rc;

	for (size_t i = 0; i < m->n; i++) {
		if (m->v[i].chars - m->v[i].max < lo)
			lo = m->v[i].chars - m->v[i].max;
		if (m->v[i].chars + m->v[i].max > hi)
			hi = m->v[i].chars + m->v[i].max;
	}
	if (!(s = sql(st, SQL_VOCAB_TERMS, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, (long long)lo);
	sqlite3_bind_int64(s, 2, (long long)hi);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(s, 0);
		long long count = sqlite3_column_int64(s, 1);

		for (size_t i = 0; term && i < m->n; i++) {
			size_t d = search_distance(m->v[i].word, term, m->v[i].max);

			if (d > 0 && d <= m->v[i].max)
				offer(&m->v[i], term, d, count);
		}
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, "reading the index", err);
	return STATUS_OK;
}

enum status
store_suggest(struct store *st, const char *text, char ***words, size_t *n,
    struct error *err)
{
	struct search_terms terms = { 0 };
	struct missing_list m = { 0 };
	enum status status;

	*words = NULL;
	*n = 0;
	/* Nothing to search for is nothing to suggest either. */
	if (search_parse(text, &terms, NULL) != STATUS_OK)
		return STATUS_OK;
	status = STATUS_OK;
	for (size_t i = 0; status == STATUS_OK && i < terms.n; i++) {
		struct search_term *t = &terms.terms[i];
		size_t before = m.n_seen;

		status = words_of(st, t->text, collect_word, &m, err);
		/* The last word of a prefix is a part of a word, not a misspelling. */
		if (t->prefix && m.n_seen > before)
			free(m.seen[--m.n_seen]);
	}
	if (status == STATUS_OK && (status = read_begin(st, err)) == STATUS_OK) {
		status = find_missing(st, &m, err);
		if (status == STATUS_OK && m.n > 0)
			status = scan_vocabulary(st, &m, err);
		read_end(st);
	}
	for (size_t i = 0; status == STATUS_OK && i < m.n; i++)
		for (size_t j = 0; j < m.v[i].n; j++) {
			bool dup = false;

			for (size_t k = 0; k < *n && !dup; k++)
				dup = strcmp((*words)[k], m.v[i].best[j].word) == 0;
			if (!dup)
				model_strv_add(words, n, xstrdup(m.v[i].best[j].word));
		}
	if (status != STATUS_OK) {
		model_strv_free(*words, *n);
		*words = NULL;
		*n = 0;
	}
	missing_free(&m);
	search_terms_free(&terms);
	return status;
}

/* ---------------------------------------------------------------- related */

/* The most terms a related query asks for. */
#define RELATED_TERMS 12

struct stem_word {
	char *stem;		/* as passage_stem has it */
	char *word;		/* a word of the passage with that stem */
	double weight;
};

struct stem_words {
	struct stem_word *v;
	size_t n, cap;
	struct sb_stemmer *stemmer;
};

/*
 * Dutch function words (the Snowball project's Dutch stop list): frequent
 * everywhere, so they say nothing about what a passage is about, yet in a
 * long paragraph their many occurrences would outweigh rare words.
 */
static const char *const stop_words[] = {
	"aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar",
	"dan", "dat", "de", "der", "deze", "die", "dit", "doch", "doen", "door",
	"dus", "een", "eens", "en", "er", "ge", "geen", "geweest", "haar", "had",
	"heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe", "hun",
	"iemand", "iets", "ik", "in", "is", "ja", "je", "kan", "kon", "kunnen",
	"maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "na", "naar",
	"niet", "niets", "nog", "nu", "of", "om", "omdat", "onder", "ons", "ook",
	"op", "over", "reeds", "te", "tegen", "toch", "toen", "tot", "u", "uit",
	"uw", "van", "veel", "voor", "want", "waren", "was", "wat", "werd",
	"wezen", "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich",
	"zij", "zijn", "zo", "zonder", "zou",
};

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool
is_stop_word(const char *w)
{
	return bsearch(&w, stop_words, sizeof(stop_words) / sizeof(*stop_words),
	    sizeof(*stop_words), str_cmp) != NULL;
}

static void
collect_stem(void *ctx, const char *tok, size_t n)
{
	struct stem_words *w = ctx;
	const sb_symbol *s;
	char *word = xstrndup(tok, n), *stem;

	if (is_stop_word(word)) {
		free(word);
		return;
	}
	s = sb_stemmer_stem(w->stemmer, (const sb_symbol *)tok, (int)n);
	if (!s) {
		free(word);
		return;
	}
	stem = xstrndup((const char *)s, (size_t)sb_stemmer_length(w->stemmer));
	/* "moeten" is "moet" to the stemmer: as little distinctive */
	if (is_stop_word(stem)) {
		free(word);
		free(stem);
		return;
	}
	xgrow(&w->v, &w->cap, w->n + 1, sizeof(*w->v));
	w->v[w->n++] = (struct stem_word){
		.stem = stem,
		.word = word,
	};
}

static int
stem_cmp(const void *a, const void *b)
{
	return strcmp(((const struct stem_word *)a)->stem,
	    ((const struct stem_word *)b)->stem);
}

/* Heaviest first; A to Z among equals, so that the query is stable. */
static int
weight_cmp(const void *a, const void *b)
{
	const struct stem_word *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return strcmp(x->stem, y->stem);
}

static void
stem_words_free(struct stem_words *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->v[i].stem);
		free(w->v[i].word);
	}
	free(w->v);
}

/*
 * The natural logarithm of x >= 1, without libm (which naast does not
 * link): halve x into [1, 2), then ln x = 2 atanh((x - 1) / (x + 1)),
 * whose series converges fast there.  Only weights come from it.
 */
static double
natural_log(double x)
{
	double y, y2, term, sum = 0;
	int halvings = 0;

	while (x >= 2) {
		x /= 2;
		halvings++;
	}
	y = (x - 1) / (x + 1);
	y2 = y * y;
	term = y;
	for (int i = 1; i < 30; i += 2) {
		sum += term / i;
		term *= y2;
	}
	return 2 * sum + halvings * 0.69314718055994530942;
}

/*
 * Groups the passage's words by stem and weighs each stem by tf-idf:
 * tf * log(N / df), tf its words in the passage, N the passages, df those
 * with the stem.  Stems shorter than three letters say little and go.
 * Heaviest first.
 */
static enum status
weigh_stems(struct store *st, struct stem_words *w, struct error *err)
{
	long long total;
	size_t kept = 0, i, j;
	enum status status;
	sqlite3_stmt *s;
	bool found;

	if (w->n > 1)
		qsort(w->v, w->n, sizeof(*w->v), stem_cmp);
	for (i = 0; i < w->n; i = j) {
		for (j = i + 1; j < w->n &&
		    strcmp(w->v[j].stem, w->v[i].stem) == 0; j++) {
			free(w->v[j].stem);
			free(w->v[j].word);
		}
		if (u8_mbsnlen((const uint8_t *)w->v[i].stem,
		    strlen(w->v[i].stem)) < 3) {
			free(w->v[i].stem);
			free(w->v[i].word);
			continue;
		}
		w->v[kept] = w->v[i];
		w->v[kept++].weight = (double)(j - i);	/* tf, for now */
	}
	w->n = kept;

	if (!(s = sql(st, SQL_PASSAGE_COUNT, err)))
		return st->prepare_failure;
	if ((status = step_row(st, s, &found, "counting the passages", err)))
		return status;
	total = found ? sqlite3_column_int64(s, 0) : 0;
	done(s);
	for (i = 0; i < w->n; i++) {
		long long df = 0;

		if (!(s = sql(st, SQL_STEM_DOCS, err)))
			return st->prepare_failure;
		bind_text(s, 1, w->v[i].stem);
		if ((status = step_row(st, s, &found, "reading the index", err)))
			return status;
		if (found)
			df = sqlite3_column_int64(s, 0);
		done(s);
		w->v[i].weight = df > 0 && total > df ?
		    w->v[i].weight * natural_log((double)total / (double)df) : 0;
	}
	if (w->n > 1)
		qsort(w->v, w->n, sizeof(*w->v), weight_cmp);
	return STATUS_OK;
}

/*
 * The OR query of the heaviest words, NULL when none weighs anything.
 * The words are unicode61's, which the stemmer of passage_stem takes to
 * the same stems again (a stem itself might not stem to itself).
 */
static char *
related_query(const struct stem_words *w)
{
	struct xbuf b = { 0 };

	for (size_t i = 0; i < w->n && i < RELATED_TERMS && w->v[i].weight > 0;
	    i++) {
		if (i > 0)
			xbuf_puts(&b, " OR ");
		search_add_quoted(&b, w->v[i].word);
	}
	if (b.n == 0)
		return NULL;
	return xbuf_finish(&b);
}

enum status
store_related(struct store *st, long long passage, size_t limit,
    struct search_hit **hits, size_t *n, struct error *err)
{
	struct stem_words w = { 0 };
	struct hits h = { 0 };
	char *text = NULL, *query = NULL;
	long long doc = 0;
	enum status status;
	sqlite3_stmt *s;
	bool found;

	*hits = NULL;
	*n = 0;
	if ((status = read_begin(st, err)))
		return status;
	if (!(s = sql(st, SQL_RELATED_PASSAGE, err))) {
		status = st->prepare_failure;
		goto out;
	}
	sqlite3_bind_int64(s, 1, passage);
	if ((status = step_row(st, s, &found, "reading the passage", err)))
		goto out;
	if (found) {
		text = col_strdup(s, 0);
		doc = sqlite3_column_int64(s, 1);
	}
	done(s);
	if (!found) {
		status = error_set(err, STATUS_NOT_FOUND,
		    "there is no passage %lld", passage);
		goto out;
	}

	if (!(w.stemmer = sb_stemmer_new("dutch", NULL))) {
		status = error_set(err, STATUS_DB,
		    "the Dutch stemmer of libstemmer is missing: reinstall libstemmer");
		goto out;
	}
	status = words_of(st, text ? text : "", collect_stem, &w, err);
	if (status == STATUS_OK)
		status = weigh_stems(st, &w, err);
	if (status != STATUS_OK || !(query = related_query(&w)))
		goto out;

	if (!(s = sql(st, SQL_RELATED, err))) {
		status = st->prepare_failure;
		goto out;
	}
	bind_text(s, 1, query);
	sqlite3_bind_int64(s, 2, doc);
	sqlite3_bind_int64(s, 3, limit ? (long long)limit : 50);
	status = read_hits(st, s, &h, NULL, err);
	if (status == STATUS_OK)
		status = snippets(st, &h, query, err);
	/* A likeness has no tier: its score is its bm25 alone, in [0, 1). */
	for (size_t i = 0; i < h.n; i++)
		h.v[i].score -= 1;
out:
	read_end(st);
	if (status == STATUS_OK) {
		*hits = h.v;
		*n = h.n;
		free(h.tiers);
	} else {
		hits_free(&h);
	}
	if (w.stemmer)
		sb_stemmer_delete(w.stemmer);
	stem_words_free(&w);
	free(query);
	free(text);
	return status;
}

void
store_hits_free(struct search_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(hits[i].origin);
		free(hits[i].snippet);
	}
	free(hits);
}
