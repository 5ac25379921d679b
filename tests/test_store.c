#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <sqlite3.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"
#include "import.h"		/* import_reparse */
#include "model.h"
#include "original.h"
#include "parse.h"
#include "store.h"
#include "store_db.h"	/* the statements, for their plans and that they prepare; library_fold */
#include "search.h"		/* search_distance */
#include "sha256.h"
#include "xalloc.h"

/*
 * Documents are built by hand here (the parsers have their own tests), as
 * the parsers would build them: a raw text, header fields, and passages
 * whose byte ranges point into the raw text.  The seeds go through the
 * real parsers in test_seeds.
 */

/* ---------------------------------------------------------------- fixtures */

/*
 * A test's directory, made by mkdtemp from "/tmp/naast-test-store-XXXXXX";
 * the database's path in it; and that path with SQLite's suffix of a
 * file next to it ("-wal", "-shm", "-journal").
 */
#define TEST_DIR_SIZE 64
#define TEST_PATH_SIZE 128
#define TEST_SIDE_PATH_SIZE 160

struct fixture {
	char dir[TEST_DIR_SIZE];
	char path[TEST_PATH_SIZE];
	struct store *st;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct error err = { "" };

	snprintf(f->dir, sizeof(f->dir), "/tmp/naast-test-store-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/naast.db", f->dir);
	if (store_open(f->path, &f->st, &err) != STATUS_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	*state = f;
	return 0;
}

/* A directory without a database yet. */
static int
setup_dir(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/naast-test-store-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/naast.db", f->dir);
	*state = f;
	return 0;
}

static int
setup_memory(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct error err = { "" };

	if (store_open(":memory:", &f->st, &err) != STATUS_OK)
		return -1;
	*state = f;
	return 0;
}

/*
 * How many sets of the database at path show more answered than
 * addressed (none may), or 0 when there is no library to ask.
 */
static long long
answered_above_addressed(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = 0;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return 0;
	}
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM library"
	    " WHERE answered > addressed", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char path[TEST_SIDE_PATH_SIZE];
	int rc = 0;

	/* Whatever a test built, no set shows more answered than addressed. */
	if (f->dir[0] && f->st && answered_above_addressed(f->path) > 0) {
		fprintf(stderr, "%s: a set shows more answered than addressed\n",
		    f->path);
		rc = -1;
	}
	store_close(f->st);
	if (f->dir[0]) {
		chmod(f->dir, 0700);
		for (size_t i = 0; i < 4; i++) {
			snprintf(path, sizeof(path), "%s%s", f->path, suffixes[i]);
			unlink(path);
		}
		rmdir(f->dir);
	}
	free(f);
	return rc;
}

/* ------------------------------------------------------ reading the file */

/* One integer from a query on a second connection to the database file. */
static long long
query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* The first column of sql's first row on the store's own connection. */
static long long
store_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	long long v = -1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(st->db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/*
 * Replaces the file at path by a database of an earlier schema, as a
 * release before made it: tests/fixtures/v2.sql or v3.sql.
 */
static void
load_fixture(const char *path, const char *fixture)
{
	char *dump = test_read_file(fixture, NULL);
	sqlite3 *db;

	unlink(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, dump, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", fixture, sqlite3_errmsg(db));
	sqlite3_close(db);
	free(dump);
}

static void
load_v2(const char *path)
{
	load_fixture(path, "tests/fixtures/v2.sql");
}

static const char *const tables[] = {
	"document", "question_set", "set_questioner", "set_addressed",
	"question", "question_variant", "answer", "signatory",
	"signatory_on_behalf_of", "letter_addressee", "passage", "xref",
	"pubref", "selection", "library",
};
#define N_TABLES (sizeof(tables) / sizeof(tables[0]))

static void
count_rows(const char *path, long long counts[N_TABLES])
{
	char sql[128];

	for (size_t i = 0; i < N_TABLES; i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", tables[i]);
		counts[i] = query_int(path, sql);
	}
}

static void
assert_same_counts(const long long a[N_TABLES], const long long b[N_TABLES])
{
	for (size_t i = 0; i < N_TABLES; i++)
		if (a[i] != b[i])
			fail_msg("table %s: %lld rows, expected %lld", tables[i],
			    b[i], a[i]);
}

/* ------------------------------------------------------- building documents */

/* Appends text and a blank line to doc->raw; the passage points at the text. */
static struct passage *
add(struct document *doc, enum role role, int vraag, const char *text)
{
	size_t n = strlen(text), start = doc->raw_len;

	doc->raw = xrealloc(doc->raw, doc->raw_len + n + 3);
	memcpy(doc->raw + start, text, n);
	memcpy(doc->raw + start + n, "\n\n", 3);
	doc->raw_len += n + 2;
	return model_add_passage(doc, role, vraag, xstrdup(text), start, start + n);
}

static struct signatory *
add_signatory(struct document *doc, const char *name, const char *role,
    const char *ministry)
{
	struct signatory *s;

	doc->signatories = xrealloc(doc->signatories,
	    (doc->n_signatories + 1) * sizeof(*doc->signatories));
	s = &doc->signatories[doc->n_signatories++];
	*s = (struct signatory){
		.name = xstrdup(name),
		.role = xstrdup(role),
		.ministry = xstrdup(ministry),
	};
	return s;
}

#define SUBJECT "bijeenkomsten met ambtenaren naar aanleiding van de " \
	"verkiezingsuitslag van 22 november 2023"

/* The header of an answer to the Eerdmans set, answered by ministry. */
static struct document *
answer_doc(const char *ministry, const char *received, int aanhangsel,
    const char *subject)
{
	struct document *doc = model_new("", 0);
	static const char *const addressed[] = { "AZ", "BZK", "FIN" };
	char *header;

	doc->kind = DOC_ANSWER;
	doc->format = "test";
	doc->subject = xstrdup(subject);
	doc->questioners = xcalloc(1, sizeof(*doc->questioners));
	doc->questioners[0] = (struct questioner){ xstrdup("Eerdmans"),
		xstrdup("JA21") };
	doc->n_questioners = 1;
	for (size_t i = 0; i < 3; i++)
		model_strv_add(&doc->addressed, &doc->n_addressed,
		    xstrdup(addressed[i]));
	snprintf(doc->submitted, sizeof(doc->submitted), "2024-01-29");
	doc->ministry = xstrdup(ministry);
	snprintf(doc->received, sizeof(doc->received), "%s", received);
	doc->aanhangsel = aanhangsel;
	header = xasprintf("Vragen van het lid Eerdmans (JA21) over %s "
	    "(ingezonden 29 januari 2024). Antwoord (%s) (ontvangen %s).",
	    subject, ministry, received);
	add(doc, ROLE_HEADER, 0, header);
	free(header);
	return doc;
}

#define VRAAG3_BZK "Beseft u dat ambtenaren in een moeilijke positie " \
	"worden geplaatst ten aanzien van hun collega's? Deelt u de mening " \
	"dat dit zeer ongewenst is?"
/* Only typography and white space differ from VRAAG3_BZK. */
#define VRAAG3_AZ "Beseft u dat ambtenaren in een moeilijke  positie\n" \
	"worden geplaatst ten aanzien van hun collega’s? Deelt u de mening " \
	"dat dit zeer ongewenst is? "

static struct document *
doc_az(void)
{
	struct document *doc = answer_doc("AZ", "2024-02-15", 0, SUBJECT);

	add_signatory(doc, "Rutte", "Minister-President", "AZ");
	add(doc, ROLE_VRAAG, 1, "Zijn er op uw ministerie bijeenkomsten "
	    "georganiseerd?");
	add(doc, ROLE_ANTWOORD, 1, "Nee. Wel is in reguliere overleggen over de "
	    "verkiezingsuitslag gesproken.");
	add(doc, ROLE_VRAAG, 2, "Zo ja, wat was de aanleiding c.q. het doel van "
	    "deze bijeenkomsten?");
	add(doc, ROLE_ANTWOORD, 2, "Zie het antwoord op vraag 1.");
	add(doc, ROLE_VRAAG, 3, VRAAG3_AZ);
	add(doc, ROLE_ANTWOORD, 3, "Het is belangrijk dat ambtenaren politiek "
	    "neutraal zijn (met uitzondering van de Politiek Adviseurs). Zie "
	    "voorts het antwoord op vraag 2.");
	add(doc, ROLE_ANTWOORD, 3, "Een sociaal veilige werkomgeving is hiervoor "
	    "randvoorwaardelijk, ook voor de ministeriële verantwoordelijkheid. "
	    "Zie ook de antwoorden op de vragen 1 en 2, en dit antwoord op "
	    "vraag 3.");
	return doc;
}

static struct document *
doc_bzk(void)
{
	struct document *doc = answer_doc("BZK", "2024-02-16", 1059, SUBJECT);
	struct signatory *s;

	add_signatory(doc, "De Jonge", "Minister", "BZK");
	s = add_signatory(doc, "Van Huffelen", "Staatssecretaris", "BZK");
	model_strv_add(&s->on_behalf_of, &s->n_on_behalf_of, xstrdup("DEF"));
	doc->see_also = xcalloc(1, sizeof(*doc->see_also));
	doc->see_also[0] = (struct pubref){ 1047, xstrdup("2023–2024") };
	doc->n_see_also = 1;
	add(doc, ROLE_VRAAG, 1, "Zijn er op uw ministerie bijeenkomsten "
	    "georganiseerd?");
	add(doc, ROLE_ANTWOORD, 1, "Ja.");
	add(doc, ROLE_VRAAG, 2, "Zo ja, wat was de aanleiding c.q. het doel van "
	    "deze bijeenkomsten?");
	add(doc, ROLE_ANTWOORD, 2, "De in het antwoord op vraag 1 genoemde "
	    "bijeenkomsten zijn lang van tevoren gepland.");
	add(doc, ROLE_VRAAG, 3, VRAAG3_BZK);
	add(doc, ROLE_ANTWOORD, 3, "Het is belangrijk dat ambtenaren politiek "
	    "neutraal zijn en blijven in hun werk.");
	return doc;
}

/* FIN prints vraag 2 with other words and answers only vraag 1 and 2. */
static struct document *
doc_fin(void)
{
	struct document *doc = answer_doc("FIN", "2024-02-20", 0,
	    "Bijeenkomsten  met ambtenaren naar aanleiding van de "
	    "verkiezingsuitslag van 22 november 2023");

	add_signatory(doc, "Van Rij", "Staatssecretaris", "FIN");
	add(doc, ROLE_VRAAG, 1, "Zijn er op uw ministerie bijeenkomsten "
	    "georganiseerd?");
	add(doc, ROLE_ANTWOORD, 1, "Nee.");
	add(doc, ROLE_VRAAG, 2, "Zo ja, wat was het doel van deze bijeenkomsten?");
	add(doc, ROLE_ANTWOORD, 2, "Niet van toepassing.");
	return doc;
}

static struct document *
doc_letter(const char *first_addressee)
{
	struct document *doc = model_new("", 0);
	const char *names[] = { first_addressee, "Rutte", "Buitendijk",
		"de Klerck" };
	char *salutation = xasprintf("Geachte mevrouw %s, en heren Rutte, "
	    "Buitendijk en de Klerck,", first_addressee);

	doc->kind = DOC_LETTER;
	doc->format = "test";
	for (size_t i = 0; i < 4; i++)
		model_strv_add(&doc->addressees, &doc->n_addressees,
		    xstrdup(names[i]));
	doc->epigraph_author = xstrdup("Herman Tjeenk Willink");
	doc->salutation = xstrdup(salutation);
	doc->closing = xstrdup("Hoogachtend,");
	add(doc, ROLE_EPIGRAPH, 0, "Evenwicht en tegenwicht");
	add(doc, ROLE_ATTRIBUTION, 0, "Herman Tjeenk Willink");
	add(doc, ROLE_SALUTATION, 0, salutation);
	add(doc, ROLE_BODY, 0, "Afgelopen vrijdag is de ambtelijke top van de "
	    "Tweede Kamer opgestapt.");
	add(doc, ROLE_BODY, 0, "Eerder stapte de hoogste ambtenaar van het "
	    "ministerie van Econonnische Zaken en Klimaat op.");
	add(doc, ROLE_BODY, 0, "Wij steunen deze lijn.");
	add(doc, ROLE_CLOSING, 0, "Hoogachtend,");
	free(salutation);
	return doc;
}

static void
import_ok(struct store *st, const char *origin, const struct document *doc,
    struct import_result *res)
{
	struct error err = { "" };
	enum status status = store_import(st, origin, doc, res, &err);

	if (status != STATUS_OK)
		fail_msg("importing %s: %s", origin, err.msg);
}

/* Imports a document built by make and frees it. */
static struct import_result
import_made(struct store *st, const char *origin, struct document *doc)
{
	struct import_result res;

	import_ok(st, origin, doc, &res);
	model_free(doc);
	return res;
}

/*
 * Footnotes (issue 8): stored with their passage, read back in order with
 * where their markers stood; the portfolio of a staatssecretaris; a PDF
 * is the same document when its bytes are, whatever its extracted text.
 */
static void
test_footnotes_and_source(void **state)
{
	struct fixture *f = *state;
	struct document *doc = doc_az();
	struct import_result res, again;
	struct question_view *q = NULL;
	struct doc_view dv;
	struct doc_passage *dp = NULL;
	struct error err = { "" };
	struct passage *p = NULL;
	size_t nq = 0;

	for (size_t i = 0; i < doc->n_passages && !p; i++)
		if (doc->passages[i].role == ROLE_ANTWOORD && doc->passages[i].vraag == 1)
			p = &doc->passages[i];
	assert_non_null(p);
	model_add_footnote(p, xstrdup("1"), xstrdup("Kamerstuk 36 200 VII, nr. 5"),
	    3, 0, 4);
	model_add_footnote(p, xstrdup("2"), xstrdup("NOS, 1 maart 2024"),
	    strlen(p->text), 5, 9);
	doc->signatories[0].portfolio = xstrdup("Fiscaliteit en Douane");
	memset(doc->source_sha256, 'a', 64);
	import_ok(f->st, "az.pdf", doc, &res);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM footnote"), 2);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM document WHERE sha256 = printf('%.64c', 'a')"), 1);

	assert_int_equal(store_questions(f->st, res.set, 1, NULL, 0, &q, &nq, &err),
	    STATUS_OK);
	assert_int_equal(nq, 1);
	assert_int_equal(q[0].answers[0].n_paragraphs, 1);
	assert_int_equal(q[0].answers[0].paragraphs[0].n_footnotes, 2);
	assert_string_equal(q[0].answers[0].paragraphs[0].footnotes[0].marker, "1");
	assert_string_equal(q[0].answers[0].paragraphs[0].footnotes[0].text,
	    "Kamerstuk 36 200 VII, nr. 5");
	assert_int_equal(q[0].answers[0].paragraphs[0].footnotes[0].at, 3);
	assert_string_equal(q[0].answers[0].paragraphs[0].footnotes[1].marker, "2");
	assert_int_equal(q[0].answers[0].vraag_from, 1);
	assert_int_equal(q[0].answers[0].vraag_to, 1);
	assert_string_equal(q[0].answers[0].signatories[0].portfolio,
	    "Fiscaliteit en Douane");
	/* the document, read whole, gives the passage the same footnotes */
	assert_int_equal(store_document(f->st, res.doc, &dv, &err), STATUS_OK);
	for (size_t i = 0; i < dv.n_passages && !dp; i++)
		if (dv.passages[i].id == q[0].answers[0].paragraphs[0].id)
			dp = &dv.passages[i];
	assert_non_null(dp);
	assert_int_equal(dp->n_footnotes, 2);
	assert_string_equal(dp->footnotes[1].text, "NOS, 1 maart 2024");
	store_document_clear(&dv);
	store_questions_free(q, nq);

	/* Other text from the same PDF bytes: unchanged. */
	free(doc->passages[0].text);
	doc->passages[0].text = xstrdup("Een andere extractie.");
	import_ok(f->st, "az-again.pdf", doc, &again);
	assert_true(again.unchanged);
	assert_int_equal(again.doc, res.doc);
	model_free(doc);
}

static struct search_hit *search_text(struct store *st, const char *text,
    bool substring, size_t *n);

/* The id of the first passage of document doc in role with vraag. */
static long long
passage_id(const char *path, long long doc, const char *role, int vraag)
{
	char *q = xasprintf("SELECT id FROM passage WHERE document = %lld"
	    " AND role = '%s' AND vraag = %d ORDER BY seq LIMIT 1", doc, role, vraag);
	long long id = query_int(path, q);

	free(q);
	return id;
}

/*
 * Footnotes of the vragen (issue 16): the news article a vraag is about
 * shows under the vraag's canonical text, its marker where it stood,
 * also in the second paragraph of a vraag; a word that only a footnote
 * has is found, and its hit names the vraag (or the answer) whose
 * footnote it is; the document read whole has each footnote once, under
 * its passage; the basket cites a footnote as the footnote it is.
 */
static void
test_vraag_footnotes(void **state)
{
	struct fixture *f = *state;
	struct document *doc = answer_doc("AZ", "2024-02-15", 1100, SUBJECT);
	struct question_view *q = NULL;
	struct search_hit *hits;
	struct export_item *items;
	struct error err = { "" };
	struct import_result res;
	struct doc_view dv;
	long long ids[2];
	size_t nq = 0, n, notes = 0;
	char *marked, *cite;

	add_signatory(doc, "Rutte", "Minister-President", "AZ");
	add(doc, ROLE_VRAAG, 1, "Heeft u kennisgenomen van het bericht?");
	add(doc, ROLE_ANTWOORD, 1, "Ja.");
	add(doc, ROLE_VRAAG, 2, "Eerste alinea van vraag 2.");
	add(doc, ROLE_VRAAG, 2, "Tweede alinea, met een voetnoot.");
	add(doc, ROLE_ANTWOORD, 2, "Nee.");
	model_add_footnote(&doc->passages[1], xstrdup("1"),
	    xstrdup("Omroep Zeeland, 3 maart 2024, «Kwallenplaag in de Oosterschelde»"),
	    strlen(doc->passages[1].text), 0, 4);
	model_add_footnote(&doc->passages[2], xstrdup("2"),
	    xstrdup("Kamerstuk 12 345, nr. 6 over strandpaviljoens"), 3, 5, 9);
	model_add_footnote(&doc->passages[4], xstrdup("3"),
	    xstrdup("Rapport Zeekraal, 2023"), strlen("Tweede alinea"), 10, 14);
	import_ok(f->st, "az.pdf", doc, &res);

	/* each footnote's text is a passage of its own, after the document's */
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM passage WHERE role = 'footnote'"), 3);
	assert_int_equal(query_int(f->path,
	    "SELECT max(seq) FROM passage WHERE role <> 'footnote'"),
	    (long long)doc->n_passages - 1);
	assert_int_equal(query_int(f->path,
	    "SELECT min(seq) FROM passage WHERE role = 'footnote'"),
	    (long long)doc->n_passages);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM footnote f"
	    " JOIN passage p ON p.id = f.body WHERE p.text = f.text"), 3);

	/* under the vraag, its marker where it stood */
	assert_int_equal(store_questions(f->st, res.set, 0, NULL, 0, &q, &nq, &err),
	    STATUS_OK);
	assert_int_equal(nq, 2);
	assert_int_equal(q[0].n_footnotes, 1);
	assert_string_equal(q[0].footnotes[0].marker, "1");
	assert_int_equal(q[0].footnotes[0].at, strlen(q[0].text));
	assert_int_equal(q[1].n_footnotes, 1);
	marked = model_marked_text(q[1].text, q[1].footnotes, q[1].n_footnotes);
	assert_string_equal(marked, "Eerste alinea van vraag 2.\n"
	    "Tweede alinea[3], met een voetnoot.");
	free(marked);
	/* an answer's footnote stays with its paragraph */
	assert_int_equal(q[0].answers[0].paragraphs[0].n_footnotes, 1);
	store_questions_free(q, nq);

	/* the document whole: no footnote as a passage, each under its own */
	assert_int_equal(store_document(f->st, res.doc, &dv, &err), STATUS_OK);
	for (size_t i = 0; i < dv.n_passages; i++) {
		assert_int_not_equal(dv.passages[i].role, ROLE_FOOTNOTE);
		notes += dv.passages[i].n_footnotes;
	}
	assert_int_equal(dv.n_passages, doc->n_passages);
	assert_int_equal(notes, 3);
	store_document_clear(&dv);

	/* a word only a vraag's footnote has: the hit names that vraag */
	hits = search_text(f->st, "kwallenplaag", false, &n);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].role, ROLE_FOOTNOTE);
	assert_int_equal(hits[0].vraag, 1);
	assert_int_equal(hits[0].set, res.set);
	assert_int_equal(hits[0].note_of_role, ROLE_VRAAG);
	assert_int_equal(hits[0].note_of, passage_id(f->path, res.doc, "vraag", 1));
	assert_string_equal(hits[0].marker, "1");
	assert_non_null(strstr(hits[0].snippet, "[Kwallenplaag]"));
	ids[0] = hits[0].passage;
	store_hits_free(hits, n);
	/* in the second paragraph of a vraag, and by its stem */
	hits = search_text(f->st, "zeekraal", false, &n);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].vraag, 2);
	assert_int_equal(hits[0].note_of_role, ROLE_VRAAG);
	store_hits_free(hits, n);
	/* an answer's footnote: the hit names the answer */
	hits = search_text(f->st, "strandpaviljoen", false, &n);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].vraag, 1);
	assert_int_equal(hits[0].note_of_role, ROLE_ANTWOORD);
	assert_string_equal(hits[0].marker, "2");
	ids[1] = hits[0].passage;
	store_hits_free(hits, n);

	/* in the basket, each is cited as the footnote it is */
	assert_int_equal(store_export_items(f->st, ids, 2, &items, &err), STATUS_OK);
	assert_int_equal(items[0].role, ROLE_FOOTNOTE);
	assert_int_equal(items[0].note_of, ROLE_VRAAG);
	cite = export_citation(&items[0]);
	assert_string_equal(cite, "Voetnoot 1 bij vraag 1 van het lid Eerdmans (JA21)"
	    " over " SUBJECT " (ingezonden 29 januari 2024). Aanhangsel Handelingen"
	    " II 2023/24, nr. 1100.");
	free(cite);
	cite = export_citation(&items[1]);
	assert_string_equal(cite, "Voetnoot 2 bij het antwoord van Minister-President"
	    " Rutte (Algemene Zaken), ontvangen 15 februari 2024, op vraag 1 van het"
	    " lid Eerdmans (JA21) over " SUBJECT " (ingezonden 29 januari 2024)."
	    " Aanhangsel Handelingen II 2023/24, nr. 1100.");
	free(cite);
	/* and the item carries its vraag's footnotes, placed in its text */
	assert_int_equal(items[1].n_vraag_footnotes, 1);
	assert_int_equal(items[1].vraag_footnotes[0].at, strlen(items[1].vraag_text));
	export_items_free(items, 2);
	model_free(doc);
}

/* A parser gives footnotes with their passage: a footnote passage is a bug. */
static void
test_footnote_passage_refused(void **state)
{
	struct fixture *f = *state;
	struct document *doc = doc_az();
	struct import_result res;
	struct error err = { "" };

	add(doc, ROLE_FOOTNOTE, 1, "Een voetnoot als passage.");
	assert_int_equal(store_import(f->st, "az.txt", doc, &res, &err), STATUS_FORMAT);
	assert_non_null(strstr(err.msg, "malformed"));
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"), 0);
	model_free(doc);
}

/*
 * One answer to several vragen ("Antwoord 3, 4 en 5"): each number has it,
 * and knows the numbers it shares it with.
 */
static void
test_shared_answer(void **state)
{
	struct fixture *f = *state;
	struct document *doc = answer_doc("FIN", "2024-08-29", 0, "rekeninggluren");
	struct import_result res;
	struct question_view *q = NULL;
	struct error err = { "" };
	size_t nq = 0;

	add_signatory(doc, "Heinen", "Minister", "FIN");
	add(doc, ROLE_VRAAG, 1, "Herkent u het beeld?");
	add(doc, ROLE_VRAAG, 2, "Wat vindt u ervan?");
	add(doc, ROLE_VRAAG, 3, "Deelt u de opvatting?");
	add(doc, ROLE_ANTWOORD, 1, "Ik kan niet ingaan op individuele gevallen.")->vraag_to = 3;
	add(doc, ROLE_ANTWOORD, 1, "Bunq heeft dit serieus opgepakt.")->vraag_to = 3;
	import_ok(f->st, "fin.pdf", doc, &res);
	model_free(doc);
	assert_int_equal(res.n_vragen, 3);
	assert_int_equal(store_questions(f->st, res.set, 0, NULL, 0, &q, &nq, &err),
	    STATUS_OK);
	assert_int_equal(nq, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(q[i].n_answers, 1);
		assert_int_equal(q[i].answers[0].n_paragraphs, 2);
		assert_int_equal(q[i].answers[0].paragraphs[0].id,
		    q[0].answers[0].paragraphs[0].id);
		assert_int_equal(q[i].answers[0].vraag_from, 1);
		assert_int_equal(q[i].answers[0].vraag_to, 3);
	}
	assert_string_equal(q[1].text, "Wat vindt u ervan?");
	store_questions_free(q, nq);
}

/* ------------------------------------------------------------------ open */

static void
test_fresh_database(void **state)
{
	struct fixture *f = *state;

	assert_true(store_is_empty(f->st));
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), 10);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM sqlite_master WHERE name = 'passage_words'"), 1);
	/* No triggers, and nothing a schema holds may use the index. */
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), 0);
	{
		int on = -1;

		assert_int_equal(sqlite3_db_config(f->st->db,
		    SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &on), SQLITE_OK);
		assert_int_equal(on, 0);
	}

	/* opening it again finds the schema in place */
	store_close(f->st);
	f->st = NULL;
	{
		struct error err = { "" };

		assert_int_equal(store_open(f->path, &f->st, &err), STATUS_OK);
	}
	assert_true(store_is_empty(f->st));
}

static void
test_newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE future (x);"
	    "PRAGMA user_version = 99;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	assert_int_equal(store_open(f->path, &f->st, &err), STATUS_DB_SCHEMA);
	assert_null(f->st);
	assert_non_null(strstr(err.msg, "upgrade naast"));
	assert_non_null(strstr(err.msg, f->path));
	/* and left alone */
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), 99);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM sqlite_master WHERE name = 'document'"), 0);
}

/*
 * A version naast never writes (negative, the smallest there is among
 * them) is refused, on an empty file and on a naast database alike,
 * and the file is left as it was.
 */
static void
test_negative_schema_refused(void **state)
{
	static const char *const versions[] = {
		"-1", "-2", "-2147483648",
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < COUNT(versions); i++)
		for (int naast = 0; naast < 2; naast++) {
			struct error err = { "" };
			char *pragma = xasprintf("PRAGMA user_version = %s",
			    versions[i]);
			long long schema;
			sqlite3 *db;

			char *wal = xasprintf("%s-wal", f->path);
			char *shm = xasprintf("%s-shm", f->path);

			unlink(f->path);
			unlink(wal);
			unlink(shm);
			free(wal);
			free(shm);
			if (naast) {
				assert_int_equal(store_open(f->path, &f->st,
				    &err), STATUS_OK);
				store_close(f->st);
				f->st = NULL;
			}
			assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
			assert_int_equal(sqlite3_exec(db, pragma, NULL, NULL,
			    NULL), SQLITE_OK);
			sqlite3_close(db);
			schema = query_int(f->path,
			    "SELECT count(*) FROM sqlite_master");

			assert_int_equal(store_open(f->path, &f->st, &err),
			    STATUS_DB);
			assert_null(f->st);
			assert_non_null(strstr(err.msg,
			    "is not a naast database or is damaged"));
			assert_non_null(strstr(err.msg, versions[i]));
			assert_int_equal(query_int(f->path, "PRAGMA user_version"),
			    strtoll(versions[i], NULL, 10));
			assert_int_equal(query_int(f->path,
			    "SELECT count(*) FROM sqlite_master"), schema);
			free(pragma);
		}
}

/* The SHA-256 of the file at path, as hex, newly allocated. */
static char *
file_digest(const char *path)
{
	char hex[SHA256_HEX_SIZE];
	char *data = NULL;
	size_t len = 0;
	FILE *fp = fopen(path, "rb");

	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	len = (size_t)ftell(fp);
	rewind(fp);
	data = xmalloc(len + 1);
	assert_int_equal(fread(data, 1, len, fp), len);
	fclose(fp);
	sha256_hex(data, len, hex);
	free(data);
	return xstrdup(hex);
}

