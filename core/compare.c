/*
 * compare: answers side by side, word by word.  See compare.h.
 *
 * Everything rests on one question about two word sequences: how long is
 * their longest common subsequence (LCS)?  A minimal word diff is an LCS
 * alignment (with only deletions and insertions, the fewest edits are
 * n + m - 2 |LCS|), and the similarity is the share of words in the LCS.
 *
 * The LCS is computed bit-parallel (Allison and Dix 1986, in the form of
 * Hyyrö 2004): a bit vector over the words of a, one step per word of b,
 * O(n m / 64) whatever the texts are.  Two answers of 2,000 words cost
 * 2,000 steps of 32 machine words each: exact and fast, with no cap that
 * would degrade the result on texts that have nothing in common.  The diff
 * keeps the vectors of every step to walk the alignment back; when that
 * table would grow large it splits b in half first (Hirschberg 1975), so
 * its memory stays bounded and its result exact.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "compare.h"
#include "text.h"
#include "xalloc.h"

#define U8(s) ((const uint8_t *)(s))

/* ---------------------------------------------------------------- words */

/*
 * The white space of text_fold: a word split here never folds into two,
 * and a no-break space between two words separates them as a space does.
 */
static bool
is_space(ucs4_t uc)
{
	return uc_is_property_white_space(uc) || uc == 0x200B || uc == 0xFEFF;
}

#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME  UINT64_C(0x100000001b3)

/*
 * The key of a word: the 64-bit FNV-1a hash of its folded form.  Equal
 * folded words give equal keys; different ones could in principle give
 * the same key too, and would then compare as equal.  Among the few
 * thousand distinct words of a question set the chance of that is about
 * n^2 / 2^65, some 10^-12: we accept it rather than keep the folded
 * strings and compare them.
 */
static uint64_t
word_key(const char *s, size_t n, unsigned flags)
{
	uint64_t h = FNV_OFFSET;
	char *word, *folded;
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n) {
		/*
		 * Most words are ASCII, which is its own NFC, holds no
		 * typography to fold and casefolds to lower case: hash the
		 * bytes text_fold would give without asking it.
		 */
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];

			if ((flags & COMPARE_IGNORE_CASE) && c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			h = (h ^ c) * FNV_PRIME;
		}
		return h;
	}
	word = xstrndup(s, n);
	folded = text_fold(word, (flags & COMPARE_IGNORE_CASE) ? TEXT_FOLD_CASE : 0);
	for (const char *p = folded; *p; p++)
		h = (h ^ (unsigned char)*p) * FNV_PRIME;
	free(folded);
	free(word);
	return h;
}

/*
 * The most units a text has.  A unit takes 12 bytes and a run of the
 * diff 20: two answers at the import's limit in words of one letter,
 * four million words each, took 150 MB as words of 16 bytes.  At this
 * many units two texts take 29 MB, which fits in 64 MB with their 17 MB
 * of text, the program's own 11 MB and the runs of a diff that aligns
 * what it can in its budget; an answer of more words is compared in
 * groups of words, and says so.  Answers of a million words (8 MiB of
 * text in words of seven letters) are still compared word by word.
 */
#define MAX_UNITS ((size_t)1200000)

static size_t max_units = MAX_UNITS;

size_t
compare_set_max_units(size_t units)
{
	size_t old = max_units;

	max_units = units ? units : MAX_UNITS;
	return old;
}

/*
 * Word w of t, at bytes [start, end) of paragraph para; or only counts it
 * and the paragraph's bytes.  The words of a group make one key, the
 * first word's key when the group is one word.
 */
static void
add_word(struct compare_text *t, size_t w, size_t para, size_t start,
    size_t end, bool store)
{
	uint64_t key;
	size_t u;

	if (!store)
		return;
	u = w / t->group;
	key = word_key(t->paras[para] + start, end - start, t->flags);
	if (w % t->group == 0) {
		t->at[u] = (uint32_t)(t->para_at[para] + start);
		t->keys[u] = key;
	} else {
		t->keys[u] = (t->keys[u] ^ key) * UINT64_C(0x9e3779b97f4a7c15) +
		    (t->keys[u] >> 29);
	}
}

/*
 * The character at s + i in *uc and its length in bytes; 0 at the end.
 * A byte that starts no character is one character that is not space.
 */
static size_t
char_at(const char *s, size_t i, ucs4_t *uc)
{
	int k = u8_strmbtouc(uc, U8(s + i));

	if (k < 0) {
		*uc = 0xFFFD;
		return 1;
	}
	return (size_t)k;
}

/*
 * The words of t's paragraphs: counted, with where each paragraph begins,
 * or stored where counted before.
 */
static void
scan_words(struct compare_text *t, bool store)
{
	size_t w = 0;

	for (size_t p = 0; p < t->n_paras; p++) {
		const char *s = t->paras[p];
		size_t i = 0, start = 0, k;
		bool in_word = false;
		ucs4_t uc;

		while (s && (k = char_at(s, i, &uc)) > 0) {
			if (is_space(uc)) {
				if (in_word)
					add_word(t, w++, p, start, i, store);
				in_word = false;
			} else if (!in_word) {
				in_word = true;
				start = i;
			}
			i += k;
		}
		if (in_word)
			add_word(t, w++, p, start, i, store);
		if (!store)
			t->para_at[p + 1] = (uint32_t)(t->para_at[p] + i);
	}
	t->n_words = w;
}

