/*
 * test_ministry: the codes for the names documents use, from the table
 * compiled from assets/ministries.tsv and from the seeds' headers.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ministry.h"
#include "testutil.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

static void
expect_code(const char *name, const char *code)
{
	const char *got = ministry_code(name);

	if (!got || strcmp(got, code) != 0)
		fail_msg("'%s': got %s, expected %s", name, got ? got : "NULL", code);
}

/* The table as compiled matches the .tsv it comes from. */
static void
test_table(void **state)
{
	char *tsv = test_read_file("assets/ministries.tsv", NULL);
	size_t rows = 0;

	(void)state;
	for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
		const struct ministry *m;
		char *tab;

		if (line[0] == '#')
			continue;
		tab = strchr(line, '\t');
		assert_non_null(tab);
		*tab = '\0';
		m = ministry_by_code(line);
		assert_non_null(m);
		assert_string_equal(m->code, line);
		assert_true(strncmp(m->name, tab + 1, strlen(m->name)) == 0);
		rows++;
	}
	assert_int_equal(rows, ministry_count);
	assert_true(ministry_count >= 12);
	free(tsv);
}

/* Every entry maps from its own name, its code and each alias. */
static void
test_every_entry(void **state)
{
	(void)state;
	for (size_t i = 0; i < ministry_count; i++) {
		const struct ministry *m = &ministry_table[i];
		const char *a = m->aliases;

		assert_non_null(m->code);
		assert_non_null(m->name);
		assert_non_null(m->aliases);
		expect_code(m->name, m->code);
		expect_code(m->code, m->code);
		assert_ptr_equal(ministry_by_code(m->code), m);
		while (*a) {
			size_t len = strcspn(a, "|");
			char alias[256];

			assert_true(len > 0 && len < sizeof(alias));
			memcpy(alias, a, len);
			alias[len] = '\0';
			expect_code(alias, m->code);
			a += len + (a[len] == '|');
		}
		/* codes are unique */
		for (size_t k = i + 1; k < ministry_count; k++)
			assert_string_not_equal(m->code, ministry_table[k].code);
	}
}

/* The twelve ministries the seed questions are addressed to. */
static void
test_seed_header(void **state)
{
	static const struct {
		const char *name, *code;
	} names[] = {
		{ "Binnenlandse Zaken en Koninkrijksrelaties", "BZK" },
		{ "Buitenlandse Zaken", "BZ" },
		{ "Defensie", "DEF" },
		{ "Economische Zaken en Klimaat", "EZK" },
		{ "Financi\xc3\xabn", "FIN" },
		{ "Infrastructuur en Waterstaat", "IenW" },
		{ "Justitie en Veiligheid", "JenV" },
		{ "Landbouw, Natuur en Voedselkwaliteit", "LNV" },
		{ "Onderwijs, Cultuur en Wetenschap", "OCW" },
		{ "Sociale Zaken en Werkgelegenheid", "SZW" },
		{ "Volksgezondheid, Welzijn en Sport", "VWS" },
		{ "Algemene Zaken", "AZ" },
		{ "Minister-President", "AZ" },
	};
	char *pdf = test_read_file(SEED_PDFTEXT, NULL);
	char *md = test_read_file(SEED_MARKDOWN, NULL);

	(void)state;
	for (size_t i = 0; i < LEN(names); i++) {
		expect_code(names[i].name, names[i].code);
		/* and the seeds really name them so */
		assert_true(strstr(md, names[i].name) || strstr(pdf, names[i].name));
	}
	free(pdf);
	free(md);
}

/* The ministry names as the PDF text breaks them over lines. */
static void
test_seed_line_breaks(void **state)
{
	(void)state;
	expect_code("Landbouw, Natuur \nen Voedselkwaliteit", "LNV");
	expect_code("Sociale Zaken \nen Werkgelegenheid", "SZW");
	expect_code("Binnenlandse Zaken en Koninkrijksrelaties ", "BZK");
	expect_code(" Algemene Zaken", "AZ");
}

