/*
 * store_fts: what every connection registers before it touches the
 * schema (the stemming tokenizer of passage_stem, naast_fold(),
 * naast_succeeds() for coverage and, from store_rank.c, naast_bm25()),
 * and the words of a text as passage_fts sees them.  The indexes
 * themselves are in the schema in store.c.
 */
#include "config.h"

#include <libstemmer.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ministry.h"
#include "store.h"
#include "store_db.h"

/* What unicode61 is told in passage_fts's schema; the stemmer wraps the same. */
static const char *const word_args[] = { "remove_diacritics", "2" };
#define N_WORD_ARGS 2

/* ----------------------------------------------------- stemming tokenizer */

/*
 * naast_stem: the words unicode61 finds (lowercase, diacritics removed),
 * each passed through the Dutch Snowball stemmer.  Offsets are
 * unicode61's, so snippets mark the words as written.  One stemmer per
 * tokenizer instance: FTS5 makes one per table and connection and never
 * uses it from two threads at once.
 */
struct stem_tokenizer {
	struct store *st;	/* whose vocabulary counts the words */
	fts5_tokenizer words;	/* unicode61's methods */
	Fts5Tokenizer *inner;	/* and its instance */
	struct sb_stemmer *stemmer;
};

static void
stem_delete(Fts5Tokenizer *tk)
{
	struct stem_tokenizer *t = (struct stem_tokenizer *)tk;

	if (!t)
		return;
	if (t->inner)
		t->words.xDelete(t->inner);
	if (t->stemmer)
		sb_stemmer_delete(t->stemmer);
	sqlite3_free(t);
}

/* Arguments (none in naast's schema) go to unicode61 instead of word_args. */
static int
stem_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct store *st = ctx;
	fts5_api *api = st->fts5;
	struct stem_tokenizer *t = sqlite3_malloc(sizeof(*t));
	const char *args[N_WORD_ARGS] = { word_args[0], word_args[1] };
	void *words_ctx = NULL;
	int rc;

	*out = NULL;
	if (!t)
		return SQLITE_NOMEM;
	memset(t, 0, sizeof(*t));
	t->st = st;
	rc = api->xFindTokenizer(api, "unicode61", &words_ctx, &t->words);
	if (rc == SQLITE_OK)
		rc = t->words.xCreate(words_ctx, argc > 0 ? argv : args,
		    argc > 0 ? argc : N_WORD_ARGS, &t->inner);
	if (rc == SQLITE_OK && !(t->stemmer = sb_stemmer_new("dutch", NULL)))
		rc = SQLITE_NOMEM;
	if (rc != SQLITE_OK) {
		stem_delete((Fts5Tokenizer *)t);
		return rc;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

/*
 * One call of xTokenize.  For a prefix query ("verkiez"*) the last word
 * is the prefix and must reach FTS5 unstemmed ("verkiez" is no word the
 * stemmer knows what to do with), while the words before it are whole
 * words of a phrase: so each word is held until the next one comes.
 */
struct stem_call {
	struct stem_tokenizer *t;
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
	bool prefix;
	bool counting;		/* the words go to the vocabulary too */
	bool holding;
	char *held;
	int held_n, held_cap, held_flags, held_start, held_end;
};

static int
stem_emit(struct stem_call *c, int flags, const char *tok, int n, int start,
    int end)
{
	const sb_symbol *s = sb_stemmer_stem(c->t->stemmer,
	    (const sb_symbol *)tok, n);

	if (!s)
		return SQLITE_NOMEM;
	return c->token(c->ctx, flags, (const char *)s,
	    sb_stemmer_length(c->t->stemmer), start, end);
}

static int
stem_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct stem_call *c = ctx;
	int rc;

	if (c->counting)
		store_vocab_word(c->t->st, tok, (size_t)n);
	if (!c->prefix)
		return stem_emit(c, flags, tok, n, start, end);
	if (c->holding &&
	    (rc = stem_emit(c, c->held_flags, c->held, c->held_n,
	    c->held_start, c->held_end)) != SQLITE_OK)
		return rc;
	if (n > c->held_cap) {
		char *p = sqlite3_realloc(c->held, n);

		if (!p)
			return SQLITE_NOMEM;
		c->held = p;
		c->held_cap = n;
	}
	if (n > 0)
		memcpy(c->held, tok, (size_t)n);
	c->held_n = n;
	c->held_flags = flags;
	c->held_start = start;
	c->held_end = end;
	c->holding = true;
	return SQLITE_OK;
}

