/*
 * test_parse: the shared header readers, format detection, and the
 * markdown and letter parsers on the seeds.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model.h"
#include "parse.h"
#include "xalloc.h"

#include "testutil.h"

/* ------------------------------------------------------------- helpers */

/* Appends to a fixed buffer; the tests compare whole descriptions. */
static void cat(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
cat(char *buf, size_t size, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf + n, size - n, fmt, ap);
	va_end(ap);
}

/* "Eerdmans (JA21); X -> AZ, BZK (WenR)": a portfolio after its ministry. */
static const char *
describe_questions(const struct document *doc)
{
	static char buf[1024];

	buf[0] = '\0';
	for (size_t i = 0; i < doc->n_questioners; i++) {
		cat(buf, sizeof(buf), "%s%s", i ? "; " : "",
		    doc->questioners[i].name);
		if (doc->questioners[i].party)
			cat(buf, sizeof(buf), " (%s)", doc->questioners[i].party);
	}
	cat(buf, sizeof(buf), " ->");
	for (size_t i = 0; i < doc->n_addressed; i++) {
		cat(buf, sizeof(buf), "%s%s", i ? ", " : " ", doc->addressed[i]);
		if (doc->addressed_portfolio && doc->addressed_portfolio[i])
			cat(buf, sizeof(buf), " (%s)", doc->addressed_portfolio[i]);
	}
	return buf;
}

/* "Minister Rutte [AZ] +BZK; Staatssecretaris X [FIN]". */
static const char *
describe_answer(const struct document *doc)
{
	static char buf[1024];

	buf[0] = '\0';
	for (size_t i = 0; i < doc->n_signatories; i++) {
		const struct signatory *s = &doc->signatories[i];

		cat(buf, sizeof(buf), "%s%s %s [%s]", i ? "; " : "", s->role,
		    s->name, s->ministry ? s->ministry : "?");
		for (size_t j = 0; j < s->n_on_behalf_of; j++)
			cat(buf, sizeof(buf), " +%s", s->on_behalf_of[j]);
	}
	return buf;
}

static struct document *
empty_doc(void)
{
	return model_new("", 0);
}

/* ------------------------------------------------------------- headers */

static const char seed_questions[] =
	"Vragen van het lid Eerdmans (JA21) aan de Minister-President en de "
	"Ministers van Binnenlandse Zaken en Koninkrijksrelaties, van "
	"Buitenlandse Zaken, van Defensie, van Economische Zaken en Klimaat, "
	"van Financiën, van Infrastructuur en Waterstaat, van Justitie en "
	"Veiligheid, van Landbouw, Natuur en Voedselkwaliteit, van Onderwijs, "
	"Cultuur en Wetenschap, van Sociale Zaken en Werkgelegenheid en van "
	"Volksgezondheid, Welzijn en Sport over bijeenkomsten met ambtenaren "
	"naar aanleiding van de verkiezingsuitslag van 22 november 2023 "
	"(ingezonden 29 januari 2024).";

