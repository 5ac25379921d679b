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

/* The end of the word w (any case) at s[i], followed by a blank; 0 if none. */
static size_t
word_at(const char *s, size_t n, size_t i, const char *w)
{
	size_t k = i + strlen(w);

	if (!scan_prefix_ci(s + i, n - i, w) || k >= n ||
	    scan_space(s, k, n) == 0)
		return 0;
	return scan_skip_space(s, k, n);
}

/* A dash between two numbers: '-', en dash, em dash; its length or 0. */
static size_t
dash_at(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '-')
		return 1;
	if (scan_prefix(s + i, n - i, "\xe2\x80\x93") ||
	    scan_prefix(s + i, n - i, "\xe2\x80\x94"))
		return 3;
	return 0;
}

/* Where the next number of a list may start after the separator at s[i]. */
static size_t
separator(const char *s, size_t n, size_t i)
{
	static const char *const words[] = { "tot en met", "t/m", "en" };
	size_t j = scan_skip_space(s, i, n), k;

	if (j < n && s[j] == ',') {
		j = scan_skip_space(s, j + 1, n);
		return (k = word_at(s, n, j, "en")) > 0 ? k : j;
	}
	for (size_t w = 0; w < COUNT(words); w++)
		if ((k = word_at(s, n, j, words[w])) > 0)
			return k;
	if ((k = dash_at(s, n, j)) > 0)
		return scan_skip_space(s, j + k, n);
	return j;	/* "9 10": a comma left out */
}

/*
 * The list of vraag numbers at s[*i]: the first and the last; *i after
 * the last.  The list ends before a separator that no higher vraag
 * number follows.
 */
static bool
numbers(const char *s, size_t n, size_t *i, int *from, int *to)
{
	size_t j = *i;
	int v;

	if (!scan_number(s, n, &j, HEADING_MAX_VRAAG, &v) || v < 1)
		return false;
	*from = *to = v;
	for (;;) {
		size_t k = separator(s, n, j);

		if (k == j || !scan_number(s, n, &k, HEADING_MAX_VRAAG, &v) ||
		    v <= *to)
			break;
		*to = v;
		j = k;
	}
	*i = j;
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
	if (h.role == ROLE_ANTWOORD && (k = word_at(s, n, j, "op")) > 0) {
		/* "Antwoord op (de) vraag 3": a number must follow. */
		j = k;
		if ((k = word_at(s, n, j, "de")) > 0)
			j = k;
		if ((k = word_at(s, n, j, "vragen")) == 0 &&
		    (k = word_at(s, n, j, "vraag")) == 0)
			return false;
		j = k;
		if (!numbers(s, n, &j, &h.from, &h.to))
			return false;
		i = j;
	} else if (numbers(s, n, &j, &h.from, &h.to)) {
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
