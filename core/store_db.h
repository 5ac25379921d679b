/*
 * store_db: what the store's files share; nothing else includes it but
 * the store's own test, which reaches the connection and the statements
 * through it (that each one prepares, their query plans).
 *
 * store.c owns the schema and opening; store_sql.c the table of
 * statements; store_import.c the imports and batches, which keep the
 * library table, the indexes and the vocabulary in step; store_read.c
 * the sets, vragen, letters and documents; store_library.c the
 * library's pages; store_export.c the basket and exports; store_fts.c
 * what every connection registers (the stemming tokenizer, naast_fold,
 * and naast_bm25 from store_rank.c); store_search.c full-text search
 * and its hits, store_vocab.c the vocabulary, store_suggest.c
 * suggestions, store_related.c related passages.
 * Every statement is used as: get it with sql(), bind, step, and done()
 * (reset and clear bindings, on every path), so that a cached statement
 * never holds a lock or points at freed memory between calls.  Strings
 * are bound SQLITE_STATIC for that reason: they outlive the step, and
 * done() forgets them before the caller frees them.
 */
#ifndef NAAST_STORE_DB_H
#define NAAST_STORE_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "sha256.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

enum sql_id {
	SQL_BEGIN,
	SQL_BEGIN_IMMEDIATE,
	SQL_COMMIT,
	SQL_ROLLBACK,
	SQL_PASSAGE_LAST,
	SQL_DOC_BY_SHA,
	SQL_SET_BY_KEY,
	SQL_SET_BY_ZAAK,
	SQL_SET_ZAAK_LEARN,
	SQL_SET_INSERT,
	SQL_QUESTIONER_INSERT,
	SQL_ADDRESSED_INSERT,
	SQL_DOC_INSERT,
	SQL_DOC_OFFICIAL,
	SQL_DOC_BY_TK_ID,
	SQL_DOC_OFFICIAL_SET,
	SQL_SET_ZAAK_OF_DOC,
	SQL_ADDRESSED_CLEAR,
	SQL_SET_ADDRESSED_OFFICIAL,
	SQL_FOLLOW_PUT,
	SQL_FOLLOWING,
	SQL_FOLLOWED,
	SQL_ARRIVALS,
	SQL_DOC_LAST,
	SQL_ARRIVALS_COUNT,
	SQL_SETTING_GET,
	SQL_SETTING_PUT,
	SQL_SIGNATORY_INSERT,
	SQL_WARNING_INSERT,
	SQL_ON_BEHALF_INSERT,
	SQL_ADDRESSEE_INSERT,
	SQL_PASSAGE_INSERT,
	SQL_FOOTNOTE_INSERT,
	SQL_XREF_INSERT,
	SQL_XREF_PUB_INSERT,
	SQL_PUBREF_INSERT,
	SQL_PUBREF_RESOLVE,
	SQL_XREF_RESOLVE,
	SQL_QUESTION_GET,
	SQL_QUESTION_INSERT,
	SQL_QUESTION_SET_TEXT,
	SQL_VARIANT_INSERT,
	SQL_ANSWER_INSERT,
	SQL_SET_UPDATE,
	SQL_FTS_FILL_WORDS,
	SQL_SETS_FIRST,
	SQL_SETS_AFTER,
	SQL_SET_BY_ID,
	SQL_SET_QUESTIONERS,
	SQL_SET_ADDRESSED,
	SQL_SET_ANSWERS,
	SQL_SET_NOTICES,
	SQL_SET_COVERAGE,
	SQL_FOOTNOTES,
	SQL_QUESTIONS,
	SQL_VRAAG_PASSAGES,
	SQL_ANSWER_EXISTS,
	SQL_SIGNATORIES,
	SQL_WARNINGS,
	SQL_ON_BEHALF,
	SQL_PARAGRAPHS,
	SQL_REFS,
	SQL_PASSAGE_REFS,
	SQL_LETTERS,
	SQL_ADDRESSEES,
	SQL_IS_EMPTY,
	SQL_LIBRARY_INSERT,
	SQL_LIBRARY_SET_UPDATE,
	SQL_LIBRARY_KEYS,
	SQL_LIBRARY_COUNT,
	SQL_LIBRARY_COUNT_ALL,
	/* A page of the library: [order][TOP, AFTER, BOTTOM, BEFORE]. */
	SQL_LIBRARY_SUBMITTED_TOP,
	SQL_LIBRARY_SUBMITTED_AFTER,
	SQL_LIBRARY_SUBMITTED_BOTTOM,
	SQL_LIBRARY_SUBMITTED_BEFORE,
	SQL_LIBRARY_RECEIVED_TOP,
	SQL_LIBRARY_RECEIVED_AFTER,
	SQL_LIBRARY_RECEIVED_BOTTOM,
	SQL_LIBRARY_RECEIVED_BEFORE,
	SQL_LIBRARY_SUBJECT_TOP,
	SQL_LIBRARY_SUBJECT_AFTER,
	SQL_LIBRARY_SUBJECT_BOTTOM,
	SQL_LIBRARY_SUBJECT_BEFORE,
	SQL_DOCUMENT,
	SQL_DOCUMENT_PASSAGES,
	SQL_PUBREFS,
	SQL_SEARCH_TOP,
	SQL_SEARCH_TOP_EXCEPT,
	SQL_SEARCH_FILTERED,
	SQL_SEARCH_FILTERED_EXCEPT,
	SQL_SEARCH_DATE,
	SQL_DATE_DOCS,
	SQL_DOC_PASSAGE_RANGE,
	SQL_DATE_DOC_HITS,
	SQL_SNIPPET,
	SQL_VOCAB_PREFIX,
	SQL_VOCAB_PARTS,
	SQL_VOCAB_HAS,
	SQL_VOCAB_ADD,
	SQL_VOCAB_TERMS,
	SQL_PASSAGE_IDS,
	SQL_DOC_PASSAGE_IDS,
	SQL_CHAMPION_GET,
	SQL_CHAMPION_PUT,
	SQL_CHAMPION_DROP,
	SQL_INDEX_OPTIMIZE,
	SQL_INDEX_MERGE,
	SQL_INDEX_HOLD,
	SQL_INDEX_HOLD_HASH,
	SQL_INDEX_RELEASE,
	SQL_INDEX_RELEASE_HASH,
	SQL_CACHE_SIZE,
	SQL_CACHE_BULK,
	SQL_INDEX_AVGDL,
	SQL_INDEX_POSTINGS,
	SQL_INDEX_LENGTHS,
	SQL_DATA_VERSION,
	SQL_VOCAB_COUNT,
	SQL_TOPK,
	SQL_TOPK_EXCEPT,
	SQL_WIDE_HITS,
	SQL_INDEX_WALK,
	SQL_INDEX_ROWIDS,
	SQL_PASSAGE_MAX,
	SQL_PASSAGE_TEXT,
	SQL_SAME_TEXT,
	SQL_FOOTNOTE_OF,
	SQL_DOC_SUBJECT,
	/* The basket and exports (store_export.c). */
	SQL_PASSAGE_EXISTS,
	SQL_REPARSE_DUE,
	SQL_REPARSE_COUNT,
	SQL_REPARSE_SOURCE,
	SQL_REPARSE_SHAPE,
	SQL_PACK_ORIGINALS,
	SQL_DOC_SHA_ASIDE,
	SQL_SELECT_ADD,
	SQL_SELECT_REMOVE,
	SQL_SELECT_CLEAR,
	SQL_SELECT_NOTE,
	SQL_SELECT_ORD,
	SQL_SELECTION,
	SQL_EXPORT_PASSAGE,
	/* One document once: the same in another form, removal (store_same.c). */
	SQL_SAME_BY_AANHANGSEL,
	SQL_SAME_IN_SET,
	SQL_DOC_SET,
	SQL_DOC_CITED,
	SQL_DOC_SELECTION,
	SQL_SELECT_ITEM_OF,
	SQL_SELECT_ITEM_MOVE,
	SQL_SELECT_ITEM_NOTE,
	SQL_SELECT_ITEM_DELETE,
	SQL_DOC_UNCITE,
	SQL_DOC_DELETE,
	SQL_FTS_FORGET_DOC,
	SQL_QUESTIONS_UNPRINTED_DELETE,
	SQL_SET_HAS_DOCUMENTS,
	SQL_SET_DELETE,
	SQL_SET_RECOUNT,
	SQL_DOCS_NAMED,
	SQL_SET_DOCUMENTS,
	SQL_VOCAB_PRUNE,
	SQL_REATTACH_PASSAGES,
	N_SQL
};