/* The units of t in groups of group words, its words counted before. */
static void
make_units(struct compare_text *t, size_t group)
{
	t->group = group;
	t->n = (t->n_words + group - 1) / group;
	t->keys = NULL;
	t->at = NULL;
	if (t->n) {
		t->keys = xmalloc(t->n * sizeof(*t->keys));
		t->at = xmalloc(t->n * sizeof(*t->at));
		scan_words(t, true);
	}
}

/*
 * Counted first: an answer at the import's limit has a million words and
 * more, and an array grown to hold them had its old and new copies and
 * the slack of doubling in memory at once.
 */
static void
count_words(struct compare_text *t, const char *const *paras,
    size_t n_paras, unsigned flags)
{
	t->paras = paras;
	t->n_paras = n_paras;
	t->flags = flags;
	t->para_at = xcalloc(n_paras + 1, sizeof(*t->para_at));
	scan_words(t, false);
}

void
compare_text_init_units(struct compare_text *t, const char *const *paras,
    size_t n_paras, unsigned flags, size_t units)
{
	if (units == 0 || units > max_units)
		units = max_units;
	count_words(t, paras, n_paras, flags);
	make_units(t, t->n_words > units ? (t->n_words + units - 1) / units : 1);
}

void
compare_text_init(struct compare_text *t, const char *const *paras,
    size_t n_paras, unsigned flags)
{
	compare_text_init_units(t, paras, n_paras, flags, 0);
}

void
compare_text_regroup(struct compare_text *t, size_t group)
{
	if (group <= t->group)
		return;
	free(t->keys);
	free(t->at);
	make_units(t, group);
}

void
compare_text_free(struct compare_text *t)
{
	free(t->keys);
	free(t->at);
	free(t->para_at);
	t->keys = NULL;
	t->at = NULL;
	t->para_at = NULL;
	t->n = 0;
	t->n_words = 0;
}

/*
 * The last paragraph that begins at or before unit i: an empty paragraph
 * begins where the next one does, and holds no unit.
 */
size_t
compare_word_para(const struct compare_text *t, size_t i)
{
	size_t lo = 0, hi = t->n_paras;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->para_at[mid] <= t->at[i])
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t
compare_word_start(const struct compare_text *t, size_t i)
{
	return t->at[i] - t->para_at[compare_word_para(t, i)];
}

/* The words of unit i: group, or fewer for the last. */
static size_t
unit_words(const struct compare_text *t, size_t i)
{
	size_t from = i * t->group;

	return t->n_words - from < t->group ? t->n_words - from : t->group;
}

/* Past the white space at s + at; past the word there. */
static size_t
skip_space(const char *s, size_t at)
{
	size_t k;
	ucs4_t uc;

	while ((k = char_at(s, at, &uc)) > 0 && is_space(uc))
		at += k;
	return at;
}

static size_t
skip_word(const char *s, size_t at)
{
	size_t k;
	ucs4_t uc;

	while ((k = char_at(s, at, &uc)) > 0 && !is_space(uc))
		at += k;
	return at;
}

size_t
compare_word_end(const struct compare_text *t, size_t i)
{
	const char *s = t->paras[compare_word_para(t, i)];
	size_t at = skip_word(s, compare_word_start(t, i));

	for (size_t w = 1; w < unit_words(t, i); w++) {
		size_t next = skip_space(s, at);

		if (!s[next])
			break;
		at = skip_word(s, next);
	}
	return at;
}

char *
compare_words_text(const struct compare_text *t, size_t from, size_t to)
{
	struct xbuf b = { 0 };
	size_t words, para, at;

	if (to > t->n)
		to = t->n;
	if (from >= to)
		return xstrdup("");
	words = (to - 1) * t->group + unit_words(t, to - 1) - from * t->group;
	para = compare_word_para(t, from);
	at = compare_word_start(t, from);
	for (size_t w = 0; w < words; w++) {
		const char *s = t->paras[para];
		size_t end;

		/* The next word, in this paragraph or one after it. */
		at = s ? skip_space(s, at) : 0;
		while (!s || !s[at]) {
			s = t->paras[++para];
			at = s ? skip_space(s, 0) : 0;
		}
		end = skip_word(s, at);
		if (w > 0)
			xbuf_add(&b, " ", 1);
		xbuf_add(&b, s + at, end - at);
		at = end;
	}
	return xbuf_finish(&b);
}

static uint64_t *
reversed(const uint64_t *k, size_t n)
{
	uint64_t *r = xmalloc((n ? n : 1) * sizeof(*r));

	for (size_t i = 0; i < n; i++)
		r[i] = k[n - 1 - i];
	return r;
}

/* ---------------------------------------------------------------- LCS */

/*
 * The bit-parallel LCS over the words of one side a: bit i of a vector
 * stands for a[i].  For each distinct word, a mask of where it occurs.  A
 * vector V after the first j words of b says, by its zero bits, where the
 * LCS grows along a: LCS(a[0..i), b[0..j)) is the number of zeros in bits
 * [0, i) (a one bit at i means a[i] adds nothing).
 *
 * A mask is kept sparse, as the 64-bit blocks of the vector where the word
 * occurs: all masks together hold at most one block per word of a.  Whole
 * vectors per distinct word took words times distinct words bits: 4.5 GB
 * for two answers of 1.4 MB in words that each occur once.
 */
