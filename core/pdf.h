/*
 * pdf: the text of a PDF, as naast's pdftext parser reads it.
 *
 * naast does not read PDF itself: poppler's pdftotext (Debian package
 * poppler-utils) does, in its -layout mode, run as a child process
 * without a shell.  The PDF's bytes go to its standard input and the text
 * comes back on a pipe, so that no file name is ever parsed as an option
 * or by a shell.  See pdf.c for why pdftotext and why -layout.
 *
 * Memory: *text is allocated, NUL-terminated, and the caller's.
 */
#ifndef NAAST_PDF_H
#define NAAST_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* The program that extracts the text, looked up in PATH. */
#define PDF_TOTEXT "pdftotext"
/* The Debian package that has it, for messages. */
#define PDF_PACKAGE "poppler-utils"

/* True when data begins like a PDF file ("%PDF-", maybe after a little junk). */
bool pdf_is_pdf(const char *data, size_t len);

/*
 * How long pdftotext may take on one PDF.  The longest published answers,
 * annexes included, take a few seconds; a damaged file can keep it busy
 * for minutes, with naast waiting and, in a many-file import, the next
 * files too.
 */
#define PDF_SECONDS 60

/*
 * And the memory it may take (its address space).  The published PDFs
 * take 11 MB; a PDF of nested form objects took 1.5 GB.
 */
#define PDF_MEMORY (512u << 20)

/*
 * The text of the PDF data[0, len) in pdftotext's -layout form (UTF-8,
 * pages separated by form feeds).  Fails with STATUS_IO when pdftotext is
 * missing or cannot run (the message names the package), STATUS_FORMAT
 * when it cannot read the PDF or finds no text in it (a scan), with its
 * own reason when it gives one, or when it takes longer than PDF_SECONDS
 * (pdf_extract_within: seconds), after which it is killed, or more memory
 * than PDF_MEMORY.  A signal that ends naast while it runs ends it too.
 */
enum status pdf_extract(const char *data, size_t len, char **text,
    size_t *text_len, struct error *err);
enum status pdf_extract_within(const char *data, size_t len,
    unsigned seconds, char **text, size_t *text_len, struct error *err);

#endif