static void
test_header_questions_seed(void **state)
{
	struct document *doc = empty_doc();

	(void)state;
	assert_true(parse_header_questions(doc, seed_questions));
	assert_string_equal(describe_questions(doc),
	    "Eerdmans (JA21) -> AZ, BZK, BZ, DEF, EZK, FIN, IenW, JenV, LNV, "
	    "OCW, SZW, VWS");
	assert_int_equal(doc->n_addressed, 12);
	assert_string_equal(doc->subject,
	    "bijeenkomsten met ambtenaren naar aanleiding van de "
	    "verkiezingsuitslag van 22 november 2023");
	assert_string_equal(doc->submitted, "2024-01-29");
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

static void
test_header_questions_variants(void **state)
{
	static const struct {
		const char *text, *want, *subject, *submitted;
	} cases[] = {
		{ "Vragen van de leden Kathmann (GroenLinks-PvdA) en Teunissen "
		  "(PvdD) aan de Minister van Binnenlandse Zaken en "
		  "Koninkrijksrelaties over de Wet open overheid (ingezonden "
		  "3 april 2024).",
		  "Kathmann (GroenLinks-PvdA); Teunissen (PvdD) -> BZK",
		  "de Wet open overheid", "2024-04-03" },
		{ "Vragen van het lid Van der Plas (BBB) aan de Staatssecretaris "
		  "van Financiën over de btw op groente (ingezonden 1 maart 2024).",
		  "Van der Plas (BBB) -> FIN", "de btw op groente", "2024-03-01" },
		{ "Vragen van het lid Omtzigt aan de Ministers van Justitie en "
		  "Veiligheid en van Financiën over toeslagen (ingezonden "
		  "12 december 2023).",
		  "Omtzigt -> JenV, FIN", "toeslagen", "2023-12-12" },
		{ "Vragen van het lid Kröger (GroenLinks) aan de Minister voor "
		  "Klimaat en Energie over gas uit Groningen (ingezonden "
		  "2 februari 2023).",
		  "Kröger (GroenLinks) -> EZK (KenE)", "gas uit Groningen", "2023-02-02" },
		{ "Vragen van de leden A, B en C (allen SP) aan de "
		  "Minister-President, Minister van Algemene Zaken, en de "
		  "Minister van Defensie over de NAVO (ingezonden 5 mei 2024).",
		  "A (SP); B (SP); C (SP) -> AZ, DEF", "de NAVO", "2024-05-05" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct document *doc = empty_doc();

		assert_true(parse_header_questions(doc, cases[i].text));
		assert_string_equal(describe_questions(doc), cases[i].want);
		assert_string_equal(doc->subject, cases[i].subject);
		assert_string_equal(doc->submitted, cases[i].submitted);
		assert_int_equal(doc->n_warnings, 0);
		model_free(doc);
	}
}

/*
 * Ministers "voor" a portfolio count as their ministry, as it was on the
 * date of the header; the model keeps the portfolio the set was addressed
 * to, and the signatory's title as written.  Constructed examples.
 */
static void
test_header_portfolios(void **state)
{
	static const struct {
		const char *to, *date, *want;
	} questions[] = {
		{ "de Minister voor Klimaat en Energie", "12 juni 2024",
		  "A (X) -> EZK (KenE)" },
		/* the ministry itself named too: addressed to all of it */
		{ "de Minister van Economische Zaken en Klimaat en de Minister "
		  "voor Klimaat en Energie", "12 juni 2024", "A (X) -> EZK" },
		{ "de Minister voor Klimaat en Energie en de Minister van "
		  "Economische Zaken en Klimaat", "12 juni 2024", "A (X) -> EZK" },
		{ "de Minister voor Rechtsbescherming", "3 mei 2023",
		  "A (X) -> JenV (RB)" },
		{ "de Minister voor Buitenlandse Handel en "
		  "Ontwikkelingssamenwerking en de Minister van Financiën",
		  "3 mei 2023", "A (X) -> BZ (BHO), FIN" },
		{ "de Minister voor Langdurige Zorg en Sport en de Minister voor "
		  "Primair en Voortgezet Onderwijs", "1 februari 2023",
		  "A (X) -> VWS (LZS), OCW (PVO)" },
		{ "de Minister voor Natuur en Stikstof en de Minister voor "
		  "Armoedebeleid, Participatie en Pensioenen", "1 februari 2023",
		  "A (X) -> LNV (NenS), SZW (APP)" },
		{ "de Minister voor Wonen en Rijksdienst", "4 april 2013",
		  "A (X) -> BZK (WenR)" },
		{ "de Minister voor Medische Zorg en de Minister voor Basis- en "
		  "Voortgezet Onderwijs en Media", "4 april 2019",
		  "A (X) -> VWS (MZ), OCW (BVOM)" },
		{ "de Minister voor Jeugd en Gezin en de Minister voor Wonen, "
		  "Wijken en Integratie", "4 april 2008",
		  "A (X) -> VWS (JenG), VROM (WWI)" },
		/* one name, a portfolio of BZK until July 2024, a ministry after */
		{ "de Minister voor Volkshuisvesting en Ruimtelijke Ordening",
		  "3 mei 2023", "A (X) -> BZK (VenRO)" },
		{ "de Minister van Volkshuisvesting en Ruimtelijke Ordening",
		  "3 september 2024", "A (X) -> VRO" },
		/* ministries by the names they had then */
		{ "de Ministers van Infrastructuur en Milieu en van Veiligheid en "
		  "Justitie", "1 maart 2011", "A (X) -> IenM, VenJ" },
		{ "de Minister van Economische Zaken, Landbouw en Innovatie",
		  "1 maart 2011", "A (X) -> ELenI" },
	};
	static const struct {
		const char *text, *want, *written, *behalf;
	} answers[] = {
		{ "Antwoord van Minister De Jonge (Volkshuisvesting en Ruimtelijke "
		  "Ordening) (ontvangen 3 mei 2023).", "Minister De Jonge [BZK]",
		  "Volkshuisvesting en Ruimtelijke Ordening", NULL },
		{ "Antwoord van Minister Keijzer (Volkshuisvesting en Ruimtelijke "
		  "Ordening) (ontvangen 3 september 2024).", "Minister Keijzer [VRO]",
		  "Volkshuisvesting en Ruimtelijke Ordening", NULL },
		{ "Antwoord van Minister Weerwind (Rechtsbescherming) (ontvangen "
		  "3 mei 2023).", "Minister Weerwind [JenV]", "Rechtsbescherming",
		  NULL },
		{ "Antwoord van Minister Helder (Langdurige Zorg en Sport) "
		  "(ontvangen 3 mei 2023).", "Minister Helder [VWS]",
		  "Langdurige Zorg en Sport", NULL },
		/* the acceptance case: grouped under JenV, quoted as written */
		{ "Antwoord van Minister Jetten (Klimaat en Energie), mede namens "
		  "de Minister voor Rechtsbescherming (ontvangen 3 mei 2023).",
		  "Minister Jetten [EZK] +JenV", "Klimaat en Energie",
		  "de Minister voor Rechtsbescherming" },
		{ "Antwoord van Minister Hermans (Klimaat en Groene Groei) "
		  "(ontvangen 12 augustus 2024).", "Minister Hermans [KGG]",
		  "Klimaat en Groene Groei", NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(questions) / sizeof(questions[0]); i++) {
		struct document *doc = empty_doc();
		char *text = xasprintf("Vragen van het lid A (X) aan %s over iets "
		    "(ingezonden %s).", questions[i].to, questions[i].date);

		assert_true(parse_header_questions(doc, text));
		assert_string_equal(describe_questions(doc), questions[i].want);
		assert_int_equal(doc->n_warnings, 0);
		free(text);
		model_free(doc);
	}
	for (size_t i = 0; i < sizeof(answers) / sizeof(answers[0]); i++) {
		struct document *doc = empty_doc();

		assert_true(parse_header_answer(doc, answers[i].text));
		assert_string_equal(describe_answer(doc), answers[i].want);
		assert_string_equal(doc->signatories[0].written, answers[i].written);
		if (answers[i].behalf)
			assert_string_equal(doc->signatories[0].on_behalf_written,
			    answers[i].behalf);
		assert_int_equal(doc->n_warnings, 0);
		model_free(doc);
	}
}

static void
test_header_questions_unknown_ministry(void **state)
{
	struct document *doc = empty_doc();

	(void)state;
	assert_true(parse_header_questions(doc,
	    "Vragen van het lid X (Y) aan de Minister van Toverkunst en van "
	    "Defensie over bezems (ingezonden 1 april 2024)."));
	assert_string_equal(describe_questions(doc), "X (Y) -> DEF");
	assert_int_equal(doc->n_warnings, 1);
	assert_non_null(strstr(doc->warnings[0].text, "Toverkunst"));
	assert_string_equal(doc->subject, "bezems");
	model_free(doc);
}

static void
test_header_not_a_header(void **state)
{
	struct document *doc = empty_doc();

	(void)state;
	assert_false(parse_header_questions(doc, ""));
	assert_false(parse_header_questions(doc, "Vraag 1"));
	assert_false(parse_header_questions(doc,
	    "Vragen gesteld door de leden der Kamer, met de daarop door de "
	    "regering gegeven antwoorden"));
	assert_false(parse_header_questions(doc, "Antwoord van Minister X (Defensie)."));
	assert_false(parse_header_answer(doc, ""));
	assert_false(parse_header_answer(doc, "Antwoord 1"));
	assert_false(parse_header_answer(doc, seed_questions));
	assert_int_equal(doc->n_questioners, 0);
	assert_int_equal(doc->n_signatories, 0);
	/* Begins like a header, but is not one: false, and a warning. */
	assert_false(parse_header_questions(doc, "Vragen van vandaag."));
	assert_int_equal(doc->n_warnings, 1);
	model_free(doc);
}

static void
test_header_answer_seeds(void **state)
{
	struct document *doc = empty_doc();

	(void)state;
	assert_true(parse_header_answer(doc,
	    "Antwoord van Minister-President Rutte (Algemene Zaken) "
	    "(ontvangen 15 februari 2024)."));
	assert_string_equal(describe_answer(doc), "Minister-President Rutte [AZ]");
	assert_string_equal(doc->ministry, "AZ");
	assert_string_equal(doc->received, "2024-02-15");
	assert_int_equal(doc->n_see_also, 0);
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);

	doc = empty_doc();
	assert_true(parse_header_answer(doc,
	    "Antwoord van Minister De Jonge (Binnenlandse Zaken en "
	    "Koninkrijksrelaties) en van Staatssecretaris Van Huffelen "
	    "(Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 16 februari "
	    "2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, "
	    "nr. 1047."));
	assert_string_equal(describe_answer(doc),
	    "Minister De Jonge [BZK]; Staatssecretaris Van Huffelen [BZK]");
	assert_string_equal(doc->ministry, "BZK");
	assert_string_equal(doc->received, "2024-02-16");
	assert_int_equal(doc->n_see_also, 1);
	assert_int_equal(doc->see_also[0].nr, 1047);
	assert_string_equal(doc->see_also[0].year, "2023–2024");
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

static void
test_header_answer_variants(void **state)
{
	static const struct {
		const char *text, *want, *ministry, *received;
	} cases[] = {
		{ "Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit "
		  "en Douane) (ontvangen 2 mei 2024).",
		  "Staatssecretaris Van Rij [FIN]", "FIN", "2024-05-02" },
		{ "Antwoord van Minister Schreinemacher (Buitenlandse Handel en "
		  "Ontwikkelingssamenwerking) (ontvangen 8 januari 2024).",
		  "Minister Schreinemacher [BZ]", "BZ", "2024-01-08" },
		{ "Antwoord van minister Van Gennip (Sociale Zaken en "
		  "Werkgelegenheid), mede namens de Minister voor Klimaat en "
		  "Energie en de Staatssecretaris van Financiën (ontvangen "
		  "9 oktober 2023).",
		  "Minister Van Gennip [SZW] +EZK +FIN", "SZW", "2023-10-09" },
		{ "Antwoord van Minister-President Rutte (ontvangen 1 juli 2023)",
		  "Minister-President Rutte [AZ]", "AZ", "2023-07-01" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct document *doc = empty_doc();

		assert_true(parse_header_answer(doc, cases[i].text));
		assert_string_equal(describe_answer(doc), cases[i].want);
		assert_string_equal(doc->ministry, cases[i].ministry);
		assert_string_equal(doc->received, cases[i].received);
		assert_int_equal(doc->n_warnings, 0);
		model_free(doc);
	}
}

/*
 * Co-signed answers: every signatory in the order written, with or without
 * "en (van)" between them, and each with the ministry as the header writes
 * it.  Constructed examples.
 */
static void
test_header_answer_cosigners(void **state)
{
	static const struct {
		const char *text, *want, *ministry, *written;
	} cases[] = {
		/* Published headers drop the "en" between two signatories. */
		{ "Antwoord van Minister Aalders (Economische Zaken) "
		  "Staatssecretaris Bakker (Binnenlandse Zaken en "
		  "Koninkrijksrelaties) (ontvangen 4 juni 2024).",
		  "Minister Aalders [EZ]; Staatssecretaris Bakker [BZK]", "EZ",
		  "Economische Zaken|Binnenlandse Zaken en Koninkrijksrelaties" },
		{ "Antwoord van Minister Aalders (Economische Zaken) en van "
		  "Minister Claes (Defensie) (ontvangen 4 juni 2024).",
		  "Minister Aalders [EZ]; Minister Claes [DEF]", "EZ",
		  "Economische Zaken|Defensie" },
		{ "Antwoord van Minister Claes (Defensie) en Minister Aalders "
		  "(Economische Zaken) (ontvangen 4 juni 2024).",
		  "Minister Claes [DEF]; Minister Aalders [EZ]", "DEF",
		  "Defensie|Economische Zaken" },
		/* Three, the last two without "en". */
		{ "Antwoord van Minister Claes (Defensie), Minister Aalders "
		  "(Economische Zaken) Staatssecretaris Dekker (Financiën – "
		  "Fiscaliteit en Douane) (ontvangen 4 juni 2024).",
		  "Minister Claes [DEF]; Minister Aalders [EZ]; "
		  "Staatssecretaris Dekker [FIN]", "DEF",
		  "Defensie|Economische Zaken|Financiën – Fiscaliteit en Douane" },
		/* A staatssecretaris of the minister's own ministry. */
		{ "Antwoord van Minister Claes (Defensie) Staatssecretaris Evers "
		  "(Defensie) (ontvangen 4 juni 2024).",
		  "Minister Claes [DEF]; Staatssecretaris Evers [DEF]", "DEF",
		  "Defensie|Defensie" },
		/* "mede namens" several, after the second of two signatories. */
		{ "Antwoord van Minister Claes (Defensie) Minister Aalders "
		  "(Economische Zaken), mede namens de Minister van Justitie en "
		  "Veiligheid en de Minister voor Klimaat en Energie (ontvangen "
		  "4 juni 2024).",
		  "Minister Claes [DEF]; Minister Aalders [EZ] +JenV +EZK", "DEF",
		  "Defensie|Economische Zaken" },
		/* "mede namens" after the first, then a second signatory. */
		{ "Antwoord van Minister Aalders (Economische Zaken), mede namens "
		  "de Minister van Defensie, de Minister voor Rechtsbescherming "
		  "en de Staatssecretaris van Financiën, en van Minister Claes "
		  "(Defensie) (ontvangen 4 juni 2024).",
		  "Minister Aalders [EZ] +DEF +JenV +FIN; Minister Claes [DEF]",
		  "EZ", "Economische Zaken|Defensie" },
		/* and without "en" after a "mede namens" list */
		{ "Antwoord van Minister Aalders (Economische Zaken), mede namens "
		  "de Minister van Defensie en de Minister voor Rechtsbescherming "
		  "Staatssecretaris Dekker (Financiën) (ontvangen 4 juni 2024).",
		  "Minister Aalders [EZ] +DEF +JenV; Staatssecretaris Dekker [FIN]",
		  "EZ", "Economische Zaken|Financiën" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct document *doc = empty_doc();
		char written[512] = "";

		assert_true(parse_header_answer(doc, cases[i].text));
		assert_string_equal(describe_answer(doc), cases[i].want);
		assert_string_equal(doc->ministry, cases[i].ministry);
		assert_string_equal(doc->received, "2024-06-04");
		for (size_t j = 0; j < doc->n_signatories; j++)
			cat(written, sizeof(written), "%s%s", j ? "|" : "",
			    doc->signatories[j].written ?
			    doc->signatories[j].written : "-");
		assert_string_equal(written, cases[i].written);
		assert_int_equal(doc->n_warnings, 0);
		model_free(doc);
	}
}

/*
 * The headers of the fourteen official PDFs in corpus-pdf/, as pdftotext
 * gives them with their line breaks joined.
 */
static const struct {
	const char *questions, *answer;
	const char *askers, *subject_start, *submitted;
	const char *signatories, *received;
	int see_also;
} real_headers[] = {
	{ "Vragen van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD) aan de Minister van Onderwijs, Cultuur en Wetenschap over het bericht «Kritiek op besluit provincie Friesland tegen actief regenboogbeleid» (ingezonden 6 maart 2024).",
	  "Antwoord van Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap) (ontvangen 25 maart 2024).",
	  "Mutluer (GroenLinks-PvdA); Kostić (PvdD) -> OCW", "het bericht «Kritiek", "2024-03-06",
	  "Minister Dijkgraaf [OCW]", "2024-03-25", 0 },
	{ "Vragen van het lid Erkens (VVD) aan de Minister van Klimaat en Groene Groei over de voortgang en procedure Delta Rhine Corridor (ingezonden 2 juli 2024).",
	  "Antwoord van Minister Hermans (Klimaat en Groene Groei) (ontvangen 23 juli 2024).",
	  "Erkens (VVD) -> KGG", "de voortgang en procedure", "2024-07-02",
	  "Minister Hermans [KGG]", "2024-07-23", 0 },
	{ "Vragen van het lid Westerveld (GroenLinks-PvdA) aan de Staatssecretaris en de Minister van Volksgezondheid, Welzijn en Sport over hulp aan jongeren en volwassenen met eetstoornissen (ingezonden 21 juni 2024).",
	  "Antwoord van Staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport – Jeugd, Preventie en Sport) (ontvangen 12 augustus 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147.",
	  "Westerveld (GroenLinks-PvdA) -> VWS", "hulp aan jongeren", "2024-06-21",
	  "Staatssecretaris Karremans [VWS]", "2024-08-12", 2147 },
	{ "Vragen van de leden Hirsch (GroenLinks-PvdA) en Teunissen (PvdA) aan de Staatssecretaris van Financiën en de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking over exportkredietverzekeringen voor de baggersector (ingezonden 4 april 2024).",
	  "Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en Belastingdienst), mede namens de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking (ontvangen 21 mei 2024).",
	  "Hirsch (GroenLinks-PvdA); Teunissen (PvdA) -> FIN, BZ (BHO)", "exportkredietverzekeringen voor", "2024-04-04",
	  "Staatssecretaris Van Rij [FIN] +BZ", "2024-05-21", 0 },
	{ "Vragen van het lid Van Nispen (SP) aan de Minister van Justitie en Veiligheid en de Staatssecretaris van Infrastructuur en Waterstaat over het bericht «In ruim 400 woonwijken ligt tot 10.000 kilo vuurwerk opgeslagen: «Dat is 400 keer heel gevaarlijk»» (ingezonden 29 maart 2024).",
	  "Antwoord van Staatssecretaris Heijnen (Infrastructuur en Waterstaat), mede namens de Minister van Justitie en Veiligheid (ontvangen 17 mei 2024).",
	  "Van Nispen (SP) -> JenV, IenW", "het bericht «In ruim 400", "2024-03-29",
	  "Staatssecretaris Heijnen [IenW] +JenV", "2024-05-17", 0 },
	{ "Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van Financiën over rekeninggluren (ingezonden 28 juni 2024).",
	  "Antwoord van Minister Heinen (Financiën) (ontvangen 29 augustus 2024)",
	  "Van der Lee (GroenLinks-PvdA) -> FIN", "rekeninggluren", "2024-06-28",
	  "Minister Heinen [FIN]", "2024-08-29", 0 },
	{ "Vragen van het lid Van Zanten (BBB) aan de Staatssecretaris van Onderwijs, Cultuur en Wetenschap over de reactie op de motie van het lid Van Zanten c.s. over geen subsidiebeleid voor inclusie en diversiteit met een dwingend karakter en een evenredigere verdeling van cultuursubsidies over Nederland (ingezonden 7 maart 2024).",
	  "Antwoord van Staatssecretaris Gräper-van Koolwijk (Onderwijs, Cultuur en Wetenschap) (ontvangen 5 april 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1379.",
	  "Van Zanten (BBB) -> OCW", "de reactie op de motie van het lid Van Zanten c.s. over geen", "2024-03-07",
	  "Staatssecretaris Gräper-van Koolwijk [OCW]", "2024-04-05", 1379 },
	{ "Vragen van het lid Crijns (PVV) aan de Staatssecretaris van Volksgezondheid Welzijn en Sport over het bericht «Aanbieders jeugdzorg komen niet of nauwelijks meer rond» (ingezonden 15 augustus 2024).",
	  "Antwoord van Staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport) (ontvangen 30 augustus 2024).",
	  "Crijns (PVV) -> VWS", "het bericht «Aanbieders", "2024-08-15",
	  "Staatssecretaris Karremans [VWS]", "2024-08-30", 0 },
	{ "Vragen van de leden Bushoff en Patijn(beiden GroenLinks-PvdA) aan de Ministers van Sociale Zaken en Werkgelegenheid en van Volksgezondheid, Welzijn en Sport over het bericht «Erkenning van longcovid voor WIA-uitkering gaat vaak mis: «Beoordeling bij driekwart van de patiënten onvoldoende»» (ingezonden 5 juli 2024).",
	  "Antwoord van Minister Van Hijum (Sociale Zaken en Werkgelegenheid), mede namens de Minister van Volksgezondheid, Welzijn en Sport (ontvangen 22 augustus 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2166.",
	  "Bushoff (GroenLinks-PvdA); Patijn (GroenLinks-PvdA) -> SZW, VWS", "het bericht «Erkenning", "2024-07-05",
	  "Minister Van Hijum [SZW] +VWS", "2024-08-22", 2166 },
	{ "Vragen van het lid Klaver (GroenLinks-PvdA) aan de Minister van Buitenlandse Zaken over het bericht dat Corendon Russische toeristen naar de zon blijft vliegen (ingezonden 18 april 2024).",
	  "Antwoord van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen 3 juni 2024).",
	  "Klaver (GroenLinks-PvdA) -> BZ", "het bericht dat Corendon", "2024-04-18",
	  "Minister Bruins Slot [BZ]", "2024-06-03", 0 },
	{ "Vragen van het lid Sneller (D66) aan de Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties en de Minister van Justitie en Veiligheid over quantumproof encryptie (ingezonden 16 januari 2024).",
	  "Antwoord van Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 7 maart 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, 1028",
	  "Sneller (D66) -> BZK, JenV", "quantumproof encryptie", "2024-01-16",
	  "Staatssecretaris Van Huffelen [BZK]", "2024-03-07", 1028 },
	{ "Vragen van het lid Dobbe (SP) aan de Minister van Volksgezondheid, Welzijn en Sport over het bericht «Jos de Blok: «VWS en NZa hebben Buurtzorg stelselmatig buitengesloten»» (ingezonden 7 mei 2024).",
	  "Antwoord van Minister Helder (Volksgezondheid, Welzijn en Sport) (ontvangen 13 juni 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1848",
	  "Dobbe (SP) -> VWS", "het bericht «Jos de Blok", "2024-05-07",
	  "Minister Helder [VWS]", "2024-06-13", 1848 },
	{ "Vragen van het lid Van Eijk en Aartsen (beiden VVD) aan de Staatssecretaris van Financiën en de Minister van Sociale Zaken en Werkgelegenheid over het bericht van de Hoge Raad: «Gratis verstrekking gezonde lunchmaaltijden aan werknemers valt voor de loonbelasting onder de gerichte vrijstelling voor Arbovoorzieningen» (ingezonden 29 mei 2024).",
	  "Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en Belastingdienst), mede namens de Minister van Sociale Zaken en Werkgelegenheid (ontvangen 14 juni 2024)",
	  "Van Eijk (VVD); Aartsen (VVD) -> FIN, SZW", "het bericht van de Hoge Raad", "2024-05-29",
	  "Staatssecretaris Van Rij [FIN] +SZW", "2024-06-14", 0 },
	{ "Vragen van het lid Inge vanDijk (CDA) aan de Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties over het bericht «Ombudsman: Overheid dwingt burgers tot fraude» (ingezonden 13 december 2023).",
	  "Antwoord van Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 26 januari 2024).",
	  "Inge vanDijk (CDA) -> BZK", "het bericht «Ombudsman", "2023-12-13",
	  "Staatssecretaris Van Huffelen [BZK]", "2024-01-26", 0 },
};

static void
test_header_real_pdfs(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(real_headers) / sizeof(real_headers[0]); i++) {
		struct document *doc = empty_doc();

		assert_true(parse_header_questions(doc, real_headers[i].questions));
		assert_string_equal(describe_questions(doc), real_headers[i].askers);
		assert_non_null(doc->subject);
		assert_memory_equal(doc->subject, real_headers[i].subject_start,
		    strlen(real_headers[i].subject_start));
		assert_string_equal(doc->submitted, real_headers[i].submitted);

		assert_true(parse_header_answer(doc, real_headers[i].answer));
		assert_string_equal(describe_answer(doc), real_headers[i].signatories);
		assert_string_equal(doc->ministry, doc->signatories[0].ministry);
		assert_string_equal(doc->received, real_headers[i].received);
		if (real_headers[i].see_also) {
			assert_int_equal(doc->n_see_also, 1);
			assert_int_equal(doc->see_also[0].nr, real_headers[i].see_also);
			assert_string_equal(doc->see_also[0].year, "2023–2024");
		} else
			assert_int_equal(doc->n_see_also, 0);
		assert_int_equal(doc->n_warnings, 0);
		model_free(doc);
	}
}

/* ------------------------------------------------------- shared helpers */

static void
test_continues(void **state)
{
	(void)state;
	assert_true(parse_continues("De in het", "antwoord op vraag 1 genoemde"));
	assert_true(parse_continues("steunen wij Simone Roos en haar team bij hun ",
	    "krachtige besluit."));
	assert_true(parse_continues("zoals de", "één van de partijen"));
	assert_false(parse_continues("Het debat willen voeren", "Ambtenaren moeten"));
	assert_false(parse_continues("Dat is zo.", "en dan nog dit"));
	assert_false(parse_continues("Is dat zo?”", "nee"));
	assert_false(parse_continues("Het volgende:", "een lijst"));
	assert_false(parse_continues("", "en"));
	assert_false(parse_continues("De in het", "«Kritiek»"));
	assert_false(parse_continues("De in het", "2024"));
	assert_false(parse_continues("De in het", "Één"));
}

static void
test_join_continued(void **state)
{
	char *prev = xstrdup("De in het");
	char *next = xstrdup("antwoord op vraag 1 genoemde");
	char *other = xstrdup("Een nieuwe alinea.");
	struct parse_join join = { 0 };

	(void)state;
	assert_true(parse_join_continued(&join, &prev, next));
	assert_string_equal(prev, "De in het antwoord op vraag 1 genoemde");
	assert_false(parse_join_continued(&join, &prev, other));
	assert_string_equal(prev, "De in het antwoord op vraag 1 genoemde");
	assert_string_equal(other, "Een nieuwe alinea.");
	free(prev);
	free(other);
}

/* ------------------------------------------------------------ detection */

static struct document *
parse_seed(const char *path, const char *format)
{
	struct document *doc = NULL;
	struct error err = { "" };
	size_t len;
	char *raw = test_read_file(path, &len);

	assert_int_equal(parse_document(raw, len, format, &doc, &err), STATUS_OK);
	assert_non_null(doc);
	free(raw);
	return doc;
}

static void
test_detect_seeds(void **state)
{
	struct document *doc;
	size_t len;
	char *raw;

	(void)state;
	doc = parse_seed(SEED_MARKDOWN, NULL);
	assert_string_equal(doc->format, "markdown");
	model_free(doc);
	doc = parse_seed(SEED_LETTER, NULL);
	assert_string_equal(doc->format, "letter");
	model_free(doc);

	/* The PDF text has no marks: markdown leaves it to pdftext. */
	raw = test_read_file(SEED_PDFTEXT, &len);
	assert_int_equal(parser_markdown.probe(raw, len), 0);
	assert_int_equal(parser_letter.probe(raw, len), 1);
	free(raw);
	raw = test_read_file(SEED_MARKDOWN, &len);
	assert_true(parser_markdown.probe(raw, len) > parser_letter.probe(raw, len));
	free(raw);
	raw = test_read_file(SEED_LETTER, &len);
	assert_int_equal(parser_markdown.probe(raw, len), 0);
	assert_true(parser_letter.probe(raw, len) > 1);
	free(raw);
}

static void
test_bad_input(void **state)
{
	static const struct {
		const char *raw;
		size_t len;
		const char *format;
		enum status want;
	} cases[] = {
		{ "", 0, NULL, STATUS_EMPTY },
		{ " \n\t\r\n", 5, NULL, STATUS_EMPTY },
		{ "Vraag 1\0Antwoord 1", 18, NULL, STATUS_BINARY },
		{ "Vraag 1\n\xff\xfe", 10, NULL, STATUS_NOT_UTF8 },
		{ "Geachte heer \xc3\x28,", 16, NULL, STATUS_NOT_UTF8 },
		{ "#### Vraag 1\n\nJa?", 17, "docx", STATUS_USAGE },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct document *doc = (struct document *)&doc;
		struct error err = { "" };

		assert_int_equal(parse_document(cases[i].raw, cases[i].len,
		    cases[i].format, &doc, &err), cases[i].want);
		assert_null(doc);
		assert_true(err.msg[0] != '\0');
	}
}

/* The invariants every parsed document keeps. */
static void
check_passages(const struct document *doc)
{
	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];
		size_t w = strcspn(p->text, " ");
		char *word = xstrndup(p->text, w);
		char *range;

		assert_true(p->text[0] != '\0');
		assert_null(strchr(p->text, '\n'));
		assert_null(strstr(p->text, "  "));
		assert_true(p->start < p->end);
		assert_true(p->end <= doc->raw_len);
		range = xstrndup(doc->raw + p->start, p->end - p->start);
		assert_non_null(strstr(range, word));
		free(range);
		free(word);
		if (i > 0)
			assert_true(p->start >= doc->passages[i - 1].end);
	}
}

/* ------------------------------------------------------------- markdown */

/* The passage of role and vraag number n (the k-th such, from 0). */
static const struct passage *
find_passage(const struct document *doc, enum role role, int n, int k)
{
	for (size_t i = 0; i < doc->n_passages; i++)
		if (doc->passages[i].role == role && doc->passages[i].vraag == n &&
		    k-- == 0)
			return &doc->passages[i];
	return NULL;
}

static size_t
count_role(const struct document *doc, enum role role, int n)
{
	size_t c = 0;

	for (size_t i = 0; i < doc->n_passages; i++)
		if (doc->passages[i].role == role &&
		    (n < 0 || doc->passages[i].vraag == n))
			c++;
	return c;
}

static void
test_markdown_seed(void **state)
{
	struct document *doc = parse_seed(SEED_MARKDOWN, NULL);
	const struct passage *p;

	(void)state;
	assert_int_equal(doc->kind, DOC_ANSWER);
	assert_int_equal(doc->n_vragen, 9);
	assert_int_equal(doc->aanhangsel, 1059);
	assert_string_equal(doc->ministry, "BZK");
	assert_string_equal(doc->received, "2024-02-16");
	assert_string_equal(doc->submitted, "2024-01-29");
	assert_string_equal(describe_questions(doc),
	    "Eerdmans (JA21) -> AZ, BZK, BZ, DEF, EZK, FIN, IenW, JenV, LNV, "
	    "OCW, SZW, VWS");
	assert_string_equal(doc->subject,
	    "bijeenkomsten met ambtenaren naar aanleiding van de "
	    "verkiezingsuitslag van 22 november 2023");
	assert_string_equal(describe_answer(doc),
	    "Minister De Jonge [BZK]; Staatssecretaris Van Huffelen [BZK]");
	assert_int_equal(doc->n_see_also, 1);
	assert_int_equal(doc->see_also[0].nr, 1047);
	assert_int_equal(doc->n_warnings, 0);

	for (int n = 1; n <= 9; n++) {
		assert_int_equal(count_role(doc, ROLE_VRAAG, n), 1);
		assert_true(count_role(doc, ROLE_ANTWOORD, n) >= 1);
	}
	assert_int_equal(count_role(doc, ROLE_OTHER, -1), 0);
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 1, 0)->text, "Ja.");
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 9, 0)->text, "Ja.");

	/* Cut by a stray blank line, put together again. */
	assert_int_equal(count_role(doc, ROLE_ANTWOORD, 2), 1);
	p = find_passage(doc, ROLE_ANTWOORD, 2, 0);
	assert_non_null(strstr(p->text,
	    "De in het antwoord op vraag 1 genoemde bijeenkomsten"));
	assert_non_null(strstr(doc->raw + p->end - 20, "bekend was."));

	/* Two real paragraphs stay two. */
	assert_int_equal(count_role(doc, ROLE_ANTWOORD, 8), 2);
	assert_memory_equal(find_passage(doc, ROLE_ANTWOORD, 8, 1)->text,
	    "Een sociaal veilige werkomgeving", 32);

	assert_string_equal(find_passage(doc, ROLE_VRAAG, 3, 0)->text,
	    "Is het waar dat tijdens deze bijeenkomsten ambtenaren konden "
	    "aangeven wat er voor hen in hun werkhouding zou veranderen naar "
	    "aanleiding van de verkiezingsuitslag of na een eventueel door de "
	    "winnende partijen te vormen coalitie?");
	assert_string_equal(find_passage(doc, ROLE_VRAAG, 5, 0)->text,
	    "Beseft u dat ambtenaren die op één van de partijen hebben gestemd "
	    "die hebben gewonnen hierdoor in een moeilijke positie worden "
	    "geplaatst ten aanzien van hun collega's? Deelt u de mening dat "
	    "dit zeer ongewenst is?");

	/* The headers are passages of their own, without markup. */
	assert_string_equal(doc->passages[0].text,
	    "Vragen gesteld door de leden der Kamer, met de daarop door de "
	    "regering gegeven antwoorden");
	assert_int_equal(doc->passages[0].role, ROLE_HEADER);
	assert_int_equal(count_role(doc, ROLE_HEADER, 0), 4);
	assert_memory_equal(doc->passages[2].text,
	    "Vragen van het lid Eerdmans (JA21) aan de Minister-President", 60);
	for (size_t i = 0; i < doc->n_passages; i++) {
		const char *t = doc->passages[i].text;

		assert_null(strstr(t, "**"));
		assert_null(strstr(t, "####"));
		assert_null(strchr(t, '*'));
		assert_true(t[0] != '#');
		if (doc->passages[i].role == ROLE_VRAAG ||
		    doc->passages[i].role == ROLE_ANTWOORD) {
			assert_true(doc->passages[i].vraag >= 1);
			assert_int_equal(doc->passages[i].vraag_to,
			    doc->passages[i].vraag);
		}
	}
	check_passages(doc);
	model_free(doc);
}

