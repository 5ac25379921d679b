/*
 * test_ministry: the codes for the names documents use, from the table
 * compiled from assets/ministries.tsv and from the seeds' headers; which
 * ministries and portfolios existed when, and which succeeded which.
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

/* Whether s is an ISO date "YYYY-MM-DD" (n bytes). */
static bool
is_iso(const char *s, size_t n)
{
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

/* "FROM..TO" periods, space separated, each side an ISO date or empty, in order. */
static void
expect_periods(const char *code, const char *p)
{
	char last[11] = "";

	if (!*p)
		fail_msg("%s: no period in which it existed", code);
	while (*p) {
		size_t len = strcspn(p, " ");
		const char *dots = strstr(p, "..");
		size_t from, to;

		if (!dots || dots >= p + len)
			fail_msg("%s: a period without '..'", code);
		from = (size_t)(dots - p);
		to = len - from - 2;
		if ((from && !is_iso(p, from)) || (to && !is_iso(dots + 2, to)))
			fail_msg("%s: a period that is not FROM..TO in ISO dates", code);
		if (from && to && strncmp(p, dots + 2, 10) >= 0)
			fail_msg("%s: a period that ends before it begins", code);
		if (from && last[0] && strncmp(last, p, 10) > 0)
			fail_msg("%s: periods out of order", code);
		if (to)
			memcpy(last, dots + 2, 10);
		p += len;
		while (*p == ' ')
			p++;
	}
}

/* The fields of a tab-separated line, in place; how many there are. */
static size_t
fields(char *line, char **f, size_t max)
{
	size_t n = 0;

	while (n < max) {
		f[n++] = line;
		if (!(line = strchr(line, '\t')))
			break;
		*line++ = '\0';
	}
	return n;
}

/*
 * The table as compiled matches the .tsv it comes from, and every row of
 * the .tsv is whole: a ministry or portfolio has its periods, a portfolio
 * names a ministry, a succession joins two known codes, and each row has
 * its source.
 */
static void
test_table(void **state)
{
	char *tsv = test_read_file("assets/ministries.tsv", NULL);
	size_t rows = 0, successions = 0;

	(void)state;
	for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
		char *f[8];
		size_t n;

		if (line[0] == '#')
			continue;
		n = fields(line, f, 8);
		if (strcmp(f[0], "succession") == 0) {
			const struct ministry_succession *s =
			    &ministry_successions[successions];

			if (n != 5 || !*f[4])
				fail_msg("succession %s %s: not date, from, to, source", f[2], f[3]);
			assert_true(successions < ministry_succession_count);
			assert_true(is_iso(f[1], strlen(f[1])));
			assert_string_equal(s->date, f[1]);
			assert_string_equal(s->from, f[2]);
			assert_string_equal(s->to, f[3]);
			/* both ends are ministries, and exist on either side of it */
			assert_non_null(ministry_by_code(s->from));
			assert_non_null(ministry_by_code(s->to));
			assert_string_equal(ministry_by_code(s->from)->part_of, "");
			assert_string_equal(ministry_by_code(s->to)->part_of, "");
			assert_true(ministry_existed(ministry_by_code(s->to), s->date));
			successions++;
			continue;
		}
		if (n != 6 || !*f[5])
			fail_msg("%s: not code, name, aliases, part of, existed, source", f[0]);
		{
			const struct ministry *m = ministry_by_code(f[0]);

			assert_non_null(m);
			assert_ptr_equal(m, &ministry_table[rows]);
			assert_string_equal(m->name, f[1]);
			assert_string_equal(m->aliases, f[2]);
			assert_string_equal(m->part_of, f[3]);
			assert_string_equal(m->existed, f[4]);
			expect_periods(m->code, m->existed);
			/* a portfolio is part of a ministry, never of a portfolio */
			if (*m->part_of) {
				const struct ministry *of = ministry_by_code(m->part_of);

				assert_non_null(of);
				assert_string_equal(of->part_of, "");
			}
		}
		rows++;
	}
	assert_int_equal(rows, ministry_count);
	assert_int_equal(successions, ministry_succession_count);
	assert_true(ministry_count >= 12);
	free(tsv);
}

