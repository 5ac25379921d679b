/*
 * text: the UTF-8 work of naast, done by libunistring.  See text.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "xalloc.h"

#define U8(s) ((const uint8_t *)(s))

static void
buf_add_uc(struct xbuf *b, ucs4_t uc)
{
	uint8_t tmp[6];
	int len = u8_uctomb(tmp, uc, sizeof(tmp));

	if (len > 0)
		xbuf_add(b, tmp, (size_t)len);
}

bool
text_is_utf8(const char *s, size_t n)
{
	return memchr(s, '\0', n) == NULL && u8_check(U8(s), n) == NULL;
}

/* Wraps a libunistring conversion that returns a length, not a string. */
static char *
terminate(uint8_t *r, size_t len)
{
	char *out;

	if (!r)
		return NULL;
	out = xrealloc(r, len + 1);
	out[len] = '\0';
	return out;
}

/*
 * True when s is in NFC already because none of its characters can
 * change under it: below U+0300 (before the combining marks) or in
 * U+2002..U+20CF (spaces, dashes, quotes, ellipses, currency; U+2000 and
 * U+2001 turn into U+2002 and U+2003).  That is nearly all Dutch text,
 * and u8_normalize costs a tenth of an import.
 */
static bool
nfc_stable(const char *s, size_t n)
{
	const uint8_t *p = U8(s), *end = p + n;

	while (p < end) {
		ucs4_t uc;

		if (*p < 0x80) {
			p++;
			continue;
		}
		p += u8_mbtouc(&uc, p, (size_t)(end - p));
		if (uc >= 0x300 && !(uc >= 0x2002 && uc < 0x20D0))
			return false;
	}
	return true;
}

char *
text_nfc(const char *s)
{
	size_t len = strlen(s);
	uint8_t *r;

	if (nfc_stable(s, len))
		return xstrdup(s);
	r = u8_normalize(UNINORM_NFC, U8(s), len, NULL, &len);

	/* len is only known after the call: no terminate(f(&len), len). */
	return r ? terminate(r, len) : xstrdup(s);
}

char *
text_casefold(const char *s)
{
	size_t len = 0;
	uint8_t *r;

	/*
	 * No locale language: a matching key must not change with $LANG (a
	 * Turkish locale would fold I to a dotless i).
	 */
	r = u8_casefold(U8(s), strlen(s), NULL, UNINORM_NFC, NULL, &len);
	return r ? terminate(r, len) : xstrdup(s);
}

static bool
is_space(ucs4_t uc)
{
	if (uc < 0x80)
		return uc == ' ' || (uc >= '\t' && uc <= '\r');
	return uc_is_property_white_space(uc) || uc == 0x200B || uc == 0xFEFF;
}

/* The typography that naast treats as equal for matching. */
static ucs4_t
fold_typography(ucs4_t uc)
{
	switch (uc) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2212:
		return '-';
	default:
		return uc;
	}
}

static char *
squeeze(const char *s, bool typography)
{
	size_t n = strlen(s), cap = n + 1, o = 0;
	char *out = xmalloc(cap);
	const uint8_t *p = U8(s), *end = p + n;
	bool pending_space = false;

	/*
	 * out has room for what is written and the rest of s as it is (one
	 * byte for a space pending): the key is never longer than s but for
	 * invalid UTF-8, three bytes of U+FFFD for one.  ASCII, nearly all
	 * of it, goes straight in; o is a local, which a store cannot alias.
	 * The length left is end - p: a strlen per character would be O(n^2).
	 */
	while (p < end) {
		ucs4_t uc;
		int len;

		if (*p < 0x80) {
			if (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
				pending_space = o > 0;
			} else {
				if (pending_space)
					out[o++] = ' ';
				pending_space = false;
				out[o++] = (char)*p;
			}
			p++;
			continue;
		}
		len = u8_mbtouc(&uc, p, (size_t)(end - p));
		p += len > 0 ? len : 1;
		if (is_space(uc)) {
			pending_space = o > 0;
			continue;
		}
		if (o + 6 + (size_t)(end - p) + 1 > cap) {
			cap = o + 6 + (size_t)(end - p) + 1;
			out = xrealloc(out, cap);
		}
		if (pending_space)
			out[o++] = ' ';
		pending_space = false;
		len = u8_uctomb((uint8_t *)out + o,
		    typography ? fold_typography(uc) : uc, 4);
		o += len > 0 ? (size_t)len : 0;
	}
	out[o] = '\0';
	return out;
}

