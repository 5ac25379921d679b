/*
 * parse: format detection and dispatch, and the helpers that all formats
 * share.  See parse.h.
 */
#include "config.h"

/* memmem(3): where a broken word stands in the raw text. */
#define _GNU_SOURCE 1

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "parse.h"
#include "pdf.h"
#include "scan.h"
#include "text.h"
#include "xalloc.h"

static const struct parser *const parser_table[] = {
	&parser_pdftext,
	&parser_markdown,
	&parser_letter,
};

#define N_PARSERS COUNT(parser_table)

const struct parser *
parse_find(const char *name)
{
	for (size_t i = 0; i < N_PARSERS; i++)
		if (strcmp(parser_table[i]->name, name) == 0)
			return parser_table[i];
	return NULL;
}

/* The names of the formats, made once: the import parses in two threads. */
static char format_list[128];
static pthread_once_t format_list_once = PTHREAD_ONCE_INIT;

static void
make_format_list(void)
{
	for (size_t i = 0; i < N_PARSERS; i++) {
		if (i)
			strcat(format_list, ", ");
		strcat(format_list, parser_table[i]->name);
	}
}

const char *
parse_format_list(void)
{
	pthread_once(&format_list_once, make_format_list);
	return format_list;
}

static bool
only_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

/* ------------------------------------------------- words broken and flattened */

/*
 * A converter that puts each paragraph on one line leaves the hyphens of
 * the words the PDF broke at its line ends inside the line: "emissiefacto-
 * ren" becomes "emissiefacto-ren" or "emissiefacto- ren".  Which is such a
 * break and which a hyphen that Dutch writes ("functie-uitoefening") only
 * the words can tell: the joined form is a word (the document writes it
 * elsewhere, or naast knows it) and the hyphenated form is not written
 * anywhere else.
 */

/* A printed line is never this long: a longer line of the file is flattened. */
#define PRINTED_LINE 120
/* Each part of a word broken at a line end has at least this many letters. */
#define MIN_PART 2

/*
 * The words of a document, folded, each with how often it stands there:
 * a table by hash, open addressing, its keys one after another in keys.
 * Made the first time a broken word asks, since most texts never do.
 */
struct word_count {
	uint64_t hash;
	size_t at, len;		/* the key: keys.s[at, at + len) */
	size_t count;		/* 0: the slot is empty */
};

struct words {
	const char *s;		/* the text the words are of */
	size_t n;
	bool made;
	struct word_count *slot;
	size_t cap, used;	/* cap a power of two, over twice used */
	struct xbuf keys;
};

static bool
letter_at(const char *s, size_t i, size_t n, size_t *len)
{
	ucs4_t uc;
	int k;

	if (i >= n)
		return false;
	if ((unsigned char)s[i] < 0x80) {
		*len = 1;
		return scan_alpha((unsigned char)s[i]);
	}
	if ((k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i)) < 1)
		return false;
	*len = (size_t)k;
	return uc_is_alpha(uc);
}

/* The slot of key s[0, n): where it is, or the empty one where it goes. */
static struct word_count *
word_slot(const struct words *w, const char *s, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (w->cap - 1);

	for (;; i = (i + 1) & (w->cap - 1)) {
		struct word_count *c = &w->slot[i];

		if (!c->count || (c->hash == h && c->len == n &&
		    memcmp(w->keys.s + c->at, s, n) == 0))
			return c;
	}
}

static void
add_word(struct words *w, const char *s, size_t n)
{
	uint64_t h = scan_hash(s, n);
	struct word_count *c;

	if (2 * (w->used + 1) > w->cap) {
		struct word_count *old = w->slot;
		size_t oldcap = w->cap;

		w->cap = w->cap ? 2 * w->cap : 1024;
		w->slot = xcalloc(w->cap, sizeof(*w->slot));
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].count)
				*word_slot(w, w->keys.s + old[i].at, old[i].len,
				    old[i].hash) = old[i];
		free(old);
	}
	c = word_slot(w, s, n, h);
	if (!c->count) {
		c->hash = h;
		c->at = w->keys.n;
		c->len = n;
		xbuf_add(&w->keys, s, n);
		w->used++;
	}
	c->count++;
}

/*
 * The words of the text: runs of letters, a hyphen between two letters
 * inside one ("x-y" is one word), folded as text_fold with case and
 * marks, which for a word of ASCII letters and hyphens is its lower case.
 */
