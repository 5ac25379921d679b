/*
 * store: naast's SQLite database.
 *
 * One file (WAL, foreign keys on, busy timeout), schema versioned through
 * PRAGMA user_version and migrated on open.  A document is either wholly
 * in or not at all (an import is a transaction, or part of a batch of
 * them that is stored whole or not at all), and the same bytes imported
 * again change nothing.  Answers,
 * questions and mededelingen are grouped into question sets by
 * questioners, submitted date and subject (normalised).  The full-text
 * index over passages (each word and its Dutch stem; see store.c's
 * schema) is kept in step here, by naast's own statements, never by
 * callers.  All SQL lives in the store's files (most of it in
 * store_sql.c) and uses bound parameters; lists are read page by page
 * with keyset queries.
 *
 * Memory: every struct filled by a store function owns its strings; free
 * it with the matching *_free function.
 */
#ifndef NAAST_STORE_H
#define NAAST_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "export.h"
#include "fingerprint.h"
#include "model.h"
#include "sha256.h"
#include "status.h"

struct store;

/* Opens (creating and migrating when needed) the database at path. */
enum status store_open(const char *path, struct store **out, struct error *err);

/*
 * What an upgrade of an older database has done, for store_open_with:
 * report(ctx, what, done, total) before each part and after the last
 * ("indexing the passages", 40000, 120000).  It returns false to stop
 * the upgrade: the database stays as it was, and the open fails.
 */
struct store_progress {
	bool (*report)(void *ctx, const char *what, long long done,
	    long long total);
	void *ctx;
};

/* store_open, telling p (NULL: no one) how an upgrade goes. */
enum status store_open_with(const char *path, const struct store_progress *p,
    struct store **out, struct error *err);
void store_close(struct store *st);
/*
 * Gives back the memory the connection caches and what the C library
 * keeps of memory freed: reading an answer of 8 MiB leaves as much
 * behind, which a diff of two such answers needs (cli_diff.c).
 */
void store_release_memory(struct store *st);
/*
 * Another connection to st's database, for another thread (import.c's
 * reader asks it which words are known); refused for a database that
 * is no file on disk (one in memory is its connection's alone).
 */
enum status store_open_reader(struct store *st, struct store **out,
    struct error *err);

/* True when the database holds no documents. */
bool store_is_empty(struct store *st);

/*
 * True when the database was opened read-only: naast may not write the
 * file or its directory, or the file's write permission is off for
 * everyone (chmod a-w, which holds for root too).  Everything reads as
 * usual; imports and basket changes fail with a message that says so.
 * why (may be NULL) gets one line for the user: the interface shows it,
 * or a shorter "read-only" mark, on its status line.
 */
bool store_is_readonly(const struct store *st, struct error *why);

/* ------------------------------------------------------------------ import */

/*
 * The forms a document comes in, poorest first: of two forms of the same
 * document naast keeps the better one (of two equal ones, the first).
 */
enum doc_form {
	FORM_CONVERSION,	/* Markdown, or any text made some other way */
	FORM_PDF_TEXT,	/* the text pdftotext made of the PDF */
	FORM_PDF,		/* the PDF itself */
};

/* What became of a document that naast had already in another form. */
enum import_same {
	IMPORT_SAME_NONE,	/* not had */
	IMPORT_SAME_KEPT,	/* had as good or better: nothing was stored */
	IMPORT_SAME_REPLACED,	/* had in a poorer form, which this one replaced */
};

/* What became of the basket items of a document whose passages changed. */
struct reattach_result {
	size_t moved;		/* now on a passage of the other document */
	size_t merged;		/* that passage was in the basket already: notes joined */
	size_t lost;		/* no passage like theirs: left behind */
};

