#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "xalloc.h"

/* ------------------------------------------------------------------ helpers */

static struct search_terms
parse_ok(const char *text)
{
	struct search_terms t;
	struct error err = { "" };

	if (search_parse(text, &t, &err) != STATUS_OK)
		fail_msg("'%s': %s", text, err.msg);
	return t;
}

static void
assert_term(const struct search_terms *t, size_t i, const char *text,
    bool phrase, bool prefix)
{
	assert_true(i < t->n);
	assert_string_equal(t->terms[i].text, text);
	assert_int_equal(t->terms[i].phrase, phrase);
	assert_int_equal(t->terms[i].prefix, prefix);
}

static void
assert_usage(const char *text)
{
	struct search_terms t;
	struct error err = { "" };

	if (search_parse(text, &t, &err) != STATUS_USAGE)
		fail_msg("'%s' gave %zu terms, expected none", text, t.n);
	assert_int_equal(t.n, 0);
	assert_null(t.terms);
	assert_string_equal(err.msg,
	    "nothing to search for: type one or more words");
}

/* The FTS5 query of text, which must parse. */
static char *
fts_of(const char *text)
{
	struct search_terms t = parse_ok(text);
	char *q = search_fts_query(&t);

	search_terms_free(&t);
	return q;
}

static void
assert_fts(const char *text, const char *want)
{
	char *q = fts_of(text);

	assert_string_equal(q, want);
	free(q);
}

static void
assert_stems(const char *text, const char *want)
{
	struct search_terms t = parse_ok(text);
	char *q = search_stem_query(&t);

	assert_string_equal(q, want);
	free(q);
	search_terms_free(&t);
}

/* Whether the only term of text may be a part of words. */
static bool
is_part(const char *text)
{
	struct search_terms t = parse_ok(text);
	bool part;

	assert_int_equal(t.n, 1);
	part = search_term_is_part(&t.terms[0]);
	search_terms_free(&t);
	return part;
}

/* ------------------------------------------------------------------ parsing */

static void
test_words(void **state)
{
	struct search_terms t;

	(void)state;
	t = parse_ok("ambtenaren politiek");
	assert_int_equal(t.n, 2);
	assert_term(&t, 0, "ambtenaren", false, false);
	assert_term(&t, 1, "politiek", false, false);
	search_terms_free(&t);

	/* any white space separates; none is kept at the ends */
	t = parse_ok(" \t ambtenaren\n\u00a0politiek\r\n ");
	assert_int_equal(t.n, 2);
	assert_term(&t, 0, "ambtenaren", false, false);
	assert_term(&t, 1, "politiek", false, false);
	search_terms_free(&t);

	/* case and diacritics are kept as typed (the index folds them) */
	t = parse_ok("Ministeriële");
	assert_int_equal(t.n, 1);
	assert_term(&t, 0, "Ministeriële", false, false);
	search_terms_free(&t);

	/* NFC: e + combining acute is é */
	t = parse_ok("ide\u0301e");
	assert_term(&t, 0, "id\u00e9e", false, false);
	search_terms_free(&t);
}