/* The columns that struct set_info takes from question_set, in this order. */
#define SET_COLUMNS \
	"id, subject, submitted, n_questions, aanhangsel, zaak, addressed_official"

/*
 * Coverage, shared by the statements and the schema's migration.  Who
 * answered set SET, each with the received date of the answer: the
 * answering ministry of each answer, every signatory's (an answer signed
 * by two ministries is an answer of each) and those an answer was given
 * "mede namens".  Rows (m, r).
 */
#define STORE_SET_ANSWERERS(SET) \
	"SELECT ministry AS m, received AS r FROM document" \
	" WHERE set_id = " SET " AND kind = 'answer' AND ministry IS NOT NULL" \
	" UNION SELECT g.ministry, d.received FROM signatory g" \
	" JOIN document d ON d.id = g.document" \
	" WHERE d.set_id = " SET " AND d.kind = 'answer'" \
	" AND g.ministry IS NOT NULL" \
	" UNION SELECT o.ministry, d.received FROM signatory_on_behalf_of o" \
	" JOIN signatory g ON g.id = o.signatory" \
	" JOIN document d ON d.id = g.document" \
	" WHERE d.set_id = " SET " AND d.kind = 'answer'"

/*
 * The code that answered the ministry A that set SET was addressed to:
 * A itself, else the first successor of A (naast_succeeds, store_fts.c)
 * that answered after the set was sent; NULL when none did.
 */
