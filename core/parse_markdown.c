/*
 * parse_markdown: the Markdown conversion of an official publication
 * (seed 001).
 *
 * Paragraphs are separated by blank lines.  Headings of any level, or none
 * at all, carry the structure: "#### Vraag 1" and a bare "Vraag 3" both
 * start a vraag, "Antwoord 8" its answer, "### 1059" before the header is
 * the number of the Aanhangsel (see document_number); heading_read (heading.h) reads them, as it does for the
 * pdftext parser.  Emphasis marks (**bold**, *italic*) and backslash escapes
 * are markup and go; every other character stays as written.  A paragraph
 * that a stray blank line cut mid-sentence is put together again (see
 * parse_continues).
 *
 * Conversions of the published PDF carry its pages: page breaks ("-----",
 * "* * *", form feeds), running footers, the identifier squeezed to lower
 * case ("h tk 20232024 387"), page numbers, the cover; footnote markers in
 * brackets ("[1 ]", "[2, 3 ]", "[^1]") or glued to their word, and the
 * footnotes' bodies at each page foot; sometimes no line breaks at all.
 * The furniture goes (each rule at mark_conversion and cut_block), the
 * bodies become the footnotes of their passages, and a paragraph cut by
 * a page break is one again.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heading.h"
#include "parse.h"
#include "scan.h"
#include "text.h"
#include "xalloc.h"

/* A paragraph or heading of the source. */
struct block {
	size_t start, end;	/* bytes of doc->raw */
	char *text;		/* markup removed, NFC, white space squeezed */
	bool heading;		/* a '#' line */
	bool label;		/* a line that is only a "Vraag N" or "Antwoord N" label */
	bool brk;		/* a page break: "-----", "* * *", a form feed */
	bool furn;		/* page furniture: footer, identifier, cover, page number */
	bool after_break;	/* a page break or furniture stood before it */
	int note;		/* a footnote's body: its number; else 0 */
};

/* A footnote marker taken out of a passage's text. */
struct marker {
	size_t passage;		/* index in doc->passages */
	int num;
	size_t at;		/* byte offset in the passage's text */
};

/* A text flattened onto one line is cut at headings from this length on. */
#define FLAT_LINE 1000
/* The highest footnote number read. */
#define MAX_NOTE 999


/* Number of '#' that open a heading line ("## x", "###"), 0 if none. */
static int
heading_level(const char *s, size_t n)
{
	size_t i = 0;
	int level = 0;

	while (i < n && i < 3 && s[i] == ' ')
		i++;
	while (i < n && s[i] == '#' && level < 7) {
		i++;
		level++;
	}
	if (level == 0 || level > 6 || (i < n && s[i] != ' ' && s[i] != '\t'))
		return 0;
	return level;
}

/* needle in s[0..n), or NULL. */
static const char *
find_bytes(const char *s, size_t n, const char *needle, size_t len)
{
	for (size_t i = 0; len && i + len <= n; i++)
		if (memcmp(s + i, needle, len) == 0)
			return s + i;
	return NULL;
}

static bool
is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/*
 * s without Markdown markup: "\*" becomes "*", "**" goes, and a '*' goes
 * when it opens or closes an emphasis (another '*' on the other side of a
 * run of text that neither begins nor ends with a space).  A lone '*' is
 * text and stays.
 */
