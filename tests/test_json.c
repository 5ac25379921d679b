/*
 * test_json: the writer's output, byte for byte, compact and pretty, and
 * the records of json_record.h.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "json_record.h"
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

/*
 * A string in parts (cli diff writes a long run so): the same bytes as
 * the string whole, each part sanitised and escaped, after a key or as an
 * array's member.
 */
static void
test_string_parts(void **state)
{
	struct out o;
	struct json *j;

	(void)state;
	j = start(&o, false);
	json_object_begin(j);
	json_key(j, "text");
	json_string_begin(j);
	json_string_part(j, "Zie \"vraag 2\"");
	json_string_part(j, " ");
	json_string_part(j, "en\x1b[31m 3.\n");
	json_string_end(j);
	json_key(j, "parts");
	json_array_begin(j);
	json_string(j, "a");
	json_string_begin(j);
	json_string_end(j);
	json_array_end(j);
	json_object_end(j);
	json_finish(j);
	check_output(&o, "{\"text\":\"Zie \\\"vraag 2\\\" en 3.\\n\","
	    "\"parts\":[\"a\",\"\"]}\n");
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

/* The shorthands: a number or null, a string or null, an array of strings. */
static void
test_shorthands(void **state)
{
	char *codes[] = { "AZ", "BZK" };
	struct out o;
	struct json *j = start(&o, false);

	(void)state;
	json_object_begin(j);
	json_kv_int_or_null(j, "set", 7);
	json_kv_int_or_null(j, "vraag", 0);
	json_kv_int_or_null(j, "aanhangsel", -1);
	json_kv_nonempty(j, "date", "2024-02-15");
	json_kv_nonempty(j, "ministry", "");
	json_kv_nonempty(j, "origin", NULL);
	json_kv_strv(j, "addressed", codes, 2);
	json_kv_strv(j, "unanswered", NULL, 0);
	json_object_end(j);
	check_output(&o, "{\"set\":7,\"vraag\":null,\"aanhangsel\":null,\"date\":\"2024-02-15\","
	    "\"ministry\":null,\"origin\":null,\"addressed\":[\"AZ\",\"BZK\"],\"unanswered\":[]}");
}

/*
 * A signatory without a portfolio has no portfolio key (DESIGN.md section
 * 5 shows Rutte so); one with a portfolio has it after the ministry.
 */
#define RUTTE_JSON \
    "{\"name\":\"Rutte\",\"role\":\"Minister-President\",\"ministry\":\"AZ\",\"on_behalf_of\":[]}"
static const char signatories_json[] =
    "[" RUTTE_JSON ","
    "{\"name\":\"Van Rij\",\"role\":\"Staatssecretaris\",\"ministry\":\"FIN\","
    "\"portfolio\":\"Fiscaliteit en Belastingdienst\",\"on_behalf_of\":[\"BHO\"]}]";

static char *behalf[] = { "BHO" };
static const struct signatory signatories[] = {
	{ "Rutte", "Minister-President", "AZ", NULL, NULL, 0, NULL, NULL },
	{ "Van Rij", "Staatssecretaris", "FIN", "Fiscaliteit en Belastingdienst", behalf, 1, NULL, NULL },
};

static void
test_signatories(void **state)
{
	struct out o;

	(void)state;
	json_record_signatories(start(&o, false), signatories, 2);
	check_output(&o, signatories_json);
	json_record_signatories(start(&o, false), NULL, 0);
	check_output(&o, "[]");
}

static void
test_questioners(void **state)
{
	const struct questioner q[] = { { "Eerdmans", "JA21" }, { "Omtzigt", NULL } };
	struct out o;

	(void)state;
	json_record_questioners(start(&o, false), q, 2);
	check_output(&o, "[{\"name\":\"Eerdmans\",\"party\":\"JA21\"},{\"name\":\"Omtzigt\",\"party\":null}]");
}

/* A set as list and show write it: what is not known is null. */
static void
test_set(void **state)
{
	struct questioner q = { "Eerdmans", "JA21" };
	char *addressed[] = { "AZ", "BZK" }, *unanswered[] = { "BZK" };
	struct set_answer answers[] = { { .doc = 1, .ministry = "AZ", .received = "2024-02-15" } };
	struct set_coverage coverage[] = {
		{ .ministry = "AZ", .answered_by = "AZ" },
		{ .ministry = "BZK" },
	};
	struct set_info set = {
		.id = 1, .subject = "bijeenkomsten", .questioners = &q, .n_questioners = 1,
		.addressed = addressed, .n_addressed = 2, .n_questions = 9,
		.answers = answers, .n_answers = 1,
		.unanswered = unanswered, .n_unanswered = 1,
		.coverage = coverage, .n_coverage = 2, .answered = 1,
	};
	/* addressed through a portfolio, answered by a successor */
	struct set_coverage successor[] = {
		{ .ministry = "EZK", .portfolio = "KenE", .answered_by = "KGG",
		  .succession = true },
	};
	char *ezk[] = { "EZK" };
	/* fetched: its Zaak, the open data's addressed, the answer's ids */
	struct set_answer kgg[] = { { .doc = 2, .ministry = "KGG", .received = "2024-08-12",
		.tk_number = "2024D31234", .koop_id = "ah-tk-20232024-2401" } };
	struct set_info later = {
		.id = 2, .zaak = "2024Z11111", .addressed_official = true,
		.subject = "warmte", .questioners = &q, .n_questioners = 1,
		.addressed = ezk, .n_addressed = 1, .n_questions = 1,
		.answers = kgg, .n_answers = 1,
		.coverage = successor, .n_coverage = 1, .answered = 1,
	};
	struct out o;

	(void)state;
	json_record_set(start(&o, false), &set);
	check_output(&o, "{\"id\":1,\"zaak\":null,\"subject\":\"bijeenkomsten\","
	    "\"questioners\":[{\"name\":\"Eerdmans\",\"party\":\"JA21\"}],\"submitted\":null,"
	    "\"addressed\":[\"AZ\",\"BZK\"],\"addressed_from\":\"header\","
	    "\"questions\":9,\"aanhangsel\":null,"
	    "\"answers\":[{\"doc\":1,\"ministry\":\"AZ\",\"received\":\"2024-02-15\",\"aanhangsel\":null,"
	    "\"tk_document\":null,\"koop_id\":null,\"warnings\":[]}],"
	    "\"notices\":[],\"unanswered\":[\"BZK\"],\"answered\":1,"
	    "\"coverage\":[{\"ministry\":\"AZ\",\"portfolio\":null,\"answered_by\":\"AZ\",\"succession\":false},"
	    "{\"ministry\":\"BZK\",\"portfolio\":null,\"answered_by\":null,\"succession\":false}]}");
	json_record_set(start(&o, false), &later);
	check_output(&o, "{\"id\":2,\"zaak\":\"2024Z11111\",\"subject\":\"warmte\","
	    "\"questioners\":[{\"name\":\"Eerdmans\",\"party\":\"JA21\"}],\"submitted\":null,"
	    "\"addressed\":[\"EZK\"],\"addressed_from\":\"open data\","
	    "\"questions\":1,\"aanhangsel\":null,"
	    "\"answers\":[{\"doc\":2,\"ministry\":\"KGG\",\"received\":\"2024-08-12\",\"aanhangsel\":null,"
	    "\"tk_document\":\"2024D31234\",\"koop_id\":\"ah-tk-20232024-2401\",\"warnings\":[]}],"
	    "\"notices\":[],\"unanswered\":[],\"answered\":1,"
	    "\"coverage\":[{\"ministry\":\"EZK\",\"portfolio\":\"KenE\",\"answered_by\":\"KGG\",\"succession\":true}]}");
}

/* A hit of a letter: no set, vraag or ministry. */
static void
test_hit(void **state)
{
	struct search_hit h = {
		.passage = 12, .doc = 3, .role = ROLE_BODY, .kind = DOC_LETTER,
		.origin = "004.txt", .title = "Bruins Slot, Rutte",
		.snippet = "de [ambtenaren]", .score = 0.5,
	};
	struct out o;

	(void)state;
	json_record_hit(start(&o, false), &h);
	check_output(&o, "{\"passage\":12,\"doc\":3,\"set\":null,\"vraag\":null,\"ministry\":null,"
	    "\"role\":\"body\",\"snippet\":\"de [ambtenaren]\",\"origin\":\"004.txt\","
	    "\"title\":\"Bruins Slot, Rutte\",\"date\":null,"
	    "\"kind\":\"letter\",\"ministries\":[],\"same\":[],\"substring\":false,\"score\":0.5}");
}

/* A hit on a footnote says whose footnote it is (issue 16). */
static void
test_footnote_hit(void **state)
{
	struct search_hit h = {
		.passage = 13, .doc = 1, .set = 2, .vraag = 5, .role = ROLE_FOOTNOTE,
		.kind = DOC_ANSWER, .origin = "1314.pdf", .snippet = "[Movisie]",
		.score = 2, .note_of = 10, .note_of_role = ROLE_VRAAG, .marker = "2",
	};
	struct out o;

	(void)state;
	json_record_hit(start(&o, false), &h);
	check_output(&o, "{\"passage\":13,\"doc\":1,\"set\":2,\"vraag\":5,\"ministry\":null,"
	    "\"role\":\"footnote\",\"footnote\":{\"marker\":\"2\",\"of\":\"vraag\","
	    "\"passage\":10},\"snippet\":\"[Movisie]\",\"origin\":\"1314.pdf\",\"title\":null,"
	    "\"date\":null,\"kind\":\"answer\",\"ministries\":[],\"same\":[],"
	    "\"substring\":false,\"score\":2}");
}

/* A vraag asked alike of several ministries: one hit, the others in same (issue 19). */
static void
test_same_hit(void **state)
{
	struct search_same same[] = {
		{ .passage = 33, .doc = 2, .ministry = "BZK" },
		{ .passage = 57, .doc = 4, .ministry = "" },
	};
	struct search_hit h = {
		.passage = 9, .doc = 1, .set = 1, .vraag = 4, .ministry = "AZ",
		.role = ROLE_VRAAG, .kind = DOC_ANSWER, .origin = "000.txt",
		.title = "bijeenkomsten", .snippet = "[ambtenaren]", .score = 2,
		.same = same, .n_same = 2,
	};
	struct out o;

	(void)state;
	json_record_hit(start(&o, false), &h);
	check_output(&o, "{\"passage\":9,\"doc\":1,\"set\":1,\"vraag\":4,\"ministry\":\"AZ\","
	    "\"role\":\"vraag\",\"snippet\":\"[ambtenaren]\",\"origin\":\"000.txt\","
	    "\"title\":\"bijeenkomsten\",\"date\":null,\"kind\":\"answer\","
	    "\"ministries\":[\"AZ\",\"BZK\"],\"same\":[{\"passage\":33,\"doc\":2,"
	    "\"ministry\":\"BZK\"},{\"passage\":57,\"doc\":4,\"ministry\":null}],"
	    "\"substring\":false,\"score\":2}");
}

/*
 * A passage as the export writes it: the signatories as show writes them,
 * and each string sanitised once, its line breaks kept.
 */
static void
test_passage(void **state)
{
	struct export_item it = {
		.passage = 12, .doc = 1, .kind = DOC_ANSWER, .role = ROLE_ANTWOORD,
		.vraag = 8, .vraag_to = 8, .text = "Ja.", .note = "eerst\nlezen\x1b[2J",
		.set = 1, .subject = "bijeenkomsten", .submitted = "2024-01-29",
		.ministry = "AZ", .signatories = (struct signatory *)signatories,
		.n_signatories = 1, .received = "2024-02-15", .origin = "000.txt",
	};
	struct out o;
	struct json *j = start(&o, false);

	(void)state;
	json_object_begin(j);
	json_record_passage_members(j, &it);
	json_object_end(j);
	assert_int_equal(fclose(o.fp), 0);
	assert_non_null(strstr(o.buf, "{\"passage\":12,\"doc\":1,\"kind\":\"answer\",\"role\":\"antwoord\","
	    "\"set\":1,\"vraag\":8,\"subject\":\"bijeenkomsten\",\"questioners\":[],"
	    "\"submitted\":\"2024-01-29\",\"vraag_text\":null,\"vraag_footnotes\":[],"
	    "\"ministry\":\"AZ\","));
	assert_non_null(strstr(o.buf, "\"signatories\":[" RUTTE_JSON "],"));
	assert_non_null(strstr(o.buf, "\"received\":\"2024-02-15\",\"aanhangsel\":null,"
	    "\"addressees\":[],\"paragraph\":null,\"origin\":\"000.txt\",\"citation\":\"Antwoord van"));
	assert_non_null(strstr(o.buf, "\"text\":\"Ja.\",\"footnotes\":[],\"note\":\"eerst\\nlezen\"}"));
	free(o.buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_pretty),
		cmocka_unit_test(test_string_parts),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_deep),
		cmocka_unit_test(test_independent),
		cmocka_unit_test(test_doubles),
		cmocka_unit_test(test_shorthands),
		cmocka_unit_test(test_signatories),
		cmocka_unit_test(test_questioners),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_hit),
		cmocka_unit_test(test_footnote_hit),
		cmocka_unit_test(test_same_hit),
		cmocka_unit_test(test_passage),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
