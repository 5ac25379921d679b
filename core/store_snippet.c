/*
 * store_snippet: the snippets of passages found through parts of words
 * (store_search.c), where FTS5's snippet() would mark whole words.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "search.h"
#include "store.h"
#include "store_db.h"
#include "text.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- snippets */

/* How much of a passage a snippet made here shows around the match it shows. */
#define SNIPPET_BEFORE 80
#define SNIPPET_LENGTH 240

/*
 * The folded form of a text (text_fold, case and diacritics aside) with,
 * for each of its bytes, the character of the text it comes from.
 */
struct folded {
	char *s;
	size_t n;
	size_t *from, *to;	/* that character's bytes in the text */
};

/* One UTF-8 character (u8_mbtouc reads at most four bytes) and a NUL. */
#define CHAR_SIZE 5

static void
fold_mapped(const char *text, struct folded *f)
{
	const uint8_t *p = (const uint8_t *)text, *end = p + strlen(text);
	struct xbuf b = { 0 };
	size_t cap = 0;

	memset(f, 0, sizeof(*f));
	while (p < end) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, p, (size_t)(end - p));
		char one[CHAR_SIZE], *fc;
		size_t k, at = (size_t)(p - (const uint8_t *)text);

		len = len > 0 ? len : 1;
		memcpy(one, p, (size_t)len);
		one[len] = '\0';
		/* text_fold trims a lone space away: keep word boundaries. */
		fc = uc_is_property_white_space(uc) ? xstrdup(" ") :
		    text_fold(one, TEXT_FOLD_CASE | TEXT_FOLD_MARKS);
		k = strlen(fc);
		if (b.n + k > cap) {
			xgrow(&f->from, &cap, b.n + k, sizeof(*f->from));
			f->to = xrealloc(f->to, cap * sizeof(*f->to));
		}
		for (size_t i = 0; i < k; i++) {
			f->from[b.n + i] = at;
			f->to[b.n + i] = at + (size_t)len;
		}
		xbuf_add(&b, fc, k);
		free(fc);
		p += len;
	}
	f->n = b.n;
	f->s = xbuf_finish(&b);
}

static void
folded_free(struct folded *f)
{
	free(f->s);
	free(f->from);
	free(f->to);
}

struct range {
	size_t start, end;
	size_t term;		/* which term matched there */
};