static char *
strip_markup(const char *s, size_t n)
{
	char *out;
	bool *drop, *escaped;
	size_t o = 0;

	/* Most paragraphs have neither: nothing to find, nothing to drop. */
	if (!memchr(s, '\\', n) && !memchr(s, '*', n))
		return xstrndup(s, n);
	out = xmalloc(n + 1);
	drop = xcalloc(n + 1, sizeof(*drop));
	escaped = xcalloc(n + 1, sizeof(*escaped));
	for (size_t i = 0; i + 1 < n; i++) {
		if (s[i] == '\\' && ispunct((unsigned char)s[i + 1])) {
			drop[i] = true;
			escaped[++i] = true;
		}
	}
	for (size_t i = 0; i + 1 < n; i++)
		if (!escaped[i] && s[i] == '*' && s[i + 1] == '*' && !drop[i]) {
			drop[i] = drop[i + 1] = true;
			i++;
		}
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '*' || drop[i] || escaped[i] || i + 1 >= n ||
		    isspace((unsigned char)s[i + 1]))
			continue;
		for (size_t j = i + 1; j < n; j++) {
			if (s[j] == '*' && !drop[j] && !escaped[j] &&
			    !isspace((unsigned char)s[j - 1])) {
				drop[i] = drop[j] = true;
				i = j;
				break;
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		if (!drop[i])
			out[o++] = s[i];
	out[o] = '\0';
	free(drop);
	free(escaped);
	return out;
}

/* The text of raw bytes [start, end): markup removed, NFC, squeezed. */
static char *
clean(const char *raw, size_t start, size_t end)
{
	char *plain = strip_markup(raw + start, end - start);
	char *nfc = text_nfc(plain);
	char *text = text_squeeze(nfc);

	free(plain);
	free(nfc);
	return text;
}

/* A heading's text: without its '#' marks (also closing ones) and markup. */
static char *
heading_text(const char *raw, size_t start, size_t end)
{
	while (start < end && (raw[start] == ' ' || raw[start] == '#'))
		start++;
	while (end > start && (raw[end - 1] == ' ' || raw[end - 1] == '\t' ||
	    raw[end - 1] == '#'))
		end--;
	return clean(raw, start, end);
}

static void
add_block(struct block **b, size_t *n, size_t *cap, struct block blk)
{
	xgrow(b, cap, *n + 1, sizeof(**b));
	(*b)[(*n)++] = blk;
}

/* Cuts the raw text into headings, label lines and blank-line paragraphs. */
static size_t
read_blocks(struct document *doc, struct block **out)
{
	struct line *lines;
	size_t nlines = parse_lines(doc, &lines), n = 0, cap = 0;
	const char *raw = doc->raw;
	size_t para = 0;	/* first line of the open paragraph + 1, 0 when none */

	*out = NULL;
	for (size_t i = 0; i <= nlines; i++) {
		const struct line *l = i < nlines ? &lines[i] : NULL;
		const char *s = l ? raw + l->start : NULL;
		size_t len = l ? l->end - l->start : 0;
		struct heading label;
		struct block blk = { 0 };
		bool heading = l && heading_level(s, len) > 0;
		bool brk = l && parse_page_break(s, len);
		bool alone = false;
		char *t = NULL;

		if (l && !heading && !brk && !is_blank(s, len)) {
			t = clean(raw, l->start, l->end);
			alone = heading_read(t, strlen(t), &label) &&
			    label.text == strlen(t);
		}
		if (para && (!l || heading || brk || alone || is_blank(s, len))) {
			blk.start = lines[para - 1].start;
			blk.end = lines[i - 1].end;
			blk.text = clean(raw, blk.start, blk.end);
			add_block(out, &n, &cap, blk);
			para = 0;
		}
		if (brk) {
			blk.start = l->start;
			blk.end = l->end;
			blk.brk = true;
			blk.text = xstrdup("");
			add_block(out, &n, &cap, blk);
		} else if (heading || alone) {
			blk.start = l->start;
			blk.end = l->end;
			blk.heading = heading;
			blk.label = alone;
			blk.text = heading ? heading_text(raw, l->start, l->end) : t;
			t = NULL;
			add_block(out, &n, &cap, blk);
		} else if (l && !is_blank(s, len) && !para)
			para = i + 1;
		free(t);
	}
	free(lines);
	return n;
}

/*
 * Whether the paragraph that ends with prev goes on after a page break in
 * the paragraph next: prev ends no sentence and next is no heading.  A
 * converter cuts a paragraph where the page ends, and the page's footnotes
 * and furniture stand between the halves; the half on the next page may
 * begin with a name ("... in" / "Nederland ...").
 */
static bool
continues_over_break(const char *prev, size_t len, const char *next)
{
	struct heading h;
	const char *nx;

	if (!parse_continues_len(prev, len, "x") || !*next)
		return false;
	nx = next;
	return !heading_read(nx, strlen(nx), &h) &&
	    !scan_prefix(nx, strlen(nx), "Vragen van ") &&
	    !scan_prefix(nx, strlen(nx), "Antwoord van ") &&
	    !scan_prefix(nx, strlen(nx), "Mededeling van ");
}

/*
 * Puts together the paragraphs that a stray blank line cut in two, and
 * those that a page break cut (furniture and footnotes, already out of
 * the list, stood between them).
 */
static size_t
rejoin(struct block *b, size_t n)
{
	struct parse_join join = { 0 };
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		bool plain = k > 0 && !b[k - 1].heading && !b[k - 1].label &&
		    !b[i].heading && !b[i].label;

		if (plain && b[i].after_break &&
		    continues_over_break(b[k - 1].text,
		    parse_join_len(&join, b[k - 1].text), b[i].text)) {
			parse_join_append(&join, &b[k - 1].text, b[i].text);
			b[k - 1].end = b[i].end;
		} else if (plain &&
		    parse_join_continued(&join, &b[k - 1].text, b[i].text))
			b[k - 1].end = b[i].end;
		else
			b[k++] = b[i];
	}
	return k;
}

/* Where in raw [start, end) the cleaned text rest begins, near enough. */
static size_t
find_start(const char *raw, size_t start, size_t end, const char *rest)
{
	size_t want = strcspn(rest, " *");
	const char *hit;
	char *word;

	if (want == 0)
		return start;
	word = xstrndup(rest, want);
	hit = find_bytes(raw + start, end - start, word, want);
	free(word);
	return hit ? (size_t)(hit - raw) : start;
}

static bool
all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!scan_digit((unsigned char)*s))
			return false;
	return true;
}

/* A page break that a converter left, or the running footer that ends a page. */
static bool
page_break(const struct block *b)
{
	size_t len = strlen(b->text);
	bool foot;

	return b->brk ||
	    (len > 0 && parse_furniture_item(b->text, len, &foot) == len && foot);
}

/* Markup or white space around a heading line. */
static bool
is_mark(char c)
{
	return c == '#' || c == '*' || c == ' ' || c == '\t' || c == '\r';
}

