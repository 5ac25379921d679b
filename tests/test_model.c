/*
 * test_model: the names of roles and kinds (as stored and as in the JSON
 * of DESIGN.md section 5), string vectors, and the file name of an origin.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model.h"
#include "testutil.h"

static void
test_role_names(void **state)
{
	enum role r;

	(void)state;
	assert_string_equal(model_role_name(ROLE_ANTWOORD), "antwoord");
	assert_string_equal(model_role_name(ROLE_BODY), "body");
	for (int i = ROLE_HEADER; i <= ROLE_OTHER; i++) {
		assert_true(model_role_from_name(model_role_name((enum role)i), &r));
		assert_int_equal(r, i);
	}
	assert_false(model_role_from_name("Antwoord", &r));
	assert_false(model_role_from_name("", &r));
	/* out of range reads as text that could not be placed */
	assert_string_equal(model_role_name((enum role)99), "other");
}

static void
test_kind_names(void **state)
{
	(void)state;
	assert_string_equal(model_kind_name(DOC_ANSWER), "answer");
	assert_string_equal(model_kind_name(DOC_LETTER), "letter");
	assert_string_equal(model_kind_name(DOC_QUESTIONS), "questions");
}

static void
test_origin_name(void **state)
{
	(void)state;
	assert_string_equal(model_origin_name("assets/corpus/004_e244608e296288d3.txt"),
	    "004_e244608e296288d3.txt");
	assert_string_equal(model_origin_name("/abs/path/ah-tk-20232024-1059.pdf"),
	    "ah-tk-20232024-1059.pdf");
	assert_string_equal(model_origin_name("brief.txt"), "brief.txt");
	/* a directory-like name keeps what it has rather than showing nothing */
	assert_string_equal(model_origin_name("stdin/"), "stdin/");
	assert_string_equal(model_origin_name(""), "(no name)");
	assert_string_equal(model_origin_name(NULL), "(no name)");
}

static void
test_strv(void **state)
{
	char **v = NULL;
	size_t n = 0;

	(void)state;
	model_strv_add(&v, &n, strdup("een"));
	model_strv_add(&v, &n, strdup("twee"));
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "een");
	assert_string_equal(v[1], "twee");
	model_strv_free(v, n);
	model_strv_free(NULL, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_names),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_origin_name),
		cmocka_unit_test(test_strv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
