/*
 * store_export: the basket (the selection table) and what an export
 * reads: each passage with the metadata of its citation.  See store.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store_db.h"

/* ------------------------------------------------------------- the basket */

static enum status
passage_exists(struct store *st, long long passage, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_PASSAGE_EXISTS, err);
	enum status status;
	bool found;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, passage);
	if ((status = step_row(st, s, &found, N_("looking up the passage"), err)))
		return status;
	done(s);
	if (!found)
		return error_set(err, STATUS_NOT_FOUND,
		    "there is no passage %lld (search or show give passage numbers)", passage);
	return STATUS_OK;
}

/* Runs statement id on passage (and text); *changed: a row changed. */
static enum status
change(struct store *st, enum sql_id id, long long passage, const char *text,
    bool *changed, const char *what, struct error *err)
{
	sqlite3_stmt *s = sql(st, id, err);
	enum status status;

	if (!s)
		return st->prepare_failure;
	if (passage)
		sqlite3_bind_int64(s, 1, passage);
	if (text)
		bind_text(s, 2, text);
	status = run(st, s, what, err);
	if (changed)
		*changed = status == STATUS_OK && sqlite3_changes(st->db) > 0;
	return status;
}

enum status
store_select_add(struct store *st, long long passage, bool *added, struct error *err)
{
	enum status status;

	*added = false;
	if ((status = passage_exists(st, passage, err)))
		return status;
	return change(st, SQL_SELECT_ADD, passage, NULL, added,
	    N_("adding to the basket"), err);
}

enum status
store_select_remove(struct store *st, long long passage, bool *removed,
    struct error *err)
{
	return change(st, SQL_SELECT_REMOVE, passage, NULL, removed,
	    N_("taking a passage out of the basket"), err);
}

enum status
store_select_clear(struct store *st, size_t *removed, struct error *err)
{
	enum status status;
	bool changed;

	status = change(st, SQL_SELECT_CLEAR, 0, NULL, &changed, N_("emptying the basket"), err);
	if (removed)
		*removed = status == STATUS_OK ? (size_t)sqlite3_changes(st->db) : 0;
	return status;
}

enum status
store_select_note(struct store *st, long long passage, const char *note,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_SELECT_NOTE, err);
	enum status status;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, passage);
	bind_text_or_null(s, 2, note);
	status = run(st, s, N_("saving the note"), err);
	if (status == STATUS_OK && sqlite3_changes(st->db) == 0)
		return error_set(err, STATUS_NOT_FOUND,
		    "passage %lld is not in the basket (add it first)", passage);
	return status;
}

enum status
store_selection(struct store *st, struct selected **out, size_t *n, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_SELECTION, err);
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return st->prepare_failure;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = (struct selected){
			.passage = sqlite3_column_int64(s, 0),
			.note = col_strdup(s, 1),
		};
	}
	done(s);
	if (rc != SQLITE_DONE) {
		store_selection_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(st, rc, N_("reading the basket"), err);
	}
	return STATUS_OK;
}

void
store_selection_free(struct selected *sel, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(sel[i].note);
	free(sel);
}

/* Numbers the basket 1..n in the order of sel, in the open transaction. */
static enum status
renumber(struct store *st, const struct selected *sel, size_t n, struct error *err)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s = sql(st, SQL_SELECT_ORD, err);
		enum status status;

		if (!s)
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, sel[i].passage);
		sqlite3_bind_int64(s, 2, (long long)i + 1);
		if ((status = run(st, s, N_("reordering the basket"), err)))
			return status;
	}
	return STATUS_OK;
}