static int
probe(const char *raw, size_t len)
{
	size_t marks = 0, labels = 0, i = 0;

	while (i < len) {
		size_t e = i, k, z;
		const char *s = raw + i;
		struct heading h;

		while (e < len && raw[e] != '\n')
			e++;
		if (heading_level(s, e - i) > 0 ||
		    find_bytes(s, e - i, "**", 2) != NULL)
			marks++;
		/* "#### Vraag 1", "**Vraag 1**": the marks around a heading. */
		for (k = 0; k < e - i && is_mark(s[k]); k++)
			;
		for (z = e - i; z > k && is_mark(s[z - 1]); z--)
			;
		if (heading_read(s + k, z - k, &h))
			labels++;
		i = e + 1;
	}
	if (marks == 0)
		return 0;
	/* Above pdftext, which reads the same text when it has no marks. */
	return labels >= 2 ? 90 : 10;
}

/*
 * "Zie ook Aanhangsel ..." in a paragraph of its own after the answer
 * header: the header is read again with it, and its passage grows.
 */
static bool
see_also(struct document *doc, size_t header, const char *text, size_t end)
{
	struct passage *p;
	char *joined;

	if (header >= doc->n_passages || header != doc->n_passages - 1)
		return false;
	p = &doc->passages[header];
	joined = xasprintf("%s %s", p->text, text);
	if (!parse_header_answer(doc, joined)) {
		free(joined);
		return false;
	}
	free(p->text);
	p->text = joined;
	p->end = end;
	return true;
}

/* Reads a header paragraph into doc; false when text is none. */
static bool
read_header(struct document *doc, const char *text, bool *answer)
{
	*answer = parse_header_answer(doc, text);
	return *answer || parse_header_questions(doc, text);
}

/*
 * "Vraag 3, 4 en 5" over as many paragraphs as numbers: a paragraph per
 * question, each number its own.  Any other count keeps every paragraph
 * under all the numbers, since no cut is sure.
 */
static void
split_combined(struct document *doc)
{
	size_t i = 0;

	while (i < doc->n_passages) {
		struct passage *p = &doc->passages[i];
		size_t run = 1;

		if (p->role != ROLE_VRAAG || p->vraag_to <= p->vraag) {
			i++;
			continue;
		}
		while (i + run < doc->n_passages &&
		    doc->passages[i + run].role == ROLE_VRAAG &&
		    doc->passages[i + run].vraag == p->vraag &&
		    doc->passages[i + run].vraag_to == p->vraag_to)
			run++;
		if (run == (size_t)(p->vraag_to - p->vraag) + 1)
			for (size_t k = 0; k < run; k++)
				doc->passages[i + k].vraag =
				    doc->passages[i + k].vraag_to = p->vraag + (int)k;
		i += run;
	}
}

/* Whether a block begins the headers or the vragen of the document. */
static bool
begins_document(const struct block *b)
{
	size_t len = strlen(b->text);
	struct heading h;

	return scan_prefix(b->text, len, "Vragen van ") ||
	    scan_prefix(b->text, len, "Antwoord van ") ||
	    scan_prefix(b->text, len, "Mededeling van ") ||
	    ((b->heading || b->label) && heading_read(b->text, len, &h));
}

/* ----------------------------------------------------------- conversions */

/*
 * What converters leave in the text they make of a published PDF: the
 * page furniture (running footers, the identifier, the cover, page
 * numbers, the breaks between pages), footnote markers in brackets and
 * the footnotes' bodies at each page foot, and, where the line breaks
 * went too, the whole text on one line.
 */

/* Where a flattened text stands in its numbering, to find its headings. */
struct flat {
	bool header;		/* the first header was cut off */
	int vraag, antwoord;	/* the last numbers cut at */
};

/* The running footer or the identifier at s[p, e): its length, else 0. */
static size_t
inline_furniture(const char *s, size_t p, size_t e)
{
	char year[DATE_VERGADERJAAR_SIZE];
	size_t k;

	if ((k = parse_footer_len(s + p, e - p)) > 0)
		return k;
	if (parse_pubid(s + p, e - p, &k, year) > 0)
		return k;
	return 0;
}

/* Whether the words s[a, p) end a sentence (nothing before counts as one). */
static bool
sentence_before(const char *s, size_t a, size_t p)
{
	size_t from = p - a > 24 ? p - 24 : a;
	char *tail;
	bool ends;

	while (p > a && (s[p - 1] == ' ' || s[p - 1] == '\t'))
		p--;
	if (p == a)
		return true;
	tail = xstrndup(s + from, p - from);
	ends = !parse_continues(tail, "x");
	free(tail);
	return ends;
}

/*
 * Whether a flattened text has a heading at s[p, e), a word start after
 * the words s[a, p): a run of '#' (the heading marks of its lines), or a
 * "Vraag N" or "Antwoord N" (bare or in "**") that keeps to the numbering
 * and stands where a sentence ended, followed by a capital.
 */