char *
text_squeeze(const char *s)
{
	return squeeze(s, false);
}

/* s without diacritics (NFKD, nonspacing marks dropped, NFC again) and controls. */
static char *
strip_marks(const char *s)
{
	size_t len = 0;
	uint8_t *d = u8_normalize(UNINORM_NFKD, U8(s), strlen(s), NULL, &len);
	struct xbuf b = { 0 };
	char *out;

	if (!d)
		return xstrdup(s);
	for (size_t i = 0; i < len;) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, d + i, len - i);

		k = k > 0 ? k : 1;
		if (uc >= 0x20 && uc != 0x7F && !(uc >= 0x80 && uc < 0xA0) &&
		    !uc_is_general_category(uc, UC_CATEGORY_Mn))
			xbuf_add(&b, d + i, (size_t)k);
		i += (size_t)k;
	}
	free(d);
	out = xbuf_finish(&b);
	/* Decomposition splits more than accents (Hangul): compose again. */
	d = (uint8_t *)text_nfc(out);
	free(out);
	return (char *)d;
}

/* text_fold of s by libunistring, for any text. */
static char *
fold_slow(const char *s, unsigned flags)
{
	char *n = (flags & TEXT_FOLD_CASE) ? text_casefold(s) : text_nfc(s);
	char *r = squeeze(n, true);

	free(n);
	if (flags & TEXT_FOLD_MARKS) {
		n = strip_marks(r);
		free(r);
		r = squeeze(n, false);
		free(n);
	}
	return r;
}

static bool
ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * text_fold, one run of characters between ASCII white space at a time.
 * Most words are ASCII, and their key is the word in lower case (no
 * controls with TEXT_FOLD_MARKS): no libunistring, no allocation.  A word
 * with a character past ASCII goes to fold_slow on its own, which gives
 * what it gives inside the text: NFC, case folding and decomposition never
 * reach across an ASCII character (an ASCII character is a starter that
 * composes with nothing before it), and the key's white space is one space
 * between the keys of the words.  test_text checks the two paths agree.
 */
