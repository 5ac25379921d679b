/*
 * store: naast's SQLite database.  See store.h for the contract and
 * store_db.h for how the store's files share their statements.
 *
 * This file: the schema (one string per version), the table of SQL
 * statements (prepared once per connection, on first use), opening and
 * migrating.
 */
#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "store_db.h"
#include "text.h"
#include "xalloc.h"

/* ------------------------------------------------------------------ schema */

#define SCHEMA_VERSION 2

/* The triggers that keep the external-content FTS5 table T in step. */
#define FTS_TRIGGERS(T) \
	"CREATE TRIGGER " T "_delete AFTER DELETE ON passage BEGIN" \
	"  INSERT INTO " T " (" T ", rowid, text)" \
	"    VALUES ('delete', old.id, old.text);" \
	"END;" \
	"CREATE TRIGGER " T "_update AFTER UPDATE OF text ON passage BEGIN" \
	"  INSERT INTO " T " (" T ", rowid, text)" \
	"    VALUES ('delete', old.id, old.text);" \
	"  INSERT INTO " T " (rowid, text) VALUES (new.id, new.text);" \
	"END;"

/*
 * Version 1.  Child rows that exist only for their document cascade with
 * it; "ord" columns keep the order a document gave.  Long text is the
 * last column of its row: SQLite reads a row's columns in order, through
 * the overflow pages of a long value, so a search that joins a hit to
 * its document's ministry would otherwise read the whole raw file.
 * Dates are ISO text or NULL; aanhangsel numbers NULL when unknown.  The
 * FTS5 tables index passage.text as external content.  An import fills
 * them once per transaction, as its last statements (SQL_FTS_FILL_*,
 * store_import.c): FTS5 writes its pending terms to disk at every
 * statement savepoint, so a trigger per passage left a tiny segment per
 * passage in each index, merged over and over (most of the import's
 * time).  Triggers keep them in step when a passage changes or goes.
 */
