/*
 * store_search: full-text search over the passages, and the hits it
 * returns (store_related.c reads its hits the same way).  See store.h
 * for the contract, store_db.h for the statement protocol, search.h for
 * how user text becomes FTS5 queries, the schema in store.c for the
 * index, store_topk.c for the ranking and store_snippet.c for the
 * snippets of parts of words.
 */
#include "config.h"

#include <libstemmer.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "store.h"
#include "store_db.h"
#include "text.h"
#include "xalloc.h"

/* The message for a query FTS5 refused after all: never SQLite's words. */
#define CANNOT_SEARCH "cannot search for that: try other words"

/* ------------------------------------------------------------------- hits */

/* A step that failed on the query, not on the database: never SQLite's words. */
static enum status
search_fail(struct store *st, int rc, struct error *err)
{
	if ((rc & 0xff) == SQLITE_ERROR)
		return error_set(err, STATUS_USAGE, CANNOT_SEARCH);
	return db_fail(st, rc, N_("searching"), err);
}

/* Higher is better: tiers apart, bm25 (negative, lower better) within one. */
static double
tier_score(int tier, double bm25)
{
	double s = bm25 < 0 ? -bm25 : 0;

	return tier + s / (1 + s);
}

enum status
hits_read(struct store *st, sqlite3_stmt *s, struct hits *h,
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
			.note_of_role = ROLE_OTHER,
		};
		col_copy(s, 6, hit->ministry, sizeof(hit->ministry));
		col_copy(s, 7, hit->date, sizeof(hit->date));
		if (tier == 0 && terms && sqlite3_column_text(s, 11))
			hit->snippet = store_part_snippet(
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

/* What the footnote of hit (a footnote's passage) belongs to, and its marker. */
static enum status
hit_note_of(struct store *st, struct search_hit *hit, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_FOOTNOTE_OF, err);
	enum status status;
	bool found;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, hit->passage);
	if ((status = step_row(st, s, &found, N_("reading the footnotes"), err)))
		return status;
	if (found) {
		hit->note_of = sqlite3_column_int64(s, 0);
		if (!model_role_from_name((const char *)sqlite3_column_text(s, 1),
		    &hit->note_of_role))
			hit->note_of_role = ROLE_OTHER;
		hit->marker = col_strdup(s, 2);
	}
	done(s);
	return STATUS_OK;
}

enum status
hits_finish(struct store *st, struct hits *h, const char *exact,
    const char *stems, struct error *err)
{
	for (size_t i = 0; i < h->n; i++) {
		const char *query = h->tiers[i] == 2 ? exact : stems;
		const unsigned char *text;
		enum status status;
		sqlite3_stmt *s;
		int rc;

		if (h->v[i].role == ROLE_FOOTNOTE && !h->v[i].note_of &&
		    (status = hit_note_of(st, &h->v[i], err)))
			return status;
		/* Hits of one document are often next to each other. */
		if (i > 0 && h->v[i - 1].doc == h->v[i].doc)
			h->v[i].title = h->v[i - 1].title ?
			    xstrdup(h->v[i - 1].title) : NULL;
		else if ((status = store_db_doc_title(st, h->v[i].doc,
		    &h->v[i].title, err)))
			return status;
		if (h->v[i].snippet || !query)
			continue;
		if (!(s = sql(st, SQL_SNIPPET, err)))
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

/* The matching key of passage's text (text_fold), NULL when there is none. */
static enum status
passage_key(struct store *st, long long passage, char **key,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_PASSAGE_TEXT, err);
	enum status status;
	bool found;

	*key = NULL;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, passage);
	if ((status = step_row(st, s, &found, N_("reading the passage"), err)))
		return status;
	if (found && sqlite3_column_text(s, 0))
		*key = text_fold((const char *)sqlite3_column_text(s, 0), 0);
	done(s);
	return STATUS_OK;
}

/* Whether hit h has a passage of document doc already. */
static bool
hit_has_doc(const struct search_hit *h, long long doc)
{
	if (h->doc == doc)
		return true;
	for (size_t i = 0; i < h->n_same; i++)
		if (h->same[i].doc == doc)
			return true;
	return false;
}

/* Frees what hit h holds. */
static void
hit_clear(struct search_hit *h)
{
	free(h->origin);
	free(h->title);
	free(h->snippet);
	free(h->marker);
	free(h->same);
}

