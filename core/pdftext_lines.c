/*
 * pdftext_lines: the base of the pdftext parser: what one line or the
 * lines of one block say on their own, without the page around them.
 * Whether a line begins a header, ends a sentence or a question, begins
 * an item of a list; the quotes and brackets around words; the width of
 * lines and blocks, and the lines of a block that carry its words.  It
 * reads the parser's struct ctx (pdftext_lines.h) and changes nothing;
 * pdftext_page, pdftext_infer and parse_pdftext build on it.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pdftext_lines.h"
#include "text.h"
#include "xalloc.h"

/* ----------------------------------------------------------------- headers */

/*
 * The header a line begins: the questions, the answer, or a mededeling,
 * which a minister sends instead of an answer ("Mededeling van Minister X
 * (...) (ontvangen D)": the answer is late, or was given elsewhere) and
 * which is printed like the answer's header.
 */
bool
pdftext_lines_header_start(const char *s, size_t n, bool *questions,
    bool *notice)
{
	*notice = false;
	if (scan_prefix(s, n, "Vragen van ") || scan_prefix(s, n, "Vraag van ")) {
		*questions = true;
		return true;
	}
	*questions = false;
	if (scan_prefix(s, n, "Mededeling van ")) {
		*notice = true;
		return true;
	}
	return scan_prefix(s, n, "Antwoord van ") ||
	    scan_prefix(s, n, "Antwoorden van ");
}

/* ---------------------------------------------------------------- sentences */

/* The last byte of s[a, b), or 0. */
char
pdftext_lines_last_char(const char *s, size_t a, size_t b)
{
	return b > a ? s[b - 1] : 0;
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

	while (d > a && b - d < 2 && scan_digit((unsigned char)s[d - 1]))
		d--;
	if (d < b && d > a && pdftext_lines_close_mark(s + a, d - a) > 0 &&
	    !scan_digit((unsigned char)s[d - 1]))
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

bool
pdftext_lines_ends_sentence(const char *s, size_t a, size_t b)
{
	b = sentence_end(s, a, b);
	if (b == a)
		return false;
	return s[b - 1] == '.' || s[b - 1] == '?' || s[b - 1] == '!' ||
	    s[b - 1] == ':' || ends_with(s + a, b - a, "\xe2\x80\xa6");
}

/* Whether a line ends with a question mark, in the same way. */
bool
pdftext_lines_ends_question(const char *s, size_t a, size_t b)
{
	b = sentence_end(s, a, b);
	return b > a && s[b - 1] == '?';
}

/* Whether a line starts an item of a list. */
enum item
pdftext_lines_starts_item(const char *s, size_t a, size_t b)
{
	static const char *const bullets[] = {
		"\xe2\x80\xa2 ", "\xe2\x96\xaa ", "\xc2\xb7 ", "\xef\x82\xb7 ",
	};
	size_t i = a;

	for (size_t k = 0; k < COUNT(bullets); k++)
		if (scan_prefix(s + a, b - a, bullets[k]))
			return ITEM_SURE;
	if (scan_prefix(s + a, b - a, "\xe2\x80\x93 ") ||
	    scan_prefix(s + a, b - a, "- ") || scan_prefix(s + a, b - a, "* "))
		return ITEM_DASH;
	while (i < b && i - a < 2 && scan_digit((unsigned char)s[i]))
		i++;
	if (i == a && i < b && s[i] >= 'a' && s[i] <= 'z')
		return i + 2 < b && s[i + 1] == ')' && s[i + 2] == ' ' ?
		    ITEM_SURE : ITEM_NONE;
	if (i == a || i + 2 >= b || (s[i] != '.' && s[i] != ')') ||
	    s[i + 1] != ' ' || s[i + 2] == ' ')
		return ITEM_NONE;
	return ITEM_SURE;
}

/* -------------------------------------------------------------------- marks */

bool
pdftext_lines_is_open_mark(const char *s, size_t i, size_t n)
{
	return s[i] == '(' || s[i] == '[' || s[i] == '"' || s[i] == '\'' ||
	    scan_prefix(s + i, n - i, "\xc2\xab") ||		/* « */
	    scan_prefix(s + i, n - i, "\xe2\x80\x9c") ||	/* “ */
	    scan_prefix(s + i, n - i, "\xe2\x80\x98") ||	/* ‘ */
	    scan_prefix(s + i, n - i, "\xe2\x80\x9e");		/* „ */
}

/* Length of the closing mark or punctuation that ends s[0, n), or 0. */
size_t
pdftext_lines_close_mark(const char *s, size_t n)
{
#define MARK(m) { m, sizeof(m) - 1 }
	static const struct {
		const char *mark;
		size_t len;
	} marks[] = {
		MARK(")"), MARK("]"), MARK("\""), MARK("'"), MARK("."), MARK(","),
		MARK(";"), MARK(":"), MARK("!"), MARK("?"),
		MARK("\xc2\xbb"), MARK("\xe2\x80\x9d"), MARK("\xe2\x80\x99"),
		MARK("\xe2\x80\xa6"),
	};
#undef MARK

	/* Its last byte first: this runs for every word of a PDF's text. */
	for (size_t k = 0; n > 0 && k < COUNT(marks); k++)
		if (s[n - 1] == marks[k].mark[marks[k].len - 1] &&
		    n >= marks[k].len &&
		    memcmp(s + n - marks[k].len, marks[k].mark, marks[k].len) == 0)
			return marks[k].len;
	return 0;
}

/* ------------------------------------------------------------------- widths */

int
pdftext_lines_width(const char *s, size_t a, size_t b)
{
	char *t = xstrndup(s + a, b - a);
	int w = text_width(t);

	free(t);
	return w < 0 ? (int)(b - a) : w;
}

int
pdftext_lines_first_word_width(const struct ctx *c, const struct pline *l)
{
	size_t z = l->text;

	while (z < l->end && scan_space(c->s, z, l->end) == 0)
		z++;
	return pdftext_lines_width(c->s, l->text, z);
}

/* The line width of a block: its longest line that is not overlong. */
int
pdftext_lines_block_width(const struct ctx *c, const size_t *idx, size_t n)
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

/* The lines of a block that carry its words. */
size_t
pdftext_lines_block_lines(const struct ctx *c, const struct block *b,
    size_t **idx)
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
