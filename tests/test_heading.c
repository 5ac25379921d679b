/*
 * test_heading: the one reader of "Vraag N" and "Antwoord N" headings,
 * one test per class of heading: a single number, lists, the comma that a
 * published answer left out, "Antwoord op vraag 3", "Antwoorden", case,
 * numbers too large to be vragen, lists that do not rise, the ':' or '.'
 * after a heading and the text after it; then heading_numbers, the one
 * reader of lists of vraag numbers, as a heading writes them and as
 * running text does (the references that xref finds).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "heading.h"
#include "testutil.h"

struct want {
	const char *text;
	bool ok;
	enum role role;
	int from, to;
	const char *rest;	/* the text after the heading */
};

static void
check(const struct want *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct heading h = { ROLE_OTHER, -1, -1, 0, 0 };
		size_t len = strlen(w[i].text);
		bool ok = heading_read(w[i].text, len, &h);

		if (ok != w[i].ok)
			fail_msg("\"%s\": %s a heading, read as %s", w[i].text,
			    w[i].ok ? "is" : "is not", ok ? "one" : "none");
		if (!ok)
			continue;
		assert_int_equal(h.role, w[i].role);
		assert_int_equal(h.from, w[i].from);
		assert_int_equal(h.to, w[i].to);
		assert_true(h.end <= h.text && h.text <= len);
		assert_string_equal(w[i].text + h.text, w[i].rest);
	}
}

#define CHECK(cases) check(cases, sizeof(cases) / sizeof(cases[0]))

static void
test_single_number(void **state)
{
	static const struct want cases[] = {
		{ "Vraag 1", true, ROLE_VRAAG, 1, 1, "" },
		{ "Vraag 12", true, ROLE_VRAAG, 12, 12, "" },
		{ "Antwoord 8", true, ROLE_ANTWOORD, 8, 8, "" },
		{ "  Vraag 3", true, ROLE_VRAAG, 3, 3, "" },
		{ "Vraag\xc2\xa0" "4", true, ROLE_VRAAG, 4, 4, "" },
		{ "Vraag 0", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraag 3a", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraagstukken 1", false, ROLE_VRAAG, 0, 0, NULL },
	};

	(void)state;
	CHECK(cases);
}

static void
test_list(void **state)
{
	static const struct want cases[] = {
		{ "Vraag 10 en 11", true, ROLE_VRAAG, 10, 11, "" },
		{ "Vraag 3, 4 en 5", true, ROLE_VRAAG, 3, 5, "" },
		{ "Vraag 3, 4, 5 en 6", true, ROLE_VRAAG, 3, 6, "" },
		{ "Vraag 3, 4, en 5", true, ROLE_VRAAG, 3, 5, "" },
		{ "Vraag 3,4", true, ROLE_VRAAG, 3, 4, "" },
		{ "Vragen 3 t/m 6", true, ROLE_VRAAG, 3, 6, "" },
		{ "Vragen 3 tot en met 6", true, ROLE_VRAAG, 3, 6, "" },
		{ "Vraag 3-5", true, ROLE_VRAAG, 3, 5, "" },
		{ "Vraag 3 \xe2\x80\x93 5", true, ROLE_VRAAG, 3, 5, "" },
		{ "Vragen 3 tot 5", true, ROLE_VRAAG, 3, 5, "" },
		{ "Antwoord 3, 4 en 5", true, ROLE_ANTWOORD, 3, 5, "" },
	};

	(void)state;
	CHECK(cases);
}

/* A published answer (1b2d2126) heads one answer "7, 8, 9 10 en 11". */
static void
test_missing_comma(void **state)
{
	static const struct want cases[] = {
		{ "Vraag 7, 8, 9 10 en 11", true, ROLE_VRAAG, 7, 11, "" },
		{ "Antwoord 7, 8, 9 10 en 11", true, ROLE_ANTWOORD, 7, 11, "" },
		{ "Vraag 9 10", true, ROLE_VRAAG, 9, 10, "" },
	};

	(void)state;
	CHECK(cases);
}

static void
test_antwoord_op_vraag(void **state)
{
	static const struct want cases[] = {
		{ "Antwoord op vraag 3", true, ROLE_ANTWOORD, 3, 3, "" },
		{ "Antwoord op de vraag 3", true, ROLE_ANTWOORD, 3, 3, "" },
		{ "Antwoord op vragen 3 en 4", true, ROLE_ANTWOORD, 3, 4, "" },
		{ "Antwoord op de vragen 3 en 4:", true, ROLE_ANTWOORD, 3, 4, "" },
		{ "Antwoorden op de vragen 3, 4 en 5", true, ROLE_ANTWOORD, 3, 5, "" },
		{ "Antwoord op vraag", false, ROLE_ANTWOORD, 0, 0, NULL },
		{ "Antwoord op de Kamervragen", false, ROLE_ANTWOORD, 0, 0, NULL },
		{ "Antwoord op vraag 3 is nee", false, ROLE_ANTWOORD, 0, 0, NULL },
	};

	(void)state;
	CHECK(cases);
}