struct block {
	size_t at;		/* which uint64_t of the vector */
	uint64_t bits;
};

struct bits {
	size_t n, w;		/* words of a; uint64_t per vector */
	struct block *blocks;	/* the masks, one after the other */
	size_t *first;		/* mask k: blocks [first[k], first[k + 1]) */
	uint64_t *slot_key;	/* hash index: key -> mask */
	size_t *slot_mask;	/* mask number + 1; 0 is an empty slot */
	unsigned shift;		/* 64 - log2(slots) */
};

/* The blocks of one mask. */
struct mask {
	const struct block *b;
	size_t n;
};

static size_t
vec_words(size_t n)
{
	return (n + 63) / 64;
}

static size_t
slot_of(uint64_t key, unsigned shift)
{
	/* Fibonacci hashing spreads the key's bits over the top ones. */
	return (size_t)((key * UINT64_C(0x9e3779b97f4a7c15)) >> shift);
}

static void
bits_init(struct bits *x, const uint64_t *a, size_t n)
{
	size_t slots = 1, n_masks = 0, *mask_of, *last, *fill;
	unsigned log2 = 0;

	while (slots < 2 * n) {
		slots *= 2;
		log2++;
	}
	x->n = n;
	x->w = vec_words(n);
	x->slot_key = xmalloc(slots * sizeof(*x->slot_key));
	x->slot_mask = xcalloc(slots, sizeof(*x->slot_mask));
	x->shift = 64 - log2;
	mask_of = xmalloc((n ? n : 1) * sizeof(*mask_of));
	for (size_t i = 0; i < n; i++) {
		size_t s = log2 ? slot_of(a[i], x->shift) : 0;

		while (x->slot_mask[s] && x->slot_key[s] != a[i])
			s = (s + 1) & (slots - 1);
		if (!x->slot_mask[s]) {
			x->slot_key[s] = a[i];
			x->slot_mask[s] = ++n_masks;
		}
		mask_of[i] = x->slot_mask[s] - 1;
	}
	/* How many blocks each mask has, then where its blocks begin. */
	x->first = xcalloc(n_masks + 1, sizeof(*x->first));
	last = xcalloc(n_masks ? n_masks : 1, sizeof(*last));
	for (size_t i = 0; i < n; i++)
		if (last[mask_of[i]] != i / 64 + 1) {
			last[mask_of[i]] = i / 64 + 1;
			x->first[mask_of[i] + 1]++;
		}
	for (size_t k = 0; k < n_masks; k++)
		x->first[k + 1] += x->first[k];
	x->blocks = xmalloc((x->first[n_masks] ? x->first[n_masks] : 1) *
	    sizeof(*x->blocks));
	fill = last;	/* the next block of each mask, from its first */
	for (size_t k = 0; k < n_masks; k++)
		fill[k] = x->first[k];
	for (size_t i = 0; i < n; i++) {
		size_t k = mask_of[i];

		if (fill[k] == x->first[k] || x->blocks[fill[k] - 1].at != i / 64)
			x->blocks[fill[k]++] = (struct block){ i / 64, 0 };
		x->blocks[fill[k] - 1].bits |= UINT64_C(1) << (i % 64);
	}
	free(fill);
	free(mask_of);
}

/* Where key occurs in a; no blocks when it does not. */
static struct mask
bits_mask(const struct bits *x, uint64_t key)
{
	size_t slots = (size_t)1 << (64 - x->shift);
	size_t s = slots > 1 ? slot_of(key, x->shift) : 0;

	while (x->slot_mask[s]) {
		if (x->slot_key[s] == key) {
			size_t k = x->slot_mask[s] - 1;

			return (struct mask){ x->blocks + x->first[k],
			    x->first[k + 1] - x->first[k] };
		}
		s = (s + 1) & (slots - 1);
	}
	return (struct mask){ NULL, 0 };
}

static void
bits_free(struct bits *x)
{
	free(x->blocks);
	free(x->first);
	free(x->slot_key);
	free(x->slot_mask);
}

/*
 * One word of b with mask m: V = (V + U) | (V - U), U = V & m.  A block
 * that the mask does not touch and no carry reaches stays as it is.
 */
static void
bits_step(uint64_t *v, struct mask m, size_t w)
{
	uint64_t carry = 0;
	size_t i = 0, k = 0;

	while (i < w) {
		uint64_t u = 0, t, sum;

		if (!carry) {
			if (k == m.n)
				return;
			i = m.b[k].at;
		}
		if (k < m.n && m.b[k].at == i)
			u = v[i] & m.b[k++].bits;
		t = v[i] + u;
		sum = t + carry;
		carry = (t < u) | (sum < t);
		/* U is a subset of V: V - U borrows nothing. */
		v[i] = sum | (v[i] & ~u);
		i++;
	}
}

static bool
bit(const uint64_t *v, size_t i)
{
	return (v[i / 64] >> (i % 64)) & 1;
}

/* V after all of b, over a; v holds vec_words(n) words. */
static void
lcs_vector(const uint64_t *a, size_t n, const uint64_t *b, size_t m, uint64_t *v)
{
	struct bits x;

	bits_init(&x, a, n);
	memset(v, 0xff, x.w * sizeof(*v));
	/* A word that a lacks leaves V as it is. */
	for (size_t j = 0; j < m; j++)
		bits_step(v, bits_mask(&x, b[j]), x.w);
	bits_free(&x);
}

