/*
 * fingerprint: MinHash signatures of a document's words.  See
 * fingerprint.h.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"
#include "text.h"
#include "xalloc.h"

/*
 * One 64-bit hash per shingle, then one cheap permutation of it per slot
 * (splitmix64 of the hash and the slot's seed): a fingerprint costs
 * FINGERPRINT_SLOTS multiplications per word, nothing next to parsing.
 */
static uint64_t
mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint64_t
hash_word(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Letters and digits, and every byte of a character past ASCII. */
static bool
word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

struct shingler {
	struct fingerprint *fp;
	uint64_t last[FINGERPRINT_SHINGLE];	/* the last words' hashes */
};

/*
 * The 64 slots of a shingle are 64 independent multiplications of 64-bit
 * numbers: a tenth of an import.  Where the processor has AVX-512 (its
 * vpmullq multiplies 8 of them at once) the compiler makes a second copy
 * of add_shingle for it, picked when the program starts; the same
 * numbers, in half the time.
 */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11 && \
    defined(__x86_64__) && defined(__linux__)
#define FINGERPRINT_CLONES \
	__attribute__((target_clones("arch=x86-64-v4", "default")))
#else
#define FINGERPRINT_CLONES
#endif

FINGERPRINT_CLONES
static void
add_shingle(struct fingerprint *fp, const uint64_t *words, size_t n)
{
	uint64_t h = 0;

	for (size_t i = 0; i < n; i++)
		h = mix(h ^ words[i]);
	for (size_t s = 0; s < FINGERPRINT_SLOTS; s++) {
		uint32_t v = (uint32_t)(mix(h ^ (0x2545f4914f6cdd1dULL * (s + 1))) >> 32);

		if (v < fp->slot[s])
			fp->slot[s] = v;
	}
}

static void
add_word(struct shingler *sh, const char *w, size_t n)
{
	struct fingerprint *fp = sh->fp;
	size_t k = FINGERPRINT_SHINGLE;
	bool digits = true;

	for (size_t i = 0; i < n && digits; i++)
		digits = w[i] >= '0' && w[i] <= '9';
	/* Page numbers and footnote markers come and go with the layout. */
	if (digits)
		return;
	memmove(sh->last, sh->last + 1, (k - 1) * sizeof(*sh->last));
	sh->last[k - 1] = hash_word(w, n);
	if (++fp->words >= k)
		add_shingle(fp, sh->last, k);
}

static void
add_text(struct shingler *sh, const char *text)
{
	char *folded = text_fold(text ? text : "", TEXT_FOLD_CASE | TEXT_FOLD_MARKS);
	const char *p = folded;

	while (*p) {
		size_t n = 0;

		while (*p && !word_byte((unsigned char)*p))
			p++;
		while (word_byte((unsigned char)p[n]))
			n++;
		if (n)
			add_word(sh, p, n);
		p += n;
	}
	free(folded);
}

static void
start(struct shingler *sh, struct fingerprint *out)
{
	memset(out, 0, sizeof(*out));
	memset(sh, 0, sizeof(*sh));
	for (size_t s = 0; s < FINGERPRINT_SLOTS; s++)
		out->slot[s] = UINT32_MAX;
	sh->fp = out;
}

/* A text shorter than a shingle is one shingle of all its words. */
static void
finish(struct shingler *sh)
{
	size_t n = sh->fp->words;

	if (n > 0 && n < FINGERPRINT_SHINGLE)
		add_shingle(sh->fp, sh->last + FINGERPRINT_SHINGLE - n, n);
}

void
fingerprint_texts(const char *const *texts, size_t n, struct fingerprint *out)
{
	struct shingler sh;

	start(&sh, out);
	for (size_t i = 0; i < n; i++)
		add_text(&sh, texts[i]);
	finish(&sh);
}

void
fingerprint_document(const struct document *doc, struct fingerprint *out)
{
	struct shingler sh;

	start(&sh, out);
	for (size_t i = 0; i < doc->n_passages; i++)
		if (doc->passages[i].role != ROLE_HEADER)
			add_text(&sh, doc->passages[i].text);
	finish(&sh);
}

void
fingerprint_pack(const struct fingerprint *fp, unsigned char out[FINGERPRINT_BYTES])
{
	for (size_t s = 0; s < FINGERPRINT_SLOTS; s++)
		for (size_t b = 0; b < 4; b++)
			out[s * 4 + b] = (unsigned char)(fp->slot[s] >> (8 * b));
}

bool
fingerprint_unpack(const void *bytes, size_t len, struct fingerprint *out)
{
	const unsigned char *p = bytes;
	bool empty = true;

	memset(out, 0, sizeof(*out));
	if (!p || len != FINGERPRINT_BYTES)
		return false;
	for (size_t s = 0; s < FINGERPRINT_SLOTS; s++) {
		out->slot[s] = 0;
		for (size_t b = 0; b < 4; b++)
			out->slot[s] |= (uint32_t)p[s * 4 + b] << (8 * b);
		empty = empty && out->slot[s] == UINT32_MAX;
	}
	/* How many words is not stored: only whether there were any. */
	out->words = empty ? 0 : 1;
	return true;
}

double
fingerprint_similarity(const struct fingerprint *a, const struct fingerprint *b)
{
	size_t same = 0;

	if (a->words == 0 || b->words == 0)
		return 0;
	for (size_t s = 0; s < FINGERPRINT_SLOTS; s++)
		same += a->slot[s] == b->slot[s];
	return (double)same / FINGERPRINT_SLOTS;
}