/* "Antwoorden" heads one answer to several vragen, as "Vragen" heads them. */
static void
test_antwoorden(void **state)
{
	static const struct want cases[] = {
		{ "Antwoorden 3 en 4", true, ROLE_ANTWOORD, 3, 4, "" },
		{ "Antwoorden", true, ROLE_ANTWOORD, 0, 0, "" },
		{ "Antwoorden:", true, ROLE_ANTWOORD, 0, 0, "" },
		{ "Antwoord:", true, ROLE_ANTWOORD, 0, 0, "" },
		{ "Antwoord", true, ROLE_ANTWOORD, 0, 0, "" },
		{ "Vraag:", true, ROLE_VRAAG, 0, 0, "" },
		{ "Vragen 10 en 11", true, ROLE_VRAAG, 10, 11, "" },
		{ "Antwoorden zijn er niet", false, ROLE_ANTWOORD, 0, 0, NULL },
		{ "Antwoorden van Minister Bruins", false, ROLE_ANTWOORD, 0, 0, NULL },
		{ "Vragen van het lid Eerdmans (JA21)", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Antwoord van Minister-President Rutte", false, ROLE_VRAAG, 0, 0, NULL },
	};

	(void)state;
	CHECK(cases);
}

/*
 * Headings are written "Vraag" and, in some letters, "VRAAG"; a line that
 * begins with a lower-case "vraag 8." ends a wrapped sentence.
 */
static void
test_case(void **state)
{
	static const struct want cases[] = {
		{ "VRAAG 1", true, ROLE_VRAAG, 1, 1, "" },
		{ "ANTWOORD OP VRAAG 2", true, ROLE_ANTWOORD, 2, 2, "" },
		{ "VRAGEN 3 EN 4", true, ROLE_VRAAG, 3, 4, "" },
		{ "Antwoord Op Vraag 2", true, ROLE_ANTWOORD, 2, 2, "" },
		{ "vraag 12", false, ROLE_VRAAG, 0, 0, NULL },
		{ "vraag 8.", false, ROLE_VRAAG, 0, 0, NULL },
		{ "antwoord op vraag 1", false, ROLE_ANTWOORD, 0, 0, NULL },
		{ "VRaag 1", false, ROLE_VRAAG, 0, 0, NULL },
		{ "vRAAG 1", false, ROLE_VRAAG, 0, 0, NULL },
	};

	(void)state;
	CHECK(cases);
}

/* Up to 999: larger numbers are years, dossiers or Aanhangsel numbers. */
static void
test_too_large(void **state)
{
	static const struct want cases[] = {
		{ "Vraag 999", true, ROLE_VRAAG, 999, 999, "" },
		{ "Vraag 1000", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraag 2024", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraag 9999", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraag 3 en 1000", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Antwoord op vraag 12345", false, ROLE_ANTWOORD, 0, 0, NULL },
	};

	(void)state;
	CHECK(cases);
}

static void
test_not_rising(void **state)
{
	static const struct want cases[] = {
		{ "Vraag 3, 2", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraag 3 en 3", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraag 5-3", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraag 3, 5 en 4", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraag 3, 5 en 6", true, ROLE_VRAAG, 3, 6, "" },
	};

	(void)state;
	CHECK(cases);
}

static void
test_trailing_mark(void **state)
{
	static const struct want cases[] = {
		{ "Vraag 1:", true, ROLE_VRAAG, 1, 1, "" },
		{ "Vraag 1.", true, ROLE_VRAAG, 1, 1, "" },
		{ "Vraag 1 :", true, ROLE_VRAAG, 1, 1, "" },
		{ "Vragen 3 en 4.", true, ROLE_VRAAG, 3, 4, "" },
		{ "Vraag.", true, ROLE_VRAAG, 0, 0, "" },
		{ "Vraag 1;", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraag 1?", false, ROLE_VRAAG, 0, 0, NULL },
	};

	(void)state;
	CHECK(cases);
}

/* Text on the heading's line follows its ':' or '.'; else it is prose. */
static void
test_text_after(void **state)
{
	static const struct want cases[] = {
		{ "Vraag 1: Bent u bekend met het bericht?", true, ROLE_VRAAG, 1, 1,
		  "Bent u bekend met het bericht?" },
		{ "Vraag 1:Bent u bekend?", true, ROLE_VRAAG, 1, 1,
		  "Bent u bekend?" },
		{ "Antwoord 2. Nee.", true, ROLE_ANTWOORD, 2, 2, "Nee." },
		{ "Antwoord: Ja.", true, ROLE_ANTWOORD, 0, 0, "Ja." },
		{ "Vraag 3 is al beantwoord.", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Vraag 2 en 3 gaan over de begroting", false, ROLE_VRAAG, 0, 0, NULL },
		{ "Antwoord Nee.", false, ROLE_ANTWOORD, 0, 0, NULL },
	};

	(void)state;
	CHECK(cases);
}

/* heading_start reads the same words and leaves what follows to its caller. */
static void
test_start(void **state)
{
	static const char text[] = "Vraag 3 Bent u bekend met het bericht?";
	struct heading h;

	(void)state;
	assert_false(heading_read(text, strlen(text), &h));
	assert_true(heading_start(text, strlen(text), &h));
	assert_int_equal(h.role, ROLE_VRAAG);
	assert_int_equal(h.from, 3);
	assert_int_equal(h.to, 3);
	assert_int_equal(h.end, strlen("Vraag 3"));
	assert_string_equal(text + h.text, "Bent u bekend met het bericht?");
	assert_true(heading_start("Antwoord 4: Ja", 14, &h));
	assert_int_equal(h.end, strlen("Antwoord 4:"));
	assert_false(heading_start("vraag 3 Bent", 12, &h));
	/* Only s[0, n) is read. */
	assert_true(heading_read("Vraag 12", 7, &h));
	assert_int_equal(h.from, 1);
}

/*
 * heading_numbers reads the list at the start of text, written where:
 * want[0, n_want) and then rest; none when want is { 0 }.
 */
static void
check_numbers(const char *text, enum heading_where where, const char *rest,
    const int *want, size_t n_want)
{
	int nums[16];
	size_t i = 0, n;

	if (want[0] == 0)
		n_want = 0;
	n = heading_numbers(text, strlen(text), &i, where, nums, 16);
	if (n != n_want)
		fail_msg("\"%s\" (%s): %zu numbers, not %zu", text,
		    where == HEADING_LINE ? "heading" : "prose", n, n_want);
	for (size_t k = 0; k < n; k++)
		assert_int_equal(nums[k], want[k]);
	assert_string_equal(text + i, rest);
}

#define NUMBERS(text, where, rest, ...) do { \
	static const int want_[] = { __VA_ARGS__ }; \
	check_numbers(text, where, rest, want_, \
	    sizeof(want_) / sizeof(want_[0])); \
} while (0)

/* What a heading and running text read alike. */
static void
test_numbers_common(void **state)
{
	static const enum heading_where both[] = {
		HEADING_LINE, HEADING_PROSE
	};

	(void)state;
	for (size_t w = 0; w < 2; w++) {
		NUMBERS("3", both[w], "", 3);
		NUMBERS("3, 4 en 5.", both[w], ".", 3, 4, 5);
		NUMBERS("3,4", both[w], "", 3, 4);
		/* ", en": the comma before the last */
		NUMBERS("3, 4, en 5", both[w], "", 3, 4, 5);
		NUMBERS("3 EN 4", both[w], "", 3, 4);
		/* a range, written out */
		NUMBERS("3 t/m 6", both[w], "", 3, 4, 5, 6);
		NUMBERS("3 tot en met 5", both[w], "", 3, 4, 5);
		NUMBERS("3 tot 5", both[w], "", 3, 4, 5);
		NUMBERS("3-5", both[w], "", 3, 4, 5);
		NUMBERS("10 \xe2\x80\x93 12", both[w], "", 10, 11, 12);
		NUMBERS("3\xe2\x80\x94" "4", both[w], "", 3, 4);
		NUMBERS("1 en 3 t/m 5 en 9", both[w], "", 1, 3, 4, 5, 9);
		/* too long a range keeps its ends */
		NUMBERS("1 tot en met 400", both[w], "", 1, 400);
		/* 1 to HEADING_MAX_VRAAG */
		NUMBERS("999", both[w], "", 999);
		NUMBERS("1000", both[w], "1000", 0);
		NUMBERS("0", both[w], "0", 0);
		NUMBERS("2024Z01234", both[w], "2024Z01234", 0);
		NUMBERS("3 en 1000", both[w], " en 1000", 3);
		/* the list ends before a separator that no number follows */
		NUMBERS("1 en de rest", both[w], " en de rest", 1);
		NUMBERS("3, want", both[w], ", want", 3);
		NUMBERS("3 t/m", both[w], " t/m", 3);
		NUMBERS("vraag 3", both[w], "vraag 3", 0);
	}
}

/* A heading's numbers rise; running text may name them in any order. */
static void
test_numbers_rising(void **state)
{
	(void)state;
	NUMBERS("3, 2", HEADING_LINE, ", 2", 3);
	NUMBERS("3, 5 en 4", HEADING_LINE, " en 4", 3, 5);
	NUMBERS("5-3", HEADING_LINE, "-3", 5);
	NUMBERS("3, 2", HEADING_PROSE, "", 3, 2);
	NUMBERS("8 en 1", HEADING_PROSE, "", 8, 1);
	/* a falling range keeps its ends */
	NUMBERS("5-3", HEADING_PROSE, "", 5, 3);
}

/*
 * A heading may leave a comma out ("Vraag 7, 8, 9 10 en 11"); in running
 * text a number after a blank is something else.
 */
static void
test_numbers_missing_comma(void **state)
{
	(void)state;
	NUMBERS("7, 8, 9 10 en 11", HEADING_LINE, "", 7, 8, 9, 10, 11);
	NUMBERS("9 10", HEADING_LINE, "", 9, 10);
	NUMBERS("1 10 procent", HEADING_PROSE, " 10 procent", 1);
	NUMBERS("9 10", HEADING_PROSE, " 10", 9);
}

/* "of" names alternatives in running text: "het antwoord op vraag 2 of 3". */
static void
test_numbers_of(void **state)
{
	(void)state;
	NUMBERS("2 of 3", HEADING_PROSE, "", 2, 3);
	NUMBERS("2, 3, of 4", HEADING_PROSE, "", 2, 3, 4);
	NUMBERS("2 of 3", HEADING_LINE, " of 3", 2);
}

/*
 * In running text a number is a word of its own: "3a" is a sub-question
 * of vraag 3, "12Z01234" (a Kamer number) no vraag.  In a heading the
 * number ends at its last digit and the heading judges what follows.
 */
static void
test_numbers_word(void **state)
{
	(void)state;
	NUMBERS("3a", HEADING_PROSE, "", 3);
	NUMBERS("3a en 4b.", HEADING_PROSE, ".", 3, 4);
	NUMBERS("3ab", HEADING_PROSE, "3ab", 0);
	NUMBERS("12Z01234", HEADING_PROSE, "12Z01234", 0);
	NUMBERS("3 en 12Z01234", HEADING_PROSE, " en 12Z01234", 3);
	NUMBERS("3a", HEADING_LINE, "a", 3);
	NUMBERS("12Z01234", HEADING_LINE, "Z01234", 12);
}

/* A heading is one line; running text breaks its lines anywhere. */
static void
test_numbers_line_breaks(void **state)
{
	(void)state;
	NUMBERS("3 en\n4", HEADING_PROSE, "", 3, 4);
	NUMBERS("3,\xe2\x80\xaf" "4", HEADING_PROSE, "", 3, 4);
	NUMBERS("3 en\n4", HEADING_LINE, " en\n4", 3);
}

/* Past max numbers the last slot keeps the last: a heading's from and to. */
static void
test_numbers_max(void **state)
{
	const char *text = "3, 4 en 5:";
	int nums[2];
	size_t i = 0;

	(void)state;
	assert_int_equal(heading_numbers(text, strlen(text), &i, HEADING_LINE,
	    nums, 2), 2);
	assert_int_equal(nums[0], 3);
	assert_int_equal(nums[1], 5);
	assert_int_equal(i, strlen("3, 4 en 5"));
	i = 0;
	assert_int_equal(heading_numbers("3 t/m 90", 8, &i, HEADING_PROSE,
	    nums, 2), 2);
	assert_int_equal(nums[1], 90);
	/* only s[0, n) is read */
	i = 0;
	assert_int_equal(heading_numbers("3 en 4", 4, &i, HEADING_LINE,
	    nums, 2), 1);
	assert_int_equal(i, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_number),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_missing_comma),
		cmocka_unit_test(test_antwoord_op_vraag),
		cmocka_unit_test(test_antwoorden),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_not_rising),
		cmocka_unit_test(test_trailing_mark),
		cmocka_unit_test(test_text_after),
		cmocka_unit_test(test_start),
		cmocka_unit_test(test_numbers_common),
		cmocka_unit_test(test_numbers_rising),
		cmocka_unit_test(test_numbers_missing_comma),
		cmocka_unit_test(test_numbers_of),
		cmocka_unit_test(test_numbers_word),
		cmocka_unit_test(test_numbers_line_breaks),
		cmocka_unit_test(test_numbers_max),
	};

	return cmocka_run_group_tests_name("heading", tests, NULL, NULL);
}
