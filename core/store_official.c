/*
 * store_official: what the Tweede Kamer's open data says of documents
 * and question sets (store.h, "open data"), and the few settings naast
 * keeps in the database.  The open data's Zaak groups fetched documents
 * (store_import.c finds a set by it); its addressed ministries replace a
 * header's, and the library's coverage follows.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_db.h"
#include "xalloc.h"

static enum status
id_by(struct store *st, enum sql_id q, const char *v, long long *id,
    struct error *err)
{
	return id_of_text(st, q, v, id, N_("reading the database"), err);
}

enum status
store_tk_document(struct store *st, const char *tk_id, long long *doc,
    struct error *err)
{
	return id_by(st, SQL_DOC_BY_TK_ID, tk_id, doc, err);
}

enum status
store_zaak_set(struct store *st, const char *zaak, long long *set,
    struct error *err)
{
	return id_by(st, SQL_SET_BY_ZAAK, zaak, set, err);
}

enum status
store_official(struct store *st, long long doc, const char *zaak,
    const char *tk_id, const char *tk_number, const char *koop_id,
    struct error *err)
{
	enum status status;
	sqlite3_stmt *s;
	bool own;

	if ((status = store_db_change_begin(st, &own, err)))
		return status;
	if (!(s = sql(st, SQL_DOC_OFFICIAL_SET, err))) {
		status = st->prepare_failure;
		goto out;
	}
	sqlite3_bind_int64(s, 1, doc);
	bind_text_or_null(s, 2, tk_id);
	bind_text_or_null(s, 3, tk_number);
	bind_text_or_null(s, 4, koop_id);
	if ((status = run(st, s, N_("storing the document's identifiers"), err)) ||
	    !zaak)
		goto out;
	if (!(s = sql(st, SQL_SET_ZAAK_OF_DOC, err))) {
		status = st->prepare_failure;
		goto out;
	}
	sqlite3_bind_int64(s, 1, doc);
	bind_text(s, 2, zaak);
	status = run(st, s, N_("storing the Zaak of the question set"), err);
out:
	return store_db_change_end(st, own, status, err);
}

enum status
store_set_addressed(struct store *st, const char *zaak, char *const *codes,
    char *const *portfolios, size_t n, long long *set, struct error *err)
{
	enum status status;
	sqlite3_stmt *s;
	bool own;

	if ((status = store_db_change_begin(st, &own, err)))
		return status;
	if ((status = id_by(st, SQL_SET_BY_ZAAK, zaak, set, err)) || !*set)
		goto out;
	if ((status = run_on(st, SQL_ADDRESSED_CLEAR, *set,
	    N_("storing the addressed ministries"), err)))
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (!(s = sql(st, SQL_ADDRESSED_INSERT, err))) {
			status = st->prepare_failure;
			goto out;
		}
		sqlite3_bind_int64(s, 1, *set);
		sqlite3_bind_int64(s, 2, (long long)i);
		bind_text(s, 3, codes[i]);
		bind_text_or_null(s, 4, portfolios ? portfolios[i] : NULL);
		if ((status = run(st, s, N_("storing the addressed ministries"),
		    err)))
			goto out;
	}
	if ((status = run_on(st, SQL_SET_ADDRESSED_OFFICIAL, *set,
	    N_("storing the addressed ministries"), err)))
		goto out;
	status = store_db_library_set_update(st, *set, err);
out:
	return store_db_change_end(st, own, status, err);
}

enum status
store_follow(struct store *st, const char *zaak, bool follow,
    struct error *err)
{
	sqlite3_stmt *s;
	enum status status;
	bool own;

	if ((status = store_db_change_begin(st, &own, err)))
		return status;
	if (!(s = sql(st, SQL_FOLLOW_PUT, err))) {
		status = st->prepare_failure;
	} else {
		bind_text(s, 1, zaak);
		sqlite3_bind_int(s, 2, follow);
		status = run(st, s, N_("storing what you follow"), err);
	}
	return store_db_change_end(st, own, status, err);
}

enum status
store_following(struct store *st, const char *zaak, bool *yes,
    struct error *err)
{
	long long v;
	enum status status = id_by(st, SQL_FOLLOWING, zaak, &v, err);

	*yes = status == STATUS_OK && v != 0;
	return status;
}

enum status
store_followed(struct store *st, char ***zaken, size_t *n, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_FOLLOWED, err);
	int rc;

	*zaken = NULL;
	*n = 0;
	if (!s)
		return st->prepare_failure;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		model_strv_add(zaken, n, col_strdup(s, 0));
	done(s);
	if (rc != SQLITE_DONE) {
		model_strv_free(*zaken, *n);
		*zaken = NULL;
		*n = 0;
		return db_fail(st, rc, N_("reading what you follow"), err);
	}
	return STATUS_OK;
}

/* The last document the user saw among the arrivals; 0 when none. */
static enum status
seen(struct store *st, long long *last, struct error *err)
{
	char *v;
	enum status status = store_setting(st, STORE_SEEN, &v, err);

	*last = v ? strtoll(v, NULL, 10) : 0;
	free(v);
	return status;
}

