/*
 * xref: references inside a passage.
 *
 * To other vragen of the same set ("Zie het antwoord op vraag 1.", "Zie de
 * antwoorden op de vragen 2, 6 en 8.", "de vragen 3 tot en met 5"): one
 * entry per vraag.  A mention of a vraag that does not refer to its answer
 * is not a reference, nor is the answer to a vraag of another publication
 * ("het antwoord op vraag 3 (Aanhangsel Handelingen II 2023/24, nr. 1059)").
 *
 * To other publications in the Aanhangsel van de Handelingen ("Zie ook
 * Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047", "Aanhangsel
 * Handelingen II 2023/24, nr. 1059", "Aanhangsel van de Handelingen, nr.
 * 1047"): one entry per number and vergaderjaar, with vraag 0.  The word
 * "Aanhangsel" without a number of it ("Aanhangsel 2", a page) is not a
 * reference.  Kamerstukken ("Kamerstuk 36 200 VII, nr. 12") are another
 * series with their own numbers and are not read yet.
 *
 * Memory: the array is one allocation (no pointers inside); free() it.
 */
#ifndef NAAST_XREF_H
#define NAAST_XREF_H

#include <stddef.h>

struct xref {
	int vraag;		/* the vraag whose answer is referred to; 0: a publication */
	size_t start, end;	/* the referring words, bytes of the passage text */
	int nr;			/* a publication's Aanhangsel number; 0 for a vraag */
	char vergaderjaar[16];	/* a publication's, as written ("2023–2024", "2023/24"); "" when not given */
};

/*
 * Finds the references in text.  Returns their number and stores a newly
 * allocated array (in text order) in *refs.
 */
size_t xref_scan(const char *text, struct xref **refs);

#endif