enum status
store_select_move(struct store *st, long long passage, int delta, struct error *err)
{
	struct selected *sel, moved;
	size_t n, at, to;
	enum status status;

	if ((status = run_id(st, SQL_BEGIN_IMMEDIATE, N_("reordering the basket"), err)))
		return status;
	if ((status = store_selection(st, &sel, &n, err)))
		goto out;
	for (at = 0; at < n && sel[at].passage != passage; at++)
		;
	if (at == n) {
		status = error_set(err, STATUS_NOT_FOUND,
		    "passage %lld is not in the basket", passage);
	} else {
		if (delta < 0)
			to = (size_t)-delta > at ? 0 : at - (size_t)-delta;
		else
			to = at + (size_t)delta >= n ? n - 1 : at + (size_t)delta;
		moved = sel[at];
		if (to < at)
			memmove(sel + to + 1, sel + to, (at - to) * sizeof(*sel));
		else
			memmove(sel + at, sel + at + 1, (to - at) * sizeof(*sel));
		sel[to] = moved;
		status = renumber(st, sel, n, err);
	}
	store_selection_free(sel, n);
out:
	if (status == STATUS_OK)
		return run_id(st, SQL_COMMIT, N_("saving the basket"), err);
	run_id(st, SQL_ROLLBACK, N_("undoing the reordering"), NULL);
	return status;
}

/* ----------------------------------------------------------------- export */

static enum status
read_addressees(struct store *st, struct export_item *it, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_ADDRESSEES, err);
	int rc;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, it->doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		model_strv_add(&it->addressees, &it->n_addressees, col_strdup(s, 0));
	done(s);
	return rc == SQLITE_DONE ? STATUS_OK : db_fail(st, rc, N_("reading the addressees"), err);
}

/*
 * Copies what the previous item of the same document read, so that a
 * document's set, signatories and addressees are read once per export.
 */
static void
copy_document(struct export_item *it, const struct export_item *prev)
{
	it->subject = prev->subject ? xstrdup(prev->subject) : NULL;
	it->questioners = model_questioners_copy(prev->questioners, prev->n_questioners);
	it->n_questioners = prev->n_questioners;
	memcpy(it->submitted, prev->submitted, sizeof(it->submitted));
	it->signatories = model_signatories_copy(prev->signatories, prev->n_signatories);
	it->n_signatories = prev->n_signatories;
	for (size_t i = 0; i < prev->n_addressees; i++)
		model_strv_add(&it->addressees, &it->n_addressees, xstrdup(prev->addressees[i]));
}

/* Reads the set, signatories and addressees of the item's document. */
static enum status
read_document(struct store *st, struct export_item *it, struct error *err)
{
	enum status status;

	if (it->set > 0) {
		struct set_info set;

		if ((status = store_db_set(st, it->set, &set, err)))
			return status;
		it->subject = set.subject ? xstrdup(set.subject) : NULL;
		it->questioners = model_questioners_copy(set.questioners, set.n_questioners);
		it->n_questioners = set.n_questioners;
		memcpy(it->submitted, set.submitted, sizeof(it->submitted));
		store_set_info_clear(&set);
	}
	if ((status = store_db_signatories(st, it->doc, &it->signatories,
	    &it->n_signatories, err)))
		return status;
	if (it->kind == DOC_LETTER || it->kind == DOC_UNKNOWN)
		return read_addressees(st, it, err);
	return STATUS_OK;
}

/*
 * The canonical text of the vragen of the item, with their footnotes:
 * of one answer to several ("Antwoord 3, 4 en 5"), each one's text, one
 * after another on lines of their own.  NULL when the set has none of
 * them.
 */
static enum status
read_vraag(struct store *st, struct export_item *it, struct error *err)
{
	int last = it->vraag_to > it->vraag ? it->vraag_to : it->vraag;
	enum status status = STATUS_OK;
	struct xbuf b = { 0 };
	bool any = false;

	for (int v = it->vraag; v <= last && status == STATUS_OK; v++) {
		sqlite3_stmt *s = sql(st, SQL_QUESTIONS, err);
		struct footnote *f = NULL;
		size_t nf = 0, base;
		char *text;
		bool found;

		if (!s) {
			status = st->prepare_failure;
			break;
		}
		sqlite3_bind_int64(s, 1, it->set);
		sqlite3_bind_int(s, 2, v);
		if ((status = step_row(st, s, &found, N_("reading the vragen"), err)))
			break;
		text = found ? col_strdup(s, 2) : NULL;
		done(s);
		if (!text)
			continue;
		if (any)
			xbuf_puts(&b, "\n");
		base = b.n;
		xbuf_puts(&b, text);
		any = true;
		status = store_db_vraag_footnotes(st, it->set, v, text, &f, &nf, err);
		free(text);
		it->vraag_footnotes = xrealloc(it->vraag_footnotes,
		    (it->n_vraag_footnotes + nf + 1) * sizeof(*f));
		for (size_t k = 0; k < nf; k++) {
			f[k].at += base;
			it->vraag_footnotes[it->n_vraag_footnotes++] = f[k];
		}
		free(f);
	}
	if (any)
		it->vraag_text = xbuf_finish(&b);
	else
		free(b.s);
	return status;
}