/* row[i] = LCS(a[0..i), b) for i in [0, n]. */
static void
lcs_row(const uint64_t *a, size_t n, const uint64_t *b, size_t m, size_t *row)
{
	uint64_t *v = xmalloc((vec_words(n) ? vec_words(n) : 1) * sizeof(*v));

	lcs_vector(a, n, b, m, v);
	row[0] = 0;
	for (size_t i = 0; i < n; i++)
		row[i + 1] = row[i] + !bit(v, i);
	free(v);
}

/* The number of leading words a and b share. */
static size_t
common_prefix(const uint64_t *a, size_t n, const uint64_t *b, size_t m)
{
	size_t k = 0;

	while (k < n && k < m && a[k] == b[k])
		k++;
	return k;
}

static size_t
common_suffix(const uint64_t *a, size_t n, const uint64_t *b, size_t m)
{
	size_t k = 0;

	while (k < n && k < m && a[n - 1 - k] == b[m - 1 - k])
		k++;
	return k;
}

static size_t
lcs_length(const uint64_t *a, size_t n, const uint64_t *b, size_t m)
{
	size_t pre, suf, len;
	uint64_t *v;

	/* Answers that agree mostly agree at both ends: skip what they share. */
	pre = common_prefix(a, n, b, m);
	a += pre;
	b += pre;
	n -= pre;
	m -= pre;
	suf = common_suffix(a, n, b, m);
	n -= suf;
	m -= suf;
	if (n == 0 || m == 0)
		return pre + suf;
	/* The shorter side in the bits: fewer words per step. */
	if (n > m) {
		const uint64_t *t = a;
		size_t tn = n;

		a = b;
		n = m;
		b = t;
		m = tn;
	}
	v = xmalloc(vec_words(n) * sizeof(*v));
	lcs_vector(a, n, b, m, v);
	len = 0;
	for (size_t i = 0; i < n; i++)
		len += !bit(v, i);
	free(v);
	return pre + suf + len;
}

/* ---------------------------------------------------------------- diff */

/*
 * The edit script as it is made, one word at a time and in order.  Edits
 * between two equal runs collect as a pending stretch and come out as one
 * DELETE run and one INSERT run, whatever order the alignment found them
 * in.
 */
struct script {
	struct compare_run *runs;
	size_t n, cap;
	size_t a, b;		/* words of a and b before the pending stretch */
	size_t del, ins;	/* words of a and b in the pending stretch */
	size_t table_limit;	/* of diff_table, in uint64_t */
};

static void
script_add(struct script *s, enum compare_op op, size_t a_from, size_t a_to,
    size_t b_from, size_t b_to)
{
	xgrow(&s->runs, &s->cap, s->n + 1, sizeof(*s->runs));
	s->runs[s->n++] = (struct compare_run){
		.op = op,
		.a_from = (uint32_t)a_from,
		.a_to = (uint32_t)a_to,
		.b_from = (uint32_t)b_from,
		.b_to = (uint32_t)b_to,
	};
}

static void
script_flush(struct script *s)
{
	if (s->del)
		script_add(s, COMPARE_DELETE, s->a, s->a + s->del, s->b, s->b);
	if (s->ins)
		script_add(s, COMPARE_INSERT, s->a + s->del, s->a + s->del,
		    s->b, s->b + s->ins);
	s->a += s->del;
	s->b += s->ins;
	s->del = s->ins = 0;
}

static void
script_equal(struct script *s, size_t k)
{
	struct compare_run *last;

	if (k == 0)
		return;
	script_flush(s);
	last = s->n ? &s->runs[s->n - 1] : NULL;
	if (last && last->op == COMPARE_EQUAL) {
		last->a_to += k;
		last->b_to += k;
	} else {
		script_add(s, COMPARE_EQUAL, s->a, s->a + k, s->b, s->b + k);
	}
	s->a += k;
	s->b += k;
}

/*
 * A bound on the traceback table, in uint64_t (8 MB): 2,000 x 2,000 words
 * take 0.5 MB, so only answers of some 8,000 words and more are split.
 * The stretches of texts longer than that are split at an eighth of it.
 */
#define TABLE_LIMIT ((size_t)1 << 20)

static void diff_keys(struct script *s, const uint64_t *a, size_t n,
    const uint64_t *b, size_t m);

/*
 * The alignment from the vectors of every step.  They are computed over a
 * and b reversed, so that walking back from the end of the reversed texts
 * goes forward through a and b and emits the script in order; the
 * alignment then takes equal words as soon as they come, as the common
 * prefix does, so that "de minister de staatssecretaris" against "de
 * staatssecretaris" drops "minister de", not "de minister".
 */
