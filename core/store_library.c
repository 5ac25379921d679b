/*
 * store_library: the rows of the library view, page by page in each of
 * its orders, narrowed by a filter as the user types, and their count.
 * The library table itself is kept by the import (store_import.c).  See
 * store.h for the contract, store_db.h for the statement protocol.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_db.h"
#include "xalloc.h"

/* The LIKE patterns of a filter, one per word. */
struct filter {
	char *like[LIBRARY_WORDS];
	size_t n;
};

/*
 * Folds the filter as the library's search column is folded and makes a
 * pattern "%word%" of each word, with LIKE's own characters escaped so
 * that "100%" means those four characters.  Words past LIBRARY_WORDS are
 * ignored: eight already narrow any list to nothing, and a fixed number
 * keeps one prepared statement for every filter.
 */
static void
filter_parse(const char *text, struct filter *f)
{
	char *folded = library_fold(text ? text : ""), *word, *save = NULL;

	memset(f, 0, sizeof(*f));
	for (word = strtok_r(folded, " ", &save); word && f->n < LIBRARY_WORDS;
	    word = strtok_r(NULL, " ", &save)) {
		char *p = xmalloc(2 * strlen(word) + 3), *q = p;

		*q++ = '%';
		for (const char *c = word; *c; c++) {
			if (*c == '%' || *c == '_' || *c == '\\')
				*q++ = '\\';
			*q++ = *c;
		}
		*q++ = '%';
		*q = '\0';
		f->like[f->n++] = p;
	}
	free(folded);
}

/* Binds the patterns to ?1..?8, NULL for the words not given. */
static void
filter_bind(sqlite3_stmt *s, const struct filter *f)
{
	for (size_t i = 0; i < LIBRARY_WORDS; i++)
		bind_text(s, (int)i + 1, i < f->n ? f->like[i] : NULL);
}

static void
filter_free(struct filter *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->like[i]);
	f->n = 0;
}

/* The statements of one order: from the top, after, from the bottom, before. */
static const enum sql_id library_pages[][4] = {
	[LIBRARY_BY_SUBMITTED] = {
		SQL_LIBRARY_SUBMITTED_TOP, SQL_LIBRARY_SUBMITTED_AFTER,
		SQL_LIBRARY_SUBMITTED_BOTTOM, SQL_LIBRARY_SUBMITTED_BEFORE,
	},
	[LIBRARY_BY_RECEIVED] = {
		SQL_LIBRARY_RECEIVED_TOP, SQL_LIBRARY_RECEIVED_AFTER,
		SQL_LIBRARY_RECEIVED_BOTTOM, SQL_LIBRARY_RECEIVED_BEFORE,
	},
	[LIBRARY_BY_SUBJECT] = {
		SQL_LIBRARY_SUBJECT_TOP, SQL_LIBRARY_SUBJECT_AFTER,
		SQL_LIBRARY_SUBJECT_BOTTOM, SQL_LIBRARY_SUBJECT_BEFORE,
	},
};
#define N_ORDERS (COUNT(library_pages))

/*
 * The key of the row entry in order sort, for a cursor that came without
 * one (a row the caller built from an entry id).  SQL_LIBRARY_KEYS gives
 * the keys in the order of enum library_sort.
 */
static enum status
library_key(struct store *st, long long entry, enum library_sort sort,
    char **key, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_LIBRARY_KEYS, err);
	enum status status;
	bool found;

	*key = NULL;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, entry);
	if ((status = step_row(st, s, &found, N_("reading the library"), err)))
		return status;
	if (found)
		*key = col_strdup(s, (int)sort);
	done(s);
	if (!found)
		return error_set(err, STATUS_NOT_FOUND,
		    "library entry %lld is gone (reload the list)", entry);
	return STATUS_OK;
}