#define STORE_ANSWERED_BY(SET, A) \
	"(CASE WHEN EXISTS (SELECT 1 FROM (" STORE_SET_ANSWERERS(SET) ") w" \
	" WHERE w.m = " A ") THEN " A \
	" ELSE (SELECT w.m FROM (" STORE_SET_ANSWERERS(SET) ") w" \
	" WHERE naast_succeeds(" A ", w.m," \
	" (SELECT submitted FROM question_set WHERE id = " SET "), w.r)" \
	" ORDER BY w.r IS NULL, w.r, w.m LIMIT 1) END)"

/*
 * "N/M beantwoord" of set SET: of the distinct ministries it was
 * addressed to (M), those answered by themselves or a successor (N).  An
 * answer of a ministry it was not sent to adds to neither, so N <= M.
 */
#define STORE_SET_ANSWERED(SET) \
	"(SELECT count(DISTINCT a.ministry) FROM set_addressed a" \
	" WHERE a.set_id = " SET \
	" AND " STORE_ANSWERED_BY(SET, "a.ministry") " IS NOT NULL)"
#define STORE_SET_ADDRESSED(SET) \
	"(SELECT count(DISTINCT ministry) FROM set_addressed" \
	" WHERE set_id = " SET ")"

/* The row's own words in library.search, before its terms. */
#define LIBRARY_OWN_WORDS \
	"(CASE WHEN instr(search, char(31)) > 0" \
	" THEN substr(search, 1, instr(search, char(31)) - 1) ELSE search END)"

/*
 * What else the library's filter finds set SET by, besides what its row
 * was made with: the answering ministries' codes, the Aanhangsel numbers
 * and KOOP ids of its documents and the names of the ministers who
 * signed them, folded as library_fold folds ("rutte 1059
 * ah-tk-20232024-1059 az").  Each import of a document of the set makes
 * them again: they follow a char(31) in the search column, after the
 * row's own words (STORE_LIBRARY_SEARCH), less the words those hold
 * already (the ministries a set was sent to mostly answer it): the
 * column is in the table and in its three covering indexes.
 */
#define STORE_SET_TERMS(SET) \
	"(SELECT group_concat(t, ' ') FROM (" \
	" SELECT naast_fold(ministry) AS t FROM document" \
	"  WHERE set_id = " SET " AND kind = 'answer' AND ministry IS NOT NULL" \
	" UNION SELECT CAST(aanhangsel AS TEXT) FROM document" \
	"  WHERE set_id = " SET " AND aanhangsel IS NOT NULL" \
	" UNION SELECT CAST(aanhangsel AS TEXT) FROM question_set" \
	"  WHERE id = " SET " AND aanhangsel IS NOT NULL" \
	" UNION SELECT naast_fold(koop_id) FROM document" \
	"  WHERE set_id = " SET " AND koop_id IS NOT NULL" \
	" UNION SELECT naast_fold(g.name) FROM signatory g" \
	"  JOIN document d ON d.id = g.document WHERE d.set_id = " SET ")" \
	" WHERE instr(' ' || " LIBRARY_OWN_WORDS " || ' ', ' ' || t || ' ') = 0)"
/* The search column of set SET's row made again: its own words, then the terms. */
#define STORE_LIBRARY_SEARCH(SET) \
	"(" LIBRARY_OWN_WORDS " || char(31) || ' ' || coalesce(" \
	STORE_SET_TERMS(SET) ", ''))"