static void
diff_table(struct script *s, const uint64_t *a, size_t n, const uint64_t *b,
    size_t m)
{
	uint64_t *ra = reversed(a, n), *tab;
	struct bits x;
	size_t w, i, j;

	bits_init(&x, ra, n);
	w = x.w;
	tab = xmalloc((m + 1) * w * sizeof(*tab));
	memset(tab, 0xff, w * sizeof(*tab));
	for (j = 1; j <= m; j++) {
		uint64_t *v = tab + j * w;

		memcpy(v, v - w, w * sizeof(*v));
		bits_step(v, bits_mask(&x, b[m - j]), w);
	}
	/*
	 * At (i, j) of the reversed texts the next words are a[n - i] and
	 * b[m - j].  Equal words are matched (that is always optimal); else
	 * L(i, j) is the larger of L(i - 1, j) and L(i, j - 1), and the bit
	 * i - 1 of V_j says whether the first one will do.
	 */
	i = n;
	j = m;
	while (i > 0 && j > 0) {
		if (a[n - i] == b[m - j]) {
			script_equal(s, 1);
			i--;
			j--;
		} else if (bit(tab + j * w, i - 1)) {
			s->del++;
			i--;
		} else {
			s->ins++;
			j--;
		}
	}
	s->del += i;
	s->ins += j;
	free(tab);
	bits_free(&x);
	free(ra);
}

/*
 * Hirschberg: the split of a that goes with the middle of b, from the LCS
 * rows of the two halves, then each half on its own.
 */
static void
diff_split(struct script *s, const uint64_t *a, size_t n, const uint64_t *b,
    size_t m)
{
	size_t mid = m / 2, best = 0, cut = 0;
	size_t *fwd = xmalloc((n + 1) * sizeof(*fwd));
	size_t *bwd = xmalloc((n + 1) * sizeof(*bwd));
	uint64_t *ra = reversed(a, n), *rb = reversed(b + mid, m - mid);

	lcs_row(a, n, b, mid, fwd);
	lcs_row(ra, n, rb, m - mid, bwd);
	for (size_t i = 0; i <= n; i++) {
		if (fwd[i] + bwd[n - i] > best || i == 0) {
			best = fwd[i] + bwd[n - i];
			cut = i;
		}
	}
	free(fwd);
	free(bwd);
	free(ra);
	free(rb);
	diff_keys(s, a, cut, b, mid);
	diff_keys(s, a + cut, n - cut, b + mid, m - mid);
}

static void
diff_keys(struct script *s, const uint64_t *a, size_t n, const uint64_t *b,
    size_t m)
{
	size_t pre, suf;

	pre = common_prefix(a, n, b, m);
	script_equal(s, pre);
	a += pre;
	b += pre;
	n -= pre;
	m -= pre;
	suf = common_suffix(a, n, b, m);
	n -= suf;
	m -= suf;
	if (n == 0 || m == 0) {
		s->del += n;
		s->ins += m;
	} else if (m < 2 || m + 1 <= s->table_limit / vec_words(n)) {
		diff_table(s, a, n, b, m);
	} else {
		diff_split(s, a, n, b, m);
	}
	script_equal(s, suf);
}

/* ---------------------------------------------------------------- long texts */

/*
 * Long texts.  The bit-parallel alignment takes time n m / 64 and, for
 * its masks, some 80 bytes a word of a: two answers of a million words
 * (the import reads up to 8 MiB of text) took minutes and 250 MB.  So a
 * stretch is aligned whole only when n m / 64 is at most exact_work
 * (answers of up to some 16,000 words: every answer naast has seen, whose
 * diffs are as they were); a longer one is split first, until each part
 * is short enough:
 *
 * - where an optimal alignment crosses its middle, found by Myers' O(ND)
 *   algorithm from both ends at once in linear space (Myers 1986, 4b:
 *   the middle snake).  Exact, but two texts that differ in D words cost
 *   about D^2 / 2 steps, so one search stops after MIDDLE_COST steps (D
 *   of some 8,000) or MAX_D edits from an end;
 * - in a stretch of more than ANCHOR_ABOVE words, first at a run of
 *   ANCHOR_RUN words near its middle that occurs once in each text (the
 *   anchors of patience diff).  Not always minimal: the run is taken as
 *   equal even where an alignment without it keeps more words, which
 *   texts this long that agree mostly do not do;
 * - a stretch that neither splits is one changed stretch, a DELETE and an
 *   INSERT: minimal when the two share no word, as in the longest pair.
 *
 * All of a diff spends at most COST_LIMIT steps; what is left when they
 * are spent is changed stretches.  Memory: the keys of a short stretch
 * (the parts of a long text are aligned with a quarter of exact_work and
 * an eighth of the traceback table), and MAX_D diagonals each way.  At
 * the import's limit, a million words a side, the diff takes a second or
 * two whether the words all differ or one in a hundred does.
 */
#define EXACT_WORK ((size_t)1 << 22)
#define MIDDLE_COST ((size_t)1 << 25)
#define COST_LIMIT ((size_t)1 << 30)
#define MAX_D ((ptrdiff_t)1 << 13)
#define SIDE_LIMIT ((size_t)1 << 16)	/* words of a in the bit vectors */
#define ANCHOR_ABOVE ((size_t)1 << 18)
#define ANCHOR_RUN 4
#define ANCHOR_TRIES 16

static size_t exact_work = EXACT_WORK;

size_t
compare_set_exact_work(size_t work)
{
	size_t old = exact_work;

	exact_work = work ? work : EXACT_WORK;
	return old;
}

struct myers {
	ptrdiff_t *vf, *vb;	/* furthest x on each diagonal, from the start and the end */
	ptrdiff_t room;		/* the edits they hold: diagonals -room - 1 .. room + 1 */
	size_t cost;		/* steps left */
	bool count_only;	/* for the similarity: no runs, equal words counted */
	size_t equal;		/* with count_only */
	size_t exact;		/* exact_work, or less for the stretches of long texts */
	bool coarse;		/* a stretch was left unaligned */
};