static const char schema_v1[] =
	"CREATE TABLE question_set ("
	"  id INTEGER PRIMARY KEY,"
	"  match_key TEXT NOT NULL UNIQUE,"	/* questioners, submitted, subject folded */
	"  subject TEXT NOT NULL,"
	"  submitted TEXT NOT NULL,"		/* ISO date, '' when unknown */
	"  n_questions INTEGER NOT NULL DEFAULT 0,"
	"  aanhangsel INTEGER"			/* of the first publication */
	");"
	"CREATE INDEX question_set_submitted ON question_set (submitted, id);"

	"CREATE TABLE set_questioner ("
	"  set_id INTEGER NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  party TEXT,"
	"  PRIMARY KEY (set_id, ord)"
	");"
	"CREATE TABLE set_addressed ("
	"  set_id INTEGER NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  ministry TEXT NOT NULL,"
	"  PRIMARY KEY (set_id, ord)"
	");"

	"CREATE TABLE document ("
	"  id INTEGER PRIMARY KEY,"
	"  sha256 TEXT NOT NULL UNIQUE,"
	"  origin TEXT NOT NULL,"
	"  format TEXT,"
	"  kind TEXT NOT NULL,"
	"  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  set_id INTEGER REFERENCES question_set (id),"
	"  ministry TEXT,"
	"  received TEXT,"
	"  aanhangsel INTEGER,"
	"  n_vragen INTEGER NOT NULL DEFAULT 0,"
	"  salutation TEXT,"
	"  closing TEXT,"
	"  epigraph_author TEXT,"
	"  raw TEXT NOT NULL"		/* last: see the note above */
	");"
	"CREATE INDEX document_set ON document (set_id);"
	"CREATE INDEX document_kind ON document (kind, id);"
	"CREATE INDEX document_aanhangsel ON document (aanhangsel);"

	"CREATE TABLE signatory ("
	"  id INTEGER PRIMARY KEY,"
	"  document INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  role TEXT,"
	"  ministry TEXT,"
	"  portfolio TEXT,"			/* "Fiscaliteit en Douane" */
	"  UNIQUE (document, ord)"
	");"
	"CREATE TABLE signatory_on_behalf_of ("
	"  signatory INTEGER NOT NULL REFERENCES signatory (id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  ministry TEXT NOT NULL,"
	"  PRIMARY KEY (signatory, ord)"
	");"
	"CREATE TABLE letter_addressee ("
	"  document INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (document, ord)"
	");"

	"CREATE TABLE question ("
	"  id INTEGER PRIMARY KEY,"
	"  set_id INTEGER NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,"
	"  number INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"			/* canonical: as first imported */
	"  document INTEGER REFERENCES document (id) ON DELETE SET NULL,"
	"  UNIQUE (set_id, number)"
	");"
	"CREATE INDEX question_document ON question (document);"
	"CREATE TABLE question_variant ("
	"  id INTEGER PRIMARY KEY,"
	"  question INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,"
	"  document INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
	"  text TEXT NOT NULL,"
	"  UNIQUE (question, document)"
	");"
	"CREATE INDEX question_variant_document ON question_variant (document);"
	"CREATE TABLE answer ("
	"  id INTEGER PRIMARY KEY,"
	"  document INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
	"  question INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,"
	"  ministry TEXT,"
	"  UNIQUE (document, question)"
	");"
	"CREATE INDEX answer_question ON answer (question);"

	"CREATE TABLE passage ("
	"  id INTEGER PRIMARY KEY,"
	"  document INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  role TEXT NOT NULL,"
	"  vraag INTEGER NOT NULL DEFAULT 0,"
	"  vraag_to INTEGER NOT NULL DEFAULT 0,"
	"  raw_start INTEGER NOT NULL,"		/* bytes of document.raw */
	"  raw_end INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  UNIQUE (document, seq),"
	"  CHECK (raw_start <= raw_end)"
	");"
	"CREATE INDEX passage_vraag ON passage (document, role, vraag);"
	/* A passage's footnotes; the passage's text has lost their markers. */
	"CREATE TABLE footnote ("
	"  id INTEGER PRIMARY KEY,"
	"  passage INTEGER NOT NULL REFERENCES passage (id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  marker TEXT NOT NULL,"		/* as printed: "1" */
	"  text TEXT NOT NULL,"
	"  text_at INTEGER NOT NULL,"		/* bytes of passage.text before the marker */
	"  raw_start INTEGER NOT NULL,"		/* bytes of document.raw */
	"  raw_end INTEGER NOT NULL,"
	"  UNIQUE (passage, ord)"
	");"

	/* A reference from a passage: to vraag N of the same set, or to a publication. */
	"CREATE TABLE xref ("
	"  id INTEGER PRIMARY KEY,"
	"  passage INTEGER NOT NULL REFERENCES passage (id) ON DELETE CASCADE,"
	"  text_start INTEGER NOT NULL,"	/* bytes of passage.text */
	"  text_end INTEGER NOT NULL,"
	"  vraag INTEGER,"
	"  pub_nr INTEGER,"
	"  pub_year TEXT,"			/* vergaderjaar as written */
	"  pub_year_first INTEGER,"		/* its first year, for matching */
	"  resolved INTEGER REFERENCES document (id) ON DELETE SET NULL,"
	"  CHECK ((vraag IS NULL) <> (pub_nr IS NULL))"
	");"
	"CREATE INDEX xref_passage ON xref (passage);"
	"CREATE INDEX xref_pub ON xref (pub_nr) WHERE pub_nr IS NOT NULL;"
	"CREATE INDEX xref_resolved ON xref (resolved);"
	/* A document's "Zie ook Aanhangsel Handelingen ..., nr. 1047". */
	"CREATE TABLE pubref ("
	"  id INTEGER PRIMARY KEY,"
	"  document INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  nr INTEGER NOT NULL,"
	"  year TEXT,"
	"  year_first INTEGER,"
	"  resolved INTEGER REFERENCES document (id) ON DELETE SET NULL,"
	"  UNIQUE (document, ord)"
	");"
	"CREATE INDEX pubref_nr ON pubref (nr);"
	"CREATE INDEX pubref_resolved ON pubref (resolved);"

	/* The user's basket. */
	"CREATE TABLE selection ("
	"  id INTEGER PRIMARY KEY,"
	"  passage INTEGER NOT NULL UNIQUE REFERENCES passage (id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  note TEXT"
	");"
	"CREATE INDEX selection_ord ON selection (ord);"

	/*
	 * What the interface lists: one row per question set and one per
	 * document without a set, with what a row shows, so that a page is one
	 * index range scan and no join.  The store keeps it in step inside the
	 * import transaction.  Each order has its own key column, unique by
	 * construction because the row id ends it (zero-padded, so that text
	 * order is number order): a keyset page then starts with one seek on a
	 * single value, where a (key, id) pair would make SQLite seek on the
	 * key alone and step over every row that shares it (all the undated
	 * letters, say).  Dates in keys are ISO or empty, and an empty one
	 * sorts below every date, hence last in the newest-first orders.
	 * search is the folded text that the filter matches (text_fold with TEXT_FOLD_CASE | TEXT_FOLD_MARKS); each
	 * index holds it too, so that a filter that matches few rows tests
	 * them in the index and reads only the matching rows (ten times faster
	 * on 100,000 rows than reading each row in key order).
	 */
	"CREATE TABLE library ("
	"  id INTEGER PRIMARY KEY,"
	"  set_id INTEGER UNIQUE REFERENCES question_set (id) ON DELETE CASCADE,"
	"  document INTEGER UNIQUE REFERENCES document (id) ON DELETE CASCADE,"
	"  doc_kind TEXT,"			/* of a document; NULL for a set */
	"  title TEXT NOT NULL,"
	"  who TEXT NOT NULL DEFAULT '',"
	"  submitted TEXT NOT NULL DEFAULT '',"
	"  received TEXT NOT NULL DEFAULT '',"	/* the latest answer's */
	"  answered INTEGER NOT NULL DEFAULT 0,"
	"  addressed INTEGER NOT NULL DEFAULT 0,"
	"  n_questions INTEGER NOT NULL DEFAULT 0,"
	"  key_submitted TEXT NOT NULL,"	/* submitted, ' ', id: read DESC */
	"  key_received TEXT NOT NULL,"		/* received, ' ', id: read DESC */
	"  key_subject TEXT NOT NULL,"		/* folded title, \x01, id: read ASC */
	"  search TEXT NOT NULL,"
	"  CHECK ((set_id IS NULL) <> (document IS NULL))"
	");"
	"CREATE INDEX library_by_submitted ON library (key_submitted, search);"
	"CREATE INDEX library_by_received ON library (key_received, search);"
	"CREATE INDEX library_by_subject ON library (key_subject, search);"

	/*
	 * Three full-text indexes over passage.text, all external content
	 * (the text is stored once, in passage) and all kept in step by the
	 * triggers below, one set per index:
	 *  - passage_fts: the words as written, case and diacritics aside;
	 *  - passage_stem: the same words through the Dutch Snowball stemmer
	 *    ("ambtenaar" and "ambtenaren" are one term), by the tokenizer
	 *    naast_stem that store_open registers (store_fts.c);
	 *  - passage_tri: trigrams, for parts of compounds ("uitslag" in
	 *    "verkiezingsuitslag"); case-insensitive, but not
	 *    diacritics-insensitive in SQLite 3.40.
	 * A connection that has not registered naast_stem (the sqlite3 shell,
	 * say) cannot read passage_stem, and cannot change passage either,
	 * since the triggers write to passage_stem: "no such tokenizer".  It
	 * can read every plain table and the other two indexes.
	 * The *_row tables are fts5vocab views of an index, one row per term,
	 * with the number of passages that have it: document frequencies for
	 * related passages (a term at a time; listing them all reads the
	 * whole index, hence the vocabulary table of version 2).
	 */
	"CREATE VIRTUAL TABLE passage_fts USING fts5 (text, content = 'passage',"
	"  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE VIRTUAL TABLE passage_stem USING fts5 (text, content = 'passage',"
	"  content_rowid = 'id', tokenize = '" STORE_STEM_TOKENIZER "');"
	"CREATE VIRTUAL TABLE passage_tri USING fts5 (text, content = 'passage',"
	"  content_rowid = 'id', tokenize = 'trigram');"
	"CREATE VIRTUAL TABLE passage_fts_row USING fts5vocab (passage_fts, row);"
	"CREATE VIRTUAL TABLE passage_stem_row USING fts5vocab (passage_stem, row);"
	FTS_TRIGGERS("passage_fts")
	FTS_TRIGGERS("passage_stem")
	FTS_TRIGGERS("passage_tri");

/*
 * Version 2: the words of passage_fts with the number of passages that
 * have each, for suggestions (store_vocab.c).  An import keeps it in step.
 */
static const char schema_v2[] =
	"CREATE TABLE vocabulary ("
	"  term TEXT PRIMARY KEY,"
	"  passages INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"INSERT INTO vocabulary (term, passages)"
	"  SELECT term, doc FROM passage_fts_row;";

/* Migrations: migrations[v] takes a database from version v to v + 1. */
static const char *const migrations[SCHEMA_VERSION] = {
	schema_v1,
	schema_v2,
};

/* -------------------------------------------------------------- statements */

/*
 * A document received within a vergaderjaar "Y–Y+1" (which runs from
 * September to September) matches a reference to that year; either side
 * unknown matches any year.  ?Y is the year_first, ?R the received date.
 */