static void
test_phrases(void **state)
{
	struct search_terms t;

	(void)state;
	t = parse_ok("\"politiek adviseurs\" ambtenaren");
	assert_int_equal(t.n, 2);
	assert_term(&t, 0, "politiek adviseurs", true, false);
	assert_term(&t, 1, "ambtenaren", false, false);
	search_terms_free(&t);

	/* white space inside a phrase is squeezed and trimmed */
	t = parse_ok("\"  politiek \t adviseurs \"");
	assert_int_equal(t.n, 1);
	assert_term(&t, 0, "politiek adviseurs", true, false);
	search_terms_free(&t);

	/* an unterminated quote runs to the end */
	t = parse_ok("ambtenaren \"politiek adviseurs");
	assert_int_equal(t.n, 2);
	assert_term(&t, 0, "ambtenaren", false, false);
	assert_term(&t, 1, "politiek adviseurs", true, false);
	search_terms_free(&t);

	/* typographic quotes, as pasted from a document */
	t = parse_ok("\u201cpolitiek adviseurs\u201d \u201ejuist\u201d");
	assert_int_equal(t.n, 2);
	assert_term(&t, 0, "politiek adviseurs", true, false);
	assert_term(&t, 1, "juist", true, false);
	search_terms_free(&t);

	/* a phrase ends at its quote, even with no space after it */
	t = parse_ok("\"politiek\"adviseurs");
	assert_int_equal(t.n, 2);
	assert_term(&t, 0, "politiek", true, false);
	assert_term(&t, 1, "adviseurs", false, false);
	search_terms_free(&t);

	/* a quote inside a word is a character of the word */
	t = parse_ok("ab\"cd ef");
	assert_int_equal(t.n, 2);
	assert_term(&t, 0, "ab\"cd", false, false);
	assert_term(&t, 1, "ef", false, false);
	search_terms_free(&t);

	/* an empty phrase is nothing */
	t = parse_ok("\"\" \"  \" x");
	assert_int_equal(t.n, 1);
	assert_term(&t, 0, "x", false, false);
	search_terms_free(&t);
}

static void
test_prefixes(void **state)
{
	struct search_terms t;

	(void)state;
	t = parse_ok("verkiez* ambt**");
	assert_int_equal(t.n, 2);
	assert_term(&t, 0, "verkiez", false, true);
	assert_term(&t, 1, "ambt", false, true);
	search_terms_free(&t);

	/* the star of a phrase makes its last word a prefix */
	t = parse_ok("\"politiek advis\"*");
	assert_int_equal(t.n, 1);
	assert_term(&t, 0, "politiek advis", true, true);
	search_terms_free(&t);

	/* a star anywhere else is a character */
	t = parse_ok("*verkiez a*b");
	assert_int_equal(t.n, 2);
	assert_term(&t, 0, "*verkiez", false, false);
	assert_term(&t, 1, "a*b", false, false);
	search_terms_free(&t);

	/* a star with no word before it is nothing */
	t = parse_ok("* ambtenaren **");
	assert_int_equal(t.n, 1);
	assert_term(&t, 0, "ambtenaren", false, false);
	search_terms_free(&t);
}

/*
 * A prefix of one or two characters would find almost every passage:
 * refused with a message that says what to do, whatever comes with it;
 * of a phrase, its last word counts, in characters, not bytes.
 */
static void
test_short_prefixes(void **state)
{
	static const char *const refused[] = {
		"a*", "v*", "ab*", "ambtenaren a*", "\"politiek a\"*", "\u00e9\u00e9*",
	};
	static const char *const kept[] = {
		"abc*", "\u00e9\u00e9n*", "\"a politiek\"*", "a", "a*b",
	};
	struct search_terms t;
	struct error err = { "" };

	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++) {
		assert_int_equal(search_parse(refused[i], &t, &err), STATUS_USAGE);
		assert_int_equal(t.n, 0);
		assert_non_null(strstr(err.msg, "a prefix needs 3 letters or more: "));
		assert_non_null(strstr(err.msg, "type more of the word"));
	}
	assert_string_equal(err.msg, "a prefix needs 3 letters or more: \u00e9\u00e9* "
	    "would find almost every passage; type more of the word");
	for (size_t i = 0; i < sizeof(kept) / sizeof(*kept); i++) {
		t = parse_ok(kept[i]);
		search_terms_free(&t);
	}
}

/* FTS5's operators and punctuation are plain characters. */
static void
test_literal(void **state)
{
	static const char *const words[] = {
		"AND", "OR", "NOT", "NEAR", "NEAR(", "a'b", "-x", "+x", "^x",
		"text:ambtenaren", "{a", "x)", "NEAR(a", "a,b",
	};
	struct search_terms t;

	(void)state;
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++) {
		t = parse_ok(words[i]);
		assert_int_equal(t.n, 1);
		assert_term(&t, 0, words[i], false, false);
		search_terms_free(&t);
	}
	t = parse_ok("ambtenaren OR NOT politiek");
	assert_int_equal(t.n, 4);
	assert_term(&t, 1, "OR", false, false);
	assert_term(&t, 2, "NOT", false, false);
	search_terms_free(&t);

	/* a term of no word characters tokenises to nothing: dropped */
	t = parse_ok("( ambtenaren ) : - ^ + ' ,");
	assert_int_equal(t.n, 1);
	assert_term(&t, 0, "ambtenaren", false, false);
	search_terms_free(&t);
}