static bool
flat_heading(const char *s, size_t a, size_t p, size_t e, struct flat *st)
{
	struct heading h;
	size_t q = p, marks = 0;

	while (q < e && s[q] == '#' && marks < 7) {
		q++;
		marks++;
	}
	if (marks > 6 || (marks > 0 && (q >= e || s[q] != ' ')))
		return false;
	q = scan_skip_space(s, q, e);
	while (q < e && s[q] == '*')
		q++;
	if (!heading_start(s + q, e - q, &h) || h.from < 1)
		return marks > 0;
	if (marks == 0) {
		size_t t = q + h.text;

		while (t < e && (s[t] == '*' || s[t] == ' '))
			t++;
		if (t < e && !(s[t] >= 'A' && s[t] <= 'Z') &&
		    (unsigned char)s[t] < 0x80)
			return false;
		if (!sentence_before(s, a, p))
			return false;
	}
	if (h.role == ROLE_VRAAG) {
		if (marks == 0 && h.from <= st->vraag)
			return false;
		st->vraag = h.to;
	} else {
		if (marks == 0 && (h.to > st->vraag || h.from <= st->antwoord))
			return false;
		st->antwoord = h.to;
	}
	return true;
}

/*
 * The end of a "Vraag N" or "Antwoord N" heading at s[p, e) (its '#'
 * marks and '**' around it included) that text beginning with a capital
 * follows, or that ends s; 0 when there is none.
 */
static size_t
heading_span(const char *s, size_t p, size_t e)
{
	struct heading h;
	size_t q = p, t;

	while (q < e && (s[q] == '#' || s[q] == '*' || s[q] == ' '))
		q++;
	if (!heading_start(s + q, e - q, &h) || h.from < 1)
		return 0;
	t = q + h.end;
	while (t < e && s[t] == '*')
		t++;
	q = scan_skip_space(s, t, e);
	while (q < e && s[q] == '*')
		q++;
	if (q < e && !(s[q] >= 'A' && s[q] <= 'Z') &&
	    (unsigned char)s[q] < 0x80)
		return 0;
	return t;
}

static void
add_piece(const struct document *doc, struct block **out, size_t *n,
    size_t *cap, size_t a, size_t b, bool furn, bool after)
{
	struct block blk = { 0 };

	while (a < b && (doc->raw[a] == ' ' || doc->raw[a] == '\t'))
		a++;
	while (b > a && (doc->raw[b - 1] == ' ' || doc->raw[b - 1] == '\t'))
		b--;
	if (a == b)
		return;
	blk.start = a;
	blk.end = b;
	blk.heading = !furn && heading_level(doc->raw + a, b - a) > 0;
	blk.text = blk.heading ? heading_text(doc->raw, a, b) :
	    clean(doc->raw, a, b);
	if (!furn && !blk.heading) {
		struct heading h;

		blk.label = heading_read(blk.text, strlen(blk.text), &h) &&
		    h.text == strlen(blk.text);
	}
	blk.furn = furn;
	blk.brk = furn && parse_page_break(doc->raw + a, b - a);
	blk.after_break = after;
	add_block(out, n, cap, blk);
}

/*
 * Cuts a block at the furniture that stands inside it: a running footer
 * or the identifier glued between two pieces of text ("... kosten.
 * Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2 Antwoord 3 Ja."),
 * where a page ended.  A block of a text flattened onto one line is cut
 * at its headers and headings too, and before its first header at the
 * cover's furniture.
 */
static void
cut_block(const struct document *doc, const struct block *in,
    struct block **out, size_t *n, size_t *cap, struct flat *st)
{
	const char *s = doc->raw;
	size_t from = in->start, p = in->start, e = in->end, k, q, w;
	bool flat = e - in->start >= FLAT_LINE && !in->heading, after = false;
	bool cut = false, foot;

	while (p < e) {
		if (s[p] == ' ' || s[p] == '\t') {
			p++;
			continue;
		}
		for (w = p; w < e && s[w] != ' ' && s[w] != '\t'; w++)
			;
		/* a page break inline: "-----" as a word of its own */
		if (flat && parse_page_break(s + p, w - p)) {
			k = w - p;
		} else {
			k = inline_furniture(s, p, e);
			if (k == 0 && flat && !st->header)
				k = parse_furniture_item(s + p, e - p, &foot);
		}
		if (k > 0) {
			add_piece(doc, out, n, cap, from, p, false, after);
			add_piece(doc, out, n, cap, p, p + k, true, false);
			from = p = p + k;
			after = cut = true;
			/* "... Aanhangsel 2 Antwoord 3 Ja.": the heading after it */
			q = scan_skip_space(s, p, e);
			if (q < e && (!flat || flat_heading(s, q, q, e, st)) &&
			    (k = heading_span(s, q, e)) > 0) {
				add_piece(doc, out, n, cap, q, k, false, true);
				from = p = k;
				after = false;
			}
			continue;
		}
		if (flat && p > from && (scan_prefix(s + p, e - p, "Vragen van ") ||
		    scan_prefix(s + p, e - p, "Antwoord van ") ||
		    scan_prefix(s + p, e - p, "Mededeling van ") ||
		    flat_heading(s, from, p, e, st))) {
			add_piece(doc, out, n, cap, from, p, false, after);
			from = p;
			after = false;
			cut = true;
			if ((k = heading_span(s, p, e)) > 0) {
				add_piece(doc, out, n, cap, p, k, false, false);
				from = p = k;
				continue;
			}
			if (s[p] != '#')
				st->header = true;
		} else if (flat && p == from && s[p] == '#')
			flat_heading(s, from, p, e, st);
		while (p < e && s[p] != ' ' && s[p] != '\t')
			p++;
	}
	if (!cut) {
		add_block(out, n, cap, *in);
		return;
	}
	add_piece(doc, out, n, cap, from, e, false, after);
	free(in->text);
}