#define YEAR_MATCHES(Y, R) \
	"(" Y " IS NULL OR " R " IS NULL OR " R " BETWEEN " \
	"printf('%04d-09-01', " Y ") AND printf('%04d-09-30', " Y " + 1))"

/*
 * References to publications live in two tables: pubref (a header's "Zie
 * ook Aanhangsel ..., nr. 1047") and xref (the same words inside an
 * answer).  Both are resolved by the same two rules, so that they cannot
 * drift apart: PUB_TARGET when the reference comes in (the first document
 * already here other than the referring one, SELF, with Aanhangsel number
 * NR of the vergaderjaar whose first year is YF), PUB_RESOLVE when the
 * publication comes in after it (?1 the new document, ?2 its Aanhangsel
 * number, ?3 its received date; NOT_SELF keeps the new document's own
 * references out).
 */
#define PUB_TARGET(NR, YF, SELF) \
	"(SELECT id FROM document WHERE aanhangsel = " NR " AND id <> " SELF \
	" AND " YEAR_MATCHES(YF, "received") " ORDER BY id LIMIT 1)"
#define PUB_RESOLVE(TABLE, NR, YF, NOT_SELF) \
	"UPDATE " TABLE " SET resolved = ?1 WHERE " NR " = ?2 AND resolved IS NULL" \
	" AND " NOT_SELF " AND " YEAR_MATCHES(YF, "?3")

/* A row's key in each order; n is its id. */
#define KEY_DATE(D, N) "printf('%s %019d', " D ", " N ")"
#define KEY_TITLE(T, N) T " || char(1) || printf('%019d', " N ")"

/* The answers of set ?1: the latest received date, '' when none. */
#define SET_RECEIVED \
	"coalesce((SELECT max(received) FROM document" \
	" WHERE set_id = ?1 AND kind = 'answer'), '')"

/* The columns of a struct library_row, in the order store_read.c reads them. */
#define LIBRARY_COLUMNS \
	"id, coalesce(set_id, document), set_id IS NOT NULL, doc_kind, title," \
	" who, submitted, received, answered, addressed, n_questions"

/*
 * The filter: up to LIBRARY_WORDS LIKE patterns in ?1..?8, each NULL when
 * unused.  An unused one costs a comparison with NULL per row, and one
 * statement serves every number of words.
 */
#define LIKE_WORD(N) "(" N " IS NULL OR search LIKE " N " ESCAPE '\\')"
#define LIBRARY_FILTER \
	LIKE_WORD("?1") " AND " LIKE_WORD("?2") " AND " LIKE_WORD("?3") " AND " \
	LIKE_WORD("?4") " AND " LIKE_WORD("?5") " AND " LIKE_WORD("?6") " AND " \
	LIKE_WORD("?7") " AND " LIKE_WORD("?8")

/*
 * A page in the order of KEY read in direction DIR, from the top or past
 * the key ?10 (CMP is < or >); ?9 is the limit.  The last column is the
 * row's key.
 */
#define LIBRARY_TOP(KEY, DIR) \
	"SELECT " LIBRARY_COLUMNS ", " KEY " FROM library WHERE " \
	LIBRARY_FILTER " ORDER BY " KEY " " DIR " LIMIT ?9"
#define LIBRARY_PAST(KEY, CMP, DIR) \
	"SELECT " LIBRARY_COLUMNS ", " KEY " FROM library WHERE " \
	KEY " " CMP " ?10 AND " LIBRARY_FILTER " ORDER BY " KEY " " DIR \
	" LIMIT ?9"

/*
 * Full-text search.  A hit is a passage with its tier (2: the exact
 * index found it, 1: only the stemmed one, 0: only the trigrams) and its
 * bm25 in the index that found it (lower is better).  HIT_COLUMNS are
 * what store_search.c reads, in this order; the date of a document is
 * its received date, else its set's submitted date; the text is read
 * only for trigram hits, whose snippets store_search.c makes itself.
 */
#define HIT_DATE "coalesce(d.received, nullif(s.submitted, ''))"
#define HIT_COLUMNS_OF(TIER, R, TEXT) \
	"p.id, p.document, d.set_id, p.vraag, p.role, d.kind, d.ministry, " \
	HIT_DATE ", d.origin, " TIER ", " R ", " TEXT
#define HIT_COLUMNS \
	HIT_COLUMNS_OF("hit.tier", "hit.r", "CASE WHEN hit.tier = 0 THEN p.text END")
#define HIT_JOIN_TO(T) \
	" JOIN passage p ON p.id = " T \
	" JOIN document d ON d.id = p.document" \
	" LEFT JOIN question_set s ON s.id = d.set_id"
#define HIT_JOIN " FROM hit" HIT_JOIN_TO("hit.id")

/*
 * ?1 the FTS5 query for the word indexes, ?2 the one for the trigrams.
 * The filters, each NULL when unused: ?3 ministry code, ?4 questioner
 * and ?5 party (folded by library_fold, as naast_fold folds the
 * columns), ?6 and ?7 the first and last date, ?8 the document kind.
 * ?9 true sorts by date, newest first; ?10 is the limit.
 */
#define SEARCH_FILTER \
	" (?3 IS NULL OR d.ministry = ?3 COLLATE NOCASE)" \
	" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM set_questioner q" \
	"  WHERE q.set_id = d.set_id AND naast_fold(q.name) = ?4))" \
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM set_questioner q" \
	"  WHERE q.set_id = d.set_id AND naast_fold(q.party) = ?5))" \
	" AND (?6 IS NULL OR " HIT_DATE " >= ?6)" \
	" AND (?7 IS NULL OR " HIT_DATE " <= ?7)" \
	" AND (?8 IS NULL OR d.kind = ?8)"

/*
 * By rank, one index at a time (store_search.c asks the stem index only
 * when the exact one has fewer hits than asked for; the stem index leaves
 * out what the exact one finds).  Scoring is bounded: of a word in more
 * passages than ?11 (STORE_RANKED), only the ?11 newest (the last
 * imported) are scored, so that a common word costs the same in a
 * hundred thousand documents as in ten thousand.
 *
 * Without a filter, FTS5 sorts the matches by rank itself, within the
 * rowids of the newest ?11, and the joins run row by row up to the
 * ?10th, making the snippets for those rows alone.  With one (and for the
 * stem index), the newest ?11 matches are joined and filtered, and only
 * those that pass are scored (FTS5's own sort would score every match
 * before the filter); when fewer than ?10 pass, store_search.c asks
 * again of all the matches, scoring the newest ?11 that pass.  Joining a
 * match costs a microsecond or so: every match of a common word, a tenth
 * of a second on the archive.  store_search.c makes these snippets.
 */