/* The text of each statement, indexed by enum sql_id (store_sql.c). */
extern const char *const store_sql_text[N_SQL];

/* The most words a library filter matches; the LIKE slots ?1..?8. */
#define LIBRARY_WORDS 8

/*
 * The library's matching and sorting form of s: case, typography,
 * diacritics and control characters aside ("Één" and "een" are one word
 * to the filter and sit together A to Z).  NULL is "".
 */
static inline char *
library_fold(const char *s)
{
	return text_fold(s ? s : "", TEXT_FOLD_CASE | TEXT_FOLD_MARKS);
}

/* The kind whose model_kind_name is name; DOC_UNKNOWN for NULL or unknown. */
static inline enum doc_kind
kind_from_name(const char *name)
{
	for (enum doc_kind k = 0; k < N_DOC_KINDS; k++)
		if (name && strcmp(model_kind_name(k), name) == 0)
			return k;
	return DOC_UNKNOWN;
}

/*
 * The digest of the schema that naast's migrations make at version
 * (store.c, schema_check), and in *known the one store.c holds for it
 * (NULL when none): the two must be equal.
 */
enum status store_schema_digest(long long version, char hex[SHA256_HEX_SIZE],
    const char **known, struct error *err);

/* The tokenizer of passage_words, registered on every connection. */
#define STORE_WORDS_TOKENIZER "naast_words"

struct store {
	sqlite3 *db;
	char *path;
	bool readonly;
	enum status prepare_failure;	/* why sql() last returned NULL */
	fts5_api *fts5;			/* this connection's, for its tokenizers */
	bool batch;			/* a batch of imports is open (store.h) */
	struct vocab *vocab;		/* the words being counted (store_vocab.c) */
	long long batch_after;		/* the last passage id before it */
	/* the sets whose library rows the batch changes, at its commit */
	long long *sets_changed;
	size_t n_sets_changed, cap_sets_changed;
	long long indexed;		/* passages indexed since store_tidy */
	/* store_bulk_begin: the page cache's size before it, or 0 */
	long long bulk_cache;
	bool bulk_held;		/* a bulk batch left the segments (store_tidy) */
	/*
	 * CHAMPION_FROM and CHAMPION_SIZE, and WALK_FROM (store_search.c);
	 * the store's test makes them small
	 */
	long long champion_from;
	size_t champion_size;
	long long walk_from;
	bool rank_all;		/* every ranking scores every match */
	/*
	 * The length of each passage of passage_words by id, 0 when not
	 * known, or NULL: read once a batch's first lists have read many
	 * one by one (lens_read), and kept while no other connection writes
	 * (data_version) (store_champion.c).
	 */
	unsigned *lens;
	size_t n_lens;
	long long lens_read;
	long long data_version;
	sqlite3_stmt *stmt[N_SQL];
};

/*
 * Registers on st's connection what the schema and the search statements
 * need beyond SQLite: the tokenizer STORE_WORDS_TOKENIZER (without it,
 * passage_words can be neither read nor written), naast_bm25, the SQL
 * function naast_fold(text), library_fold for SQL, and naast_pack(text).
 * store_open calls it before anything touches the schema (store_fts.c).
 */
enum status store_fts_register(struct store *st, struct error *err);

/*
 * Registers naast_pack(text) on db, for SQL_PACK_ORIGINALS: the original
 * packed as the import packs it (original.h), NULL and a blob as they are
 * (store_reparse.c).  store_fts_register calls it; an SQLite result code.
 */
int store_original_register(sqlite3 *db);

/* The words of text as passage_words sees them: each(ctx, word, bytes) per word. */
enum status store_words_of(struct store *st, const char *text,
    void (*each)(void *, const char *, size_t), void *ctx, struct error *err);

/*
 * Hits being read (store_search.c), with the index that found each:
 * hits_read appends the hits of the rows of s (HIT_COLUMNS, and the
 * FTS5 snippet that the statements by rank add) and resets s; terms,
 * when given, make the snippets of hits on parts of words.  hits_finish
 * makes the FTS5 snippets of the hits that have none yet, exact or
 * stems (by tier) being their MATCH, and reads what the footnote of
 * each footnote's hit belongs to.
 */
struct hits {
	struct search_hit *v;
	size_t n, cap;
	int *tiers;		/* of each hit: which index found it */
	size_t tiers_cap;
};

struct search_terms;
/*
 * The snippet of text, a passage found through parts of words: the text
 * around the parts (terms), each marked [so] (store_snippet.c).  Newly
 * allocated.
 */