struct import_result {
	bool unchanged;		/* these bytes were imported before */
	long long doc;		/* document id (the earlier one when unchanged or kept) */
	enum doc_kind kind;
	char ministry[MINISTRY_CODE_SIZE];	/* answering ministry code, "" for letters */
	long long set;		/* question set id, 0 when none */
	int n_vragen;		/* the highest vraag number */
	int vragen_found;	/* how many numbers it holds (a gap: fewer) */
	/*
	 * The same document in another form: what became of it, the other
	 * form's id (gone when replaced) and file name (model_origin_name),
	 * the form kept, and how many basket items moved to the one kept.
	 */
	enum import_same same;
	long long same_doc;
	char same_name[256];
	enum doc_form kept;
	struct reattach_result basket;
};

/*
 * Stores a parsed document under origin (the file name as given).  On
 * failure nothing of it is in the database.  Outside a batch the import
 * is a transaction of its own.
 *
 * One document once: a document that is here already in another form
 * (its PDF after the text of it, a Markdown conversion of it) is
 * recognised, by its Aanhangsel number and vergaderjaar where both are
 * known, else by its set, ministry, received date and kind; either way
 * only when their texts are alike too (fingerprint.h).  The better form
 * is kept (enum doc_form): a poorer one is not stored (res->same is
 * IMPORT_SAME_KEPT, res->doc the kept one), a better one replaces the
 * other, whose basket items move to it (store_reattach_selection).
 */
enum status store_import(struct store *st, const char *origin,
    const struct document *doc, struct import_result *res, struct error *err);

/*
 * What store_import works out from the document alone, without the
 * database: its identity (source_sha256, else the SHA-256 of its text),
 * its fingerprint and its packed original.  store_prepare touches no
 * store, so that import.c's reader can make it in a thread of its own
 * while the store writes the file before.  store_import_prepared takes
 * the packed original over; clear frees what is left of it.
 */
struct store_prepared {
	char sha[SHA256_HEX_SIZE];
	struct fingerprint fp;
	void *original;		/* NULL: zstd had no memory */
	size_t original_len;
};

void store_prepare(const struct document *doc, struct store_prepared *p);
void store_prepared_clear(struct store_prepared *p);
enum status store_import_prepared(struct store *st, const char *origin,
    const struct document *doc, struct store_prepared *p,
    struct import_result *res, struct error *err);

/*
 * After imports: merges the segments of the full-text index that they
 * left, all of them when they added an eighth of it or more, so that
 * searches read few.  Its own transaction; nothing is lost when it
 * fails.  import_paths and import_reparse call it at their end.
 */
enum status store_tidy(struct store *st, struct error *err);

/*
 * Many imports in a row, until store_tidy: the batches leave the index's
 * segments to store_tidy and the connection keeps more pages in memory
 * (32 MB).  When a bulk import is stopped before its tidy, the next one
 * merges what it left.
 */
enum status store_bulk_begin(struct store *st, struct error *err);

/*
 * A batch: the imports between store_batch_begin and store_batch_commit
 * are one transaction (it holds the write lock), and the full-text
 * indexes are filled once, for all of them, at the commit; many times
 * faster than a transaction per file.  Nothing of a batch is stored
 * before its commit.  A document that fails ends the batch: nothing of
 * the batch is stored, store_batch_open turns false, and the caller
 * imports the others again (import.c does).  store_batch_commit ends the
 * batch whether it succeeds or not; store_batch_abort drops it.
 */
enum status store_batch_begin(struct store *st, struct error *err);
enum status store_batch_commit(struct store *st, struct error *err);
void store_batch_abort(struct store *st);
bool store_batch_open(const struct store *st);

/* ------------------------------------------------------------ open data */

/*
 * What the Tweede Kamer's open data says (fetch.h), kept beside what the
 * documents say (store_official.c).  Each is its own transaction.
 */

/* The document fetched with open data Id tk_id: *doc, 0 when none. */
enum status store_tk_document(struct store *st, const char *tk_id,
    long long *doc, struct error *err);
/*
 * Records the open data's ids of a document where it had none, and its
 * Zaak on its question set where the set had none (and no other set has
 * it).  Any argument may be NULL.
 */