static void
test_markdown_variants(void **state)
{
	static const char text[] =
		"# Aanhangsel\n"
		"\n"
		"Vragen van het lid **Omtzigt** (NSC) aan de Minister van "
		"Financiën over *de toeslagen* (ingezonden 1 maart 2024).\n"
		"\n"
		"Antwoord van Minister **Heinen** (Financiën) (ontvangen\n"
		"3 april 2024).\n"
		"\n"
		"Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 999.\n"
		"\n"
		"**Vraag 1:** Bent u bekend met het *bericht* «Toeslagen\n"
		"kloppen niet»?\n"
		"\n"
		"**Antwoord 1:** Ja, maar \\*niet\\* met alles. Een * blijft.\n"
		"\n"
		"## Vraag 10 en 11\n"
		"Wat doet u?\n"
		"\n"
		"Antwoord:\n"
		"\n"
		"Niets.\n";
	struct document *doc = NULL;
	struct error err;
	const struct passage *p;

	(void)state;
	assert_int_equal(parse_document(text, strlen(text), NULL, &doc, &err),
	    STATUS_OK);
	assert_string_equal(doc->format, "markdown");
	assert_int_equal(doc->kind, DOC_ANSWER);
	assert_int_equal(doc->n_vragen, 11);
	assert_string_equal(describe_questions(doc), "Omtzigt (NSC) -> FIN");
	assert_string_equal(doc->subject, "de toeslagen");
	p = find_passage(doc, ROLE_VRAAG, 1, 0);
	assert_string_equal(p->text,
	    "Bent u bekend met het bericht «Toeslagen kloppen niet»?");
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 1, 0)->text,
	    "Ja, maar *niet* met alles. Een * blijft.");
	p = find_passage(doc, ROLE_VRAAG, 10, 0);
	assert_string_equal(p->text, "Wat doet u?");
	assert_int_equal(p->vraag_to, 11);
	p = find_passage(doc, ROLE_ANTWOORD, 10, 0);
	assert_string_equal(p->text, "Niets.");
	assert_int_equal(p->vraag_to, 11);
	/* "Zie ook" in a paragraph of its own belongs to the answer header. */
	assert_string_equal(describe_answer(doc), "Minister Heinen [FIN]");
	assert_string_equal(doc->received, "2024-04-03");
	assert_int_equal(doc->n_see_also, 1);
	assert_int_equal(doc->see_also[0].nr, 999);
	assert_int_equal(count_role(doc, ROLE_HEADER, 0), 3);
	assert_string_equal(doc->passages[2].text,
	    "Antwoord van Minister Heinen (Financiën) (ontvangen 3 april 2024). "
	    "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 999.");
	assert_int_equal(doc->n_warnings, 0);
	check_passages(doc);
	model_free(doc);
}

