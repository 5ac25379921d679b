/*
 * test_export: citations, the five formats (golden files in tests/export/,
 * made from the seeds in a real database file), writing files whole or
 * not at all, and the basket in the store (store_export.c).
 *
 * NAAST_UPDATE_GOLDEN=1 rewrites the golden files; read them before
 * keeping them.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "parse.h"
#include "pdf.h"
#include "store.h"
#include "text.h"
#include "testutil.h"
#include "xalloc.h"

#define AZ_CITATION \
	"Antwoord van Minister-President Rutte (Algemene Zaken), ontvangen 15 februari " \
	"2024, op vraag 8 van het lid Eerdmans (JA21) over bijeenkomsten met ambtenaren " \
	"naar aanleiding van de verkiezingsuitslag van 22 november 2023 (ingezonden 29 " \
	"januari 2024)."

struct fixture {
	char dir[64];
	char path[96];
	struct store *st;
	long long set;
	long long letter;	/* the letter's document */
};

/* ---------------------------------------------------------------- fixture */

static void
import_seed(struct store *st, const char *rel, struct import_result *res)
{
	struct document *doc = NULL;
	struct error err = { "" };
	size_t len;
	char *raw = test_read_file(rel, &len);

	if (parse_document(raw, len, NULL, &doc, &err) != STATUS_OK)
		fail_msg("%s: %s", rel, err.msg);
	free(raw);
	if (store_import(st, rel, doc, res, &err) != STATUS_OK)
		fail_msg("importing %s: %s", rel, err.msg);
	model_free(doc);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct import_result res;
	struct error err = { "" };

	snprintf(f->dir, sizeof(f->dir), "/tmp/naast-test-export-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/naast.db", f->dir);
	if (store_open(f->path, &f->st, &err) != STATUS_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	import_seed(f->st, SEED_PDFTEXT, &res);
	f->set = res.set;
	import_seed(f->st, SEED_MARKDOWN, &res);
	import_seed(f->st, SEED_LETTER, &res);
	f->letter = res.doc;
	*state = f;
	return 0;
}

/* Removes every file in dir, then dir. */
static void
remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[512];

	while (d && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (unlink(path) != 0)
			remove_dir(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	remove_dir(f->dir);
	free(f);
	return 0;
}

/* ---------------------------------------------------------------- helpers */

/* The export of items in format, as a string. */
static char *
written(enum export_format format, const struct export_item *items, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct error err = { "" };

	assert_non_null(fp);
	assert_int_equal(export_write(fp, format, items, n, &err), STATUS_OK);
	fclose(fp);
	return buf;
}

static void
matches_golden(const char *got, const char *name)
{
	char rel[128], path[512];
	const char *top = getenv("top_srcdir");
	char *want;

	snprintf(rel, sizeof(rel), "tests/export/%s", name);
	if (getenv("NAAST_UPDATE_GOLDEN")) {
		FILE *fp;

		snprintf(path, sizeof(path), "%s/%s", top ? top : ".", rel);
		fp = fopen(path, "wb");
		assert_non_null(fp);
		fputs(got, fp);
		fclose(fp);
	}
	want = test_read_file(rel, NULL);
	if (strcmp(got, want) != 0) {
		fprintf(stderr, "%s differs; got:\n%s", rel, got);
		fail_msg("export mismatch: %s", name);
	}
	free(want);
}

/* The items of vraag 8 of the seeds' set: AZ's two paragraphs, then BZK's. */
static struct export_item *
vraag8(struct fixture *f, size_t *n)
{
	struct export_item *items;
	struct error err = { "" };

	assert_int_equal(store_export_set(f->st, f->set, 8, NULL, 0, &items, n, &err),
	    STATUS_OK);
	return items;
}

/* The passage id of the letter's body paragraph n. */
static long long
letter_paragraph(struct fixture *f, int n)
{
	struct doc_view doc;
	struct error err = { "" };
	long long id = 0;
	int seen = 0;

	assert_int_equal(store_document(f->st, f->letter, &doc, &err), STATUS_OK);
	for (size_t i = 0; i < doc.n_passages && !id; i++)
		if (doc.passages[i].role == ROLE_BODY && ++seen == n)
			id = doc.passages[i].id;
	store_document_clear(&doc);
	assert_true(id > 0);
	return id;
}

static struct signatory
signatory(const char *role, const char *name, const char *ministry)
{
	struct signatory s = {
		.name = xstrdup(name),
		.role = role ? xstrdup(role) : NULL,
		.ministry = ministry ? xstrdup(ministry) : NULL,
	};

	return s;
}

/* --------------------------------------------------------------- citations */

static void
test_citations_of_the_seeds(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct export_item *items = vraag8(f, &n);
	char *az, *bzk;

	assert_int_equal(n, 4);
	assert_string_equal(items[0].ministry, "AZ");
	assert_string_equal(items[3].ministry, "BZK");
	az = export_citation(&items[0]);
	bzk = export_citation(&items[3]);
	assert_string_equal(az, AZ_CITATION);
	assert_string_equal(bzk,
	    "Antwoord van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties) en van "
	    "Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties), "
	    "ontvangen 16 februari 2024, op vraag 8 van het lid Eerdmans (JA21) over "
	    "bijeenkomsten met ambtenaren naar aanleiding van de verkiezingsuitslag van 22 "
	    "november 2023 (ingezonden 29 januari 2024). Aanhangsel Handelingen II 2023/24, "
	    "nr. 1059.");
	free(az);
	free(bzk);

	/* fetched: the KOOP id follows, also where no number is printed */
	snprintf(items[3].koop_id, sizeof(items[3].koop_id), "ah-tk-20232024-1059");
	snprintf(items[0].koop_id, sizeof(items[0].koop_id), "ah-tk-20232024-1038");
	bzk = export_citation(&items[3]);
	az = export_citation(&items[0]);
	assert_non_null(strstr(bzk, "(ingezonden 29 januari 2024). Aanhangsel "
	    "Handelingen II 2023/24, nr. 1059 (ah-tk-20232024-1059)."));
	assert_non_null(strstr(az, "(ingezonden 29 januari 2024). "
	    "(ah-tk-20232024-1038)"));
	assert_null(strstr(az, "nr. 1038"));
	free(az);
	free(bzk);
	export_items_free(items, n);
}

static void
test_citation_of_a_letter(void **state)
{
	struct fixture *f = *state;
	long long id = letter_paragraph(f, 2);
	struct export_item *items;
	struct error err = { "" };
	char *cite;

	assert_int_equal(store_export_items(f->st, &id, 1, &items, &err), STATUS_OK);
	assert_int_equal(items[0].paragraph, 2);
	cite = export_citation(&items[0]);
	assert_string_equal(cite, "Brief aan Bruins Slot, Rutte, Buitendijk en de Klerck, "
	    "alinea 2 (004_e244608e296288d3.txt).");
	free(cite);
	export_items_free(items, 1);
}

/* The forms real documents need, on items made by hand. */
static void
test_citation_forms(void **state)
{
	struct export_item it = { 0 };
	struct questioner *q = xcalloc(2, sizeof(*q));
	char *cite;

	(void)state;
	q[0] = (struct questioner){ xstrdup("Mutluer"), xstrdup("GroenLinks-PvdA") };
	q[1] = (struct questioner){ xstrdup("Kostić"), xstrdup("PvdD") };
	it.kind = DOC_ANSWER;
	it.role = ROLE_ANTWOORD;
	it.set = 7;
	it.vraag = 3;
	it.vraag_to = 5;
	it.subject = xstrdup("de wachtlijsten");
	it.questioners = q;
	it.n_questioners = 2;
	snprintf(it.submitted, sizeof(it.submitted), "2023-10-02");
	it.signatories = xcalloc(1, sizeof(*it.signatories));
	it.signatories[0] = signatory("Staatssecretaris", "Van Rij", "FIN");
	it.signatories[0].portfolio = xstrdup("Fiscaliteit en Douane");
	model_strv_add(&it.signatories[0].on_behalf_of, &it.signatories[0].n_on_behalf_of,
	    xstrdup("SZW"));
	model_strv_add(&it.signatories[0].on_behalf_of, &it.signatories[0].n_on_behalf_of,
	    xstrdup("AZ"));
	it.n_signatories = 1;
	it.aanhangsel = 412;
	/* received unknown: the vergaderjaar comes from the submitted date */
	cite = export_citation(&it);
	assert_string_equal(cite,
	    "Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en Douane), mede namens de Minister van "
	    "Sociale Zaken en Werkgelegenheid en de Minister-President, op de vragen 3, 4 en "
	    "5 van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD) over de wachtlijsten "
	    "(ingezonden 2 oktober 2023). Aanhangsel Handelingen II 2023/24, nr. 412.");
	free(cite);

	/* the vraag itself */
	it.role = ROLE_VRAAG;
	it.vraag_to = 3;
	cite = export_citation(&it);
	assert_string_equal(cite,
	    "Vraag 3 van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD) over de "
	    "wachtlijsten (ingezonden 2 oktober 2023). Aanhangsel Handelingen II 2023/24, nr. 412.");
	free(cite);

	/* a number of the Eerste Kamer is one of its Handelingen */
	it.chamber = CHAMBER_EK;
	cite = export_citation(&it);
	assert_string_equal(cite,
	    "Vraag 3 van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD) over de "
	    "wachtlijsten (ingezonden 2 oktober 2023). Aanhangsel Handelingen I 2023/24, nr. 412.");
	free(cite);
	it.chamber = CHAMBER_UNKNOWN;

	/* the vergaderjaar the document prints goes before any date's */
	snprintf(it.vergaderjaar, sizeof(it.vergaderjaar), "2024/25");
	cite = export_citation(&it);
	assert_string_equal(cite,
	    "Vraag 3 van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD) over de "
	    "wachtlijsten (ingezonden 2 oktober 2023). Aanhangsel Handelingen II 2024/25, nr. 412.");
	free(cite);
	it.vergaderjaar[0] = '\0';

	/* nothing known but the ministry */
	model_signatories_free(it.signatories, it.n_signatories);
	it.signatories = NULL;
	it.n_signatories = 0;
	it.role = ROLE_ANTWOORD;
	snprintf(it.ministry, sizeof(it.ministry), "VWS");
	it.n_questioners = 0;
	free(it.subject);
	it.subject = NULL;
	it.submitted[0] = '\0';
	it.aanhangsel = 0;
	cite = export_citation(&it);
	assert_string_equal(cite, "Antwoord van het Ministerie van Volksgezondheid, Welzijn "
	    "en Sport, op vraag 3.");
	free(cite);
	model_questioners_free(q, 2);
}

/*
 * The citation of an answer whose header is text: every signatory, in the
 * order written, each with the ministry as the header writes it.
 */
static char *
cite_header(const char *header)
{
	struct document *doc = model_new("", 0);
	struct export_item it = { 0 };
	char *cite;

	assert_true(parse_header_answer(doc, header));
	it.kind = DOC_ANSWER;
	it.role = ROLE_ANTWOORD;
	it.vraag = it.vraag_to = 1;
	snprintf(it.ministry, sizeof(it.ministry), "%s", doc->ministry);
	snprintf(it.received, sizeof(it.received), "%s", doc->received);
	it.signatories = model_signatories_copy(doc->signatories, doc->n_signatories);
	it.n_signatories = doc->n_signatories;
	model_free(doc);
	cite = export_citation(&it);
	model_signatories_free(it.signatories, it.n_signatories);
	return cite;
}

static void
test_citation_of_cosigners(void **state)
{
	static const struct {
		const char *header, *cite;
	} cases[] = {
		/* two, without "en": both, in the order written */
		{ "Antwoord van Minister Aalders (Economische Zaken) "
		  "Staatssecretaris Bakker (Binnenlandse Zaken en "
		  "Koninkrijksrelaties) (ontvangen 4 juni 2024).",
		  "Antwoord van Minister Aalders (Economische Zaken) en van "
		  "Staatssecretaris Bakker (Binnenlandse Zaken en "
		  "Koninkrijksrelaties), ontvangen 4 juni 2024, op vraag 1." },
		/* as written, not as the ministry's own name */
		{ "Antwoord van Minister Claes (Klimaat en Energie) en van "
		  "Minister Aalders (Binnenlandse Zaken) (ontvangen 4 juni 2024).",
		  "Antwoord van Minister Claes (Klimaat en Energie) en van "
		  "Minister Aalders (Binnenlandse Zaken), ontvangen 4 juni "
		  "2024, op vraag 1." },
		/* three, with a staatssecretaris of the first one's ministry */
		{ "Antwoord van Minister Claes (Defensie), Staatssecretaris Evers "
		  "(Defensie) Staatssecretaris Dekker (Financiën – Fiscaliteit "
		  "en Douane) (ontvangen 4 juni 2024).",
		  "Antwoord van Minister Claes (Defensie), van Staatssecretaris "
		  "Evers (Defensie) en van Staatssecretaris Dekker (Financiën – "
		  "Fiscaliteit en Douane), ontvangen 4 juni 2024, op vraag 1." },
		/* a portfolio "mede namens", quoted as written */
		{ "Antwoord van Minister Aalders (Justitie en Veiligheid), mede "
		  "namens de Minister voor Rechtsbescherming (ontvangen 4 juni "
		  "2024).",
		  "Antwoord van Minister Aalders (Justitie en Veiligheid), mede "
		  "namens de Minister voor Rechtsbescherming, ontvangen 4 juni "
		  "2024, op vraag 1." },
		{ "Antwoord van Minister Helder (Langdurige Zorg en Sport), mede "
		  "namens de Minister van Volksgezondheid, Welzijn en Sport en de "
		  "Staatssecretaris van Financiën (ontvangen 4 juni 2024).",
		  "Antwoord van Minister Helder (Langdurige Zorg en Sport), mede "
		  "namens de Minister van Volksgezondheid, Welzijn en Sport en de "
		  "Staatssecretaris van Financiën, ontvangen 4 juni 2024, op "
		  "vraag 1." },
		/* a co-signer who signs "mede namens" more */
		{ "Antwoord van Minister Claes (Defensie) Minister Aalders "
		  "(Economische Zaken), mede namens de Minister van Justitie en "
		  "Veiligheid en de Minister-President (ontvangen 4 juni 2024).",
		  "Antwoord van Minister Claes (Defensie) en van Minister Aalders "
		  "(Economische Zaken), mede namens de Minister van Justitie en "
		  "Veiligheid en de Minister-President, ontvangen 4 juni 2024, "
		  "op vraag 1." },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *cite = cite_header(cases[i].header);

		assert_string_equal(cite, cases[i].cite);
		free(cite);
	}
}

/*
 * Through the store: what a citation quotes of the header survives the
 * database, the "mede namens" list word for word.
 */
static void
test_citation_as_written_stored(void **state)
{
	static const char text[] =
	    "Vragen van het lid Visser (VVD) aan de Minister van Justitie en "
	    "Veiligheid over gevangenissen (ingezonden 2 mei 2024).\n\n"
	    "Antwoord van Minister Aalders (Justitie en Veiligheid), mede "
	    "namens de Minister voor Rechtsbescherming (ontvangen 4 juni "
	    "2024).\n\n"
	    "Vraag 1\n\nHoeveel cellen staan leeg?\n\n"
	    "Antwoord 1\n\nHonderd.\n";
	struct fixture *f = *state;
	struct document *doc = NULL;
	struct import_result res;
	struct export_item *items;
	struct error err = { "" };
	long long id = 0;
	char *cite;

	assert_int_equal(parse_document(text, strlen(text), "markdown", &doc,
	    &err), STATUS_OK);
	assert_int_equal(store_import(f->st, "aalders.md", doc, &res, &err),
	    STATUS_OK);
	model_free(doc);
	{
		struct question_view *q;
		size_t n;

		assert_int_equal(store_questions(f->st, res.set, 1, NULL, 0,
		    &q, &n, &err), STATUS_OK);
		assert_int_equal(n, 1);
		assert_int_equal(q[0].n_answers, 1);
		id = q[0].answers[0].paragraphs[0].id;
		store_questions_free(q, n);
	}
	assert_int_equal(store_export_items(f->st, &id, 1, &items, &err),
	    STATUS_OK);
	cite = export_citation(&items[0]);
	assert_string_equal(cite, "Antwoord van Minister Aalders (Justitie en "
	    "Veiligheid), mede namens de Minister voor Rechtsbescherming, "
	    "ontvangen 4 juni 2024, op vraag 1 van het lid Visser (VVD) over "
	    "gevangenissen (ingezonden 2 mei 2024).");
	free(cite);
	export_items_free(items, 1);
}

static void
test_default_names(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct export_item *items = vraag8(f, &n), *letter;
	struct error err = { "" };
	long long id = letter_paragraph(f, 1);
	char *name;

	name = export_default_name(items, n, EXPORT_MD);
	assert_string_equal(name, "naast-eerdmans-2024-01-29-vraag8.md");
	free(name);
	name = export_default_name(items, 1, EXPORT_HTML);
	assert_string_equal(name, "naast-eerdmans-2024-01-29-vraag8.html");
	free(name);
	assert_int_equal(store_export_items(f->st, &id, 1, &letter, &err), STATUS_OK);
	name = export_default_name(letter, 1, EXPORT_TXT);
	assert_string_equal(name, "naast-brief-004-e244608e296288d3.txt");
	free(name);
	export_items_free(letter, 1);
	export_items_free(items, n);
}

static void
test_format_names(void **state)
{
	enum export_format format;

	(void)state;
	assert_true(export_format_from_name("HTML", &format));
	assert_int_equal(format, EXPORT_HTML);
	assert_true(export_format_from_name("csv", &format));
	assert_int_equal(format, EXPORT_CSV);
	assert_true(export_format_from_name("DOCX", &format));
	assert_int_equal(format, EXPORT_DOCX);
	assert_true(export_format_is_binary(EXPORT_XLSX));
	assert_false(export_format_is_binary(EXPORT_HTML));
	assert_false(export_format_from_name("odt", &format));
	assert_false(export_format_from_name(NULL, &format));
	assert_string_equal(export_format_name(EXPORT_TXT), "txt");
}

/* ----------------------------------------------------------------- formats */

static void
test_formats_golden(void **state)
{
	struct fixture *f = *state;
	static const char *const names[] = {
		"vraag8.md", "vraag8.txt", "vraag8.csv", "vraag8.json", "vraag8.html",
	};
	size_t n;
	struct export_item *items = vraag8(f, &n);

	for (enum export_format format = EXPORT_MD; format <= EXPORT_HTML; format++) {
		char *got = written(format, items, n);

		matches_golden(got, names[format]);
		free(got);
	}
	export_items_free(items, n);
}

/* A basket of a letter paragraph, an answer and its vraag, with notes. */
static void
test_selection_golden(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct export_item *v8 = vraag8(f, &n), *items;
	long long ids[3] = { letter_paragraph(f, 2), v8[3].passage, v8[0].passage };
	struct error err = { "" };
	char *got;

	export_items_free(v8, n);
	assert_int_equal(store_export_items(f->st, ids, 3, &items, &err), STATUS_OK);
	items[0].note = xstrdup("Kern van de brief: *veiligheid* <voor> ambtenaren");
	items[2].note = xstrdup("AZ noemt de politiek adviseurs");
	got = written(EXPORT_MD, items, 3);
	matches_golden(got, "selection.md");
	free(got);
	got = written(EXPORT_HTML, items, 3);
	matches_golden(got, "selection.html");
	free(got);
	export_items_free(items, 3);
}

/* An answer item of set, vraag v, document doc, with text. */
static struct export_item
answer_item(long long passage, long long set, long long doc, int v, const char *who,
    const char *text)
{
	struct export_item it = { 0 };

	it.passage = passage;
	it.doc = doc;
	it.kind = DOC_ANSWER;
	it.role = ROLE_ANTWOORD;
	it.set = set;
	it.vraag = v;
	it.text = xstrdup(text);
	it.subject = xasprintf("onderwerp %lld", set);
	it.questioners = xcalloc(1, sizeof(*it.questioners));
	it.questioners[0].name = xstrdup(who);
	it.n_questioners = 1;
	snprintf(it.submitted, sizeof(it.submitted), "2024-0%lld-01", set);
	snprintf(it.ministry, sizeof(it.ministry), "AZ");
	return it;
}

/*
 * A basket of two sets, interleaved, and a passage that refers to the
 * answer to vraag 1: grouped by set under each set's heading, the answer
 * referred to quoted with its own citation, and not when it is in the
 * export already.
 */
static void
test_grouped_by_set_with_refs(void **state)
{
	struct export_item *items = xcalloc(3, sizeof(*items));
	struct export_ref *ref;
	char *md, *a, *b, *c, *csv;

	(void)state;
	items[0] = answer_item(10, 1, 100, 2, "Jansen", "Zie het antwoord op vraag 1.");
	items[1] = answer_item(20, 2, 200, 4, "Pietersen", "Tekst van set twee.");
	items[2] = answer_item(11, 1, 100, 3, "Jansen", "Tekst van vraag drie.");
	ref = xcalloc(1, sizeof(*ref));
	ref->vraag = 1;
	ref->items = xcalloc(1, sizeof(*ref->items));
	ref->items[0] = answer_item(9, 1, 100, 1, "Jansen", "Nee, dat is niet zo.");
	ref->n_items = 1;
	items[0].refs = ref;
	items[0].n_refs = 1;

	md = written(EXPORT_MD, items, 3);
	a = strstr(md, "## Vragen van het lid Jansen over onderwerp 1 (ingezonden 1 januari 2024)\n\n### Vraag 2\n");
	b = strstr(md, "### Vraag 3\n");
	c = strstr(md, "## Vragen van het lid Pietersen over onderwerp 2 (ingezonden 1 februari 2024)\n\n### Vraag 4\n");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	/* set 1's vragen together, set 2 after them */
	assert_true(a < b && b < c);
	assert_non_null(strstr(md, "**Het antwoord op vraag 1, waarnaar verwezen wordt:**\n\n"
	    "> Nee, dat is niet zo.\n\nAntwoord van het Ministerie van Algemene Zaken, op vraag 1 "
	    "van het lid Jansen over onderwerp 1 (ingezonden 1 januari 2024).\n"));
	free(md);
	csv = written(EXPORT_CSV, items, 3);
	/* one line in a CSV field, as every text there */
	assert_non_null(strstr(csv, ",\"Het antwoord op vraag 1, waarnaar verwezen wordt: Nee, dat is niet zo. "
	    "Antwoord van het Ministerie van Algemene Zaken, op vraag 1 van het lid Jansen"));
	free(csv);
	/* The answer referred to is in the export itself: not twice. */
	items[1].passage = 9;
	md = written(EXPORT_MD, items, 3);
	assert_null(strstr(md, "waarnaar verwezen wordt"));
	free(md);
	export_items_free(items, 3);
}

/* The acceptance of the issue: both answers, both citations, the Aanhangsel. */
static void
test_markdown_of_vraag8(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct export_item *items = vraag8(f, &n);
	char *md = written(EXPORT_MD, items, n);

	assert_non_null(strstr(md, "## Vraag 8\n"));
	assert_non_null(strstr(md, "\n" AZ_CITATION "\n"));
	assert_non_null(strstr(md, "De Jonge"));
	assert_non_null(strstr(md, "Van Huffelen"));
	assert_non_null(strstr(md, "Aanhangsel Handelingen II 2023/24, nr. 1059"));
	assert_non_null(strstr(md, "> Het is belangrijk dat ambtenaren politiek neutraal"));
	assert_non_null(strstr(md, "(met uitzondering van de Politiek Adviseurs)"));
	free(md);
	export_items_free(items, n);
}

/* Reads one RFC 4180 record at *p; the fields into out, their count returned. */
static size_t
csv_record(const char **p, char out[][2048], size_t max)
{
	size_t n = 0, len = 0;
	bool quoted = false;

	out[0][0] = '\0';
	while (**p) {
		char c = *(*p)++;

		if (quoted) {
			if (c == '"' && **p == '"') {
				out[n][len++] = '"';
				(*p)++;
			} else if (c == '"') {
				quoted = false;
			} else {
				out[n][len++] = c;
			}
		} else if (c == '"') {
			quoted = true;
		} else if (c == ',') {
			out[n++][len] = '\0';
			assert_true(n < max);
			len = 0;
		} else if (c == '\r' && **p == '\n') {
			(*p)++;
			break;
		} else {
			assert_true(c != '\n');	/* records end with CRLF */
			out[n][len++] = c;
		}
		assert_true(len < 2047);
	}
	out[n][len] = '\0';
	return n + 1;
}

static void
test_csv_quoting(void **state)
{
	static char fields[13][2048];
	struct export_item it = { 0 };
	const char *p;
	char *csv;

	(void)state;
	it.kind = DOC_ANSWER;
	it.role = ROLE_ANTWOORD;
	it.set = 3;
	it.vraag = 2;
	it.text = xstrdup("Ja, \"zo\" is het,\nen niet anders.");
	it.note = xstrdup("komma, en \"aanhalingstekens\"");
	snprintf(it.ministry, sizeof(it.ministry), "FIN");
	csv = written(EXPORT_CSV, &it, 1);
	p = csv;
	assert_int_equal(csv_record(&p, fields, 13), 13);
	assert_string_equal(fields[0], "set");
	assert_string_equal(fields[6], "citation");
	assert_string_equal(fields[7], "text");
	assert_string_equal(fields[10], "vraag_text");
	assert_int_equal(csv_record(&p, fields, 13), 13);
	assert_string_equal(fields[0], "3");
	assert_string_equal(fields[1], "2");
	assert_string_equal(fields[2], "FIN");
	/* the line break inside a passage is white space to the sanitiser */
	assert_string_equal(fields[7], "Ja, \"zo\" is het, en niet anders.");
	assert_string_equal(fields[8], "komma, en \"aanhalingstekens\"");
	assert_int_equal(*p, '\0');
	free(csv);
	free(it.text);
	free(it.note);
}

/* Escape sequences in a document never reach an exported file. */
static void
test_hostile_text(void **state)
{
	struct export_item it = { 0 };

	(void)state;
	it.kind = DOC_LETTER;
	it.role = ROLE_BODY;
	it.paragraph = 1;
	it.text = xstrdup("a\033[2Jb\033]52;c;ZXZpbA==\007c\xe2\x80\xae" "d\033P1$r\033\\e\xc2\x9b" "1mf");
	it.note = xstrdup("n\033[31mo");
	it.origin = xstrdup("x\033]0;title\007.txt");
	model_strv_add(&it.addressees, &it.n_addressees, xstrdup("\033[1mBoos"));
	for (enum export_format format = EXPORT_MD; format <= EXPORT_HTML; format++) {
		char *out = written(format, &it, 1);

		assert_null(strchr(out, '\033'));
		assert_null(strchr(out, '\007'));
		assert_null(strstr(out, "\xe2\x80\xae"));	/* U+202E */
		assert_null(strstr(out, "\xc2\x9b"));		/* C1 CSI */
		assert_null(strstr(out, "ZXZpbA"));		/* the OSC 52 payload */
		assert_non_null(strstr(out, "Boos"));
		free(out);
	}
	free(it.text);
	free(it.note);
	free(it.origin);
	model_strv_free(it.addressees, it.n_addressees);
}

static void
test_html_and_markdown_escaping(void **state)
{
	struct export_item it = { 0 };
	char *out;

	(void)state;
	it.kind = DOC_UNKNOWN;
	it.role = ROLE_OTHER;
	it.text = xstrdup("<script>alert('x')</script> & *niet* vet_ of [link](x)");
	it.origin = xstrdup("notitie_v2.txt");
	out = written(EXPORT_HTML, &it, 1);
	assert_null(strstr(out, "<script>"));
	assert_non_null(strstr(out, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"));
	free(out);
	out = written(EXPORT_MD, &it, 1);
	assert_non_null(strstr(out, "\\<script\\>"));
	assert_non_null(strstr(out, "\\*niet\\* vet\\_ of \\[link\\](x)"));
	/* an underscore inside a word is no markup */
	assert_non_null(strstr(out, "(notitie_v2.txt)"));
	free(out);
	free(it.text);
	free(it.origin);
}

/* Plain text: no line wider than 72 columns, quotes indented. */
static void
test_plain_text_width(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct export_item *items = vraag8(f, &n);
	char *txt = written(EXPORT_TXT, items, n), *save = NULL;
	int quoted = 0;

	for (char *line = strtok_r(txt, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		assert_true(text_width(line) <= 72);
		assert_null(strchr(line, '>'));
		assert_null(strchr(line, '*'));
		if (strncmp(line, "    ", 4) == 0)
			quoted++;
	}
	assert_true(quoted > 20);
	free(txt);
	export_items_free(items, n);
}

/* ------------------------------------------------------------------ files */

/* A file (an absolute path) read whole. */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int c;

	assert_non_null(fp);
	assert_non_null(out);
	while ((c = getc(fp)) != EOF)
		putc(c, out);
	fclose(fp);
	fclose(out);
	return buf;
}

/* Files in dir whose name starts with prefix. */
static int
files_like(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

static void
test_save_never_overwrites(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct export_item *items = vraag8(f, &n);
	struct error err = { "" };
	char path[160], *first, *again;
	struct stat sb;
	mode_t mask = umask(0);

	umask(mask);

	snprintf(path, sizeof(path), "%s/vraag8.md", f->dir);
	assert_int_equal(export_save(path, false, EXPORT_MD, items, n, &err), STATUS_OK);
	first = slurp(path);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0666 & ~mask);
	/* a second export, without force, fails and leaves the file alone */
	assert_int_equal(export_save(path, false, EXPORT_TXT, items, 1, &err), STATUS_USAGE);
	assert_non_null(strstr(err.msg, "exists already"));
	assert_non_null(strstr(err.msg, "--force"));
	again = slurp(path);
	assert_string_equal(first, again);
	free(again);
	/* with force it is replaced, keeping its permissions */
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(export_save(path, true, EXPORT_TXT, items, 1, &err), STATUS_OK);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	again = slurp(path);
	assert_string_not_equal(first, again);
	assert_null(strstr(again, "> "));
	free(again);
	free(first);
	assert_int_equal(files_like(f->dir, ".naast-export-"), 0);
	export_items_free(items, n);
}

static void
test_save_errors(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct export_item *items = vraag8(f, &n);
	struct error err = { "" };
	char path[192];
	struct stat sb;

	snprintf(path, sizeof(path), "%s/missing/vraag8.md", f->dir);
	assert_int_equal(export_save(path, false, EXPORT_MD, items, n, &err), STATUS_IO);
	assert_non_null(strstr(err.msg, "there is no directory"));
	/* a file where a directory should be */
	snprintf(path, sizeof(path), "%s/naast.db/vraag8.md", f->dir);
	assert_int_equal(export_save(path, false, EXPORT_MD, items, n, &err), STATUS_IO);
	/* a directory where the file should be, even with force */
	assert_int_equal(export_save(f->dir, true, EXPORT_MD, items, n, &err), STATUS_IO);
	assert_non_null(strstr(err.msg, "is a directory"));
	/* a named pipe is never replaced by a file, even with force */
	snprintf(path, sizeof(path), "%s/pipe.md", f->dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(export_save(path, true, EXPORT_MD, items, n, &err), STATUS_IO);
	assert_non_null(strstr(err.msg, "it is a named pipe (FIFO), not a file"));
	assert_int_equal(stat(path, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	assert_int_equal(unlink(path), 0);
	if (geteuid() != 0) {
		snprintf(path, sizeof(path), "%s/ro", f->dir);
		assert_int_equal(mkdir(path, 0500), 0);
		snprintf(path, sizeof(path), "%s/ro/vraag8.md", f->dir);
		assert_int_equal(export_save(path, false, EXPORT_MD, items, n, &err), STATUS_IO);
		assert_non_null(strstr(err.msg, "you may not write"));
	}
	assert_int_equal(files_like(f->dir, ".naast-export-"), 0);
	export_items_free(items, n);
}

/* A full disk (a file size limit here): an error, and nothing left behind. */
static void
test_save_on_a_full_disk(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct export_item *items = vraag8(f, &n);
	struct error err = { "" };
	struct rlimit old, small = { 512, 512 };
	char path[160];
	struct stat sb;

	snprintf(path, sizeof(path), "%s/full.md", f->dir);
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small.rlim_max = old.rlim_max;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_int_equal(export_save(path, false, EXPORT_MD, items, n, &err), STATUS_IO);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, SIG_DFL);
	assert_non_null(strstr(err.msg, "disk is full"));
	assert_int_not_equal(stat(path, &sb), 0);
	assert_int_equal(files_like(f->dir, ".naast-export-"), 0);
	export_items_free(items, n);
}

/* ---------------------------------------------------------------- basket */

static void
assert_basket(struct store *st, const long long *want, size_t n_want)
{
	struct selected *sel;
	struct error err = { "" };
	size_t n;

	assert_int_equal(store_selection(st, &sel, &n, &err), STATUS_OK);
	assert_int_equal(n, n_want);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(sel[i].passage, want[i]);
	store_selection_free(sel, n);
}

static void
test_basket(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct export_item *items = vraag8(f, &n);
	long long a = items[0].passage, b = items[1].passage, c = items[3].passage;
	long long d = letter_paragraph(f, 1);
	struct error err = { "" };
	struct selected *sel;
	bool changed;
	size_t removed;

	export_items_free(items, n);
	assert_basket(f->st, NULL, 0);
	assert_int_equal(store_select_add(f->st, a, &changed, &err), STATUS_OK);
	assert_true(changed);
	assert_int_equal(store_select_add(f->st, a, &changed, &err), STATUS_OK);
	assert_false(changed);
	assert_int_equal(store_select_add(f->st, 999999, &changed, &err), STATUS_NOT_FOUND);
	assert_non_null(strstr(err.msg, "999999"));
	assert_int_equal(store_select_add(f->st, b, &changed, &err), STATUS_OK);
	assert_int_equal(store_select_add(f->st, c, &changed, &err), STATUS_OK);
	assert_int_equal(store_select_add(f->st, d, &changed, &err), STATUS_OK);
	assert_basket(f->st, (long long[]){ a, b, c, d }, 4);

	/* reorder: as far as it goes, either way */
	assert_int_equal(store_select_move(f->st, d, -2, &err), STATUS_OK);
	assert_basket(f->st, (long long[]){ a, d, b, c }, 4);
	assert_int_equal(store_select_move(f->st, a, 10, &err), STATUS_OK);
	assert_basket(f->st, (long long[]){ d, b, c, a }, 4);
	assert_int_equal(store_select_move(f->st, d, -1, &err), STATUS_OK);
	assert_basket(f->st, (long long[]){ d, b, c, a }, 4);
	assert_int_equal(store_select_move(f->st, 999999, 1, &err), STATUS_NOT_FOUND);

	/* notes */
	assert_int_equal(store_select_note(f->st, b, "lees dit", &err), STATUS_OK);
	assert_int_equal(store_select_note(f->st, 999999, "x", &err), STATUS_NOT_FOUND);
	assert_int_equal(store_selection(f->st, &sel, &n, &err), STATUS_OK);
	assert_null(sel[0].note);
	assert_string_equal(sel[1].note, "lees dit");
	store_selection_free(sel, n);
	assert_int_equal(store_select_note(f->st, b, "", &err), STATUS_OK);
	assert_int_equal(store_selection(f->st, &sel, &n, &err), STATUS_OK);
	assert_null(sel[1].note);
	store_selection_free(sel, n);

	/* the basket outlives the connection */
	assert_int_equal(store_select_remove(f->st, c, &changed, &err), STATUS_OK);
	assert_true(changed);
	assert_int_equal(store_select_remove(f->st, c, &changed, &err), STATUS_OK);
	assert_false(changed);
	store_close(f->st);
	assert_int_equal(store_open(f->path, &f->st, &err), STATUS_OK);
	assert_basket(f->st, (long long[]){ d, b, a }, 3);
	/* a new passage goes to the end */
	assert_int_equal(store_select_add(f->st, c, &changed, &err), STATUS_OK);
	assert_basket(f->st, (long long[]){ d, b, a, c }, 4);
	assert_int_equal(store_select_clear(f->st, &removed, &err), STATUS_OK);
	assert_int_equal(removed, 4);
	assert_basket(f->st, NULL, 0);
}

static void
test_export_of_unknown_things(void **state)
{
	struct fixture *f = *state;
	struct export_item *items;
	struct error err = { "" };
	long long ids[2] = { letter_paragraph(f, 1), 424242 };
	size_t n;
	char def[] = "DEF", bzk[] = "BZK";
	char *codes[] = { def };

	assert_int_equal(store_export_items(f->st, ids, 2, &items, &err), STATUS_NOT_FOUND);
	assert_non_null(strstr(err.msg, "424242"));
	assert_int_equal(store_export_set(f->st, f->set, 42, NULL, 0, &items, &n, &err),
	    STATUS_NOT_FOUND);
	assert_int_equal(store_export_set(f->st, 4242, 0, NULL, 0, &items, &n, &err),
	    STATUS_NOT_FOUND);
	/* DEF was asked but did not answer (not imported) */
	assert_int_equal(store_export_set(f->st, f->set, 8, codes, 1, &items, &n, &err),
	    STATUS_NOT_FOUND);
	codes[0] = bzk;
	assert_int_equal(store_export_set(f->st, f->set, 0, codes, 1, &items, &n, &err),
	    STATUS_OK);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(items[i].ministry, "BZK");
	assert_true(n >= 9);
	export_items_free(items, n);
}

/* A footnote of text, its marker standing at byte at. */
static struct footnote *
one_footnote(const char *marker, const char *text, size_t at)
{
	struct footnote *f = xcalloc(1, sizeof(*f));

	f->marker = xstrdup(marker);
	f->text = xstrdup(text);
	f->at = at;
	return f;
}

/*
 * The footnotes of a vraag (issue 16), in every format, under the text of
 * their vraag; one answer to three vragen shows the text of each; a
 * footnote in the basket is quoted with its marker and cited as the
 * footnote of its vraag, above the answers.
 */
static void
test_vraag_footnotes_everywhere(void **state)
{
	static char fields[13][2048];
	static const char vraag[] = "Deelt u de mening?\nKunt u dat toelichten?\n"
	    "Kent u het rapport?";
	struct export_item items[2] = { { 0 } };
	const char *p;
	char *out, *cite;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct export_item *it = &items[i];

		it->kind = DOC_ANSWER;
		it->doc = 4;
		it->set = 7;
		it->vraag = 3;
		it->vraag_to = 5;
		snprintf(it->ministry, sizeof(it->ministry), "OCW");
		it->vraag_text = xstrdup(vraag);
		it->vraag_footnotes = one_footnote("2", "Movisie, Inventarisatie 2022",
		    strlen(vraag));
		it->n_vraag_footnotes = 1;
	}
	items[0].role = ROLE_FOOTNOTE;
	items[0].note_of = ROLE_VRAAG;
	items[0].marker = xstrdup("2");
	items[0].vraag = items[0].vraag_to = 5;
	items[0].text = xstrdup("Movisie, Inventarisatie 2022");
	items[1].role = ROLE_ANTWOORD;
	items[1].note_of = ROLE_OTHER;
	items[1].text = xstrdup("Dat is aan de provincies.");

	cite = export_citation(&items[0]);
	assert_string_equal(cite, "Voetnoot 2 bij vraag 5.");
	free(cite);

	out = written(EXPORT_MD, &items[1], 1);
	assert_non_null(strstr(out, "## Vragen 3, 4 en 5\n\n*Deelt u de mening?*\n\n"
	    "*Kunt u dat toelichten?*\n\n*Kent u het rapport?[2]*\n\n"
	    "[2] Movisie, Inventarisatie 2022\n\n> Dat is aan de provincies.\n"));
	free(out);
	out = written(EXPORT_TXT, &items[1], 1);
	assert_non_null(strstr(out, "Kunt u dat toelichten?\nKent u het rapport?[2]\n"
	    "  [2] Movisie, Inventarisatie 2022\n\n    Dat is aan"));
	free(out);
	out = written(EXPORT_CSV, &items[1], 1);
	p = out;
	assert_int_equal(csv_record(&p, fields, 13), 13);
	assert_string_equal(fields[11], "vraag_footnotes");
	assert_int_equal(csv_record(&p, fields, 13), 13);
	assert_string_equal(fields[10],
	    "Deelt u de mening? Kunt u dat toelichten? Kent u het rapport?[2]");
	assert_string_equal(fields[11], "[2] Movisie, Inventarisatie 2022");
	free(out);
	out = written(EXPORT_JSON, &items[1], 1);
	assert_non_null(strstr(out, "\"vraag_footnotes\": [\n"));
	assert_non_null(strstr(out, "\"text\": \"Movisie, Inventarisatie 2022\""));
	free(out);
	out = written(EXPORT_HTML, &items[1], 1);
	assert_non_null(strstr(out, "<p><em>Kent u het rapport?[2]</em></p>\n"
	    "<p class=\"fn\">[2] Movisie, Inventarisatie 2022</p>\n"));
	free(out);

	/* the footnote itself, selected: quoted with its marker, above the answers */
	out = written(EXPORT_MD, items, 2);
	assert_non_null(strstr(out, "> [2] Movisie, Inventarisatie 2022\n\n"
	    "Voetnoot 2 bij vraag 5.\n"));
	free(out);
	out = written(EXPORT_HTML, items, 2);
	assert_true(strstr(out, "<p class=\"cite\">Voetnoot 2 bij vraag 5.</p>") <
	    strstr(out, "<table>"));
	free(out);
	out = written(EXPORT_JSON, items, 1);
	assert_non_null(strstr(out, "\"footnote\": {\n"));
	assert_non_null(strstr(out, "\"of\": \"vraag\""));
	free(out);

	/* a letter's footnote names its paragraph */
	items[0].kind = DOC_LETTER;
	items[0].set = 0;
	items[0].note_of = ROLE_BODY;
	items[0].paragraph = 2;
	items[0].origin = xstrdup("brief.txt");
	cite = export_citation(&items[0]);
	assert_string_equal(cite, "Brief, alinea 2, voetnoot 2 (brief.txt).");
	free(cite);
	for (size_t i = 0; i < 2; i++) {
		free(items[i].text);
		free(items[i].marker);
		free(items[i].vraag_text);
		free(items[i].origin);
		model_footnotes_free(items[i].vraag_footnotes, items[i].n_vraag_footnotes);
	}
}

/* A published PDF's footnotes travel with their passage, in every format. */
static void
test_footnotes(void **state)
{
	struct fixture *f = *state;
	const char *rel = "tests/corpus-pdf/1b0f0b98-7c34-418c-98dc-43de7930e685.pdf";
	struct document *doc = NULL;
	struct import_result res;
	struct export_item *items;
	struct error err = { "" };
	size_t len, text_len, n;
	char *pdf = test_read_file(rel, &len), *text = NULL, *out;

	if (pdf_extract(pdf, len, &text, &text_len, &err) != STATUS_OK ||
	    parse_document(text, text_len, NULL, &doc, &err) != STATUS_OK ||
	    store_import(f->st, rel, doc, &res, &err) != STATUS_OK)
		fail_msg("%s: %s", rel, err.msg);
	model_free(doc);
	free(text);
	free(pdf);
	assert_int_equal(store_export_set(f->st, res.set, 2, NULL, 0, &items, &n, &err), STATUS_OK);
	assert_true(n >= 2);
	out = written(EXPORT_MD, items, n);
	matches_golden(out, "footnotes.md");
	/* the marker in the text, the footnote quoted under it */
	assert_non_null(strstr(out, "(mvo).[2] Sinds 1 januari 2022"));
	assert_non_null(strstr(out, "\n>\n> [2] Voor de ekv betekent dit"));
	assert_non_null(strstr(out, "Staatssecretaris Van Rij (Financiën – Fiscaliteit en "
	    "Belastingdienst), mede namens de Minister voor Buitenlandse Handel en "
	    "Ontwikkelingssamenwerking, ontvangen 21 mei 2024, op vraag 2 van de leden "
	    "Hirsch (GroenLinks-PvdA) en Teunissen (PvdA)"));
	free(out);
	out = written(EXPORT_CSV, items, n);
	assert_non_null(strstr(out, ",\"[2] Voor de ekv betekent dit"));
	free(out);
	out = written(EXPORT_JSON, items, n);
	assert_non_null(strstr(out, "\"marker\": \"2\""));
	free(out);
	out = written(EXPORT_HTML, items, n);
	assert_non_null(strstr(out, "<p class=\"fn\">[2] Voor de ekv"));
	free(out);
	export_items_free(items, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_citations_of_the_seeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_citation_of_a_letter, setup, teardown),
		cmocka_unit_test(test_citation_forms),
		cmocka_unit_test(test_citation_of_cosigners),
		cmocka_unit_test_setup_teardown(test_citation_as_written_stored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_names, setup, teardown),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test_setup_teardown(test_formats_golden, setup, teardown),
		cmocka_unit_test_setup_teardown(test_selection_golden, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markdown_of_vraag8, setup, teardown),
		cmocka_unit_test(test_grouped_by_set_with_refs),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_hostile_text),
		cmocka_unit_test(test_html_and_markdown_escaping),
		cmocka_unit_test_setup_teardown(test_plain_text_width, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_never_overwrites, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_on_a_full_disk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_basket, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_of_unknown_things, setup, teardown),
		cmocka_unit_test_setup_teardown(test_footnotes, setup, teardown),
		cmocka_unit_test(test_vraag_footnotes_everywhere),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
