/*
 * test_date: Dutch dates as the seeds write them, and back.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "date.h"
#include "testutil.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

static void
expect_date(const char *s, size_t len, const char *iso)
{
	char out[DATE_ISO_SIZE];

	memset(out, 'x', sizeof(out));
	if (date_parse_nl(s, out) != len)
		fail_msg("'%s': read %zu bytes, expected %zu", s,
		    date_parse_nl(s, out), len);
	assert_string_equal(out, iso);
}

static void
expect_no_date(const char *s)
{
	char out[DATE_ISO_SIZE] = "untouched";

	if (date_parse_nl(s, out) != 0)
		fail_msg("'%s' read as the date %s", s, out);
}

static void
test_parse(void **state)
{
	(void)state;
	expect_date("29 januari 2024", 15, "2024-01-29");
	expect_date("15 februari\n2024", 16, "2024-02-15");
	expect_date("1 MEI 2023", 10, "2023-05-01");
	expect_date("1 Mei 2023", 10, "2023-05-01");
	expect_date("01 mei 2023", 11, "2023-05-01");
	expect_date("22 november 2023", 16, "2023-11-22");
	expect_date("31 december 1999", 16, "1999-12-31");
	/* extra spaces and line breaks, as PDF text has them */
	expect_date("15  februari \n 2024", 19, "2024-02-15");
	expect_date("15\nfebruari\r\n2024", 17, "2024-02-15");
	expect_date("29\xc2\xa0januari\xc2\xa0" "2024", 17, "2024-01-29");
	/* only the date is read: the returned length stops at the year */
	expect_date("29 januari 2024). ", 15, "2024-01-29");
	expect_date("15 februari 2024, nr. 1047", 16, "2024-02-15");
}

static void
test_parse_leap(void **state)
{
	(void)state;
	expect_date("29 februari 2024", 16, "2024-02-29");
	expect_date("29 februari 2000", 16, "2000-02-29");
	expect_no_date("29 februari 2023");
	expect_no_date("29 februari 1900");
	expect_no_date("30 februari 2024");
	expect_no_date("31 februari 2024");
	expect_no_date("31 april 2024");
	expect_no_date("31 juni 2024");
	expect_no_date("31 september 2024");
	expect_no_date("31 november 2024");
	expect_date("31 oktober 2024", 15, "2024-10-31");
}

static void
test_parse_invalid(void **state)
{
	(void)state;
	expect_no_date("");
	expect_no_date("januari 2024");		/* no day */
	expect_no_date("12 foo 2024");		/* no month */
	expect_no_date("12 jan 2024");		/* abbreviations are not dates */
	expect_no_date("12 januarie 2024");
	expect_no_date("12 maartje 2024");
	expect_no_date("0 januari 2024");
	expect_no_date("32 januari 2024");
	expect_no_date("123 januari 2024");
	expect_no_date("29 januari");		/* no year */
	expect_no_date("29 januari 24");
	expect_no_date("29 januari 20245");
	expect_no_date("29 januari -2024");
	expect_no_date("29 januari +2024");
	expect_no_date("29januari 2024");
	expect_no_date("29 januari2024");
	expect_no_date(" 29 januari 2024");	/* must start at s */
	expect_no_date("+9 januari 2024");
	expect_no_date("Vraag 1");
}

/* The dates in the seeds' headers, where the parser meets them. */
static void
test_parse_seeds(void **state)
{
	static const struct {
		const char *seed, *after, *iso;
		char next;	/* the byte after the date */
	} dates[] = {
		{ SEED_PDFTEXT, "(ingezonden ", "2024-01-29", ')' },
		{ SEED_PDFTEXT, "(ontvangen \n", "2024-02-15", ')' },
		{ SEED_PDFTEXT, "verkiezingsuitslag van \n", "2023-11-22", ' ' },
		{ SEED_MARKDOWN, "(ingezonden ", "2024-01-29", ')' },
		{ SEED_MARKDOWN, "(ontvangen ", "2024-02-16", ')' },
	};

	(void)state;
	for (size_t i = 0; i < LEN(dates); i++) {
		char *text = test_read_file(dates[i].seed, NULL);
		char *at = strstr(text, dates[i].after);
		char iso[DATE_ISO_SIZE];
		size_t n;

		assert_non_null(at);
		at += strlen(dates[i].after);
		n = date_parse_nl(at, iso);
		assert_true(n > 0);
		assert_string_equal(iso, dates[i].iso);
		assert_int_equal(at[n], dates[i].next);
		free(text);
	}
}