#define FTS_SNIPPET(T) "snippet(" T ", 0, '[', ']', '\u2026', 32)"
#define NEWEST(T) \
	" AND f.rowid >= coalesce((SELECT rowid FROM " T " WHERE " T " MATCH ?1" \
	"  ORDER BY rowid DESC LIMIT 1 OFFSET ?11 - 1), 0)"
#define SEARCH_TOP(T, TIER) \
	"SELECT " HIT_COLUMNS_OF(TIER, "f.rank", "NULL") ", " FTS_SNIPPET(T) \
	" FROM " T " f" HIT_JOIN_TO("f.rowid") \
	" WHERE " T " MATCH ?1 AND f.rank MATCH 'naast_bm25()'" NEWEST(T) \
	" ORDER BY f.rank LIMIT ?10"
#define NOT_EXACT \
	" AND f.rowid NOT IN (SELECT rowid FROM passage_fts" \
	"  WHERE passage_fts MATCH ?1)"
#define SCORED(T, TIER) \
	"SELECT " HIT_COLUMNS_OF(TIER, "naast_bm25(" T ") AS r", "NULL") \
	" FROM " T " f" HIT_JOIN_TO("f.rowid") " WHERE " T " MATCH ?1"
#define SEARCH_NEWEST(T, TIER, WHERE) \
	SCORED(T, TIER) NEWEST(T) WHERE " AND " SEARCH_FILTER \
	" ORDER BY r, 1 LIMIT ?10"
#define SEARCH_FILTERED(T, TIER, WHERE) \
	"SELECT * FROM (" SCORED(T, TIER) WHERE " AND " SEARCH_FILTER \
	" ORDER BY f.rowid DESC LIMIT ?11) ORDER BY r, 1 LIMIT ?10"

/*
 * By date, and the trigram search: every match, sorted after the join.
 * The CTEs are materialized so that each index is searched once: a
 * passage the exact index found is not looked for again in the others.
 */
#define SEARCH_WORDS_CTE \
	"WITH exact (id, r) AS MATERIALIZED (" \
	"  SELECT rowid, naast_bm25(passage_fts) FROM passage_fts" \
	"  WHERE passage_fts MATCH ?1)," \
	" stem (id, r) AS MATERIALIZED (" \
	"  SELECT rowid, naast_bm25(passage_stem) FROM passage_stem" \
	"  WHERE passage_stem MATCH ?1 AND rowid NOT IN (SELECT id FROM exact)),"
#define SEARCH_WORDS_HITS \
	"SELECT id, 2, r FROM exact UNION ALL SELECT id, 1, r FROM stem"
#define SEARCH_TRIGRAM_HITS \
	" UNION ALL SELECT rowid, 0, naast_bm25(passage_tri) FROM passage_tri" \
	" WHERE passage_tri MATCH ?2 AND rowid NOT IN (SELECT id FROM exact)" \
	" AND rowid NOT IN (SELECT id FROM stem)"
#define SEARCH_SELECT(HITS) \
	SEARCH_WORDS_CTE " hit (id, tier, r) AS (" HITS ")" \
	" SELECT " HIT_COLUMNS HIT_JOIN " WHERE " SEARCH_FILTER \
	" ORDER BY CASE WHEN ?9 THEN " HIT_DATE " END DESC NULLS LAST," \
	" hit.tier DESC, hit.r, p.id LIMIT ?10"

/* The snippet of passage ?2 for the query ?1; matches marked [so]. */
#define SNIPPET(T) \
	"SELECT snippet(" T ", 0, '[', ']', '\u2026', 32) FROM " T \
	" WHERE " T " MATCH ?1 AND rowid = ?2"

/*
 * The ministries that have answered set SET: those of its answers, and
 * those an answer was given "mede namens"; an answer of an unknown
 * ministry counts once as itself.
 */
#define SET_ANSWERING(SET) \
	"SELECT coalesce(ministry, '#' || id) FROM document" \
	" WHERE set_id = " SET " AND kind = 'answer'" \
	" UNION SELECT o.ministry FROM signatory_on_behalf_of o" \
	" JOIN signatory g ON g.id = o.signatory" \
	" JOIN document d ON d.id = g.document" \
	" WHERE d.set_id = " SET " AND d.kind = 'answer'"