static void
make_words(struct words *w)
{
	const char *s = w->s;
	size_t i = 0, k, n = w->n;
	struct xbuf low = { 0 };	/* an ASCII word's key */

	w->made = true;
	while (i < n) {
		size_t a = i;
		bool ascii = true;

		if (!letter_at(s, i, n, &k)) {
			i++;
			continue;
		}
		for (;;) {
			while (letter_at(s, i, n, &k)) {
				ascii = ascii && k == 1;
				i += k;
			}
			if (i + 1 < n && s[i] == '-' && letter_at(s, i + 1, n, &k))
				i++;
			else
				break;
		}
		if (ascii) {
			xgrow(&low.s, &low.cap, i - a, 1);
			for (size_t j = a; j < i; j++)
				low.s[j - a] = (char)scan_lower((unsigned char)s[j]);
			add_word(w, low.s, i - a);
		} else {
			char *word = xstrndup(s + a, i - a);
			char *f = text_fold(word, TEXT_FOLD_CASE | TEXT_FOLD_MARKS);

			add_word(w, f, strlen(f));
			free(f);
			free(word);
		}
	}
	free(low.s);
}

/* How often the text has the word whose key is word. */
static size_t
count_word(struct words *w, const char *word)
{
	size_t n = strlen(word);

	if (!w->made)
		make_words(w);
	if (!w->cap)
		return 0;
	return word_slot(w, word, n, scan_hash(word, n))->count;
}

/* The letters that end s[0, i): where they begin. */
static size_t
letters_before(const char *s, size_t i)
{
	size_t a = i;

	while (a > 0) {
		size_t p = a - 1, k;

		while (p > 0 && ((unsigned char)s[p] & 0xc0) == 0x80)
			p--;
		if (!letter_at(s, p, i, &k))
			break;
		a = p;
	}
	return a;
}

/* The letters that begin s[i, n): where they end. */
static size_t
letters_after(const char *s, size_t i, size_t n)
{
	size_t k;

	while (letter_at(s, i, n, &k))
		i += k;
	return i;
}

/* Where the character that ends s[0, i) begins. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[--i] & 0xc0) == 0x80)
		;
	return i;
}

/* Whether the character at s[i] (of s[0, n)) is a lower-case letter. */
static bool
lower_at(const char *s, size_t i, size_t n)
{
	ucs4_t uc;

	if (i >= n || u8_mbtouc(&uc, (const uint8_t *)s + i, n - i) < 1)
		return false;
	return uc_is_alpha(uc) && !uc_is_upper(uc);
}

/*
 * The words written with a hyphen in raw[a, b): for each hyphen, the
 * letters before it, the hyphen, a space if one follows, and the letters
 * after it, copied and sorted; those on a flattened line (longer than
 * PRINTED_LINE) also apart.  Made when a broken word first asks, so that
 * each asks in time of its length and not of the text's.
 */
struct raw_words {
	char **all, **flat;
	size_t n_all, n_flat;
	bool made;
};

static void
make_raw_words(struct raw_words *rw, const char *raw, size_t a, size_t b)
{
	size_t cap_all = 0, cap_flat = 0, ls = a, known = (size_t)-1;
	bool flat = false;

	rw->made = true;
	/*
	 * The line around raw[p] runs from after a '\n' to a '\n' or '\0';
	 * only whether it is longer than PRINTED_LINE matters, so it is
	 * walked no further than that tells, once per line.
	 */
	while (ls > 0 && raw[ls - 1] != '\n' && a - ls <= PRINTED_LINE)
		ls--;
	for (size_t p = a; p < b; p++) {
		size_t l, r0, r1;
		char *w;

		if (raw[p] == '\n')
			ls = p + 1;
		if (raw[p] == '\n' || raw[p] == '\0')
			known = (size_t)-1;
		if (raw[p] != '-')
			continue;
		l = a + letters_before(raw + a, p - a);
		r0 = p + 1 < b && raw[p + 1] == ' ' ? p + 2 : p + 1;
		r1 = letters_after(raw, r0, b);
		if (l == p || r1 == r0)
			continue;
		w = xstrndup(raw + l, r1 - l);
		xgrow(&rw->all, &cap_all, rw->n_all + 1, sizeof(*rw->all));
		rw->all[rw->n_all++] = w;
		if (known != ls) {
			size_t e = p;

			while (e - ls <= PRINTED_LINE && raw[e] && raw[e] != '\n')
				e++;
			flat = e - ls > PRINTED_LINE;
			known = ls;
		}
		if (flat) {
			xgrow(&rw->flat, &cap_flat, rw->n_flat + 1,
			    sizeof(*rw->flat));
			rw->flat[rw->n_flat++] = w;
		}
	}
	if (rw->n_all > 1)
		qsort(rw->all, rw->n_all, sizeof(*rw->all), model_strv_cmp);
	if (rw->n_flat > 1)
		qsort(rw->flat, rw->n_flat, sizeof(*rw->flat), model_strv_cmp);
}

