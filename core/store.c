/*
 * store: naast's SQLite database.  See store.h for the contract.
 *
 * Layout of this file: the schema (one string per version), the table of
 * SQL statements (prepared once per connection, on first use), opening and
 * migrating, the import transaction, and the queries the views need.
 *
 * Every statement is used as: get it with sql(), bind, step, and done()
 * (reset and clear bindings, on every path), so that a cached statement
 * never holds a lock or points at freed memory between calls.  Strings are
 * bound SQLITE_STATIC for that reason: they outlive the step, and done()
 * forgets them before the caller frees them.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sha256.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"
#include "xref.h"

/* ------------------------------------------------------------------ schema */

#define SCHEMA_VERSION 1

/*
 * Version 1.  Child rows that exist only for their document cascade with
 * it; "ord" columns keep the order a document gave.  Dates are ISO text or
 * NULL; aanhangsel numbers NULL when unknown.  The FTS5 table indexes
 * passage.text as external content and is kept in step by the triggers.
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
	"  raw TEXT NOT NULL,"
	"  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  set_id INTEGER REFERENCES question_set (id),"
	"  ministry TEXT,"
	"  received TEXT,"
	"  aanhangsel INTEGER,"
	"  n_vragen INTEGER NOT NULL DEFAULT 0,"
	"  salutation TEXT,"
	"  closing TEXT,"
	"  epigraph_author TEXT"
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
	"  text TEXT NOT NULL,"
	"  raw_start INTEGER NOT NULL,"		/* bytes of document.raw */
	"  raw_end INTEGER NOT NULL,"
	"  UNIQUE (document, seq),"
	"  CHECK (raw_start <= raw_end)"
	");"
	"CREATE INDEX passage_vraag ON passage (document, role, vraag);"

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

	"CREATE VIRTUAL TABLE passage_fts USING fts5 (text, content = 'passage',"
	"  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER passage_fts_insert AFTER INSERT ON passage BEGIN"
	"  INSERT INTO passage_fts (rowid, text) VALUES (new.id, new.text);"
	"END;"
	"CREATE TRIGGER passage_fts_delete AFTER DELETE ON passage BEGIN"
	"  INSERT INTO passage_fts (passage_fts, rowid, text)"
	"    VALUES ('delete', old.id, old.text);"
	"END;"
	"CREATE TRIGGER passage_fts_update AFTER UPDATE OF text ON passage BEGIN"
	"  INSERT INTO passage_fts (passage_fts, rowid, text)"
	"    VALUES ('delete', old.id, old.text);"
	"  INSERT INTO passage_fts (rowid, text) VALUES (new.id, new.text);"
	"END;";

/* Migrations: migrations[v] takes a database from version v to v + 1. */
static const char *const migrations[SCHEMA_VERSION] = {
	schema_v1,
};

/* -------------------------------------------------------------- statements */

enum sql_id {
	SQL_BEGIN,
	SQL_BEGIN_IMMEDIATE,
	SQL_COMMIT,
	SQL_ROLLBACK,
	SQL_DOC_BY_SHA,
	SQL_SET_BY_KEY,
	SQL_SET_INSERT,
	SQL_QUESTIONER_INSERT,
	SQL_ADDRESSED_INSERT,
	SQL_DOC_INSERT,
	SQL_SIGNATORY_INSERT,
	SQL_ON_BEHALF_INSERT,
	SQL_ADDRESSEE_INSERT,
	SQL_PASSAGE_INSERT,
	SQL_XREF_INSERT,
	SQL_PUBREF_INSERT,
	SQL_PUBREF_RESOLVE,
	SQL_XREF_RESOLVE,
	SQL_QUESTION_GET,
	SQL_QUESTION_INSERT,
	SQL_QUESTION_SET_TEXT,
	SQL_VARIANT_INSERT,
	SQL_ANSWER_INSERT,
	SQL_SET_UPDATE,
	SQL_SETS_FIRST,
	SQL_SETS_AFTER,
	SQL_SET_BY_ID,
	SQL_SET_QUESTIONERS,
	SQL_SET_ADDRESSED,
	SQL_SET_ANSWERS,
	SQL_QUESTIONS,
	SQL_ANSWER_EXISTS,
	SQL_SIGNATORIES,
	SQL_ON_BEHALF,
	SQL_PARAGRAPHS,
	SQL_REFS,
	SQL_LETTERS,
	SQL_ADDRESSEES,
	SQL_IS_EMPTY,
	SQL_COUNT_MATCHES,
	N_SQL
};