enum status store_official(struct store *st, long long doc, const char *zaak,
    const char *tk_id, const char *tk_number, const char *koop_id,
    struct error *err);
/*
 * The ministries the open data says the set of Zaak zaak was addressed
 * to ("Gericht aan"), n codes with their portfolio codes (NULL or an
 * entry NULL where none): they replace what a header said, and coverage
 * counts them.  *set gets the set, 0 (and nothing changes) when no set
 * has that Zaak.
 */
enum status store_set_addressed(struct store *st, const char *zaak,
    char *const *codes, char *const *portfolios, size_t n, long long *set,
    struct error *err);
/* The question set of Zaak zaak: *set, 0 when none. */
enum status store_zaak_set(struct store *st, const char *zaak, long long *set,
    struct error *err);
/* Whether naast sync brings in what comes new to the set of a Zaak. */
enum status store_follow(struct store *st, const char *zaak, bool follow,
    struct error *err);
/*
 * Whether the set of Zaak zaak is followed: the user followed it (or
 * fetched it), or basket items come from it and the user did not
 * unfollow it.
 */
enum status store_following(struct store *st, const char *zaak, bool *yes,
    struct error *err);
/* The Zaak numbers followed, in order; the caller frees them (model_strv_free). */
enum status store_followed(struct store *st, char ***zaken, size_t *n,
    struct error *err);
/*
 * The answers that came from the open data since the user last looked
 * (STORE_SEEN: the last document seen), newest first, at most limit.
 */
#define STORE_SEEN "new.seen"
struct arrival {
	long long doc, set;
	char ministry[MINISTRY_CODE_SIZE];
	char received[DATE_ISO_SIZE];	/* "" when unknown */
	char koop_id[48];		/* "" when unknown */
	char zaak[16];
	char *subject;
	char imported_at[24];		/* "2024-02-16T10:00:00Z" */
};
enum status store_arrivals(struct store *st, size_t limit,
    struct arrival **out, size_t *n, struct error *err);
void store_arrivals_free(struct arrival *a, size_t n);
/* How many there are; and marks them all seen. */
enum status store_arrivals_count(struct store *st, size_t *n,
    struct error *err);
enum status store_arrivals_seen(struct store *st, struct error *err);
/* A setting: *value (the caller frees it), NULL when not set. */
enum status store_setting(struct store *st, const char *key, char **value,
    struct error *err);
enum status store_setting_put(struct store *st, const char *key,
    const char *value, struct error *err);

/* ------------------------------------------------------- parsing again */

/*
 * Documents are parsed again from the text stored with them when the
 * parsers have improved since (parse.h, PARSE_VERSION).  A document's
 * rows are replaced in one transaction; its basket items and their notes
 * move to the new rows as store_reattach_selection moves them.  Its id may change (and so may its passages'); its
 * identity (sha256) and origin stay.
 */

/*
 * How many documents an older parser made than version (INT_MAX: every
 * document), and the last one's id.
 */
enum status store_reparse_count(struct store *st, int version, size_t *n,
    long long *last, struct error *err);
/*
 * The first document after id, up to last, that an older parser made than
 * version: *next its id, 0 when there is none.  (A document parsed again
 * gets an id past last.)
 */
enum status store_reparse_next(struct store *st, int version, long long id,
    long long last, long long *next, struct error *err);

/* A stored document's text as parse_document takes it. */
struct doc_source {
	char *origin;
	char *format;		/* the parser that read it; NULL when unknown */
	char *raw;
	size_t raw_len;
	bool from_pdf;		/* raw is the text of a PDF (document.from_pdf) */
};
enum status store_doc_source(struct store *st, long long id,
    struct doc_source *out, struct error *err);
void store_doc_source_clear(struct doc_source *src);

struct replace_result {
	struct import_result import;	/* the new rows */
	bool changed;		/* passages, people, warnings or set differ */
	size_t basket_kept;	/* basket items back on the new rows */
	size_t basket_lost;	/* items whose text is in it no more */
};

