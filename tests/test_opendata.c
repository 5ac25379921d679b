/*
 * test_opendata: the identifiers a user names, the addresses naast asks
 * and the JSON the Tweede Kamer's OData service answers (FORMATS.md §5),
 * built here as the service shapes it.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "opendata.h"
#include "testutil.h"

static void
expect_ref(const char *arg, const char *zaak, const char *nr, const char *doc)
{
	struct od_ref r;

	if (!opendata_ref_parse(arg, &r))
		fail_msg("'%s' not read", arg);
	assert_string_equal(r.zaak, zaak);
	assert_string_equal(r.aanhangselnummer, nr);
	assert_string_equal(r.document, doc);
}

static void
test_refs(void **state)
{
	struct od_ref r;

	(void)state;
	expect_ref("2024Z01294", "2024Z01294", "", "");
	expect_ref("2024z01294", "2024Z01294", "", "");
	expect_ref("kv-tk-2024Z01294", "2024Z01294", "", "");
	expect_ref("KV-TK-2017Z06952", "2017Z06952", "", "");
	expect_ref("ah-tk-20232024-1059", "", "232401059", "");
	expect_ref("ah-tk-20182019-2411", "", "181902411", "");
	expect_ref("ah-tk-20072008-2031-h1", "", "070802031", "");
	expect_ref("2024D05678", "", "", "2024D05678");
	/* not one of them */
	assert_false(opendata_ref_parse("2024Z0129", &r));
	assert_false(opendata_ref_parse("2024Z012945", &r));
	assert_false(opendata_ref_parse("2024X01294", &r));
	assert_false(opendata_ref_parse("ah-tk-20232025-1059", &r));
	assert_false(opendata_ref_parse("ah-tk-20232024-", &r));
	assert_false(opendata_ref_parse("ah-tk-20232024-0", &r));
	assert_false(opendata_ref_parse("ah-tk-20232024-1059x", &r));
	assert_false(opendata_ref_parse("ah-ek-20232024-1059", &r));
	assert_false(opendata_ref_parse("kv-tk-ah-tk-20232024-1", &r));
	assert_false(opendata_ref_parse("", &r));
	assert_false(opendata_ref_parse(NULL, &r));
}

static void
test_koop_id(void **state)
{
	char id[64];

	(void)state;
	assert_true(opendata_koop_id("181902411", id, sizeof(id)));
	assert_string_equal(id, "ah-tk-20182019-2411");
	assert_true(opendata_koop_id("232401059", id, sizeof(id)));
	assert_string_equal(id, "ah-tk-20232024-1059");
	assert_true(opendata_koop_id("080900001", id, sizeof(id)));
	assert_string_equal(id, "ah-tk-20082009-1");
	/* what the API has not (or not in this form): no id, never a guess */
	assert_false(opendata_koop_id(NULL, id, sizeof(id)));
	assert_false(opendata_koop_id("2411", id, sizeof(id)));
	assert_false(opendata_koop_id("182002411", id, sizeof(id)));
	assert_false(opendata_koop_id("181900000", id, sizeof(id)));
	assert_false(opendata_koop_id("18190241a", id, sizeof(id)));
}

static void
test_kinds(void **state)
{
	(void)state;
	assert_int_equal(opendata_kind("Schriftelijke vragen"), OD_QUESTIONS);
	assert_int_equal(opendata_kind("Antwoord schriftelijke vragen"), OD_ANSWER);
	assert_int_equal(opendata_kind("Antwoord schriftelijke vragen (nader)"),
	    OD_ANSWER_LATER);
	assert_int_equal(opendata_kind("Mededeling (uitstel antwoord)"),
	    OD_MEDEDELING);
	assert_int_equal(opendata_kind("Brief regering"), OD_OTHER);
	assert_int_equal(opendata_kind("Mededeling"), OD_OTHER);
	assert_int_equal(opendata_kind(NULL), OD_OTHER);
}

static void
test_urls(void **state)
{
	struct od_ref r;
	char *u;

	(void)state;
	u = opendata_zaak_url("http://h/OData/v4/2.0/", "2024Z01294");
	assert_string_equal(u, "http://h/OData/v4/2.0/Zaak?$filter="
	    "Nummer%20eq%20%272024Z01294%27%20and%20Verwijderd%20eq%20false"
	    "&$expand=ZaakActor%2CDocument");
	free(u);
	/* a base without its last slash, a quote doubled in a literal */
	u = opendata_zaak_url("http://h/api", "a'b");
	assert_string_equal(u, "http://h/api/Zaak?$filter="
	    "Nummer%20eq%20%27a%27%27b%27%20and%20Verwijderd%20eq%20false"
	    "&$expand=ZaakActor%2CDocument");
	free(u);
	assert_true(opendata_ref_parse("ah-tk-20232024-1059", &r));
	u = opendata_documents_url("http://h/", &r);
	assert_string_equal(u, "http://h/Document?$filter="
	    "Aanhangselnummer%20eq%20%27232401059%27%20and%20Verwijderd%20eq%20false"
	    "&$expand=Zaak");
	free(u);
	u = opendata_resource_url("http://h/", "1a2d8959-7ce1-411d-bffe-c78970ae8d6b");
	assert_string_equal(u,
	    "http://h/Document(1a2d8959-7ce1-411d-bffe-c78970ae8d6b)/resource");
	free(u);
	u = opendata_changes_url("http://h/", "2024-09-01T00:00:00Z");
	assert_non_null(strstr(u, "ApiGewijzigdOp%20ge%202024-09-01T00%3A00%3A00Z"));
	assert_non_null(strstr(u, "%27Antwoord%20schriftelijke%20vragen%20%28nader%29%27"));
	assert_non_null(strstr(u, "&$orderby=ApiGewijzigdOp%2CId&$top=250"));
	free(u);
}