/* Copies the file at from to to, byte for byte. */
static void
copy_bytes(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[8192];
	size_t n;

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

/*
 * A read-only database whose last changes are in its write-ahead log,
 * without the shared-memory file that lets a reader see them (copied
 * while a writer had it open): refused, saying why, rather than shown
 * without them; nothing made beside it.  Writable again, it opens with
 * its changes.
 */
static void
test_readonly_unread_log(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };
	char *copy = xasprintf("%s/copy.db", f->dir);
	char *wal = xasprintf("%s-wal", f->path);
	char *copy_wal = xasprintf("%s-wal", copy);
	char *copy_shm = xasprintf("%s-shm", copy);
	char *before, *after;
	sqlite3 *w;

	assert_int_equal(store_open(f->path, &f->st, &err), STATUS_OK);
	store_close(f->st);
	f->st = NULL;
	assert_int_equal(sqlite3_open(f->path, &w), SQLITE_OK);
	assert_int_equal(sqlite3_exec(w, "PRAGMA wal_autocheckpoint = 0;"
	    "INSERT INTO setting (key, value) VALUES ('logged', 'yes')", NULL,
	    NULL, NULL), SQLITE_OK);
	copy_bytes(f->path, copy);
	copy_bytes(wal, copy_wal);
	sqlite3_close(w);
	assert_int_equal(chmod(copy, 0444), 0);
	before = file_digest(copy);

	assert_int_equal(store_open(copy, &f->st, &err), STATUS_DB);
	assert_null(f->st);
	assert_non_null(strstr(err.msg, "its last changes are in"));
	assert_non_null(strstr(err.msg, copy_wal));
	assert_int_equal(access(copy_shm, F_OK), -1);
	after = file_digest(copy);
	assert_string_equal(after, before);

	assert_int_equal(chmod(copy, 0644), 0);
	assert_int_equal(store_open(copy, &f->st, &err), STATUS_OK);
	store_close(f->st);
	f->st = NULL;
	assert_int_equal(query_int(copy,
	    "SELECT count(*) FROM setting WHERE key = 'logged'"), 1);
	free(before);
	free(after);
	free(copy);
	free(wal);
	free(copy_wal);
	free(copy_shm);
}

/*
 * What someone else added to or changed in a naast database is refused
 * before naast runs anything, named, and the file is left as it was:
 * a trigger on naast's writes, a recursive one, a view where a table
 * was, a full-text table with another tokenizer, a trigger by the name
 * of those naast made before schema 9, a table gone.
 */
static void
test_foreign_schema_refused(void **state)
{
	static const struct {
		const char *sql, *says;
	} cases[] = {
		{ "CREATE TRIGGER wipe AFTER INSERT ON selection BEGIN"
		  "  DELETE FROM selection; END;",
		  "has a trigger 'wipe' on selection that naast does not make" },
		{ "PRAGMA recursive_triggers = ON;"
		  "CREATE TRIGGER again AFTER INSERT ON setting BEGIN"
		  "  INSERT INTO setting VALUES (new.key || 'x', 1); END;",
		  "has a trigger 'again' on setting" },
		{ "DROP TABLE follow;"
		  "CREATE VIEW follow AS WITH RECURSIVE n(i) AS (SELECT 1"
		  "  UNION ALL SELECT i + 1 FROM n) SELECT i, i FROM n;",
		  "has a view 'follow'" },
		{ "CREATE VIRTUAL TABLE other USING fts5 (x, tokenize = 'porter');",
		  "has a table 'other'" },
		{ "CREATE TRIGGER passage_words_delete AFTER DELETE ON passage"
		  "  BEGIN DELETE FROM selection; END;",
		  "has a trigger 'passage_words_delete' on passage" },
		{ "DROP TABLE setting;", "lacks naast's table 'setting'" },
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < COUNT(cases); i++) {
		struct error err = { "" };
		char *before, *after;
		sqlite3 *db;

		unlink(f->path);
		assert_int_equal(store_open(f->path, &f->st, &err), STATUS_OK);
		store_close(f->st);
		f->st = NULL;
		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		if (sqlite3_exec(db, cases[i].sql, NULL, NULL, NULL) != SQLITE_OK)
			fail_msg("%s: %s", cases[i].sql, sqlite3_errmsg(db));
		sqlite3_close(db);
		before = file_digest(f->path);

		assert_int_equal(store_open(f->path, &f->st, &err), STATUS_DB);
		assert_null(f->st);
		if (!strstr(err.msg, cases[i].says))
			fail_msg("%zu: %s", i, err.msg);
		assert_non_null(strstr(err.msg, "naast left it as it is"));
		after = file_digest(f->path);
		assert_string_equal(after, before);
		free(before);
		free(after);
	}
}

/* The digests store.c knows are those of the schemas its migrations make. */
static void
test_schema_digests(void **state)
{
	bool all_known = true;

	(void)state;
	for (long long v = 1; ; v++) {
		char hex[SHA256_HEX_SIZE];
		const char *known;
		struct error err = { "" };

		if (store_schema_digest(v, hex, &known, &err) == STATUS_USAGE)
			break;
		if (!known || strcmp(known, hex) != 0) {
			print_error("known_digests[%lld] in core/store.c is"
			    " \"%s\"; the migrations make \"%s\"\n", v,
			    known ? known : "(none)", hex);
			all_known = false;
		}
	}
	assert_true(all_known);
}

static void
test_not_a_database(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };
	size_t len, len2;
	char *text = test_read_file(SEED_LETTER, &len), *after;
	FILE *fp = fopen(f->path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	fclose(fp);

	assert_int_equal(store_open(f->path, &f->st, &err), STATUS_DB);
	assert_null(f->st);
	assert_non_null(strstr(err.msg, f->path));
	assert_non_null(strstr(err.msg, "not a naast database"));
	assert_null(strchr(err.msg, '\n'));
	/* the file is not touched */
	fp = fopen(f->path, "rb");
	after = calloc(1, len + 1);
	len2 = fread(after, 1, len + 1, fp);
	fclose(fp);
	assert_int_equal(len2, len);
	assert_memory_equal(after, text, len);
	free(after);
	free(text);
}

static void
test_other_programs_database(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE contacts (name);",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	assert_int_equal(store_open(f->path, &f->st, &err), STATUS_DB);
	assert_null(f->st);
	assert_non_null(strstr(err.msg, f->path));
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM sqlite_master WHERE name = 'document'"), 0);
}

static void
test_missing_directory(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };
	char path[TEST_PATH_SIZE];

	snprintf(path, sizeof(path), "%s/no/such/dir/naast.db", f->dir);
	assert_int_equal(store_open(path, &f->st, &err), STATUS_DB);
	assert_null(f->st);
	assert_non_null(strstr(err.msg, path));
}

/* -------------------------------------------------------------- grouping */

static void
test_two_answers_one_set(void **state)
{
	struct fixture *f = *state;
	struct import_result bzk, az;
	struct set_info set;
	struct error err = { "" };

	/* BZK first: the set's order is by received date, not import order */
	bzk = import_made(f->st, "bzk.md", doc_bzk());
	az = import_made(f->st, "az.txt", doc_az());
	assert_false(store_is_empty(f->st));

	assert_false(bzk.unchanged);
	assert_int_equal(bzk.kind, DOC_ANSWER);
	assert_string_equal(bzk.ministry, "BZK");
	assert_string_equal(az.ministry, "AZ");
	assert_int_equal(bzk.n_vragen, 3);
	assert_true(bzk.set > 0);
	assert_int_equal(az.set, bzk.set);
	assert_true(az.doc != bzk.doc);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM question_set"), 1);

	assert_int_equal(store_set_get(f->st, az.set, &set, &err), STATUS_OK);
	assert_string_equal(set.subject, SUBJECT);
	assert_string_equal(set.submitted, "2024-01-29");
	assert_int_equal(set.n_questioners, 1);
	assert_string_equal(set.questioners[0].name, "Eerdmans");
	assert_string_equal(set.questioners[0].party, "JA21");
	assert_int_equal(set.n_addressed, 3);
	assert_string_equal(set.addressed[0], "AZ");
	assert_string_equal(set.addressed[2], "FIN");
	assert_int_equal(set.n_questions, 3);
	assert_int_equal(set.aanhangsel, 1059);
	assert_int_equal(set.n_answers, 2);
	assert_int_equal(set.answers[0].doc, az.doc);
	assert_string_equal(set.answers[0].ministry, "AZ");
	assert_string_equal(set.answers[0].received, "2024-02-15");
	assert_int_equal(set.answers[0].aanhangsel, 0);
	assert_int_equal(set.answers[1].doc, bzk.doc);
	assert_string_equal(set.answers[1].ministry, "BZK");
	assert_string_equal(set.answers[1].received, "2024-02-16");
	assert_int_equal(set.answers[1].aanhangsel, 1059);
	store_set_info_clear(&set);

	/* a subject that differs in case and spacing only is the same set */
	assert_int_equal(import_made(f->st, "fin.txt", doc_fin()).set, az.set);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM question_set"), 1);

	/* another subject is another set */
	{
		struct document *doc = answer_doc("OCW", "2024-02-20", 0,
		    "iets anders");

		add(doc, ROLE_ANTWOORD, 1, "Nee.");
		assert_int_not_equal(import_made(f->st, "ocw.txt", doc).set, az.set);
	}
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM question_set"), 2);
}

/*
 * What the open data says: a Zaak groups fetched documents whatever their
 * headers say, a set found by its header learns it, the open data's
 * addressed ministries replace the header's, the ids are kept where none
 * were and stay when the document is parsed again.
 */
static struct document *
fetched(struct document *doc, const char *zaak, const char *tk_id,
    const char *koop_id)
{
	doc->zaak = strdup(zaak);
	doc->tk_id = strdup(tk_id);
	doc->tk_number = strdup("2024D06000");
	doc->koop_id = koop_id ? strdup(koop_id) : NULL;
	return doc;
}

static void
test_open_data(void **state)
{
	struct fixture *f = *state;
	struct import_result fin, az, bzk;
	struct replace_result res;
	struct error err = { "" };
	char *codes[] = { "AZ", "BZK" }, *value;
	struct document *doc;
	struct set_info set;
	long long id;

	/* from a file first: no Zaak */
	fin = import_made(f->st, "fin.txt", doc_fin());
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM question_set WHERE zaak IS NULL"), 1);
	/* fetched, the same header: the set learns its Zaak */
	az = import_made(f->st, "az.pdf", fetched(doc_az(), "2024Z01294",
	    "guid-az", NULL));
	assert_int_equal(az.set, fin.set);
	/* fetched, a header that matches no set: the Zaak groups it */
	doc = fetched(doc_bzk(), "2024Z01294", "guid-bzk", "ah-tk-20232024-1059");
	free(doc->subject);
	doc->subject = strdup("een onderwerp zoals een andere kop het schrijft");
	bzk = import_made(f->st, "bzk.pdf", doc);
	assert_int_equal(bzk.set, fin.set);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM question_set"), 1);

	assert_int_equal(store_tk_document(f->st, "guid-bzk", &id, &err), STATUS_OK);
	assert_int_equal(id, bzk.doc);
	assert_int_equal(store_tk_document(f->st, "guid-none", &id, &err), STATUS_OK);
	assert_int_equal(id, 0);
	assert_int_equal(store_zaak_set(f->st, "2024Z01294", &id, &err), STATUS_OK);
	assert_int_equal(id, fin.set);

	/* the header said AZ, BZK and FIN; the open data says AZ and BZK */
	assert_int_equal(store_set_addressed(f->st, "2024Z01294", codes, NULL, 2,
	    &id, &err), STATUS_OK);
	assert_int_equal(id, fin.set);
	assert_int_equal(store_set_get(f->st, fin.set, &set, &err), STATUS_OK);
	assert_string_equal(set.zaak, "2024Z01294");
	assert_true(set.addressed_official);
	assert_int_equal(set.n_addressed, 2);
	assert_string_equal(set.addressed[1], "BZK");
	assert_int_equal(set.n_coverage, 2);
	assert_int_equal(set.answered, 2);
	assert_int_equal(set.n_unanswered, 0);
	for (size_t i = 0; i < set.n_answers; i++)
		if (set.answers[i].doc == bzk.doc) {
			assert_string_equal(set.answers[i].tk_number, "2024D06000");
			assert_string_equal(set.answers[i].koop_id,
			    "ah-tk-20232024-1059");
		} else if (set.answers[i].doc == fin.doc) {
			assert_string_equal(set.answers[i].koop_id, "");
		}
	store_set_info_clear(&set);
	/* no set has that Zaak: nothing changes */
	assert_int_equal(store_set_addressed(f->st, "2024Z99999", codes, NULL, 2,
	    &id, &err), STATUS_OK);
	assert_int_equal(id, 0);

	/* the file learns the ids it had not; what is known stays */
	assert_int_equal(store_official(f->st, fin.doc, "2024Z01294", "guid-fin",
	    "2024D07000", NULL, &err), STATUS_OK);
	assert_int_equal(store_official(f->st, bzk.doc, NULL, "guid-other",
	    NULL, NULL, &err), STATUS_OK);
	assert_int_equal(store_tk_document(f->st, "guid-fin", &id, &err), STATUS_OK);
	assert_int_equal(id, fin.doc);
	assert_int_equal(store_tk_document(f->st, "guid-other", &id, &err),
	    STATUS_OK);
	assert_int_equal(id, 0);

	/* parsed again: the ids and the set stay */
	doc = doc_bzk();
	assert_int_equal(store_replace(f->st, bzk.doc, doc, &res, &err),
	    STATUS_OK);
	model_free(doc);
	assert_int_equal(res.import.set, fin.set);
	assert_int_equal(store_tk_document(f->st, "guid-bzk", &id, &err), STATUS_OK);
	assert_int_equal(id, res.import.doc);

	/* follows and settings */
	assert_int_equal(store_follow(f->st, "2024Z01294", true, &err), STATUS_OK);
	assert_int_equal(store_follow(f->st, "2024Z01294", false, &err), STATUS_OK);
	assert_int_equal(query_int(f->path, "SELECT following FROM follow"), 0);
	assert_int_equal(store_setting(f->st, "sync", &value, &err), STATUS_OK);
	assert_null(value);
	assert_int_equal(store_setting_put(f->st, "sync", "2024-09-01T00:00:00Z",
	    &err), STATUS_OK);
	assert_int_equal(store_setting(f->st, "sync", &value, &err), STATUS_OK);
	assert_string_equal(value, "2024-09-01T00:00:00Z");
	free(value);
}

static void
test_set_aanhangsel_earliest(void **state)
{
	struct fixture *f = *state;
	struct document *doc;
	struct set_info set;
	struct error err = { "" };
	long long id;

	id = import_made(f->st, "bzk.md", doc_bzk()).set;
	/* received before BZK's answer, and published with a number */
	doc = doc_fin();
	snprintf(doc->received, sizeof(doc->received), "2024-02-10");
	doc->aanhangsel = 1040;
	import_made(f->st, "fin.txt", doc);
	assert_int_equal(store_set_get(f->st, id, &set, &err), STATUS_OK);
	assert_int_equal(set.aanhangsel, 1040);
	assert_string_equal(set.answers[0].ministry, "FIN");
	store_set_info_clear(&set);
}

/* ------------------------------------------------------ questions, variants */

static void
test_canonical_text_and_variants(void **state)
{
	struct fixture *f = *state;
	long long set;
	char sql[256];

	set = import_made(f->st, "bzk.md", doc_bzk()).set;
	import_made(f->st, "az.txt", doc_az());
	/* AZ prints vraag 3 with ’ and other line breaks: no variant */
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM question_variant"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM question"), 3);
	snprintf(sql, sizeof(sql), "SELECT text = '%s' FROM question "
	    "WHERE number = 3 AND set_id = %lld", "Beseft u dat ambtenaren in een "
	    "moeilijke positie worden geplaatst ten aanzien van hun collega''s? "
	    "Deelt u de mening dat dit zeer ongewenst is?", set);
	assert_int_equal(query_int(f->path, sql), 1);

	/* FIN words vraag 2 differently: one variant, for FIN's document */
	import_made(f->st, "fin.txt", doc_fin());
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM question_variant"), 1);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM question_variant v JOIN question q"
	    " ON q.id = v.question JOIN document d ON d.id = v.document"
	    " WHERE q.number = 2 AND d.ministry = 'FIN'"
	    " AND v.text = 'Zo ja, wat was het doel van deze bijeenkomsten?'"), 1);
	/* the canonical text stays the first one */
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM question WHERE number = 2 AND text = "
	    "'Zo ja, wat was de aanleiding c.q. het doel van deze bijeenkomsten?'"),
	    1);
}

static void
test_answer_without_question_text(void **state)
{
	struct fixture *f = *state;
	struct document *doc = answer_doc("AZ", "2024-02-15", 0, SUBJECT);
	struct import_result res;

	/* a parser that found "Antwoord 1" but no "Vraag 1" */
	add(doc, ROLE_ANTWOORD, 1, "Nee.");
	res = import_made(f->st, "az.txt", doc);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM question WHERE text = ''"), 1);
	/* a later document fills in the text, without a variant */
	import_made(f->st, "bzk.md", doc_bzk());
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM question WHERE text = ''"), 0);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM question_variant"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM answer"), 4);
	(void)res;
}