char *store_part_snippet(const char *text, const struct search_terms *terms);
enum status hits_read(struct store *st, sqlite3_stmt *s, struct hits *h,
    const struct search_terms *terms, struct error *err);
enum status hits_finish(struct store *st, struct hits *h, const char *exact,
    const char *stems, struct error *err);
void hits_free(struct hits *h);

/*
 * The best passages of a query by bm25 (store_topk.c): an AND of
 * groups, each an OR of atoms, an atom one term of the index as it is
 * (term: a word, a marked stem) or FTS5 text (a phrase, a prefix).
 */
struct topk_atom {
	char *term;
	char *text;
	char *prefix;		/* folded, of a text that is a word's prefix */
	long long passages;	/* that have term (store_topk.c counts them) */
};
struct topk_group {
	struct topk_atom *v;
	size_t n;
};
struct topk_query {
	struct topk_group *g;
	size_t n;
};

/* Adds an atom (taking term or text) to the last group, or a new one. */
void topk_add(struct topk_query *tq, bool new_group, char *term, char *text);
/* Adds the text of a prefix, taking both, as topk_add does a text. */
void topk_add_prefix(struct topk_query *tq, bool new_group, char *text,
    char *prefix);
/*
 * Adds the stem of word as the index has it: its marked stem, OR the
 * stem as a word when it is its own stem (store_fts.c).
 */
struct sb_stemmer;
void topk_add_stem(struct topk_query *tq, bool new_group,
    struct sb_stemmer *stemmer, const char *word);
void topk_free(struct topk_query *tq);

/* What a ranking is asked, beside its query. */
struct topk_ask {
	const struct search_query *filters;	/* or NULL */
	const char *except;	/* FTS5 text whose matches an earlier tier has */
	const struct search_terms *terms;	/* for snippets of parts */
	int tier;		/* of its hits (store_sql.c) */
	size_t limit;
	long long not_doc;	/* no passage of this document (0: none) */
	bool exhaustive;	/* rank every match, no shortcut */
};

/* The FTS5 text of tq; newly allocated. */
char *topk_text(const struct topk_query *tq);
/*
 * Each term of tq counted from the vocabulary (topk_atom.passages);
 * *all_terms is false when an atom is no term.
 */
enum status topk_count(struct store *st, struct topk_query *tq,
    bool *all_terms, struct error *err);
/* Binds the filters of q, folded questioner and party, as ?3 to ?8. */
void topk_bind_filters(sqlite3_stmt *s, const struct search_query *q,
    const char *questioner, const char *party);

/* Appends the best ask->limit passages of tq to h. */
enum status store_topk(struct store *st, struct topk_query *tq,
    const struct topk_ask *ask, struct hits *h, struct error *err);

/*
 * A wide query, one OR of many terms (store_wide.c): appends its best
 * ask->limit passages to h, scored from candidates, and sets *done; or
 * leaves h and *done false where FTS5 must rank every match.
 */
enum status store_wide(struct store *st, const struct topk_query *tq,
    const struct topk_ask *ask, struct hits *h, bool *done,
    struct error *err);

/*
 * The terms passage_words indexes a text under (store_fts.c), through
 * its own tokenizer: each is given to each as FTS5 gives a tokenizer's
 * tokens (ctx, flags, token, its bytes, start, end), a stem at the
 * place of its word with FTS5_TOKEN_COLOCATED.
 */
/*
 * naast_walk(passage_words, walk) (store_rank.c), on the first row of a
 * query: every row of each phrase of the query, in the whole index, to
 * walk->each with the phrase's number, without a statement's steps.
 * walk is bound with sqlite3_bind_pointer as RANK_WALK_POINTER.
 */
#define RANK_WALK_POINTER "naast_walk"
struct rank_walk {
	void (*each)(void *ctx, int phrase, long long rowid);
	void *ctx;
};

struct store_terms;
enum status store_terms_open(struct store *st, struct store_terms **out,
    struct error *err);
enum status store_terms_of(struct store *st, struct store_terms *t,
    const char *text, int (*each)(void *, int, const char *, int, int, int),
    void *ctx, struct error *err);
void store_terms_close(struct store_terms *t);

/*
 * Inside a batch: fills the full-text indexes with the passages stored
 * so far in it, as its commit would (store_import.c).  Before a passage
 * is deleted in a batch: taking it out of the index (SQL_FTS_FORGET_DOC)
 * must find there what it takes out.
 */
