/*
 * parse: from the bytes of a file to a struct document.
 *
 * One parser per source format, each in its own file, each listed once in
 * parser_table[] (parse.c).  A parser's probe says how sure it is that the
 * text is its format; parse_document picks the surest, or the one named by
 * --format.  A parser never drops text: what it cannot place becomes a
 * ROLE_OTHER passage and a warning.
 *
 * The shared helpers below read the parts that all formats have in common
 * once the markup is gone: the "Vragen van ..." and "Antwoord van ..."
 * headers, and the splitting of raw text into lines.
 */
#ifndef NAAST_PARSE_H
#define NAAST_PARSE_H

#include <stddef.h>

#include "model.h"
#include "status.h"

struct parser {
	const char *name;
	/* 0: not this format; higher: surer.  raw is valid UTF-8. */
	int (*probe)(const char *raw, size_t len);
	/* Fills doc (doc->raw is set); fails only on text it cannot read at all. */
	enum status (*parse)(struct document *doc, struct error *err);
};

extern const struct parser parser_pdftext;
extern const struct parser parser_markdown;
extern const struct parser parser_letter;

/*
 * Checks that raw is a text naast can read (not empty, no NUL bytes, UTF-8),
 * picks the parser (format NULL: detect) and parses.  On success *out is a
 * new document that the caller frees with model_free.
 */
enum status parse_document(const char *raw, size_t len, const char *format,
    struct document **out, struct error *err);

/* The parser called name, or NULL. */
const struct parser *parse_find(const char *name);
/* "pdftext, markdown, letter": for messages and --help. */
const char *parse_format_list(void);

/* One line of the raw text: bytes [start, end), without "\r\n". */
struct line {
	size_t start, end;
};

/* Splits doc->raw into lines; returns their number, *lines is allocated. */
size_t parse_lines(const struct document *doc, struct line **lines);

/*
 * Reads the question header, with line breaks already joined and markup
 * removed: "Vragen van het lid Eerdmans (JA21) aan de Minister-President en
 * de Ministers van ..., van ... over SUBJECT (ingezonden 29 januari 2024)."
 * Sets questioners, addressed, subject and submitted.  Returns false (and
 * warns) when the text is not such a header.
 */
bool parse_header_questions(struct document *doc, const char *text);

/*
 * Reads the answer header: "Antwoord van Minister-President Rutte (Algemene
 * Zaken) (ontvangen 15 februari 2024)." with any "en van Staatssecretaris X
 * (...)", "mede namens ..." and a trailing "Zie ook Aanhangsel Handelingen,
 * vergaderjaar 2023–2024, nr. 1047."  Sets signatories, ministry, received
 * and see_also.  Returns false (and warns) when it is not such a header.
 */
bool parse_header_answer(struct document *doc, const char *text);

#endif