static void
test_markdown_questions_only(void **state)
{
	static const char text[] =
		"## Vraag 1\n\nKlopt het?\n\n## Vraag 2\n\nWaarom?\n";
	struct document *doc = NULL;
	struct error err;

	(void)state;
	assert_int_equal(parse_document(text, strlen(text), "markdown", &doc, &err),
	    STATUS_OK);
	assert_int_equal(doc->kind, DOC_QUESTIONS);
	assert_int_equal(doc->n_vragen, 2);
	assert_int_equal(count_role(doc, ROLE_VRAAG, -1), 2);
	/* No "Vragen van" header: imported, with a warning. */
	assert_int_equal(doc->n_warnings, 1);
	assert_non_null(strstr(doc->warnings[0].text, "Vragen van"));
	check_passages(doc);
	model_free(doc);
}

/*
 * The Markdown form of Aanhangsel 2367's "Vraag 3, 4, 5 en 6": a paragraph
 * per question, as many as numbers, so each number gets its own; the
 * answer stays one.  Where the counts differ every paragraph keeps all.
 */
/*
 * The headings that the markdown parser reads since it shares the reader
 * of the pdftext parser (heading.c): "Antwoorden" over one answer to
 * several vragen, a list with a comma left out, a bare "Vraag:" (the
 * next vraag).  A lower-case "vraag 7" and "Vraag 2024" are no headings.
 */
static void
test_markdown_headings(void **state)
{
	static const char text[] =
		"# Aanhangsel\n"
		"\n"
		"Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn "
		"over het bericht (ingezonden 1 maart 2024).\n"
		"\n"
		"Antwoord van Minister Pietersen (Financi\u00ebn) (ontvangen 2 april "
		"2024).\n"
		"\n"
		"#### Vraag 1\n"
		"\n"
		"Wat?\n"
		"\n"
		"#### Antwoord 1\n"
		"\n"
		"Dit.\n"
		"\n"
		"#### Vraag 2, 3 4 en 5\n"
		"\n"
		"Vier vragen in een?\n"
		"\n"
		"#### Antwoorden 2 t/m 5\n"
		"\n"
		"Een antwoord op vier vragen.\n"
		"\n"
		"Vraag:\n"
		"\n"
		"Een vraag zonder nummer?\n"
		"\n"
		"Antwoord:\n"
		"\n"
		"Ook zonder nummer.\n"
		"\n"
		"vraag 7\n"
		"\n"
		"Vraag 2024\n";
	struct document *doc = NULL;
	struct error err;
	const struct passage *p;

	(void)state;
	assert_int_equal(parse_document(text, strlen(text), NULL, &doc, &err),
	    STATUS_OK);
	assert_string_equal(doc->format, "markdown");
	assert_int_equal(doc->n_vragen, 6);
	p = find_passage(doc, ROLE_VRAAG, 2, 0);
	assert_string_equal(p->text, "Vier vragen in een?");
	assert_int_equal(p->vraag_to, 5);
	p = find_passage(doc, ROLE_ANTWOORD, 2, 0);
	assert_string_equal(p->text, "Een antwoord op vier vragen.");
	assert_int_equal(p->vraag_to, 5);
	assert_string_equal(find_passage(doc, ROLE_VRAAG, 6, 0)->text,
	    "Een vraag zonder nummer?");
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 6, 0)->text,
	    "Ook zonder nummer.");
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 6, 1)->text,
	    "vraag 7");
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 6, 2)->text,
	    "Vraag 2024");
	assert_int_equal(count_role(doc, ROLE_VRAAG, 7), 0);
	check_passages(doc);
	model_free(doc);
}

