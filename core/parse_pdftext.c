/*
 * parse_pdftext: the text that pdftotext extracts from the official PDF
 * of an answer to Kamervragen (seed 000 without -layout, the published
 * PDFs of tests/corpus-pdf with it), of the questions alone, or of a
 * mededeling sent instead of an answer.
 *
 * Such text is the printed column, one printed line per line: running
 * footers and page numbers sit between the words, a page's footnotes sit
 * at its foot, words are broken with a hyphen at line ends and paragraphs
 * are not separated by blank lines.  The parser works in passes over the
 * lines, never over a changed copy of the text, so that every passage
 * keeps the byte range of the raw text it came from:
 *
 *   0. a text flattened onto one line is cut into the pieces its lines
 *      would have been, at its headings and page furniture;
 *   1. classify each line: blank, page furniture (footers, page numbers,
 *      the cover lines of the Aanhangsel), a "Vraag N" / "Antwoord N"
 *      heading, or text;
 *   2. number the pages and set apart the footnotes at the foot of each;
 *      without any "Vraag N" heading, numbered "1." lines start the vragen;
 *   3. group the text into blocks: the questions header, the answer (or
 *      mededeling) header, one block per vraag and per antwoord, the words
 *      of a mededeling, and what cannot be placed (ROLE_OTHER, with a
 *      warning);
 *   3b. infer what the headings do not say: the answer below a numbered
 *      question, a vraag whose heading was lost (warned), the question of
 *      each number under a combined heading ("Vraag 3, 4 en 5");
 *   4. cut answers into paragraphs (a short line that ends a sentence ends
 *      one) and join each paragraph's lines, undoing line-end hyphenation
 *      where Dutch spelling does not keep the hyphen.
 *
 * The text of a passage is only joined, squeezed and put in NFC: the
 * author's words are never corrected.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "parse.h"
#include "text.h"
#include "xalloc.h"

/* Numbers above this after "Vraag" are not vraag numbers. */
#define MAX_VRAAG 999
/*
 * A line this long is no printed line: the document was flattened onto
 * one line (or a few), and its headings and page furniture stand inline.
 */
#define FLAT_LINE 1000
/* A combined vraag ("Vraag 3, 4 en 5") is given out per number up to this span. */
#define MAX_COMBINED 20
/* A header longer than this has lost its end; the rest is not header. */
#define MAX_HEADER_LINES 16
/* How far a page's first footnote number may run ahead of the expected one. */
#define FOOTNOTE_SLACK 5
/* How many footnotes one page may hold. */
#define FOOTNOTE_SPAN 40

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

/*
 * Stands in a joined text for a footnote marker that was taken out, until
 * the text is final and the marker's offset can be read.  Not used when
 * the document itself contains it.
 */
#define MARK_PLACEHOLDER '\x01'

/* ----------------------------------------------------------------- bytes */

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
has_prefix(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && memcmp(s, p, k) == 0;
}

static bool
equals(const char *s, size_t n, const char *p)
{
	return n == strlen(p) && memcmp(s, p, n) == 0;
}

static bool
ends_with(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && memcmp(s + n - k, p, k) == 0;
}

/* Whether needle occurs in s[a, b). */
static bool
contains(const char *s, size_t a, size_t b, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = a; i + k <= b; i++)
		if (memcmp(s + i, needle, k) == 0)
			return true;
	return false;
}

/* Length of the white space at s[i]: ASCII, and the no-break space. */
static size_t
space_at(const char *s, size_t i, size_t n)
{
	unsigned char c = (unsigned char)s[i];

	if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r')
		return 1;
	if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

static size_t
skip_spaces(const char *s, size_t i, size_t n)
{
	size_t k;

	while (i < n && (k = space_at(s, i, n)) > 0)
		i += k;
	return i;
}

/* Start of the UTF-8 character that ends at s[i] (exclusive). */
static size_t
char_before(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

static size_t
char_len(const char *s, size_t i, size_t n)
{
	size_t j = i + 1;

	while (j < n && ((unsigned char)s[j] & 0xc0) == 0x80)
		j++;
	return j - i;
}

/* The value of a line that is only a number of 1-4 digits, else -1. */
static int
bare_number(const char *s, size_t n)
{
	int v = 0;

	if (n == 0 || n > 4)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Reads digits at s[*i]; false when there are none or too many. */
static bool
read_number(const char *s, size_t n, size_t *i, int *out)
{
	size_t j = *i;
	int v = 0;

	while (j < n && is_digit((unsigned char)s[j]) && j - *i < 6)
		v = v * 10 + (s[j++] - '0');
	if (j == *i || (j < n && is_digit((unsigned char)s[j])))
		return false;
	*i = j;
	*out = v;
	return true;
}

/* A dash between numbers: '-', en dash, em dash. */
static size_t
dash_at(const char *s, size_t i, size_t n)
{
	if (i < n && s[i] == '-')
		return 1;
	if (i + 2 < n && has_prefix(s + i, n - i, "\xe2\x80\x93"))
		return 3;
	if (i + 2 < n && has_prefix(s + i, n - i, "\xe2\x80\x94"))
		return 3;
	return 0;
}

/* "2023–2024" or "2023-2024" at s[i]: the index after it, or 0. */
static size_t
skip_years(const char *s, size_t i, size_t n)
{
	int y;
	size_t d;

	if (!read_number(s, n, &i, &y) || y < 1800)
		return 0;
	if ((d = dash_at(s, i, n)) == 0 && !(i < n && s[i] == '/'))
		return 0;
	i += d ? d : 1;
	if (!read_number(s, n, &i, &y))
		return 0;
	return i;
}

/* --------------------------------------------------------------- furniture */

/*
 * Length of the running footer that starts s[0, n), 0 when none:
 * "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel" with the page number
 * and the publication number that some printings add.  A footnote such as
 * "Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424" is not one.
 */
static size_t
footer_len(const char *s, size_t n)
{
	static const char lead[] = "Tweede Kamer, vergaderjaar ";
	size_t i;

	if (!has_prefix(s, n, lead))
		return 0;
	if ((i = skip_years(s, sizeof(lead) - 1, n)) == 0)
		return 0;
	if (!has_prefix(s + i, n - i, ", Aanhangsel"))
		return 0;
	i += strlen(", Aanhangsel");
	if (has_prefix(s + i, n - i, " van de Handelingen"))
		i += strlen(" van de Handelingen");
	for (;;) {
		size_t j = skip_spaces(s, i, n), k = j;

		while (k < n && is_digit((unsigned char)s[k]))
			k++;
		if (k == j)
			break;
		i = k;
	}
	return i;
}

/* "ah-tk-20232024-1059": the Aanhangsel number, else 0. */
static int
ahtk_number(const char *s, size_t n)
{
	size_t i = 6;
	int v;

	if (!has_prefix(s, n, "ah-tk-") && !has_prefix(s, n, "ah-ek-"))
		return 0;
	while (i < n && is_digit((unsigned char)s[i]))
		i++;
	if (i == 6 || i >= n || s[i] != '-')
		return 0;
	i++;
	if (!read_number(s, n, &i, &v) || i != n)
		return 0;
	return v;
}

/* The lines of the cover and colophon of an Aanhangsel, and the like. */
static bool
is_furniture(const char *s, size_t n)
{
	size_t i;

	if (equals(s, n, "Tweede Kamer der Staten-Generaal") ||
	    equals(s, n, "Eerste Kamer der Staten-Generaal") ||
	    equals(s, n, "Aanhangsel van de Handelingen") ||
	    equals(s, n, "regering gegeven antwoorden") ||
	    has_prefix(s, n, "Vragen gesteld door de leden der Kamer"))
		return true;
	if (has_prefix(s, n, "ISSN ") && n < 24)
		return true;
	if ((has_prefix(s, n, "\xe2\x80\x99s-Gravenhage") ||
	    has_prefix(s, n, "'s-Gravenhage")) && n < 24)
		return true;
	if (has_prefix(s, n, "Vergaderjaar ")) {
		i = skip_years(s, strlen("Vergaderjaar "), n);
		return i == n;
	}
	return ahtk_number(s, n) > 0;
}

/* A word ends at i: the end, or white space. */
static bool
word_end(const char *s, size_t i, size_t n)
{
	return i == n || space_at(s, i, n) > 0;
}

/*
 * Length of the one piece of page furniture that starts s[0, n), 0 when
 * none; *footer when it is the running footer.  pdftotext -layout puts
 * pieces side by side on one line ("Vergaderjaar 2023–2024   Aanhangsel
 * van de Handelingen", "’s-Gravenhage 2024   Tweede Kamer, vergaderjaar
 * 2023–2024, Aanhangsel   1"), and other extractions glue them with one
 * space or none ("…Aanhangsel 1Vraag 3"); the caller takes them off one
 * by one and keeps what follows.
 */
static size_t
furniture_item(const char *s, size_t n, bool *footer)
{
	static const char *const fixed[] = {
		"Tweede Kamer der Staten-Generaal",
		"Eerste Kamer der Staten-Generaal",
		"Aanhangsel van de Handelingen",
		"regering gegeven antwoorden",
	};
	size_t i, k;
	int v;

	*footer = false;
	if ((k = footer_len(s, n)) > 0) {
		*footer = true;
		return k;
	}
	for (size_t f = 0; f < sizeof(fixed) / sizeof(fixed[0]); f++)
		if (has_prefix(s, n, fixed[f]) && word_end(s, strlen(fixed[f]), n))
			return strlen(fixed[f]);
	if (has_prefix(s, n, "Vragen gesteld door de leden der Kamer"))
		return n;
	if (has_prefix(s, n, "ISSN ")) {
		/* "ISSN 0921 - 7398" */
		i = strlen("ISSN ");
		if (!read_number(s, n, &i, &v))
			return 0;
		i = skip_spaces(s, i, n);
		if ((k = dash_at(s, i, n)) == 0)
			return 0;
		i = skip_spaces(s, i + k, n);
		k = i;
		while (k < n && (is_digit((unsigned char)s[k]) || s[k] == 'X'))
			k++;
		return k > i && word_end(s, k, n) ? k : 0;
	}
	if (has_prefix(s, n, "\xe2\x80\x99s-Gravenhage ") ||
	    has_prefix(s, n, "'s-Gravenhage ")) {
		i = (unsigned char)s[0] == 0xe2 ? 15 : 13;
		i = skip_spaces(s, i, n);
		return read_number(s, n, &i, &v) && v >= 1800 && word_end(s, i, n) ?
		    i : 0;
	}
	if (has_prefix(s, n, "Vergaderjaar ")) {
		i = skip_years(s, strlen("Vergaderjaar "), n);
		return i > 0 && word_end(s, i, n) ? i : 0;
	}
	if (has_prefix(s, n, "ah-tk-") || has_prefix(s, n, "ah-ek-")) {
		for (k = 0; k < n && space_at(s, k, n) == 0; k++)
			;
		return ahtk_number(s, k) > 0 ? k : 0;
	}
	return 0;
}

/* ---------------------------------------------------------------- headings */

/* Reads a list of vraag numbers: "3", "10 en 11", "7, 8, 9 10 en 11", "3 t/m 5". */
static bool
read_numbers(const char *s, size_t n, size_t *pos, int *first, int *last)
{
	static const char *const seps[] = { ",", "en", "t/m", "tot en met" };
	size_t i = *pos;
	int v;

	if (!read_number(s, n, &i, &v))
		return false;
	*first = *last = v;
	for (;;) {
		size_t j = skip_spaces(s, i, n), d;
		bool sep = false;

		for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
			size_t m = strlen(seps[k]);

			if (has_prefix(s + j, n - j, seps[k]) &&
			    (k == 0 || j + m >= n || s[j + m] == ' ')) {
				j = skip_spaces(s, j + m, n);
				sep = true;
				break;
			}
		}
		if (!sep && (d = dash_at(s, j, n)) > 0)
			j = skip_spaces(s, j + d, n);
		if (!read_number(s, n, &j, &v))
			break;
		*last = v;
		i = j;
	}
	*pos = i;
	return true;
}

/*
 * Whether s[0, n) is a heading: "Vraag 3", "Vragen 10 en 11", "Antwoord 7,
 * 8, 9 10 en 11", "Antwoord op vraag 3", "Antwoord:", "Vraag 1: text".
 * A line that goes on after the numbers without a colon is prose ("Vraag
 * 2 en 3 gaan over ..."), and so is a lower-case "vraag 8." that ends a
 * wrapped sentence.  *text is the offset where text on the same line
 * starts, n when there is none.
 */
static enum kind
heading(const char *s, size_t n, int *num, int *num_to, size_t *text)
{
	static const struct {
		const char *word;
		enum kind kind;
	} words[] = {
		{ "Vragen", K_VRAAG },
		{ "Vraag", K_VRAAG },
		{ "Antwoorden", K_ANTWOORD },
		{ "Antwoord", K_ANTWOORD },
	};
	enum kind kind = K_TEXT;
	size_t i = 0, j;
	bool colon = false;

	*text = n;

	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		size_t m = strlen(words[k].word);

		if (has_prefix(s, n, words[k].word) &&
		    (m == n || !is_alpha((unsigned char)s[m]))) {
			kind = words[k].kind;
			i = m;
			break;
		}
	}
	if (kind == K_TEXT)
		return K_TEXT;
	i = skip_spaces(s, i, n);
	if (kind == K_ANTWOORD && has_prefix(s + i, n - i, "op ")) {
		i = skip_spaces(s, i + 3, n);
		if (has_prefix(s + i, n - i, "de "))
			i = skip_spaces(s, i + 3, n);
		if (has_prefix(s + i, n - i, "vragen "))
			i = skip_spaces(s, i + 7, n);
		else if (has_prefix(s + i, n - i, "vraag "))
			i = skip_spaces(s, i + 6, n);
		else
			return K_TEXT;
	}
	*num = *num_to = 0;
	if (!read_numbers(s, n, &i, num, num_to)) {
		/* "Antwoord:" answers the vraag before it; "Vraag:" is the next. */
		if (i == n)
			return kind;
		if (s[i] != ':' && s[i] != '.')
			return K_TEXT;
	} else if (*num < 1 || *num > MAX_VRAAG || *num_to < *num ||
	    *num_to > MAX_VRAAG) {
		return K_TEXT;
	}
	j = skip_spaces(s, i, n);
	if (j < n && (s[j] == ':' || s[j] == '.')) {
		colon = s[j] == ':';
		j = skip_spaces(s, j + 1, n);
	}
	if (j < n && !colon)
		return K_TEXT;
	*text = j;
	return kind;
}

/*
 * The header a line begins: the questions, the answer, or a mededeling,
 * which a minister sends instead of an answer ("Mededeling van Minister X
 * (...) (ontvangen D)": the answer is late, or was given elsewhere) and
 * which is printed like the answer's header.
 */
static bool
header_start(const char *s, size_t n, bool *questions, bool *notice)
{
	*notice = false;
	if (has_prefix(s, n, "Vragen van ") || has_prefix(s, n, "Vraag van ")) {
		*questions = true;
		return true;
	}
	*questions = false;
	if (has_prefix(s, n, "Mededeling van ")) {
		*notice = true;
		return true;
	}
	return has_prefix(s, n, "Antwoord van ") ||
	    has_prefix(s, n, "Antwoorden van ");
}

/* ----------------------------------------------------------------- probe */

static bool
markdown_marks(const char *s, size_t n)
{
	if (n > 0 && s[0] == '#')
		return true;
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == '*' && s[i + 1] == '*')
			return true;
	return false;
}

