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
 */
#include "config.h"

#include <ctype.h>
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
};

/*
 * A line that a converter puts between pages: a thematic break of three
 * or more '-', '*' or '_' (spaces between them allowed), or form feeds.
 */
static bool
is_break_line(const char *s, size_t n)
{
	size_t marks = 0, feeds = 0;
	char mark = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (s[i] == '\f') {
			feeds++;
			continue;
		}
		if (!strchr("-*_", s[i]) || (mark && s[i] != mark))
			return false;
		mark = s[i];
		marks++;
	}
	return marks >= 3 || (marks == 0 && feeds > 0);
}

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
	char *out = xmalloc(n + 1);
	bool *drop = xcalloc(n + 1, sizeof(*drop));
	bool *escaped = xcalloc(n + 1, sizeof(*escaped));
	size_t o = 0;

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
		bool brk = l && is_break_line(s, len);
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

/* Puts together the paragraphs that a stray blank line cut in two. */
static size_t
rejoin(struct block *b, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (k > 0 && !b[k - 1].heading && !b[k - 1].label &&
		    !b[i].heading && !b[i].label &&
		    parse_join_continued(&b[k - 1].text, b[i].text))
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
	size_t n = read_blocks(doc, &b);
	enum role role = ROLE_OTHER;
	int from = 0, to = 0, last_vraag = 0, last_vraag_to = 0;
	bool seen_label = false, questions = false, answers = false;
	bool warned_other = false, notice = false;
	size_t answer_header = (size_t)-1;	/* its passage */
	bool is_answer;

	(void)err;
	document_number(doc, b, n);
	n = rejoin(b, n);
	for (size_t i = 0; i < n; i++) {
		struct heading label;
		struct passage *p;
		char *text = b[i].text;
		size_t start = b[i].start, len = strlen(text);

		b[i].text = NULL;
		if (text[0] == '\0') {
			free(text);
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
				continue;
			}
			/* "Vraag 1: Bent u ...": the rest is the passage. */
			start = find_start(doc->raw, b[i].start, b[i].end,
			    text + label.text);
			memmove(text, text + label.text, len - label.text + 1);
		} else if (b[i].heading) {
			model_add_passage(doc, ROLE_HEADER, 0, text, start, b[i].end);
			continue;
		} else if (!seen_label && scan_prefix_ci(text, len, "Zie ook ") &&
		    see_also(doc, answer_header, text, b[i].end)) {
			free(text);
			continue;
		} else if (!seen_label && read_header(doc, text, &is_answer)) {
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
