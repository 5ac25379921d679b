/*
 * grow: a mutator for the text targets (fuzz_parse, fuzz_import) that
 * grows inputs to the sizes naast imports, up to its limit of 8 MB of
 * text.  libFuzzer's own mutations change a few bytes at a time and
 * never take an input much past the size of its seeds (some 20 KB), so
 * what only a long document does (a thousand vragen, an answer of
 * megabytes, ten thousand footnotes, a line of a million bytes) was
 * never tried.
 *
 * Most of the time an input gets libFuzzer's own mutation
 * (LLVMFuzzerMutate).  Otherwise it grows: a line or a paragraph of the
 * input, or a piece of what naast's parsers look for (the headings Vraag
 * N and Antwoord N, the header lines of a set of questions and of the
 * answer, footnote markers and their notes, references to an answer,
 * the page furniture of the published PDFs), is written in a number of
 * times chosen log-uniformly between 1 and what fits, numbered on from
 * a random number where it has a number.  So sizes spread from a few
 * bytes more to the whole of max_size.  A crossover joins the head of
 * one input to the tail of another at line starts.
 *
 * Everything is decided by the seed libFuzzer passes, so a run replays
 * with the same -seed.  Linked only into fuzz/fuzz_parse and
 * fuzz/fuzz_import (never into the replay programs, which read files).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "xalloc.h"

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
    unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1,
    const uint8_t *data2, size_t size2, uint8_t *out, size_t max_out_size,
    unsigned int seed);

/* One mutation in GROW_ONE_IN grows the input. */
#define GROW_ONE_IN 5
/* The longest piece written in at once, and its numbers. */
#define PIECE_MAX 512

/*
 * What the parsers look for, "%u" where a number goes (numbered on with
 * each copy).  From parse_pdftext.c, parse_header.c, parse_letter.c,
 * parse_markdown.c, footnote.c and xref.c.
 */
static const char *const pieces[] = {
	"Vraag %u\n",
	"Vraag %u\nIs dat zo?\n\n",
	"Antwoord %u\n",
	"Antwoord %u\nJa, zie het antwoord op vraag %u.\n\n",
	"Vraag %u\nWat is de aanleiding?\n\nAntwoord %u\nNee.\n\n",
	"Vraag %u, %u en %u\n",
	"Antwoord op vraag %u\n",
	"Antwoord op de vragen %u tot en met %u\n",
	"Vragen %u en %u\n",
	"Vraag %u:\n",
	"Antwoord %u:\n",
	"Antwoord:\n",
	"%u\n",
	"%u.\n",
	"Aanhangsel van de Handelingen\n",
	"Vragen gesteld door de leden der Kamer, met de daarop door de "
	    "regering gegeven antwoorden\n\n%u\n",
	"Vragen van het lid Eerdmans (JA21) aan de Minister-President over "
	    "bijeen-\nkomsten met ambtenaren (ingezonden 29 januari 2024).\n\n",
	"Vragen van de leden Van der Plas en Omtzigt (NSC) aan de Minister "
	    "van Financi\xc3\xab" "n over de toeslagen (ingezonden %u februari "
	    "2024).\n\n",
	"Antwoord van Minister-President Rutte (Algemene Zaken) (ontvangen "
	    "15\nfebruari 2024).\n\n",
	"Antwoord van Staatssecretaris Van Rij (Financi\xc3\xab" "n \xe2\x80\x93 "
	    "Fiscaliteit en Douane), mede namens de Minister van Binnenlandse "
	    "Zaken en Koninkrijksrelaties (ontvangen %u maart 2024).\n\n",
	"Zie ook Aanhangsel Handelingen, vergaderjaar 2023\xe2\x80\x93" "2024, "
	    "nr. %u.\n",
	"zie het antwoord op vraag %u",
	"zie de antwoorden op de vragen %u tot en met %u",
	"Zijn er bijeenkomsten georganiseerd op departementaal niveau%u?\n",
	"%u https://www.rijksoverheid.nl\n",
	"%u Kamerstuk 36 410, nr. %u\n",
	"[^%u]",
	"[^%u]: Een voetnoot.\n",
	"\nah-tk-20232024-%u\nISSN 0921 - 7398\n's-Gravenhage 2024"
	    "                                   Aanhangsel Handelingen II "
	    "2023/24\n\n\x0c",
	"Aanhangsel Handelingen II 2023/24\n",
	"\x0c",
	"\n\n",
	"Het doel was CO2-\nuitstoot te bespreken. Dat is een samen-\n"
	    "werking van ministeries.\n",
	"uit-\n",
	"Geachte voorzitter,\n\n",
	"Met vriendelijke groet,\n\nDe Minister van Financi\xc3\xab" "n,\n\n",
	"Hoogachtend,\n",
	"## Vraag %u\n\n",
	"### Antwoord %u\n\n",
	"**Vraag %u**\n\n",
	"*Antwoord %u*\n\n",
	"- Is dat zo%u?\n",
	"\xe2\x80\x9c" "aanhalingsteken\xe2\x80\x9d ",
	"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
	    "eiusmod tempor incididunt ut labore et dolore magna aliqua ",
	"a-b ",
	"woord- ",
};