static const char zaak_json[] =
	"{\"@odata.context\":\"x\",\"value\":[{"
	"\"Id\":\"z1\",\"Nummer\":\"2024Z01294\",\"Onderwerp\":\"bijeenkomsten\","
	"\"GestartOp\":\"2024-01-29T00:00:00+01:00\",\"Verwijderd\":false,"
	"\"ZaakActor\":["
	" {\"Relatie\":\"Indiener\",\"Functie\":\"Tweede Kamerlid\","
	"  \"ActorNaam\":\"J.A. Eerdmans\",\"ActorFractie\":\"JA21\",\"Verwijderd\":false},"
	" {\"Relatie\":\"Gericht aan\",\"Functie\":\"minister-president\","
	"  \"ActorNaam\":\"M. Rutte\",\"ActorFractie\":null,\"Verwijderd\":false},"
	" {\"Relatie\":\"Gericht aan\",\"Functie\":\"gone\",\"Verwijderd\":true}],"
	"\"Document\":["
	" {\"Id\":\"d1\",\"Soort\":\"Antwoord schriftelijke vragen\","
	"  \"DocumentNummer\":\"2024D06000\",\"Aanhangselnummer\":\"232401059\","
	"  \"Datum\":\"2024-02-16T00:00:00+01:00\",\"ContentType\":\"application/pdf\","
	"  \"ContentLength\":40123,\"ApiGewijzigdOp\":\"2024-02-16T10:00:00.1234567Z\","
	"  \"Verwijderd\":false},"
	" {\"Id\":\"d2\",\"Soort\":\"Schriftelijke vragen\",\"DocumentNummer\":\"2024D03012\","
	"  \"Aanhangselnummer\":null,\"ContentLength\":null,\"Verwijderd\":false},"
	" {\"Id\":\"d3\",\"Soort\":\"Antwoord schriftelijke vragen\",\"Verwijderd\":true},"
	" {\"Soort\":\"Antwoord schriftelijke vragen\",\"Verwijderd\":false}"
	"]}]}";

static void
test_zaak_parse(void **state)
{
	struct error err = { "" };
	struct od_zaak z;

	(void)state;
	assert_int_equal(opendata_zaak_parse(zaak_json, strlen(zaak_json), &z,
	    &err), STATUS_OK);
	assert_string_equal(z.nummer, "2024Z01294");
	assert_string_equal(z.gestart, "2024-01-29T00:00:00+01:00");
	/* deleted actors and documents, and a document without Id, are out */
	assert_int_equal(z.n_actors, 2);
	assert_string_equal(z.actors[1].relatie, "Gericht aan");
	assert_string_equal(z.actors[1].functie, "minister-president");
	assert_null(z.actors[1].fractie);
	assert_int_equal(z.n_docs, 2);
	assert_string_equal(z.docs[0].id, "d1");
	assert_int_equal(z.docs[0].kind, OD_ANSWER);
	assert_string_equal(z.docs[0].aanhangselnummer, "232401059");
	assert_int_equal(z.docs[0].content_length, 40123);
	assert_string_equal(z.docs[0].changed, "2024-02-16T10:00:00.1234567Z");
	assert_int_equal(z.docs[1].kind, OD_QUESTIONS);
	assert_null(z.docs[1].aanhangselnummer);
	assert_int_equal(z.docs[1].content_length, -1);
	opendata_zaak_free(&z);
}

static void
test_zaak_not_there(void **state)
{
	static const char none[] = "{\"@odata.context\":\"x\",\"value\":[]}";
	static const char *const bad[] = {
		"<html><body>Pagina niet gevonden</body></html>",
		"{\"value\":[{\"Id\":\"z1\",\"Nummer\":",
		"{\"error\":{\"code\":\"400\",\"message\":\"bad filter\"}}",
		"{\"value\":[{\"Id\":\"z1\"}]}",
		"",
	};
	struct error err = { "" };
	struct od_zaak z;

	(void)state;
	assert_int_equal(opendata_zaak_parse(none, strlen(none), &z, &err),
	    STATUS_NOT_FOUND);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err.msg[0] = '\0';
		if (opendata_zaak_parse(bad[i], strlen(bad[i]), &z, &err) !=
		    STATUS_FORMAT)
			fail_msg("'%s' read as a Zaak", bad[i]);
		assert_true(err.msg[0] != '\0');
	}
}

static void
test_page_parse(void **state)
{
	static const char page[] =
		"{\"value\":[{\"Id\":\"d1\",\"Soort\":\"Mededeling (uitstel antwoord)\","
		"\"Zaak\":[{\"Nummer\":\"2024Z01294\"}]},"
		"{\"Id\":\"d2\",\"Soort\":\"Brief regering\",\"Zaak\":[]}],"
		"\"@odata.nextLink\":\"http://h/Document?$skip=250\"}";
	static const char last[] = "{\"value\":[]}";
	struct error err = { "" };
	struct od_page p;

	(void)state;
	assert_int_equal(opendata_documents_parse(page, strlen(page), &p, &err),
	    STATUS_OK);
	assert_int_equal(p.n_docs, 2);
	assert_string_equal(p.docs[0].zaak, "2024Z01294");
	assert_int_equal(p.docs[0].kind, OD_MEDEDELING);
	assert_null(p.docs[1].zaak);
	assert_string_equal(p.next, "http://h/Document?$skip=250");
	opendata_page_free(&p);
	assert_int_equal(opendata_documents_parse(last, strlen(last), &p, &err),
	    STATUS_OK);
	assert_int_equal(p.n_docs, 0);
	assert_null(p.next);
	opendata_page_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_koop_id),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_zaak_parse),
		cmocka_unit_test(test_zaak_not_there),
		cmocka_unit_test(test_page_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