/* Cuts every block at the furniture inside it; see cut_block. */
static size_t
cut_blocks(struct document *doc, struct block **b, size_t n)
{
	struct block *out = NULL;
	struct flat st = { false, 0, 0 };
	size_t m = 0, cap = 0;
	bool flat = false;

	for (size_t i = 0; i < n; i++) {
		size_t before = m;

		if ((*b)[i].brk || (*b)[i].label) {
			add_block(&out, &m, &cap, (*b)[i]);
			continue;
		}
		cut_block(doc, &(*b)[i], &out, &m, &cap, &st);
		flat |= m > before + 1 &&
		    (*b)[i].end - (*b)[i].start >= FLAT_LINE;
	}
	if (flat)
		model_warn(doc, "the text has no line breaks: it was read at its headings, and its paragraphs and footnotes stay in the text of each vraag and antwoord");
	free(*b);
	*b = out;
	return m;
}

/* Whether the whole of t is page furniture, piece by piece. */
static bool
all_furniture(const char *t)
{
	size_t len = strlen(t), i = 0, k;
	bool foot;

	if (len == 0)
		return false;
	if (parse_is_furniture(t, len))
		return true;
	while (i < len && (k = parse_furniture_item(t + i, len - i, &foot)) > 0)
		i = scan_skip_space(t, i + k, len);
	return i == len;
}

/* The value of a text that is only a number of 1 to 4 digits, else 0. */
static int
bare_number(const char *t)
{
	size_t len = strlen(t);

	return len <= 4 && all_digits(t) ? atoi(t) : 0;
}

/*
 * The footnote marker that a converter wrote at t[i]: "[^1]", "[1 ]" and
 * "[2, 3 ]" (the space before the bracket is the converter's), and "[1]"
 * glued to the word before it.  Its length, with its numbers in nums (at
 * most max, *nn of them); 0 when there is none.
 */
static size_t
marker_at(const char *t, size_t i, int *nums, size_t max, size_t *nn)
{
	size_t j = i + 1;
	bool caret = false, space = false;
	int v;

	*nn = 0;
	if (t[i] != '[')
		return 0;
	if (t[j] == '^') {
		caret = true;
		j++;
	}
	for (;;) {
		if (!scan_number(t, SIZE_MAX, &j, MAX_NOTE, &v) || v == 0)
			return 0;
		if (*nn < max)
			nums[(*nn)++] = v;
		if (t[j] != ',' || caret)
			break;
		j = scan_skip_space(t, j + 1, SIZE_MAX);
	}
	while (t[j] == ' ') {
		j++;
		space = true;
	}
	if (t[j] != ']')
		return 0;
	j++;
	if (caret && t[j] == ':')
		return 0;	/* the footnote itself */
	if (parse_combining_at(t + j, strlen(t + j)))
		return 0;	/* between a letter and its combining accent */
	/* "[3]" alone between words is a reference of the text. */
	if (!caret && !space && (i == 0 || t[i - 1] == ' '))
		return 0;
	return j - i;
}

/* How sure it is that a block is the body of a footnote. */
enum note_form {
	NOTE_NONE,
	NOTE_SURE,	/* "[^1]: text", "[1 ] text", "[1] text" */
	NOTE_NUMBER,	/* "1 text": only at a page foot, in the numbering */
};

/* The form of a footnote body t, its number and where its text starts. */
static enum note_form
note_body(const char *t, int *num, size_t *text)
{
	size_t j = 0, len = strlen(t);
	bool caret = false;

	*num = 0;
	if (t[0] == '[') {
		j = 1;
		if (t[j] == '^') {
			caret = true;
			j++;
		}
		if (!scan_number(t, len, &j, MAX_NOTE, num) || *num == 0)
			return NOTE_NONE;
		while (t[j] == ' ')
			j++;
		if (t[j] != ']')
			return NOTE_NONE;
		j++;
		if (caret && t[j] != ':')
			return NOTE_NONE;
		if (t[j] == ':')
			j++;
		if (t[j] != ' ')
			return NOTE_NONE;
		*text = scan_skip_space(t, j, len);
		return *text < len ? NOTE_SURE : NOTE_NONE;
	}
	if (!scan_number(t, len, &j, MAX_NOTE, num) || *num == 0 ||
	    t[j] != ' ')
		return NOTE_NONE;
	*text = scan_skip_space(t, j, len);
	if (*text >= len || scan_digit((unsigned char)t[*text]) ||
	    strchr(".)-", t[*text]))
		return NOTE_NONE;
	return NOTE_NUMBER;
}

/*
 * Whether the blocks from i on are a page foot: footnote bodies (and the
 * numbers that a converter set apart from them) up to a page break, the
 * page's furniture or the end.
 */
static bool
at_page_foot(const struct block *b, size_t i, size_t n)
{
	for (; i < n; i++) {
		int num;
		size_t t;

		if (b[i].brk || b[i].furn || all_furniture(b[i].text))
			return true;
		if (b[i].heading && !bare_number(b[i].text))
			return false;
		if (bare_number(b[i].text) ||
		    note_body(b[i].text, &num, &t) != NOTE_NONE)
			continue;
		/* the text after a number set apart */
		if (i > 0 && bare_number(b[i - 1].text))
			continue;
		return false;
	}
	return true;
}