static void
test_questions_view(void **state)
{
	struct fixture *f = *state;
	struct question_view *q;
	struct answer_view *a;
	struct error err = { "" };
	struct import_result az, bzk;
	size_t n;

	bzk = import_made(f->st, "bzk.md", doc_bzk());
	az = import_made(f->st, "az.txt", doc_az());
	import_made(f->st, "fin.txt", doc_fin());

	assert_int_equal(store_questions(f->st, az.set, 0, NULL, 0, &q, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(q[i].number, (int)i + 1);
	assert_string_equal(q[0].text, "Zijn er op uw ministerie bijeenkomsten "
	    "georganiseerd?");

	/* vraag 1: AZ, BZK, FIN in order of receipt */
	assert_int_equal(q[0].n_answers, 3);
	assert_string_equal(q[0].answers[0].ministry, "AZ");
	assert_string_equal(q[0].answers[1].ministry, "BZK");
	assert_string_equal(q[0].answers[2].ministry, "FIN");
	assert_int_equal(q[0].answers[1].doc, bzk.doc);
	assert_string_equal(q[0].answers[1].paragraphs[0].text, "Ja.");

	/* vraag 3: FIN did not answer it */
	assert_int_equal(q[2].n_answers, 2);
	a = &q[2].answers[0];
	assert_int_equal(a->doc, az.doc);
	assert_int_equal(a->n_signatories, 1);
	assert_string_equal(a->signatories[0].name, "Rutte");
	assert_string_equal(a->signatories[0].role, "Minister-President");
	assert_string_equal(a->signatories[0].ministry, "AZ");
	assert_int_equal(a->signatories[0].n_on_behalf_of, 0);
	assert_int_equal(a->n_paragraphs, 2);
	assert_true(a->paragraphs[0].id > 0);
	assert_true(a->paragraphs[1].id > a->paragraphs[0].id);
	assert_true(strncmp(a->paragraphs[1].text,
	    "Een sociaal veilige werkomgeving", 32) == 0);
	/* in order of first mention; the answer's own vraag is no reference */
	assert_int_equal(a->n_refs, 2);
	assert_int_equal(a->refs[0], 2);
	assert_int_equal(a->refs[1], 1);

	a = &q[2].answers[1];
	assert_string_equal(a->ministry, "BZK");
	assert_int_equal(a->n_signatories, 2);
	assert_string_equal(a->signatories[1].name, "Van Huffelen");
	assert_int_equal(a->signatories[1].n_on_behalf_of, 1);
	assert_string_equal(a->signatories[1].on_behalf_of[0], "DEF");
	assert_int_equal(a->n_refs, 0);

	/* BZK's answer 2 refers to vraag 1 */
	assert_int_equal(q[1].answers[1].n_refs, 1);
	assert_int_equal(q[1].answers[1].refs[0], 1);
	store_questions_free(q, n);

	/* one vraag, some ministries */
	{
		char *only[] = { "bzk", "FIN" };

		assert_int_equal(store_questions(f->st, az.set, 2, only, 2, &q, &n,
		    &err), STATUS_OK);
		assert_int_equal(n, 1);
		assert_int_equal(q[0].number, 2);
		assert_int_equal(q[0].n_answers, 2);
		assert_string_equal(q[0].answers[0].ministry, "BZK");
		assert_string_equal(q[0].answers[1].ministry, "FIN");
		store_questions_free(q, n);
	}

	assert_int_equal(store_questions(f->st, az.set, 7, NULL, 0, &q, &n, &err),
	    STATUS_NOT_FOUND);
	assert_null(q);
	assert_int_equal(n, 0);
	assert_int_equal(store_questions(f->st, 999, 0, NULL, 0, &q, &n, &err),
	    STATUS_NOT_FOUND);
}

static void
test_set_not_found(void **state)
{
	struct fixture *f = *state;
	struct set_info set;
	struct error err = { "" };

	assert_int_equal(store_set_get(f->st, 42, &set, &err), STATUS_NOT_FOUND);
	assert_null(set.subject);
	assert_int_equal(set.n_answers, 0);
	store_set_info_clear(&set);
}

/* --------------------------------------------------------------- imports */

static void
test_reimport_unchanged(void **state)
{
	struct fixture *f = *state;
	struct document *doc = doc_bzk();
	struct import_result first, again;
	long long before[N_TABLES], after[N_TABLES];

	import_made(f->st, "az.txt", doc_az());
	import_ok(f->st, "bzk.md", doc, &first);
	count_rows(f->path, before);

	import_ok(f->st, "elsewhere/bzk-copy.md", doc, &again);
	assert_true(again.unchanged);
	assert_int_equal(again.doc, first.doc);
	assert_int_equal(again.set, first.set);
	assert_int_equal(again.kind, DOC_ANSWER);
	assert_string_equal(again.ministry, "BZK");
	assert_int_equal(again.n_vragen, 3);
	count_rows(f->path, after);
	assert_same_counts(before, after);
	model_free(doc);

	/* the same bytes, parsed again into a new struct, are the same file */
	again = import_made(f->st, "bzk.md", doc_bzk());
	assert_true(again.unchanged);
	assert_int_equal(again.doc, first.doc);
	count_rows(f->path, after);
	assert_same_counts(before, after);
}

/*
 * How many passages match fts_query (raw FTS5 syntax) in the exact index,
 * asked on the store's own connection; the SQLite result code of the
 * query, SQLITE_OK when it ran.
 */
static int
fts_count(struct store *st, const char *fts_query, long long *n)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db,
	    "SELECT count(*) FROM passage_words WHERE passage_words MATCH ?1", -1, &s,
	    NULL);

	*n = 0;
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(s, 1, fts_query, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

static void
test_failed_import_leaves_no_trace(void **state)
{
	struct fixture *f = *state;
	long long before[N_TABLES], after[N_TABLES], matches;
	struct import_result res;
	struct error err = { "" };

	import_made(f->st, "az.txt", doc_az());
	count_rows(f->path, before);

	/*
	 * A document of a new set whose last passage is broken: the set,
	 * the document and its good passages are written before the import
	 * reaches it, and must all be gone.
	 */
	for (int how = 0; how < 2; how++) {
		static const char *const words[] = { "zeppelins", "luchtschepen" };
		struct document *doc = answer_doc("OCW", "2024-03-01", 1100 + how,
		    words[how]);
		struct passage *p;
		char *text;

		text = xasprintf("Kent u het bericht over %s?", words[how]);
		add(doc, ROLE_VRAAG, 1, text);
		free(text);
		text = xasprintf("Ja, dat bericht over %s ken ik.", words[how]);
		add(doc, ROLE_ANTWOORD, 1, text);
		free(text);
		p = add(doc, ROLE_BODY, 0, "Een passage die niet klopt.");
		if (how == 0)
			p->role = (enum role)42;
		else
			p->end = doc->raw_len + 10;
		assert_int_equal(store_import(f->st, "ocw.txt", doc, &res, &err),
		    STATUS_FORMAT);
		assert_non_null(strstr(err.msg, "passage 4"));
		assert_int_equal(res.doc, 0);
		count_rows(f->path, after);
		assert_same_counts(before, after);
		assert_int_equal(fts_count(f->st, words[how], &matches), SQLITE_OK);
		assert_int_equal(matches, 0);

		/* once mended, the same file goes in: nothing of it was left */
		if (how == 0)
			p->role = ROLE_BODY;
		else
			p->end = p->start;
		import_ok(f->st, "ocw.txt", doc, &res);
		assert_false(res.unchanged);
		assert_int_equal(fts_count(f->st, words[how], &matches), SQLITE_OK);
		assert_int_equal(matches, 3);	/* header, vraag, antwoord */
		model_free(doc);
		count_rows(f->path, before);
	}
}

/* ------------------------------------------------------ one document once */

/*
 * Terms whose count in the vocabulary is not what passage_words has
 * (its words and its marked stems).
 */
#define INDEX_WORDS "SELECT term, doc FROM passage_words_row"
#define VOCAB_ASTRAY \
	"SELECT (SELECT count(*) FROM (SELECT term, passages FROM vocabulary" \
	" EXCEPT " INDEX_WORDS ")) + (SELECT count(*) FROM" \
	" (" INDEX_WORDS " EXCEPT SELECT term, passages FROM vocabulary))"

#define FORMS_SUBJECT "de bouw van windparken op zee"
#define FORMS_VRAAG1 "Bent u bekend met het bericht dat de bouw van " \
	"windparken op zee twee jaar vertraging oploopt?"
#define FORMS_ANTWOORD1 "Ja. De netbeheerder heeft de Kamer op 12 maart " \
	"geïnformeerd over de nieuwe planning van de aansluiting op het net."
#define FORMS_ANTWOORD2A "De vertraging komt vooral door de levering van " \
	"kabels en transformatoren, waarvan de wachttijden wereldwijd zijn " \
	"opgelopen."
#define FORMS_ANTWOORD2B "Daarnaast duurt de vergunningverlening voor de " \
	"landtracés langer dan voorzien, omdat meer zienswijzen zijn ingediend."

/*
 * One answer of FIN in three forms, told apart by how they print it: a
 * conversion (form 0) with its footnote marker in brackets, a word broken
 * at a line end and antwoord 2 in two paragraphs; the text of the PDF
 * (form 1) and the PDF itself (form 2) with antwoord 2 whole; another
 * conversion (form 3) like the first without the marker.  aanhangsel
 * 0: the form does not print the number.
 */
static struct document *
forms_doc(int form, int aanhangsel, const char *ministry)
{
	struct document *doc = answer_doc(ministry, "2024-04-02", aanhangsel,
	    FORMS_SUBJECT);
	struct passage *p;

	doc->format = form == 0 || form == 3 ? "markdown" : "pdftext";
	doc->from_pdf = form == 2;
	if (form == 2)
		snprintf(doc->source_sha256, sizeof(doc->source_sha256), "%064d",
		    aanhangsel);
	p = add(doc, ROLE_VRAAG, 1, form == 0 ? FORMS_VRAAG1 " [1 ]" : FORMS_VRAAG1);
	model_add_footnote(p, xstrdup("1"), xstrdup("NOS, 11 maart 2024: "
	    "windparken op zee lopen jaren vertraging op"), strlen(FORMS_VRAAG1),
	    p->end, p->end);
	add(doc, ROLE_ANTWOORD, 1, form == 0 ? "Ja. De netbeheerder heeft de " \
	    "Kamer op 12 maart geïnfor- meerd over de nieuwe planning van de " \
	    "aansluiting op het net." : FORMS_ANTWOORD1);
	add(doc, ROLE_VRAAG, 2, "Wat is de oorzaak van de vertraging?");
	if (form == 0 || form == 3) {
		add(doc, ROLE_ANTWOORD, 2, FORMS_ANTWOORD2A);
		add(doc, ROLE_ANTWOORD, 2, FORMS_ANTWOORD2B);
	} else {
		add(doc, ROLE_ANTWOORD, 2, FORMS_ANTWOORD2A " " FORMS_ANTWOORD2B);
	}
	return doc;
}

/* The passage of doc with role, vraag and text starting so; fails if none. */
static long long
passage_of(struct store *st, long long doc, enum role role, int vraag,
    const char *start)
{
	struct error err = { "" };
	struct doc_view dv;
	long long id = 0;

	assert_int_equal(store_document(st, doc, &dv, &err), STATUS_OK);
	for (size_t i = 0; i < dv.n_passages && !id; i++)
		if (dv.passages[i].role == role && dv.passages[i].vraag == vraag &&
		    strncmp(dv.passages[i].text, start, strlen(start)) == 0)
			id = dv.passages[i].id;
	store_document_clear(&dv);
	if (!id)
		fail_msg("document %lld has no %s %d '%s'", doc,
		    model_role_name(role), vraag, start);
	return id;
}

/* The footnote passage of doc (the store's, of role footnote). */
static long long
footnote_of(struct fixture *f, long long doc)
{
	char *sql = xasprintf("SELECT id FROM passage WHERE document = %lld"
	    " AND role = 'footnote'", doc);
	long long id = query_int(f->path, sql);

	free(sql);
	return id;
}

/* The document of passage. */
static long long
document_of(struct fixture *f, long long passage)
{
	char *sql = xasprintf("SELECT document FROM passage WHERE id = %lld", passage);
	long long doc = query_int(f->path, sql);

	free(sql);
	return doc;
}

/*
 * The same answer imported in another form is one document (issue 16,
 * item 9): by its set, ministry and date when one form lacks the
 * Aanhangsel number, by number and vergaderjaar when both print it.  The
 * better form stays (PDF over its text over a conversion; of two alike,
 * the first), and the basket items follow it with their order and notes,
 * two that land on one passage joined.  Another number or another
 * ministry is another document.
 */
static void
test_same_document_forms(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };
	struct import_result res;
	struct selected *sel;
	struct set_info set;
	long long conversion, text, pdf, a2a, a2b, v1, fn;
	size_t n;

	res = import_made(f->st, "windparken.md", forms_doc(0, 0, "FIN"));
	assert_int_equal(res.same, IMPORT_SAME_NONE);
	conversion = res.doc;
	a2a = passage_of(f->st, conversion, ROLE_ANTWOORD, 2, "De vertraging");
	a2b = passage_of(f->st, conversion, ROLE_ANTWOORD, 2, "Daarnaast");
	v1 = passage_of(f->st, conversion, ROLE_VRAAG, 1, "Bent u");
	fn = footnote_of(f, conversion);
	assert_true(fn > 0);
	for (long long p = a2a; p; p = p == a2a ? v1 : p == v1 ? a2b : p == a2b ? fn : 0) {
		bool added;

		assert_int_equal(store_select_add(f->st, p, &added, &err), STATUS_OK);
	}
	assert_int_equal(store_select_note(f->st, a2a, "eerste", &err), STATUS_OK);
	assert_int_equal(store_select_note(f->st, a2b, "tweede", &err), STATUS_OK);

	/* the text of the PDF, which prints the number: better, replaces it */
	res = import_made(f->st, "windparken.txt", forms_doc(1, 2210, "FIN"));
	assert_int_equal(res.same, IMPORT_SAME_REPLACED);
	assert_int_equal(res.same_doc, conversion);
	assert_string_equal(res.same_name, "windparken.md");
	assert_int_equal(res.kept, FORM_PDF_TEXT);
	assert_int_equal(res.basket.moved, 3);
	assert_int_equal(res.basket.merged, 1);
	assert_int_equal(res.basket.lost, 0);
	text = res.doc;
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"), 1);
	assert_int_equal(store_selection(f->st, &sel, &n, &err), STATUS_OK);
	assert_int_equal(n, 3);
	assert_int_equal(sel[0].passage,
	    passage_of(f->st, text, ROLE_ANTWOORD, 2, "De vertraging"));
	assert_string_equal(sel[0].note, "eerste / tweede");
	assert_int_equal(sel[1].passage, passage_of(f->st, text, ROLE_VRAAG, 1, "Bent u"));
	assert_null(sel[1].note);
	/* a footnote's passage goes to the footnote */
	assert_int_equal(sel[2].passage, footnote_of(f, text));
	store_selection_free(sel, n);

	/* the PDF itself: by its number and vergaderjaar */
	res = import_made(f->st, "windparken.pdf", forms_doc(2, 2210, "FIN"));
	assert_int_equal(res.same, IMPORT_SAME_REPLACED);
	assert_int_equal(res.same_doc, text);
	assert_int_equal(res.kept, FORM_PDF);
	assert_int_equal(res.basket.moved, 3);
	pdf = res.doc;

	/* poorer forms after it change nothing */
	res = import_made(f->st, "windparken-2.md", forms_doc(0, 0, "FIN"));
	assert_int_equal(res.same, IMPORT_SAME_KEPT);
	assert_int_equal(res.doc, pdf);
	assert_int_equal(res.kept, FORM_PDF);
	assert_string_equal(res.same_name, "windparken.pdf");
	res = import_made(f->st, "windparken-2.txt", forms_doc(1, 2210, "FIN"));
	assert_int_equal(res.same, IMPORT_SAME_KEPT);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"), 1);
	assert_int_equal(store_selection(f->st, &sel, &n, &err), STATUS_OK);
	assert_int_equal(n, 3);
	assert_int_equal(document_of(f, sel[0].passage), pdf);
	assert_int_equal(document_of(f, sel[1].passage), pdf);
	store_selection_free(sel, n);
	assert_int_equal(store_set_get(f->st, res.set, &set, &err), STATUS_OK);
	assert_int_equal(set.n_answers, 1);
	store_set_info_clear(&set);

	/* of two conversions alike, the first stays */
	res = import_made(f->st, "eerste.md", forms_doc(0, 0, "BZK"));
	assert_int_equal(res.same, IMPORT_SAME_NONE);
	res = import_made(f->st, "tweede.md", forms_doc(3, 0, "BZK"));
	assert_int_equal(res.same, IMPORT_SAME_KEPT);
	assert_string_equal(res.same_name, "eerste.md");
	assert_int_equal(res.kept, FORM_CONVERSION);

	/* another number, or another ministry: another document */
	res = import_made(f->st, "ander-nummer.txt", forms_doc(1, 2211, "FIN"));
	assert_int_equal(res.same, IMPORT_SAME_NONE);
	res = import_made(f->st, "ander-ministerie.txt", forms_doc(1, 0, "AZ"));
	assert_int_equal(res.same, IMPORT_SAME_NONE);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"), 4);
	/* in one batch, as a directory imports them: the same */
	assert_int_equal(store_batch_begin(f->st, &err), STATUS_OK);
	res = import_made(f->st, "def.md", forms_doc(0, 0, "DEF"));
	assert_int_equal(res.same, IMPORT_SAME_NONE);
	res = import_made(f->st, "def.pdf", forms_doc(2, 0, "DEF"));
	assert_int_equal(res.same, IMPORT_SAME_REPLACED);
	assert_int_equal(store_batch_commit(f->st, &err), STATUS_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"), 5);

	/* the forms replaced left nothing behind in the indexes */
	assert_int_equal(store_int(f->st, VOCAB_ASTRAY), 0);
	assert_int_equal(sqlite3_exec(f->st->db,
	    "INSERT INTO passage_words (passage_words) VALUES ('integrity-check');",
	    NULL, NULL, NULL), SQLITE_OK);
}

/*
 * A conversion with a different text is not the same document, however
 * alike its set, ministry and date: a first answer and a fuller one.
 */
static void
test_same_needs_the_same_text(void **state)
{
	struct fixture *f = *state;
	struct document *doc = answer_doc("FIN", "2024-04-02", 0, FORMS_SUBJECT);
	struct import_result res;

	import_made(f->st, "windparken.md", forms_doc(0, 0, "FIN"));
	add(doc, ROLE_VRAAG, 1, FORMS_VRAAG1);
	add(doc, ROLE_ANTWOORD, 1, "Nee. Het bericht gaat over een ander park, "
	    "waarvan de bouw volgens plan verloopt en in de zomer begint.");
	add(doc, ROLE_VRAAG, 2, "Wat is de oorzaak van de vertraging?");
	add(doc, ROLE_ANTWOORD, 2, "Zie het antwoord op vraag 1.");
	res = import_made(f->st, "ander.md", doc);
	assert_int_equal(res.same, IMPORT_SAME_NONE);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"), 2);
}


/*
 * store_remove_document: refused while the basket cites the document,
 * with the count; with force the items go too; the set's counts, the
 * library and the vocabulary follow, and the last document takes its
 * set with it.
 */
static void
test_remove_document(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };
	struct import_result az, bzk, letter;
	struct set_info set;
	long long *docs;
	size_t n, dropped;
	bool added;

	az = import_made(f->st, "az.txt", doc_az());
	bzk = import_made(f->st, "dir/bzk.md", doc_bzk());
	letter = import_made(f->st, "letter.txt", doc_letter("Bruins Slot"));
	assert_int_equal(az.set, bzk.set);
	assert_int_equal(store_select_add(f->st,
	    passage_of(f->st, az.doc, ROLE_ANTWOORD, 3, "Het is"), &added, &err),
	    STATUS_OK);
	assert_int_equal(store_select_add(f->st,
	    passage_of(f->st, bzk.doc, ROLE_ANTWOORD, 3, "Het is"), &added, &err),
	    STATUS_OK);

	assert_int_equal(store_remove_document(f->st, az.doc, false, &dropped, &err),
	    STATUS_USAGE);
	assert_non_null(strstr(err.msg, "1 basket item cites document"));
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"), 3);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM selection"), 2);

	assert_int_equal(store_remove_document(f->st, az.doc, true, &dropped, &err),
	    STATUS_OK);
	assert_int_equal(dropped, 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM selection"), 1);
	assert_int_equal(store_set_get(f->st, bzk.set, &set, &err), STATUS_OK);
	assert_int_equal(set.n_answers, 1);
	assert_string_equal(set.answers[0].ministry, "BZK");
	assert_int_equal(set.n_questions, 3);
	store_set_info_clear(&set);
	/* BZK (DEF, on whose behalf it answers, was not asked): AZ no more */
	assert_int_equal(query_int(f->path,
	    "SELECT answered FROM library WHERE set_id IS NOT NULL"), 1);
	assert_int_equal(store_int(f->st, "SELECT count(*) FROM passage_words"
	    " WHERE passage_words MATCH 'Politiek Adviseurs'"), 0);
	assert_int_equal(store_int(f->st, VOCAB_ASTRAY), 0);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM vocabulary WHERE term = 'adviseurs'"), 0);

	/* by the name it was imported under, its last part or whole */
	assert_int_equal(store_documents_named(f->st, "bzk.md", &docs, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_int_equal(docs[0], bzk.doc);
	free(docs);
	assert_int_equal(store_documents_named(f->st, "dir/bzk.md", &docs, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	free(docs);
	assert_int_equal(store_documents_named(f->st, "k.md", &docs, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 0);
	free(docs);

	assert_int_equal(store_remove_document(f->st, bzk.doc, true, NULL, &err),
	    STATUS_OK);
	assert_int_equal(store_set_get(f->st, bzk.set, &set, &err), STATUS_NOT_FOUND);
	store_set_info_clear(&set);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM question"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM library"), 1);
	assert_int_equal(store_remove_document(f->st, letter.doc, false, NULL, &err),
	    STATUS_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM library"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM passage"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM vocabulary"), 0);
	assert_int_equal(store_remove_document(f->st, letter.doc, false, NULL, &err),
	    STATUS_NOT_FOUND);
}

/* An answer of ministry to a set of its own, about word. */
static struct document *
doc_about(const char *ministry, const char *word, bool broken)
{
	struct document *doc = answer_doc(ministry, "2024-03-01", 0, word);
	char *text = xasprintf("Hoeveel %s zijn er?", word);

	add(doc, ROLE_VRAAG, 1, text);
	free(text);
	text = xasprintf("Er zijn drie %s.", word);
	add(doc, ROLE_ANTWOORD, 1, text);
	free(text);
	if (broken)
		add(doc, ROLE_BODY, 0, "Een passage die niet klopt.")->role =
		    (enum role)42;
	return doc;
}

static long long
matches(struct store *st, const char *word)
{
	long long n = -1;

	assert_int_equal(fts_count(st, word, &n), SQLITE_OK);
	return n;
}

/*
 * A batch of imports (store.h): one transaction that another connection
 * sees only once committed, the full-text indexes filled at the commit;
 * a failed document ends the batch, and an ended or aborted batch leaves
 * nothing.
 */
static void
test_batch(void **state)
{
	struct fixture *f = *state;
	long long before[N_TABLES], during[N_TABLES], after[N_TABLES];
	struct import_result res;
	struct error err = { "" };
	struct document *broken = doc_about("FIN", "zeppelins", true);
	struct document *again;
	long long az;

	import_made(f->st, "az.txt", doc_az());
	count_rows(f->path, before);
	az = matches(f->st, "ambtenaren");
	assert_true(az > 0);
	assert_false(store_batch_open(f->st));
	assert_int_equal(store_batch_commit(f->st, &err), STATUS_USAGE);

	assert_int_equal(store_batch_begin(f->st, &err), STATUS_OK);
	assert_true(store_batch_open(f->st));
	assert_int_equal(store_batch_begin(f->st, &err), STATUS_USAGE);
	import_made(f->st, "ocw.txt", doc_about("OCW", "luchtschepen", false));
	assert_int_equal(store_import(f->st, "fin.txt", broken, &res, &err),
	    STATUS_FORMAT);
	assert_false(store_batch_open(f->st));
	count_rows(f->path, during);
	assert_same_counts(before, during);
	assert_int_equal(matches(f->st, "luchtschepen"), 0);
	/* the others go in again, in a batch of their own: nothing of them was left */
	assert_int_equal(store_batch_begin(f->st, &err), STATUS_OK);
	res = import_made(f->st, "ocw.txt", doc_about("OCW", "luchtschepen", false));
	assert_false(res.unchanged);
	import_made(f->st, "vws.txt", doc_about("VWS", "ballonnen", false));
	/* the same bytes twice in one batch: the second is unchanged */
	again = doc_about("VWS", "ballonnen", false);
	import_ok(f->st, "vws-again.txt", again, &res);
	assert_true(res.unchanged);
	model_free(again);
	count_rows(f->path, during);
	assert_same_counts(before, during);
	assert_int_equal(store_batch_commit(f->st, &err), STATUS_OK);
	assert_false(store_batch_open(f->st));

	count_rows(f->path, after);
	assert_int_equal(after[0], before[0] + 2);	/* documents */
	assert_int_equal(matches(f->st, "luchtschepen"), 3);
	assert_int_equal(matches(f->st, "ballonnen"), 3);
	assert_int_equal(matches(f->st, "zeppelins"), 0);
	/* what was there before is not indexed again */
	assert_int_equal(matches(f->st, "ambtenaren"), az);

	/* aborted: nothing of it */
	assert_int_equal(store_batch_begin(f->st, &err), STATUS_OK);
	import_made(f->st, "jenv.txt", doc_about("JenV", "kabelbanen", false));
	store_batch_abort(f->st);
	assert_false(store_batch_open(f->st));
	count_rows(f->path, during);
	assert_same_counts(after, during);
	assert_int_equal(matches(f->st, "kabelbanen"), 0);
	/* and its file goes in afterwards, alone */
	import_made(f->st, "jenv.txt", doc_about("JenV", "kabelbanen", false));
	assert_int_equal(matches(f->st, "kabelbanen"), 3);
	model_free(broken);
}

/*
 * The read-only checks, without cmocka: they run in a child process (see
 * test_read_only_database).  Returns 0 when all is well, otherwise the
 * number of the check that failed.
 */
static int
read_only_checks(void)
{
	char dir[TEST_DIR_SIZE] = "/tmp/naast-test-store-XXXXXX";
	char path[TEST_PATH_SIZE], aux[TEST_SIDE_PATH_SIZE];
	struct import_result res;
	struct error err = { "" };
	struct store *st = NULL;
	struct document *doc;
	int failed = 0;

	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/naast.db", dir);
	if (store_open(path, &st, &err) != STATUS_OK) {
		failed = 2;
		goto out;
	}
	doc = doc_az();
	if (store_import(st, "az.txt", doc, &res, &err) != STATUS_OK)
		failed = 3;
	model_free(doc);
	store_close(st);
	st = NULL;
	if (failed || chmod(path, 0444) != 0) {
		failed = failed ? failed : 4;
		goto out;
	}

	/* A read-only file: readable, and an import says why it cannot be. */
	if (store_open(path, &st, &err) != STATUS_OK) {
		failed = 5;
		goto out;
	}
	if (store_is_empty(st))
		failed = 6;
	doc = doc_bzk();
	if (!failed && (store_import(st, "bzk.md", doc, &res, &err) != STATUS_DB ||
	    !strstr(err.msg, "read-only") || !strstr(err.msg, path)))
		failed = 7;
	model_free(doc);
	/* the bytes already there are still recognised */
	doc = doc_az();
	if (!failed && (store_import(st, "az.txt", doc, &res, &err) != STATUS_OK ||
	    !res.unchanged))
		failed = 8;
	model_free(doc);
	store_close(st);
	st = NULL;
	if (failed)
		goto out;

	/*
	 * In a read-only directory SQLite cannot make the shared-memory file
	 * that WAL readers need: the store opens the file as immutable, reads
	 * it, says why it is read-only, and an import fails with that.
	 */
	snprintf(aux, sizeof(aux), "%s-shm", path);
	unlink(aux);
	snprintf(aux, sizeof(aux), "%s-wal", path);
	unlink(aux);
	if (chmod(dir, 0555) != 0)
		failed = 9;
	else if (store_open(path, &st, &err) != STATUS_OK || store_is_empty(st))
		failed = 10;
	else if (!store_is_readonly(st, &err) || !strstr(err.msg, "read-only") ||
	    !strstr(err.msg, path))
		failed = 11;
	doc = doc_bzk();
	if (!failed && (store_import(st, "bzk.md", doc, &res, &err) != STATUS_DB ||
	    !strstr(err.msg, "read-only")))
		failed = 12;
	model_free(doc);
	snprintf(aux, sizeof(aux), "%s-shm", path);
	if (!failed && access(aux, F_OK) == 0)
		failed = 13;
out:
	if (failed && err.msg[0])
		fprintf(stderr, "read-only check %d: %s\n", failed, err.msg);
	store_close(st);
	chmod(dir, 0700);
	unlink(path);
	snprintf(aux, sizeof(aux), "%s-shm", path);
	unlink(aux);
	snprintf(aux, sizeof(aux), "%s-wal", path);
	unlink(aux);
	rmdir(dir);
	return failed;
}

/*
 * Root may write to read-only files, so the checks run in a child that
 * becomes nobody (uid 65534) first when the tests run as root.
 */
static void
test_read_only_database(void **state)
{
	pid_t pid;
	int ws;

	(void)state;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (geteuid() == 0 && (setgroups(0, NULL) != 0 ||
		    setgid(65534) != 0 || setuid(65534) != 0))
			_exit(100);
		_exit(read_only_checks());
	}
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	assert_true(WIFEXITED(ws));
	assert_int_equal(WEXITSTATUS(ws), 0);
}

static void
exit_out_of_memory(void)
{
	_exit(42);
}

/* In a child: a committed document, then SQLite runs out in a batch. */
static int
run_out_in_batch(const char *path)
{
	struct error err = { "" };
	struct import_result res;
	struct store *st;
	struct document *bzk = doc_bzk(), *letter = doc_letter("Bruins Slot"),
	    *az = doc_az();

	if (store_open(path, &st, &err) != STATUS_OK ||
	    store_import(st, "bzk.md", bzk, &res, &err) != STATUS_OK ||
	    store_batch_begin(st, &err) != STATUS_OK ||
	    store_import(st, "letter.txt", letter, &res, &err) != STATUS_OK)
		return 1;
	xalloc_set_fail_hook(exit_out_of_memory);
	sqlite3_hard_heap_limit64(sqlite3_memory_used() + 4096);
	store_import(st, "az.txt", az, &res, &err);
	/* Not reached: SQLITE_NOMEM went to the hook. */
	return 2;
}

/*
 * SQLite out of memory (SQLITE_NOMEM) ends the program through xalloc's
 * hook, as a failed xmalloc does, instead of failing one file and going
 * on; the batch it was in is rolled back when the database is next
 * opened, and what was committed before stays.
 */
static void
test_sqlite_out_of_memory(void **state)
{
	struct fixture *f = *state;
	char path[TEST_SIDE_PATH_SIZE];
	sqlite3 *db;
	sqlite3_stmt *s;
	pid_t pid;
	int ws;

	snprintf(path, sizeof(path), "%s/nomem.db", f->dir);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(run_out_in_batch(path));
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	assert_true(WIFEXITED(ws));
	assert_int_equal(WEXITSTATUS(ws), 42);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(origin) FROM document",
	    -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "bzk.md");
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

static void
test_fts_finds_passages(void **state)
{
	struct fixture *f = *state;
	long long n;

	import_made(f->st, "az.txt", doc_az());
	import_made(f->st, "bzk.md", doc_bzk());
	import_made(f->st, "letter.txt", doc_letter("Bruins Slot"));

	assert_int_equal(fts_count(f->st, "werkomgeving", &n), SQLITE_OK);
	assert_int_equal(n, 1);
	/* AZ's and BZK's answers to vraag 3 */
	assert_int_equal(fts_count(f->st, "neutraal", &n), SQLITE_OK);
	assert_int_equal(n, 2);
	/* diacritics removed, case folded */
	assert_int_equal(fts_count(f->st, "MINISTERIELE", &n), SQLITE_OK);
	assert_int_equal(n, 1);
	/* the author's OCR error is searchable as written */
	assert_int_equal(fts_count(f->st, "econonnische", &n), SQLITE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(fts_count(f->st, "zeppelin", &n), SQLITE_OK);
	assert_int_equal(n, 0);
	/* the index agrees with its content table */
	assert_int_equal(store_int(f->st,
	    "SELECT count(*) FROM passage_words WHERE passage_words MATCH 'tevoren'"), 1);
	/* raw FTS5 syntax that FTS5 refuses is an error, not a count */
	assert_int_equal(fts_count(f->st, "\"unbalanced", &n), SQLITE_ERROR);
}

static void
test_pubrefs_resolved(void **state)
{
	struct fixture *f = *state;
	struct document *doc;
	long long target;

	/* BZK refers to nr. 1047 before it is here ... */
	import_made(f->st, "bzk.md", doc_bzk());
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM pubref WHERE nr = 1047 AND year = '2023–2024'"
	    " AND resolved IS NULL"), 1);
	/* ... and nr. 1047 of another year does not answer it */
	doc = answer_doc("OCW", "2021-03-01", 1047, "een onderwerp uit 2021");
	add(doc, ROLE_ANTWOORD, 1, "Nee.");
	import_made(f->st, "old.txt", doc);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM pubref WHERE resolved IS NULL"), 1);
	/* ... then it comes */
	doc = answer_doc("JenV", "2024-01-10", 1047, "een eerder onderwerp");
	add(doc, ROLE_ANTWOORD, 1, "Ja.");
	target = import_made(f->st, "1047.txt", doc).doc;
	assert_int_equal(query_int(f->path,
	    "SELECT resolved FROM pubref WHERE nr = 1047"), target);

	/* the other order: the publication first, the reference after */
	doc = answer_doc("VWS", "2024-03-01", 1100, "nog een onderwerp");
	add(doc, ROLE_ANTWOORD, 1, "Ja.");
	target = import_made(f->st, "1100.txt", doc).doc;
	doc = answer_doc("EZK", "2024-03-05", 0, "een vervolg");
	doc->see_also = xcalloc(1, sizeof(*doc->see_also));
	doc->see_also[0] = (struct pubref){ 1100, NULL };
	doc->n_see_also = 1;
	add(doc, ROLE_ANTWOORD, 1, "Zie ook eerder.");
	import_made(f->st, "vervolg.txt", doc);
	assert_int_equal(query_int(f->path,
	    "SELECT resolved FROM pubref WHERE nr = 1100"), target);
}

/* Checks that r is a reference to nr of year (NULL: none given), naming doc. */
static void
check_pubref(const struct pubref_view *r, int nr, const char *year,
    long long doc)
{
	assert_int_equal(r->aanhangsel, nr);
	if (year)
		assert_string_equal(r->vergaderjaar, year);
	else
		assert_null(r->vergaderjaar);
	assert_int_equal(r->doc, doc);
}

/*
 * References to publications inside answers: stored with their passage,
 * resolved like the header's (here: the publication comes after them), and
 * read with the answer after its document's header's, each publication
 * once.
 */
static void
test_answer_pubrefs(void **state)
{
	struct fixture *f = *state;
	struct document *doc;
	struct import_result ocw;
	struct question_view *q;
	struct error err = { "" };
	long long bzk;
	size_t n;

	doc = answer_doc("OCW", "2024-03-01", 1100, "een ander onderwerp");
	doc->see_also = xcalloc(1, sizeof(*doc->see_also));
	doc->see_also[0] = (struct pubref){ 1059, xstrdup("2023–2024") };
	doc->n_see_also = 1;
	add(doc, ROLE_VRAAG, 1, "Klopt dit?");
	/* the header's publication again, its year written otherwise */
	add(doc, ROLE_ANTWOORD, 1, "Ja. Zie ook Aanhangsel Handelingen II "
	    "2023/24, nr. 1059.");
	add(doc, ROLE_VRAAG, 2, "Wat gaat u doen?");
	add(doc, ROLE_ANTWOORD, 2, "Zie Aanhangsel Handelingen II 2022/23, "
	    "nr. 1059 en Aanhangsel van de Handelingen, nr. 1047.");
	/* its own number: no reference to itself */
	add(doc, ROLE_ANTWOORD, 2, "Dit antwoord verschijnt als Aanhangsel "
	    "Handelingen II 2023/24, nr. 1100. Zie ook het antwoord op vraag 1.");
	add(doc, ROLE_VRAAG, 3, "En verder?");
	add(doc, ROLE_ANTWOORD, 3, "Nee.");
	ocw = import_made(f->st, "ocw.txt", doc);

	/* four citations in three passages, no vraag of theirs; none resolved */
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM xref WHERE pub_nr IS NOT NULL AND vraag IS NULL"
	    " AND resolved IS NULL"), 4);
	assert_int_equal(query_int(f->path,
	    "SELECT count(DISTINCT passage) FROM xref WHERE pub_nr IS NOT NULL"), 3);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM xref WHERE pub_nr = 1059 AND pub_year = '2022/23'"
	    " AND pub_year_first = 2022 AND text_start = 4"), 1);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM xref WHERE pub_nr = 1047 AND pub_year IS NULL"
	    " AND pub_year_first IS NULL"), 1);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM xref WHERE vraag = 1"), 1);

	/* nr. 1059 of 2023–2024 comes: the header's and antwoord 1's name it */
	bzk = import_made(f->st, "bzk.md", doc_bzk()).doc;
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM pubref WHERE nr = 1059 AND resolved IS NOT NULL"),
	    1);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM xref WHERE pub_nr = 1059 AND pub_year = '2023/24'"
	    " AND resolved = (SELECT id FROM document WHERE aanhangsel = 1059)"), 1);
	/* another vergaderjaar's nr. 1059, no year, and itself: not */
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM xref WHERE pub_nr IS NOT NULL"
	    " AND resolved IS NULL"), 3);

	assert_int_equal(store_questions(f->st, ocw.set, 0, NULL, 0, &q, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(q[i].n_answers, 1);
	/* antwoord 1 cites the header's publication: listed once, as the header has it */
	assert_int_equal(q[0].answers[0].n_pubrefs, 1);
	check_pubref(&q[0].answers[0].pubrefs[0], 1059, "2023–2024", bzk);
	assert_int_equal(q[0].answers[0].n_refs, 0);
	/* antwoord 2: the header's, then its own in text order */
	assert_int_equal(q[1].answers[0].n_pubrefs, 4);
	check_pubref(&q[1].answers[0].pubrefs[0], 1059, "2023–2024", bzk);
	check_pubref(&q[1].answers[0].pubrefs[1], 1059, "2022/23", 0);
	check_pubref(&q[1].answers[0].pubrefs[2], 1047, NULL, 0);
	check_pubref(&q[1].answers[0].pubrefs[3], 1100, "2023/24", 0);
	assert_int_equal(q[1].answers[0].n_refs, 1);
	assert_int_equal(q[1].answers[0].refs[0], 1);
	/* antwoord 3: the header's only */
	assert_int_equal(q[2].answers[0].n_pubrefs, 1);
	check_pubref(&q[2].answers[0].pubrefs[0], 1059, "2023–2024", bzk);
	store_questions_free(q, n);

	/* BZK's answers carry its header's reference and no other */
	assert_int_equal(store_questions(f->st, import_made(f->st, "bzk.md",
	    doc_bzk()).set, 0, NULL, 0, &q, &n, &err), STATUS_OK);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(q[i].answers[0].n_pubrefs, 1);
		check_pubref(&q[i].answers[0].pubrefs[0], 1047, "2023–2024", 0);
	}
	store_questions_free(q, n);
}

/* ----------------------------------------------------------------- paging */

static void
test_keyset_paging(void **state)
{
	struct fixture *f = *state;
	struct set_cursor cursor = { "", 0 };
	long long ids[25], seen[25];
	char dates[25][DATE_ISO_SIZE];
	size_t n_seen = 0, n, pages = 0;
	struct error err = { "" };

	/* three sets per submitted date, so that ties are ordered by id */
	for (int i = 0; i < 25; i++) {
		struct document *doc = model_new("", 0);
		char *text = xasprintf("Vragen van het lid Lid%02d.", i);

		doc->kind = DOC_QUESTIONS;
		doc->questioners = xcalloc(1, sizeof(*doc->questioners));
		doc->questioners[0].name = xasprintf("Lid%02d", i);
		doc->n_questioners = 1;
		doc->subject = xasprintf("onderwerp %d", i);
		snprintf(doc->submitted, sizeof(doc->submitted), "2024-01-%02d",
		    1 + (i * 7) % 9);
		snprintf(dates[i], sizeof(dates[i]), "%s", doc->submitted);
		add(doc, ROLE_HEADER, 0, text);
		add(doc, ROLE_VRAAG, 1, "Klopt dit?");
		free(text);
		ids[i] = import_made(f->st, "q.txt", doc).set;
	}

	do {
		struct set_info *sets;

		assert_int_equal(store_sets_page(f->st, &cursor, 10, &sets, &n,
		    &err), STATUS_OK);
		assert_true(n <= 10);
		for (size_t i = 0; i < n; i++) {
			assert_true(n_seen < 25);
			seen[n_seen++] = sets[i].id;
			assert_int_equal(sets[i].n_questions, 1);
			assert_int_equal(sets[i].n_answers, 0);
			assert_int_equal(sets[i].n_questioners, 1);
		}
		store_sets_free(sets, n);
		pages++;
	} while (n == 10);
	assert_int_equal(pages, 3);
	assert_int_equal(n_seen, 25);

	/* every set once, newest submitted first, then highest id */
	for (size_t i = 0; i < 25; i++) {
		size_t k = 0;

		while (k < 25 && ids[k] != seen[i])
			k++;
		assert_true(k < 25);
		for (size_t j = i + 1; j < 25; j++) {
			size_t m = 0;

			assert_true(seen[j] != seen[i]);
			while (ids[m] != seen[j])
				m++;
			assert_true(strcmp(dates[k], dates[m]) > 0 ||
			    (strcmp(dates[k], dates[m]) == 0 && ids[k] > ids[m]));
		}
	}
}