/* Replaces the rows of document id by those of doc, parsed again. */
enum status store_replace(struct store *st, long long id,
    const struct document *doc, struct replace_result *res,
    struct error *err);

/* ------------------------------------------------------------ question sets */

struct set_answer {
	long long doc;
	char ministry[MINISTRY_CODE_SIZE];
	char received[DATE_ISO_SIZE];	/* ISO date or "" */
	int aanhangsel;		/* 0 when unknown */
	/* The open data's document number and KOOP id; "" when not fetched. */
	char tk_number[16];
	char koop_id[48];
	struct warning *warnings;	/* what its parser could not read */
	size_t n_warnings;
};

/*
 * One ministry a set was addressed to, and who answered it: the ministry
 * itself, or a successor that answered after the set was sent ("KGG,
 * successor of EZK"; ministry.h).
 */
struct set_coverage {
	char ministry[MINISTRY_CODE_SIZE];	/* as addressed: "EZK" */
	/* The portfolio it was addressed through, "KenE"; "" when itself. */
	char portfolio[MINISTRY_CODE_SIZE];
	char answered_by[MINISTRY_CODE_SIZE];	/* "" when nobody has */
	bool succession;	/* answered_by succeeded ministry */
};

struct set_info {
	long long id;
	char *subject;
	struct questioner *questioners;
	size_t n_questioners;
	char **addressed;	/* ministry codes */
	size_t n_addressed;
	char submitted[DATE_ISO_SIZE];
	int aanhangsel;		/* of the first publication, 0 when unknown */
	char zaak[16];		/* its Zaak number ("2024Z01294"), "" when unknown */
	/* addressed is the open data's ("Gericht aan"), not a header's. */
	bool addressed_official;
	int n_questions;
	struct set_answer *answers;	/* ordered by received date, ministry */
	size_t n_answers;
	/*
	 * The set's mededelingen ("Mededeling van Minister X": the answer is
	 * late, or given elsewhere), in the same order; they answer nothing.
	 */
	struct set_answer *notices;
	size_t n_notices;
	/*
	 * Each addressed ministry once, in order (n_coverage of them, the M
	 * of "N/M beantwoord"), with who answered it.
	 */
	struct set_coverage *coverage;
	size_t n_coverage;
	/*
	 * The addressed ministries that have not answered: no answer of
	 * theirs or of a successor, and no answer given "mede namens" them,
	 * is imported.
	 */
	char **unanswered;
	size_t n_unanswered;
	/*
	 * How many addressed ministries have answered (the N of "N/M
	 * beantwoord"), by answers of their own, mede namens or of a
	 * successor; never more than n_coverage.
	 */
	int answered;
};

/* Where a page of sets starts: after this row.  Zeroed: from the top. */
struct set_cursor {
	char submitted[DATE_ISO_SIZE];
	long long id;
};

/*
 * Up to limit sets after *cursor, newest submitted first; advances cursor
 * to the last row read.  *out is allocated (free with store_sets_free).
 */
enum status store_sets_page(struct store *st, struct set_cursor *cursor,
    size_t limit, struct set_info **out, size_t *n, struct error *err);
void store_sets_free(struct set_info *sets, size_t n);

/*
 * One set; STATUS_NOT_FOUND when there is none with that id.  *out is
 * cleared first, so store_set_info_clear is safe after any result.
 */
enum status store_set_get(struct store *st, long long id, struct set_info *out,
    struct error *err);
void store_set_info_clear(struct set_info *set);

struct paragraph {
	long long id;		/* passage id */
	char *text;		/* without its footnote markers */
	/* Its footnotes (marker, text, and where in text the marker stood). */
	struct footnote *footnotes;
	size_t n_footnotes;
};

/*
 * A reference to a publication: "Zie ook Aanhangsel ..., nr. 1047" in a
 * document's header, or the same words in an answer.
 */
struct pubref_view {
	int aanhangsel;		/* the Aanhangsel number referred to */
	char *vergaderjaar;	/* as written, "2023–2024"; NULL when not given */
	long long doc;		/* the imported document with that number, 0 when none */
};

