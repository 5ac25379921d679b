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
 *
 * This file holds the probe, the line passes, the blocks, the paragraphs
 * and the output, on top of pdftext_infer.c (the inference and the
 * cutting of a flattened text), pdftext_page.c (page breaks, footnote
 * markers, hyphenation, joining lines) and pdftext_lines.c (what one line
 * says on its own); each uses only those below it (pdftext_lines.h).
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "heading.h"
#include "parse.h"
#include "pdftext_infer.h"
#include "text.h"
#include "xalloc.h"

/* A header longer than this has lost its end; the rest is not header. */
#define MAX_HEADER_LINES 16
/* How far a page's first footnote number may run ahead of the expected one. */
#define FOOTNOTE_SLACK 5
/* How many footnotes one page may hold. */
#define FOOTNOTE_SPAN 40

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
	*a = scan_skip_space(s, *a, *b);
	while (*b > *a) {
		size_t c = char_before(s, *b);

		if (scan_space(s, c, *b) == 0)
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
 * Whether the heading of vraag 1 or of its answer (role) begins a word
 * of s[a, b) and text follows it, as in a text flattened onto one line.
 */
static bool
first_inline(const char *s, size_t a, size_t b, enum role role)
{
	struct heading h;

	for (size_t p = a; p < b; p++)
		if ((p == a || s[p - 1] == ' ') &&
		    heading_start(s + p, b - p, &h) && h.role == role &&
		    h.from == 1 && h.text > h.end)
			return true;
	return false;
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
		struct heading h;
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
			if (first_inline(raw, a, b, ROLE_VRAAG))
				vragen++;
			if (first_inline(raw, a, b, ROLE_ANTWOORD))
				antwoorden++;
			continue;
		}
		if (pdftext_lines_header_start(raw + a, b - a, &q, &m)) {
			headers++;
			questions |= q;
			notice |= m;
		} else if (parse_footer_len(raw + a, b - a) > 0)
			footers++;
		else if (heading_read(raw + a, b - a, &h)) {
			if (h.role == ROLE_VRAAG)
				vragen++;
			else
				antwoorden++;
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

/*
 * The vergaderjaar of a piece of furniture s[0, n): the identifier's wins
 * over the footer's and the cover's, which a conversion may print in
 * another form.
 */
static void
furniture_year(struct document *doc, const char *s, size_t n)
{
	char year[DATE_VERGADERJAAR_SIZE];
	size_t len;

	if (parse_pubid(s, n, &len, year) > 0)
		memcpy(doc->vergaderjaar, year, sizeof(year));
	else if (!doc->vergaderjaar[0] && parse_furniture_year(s, n, year))
		memcpy(doc->vergaderjaar, year, sizeof(year));
}

/*
 * A heading that a conversion glued after the furniture of a page, with
 * the text of its passage on the same line ("Aanhangsel 2 Antwoord 2
 * Daarom niet."): numbered, and a capital after it.
 */
static bool
glued_heading(const char *s, size_t a, size_t b, struct heading *h)
{
	size_t t;

	if (!heading_start(s + a, b - a, h) || h->from < 1)
		return false;
	t = a + h->text;
	return t < b && s[t] >= 'A' && s[t] <= 'Z';
}

/* Pass 1: each line's words and what they are. */
static void
classify(struct ctx *c)
{
	const char *s = c->s;

	for (size_t i = 0; i < c->n; i++) {
		struct pline *l = &c->l[i];
		size_t a = l->start, b = l->end, f;
		struct heading h;
		bool furn, foot;
		int v;

		l->form_feed =
		    memchr(s + a, '\f', scan_skip_space(s, a, b) - a) != NULL;
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
		while (a < b &&
		    (f = parse_furniture_item(s + a, b - a, &foot)) > 0) {
			if ((v = parse_pubid_number(s + a, f)) > 0)
				c->doc->aanhangsel = v;
			furniture_year(c->doc, s + a, f);
			l->footer |= foot;
			furn = true;
			a = scan_skip_space(s, a + f, b);
		}
		if (furn) {
			l->kind = K_FURNITURE;
			if (a == b)
				continue;
			l->start = l->text = a;
		}
		/* "-----", "* * *": a converter's page break, like a footer */
		if (!furn && parse_page_break(s + a, b - a)) {
			l->kind = K_FURNITURE;
			l->footer = true;
			continue;
		}
		if (parse_is_furniture(s + a, b - a)) {
			l->kind = K_FURNITURE;
			furniture_year(c->doc, s + a, b - a);
			continue;
		}
		if (!heading_read(s + a, b - a, &h) &&
		    !(furn && glued_heading(s, a, b, &h))) {
			l->kind = K_TEXT;
			continue;
		}
		l->kind = h.role == ROLE_VRAAG ? K_VRAAG : K_ANTWOORD;
		l->num = h.from;
		l->num_to = h.to;
		l->text = a + h.text;
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

/* The value of line i when it is only a number, else -1. */
static int
bare_line(const struct ctx *c, size_t i)
{
	return bare_number(c->s + c->l[i].start, c->l[i].end - c->l[i].start);
}

/* Whether line i begins a page or follows a running footer. */
static bool
page_break_at(const struct ctx *c, size_t i)
{
	size_t p = prev_nonblank(c, i);

	return c->l[i].form_feed || (p > 0 && c->l[p - 1].footer);
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
		    pdftext_lines_header_start(c->s + l->start,
		    l->end - l->start, &questions, &notice))
			first = i;
		if ((l->kind == K_VRAAG || l->kind == K_ANTWOORD) && first == c->n)
			first = i;
		if (l->kind != K_TEXT || bare_line(c, i) < 0)
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
		if ((v = bare_line(c, i)) < 0)
			continue;
		l->kind = K_FURNITURE;
		/* A number at a page break is the page's, never the document's. */
		if (next_nonblank(c, i) == first && v > 0 &&
		    c->doc->aanhangsel == 0 && !page_break_at(c, i))
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
 * 200 VII, nr. 5", and as converters write it: "[1 ] Kamerstuk",
 * "[1] Kamerstuk", "[^1]: Kamerstuk"), else -1; *len (may be NULL) is
 * where its text begins.
 */
static int
lead_number_len(const char *s, size_t n, size_t *len)
{
	size_t i = 0, d;
	int v = 0;
	bool open = false, caret = false;

	if (n > 0 && s[0] == '[') {
		open = true;
		i = 1;
		if (i < n && s[i] == '^') {
			caret = true;
			i++;
		}
	}
	d = i;
	while (i < n && i - d < 3 && scan_digit((unsigned char)s[i]))
		v = v * 10 + (s[i++] - '0');
	if (i == d)
		return -1;
	if (open) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n || s[i] != ']')
			return -1;
		i++;
		if (caret && (i >= n || s[i++] != ':'))
			return -1;
	}
	if (i + 1 >= n || s[i] != ' ' ||
	    scan_digit((unsigned char)s[i + 1]) ||
	    s[i + 1] == ' ')
		return -1;
	if (len)
		*len = i + 1;
	return v;
}

static int
lead_number(const char *s, size_t n)
{
	return lead_number_len(s, n, NULL);
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
		v = bare_line(c, j);
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
			v = bare_line(c, i);
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
 * The numbers alone on their lines from line i of a footnote zone on,
 * blank lines between them skipped: how many, and in *end the line after
 * them.
 */
static size_t
number_run(const struct ctx *c, size_t i, size_t *end)
{
	size_t run = 0, j;

	for (j = i; j < c->n && (c->l[j].kind == K_FOOTNOTE ||
	    c->l[j].kind == K_BLANK); j++) {
		if (c->l[j].kind == K_BLANK)
			continue;
		if (bare_line(c, j) < 0)
			break;
		run++;
	}
	*end = j;
	return run;
}

/* The lines of footnote text from line j on, up to a number alone. */
static size_t
text_run(const struct ctx *c, size_t j)
{
	size_t texts = 0;

	for (size_t t = j; t < c->n && (c->l[t].kind == K_FOOTNOTE ||
	    c->l[t].kind == K_BLANK); t++) {
		if (c->l[t].kind == K_BLANK)
			continue;
		if (bare_line(c, t) >= 0)
			break;
		texts++;
	}
	return texts;
}

/*
 * The lines of note n, the k-th of run numbers listed apart from their
 * texts lines of text (which start at line first): its own line when
 * the counts agree; else the last number takes the lines from its own
 * place on, and the others none.
 */
static void
give_lines(const struct ctx *c, struct note *n, size_t first, size_t k,
    size_t run, size_t texts)
{
	size_t seen = 0;

	if (texts != run && k + 1 != run)
		return;
	for (size_t u = first; u < c->n; u++) {
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

/*
 * Numbers listed apart from their texts ("5", "6", then two lines of
 * text: the default mode of pdftotext) on the lines [i, first): a note
 * each.  Returns the line after the texts that were given out.
 */
static size_t
notes_apart(struct ctx *c, size_t *cap, size_t i, size_t first, size_t run)
{
	size_t texts = text_run(c, first), k = 0;

	for (size_t t = i; t < first; t++) {
		struct note *n;

		if (c->l[t].kind != K_FOOTNOTE)
			continue;
		c->l[t].text = c->l[t].end;
		n = new_note(c, cap, bare_line(c, t), c->l[t].page, t);
		give_lines(c, n, first, k++, run, texts);
	}
	for (i = first; i < c->n && texts > 0; i++)
		if (c->l[i].kind == K_FOOTNOTE)
			texts--;
	return i;
}

/*
 * Line i of a footnote zone on its own: a number alone starts a note
 * (its text on the lines after it), and so does the number that begins
 * a line when it follows the number of the note before or starts a page;
 * any other line goes on the note before.
 */
static void
note_line(struct ctx *c, size_t *cap, size_t i)
{
	struct pline *l = &c->l[i];
	struct note *last = c->n_notes ? &c->notes[c->n_notes - 1] : NULL;
	size_t k;
	int v;

	if ((v = bare_line(c, i)) >= 0) {
		l->text = l->end;
		new_note(c, cap, v, l->page, i);
	} else if ((v = lead_number_len(c->s + l->start, l->end - l->start,
	    &k)) >= 0 &&
	    (!last || v == last->num + 1 || c->l[last->last].page != l->page)) {
		l->text = scan_skip_space(c->s, l->start + k, l->end);
		last = new_note(c, cap, v, l->page, i);
		last->first = last->last = i;
	} else if (last) {
		if (last->first > last->last)
			last->first = i;
		last->last = i;
	}
}

/*
 * Pass 2c: the footnotes of each zone, one by one.  A footnote starts at
 * its number alone on a line (pdftotext -layout) or at the number that
 * begins its line; its text runs to the next one.  Numbers listed apart
 * from their texts get one line each when the counts agree.
 */
static void
split_notes(struct ctx *c)
{
	size_t cap = 0, i = 0;

	while (i < c->n) {
		size_t first, run;

		if (c->l[i].kind != K_FOOTNOTE) {
			i++;
			continue;
		}
		run = number_run(c, i, &first);
		if (run >= 2) {
			i = notes_apart(c, &cap, i, first, run);
			continue;
		}
		note_line(c, &cap, i);
		i++;
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
	char last = pdftext_lines_last_char(c->s, l->start, l->end);

	if (b->questions)
		return contains(c->s, a, l->end, "(ingezonden") &&
		    (last == ')' || last == '.');
	if (!contains(c->s, a, l->end, "(ontvangen"))
		return false;
	if (ends_with(c->s + l->start, l->end - l->start, " nr.") ||
	    ends_with(c->s + l->start, l->end - l->start, "Zie ook"))
		return false;
	if (contains(c->s, a, l->end, "Zie ook"))
		return last == '.' || scan_digit((unsigned char)last);
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
			if (l->num > HEADING_MAX_VRAAG) {
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
			if (pdftext_lines_header_start(c->s + l->start,
			    l->end - l->start, &questions, &is_notice)) {
				cur = open_block(c, ROLE_HEADER, 0, 0, i);
				cur->questions = questions;
				cur->notice = is_notice;
				notice |= is_notice;
				header_lines = 0;
			} else if (!cur || (cur->role == ROLE_HEADER &&
			    cur->done)) {
				/*
				 * A mededeling's own words follow its header,
				 * also after the vragen it is about.
				 */
				cur = open_block(c, (notice && last_vraag == 0) ||
				    (cur && cur->notice) ? ROLE_BODY : ROLE_OTHER,
				    0, 0, i);
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

/* ------------------------------------------------------------- paragraphs */

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

	switch (pdftext_lines_starts_item(c->s, l->text, l->end)) {
	case ITEM_SURE:
		return true;
	case ITEM_DASH:
		if (shorter ||
		    pdftext_lines_last_char(c->s, p->text, p->end) == ':')
			return true;
		break;
	case ITEM_NONE:
		break;
	}
	if (!pdftext_lines_ends_sentence(c->s, p->text, p->end))
		return false;
	if (l->gap_before)
		return true;
	return shorter &&
	    p->width + 1 + pdftext_lines_first_word_width(c, l) <= w;
}

static void
add(struct ctx *c, const struct block *b, const size_t *idx, size_t n)
{
	struct passage *p;
	size_t *hits, *at, n_hits;
	char *text = pdftext_page_join_marked(c, idx, n, &hits, &at, &n_hits);

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
		m = pdftext_lines_block_lines(c, b, &idx);
		for (size_t j = 0; j + 1 < m; j++) {
			const struct pline *l = &c->l[idx[j]];

			if (pdftext_lines_ends_sentence(c->s, l->text, l->end))
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

/* ---------------------------------------------------------------- output */

static void
emit_block(struct ctx *c, const struct block *b)
{
	size_t *idx, n = pdftext_lines_block_lines(c, b, &idx), from = 0;
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
		char *text = pdftext_page_join(c, idx, n);

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
	w = pdftext_lines_block_width(c, idx, n);
	for (size_t k = 1; k <= n; k++) {
		if (k < n && !paragraph_ends(c, &c->l[idx[k - 1]],
		    &c->l[idx[k]], w))
			continue;
		add(c, b, idx + from, k - from);
		from = k;
	}
	free(idx);
}

enum number_fault {
	NUMBER_OK, NUMBER_NO_ANSWER, NUMBER_NO_VRAAG, NUMBER_MISSING,
};

/* What is wrong with a number, from what was seen of it (check_numbers). */
static enum number_fault
number_fault(unsigned char seen, bool answers)
{
	if ((seen & 1) && !(seen & 2) && answers)
		return NUMBER_NO_ANSWER;
	if (!(seen & 1) && (seen & 2))
		return NUMBER_NO_VRAAG;
	return seen ? NUMBER_OK : NUMBER_MISSING;
}

static void
warn_numbers(struct document *doc, enum number_fault f, int from, int to)
{
	switch (f) {
	case NUMBER_NO_ANSWER:
		if (from == to)
			model_warn(doc, "vraag %d has no answer", from);
		else
			model_warn(doc, "vragen %d to %d have no answer", from, to);
		break;
	case NUMBER_NO_VRAAG:
		if (from == to)
			model_warn(doc, "antwoord %d answers no vraag found in the text",
			    from);
		else
			model_warn(doc, "antwoorden %d to %d answer no vraag found in the text",
			    from, to);
		break;
	case NUMBER_MISSING:
		if (from == to)
			model_warn(doc, "vraag %d is missing", from);
		else
			model_warn(doc, "vragen %d to %d are missing", from, to);
		break;
	case NUMBER_OK:
		break;
	}
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
	/* A run of numbers with the same fault is one warning. */
	for (int v = 1, to; v <= max; v = to + 1) {
		enum number_fault f = number_fault(seen[v], answers);

		for (to = v; to < max && number_fault(seen[to + 1], answers) == f;
		    to++)
			;
		if (f != NUMBER_OK)
			warn_numbers(doc, f, v, to);
	}
	free(seen);
}

/* The width of each line with words; returns how many there are. */
static size_t
line_widths(struct ctx *c)
{
	size_t words = 0;

	for (size_t i = 0; i < c->n; i++) {
		if (c->l[i].kind == K_BLANK || c->l[i].kind == K_FURNITURE)
			continue;
		c->l[i].width = pdftext_lines_width(c->s, c->l[i].text,
		    c->l[i].end);
		words++;
	}
	return words;
}

/*
 * The blocks become passages, the footnotes go into them, and the
 * document gets its number of vragen, its kind and its warnings.
 */
static void
output(struct ctx *c)
{
	struct document *doc = c->doc;
	bool answer = false, vragen = false, notice = false;

	for (size_t k = 0; k < c->n_blocks; k++) {
		const struct block *b = &c->b[k];

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
		emit_block(c, b);
	}
	pdftext_page_attach_notes(c);
	if (!vragen && !(notice && !answer))
		model_warn(doc, "no \"Vraag N\" headings found; the text is kept as 'other' passages");
	check_numbers(c);
	doc->kind = answer ? DOC_ANSWER : notice ? DOC_MEDEDELING :
	    vragen ? DOC_QUESTIONS : DOC_UNKNOWN;
}

static enum status
parse(struct document *doc, struct error *err)
{
	struct ctx c = { .doc = doc, .s = doc->raw };
	struct line *lines;
	bool flat;

	c.n = parse_lines(doc, &lines);
	c.l = xcalloc(c.n ? c.n : 1, sizeof(*c.l));
	for (size_t i = 0; i < c.n; i++) {
		c.l[i].start = lines[i].start;
		c.l[i].end = lines[i].end;
	}
	free(lines);

	flat = pdftext_infer_unflatten(&c);
	classify(&c);
	furniture(&c);
	paginate(&c);
	footnotes(&c);
	split_notes(&c);
	pdftext_infer_numbered(&c);
	pdftext_page_separations(&c);
	if (line_widths(&c) == 0) {
		free(c.l);
		return error_set(err, STATUS_FORMAT,
		    "no text besides page headers and footers");
	}
	structure(&c);
	c.placeholder = memchr(doc->raw, MARK_PLACEHOLDER, doc->raw_len) == NULL;
	pdftext_page_find_marks(&c);
	pdftext_page_collect_hyphenated(&c);
	measure(&c);
	pdftext_infer_split_numbered(&c);
	pdftext_infer_lost(&c);
	pdftext_infer_split_combined(&c);
	if (flat)
		model_warn(doc, "the text has no line breaks: it was read at its headings, and its paragraphs and footnotes stay in the text of each vraag and antwoord");
	output(&c);

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
