/*
 * export_docx: the export as a Word document (WordprocessingML in a zip
 * archive written with libzip).  See export.h.
 *
 * The document a nota starts from: the title (of one set) or a heading
 * per set, a heading per vraag (or letter), the vraag in italics, each
 * passage quoted (the "Quote" style) and the citation of a run of one
 * answer's passages as a Word footnote after its last passage, exactly as
 * the Markdown export writes it under them.  A user's note is a plain
 * paragraph; an answer referred to follows under a line that says so,
 * quoted with its own footnote.  Side by side (the compare view's
 * export), the answers of several ministries to one vraag stand in a
 * table, a column per answer under its ministry's name.
 *
 * The parts are the few that Word and LibreOffice need: content types,
 * relationships, styles, settings, the document and its footnotes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "export.h"
#include "export_impl.h"
#include "xalloc.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* A4 with margins of 2.5 cm, in twips: the width of the text is the rest. */
#define PAGE_WIDTH 11906
#define PAGE_MARGIN 1417
#define TEXT_WIDTH (PAGE_WIDTH - 2 * PAGE_MARGIN)

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"</Types>\n";

static const char package_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"</Relationships>\n";

static const char document_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL "settings\" Target=\"settings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL "footnotes\" Target=\"footnotes.xml\"/>"
	"</Relationships>\n";

