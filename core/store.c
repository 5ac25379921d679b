/*
 * store: naast's SQLite database.  See store.h for the contract and
 * store_db.h for how the store's files share their statements.
 *
 * This file: the schema (one string per version), opening and migrating,
 * and the questions about the database as a whole (is it read-only, is it
 * empty).  The table of SQL statements is in store_sql.c.
 */
#include "config.h"

#include <errno.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <pthread.h>
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

#define SCHEMA_VERSION 10

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
	 * (the text is stored once, in passage), filled by the import (see
	 * above) and kept in step by the triggers below, one set per index,
	 * when a passage changes or goes:
	 *  - passage_fts: the words as written, case and diacritics aside;
	 *  - passage_stem: the same words through the Dutch Snowball stemmer
	 *    ("ambtenaar" and "ambtenaren" are one term), by the tokenizer
	 *    naast_stem (which version 4 replaced);
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
	"  content_rowid = 'id', tokenize = 'naast_stem');"
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

/*
 * Version 3: what a citation quotes and what a reader must be told.
 *  - The bewindspersonen as the document writes them, beside the codes
 *    that group them: a signatory's ministry or portfolio ("Langdurige
 *    Zorg en Sport") and its "mede namens" list ("de Minister voor
 *    Rechtsbescherming").  NULL in rows stored before it, until the
 *    document is parsed again.
 *  - The parse warnings of each document, in the order given, and in
 *    the library how many its row's documents have, for its mark.
 *  - The vergaderjaar a document prints with its Aanhangsel number,
 *    "2023/24" (NULL when it prints none), which its citation gives,
 *    and the chamber it shows (enum chamber, model.h; 0 unknown).
 *  - The version of the parsers that made a document's rows
 *    (PARSE_VERSION, parse.h): 0 before it, so that naast knows which
 *    documents an upgrade would read better.
 *  - The text of each footnote also as a passage of its own, of role
 *    'footnote', with the vraag of the passage it belongs to
 *    (footnote.body): the full-text indexes index passages, so they find
 *    a word that only a footnote has, such as the title of the news
 *    article a vraag is about.  Such a passage comes after the
 *    document's own (its seq is past theirs, which stay the parser's
 *    order); views that list passages leave it out, since the footnote
 *    shows under its passage.  Both go with their document.  NULL in
 *    rows stored before it, until the document is parsed again.
 *  - One document once: whether a document was read from a PDF (the
 *    better form of it) and the fingerprint of its text (fingerprint.h),
 *    by which the same document in another form is recognised among the
 *    few of its set or Aanhangsel number.  0 and NULL in rows stored
 *    before it: such a row is taken for a conversion, and is never
 *    recognised.
 *  - The portfolio through which a set addresses a ministry (KenE, "de
 *    Minister voor Klimaat en Energie", under EZK), NULL where it names
 *    the ministry itself.
 *  - Coverage counts distinct addressed ministries answered by
 *    themselves or a successor (ministry.h), so no set shows more
 *    answered than addressed: the library's counts are made again.
 * New columns go after document.raw (ALTER TABLE appends): read them by
 * id, a row at a time, never in a scan that joins many documents.
 */
static const char schema_v3[] =
	"ALTER TABLE set_addressed ADD COLUMN portfolio TEXT;"
	"UPDATE library"
	"  SET answered = " STORE_SET_ANSWERED("library.set_id") ","
	"  addressed = " STORE_SET_ADDRESSED("library.set_id")
	"  WHERE set_id IS NOT NULL;"
	"ALTER TABLE signatory ADD COLUMN written TEXT;"
	"ALTER TABLE signatory ADD COLUMN on_behalf_written TEXT;"
	"ALTER TABLE document ADD COLUMN parser_version INTEGER NOT NULL"
	"  DEFAULT 0;"
	"ALTER TABLE document ADD COLUMN vergaderjaar TEXT;"
	"ALTER TABLE document ADD COLUMN chamber INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE library ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE document ADD COLUMN from_pdf INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE document ADD COLUMN fingerprint BLOB;"
	"CREATE TABLE warning ("
	"  document INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  PRIMARY KEY (document, ord)"
	") WITHOUT ROWID;"
	"ALTER TABLE footnote ADD COLUMN body INTEGER;"	/* passage (id) */
	"CREATE INDEX footnote_body ON footnote (body);";

