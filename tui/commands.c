/*
 * commands: the table of naast's commands, each with its usage, summary
 * and help, and the help texts made from it.  A new command is one row
 * here and its function in a cli_*.c file; the man page follows the
 * table (test_keymap checks it).
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "import.h"
#include "opendata.h"
#include "pdf.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

/* naast --help puts a summary in this column, or below a long usage. */
#define SUMMARY_COLUMN 33
/* and wraps it to end before this one. */
#define SUMMARY_END 76

_Static_assert(STORE_PART_WORDS == 64, "the help of search names STORE_PART_WORDS");
_Static_assert(IMPORT_MAX_FILE_SIZE == 64u << 20 && IMPORT_MAX_TEXT_SIZE == 8u << 20,
    "the help of import names the limits");

const struct cli_command cli_commands[] = {
	{
		"import", cli_import,
		N_("import documents ('-' reads stdin)"),
		{ "[--format F] [--encoding utf-8|latin1] [--follow-links] FILE|DIR...", NULL },
		N_("Imports documents: text, Markdown and PDF (through pdftotext, from poppler-utils);\n"
		"a directory imports every such file under it; '-' reads standard input.\n"
		"F is pdftext, markdown or letter, found from the file when not given.\n"
		"Text is UTF-8 unless --encoding latin1 says it is Latin-1 or Windows-1252.\n"
		"Files of more than 64 MiB, or with more than 8 MiB of text, are refused.\n"
		"\n"
		"Of a directory, only answers, questions, mededelingen and letters are\n"
		"stored; other files (a README, notes) are skipped and named in the summary,\n"
		"and so are named pipes and symbolic links to files out of the directory,\n"
		"which --follow-links follows.\n"
		"A file named on its own is stored whatever it holds: text naast cannot\n"
		"structure is kept as plain paragraphs, with a warning.\n"
		"A document that is here already in another form (its PDF and the text of\n"
		"it, a Markdown conversion) is kept once: the PDF over its text over other\n"
		"conversions, the first of two alike; basket items move to the one kept.\n"),
	},
	{
		"fetch", cli_fetch,
		N_("fetch question sets from the Tweede Kamer's open data"),
		{ "[--api URL] [--timeout S] ZAAK|KOOP-ID|DOCUMENT...", NULL },
		N_("Fetches each question set: ZAAK is its number (2024Z01294), KOOP-ID\n"
		"the identifier of its questions (kv-tk-2024Z01294) or of one of its\n"
		"answers (ah-tk-20232024-1059), DOCUMENT a document number\n"
		"(2024D05678).  The questions, answers and mededelingen are downloaded\n"
		"as PDF, kept in $XDG_CACHE_HOME/naast (~/.cache/naast), and imported\n"
		"with their official identifiers; one fetched before is not downloaded\n"
		"again, and a fetch that was interrupted goes on where it stopped.  The\n"
		"ministers the open data says the questions were addressed to count\n"
		"for coverage.  A fetched set is followed (naast sync).\n"
		"\n"
		"The open data is the Tweede Kamer's:\n"
		"  https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/\n"
		"--api URL, $NAAST_API or 'api = URL' in $XDG_CONFIG_HOME/naast/config\n"
		"(~/.config/naast/config) name another address.  Requests go to that\n"
		"address only, and only from fetch and sync; a busy or failing service\n"
		"is asked again after a pause.  --timeout: seconds without an answer\n"
		"before a request is tried again (default 30).\n"
		"\n"
		"Exit status: 0 every document is here, 1 one or more failed, 2 usage error.\n"),
	},
	{
		"sync", cli_sync,
		N_("bring in what the open data has new for the sets followed"),
		{ "[--api URL] [--timeout S] [--all] [--since DATE]", NULL },
		N_("Asks the open data which questions, answers and mededelingen changed\n"
		"since the last sync (or since DATE) and fetches, as fetch does, the\n"
		"sets followed among them; with --all, every set among them.  A set is\n"
		"followed when it was fetched, or when basket items come from it,\n"
		"unless 'naast unfollow' said not.  Where the last sync stopped is kept\n"
		"in the database after each page of 250 documents, so a sync that was\n"
		"stopped goes on from there.  Prints one line per new document and a\n"
		"summary per set, then what was listed and fetched.  --api and\n"
		"--timeout as for fetch.\n"
		"\n"
		"Exit status: 0 done, 1 a request or a document failed, 2 usage error.\n"),
	},
	{
		"follow", cli_follow,
		N_("sync brings in what comes new to these sets"),
		{ "SET|ZAAK...", NULL },
		N_("Follows each set: SET is its number (naast list), ZAAK its Zaak number\n"
		"(2024Z01294).  A set imported from files has no Zaak number until it\n"
		"is fetched.\n"),
	},
	{
		"unfollow", cli_unfollow,
		N_("sync leaves these sets alone"),
		{ "SET|ZAAK...", NULL },
		N_("Stops following each set, also one followed because basket items come\n"
		"from it.\n"),
	},
	{
		"remove", cli_remove,
		N_("remove documents from the library"),
		{ "[--force] DOC...", NULL },
		N_("Removes documents: each DOC is a document number ('naast list --json'\n"
		"gives them) or the file it was imported from.  Its set, the library and\n"
		"what counts as answered follow; a set left without documents goes.\n"
		"A document that basket items cite is not removed, and nothing is, unless\n"
		"--force says to take those items out of the basket with it.\n"
		"\n"
		"Exit status: 0 removed, 1 nothing removed, 2 usage error.\n"),
	},
	{
		"reparse", cli_reparse,
		N_("read every stored document again with this naast's parsers"),
		{ "", NULL },
		N_("Reads every stored document again, from the text kept with it, with\n"
		"the parsers of this version of naast, and says how many changed.\n"
		"Basket items and their notes stay with the same text.  The first\n"
		"start of a new version does this by itself for the documents an\n"
		"older version read.\n"),
	},
	{
		"list", cli_list,
		N_("list question sets and letters"),
		{ "[--json]", NULL },
		N_("Lists the question sets, newest first, and the letters.\n"),
	},
	{
		"show", cli_show,
		N_("print the vragen of a set with each ministry's answer"),
		{ "SET [--vraag N] [--ministry CODE[,CODE...]] [--json]", NULL },
		N_("Prints the vragen of question set SET with each ministry's answer.\n"),
	},
	{
		"diff", cli_diff,
		N_("the word differences between two ministries' answers to vraag N"),
		{ "SET --vraag N [--ministries A,B] [--ignore-case] [--json]", NULL },
		N_("Prints the word differences between two ministries' answers to\n"
		"vraag N: [-words of A only-] and {+words of B only+}.  Without\n"
		"--ministries, the first two ministries that answered.\n"),
	},
	{
		"matrix", cli_matrix,
		N_("how alike every two ministries' answers are, per vraag"),
		{ "SET [--json]", NULL },
		N_("Prints, for each vraag of question set SET, how alike the answers of\n"
		"every two ministries are, from 0 (nothing in common) to 1 (the same).\n"),
	},
	{
		"search", cli_search,
		N_("the passages that contain the words of QUERY ('\"a phrase\"', prefix*), best first; exit 1 when none does"),
		{ "QUERY... [--ministry CODE] [--questioner NAME] [--party PARTY]\n"
		  "[--from DATE] [--to DATE] [--kind answer|letter]\n"
		  "[--substring] [--limit N] [--sort rank|date] [--json]", NULL },
		N_("Prints the passages that contain every word of QUERY, best first.\n"
		"Quote a phrase for the words in that order: naast search '\"politiek adviseurs\"';\n"
		"a word that ends in * finds every word that starts so (verkiez*; three\n"
		"letters or more). Other characters are searched for as written, never\n"
		"as operators.\n"
		"Words are found in any case, with or without diacritics, and in other\n"
		"forms of the same word (ambtenaar finds ambtenaren).\n"
		"\n"
		"  --ministry CODE     only answers of this ministry (AZ, BZK, ...)\n"
		"  --questioner NAME   only sets asked by this member of parliament\n"
		"  --party PARTY       only sets asked by members of this party\n"
		"  --from DATE         only documents of this date or later\n"
		"  --to DATE           only documents of this date or earlier\n"
		"                      (DATE as 2024-02-15 or 15 februari 2024)\n"
		"  --kind answer|letter  only answers, or only letters\n"
		"  --substring         also find parts of words (uitslag in verkiezingsuitslag,\n"
		"                      informeerd in geïnformeerd), through the 64 words with\n"
		"                      the part that are in the most passages; done anyway\n"
		"                      when the words find nothing\n"
		"  --limit N           at most N passages (default 50)\n"
		"  --sort rank|date    best first (default): the words as you typed them\n"
		"                      before other forms of them, each by bm25 over every\n"
		"                      passage that has them (many words that are each in\n"
		"                      very many passages: from the 3,000 that can score\n"
		"                      highest); or newest document first\n"
		"  --json              one JSON document:\n"
		"                      {\"query\":...,\"hits\":[{\"passage\":N,\"doc\":N,\"set\":N,\"vraag\":N,\n"
		"                      \"ministry\":...,\"role\":...,\"snippet\":...}],\"suggestions\":[...]}\n"
		"Put -- before a query that starts with '-'.\n"
		"\n"
		"Exit status: 0 when passages are found; 1 when none is (with words of the\n"
		"index that are close to yours, if any) or the query cannot be searched\n"
		"for; 2 on a usage error.\n"),
	},
	{
		"related", cli_related,
		N_("the passages of other documents most like passage PASSAGE"),
		{ "PASSAGE [--limit N] [--json]", NULL },
		N_("Prints the passages of other documents most like passage PASSAGE (the\n"
		"number that search shows), best first: by bm25 of its most distinctive\n"
		"words, as search ranks many words.\n"
		"\n"
		"  --limit N   at most N passages (default 10)\n"
		"  --json      one JSON document: {\"passage\":N,\"hits\":[...as search...]}\n"
		"\n"
		"Exit status: 0 when passages are found, 1 when none is or there is no\n"
		"passage PASSAGE, 2 on a usage error.\n"),
	},
	{
		"select", cli_select,
		N_("the basket of passages kept for an export"),
		{ "add|rm|list|clear [PASSAGE...] [--json]", "note PASSAGE [TEXT]", NULL },
		N_("The basket: passages kept for an export, across runs.\n"
		"\n"
		"  add PASSAGE...     add passages (the numbers search and show give)\n"
		"  rm PASSAGE...      take passages out\n"
		"  list [--json]      the basket in order: each passage's citation and\n"
		"                     first words\n"
		"  clear              empty the basket\n"
		"  note PASSAGE TEXT  keep a note with a passage (no TEXT: remove it)\n"
		"\n"
		"'naast export --selection' writes the basket with citations.\n"),
	},
	{
		"export", cli_export,
		N_("passages with their citations"),
		{ "(--set SET [--vraag N] [--ministry CODE[,CODE...]] | --selection)\n"
		  "[--format md|txt|csv|json|html|docx|xlsx] [--no-refs] [--side-by-side]\n"
		  "[-o FILE [--force]]", NULL },
		N_("Writes passages with their citations: the answers of a question set (or\n"
		"of one vraag, or of some ministries), or the basket ('naast select').\n"
		"\n"
		"  --format F   md (default), txt, csv, json, html, docx (Word) or xlsx\n"
		"               (Excel); with -o, the file's extension chooses when\n"
		"               --format is not given; docx and xlsx only with -o or\n"
		"               into a pipe\n"
		"  --no-refs    leave out the answers that passages refer to (\"zie het\n"
		"               antwoord op vraag 1\"), which are quoted with them\n"
		"  --side-by-side  in docx, the answers to a vraag side by side in a\n"
		"               table, a column per ministry, as the compare view\n"
		"               exports them (html always does)\n"
		"  -o FILE      write FILE instead of standard output (-o -: standard\n"
		"               output); the file is written whole or not at all\n"
		"  --force      overwrite FILE when it exists, keeping its permissions\n"
		"               (never a device, a named pipe or a socket)\n"
		"\n"
		"Exit status: 0 written, 1 failure (nothing written), 2 usage error.\n"),
	},
};

