/*
 * test_model: the names of roles and kinds (as stored and as in the JSON
 * of DESIGN.md section 5), string vectors, and the file name of an origin.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <string.h>
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
	for (int i = 0; i < N_ROLES; i++) {
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
	/* Every kind has a name of its own, "unknown" only DOC_UNKNOWN. */
	for (int i = 0; i < N_DOC_KINDS; i++)
		for (int k = 0; k < N_DOC_KINDS; k++)
			assert_true((i == k) == (strcmp(model_kind_name((enum doc_kind)i),
			    model_kind_name((enum doc_kind)k)) == 0));
	assert_string_equal(model_kind_name((enum doc_kind)N_DOC_KINDS), "unknown");
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

/* Footnote markers go back where they stood, as [1]. */
static void
test_marked_text(void **state)
{
	struct footnote f[2] = {
		{ .marker = "1", .text = "Kamerstuk 36 200 VII, nr. 5", .at = 17 },
		{ .marker = "2", .text = "Aanhangsel Handelingen II, nr. 1047", .at = 30 },
	};
	char *s;

	(void)state;
	s = model_marked_text("Kunt u bevestigen? En zo verder.", f, 2);
	assert_string_equal(s, "Kunt u bevestigen[1]? En zo verde[2]r.");
	free(s);
	/* a marker past the end goes at the end; none leaves the text */
	f[0].at = 99;
	s = model_marked_text("kort", f, 1);
	assert_string_equal(s, "kort[1]");
	free(s);
	s = model_marked_text("kort", NULL, 0);
	assert_string_equal(s, "kort");
	free(s);
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
		cmocka_unit_test(test_marked_text),
		cmocka_unit_test(test_strv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