enum status store_db_index_pending(struct store *st, struct error *err);

/*
 * One document once (store_same.c).  store_db_same_find looks for the
 * document doc (fingerprint fp; set its set's id, 0 when the set is new)
 * in another form; *found is 0 when there is none, else its id, with
 * its file name and form.  store_db_remove_document removes doc (see
 * store_remove_document) in the open transaction; *set_gone says its set
 * went with it.
 */
struct fingerprint;
struct same_candidate {
	long long id;
	char name[256];		/* model_origin_name of its origin */
	enum doc_form form;
};
enum status store_db_same_find(struct store *st, const struct document *doc,
    const struct fingerprint *fp, long long set, struct same_candidate *found,
    struct error *err);
enum status store_db_remove_document(struct store *st, long long doc,
    struct error *err);
/* library_set_update of store_import.c: a set's row after its documents changed. */
/*
 * A change of its own: a transaction when none is open (*own), else a
 * part of the open one (an import's), which its owner commits or undoes.
 * end commits what it began when status is STATUS_OK, else undoes it.
 */
enum status store_db_change_begin(struct store *st, bool *own,
    struct error *err);
enum status store_db_change_end(struct store *st, bool own,
    enum status status, struct error *err);
enum status store_db_library_set_update(struct store *st, long long set,
    struct error *err);
/* The form of a document from its format and whether it was a PDF. */
enum doc_form store_db_form(const char *format, bool from_pdf);

/* Registers naast_bm25(), the rank of a search (store_rank.c), for st. */
int store_rank_register(fts5_api *api, struct store *st);

/*
 * Reads shared by the store's files (store_read.c), inside a read: one
 * set as store_set_get reads it; the signatories of a document with
 * their "mede namens"; the footnotes of a passage; the footnotes of
 * vraag number of set, placed in text, its canonical text.
 */
enum status store_db_set(struct store *st, long long id, struct set_info *out,
    struct error *err);
enum status store_db_signatories(struct store *st, long long doc,
    struct signatory **out, size_t *n, struct error *err);
enum status store_db_footnotes(struct store *st, long long passage,
    struct footnote **out, size_t *n, struct error *err);
enum status store_db_vraag_footnotes(struct store *st, long long set,
    int number, const char *text, struct footnote **out, size_t *n,
    struct error *err);
/*
 * What a person calls document doc: its set's subject, else its
 * addressees joined by ", " (a letter); *title NULL when it has neither.
 */
enum status store_db_doc_title(struct store *st, long long doc, char **title,
    struct error *err);

/*
 * Inside a batch (store_import.c): stores doc as the document whose
 * identity is sha, as store_import would a file of those bytes, but
 * without looking for it in another form: it is the one being read again
 * (store_reparse.c).
 */
enum status store_db_import_as(struct store *st, const char *sha,
    const char *origin, const struct document *doc,
    struct import_result *res, struct error *err);

/*
 * Champion lists (store_champion.c): a term in more than CHAMPION_FROM
 * passages keeps its best CHAMPION_SIZE passages by its part of bm25
 * (w, champion_weight), with the tf and len that w comes from.
 */
/* Newest first walks the documents for words in more passages (store_search.c). */
#define WALK_FROM 10000

#define CHAMPION_FROM 4096
#define CHAMPION_SIZE 256	/* at most: a batch keeps this many */

struct champion {
	long long passage;
	unsigned tf, len;
	double w;
};

/*
 * bm25 as FTS5's bm25() computes it, with its k1 and b: one phrase's
 * part of a row's score, weighed by idf, from the phrase's tf in the
 * row, the row's length in tokens and the average length (naast_bm25,
 * the champion lists and store_wide.c must agree to the last bit).
 */
#define BM25_K1 1.2
#define BM25_B 0.75
static inline double
bm25_part(double idf, double tf, double len, double avgdl)
{
	return idf * (tf * (BM25_K1 + 1)) /
	    (tf + BM25_K1 * (1 - BM25_B + BM25_B * len / avgdl));
}

double champion_weight(unsigned tf, unsigned len, double avgdl);
/* Weighs v with avgdl and sorts it best first. */
void champion_sort(struct champion *v, size_t n, double avgdl);
int champion_id_cmp(const void *a, const void *b);
/* The rows and tokens of the index, and so its average passage length. */
/*
 * The length of passage id in tokens, read through the blob handle *b
 * (NULL at first; the caller closes it): an SQLite result code.
 */
int champion_docsize(struct store *st, sqlite3_blob **b, long long id,
    unsigned *len);
