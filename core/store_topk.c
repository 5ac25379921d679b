/*
 * store_topk: the best passages of a query by bm25 over all its
 * matches, without scoring all of them when the words are common.
 *
 * A query here is an AND of groups, each an OR of atoms; an atom is one
 * term of the index (a word, a marked stem: its count and its champion
 * list are known, store_champion.c) or other FTS5 text (a phrase, a
 * prefix).  The candidates are, of every term, its passages when it is
 * in few (CHAMPION_FROM or fewer; read from the index, best first by
 * its part of bm25), else the best of its champion list: at most
 * per_atom of each.  They are scored exactly (naast_bm25, with the
 * weights of the counts, so no phrase is run over the whole index) and
 * filtered; the best limit of them are the answer when
 *  - the candidates are complete: some group's terms are all in few
 *    passages, so every match is among their passages; or
 *  - they fill the page.  Of one term this is exact: a passage outside
 *    its list weighs no more than the list's last, below every hit.  Of
 *    several, a passage outside every list could still do better by
 *    having them all; bench/run measures how often (overlap@10).
 * Else, and when an atom is no term, FTS5 ranks every match.
 */
#include "config.h"

#include <libstemmer.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "store.h"
#include "store_db.h"
#include "xalloc.h"

/* The most candidates a query scores, over all its atoms. */
#define CANDIDATES_MAX 4096

void
topk_add(struct topk_query *tq, bool new_group, char *term, char *text)
{
	struct topk_group *g;

	if (new_group || tq->n == 0) {
		tq->g = xrealloc(tq->g, (tq->n + 1) * sizeof(*tq->g));
		tq->g[tq->n++] = (struct topk_group){ 0 };
	}
	g = &tq->g[tq->n - 1];
	g->v = xrealloc(g->v, (g->n + 1) * sizeof(*g->v));
	g->v[g->n++] = (struct topk_atom){ term, text, 0 };
}

void
topk_add_stem(struct topk_query *tq, bool new_group,
    struct sb_stemmer *stemmer, const char *word)
{
	const sb_symbol *s = sb_stemmer_stem(stemmer, (const sb_symbol *)word,
	    (int)strlen(word));
	char *stem;
	bool own;

	if (!s) {
		topk_add(tq, new_group, xstrdup(word), NULL);
		return;
	}
	stem = xstrndup((const char *)s, (size_t)sb_stemmer_length(stemmer));
	topk_add(tq, new_group, xasprintf("%s%s", SEARCH_STEM_MARK, stem), NULL);
	/* The index has a word that is its own stem as the word alone. */
	s = sb_stemmer_stem(stemmer, (const sb_symbol *)stem, (int)strlen(stem));
	own = s && (size_t)sb_stemmer_length(stemmer) == strlen(stem) &&
	    memcmp(s, stem, strlen(stem)) == 0;
	if (own)
		topk_add(tq, false, stem, NULL);
	else
		free(stem);
}

void
topk_free(struct topk_query *tq)
{
	for (size_t i = 0; i < tq->n; i++) {
		for (size_t j = 0; j < tq->g[i].n; j++) {
			free(tq->g[i].v[j].term);
			free(tq->g[i].v[j].text);
		}
		free(tq->g[i].v);
	}
	free(tq->g);
	memset(tq, 0, sizeof(*tq));
}

/* The FTS5 query of tq, and the counts of its phrases for naast_bm25. */
static void
query_text(const struct topk_query *tq, char **query, char **counts)
{
	struct xbuf q = { 0 }, c = { 0 };

	for (size_t i = 0; i < tq->n; i++) {
		if (i > 0)
			xbuf_puts(&q, " AND ");
		xbuf_puts(&q, "(");
		for (size_t j = 0; j < tq->g[i].n; j++) {
			const struct topk_atom *a = &tq->g[i].v[j];
			char *t = a->term ? champion_term_query(a->term) : NULL;
			char n[32];

			if (j > 0)
				xbuf_puts(&q, " OR ");
			xbuf_puts(&q, t ? t : a->text);
			free(t);
			snprintf(n, sizeof(n), "%s%lld", c.n ? " " : "",
			    a->term ? a->passages : -1LL);
			xbuf_puts(&c, n);
		}
		xbuf_puts(&q, ")");
	}
	*query = xbuf_finish(&q);
	*counts = xbuf_finish(&c);
}

