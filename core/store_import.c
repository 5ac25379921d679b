/*
 * store_import: one document into the database, in a transaction of its
 * own or in a batch, with its library row; a batch fills
 * the full-text indexes and the vocabulary at its commit.  See store.h
 * for the contract, store_db.h for the statement protocol.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fingerprint.h"
#include "original.h"
#include "parse.h"
#include "sha256.h"
#include "store.h"
#include "store_db.h"
#include "text.h"
#include "xalloc.h"
#include "xref.h"

/* A document's SHA-256 in hex (sha256_hex), and its NUL. */
/* The year of an ISO date, and its NUL. */
#define YEAR_SIZE sizeof("2024")

/* --------------------------------------------------------- vragen and keys */

/* Combined vragen ("Vraag 10 en 11") span a few numbers, never hundreds. */
#define MAX_COMBINED 50

static int
vraag_last(const struct passage *p)
{
	if (p->vraag_to < p->vraag || p->vraag_to - p->vraag > MAX_COMBINED)
		return p->vraag;
	return p->vraag_to;
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/*
 * How many vragen the document's passages hold, each number once: with a
 * gap in the numbering ("Vraag 1", then "Vraag 999"), fewer than the
 * highest number.
 */
static int
vragen_found(const struct document *doc)
{
	int *numbers = NULL, found = 0;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];

		for (int v = p->vraag; p->vraag > 0 && v <= vraag_last(p); v++) {
			xgrow(&numbers, &cap, n + 1, sizeof(*numbers));
			numbers[n++] = v;
		}
	}
	if (n)
		qsort(numbers, n, sizeof(*numbers), int_cmp);
	for (size_t i = 0; i < n; i++)
		found += i == 0 || numbers[i] != numbers[i - 1];
	free(numbers);
	return found;
}

/* A vraag number that a passage of a vraag or an antwoord covers. */
struct covered {
	int vraag;
	size_t passage;		/* its index in the document */
};

static int
covered_cmp(const void *a, const void *b)
{
	const struct covered *x = a, *y = b;

	if (x->vraag != y->vraag)
		return (x->vraag > y->vraag) - (x->vraag < y->vraag);
	return (x->passage > y->passage) - (x->passage < y->passage);
}

/*
 * Every vraag number of the document's vragen and antwoorden with each
 * passage that covers it, by number and then in the document's order:
 * one sort, where asking each number of every passage would cost the
 * numbers times the passages.
 */
static size_t
covered_list(const struct document *doc, struct covered **out)
{
	struct covered *v = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];

		if ((p->role != ROLE_VRAAG && p->role != ROLE_ANTWOORD) || p->vraag <= 0)
			continue;
		for (int k = p->vraag; k <= vraag_last(p); k++) {
			xgrow(&v, &cap, n + 1, sizeof(*v));
			v[n++] = (struct covered){ k, i };
		}
	}
	if (n)
		qsort(v, n, sizeof(*v), covered_cmp);
	*out = v;
	return n;
}

/* The first year of a vergaderjaar as written ("2023–2024"), 0 if none. */
static int
year_first(const char *year)
{
	const char *p = year;
	size_t n;

	while (p && *p) {
		n = strspn(p, "0123456789");
		if (n == 4)
			return atoi(p);
		p += n ? n : 1;
	}
	return 0;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The key that makes two documents one question set: questioner names
 * (sorted, since documents need not list them in one order), submitted
 * date and subject, names and subject folded (NFC, typography, white
 * space, case), separated by control characters that no folded text
 * contains.  A document with neither questioners nor subject has a set
 * of its own.
 */
static char *
set_key(const struct document *doc, const char *sha)
{
	char **names, *subject;
	struct xbuf key = { 0 };

	if (doc->n_questioners == 0 && (!doc->subject || !*doc->subject))
		return xasprintf("\x1e" "document %s", sha);
	names = xcalloc(doc->n_questioners + 1, sizeof(*names));
	for (size_t i = 0; i < doc->n_questioners; i++)
		names[i] = text_fold(doc->questioners[i].name ?
		    doc->questioners[i].name : "", TEXT_FOLD_CASE);
	qsort(names, doc->n_questioners, sizeof(*names), str_cmp);
	for (size_t i = 0; i < doc->n_questioners; i++) {
		xbuf_puts(&key, names[i]);
		xbuf_add(&key, "\x1f", 1);
		free(names[i]);
	}
	free(names);
	subject = text_fold(doc->subject ? doc->subject : "", TEXT_FOLD_CASE);
	xbuf_printf(&key, "\x1e%s\x1e%s", doc->submitted, subject);
	free(subject);
	return xbuf_finish(&key);
}

/* ----------------------------------------------------------------- library */

/* Appends part to s, after sep when s is not empty. */
static void
append(struct xbuf *s, const char *sep, const char *part)
{
	if (!part || !*part)
		return;
	if (s->n)
		xbuf_puts(s, sep);
	xbuf_puts(s, part);
}

/*
 * The library row of a new set or of a document without one; kind is
 * NULL for a set.  The counts and the received date come with
 * library_set_update.
 */
static enum status
library_insert(struct store *st, long long set, long long doc,
    const char *kind, const char *title, const char *who,
    const char *submitted, const char *search, size_t warnings,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_LIBRARY_INSERT, err);
	char *folded_search, *folded_title;
	enum status status;

	if (!s)
		return st->prepare_failure;
	folded_search = library_fold(search);
	folded_title = library_fold(title);
	bind_id_or_null(s, 1, set);
	bind_id_or_null(s, 2, doc);
	bind_text(s, 3, kind);
	bind_text(s, 4, title);
	bind_text(s, 5, who);
	bind_text(s, 6, submitted);
	bind_text(s, 7, folded_search);
	bind_text(s, 8, folded_title);
	sqlite3_bind_int64(s, 9, (long long)warnings);
	status = run(st, s, N_("adding to the library"), err);
	free(folded_search);
	free(folded_title);
	return status;
}

