/*
 * fuzz_export: the export writers on items made of any bytes, in every
 * format.  An exported file may be shown with cat later, so what is
 * written must hold no escape sequence, no control character but tab,
 * CR and LF, no C1 control and no bidirectional override, and be UTF-8;
 * an HTML export never opens a script.  Citations and default file names
 * are checked the same way (a name has no '/').  Word and Excel are zip
 * archives, not text: they must be written whole, whatever the text.
 *
 * The input is read as fuzz.h says: a byte for the number of items (1 to
 * 4), then each item's numbers and its strings, each string up to a NUL
 * byte (see read_item).  Items come from the store, which only holds
 * UTF-8 from parsed documents; the user's note and a damaged database
 * need not be, so any bytes are fair.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "fuzz.h"
#include "model.h"
#include "xalloc.h"

#define MAX_ITEMS 4

/* A string of at most size - 1 bytes into a fixed field. */
static void
read_field(struct fuzz_reader *r, char *field, size_t size)
{
	char *s = fuzz_string(r);

	snprintf(field, size, "%s", s);
	free(s);
}

static void
read_item(struct fuzz_reader *r, struct export_item *it, long long passage)
{
	unsigned counts;
	size_t len;

	it->passage = passage;
	it->kind = (enum doc_kind)(fuzz_byte(r) % (DOC_MEDEDELING + 1));
	it->role = (enum role)(fuzz_byte(r) % (ROLE_OTHER + 1));
	it->vraag = fuzz_byte(r) % 16;
	it->vraag_to = it->vraag + fuzz_byte(r) % 3;
	it->set = fuzz_byte(r) % 3;
	it->doc = 1 + fuzz_byte(r) % 3;
	it->aanhangsel = fuzz_byte(r) * 7;
	it->paragraph = fuzz_byte(r) % 8;
	/* how many questioners, signatories, addressees, footnotes: 0 to 3 */
	counts = fuzz_byte(r);

	it->text = fuzz_string(r);
	it->note = fuzz_string_or_null(r);
	it->subject = fuzz_string_or_null(r);
	it->vraag_text = fuzz_string_or_null(r);
	it->origin = fuzz_string(r);
	read_field(r, it->submitted, sizeof(it->submitted));
	read_field(r, it->received, sizeof(it->received));
	read_field(r, it->ministry, sizeof(it->ministry));

	it->n_questioners = counts & 3;
	it->questioners = xcalloc(it->n_questioners + 1, sizeof(*it->questioners));
	for (size_t i = 0; i < it->n_questioners; i++) {
		it->questioners[i].name = fuzz_string(r);
		it->questioners[i].party = fuzz_string_or_null(r);
	}
	it->n_signatories = (counts >> 2) & 3;
	it->signatories = xcalloc(it->n_signatories + 1, sizeof(*it->signatories));
	for (size_t i = 0; i < it->n_signatories; i++) {
		struct signatory *s = &it->signatories[i];
		size_t behalf;

		s->name = fuzz_string(r);
		s->role = fuzz_string_or_null(r);
		s->ministry = fuzz_string_or_null(r);
		s->portfolio = fuzz_string_or_null(r);
		behalf = fuzz_byte(r) % 3;
		for (size_t k = 0; k < behalf; k++)
			model_strv_add(&s->on_behalf_of, &s->n_on_behalf_of, fuzz_string(r));
	}
	for (size_t i = 0; i < ((counts >> 4) & 3); i++)
		model_strv_add(&it->addressees, &it->n_addressees, fuzz_string(r));
	len = strlen(it->text);
	it->n_footnotes = (counts >> 6) & 3;
	it->footnotes = xcalloc(it->n_footnotes + 1, sizeof(*it->footnotes));
	for (size_t i = 0; i < it->n_footnotes; i++) {
		struct footnote *f = &it->footnotes[i];

		f->marker = fuzz_string(r);
		f->text = fuzz_string(r);
		/* a marker stands inside the passage, as the parsers put it */
		f->at = fuzz_byte(r) % (len + 1);
	}
}

static void
require_safe(const char *s, size_t n, unsigned flags, const char *what)
{
	const char *wrong = fuzz_unsafe(s, n, flags);

	if (wrong)
		fprintf(stderr, "naast fuzz: %s holds %s\n", what, wrong);
	fuzz_require(wrong == NULL, "exports hold only text safe to show");
}

/* "<script" in any case: text that an HTML export failed to escape. */
static bool
opens_script(const char *html)
{
	static const char tag[] = "<script";

	for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
		size_t i = 1;

		while (tag[i] && (p[i] | 0x20) == tag[i])
			i++;
		if (!tag[i])
			return true;
	}
	return false;
}

/* The export of items in format, written to memory: *size bytes. */
static char *
write_memory(enum export_format format, const struct export_item *items,
    size_t n, size_t *size)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, size);
	struct error err = { "" };

	fuzz_require(fp != NULL, "a memory stream opens");
	fuzz_require(export_write(fp, format, items, n, &err) == STATUS_OK,
	    "writing to memory succeeds");
	fclose(fp);
	return buf;
}

static void
write_format(enum export_format format, const struct export_item *items, size_t n)
{
	size_t size;
	char *buf = write_memory(format, items, n, &size);

	require_safe(buf, size, FUZZ_SAFE_FILE, export_format_name(format));
	fuzz_require(strlen(buf) == size, "an export has no NUL byte");
	if (format == EXPORT_HTML)
		fuzz_require(!opens_script(buf), "an HTML export opens no script");
	free(buf);

	{
		char *name = export_default_name(items, n, format);

		require_safe(name, strlen(name), FUZZ_SAFE_SHOWN, "a file name");
		fuzz_require(strchr(name, '/') == NULL && name[0] != '.' && name[0] != '-',
		    "a default file name is a plain name in the current directory");
		free(name);
	}
}

/* Word and Excel: whatever the text, written whole, as a zip archive. */
static void
write_zip_format(enum export_format format, const struct export_item *items, size_t n)
{
	size_t size;
	char *buf = write_memory(format, items, n, &size);

	fuzz_require(size > 4 && memcmp(buf, "PK\003\004", 4) == 0,
	    "a docx or xlsx is a zip archive");
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_reader r = { data, size };
	size_t n = 1 + fuzz_byte(&r) % MAX_ITEMS;
	struct export_item *items = xcalloc(n, sizeof(*items));

	for (size_t i = 0; i < n; i++)
		read_item(&r, &items[i], (long long)i + 1);
	for (size_t i = 0; i < n; i++) {
		char *cite = export_citation(&items[i]);

		require_safe(cite, strlen(cite), FUZZ_SAFE_SHOWN, "a citation");
		free(cite);
	}
	for (int f = EXPORT_MD; f <= EXPORT_HTML; f++)
		write_format((enum export_format)f, items, n);
	write_zip_format(EXPORT_DOCX, items, n);
	write_zip_format(EXPORT_XLSX, items, n);
	export_items_free(items, n);
	return 0;
}