const char *const store_sql_text[N_SQL] = {
	[SQL_BEGIN] = "BEGIN",
	[SQL_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
	[SQL_COMMIT] = "COMMIT",
	[SQL_ROLLBACK] = "ROLLBACK",
	[SQL_SAVEPOINT] = "SAVEPOINT document",
	[SQL_RELEASE] = "RELEASE document",
	[SQL_ROLLBACK_TO] = "ROLLBACK TO document",
	[SQL_PASSAGE_LAST] = "SELECT coalesce(max(id), 0) FROM passage",

	[SQL_DOC_BY_SHA] =
	    "SELECT id, kind, ministry, set_id, n_vragen FROM document"
	    " WHERE sha256 = ?1",
	[SQL_SET_BY_KEY] = "SELECT id FROM question_set WHERE match_key = ?1",
	[SQL_SET_INSERT] =
	    "INSERT INTO question_set (match_key, subject, submitted)"
	    " VALUES (?1, ?2, ?3)",
	[SQL_QUESTIONER_INSERT] =
	    "INSERT INTO set_questioner (set_id, ord, name, party)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[SQL_ADDRESSED_INSERT] =
	    "INSERT INTO set_addressed (set_id, ord, ministry) VALUES (?1, ?2, ?3)",
	[SQL_DOC_INSERT] =
	    "INSERT INTO document (sha256, origin, format, kind, raw, set_id,"
	    " ministry, received, aanhangsel, n_vragen, salutation, closing,"
	    " epigraph_author)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	[SQL_SIGNATORY_INSERT] =
	    "INSERT INTO signatory (document, ord, name, role, ministry, portfolio)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[SQL_ON_BEHALF_INSERT] =
	    "INSERT INTO signatory_on_behalf_of (signatory, ord, ministry)"
	    " VALUES (?1, ?2, ?3)",
	[SQL_ADDRESSEE_INSERT] =
	    "INSERT INTO letter_addressee (document, ord, name) VALUES (?1, ?2, ?3)",
	[SQL_PASSAGE_INSERT] =
	    "INSERT INTO passage (document, seq, role, vraag, vraag_to, text,"
	    " raw_start, raw_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[SQL_FOOTNOTE_INSERT] =
	    "INSERT INTO footnote (passage, ord, marker, text, text_at,"
	    " raw_start, raw_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[SQL_XREF_INSERT] =
	    "INSERT INTO xref (passage, text_start, text_end, vraag)"
	    " VALUES (?1, ?2, ?3, ?4)",
	/* ?7: the document of the passage. */
	[SQL_XREF_PUB_INSERT] =
	    "INSERT INTO xref (passage, text_start, text_end, pub_nr, pub_year,"
	    " pub_year_first, resolved) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    PUB_TARGET("?4", "?6", "?7") ")",
	[SQL_PUBREF_INSERT] =
	    "INSERT INTO pubref (document, ord, nr, year, year_first, resolved)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, " PUB_TARGET("?3", "?5", "?1") ")",
	[SQL_PUBREF_RESOLVE] =
	    PUB_RESOLVE("pubref", "nr", "year_first", "document <> ?1"),
	[SQL_XREF_RESOLVE] =
	    PUB_RESOLVE("xref", "pub_nr", "pub_year_first",
	    "passage NOT IN (SELECT id FROM passage WHERE document = ?1)"),
	[SQL_QUESTION_GET] =
	    "SELECT id, text FROM question WHERE set_id = ?1 AND number = ?2",
	[SQL_QUESTION_INSERT] =
	    "INSERT INTO question (set_id, number, text, document)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[SQL_QUESTION_SET_TEXT] =
	    "UPDATE question SET text = ?2, document = ?3 WHERE id = ?1",
	[SQL_VARIANT_INSERT] =
	    "INSERT INTO question_variant (question, document, text)"
	    " VALUES (?1, ?2, ?3)",
	[SQL_ANSWER_INSERT] =
	    "INSERT INTO answer (document, question, ministry) VALUES (?1, ?2, ?3)",
	[SQL_SET_UPDATE] =
	    "UPDATE question_set SET n_questions = max(n_questions, ?2),"
	    " aanhangsel = (SELECT aanhangsel FROM document WHERE set_id = ?1"
	    "  AND aanhangsel IS NOT NULL"
	    "  ORDER BY received IS NULL, received, aanhangsel LIMIT 1)"
	    " WHERE id = ?1",

	[SQL_SETS_FIRST] =
	    "SELECT " SET_COLUMNS " FROM question_set"
	    " ORDER BY submitted DESC, id DESC LIMIT ?1",
	[SQL_SETS_AFTER] =
	    "SELECT " SET_COLUMNS " FROM question_set"
	    " WHERE (submitted, id) < (?1, ?2)"
	    " ORDER BY submitted DESC, id DESC LIMIT ?3",
	[SQL_SET_BY_ID] = "SELECT " SET_COLUMNS " FROM question_set WHERE id = ?1",
	[SQL_SET_QUESTIONERS] =
	    "SELECT name, party FROM set_questioner WHERE set_id = ?1 ORDER BY ord",
	[SQL_SET_ADDRESSED] =
	    "SELECT ministry FROM set_addressed WHERE set_id = ?1 ORDER BY ord",
	[SQL_SET_ANSWERS] =
	    "SELECT id, ministry, received, aanhangsel FROM document"
	    " WHERE set_id = ?1 AND kind = 'answer'"
	    " ORDER BY received IS NULL, received, ministry, id",
	/* The mededelingen of set ?1: delays, answers given elsewhere. */
	[SQL_SET_NOTICES] =
	    "SELECT id, ministry, received, aanhangsel FROM document"
	    " WHERE set_id = ?1 AND kind = 'mededeling'"
	    " ORDER BY received IS NULL, received, ministry, id",
	[SQL_FOOTNOTES] =
	    "SELECT marker, text, text_at FROM footnote WHERE passage = ?1"
	    " ORDER BY ord",
	[SQL_QUESTIONS] =
	    "SELECT id, number, text FROM question"
	    " WHERE set_id = ?1 AND (?2 = 0 OR number = ?2) ORDER BY number",
	[SQL_ANSWER_EXISTS] =
	    "SELECT 1 FROM answer WHERE document = ?1 AND question = ?2",
	[SQL_SIGNATORIES] =
	    "SELECT id, name, role, ministry, portfolio FROM signatory"
	    " WHERE document = ?1 ORDER BY ord",
	[SQL_ON_BEHALF] =
	    "SELECT ministry FROM signatory_on_behalf_of WHERE signatory = ?1"
	    " ORDER BY ord",
	[SQL_PARAGRAPHS] =
	    "SELECT id, text, vraag, vraag_to FROM passage WHERE document = ?1"
	    " AND role = 'antwoord' AND vraag <= ?2 AND vraag_to >= ?2"
	    " ORDER BY seq",
	[SQL_REFS] =
	    "SELECT x.vraag FROM passage p JOIN xref x ON x.passage = p.id"
	    " WHERE p.document = ?1 AND p.role = 'antwoord'"
	    " AND p.vraag <= ?2 AND p.vraag_to >= ?2 AND x.vraag IS NOT NULL"
	    " ORDER BY p.seq, x.text_start, x.id",
	[SQL_LETTERS] =
	    "SELECT d.id, d.origin, d.salutation, d.closing,"
	    " (SELECT count(*) FROM passage p"
	    "  WHERE p.document = d.id AND p.role = 'body'), d.kind"
	    " FROM document d WHERE d.kind IN ('letter', 'unknown') AND d.id > ?1"
	    " ORDER BY d.id LIMIT ?2",
	[SQL_ADDRESSEES] =
	    "SELECT name FROM letter_addressee WHERE document = ?1 ORDER BY ord",
	[SQL_IS_EMPTY] = "SELECT NOT EXISTS (SELECT 1 FROM document)",
	[SQL_COUNT_MATCHES] =
	    "SELECT count(*) FROM passage_fts WHERE passage_fts MATCH ?1",

	/* ?1 set, ?2 document, ?3 doc_kind, ?4 title, ?5 who, ?6 submitted,
	 * ?7 search, ?8 folded title. */
	[SQL_LIBRARY_INSERT] =
	    "INSERT INTO library (id, set_id, document, doc_kind, title, who,"
	    " submitted, search, key_submitted, key_received, key_subject)"
	    " SELECT n, ?1, ?2, ?3, ?4, ?5, ?6, ?7, " KEY_DATE("?6", "n") ","
	    " " KEY_DATE("''", "n") ", " KEY_TITLE("?8", "n")
	    " FROM (SELECT coalesce(max(id), 0) + 1 AS n FROM library)",
	/* ?1 set, ?2 the answering ministry folded, or NULL. */
	[SQL_LIBRARY_SET_UPDATE] =
	    "UPDATE library SET"
	    " answered = (SELECT count(*) FROM (" SET_ANSWERING("?1") ")),"
	    " addressed = (SELECT count(*) FROM set_addressed WHERE set_id = ?1),"
	    " n_questions = (SELECT n_questions FROM question_set WHERE id = ?1),"
	    " received = " SET_RECEIVED ","
	    " key_received = " KEY_DATE(SET_RECEIVED, "id") ","
	    " search = CASE WHEN ?2 IS NULL"
	    "  OR instr(' ' || search || ' ', ' ' || ?2 || ' ') > 0"
	    "  THEN search ELSE search || ' ' || ?2 END"
	    " WHERE set_id = ?1",
	[SQL_LIBRARY_KEYS] =
	    "SELECT key_submitted, key_received, key_subject FROM library"
	    " WHERE id = ?1",
	[SQL_LIBRARY_COUNT] = "SELECT count(*) FROM library WHERE " LIBRARY_FILTER,
	[SQL_LIBRARY_COUNT_ALL] = "SELECT count(*) FROM library",
	[SQL_LIBRARY_SUBMITTED_TOP] = LIBRARY_TOP("key_submitted", "DESC"),
	[SQL_LIBRARY_SUBMITTED_AFTER] =
	    LIBRARY_PAST("key_submitted", "<", "DESC"),
	[SQL_LIBRARY_SUBMITTED_BOTTOM] = LIBRARY_TOP("key_submitted", "ASC"),
	[SQL_LIBRARY_SUBMITTED_BEFORE] =
	    LIBRARY_PAST("key_submitted", ">", "ASC"),
	[SQL_LIBRARY_RECEIVED_TOP] = LIBRARY_TOP("key_received", "DESC"),
	[SQL_LIBRARY_RECEIVED_AFTER] = LIBRARY_PAST("key_received", "<", "DESC"),
	[SQL_LIBRARY_RECEIVED_BOTTOM] = LIBRARY_TOP("key_received", "ASC"),
	[SQL_LIBRARY_RECEIVED_BEFORE] = LIBRARY_PAST("key_received", ">", "ASC"),
	[SQL_LIBRARY_SUBJECT_TOP] = LIBRARY_TOP("key_subject", "ASC"),
	[SQL_LIBRARY_SUBJECT_AFTER] = LIBRARY_PAST("key_subject", ">", "ASC"),
	[SQL_LIBRARY_SUBJECT_BOTTOM] = LIBRARY_TOP("key_subject", "DESC"),
	[SQL_LIBRARY_SUBJECT_BEFORE] = LIBRARY_PAST("key_subject", "<", "DESC"),

	[SQL_DOCUMENT] =
	    "SELECT id, kind, origin, format, set_id, ministry, received"
	    " FROM document WHERE id = ?1",
	[SQL_DOCUMENT_PASSAGES] =
	    "SELECT id, role, vraag, text FROM passage WHERE document = ?1"
	    " ORDER BY seq",
	/*
	 * The references to other publications of document ?1's answer to
	 * vraag ?2: its header's, then those in the answer's paragraphs, each
	 * part in text order.
	 */
	[SQL_PUBREFS] =
	    "SELECT nr, year, year_first, resolved FROM ("
	    " SELECT 0 AS part, ord AS seq, 0 AS pos, id, nr, year, year_first,"
	    "  resolved FROM pubref WHERE document = ?1"
	    " UNION ALL"
	    " SELECT 1, p.seq, x.text_start, x.id, x.pub_nr, x.pub_year,"
	    "  x.pub_year_first, x.resolved"
	    "  FROM passage p JOIN xref x ON x.passage = p.id"
	    "  WHERE p.document = ?1 AND p.role = 'antwoord'"
	    "  AND p.vraag <= ?2 AND p.vraag_to >= ?2 AND x.pub_nr IS NOT NULL)"
	    " ORDER BY part, seq, pos, id",

	[SQL_SEARCH_WORDS] = SEARCH_SELECT(SEARCH_WORDS_HITS),
	[SQL_SEARCH_EXACT] = SEARCH_TOP("passage_fts", "2"),
	[SQL_SEARCH_EXACT_NEWEST] = SEARCH_NEWEST("passage_fts", "2", ""),
	[SQL_SEARCH_EXACT_FILTERED] = SEARCH_FILTERED("passage_fts", "2", ""),
	[SQL_SEARCH_STEM_NEWEST] = SEARCH_NEWEST("passage_stem", "1", NOT_EXACT),
	[SQL_SEARCH_STEM] = SEARCH_FILTERED("passage_stem", "1", NOT_EXACT),
	[SQL_SEARCH_SUBSTRING] =
	    SEARCH_SELECT(SEARCH_WORDS_HITS SEARCH_TRIGRAM_HITS),
	[SQL_SNIPPET_EXACT] = SNIPPET("passage_fts"),
	[SQL_SNIPPET_STEM] = SNIPPET("passage_stem"),
	/*
	 * The vocabulary of the exact index: is ?1 a word of it; add ?2
	 * passages to the count of ?1; its words of ?1 to ?2 characters, and
	 * in how many passages each is.
	 */
	[SQL_VOCAB_HAS] = "SELECT 1 FROM vocabulary WHERE term = ?1",
	[SQL_VOCAB_ADD] =
	    "INSERT INTO vocabulary (term, passages) VALUES (?1, ?2)"
	    " ON CONFLICT (term) DO UPDATE SET passages = passages + ?2",
	[SQL_VOCAB_TERMS] =
	    "SELECT term, passages FROM vocabulary"
	    " WHERE length(term) BETWEEN ?1 AND ?2",
	[SQL_RELATED_PASSAGE] = "SELECT text, document FROM passage WHERE id = ?1",
	[SQL_PASSAGE_COUNT] = "SELECT count(*) FROM passage",
	/* How many passages have the stem ?1. */
	[SQL_STEM_DOCS] = "SELECT doc FROM passage_stem_row WHERE term = ?1",
	/* Up to ?3 passages outside document ?2 that match ?1, best first. */
	[SQL_RELATED] =
	    "WITH hit (id, tier, r) AS MATERIALIZED ("
	    "  SELECT rowid, 1, bm25(passage_stem) FROM passage_stem"
	    "  WHERE passage_stem MATCH ?1)"
	    " SELECT " HIT_COLUMNS HIT_JOIN " WHERE p.document <> ?2"
	    " ORDER BY hit.r, p.id LIMIT ?3",

	/* ?1 set: its addressed ministries that no answer covers, in order. */
	[SQL_SET_UNANSWERED] =
	    "SELECT ministry FROM set_addressed WHERE set_id = ?1"
	    " AND ministry NOT IN (" SET_ANSWERING("?1") ") ORDER BY ord",
	[SQL_SET_ANSWERED] = "SELECT count(*) FROM (" SET_ANSWERING("?1") ")",
	/* The passages after ?1 into each full-text index, at once. */
	[SQL_FTS_FILL_WORDS] =
	    "INSERT INTO passage_fts (rowid, text)"
	    " SELECT id, text FROM passage WHERE id > ?1 ORDER BY id",
	[SQL_FTS_FILL_STEM] =
	    "INSERT INTO passage_stem (rowid, text)"
	    " SELECT id, text FROM passage WHERE id > ?1 ORDER BY id",
	[SQL_FTS_FILL_TRI] =
	    "INSERT INTO passage_tri (rowid, text)"
	    " SELECT id, text FROM passage WHERE id > ?1 ORDER BY id",
	[SQL_PASSAGE_EXISTS] = "SELECT 1 FROM passage WHERE id = ?1",
	[SQL_SELECT_ADD] =
	    "INSERT OR IGNORE INTO selection (passage, ord)"
	    " SELECT ?1, coalesce(max(ord), 0) + 1 FROM selection",
	[SQL_SELECT_REMOVE] = "DELETE FROM selection WHERE passage = ?1",
	[SQL_SELECT_CLEAR] = "DELETE FROM selection",
	[SQL_SELECT_NOTE] = "UPDATE selection SET note = ?2 WHERE passage = ?1",
	[SQL_SELECT_ORD] = "UPDATE selection SET ord = ?2 WHERE passage = ?1",
	[SQL_SELECTION] = "SELECT passage, note FROM selection ORDER BY ord, id",
	/* A passage and what its citation needs; ?1 passage. */
	[SQL_EXPORT_PASSAGE] =
	    "SELECT p.id, p.document, p.role, p.vraag, p.vraag_to, p.text,"
	    " d.kind, d.set_id, d.ministry, d.received, d.aanhangsel, d.origin,"
	    " CASE WHEN p.role = 'body' THEN (SELECT count(*) FROM passage b"
	    "  WHERE b.document = p.document AND b.role = 'body' AND b.seq <= p.seq)"
	    " ELSE 0 END,"
	    " (SELECT q.text FROM question q WHERE q.set_id = d.set_id"
	    "  AND q.number = p.vraag)"
	    " FROM passage p JOIN document d ON d.id = p.document WHERE p.id = ?1",
};