/*
 * A new set's row: "Eerdmans (JA21), Van Dijk (CDA)" as who; the filter
 * finds it by subject, questioners, parties, the ministries it was sent to
 * and the year it was submitted.
 */
static enum status
library_insert_set(struct store *st, long long set, const struct document *doc,
    struct error *err)
{
	struct xbuf who = { 0 }, search = { 0 };
	char *person, year[YEAR_SIZE];
	enum status status;

	append(&search, " ", doc->subject);
	for (size_t i = 0; i < doc->n_questioners; i++) {
		const struct questioner *q = &doc->questioners[i];

		if (!q->name)
			continue;
		person = q->party && *q->party ?
		    xasprintf("%s (%s)", q->name, q->party) : xstrdup(q->name);
		append(&who, ", ", person);
		append(&search, " ", person);
		free(person);
	}
	for (size_t i = 0; i < doc->n_addressed; i++) {
		append(&search, " ", doc->addressed[i]);
		/* the portfolio it was sent to finds it too ("kene", "bho") */
		if (doc->addressed_portfolio)
			append(&search, " ", doc->addressed_portfolio[i]);
	}
	snprintf(year, sizeof(year), "%.4s", doc->submitted);
	append(&search, " ", year);
	status = library_insert(st, set, 0, NULL, doc->subject ? doc->subject : "",
	    who.n ? who.s : "", doc->submitted, search.n ? search.s : "", 0, err);
	free(who.s);
	free(search.s);
	return status;
}

/*
 * A document without a set (a letter, a text naast could not structure):
 * titled by its addressees, else its origin, and found by them and by its
 * salutation.
 */
static enum status
library_insert_document(struct store *st, long long id,
    const struct document *doc, const char *origin, struct error *err)
{
	struct xbuf title = { 0 }, search = { 0 };
	enum status status;

	for (size_t i = 0; i < doc->n_addressees; i++)
		append(&title, ", ", doc->addressees[i]);
	if (!title.n)
		xbuf_puts(&title, origin);
	append(&search, " ", title.n ? title.s : NULL);
	append(&search, " ", doc->salutation);
	status = library_insert(st, 0, id, model_kind_name(doc->kind),
	    title.n ? title.s : "", "", "", search.n ? search.s : "",
	    doc->n_warnings, err);
	free(title.s);
	free(search.s);
	return status;
}

/*
 * Brings a set's row up to date after a document of it came in: counts,
 * the latest received date, and the filter's terms, the answering
 * ministries among them (they may not be among the ministries the set
 * was sent to).  In a batch, once for each set at the commit: the
 * answers of a set come in one after another, and each update reads
 * them all (a tenth of an import, done for every answer).
 */
static enum status
library_set_now(struct store *st, long long set, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_LIBRARY_SET_UPDATE, err);

	if (!s)
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, set);
	return run(st, s, N_("updating the library"), err);
}

static enum status
library_set_update(struct store *st, long long set, struct error *err)
{
	if (st->batch) {
		if (st->n_sets_changed == 0 ||
		    st->sets_changed[st->n_sets_changed - 1] != set) {
			xgrow(&st->sets_changed, &st->cap_sets_changed,
			    st->n_sets_changed + 1, sizeof(*st->sets_changed));
			st->sets_changed[st->n_sets_changed++] = set;
		}
		return STATUS_OK;
	}
	return library_set_now(st, set, err);
}

/* The rows of the sets the batch changed, each once (library_set_update). */
static enum status
library_sets_changed(struct store *st, struct error *err)
{
	enum status status = STATUS_OK;
	size_t n = st->n_sets_changed;

	st->n_sets_changed = 0;
	if (n)
		qsort(st->sets_changed, n, sizeof(*st->sets_changed),
		    champion_id_cmp);
	for (size_t i = 0; i < n && status == STATUS_OK; i++)
		if (i == 0 || st->sets_changed[i] != st->sets_changed[i - 1])
			status = library_set_now(st, st->sets_changed[i], err);
	return status;
}

enum status
store_db_library_set_update(struct store *st, long long set, struct error *err)
{
	return library_set_update(st, set, err);
}

/* ------------------------------------------------------------------ import */

/* What one import has found out so far. */
struct import {
	struct store *st;
	const struct document *doc;
	const char *sha;
	const struct fingerprint *fp;
	struct store_prepared *prep;	/* or NULL: made here */
	long long doc_id;
	long long set_id;
	struct error *err;
	size_t n_notes;		/* footnotes stored as passages so far */
	bool again;		/* the document read again: not looked for in other forms */
};

static enum status
find_document(struct store *st, const char *sha, struct import_result *res,
    bool *found, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_DOC_BY_SHA, err);
	enum status status;

	if (!s)
		return st->prepare_failure;
	bind_text(s, 1, sha);
	status = step_row(st, s, found, N_("looking for the document"), err);
	if (status != STATUS_OK || !*found) {
		if (status == STATUS_OK)
			done(s);
		return status;
	}
	res->unchanged = true;
	res->doc = sqlite3_column_int64(s, 0);
	res->kind = kind_from_name((const char *)sqlite3_column_text(s, 1));
	col_copy(s, 2, res->ministry, sizeof(res->ministry));
	res->set = sqlite3_column_int64(s, 3);
	res->n_vragen = sqlite3_column_int(s, 4);
	res->vragen_found = res->n_vragen;
	done(s);
	return STATUS_OK;
}

static bool
has_set(const struct document *doc)
{
	return doc->kind == DOC_ANSWER || doc->kind == DOC_QUESTIONS ||
	    doc->kind == DOC_MEDEDELING;
}