static void
free_raw_words(struct raw_words *rw)
{
	model_strv_free(rw->all, rw->n_all);
	free(rw->flat);
}

/* Whether one of w[0, n) (sorted) begins with s. */
static bool
begins_one(char *const *w, size_t n, const char *s)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(w[mid], s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strncmp(w[lo], s, strlen(s)) == 0;
}

/*
 * Whether lit, letters, a hyphen, maybe a space and letters, stands in
 * raw[a, b) as they are there, on a flattened line or at all (any): with
 * the letters before its hyphen all of a word, and those after the
 * start of one.
 */
static bool
in_raw(struct raw_words *rw, const char *raw, size_t a, size_t b,
    const char *lit, bool any)
{
	if (!rw->made)
		make_raw_words(rw, raw, a, b);
	return any ? begins_one(rw->all, rw->n_all, lit) :
	    begins_one(rw->flat, rw->n_flat, lit);
}

/*
 * Joins the broken words of text, a passage's or a footnote's, whose raw
 * bytes are raw[a, b); the footnotes f[0, nf) that stand after a hyphen
 * taken out move with the text.  The text is rewritten in place in one
 * pass: text[0, o) is what it has become so far, text[i, n) what is
 * still to read, so that a long text with many joins costs no more than
 * its length.
 */
static void
rejoin_text(char *text, const char *raw, size_t a, size_t b,
    struct words *w, parse_known_word_fn *known, void *ctx,
    struct footnote *f, size_t nf)
{
	struct raw_words rw = { 0 };
	size_t n = strlen(text), i, o;

	if (n == 0)
		return;
	/* The first byte is never a hyphen that joins. */
	for (i = o = 1; i < n;) {
		size_t l0, r0, r1, gap, cut;
		char *joined, *hyph, *lit, *jf, *hf;
		bool ok;

		if (text[i] != '-') {
			text[o++] = text[i++];
			continue;
		}
		gap = i + 1 < n && text[i + 1] == ' ' ? 2 : 1;
		r0 = i + gap;
		l0 = letters_before(text, o);
		r1 = letters_after(text, r0, n);
		if (l0 == o || r1 == r0 || !lower_at(text, r0, n) ||
		    !lower_at(text, char_start(text, o), o) ||
		    (l0 > 0 && text[l0 - 1] == '-') || (r1 < n && text[r1] == '-') ||
		    (gap == 2 && r1 - r0 == 2 && (!memcmp(text + r0, "en", 2) ||
		    !memcmp(text + r0, "of", 2))) ||
		    u8_mbsnlen((const uint8_t *)text + l0, o - l0) < MIN_PART ||
		    u8_mbsnlen((const uint8_t *)text + r0, r1 - r0) < MIN_PART) {
			text[o++] = text[i++];
			continue;
		}
		lit = xasprintf("%.*s%.*s", (int)(o - l0), text + l0,
		    (int)(r1 - i), text + i);
		joined = xasprintf("%.*s%.*s", (int)(o - l0), text + l0,
		    (int)(r1 - r0), text + r0);
		hyph = xasprintf("%.*s-%.*s", (int)(o - l0), text + l0,
		    (int)(r1 - r0), text + r0);
		jf = text_fold(joined, TEXT_FOLD_CASE | TEXT_FOLD_MARKS);
		hf = text_fold(hyph, TEXT_FOLD_CASE | TEXT_FOLD_MARKS);
		/* this one counts once among the words when it has no space */
		ok = in_raw(&rw, raw, a, b, lit, gap == 2) &&
		    count_word(w, hf) == (gap == 1 ? 1 : 0) &&
		    (count_word(w, jf) > 0 || (known && known(ctx, jf)));
		free(lit);
		free(joined);
		free(hyph);
		free(jf);
		free(hf);
		if (!ok) {
			while (i < r1)
				text[o++] = text[i++];
			continue;
		}
		cut = gap;
		for (size_t k = 0; k < nf; k++)
			if (f[k].at > o)
				f[k].at = f[k].at >= o + cut ? f[k].at - cut : o;
		i = r0;
		while (i < r1)
			text[o++] = text[i++];
	}
	text[o] = '\0';
	free_raw_words(&rw);
}

