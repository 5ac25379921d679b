/*
 * heading: the headings of vragen and antwoorden and their numbers.  See
 * heading.h.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "heading.h"
#include "scan.h"
#include "xalloc.h"

/*
 * Whether the ASCII word w (capitalised) is written at s[0, n) as a
 * heading writes it: "Vraag" or "VRAAG", and no letter after it.
 */
static bool
heading_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	bool upper = true, lower = true;

	if (!scan_prefix_ci(s, n, w) || s[0] != w[0] ||
	    (k < n && scan_alpha((unsigned char)s[k])))
		return false;
	for (size_t i = 1; i < k; i++) {
		upper &= s[i] >= 'A' && s[i] <= 'Z';
		lower &= s[i] >= 'a' && s[i] <= 'z';
	}
	return upper || lower;
}

/*
 * The white space at s[i] where the words are written: a heading is one
 * line; running text breaks its lines.
 */
static size_t
blank_at(const char *s, size_t n, size_t i, enum heading_where where)
{
	return where == HEADING_LINE ? scan_space(s, i, n) :
	    scan_blank(s, i, n);
}

static size_t
skip_blank(const char *s, size_t n, size_t i, enum heading_where where)
{
	return scan_skip(s, i, n, where == HEADING_LINE ? scan_space :
	    scan_blank);
}

/* The end of the word w (any case) at s[i], followed by a blank; 0 if none. */
static size_t
word_at(const char *s, size_t n, size_t i, const char *w,
    enum heading_where where)
{
	size_t k = i + strlen(w);

	if (!scan_prefix_ci(s + i, n - i, w) || k >= n ||
	    blank_at(s, n, k, where) == 0)
		return 0;
	return skip_blank(s, n, k, where);
}

/*
 * A dash between two numbers: '-', en dash, em dash; its length or 0.
 * Byte by byte: a NUL ends the text of a reference (n SIZE_MAX).
 */
static size_t
dash_at(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;

	if (i < n && u[i] == '-')
		return 1;
	if (i + 2 < n && u[i] == 0xe2 && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0x93 || u[i + 2] == 0x94))
		return 3;
	return 0;
}

/* The word "en", and in running text "of", that joins two numbers. */
static size_t
and_at(const char *s, size_t n, size_t i, enum heading_where where)
{
	size_t k;

	if ((k = word_at(s, n, i, "en", where)) > 0)
		return k;
	return where == HEADING_PROSE ? word_at(s, n, i, "of", where) : 0;
}

/*
 * Where the next number of a list may start after the separator at s[i],
 * and whether it ends a range; i when there is no separator.
 */
static size_t
separator(const char *s, size_t n, size_t i, enum heading_where where,
    bool *range)
{
	size_t j = skip_blank(s, n, i, where), k;

	*range = false;
	if (j < n && s[j] == ',') {
		j = skip_blank(s, n, j + 1, where);
		return (k = and_at(s, n, j, where)) > 0 ? k : j;
	}
	if ((k = and_at(s, n, j, where)) > 0)
		return k;
	*range = true;
	if ((k = word_at(s, n, j, "t/m", where)) > 0)
		return k;
	if ((k = word_at(s, n, j, "tot", where)) > 0) {
		size_t en = word_at(s, n, k, "en", where), met;

		if (en > 0 && (met = word_at(s, n, en, "met", where)) > 0)
			return met;
		return k;
	}
	if ((k = dash_at(s, n, j)) > 0)
		return skip_blank(s, n, j + k, where);
	*range = false;
	/* "9 10": a comma left out, in a heading only */
	return where == HEADING_LINE ? j : i;
}

/* Whether s[i] is an ASCII letter or digit. */
static bool
alnum_at(const char *s, size_t n, size_t i)
{
	return i < n && (scan_alpha((unsigned char)s[i]) ||
	    scan_digit((unsigned char)s[i]));
}

