/*
 * store_reparse: a document's rows replaced by those of the same text
 * parsed again (store.h, "parsing again"), its basket items carried over.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_db.h"
#include "text.h"
#include "xalloc.h"

enum status
store_reparse_count(struct store *st, int version, size_t *n,
    long long *last, struct error *err)
{
	sqlite3_stmt *s;
	enum status status;
	bool found;

	*n = 0;
	*last = 0;
	if ((status = read_begin(st, err)))
		return status;
	if (!(s = sql(st, SQL_REPARSE_COUNT, err))) {
		read_end(st);
		return st->prepare_failure;
	}
	sqlite3_bind_int(s, 1, version);
	status = step_row(st, s, &found, "counting the documents", err);
	if (status == STATUS_OK && found) {
		*n = (size_t)sqlite3_column_int64(s, 0);
		*last = sqlite3_column_int64(s, 1);
		done(s);
	}
	read_end(st);
	return status;
}

enum status
store_reparse_next(struct store *st, int version, long long id,
    long long last, long long *next, struct error *err)
{
	sqlite3_stmt *s;
	enum status status;
	bool found;

	*next = 0;
	if ((status = read_begin(st, err)))
		return status;
	if (!(s = sql(st, SQL_REPARSE_DUE, err))) {
		read_end(st);
		return st->prepare_failure;
	}
	sqlite3_bind_int(s, 1, version);
	sqlite3_bind_int64(s, 2, id);
	sqlite3_bind_int64(s, 3, last);
	status = step_row(st, s, &found, "finding the documents", err);
	if (status == STATUS_OK && found) {
		*next = sqlite3_column_int64(s, 0);
		done(s);
	}
	read_end(st);
	return status;
}

enum status
store_doc_source(struct store *st, long long id, struct doc_source *out,
    struct error *err)
{
	sqlite3_stmt *s;
	enum status status;
	bool found;

	memset(out, 0, sizeof(*out));
	if ((status = read_begin(st, err)))
		return status;
	if (!(s = sql(st, SQL_REPARSE_SOURCE, err))) {
		read_end(st);
		return st->prepare_failure;
	}
	sqlite3_bind_int64(s, 1, id);
	status = step_row(st, s, &found, "reading the document", err);
	if (status == STATUS_OK && found) {
		out->origin = col_strdup(s, 0);
		out->format = col_strdup(s, 1);
		out->raw_len = (size_t)sqlite3_column_bytes(s, 4);
		out->raw = xmalloc(out->raw_len + 1);
		memcpy(out->raw, sqlite3_column_blob(s, 4), out->raw_len);
		out->raw[out->raw_len] = '\0';
		out->from_pdf = sqlite3_column_int(s, 5) != 0;
		done(s);
	} else if (status == STATUS_OK)
		status = error_set(err, STATUS_NOT_FOUND,
		    "there is no document %lld", id);
	read_end(st);
	return status;
}

void
store_doc_source_clear(struct doc_source *src)
{
	free(src->origin);
	free(src->format);
	free(src->raw);
	memset(src, 0, sizeof(*src));
}

/* One text column of a one-row statement on id, allocated; NULL if none. */
static enum status
text_of(struct store *st, enum sql_id q, long long id, char **out,
    long long *set, struct error *err)
{
	sqlite3_stmt *s = sql(st, q, err);
	enum status status;
	bool found;

	*out = NULL;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, id);
	status = step_row(st, s, &found, "reading the document", err);
	if (status == STATUS_OK && found) {
		*out = col_strdup(s, q == SQL_REPARSE_SOURCE ? 2 : 0);
		if (set)
			*set = sqlite3_column_int64(s, 3);
		done(s);
	} else if (status == STATUS_OK)
		status = error_set(err, STATUS_NOT_FOUND,
		    "there is no document %lld", id);
	return status;
}

