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
		assert_int_equal(refs[i].nr, 0);
		assert_string_equal(refs[i].vergaderjaar, "");
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
	/* the white space of a line, as scan_space has it, and more */
	CHECK("Zie het antwoord op\fvraag\v3.", 3);
	CHECK("Zie de antwoorden op de vragen 3 en\xe2\x80\xaf" "4.", 3, 4);
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

/*
 * The lists read as heading_numbers reads running text: "of" names
 * alternatives, a comma may stand before the last "en" (as it may in a
 * heading), and a number after a blank alone is something else.
 */
static void
test_list_separators(void **state)
{
	(void)state;
	CHECK("Zie het antwoord op vraag 2 of 3.", 2, 3);
	CHECK("Zie de antwoorden op de vragen 3, 4, en 5.", 3, 4, 5);
	CHECK("Zie de antwoorden op de vragen 3 tot 5.", 3, 4, 5);
	CHECK("Zie het antwoord op vraag 1 10 procent.", 1);
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

/* ------------------------------------------------------------ publications */

struct pub {
	int nr;
	const char *year;
};

/*
 * Scans text and checks that it cites exactly the publications in want
 * (n_want of them, in this order) and no vraag, each citation starting
 * with "Aanhangsel" (any case) and lying inside the text.
 */
static void
check_pubs(const char *text, const struct pub *want, size_t n_want)
{
	struct xref *refs = NULL;
	size_t n = xref_scan(text, &refs);

	assert_int_equal(n, n_want);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(refs[i].vraag, 0);
		assert_int_equal(refs[i].nr, want[i].nr);
		assert_string_equal(refs[i].vergaderjaar, want[i].year);
		assert_true(refs[i].start < refs[i].end);
		assert_true(refs[i].end <= strlen(text));
		assert_true(strncasecmp(text + refs[i].start, "aanhangsel", 10) == 0);
	}
	free(refs);
}

#define CHECK_PUBS(text, ...) do { \
	static const struct pub want_[] = { __VA_ARGS__ }; \
	check_pubs(text, want_, sizeof(want_) / sizeof(want_[0])); \
} while (0)

/* The one reference in text, which must be a publication: its words. */
static char *
pub_words(const char *text)
{
	struct xref *refs = NULL;
	char *words;

	assert_int_equal(xref_scan(text, &refs), 1);
	assert_int_equal(refs[0].vraag, 0);
	words = strndup(text + refs[0].start, refs[0].end - refs[0].start);
	free(refs);
	return words;
}

static void
check_pub_words(const char *text, const char *want)
{
	char *words = pub_words(text);

	assert_string_equal(words, want);
	free(words);
}

static void
test_pub_zie_ook(void **state)
{
	(void)state;
	CHECK_PUBS("Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, "
	    "nr. 1047.", { 1047, "2023–2024" });
	/* from "Aanhangsel" to the number, without the full stop */
	check_pub_words("Zie ook Aanhangsel Handelingen, vergaderjaar "
	    "2023–2024, nr. 1047.",
	    "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047");
}

static void
test_pub_handelingen_ii(void **state)
{
	(void)state;
	CHECK_PUBS("Zie hiervoor ook mijn antwoorden op eerdere vragen "
	    "(Aanhangsel Handelingen II 2023/24, nr. 1059).",
	    { 1059, "2023/24" });
	check_pub_words("Aanhangsel Handelingen II 2023/24, nr. 1059.",
	    "Aanhangsel Handelingen II 2023/24, nr. 1059");
	CHECK_PUBS("Aanhangsel Handelingen II 2023/2024, nr. 1059",
	    { 1059, "2023/2024" });
	CHECK_PUBS("Aanhangsel Handelingen Tweede Kamer 2019–2020, nummer 412",
	    { 412, "2019–2020" });
}

static void
test_pub_parenthesised(void **state)
{
	const char *text = "Daarover is de Kamer eerder geïnformeerd "
	    "(Aanhangsel Handelingen, vergaderjaar 2022-2023, nr. 2345).";

	(void)state;
	CHECK_PUBS(text, { 2345, "2022-2023" });
	check_pub_words(text,
	    "Aanhangsel Handelingen, vergaderjaar 2022-2023, nr. 2345");
}