static void
trim(const char *s, size_t *a, size_t *b)
{
	*a = skip_spaces(s, *a, *b);
	while (*b > *a) {
		size_t c = char_before(s, *b);

		if (space_at(s, c, *b) == 0)
			break;
		*b = c;
	}
}

static int
imin(int a, int b)
{
	return a < b ? a : b;
}

/*
 * Sure when the text has the headers and the bare "Vraag N" / "Antwoord
 * N" lines of an answer; a text with Markdown marks is the Markdown
 * conversion of the same publication and belongs to that parser.
 */
static int
probe(const char *raw, size_t len)
{
	int headers = 0, vragen = 0, antwoorden = 0, footers = 0, score;
	bool markdown = false, questions = false, notice = false;
	size_t i = 0;

	while (i < len) {
		size_t a = i, b;
		const char *nl = memchr(raw + i, '\n', len - i);
		int num, num_to;
		size_t text;
		bool q, m;

		b = nl ? (size_t)(nl - raw) : len;
		i = b + 1;
		trim(raw, &a, &b);
		if (a == b)
			continue;
		if (markdown_marks(raw + a, b - a))
			markdown = true;
		if (b - a >= FLAT_LINE) {
			/* A document flattened onto one line: its parts inline. */
			if (contains(raw, a, b, "Vragen van "))
				headers++;
			if (contains(raw, a, b, "Antwoord van ") ||
			    contains(raw, a, b, "Mededeling van "))
				headers++;
			if (contains(raw, a, b, "Vraag 1 ") ||
			    contains(raw, a, b, "Vraag 1: "))
				vragen++;
			if (contains(raw, a, b, "Antwoord 1 ") ||
			    contains(raw, a, b, "Antwoord 1: "))
				antwoorden++;
			continue;
		}
		if (header_start(raw + a, b - a, &q, &m)) {
			headers++;
			questions |= q;
			notice |= m;
		} else if (footer_len(raw + a, b - a) > 0)
			footers++;
		else {
			switch (heading(raw + a, b - a, &num, &num_to, &text)) {
			case K_VRAAG:
				vragen++;
				break;
			case K_ANTWOORD:
				antwoorden++;
				break;
			default:
				break;
			}
		}
	}
	if (vragen + antwoorden == 0 && headers == 0)
		return 0;
	score = 10 * imin(headers, 2) + 3 * imin(vragen, 10) +
	    3 * imin(antwoorden, 10) + (footers > 0 ? 10 : 0);
	/* A mededeling has no vragen; its two headers say what it is. */
	if (vragen + antwoorden == 0 && !(questions && notice))
		score = imin(score, 10);
	if (markdown)
		score = imin(score, 5);
	return score;
}

/* ------------------------------------------------------------ line passes */

static int
width_of(const char *s, size_t a, size_t b)
{
	char *t = xstrndup(s + a, b - a);
	int w = text_width(t);

	free(t);
	return w < 0 ? (int)(b - a) : w;
}

/* Pass 1: each line's words and what they are. */
static void
classify(struct ctx *c)
{
	const char *s = c->s;

	for (size_t i = 0; i < c->n; i++) {
		struct pline *l = &c->l[i];
		size_t a = l->start, b = l->end, f, text;
		bool furn, foot;
		int v;

		l->form_feed = memchr(s + a, '\f', skip_spaces(s, a, b) - a) != NULL;
		l->trail_space = b > a && (s[b - 1] == ' ' || s[b - 1] == '\t');
		trim(s, &a, &b);
		l->start = l->text = a;
		l->end = b;
		if (a == b) {
			l->kind = K_BLANK;
			continue;
		}
		/*
		 * Pieces of furniture side by side, and a heading or text glued
		 * after them: the furniture goes, what follows stays.
		 */
		furn = false;
		while (a < b && (f = furniture_item(s + a, b - a, &foot)) > 0) {
			if ((v = ahtk_number(s + a, f)) > 0)
				c->doc->aanhangsel = v;
			l->footer |= foot;
			furn = true;
			a = skip_spaces(s, a + f, b);
		}
		if (furn) {
			l->kind = K_FURNITURE;
			if (a == b)
				continue;
			l->start = l->text = a;
		}
		if (is_furniture(s + a, b - a)) {
			l->kind = K_FURNITURE;
			continue;
		}
		l->kind = heading(s + a, b - a, &l->num, &l->num_to, &text);
		if (l->kind != K_TEXT)
			l->text = a + text;
	}
}

static size_t
prev_nonblank(const struct ctx *c, size_t i)
{
	while (i > 0 && c->l[i - 1].kind == K_BLANK)
		i--;
	return i;	/* one past it: 0 when none */
}

static size_t
next_nonblank(const struct ctx *c, size_t i)
{
	i++;
	while (i < c->n && c->l[i].kind == K_BLANK)
		i++;
	return i;
}

/*
 * Pass 1b: page numbers (a number alone right after a footer, or alone
 * before a page break or the end) and the cover lines before the first
 * header, whose last number is the Aanhangsel number.
 */
static void
furniture(struct ctx *c)
{
	size_t first = c->n;

	for (size_t i = 0; i < c->n; i++) {
		struct pline *l = &c->l[i];
		size_t p, q;
		bool questions, notice;

		if (l->kind == K_TEXT && first == c->n &&
		    header_start(c->s + l->start, l->end - l->start, &questions,
		    &notice))
			first = i;
		if ((l->kind == K_VRAAG || l->kind == K_ANTWOORD) && first == c->n)
			first = i;
		if (l->kind != K_TEXT || bare_number(c->s + l->start,
		    l->end - l->start) < 0)
			continue;
		p = prev_nonblank(c, i);
		q = next_nonblank(c, i);
		if (p > 0 && c->l[p - 1].footer && c->l[p - 1].kind == K_FURNITURE)
			l->kind = K_FURNITURE;
		else if ((q == c->n || c->l[q].form_feed) && p < i)
			l->kind = K_FURNITURE;
	}
	if (first == c->n)
		return;		/* no header: numbers alone are the text's */
	for (size_t i = 0; i < first; i++) {
		struct pline *l = &c->l[i];
		int v;

		if (l->kind != K_TEXT)
			continue;
		v = bare_number(c->s + l->start, l->end - l->start);
		if (v < 0)
			continue;
		l->kind = K_FURNITURE;
		if (next_nonblank(c, i) == first && v > 0 &&
		    c->doc->aanhangsel == 0)
			c->doc->aanhangsel = v;
	}
}

