/*
 * store_suggest: for a search that finds nothing, the words of the index
 * nearest to the words of the text that the index does not have, read
 * from the vocabulary (store_vocab.c).  See store.h for the contract.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "model.h"
#include "search.h"
#include "store.h"
#include "store_db.h"
#include "xalloc.h"

#define SUGGEST_MAX 5

struct suggestion {
	char *word;
	size_t distance;
	long long count;
};

/* A word of the text that the index does not have, and its nearest words. */
struct missing {
	char *word;
	size_t chars, max;	/* its length; the farthest a suggestion may be */
	struct suggestion best[SUGGEST_MAX];
	size_t n;
};

struct missing_list {
	struct missing *v;
	size_t n, cap;
	char **seen;		/* every word of the text, once */
	size_t n_seen;
};

/*
 * Whether w has a letter: a number ("2023", the "059" of "1.059") is no
 * misspelling of anything, and no word to offer for one either.
 */
static bool
has_letter(const char *w)
{
	const uint8_t *p = (const uint8_t *)w, *end = p + strlen(w);

	while (p < end) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, p, (size_t)(end - p));

		if (uc_is_general_category(uc, UC_CATEGORY_L))
			return true;
		p += len > 0 ? len : 1;
	}
	return false;
}

static void
collect_word(void *ctx, const char *tok, size_t n)
{
	struct missing_list *m = ctx;
	char *w = xstrndup(tok, n);

	for (size_t i = 0; i < m->n_seen; i++)
		if (strcmp(m->seen[i], w) == 0) {
			free(w);
			return;
		}
	model_strv_add(&m->seen, &m->n_seen, w);
}

/* Nearest first, then the most frequent, then A to Z: a stable order. */
static bool
suggestion_before(const struct suggestion *a, const struct suggestion *b)
{
	if (a->distance != b->distance)
		return a->distance < b->distance;
	if (a->count != b->count)
		return a->count > b->count;
	return strcmp(a->word, b->word) < 0;
}

static void
offer(struct missing *m, const char *term, size_t distance, long long count)
{
	struct suggestion s = { NULL, distance, count };
	size_t i;

	s.word = (char *)term;
	if (m->n == SUGGEST_MAX && !suggestion_before(&s, &m->best[m->n - 1]))
		return;
	if (m->n == SUGGEST_MAX)
		free(m->best[--m->n].word);
	for (i = m->n; i > 0 && suggestion_before(&s, &m->best[i - 1]); i--)
		m->best[i] = m->best[i - 1];
	s.word = xstrdup(term);
	m->best[i] = s;
	m->n++;
}

static void
missing_free(struct missing_list *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].word);
		for (size_t j = 0; j < m->v[i].n; j++)
			free(m->v[i].best[j].word);
	}
	free(m->v);
	model_strv_free(m->seen, m->n_seen);
}

/* Which words of the text the exact index does not have. */
static enum status
find_missing(struct store *st, struct missing_list *m, struct error *err)
{
	for (size_t i = 0; i < m->n_seen; i++) {
		const char *w = m->seen[i];
		size_t chars = u8_mbsnlen((const uint8_t *)w, strlen(w));
		sqlite3_stmt *s;
		enum status status;
		bool found;

		/* Everything is one edit from a one-letter word. */
		if (chars < 2 || !has_letter(w))
			continue;
		if (!(s = sql(st, SQL_VOCAB_HAS, err)))
			return st->prepare_failure;
		bind_text(s, 1, w);
		if ((status = step_row(st, s, &found, N_("reading the index"), err)))
			return status;
		done(s);
		if (found)
			continue;
		xgrow(&m->v, &m->cap, m->n + 1, sizeof(*m->v));
		m->v[m->n++] = (struct missing){
			.word = xstrdup(w),
			.chars = chars,
			.max = chars >= 5 ? 2 : 1,
		};
	}
	return STATUS_OK;
}

/* One pass over the vocabulary for all the missing words. */
static enum status
scan_vocabulary(struct store *st, struct missing_list *m, struct error *err)
{
	size_t lo = SIZE_MAX, hi = 0;
	sqlite3_stmt *s;
	int rc;

	for (size_t i = 0; i < m->n; i++) {
		if (m->v[i].chars - m->v[i].max < lo)
			lo = m->v[i].chars - m->v[i].max;
		if (m->v[i].chars + m->v[i].max > hi)
			hi = m->v[i].chars + m->v[i].max;
	}
	if (!(s = sql(st, SQL_VOCAB_TERMS, err)))
		return st->prepare_failure;
	sqlite3_bind_int64(s, 1, (long long)lo);
	sqlite3_bind_int64(s, 2, (long long)hi);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(s, 0);
		long long count = sqlite3_column_int64(s, 1);

		if (!term || !has_letter(term))
			continue;
		for (size_t i = 0; i < m->n; i++) {
			size_t d = search_distance(m->v[i].word, term, m->v[i].max);

			if (d > 0 && d <= m->v[i].max)
				offer(&m->v[i], term, d, count);
		}
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the index"), err);
	return STATUS_OK;
}

enum status
store_suggest(struct store *st, const char *text, char ***words, size_t *n,
    struct error *err)
{
	struct search_terms terms = { 0 };
	struct missing_list m = { 0 };
	enum status status;

	*words = NULL;
	*n = 0;
	/* Nothing to search for is nothing to suggest either. */
	if (search_parse(text, &terms, NULL) != STATUS_OK)
		return STATUS_OK;
	status = STATUS_OK;
	for (size_t i = 0; status == STATUS_OK && i < terms.n; i++) {
		struct search_term *t = &terms.terms[i];
		size_t before = m.n_seen;

		status = store_words_of(st, t->text, collect_word, &m, err);
		/* The last word of a prefix is a part of a word, not a misspelling. */
		if (t->prefix && m.n_seen > before)
			free(m.seen[--m.n_seen]);
	}
	if (status == STATUS_OK && (status = read_begin(st, err)) == STATUS_OK) {
		status = find_missing(st, &m, err);
		if (status == STATUS_OK && m.n > 0)
			status = scan_vocabulary(st, &m, err);
		read_end(st);
	}
	for (size_t i = 0; status == STATUS_OK && i < m.n; i++)
		for (size_t j = 0; j < m.v[i].n; j++) {
			bool dup = false;

			for (size_t k = 0; k < *n && !dup; k++)
				dup = strcmp((*words)[k], m.v[i].best[j].word) == 0;
			if (!dup)
				model_strv_add(words, n, xstrdup(m.v[i].best[j].word));
		}
	if (status != STATUS_OK) {
		model_strv_free(*words, *n);
		*words = NULL;
		*n = 0;
	}
	missing_free(&m);
	search_terms_free(&terms);
	return status;
}
