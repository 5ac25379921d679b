/*
 * parse_letter: letters (seed 004), and the fallback for any other text.
 *
 * A letter is: an optional epigraph (quoted lines at the top) with its
 * author, a salutation ("Geachte ..."), body paragraphs and a closing
 * ("Hoogachtend,").  Paragraphs are separated by blank lines and their
 * lines are joined again; a blank-line gap in the middle of a sentence is a
 * page break, not the end of a paragraph.  Text extracted from a PDF keeps
 * its errors ("Econonnische"): the author's words are never corrected.
 *
 * Text without any of this is still imported, paragraph by paragraph, as
 * ROLE_OTHER with a warning: the probe answers 1 for everything, so this
 * parser is the last resort of format detection.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parse.h"
#include "scan.h"
#include "text.h"
#include "xalloc.h"

static const char *const salutations[] = {
	"Hooggeachte ", "Zeer geachte ", "Geachte ", "Beste ", "Lieve ", "Dear ",
};

static const char *const closings[] = {
	"Hoogachtend", "Met de meeste hoogachting", "Met vriendelijke groet",
	"Met hartelijke groet", "Met collegiale groet", "Vriendelijke groet",
	"Hartelijke groet", "Met groet", "Kind regards", "Yours sincerely",
};

/* Titles in front of the names of a salutation; "de" alone is a name part. */
static const char *const titles[] = {
	"de heer ", "mevrouw ", "mevr. ", "mw. ", "heer ", "heren ", "meneer ",
	"dhr. ", "dames ", "juffrouw ", "minister ", "staatssecretaris ",
	"voorzitter ", "collega ", "collega's ",
};

/* One line without its white space at both ends: [start, end). */
struct span {
	size_t start, end;
};

/* A blank-line separated paragraph: lines [first, last]. */
struct block {
	size_t first, last;
	char *text;
};

/* Which of words s[0..n) begins with, or NULL. */
static const char *
begins_with(const char *s, size_t n, const char *const *words, size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		if (scan_prefix_ci(s, n, words[i]))
			return words[i];
	return NULL;
}

static struct span
trimmed(const char *raw, struct line l)
{
	struct span sp = { l.start, l.end };

	while (sp.start < sp.end && isspace((unsigned char)raw[sp.start]))
		sp.start++;
	while (sp.end > sp.start && isspace((unsigned char)raw[sp.end - 1]))
		sp.end--;
	return sp;
}

static bool
is_salutation(const char *s, size_t n)
{
	return begins_with(s, n, salutations, COUNT(salutations)) &&
	    (n < 100 || s[n - 1] == ',' || s[n - 1] == ':');
}

static bool
is_closing(const char *s, size_t n)
{
	return begins_with(s, n, closings, COUNT(closings)) && n < 60;
}

/* Length of the UTF-8 quote mark that opens s[0..n), 0 if none. */
static size_t
opening_quote(const char *s, size_t n)
{
	static const char *const quotes[] = {
		"\"", "\xe2\x80\x9c", "\xe2\x80\x9e", "\xe2\x80\x98",
		"\xc2\xab",
	};

	for (size_t i = 0; i < COUNT(quotes); i++)
		if (n >= strlen(quotes[i]) && memcmp(s, quotes[i], strlen(quotes[i])) == 0)
			return strlen(quotes[i]);
	return 0;
}

/* Whether s[0..n) ends with a closing quote mark. */
static bool
closing_quote(const char *s, size_t n)
{
	static const char *const quotes[] = {
		"\"", "'", "\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb",
	};

	for (size_t i = 0; i < COUNT(quotes); i++) {
		size_t len = strlen(quotes[i]);

		if (n > len && memcmp(s + n - len, quotes[i], len) == 0)
			return true;
	}
	return false;
}

static bool
is_word_byte(unsigned char c)
{
	return isalpha(c) || c >= 0x80;
}

/*
 * The words the letter writes with a hyphen inside a line ("sociaal-
 * economisch"): the word bytes on both sides of each hyphen, copied and
 * sorted when first asked, so that a hyphen at a line end is looked up
 * once instead of searched for in the whole letter.
 */
struct hyphened {
	const struct document *doc;
	char **words;		/* "left-right" */
	size_t n;
	bool made;
};

