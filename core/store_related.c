/*
 * store_related: the passages most like a given one, by the heaviest
 * stems of its words (tf-idf over the stems of passage_words), from
 * other documents.
 * See store.h for the contract.
 */
#include "config.h"

#include <libstemmer.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "search.h"
#include "store.h"
#include "store_db.h"
#include "xalloc.h"

/* The most terms a related query asks for. */
#define RELATED_TERMS 12

struct stem_word {
	char *stem;		/* as the stemmer gives it */
	char *word;		/* a word of the passage with that stem */
	double weight;
};

struct stem_words {
	struct stem_word *v;
	size_t n, cap;
	struct sb_stemmer *stemmer;
};

/*
 * Dutch function words (the Snowball project's Dutch stop list): frequent
 * everywhere, so they say nothing about what a passage is about, yet in a
 * long paragraph their many occurrences would outweigh rare words.
 */
static const char *const stop_words[] = {
	"aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar",
	"dan", "dat", "de", "der", "deze", "die", "dit", "doch", "doen", "door",
	"dus", "een", "eens", "en", "er", "ge", "geen", "geweest", "haar", "had",
	"heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe", "hun",
	"iemand", "iets", "ik", "in", "is", "ja", "je", "kan", "kon", "kunnen",
	"maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "na", "naar",
	"niet", "niets", "nog", "nu", "of", "om", "omdat", "onder", "ons", "ook",
	"op", "over", "reeds", "te", "tegen", "toch", "toen", "tot", "u", "uit",
	"uw", "van", "veel", "voor", "want", "waren", "was", "wat", "werd",
	"wezen", "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich",
	"zij", "zijn", "zo", "zonder", "zou",
};

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool
is_stop_word(const char *w)
{
	return bsearch(&w, stop_words, COUNT(stop_words),
	    sizeof(*stop_words), str_cmp) != NULL;
}

static void
collect_stem(void *ctx, const char *tok, size_t n)
{
	struct stem_words *w = ctx;
	const sb_symbol *s;
	char *word = xstrndup(tok, n), *stem;

	if (is_stop_word(word)) {
		free(word);
		return;
	}
	s = sb_stemmer_stem(w->stemmer, (const sb_symbol *)tok, (int)n);
	if (!s) {
		free(word);
		return;
	}
	stem = xstrndup((const char *)s, (size_t)sb_stemmer_length(w->stemmer));
	/* "moeten" is "moet" to the stemmer: as little distinctive */
	if (is_stop_word(stem)) {
		free(word);
		free(stem);
		return;
	}
	xgrow(&w->v, &w->cap, w->n + 1, sizeof(*w->v));
	w->v[w->n++] = (struct stem_word){
		.stem = stem,
		.word = word,
	};
}

static int
stem_cmp(const void *a, const void *b)
{
	return strcmp(((const struct stem_word *)a)->stem,
	    ((const struct stem_word *)b)->stem);
}

/* Heaviest first; A to Z among equals, so that the query is stable. */
static int
weight_cmp(const void *a, const void *b)
{
	const struct stem_word *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return strcmp(x->stem, y->stem);
}

static void
stem_words_free(struct stem_words *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->v[i].stem);
		free(w->v[i].word);
	}
	free(w->v);
}

/*
 * Groups the passage's words by stem and weighs each stem by tf-idf:
 * tf * log(N / df), tf its words in the passage, N the passages, df those
 * with the stem.  Stems shorter than three letters say little and go.
 * Heaviest first.
 */
