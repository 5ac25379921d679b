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

#include "parse.h"
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
		if (strstr(doc->warnings[i], needle))
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
	p = nth(doc, ROLE_VRAAG, 2, 0);
	assert_non_null(p);
	assert_int_equal(p->vraag_to, 3);
	assert_string_equal(p->text, "Tweede vraag? Derde vraag?");
	p = nth(doc, ROLE_ANTWOORD, 2, 0);
	assert_non_null(p);
	assert_int_equal(p->vraag_to, 3);
	assert_string_equal(p->text, "Nee.");
	p = nth(doc, ROLE_VRAAG, 4, 0);
	assert_non_null(p);
	assert_int_equal(p->vraag_to, 7);
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
		cmocka_unit_test(test_unplaced),
		cmocka_unit_test(test_questions_only),
		cmocka_unit_test(test_real_layout),
		cmocka_unit_test(test_real_footnotes),
		cmocka_unit_test(test_layout_furniture_and_footnote),
		cmocka_unit_test(test_heading_glued_to_footer),
		cmocka_unit_test(test_footnote_markers),
		cmocka_unit_test(test_footnote_without_marker),
		cmocka_unit_test(test_odd_input),
	};

	return cmocka_run_group_tests_name("pdftext", tests, NULL, NULL);
}