static void
rejoin_flattened(struct document *doc, parse_known_word_fn *known, void *ctx)
{
	struct words w = { .s = doc->raw, .n = doc->raw_len };
	bool any = false;

	for (size_t i = 0; i + 1 < doc->raw_len && !any; i++)
		any = doc->raw[i] == '-' && (doc->raw[i + 1] == ' ' ||
		    scan_alpha((unsigned char)doc->raw[i + 1]) ||
		    (unsigned char)doc->raw[i + 1] >= 0x80);
	if (!any)
		return;
	for (size_t i = 0; i < doc->n_passages; i++) {
		struct passage *p = &doc->passages[i];

		rejoin_text(p->text, doc->raw, p->start, p->end, &w, known, ctx,
		    p->footnotes, p->n_footnotes);
		for (size_t k = 0; k < p->n_footnotes; k++)
			rejoin_text(p->footnotes[k].text, doc->raw,
			    p->footnotes[k].start, p->footnotes[k].end, &w,
			    known, ctx, NULL, 0);
	}
	free(w.slot);
	free(w.keys.s);
}

enum status
parse_document(const char *raw, size_t len, const char *format,
    struct document **out, struct error *err)
{
	struct parse_options opts = { .format = format };

	return parse_document_opts(raw, len, &opts, out, err);
}

enum status
parse_document_opts(const char *raw, size_t len,
    const struct parse_options *opts, struct document **out,
    struct error *err)
{
	const char *format = opts->format;
	const struct parser *parser = NULL;
	struct document *doc;
	enum status st;
	bool nul, utf8;

	*out = NULL;
	/*
	 * What the parsers need, for every caller.  A file's bytes were
	 * judged before, by the import (import.h), which says what a file is
	 * and what to do about it and reads a PDF through pdftotext: these
	 * lines speak of the text given, and only a caller that skips the
	 * import meets them.
	 */
	if (len == 0 || only_space(raw, len))
		return error_set(err, STATUS_EMPTY, "no text: it is empty or only white space");
	nul = memchr(raw, '\0', len) != NULL;
	utf8 = !nul && text_is_utf8(raw, len);
	if (!utf8 && pdf_is_pdf(raw, len))
		return error_set(err, STATUS_FORMAT,
		    "the bytes of a PDF, not its text: import the PDF as a file (naast import FILE.pdf), and naast extracts its text");
	if (nul)
		return error_set(err, STATUS_BINARY, "not text: it holds NUL bytes");
	if (!utf8)
		return error_set(err, STATUS_NOT_UTF8, "not UTF-8 text");
	if (format) {
		parser = parse_find(format);
		if (!parser)
			return error_set(err, STATUS_USAGE,
			    "unknown format '%s' (use one of: %s)", format,
			    parse_format_list());
	} else {
		int best = 0;

		for (size_t i = 0; i < N_PARSERS; i++) {
			int score = parser_table[i]->probe(raw, len);

			if (score > best) {
				best = score;
				parser = parser_table[i];
			}
		}
		if (!parser)
			return error_set(err, STATUS_FORMAT,
			    "not a Kamervragen answer or letter that naast recognises (try --format %s)",
			    parse_format_list());
	}
	doc = model_new(raw, len);
	doc->format = parser->name;
	st = parser->parse(doc, err);
	if (st != STATUS_OK) {
		model_free(doc);
		return st;
	}
	rejoin_flattened(doc, opts->known, opts->known_ctx);
	doc->chamber = parse_chamber(doc->raw, doc->raw_len);
	*out = doc;
	return STATUS_OK;
}


