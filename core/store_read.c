/*
 * store_read: the queries behind list, show and the interface: question
 * sets page by page, the vragen of a set with their answers, letters and
 * one document whole (the library's rows are in store_library.c).  See
 * store.h for the contract, store_db.h for the statement protocol.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_db.h"
#include "xalloc.h"

/* The parse warnings of document doc, appended to *v. */
static enum status
read_warnings(struct store *st, long long doc, struct warning **v, size_t *n,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_WARNINGS, err);
	int rc;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*v = xrealloc(*v, (*n + 1) * sizeof(**v));
		(*v)[(*n)++] = (struct warning){
			.text = col_strdup(s, 0),
			.format = col_strdup(s, 1),
			.args = col_strdup(s, 2),
		};
		/* Its text alone, when its format came without arguments. */
		if (!(*v)[*n - 1].args) {
			free((*v)[*n - 1].format);
			(*v)[*n - 1].format = NULL;
		}
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the warnings"), err);
	return STATUS_OK;
}

/* ------------------------------------------------------------ question sets */

/* The answers (SQL_SET_ANSWERS) or the mededelingen (SQL_SET_NOTICES) of a set. */
static enum status
set_documents(struct store *st, enum sql_id id, long long set,
    struct set_answer **out, size_t *n, struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (!(s = sql(st, id, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, set);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct set_answer *a;

		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		a = &(*out)[(*n)++];
		a->doc = sqlite3_column_int64(s, 0);
		col_copy(s, 1, a->ministry, sizeof(a->ministry));
		col_copy(s, 2, a->received, sizeof(a->received));
		a->aanhangsel = sqlite3_column_int(s, 3);
		col_copy(s, 4, a->tk_number, sizeof(a->tk_number));
		col_copy(s, 5, a->koop_id, sizeof(a->koop_id));
		a->warnings = NULL;
		a->n_warnings = 0;
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the answers"), err);
	for (size_t i = 0; i < *n; i++) {
		enum status status = read_warnings(st, (*out)[i].doc,
		    &(*out)[i].warnings, &(*out)[i].n_warnings, err);

		if (status != STATUS_OK)
			return status;
	}
	return STATUS_OK;
}

/* Fills the lists of a set whose columns are already in set. */
static enum status
set_details(struct store *st, struct set_info *set, struct error *err)
{
	enum status status;
	sqlite3_stmt *s;
	int rc;

	if (!(s = sql(st, SQL_SET_QUESTIONERS, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, set->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		set->questioners = xrealloc(set->questioners,
		    (set->n_questioners + 1) * sizeof(*set->questioners));
		set->questioners[set->n_questioners++] = (struct questioner){
			.name = col_strdup(s, 0),
			.party = col_strdup(s, 1),
		};
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the questioners"), err);

	if (!(s = sql(st, SQL_SET_ADDRESSED, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, set->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		model_strv_add(&set->addressed, &set->n_addressed, col_strdup(s, 0));
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the addressed ministries"), err);

	if ((status = set_documents(st, SQL_SET_ANSWERS, set->id, &set->answers,
	    &set->n_answers, err)))
		return status;
	if ((status = set_documents(st, SQL_SET_NOTICES, set->id, &set->notices,
	    &set->n_notices, err)))
		return status;

	if (!(s = sql(st, SQL_SET_COVERAGE, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, set->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct set_coverage *c;

		set->coverage = xrealloc(set->coverage,
		    (set->n_coverage + 1) * sizeof(*set->coverage));
		c = &set->coverage[set->n_coverage++];
		col_copy(s, 0, c->ministry, sizeof(c->ministry));
		col_copy(s, 1, c->portfolio, sizeof(c->portfolio));
		col_copy(s, 2, c->answered_by, sizeof(c->answered_by));
		c->succession = c->answered_by[0] &&
		    strcmp(c->answered_by, c->ministry) != 0;
		if (c->answered_by[0])
			set->answered++;
		else
			model_strv_add(&set->unanswered, &set->n_unanswered,
			    xstrdup(c->ministry));
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading who has answered"), err);
	return STATUS_OK;
}

/* The SET_COLUMNS of the current row of s. */
static void
set_columns(sqlite3_stmt *s, struct set_info *set)
{
	memset(set, 0, sizeof(*set));
	set->id = sqlite3_column_int64(s, 0);
	set->subject = col_strdup(s, 1);
	col_copy(s, 2, set->submitted, sizeof(set->submitted));
	set->n_questions = sqlite3_column_int(s, 3);
	set->aanhangsel = sqlite3_column_int(s, 4);
	col_copy(s, 5, set->zaak, sizeof(set->zaak));
	set->addressed_official = sqlite3_column_int(s, 6) != 0;
}

enum status
store_sets_page(struct store *st, struct set_cursor *cursor, size_t limit,
    struct set_info **out, size_t *n, struct error *err)
{
	struct set_info *sets = NULL;
	enum status status;
	sqlite3_stmt *s;
	size_t count = 0;
	int rc = SQLITE_DONE;

	*out = NULL;
	*n = 0;
	if (limit == 0)
		return STATUS_OK;
	if ((status = read_begin(st, err)))
		return status;
	if (!(s = sql(st, cursor->id ? SQL_SETS_AFTER : SQL_SETS_FIRST, err))) {
		read_end(st);
		return st->prepare_failure;
	}
	if (cursor->id) {
		bind_text(s, 1, cursor->submitted);
		sqlite3_bind_int64(s, 2, cursor->id);
		sqlite3_bind_int64(s, 3, (long long)limit);
	} else {
		sqlite3_bind_int64(s, 1, (long long)limit);
	}
	sets = xcalloc(limit, sizeof(*sets));
	while (count < limit && (rc = sqlite3_step(s)) == SQLITE_ROW)
		set_columns(s, &sets[count++]);
	done(s);
	if (count < limit && rc != SQLITE_DONE)
		status = db_fail(st, rc, N_("reading the question sets"), err);
	for (size_t i = 0; i < count && status == STATUS_OK; i++)
		status = set_details(st, &sets[i], err);
	read_end(st);
	if (status != STATUS_OK) {
		store_sets_free(sets, count);
		return status;
	}
	if (count) {
		snprintf(cursor->submitted, sizeof(cursor->submitted), "%s",
		    sets[count - 1].submitted);
		cursor->id = sets[count - 1].id;
	}
	*out = sets;
	*n = count;
	return STATUS_OK;
}

void
store_set_info_clear(struct set_info *set)
{
	if (!set)
		return;
	free(set->subject);
	model_questioners_free(set->questioners, set->n_questioners);
	model_strv_free(set->addressed, set->n_addressed);
	for (size_t i = 0; i < set->n_answers; i++)
		model_warnings_free(set->answers[i].warnings,
		    set->answers[i].n_warnings);
	free(set->answers);
	for (size_t i = 0; i < set->n_notices; i++)
		model_warnings_free(set->notices[i].warnings,
		    set->notices[i].n_warnings);
	free(set->notices);
	free(set->coverage);
	model_strv_free(set->unanswered, set->n_unanswered);
	memset(set, 0, sizeof(*set));
}

void
store_sets_free(struct set_info *sets, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_set_info_clear(&sets[i]);
	free(sets);
}

/* Reads one set; STATUS_NOT_FOUND when there is none.  Inside a read. */
static enum status
set_get(struct store *st, long long id, struct set_info *out, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_SET_BY_ID, err);
	enum status status;
	bool found;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, id);
	if ((status = step_row(st, s, &found, N_("reading the question set"), err)))
		return status;
	if (found)
		set_columns(s, out);
	done(s);
	if (!found)
		return error_set(err, STATUS_NOT_FOUND,
		    "there is no question set %lld ('naast list' shows them)", id);
	if ((status = set_details(st, out, err)))
		store_set_info_clear(out);
	return status;
}

enum status
store_set_get(struct store *st, long long id, struct set_info *out,
    struct error *err)
{
	enum status status;

	memset(out, 0, sizeof(*out));
	if ((status = read_begin(st, err)))
		return status;
	status = set_get(st, id, out, err);
	read_end(st);
	return status;
}
/* --------------------------------------------------------------- questions */

/* The signatories of a document, with their "mede namens". */
static enum status
read_signatories(struct store *st, long long doc, struct signatory **out,
    size_t *n, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_SIGNATORIES, err);
	long long *ids = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		ids = xrealloc(ids, (*n + 1) * sizeof(*ids));
		ids[*n] = sqlite3_column_int64(s, 0);
		(*out)[(*n)++] = (struct signatory){
			.name = col_strdup(s, 1),
			.role = col_strdup(s, 2),
			.ministry = col_strdup(s, 3),
			.portfolio = col_strdup(s, 4),
			.written = col_strdup(s, 5),
			.on_behalf_written = col_strdup(s, 6),
		};
	}
	done(s);
	if (rc != SQLITE_DONE)
		goto fail;
	for (size_t i = 0; i < *n; i++) {
		if (!(s = sql(st, SQL_ON_BEHALF, err))) {
			rc = SQLITE_ERROR;
			goto fail;
		}
		sqlite3_bind_int64(s, 1, ids[i]);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			model_strv_add(&(*out)[i].on_behalf_of,
			    &(*out)[i].n_on_behalf_of, col_strdup(s, 0));
		done(s);
		if (rc != SQLITE_DONE)
			goto fail;
	}
	free(ids);
	return STATUS_OK;
fail:
	free(ids);
	model_signatories_free(*out, *n);
	*out = NULL;
	*n = 0;
	return s ? db_fail(st, rc, N_("reading the signatories"), err) :
	    st->prepare_failure;
}

/*
 * The references to other publications of a document's answer to vraag n:
 * the document's header's, then those made in the answer's paragraphs,
 * with the imported document each one names (resolved at import, both
 * ways).  A publication cited twice is listed once, where it comes first:
 * the same number of the same vergaderjaar ("2023/24" and "2023–2024"),
 * or the same number naming the same document.  a has no pubrefs yet.
 */
static enum status
read_pubrefs(struct store *st, long long doc, int n, struct answer_view *a,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_PUBREFS, err);
	int *first = NULL;	/* the first year of each pubref, 0 when unknown */
	int rc;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	sqlite3_bind_int(s, 2, n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int nr = sqlite3_column_int(s, 0), year = sqlite3_column_int(s, 2);
		long long target = sqlite3_column_int64(s, 3);
		bool seen = false;

		for (size_t i = 0; i < a->n_pubrefs && !seen; i++)
			seen = a->pubrefs[i].aanhangsel == nr && (first[i] == year ||
			    (target && a->pubrefs[i].doc == target));
		if (seen)
			continue;
		a->pubrefs = xrealloc(a->pubrefs,
		    (a->n_pubrefs + 1) * sizeof(*a->pubrefs));
		first = xrealloc(first, (a->n_pubrefs + 1) * sizeof(*first));
		first[a->n_pubrefs] = year;
		a->pubrefs[a->n_pubrefs++] = (struct pubref_view){
			.aanhangsel = nr,
			.vergaderjaar = col_strdup(s, 1),
			.doc = target,
		};
	}
	done(s);
	free(first);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the publication references"), err);
	return STATUS_OK;
}

static void
pubrefs_free(struct pubref_view *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(r[i].vergaderjaar);
	free(r);
}

/* The footnotes of a passage.  Inside a read. */
static enum status
read_footnotes(struct store *st, long long passage, struct footnote **out,
    size_t *n, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_FOOTNOTES, err);
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, passage);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = (struct footnote){
			.marker = col_strdup(s, 0),
			.text = col_strdup(s, 1),
			.at = (size_t)sqlite3_column_int64(s, 2),
		};
	}
	done(s);
	if (rc != SQLITE_DONE) {
		model_footnotes_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(st, rc, N_("reading the footnotes"), err);
	}
	return STATUS_OK;
}

/*
 * The footnotes of vraag number of set, with their markers placed in
 * text, its canonical text.  That text is the vraag's passages of the
 * document it came from, joined by line breaks (store_import.c), so a
 * marker stands where it stood in its passage, moved by the passages
 * before it; should a passage not be where the text has it, its markers
 * go to the end of the text rather than somewhere wrong.  Inside a read.
 */
static enum status
read_vraag_footnotes(struct store *st, long long set, int number,
    const char *text, struct footnote **out, size_t *n, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_VRAAG_PASSAGES, err);
	size_t len = text ? strlen(text) : 0, at = 0, count = 0, cap = 0;
	struct { long long id; size_t base; } *parts = NULL;
	enum status status = STATUS_OK;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, set);
	sqlite3_bind_int(s, 2, number);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *part = (const char *)sqlite3_column_text(s, 1);
		size_t plen = part ? strlen(part) : 0;
		bool there = text && part && at + plen <= len &&
		    memcmp(text + at, part, plen) == 0;

		xgrow(&parts, &cap, count + 1, sizeof(*parts));
		parts[count].id = sqlite3_column_int64(s, 0);
		parts[count++].base = there ? at : SIZE_MAX;
		at += plen + 1;
	}
	done(s);
	if (rc != SQLITE_DONE)
		status = db_fail(st, rc, N_("reading the vragen"), err);
	for (size_t i = 0; i < count && status == STATUS_OK; i++) {
		struct footnote *f;
		size_t nf;

		if ((status = read_footnotes(st, parts[i].id, &f, &nf, err)))
			break;
		*out = xrealloc(*out, (*n + nf + 1) * sizeof(**out));
		for (size_t k = 0; k < nf; k++) {
			f[k].at = parts[i].base == SIZE_MAX ? len : parts[i].base + f[k].at;
			(*out)[(*n)++] = f[k];
		}
		free(f);
	}
	free(parts);
	if (status != STATUS_OK) {
		model_footnotes_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return status;
}

/* Paragraphs and references of one document's answer to vraag n. */
static enum status
read_answer(struct store *st, long long doc, int n, struct answer_view *a,
    struct error *err)
{
	enum status status;
	sqlite3_stmt *s;
	int rc;

	if (!(s = sql(st, SQL_PARAGRAPHS, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	sqlite3_bind_int(s, 2, n);
	a->vraag_from = a->vraag_to = n;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int from = sqlite3_column_int(s, 2), to = sqlite3_column_int(s, 3);

		a->paragraphs = xrealloc(a->paragraphs,
		    (a->n_paragraphs + 1) * sizeof(*a->paragraphs));
		a->paragraphs[a->n_paragraphs++] = (struct paragraph){
			.id = sqlite3_column_int64(s, 0),
			.text = col_strdup(s, 1),
		};
		if (from > 0 && from < a->vraag_from)
			a->vraag_from = from;
		if (to > a->vraag_to)
			a->vraag_to = to;
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the answers"), err);
	for (size_t i = 0; i < a->n_paragraphs; i++) {
		struct paragraph *p = &a->paragraphs[i];

		if ((status = read_footnotes(st, p->id, &p->footnotes,
		    &p->n_footnotes, err)))
			return status;
	}

	if (!(s = sql(st, SQL_REFS, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	sqlite3_bind_int(s, 2, n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int v = sqlite3_column_int(s, 0);
		bool seen = false;

		for (size_t i = 0; i < a->n_refs && !seen; i++)
			seen = a->refs[i] == v;
		if (seen)
			continue;
		a->refs = xrealloc(a->refs, (a->n_refs + 1) * sizeof(*a->refs));
		a->refs[a->n_refs++] = v;
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the references"), err);
	return read_pubrefs(st, doc, n, a, err);
}

/* An answer document of the set, as store_questions uses it. */
struct answerer {
	long long doc;
	char ministry[MINISTRY_CODE_SIZE];
	struct signatory *signatories;
	size_t n_signatories;
};

static bool
wanted(const char *ministry, char *const *ministries, size_t n)
{
	if (!ministries)
		return true;
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(ministry, ministries[i]) == 0)
			return true;
	return false;
}

/* Adds to q the answers of the answerers that answered question id. */
static enum status
question_answers(struct store *st, long long id, struct question_view *q,
    const struct answerer *who, size_t n_who, struct error *err)
{
	enum status status;
	sqlite3_stmt *s;
	bool found;

	q->answers = xcalloc(n_who + 1, sizeof(*q->answers));
	for (size_t i = 0; i < n_who; i++) {
		struct answer_view *a;

		if (!(s = sql(st, SQL_ANSWER_EXISTS, err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, who[i].doc);
		sqlite3_bind_int64(s, 2, id);
		if ((status = step_row(st, s, &found, N_("reading the answers"), err)))
			return status;
		done(s);
		if (!found)
			continue;
		a = &q->answers[q->n_answers++];
		a->doc = who[i].doc;
		memcpy(a->ministry, who[i].ministry, sizeof(a->ministry));
		a->signatories = model_signatories_copy(who[i].signatories,
		    who[i].n_signatories);
		a->n_signatories = who[i].n_signatories;
		if ((status = read_answer(st, who[i].doc, q->number, a, err)))
			return status;
	}
	return STATUS_OK;
}

static enum status
questions(struct store *st, long long set, int vraag, char *const *ministries,
    size_t n_ministries, struct question_view **out, size_t *n,
    struct error *err)
{
	struct set_info info = { 0 };
	struct answerer *who = NULL;
	long long *ids = NULL;	/* question row ids, per (*out)[i] */
	size_t n_who = 0;
	enum status status;
	sqlite3_stmt *s;
	int rc;

	if ((status = set_get(st, set, &info, err)))
		return status;
	who = xcalloc(info.n_answers + 1, sizeof(*who));
	for (size_t i = 0; i < info.n_answers && status == STATUS_OK; i++) {
		struct answerer *w = &who[n_who];

		if (!wanted(info.answers[i].ministry, ministries, n_ministries))
			continue;
		w->doc = info.answers[i].doc;
		memcpy(w->ministry, info.answers[i].ministry, sizeof(w->ministry));
		status = read_signatories(st, w->doc, &w->signatories,
		    &w->n_signatories, err);
		n_who++;
	}
	store_set_info_clear(&info);
	if (status != STATUS_OK)
		goto out;

	if (!(s = sql(st, SQL_QUESTIONS, err))) {
		status = st->prepare_failure;
		goto out;
	}
	sqlite3_bind_int64(s, 1, set);
	sqlite3_bind_int(s, 2, vraag);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		ids = xrealloc(ids, (*n + 1) * sizeof(*ids));
		ids[*n] = sqlite3_column_int64(s, 0);
		(*out)[(*n)++] = (struct question_view){
			.number = sqlite3_column_int(s, 1),
			.text = col_strdup(s, 2),
		};
	}
	done(s);
	if (rc != SQLITE_DONE) {
		status = db_fail(st, rc, N_("reading the questions"), err);
		goto out;
	}
	if (vraag && *n == 0) {
		status = error_set(err, STATUS_NOT_FOUND,
		    "question set %lld has no vraag %d", set, vraag);
		goto out;
	}
	for (size_t i = 0; i < *n && status == STATUS_OK; i++) {
		struct question_view *qv = &(*out)[i];

		status = read_vraag_footnotes(st, set, qv->number, qv->text,
		    &qv->footnotes, &qv->n_footnotes, err);
		if (status == STATUS_OK)
			status = question_answers(st, ids[i], qv, who, n_who, err);
	}
out:
	free(ids);
	for (size_t i = 0; i < n_who; i++) {
		model_signatories_free(who[i].signatories, who[i].n_signatories);
	}
	free(who);
	return status;
}

enum status
store_questions(struct store *st, long long set, int vraag,
    char *const *ministries, size_t n_ministries, struct question_view **out,
    size_t *n, struct error *err)
{
	enum status status;

	*out = NULL;
	*n = 0;
	if ((status = read_begin(st, err)))
		return status;
	status = questions(st, set, vraag, ministries, n_ministries, out, n, err);
	read_end(st);
	if (status != STATUS_OK) {
		store_questions_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return status;
}

void
store_questions_free(struct question_view *q, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < q[i].n_answers; k++) {
			struct answer_view *a = &q[i].answers[k];

			model_signatories_free(a->signatories, a->n_signatories);
			for (size_t p = 0; p < a->n_paragraphs; p++) {
				free(a->paragraphs[p].text);
				model_footnotes_free(a->paragraphs[p].footnotes,
				    a->paragraphs[p].n_footnotes);
			}
			free(a->paragraphs);
			free(a->refs);
			pubrefs_free(a->pubrefs, a->n_pubrefs);
		}
		free(q[i].answers);
		free(q[i].text);
		model_footnotes_free(q[i].footnotes, q[i].n_footnotes);
	}
	free(q);
}
/* ----------------------------------------------------------------- letters */

enum status
store_letters_page(struct store *st, long long *after, size_t limit,
    struct letter_info **out, size_t *n, struct error *err)
{
	struct letter_info *letters;
	enum status status = STATUS_OK;
	size_t count = 0;
	sqlite3_stmt *s;
	int rc = SQLITE_DONE;

	*out = NULL;
	*n = 0;
	if (limit == 0)
		return STATUS_OK;
	if ((status = read_begin(st, err)))
		return status;
	if (!(s = sql(st, SQL_LETTERS, err))) {
		read_end(st);
		return st->prepare_failure;
	}
	sqlite3_bind_int64(s, 1, *after);
	sqlite3_bind_int64(s, 2, (long long)limit);
	letters = xcalloc(limit, sizeof(*letters));
	while (count < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		letters[count++] = (struct letter_info){
			.doc = sqlite3_column_int64(s, 0),
			.origin = col_strdup(s, 1),
			.salutation = col_strdup(s, 2),
			.closing = col_strdup(s, 3),
			.paragraphs = sqlite3_column_int(s, 4),
			.kind = kind_from_name((const char *)sqlite3_column_text(s, 5)),
		};
	}
	done(s);
	if (count < limit && rc != SQLITE_DONE)
		status = db_fail(st, rc, N_("reading the letters"), err);
	for (size_t i = 0; i < count && status == STATUS_OK; i++) {
		if (!(s = sql(st, SQL_ADDRESSEES, err))) {
			status = st->prepare_failure;
			break;
		}
		sqlite3_bind_int64(s, 1, letters[i].doc);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			model_strv_add(&letters[i].addressees,
			    &letters[i].n_addressees, col_strdup(s, 0));
		done(s);
		if (rc != SQLITE_DONE)
			status = db_fail(st, rc, N_("reading the addressees"), err);
	}
	read_end(st);
	if (status != STATUS_OK) {
		store_letters_free(letters, count);
		return status;
	}
	if (count)
		*after = letters[count - 1].doc;
	*out = letters;
	*n = count;
	return STATUS_OK;
}

void
store_letters_free(struct letter_info *letters, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(letters[i].origin);
		model_strv_free(letters[i].addressees, letters[i].n_addressees);
		free(letters[i].salutation);
		free(letters[i].closing);
	}
	free(letters);
}

/* --------------------------------------------------------------- documents */

static enum status
document(struct store *st, long long id, struct doc_view *out,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_DOCUMENT, err);
	enum status status;
	size_t cap = 0;
	bool found;
	int rc;

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, id);
	if ((status = step_row(st, s, &found, N_("reading the document"), err)))
		return status;
	if (found) {
		out->id = sqlite3_column_int64(s, 0);
		out->kind = kind_from_name((const char *)sqlite3_column_text(s, 1));
		out->origin = col_strdup(s, 2);
		out->format = col_strdup(s, 3);
		out->set = sqlite3_column_int64(s, 4);
		col_copy(s, 5, out->ministry, sizeof(out->ministry));
		col_copy(s, 6, out->received, sizeof(out->received));
	}
	done(s);
	if (!found)
		return error_set(err, STATUS_NOT_FOUND,
		    "there is no document %lld", id);
	if ((status = store_db_doc_title(st, id, &out->title, err)))
		return status;
	if ((status = read_signatories(st, id, &out->signatories,
	    &out->n_signatories, err)))
		return status;
	if ((status = read_warnings(st, id, &out->warnings, &out->n_warnings,
	    err)))
		return status;

	if (!(s = sql(st, SQL_DOCUMENT_PASSAGES, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct doc_passage *p;
		enum role role;

		/* A role this naast does not know is text it cannot place. */
		if (!model_role_from_name((const char *)sqlite3_column_text(s, 1),
		    &role))
			role = ROLE_OTHER;
		xgrow(&out->passages, &cap, out->n_passages + 1,
		    sizeof(*out->passages));
		p = &out->passages[out->n_passages++];
		p->id = sqlite3_column_int64(s, 0);
		p->role = role;
		p->vraag = sqlite3_column_int(s, 2);
		p->text = col_strdup(s, 3);
		p->footnotes = NULL;
		p->n_footnotes = 0;
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the passages"), err);
	for (size_t i = 0; i < out->n_passages; i++) {
		struct doc_passage *p = &out->passages[i];

		if ((status = read_footnotes(st, p->id, &p->footnotes,
		    &p->n_footnotes, err)))
			return status;
	}
	return STATUS_OK;
}

enum status
store_document(struct store *st, long long doc, struct doc_view *out,
    struct error *err)
{
	enum status status;

	memset(out, 0, sizeof(*out));
	if ((status = read_begin(st, err)))
		return status;
	status = document(st, doc, out, err);
	read_end(st);
	if (status != STATUS_OK)
		store_document_clear(out);
	return status;
}

void
store_document_clear(struct doc_view *doc)
{
	if (!doc)
		return;
	free(doc->origin);
	free(doc->format);
	free(doc->title);
	model_signatories_free(doc->signatories, doc->n_signatories);
	model_warnings_free(doc->warnings, doc->n_warnings);
	for (size_t i = 0; i < doc->n_passages; i++) {
		free(doc->passages[i].text);
		model_footnotes_free(doc->passages[i].footnotes,
		    doc->passages[i].n_footnotes);
	}
	free(doc->passages);
	memset(doc, 0, sizeof(*doc));
}

enum status
store_db_doc_title(struct store *st, long long doc, char **title,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_DOC_SUBJECT, err);
	struct xbuf b = { 0 };
	enum status status;
	bool found;
	int rc;

	*title = NULL;
	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	if ((status = step_row(st, s, &found, N_("reading the document"), err)))
		return status;
	if (found && sqlite3_column_text(s, 0) && *sqlite3_column_text(s, 0))
		*title = col_strdup(s, 0);
	done(s);
	if (*title)
		return STATUS_OK;
	if (!(s = sql(st, SQL_ADDRESSEES, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (b.n)
			xbuf_puts(&b, ", ");
		xbuf_puts(&b, (const char *)sqlite3_column_text(s, 0));
	}
	done(s);
	if (rc != SQLITE_DONE) {
		free(b.s);
		return db_fail(st, rc, N_("reading the addressees"), err);
	}
	*title = b.n ? xbuf_finish(&b) : NULL;
	return STATUS_OK;
}

/* ------------------------------------------------- reads for store_export.c */

enum status
store_db_set(struct store *st, long long id, struct set_info *out,
    struct error *err)
{
	memset(out, 0, sizeof(*out));
	return set_get(st, id, out, err);
}

enum status
store_db_signatories(struct store *st, long long doc, struct signatory **out,
    size_t *n, struct error *err)
{
	return read_signatories(st, doc, out, n, err);
}

enum status
store_db_footnotes(struct store *st, long long passage, struct footnote **out,
    size_t *n, struct error *err)
{
	*out = NULL;
	*n = 0;
	return read_footnotes(st, passage, out, n, err);
}

enum status
store_db_vraag_footnotes(struct store *st, long long set, int number,
    const char *text, struct footnote **out, size_t *n, struct error *err)
{
	return read_vraag_footnotes(st, set, number, text, out, n, err);
}