static void
test_markdown_combined(void **state)
{
	static const char text[] =
		"Vragen van het lid **Van der Lee** (GroenLinks-PvdA) aan de Minister van "
		"Financiën over rekeninggluren (ingezonden 28 juni 2024).\n\n"
		"Antwoord van Minister Heinen (Financiën) (ontvangen 29 augustus 2024)\n\n"
		"#### Vraag 3, 4, 5 en 6\n\n"
		"Herkent u het beeld dat Bunq-bank verzaakt?\n\n"
		"Herkent u het beeld dat rekeninggluren bij Bunq-bank wijdverspreid is, dat "
		"privacyschendingen geen prioriteit hebben en waarschuwingen hierover zijn "
		"genegeerd door de top?\n\n"
		"Wat vindt u ervan dat de situatie al sinds 2022 bekend is bij de bank en dat "
		"de situatie nog steeds bestaat? Wat vindt u ervan dat het monitoren van de "
		"inzage van gegevens gewoon mogelijk was, maar dat dit niet is gebeurd?\n\n"
		"Deelt u de opvatting dat Bunq-bank zelf ook een verantwoordelijkheid heeft, "
		"in plaats van deze te leggen bij de individuele medewerkers?\n\n"
		"#### Antwoord 3, 4, 5 en 6\n\n"
		"Ik kan niet ingaan op de exacte omstandigheden van individuele gevallen.\n\n"
		"#### Vraag 7 en 8\n\n"
		"Wat gaat u doen?\n\n"
		"Kunt u bij antwoord 7 de maatregelen betrekken?\n\n"
		"Welke andere maatregelen zijn mogelijk?\n\n"
		"#### Antwoord 7 en 8\n\n"
		"DNB is wettelijk verplicht tot geheimhouding.\n";
	struct document *doc = NULL;
	struct error err;
	const struct passage *p;

	(void)state;
	assert_int_equal(parse_document(text, strlen(text), NULL, &doc, &err),
	    STATUS_OK);
	assert_string_equal(doc->format, "markdown");
	assert_string_equal(find_passage(doc, ROLE_VRAAG, 3, 0)->text,
	    "Herkent u het beeld dat Bunq-bank verzaakt?");
	for (int v = 3; v <= 6; v++) {
		p = find_passage(doc, ROLE_VRAAG, v, 0);
		assert_non_null(p);
		assert_int_equal(p->vraag_to, v);
		assert_int_equal(count_role(doc, ROLE_VRAAG, v), 1);
	}
	assert_true(strncmp(find_passage(doc, ROLE_VRAAG, 6, 0)->text,
	    "Deelt u de opvatting", 20) == 0);
	p = find_passage(doc, ROLE_ANTWOORD, 3, 0);
	assert_int_equal(p->vraag_to, 6);
	assert_int_equal(count_role(doc, ROLE_ANTWOORD, 4), 0);
	/* Three paragraphs under two numbers: all three under both. */
	assert_int_equal(count_role(doc, ROLE_VRAAG, 7), 3);
	assert_int_equal(find_passage(doc, ROLE_VRAAG, 7, 2)->vraag_to, 8);
	assert_int_equal(doc->n_vragen, 8);
	check_passages(doc);
	model_free(doc);
}

/* A mededeling in Markdown: the header read, its words kept as its body. */
static void
test_markdown_mededeling(void **state)
{
	static const char text[] =
		"# Aanhangsel\n\n"
		"Vragen van het lid **Van der Lee** (GroenLinks-PvdA) aan de Minister van "
		"Financiën over rekeninggluren (ingezonden 28 juni 2024).\n\n"
		"Mededeling van Minister **Heinen** (Financiën) (ontvangen 19 juli 2024)\n\n"
		"De vragen van het lid Van der Lee (GroenLinks-PvdA) kunnen niet binnen de\n"
		"gebruikelijke termijn worden beantwoord.\n\n"
		"Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.\n";
	struct document *doc = NULL;
	struct error err;

	(void)state;
	assert_int_equal(parse_document(text, strlen(text), NULL, &doc, &err),
	    STATUS_OK);
	assert_string_equal(doc->format, "markdown");
	assert_int_equal(doc->kind, DOC_MEDEDELING);
	assert_string_equal(describe_questions(doc), "Van der Lee (GroenLinks-PvdA) -> FIN");
	assert_string_equal(describe_answer(doc), "Minister Heinen [FIN]");
	assert_string_equal(doc->received, "2024-07-19");
	assert_int_equal(count_role(doc, ROLE_BODY, 0), 2);
	assert_string_equal(find_passage(doc, ROLE_BODY, 0, 1)->text,
	    "Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.");
	assert_int_equal(count_role(doc, ROLE_OTHER, -1), 0);
	assert_int_equal(doc->n_warnings, 0);
	check_passages(doc);
	model_free(doc);
}

/* ------------------------------------------------------ document numbers */

static void
test_vergaderjaar_and_pubid(void **state)
{
	static const struct {
		const char *in;
		const char *year;	/* NULL: none */
		size_t len;
	} years[] = {
		{ "2023\u20132024, Aanhangsel", "2023/24", 11 },
		{ "2023-2024", "2023/24", 9 },
		{ "2023/2024", "2023/24", 9 },
		{ "2023/24", "2023/24", 7 },
		{ "20232024", "2023/24", 8 },
		{ "2023 2024", "2023/24", 9 },
		{ "1999-2000", "1999/00", 9 },
		{ "2023-2025", NULL, 0 },
		{ "2023", NULL, 0 },
		{ "202320245", NULL, 0 },
	};
	static const struct {
		const char *in;
		int nr;
		const char *year;
	} ids[] = {
		{ "ah-tk-20232024-387", 387, "2023/24" },
		{ "ah-ek-20082009-14", 14, "2008/09" },
		{ "ah-tk-20072008-2031-h1", 2031, "2007/08" },
		{ "ah tk 20232024 387", 387, "2023/24" },
		{ "h tk 20232024 387 Antwoord 3", 387, "2023/24" },
		{ "AH-TK-20232024-387", 387, "2023/24" },
		{ "h tk 2023 387", 0, NULL },
		{ "ah-tk-20232024-", 0, NULL },
		{ "ah-tk 20232024-387", 0, NULL },
		{ "h tk 20232025 387", 0, NULL },
		{ "the tk 20232024 387", 0, NULL },
	};
	char year[DATE_VERGADERJAAR_SIZE];

	(void)state;
	for (size_t i = 0; i < COUNT(years); i++) {
		size_t at = 0;
		bool ok = parse_vergaderjaar(years[i].in, strlen(years[i].in),
		    &at, year);

		assert_int_equal(ok, years[i].year != NULL);
		if (ok) {
			assert_string_equal(year, years[i].year);
			assert_int_equal(at, years[i].len);
		} else
			assert_int_equal(at, 0);
	}
	for (size_t i = 0; i < COUNT(ids); i++) {
		size_t len = 0;
		int nr = parse_pubid(ids[i].in, strlen(ids[i].in), &len, year);

		assert_int_equal(nr, ids[i].nr);
		if (nr)
			assert_string_equal(year, ids[i].year);
	}
	{
		static const char footer[] =
		    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel";
		static const char cover[] = "Vergaderjaar 2022\u20132023";
		static const char chamber[] = "Tweede Kamer der Staten-Generaal";

		assert_true(parse_furniture_year(footer, strlen(footer), year));
		assert_string_equal(year, "2023/24");
		assert_true(parse_furniture_year(cover, strlen(cover), year));
		assert_string_equal(year, "2022/23");
		assert_false(parse_furniture_year(chamber, strlen(chamber),
		    year));
	}
}

/*
 * The chamber a document shows on lines of its own: its identifier, its
 * cover, its running footer.  A footnote that cites the other chamber's
 * papers says nothing of the document's own.
 */
static void
test_chamber(void **state)
{
	static const struct {
		const char *text;
		enum chamber chamber;
	} cases[] = {
		{ "ah-ek-20232024-12\n\nVragen van het lid ...", CHAMBER_EK },
		{ "h ek 20232024 12\nVraag 1", CHAMBER_EK },
		{ "## Eerste Kamer der Staten-Generaal\n\nVraag 1", CHAMBER_EK },
		{ "ah-tk-20232024-387\nVraag 1", CHAMBER_TK },
		{ "Tweede Kamer der Staten-Generaal\n", CHAMBER_TK },
		{ "Vraag 1\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2\n",
		  CHAMBER_TK },
		{ "Vraag 1\n1 Eerste Kamer, vergaderjaar 2022–2023, 36 000, nr. 5\n",
		  CHAMBER_UNKNOWN },
		{ "Zie de Eerste Kamer der Staten-Generaal van gisteren.\n",
		  CHAMBER_UNKNOWN },
		{ "Eerste Kamer der Staten-Generaal\nah-tk-20232024-387\n",
		  CHAMBER_UNKNOWN },
		{ "### 1059\n\nVragen van het lid ...", CHAMBER_UNKNOWN },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (parse_chamber(cases[i].text, strlen(cases[i].text)) !=
		    cases[i].chamber)
			fail_msg("case %zu: %s", i, cases[i].text);
}

/*
 * A Markdown conversion of a published answer (issue 16): the cover's
 * numbers as headings, the page number "2" before the document number
 * "387"; the running footer gives the vergaderjaar.
 */
static void
test_markdown_document_number(void **state)
{
	static const char text[] =
		"Tweede Kamer der Staten-Generaal\n\n"
		"Vergaderjaar 2023\u20132024\n\n"
		"## 2\n\n"
		"Aanhangsel van de Handelingen\n\n"
		"## 387\n\n"
		"Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn "
		"over het bericht (ingezonden 1 maart 2024).\n\n"
		"Antwoord van Minister Pietersen (Financi\u00ebn) (ontvangen 2 april "
		"2024).\n\n"
		"## Vraag 1\n\nWat?\n\n## Antwoord 1\n\nDit.\n\n"
		"Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel\n\n"
		"## 1\n\n-----\n\n"
		"## Vraag 2\n\nWaarom?\n\n## Antwoord 2\n\nDaarom.\n";
	/* Only page numbers: no document number. */
	static const char pages[] =
		"Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn "
		"over het bericht (ingezonden 1 maart 2024).\n\n"
		"Antwoord van Minister Pietersen (Financi\u00ebn) (ontvangen 2 april "
		"2024).\n\n"
		"## Vraag 1\n\nWat?\n\n## Antwoord 1\n\nDit.\n\n"
		"-----\n\n## 2\n\n"
		"## Vraag 2\n\nWaarom?\n\n## Antwoord 2\n\nDaarom.\n";
	/* A page break before the only number: the page's. */
	static const char broken[] =
		"* * *\n\n3\n\n"
		"Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn "
		"over het bericht (ingezonden 1 maart 2024).\n\n"
		"## Vraag 1\n\nWat?\n\n## Vraag 2\n\nWaarom?\n";
	/* The squeezed identifier wins over any number, wherever it stands. */
	static const char squeezed[] =
		"## 2\n\n## 12\n\n"
		"Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn "
		"over het bericht (ingezonden 1 maart 2024).\n\n"
		"## Vraag 1\n\nWat?\n\n## Vraag 2\n\nWaarom?\n\n"
		"h tk 20232024 387\n";
	struct document *doc = NULL;
	struct error err;

	(void)state;
	assert_int_equal(parse_document(text, strlen(text), NULL, &doc, &err),
	    STATUS_OK);
	assert_string_equal(doc->format, "markdown");
	assert_int_equal(doc->aanhangsel, 387);
	assert_string_equal(doc->vergaderjaar, "2023/24");
	model_free(doc);

	assert_int_equal(parse_document(pages, strlen(pages), NULL, &doc, &err),
	    STATUS_OK);
	assert_string_equal(doc->format, "markdown");
	assert_int_equal(doc->aanhangsel, 0);
	assert_string_equal(doc->vergaderjaar, "");
	model_free(doc);

	assert_int_equal(parse_document(broken, strlen(broken), "markdown",
	    &doc, &err), STATUS_OK);
	assert_int_equal(doc->aanhangsel, 0);
	model_free(doc);

	assert_int_equal(parse_document(squeezed, strlen(squeezed), NULL, &doc,
	    &err), STATUS_OK);
	assert_int_equal(doc->aanhangsel, 387);
	assert_string_equal(doc->vergaderjaar, "2023/24");
	model_free(doc);
}

/* ------------------------------------------------- conversions (issue 16) */

#define CONV_HEAD \
	"Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn " \
	"over het bericht \u00abBelasting\u00bb (ingezonden 1 maart 2024).\n\n" \
	"Antwoord van Minister Pietersen (Financi\u00ebn) (ontvangen 2 april " \
	"2024).\n\n"

static struct document *
parse_md(const char *text)
{
	struct document *doc = NULL;
	struct error err = { "" };

	if (parse_document(text, strlen(text), "markdown", &doc, &err) !=
	    STATUS_OK)
		fail_msg("parse failed: %s", err.msg);
	check_passages(doc);
	return doc;
}

static bool
any_text_has(const struct document *doc, const char *needle)
{
	for (size_t i = 0; i < doc->n_passages; i++)
		if (strstr(doc->passages[i].text, needle))
			return true;
	return false;
}

/*
 * Page separators of converters ("-----", "* * *", "___", a form feed)
 * are no text, and a paragraph that a page break cut is one again.
 */
static void
test_conversion_page_breaks(void **state)
{
	struct document *doc = parse_md(CONV_HEAD
	    "## Vraag 1\n\nWat kost het?\n\n## Antwoord 1\n\n"
	    "De kosten van de regeling zijn in\n\n-----\n\n"
	    "het eerste jaar laag.\n\n"
	    "## Vraag 2\n\nWaarom?\n\n* * *\n\n## Antwoord 2\n\nDaarom.\n\n"
	    "___\n\n\f\n\n## Vraag 3\n\nWanneer?\n\n## Antwoord 3\n\nNu.\n");

	(void)state;
	assert_int_equal(doc->n_vragen, 3);
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 1, 0)->text,
	    "De kosten van de regeling zijn in het eerste jaar laag.");
	assert_int_equal(count_role(doc, ROLE_ANTWOORD, 1), 1);
	assert_string_equal(find_passage(doc, ROLE_VRAAG, 2, 0)->text, "Waarom?");
	assert_int_equal(count_role(doc, ROLE_VRAAG, 2), 1);
	assert_int_equal(count_role(doc, ROLE_OTHER, -1), 0);
	assert_false(any_text_has(doc, "---"));
	assert_false(any_text_has(doc, "* *"));
	assert_false(any_text_has(doc, "___"));
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/*
 * Page furniture as converters leave it: the running footer and the page
 * number after it (a heading or a line), the identifier squeezed to
 * lower case ("h tk 20232024 387", "ah tk ..."), the cover lines.  None
 * of it is text; the cover's headings stay header passages.
 */
