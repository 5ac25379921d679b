/*
 * fuzz_search: what a user types into a search, made into FTS5 queries
 * (search.h) and run.  The promise under test: no string typed produces
 * an SQLite error.  The input is the search text up to its first NUL
 * byte, then (optional, NUL-separated) a questioner and a party filter
 * and a byte of switches.
 *
 * Each query runs twice: on a bare FTS5 table tokenised as the store's
 * index is underneath (unicode61 without diacritics), the query of the
 * words and that of their stems, where any error fails; and through the
 * store itself on the bundled corpus in an in-memory database (its own
 * tokenizer, parts of words, filters, snippets, suggestions), where the
 * only refusals allowed are "nothing to search for" and a prefix too
 * short.
 */
#include "config.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "model.h"
#include "parse.h"
#include "search.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

#define NOTHING "nothing to search for: type one or more words"
#define SHORT_PREFIX "a prefix needs 3 letters or more: "
#define TOO_LONG "the query is "

/* The only refusals: nothing to search for, too short a prefix, too long a text. */
static bool
refusal_allowed(const char *text, const char *msg)
{
	if (strlen(text) > SEARCH_MAX_BYTES)
		return strncmp(msg, TOO_LONG, strlen(TOO_LONG)) == 0;
	return strcmp(msg, NOTHING) == 0 ||
	    strncmp(msg, SHORT_PREFIX, strlen(SHORT_PREFIX)) == 0;
}

/* --------------------------------------------------- bare FTS5 tables */

static sqlite3 *db;
static sqlite3_stmt *words_stmt;

static void
require_sqlite(int rc, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		fprintf(stderr, "naast fuzz: %s: %s\n", what, sqlite3_errmsg(db));
		fuzz_require(false, "SQLite accepts every query");
	}
}

static void
open_tables(void)
{
	static const char *const rows[] = {
		"Het is belangrijk dat ambtenaren politiek neutraal zijn.",
		"Nee. Wel is in reguliere overleggen over de verkiezingsuitslag gesproken.",
		"NEAR AND OR NOT: a'b -x ^y +z (met) \"uitzondering\" ministeri\u00eble",
	};

	require_sqlite(sqlite3_open(":memory:", &db), "opening");
	require_sqlite(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE w USING fts5 (text,"
	    "  tokenize = 'unicode61 remove_diacritics 2');",
	    NULL, NULL, NULL), "creating the tables");
	for (size_t i = 0; i < COUNT(rows); i++) {
		char *sql = sqlite3_mprintf("INSERT INTO w VALUES (%Q);", rows[i]);

		require_sqlite(sqlite3_exec(db, sql, NULL, NULL, NULL), "filling the tables");
		sqlite3_free(sql);
	}
	/* bm25, snippet and highlight read the query's phrases */
	require_sqlite(sqlite3_prepare_v2(db,
	    "SELECT bm25(w), snippet(w, 0, '[', ']', '...', 8) FROM w"
	    " WHERE w MATCH ?1 ORDER BY rank", -1, &words_stmt, NULL), "preparing");
}

