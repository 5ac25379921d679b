/*
 * store_fts: what every connection registers before it touches the
 * schema (the tokenizer of passage_words, naast_fold(),
 * naast_succeeds() for coverage, naast_bm25() from store_rank.c and
 * naast_pack() from store_reparse.c), and the words of a text as
 * passage_words sees them.  The index itself is in the schema in
 * store.c.
 */
#include "config.h"

#include <libstemmer.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ministry.h"
#include "scan.h"
#include "search.h"
#include "store.h"
#include "store_db.h"

/* What unicode61 is told in passage_words's tokenizer. */
static const char *const word_args[] = { "remove_diacritics", "2" };
#define N_WORD_ARGS 2

/* --------------------------------------------------------- words tokenizer */

/*
 * naast_words: the words unicode61 finds (lowercase, diacritics removed)
 * and, at the same position (FTS5_TOKEN_COLOCATED), each one's Dutch
 * Snowball stem behind SEARCH_STEM_MARK, a byte unicode61 never keeps in
 * a word, where the stem is not the word itself: one index holds both,
 * and a query asks for either (search.h).
 * Offsets are unicode61's, so snippets mark the words as written.
 *
 * A query string that starts with the mark asks for stems: each of its
 * words becomes its marked stem, but for the last word of a prefix
 * query ("verkiez"*), which must reach FTS5 as typed ("verkiez" is no
 * word the stemmer knows what to do with): so each word is held until
 * the next one comes.  Any other query string asks for the words.
 * A query string that starts with SEARCH_TERM_MARK is one term of the
 * index as it is, a word or a marked stem (store_topk.c, the champion
 * lists).  Snippets (FTS5_TOKENIZE_AUX) need the positions alone: no
 * stems.
 *
 * One stemmer per tokenizer instance: FTS5 makes one per table and
 * connection and never uses it from two threads at once.
 */
/*
 * The stems of the words seen last: a text has few distinct words, most
 * of them many times, and stemming was a tenth of an import.  A slot
 * per hash of the word, the later word in it; longer words are stemmed
 * each time.
 */
#define STEM_SLOTS 4096
#define STEM_WORD_MAX 24

struct stem_slot {
	unsigned char word_len, stem_len;	/* 0: empty */
	char word[STEM_WORD_MAX];
	char stem[STEM_WORD_MAX];
};

struct words_tokenizer {
	struct store *st;	/* whose vocabulary counts the words */
	fts5_tokenizer words;	/* unicode61's methods */
	Fts5Tokenizer *inner;	/* and its instance */
	struct sb_stemmer *stemmer;
	char *stem;		/* the mark and a stem */
	int stem_cap;
	struct stem_slot *stems;	/* STEM_SLOTS of them, or NULL */
};

static void
words_delete(Fts5Tokenizer *tk)
{
	struct words_tokenizer *t = (struct words_tokenizer *)tk;

	if (!t)
		return;
	if (t->inner)
		t->words.xDelete(t->inner);
	if (t->stemmer)
		sb_stemmer_delete(t->stemmer);
	sqlite3_free(t->stem);
	sqlite3_free(t->stems);
	sqlite3_free(t);
}

/* Arguments (none in naast's schema) go to unicode61 instead of word_args. */
static int
words_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct store *st = ctx;
	fts5_api *api = st->fts5;
	struct words_tokenizer *t = sqlite3_malloc(sizeof(*t));
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
		words_delete((Fts5Tokenizer *)t);
		return rc;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

/* One call of xTokenize. */
struct words_call {
	struct words_tokenizer *t;
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
	bool document;		/* words and stems */
	bool stems;		/* a query for stems */
	bool prefix;		/* ... whose last word is a prefix */
	bool counting;		/* the words go to the vocabulary too */
	bool holding;
	char *held;
	int held_n, held_cap, held_flags, held_start, held_end;
};

/*
 * The stem of tok behind the mark, in t->stem: *len bytes with the
 * mark.  NULL when the stemmer has no memory.
 */