/* ------------------------------------------------------- opening, migration */

/* Runs one statement outside the cache; *value gets its first integer column. */
static enum status
exec_int(struct store *st, const char *text, long long *value, const char *what,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, text, -1, &s, NULL);

	if (rc != SQLITE_OK)
		return db_fail(st, rc, what, err);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && value)
		*value = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, rc, what, err);
	return STATUS_OK;
}

static enum status
migrate(struct store *st, struct error *err)
{
	long long version = 0, tables = 0;
	enum status status;
	char *errmsg = NULL;
	char pragma[64];
	int rc;

	status = run_id(st, SQL_BEGIN_IMMEDIATE, "preparing the database", err);
	if (status != STATUS_OK)
		return status;
	/* Another naast may have migrated while this one waited for the lock. */
	status = exec_int(st, "PRAGMA user_version", &version,
	    "reading the schema version", err);
	if (status == STATUS_OK && version == 0)
		status = exec_int(st, "SELECT count(*) FROM sqlite_master", &tables,
		    "reading the schema", err);
	if (status == STATUS_OK && version == 0 && tables > 0)
		status = error_set(err, STATUS_DB,
		    "'%s' is an SQLite database of another program, not naast's: use --db with another file",
		    st->path);
	for (; status == STATUS_OK && version < SCHEMA_VERSION; version++) {
		rc = sqlite3_exec(st->db, migrations[version], NULL, NULL, &errmsg);
		if (rc != SQLITE_OK) {
			status = error_set(err, STATUS_DB,
			    "cannot create the tables of '%s' (schema version %lld): %s",
			    st->path, version + 1, errmsg ? errmsg : sqlite3_errstr(rc));
			sqlite3_free(errmsg);
			break;
		}
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %lld",
		    version + 1);
		status = exec_int(st, pragma, NULL, "setting the schema version", err);
	}
	if (status == STATUS_OK)
		return run_id(st, SQL_COMMIT, "saving the schema", err);
	if (!sqlite3_get_autocommit(st->db))
		run_id(st, SQL_ROLLBACK, "undoing the schema", NULL);
	return status;
}