/* Adds to hit h the passage of document doc of ministry as one more same. */
static void
hit_add_same(struct search_hit *h, long long passage, long long doc,
    const char *ministry)
{
	struct search_same *to;

	h->same = xrealloc(h->same, (h->n_same + 1) * sizeof(*h->same));
	to = &h->same[h->n_same++];
	*to = (struct search_same){ .passage = passage, .doc = doc };
	snprintf(to->ministry, sizeof(to->ministry), "%s",
	    ministry ? ministry : "");
}

/*
 * Makes the hits on one text of one vraag of a set, in several of its
 * answers, one hit: the first (the best, or the newest), with the others
 * in its same.  A vraag asked of several ministries is printed in each
 * answer; the reader wants it once, with who answered it.  Texts are the
 * same when their matching keys are (text_fold: white space and
 * typography aside), as the import compares the texts of a vraag.
 */
static enum status
group_same(struct store *st, struct hits *h, struct error *err)
{
	char **keys = xcalloc(h->n + 1, sizeof(*keys));
	enum status status = STATUS_OK;
	size_t kept = 0;

	for (size_t i = 0; i < h->n && !status; i++)
		if (h->v[i].set && h->v[i].vraag)
			status = passage_key(st, h->v[i].passage, &keys[i], err);
	for (size_t i = 0; i < h->n; i++) {
		struct search_hit *hit = &h->v[i];
		size_t j;

		for (j = 0; !status && keys[i] && j < kept; j++) {
			struct search_hit *to = &h->v[j];

			if (keys[j] && to->set == hit->set &&
			    to->vraag == hit->vraag && to->role == hit->role &&
			    to->note_of_role == hit->note_of_role &&
			    !hit_has_doc(to, hit->doc) &&
			    strcmp(keys[j], keys[i]) == 0)
				break;
		}
		if (!status && keys[i] && j < kept) {
			struct search_hit *to = &h->v[j];

			hit_add_same(to, hit->passage, hit->doc, hit->ministry);
			hit_clear(hit);
			free(keys[i]);
			continue;
		}
		h->v[kept] = *hit;
		h->tiers[kept] = h->tiers[i];
		keys[kept++] = keys[i];
	}
	for (size_t i = 0; i < kept; i++)
		free(keys[i]);
	free(keys);
	h->n = kept;
	return status;
}

/*
 * Completes the same of hit h from the database: every other document of
 * its set and kind with its text (its matching key) at its vraag and
 * role.  group_same makes one hit of the hits it is given, but the
 * passages of the other answers may rank below the page, and the hit
 * names every ministry that holds its text, whatever the page's size.
 */
static enum status
complete_same(struct store *st, struct search_hit *h, struct error *err)
{
	sqlite3_stmt *s;
	enum status status;
	char *key;
	int rc;

	if (!h->set || !h->vraag)
		return STATUS_OK;
	if ((status = passage_key(st, h->passage, &key, err)) || !key)
		return status;
	if (!(s = sql(st, SQL_SAME_TEXT, err))) {
		free(key);
		return st->prepare_failure;
	}
	sqlite3_bind_int64(s, 1, h->set);
	sqlite3_bind_int(s, 2, h->vraag);
	bind_text(s, 3, model_role_name(h->role));
	sqlite3_bind_int64(s, 4, h->doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long doc = sqlite3_column_int64(s, 1);
		const char *text = (const char *)sqlite3_column_text(s, 3);
		const char *of = (const char *)sqlite3_column_text(s, 4);
		enum role of_role = ROLE_OTHER;
		char *other;

		if (h->role == ROLE_FOOTNOTE &&
		    (!of || !model_role_from_name(of, &of_role)))
			of_role = ROLE_OTHER;
		if (!text || of_role != h->note_of_role || hit_has_doc(h, doc))
			continue;
		other = text_fold(text, 0);
		if (other && strcmp(other, key) == 0)
			hit_add_same(h, sqlite3_column_int64(s, 0), doc,
			    (const char *)sqlite3_column_text(s, 2));
		free(other);
	}
	done(s);
	free(key);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the answers to a vraag"), err);
	return STATUS_OK;
}