/*
 * Version 4: one full-text index where there were three.  passage_words
 * holds each word of a passage as written (unicode61, case and
 * diacritics aside) and, at the same place, its Dutch Snowball stem
 * behind a mark (the tokenizer naast_words, store_fts.c; search.h): an
 * exact query and a stemmed one read the same index, and parts of words
 * are found through the vocabulary (store_search.c), not through
 * trigrams.  The three indexes of version 1 go, with their triggers;
 * the new one is filled from the passages afterwards, a part at a time
 * (fill_words), within the same transaction.  passage_words_row lists
 * its terms with the number of passages that have each.
 * The vocabulary (store_vocab.c) holds every term of the new index, its
 * marked stems too: it is counted again while the index is filled.  The
 * table champion holds the best passages of each frequent term
 * (store_champion.c), made while the index is filled.
 * The index passage_vraag goes: every statement that read it names the
 * document, whose few passages the index of (document, seq) finds; it
 * was 3% of the database.
 * The original of each document (document.raw) is packed (original.h,
 * pack_originals): a blob in that TEXT column, where rows of earlier
 * versions held the text itself.
 * A connection without naast_words (the sqlite3 shell, say) can read
 * every plain table, but neither the index nor, since the triggers
 * write to it, change a passage: "no such tokenizer".
 */
static const char schema_v4[] =
	"DROP TRIGGER passage_fts_delete;"
	"DROP TRIGGER passage_fts_update;"
	"DROP TRIGGER passage_stem_delete;"
	"DROP TRIGGER passage_stem_update;"
	"DROP TRIGGER passage_tri_delete;"
	"DROP TRIGGER passage_tri_update;"
	"DROP TABLE passage_fts_row;"
	"DROP TABLE passage_stem_row;"
	"DROP TABLE passage_fts;"
	"DROP TABLE passage_stem;"
	"DROP TABLE passage_tri;"
	"CREATE VIRTUAL TABLE passage_words USING fts5 (text, content = 'passage',"
	"  content_rowid = 'id', tokenize = '" STORE_WORDS_TOKENIZER "');"
	"CREATE VIRTUAL TABLE passage_words_row USING fts5vocab (passage_words, row);"
	FTS_TRIGGERS("passage_words")
	"DROP INDEX passage_vraag;"
	"CREATE TABLE champion ("
	"  term TEXT PRIMARY KEY,"
	"  list BLOB NOT NULL"
	") WITHOUT ROWID;"
	"DELETE FROM vocabulary;";

/*
 * Version 5: the documents by parser version.  Every command asks
 * whether documents wait to be parsed again (store_reparse_count), and
 * without it that read every document: 90 ms of each command at 100,000
 * documents, seconds when the file is not in memory.
 */
static const char schema_v5[] =
	"CREATE INDEX document_parser ON document (parser_version);";

/*
 * Version 6: what the Tweede Kamer's open data says (fetch.h).
 *  - A question set's Zaak number ("2024Z01294"), which groups what was
 *    fetched whatever its header says, and whether its addressed
 *    ministries are the open data's ("Gericht aan"), which then stand
 *    over what a header says.
 *  - A document's official identifiers: the open data's Id (a fetched
 *    document is not downloaded again), its document number
 *    ("2024D05678") and its KOOP id ("ah-tk-20232024-1059").
 *  - The sets the user follows (naast follow; a fetched set is
 *    followed), and settings: where naast sync goes on from.
 */
static const char schema_v6[] =
	"ALTER TABLE question_set ADD COLUMN zaak TEXT;"
	"ALTER TABLE question_set ADD COLUMN addressed_official INTEGER NOT NULL DEFAULT 0;"
	"CREATE UNIQUE INDEX question_set_zaak ON question_set (zaak)"
	"  WHERE zaak IS NOT NULL;"
	"ALTER TABLE document ADD COLUMN tk_id TEXT;"
	"ALTER TABLE document ADD COLUMN tk_number TEXT;"
	"ALTER TABLE document ADD COLUMN koop_id TEXT;"
	"CREATE INDEX document_tk_id ON document (tk_id) WHERE tk_id IS NOT NULL;"
	"CREATE TABLE follow ("
	"  zaak TEXT PRIMARY KEY,"
	"  following INTEGER NOT NULL"		/* 0: unfollowed by the user */
	") WITHOUT ROWID;"
	"CREATE TABLE setting ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") WITHOUT ROWID;";

/*
 * Version 7: the answers fetched from the open data, by id.  The library
 * counts those not looked at yet when it opens (store_arrivals_count),
 * and without it that read every answer, past its packed original to
 * its Tweede Kamer id: half of the first frame at 10,000 documents.
 */
static const char schema_v7[] =
	"CREATE INDEX document_fetched ON document (id)"
	"  WHERE tk_id IS NOT NULL AND kind = 'answer';";

