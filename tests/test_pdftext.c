/*
 * test_pdftext: the parser of pdftotext output, on seed 000 and on small
 * inputs, one per rule; two excerpts of real published answers show the
 * layout of the Tweede Kamer PDFs (cover lines, footnotes, page breaks).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <unistd.h>

#include "parse.h"
#include "pdf.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"
#include "testutil.h"

/* ----------------------------------------------------------------- helpers */

static struct document *
parse_text(const char *text)
{
	struct document *doc = NULL;
	struct error err = { "" };
	enum status st = parse_document(text, strlen(text), "pdftext", &doc,
	    &err);

	if (st != STATUS_OK)
		fail_msg("parse failed: %s", err.msg);
	assert_non_null(doc);
	assert_string_equal(doc->format, "pdftext");
	return doc;
}

static struct document *
parse_seed(void)
{
	size_t len;
	char *raw = test_read_file(SEED_PDFTEXT, &len);
	struct document *doc = NULL;
	struct error err = { "" };

	if (parse_document(raw, len, "pdftext", &doc, &err) != STATUS_OK)
		fail_msg("parse failed: %s", err.msg);
	free(raw);
	return doc;
}

/* The k-th passage (from 0) of that role and vraag, or NULL. */
static const struct passage *
nth(const struct document *doc, enum role role, int vraag, size_t k)
{
	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];

		if (p->role == role && p->vraag == vraag && k-- == 0)
			return p;
	}
	return NULL;
}

static size_t
count(const struct document *doc, enum role role, int vraag)
{
	size_t n = 0;

	for (size_t i = 0; i < doc->n_passages; i++)
		if (doc->passages[i].role == role &&
		    doc->passages[i].vraag == vraag)
			n++;
	return n;
}

static bool
has_warning(const struct document *doc, const char *needle)
{
	for (size_t i = 0; i < doc->n_warnings; i++)
		if (strstr(doc->warnings[i].text, needle))
			return true;
	return false;
}

static bool
any_passage_has(const struct document *doc, const char *needle)
{
	for (size_t i = 0; i < doc->n_passages; i++)
		if (strstr(doc->passages[i].text, needle))
			return true;
	return false;
}

static void
check_prefix(const char *s, const char *prefix)
{
	if (strncmp(s, prefix, strlen(prefix)) != 0)
		fail_msg("\"%s\" does not begin with \"%s\"", s, prefix);
}

static void
check_contains(const char *s, const char *needle)
{
	if (!strstr(s, needle))
		fail_msg("\"%s\" does not contain \"%s\"", s, needle);
}

static void
check_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	if (n < k || strcmp(s + n - k, suffix) != 0)
		fail_msg("\"%s\" does not end with \"%s\"", s, suffix);
}

/* The text of the passage of that role and vraag, which must be the only one. */
static const char *
only(const struct document *doc, enum role role, int vraag)
{
	const struct passage *p = nth(doc, role, vraag, 0);

	assert_non_null(p);
	assert_int_equal(count(doc, role, vraag), 1);
	return p->text;
}

/*
 * Every passage is one line of cleaned text whose byte range in the raw
 * text holds its first word (up to a hyphen: a word broken at the line
 * end is not in the raw text as one piece).
 */
static void
check_offsets(const struct document *doc)
{
	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];
		size_t w = strcspn(p->text, " -");
		char *range, *word;

		assert_true(p->text[0] != '\0');
		assert_null(strchr(p->text, '\n'));
		assert_true(p->start < p->end);
		assert_true(p->end <= doc->raw_len);
		range = strndup(doc->raw + p->start, p->end - p->start);
		word = strndup(p->text, w);
		if (!strstr(range, word))
			fail_msg("passage %zu \"%s\": raw[%zu, %zu) lacks \"%s\"",
			    i, p->text, p->start, p->end, word);
		free(range);
		free(word);
	}
}

/* ------------------------------------------------------------------ seed */

static void
test_probe(void **state)
{
	size_t len;
	char *pdf = test_read_file(SEED_PDFTEXT, &len);
	int p_pdf = parser_pdftext.probe(pdf, len);
	char *md = test_read_file(SEED_MARKDOWN, &len);
	int p_md = parser_pdftext.probe(md, len);
	char *letter = test_read_file(SEED_LETTER, &len);
	const char *prose = "Dit is gewoon een tekst.\nZonder vragen of antwoorden.\n";

	(void)state;
	assert_true(p_pdf >= 50);
	/* The Markdown seed has the same vragen, but its marks give it away. */
	assert_true(p_md > 0 && p_md <= 5);
	assert_true(p_md < p_pdf);
	assert_int_equal(parser_pdftext.probe(letter, len), 0);
	assert_int_equal(parser_pdftext.probe(prose, strlen(prose)), 0);
	free(pdf);
	free(md);
	free(letter);
}

static void
test_seed_vragen(void **state)
{
	struct document *doc = parse_seed();
	int expect = 1;

	(void)state;
	assert_int_equal(doc->kind, DOC_ANSWER);
	assert_int_equal(doc->n_vragen, 9);
	assert_int_equal(doc->aanhangsel, 0);
	/* The nine vragen in order, each once and each answered. */
	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];

		if (p->role != ROLE_VRAAG)
			continue;
		assert_int_equal(p->vraag, expect);
		assert_int_equal(p->vraag_to, expect);
		expect++;
	}
	assert_int_equal(expect, 10);
	for (int v = 1; v <= 9; v++) {
		assert_int_equal(count(doc, ROLE_VRAAG, v), 1);
		assert_true(count(doc, ROLE_ANTWOORD, v) >= 1);
	}
	assert_int_equal(count(doc, ROLE_OTHER, 0), 0);
	assert_false(has_warning(doc, "'other'"));

	check_contains(only(doc, ROLE_VRAAG, 1),
	    "naar aanleiding van de verkiezingsuitslag?");
	check_prefix(only(doc, ROLE_VRAAG, 1), "Zijn er op uw ministerie");
	check_contains(only(doc, ROLE_VRAAG, 7), "verkiezingsuitslagen");
	check_contains(only(doc, ROLE_VRAAG, 7), "ambtenaren hun zorgen");
	check_contains(only(doc, ROLE_VRAAG, 6), "formerende partijen");
	/* " Vraag 4" has a leading space in the seed. */
	check_prefix(only(doc, ROLE_VRAAG, 4), "Kunt u aangeven hoeveel");
	model_free(doc);
}

static void
test_seed_antwoorden(void **state)
{
	struct document *doc = parse_seed();
	const struct passage *p;

	(void)state;
	check_prefix(nth(doc, ROLE_ANTWOORD, 1, 0)->text, "Nee. Wel is");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 9), "Ja.");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 2),
	    "Zie het antwoord op vraag 1.");

	/* Antwoord 8: two paragraphs, across the page break. */
	assert_int_equal(count(doc, ROLE_ANTWOORD, 8), 2);
	p = nth(doc, ROLE_ANTWOORD, 8, 0);
	check_prefix(p->text, "Het is belangrijk dat ambtenaren");
	check_contains(p->text, "(met uitzondering van de Politiek Adviseurs)");
	check_contains(p->text, "Een bewindspersoon is verantwoordelijk");
	check_contains(p->text, "besluitvormingsproces. Vervolgens voeren");
	check_suffix(p->text, "zodat die het besluit kan heroverwegen.");
	p = nth(doc, ROLE_ANTWOORD, 8, 1);
	check_prefix(p->text, "Een sociaal veilige werkomgeving");
	check_contains(p->text, "met de functie-uitoefening verbonden");
	check_contains(p->text, "kunnen onderzoeken hoe hier");
	check_contains(p->text, "dilemma\u2019s- bij collega\u2019s");
	check_contains(p->text, "de neutraliteit te behouden.");

	/* Antwoord 5: its last line follows a short line that ends a sentence. */
	assert_int_equal(count(doc, ROLE_ANTWOORD, 5), 2);
	check_contains(nth(doc, ROLE_ANTWOORD, 5, 0)->text,
	    "de rijksoverheid hecht hier veel waarde aan.");
	assert_string_equal(nth(doc, ROLE_ANTWOORD, 5, 1)->text,
	    "Zie voorts het antwoord op vraag 8.");
	model_free(doc);
}

static void
test_seed_clean(void **state)
{
	/* Words that the seed breaks at a line end, as they must not come out. */
	static const char *const broken[] = {
		"aanlei-ding", "aanlei- ding", "Advi-seurs", "Advi- seurs",
		"bewindsper-soon", "Vervol-gens", "forme-rende",
		"verkiezingsuitsla-gen", "ambtena-ren", "onderzoe-ken",
		"onderzoe- ken", "functieuitoefening", "functie- uitoefening",
	};
	struct document *doc = parse_seed();

	(void)state;
	check_offsets(doc);
	for (size_t i = 0; i < doc->n_passages; i++) {
		const char *t = doc->passages[i].text;

		assert_null(strstr(t, "Tweede Kamer, vergaderjaar"));
		assert_null(strstr(t, "Aanhangsel 2"));
		assert_null(strstr(t, "  "));
		for (size_t k = 0; k < sizeof(broken) / sizeof(broken[0]); k++)
			if (strstr(t, broken[k]))
				fail_msg("passage %zu has \"%s\": %s", i,
				    broken[k], t);
	}
	assert_true(any_passage_has(doc, "aanleiding"));
	assert_true(any_passage_has(doc, "Politiek Adviseurs"));
	assert_true(any_passage_has(doc, "bewindspersoon"));
	assert_true(any_passage_has(doc, "Vervolgens"));
	assert_true(any_passage_has(doc, "functie-uitoefening"));
	assert_true(any_passage_has(doc, "onderzoeken hoe"));

	/* The two headers, whole, ahead of the vragen. */
	assert_int_equal(count(doc, ROLE_HEADER, 0), 2);
	assert_int_equal(doc->passages[0].role, ROLE_HEADER);
	check_prefix(doc->passages[0].text, "Vragen van het lid Eerdmans (JA21)");
	check_suffix(doc->passages[0].text, "(ingezonden 29 januari 2024).");
	check_contains(doc->passages[0].text, "aan de Minister-President en");
	assert_string_equal(doc->passages[1].text,
	    "Antwoord van Minister-President Rutte (Algemene Zaken) (ontvangen 15 februari 2024).");
	model_free(doc);
}

/* What the shared header readers (parse.c) make of the joined headers. */
static void
test_seed_header(void **state)
{
	struct document *doc = parse_seed();

	(void)state;
	assert_string_equal(doc->submitted, "2024-01-29");
	assert_string_equal(doc->received, "2024-02-15");
	assert_non_null(doc->ministry);
	assert_string_equal(doc->ministry, "AZ");
	assert_int_equal(doc->n_signatories, 1);
	assert_string_equal(doc->signatories[0].name, "Rutte");
	assert_string_equal(doc->signatories[0].role, "Minister-President");
	assert_int_equal(doc->n_questioners, 1);
	assert_string_equal(doc->questioners[0].name, "Eerdmans");
	assert_string_equal(doc->questioners[0].party, "JA21");
	assert_int_equal(doc->n_addressed, 12);
	assert_string_equal(doc->addressed[0], "AZ");
	assert_non_null(doc->subject);
	check_prefix(doc->subject, "bijeenkomsten met ambtenaren");
	model_free(doc);
}

/* ------------------------------------------------------------ small inputs */

#define HEAD \
	"Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn over\n" \
	"het bericht (ingezonden 1 maart 2024).\n" \
	"Antwoord van Minister Pietersen (Financi\u00ebn) (ontvangen 2 april 2024).\n"

/* The text of vraag 1 when its lines are these. */
static char *
vraag1(const char *lines)
{
	char text[4096];
	struct document *doc;
	char *r;

	snprintf(text, sizeof(text), HEAD "Vraag 1\n%sAntwoord 1\nJa.\n", lines);
	doc = parse_text(text);
	check_offsets(doc);
	r = strdup(only(doc, ROLE_VRAAG, 1));
	model_free(doc);
	return r;
}

static void
check_vraag1(const char *lines, const char *expect)
{
	char *got = vraag1(lines);

	assert_string_equal(got, expect);
	free(got);
}

