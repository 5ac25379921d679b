/*
 * store_vocab: the vocabulary table, every word of passage_fts with the
 * number of passages that have it, for the suggestions of a search that
 * finds nothing (store_suggest.c) and for the words that parsing may take
 * for known (store_vocab_has: a word broken in a flattened line).  FTS5 has the same list (passage_fts_row)
 * but counts each word by reading its whole doclist: listing them all
 * that way reads the whole index, seconds on the archive.
 *
 * A batch of imports keeps the table in step: while it fills passage_stem,
 * the stemming tokenizer hands each word of each passage here before it
 * stems it (store_fts.c), and the commit adds up what it got.  The
 * words are unicode61's, as passage_fts has them.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_db.h"
#include "xalloc.h"

struct vocab_word {
	char *term;		/* NULL: a free slot */
	size_t len;
	long long passages;
	unsigned long long last;	/* the passage that counted it last */
};

struct vocab {
	struct vocab_word *slots;
	size_t cap, n;		/* cap a power of two, at most half full */
	unsigned long long passage;	/* the passage being tokenized, from 1 */
};

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;	/* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return h;
}

static struct vocab_word *
slot(struct vocab *v, const char *term, size_t len)
{
	size_t i = (size_t)hash(term, len) & (v->cap - 1);

	while (v->slots[i].term && (v->slots[i].len != len ||
	    memcmp(v->slots[i].term, term, len) != 0))
		i = (i + 1) & (v->cap - 1);
	return &v->slots[i];
}

static void
grow(struct vocab *v)
{
	struct vocab old = *v;

	v->cap = old.cap ? old.cap * 2 : 1024;
	v->slots = xcalloc(v->cap, sizeof(*v->slots));
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].term)
			*slot(v, old.slots[i].term, old.slots[i].len) = old.slots[i];
	free(old.slots);
}

void
store_vocab_begin(struct store *st)
{
	store_vocab_end(st);
	st->vocab = xcalloc(1, sizeof(*st->vocab));
	grow(st->vocab);
}

void
store_vocab_passage(struct store *st)
{
	if (st->vocab)
		st->vocab->passage++;
}

void
store_vocab_word(struct store *st, const char *term, size_t len)
{
	struct vocab *v = st->vocab;
	struct vocab_word *w;

	if (!v || len == 0)
		return;
	w = slot(v, term, len);
	if (!w->term) {
		if (2 * (v->n + 1) > v->cap) {
			grow(v);
			w = slot(v, term, len);
		}
		*w = (struct vocab_word){ xstrndup(term, len), len, 0, 0 };
		v->n++;
	}
	/* A passage counts once, however often it has the word. */
	if (w->last != v->passage) {
		w->passages++;
		w->last = v->passage;
	}
}

/* Adds the counts, times sign, to the table. */
static enum status
add_counts(struct store *st, int sign, struct error *err)
{
	struct vocab *v = st->vocab;
	sqlite3_stmt *s;
	enum status status = STATUS_OK;

	if (!v)
		return STATUS_OK;
	if (!(s = sql(st, SQL_VOCAB_ADD, err)))
		return st->prepare_failure;
	for (size_t i = 0; i < v->cap && status == STATUS_OK; i++) {
		if (!v->slots[i].term)
			continue;
		sqlite3_bind_text(s, 1, v->slots[i].term, (int)v->slots[i].len,
		    SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, sign * v->slots[i].passages);
		status = run(st, s, "counting the words", err);
	}
	return status;
}

enum status
store_vocab_save(struct store *st, struct error *err)
{
	return add_counts(st, 1, err);
}

enum status
store_vocab_forget(struct store *st, struct error *err)
{
	enum status status = add_counts(st, -1, err);

	return status ? status : run_id(st, SQL_VOCAB_PRUNE, "counting the words", err);
}

void
store_vocab_end(struct store *st)
{
	struct vocab *v = st->vocab;

	if (!v)
		return;
	for (size_t i = 0; i < v->cap; i++)
		free(v->slots[i].term);
	free(v->slots);
	free(v);
	st->vocab = NULL;
}

bool
store_vocab_has(struct store *st, const char *word)
{
	struct error err = { "" };
	sqlite3_stmt *s;
	bool found = false;

	/* a lookup that fails only makes the caller more careful */
	if (!(s = sql(st, SQL_VOCAB_HAS, &err)))
		return false;
	bind_text(s, 1, word);
	if (step_row(st, s, &found, "reading the vocabulary", &err) !=
	    STATUS_OK)
		return false;
	done(s);
	return found;
}