/* Each term's count from the vocabulary; false when an atom is no term. */
static enum status
count_terms(struct store *st, struct topk_query *tq, bool *all_terms,
    struct error *err)
{
	*all_terms = true;
	for (size_t i = 0; i < tq->n; i++)
		for (size_t j = 0; j < tq->g[i].n; j++) {
			struct topk_atom *a = &tq->g[i].v[j];
			sqlite3_stmt *s;
			enum status status;
			bool found;

			if (!a->term) {
				*all_terms = false;
				continue;
			}
			if (!(s = sql(st, SQL_VOCAB_COUNT, err)))
				return st->prepare_failure;
			bind_text(s, 1, a->term);
			if ((status = step_row(st, s, &found,
			    "reading the vocabulary", err)))
				return status;
			a->passages = found ? sqlite3_column_int64(s, 0) : 0;
			done(s);
		}
	return STATUS_OK;
}

struct ids {
	long long *v;
	size_t n, cap;
};

/*
 * Adds the best per_atom passages of term a to c; *bound is the w of
 * the last one when a has more, which no passage left out exceeds.
 */
static enum status
add_candidates(struct store *st, const struct topk_atom *a, size_t per_atom,
    double avgdl, struct ids *c, double *bound, struct error *err)
{
	struct champion *v = NULL;
	size_t n = 0;
	enum status status;

	if (a->passages > st->champion_from)
		status = champion_read(st, a->term, &v, &n, err);
	else
		status = champion_postings(st, a->term, &v, &n, err);
	if (status == STATUS_OK && a->passages <= st->champion_from && n > per_atom)
		champion_sort(v, n, avgdl);
	for (size_t i = 0; status == STATUS_OK && i < n && i < per_atom; i++) {
		xgrow(&c->v, &c->cap, c->n + 1, sizeof(*c->v));
		c->v[c->n++] = v[i].passage;
	}
	*bound = 0;
	if (n > 0 && (a->passages > st->champion_from || n > per_atom))
		*bound = champion_weight(v[n < per_atom ? n - 1 : per_atom - 1].tf,
		    v[n < per_atom ? n - 1 : per_atom - 1].len, avgdl);
	free(v);
	return status;
}

/* The weight bm25 gives a term in n of rows passages (store_rank.c). */
static double
idf(long long n, long long rows)
{
	double v = log(((double)rows - (double)n + 0.5) / ((double)n + 0.5));

	return v > 0 ? v : 1e-6;
}

/* The candidates as a JSON array, each once. */
static char *
candidates_json(struct ids *c)
{
	struct xbuf b = { 0 };
	size_t kept = 0;

	if (c->n > 1)
		qsort(c->v, c->n, sizeof(*c->v), champion_id_cmp);
	xbuf_puts(&b, "[");
	for (size_t i = 0; i < c->n; i++) {
		char n[32];

		if (kept > 0 && c->v[i] == c->v[i - 1])
			continue;
		snprintf(n, sizeof(n), "%s%lld", kept++ ? "," : "", c->v[i]);
		xbuf_puts(&b, n);
	}
	xbuf_puts(&b, "]");
	return xbuf_finish(&b);
}

/*
 * The candidates of tq (see the top): *complete when every match is
 * among them, else *bound is the most a passage left out can score.
 * NULL when they would be more than CANDIDATES_MAX.
 */
static enum status
candidates(struct store *st, const struct topk_query *tq, size_t limit,
    char **json, bool *complete, double *bound, struct error *err)
{
	struct ids c = { 0 };
	size_t atoms = 0, per_atom, best = 0;
	long long best_sum = -1, rows, tokens;
	enum status status = STATUS_OK;
	double avgdl, part;

	*json = NULL;
	*complete = false;
	*bound = 0;
	if ((status = champion_stats(st, &rows, &tokens, err)))
		return status;
	avgdl = rows > 0 && tokens > 0 ? (double)tokens / (double)rows : 1;
	/* A group whose terms are all in few passages holds every match. */
	for (size_t i = 0; i < tq->n; i++) {
		long long sum = 0;
		bool few = true;

		for (size_t j = 0; j < tq->g[i].n; j++) {
			few &= tq->g[i].v[j].passages <= st->champion_from;
			sum += tq->g[i].v[j].passages;
		}
		if (few && sum <= CANDIDATES_MAX && (best_sum < 0 || sum < best_sum)) {
			best = i;
			best_sum = sum;
		}
		atoms += tq->g[i].n;
	}
	if (best_sum >= 0) {
		*complete = true;
		for (size_t j = 0; j < tq->g[best].n && !status; j++)
			status = add_candidates(st, &tq->g[best].v[j],
			    (size_t)st->champion_from, avgdl, &c, &part, err);
	} else {
		per_atom = CANDIDATES_MAX / (atoms ? atoms : 1);
		if (per_atom > st->champion_size)
			per_atom = st->champion_size;
		if (per_atom < limit) {
			free(c.v);
			return STATUS_OK;
		}
		for (size_t i = 0; i < tq->n && !status; i++)
			for (size_t j = 0; j < tq->g[i].n && !status; j++) {
				const struct topk_atom *a = &tq->g[i].v[j];

				status = add_candidates(st, a, per_atom, avgdl, &c,
				    &part, err);
				*bound += (atoms == 1 ? 1 : idf(a->passages, rows)) *
				    part;
			}
	}
	if (status == STATUS_OK)
		*json = candidates_json(&c);
	free(c.v);
	return status;
}