struct answer_view {
	long long doc;
	char ministry[MINISTRY_CODE_SIZE];
	struct signatory *signatories;
	size_t n_signatories;
	struct paragraph *paragraphs;
	size_t n_paragraphs;
	/*
	 * The vragen these paragraphs answer together: "Antwoord 3, 4 en 5"
	 * is one answer to 3, 4 and 5, read under each of them (3 and 5
	 * here); both are the question's number when it is answered alone.
	 */
	int vraag_from, vraag_to;
	int *refs;		/* vraag numbers this answer refers to */
	size_t n_refs;
	struct pubref_view *pubrefs;	/* its document header's, then its paragraphs', each once */
	size_t n_pubrefs;
};

struct question_view {
	int number;
	char *text;		/* canonical text, without its footnote markers */
	/*
	 * Its footnotes (the news article a vraag is about, say), with where
	 * in text their markers stood, as the document that gave the text
	 * prints them.
	 */
	struct footnote *footnotes;
	size_t n_footnotes;
	struct answer_view *answers;	/* in the order of set_info.answers */
	size_t n_answers;
};

/*
 * The vragen of a set with their answers.  vraag 0: all; otherwise that
 * one.  ministries (n_ministries codes) narrows the answers; NULL: all.
 * Free with store_questions_free.
 */
enum status store_questions(struct store *st, long long set, int vraag,
    char *const *ministries, size_t n_ministries, struct question_view **out,
    size_t *n, struct error *err);
void store_questions_free(struct question_view *q, size_t n);

/* ----------------------------------------------------------------- letters */

struct letter_info {
	long long doc;
	char *origin;
	char **addressees;
	size_t n_addressees;
	char *salutation;	/* may be NULL */
	char *closing;		/* may be NULL */
	int paragraphs;		/* body paragraphs */
	enum doc_kind kind;	/* DOC_LETTER, or DOC_UNKNOWN: text naast could not structure */
};

/*
 * Up to limit letters (and texts naast could not structure) with id
 * greater than *after, in the order they were imported; advances *after
 * to the last one read.
 */
enum status store_letters_page(struct store *st, long long *after, size_t limit,
    struct letter_info **out, size_t *n, struct error *err);
void store_letters_free(struct letter_info *letters, size_t n);

/* ----------------------------------------------------------------- library */

/*
 * The library is what the interface lists: one row per question set and
 * one per document that belongs to no set (letters, and texts naast could
 * not structure).  It is read page by page with keyset queries in one of
 * three orders, narrowed by a filter, and never loaded whole.
 */

enum library_sort {
	LIBRARY_BY_SUBMITTED,	/* newest submitted first; documents without a date last */
	LIBRARY_BY_RECEIVED,	/* newest answer received first */
	LIBRARY_BY_SUBJECT,	/* subject (or addressees) A to Z */
};

enum library_kind {
	LIBRARY_SET,
	LIBRARY_DOCUMENT,
};

struct library_row {
	enum library_kind kind;
	long long id;		/* set id, or document id */
	long long entry;	/* the row's own id: the keyset tie-breaker */
	enum doc_kind doc_kind;	/* for LIBRARY_DOCUMENT: letter or unknown */
	char *title;		/* subject; a document: its addressees joined by ", ", else its origin */
	char *who;		/* "Eerdmans (JA21), Van Dijk (CDA)"; a document: "" */
	char submitted[DATE_ISO_SIZE];	/* ISO date or "" */
	char received[DATE_ISO_SIZE];	/* the latest answer's received date, or "" */
	int answered;		/* ministries that have answered (set_info.answered) */
	int addressed;		/* ministries the set was sent to */
	int n_questions;
	/*
	 * How many warnings the parsers gave for its documents: naast could
	 * not fully read them, and the row is marked.
	 */
	int warnings;
	char *sort_key;		/* private: the row's key in its order, for paging */
};