/*
 * Version 8: the library's filter finds a set by the Aanhangsel numbers
 * and KOOP ids of its documents and the ministers who signed them, as
 * well as by its own words (STORE_SET_TERMS): the rows of the sets get
 * them now, each import of a document of a set after.
 */
static const char schema_v8[] =
	"UPDATE library SET search = " STORE_LIBRARY_SEARCH("library.set_id")
	"  WHERE set_id IS NOT NULL;";

/*
 * Version 9: no triggers.  A passage leaves the index by naast's own
 * statement before its document goes (SQL_FTS_FORGET_DOC, store_same.c;
 * no statement of naast changes a passage's text), so that every
 * connection runs with trusted_schema off: what a schema holds may not
 * use a virtual table or a function that is not innocuous, and FTS5 is
 * not, so the triggers that wrote to it had kept it on.
 */
static const char schema_v9[] =
	"DROP TRIGGER passage_words_delete;"
	"DROP TRIGGER passage_words_update;";

/*
 * Version 10: a parse warning in the user's language.  Its text is what
 * the parser said in English, which --json gives; format is the English
 * msgid the parser said it with (model_warn) and args its arguments,
 * each ended by WARNING_ARG_END (model.h), from which the interface and
 * the command line say it through gettext.  NULL in rows stored before
 * it, which show their English text until the document is parsed again.
 */
static const char schema_v10[] =
	"ALTER TABLE warning ADD COLUMN format TEXT;"
	"ALTER TABLE warning ADD COLUMN args TEXT;";

/* The last id and the number of rows of a table, as text (one row of two) asks. */
static enum status
extent(struct store *st, const char *text, long long *last, long long *total,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, text, -1, &s, NULL);

	*last = *total = 0;
	if (rc != SQLITE_OK)
		return db_fail(st, rc, N_("reading the database"), err);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*last = sqlite3_column_int64(s, 0);
		*total = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return db_fail(st, rc, N_("reading the database"), err);
	return STATUS_OK;
}

/* How many passages go into the index per statement when it is filled. */
#define FILL_STEP 20000

/* Reports what a migration has done (what: N_()), if anyone asked; false: stop. */
static bool
report(const struct store_progress *p, const char *what, long long done,
    long long total)
{
	return !p || !p->report || p->report(p->ctx, _(what), done, total);
}

/*
 * Fills passage_words from the passages, FILL_STEP at a time, each part
 * one statement: FTS5 writes a segment per statement, so parts as large
 * as an import's batch.
 */
static enum status
fill_words(struct store *st, const struct store_progress *p,
    struct error *err)
{
	static const char fill[] =
	    "INSERT INTO passage_words (rowid, text)"
	    " SELECT id, text FROM passage WHERE id > ?1 AND id <= ?2 ORDER BY id";
	long long last = 0, total = 0, done = 0;
	enum status status;
	sqlite3_stmt *s;
	int rc;

	status = extent(st, "SELECT coalesce(max(id), 0), count(*) FROM passage",
	    &last, &total, err);
	if (status != STATUS_OK || total == 0)
		return status;
	if ((rc = sqlite3_prepare_v2(st->db, fill, -1, &s, NULL)) != SQLITE_OK)
		return db_fail(st, rc, N_("indexing the passages"), err);
	for (long long from = 0; from < last && !status; from += FILL_STEP) {
		if (!report(p, N_("indexing the passages"), done, total)) {
			status = error_set(err, STATUS_DB,
			    "the upgrade of '%s' was stopped; naast left it as it was",
			    st->path);
			break;
		}
		/* The words are counted, and the champion lists made, as they go. */
		store_vocab_begin(st);
		status = store_vocab_ids(st, from, from + FILL_STEP, err);
		if (status == STATUS_OK) {
			sqlite3_bind_int64(s, 1, from);
			sqlite3_bind_int64(s, 2, from + FILL_STEP);
			rc = sqlite3_step(s);
			sqlite3_reset(s);
			if (rc != SQLITE_DONE)
				status = db_fail(st, rc, N_("indexing the passages"), err);
			else
				done += sqlite3_changes(st->db);
		}
		if (status == STATUS_OK)
			status = store_vocab_save(st, err);
		store_vocab_end(st);
	}
	sqlite3_finalize(s);
	/* One segment: a search looks passages up in it (store_tidy). */
	if (status == STATUS_OK)
		status = run_id(st, SQL_INDEX_OPTIMIZE, N_("indexing the passages"),
		    err);
	if (status == STATUS_OK)
		report(p, N_("indexing the passages"), total, total);
	return status;
}

/* How many documents are packed per statement when an upgrade packs them. */
#define PACK_STEP 500