/* The vraag number at s[*i], *i after it; 0 when there is none. */
static int
number(const char *s, size_t n, size_t *i, enum heading_where where)
{
	size_t j = *i;
	int v;

	if (!scan_number(s, n, &j, HEADING_MAX_VRAAG, &v) || v < 1)
		return 0;
	if (where == HEADING_PROSE) {
		/* "3a", not "12Z01234" */
		if (alnum_at(s, n, j) && !alnum_at(s, n, j + 1))
			j++;
		if (alnum_at(s, n, j))
			return 0;
	}
	*i = j;
	return v;
}

/* Adds v to nums; when they are max, v takes the last slot. */
static void
keep(int *nums, size_t max, size_t *got, int v)
{
	if (*got < max)
		nums[(*got)++] = v;
	else
		nums[max - 1] = v;
}

size_t
heading_numbers(const char *s, size_t n, size_t *i, enum heading_where where,
    int *nums, size_t max)
{
	size_t j = *i, k, got = 0;
	bool range;
	int v, last;

	if (max == 0 || (v = number(s, n, &j, where)) == 0)
		return 0;
	keep(nums, max, &got, v);
	for (;;) {
		last = v;
		k = separator(s, n, j, where, &range);
		if (k == j || (v = number(s, n, &k, where)) == 0 ||
		    (where == HEADING_LINE && v <= last))
			break;
		if (range && v > last && v - last <= HEADING_MAX_RANGE)
			for (int r = last + 1; r < v; r++)
				keep(nums, max, &got, r);
		keep(nums, max, &got, v);
		j = k;
	}
	*i = j;
	return got;
}

/* The list of vraag numbers of a heading at s[*i]: its first and last. */
static bool
numbers(const char *s, size_t n, size_t *i, struct heading *h)
{
	int v[2];
	size_t got = heading_numbers(s, n, i, HEADING_LINE, v, COUNT(v));

	if (got == 0)
		return false;
	h->from = v[0];
	h->to = v[got - 1];
	return true;
}

bool
heading_start(const char *s, size_t n, struct heading *out)
{
	static const struct {
		const char *word;
		enum role role;
	} words[] = {
		{ "Vragen", ROLE_VRAAG },
		{ "Vraag", ROLE_VRAAG },
		{ "Antwoorden", ROLE_ANTWOORD },
		{ "Antwoord", ROLE_ANTWOORD },
	};
	struct heading h = { ROLE_OTHER, 0, 0, 0, n };
	size_t i = scan_skip_space(s, 0, n), j, k;

	for (size_t w = 0; w < COUNT(words) && h.role == ROLE_OTHER; w++) {
		if (heading_word(s + i, n - i, words[w].word)) {
			h.role = words[w].role;
			i += strlen(words[w].word);
		}
	}
	if (h.role == ROLE_OTHER)
		return false;
	j = scan_skip_space(s, i, n);
	if (h.role == ROLE_ANTWOORD &&
	    (k = word_at(s, n, j, "op", HEADING_LINE)) > 0) {
		/* "Antwoord op (de) vraag 3": a number must follow. */
		j = k;
		if ((k = word_at(s, n, j, "de", HEADING_LINE)) > 0)
			j = k;
		if ((k = word_at(s, n, j, "vragen", HEADING_LINE)) == 0 &&
		    (k = word_at(s, n, j, "vraag", HEADING_LINE)) == 0)
			return false;
		j = k;
		if (!numbers(s, n, &j, &h))
			return false;
		i = j;
	} else if (numbers(s, n, &j, &h)) {
		i = j;
	}
	h.end = i;
	i = scan_skip_space(s, i, n);
	if (i < n && (s[i] == ':' || s[i] == '.'))
		h.end = ++i;
	h.text = scan_skip_space(s, h.end, n);
	*out = h;
	return true;
}

bool
heading_read(const char *s, size_t n, struct heading *out)
{
	struct heading h;

	if (!heading_start(s, n, &h))
		return false;
	/* Text after the heading only after its ':' or '.'. */
	if (h.text < n && s[h.end - 1] != ':' && s[h.end - 1] != '.')
		return false;
	*out = h;
	return true;
}