static void
test_format(void **state)
{
	char out[32];

	(void)state;
	assert_true(date_format_nl("2024-01-29", out, sizeof(out)));
	assert_string_equal(out, "29 januari 2024");
	assert_true(date_format_nl("2023-05-01", out, sizeof(out)));
	assert_string_equal(out, "1 mei 2023");
	assert_true(date_format_nl("2024-02-29", out, sizeof(out)));
	assert_string_equal(out, "29 februari 2024");
}

/*
 * A date in what naast says follows the interface's language: English
 * where no catalogue speaks (the C locale of the tests), whatever the
 * documents write; date_format_nl stays Dutch for citations.
 */
static void
test_format_text(void **state)
{
	char out[32];

	(void)state;
	assert_true(date_format_text("2024-02-15", out, sizeof(out)));
	assert_string_equal(out, "15 February 2024");
	assert_true(date_format_text("2023-05-01", out, sizeof(out)));
	assert_string_equal(out, "1 May 2023");
	assert_false(date_format_text("2024-13-01", out, sizeof(out)));
	assert_true(date_format_nl("2024-02-15", out, sizeof(out)));
	assert_string_equal(out, "15 februari 2024");
}

/* The vergaderjaar turns on Prinsjesdag, the third Tuesday of September. */
static void
test_vergaderjaar(void **state)
{
	static const char *const cases[][2] = {
		{ "2024-02-16", "2023/24" },	/* seed 001, Aanhangsel 1059 */
		{ "2023-09-18", "2022/23" },	/* the Monday before Prinsjesdag 2023 */
		{ "2023-09-19", "2023/24" },	/* Prinsjesdag 2023 */
		{ "2024-09-16", "2023/24" },
		{ "2024-09-17", "2024/25" },	/* Prinsjesdag 2024 */
		{ "2025-09-15", "2024/25" },
		{ "2025-09-16", "2025/26" },	/* Prinsjesdag 2025 */
		{ "2018-09-18", "2018/19" },	/* Prinsjesdag 2018: September began on a Saturday */
		{ "2018-09-17", "2017/18" },
		{ "1999-12-31", "1999/00" },
		{ "2024-08-31", "2023/24" },
	};
	char out[8];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		assert_true(date_vergaderjaar(cases[i][0], out));
		assert_string_equal(out, cases[i][1]);
	}
	assert_false(date_vergaderjaar("", out));
	assert_false(date_vergaderjaar(NULL, out));
	assert_false(date_vergaderjaar("2024-02-30", out));
}

/* Every month, every day: format and parse give back the same date. */
static void
test_round_trip(void **state)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	(void)state;
	for (int m = 1; m <= 12; m++) {
		for (int d = 1; d <= days[m - 1]; d++) {
			char iso[24], back[DATE_ISO_SIZE], text[32], upper[32];
			size_t i;

			snprintf(iso, sizeof(iso), "2024-%02d-%02d", m, d);
			assert_true(date_format_nl(iso, text, sizeof(text)));
			assert_int_equal(date_parse_nl(text, back), strlen(text));
			assert_string_equal(back, iso);
			for (i = 0; text[i]; i++)
				upper[i] = (char)toupper((unsigned char)text[i]);
			upper[i] = '\0';
			assert_int_equal(date_parse_nl(upper, back), strlen(upper));
			assert_string_equal(back, iso);
		}
	}
}

static void
test_format_invalid(void **state)
{
	static const char *const bad[] = {
		"", "2024", "2024-01", "2024-1-29", "2024-01-9", "24-01-29",
		"2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32",
		"2023-02-29", "2024-02-30", "2024-04-31", "2024/01/29",
		"2024-01-29x", " 2024-01-29", "2024- 1-29", "2024-+1-29",
		"2024-01-+9", "abcd-ef-gh", "29 januari 2024",
	};
	char out[32];

	(void)state;
	for (size_t i = 0; i < LEN(bad); i++)
		if (date_format_nl(bad[i], out, sizeof(out)))
			fail_msg("'%s' formatted as '%s'", bad[i], out);
	assert_false(date_format_nl(NULL, out, sizeof(out)));
	/* a buffer too small is an error, not a cut date */
	assert_false(date_format_nl("2024-09-29", out, 10));
	assert_true(date_format_nl("2024-09-29", out, 18));
	assert_string_equal(out, "29 september 2024");
	assert_false(date_format_nl("2024-09-29", out, 17));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_leap),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_parse_seeds),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_text),
		cmocka_unit_test(test_vergaderjaar),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_format_invalid),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
