/*
 * test_json: the writer's output, byte for byte, compact and pretty.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "json.h"
#include "testutil.h"

/* A JSON writer on a memory stream; done() returns what was written. */
struct out {
	char *buf;
	size_t len;
	FILE *fp;
	struct json j;
};

static struct json *
start(struct out *o, bool pretty)
{
	o->buf = NULL;
	o->len = 0;
	o->fp = open_memstream(&o->buf, &o->len);
	assert_non_null(o->fp);
	json_init(&o->j, o->fp, pretty);
	return &o->j;
}

static void
check_output(struct out *o, const char *expected)
{
	assert_int_equal(fclose(o->fp), 0);
	assert_string_equal(o->buf, expected);
	assert_int_equal(o->len, strlen(expected));
	free(o->buf);
}

/* One document with every kind of value, nested. */
static void
write_sample(struct json *j)
{
	json_object_begin(j);
	json_kv_int(j, "id", 1059);
	json_kv_string(j, "ministry", "BZK");
	json_key(j, "questions");
	json_array_begin(j);
	json_object_begin(j);
	json_kv_int(j, "number", 1);
	json_kv_string(j, "answer", "Ja.");
	json_object_end(j);
	json_object_begin(j);
	json_kv_int(j, "number", 2);
	json_kv_string(j, "answer", NULL);
	json_key(j, "refs");
	json_array_begin(j);
	json_int(j, 1);
	json_int(j, -3);
	json_array_end(j);
	json_object_end(j);
	json_array_end(j);
	json_key(j, "open");
	json_bool(j, true);
	json_key(j, "closed");
	json_bool(j, false);
	json_key(j, "none");
	json_null(j);
	json_key(j, "empty_object");
	json_object_begin(j);
	json_object_end(j);
	json_key(j, "empty_array");
	json_array_begin(j);
	json_array_end(j);
	json_object_end(j);
	json_finish(j);
}

static void
test_compact(void **state)
{
	struct out o;

	(void)state;
	write_sample(start(&o, false));
	check_output(&o,
	    "{\"id\":1059,\"ministry\":\"BZK\",\"questions\":["
	    "{\"number\":1,\"answer\":\"Ja.\"},"
	    "{\"number\":2,\"answer\":null,\"refs\":[1,-3]}],"
	    "\"open\":true,\"closed\":false,\"none\":null,"
	    "\"empty_object\":{},\"empty_array\":[]}\n");
}

static void
test_pretty(void **state)
{
	struct out o;

	(void)state;
	write_sample(start(&o, true));
	check_output(&o,
	    "{\n"
	    "  \"id\": 1059,\n"
	    "  \"ministry\": \"BZK\",\n"
	    "  \"questions\": [\n"
	    "    {\n"
	    "      \"number\": 1,\n"
	    "      \"answer\": \"Ja.\"\n"
	    "    },\n"
	    "    {\n"
	    "      \"number\": 2,\n"
	    "      \"answer\": null,\n"
	    "      \"refs\": [\n"
	    "        1,\n"
	    "        -3\n"
	    "      ]\n"
	    "    }\n"
	    "  ],\n"
	    "  \"open\": true,\n"
	    "  \"closed\": false,\n"
	    "  \"none\": null,\n"
	    "  \"empty_object\": {},\n"
	    "  \"empty_array\": []\n"
	    "}\n");
}

static void
test_empty(void **state)
{
	struct out o;
	struct json *j;

	(void)state;
	j = start(&o, true);
	json_object_begin(j);
	json_object_end(j);
	json_finish(j);
	check_output(&o, "{}\n");

	j = start(&o, false);
	json_array_begin(j);
	json_array_end(j);
	json_finish(j);
	check_output(&o, "[]\n");

	/* arrays of empty containers */
	j = start(&o, false);
	json_array_begin(j);
	json_array_begin(j);
	json_array_end(j);
	json_object_begin(j);
	json_object_end(j);
	json_array_begin(j);
	json_array_end(j);
	json_array_end(j);
	json_finish(j);
	check_output(&o, "[[],{},[]]\n");

	j = start(&o, true);
	json_array_begin(j);
	json_array_begin(j);
	json_array_end(j);
	json_object_begin(j);
	json_object_end(j);
	json_array_end(j);
	json_finish(j);
	check_output(&o, "[\n  [],\n  {}\n]\n");
}