/*
 * Packs the original of every document stored as text (original.h),
 * PACK_STEP documents at a time.
 */
static enum status
pack_originals(struct store *st, const struct store_progress *p,
    struct error *err)
{
	static const char *const what = N_("packing the original files");
	long long last = 0, total = 0;
	enum status status;
	sqlite3_stmt *s;

	status = extent(st, "SELECT coalesce(max(id), 0), count(*) FROM document",
	    &last, &total, err);
	if (status != STATUS_OK || total == 0)
		return status;
	for (long long from = 0; from < last && !status; from += PACK_STEP) {
		if (!report(p, what, from * total / last, total))
			return error_set(err, STATUS_DB,
			    "the upgrade of '%s' was stopped; naast left it as it was",
			    st->path);
		if (!(s = sql(st, SQL_PACK_ORIGINALS, err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, from);
		sqlite3_bind_int64(s, 2, from + PACK_STEP);
		status = run(st, s, what, err);
	}
	if (status == STATUS_OK)
		report(p, what, total, total);
	return status;
}

/* Version 4's steps in C: the index filled, the originals packed. */
static enum status
migrate_v4(struct store *st, const struct store_progress *p,
    struct error *err)
{
	enum status status = fill_words(st, p, err);

	return status ? status : pack_originals(st, p, err);
}

/*
 * Migrations: migrations[v] takes a database from version v to v + 1,
 * by its SQL and then, where there is one, its step in C.
 */
static const struct migration {
	const char *sql;
	enum status (*then)(struct store *, const struct store_progress *,
	    struct error *);
} migrations[SCHEMA_VERSION] = {
	{ schema_v1, NULL },
	{ schema_v2, NULL },
	{ schema_v3, NULL },
	{ schema_v4, migrate_v4 },
	{ schema_v5, NULL },
	{ schema_v6, NULL },
	{ schema_v7, NULL },
	{ schema_v8, NULL },
	{ schema_v9, NULL },
	{ schema_v10, NULL },
};

/* ------------------------------------------------------- opening, migration */

/*
 * A store's connection is used by one thread at a time (import.c's
 * reader has a store of its own): SQLite need not lock it at every call,
 * which cost the import's thread 3% once there were two.
 */
#define STORE_OPEN_THREADS SQLITE_OPEN_NOMUTEX

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

/* "PRAGMA user_version = N" for any N that a long long holds, and a NUL. */
#define VERSION_PRAGMA_SIZE sizeof("PRAGMA user_version = -9223372036854775808")

/* Takes the database to version target (SCHEMA_VERSION but for reference). */
static enum status
migrate(struct store *st, long long target, const struct store_progress *p,
    struct error *err)
{
	long long version = 0, tables = 0;
	enum status status;
	char *errmsg = NULL;
	char pragma[VERSION_PRAGMA_SIZE];
	int rc;

	status = run_id(st, SQL_BEGIN_IMMEDIATE, N_("preparing the database"), err);
	if (status != STATUS_OK)
		return status;
	/* Another naast may have migrated while this one waited for the lock. */
	status = exec_int(st, "PRAGMA user_version", &version,
	    N_("reading the schema version"), err);
	if (status == STATUS_OK && version == 0)
		status = exec_int(st, "SELECT count(*) FROM sqlite_master", &tables,
		    N_("reading the schema"), err);
	if (status == STATUS_OK && version == 0 && tables > 0)
		status = error_set(err, STATUS_DB,
		    "'%s' is an SQLite database of another program, not naast's: use --db with another file",
		    st->path);
	if (status == STATUS_OK && (version < 0 || version > SCHEMA_VERSION))
		status = error_set(err, STATUS_DB,
		    "'%s' changed its schema version to %lld while naast opened it: naast left it as it is; try again",
		    st->path, version);
	for (; status == STATUS_OK && version < target; version++) {
		rc = sqlite3_exec(st->db, migrations[version].sql, NULL, NULL,
		    &errmsg);
		if ((rc & 0xff) == SQLITE_NOMEM)
			xalloc_fail();
		if (rc != SQLITE_OK) {
			status = error_set(err, STATUS_DB,
			    "cannot create the tables of '%s' (schema version %lld): %s",
			    st->path, version + 1, errmsg ? errmsg : sqlite3_errstr(rc));
			sqlite3_free(errmsg);
			break;
		}
		if (migrations[version].then &&
		    (status = migrations[version].then(st, p, err)))
			break;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %lld",
		    version + 1);
		status = exec_int(st, pragma, NULL, N_("setting the schema version"), err);
	}
	if (status == STATUS_OK)
		return run_id(st, SQL_COMMIT, N_("saving the schema"), err);
	if (!sqlite3_get_autocommit(st->db))
		run_id(st, SQL_ROLLBACK, N_("undoing the schema"), NULL);
	return status;
}

/*
 * How long a statement waits for another connection's lock; an
 * import waits longer by trying again (core/import.c).
 */
#define BUSY_TIMEOUT_MS 5000

/*
 * Waits for a lock by trying again every millisecond.  A many-file
 * import holds the write lock for half a second at a time and then
 * leaves it free for a few milliseconds (core/import.c): SQLite's own
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

/*
 * Every connection: extended result codes, the busy handler, no writes
 * to the schema or to the full-text index's own tables by SQL
 * (DEFENSIVE), and nothing that a schema holds (a trigger, a view) may
 * use a virtual table or a function that is not innocuous
 * (trusted_schema off).  What a schema may hold at all is schema_check's.
 */
static void
set_busy(sqlite3 *db)
{
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_handler(db, busy_wait, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
}

/* ------------------------------------------------------------- its own schema */

/*
 * A database someone else handed over may hold triggers that run on
 * naast's writes, a view where naast has a table, a full-text table with
 * another tokenizer.  Before naast uses a database of version v, every
 * object of its schema must be one that naast's migrations make at v:
 * the same type on the same table, and for what runs SQL or code
 * (triggers, views, virtual tables) the same text.  What they make is
 * learnt from an empty database in memory, taken to v: 40 ms, most of a
 * first frame.  So the digest of all that (schema_digest) is compared
 * first with the one naast knows for v (test_store checks that list
 * against the migrations), and the schema made in memory only when it
 * differs, to say what is foreign.
 */
struct schema_object {
	char *type, *name, *table, *sql;
};

struct schema {
	struct schema_object *v;	/* by name */
	size_t n;
};

static struct schema references[SCHEMA_VERSION + 1];
static pthread_mutex_t references_lock = PTHREAD_MUTEX_INITIALIZER;

static void
schema_clear(struct schema *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].type);
		free(s->v[i].name);
		free(s->v[i].table);
		free(s->v[i].sql);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static int
schema_read(sqlite3 *db, struct schema *out)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql"
	    " FROM sqlite_master ORDER BY name", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct schema_object *o;
		char **to[4];