enum status
store_arrivals(struct store *st, size_t limit, struct arrival **out, size_t *n,
    struct error *err)
{
	sqlite3_stmt *s;
	enum status status;
	long long last;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((status = seen(st, &last, err)))
		return status;
	if (!(s = sql(st, SQL_ARRIVALS, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, last);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct arrival *a;

		xgrow(out, &cap, *n + 1, sizeof(**out));
		a = &(*out)[(*n)++];
		memset(a, 0, sizeof(*a));
		a->doc = sqlite3_column_int64(s, 0);
		a->set = sqlite3_column_int64(s, 1);
		col_copy(s, 2, a->ministry, sizeof(a->ministry));
		col_copy(s, 3, a->received, sizeof(a->received));
		col_copy(s, 4, a->koop_id, sizeof(a->koop_id));
		a->subject = col_strdup(s, 5);
		col_copy(s, 6, a->zaak, sizeof(a->zaak));
		col_copy(s, 7, a->imported_at, sizeof(a->imported_at));
	}
	done(s);
	if (rc != SQLITE_DONE) {
		store_arrivals_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(st, rc, N_("reading what is new"), err);
	}
	return STATUS_OK;
}

void
store_arrivals_free(struct arrival *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(a[i].subject);
	free(a);
}

enum status
store_arrivals_count(struct store *st, size_t *n, struct error *err)
{
	sqlite3_stmt *s;
	enum status status;
	long long last;
	bool found;

	*n = 0;
	if ((status = seen(st, &last, err)))
		return status;
	if (!(s = sql(st, SQL_ARRIVALS_COUNT, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, last);
	status = step_row(st, s, &found, N_("reading what is new"), err);
	if (status == STATUS_OK) {
		if (found)
			*n = (size_t)sqlite3_column_int64(s, 0);
		done(s);
	}
	return status;
}

enum status
store_arrivals_seen(struct store *st, struct error *err)
{
	sqlite3_stmt *s;
	char v[32];

	/* The newest document: whatever comes after it is new. */
	if (!(s = sql(st, SQL_DOC_LAST, err)))
		return st->prepare_failure;
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(v, sizeof(v), "%lld", (long long)sqlite3_column_int64(s, 0));
	else
		snprintf(v, sizeof(v), "0");
	done(s);
	return store_setting_put(st, STORE_SEEN, v, err);
}

enum status
store_setting(struct store *st, const char *key, char **value,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_SETTING_GET, err);
	enum status status;
	bool found;

	*value = NULL;
	if (!s)
		return st->prepare_failure;
	bind_text(s, 1, key);
	status = step_row(st, s, &found, N_("reading the settings"), err);
	if (status == STATUS_OK) {
		if (found)
			*value = col_strdup(s, 0);
		done(s);
	}
	return status;
}

enum status
store_setting_put(struct store *st, const char *key, const char *value,
    struct error *err)
{
	sqlite3_stmt *s;
	enum status status;
	bool own;

	if ((status = store_db_change_begin(st, &own, err)))
		return status;
	if (!(s = sql(st, SQL_SETTING_PUT, err))) {
		status = st->prepare_failure;
	} else {
		bind_text(s, 1, key);
		bind_text(s, 2, value);
		status = run(st, s, N_("storing a setting"), err);
	}
	return store_db_change_end(st, own, status, err);
}
