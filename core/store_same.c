/*
 * store_same: one document once.  Finding a document that is here
 * already in another form, moving basket items from one document's
 * passages to another's, and removing documents.  See store.h for the
 * contract, store_db.h for the statement protocol.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "fingerprint.h"
#include "store.h"
#include "store_db.h"
#include "text.h"
#include "xalloc.h"

/* ------------------------------------------------------- the same document */

/*
 * How alike two texts must be to be one document.  Two forms of one
 * answer share nearly every shingle (a conversion's furniture and
 * rewrapped hyphens cost a few), two answers of one ministry to one set
 * (a first and a later, fuller one) few.  With the same Aanhangsel number
 * and vergaderjaar the texts only need not contradict it: a misread
 * number must not make two documents one.
 */
#define SAME_BY_NUMBER 0.3
#define SAME_IN_SET 0.6

enum doc_form
store_db_form(const char *format, bool from_pdf)
{
	if (from_pdf)
		return FORM_PDF;
	if (format && strcmp(format, "pdftext") == 0)
		return FORM_PDF_TEXT;
	return FORM_CONVERSION;
}

/*
 * The vergaderjaar of a document, by the year it begins: Aanhangsel
 * numbers start again each vergaderjaar, which begins in September.
 * As the document prints it, else from the received date; 0 when both
 * are unknown.
 */
static int
vergaderjaar(const struct document *doc)
{
	int year, month;

	if (sscanf(doc->vergaderjaar, "%4d/", &year) == 1)
		return year;
	if (sscanf(doc->received, "%4d-%2d", &year, &month) != 2)
		return 0;
	return month >= 9 ? year : year - 1;
}

/* The rows of s (SAME_COLUMNS): the one most like fp of at least floor. */
static enum status
best_of(struct store *st, sqlite3_stmt *s, const struct fingerprint *fp,
    double floor, struct same_candidate *found, double *best,
    struct error *err)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct fingerprint other;
		double sim;

		if (!fingerprint_unpack(sqlite3_column_blob(s, 4),
		    (size_t)sqlite3_column_bytes(s, 4), &other))
			continue;
		sim = fingerprint_similarity(fp, &other);
		if (sim < floor || sim <= *best)
			continue;
		*best = sim;
		found->id = sqlite3_column_int64(s, 0);
		snprintf(found->name, sizeof(found->name), "%s",
		    model_origin_name((const char *)sqlite3_column_text(s, 1)));
		found->form = store_db_form((const char *)sqlite3_column_text(s, 2),
		    sqlite3_column_int(s, 3) != 0);
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("looking for the same document"), err);
	return STATUS_OK;
}

enum status
store_db_same_find(struct store *st, const struct document *doc,
    const struct fingerprint *fp, long long set, struct same_candidate *found,
    struct error *err)
{
	const char *kind = model_kind_name(doc->kind);
	int year = vergaderjaar(doc);
	double best = 0;
	enum status status;
	sqlite3_stmt *s;