/* A day on which m existed: the start of its first period, or before 2007. */
static const char *
a_day_of(const struct ministry *m, char buf[11])
{
	if (m->existed[0] != '.') {
		memcpy(buf, m->existed, 10);
		buf[10] = '\0';
	} else
		snprintf(buf, 11, "%s", "2006-06-01");
	return buf;
}

static void
expect_find(const char *name, size_t len, const struct ministry *m,
    const char *day)
{
	char alias[256];
	const struct ministry *got;

	assert_true(len > 0 && len < sizeof(alias));
	memcpy(alias, name, len);
	alias[len] = '\0';
	got = ministry_find(alias, day);
	if (got != m)
		fail_msg("'%s' on %s: got %s, expected %s", alias, day,
		    got ? got->code : "NULL", m->code);
}

/*
 * Every entry is found by its own name, its code and each alias on a day
 * it existed, and groups under its own code or its ministry's.
 */
static void
test_every_entry(void **state)
{
	(void)state;
	for (size_t i = 0; i < ministry_count; i++) {
		const struct ministry *m = &ministry_table[i];
		const char *a = m->aliases;
		char day[11];

		assert_non_null(m->code);
		assert_non_null(m->name);
		assert_non_null(m->aliases);
		assert_true(strlen(m->code) < MINISTRY_CODE_SIZE);
		a_day_of(m, day);
		assert_true(ministry_existed(m, day));
		expect_find(m->name, strlen(m->name), m, day);
		expect_find(m->code, strlen(m->code), m, day);
		assert_ptr_equal(ministry_by_code(m->code), m);
		assert_ptr_equal(ministry_group(m), *m->part_of ?
		    ministry_by_code(m->part_of)->code : m->code);
		while (*a) {
			size_t len = strcspn(a, "|");

			expect_find(a, len, m, day);
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

/* The day before an ISO date (within a month, enough for the table's). */
static const char *
day_before(const char *date, char buf[11])
{
	int y, m, d;

	assert_int_equal(sscanf(date, "%d-%d-%d", &y, &m, &d), 3);
	if (--d == 0) {
		d = 28;
		if (--m == 0) {
			m = 12;
			y--;
		}
	}
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
	return buf;
}

static void
expect_succeeds(const char *from, const char *to, const char *asked,
    const char *answered, bool want)
{
	if (ministry_succeeds(from, to, asked, answered) != want)
		fail_msg("%s -> %s, asked %s, answered %s: expected %s",
		    from ? from : "NULL", to,
		    asked ? asked : "?", answered ? answered : "?",
		    want ? "a successor" : "none");
}

/*
 * Each change since 2008: asked the day before it, the successor answers
 * from its day on, not the day before; asked on the day itself still
 * counts (the old name lingers); asked after it, the old ministry's
 * questions are not the successor's.
 */
static void
test_each_change(void **state)
{
	static const struct {
		const char *date, *from, *to;
	} changes[] = {
		/* Rutte I */
		{ "2010-10-14", "VROM", "IenM" },
		{ "2010-10-14", "VenW", "IenM" },
		{ "2010-10-14", "VROM", "BZK" },
		{ "2010-10-14", "VROM", "ELenI" },
		{ "2010-10-14", "EZ", "ELenI" },
		{ "2010-10-14", "LNV", "ELenI" },
		{ "2010-10-14", "JUS", "VenJ" },
		{ "2010-10-14", "BZK", "VenJ" },
		/* Rutte II */
		{ "2012-11-05", "ELenI", "EZ" },
		/* Rutte III */
		{ "2017-10-26", "EZ", "EZK" },
		{ "2017-10-26", "EZ", "LNV" },
		{ "2017-10-26", "IenM", "IenW" },
		{ "2017-10-26", "IenM", "EZK" },
		{ "2017-10-26", "VenJ", "JenV" },
		/* Schoof */
		{ "2024-07-02", "EZK", "KGG" },
		{ "2024-07-02", "EZK", "EZ" },
		{ "2024-07-02", "LNV", "LVVN" },
		{ "2024-07-02", "BZK", "VRO" },
		{ "2024-07-02", "JenV", "AenM" },
	};
	char before[11], after[11];

	(void)state;
	for (size_t i = 0; i < sizeof(changes) / sizeof(changes[0]); i++) {
		const char *d = changes[i].date, *from = changes[i].from,
		    *to = changes[i].to;

		day_before(d, before);
		snprintf(after, sizeof(after), "%.8s28", d);
		expect_succeeds(from, to, before, d, true);
		expect_succeeds(from, to, before, after, true);
		expect_succeeds(from, to, d, after, true);
		expect_succeeds(from, to, before, before, false);
		expect_succeeds(from, to, after, after, false);
		/* never backwards, never to itself */
		expect_succeeds(to, from, before, after, false);
		expect_succeeds(from, from, before, after, false);
		/* dates not known rule nothing out */
		expect_succeeds(from, to, NULL, NULL, true);
		expect_succeeds(from, to, "", after, true);
		/* the successor exists from the change on */
		assert_true(ministry_existed(ministry_by_code(to), d));
	}
	/* and these are all the table has */
	assert_int_equal(ministry_succession_count,
	    sizeof(changes) / sizeof(changes[0]));
}

/* Renames end the old ministry; the code a name had on each side of a change. */
static void
test_codes_through_time(void **state)
{
	static const struct {
		const char *name, *date, *code;
	} at[] = {
		{ "Verkeer en Waterstaat", "2009-06-01", "VenW" },
		{ "Infrastructuur en Milieu", "2015-06-01", "IenM" },
		{ "Infrastructuur en Waterstaat", "2019-06-01", "IenW" },
		{ "Justitie", "2009-06-01", "JUS" },
		{ "Veiligheid en Justitie", "2015-06-01", "VenJ" },
		{ "Justitie en Veiligheid", "2019-06-01", "JenV" },
		{ "Economische Zaken", "2009-06-01", "EZ" },
		{ "Economische Zaken, Landbouw en Innovatie", "2011-06-01", "ELenI" },
		{ "Economische Zaken", "2015-06-01", "EZ" },
		{ "Economische Zaken en Klimaat", "2019-06-01", "EZK" },
		{ "Economische Zaken", "2024-08-01", "EZ" },
		{ "Klimaat en Groene Groei", "2024-08-01", "KGG" },
		{ "Landbouw, Natuur en Voedselkwaliteit", "2009-06-01", "LNV" },
		{ "Landbouw, Natuur en Voedselkwaliteit", "2019-06-01", "LNV" },
		{ "Landbouw, Visserij, Voedselzekerheid en Natuur", "2024-08-01", "LVVN" },
		{ "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", "2009-06-01", "VROM" },
		{ "Asiel en Migratie", "2024-08-01", "AenM" },
		/* one name, two entries: a portfolio of BZK, then a ministry */
		{ "Volkshuisvesting en Ruimtelijke Ordening", "2024-07-01", "BZK" },
		{ "Volkshuisvesting en Ruimtelijke Ordening", "2024-07-02", "VRO" },
		/* portfolios group under their ministry */
		{ "Klimaat en Energie", "2023-06-01", "EZK" },
		{ "Rechtsbescherming", "2023-06-01", "JenV" },
		{ "Buitenlandse Handel en Ontwikkelingssamenwerking", "2023-06-01", "BZ" },
		{ "Buitenlandse Handel en Ontwikkelingshulp", "2024-08-01", "BZ" },
		{ "Langdurige Zorg en Sport", "2023-06-01", "VWS" },
		{ "Medische Zorg", "2019-06-01", "VWS" },
		{ "Primair en Voortgezet Onderwijs", "2023-06-01", "OCW" },
		{ "Basis- en Voortgezet Onderwijs en Media", "2019-06-01", "OCW" },
		{ "Natuur en Stikstof", "2023-06-01", "LNV" },
		{ "Armoedebeleid, Participatie en Pensioenen", "2023-06-01", "SZW" },
		{ "Wonen en Rijksdienst", "2015-06-01", "BZK" },
		{ "Ontwikkelingssamenwerking", "2009-06-01", "BZ" },
		{ "Jeugd en Gezin", "2009-06-01", "VWS" },
		{ "Wonen Wijken en Integratie", "2009-06-01", "VROM" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		const char *got = ministry_group(ministry_find(at[i].name, at[i].date));

		if (!got || strcmp(got, at[i].code) != 0)
			fail_msg("'%s' on %s: got %s, expected %s", at[i].name,
			    at[i].date, got ? got : "NULL", at[i].code);
	}
	/* renamed: gone on the day of the change, there the day before */
	assert_true(ministry_existed(ministry_by_code("EZK"), "2024-07-01"));
	assert_false(ministry_existed(ministry_by_code("EZK"), "2024-07-02"));
	assert_false(ministry_existed(ministry_by_code("VenJ"), "2017-10-26"));
	assert_false(ministry_existed(ministry_by_code("KGG"), "2024-07-01"));
	/* EZ in three periods */
	assert_true(ministry_existed(ministry_by_code("EZ"), "2009-06-01"));
	assert_false(ministry_existed(ministry_by_code("EZ"), "2011-06-01"));
	assert_true(ministry_existed(ministry_by_code("EZ"), "2015-06-01"));
	assert_false(ministry_existed(ministry_by_code("EZ"), "2019-06-01"));
	assert_true(ministry_existed(ministry_by_code("EZ"), "2025-06-01"));
	/* the portfolios of Rutte IV ended with it */
	assert_false(ministry_existed(ministry_by_code("KenE"), "2024-07-02"));
	assert_true(ministry_existed(ministry_by_code("KenE"), "2022-01-10"));
	/* BHO is a portfolio of BZ, not a ministry */
	assert_string_equal(ministry_by_code("BHO")->part_of, "BZ");
	assert_string_equal(ministry_code("Buitenlandse Handel en Ontwikkelingssamenwerking"), "BZ");
}

/* Chains of changes, and what they do not allow. */
static void
test_chains(void **state)
{
	(void)state;
	/* VenW, IenM, IenW */
	expect_succeeds("VenW", "IenW", "2009-06-01", "2018-01-01", true);
	expect_succeeds("VenW", "IenW", "2009-06-01", "2012-01-01", false);
	/* EZ, ELenI, EZ, EZK, KGG */
	expect_succeeds("EZ", "KGG", "2009-06-01", "2025-01-01", true);
	/* LNV, ELenI, EZ, LNV, LVVN; and straight to LVVN in 2024 */
	expect_succeeds("LNV", "EZ", "2009-06-01", "2013-01-01", true);
	expect_succeeds("LNV", "LVVN", "2019-06-01", "2025-01-01", true);
	/* LNV of 2017 has no successor in ELenI */
	expect_succeeds("LNV", "ELenI", "2019-06-01", "2025-01-01", false);
	/* EZ of 2013 is not succeeded by itself of 2025, nor by KGG before 2024 */
	expect_succeeds("EZ", "KGG", "2013-06-01", "2024-07-01", false);
	/* parts that came out of a ministry that still exists */
	expect_succeeds("BZK", "VenJ", "2009-06-01", "2011-01-01", true);
	expect_succeeds("IenM", "EZK", "2016-06-01", "2018-01-01", true);
	/* unrelated ministries */
	expect_succeeds("FIN", "KGG", "2024-06-01", "2024-08-01", false);
	expect_succeeds("EZK", "LVVN", "2024-06-01", "2024-08-01", false);
	expect_succeeds("XYZ", "KGG", "2024-06-01", "2024-08-01", false);
	expect_succeeds(NULL, "KGG", "2024-06-01", "2024-08-01", false);
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
		cmocka_unit_test(test_each_change),
		cmocka_unit_test(test_codes_through_time),
		cmocka_unit_test(test_chains),
	};

	return cmocka_run_group_tests_name("ministry", tests, NULL, NULL);
}