static void
test_letters(void **state)
{
	struct fixture *f = *state;
	struct letter_info *letters;
	struct import_result res;
	struct error err = { "" };
	long long after = 0, first;
	size_t n;

	res = import_made(f->st, "004.txt", doc_letter("Bruins Slot"));
	assert_int_equal(res.kind, DOC_LETTER);
	assert_int_equal(res.set, 0);
	assert_string_equal(res.ministry, "");
	first = res.doc;
	import_made(f->st, "az.txt", doc_az());
	import_made(f->st, "005.txt", doc_letter("Keijzer"));
	import_made(f->st, "006.txt", doc_letter("Van Huffelen"));

	assert_int_equal(store_letters_page(f->st, &after, 2, &letters, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 2);
	assert_int_equal(letters[0].doc, first);
	assert_string_equal(letters[0].origin, "004.txt");
	assert_int_equal(letters[0].n_addressees, 4);
	assert_string_equal(letters[0].addressees[0], "Bruins Slot");
	assert_string_equal(letters[0].addressees[3], "de Klerck");
	assert_string_equal(letters[0].closing, "Hoogachtend,");
	assert_non_null(strstr(letters[0].salutation, "Geachte mevrouw Bruins"));
	assert_int_equal(letters[0].paragraphs, 3);
	assert_string_equal(letters[1].addressees[0], "Keijzer");
	assert_int_equal(after, letters[1].doc);
	store_letters_free(letters, n);

	assert_int_equal(store_letters_page(f->st, &after, 2, &letters, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_string_equal(letters[0].addressees[0], "Van Huffelen");
	assert_int_equal(letters[0].kind, DOC_LETTER);
	store_letters_free(letters, n);

	/* a text naast could not structure has no other list than this one */
	{
		struct document *doc = model_new("", 0);

		doc->kind = DOC_UNKNOWN;
		doc->format = "test";
		add(doc, ROLE_OTHER, 0, "Iets dat geen brief en geen antwoord is.");
		res = import_made(f->st, "raadsel.txt", doc);
	}
	assert_int_equal(res.kind, DOC_UNKNOWN);
	assert_int_equal(res.set, 0);
	assert_int_equal(store_letters_page(f->st, &after, 2, &letters, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_int_equal(letters[0].doc, res.doc);
	assert_int_equal(letters[0].kind, DOC_UNKNOWN);
	assert_string_equal(letters[0].origin, "raadsel.txt");
	assert_int_equal(letters[0].n_addressees, 0);
	assert_null(letters[0].salutation);
	assert_int_equal(letters[0].paragraphs, 0);
	store_letters_free(letters, n);

	assert_int_equal(store_letters_page(f->st, &after, 2, &letters, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 0);
	store_letters_free(letters, n);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM document WHERE kind = 'letter'"
	    " AND epigraph_author = 'Herman Tjeenk Willink' AND set_id IS NULL"), 3);
}

/* ------------------------------------------------------------------ seeds */

static struct document *
parse_seed(const char *rel)
{
	struct document *doc = NULL;
	struct error err = { "" };
	size_t len;
	char *raw = test_read_file(rel, &len);
	enum status status = parse_document(raw, len, NULL, &doc, &err);

	free(raw);
	if (status != STATUS_OK)
		fail_msg("%s: %s", rel, err.msg);
	return doc;
}

static void
test_seeds(void **state)
{
	struct fixture *f = *state;
	struct document *docs[3] = {
		parse_seed(SEED_PDFTEXT), parse_seed(SEED_MARKDOWN),
		parse_seed(SEED_LETTER),
	};
	struct import_result res[3];
	struct set_cursor cursor = { "", 0 };
	struct set_info *sets;
	struct letter_info *letters;
	struct question_view *q;
	struct error err = { "" };
	long long after = 0;
	size_t n;

	for (size_t i = 0; i < 3; i++) {
		import_ok(f->st, i == 0 ? SEED_PDFTEXT : i == 1 ? SEED_MARKDOWN :
		    SEED_LETTER, docs[i], &res[i]);
		model_free(docs[i]);
	}

	assert_int_equal(store_sets_page(f->st, &cursor, 10, &sets, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_int_equal(sets[0].id, res[0].set);
	assert_int_equal(res[1].set, res[0].set);
	assert_int_equal(sets[0].n_questions, 9);
	assert_int_equal(sets[0].n_addressed, 12);
	assert_string_equal(sets[0].submitted, "2024-01-29");
	assert_int_equal(sets[0].n_answers, 2);
	assert_string_equal(sets[0].answers[0].ministry, "AZ");
	assert_string_equal(sets[0].answers[0].received, "2024-02-15");
	assert_string_equal(sets[0].answers[1].ministry, "BZK");
	assert_string_equal(sets[0].answers[1].received, "2024-02-16");
	assert_int_equal(sets[0].answers[1].aanhangsel, 1059);
	store_sets_free(sets, n);

	/* the nine question texts are identical: no variants */
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM question_variant"), 0);
	assert_int_equal(store_questions(f->st, res[0].set, 0, NULL, 0, &q, &n,
	    &err), STATUS_OK);
	assert_int_equal(n, 9);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(q[i].number, (int)i + 1);
		assert_int_equal(q[i].n_answers, 2);
		assert_string_equal(q[i].answers[0].ministry, "AZ");
		assert_string_equal(q[i].answers[1].ministry, "BZK");
	}
	/* AZ answer 8 has two paragraphs, the second starting thus */
	assert_int_equal(q[7].answers[0].n_paragraphs, 2);
	assert_true(strncmp(q[7].answers[0].paragraphs[1].text,
	    "Een sociaal veilige werkomgeving", 32) == 0);
	assert_string_equal(q[8].answers[0].paragraphs[0].text, "Ja.");
	assert_string_equal(q[8].answers[1].paragraphs[0].text, "Ja.");
	/* "Zie het antwoord op vraag 1." (AZ 2), "Verwezen wordt ook ..." (BZK 7) */
	assert_int_equal(q[1].answers[0].n_refs, 1);
	assert_int_equal(q[1].answers[0].refs[0], 1);
	assert_int_equal(q[6].answers[1].n_refs, 1);
	assert_int_equal(q[6].answers[1].refs[0], 8);
	assert_int_equal(q[0].answers[0].signatories[0].n_on_behalf_of, 0);
	assert_string_equal(q[0].answers[0].signatories[0].name, "Rutte");
	assert_string_equal(q[0].answers[1].signatories[1].name, "Van Huffelen");
	store_questions_free(q, n);
	/* BZK's "Zie ook ... nr. 1047" waits for nr. 1047 */
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM pubref WHERE nr = 1047 AND resolved IS NULL"), 1);

	assert_int_equal(store_letters_page(f->st, &after, 10, &letters, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_int_equal(letters[0].n_addressees, 4);
	store_letters_free(letters, n);
}

/* An answer in the pdftext layout whose antwoord 2 cites the BZK seed. */
static const char cites_bzk[] =
    "Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn over \n"
    "het bericht over ambtenaren (ingezonden 1 maart 2024). \n"
    "\n"
    "Antwoord van Minister Pietersen (Financi\u00ebn) (ontvangen 2 april \n"
    "2024). \n"
    "\n"
    "Vraag 1\n"
    "Bent u bekend met het bericht? \n"
    "\n"
    "Antwoord 1\n"
    "Ja. \n"
    "\n"
    "Vraag 2\n"
    "Hoeveel bijeenkomsten zijn er op uw ministerie georganiseerd? \n"
    "\n"
    "Antwoord 2\n"
    "Daarover is de Kamer eerder ge\u00efnformeerd. Zie ook Aanhangsel \n"
    "Handelingen, vergaderjaar 2023\u20132024, nr. 1059. \n"
    "\n"
    "Vraag 3\n"
    "Wat gaat u doen? \n"
    "\n"
    "Antwoord 3\n"
    "Zie het antwoord op vraag 2. \n";

/* Imports cites_bzk and the BZK seed into st, in that order or the other. */
static void
import_cites_bzk(struct store *st, bool bzk_first, long long *set,
    long long *bzk)
{
	struct document *doc = NULL;
	struct import_result res;
	struct error err = { "" };

	for (int i = 0; i < 2; i++) {
		if (bzk_first == (i == 0)) {
			*bzk = import_made(st, SEED_MARKDOWN,
			    parse_seed(SEED_MARKDOWN)).doc;
			continue;
		}
		assert_int_equal(parse_document(cites_bzk, strlen(cites_bzk), NULL,
		    &doc, &err), STATUS_OK);
		assert_string_equal(doc->format, "pdftext");
		res = import_made(st, "cites-bzk.txt", doc);
		assert_string_equal(res.ministry, "FIN");
		assert_int_equal(res.n_vragen, 3);
		*set = res.set;
	}
}

/* Antwoord 2 of cites_bzk, and only it, names the BZK seed. */
static void
check_cites_bzk(struct store *st, long long set, long long bzk)
{
	struct question_view *q;
	struct error err = { "" };
	size_t n;

	assert_int_equal(store_questions(st, set, 0, NULL, 0, &q, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(q[i].n_answers, 1);
		assert_int_equal(q[i].answers[0].n_pubrefs, i == 1 ? 1 : 0);
	}
	check_pubref(&q[1].answers[0].pubrefs[0], 1059, "2023–2024", bzk);
	assert_int_equal(q[2].answers[0].n_refs, 1);
	assert_int_equal(q[2].answers[0].refs[0], 2);
	store_questions_free(q, n);
}

static void
test_answer_pubref_to_seed(void **state)
{
	struct fixture *f = *state;
	struct store *mem;
	struct error err = { "" };
	long long set = 0, bzk = 0;

	/* the reference first, the publication after it */
	import_cites_bzk(f->st, false, &set, &bzk);
	check_cites_bzk(f->st, set, bzk);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM xref x JOIN passage p ON p.id = x.passage"
	    " WHERE x.pub_nr = 1059 AND x.pub_year = '2023–2024'"
	    " AND p.role = 'antwoord' AND p.vraag = 2"), 1);
	assert_int_equal(query_int(f->path,
	    "SELECT resolved FROM xref WHERE pub_nr = 1059"), bzk);

	/* the publication first */
	assert_int_equal(store_open(":memory:", &mem, &err), STATUS_OK);
	import_cites_bzk(mem, true, &set, &bzk);
	check_cites_bzk(mem, set, bzk);
	store_close(mem);
}

/* ----------------------------------------------------------------- library */

/* The rows of one page; fails the test on an error. */
static struct library_row *
page(struct store *st, const char *filter, enum library_sort sort,
    const struct library_row *from, bool backward, size_t limit, size_t *n)
{
	struct library_row *rows;
	struct error err = { "" };
	enum status status = store_library_page(st, filter, sort, from, backward,
	    limit, &rows, n, &err);

	if (status != STATUS_OK)
		fail_msg("library page: %s", err.msg);
	return rows;
}

static size_t
count(struct store *st, const char *filter)
{
	struct error err = { "" };
	size_t n = 0;

	if (store_library_count(st, filter, &n, &err) != STATUS_OK)
		fail_msg("library count: %s", err.msg);
	return n;
}

/* Newest first, and a row without a date after every dated one. */
static int
date_first(const char *a, const char *b)
{
	if (!*a != !*b)
		return *a ? -1 : 1;
	return strcmp(b, a);
}

/*
 * Negative when a comes before b in order sort, from the rows' own fields:
 * what the user sees, not the private key.
 */
static int
library_cmp(enum library_sort sort, const struct library_row *a,
    const struct library_row *b)
{
	char *fa, *fb;
	int c;

	switch (sort) {
	case LIBRARY_BY_SUBMITTED:
		c = date_first(a->submitted, b->submitted);
		break;
	case LIBRARY_BY_RECEIVED:
		c = date_first(a->received, b->received);
		break;
	default:
		fa = library_fold(a->title);
		fb = library_fold(b->title);
		c = strcmp(fa, fb);
		free(fa);
		free(fb);
		return c ? c : (a->entry > b->entry) - (a->entry < b->entry);
	}
	return c ? c : (b->entry > a->entry) - (b->entry < a->entry);
}

/* The rows met walking the library page by page, in the order met. */
struct walk {
	struct library_row *rows;
	size_t n, cap, pages;
};

#define PAGE 7

/*
 * Walks pages of PAGE rows from start (NULL: the top, or the bottom when
 * backward) to the end, checking each page's order and its place next to
 * the row it started from.  Backward, rows are collected last first, so
 * that w->rows is the walk as the user made it.
 */
static void
walk(struct store *st, const char *filter, enum library_sort sort,
    bool backward, const struct library_row *start, struct walk *w)
{
	const struct library_row *from = start;
	struct library_row *rows;
	size_t n;

	memset(w, 0, sizeof(*w));
	for (;;) {
		rows = page(st, filter, sort, from, backward, PAGE, &n);
		assert_true(n <= PAGE);
		for (size_t i = 0; i + 1 < n; i++)
			assert_true(library_cmp(sort, &rows[i], &rows[i + 1]) < 0);
		if (from && n && !backward)
			assert_true(library_cmp(sort, from, &rows[0]) < 0);
		if (from && n && backward)
			assert_true(library_cmp(sort, &rows[n - 1], from) < 0);
		for (size_t i = 0; i < n; i++) {
			xgrow(&w->rows, &w->cap, w->n + 1, sizeof(*w->rows));
			w->rows[w->n++] = rows[backward ? n - 1 - i : i];
		}
		free(rows);	/* the strings now belong to w */
		w->pages++;
		if (n < PAGE)
			break;
		from = &w->rows[w->n - 1];
	}
}

static void
walk_free(struct walk *w)
{
	store_library_free(w->rows, w->n);
	memset(w, 0, sizeof(*w));
}

/*
 * The library's filter finds a set by its answers too: the Aanhangsel
 * number, the KOOP id, the ministers who signed and the ministry that
 * answered, as well as by subject, questioners and parties; and a
 * database of version 6 gets them when it is opened.
 */
static void
test_library_filter_terms(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct error err = { "" };
	struct document *doc;
	sqlite3 *db;

	import_made(f->st, "az.txt", doc_az());
	import_made(f->st, "bzk.pdf", fetched(doc_bzk(), "2024Z01294", "guid-bzk",
	    "ah-tk-20232024-1059"));
	doc = answer_doc("OCW", "2024-03-01", 1234, "iets anders");
	add_signatory(doc, "Dijkgraaf", "Minister", "OCW");
	add(doc, ROLE_ANTWOORD, 1, "Nee.");
	import_made(f->st, "ocw.txt", doc);

	assert_int_equal(count(f->st, "1059"), 1);
	assert_int_equal(count(f->st, "1234"), 1);
	assert_int_equal(count(f->st, "ah-tk-20232024"), 1);
	assert_int_equal(count(f->st, "huffelen"), 1);
	assert_int_equal(count(f->st, "Rutte"), 1);
	assert_int_equal(count(f->st, "dijkgraaf"), 1);
	assert_int_equal(count(f->st, "ocw"), 1);
	assert_int_equal(count(f->st, "ja21"), 2);
	assert_int_equal(count(f->st, "eerdmans huffelen 1059"), 1);
	assert_int_equal(count(f->st, "dijkgraaf 1059"), 0);
	/* made again on each import, not added up */
	assert_int_equal(query_int(f->path, "SELECT max(length(search) - "
	    "length(replace(search, char(31), ''))) FROM library"), 1);

	/* A database made before: the rows get the terms when it is opened. */
	store_close(f->st);
	f->st = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	    "UPDATE library SET search = substr(search, 1, instr(search, char(31)) - 1)"
	    " WHERE instr(search, char(31)) > 0; DROP INDEX document_fetched;"
	    " CREATE TRIGGER passage_words_delete AFTER DELETE ON passage BEGIN"
	    "  INSERT INTO passage_words (passage_words, rowid, text)"
	    "    VALUES ('delete', old.id, old.text);END;"
	    " CREATE TRIGGER passage_words_update AFTER UPDATE OF text ON passage BEGIN"
	    "  INSERT INTO passage_words (passage_words, rowid, text)"
	    "    VALUES ('delete', old.id, old.text);"
	    "  INSERT INTO passage_words (rowid, text) VALUES (new.id, new.text);END;"
	    " CREATE TABLE w AS SELECT document, ord, text FROM warning;"
	    " DROP TABLE warning;"
	    " CREATE TABLE warning ("
	    "  document INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
	    "  ord INTEGER NOT NULL,"
	    "  text TEXT NOT NULL,"
	    "  PRIMARY KEY (document, ord)"
	    " ) WITHOUT ROWID;"
	    " INSERT INTO warning SELECT * FROM w; DROP TABLE w;"
	    " PRAGMA user_version = 6;",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(query_int(f->path,
	    "SELECT count(*) FROM library WHERE search LIKE '%dijkgraaf%'"), 0);
	assert_int_equal(store_open(f->path, &st, &err), STATUS_OK);
	f->st = st;
	assert_int_equal(count(f->st, "dijkgraaf"), 1);
	assert_int_equal(count(f->st, "1059"), 1);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), 10);
}

static void
test_library_seeds(void **state)
{
	struct fixture *f = *state;
	struct import_result res[3];
	struct library_row *rows;
	size_t n;

	for (size_t i = 0; i < 3; i++) {
		const char *seed = i == 0 ? SEED_PDFTEXT : i == 1 ? SEED_MARKDOWN :
		    SEED_LETTER;
		struct document *doc = parse_seed(seed);

		import_ok(f->st, seed, doc, &res[i]);
		model_free(doc);
	}

	rows = page(f->st, NULL, LIBRARY_BY_SUBMITTED, NULL, false, 10, &n);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].kind, LIBRARY_SET);
	assert_int_equal(rows[0].id, res[0].set);
	assert_int_equal(rows[0].doc_kind, DOC_ANSWER);
	assert_true(strncmp(rows[0].title, "bijeenkomsten met ambtenaren naar "
	    "aanleiding van de verkiezingsuitslag", 70) == 0);
	assert_string_equal(rows[0].who, "Eerdmans (JA21)");
	assert_string_equal(rows[0].submitted, "2024-01-29");
	assert_string_equal(rows[0].received, "2024-02-16");
	assert_int_equal(rows[0].answered, 2);
	assert_int_equal(rows[0].addressed, 12);
	assert_int_equal(rows[0].n_questions, 9);
	assert_int_equal(rows[1].kind, LIBRARY_DOCUMENT);
	assert_int_equal(rows[1].id, res[2].doc);
	assert_int_equal(rows[1].doc_kind, DOC_LETTER);
	assert_string_equal(rows[1].title, "Bruins Slot, Rutte, Buitendijk, de Klerck");
	assert_string_equal(rows[1].who, "");
	assert_string_equal(rows[1].submitted, "");
	assert_string_equal(rows[1].received, "");
	assert_int_equal(rows[1].answered, 0);
	assert_int_equal(rows[1].addressed, 0);
	assert_true(rows[0].entry != rows[1].entry);
	store_library_free(rows, n);

	/* the letter has no date: last by received too; by subject "bi" < "br" */
	rows = page(f->st, "", LIBRARY_BY_RECEIVED, NULL, false, 10, &n);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].kind, LIBRARY_SET);
	store_library_free(rows, n);
	rows = page(f->st, NULL, LIBRARY_BY_SUBJECT, NULL, false, 10, &n);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].kind, LIBRARY_SET);
	assert_int_equal(rows[1].kind, LIBRARY_DOCUMENT);
	store_library_free(rows, n);

	/* filters */
	assert_int_equal(count(f->st, NULL), 2);
	assert_int_equal(count(f->st, ""), 2);
	assert_int_equal(count(f->st, "   "), 2);
	assert_int_equal(count(f->st, "eerdmans"), 1);
	assert_int_equal(count(f->st, "JA21"), 1);
	assert_int_equal(count(f->st, "ja21 2024"), 1);
	assert_int_equal(count(f->st, "  ja21   2024 "), 1);
	assert_int_equal(count(f->st, "ja21 2023"), 1);	/* in the subject */
	assert_int_equal(count(f->st, "ja21 2022"), 0);
	assert_int_equal(count(f->st, "BZK"), 1);
	assert_int_equal(count(f->st, "ienw"), 1);		/* addressed, not answering */
	assert_int_equal(count(f->st, "verkiezingsuitslag"), 1);
	assert_int_equal(count(f->st, "VERKIEZINGS"), 1);
	assert_int_equal(count(f->st, "Éérdmans"), 1);	/* diacritics aside */
	assert_int_equal(count(f->st, "Klerck"), 1);
	assert_int_equal(count(f->st, "geachte"), 1);	/* the salutation */
	assert_int_equal(count(f->st, "bijeenkomsten xyz"), 0);
	/* LIKE's own characters are only themselves */
	assert_int_equal(count(f->st, "%"), 0);
	assert_int_equal(count(f->st, "_"), 0);
	assert_int_equal(count(f->st, "eerd%ans"), 0);
	assert_int_equal(count(f->st, "eerdm_ns"), 0);
	assert_int_equal(count(f->st, "\\"), 0);

	rows = page(f->st, "klerck", LIBRARY_BY_SUBMITTED, NULL, false, 10, &n);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, res[2].doc);
	store_library_free(rows, n);
	rows = page(f->st, "eerdmans bzk", LIBRARY_BY_SUBJECT, NULL, true, 10, &n);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, res[0].set);
	store_library_free(rows, n);
	/* past the last row there is nothing */
	rows = page(f->st, NULL, LIBRARY_BY_SUBMITTED, NULL, false, 10, &n);
	{
		struct library_row *more;
		size_t m;

		more = page(f->st, NULL, LIBRARY_BY_SUBMITTED, &rows[1], false, 10,
		    &m);
		assert_int_equal(m, 0);
		store_library_free(more, m);
		more = page(f->st, NULL, LIBRARY_BY_SUBMITTED, &rows[0], true, 10,
		    &m);
		assert_int_equal(m, 0);
		store_library_free(more, m);
		/* a cursor without its key is found by its entry */
		{
			struct library_row bare = { .entry = rows[0].entry };

			more = page(f->st, NULL, LIBRARY_BY_SUBMITTED, &bare, false,
			    10, &m);
			assert_int_equal(m, 1);
			assert_int_equal(more[0].entry, rows[1].entry);
			store_library_free(more, m);
		}
	}
	store_library_free(rows, n);
}

/*
 * A set of its own addressed to the ministries in addressed (a list of
 * codes), for the tests of co-signed answers.
 */
static struct document *
cosigned_doc(const char *const *addressed, size_t n_addressed,
    const char *subject)
{
	struct document *doc = answer_doc("DEF", "2024-06-04", 0, subject);

	model_strv_free(doc->addressed, doc->n_addressed);
	doc->addressed = NULL;
	doc->n_addressed = 0;
	for (size_t i = 0; i < n_addressed; i++)
		model_strv_add(&doc->addressed, &doc->n_addressed,
		    xstrdup(addressed[i]));
	add(doc, ROLE_VRAAG, 1, "Wat is de stand van zaken?");
	add(doc, ROLE_ANTWOORD, 1, "Die is goed.");
	return doc;
}

/* The library row and the set of set, answered of addressed both ways. */
static void
assert_coverage(struct fixture *f, long long set, int answered, int addressed,
    size_t n_unanswered)
{
	struct library_row *rows;
	struct set_info info;
	struct error err = { "" };
	size_t n, found = 0;

	rows = page(f->st, NULL, LIBRARY_BY_RECEIVED, NULL, false, 10, &n);
	for (size_t i = 0; i < n; i++) {
		if (rows[i].id != set)
			continue;
		assert_int_equal(rows[i].answered, answered);
		assert_int_equal(rows[i].addressed, addressed);
		found++;
	}
	assert_int_equal(found, 1);
	store_library_free(rows, n);
	assert_int_equal(store_set_get(f->st, set, &info, &err), STATUS_OK);
	assert_int_equal(info.answered, answered);
	assert_int_equal(info.n_addressed, (size_t)addressed);
	assert_int_equal(info.n_coverage, (size_t)addressed);
	assert_int_equal(info.n_unanswered, n_unanswered);
	assert_true(info.answered <= (int)info.n_coverage);
	store_set_info_clear(&info);
}

/* Who answered addressed ministry i of set: "EZK<KGG" by succession, "AZ=AZ", "BZK-". */
static char *
coverage_of(struct fixture *f, long long set)
{
	struct set_info info;
	struct error err = { "" };
	struct xbuf b = { NULL, 0, 0 };

	assert_int_equal(store_set_get(f->st, set, &info, &err), STATUS_OK);
	for (size_t i = 0; i < info.n_coverage; i++) {
		const struct set_coverage *c = &info.coverage[i];

		xbuf_printf(&b, "%s%s", i ? " " : "", c->ministry);
		if (c->portfolio[0])
			xbuf_printf(&b, "(%s)", c->portfolio);
		xbuf_printf(&b, "%s%s", !c->answered_by[0] ? "-" :
		    c->succession ? "<" : "=", c->answered_by);
		assert_int_equal(c->succession, c->answered_by[0] &&
		    strcmp(c->answered_by, c->ministry) != 0);
	}
	store_set_info_clear(&info);
	return xbuf_finish(&b);
}

static void
expect_coverage_of(struct fixture *f, long long set, const char *want)
{
	char *got = coverage_of(f, set);

	assert_string_equal(got, want);
	free(got);
}

/*
 * An answer signed by two ministries is an answer of each: a co-signer of
 * another ministry counts like a "mede namens" one, a staatssecretaris of
 * the minister's own ministry adds nothing.
 */
static void
test_coverage_cosigned(void **state)
{
	struct fixture *f = *state;
	static const char *const two[] = { "DEF", "EZ" };
	static const char *const three[] = { "DEF", "EZ", "FIN" };
	static const char *const four[] = { "DEF", "EZ", "JenV", "EZK" };
	struct document *doc;
	struct signatory *s;
	long long set;

	/* two ministers of the two ministries addressed: 2/2 */
	doc = cosigned_doc(two, 2, "de stand van zaken bij twee ministeries");
	add_signatory(doc, "Claes", "Minister", "DEF");
	add_signatory(doc, "Aalders", "Minister", "EZ");
	set = import_made(f->st, "two.txt", doc).set;
	assert_coverage(f, set, 2, 2, 0);

	/* three signatories, one of them a staatssecretaris of DEF: 3/3 */
	doc = cosigned_doc(three, 3, "de stand van zaken bij drie ministeries");
	add_signatory(doc, "Claes", "Minister", "DEF");
	add_signatory(doc, "Evers", "Staatssecretaris", "DEF");
	add_signatory(doc, "Aalders", "Minister", "EZ");
	add_signatory(doc, "Dekker", "Staatssecretaris", "FIN");
	set = import_made(f->st, "three.txt", doc).set;
	assert_coverage(f, set, 3, 3, 0);

	/* a minister and a staatssecretaris of one ministry: 1/2 */
	doc = cosigned_doc(two, 2, "de stand van zaken bij defensie");
	add_signatory(doc, "Claes", "Minister", "DEF");
	add_signatory(doc, "Evers", "Staatssecretaris", "DEF");
	set = import_made(f->st, "def.txt", doc).set;
	assert_coverage(f, set, 1, 2, 1);

	/* a co-signer, who signs "mede namens" two more: 4/4 */
	doc = cosigned_doc(four, 4, "de stand van zaken bij vier ministeries");
	add_signatory(doc, "Claes", "Minister", "DEF");
	s = add_signatory(doc, "Aalders", "Minister", "EZ");
	model_strv_add(&s->on_behalf_of, &s->n_on_behalf_of, xstrdup("JenV"));
	model_strv_add(&s->on_behalf_of, &s->n_on_behalf_of, xstrdup("EZK"));
	set = import_made(f->st, "four.txt", doc).set;
	assert_coverage(f, set, 4, 4, 0);

	/* a mede-namens ministry that also signs counts once: 2/2 */
	doc = cosigned_doc(two, 2, "de stand van zaken, twee keer defensie");
	s = add_signatory(doc, "Aalders", "Minister", "EZ");
	model_strv_add(&s->on_behalf_of, &s->n_on_behalf_of, xstrdup("DEF"));
	add_signatory(doc, "Claes", "Minister", "DEF");
	set = import_made(f->st, "twice.txt", doc).set;
	assert_coverage(f, set, 2, 2, 0);
	expect_coverage_of(f, set, "DEF=DEF EZ=EZ");

	/* a ministry that was not asked answers too: 1/2, never 2/2 or 3/2 */
	doc = cosigned_doc(two, 2, "de stand van zaken, gevraagd en ongevraagd");
	add_signatory(doc, "Claes", "Minister", "DEF");
	add_signatory(doc, "Dekker", "Staatssecretaris", "FIN");
	s = add_signatory(doc, "Evers", "Minister", "OCW");
	model_strv_add(&s->on_behalf_of, &s->n_on_behalf_of, xstrdup("SZW"));
	set = import_made(f->st, "unasked.txt", doc).set;
	assert_coverage(f, set, 1, 2, 1);
	expect_coverage_of(f, set, "DEF=DEF EZ-");

	/* a ministry that was not asked answers mede namens one that was: 2/2 */
	doc = cosigned_doc(two, 2, "de stand van zaken, namens een ander");
	add_signatory(doc, "Claes", "Minister", "DEF");
	s = add_signatory(doc, "Dekker", "Minister", "FIN");
	model_strv_add(&s->on_behalf_of, &s->n_on_behalf_of, xstrdup("EZ"));
	set = import_made(f->st, "behalf.txt", doc).set;
	assert_coverage(f, set, 2, 2, 0);

	/* the same ministry twice, in two answers: once */
	doc = cosigned_doc(two, 2, "de stand van zaken, twee antwoorden");
	add_signatory(doc, "Claes", "Minister", "DEF");
	set = import_made(f->st, "first.txt", doc).set;
	doc = cosigned_doc(two, 2, "de stand van zaken, twee antwoorden");
	add(doc, ROLE_ANTWOORD, 1, "Nog steeds goed.");
	add_signatory(doc, "Evers", "Staatssecretaris", "DEF");
	assert_int_equal(import_made(f->st, "second.txt", doc).set, set);
	assert_coverage(f, set, 1, 2, 1);

	/* an answer whose ministry naast did not know counts for nobody */
	doc = cosigned_doc(two, 2, "de stand van zaken, onbekend");
	free(doc->ministry);
	doc->ministry = NULL;
	set = import_made(f->st, "unknown.txt", doc).set;
	assert_coverage(f, set, 0, 2, 2);
}