static int
ministry_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *
store_hit_ministries(const struct search_hit *h)
{
	const char **codes = xcalloc(h->n_same + 1, sizeof(*codes));
	struct xbuf b = { 0 };
	size_t n = 0;

	if (h->ministry[0])
		codes[n++] = h->ministry;
	for (size_t i = 0; i < h->n_same; i++)
		if (h->same[i].ministry[0])
			codes[n++] = h->same[i].ministry;
	qsort(codes, n, sizeof(*codes), ministry_cmp);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(codes[i], codes[i - 1]) != 0) {
			if (b.n)
				xbuf_puts(&b, ", ");
			xbuf_puts(&b, codes[i]);
		}
	free(codes);
	return xbuf_finish(&b);
}

void
hits_free(struct hits *h)
{
	store_hits_free(h->v, h->n);
	free(h->tiers);
	memset(h, 0, sizeof(*h));
}

/* ----------------------------------------------------------------- search */

/*
 * A search's queries, one per tier (store_topk.c): the words as typed,
 * their stems, and the words that have the parts typed (parts: none
 * when parts are not asked for, or no word has them).  The FTS5 text
 * of the first two makes the snippets.
 */
struct queries {
	struct topk_query exact, stems, parts;
	char *exact_text, *stems_text;
	bool has_parts;
	struct search_info info;
};

static void
queries_free(struct queries *qs)
{
	topk_free(&qs->exact);
	topk_free(&qs->stems);
	topk_free(&qs->parts);
	free(qs->exact_text);
	free(qs->stems_text);
}

struct folded_words {
	char **v;
	size_t n, cap;
};

static void
add_word(void *ctx, const char *w, size_t n)
{
	struct folded_words *f = ctx;

	xgrow(&f->v, &f->cap, f->n + 1, sizeof(*f->v));
	f->v[f->n++] = xstrndup(w, n);
}

static void
folded_words_free(struct folded_words *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
	memset(f, 0, sizeof(*f));
}

/* The one word the index makes of term, or NULL (none, or several). */
static char *
one_word(struct store *st, const struct search_term *term, struct error *err)
{
	struct folded_words f = { 0 };
	char *word = NULL;

	if (!term->phrase &&
	    store_words_of(st, term->text, add_word, &f, err) == STATUS_OK &&
	    f.n == 1) {
		word = f.v[0];
		f.v[0] = NULL;
	}
	folded_words_free(&f);
	return word;
}

/*
 * Adds to tq, as a group of its own, the words of the vocabulary that
 * statement id finds for word (that contain it): the STORE_PART_WORDS
 * in the most passages, OR-ed.  *words and *all count
 * them and all that it found; *none is set when there is none.
 */
static enum status
add_vocabulary(struct store *st, enum sql_id id, const char *word,
    struct topk_query *tq, size_t *words, size_t *all, bool *none,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, id, err);
	size_t found = 0;
	int rc;

	if (!s)
		return st->prepare_failure;
	bind_text(s, 1, word);
	sqlite3_bind_int(s, 2, STORE_PART_WORDS);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		topk_add(tq, found == 0, col_strdup(s, 0), NULL);
		if (found++ == 0)
			*all += (size_t)sqlite3_column_int64(s, 1);
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the vocabulary"), err);
	*words += found;
	*none |= found == 0;
	return STATUS_OK;
}

/* The text of a term for FTS5, behind mark: "\x01word"*, say. */
static char *
term_text(const struct search_term *term, const char *mark)
{
	struct xbuf b = { 0 };
	char *marked = xasprintf("%s%s", mark, term->text);

	search_add_quoted(&b, marked);
	free(marked);
	if (term->prefix)
		xbuf_add(&b, "*", 1);
	return xbuf_finish(&b);
}

/*
 * The queries of terms, one group per term in each: a word as the term
 * of the index (its stem in stems), anything else (a phrase, a prefix)
 * as its text; with substring, a part of a word (search_term_is_part)
 * in parts as the words that contain it.
 */
