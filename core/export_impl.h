/*
 * export_impl: what the writers of export.c, export_docx.c and
 * export_xlsx.c share, so that every format groups, heads, cites and
 * carries references the same way.  Only those three files include it.
 *
 * Every function that returns a string returns a new, sanitised one
 * (text_sanitize) that the caller frees.
 */
#ifndef NAAST_EXPORT_IMPL_H
#define NAAST_EXPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "export.h"
#include "status.h"

/* The words an export writes around the documents' own (Dutch, as they are pasted). */
#define WORD_NOTE "Notitie"
#define WORD_LETTER "Brief"
#define WORD_FOOTNOTE "Voetnoot"

char *export_clean(const char *s);
/*
 * s made safe for an XML part (docx, xlsx): export_clean, and without
 * U+FFFE and U+FFFF, which are UTF-8 but no XML character (Word and
 * Excel refuse a file with them).
 */
char *export_clean_xml(const char *s);
/* Takes U+FFFE and U+FFFF out of the valid UTF-8 s, in place. */
void export_drop_nonchars(char *s);
/* The passage's text with its footnote markers "[1]" in place. */
char *export_marked(const struct export_item *it);
/* The item's vraag text with its footnote markers in place. */
char *export_marked_vraag(const struct export_item *it);
/* "[1] Kamerstuk 36 200 VII, nr. 5" */
char *export_footnote_line(const struct footnote *f);
/*
 * The next line of *rest, advancing *rest past it; NULL after the last.
 * Not sanitised: the caller's writer does that.
 */
char *export_next_line(const char **rest);
/* "Minister-President Rutte (Algemene Zaken); ..." as written. */
char *export_signatories_text(const struct export_item *it);

/*
 * The heading of the item's set: "Vragen van het lid Eerdmans (JA21) over
 * ... (ingezonden 29 januari 2024)".
 */
char *export_set_heading(const struct export_item *it);
/* The heading over the item's group: "Vraag 8", "Brief aan ...". */
char *export_heading(const struct export_item *it);
/* Every item is of one set: the export has one title, its heading. */
bool export_one_set(const struct export_item *items, size_t n);

/*
 * items in the order they are written: grouped by set (a letter by its
 * document), then by vraag, each group where its first item stood.  A
 * copy of the structs that shares their strings: free() it, nothing more.
 */
struct export_item *export_grouped(const struct export_item *items, size_t n);
/* The end of the run of items that share items[i]'s citation. */
size_t export_run_end(const struct export_item *items, size_t n, size_t i);
/* The end of the items under items[i]'s heading. */
size_t export_heading_end(const struct export_item *items, size_t n, size_t i);
/* Some item in [from, to) is the vraag itself. */
bool export_has_vraag_passage(const struct export_item *items, size_t from, size_t to);
/* The item is the vraag, or a footnote of it. */
bool export_of_vraag(const struct export_item *it);

/*
 * The references that the run [from, to) of items (all n of the export)
 * carries: each vraag once, and none whose answer the export holds
 * already.  Returns their number and a new array of pointers into the
 * items' refs in *out: free() it.
 */
size_t export_run_refs(const struct export_item *items, size_t n, size_t from,
    size_t to, const struct export_ref ***out);
/*
 * The answers items[i] refers to, as one text: the label, the passages
 * and the citation of each, on paragraphs of their own (its line breaks
 * kept; the rest sanitised).
 */
char *export_refs_text(const struct export_item *items, size_t n, size_t i);
/* "Het antwoord op vraag 1, waarnaar verwezen wordt:" */
char *export_ref_label(const struct export_ref *r);

/*
 * The heading of an answer's column in a side-by-side table: "Algemene
 * Zaken (AZ)", or the file's name when the answer has no ministry.
 */
char *export_column_heading(const struct export_item *it);
/*
 * The documents answering in [from, to) (not the vraag's own passages),
 * in the order they first appear, into docs (room for to - from);
 * returns their number.
 */
size_t export_answer_docs(const struct export_item *items, size_t from, size_t to,
    long long *docs);

/* Writes the (grouped) items to the file path in the zip formats. */
enum status export_docx_file(const char *path, enum export_layout layout,
    const struct export_item *items, size_t n, struct error *err);
enum status export_xlsx_file(const char *path, const struct export_item *items,
    size_t n, struct error *err);

#endif