/*
 * A set of its own, sent on submitted to the ministries in addressed
 * (through the portfolios in portfolio, NULL where none), answered on
 * received by the signatories the caller adds; the document's ministry
 * is set from the first of them by answered_by().
 */
static struct document *
dated_doc(const char *subject, const char *submitted, const char *received,
    const char *const *addressed, const char *const *portfolio, size_t n)
{
	struct document *doc = cosigned_doc(addressed, n, subject);

	snprintf(doc->submitted, sizeof(doc->submitted), "%s", submitted);
	snprintf(doc->received, sizeof(doc->received), "%s", received);
	if (portfolio) {
		doc->addressed_portfolio = xcalloc(n, sizeof(char *));
		for (size_t i = 0; i < n; i++)
			doc->addressed_portfolio[i] = portfolio[i] ?
			    xstrdup(portfolio[i]) : NULL;
	}
	return doc;
}

static struct document *
answered_by(struct document *doc, const char *ministry)
{
	free(doc->ministry);
	doc->ministry = xstrdup(ministry);
	add_signatory(doc, "Hermans", "Minister", ministry);
	return doc;
}

/*
 * A set sent to a ministry before a cabinet change and answered by its
 * successor after it is answered, and says by whom; the portfolio it was
 * sent to is kept.
 */
static void
test_coverage_succession(void **state)
{
	struct fixture *f = *state;
	static const char *const ezk[] = { "EZK" }, *const kene[] = { "KenE" };
	static const char *const ezk_fin[] = { "EZK", "FIN" };
	static const char *const ezk_kgg[] = { "EZK", "KGG" };
	static const char *const vwi[] = { "VenW", "JUS" };
	long long set;

	/* June 2024 to the Minister voor Klimaat en Energie, August by KGG */
	set = import_made(f->st, "kgg.txt", answered_by(dated_doc("warmtenetten",
	    "2024-06-12", "2024-08-12", ezk, kene, 1), "KGG")).set;
	assert_coverage(f, set, 1, 1, 0);
	expect_coverage_of(f, set, "EZK(KenE)<KGG");

	/* by EZ, which came out of EZK too */
	set = import_made(f->st, "ez.txt", answered_by(dated_doc("bedrijven",
	    "2024-06-12", "2024-08-12", ezk, NULL, 1), "EZ")).set;
	expect_coverage_of(f, set, "EZK<EZ");

	/* sent on the day of the change, to the old name: still answered */
	set = import_made(f->st, "day.txt", answered_by(dated_doc("de dag zelf",
	    "2024-07-02", "2024-08-12", ezk, NULL, 1), "KGG")).set;
	assert_coverage(f, set, 1, 1, 0);

	/* an answer dated before the change is no successor's */
	set = import_made(f->st, "early.txt", answered_by(dated_doc("te vroeg",
	    "2024-06-12", "2024-07-01", ezk, NULL, 1), "KGG")).set;
	assert_coverage(f, set, 0, 1, 1);

	/* sent after the change to the old name: no successor for that */
	set = import_made(f->st, "late.txt", answered_by(dated_doc("te laat",
	    "2024-07-03", "2024-08-12", ezk, NULL, 1), "KGG")).set;
	assert_coverage(f, set, 0, 1, 1);

	/* the successor answers, another addressed ministry does not: 1/2 */
	set = import_made(f->st, "half.txt", answered_by(dated_doc("half",
	    "2024-06-12", "2024-08-12", ezk_fin, NULL, 2), "KGG")).set;
	assert_coverage(f, set, 1, 2, 1);
	expect_coverage_of(f, set, "EZK<KGG FIN-");

	/* sent to both old and new; the new one answers for both: 2/2 */
	set = import_made(f->st, "both.txt", answered_by(dated_doc("beide",
	    "2024-07-02", "2024-08-12", ezk_kgg, NULL, 2), "KGG")).set;
	assert_coverage(f, set, 2, 2, 0);
	expect_coverage_of(f, set, "EZK<KGG KGG=KGG");

	/* the old one answers itself and its successor too: counted once each */
	{
		struct document *doc = answered_by(dated_doc("zelf",
		    "2024-06-12", "2024-08-12", ezk, NULL, 1), "EZK");

		add_signatory(doc, "Jetten", "Minister", "KGG");
		set = import_made(f->st, "self.txt", doc).set;
		assert_coverage(f, set, 1, 1, 0);
		expect_coverage_of(f, set, "EZK=EZK");
	}

	/* a chain of changes: VenW to IenM to IenW; Justitie to VenJ to JenV */
	{
		struct document *doc = answered_by(dated_doc("de dijken",
		    "2010-09-01", "2018-02-01", vwi, NULL, 2), "IenW");

		add_signatory(doc, "Grapperhaus", "Minister", "JenV");
		set = import_made(f->st, "chain.txt", doc).set;
		assert_coverage(f, set, 2, 2, 0);
		expect_coverage_of(f, set, "VenW<IenW JUS<JenV");
	}

	/* mede namens a successor */
	{
		struct document *doc = answered_by(dated_doc("namens",
		    "2024-06-12", "2024-08-12", ezk_fin, NULL, 2), "FIN");
		struct signatory *s = &doc->signatories[0];

		model_strv_add(&s->on_behalf_of, &s->n_on_behalf_of, xstrdup("KGG"));
		set = import_made(f->st, "namens.txt", doc).set;
		assert_coverage(f, set, 2, 2, 0);
		expect_coverage_of(f, set, "EZK<KGG FIN=FIN");
	}
}

/*
 * A database of version 2 counted every ministry that answered, asked
 * or not, and could show more answered than addressed; opened by this
 * version, its counts are made again.
 */
static void
test_coverage_migrated(void **state)
{
	struct fixture *f = *state;
	struct error err = { "" };
	sqlite3 *db;

	store_close(f->st);
	f->st = NULL;
	load_v2(f->path);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE library SET answered = 13"
	    " WHERE set_id IS NOT NULL;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	if (store_open(f->path, &f->st, &err) != STATUS_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), 10);
	/* the seeds' set: AZ and BZK of twelve; Van Nispen's: both */
	assert_int_equal(query_int(f->path, "SELECT answered * 100 + addressed"
	    " FROM library WHERE set_id = 1"), 212);
	assert_int_equal(query_int(f->path, "SELECT answered * 100 + addressed"
	    " FROM library WHERE set_id = 2"), 202);
	assert_coverage(f, 2, 2, 2, 0);
}

static struct document *letter_with(const char *first,
    const char *const *bodies, size_t n);



/* The passage of doc with role and vraag that begins with start; 0 if none. */
static long long
passage_starting(struct fixture *f, long long doc, const char *role, int vraag,
    const char *start)
{
	char q[512];

	snprintf(q, sizeof(q), "SELECT coalesce(min(id), 0) FROM passage"
	    " WHERE document = %lld AND role = '%s' AND vraag = %d"
	    " AND text LIKE '%s%%'", doc, role, vraag, start);
	return query_int(f->path, q);
}

/*
 * A document parsed again: its rows replaced in place of the old ones,
 * its basket items with their notes and order on the new passages of the
 * same text, or the most alike of the same vraag; an item whose text is
 * gone is lost and counted.
 */
static void
test_replace_keeps_basket(void **state)
{
	struct fixture *f = *state;
	struct import_result az = import_made(f->st, "az.txt", doc_az());
	struct replace_result res;
	struct selected *sel;
	struct error err = { "" };
	struct document *doc;
	long long p1, p3, p2;
	size_t n;
	bool added;

	p3 = passage_starting(f, az.doc, "antwoord", 3, "Een sociaal veilige");
	p1 = passage_starting(f, az.doc, "antwoord", 1, "Nee.");
	p2 = passage_starting(f, az.doc, "antwoord", 2, "Zie het antwoord");
	assert_true(p1 && p2 && p3);
	assert_int_equal(store_select_add(f->st, p3, &added, &err), STATUS_OK);
	assert_int_equal(store_select_add(f->st, p1, &added, &err), STATUS_OK);
	assert_int_equal(store_select_add(f->st, p2, &added, &err), STATUS_OK);
	assert_int_equal(store_select_note(f->st, p1, "nee dus", &err), STATUS_OK);

	/* read again: antwoord 1 rewrapped into other words, antwoord 2 gone */
	doc = answer_doc("AZ", "2024-02-15", 0, SUBJECT);
	add_signatory(doc, "Rutte", "Minister-President", "AZ");
	add(doc, ROLE_VRAAG, 1, "Zijn er op uw ministerie bijeenkomsten "
	    "georganiseerd?");
	add(doc, ROLE_ANTWOORD, 1, "Nee. Wel is in reguliere overleggen over "
	    "de verkiezingsuitslag van vorige week gesproken.");
	add(doc, ROLE_VRAAG, 3, VRAAG3_AZ);
	add(doc, ROLE_ANTWOORD, 3, "Een sociaal veilige werkomgeving is hiervoor "
	    "randvoorwaardelijk, ook voor de ministeriële verantwoordelijkheid. "
	    "Zie ook de antwoorden op de vragen 1 en 2, en dit antwoord op "
	    "vraag 3.");
	assert_int_equal(store_replace(f->st, az.doc, doc, &res, &err), STATUS_OK);
	model_free(doc);
	assert_true(res.changed);
	assert_int_equal(res.basket_kept, 2);
	assert_int_equal(res.basket_lost, 1);
	assert_int_equal(res.import.set, az.set);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"), 1);

	assert_int_equal(store_selection(f->st, &sel, &n, &err), STATUS_OK);
	assert_int_equal(n, 2);
	assert_int_equal(sel[0].passage, passage_starting(f, res.import.doc,
	    "antwoord", 3, "Een sociaal veilige"));
	assert_null(sel[0].note);
	assert_int_equal(sel[1].passage, passage_starting(f, res.import.doc,
	    "antwoord", 1, "Nee."));
	assert_string_equal(sel[1].note, "nee dus");
	store_selection_free(sel, n);
	/* the new passages are searchable, the old ones are not */
	assert_int_equal(store_int(f->st, "SELECT count(*) FROM passage_words"
	    " WHERE passage_words MATCH 'vorige'"), 1);
	assert_int_equal(store_int(f->st, "SELECT count(*) FROM passage_words"
	    " WHERE passage_words MATCH 'reguliere'"), 1);
}

/* Runs sql on a second connection to the database at path, as another program. */
static void
exec_on_file(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* store_doc_source of doc gives exactly text[0, len), NUL-terminated. */
static void
assert_source(struct store *st, long long doc, const char *text, size_t len)
{
	struct doc_source src;
	struct error err = { "" };

	if (store_doc_source(st, doc, &src, &err) != STATUS_OK)
		fail_msg("document %lld: %s", doc, err.msg);
	assert_int_equal(src.raw_len, len);
	assert_memory_equal(src.raw, text, len);
	assert_int_equal(src.raw[len], '\0');
	store_doc_source_clear(&src);
}

/*
 * The original of a document is stored packed (original.h): a blob, a
 * long one a fraction of its text, and read back byte for byte, by
 * store_doc_source and by parsing again, which packs the new row too.
 */
static void
test_originals_packed(void **state)
{
	struct fixture *f = *state;
	struct document *doc = answer_doc("BZK", "2024-02-20", 0, SUBJECT);
	struct reparse_totals t;
	long long id;
	struct error err = { "" };
	char q[160], *text, *seed;
	size_t len, seed_len;

	/* Parsed again from it: the same bytes, packed again. */
	seed = test_read_file(SEED_MARKDOWN, &seed_len);
	import_made(f->st, SEED_MARKDOWN, parse_seed(SEED_MARKDOWN));
	assert_int_equal(import_reparse(f->st, true, NULL, &t, &err), STATUS_OK);
	assert_int_equal(t.documents, 1);
	assert_int_equal(t.failed, 0);
	snprintf(q, sizeof(q), "SELECT id FROM document WHERE origin = '%s'",
	    SEED_MARKDOWN);
	id = query_int(f->path, q);
	assert_true(id > 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"
	    " WHERE typeof(raw) <> 'blob'"), 0);
	assert_source(f->st, id, seed, seed_len);
	free(seed);

	/* A long answer: a fraction of its text. */
	add_signatory(doc, "De Jonge", "Minister", "BZK");
	for (int i = 1; i <= 150; i++) {
		char v[200], a[300];

		snprintf(v, sizeof(v), "Hoeveel bijeenkomsten met ambtenaren "
		    "waren er in week %d, en wie heeft ze georganiseerd?", i);
		snprintf(a, sizeof(a), "In week %d waren er %d bijeenkomsten; "
		    "de geïnformeerde ambtenaren (€ %d) hebben ze zelf "
		    "georganiseerd, zoals in het antwoord op vraag %d.",
		    i, i * 7 % 13, i * 311 % 1000, i > 1 ? i - 1 : 1);
		add(doc, ROLE_VRAAG, i, v);
		add(doc, ROLE_ANTWOORD, i, a);
	}
	len = doc->raw_len;
	text = xmalloc(len);
	memcpy(text, doc->raw, len);
	assert_true(len > 30000);
	id = import_made(f->st, "lang.md", doc).doc;
	snprintf(q, sizeof(q), "SELECT typeof(raw) = 'blob' AND length(raw) < %zu"
	    " FROM document WHERE id = %lld", len / 4, id);
	assert_int_equal(query_int(f->path, q), 1);
	assert_source(f->st, id, text, len);
	free(text);
}

/*
 * A database from before originals were packed holds them as text: read
 * as they are, beside packed ones, and packed in parts by
 * SQL_PACK_ORIGINALS, which leaves a packed one as it is.  A damaged
 * original is refused in one line.
 */
static void
test_originals_unpacked_rows(void **state)
{
	static const char old[] = "Geachte heer,\n\nDe Financiën: € 5, “zo”.\n";
	struct fixture *f = *state;
	struct doc_source src;
	struct error err = { "" };
	sqlite3_stmt *s;
	long long a, b, c;
	char q[200];

	a = import_made(f->st, "a.md", doc_az()).doc;
	b = import_made(f->st, "b.md", doc_bzk()).doc;
	c = import_made(f->st, "c.md", doc_fin()).doc;
	/* as an older naast stored them: text */
	snprintf(q, sizeof(q), "UPDATE document SET raw = '%s' WHERE id IN (%lld, %lld)",
	    old, a, c);
	exec_on_file(f->path, q);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"
	    " WHERE typeof(raw) = 'text'"), 2);
	assert_source(f->st, a, old, strlen(old));
	assert_source(f->st, c, old, strlen(old));

	/* packed in parts: the first two ids, then the rest */
	s = sql(f->st, SQL_PACK_ORIGINALS, &err);
	assert_non_null(s);
	sqlite3_bind_int64(s, 1, 0);
	sqlite3_bind_int64(s, 2, b);
	assert_int_equal(run(f->st, s, "packing", &err), STATUS_OK);
	assert_int_equal(query_int(f->path, "SELECT group_concat(typeof(raw), ' ')"
	    " = 'blob blob text' FROM (SELECT raw FROM document ORDER BY id)"), 1);
	assert_source(f->st, a, old, strlen(old));
	assert_source(f->st, c, old, strlen(old));
	sqlite3_bind_int64(s, 1, b);
	sqlite3_bind_int64(s, 2, c);
	assert_int_equal(run(f->st, s, "packing", &err), STATUS_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"
	    " WHERE typeof(raw) <> 'blob'"), 0);
	assert_source(f->st, a, old, strlen(old));
	assert_source(f->st, c, old, strlen(old));
	/* again over all: nothing changes */
	exec_on_file(f->path, "CREATE TABLE earlier AS SELECT id, raw FROM document");
	sqlite3_bind_int64(s, 1, 0);
	sqlite3_bind_int64(s, 2, c);
	assert_int_equal(run(f->st, s, "packing", &err), STATUS_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM document d"
	    " JOIN earlier e ON e.id = d.id AND e.raw = d.raw"), 3);

	/* damaged: a zstd frame's first bytes, and no more */
	snprintf(q, sizeof(q), "UPDATE document SET raw = x'28b52ffd00' WHERE id = %lld", b);
	exec_on_file(f->path, q);
	assert_int_equal(store_doc_source(f->st, b, &src, &err), STATUS_DB);
	assert_non_null(strstr(err.msg, "the stored original of a document is damaged"));
	assert_null(src.raw);
	assert_null(src.origin);
	assert_source(f->st, a, old, strlen(old));
}

/* naast_pack() in SQL packs as the import does: original_unpack reads it. */
static void
test_naast_pack(void **state)
{
	static const char text[] = "Ja, zeker.\0 Geïnformeerd \xe2\x80\xae\n";
	struct fixture *f = *state;
	struct error err = { "" };
	sqlite3_stmt *s;
	char *back;
	size_t len;

	assert_int_equal(sqlite3_prepare_v2(f->st->db, "SELECT naast_pack(?1),"
	    " typeof(naast_pack(?1)), naast_pack(NULL) IS NULL,"
	    " naast_pack(x'00ff') = x'00ff'", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, text, sizeof(text) - 1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 1), "blob");
	assert_int_equal(sqlite3_column_int(s, 2), 1);
	assert_int_equal(sqlite3_column_int(s, 3), 1);
	assert_int_equal(original_unpack(sqlite3_column_blob(s, 0),
	    (size_t)sqlite3_column_bytes(s, 0), &back, &len, &err), STATUS_OK);
	assert_int_equal(len, sizeof(text) - 1);
	assert_memory_equal(back, text, len);
	free(back);
	sqlite3_finalize(s);
}

/*
 * What a parser could not read is kept with its document and told where
 * the user looks: the set's answers, the document, the library row.
 */
static void
test_warnings_kept(void **state)
{
	static const char *const bodies[] = { "Eerste alinea." };
	struct fixture *f = *state;
	struct document *doc = cosigned_doc((const char *const[]){ "DEF" }, 1,
	    "een antwoord dat naast niet helemaal las");
	struct library_row *rows;
	struct set_info set;
	struct doc_view view;
	struct error err = { "" };
	struct import_result res, letter;
	size_t n, marked = 0;

	add_signatory(doc, "Claes", "Minister", "DEF");
	model_warn(doc, "answer header: unknown ministry '%s'", "Zeezaken");
	model_warn(doc, "text after the last antwoord: kept as a passage");
	res = import_made(f->st, "half.txt", doc);
	doc = letter_with("Geachte Z,", bodies, 1);
	model_warn(doc, "a letter without a closing");
	letter = import_made(f->st, "z.txt", doc);
	import_made(f->st, "az.txt", doc_az());

	assert_int_equal(store_set_get(f->st, res.set, &set, &err), STATUS_OK);
	assert_int_equal(set.n_answers, 1);
	assert_int_equal(set.answers[0].n_warnings, 2);
	assert_string_equal(set.answers[0].warnings[0].text,
	    "answer header: unknown ministry 'Zeezaken'");
	assert_string_equal(set.answers[0].warnings[1].text,
	    "text after the last antwoord: kept as a passage");
	/* and what says it in the user's language */
	assert_string_equal(set.answers[0].warnings[0].format,
	    "answer header: unknown ministry '%s'");
	assert_string_equal(set.answers[0].warnings[0].args, "Zeezaken\x1f");
	assert_string_equal(set.answers[0].warnings[1].args, "");
	store_set_info_clear(&set);

	/* a warning stored before schema 10 is its English text */
	{
		sqlite3 *db;

		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "UPDATE warning"
		    " SET format = NULL, args = NULL WHERE ord = 0;",
		    NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
	}
	assert_int_equal(store_set_get(f->st, res.set, &set, &err), STATUS_OK);
	assert_null(set.answers[0].warnings[0].format);
	assert_null(set.answers[0].warnings[0].args);
	{
		char *say = model_warning_say(&set.answers[0].warnings[0]);

		assert_string_equal(say, "answer header: unknown ministry 'Zeezaken'");
		free(say);
	}
	store_set_info_clear(&set);

	assert_int_equal(store_document(f->st, letter.doc, &view, &err), STATUS_OK);
	assert_int_equal(view.n_warnings, 1);
	assert_string_equal(view.warnings[0].text, "a letter without a closing");
	store_document_clear(&view);

	rows = page(f->st, NULL, LIBRARY_BY_RECEIVED, NULL, false, 10, &n);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++) {
		if (rows[i].kind == LIBRARY_SET && rows[i].id == res.set)
			assert_int_equal(rows[i].warnings, 2), marked++;
		else if (rows[i].kind == LIBRARY_DOCUMENT)
			assert_int_equal(rows[i].warnings, 1), marked++;
		else
			assert_int_equal(rows[i].warnings, 0);
	}
	assert_int_equal(marked, 2);
	store_library_free(rows, n);
}

/* A second answer updates its set's row; no second row. */
static void
test_library_set_updated(void **state)
{
	struct fixture *f = *state;
	struct library_row *rows;
	struct import_result az, bzk;
	long long entry;
	size_t n;

	az = import_made(f->st, "az.txt", doc_az());
	rows = page(f->st, NULL, LIBRARY_BY_RECEIVED, NULL, false, 10, &n);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, az.set);
	assert_int_equal(rows[0].answered, 1);
	assert_int_equal(rows[0].addressed, 3);
	assert_int_equal(rows[0].n_questions, 3);
	assert_string_equal(rows[0].received, "2024-02-15");
	entry = rows[0].entry;
	store_library_free(rows, n);

	bzk = import_made(f->st, "bzk.md", doc_bzk());
	assert_int_equal(bzk.set, az.set);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM library"), 1);
	rows = page(f->st, NULL, LIBRARY_BY_RECEIVED, NULL, false, 10, &n);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].entry, entry);
	/* BZK; DEF, on whose behalf BZK answered, was not addressed */
	assert_int_equal(rows[0].answered, 2);
	assert_string_equal(rows[0].received, "2024-02-16");
	store_library_free(rows, n);

	/* an answer from a ministry the set was not sent to: found by it now */
	assert_int_equal(count(f->st, "ocw"), 0);
	{
		struct document *doc = answer_doc("OCW", "2024-03-01", 0, SUBJECT);

		add(doc, ROLE_VRAAG, 4, "Kunt u dit toelichten?");
		add(doc, ROLE_ANTWOORD, 4, "Zie het antwoord op vraag 1.");
		assert_int_equal(import_made(f->st, "ocw.txt", doc).set, az.set);
	}
	assert_int_equal(count(f->st, "ocw"), 1);
	assert_int_equal(count(f->st, "eerdmans ocw az"), 1);
	/* an older answer leaves the latest date alone; the same bytes change nothing */
	{
		struct document *doc = answer_doc("FIN", "2024-02-01", 0, SUBJECT);

		add(doc, ROLE_ANTWOORD, 1, "Nee.");
		import_ok(f->st, "fin.txt", doc, &bzk);
		import_ok(f->st, "fin-again.txt", doc, &bzk);
		assert_true(bzk.unchanged);
		model_free(doc);
	}
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM library"), 1);
	rows = page(f->st, NULL, LIBRARY_BY_SUBMITTED, NULL, false, 10, &n);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].entry, entry);
	/*
	 * AZ, BZK and FIN of the three it was sent to; DEF (through BZK) and
	 * OCW answered too, but were not asked: 3/3, never 5/3.
	 */
	assert_int_equal(rows[0].answered, 3);
	assert_int_equal(rows[0].addressed, 3);
	assert_int_equal(rows[0].n_questions, 4);
	assert_string_equal(rows[0].received, "2024-03-01");
	assert_string_equal(rows[0].who, "Eerdmans (JA21)");
	store_library_free(rows, n);
}

/* What the generated library should show for set i. */
struct expect {
	long long set;
	char submitted[DATE_ISO_SIZE];
	char received[DATE_ISO_SIZE];
	int answered;
	char who[64];
};

#define N_GENERATED 300
#define N_LETTERS 20

static const char *const stems[] = {
	"Één loket voor ondernemers", "een hoge ambtenaar", "Eerste Kamer",
	"Ärztekammer in Duitsland", "aardgas in Groningen", "Zeeuwse dijken",
	"zuivelprijzen", "Ólafur en de visserij", "’t Hooft-arrest",
	"IJzeren Rijn", "île de France", "Overheid", "overheid",
};
#define N_STEMS (sizeof(stems) / sizeof(stems[0]))

/* One answer (or, with ministry NULL, the questions) of generated set i. */
static struct document *
generated_doc(int i, const char *ministry, const char *received)
{
	static const char *const parties[] = { "VVD", "D66", "CDA", "SP", "JA21" };
	struct document *doc = model_new("", 0);
	char *text;

	doc->kind = ministry ? DOC_ANSWER : DOC_QUESTIONS;
	doc->format = "test";
	doc->n_questioners = i % 17 == 0 ? 2 : 1;
	doc->questioners = xcalloc(2, sizeof(*doc->questioners));
	doc->questioners[0].name = xasprintf("Lid%03d", i);
	doc->questioners[0].party = i % 7 == 0 ? NULL :
	    xstrdup(parties[i % 5]);
	if (doc->n_questioners == 2) {
		doc->questioners[1].name = xstrdup("Van Dijk");
		doc->questioners[1].party = xstrdup("CDA");
	}
	doc->subject = i % 3 == 0 ? xstrdup(stems[i % N_STEMS]) :
	    xasprintf("%s %03d", stems[i % N_STEMS], i);
	model_strv_add(&doc->addressed, &doc->n_addressed, xstrdup("AZ"));
	model_strv_add(&doc->addressed, &doc->n_addressed, xstrdup("BZK"));
	if (i % 10 != 3)
		snprintf(doc->submitted, sizeof(doc->submitted), "2023-%02u-%02u",
		    1 + (unsigned)i % 12, 1 + (unsigned)i / 12 % 3);
	if (ministry) {
		doc->ministry = xstrdup(ministry);
		snprintf(doc->received, sizeof(doc->received), "%s", received);
	}
	text = xasprintf("Vragen %d, antwoord van %s.", i, ministry ? ministry : "-");
	add(doc, ROLE_HEADER, 0, text);
	free(text);
	add(doc, ROLE_VRAAG, 1, "Klopt dit?");
	if (ministry)
		add(doc, ROLE_ANTWOORD, 1, "Ja.");
	return doc;
}

/*
 * Builds N_GENERATED sets (equal and missing submitted and received
 * dates, equal subjects, diacritics), N_LETTERS letters and one text of
 * unknown kind; fills expect for the sets.
 */
