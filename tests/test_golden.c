/*
 * test_golden: the parsed structure of each bundled seed, dumped as JSON
 * and compared with the reviewed file in tests/golden/; and the facts that
 * hold across the seeds (DESIGN.md section 3).
 *
 * After a deliberate parser change, regenerate the files with
 *   NAAST_UPDATE_GOLDEN=1 make check TESTS=tests/test_golden
 * and review the diff by hand against the source documents.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "json.h"
#include "parse.h"
#include "text.h"
#include "xalloc.h"
#include "testutil.h"

static struct document *
parse_seed(const char *path)
{
	struct document *doc = NULL;
	struct error err = { "" };
	size_t len;
	char *raw = test_read_file(path, &len);

	if (parse_document(raw, len, NULL, &doc, &err) != STATUS_OK)
		fail_msg("%s: %s", path, err.msg);
	free(raw);
	return doc;
}

static void
dump_strv(struct json *j, const char *key, char **v, size_t n)
{
	json_key(j, key);
	json_array_begin(j);
	for (size_t i = 0; i < n; i++)
		json_string(j, v[i]);
	json_array_end(j);
}

static void
dump(struct json *j, const struct document *d)
{
	json_object_begin(j);
	json_kv_string(j, "format", d->format);
	json_kv_string(j, "kind", model_kind_name(d->kind));
	json_kv_string(j, "subject", d->subject);
	json_key(j, "questioners");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_questioners; i++) {
		json_object_begin(j);
		json_kv_string(j, "name", d->questioners[i].name);
		json_kv_string(j, "party", d->questioners[i].party);
		json_object_end(j);
	}
	json_array_end(j);
	dump_strv(j, "addressed", d->addressed, d->n_addressed);
	json_kv_string(j, "submitted", d->submitted);
	json_kv_string(j, "ministry", d->ministry);
	json_kv_string(j, "received", d->received);
	json_kv_int(j, "aanhangsel", d->aanhangsel);
	json_key(j, "signatories");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_signatories; i++) {
		const struct signatory *s = &d->signatories[i];

		json_object_begin(j);
		json_kv_string(j, "name", s->name);
		json_kv_string(j, "role", s->role);
		json_kv_string(j, "ministry", s->ministry);
		dump_strv(j, "on_behalf_of", s->on_behalf_of, s->n_on_behalf_of);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "see_also");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_see_also; i++) {
		json_object_begin(j);
		json_kv_int(j, "nr", d->see_also[i].nr);
		json_kv_string(j, "year", d->see_also[i].year);
		json_object_end(j);
	}
	json_array_end(j);
	json_kv_int(j, "vragen", d->n_vragen);
	dump_strv(j, "addressees", d->addressees, d->n_addressees);
	json_kv_string(j, "epigraph_author", d->epigraph_author);
	json_kv_string(j, "salutation", d->salutation);
	json_kv_string(j, "closing", d->closing);
	json_key(j, "passages");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_passages; i++) {
		const struct passage *p = &d->passages[i];

		json_object_begin(j);
		json_kv_string(j, "role", model_role_name(p->role));
		json_kv_int(j, "vraag", p->vraag);
		if (p->vraag_to != p->vraag)
			json_kv_int(j, "vraag_to", p->vraag_to);
		json_kv_int(j, "start", (long long)p->start);
		json_kv_int(j, "end", (long long)p->end);
		json_kv_string(j, "text", p->text);
		json_object_end(j);
	}
	json_array_end(j);
	dump_strv(j, "warnings", d->warnings, d->n_warnings);
	json_object_end(j);
	json_finish(j);
}

static void
check_golden(const char *seed, const char *golden)
{
	struct document *doc = parse_seed(seed);
	char *got = NULL, *want;
	size_t got_len = 0;
	FILE *fp = open_memstream(&got, &got_len);
	struct json j;

	json_init(&j, fp, true);
	dump(&j, doc);
	fclose(fp);
	if (getenv("NAAST_UPDATE_GOLDEN")) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s", getenv("top_srcdir"), golden);
		fp = fopen(path, "w");
		assert_non_null(fp);
		fputs(got, fp);
		fclose(fp);
	}
	want = test_read_file(golden, NULL);
	if (strcmp(got, want) != 0) {
		fprintf(stderr, "%s differs from the parse of %s; got:\n%s", golden, seed, got);
		fail_msg("golden mismatch: %s", golden);
	}
	free(want);
	free(got);
	model_free(doc);
}

static void
test_golden_pdftext(void **state)
{
	(void)state;
	check_golden(SEED_PDFTEXT, "tests/golden/000_aca15a80dc8ca4b0.json");
}

static void
test_golden_markdown(void **state)
{
	(void)state;
	check_golden(SEED_MARKDOWN, "tests/golden/001_84e14fc3b2e5f15e.json");
}

static void
test_golden_letter(void **state)
{
	(void)state;
	check_golden(SEED_LETTER, "tests/golden/004_e244608e296288d3.json");
}

/* ------------------------------------------------------ across the seeds */

