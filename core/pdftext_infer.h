/*
 * pdftext_infer: what the headings of a pdftotext text do not say, for
 * parse_pdftext (pdftext_infer.c): numbered questions, lost headings, the
 * questions under a combined heading, and a text flattened onto one line
 * cut into its lines.  It builds on pdftext_page and pdftext_lines and is
 * used by parse_pdftext only.  See pdftext_lines.h for the ctx.
 */
#ifndef NAAST_PDFTEXT_INFER_H
#define NAAST_PDFTEXT_INFER_H

#include <stdbool.h>

#include "pdftext_page.h"

void pdftext_infer_numbered(struct ctx *c);
void pdftext_infer_split_numbered(struct ctx *c);
void pdftext_infer_lost(struct ctx *c);
void pdftext_infer_split_combined(struct ctx *c);
bool pdftext_infer_unflatten(struct ctx *c);

#endif