	memset(found, 0, sizeof(*found));
	if (fp->words == 0)
		return STATUS_OK;
	if (doc->aanhangsel > 0 && year > 0) {
		if (!(s = sql(st, SQL_SAME_BY_AANHANGSEL, err)))
			return st->prepare_failure;
		sqlite3_bind_int(s, 1, doc->aanhangsel);
		bind_text(s, 2, kind);
		sqlite3_bind_int(s, 3, year);
		bind_text_or_null(s, 4, doc->ministry);
		bind_text_or_null(s, 5, doc->vergaderjaar[0] ? doc->vergaderjaar :
		    NULL);
		sqlite3_bind_int(s, 6, (int)doc->chamber);
		if ((status = best_of(st, s, fp, SAME_BY_NUMBER, found, &best, err)) ||
		    found->id)
			return status;
	}
	if (set == 0)
		return STATUS_OK;
	if (!(s = sql(st, SQL_SAME_IN_SET, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, set);
	bind_text(s, 2, kind);
	bind_text_or_null(s, 3, doc->ministry);
	bind_text_or_null(s, 4, doc->received);
	bind_id_or_null(s, 5, doc->aanhangsel);
	return best_of(st, s, fp, SAME_IN_SET, found, &best, err);
}

/* ------------------------------------------------------------ transactions */

/* store_db.h */
enum status
store_db_change_begin(struct store *st, bool *own, struct error *err)
{
	*own = false;
	if (!sqlite3_get_autocommit(st->db))
		return STATUS_OK;
	if (st->readonly)
		return error_set(err, STATUS_DB,
		    "the database '%s' is read-only (check its permissions, or use --db with a file you can write)",
		    st->path);
	*own = true;
	return run_id(st, SQL_BEGIN_IMMEDIATE, N_("starting a change"), err);
}

enum status
store_db_change_end(struct store *st, bool own, enum status status, struct error *err)
{
	if (!own)
		return status;
	if (status == STATUS_OK)
		status = run_id(st, SQL_COMMIT, N_("saving the change"), err);
	if (status != STATUS_OK && !sqlite3_get_autocommit(st->db))
		run_id(st, SQL_ROLLBACK, N_("undoing the change"), NULL);
	return status;
}

/* --------------------------------------------------------------- re-attach */

/* A passage of the document that basket items move to. */
struct landing {
	long long id;
	enum role role;
	int vraag;
	char *text;
	struct compare_text words;	/* made when first compared */
	bool made;
};

struct landings {
	struct landing *v;
	size_t n;
};

static void
landings_free(struct landings *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].text);
		if (l->v[i].made)
			compare_text_free(&l->v[i].words);
	}
	free(l->v);
}

static enum status
landings_read(struct store *st, long long doc, struct landings *l,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_REATTACH_PASSAGES, err);
	size_t cap = 0;
	int rc;

	memset(l, 0, sizeof(*l));
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct landing *p;

		xgrow(&l->v, &cap, l->n + 1, sizeof(*l->v));
		p = &l->v[l->n++];
		memset(p, 0, sizeof(*p));
		p->id = sqlite3_column_int64(s, 0);
		if (!model_role_from_name((const char *)sqlite3_column_text(s, 1),
		    &p->role))
			p->role = ROLE_OTHER;
		p->vraag = sqlite3_column_int(s, 2);
		p->text = col_strdup(s, 3);
		if (!p->text)
			p->text = xstrdup("");
	}
	done(s);
	if (rc != SQLITE_DONE) {
		landings_free(l);
		return db_fail(st, rc, N_("reading the passages"), err);
	}
	return STATUS_OK;
}

/* How alike text (words) is to p: 2 for the same words, else [0, 1]. */
static double
alike(struct landing *p, const char *text, const struct compare_text *words)
{
	char *a = text_fold(text, TEXT_FOLD_CASE), *b = text_fold(p->text, TEXT_FOLD_CASE);
	bool same = strcmp(a, b) == 0;

	free(a);
	free(b);
	if (same)
		return 2;
	if (!p->made) {
		compare_text_init(&p->words, (const char *const *)&p->text, 1,
		    COMPARE_IGNORE_CASE);
		p->made = true;
	}
	return compare_similarity(words, &p->words, NULL);
}

/*
 * Below this, text of another role or vraag is not the same text: the
 * item stays where it was rather than land on an unrelated passage.
 */
#define REATTACH_ELSEWHERE 0.5

/* The passage of l for an item on text of role and vraag; -1 when none. */
static long long
reattach_target(struct landings *l, enum role role, int vraag,
    const char *text)
{
	const char *paras[] = { text };
	struct compare_text words;
	double best = -1, best_other = REATTACH_ELSEWHERE;
	long long target = -1, other = -1;

	compare_text_init(&words, paras, 1, COMPARE_IGNORE_CASE);
	for (size_t i = 0; i < l->n; i++) {
		struct landing *p = &l->v[i];
		bool here = p->role == role && p->vraag == vraag;
		double sim = alike(p, text, &words);

		if (here && sim > best) {
			best = sim;
			target = p->id;
		} else if (!here && sim > best_other) {
			best_other = sim;
			other = p->id;
		}
	}
	compare_text_free(&words);
	return target >= 0 ? target : other;
}