/*
 * The questions as the Kamer prints them: their Zaak number above the
 * header, and their KOOP id at the foot of a page, in a PDF's text and in
 * a conversion.  Identifiers, not text: no warning, no passage of them.
 * A Zaak number within a sentence stays.
 */
static void
test_questions_zaak_number(void **state)
{
	static const char head[] =
		"Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn "
		"over de bankrekening (ingezonden 3 maart 2024).\n\n";
	static const char *const forms[] = { "pdftext", "markdown" };
	char text[1024];

	(void)state;
	for (size_t f = 0; f < 2; f++) {
		struct document *doc = NULL;
		struct error err = { "" };

		snprintf(text, sizeof(text), "%s2024Z03456\n\n%s%s\n\n"
		    "Klopt het bericht 2024Z09999 over de bank?\n\n"
		    "kv-tk-2024Z03456\n\n%s\n\nWaarom?\n",
		    f ? "" : " ", head, f ? "## Vraag 1" : "Vraag 1",
		    f ? "## Vraag 2" : "Vraag 2");
		if (parse_document(text, strlen(text), forms[f], &doc, &err) !=
		    STATUS_OK)
			fail_msg("%s: %s", forms[f], err.msg);
		assert_int_equal(doc->kind, DOC_QUESTIONS);
		assert_int_equal(doc->n_vragen, 2);
		if (doc->n_warnings)
			fail_msg("%s: %s", forms[f], doc->warnings[0].text);
		assert_false(any_text_has(doc, "2024Z03456"));
		assert_true(any_text_has(doc, "bericht 2024Z09999 over"));
		check_passages(doc);
		model_free(doc);
	}
}

static void
test_conversion_furniture(void **state)
{
	struct document *doc = parse_md(
	    "Tweede Kamer der Staten-Generaal\n\n## 2\n\n"
	    "Vergaderjaar 2023\u20132024\n\nAanhangsel van de Handelingen\n\n"
	    "## 387\n\n" CONV_HEAD
	    "## Vraag 1\n\nWat kost het?\n\n## Antwoord 1\n\nVeel.\n\n"
	    "h tk 20232024 387\n\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel\n\n## 1\n\n"
	    "## Vraag 2\n\nWaarom?\n\n"
	    "ah-tk-20232024-387 ISSN 0921 - 7398 \u2019s-Gravenhage 2024\n\n"
	    "## Antwoord 2\n\nDaarom.\n\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 2\n\n"
	    "2\n");

	(void)state;
	assert_int_equal(doc->aanhangsel, 387);
	assert_string_equal(doc->vergaderjaar, "2023/24");
	assert_int_equal(doc->n_vragen, 2);
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 1, 0)->text, "Veel.");
	assert_int_equal(count_role(doc, ROLE_ANTWOORD, 1), 1);
	assert_int_equal(count_role(doc, ROLE_VRAAG, 2), 1);
	assert_int_equal(count_role(doc, ROLE_ANTWOORD, 2), 1);
	assert_int_equal(count_role(doc, ROLE_OTHER, -1), 0);
	/* "2" and "387": the cover's headings; then the two headers. */
	assert_int_equal(count_role(doc, ROLE_HEADER, 0), 4);
	assert_false(any_text_has(doc, "Aanhangsel"));
	assert_false(any_text_has(doc, "tk 2023"));
	assert_false(any_text_has(doc, "ISSN"));
	assert_false(any_text_has(doc, "Staten-Generaal"));
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/*
 * Footnote markers in brackets ("[1 ]", "[2, 3 ]", "[^4]") leave the
 * text; the bodies, as a Markdown footnote ("[^4]: ..."), in brackets
 * ("[1 ] ...") or numbered at the foot of a page ("2 ..."), become the
 * footnotes of the passage with their marker.  A "[5]" alone between
 * words is the text's own.
 */
static void
test_conversion_footnotes(void **state)
{
	struct document *doc = parse_md(CONV_HEAD
	    "## Vraag 1\n\nKent u het bericht \u00abBelasting\u00bb?[1 ] "
	    "En het rapport [2, 3 ] van de Raad?\n\n"
	    "## Antwoord 1\n\nJa, zie bron [5] en de brief.[^4]\n\n"
	    "[1 ] NRC, 1 maart 2024.\n\n"
	    "2 Rapport van de Raad, 2023.\n\n"
	    "3 Bijlage bij het rapport.\n\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 1\n\n"
	    "-----\n\n"
	    "## Vraag 2\n\nWaarom?\n\n## Antwoord 2\n\nDaarom.\n\n"
	    "[^4]: Kamerstuk 36 200, nr. 5.\n");
	const struct passage *v1, *a1;

	(void)state;
	v1 = find_passage(doc, ROLE_VRAAG, 1, 0);
	assert_string_equal(v1->text,
	    "Kent u het bericht \u00abBelasting\u00bb? En het rapport van de Raad?");
	assert_int_equal(v1->n_footnotes, 3);
	assert_string_equal(v1->footnotes[0].marker, "1");
	assert_string_equal(v1->footnotes[0].text, "NRC, 1 maart 2024.");
	assert_int_equal(v1->footnotes[0].at,
	    strlen("Kent u het bericht \u00abBelasting\u00bb?"));
	assert_string_equal(v1->footnotes[1].marker, "2");
	assert_string_equal(v1->footnotes[1].text, "Rapport van de Raad, 2023.");
	assert_string_equal(v1->footnotes[2].marker, "3");
	assert_int_equal(v1->footnotes[2].at, v1->footnotes[1].at);
	a1 = find_passage(doc, ROLE_ANTWOORD, 1, 0);
	assert_string_equal(a1->text, "Ja, zie bron [5] en de brief.");
	assert_int_equal(a1->n_footnotes, 1);
	assert_string_equal(a1->footnotes[0].marker, "4");
	assert_string_equal(a1->footnotes[0].text, "Kamerstuk 36 200, nr. 5.");
	assert_int_equal(a1->footnotes[0].at, strlen(a1->text));
	assert_int_equal(count_role(doc, ROLE_ANTWOORD, 1), 1);
	assert_int_equal(count_role(doc, ROLE_OTHER, -1), 0);
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 2, 0)->text,
	    "Daarom.");
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/*
 * A marker printed raised comes out of a converter glued to its word
 * ("Belasting»?1"); a footnote body at the page foot finds it there.
 * One whose marker is nowhere stays with the paragraph before it, warned.
 */
static void
test_conversion_glued_marker(void **state)
{
	struct document *doc = parse_md(CONV_HEAD
	    "## Vraag 1\n\nKent u het bericht \u00abBelasting\u00bb?1 Wat vindt u "
	    "van de CO2 uitstoot in 2023?\n\n"
	    "## Antwoord 1\n\nJa.\n\n"
	    "1 NRC, 1 maart 2024.\n\n"
	    "2 Een noot zonder teken.\n\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 1\n\n"
	    "## Vraag 2\n\nWaarom?\n\n## Antwoord 2\n\nDaarom.\n");
	const struct passage *v1, *a1;

	(void)state;
	v1 = find_passage(doc, ROLE_VRAAG, 1, 0);
	assert_string_equal(v1->text,
	    "Kent u het bericht \u00abBelasting\u00bb? Wat vindt u van de CO2 "
	    "uitstoot in 2023?");
	assert_int_equal(v1->n_footnotes, 1);
	assert_int_equal(v1->footnotes[0].at,
	    strlen("Kent u het bericht \u00abBelasting\u00bb?"));
	a1 = find_passage(doc, ROLE_ANTWOORD, 1, 0);
	assert_string_equal(a1->text, "Ja.");
	assert_int_equal(a1->n_footnotes, 1);
	assert_string_equal(a1->footnotes[0].text, "Een noot zonder teken.");
	assert_int_equal(doc->n_warnings, 1);
	assert_non_null(strstr(doc->warnings[0].text, "footnote 2"));
	model_free(doc);
}

/*
 * A converter that sets a footnote's number apart, in a paragraph of its
 * own at the page foot: the paragraph after it is the whole body.
 */
