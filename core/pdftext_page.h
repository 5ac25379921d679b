/*
 * pdftext_page: the page layer of the pdftext parser (pdftext_page.c):
 * the markers of the footnotes and the footnotes put into
 * their passages, the hyphens of words broken at a line end, and the words
 * of lines joined into the text of a passage.  It builds on pdftext_lines
 * and is used by pdftext_infer and parse_pdftext; nothing outside the
 * parser includes it.  See pdftext_lines.h for the ctx and its memory.
 */
#ifndef NAAST_PDFTEXT_PAGE_H
#define NAAST_PDFTEXT_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "pdftext_lines.h"

/*
 * Stands in a joined text for a footnote marker that was taken out, until
 * the text is final and the marker's offset can be read.  Not used when
 * the document itself contains it (ctx.placeholder).
 */
#define MARK_PLACEHOLDER '\x01'

bool pdftext_page_word_end(const char *s, size_t i, size_t n);
void pdftext_page_separations(struct ctx *c);
void pdftext_page_find_marks(struct ctx *c);
void pdftext_page_attach_notes(struct ctx *c);
void pdftext_page_collect_hyphenated(struct ctx *c);

/* The words of lines idx[0, n) as one squeezed NFC line, markers out. */
char *pdftext_page_join(const struct ctx *c, const size_t *idx, size_t n);
/*
 * The same, and *hits gets the markers taken out, in order, with where
 * each stood in the text (*at, same order); both are the caller's.
 */
char *pdftext_page_join_marked(const struct ctx *c, const size_t *idx,
    size_t n, size_t **hits, size_t **at, size_t *n_hits);

#endif