/* Binds what every ranking statement takes (store_sql.c). */
static void
bind_ranking(sqlite3_stmt *s, const struct topk_ask *ask, const char *query,
    const char *counts, char *questioner, char *party)
{
	const struct search_query *q = ask->filters;

	bind_text(s, 1, query);
	bind_text(s, 2, ask->except);
	if (q) {
		bind_text_or_null(s, 3, q->ministry);
		bind_text(s, 4, questioner);
		bind_text(s, 5, party);
		bind_text_or_null(s, 6, q->from);
		bind_text_or_null(s, 7, q->to);
		bind_text(s, 8, q->kind == DOC_UNKNOWN ? NULL :
		    model_kind_name(q->kind));
	}
	sqlite3_bind_int64(s, 10, (long long)ask->limit);
	sqlite3_bind_int(s, 11, ask->tier);
	bind_text(s, 13, counts);
	sqlite3_bind_int64(s, 14, ask->not_doc);
}

static enum status
run_ranking(struct store *st, enum sql_id id, const struct topk_ask *ask,
    const char *query, const char *counts, const char *json, struct hits *h,
    struct error *err)
{
	const struct search_query *q = ask->filters;
	sqlite3_stmt *s = sql(st, id, err);
	char *questioner = q && q->questioner && *q->questioner ?
	    library_fold(q->questioner) : NULL;
	char *party = q && q->party && *q->party ? library_fold(q->party) : NULL;
	enum status status = st->prepare_failure;

	if (s) {
		bind_ranking(s, ask, query, counts, questioner, party);
		bind_text(s, 12, json);
		status = hits_read(st, s, h, ask->terms, err);
	}
	free(questioner);
	free(party);
	return status;
}

/* Whether the filters of q keep anything out. */
static bool
filtered(const struct search_query *q)
{
	return q && ((q->ministry && *q->ministry) ||
	    (q->questioner && *q->questioner) || (q->party && *q->party) ||
	    (q->from && *q->from) || (q->to && *q->to) ||
	    q->kind != DOC_UNKNOWN);
}

/*
 * Whether the candidates are worth it: for one term.  Each candidate is
 * looked up in the doclist of every term, some 20 microseconds each:
 * for several terms, FTS5's own walk of the matches was the faster on
 * the benchmark's queries, common words AND-ed included, and it is
 * exact.
 */
static bool
shortcut(const struct topk_query *tq)
{
	return tq->n == 1 && tq->g[0].n == 1;
}

enum status
store_topk(struct store *st, struct topk_query *tq, const struct topk_ask *ask,
    struct hits *h, struct error *err)
{
	size_t before = h->n;
	char *query = NULL, *counts = NULL, *json = NULL;
	bool all_terms, complete = false, ors = false;
	enum status status;
	enum sql_id full;
	double bound = 0;

	if ((status = count_terms(st, tq, &all_terms, err)))
		return status;
	query_text(tq, &query, &counts);
	if (all_terms && !ask->exhaustive && shortcut(tq))
		status = candidates(st, tq, ask->limit, &json, &complete, &bound,
		    err);
	for (size_t i = 0; i < tq->n; i++)
		ors |= tq->g[i].n > 1;
	if (status == STATUS_OK && json) {
		status = run_ranking(st, ask->except ? SQL_TOPK_EXCEPT : SQL_TOPK,
		    ask, query, counts, json, h, err);
		/*
		 * A full page is the answer of AND-ed words (see the top); of
		 * OR-ed ones only when its last beats all that was left out.
		 */
		if (status == STATUS_OK && (complete ||
		    (h->n - before >= ask->limit &&
		    (!ors || -h->last_rank >= bound))))
			goto out;
		for (size_t i = before; i < h->n; i++) {
			free(h->v[i].origin);
			free(h->v[i].snippet);
		}
		h->n = before;
	}
	if (status == STATUS_OK) {
		if (filtered(ask->filters))
			full = ask->except ? SQL_SEARCH_FILTERED_EXCEPT :
			    SQL_SEARCH_FILTERED;
		else
			full = ask->except ? SQL_SEARCH_TOP_EXCEPT : SQL_SEARCH_TOP;
		status = run_ranking(st, full, ask, query, counts, NULL, h, err);
	}
out:
	free(query);
	free(counts);
	free(json);
	return status;
}