/* The passages of role and vraag, joined by "\n\n" (paragraph breaks). */
static char *
joined(const struct document *d, enum role role, int vraag)
{
	char *out = xstrdup("");

	for (size_t i = 0; i < d->n_passages; i++) {
		const struct passage *p = &d->passages[i];
		char *next;

		if (p->role != role || p->vraag != vraag)
			continue;
		next = xasprintf("%s%s%s", out, *out ? "\n\n" : "", p->text);
		free(out);
		out = next;
	}
	return out;
}

static bool
same_text(const char *a, const char *b, unsigned flags)
{
	char *fa = text_fold(a, flags), *fb = text_fold(b, flags);
	bool same = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
}

static void
test_seeds_vragen_identical(void **state)
{
	struct document *az = parse_seed(SEED_PDFTEXT), *bzk = parse_seed(SEED_MARKDOWN);

	(void)state;
	assert_int_equal(az->n_vragen, 9);
	assert_int_equal(bzk->n_vragen, 9);
	for (int v = 1; v <= 9; v++) {
		char *a = joined(az, ROLE_VRAAG, v), *b = joined(bzk, ROLE_VRAAG, v);

		assert_true(strlen(a) > 20);
		if (!same_text(a, b, 0))
			fail_msg("vraag %d differs:\n  AZ:  %s\n  BZK: %s", v, a, b);
		free(a);
		free(b);
	}
	model_free(az);
	model_free(bzk);
}

static void
test_seeds_answers_agree_where_they_should(void **state)
{
	struct document *az = parse_seed(SEED_PDFTEXT), *bzk = parse_seed(SEED_MARKDOWN);
	char *a, *b, *cut;

	(void)state;
	/* 9: the same "Ja." */
	a = joined(az, ROLE_ANTWOORD, 9);
	b = joined(bzk, ROLE_ANTWOORD, 9);
	assert_string_equal(a, "Ja.");
	assert_string_equal(b, "Ja.");
	free(a);
	free(b);

	/* 1: AZ says no, BZK says yes. */
	a = joined(az, ROLE_ANTWOORD, 1);
	b = joined(bzk, ROLE_ANTWOORD, 1);
	assert_true(strncmp(a, "Nee. Wel is", 11) == 0);
	assert_string_equal(b, "Ja.");
	free(a);
	free(b);

	/* 5: only "rijksoverheid" / "Rijksoverheid" differs. */
	a = joined(az, ROLE_ANTWOORD, 5);
	b = joined(bzk, ROLE_ANTWOORD, 5);
	assert_non_null(strstr(a, "de rijksoverheid hecht"));
	assert_non_null(strstr(b, "de Rijksoverheid hecht"));
	assert_false(same_text(a, b, 0));
	assert_true(same_text(a, b, TEXT_FOLD_CASE));
	free(a);
	free(b);

	/* 8: only AZ's "(met uitzondering van de Politiek Adviseurs) " and ’ vs '. */
	a = joined(az, ROLE_ANTWOORD, 8);
	b = joined(bzk, ROLE_ANTWOORD, 8);
	cut = strstr(a, "(met uitzondering van de Politiek Adviseurs) ");
	assert_non_null(cut);
	memmove(cut, cut + strlen("(met uitzondering van de Politiek Adviseurs) "),
	    strlen(cut + strlen("(met uitzondering van de Politiek Adviseurs) ")) + 1);
	assert_non_null(strstr(a, "dilemma’s"));
	assert_non_null(strstr(b, "dilemma's"));
	if (!same_text(a, b, 0))
		fail_msg("antwoord 8 differs beyond the known words:\n  AZ:  %s\n  BZK: %s", a, b);
	free(a);
	free(b);
	model_free(az);
	model_free(bzk);
}

static void
test_seeds_no_furniture_or_markup(void **state)
{
	static const char *const seeds[] = { SEED_PDFTEXT, SEED_MARKDOWN, SEED_LETTER };
	static const char *const banned[] = {
		"Tweede Kamer, vergaderjaar", "**", "####", "\n",
		"aanlei- ding", "aanlei-ding", "ambtena- ren", "ambtena-ren",
		"forme- rende", "forme-rende", "onderzoe- ken", "onderzoe-ken",
		"Advi- seurs", "bewindsper- soon", "Vervol- gens",
		"verkiezingsuitsla- gen",
	};

	(void)state;
	for (size_t s = 0; s < sizeof(seeds) / sizeof(seeds[0]); s++) {
		struct document *d = parse_seed(seeds[s]);

		assert_true(d->n_passages > 3);
		for (size_t i = 0; i < d->n_passages; i++)
			for (size_t b = 0; b < sizeof(banned) / sizeof(banned[0]); b++)
				if (strstr(d->passages[i].text, banned[b]))
					fail_msg("%s passage %zu contains '%s': %s", seeds[s],
					    i, banned[b], d->passages[i].text);
		model_free(d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_pdftext),
		cmocka_unit_test(test_golden_markdown),
		cmocka_unit_test(test_golden_letter),
		cmocka_unit_test(test_seeds_vragen_identical),
		cmocka_unit_test(test_seeds_answers_agree_where_they_should),
		cmocka_unit_test(test_seeds_no_furniture_or_markup),
	};

	return cmocka_run_group_tests_name("golden", tests, NULL, NULL);
}