/* splitmix64: the numbers of one mutation, from libFuzzer's seed. */
struct rng {
	uint64_t s;
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* A number in [0, n), n > 0. */
static size_t
rng_below(struct rng *r, size_t n)
{
	return (size_t)(rng_next(r) % n);
}

/* A number in [1, max], log-uniform: as many between 1 and 10 as 1e5 and 1e6. */
static size_t
rng_log(struct rng *r, size_t max)
{
	unsigned bits = 0;
	size_t lo;

	if (max <= 1)
		return 1;
	while (bits < 63 && ((size_t)1 << (bits + 1)) <= max)
		bits++;
	lo = (size_t)1 << rng_below(r, bits + 1);
	/* [lo, 2 lo) cut at max */
	lo += rng_below(r, lo);
	return lo > max ? max : lo;
}

/* Where the line around data[i] begins. */
static size_t
line_start(const uint8_t *data, size_t i)
{
	while (i > 0 && data[i - 1] != '\n')
		i--;
	return i;
}

/* Where the line at data[i] ends, after its '\n' (or at size). */
static size_t
line_end(const uint8_t *data, size_t size, size_t i)
{
	const uint8_t *nl = memchr(data + i, '\n', size - i);

	return nl ? (size_t)(nl - data) + 1 : size;
}

/* The paragraph around data[i]: from after a blank line to after the next. */
static void
paragraph(const uint8_t *data, size_t size, size_t i, size_t *a, size_t *b)
{
	*a = line_start(data, i);
	while (*a >= 2 && !(data[*a - 1] == '\n' && data[*a - 2] == '\n'))
		*a = line_start(data, *a - 1);
	*b = line_end(data, size, i);
	while (*b < size && data[*b] != '\n')
		*b = line_end(data, size, *b);
	if (*b < size)
		(*b)++;
}

/*
 * The piece fmt into buf (PIECE_MAX bytes), each "%u" in it a number,
 * num and on; returns its length.
 */
static size_t
expand(char *buf, const char *fmt, unsigned num)
{
	size_t o = 0;

	for (const char *f = fmt; *f && o + 12 < PIECE_MAX; f++) {
		if (f[0] == '%' && f[1] == 'u') {
			o += (size_t)snprintf(buf + o, PIECE_MAX - o, "%u", num++);
			f++;
		} else {
			buf[o++] = *f;
		}
	}
	return o;
}

/*
 * Writes piece n times (a number in it counting on from num with each
 * copy) into out, at most room bytes; returns how many were written.
 */
static size_t
write_pieces(uint8_t *out, size_t room, const char *fmt, unsigned num,
    size_t n)
{
	char buf[PIECE_MAX];
	size_t o = 0;

	for (size_t k = 0; k < n; k++, num++) {
		size_t len = expand(buf, fmt, num);

		if (!len || len > room - o)
			break;
		memcpy(out + o, buf, len);
		o += len;
	}
	return o;
}

/* Grows data[0, size) within max_size; returns its new size. */
static size_t
grow(uint8_t *data, size_t size, size_t max_size, struct rng *r)
{
	size_t at = size ? line_start(data, rng_below(r, size)) : 0;
	size_t room = max_size - size, piece_len, n, added, cap;
	uint8_t *piece, *copies;
	unsigned num;
	int how = (int)rng_below(r, size ? 3 : 1);

	if (how == 0) {
		/* A piece of what the parsers look for. */
		const char *fmt = pieces[rng_below(r, COUNT(pieces))];

		/* Most numbers small, as in a document; some anything. */
		num = rng_below(r, 4) ? (unsigned)rng_log(r, 200) :
		    (unsigned)rng_next(r);
		char buf[PIECE_MAX];

		piece_len = expand(buf, fmt, num);
		if (!piece_len || piece_len > room)
			return size;
		n = rng_log(r, room / piece_len);
		/* later numbers may have more digits: 3 numbers of 10 at most */
		cap = n * (piece_len + 30);
		if (cap > room)
			cap = room;
		copies = xmalloc(cap);
		added = write_pieces(copies, cap, fmt, num, n);
	} else {
		/* A line or a paragraph of the input, as it is. */
		size_t i = rng_below(r, size), a, b;

		if (how == 1) {
			a = line_start(data, i);
			b = line_end(data, size, i);
		} else {
			paragraph(data, size, i, &a, &b);
		}
		piece_len = b - a;
		if (!piece_len || piece_len > room)
			return size;
		n = rng_log(r, room / piece_len);
		piece = data + a;
		copies = xmalloc(n * piece_len);
		for (size_t k = 0; k < n; k++)
			memcpy(copies + k * piece_len, piece, piece_len);
		added = n * piece_len;
	}
	memmove(data + at + added, data + at, size - at);
	memcpy(data + at, copies, added);
	free(copies);
	return size + added;
}

size_t
LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
    unsigned int seed)
{
	struct rng r = { seed };
	size_t grown;

	if (size < max_size && !rng_below(&r, GROW_ONE_IN) &&
	    (grown = grow(data, size, max_size, &r)) > size)
		return grown;
	return LLVMFuzzerMutate(data, size, max_size);
}

/* The head of one input up to a line start, the tail of the other from one. */
size_t
LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1,
    const uint8_t *data2, size_t size2, uint8_t *out, size_t max_out_size,
    unsigned int seed)
{
	struct rng r = { seed };
	size_t head = rng_below(&r, size1 + 1);
	size_t tail = rng_below(&r, size2 + 1);

	if (head < size1)
		head = line_start(data1, head);
	if (tail < size2)
		tail = line_start(data2, tail);
	if (head > max_out_size)
		head = max_out_size;
	if (size2 - tail > max_out_size - head)
		tail = size2 - (max_out_size - head);
	memcpy(out, data1, head);
	memcpy(out + head, data2 + tail, size2 - tail);
	return head + size2 - tail;
}
