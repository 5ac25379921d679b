/*
 * store_vocab: the vocabulary table, every term of passage_words (its
 * words and its marked stems) with the number of passages that have it:
 * for the suggestions of a search that finds nothing (store_suggest.c),
 * for parts of words and the weights of a ranking (store_search.c,
 * store_topk.c), and for the words that parsing may take for known
 * (store_vocab_has: a word broken in a flattened line).  FTS5 has the
 * same list (passage_words_row) but counts each term by reading its
 * whole doclist: listing them all that way reads the whole index,
 * seconds on the archive.
 *
 * A batch of imports keeps the table in step: while it fills
 * passage_words, the tokenizer hands each term of each passage here
 * (store_fts.c), and the commit adds up what it got.  Meanwhile each
 * term keeps the batch's best passages for its champion list
 * (store_champion.c), which the commit merges into the list.
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
	unsigned tf;		/* its occurrences in the passage being read */
	struct champion *best;	/* the batch's best passages by w, a min-heap */
	unsigned n_best, cap_best;
};

struct vocab {
	struct vocab_word *slots;
	size_t cap, n;		/* cap a power of two, at most half full */
	unsigned long long passage;	/* the passage being tokenized, from 1 */
	/*
	 * The passages of the batch as the index reads them, in that order
	 * (store_vocab_ids), so that the passage-th is ids[passage - 1]: for
	 * the champion lists (store_champion.c).  None when forgetting.
	 */
	long long *ids;
	size_t n_ids;
	unsigned len;		/* words of the passage being read */
	size_t *touched;	/* its terms' slots, each once */
	size_t n_touched, cap_touched;
	double avgdl;		/* of the index, to choose the best by */
	long long rows, tokens;	/* of the index before, and of the batch */
	long long *gone;	/* passages that go, sorted (store_vocab_gone) */
	size_t n_gone;
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

/* Twice the slots; the passage's terms follow theirs to their new places. */
static void
grow(struct vocab *v)
{
	struct vocab old = *v;

	v->cap = old.cap ? old.cap * 2 : 1024;
	v->slots = xcalloc(v->cap, sizeof(*v->slots));
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].term)
			*slot(v, old.slots[i].term, old.slots[i].len) = old.slots[i];
	for (size_t i = 0; i < v->n_touched; i++) {
		const struct vocab_word *w = &old.slots[v->touched[i]];

		v->touched[i] = (size_t)(slot(v, w->term, w->len) - v->slots);
	}
	free(old.slots);
}

void
store_vocab_begin(struct store *st)
{
	store_vocab_end(st);
	st->vocab = xcalloc(1, sizeof(*st->vocab));
	grow(st->vocab);
}

enum status
store_vocab_ids(struct store *st, long long after, long long upto,
    struct error *err)
{
	struct vocab *v = st->vocab;
	sqlite3_stmt *s = sql(st, SQL_PASSAGE_IDS, err);
	enum status status;
	size_t cap = 0;
	int rc;

	if (!v)
		return STATUS_OK;
	if (!s)
		return st->prepare_failure;
	if ((status = champion_stats(st, &v->rows, &v->tokens, err)))
		return status;
	v->avgdl = v->rows > 0 ? (double)v->tokens / (double)v->rows : 0;
	sqlite3_bind_int64(s, 1, after);
	sqlite3_bind_int64(s, 2, upto);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		xgrow(&v->ids, &cap, v->n_ids + 1, sizeof(*v->ids));
		v->ids[v->n_ids++] = sqlite3_column_int64(s, 0);
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the passages"), err);
	return STATUS_OK;
}

/* Adds c to the min-heap of w's best, which holds CHAMPION_SIZE at most. */
static void
offer(struct vocab_word *w, struct champion c)
{
	struct champion *h;
	size_t i;

	if (w->n_best == CHAMPION_SIZE) {
		/* better than the worst: it takes the root's place, sifted down */
		h = w->best;
		if (c.w <= h[0].w)
			return;
		for (i = 0;;) {
			size_t l = 2 * i + 1, r = l + 1, m = l;

			if (l >= w->n_best)
				break;
			if (r < w->n_best && h[r].w < h[l].w)
				m = r;
			if (h[m].w >= c.w)
				break;
			h[i] = h[m];
			i = m;
		}
		h[i] = c;
		return;
	}
	if (w->n_best == w->cap_best) {
		w->cap_best = w->cap_best ? 2 * w->cap_best : 4;
		w->best = xrealloc(w->best, w->cap_best * sizeof(*w->best));
	}
	h = w->best;
	for (i = w->n_best++; i > 0 && h[(i - 1) / 2].w > c.w; i = (i - 1) / 2)
		h[i] = h[(i - 1) / 2];
	h[i] = c;
}

