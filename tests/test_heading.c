/*
 * test_heading: the one reader of "Vraag N" and "Antwoord N" headings,
 * one test per class of heading: a single number, lists, the comma that a
 * published answer left out, "Antwoord op vraag 3", "Antwoorden", case,
 * numbers too large to be vragen, lists that do not rise, the ':' or '.'
 * after a heading and the text after it.
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
	};

	return cmocka_run_group_tests_name("heading", tests, NULL, NULL);
}