/* Item (with note) onto passage target: moved, or joined to the one there. */
static enum status
reattach_item(struct store *st, long long item, const char *note,
    long long target, struct reattach_result *res, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_SELECT_ITEM_OF, err);
	long long there = 0;
	char *joined = NULL;
	enum status status;
	bool found;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, target);
	if ((status = step_row(st, s, &found, N_("reading the basket"), err)))
		return status;
	if (found) {
		const char *old = (const char *)sqlite3_column_text(s, 1);

		there = sqlite3_column_int64(s, 0);
		if (note && *note)
			joined = old && *old && strcmp(old, note) != 0 ?
			    xasprintf("%s / %s", old, note) : xstrdup(note);
	}
	done(s);
	if (!found) {
		if (!(s = sql(st, SQL_SELECT_ITEM_MOVE, err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, item);
		sqlite3_bind_int64(s, 2, target);
		if ((status = run(st, s, N_("moving a basket item"), err)) == STATUS_OK)
			res->moved++;
		return status;
	}
	if (joined) {
		if (!(s = sql(st, SQL_SELECT_ITEM_NOTE, err))) {
			free(joined);
			return st->prepare_failure;
		}
		sqlite3_bind_int64(s, 1, there);
		bind_text(s, 2, joined);
		status = run(st, s, N_("joining the notes"), err);
		free(joined);
		if (status)
			return status;
	}
	if (!(s = sql(st, SQL_SELECT_ITEM_DELETE, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, item);
	if ((status = run(st, s, N_("joining basket items"), err)) == STATUS_OK)
		res->merged++;
	return status;
}

/* A basket item on the document being left. */
struct item {
	long long id;
	char *note;
	enum role role;
	int vraag;
	char *text;
};

static void
items_free(struct item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].note);
		free(v[i].text);
	}
	free(v);
}

static enum status
items_read(struct store *st, long long doc, struct item **out, size_t *n,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_DOC_SELECTION, err);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct item *it;

		xgrow(out, &cap, *n + 1, sizeof(**out));
		it = &(*out)[(*n)++];
		it->id = sqlite3_column_int64(s, 0);
		it->note = col_strdup(s, 1);
		if (!model_role_from_name((const char *)sqlite3_column_text(s, 2),
		    &it->role))
			it->role = ROLE_OTHER;
		it->vraag = sqlite3_column_int(s, 3);
		it->text = col_strdup(s, 4);
		if (!it->text)
			it->text = xstrdup("");
	}
	done(s);
	if (rc != SQLITE_DONE) {
		items_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(st, rc, N_("reading the basket"), err);
	}
	return STATUS_OK;
}

enum status
store_reattach_selection(struct store *st, long long from, long long to,
    struct reattach_result *res, struct error *err)
{
	struct reattach_result dummy;
	struct landings target = { 0 };
	struct item *items = NULL;
	size_t n = 0;
	enum status status;
	bool own;

	if (!res)
		res = &dummy;
	memset(res, 0, sizeof(*res));
	if ((status = store_db_change_begin(st, &own, err)))
		return status;
	if ((status = items_read(st, from, &items, &n, err)) == STATUS_OK && n &&
	    (status = landings_read(st, to, &target, err)) == STATUS_OK) {
		for (size_t i = 0; i < n && status == STATUS_OK; i++) {
			long long p = reattach_target(&target, items[i].role,
			    items[i].vraag, items[i].text);

			if (p < 0)
				res->lost++;
			else
				status = reattach_item(st, items[i].id, items[i].note,
				    p, res, err);
		}
		landings_free(&target);
	}
	items_free(items, n);
	if (status != STATUS_OK)
		memset(res, 0, sizeof(*res));
	return store_db_change_end(st, own, status, err);
}

/* ----------------------------------------------------------------- removal */

/* The first integer column of statement id with ?1 = v; found: a row. */
static enum status
int_of(struct store *st, enum sql_id id, long long v, long long *out,
    bool *found, const char *what, struct error *err)
{
	sqlite3_stmt *s = sql(st, id, err);
	enum status status;

	*out = 0;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, v);
	if ((status = step_row(st, s, found, what, err)))
		return status;
	if (*found)
		*out = sqlite3_column_int64(s, 0);
	done(s);
	return STATUS_OK;
}

enum status
store_document_cited(struct store *st, long long doc, size_t *items,
    struct error *err)
{
	long long n;
	bool found;
	enum status status = int_of(st, SQL_DOC_CITED, doc, &n, &found,
	    N_("reading the basket"), err);