enum status champion_stats(struct store *st, long long *rows,
    long long *tokens, struct error *err);
enum status champion_avgdl(struct store *st, double *avgdl, struct error *err);
/* The query string of an index term as it is; newly allocated. */
char *champion_term_query(const char *term);
/*
 * At the beginning of a batch: the lengths kept are dropped when another
 * connection wrote since the batch before.  And the length of a passage
 * that the batch indexes, to keep them.
 */
enum status champion_lens_check(struct store *st, struct error *err);
void champion_len(struct store *st, long long passage, unsigned len);
/* Every passage with term, with its tf and len, from the index. */
enum status champion_postings(struct store *st, const char *term,
    struct champion **v, size_t *n, struct error *err);
/* term's list, best first as stored (w not set); empty when it has none. */
enum status champion_read(struct store *st, const char *term,
    struct champion **out, size_t *n, struct error *err);
/*
 * term, now in passages passages, takes batch (its best of a batch) into
 * its list, or drops the list at CHAMPION_FROM or fewer; forget takes
 * the passages gone (sorted) out of it.
 */
enum status champion_merge(struct store *st, const char *term,
    long long passages, const struct champion *batch, size_t n_batch,
    double avgdl, struct error *err);
enum status champion_forget(struct store *st, const char *term,
    const long long *gone, size_t n_gone, struct error *err);

/*
 * The vocabulary (store_vocab.c): between begin and end, the terms that
 * store_vocab_word is given (word: a word, not a stem at its place),
 * each counted once per passage (a passage begins at
 * store_vocab_passage); save adds the counts to the table and merges
 * the champion lists.  ids tells which passages the index is about to
 * read, in order: those after after up to upto.
 */
void store_vocab_begin(struct store *st);
enum status store_vocab_ids(struct store *st, long long after, long long upto,
    struct error *err);
void store_vocab_passage(struct store *st);
void store_vocab_word(struct store *st, const char *term, size_t len,
    bool word);
enum status store_vocab_save(struct store *st, struct error *err);
/*
 * The other way: takes the counts off the table, for passages that went
 * (taking them out of the index hands their words to the tokenizer), drops
 * the words no passage has any more, and takes the passages gone (ids,
 * given by store_vocab_gone, which keeps and sorts them) out of the
 * champion lists.
 */
void store_vocab_gone(struct store *st, long long *ids, size_t n);
enum status store_vocab_forget(struct store *st, struct error *err);
void store_vocab_end(struct store *st);

/* ------------------------------------------------------------------ errors */

/*
 * The status and message for a failed SQLite call: rc is its result code,
 * what says what naast was doing (N_("storing the passages"): it is said
 * through gettext here).
 */
static inline enum status
db_fail(struct store *st, int rc, const char *what, struct error *err)
{
	const char *msg = sqlite3_errmsg(st->db);

	switch (rc & 0xff) {
	case SQLITE_NOMEM:
		/*
		 * Ends naast as a failed xmalloc does: going on would fail the
		 * next file, and the next, each with a line of its own.  What
		 * the open transaction wrote is rolled back when the database
		 * is next opened (its WAL frames were never committed).
		 */
		xalloc_fail();
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return error_set(err, STATUS_DB_BUSY,
		    "the database '%s' is busy (another naast is writing to it; try again in a moment)",
		    st->path);
	case SQLITE_READONLY:
		return error_set(err, STATUS_DB,
		    "the database '%s' is read-only (check its permissions, or use --db with a file you can write)",
		    st->path);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
	case SQLITE_TOOBIG:	/* a damaged record: store.c's first_read */
		return error_set(err, STATUS_DB,
		    "the database '%s' is damaged (%s): move it away and import the documents again",
		    st->path, msg);
	case SQLITE_CANTOPEN:
		return error_set(err, STATUS_DB,
		    "cannot open the database '%s' (%s): check that its directory exists and that you may write there",
		    st->path, msg);
	case SQLITE_FULL:
		return error_set(err, STATUS_DB,
		    "the disk holding '%s' is full: free some space and try again",
		    st->path);
	case SQLITE_IOERR:
		/*
		 * Most often a write that the disk or a file size limit
		 * refused, which is full too; a failed read says so.
		 */
		return error_set(err, STATUS_DB,
		    rc == SQLITE_IOERR_READ || rc == SQLITE_IOERR_SHORT_READ ?
		    N_("cannot read the database '%s' while %s (%s): the disk may be full or failing; free some space and try again") :
		    N_("cannot write the database '%s' while %s (%s): the disk may be full or failing; free some space and try again"),
		    st->path, _(what),

		    sqlite3_system_errno(st->db) ?
		    strerror(sqlite3_system_errno(st->db)) : msg);
	default:
		return error_set(err, STATUS_DB, "database error on '%s' while %s: %s",
		    st->path, _(what), msg);
	}
}
/* -------------------------------------------------------- statement helpers */

