/*
 * xref: a small hand-written scanner for references to the answers of
 * other vragen.  See xref.h.
 *
 * Every reference in the documents hangs on the word "antwoord" or
 * "antwoorden": "(zie het) antwoord op vraag 1", "de antwoorden op de
 * vragen 2, 6 en 8", "zie antwoord 3".  A vraag named without that word
 * ("In vraag 3 wordt gesteld") is the question itself, not its answer,
 * and is left alone.  The words are ASCII, so the scanner matches them
 * case-insensitively on the original bytes and its offsets need no
 * mapping back from a folded copy.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "xref.h"

/* Vraag numbers above this are years or dossier numbers, not vragen. */
#define MAX_VRAAG 999
/* "vragen 1 tot en met 400" is not a plausible range: keep only its ends. */
#define MAX_RANGE 100

typedef const unsigned char uchar;

static bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Whether the character that ends just before s[i] belongs to a word.
 * Multibyte characters are letters (é, ë) except the Latin-1 punctuation
 * and symbols (U+00A0-U+00BF, "C2 xx") and the General Punctuation block
 * (U+2000-U+206F, "E2 80 xx" and "E2 81 xx": quotes, dashes, spaces).
 */
static bool
word_before(uchar *s, size_t i)
{
	size_t j = i;

	if (i == 0)
		return false;
	if (s[i - 1] < 0x80)
		return is_alpha(s[i - 1]) || is_digit(s[i - 1]);
	while (j > 0 && (s[j - 1] & 0xc0) == 0x80)
		j--;
	if (j == 0)
		return false;
	j--;
	if (s[j] == 0xc2)
		return false;
	if (s[j] == 0xe2 && j + 1 < i && (s[j + 1] == 0x80 || s[j + 1] == 0x81))
		return false;
	return true;
}

/* White space, with the no-break spaces that PDF text is full of. */
static size_t
space_len(uchar *s, size_t i)
{
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
		return 1;
	if (s[i] == 0xc2 && s[i + 1] == 0xa0)
		return 2;
	if (s[i] == 0xe2 && s[i + 1] == 0x80 && s[i + 2] == 0xaf)
		return 3;
	return 0;
}

static size_t
skip_space(uchar *s, size_t i)
{
	size_t n;

	while ((n = space_len(s, i)) > 0)
		i += n;
	return i;
}

/*
 * The end of word w (lowercase ASCII) when s[i..] spells it in any case
 * and no letter follows; 0 otherwise.
 */
static size_t
word(uchar *s, size_t i, const char *w)
{
	size_t n = strlen(w);

	for (size_t k = 0; k < n; k++) {
		unsigned char c = s[i + k];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c != (unsigned char)w[k])
			return 0;
	}
	if (is_alpha(s[i + n]) || is_digit(s[i + n]) || s[i + n] >= 0x80)
		return 0;
	return i + n;
}

/*
 * A vraag number at s[i]: digits, optionally one letter of a sub-question
 * ("3a" is vraag 3), and then no more letters or digits, so that "2024Z01234"
 * is not read as vraag 2024.  Returns the end, 0 when there is none.
 */
static size_t
number(uchar *s, size_t i, int *out)
{
	size_t j = i;
	long v = 0;

	while (is_digit(s[j])) {
		if (v <= MAX_VRAAG)
			v = v * 10 + (s[j] - '0');
		j++;
	}
	if (j == i || v < 1 || v > MAX_VRAAG)
		return 0;
	if (is_alpha(s[j]) && !is_alpha(s[j + 1]) && !is_digit(s[j + 1]))
		j++;
	if (is_alpha(s[j]) || is_digit(s[j]))
		return 0;
	*out = (int)v;
	return j;
}

enum sep { SEP_NONE, SEP_LIST, SEP_RANGE };

/* A separator between two numbers of a list; sets *end after it. */
static enum sep
separator(uchar *s, size_t i, size_t *end)
{
	size_t j = skip_space(s, i), k;

	if (s[j] == ',') {
		*end = skip_space(s, j + 1);
		return SEP_LIST;
	}
	if (s[j] == '-') {
		*end = skip_space(s, j + 1);
		return SEP_RANGE;
	}
	/* en dash and em dash */
	if (s[j] == 0xe2 && s[j + 1] == 0x80 && (s[j + 2] == 0x93 || s[j + 2] == 0x94)) {
		*end = skip_space(s, j + 3);
		return SEP_RANGE;
	}
	if ((k = word(s, j, "t")) && s[k] == '/' && (k = word(s, k + 1, "m"))) {
		*end = skip_space(s, k);
		return SEP_RANGE;
	}
	if ((k = word(s, j, "tot"))) {
		size_t en, met;

		k = skip_space(s, k);
		if ((en = word(s, k, "en")) && (met = word(s, skip_space(s, en), "met")))
			k = met;
		*end = skip_space(s, k);
		return SEP_RANGE;
	}
	if ((k = word(s, j, "en")) || (k = word(s, j, "of"))) {
		*end = skip_space(s, k);
		return SEP_LIST;
	}
	return SEP_NONE;
}

struct found {
	struct xref *refs;
	size_t n, cap;
};

static void
add(struct found *f, int vraag, size_t start, size_t end)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->refs[i].vraag == vraag)
			return;
	xgrow(&f->refs, &f->cap, f->n + 1, sizeof(*f->refs));
	f->refs[f->n++] = (struct xref){ .vraag = vraag, .start = start, .end = end };
}

/*
 * After "antwoord(en)" ending at i: "op (de|uw) vraag/vragen LIST" or
 * directly "LIST".  Returns the end of the list and its numbers in
 * nums, or 0 when no number follows.
 */
static size_t
target(uchar *s, size_t i, int *nums, size_t *n_nums, size_t max)
{
	size_t j = skip_space(s, i), k, end;
	int v, from;

	if ((k = word(s, j, "op"))) {
		j = skip_space(s, k);
		if ((k = word(s, j, "de")) || (k = word(s, j, "uw")))
			j = skip_space(s, k);
		if (!(k = word(s, j, "vraag")) && !(k = word(s, j, "vragen")))
			return 0;
		j = skip_space(s, k);
	}
	if (!(end = number(s, j, &v)))
		return 0;
	*n_nums = 0;
	nums[(*n_nums)++] = v;
	for (;;) {
		enum sep sep = separator(s, end, &j);

		if (sep == SEP_NONE || !(k = number(s, j, &v)))
			break;
		from = nums[*n_nums - 1];
		if (sep == SEP_RANGE && v > from && v - from <= MAX_RANGE) {
			for (int r = from + 1; r < v && *n_nums < max; r++)
				nums[(*n_nums)++] = r;
		}
		if (*n_nums < max)
			nums[(*n_nums)++] = v;
		end = k;
	}
	return end;
}

size_t
xref_scan(const char *text, struct xref **refs)
{
	uchar *s = (uchar *)text;
	struct found f = { 0 };
	int nums[256];
	size_t n_nums;

	for (size_t i = 0; s[i]; i++) {
		size_t k, end;

		if ((s[i] != 'a' && s[i] != 'A') || word_before(s, i))
			continue;
		if (!(k = word(s, i, "antwoord")) && !(k = word(s, i, "antwoorden")))
			continue;
		if (!(end = target(s, k, nums, &n_nums, sizeof(nums) / sizeof(nums[0]))))
			continue;
		for (size_t j = 0; j < n_nums; j++)
			add(&f, nums[j], i, end);
		i = end - 1;
	}
	*refs = f.refs;
	return f.n;
}
