/*
 * test_fingerprint: two forms of one text share their fingerprint
 * (rewrapped, hyphenated at a line end, with page furniture and footnote
 * markers of their own); two different answers to the same vragen do not.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fingerprint.h"
#include "testutil.h"

static const char *const pdf[] = {
	"Bent u bekend met het bericht dat de bouw van windparken op zee twee "
	"jaar vertraging oploopt?",
	"Ja. De netbeheerder heeft de Kamer op 12 maart geïnformeerd over de "
	"nieuwe planning van de aansluiting op het net, en over wat zij doet "
	"om de vertraging in te lopen.",
	"De vertraging komt vooral door de levering van kabels en "
	"transformatoren, waarvan de wachttijden wereldwijd zijn opgelopen. "
	"Daarnaast duurt de vergunningverlening voor de landtracés langer dan "
	"voorzien, omdat meer zienswijzen zijn ingediend.",
};

/* The same words as a conversion prints them. */
static const char *const conversion[] = {
	"Bent u bekend met het bericht dat de bouw van windparken op zee\ntwee "
	"jaar vertraging oploopt? [1 ]",
	"Ja. De netbeheerder heeft de Kamer op 12 maart geïnfor- meerd over de "
	"nieuwe planning van de aansluiting op het net, en over wat zij doet "
	"om de vertraging in te lopen.",
	"De vertraging komt vooral door de levering van kabels en "
	"transformatoren, waarvan de wachttijden wereldwijd zijn opgelopen.",
	"2",
	"Daarnaast duurt de vergunningverlening voor de landtracés langer dan "
	"voorzien, omdat meer zienswijzen zijn ingediend.",
};

/* Another answer to the same vragen. */
static const char *const other[] = {
	"Bent u bekend met het bericht dat de bouw van windparken op zee twee "
	"jaar vertraging oploopt?",
	"Nee. Het bericht gaat over een ander park, waarvan de bouw volgens "
	"plan verloopt en na de zomer begint.",
	"Er is geen vertraging: de kabels zijn geleverd en de vergunningen "
	"zijn verleend.",
};

static void
test_forms_alike(void **state)
{
	struct fingerprint a, b, c;

	(void)state;
	fingerprint_texts(pdf, 3, &a);
	fingerprint_texts(conversion, 5, &b);
	fingerprint_texts(other, 3, &c);
	assert_true(a.words > 50);
	/* a broken word costs a few shingles, nothing else does */
	assert_true(fingerprint_similarity(&a, &b) >= 0.8);
	assert_true(fingerprint_similarity(&a, &a) == 1);
	/* the vraag is shared, the answer is not */
	assert_true(fingerprint_similarity(&a, &c) < 0.4);
}

static void
test_case_marks_and_wrapping(void **state)
{
	static const char *const one[] = { "Één  zin over de   Rijksoverheid, met ‘aanhalingstekens’." };
	static const char *const two[] = { "een zin over de\nrijksoverheid met 'aanhalingstekens'" };
	struct fingerprint a, b;

	(void)state;
	fingerprint_texts(one, 1, &a);
	fingerprint_texts(two, 1, &b);
	assert_true(fingerprint_similarity(&a, &b) == 1);
}

/* Nothing to go by is never alike: not even to itself. */
static void
test_empty(void **state)
{
	static const char *const numbers[] = { "1", "2 3", "" };
	static const char *const ja[] = { "Ja." };
	struct fingerprint a, b;

	(void)state;
	fingerprint_texts(numbers, 3, &a);
	assert_int_equal(a.words, 0);
	assert_true(fingerprint_similarity(&a, &a) == 0);
	/* a text shorter than a shingle is one shingle */
	fingerprint_texts(ja, 1, &b);
	assert_int_equal(b.words, 1);
	assert_true(fingerprint_similarity(&b, &b) == 1);
}

/*
 * The numbers themselves: the store keeps every document's fingerprint,
 * so a fingerprint must come out the same from every build of naast, on
 * every processor (add_shingle has a copy for AVX-512), as in the first:
 * of plain words, and of words with what folding changes or drops
 * (case, diacritics, ß, a ligature, typography, controls, a no-break
 * space).
 */
