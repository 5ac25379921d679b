/*
 * scan: the byte tests that every reader of document text needs, in one
 * place: an ASCII digit or letter, a prefix (exact, or in any ASCII
 * case), a number.  The parsers and xref read their words as bytes of the
 * original text, so that the offsets they keep need no mapping back from
 * a changed copy; the words they look for are ASCII.
 *
 * Every function is static inline, works on s[0, n) (a NUL-terminated
 * string may pass SIZE_MAX as n: the NUL stops every test), allocates
 * nothing and keeps no state.  The locale plays no part, unlike isdigit
 * and strncasecmp.  And the one hash of bytes that words are counted and
 * fingerprinted by (FNV-1a, 64 bits).
 */
#ifndef NAAST_SCAN_H
#define NAAST_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The hash of no bytes; scan_hash_byte adds one. */
#define SCAN_HASH_START UINT64_C(0xcbf29ce484222325)

static inline uint64_t
scan_hash_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * UINT64_C(0x100000001b3);
}

/* The hash of s[0, n), NUL bytes and all. */
static inline uint64_t
scan_hash(const char *s, size_t n)
{
	uint64_t h = SCAN_HASH_START;

	for (size_t i = 0; i < n; i++)
		h = scan_hash_byte(h, (unsigned char)s[i]);
	return h;
}

static inline bool
scan_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
scan_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline unsigned char
scan_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Whether s[0, n) begins with p. */
static inline bool
scan_prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && memcmp(s, p, k) == 0;
}

/* Whether s[0, n) begins with p, ASCII letters in any case. */
static inline bool
scan_prefix_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	if (n < k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (scan_lower((unsigned char)s[i]) !=
		    scan_lower((unsigned char)p[i]))
			return false;
	return true;
}

/*
 * Length of the white space at s[i] (i < n): ASCII blanks other than the
 * line feed, and the no-break space that PDF text is full of; 0 when none.
 */
static inline size_t
scan_space(const char *s, size_t i, size_t n)
{
	unsigned char c = (unsigned char)s[i];

	if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r')
		return 1;
	if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

/*
 * The first byte at or after s[i] that is no white space as len measures
 * it (scan_space, scan_blank), n at the most.
 */
static inline size_t
scan_skip(const char *s, size_t i, size_t n,
    size_t (*len)(const char *, size_t, size_t))
{
	size_t k;

	while (i < n && (k = len(s, i, n)) > 0)
		i += k;
	return i;
}

/* The first byte at or after s[i] that is no scan_space, n at the most. */
static inline size_t
scan_skip_space(const char *s, size_t i, size_t n)
{
	return scan_skip(s, i, n, scan_space);
}

/*
 * Length of the white space at s[i] (i < n) in running text, which breaks
 * its lines: scan_space, the line feed and the narrow no-break space;
 * 0 when none.
 */
static inline size_t
scan_blank(const char *s, size_t i, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = scan_space(s, i, n);

	if (k > 0)
		return k;
	if (u[i] == '\n')
		return 1;
	/* byte by byte: a NUL ends a string passed with n SIZE_MAX */
	if (u[i] == 0xe2 && i + 2 < n && u[i + 1] == 0x80 && u[i + 2] == 0xaf)
		return 3;
	return 0;
}

/* The first byte at or after s[i] that is no scan_blank, n at the most. */
static inline size_t
scan_skip_blank(const char *s, size_t i, size_t n)
{
	return scan_skip(s, i, n, scan_blank);
}

/*
 * Reads the run of digits at s[*i] as a number of at most max (max times
 * ten must fit a long).  True, with *i past the digits, when there are
 * some and their value is not above max; *i stays otherwise.
 */
static inline bool
scan_number(const char *s, size_t n, size_t *i, long max, int *out)
{
	size_t j = *i;
	long v = 0;

	while (j < n && scan_digit((unsigned char)s[j])) {
		if (v <= max)
			v = v * 10 + (s[j] - '0');
		j++;
	}
	if (j == *i || v > max)
		return false;
	*i = j;
	*out = (int)v;
	return true;
}

#endif
