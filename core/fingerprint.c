/*
 * fingerprint: MinHash signatures of a document's words.  See
 * fingerprint.h.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"
#include "scan.h"
#include "text.h"
#include "xalloc.h"

/*
 * One 64-bit hash per shingle, then one cheap permutation of it per slot
 * (splitmix64 of the hash and the slot's seed): a fingerprint costs
 * 2 * FINGERPRINT_SLOTS multiplications per word (add_shingle).
 */
static uint64_t
mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
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
 * numbers: a tenth of an import.  The compiler makes copies of
 * add_shingle for processors with AVX-512 (its vpmullq multiplies 8 of
 * them at once) and with AVX2 (4 at once, each from three 32-bit
 * products), picked when the program starts, and vectorises them as at
 * -O3: the same numbers, in 0.65 of the time with AVX2.
 */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11 && \
    defined(__x86_64__) && defined(__linux__)
#define FINGERPRINT_CLONES \
	__attribute__((optimize("O3"), \
	    target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
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

/* One more word, by its hash (scan_hash) and whether it is all digits. */
static void
add_hashed(struct shingler *sh, uint64_t h, bool digits)
{
	struct fingerprint *fp = sh->fp;
	size_t k = FINGERPRINT_SHINGLE;

	/* Page numbers and footnote markers come and go with the layout. */
	if (digits)
		return;
	memmove(sh->last, sh->last + 1, (k - 1) * sizeof(*sh->last));
	sh->last[k - 1] = h;
	if (++fp->words >= k)
		add_shingle(fp, sh->last, k);
}

/* The words of folded text. */
static void
add_words(struct shingler *sh, const char *p)
{
	while (*p) {
		size_t n = 0;
		bool digits = true;

		while (*p && !word_byte((unsigned char)*p))
			p++;
		while (word_byte((unsigned char)p[n])) {
			digits = digits && p[n] >= '0' && p[n] <= '9';
			n++;
		}
		if (n)
			add_hashed(sh, scan_hash(p, n), digits);
		p += n;
	}
}

static bool
ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * The words of a run of ASCII without white space, folded as text_fold
 * folds it: letters lowered, controls dropped (a word goes on across
 * one), hashed as they come.
 */
static void
add_ascii(struct shingler *sh, const unsigned char *p, size_t n)
{
	uint64_t h = SCAN_HASH_START;
	bool digits = true, in_word = false;

	for (size_t i = 0; i <= n; i++) {
		unsigned char c = i < n ? p[i] : ' ';	/* a space ends the last word */

		if (c < 0x20 || c == 0x7F)
			continue;	/* text_fold drops controls */
		if (word_byte(c)) {
			c = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 'a' - 'A') : c;
			h = scan_hash_byte(h, c);
			digits = digits && c >= '0' && c <= '9';
			in_word = true;
		} else if (in_word) {
			add_hashed(sh, h, digits);
			h = SCAN_HASH_START;
			digits = true;
			in_word = false;
		}
	}
}

/*
 * The words of text_fold(text) with case and marks, without making it:
 * text between ASCII white space folds on its own (text.h), and a word
 * never goes on across a space.  Only a run with a character past ASCII
 * is folded, alone.
 */
static void
add_text(struct shingler *sh, const char *text)
{
	const unsigned char *p = (const unsigned char *)(text ? text : "");

	while (*p) {
		const unsigned char *w;
		bool ascii = true;

		while (ascii_space(*p))
			p++;
		for (w = p; *p && !ascii_space(*p); p++)
			ascii = ascii && *p < 0x80;
		if (p == w)
			continue;
		if (ascii) {
			add_ascii(sh, w, (size_t)(p - w));
		} else {
			char *run = xstrndup((const char *)w, (size_t)(p - w));
			char *folded = text_fold(run, TEXT_FOLD_CASE | TEXT_FOLD_MARKS);

			add_words(sh, folded);
			free(folded);
			free(run);
		}
	}
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