static enum status
make_queries(struct store *st, const struct search_terms *terms,
    bool substring, struct queries *qs, struct error *err)
{
	struct sb_stemmer *stemmer = sb_stemmer_new("dutch", NULL);
	enum status status = STATUS_OK;
	bool no_part = false;

	if (!stemmer)
		return error_set(err, STATUS_DB,
		    "the Dutch stemmer of libstemmer is missing: reinstall libstemmer");
	qs->exact_text = search_fts_query(terms);
	qs->stems_text = search_stem_query(terms);
	for (size_t i = 0; i < terms->n && !status; i++) {
		const struct search_term *t = &terms->terms[i];
		char *word = one_word(st, t, err);

		if (word && !t->prefix) {
			topk_add(&qs->exact, true, xstrdup(word), NULL);
			topk_add_stem(&qs->stems, true, stemmer, word);
		} else if (word) {	/* a prefix */
			topk_add_prefix(&qs->exact, true, term_text(t, ""),
			    xstrdup(word));
			topk_add(&qs->stems, true, NULL,
			    term_text(t, SEARCH_STEM_MARK));
		} else {
			topk_add(&qs->exact, true, NULL, term_text(t, ""));
			topk_add(&qs->stems, true, NULL,
			    term_text(t, SEARCH_STEM_MARK));
		}
		if (!status && substring && word && search_term_is_part(t))
			status = add_vocabulary(st, SQL_VOCAB_PARTS, word,
			    &qs->parts, &qs->info.part_words,
			    &qs->info.part_all, &no_part, err);
		else if (!status && substring && word && !t->prefix)
			topk_add(&qs->parts, true, xstrdup(word), NULL);
		else if (!status && substring)
			topk_add(&qs->parts, true, NULL, term_text(t, ""));
		free(word);
	}
	qs->has_parts = substring && !no_part;
	sb_stemmer_delete(stemmer);
	return status;
}

/* By rank: the words as typed, then their stems, then the parts. */
static enum status
by_rank(struct store *st, const struct search_query *q, struct queries *qs,
    const struct search_terms *terms, size_t limit, struct hits *h,
    struct error *err)
{
	struct topk_ask ask = {
		.filters = q,
		.terms = terms,
		.tier = 2,
		.limit = limit,
		.exhaustive = q->exhaustive,
	};
	char *exact = NULL, *stems = NULL;
	enum status status = STATUS_OK;

	status = store_topk(st, &qs->exact, &ask, h, err);
	if (status == STATUS_OK && h->n < limit) {
		ask.except = exact = topk_text(&qs->exact);
		ask.tier = 1;
		ask.limit = limit - h->n;
		status = store_topk(st, &qs->stems, &ask, h, err);
	}
	if (status == STATUS_OK && h->n < limit && qs->has_parts) {
		ask.except = stems = topk_text(&qs->stems);
		ask.tier = 0;
		ask.limit = limit - h->n;
		status = store_topk(st, &qs->parts, &ask, h, err);
	}
	free(exact);
	free(stems);
	return status;
}

/*
 * Newest first, a search walks the documents from the newest and looks
 * for matches in each, when its words are in more than WALK_FROM
 * passages (store_db.h): it stops at the limit, after a few documents for a common
 * word, where joining and sorting every match would take seconds on the
 * archive.  Walking more than WALK_MAX documents means the matches are
 * few after all: then every match is joined and sorted.
 */
#define WALK_MAX 2000

/* Whether the query's hit at h is among the matches of query. */
static enum status
matches(struct store *st, const char *query, long long passage, bool *yes,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_SNIPPET, err);
	enum status status;

	if (!s)
		return st->prepare_failure;
	bind_text(s, 1, query);
	sqlite3_bind_int64(s, 2, passage);
	status = step_row(st, s, yes, N_("searching"), err);
	if (!status)
		done(s);
	return status;
}

/* Orders the hits of one document from from on: higher tier first. */
static void
sort_by_tier(struct hits *h, size_t from)
{
	for (size_t i = from + 1; i < h->n; i++)
		for (size_t j = i; j > from && h->tiers[j] > h->tiers[j - 1]; j--) {
			struct search_hit v = h->v[j];
			int t = h->tiers[j];

			h->v[j] = h->v[j - 1];
			h->tiers[j] = h->tiers[j - 1];
			h->v[j - 1] = v;
			h->tiers[j - 1] = t;
		}
}

/*
 * The walk (see WALK_MAX): *walked is false when it gave up, with h as
 * it was.
 */
