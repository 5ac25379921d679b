/*
 * floor: the least that import and search can cost on this machine, for
 * bench/run to set naast's figures against: the simplest thing a user
 * could build instead of naast with SQLite alone.
 *
 *   bench/floor import1 DB DIR     the files of DIR/manifest.tsv, one index
 *   bench/floor import DB DIR      the same with three indexes
 *   bench/floor search DB QUERIES [REPEAT]
 *   bench/floor version            the SQLite library's version
 *
 * import1 reads each file of the manifest (made by bench/gen) and puts
 * its raw bytes into SQLite in one transaction: one row per file, and
 * one row per block of it (the bytes between blank lines, as they are),
 * indexed by ONE FTS5 index, unicode61 with remove_diacritics 2, external
 * content over the block table.  This is the floor bench/run uses.
 * import does the same with the three FTS5 indexes naast kept until
 * issue 17 (the same words through the Dutch Snowball stemmer, a
 * tokenizer that wraps unicode61, and trigram), for comparing with runs
 * of that time by hand.  Rows go into the indexes by direct INSERTs.  The
 * database is in WAL mode with synchronous NORMAL, as naast's is.  The
 * floor does not parse: no headers, vragen, paragraphs, hyphens, footers,
 * sets, ministries, references, SHA-256 or library rows; what a filter
 * needs (ministry, kind, date) it takes from the manifest, not from the
 * text.  It prints: files N bytes B seconds S (from opening the database
 * to the commit, reading the files included).
 *
 * search runs each query of QUERIES (bench/gen's queries.tsv) as FTS5
 * ranks it exactly: bm25 (ORDER BY rank) over ALL the matches, the top
 * 50 with snippets, as naast's search returns them: the FTS5 query that
 * naast makes of the same text (queries.tsv has it), on the words index
 * (on a three-index database, the stem index for a query about word
 * forms; on one index, such a query finds the word as typed); with a
 * filter, joined to the file's row; with sort=date, the 50 newest
 * matches instead (by the manifest's date).  A part of a word (index
 * "like") has no FTS5 form on one unicode61 index: the floor scans the
 * blocks' text with LIKE '%part%' and stops at 50, unranked, as a user
 * without a trigram index would.  A query with index "-" (related
 * passages) has no floor.  Only on a three-index database, when the
 * words index finds nothing, the trigram index is asked, as naast did.
 * Each query runs once to warm up and REPEAT times (default 5); the line
 * per query is
 *   q<TAB>label<TAB>median ms<TAB>hits
 * with "-" for the time and hits of a query without a floor.
 */
#include "config.h"

#include <errno.h>
#include <libstemmer.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

static void
exec_sql(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		bench_die("%s: %s", sql, msg ? msg : "error");
}

static sqlite3_stmt *
prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) !=
	    SQLITE_OK)
		bench_die("%s: %s", sql, sqlite3_errmsg(db));
	return s;
}

static void
step_done(sqlite3 *db, sqlite3_stmt *s)
{
	if (sqlite3_step(s) != SQLITE_DONE)
		bench_die("%s: %s", sqlite3_sql(s), sqlite3_errmsg(db));
	sqlite3_reset(s);
}

/* ------------------------------------------------- the stemming tokenizer */

/* unicode61 (remove_diacritics 2), each token through the Dutch stemmer. */
struct stem {
	fts5_tokenizer words;
	Fts5Tokenizer *inner;
	struct sb_stemmer *stemmer;
};

struct stem_call {
	struct stem *t;
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
};

static void
stem_delete(Fts5Tokenizer *tk)
{
	struct stem *t = (struct stem *)tk;

	if (t->inner)
		t->words.xDelete(t->inner);
	if (t->stemmer)
		sb_stemmer_delete(t->stemmer);
	free(t);
}

static int
stem_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	static const char *args[] = { "remove_diacritics", "2" };
	fts5_api *api = ctx;
	struct stem *t = calloc(1, sizeof(*t));
	void *words_ctx = NULL;
	int rc;

	(void)argv;
	(void)argc;
	if (!t)
		return SQLITE_NOMEM;
	rc = api->xFindTokenizer(api, "unicode61", &words_ctx, &t->words);
	if (rc == SQLITE_OK)
		rc = t->words.xCreate(words_ctx, args, 2, &t->inner);
	if (rc == SQLITE_OK && !(t->stemmer = sb_stemmer_new("dutch", NULL)))
		rc = SQLITE_NOMEM;
	if (rc != SQLITE_OK) {
		stem_delete((Fts5Tokenizer *)t);
		return rc;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static int
stem_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct stem_call *c = ctx;
	const sb_symbol *s = sb_stemmer_stem(c->t->stemmer, (const sb_symbol *)tok, n);

	if (!s)
		return SQLITE_NOMEM;
	return c->token(c->ctx, flags, (const char *)s,
	    sb_stemmer_length(c->t->stemmer), start, end);
}