static bool
too_long(size_t n, size_t m, size_t work)
{
	size_t lo = n < m ? n : m, hi = n < m ? m : n;

	return lo > 0 && vec_words(lo) > work / hi;
}

static bool
same(const uint64_t *a, size_t i, const uint64_t *b, size_t j)
{
	return a[i] == b[j];
}

/*
 * Where an optimal alignment of a (n words) and b (m words), which share
 * neither their first nor their last word, crosses the middle: at
 * (*x, *y), strictly between (0, 0) and (n, m).  False when that takes
 * more than MAX_D edits from an end or more steps than are left.
 *
 * vf[k] is the furthest x reached on diagonal k = x - y from (0, 0) with
 * d edits, vb[k] the same from (n, m) backwards (x counted from the end).
 * With d edits from each end, the two meet on a diagonal when the sum of
 * their reach is n: the forward point is then on an optimal alignment.
 */
static bool
middle_search(ptrdiff_t *vf, ptrdiff_t *vb, ptrdiff_t off, ptrdiff_t len,
    ptrdiff_t max_d, const uint64_t *a, ptrdiff_t n,
    const uint64_t *b, ptrdiff_t m, size_t *cost, size_t *x_out,
    size_t *y_out)
{
	ptrdiff_t delta = n - m;
	ptrdiff_t k1start = 0, k1end = 0, k2start = 0, k2end = 0;
	bool front = (delta & 1) != 0;

	*cost -= (size_t)len;
	for (ptrdiff_t i = 0; i < len; i++)
		vf[i] = vb[i] = -1;
	vf[off + 1] = 0;
	vb[off + 1] = 0;
	for (ptrdiff_t d = 0; d <= max_d; d++) {
		if (*cost < (size_t)(2 * d + 2))
			return false;
		*cost -= (size_t)(2 * d + 2);
		for (ptrdiff_t k = -d + k1start; k <= d - k1end; k += 2) {
			ptrdiff_t x, y, x0, kb;

			if (k == -d || (k != d && vf[off + k - 1] < vf[off + k + 1]))
				x = vf[off + k + 1];
			else
				x = vf[off + k - 1] + 1;
			y = x - k;
			x0 = x;
			while (x < n && y < m && same(a, (size_t)x, b, (size_t)y)) {
				x++;
				y++;
			}
			if (*cost < (size_t)(x - x0))
				return false;
			*cost -= (size_t)(x - x0);
			vf[off + k] = x;
			if (x > n) {
				k1end += 2;
			} else if (y > m) {
				k1start += 2;
			} else if (front) {
				kb = off + delta - k;
				if (kb >= 0 && kb < len && vb[kb] != -1 &&
				    x >= n - vb[kb]) {
					*x_out = (size_t)x;
					*y_out = (size_t)y;
					return true;
				}
			}
		}
		for (ptrdiff_t k = -d + k2start; k <= d - k2end; k += 2) {
			ptrdiff_t x, y, x0, kf;

			if (k == -d || (k != d && vb[off + k - 1] < vb[off + k + 1]))
				x = vb[off + k + 1];
			else
				x = vb[off + k - 1] + 1;
			y = x - k;
			x0 = x;
			while (x < n && y < m && same(a, (size_t)(n - x - 1), b,
			    (size_t)(m - y - 1))) {
				x++;
				y++;
			}
			if (*cost < (size_t)(x - x0))
				return false;
			*cost -= (size_t)(x - x0);
			vb[off + k] = x;
			if (x > n) {
				k2end += 2;
			} else if (y > m) {
				k2start += 2;
			} else if (!front) {
				kf = off + delta - k;
				if (kf >= 0 && kf < len && vf[kf] != -1) {
					ptrdiff_t x1 = vf[kf], y1 = x1 - (kf - off);

					if (x1 >= n - x) {
						*x_out = (size_t)x1;
						*y_out = (size_t)y1;
						return true;
					}
				}
			}
		}
	}
	return false;
}

/* middle_search with at most MIDDLE_COST of the steps left. */
static bool
middle(struct myers *my, const uint64_t *a, ptrdiff_t n,
    const uint64_t *b, ptrdiff_t m, size_t *x_out, size_t *y_out)
{
	ptrdiff_t max_d = (n + m + 1) / 2, off, len;
	ptrdiff_t *vf = my->vf, *vb = my->vb;
	size_t left = my->cost < MIDDLE_COST ? my->cost : MIDDLE_COST;
	bool found;

	if (max_d > my->room)
		max_d = my->room;
	off = max_d + 1;
	len = 2 * off + 1;
	if (left < (size_t)len)
		return false;
	my->cost -= left;
	found = middle_search(vf, vb, off, len, max_d, a, n, b, m, &left, x_out, y_out);
	my->cost += left;
	return found;
}

/*
 * How many times the ANCHOR_RUN words at w occur in s (n words), up to 2:
 * at *at the first.
 */
static size_t
occurrences(const uint64_t *s, size_t n, const uint64_t *w,
    size_t *at)
{
	size_t found = 0;

	for (size_t p = 0; p + ANCHOR_RUN <= n; p++) {
		size_t r = 0;

		while (r < ANCHOR_RUN && s[p + r] == w[r])
			r++;
		if (r == ANCHOR_RUN) {
			if (found++ == 0)
				*at = p;
			else
				break;
		}
	}
	return found;
}