/* The current row of a library page statement (LIBRARY_COLUMNS, then the key). */
static void
library_row_read(sqlite3_stmt *s, struct library_row *r)
{
	bool is_set = sqlite3_column_int(s, 2) != 0;

	memset(r, 0, sizeof(*r));
	r->kind = is_set ? LIBRARY_SET : LIBRARY_DOCUMENT;
	r->entry = sqlite3_column_int64(s, 0);
	r->id = sqlite3_column_int64(s, 1);
	r->title = col_strdup(s, 4);
	r->who = col_strdup(s, 5);
	col_copy(s, 6, r->submitted, sizeof(r->submitted));
	col_copy(s, 7, r->received, sizeof(r->received));
	r->answered = sqlite3_column_int(s, 8);
	r->addressed = sqlite3_column_int(s, 9);
	r->n_questions = sqlite3_column_int(s, 10);
	r->warnings = sqlite3_column_int(s, 11);
	r->sort_key = col_strdup(s, 12);
	/* A set is not a document; it is named by what it holds. */
	if (is_set)
		r->doc_kind = r->answered ? DOC_ANSWER : DOC_QUESTIONS;
	else
		r->doc_kind = kind_from_name((const char *)sqlite3_column_text(s, 3));
	if (!r->title)
		r->title = xstrdup("");
	if (!r->who)
		r->who = xstrdup("");
	if (!r->sort_key)
		r->sort_key = xstrdup("");
}

/*
 * A page is one statement, hence one snapshot (the key of a cursor that
 * came without one is read before it).  Backward pages read the
 * order in reverse from the cursor and are turned round.  Backward from
 * no row at all is the last page: where the End key goes.
 */
enum status
store_library_page(struct store *st, const char *filter,
    enum library_sort sort, const struct library_row *from, bool backward,
    size_t limit, struct library_row **rows, size_t *n, struct error *err)
{
	struct library_row *out = NULL;
	struct filter f;
	enum status status = STATUS_OK;
	char *key = NULL;
	size_t count = 0, cap = 0;
	sqlite3_stmt *s;
	int rc = SQLITE_DONE;

	*rows = NULL;
	*n = 0;
	if ((unsigned)sort >= N_ORDERS)
		return error_set(err, STATUS_USAGE, "unknown library order %d",
		    (int)sort);
	if (limit == 0)
		return STATUS_OK;
	if (from && !from->sort_key &&
	    (status = library_key(st, from->entry, sort, &key, err)))
		return status;
	if (!(s = sql(st, library_pages[sort][(backward ? 2 : 0) + (from ? 1 : 0)],
	    err))) {
		free(key);
		return st->prepare_failure;
	}
	filter_parse(filter, &f);
	filter_bind(s, &f);
	sqlite3_bind_int64(s, 9, (long long)limit);
	if (from)
		bind_text(s, 10, key ? key : from->sort_key);
	while (count < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		xgrow(&out, &cap, count + 1, sizeof(*out));
		library_row_read(s, &out[count++]);
	}
	done(s);
	filter_free(&f);
	free(key);
	if (count < limit && rc != SQLITE_DONE) {
		store_library_free(out, count);
		return db_fail(st, rc, N_("reading the library"), err);
	}
	for (size_t i = 0; backward && i < count / 2; i++) {
		struct library_row tmp = out[i];

		out[i] = out[count - 1 - i];
		out[count - 1 - i] = tmp;
	}
	*rows = out;
	*n = count;
	return STATUS_OK;
}

enum status
store_library_count(struct store *st, const char *filter, size_t *count,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_LIBRARY_COUNT, err);
	enum status status;
	struct filter f;
	bool found;

	*count = 0;
	filter_parse(filter, &f);
	/*
	 * Without a filter SQLite counts the entries of an index, page by
	 * page, instead of testing eight patterns on every row: a first
	 * frame as quick on the archive as on a year of it.
	 */
	if (f.n == 0)
		s = sql(st, SQL_LIBRARY_COUNT_ALL, err);
	if (!s) {
		filter_free(&f);
		return st->prepare_failure;
	}
	if (f.n > 0)
		filter_bind(s, &f);
	status = step_row(st, s, &found, N_("counting the library"), err);
	if (status == STATUS_OK) {
		if (found)
			*count = (size_t)sqlite3_column_int64(s, 0);
		done(s);
	}
	filter_free(&f);
	return status;
}

void
store_library_rows_clear(struct library_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].title);
		free(rows[i].who);
		free(rows[i].sort_key);
		memset(&rows[i], 0, sizeof(rows[i]));
	}
}

void
store_library_free(struct library_row *rows, size_t n)
{
	if (rows)
		store_library_rows_clear(rows, n);
	free(rows);
}
