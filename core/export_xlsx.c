/*
 * export_xlsx: the export as an Excel workbook, one row per passage
 * (libxlsxwriter).  See export.h.
 *
 * A header row that stays in view (frozen panes) and filters, columns as
 * wide as what they hold, long texts wrapped.  Dates are dates, numbers
 * numbers, so that a user sorts and filters them as such.  Signatories
 * are as the document writes them; the citation is the one every other
 * format gives, word for word.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "export.h"
#include "export_impl.h"
#include "xalloc.h"

/* Excel keeps at most 32767 characters in a cell; bytes are fewer. */
#define CELL_MAX 32000

enum column {
	COL_SET, COL_VRAAG, COL_MINISTRY, COL_SIGNATORIES, COL_SUBMITTED,
	COL_RECEIVED, COL_AANHANGSEL, COL_TEXT, COL_CITATION, COL_NOTE, COL_REFS,
	COL_COUNT
};

static const struct {
	const char *title;
	double width;		/* in characters */
} columns[COL_COUNT] = {
	[COL_SET] = { "Set", 40 },
	[COL_VRAAG] = { "Vraag", 7 },
	[COL_MINISTRY] = { "Ministerie", 11 },
	[COL_SIGNATORIES] = { "Ondertekenaar", 36 },
	[COL_SUBMITTED] = { "Ingezonden", 12 },
	[COL_RECEIVED] = { "Ontvangen", 12 },
	[COL_AANHANGSEL] = { "Aanhangsel", 11 },
	[COL_TEXT] = { "Passage", 80 },
	[COL_CITATION] = { "Bronvermelding", 60 },
	[COL_NOTE] = { "Notitie", 30 },
	[COL_REFS] = { "Verwijzing", 60 },
};

struct sheet {
	lxw_worksheet *ws;
	lxw_format *wrap, *date;
	lxw_error failed;	/* the first error */
};

static void
check(struct sheet *sh, lxw_error e)
{
	if (e != LXW_NO_ERROR && sh->failed == LXW_NO_ERROR)
		sh->failed = e;
}

/* A string cell, cut at CELL_MAX bytes on a character's start ("…" marks it). */
static void
cell_safe(struct sheet *sh, lxw_row_t row, enum column col, const char *s)
{
	size_t len = s ? strlen(s) : 0, cut = CELL_MAX;
	char *clipped;

	if (len == 0)
		return;
	if (len <= CELL_MAX) {
		check(sh, worksheet_write_string(sh->ws, row, (lxw_col_t)col, s, sh->wrap));
		return;
	}
	while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
		cut--;
	clipped = xasprintf("%.*s…", (int)cut, s);
	check(sh, worksheet_write_string(sh->ws, row, (lxw_col_t)col, clipped, sh->wrap));
	free(clipped);
}

/* A string cell, made safe for XML (export_clean_xml) first. */
static void
cell(struct sheet *sh, lxw_row_t row, enum column col, const char *s)
{
	char *safe = export_clean_xml(s);

	cell_safe(sh, row, col, safe);
	free(safe);
}

/* The same, and frees s. */
static void
cell_free(struct sheet *sh, lxw_row_t row, enum column col, char *s)
{
	cell(sh, row, col, s);
	free(s);
}

/* An ISO date "2024-01-29" as a date cell; nothing when there is none. */
static void
cell_date(struct sheet *sh, lxw_row_t row, enum column col, const char *iso)
{
	lxw_datetime dt = { 0 };

	if (sscanf(iso, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) != 3)
		return;
	check(sh, worksheet_write_datetime(sh->ws, row, (lxw_col_t)col, &dt, sh->date));
}

static void
write_row(struct sheet *sh, lxw_row_t row, const struct export_item *items, size_t n,
    size_t i)
{
	const struct export_item *it = &items[i];
	char *refs;

	cell_free(sh, row, COL_SET, it->set > 0 ? export_set_heading(it) : export_heading(it));
	if (it->vraag > 0 && it->vraag_to > it->vraag)
		cell_free(sh, row, COL_VRAAG, xasprintf("%d-%d", it->vraag, it->vraag_to));
	else if (it->vraag > 0)
		check(sh, worksheet_write_number(sh->ws, row, COL_VRAAG, it->vraag, sh->wrap));
	cell(sh, row, COL_MINISTRY, it->ministry);
	cell_free(sh, row, COL_SIGNATORIES, export_signatories_text(it));
	cell_date(sh, row, COL_SUBMITTED, it->submitted);
	cell_date(sh, row, COL_RECEIVED, it->received);
	if (it->aanhangsel > 0)
		check(sh, worksheet_write_number(sh->ws, row, COL_AANHANGSEL, it->aanhangsel,
		    sh->wrap));
	cell_free(sh, row, COL_TEXT, export_marked(it));
	cell_free(sh, row, COL_CITATION, export_citation(it));
	if (it->note)
		cell_free(sh, row, COL_NOTE, xstrdup(it->note));
	/* Its line breaks kept (export_clean would fold them): only the noncharacters go. */
	refs = export_refs_text(items, n, i);
	export_drop_nonchars(refs);
	cell_safe(sh, row, COL_REFS, refs);
	free(refs);
}

enum status
export_xlsx_file(const char *path, const struct export_item *items, size_t n,
    struct error *err)
{
	lxw_workbook_options options = { .constant_memory = LXW_FALSE };
	lxw_workbook *wb = workbook_new_opt(path, &options);
	struct sheet sh = { 0 };
	lxw_format *head;
	lxw_error e;

	if (!wb)
		return error_set(err, STATUS_IO, "cannot write the workbook '%s'", path);
	sh.ws = workbook_add_worksheet(wb, "Passages");
	head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bottom(head, LXW_BORDER_THIN);
	sh.wrap = workbook_add_format(wb);
	format_set_text_wrap(sh.wrap);
	format_set_align(sh.wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(sh.wrap, LXW_ALIGN_LEFT);
	sh.date = workbook_add_format(wb);
	format_set_num_format(sh.date, "d-m-yyyy");
	format_set_align(sh.date, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(sh.date, LXW_ALIGN_LEFT);
	for (int c = 0; c < COL_COUNT; c++) {
		check(&sh, worksheet_set_column(sh.ws, (lxw_col_t)c, (lxw_col_t)c,
		    columns[c].width, NULL));
		check(&sh, worksheet_write_string(sh.ws, 0, (lxw_col_t)c, columns[c].title, head));
	}
	for (size_t i = 0; i < n; i++)
		write_row(&sh, (lxw_row_t)(i + 1), items, n, i);
	worksheet_freeze_panes(sh.ws, 1, 0);
	check(&sh, worksheet_autofilter(sh.ws, 0, 0, (lxw_row_t)n, COL_COUNT - 1));
	workbook_set_properties(wb, &(lxw_doc_properties){ .author = "naast" });
	e = workbook_close(wb);
	if (sh.failed != LXW_NO_ERROR)
		e = sh.failed;
	if (e != LXW_NO_ERROR)
		return error_set(err, STATUS_IO, "cannot write the workbook '%s': %s", path,
		    lxw_strerror(e));
	return STATUS_OK;
}