/*
 * The passage read is done: its terms offer it to their best, and the
 * champion lists learn its length.
 */
static void
passage_done(struct store *st, struct vocab *v)
{
	long long id = v->passage > 0 && v->passage <= v->n_ids ?
	    v->ids[v->passage - 1] : 0;

	if (id) {
		v->rows++;
		v->tokens += v->len;
		champion_len(st, id, v->len);
	}
	for (size_t i = 0; i < v->n_touched; i++) {
		struct vocab_word *w = &v->slots[v->touched[i]];

		/* Before the index has any: the average of what came so far. */
		if (id)
			offer(w, (struct champion){ id, w->tf, v->len,
			    champion_weight(w->tf, v->len, v->avgdl > 0 ?
			    v->avgdl : (double)v->tokens / (double)v->rows) });
		w->tf = 0;
	}
	v->n_touched = 0;
	v->len = 0;
}

void
store_vocab_passage(struct store *st)
{
	if (!st->vocab)
		return;
	passage_done(st, st->vocab);
	st->vocab->passage++;
}

void
store_vocab_word(struct store *st, const char *term, size_t len, bool word)
{
	struct vocab *v = st->vocab;
	struct vocab_word *w;

	if (!v || len == 0)
		return;
	if (word)
		v->len++;
	w = slot(v, term, len);
	if (!w->term) {
		if (2 * (v->n + 1) > v->cap) {
			grow(v);
			w = slot(v, term, len);
		}
		*w = (struct vocab_word){ .term = xstrndup(term, len), .len = len };
		v->n++;
	}
	/* A passage counts once, however often it has the word. */
	if (w->last != v->passage) {
		w->passages++;
		w->last = v->passage;
		xgrow(&v->touched, &v->cap_touched, v->n_touched + 1,
		    sizeof(*v->touched));
		v->touched[v->n_touched++] = (size_t)(w - v->slots);
	}
	w->tf++;
}

void
store_vocab_gone(struct store *st, long long *ids, size_t n)
{
	if (!st->vocab)
		return;
	qsort(ids, n, sizeof(*ids), champion_id_cmp);
	st->vocab->gone = ids;
	st->vocab->n_gone = n;
}

/*
 * Adds the counts, times sign, to the table; then each term's champion
 * list (store_champion.c) takes in the batch's best passages, or loses
 * the passages that go.
 */
static enum status
add_counts(struct store *st, int sign, struct error *err)
{
	struct vocab *v = st->vocab;
	sqlite3_stmt *s;
	enum status status = STATUS_OK;
	double avgdl = 1;

	if (!v)
		return STATUS_OK;
	passage_done(st, v);
	if (v->rows > 0 && v->tokens > 0)
		avgdl = (double)v->tokens / (double)v->rows;
	for (size_t i = 0; i < v->cap && status == STATUS_OK; i++) {
		struct vocab_word *w = &v->slots[i];
		long long passages = 0;
		bool found;

		if (!w->term)
			continue;
		if (!(s = sql(st, SQL_VOCAB_ADD, err)))
			return st->prepare_failure;
		sqlite3_bind_text(s, 1, w->term, (int)w->len, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, sign * w->passages);
		status = step_row(st, s, &found, N_("counting the words"), err);
		if (status)
			break;
		if (found)
			passages = sqlite3_column_int64(s, 0);
		done(s);
		if (sign > 0 && w->n_best > 0 && passages > st->champion_from)
			status = champion_merge(st, w->term, passages, w->best,
			    w->n_best, avgdl, err);
		else if (sign < 0 && v->n_gone > 0)
			status = passages > st->champion_from ?
			    champion_forget(st, w->term, v->gone, v->n_gone, err) :
			    champion_merge(st, w->term, passages, NULL, 0, avgdl,
			    err);
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

	return status ? status : run_id(st, SQL_VOCAB_PRUNE, N_("counting the words"), err);
}

void
store_vocab_end(struct store *st)
{
	struct vocab *v = st->vocab;

	if (!v)
		return;
	for (size_t i = 0; i < v->cap; i++) {
		free(v->slots[i].term);
		free(v->slots[i].best);
	}
	free(v->slots);
	free(v->ids);
	free(v->touched);
	free(v->gone);
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
	if (step_row(st, s, &found, N_("reading the vocabulary"), &err) !=
	    STATUS_OK)
		return false;
	done(s);
	return found;
}
