/*
 * test_golden: the parsed structure of each bundled seed and of each
 * published PDF in tests/corpus-pdf/ (its text extracted by pdftotext at
 * test time), dumped as JSON and compared with the reviewed file in
 * tests/golden/; and the facts that hold across them (DESIGN.md section
 * 3, issue 8).
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

#include "json_record.h"
#include "parse.h"
#include "pdf.h"
#include "sha256.h"
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
dump(struct json *j, const struct document *d)
{
	json_object_begin(j);
	json_kv_string(j, "format", d->format);
	json_kv_string(j, "kind", model_kind_name(d->kind));
	json_kv_string(j, "subject", d->subject);
	json_key(j, "questioners");
	json_record_questioners(j, d->questioners, d->n_questioners);
	json_kv_strv(j, "addressed", d->addressed, d->n_addressed);
	/* Only where a set is addressed through a portfolio. */
	for (size_t i = 0; d->addressed_portfolio && i < d->n_addressed; i++) {
		if (!d->addressed_portfolio[i])
			continue;
		json_key(j, "addressed_portfolio");
		json_array_begin(j);
		for (size_t k = 0; k < d->n_addressed; k++)
			json_string(j, d->addressed_portfolio[k]);
		json_array_end(j);
		break;
	}
	json_kv_string(j, "submitted", d->submitted);
	json_kv_string(j, "ministry", d->ministry);
	json_kv_string(j, "received", d->received);
	json_kv_int(j, "aanhangsel", d->aanhangsel);
	if (d->vergaderjaar[0])
		json_kv_string(j, "vergaderjaar", d->vergaderjaar);
	json_key(j, "signatories");
	json_record_signatories(j, d->signatories, d->n_signatories);
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
	json_kv_strv(j, "addressees", d->addressees, d->n_addressees);
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
		if (p->n_footnotes) {
			json_key(j, "footnotes");
			json_array_begin(j);
			for (size_t k = 0; k < p->n_footnotes; k++) {
				json_object_begin(j);
				json_kv_string(j, "marker", p->footnotes[k].marker);
				json_kv_int(j, "at", (long long)p->footnotes[k].at);
				json_kv_string(j, "text", p->footnotes[k].text);
				json_object_end(j);
			}
			json_array_end(j);
		}
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "warnings");
	json_array_begin(j);
	for (size_t i = 0; i < d->n_warnings; i++)
		json_string(j, d->warnings[i].text);
	json_array_end(j);
	json_object_end(j);
	json_finish(j);
}

static void
check_golden_doc(struct document *doc, const char *seed, const char *golden)
{
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
}

