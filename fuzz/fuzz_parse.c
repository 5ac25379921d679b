/*
 * fuzz_parse: every parser on any bytes, through parse_document: once
 * detecting the format, once with each format forced (--format), as an
 * import would.  What is checked is what model.h and parse.h promise of a
 * document: passages and footnotes inside the raw text, cleaned text that
 * is UTF-8 in NFC without line breaks, footnote markers inside their
 * passage, dates in ISO form or empty; and that a refusal leaves a message
 * and no document.  Each passage also goes through what import and export do to
 * it next: model_marked_text and xref_scan.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "parse.h"
#include "text.h"
#include "xalloc.h"
#include "xref.h"

static bool
is_utf8_string(const char *s)
{
	return s && text_is_utf8(s, strlen(s));
}

static bool
is_nfc(const char *s)
{
	char *nfc = text_nfc(s);
	bool same = strcmp(nfc, s) == 0;

	free(nfc);
	return same;
}

static bool
is_date(const char *d)
{
	static const char shape[] = "dddd-dd-dd";

	if (!d[0])
		return true;
	for (size_t i = 0; i < sizeof(shape) - 1; i++) {
		if (shape[i] == 'd' ? !(d[i] >= '0' && d[i] <= '9') : d[i] != '-')
			return false;
	}
	return d[sizeof(shape) - 1] == '\0';
}

static void
check_passage(const struct document *doc, const struct passage *p)
{
	size_t len;
	struct xref *refs = NULL;
	size_t n;
	char *marked;

	fuzz_require(p->start <= p->end && p->end <= doc->raw_len,
	    "a passage lies inside the raw text");
	fuzz_require(is_utf8_string(p->text), "a passage's text is UTF-8");
	fuzz_require(strchr(p->text, '\n') == NULL, "a passage's text has no newline");
	fuzz_require(is_nfc(p->text), "a passage's text is NFC");
	fuzz_require(p->vraag_to >= p->vraag, "a passage's vraag_to is not below its vraag");
	len = strlen(p->text);
	for (size_t i = 0; i < p->n_footnotes; i++) {
		const struct footnote *f = &p->footnotes[i];

		fuzz_require(f->at <= len, "a footnote marker lies inside its passage");
		fuzz_require(f->start <= f->end && f->end <= doc->raw_len,
		    "a footnote lies inside the raw text");
		fuzz_require(is_utf8_string(f->marker) && is_utf8_string(f->text),
		    "a footnote's marker and text are UTF-8");
	}
	marked = model_marked_text(p->text, p->footnotes, p->n_footnotes);
	fuzz_require(is_utf8_string(marked), "a passage's marked text is UTF-8");
	free(marked);
	n = xref_scan(p->text, &refs);
	for (size_t i = 0; i < n; i++)
		fuzz_require(refs[i].start <= refs[i].end && refs[i].end <= len,
		    "a reference lies inside its passage");
	free(refs);
}

static void
check_document(const struct document *doc, const char *raw, size_t len)
{
	fuzz_require(doc->raw_len == len && memcmp(doc->raw, raw, len) == 0 &&
	    doc->raw[len] == '\0', "the raw text is kept byte-exact");
	fuzz_require(doc->format != NULL, "a document names its format");
	fuzz_require(is_date(doc->submitted) && is_date(doc->received),
	    "dates are ISO or empty");
	fuzz_require(doc->subject == NULL || is_utf8_string(doc->subject),
	    "the subject is UTF-8");
	for (size_t i = 0; i < doc->n_questioners; i++)
		fuzz_require(is_utf8_string(doc->questioners[i].name),
		    "a questioner has a UTF-8 name");
	for (size_t i = 0; i < doc->n_signatories; i++)
		fuzz_require(is_utf8_string(doc->signatories[i].name),
		    "a signatory has a UTF-8 name");
	for (size_t i = 0; i < doc->n_warnings; i++)
		fuzz_require(doc->warnings[i].text != NULL, "a warning has a text");
	for (size_t i = 0; i < doc->n_passages; i++)
		check_passage(doc, &doc->passages[i]);
}

static void
parse_as(const char *raw, size_t len, const char *format)
{
	struct document *doc = NULL;
	struct error err = { "" };
	enum status st = parse_document(raw, len, format, &doc, &err);

	if (st != STATUS_OK) {
		fuzz_require(doc == NULL, "a refused file gives no document");
		fuzz_require(err.msg[0] != '\0', "a refusal says why");
		return;
	}
	fuzz_require(doc != NULL, "an accepted file gives a document");
	check_document(doc, raw, len);
	model_free(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* libFuzzer's buffer ends at size: a read past it is a finding. */
	const char *raw = size ? (const char *)data : "";
	/* "pdftext, markdown, letter": every parser there is, forced. */
	char *list = xstrdup(parse_format_list());
	char *save = NULL;

	parse_as(raw, size, NULL);
	for (char *name = strtok_r(list, ", ", &save); name;
	    name = strtok_r(NULL, ", ", &save))
		parse_as(raw, size, name);
	free(list);
	return 0;
}