		xgrow(&out->v, &cap, out->n + 1, sizeof(*out->v));
		o = &out->v[out->n++];
		to[0] = &o->type;
		to[1] = &o->name;
		to[2] = &o->table;
		to[3] = &o->sql;
		/* An index SQLite made for a UNIQUE has no text: "". */
		for (int k = 0; k < 4; k++)
			if (!(*to[k] = col_strdup(s, k)))
				*to[k] = xstrdup("");
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		schema_clear(out);
		return rc;
	}
	return SQLITE_OK;
}

static int
object_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct schema_object *)elem)->name);
}

static const struct schema_object *
schema_find(const struct schema *s, const char *name)
{
	return s->n ? bsearch(name, s->v, s->n, sizeof(*s->v), object_cmp) :
	    NULL;
}

/* SQLite's own tables, which ANALYZE or AUTOINCREMENT may have made. */
static bool
sqlite_own(const struct schema_object *o)
{
	return strcmp(o->type, "table") == 0 &&
	    (strcmp(o->name, "sqlite_sequence") == 0 ||
	    strncmp(o->name, "sqlite_stat", 11) == 0);
}

/* Whether o runs SQL or code of its own when used. */
static bool
runs_something(const struct schema_object *o)
{
	return strcmp(o->type, "trigger") == 0 ||
	    strcmp(o->type, "view") == 0 ||
	    strncmp(o->sql, "CREATE VIRTUAL TABLE", 20) == 0;
}

/*
 * What schema_check compares, as one SHA-256: for each object by name
 * (SQLite's own tables aside), its type, name and table, and the text of
 * what runs something.
 */
static void
schema_digest(const struct schema *s, char hex[SHA256_HEX_SIZE])
{
	struct xbuf b = { 0 };
	char *all;

	for (size_t i = 0; i < s->n; i++) {
		const struct schema_object *o = &s->v[i];

		if (sqlite_own(o))
			continue;
		xbuf_printf(&b, "%s\x1f%s\x1f%s\x1f%s\x1e", o->type, o->name,
		    o->table, runs_something(o) ? o->sql : "");
	}
	all = xbuf_finish(&b);
	sha256_hex(all, strlen(all), hex);
	free(all);
}