static void
make_hyphened(struct hyphened *h)
{
	const char *raw = h->doc->raw;
	size_t len = strlen(raw), cap = 0;

	h->made = true;
	for (size_t p = 1; p + 1 < len; p++) {
		size_t l = p, r = p + 1;

		if (raw[p] != '-' || !is_word_byte((unsigned char)raw[p - 1]) ||
		    !is_word_byte((unsigned char)raw[p + 1]))
			continue;
		while (l > 0 && is_word_byte((unsigned char)raw[l - 1]))
			l--;
		while (r < len && is_word_byte((unsigned char)raw[r]))
			r++;
		xgrow(&h->words, &cap, h->n + 1, sizeof(*h->words));
		h->words[h->n++] = xstrndup(raw + l, r - l);
	}
	if (h->n > 1)
		qsort(h->words, h->n, sizeof(*h->words), model_strv_cmp);
}

static void
free_hyphened(struct hyphened *h)
{
	model_strv_free(h->words, h->n);
}

/*
 * Whether the letter writes "left-right" with its hyphen, as a word or
 * the start of one ("samen-werkingsverband" has "samen-werking").
 */
static bool
attested(void *ctx, const char *left, size_t nl, const char *right, size_t nr)
{
	struct hyphened *h = ctx;
	char *form;
	size_t lo = 0, hi;
	bool found;

	if (!h->made)
		make_hyphened(h);
	form = xasprintf("%.*s-%.*s", (int)nl, left, (int)nr, right);
	/* the first word not below form: form begins it if any word */
	for (hi = h->n; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(h->words[mid], form) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	found = lo < h->n && strncmp(h->words[lo], form, nl + 1 + nr) == 0;
	free(form);
	return found;
}

/*
 * How line a, which ends in a hyphen after a letter, goes on into line b:
 * the words on both sides of the hyphen decide (parse_hyphen_joint).
 */
static enum parse_joint
hyphen_joint(struct hyphened *h, struct span a, struct span b)
{
	const char *raw = h->doc->raw;
	size_t hy = a.end - 1, ws = hy, we = b.start;

	while (ws > a.start && is_word_byte((unsigned char)raw[ws - 1]))
		ws--;
	while (we < b.end && is_word_byte((unsigned char)raw[we]))
		we++;
	return parse_hyphen_joint(raw + ws, hy - ws, raw + b.start,
	    we - b.start, attested, h);
}

/* Lines [first, last] joined into one paragraph: NFC, squeezed. */
static char *
join_lines(struct hyphened *h, const struct line *lines, size_t first,
    size_t last)
{
	const struct document *doc = h->doc;
	size_t cap = 1, n = 0;
	char *buf, *nfc, *text;

	for (size_t i = first; i <= last; i++)
		cap += lines[i].end - lines[i].start + 1;
	buf = xmalloc(cap);
	for (size_t i = first; i <= last; i++) {
		struct span sp = trimmed(doc->raw, lines[i]);
		size_t end = sp.end;
		bool glue = false;

		if (sp.start == sp.end)
			continue;
		if (i < last && doc->raw[end - 1] == '-' && end - 1 > sp.start &&
		    is_word_byte((unsigned char)doc->raw[end - 2])) {
			struct span next = trimmed(doc->raw, lines[i + 1]);

			switch (hyphen_joint(h, sp, next)) {
			case PARSE_JOINT_JOIN:
				end--;
				glue = true;
				break;
			case PARSE_JOINT_KEEP:
				glue = true;
				break;
			case PARSE_JOINT_KEEP_SPACE:
				break;
			}
		}
		memcpy(buf + n, doc->raw + sp.start, end - sp.start);
		n += end - sp.start;
		if (!glue)
			buf[n++] = ' ';
	}
	buf[n] = '\0';
	nfc = text_nfc(buf);
	text = text_squeeze(nfc);
	free(buf);
	free(nfc);
	return text;
}

static size_t
read_blocks(struct hyphened *h, const struct line *lines, size_t nlines,
    size_t from, struct block **out)
{
	const struct document *doc = h->doc;
	size_t n = 0, cap = 0;

	*out = NULL;
	for (size_t i = from; i < nlines;) {
		struct block b;
		struct span sp = trimmed(doc->raw, lines[i]);

		if (sp.start == sp.end) {
			i++;
			continue;
		}
		b.first = i;
		while (i < nlines) {
			sp = trimmed(doc->raw, lines[i]);
			if (sp.start == sp.end)
				break;
			i++;
		}
		b.last = i - 1;
		b.text = join_lines(h, lines, b.first, b.last);
		xgrow(out, &cap, n + 1, sizeof(**out));
		(*out)[n++] = b;
	}
	return n;
}

static struct passage *
add(struct document *doc, enum role role, char *text, const struct line *lines,
    size_t first, size_t last)
{
	struct span a = trimmed(doc->raw, lines[first]);
	struct span b = trimmed(doc->raw, lines[last]);

	return model_add_passage(doc, role, 0, text, a.start, b.end);
}

/* Whether s[0..n) is a title and no name: "dames", "heren". */
static bool
only_title(const char *s, size_t n)
{
	for (size_t i = 0; i < COUNT(titles); i++)
		if (strlen(titles[i]) == n + 1 && strncasecmp(s, titles[i], n) == 0)
			return true;
	return false;
}

/* "Geachte mevrouw Bruins Slot, en heren Rutte, Buitendijk en de Klerck,". */
static void
read_addressees(struct document *doc, const char *text)
{
	static const char *const seps[] = { ", en ", " en ", ", ", " & " };
	const char *word = begins_with(text, strlen(text), salutations,
	    COUNT(salutations));
	const char *p = text + (word ? strlen(word) : 0), *end = p + strlen(p);
	size_t cap = doc->n_addressees;

	while (end > p && strchr(",:;!. ", end[-1]))
		end--;
	while (p < end) {
		const char *cut = end, *next = end;
		const char *t;

		for (const char *q = p; q < end && cut == end; q++) {
			for (size_t i = 0; i < COUNT(seps); i++) {
				if (scan_prefix_ci(q, (size_t)(end - q),
				    seps[i])) {
					cut = q;
					next = q + strlen(seps[i]);
					break;
				}
			}
		}
		while (p < cut && (t = begins_with(p, (size_t)(cut - p), titles,
		    COUNT(titles))) != NULL)
			p += strlen(t);
		while (p < cut && *p == ' ')
			p++;
		if (p < cut && !only_title(p, (size_t)(cut - p))) {
			xgrow(&doc->addressees, &cap, doc->n_addressees + 1,
			    sizeof(*doc->addressees));
			doc->addressees[doc->n_addressees++] =
			    xstrndup(p, (size_t)(cut - p));
		}
		p = next;
	}
}

/*
 * The epigraph: quoted lines at the top, from an opening quote to a line
 * that ends with a closing one, blank lines in between allowed.  Returns
 * the line after it, or 0 when there is none.
 */
static size_t
read_epigraph(struct document *doc, struct hyphened *h,
    const struct line *lines, size_t nlines)
{
	size_t first = 0, last;
	struct span sp;

	for (; first < nlines; first++) {
		sp = trimmed(doc->raw, lines[first]);
		if (sp.start < sp.end)
			break;
	}
	if (first == nlines ||
	    !opening_quote(doc->raw + sp.start, sp.end - sp.start))
		return 0;
	for (last = first; last < nlines && last < first + 16; last++) {
		sp = trimmed(doc->raw, lines[last]);
		if (is_salutation(doc->raw + sp.start, sp.end - sp.start))
			return 0;
		if (closing_quote(doc->raw + sp.start, sp.end - sp.start) &&
		    (last > first || sp.end - sp.start > 2))
			break;
	}
	if (last == nlines || last == first + 16)
		return 0;
	add(doc, ROLE_EPIGRAPH, join_lines(h, lines, first, last), lines,
	    first, last);
	return last + 1;
}

static bool
is_attribution(const struct document *doc, const struct line *lines,
    const struct block *b)
{
	struct span sp = trimmed(doc->raw, lines[b->first]);

	return b->last - b->first < 2 && strlen(b->text) < 80 &&
	    !is_salutation(doc->raw + sp.start, sp.end - sp.start) &&
	    !strchr(".?!", b->text[strlen(b->text) - 1]);
}

static int
probe(const char *raw, size_t len)
{
	bool salutation = false, closing = false;
	size_t i = 0;

	while (i < len) {
		size_t s = i, e;

		while (i < len && raw[i] != '\n')
			i++;
		e = i++;
		while (s < e && isspace((unsigned char)raw[s]))
			s++;
		while (e > s && isspace((unsigned char)raw[e - 1]))
			e--;
		if (is_salutation(raw + s, e - s))
			salutation = true;
		if (is_closing(raw + s, e - s))
			closing = true;
	}
	if (salutation && closing)
		return 40;
	if (salutation || closing)
		return 20;
	return 1;	/* anything else is still imported, as plain paragraphs */
}

static enum status
parse(struct document *doc, struct error *err)
{
	struct line *lines;
	size_t nlines = parse_lines(doc, &lines);
	struct hyphened h = { .doc = doc };
	size_t from = read_epigraph(doc, &h, lines, nlines), nb, k = 0;
	size_t salutation = (size_t)-1, closing = (size_t)-1;
	struct block *b;
	struct parse_join join = { 0 };
	bool epigraph = from > 0;

	(void)err;
	nb = read_blocks(&h, lines, nlines, from, &b);
	/* A gap in the middle of a sentence is a page break. */
	for (size_t i = 0; i < nb; i++) {
		if (k > 0 && parse_join_continued(&join, &b[k - 1].text, b[i].text))
			b[k - 1].last = b[i].last;
		else
			b[k++] = b[i];
	}
	nb = k;
	for (size_t i = 0; i < nb && salutation == (size_t)-1; i++) {
		struct span sp = trimmed(doc->raw, lines[b[i].first]);

		if (is_salutation(doc->raw + sp.start, sp.end - sp.start))
			salutation = i;
	}
	for (size_t i = salutation + 1; i < nb && closing == (size_t)-1; i++) {
		struct span sp = trimmed(doc->raw, lines[b[i].first]);

		if (is_closing(doc->raw + sp.start, sp.end - sp.start))
			closing = i;
	}
	for (size_t i = 0; i < nb; i++) {
		enum role role;

		if (i == 0 && epigraph && salutation != 0 &&
		    is_attribution(doc, lines, &b[i])) {
			static const char *const dashes[] = {
				"- ", "\xe2\x80\x93 ", "\xe2\x80\x94 ",
			};
			const char *a = b[i].text;

			for (size_t j = 0; j < COUNT(dashes); j++)
				if (strncmp(a, dashes[j], strlen(dashes[j])) == 0)
					a += strlen(dashes[j]);
			doc->epigraph_author = xstrdup(a);
			role = ROLE_ATTRIBUTION;
		} else if (i == salutation) {
			doc->salutation = xstrdup(b[i].text);
			read_addressees(doc, b[i].text);
			role = ROLE_SALUTATION;
		} else if (i == closing && b[i].first < b[i].last) {
			/* "Met vriendelijke groet," and the signature below it. */
			char *first = join_lines(&h, lines, b[i].first, b[i].first);

			doc->closing = xstrdup(first);
			add(doc, ROLE_CLOSING, first, lines, b[i].first, b[i].first);
			add(doc, ROLE_CLOSING,
			    join_lines(&h, lines, b[i].first + 1, b[i].last), lines,
			    b[i].first + 1, b[i].last);
			free(b[i].text);
			continue;
		} else if (i == closing) {
			doc->closing = xstrdup(b[i].text);
			role = ROLE_CLOSING;
		} else if (closing != (size_t)-1 && i > closing)
			role = ROLE_CLOSING;
		else if (salutation == (size_t)-1 && closing == (size_t)-1)
			role = ROLE_OTHER;
		else if (salutation != (size_t)-1 && i < salutation)
			role = ROLE_HEADER;
		else
			role = ROLE_BODY;
		add(doc, role, b[i].text, lines, b[i].first, b[i].last);
	}
	if (salutation == (size_t)-1 && closing == (size_t)-1 && !epigraph) {
		doc->kind = DOC_UNKNOWN;
		model_warn(doc,
		    "no structure found (no Kamervragen headers, no salutation or closing): imported as plain paragraphs");
	} else
		doc->kind = DOC_LETTER;
	free_hyphened(&h);
	free(b);
	free(lines);
	return STATUS_OK;
}

const struct parser parser_letter = {
	.name = "letter",
	.probe = probe,
	.parse = parse,
};