char *
text_fold(const char *s, unsigned flags)
{
	struct xbuf b = { 0 };
	size_t len = strlen(s);
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	bool marks = flags & TEXT_FOLD_MARKS, lower = flags & TEXT_FOLD_CASE;

	while (p < end) {
		const unsigned char *w;
		size_t at = b.n, word;
		char *o;	/* where the word's key goes: not b.s, which a store may alias */
		bool ascii = true;

		while (ascii_space(*p))
			p++;
		if (p == end)
			break;
		/* Room for the rest as it is: a slow word may have grown the key. */
		xgrow(&b.s, &b.cap, b.n + (size_t)(end - p) + 2, 1);
		if (b.n > 0)
			b.s[b.n++] = ' ';
		word = b.n;
		o = b.s + word;
		/* The word's key as if it were ASCII, until it is not. */
		for (w = p; p < end && !ascii_space(*p); p++) {
			unsigned char c = *p;

			if (c >= 0x80)
				ascii = false;
			if (!ascii || (marks && (c < 0x20 || c == 0x7F)))
				continue;
			if (lower && c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			*o++ = (char)c;
		}
		b.n = (size_t)(o - b.s);
		if (!ascii) {
			char *t = xstrndup((const char *)w, (size_t)(p - w));
			char *f = fold_slow(t, flags);

			b.n = word;
			xbuf_puts(&b, f);
			free(f);
			free(t);
		}
		/* A word with nothing left leaves no space either. */
		if (b.n == word)
			b.n = at;
	}
	if (!b.s)
		return xstrdup("");
	b.s[b.n] = '\0';
	return b.s;
}

/* ---------------------------------------------------------------- sanitize */

/*
 * Length of the escape sequence that starts at s[0] == ESC.  A sequence
 * cut short by a byte that cannot belong to it ends before that byte, so
 * that text after a stray ESC survives.
 */
static size_t
escape_length(const uint8_t *s, size_t n)
{
	size_t i;

	if (n < 2)
		return n;
	switch (s[1]) {
	case '[':	/* CSI: parameters, intermediates, one final byte */
		for (i = 2; i < n && s[i] >= 0x20 && s[i] <= 0x3F; i++)
			;
		for (; i < n && s[i] >= 0x20 && s[i] <= 0x2F; i++)
			;
		return i < n && s[i] >= 0x40 && s[i] <= 0x7E ? i + 1 : i;
	case ']': case 'P': case 'X': case '^': case '_':
		/*
		 * OSC, DCS, SOS, PM, APC: up to BEL or ST (ESC \\).  Another
		 * ESC ends the string, as it does on a terminal, and the
		 * sequence it starts is read next: a string cut short in the
		 * middle of a paragraph does not take the rest of it along.
		 */
		for (i = 2; i < n; i++) {
			if (s[i] == 0x07)
				return i + 1;
			if (s[i] == 0x1B)
				return i + 1 < n && s[i + 1] == '\\' ? i + 2 : i;
		}
		return n;
	default:
		/* ESC, intermediates 0x20-0x2F, one final byte 0x30-0x7E */
		for (i = 1; i < n && s[i] >= 0x20 && s[i] <= 0x2F; i++)
			;
		return i < n && s[i] >= 0x30 && s[i] <= 0x7E ? i + 1 : i;
	}
}

static bool
is_bidi_control(ucs4_t uc)
{
	return (uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069) ||
	    uc == 0x200E || uc == 0x200F || uc == 0x061C;
}

char *
text_sanitize(const char *str, size_t n, unsigned flags)
{
	const uint8_t *s = U8(str);
	struct xbuf b = { 0 };
	size_t i = 0;

	while (i < n) {
		ucs4_t uc;
		int len;

		if (s[i] == 0x1B) {
			i += escape_length(s + i, n - i);
			continue;
		}
		len = u8_mbtoucr(&uc, s + i, n - i);
		if (len < 0) {
			buf_add_uc(&b, 0xFFFD);
			i++;
			continue;
		}
		i += (size_t)len;
		if (uc == '\n' && (flags & TEXT_KEEP_NEWLINES)) {
			xbuf_add(&b, "\n", 1);
		} else if (uc == '\n' && (flags & TEXT_SHOW_NEWLINES)) {
			xbuf_add(&b, "\\n", 2);
		} else if (uc == '\t' || uc == '\n') {
			xbuf_add(&b, " ", 1);
		} else if (uc == 0x9B) {
			/* 8-bit CSI: parameters, then one final byte */
			while (i < n && s[i] >= 0x20 && s[i] <= 0x3F)
				i++;
			if (i < n && s[i] >= 0x40 && s[i] <= 0x7E)
				i++;
		} else if (uc == 0x9D || uc == 0x90) {
			/* 8-bit OSC, DCS: up to BEL, ST (U+009C) or ESC \ */
			while (i < n && s[i] != 0x07 && s[i] != 0x1B &&
			    !(s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0x9C))
				i++;
			if (i < n && s[i] == 0x07)
				i++;
			else if (i < n && s[i] == 0xC2)
				i += 2;
		} else if (uc < 0x20 || (uc >= 0x7F && uc < 0xA0) || is_bidi_control(uc)) {
			continue;
		} else {
			buf_add_uc(&b, uc);
		}
	}
	return xbuf_finish(&b);
}

/* ------------------------------------------------------------- shortening */

static const char ellipsis[] = "…";
#define ELLIPSIS (sizeof(ellipsis) - 1)
/* Bytes kept at each end of a part cut in its middle. */
#define SHORTEN_KEEP 12
/* The shortest a cut part becomes, and the shortest part worth cutting. */
#define SHORTEN_MIN (2 * SHORTEN_KEEP + ELLIPSIS)

struct part {
	size_t from, to;
};

static bool
is_continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

static bool
is_word_byte(char c)
{
	return ((unsigned char)c >= 0x80) || (c >= '0' && c <= '9') ||
	    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/*
 * Replaces the middle of s[from, to) by "…" so that the part is about
 * size bytes long, whole characters kept; *n is the length of s.
 */
static void
cut_middle(char *s, size_t *n, size_t from, size_t to, size_t size)
{
	size_t len = to - from, drop = len - size + ELLIPSIS;
	size_t start = from + (len - drop) / 2, end = start + drop;

	while (start > from && is_continuation(s[start]))
		start--;
	while (end < to && is_continuation(s[end]))
		end++;
	memmove(s + start + ELLIPSIS, s + end, *n - end + 1);
	memcpy(s + start, ellipsis, ELLIPSIS);
	*n -= end - start - ELLIPSIS;
}

/*
 * The parts of s[0, n) long enough to cut, in order: what is quoted
 * ('...': a quote after no letter or digit, to the next quote before
 * none), or when quoted is false the runs without a space.
 */
static size_t
long_parts(const char *s, size_t n, bool quoted, struct part **parts)
{
	size_t count = 0, cap = 0;

	*parts = NULL;
	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		if (quoted) {
			if (s[i] != '\'' || (i > 0 && is_word_byte(s[i - 1])))
				continue;
			for (j = i + 1; j < n; j++)
				if (s[j] == '\'' && (j + 1 == n || !is_word_byte(s[j + 1])))
					break;
			if (j == n)
				break;
			i++;
		} else {
			while (j < n && s[j] != ' ')
				j++;
		}
		if (j - i > SHORTEN_MIN) {
			xgrow(parts, &cap, count + 1, sizeof(**parts));
			(*parts)[count++] = (struct part){ i, j };
		}
		i = j;
	}
	return count;
}

/*
 * Cuts the parts of s (quoted, or runs without a space) to one length,
 * the longest that brings *n down to max, or SHORTEN_MIN when none does:
 * two long paths keep as much of each.
 */
static void
shorten_parts(char *s, size_t *n, size_t max, bool quoted)
{
	struct part *parts;
	size_t count = long_parts(s, *n, quoted, &parts), lo = SHORTEN_MIN, hi = 0;

	for (size_t i = 0; i < count; i++)
		if (parts[i].to - parts[i].from > hi)
			hi = parts[i].to - parts[i].from;
	/* The longest size whose cuts take off enough: what they gain falls as it grows. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2, gain = 0;

		for (size_t i = 0; i < count; i++)
			if (parts[i].to - parts[i].from > mid)
				gain += parts[i].to - parts[i].from - mid;
		if (gain >= *n - max)
			lo = mid;
		else
			hi = mid - 1;
	}
	/* From the last, so that the places of those before stay. */
	for (size_t i = count; i-- > 0;)
		if (parts[i].to - parts[i].from > lo)
			cut_middle(s, n, parts[i].from, parts[i].to, lo);
	free(parts);
}

char *
text_shorten(const char *s, size_t max)
{
	char *out = xstrdup(s);
	size_t n = strlen(out);

	if (n > max)
		shorten_parts(out, &n, max, true);
	if (n > max)
		shorten_parts(out, &n, max, false);
	if (n > max && n > SHORTEN_MIN && max > SHORTEN_MIN)
		cut_middle(out, &n, 0, n, max);
	if (n > max) {
		/* Too short for two ends and an ellipsis: its start. */
		while (max > 0 && is_continuation(out[max]))
			max--;
		out[max] = '\0';
	}
	return out;
}

/* ------------------------------------------------------------ width, wrap */

int
text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;

	/*
	 * ASCII without asking libunistring: a column for each printable
	 * character, none for a control character (u8_strwidth skips them).
	 */
	for (; *p && *p < 0x80; p++)
		w += *p >= 0x20 && *p != 0x7F;
	if (!*p)
		return w;
	return u8_strwidth(U8(s), "UTF-8");
}