static void
test_nothing_to_search(void **state)
{
	(void)state;
	assert_usage("");
	assert_usage("   \t\n ");
	assert_usage(NULL);
	assert_usage("\"");
	assert_usage("\"\"");
	assert_usage("*");
	assert_usage("(");
	assert_usage(":");
	assert_usage("( ) : - ^ + ' \" * ,");
	assert_usage("\033[2J");
}

/* Bytes that are no text never reach a query as they came. */
static void
test_hostile_bytes(void **state)
{
	struct search_terms t;

	(void)state;
	/* invalid UTF-8 becomes U+FFFD */
	t = parse_ok("ab\xff" "cd");
	assert_int_equal(t.n, 1);
	assert_term(&t, 0, "ab\uFFFD" "cd", false, false);
	search_terms_free(&t);

	/* escape sequences and control characters go */
	t = parse_ok("x\033[2Jy z\007");
	assert_int_equal(t.n, 2);
	assert_term(&t, 0, "xy", false, false);
	assert_term(&t, 1, "z", false, false);
	search_terms_free(&t);
}

/* ------------------------------------------------------------------ queries */

static void
test_fts_query(void **state)
{
	(void)state;
	assert_fts("ambtenaren politiek", "\"ambtenaren\" \"politiek\"");
	assert_fts("verkiez*", "\"verkiez\"*");
	assert_fts("\"politiek adviseurs\"", "\"politiek adviseurs\"");
	assert_fts("\"politiek advis\"*", "\"politiek advis\"*");
	assert_fts("AND OR NOT", "\"AND\" \"OR\" \"NOT\"");
	assert_fts("NEAR(a", "\"NEAR(a\"");
	assert_fts("ab\"cd", "\"ab\"\"cd\"");
	assert_fts("a\"\"b*", "\"a\"\"\"\"b\"*");
	assert_fts("\"x\" y", "\"x\" \"y\"");
}

/* The stems' query: each string behind the mark. */
static void
test_stem_query(void **state)
{
	(void)state;
	assert_stems("ambtenaar", "\"" SEARCH_STEM_MARK "ambtenaar\"");
	assert_stems("ambtenaar neutraal", "\"" SEARCH_STEM_MARK "ambtenaar\" \""
	    SEARCH_STEM_MARK "neutraal\"");
	assert_stems("\"politiek adviseurs\"", "\"" SEARCH_STEM_MARK
	    "politiek adviseurs\"");
	/* the tokenizer keeps the last word of a prefix as typed */
	assert_stems("verkiez*", "\"" SEARCH_STEM_MARK "verkiez\"*");
	assert_stems("\"de verkiez\"*", "\"" SEARCH_STEM_MARK "de verkiez\"*");
	assert_stems("a\"b", "\"" SEARCH_STEM_MARK "a\"\"b\"");
	/* nothing typed brings the mark: control characters go */
	assert_stems(SEARCH_STEM_MARK "x", "\"" SEARCH_STEM_MARK "x\"");
}

/* A part of words is one word, not a phrase, of three characters or more. */
static void
test_part_terms(void **state)
{
	(void)state;
	assert_true(is_part("uitslag"));
	assert_true(is_part("ver"));
	assert_false(is_part("ab"));
	/* characters, not bytes: "éé" is two */
	assert_false(is_part("\u00e9\u00e9"));
	assert_true(is_part("\u00e9\u00e9n"));
	assert_true(is_part("verkiez*"));
	assert_false(is_part("\"politiek adviseurs\""));
	assert_false(is_part("\"uitslag\""));
	/* an operator word in capitals is a whole word, as typed (issue 19) */
	assert_false(is_part("NOT"));
	assert_false(is_part("NEAR"));
	assert_false(is_part("AND"));
	assert_true(is_part("not"));
	assert_true(is_part("Near"));
}