/*
 * How long a statement waits for another connection's lock; the CLI
 * import waits longer by trying again (cli_import.c).
 */
#define BUSY_TIMEOUT_MS 5000

/*
 * Waits for a lock by trying again every millisecond.  A many-file
 * import holds the write lock for half a second at a time and then
 * leaves it free for a few milliseconds (cli_import.c): SQLite's own
 * wait, up to 100 ms between tries, would mostly miss that, and a
 * basket change in the interface would wait for the whole import.
 */
static int
busy_wait(void *arg, int count)
{
	static const struct timespec ms = { 0, 1000000 };

	(void)arg;
	if (count >= BUSY_TIMEOUT_MS)
		return 0;
	nanosleep(&ms, NULL);
	return 1;
}

static void
set_busy(sqlite3 *db)
{
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_handler(db, busy_wait, NULL);
}

/*
 * Why naast may not write the existing database file at path, or NULL when
 * it may.  The write permission off for everyone (chmod a-w) counts even
 * for root, who could write anyway: it is how a user keeps a database as
 * it is.  SQLite also needs the directory, for its WAL and shared-memory
 * files next to the database.
 */
static const char *
readonly_reason(const char *path)
{
	struct stat sb;
	char *dir;
	bool dir_ok;

	if (stat(path, &sb) != 0)
		return NULL;
	if (!(sb.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)))
		return "its permissions let nobody write it";
	if (access(path, W_OK) != 0)
		return errno == EROFS ? "it is on a read-only file system" :
		    "you may not write it";
	dir = xdirname(path);
	dir_ok = access(dir, W_OK) == 0;
	free(dir);
	return dir_ok ? NULL : "you may not write in its directory";
}

/* "file:" URI of path that SQLite opens without locking or writing. */
static char *
immutable_uri(const char *path)
{
	struct xbuf b = { 0 };

	xbuf_add(&b, "file:", 5);
	if (path[0] == '/')
		xbuf_add(&b, "//", 2);	/* an empty authority: "file:///abs" */
	for (const char *p = path; *p; p++) {
		char esc[4];

		if (*p == '%' || *p == '?' || *p == '#') {
			snprintf(esc, sizeof(esc), "%%%02X", (unsigned char)*p);
			xbuf_add(&b, esc, 3);
		} else {
			xbuf_add(&b, p, 1);
		}
	}
	xbuf_add(&b, "?immutable=1", 12);
	return xbuf_finish(&b);
}

/*
 * Opens st->path for reading only.  While a writer has the database open,
 * its shared-memory file ("-shm") exists, and readers share it to see a
 * consistent state.  Without one nobody is writing, and the file is
 * opened as immutable: without locks and without making that file, which
 * a reader could not remove again and which, made by another user, would
 * keep the owner from writing.  The same when the file is there but the
 * read fails for want of it.
 */