static void
run_match(sqlite3_stmt *s, const char *query)
{
	int rc;

	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		fprintf(stderr, "naast fuzz: the query was: %s\n", query);
	require_sqlite(rc, "running the query");
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

static void
query_tables(const char *text)
{
	struct search_terms t;
	struct error err = { "" };
	char *q;

	if (search_parse(text, &t, &err) != STATUS_OK) {
		fuzz_require(t.n == 0, "a refused search has no terms");
		fuzz_require(refusal_allowed(text, err.msg),
		    "a search is refused only when nothing is left, a prefix is short or the text too long");
		search_terms_free(&t);
		return;
	}
	fuzz_require(t.n > 0, "an accepted search has terms");
	for (size_t i = 0; i < t.n; i++)
		fuzz_require(text_is_utf8(t.terms[i].text, strlen(t.terms[i].text)),
		    "a term is UTF-8");
	q = search_fts_query(&t);
	run_match(words_stmt, q);
	free(q);
	q = search_stem_query(&t);
	run_match(words_stmt, q);
	free(q);
	search_terms_free(&t);
}

/* --------------------------------------------------------- the store */

static struct store *store;

static void
import_corpus(void)
{
	const char *dir = NAAST_SRCDIR "/assets/corpus";
	DIR *d = opendir(dir);
	struct dirent *e;
	struct error err = { "" };

	fuzz_require(store_open(":memory:", &store, &err) == STATUS_OK,
	    "an in-memory store opens");
	fuzz_require(d != NULL, "the bundled corpus is there");
	while ((e = readdir(d))) {
		char *path, *raw;
		FILE *fp;
		struct xbuf b = { 0 };
		char chunk[4096];
		size_t got;
		struct document *doc;
		struct import_result res;

		if (!strstr(e->d_name, ".txt"))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		fp = fopen(path, "rb");
		fuzz_require(fp != NULL, "a corpus file opens");
		while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			xbuf_add(&b, chunk, got);
		fclose(fp);
		got = b.n;
		raw = xbuf_finish(&b);
		fuzz_require(parse_document(raw, got, NULL, &doc, &err) == STATUS_OK,
		    "a corpus file parses");
		fuzz_require(store_import(store, path, doc, &res, &err) == STATUS_OK,
		    "a corpus file imports");
		model_free(doc);
		free(raw);
		free(path);
	}
	closedir(d);
}

static void
query_store(const char *text, const char *questioner, const char *party,
    unsigned switches)
{
	struct search_query q = {
		.text = text,
		.substring = switches & 1,
		.sort = switches & 2 ? SEARCH_BY_DATE : SEARCH_BY_RANK,
		.questioner = questioner,
		.party = party,
		.kind = switches & 4 ? DOC_ANSWER : DOC_UNKNOWN,
		.limit = 1 + (switches >> 3),
	};
	struct search_hit *hits = NULL;
	struct error err = { "" };
	size_t n = 0;
	char **words = NULL;
	enum status st = store_search(store, &q, &hits, &n, NULL, &err);

	if (st != STATUS_OK) {
		fprintf(stderr, "naast fuzz: store_search: %s\n", err.msg);
		fuzz_require(st == STATUS_USAGE && refusal_allowed(text, err.msg),
		    "a search is refused only when nothing is left, a prefix is short or the text too long");
	}
	fuzz_require(n <= q.limit, "a search gives at most limit hits");
	for (size_t i = 0; i < n; i++)
		fuzz_require(hits[i].snippet && text_is_utf8(hits[i].snippet,
		    strlen(hits[i].snippet)), "a snippet is UTF-8");
	store_hits_free(hits, n);

	n = 0;
	st = store_suggest(store, text, &words, &n, &err);
	if (st != STATUS_OK)
		fprintf(stderr, "naast fuzz: store_suggest: %s\n", err.msg);
	fuzz_require(st == STATUS_OK, "suggestions never fail");
	model_strv_free(words, n);
}

/* At exit: what the first input opened, closed so that leak checks stay quiet. */
static void
close_all(void)
{
	sqlite3_finalize(words_stmt);
	sqlite3_close(db);
	store_close(store);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_reader r = { data, size };
	char *text = fuzz_string(&r);
	char *questioner = fuzz_string_or_null(&r);
	char *party = fuzz_string_or_null(&r);
	unsigned switches = fuzz_byte(&r);
	char *bar = strchr(text, '|');

	if (!db) {
		open_tables();
		import_corpus();
		atexit(close_all);
	}
	query_tables(text);
	query_store(text, questioner, party, switches);
	/* the distance that suggestions use, between two words of any bytes */
	if (bar) {
		size_t max = switches % 8, d;

		*bar = '\0';
		d = search_distance(text, bar + 1, max);
		fuzz_require(d <= max + 1, "a distance is at most max + 1");
		fuzz_require(search_distance(bar + 1, text, max) == d,
		    "a distance is the same both ways");
		fuzz_require(search_distance(text, text, max) == 0,
		    "a word is at distance 0 of itself");
	}
	free(text);
	free(questioner);
	free(party);
	return 0;
}