/* ----------------------------------------------------------------- distance */

static void
test_distance(void **state)
{
	(void)state;
	assert_int_equal(search_distance("kitten", "sitting", 5), 3);
	assert_int_equal(search_distance("sitting", "kitten", 5), 3);
	assert_int_equal(search_distance("ambtenaren", "ambtenaren", 2), 0);
	assert_int_equal(search_distance("", "", 2), 0);
	assert_int_equal(search_distance("", "ab", 2), 2);
	assert_int_equal(search_distance("abc", "", 5), 3);
	/* the OCR spelling of the letter: m for nn */
	assert_int_equal(search_distance("economische", "econonnische", 2), 2);
	/* by characters: ë for e is one edit, not two bytes */
	assert_int_equal(search_distance("ministeri\u00eble", "ministeriele", 2), 1);
	assert_int_equal(search_distance("\u00e9\u00e9n", "een", 5), 2);
	/* past max: max + 1, however far */
	assert_int_equal(search_distance("kitten", "sitting", 2), 3);
	assert_int_equal(search_distance("a", "abcdefgh", 2), 3);
	assert_int_equal(search_distance("ambtenaren", "zeppelin", 1), 2);
	assert_int_equal(search_distance("abc", "xyz", 0), 1);
	/* invalid UTF-8 is compared byte by byte rather than refused */
	assert_int_equal(search_distance("a\xff", "a\xfe", 2), 1);
}

/* --------------------------------------------------------------------- fuzz */

/*
 * Pieces of hostile input: FTS5 syntax, quotes straight and typographic,
 * stars, letters, white space, non-ASCII, invalid and truncated UTF-8,
 * control and escape bytes.
 */
static const char *const pieces[] = {
	"\"", "\"", "*", "*", "(", ")", ":", "-", "^", "+", "'", ",", "{", "}",
	"a", "b", "e", "x", "amb", "ten", "aren", "uit", "slag", "verkiez",
	" ", " ", " ", "\t", "\n",
	"NEAR", "NEAR(", "AND", "OR", "NOT", "near", "and",
	"\u00eb", "\u00e9", "\u00df", "\u2019", "\u201c", "\u201d", "\u201e",
	"\u4e2d", "\u0301", "\u00a0", "\U0001F600",
	"\xff", "\xc3", "\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\033[2J",
	"\x01", "0", "12",
};

static uint64_t
next_random(uint64_t *s)
{
	/* xorshift64*: deterministic, so a failure can be replayed */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static void
fuzz_string(uint64_t *seed, char *buf, size_t size)
{
	size_t n = next_random(seed) % 12, len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *p = pieces[next_random(seed) %
		    (sizeof(pieces) / sizeof(*pieces))];
		size_t k = strlen(p);

		if (len + k + 1 > size)
			break;
		memcpy(buf + len, p, k + 1);
		len += k;
	}
}