/*
 * Up to limit rows in order sort that match filter (NULL or "": all),
 * after the row *from (NULL: from the top) or, when backward, before it
 * (rows still returned in display order).  filter: words separated by
 * spaces, each of which must occur (case, diacritics and typography
 * aside) in the subject, a questioner, a party, a ministry code or the
 * submitted year; of a document, in its title or its salutation.  Words
 * past the eighth are ignored.  *rows is allocated; free with
 * store_library_free.
 */
enum status store_library_page(struct store *st, const char *filter,
    enum library_sort sort, const struct library_row *from, bool backward,
    size_t limit, struct library_row **rows, size_t *n, struct error *err);

/* How many rows match filter. */
enum status store_library_count(struct store *st, const char *filter,
    size_t *count, struct error *err);

void store_library_free(struct library_row *rows, size_t n);
/* Frees the strings of n rows and zeroes them; the array stays the caller's. */
void store_library_rows_clear(struct library_row *rows, size_t n);

/* ---------------------------------------------------------------- documents */

struct doc_passage {
	long long id;
	enum role role;
	int vraag;
	char *text;		/* without its footnote markers */
	struct footnote *footnotes;	/* see struct paragraph */
	size_t n_footnotes;
};

struct doc_view {
	long long id;
	enum doc_kind kind;
	char *origin;
	char *format;
	/* its set's subject, or its addressees ("A, B"); NULL when neither */
	char *title;
	long long set;		/* 0 when none */
	char ministry[MINISTRY_CODE_SIZE];	/* answering ministry, "" when none */
	char received[DATE_ISO_SIZE];
	struct signatory *signatories;
	size_t n_signatories;
	struct warning *warnings;	/* what its parser could not read */
	size_t n_warnings;
	struct doc_passage *passages;	/* in document order; footnotes are under theirs */
	size_t n_passages;
};

/* One document whole, for the reader; STATUS_NOT_FOUND when there is none. */
enum status store_document(struct store *st, long long doc, struct doc_view *out,
    struct error *err);
void store_document_clear(struct doc_view *doc);

/*
 * Moves the basket items on passages of document from to the passages of
 * document to: each keeps its place and note, and goes to the passage of
 * to with the same role and vraag and the same or most alike text (text
 * that another role or vraag holds, when none of that role and vraag is
 * alike).  Two items that land on one passage become one, their notes
 * joined.  What it did goes to *res (may be NULL).  For any change of a
 * document's passages that keeps the document: a better form of it, the
 * same text parsed again.  In the open transaction, if any, else in one
 * of its own.
 */
enum status store_reattach_selection(struct store *st, long long from,
    long long to, struct reattach_result *res, struct error *err);

/* How many basket items cite a passage of document doc. */
enum status store_document_cited(struct store *st, long long doc,
    size_t *items, struct error *err);

/*
 * Removes document doc with everything that hangs on it: its passages,
 * answers and library row; its set's counts follow, and a set left
 * without documents goes.  When basket items cite it, refuses
 * (STATUS_USAGE, saying how many) unless force: then they go too, and
 * *dropped (may be NULL) says how many.  STATUS_NOT_FOUND when there is no
 * such document.
 */
enum status store_remove_document(struct store *st, long long doc, bool force,
    size_t *dropped, struct error *err);

/*
 * The documents imported under name: their origin as given, or its last
 * part (model_origin_name).  *docs is allocated, in id order; free it.
 */
enum status store_documents_named(struct store *st, const char *name,
    long long **docs, size_t *n, struct error *err);

/* The documents of set, in id order; *docs is allocated; free it. */
enum status store_set_documents(struct store *st, long long set,
    long long **docs, size_t *n, struct error *err);

/* ---------------------------------------------------------- full-text search */