static void
test_pub_without_year(void **state)
{
	(void)state;
	CHECK_PUBS("Zie ook Aanhangsel van de Handelingen, nr. 1047.",
	    { 1047, "" });
	CHECK_PUBS("Zie het Aanhangsel bij de Handelingen, nr 88.", { 88, "" });
	CHECK_PUBS("Aanhangsel 2019/20, nr. 7", { 7, "2019/20" });
}

/* "vergaderjaar 2023–2024, 1028": the number right after the year. */
static void
test_pub_number_after_year(void **state)
{
	(void)state;
	CHECK_PUBS("Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, 1028",
	    { 1028, "2023–2024" });
	CHECK_PUBS("Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, "
	    "1028.", { 1028, "2023–2024" });
	/* a dossier number is not the number of the Aanhangsel */
	check_none("Aanhangsel Handelingen II 2023/24, 36 200 VII.");
}

static void
test_pub_several_numbers(void **state)
{
	const char *text = "Zie ook Aanhangsel Handelingen II 2023/24, "
	    "nrs. 1047, 1059 en 1100.";
	struct xref *refs = NULL;

	(void)state;
	CHECK_PUBS(text, { 1047, "2023/24" }, { 1059, "2023/24" },
	    { 1100, "2023/24" });
	/* one citation names all three: they share its words */
	assert_int_equal(xref_scan(text, &refs), 3);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(refs[i].start, strlen("Zie ook "));
		assert_int_equal(refs[i].end, strlen(text) - 1);
	}
	free(refs);
	/* "nr." names one */
	CHECK_PUBS("Aanhangsel Handelingen II 2023/24, nr. 1047 en 3 andere.",
	    { 1047, "2023/24" });
}

static void
test_pub_one_entry_per_publication(void **state)
{
	(void)state;
	/* one vergaderjaar written two ways */
	CHECK_PUBS("Zie Aanhangsel Handelingen II 2023/24, nr. 1059. Zie ook "
	    "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1059.",
	    { 1059, "2023/24" });
	/* the same number in another year, or in none, is another citation */
	CHECK_PUBS("Zie Aanhangsel Handelingen II 2023/24, nr. 1059, "
	    "Aanhangsel Handelingen II 2022/23, nr. 1059 en Aanhangsel van de "
	    "Handelingen, nr. 1059.", { 1059, "2023/24" }, { 1059, "2022/23" },
	    { 1059, "" });
}

static void
test_pub_case_and_spaces(void **state)
{
	(void)state;
	CHECK_PUBS("ZIE OOK AANHANGSEL HANDELINGEN II 2023/24, NR. 1059.",
	    { 1059, "2023/24" });
	/* no-break spaces and line breaks, as PDF text has them */
	CHECK_PUBS("Aanhangsel\u00a0Handelingen,\nvergaderjaar\u00a02023–2024, "
	    "nr.\u00a01047", { 1047, "2023–2024" });
	CHECK_PUBS("Aanhangsel Handelingen, vergaderjaar\u202f2023–2024,\n"
	    "nr. 1047", { 1047, "2023–2024" });
}

/* Vragen and publications in one passage, each in its place. */
static void
test_pub_and_vraag(void **state)
{
	const char *text = "Zie het antwoord op vraag 2 en Aanhangsel "
	    "Handelingen II 2023/24, nr. 1059. Zie ook het antwoord op vraag 4.";
	struct xref *refs = NULL;

	(void)state;
	assert_int_equal(xref_scan(text, &refs), 3);
	assert_int_equal(refs[0].vraag, 2);
	assert_int_equal(refs[0].nr, 0);
	assert_int_equal(refs[1].vraag, 0);
	assert_int_equal(refs[1].nr, 1059);
	assert_string_equal(refs[1].vergaderjaar, "2023/24");
	assert_int_equal(refs[2].vraag, 4);
	assert_true(refs[0].end <= refs[1].start && refs[1].end <= refs[2].start);
	free(refs);
}

/* The answer to a vraag of the cited publication is not one of this set. */
static void
test_vraag_of_publication(void **state)
{
	(void)state;
	CHECK_PUBS("Zie mijn antwoord op vraag 3 (Aanhangsel Handelingen II "
	    "2023/24, nr. 1059).", { 1059, "2023/24" });
	CHECK_PUBS("Zie de antwoorden op de vragen 1 en 2 in Aanhangsel "
	    "Handelingen, vergaderjaar 2023–2024, nr. 1047.",
	    { 1047, "2023–2024" });
	CHECK("Zie het antwoord op vraag 3 (en de bijlage).", 3);
}

