/*
 * store_rank: naast_bm25(), the rank of a search (every search statement
 * in store_sql.c; related passages keep FTS5's bm25()).  It is FTS5's
 * bm25() (k1 1.2, b 0.75, the same scores) but for one thing: bm25()
 * weighs each phrase of the query by its inverse document frequency,
 * which it finds by running that phrase over the whole index, whatever
 * rows the query itself is bounded to.
 * For a query of one phrase the weight orders nothing (every row gets
 * the same), and that run is most of the cost of a phrase of common
 * words or a prefix on the archive: naast_bm25() skips it then, giving
 * the phrase the weight 1.  Of more phrases, naast_bm25(passage_words,
 * 'N1 N2 ...') takes the number of passages that have each phrase (the
 * vocabulary's count of a single term, store_topk.c), -1 where it must
 * be counted: the same weights without the runs.
 *
 * Also: naast_tf(), the occurrences of a one-term query in the row (the
 * champion lists, store_champion.c, which read the row's length
 * themselves).
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_db.h"

/* What a query computes once, for all its rows. */
struct rank_data {
	struct store *st;
	sqlite3_blob *docsize;	/* moved row to row (champion_docsize) */
	int n_phrases;
	double avgdl;		/* the average number of tokens in a row */
	double *idf;		/* of each phrase */
	double *freq;		/* each phrase's hits in the current row */
};

static int
count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *arg)
{
	(void)api;
	(void)fts;
	(*(sqlite3_int64 *)arg)++;
	return SQLITE_OK;
}

static void
rank_data_free(void *p)
{
	struct rank_data *d = p;

	if (d->docsize)
		sqlite3_blob_close(d->docsize);
	sqlite3_free(d);
}

static int
rank_data(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_value *given,
    struct rank_data **out)
{
	const char *counts = given ? (const char *)sqlite3_value_text(given) : NULL;
	struct rank_data *d = api->xGetAuxdata(fts, 0);
	sqlite3_int64 rows = 0, tokens = 0;
	int n, rc;

	if ((*out = d))
		return SQLITE_OK;
	n = api->xPhraseCount(fts);
	d = sqlite3_malloc64(sizeof(*d) + 2 * (size_t)n * sizeof(double));
	if (!d)
		return SQLITE_NOMEM;
	memset(d, 0, sizeof(*d) + 2 * (size_t)n * sizeof(double));
	d->n_phrases = n;
	d->idf = (double *)&d[1];
	d->freq = d->idf + n;
	rc = api->xRowCount(fts, &rows);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &tokens);
	if (rc == SQLITE_OK)
		d->avgdl = rows > 0 ? (double)tokens / (double)rows : 1;
	for (int i = 0; rc == SQLITE_OK && i < n; i++) {
		sqlite3_int64 hits = 0;
		double idf;

		char *next;

		if (n == 1) {
			d->idf[i] = 1;
			break;
		}
		hits = counts && *counts ? strtoll(counts, &next, 10) : -1;
		if (counts && *counts)
			counts = next;
		if (hits < 0) {
			hits = 0;
			rc = api->xQueryPhrase(fts, i, &hits, count_row);
		}
		idf = log(((double)rows - (double)hits + 0.5) / ((double)hits + 0.5));
		d->idf[i] = idf > 0 ? idf : 1e-6;
	}
	d->st = api->xUserData(fts);
	if (rc == SQLITE_OK)
		rc = api->xSetAuxdata(fts, d, rank_data_free);
	else
		sqlite3_free(d);
	*out = rc == SQLITE_OK ? d : NULL;
	return rc;
}

static void
rank_function(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int n_args, sqlite3_value **args)
{
	struct rank_data *d;
	double score = 0;
	int n_inst = 0, tokens = 0, rc;

	rc = rank_data(api, fts, n_args > 0 ? args[0] : NULL, &d);
	if (rc == SQLITE_OK) {
		memset(d->freq, 0, (size_t)d->n_phrases * sizeof(double));
		rc = api->xInstCount(fts, &n_inst);
	}
	for (int i = 0; rc == SQLITE_OK && i < n_inst; i++) {
		int phrase, column, offset;

		rc = api->xInst(fts, i, &phrase, &column, &offset);
		if (rc == SQLITE_OK)
			d->freq[phrase] += 1;
	}
	/* FTS5's xColumnSize runs a statement per row: its record instead. */
	if (rc == SQLITE_OK) {
		unsigned len;

		if (d->st && champion_docsize(d->st, &d->docsize,
		    api->xRowid(fts), &len) == SQLITE_OK)
			tokens = (int)len;
		else
			rc = api->xColumnSize(fts, -1, &tokens);
	}
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	for (int i = 0; i < d->n_phrases; i++)
		score += bm25_part(d->idf[i], d->freq[i], tokens, d->avgdl);
	sqlite3_result_double(ctx, -score);
}

static void
tf_function(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int n_args, sqlite3_value **args)
{
	int n_inst = 0, rc;

	(void)n_args;
	(void)args;
	if ((rc = api->xInstCount(fts, &n_inst)) != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	sqlite3_result_int(ctx, n_inst);
}

/* One run of naast_walk: what it tells of each phrase's rows. */
struct walk_call {
	const struct rank_walk *walk;
	int phrase;
};

static int
walk_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *arg)
{
	struct walk_call *c = arg;

	c->walk->each(c->walk->ctx, c->phrase, api->xRowid(fts));
	return SQLITE_OK;
}

static void
walk_function(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int n_args, sqlite3_value **args)
{
	const struct rank_walk *walk = n_args > 0 ?
	    sqlite3_value_pointer(args[0], RANK_WALK_POINTER) : NULL;
	int rc = SQLITE_OK;

	if (!walk) {
		sqlite3_result_error(ctx, "naast_walk: no walk", -1);
		return;
	}
	for (int i = 0; rc == SQLITE_OK && i < api->xPhraseCount(fts); i++) {
		struct walk_call c = { walk, i };

		rc = api->xQueryPhrase(fts, i, &c, walk_row);
	}
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
	else
		sqlite3_result_int(ctx, 1);
}

int
store_rank_register(fts5_api *api, struct store *st)
{
	int rc = api->xCreateFunction(api, "naast_bm25", st, rank_function,
	    NULL);

	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "naast_tf", NULL, tf_function,
		    NULL);
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "naast_walk", NULL,
		    walk_function, NULL);
	return rc;
}