static void
test_page_break(void **state)
{
	static const char text[] = HEAD
	    "Vraag 1\n"
	    "Wat gaat u doen? \n"
	    "Antwoord 1\n"
	    "Wij gaan dit nader onderzoe-\n"
	    "\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 2\n"
	    "\n\n\n"
	    "ken en de Kamer informeren. \n"
	    "Vraag 2\n"
	    "Wanneer? \n"
	    "\n"
	    "Tweede Kamer, vergaderjaar 2023-2024, Aanhangsel 1059 3\n"
	    "\n"
	    "\fAntwoord 2\n"
	    "Voor de zomer. \n"
	    "\n"
	    "ah-tk-20232024-1059\n"
	    "ISSN 0921 - 7398\n"
	    "\u2019s-Gravenhage 2024\n"
	    "\n"
	    "Aanhangsel van de Handelingen\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel\n"
	    "\n"
	    "4\n"
	    "\n"
	    "\f";
	struct document *doc = parse_text(text);

	(void)state;
	check_offsets(doc);
	assert_string_equal(only(doc, ROLE_ANTWOORD, 1),
	    "Wij gaan dit nader onderzoeken en de Kamer informeren.");
	assert_string_equal(only(doc, ROLE_VRAAG, 2), "Wanneer?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 2), "Voor de zomer.");
	assert_int_equal(doc->aanhangsel, 1059);
	assert_int_equal(doc->n_passages, 6);
	assert_int_equal(count(doc, ROLE_OTHER, 0), 0);
	assert_false(any_passage_has(doc, "Kamer, vergaderjaar"));
	assert_false(any_passage_has(doc, "Aanhangsel"));
	assert_false(any_passage_has(doc, "ISSN"));
	assert_false(any_passage_has(doc, "Gravenhage"));
	model_free(doc);
}

static void
test_hyphen_join(void **state)
{
	(void)state;
	check_vraag1("Is dit naar aanlei-\nding van de verkiezingsuitsla-\ngen?\n",
	    "Is dit naar aanleiding van de verkiezingsuitslagen?");
	/* A hyphen followed by the line's trailing space was typed. */
	check_vraag1("Wat zijn de aanloop- \nen volloopverliezen? \n",
	    "Wat zijn de aanloop- en volloopverliezen?");
	check_vraag1("Wat zijn de milieu-\nen sociale risico\u2019s?\n",
	    "Wat zijn de milieu- en sociale risico\u2019s?");
	/* Mid-line it stays as written, right or wrong. */
	check_vraag1("Hoe gaat u om met dilemma\u2019s- bij collega\u2019s?\n",
	    "Hoe gaat u om met dilemma\u2019s- bij collega\u2019s?");
	/* Not a word: brackets and digits keep the hyphen. */
	check_vraag1("Wat kost de CO2-\nuitstoot voor (maatwerk)-\nbedrijven?\n",
	    "Wat kost de CO2-uitstoot voor (maatwerk)-bedrijven?");
	check_vraag1("Zijn er plannen van en/\nof voor de regering?\n",
	    "Zijn er plannen van en/of voor de regering?");
}

static void
test_hyphen_klinkerbotsing(void **state)
{
	(void)state;
	check_vraag1("Hoe zit het met de functie-\nuitoefening en de zee-\negel?\n",
	    "Hoe zit het met de functie-uitoefening en de zee-egel?");
	check_vraag1("Gaat het om een auto-\nongeluk of een ruimte-\nschip?\n",
	    "Gaat het om een auto-ongeluk of een ruimteschip?");
	check_vraag1("Zijn de re\u00efntegratie-\ninspanningen voldoende?\n",
	    "Zijn de re\u00efntegratie-inspanningen voldoende?");
}

static void
test_hyphen_capital(void **state)
{
	(void)state;
	check_vraag1("Gaat het om Noord-\nHolland en de Minister-\nPresident?\n",
	    "Gaat het om Noord-Holland en de Minister-President?");
	/* A capital before the hyphen: an abbreviation, "EU-landen". */
	check_vraag1("Wat vinden de EU-\nlanden en de WIA-\ngerechtigden?\n",
	    "Wat vinden de EU-landen en de WIA-gerechtigden?");
}

static void
test_hyphen_attested(void **state)
{
	(void)state;
	/* The document writes "lhbti-gemeenschap" inside a line elsewhere. */
	check_vraag1("Hoe veilig is de lhbti-gemeenschap? Is de lhbti-\n"
	    "gemeenschap gehoord over het regenboog-\nbeleid?\n",
	    "Hoe veilig is de lhbti-gemeenschap? Is de lhbti-gemeenschap "
	    "gehoord over het regenboogbeleid?");
	/* Without that, the same break is an ordinary one. */
	check_vraag1("Is de lhbti-\ngemeenschap gehoord?\n",
	    "Is de lhbtigemeenschap gehoord?");
}

static void
test_paragraphs(void **state)
{
	static const char text[] = HEAD
	    "Vraag 1\n"
	    "Hoe zit het?\n"
	    "Antwoord 1\n"
	    "Het kabinet heeft de afgelopen jaren veel gedaan om de zorg voor jongeren te\n"
	    "verbeteren en heeft daarbij nauw samengewerkt met de gemeenten in de regio.\n"
	    "Die samenwerking wordt voortgezet in de komende jaren, zoals afgesproken in\n"
	    "het akkoord van vorig jaar met alle partijen.\n"
	    "Daarnaast is er geld beschikbaar gesteld voor onderzoek naar de oorzaken van\n"
	    "de problemen die zich voordoen in de praktijk. De volgende stappen volgen:\n"
	    "\u2022 een verkenning van de knelpunten in de regio;\n"
	    "\u2022 een plan van aanpak met alle partijen die daarbij\n"
	    "betrokken zijn.\n"
	    "Over de voortgang van dit alles wordt uw Kamer voor de zomer ge\u00efnformeerd\n"
	    "in de voortgangsbrief.\n";
	struct document *doc = parse_text(text);

	(void)state;
	check_offsets(doc);
	assert_int_equal(count(doc, ROLE_ANTWOORD, 1), 5);
	/* A sentence that ends a full line does not end the paragraph. */
	check_prefix(nth(doc, ROLE_ANTWOORD, 1, 0)->text, "Het kabinet heeft");
	check_suffix(nth(doc, ROLE_ANTWOORD, 1, 0)->text,
	    "met alle partijen.");
	/* A short line that ends a sentence does. */
	check_prefix(nth(doc, ROLE_ANTWOORD, 1, 1)->text, "Daarnaast is er geld");
	check_suffix(nth(doc, ROLE_ANTWOORD, 1, 1)->text, "stappen volgen:");
	/* Each item of a list is one. */
	assert_string_equal(nth(doc, ROLE_ANTWOORD, 1, 2)->text,
	    "\u2022 een verkenning van de knelpunten in de regio;");
	assert_string_equal(nth(doc, ROLE_ANTWOORD, 1, 3)->text,
	    "\u2022 een plan van aanpak met alle partijen die daarbij betrokken zijn.");
	check_prefix(nth(doc, ROLE_ANTWOORD, 1, 4)->text, "Over de voortgang");
	/* The vraag is one passage, whatever its lines. */
	assert_string_equal(only(doc, ROLE_VRAAG, 1), "Hoe zit het?");
	model_free(doc);
}

static void
test_dash_items(void **state)
{
	static const char text[] = HEAD
	    "Vraag 1\n"
	    "Hoe zit het?\n"
	    "Antwoord 1\n"
	    "Daarom zet ik mij in voor een brede aanpak van de wachttijden in de zorg, en ik\n"
	    "\u2013 evenals mijn ambtsvoorganger \u2013 maak mij daar hard voor met de regio\n"
	    "en de gemeenten. Om digitaal namens een ander te handelen bestaan er twee\n"
	    "voorzieningen voor:\n"
	    "\u2013 (vrijwillig) DigiD Machtigen en\n"
	    "\u2013 Wettelijk vertegenwoordigen.\n";
	struct document *doc = parse_text(text);

	(void)state;
	check_offsets(doc);
	/* A dash after a full line is an aside, after a colon an item. */
	assert_int_equal(count(doc, ROLE_ANTWOORD, 1), 3);
	check_contains(nth(doc, ROLE_ANTWOORD, 1, 0)->text,
	    "en ik \u2013 evenals mijn ambtsvoorganger \u2013 maak mij");
	assert_string_equal(nth(doc, ROLE_ANTWOORD, 1, 1)->text,
	    "\u2013 (vrijwillig) DigiD Machtigen en");
	assert_string_equal(nth(doc, ROLE_ANTWOORD, 1, 2)->text,
	    "\u2013 Wettelijk vertegenwoordigen.");
	model_free(doc);
}

static void
test_combined_vragen(void **state)
{
	static const char text[] = HEAD
	    " Vraag 1 \n"
	    "Eerste vraag? \n"
	    "Antwoord 1 \n"
	    "Ja. \n"
	    "Vragen 2 en 3\n"
	    "Tweede vraag?\n"
	    "Derde vraag?\n"
	    "Antwoord 2 en 3\n"
	    "Nee.\n"
	    "Vraag 4, 5, 6 en 7\n"
	    "Vierde vraag?\n"
	    "Antwoord 4, 5 6 en 7\n"
	    "Misschien.\n";
	struct document *doc = parse_text(text);
	const struct passage *p;

	(void)state;
	check_offsets(doc);
	assert_int_equal(doc->n_vragen, 7);
	assert_int_equal(doc->kind, DOC_ANSWER);
	assert_string_equal(only(doc, ROLE_VRAAG, 1), "Eerste vraag?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 1), "Ja.");
	/* One question a line, as many as numbers: each number its own. */
	p = nth(doc, ROLE_VRAAG, 2, 0);
	assert_non_null(p);
	assert_int_equal(p->vraag_to, 2);
	assert_string_equal(p->text, "Tweede vraag?");
	assert_string_equal(only(doc, ROLE_VRAAG, 3), "Derde vraag?");
	assert_int_equal(nth(doc, ROLE_VRAAG, 3, 0)->vraag_to, 3);
	/* The answer stays one, to both. */
	p = nth(doc, ROLE_ANTWOORD, 2, 0);
	assert_non_null(p);
	assert_int_equal(p->vraag_to, 3);
	assert_string_equal(p->text, "Nee.");
	assert_int_equal(count(doc, ROLE_ANTWOORD, 3), 0);
	/* One line for four numbers: no cut is sure, all four keep it. */
	p = nth(doc, ROLE_VRAAG, 4, 0);
	assert_non_null(p);
	assert_int_equal(p->vraag_to, 7);
	assert_string_equal(p->text, "Vierde vraag?");
	p = nth(doc, ROLE_ANTWOORD, 4, 0);
	assert_non_null(p);
	assert_int_equal(p->vraag_to, 7);
	assert_false(has_warning(doc, "no answer"));
	assert_false(has_warning(doc, "missing"));
	model_free(doc);
}

static void
test_colon_headings(void **state)
{
	static const char text[] = HEAD
	    "Vraag 1: Bent u bekend met het bericht?\n"
	    "Antwoord: Ja.\n"
	    "Vraag 2:\n"
	    "Wat vindt u ervan?\n"
	    "Antwoord op vraag 2\n"
	    "Niets.\n"
	    "Vraag:\n"
	    "En verder?\n"
	    "Antwoord\n"
	    "Niets meer.\n";
	struct document *doc = parse_text(text);

	(void)state;
	check_offsets(doc);
	assert_string_equal(only(doc, ROLE_VRAAG, 1),
	    "Bent u bekend met het bericht?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 1), "Ja.");
	assert_string_equal(only(doc, ROLE_VRAAG, 2), "Wat vindt u ervan?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 2), "Niets.");
	assert_string_equal(only(doc, ROLE_VRAAG, 3), "En verder?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 3), "Niets meer.");
	assert_int_equal(doc->n_vragen, 3);
	model_free(doc);
}

/*
 * The headings read since the pdftext parser shares its reader with the
 * markdown parser (heading.c): "VRAAG 1" in capitals, text after "Vraag
 * 2." on its line.  "Vraag 3, 5 en 4" does not rise and is no heading.
 */
static void
test_heading_forms(void **state)
{
	static const char text[] = HEAD
	    "VRAAG 1\n"
	    "Wat?\n"
	    "ANTWOORD 1\n"
	    "Dit.\n"
	    "Vraag 2. Waarom?\n"
	    "Antwoord 2. Daarom.\n"
	    "Vraag 3, 5 en 4\n";
	struct document *doc = parse_text(text);

	(void)state;
	check_offsets(doc);
	assert_string_equal(only(doc, ROLE_VRAAG, 1), "Wat?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 1), "Dit.");
	assert_string_equal(only(doc, ROLE_VRAAG, 2), "Waarom?");
	assert_string_equal(nth(doc, ROLE_ANTWOORD, 2, 0)->text, "Daarom.");
	assert_string_equal(nth(doc, ROLE_ANTWOORD, 2, 1)->text,
	    "Vraag 3, 5 en 4");
	assert_int_equal(count(doc, ROLE_VRAAG, 3), 0);
	assert_int_equal(doc->n_vragen, 2);
	model_free(doc);
}

static void
test_unplaced(void **state)
{
	static const char text[] =
	    "Een regel die nergens bij hoort.\n"
	    HEAD
	    "Antwoord:\n"
	    "Een antwoord zonder vraag.\n"
	    "Vraag 1\n"
	    "Wat?\n"
	    "Antwoord 1\n"
	    "Dit.\n"
	    "Vraag 2\n"
	    "En dit?\n";
	static const char prose[] = "Gewoon wat tekst.\nNog een zin.\n";
	struct document *doc = parse_text(text);

	(void)state;
	check_offsets(doc);
	assert_int_equal(count(doc, ROLE_OTHER, 0), 2);
	assert_string_equal(nth(doc, ROLE_OTHER, 0, 0)->text,
	    "Een regel die nergens bij hoort.");
	assert_string_equal(nth(doc, ROLE_OTHER, 0, 1)->text,
	    "Een antwoord zonder vraag.");
	assert_true(has_warning(doc, "line 1:"));
	assert_true(has_warning(doc, "'other'"));
	assert_true(has_warning(doc, "vraag 2 has no answer"));
	assert_string_equal(only(doc, ROLE_ANTWOORD, 1), "Dit.");
	model_free(doc);

	/* No structure at all: everything kept, and said so. */
	doc = parse_text(prose);
	check_offsets(doc);
	assert_int_equal(doc->kind, DOC_UNKNOWN);
	assert_int_equal(count(doc, ROLE_OTHER, 0), 1);
	assert_string_equal(doc->passages[0].text,
	    "Gewoon wat tekst. Nog een zin.");
	assert_true(has_warning(doc, "Vraag N"));
	model_free(doc);
}

static void
test_questions_only(void **state)
{
	static const char text[] =
	    "Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn over\n"
	    "het bericht (ingezonden 1 maart 2024).\n"
	    "Vraag 1\nWat?\nVraag 2\nWaarom?\n";
	struct document *doc = parse_text(text);

	(void)state;
	assert_int_equal(doc->kind, DOC_QUESTIONS);
	assert_int_equal(doc->n_vragen, 2);
	assert_false(has_warning(doc, "no answer"));
	model_free(doc);
}

/* ----------------------------------------------------- real layouts (PDF) */

/*
 * The first page and a half of a published answer (Aanhangsel 1893,
 * shortened): the cover lines, headers over several lines, a footnote at
 * the foot of the page with the colophon in it, the footer and the page
 * number, and a heading right after the form feed.
 */
static const char excerpt_1893[] =
    "Tweede Kamer der Staten-Generaal\n\n"
    "Vergaderjaar 2023\u20132024\n\n"
    "2\n\n"
    "Aanhangsel van de Handelingen\n\n"
    "Vragen gesteld door de leden der Kamer, met de daarop door de\n"
    "regering gegeven antwoorden\n\n"
    "1893\n"
    "Vragen van het lid Klaver (GroenLinks-PvdA) aan de Minister van\n"
    "Buitenlandse Zaken over het bericht dat Corendon Russische toeristen naar de\n"
    "zon blijft vliegen (ingezonden 18 april 2024).\n"
    "Antwoord van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen 3 juni\n"
    "2024).\n"
    "Vraag 1\n"
    "Bent u bekend met het NRC artikel \u00abReisorganisatie Corendon blijft Russische\n"
    "toeristen naar de zon vliegen\u00bb1?\n"
    "Antwoord 1\n"
    "Ja.\n"
    "Vraag 2\n"
    "Klopt het dat er sancties van kracht zijn die het Europese luchtvaartmaatschappijen verbieden om het Russische luchtruim binnen te vliegen?\n"
    "Antwoord 2\n"
    "Nee, dat klopt niet. De EU-sancties verbieden het Russische luchtvaartmaatschappijen en vliegtuigen in Russische eigendom om te landen en op te\n"
    "stijgen in de EU. Rusland heeft als tegenmaatregel EU-maatschappijen\n"
    "toegang tot het Russische luchtruim verboden. Er zijn vanuit de EU geen\n"
    "maatregelen die Europese luchtvaartmaatschappijen verbieden om naar\n"
    "Rusland te vliegen.\n\n"
    "1\n\n"
    "ah-tk-20232024-1893\n"
    "ISSN 0921 - 7398\n"
    "\u2019s-Gravenhage 2024\n\n"
    "NRC, 16 april 2024, \u00abReisorganisatie Corendon blijft Russische toeristen naar de zon vliegen\u00bb\n"
    "(Reisorganisatie Corendon blijft Russische toeristen naar de zon vliegen \u2013 NRC)\n\n"
    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel\n\n"
    "1\n\n"
    "\fVraag 3\n"
    "Wat is de geschatte winst van deze vluchten voor Corendon in de zomer van\n"
    "2024?\n"
    "Antwoord 3\n"
    "Het kabinet heeft hier geen inzicht in.\n\n"
    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel\n\n"
    "2\n\n"
    "\f";

static void
test_real_layout(void **state)
{
	struct document *doc = parse_text(excerpt_1893);
	const struct passage *last;

	(void)state;
	check_offsets(doc);
	assert_int_equal(parser_pdftext.probe(excerpt_1893,
	    strlen(excerpt_1893)) > 0, true);
	assert_int_equal(doc->aanhangsel, 1893);
	assert_int_equal(doc->n_vragen, 3);
	assert_int_equal(doc->kind, DOC_ANSWER);
	check_prefix(doc->passages[0].text, "Vragen van het lid Klaver");
	check_suffix(doc->passages[0].text, "(ingezonden 18 april 2024).");
	assert_string_equal(doc->passages[1].text,
	    "Antwoord van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen 3 juni 2024).");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 1), "Ja.");
	check_suffix(only(doc, ROLE_ANTWOORD, 2), "Rusland te vliegen.");
	assert_string_equal(only(doc, ROLE_VRAAG, 3),
	    "Wat is de geschatte winst van deze vluchten voor Corendon in de zomer van 2024?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 3),
	    "Het kabinet heeft hier geen inzicht in.");
	for (size_t i = 0; i < doc->n_passages; i++) {
		const char *t = doc->passages[i].text;

		assert_null(strstr(t, "ah-tk"));
		assert_null(strstr(t, "ISSN"));
		assert_null(strstr(t, "Gravenhage"));
		assert_null(strstr(t, "Vergaderjaar"));
		assert_null(strstr(t, "Aanhangsel"));
		assert_null(strstr(t, "Vragen gesteld door"));
		assert_null(strstr(t, "Staten-Generaal"));
	}
	/*
	 * The footnote belongs to vraag 1, where its marker stood ("»1?"):
	 * the marker leaves the text, the footnote keeps its place.
	 */
	last = nth(doc, ROLE_VRAAG, 1, 0);
	assert_string_equal(last->text,
	    "Bent u bekend met het NRC artikel \u00abReisorganisatie Corendon blijft Russische toeristen naar de zon vliegen\u00bb?");
	assert_int_equal(last->n_footnotes, 1);
	assert_string_equal(last->footnotes[0].marker, "1");
	check_prefix(last->footnotes[0].text, "NRC, 16 april 2024, \u00abReisorganisatie");
	check_suffix(last->footnotes[0].text, "naar de zon vliegen \u2013 NRC)");
	assert_int_equal(last->footnotes[0].at, strlen(last->text) - 1);
	assert_int_equal(count(doc, ROLE_OTHER, 0), 0);
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/*
 * A word broken across a page whose foot holds two footnotes (Aanhangsel
 * 1980, shortened).
 */
static const char excerpt_1980[] = HEAD
    "Vraag 5\n"
    "Hoe reageert u op de stelling van Jos de Blok?\n"
    "Antwoord 5\n"
    "Ik vind het belangrijk om\n"
    "nogmaals te benadrukken dat de cli\u00ebntprofielen slechts bedoeld zijn om extra\n"
    "informatie te bieden voor het gesprek tussen zorgverzekeraar en zorgaanbie-\n\n"
    "5\n"
    "6\n\n"
    "Kamerstukken II 2023\u201334, 23 235, nr. 240.\n"
    "Kamerstukken II2015\u201316, 34 104, nr. 128.\n\n"
    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel\n\n"
    "2\n\n"
    "\fder over passende zorg, waarbij onder meer wordt ingezet op preventie en\n"
    "reablement.\n";

static void
test_real_footnotes(void **state)
{
	struct document *doc = parse_text(excerpt_1980);
	const struct passage *p;

	(void)state;
	check_offsets(doc);
	check_contains(only(doc, ROLE_ANTWOORD, 5),
	    "tussen zorgverzekeraar en zorgaanbieder over passende zorg, waarbij");
	assert_false(strstr(only(doc, ROLE_ANTWOORD, 5), "Kamerstukken"));
	assert_null(nth(doc, ROLE_OTHER, 0, 0));
	/*
	 * The numbers stand apart from their texts here (pdftotext's default
	 * mode): one line each.  Their markers are not in this excerpt, so
	 * the footnotes stay with the paragraph before them, with a warning.
	 */
	p = nth(doc, ROLE_ANTWOORD, 5, 0);
	assert_int_equal(p->n_footnotes, 2);
	assert_string_equal(p->footnotes[0].marker, "5");
	assert_string_equal(p->footnotes[0].text, "Kamerstukken II 2023\u201334, 23 235, nr. 240.");
	assert_string_equal(p->footnotes[1].marker, "6");
	assert_string_equal(p->footnotes[1].text, "Kamerstukken II2015\u201316, 34 104, nr. 128.");
	assert_true(has_warning(doc, "footnote 5: its marker was not found"));
	model_free(doc);
}


/* ------------------------------------------- pdftotext -layout (issue 8) */

/*
 * The first page of Aanhangsel 2367 as pdftotext -layout gives it
 * (shortened): cover pieces side by side on one line, the header indented,
 * the footnote's number alone above its indented text, the colophon and
 * the footer with the page number on one line.
 */
static const char layout_2367[] =
    "Tweede Kamer der Staten-Generaal\n"
    "                                                                   2\n"
    "Vergaderjaar 2023\u20132024   Aanhangsel van de Handelingen\n\n"
    "                         Vragen gesteld door de leden der Kamer, met de daarop door de\n"
    "                         regering gegeven antwoorden\n\n"
    "                         2367\n\n"
    "                         Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van\n"
    "                         Financi\u00ebn over rekeninggluren (ingezonden 28 juni 2024).\n"
    "                         Antwoord van Minister Heinen (Financi\u00ebn) (ontvangen 29 augustus 2024)\n\n"
    "                         Vraag 1\n"
    "                         Bent u bekend met het NRC-artikel \u00abBunq-werknemers keken stiekem in\n"
    "                         klantrekeningen: \u00abHet was te verleidelijk\u00bb\u00bb1?\n\n"
    "                         Antwoord 1\n"
    "                         Ja, daar ben ik mee bekend.\n\n\n"
    "                         1\n"
    "                             NRC.nl, 26 juni 2024, \u00abBunq-werknemers keken stiekem in klantrekeningen: \u00abHet was te verlei-\n"
    "                             delijk\u00bb\u00bb (https://www.nrc.nl/nieuws/2024/06/26/bunq-werknemers-keken-stiekem-in-\n"
    "                             klantrekeningen-het-was-te-verleidelijk-a4857800).\n\n\n"
    "ah-tk-20232024-2367\n"
    "ISSN 0921 - 7398\n"
    "\u2019s-Gravenhage 2024       Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel                1\n"
    "\fVraag 2\n"
    "Deelt u de opvatting dat het bekijken van gegevens een schending van de\n"
    "privacy is?\n\n"
    "Antwoord 2\n"
    "Bankgegevens bevatten veel persoonlijke informatie.\n\n"
    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel                2\n";

static void
test_layout_furniture_and_footnote(void **state)
{
	struct document *doc = parse_text(layout_2367);
	const struct passage *v1;

	(void)state;
	check_offsets(doc);
	assert_int_equal(doc->n_warnings, 0);
	assert_int_equal(doc->aanhangsel, 2367);
	assert_int_equal(doc->n_vragen, 2);
	assert_int_equal(count(doc, ROLE_OTHER, 0), 0);
	assert_string_equal(doc->passages[1].text,
	    "Antwoord van Minister Heinen (Financi\u00ebn) (ontvangen 29 augustus 2024)");
	v1 = nth(doc, ROLE_VRAAG, 1, 0);
	/* The marker leaves the text; the footnote keeps where it stood. */
	assert_string_equal(v1->text,
	    "Bent u bekend met het NRC-artikel \u00abBunq-werknemers keken stiekem in klantrekeningen: \u00abHet was te verleidelijk\u00bb\u00bb?");
	assert_int_equal(v1->n_footnotes, 1);
	assert_string_equal(v1->footnotes[0].marker, "1");
	assert_int_equal(v1->footnotes[0].at, strlen(v1->text) - 1);
	/* Broken words join; a web address keeps its hyphens. */
	assert_string_equal(v1->footnotes[0].text,
	    "NRC.nl, 26 juni 2024, \u00abBunq-werknemers keken stiekem in klantrekeningen: \u00abHet was te verleidelijk\u00bb\u00bb (https://www.nrc.nl/nieuws/2024/06/26/bunq-werknemers-keken-stiekem-in-klantrekeningen-het-was-te-verleidelijk-a4857800).");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 1), "Ja, daar ben ik mee bekend.");
	assert_string_equal(only(doc, ROLE_VRAAG, 2),
	    "Deelt u de opvatting dat het bekijken van gegevens een schending van de privacy is?");
	for (size_t i = 0; i < doc->n_passages; i++) {
		assert_null(strstr(doc->passages[i].text, "Gravenhage"));
		assert_null(strstr(doc->passages[i].text, "Aanhangsel"));
		assert_null(strstr(doc->passages[i].text, "Vergaderjaar"));
	}
	model_free(doc);
}

/*
 * The document number in a text conversion (issue 16): on a line of its
 * own after the cover's other number, its vergaderjaar from the cover and
 * the footer; a squeezed identifier ("h tk 20232024 387") is furniture
 * and says both; a number alone at the top of a page is the page's.
 */
static void
test_document_number(void **state)
{
	struct document *doc = parse_text(
	    "Tweede Kamer der Staten-Generaal\n\n"
	    "Vergaderjaar 2023\u20132024\n\n2\n\n"
	    "Aanhangsel van de Handelingen\n\n387\n" HEAD
	    "Vraag 1\nWat?\nAntwoord 1\nDit.\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 1\n");

	(void)state;
	assert_int_equal(doc->aanhangsel, 387);
	assert_string_equal(doc->vergaderjaar, "2023/24");
	model_free(doc);

	doc = parse_text(HEAD "Vraag 1\nWat?\nAntwoord 1\nDit.\n"
	    "h tk 20232024 412\n"
	    "Vraag 2\nWaarom?\nAntwoord 2\nDaarom.\n");
	assert_int_equal(doc->aanhangsel, 412);
	assert_string_equal(doc->vergaderjaar, "2023/24");
	assert_false(any_passage_has(doc, "tk"));
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);

	doc = parse_text("\f2\n" HEAD "Vraag 1\nWat?\nAntwoord 1\nDit.\n");
	assert_int_equal(doc->aanhangsel, 0);
	assert_string_equal(doc->vergaderjaar, "");
	model_free(doc);
}

/*
 * A text conversion (issue 16): "-----" and "* * *" between pages end a
 * page like a footer; footnote markers in brackets ("[1 ]", "[2, 3 ]",
 * "[^4]") and their bodies ("[1 ] ...", "2 ...", "[^4]: ...") at the
 * page foot become the passage's footnotes; a paragraph cut by the break
 * is one again.
 */
static void
test_conversion_breaks_and_brackets(void **state)
{
	struct document *doc = parse_text(HEAD
	    "Vraag 1\n"
	    "Kent u het bericht \u00abBelasting\u00bb?[1 ] En het rapport [2, 3 ] van\n"
	    "de Raad?\n"
	    "Antwoord 1\n"
	    "De kosten van de regeling zijn in\n"
	    "[1 ] NRC, 1 maart 2024.\n"
	    "2 Rapport van de Raad, 2023.\n"
	    "3 Bijlage bij het rapport.\n"
	    "-----\n"
	    "het eerste jaar laag, zie bron [5] en de brief.[^4]\n"
	    "[^4]: Kamerstuk 36 200, nr. 5.\n"
	    "* * *\n"
	    "Vraag 2\nWaarom?\nAntwoord 2\nDaarom.\n");
	const struct passage *v1, *a1;

	(void)state;
	check_offsets(doc);
	v1 = nth(doc, ROLE_VRAAG, 1, 0);
	assert_string_equal(v1->text,
	    "Kent u het bericht \u00abBelasting\u00bb? En het rapport van de Raad?");
	assert_int_equal(v1->n_footnotes, 3);
	assert_string_equal(v1->footnotes[0].text, "NRC, 1 maart 2024.");
	assert_int_equal(v1->footnotes[0].at,
	    strlen("Kent u het bericht \u00abBelasting\u00bb?"));
	assert_string_equal(v1->footnotes[1].text, "Rapport van de Raad, 2023.");
	assert_string_equal(v1->footnotes[2].text, "Bijlage bij het rapport.");
	a1 = nth(doc, ROLE_ANTWOORD, 1, 0);
	assert_string_equal(a1->text,
	    "De kosten van de regeling zijn in het eerste jaar laag, zie bron [5] en de brief.");
	assert_int_equal(count(doc, ROLE_ANTWOORD, 1), 1);
	assert_int_equal(a1->n_footnotes, 1);
	assert_string_equal(a1->footnotes[0].marker, "4");
	assert_string_equal(a1->footnotes[0].text, "Kamerstuk 36 200, nr. 5.");
	assert_string_equal(only(doc, ROLE_VRAAG, 2), "Waarom?");
	assert_false(any_passage_has(doc, "---"));
	assert_false(any_passage_has(doc, "* *"));
	assert_int_equal(count(doc, ROLE_OTHER, 0), 0);
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/*
 * A conversion that joined the lines of a page: the footer, or the
 * squeezed identifier, inside a line after text, and the next heading
 * glued after it with its text ("... Aanhangsel 2 Antwoord 2 Daarom.").
 */
static void
test_conversion_glued_footer(void **state)
{
	struct document *doc = parse_text(HEAD
	    "Vraag 1\nWat?\nAntwoord 1\nDit.\nVraag 2\n"
	    "Waarom? Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 2 "
	    "Antwoord 2 Daarom niet.\n"
	    "Vraag 3\nWanneer? h tk 20232024 412 Antwoord 3 Nu.\n");

	(void)state;
	check_offsets(doc);
	assert_string_equal(only(doc, ROLE_VRAAG, 2), "Waarom?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 2), "Daarom niet.");
	assert_string_equal(only(doc, ROLE_VRAAG, 3), "Wanneer?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 3), "Nu.");
	assert_int_equal(doc->aanhangsel, 412);
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/* A mededeling after the last vraag: its words are its body, not 'other'. */
static void
test_conversion_mededeling_after_vragen(void **state)
{
	struct document *doc = parse_text(
	    "Vragen van het lid Jansen (SP) aan de Minister van Financi\u00ebn over\n"
	    "het bericht (ingezonden 1 maart 2024).\n"
	    "Vraag 1\nWat?\nVraag 2\nWaarom?\n"
	    "Mededeling van Minister Pietersen (Financi\u00ebn) (ontvangen 20 maart 2024).\n"
	    "De vragen kunnen niet binnen de gebruikelijke termijn worden\n"
	    "beantwoord.\n");

	(void)state;
	check_offsets(doc);
	assert_int_equal(doc->kind, DOC_MEDEDELING);
	assert_string_equal(only(doc, ROLE_VRAAG, 2), "Waarom?");
	assert_string_equal(doc->received, "2024-03-20");
	assert_string_equal(only(doc, ROLE_BODY, 0),
	    "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.");
	assert_int_equal(count(doc, ROLE_OTHER, 0), 0);
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/* A heading glued to the footer by the extraction ("…Aanhangsel 1Vraag 3"). */
static void
test_heading_glued_to_footer(void **state)
{
	struct document *doc = parse_text(HEAD
	    "Vraag 1\nWat is er gebeurd?\nAntwoord 1\nNiets.\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 1Vraag 2\n"
	    "Waarom niet?\nAntwoord 2\nDaarom.\n"
	    "\u2019s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 2\n");

	(void)state;
	check_offsets(doc);
	assert_int_equal(doc->n_vragen, 2);
	assert_string_equal(only(doc, ROLE_VRAAG, 2), "Waarom niet?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 1), "Niets.");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 2), "Daarom.");
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/*
 * Footnote markers as the corpus prints them: after a closing mark
 * ("»?1"), two on one word ("»?2, 3"), after a full stop ("jl.4 heb"),
 * glued to a year ("20225"), and not a number that goes on ("1.4)",
 * "CO2-buis"); a footnote written on one line after its number ("6
 * Kamerstuk 36 200 VII, nr. 5").
 */
static void
test_footnote_markers(void **state)
{
	struct document *doc = parse_text(HEAD
	    "Vraag 1\n"
	    "Kent u het bericht \u00abVuurwerk\u00bb?1 En \u00abknallen\u00bb?2, 3 Wat vindt u?\n"
	    "Antwoord 1\n"
	    "Zoals ik in mijn brief van 24 april jl.4 heb aangegeven, volgens versie 1.4)\n"
	    "van de CO2-buis. In de brief van 29 juni 20225 staat het ook.\n"
	    "Dat blijkt uit de begroting.6\n\n"
	    "1\n  NOS, 1 maart 2024\n"
	    "2\n  NRC, 2 maart 2024\n"
	    "3\n  AD, 3 maart 2024\n"
	    "4\n  Kamerstuk 23 235, nr. 240\n"
	    "5\n  Kamerstuk 32 813, nr. 1061\n"
	    "6 Kamerstuk 36 200 VII, nr. 5\n\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 1\n");
	const struct passage *v = nth(doc, ROLE_VRAAG, 1, 0);
	const struct passage *a = nth(doc, ROLE_ANTWOORD, 1, 0);

	(void)state;
	check_offsets(doc);
	assert_int_equal(doc->n_warnings, 0);
	assert_string_equal(v->text,
	    "Kent u het bericht \u00abVuurwerk\u00bb? En \u00abknallen\u00bb? Wat vindt u?");
	assert_int_equal(v->n_footnotes, 3);
	assert_string_equal(v->footnotes[0].text, "NOS, 1 maart 2024");
	assert_string_equal(v->footnotes[1].marker, "2");
	assert_string_equal(v->footnotes[2].marker, "3");
	assert_int_equal(v->footnotes[1].at, v->footnotes[2].at);
	assert_int_equal(v->footnotes[1].at,
	    strlen("Kent u het bericht \u00abVuurwerk\u00bb? En \u00abknallen\u00bb?"));
	assert_string_equal(a->text,
	    "Zoals ik in mijn brief van 24 april jl. heb aangegeven, volgens versie 1.4) van de CO2-buis. In de brief van 29 juni 2022 staat het ook.");
	assert_int_equal(a->n_footnotes, 2);
	assert_string_equal(a->footnotes[0].marker, "4");
	assert_string_equal(a->footnotes[1].text, "Kamerstuk 32 813, nr. 1061");
	a = nth(doc, ROLE_ANTWOORD, 1, 1);
	assert_string_equal(a->text, "Dat blijkt uit de begroting.");
	assert_int_equal(a->n_footnotes, 1);
	assert_string_equal(a->footnotes[0].marker, "6");
	assert_string_equal(a->footnotes[0].text, "Kamerstuk 36 200 VII, nr. 5");
	model_free(doc);
}

/* A footnote whose marker is nowhere stays, with the paragraph before it. */
static void
test_footnote_without_marker(void **state)
{
	struct document *doc = parse_text(HEAD
	    "Vraag 1\nWat?\nAntwoord 1\nDit.\n\n"
	    "1\n  Een voetnoot zonder teken\n\n"
	    "Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel 1\n");
	const struct passage *a = nth(doc, ROLE_ANTWOORD, 1, 0);

	(void)state;
	assert_string_equal(a->text, "Dit.");
	assert_int_equal(a->n_footnotes, 1);
	assert_string_equal(a->footnotes[0].text, "Een voetnoot zonder teken");
	assert_int_equal(a->footnotes[0].at, 4);
	assert_true(has_warning(doc, "footnote 1: its marker was not found"));
	model_free(doc);
}

/* ------------------------------------------- the published PDFs, reworked */

/*
 * The variants below are made from the text that pdftotext -layout gives
 * of the published PDFs in tests/corpus-pdf/, changed the way other
 * publications and damaged extractions look: a heading deleted, the
 * answers taken out, "Vraag 1" turned into "1.", the lines joined.
 */

#define PDF_00FE "00fe7edd-24c8-4857-98da-774ed3b06836"	/* Aanhangsel 1314, Vraag 3, 4 en 5 */
#define PDF_1B0F "1b0f0b98-7c34-418c-98dc-43de7930e685"	/* 1786, Vraag 10 en 11 */
#define PDF_1B2D "1b2d2126-a21e-4c3e-9b18-42206b4cc791"	/* 2367, Vraag 3, 4, 5 en 6; 7, 8, 9 10 en 11 */
#define PDF_1BD4 "1bd47dc8-229e-4a1a-a405-8e2672436e1f"	/* 1893, Vraag 3 at the top of page 2 */
#define PDF_1C83 "1c83f4f5-0047-4b11-8051-e11def445937"	/* 1984, Vraag 9 en 10 */

static const char *const all_pdfs[] = {
	PDF_00FE, "1a2d8959-7ce1-411d-bffe-c78970ae8d6b",
	"1a529d02-ba4d-418b-8d6a-5400a4ac07bc", PDF_1B0F,
	"1b26915f-b542-4707-8495-b5c21f0edfe1", PDF_1B2D,
	"1b62ee8d-e406-4042-b7f5-7e235f7bd1c0",
	"1b922783-f576-4df5-a031-ad0063d2afd4",
	"1bca1484-2edb-43d1-913f-de5022c9a02b", PDF_1BD4,
	"1c0f765c-d7b4-455e-a241-35a4e9a9dc36",
	"1c7587f8-1c7c-4912-9319-290e19c99d85", PDF_1C83,
	"1dac45ca-7591-47a6-877d-9b549c18500a",
};

#define N_PDFS (sizeof(all_pdfs) / sizeof(all_pdfs[0]))

/* The text of tests/corpus-pdf/NAME.pdf, as naast extracts it. */
static char *
pdf_text(const char *name)
{
	char path[256], *pdf, *text;
	struct error err = { "" };
	size_t len, text_len;

	snprintf(path, sizeof(path), "tests/corpus-pdf/%s.pdf", name);
	pdf = test_read_file(path, &len);
	if (pdf_extract(pdf, len, &text, &text_len, &err) != STATUS_OK)
		fail_msg("%s: %s", path, err.msg);
	free(pdf);
	return text;
}

static struct document *
parse_auto(const char *text)
{
	struct document *doc = NULL;
	struct error err = { "" };

	if (parse_document(text, strlen(text), NULL, &doc, &err) != STATUS_OK)
		fail_msg("parse failed: %s", err.msg);
	return doc;
}

/* A line of a text: [s, s + n), without its '\n'. */
struct tline {
	const char *s;
	size_t n;
};

/* The next line of *p, false at the end. */
static bool
next_line(const char **p, struct tline *l)
{
	const char *nl;

	if (!**p)
		return false;
	l->s = *p;
	nl = strchr(*p, '\n');
	l->n = nl ? (size_t)(nl - *p) : strlen(*p);
	*p += l->n + (nl ? 1 : 0);
	return true;
}

/* The line's words: without form feeds and spaces at both ends; a copy. */
static char *
words(const struct tline *l)
{
	size_t a = 0, b = l->n;

	while (a < b && (l->s[a] == ' ' || l->s[a] == '\f'))
		a++;
	while (b > a && (l->s[b - 1] == ' ' || l->s[b - 1] == '\f'))
		b--;
	return xstrndup(l->s + a, b - a);
}

static bool
starts_page(const struct tline *l)
{
	return memchr(l->s, '\f', l->n) != NULL;
}

/* "Vraag 3" / "Antwoord 3, 4 en 5" (numbers, commas and "en" only), by word. */
static bool
is_heading(const char *w, const char *word)
{
	size_t k = strlen(word);

	if (strncmp(w, word, k) != 0 || w[k] != ' ' || !isdigit((unsigned char)w[k + 1]))
		return false;
	for (const char *p = w + k + 1; *p; p++)
		if (!isdigit((unsigned char)*p) && *p != ',' && *p != ' ' &&
		    strncmp(p, "en", 2) != 0)
			return false;
		else if (*p == 'e')
			p++;
	return true;
}

/* The text without the line whose words are heading; its page break stays. */
static char *
without_line(const char *text, const char *heading)
{
	struct xbuf b = { NULL, 0, 0 };
	struct tline l;
	const char *p = text;
	bool done = false;

	while (next_line(&p, &l)) {
		char *w = words(&l);

		if (!done && strcmp(w, heading) == 0) {
			done = true;
			if (starts_page(&l))
				xbuf_add(&b, "\f\n", 2);
		} else {
			xbuf_add(&b, l.s, l.n);
			xbuf_add(&b, "\n", 1);
		}
		free(w);
	}
	assert_true(done);
	return xbuf_finish(&b);
}

/*
 * The questions alone, as published when they are sent in: without the
 * answer's header and without each "Antwoord N" and its text; blank lines,
 * page furniture and the footnotes at the foot of a page stay.
 */
static char *
questions_alone(const char *text)
{
	struct xbuf b = { NULL, 0, 0 };
	struct tline l;
	const char *p = text;
	bool header = false, answer = false, vragen = false, notes = false;

	while (next_line(&p, &l)) {
		char *w = words(&l);
		bool furniture = strstr(w, "Tweede Kamer, vergaderjaar") ||
		    !strncmp(w, "ah-tk-", 6) || !strncmp(w, "ISSN", 4) ||
		    strstr(w, "Gravenhage");
		bool drop = false;

		if (!strncmp(w, "Antwoord van", 12))
			header = true;
		if (header) {
			header = !strstr(w, "(ontvangen");
			drop = true;
		} else if (is_heading(w, "Vraag")) {
			answer = false;
			vragen = true;
		} else if (is_heading(w, "Antwoord")) {
			answer = true;
		}
		if (vragen && *w && strlen(w) <= 2 && isdigit((unsigned char)w[0]))
			notes = true;	/* a footnote number at the foot of the page */
		if (answer && *w && !furniture && !notes)
			drop = true;
		if (furniture)
			notes = false;
		if (!drop) {
			xbuf_add(&b, l.s, l.n);
			xbuf_add(&b, "\n", 1);
		} else if (starts_page(&l)) {
			xbuf_add(&b, "\f\n", 2);
		}
		free(w);
	}
	return xbuf_finish(&b);
}

/*
 * The layout of numbered questions with the answer below: "Vraag 3"
 * becomes "3.", "Antwoord 3" goes; with tight, blank lines go too.
 */
static char *
numbered_layout(const char *text, bool tight)
{
	struct xbuf b = { NULL, 0, 0 };
	struct tline l;
	const char *p = text;

	while (next_line(&p, &l)) {
		char *w = words(&l);
		size_t indent = strspn(l.s, " \f");

		if (is_heading(w, "Vraag")) {
			xbuf_add(&b, l.s, indent);
			xbuf_add(&b, w + 6, strlen(w + 6));
			xbuf_add(&b, ".\n", 2);
		} else if (is_heading(w, "Antwoord") || (tight && !*w)) {
			if (starts_page(&l))
				xbuf_add(&b, "\f\n", 2);
		} else {
			xbuf_add(&b, l.s, l.n);
			xbuf_add(&b, "\n", 1);
		}
		free(w);
	}
	return xbuf_finish(&b);
}

/* The whole text on one line: each line's words, joined by one space. */
static char *
one_line(const char *text)
{
	struct xbuf b = { NULL, 0, 0 };
	struct tline l;
	const char *p = text;

	while (next_line(&p, &l)) {
		char *w = words(&l);

		if (*w) {
			if (b.n)
				xbuf_add(&b, " ", 1);
			xbuf_add(&b, w, strlen(w));
		}
		free(w);
	}
	return xbuf_finish(&b);
}

/* s with every "from" replaced by "to". */
static char *
replace_all(const char *s, const char *from, const char *to)
{
	struct xbuf b = { NULL, 0, 0 };
	const char *p;

	while ((p = strstr(s, from)) != NULL) {
		xbuf_add(&b, s, (size_t)(p - s));
		xbuf_add(&b, to, strlen(to));
		s = p + strlen(from);
	}
	xbuf_add(&b, s, strlen(s));
	return xbuf_finish(&b);
}

/* The passages of role and vraag as "text|text|...", in order. */
static char *
texts(const struct document *doc, enum role role, int vraag)
{
	struct xbuf b = { NULL, 0, 0 };

	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];

		if (p->role != role || p->vraag != vraag)
			continue;
		if (b.n)
			xbuf_add(&b, "|", 1);
		xbuf_add(&b, p->text, strlen(p->text));
	}
	return xbuf_finish(&b);
}

/* Every passage's role, numbers and text, and the footnotes: a whole parse. */
static char *
structure_of(const struct document *doc)
{
	struct xbuf b = { NULL, 0, 0 };

	for (size_t i = 0; i < doc->n_passages; i++) {
		const struct passage *p = &doc->passages[i];
		char *line = xasprintf("%s %d-%d %s\n", model_role_name(p->role),
		    p->vraag, p->vraag_to, p->text);

		xbuf_add(&b, line, strlen(line));
		free(line);
		for (size_t f = 0; f < p->n_footnotes; f++) {
			line = xasprintf("  [%s@%zu] %s\n", p->footnotes[f].marker,
			    p->footnotes[f].at, p->footnotes[f].text);
			xbuf_add(&b, line, strlen(line));
			free(line);
		}
	}
	return xbuf_finish(&b);
}

static void
check_same_header(const struct document *a, const struct document *b)
{
	assert_string_equal(a->subject, b->subject);
	assert_string_equal(a->submitted, b->submitted);
	assert_int_equal(a->n_questioners, b->n_questioners);
	for (size_t i = 0; i < a->n_questioners; i++)
		assert_string_equal(a->questioners[i].name, b->questioners[i].name);
	assert_int_equal(a->n_addressed, b->n_addressed);
	for (size_t i = 0; i < a->n_addressed; i++)
		assert_string_equal(a->addressed[i], b->addressed[i]);
	if (a->ministry || b->ministry) {
		assert_non_null(a->ministry);
		assert_non_null(b->ministry);
		assert_string_equal(a->ministry, b->ministry);
	}
	assert_string_equal(a->received, b->received);
	assert_int_equal(a->aanhangsel, b->aanhangsel);
	assert_int_equal(a->n_signatories, b->n_signatories);
	for (size_t i = 0; i < a->n_signatories; i++)
		assert_string_equal(a->signatories[i].name, b->signatories[i].name);
}

/* ------------------------------------------------------------ combined vragen */

/*
 * "Vraag 3, 4 en 5" and its kind in the published PDFs: where the block
 * holds one paragraph, or one line ending in a question mark, per number,
 * each number gets its own question; the answer stays one, to all.
 */
static void
test_combined_real(void **state)
{
	static const struct {
		const char *pdf;
		int vraag;
		const char *begins, *ends;
	} want[] = {
		{ PDF_00FE, 3, "Deelt u de mening dat als een provincie", "wat is de waarde van dat predicaat dan nog?" },
		{ PDF_00FE, 4, "Deelt u de mening dat regenboogprovincies", "over hoe die rol wel kan worden ingevuld? Zo nee, waarom niet?" },
		{ PDF_00FE, 5, "Kent u de Inventarisatie Regenboogbeleid Regenboogprovincies? Zo ja,", "nog beter waar gaan maken? Zo nee, waarom niet?" },
		{ PDF_1B2D, 3, "Herkent u het beeld dat Bunq-bank verzaakt?", "Herkent u het beeld dat Bunq-bank verzaakt?" },
		{ PDF_1B2D, 4, "Herkent u het beeld dat rekeninggluren", "genegeerd door de top?" },
		{ PDF_1B2D, 5, "Wat vindt u ervan dat de situatie al sinds 2022", "maar dat dit niet is gebeurd?" },
		{ PDF_1B2D, 6, "Deelt u de opvatting dat Bunq-bank zelf", "de individuele medewerkers?" },
		{ PDF_1B2D, 7, "Wat gaat u, samen met de toezichthouders", "dat dit nog een keer kan gebeuren?" },
		{ PDF_1B2D, 8, "Kunt u bij antwoord 7 de maatregelen", "een zo klein mogelijk aantal klantgegevens?" },
		{ PDF_1B2D, 9, "Welke andere maatregelen zijn mogelijk", "een vergelijkbare situatie speelde." },
		{ PDF_1B2D, 10, "Deelt u de opvatting dat er snel verbetering", "moet plaatsvinden?" },
		{ PDF_1B2D, 11, "Welke maatregelen gaat u of de toezichthouder", "Op welk moment wordt er ingegrepen?" },
		{ PDF_1B0F, 10, "In welke gevallen kunt u een exportkredietverzekering", "dan wel daarbij betrokken is?" },
		{ PDF_1B0F, 11, "Overweegt u de exportkredietsteun", "Zo nee, waarom niet?" },
		{ PDF_1C83, 9, "Is een aanpassing van de Wet op de loonbelasting", "leidt bij de werkgever?" },
		{ PDF_1C83, 10, "Zo ja, welke inhoudelijke aanpassingen", "op welke termijn kan dit worden gerealiseerd?" },
	};
	static const struct {
		const char *pdf;
		int from, to;
		const char *begins;
	} shared[] = {
		{ PDF_00FE, 3, 5, "Het is van groot belang dat iedereen in Nederland" },
		{ PDF_1B2D, 3, 6, "Ik kan niet ingaan op de exacte omstandigheden" },
		{ PDF_1B2D, 7, 11, "DNB is wettelijk verplicht tot geheimhouding" },
		{ PDF_1B0F, 10, 11, "Het kabinet overweegt niet om de exportkredietverzekeringen" },
		{ PDF_1C83, 9, 10, "Per 2022 is de arbovrijstelling" },
	};
	struct document *doc = NULL;
	const char *last = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct passage *p;

		if (!last || strcmp(last, want[i].pdf) != 0) {
			char *text = pdf_text(want[i].pdf);

			model_free(doc);
			doc = parse_auto(text);
			free(text);
			check_offsets(doc);
			assert_int_equal(doc->n_warnings, 0);
			last = want[i].pdf;
		}
		p = nth(doc, ROLE_VRAAG, want[i].vraag, 0);
		if (!p)
			fail_msg("%s: no vraag %d", want[i].pdf, want[i].vraag);
		assert_int_equal(count(doc, ROLE_VRAAG, want[i].vraag), 1);
		assert_int_equal(p->vraag_to, want[i].vraag);
		check_prefix(p->text, want[i].begins);
		check_suffix(p->text, want[i].ends);
	}
	model_free(doc);

	for (size_t i = 0; i < sizeof(shared) / sizeof(shared[0]); i++) {
		char *text = pdf_text(shared[i].pdf);
		const struct passage *p;

		doc = parse_auto(text);
		free(text);
		p = nth(doc, ROLE_ANTWOORD, shared[i].from, 0);
		assert_non_null(p);
		assert_int_equal(p->vraag_to, shared[i].to);
		check_prefix(p->text, shared[i].begins);
		for (int v = shared[i].from + 1; v <= shared[i].to; v++)
			assert_int_equal(count(doc, ROLE_ANTWOORD, v), 0);
		for (size_t k = 0; k < doc->n_passages; k++)
			if (doc->passages[k].role == ROLE_ANTWOORD &&
			    doc->passages[k].vraag == shared[i].from)
				assert_int_equal(doc->passages[k].vraag_to, shared[i].to);
		model_free(doc);
	}
}

/*
 * A combined block that does not fall into one piece per number (here the
 * two questions of 1984's "Vraag 9 en 10" under three numbers) is kept
 * whole, for each of them.
 */
static void
test_combined_kept_whole(void **state)
{
	static const char text[] = HEAD
	    "\n"
	    "Vraag 1, 2 en 3\n"
	    "Is een aanpassing van de Wet op de loonbelasting nodig om voorzieningen\n"
	    "die werkgevers op grond van het arbobeleid voeren niet als loon te kwalifice-\n"
	    "ren en daarmee niet tot additionele belastingheffing leidt bij de werkgever?\n"
	    "Zo ja, welke inhoudelijke aanpassingen zijn er nodig en op welke termijn kan\n"
	    "dit worden gerealiseerd?\n"
	    "\n"
	    "Antwoord 1, 2 en 3\n"
	    "Per 2022 is de arbovrijstelling in de Wet op de loonbelasting 1964 verduide-\n"
	    "lijkt in die zin dat werkgevers alleen verplichte arbovoorzieningen gericht\n"
	    "vrijgesteld en dus onbelast kunnen verstrekken aan hun werknemers.\n";
	struct document *doc = parse_text(text);
	const struct passage *p = nth(doc, ROLE_VRAAG, 1, 0);

	(void)state;
	check_offsets(doc);
	assert_non_null(p);
	assert_int_equal(count(doc, ROLE_VRAAG, 1), 1);
	assert_int_equal(p->vraag_to, 3);
	check_prefix(p->text, "Is een aanpassing van de Wet");
	check_suffix(p->text, "Zo ja, welke inhoudelijke aanpassingen zijn er nodig en op welke termijn kan dit worden gerealiseerd?");
	assert_int_equal(count(doc, ROLE_VRAAG, 2), 0);
	assert_int_equal(nth(doc, ROLE_ANTWOORD, 1, 0)->vraag_to, 3);
	assert_int_equal(doc->n_vragen, 3);
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/* ------------------------------------------------------- lost headings */

static void
test_lost_heading(void **state)
{
	char *text = pdf_text(PDF_1B2D), *t;
	struct document *doc, *orig = parse_auto(text);
	char *a, *b;

	(void)state;
	/* "Vraag 2" gone, a blank line where it stood: antwoord 2 finds it. */
	t = without_line(text, "Vraag 2");
	doc = parse_auto(t);
	check_offsets(doc);
	assert_string_equal(only(doc, ROLE_ANTWOORD, 1), "Ja, daar ben ik mee bekend.");
	assert_string_equal(only(doc, ROLE_VRAAG, 2), only(orig, ROLE_VRAAG, 2));
	assert_true(has_warning(doc, "vraag 2: no heading found"));
	assert_false(has_warning(doc, "answers no vraag"));
	assert_int_equal(doc->n_warnings, 1);
	a = structure_of(orig);
	b = structure_of(doc);
	assert_string_equal(a, b);	/* all else as it was */
	free(a);
	free(b);
	model_free(doc);
	free(t);

	/* "Vraag 1" gone, right after the header. */
	t = without_line(text, "Vraag 1");
	doc = parse_auto(t);
	check_offsets(doc);
	assert_string_equal(only(doc, ROLE_VRAAG, 1), only(orig, ROLE_VRAAG, 1));
	assert_int_equal(nth(doc, ROLE_VRAAG, 1, 0)->n_footnotes, 1);
	assert_int_equal(count(doc, ROLE_OTHER, 0), 0);
	assert_true(has_warning(doc, "vraag 1: no heading found"));
	assert_false(has_warning(doc, "'other'"));
	model_free(doc);
	free(t);

	/* "Antwoord 1" and "Vraag 2" both gone: nothing to go by, nothing made up. */
	t = without_line(text, "Antwoord 1");
	free(text);
	text = without_line(t, "Vraag 2");
	free(t);
	doc = parse_auto(text);
	assert_int_equal(count(doc, ROLE_VRAAG, 2), 0);
	check_contains(only(doc, ROLE_VRAAG, 1), "Ja, daar ben ik mee bekend.");
	assert_true(has_warning(doc, "antwoord 2 answers no vraag found"));
	assert_false(has_warning(doc, "no heading found"));
	model_free(doc);
	model_free(orig);
	free(text);
}

/* Aanhangsel 1893: "Vraag 3" stood first on page 2, after the footer. */
static void
test_lost_heading_page_break(void **state)
{
	char *text = pdf_text(PDF_1BD4), *t = without_line(text, "Vraag 3");
	struct document *orig = parse_auto(text), *doc = parse_auto(t);
	char *a, *b;

	(void)state;
	check_offsets(doc);
	check_prefix(only(doc, ROLE_VRAAG, 3), "Bent u het eens dat het onwenselijk is");
	assert_string_equal(only(doc, ROLE_VRAAG, 3), only(orig, ROLE_VRAAG, 3));
	check_suffix(nth(doc, ROLE_ANTWOORD, 2, 1)->text, "humanitaire belangen.");
	assert_int_equal(count(doc, ROLE_ANTWOORD, 2), count(orig, ROLE_ANTWOORD, 2));
	assert_true(has_warning(doc, "vraag 3: no heading found (lost at a page break?)"));
	a = structure_of(orig);
	b = structure_of(doc);
	assert_string_equal(a, b);
	free(a);
	free(b);
	model_free(orig);
	model_free(doc);
	free(text);
	free(t);
}

/* In questions alone, "Vraag 1" then "Vraag 3, 4 en 5": the second question of the block is vraag 2. */
static void
test_lost_heading_questions(void **state)
{
	char *text = pdf_text(PDF_00FE), *q = questions_alone(text);
	char *t = without_line(q, "Vraag 2");
	struct document *all = parse_auto(q), *doc = parse_auto(t);

	(void)state;
	check_offsets(doc);
	assert_int_equal(doc->kind, DOC_QUESTIONS);
	check_prefix(only(doc, ROLE_VRAAG, 1), "Heeft u kennisgenomen van het artikel");
	assert_string_equal(only(doc, ROLE_VRAAG, 1), only(all, ROLE_VRAAG, 1));
	assert_string_equal(only(doc, ROLE_VRAAG, 2), only(all, ROLE_VRAAG, 2));
	check_prefix(only(doc, ROLE_VRAAG, 2), "Zijn de voorwaarden waaraan een provincie");
	assert_true(has_warning(doc, "vraag 2: no heading found"));
	assert_true(has_warning(doc, "before vraag 3"));
	assert_false(has_warning(doc, "missing"));
	model_free(all);
	model_free(doc);
	free(t);
	free(q);
	free(text);
}

/* ----------------------------------------------------------- mededeling */

/*
 * A mededeling instead of an answer, in the layout of the answers of
 * Aanhangsel 2367 (cover, the same questions header; "Mededeling van"
 * where "Antwoord van" stands): the answer is late.
 */
static const char mededeling_2367[] =
    "Tweede Kamer der Staten-Generaal\n"
    "                                                                                                                2\n"
    "Vergaderjaar 2023\u20132024   Aanhangsel van de Handelingen\n"
    "\n\n\n\n"
    "                         Vragen gesteld door de leden der Kamer, met de daarop door de\n"
    "                         regering gegeven antwoorden\n"
    "\n\n\n\n"
    "                         2211\n"
    "\n"
    "                         Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van\n"
    "                         Financi\u00ebn over rekeninggluren (ingezonden 28 juni 2024).\n"
    "                         Mededeling van Minister Heinen (Financi\u00ebn) (ontvangen 19 juli 2024)\n"
    "\n"
    "                         De vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van\n"
    "                         Financi\u00ebn over rekeninggluren (ingezonden 28 juni 2024) kunnen niet\n"
    "                         binnen de gebruikelijke termijn van drie weken worden beantwoord. Voor de\n"
    "                         beantwoording is afstemming met De Nederlandsche Bank nodig.\n"
    "                         Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.\n"
    "\n\n\n\n"
    "ah-tk-20232024-2211\n"
    "ISSN 0921 - 7398\n"
    "\u2019s-Gravenhage 2024       Tweede Kamer, vergaderjaar 2023\u20132024, Aanhangsel                                               1\n"
    "\f";

/* An answer given elsewhere, in the header layout of Aanhangsel 1984. */
static const char mededeling_1984[] =
    "                         Vragen van de leden Van Eijk en Aartsen (beiden VVD) aan de Staatssecre-\n"
    "                         taris van Financi\u00ebn en de Minister van Sociale Zaken en Werkgelegenheid\n"
    "                         over gezonde lunch op het werk (ingezonden 10 april 2024).\n"
    "                         Mededeling van Staatssecretaris Van Rij (Financi\u00ebn \u2013 Fiscaliteit en\n"
    "                         Belastingdienst), mede namens de Minister van Sociale Zaken en Werkgele-\n"
    "                         genheid (ontvangen 2 mei 2024).\n"
    "\n"
    "                         De vragen van de leden Van Eijk en Aartsen (beiden VVD) zijn beantwoord\n"
    "                         in de brief van 30 april 2024 over de werkkostenregeling (Kamerstuk\n"
    "                         32 140, nr. 180).\n";

static void
test_mededeling(void **state)
{
	struct document *doc = parse_auto(mededeling_2367);

	(void)state;
	check_offsets(doc);
	assert_string_equal(doc->format, "pdftext");
	assert_int_equal(doc->kind, DOC_MEDEDELING);
	assert_string_equal(doc->subject, "rekeninggluren");
	assert_string_equal(doc->submitted, "2024-06-28");
	assert_int_equal(doc->n_questioners, 1);
	assert_string_equal(doc->questioners[0].name, "Van der Lee");
	assert_int_equal(doc->n_addressed, 1);
	assert_string_equal(doc->addressed[0], "FIN");
	assert_string_equal(doc->ministry, "FIN");
	assert_string_equal(doc->received, "2024-07-19");
	assert_int_equal(doc->aanhangsel, 2211);
	assert_int_equal(doc->n_signatories, 1);
	assert_string_equal(doc->signatories[0].name, "Heinen");
	assert_string_equal(doc->signatories[0].role, "Minister");
	assert_int_equal(doc->n_vragen, 0);
	assert_int_equal(doc->n_passages, 4);
	assert_int_equal(doc->passages[0].role, ROLE_HEADER);
	assert_string_equal(doc->passages[1].text,
	    "Mededeling van Minister Heinen (Financi\u00ebn) (ontvangen 19 juli 2024)");
	assert_int_equal(doc->passages[2].role, ROLE_BODY);
	check_prefix(doc->passages[2].text, "De vragen van het lid Van der Lee");
	check_suffix(doc->passages[2].text, "afstemming met De Nederlandsche Bank nodig.");
	assert_string_equal(doc->passages[3].text,
	    "Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.");
	assert_int_equal(count(doc, ROLE_ANTWOORD, 0), 0);
	if (doc->n_warnings)
		fail_msg("warning: %s", doc->warnings[0].text);
	model_free(doc);

	doc = parse_auto(mededeling_1984);
	check_offsets(doc);
	assert_int_equal(doc->kind, DOC_MEDEDELING);
	assert_int_equal(doc->n_questioners, 2);
	assert_string_equal(doc->questioners[1].party, "VVD");
	assert_string_equal(doc->ministry, "FIN");
	assert_string_equal(doc->received, "2024-05-02");
	assert_string_equal(doc->signatories[0].role, "Staatssecretaris");
	assert_string_equal(doc->signatories[0].portfolio, "Fiscaliteit en Belastingdienst");
	assert_int_equal(doc->signatories[0].n_on_behalf_of, 1);
	assert_string_equal(doc->signatories[0].on_behalf_of[0], "SZW");
	assert_string_equal(only(doc, ROLE_BODY, 0),
	    "De vragen van de leden Van Eijk en Aartsen (beiden VVD) zijn beantwoord in de brief van 30 april 2024 over de werkkostenregeling (Kamerstuk 32 140, nr. 180).");
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/* ------------------------------------------------------- questions alone */

static void
test_questions_alone_real(void **state)
{
	char *text = pdf_text(PDF_00FE), *q = questions_alone(text);
	struct document *doc = parse_auto(q), *answer = parse_auto(text);

	(void)state;
	check_offsets(doc);
	assert_int_equal(doc->kind, DOC_QUESTIONS);
	assert_int_equal(doc->n_vragen, 6);
	assert_int_equal(doc->n_signatories, 0);
	assert_null(doc->ministry);
	assert_string_equal(doc->submitted, answer->submitted);
	assert_string_equal(doc->subject, answer->subject);
	for (int v = 1; v <= 6; v++) {
		char *a = texts(doc, ROLE_VRAAG, v), *b = texts(answer, ROLE_VRAAG, v);

		assert_true(*a);
		assert_string_equal(a, b);
		free(a);
		free(b);
		assert_int_equal(count(doc, ROLE_ANTWOORD, v), 0);
	}
	/* Its footnotes are the questions', both found. */
	assert_int_equal(nth(doc, ROLE_VRAAG, 1, 0)->n_footnotes, 1);
	assert_int_equal(nth(doc, ROLE_VRAAG, 5, 0)->n_footnotes, 1);
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
	model_free(answer);
	free(q);
	free(text);
}

/* A fresh database in a temporary directory. */
static struct store *
temp_store(char dir[64], char path[96])
{
	struct store *st = NULL;
	struct error err = { "" };

	snprintf(dir, 64, "/tmp/naast-test-pdftext-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, 96, "%s/x.db", dir);
	if (store_open(path, &st, &err) != STATUS_OK)
		fail_msg("store_open: %s", err.msg);
	return st;
}

static void
drop_store(struct store *st, const char *dir, const char *path)
{
	char aux[128];

	store_close(st);
	unlink(path);
	snprintf(aux, sizeof(aux), "%s-wal", path);
	unlink(aux);
	snprintf(aux, sizeof(aux), "%s-shm", path);
	unlink(aux);
	rmdir(dir);
}

static void
import_text(struct store *st, const char *origin, const char *text,
    struct import_result *res)
{
	struct document *doc = parse_auto(text);
	struct error err = { "" };

	if (store_import(st, origin, doc, res, &err) != STATUS_OK)
		fail_msg("import %s: %s", origin, err.msg);
	model_free(doc);
}

/*
 * The questions come in first, the answer later: one set, which has no
 * answer until the answer joins it; the questions keep their text.
 */
static void
test_questions_then_answer(void **state)
{
	char dir[64], path[96], *text = pdf_text(PDF_00FE), *q = questions_alone(text);
	struct store *st = temp_store(dir, path);
	struct import_result res;
	struct set_info set;
	struct question_view *qs;
	struct document *qdoc = parse_auto(q);
	struct error err = { "" };
	size_t n;

	(void)state;
	import_text(st, "vragen.txt", q, &res);
	assert_int_equal(res.kind, DOC_QUESTIONS);
	assert_int_equal(res.n_vragen, 6);
	assert_int_equal(store_set_get(st, res.set, &set, &err), STATUS_OK);
	assert_int_equal(set.n_answers, 0);
	assert_int_equal(set.n_notices, 0);
	assert_int_equal(set.n_questions, 6);
	assert_int_equal(set.n_addressed, 1);
	assert_string_equal(set.addressed[0], "OCW");
	store_set_info_clear(&set);
	assert_int_equal(store_questions(st, res.set, 0, NULL, 0, &qs, &n, &err), STATUS_OK);
	assert_int_equal(n, 6);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(qs[i].n_answers, 0);
	store_questions_free(qs, n);

	import_text(st, "antwoord.txt", text, &res);
	assert_int_equal(res.kind, DOC_ANSWER);
	assert_int_equal(res.set, 1);
	assert_int_equal(store_set_get(st, 1, &set, &err), STATUS_OK);
	assert_int_equal(set.n_answers, 1);
	assert_string_equal(set.answers[0].ministry, "OCW");
	assert_int_equal(set.n_questions, 6);
	store_set_info_clear(&set);
	assert_int_equal(store_set_get(st, 2, &set, &err), STATUS_NOT_FOUND);
	store_set_info_clear(&set);
	assert_int_equal(store_questions(st, 1, 0, NULL, 0, &qs, &n, &err), STATUS_OK);
	assert_int_equal(n, 6);
	for (size_t i = 0; i < n; i++) {
		char *want = texts(qdoc, ROLE_VRAAG, qs[i].number);

		assert_int_equal(qs[i].number, (int)i + 1);
		assert_string_equal(qs[i].text, want);	/* the questions' text, kept */
		assert_int_equal(qs[i].n_answers, 1);
		assert_string_equal(qs[i].answers[0].ministry, "OCW");
		assert_true(qs[i].answers[0].n_paragraphs > 0);
		free(want);
	}
	/* Antwoord 3, 4 en 5: one answer, read under each of the three. */
	assert_int_equal(qs[3].answers[0].vraag_from, 3);
	assert_int_equal(qs[3].answers[0].vraag_to, 5);
	assert_int_equal(qs[2].answers[0].paragraphs[0].id,
	    qs[4].answers[0].paragraphs[0].id);
	store_questions_free(qs, n);
	model_free(qdoc);
	drop_store(st, dir, path);
	free(q);
	free(text);
}

/* A mededeling joins its set as a notice; the answer that follows joins it too. */
static void
test_mededeling_then_answer(void **state)
{
	char dir[64], path[96], *text = pdf_text(PDF_1B2D);
	struct store *st = temp_store(dir, path);
	struct import_result res;
	struct set_info set;
	struct question_view *qs;
	struct error err = { "" };
	size_t n;

	(void)state;
	import_text(st, "mededeling.txt", mededeling_2367, &res);
	assert_int_equal(res.kind, DOC_MEDEDELING);
	assert_string_equal(res.ministry, "FIN");
	assert_int_equal(store_set_get(st, res.set, &set, &err), STATUS_OK);
	assert_int_equal(set.n_answers, 0);
	assert_int_equal(set.n_notices, 1);
	assert_string_equal(set.notices[0].ministry, "FIN");
	assert_string_equal(set.notices[0].received, "2024-07-19");
	assert_int_equal(set.n_questions, 0);
	store_set_info_clear(&set);

	import_text(st, "antwoord.txt", text, &res);
	assert_int_equal(res.kind, DOC_ANSWER);
	assert_int_equal(res.set, 1);
	assert_int_equal(store_set_get(st, 1, &set, &err), STATUS_OK);
	assert_int_equal(set.n_answers, 1);
	assert_int_equal(set.n_notices, 1);
	assert_int_equal(set.n_questions, 12);
	store_set_info_clear(&set);
	/* The mededeling answers no vraag. */
	assert_int_equal(store_questions(st, 1, 0, NULL, 0, &qs, &n, &err), STATUS_OK);
	assert_int_equal(n, 12);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(qs[i].n_answers, 1);
		assert_int_not_equal(qs[i].answers[0].doc, 1);
	}
	store_questions_free(qs, n);
	drop_store(st, dir, path);
	free(text);
}

/* ------------------------------------------------------ numbered layout */

/*
 * "1." instead of "Vraag 1" and no "Antwoord" heading: every published PDF
 * without a combined heading reads as it does with its headings, with
 * the blank lines of the layout and without them.
 */
static void
test_numbered_real(void **state)
{
	size_t tried = 0;

	(void)state;
	for (size_t i = 0; i < N_PDFS; i++) {
		char *text = pdf_text(all_pdfs[i]), *want;
		struct document *orig = parse_auto(text);
		bool combined = false;

		for (size_t k = 0; k < orig->n_passages; k++)
			combined |= orig->passages[k].vraag_to != orig->passages[k].vraag;
		if (combined) {
			model_free(orig);
			free(text);
			continue;
		}
		want = structure_of(orig);
		for (int tight = 0; tight <= 1; tight++) {
			char *t = numbered_layout(text, tight), *got;
			struct document *doc = parse_auto(t);

			check_offsets(doc);
			assert_int_equal(doc->kind, DOC_ANSWER);
			check_same_header(orig, doc);
			assert_int_equal(doc->n_vragen, orig->n_vragen);
			got = structure_of(doc);
			if (strcmp(got, want) != 0)
				fail_msg("%s, numbered%s: got\n%s\nwant\n%s", all_pdfs[i],
				    tight ? " and tight" : "", got, want);
			if (doc->n_warnings)
				fail_msg("%s: warning: %s", all_pdfs[i], doc->warnings[0].text);
			free(got);
			model_free(doc);
			free(t);
		}
		tried++;
		free(want);
		model_free(orig);
		free(text);
	}
	assert_int_equal(tried, 10);
}

/*
 * Numbered lists inside answers are no vragen: "1." and "2." that ask
 * nothing, after the questions' own numbers, stay the answer's.
 */
static void
test_numbered_lists_in_answers(void **state)
{
	static const char text[] = HEAD
	    "\n"
	    "1.\n"
	    "Bent u bekend met het bericht?\n"
	    "\n"
	    "Ja. Er zijn twee redenen:\n"
	    "1. de kosten zijn gestegen;\n"
	    "2. de vraag is gedaald.\n"
	    "\n"
	    "2.\n"
	    "Wat gaat u doen?\n"
	    "\n"
	    "Niets.\n";
	struct document *doc = parse_text(text);

	(void)state;
	check_offsets(doc);
	assert_int_equal(doc->n_vragen, 2);
	assert_string_equal(only(doc, ROLE_VRAAG, 1), "Bent u bekend met het bericht?");
	assert_string_equal(nth(doc, ROLE_ANTWOORD, 1, 0)->text,
	    "Ja. Er zijn twee redenen:");
	assert_int_equal(count(doc, ROLE_ANTWOORD, 1), 3);
	assert_string_equal(nth(doc, ROLE_ANTWOORD, 1, 2)->text, "2. de vraag is gedaald.");
	assert_string_equal(only(doc, ROLE_VRAAG, 2), "Wat gaat u doen?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 2), "Niets.");
	assert_int_equal(doc->n_warnings, 0);
	model_free(doc);
}

/* ------------------------------------------------------------ one line */

/* Words of page furniture and headings, which may leave the text. */
static bool
furniture_word(const char *w)
{
	static const char *const words[] = {
		"Tweede", "Kamer", "Kamer,", "der", "Staten-Generaal",
		"Vergaderjaar", "vergaderjaar", "2023\u20132024", "2023\u20132024,",
		"Aanhangsel", "van", "de", "Handelingen", "Vragen", "gesteld",
		"door", "leden", "met", "daarop", "regering", "gegeven",
		"antwoorden", "ISSN", "0921", "-", "7398", "\u2019s-Gravenhage",
		"Vraag", "Antwoord", "en",
	};
	size_t digits = strspn(w, "0123456789");

	if (digits > 0 && (w[digits] == '\0' || strcmp(w + digits, ",") == 0))
		return true;	/* page, vraag and Aanhangsel numbers */
	if (strncmp(w, "ah-tk-", 6) == 0)
		return true;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(w, words[i]) == 0)
			return true;
	return false;
}

static int
cmp_word(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the words of s to *v. */
static void
add_words(char ***v, size_t *n, size_t *cap, const char *s)
{
	char *copy = xstrdup(s), *save = NULL;

	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		xgrow(v, cap, *n + 1, sizeof(**v));
		(*v)[(*n)++] = xstrdup(w);
	}
	free(copy);
}

/*
 * Whether the word that a broken word w and the word after it make (for
 * "regen-" and "boog" of a flattened text: "regenboog"), or w without its
 * hyphen, is in have; then *save moves past the word after it.
 */
static bool
joined_word(char *w, char **save, char **have, size_t n)
{
	size_t len = strlen(w), h = strcspn(w, "-");
	char *rest = *save, *next, *joined;
	bool found;

	/* "quantum-proof" inside the line, where the text writes "quantumproof" */
	if (h > 0 && h + 1 < len) {
		joined = xasprintf("%.*s%s", (int)h, w, w + h + 1);
		found = bsearch(&joined, have, n, sizeof(*have), cmp_word) != NULL;
		free(joined);
		return found;
	}
	if (len < 2 || w[len - 1] != '-' || !rest)
		return false;
	rest += strspn(rest, " \f\n");
	next = xstrndup(rest, strcspn(rest, " \f\n"));
	joined = xasprintf("%.*s%s", (int)(len - 1), w, next);
	found = bsearch(&joined, have, n, sizeof(*have), cmp_word) != NULL;
	if (found)
		*save = rest + strlen(next);
	free(next);
	free(joined);
	return found;
}

/*
 * Never drop text: every word of the input (NFC) is in some passage or
 * footnote, but for the words of page furniture and headings; a word
 * broken inside a flattened line ("regen- boog") may stand joined.
 */
static void
check_every_word(const struct document *doc, const char *input, const char *name)
{
	char **have = NULL, *nfc = text_nfc(input);
	char *copy, *save = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < doc->n_passages; i++) {
		add_words(&have, &n, &cap, doc->passages[i].text);
		for (size_t f = 0; f < doc->passages[i].n_footnotes; f++)
			add_words(&have, &n, &cap, doc->passages[i].footnotes[f].text);
	}
	qsort(have, n, sizeof(*have), cmp_word);
	copy = xstrdup(nfc);
	for (char *w = strtok_r(copy, " \f\n", &save); w;
	    w = strtok_r(NULL, " \f\n", &save))
		if (!joined_word(w, &save, have, n) &&
		    !bsearch(&w, have, n, sizeof(*have), cmp_word) &&
		    !furniture_word(w))
			fail_msg("%s: the word '%s' is in no passage", name, w);
	free(copy);
	free(nfc);
	model_strv_free(have, n);
}

/*
 * Each published PDF joined onto one line: found by probing, its headers
 * read as from the PDF, its vragen and antwoorden found at their inline
 * headings, and no word lost.
 */
static void
test_one_line_real(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_PDFS; i++) {
		char *text = pdf_text(all_pdfs[i]), *flat = one_line(text);
		struct document *orig = parse_auto(text), *doc = parse_auto(flat);
		unsigned char seen[64] = { 0 };

		assert_null(strchr(flat, '\n'));
		check_offsets(doc);
		assert_string_equal(doc->format, "pdftext");
		assert_int_equal(doc->kind, DOC_ANSWER);
		check_same_header(orig, doc);
		assert_int_equal(doc->n_vragen, orig->n_vragen);
		assert_true(has_warning(doc, "no line breaks"));
		assert_int_equal(count(doc, ROLE_OTHER, 0), 0);
		for (size_t k = 0; k < doc->n_passages; k++) {
			const struct passage *p = &doc->passages[k];

			if (p->role != ROLE_VRAAG && p->role != ROLE_ANTWOORD)
				continue;
			assert_true(p->vraag >= 1 && p->vraag_to < 64);
			for (int v = p->vraag; v <= p->vraag_to; v++)
				seen[v] |= p->role == ROLE_VRAAG ? 1 : 2;
		}
		for (int v = 1; v <= orig->n_vragen; v++)
			if (seen[v] != 3)
				fail_msg("%s on one line: vraag %d %s", all_pdfs[i], v,
				    seen[v] & 1 ? "has no answer" : "is missing");
		if (doc->n_warnings != 1)
			fail_msg("%s on one line: warning: %s", all_pdfs[i],
			    doc->warnings[doc->n_warnings - 1].text);
		check_every_word(doc, flat, all_pdfs[i]);
		model_free(orig);
		model_free(doc);
		free(flat);
		free(text);
	}
}

/*
 * A gap in the numbering is one warning, whatever its width; so is a run
 * of vragen without answers; a single number keeps its own wording.
 */
static void
test_numbering_gaps(void **state)
{
	struct document *doc;

	(void)state;
	doc = parse_text("Vraag 1\nIs dit een vraag?\n\nAntwoord 1\nJa.\n\n"
	    "Vraag 999\nEn dit?\n\nAntwoord 999\nOok.\n");
	assert_int_equal(doc->n_vragen, 999);
	assert_int_equal(doc->n_warnings, 1);
	assert_string_equal(doc->warnings[0].text, "vragen 2 to 998 are missing");
	model_free(doc);

	doc = parse_text("Vraag 1\nEen?\n\nVraag 2\nTwee?\n\nVraag 3\nDrie?\n\n"
	    "Vraag 5\nVijf?\n\nAntwoord 1\nJa.\n\nAntwoord 5\nNee.\n");
	assert_true(has_warning(doc, "vragen 2 to 3 have no answer"));
	assert_true(has_warning(doc, "vraag 4 is missing"));
	assert_int_equal(doc->n_warnings, 2);
	model_free(doc);
}

/* One line without any heading to go by: all of it kept, and said so. */
static void
test_one_line_unreadable(void **state)
{
	char *text = pdf_text(PDF_1BD4), *flat = one_line(text);
	char *a = replace_all(flat, "Vraag ", "vraag "), *b = replace_all(a, "Antwoord", "antwoord");
	struct document *doc;

	(void)state;
	doc = parse_auto(b);
	check_offsets(doc);
	assert_true(has_warning(doc, "no line breaks"));
	assert_true(has_warning(doc, "no \"Vraag N\" headings"));
	assert_int_equal(count(doc, ROLE_VRAAG, 1), 0);
	check_every_word(doc, b, "1893 without headings");
	model_free(doc);
	free(a);
	free(b);
	free(flat);
	free(text);
}

/* ------------------------------------------------------------- robustness */

static void
test_odd_input(void **state)
{
	static const char *const odd[] = {
		"Vraag 0\nVraag 99999\nAntwoord:\n-\n- \n\u2013\nVraag\nAntwoord\n\f\f\n",
		"Antwoord 3\n\n\n",
		"Vraag 1\r\nWat?\r\nAntwoord 1\r\nJa.\r\n",
		"Vragen van het lid\n",
		"Antwoord van (ontvangen\nZie ook\nnr.\n",
		"1\n2\n3\n\fx-\n-\n",
		"\u00ad-\n\u00ad\n-y\n",
	};
	struct document *doc = NULL;
	struct error err;

	(void)state;
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		enum status st = parse_document(odd[i], strlen(odd[i]),
		    "pdftext", &doc, &err);

		assert_int_equal(st, STATUS_OK);
		check_offsets(doc);
		model_free(doc);
	}
	doc = parse_text("Vraag 1\r\nWat?\r\nAntwoord 1\r\nJa.\r\n");
	assert_string_equal(only(doc, ROLE_VRAAG, 1), "Wat?");
	assert_string_equal(only(doc, ROLE_ANTWOORD, 1), "Ja.");
	model_free(doc);

	/* Page furniture and nothing else is not a document. */
	doc = NULL;
	assert_int_equal(parse_document("Tweede Kamer, vergaderjaar 2023-2024, Aanhangsel 2\n\n3\n",
	    52, "pdftext", &doc, &err), STATUS_FORMAT);
	assert_null(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probe),
		cmocka_unit_test(test_seed_vragen),
		cmocka_unit_test(test_seed_antwoorden),
		cmocka_unit_test(test_seed_clean),
		cmocka_unit_test(test_seed_header),
		cmocka_unit_test(test_page_break),
		cmocka_unit_test(test_hyphen_join),
		cmocka_unit_test(test_hyphen_klinkerbotsing),
		cmocka_unit_test(test_hyphen_capital),
		cmocka_unit_test(test_hyphen_attested),
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_dash_items),
		cmocka_unit_test(test_combined_vragen),
		cmocka_unit_test(test_colon_headings),
		cmocka_unit_test(test_heading_forms),
		cmocka_unit_test(test_unplaced),
		cmocka_unit_test(test_questions_only),
		cmocka_unit_test(test_real_layout),
		cmocka_unit_test(test_real_footnotes),
		cmocka_unit_test(test_layout_furniture_and_footnote),
		cmocka_unit_test(test_document_number),
		cmocka_unit_test(test_conversion_breaks_and_brackets),
		cmocka_unit_test(test_conversion_glued_footer),
		cmocka_unit_test(test_conversion_mededeling_after_vragen),
		cmocka_unit_test(test_heading_glued_to_footer),
		cmocka_unit_test(test_footnote_markers),
		cmocka_unit_test(test_footnote_without_marker),
		cmocka_unit_test(test_combined_real),
		cmocka_unit_test(test_combined_kept_whole),
		cmocka_unit_test(test_lost_heading),
		cmocka_unit_test(test_lost_heading_page_break),
		cmocka_unit_test(test_lost_heading_questions),
		cmocka_unit_test(test_mededeling),
		cmocka_unit_test(test_questions_alone_real),
		cmocka_unit_test(test_questions_then_answer),
		cmocka_unit_test(test_mededeling_then_answer),
		cmocka_unit_test(test_numbered_real),
		cmocka_unit_test(test_numbered_lists_in_answers),
		cmocka_unit_test(test_one_line_real),
		cmocka_unit_test(test_one_line_unreadable),
		cmocka_unit_test(test_numbering_gaps),
		cmocka_unit_test(test_odd_input),
	};

	return cmocka_run_group_tests_name("pdftext", tests, NULL, NULL);
}