/*
 * A run of ANCHOR_RUN words near the middle of a that occurs once in a
 * and once in b, a[*x..] and b[*y..]: two long texts that agree mostly
 * agree there (patience diff's anchors, one at a time).  False when none
 * of ANCHOR_TRIES places has one.
 */
static bool
anchor(struct myers *my, const uint64_t *a, size_t n,
    const uint64_t *b, size_t m, size_t *x, size_t *y)
{
	size_t step = n / (4 * ANCHOR_TRIES) + 1;

	for (size_t t = 0; t < ANCHOR_TRIES; t++) {
		size_t away = (t + 1) / 2 * step, i;

		if (my->cost < n + m)
			return false;
		my->cost -= n + m;
		if (t % 2 ? n / 2 < away : n / 2 + away + ANCHOR_RUN > n)
			continue;
		i = t % 2 ? n / 2 - away : n / 2 + away;
		if (occurrences(a, n, a + i, x) == 1 &&
		    occurrences(b, m, a + i, y) == 1)
			return true;
	}
	return false;
}

/*
 * diff_keys with b in the bit vectors, when a is the longer: their
 * memory goes with the words of the side in the vectors.  The deletions
 * of b from a are the insertions of a into b.
 */
static void
diff_swapped(struct script *s, const uint64_t *a, size_t n, const uint64_t *b,
    size_t m)
{
	struct script t = { .table_limit = s->table_limit };

	diff_keys(&t, b, m, a, n);
	script_flush(&t);
	for (size_t i = 0; i < t.n; i++) {
		const struct compare_run *r = &t.runs[i];

		if (r->op == COMPARE_EQUAL)
			script_equal(s, r->a_to - r->a_from);
		else if (r->op == COMPARE_DELETE)
			s->ins += r->a_to - r->a_from;
		else
			s->del += r->b_to - r->b_from;
	}
	free(t.runs);
}

/* The words a and b share at both ends, and what lies between them. */
static void
diff_long(struct myers *my, struct script *s, const uint64_t *a,
    size_t n, const uint64_t *b, size_t m)
{
	size_t pre = 0, suf = 0, x, y;

	while (pre < n && pre < m && same(a, pre, b, pre))
		pre++;
	while (suf < n - pre && suf < m - pre &&
	    same(a, n - 1 - suf, b, m - 1 - suf))
		suf++;
	if (my->count_only)
		my->equal += pre + suf;
	else
		script_equal(s, pre);
	a += pre;
	b += pre;
	n -= pre + suf;
	m -= pre + suf;
	if (n == 0 || m == 0) {
		s->del += n;
		s->ins += m;
	} else if (!too_long(n, m, my->exact)) {
		if (my->count_only)
			my->equal += lcs_length(a, n, b, m);
		else if (n <= SIDE_LIMIT)
			diff_keys(s, a, n, b, m);
		else
			diff_swapped(s, a, n, b, m);
	} else if (n + m > ANCHOR_ABOVE && anchor(my, a, n, b, m, &x, &y)) {
		diff_long(my, s, a, x, b, y);
		if (my->count_only)
			my->equal += ANCHOR_RUN;
		else
			script_equal(s, ANCHOR_RUN);
		diff_long(my, s, a + x + ANCHOR_RUN, n - x - ANCHOR_RUN,
		    b + y + ANCHOR_RUN, m - y - ANCHOR_RUN);
	} else if (middle(my, a, (ptrdiff_t)n, b, (ptrdiff_t)m, &x, &y) &&
	    x + y > 0 && x + y < n + m) {
		diff_long(my, s, a, x, b, y);
		diff_long(my, s, a + x, n - x, b + y, m - y);
	} else {
		/* Left unaligned: not minimal unless the two share no word. */
		my->coarse = true;
		s->del += n;
		s->ins += m;
	}
	if (!my->count_only)
		script_equal(s, suf);
}

static void
myers_init(struct myers *my, size_t n, size_t m, bool count_only)
{
	size_t room = (n + m + 1) / 2;

	my->room = room < (size_t)MAX_D ? (ptrdiff_t)room : MAX_D;
	my->vf = xmalloc((size_t)(2 * my->room + 3) * sizeof(*my->vf));
	my->vb = xmalloc((size_t)(2 * my->room + 3) * sizeof(*my->vb));
	my->cost = COST_LIMIT;
	/* Long texts align many short stretches: each in less memory. */
	my->exact = too_long(n, m, exact_work) && exact_work >= 4 ?
	    exact_work / 4 : exact_work;
	my->count_only = count_only;
	my->equal = 0;
	my->coarse = false;
}

static void
myers_free(struct myers *my)
{
	free(my->vf);
	free(my->vb);
}

size_t
compare_diff(const struct compare_text *a, const struct compare_text *b,
    struct compare_run **runs, bool *coarse)
{
	struct script s = { .table_limit = TABLE_LIMIT };
	struct myers my;

	myers_init(&my, a->n, b->n, false);
	if (my.exact < exact_work)
		s.table_limit = TABLE_LIMIT / 8;
	diff_long(&my, &s, a->keys, a->n, b->keys, b->n);
	script_flush(&s);
	myers_free(&my);
	/* Groups that are all equal are words that are all equal. */
	if (coarse)
		*coarse = my.coarse || ((a->group > 1 || b->group > 1) &&
		    !(s.n == 1 && s.runs[0].op == COMPARE_EQUAL));
	*runs = s.runs;
	return s.n;
}