static const char *
marked_stem(struct words_tokenizer *t, const char *tok, int n, int *len)
{
	struct stem_slot *slot = NULL;
	const sb_symbol *s;
	int k;

	if (!t->stems && (t->stems = sqlite3_malloc(STEM_SLOTS *
	    (int)sizeof(*t->stems))))
		memset(t->stems, 0, STEM_SLOTS * sizeof(*t->stems));
	if (t->stems && n > 0 && n <= STEM_WORD_MAX) {
		slot = &t->stems[scan_hash(tok, (size_t)n) & (STEM_SLOTS - 1)];
		if (slot->word_len == n && memcmp(slot->word, tok, (size_t)n) == 0) {
			s = (const sb_symbol *)slot->stem;
			k = slot->stem_len;
			goto copy;
		}
	}
	if (!(s = sb_stemmer_stem(t->stemmer, (const sb_symbol *)tok, n)))
		return NULL;
	k = sb_stemmer_length(t->stemmer);
	if (slot && k > 0 && k <= STEM_WORD_MAX) {
		slot->word_len = (unsigned char)n;
		slot->stem_len = (unsigned char)k;
		memcpy(slot->word, tok, (size_t)n);
		memcpy(slot->stem, s, (size_t)k);
	}
copy:
	if (k + 1 > t->stem_cap) {
		char *p = sqlite3_realloc(t->stem, k + 1);

		if (!p)
			return NULL;
		t->stem = p;
		t->stem_cap = k + 1;
	}
	t->stem[0] = SEARCH_STEM_MARK[0];
	memcpy(t->stem + 1, s, (size_t)k);
	*len = k + 1;
	return t->stem;
}

/*
 * A word of a document, and at its place its marked stem, unless the
 * stem is the word itself (most short words: half the stems of a text),
 * which a query for stems finds as the word (stem_emit).
 */
static int
document_emit(struct words_call *c, int flags, const char *tok, int n,
    int start, int end)
{
	const char *stem;
	int len, rc;

	if (c->counting)
		store_vocab_word(c->t->st, tok, (size_t)n, true);
	rc = c->token(c->ctx, flags, tok, n, start, end);
	if (rc != SQLITE_OK)
		return rc;
	if (!(stem = marked_stem(c->t, tok, n, &len)))
		return SQLITE_NOMEM;
	if (len - 1 == n && memcmp(stem + 1, tok, (size_t)n) == 0)
		return SQLITE_OK;
	if (c->counting)
		store_vocab_word(c->t->st, stem, (size_t)len, false);
	return c->token(c->ctx, flags | FTS5_TOKEN_COLOCATED, stem, len, start,
	    end);
}

/*
 * A word of a query for stems: its marked stem, and when that stem is
 * its own stem, the stem as a word too (FTS5_TOKEN_COLOCATED in a query:
 * either), since a document has such a word without its marked stem.
 */
static int
stem_emit(struct words_call *c, int flags, const char *tok, int n, int start,
    int end)
{
	struct words_tokenizer *t = c->t;
	const char *stem;
	char *word;
	int len, again, rc;

	if (!(stem = marked_stem(t, tok, n, &len)))
		return SQLITE_NOMEM;
	if ((rc = c->token(c->ctx, flags, stem, len, start, end)) != SQLITE_OK)
		return rc;
	if (!(word = sqlite3_malloc(len)))
		return SQLITE_NOMEM;
	memcpy(word, stem + 1, (size_t)len - 1);
	if (!marked_stem(t, word, len - 1, &again)) {
		sqlite3_free(word);
		return SQLITE_NOMEM;
	}
	if (again == len && memcmp(t->stem + 1, word, (size_t)len - 1) == 0)
		rc = c->token(c->ctx, flags | FTS5_TOKEN_COLOCATED, word, len - 1,
		    start, end);
	sqlite3_free(word);
	return rc;
}