const size_t cli_command_count = COUNT(cli_commands);

static const char naast_head[] =
N_("Usage: naast [--db PATH] [COMMAND [ARGS]]\n"
"\n"
"A reader for Dutch parliamentary written questions (Kamervragen) and the\n"
"answers of different ministries, side by side.\n"
"\n"
"Commands:\n"
"  (none)                         the interface on a terminal, else the\n"
"                                 library as text (an empty database gets\n"
"                                 the bundled corpus first)\n");

static const char naast_tail[] =
N_("\n"
"Options:\n"
"  --db PATH      database file (default: $NAAST_DB, else\n"
"                 $XDG_DATA_HOME/naast/naast.db or ~/.local/share/naast/naast.db)\n"
"  -h, --help     show this help\n"
"  -V, --version  show the version\n"
"\n"
"Exit status: 0 success, 1 failure (search and related: also nothing\n"
"found), 2 usage error.  'naast COMMAND --help' tells more.\n");

const struct cli_command *
cli_command_find(const char *name)
{
	for (size_t i = 0; i < cli_command_count; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

/*
 * One form of c's usage after first (which ends where the name starts):
 * its lines indented under the first word after the name.  Returns the
 * column where the last line ends.
 */
static int
print_form(const char *first, const struct cli_command *c, const char *form)
{
	int indent = text_width(first) + (int)strlen(c->name) + 1, col;
	const char *nl;

	col = printf("%s%s ", first, c->name);
	while ((nl = strchr(form, '\n')) != NULL) {
		printf("%.*s\n%*s", (int)(nl - form), form, indent, "");
		form = nl + 1;
		col = indent;
	}
	return col + printf("%s", form);
}

/*
 * A summary wrapped in its column: after the usage on the same line when
 * there is room (col is where the usage ends), else on lines of its own.
 */
static void
print_summary(const char *summary, int col, bool same_line)
{
	struct text_line *lines;
	size_t n = text_wrap(summary, SUMMARY_END - SUMMARY_COLUMN, &lines);

	if (!same_line || col > SUMMARY_COLUMN - 2) {
		putchar('\n');
		col = 0;
	}
	for (size_t i = 0; i < n; i++) {
		printf("%*s%.*s\n", SUMMARY_COLUMN - col, "",
		    (int)(lines[i].end - lines[i].start), summary + lines[i].start);
		col = 0;
	}
	free(lines);
}

void
cli_help_naast(void)
{
	fputs(_(naast_head), stdout);
	for (size_t i = 0; i < cli_command_count; i++) {
		const struct cli_command *c = &cli_commands[i];
		int col = 0;

		for (size_t f = 0; c->usage[f]; f++) {
			if (f > 0)
				putchar('\n');
			col = print_form("  ", c, c->usage[f]);
		}
		print_summary(_(c->summary), col, !c->usage[1] && !strchr(c->usage[0], '\n'));
	}
	fputs(_(naast_tail), stdout);
}

int
cli_help(const char *name)
{
	const struct cli_command *c = cli_command_find(name);
	/* TRANSLATORS: the words before "naast" in the usage of a command. */
	const char *usage = _("Usage: ");

	for (size_t f = 0; c && c->usage[f]; f++) {
		char *first = xasprintf("%s%*snaast ", f == 0 ? usage : "",
		    f == 0 ? 0 : text_width(usage), "");

		print_form(first, c, c->usage[f]);
		putchar('\n');
		free(first);
	}

	if (c)
		fputs(_(c->help), stdout);

	return 0;
}
