/*
 * store_topk: the best passages of a query by bm25 over all its
 * matches, without scoring all of them when the query is one common
 * term.
 *
 * A query here is an AND of groups, each an OR of atoms; an atom is one
 * term of the index (a word, a marked stem: its count and its champion
 * list are known, store_champion.c) or other FTS5 text (a phrase, a
 * prefix).  A query of one term (shortcut) is ranked from candidates:
 * all its passages when it is in CHAMPION_FROM or fewer, else its
 * champion list.  They are looked up in the index by rowid, scored
 * exactly and filtered; they are the answer when they are all its
 * passages, or when they fill the page: a passage outside the list
 * weighs no more than the list's last, below every hit.  An OR of
 * terms, or a prefix, without filters goes to store_wide.c, which bounds
 * what each passage can score.  Every other query is ranked by FTS5
 * over all its matches, with naast_bm25 given the weights of the vocabulary's counts
 * (no phrase is run over the whole index): looking candidates up costs
 * some 20 microseconds per term, more than FTS5's own walk of the
 * matches of several terms.
 */
#include "config.h"

#include <libstemmer.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "store.h"
#include "store_db.h"
#include "xalloc.h"

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
	g->v[g->n++] = (struct topk_atom){ term, text, NULL, 0 };
}

void
topk_add_prefix(struct topk_query *tq, bool new_group, char *text,
    char *prefix)
{
	topk_add(tq, new_group, NULL, text);
	tq->g[tq->n - 1].v[tq->g[tq->n - 1].n - 1].prefix = prefix;
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
			free(tq->g[i].v[j].prefix);
		}
		free(tq->g[i].v);
	}
	free(tq->g);
	memset(tq, 0, sizeof(*tq));
}

char *
topk_text(const struct topk_query *tq)
{
	struct xbuf q = { 0 };

	for (size_t i = 0; i < tq->n; i++) {
		if (i > 0)
			xbuf_puts(&q, " AND ");
		xbuf_puts(&q, "(");
		for (size_t j = 0; j < tq->g[i].n; j++) {
			const struct topk_atom *a = &tq->g[i].v[j];
			char *t = a->term ? champion_term_query(a->term) : NULL;

			if (j > 0)
				xbuf_puts(&q, " OR ");
			xbuf_puts(&q, t ? t : a->text);
			free(t);
		}
		xbuf_puts(&q, ")");
	}
	return xbuf_finish(&q);
}

/* The counts of tq's phrases for naast_bm25, in the order of its text. */
static char *
counts_text(const struct topk_query *tq)
{
	struct xbuf c = { 0 };

	for (size_t i = 0; i < tq->n; i++)
		for (size_t j = 0; j < tq->g[i].n; j++) {
			const struct topk_atom *a = &tq->g[i].v[j];
			char n[32];

			snprintf(n, sizeof(n), "%s%lld", c.n ? " " : "",
			    a->term ? a->passages : -1LL);
			xbuf_puts(&c, n);
		}
	return xbuf_finish(&c);
}

enum status
topk_count(struct store *st, struct topk_query *tq, bool *all_terms,
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
			    N_("reading the vocabulary"), err)))
				return status;
			a->passages = found ? sqlite3_column_int64(s, 0) : 0;
			done(s);
		}
	return STATUS_OK;
}

/*
 * The candidates of the one term of tq, as a JSON array: all its
 * passages when it is in few (*complete: every match is among them),
 * else the best of its champion list, enough for limit.
 */
static enum status
candidates(struct store *st, const struct topk_atom *a, size_t limit,
    char **json, bool *complete, struct error *err)
{
	struct champion *v = NULL;
	struct xbuf b = { 0 };
	size_t n = 0;
	enum status status;

	*json = NULL;
	*complete = a->passages <= st->champion_from;
	if (*complete)
		status = champion_postings(st, a->term, &v, &n, err);
	else
		status = champion_read(st, a->term, &v, &n, err);
	/* Fewer than the page: FTS5 ranks every match. */
	if (status != STATUS_OK || (!*complete && n < limit)) {
		free(v);
		return status;
	}
	xbuf_puts(&b, "[");
	for (size_t i = 0; i < n; i++) {
		char id[32];

		snprintf(id, sizeof(id), "%s%lld", i ? "," : "", v[i].passage);
		xbuf_puts(&b, id);
	}
	xbuf_puts(&b, "]");
	*json = xbuf_finish(&b);
	free(v);
	return STATUS_OK;
}

void
topk_bind_filters(sqlite3_stmt *s, const struct search_query *q,
    const char *questioner, const char *party)
{
	bind_text_or_null(s, 3, q->ministry);
	bind_text(s, 4, questioner);
	bind_text(s, 5, party);
	bind_text_or_null(s, 6, q->from);
	bind_text_or_null(s, 7, q->to);
	bind_text(s, 8, q->kind == DOC_UNKNOWN ? NULL : model_kind_name(q->kind));
}

/* Binds what every ranking statement takes (store_sql.c). */
static void
bind_ranking(sqlite3_stmt *s, const struct topk_ask *ask, const char *query,
    const char *counts, char *questioner, char *party)
{
	const struct search_query *q = ask->filters;

	bind_text(s, 1, query);
	bind_text(s, 2, ask->except);
	if (q)
		topk_bind_filters(s, q, questioner, party);
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
 * Whether the candidates are worth it: for one term.  Measured on
 * 10,000 generated documents: fifteen common words AND-ed 2.4 s through
 * the candidates, 49 ms through FTS5's walk; one common word 6 ms
 * against 480 ms.
 */
static bool
shortcut(const struct topk_query *tq)
{
	return tq->n == 1 && tq->g[0].n == 1;
}

void
store_rank_every(struct store *st, bool every)
{
	st->rank_all = every;
}

enum status
store_topk(struct store *st, struct topk_query *tq, const struct topk_ask *ask,
    struct hits *h, struct error *err)
{
	size_t before = h->n;
	char *query = NULL, *counts = NULL, *json = NULL;
	bool all_terms, complete = false, every;
	enum status status;
	enum sql_id full;

	if ((status = topk_count(st, tq, &all_terms, err)))
		return status;
	query = topk_text(tq);
	counts = counts_text(tq);
	every = ask->exhaustive || st->rank_all;
	if (all_terms && !every && shortcut(tq))
		status = candidates(st, &tq->g[0].v[0], ask->limit, &json,
		    &complete, err);
	else if (!every && !filtered(ask->filters)) {
		bool done_ = false;

		if ((status = store_wide(st, tq, ask, h, &done_, err)) || done_)
			goto out;
	}
	if (status == STATUS_OK && json) {
		status = run_ranking(st, ask->except ? SQL_TOPK_EXCEPT : SQL_TOPK,
		    ask, query, counts, json, h, err);
		/* Complete, or a full page: the answer (see the top). */
		if (status == STATUS_OK &&
		    (complete || h->n - before >= ask->limit))
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