static void
test_conversion_note_number_apart(void **state)
{
	struct document *doc = parse_md(CONV_HEAD
	    "## Vraag 1\n\nKent u het bericht?1\n\n"
	    "## Antwoord 1\n\nJa.\n\n"
	    "1\n\n"
	    "Kamerstuk 36 200, nr. 5.\n\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 1\n\n"
	    "## Vraag 2\n\nWaarom?\n\n## Antwoord 2\n\nDaarom.\n");
	const struct passage *v1;

	(void)state;
	v1 = find_passage(doc, ROLE_VRAAG, 1, 0);
	assert_string_equal(v1->text, "Kent u het bericht?");
	assert_int_equal(v1->n_footnotes, 1);
	assert_string_equal(v1->footnotes[0].marker, "1");
	assert_string_equal(v1->footnotes[0].text, "Kamerstuk 36 200, nr. 5.");
	model_free(doc);
}

/*
 * A paragraph cut by a page break, with the page's footnotes and
 * furniture between its halves; the half on the next page begins with a
 * name.  What stands between the headers and the first vraag and is no
 * furniture stays, as 'other', with a warning.
 */
static void
test_conversion_page_top_fragment(void **state)
{
	struct document *doc = parse_md(CONV_HEAD
	    "Een regel die nergens bij hoort\n\n"
	    "## Vraag 1\n\nWat kost het?\n\n## Antwoord 1\n\n"
	    "De regeling geldt sinds vorig jaar in\n\n"
	    "[1 ] Een noot.\n\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel\n\n## 1\n\n"
	    "-----\n\n"
	    "Nederland en kost weinig.[1 ]\n\n"
	    "## Vraag 2\n\nWaarom?\n\n## Antwoord 2\n\nDaarom.\n");
	const struct passage *a1;

	(void)state;
	a1 = find_passage(doc, ROLE_ANTWOORD, 1, 0);
	assert_string_equal(a1->text,
	    "De regeling geldt sinds vorig jaar in Nederland en kost weinig.");
	assert_int_equal(count_role(doc, ROLE_ANTWOORD, 1), 1);
	assert_int_equal(a1->n_footnotes, 1);
	assert_int_equal(a1->footnotes[0].at, strlen(a1->text));
	assert_int_equal(count_role(doc, ROLE_OTHER, -1), 1);
	assert_string_equal(find_passage(doc, ROLE_OTHER, 0, 0)->text,
	    "Een regel die nergens bij hoort");
	assert_int_equal(doc->n_warnings, 1);
	model_free(doc);
}

/* "Antwoord 3" glued after a footer inside a line: the heading is read. */
static void
test_conversion_heading_after_footer(void **state)
{
	struct document *doc = parse_md(CONV_HEAD
	    "## Vraag 1\n\nWat kost het?\n\n## Antwoord 1\n\nVeel.\n\n"
	    "## Vraag 2\n\nWaarom? Tweede Kamer, vergaderjaar 2023\u20132024, "
	    "Aanhangsel 2 Antwoord 2 Daarom niet.\n\n"
	    "## Vraag 3\n\nWanneer?\n\nh tk 20232024 412 Antwoord 3\n\nNu.\n");

	(void)state;
	assert_string_equal(find_passage(doc, ROLE_VRAAG, 2, 0)->text, "Waarom?");
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 2, 0)->text,
	    "Daarom niet.");
	assert_int_equal(count_role(doc, ROLE_VRAAG, 2), 1);
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 3, 0)->text, "Nu.");
	assert_int_equal(count_role(doc, ROLE_VRAAG, 3), 1);
	assert_int_equal(doc->aanhangsel, 412);
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/* A mededeling after the last vraag: its header read, its words its body. */
static void
test_conversion_mededeling_after_vragen(void **state)
{
	struct document *doc = parse_md(
	    "Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn "
	    "over het bericht (ingezonden 1 maart 2024).\n\n"
	    "## Vraag 1\n\nWat kost het?\n\n## Vraag 2\n\nWaarom?\n\n"
	    "Mededeling van Minister Pietersen (Financi\u00ebn) (ontvangen 20 "
	    "maart 2024).\n\n"
	    "De vragen kunnen niet binnen de gebruikelijke termijn worden "
	    "beantwoord.\n");

	(void)state;
	assert_int_equal(doc->kind, DOC_MEDEDELING);
	assert_int_equal(doc->n_vragen, 2);
	assert_string_equal(find_passage(doc, ROLE_VRAAG, 2, 0)->text, "Waarom?");
	assert_int_equal(count_role(doc, ROLE_VRAAG, 2), 1);
	assert_string_equal(describe_answer(doc), "Minister Pietersen [FIN]");
	assert_string_equal(doc->received, "2024-03-20");
	assert_int_equal(count_role(doc, ROLE_BODY, 0), 1);
	assert_int_equal(count_role(doc, ROLE_OTHER, -1), 0);
	model_free(doc);
}

/* A Markdown conversion with no line breaks at all: read at its headings. */
static void
test_conversion_one_line(void **state)
{
	char text[4096];
	struct document *doc;

	(void)state;
	snprintf(text, sizeof(text), "%s",
	    "Tweede Kamer der Staten-Generaal ## 2 Vergaderjaar 2023\u20132024 "
	    "## 387 Vragen van het lid **Jansen** (SP) aan de Minister van "
	    "Financi\u00ebn over het bericht (ingezonden 1 maart 2024). "
	    "Antwoord van Minister Pietersen (Financi\u00ebn) (ontvangen 2 april "
	    "2024). ## Vraag 1 Wat kost de regeling die sinds vorig jaar geldt "
	    "in het hele land en in elke gemeente? ## Antwoord 1 De regeling "
	    "kost weinig, zoals in de brief van vorig jaar is gezegd; de "
	    "kosten worden elk jaar opnieuw bekeken. Tweede Kamer, "
	    "vergaderjaar 2023\u20132024, Aanhangsel 1 ----- **Vraag 2** "
	    "Waarom is dat zo, en wie heeft dat besloten, en wanneer is dat "
	    "besloten? **Antwoord 2** Het kabinet heeft dat besloten, in het "
	    "voorjaar, na overleg met de gemeenten en de provincies en na een "
	    "advies van de Raad van State over de regeling. Vraag 3 Wanneer "
	    "komt de evaluatie van de regeling naar de Kamer, en wat staat er "
	    "in? Antwoord 3 De evaluatie komt dit najaar; zij gaat over de "
	    "kosten, het gebruik en de uitvoering door de gemeenten in het "
	    "hele land, en over wat de gemeenten ervan vinden. Vraag 2 van de "
	    "Raad blijft onbeantwoord.");
	doc = parse_md(text);
	assert_int_equal(doc->aanhangsel, 387);
	assert_int_equal(doc->n_vragen, 3);
	assert_string_equal(describe_answer(doc), "Minister Pietersen [FIN]");
	assert_string_equal(find_passage(doc, ROLE_VRAAG, 2, 0)->text,
	    "Waarom is dat zo, en wie heeft dat besloten, en wanneer is dat "
	    "besloten?");
	assert_true(strncmp(find_passage(doc, ROLE_ANTWOORD, 1, 0)->text,
	    "De regeling kost weinig", 23) == 0);
	assert_null(strstr(find_passage(doc, ROLE_ANTWOORD, 1, 0)->text,
	    "Aanhangsel"));
	assert_non_null(strstr(find_passage(doc, ROLE_ANTWOORD, 3, 0)->text,
	    "Vraag 2 van de Raad"));
	assert_int_equal(count_role(doc, ROLE_OTHER, -1), 0);
	model_free(doc);
}

/* ------------------------------------------------ flattened hyphenation */

/* A vocabulary of two words, as a store would answer. */
static bool
known_test_word(void *ctx, const char *word)
{
	(void)ctx;
	return strcmp(word, "declaratiesysteem") == 0 ||
	    strcmp(word, "functieuitoefening") == 0 ||
	    strcmp(word, "noordholland") == 0;
}

static struct document *
parse_known(const char *text, bool vocabulary)
{
	struct parse_options opts = {
		.format = "markdown",
		.known = vocabulary ? known_test_word : NULL,
	};
	struct document *doc = NULL;
	struct error err = { "" };

	if (parse_document_opts(text, strlen(text), &opts, &doc, &err) !=
	    STATUS_OK)
		fail_msg("parse failed: %s", err.msg);
	check_passages(doc);
	return doc;
}

/* A paragraph on one line, long as a converter makes it. */
#define LONG_LINE \
	"De regeling geldt sinds vorig jaar in het hele land en wordt elk " \
	"jaar opnieuw bekeken door de gemeenten en de provincies samen. "

/*
 * Words broken at a line end and flattened by a converter (issue 16):
 * "emissiefacto-ren" joins where the document writes "emissiefactoren"
 * elsewhere, "declaratiesys- teem" where the vocabulary knows
 * "declaratiesysteem"; a footnote after the word moves with it.
 */
static void
test_flattened_hyphen_joined(void **state)
{
	static const char text[] = CONV_HEAD
	    "## Vraag 1\n\nWelke emissiefactoren gelden?\n\n"
	    "## Antwoord 1\n\n" LONG_LINE "De emissiefacto-ren staan in het "
	    "declaratiesys- teem.[1 ] Zo blijft het.\n\n"
	    "[1 ] Zie de bijlage.\n";
	struct document *doc;
	const struct passage *a1;

	(void)state;
	doc = parse_known(text, true);
	a1 = find_passage(doc, ROLE_ANTWOORD, 1, 0);
	assert_string_equal(a1->text, LONG_LINE
	    "De emissiefactoren staan in het declaratiesysteem. Zo blijft het.");
	assert_int_equal(a1->n_footnotes, 1);
	assert_int_equal(a1->footnotes[0].at, strlen(LONG_LINE
	    "De emissiefactoren staan in het declaratiesysteem."));
	model_free(doc);

	/* Without the vocabulary nothing says "declaratiesysteem" is a word. */
	doc = parse_known(text, false);
	assert_non_null(strstr(find_passage(doc, ROLE_ANTWOORD, 1, 0)->text,
	    "De emissiefactoren staan in het declaratiesys- teem."));
	model_free(doc);
}

/*
 * The words a broken word is looked up among are counted case and
 * diacritics aside, with letters past ASCII too: "geïnfor-meerd" joins
 * where the document writes "GEÏNFORMEERD"; "re-integratie" stays where
 * it also writes "RE-INTEGRATIE", although "reïntegratie" is a word too.
 */
static void
test_flattened_hyphen_folded(void **state)
{
	static const char text[] = CONV_HEAD
	    "## Vraag 1\n\nIs de Kamer GE\xc3\x8fNFORMEERD over de "
	    "RE-INTEGRATIE?\n\n"
	    "## Antwoord 1\n\n" LONG_LINE "De Kamer is ge\xc3\xafnfor-meerd "
	    "over de re-integratie en de re\xc3\xafntegratie.\n";
	struct document *doc;

	(void)state;
	doc = parse_known(text, false);
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 1, 0)->text,
	    LONG_LINE "De Kamer is ge\xc3\xafnformeerd over de re-integratie "
	    "en de re\xc3\xafntegratie.");
	model_free(doc);
}

/*
 * Hyphens that Dutch writes stay: "functie-uitoefening" (its joined form
 * nowhere in the document, and the vocabulary's word does not count where
 * the document writes the hyphenated form elsewhere), "Noord-Holland" (a
 * capital), "aanloop- en" (a word-final hyphen), and a hyphen inside a
 * line of printed length, which the author wrote ("quantum-proof").
 */