/* The digests of the schemas naast makes, by version (test_store). */
static const char *const known_digests[SCHEMA_VERSION + 1] = {
	[1] = "f89b85f4e22c522c472f22400cf03f20a27b194d1215deb856441f389756097e",
	[2] = "67b6fd71c94b672b7353f85f4ca0c2ab504287834a9fb4c15c51c5885c036170",
	[3] = "0075a3959376ffff08b2ea16e50ea4605358af28baedf724ac0166dc6223c5ab",
	[4] = "a916f6c94a44d1ad36dc332486eeef09c72c1a7706513d121402ae6ada7fd24d",
	[5] = "012477bcf66842b4174d145731ed6b2d6d9d9c1fdb5dc45db5063c86146b8a93",
	[6] = "e6529fd31447872011e12eaf07d565d0f1a23f2002755fc7aac58abe0135340c",
	[7] = "498d664fbf5994ad3e0ecb7e0d5e05bd51d30bf84b89a2a125b3f147aab89a6d",
	[8] = "498d664fbf5994ad3e0ecb7e0d5e05bd51d30bf84b89a2a125b3f147aab89a6d",
	[9] = "fd68ef13b56dc457da89597ea7865fbd48ab068153672a436a686c28ffca2a67",
	[10] = "fd68ef13b56dc457da89597ea7865fbd48ab068153672a436a686c28ffca2a67",
};

static enum status migrate(struct store *, long long,
    const struct store_progress *, struct error *);

/* references[version], made when first asked for. */
static enum status
reference(long long version, const struct schema **out, struct error *err)
{
	struct schema *ref = &references[version];
	enum status status = STATUS_OK;

	pthread_mutex_lock(&references_lock);
	if (!ref->n) {
		struct store *mem = xcalloc(1, sizeof(*mem));
		int rc;

		mem->path = xstrdup(":memory:");
		rc = sqlite3_open_v2(":memory:", &mem->db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_CREATE | STORE_OPEN_THREADS, NULL);
		if (rc == SQLITE_NOMEM)
			xalloc_fail();
		if (rc != SQLITE_OK)
			status = error_set(err, STATUS_DB,
			    "cannot make naast's schema in memory: %s",
			    sqlite3_errstr(rc));
		if (status == STATUS_OK) {
			set_busy(mem->db);
			status = store_fts_register(mem, err);
		}
		if (status == STATUS_OK)
			status = migrate(mem, version, NULL, err);
		if (status == STATUS_OK && (rc = schema_read(mem->db, ref)) == SQLITE_NOMEM)
			xalloc_fail();
		if (status == STATUS_OK && rc)
			status = error_set(err, STATUS_DB,
			    "cannot read naast's schema in memory: %s",
			    sqlite3_errstr(rc));
		store_close(mem);
	}
	pthread_mutex_unlock(&references_lock);
	*out = ref;
	return status;
}

enum status
store_schema_digest(long long version, char hex[SHA256_HEX_SIZE],
    const char **known, struct error *err)
{
	const struct schema *ref;
	enum status status;

	hex[0] = '\0';
	*known = NULL;
	if (version < 1 || version > SCHEMA_VERSION)
		return error_set(err, STATUS_USAGE, "no schema version %lld",
		    version);
	if ((status = reference(version, &ref, err)))
		return status;
	schema_digest(ref, hex);
	*known = known_digests[version];
	return STATUS_OK;
}

/* "trigger 'x' on passage", made safe to show. */
static char *
describe_object(const struct schema_object *o)
{
	char *name = text_sanitize(o->name, strlen(o->name), 0);
	char *table = text_sanitize(o->table, strlen(o->table), 0);
	char *d = strcmp(o->name, o->table) == 0 ?
	    xasprintf("%s '%.64s'", o->type, name) :
	    xasprintf("%s '%.64s' on %.64s", o->type, name, table);

	free(name);
	free(table);
	return d;
}