static enum status
weigh_stems(struct store *st, struct stem_words *w, struct error *err)
{
	long long total, tokens;
	size_t kept = 0, i, j;
	enum status status;
	sqlite3_stmt *s;
	bool found;

	if (w->n > 1)
		qsort(w->v, w->n, sizeof(*w->v), stem_cmp);
	for (i = 0; i < w->n; i = j) {
		for (j = i + 1; j < w->n &&
		    strcmp(w->v[j].stem, w->v[i].stem) == 0; j++) {
			free(w->v[j].stem);
			free(w->v[j].word);
		}
		if (u8_mbsnlen((const uint8_t *)w->v[i].stem,
		    strlen(w->v[i].stem)) < 3) {
			free(w->v[i].stem);
			free(w->v[i].word);
			continue;
		}
		w->v[kept] = w->v[i];
		w->v[kept++].weight = (double)(j - i);	/* tf, for now */
	}
	w->n = kept;

	/* The passages the index has, from its own record: no count of rows. */
	if ((status = champion_stats(st, &total, &tokens, err)))
		return status;
	for (i = 0; i < w->n; i++) {
		/* The stem is in the index marked, or as a word (store_fts.c). */
		char *term = xasprintf("%s%s", SEARCH_STEM_MARK, w->v[i].stem);
		const char *forms[] = { term, w->v[i].stem };
		long long df = 0;

		for (size_t k = 0; k < 2; k++) {
			if (!(s = sql(st, SQL_VOCAB_COUNT, err))) {
				free(term);
				return st->prepare_failure;
			}
			bind_text(s, 1, forms[k]);
			status = step_row(st, s, &found, N_("reading the index"), err);
			if (status) {
				free(term);
				return status;
			}
			if (found)
				df += sqlite3_column_int64(s, 0);
			done(s);
		}
		free(term);
		w->v[i].weight = df > 0 && total > df ?
		    w->v[i].weight * log((double)total / (double)df) : 0;
	}
	if (w->n > 1)
		qsort(w->v, w->n, sizeof(*w->v), weight_cmp);
	return STATUS_OK;
}

/*
 * The OR query of the stems of the heaviest words, NULL when none
 * weighs anything.  The words are unicode61's, which the tokenizer takes
 * to the same stems again (a stem itself might not stem to itself).
 */
static char *
related_query(const struct stem_words *w)
{
	struct xbuf b = { 0 };

	for (size_t i = 0; i < w->n && i < RELATED_TERMS && w->v[i].weight > 0;
	    i++) {
		char *marked = xasprintf("%s%s", SEARCH_STEM_MARK, w->v[i].word);

		if (i > 0)
			xbuf_puts(&b, " OR ");
		search_add_quoted(&b, marked);
		free(marked);
	}
	if (b.n == 0)
		return NULL;
	return xbuf_finish(&b);
}

enum status
store_related(struct store *st, long long passage, size_t limit,
    struct search_hit **hits, size_t *n, struct error *err)
{
	struct stem_words w = { 0 };
	struct hits h = { 0 };
	char *text = NULL, *query = NULL;
	long long doc = 0;
	enum status status;
	sqlite3_stmt *s;
	bool found;

	*hits = NULL;
	*n = 0;
	if ((status = read_begin(st, err)))
		return status;
	if (!(s = sql(st, SQL_PASSAGE_TEXT, err))) {
		status = st->prepare_failure;
		goto out;
	}
	sqlite3_bind_int64(s, 1, passage);
	if ((status = step_row(st, s, &found, N_("reading the passage"), err)))
		goto out;
	if (found) {
		text = col_strdup(s, 0);
		doc = sqlite3_column_int64(s, 1);
	}
	done(s);
	if (!found) {
		status = error_set(err, STATUS_NOT_FOUND,
		    "there is no passage %lld", passage);
		goto out;
	}

	if (!(w.stemmer = sb_stemmer_new("dutch", NULL))) {
		status = error_set(err, STATUS_DB,
		    "the Dutch stemmer of libstemmer is missing: reinstall libstemmer");
		goto out;
	}
	status = store_words_of(st, text ? text : "", collect_stem, &w, err);
	if (status == STATUS_OK)
		status = weigh_stems(st, &w, err);
	if (status != STATUS_OK || !(query = related_query(&w)))
		goto out;

	{
		struct topk_query tq = { 0 };
		struct topk_ask ask = {
			.tier = 1,
			.limit = limit ? limit : 50,
			.not_doc = doc,
		};

		for (size_t i = 0; i < w.n && i < RELATED_TERMS &&
		    w.v[i].weight > 0; i++)
			topk_add_stem(&tq, i == 0, w.stemmer, w.v[i].word);
		status = store_topk(st, &tq, &ask, &h, err);
		topk_free(&tq);
	}
	if (status == STATUS_OK)
		status = hits_finish(st, &h, NULL, query, err);
	/* A likeness has no tier: its score is its bm25 alone, in [0, 1). */
	for (size_t i = 0; i < h.n; i++)
		h.v[i].score -= 1;
out:
	read_end(st);
	if (status == STATUS_OK) {
		*hits = h.v;
		*n = h.n;
		free(h.tiers);
	} else {
		hits_free(&h);
	}
	if (w.stemmer)
		sb_stemmer_delete(w.stemmer);
	stem_words_free(&w);
	free(query);
	free(text);
	return status;
}