static void
check_golden(const char *seed, const char *golden)
{
	struct document *doc = parse_seed(seed);

	check_golden_doc(doc, seed, golden);
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

/* ------------------------------------------------ the published PDFs */

/*
 * What each PDF of tests/corpus-pdf is, read by hand from the PDF: its
 * Aanhangsel number, number of vragen, answering ministry, the first
 * signatory (role, name, portfolio) and the ministries of "mede namens".
 */
static const struct pdf_case {
	const char *name;
	int aanhangsel, vragen;
	const char *ministry, *role, *signatory, *portfolio, *behalf;
	const char *questioners;	/* "Name (Party); ..." */
	const char *addressed;		/* "OCW" or "FIN BZ" */
} pdf_cases[] = {
	{ "00fe7edd-24c8-4857-98da-774ed3b06836", 1314, 6, "OCW", "Minister",
	  "Dijkgraaf", NULL, "", "Mutluer (GroenLinks-PvdA); Kosti\u0107 (PvdD)", "OCW" },
	{ "1a2d8959-7ce1-411d-bffe-c78970ae8d6b", 2210, 13, "KGG", "Minister",
	  "Hermans", NULL, "", "Erkens (VVD)", "KGG" },
	{ "1a529d02-ba4d-418b-8d6a-5400a4ac07bc", 2271, 12, "VWS",
	  "Staatssecretaris", "Karremans", "Jeugd, Preventie en Sport", "",
	  "Westerveld (GroenLinks-PvdA)", "VWS" },
	{ "1b0f0b98-7c34-418c-98dc-43de7930e685", 1786, 15, "FIN",
	  "Staatssecretaris", "Van Rij", "Fiscaliteit en Belastingdienst", "BZ",
	  "Hirsch (GroenLinks-PvdA); Teunissen (PvdA)", "FIN BZ" },
	{ "1b26915f-b542-4707-8495-b5c21f0edfe1", 1771, 6, "IenW",
	  "Staatssecretaris", "Heijnen", NULL, "JenV", "Van Nispen (SP)",
	  "JenV IenW" },
	{ "1b2d2126-a21e-4c3e-9b18-42206b4cc791", 2367, 12, "FIN", "Minister",
	  "Heinen", NULL, "", "Van der Lee (GroenLinks-PvdA)", "FIN" },
	{ "1b62ee8d-e406-4042-b7f5-7e235f7bd1c0", 1432, 6, "OCW",
	  "Staatssecretaris", "Gr\u00e4per-van Koolwijk", NULL, "",
	  "Van Zanten (BBB)", "OCW" },
	{ "1b922783-f576-4df5-a031-ad0063d2afd4", 2395, 5, "VWS",
	  "Staatssecretaris", "Karremans", NULL, "", "Crijns (PVV)", "VWS" },
	{ "1bca1484-2edb-43d1-913f-de5022c9a02b", 2313, 10, "SZW", "Minister",
	  "Van Hijum", NULL, "VWS",
	  "Bushoff (GroenLinks-PvdA); Patijn (GroenLinks-PvdA)", "SZW VWS" },
	{ "1bd47dc8-229e-4a1a-a405-8e2672436e1f", 1893, 7, "BZ", "Minister",
	  "Bruins Slot", NULL, "", "Klaver (GroenLinks-PvdA)", "BZ" },
	{ "1c0f765c-d7b4-455e-a241-35a4e9a9dc36", 1178, 9, "BZK",
	  "Staatssecretaris", "Van Huffelen", NULL, "", "Sneller (D66)",
	  "BZK JenV" },
	{ "1c7587f8-1c7c-4912-9319-290e19c99d85", 1980, 6, "VWS", "Minister",
	  "Helder", NULL, "", "Dobbe (SP)", "VWS" },
	{ "1c83f4f5-0047-4b11-8051-e11def445937", 1984, 11, "FIN",
	  "Staatssecretaris", "Van Rij", "Fiscaliteit en Belastingdienst", "SZW",
	  "Van Eijk (VVD); Aartsen (VVD)", "FIN SZW" },
	{ "1dac45ca-7591-47a6-877d-9b549c18500a", 878, 7, "BZK",
	  "Staatssecretaris", "Van Huffelen", NULL, "", "Inge vanDijk (CDA)", "BZK" },
};

#define N_PDF (sizeof(pdf_cases) / sizeof(pdf_cases[0]))

/* The PDF of tests/corpus-pdf, its text extracted by pdftotext, parsed. */
static struct document *
parse_pdf(const char *name)
{
	char path[256], sha[SHA256_HEX_SIZE];
	struct document *doc = NULL;
	struct error err = { "" };
	size_t len, text_len;
	char *pdf, *text;

	snprintf(path, sizeof(path), "tests/corpus-pdf/%s.pdf", name);
	pdf = test_read_file(path, &len);
	assert_true(pdf_is_pdf(pdf, len));
	if (pdf_extract(pdf, len, &text, &text_len, &err) != STATUS_OK)
		fail_msg("%s: %s", path, err.msg);
	if (parse_document(text, text_len, NULL, &doc, &err) != STATUS_OK)
		fail_msg("%s: %s", path, err.msg);
	sha256_hex(pdf, len, sha);
	memcpy(doc->source_sha256, sha, sizeof(sha));
	free(text);
	free(pdf);
	return doc;
}

static void
test_golden_pdfs(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_PDF; i++) {
		char path[256], golden[256];
		struct document *doc = parse_pdf(pdf_cases[i].name);

		snprintf(path, sizeof(path), "tests/corpus-pdf/%s.pdf", pdf_cases[i].name);
		snprintf(golden, sizeof(golden), "tests/golden/%s.json", pdf_cases[i].name);
		check_golden_doc(doc, path, golden);
		model_free(doc);
	}
}

/* "Name (Party); ..." of a document's questioners. */
static char *
questioner_list(const struct document *d)
{
	char *out = xstrdup("");

	for (size_t i = 0; i < d->n_questioners; i++) {
		char *next = xasprintf("%s%s%s (%s)", out, i ? "; " : "",
		    d->questioners[i].name, d->questioners[i].party ?
		    d->questioners[i].party : "?");

		free(out);
		out = next;
	}
	return out;
}

