/*
 * store_reparse: a document's rows replaced by those of the same text
 * parsed again (store.h, "parsing again"), its basket items carried over;
 * and the stored original that parsing again reads: packed (original.h)
 * by the import, by naast_pack() in SQL, unpacked by store_doc_source.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "original.h"
#include "store.h"
#include "store_db.h"
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
	status = step_row(st, s, &found, N_("counting the documents"), err);
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
	status = step_row(st, s, &found, N_("finding the documents"), err);
	if (status == STATUS_OK && found) {
		*next = sqlite3_column_int64(s, 0);
		done(s);
	}
	read_end(st);
	return status;
}

/* -------------------------------------------------------- stored originals */

/*
 * The original in column col of s's row, allocated and NUL-terminated.
 * Packed, it is a blob; a row stored before originals were packed holds
 * the text itself, read as it is, so that a database part of the way
 * through packing them reads whole.
 */
static enum status
original_of(sqlite3_stmt *s, int col, char **text, size_t *len,
    struct error *err)
{
	const void *v;

	if (sqlite3_column_type(s, col) == SQLITE_BLOB)
		return original_unpack(sqlite3_column_blob(s, col),
		    (size_t)sqlite3_column_bytes(s, col), text, len, err);
	v = sqlite3_column_text(s, col);
	*len = (size_t)sqlite3_column_bytes(s, col);
	*text = xmalloc(*len + 1);
	if (*len)
		memcpy(*text, v, *len);
	(*text)[*len] = '\0';
	return STATUS_OK;
}

/*
 * naast_pack(x): x packed as the import packs an original; NULL stays
 * NULL and a blob, packed already, stays as it is, so that packing the
 * originals of a database may be done again, or in parts.
 */
static void
pack_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *text;
	void *blob;
	size_t len;

	(void)argc;
	switch (sqlite3_value_type(argv[0])) {
	case SQLITE_NULL:
		sqlite3_result_null(ctx);
		return;
	case SQLITE_BLOB:
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	text = (const char *)sqlite3_value_text(argv[0]);
	if (!text) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!(blob = original_pack(text, (size_t)sqlite3_value_bytes(argv[0]),
	    &len))) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_blob64(ctx, blob, len, free);
}

int
store_original_register(sqlite3 *db)
{
	return sqlite3_create_function_v2(db, "naast_pack", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    pack_function, NULL, NULL, NULL);
}

/* ----------------------------------------------------------- parsing again */

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
	status = step_row(st, s, &found, N_("reading the document"), err);
	if (status == STATUS_OK && found) {
		out->origin = col_strdup(s, 0);
		out->format = col_strdup(s, 1);
		out->from_pdf = sqlite3_column_int(s, 5) != 0;
		status = original_of(s, 4, &out->raw, &out->raw_len, err);
		done(s);
		if (status)
			store_doc_source_clear(out);
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

/*
 * Column col of the one row statement q gives for document id, allocated;
 * of SQL_REPARSE_SOURCE, also its origin (column 0) into *origin.
 */
static enum status
column_of(struct store *st, enum sql_id q, long long id, int col, char **out,
    char **origin, struct error *err)
{
	sqlite3_stmt *s = sql(st, q, err);
	enum status status;
	bool found;

	*out = NULL;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, id);
	status = step_row(st, s, &found, N_("reading the document"), err);
	if (status == STATUS_OK && found) {
		*out = col_strdup(s, col);
		if (origin)
			*origin = col_strdup(s, 0);
		done(s);
	} else if (status == STATUS_OK)
		status = error_set(err, STATUS_NOT_FOUND,
		    "there is no document %lld", id);
	return status;
}

static enum status
replace(struct store *st, long long id, const struct document *doc,
    struct replace_result *res, struct error *err)
{
	char *sha = NULL, *origin = NULL, *before = NULL, *after = NULL;
	struct reattach_result moved;
	struct document again = *doc;
	enum status status;
	sqlite3_stmt *s;
	bool found;

	/* Its identity (sha256, column 2) and origin, and what it was. */
	if ((status = column_of(st, SQL_REPARSE_SOURCE, id, 2, &sha, &origin,
	    err)) ||
	    (status = column_of(st, SQL_REPARSE_SHAPE, id, 0, &before, NULL, err)))
		goto out;
	/* What the open data said of it stays: its Zaak and its ids. */
	if (!(s = sql(st, SQL_DOC_OFFICIAL, err))) {
		status = st->prepare_failure;
		goto out;
	}
	sqlite3_bind_int64(s, 1, id);
	if ((status = step_row(st, s, &found, N_("reading the document"), err)))
		goto out;
	if (found) {
		again.zaak = col_strdup(s, 0);
		again.tk_id = col_strdup(s, 1);
		again.tk_number = col_strdup(s, 2);
		again.koop_id = col_strdup(s, 3);
	}
	done(s);
	/* The new rows come in beside the old, the basket moves, the old go. */
	if ((status = run_on(st, SQL_DOC_SHA_ASIDE, id, N_("replacing the document"), err)) ||
	    (status = store_db_import_as(st, sha, origin ? origin : "", &again,
	    &res->import, err)) ||
	    (status = store_reattach_selection(st, id, res->import.doc, &moved,
	    err)) ||
	    (status = store_db_remove_document(st, id, err)) ||
	    (status = column_of(st, SQL_REPARSE_SHAPE, res->import.doc, 0,
	    &after, NULL, err)))
		goto out;
	res->basket_kept = moved.moved + moved.merged;
	res->basket_lost = moved.lost;
	res->changed = strcmp(before, after) != 0;
out:
	if (again.zaak != doc->zaak)
		free(again.zaak);
	if (again.tk_id != doc->tk_id)
		free(again.tk_id);
	if (again.tk_number != doc->tk_number)
		free(again.tk_number);
	if (again.koop_id != doc->koop_id)
		free(again.koop_id);
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