/* Pass 2: the page of each line; a footer ends a page, a form feed starts one. */
static void
paginate(struct ctx *c)
{
	int page = 0;
	bool broke = false;

	for (size_t i = 0; i < c->n; i++) {
		struct pline *l = &c->l[i];

		if (l->form_feed && !broke)
			page++;
		l->page = page;
		if (l->footer) {
			page++;
			broke = true;
			if (l->kind != K_FURNITURE)
				l->page = page;
		}
		if (l->kind != K_BLANK && l->kind != K_FURNITURE)
			broke = false;
	}
}

/*
 * The number that begins a footnote written on one line ("1 Kamerstuk 36
 * 200 VII, nr. 5"), else -1.
 */
static int
lead_number(const char *s, size_t n)
{
	size_t i = 0;
	int v = 0;

	while (i < n && i < 3 && is_digit((unsigned char)s[i]))
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || i + 1 >= n || s[i] != ' ' || is_digit((unsigned char)s[i + 1]) ||
	    s[i + 1] == ' ')
		return -1;
	return v;
}

/*
 * Whether the lines [i, end) of a page foot are its footnotes: no
 * headings, some text, and numbers alone on a line that are footnote
 * numbers (each once, from the expected one on).  Sets *max to the
 * highest.
 */
static bool
footnote_zone(const struct ctx *c, size_t i, size_t end, int next, int *max)
{
	bool seen[FOOTNOTE_SPAN + 1] = { false };
	size_t words = 0;

	*max = 0;
	for (size_t j = i; j < end; j++) {
		const struct pline *l = &c->l[j];
		int v;

		if (l->kind == K_VRAAG || l->kind == K_ANTWOORD)
			return false;
		if (l->kind != K_TEXT)
			continue;
		v = bare_number(c->s + l->start, l->end - l->start);
		if (v < 0) {
			/* "3 Kamerstuk 36 200": a footnote on one line */
			v = lead_number(c->s + l->start, l->end - l->start);
			words++;
			if (v != (*max ? *max + 1 : next))
				continue;
		}
		if (v < next || v > next + FOOTNOTE_SPAN || seen[v - next])
			return false;
		seen[v - next] = true;
		if (v > *max)
			*max = v;
	}
	return words > 0;
}

/*
 * Pass 2b: the footnotes at the foot of each page.  They start at the
 * number alone on a line of the next footnote (the body carries the same
 * number glued to a word, "rapport1") and run to the footer.  Returns how
 * many pages had footnotes.
 */
static size_t
footnotes(struct ctx *c)
{
	size_t zones = 0, lo = 0;
	int next = 1;

	for (size_t f = 0; f < c->n; f++) {
		if (!c->l[f].footer)
			continue;
		for (size_t i = lo; i < f; i++) {
			const struct pline *l = &c->l[i];
			int v, max;

			if (l->kind != K_TEXT)
				continue;
			v = bare_number(c->s + l->start, l->end - l->start);
			if (v < 0 && lead_number(c->s + l->start,
			    l->end - l->start) == next)
				v = next;
			if (v < next || v > next + FOOTNOTE_SLACK ||
			    !footnote_zone(c, i, f, v, &max))
				continue;
			for (size_t j = i; j < f; j++)
				if (c->l[j].kind == K_TEXT)
					c->l[j].kind = K_FOOTNOTE;
			next = max + 1;
			zones++;
			break;
		}
		lo = f + 1;
	}
	return zones;
}

static struct note *
new_note(struct ctx *c, size_t *cap, int num, int page, size_t line)
{
	struct note *n;

	xgrow(&c->notes, cap, c->n_notes + 1, sizeof(*c->notes));
	n = &c->notes[c->n_notes++];
	n->num = num;
	n->page = page;
	n->first = line + 1;	/* empty until a text line comes */
	n->last = line;
	n->mark = SIZE_MAX;
	return n;
}

/*
 * Pass 2c: the footnotes of each zone, one by one.  A footnote starts at
 * its number alone on a line (pdftotext -layout) or at the number that
 * begins its line; its text runs to the next one.  Numbers listed apart
 * from their texts ("5", "6", then two lines of text: the default mode of
 * pdftotext) get one line each when the counts agree.
 */
static void
split_notes(struct ctx *c)
{
	size_t cap = 0, i = 0;

	while (i < c->n) {
		struct pline *l = &c->l[i];
		size_t run = 0, texts = 0, j;
		int v;

		if (l->kind != K_FOOTNOTE) {
			i++;
			continue;
		}
		/* A run of numbers alone, then the texts. */
		for (j = i; j < c->n && (c->l[j].kind == K_FOOTNOTE ||
		    c->l[j].kind == K_BLANK); j++) {
			if (c->l[j].kind == K_BLANK)
				continue;
			if (bare_number(c->s + c->l[j].start,
			    c->l[j].end - c->l[j].start) < 0)
				break;
			run++;
		}
		if (run >= 2) {
			size_t first_text = j, k = 0;

			for (size_t t = j; t < c->n && c->l[t].kind != K_FURNITURE &&
			    (c->l[t].kind == K_FOOTNOTE || c->l[t].kind == K_BLANK); t++) {
				if (c->l[t].kind == K_BLANK)
					continue;
				if (bare_number(c->s + c->l[t].start,
				    c->l[t].end - c->l[t].start) >= 0)
					break;
				texts++;
			}
			for (size_t t = i; t < first_text; t++) {
				struct note *n;

				if (c->l[t].kind != K_FOOTNOTE)
					continue;
				v = bare_number(c->s + c->l[t].start,
				    c->l[t].end - c->l[t].start);
				c->l[t].text = c->l[t].end;
				n = new_note(c, &cap, v, c->l[t].page, t);
				if (texts == run || k + 1 == run) {
					/* Its own line, or the last one takes the rest. */
					size_t seen = 0;

					for (size_t u = first_text; u < c->n; u++) {
						if (c->l[u].kind != K_FOOTNOTE)
							continue;
						if (seen == k || (texts != run && seen >= k)) {
							if (n->first > n->last)
								n->first = u;
							n->last = u;
						}
						if (++seen == (texts == run ? k + 1 : texts))
							break;
					}
				}
				k++;
			}
			/* Past the texts that were given out. */
			for (i = first_text; i < c->n && texts > 0; i++)
				if (c->l[i].kind == K_FOOTNOTE)
					texts--;
			continue;
		}
		if ((v = bare_number(c->s + l->start, l->end - l->start)) >= 0) {
			l->text = l->end;
			new_note(c, &cap, v, l->page, i);
		} else if ((v = lead_number(c->s + l->start, l->end - l->start)) >= 0 &&
		    (c->n_notes == 0 || v == c->notes[c->n_notes - 1].num + 1 ||
		    c->l[c->notes[c->n_notes - 1].last].page != l->page)) {
			size_t k = 0;

			while (is_digit((unsigned char)c->s[l->start + k]))
				k++;
			l->text = skip_spaces(c->s, l->start + k, l->end);
			new_note(c, &cap, v, l->page, i)->first = i;
			c->notes[c->n_notes - 1].last = i;
		} else if (c->n_notes > 0) {
			struct note *n = &c->notes[c->n_notes - 1];

			if (n->first > n->last)
				n->first = i;
			n->last = i;
		}
		i++;
	}
}

/* ---------------------------------------------------------------- markers */

static char *join(const struct ctx *c, const size_t *idx, size_t n);

/* Whether the word around s[i] is a web address (its digits are no marker). */
static bool
in_url(const char *s, size_t a, size_t z, size_t i)
{
	size_t p = i, q = i;

	while (p > a && space_at(s, p - 1, z) == 0)
		p--;
	while (q < z && space_at(s, q, z) == 0)
		q++;
	return contains(s, p, q, "://") || contains(s, p, q, "www.");
}

/*
 * How sure it is that the digits s[i, j) of the line's words [a, z) are
 * a footnote marker: 0 not, 1 perhaps, 2 surely.  A marker is glued to
 * what it annotates and ends a word: after a lower-case letter
 * ("rapport1"), a closing mark ("»?1", "TNO)12") or a full stop ("jl.2",
 * "2018.12 Hierbij", but not "1.4)" or "1,92%"); after a capital or a
 * digit it may be part of a name ("CO2", "NIS24", "20231").
 */
static int
marker_rank(const char *s, size_t a, size_t z, size_t i, size_t j)
{
	unsigned char before, after = j < z ? (unsigned char)s[j] : ' ';
	size_t b;

	if (i == a || in_url(s, a, z, i))
		return 0;
	if (j < z && space_at(s, j, z) == 0 && !strchr(".,;:?!)\"'", after) &&
	    !has_prefix(s + j, z - j, "\xc2\xbb") &&
	    !has_prefix(s + j, z - j, "\xe2\x80\x9d") &&
	    !has_prefix(s + j, z - j, "\xe2\x80\x99"))
		return 0;
	/* "2.5" and "1,2" run on: the marker is the whole number, or none. */
	if ((after == '.' || after == ',') && j + 1 < z &&
	    is_digit((unsigned char)s[j + 1]))
		return 0;
	before = (unsigned char)s[i - 1];
	if (before == '.' || before == ',') {
		if (i - 1 > a && is_digit((unsigned char)s[i - 2])) {
			/* "2018.12 Hierbij": a sentence ends, then its marker. */
			b = skip_spaces(s, j, z);
			return before == '.' && (j == z || (b > j && b < z &&
			    s[b] >= 'A' && s[b] <= 'Z')) ? 2 : 0;
		}
		return 2;
	}
	if (strchr("?!;:)\"'", before) || before >= 0x80 ||
	    (before >= 'a' && before <= 'z'))
		return 2;
	if ((before >= 'A' && before <= 'Z') || is_digit(before))
		return 1;
	return 0;
}

/* A candidate for the marker of a footnote. */
struct spot {
	size_t line, start, end;
	int rank;
};

/*
 * Pass 4: the marker of each footnote, in order: after the marker of the
 * one before, on its own page if it can be, surely a marker if it can be.
 * Two footnotes on one word ("»?1, 2") take the comma with the second.
 */