static int
open_readonly(struct store *st, bool immutable)
{
	char *shm = xasprintf("%s-shm", st->path), *uri = NULL;
	int rc;

	if (access(shm, F_OK) != 0)
		immutable = true;
	free(shm);
	sqlite3_close(st->db);
	st->db = NULL;
	if (immutable)
		uri = immutable_uri(st->path);
	rc = sqlite3_open_v2(uri ? uri : st->path, &st->db,
	    SQLITE_OPEN_READONLY | (uri ? SQLITE_OPEN_URI : 0), NULL);
	free(uri);
	if (rc == SQLITE_OK)
		set_busy(st->db);
	return rc;
}

/* The first read: where SQLite finds out that a file is not a database. */
static int
first_read(struct store *st)
{
	static const char probe[] = "SELECT count(*) FROM sqlite_master";
	int rc = sqlite3_exec(st->db, probe, NULL, NULL, NULL);

	if (!st->readonly || ((rc & 0xff) != SQLITE_CANTOPEN &&
	    (rc & 0xff) != SQLITE_READONLY))
		return rc;
	rc = open_readonly(st, true);
	return rc == SQLITE_OK ? sqlite3_exec(st->db, probe, NULL, NULL, NULL) : rc;
}

enum status
store_open(const char *path, struct store **out, struct error *err)
{
	struct store *st = xcalloc(1, sizeof(*st));
	long long version = 0, tables = 0;
	struct stat sb;
	enum status status;
	int rc;

	*out = NULL;
	st->path = xstrdup(path);
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		status = error_set(err, STATUS_DB,
		    "the database '%s' is a directory: name a file, such as '%s/naast.db'",
		    path, path);
		goto fail;
	}
	if (stat(path, &sb) != 0 && errno == ENOENT) {
		char *dir = xdirname(path);
		bool missing = stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode);

		if (missing)
			status = error_set(err, STATUS_DB,
			    "cannot create the database '%s': its directory '%s' does not exist (create it, or use --db with another path)",
			    path, dir);
		free(dir);
		if (missing)
			goto fail;
	}
	st->readonly = readonly_reason(path) != NULL;
	if (st->readonly)
		rc = open_readonly(st, false);
	else
		rc = sqlite3_open_v2(path, &st->db,
		    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		status = error_set(err, STATUS_DB,
		    "cannot open the database '%s': %s (check that its directory exists and that you may write there)",
		    path, st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		goto fail;
	}
	set_busy(st->db);
	/* What SQLite could open for reading only, naast reads only. */
	if (!st->readonly && sqlite3_db_readonly(st->db, "main") == 1) {
		st->readonly = true;
		rc = open_readonly(st, false);
		if (rc != SQLITE_OK) {
			status = db_fail(st, rc, "opening it", err);
			goto fail;
		}
	}

	rc = first_read(st);
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
		status = error_set(err, STATUS_DB,
		    "'%s' is not a naast database or is damaged; naast left it as it is: move it away (or restore a copy), or use --db with another file",
		    path);
		goto fail;
	}
	if (rc != SQLITE_OK) {
		status = db_fail(st, rc, "opening it", err);
		goto fail;
	}
	/* Creating the schema needs the tokenizer already. */
	status = store_fts_register(st, err);
	if (status != STATUS_OK)
		goto fail;
	/* Nothing is written before naast knows the file is its own. */
	status = exec_int(st, "PRAGMA user_version", &version,
	    "reading the schema version", err);
	if (status == STATUS_OK && version == 0)
		status = exec_int(st, "SELECT count(*) FROM sqlite_master", &tables,
		    "reading the schema", err);
	if (status != STATUS_OK)
		goto fail;
	if (version > SCHEMA_VERSION) {
		status = error_set(err, STATUS_DB_SCHEMA,
		    "the database '%s' was made by a newer naast (schema version %lld; this one knows %d): naast left it as it is; upgrade naast, or use --db with another file",
		    path, version, SCHEMA_VERSION);
		goto fail;
	}
	if (version == 0 && tables > 0) {
		status = error_set(err, STATUS_DB,
		    "'%s' is an SQLite database of another program, not naast's; naast left it as it is: use --db with another file",
		    path);
		goto fail;
	}
	/*
	 * With WAL, synchronous NORMAL cannot corrupt the file and survives a
	 * killed process; only a power cut may cost the last import, which the
	 * user can repeat.  It spares one fsync per import.
	 */
	if (!st->readonly) {
		/*
		 * Switching reads the file's header without the busy handler:
		 * while another naast makes the same new file, it may be busy
		 * for a moment.
		 */
		for (int tries = 0; tries < BUSY_TIMEOUT_MS; tries++) {
			status = exec_int(st, "PRAGMA journal_mode = WAL", NULL,
			    "switching to WAL mode", err);
			if (status != STATUS_DB_BUSY)
				break;
			busy_wait(NULL, 0);
		}
		if (status == STATUS_OK)
			status = exec_int(st, "PRAGMA synchronous = NORMAL", NULL,
			    "setting the sync mode", err);
		if (status != STATUS_OK)
			goto fail;
	}
	status = exec_int(st, "PRAGMA foreign_keys = ON", NULL,
	    "enabling foreign keys", err);
	if (status != STATUS_OK)
		goto fail;
	if (version < SCHEMA_VERSION) {
		if (st->readonly) {
			status = error_set(err, STATUS_DB,
			    "the database '%s' is read-only and has no naast tables yet: use --db with a file you can write",
			    path);
			goto fail;
		}
		status = migrate(st, err);
		if (status != STATUS_OK)
			goto fail;
	}
	*out = st;
	return STATUS_OK;
fail:
	store_close(st);
	return status;
}

bool
store_is_readonly(const struct store *st, struct error *why)
{
	const char *reason;

	if (!st->readonly)
		return false;
	reason = readonly_reason(st->path);
	error_set(why, STATUS_DB,
	    "the database '%s' is read-only (%s): naast reads it but changes nothing; use --db with a file you can write to change it",
	    st->path, reason ? reason : "SQLite could open it only for reading");
	return true;
}

void
store_close(struct store *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < N_SQL; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

bool
store_is_empty(struct store *st)
{
	sqlite3_stmt *s = sql(st, SQL_IS_EMPTY, NULL);
	bool empty = false;

	/* Unreadable is not empty: nothing should be imported into it. */
	if (s && sqlite3_step(s) == SQLITE_ROW)
		empty = sqlite3_column_int(s, 0) != 0;
	if (s)
		done(s);
	return empty;
}

enum status
store_count_matches(struct store *st, const char *fts_query, long long *count,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_COUNT_MATCHES, err);
	enum status status;
	bool found;

	*count = 0;
	if (!s)
		return st->prepare_failure;
	bind_text(s, 1, fts_query);
	status = step_row(st, s, &found, "searching", err);
	if (status != STATUS_OK)
		return status;
	if (found)
		*count = sqlite3_column_int64(s, 0);
	done(s);
	return STATUS_OK;
}


/* ----------------------------------------------------------------- folding */