static enum status
walk_dates(struct store *st, const struct search_query *q, const char *exact,
    const char *stems, const char *all, const struct search_terms *terms,
    size_t limit, struct hits *h, bool *walked, struct error *err)
{
	sqlite3_stmt *docs = sql(st, SQL_DATE_DOCS, err), *s;
	char *questioner = q->questioner && *q->questioner ?
	    library_fold(q->questioner) : NULL;
	char *party = q->party && *q->party ? library_fold(q->party) : NULL;
	enum status status = STATUS_OK;
	size_t before = h->n, seen = 0;
	int rc;

	*walked = false;
	if (!docs) {
		status = st->prepare_failure;
		goto out;
	}
	topk_bind_filters(docs, q, questioner, party);
	while (h->n - before < limit && (rc = sqlite3_step(docs)) == SQLITE_ROW) {
		size_t from = h->n;

		long long doc = sqlite3_column_int64(docs, 0), first, last;
		bool found;

		if (++seen > WALK_MAX)
			break;
		if (!(s = sql(st, SQL_DOC_PASSAGE_RANGE, err))) {
			status = st->prepare_failure;
			break;
		}
		sqlite3_bind_int64(s, 1, doc);
		if ((status = step_row(st, s, &found, N_("searching"), err)))
			break;
		first = sqlite3_column_int64(s, 0);
		last = sqlite3_column_int64(s, 1);
		done(s);
		if (!found || last == 0)
			continue;
		if (!(s = sql(st, SQL_DATE_DOC_HITS, err))) {
			status = st->prepare_failure;
			break;
		}
		bind_text(s, 12, all);
		sqlite3_bind_int64(s, 15, first);
		sqlite3_bind_int64(s, 16, last);
		sqlite3_bind_int64(s, 17, doc);
		if ((status = hits_read(st, s, h, NULL, err)))
			break;
		/* Their tiers: the words as typed, their stems, or parts. */
		for (size_t i = from; i < h->n && !status; i++) {
			bool yes = false;

			h->tiers[i] = 0;
			if (!(status = matches(st, exact, h->v[i].passage, &yes,
			    err)) && yes)
				h->tiers[i] = 2;
			else if (!status && !(status = matches(st, stems,
			    h->v[i].passage, &yes, err)) && yes)
				h->tiers[i] = 1;
			h->v[i].substring = h->tiers[i] == 0;
			h->v[i].score = h->tiers[i];
		}
		sort_by_tier(h, from);
	}
	done(docs);
	if (status == STATUS_OK && seen <= WALK_MAX)
		*walked = true;
	/* The hits of a walk given up are read again, by the other way. */
	if (!*walked || status) {
		for (size_t i = before; i < h->n; i++) {
			free(h->v[i].origin);
			free(h->v[i].snippet);
		}
		h->n = before;
	} else if (h->n - before > limit) {
		for (size_t i = before + limit; i < h->n; i++) {
			free(h->v[i].origin);
			free(h->v[i].snippet);
		}
		h->n = before + limit;
	}
	(void)terms;
out:
	free(questioner);
	free(party);
	return status;
}

/*
 * The most passages a query can match: of each AND-ed group, its terms'
 * sum; -1 when it has a phrase, whose count is unknown.
 */
static long long
most_matches(struct store *st, struct topk_query *tq)
{
	struct error err = { "" };
	long long most = -1;
	bool all_terms;

	if (topk_count(st, tq, &all_terms, &err) != STATUS_OK || !all_terms)
		return -1;
	for (size_t i = 0; i < tq->n; i++) {
		long long sum = 0;

		for (size_t j = 0; j < tq->g[i].n; j++)
			sum += tq->g[i].v[j].passages;
		if (most < 0 || sum < most)
			most = sum;
	}
	return most;
}

/*
 * By date: the matches of the stems (and the parts), newest first, their
 * tier from those of the words as typed and the stems; walking the
 * documents when the words are common (walk_dates), else every match
 * joined and sorted.
 */
static enum status
by_date(struct store *st, const struct search_query *q, struct queries *qs,
    const struct search_terms *terms, size_t limit, struct hits *h,
    struct error *err)
{
	sqlite3_stmt *s;
	char *questioner = q->questioner && *q->questioner ?
	    library_fold(q->questioner) : NULL;
	char *party = q->party && *q->party ? library_fold(q->party) : NULL;
	char *exact = topk_text(&qs->exact), *stems = topk_text(&qs->stems);
	char *parts = qs->has_parts ? topk_text(&qs->parts) : NULL;
	char *all = parts ? xasprintf("(%s) OR (%s)", stems, parts) : NULL;
	enum status status = STATUS_OK;
	bool walked = false;

	if (!parts && most_matches(st, &qs->stems) > st->walk_from)
		status = walk_dates(st, q, exact, stems, stems, terms, limit, h,
		    &walked, err);
	if (status == STATUS_OK && !walked) {
		if ((s = sql(st, SQL_SEARCH_DATE, err))) {
			bind_text(s, 1, exact);
			bind_text(s, 2, stems);
			topk_bind_filters(s, q, questioner, party);
			sqlite3_bind_int64(s, 10, (long long)limit);
			bind_text(s, 12, all ? all : stems);
			status = hits_read(st, s, h, terms, err);
		} else {
			status = st->prepare_failure;
		}
	}
	free(questioner);
	free(party);
	free(exact);
	free(stems);
	free(parts);
	free(all);
	return status;
}