/* The set that statement q finds by text v, 0 when none. */
static enum status
set_by(struct import *im, enum sql_id q, const char *v, long long *set)
{
	return id_of_text(im->st, q, v, set, N_("looking for the question set"),
	    im->err);
}

/*
 * The id of the document's question set when it is here, else 0: the
 * set of its Zaak when the open data gave one, else the set its header
 * matches (set_key); *by_key says which.
 */
static enum status
set_of(struct import *im, long long *set, bool *by_key)
{
	const char *zaak = im->doc->zaak;
	char *key;
	enum status status;

	*by_key = false;
	if (zaak && ((status = set_by(im, SQL_SET_BY_ZAAK, zaak, set)) || *set))
		return status;
	key = set_key(im->doc, im->sha);
	status = set_by(im, SQL_SET_BY_KEY, key, set);
	free(key);
	*by_key = *set != 0;
	return status;
}

/* Finds the document's question set, creating it with its people. */
static enum status
import_set(struct import *im)
{
	const struct document *doc = im->doc;
	struct store *st = im->st;
	char *key;
	enum status status;
	sqlite3_stmt *s;
	bool by_key;

	if ((status = set_of(im, &im->set_id, &by_key)))
		return status;
	/* A set found by its header learns the Zaak, unless it has one. */
	if (im->set_id && by_key && doc->zaak) {
		if (!(s = sql(st, SQL_SET_ZAAK_LEARN, im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->set_id);
		bind_text(s, 2, doc->zaak);
		return run(st, s, N_("storing the Zaak of the question set"), im->err);
	}
	if (im->set_id)
		return STATUS_OK;
	if (!(s = sql(st, SQL_SET_INSERT, im->err)))
		return st->prepare_failure;
	key = set_key(doc, im->sha);
	bind_text(s, 1, key);
	bind_text(s, 2, doc->subject ? doc->subject : "");
	bind_text(s, 3, doc->submitted);
	bind_text_or_null(s, 4, doc->zaak);
	status = run(st, s, N_("creating the question set"), im->err);
	free(key);
	if (status != STATUS_OK)
		return status;
	im->set_id = sqlite3_last_insert_rowid(st->db);

	for (size_t i = 0; i < doc->n_questioners; i++) {
		if (!(s = sql(st, SQL_QUESTIONER_INSERT, im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->set_id);
		sqlite3_bind_int64(s, 2, (long long)i);
		bind_text(s, 3, doc->questioners[i].name ?
		    doc->questioners[i].name : "");
		bind_text(s, 4, doc->questioners[i].party);
		if ((status = run(st, s, N_("storing the questioners"), im->err)))
			return status;
	}
	for (size_t i = 0; i < doc->n_addressed; i++) {
		if (!(s = sql(st, SQL_ADDRESSED_INSERT, im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->set_id);
		sqlite3_bind_int64(s, 2, (long long)i);
		bind_text(s, 3, doc->addressed[i]);
		bind_text_or_null(s, 4, doc->addressed_portfolio ?
		    doc->addressed_portfolio[i] : NULL);
		if ((status = run(st, s, N_("storing the addressed ministries"), im->err)))
			return status;
	}
	return library_insert_set(st, im->set_id, doc, im->err);
}

static enum status
import_document_row(struct import *im, const char *origin, int n_vragen)
{
	const struct document *doc = im->doc;
	sqlite3_stmt *s = sql(im->st, SQL_DOC_INSERT, im->err);
	enum status status;
	void *original;
	size_t original_len;

	if (!s)
		return im->st->prepare_failure;
	if (im->prep) {
		original = im->prep->original;
		original_len = im->prep->original_len;
		im->prep->original = NULL;
	} else {
		original = original_pack(doc->raw, doc->raw_len, &original_len);
	}
	if (!original)
		return error_set(im->err, STATUS_DB,
		    "out of memory packing the original of '%s'", origin);
	bind_text(s, 1, im->sha);
	bind_text(s, 2, origin);
	bind_text(s, 3, doc->format);
	bind_text(s, 4, model_kind_name(doc->kind));
	/* Packed (original.h): SQLite frees it when done() clears it. */
	sqlite3_bind_blob64(s, 5, original, original_len, free);
	bind_id_or_null(s, 6, im->set_id);
	bind_text_or_null(s, 7, doc->ministry);
	bind_text_or_null(s, 8, doc->received);
	bind_id_or_null(s, 9, doc->aanhangsel);
	sqlite3_bind_int(s, 10, n_vragen);
	bind_text(s, 11, doc->salutation);
	bind_text(s, 12, doc->closing);
	bind_text(s, 13, doc->epigraph_author);
	sqlite3_bind_int(s, 14, PARSE_VERSION);
	bind_text_or_null(s, 15, doc->vergaderjaar[0] ? doc->vergaderjaar : NULL);
	sqlite3_bind_int(s, 16, doc->from_pdf);
	if (im->fp && im->fp->words) {
		unsigned char packed[FINGERPRINT_BYTES];

		fingerprint_pack(im->fp, packed);
		sqlite3_bind_blob(s, 17, packed, sizeof(packed), SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(s, 18, (int)doc->chamber);
	bind_text_or_null(s, 19, doc->tk_id);
	bind_text_or_null(s, 20, doc->tk_number);
	bind_text_or_null(s, 21, doc->koop_id);
	if ((status = run(im->st, s, N_("storing the document"), im->err)))
		return status;
	im->doc_id = sqlite3_last_insert_rowid(im->st->db);
	for (size_t i = 0; i < doc->n_warnings; i++) {
		if (!(s = sql(im->st, SQL_WARNING_INSERT, im->err)))
			return im->st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->doc_id);
		sqlite3_bind_int64(s, 2, (long long)i);
		bind_text(s, 3, doc->warnings[i].text);
		bind_text(s, 4, doc->warnings[i].format);
		bind_text(s, 5, doc->warnings[i].args);
		if ((status = run(im->st, s, N_("storing the warnings"), im->err)))
			return status;
	}
	return STATUS_OK;
}

static enum status
import_people(struct import *im)
{
	const struct document *doc = im->doc;
	struct store *st = im->st;
	enum status status;
	sqlite3_stmt *s;

	for (size_t i = 0; i < doc->n_signatories; i++) {
		const struct signatory *sg = &doc->signatories[i];
		long long id;

		if (!(s = sql(st, SQL_SIGNATORY_INSERT, im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->doc_id);
		sqlite3_bind_int64(s, 2, (long long)i);
		bind_text(s, 3, sg->name ? sg->name : "");
		bind_text(s, 4, sg->role);
		bind_text_or_null(s, 5, sg->ministry);
		bind_text_or_null(s, 6, sg->portfolio);
		bind_text_or_null(s, 7, sg->written);
		bind_text_or_null(s, 8, sg->on_behalf_written);
		if ((status = run(st, s, N_("storing the signatories"), im->err)))
			return status;
		id = sqlite3_last_insert_rowid(st->db);
		for (size_t k = 0; k < sg->n_on_behalf_of; k++) {
			if (!(s = sql(st, SQL_ON_BEHALF_INSERT, im->err)))
				return st->prepare_failure;
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_int64(s, 2, (long long)k);
			bind_text(s, 3, sg->on_behalf_of[k]);
			if ((status = run(st, s, N_("storing the signatories"), im->err)))
				return status;
		}
	}
	for (size_t i = 0; i < doc->n_addressees; i++) {
		if (!(s = sql(st, SQL_ADDRESSEE_INSERT, im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->doc_id);
		sqlite3_bind_int64(s, 2, (long long)i);
		bind_text(s, 3, doc->addressees[i]);
		if ((status = run(st, s, N_("storing the addressees"), im->err)))
			return status;
	}
	return STATUS_OK;
}

/*
 * The references of an antwoord passage: to the answers of other vragen,
 * and to other publications, linked to the document with that Aanhangsel
 * number when it is here already (import_pubrefs links the later ones).
 */
static enum status
import_xrefs(struct import *im, const struct passage *p, long long passage_id)
{
	struct xref *refs;
	size_t n = xref_scan(p->text, &refs);
	enum status status = STATUS_OK;
	sqlite3_stmt *s;

	for (size_t i = 0; i < n && status == STATUS_OK; i++) {
		const struct xref *r = &refs[i];
		bool pub = r->vraag == 0;

		/* "Voor het antwoord op vraag 2 verwijs ik ..." in antwoord 2 */
		if (!pub && r->vraag >= p->vraag && r->vraag <= vraag_last(p))
			continue;
		if (!(s = sql(im->st, pub ? SQL_XREF_PUB_INSERT : SQL_XREF_INSERT,
		    im->err))) {
			status = im->st->prepare_failure;
			break;
		}
		sqlite3_bind_int64(s, 1, passage_id);
		sqlite3_bind_int64(s, 2, (long long)r->start);
		sqlite3_bind_int64(s, 3, (long long)r->end);
		if (pub) {
			sqlite3_bind_int(s, 4, r->nr);
			bind_text_or_null(s, 5, r->vergaderjaar);
			bind_id_or_null(s, 6, year_first(r->vergaderjaar));
			sqlite3_bind_int64(s, 7, im->doc_id);
		} else {
			sqlite3_bind_int(s, 4, r->vraag);
		}
		status = run(im->st, s, N_("storing the references"), im->err);
	}
	free(refs);
	return status;
}

/* Stores a passage of the document as seq in role; *id gets its row id. */
static enum status
insert_passage(struct import *im, size_t seq, enum role role,
    const struct passage *p, const char *text, size_t start, size_t end,
    long long *id)
{
	sqlite3_stmt *s = sql(im->st, SQL_PASSAGE_INSERT, im->err);
	enum status status;

	if (!s)
		return im->st->prepare_failure;
	sqlite3_bind_int64(s, 1, im->doc_id);
	sqlite3_bind_int64(s, 2, (long long)seq);
	bind_text(s, 3, model_role_name(role));
	sqlite3_bind_int(s, 4, p->vraag);
	sqlite3_bind_int(s, 5, p->vraag > 0 ? vraag_last(p) : p->vraag);
	bind_text(s, 6, text);
	sqlite3_bind_int64(s, 7, (long long)start);
	sqlite3_bind_int64(s, 8, (long long)end);
	if ((status = run(im->st, s, N_("storing the passages"), im->err)))
		return status;
	*id = sqlite3_last_insert_rowid(im->st->db);
	return STATUS_OK;
}

/*
 * The footnotes of passage p, each with its text as a passage of its own
 * (ROLE_FOOTNOTE, p's vraag) for the full-text indexes: after the
 * document's passages, so that theirs keep the parser's order.
 */
static enum status
import_footnotes(struct import *im, const struct passage *p, long long passage_id)
{
	enum status status;
	sqlite3_stmt *s;

	for (size_t k = 0; k < p->n_footnotes; k++) {
		const struct footnote *f = &p->footnotes[k];
		long long body;

		if (!f->marker || !f->text || f->at > strlen(p->text) ||
		    f->start > f->end || f->end > im->doc->raw_len)
			return error_set(im->err, STATUS_FORMAT,
			    "footnote %s is malformed; this is a bug in the %s parser, please report it",
			    f->marker ? f->marker : "?",
			    im->doc->format ? im->doc->format : "?");
		if ((status = insert_passage(im, im->doc->n_passages + im->n_notes++,
		    ROLE_FOOTNOTE, p, f->text, f->start, f->end, &body)))
			return status;
		if (!(s = sql(im->st, SQL_FOOTNOTE_INSERT, im->err)))
			return im->st->prepare_failure;
		sqlite3_bind_int64(s, 1, passage_id);
		sqlite3_bind_int64(s, 2, (long long)k);
		bind_text(s, 3, f->marker);
		bind_text(s, 4, f->text);
		sqlite3_bind_int64(s, 5, (long long)f->at);
		sqlite3_bind_int64(s, 6, (long long)f->start);
		sqlite3_bind_int64(s, 7, (long long)f->end);
		sqlite3_bind_int64(s, 8, body);
		if ((status = run(im->st, s, N_("storing the footnotes"), im->err)))
			return status;
	}
	return STATUS_OK;
}

static enum status
import_passages(struct import *im)
{
	const struct document *doc = im->doc;
	enum status status;

	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];
		long long id;

		/*
		 * A parser bug, caught here so that it cannot leave half a
		 * document.  Footnotes come with their passage, not as passages.
		 */
		if ((unsigned)p->role >= N_ROLES || p->role == ROLE_FOOTNOTE ||
		    !p->text || p->start > p->end || p->end > doc->raw_len)
			return error_set(im->err, STATUS_FORMAT,
			    "passage %zu is malformed (role %d, bytes %zu-%zu of %zu); this is a bug in the %s parser, please report it",
			    i + 1, (int)p->role, p->start, p->end, doc->raw_len,
			    doc->format ? doc->format : "?");
		if ((status = insert_passage(im, i, p->role, p, p->text, p->start,
		    p->end, &id)))
			return status;
		if (p->role == ROLE_ANTWOORD && (status = import_xrefs(im, p, id)))
			return status;
		if ((status = import_footnotes(im, p, id)))
			return status;
	}
	return STATUS_OK;
}

/*
 * The text of a vraag as this document prints it, from the run c[0, n) of
 * covered_list that holds its number; NULL when it does not print it.
 */
static char *
vraag_text(const struct document *doc, const struct covered *c, size_t n)
{
	struct xbuf text = { 0 };
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		const struct passage *p = &doc->passages[c[i].passage];

		if (p->role != ROLE_VRAAG)
			continue;
		if (any)
			xbuf_add(&text, "\n", 1);
		xbuf_puts(&text, p->text);
		any = true;
	}
	return any ? xbuf_finish(&text) : NULL;
}

/*
 * The question row for vraag n: created with this document's text (text,
 * which this frees; NULL when the document does not print the vraag), or
 * compared with the canonical text, recording a variant when the words
 * differ (not when only typography or white space does).
 */
static enum status
import_question(struct import *im, int n, char *text, long long *question_id)
{
	struct store *st = im->st;
	enum status status;
	sqlite3_stmt *s;
	bool found;

	if (!(s = sql(st, SQL_QUESTION_GET, im->err))) {
		free(text);
		return st->prepare_failure;
	}
	sqlite3_bind_int64(s, 1, im->set_id);
	sqlite3_bind_int(s, 2, n);
	if ((status = step_row(st, s, &found, N_("reading the questions"), im->err))) {
		free(text);
		return status;
	}
	if (found) {
		const char *canonical = (const char *)sqlite3_column_text(s, 1);
		char *a = NULL, *b = NULL;
		enum sql_id change = N_SQL;

		*question_id = sqlite3_column_int64(s, 0);
		if (text && canonical && !*canonical) {
			change = SQL_QUESTION_SET_TEXT;
		} else if (text && canonical) {
			a = text_fold(canonical, 0);
			b = text_fold(text, 0);
			if (strcmp(a, b) != 0)
				change = SQL_VARIANT_INSERT;
		}
		free(a);
		free(b);
		done(s);
		if (change == N_SQL) {
			free(text);
			return STATUS_OK;
		}
		if (!(s = sql(st, change, im->err))) {
			free(text);
			return st->prepare_failure;
		}
		sqlite3_bind_int64(s, 1, *question_id);
		if (change == SQL_QUESTION_SET_TEXT) {
			bind_text(s, 2, text);
			sqlite3_bind_int64(s, 3, im->doc_id);
		} else {
			sqlite3_bind_int64(s, 2, im->doc_id);
			bind_text(s, 3, text);
		}
		status = run(st, s, N_("storing the questions"), im->err);
		free(text);
		return status;
	}
	done(s);

	/* An answer to a vraag whose text no document has printed yet. */
	if (!(s = sql(st, SQL_QUESTION_INSERT, im->err))) {
		free(text);
		return st->prepare_failure;
	}
	sqlite3_bind_int64(s, 1, im->set_id);
	sqlite3_bind_int(s, 2, n);
	bind_text(s, 3, text ? text : "");
	bind_id_or_null(s, 4, text ? im->doc_id : 0);
	status = run(st, s, N_("storing the questions"), im->err);
	free(text);
	if (status == STATUS_OK)
		*question_id = sqlite3_last_insert_rowid(st->db);
	return status;
}

static enum status
import_questions(struct import *im, int *n_vragen)
{
	const struct document *doc = im->doc;
	struct store *st = im->st;
	enum status status = STATUS_OK;
	struct covered *c;
	size_t n = covered_list(doc, &c), same;
	sqlite3_stmt *s;

	for (size_t i = 0; i < n && status == STATUS_OK; i += same) {
		long long question_id = 0;
		bool answered = false;

		for (same = 0; i + same < n && c[i + same].vraag == c[i].vraag;
		    same++)
			answered |= doc->passages[c[i + same].passage].role ==
			    ROLE_ANTWOORD;
		if ((status = import_question(im, c[i].vraag,
		    vraag_text(doc, c + i, same), &question_id)))
			break;
		if (!answered)
			continue;
		if (!(s = sql(st, SQL_ANSWER_INSERT, im->err))) {
			status = st->prepare_failure;
			break;
		}
		sqlite3_bind_int64(s, 1, im->doc_id);
		sqlite3_bind_int64(s, 2, question_id);
		bind_text_or_null(s, 3, doc->ministry);
		status = run(st, s, N_("storing the answers"), im->err);
	}
	if (n && c[n - 1].vraag > *n_vragen)
		*n_vragen = c[n - 1].vraag;
	free(c);
	if (status != STATUS_OK)
		return status;

	if (!(s = sql(st, SQL_SET_UPDATE, im->err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, im->set_id);
	sqlite3_bind_int(s, 2, *n_vragen);
	return run(st, s, N_("updating the question set"), im->err);
}

/*
 * References to other publications, both ways: this document's "Zie ook"
 * to documents already here, and earlier references to this document's
 * Aanhangsel number, in its header or inside an answer (the pubref and
 * the xref table, resolved by the same rule: see PUB_RESOLVE in store_sql.c).
 */
static enum status
import_pubrefs(struct import *im)
{
	static const enum sql_id resolve[] = { SQL_PUBREF_RESOLVE, SQL_XREF_RESOLVE };
	const struct document *doc = im->doc;
	struct store *st = im->st;
	enum status status;
	sqlite3_stmt *s;

	for (size_t i = 0; i < doc->n_see_also; i++) {
		const struct pubref *ref = &doc->see_also[i];

		if (!(s = sql(st, SQL_PUBREF_INSERT, im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->doc_id);
		sqlite3_bind_int64(s, 2, (long long)i);
		sqlite3_bind_int(s, 3, ref->nr);
		bind_text(s, 4, ref->year);
		bind_id_or_null(s, 5, year_first(ref->year));
		if ((status = run(st, s, N_("storing the references"), im->err)))
			return status;
	}
	if (doc->aanhangsel <= 0)
		return STATUS_OK;
	for (size_t i = 0; i < COUNT(resolve); i++) {
		if (!(s = sql(st, resolve[i], im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->doc_id);
		sqlite3_bind_int(s, 2, doc->aanhangsel);
		bind_text_or_null(s, 3, doc->received);
		if ((status = run(st, s, N_("linking the references"), im->err)))
			return status;
	}
	return STATUS_OK;
}

static enum status
import_all(struct import *im, const char *origin, struct import_result *res)
{
	const struct document *doc = im->doc;
	enum status status;
	int n_vragen = doc->n_vragen;

	for (size_t i = 0; i < doc->n_passages; i++)
		if (doc->passages[i].vraag > 0 &&
		    vraag_last(&doc->passages[i]) > n_vragen)
			n_vragen = vraag_last(&doc->passages[i]);
	if (has_set(doc) && (status = import_set(im)))
		return status;
	if ((status = import_document_row(im, origin, n_vragen)) ||
	    (status = import_people(im)) ||
	    (status = import_passages(im)) ||
	    (status = import_pubrefs(im)))
		return status;
	if (im->set_id && ((status = import_questions(im, &n_vragen)) ||
	    (status = library_set_update(im->st, im->set_id, im->err))))
		return status;
	if (!im->set_id && (status = library_insert_document(im->st, im->doc_id,
	    doc, origin, im->err)))
		return status;
	res->doc = im->doc_id;
	res->kind = doc->kind;
	snprintf(res->ministry, sizeof(res->ministry), "%s",
	    doc->ministry ? doc->ministry : "");
	res->set = im->set_id;
	res->n_vragen = n_vragen;
	res->vragen_found = vragen_found(doc);
	if (res->vragen_found == 0 || res->vragen_found > n_vragen)
		res->vragen_found = n_vragen;
	return STATUS_OK;
}

/* ------------------------------------------------------------------ batches */

/*
 * The passages of the batch into the full-text index, in one statement:
 * FTS5 writes its pending terms to disk at every statement, so filling
 * it per passage, or even per document, leaves many small segments that
 * FTS5 then merges over and over.  The tokenizer sees every word: the
 * vocabulary counts them, and keeps the champion lists.
 */
static enum status
index_batch(struct store *st, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_FTS_FILL_WORDS, err);
	enum status status;

	if (!s)
		return st->prepare_failure;
	store_vocab_begin(st);
	status = store_vocab_ids(st, st->batch_after, INT64_MAX, err);
	sqlite3_bind_int64(s, 1, st->batch_after);
	if (!status)
		status = run(st, s, N_("indexing the passages"), err);
	if (!status)
		st->indexed += sqlite3_changes(st->db);
	if (!status)
		status = store_vocab_save(st, err);
	store_vocab_end(st);
	return status;
}

enum status
store_db_index_pending(struct store *st, struct error *err)
{
	enum status status;
	sqlite3_stmt *s;
	bool found;

	if ((status = index_batch(st, err)))
		return status;
	if (!(s = sql(st, SQL_PASSAGE_LAST, err)))
		return st->prepare_failure;
	if ((status = step_row(st, s, &found, N_("indexing the passages"), err)))
		return status;
	if (found)
		st->batch_after = sqlite3_column_int64(s, 0);
	done(s);
	return STATUS_OK;
}

enum status
store_batch_begin(struct store *st, struct error *err)
{
	sqlite3_stmt *s;
	enum status status;
	bool found;

	if (st->batch)
		return error_set(err, STATUS_USAGE, "a batch of imports is open already");
	if (st->readonly)
		return error_set(err, STATUS_DB,
		    "the database '%s' is read-only (check its permissions, or use --db with a file you can write)",
		    st->path);
	if ((status = run_id(st, SQL_BEGIN_IMMEDIATE, N_("starting the import"), err)))
		return status;
	if (st->bulk_cache &&
	    ((status = run_id(st, SQL_INDEX_HOLD, N_("starting the import"), err)) ||
	    (status = run_id(st, SQL_INDEX_HOLD_HASH, N_("starting the import"), err)))) {
		run_id(st, SQL_ROLLBACK, N_("undoing the import"), NULL);
		return status;
	}
	if (!(s = sql(st, SQL_PASSAGE_LAST, err))) {
		status = st->prepare_failure;
	} else if (!(status = step_row(st, s, &found, N_("starting the import"), err))) {
		st->batch_after = found ? sqlite3_column_int64(s, 0) : 0;
		done(s);
		status = champion_lens_check(st, err);
	}
	if (status) {
		if (!sqlite3_get_autocommit(st->db))
			run_id(st, SQL_ROLLBACK, N_("undoing the import"), NULL);
		return status;
	}
	st->batch = true;
	return STATUS_OK;
}

enum status
store_batch_commit(struct store *st, struct error *err)
{
	enum status status;

	if (!st->batch)
		return error_set(err, STATUS_USAGE, "no batch of imports is open");
	status = library_sets_changed(st, err);
	if (status == STATUS_OK)
		status = index_batch(st, err);
	if (status == STATUS_OK)
		status = run_id(st, SQL_COMMIT, N_("saving the import"), err);
	if (status == STATUS_OK && st->bulk_cache)
		st->bulk_held = true;
	if (status != STATUS_OK)
		store_batch_abort(st);
	st->batch = false;
	return status;
}

/*
 * An index read from many segments makes every lookup of a passage by
 * its rowid slow (store_topk.c scores candidates that way): when the
 * imports since the last tidy added an eighth of the index or more, its
 * segments are merged into one (FTS5's optimize, which costs about as
 * much as writing the index once); else some of them, a bounded amount
 * of work.  Nothing is lost when this fails or is stopped.
 */
#define TIDY_PAGES "500"

enum status
store_tidy(struct store *st, struct error *err)
{
	bool held = st->bulk_held;
	long long rows, tokens;
	enum status status = STATUS_OK;

	if (st->bulk_cache) {
		char *size = xasprintf("PRAGMA cache_size = %lld",
		    st->bulk_cache);

		sqlite3_exec(st->db, size, NULL, NULL, NULL);
		free(size);
		st->bulk_cache = 0;
		st->bulk_held = false;
	}
	if ((st->indexed == 0 && !held) || st->readonly)
		return STATUS_OK;
	if ((status = champion_stats(st, &rows, &tokens, err)))
		return status;
	if ((status = run_id(st, SQL_BEGIN_IMMEDIATE, N_("tidying the index"), err)))
		return status;
	if (st->indexed)
		status = run_id(st, st->indexed * 8 >= rows ?
		    SQL_INDEX_OPTIMIZE : SQL_INDEX_MERGE, N_("tidying the index"),
		    err);
	if (status == STATUS_OK && held)
		status = run_id(st, SQL_INDEX_RELEASE, N_("tidying the index"), err);
	if (status == STATUS_OK && held)
		status = run_id(st, SQL_INDEX_RELEASE_HASH, N_("tidying the index"),
		    err);
	if (status == STATUS_OK)
		status = run_id(st, SQL_COMMIT, N_("tidying the index"), err);
	if (status != STATUS_OK && !sqlite3_get_autocommit(st->db))
		run_id(st, SQL_ROLLBACK, N_("tidying the index"), NULL);
	/*
	 * The pages the old segments had go back to the file system (each
	 * step of the pragma frees some: run it to its end).
	 */
	if (status == STATUS_OK && st->indexed) {
		int rc = sqlite3_exec(st->db, "PRAGMA incremental_vacuum", NULL,
		    NULL, NULL);

		if (rc != SQLITE_OK)
			status = db_fail(st, rc, N_("tidying the index"), err);
	}
	if (status == STATUS_OK)
		st->indexed = 0;
	return status;
}

/*
 * FTS5 merges the index's segments a little at every commit (automerge)
 * and merges the merged ones again as they grow: on 10,000 generated
 * documents, a quarter of what an import wrote.  In bulk it leaves them,
 * and store_tidy merges them once.  FTS5 writes the new terms of a batch
 * as a segment each time they take 1 MiB in memory: 4 MiB in bulk (the
 * same 10,000 documents imported in 9.8 s instead of 10.8, the median of
 * eight runs each), so that a commit writes fewer, larger segments and
 * the last merge has fewer to read.  The larger page cache keeps a
 * batch's pages until its commit instead of writing them to the log
 * before it, some of them again and again.
 */
enum status
store_bulk_begin(struct store *st, struct error *err)
{
	sqlite3_stmt *s;
	enum status status;
	long long size;
	bool found;

	if (st->readonly || st->bulk_cache)
		return STATUS_OK;
	if (!(s = sql(st, SQL_CACHE_SIZE, err)))
		return st->prepare_failure;
	if ((status = step_row(st, s, &found, N_("sizing the cache"), err)))
		return status;
	size = found ? sqlite3_column_int64(s, 0) : 0;
	done(s);
	if (size == 0)
		return STATUS_OK;
	if ((status = run_id(st, SQL_CACHE_BULK, N_("sizing the cache"), err)))
		return status;
	st->bulk_cache = size;
	return STATUS_OK;
}

void
store_batch_abort(struct store *st)
{
	/* SQLite may have rolled back already (a full disk does that). */
	if (!sqlite3_get_autocommit(st->db))
		run_id(st, SQL_ROLLBACK, N_("undoing the import"), NULL);
	st->batch = false;
	st->n_sets_changed = 0;
}

bool
store_batch_open(const struct store *st)
{
	return st->batch;
}

/*
 * The same document in another form, here already: *same gets it, or a
 * zero id.  Only documents of a set are looked for: letters have no
 * number and no set to find them by.
 */
static enum status
find_same(struct import *im, struct same_candidate *same)
{
	long long set = 0;
	enum status status;
	bool by_key;

	memset(same, 0, sizeof(*same));
	if (!has_set(im->doc))
		return STATUS_OK;
	if ((status = set_of(im, &set, &by_key)))
		return status;
	return store_db_same_find(im->st, im->doc, im->fp, set, same, im->err);
}

/* The document is here as good or better in another form: stores nothing. */
static enum status
keep_other(struct import *im, const struct same_candidate *same,
    struct import_result *res)
{
	sqlite3_stmt *s = sql(im->st, SQL_DOC_SET, im->err);
	enum status status;
	bool found;

	if (!s)
		return im->st->prepare_failure;
	sqlite3_bind_int64(s, 1, same->id);
	if ((status = step_row(im->st, s, &found, N_("looking up the document"), im->err)))
		return status;
	res->set = found ? sqlite3_column_int64(s, 0) : 0;
	done(s);
	res->doc = same->id;
	res->kind = im->doc->kind;
	snprintf(res->ministry, sizeof(res->ministry), "%s",
	    im->doc->ministry ? im->doc->ministry : "");
	res->same = IMPORT_SAME_KEPT;
	res->same_doc = same->id;
	snprintf(res->same_name, sizeof(res->same_name), "%s", same->name);
	res->kept = same->form;
	return STATUS_OK;
}

/*
 * The document replaces the poorer form of it that is here: the basket
 * items move to it, and the other goes.
 */
static enum status
replace_other(struct import *im, const struct same_candidate *same,
    struct import_result *res)
{
	enum status status;

	if ((status = store_reattach_selection(im->st, same->id, im->doc_id,
	    &res->basket, im->err)) ||
	    (status = store_db_remove_document(im->st, same->id, im->err)))
		return status;
	res->same = IMPORT_SAME_REPLACED;
	res->same_doc = same->id;
	snprintf(res->same_name, sizeof(res->same_name), "%s", same->name);
	res->kept = store_db_form(im->doc->format, im->doc->from_pdf);
	return STATUS_OK;
}

/*
 * Inside a batch, with no savepoint of its own: SQLite copies every page
 * that a savepoint's statements change to a sub-journal first, and the
 * documents of a batch change the same pages one after another, so a
 * savepoint per document wrote seven times the database to temporary
 * files (9.7 GB for 10,000 generated documents) and was a third of the
 * import's time.  A document that fails ends the batch instead
 * (store.h): nothing of it is stored, and the caller does the rest again.
 */
static enum status
import_in_batch(struct import *im, const char *origin, struct import_result *res)
{
	struct store *st = im->st;
	struct same_candidate same;
	struct fingerprint fp;
	enum status status;
	bool found;

	if ((status = find_document(st, im->sha, res, &found, im->err)) || found)
		goto out;
	if (im->prep)
		fp = im->prep->fp;
	else
		fingerprint_document(im->doc, &fp);
	im->fp = &fp;
	memset(&same, 0, sizeof(same));
	if (!im->again && (status = find_same(im, &same)))
		goto out;
	if (same.id &&
	    store_db_form(im->doc->format, im->doc->from_pdf) <= same.form) {
		status = keep_other(im, &same, res);
		goto out;
	}
	status = import_all(im, origin, res);
	if (status == STATUS_OK && same.id)
		status = replace_other(im, &same, res);
out:
	if (status != STATUS_OK) {
		memset(res, 0, sizeof(*res));
		store_batch_abort(st);
	}
	return status;
}

/* A PDF is the same document when its bytes are, whatever its text. */
static void
identity(const struct document *doc, char sha[SHA256_HEX_SIZE])
{
	if (doc->source_sha256[0])
		snprintf(sha, SHA256_HEX_SIZE, "%s", doc->source_sha256);
	else
		sha256_hex(doc->raw, doc->raw_len, sha);
}

void
store_prepare(const struct document *doc, struct store_prepared *p)
{
	memset(p, 0, sizeof(*p));
	if (!doc || !doc->raw)
		return;
	identity(doc, p->sha);
	fingerprint_document(doc, &p->fp);
	p->original = original_pack(doc->raw, doc->raw_len, &p->original_len);
}

void
store_prepared_clear(struct store_prepared *p)
{
	free(p->original);
	memset(p, 0, sizeof(*p));
}

enum status
store_import(struct store *st, const char *origin, const struct document *doc,
    struct import_result *res, struct error *err)
{
	return store_import_prepared(st, origin, doc, NULL, res, err);
}

enum status
store_import_prepared(struct store *st, const char *origin,
    const struct document *doc, struct store_prepared *prep,
    struct import_result *res, struct error *err)
{
	struct import im = { .st = st, .doc = doc, .prep = prep, .err = err };
	char sha[SHA256_HEX_SIZE];
	enum status status;
	bool found;

	memset(res, 0, sizeof(*res));
	if (!doc || !doc->raw)
		return error_set(err, STATUS_USAGE, "there is no document to import");
	if (prep)
		snprintf(sha, sizeof(sha), "%s", prep->sha);
	else
		identity(doc, sha);
	im.sha = sha;
	if (st->batch)
		return import_in_batch(&im, origin, res);

	/* Alone: an unchanged file takes no write lock. */
	if ((status = find_document(st, sha, res, &found, err)) || found)
		return status;
	if ((status = store_batch_begin(st, err)))
		return status;
	/* The same file may have come in while this import waited for the lock. */
	status = import_in_batch(&im, origin, res);
	if (status == STATUS_OK && !res->unchanged && res->same != IMPORT_SAME_KEPT)
		status = store_batch_commit(st, err);
	else
		store_batch_abort(st);
	if (status != STATUS_OK)
		memset(res, 0, sizeof(*res));
	return status;
}

enum status
store_db_import_as(struct store *st, const char *sha, const char *origin,
    const struct document *doc, struct import_result *res, struct error *err)
{
	struct import im = {
		.st = st, .doc = doc, .sha = sha, .err = err, .again = true,
	};

	memset(res, 0, sizeof(*res));
	return import_in_batch(&im, origin, res);
}
