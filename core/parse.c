/*
 * parse: format detection and dispatch, and the helpers that all formats
 * share.  See parse.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "parse.h"
#include "pdf.h"
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

const char *
parse_format_list(void)
{
	static char list[128];

	if (!list[0]) {
		for (size_t i = 0; i < N_PARSERS; i++) {
			if (i)
				strcat(list, ", ");
			strcat(list, parser_table[i]->name);
		}
	}
	return list;
}

static bool
only_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

enum status
parse_document(const char *raw, size_t len, const char *format,
    struct document **out, struct error *err)
{
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
	const unsigned char *p = (const unsigned char *)prev;
	size_t n = strlen(prev);

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

bool
parse_join_continued(char **prev, char *next)
{
	char *joined;

	if (!parse_continues(*prev, next))
		return false;
	joined = xasprintf("%s %s", *prev, next);
	free(*prev);
	free(next);
	*prev = joined;
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