size_t
parse_lines(const struct document *doc, struct line **lines)
{
	const char *s = doc->raw;
	size_t n = 0, cap = 0, i = 0;

	*lines = NULL;
	while (i < doc->raw_len) {
		size_t start = i, end;

		while (i < doc->raw_len && s[i] != '\n')
			i++;
		end = i;
		if (end > start && s[end - 1] == '\r')
			end--;
		xgrow(lines, &cap, n + 1, sizeof(**lines));
		(*lines)[n].start = start;
		(*lines)[n].end = end;
		n++;
		if (i < doc->raw_len)
			i++;
	}
	return n;
}

/*
 * A line that a converter puts between pages: a thematic break of three
 * or more '-', '*' or '_' (spaces between them allowed), or form feeds.
 */
bool
parse_page_break(const char *s, size_t n)
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

bool
parse_combining_at(const char *s, size_t n)
{
	ucs4_t uc;

	if (n == 0 || u8_mbtouc(&uc, (const uint8_t *)s, n) < 1)
		return false;
	return uc_combining_class(uc) != 0;
}

/* ------------------------------------------------- numbers of a publication */

/* Reads a year of four digits at s[*i]; the digits that follow it do not count. */
static bool
four_digits(const char *s, size_t n, size_t i, int *y)
{
	if (i + 4 > n)
		return false;
	*y = 0;
	for (size_t k = i; k < i + 4; k++) {
		if (!scan_digit((unsigned char)s[k]))
			return false;
		*y = *y * 10 + (s[k] - '0');
	}
	return *y >= 1800 && *y <= 2999;
}

bool
parse_vergaderjaar(const char *s, size_t n, size_t *i,
    char year[DATE_VERGADERJAAR_SIZE])
{
	size_t j = *i;
	int y1, y2;

	if (!four_digits(s, n, j, &y1))
		return false;
	j += 4;
	if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == ' '))
		j++;
	else if (j + 2 < n && (unsigned char)s[j] == 0xe2 &&
	    (unsigned char)s[j + 1] == 0x80 &&
	    ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94))
		j += 3;		/* en dash, em dash */
	if (four_digits(s, n, j, &y2)) {
		if (y2 != y1 + 1)
			return false;
		j += 4;
	} else if (j > *i + 4 && s[j - 1] == '/' && j + 2 <= n &&
	    scan_digit((unsigned char)s[j]) &&
	    scan_digit((unsigned char)s[j + 1])) {
		if ((s[j] - '0') * 10 + (s[j + 1] - '0') != (y1 + 1) % 100)
			return false;
		j += 2;
	} else
		return false;
	if (j < n && scan_digit((unsigned char)s[j]))
		return false;
	snprintf(year, DATE_VERGADERJAAR_SIZE, "%04d/%02d", y1, (y1 + 1) % 100);
	*i = j;
	return true;
}

int
parse_pubid(const char *s, size_t n, size_t *len,
    char year[DATE_VERGADERJAAR_SIZE])
{
	char sep;
	size_t i = 0;
	int v;

	if (scan_prefix_ci(s, n, "ah") && n > 2 && (s[2] == '-' || s[2] == ' '))
		i = 3;
	else if (scan_prefix_ci(s, n, "h ") && n > 2)
		i = 2;		/* the "a" lost by a converter */
	else
		return 0;
	sep = s[i - 1];
	if (!scan_prefix_ci(s + i, n - i, "tk") &&
	    !scan_prefix_ci(s + i, n - i, "ek"))
		return 0;
	i += 2;
	if (i >= n || s[i] != sep)
		return 0;
	i++;
	/* the identifier writes the years as one run of eight digits */
	if (i + 8 > n || !parse_vergaderjaar(s, i + 8, &i, year))
		return 0;
	if (i >= n || s[i] != sep)
		return 0;
	i++;
	if (!scan_number(s, n, &i, 999999, &v) || v <= 0)
		return 0;
	if (i < n && scan_space(s, i, n) == 0 && s[i] != '\n' &&
	    !(s[i] == '-' && sep == '-'))	/* "ah-tk-20072008-2031-h1" */
		return 0;
	*len = i;
	return v;
}

bool
parse_furniture_year(const char *s, size_t n, char year[DATE_VERGADERJAAR_SIZE])
{
	size_t len;

	if (parse_pubid(s, n, &len, year) > 0)
		return true;
	for (size_t i = 0; i + 13 <= n; i++) {
		size_t j;

		if (!scan_prefix_ci(s + i, n - i, "vergaderjaar ") ||
		    (i > 0 && scan_alpha((unsigned char)s[i - 1])))
			continue;
		j = i + 13;
		if (parse_vergaderjaar(s, n, &j, year))
			return true;
	}
	return false;
}