static void
test_flattened_hyphen_kept(void **state)
{
	static const char text[] = CONV_HEAD
	    "## Vraag 1\n\nGaat het om de functie-uitoefening in "
	    "Noord-Holland?\n\n"
	    "## Antwoord 1\n\n" LONG_LINE "De functie-uitoefening in "
	    "Noord-Holland, de aanloop- en nazorg en de "
	    "emissiefacto-ren blijven zo; emissiefacto-ren ook.\n\n"
	    "## Vraag 2\n\nIs het quantum-proof?\n\n"
	    "## Antwoord 2\n\nJa, quantumproof.\n";
	struct document *doc;

	(void)state;
	doc = parse_known(text, true);
	assert_string_equal(find_passage(doc, ROLE_VRAAG, 1, 0)->text,
	    "Gaat het om de functie-uitoefening in Noord-Holland?");
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 1, 0)->text,
	    LONG_LINE "De functie-uitoefening in Noord-Holland, de aanloop- en "
	    "nazorg en de emissiefacto-ren blijven zo; emissiefacto-ren ook.");
	assert_string_equal(find_passage(doc, ROLE_VRAAG, 2, 0)->text,
	    "Is het quantum-proof?");
	model_free(doc);

	/* Once, in a flattened line, with no joined form anywhere. */
	doc = parse_known(CONV_HEAD "## Vraag 1\n\nWat?\n\n## Antwoord 1\n\n"
	    LONG_LINE "De functie-uitoefening blijft.\n", false);
	assert_string_equal(find_passage(doc, ROLE_ANTWOORD, 1, 0)->text,
	    LONG_LINE "De functie-uitoefening blijft.");
	model_free(doc);
}

/* --------------------------------------------------------------- letter */

static void
test_letter_seed(void **state)
{
	struct document *doc = parse_seed(SEED_LETTER, NULL);
	const struct passage *p = NULL;
	size_t body = 0;

	(void)state;
	assert_int_equal(doc->kind, DOC_LETTER);
	assert_int_equal(doc->n_warnings, 0);
	assert_int_equal(doc->passages[0].role, ROLE_EPIGRAPH);
	assert_string_equal(doc->passages[0].text,
	    "\"Evenwicht en tegenwicht, Samenspraak en tegenspraak, Macht en "
	    "tegenmacht, Kunnen in een democratische rechtsorde niet zonder "
	    "elkaar\"");
	assert_int_equal(doc->passages[1].role, ROLE_ATTRIBUTION);
	assert_string_equal(doc->passages[1].text, "Herman Tjeenk Willink");
	assert_string_equal(doc->epigraph_author, "Herman Tjeenk Willink");
	assert_int_equal(doc->passages[2].role, ROLE_SALUTATION);
	assert_string_equal(doc->salutation,
	    "Geachte mevrouw Bruins Slot, en heren Rutte, Buitendijk en de Klerck,");
	assert_int_equal(doc->n_addressees, 4);
	assert_string_equal(doc->addressees[0], "Bruins Slot");
	assert_string_equal(doc->addressees[1], "Rutte");
	assert_string_equal(doc->addressees[2], "Buitendijk");
	assert_string_equal(doc->addressees[3], "de Klerck");
	assert_string_equal(doc->closing, "Hoogachtend,");
	assert_int_equal(doc->passages[doc->n_passages - 1].role, ROLE_CLOSING);
	assert_string_equal(doc->passages[doc->n_passages - 1].text, "Hoogachtend,");

	for (size_t i = 0; i < doc->n_passages; i++) {
		if (doc->passages[i].role != ROLE_BODY)
			continue;
		body++;
		if (strstr(doc->passages[i].text, "bij hun"))
			p = &doc->passages[i];
	}
	assert_int_equal(body, 5);
	/* Across the page break: one paragraph. */
	assert_non_null(p);
	assert_non_null(strstr(p->text,
	    "Simone Roos en haar team bij hun krachtige besluit. En wij"));
	assert_memory_equal(p->text, "Ambtenaren moeten hun werk", 26);
	/* OCR errors stay. */
	assert_non_null(strstr(p->text, "om to voorkomen"));
	assert_non_null(strstr(p->text, "Aileen dan werken we samen"));
	assert_non_null(strstr(doc->passages[3].text,
	    "het ministerie van Econonnische Zaken en Klimaat op, blijkbaar"));
	/* No period at its end, but the next paragraph begins a sentence. */
	assert_non_null(strstr(doc->passages[5].text,
	    "debat willen voeren"));
	assert_memory_equal(doc->passages[5].text, "Als leidinggevenden", 19);
	check_passages(doc);
	model_free(doc);
}

static void
test_letter_hyphens(void **state)
{
	static const char text[] =
		"Geachte heer Jansen, mevrouw De Vries en dames en heren,\n"
		"\n"
		"Naar aanlei-\n"
		"ding van uw brief over de functie-\n"
		"uitoefening in Noord-\n"
		"Holland schrijven wij de politiek-\n"
		"bestuurders, want politiek-bestuurders lezen mee -\n"
		"zo gaat dat.\n"
		"\n"
		"Met vriendelijke groet,\n"
		"Jan de Boer\n";
	struct document *doc = NULL;
	struct error err;

	(void)state;
	assert_int_equal(parse_document(text, strlen(text), NULL, &doc, &err),
	    STATUS_OK);
	assert_string_equal(doc->format, "letter");
	assert_int_equal(doc->kind, DOC_LETTER);
	assert_int_equal(doc->n_addressees, 2);
	assert_string_equal(doc->addressees[0], "Jansen");
	assert_string_equal(doc->addressees[1], "De Vries");
	assert_int_equal(doc->n_passages, 4);
	assert_int_equal(doc->passages[1].role, ROLE_BODY);
	assert_string_equal(doc->passages[1].text,
	    "Naar aanleiding van uw brief over de functie-uitoefening in "
	    "Noord-Holland schrijven wij de politiek-bestuurders, want "
	    "politiek-bestuurders lezen mee - zo gaat dat.");
	assert_string_equal(doc->closing, "Met vriendelijke groet,");
	assert_int_equal(doc->passages[2].role, ROLE_CLOSING);
	assert_int_equal(doc->passages[3].role, ROLE_CLOSING);
	assert_string_equal(doc->passages[3].text, "Jan de Boer");
	check_passages(doc);
	model_free(doc);
}

static void
test_unstructured_text(void **state)
{
	static const char text[] =
		"Dit is zomaar wat tekst\n"
		"over twee regels.\n"
		"\n"
		"Nog een alinea.\n";
	struct document *doc = NULL;
	struct error err;

	(void)state;
	assert_int_equal(parse_document(text, strlen(text), NULL, &doc, &err),
	    STATUS_OK);
	assert_string_equal(doc->format, "letter");
	assert_int_equal(doc->kind, DOC_UNKNOWN);
	assert_int_equal(doc->n_passages, 2);
	assert_int_equal(doc->passages[0].role, ROLE_OTHER);
	assert_string_equal(doc->passages[0].text,
	    "Dit is zomaar wat tekst over twee regels.");
	assert_int_equal(doc->passages[1].role, ROLE_OTHER);
	assert_int_equal(doc->n_warnings, 1);
	check_passages(doc);
	model_free(doc);
}

/* ------------------------------------------------------------------ main */

/* ------------------------------------------------------------ hyphenation */

static bool
attest_directoraat(void *ctx, const char *l, size_t nl, const char *r, size_t nr)
{
	(void)ctx;
	return nl == 11 && memcmp(l, "directoraat", 11) == 0 &&
	    nr == 8 && memcmp(r, "generaal", 8) == 0;
}

static enum parse_joint
joint(const char *left, const char *right)
{
	return parse_hyphen_joint(left, strlen(left), right, strlen(right),
	    attest_directoraat, NULL);
}

static void
test_hyphen_joint(void **state)
{
	(void)state;
	assert_int_equal(joint("aanlei", "ding"), PARSE_JOINT_JOIN);
	assert_int_equal(joint("verkiezingsuitsla", "gen"), PARSE_JOINT_JOIN);
	/* klinkerbotsing, also with accented vowels */
	assert_int_equal(joint("functie", "uitoefening"), PARSE_JOINT_KEEP);
	assert_int_equal(joint("zee", "ën"), PARSE_JOINT_KEEP);
	assert_int_equal(joint("financië", "le"), PARSE_JOINT_JOIN);
	/* a capital on either side, a digit, no letter */
	assert_int_equal(joint("Noord", "Holland"), PARSE_JOINT_KEEP);
	assert_int_equal(joint("EU", "landen"), PARSE_JOINT_KEEP);
	assert_int_equal(joint("CO2", "uitstoot"), PARSE_JOINT_KEEP);
	assert_int_equal(joint("", "ding"), PARSE_JOINT_KEEP);
	/* "aanloop- en volloopverliezen" */
	assert_int_equal(joint("aanloop", "en"), PARSE_JOINT_KEEP_SPACE);
	assert_int_equal(joint("hoofd", "of"), PARSE_JOINT_KEEP_SPACE);
	/* a form the document writes with its hyphen */
	assert_int_equal(joint("directoraat", "generaal"), PARSE_JOINT_KEEP);
	assert_int_equal(parse_hyphen_joint("directoraat", 11, "generaal", 8,
	    NULL, NULL), PARSE_JOINT_JOIN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_questions_seed),
		cmocka_unit_test(test_header_questions_variants),
		cmocka_unit_test(test_header_questions_unknown_ministry),
		cmocka_unit_test(test_header_not_a_header),
		cmocka_unit_test(test_header_answer_seeds),
		cmocka_unit_test(test_header_answer_variants),
		cmocka_unit_test(test_header_portfolios),
		cmocka_unit_test(test_header_answer_cosigners),
		cmocka_unit_test(test_header_real_pdfs),
		cmocka_unit_test(test_continues),
		cmocka_unit_test(test_join_continued),
		cmocka_unit_test(test_detect_seeds),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_markdown_seed),
		cmocka_unit_test(test_markdown_variants),
		cmocka_unit_test(test_markdown_questions_only),
		cmocka_unit_test(test_markdown_headings),
		cmocka_unit_test(test_markdown_combined),
		cmocka_unit_test(test_markdown_mededeling),
		cmocka_unit_test(test_vergaderjaar_and_pubid),
		cmocka_unit_test(test_markdown_document_number),
		cmocka_unit_test(test_chamber),
		cmocka_unit_test(test_conversion_page_breaks),
		cmocka_unit_test(test_conversion_furniture),
		cmocka_unit_test(test_questions_zaak_number),
		cmocka_unit_test(test_conversion_footnotes),
		cmocka_unit_test(test_conversion_glued_marker),
		cmocka_unit_test(test_conversion_note_number_apart),
		cmocka_unit_test(test_conversion_page_top_fragment),
		cmocka_unit_test(test_conversion_heading_after_footer),
		cmocka_unit_test(test_conversion_mededeling_after_vragen),
		cmocka_unit_test(test_conversion_one_line),
		cmocka_unit_test(test_flattened_hyphen_joined),
		cmocka_unit_test(test_flattened_hyphen_kept),
		cmocka_unit_test(test_flattened_hyphen_folded),
		cmocka_unit_test(test_letter_seed),
		cmocka_unit_test(test_letter_hyphens),
		cmocka_unit_test(test_hyphen_joint),
		cmocka_unit_test(test_unstructured_text),
	};

	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
