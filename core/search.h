/*
 * search: what a user types, made into full-text queries that can only
 * mean what was typed.
 *
 * Words are AND-ed, "quoted phrases" stay phrases, a trailing * makes a
 * prefix; everything else (AND, OR, NOT, NEAR, parentheses, colons,
 * minus signs, quotes inside words) is taken literally.  The result is
 * FTS5 syntax that cannot fail to parse and cannot reach FTS5 as
 * operators: every term is a double-quoted string.  No SQL here; the
 * store runs the queries.
 */
#ifndef NAAST_SEARCH_H
#define NAAST_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

struct xbuf;

#define SEARCH_PREFIX_MIN 3

/*
 * The longest text naast searches for, in bytes: what the interface's
 * search prompt holds (tui/prompt.h), and the command line the same.
 * Longer (thousands of prefixes, a phrase of thousands of words) ran
 * for minutes or took gigabytes.
 */
#define SEARCH_MAX_BYTES 511

/* One term of a query as the user meant it. */
struct search_term {
	char *text;		/* the words, as typed (NFC) */
	bool phrase;		/* "quoted": the words in this order */
	bool prefix;		/* ended in *: any word that starts so */
};

struct search_terms {
	struct search_term *terms;
	size_t n;
};

/*
 * Reads what the user typed (any bytes: invalid UTF-8 becomes U+FFFD,
 * control characters and escape sequences go).  Terms are separated by
 * white space; a quote (" or “ ” „) at the start of a term opens a phrase
 * that runs to the next quote, or to the end when there is none; stars
 * at the end of a term or right after a phrase make a prefix.  A term
 * with no letter or digit, which the index would tokenise to nothing, is
 * dropped.  STATUS_USAGE ("nothing to search for: type one or more
 * words") when no term is left, when a prefix is shorter than
 * SEARCH_PREFIX_MIN characters ("a*" matches nearly every passage: a
 * search would read most of the index), or when text is longer than
 * SEARCH_MAX_BYTES.  *out is always filled (empty on failure); free it
 * with search_terms_free.
 */
enum status search_parse(const char *text, struct search_terms *out,
    struct error *err);
void search_terms_free(struct search_terms *t);

/* Appends s to b as an FTS5 string: in double quotes, each " doubled. */
void search_add_quoted(struct xbuf *b, const char *s);

/*
 * The index has each word twice at its place: as written (lower case,
 * diacritics removed) and as its Dutch Snowball stem behind this mark, a
 * byte no word has and nothing a user types can bring (search_parse
 * drops control characters).  A query string that starts with the mark
 * asks for stems (the tokenizer, store_fts.c).
 */
#define SEARCH_STEM_MARK "\x01"
/* A query string that starts with this is one term of the index as it is. */
#define SEARCH_TERM_MARK "\x02"

/*
 * The FTS5 query for the words as typed: each term a quoted string (a
 * phrase when quoted), prefixes with their *, AND-ed.  Newly allocated.
 */
char *search_fts_query(const struct search_terms *t);

/*
 * The same query for the stems of the words: each string marked
 * (SEARCH_STEM_MARK); the tokenizer keeps the last word of a prefix as
 * typed.  Newly allocated.
 */
char *search_stem_query(const struct search_terms *t);

/*
 * Whether a term is a word that other search engines read as an
 * operator, written so: AND, OR, NOT or NEAR in capitals, unquoted.
 * naast searches for it as the word it is, and only as a whole word:
 * the NOT of "zorg NOT kosten" is never the start of "NOTA".
 */
bool search_term_is_operator(const struct search_term *term);

/*
 * Whether a term may be a part of words ("uitslag" in
 * "verkiezingsuitslag"): a single word, not a quoted phrase nor an
 * operator word, of at least SEARCH_PART_MIN characters.
 */
#define SEARCH_PART_MIN 3
bool search_term_is_part(const struct search_term *term);

/* Levenshtein distance between two UTF-8 words, by characters, up to max (max + 1 when further). */
size_t search_distance(const char *a, const char *b, size_t max);

#endif