static void
generate_library(struct store *st, struct expect *expect)
{
	static const char *const ministries[] = { "AZ", "BZK", "FIN", "EZK",
		"VWS", "IenW" };

	for (int i = 0; i < N_GENERATED; i++) {
		struct expect *e = &expect[i];
		struct document *doc;
		char received[DATE_ISO_SIZE] = "";

		memset(e, 0, sizeof(*e));
		if (i % 4 == 0) {
			doc = generated_doc(i, NULL, "");
		} else {
			if (i % 9 != 5)
				snprintf(received, sizeof(received), "2024-%02d-%02d",
				    1 + i % 6, 10 + i % 2);
			doc = generated_doc(i, ministries[i % 6], received);
			/* only the ministries it was sent to count */
			e->answered = i % 6 < 2;
		}
		snprintf(e->submitted, sizeof(e->submitted), "%s", doc->submitted);
		snprintf(e->received, sizeof(e->received), "%s", received);
		snprintf(e->who, sizeof(e->who), "Lid%03d%s%s%s%s", i,
		    doc->questioners[0].party ? " (" : "",
		    doc->questioners[0].party ? doc->questioners[0].party : "",
		    doc->questioners[0].party ? ")" : "",
		    doc->n_questioners == 2 ? ", Van Dijk (CDA)" : "");
		e->set = import_made(st, "gen.txt", doc).set;
		if (i % 4 != 0 && i % 5 == 1) {
			snprintf(received, sizeof(received), "2024-07-%02d", 1 + i % 3);
			/* SZW was not asked: its answer does not count */
			doc = generated_doc(i, "SZW", received);
			assert_int_equal(import_made(st, "gen2.txt", doc).set, e->set);
			snprintf(e->received, sizeof(e->received), "%s", received);
		}
	}
	for (int i = 0; i < N_LETTERS; i++) {
		struct document *doc = doc_letter(stems[i % N_STEMS]);

		add(doc, ROLE_BODY, 0, "Met vriendelijke groet.");
		doc->raw[0] = (char)('a' + i);	/* other bytes, another letter */
		import_made(st, "brief.txt", doc);
	}
	{
		struct document *doc = model_new("", 0);

		doc->kind = DOC_UNKNOWN;
		doc->format = "test";
		add(doc, ROLE_OTHER, 0, "Zomaar een tekst.");
		import_made(st, "zomaar.txt", doc);
	}
}

static void
test_library_orders(void **state)
{
	static const enum library_sort sorts[] = {
		LIBRARY_BY_SUBMITTED, LIBRARY_BY_RECEIVED, LIBRARY_BY_SUBJECT,
	};
	struct fixture *f = *state;
	struct expect *expect = calloc(N_GENERATED, sizeof(*expect));
	const size_t total = N_GENERATED + N_LETTERS + 1;

	generate_library(f->st, expect);
	assert_int_equal(count(f->st, NULL), total);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM library"), total);

	for (size_t o = 0; o < 3; o++) {
		enum library_sort sort = sorts[o];
		struct walk fw, bw, mid;
		size_t sets = 0, letters = 0;

		/* forward: every row once, in order (walk checks each page) */
		walk(f->st, NULL, sort, false, NULL, &fw);
		assert_int_equal(fw.n, total);
		assert_int_equal(fw.pages, total / PAGE + 1);
		for (size_t i = 0; i + 1 < fw.n; i++)
			assert_true(library_cmp(sort, &fw.rows[i], &fw.rows[i + 1]) < 0);
		for (size_t i = 0; i < fw.n; i++) {
			const struct library_row *r = &fw.rows[i];

			if (r->kind == LIBRARY_DOCUMENT) {
				letters++;
				assert_string_equal(r->submitted, "");
				assert_string_equal(r->who, "");
				continue;
			}
			for (size_t k = 0; k < N_GENERATED; k++) {
				if (expect[k].set != r->id)
					continue;
				sets++;
				assert_string_equal(r->submitted, expect[k].submitted);
				assert_string_equal(r->received, expect[k].received);
				assert_string_equal(r->who, expect[k].who);
				assert_int_equal(r->answered, expect[k].answered);
				assert_int_equal(r->addressed, 2);
				assert_int_equal(r->n_questions, 1);
				assert_int_equal(r->doc_kind,
				    expect[k].answered ? DOC_ANSWER : DOC_QUESTIONS);
			}
		}
		assert_int_equal(sets, N_GENERATED);
		assert_int_equal(letters, N_LETTERS + 1);

		/* backward from the end: the same rows, met in reverse */
		walk(f->st, NULL, sort, true, &fw.rows[fw.n - 1], &bw);
		assert_int_equal(bw.n, total - 1);
		for (size_t i = 0; i < bw.n; i++)
			assert_int_equal(bw.rows[i].entry, fw.rows[total - 2 - i].entry);
		walk_free(&bw);
		/* backward from no row starts at the bottom */
		walk(f->st, NULL, sort, true, NULL, &bw);
		assert_int_equal(bw.n, total);
		for (size_t i = 0; i < bw.n; i++)
			assert_int_equal(bw.rows[i].entry, fw.rows[total - 1 - i].entry);
		walk_free(&bw);
		/* from the middle, both ways */
		walk(f->st, NULL, sort, false, &fw.rows[100], &mid);
		assert_int_equal(mid.n, total - 101);
		assert_int_equal(mid.rows[0].entry, fw.rows[101].entry);
		walk_free(&mid);
		walk(f->st, NULL, sort, true, &fw.rows[100], &mid);
		assert_int_equal(mid.n, 100);
		assert_int_equal(mid.rows[0].entry, fw.rows[99].entry);
		walk_free(&mid);

		/* filtered: the rows of the full order that match, both ways */
		{
			struct walk fl, bl;
			size_t k = 0;

			walk(f->st, "vvd", sort, false, NULL, &fl);
			for (size_t i = 0; i < fw.n; i++)
				if (strstr(fw.rows[i].who, "(VVD)")) {
					assert_true(k < fl.n);
					assert_int_equal(fl.rows[k++].entry, fw.rows[i].entry);
				}
			assert_int_equal(k, fl.n);
			assert_int_equal(count(f->st, "vvd"), fl.n);
			assert_true(fl.n > 2 * PAGE);
			walk(f->st, "vvd", sort, true, NULL, &bl);
			assert_int_equal(bl.n, fl.n);
			for (size_t i = 0; i < bl.n; i++)
				assert_int_equal(bl.rows[i].entry, fl.rows[fl.n - 1 - i].entry);
			walk_free(&bl);
			walk_free(&fl);
		}

		if (sort == LIBRARY_BY_SUBJECT) {
			/* diacritics and case aside, A to Z */
			size_t last_aardgas = 0, first_arzte = total, last_arzte = 0,
			    first_een = total, last_een = 0, first_eerste = total,
			    first_ijzer = total, last_ijzer = 0, first_zee = total;

			for (size_t i = 0; i < fw.n; i++) {
				const char *t = fw.rows[i].title;

				if (strncmp(t, "aardgas", 7) == 0)
					last_aardgas = i;
				if (strncmp(t, "Ärzte", 6) == 0) {
					first_arzte = i < first_arzte ? i : first_arzte;
					last_arzte = i;
				}
				if (strncmp(t, "Één", 6) == 0) {
					first_een = i < first_een ? i : first_een;
					last_een = i;
				}
				if (strncmp(t, "Eerste", 6) == 0 && i < first_eerste)
					first_eerste = i;
				if (strncmp(t, "IJzeren", 7) == 0) {
					first_ijzer = i < first_ijzer ? i : first_ijzer;
					last_ijzer = i;
				}
				if (strncmp(t, "Zeeuwse", 7) == 0 && i < first_zee)
					first_zee = i;
			}
			assert_true(last_aardgas < first_arzte);
			assert_true(last_arzte < first_een);
			assert_true(last_een < first_eerste);
			assert_true(first_eerste < first_ijzer);
			assert_true(last_ijzer < first_zee);
			/* "Overheid" and "overheid" are one title: by entry */
			{
				size_t first = total, n_same = 0, upper = 0;

				for (size_t i = 0; i < fw.n; i++) {
					const char *t = fw.rows[i].title;

					if (strcmp(t, "Overheid") && strcmp(t, "overheid"))
						continue;
					if (first == total)
						first = i;
					assert_int_equal(i, first + n_same);
					assert_true(n_same == 0 ||
					    fw.rows[i].entry > fw.rows[i - 1].entry);
					upper += t[0] == 'O';
					n_same++;
				}
				assert_true(upper > 0 && upper < n_same);
			}
		}
		walk_free(&fw);
	}

	/* the filter folds as the titles are folded */
	assert_int_equal(count(f->st, "arztekammer"), count(f->st, "ÄRZTEKAMMER"));
	assert_true(count(f->st, "arztekammer") > 0);
	assert_int_equal(count(f->st, "een loket"), count(f->st, "één LOKET"));
	assert_int_equal(count(f->st, "lid017 van dijk"), 1);
	assert_int_equal(count(f->st, "lid017 cda"), 1);
	assert_int_equal(count(f->st, "szw"), N_GENERATED / 20 * 3);
	/* words past the eighth are ignored */
	assert_int_equal(count(f->st, "lid017 lid017 lid017 lid017 lid017 lid017"
	    " lid017 lid017 nergens"), 1);
	assert_int_equal(count(f->st, "lid017 lid017 lid017 lid017 lid017 lid017"
	    " lid017 nergens"), 0);
	free(expect);
}

/*
 * Every statement of the table prepares on a database that store_open
 * made, with naast's functions and tokenizer: a typo in a statement that
 * only a rare path prepares (a failed import's rollback, the last page of
 * the library in some order) shows here, not in the user's hands.  Each
 * one is a single statement, with nothing after it that SQLite would
 * leave unread.  A failure names each statement by its index in enum
 * sql_id (store_db.h) and its text.
 */
static void
test_every_statement_prepares(void **state)
{
	struct fixture *f = *state;
	sqlite3 *db = f->st->db;
	char *failures = xstrdup("");
	size_t failed = 0;

	for (size_t i = 0; i < N_SQL; i++) {
		const char *text = store_sql_text[i], *tail = NULL, *why = NULL;
		sqlite3_stmt *s = NULL;
		char *tmp;

		if (!text)
			why = "it has no text in store_sql_text";
		else if (sqlite3_prepare_v2(db, text, -1, &s, &tail) != SQLITE_OK)
			why = sqlite3_errmsg(db);
		else if (!s)
			why = "it is empty";
		else if (tail && tail[strspn(tail, " \t\n;")])
			why = "text follows the statement";
		if (why) {
			tmp = xasprintf("%sstatement %zu of enum sql_id: %s\n  %s\n",
			    failures, i, why, text ? text : "(null)");
			free(failures);
			failures = tmp;
			failed++;
		}
		sqlite3_finalize(s);
	}
	if (failed)
		print_error("%s", failures);
	free(failures);
	if (failed)
		fail_msg("%zu of %d statements do not prepare (above)", failed,
		    (int)N_SQL);
}

/*
 * The detail column of EXPLAIN QUERY PLAN for statement id, joined, on
 * the store's own connection (with naast's functions and tokenizer).
 */
static char *
query_plan(struct store *st, enum sql_id id)
{
	sqlite3_stmt *s;
	char *plan = xstrdup(""), *tmp, *q;

	q = xasprintf("EXPLAIN QUERY PLAN %s", store_sql_text[id]);
	if (sqlite3_prepare_v2(st->db, q, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", q, sqlite3_errmsg(st->db));
	while (sqlite3_step(s) == SQLITE_ROW) {
		tmp = xasprintf("%s%s\n", plan, sqlite3_column_text(s, 3));
		free(plan);
		plan = tmp;
	}
	sqlite3_finalize(s);
	free(q);
	return plan;
}

/* Every page is a range of its order's index: no sort, however long the list. */
static void
test_library_plans(void **state)
{
	static const struct {
		enum sql_id id;
		const char *index;
	} pages[] = {
		{ SQL_LIBRARY_SUBMITTED_TOP, "library_by_submitted" },
		{ SQL_LIBRARY_SUBMITTED_AFTER, "library_by_submitted" },
		{ SQL_LIBRARY_SUBMITTED_BOTTOM, "library_by_submitted" },
		{ SQL_LIBRARY_SUBMITTED_BEFORE, "library_by_submitted" },
		{ SQL_LIBRARY_RECEIVED_TOP, "library_by_received" },
		{ SQL_LIBRARY_RECEIVED_AFTER, "library_by_received" },
		{ SQL_LIBRARY_RECEIVED_BOTTOM, "library_by_received" },
		{ SQL_LIBRARY_RECEIVED_BEFORE, "library_by_received" },
		{ SQL_LIBRARY_SUBJECT_TOP, "library_by_subject" },
		{ SQL_LIBRARY_SUBJECT_AFTER, "library_by_subject" },
		{ SQL_LIBRARY_SUBJECT_BOTTOM, "library_by_subject" },
		{ SQL_LIBRARY_SUBJECT_BEFORE, "library_by_subject" },
	};
	struct fixture *f = *state;

	import_made(f->st, "az.txt", doc_az());
	import_made(f->st, "004.txt", doc_letter("Bruins Slot"));
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		char *plan = query_plan(f->st, pages[i].id);
		char *want = xasprintf("USING INDEX %s", pages[i].index);
		char *covering = xasprintf("USING COVERING INDEX %s", pages[i].index);

		if (!strstr(plan, want) && !strstr(plan, covering))
			fail_msg("statement %d does not use %s:\n%s", (int)pages[i].id,
			    pages[i].index, plan);
		if (strstr(plan, "TEMP B-TREE"))
			fail_msg("statement %d sorts:\n%s", (int)pages[i].id, plan);
		/* a page past a row seeks to it rather than scanning up to it */
		if (i % 2 == 1 && !strstr(plan, "SEARCH"))
			fail_msg("statement %d scans:\n%s", (int)pages[i].id, plan);
		free(plan);
		free(want);
		free(covering);
	}
	/* every command asks whether documents wait to be parsed again */
	{
		char *plan = query_plan(f->st, SQL_REPARSE_COUNT);

		if (!strstr(plan, "COVERING INDEX document_parser"))
			fail_msg("counting the documents to parse again reads"
			    " them all:\n%s", plan);
		free(plan);
	}
}

/*
 * A search by rank without a filter is FTS5's own top: its rank order is
 * the statement's, with no sort of every match after the join.
 */
static void
test_search_plan(void **state)
{
	struct fixture *f = *state;
	char *plan;

	import_made(f->st, "az.txt", doc_az());
	plan = query_plan(f->st, SQL_SEARCH_TOP);
	if (strstr(plan, "TEMP B-TREE"))
		fail_msg("the search by rank sorts after the join:\n%s", plan);
	if (!strstr(plan, "SEARCH d USING INTEGER PRIMARY KEY"))
		fail_msg("the search joins its documents otherwise:\n%s", plan);
	free(plan);
}

/* ---------------------------------------------------------------- documents */

static void
test_document_seed(void **state)
{
	struct fixture *f = *state;
	struct document *doc = parse_seed(SEED_PDFTEXT);
	struct import_result res;
	struct doc_view view;
	struct error err = { "" };
	size_t n_vraag = 0, n_antwoord = 0, n_header = 0;
	int antwoord8 = 0, vraag = 0;

	import_ok(f->st, SEED_PDFTEXT, doc, &res);
	assert_int_equal(store_document(f->st, res.doc, &view, &err), STATUS_OK);
	assert_int_equal(view.id, res.doc);
	assert_int_equal(view.kind, DOC_ANSWER);
	assert_string_equal(view.origin, SEED_PDFTEXT);
	assert_string_equal(view.format, doc->format);
	assert_int_equal(view.set, res.set);
	assert_string_equal(view.ministry, "AZ");
	assert_string_equal(view.received, "2024-02-15");
	assert_int_equal(view.n_signatories, 1);
	assert_string_equal(view.signatories[0].name, "Rutte");
	assert_string_equal(view.signatories[0].role, "Minister-President");
	assert_string_equal(view.signatories[0].ministry, "AZ");

	/* every passage, as parsed, in document order */
	assert_int_equal(view.n_passages, doc->n_passages);
	for (size_t i = 0; i < view.n_passages; i++) {
		const struct doc_passage *p = &view.passages[i];

		assert_int_equal(p->role, doc->passages[i].role);
		assert_int_equal(p->vraag, doc->passages[i].vraag);
		assert_string_equal(p->text, doc->passages[i].text);
		assert_true(i == 0 || p->id > view.passages[i - 1].id);
		switch (p->role) {
		case ROLE_HEADER:
			assert_int_equal(n_vraag, 0);	/* the headers come first */
			n_header++;
			break;
		case ROLE_VRAAG:
			assert_int_equal(p->vraag, vraag + 1);	/* 1 to 9, each */
			vraag = p->vraag;
			n_vraag++;
			break;
		case ROLE_ANTWOORD:
			assert_int_equal(p->vraag, vraag);	/* after its vraag */
			n_antwoord++;
			if (p->vraag != 8)
				break;
			if (antwoord8++ == 1)
				assert_true(strncmp(p->text,
				    "Een sociaal veilige werkomgeving", 32) == 0);
			else
				assert_non_null(strstr(p->text,
				    "(met uitzondering van de Politiek Adviseurs)"));
			break;
		default:
			fail_msg("passage %zu has role %s", i, model_role_name(p->role));
		}
	}
	assert_int_equal(n_header, 2);
	assert_int_equal(n_vraag, 9);
	assert_int_equal(n_antwoord, 11);	/* two for vraag 5, two for vraag 8 */
	assert_int_equal(antwoord8, 2);
	store_document_clear(&view);
	model_free(doc);

	assert_int_equal(store_document(f->st, res.doc + 100, &view, &err),
	    STATUS_NOT_FOUND);
	assert_int_equal(view.n_passages, 0);
	store_document_clear(&view);
}

/* "mede namens", a set-less document, and the library row of each. */
static void
test_document_people(void **state)
{
	struct fixture *f = *state;
	struct import_result bzk, letter;
	struct doc_view view;
	struct error err = { "" };

	bzk = import_made(f->st, "bzk.md", doc_bzk());
	letter = import_made(f->st, "004.txt", doc_letter("Bruins Slot"));

	assert_int_equal(store_document(f->st, bzk.doc, &view, &err), STATUS_OK);
	assert_string_equal(view.format, "test");
	assert_int_equal(view.n_signatories, 2);
	assert_string_equal(view.signatories[1].name, "Van Huffelen");
	assert_string_equal(view.signatories[1].role, "Staatssecretaris");
	assert_int_equal(view.signatories[1].n_on_behalf_of, 1);
	assert_string_equal(view.signatories[1].on_behalf_of[0], "DEF");
	assert_int_equal(view.signatories[0].n_on_behalf_of, 0);
	assert_int_equal(view.n_passages, 7);
	assert_int_equal(view.passages[0].role, ROLE_HEADER);
	assert_int_equal(view.passages[6].role, ROLE_ANTWOORD);
	assert_int_equal(view.passages[6].vraag, 3);
	store_document_clear(&view);

	assert_int_equal(store_document(f->st, letter.doc, &view, &err), STATUS_OK);
	assert_int_equal(view.kind, DOC_LETTER);
	assert_int_equal(view.set, 0);
	assert_string_equal(view.ministry, "");
	assert_string_equal(view.received, "");
	assert_int_equal(view.n_signatories, 0);
	assert_int_equal(view.n_passages, 7);
	assert_int_equal(view.passages[0].role, ROLE_EPIGRAPH);
	assert_int_equal(view.passages[2].role, ROLE_SALUTATION);
	assert_int_equal(view.passages[6].role, ROLE_CLOSING);
	assert_string_equal(view.passages[6].text, "Hoogachtend,");
	store_document_clear(&view);
}

/* ---------------------------------------------------------- full-text search */

/* s contains part, ASCII case aside. */
static bool
contains_ci(const char *s, const char *part)
{
	size_t n = strlen(part);

	for (; s && *s; s++) {
		size_t i;

		for (i = 0; i < n && s[i] &&
		    tolower((unsigned char)s[i]) == tolower((unsigned char)part[i]);
		    i++)
			;
		if (i == n)
			return true;
	}
	return n == 0;
}

static struct search_hit *
search_ok(struct store *st, const struct search_query *q, size_t *n)
{
	struct search_hit *hits;
	struct error err = { "" };

	if (store_search(st, q, &hits, n, NULL, &err) != STATUS_OK)
		fail_msg("searching '%s': %s", q->text, err.msg);
	return hits;
}

/* The hits of the plain query text. */
static struct search_hit *
search_text(struct store *st, const char *text, bool substring, size_t *n)
{
	struct search_query q = { .text = text, .substring = substring };

	return search_ok(st, &q, n);
}

static bool
hits_doc(const struct search_hit *h, size_t n, long long doc)
{
	for (size_t i = 0; i < n; i++)
		if (h[i].doc == doc)
			return true;
	return false;
}

static const struct search_hit *
find_hit(const struct search_hit *h, size_t n, long long doc, enum role role,
    int vraag)
{
	for (size_t i = 0; i < n; i++)
		if (h[i].doc == doc && h[i].role == role && h[i].vraag == vraag)
			return &h[i];
	return NULL;
}

/* Best first: scores never rise down the list. */
static void
assert_ranked(const struct search_hit *h, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (h[i].score > h[i - 1].score)
			fail_msg("hit %zu (%g) above hit %zu (%g)", i, h[i].score,
			    i - 1, h[i - 1].score);
}

/* A message for the user, not for a programmer. */
static void
assert_plain_message(const char *msg)
{
	assert_true(msg[0] != '\0');
	if (contains_ci(msg, "sqlite") || contains_ci(msg, "fts5") ||
	    contains_ci(msg, "syntax") || contains_ci(msg, "malformed"))
		fail_msg("not a message for the user: %s", msg);
}

static void
import_seeds(struct store *st, long long docs[3])
{
	static const char *const seeds[] = {
		SEED_PDFTEXT, SEED_MARKDOWN, SEED_LETTER,
	};

	for (size_t i = 0; i < 3; i++) {
		struct document *doc = parse_seed(seeds[i]);
		struct import_result res;

		import_ok(st, seeds[i], doc, &res);
		model_free(doc);
		docs[i] = res.doc;
	}
}

/* The id of the passage of doc whose text contains part. */
static long long
passage_with(struct store *st, long long doc, const char *part)
{
	struct doc_view view;
	struct error err = { "" };
	long long id = 0;

	assert_int_equal(store_document(st, doc, &view, &err), STATUS_OK);
	for (size_t i = 0; i < view.n_passages && !id; i++)
		if (strstr(view.passages[i].text, part))
			id = view.passages[i].id;
	store_document_clear(&view);
	if (!id)
		fail_msg("no passage of document %lld has '%s'", doc, part);
	return id;
}

static void
test_search_seeds(void **state)
{
	struct fixture *f = *state;
	long long docs[3];	/* AZ, BZK, the letter */
	struct search_hit *h;
	const struct search_hit *hit;
	size_t n;

	import_seeds(f->st, docs);

	/* the words as written, in all three */
	h = search_text(f->st, "ambtenaren", false, &n);
	assert_true(n > 10);
	for (size_t i = 0; i < 3; i++)
		assert_true(hits_doc(h, n, docs[i]));
	for (size_t i = 0; i < n; i++) {
		assert_non_null(strchr(h[i].snippet, '['));
		assert_false(h[i].substring);
	}
	assert_ranked(h, n);
	hit = find_hit(h, n, docs[0], ROLE_ANTWOORD, 8);
	assert_non_null(hit);
	assert_string_equal(hit->ministry, "AZ");
	assert_string_equal(hit->date, "2024-02-15");
	assert_int_equal(hit->kind, DOC_ANSWER);
	assert_true(hit->set > 0);
	assert_string_equal(hit->origin, SEED_PDFTEXT);
	assert_true(contains_ci(hit->snippet, "[ambtenaren]"));
	store_hits_free(h, n);

	/*
	 * Another form of the word: the letter's "ambtenaar" as written
	 * first, then the answers' "ambtenaren" through the stems.
	 */
	h = search_text(f->st, "ambtenaar", false, &n);
	for (size_t i = 0; i < 3; i++)
		assert_true(hits_doc(h, n, docs[i]));
	assert_int_equal(h[0].doc, docs[2]);
	assert_true(contains_ci(h[0].snippet, "[ambtenaar]"));
	assert_true(h[0].score > 2);
	for (size_t i = 1; i < n; i++)
		if (h[i].doc != docs[2]) {
			assert_true(h[i].score > 1 && h[i].score < 2);
			assert_true(contains_ci(h[i].snippet, "[ambtenaren]"));
		}
	assert_ranked(h, n);
	store_hits_free(h, n);

	/* parts of words only when asked: "verkiezingsuitslag" in AZ's antwoord 1 */
	h = search_text(f->st, "uitslag", false, &n);
	assert_true(n > 0);
	assert_null(find_hit(h, n, docs[0], ROLE_ANTWOORD, 1));
	for (size_t i = 0; i < n; i++)
		assert_int_equal(h[i].doc, docs[1]);	/* BZK writes "uitslag" */
	store_hits_free(h, n);
	h = search_text(f->st, "uitslag", true, &n);
	hit = find_hit(h, n, docs[0], ROLE_ANTWOORD, 1);
	assert_non_null(hit);
	assert_true(hit->substring);
	assert_true(hit->score < 1);
	assert_non_null(strstr(hit->snippet, "verkiezings[uitslag]"));
	/* BZK's whole words rank above the parts of words */
	assert_false(h[0].substring);
	assert_int_equal(h[0].doc, docs[1]);
	assert_ranked(h, n);
	store_hits_free(h, n);

	/* diacritics aside */
	h = search_text(f->st, "ministeriele", false, &n);
	for (size_t i = 0; i < 2; i++) {
		hit = find_hit(h, n, docs[i], ROLE_ANTWOORD, 8);
		assert_non_null(hit);
		assert_non_null(strstr(hit->snippet, "[ministeri\u00eble]"));
	}
	store_hits_free(h, n);

	/* parts of words in any case; the marks fall on whole characters */
	h = search_text(f->st, "INISTERI\u00cbL", false, &n);
	for (size_t i = 0; i < 2; i++) {
		hit = find_hit(h, n, docs[i], ROLE_ANTWOORD, 8);
		assert_non_null(hit);
		assert_true(hit->substring);
		assert_non_null(strstr(hit->snippet, "de m[inisteri\u00ebl]e "
		    "verantwoordelijkheid"));
	}
	store_hits_free(h, n);

	/* a phrase: only AZ writes "(met uitzondering van de Politiek Adviseurs)" */
	h = search_text(f->st, "\"politiek adviseurs\"", false, &n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(h[i].doc, docs[0]);
	assert_non_null(find_hit(h, n, docs[0], ROLE_ANTWOORD, 8));
	assert_non_null(strstr(h[0].snippet, "[Politiek Adviseurs]"));
	store_hits_free(h, n);
	/* the same words in any order are more */
	h = search_text(f->st, "politiek adviseurs", false, &n);
	assert_true(n > 0);
	store_hits_free(h, n);

	/* a prefix */
	h = search_text(f->st, "verkiez*", false, &n);
	assert_true(n > 5);
	for (size_t i = 0; i < n; i++)
		assert_true(contains_ci(h[i].snippet, "[verkiez"));
	store_hits_free(h, n);

	/* the author's OCR error is searchable as written */
	h = search_text(f->st, "Econonnische", false, &n);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].doc, docs[2]);
	assert_int_equal(h[0].role, ROLE_BODY);
	assert_int_equal(h[0].set, 0);
	assert_string_equal(h[0].ministry, "");
	assert_string_equal(h[0].date, "");
	assert_int_equal(h[0].kind, DOC_LETTER);
	store_hits_free(h, n);

	/* nothing at all */
	h = search_text(f->st, "zeppelin", false, &n);
	assert_int_equal(n, 0);
	assert_null(h);
	h = search_text(f->st, "zeppelin", true, &n);
	assert_int_equal(n, 0);
	store_hits_free(h, n);
}

/* What FTS5 would take for syntax is searched for as written. */
static void
test_search_hostile(void **state)
{
	static const char *const queries[] = {
		"\"", "AND", "(", "NEAR(", "*", "a'b", "-x", ":", "OR", "NOT",
		"ambtenaren OR", "NOT ambtenaren", "ambtenaren)", "text:ambtenaren",
		"^ambtenaren", "{a b}", "+", "\"ambtenaren", "NEAR(ambtenaren, 2)",
		"ambtenaren AND", "x\033[2Jy", "\xff\xfe", "",
	};
	struct fixture *f = *state;
	long long docs[3];
	uint64_t seed = 1059;

	import_seeds(f->st, docs);
	for (size_t i = 0; i < sizeof(queries) / sizeof(*queries); i++) {
		for (int substring = 0; substring < 2; substring++) {
			struct search_query q = {
				.text = queries[i],
				.substring = substring,
			};
			struct search_hit *h;
			struct error err = { "" };
			size_t n;
			enum status status = store_search(f->st, &q, &h, &n, NULL, &err);

			if (status == STATUS_OK) {
				store_hits_free(h, n);
				continue;
			}
			if (status != STATUS_USAGE)
				fail_msg("'%s': status %d: %s", queries[i], status,
				    err.msg);
			assert_null(h);
			assert_int_equal(n, 0);
			assert_plain_message(err.msg);
		}
	}

	/* and random strings of such characters, through all three indexes */
	for (int i = 0; i < 1000; i++) {
		static const char *const pieces[] = {
			"\"", "*", "(", ")", ":", "-", "^", "+", "'", " ", " ", "a",
			"amb", "tenaren", "verkiez", "uitslag", "NEAR", "AND", "OR",
			"\u00eb", "\u201c", "\xff", "\xc3", "\033[2J",
		};
		char buf[128] = "";
		struct search_query q = { .text = buf, .substring = i % 2 };
		struct search_hit *h;
		struct error err = { "" };
		size_t n, k;
		enum status status;

		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		k = seed % 8;
		for (size_t j = 0; j < k; j++) {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			strcat(buf, pieces[seed % (sizeof(pieces) / sizeof(*pieces))]);
		}
		status = store_search(f->st, &q, &h, &n, NULL, &err);
		if (status == STATUS_OK)
			store_hits_free(h, n);
		else if (status == STATUS_USAGE &&
		    strncmp(err.msg, "a prefix needs 3 letters or more", 32) != 0)
			assert_string_equal(err.msg,
			    "nothing to search for: type one or more words");
		else if (status != STATUS_USAGE)
			fail_msg("'%s': status %d: %s", buf, status, err.msg);
	}
}