static const uint32_t pinned_plain[FINGERPRINT_SLOTS] = {
	0x0862ce9du, 0x0122cc0cu, 0x094696d8u, 0x04684fbeu, 0x0fe3671bu,
	0x01abc6c1u, 0x0441c93cu, 0x13da8f8bu, 0x0920b315u, 0x0a737f08u,
	0x0fea5e3fu, 0x1143a301u, 0x20633c2du, 0x09bb3aa3u, 0x0a37555eu,
	0x2e77836au, 0x21320c2cu, 0x01d91bd4u, 0x0088b3f2u, 0x08954098u,
	0x04fd56dbu, 0x02461aeeu, 0x2853a160u, 0x0e279950u, 0x10aa9d39u,
	0x0705a8fau, 0x002a6858u, 0x0bc27de5u, 0x020992e4u, 0x0c661c75u,
	0x0d0ca15fu, 0x00d7e2c1u, 0x160d33f5u, 0x20232245u, 0x17fdf7e3u,
	0x0611adebu, 0x110753d8u, 0x056dfcd8u, 0x0cd2be72u, 0x0c61579du,
	0x039b235fu, 0x3e071f5du, 0x045b88e8u, 0x1e304d47u, 0x19229ce8u,
	0x0f0f873au, 0x125d6885u, 0x2b90a591u, 0x02284a94u, 0x0b03468cu,
	0x03c8c1ceu, 0x110519fbu, 0x0ca74a91u, 0x141c71e4u, 0x186afa7bu,
	0x052ea599u, 0x08ebd0feu, 0x045d1e70u, 0x027c004cu, 0x0ad73d60u,
	0x1252cb69u, 0x0d93fe38u, 0x1868224cu, 0x0313877eu
};

static const uint32_t pinned_folded[FINGERPRINT_SLOTS] = {
	0x05eb4ac8u, 0x3be26aa2u, 0x127f4d10u, 0x049b86c4u, 0x0aeb2a78u,
	0x032a067du, 0x258c1630u, 0x02812ff9u, 0x26a2a20au, 0x620fa0a0u,
	0x2315d803u, 0x081ec840u, 0x4095941du, 0x1022f0c9u, 0x15c1f7e5u,
	0x0d55b71eu, 0x05c6221du, 0x4e5c123eu, 0x07c05ff5u, 0x23d52ed4u,
	0x06c48a6fu, 0x0248a2d0u, 0x106f12deu, 0x0d7ec734u, 0x1ff47c79u,
	0x2d99a092u, 0x1d229737u, 0x0f29d34bu, 0x173105a8u, 0x1fbe93b1u,
	0x2b2dfaa9u, 0x0c1adebeu, 0x0069a932u, 0x092bd3a0u, 0x327dfeeau,
	0x0f999f22u, 0x2fba43fbu, 0x1c9844bau, 0x231d85a4u, 0x108fe40au,
	0x0d8fa461u, 0x17de8f0au, 0x00f3d045u, 0x0da5dbdeu, 0x4689ecd7u,
	0x0fd42b80u, 0x008b7107u, 0x06969b91u, 0x47733148u, 0x0cf12274u,
	0x3ca51bb7u, 0x16618b3au, 0x229cf763u, 0x2ee8cc56u, 0x158efb1au,
	0x299995eeu, 0x25a69f0fu, 0x0230bbc4u, 0x00375c7au, 0x0167d04cu,
	0x106aa727u, 0x1afc7a10u, 0x0e7766b5u, 0x44f919bbu
};

static void
expect_pinned(const char *text, size_t words, const uint32_t *want)
{
	struct fingerprint fp;

	fingerprint_texts(&text, 1, &fp);
	assert_int_equal(fp.words, words);
	for (size_t s = 0; s < FINGERPRINT_SLOTS; s++)
		if (fp.slot[s] != want[s])
			fail_msg("slot %zu of \"%s\" is 0x%08x, not 0x%08x", s,
			    text, (unsigned)fp.slot[s], (unsigned)want[s]);
}

static void
test_pinned(void **state)
{
	(void)state;
	expect_pinned("De Minister van Binnenlandse Zaken heeft de vragen van "
	    "het lid Eerdmans op 29 januari 2024 beantwoord, mede namens de "
	    "Minister-President.", 20, pinned_plain);
	expect_pinned("\xc3\x89\xc3\xa9n\x01zin \xe2\x80\x93 over "
	    "\xe2\x80\x98" "de\xe2\x80\x99 Rijks\x7foverheid, 2024 "
	    "Stra\xc3\x9f" "e\tSTRASSE \xef\xac\x81nancie\xcc\x88n "
	    "a\xc2\xa0" "b x-y 12 (zie: p. 3) \xe2\x80\x9cja\xe2\x80\x9d", 14,
	    pinned_folded);
}

static void
test_pack(void **state)
{
	unsigned char bytes[FINGERPRINT_BYTES];
	struct fingerprint a, b;

	(void)state;
	fingerprint_texts(pdf, 3, &a);
	fingerprint_pack(&a, bytes);
	assert_true(fingerprint_unpack(bytes, sizeof(bytes), &b));
	assert_memory_equal(a.slot, b.slot, sizeof(a.slot));
	assert_true(fingerprint_similarity(&a, &b) == 1);
	assert_false(fingerprint_unpack(bytes, sizeof(bytes) - 1, &b));
	assert_false(fingerprint_unpack(NULL, 0, &b));
	/* the first byte is the low byte of the first slot, on every machine */
	assert_int_equal(bytes[0], a.slot[0] & 0xff);
	assert_int_equal(bytes[3], a.slot[0] >> 24);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms_alike),
		cmocka_unit_test(test_case_marks_and_wrapping),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_pack),
		cmocka_unit_test(test_pinned),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