/* How many words a and b share, of the words of the longer: 0 to 1. */
static double
alike(const char *a, const char *b)
{
	char *fa = text_fold(a, TEXT_FOLD_CASE), *fb = text_fold(b, TEXT_FOLD_CASE);
	size_t na = 0, nb = 0, shared = 0;
	char *save, *w;

	for (w = strtok_r(fa, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		na++;
		/* whole words of b: " w " in " b " */
		{
			char *pat = xasprintf(" %s ", w), *hay = xasprintf(" %s ", fb);

			shared += strstr(hay, pat) != NULL;
			free(pat);
			free(hay);
		}
	}
	for (w = fb; *w; w++)
		nb += *w == ' ';
	nb += *fb != '\0';
	free(fa);
	free(fb);
	return (na > nb ? na : nb) ? (double)shared / (double)(na > nb ? na : nb) : 0;
}

/* The passage of doc where a basket item on role, vraag, text comes back. */
static enum status
landing(struct store *st, long long doc, const char *role, int vraag,
    const char *text, long long *to, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_MOVING_CANDIDATES, err);
	double best = 0.5;
	int rc;

	*to = 0;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	bind_text(s, 2, role);
	sqlite3_bind_int(s, 3, vraag);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 1);
		double a = t && strcmp(t, text) == 0 ? 2 : t ? alike(t, text) : 0;

		if (a > best) {
			best = a;
			*to = sqlite3_column_int64(s, 0);
		}
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, "reading the passages", err);
	if (*to)
		return STATUS_OK;
	/* Its role or vraag changed: the same words anywhere in it. */
	if (!(s = sql(st, SQL_MOVING_SAME_TEXT, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	bind_text(s, 2, text);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*to = sqlite3_column_int64(s, 0);
	done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, rc, "reading the passages", err);
	return STATUS_OK;
}

/* The basket items put aside, back on the passages of doc. */
static enum status
basket_back(struct store *st, long long doc, struct replace_result *res,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_MOVING, err);
	struct item {
		long long ord;
		char *note, *role, *text;
		int vraag;
	} *items = NULL;
	size_t n = 0, cap = 0;
	enum status status = STATUS_OK;
	int rc;

	if (!s)
		return st->prepare_failure;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		xgrow(&items, &cap, n + 1, sizeof(*items));
		items[n].ord = sqlite3_column_int64(s, 0);
		items[n].note = col_strdup(s, 1);
		items[n].role = col_strdup(s, 2);
		items[n].vraag = sqlite3_column_int(s, 3);
		items[n].text = col_strdup(s, 4);
		n++;
	}
	done(s);
	if (rc != SQLITE_DONE)
		status = db_fail(st, rc, "reading the basket", err);
	for (size_t i = 0; i < n && status == STATUS_OK; i++) {
		long long to;

		status = landing(st, doc, items[i].role, items[i].vraag,
		    items[i].text ? items[i].text : "", &to, err);
		if (status != STATUS_OK)
			break;
		if (!to) {
			res->basket_lost++;
			continue;
		}
		if (!(s = sql(st, SQL_MOVING_PUT, err))) {
			status = st->prepare_failure;
			break;
		}
		sqlite3_bind_int64(s, 1, to);
		sqlite3_bind_int64(s, 2, items[i].ord);
		bind_text_or_null(s, 3, items[i].note);
		if ((status = run(st, s, "keeping the basket", err)))
			break;
		/* Two items that land on one passage are one item now. */
		if (sqlite3_changes(st->db))
			res->basket_kept++;
		else
			res->basket_lost++;
	}
	for (size_t i = 0; i < n; i++) {
		free(items[i].note);
		free(items[i].role);
		free(items[i].text);
	}
	free(items);
	return status;
}

static enum status
replace(struct store *st, long long id, const struct document *doc,
    struct replace_result *res, struct error *err)
{
	char *sha = NULL, *origin = NULL, *before = NULL, *after = NULL;
	long long old_set = 0;
	enum status status;

	if ((status = text_of(st, SQL_REPARSE_SOURCE, id, &sha, &old_set, err)) ||
	    (status = text_of(st, SQL_REPARSE_SHAPE, id, &before, NULL, err)))
		goto out;
	{
		sqlite3_stmt *s = sql(st, SQL_REPARSE_SOURCE, err);

		if (!s) {
			status = st->prepare_failure;
			goto out;
		}
		sqlite3_bind_int64(s, 1, id);
		if (sqlite3_step(s) == SQLITE_ROW)
			origin = col_strdup(s, 0);
		done(s);
	}
	if ((status = run_on(st, SQL_MOVING_CREATE, 0, "keeping the basket", err)) ||
	    (status = run_on(st, SQL_MOVING_CLEAR, 0, "keeping the basket", err)) ||
	    (status = run_on(st, SQL_MOVING_SAVE, id, "keeping the basket", err)) ||
	    (status = run_on(st, SQL_DOCUMENT_DELETE, id, "replacing the document", err)) ||
	    (status = store_db_batch_rewind(st, err)) ||
	    (status = store_db_import_as(st, sha, origin ? origin : "", doc,
	    &res->import, err)) ||
	    (status = basket_back(st, res->import.doc, res, err)))
		goto out;
	if (old_set && old_set != res->import.set &&
	    (status = run_on(st, SQL_SET_DELETE_EMPTY, old_set,
	    "removing the empty set", err)))
		goto out;
	if ((status = text_of(st, SQL_REPARSE_SHAPE, res->import.doc, &after,
	    NULL, err)))
		goto out;
	res->changed = strcmp(before, after) != 0;
out:
	free(sha);
	free(origin);
	free(before);
	free(after);
	return status;
}

enum status
store_replace(struct store *st, long long id, const struct document *doc,
    struct replace_result *res, struct error *err)
{
	enum status status;

	memset(res, 0, sizeof(*res));
	if ((status = store_batch_begin(st, err)))
		return status;
	status = replace(st, id, doc, res, err);
	if (status == STATUS_OK)
		return store_batch_commit(st, err);
	store_batch_abort(st);
	memset(res, 0, sizeof(*res));
	return status;
}

enum status
store_vocab_recount(struct store *st, struct error *err)
{
	enum status status;

	if ((status = run_id(st, SQL_BEGIN_IMMEDIATE, "counting the words", err)))
		return status;
	if ((status = run_on(st, SQL_VOCAB_CLEAR, 0, "counting the words", err)) ||
	    (status = run_on(st, SQL_VOCAB_REBUILD, 0, "counting the words", err))) {
		run_id(st, SQL_ROLLBACK, "counting the words", NULL);
		return status;
	}
	return run_id(st, SQL_COMMIT, "counting the words", err);
}