static enum status
schema_check(struct store *st, long long version, struct error *err)
{
	const struct schema_object *foreign = NULL, *missing = NULL;
	char digest[SHA256_HEX_SIZE];
	const struct schema *ref;
	struct schema mine;
	enum status status;
	char *what;
	int rc;

	if ((rc = schema_read(st->db, &mine)))
		return db_fail(st, rc, N_("reading the schema"), err);
	schema_digest(&mine, digest);
	if (strcmp(digest, known_digests[version] ? known_digests[version] :
	    "") == 0) {
		schema_clear(&mine);
		return STATUS_OK;
	}
	if ((status = reference(version, &ref, err))) {
		schema_clear(&mine);
		return status;
	}
	for (size_t i = 0; i < mine.n && !foreign; i++) {
		const struct schema_object *o = &mine.v[i];
		const struct schema_object *r = schema_find(ref, o->name);

		if (sqlite_own(o))
			continue;
		if (!r || strcmp(r->type, o->type) != 0 ||
		    strcmp(r->table, o->table) != 0 ||
		    ((runs_something(o) || runs_something(r)) &&
		    strcmp(r->sql, o->sql) != 0))
			foreign = o;
	}
	for (size_t i = 0; i < ref->n && !foreign && !missing; i++)
		if (!schema_find(&mine, ref->v[i].name))
			missing = &ref->v[i];
	if (foreign || missing) {
		what = describe_object(foreign ? foreign : missing);
		status = error_set(err, STATUS_DB, foreign ?
		    N_("the database '%s' has a %s that naast does not make (another program or person changed it): naast left it as it is and does not use it; use --db with another file, or import the documents into a new one") :
		    N_("the database '%s' lacks naast's %s (another program or person changed it): naast left it as it is and does not use it; use --db with another file, or import the documents into a new one"),
		    st->path, what);
		free(what);
	}
	schema_clear(&mine);
	return status;
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
		char esc[sizeof("%XX")];

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
	    SQLITE_OPEN_READONLY | (uri ? SQLITE_OPEN_URI : 0) |
	    STORE_OPEN_THREADS, NULL);
	free(uri);
	if (rc == SQLITE_OK)
		set_busy(st->db);
	return rc;
}

/*
 * Whether the database at path has changes in its write-ahead log that
 * only a shared-memory file beside it lets a reader see: a log without
 * one (the files copied without it, or left by a writer that was
 * killed where naast may not write).  Opened immutable, SQLite would
 * silently show the database without them.
 */
static bool
log_unread(const char *path)
{
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	struct stat sb;
	bool unread = stat(wal, &sb) == 0 && sb.st_size > 0 &&
	    access(shm, F_OK) != 0;

	free(wal);
	free(shm);
	return unread;
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
	return store_open_with(path, NULL, out, err);
}

/*
 * Gives the disk back after an upgrade that dropped indexes: VACUUM
 * writes the database anew, in a transaction of its own.  When it cannot
 * (no room for the copy, say), the database is as good, only larger.
 * Its pages stay as they were: only a database out of WAL mode can
 * change their size, and on a small one larger pages cost more than
 * they save.
 */
static void
compact(struct store *st, const struct store_progress *p)
{
	report(p, N_("giving the space of the old indexes back"), 0, 1);
	if (sqlite3_exec(st->db, "VACUUM", NULL, NULL, NULL) == SQLITE_OK)
		report(p, N_("giving the space of the old indexes back"), 1, 1);
}

enum status
store_open_with(const char *path, const struct store_progress *p,
    struct store **out, struct error *err)
{
	struct store *st = xcalloc(1, sizeof(*st));
	long long version = 0, tables = 0;
	struct stat sb;
	enum status status;
	int rc;

