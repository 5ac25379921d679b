/*
 * parse: format detection and dispatch, and the helpers that all formats
 * share.  See parse.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "text.h"
#include "xalloc.h"

static const struct parser *const parser_table[] = {
	&parser_pdftext,
	&parser_markdown,
	&parser_letter,
};

#define N_PARSERS (sizeof(parser_table) / sizeof(parser_table[0]))

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

	*out = NULL;
	if (len == 0 || only_space(raw, len))
		return error_set(err, STATUS_EMPTY, "the file is empty");
	if (memchr(raw, '\0', len))
		return error_set(err, STATUS_BINARY,
		    "not a text file (it contains NUL bytes; for a PDF, extract its text with pdftotext first)");
	if (!text_is_utf8(raw, len))
		return error_set(err, STATUS_NOT_UTF8,
		    "not UTF-8 text (convert it with iconv, or extract a PDF's text with pdftotext first)");
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

/* ----------------------------------------------------------------- headers */

bool
parse_header_questions(struct document *doc, const char *text)
{
	(void)doc;
	(void)text;
	return false;
}

bool
parse_header_answer(struct document *doc, const char *text)
{
	(void)doc;
	(void)text;
	return false;
}