/* A letter with these body paragraphs; first names it apart from the others. */
static struct document *
letter_with(const char *first, const char *const *bodies, size_t n)
{
	struct document *doc = model_new("", 0);

	doc->kind = DOC_LETTER;
	doc->format = "test";
	model_strv_add(&doc->addressees, &doc->n_addressees, xstrdup(first));
	add(doc, ROLE_SALUTATION, 0, first);
	for (size_t i = 0; i < n; i++)
		add(doc, ROLE_BODY, 0, bodies[i]);
	return doc;
}

/* The form as typed first, other forms of the word after it. */
static void
test_search_exact_first(void **state)
{
	static const char *const stemmed[] = {
		"De ambtenaren, ambtenaren en nog eens ambtenaren spraken.",
	};
	static const char *const exact[] = {
		"Een ambtenaar sprak over de verkiezingen en de uitslag daarvan.",
	};
	struct fixture *f = *state;
	struct import_result a, b;
	struct search_hit *h;
	size_t n;

	b = import_made(f->st, "b.txt", letter_with("Geachte B,", stemmed, 1));
	a = import_made(f->st, "a.txt", letter_with("Geachte A,", exact, 1));

	h = search_text(f->st, "ambtenaar", false, &n);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].doc, a.doc);
	assert_int_equal(h[1].doc, b.doc);
	assert_true(h[0].score > h[1].score);
	assert_false(h[1].substring);
	assert_string_equal(h[1].snippet,
	    "De [ambtenaren], [ambtenaren] en nog eens [ambtenaren] spraken.");
	store_hits_free(h, n);

	h = search_text(f->st, "ambtenaren", false, &n);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].doc, b.doc);
	assert_int_equal(h[1].doc, a.doc);
	store_hits_free(h, n);

	/* the stems are whole words: a prefix of one stays a prefix */
	h = search_text(f->st, "verkiezing", false, &n);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].snippet, "Een ambtenaar sprak over de "
	    "[verkiezingen] en de uitslag daarvan.");
	store_hits_free(h, n);
	h = search_text(f->st, "verkiezi*", false, &n);
	assert_int_equal(n, 1);
	store_hits_free(h, n);
	/* a phrase of other forms: through the stems only, in both */
	h = search_text(f->st, "\"ambtenaren sprak\"", false, &n);
	assert_int_equal(n, 2);
	assert_true(hits_doc(h, n, a.doc) && hits_doc(h, n, b.doc));
	assert_true(h[0].score < 2 && h[1].score < 2);
	store_hits_free(h, n);
	/* the prefix of a phrase: its whole words stemmed, the last one not */
	h = search_text(f->st, "\"ambtenaar spr\"*", false, &n);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].doc, a.doc);
	assert_true(h[0].score > 2);
	assert_int_equal(h[1].doc, b.doc);
	assert_true(h[1].score < 2);
	store_hits_free(h, n);

	/* the words find nothing: the parts of words are tried */
	h = search_text(f->st, "tenaar", false, &n);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].doc, a.doc);
	assert_true(h[0].substring);
	assert_string_equal(h[0].snippet, "Een amb[tenaar] sprak over de "
	    "verkiezingen en de uitslag daarvan.");
	store_hits_free(h, n);
}

/*
 * Best first is the best of all (store.h): the oldest passage, when it
 * is the best bm25 match, comes first, by rank, with a filter, and for
 * the other forms of a word; by date, the newest come first.
 */
static void
test_search_best_of_all(void **state)
{
	static const char *const best[] = {
		"Zeppelins, zeppelins en nog eens zeppelins.",
	};
	static const char *const others[] = {
		"Er vliegen zeppelins over het land en de zee, heel hoog in de lucht.",
	};
	struct fixture *f = *state;
	struct import_result answer, old, mid, new;
	struct search_query q = { .text = "zeppelins" };
	struct search_hit *h;
	size_t n;
	struct document *doc = answer_doc("OCW", "2024-03-01", 0, "luchtvaart");

	add(doc, ROLE_VRAAG, 1, "Hoeveel zeppelins zijn er?");
	answer = import_made(f->st, "ocw.txt", doc);
	old = import_made(f->st, "a.txt", letter_with("Geachte A,", best, 1));
	mid = import_made(f->st, "b.txt", letter_with("Geachte B,", others, 1));
	new = import_made(f->st, "c.txt", letter_with("Geachte C,", others, 1));
	(void)mid;

	h = search_ok(f->st, &q, &n);
	assert_int_equal(n, 4);
	assert_int_equal(h[0].doc, old.doc);
	assert_string_equal(h[0].snippet, "[Zeppelins], [zeppelins] en nog eens "
	    "[zeppelins].");
	store_hits_free(h, n);
	/* with a filter: the best of those that pass it */
	q.kind = DOC_LETTER;
	h = search_ok(f->st, &q, &n);
	assert_int_equal(n, 3);
	assert_int_equal(h[0].doc, old.doc);
	assert_string_equal(h[0].snippet, "[Zeppelins], [zeppelins] en nog eens "
	    "[zeppelins].");
	store_hits_free(h, n);
	q.kind = DOC_ANSWER;
	h = search_ok(f->st, &q, &n);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].doc, answer.doc);
	assert_string_equal(h[0].snippet, "Hoeveel [zeppelins] zijn er?");
	store_hits_free(h, n);
	/* the other forms of the word, through the stems: the best first */
	q.kind = DOC_UNKNOWN;
	q.text = "zeppelin";
	h = search_ok(f->st, &q, &n);
	assert_int_equal(n, 4);
	assert_int_equal(h[0].doc, old.doc);
	assert_false(h[0].substring);
	store_hits_free(h, n);
	/* by date, the newest first */
	q.sort = SEARCH_BY_DATE;
	h = search_ok(f->st, &q, &n);
	assert_int_equal(n, 4);
	store_hits_free(h, n);
	(void)new;
}

/* The rows of sql on the store's connection, their first column joined. */
static char *
column_of(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	char *out = xstrdup(""), *tmp;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(st->db));
	while (sqlite3_step(s) == SQLITE_ROW) {
		tmp = xasprintf("%s%s ", out, sqlite3_column_text(s, 0));
		free(out);
		out = tmp;
	}
	sqlite3_finalize(s);
	return out;
}

/*
 * naast_bm25 (store_rank.c) orders as bm25 does; of more than one phrase
 * it gives the same scores, of one it leaves out the constant weight.
 */
static void
test_rank_function(void **state)
{
	static const char *const queries[] = {
		"ambtenaren", "\"politiek neutraal\"", "ambt*", "bijeenkomsten",
	};
	struct fixture *f = *state;
	char *a, *b, *sql;

	import_made(f->st, "az.txt", doc_az());
	import_made(f->st, "bzk.md", doc_bzk());
	import_made(f->st, "fin.txt", doc_fin());
	for (size_t i = 0; i < sizeof(queries) / sizeof(*queries); i++) {
		sql = xasprintf("SELECT rowid FROM passage_words WHERE passage_words"
		    " MATCH '%s' ORDER BY bm25(passage_words), rowid", queries[i]);
		a = column_of(f->st, sql);
		free(sql);
		sql = xasprintf("SELECT rowid FROM passage_words WHERE passage_words"
		    " MATCH '%s' ORDER BY naast_bm25(passage_words), rowid", queries[i]);
		b = column_of(f->st, sql);
		free(sql);
		assert_true(strlen(a) > 2);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	a = column_of(f->st, "SELECT count(*) > 1 FROM passage_words WHERE"
	    " passage_words MATCH 'ambtenaren bijeenkomsten'");
	assert_string_equal(a, "1 ");
	free(a);
	a = column_of(f->st, "SELECT count(*) FROM passage_words WHERE passage_words"
	    " MATCH 'ambtenaren bijeenkomsten' AND"
	    " abs(bm25(passage_words) - naast_bm25(passage_words)) > 1e-9");
	assert_string_equal(a, "0 ");
	free(a);
}

/*
 * The vocabulary table (store_vocab.c) holds the words of passage_words
 * with the passages that have each, after imports alone and in a batch,
 * and after the migrations that make it from the index and then replace
 * the index.
 */
static void
test_vocabulary(void **state)
{
	static const char *const twice[] = {
		"Zeppelins en nog eens zeppelins, Zéppelins.",
	};
	struct fixture *f = *state;
	struct error err = { "" };
	sqlite3 *db;

	import_made(f->st, "az.txt", doc_az());
	assert_int_equal(store_batch_begin(f->st, &err), STATUS_OK);
	import_made(f->st, "bzk.md", doc_bzk());
	import_made(f->st, "z.txt", letter_with("Geachte Z,", twice, 1));
	assert_int_equal(store_batch_commit(f->st, &err), STATUS_OK);
	import_made(f->st, "letter.txt", doc_letter("Bruins Slot"));

	assert_true(query_int(f->path, "SELECT count(*) FROM vocabulary") > 50);
	assert_int_equal(store_int(f->st, VOCAB_ASTRAY), 0);
	/* a passage counts once, however often it has the word */
	assert_int_equal(query_int(f->path,
	    "SELECT passages FROM vocabulary WHERE term = 'zeppelins'"), 1);
	/* the same words from two documents */
	assert_int_equal(query_int(f->path,
	    "SELECT passages FROM vocabulary WHERE term = 'bijeenkomsten'"),
	    store_int(f->st, "SELECT count(*) FROM passage_words"
	    " WHERE passage_words MATCH 'bijeenkomsten'"));
	/* what parsing asks of it (parse_known_word_fn) */
	assert_true(store_vocab_has(f->st, "zeppelins"));
	assert_true(store_vocab_has(f->st, "bijeenkomsten"));
	assert_false(store_vocab_has(f->st, "zeppelinsx"));
	assert_false(store_vocab_has(f->st, ""));

	/* a database of version 1 gets the table from its index */
	store_close(f->st);
	f->st = NULL;
	load_v2(f->path);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE vocabulary;"
	    "PRAGMA user_version = 1;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(f->path, &f->st, &err), STATUS_OK);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), 10);
	assert_true(query_int(f->path, "SELECT count(*) FROM vocabulary") > 50);
	assert_int_equal(store_int(f->st, VOCAB_ASTRAY), 0);
}

/* A question set of another member, on another day, answered by OCW. */
static struct document *
doc_ocw(void)
{
	struct document *doc = answer_doc("OCW", "", 0, "ambtenaren in het onderwijs");

	model_questioners_free(doc->questioners, doc->n_questioners);
	doc->questioners = xcalloc(1, sizeof(*doc->questioners));
	doc->questioners[0] = (struct questioner){ xstrdup("Van der Plas"),
		xstrdup("BBB") };
	doc->n_questioners = 1;
	snprintf(doc->submitted, sizeof(doc->submitted), "2024-03-05");
	add_signatory(doc, "Dijkgraaf", "Minister", "OCW");
	add(doc, ROLE_VRAAG, 1, "Hoeveel ambtenaren werken er in het onderwijs?");
	add(doc, ROLE_ANTWOORD, 1, "Dat weet ik niet.");
	return doc;
}

static void
test_search_filters(void **state)
{
	struct fixture *f = *state;
	struct import_result az, bzk, fin, ocw, letter;
	struct search_query q = { .text = "ambtenaren" };
	struct search_hit *h;
	size_t n;

	az = import_made(f->st, "az.txt", doc_az());
	bzk = import_made(f->st, "bzk.md", doc_bzk());
	fin = import_made(f->st, "fin.txt", doc_fin());
	ocw = import_made(f->st, "ocw.txt", doc_ocw());
	letter = import_made(f->st, "letter.txt", doc_letter("Bruins Slot"));

	h = search_ok(f->st, &q, &n);
	assert_true(hits_doc(h, n, az.doc) && hits_doc(h, n, bzk.doc) &&
	    hits_doc(h, n, fin.doc) && hits_doc(h, n, ocw.doc) &&
	    hits_doc(h, n, letter.doc));
	store_hits_free(h, n);

	q.ministry = "bzk";
	h = search_ok(f->st, &q, &n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(h[i].doc, bzk.doc);
		assert_string_equal(h[i].ministry, "BZK");
	}
	store_hits_free(h, n);
	q.ministry = NULL;

	/* the members who asked, in any case */
	q.questioner = "van der plas";
	h = search_ok(f->st, &q, &n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(h[i].doc, ocw.doc);
	store_hits_free(h, n);
	q.questioner = "EERDMANS";
	h = search_ok(f->st, &q, &n);
	assert_true(hits_doc(h, n, az.doc) && hits_doc(h, n, bzk.doc) &&
	    hits_doc(h, n, fin.doc));
	assert_false(hits_doc(h, n, ocw.doc) || hits_doc(h, n, letter.doc));
	store_hits_free(h, n);
	q.questioner = "Eerdman";
	h = search_ok(f->st, &q, &n);
	assert_int_equal(n, 0);
	q.questioner = NULL;

	q.party = "bbb";
	h = search_ok(f->st, &q, &n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(h[i].doc, ocw.doc);
	store_hits_free(h, n);
	q.party = "Ja21";
	h = search_ok(f->st, &q, &n);
	assert_true(hits_doc(h, n, az.doc));
	assert_false(hits_doc(h, n, ocw.doc) || hits_doc(h, n, letter.doc));
	store_hits_free(h, n);
	q.party = NULL;

	/* dates: received, else the set's submitted date; undated never match */
	q.from = "2024-02-16";
	q.to = "2024-02-20";
	h = search_ok(f->st, &q, &n);
	assert_true(hits_doc(h, n, bzk.doc) && hits_doc(h, n, fin.doc));
	for (size_t i = 0; i < n; i++)
		assert_true(h[i].doc == bzk.doc || h[i].doc == fin.doc);
	store_hits_free(h, n);
	q.to = NULL;
	q.from = "2024-03-01";
	h = search_ok(f->st, &q, &n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(h[i].doc, ocw.doc);
		assert_string_equal(h[i].date, "2024-03-05");
	}
	store_hits_free(h, n);
	q.from = NULL;
	q.to = "2024-02-15";
	h = search_ok(f->st, &q, &n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(h[i].doc, az.doc);
	store_hits_free(h, n);
	q.to = NULL;

	q.text = "ambtenaar";
	q.kind = DOC_LETTER;
	h = search_ok(f->st, &q, &n);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].doc, letter.doc);
	store_hits_free(h, n);
	q.kind = DOC_ANSWER;
	h = search_ok(f->st, &q, &n);
	assert_true(n > 0);
	assert_false(hits_doc(h, n, letter.doc));
	for (size_t i = 0; i < n; i++)
		assert_int_equal(h[i].kind, DOC_ANSWER);
	store_hits_free(h, n);
	q.kind = DOC_UNKNOWN;

	/* newest first, the undated letter last, whatever the rank */
	q.sort = SEARCH_BY_DATE;
	h = search_ok(f->st, &q, &n);
	assert_true(n > 5);
	assert_int_equal(h[0].doc, ocw.doc);
	assert_int_equal(h[n - 1].doc, letter.doc);
	for (size_t i = 1; i < n - 1; i++)
		assert_true(strcmp(h[i].date, h[i - 1].date) <= 0);
	store_hits_free(h, n);

	/* filters together, and the limit */
	q.sort = SEARCH_BY_RANK;
	q.limit = 2;
	h = search_ok(f->st, &q, &n);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].doc, letter.doc);	/* the exact form */
	store_hits_free(h, n);
	q.limit = 0;
	q.ministry = "AZ";
	q.questioner = "Eerdmans";
	q.party = "JA21";
	q.from = "2024-01-01";
	q.to = "2024-12-31";
	q.kind = DOC_ANSWER;
	h = search_ok(f->st, &q, &n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(h[i].doc, az.doc);
	store_hits_free(h, n);
}

static void
test_suggest(void **state)
{
	struct fixture *f = *state;
	struct import_result letter;
	struct document *doc = parse_seed(SEED_LETTER);
	struct error err = { "" };
	long long docs[3];
	char **words;
	size_t n;

	/* the letter alone: its OCR spelling is the index's only one */
	import_ok(f->st, SEED_LETTER, doc, &letter);
	model_free(doc);
	assert_int_equal(store_suggest(f->st, "Economische", &words, &n, &err),
	    STATUS_OK);
	assert_true(n >= 1 && n <= 5);
	assert_string_equal(words[0], "econonnische");
	model_strv_free(words, n);

	import_seeds(f->st, docs);
	/* a word the index has needs nothing */
	assert_int_equal(store_suggest(f->st, "Economische ambtenaren", &words,
	    &n, &err), STATUS_OK);
	assert_int_equal(n, 0);
	assert_null(words);
	/* one edit from both spellings: the more frequent first */
	assert_int_equal(store_suggest(f->st, "ambtenaren Econonmische", &words,
	    &n, &err), STATUS_OK);
	assert_int_equal(n, 2);
	assert_string_equal(words[0], "economische");
	assert_string_equal(words[1], "econonnische");
	model_strv_free(words, n);
	/* nearest first; short words only one edit away */
	assert_int_equal(store_suggest(f->st, "ambtenarn", &words, &n, &err),
	    STATUS_OK);
	assert_true(n >= 1 && n <= 5);
	assert_string_equal(words[0], "ambtenaren");
	model_strv_free(words, n);
	assert_int_equal(store_suggest(f->st, "nee jx", &words, &n, &err),
	    STATUS_OK);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(search_distance(words[i], "jx", 5), 1);
	model_strv_free(words, n);
	/* a prefix is no misspelling; nothing near is nothing */
	assert_int_equal(store_suggest(f->st, "ambtenar* zeppelinxyz", &words, &n,
	    &err), STATUS_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_suggest(f->st, "\"(", &words, &n, &err), STATUS_OK);
	assert_int_equal(n, 0);
}

/*
 * Operator words (issue 19): OR and NOT in capitals are searched for and
 * marked as whole words only, never inside NOTA or ORGANISATIE.
 */
static void
test_search_operator_words(void **state)
{
	struct fixture *f = *state;
	struct document *doc = answer_doc("AZ", "2024-02-15", 0, SUBJECT);
	struct search_hit *h;
	size_t n;

	add(doc, ROLE_VRAAG, 1, "De NOTA over de NOTULEN van de ORGANISATIE: "
	    "or not.");
	add(doc, ROLE_VRAAG, 2, "Een nota over de organisatie en de notulen.");
	import_made(f->st, "operators.txt", doc);
	/* the passage with the words, not the one with NOTULEN alone */
	h = search_text(f->st, "nota NOT", true, &n);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].vraag, 1);
	assert_non_null(strstr(h[0].snippet, "[not]."));
	assert_null(strstr(h[0].snippet, "[NOT]ULEN"));
	store_hits_free(h, n);
	h = search_text(f->st, "organisatie OR", true, &n);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].vraag, 1);
	store_hits_free(h, n);
	/* the parts fallback of a search without --substring alike */
	h = search_text(f->st, "tulen NOT", false, &n);
	assert_int_equal(n, 1);
	assert_true(h[0].substring);
	assert_non_null(strstr(h[0].snippet, "NO[TULEN]"));
	assert_null(strstr(h[0].snippet, "[NOT]A"));
	store_hits_free(h, n);
}

/* A search says when its hits are parts of words it fell back to (issue 19). */
static void
test_search_parts_fallback(void **state)
{
	struct fixture *f = *state;
	struct document *doc = answer_doc("AZ", "2024-02-15", 0, SUBJECT);
	struct search_query q = { .text = "tulen" };
	struct search_info info;
	struct search_hit *h;
	struct error err = { "" };
	size_t n;

	add(doc, ROLE_VRAAG, 1, "Zijn de notulen van het overleg openbaar?");
	import_made(f->st, "fallback.txt", doc);
	assert_int_equal(store_search(f->st, &q, &h, &n, &info, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_true(info.parts_fallback);
	store_hits_free(h, n);
	/* asked for: no fallback */
	q.substring = true;
	assert_int_equal(store_search(f->st, &q, &h, &n, &info, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_false(info.parts_fallback);
	store_hits_free(h, n);
	/* the words themselves: none */
	q.text = "notulen";
	q.substring = false;
	assert_int_equal(store_search(f->st, &q, &h, &n, &info, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_false(info.parts_fallback);
	store_hits_free(h, n);
}

/*
 * Hits and documents are titled by their set's subject or a letter's
 * addressees, never by a file's name (issue 19).
 */
static void
test_search_titles(void **state)
{
	struct fixture *f = *state;
	struct document *doc = answer_doc("AZ", "2024-02-15", 0,
	    "de titels van brieven");
	struct import_result az, letter, bare;
	struct doc_view dv;
	struct search_hit *h;
	struct error err = { "" };
	size_t n;

	add(doc, ROLE_VRAAG, 1, "Wat is een zeppelinhaven?");
	az = import_made(f->st, "/tmp/x/000_answer.txt", doc);
	letter = import_made(f->st, "/tmp/x/004_letter.txt",
	    doc_letter("Klaassen"));
	doc = model_new("", 0);
	doc->kind = DOC_UNKNOWN;
	doc->format = "test";
	add(doc, ROLE_OTHER, 0, "Een zeppelinhaven zonder adres.");
	bare = import_made(f->st, "/tmp/x/009_bare.txt", doc);

	h = search_text(f->st, "zeppelinhaven", false, &n);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++) {
		if (h[i].doc == az.doc)
			assert_string_equal(h[i].title, "de titels van brieven");
		else
			assert_null(h[i].title);
	}
	store_hits_free(h, n);
	h = search_text(f->st, "ambtenaar", false, &n);
	assert_true(n >= 1);
	assert_int_equal(h[0].doc, letter.doc);
	assert_string_equal(h[0].title, "Klaassen, Rutte, Buitendijk, de Klerck");
	store_hits_free(h, n);

	assert_int_equal(store_document(f->st, az.doc, &dv, &err), STATUS_OK);
	assert_string_equal(dv.title, "de titels van brieven");
	store_document_clear(&dv);
	assert_int_equal(store_document(f->st, letter.doc, &dv, &err),
	    STATUS_OK);
	assert_string_equal(dv.title, "Klaassen, Rutte, Buitendijk, de Klerck");
	store_document_clear(&dv);
	assert_int_equal(store_document(f->st, bare.doc, &dv, &err), STATUS_OK);
	assert_null(dv.title);
	store_document_clear(&dv);
}

/* The one hit on vraag that ministry's answer holds; fails when none or two. */
static size_t
vraag_hit(const struct search_hit *h, size_t n, int vraag, const char *ministry)
{
	size_t found = n;

	for (size_t i = 0; i < n; i++) {
		bool has = strcmp(h[i].ministry, ministry) == 0;

		for (size_t j = 0; j < h[i].n_same; j++)
			has |= strcmp(h[i].same[j].ministry, ministry) == 0;
		if (h[i].role == ROLE_VRAAG && h[i].vraag == vraag && has) {
			assert_int_equal(found, n);
			found = i;
		}
	}
	assert_true(found < n);
	return found;
}

/*
 * A vraag asked alike of several ministries is one hit that names them
 * (issue 19); a vraag printed with other words is a hit of its own, and
 * the answers stay apart.
 */
static void
test_search_same_vraag(void **state)
{
	struct fixture *f = *state;
	struct search_hit *h;
	char *codes;
	size_t n, i, k;

	import_made(f->st, "az.txt", doc_az());
	import_made(f->st, "bzk.txt", doc_bzk());
	import_made(f->st, "fin.txt", doc_fin());

	/* vraag 1: the same text in all three */
	h = search_text(f->st, "georganiseerd", false, &n);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].n_same, 2);
	codes = store_hit_ministries(&h[0]);
	assert_string_equal(codes, "AZ, BZK, FIN");
	free(codes);
	store_hits_free(h, n);

	/* vraag 2: AZ and BZK alike, FIN with other words */
	h = search_text(f->st, "doel", false, &n);
	assert_int_equal(n, 2);
	i = vraag_hit(h, n, 2, "AZ");
	codes = store_hit_ministries(&h[i]);
	assert_string_equal(codes, "AZ, BZK");
	free(codes);
	k = vraag_hit(h, n, 2, "FIN");
	assert_true(k != i);
	assert_int_equal(h[k].n_same, 0);
	store_hits_free(h, n);

	/* vraag 3: typography and white space aside the same; answers apart */
	h = search_text(f->st, "ambtenaren", false, &n);
	i = vraag_hit(h, n, 3, "BZK");
	codes = store_hit_ministries(&h[i]);
	assert_string_equal(codes, "AZ, BZK");
	free(codes);
	k = 0;
	for (size_t j = 0; j < n; j++)
		k += h[j].role == ROLE_ANTWOORD && h[j].vraag == 3;
	assert_int_equal(k, 2);
	store_hits_free(h, n);

	/* newest first alike */
	{
		struct search_query q = { .text = "georganiseerd",
			.sort = SEARCH_BY_DATE };

		h = search_ok(f->st, &q, &n);
		assert_int_equal(n, 1);
		assert_int_equal(h[0].n_same, 2);
		assert_string_equal(h[0].ministry, "FIN");
		store_hits_free(h, n);
	}

	/*
	 * A page of any size is full while more match, and holds the first
	 * hits of the whole list: hits made one are no gap in it.  Each hit
	 * names every ministry that has its text, those whose passages rank
	 * below a small page too.
	 */
	for (int sort = 0; sort < 2; sort++) {
		struct search_query q = { .text = "ambtenaren",
			.sort = sort ? SEARCH_BY_DATE : SEARCH_BY_RANK };
		struct search_hit *all = search_ok(f->st, &q, &n);
		size_t grouped = 0, m;

		for (size_t j = 0; j < n; j++)
			grouped += all[j].n_same;
		assert_true(grouped > 0);
		for (size_t limit = 1; limit <= n; limit++) {
			q.limit = limit;
			h = search_ok(f->st, &q, &m);
			assert_int_equal(m, limit);
			for (size_t j = 0; j < m; j++) {
				char *want = store_hit_ministries(&all[j]);

				assert_int_equal(h[j].passage, all[j].passage);
				assert_int_equal(h[j].n_same, all[j].n_same);
				codes = store_hit_ministries(&h[j]);
				assert_string_equal(codes, want);
				free(codes);
				free(want);
			}
			store_hits_free(h, m);
		}
		store_hits_free(all, n);
	}
}

/* "Did you mean" (issue 19): words, never numbers. */
static void
test_suggest_no_numbers(void **state)
{
	struct fixture *f = *state;
	struct document *doc = answer_doc("AZ", "2024-02-15", 0, SUBJECT);
	struct error err = { "" };
	char **words;
	size_t n;

	add(doc, ROLE_VRAAG, 1, "Hoeveel ambtenaren waren er in 2023 en 2024, "
	    "en hoeveel in 1959?");
	import_made(f->st, "numbers.txt", doc);
	/* a number is no misspelling of another number */
	assert_int_equal(store_suggest(f->st, "2025", &words, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 0);
	model_strv_free(words, n);
	/* nor is a number offered for a word */
	assert_int_equal(store_suggest(f->st, "ambtenarn a2023 1950", &words,
	    &n, &err), STATUS_OK);
	assert_true(n >= 1);
	assert_string_equal(words[0], "ambtenaren");
	for (size_t i = 0; i < n; i++)
		assert_true(strpbrk(words[i], "0123456789") == NULL);
	model_strv_free(words, n);
}

static void
test_related_seeds(void **state)
{
	struct fixture *f = *state;
	struct search_hit *h;
	struct error err = { "" };
	long long docs[3], p;
	size_t n;

	import_seeds(f->st, docs);
	p = passage_with(f->st, docs[2], "een veilige overheidsomgeving");
	assert_int_equal(store_related(f->st, p, 5, &h, &n, &err), STATUS_OK);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++) {
		assert_true(h[i].doc == docs[0] || h[i].doc == docs[1]);
		assert_int_equal(h[i].role, ROLE_ANTWOORD);
		assert_true(h[i].passage != p);
		assert_non_null(strchr(h[i].snippet, '['));
		assert_true(h[i].score > 0 && h[i].score < 1);
	}
	assert_true(hits_doc(h, n, docs[0]) && hits_doc(h, n, docs[1]));
	assert_ranked(h, n);
	store_hits_free(h, n);

	assert_int_equal(store_related(f->st, 999999, 5, &h, &n, &err),
	    STATUS_NOT_FOUND);
	assert_int_equal(n, 0);
	assert_null(h);
	assert_plain_message(err.msg);
}

/*
 * A dozen letters: the one that shares the most distinctive words with
 * the passage comes first, then those that share fewer; the words every
 * letter has count for nothing, and the passage's own letter is left out.
 */
static void
test_related_ranking(void **state)
{
	static const char *const source[] = {
		"De stikstofuitstoot van veehouderijen bij Natura 2000-gebieden "
		"vraagt om een nieuwe vergunning van de provincie.",
		"De stikstofuitstoot van veehouderijen vraagt om een vergunning.",
	};
	static const char *const most[] = {
		"Voor de veehouderij is de stikstofuitstoot een probleem: zonder "
		"vergunning mag de provincie niets doen, zegt de minister.",
	};
	static const char *const two[] = {
		"De Natura-reservaten lijden onder stikstofuitstoot, zegt de "
		"minister in een brief aan de provincie.",
	};
	static const char *const one[] = {
		"Een vergunning voor een dakkapel vraagt de minister niet, "
		"wel de gemeente in een brief aan de provincie.",
		"Dat is het, want dat was het ook.",
	};
	static const char *const other[][1] = {
		{ "De minister schrijft de provincie een brief over het onderwijs." },
		{ "De minister antwoordt de provincie over de zorg in een brief." },
		{ "Een brief van de minister aan de provincie over de spoorwegen." },
		{ "De provincie vraagt de minister in een brief om geld voor dijken." },
		{ "De minister en de provincie spreken in een brief over wegen." },
		{ "Een brief aan de provincie over woningbouw, van de minister." },
		{ "De minister stuurt de provincie een brief over de politie." },
		{ "In een brief meldt de minister de provincie andere regels." },
	};
	struct fixture *f = *state;
	struct import_result src, r_most, r_two, r_one;
	struct search_hit *h;
	struct error err = { "" };
	char name[32];
	long long p;
	size_t n;

	src = import_made(f->st, "src.txt", letter_with("Geachte bron,", source, 2));
	r_one = import_made(f->st, "one.txt", letter_with("Geachte een,", one, 2));
	r_two = import_made(f->st, "two.txt", letter_with("Geachte twee,", two, 1));
	r_most = import_made(f->st, "most.txt",
	    letter_with("Geachte meeste,", most, 1));
	for (size_t i = 0; i < sizeof(other) / sizeof(*other); i++) {
		snprintf(name, sizeof(name), "Geachte %zu,", i);
		import_made(f->st, name, letter_with(name, other[i], 1));
	}
	p = passage_with(f->st, src.doc, "nieuwe vergunning");

	/* the others share only "provincie" or "vraagt", which many letters have */
	assert_int_equal(store_related(f->st, p, 10, &h, &n, &err), STATUS_OK);
	assert_int_equal(n, 10);
	assert_int_equal(h[0].doc, r_most.doc);
	assert_int_equal(h[1].doc, r_two.doc);
	assert_int_equal(h[2].doc, r_one.doc);
	assert_true(h[0].score > h[1].score && h[1].score > h[2].score &&
	    h[2].score > h[3].score);
	assert_ranked(h, n);
	assert_false(hits_doc(h, n, src.doc));
	/* the stems matched: "veehouderij" for "veehouderijen" */
	assert_non_null(strstr(h[0].snippet, "[veehouderij]"));
	store_hits_free(h, n);

	/* the limit */
	assert_int_equal(store_related(f->st, p, 1, &h, &n, &err), STATUS_OK);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].doc, r_most.doc);
	store_hits_free(h, n);

	/* a passage of function words only is about nothing */
	p = passage_with(f->st, r_one.doc, "Dat is het");
	assert_int_equal(store_related(f->st, p, 10, &h, &n, &err), STATUS_OK);
	assert_int_equal(n, 0);
}

/* FTS5's own check of an index against the passages. */
static void
assert_indexes_intact(struct store *st)
{
	static const char *const checks[] = {
		"INSERT INTO passage_words (passage_words) VALUES ('integrity-check')",
	};

	for (size_t i = 0; i < COUNT(checks); i++) {
		char *msg = NULL;

		if (sqlite3_exec(st->db, checks[i], NULL, NULL, &msg) != SQLITE_OK)
			fail_msg("%s: %s", checks[i], msg);
	}
}

static size_t
count_hits(struct store *st, const char *text, bool substring)
{
	size_t n;
	struct search_hit *h = search_text(st, text, substring, &n);

	store_hits_free(h, n);
	return n;
}

/*
 * naast's own statements keep the index in step with the passages: a
 * document removed, alone or replaced in a batch, is gone from it (no
 * trigger does it: schema 9).  Parts of words are looked up in the
 * vocabulary, which the imports keep.
 */
static void
test_search_indexes_in_step(void **state)
{
	struct fixture *f = *state;
	struct import_result az, bzk;
	struct error err = { "" };
	size_t removed;

	az = import_made(f->st, "az.txt", doc_az());
	bzk = import_made(f->st, "bzk.md", doc_bzk());
	assert_indexes_intact(f->st);
	assert_int_equal(count_hits(f->st, "tevoren", false), 1);
	assert_int_equal(count_hits(f->st, "gepland", false), 1);
	assert_int_equal(count_hits(f->st, "genoemd", false), 1);	/* stem */
	assert_int_equal(count_hits(f->st, "evoren", true), 1);	/* part */

	/* a document gone is gone from the index */
	assert_int_equal(store_remove_document(f->st, bzk.doc, true, &removed,
	    &err), STATUS_OK);
	assert_indexes_intact(f->st);
	assert_int_equal(count_hits(f->st, "tevoren", false), 0);
	assert_int_equal(count_hits(f->st, "evoren", true), 0);
	assert_int_equal(count_hits(f->st, "ambtenaren", false),
	    (size_t)query_int(f->path, "SELECT count(*) FROM passage"
	    " WHERE text LIKE '%ambtenaren%'"));

	/* stored and removed in one batch: the index has neither */
	assert_int_equal(store_batch_begin(f->st, &err), STATUS_OK);
	bzk = import_made(f->st, "bzk.md", doc_bzk());
	assert_int_equal(store_remove_document(f->st, bzk.doc, true, &removed,
	    &err), STATUS_OK);
	assert_int_equal(store_batch_commit(f->st, &err), STATUS_OK);
	assert_indexes_intact(f->st);
	assert_int_equal(count_hits(f->st, "tevoren", false), 0);
	(void)az;
}

/*
 * Another program (the sqlite3 shell) reads the tables, but not the
 * index, whose tokenizer is naast's.
 */
static void
test_search_other_connection(void **state)
{
	struct fixture *f = *state;
	sqlite3 *db;
	sqlite3_stmt *s;

	import_made(f->st, "bzk.md", doc_bzk());
	store_close(f->st);
	f->st = NULL;
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM passage"), 7);
	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM"
	    " passage_words WHERE passage_words MATCH 'plannen'", -1, &s, NULL),
	    SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(db), "tokenizer"));
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* What an upgrade reported, and when it should stop. */
struct upgrade_seen {
	int reports, stop_at;
	long long last_done, total;
	bool packed, compacted;
};

