/*
 * test_model: the names of roles and kinds (as stored and as in the JSON
 * of DESIGN.md section 5), string vectors, and the file name of an origin.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
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
	/* a NULL column of a damaged database */
	assert_false(model_role_from_name(NULL, &r));
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

/*
 * A warning keeps its English text, which --json gives, and the format
 * and arguments it was made of, from which it is said again in the
 * user's language (model_warning_say): the language of an import is not
 * the language it is shown in.
 */
static void
test_warning_parts(void **state)
{
	struct document *doc = model_new("x", 1);
	struct warning old = { .text = "vraag 3 is missing" };
	char long_arg[100];
	char *say;

	(void)state;
	memset(long_arg, 'a', sizeof(long_arg) - 1);
	long_arg[sizeof(long_arg) - 1] = '\0';
	model_warn(doc, "vragen %d to %d are missing", 2, 998);
	model_warn(doc, "line %zu: text kept as '%s'", (size_t)12, "o\x1fver");
	model_warn(doc, "before the first vraag: '%.60s'", long_arg);
	model_warn(doc, "no 'Vraag N' found: 100%% plain");
	assert_int_equal(doc->n_warnings, 4);

	assert_string_equal(doc->warnings[0].text, "vragen 2 to 998 are missing");
	assert_string_equal(doc->warnings[0].format, "vragen %d to %d are missing");
	assert_string_equal(doc->warnings[0].args, "2\x1f" "998\x1f");
	/* the separator cannot be in an argument */
	assert_string_equal(doc->warnings[1].text, "line 12: text kept as 'o ver'");
	assert_string_equal(doc->warnings[1].args, "12\x1fo ver\x1f");
	assert_int_equal(strlen(doc->warnings[2].text),
	    strlen("before the first vraag: ''") + 60);
	assert_string_equal(doc->warnings[3].text, "no 'Vraag N' found: 100% plain");
	assert_string_equal(doc->warnings[3].args, "");

	/* without a translation, said as the English text */
	for (size_t i = 0; i < doc->n_warnings; i++) {
		say = model_warning_say(&doc->warnings[i]);
		assert_string_equal(say, doc->warnings[i].text);
		free(say);
	}
	/* a warning stored before its format was: its text */
	say = model_warning_say(&old);
	assert_string_equal(say, "vraag 3 is missing");
	free(say);
	model_free(doc);
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
		cmocka_unit_test(test_warning_parts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
