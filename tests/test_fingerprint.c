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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