/* --------------------------------------------------------------- furniture */

/* A word ends at i: the end, or white space. */
static bool
word_end(const char *s, size_t i, size_t n)
{
	return i == n || scan_space(s, i, n) > 0;
}

static bool
equals(const char *s, size_t n, const char *p)
{
	return n == strlen(p) && memcmp(s, p, n) == 0;
}

/* A dash between numbers at s[i]: '-', en dash, em dash; its length or 0. */
static size_t
dash_len(const char *s, size_t i, size_t n)
{
	if (i < n && s[i] == '-')
		return 1;
	if (i + 2 < n && (scan_prefix(s + i, n - i, "\xe2\x80\x93") ||
	    scan_prefix(s + i, n - i, "\xe2\x80\x94")))
		return 3;
	return 0;
}

/* "2023–2024" or "2023-2024" at s[i]: the index after it, or 0. */
static size_t
years_end(const char *s, size_t i, size_t n)
{
	int y;
	size_t d;

	if (!scan_number(s, n, &i, 999999, &y) || y < 1800)
		return 0;
	if ((d = dash_len(s, i, n)) == 0 && !(i < n && s[i] == '/'))
		return 0;
	i += d ? d : 1;
	if (!scan_number(s, n, &i, 999999, &y))
		return 0;
	return i;
}


/*
 * Length of the running footer that starts s[0, n), 0 when none:
 * "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel" with the page number
 * and the publication number that some printings add.  A footnote such as
 * "Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424" is not one.
 */
size_t
parse_footer_len(const char *s, size_t n)
{
	static const char lead[] = "Tweede Kamer, vergaderjaar ";
	size_t i;

	if (!scan_prefix(s, n, lead))
		return 0;
	if ((i = years_end(s, sizeof(lead) - 1, n)) == 0)
		return 0;
	if (!scan_prefix(s + i, n - i, ", Aanhangsel"))
		return 0;
	i += strlen(", Aanhangsel");
	if (scan_prefix(s + i, n - i, " van de Handelingen"))
		i += strlen(" van de Handelingen");
	for (;;) {
		size_t j = scan_skip_space(s, i, n), k = j;

		while (k < n && scan_digit((unsigned char)s[k]))
			k++;
		if (k == j)
			break;
		i = k;
	}
	return i;
}

/*
 * "ah-tk-20232024-1059" (or a converter's "h tk 20232024 1059") as the
 * whole of s[0, n): the Aanhangsel number, else 0.
 */
int
parse_pubid_number(const char *s, size_t n)
{
	char year[DATE_VERGADERJAAR_SIZE];
	size_t len;
	int v = parse_pubid(s, n, &len, year);

	return v > 0 && len == n ? v : 0;
}

/*
 * Length of the Zaak number that starts s[0, n) as a word, 0 when none:
 * "2024Z01294", which the questions print above their header, or their
 * KOOP id "kv-tk-2024Z01294".
 */
static size_t
zaak_len(const char *s, size_t n)
{
	size_t i = scan_prefix(s, n, "kv-tk-") ? 6 : 0;

	if (n - i < 10)
		return 0;
	for (size_t k = 0; k < 10; k++)
		if (k == 4 ? s[i + k] != 'Z' :
		    !scan_digit((unsigned char)s[i + k]))
			return 0;
	return word_end(s, i + 10, n) ? i + 10 : 0;
}