static int
uc_columns(ucs4_t uc)
{
	int w = uc_width(uc, "UTF-8");

	return w < 0 ? 0 : w;
}

static void
add_line(struct text_line **lines, size_t *n, size_t *cap, const char *s,
    size_t start, size_t end)
{
	struct text_line *l;

	while (end > start && s[end - 1] == ' ')
		end--;
	xgrow(lines, cap, *n + 1, sizeof(**lines));
	l = &(*lines)[(*n)++];
	l->start = start;
	l->end = end;
	l->width = u8_width(U8(s + start), end - start, "UTF-8");
}

/*
 * No break after a hyphen in a word with a digit: an identifier
 * ("ah-tk-20232024-1059", "kv-tk-2024Z01294"), a number range
 * ("2023-2024") or a reference stays whole, so that it reads and copies
 * as one; words such as "directoraat-generaal" still break.
 */
static void
keep_codes_whole(const char *s, size_t len, char *brk)
{
	for (size_t i = 0; i < len;) {
		size_t end = i;
		bool digit = false;

		while (end < len && s[end] != ' ' && s[end] != '\n') {
			digit = digit || (s[end] >= '0' && s[end] <= '9');
			end++;
		}
		for (size_t k = i + 1; digit && k < end; k++)
			if (s[k - 1] == '-' && brk[k] == UC_BREAK_POSSIBLE)
				brk[k] = UC_BREAK_PROHIBITED;
		i = end + 1;
	}
}