static void
find_marks(struct ctx *c)
{
	size_t from_line = 0, from_byte = 0, cap = 0;

	for (size_t k = 0; k < c->n_notes; k++) {
		struct note *nt = &c->notes[k];
		struct spot best[4] = { { 0, 0, 0, 0 } };
		bool have[4] = { false };
		char num[16];
		size_t nl, end_line = 0;

		if (nt->first > nt->last)
			continue;	/* no text: no footnote */
		nl = (size_t)snprintf(num, sizeof(num), "%d", nt->num);
		for (size_t i = 0; i < c->n; i++)
			if (c->l[i].page <= nt->page)
				end_line = i;
		for (size_t i = from_line; i <= end_line && i < c->n; i++) {
			const struct pline *l = &c->l[i];
			size_t a = i == from_line && from_byte > l->text ?
			    from_byte : l->text;

			if (l->kind != K_TEXT && l->kind != K_VRAAG &&
			    l->kind != K_ANTWOORD)
				continue;
			/* ", 2" right after the marker before. */
			if (i == from_line && from_byte > 0 && c->n_marks > 0 &&
			    c->marks[c->n_marks - 1].end == from_byte) {
				size_t p = from_byte;

				if (p < l->end && c->s[p] == ',') {
					p = skip_spaces(c->s, p + 1, l->end);
					if (p + nl <= l->end &&
					    memcmp(c->s + p, num, nl) == 0 &&
					    (p + nl == l->end ||
					    !is_digit((unsigned char)c->s[p + nl]))) {
						best[0] = (struct spot){ i, from_byte, p + nl, 2 };
						have[0] = true;
						break;
					}
				}
			}
			for (size_t p = a; p + nl <= l->end; p++) {
				int rank, slot;

				if (memcmp(c->s + p, num, nl) != 0)
					continue;
				rank = marker_rank(c->s, l->text, l->end, p, p + nl);
				if (rank == 0)
					continue;
				/*
				 * 0: sure, same page; 1: sure; 2: perhaps, same
				 * page.  A digit on another page that only may be
				 * a marker ("sinds 2022") is not taken for one.
				 */
				if (rank == 1 && l->page != nt->page)
					continue;
				slot = (rank == 2 ? 0 : 2) + (l->page == nt->page ? 0 : 1);
				if (!have[slot]) {
					best[slot] = (struct spot){ i, p, p + nl, rank };
					have[slot] = true;
				}
			}
			if (have[0])
				break;
		}
		for (int slot = 0; slot < 4; slot++) {
			if (!have[slot])
				continue;
			xgrow(&c->marks, &cap, c->n_marks + 1, sizeof(*c->marks));
			c->marks[c->n_marks++] = (struct mark){
				.start = best[slot].start,
				.end = best[slot].end,
				.line = best[slot].line,
				.note = k,
			};
			nt->mark = c->n_marks - 1;
			from_line = best[slot].line;
			from_byte = best[slot].end;
			break;
		}
	}
}

/*
 * The footnotes into their passages: where their markers were, or, for a
 * footnote whose marker was not found, the passage before it (warned).
 */
static void
attach_notes(struct ctx *c)
{
	struct document *doc = c->doc;
	bool *done = xcalloc(c->n_notes + 1, sizeof(*done));

	for (size_t k = 0; k < c->n_pend; k++) {
		const struct pending *pd = &c->pend[k];
		const struct note *nt = &c->notes[pd->note];
		size_t *idx = xmalloc((nt->last - nt->first + 1) * sizeof(*idx)), n = 0;

		for (size_t i = nt->first; i <= nt->last; i++)
			if (c->l[i].kind == K_FOOTNOTE && c->l[i].text < c->l[i].end)
				idx[n++] = i;
		if (n > 0 && !done[pd->note]) {
			model_add_footnote(&doc->passages[pd->passage],
			    xasprintf("%d", nt->num), join(c, idx, n), pd->at,
			    c->l[idx[0]].text, c->l[idx[n - 1]].end);
			done[pd->note] = true;
		}
		free(idx);
	}
	for (size_t k = 0; k < c->n_notes; k++) {
		const struct note *nt = &c->notes[k];
		size_t *idx, n = 0, target = SIZE_MAX;

		if (done[k] || nt->first > nt->last)
			continue;
		idx = xmalloc((nt->last - nt->first + 1) * sizeof(*idx));
		for (size_t i = nt->first; i <= nt->last; i++)
			if (c->l[i].kind == K_FOOTNOTE && c->l[i].text < c->l[i].end)
				idx[n++] = i;
		for (size_t i = 0; i < doc->n_passages && n > 0; i++)
			if (doc->passages[i].start <= c->l[idx[0]].text)
				target = i;
		if (n > 0 && target == SIZE_MAX)
			target = 0;
		if (n > 0 && target < doc->n_passages) {
			struct passage *p = &doc->passages[target];

			model_add_footnote(p, xasprintf("%d", nt->num),
			    join(c, idx, n), strlen(p->text), c->l[idx[0]].text,
			    c->l[idx[n - 1]].end);
			model_warn(doc,
			    "footnote %d: its marker was not found in the text; it is kept with the paragraph before it",
			    nt->num);
		}
		free(idx);
	}
	free(done);
}

/* Pass 2d: what separates each line from the words before it. */
static void
separations(struct ctx *c)
{
	bool gap = false, brk = false;

	for (size_t i = 0; i < c->n; i++) {
		struct pline *l = &c->l[i];

		switch (l->kind) {
		case K_BLANK:
			gap = true;
			break;
		case K_FURNITURE:
		case K_FOOTNOTE:
			brk = true;
			break;
		default:
			l->gap_before = gap && !brk;
			l->break_before = brk || l->footer || l->form_feed;
			gap = brk = false;
			break;
		}
	}
}

/* --------------------------------------------------------------- blocks */

static struct block *
open_block(struct ctx *c, enum role role, int vraag, int vraag_to, size_t i)
{
	struct block *b;

	xgrow(&c->b, &c->cap_blocks, c->n_blocks + 1, sizeof(*c->b));
	b = &c->b[c->n_blocks++];
	memset(b, 0, sizeof(*b));
	b->role = role;
	b->vraag = vraag;
	b->vraag_to = vraag_to;
	b->first = b->last = i;
	return b;
}

/* The last byte of s[a, b), or 0. */
static char
last_char(const char *s, size_t a, size_t b)
{
	return b > a ? s[b - 1] : 0;
}

/*
 * Whether a header block is complete after line i: the date in
 * "(ingezonden D)." or "(ontvangen D)." has been read, and for an answer
 * any "Zie ook Aanhangsel ..., nr. N." after it too.
 */
static bool
header_done(const struct ctx *c, const struct block *b, size_t i)
{
	const struct pline *l = &c->l[i];
	size_t a = c->l[b->first].start;
	char last = last_char(c->s, l->start, l->end);

	if (b->questions)
		return contains(c->s, a, l->end, "(ingezonden") &&
		    (last == ')' || last == '.');
	if (!contains(c->s, a, l->end, "(ontvangen"))
		return false;
	if (ends_with(c->s + l->start, l->end - l->start, " nr.") ||
	    ends_with(c->s + l->start, l->end - l->start, "Zie ook"))
		return false;
	if (contains(c->s, a, l->end, "Zie ook"))
		return last == '.' || is_digit((unsigned char)last);
	return last == ')' || last == '.';
}

/* Pass 3: headers, vragen, antwoorden and what cannot be placed. */
static void
structure(struct ctx *c)
{
	struct block *cur = NULL;
	int last_vraag = 0, last_vraag_to = 0;
	size_t header_lines = 0;
	bool notice = false;

	for (size_t i = 0; i < c->n; i++) {
		struct pline *l = &c->l[i];
		bool questions, is_notice;

		switch (l->kind) {
		case K_VRAAG:
			if (l->num == 0)
				l->num = l->num_to = last_vraag_to + 1;
			if (l->num > MAX_VRAAG) {
				cur = open_block(c, ROLE_OTHER, 0, 0, i);
				break;
			}
			cur = open_block(c, ROLE_VRAAG, l->num, l->num_to, i);
			cur->numbered = l->numbered;
			last_vraag = l->num;
			last_vraag_to = l->num_to;
			break;
		case K_ANTWOORD:
			if (l->num == 0 && last_vraag == 0) {
				model_warn(c->doc,
				    "line %zu: an answer without a number and no vraag before it; kept as 'other'",
				    i + 1);
				cur = open_block(c, ROLE_OTHER, 0, 0, i);
				cur->warned = true;
				break;
			}
			if (l->num == 0)
				cur = open_block(c, ROLE_ANTWOORD, last_vraag,
				    last_vraag_to, i);
			else
				cur = open_block(c, ROLE_ANTWOORD, l->num,
				    l->num_to, i);
			break;
		case K_TEXT:
			if (header_start(c->s + l->start, l->end - l->start,
			    &questions, &is_notice)) {
				cur = open_block(c, ROLE_HEADER, 0, 0, i);
				cur->questions = questions;
				cur->notice = is_notice;
				notice |= is_notice;
				header_lines = 0;
			} else if (!cur || (cur->role == ROLE_HEADER &&
			    cur->done)) {
				/* A mededeling's own words follow its header. */
				cur = open_block(c, notice && last_vraag == 0 ?
				    ROLE_BODY : ROLE_OTHER, 0, 0, i);
			}
			cur->last = i;
			if (cur->role == ROLE_HEADER &&
			    (header_done(c, cur, i) ||
			    ++header_lines >= MAX_HEADER_LINES))
				cur->done = true;
			break;
		default:
			break;
		}
	}
}

/* ------------------------------------------------------------ hyphenation */

static bool
is_open_mark(const char *s, size_t i, size_t n)
{
	return s[i] == '(' || s[i] == '[' || s[i] == '"' || s[i] == '\'' ||
	    has_prefix(s + i, n - i, "\xc2\xab") ||		/* « */
	    has_prefix(s + i, n - i, "\xe2\x80\x9c") ||	/* “ */
	    has_prefix(s + i, n - i, "\xe2\x80\x98") ||	/* ‘ */
	    has_prefix(s + i, n - i, "\xe2\x80\x9e");		/* „ */
}

/* Length of the closing mark or punctuation that ends s[0, n), or 0. */
static size_t
close_mark(const char *s, size_t n)
{
	static const char *const marks[] = {
		")", "]", "\"", "'", ".", ",", ";", ":", "!", "?",
		"\xc2\xbb", "\xe2\x80\x9d", "\xe2\x80\x99", "\xe2\x80\xa6",
	};

	for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
		if (ends_with(s, n, marks[k]))
			return strlen(marks[k]);
	return 0;
}

/* A word without the quotes, brackets and punctuation around it. */
static void
strip_word(const char *s, size_t *a, size_t *b)
{
	size_t k;

	while (*a < *b && is_open_mark(s, *a, *b))
		*a += char_len(s, *a, *b);
	while (*b > *a && (k = close_mark(s + *a, *b - *a)) > 0)
		*b -= k;
}