static int
words_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct words_call *c = ctx;
	int rc;

	if (c->document)
		return document_emit(c, flags, tok, n, start, end);
	if (!c->stems)
		return c->token(c->ctx, flags, tok, n, start, end);
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
words_tokenize(Fts5Tokenizer *tk, void *ctx, int flags, const char *text,
    int n, int (*token)(void *, int, const char *, int, int, int))
{
	struct words_tokenizer *t = (struct words_tokenizer *)tk;
	struct words_call c = {
		.t = t,
		.ctx = ctx,
		.token = token,
		.document = (flags & FTS5_TOKENIZE_DOCUMENT) != 0,
		.prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0,
	};
	int rc;

	c.counting = c.document && t->st->vocab;
	/* A term of the index as it is: one token, unchanged. */
	if ((flags & FTS5_TOKENIZE_QUERY) && n > 1 &&
	    text[0] == SEARCH_TERM_MARK[0])
		return token(ctx, 0, text + 1, n - 1, 0, n - 1);
	if ((flags & FTS5_TOKENIZE_QUERY) && n > 0 &&
	    text[0] == SEARCH_STEM_MARK[0]) {
		c.stems = true;
		text++;
		n--;
	}
	if (c.counting)
		store_vocab_passage(t->st);
	rc = t->words.xTokenize(t->inner, &c, flags, text, n, words_token);

	/* The prefix, unstemmed. */
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
	fts5_tokenizer words = { words_create, words_delete, words_tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *s;
	int rc;

	/* The documented way to reach FTS5's C interface from outside SQLite. */
	rc = sqlite3_prepare_v2(st->db, "SELECT fts5(?1)", -1, &s, NULL);
	if ((rc & 0xff) == SQLITE_ERROR)	/* no such function */
		return error_set(err, STATUS_DB,
		    "this SQLite has no full-text search (FTS5): install an SQLite library built with it");
	if (rc != SQLITE_OK)
		return db_fail(st, rc, N_("preparing the full-text search"), err);
	sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (!api || api->iVersion < 2)
		return error_set(err, STATUS_DB,
		    "this SQLite has no usable full-text search (FTS5): install a newer SQLite library");
	st->fts5 = api;
	rc = api->xCreateTokenizer(api, STORE_WORDS_TOKENIZER, st, &words, NULL);
	/* Schema 3's stem index names it so: to be dropped, it must load. */
	if (rc == SQLITE_OK)
		rc = api->xCreateTokenizer(api, "naast_stem", st, &words, NULL);
	if (rc == SQLITE_OK)
		rc = store_rank_register(api, st);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(st->db, "naast_fold", 1,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
		    fold_function, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(st->db, "naast_succeeds", 4,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
		    succeeds_function, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = store_original_register(st->db);
	if (rc != SQLITE_OK)
		return db_fail(st, rc, N_("preparing the full-text search"), err);
	return STATUS_OK;
}

/* ------------------------------------------------------------- word tokens */

struct each_call {
	void (*each)(void *, const char *, size_t);
	void *ctx;
};

static int
each_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct each_call *c = ctx;

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
	struct each_call c = { each, ctx };
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
		    len > INT32_MAX ? INT32_MAX : (int)len, each_token);
	if (t)
		tk.xDelete(t);
	if (rc != SQLITE_OK)
		return db_fail(st, rc, N_("reading the words of a text"), err);
	return STATUS_OK;
}

/* ------------------------------------------------------- terms of a text */

struct store_terms {
	fts5_tokenizer tk;
	Fts5Tokenizer *t;
};

enum status
store_terms_open(struct store *st, struct store_terms **out, struct error *err)
{
	struct store_terms *t = xcalloc(1, sizeof(*t));
	void *tk_ctx = NULL;
	int rc;

	rc = st->fts5->xFindTokenizer(st->fts5, STORE_WORDS_TOKENIZER, &tk_ctx,
	    &t->tk);
	if (rc == SQLITE_OK)
		rc = t->tk.xCreate(tk_ctx, NULL, 0, &t->t);
	if (rc != SQLITE_OK) {
		store_terms_close(t);
		*out = NULL;
		return db_fail(st, rc, N_("reading the words of a passage"), err);
	}
	*out = t;
	return STATUS_OK;
}

enum status
store_terms_of(struct store *st, struct store_terms *t, const char *text,
    int (*each)(void *, int, const char *, int, int, int), void *ctx,
    struct error *err)
{
	size_t len = strlen(text);
	int rc = t->tk.xTokenize(t->t, ctx, FTS5_TOKENIZE_DOCUMENT, text,
	    len > INT32_MAX ? INT32_MAX : (int)len, each);

	if (rc != SQLITE_OK)
		return db_fail(st, rc, N_("reading the words of a passage"), err);
	return STATUS_OK;
}

void
store_terms_close(struct store_terms *t)
{
	if (!t)
		return;
	if (t->t)
		t->tk.xDelete(t->t);
	free(t);
}