/*
 * Every passage is in one FTS5 index kept by the store, with each of its
 * words as written (unicode61, case and diacritics aside) and, at the
 * same place, its Dutch Snowball stem ("ambtenaar" finds "ambtenaren").
 * By rank, a search gives the passages with the words as typed first,
 * then those with other forms of them, each tier best first by bm25
 * over all its matches.  Parts of words ("uitslag" in
 * "verkiezingsuitslag") are found, when asked or when the words find
 * nothing, through the vocabulary: the words that have the part, the
 * STORE_PART_WORDS most frequent of them, after the other tiers.  The text of every footnote is a passage too (ROLE_FOOTNOTE),
 * so that a word only a footnote has is found; its hit says whose
 * footnote it is.
 */
#define STORE_PART_WORDS 64

enum search_sort {
	SEARCH_BY_RANK,		/* bm25, exact forms first */
	SEARCH_BY_DATE,		/* newest document first */
};

struct search_query {
	const char *text;	/* what the user typed (search.h) */
	bool substring;		/* also search parts of words */
	enum search_sort sort;
	const char *ministry;	/* answering ministry code, or NULL */
	const char *questioner;	/* a questioner's name (any case), or NULL */
	const char *party;	/* a questioner's party, or NULL */
	const char *from, *to;	/* ISO dates of the document (received, else submitted), or NULL */
	enum doc_kind kind;	/* DOC_ANSWER, DOC_LETTER, or DOC_UNKNOWN for any */
	size_t limit;		/* at most this many hits; 0: 50 */
	bool exhaustive;	/* rank every match, as the reference ranking of bench/run; slower */
};

/* What a search could not look at, for the user to be told. */
struct search_info {
	size_t part_words;	/* words searched for the parts typed */
	size_t part_all;	/* of all the words that have them */
	/*
	 * Nothing had the words, as typed or another form of them: the hits
	 * are passages with words that contain them (not asked for with
	 * search_query.substring).
	 */
	bool parts_fallback;
};

/* The same passage in another document: one more answer that holds it. */
struct search_same {
	long long passage;
	long long doc;
	char ministry[MINISTRY_CODE_SIZE];	/* "" when none */
};

struct search_hit {
	long long passage;
	long long doc;
	long long set;		/* 0 when the document is in no set */
	int vraag;		/* 0 when none */
	enum role role;
	enum doc_kind kind;	/* of the document */
	char ministry[MINISTRY_CODE_SIZE];	/* "" when none */
	char date[DATE_ISO_SIZE];	/* the document's date, "" when unknown */
	char *origin;		/* the document's name */
	/* the set's subject, or a letter's addressees ("A, B"); NULL when neither */
	char *title;
	char *snippet;		/* the passage around the matches, each marked [like this] */
	double score;		/* higher is better */
	bool substring;		/* found through parts of words only */
	/*
	 * A hit on a footnote (role ROLE_FOOTNOTE, vraag that of its
	 * passage): the passage it is a footnote of, that passage's role
	 * (vraag, antwoord, ...) and the footnote's marker ("1").  Else 0,
	 * ROLE_OTHER and NULL.
	 */
	long long note_of;
	enum role note_of_role;
	char *marker;
	/*
	 * A vraag asked alike of several ministries is in each of their
	 * answers: one hit, with the same text (white space and typography
	 * aside) of the same role and vraag of the set in the other answers
	 * here, n_same of them.  NULL and 0 when none.
	 */
	struct search_same *same;
	size_t n_same;
};

/*
 * The ministries whose answers hold hit h, its own and those of
 * h->same, in A to Z order and each once, joined by ", " ("AZ, BZK");
 * "" when none.  Newly allocated.
 */
char *store_hit_ministries(const struct search_hit *h);

/*
 * Passages that match q, best first (or newest first), a passage that
 * several answers hold alike as one hit (search_hit.same); info (when
 * not NULL) gets what was left out.  A query that cannot be read gives
 * STATUS_USAGE and a message for the user; nothing the user types
 * reaches SQLite as syntax.  Free with store_hits_free.
 */
enum status store_search(struct store *st, const struct search_query *q,
    struct search_hit **hits, size_t *n, struct search_info *info,
    struct error *err);

