/*
 * export: passages with where they come from, in the form a civil servant
 * pastes into a note for the minister (DESIGN.md section 7).
 *
 * An export item is one passage and everything its citation needs; the
 * store fills items (store_export_items, store_export_set) and this module
 * only formats them, so it is tested without a database.  Every text from
 * a document is sanitised (text_sanitize) before it is written, in every
 * format: an exported file may be shown with cat later.
 *
 * A basket of several sets is grouped by set, under the set's heading,
 * and within a set by vraag, each group where its first passage stood.
 * An answer passage that refers to the answer to another vraag ("zie het
 * antwoord op vraag 1") carries that answer with it (its refs, filled by
 * store_export_refs), quoted with its own citation, unless the export
 * holds that answer already.
 *
 * docx and xlsx are zip archives: export_write writes them whole into a
 * temporary file of its own first (their libraries write only to files)
 * and copies that to fp.
 *
 * Memory: an item owns all its strings and arrays, its refs included;
 * free an array of items with export_items_free.
 */
#ifndef NAAST_EXPORT_H
#define NAAST_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model.h"
#include "status.h"

#define EXPORT_FORMAT_INFO(_) \
	_(MD,   "md",   N_("Markdown: a heading per vraag, each passage quoted with its citation")) \
	_(TXT,  "txt",  N_("Plain text: the same without marks, wrapped at 72 columns")) \
	_(CSV,  "csv",  N_("CSV (RFC 4180, UTF-8): one row per passage, for a spreadsheet")) \
	_(JSON, "json", N_("JSON: an array of passages with all their metadata")) \
	_(HTML, "html", N_("HTML: a page with the answers side by side, for a word processor")) \
	_(DOCX, "docx", N_("Word: a heading per set and vraag, each passage quoted, its citation a footnote")) \
	_(XLSX, "xlsx", N_("Excel: one row per passage with its set, vraag, ministry, dates and citation"))

enum export_format {
#define EXPORT_FORMAT_ENUM(name, ext, help) EXPORT_##name,
	EXPORT_FORMAT_INFO(EXPORT_FORMAT_ENUM)
#undef EXPORT_FORMAT_ENUM
};

/* How many formats there are: the prompt's Tab goes round them all. */
enum {
#define EXPORT_FORMAT_ONE(name, ext, help) + 1
	EXPORT_FORMAT_COUNT = 0 EXPORT_FORMAT_INFO(EXPORT_FORMAT_ONE)
#undef EXPORT_FORMAT_ONE
};

struct export_item;

/* The answer to another vraag that a passage refers to, in the same document. */
struct export_ref {
	int vraag;		/* "zie het antwoord op vraag 1": 1 */
	struct export_item *items;	/* that answer's paragraphs */
	size_t n_items;
};

struct export_item {
	long long passage;
	long long doc;
	enum doc_kind kind;	/* of the document */
	enum role role;
	int vraag, vraag_to;	/* of the passage; 0 when none */
	char *text;		/* without footnote markers */
	struct footnote *footnotes;	/* the passage's, with where their markers stood */
	size_t n_footnotes;
	/*
	 * A footnote (role ROLE_FOOTNOTE): its marker ("1") and the role of
	 * the passage it belongs to, whose vraag and paragraph it has.
	 * Else NULL and ROLE_OTHER.
	 */
	char *marker;
	enum role note_of;
	char *note;		/* the user's note in the basket; NULL when none */

	/* The question set (answers and questions); set 0 when none. */
	long long set;
	char *subject;
	struct questioner *questioners;
	size_t n_questioners;
	char submitted[DATE_ISO_SIZE];	/* ISO date or "" */
	char *vraag_text;	/* the canonical text of vraag; NULL when none */
	struct footnote *vraag_footnotes;	/* its footnotes, placed in vraag_text */
	size_t n_vraag_footnotes;

	/* The answer. */
	char ministry[MINISTRY_CODE_SIZE];	/* "" when none */
	struct signatory *signatories;
	size_t n_signatories;
	char received[DATE_ISO_SIZE];	/* ISO date or "" */
	int aanhangsel;		/* 0 when unknown */
	/* As the document prints it with that number, "2023/24"; "" if not. */
	char vergaderjaar[DATE_VERGADERJAAR_SIZE];
	enum chamber chamber;	/* its number is of the Eerste Kamer: "Handelingen I" */
	/* The open data's KOOP id ("ah-tk-20232024-1059"); "" when not fetched. */
	char koop_id[48];

	/* A letter. */
	char **addressees;
	size_t n_addressees;
	int paragraph;		/* the passage is body paragraph n (1-based); 0: not a body paragraph */

	char *origin;		/* the file it was imported from */

	/* The answers it refers to (store_export_refs); none when not asked. */
	struct export_ref *refs;
	size_t n_refs;
};

void export_items_free(struct export_item *items, size_t n);

/* The format called name ("md", any case); false when there is none. */
bool export_format_from_name(const char *name, enum export_format *out);
const char *export_format_name(enum export_format format);
/* What a format gives, one line for a help text. */
const char *export_format_help(enum export_format format);
/* "md, txt, csv, json, html, docx, xlsx", for messages. */
const char *export_format_list(void);
/* The format is a binary file (docx, xlsx), not text for a terminal. */
bool export_format_is_binary(enum export_format format);

/*
 * The citation of an item, one sentence or two, as DESIGN.md section 7
 * gives it: "Antwoord van Minister-President Rutte (Algemene Zaken),
 * ontvangen 15 februari 2024, op vraag 8 van het lid Eerdmans (JA21) over
 * ... (ingezonden 29 januari 2024). Aanhangsel Handelingen II 2023/24,
 * nr. 1059."  Letters are cited with what they carry.  Caller frees.
 */
char *export_citation(const struct export_item *item);

/*
 * A file name for an export of items in the current directory, such as
 * "naast-eerdmans-2024-01-29-vraag8.md".  Caller frees.
 */
char *export_default_name(const struct export_item *items, size_t n,
    enum export_format format);

/*
 * How the answers to one vraag are laid out where a format chooses: one
 * after another, or side by side in a table of a column per answer (in
 * docx; html always puts them side by side).  The compare view exports
 * side by side.
 */
enum export_layout {
	EXPORT_IN_TURN,
	EXPORT_SIDE_BY_SIDE,
};

/*
 * Writes items to fp in format.  STATUS_IO with a message when writing
 * fails (a full disk); what was written then is the caller's to discard.
 */
enum status export_write(FILE *fp, enum export_format format,
    const struct export_item *items, size_t n, struct error *err);
/* The same in layout. */
enum status export_write_layout(FILE *fp, enum export_format format,
    enum export_layout layout, const struct export_item *items, size_t n,
    struct error *err);

/*
 * Writes items to the file path, whole or not at all: into a temporary
 * file beside it, renamed into place once complete.  An existing file is
 * kept unless force (STATUS_USAGE, which the interface turns into a
 * question), and when replaced its permissions stay; a directory, device,
 * named pipe or socket at path is never replaced, and it, a directory
 * that is missing or not writable, or a full disk gives STATUS_IO with a
 * message, and leaves nothing behind.
 */
enum status export_save(const char *path, bool force, enum export_format format,
    const struct export_item *items, size_t n, struct error *err);
/* The same in layout. */
enum status export_save_layout(const char *path, bool force, enum export_format format,
    enum export_layout layout, const struct export_item *items, size_t n,
    struct error *err);

#endif
