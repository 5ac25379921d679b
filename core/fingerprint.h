/*
 * fingerprint: what a document says, as a short signature that two forms
 * of the same text share (its PDF, the text pdftotext makes of it, a
 * Markdown conversion), however each is wrapped and whatever page
 * furniture or footnote markers one of them kept.
 *
 * The text of every passage but the header is folded (case, diacritics,
 * typography), cut into words (runs of letters and digits; numbers alone,
 * page numbers and footnote markers among them, are left out) and read as
 * shingles of FINGERPRINT_SHINGLE words; the signature is the MinHash of
 * that set of shingles, FINGERPRINT_SLOTS values, and the share of equal
 * values of two signatures estimates the share of shingles the two texts
 * have in common (their Jaccard similarity), within some 0.06.
 *
 * A signature is stored as FINGERPRINT_BYTES bytes, little-endian, so
 * that it reads the same on every machine.
 */
#ifndef NAAST_FINGERPRINT_H
#define NAAST_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

#define FINGERPRINT_SHINGLE 4
#define FINGERPRINT_SLOTS 64
#define FINGERPRINT_BYTES (FINGERPRINT_SLOTS * 4)

struct fingerprint {
	uint32_t slot[FINGERPRINT_SLOTS];
	size_t words;		/* how many words it was made of; 0: none */
};

/* The fingerprint of the n texts, read one after another. */
void fingerprint_texts(const char *const *texts, size_t n, struct fingerprint *out);
/* The fingerprint of a document: its passages but the header. */
void fingerprint_document(const struct document *doc, struct fingerprint *out);

/* As stored, and back; false when bytes are not a stored fingerprint. */
void fingerprint_pack(const struct fingerprint *fp,
    unsigned char out[FINGERPRINT_BYTES]);
bool fingerprint_unpack(const void *bytes, size_t len, struct fingerprint *out);

/*
 * How alike two texts are, in [0, 1]: the estimated share of their
 * shingles that they have in common.  0 when either has no words.
 */
double fingerprint_similarity(const struct fingerprint *a,
    const struct fingerprint *b);

#endif