/* Runs query on table; fails the test on any SQLite error. */
static void
run_match(sqlite3 *db, sqlite3_stmt *s, const char *input, const char *query)
{
	int rc;

	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		fail_msg("input '%s' gave query '%s': %s", input, query,
		    sqlite3_errmsg(db));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

static void
test_fuzz(void **state)
{
	static const char *const rows[] = {
		"Het is belangrijk dat ambtenaren politiek neutraal zijn.",
		"Nee. Wel is in reguliere overleggen over de verkiezingsuitslag gesproken.",
		"NEAR AND OR NOT: a'b -x ^y +z (met) \"uitzondering\" ministeri\u00eble",
	};
	uint64_t seed = 20240129;
	sqlite3 *db;
	sqlite3_stmt *words;
	size_t usage = 0, queries = 0;
	char buf[256];

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE w USING fts5 (text,"
	    "  tokenize = 'unicode61 remove_diacritics 2');",
	    NULL, NULL, NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		char *sql = sqlite3_mprintf("INSERT INTO w VALUES (%Q);", rows[i]);

		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		sqlite3_free(sql);
	}
	/* bm25 and snippet too: they read the query's phrases */
	assert_int_equal(sqlite3_prepare_v2(db,
	    "SELECT bm25(w), snippet(w, 0, '[', ']', '...', 8) FROM w"
	    " WHERE w MATCH ?1 ORDER BY rank", -1, &words, NULL), SQLITE_OK);

	for (int i = 0; i < 10000; i++) {
		struct search_terms t;
		struct error err = { "" };
		char *q;

		fuzz_string(&seed, buf, sizeof(buf));
		if (search_parse(buf, &t, &err) != STATUS_OK) {
			if (strncmp(err.msg, "a prefix needs 3 letters", 24) != 0)
				assert_string_equal(err.msg,
				    "nothing to search for: type one or more words");
			usage++;
			continue;
		}
		assert_true(t.n > 0);
		q = search_fts_query(&t);
		run_match(db, words, buf, q);
		free(q);
		q = search_stem_query(&t);
		run_match(db, words, buf, q);
		free(q);
		queries++;
		search_terms_free(&t);
	}
	/* both outcomes were exercised */
	assert_true(usage > 100);
	assert_true(queries > 5000);
	sqlite3_finalize(words);
	sqlite3_close(db);
}

/* A long query is still one FTS5 can parse. */
/* A query longer than the interface's prompt holds: refused, saying so. */
static void
test_too_long(void **state)
{
	char text[SEARCH_MAX_BYTES + 2];
	struct search_terms t;
	struct error err = { "" };

	(void)state;
	memset(text, ' ', sizeof(text) - 1);
	memcpy(text + sizeof(text) - 5, "zorg", 4);
	text[sizeof(text) - 1] = '\0';
	assert_int_equal(search_parse(text, &t, &err), STATUS_USAGE);
	assert_int_equal(t.n, 0);
	assert_non_null(strstr(err.msg, "512 bytes long, more than the 511"));
	search_terms_free(&t);
	memmove(text, text + 1, sizeof(text) - 1);
	assert_int_equal(search_parse(text, &t, &err), STATUS_OK);
	assert_int_equal(t.n, 1);
	search_terms_free(&t);
}

static void
test_many_terms(void **state)
{
	struct xbuf b = { 0 };
	struct search_terms t;
	sqlite3 *db;
	sqlite3_stmt *s;
	char *text, *q;

	size_t n = 0;

	(void)state;
	/* As many terms of each kind as the longest query holds. */
	for (int i = 0;; i++) {
		char w[32];

		snprintf(w, sizeof(w), "%swrd%d%s ", i % 3 == 0 ? "\"" : "", i,
		    i % 3 == 0 ? " x\"" : i % 3 == 1 ? "*" : "");
		if (b.n + strlen(w) > SEARCH_MAX_BYTES)
			break;
		xbuf_add(&b, w, strlen(w));
		n++;
	}
	text = xbuf_finish(&b);
	t = parse_ok(text);
	assert_true(n > 40);
	assert_int_equal(t.n, n);
	q = search_fts_query(&t);
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE w USING fts5 (text);"
	    "INSERT INTO w VALUES ('wrd1 wrd2 x');", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
	    "SELECT count(*) FROM w WHERE w MATCH ?1", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_ROW)
		fail_msg("%s", sqlite3_errmsg(db));
	assert_int_equal(sqlite3_column_int(s, 0), 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(q);
	free(text);
	search_terms_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_phrases),
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_short_prefixes),
		cmocka_unit_test(test_literal),
		cmocka_unit_test(test_nothing_to_search),
		cmocka_unit_test(test_hostile_bytes),
		cmocka_unit_test(test_fts_query),
		cmocka_unit_test(test_stem_query),
		cmocka_unit_test(test_part_terms),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_fuzz),
		cmocka_unit_test(test_many_terms),
		cmocka_unit_test(test_too_long),
	};

	return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