static int
stem_tokenize(Fts5Tokenizer *tk, void *ctx, int flags, const char *text,
    int n, int (*token)(void *, int, const char *, int, int, int))
{
	struct stem_tokenizer *t = (struct stem_tokenizer *)tk;
	struct stem_call c = {
		.t = t,
		.ctx = ctx,
		.token = token,
		.prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0,
		.counting = (flags & FTS5_TOKENIZE_DOCUMENT) && t->st->vocab,
	};
	int rc;

	if (c.counting)
		store_vocab_passage(t->st);
	rc = t->words.xTokenize(t->inner, &c, flags, text, n, stem_token);

	if (rc == SQLITE_OK && c.holding)
		rc = token(ctx, c.held_flags, c.held, c.held_n, c.held_start,
		    c.held_end);
	sqlite3_free(c.held);
	return rc;
}

/* ------------------------------------------------------------ registration */

/* naast_fold(text): library_fold, so that SQL compares as the store does. */
static void
fold_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *v = sqlite3_value_text(argv[0]);

	(void)argc;
	if (!v) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, library_fold((const char *)v), -1, free);
}

/*
 * naast_succeeds(from, to, asked, answered): ministry_succeeds, so that
 * coverage in SQL follows the successions of assets/ministries.tsv.
 */
static void
succeeds_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *v[4];

	for (int i = 0; i < argc && i < 4; i++)
		v[i] = (const char *)sqlite3_value_text(argv[i]);
	sqlite3_result_int(ctx, ministry_succeeds(v[0], v[1], v[2], v[3]));
}

enum status
store_fts_register(struct store *st, struct error *err)
{
	fts5_tokenizer stem = { stem_create, stem_delete, stem_tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *s;
	int rc;

	/* The documented way to reach FTS5's C interface from outside SQLite. */
	rc = sqlite3_prepare_v2(st->db, "SELECT fts5(?1)", -1, &s, NULL);
	if ((rc & 0xff) == SQLITE_ERROR)	/* no such function */
		return error_set(err, STATUS_DB,
		    "this SQLite has no full-text search (FTS5): install an SQLite library built with it");
	if (rc != SQLITE_OK)
		return db_fail(st, rc, "preparing the full-text search", err);
	sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (!api || api->iVersion < 2)
		return error_set(err, STATUS_DB,
		    "this SQLite has no usable full-text search (FTS5): install a newer SQLite library");
	st->fts5 = api;
	rc = api->xCreateTokenizer(api, STORE_STEM_TOKENIZER, st, &stem, NULL);
	if (rc == SQLITE_OK)
		rc = store_rank_register(api);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(st->db, "naast_fold", 1,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
		    fold_function, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(st->db, "naast_succeeds", 4,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
		    succeeds_function, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(st, rc, "preparing the full-text search", err);
	return STATUS_OK;
}

/* ------------------------------------------------------------- word tokens */

struct words_call {
	void (*each)(void *, const char *, size_t);
	void *ctx;
};

static int
words_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct words_call *c = ctx;

	(void)flags;
	(void)start;
	(void)end;
	c->each(c->ctx, tok, (size_t)n);
	return SQLITE_OK;
}

enum status
store_words_of(struct store *st, const char *text,
    void (*each)(void *, const char *, size_t), void *ctx, struct error *err)
{
	const char *args[N_WORD_ARGS] = { word_args[0], word_args[1] };
	struct words_call c = { each, ctx };
	fts5_tokenizer tk;
	Fts5Tokenizer *t = NULL;
	void *tk_ctx = NULL;
	size_t len = strlen(text);
	int rc;

	rc = st->fts5->xFindTokenizer(st->fts5, "unicode61", &tk_ctx, &tk);
	if (rc == SQLITE_OK)
		rc = tk.xCreate(tk_ctx, args, N_WORD_ARGS, &t);
	if (rc == SQLITE_OK)
		rc = tk.xTokenize(t, &c, FTS5_TOKENIZE_DOCUMENT, text,
		    len > INT32_MAX ? INT32_MAX : (int)len, words_token);
	if (t)
		tk.xDelete(t);
	if (rc != SQLITE_OK)
		return db_fail(st, rc, "reading the words of a text", err);
	return STATUS_OK;
}