static int
stem_tokenize(Fts5Tokenizer *tk, void *ctx, int flags, const char *text, int n,
    int (*token)(void *, int, const char *, int, int, int))
{
	struct stem *t = (struct stem *)tk;
	struct stem_call c = { t, ctx, token };

	return t->words.xTokenize(t->inner, &c, flags, text, n, stem_token);
}

static void
register_stem(sqlite3 *db)
{
	fts5_tokenizer stem = { stem_create, stem_delete, stem_tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) != SQLITE_OK)
		bench_die("this SQLite has no FTS5");
	sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (!api || api->xCreateTokenizer(api, "floor_stem", api, &stem, NULL) !=
	    SQLITE_OK)
		bench_die("cannot register the stemming tokenizer");
}

static sqlite3 *
open_db(const char *path)
{
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		bench_die("cannot open '%s': %s", path, sqlite3_errmsg(db));
	register_stem(db);
	exec_sql(db, "PRAGMA journal_mode = WAL");
	exec_sql(db, "PRAGMA synchronous = NORMAL");
	return db;
}

/* ------------------------------------------------------------------ import */

static const char schema[] =
	"CREATE TABLE doc (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	"  raw TEXT NOT NULL, kind TEXT, ministry TEXT, date TEXT);"
	"CREATE TABLE block (id INTEGER PRIMARY KEY, doc INTEGER NOT NULL,"
	"  text TEXT NOT NULL);";

/* The indexes, the words first: import1 makes only that one. */
enum { I_FTS, I_STEM, I_TRI, N_INDEX };

static const char *const index_names[N_INDEX] = {
	"block_fts", "block_stem", "block_tri",
};

static const char *const index_schema[N_INDEX] = {
	"CREATE VIRTUAL TABLE block_fts USING fts5 (text, content = 'block',"
	"  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')",
	"CREATE VIRTUAL TABLE block_stem USING fts5 (text, content = 'block',"
	"  content_rowid = 'id', tokenize = 'floor_stem')",
	"CREATE VIRTUAL TABLE block_tri USING fts5 (text, content = 'block',"
	"  content_rowid = 'id', tokenize = 'trigram')",
};

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!fp)
		bench_die("cannot read '%s': %s", path, strerror(errno));
	do {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			if (!(buf = realloc(buf, cap)))
				bench_die("out of memory");
		}
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Where the next blank line (only spaces on it) starts at or after p; end when none. */
static const char *
blank_line(const char *p, const char *end)
{
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *q;

		if (!nl)
			return end;
		for (q = nl + 1; q < end && (*q == ' ' || *q == '\t' || *q == '\r'); q++)
			;
		if (q < end && *q == '\n')
			return nl;
		p = nl + 1;
	}
	return end;
}

