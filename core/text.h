/*
 * text: UTF-8 text as naast needs it, on top of libunistring.
 *
 * Validation, NFC, case folding, display width and word wrap come from
 * libunistring; this module only combines them.  Every function takes
 * NUL-terminated UTF-8 (validate input with text_is_utf8 first) and returns
 * newly allocated strings that the caller frees.
 *
 * Two kinds of normalisation, never mixed up:
 *  - text_sanitize: what may reach a terminal (no control characters, no
 *    escape sequences, no bidi overrides).  Used on every byte shown.
 *  - text_fold: a matching key (NFC, typography folded, whitespace
 *    squeezed, optionally casefolded).  Used to compare, never shown.
 */
#ifndef NAAST_TEXT_H
#define NAAST_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is well-formed UTF-8 without NUL bytes. */
bool text_is_utf8(const char *s, size_t n);

/* NFC form of s. */
char *text_nfc(const char *s);

/* Full Unicode case folding of the NFC form of s. */
char *text_casefold(const char *s);

enum {
	TEXT_FOLD_CASE = 1 << 0,	/* also casefold */
	TEXT_FOLD_MARKS = 1 << 1,	/* also drop diacritics and control
					 * characters, and take compatibility
					 * forms: "Één" matches "een" */
};

/*
 * Matching key: NFC; ’ ‘ ‚ ′ become ', “ ” „ ″ become ", – — ‐ ‑ − become -;
 * every run of white space (line breaks, no-break spaces included) becomes
 * one space; leading and trailing space removed.  The text between ASCII
 * white space folds on its own: the key of "a b" is the keys of "a" and
 * of "b" with a space between them (or the one that is not empty).
 */
char *text_fold(const char *s, unsigned flags);

/* s with runs of white space squeezed to one space and trimmed. */
char *text_squeeze(const char *s);

enum {
	TEXT_KEEP_NEWLINES = 1 << 0,	/* keep '\n' (tabs become spaces) */
	/*
	 * show '\n' as the two characters \n: a name or message from outside
	 * on one line, where a newline in it can neither start a line of its
	 * own nor pass unseen
	 */
	TEXT_SHOW_NEWLINES = 1 << 1,
};

/*
 * s made safe to show: escape sequences (CSI, OSC, DCS and two-byte ESC
 * sequences) and control characters (C0, DEL, C1) removed, tabs turned to
 * spaces, newlines too unless flags say otherwise, bidirectional
 * overrides removed, invalid UTF-8 replaced by U+FFFD.  n is the length
 * of s (s need not be NUL-terminated).
 */
char *text_sanitize(const char *s, size_t n, unsigned flags);

/*
 * s in at most max bytes, for a message that must keep what it says and
 * what to do: the longest part in quotes ('a long path') cut in its
 * middle with "…", then the next, then the longest run without a space,
 * whole characters kept; s itself when it fits.  The caller frees it.
 */
char *text_shorten(const char *s, size_t max);

/* Columns that s occupies on a terminal. */
int text_width(const char *s);

/* One line of a wrapped text: bytes [start, end) of the input. */
struct text_line {
	size_t start, end;
	int width;
};

/*
 * Wraps s to lines of at most width columns at the break opportunities of
 * Unicode line breaking, but for the hyphens of a word with a digit (an
 * identifier such as "ah-tk-20232024-1059"); a word wider than width is
 * cut between characters.  '\n' is a forced break.  Returns the number of lines and
 * stores a newly allocated array in *lines.
 */
size_t text_wrap(const char *s, int width, struct text_line **lines);

/* -------------------------------------------------------------- conversion */

/*
 * The offset of the first byte of s[0..n) that is not well-formed UTF-8
 * (a NUL byte is well-formed here); n when every byte is.
 */
size_t text_utf8_invalid_at(const char *s, size_t n);

/*
 * s[0..n) read as Windows-1252, of which Latin-1's (ISO-8859-1's) text is
 * a part, in UTF-8; *out_len gets its length.  NULL when a byte is no
 * character in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D): then
 * *bad_at is its offset.  NUL bytes are kept.
 */
char *text_from_latin1(const char *s, size_t n, size_t *out_len, size_t *bad_at);

#endif
