#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <strings.h>

#include "testutil.h"
#include "xref.h"

/*
 * Scans text and checks that it refers to exactly the vragen in want
 * (n_want of them, in this order), each reference's words starting with
 * "antwoord" (any case) and lying inside the text.
 */
static void
check(const char *text, const int *want, size_t n_want)
{
	struct xref *refs = NULL;
	size_t n = xref_scan(text, &refs);

	assert_int_equal(n, n_want);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(refs[i].vraag, want[i]);
		assert_true(refs[i].start < refs[i].end);
		assert_true(refs[i].end <= strlen(text));
		assert_true(strncasecmp(text + refs[i].start, "antwoord", 8) == 0);
	}
	free(refs);
}

#define CHECK(text, ...) do { \
	static const int want_[] = { __VA_ARGS__ }; \
	check(text, want_, sizeof(want_) / sizeof(want_[0])); \
} while (0)

static void
check_none(const char *text)
{
	struct xref *refs = NULL;

	assert_int_equal(xref_scan(text, &refs), 0);
	free(refs);
}

static void
test_zie_het_antwoord(void **state)
{
	struct xref *refs = NULL;
	const char *text = "Zie het antwoord op vraag 1.";

	(void)state;
	assert_int_equal(xref_scan(text, &refs), 1);
	assert_int_equal(refs[0].vraag, 1);
	/* the referring words: "antwoord op vraag 1", without the full stop */
	assert_int_equal(refs[0].start, strlen("Zie het "));
	assert_int_equal(refs[0].end, strlen("Zie het antwoord op vraag 1"));
	free(refs);
}

static void
test_zie_voorts(void **state)
{
	(void)state;
	CHECK("Het is een gezamenlijke verantwoordelijkheid van werkgever en "
	    "werknemers om elkaar die veiligheid te bieden. Zie voorts het "
	    "antwoord op vraag 8.", 8);
}

static void
test_verwezen_wordt(void **state)
{
	(void)state;
	CHECK("Verwezen wordt ook naar het antwoord op vraag 8.", 8);
}

static void
test_de_in_het_antwoord_genoemde(void **state)
{
	(void)state;
	CHECK("De in het antwoord op vraag 1 genoemde bijeenkomsten zijn "
	    "gepland lang voordat de verkiezingen plaatsvonden.", 1);
}

static void
test_across_line_breaks(void **state)
{
	const char *text = "De in het\n\nantwoord op\nvraag 1 genoemde";
	struct xref *refs = NULL;

	(void)state;
	assert_int_equal(xref_scan(text, &refs), 1);
	assert_int_equal(refs[0].vraag, 1);
	assert_int_equal(refs[0].start, strlen("De in het\n\n"));
	assert_int_equal(refs[0].end, strlen("De in het\n\nantwoord op\nvraag 1"));
	free(refs);
}

static void
test_de_antwoorden_op_de_vragen(void **state)
{
	const char *text = "Zie de antwoorden op de vragen 2, 6 en 8.";
	struct xref *refs = NULL;

	(void)state;
	CHECK(text, 2, 6, 8);
	/* one phrase refers to all three: they share its words */
	assert_int_equal(xref_scan(text, &refs), 3);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(refs[i].start, strlen("Zie de "));
		assert_int_equal(refs[i].end, strlen(text) - 1);
	}
	free(refs);
}

static void
test_zoals_aangegeven_in_mijn_antwoord(void **state)
{
	(void)state;
	CHECK("Zoals aangegeven in mijn antwoord op vraag 4 is dat niet het "
	    "geval.", 4);
	CHECK("Dat is, zoals aangegeven in (mijn) antwoord op vraag 4, niet "
	    "het geval.", 4);
}

static void
test_tot_en_met(void **state)
{
	(void)state;
	CHECK("Voor de beantwoording verwijs ik naar de antwoorden op de vragen "
	    "3 tot en met 5.", 3, 4, 5);
	CHECK("Zie mijn antwoorden op de vragen 3 t/m 5 en 9.", 3, 4, 5, 9);
	CHECK("Zie de antwoorden op vragen 10–12.", 10, 11, 12);
}

static void
test_case_insensitive(void **state)
{
	(void)state;
	CHECK("ZIE HET ANTWOORD OP VRAAG 7.", 7);
	CHECK("Antwoord op vraag 2: zie aldaar.", 2);
}

static void
test_antwoord_with_number(void **state)
{
	(void)state;
	CHECK("Zie antwoord 3.", 3);
	CHECK("Zie het antwoord op vraag 3a.", 3);
}

static void
test_one_entry_per_vraag(void **state)
{
	(void)state;
	CHECK("Zie het antwoord op vraag 8. Zie ook de antwoorden op de vragen "
	    "1 en 8.", 8, 1);
}

static void
test_mention_without_answer(void **state)
{
	(void)state;
	check_none("In vraag 3 wordt gesteld dat de bijeenkomsten ongewenst zijn.");
	check_none("Zie vraag 3.");
	check_none("De vragen 3 tot en met 5 gaan over hetzelfde.");
	check_none("Het antwoord is ja.");
	check_none("Het kabinet antwoordt op vraag 3 bevestigend.");
	check_none("De beantwoording van vraag 3 volgt later.");
	check_none("De antwoorden op vragen van het lid Eerdmans (2024Z01234).");
	check_none("De antwoorden op de vragen 2024Z01234 volgen.");
	check_none("");
}

static void
test_list_stops_at_words(void **state)
{
	const char *text = "Zie het antwoord op vraag 1 en de toelichting bij 2.";
	struct xref *refs = NULL;

	(void)state;
	assert_int_equal(xref_scan(text, &refs), 1);
	assert_int_equal(refs[0].vraag, 1);
	assert_int_equal(refs[0].end, strlen("Zie het antwoord op vraag 1"));
	free(refs);
}

static void
test_seed_passages(void **state)
{
	char *raw = test_read_file(SEED_MARKDOWN, NULL);
	const char *p = strstr(raw, "Verwezen wordt ook");
	char *sentence;

	(void)state;
	assert_non_null(p);
	sentence = strndup(p, strcspn(p, "\n"));
	CHECK(sentence, 8);
	free(sentence);
	free(raw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zie_het_antwoord),
		cmocka_unit_test(test_zie_voorts),
		cmocka_unit_test(test_verwezen_wordt),
		cmocka_unit_test(test_de_in_het_antwoord_genoemde),
		cmocka_unit_test(test_across_line_breaks),
		cmocka_unit_test(test_de_antwoorden_op_de_vragen),
		cmocka_unit_test(test_zoals_aangegeven_in_mijn_antwoord),
		cmocka_unit_test(test_tot_en_met),
		cmocka_unit_test(test_case_insensitive),
		cmocka_unit_test(test_antwoord_with_number),
		cmocka_unit_test(test_one_entry_per_vraag),
		cmocka_unit_test(test_mention_without_answer),
		cmocka_unit_test(test_list_stops_at_words),
		cmocka_unit_test(test_seed_passages),
	};

	return cmocka_run_group_tests_name("xref", tests, NULL, NULL);
}