/*
 * Marks the furniture and the footnote bodies.  Furniture: page breaks,
 * the running footer, the identifier, the cover's lines, and numbers
 * alone next to them (page numbers); before the first header, the cover's
 * headings stay as they were, header passages.  A footnote body: "[^1]:
 * text" or "[1 ] text" anywhere, or "1 text" (or "1" and "text" apart) at
 * a page foot when 1 is the next footnote number.
 */
static void
mark_conversion(struct block *b, size_t n)
{
	size_t first = n;
	int next = 1;

	for (size_t i = 0; i < n && first == n; i++)
		if (begins_document(&b[i]))
			first = i;
	for (size_t i = 0; i < n; i++) {
		if (b[i].brk || b[i].furn || b[i].label)
			continue;
		if (all_furniture(b[i].text) && !(b[i].heading && i < first))
			b[i].furn = true;
	}
	for (size_t i = 0; i < n; i++) {
		bool near = (i > 0 && (b[i - 1].brk || b[i - 1].furn)) ||
		    (i + 1 < n && (b[i + 1].brk || b[i + 1].furn));

		if (b[i].furn || b[i].brk || !bare_number(b[i].text))
			continue;
		if ((i < first && !b[i].heading) || (i > first && near))
			b[i].furn = true;
	}
	for (size_t i = first; i < n; i++) {
		enum note_form f;
		size_t t;
		int num, v;

		if (b[i].furn || b[i].brk || b[i].label)
			continue;
		if ((v = bare_number(b[i].text)) > 0 && i + 1 < n &&
		    v >= next && v <= next + 5 && !b[i + 1].heading &&
		    !b[i + 1].label && !b[i + 1].furn && !b[i + 1].brk &&
		    at_page_foot(b, i, n)) {
			b[i].furn = true;	/* the number set apart */
			b[i + 1].note = v;
			next = v + 1;
			i++;
			continue;
		}
		f = note_body(b[i].text, &num, &t);
		if (f == NOTE_SURE || (f == NOTE_NUMBER && num >= next &&
		    num <= next + 5 && !b[i].heading && at_page_foot(b, i, n))) {
			b[i].note = num;
			if (num >= next)
				next = num + 1;
		}
	}
	for (size_t i = 1; i < n; i++) {
		size_t p = i;

		while (p > 0 && b[p - 1].note)
			p--;
		b[i].after_break = b[i].after_break ||
		    (p > 0 && (b[p - 1].brk || b[p - 1].furn));
	}
}

/*
 * Takes the footnote markers out of text (in place), noting each with
 * where it stood; a space before a marker that a space follows goes with
 * it.
 */
static void
take_markers(char *text, size_t passage, struct marker **mk, size_t *n,
    size_t *cap)
{
	size_t i = 0, o = 0;

	while (text[i]) {
		int nums[8];
		size_t nn, k = marker_at(text, i, nums, COUNT(nums), &nn);

		if (k == 0) {
			text[o++] = text[i++];
			continue;
		}
		if (o > 0 && text[o - 1] == ' ' &&
		    (text[i + k] == ' ' || text[i + k] == '\0'))
			o--;
		for (size_t m = 0; m < nn; m++) {
			xgrow(mk, cap, *n + 1, sizeof(**mk));
			(*mk)[(*n)++] = (struct marker){ passage, nums[m], o };
		}
		i += k;
	}
	text[o] = '\0';
}

/*
 * Whether the digits t[i, j) are a footnote marker that the converter
 * glued to what it annotates, as the PDF printed it raised: after a
 * lower-case letter, a closing mark or punctuation ("rapport1",
 * "»?1", "jl.2"), never after a capital or a digit ("CO2", "20231"),
 * nor where the number goes on ("1.4") or in a web address.
 */
static bool
glued_marker(const char *t, size_t i, size_t j)
{
	unsigned char before, after = (unsigned char)t[j];
	size_t w = i;

	if (i == 0 || (after && after != ' ' && !strchr(".,;:)", after)))
		return false;
	if ((after == '.' || after == ',') && scan_digit((unsigned char)t[j + 1]))
		return false;
	before = (unsigned char)t[i - 1];
	if (before == '.' || before == ',') {
		if (i < 2 || scan_digit((unsigned char)t[i - 2]))
			return false;
	} else if (!(before >= 'a' && before <= 'z') && before < 0x80 &&
	    !strchr("?!;:)\"'", before))
		return false;
	while (w > 0 && t[w - 1] != ' ')
		w--;
	for (size_t k = w; k < i; k++)
		if (scan_prefix(t + k, i - k, "://") ||
		    scan_prefix(t + k, i - k, "www."))
			return false;
	return true;
}

/*
 * The glued marker of footnote num in the passages from *pi, byte *at
 * on, up to passage last: taken out of its text (the footnotes already
 * there after it move with the text).  True with *pi and *at where it
 * stood.
 */