static void
test_aanhangsel_without_number(void **state)
{
	(void)state;
	/* the running footer of the PDF: a page of the Aanhangsel */
	check_none("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2");
	check_none("Zie het Aanhangsel bij deze brief.");
	check_none("Het Aanhangsel van de Handelingen bevat de antwoorden.");
	check_none("Zie Aanhangsel Handelingen, vergaderjaar 2023–2024.");
	check_none("Zie Aanhangsel Handelingen II 2023/24");
	check_none("In het aanhangsel staat nr. 5 van de lijst.");
	check_none("Zie Aanhangsel Handelingen, nr. ");
	check_none("Aanhangselnummer 1047");
	/* an appendix of the letter itself: neither Handelingen nor a year */
	check_none("Het bijgevoegde aanhangsel, nr. 3, volgt.");
	check_none("Zie aanhangsel nr. 2 bij deze brief.");
}

static void
test_numbers_not_publications(void **state)
{
	(void)state;
	/* Kamerstukken are another series, not read (yet) */
	check_none("Zie Kamerstuk 36 200 VII, nr. 12.");
	check_none("Kamerstukken II 2023/24, 36 200 VII, nr. 12.");
	/* a number without "Aanhangsel" */
	check_none("Handelingen II 2023/24, nr. 1059.");
	check_none("Zie vergaderjaar 2023–2024, nr. 1047.");
	/* what follows "nr." is no Aanhangsel number */
	check_none("Aanhangsel Handelingen II 2023/24, nr. 2024Z01234.");
	check_none("Aanhangsel Handelingen II 2023/24, nr. 1.047.");
	check_none("Aanhangsel Handelingen II 2023/24, nr. 1047-1050.");
	check_none("Aanhangsel Handelingen II 2023/24, nr. 0.");
	check_none("Aanhangsel Handelingen II 2023/24, nr. 123456.");
	check_none("Aanhangsel Handelingen II 2023/24, nr. vijf.");
	/* a year is not the number */
	check_none("Aanhangsel Handelingen, vergaderjaar 2023–2024");
	check_none("Aanhangsel Handelingen, 2023/24.");
}

static void
test_pub_seed_header(void **state)
{
	char *raw = test_read_file(SEED_MARKDOWN, NULL);
	const char *p = strstr(raw, "Antwoord van Minister");
	char *line;

	(void)state;
	assert_non_null(p);
	line = strndup(p, strcspn(p, "\n"));
	/* the header cites nr. 1047; "Antwoord van" is no vraag reference */
	CHECK_PUBS(line, { 1047, "2023–2024" });
	free(line);
	free(raw);

	/* the PDF's running footer, as extracted, cites nothing */
	raw = test_read_file(SEED_PDFTEXT, NULL);
	p = strstr(raw, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2");
	assert_non_null(p);
	line = strndup(p, strcspn(p, "\n"));
	check_none(line);
	free(line);
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
		cmocka_unit_test(test_list_separators),
		cmocka_unit_test(test_case_insensitive),
		cmocka_unit_test(test_antwoord_with_number),
		cmocka_unit_test(test_one_entry_per_vraag),
		cmocka_unit_test(test_mention_without_answer),
		cmocka_unit_test(test_list_stops_at_words),
		cmocka_unit_test(test_seed_passages),
		cmocka_unit_test(test_pub_zie_ook),
		cmocka_unit_test(test_pub_handelingen_ii),
		cmocka_unit_test(test_pub_parenthesised),
		cmocka_unit_test(test_pub_without_year),
		cmocka_unit_test(test_pub_number_after_year),
		cmocka_unit_test(test_pub_several_numbers),
		cmocka_unit_test(test_pub_one_entry_per_publication),
		cmocka_unit_test(test_pub_case_and_spaces),
		cmocka_unit_test(test_pub_and_vraag),
		cmocka_unit_test(test_vraag_of_publication),
		cmocka_unit_test(test_aanhangsel_without_number),
		cmocka_unit_test(test_numbers_not_publications),
		cmocka_unit_test(test_pub_seed_header),
	};

	return cmocka_run_group_tests_name("xref", tests, NULL, NULL);
}