/*
 * The prepared statement for id; NULL when it cannot be, with err set and
 * the status in st->prepare_failure (a busy database is not a broken one).
 */
static inline sqlite3_stmt *
sql(struct store *st, enum sql_id id, struct error *err)
{
	int rc;

	if (st->stmt[id])
		return st->stmt[id];
	rc = sqlite3_prepare_v3(st->db, store_sql_text[id], -1, SQLITE_PREPARE_PERSISTENT,
	    &st->stmt[id], NULL);
	if (rc != SQLITE_OK) {
		st->prepare_failure = db_fail(st, rc, N_("preparing a query"), err);
		sqlite3_finalize(st->stmt[id]);
		st->stmt[id] = NULL;
	}
	return st->stmt[id];
}

/* Makes a statement ready for its next use, whatever happened in this one. */
static inline void
done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

static inline void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* An empty string (an unknown date, an unknown ministry) is stored as NULL. */
static inline void
bind_text_or_null(sqlite3_stmt *s, int i, const char *v)
{
	bind_text(s, i, v && *v ? v : NULL);
}

/* Zero (an unknown aanhangsel, no set) is stored as NULL. */
static inline void
bind_id_or_null(sqlite3_stmt *s, int i, long long v)
{
	if (v)
		sqlite3_bind_int64(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

/* Steps s once for what it does (a row it gives is dropped); resets it. */
static inline enum status
run(struct store *st, sqlite3_stmt *s, const char *what, struct error *err)
{
	int rc = sqlite3_step(s);
	enum status status = STATUS_OK;

	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		status = db_fail(st, rc, what, err);
	done(s);
	return status;
}

/* Runs the statement id with ?1 = v, or with no parameter when v is 0. */
static inline enum status
run_on(struct store *st, enum sql_id id, long long v, const char *what,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, id, err);

	if (!s)
		return st->prepare_failure;
	if (v)
		sqlite3_bind_int64(s, 1, v);
	return run(st, s, what, err);
}

/* Runs the statement id, which takes no parameters. */
static inline enum status
run_id(struct store *st, enum sql_id id, const char *what, struct error *err)
{
	sqlite3_stmt *s = sql(st, id, err);

	return s ? run(st, s, what, err) : st->prepare_failure;
}

/*
 * Steps s once; *found tells whether it gave a row.  s is left for the
 * caller to read and done(), unless the step failed: then it is reset.
 */
static inline enum status
step_row(struct store *st, sqlite3_stmt *s, bool *found, const char *what,
    struct error *err)
{
	int rc = sqlite3_step(s);
	enum status status = STATUS_OK;

	*found = rc == SQLITE_ROW;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		status = db_fail(st, rc, what, err);
		done(s);
	}
	return status;
}

/* The first column of the one row statement q gives for text v: *id, 0 when none. */
static inline enum status
id_of_text(struct store *st, enum sql_id q, const char *v, long long *id,
    const char *what, struct error *err)
{
	sqlite3_stmt *s = sql(st, q, err);
	enum status status;
	bool found;

	*id = 0;
	if (!s)
		return st->prepare_failure;
	bind_text(s, 1, v);
	status = step_row(st, s, &found, what, err);
	if (status == STATUS_OK) {
		if (found)
			*id = sqlite3_column_int64(s, 0);
		done(s);
	}
	return status;
}

static inline char *
col_strdup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v ? xstrdup((const char *)v) : NULL;
}

/* Copies a text column into a fixed buffer; NULL gives "". */
static inline void
col_copy(sqlite3_stmt *s, int i, char *buf, size_t size)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	snprintf(buf, size, "%s", v ? (const char *)v : "");
}

/*
 * A read of several queries sees one snapshot.  Ends with read_end,
 * which never fails: a read transaction has nothing to lose.
 */
static inline enum status
read_begin(struct store *st, struct error *err)
{
	return run_id(st, SQL_BEGIN, N_("starting a read"), err);
}

static inline void
read_end(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		run_id(st, SQL_COMMIT, N_("ending a read"), NULL);
}

#endif
