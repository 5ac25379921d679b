/*
 * xref: references inside a passage to other vragen of the same set
 * ("Zie het antwoord op vraag 1.", "Zie de antwoorden op de vragen 2, 6 en
 * 8.", "de vragen 3 tot en met 5").
 *
 * A mention of a vraag that does not refer to its answer is not a
 * reference.
 */
#ifndef NAAST_XREF_H
#define NAAST_XREF_H

#include <stddef.h>

struct xref {
	int vraag;		/* the vraag whose answer is referred to */
	size_t start, end;	/* the referring words, bytes of the passage text */
};

/*
 * Finds the references in text.  Returns their number and stores a newly
 * allocated array (in text order, one entry per vraag) in *refs.
 */
size_t xref_scan(const char *text, struct xref **refs);

#endif