static char *
word_key(const char *w1, size_t n1, const char *w2, size_t n2)
{
	char *joined = xmalloc(n1 + n2 + 2), *key;

	memcpy(joined, w1, n1);
	joined[n1] = '-';
	memcpy(joined + n1 + 1, w2, n2);
	joined[n1 + n2 + 1] = '\0';
	key = text_fold(joined, TEXT_FOLD_CASE);
	free(joined);
	return key;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The words the document itself writes with a hyphen inside a line
 * ("directoraat-generaal", "lhbti-gemeenschap"): the same word broken at
 * that hyphen at a line end keeps it.
 */
static void
collect_hyphenated(struct ctx *c)
{
	size_t cap = 0;

	for (size_t i = 0; i < c->n; i++) {
		const struct pline *l = &c->l[i];
		size_t p = l->text;

		if (l->kind == K_BLANK || l->kind == K_FURNITURE)
			continue;
		while (p < l->end) {
			size_t a = p, b, h;

			while (p < l->end && space_at(c->s, p, l->end) == 0)
				p++;
			b = p;
			p = skip_spaces(c->s, p, l->end);
			strip_word(c->s, &a, &b);
			if (b > a && c->s[b - 1] == '-')
				continue;	/* broken at the line end: the question */
			for (h = a + 1; h + 1 < b && c->s[h] != '-'; h++)
				;
			if (h + 1 >= b || c->s[h] != '-')
				continue;
			xgrow(&c->hyph, &cap, c->n_hyph + 1, sizeof(*c->hyph));
			c->hyph[c->n_hyph++] = word_key(c->s + a, h - a,
			    c->s + h + 1, b - h - 1);
		}
	}
	if (c->n_hyph > 1)
		qsort(c->hyph, c->n_hyph, sizeof(*c->hyph), cmp_str);
}

static bool
attested(void *ctx, const char *w1, size_t n1, const char *w2, size_t n2)
{
	const struct ctx *c = ctx;
	char *key;
	bool found;

	if (c->n_hyph == 0)
		return false;
	key = word_key(w1, n1, w2, n2);
	found = bsearch(&key, c->hyph, c->n_hyph, sizeof(*c->hyph),
	    cmp_str) != NULL;
	free(key);
	return found;
}

enum joint {
	J_SPACE,	/* "een" + "zin": a space */
	J_JOIN,		/* "aanlei-" + "ding": the hyphen goes */
	J_KEEP,		/* "functie-" + "uitoefening": the hyphen stays */
	J_KEEP_SPACE,	/* "aanloop-" + "en": a word-final hyphen, then a space */
	J_TIGHT,	/* "maatregelen/" + "projecten": nothing between */
};

/*
 * How a line that ends in a hyphen joins the next: parse_hyphen_joint's
 * rule, with the layout around it (a hyphen alone is a dash; a space left
 * after the hyphen means the line went on; words the document writes with
 * a hyphen inside a line are attested).
 */
static enum joint
hyphen_joint(const struct ctx *c, const struct pline *prev,
    const struct pline *next)
{
	const char *s = c->s;
	size_t h = prev->end - 1, a = h, b, x, y = next->text, z;

	while (a > prev->text && space_at(s, char_before(s, a), a) == 0)
		a = char_before(s, a);
	b = h;
	/* Only the opening marks: "(maatwerk)-" ends in a bracket, not a letter. */
	while (a < b && is_open_mark(s, a, b))
		a += char_len(s, a, b);
	if (a == b)
		return J_SPACE;		/* a hyphen alone, used as a dash */
	if (prev->trail_space)
		return J_KEEP_SPACE;	/* the line went on after the hyphen */
	/* A web address broken at one of its hyphens keeps it. */
	if (in_url(s, prev->text, prev->end, h))
		return J_KEEP;
	z = y;
	while (z < next->end && space_at(s, z, next->end) == 0)
		z++;
	/* "(" or a quote opening the next line is no broken word. */
	x = y;
	strip_word(s, &y, &z);
	if (y != x || y == z)
		return J_KEEP;
	switch (parse_hyphen_joint(s + a, b - a, s + y, z - y, attested, (void *)c)) {
	case PARSE_JOINT_JOIN:
		return J_JOIN;
	case PARSE_JOINT_KEEP_SPACE:
		return J_KEEP_SPACE;
	default:
		return J_KEEP;
	}
}

static enum joint
joint(const struct ctx *c, const struct pline *prev, const struct pline *next)
{
	const char *s = c->s;

	if (prev->end == prev->text)
		return J_SPACE;
	if (ends_with(s + prev->text, prev->end - prev->text, "\xc2\xad"))
		return J_JOIN;		/* soft hyphen */
	if (s[prev->end - 1] == '-')
		return hyphen_joint(c, prev, next);
	if (s[prev->end - 1] == '/' && !prev->trail_space &&
	    prev->end - prev->text > 1 && s[prev->end - 2] != ' ')
		return J_TIGHT;		/* "en/" + "of", a URL */
	/* A web address goes on where the next line starts with its rest. */
	if (!prev->trail_space && in_url(s, prev->text, prev->end, prev->end - 1) &&
	    next->text < next->end && strchr("%/#?&=_.", s[next->text]))
		return J_TIGHT;
	return J_SPACE;
}

/* ------------------------------------------------------------- paragraphs */

/* The marker of a footnote found in the text at or after byte i, or n_marks. */
static size_t
mark_from(const struct ctx *c, size_t i)
{
	size_t lo = 0, hi = c->n_marks;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c->marks[mid].start < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Adds s[a, b) to the buffer without the footnote markers in it; each
 * marker leaves MARK_PLACEHOLDER and its index in *hits.
 */
static void
add_words(const struct ctx *c, struct xbuf *b, size_t a, size_t z,
    size_t **hits, size_t *n_hits)
{
	for (size_t m = mark_from(c, a); m < c->n_marks && c->marks[m].end <= z;
	    m++) {
		char ph = MARK_PLACEHOLDER;

		xbuf_add(b, c->s + a, c->marks[m].start - a);
		if (c->placeholder)
			xbuf_add(b, &ph, 1);
		if (hits) {
			*hits = xrealloc(*hits, (*n_hits + 1) * sizeof(**hits));
			(*hits)[(*n_hits)++] = m;
		}
		a = c->marks[m].end;
	}
	xbuf_add(b, c->s + a, z - a);
}

/*
 * The words of the lines idx[0, n) as one squeezed NFC line, without
 * the footnote markers; *hits (may be NULL) gets the markers taken out,
 * in order, with where each stood in the text (*at, same order).
 */
static char *
join_marked(const struct ctx *c, const size_t *idx, size_t n, size_t **hits,
    size_t **at, size_t *n_hits)
{
	struct xbuf b = { NULL, 0, 0 };
	char *squeezed, *nfc, *out;
	size_t nh = 0, *h = NULL, got = 0;

	xbuf_add(&b, "", 0);
	for (size_t k = 0; k < n; k++) {
		const struct pline *l = &c->l[idx[k]];

		if (k > 0) {
			const struct pline *p = &c->l[idx[k - 1]];

			switch (joint(c, p, l)) {
			case J_SPACE:
			case J_KEEP_SPACE:
				xbuf_add(&b, " ", 1);
				break;
			case J_JOIN:
				b.n -= ends_with(b.s, b.n, "\xc2\xad") ? 2 : 1;
				b.s[b.n] = '\0';
				break;
			case J_KEEP:
			case J_TIGHT:
				break;
			}
		}
		add_words(c, &b, l->text, l->end, &h, &nh);
	}
	squeezed = text_squeeze(b.s);
	nfc = text_nfc(squeezed);
	free(squeezed);
	free(b.s);
	if (at)
		*at = xcalloc(nh + 1, sizeof(**at));
	/* Take the placeholders out, noting where each stood. */
	out = nfc;
	for (char *p = nfc; *p; p++) {
		if (*p == MARK_PLACEHOLDER && c->placeholder) {
			if (at && got < nh)
				(*at)[got] = (size_t)(out - nfc);
			got++;
			continue;
		}
		*out++ = *p;
	}
	*out = '\0';
	/* Without placeholders, a marker stands at the end of its text. */
	for (; at && got < nh; got++)
		(*at)[got] = (size_t)(out - nfc);
	if (hits) {
		*hits = h;
		*n_hits = nh;
	} else {
		free(h);
	}
	return nfc;
}

static char *
join(const struct ctx *c, const size_t *idx, size_t n)
{
	return join_marked(c, idx, n, NULL, NULL, NULL);
}

/*
 * Where the sentence of a line ends: before any closing quotes or brackets
 * and a footnote number glued on ("middelen.4", "»?1").  A line ends a
 * sentence when ". ? ! :" or an ellipsis stands there.
 */
static size_t
sentence_end(const char *s, size_t a, size_t b)
{
	size_t k, d = b;

	while (d > a && b - d < 2 && is_digit((unsigned char)s[d - 1]))
		d--;
	if (d < b && d > a && close_mark(s + a, d - a) > 0 &&
	    !is_digit((unsigned char)s[d - 1]))
		b = d;
	while (b > a && (s[b - 1] == ')' || s[b - 1] == ']' ||
	    s[b - 1] == '"' || s[b - 1] == '\'' ||
	    ends_with(s + a, b - a, "\xc2\xbb") ||
	    ends_with(s + a, b - a, "\xe2\x80\x9d") ||
	    ends_with(s + a, b - a, "\xe2\x80\x99"))) {
		k = (unsigned char)s[b - 1] < 0x80 ? 1 :
		    b - char_before(s, b);
		b -= k;
	}
	return b;
}

static bool
ends_sentence(const char *s, size_t a, size_t b)
{
	b = sentence_end(s, a, b);
	if (b == a)
		return false;
	return s[b - 1] == '.' || s[b - 1] == '?' || s[b - 1] == '!' ||
	    s[b - 1] == ':' || ends_with(s + a, b - a, "\xe2\x80\xa6");
}

/* Whether a line ends with a question mark, in the same way. */
static bool
ends_question(const char *s, size_t a, size_t b)
{
	b = sentence_end(s, a, b);
	return b > a && s[b - 1] == '?';
}

enum item {
	ITEM_NONE,
	ITEM_SURE,	/* "• ", "1. ", "a) " */
	ITEM_DASH,	/* "– ", "- ": also a wrapped aside "– evenals ... –" */
};

/* Whether a line starts an item of a list. */
static enum item
starts_item(const char *s, size_t a, size_t b)
{
	static const char *const bullets[] = {
		"\xe2\x80\xa2 ", "\xe2\x96\xaa ", "\xc2\xb7 ", "\xef\x82\xb7 ",
	};
	size_t i = a;

	for (size_t k = 0; k < sizeof(bullets) / sizeof(bullets[0]); k++)
		if (has_prefix(s + a, b - a, bullets[k]))
			return ITEM_SURE;
	if (has_prefix(s + a, b - a, "\xe2\x80\x93 ") ||
	    has_prefix(s + a, b - a, "- ") || has_prefix(s + a, b - a, "* "))
		return ITEM_DASH;
	while (i < b && i - a < 2 && is_digit((unsigned char)s[i]))
		i++;
	if (i == a && i < b && s[i] >= 'a' && s[i] <= 'z')
		return i + 2 < b && s[i + 1] == ')' && s[i + 2] == ' ' ?
		    ITEM_SURE : ITEM_NONE;
	if (i == a || i + 2 >= b || (s[i] != '.' && s[i] != ')') ||
	    s[i + 1] != ' ' || s[i + 2] == ' ')
		return ITEM_NONE;
	return ITEM_SURE;
}

static int
first_word_width(const struct ctx *c, const struct pline *l)
{
	size_t z = l->text;

	while (z < l->end && space_at(c->s, z, l->end) == 0)
		z++;
	return width_of(c->s, l->text, z);
}

/* The line width of a block: its longest line that is not overlong. */
static int
block_width(const struct ctx *c, const size_t *idx, size_t n)
{
	int w = c->width, cap = c->width + c->width / 8;

	for (size_t k = 0; k < n; k++) {
		int lw = c->l[idx[k]].width;

		/* Past the cap: a word that pdftotext rejoined, not the column. */
		if (lw > w && (c->width == 0 || lw <= cap))
			w = lw;
	}
	return w;
}

/*
 * Whether the paragraph ends between lines p and l of a block whose lines
 * are w columns wide.  A line that ends a sentence ends its paragraph when
 * it is clearly short (a tenth of the width: the font is proportional, so
 * full lines vary a little) and the next line's first word would have
 * fitted on it, or when a blank line follows it on the same page.  A list item
 * starts a paragraph; a dash only after a short line or a colon, since a
 * wrapped aside ("ik mij – evenals mijn voorganger – hard") can put one at
 * the start of a line too.
 */
static bool
paragraph_ends(const struct ctx *c, const struct pline *p,
    const struct pline *l, int w)
{
	bool shorter = w > 0 && p->width < w - w / 10;

	switch (starts_item(c->s, l->text, l->end)) {
	case ITEM_SURE:
		return true;
	case ITEM_DASH:
		if (shorter || last_char(c->s, p->text, p->end) == ':')
			return true;
		break;
	case ITEM_NONE:
		break;
	}
	if (!ends_sentence(c->s, p->text, p->end))
		return false;
	if (l->gap_before)
		return true;
	return shorter && p->width + 1 + first_word_width(c, l) <= w;
}

/* The lines of a block that carry its words. */
static size_t
block_lines(const struct ctx *c, const struct block *b, size_t **idx)
{
	size_t n = 0;

	*idx = xmalloc((b->last - b->first + 1) * sizeof(**idx));
	for (size_t i = b->first; i <= b->last; i++) {
		const struct pline *l = &c->l[i];

		if (l->kind == K_TEXT ||
		    ((l->kind == K_VRAAG || l->kind == K_ANTWOORD) &&
		    l->text < l->end))
			(*idx)[n++] = i;
	}
	return n;
}

static void
add(struct ctx *c, const struct block *b, const size_t *idx, size_t n)
{
	struct passage *p;
	size_t *hits, *at, n_hits;
	char *text = join_marked(c, idx, n, &hits, &at, &n_hits);

	if (!*text) {
		free(text);
		free(hits);
		free(at);
		return;
	}
	p = model_add_passage(c->doc, b->role, b->vraag, text,
	    c->l[idx[0]].text, c->l[idx[n - 1]].end);
	p->vraag_to = b->vraag_to;
	for (size_t k = 0; k < n_hits; k++) {
		xgrow(&c->pend, &c->cap_pend, c->n_pend + 1, sizeof(*c->pend));
		c->pend[c->n_pend++] = (struct pending){
			.passage = c->doc->n_passages - 1,
			.note = c->marks[hits[k]].note,
			.at = at[k],
		};
	}
	free(hits);
	free(at);
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/*
 * The typical width of a full line: the median width of the lines inside
 * a paragraph (not ending a sentence, not a block's last), which the
 * overlong lines of words that pdftotext rejoined do not move.
 */
static void
measure(struct ctx *c)
{
	int *w = NULL;
	size_t n = 0, cap = 0;

	for (size_t k = 0; k < c->n_blocks; k++) {
		const struct block *b = &c->b[k];
		size_t *idx, m;

		if (b->role == ROLE_HEADER)
			continue;
		m = block_lines(c, b, &idx);
		for (size_t j = 0; j + 1 < m; j++) {
			const struct pline *l = &c->l[idx[j]];

			if (ends_sentence(c->s, l->text, l->end))
				continue;
			xgrow(&w, &cap, n + 1, sizeof(*w));
			w[n++] = l->width;
		}
		free(idx);
	}
	if (n >= 3) {
		qsort(w, n, sizeof(*w), cmp_int);
		c->width = w[n / 2];
	}
	free(w);
}

/* -------------------------------------------------------------- inference */

/*
 * What the headings do not say.  Real documents lose a heading at a page
 * break, print several vragen under one heading, or number their questions
 * "1." with the answer below.  These passes run on the blocks before they
 * become passages; they only cut a block at a line or change its role, so
 * every line stays in exactly one block and no text is lost.
 */

/* Whether s[i, n) begins with a capital letter, after any opening marks. */
static bool
capital_at(const char *s, size_t i, size_t n)
{
	ucs4_t uc;

	while (i < n && is_open_mark(s, i, n))
		i += char_len(s, i, n);
	if (i >= n || u8_mbtouc(&uc, (const uint8_t *)s + i, n - i) < 1)
		return false;
	return uc_is_upper(uc);
}

/* How a block may be cut into pieces. */
enum cut {
	CUT_LAYOUT = 1,		/* a sentence ends on a short line, or before a blank line */
	CUT_QUESTION = 2,	/* a line ends with '?' and the next begins with a capital */
};

/*
 * Cuts the lines idx[0, n) of a block into pieces: starts[k] is the index
 * in idx of the first line of piece k (starts[0] is 0; starts has room
 * for n).  Returns the number of pieces.  CUT_LAYOUT is the paragraph rule
 * of paragraph_ends without its list items, which do not end a question.
 */
static size_t
pieces(const struct ctx *c, const size_t *idx, size_t n, unsigned how,
    size_t *starts)
{
	int w = block_width(c, idx, n);
	size_t np = 0;

	if (n == 0)
		return 0;
	starts[np++] = 0;
	for (size_t k = 1; k < n; k++) {
		const struct pline *p = &c->l[idx[k - 1]], *l = &c->l[idx[k]];
		bool cut = false;

		if ((how & CUT_LAYOUT) && ends_sentence(c->s, p->text, p->end))
			cut = l->gap_before || (w > 0 && p->width < w - w / 10 &&
			    p->width + 1 + first_word_width(c, l) <= w);
		if (!cut && (how & CUT_QUESTION))
			cut = ends_question(c->s, p->text, p->end) &&
			    capital_at(c->s, l->text, l->end);
		if (cut)
			starts[np++] = k;
	}
	return np;
}

/* The line (an index in idx) that ends piece k of np; n lines in all. */
static size_t
piece_end(const size_t *starts, size_t np, size_t n, size_t k)
{
	return k + 1 < np ? starts[k + 1] - 1 : n - 1;
}

/* Whether piece k ends with a question mark. */
static bool
piece_asks(const struct ctx *c, const size_t *idx, const size_t *starts,
    size_t np, size_t n, size_t k)
{
	const struct pline *l = &c->l[idx[piece_end(starts, np, n, k)]];

	return ends_question(c->s, l->text, l->end);
}

/*
 * Cuts block k before its line i (after its first line): the block keeps
 * [first, i - 1], a new block right after it gets [i, last] with role and
 * numbers.  c->b may move.
 */
static void
split_block(struct ctx *c, size_t k, size_t i, enum role role, int vraag,
    int vraag_to)
{
	struct block *b;

	xgrow(&c->b, &c->cap_blocks, c->n_blocks + 1, sizeof(*c->b));
	memmove(&c->b[k + 2], &c->b[k + 1],
	    (c->n_blocks - k - 1) * sizeof(*c->b));
	c->n_blocks++;
	b = &c->b[k + 1];
	*b = c->b[k];
	b->role = role;
	b->vraag = vraag;
	b->vraag_to = vraag_to;
	b->first = i;
	b->numbered = false;
	c->b[k].last = i - 1;
}

/*
 * "3." or "3)" that begins s[a, b): its number in *v and where its text
 * starts (b when none), else SIZE_MAX.
 */
static size_t
item_number(const char *s, size_t a, size_t b, int *v)
{
	size_t i = a;

	if (!read_number(s, b, &i, v) || i >= b || (s[i] != '.' && s[i] != ')'))
		return SIZE_MAX;
	i++;
	if (i < b && space_at(s, i, b) == 0)
		return SIZE_MAX;	/* "3.5 miljoen" */
	return skip_spaces(s, i, b);
}

/*
 * Whether the numbered item that begins on line i (its text from byte
 * text) asks something: a line of it ends with a question mark before
 * the next item or heading.
 */
static bool
item_asks(const struct ctx *c, size_t i, size_t text)
{
	size_t lines = 0;
	int v;

	for (size_t j = i; j < c->n && lines < 12; j++) {
		const struct pline *l = &c->l[j];
		size_t a = j == i ? text : l->text;

		if (l->kind == K_VRAAG || l->kind == K_ANTWOORD)
			return false;
		if (l->kind != K_TEXT)
			continue;
		if (j > i && (starts_item(c->s, l->text, l->end) == ITEM_SURE ||
		    item_number(c->s, l->text, l->end, &v) != SIZE_MAX))
			return false;
		if (a < l->end && ends_question(c->s, a, l->end))
			return true;
		lines++;
	}
	return false;
}

/*
 * Numbered questions: where no "Vraag N" heading is found, the lines after
 * the header that begin "1.", "2.", ... in turn start the vragen, when
 * there are two at least.  Each starts a paragraph: it is the first, or
 * the number stands alone on its line, or a sentence ends before it.  A
 * number alone may skip one (a lost "6." does not lose 7, 8 and 9; the
 * gap is warned about).  In an answer an item must also ask something, so
 * that the numbered lists inside the answers are not taken for vragen.
 */
static void
numbered(struct ctx *c)
{
	size_t first = c->n, prev = SIZE_MAX, *hit, n_hit = 0;
	bool answer = false;
	int want = 1;

	for (size_t i = 0; i < c->n; i++) {
		const struct pline *l = &c->l[i];
		bool q, m;

		if (l->kind == K_VRAAG)
			return;
		if (l->kind == K_TEXT &&
		    header_start(c->s + l->start, l->end - l->start, &q, &m)) {
			if (first == c->n)
				first = i;
			answer |= !q && !m;
		}
	}
	if (first == c->n)
		return;
	hit = xmalloc(c->n * sizeof(*hit));
	for (size_t i = first + 1; i < c->n; i++) {
		struct pline *l = &c->l[i];
		size_t text;
		int v;

		if (l->kind != K_TEXT && l->kind != K_ANTWOORD)
			continue;
		if (l->kind == K_TEXT &&
		    (text = item_number(c->s, l->text, l->end, &v)) != SIZE_MAX &&
		    (v == want || (v == want + 1 && want > 1 && text == l->end)) &&
		    (want == 1 || text == l->end ||
		    ends_sentence(c->s, c->l[prev].text, c->l[prev].end) ||
		    last_char(c->s, c->l[prev].text, c->l[prev].end) == ')') &&
		    (!answer || item_asks(c, i, text))) {
			l->kind = K_VRAAG;
			l->num = l->num_to = v;
			want = v + 1;
			l->text = text;
			l->numbered = true;
			hit[n_hit++] = i;
		}
		prev = i;
	}
	if (n_hit < 2) {
		/* One "1." is a list, not numbered vragen. */
		for (size_t k = 0; k < n_hit; k++) {
			struct pline *l = &c->l[hit[k]];

			l->kind = K_TEXT;
			l->text = l->start;
			l->num = l->num_to = 0;
			l->numbered = false;
		}
	}
	free(hit);
}

/*
 * A numbered vraag in an answer holds its question and the answer below
 * it: the question is the pieces up to the first that ends with a
 * question mark and those right after it that ask too; the rest is the
 * answer.  A block that never asks stays the vraag (and has no answer).
 */
static void
split_numbered(struct ctx *c)
{
	bool answer = false;

	for (size_t k = 0; k < c->n_blocks; k++)
		if (c->b[k].role == ROLE_HEADER && !c->b[k].questions &&
		    !c->b[k].notice)
			answer = true;
	if (!answer)
		return;
	for (size_t k = 0; k < c->n_blocks; k++) {
		int from = c->b[k].vraag, to = c->b[k].vraag_to;
		size_t *idx, *starts, n, np, q = SIZE_MAX;

		if (c->b[k].role != ROLE_VRAAG || !c->b[k].numbered ||
		    (k + 1 < c->n_blocks && c->b[k + 1].role == ROLE_ANTWOORD))
			continue;
		n = block_lines(c, &c->b[k], &idx);
		starts = xmalloc((n + 1) * sizeof(*starts));
		np = pieces(c, idx, n, CUT_LAYOUT | CUT_QUESTION, starts);
		for (size_t p = 0; p < np; p++) {
			if (piece_asks(c, idx, starts, np, n, p))
				q = p;
			else if (q != SIZE_MAX)
				break;
		}
		if (q != SIZE_MAX && q + 1 < np) {
			split_block(c, k, idx[starts[q + 1]], ROLE_ANTWOORD, from, to);
			k++;
		}
		free(starts);
		free(idx);
	}
}

/*
 * Where in block b a question that lost its heading begins, SIZE_MAX when
 * b does not end with one: the block ends with a question mark, and the
 * question is its last piece by the layout, with any asking pieces before
 * it, or from the latest blank line on, where its heading stood.  The
 * block keeps one piece at least.
 */
static size_t
question_tail(const struct ctx *c, const struct block *b)
{
	size_t *idx, *starts, n = block_lines(c, b, &idx), np, at = 0;

	if (n < 2 || !ends_question(c->s, c->l[idx[n - 1]].text,
	    c->l[idx[n - 1]].end)) {
		free(idx);
		return SIZE_MAX;
	}
	starts = xmalloc(n * sizeof(*starts));
	np = pieces(c, idx, n, CUT_LAYOUT, starts);
	for (size_t p = np; p-- > 1;) {
		at = p;
		if (c->l[idx[starts[p]]].gap_before ||
		    !piece_asks(c, idx, starts, np, n, p - 1) || p == 1)
			break;
	}
	if (at > 0 && capital_at(c->s, c->l[idx[starts[at]]].text,
	    c->l[idx[starts[at]]].end))
		at = idx[starts[at]];
	else
		at = SIZE_MAX;
	free(starts);
	free(idx);
	return at;
}

/* Whether the last line of a block's words ends with a question mark. */
static bool
block_asks(const struct ctx *c, const struct block *b)
{
	size_t *idx, n = block_lines(c, b, &idx);
	bool asks = n > 0 && ends_question(c->s, c->l[idx[n - 1]].text,
	    c->l[idx[n - 1]].end);

	free(idx);
	return asks;
}

/*
 * A vraag whose heading was lost (at a page break, mostly) is inferred
 * from the numbering: an "Antwoord N" without any "Vraag N" takes the
 * question that ends the block before it (the answer before, or text
 * after the header), and in questions alone, "Vraag N" right after "Vraag
 * N-2" takes the question that ends that block as vraag N-1.  Each is
 * warned about: the text is the document's, its place a guess.
 */
static void
infer_lost(struct ctx *c)
{
	unsigned char *seen;	/* bit 1: a vraag, bit 2: an antwoord */
	bool answers = false;
	int max = 0;

	for (size_t k = 0; k < c->n_blocks; k++) {
		const struct block *b = &c->b[k];

		if (b->role != ROLE_VRAAG && b->role != ROLE_ANTWOORD)
			continue;
		answers |= b->role == ROLE_ANTWOORD;
		if (b->vraag_to > max)
			max = b->vraag_to;
	}
	if (max <= 0)
		return;
	seen = xcalloc((size_t)max + 2, 1);
	for (size_t k = 0; k < c->n_blocks; k++) {
		const struct block *b = &c->b[k];

		if (b->role == ROLE_VRAAG || b->role == ROLE_ANTWOORD)
			for (int v = b->vraag; v >= 0 && v <= b->vraag_to; v++)
				seen[v] |= b->role == ROLE_VRAAG ? 1 : 2;
	}
	for (size_t k = 1; k < c->n_blocks; k++) {
		struct block *b = &c->b[k], *prev = &c->b[k - 1];
		enum role role = b->role;
		int from = b->vraag, to = b->vraag_to;
		bool asked = false;
		size_t at;

		if (role == ROLE_ANTWOORD && from > 0) {
			for (int v = from; v <= to; v++)
				asked |= (seen[v] & 1) != 0;
			if (asked)
				continue;
			if (prev->role == ROLE_OTHER && block_asks(c, prev)) {
				prev->role = ROLE_VRAAG;
				prev->vraag = from;
				prev->vraag_to = to;
			} else if (prev->role == ROLE_ANTWOORD &&
			    prev->vraag_to < from &&
			    (at = question_tail(c, prev)) != SIZE_MAX) {
				split_block(c, k - 1, at, ROLE_VRAAG, from, to);
				k++;
			} else {
				continue;
			}
		} else if (role == ROLE_VRAAG && !answers &&
		    prev->role == ROLE_VRAAG && from == prev->vraag_to + 2 &&
		    !seen[from - 1] && (at = question_tail(c, prev)) != SIZE_MAX) {
			from = to = from - 1;
			split_block(c, k - 1, at, ROLE_VRAAG, from, to);
			k++;
		} else {
			continue;
		}
		for (int v = from; v <= to; v++)
			seen[v] |= 1;
		if (from != to)
			model_warn(c->doc,
			    "vragen %d to %d: no heading found (lost at a page break?); the question before antwoord %d is taken for them",
			    from, to, from);
		else if (role == ROLE_ANTWOORD)
			model_warn(c->doc,
			    "vraag %d: no heading found (lost at a page break?); the question before antwoord %d is taken for it",
			    from, from);
		else
			model_warn(c->doc,
			    "vraag %d: no heading found (lost at a page break?); the question before vraag %d is taken for it",
			    from, from + 1);
	}
	free(seen);
}

/*
 * "Vraag 3, 4 en 5" heads one block.  When the block falls into as many
 * pieces as it has numbers, by its layout (a paragraph per question) or
 * else by its question marks (a line that ends with one, the next
 * beginning with a capital), each number gets its own piece.  Otherwise
 * no cut is reliable (a question of two paragraphs, two questions on one
 * line) and every number keeps the whole block as its question.
 */
static void
split_combined(struct ctx *c)
{
	static const unsigned hows[] = { CUT_LAYOUT, CUT_QUESTION };

	for (size_t k = 0; k < c->n_blocks; k++) {
		int from = c->b[k].vraag, to = c->b[k].vraag_to;
		size_t *idx, *starts, n, np = 0, span;

		if (c->b[k].role != ROLE_VRAAG || to <= from ||
		    to - from >= MAX_COMBINED)
			continue;
		span = (size_t)(to - from) + 1;
		n = block_lines(c, &c->b[k], &idx);
		starts = xmalloc((n + 1) * sizeof(*starts));
		for (size_t h = 0; h < sizeof(hows) / sizeof(hows[0]) && n >= span; h++)
			if ((np = pieces(c, idx, n, hows[h], starts)) == span)
				break;
		if (np == span && n >= span) {
			for (size_t p = span; p-- > 1;)
				split_block(c, k, idx[starts[p]], ROLE_VRAAG,
				    from + (int)p, from + (int)p);
			c->b[k].vraag_to = from;
			k += span - 1;
		}
		free(starts);
		free(idx);
	}
}

/* ----------------------------------------------------------- one line */

/* Where we are in a flattened document's numbering. */
struct flat {
	bool questions, answer;	/* its headers were found */
	int vraag, antwoord;	/* the last numbers of each */
};

/*
 * The page furniture that begins s[0, n), as furniture_item reads it, but
 * with an end: the cover line "Vragen gesteld door ..." runs to its
 * "antwoorden", not to the end of the line, and the running footer takes
 * one page number, not the text of the page after it ("Aanhangsel 2 20
 * procent").  *anywhere when it is furniture wherever it stands (the
 * footer, "ah-tk-...", "ISSN ..."); the rest, words that text may use too,
 * only after other furniture or the end of a sentence.
 */
static size_t
flat_furniture(const char *s, size_t n, bool *anywhere)
{
	static const char cover[] = "Vragen gesteld door de leden der Kamer";
	static const char cover_end[] = "regering gegeven antwoorden";
	static const char aanhangsel[] = ", Aanhangsel";
	size_t k, i, d;
	bool foot;

	*anywhere = false;
	if (has_prefix(s, n, cover)) {
		size_t lim = n < 200 ? n : 200;

		for (i = strlen(cover); i + strlen(cover_end) <= lim; i++)
			if (memcmp(s + i, cover_end, strlen(cover_end)) == 0)
				return i + strlen(cover_end);
		return strlen(cover);
	}
	if ((k = footer_len(s, n)) > 0) {
		*anywhere = true;
		for (i = 0; i + strlen(aanhangsel) <= k &&
		    memcmp(s + i, aanhangsel, strlen(aanhangsel)) != 0; i++)
			;
		i += strlen(aanhangsel);
		if (has_prefix(s + i, n - i, " van de Handelingen"))
			i += strlen(" van de Handelingen");
		d = skip_spaces(s, i, n);
		k = d;
		while (k < n && is_digit((unsigned char)s[k]))
			k++;
		return k > d && word_end(s, k, n) ? k : i;
	}
	k = furniture_item(s, n, &foot);
	*anywhere = has_prefix(s, n, "ah-") || has_prefix(s, n, "ISSN ");
	return k;
}

/* The length of a number alone (1 to 4 digits) that begins s[i, n), else 0. */
static size_t
number_word(const char *s, size_t i, size_t n)
{
	size_t k = i;

	while (k < n && k - i < 5 && is_digit((unsigned char)s[k]))
		k++;
	return k > i && k - i <= 4 && word_end(s, k, n) ? k - i : 0;
}

/*
 * A "Vraag N" or "Antwoord N" heading inline at s[p, b): one that a capital
 * (or nothing) follows and that keeps to the numbering, vragen rising and
 * each antwoord answering a vraag before it; next: only the next number
 * will do (where no sentence ended before it).  Returns where the heading
 * ends (after its numbers and any ':' or '.'), 0 when there is none.
 */
static size_t
inline_heading(const char *s, size_t p, size_t b, struct flat *st, bool next)
{
	static const struct {
		const char *word;
		bool vraag;
	} words[] = {
		{ "Vragen ", true }, { "Vraag ", true },
		{ "Antwoorden ", false }, { "Antwoord ", false },
	};

	for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		size_t i = p + strlen(words[w].word), j, k;
		int from, to;

		if (!has_prefix(s + p, b - p, words[w].word))
			continue;
		if (!read_numbers(s, b, &i, &from, &to) || from < 1 ||
		    to < from || to > MAX_VRAAG)
			return 0;
		j = i;
		if (j < b && (s[j] == ':' || s[j] == '.'))
			j++;
		k = skip_spaces(s, j, b);
		if ((k == j && k < b) || (k < b && !capital_at(s, k, b)))
			return 0;
		if (words[w].vraag) {
			if (from <= st->vraag || (next && from != st->vraag + 1))
				return 0;
			st->vraag = to;
		} else {
			if (to > st->vraag || from <= st->antwoord ||
			    (next && from != st->antwoord + 1))
				return 0;
			st->antwoord = to;
		}
		return j;
	}
	return 0;
}

/* Whether the words s[a, p) end a sentence (or a bracket), before a heading. */
static bool
sentence_before(const char *s, size_t a, size_t p)
{
	while (p > a && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '\f'))
		p--;
	return p > a && (ends_sentence(s, a, p) || s[p - 1] == ')');
}

/* Adds the piece [a, b) of a long line, unless it is only white space. */
static void
add_piece(const struct ctx *c, struct pline **out, size_t *n, size_t *cap,
    size_t a, size_t b)
{
	if (skip_spaces(c->s, a, b) >= b)
		return;
	xgrow(out, cap, *n + 1, sizeof(**out));
	memset(&(*out)[*n], 0, sizeof(**out));
	(*out)[*n].start = a;
	(*out)[(*n)++].end = b;
}

/* Cuts the long line [a, b) into the pieces that its lines would have been. */
static void
cut_line(const struct ctx *c, struct flat *st, size_t a, size_t b,
    struct pline **out, size_t *n, size_t *cap)
{
	const char *s = c->s;
	size_t from = a, p = a, k;
	bool after_cut = true;

	while (p < b) {
		bool anywhere;

		if ((k = space_at(s, p, b)) > 0) {
			p += k;
			continue;
		}
		if ((k = flat_furniture(s + p, b - p, &anywhere)) > 0 &&
		    (anywhere || after_cut || sentence_before(s, from, p))) {
			add_piece(c, out, n, cap, from, p);
			add_piece(c, out, n, cap, p, p + k);
			from = p = p + k;
			after_cut = true;
			continue;
		}
		/* The numbers of the cover: "2", and the Aanhangsel number. */
		if (after_cut && !st->questions &&
		    (k = number_word(s, p, b)) > 0) {
			add_piece(c, out, n, cap, p, p + k);
			from = p = p + k;
			continue;
		}
		if (!st->questions && has_prefix(s + p, b - p, "Vragen van ")) {
			st->questions = true;
			add_piece(c, out, n, cap, from, p);
			from = p;
		} else if (!st->answer &&
		    (has_prefix(s + p, b - p, "Antwoord van ") ||
		    has_prefix(s + p, b - p, "Mededeling van "))) {
			st->answer = true;
			add_piece(c, out, n, cap, from, p);
			from = p;
		} else if ((k = inline_heading(s, p, b, st,
		    !after_cut && !sentence_before(s, from, p))) > 0) {
			add_piece(c, out, n, cap, from, p);
			add_piece(c, out, n, cap, p, k);
			from = p = k;
			after_cut = false;
			continue;
		}
		after_cut = false;
		while (p < b && space_at(s, p, b) == 0)
			p++;
	}
	add_piece(c, out, n, cap, from, b);
}

/*
 * A document flattened onto one line (or a few long ones) has lost what
 * its line breaks said.  Each long line is cut into the pieces its lines
 * would have been (each piece of page furniture, each header, each
 * "Vraag N" / "Antwoord N" heading that stands where a sentence ended),
 * so that the passes read them as lines.  Paragraphs and the footnotes at
 * the foot of a page cannot be told from the text any more: they stay in
 * the text of their vraag or antwoord.  Returns whether a line was cut.
 */
static bool
unflatten(struct ctx *c)
{
	struct pline *out = NULL;
	struct flat st = { false, false, 0, 0 };
	size_t n = 0, cap = 0;
	bool flat = false, cut = false;

	for (size_t i = 0; i < c->n; i++)
		if (c->l[i].end - c->l[i].start >= FLAT_LINE)
			flat = true;
	if (!flat)
		return false;
	for (size_t i = 0; i < c->n; i++) {
		size_t before = n;

		if (c->l[i].end - c->l[i].start < FLAT_LINE) {
			xgrow(&out, &cap, n + 1, sizeof(*out));
			out[n++] = c->l[i];
			continue;
		}
		cut_line(c, &st, c->l[i].start, c->l[i].end, &out, &n, &cap);
		cut |= n > before + 1;
	}
	free(c->l);
	c->l = out;
	c->n = n;
	return cut;
}

/* ---------------------------------------------------------------- output */

static void
emit_block(struct ctx *c, const struct block *b)
{
	size_t *idx, n = block_lines(c, b, &idx), from = 0;
	int w;

	if (n == 0) {
		if (b->role == ROLE_VRAAG)
			model_warn(c->doc, "vraag %d has no text", b->vraag);
		else if (b->role == ROLE_ANTWOORD)
			model_warn(c->doc, "antwoord %d has no text", b->vraag);
		free(idx);
		return;
	}
	if (b->role == ROLE_HEADER) {
		char *text = join(c, idx, n);

		if (b->questions)
			parse_header_questions(c->doc, text);
		else
			parse_header_answer(c->doc, text);
		free(text);
	}
	if (b->role == ROLE_OTHER && !b->warned)
		model_warn(c->doc,
		    "line %zu: text outside the headers, vragen and antwoorden kept as 'other'",
		    idx[0] + 1);
	if (b->role == ROLE_HEADER || b->role == ROLE_VRAAG) {
		add(c, b, idx, n);
		free(idx);
		return;
	}
	w = block_width(c, idx, n);
	for (size_t k = 1; k <= n; k++) {
		if (k < n && !paragraph_ends(c, &c->l[idx[k - 1]],
		    &c->l[idx[k]], w))
			continue;
		add(c, b, idx + from, k - from);
		from = k;
	}
	free(idx);
}

/* Warns about vragen without an answer, answers without a vraag, repeats. */
static void
check_numbers(struct ctx *c)
{
	struct document *doc = c->doc;
	int max = doc->n_vragen;
	unsigned char *seen;
	bool answers = false;

	if (max <= 0)
		return;
	seen = xcalloc((size_t)max + 1, 1);
	for (size_t k = 0; k < c->n_blocks; k++) {
		const struct block *b = &c->b[k];
		unsigned char bit = b->role == ROLE_VRAAG ? 1 :
		    b->role == ROLE_ANTWOORD ? 2 : 0;

		if (!bit)
			continue;
		if (bit == 2)
			answers = true;
		if (seen[b->vraag] & bit)
			model_warn(doc, "%s %d appears more than once",
			    bit == 1 ? "vraag" : "antwoord", b->vraag);
		for (int v = b->vraag; v <= b->vraag_to; v++)
			seen[v] |= bit;
	}
	for (int v = 1; v <= max; v++) {
		if ((seen[v] & 1) && !(seen[v] & 2) && answers)
			model_warn(doc, "vraag %d has no answer", v);
		else if (!(seen[v] & 1) && (seen[v] & 2))
			model_warn(doc, "antwoord %d answers no vraag found in the text", v);
		else if (!seen[v])
			model_warn(doc, "vraag %d is missing", v);
	}
	free(seen);
}

static enum status
parse(struct document *doc, struct error *err)
{
	struct ctx c = { .doc = doc, .s = doc->raw };
	struct line *lines;
	size_t words = 0;
	bool answer = false, vragen = false, notice = false, flat;

	c.n = parse_lines(doc, &lines);
	c.l = xcalloc(c.n ? c.n : 1, sizeof(*c.l));
	for (size_t i = 0; i < c.n; i++) {
		c.l[i].start = lines[i].start;
		c.l[i].end = lines[i].end;
	}
	free(lines);

	flat = unflatten(&c);
	classify(&c);
	furniture(&c);
	paginate(&c);
	footnotes(&c);
	split_notes(&c);
	numbered(&c);
	separations(&c);
	for (size_t i = 0; i < c.n; i++) {
		if (c.l[i].kind != K_BLANK && c.l[i].kind != K_FURNITURE)
			c.l[i].width = width_of(c.s, c.l[i].text, c.l[i].end);
		if (c.l[i].kind != K_BLANK && c.l[i].kind != K_FURNITURE)
			words++;
	}
	if (words == 0) {
		free(c.l);
		return error_set(err, STATUS_FORMAT,
		    "no text besides page headers and footers");
	}
	structure(&c);
	c.placeholder = memchr(doc->raw, MARK_PLACEHOLDER, doc->raw_len) == NULL;
	find_marks(&c);
	collect_hyphenated(&c);
	measure(&c);
	split_numbered(&c);
	infer_lost(&c);
	split_combined(&c);
	if (flat)
		model_warn(doc, "the text has no line breaks: it was read at its headings, and its paragraphs and footnotes stay in the text of each vraag and antwoord");

	for (size_t k = 0; k < c.n_blocks; k++) {
		const struct block *b = &c.b[k];

		if (b->role == ROLE_VRAAG)
			vragen = true;
		if (b->role == ROLE_ANTWOORD ||
		    (b->role == ROLE_HEADER && !b->questions && !b->notice))
			answer = true;
		if (b->role == ROLE_HEADER && b->notice)
			notice = true;
		if ((b->role == ROLE_VRAAG || b->role == ROLE_ANTWOORD) &&
		    b->vraag_to > doc->n_vragen)
			doc->n_vragen = b->vraag_to;
		emit_block(&c, b);
	}
	attach_notes(&c);
	if (!vragen && !(notice && !answer))
		model_warn(doc, "no \"Vraag N\" headings found; the text is kept as 'other' passages");
	check_numbers(&c);
	doc->kind = answer ? DOC_ANSWER : notice ? DOC_MEDEDELING :
	    vragen ? DOC_QUESTIONS : DOC_UNKNOWN;

	model_strv_free(c.hyph, c.n_hyph);
	free(c.notes);
	free(c.marks);
	free(c.pend);
	free(c.b);
	free(c.l);
	return STATUS_OK;
}

const struct parser parser_pdftext = {
	.name = "pdftext",
	.probe = probe,
	.parse = parse,
};