/*
 * Whether word (folded as the index folds its words: lower case, no
 * diacritics) is a word of the vocabulary, the words of the stored
 * passages.  false when it is not, or when the database cannot say.
 */
bool store_vocab_has(struct store *st, const char *word);

/*
 * Words of the index close to the words of text that the index does not
 * have ("Economische" suggests "Econonnische"), nearest first.  Free with
 * model_strv_free.
 */
enum status store_suggest(struct store *st, const char *text, char ***words,
    size_t *n, struct error *err);

/*
 * The passages most like passage in other documents: its most
 * distinctive terms (tf-idf over the index) as a ranked OR query, the
 * passage's own document left out.  STATUS_NOT_FOUND when there is no
 * such passage.
 */
enum status store_related(struct store *st, long long passage, size_t limit,
    struct search_hit **hits, size_t *n, struct error *err);

/*
 * Whether every ranking of st (searches by rank and related passages)
 * scores every match, as search_query.exhaustive does for one search:
 * the reference that bench/search measures the fast ranking against.
 */
void store_rank_every(struct store *st, bool every);

void store_hits_free(struct search_hit *hits, size_t n);

/* -------------------------------------------------------------- the basket */

/*
 * The basket: the passages the user selected, in the user's order, each
 * with a note, kept in the database across runs.  It holds what goes into
 * one note for a minister, so it is read whole.  A read-only database
 * gives a clear error and changes nothing.
 */
struct selected {
	long long passage;
	char *note;		/* NULL when none */
};

/*
 * Adds passage at the end of the basket; *added is false when it was in
 * it already.  STATUS_NOT_FOUND when there is no such passage.
 */
enum status store_select_add(struct store *st, long long passage, bool *added,
    struct error *err);
/* Takes passage out; *removed is false when it was not in the basket. */
enum status store_select_remove(struct store *st, long long passage, bool *removed,
    struct error *err);
/* Empties the basket; *removed gets how many passages it held (may be NULL). */
enum status store_select_clear(struct store *st, size_t *removed, struct error *err);
/* Moves passage delta places (negative: towards the top), as far as it goes. */
enum status store_select_move(struct store *st, long long passage, int delta,
    struct error *err);
/* Sets the note of a passage in the basket; NULL or "" removes it. */
enum status store_select_note(struct store *st, long long passage, const char *note,
    struct error *err);
/* The basket in order.  Free with store_selection_free. */
enum status store_selection(struct store *st, struct selected **out, size_t *n,
    struct error *err);
void store_selection_free(struct selected *sel, size_t n);

/* ------------------------------------------------------------------ export */

/*
 * Export items (export.h) for n passages, in the order given, each with
 * what its citation needs; STATUS_NOT_FOUND names a passage that does not
 * exist.  Free with export_items_free.
 */
enum status store_export_items(struct store *st, const long long *passages,
    size_t n, struct export_item **out, struct error *err);

/*
 * Fills the refs of each answer passage of items: the paragraphs of the
 * same document's answer to each vraag it refers to ("zie het antwoord
 * op vraag 1"), each vraag once, not its own.  A vraag that document
 * does not answer is left out.
 */
enum status store_export_refs(struct store *st, struct export_item *items, size_t n,
    struct error *err);

/*
 * The items of the basket, in its order, each with its note.
 * STATUS_NOT_FOUND with a message when the basket is empty.
 */
enum status store_export_selection(struct store *st, struct export_item **out,
    size_t *n, struct error *err);

/*
 * The items of a set: every answer paragraph of vraag (0: every vraag),
 * vraag by vraag, each answer in the order of set_info.answers, narrowed to
 * ministries (NULL: all).  STATUS_NOT_FOUND when there is no such set or
 * vraag, or none of those ministries answered.
 */
enum status store_export_set(struct store *st, long long set, int vraag,
    char *const *ministries, size_t n_ministries, struct export_item **out,
    size_t *n, struct error *err);

#endif