/* A top-level scalar is a document too. */
static void
test_scalars(void **state)
{
	struct out o;
	struct json *j;

	(void)state;
	j = start(&o, false);
	json_string(j, "x");
	json_finish(j);
	check_output(&o, "\"x\"\n");

	j = start(&o, true);
	json_int(j, -9223372036854775807LL - 1);
	json_finish(j);
	check_output(&o, "-9223372036854775808\n");

	j = start(&o, false);
	json_string(j, NULL);
	json_finish(j);
	check_output(&o, "null\n");
}

static void
check_string(const char *s, const char *expected)
{
	struct out o;

	json_string(start(&o, false), s);
	check_output(&o, expected);
}

static void
test_escaping(void **state)
{
	(void)state;
	check_string("", "\"\"");
	check_string("plain", "\"plain\"");
	check_string("\"quoted\"", "\"\\\"quoted\\\"\"");
	check_string("back\\slash", "\"back\\\\slash\"");
	check_string("a\nb", "\"a\\nb\"");
	/* sanitised first: a tab is a space, other controls and escape sequences go */
	check_string("a\tb\rc", "\"a bc\"");
	check_string("\x01", "\"\"");
	check_string("\x1f\x08\x0c\x1b", "\"\"");
	check_string("\x7f", "\"\"");
	check_string("x\x1b[2Jy \x1b]52;c;b3du\x07z", "\"xy z\"");
	check_string("l\xe2\x80\xaer \xc2\x9b", "\"lr \"");
	check_string("/", "\"/\"");
	/* UTF-8 passes through as it is */
	check_string("Financi\xc3\xabn \xe2\x80\x93 collega\xe2\x80\x99s \xe6\x97\xa5",
	    "\"Financi\xc3\xabn \xe2\x80\x93 collega\xe2\x80\x99s \xe6\x97\xa5\"");
	check_string(NULL, "null");
}

/* Keys are strings and are escaped the same way. */
static void
test_keys(void **state)
{
	struct out o;
	struct json *j;

	(void)state;
	j = start(&o, false);
	json_object_begin(j);
	json_kv_string(j, "a\"b\\c\n", "\xc3\xa9\xc3\xa9n");
	json_kv_int(j, "", 0);
	json_kv_string(j, "n", NULL);
	json_object_end(j);
	json_finish(j);
	check_output(&o, "{\"a\\\"b\\\\c\\n\":\"\xc3\xa9\xc3\xa9n\",\"\":0,\"n\":null}\n");
}

/* The deepest nesting the writer tracks, with commas right at every level. */
static void
test_deep(void **state)
{
	struct out o;
	struct json *j;
	char expected[1024];
	size_t k = 0;
	int levels = JSON_MAX_DEPTH - 1;

	(void)state;
	j = start(&o, false);
	for (int i = 0; i < levels; i++) {
		json_array_begin(j);
		json_int(j, i);
		expected[k++] = '[';
		k += (size_t)snprintf(expected + k, sizeof(expected) - k, "%d,", i);
	}
	json_null(j);
	k += (size_t)snprintf(expected + k, sizeof(expected) - k, "null");
	for (int i = 0; i < levels; i++) {
		json_array_end(j);
		expected[k++] = ']';
		if (i < levels - 1) {
			json_int(j, 7);
			k += (size_t)snprintf(expected + k, sizeof(expected) - k, ",7");
		}
	}
	expected[k] = '\0';
	check_output(&o, expected);
}

/* Two writers do not share state. */
static void
test_independent(void **state)
{
	struct out a, b;
	struct json *ja = start(&a, false), *jb = start(&b, false);

	(void)state;
	json_array_begin(ja);
	json_object_begin(jb);
	json_int(ja, 1);
	json_kv_int(jb, "x", 1);
	json_int(ja, 2);
	json_kv_int(jb, "y", 2);
	json_array_end(ja);
	json_object_end(jb);
	check_output(&a, "[1,2]");
	check_output(&b, "{\"x\":1,\"y\":2}");
}

static void
test_doubles(void **state)
{
	struct out o;
	struct json *j = start(&o, false);

	(void)state;
	json_array_begin(j);
	json_double(j, 1.0);
	json_double(j, 0.98234);
	json_double(j, 0.5);
	json_double(j, 0.0);
	json_double(j, -0.00001);
	json_double(j, 1.0 / 0.0);
	json_array_end(j);
	json_kv_double(j, "similarity", 0.25);
	check_output(&o, "[1,0.9823,0.5,0,0,null]\"similarity\":0.25");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_pretty),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_deep),
		cmocka_unit_test(test_independent),
		cmocka_unit_test(test_doubles),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