static bool
take_glued(struct document *doc, size_t *pi, size_t *at, size_t last, int num)
{
	char digits[8];
	size_t nd = (size_t)snprintf(digits, sizeof(digits), "%d", num);

	for (size_t k = *pi; k <= last && k < doc->n_passages; k++) {
		struct passage *p = &doc->passages[k];
		char *t = p->text;

		for (size_t i = k == *pi ? *at : 0; t[i]; i++) {
			if (memcmp(t + i, digits, nd) != 0 ||
			    scan_digit((unsigned char)t[i + nd]) ||
			    !glued_marker(t, i, i + nd))
				continue;
			memmove(t + i, t + i + nd, strlen(t + i + nd) + 1);
			for (size_t f = 0; f < p->n_footnotes; f++)
				if (p->footnotes[f].at > i)
					p->footnotes[f].at -= nd;
			*pi = k;
			*at = i;
			return true;
		}
	}
	return false;
}

/*
 * Puts each footnote body into the passage of its marker (in brackets, or
 * glued to a word between the marker before it and the body), or, without
 * one, into the passage before it (warned); with no passage before it,
 * it stays a passage of its own.
 */
static void
attach_notes(struct document *doc, const struct block *notes, size_t nn,
    struct marker *mk, size_t nmk)
{
	size_t from = 0, from_at = 0;	/* where the last marker stood */

	for (size_t k = 0; k < nn; k++) {
		const struct block *nb = &notes[k];
		size_t target = SIZE_MAX, before = SIZE_MAX, at = 0, t;
		int num;

		for (size_t m = 0; m < nmk; m++)
			if (mk[m].num == nb->note && mk[m].passage != SIZE_MAX) {
				target = mk[m].passage;
				at = mk[m].at;
				mk[m].passage = SIZE_MAX;
				break;
			}
		for (size_t i = 0; i < doc->n_passages; i++)
			if (doc->passages[i].start <= nb->start)
				before = i;
		if (target == SIZE_MAX && before != SIZE_MAX &&
		    before >= from &&
		    take_glued(doc, &from, &from_at, before, nb->note)) {
			target = from;
			at = from_at;
		}
		if (target == SIZE_MAX && before == SIZE_MAX) {
			model_add_passage(doc, ROLE_OTHER, 0, xstrdup(nb->text),
			    nb->start, nb->end);
			model_warn(doc,
			    "footnote %d stands before any passage; kept as 'other'",
			    nb->note);
			continue;
		}
		if (target == SIZE_MAX) {
			target = before;
			at = strlen(doc->passages[target].text);
			model_warn(doc,
			    "footnote %d: its marker was not found in the text; it is kept with the paragraph before it",
			    nb->note);
		}
		if (target > from || (target == from && at > from_at)) {
			from = target;
			from_at = at;
		}
		/* A body whose number was set apart has its text from the start. */
		if (note_body(nb->text, &num, &t) == NOTE_NONE)
			t = 0;
		model_add_footnote(&doc->passages[target],
		    xasprintf("%d", nb->note), xstrdup(nb->text + t), at,
		    nb->start, nb->end);
	}
}

/*
 * Takes the furniture and the footnote bodies out of the list of blocks:
 * the bodies go to *notes (n_notes of them), the furniture is freed.
 */
static size_t
take_out(struct block *b, size_t n, struct block **notes, size_t *n_notes)
{
	size_t k = 0, cap = 0;

	*notes = NULL;
	*n_notes = 0;
	for (size_t i = 0; i < n; i++) {
		if (b[i].note) {
			add_block(notes, n_notes, &cap, b[i]);
		} else if (b[i].furn || b[i].brk) {
			free(b[i].text);
		} else
			b[k++] = b[i];
	}
	return k;
}

/*
 * The document number and its vergaderjaar.  The identifier
 * ("ah-tk-20232024-387", squeezed "h tk 20232024 387") says both, wherever
 * it stands.  Without it, the number is the one that stands alone (a
 * heading, "### 387", or a line of its own) last before the first header,
 * with only the cover between: a converter may put the cover's other
 * number before it ("## 2", "## 387").  A number right after a page break
 * is the page's, never the document's.
 */
static void
document_number(struct document *doc, const struct block *b, size_t n)
{
	char year[DATE_VERGADERJAAR_SIZE];
	size_t first = n, len;
	int v;

	for (size_t i = 0; i < n; i++) {
		const char *t = b[i].text;

		len = strlen(t);
		if ((v = parse_pubid_number(t, len)) > 0) {
			parse_pubid(t, len, &len, doc->vergaderjaar);
			doc->aanhangsel = v;
		} else if (!doc->vergaderjaar[0] &&
		    (parse_is_furniture(t, len) ||
		    parse_footer_len(t, len) == len) &&
		    parse_furniture_year(t, len, year))
			memcpy(doc->vergaderjaar, year, sizeof(year));
		if (first == n && begins_document(&b[i]))
			first = i;
	}
	if (doc->aanhangsel)
		return;
	for (size_t i = first; i-- > 0;) {
		const char *t = b[i].text;
		bool foot;

		len = strlen(t);
		if (parse_is_furniture(t, len) ||
		    parse_furniture_item(t, len, &foot) == len)
			continue;
		if (!all_digits(t) || len > 6)
			return;
		if (i > 0 && page_break(&b[i - 1]))
			return;
		doc->aanhangsel = atoi(t);
		return;
	}
}