/* The files of dir's manifest into db_path with the first n_index indexes. */
static int
floor_import(const char *db_path, const char *dir, int n_index)
{
	char path[4096], line[4096];
	double t0 = bench_now();
	sqlite3 *db = open_db(db_path);
	sqlite3_stmt *doc, *block, *idx[N_INDEX];
	unsigned long long bytes = 0;
	long files = 0;
	FILE *manifest;

	exec_sql(db, schema);
	for (int i = 0; i < n_index; i++)
		exec_sql(db, index_schema[i]);
	doc = prepare(db, "INSERT INTO doc (name, raw, kind, ministry, date)"
	    " VALUES (?1, ?2, ?3, nullif(?4, ''), nullif(?5, ''))");
	block = prepare(db, "INSERT INTO block (doc, text) VALUES (?1, ?2)");
	for (int i = 0; i < n_index; i++) {
		char sql[128];

		snprintf(sql, sizeof(sql),
		    "INSERT INTO %s (rowid, text) VALUES (?1, ?2)", index_names[i]);
		idx[i] = prepare(db, sql);
	}
	snprintf(path, sizeof(path), "%s/manifest.tsv", dir);
	if (!(manifest = fopen(path, "r")))
		bench_die("cannot read '%s': %s", path, strerror(errno));
	exec_sql(db, "BEGIN");
	while (fgets(line, sizeof(line), manifest)) {
		char *f[7];
		size_t len;
		char *raw;
		const char *s, *end;
		long long id;

		if (bench_fields(line, f, 7) < 7 || strcmp(f[0], "file") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/docs/%s", dir, f[0]);
		raw = slurp(path, &len);
		bytes += len;
		files++;
		sqlite3_bind_text(doc, 1, f[0], -1, SQLITE_STATIC);
		sqlite3_bind_text(doc, 2, raw, (int)len, SQLITE_STATIC);
		sqlite3_bind_text(doc, 3, f[1], -1, SQLITE_STATIC);
		sqlite3_bind_text(doc, 4, f[4], -1, SQLITE_STATIC);
		sqlite3_bind_text(doc, 5, f[5], -1, SQLITE_STATIC);
		step_done(db, doc);
		id = sqlite3_last_insert_rowid(db);
		end = raw + len;
		for (s = raw; s < end;) {
			const char *e = blank_line(s, end);
			long long b;

			while (s < e && (*s == '\n' || *s == ' '))
				s++;
			if (s < e) {
				sqlite3_bind_int64(block, 1, id);
				sqlite3_bind_text(block, 2, s, (int)(e - s), SQLITE_STATIC);
				step_done(db, block);
				b = sqlite3_last_insert_rowid(db);
				for (int i = 0; i < n_index; i++) {
					sqlite3_bind_int64(idx[i], 1, b);
					sqlite3_bind_text(idx[i], 2, s, (int)(e - s), SQLITE_STATIC);
					step_done(db, idx[i]);
				}
			}
			s = e < end ? e + 1 : end;
		}
		free(raw);
	}
	fclose(manifest);
	exec_sql(db, "COMMIT");
	sqlite3_finalize(doc);
	sqlite3_finalize(block);
	for (int i = 0; i < n_index; i++)
		sqlite3_finalize(idx[i]);
	sqlite3_close(db);
	printf("files %ld bytes %llu seconds %.4f\n", files, bytes, bench_now() - t0);
	return 0;
}

/* ------------------------------------------------------------------ search */

#define HITS(T) \
	"SELECT f.rowid, b.doc, snippet(" T ", 0, '[', ']', '\u2026', 32)" \
	" FROM " T " f JOIN block b ON b.id = f.rowid" \
	" WHERE " T " MATCH ?1 ORDER BY f.rank LIMIT 50"
#define FILTERED(T, ORDER) \
	"SELECT f.rowid, b.doc, snippet(" T ", 0, '[', ']', '\u2026', 32)" \
	" FROM " T " f JOIN block b ON b.id = f.rowid JOIN doc d ON d.id = b.doc" \
	" WHERE " T " MATCH ?1 AND (?2 IS NULL OR d.ministry = ?2)" \
	" AND (?3 IS NULL OR d.kind = ?3) AND (?4 IS NULL OR d.date >= ?4)" \
	" AND (?5 IS NULL OR d.date <= ?5) ORDER BY " ORDER " LIMIT 50"
/* A part of a word on one unicode61 index: a scan of the text, unranked. */
#define LIKE_SCAN \
	"SELECT b.id, b.doc, b.text FROM block b" \
	" WHERE b.text LIKE '%' || ?1 || '%' LIMIT 50"

struct filter {
	char *ministry, *kind, *from, *to;
	bool by_date;
};

/* "ministry=BZK", "from=2010-01-01,to=2010-12-31", "sort=date"; "-" is none. */
static void
read_filter(char *s, struct filter *f)
{
	memset(f, 0, sizeof(*f));
	for (char *part = strtok(s, ","); part; part = strtok(NULL, ",")) {
		char *eq = strchr(part, '=');

		if (!eq)
			continue;
		*eq = '\0';
		if (strcmp(part, "ministry") == 0)
			f->ministry = eq + 1;
		else if (strcmp(part, "kind") == 0)
			f->kind = eq + 1;
		else if (strcmp(part, "from") == 0)
			f->from = eq + 1;
		else if (strcmp(part, "to") == 0)
			f->to = eq + 1;
		else if (strcmp(part, "sort") == 0)
			f->by_date = strcmp(eq + 1, "date") == 0;
	}
}

static bool
has_filter(const struct filter *f)
{
	return f->ministry || f->kind || f->from || f->to || f->by_date;
}

/* One run of a query: the number of hits (their snippets made and dropped). */
static int
run(sqlite3 *db, sqlite3_stmt *s, const char *fts, const struct filter *f,
    bool filtered)
{
	int hits = 0, rc;

	sqlite3_bind_text(s, 1, fts, -1, SQLITE_STATIC);
	if (filtered) {
		sqlite3_bind_text(s, 2, f->ministry, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, f->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, f->from, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, f->to, -1, SQLITE_STATIC);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *snippet = sqlite3_column_text(s, 2);

		hits += snippet != NULL;
	}
	if (rc != SQLITE_DONE)
		bench_die("searching: %s", sqlite3_errmsg(db));
	sqlite3_reset(s);
	return hits;
}

/* Whether the database has table name: a three-index floor has block_stem. */
static bool
has_table(sqlite3 *db, const char *name)
{
	sqlite3_stmt *s = prepare(db,
	    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
	bool has;

	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	has = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return has;
}

static int
floor_search(const char *db_path, const char *queries, int repeat)
{
	sqlite3 *db = open_db(db_path);
	sqlite3_stmt *plain[N_INDEX] = { NULL }, *filtered[N_INDEX] = { NULL },
	    *dated[N_INDEX] = { NULL }, *like;
	char line[4096];
	FILE *fp = fopen(queries, "r");
	double *t = calloc((size_t)repeat, sizeof(*t));
	int n_index = has_table(db, index_names[I_STEM]) ? N_INDEX : 1;

	if (!fp)
		bench_die("cannot read '%s': %s", queries, strerror(errno));
	if (!t)
		bench_die("out of memory");
	for (int i = 0; i < n_index; i++) {
		const char *n = index_names[i];
		char sql[1024];

		snprintf(sql, sizeof(sql), HITS("%s"), n, n, n);
		plain[i] = prepare(db, sql);
		snprintf(sql, sizeof(sql), FILTERED("%s", "f.rank"), n, n, n);
		filtered[i] = prepare(db, sql);
		snprintf(sql, sizeof(sql), FILTERED("%s", "d.date DESC"), n, n, n);
		dated[i] = prepare(db, sql);
	}
	like = prepare(db, LIKE_SCAN);
	while (fgets(line, sizeof(line), fp)) {
		char *f[8];
		struct filter filter;
		int index, hits = 0;
		bool with_filter, scan;

		if (bench_fields(line, f, 8) < 8)
			continue;
		if (strcmp(f[5], "-") == 0) {
			printf("q\t%s\t-\t-\n", f[0]);
			continue;
		}
		scan = strcmp(f[5], "like") == 0;
		index = strcmp(f[5], "stem") == 0 && n_index > I_STEM ? I_STEM : I_FTS;
		read_filter(f[6], &filter);
		with_filter = has_filter(&filter);
		for (int r = -1; r < repeat; r++) {
			double t0 = bench_now();
			sqlite3_stmt *s = filter.by_date ? dated[index] :
			    with_filter ? filtered[index] : plain[index];

			if (scan)
				hits = run(db, like, f[2], &filter, false);
			else
				hits = run(db, s, f[4], &filter, with_filter);
			/* Nothing as words: perhaps as parts of words. */
			if (hits == 0 && !scan && index == I_FTS && n_index > I_TRI)
				hits = run(db, with_filter ? filtered[I_TRI] : plain[I_TRI],
				    f[4], &filter, with_filter);
			if (r >= 0)
				t[r] = (bench_now() - t0) * 1000;
		}
		printf("q\t%s\t%.3f\t%d\n", f[0], bench_median(t, (size_t)repeat), hits);
	}
	fclose(fp);
	free(t);
	for (int i = 0; i < n_index; i++) {
		sqlite3_finalize(plain[i]);
		sqlite3_finalize(filtered[i]);
		sqlite3_finalize(dated[i]);
	}
	sqlite3_finalize(like);
	sqlite3_close(db);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "version") == 0) {
		printf("%s\n", sqlite3_libversion());
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "import1") == 0)
		return floor_import(argv[2], argv[3], 1);
	if (argc == 4 && strcmp(argv[1], "import") == 0)
		return floor_import(argv[2], argv[3], N_INDEX);
	if ((argc == 4 || argc == 5) && strcmp(argv[1], "search") == 0)
		return floor_search(argv[2], argv[3], argc == 5 ? atoi(argv[4]) > 0 ?
		    atoi(argv[4]) : 5 : 5);
	fputs("usage: floor import1 DB DIR | floor import DB DIR"
	    " | floor search DB QUERIES [REPEAT] | floor version\n", stderr);
	return 2;
}
