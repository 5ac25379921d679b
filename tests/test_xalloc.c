/*
 * test_xalloc: the growing string and the small path and array helpers
 * every module leans on, and what happens when memory runs out: the
 * hook is called (here it jumps back into the test instead of ending the
 * program, as tui/oom.c does) after the half-written files are removed.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <setjmp.h>
#include <cmocka.h>

#include "xalloc.h"
#include "testutil.h"

static void
test_xbuf_empty(void **state)
{
	struct xbuf b = { 0 };
	char *s;

	(void)state;
	xbuf_puts(&b, NULL);
	assert_int_equal(b.n, 0);
	s = xbuf_finish(&b);
	assert_string_equal(s, "");
	free(s);
}

static void
test_xbuf_puts_and_add(void **state)
{
	struct xbuf b = { 0 };
	char *s;

	(void)state;
	xbuf_puts(&b, "vraag");
	xbuf_add(&b, " 12345", 2);
	xbuf_puts(&b, NULL);
	xbuf_puts(&b, "");
	assert_int_equal(b.n, 7);
	assert_string_equal(b.s, "vraag 1");
	s = xbuf_finish(&b);
	assert_string_equal(s, "vraag 1");
	free(s);
}

/* Short and long output both land whole, after what was there. */
static void
test_xbuf_printf(void **state)
{
	struct xbuf b = { 0 };
	char long_word[1001];

	(void)state;
	xbuf_printf(&b, "%s %d", "Vraag", 3);
	assert_string_equal(b.s, "Vraag 3");
	memset(long_word, 'a', 1000);
	long_word[1000] = '\0';
	xbuf_printf(&b, "[%s]", long_word);
	assert_int_equal(b.n, 7 + 1002);
	assert_int_equal(strlen(b.s), b.n);
	assert_memory_equal(b.s, "Vraag 3[aaa", 11);
	assert_string_equal(b.s + b.n - 2, "a]");
	xbuf_printf(&b, "%s", "");
	assert_int_equal(b.n, 7 + 1002);
	xbuf_printf(&b, "!");
	assert_string_equal(b.s + b.n - 3, "a]!");
	free(xbuf_finish(&b));
}

static void
test_xdirname(void **state)
{
	static const struct {
		const char *path, *dir;
	} cases[] = {
		{ "kamervragen.db", "." },
		{ "/naast.db", "/" },
		{ "/home/ambtenaar/naast.db", "/home/ambtenaar" },
		{ "data/export.md", "data" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *d = xdirname(cases[i].path);

		assert_string_equal(d, cases[i].dir);
		free(d);
	}
}

static void
test_xgrow(void **state)
{
	int *v = NULL;
	size_t cap = 0;

	(void)state;
	xgrow(&v, &cap, 1, sizeof(*v));
	assert_true(cap >= 1);
	xgrow(&v, &cap, 1000, sizeof(*v));
	assert_true(cap >= 1000);
	for (int i = 0; i < 1000; i++)
		v[i] = i;
	xgrow(&v, &cap, 10, sizeof(*v));	/* never shrinks */
	assert_true(cap >= 1000);
	assert_int_equal(v[999], 999);
	free(v);
}

static void
test_strings(void **state)
{
	char *s;

	(void)state;
	s = xstrndup("Kamervragen", 5);
	assert_string_equal(s, "Kamer");
	free(s);
	s = xasprintf("%s-%04d", "AH", 1059);
	assert_string_equal(s, "AH-1059");
	free(s);
}

static jmp_buf back;
static int hook_calls;

static void
jump_back(void)
{
	hook_calls++;
	longjmp(back, 1);
}

/* An array that would not fit in memory ends through the hook. */
static void
test_fail_calls_hook(void **state)
{
	char *v = NULL;
	size_t cap = 0;

	(void)state;
	hook_calls = 0;
	xalloc_set_fail_hook(jump_back);
	if (setjmp(back) == 0)
		xgrow(&v, &cap, SIZE_MAX / 2, 16);
	xalloc_set_fail_hook(NULL);
	assert_int_equal(hook_calls, 1);
	assert_null(v);
	assert_int_equal(cap, 0);
}

/* The files pushed and not popped are gone before the hook is called. */
static void
test_fail_removes_temps(void **state)
{
	char a[] = "/tmp/naast-test-xalloc-XXXXXX";
	char b[] = "/tmp/naast-test-xalloc-XXXXXX";
	int fa = mkstemp(a), fb = mkstemp(b);

	(void)state;
	assert_true(fa >= 0 && fb >= 0);
	close(fa);
	close(fb);
	xalloc_temp_push(b);
	xalloc_temp_pop();
	xalloc_temp_push(a);
	hook_calls = 0;
	xalloc_set_fail_hook(jump_back);
	if (setjmp(back) == 0)
		xalloc_fail();
	xalloc_set_fail_hook(NULL);
	xalloc_temp_pop();
	assert_int_equal(hook_calls, 1);
	assert_int_equal(access(a, F_OK), -1);
	assert_int_equal(access(b, F_OK), 0);
	unlink(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xbuf_empty),
		cmocka_unit_test(test_xbuf_puts_and_add),
		cmocka_unit_test(test_xbuf_printf),
		cmocka_unit_test(test_xdirname),
		cmocka_unit_test(test_xgrow),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_fail_calls_hook),
		cmocka_unit_test(test_fail_removes_temps),
	};

	return cmocka_run_group_tests_name("xalloc", tests, NULL, NULL);
}