static enum status
parse(struct document *doc, struct error *err)
{
	struct block *b;
	size_t n = read_blocks(doc, &b), n_notes, nmk = 0, cap_mk = 0;
	struct block *notes;
	struct marker *mk = NULL;
	enum role role = ROLE_OTHER;
	int from = 0, to = 0, last_vraag = 0, last_vraag_to = 0;
	bool seen_label = false, questions = false, answers = false;
	bool warned_other = false, notice = false;
	size_t answer_header = (size_t)-1;	/* its passage */
	bool is_answer;

	(void)err;
	n = cut_blocks(doc, &b, n);
	document_number(doc, b, n);
	mark_conversion(b, n);
	n = take_out(b, n, &notes, &n_notes);
	n = rejoin(b, n);
	for (size_t i = 0; i < n; i++) {
		struct heading label;
		struct passage *p;
		char *text = b[i].text;
		size_t start = b[i].start, len, mark0 = nmk;

		b[i].text = NULL;
		take_markers(text, doc->n_passages, &mk, &nmk, &cap_mk);
		len = strlen(text);
		if (text[0] == '\0') {
			free(text);
			nmk = mark0;
			continue;
		}
		/* A bare "Vraag:" past the last vraag number is none. */
		if (heading_read(text, len, &label) &&
		    (b[i].heading || b[i].label || label.text < len) &&
		    (label.role != ROLE_VRAAG || label.from > 0 ||
		    last_vraag_to < HEADING_MAX_VRAAG)) {
			seen_label = true;
			role = label.role;
			if (label.role == ROLE_VRAAG && label.from == 0) {
				/* "Vraag:" is the next vraag. */
				from = to = last_vraag = last_vraag_to =
				    last_vraag_to + 1;
			} else if (label.role == ROLE_VRAAG) {
				from = last_vraag = label.from;
				to = last_vraag_to = label.to;
			} else if (label.from) {
				from = label.from;
				to = label.to;
			} else {
				from = last_vraag;
				to = last_vraag_to;
			}
			if (label.text == len) {
				free(text);
				nmk = mark0;
				continue;
			}
			/* "Vraag 1: Bent u ...": the rest is the passage. */
			start = find_start(doc->raw, b[i].start, b[i].end,
			    text + label.text);
			memmove(text, text + label.text, len - label.text + 1);
			for (size_t m = mark0; m < nmk; m++)
				mk[m].at = mk[m].at > label.text ?
				    mk[m].at - label.text : 0;
		} else if (b[i].heading) {
			model_add_passage(doc, ROLE_HEADER, 0, text, start, b[i].end);
			continue;
		} else if (!seen_label && scan_prefix_ci(text, len, "Zie ook ") &&
		    see_also(doc, answer_header, text, b[i].end)) {
			free(text);
			nmk = mark0;
			continue;
		} else if ((!seen_label || (!answers && !notice &&
		    scan_prefix(text, len, "Mededeling van "))) &&
		    read_header(doc, text, &is_answer)) {
			/*
			 * A mededeling may follow the vragen it is about:
			 * its header, then its own words.
			 */
			if (is_answer)
				answer_header = doc->n_passages;
			/* A mededeling: its own words follow, no vragen. */
			if (is_answer &&
			    scan_prefix_ci(text, len, "Mededeling van ")) {
				notice = true;
				role = ROLE_BODY;
			}
			model_add_passage(doc, ROLE_HEADER, 0, text, start, b[i].end);
			continue;
		}
		if (role == ROLE_BODY) {
			model_add_passage(doc, ROLE_BODY, 0, text, start, b[i].end);
		} else if (role == ROLE_VRAAG || role == ROLE_ANTWOORD) {
			p = model_add_passage(doc, role, from, text, start, b[i].end);
			p->vraag_to = to;
			if (to > doc->n_vragen)
				doc->n_vragen = to;
			if (role == ROLE_VRAAG)
				questions = true;
			else
				answers = true;
		} else {
			model_add_passage(doc, ROLE_OTHER, 0, text, start, b[i].end);
			if (!warned_other)
				model_warn(doc,
				    "text before the first vraag that is not a header (kept as is): '%.60s'",
				    text);
			warned_other = true;
		}
	}
	free(b);
	attach_notes(doc, notes, n_notes, mk, nmk);
	for (size_t k = 0; k < n_notes; k++)
		free(notes[k].text);
	free(notes);
	free(mk);
	split_combined(doc);
	if (answers)
		doc->kind = DOC_ANSWER;
	else if (notice)
		doc->kind = DOC_MEDEDELING;
	else if (questions)
		doc->kind = DOC_QUESTIONS;
	else {
		doc->kind = DOC_UNKNOWN;
		model_warn(doc, "no 'Vraag N' or 'Antwoord N' found: the text is kept as plain paragraphs");
	}
	if (answers && doc->n_signatories == 0)
		model_warn(doc, "no 'Antwoord van ...' header: who answers is unknown");
	if (doc->n_questioners == 0 && (answers || questions))
		model_warn(doc, "no 'Vragen van ...' header: who asked is unknown");
	return STATUS_OK;
}

const struct parser parser_markdown = {
	.name = "markdown",
	.probe = probe,
	.parse = parse,
};