	*out = NULL;
	st->path = xstrdup(path);
	st->champion_from = CHAMPION_FROM;
	st->champion_size = CHAMPION_SIZE;
	st->walk_from = WALK_FROM;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		status = error_set(err, STATUS_DB,
		    "the database '%s' is a directory: name a file, such as '%s/naast.db'",
		    path, path);
		goto fail;
	}
	/* A device, a FIFO: SQLite would block, fail oddly or write beside it. */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		status = error_set(err, STATUS_DB,
		    "the database '%s' is %s, not a database file: use --db with a file (a new name makes a new database)",
		    path, status_file_kind(sb.st_mode));
		goto fail;
	}
	if (stat(path, &sb) == 0 && access(path, R_OK) != 0) {
		status = error_set(err, STATUS_DB,
		    "cannot read the database '%s': %s (check its permissions, or use --db with another file)",
		    path, strerror(errno));
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
	if (st->readonly && log_unread(path))
		goto unread;
	if (st->readonly)
		rc = open_readonly(st, false);
	else
		rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_CREATE | STORE_OPEN_THREADS, NULL);
	if (rc == SQLITE_NOMEM)
		xalloc_fail();
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
		if (log_unread(path))
			goto unread;
		rc = open_readonly(st, false);
		if (rc != SQLITE_OK) {
			status = db_fail(st, rc, N_("opening it"), err);
			goto fail;
		}
	}

	rc = first_read(st);
	/*
	 * Damage can show as a record claiming more than SQLite's limit for
	 * one string (SQLITE_TOOBIG): naast never writes one anywhere near it.
	 */
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT ||
	    (rc & 0xff) == SQLITE_TOOBIG) {
		status = error_set(err, STATUS_DB,
		    "'%s' is not a naast database or is damaged; naast left it as it is: move it away (or restore a copy), or use --db with another file",
		    path);
		goto fail;
	}
	if (rc != SQLITE_OK) {
		status = db_fail(st, rc, N_("opening it"), err);
		goto fail;
	}
	/* Creating the schema needs the tokenizer already. */
	status = store_fts_register(st, err);
	if (status != STATUS_OK)
		goto fail;
	/* Nothing is written before naast knows the file is its own. */
	status = exec_int(st, "PRAGMA user_version", &version,
	    N_("reading the schema version"), err);
	if (status == STATUS_OK && version == 0)
		status = exec_int(st, "SELECT count(*) FROM sqlite_master", &tables,
		    N_("reading the schema"), err);
	if (status != STATUS_OK)
		goto fail;
	/* What naast did not make is not used, not even to migrate. */
	if (version > 0 && version <= SCHEMA_VERSION &&
	    (status = schema_check(st, version, err)) != STATUS_OK)
		goto fail;
	/* naast never writes a negative version: someone else did. */
	if (version < 0) {
		status = error_set(err, STATUS_DB,
		    "'%s' is not a naast database or is damaged (schema version %lld); naast left it as it is: move it away (or restore a copy), or use --db with another file",
		    path, version);
		goto fail;
	}
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
	/*
	 * A new database gets pages of 16 KiB: a document's packed original
	 * (a few KiB) left a quarter of a 4 KiB page empty, and the B-trees
	 * of the passages and the index are shallower (on 10,000 generated
	 * documents, a database 4% smaller).  It gives the pages an import
	 * frees back to the file system (store_tidy).
	 */
	if (!st->readonly && version == 0 && tables == 0)
		status = exec_int(st, "PRAGMA page_size = 16384", NULL,
		    N_("setting the page size"), err);
	if (status == STATUS_OK && !st->readonly && version == 0 && tables == 0)
		status = exec_int(st, "PRAGMA auto_vacuum = INCREMENTAL", NULL,
		    N_("setting the page size"), err);
	if (status != STATUS_OK)
		goto fail;
	if (!st->readonly) {
		/*
		 * Switching reads the file's header without the busy handler:
		 * while another naast makes the same new file, it may be busy
		 * for a moment.
		 */
		for (int tries = 0; tries < BUSY_TIMEOUT_MS; tries++) {
			status = exec_int(st, "PRAGMA journal_mode = WAL", NULL,
			    N_("switching to WAL mode"), err);
			if (status != STATUS_DB_BUSY)
				break;
			busy_wait(NULL, 0);
		}
		if (status == STATUS_OK)
			status = exec_int(st, "PRAGMA synchronous = NORMAL", NULL,
			    N_("setting the sync mode"), err);
		if (status != STATUS_OK)
			goto fail;
	}
	status = exec_int(st, "PRAGMA foreign_keys = ON", NULL,
	    N_("enabling foreign keys"), err);
	if (status != STATUS_OK)
		goto fail;
	if (version < SCHEMA_VERSION) {
		if (st->readonly) {
			status = error_set(err, STATUS_DB,
			    version > 0 ?
			    N_("the database '%s' is read-only and was made by an older naast: this version must upgrade it first; make it writable, or use --db with another file") :
			    N_("the database '%s' is read-only and has no naast tables yet: use --db with a file you can write"),
			    path);
			goto fail;
		}
		status = migrate(st, SCHEMA_VERSION, p, err);
		if (status != STATUS_OK)
			goto fail;
		if (version > 0 && version < 4)
			compact(st, p);
	}
	*out = st;
	return STATUS_OK;
unread:
	status = error_set(err, STATUS_DB,
	    "the database '%s' is read-only and its last changes are in '%s-wal', which naast cannot read without writing beside it: open it once where it may be written (its changes then go into it), or copy both files to a directory you may write",
	    path, path);
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
	    st->path, reason ? reason : _("SQLite could open it only for reading"));
	return true;
}

enum status
store_open_reader(struct store *st, struct store **out, struct error *err)
{
	struct stat sb;

	*out = NULL;
	if (stat(st->path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return error_set(err, STATUS_USAGE,
		    "the database '%s' is no file to open again", st->path);
	return store_open(st->path, out, err);
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
	free(st->lens);
	free(st->sets_changed);
	free(st);
}

void
store_release_memory(struct store *st)
{
	sqlite3_db_release_memory(st->db);
#ifdef HAVE_MALLOC_TRIM
	malloc_trim(0);
#endif
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