	*items = status == STATUS_OK ? (size_t)n : 0;
	return status;
}
/* The passages of doc, for the vocabulary to take out of the lists. */
static enum status
passages_of(struct store *st, long long doc, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_DOC_PASSAGE_IDS, err);
	long long *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		xgrow(&ids, &cap, n + 1, sizeof(*ids));
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		free(ids);
		return db_fail(st, rc, N_("reading the passages"), err);
	}
	store_vocab_gone(st, ids, n);
	return STATUS_OK;
}


enum status
store_db_remove_document(struct store *st, long long doc, struct error *err)
{
	long long set, any;
	enum status status;
	bool found;

	if ((status = int_of(st, SQL_DOC_SET, doc, &set, &found,
	    N_("looking up the document"), err)))
		return status;
	if (!found)
		return error_set(err, STATUS_NOT_FOUND,
		    "there is no document %lld ('naast list --json' gives document numbers)",
		    doc);
	/* Its passages' rows in the indexes must be there to be taken out. */
	if (st->batch && (status = store_db_index_pending(st, err)))
		return status;
	if ((status = run_on(st, SQL_DOC_UNCITE, doc,
	    N_("taking its passages out of the basket"), err)))
		return status;
	/*
	 * Taking its passages out of the index tells the vocabulary the
	 * words that go; the champion lists lose the passages.
	 */
	store_vocab_begin(st);
	status = passages_of(st, doc, err);
	if (status == STATUS_OK)
		status = run_on(st, SQL_FTS_FORGET_DOC, doc,
		    N_("removing the document from the index"), err);
	if (status == STATUS_OK)
		status = run_on(st, SQL_DOC_DELETE, doc, N_("removing the document"),
		    err);
	if (status == STATUS_OK)
		status = store_vocab_forget(st, err);
	store_vocab_end(st);
	if (status)
		return status;
	if (!set)
		return STATUS_OK;
	if ((status = int_of(st, SQL_SET_HAS_DOCUMENTS, set, &any, &found,
	    N_("reading the question set"), err)))
		return status;
	if (!any)
		return run_on(st, SQL_SET_DELETE, set, N_("removing the question set"), err);
	if ((status = run_on(st, SQL_QUESTIONS_UNPRINTED_DELETE, set,
	    N_("updating the question set"), err)) ||
	    (status = run_on(st, SQL_SET_RECOUNT, set, N_("updating the question set"), err)))
		return status;
	return store_db_library_set_update(st, set, err);
}

enum status
store_remove_document(struct store *st, long long doc, bool force,
    size_t *dropped, struct error *err)
{
	enum status status;
	size_t cited = 0;
	bool own;

	if (dropped)
		*dropped = 0;
	if ((status = store_db_change_begin(st, &own, err)))
		return status;
	status = store_document_cited(st, doc, &cited, err);
	if (status == STATUS_OK && cited && !force)
		status = error_set(err, STATUS_USAGE,
		    P_("%zu basket item cites document %lld: take it out of the basket first, or remove with --force to take it out with it",
		    "%zu basket items cite document %lld: take them out of the basket first, or remove with --force to take them out with it",
		    cited), cited, doc);
	if (status == STATUS_OK)
		status = store_db_remove_document(st, doc, err);
	if (status == STATUS_OK && dropped)
		*dropped = cited;
	return store_db_change_end(st, own, status, err);
}

/* ------------------------------------------------------------ which ones */

static enum status
ids_of(struct store *st, enum sql_id id, const char *text, long long v,
    long long **out, size_t *n, struct error *err)
{
	sqlite3_stmt *s = sql(st, id, err);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return st->prepare_failure;
	if (text)
		bind_text(s, 1, text);
	else
		sqlite3_bind_int64(s, 1, v);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		xgrow(out, &cap, *n + 1, sizeof(**out));
		(*out)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(st, rc, N_("looking up the documents"), err);
	}
	return STATUS_OK;
}

enum status
store_documents_named(struct store *st, const char *name, long long **docs,
    size_t *n, struct error *err)
{
	return ids_of(st, SQL_DOCS_NAMED, name, 0, docs, n, err);
}

enum status
store_set_documents(struct store *st, long long set, long long **docs,
    size_t *n, struct error *err)
{
	return ids_of(st, SQL_SET_DOCUMENTS, NULL, set, docs, n, err);
}
