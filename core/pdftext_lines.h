/*
 * pdftext_lines: the data of the pdftext parser and the base layer that
 * its files share; nothing outside the parser includes it.
 *
 * The parser is four files, each using only the ones below it:
 *   parse_pdftext.c   the probe, the line passes, the blocks, the output
 *   pdftext_infer.c   what the headings do not say; a flattened text
 *   pdftext_page.c    page breaks, footnote markers, hyphenation,
 *                     the words of lines joined into a passage's text
 *   pdftext_lines.c   what one line or block says on its own (this header)
 * with pdftext_infer.h and pdftext_page.h declaring the middle two.
 *
 * parse_pdftext.c owns the parse: its struct ctx lives on the stack of
 * parse(), which frees every array the ctx points to (l, b, hyph, notes,
 * marks, pend) at the end; the passes in pdftext_page.c and
 * pdftext_infer.c grow or replace those arrays (with xgrow, or free and
 * set, so pointers into them do not survive a pass that adds to them)
 * but never free the ctx.  doc is the caller's; passages, footnotes and
 * warnings go into it through model.h.  Every byte offset is into doc->raw,
 * which no pass changes.  A returned char * is the caller's to free.
 */
#ifndef NAAST_PDFTEXT_LINES_H
#define NAAST_PDFTEXT_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "model.h"
#include "scan.h"

/* The numbers of page furniture: years, pages, Aanhangsel numbers. */
#define MAX_NUMBER 999999
/*
 * A line this long is no printed line: the document was flattened onto
 * one line (or a few), and its headings and page furniture stand inline.
 */
#define FLAT_LINE 1000

enum kind {
	K_BLANK,
	K_FURNITURE,	/* running footer, page number, cover of the Aanhangsel */
	K_TEXT,
	K_VRAAG,	/* "Vraag 3", "Vragen 10 en 11", "Vraag 1: ..." */
	K_ANTWOORD,	/* "Antwoord 3", "Antwoord:", "Antwoord op vraag 3" */
	K_FOOTNOTE,	/* set apart at the foot of a page */
};

struct pline {
	size_t start, end;	/* the line's words: no form feed, no edge space */
	size_t text;		/* where its passage text starts (after "Vraag 1:") */
	enum kind kind;
	int page;
	int num, num_to;	/* of a heading; 0 for a bare "Antwoord:" */
	int width;		/* columns of [text, end) */
	bool trail_space;	/* the raw line ended in a space */
	bool form_feed;		/* the raw line began with a form feed */
	bool footer;		/* a running footer: it ends a page */
	bool gap_before;	/* a blank line before it, on the same page */
	bool break_before;	/* page furniture before it */
	bool numbered;		/* K_VRAAG: a "1." line of numbered questions */
};

struct block {
	enum role role;
	int vraag, vraag_to;
	size_t first, last;	/* line range, inclusive */
	bool questions;		/* HEADER: "Vragen van" (else "Antwoord van") */
	bool notice;		/* HEADER: "Mededeling van" */
	bool done;		/* HEADER: its closing date has been read */
	bool warned;		/* OTHER: the reason was given already */
	bool numbered;		/* VRAAG: opened by a "1." line, not a "Vraag 1" heading */
};

/* A footnote at the foot of a page: its number line and its text lines. */
struct note {
	int num;
	int page;
	size_t first, last;	/* its lines, inclusive (first may be the number alone) */
	size_t mark;		/* index in ctx.marks, or SIZE_MAX when not found */
};

/* A footnote marker in the text: bytes [start, end) of the raw text. */
struct mark {
	size_t start, end;
	size_t line;
	size_t note;		/* index in ctx.notes */
};

/* A marker that went into a passage: where its footnote goes. */
struct pending {
	size_t passage;		/* index in doc->passages */
	size_t note;
	size_t at;		/* byte offset in the passage's text */
};

struct ctx {
	struct document *doc;
	const char *s;		/* doc->raw */
	struct pline *l;
	size_t n;
	struct block *b;
	size_t n_blocks, cap_blocks;
	char **hyph;		/* casefolded words written with a hyphen, sorted */
	size_t n_hyph;
	int width;		/* width of a full line, 0 when unknown */
	struct note *notes;
	size_t n_notes;
	struct mark *marks;	/* sorted by start */
	size_t n_marks;
	struct pending *pend;
	size_t n_pend, cap_pend;
	bool placeholder;	/* MARK_PLACEHOLDER is free to use in the text */
};

/* How a line joins the next in a passage's text. */
enum joint {
	J_SPACE,	/* "een" + "zin": a space */
	J_JOIN,		/* "aanlei-" + "ding": the hyphen goes */
	J_KEEP,		/* "functie-" + "uitoefening": the hyphen stays */
	J_KEEP_SPACE,	/* "aanloop-" + "en": a word-final hyphen, then a space */
	J_TIGHT,	/* "maatregelen/" + "projecten": nothing between */
};

/* What starts a line of a list. */
enum item {
	ITEM_NONE,
	ITEM_SURE,	/* "• ", "1. ", "a) " */
	ITEM_DASH,	/* "– ", "- ": also a wrapped aside "– evenals ... –" */
};

/* ----------------------------------------------------------------- bytes */

static inline bool
equals(const char *s, size_t n, const char *p)
{
	return n == strlen(p) && memcmp(s, p, n) == 0;
}

static inline bool
ends_with(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && memcmp(s + n - k, p, k) == 0;
}

/* Whether needle occurs in s[a, b). */
static inline bool
contains(const char *s, size_t a, size_t b, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = a; i + k <= b; i++)
		if (memcmp(s + i, needle, k) == 0)
			return true;
	return false;
}

/* Start of the UTF-8 character that ends at s[i] (exclusive). */
static inline size_t
char_before(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

static inline size_t
char_len(const char *s, size_t i, size_t n)
{
	size_t j = i + 1;

	while (j < n && ((unsigned char)s[j] & 0xc0) == 0x80)
		j++;
	return j - i;
}

/* The value of a line that is only a number of 1-4 digits, else -1. */
static inline int
bare_number(const char *s, size_t n)
{
	size_t i = 0;
	int v;

	return n <= 4 && scan_number(s, n, &i, 9999, &v) && i == n ? v : -1;
}

/* ----------------------------------------------------- pdftext_lines.c */

/*
 * The header a line begins: the questions, the answer, or a mededeling
 * (*notice), which is printed like the answer's header.
 */
bool pdftext_lines_header_start(const char *s, size_t n, bool *questions,
    bool *notice);
/* The last byte of s[a, b), or 0. */
char pdftext_lines_last_char(const char *s, size_t a, size_t b);
bool pdftext_lines_ends_sentence(const char *s, size_t a, size_t b);
bool pdftext_lines_ends_question(const char *s, size_t a, size_t b);
enum item pdftext_lines_starts_item(const char *s, size_t a, size_t b);
/* Whether an opening quote or bracket stands at s[i]. */
bool pdftext_lines_is_open_mark(const char *s, size_t i, size_t n);
/* Length of the closing mark or punctuation that ends s[0, n), or 0. */
size_t pdftext_lines_close_mark(const char *s, size_t n);
/* Columns of s[a, b). */
int pdftext_lines_width(const char *s, size_t a, size_t b);
int pdftext_lines_first_word_width(const struct ctx *c, const struct pline *l);
int pdftext_lines_block_width(const struct ctx *c, const size_t *idx,
    size_t n);
/* *idx is allocated; the caller frees it. */
size_t pdftext_lines_block_lines(const struct ctx *c, const struct block *b,
    size_t **idx);

#endif