static const char settings[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:settings xmlns:w=\"" NS_W "\">"
	"<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
	"</w:settings>\n";

static const char core_props[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
	" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	"<dc:creator>naast</dc:creator></cp:coreProperties>\n";

/* A paragraph style: id, name as Word knows it, its run and paragraph properties. */
#define STYLE(id, name, ppr, rpr) \
	"<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>" \
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>" \
	"<w:pPr>" ppr "</w:pPr><w:rPr>" rpr "</w:rPr></w:style>"

static const char styles[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:styles xmlns:w=\"" NS_W "\">"
	"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/>"
	"<w:sz w:val=\"22\"/><w:lang w:val=\"nl-NL\"/></w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"259\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
	"</w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
	STYLE("Title", "Title", "<w:spacing w:after=\"240\"/>", "<w:b/><w:sz w:val=\"36\"/>")
	STYLE("Heading1", "heading 1", "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
	    "<w:b/><w:sz w:val=\"30\"/>")
	STYLE("Heading2", "heading 2", "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/>",
	    "<w:b/><w:sz w:val=\"26\"/>")
	STYLE("Quote", "Quote", "<w:ind w:left=\"567\" w:right=\"567\"/>", "<w:i/>")
	STYLE("FootnoteText", "footnote text", "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
	    "<w:sz w:val=\"18\"/>")
	"<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>"
	"<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
	"</w:styles>\n";

struct docx {
	struct xbuf body;	/* of document.xml */
	struct xbuf notes;	/* of footnotes.xml */
	int next_note;		/* the id of the next footnote */
	enum export_layout layout;
	bool in_table;		/* quotes go in a narrow cell: not indented there */
};

static void
quote_open(struct docx *d)
{
	xbuf_printf(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"Quote\"/>%s</w:pPr>",
	    d->in_table ? "<w:ind w:left=\"0\" w:right=\"0\"/>" : "");
}

/* Text escaped for XML, made safe for it first (export_clean_xml). */
static void
put_text(struct xbuf *b, const char *s)
{
	char *safe = export_clean_xml(s);

	for (const char *p = safe; *p; p++) {
		switch (*p) {
		case '&': xbuf_puts(b, "&amp;"); break;
		case '<': xbuf_puts(b, "&lt;"); break;
		case '>': xbuf_puts(b, "&gt;"); break;
		case '"': xbuf_puts(b, "&quot;"); break;
		default: xbuf_add(b, p, 1); break;
		}
	}
	free(safe);
}

/* A run of text, its spaces kept. */
static void
put_run(struct xbuf *b, const char *rpr, const char *text)
{
	xbuf_printf(b, "<w:r>%s<w:t xml:space=\"preserve\">", rpr);
	put_text(b, text);
	xbuf_puts(b, "</w:t></w:r>");
}

/* A paragraph of style (NULL: Normal) holding text in one run. */
static void
paragraph(struct xbuf *b, const char *style, const char *rpr, const char *text)
{
	xbuf_puts(b, "<w:p>");
	if (style)
		xbuf_printf(b, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
	put_run(b, rpr, text);
	xbuf_puts(b, "</w:p>");
}

/* A footnote with text, and its reference in the body. */
static void
footnote(struct docx *d, const char *text)
{
	int id = d->next_note++;

	xbuf_printf(&d->notes, "<w:footnote w:id=\"%d\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
	    "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>"
	    "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>", id);
	put_run(&d->notes, "", text);
	xbuf_puts(&d->notes, "</w:p></w:footnote>");
	xbuf_printf(&d->body, "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
	    "<w:footnoteReference w:id=\"%d\"/></w:r>", id);
}

/*
 * The run [from, to) of items (all n of them): each passage a quote, the
 * citation a footnote after the last, the note, then the answers it
 * refers to.
 */
static void
put_items(struct docx *d, const struct export_item *items, size_t n, size_t from, size_t to)
{
	const struct export_ref **refs;
	size_t n_refs;

	for (size_t i = from; i < to; i++) {
		char *text = export_marked(&items[i]);

		quote_open(d);
		put_run(&d->body, "", text);
		free(text);
		if (i + 1 == to && items[i].n_footnotes == 0) {
			char *cite = export_citation(&items[from]);

			footnote(d, cite);
			free(cite);
		}
		xbuf_puts(&d->body, "</w:p>");
		/* The document's own footnotes under the passage, as printed. */
		for (size_t f = 0; f < items[i].n_footnotes; f++) {
			char *line = export_footnote_line(&items[i].footnotes[f]);

			quote_open(d);
			put_run(&d->body, "<w:rPr><w:sz w:val=\"18\"/></w:rPr>", line);
			if (i + 1 == to && f + 1 == items[i].n_footnotes) {
				char *cite = export_citation(&items[from]);

				footnote(d, cite);
				free(cite);
			}
			xbuf_puts(&d->body, "</w:p>");
			free(line);
		}
	}
	if (items[to - 1].note) {
		xbuf_puts(&d->body, "<w:p>");
		put_run(&d->body, "<w:rPr><w:b/></w:rPr>", WORD_NOTE ": ");
		put_run(&d->body, "", items[to - 1].note);
		xbuf_puts(&d->body, "</w:p>");
	}
	n_refs = export_run_refs(items, n, from, to, &refs);
	for (size_t r = 0; r < n_refs; r++) {
		char *label = export_ref_label(refs[r]);

		paragraph(&d->body, NULL, "<w:rPr><w:b/></w:rPr>", label);
		free(label);
		for (size_t k = 0; k < refs[r]->n_items;) {
			size_t kend = export_run_end(refs[r]->items, refs[r]->n_items, k);

			put_items(d, refs[r]->items, refs[r]->n_items, k, kend);
			k = kend;
		}
	}
	free(refs);
}

#define BORDER(side) "<w:" side " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>"

/* A cell of width twips, its contents written by the caller, then closed. */
static void
cell_open(struct docx *d, int width)
{
	xbuf_printf(&d->body, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>", width);
}

/*
 * The answers of [from, to) side by side: a header row of ministries, and
 * a row with each answer's runs in its column.  False (nothing written)
 * when fewer than two documents answer there.
 */
static bool
put_table(struct docx *d, const struct export_item *items, size_t n, size_t from, size_t to)
{
	long long *docs = xcalloc(to - from + 1, sizeof(*docs));
	size_t n_docs = export_answer_docs(items, from, to, docs);
	int width;

	if (n_docs < 2) {
		free(docs);
		return false;
	}
	width = TEXT_WIDTH / (int)n_docs;
	xbuf_puts(&d->body, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
	    BORDER("top") BORDER("left") BORDER("bottom") BORDER("right")
	    BORDER("insideH") BORDER("insideV") "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
	    "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
	    "</w:tblCellMar></w:tblPr><w:tblGrid>");
	for (size_t k = 0; k < n_docs; k++)
		xbuf_printf(&d->body, "<w:gridCol w:w=\"%d\"/>", width);
	xbuf_puts(&d->body, "</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
	for (size_t k = 0; k < n_docs; k++) {
		for (size_t i = from; i < to; i++) {
			if (items[i].doc == docs[k] && !export_of_vraag(&items[i])) {
				char *th = export_column_heading(&items[i]);

				cell_open(d, width);
				paragraph(&d->body, NULL, "<w:rPr><w:b/></w:rPr>", th);
				xbuf_puts(&d->body, "</w:tc>");
				free(th);
				break;
			}
		}
	}
	xbuf_puts(&d->body, "</w:tr><w:tr>");
	d->in_table = true;
	for (size_t k = 0; k < n_docs; k++) {
		cell_open(d, width);
		for (size_t r = from; r < to;) {
			size_t rend = export_run_end(items, to, r);

			if (items[r].doc == docs[k] && !export_of_vraag(&items[r]))
				put_items(d, items, n, r, rend);
			r = rend;
		}
		xbuf_puts(&d->body, "</w:tc>");
	}
	d->in_table = false;
	/* Word wants a paragraph between a table and what follows it. */
	xbuf_puts(&d->body, "</w:tr></w:tbl><w:p/>");
	free(docs);
	return true;
}

static void
put_document(struct docx *d, const struct export_item *items, size_t n)
{
	bool one_set = export_one_set(items, n);

	if (one_set) {
		char *title = export_set_heading(&items[0]);

		paragraph(&d->body, "Title", "", title);
		free(title);
	}
	for (size_t h = 0; h < n;) {
		size_t hend = export_heading_end(items, n, h);
		char *heading = export_heading(&items[h]);
		bool under_set = !one_set && items[h].set > 0;

		if (under_set && (h == 0 || items[h - 1].set != items[h].set)) {
			char *set = export_set_heading(&items[h]);

			paragraph(&d->body, "Heading1", "", set);
			free(set);
		}
		paragraph(&d->body, under_set ? "Heading2" : "Heading1", "", heading);
		free(heading);
		if (items[h].vraag_text && !export_has_vraag_passage(items, h, hend)) {
			char *vraag = export_marked_vraag(&items[h]), *part;
			const char *rest = vraag;

			while ((part = export_next_line(&rest))) {
				paragraph(&d->body, NULL, "<w:rPr><w:i/></w:rPr>", part);
				free(part);
			}
			free(vraag);
			for (size_t f = 0; f < items[h].n_vraag_footnotes; f++) {
				char *line = export_footnote_line(&items[h].vraag_footnotes[f]);

				paragraph(&d->body, NULL, "<w:rPr><w:sz w:val=\"18\"/></w:rPr>", line);
				free(line);
			}
		}
		if (d->layout == EXPORT_SIDE_BY_SIDE && items[h].set > 0 && items[h].vraag > 0) {
			/* The vraag's own passages above the table of the answers. */
			for (size_t r = h; r < hend;) {
				size_t rend = export_run_end(items, hend, r);

				if (export_of_vraag(&items[r]))
					put_items(d, items, n, r, rend);
				r = rend;
			}
			if (put_table(d, items, n, h, hend)) {
				h = hend;
				continue;
			}
		}
		for (size_t r = h; r < hend;) {
			size_t rend = export_run_end(items, hend, r);

			if (!(d->layout == EXPORT_SIDE_BY_SIDE && items[h].set > 0 &&
			    items[h].vraag > 0 && export_of_vraag(&items[r])))
				put_items(d, items, n, r, rend);
			r = rend;
		}
		h = hend;
	}
}

/* Adds a part to the archive; the archive owns data from then on. */
static bool
add_part(zip_t *z, const char *name, char *data, size_t len)
{
	zip_source_t *src = zip_source_buffer(z, data, len, 1);

	if (!src) {
		free(data);
		return false;
	}
	if (zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(src);
		return false;
	}
	return true;
}

static bool
add_const(zip_t *z, const char *name, const char *text)
{
	return add_part(z, name, xstrdup(text), strlen(text));
}

enum status
export_docx_file(const char *path, enum export_layout layout,
    const struct export_item *items, size_t n, struct error *err)
{
	struct docx d = { .next_note = 1, .layout = layout };
	char *document, *notes;
	bool ok;
	int zerr = 0;
	zip_t *z;

	xbuf_puts(&d.body, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body>");
	xbuf_puts(&d.notes, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<w:footnotes xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\">"
	    "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
	    "<w:r><w:separator/></w:r></w:p></w:footnote>"
	    "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
	    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>");
	put_document(&d, items, n);
	xbuf_printf(&d.body, "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"16838\"/>"
	    "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\""
	    " w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n",
	    PAGE_WIDTH, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN);
	xbuf_puts(&d.notes, "</w:footnotes>\n");
	document = xbuf_finish(&d.body);
	notes = xbuf_finish(&d.notes);
	if (!(z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr))) {
		free(document);
		free(notes);
		return error_set(err, STATUS_IO, "cannot write the document '%s' (zip error %d)",
		    path, zerr);
	}
	ok = add_const(z, "[Content_Types].xml", content_types) &&
	    add_const(z, "_rels/.rels", package_rels) &&
	    add_const(z, "docProps/core.xml", core_props) &&
	    add_const(z, "word/_rels/document.xml.rels", document_rels) &&
	    add_const(z, "word/styles.xml", styles) &&
	    add_const(z, "word/settings.xml", settings);
	if (ok)
		ok = add_part(z, "word/document.xml", document, strlen(document));
	else
		free(document);
	if (ok)
		ok = add_part(z, "word/footnotes.xml", notes, strlen(notes));
	else
		free(notes);
	if (!ok) {
		enum status status = error_set(err, STATUS_IO, "cannot write the document '%s': %s",
		    path, zip_strerror(z));

		zip_discard(z);
		return status;
	}
	if (zip_close(z) != 0) {
		enum status status = error_set(err, STATUS_IO, "cannot write the document '%s': %s",
		    path, zip_strerror(z));

		zip_discard(z);
		return status;
	}
	return STATUS_OK;
}