static void
test_case_and_space(void **state)
{
	(void)state;
	expect_code("binnenlandse zaken en koninkrijksrelaties", "BZK");
	expect_code("BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES", "BZK");
	expect_code("  Binnenlandse\tZaken  en\n Koninkrijksrelaties  ", "BZK");
	expect_code("Binnenlandse\xc2\xa0Zaken en Koninkrijksrelaties", "BZK");
	expect_code("FINANCI\xc3\x8bN", "FIN");
	expect_code("Financie\xcc\x88n", "FIN");	/* decomposed ë */
	expect_code("Financien", "FIN");
	expect_code("minister-president", "AZ");
	expect_code("Minister\xe2\x80\x90President", "AZ");	/* U+2010 hyphen */
	expect_code("bzk", "BZK");
	expect_code("ienw", "IenW");
	/* Economische Zaken and Economische Zaken en Klimaat are two */
	expect_code("Economische Zaken", "EZ");
	expect_code("economische zaken en klimaat", "EZK");
}

static void
test_portfolio(void **state)
{
	(void)state;
	expect_code("Financi\xc3\xabn \xe2\x80\x93 Fiscaliteit en Douane", "FIN");
	expect_code("Financi\xc3\xabn - Fiscaliteit en Douane", "FIN");
	expect_code("Financi\xc3\xabn \xe2\x80\x94 Fiscaliteit en Douane", "FIN");
	expect_code("Binnenlandse Zaken en Koninkrijksrelaties \xe2\x80\x93 "
	    "Koninkrijksrelaties en Digitalisering", "BZK");
	expect_code("Volksgezondheid, Welzijn en Sport \xe2\x80\x93 Medische Zorg", "VWS");
	assert_null(ministry_code("Fiscaliteit en Douane"));
	assert_null(ministry_code("Onbekend \xe2\x80\x93 Financi\xc3\xabn"));
}

static void
test_unknown(void **state)
{
	(void)state;
	assert_null(ministry_code(""));
	assert_null(ministry_code("   "));
	assert_null(ministry_code("Ministerie van Toverkunst"));
	assert_null(ministry_code("Econonnische Zaken en Klimaat"));	/* the letter's typo */
	assert_null(ministry_code("Zaken"));
	assert_null(ministry_code("Binnenlandse Zaken en"));
	assert_null(ministry_code("Financi\xc3\xabn en meer"));
	assert_null(ministry_code("Minister"));
	assert_null(ministry_code("-"));
	assert_null(ministry_code(" - "));
}

static void
test_by_code(void **state)
{
	const struct ministry *m;

	(void)state;
	m = ministry_by_code("BZK");
	assert_non_null(m);
	assert_string_equal(m->name, "Binnenlandse Zaken en Koninkrijksrelaties");
	m = ministry_by_code("AZ");
	assert_non_null(m);
	assert_string_equal(m->name, "Algemene Zaken");
	assert_non_null(strstr(m->aliases, "Minister-President"));
	m = ministry_by_code("FIN");
	assert_non_null(m);
	assert_string_equal(m->name, "Financi\xc3\xabn");
	m = ministry_by_code("IenW");
	assert_non_null(m);
	assert_string_equal(m->name, "Infrastructuur en Waterstaat");
	assert_null(ministry_by_code(""));
	assert_null(ministry_by_code("XYZ"));
	assert_null(ministry_by_code("BZK "));
	assert_null(ministry_by_code(NULL));
	/* ministry_code returns the table's own string */
	assert_ptr_equal(ministry_code("Defensie"), ministry_by_code("DEF")->code);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_every_entry),
		cmocka_unit_test(test_seed_header),
		cmocka_unit_test(test_seed_line_breaks),
		cmocka_unit_test(test_case_and_space),
		cmocka_unit_test(test_portfolio),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_by_code),
	};

	return cmocka_run_group_tests_name("ministry", tests, NULL, NULL);
}