size_t
text_wrap(const char *s, int width, struct text_line **lines)
{
	size_t len = strlen(s), n = 0, cap = 0;
	char *brk = xmalloc(len + 1);
	size_t start = 0, last_break = 0, i = 0;
	int col = 0;	/* columns of s[start, i), trailing spaces included */

	*lines = NULL;
	if (width < 1)
		width = 1;
	u8_possible_linebreaks(U8(s), len, "UTF-8", brk);
	keep_codes_whole(s, len, brk);
	while (i < len) {
		ucs4_t uc;
		int clen = u8_mbtouc(&uc, U8(s + i), len - i);
		int w;

		if (clen < 1)
			clen = 1;
		if (uc == '\n') {
			add_line(lines, &n, &cap, s, start, i);
			start = last_break = i + 1;
			col = 0;
			i += (size_t)clen;
			continue;
		}
		if (i > start && brk[i] == UC_BREAK_POSSIBLE)
			last_break = i;
		w = uc_columns(uc);
		/*
		 * Spaces may hang past the width (add_line drops them); zero
		 * width characters stay with the one before.
		 */
		if (uc != ' ' && w > 0 && col + w > width && i > start) {
			size_t cut = last_break > start ? last_break : i;

			add_line(lines, &n, &cap, s, start, cut);
			start = cut;
			while (start < i && s[start] == ' ')
				start++;
			col = u8_width(U8(s + start), i - start, "UTF-8");
			/*
			 * What follows the break may itself be too wide (spaces
			 * counted, or no break opportunity after it): then cut
			 * between characters, here.
			 */
			if (col + w > width && i > start) {
				add_line(lines, &n, &cap, s, start, i);
				start = i;
				col = 0;
			}
			last_break = start;
		}
		col += w;
		i += (size_t)clen;
	}
	if (start < len || n == 0)
		add_line(lines, &n, &cap, s, start, len);
	free(brk);
	return n;
}

/* -------------------------------------------------------------- conversion */

size_t
text_utf8_invalid_at(const char *s, size_t n)
{
	const uint8_t *bad = u8_check(U8(s), n);

	return bad ? (size_t)(bad - U8(s)) : n;
}

/*
 * Windows-1252 where it differs from ISO-8859-1: bytes 0x80 to 0x9F,
 * which ISO-8859-1 leaves to C1 control characters that no text uses
 * and Windows uses for its quotes, dashes, euro sign and ellipsis.  0:
 * no character (0x81, 0x8D, 0x8F, 0x90, 0x9D).  A table rather than
 * iconv: the offset of a byte that is no character is known exactly,
 * and nothing depends on the gconv modules installed.
 */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

char *
text_from_latin1(const char *s, size_t n, size_t *out_len, size_t *bad_at)
{
	/* No character of the table takes more than three bytes in UTF-8. */
	uint8_t *out = xmalloc(3 * n + 1);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		uint8_t c = (uint8_t)s[i];
		ucs4_t uc = c;
		int len;

		if (c < 0x80) {
			out[k++] = c;
			continue;
		}
		if (c < 0xA0 && (uc = cp1252_high[c - 0x80]) == 0) {
			free(out);
			*bad_at = i;
			return NULL;
		}
		len = u8_uctomb(out + k, uc, 3);
		k += len > 0 ? (size_t)len : 0;
	}
	out[k] = '\0';
	*out_len = k;
	return xrealloc(out, k + 1);
}