/*
 * The hits of what terms ask, limit of them at most, into h: as words,
 * else (unless asked for parts already) as parts of words.
 */
static enum status
find(struct store *st, const struct search_query *q,
    const struct search_terms *terms, size_t limit, struct queries *qs,
    struct hits *h, struct error *err)
{
	enum status status = make_queries(st, terms, q->substring, qs, err);

	if (status == STATUS_OK)
		status = (q->sort == SEARCH_BY_DATE ? by_date : by_rank)(st, q,
		    qs, terms, limit, h, err);
	/* Nothing as words: perhaps as parts of words. */
	if (status == STATUS_OK && h->n == 0 && !q->substring) {
		queries_free(qs);
		memset(qs, 0, sizeof(*qs));
		status = make_queries(st, terms, true, qs, err);
		if (status == STATUS_OK && qs->has_parts)
			status = (q->sort == SEARCH_BY_DATE ? by_date :
			    by_rank)(st, q, qs, terms, limit, h, err);
		qs->info.parts_fallback = h->n > 0;
	}
	return status;
}

/* What the footnotes among the hits belong to (group_same compares it). */
static enum status
hits_notes(struct store *st, struct hits *h, struct error *err)
{
	enum status status = STATUS_OK;

	for (size_t i = 0; i < h->n && status == STATUS_OK; i++)
		if (h->v[i].role == ROLE_FOOTNOTE)
			status = hit_note_of(st, &h->v[i], err);
	return status;
}

/*
 * A vraag asked alike of several ministries is one hit (group_same): when
 * that leaves fewer hits than the limit while more match, the search
 * asks again for twice as many, FILL_ROUNDS times at most, so that a page
 * is full.  Each round does the whole search again, and what a search
 * costs hardly depends on how many hits it is asked for (on 100,000
 * generated documents, 290 ms for fifteen common words asked for 50 hits
 * or for 100, 49 and 43 ms for a part of a word asked for 50 or 200),
 * while answers of several ministries to the same questions are the rule:
 * most searches of 50 took three rounds.  So the first round asks for
 * twice the limit and FILL_AHEAD more.
 */
#define FILL_ROUNDS 3
#define FILL_AHEAD 100

enum status
store_search(struct store *st, const struct search_query *q,
    struct search_hit **hits, size_t *n, struct search_info *info,
    struct error *err)
{
	struct search_terms terms = { 0 };
	struct queries qs = { 0 };
	struct hits h = { 0 };
	size_t limit = q->limit ? q->limit : 50, want = 2 * limit + FILL_AHEAD;
	size_t found;
	enum status status;

	*hits = NULL;
	*n = 0;
	if (info)
		*info = (struct search_info){ 0 };
	if ((status = search_parse(q->text, &terms, err)))
		return status;
	if ((status = read_begin(st, err)))
		goto out;
	for (int round = 0;; round++) {
		status = find(st, q, &terms, want, &qs, &h, err);
		found = h.n;
		if (status == STATUS_OK)
			status = hits_notes(st, &h, err);
		if (status == STATUS_OK)
			status = group_same(st, &h, err);
		if (status != STATUS_OK || h.n >= limit || found < want ||
		    round == FILL_ROUNDS)
			break;
		hits_free(&h);
		queries_free(&qs);
		memset(&qs, 0, sizeof(qs));
		want *= 2;
	}
	for (; h.n > limit; h.n--)
		hit_clear(&h.v[h.n - 1]);
	for (size_t i = 0; i < h.n && status == STATUS_OK; i++)
		status = complete_same(st, &h.v[i], err);
	if (status == STATUS_OK)
		status = hits_finish(st, &h, qs.exact_text, qs.stems_text, err);
	read_end(st);
out:
	if (status == STATUS_OK) {
		*hits = h.v;
		*n = h.n;
		free(h.tiers);
		if (info)
			*info = qs.info;
	} else {
		hits_free(&h);
	}
	queries_free(&qs);
	search_terms_free(&terms);
	return status;
}

void
store_hits_free(struct search_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++)
		hit_clear(&hits[i]);
	free(hits);
}