/* The lines of the cover and colophon of an Aanhangsel, and the like. */
bool
parse_is_furniture(const char *s, size_t n)
{
	size_t i;

	if (zaak_len(s, n) == n)
		return true;

	if (equals(s, n, "Tweede Kamer der Staten-Generaal") ||
	    equals(s, n, "Eerste Kamer der Staten-Generaal") ||
	    equals(s, n, "Aanhangsel van de Handelingen") ||
	    equals(s, n, "regering gegeven antwoorden") ||
	    scan_prefix(s, n, "Vragen gesteld door de leden der Kamer"))
		return true;
	if (scan_prefix(s, n, "ISSN ") && n < 24)
		return true;
	if ((scan_prefix(s, n, "\xe2\x80\x99s-Gravenhage") ||
	    scan_prefix(s, n, "'s-Gravenhage")) && n < 24)
		return true;
	if (scan_prefix(s, n, "Vergaderjaar ")) {
		i = years_end(s, strlen("Vergaderjaar "), n);
		return i == n;
	}
	return parse_pubid_number(s, n) > 0;
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
size_t
parse_furniture_item(const char *s, size_t n, bool *footer)
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
	if ((k = parse_footer_len(s, n)) > 0) {
		*footer = true;
		return k;
	}
	for (size_t f = 0; f < COUNT(fixed); f++)
		if (scan_prefix(s, n, fixed[f]) &&
		    word_end(s, strlen(fixed[f]), n))
			return strlen(fixed[f]);
	if (scan_prefix(s, n, "Vragen gesteld door de leden der Kamer")) {
		/* to its end when it stands in s, else the line is all of it */
		static const char end[] = "regering gegeven antwoorden";
		size_t lim = n < 200 ? n : 200;

		for (i = 0; i + strlen(end) <= lim; i++)
			if (memcmp(s + i, end, strlen(end)) == 0)
				return i + strlen(end);
		return n;
	}
	if (scan_prefix(s, n, "ISSN ")) {
		/* "ISSN 0921 - 7398" */
		i = strlen("ISSN ");
		if (!scan_number(s, n, &i, 999999, &v))
			return 0;
		i = scan_skip_space(s, i, n);
		if ((k = dash_len(s, i, n)) == 0)
			return 0;
		i = scan_skip_space(s, i + k, n);
		k = i;
		while (k < n &&
		    (scan_digit((unsigned char)s[k]) || s[k] == 'X'))
			k++;
		return k > i && word_end(s, k, n) ? k : 0;
	}
	if (scan_prefix(s, n, "\xe2\x80\x99s-Gravenhage ") ||
	    scan_prefix(s, n, "'s-Gravenhage ")) {
		i = (unsigned char)s[0] == 0xe2 ? 15 : 13;
		i = scan_skip_space(s, i, n);
		return scan_number(s, n, &i, 999999, &v) && v >= 1800 &&
		    word_end(s, i, n) ? i : 0;
	}
	if (scan_prefix(s, n, "Vergaderjaar ")) {
		i = years_end(s, strlen("Vergaderjaar "), n);
		return i > 0 && word_end(s, i, n) ? i : 0;
	}
	{
		char year[DATE_VERGADERJAAR_SIZE];

		if (parse_pubid(s, n, &k, year) > 0)
			return k;
	}
	return zaak_len(s, n);
}

/* -------------------------------------------------------------- paragraphs */

/*
 * Whether s begins with a lower-case letter.  ASCII, and the Latin letters
 * of Dutch text (U+00C0 to U+024F) whose case folding leaves them as they
 * are; anything else (digits, quotes, dashes) is not lower case.
 */
static bool
starts_lower(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	char one[3], *folded;
	bool same;

	if (u[0] < 0x80)
		return u[0] >= 'a' && u[0] <= 'z';
	if (u[0] < 0xC3 || u[0] > 0xC9 || (u[1] & 0xC0) != 0x80)
		return false;
	if (u[0] == 0xC3 && (u[1] == 0x97 || u[1] == 0xB7))	/* × ÷ */
		return false;
	one[0] = s[0];
	one[1] = s[1];
	one[2] = '\0';
	folded = text_casefold(one);
	same = strcmp(folded, one) == 0;
	free(folded);
	return same;
}

bool
parse_continues(const char *prev, const char *next)
{
	return parse_continues_len(prev, strlen(prev), next);
}

bool
parse_continues_len(const char *prev, size_t len, const char *next)
{
	const unsigned char *p = (const unsigned char *)prev;
	size_t n = len;

	while (n && isspace(p[n - 1]))
		n--;
	for (;;) {
		if (n && strchr("\"')]*", p[n - 1]))
			n--;
		else if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 &&
		    (p[n - 1] == 0x99 || p[n - 1] == 0x9D))	/* ’ ” */
			n -= 3;
		else if (n >= 2 && p[n - 2] == 0xC2 && p[n - 1] == 0xBB)	/* » */
			n -= 2;
		else
			break;
	}
	if (n == 0 || strchr(".?!:;", p[n - 1]))
		return false;
	if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 && p[n - 1] == 0xA6)
		return false;	/* … */
	while (*next == ' ' || *next == '\t')
		next++;
	return starts_lower(next);
}