static char *
joined_codes(char **v, size_t n)
{
	char *out = xstrdup("");

	for (size_t i = 0; i < n; i++) {
		char *next = xasprintf("%s%s%s", out, i ? " " : "", v[i]);

		free(out);
		out = next;
	}
	return out;
}

/*
 * The acceptance facts of every PDF (issue 8): vragen 1..N without gaps,
 * each with an answer; no page furniture in any passage or footnote; no
 * text left unplaced; no warnings; header facts as read by hand.
 */
static void
test_pdf_acceptance(void **state)
{
	static const char *const furniture[] = {
		"2024, Aanhangsel", "ah-tk-", "ISSN 0921", "Gravenhage 2024",
		"Aanhangsel van de Handelingen", "Vragen gesteld door de leden",
		"regering gegeven antwoorden", "Vergaderjaar 2023", "\n", "\f",
	};

	(void)state;
	/* The footer, where no footnote ("Tweede Kamer, vergaderjaar 2022–2023, 26 485") is meant. */
	for (size_t i = 0; i < N_PDF; i++) {
		const struct pdf_case *pc = &pdf_cases[i];
		struct document *d = parse_pdf(pc->name);
		const struct signatory *sg;
		unsigned char *seen;
		char *who, *codes;

		if (d->n_warnings)
			fail_msg("%s: warning: %s", pc->name, d->warnings[0].text);
		assert_int_equal(d->kind, DOC_ANSWER);
		assert_string_equal(d->format, "pdftext");
		assert_int_equal(d->aanhangsel, pc->aanhangsel);
		assert_int_equal(d->n_vragen, pc->vragen);
		assert_string_equal(d->ministry, pc->ministry);
		assert_true(d->submitted[0] && d->received[0] && d->subject);
		who = questioner_list(d);
		assert_string_equal(who, pc->questioners);
		free(who);
		codes = joined_codes(d->addressed, d->n_addressed);
		assert_string_equal(codes, pc->addressed);
		free(codes);
		assert_int_equal(d->n_signatories, 1);
		sg = &d->signatories[0];
		assert_string_equal(sg->role, pc->role);
		assert_string_equal(sg->name, pc->signatory);
		assert_string_equal(sg->ministry, pc->ministry);
		if (pc->portfolio)
			assert_string_equal(sg->portfolio ? sg->portfolio : "", pc->portfolio);
		else
			assert_null(sg->portfolio);
		codes = joined_codes(sg->on_behalf_of, sg->n_on_behalf_of);
		assert_string_equal(codes, pc->behalf);
		free(codes);

		seen = xcalloc((size_t)pc->vragen + 1, 1);
		for (size_t k = 0; k < d->n_passages; k++) {
			const struct passage *p = &d->passages[k];

			assert_int_not_equal(p->role, ROLE_OTHER);
			for (size_t f = 0; f < sizeof(furniture) / sizeof(furniture[0]); f++) {
				if (strstr(p->text, furniture[f]))
					fail_msg("%s passage %zu has '%s': %s", pc->name, k,
					    furniture[f], p->text);
				for (size_t n = 0; n < p->n_footnotes; n++)
					if (strstr(p->footnotes[n].text, furniture[f]))
						fail_msg("%s footnote %s has '%s'", pc->name,
						    p->footnotes[n].marker, furniture[f]);
			}
			if (p->role != ROLE_VRAAG && p->role != ROLE_ANTWOORD)
				continue;
			assert_true(p->vraag >= 1 && p->vraag_to <= pc->vragen);
			for (int v = p->vraag; v <= p->vraag_to; v++)
				seen[v] |= p->role == ROLE_VRAAG ? 1 : 2;
		}
		for (int v = 1; v <= pc->vragen; v++)
			if (seen[v] != 3)
				fail_msg("%s: vraag %d %s", pc->name, v,
				    seen[v] & 1 ? "has no answer" : "is missing");
		free(seen);
		model_free(d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_pdftext),
		cmocka_unit_test(test_golden_pdfs),
		cmocka_unit_test(test_pdf_acceptance),
		cmocka_unit_test(test_golden_markdown),
		cmocka_unit_test(test_golden_letter),
		cmocka_unit_test(test_seeds_vragen_identical),
		cmocka_unit_test(test_seeds_answers_agree_where_they_should),
		cmocka_unit_test(test_seeds_no_furniture_or_markup),
	};

	return cmocka_run_group_tests_name("golden", tests, NULL, NULL);
}