static int
range_cmp(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Steps back from i to the start of a UTF-8 character. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Whether the character at s[i] (of n bytes) is a letter or a digit. */
static bool
word_char(const char *s, size_t n, size_t i)
{
	ucs4_t uc;

	if (i >= n || u8_mbtouc(&uc, (const uint8_t *)s + i, n - i) < 1)
		return false;
	return uc_is_general_category(uc, uc_general_category_or(
	    UC_CATEGORY_L, UC_CATEGORY_N));
}

/*
 * Whether term may match the folded text s (n bytes) at [at, at + tn):
 * anywhere when it is searched as a part of words; else only where a
 * word starts, and ends unless it is a prefix.  A word typed whole, an
 * operator word or a phrase is never marked inside another word.
 */
static bool
term_fits(const struct search_term *term, const char *s, size_t n,
    size_t at, size_t tn)
{
	if (search_term_is_part(term))
		return true;
	if (at > 0 && word_char(s, n, char_start(s, at - 1)))
		return false;
	return term->prefix || !word_char(s, n, at + tn);
}

/*
 * The match to show the text around: the first of those from which the
 * rest of a snippet holds the most different terms, as FTS5's snippet()
 * prefers the fragment with the most phrases.
 */
static size_t
best_match(const struct range *r, size_t nr, bool *seen, size_t n_terms)
{
	size_t best = 0, best_count = 0;

	for (size_t i = 0; i < nr; i++) {
		size_t count = 0;

		memset(seen, 0, n_terms * sizeof(*seen));
		for (size_t j = i; j < nr &&
		    r[j].end <= r[i].start + SNIPPET_LENGTH - SNIPPET_BEFORE; j++)
			if (!seen[r[j].term]) {
				seen[r[j].term] = true;
				count++;
			}
		if (count > best_count) {
			best = i;
			best_count = count;
		}
	}
	return best;
}

/*
 * Bytes [start, end) of text: from a word start at most before bytes
 * before the match m, to a word end about length bytes further, and at
 * least to the end of m.
 */
static struct range
window_around(const char *text, size_t len, const struct range *m,
    size_t before, size_t length)
{
	struct range w = { 0, len, 0 };
	size_t j;

	if (m->start > before) {
		w.start = m->start;
		for (j = m->start; j > 0 && m->start - j <= before; j--)
			if (text[j - 1] == ' ')
				w.start = j;
	}
	if (w.start + length < len) {
		w.end = char_start(text, w.start + length);
		for (j = w.end; j > m->end && text[j] != ' '; j--)
			;
		if (j > m->end)
			w.end = j;
		if (w.end < m->end)
			w.end = m->end;
	}
	return w;
}

/* Appends text[w) to b with the matches r in it marked [so]. */
static void
add_marked(struct xbuf *b, const char *text, struct range w,
    const struct range *r, size_t nr)
{
	size_t i = 0;

	for (size_t at = w.start; at < w.end;) {
		size_t end;

		while (i < nr && r[i].end <= at)
			i++;
		if (i < nr && r[i].start <= at) {
			end = r[i].end < w.end ? r[i].end : w.end;
			xbuf_add(b, "[", 1);
			xbuf_add(b, text + at, end - at);
			xbuf_add(b, "]", 1);
		} else {
			end = i < nr && r[i].start < w.end ? r[i].start : w.end;
			xbuf_add(b, text + at, end - at);
		}
		at = end;
	}
}

/* The most pieces of text a snippet made here shows. */
#define SNIPPET_PIECES 3

/*
 * The snippet of a passage found through parts of words, where FTS5's
 * snippet() would mark whole words: the text around the place where
 * most terms occur (case and diacritics aside), and when some term is
 * not in it, a shorter piece around that term's first occurrence (up to
 * SNIPPET_PIECES in all); every occurrence marked [so], "…" where the
 * text was cut.  The start of the passage, unmarked, when no term is
 * found in it after all.
 */
/* Joins the ranges of v (in order of start) that overlap; their number. */
static size_t
join_overlaps(struct range *v, size_t n)
{
	size_t j = 0;

	for (size_t i = 0; i < n; i++) {
		if (j > 0 && v[i].start <= v[j - 1].end) {
			if (v[i].end > v[j - 1].end)
				v[j - 1].end = v[i].end;
		} else {
			v[j++] = v[i];
		}
	}
	return j;
}

char *
store_part_snippet(const char *text, const struct search_terms *terms)
{
	struct folded f;
	struct range *r = NULL, w[SNIPPET_PIECES], none = { 0, 0, 0 };
	size_t nr = 0, cap = 0, len = strlen(text), nw = 0, i, j;
	size_t n_terms = terms->n ? terms->n : 1;
	bool *seen = xcalloc(n_terms, sizeof(*seen));
	struct xbuf b = { 0 };

	fold_mapped(text, &f);
	for (size_t t = 0; t < terms->n; t++) {
		char *term = text_fold(terms->terms[t].text,
		    TEXT_FOLD_CASE | TEXT_FOLD_MARKS);
		size_t tn = strlen(term);

		for (const char *at = f.s; tn > 0 && (at = strstr(at, term));
		    at++) {
			size_t pos = (size_t)(at - f.s);

			if (!term_fits(&terms->terms[t], f.s, f.n, pos, tn))
				continue;
			xgrow(&r, &cap, nr + 1, sizeof(*r));
			r[nr++] = (struct range){ f.from[pos], f.to[pos + tn - 1], t };
		}
		free(term);
	}
	folded_free(&f);
	if (nr > 1)
		qsort(r, nr, sizeof(*r), range_cmp);

	if (nr == 0)
		w[nw++] = window_around(text, len, &none, SNIPPET_BEFORE,
		    SNIPPET_LENGTH);
	else
		w[nw++] = window_around(text, len, &r[best_match(r, nr, seen,
		    n_terms)], SNIPPET_BEFORE, SNIPPET_LENGTH);
	/* The terms that no piece shows yet get one of their own. */
	while (nr > 0 && nw < SNIPPET_PIECES) {
		memset(seen, 0, n_terms * sizeof(*seen));
		for (i = 0; i < nr; i++)
			for (j = 0; j < nw; j++)
				if (r[i].start >= w[j].start && r[i].end <= w[j].end)
					seen[r[i].term] = true;
		for (i = 0; i < nr && seen[r[i].term]; i++)
			;
		if (i == nr)
			break;
		w[nw++] = window_around(text, len, &r[i], SNIPPET_BEFORE / 2,
		    SNIPPET_LENGTH / 2);
	}
	free(seen);
	qsort(w, nw, sizeof(*w), range_cmp);

	/* Overlapping matches are one mark; overlapping pieces one piece. */
	nr = join_overlaps(r, nr);
	nw = join_overlaps(w, nw);

	for (i = 0; i < nw; i++) {
		if (w[i].start > 0)
			xbuf_puts(&b, "\u2026");
		add_marked(&b, text, w[i], r, nr);
	}
	if (w[nw - 1].end < len)
		xbuf_puts(&b, "\u2026");
	free(r);
	return xbuf_finish(&b);
}