size_t
parse_join_len(const struct parse_join *j, const char *prev)
{
	return prev == j->para.s ? j->para.n : strlen(prev);
}

void
parse_join_append(struct parse_join *j, char **prev, char *next)
{
	if (*prev != j->para.s) {
		/* A paragraph of its own so far: its allocation fits it. */
		j->para.s = *prev;
		j->para.n = strlen(*prev);
		j->para.cap = j->para.n + 1;
	}
	xbuf_add(&j->para, " ", 1);
	xbuf_puts(&j->para, next);
	free(next);
	*prev = j->para.s;
}

bool
parse_join_continued(struct parse_join *j, char **prev, char *next)
{
	if (!parse_continues_len(*prev, parse_join_len(j, *prev), next))
		return false;
	parse_join_append(j, prev, next);
	return true;
}

/* ------------------------------------------------------------ hyphenation */

/* The character that starts s[0, n); 0 when there is none. */
static ucs4_t
first_char(const char *s, size_t n)
{
	ucs4_t uc = 0;

	if (n == 0 || u8_mbtouc(&uc, (const uint8_t *)s, n) < 1)
		return 0;
	return uc;
}

/* The character that ends s[0, n); 0 when there is none. */
static ucs4_t
last_char(const char *s, size_t n)
{
	const uint8_t *start = (const uint8_t *)s, *p;
	ucs4_t uc = 0;

	if (n == 0 || (p = u8_prev(&uc, start + n, start)) == NULL)
		return 0;
	return uc;
}

/* A vowel, accented or not: its canonical decomposition starts with one. */
static bool
is_vowel(ucs4_t uc)
{
	ucs4_t parts[UC_DECOMPOSITION_MAX_LENGTH];

	if (uc >= 0x80 && uc_canonical_decomposition(uc, parts) > 0)
		uc = parts[0];
	return uc < 0x80 && uc && strchr("aeiouyAEIOUY", (int)uc) != NULL;
}

enum parse_joint
parse_hyphen_joint(const char *left, size_t nl, const char *right, size_t nr,
    parse_attested_fn *attested, void *ctx)
{
	ucs4_t x = last_char(left, nl), y = first_char(right, nr);

	if (!uc_is_alpha(x) || !uc_is_alpha(y))
		return PARSE_JOINT_KEEP;
	if ((nr == 2 && memcmp(right, "en", 2) == 0) ||
	    (nr == 2 && memcmp(right, "of", 2) == 0))
		return PARSE_JOINT_KEEP_SPACE;
	if (uc_is_upper(y) || uc_is_upper(x))
		return PARSE_JOINT_KEEP;
	if (is_vowel(x) && is_vowel(y))
		return PARSE_JOINT_KEEP;
	if (attested && attested(ctx, left, nl, right, nr))
		return PARSE_JOINT_KEEP;
	return PARSE_JOINT_JOIN;
}

/* What a line of s[0, n) says of the chamber: 'e', 't' or 0. */
static char
chamber_of_line(const char *s, size_t n)
{
	char year[DATE_VERGADERJAAR_SIZE];
	size_t len, i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '#'))
		i++;
	s += i;
	n -= i;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (equals(s, n, "Eerste Kamer der Staten-Generaal"))
		return 'e';
	if (equals(s, n, "Tweede Kamer der Staten-Generaal") ||
	    parse_footer_len(s, n) > 0)
		return 't';
	if (parse_pubid(s, n, &len, year) > 0) {
		/* "ah-ek-..." or "h ek ...": the chamber after the first separator */
		const char *c = memchr(s, ' ', n), *d = memchr(s, '-', n);

		c = !c || (d && d < c) ? d : c;
		return c && (size_t)(c - s) + 1 < n &&
		    (c[1] == 'e' || c[1] == 'E') ? 'e' : 't';
	}
	return 0;
}

enum chamber
parse_chamber(const char *raw, size_t len)
{
	bool ek = false, tk = false;
	const char *p = raw, *end = raw + len;

	/* Whole lines only: a footnote may cite the other chamber's papers. */
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char c = chamber_of_line(p, n);

		ek |= c == 'e';
		tk |= c == 't';
		p += n + (nl != NULL);
	}
	return ek == tk ? CHAMBER_UNKNOWN : ek ? CHAMBER_EK : CHAMBER_TK;
}