/* One passage's item; prev (or NULL) is the item read before it. */
static enum status
read_item(struct store *st, long long passage, const struct export_item *prev,
    struct export_item *it, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_EXPORT_PASSAGE, err);
	enum status status;
	const char *of;
	bool found;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, passage);
	if ((status = step_row(st, s, &found, N_("reading the passage"), err)))
		return status;
	if (!found) {
		done(s);
		return error_set(err, STATUS_NOT_FOUND,
		    "there is no passage %lld (search or show give passage numbers)", passage);
	}
	it->passage = sqlite3_column_int64(s, 0);
	it->doc = sqlite3_column_int64(s, 1);
	if (!model_role_from_name((const char *)sqlite3_column_text(s, 2), &it->role))
		it->role = ROLE_OTHER;
	it->vraag = sqlite3_column_int(s, 3);
	it->vraag_to = sqlite3_column_int(s, 4);
	it->text = col_strdup(s, 5);
	it->kind = kind_from_name((const char *)sqlite3_column_text(s, 6));
	it->set = sqlite3_column_int64(s, 7);
	col_copy(s, 8, it->ministry, sizeof(it->ministry));
	col_copy(s, 9, it->received, sizeof(it->received));
	it->aanhangsel = sqlite3_column_int(s, 10);
	it->origin = col_strdup(s, 11);
	it->paragraph = sqlite3_column_int(s, 12);
	it->marker = col_strdup(s, 13);
	of = (const char *)sqlite3_column_text(s, 14);
	if (!of || !model_role_from_name(of, &it->note_of))
		it->note_of = ROLE_OTHER;
	col_copy(s, 15, it->vergaderjaar, sizeof(it->vergaderjaar));
	it->chamber = (enum chamber)sqlite3_column_int(s, 16);
	col_copy(s, 17, it->koop_id, sizeof(it->koop_id));
	done(s);
	if ((status = store_db_footnotes(st, it->passage, &it->footnotes, &it->n_footnotes, err)))
		return status;
	if (it->set > 0 && it->vraag > 0 && (status = read_vraag(st, it, err)))
		return status;
	if (prev && prev->doc == it->doc) {
		copy_document(it, prev);
		return STATUS_OK;
	}
	return read_document(st, it, err);
}

enum status
store_export_items(struct store *st, const long long *passages, size_t n,
    struct export_item **out, struct error *err)
{
	struct export_item *items = xcalloc(n + 1, sizeof(*items));
	enum status status;
	size_t i = 0;

	*out = NULL;
	if ((status = read_begin(st, err))) {
		free(items);
		return status;
	}
	for (; i < n && status == STATUS_OK; i++)
		status = read_item(st, passages[i], i ? &items[i - 1] : NULL, &items[i], err);
	read_end(st);
	if (status) {
		export_items_free(items, i);
		return status;
	}
	*out = items;
	return STATUS_OK;
}