static bool
upgrade_report(void *ctx, const char *what, long long done, long long total)
{
	struct upgrade_seen *seen = ctx;

	assert_true(done >= 0 && done <= total);
	if (strstr(what, "space")) {
		seen->compacted |= done == total;
		return true;
	}
	if (strcmp(what, "packing the original files") == 0) {
		seen->packed |= done == total;
		return true;
	}
	assert_string_equal(what, "indexing the passages");
	assert_true(done >= seen->last_done);
	seen->last_done = done;
	seen->total = total;
	return ++seen->reports != seen->stop_at;
}

/* The basket of the database at path: each item's passage text and note. */
static char *
basket_of(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	struct xbuf b = { 0 };

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT p.text,"
	    " coalesce(s.note, '') FROM selection s JOIN passage p"
	    " ON p.id = s.passage ORDER BY s.ord", -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		xbuf_puts(&b, (const char *)sqlite3_column_text(s, 0));
		xbuf_puts(&b, " | ");
		xbuf_puts(&b, (const char *)sqlite3_column_text(s, 1));
		xbuf_puts(&b, "\n");
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return xbuf_finish(&b);
}

/*
 * A database of an earlier schema (2, and 3 of the release before)
 * migrates to the one index on first open, reporting how far it is,
 * with every row and the basket kept; no other FTS5 table is left, and
 * the disk of the old ones is given back.  Stopped halfway, it is left
 * as it was, and still readable by the release that made it.
 */
static void
test_migrate_one_index(void **state)
{
	static const char *const fixtures[] = {
		"tests/fixtures/v2.sql", "tests/fixtures/v3.sql",
	};
	struct fixture *f = *state;

	store_close(f->st);
	f->st = NULL;
	for (size_t i = 0; i < COUNT(fixtures); i++) {
		struct store_progress p = { upgrade_report, NULL };
		struct upgrade_seen seen = { .stop_at = 1 };
		long long before[N_TABLES], after[N_TABLES], version;
		struct error err = { "" };
		struct search_hit *h;
		char *basket, *fts;
		size_t n;

		load_fixture(f->path, fixtures[i]);
		version = query_int(f->path, "PRAGMA user_version");
		assert_int_equal(version, 2 + (long long)i);
		count_rows(f->path, before);
		basket = basket_of(f->path);
		assert_non_null(strstr(basket, " | "));

		/* stopped: nothing changed, and the old index still reads */
		p.ctx = &seen;
		assert_int_equal(store_open_with(f->path, &p, &f->st, &err),
		    STATUS_DB);
		assert_null(f->st);
		assert_non_null(strstr(err.msg, "stopped"));
		assert_int_equal(query_int(f->path, "PRAGMA user_version"),
		    version);
		assert_true(query_int(f->path, "SELECT count(*) FROM passage_fts"
		    " WHERE passage_fts MATCH 'ambtenaren'") > 0);

		/* and again, to the end */
		seen = (struct upgrade_seen){ .stop_at = -1 };
		if (store_open_with(f->path, &p, &f->st, &err) != STATUS_OK)
			fail_msg("%s: %s", fixtures[i], err.msg);
		assert_int_equal(query_int(f->path, "PRAGMA user_version"), 10);
		assert_true(seen.reports >= 2);
		assert_true(seen.total > 50);
		assert_int_equal(seen.last_done, seen.total);
		assert_true(seen.packed && seen.compacted);
		assert_int_equal(query_int(f->path, "SELECT count(*) FROM document"
		    " WHERE typeof(raw) <> 'blob'"), 0);
		count_rows(f->path, after);
		for (size_t t = 0; t < N_TABLES; t++)
			if (before[t] != after[t])
				fail_msg("%s: %s had %lld rows, has %lld",
				    fixtures[i], tables[t], before[t], after[t]);
		fts = basket_of(f->path);
		assert_string_equal(fts, basket);
		free(fts);
		free(basket);
		fts = column_of(f->st, "SELECT name FROM sqlite_master"
		    " WHERE sql LIKE 'CREATE VIRTUAL TABLE%USING fts5 %'");
		assert_string_equal(fts, "passage_words ");
		free(fts);
		assert_int_equal(store_int(f->st, VOCAB_ASTRAY), 0);
		assert_indexes_intact(f->st);
		/* what the library counts as new, by its own index */
		assert_int_equal(query_int(f->path, "SELECT count(*)"
		    " FROM sqlite_master WHERE name = 'document_fetched'"), 1);
		assert_int_equal(store_arrivals_count(f->st, &n, &err),
		    STATUS_OK);
		assert_int_equal(n, 0);

		/* found as words, as stems and as parts of words */
		h = search_text(f->st, "ambtenaar", false, &n);
		assert_true(n >= 2);
		assert_false(h[0].substring);
		store_hits_free(h, n);
		h = search_text(f->st, "informeerd", true, &n);
		assert_true(n >= 1);
		assert_true(h[0].substring);
		assert_non_null(strstr(h[0].snippet, "ge[\u00efnformeerd]"));
		store_hits_free(h, n);
		store_close(f->st);
		f->st = NULL;
	}
}

/* The passages of hits, in order, as "12 7 9 "; frees the hits. */
static char *
ids_of(struct search_hit *h, size_t n)
{
	struct xbuf b = { 0 };

	for (size_t i = 0; i < n; i++) {
		char id[32];

		snprintf(id, sizeof(id), "%lld ", h[i].passage);
		xbuf_puts(&b, id);
	}
	store_hits_free(h, n);
	return xbuf_finish(&b);
}

/* The passages of the hits of q, in order. */
static char *
hit_ids(struct store *st, const struct search_query *q)
{
	struct search_hit *h;
	size_t n;

	h = search_ok(st, q, &n);
	return ids_of(h, n);
}

/* Whether the champion list of term holds passage. */
static bool
listed(struct store *st, const char *term, long long passage)
{
	struct champion *v;
	struct error err = { "" };
	size_t n;
	bool in = false;

	assert_int_equal(champion_read(st, term, &v, &n, &err), STATUS_OK);
	for (size_t i = 0; i < n; i++)
		in |= v[i].passage == passage;
	free(v);
	return in;
}

/* The ids of the passages related to passage, in order. */
static char *
related_ids(struct store *st, long long passage, size_t limit)
{
	struct error err = { "" };
	struct search_hit *h;
	size_t n;

	if (store_related(st, passage, limit, &h, &n, &err) != STATUS_OK)
		fail_msg("related %lld: %s", passage, err.msg);
	return ids_of(h, n);
}

/*
 * A wide query, an OR of many terms (parts of words, related passages,
 * store_wide.c), bounds what each passage can score from the champion
 * lists and walks the best bounds: it gives what ranking every match
 * gives, on passages made of words of the same few, each in many of them.
 */
static void
test_search_wide(void **state)
{
	static const char *const words[] = {
		"verkiezing", "overleg", "verder", "overheid", "verslag",
		"vervolg", "toeverlaat", "verhuizing", "de", "het", "een",
		"kamer", "minister", "brief", "land", "zee", "dag", "wet",
	};
	static const char *const parts[] = { "ver", "overh", "rhei", "slag" };
	static const char *const prefixes[] = { "ver*", "over*", "verk*" };
	struct fixture *f = *state;
	unsigned seed = 17;

	f->st->champion_from = 3;
	f->st->champion_size = 4;
	for (size_t i = 0; i < 80; i++) {
		struct xbuf b = { 0 };
		char name[16], *text;
		const char *body[1];
		size_t n;

		seed = seed * 1103515245 + 12345;
		n = 3 + (seed >> 16) % 20;
		for (size_t j = 0; j < n; j++) {
			seed = seed * 1103515245 + 12345;
			xbuf_puts(&b, j ? " " : "");
			xbuf_puts(&b, words[(seed >> 16) %
			    (sizeof(words) / sizeof(*words))]);
		}
		xbuf_puts(&b, ".");
		body[0] = text = xbuf_finish(&b);
		snprintf(name, sizeof(name), "%zu.txt", i);
		import_made(f->st, name, letter_with("Geachte heer,", body, 1));
		free(text);
	}

	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
		for (size_t limit = 1; limit <= 60; limit = limit * 3 + 1) {
			struct search_query q = {
				.text = parts[i], .limit = limit,
				.substring = true,
			};
			char *fast = hit_ids(f->st, &q), *slow;

			assert_true(strlen(fast) > 0);
			q.exhaustive = true;
			slow = hit_ids(f->st, &q);
			if (strcmp(fast, slow) != 0)
				fail_msg("'%s' (%zu): %s, every match: %s",
				    parts[i], limit, fast, slow);
			free(fast);
			free(slow);
		}
	/* a prefix: its words' lists bound the passages (snippets too) */
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++)
		for (size_t limit = 1; limit <= 60; limit = limit * 3 + 1) {
			struct search_query q = {
				.text = prefixes[i], .limit = limit,
			};
			struct search_hit *fast, *slow;
			size_t n_fast, n_slow;

			fast = search_ok(f->st, &q, &n_fast);
			q.exhaustive = true;
			slow = search_ok(f->st, &q, &n_slow);
			assert_true(n_fast > 0);
			assert_int_equal(n_fast, n_slow);
			for (size_t j = 0; j < n_fast; j++) {
				if (fast[j].passage != slow[j].passage)
					fail_msg("'%s' (%zu): hit %zu is %lld, every match: %lld",
					    prefixes[i], limit, j, fast[j].passage,
					    slow[j].passage);
				assert_string_equal(fast[j].snippet, slow[j].snippet);
			}
			store_hits_free(fast, n_fast);
			store_hits_free(slow, n_slow);
		}
	for (int k = 0; k < 80; k += 9)
		for (size_t limit = 1; limit <= 10; limit += 3) {
			char *sql = xasprintf("SELECT id FROM passage"
			    " WHERE role = 'body' ORDER BY id LIMIT 1 OFFSET %d", k);
			long long p = store_int(f->st, sql);
			char *fast, *slow;

			free(sql);

			store_rank_every(f->st, false);
			fast = related_ids(f->st, p, limit);
			store_rank_every(f->st, true);
			slow = related_ids(f->st, p, limit);
			if (strcmp(fast, slow) != 0)
				fail_msg("related %lld (%zu): %s, every match: %s",
				    p, limit, fast, slow);
			free(fast);
			free(slow);
		}
}

/*
 * Champion lists (store_champion.c), made small: a term in more than 3
 * passages keeps its best 4.  Each list is the best of all its
 * passages, whatever the batches they came in, with the passages of a
 * removed document taken out; and a search by rank gives what ranking
 * every match gives (the exhaustive reference of bench/run), the
 * oldest and best first, with filters, for AND-ed words and stems.
 */
static void
test_champion_lists(void **state)
{
	static const char *const texts[] = {
		"Zeppelins zeppelins zeppelins zeppelins.",
		"Een zeppelin over de zee.",
		"Er vliegen zeppelins en ballonnen over het land en de zee, hoog.",
		"De ballonnen en de zeppelins zijn er weer, boven de zee.",
		"Zeppelins en ballonnen, ballonnen en zeppelins.",
		"Over de zeppelins is nog veel te zeggen, maar niet vandaag en niet hier.",
		"Een ballon.",
		"Zeppelins zee.",
		"Het land, de zee en de lucht: zeppelins, ballonnen en vliegtuigen.",
	};
	static const char *const queries[] = {
		"zeppelins", "zeppelin", "zee", "ballonnen zeppelins", "zee zeppelins",
	};
	struct fixture *f = *state;
	struct error err = { "" };
	struct import_result docs[9];
	struct champion *v, *all;
	size_t n, n_all;
	long long gone;

	f->st->champion_from = 3;
	f->st->champion_size = 4;
	for (size_t i = 0; i < 9; i++) {
		char name[16];
		bool batch = i >= 4;

		/* the first ones alone, the others in one batch */
		if (i == 4)
			assert_int_equal(store_batch_begin(f->st, &err), STATUS_OK);
		snprintf(name, sizeof(name), "%zu.txt", i);
		docs[i] = import_made(f->st, name, letter_with("Geachte heer,",
		    &texts[i], 1));
		if (batch && i == 8)
			assert_int_equal(store_batch_commit(f->st, &err), STATUS_OK);
	}

	/* the list of each frequent term is its best, by w, of all */
	assert_int_equal(champion_read(f->st, "zeppelins", &v, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 4);
	assert_int_equal(champion_postings(f->st, "zeppelins", &all, &n_all,
	    &err), STATUS_OK);
	assert_true(n_all > 4);
	{
		double avgdl;

		assert_int_equal(champion_avgdl(f->st, &avgdl, &err), STATUS_OK);
		champion_sort(all, n_all, avgdl);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(v[i].passage, all[i].passage);
	}
	free(v);
	free(all);
	assert_true(store_int(f->st, "SELECT count(*) FROM champion"
	    " WHERE term = char(1) || 'zeppelin'") == 1);
	assert_int_equal(store_int(f->st, "SELECT count(*) FROM champion"
	    " WHERE term = 'ballon'"), 0);

	/* a search gives what ranking every match gives */
	for (size_t i = 0; i < sizeof(queries) / sizeof(*queries); i++)
		for (size_t limit = 1; limit <= 5; limit += 2)
			for (int kind = 0; kind < 2; kind++) {
				struct search_query q = {
					.text = queries[i], .limit = limit,
					.kind = kind ? DOC_LETTER : DOC_UNKNOWN,
				};
				char *fast = hit_ids(f->st, &q), *slow;

				q.exhaustive = true;
				slow = hit_ids(f->st, &q);
				if (strcmp(fast, slow) != 0)
					fail_msg("'%s' (%zu): %s, every match: %s",
					    queries[i], limit, fast, slow);
				free(fast);
				free(slow);
			}

	/* the best, and oldest, goes: out of the lists, and of the hits */
	gone = store_int(f->st, "SELECT min(id) FROM passage"
	    " WHERE text LIKE 'Zeppelins zeppelins%'");
	assert_true(listed(f->st, "zeppelins", gone));
	assert_int_equal(store_remove_document(f->st, docs[0].doc, false, NULL,
	    &err), STATUS_OK);
	assert_false(listed(f->st, "zeppelins", gone));
	assert_false(listed(f->st, SEARCH_STEM_MARK "zeppelin", gone));
	assert_int_equal(store_int(f->st, VOCAB_ASTRAY), 0);
	{
		struct search_query q = { .text = "zeppelins", .limit = 3 };
		char *fast = hit_ids(f->st, &q), *slow;

		q.exhaustive = true;
		slow = hit_ids(f->st, &q);
		assert_string_equal(fast, slow);
		free(fast);
		free(slow);
	}
}

/*
 * The lengths of the passages that a connection keeps for the champion
 * lists of its imports (store_champion.c) are dropped when another
 * connection writes: here it gives a passage id to a shorter passage,
 * and the list of a word that passes the threshold afterwards still
 * holds that passage, the best of all.
 */
static void
test_champion_lengths_dropped(void **state)
{
	static const char *const words[] = {
		"Zeppelins boven de zee.", "Zee en zeppelins.",
		"Zeppelins, zee, land.", "Een zee van zeppelins.",
	};
	static const char *const long_text[] = {
		"Een woord en nog een woord en nog veel meer woorden over niets"
		" in het bijzonder, zonder einde, zonder ballon, zonder doel.",
	};
	static const char *const short_text[] = { "Ballon." };
	static const char *const later[] = {
		"Een ballon boven de zee en het land.",
		"Nog een ballon boven het land en de zee.",
	};
	struct fixture *f = *state;
	struct error err = { "" };
	struct import_result gone;
	struct store *other;
	struct champion *v, *all;
	size_t n, n_all;
	long long reused;
	double avgdl;

	f->st->champion_from = 2;
	f->st->champion_size = 2;
	for (size_t i = 0; i < 4; i++) {
		char name[16];

		snprintf(name, sizeof(name), "z%zu.txt", i);
		import_made(f->st, name, letter_with("Geachte heer,", &words[i],
		    1));
	}
	assert_non_null(f->st->lens);
	gone = import_made(f->st, "long.txt", letter_with("Beste mevrouw,",
	    long_text, 1));
	reused = store_int(f->st, "SELECT max(id) FROM passage");
	assert_true((size_t)reused < f->st->n_lens && f->st->lens[reused] > 1);

	/* another naast gives that id to a passage of one word */
	assert_int_equal(store_open(f->path, &other, &err), STATUS_OK);
	assert_int_equal(store_remove_document(other, gone.doc, false, NULL,
	    &err), STATUS_OK);
	import_made(other, "short.txt", letter_with("Beste mevrouw,",
	    short_text, 1));
	assert_int_equal(store_int(other, "SELECT id FROM passage"
	    " WHERE text = 'Ballon.'"), reused);
	store_close(other);

	/* "ballon" passes the threshold: its list is its best of all */
	for (size_t i = 0; i < 2; i++)
		import_made(f->st, i ? "b1.txt" : "b0.txt",
		    letter_with("Geachte heer,", &later[i], 1));
	assert_int_equal(champion_read(f->st, "ballon", &v, &n, &err),
	    STATUS_OK);
	assert_int_equal(champion_postings(f->st, "ballon", &all, &n_all, &err),
	    STATUS_OK);
	assert_int_equal(champion_avgdl(f->st, &avgdl, &err), STATUS_OK);
	champion_sort(all, n_all, avgdl);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].passage, reused);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v[i].passage, all[i].passage);
		assert_int_equal(v[i].len, all[i].len);
	}
	free(v);
	free(all);
}

/*
 * Newest first for common words walks the documents from the newest
 * (store_search.c, here from 2 passages on): it gives what joining and
 * sorting every match gives, with filters, limits, stems and tiers.
 */
static void
test_search_date_walk(void **state)
{
	static const char *const texts[] = {
		"Zeppelins boven de zee.",
		"Een zeppelin en een ballon.",
		"Geen luchtschip te zien.",
		"Zeppelins, zeppelins: de zee.",
	};
	static const char *const queries[] = {
		"zeppelins", "zeppelin", "zee", "zee zeppelins", "ballon",
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < 8; i++) {
		char name[16];
		struct document *doc;

		snprintf(name, sizeof(name), "%zu.txt", i);
		if (i % 3 == 2) {
			char date[16];

			snprintf(date, sizeof(date), "2024-0%zu-15", i / 3 + 1);
			doc = answer_doc("OCW", date, 0, "luchtvaart");
			add(doc, ROLE_VRAAG, 1, texts[i % 4]);
			add(doc, ROLE_ANTWOORD, 1, texts[(i + 1) % 4]);
		} else {
			doc = letter_with("Geachte heer,", &texts[i % 4], 1);
		}
		import_made(f->st, name, doc);
	}
	for (size_t i = 0; i < sizeof(queries) / sizeof(*queries); i++)
		for (size_t limit = 1; limit <= 9; limit += 4)
			for (int kind = 0; kind < 3; kind++) {
				struct search_query q = {
					.text = queries[i], .limit = limit,
					.sort = SEARCH_BY_DATE,
					.kind = kind == 1 ? DOC_LETTER :
					    kind == 2 ? DOC_ANSWER : DOC_UNKNOWN,
				};
				char *walked, *sorted;

				f->st->walk_from = 2;
				walked = hit_ids(f->st, &q);
				f->st->walk_from = WALK_FROM;
				sorted = hit_ids(f->st, &q);
				if (strcmp(walked, sorted) != 0)
					fail_msg("'%s' (%zu, %d): walked %s, sorted %s",
					    queries[i], limit, kind, walked, sorted);
				free(walked);
				free(sorted);
			}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_data, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup_dir,
		    teardown),
		cmocka_unit_test_setup_teardown(test_negative_schema_refused,
		    setup_dir, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_schema_refused,
		    setup_dir, teardown),
		cmocka_unit_test(test_schema_digests),
		cmocka_unit_test_setup_teardown(test_readonly_unread_log,
		    setup_dir, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_database, setup_dir,
		    teardown),
		cmocka_unit_test_setup_teardown(test_other_programs_database,
		    setup_dir, teardown),
		cmocka_unit_test_setup_teardown(test_missing_directory, setup_dir,
		    teardown),
		cmocka_unit_test_setup_teardown(test_same_document_forms, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_same_needs_the_same_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_remove_document, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_footnotes_and_source, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_vraag_footnotes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_footnote_passage_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_shared_answer, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_two_answers_one_set, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_set_aanhangsel_earliest, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_canonical_text_and_variants,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_without_question_text,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_questions_view, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_not_found, setup_memory,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reimport_unchanged, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_batch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_import_leaves_no_trace,
		    setup, teardown),
		cmocka_unit_test(test_read_only_database),
		cmocka_unit_test_setup_teardown(test_sqlite_out_of_memory, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fts_finds_passages, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_pubrefs_resolved, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_answer_pubrefs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keyset_paging, setup_memory,
		    teardown),
		cmocka_unit_test_setup_teardown(test_letters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_seeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_pubref_to_seed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_library_filter_terms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_library_seeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_coverage_cosigned, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_warnings_kept, setup,
		    teardown),

		cmocka_unit_test_setup_teardown(test_replace_keeps_basket, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_originals_packed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_originals_unpacked_rows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_naast_pack, setup, teardown),
		cmocka_unit_test_setup_teardown(test_coverage_succession, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_coverage_migrated, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_library_set_updated, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_library_orders, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_statement_prepares,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_library_plans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_document_seed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_document_people, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_seeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_hostile, setup_memory,
		    teardown),
		cmocka_unit_test_setup_teardown(test_champion_lists, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_wide, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_champion_lengths_dropped,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_date_walk, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_one_index, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_best_of_all, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_vocabulary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rank_function, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_exact_first,
		    setup_memory, teardown),
		cmocka_unit_test_setup_teardown(test_search_filters, setup_memory,
		    teardown),
		cmocka_unit_test_setup_teardown(test_suggest, setup_memory,
		    teardown),
		cmocka_unit_test_setup_teardown(test_suggest_no_numbers,
		    setup_memory, teardown),
		cmocka_unit_test_setup_teardown(test_search_operator_words,
		    setup_memory, teardown),
		cmocka_unit_test_setup_teardown(test_search_parts_fallback,
		    setup_memory, teardown),
		cmocka_unit_test_setup_teardown(test_search_titles,
		    setup_memory, teardown),
		cmocka_unit_test_setup_teardown(test_search_same_vraag,
		    setup_memory, teardown),
		cmocka_unit_test_setup_teardown(test_related_seeds, setup_memory,
		    teardown),
		cmocka_unit_test_setup_teardown(test_related_ranking, setup_memory,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_indexes_in_step, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_other_connection, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