/* ---------------------------------------------------------------- similarity */

/*
 * The Dice coefficient over the word LCS: 2 |LCS| / (|a| + |b|).  It is 1
 * for the same words in the same order, 0 for no word in common, symmetric,
 * and it reads as "the share of words the two answers have in common, in
 * the same order": what a civil servant means by "copied".  A bag-of-words
 * measure (Jaccard over word sets, cosine) would call an answer and its
 * words shuffled identical; an edit ratio over characters would weigh a
 * long word more than a short one, where the reader counts words.  And the
 * LCS is what the diff shows: the similarity is the share of words that
 * the diff leaves unmarked, long texts included.
 */
double
compare_similarity(const struct compare_text *a, const struct compare_text *b,
    bool *coarse)
{
	struct compare_text finer = { 0 };
	struct script s = { 0 };
	struct myers my;
	size_t len;
	double sim;

	if (coarse)
		*coarse = false;
	if (a->n + b->n == 0)
		return 1;
	if (a->n == 0 || b->n == 0)
		return 0;
	/* The text in smaller groups again in the other's, for the while. */
	if (a->group != b->group) {
		const struct compare_text *t = a->group < b->group ? a : b;

		count_words(&finer, t->paras, t->n_paras, t->flags);
		make_units(&finer, a->group < b->group ? b->group : a->group);
		if (t == a)
			a = &finer;
		else
			b = &finer;
	}
	myers_init(&my, a->n, b->n, true);
	diff_long(&my, &s, a->keys, a->n, b->keys, b->n);
	len = my.equal;
	myers_free(&my);
	if (coarse)
		*coarse = my.coarse || (len < a->n + b->n - len &&
		    (a->group > 1 || b->group > 1));
	sim = 2.0 * (double)len / (double)(a->n + b->n);
	compare_text_free(&finer);
	return sim;
}

/* ---------------------------------------------------------------- marks */

#define MARK_RUN 3	/* words in a run that counts as shared */

/*
 * The k-word runs (shingles) of one text, as the sorted hashes of each.
 * A hash set that kept where each run starts, to check a hit word by
 * word, took 32 bytes a word and more; two different runs of the same
 * 64-bit hash are as unlikely as two words of one key, and the cost of
 * one is a word marked shared that is not.
 */
struct grams {
	uint64_t *hash;
	size_t n;
};

static uint64_t
gram_hash(const uint64_t *keys, size_t k)
{
	uint64_t h = FNV_OFFSET;

	for (size_t i = 0; i < k; i++)
		h = (h ^ keys[i]) * UINT64_C(0x9e3779b97f4a7c15) + (h >> 29);
	return h;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static void
grams_init(struct grams *g, const uint64_t *keys, size_t n, size_t k)
{
	g->n = n >= k ? n - k + 1 : 0;
	g->hash = xmalloc((g->n ? g->n : 1) * sizeof(*g->hash));
	for (size_t p = 0; p < g->n; p++)
		g->hash[p] = gram_hash(keys + p, k);
	qsort(g->hash, g->n, sizeof(*g->hash), cmp_u64);
}

static bool
grams_has(const struct grams *g, const uint64_t *keys, size_t k)
{
	uint64_t h = gram_hash(keys, k);
	size_t lo = 0, hi = g->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (g->hash[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->n && g->hash[lo] == h;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

/*
 * A word of text i is shared with text j when a run of k words around it
 * occurs in j, k = min(3, |i|, |j|): a short answer ("Ja.") shares in
 * runs as long as itself.  An empty text shares nothing, so with an empty
 * text among them no word is SHARED_ALL.  The runs of one other text at
 * a time are kept: at most 8 bytes a unit of the longest text, besides 5
 * a unit of the text being marked.
 */
void
compare_marks(const struct compare_text *texts, size_t n,
    enum compare_mark **marks)
{
	size_t max_n = 0;
	uint32_t *count;
	bool *covered;

	for (size_t i = 0; i < n; i++)
		if (texts[i].n > max_n)
			max_n = texts[i].n;
	count = xmalloc((max_n + 1) * sizeof(*count));
	covered = xmalloc(max_n + 1);
	for (size_t i = 0; i < n; i++) {
		size_t ni = texts[i].n;

		marks[i] = xcalloc(ni + 1, sizeof(**marks));
		memset(count, 0, ni * sizeof(*count));
		for (size_t j = 0; j < n; j++) {
			size_t k = min3(MARK_RUN, ni, texts[j].n);
			struct grams g;

			if (j == i || k == 0)
				continue;
			grams_init(&g, texts[j].keys, texts[j].n, k);
			memset(covered, 0, ni);
			for (size_t p = 0; p + k <= ni; p++) {
				if (grams_has(&g, texts[i].keys + p, k))
					memset(covered + p, 1, k);
			}
			for (size_t w = 0; w < ni; w++)
				count[w] += covered[w];
			free(g.hash);
		}
		for (size_t w = 0; w < ni; w++) {
			if (count[w] + 1 == n)
				marks[i][w] = COMPARE_SHARED_ALL;
			else if (count[w] > 0)
				marks[i][w] = COMPARE_SHARED_SOME;
			else
				marks[i][w] = COMPARE_UNIQUE;
		}
	}
	free(count);
	free(covered);
}