enum status
store_export_set(struct store *st, long long set, int vraag,
    char *const *ministries, size_t n_ministries, struct export_item **out,
    size_t *n, struct error *err)
{
	struct question_view *q;
	size_t nq, n_ids = 0;
	long long *ids = NULL;
	enum status status;

	*out = NULL;
	*n = 0;
	if ((status = store_questions(st, set, vraag, ministries, n_ministries, &q, &nq, err)))
		return status;
	if (nq == 0) {
		store_questions_free(q, nq);
		return error_set(err, STATUS_NOT_FOUND,
		    "set %lld has no vraag %d ('naast show %lld' lists them)", set, vraag, set);
	}
	for (size_t i = 0; i < nq; i++) {
		for (size_t a = 0; a < q[i].n_answers; a++) {
			const struct answer_view *av = &q[i].answers[a];

			for (size_t p = 0; p < av->n_paragraphs; p++) {
				bool seen = false;

				/* A shared answer ("Antwoord 10 en 11") once. */
				for (size_t k = n_ids; k > 0 && !seen; k--)
					seen = ids[k - 1] == av->paragraphs[p].id;
				if (seen)
					continue;
				ids = xrealloc(ids, (n_ids + 1) * sizeof(*ids));
				ids[n_ids++] = av->paragraphs[p].id;
			}
		}
	}
	store_questions_free(q, nq);
	if (n_ids == 0) {
		free(ids);
		return error_set(err, STATUS_NOT_FOUND,
		    "no answer to export: none of those ministries answered (see 'naast show %lld')",
		    set);
	}
	status = store_export_items(st, ids, n_ids, out, err);
	free(ids);
	if (status == STATUS_OK)
		*n = n_ids;
	return status;
}

enum status
store_export_selection(struct store *st, struct export_item **items, size_t *n,
    struct error *err)
{
	struct selected *sel;
	long long *ids;
	enum status status;

	*items = NULL;
	if ((status = store_selection(st, &sel, n, err)))
		return status;
	if (*n == 0) {
		store_selection_free(sel, *n);
		return error_set(err, STATUS_NOT_FOUND,
		    "the basket is empty: add passages with Space in the interface or 'naast select add PASSAGE'");
	}
	ids = xcalloc(*n, sizeof(*ids));
	for (size_t i = 0; i < *n; i++)
		ids[i] = sel[i].passage;
	status = store_export_items(st, ids, *n, items, err);
	for (size_t i = 0; status == STATUS_OK && i < *n; i++) {
		(*items)[i].note = sel[i].note;
		sel[i].note = NULL;
	}
	free(ids);
	store_selection_free(sel, *n);
	if (status)
		*n = 0;
	return status;
}

/* The vragen whose answers passage refers to, each once, in text order. */
static enum status
passage_refs(struct store *st, long long passage, int **out, size_t *n,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_PASSAGE_REFS, err);
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, passage);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int v = sqlite3_column_int(s, 0);
		bool seen = false;

		for (size_t i = 0; i < *n && !seen; i++)
			seen = (*out)[i] == v;
		if (seen)
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = v;
	}
	done(s);
	return rc == SQLITE_DONE ? STATUS_OK : db_fail(st, rc, N_("reading the references"), err);
}

/* The passage ids of document doc's answer to vraag v. */
static enum status
answer_paragraphs(struct store *st, long long doc, int v, long long **out, size_t *n,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_PARAGRAPHS, err);
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	sqlite3_bind_int(s, 2, v);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	done(s);
	return rc == SQLITE_DONE ? STATUS_OK : db_fail(st, rc, N_("reading the answers"), err);
}

enum status
store_export_refs(struct store *st, struct export_item *items, size_t n,
    struct error *err)
{
	enum status status = STATUS_OK;

	for (size_t i = 0; i < n && status == STATUS_OK; i++) {
		struct export_item *it = &items[i];
		int *vragen;
		size_t nv;

		if (it->role != ROLE_ANTWOORD || it->set <= 0 || it->n_refs)
			continue;
		if ((status = passage_refs(st, it->passage, &vragen, &nv, err)))
			break;
		for (size_t k = 0; k < nv && status == STATUS_OK; k++) {
			struct export_ref ref = { .vraag = vragen[k] };
			long long *ids;
			size_t n_ids;

			/* Its own answer is the one it is in. */
			if (vragen[k] >= it->vraag && vragen[k] <= (it->vraag_to > it->vraag
			    ? it->vraag_to : it->vraag))
				continue;
			if ((status = answer_paragraphs(st, it->doc, vragen[k], &ids, &n_ids, err)))
				break;
			if (n_ids)
				status = store_export_items(st, ids, n_ids, &ref.items, err);
			free(ids);
			if (status || n_ids == 0)
				continue;
			ref.n_items = n_ids;
			it->refs = xrealloc(it->refs, (it->n_refs + 1) * sizeof(*it->refs));
			it->refs[it->n_refs++] = ref;
		}
		free(vragen);
	}
	return status;
}