/* The columns that struct set_info takes from question_set, in this order. */
#define SET_COLUMNS "id, subject, submitted, n_questions, aanhangsel"

/*
 * A document received within a vergaderjaar "Y–Y+1" (which runs from
 * September to September) matches a reference to that year; either side
 * unknown matches any year.  ?Y is the year_first, ?R the received date.
 */
#define YEAR_MATCHES(Y, R) \
	"(" Y " IS NULL OR " R " IS NULL OR " R " BETWEEN " \
	"printf('%04d-09-01', " Y ") AND printf('%04d-09-30', " Y " + 1))"

static const char *const sql_text[N_SQL] = {
	[SQL_BEGIN] = "BEGIN",
	[SQL_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
	[SQL_COMMIT] = "COMMIT",
	[SQL_ROLLBACK] = "ROLLBACK",

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
	    "INSERT INTO signatory (document, ord, name, role, ministry)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[SQL_ON_BEHALF_INSERT] =
	    "INSERT INTO signatory_on_behalf_of (signatory, ord, ministry)"
	    " VALUES (?1, ?2, ?3)",
	[SQL_ADDRESSEE_INSERT] =
	    "INSERT INTO letter_addressee (document, ord, name) VALUES (?1, ?2, ?3)",
	[SQL_PASSAGE_INSERT] =
	    "INSERT INTO passage (document, seq, role, vraag, vraag_to, text,"
	    " raw_start, raw_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[SQL_XREF_INSERT] =
	    "INSERT INTO xref (passage, text_start, text_end, vraag)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[SQL_PUBREF_INSERT] =
	    "INSERT INTO pubref (document, ord, nr, year, year_first, resolved)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT id FROM document"
	    "  WHERE aanhangsel = ?3 AND id <> ?1 AND "
	    YEAR_MATCHES("?5", "received") " ORDER BY id LIMIT 1))",
	[SQL_PUBREF_RESOLVE] =
	    "UPDATE pubref SET resolved = ?1 WHERE nr = ?2 AND resolved IS NULL"
	    " AND document <> ?1 AND " YEAR_MATCHES("year_first", "?3"),
	[SQL_XREF_RESOLVE] =
	    "UPDATE xref SET resolved = ?1 WHERE pub_nr = ?2 AND resolved IS NULL"
	    " AND " YEAR_MATCHES("pub_year_first", "?3"),
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
	[SQL_QUESTIONS] =
	    "SELECT id, number, text FROM question"
	    " WHERE set_id = ?1 AND (?2 = 0 OR number = ?2) ORDER BY number",
	[SQL_ANSWER_EXISTS] =
	    "SELECT 1 FROM answer WHERE document = ?1 AND question = ?2",
	[SQL_SIGNATORIES] =
	    "SELECT id, name, role, ministry FROM signatory WHERE document = ?1"
	    " ORDER BY ord",
	[SQL_ON_BEHALF] =
	    "SELECT ministry FROM signatory_on_behalf_of WHERE signatory = ?1"
	    " ORDER BY ord",
	[SQL_PARAGRAPHS] =
	    "SELECT id, text FROM passage WHERE document = ?1"
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
	    "  WHERE p.document = d.id AND p.role = 'body')"
	    " FROM document d WHERE d.kind = 'letter' AND d.id > ?1"
	    " ORDER BY d.id LIMIT ?2",
	[SQL_ADDRESSEES] =
	    "SELECT name FROM letter_addressee WHERE document = ?1 ORDER BY ord",
	[SQL_IS_EMPTY] = "SELECT NOT EXISTS (SELECT 1 FROM document)",
	[SQL_COUNT_MATCHES] =
	    "SELECT count(*) FROM passage_fts WHERE passage_fts MATCH ?1",
};

struct store {
	sqlite3 *db;
	char *path;
	bool readonly;
	enum status prepare_failure;	/* why sql() last returned NULL */
	sqlite3_stmt *stmt[N_SQL];
};

/* ------------------------------------------------------------------ errors */

/*
 * The status and message for a failed SQLite call: rc is its result code,
 * what says what naast was doing ("storing the passages").
 */
static enum status
db_fail(struct store *st, int rc, const char *what, struct error *err)
{
	const char *msg = sqlite3_errmsg(st->db);

	switch (rc & 0xff) {
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
	default:
		return error_set(err, STATUS_DB, "database error on '%s' while %s: %s",
		    st->path, what, msg);
	}
}

/* -------------------------------------------------------- statement helpers */

/*
 * The prepared statement for id; NULL when it cannot be, with err set and
 * the status in st->prepare_failure (a busy database is not a broken one).
 */
static sqlite3_stmt *
sql(struct store *st, enum sql_id id, struct error *err)
{
	int rc;

	if (st->stmt[id])
		return st->stmt[id];
	rc = sqlite3_prepare_v3(st->db, sql_text[id], -1, SQLITE_PREPARE_PERSISTENT,
	    &st->stmt[id], NULL);
	if (rc != SQLITE_OK) {
		st->prepare_failure = db_fail(st, rc, "preparing a query", err);
		sqlite3_finalize(st->stmt[id]);
		st->stmt[id] = NULL;
	}
	return st->stmt[id];
}

/* Makes a statement ready for its next use, whatever happened in this one. */
static void
done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* An empty string (an unknown date, an unknown ministry) is stored as NULL. */
static void
bind_text_or_null(sqlite3_stmt *s, int i, const char *v)
{
	bind_text(s, i, v && *v ? v : NULL);
}

/* Zero (an unknown aanhangsel, no set) is stored as NULL. */
static void
bind_id_or_null(sqlite3_stmt *s, int i, long long v)
{
	if (v)
		sqlite3_bind_int64(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

/* Steps s once, expecting no row; resets it. */
static enum status
run(struct store *st, sqlite3_stmt *s, const char *what, struct error *err)
{
	int rc = sqlite3_step(s);
	enum status status = STATUS_OK;

	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		status = db_fail(st, rc, what, err);
	done(s);
	return status;
}

/* Runs the statement id, which takes no parameters. */
static enum status
run_id(struct store *st, enum sql_id id, const char *what, struct error *err)
{
	sqlite3_stmt *s = sql(st, id, err);

	return s ? run(st, s, what, err) : st->prepare_failure;
}

/* Steps s once; *found tells whether it gave a row (left unreset). */
static enum status
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

static char *
col_strdup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v ? xstrdup((const char *)v) : NULL;
}

/* Copies a text column into a fixed buffer; NULL gives "". */
static void
col_copy(sqlite3_stmt *s, int i, char *buf, size_t size)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	snprintf(buf, size, "%s", v ? (const char *)v : "");
}

/*
 * A read of several queries sees one snapshot.  Ends with read_end,
 * which never fails: a read transaction has nothing to lose.
 */
static enum status
read_begin(struct store *st, struct error *err)
{
	return run_id(st, SQL_BEGIN, "starting a read", err);
}

static void
read_end(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		run_id(st, SQL_COMMIT, "ending a read", NULL);
}

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

enum status
store_open(const char *path, struct store **out, struct error *err)
{
	struct store *st = xcalloc(1, sizeof(*st));
	long long version = 0;
	enum status status;
	int rc;

	*out = NULL;
	st->path = xstrdup(path);
	rc = sqlite3_open_v2(path, &st->db,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		status = error_set(err, STATUS_DB,
		    "cannot open the database '%s': %s (check that its directory exists and that you may write there)",
		    path, st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 5000);
	st->readonly = sqlite3_db_readonly(st->db, "main") == 1;

	/* The first read is where SQLite finds out that a file is not a database. */
	rc = sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_master", NULL, NULL,
	    NULL);
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
		status = error_set(err, STATUS_DB,
		    "'%s' is not a naast database or is damaged: move it away, or use --db with another file",
		    path);
		goto fail;
	}
	if (rc != SQLITE_OK) {
		status = db_fail(st, rc, "opening it", err);
		goto fail;
	}
	status = exec_int(st, "PRAGMA user_version", &version,
	    "reading the schema version", err);
	if (status != STATUS_OK)
		goto fail;
	if (version > SCHEMA_VERSION) {
		status = error_set(err, STATUS_DB_SCHEMA,
		    "the database '%s' was made by a newer naast (schema version %lld; this one knows %d): upgrade naast",
		    path, version, SCHEMA_VERSION);
		goto fail;
	}
	/*
	 * With WAL, synchronous NORMAL cannot corrupt the file and survives a
	 * killed process; only a power cut may cost the last import, which the
	 * user can repeat.  It spares one fsync per import.
	 */
	if (!st->readonly) {
		status = exec_int(st, "PRAGMA journal_mode = WAL", NULL,
		    "switching to WAL mode", err);
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

/* ------------------------------------------------------------------ import */

#define ROLE_COUNT(name, str) + 1
static const unsigned n_roles = 0 ROLE_INFO(ROLE_COUNT);
#undef ROLE_COUNT

/* Combined vragen ("Vraag 10 en 11") span a few numbers, never hundreds. */
#define MAX_COMBINED 50

static int
vraag_last(const struct passage *p)
{
	if (p->vraag_to < p->vraag || p->vraag_to - p->vraag > MAX_COMBINED)
		return p->vraag;
	return p->vraag_to;
}

static bool
covers(const struct passage *p, enum role role, int n)
{
	return p->role == role && p->vraag > 0 && p->vraag <= n &&
	    vraag_last(p) >= n;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The distinct vraag numbers of the document's vragen and antwoorden, sorted. */
static size_t
vraag_numbers(const struct document *doc, int **out)
{
	int *v = NULL;
	size_t n = 0, cap = 0, u = 0;

	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];

		if ((p->role != ROLE_VRAAG && p->role != ROLE_ANTWOORD) || p->vraag <= 0)
			continue;
		for (int k = p->vraag; k <= vraag_last(p); k++) {
			xgrow(&v, &cap, n + 1, sizeof(*v));
			v[n++] = k;
		}
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_int);
	for (size_t i = 0; i < n; i++)
		if (u == 0 || v[u - 1] != v[i])
			v[u++] = v[i];
	*out = v;
	return u;
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

/*
 * The key that makes two documents one question set: questioner names
 * (sorted, since documents need not list them in one order), submitted
 * date and subject, each folded (NFC, typography, white space, case) and
 * separated by a control character that no folded text contains.  A
 * document without any of these has a set of its own.
 */
static char *
set_key(const struct document *doc, const char *sha)
{
	char **names = xcalloc(doc->n_questioners + 1, sizeof(*names));
	char *subject, *key, *tmp;

	if (doc->n_questioners == 0 && (!doc->subject || !*doc->subject)) {
		free(names);
		return xasprintf("\x1e" "document %s", sha);
	}
	for (size_t i = 0; i < doc->n_questioners; i++)
		names[i] = text_fold(doc->questioners[i].name ?
		    doc->questioners[i].name : "", TEXT_FOLD_CASE);
	for (size_t i = 1; i < doc->n_questioners; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			tmp = names[j];
			names[j] = names[j - 1];
			names[j - 1] = tmp;
		}
	key = xstrdup("");
	for (size_t i = 0; i < doc->n_questioners; i++) {
		tmp = xasprintf("%s%s\x1f", key, names[i]);
		free(key);
		free(names[i]);
		key = tmp;
	}
	free(names);
	subject = text_fold(doc->subject ? doc->subject : "", TEXT_FOLD_CASE);
	tmp = xasprintf("%s\x1e%s\x1e%s", key, doc->submitted, subject);
	free(key);
	free(subject);
	return tmp;
}

/* What one import has found out so far. */
struct import {
	struct store *st;
	const struct document *doc;
	const char *sha;
	long long doc_id;
	long long set_id;
	struct error *err;
};

static enum status
find_document(struct store *st, const char *sha, struct import_result *res,
    bool *found, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_DOC_BY_SHA, err);
	enum status status;
	enum doc_kind kind;

	if (!s)
		return st->prepare_failure;
	bind_text(s, 1, sha);
	status = step_row(st, s, found, "looking for the document", err);
	if (status != STATUS_OK || !*found) {
		if (status == STATUS_OK)
			done(s);
		return status;
	}
	res->unchanged = true;
	res->doc = sqlite3_column_int64(s, 0);
	res->kind = DOC_UNKNOWN;
	for (kind = DOC_UNKNOWN; kind <= DOC_QUESTIONS; kind++)
		if (strcmp(model_kind_name(kind),
		    (const char *)sqlite3_column_text(s, 1)) == 0)
			res->kind = kind;
	col_copy(s, 2, res->ministry, sizeof(res->ministry));
	res->set = sqlite3_column_int64(s, 3);
	res->n_vragen = sqlite3_column_int(s, 4);
	done(s);
	return STATUS_OK;
}

/* Finds the document's question set, creating it with its people. */
static enum status
import_set(struct import *im)
{
	const struct document *doc = im->doc;
	struct store *st = im->st;
	char *key = set_key(doc, im->sha);
	enum status status;
	sqlite3_stmt *s;
	bool found;

	if (!(s = sql(st, SQL_SET_BY_KEY, im->err))) {
		free(key);
		return st->prepare_failure;
	}
	bind_text(s, 1, key);
	status = step_row(st, s, &found, "looking for the question set", im->err);
	if (status == STATUS_OK) {
		if (found)
			im->set_id = sqlite3_column_int64(s, 0);
		done(s);
	}
	if (status != STATUS_OK || found) {
		free(key);
		return status;
	}

	if (!(s = sql(st, SQL_SET_INSERT, im->err))) {
		free(key);
		return st->prepare_failure;
	}
	bind_text(s, 1, key);
	bind_text(s, 2, doc->subject ? doc->subject : "");
	bind_text(s, 3, doc->submitted);
	status = run(st, s, "creating the question set", im->err);
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
		if ((status = run(st, s, "storing the questioners", im->err)))
			return status;
	}
	for (size_t i = 0; i < doc->n_addressed; i++) {
		if (!(s = sql(st, SQL_ADDRESSED_INSERT, im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->set_id);
		sqlite3_bind_int64(s, 2, (long long)i);
		bind_text(s, 3, doc->addressed[i]);
		if ((status = run(st, s, "storing the addressed ministries", im->err)))
			return status;
	}
	return STATUS_OK;
}

static enum status
import_document_row(struct import *im, const char *origin, int n_vragen)
{
	const struct document *doc = im->doc;
	sqlite3_stmt *s = sql(im->st, SQL_DOC_INSERT, im->err);
	enum status status;

	if (!s)
		return im->st->prepare_failure;
	bind_text(s, 1, im->sha);
	bind_text(s, 2, origin);
	bind_text(s, 3, doc->format);
	bind_text(s, 4, model_kind_name(doc->kind));
	sqlite3_bind_text64(s, 5, doc->raw, doc->raw_len, SQLITE_STATIC, SQLITE_UTF8);
	bind_id_or_null(s, 6, im->set_id);
	bind_text_or_null(s, 7, doc->ministry);
	bind_text_or_null(s, 8, doc->received);
	bind_id_or_null(s, 9, doc->aanhangsel);
	sqlite3_bind_int(s, 10, n_vragen);
	bind_text(s, 11, doc->salutation);
	bind_text(s, 12, doc->closing);
	bind_text(s, 13, doc->epigraph_author);
	if ((status = run(im->st, s, "storing the document", im->err)))
		return status;
	im->doc_id = sqlite3_last_insert_rowid(im->st->db);
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
		if ((status = run(st, s, "storing the signatories", im->err)))
			return status;
		id = sqlite3_last_insert_rowid(st->db);
		for (size_t k = 0; k < sg->n_on_behalf_of; k++) {
			if (!(s = sql(st, SQL_ON_BEHALF_INSERT, im->err)))
				return st->prepare_failure;
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_int64(s, 2, (long long)k);
			bind_text(s, 3, sg->on_behalf_of[k]);
			if ((status = run(st, s, "storing the signatories", im->err)))
				return status;
		}
	}
	for (size_t i = 0; i < doc->n_addressees; i++) {
		if (!(s = sql(st, SQL_ADDRESSEE_INSERT, im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->doc_id);
		sqlite3_bind_int64(s, 2, (long long)i);
		bind_text(s, 3, doc->addressees[i]);
		if ((status = run(st, s, "storing the addressees", im->err)))
			return status;
	}
	return STATUS_OK;
}

/* The references of an antwoord passage to the answers of other vragen. */
static enum status
import_xrefs(struct import *im, const struct passage *p, long long passage_id)
{
	struct xref *refs;
	size_t n = xref_scan(p->text, &refs);
	enum status status = STATUS_OK;
	sqlite3_stmt *s;

	for (size_t i = 0; i < n && status == STATUS_OK; i++) {
		/* "Voor het antwoord op vraag 2 verwijs ik ..." in antwoord 2 */
		if (refs[i].vraag >= p->vraag && refs[i].vraag <= vraag_last(p))
			continue;
		if (!(s = sql(im->st, SQL_XREF_INSERT, im->err))) {
			status = im->st->prepare_failure;
			break;
		}
		sqlite3_bind_int64(s, 1, passage_id);
		sqlite3_bind_int64(s, 2, (long long)refs[i].start);
		sqlite3_bind_int64(s, 3, (long long)refs[i].end);
		sqlite3_bind_int(s, 4, refs[i].vraag);
		status = run(im->st, s, "storing the references", im->err);
	}
	free(refs);
	return status;
}

static enum status
import_passages(struct import *im)
{
	const struct document *doc = im->doc;
	struct store *st = im->st;
	enum status status;
	sqlite3_stmt *s;

	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];

		/* A parser bug, caught here so that it cannot leave half a document. */
		if ((unsigned)p->role >= n_roles || !p->text || p->start > p->end ||
		    p->end > doc->raw_len)
			return error_set(im->err, STATUS_FORMAT,
			    "passage %zu is malformed (role %d, bytes %zu-%zu of %zu); this is a bug in the %s parser, please report it",
			    i + 1, (int)p->role, p->start, p->end, doc->raw_len,
			    doc->format ? doc->format : "unknown");
		if (!(s = sql(st, SQL_PASSAGE_INSERT, im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->doc_id);
		sqlite3_bind_int64(s, 2, (long long)i);
		bind_text(s, 3, model_role_name(p->role));
		sqlite3_bind_int(s, 4, p->vraag);
		sqlite3_bind_int(s, 5, p->vraag > 0 ? vraag_last(p) : p->vraag);
		bind_text(s, 6, p->text);
		sqlite3_bind_int64(s, 7, (long long)p->start);
		sqlite3_bind_int64(s, 8, (long long)p->end);
		if ((status = run(st, s, "storing the passages", im->err)))
			return status;
		if (p->role == ROLE_ANTWOORD && p->vraag > 0 &&
		    (status = import_xrefs(im, p, sqlite3_last_insert_rowid(st->db))))
			return status;
	}
	return STATUS_OK;
}

/* The text of vraag n as this document prints it; NULL when it does not. */
static char *
vraag_text(const struct document *doc, int n)
{
	char *text = NULL, *tmp;

	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];

		if (!covers(p, ROLE_VRAAG, n))
			continue;
		if (!text) {
			text = xstrdup(p->text);
			continue;
		}
		tmp = xasprintf("%s\n%s", text, p->text);
		free(text);
		text = tmp;
	}
	return text;
}

/*
 * The question row for vraag n: created with this document's text, or
 * compared with the canonical text, recording a variant when the words
 * differ (not when only typography or white space does).
 */
static enum status
import_question(struct import *im, int n, long long *question_id)
{
	struct store *st = im->st;
	char *text = vraag_text(im->doc, n);
	enum status status;
	sqlite3_stmt *s;
	bool found;

	if (!(s = sql(st, SQL_QUESTION_GET, im->err))) {
		free(text);
		return st->prepare_failure;
	}
	sqlite3_bind_int64(s, 1, im->set_id);
	sqlite3_bind_int(s, 2, n);
	if ((status = step_row(st, s, &found, "reading the questions", im->err))) {
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
		status = run(st, s, "storing the questions", im->err);
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
	status = run(st, s, "storing the questions", im->err);
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
	int *numbers;
	size_t n = vraag_numbers(doc, &numbers);
	sqlite3_stmt *s;

	for (size_t i = 0; i < n && status == STATUS_OK; i++) {
		long long question_id = 0;
		bool answered = false;

		if ((status = import_question(im, numbers[i], &question_id)))
			break;
		for (size_t k = 0; k < doc->n_passages && !answered; k++)
			answered = covers(&doc->passages[k], ROLE_ANTWOORD, numbers[i]);
		if (!answered)
			continue;
		if (!(s = sql(st, SQL_ANSWER_INSERT, im->err))) {
			status = st->prepare_failure;
			break;
		}
		sqlite3_bind_int64(s, 1, im->doc_id);
		sqlite3_bind_int64(s, 2, question_id);
		bind_text_or_null(s, 3, doc->ministry);
		status = run(st, s, "storing the answers", im->err);
	}
	if (n && numbers[n - 1] > *n_vragen)
		*n_vragen = numbers[n - 1];
	free(numbers);
	if (status != STATUS_OK)
		return status;

	if (!(s = sql(st, SQL_SET_UPDATE, im->err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, im->set_id);
	sqlite3_bind_int(s, 2, *n_vragen);
	return run(st, s, "updating the question set", im->err);
}

/*
 * References to other publications, both ways: this document's "Zie ook"
 * to documents already here, and earlier references to this document's
 * Aanhangsel number.
 */
static enum status
import_pubrefs(struct import *im)
{
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
		if ((status = run(st, s, "storing the references", im->err)))
			return status;
	}
	if (doc->aanhangsel <= 0)
		return STATUS_OK;
	for (size_t i = 0; i < 2; i++) {
		if (!(s = sql(st, i ? SQL_XREF_RESOLVE : SQL_PUBREF_RESOLVE, im->err)))
			return st->prepare_failure;
		sqlite3_bind_int64(s, 1, im->doc_id);
		sqlite3_bind_int(s, 2, doc->aanhangsel);
		bind_text_or_null(s, 3, doc->received);
		if ((status = run(st, s, "linking the references", im->err)))
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
	if ((doc->kind == DOC_ANSWER || doc->kind == DOC_QUESTIONS) &&
	    (status = import_set(im)))
		return status;
	if ((status = import_document_row(im, origin, n_vragen)) ||
	    (status = import_people(im)) ||
	    (status = import_passages(im)) ||
	    (status = import_pubrefs(im)))
		return status;
	if (im->set_id && (status = import_questions(im, &n_vragen)))
		return status;
	res->doc = im->doc_id;
	res->kind = doc->kind;
	snprintf(res->ministry, sizeof(res->ministry), "%s",
	    doc->ministry ? doc->ministry : "");
	res->set = im->set_id;
	res->n_vragen = n_vragen;
	return STATUS_OK;
}

enum status
store_import(struct store *st, const char *origin, const struct document *doc,
    struct import_result *res, struct error *err)
{
	struct import im = { .st = st, .doc = doc, .err = err };
	char sha[65];
	enum status status;
	bool found;

	memset(res, 0, sizeof(*res));
	if (!doc || !doc->raw)
		return error_set(err, STATUS_USAGE, "there is no document to import");
	sha256_hex(doc->raw, doc->raw_len, sha);
	im.sha = sha;
	if ((status = find_document(st, sha, res, &found, err)) || found)
		return status;
	if (st->readonly)
		return error_set(err, STATUS_DB,
		    "the database '%s' is read-only (check its permissions, or use --db with a file you can write)",
		    st->path);

	if ((status = run_id(st, SQL_BEGIN_IMMEDIATE, "starting the import", err)))
		return status;
	/* The same file may have come in while this import waited for the lock. */
	status = find_document(st, sha, res, &found, err);
	if (status == STATUS_OK && !found) {
		status = import_all(&im, origin, res);
		if (status == STATUS_OK)
			status = run_id(st, SQL_COMMIT, "saving the import", err);
	}
	if (status != STATUS_OK || found) {
		/* SQLite may have rolled back already (a full disk does that). */
		if (!sqlite3_get_autocommit(st->db))
			run_id(st, SQL_ROLLBACK, "undoing the import", NULL);
		if (status != STATUS_OK)
			memset(res, 0, sizeof(*res));
	}
	return status;
}

/* ------------------------------------------------------------ question sets */

/* Fills the lists of a set whose columns are already in set. */
static enum status
set_details(struct store *st, struct set_info *set, struct error *err)
{
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
		return db_fail(st, rc, "reading the questioners", err);

	if (!(s = sql(st, SQL_SET_ADDRESSED, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, set->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		model_strv_add(&set->addressed, &set->n_addressed, col_strdup(s, 0));
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, "reading the addressed ministries", err);

	if (!(s = sql(st, SQL_SET_ANSWERS, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, set->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct set_answer *a;

		set->answers = xrealloc(set->answers,
		    (set->n_answers + 1) * sizeof(*set->answers));
		a = &set->answers[set->n_answers++];
		a->doc = sqlite3_column_int64(s, 0);
		col_copy(s, 1, a->ministry, sizeof(a->ministry));
		col_copy(s, 2, a->received, sizeof(a->received));
		a->aanhangsel = sqlite3_column_int(s, 3);
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, "reading the answers", err);
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
		status = db_fail(st, rc, "reading the question sets", err);
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
	free(set->answers);
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
	if ((status = step_row(st, s, &found, "reading the question set", err)))
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

static char *
strdup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static struct signatory *
signatories_copy(const struct signatory *sg, size_t n)
{
	struct signatory *c = xcalloc(n + 1, sizeof(*c));

	for (size_t i = 0; i < n; i++) {
		c[i].name = strdup_or_null(sg[i].name);
		c[i].role = strdup_or_null(sg[i].role);
		c[i].ministry = strdup_or_null(sg[i].ministry);
		for (size_t k = 0; k < sg[i].n_on_behalf_of; k++)
			model_strv_add(&c[i].on_behalf_of, &c[i].n_on_behalf_of,
			    xstrdup(sg[i].on_behalf_of[k]));
	}
	return c;
}

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
	return s ? db_fail(st, rc, "reading the signatories", err) :
	    st->prepare_failure;
}

/* Paragraphs and references of one document's answer to vraag n. */
static enum status
read_answer(struct store *st, long long doc, int n, struct answer_view *a,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (!(s = sql(st, SQL_PARAGRAPHS, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, doc);
	sqlite3_bind_int(s, 2, n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a->paragraphs = xrealloc(a->paragraphs,
		    (a->n_paragraphs + 1) * sizeof(*a->paragraphs));
		a->paragraphs[a->n_paragraphs++] = (struct paragraph){
			.id = sqlite3_column_int64(s, 0),
			.text = col_strdup(s, 1),
		};
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, "reading the answers", err);

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
		return db_fail(st, rc, "reading the references", err);
	return STATUS_OK;
}

/* An answer document of the set, as store_questions uses it. */
struct answerer {
	long long doc;
	char ministry[16];
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
		if ((status = step_row(st, s, &found, "reading the answers", err)))
			return status;
		done(s);
		if (!found)
			continue;
		a = &q->answers[q->n_answers++];
		a->doc = who[i].doc;
		memcpy(a->ministry, who[i].ministry, sizeof(a->ministry));
		a->signatories = signatories_copy(who[i].signatories,
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
		if (!wanted(info.answers[i].ministry, ministries, n_ministries))
			continue;
		who[n_who].doc = info.answers[i].doc;
		memcpy(who[n_who].ministry, info.answers[i].ministry,
		    sizeof(who[n_who].ministry));
		status = read_signatories(st, who[n_who].doc,
		    &who[n_who].signatories, &who[n_who].n_signatories, err);
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
		status = db_fail(st, rc, "reading the questions", err);
		goto out;
	}
	if (vraag && *n == 0) {
		status = error_set(err, STATUS_NOT_FOUND,
		    "question set %lld has no vraag %d", set, vraag);
		goto out;
	}
	for (size_t i = 0; i < *n && status == STATUS_OK; i++)
		status = question_answers(st, ids[i], &(*out)[i], who, n_who, err);
out:
	free(ids);
	for (size_t i = 0; i < n_who; i++)
		model_signatories_free(who[i].signatories, who[i].n_signatories);
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
			for (size_t p = 0; p < a->n_paragraphs; p++)
				free(a->paragraphs[p].text);
			free(a->paragraphs);
			free(a->refs);
		}
		free(q[i].answers);
		free(q[i].text);
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
		};
	}
	done(s);
	if (count < limit && rc != SQLITE_DONE)
		status = db_fail(st, rc, "reading the letters", err);
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
			status = db_fail(st, rc, "reading the addressees", err);
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
