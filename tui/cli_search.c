/*
 * cli_search: search and related, the passages that the full-text index
 * finds (store.h), for people and as JSON (DESIGN.md section 5).
 *
 * Like grep, both exit 1 when nothing is found, so that scripts can tell;
 * a query the store cannot search for is a failure (1), not a usage error:
 * 2 is kept for options and arguments naast itself cannot read.
 */
#include "config.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "oom.h"
#include "date.h"
#include "i18n.h"
#include "json_record.h"
#include "model.h"
#include "text.h"
#include "xalloc.h"

/* Hits of related when --limit is not given: a screenful. */
#define RELATED_LIMIT 10
/* Words offered after "Did you mean". */
#define MAX_SUGGESTIONS 3

#define BOLD "\033[1m"
#define BOLD_RESET "\033[m"

/* Long options only: a query word such as -x must not pass for one. */
enum {
	OPT_MINISTRY = 256,
	OPT_QUESTIONER,
	OPT_PARTY,
	OPT_FROM,
	OPT_TO,
	OPT_KIND,
	OPT_SUBSTRING,
	OPT_LIMIT,
	OPT_SORT,
	OPT_JSON,
};

/* "hits":[...], each as json_record_hit writes it. */
static void
json_hits(struct json *j, const struct search_hit *hits, size_t n)
{
	json_key(j, "hits");
	json_array_begin(j);
	for (size_t i = 0; i < n; i++)
		json_record_hit(j, &hits[i]);
	json_array_end(j);
}

/* ------------------------------------------------------------- for people */

/* Marks in bold rather than [brackets]: a terminal, and NO_COLOR not set. */
static bool
want_bold(void)
{
	const char *no_color = getenv("NO_COLOR");

	return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

/* Bytes [from, to) of text, bold where marked says so. */
static void
say_marked(const char *text, const bool *marked, size_t from, size_t to)
{
	while (from < to) {
		size_t end = from;

		while (end < to && marked[end] == marked[from])
			end++;
		/* The bold is ours, written past cli_say(), which would strip it. */
		if (marked[from])
			fputs(BOLD, stdout);
		cli_say("%.*s", (int)(end - from), text + from);
		if (marked[from])
			fputs(BOLD_RESET, stdout);
		from = end;
	}
}

/*
 * A snippet, indented and wrapped to width (0: one line): its [marks] as
 * they are, or, when bold, the marked words in bold without the brackets,
 * which then take no room in the wrapping either.
 */
static void
say_snippet(const char *snippet, int indent, int width, bool bold)
{
	struct text_line one, *lines;
	char *safe, *plain;
	bool *marked, in = false;
	size_t len, n = 0, n_lines;

	if (!bold) {
		cli_say_paragraph(snippet, indent, width);
		return;
	}
	safe = text_sanitize(snippet, strlen(snippet), 0);
	len = strlen(safe);
	plain = xmalloc(len + 1);
	marked = xcalloc(len + 1, sizeof(*marked));
	for (size_t i = 0; i < len; i++) {
		if (safe[i] == '[' && !in)
			in = true;
		else if (safe[i] == ']' && in)
			in = false;
		else {
			marked[n] = in;
			plain[n++] = safe[i];
		}
	}
	plain[n] = '\0';
	if (width > indent + 10) {
		n_lines = text_wrap(plain, width - indent - 1, &lines);
	} else {
		one.start = 0;
		one.end = n;
		lines = &one;
		n_lines = 1;
	}
	for (size_t i = 0; i < n_lines; i++) {
		cli_say("%*s", indent, "");
		say_marked(plain, marked, lines[i].start, lines[i].end);
		cli_say("\n");
	}
	if (lines != &one)
		free(lines);
	free(marked);
	free(plain);
	free(safe);
}

/*
 * One hit: "passage 12 · set 1 · vraag 8 · AZ · antwoord · bijeenkomsten
 * met … (15 februari 2024)", then the snippet: the set's subject, or
 * "letter to" its addressees, and the file's name only when the document
 * has neither.  The passage number is what related takes.
 */
static void
say_hit(const struct search_hit *h, int width, bool bold)
{
	char date[32];

	cli_say(_("passage %lld"), h->passage);
	if (h->set)
		cli_say(" · set %lld", h->set);
	if (h->vraag)
		cli_say(" · vraag %d", h->vraag);
	/* A vraag asked alike of several ministries: "AZ, BZK". */
	if (h->ministry[0] || h->n_same) {
		char *codes = store_hit_ministries(h);

		cli_say(" · %s", codes);
		free(codes);
	}
	/* A footnote says whose: "footnote 1 of the vraag" (of vraag N, above). */
	if (h->role == ROLE_FOOTNOTE && h->marker)
		cli_say(_(" · footnote %s of the %s"), h->marker, h->kind == DOC_LETTER ?
		    _("letter") : _(model_role_name(h->note_of_role)));
	else
		cli_say(" · %s", h->kind == DOC_LETTER ? _("letter") : _(model_role_name(h->role)));
	if (h->title && h->set)
		cli_say(" · %s", h->title);
	else if (h->title && h->kind == DOC_LETTER)
		cli_say(_(" to %s"), h->title);
	else
		cli_say(" · %s", model_origin_name(h->origin));
	if (h->date[0])
		cli_say(" (%s)", cli_date_text(h->date, date, sizeof(date)));
	cli_say("\n");
	say_snippet(h->snippet ? h->snippet : "", 4, width, bold);
}

static void
say_hits(const struct search_hit *hits, size_t n)
{
	int width = cli_output_width();
	bool bold = want_bold();

	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			cli_say("\n");
		say_hit(&hits[i], width, bold);
	}
}

/* ------------------------------------------------------------- arguments */

/* A --limit; false when arg is not a positive number. */
static bool
parse_limit(const char *arg, size_t *limit)
{
	long long v;

	if (!cli_parse_number(arg, &v) || (unsigned long long)v > SIZE_MAX)
		return false;
	*limit = (size_t)v;
	return true;
}

/* argv[0..argc) joined by spaces, newly allocated. */
static char *
join_words(int argc, char **argv)
{
	size_t len = 1;
	char *s, *p;

	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	p = s = xmalloc(len);
	for (int i = 0; i < argc; i++) {
		size_t n = strlen(argv[i]);

		if (i > 0)
			*p++ = ' ';
		memcpy(p, argv[i], n);
		p += n;
	}
	*p = '\0';
	return s;
}

/* ----------------------------------------------------------------- search */

/* What the options of search say, checked. */
struct search_args {
	struct search_query q;
	char ministry[MINISTRY_CODE_SIZE];
	char from[DATE_ISO_SIZE], to[DATE_ISO_SIZE];
	bool json;
};

/* Reads the options of search into a; the exit status on error, else -1. */
static int
search_options(int argc, char **argv, struct search_args *a)
{
	static const struct option options[] = {
		{ "ministry", required_argument, NULL, OPT_MINISTRY },
		{ "questioner", required_argument, NULL, OPT_QUESTIONER },
		{ "party", required_argument, NULL, OPT_PARTY },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "substring", no_argument, NULL, OPT_SUBSTRING },
		{ "limit", required_argument, NULL, OPT_LIMIT },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char **codes;
	size_t n_codes;
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case OPT_MINISTRY:
			if (!cli_parse_ministries("search", "--ministry", optarg, &codes,
			    &n_codes))
				return 2;
			snprintf(a->ministry, sizeof(a->ministry), "%s", codes[0]);
			model_strv_free(codes, n_codes);
			if (n_codes > 1)
				return cli_usage("search", "--ministry takes one code");
			a->q.ministry = a->ministry;
			break;
		case OPT_QUESTIONER:
			if (!*optarg)
				return cli_usage("search", "--questioner needs a name such as Eerdmans");
			a->q.questioner = optarg;
			break;
		case OPT_PARTY:
			if (!*optarg)
				return cli_usage("search", "--party needs a party such as JA21");
			a->q.party = optarg;
			break;
		case OPT_FROM:
		case OPT_TO:
			if (!cli_parse_date(optarg, c == OPT_FROM ? a->from : a->to))
				return cli_usage("search", c == OPT_FROM ?
				    N_("--from needs a date such as 2024-02-15 or '15 februari 2024'") :
				    N_("--to needs a date such as 2024-02-15 or '15 februari 2024'"));
			if (c == OPT_FROM)
				a->q.from = a->from;
			else
				a->q.to = a->to;
			break;
		case OPT_KIND:
			if (strcasecmp(optarg, "answer") == 0)
				a->q.kind = DOC_ANSWER;
			else if (strcasecmp(optarg, "letter") == 0)
				a->q.kind = DOC_LETTER;
			else
				return cli_usage("search", "--kind is answer or letter");
			break;
		case OPT_SUBSTRING:
			a->q.substring = true;
			break;
		case OPT_LIMIT:
			if (!parse_limit(optarg, &a->q.limit))
				return cli_usage("search", "--limit needs a number such as 20");
			break;
		case OPT_SORT:
			if (strcasecmp(optarg, "rank") == 0)
				a->q.sort = SEARCH_BY_RANK;
			else if (strcasecmp(optarg, "date") == 0)
				a->q.sort = SEARCH_BY_DATE;
			else
				return cli_usage("search", "--sort is rank or date");
			break;
		case OPT_JSON:
			a->json = true;
			break;
		case 'h':
			return cli_help("search");
		case ':':
			return cli_missing_value("search", argv[optind - 1]);
		default:
			return cli_usage("search",
			    "unknown option (put -- before a query that starts with '-')");
		}
	}
	if (optind >= argc)
		return cli_usage("search", "say what to search for: naast search WORD...");
	if (a->q.from && a->q.to && strcmp(a->q.from, a->q.to) > 0)
		return cli_usage("search", "--from is after --to");
	return -1;
}

/*
 * What a search on parts of words left out: the words that have the part
 * but are in fewer passages than the ones searched.
 */
static void
say_parts(const struct search_info *info)
{
	if (info->part_all > info->part_words)
		cli_say(_("Parts of words: searched for the %zu most frequent of the %zu words that contain them.\n"),
		    info->part_words, info->part_all);
}

/*
 * Before the hits that the words found only as parts of other words,
 * when no part was asked for: the reader should know that the words
 * themselves are in no passage.
 */
static void
say_fallback(const struct search_info *info, const char *text)
{
	if (info->parts_fallback)
		cli_say(_("No passage has the words of '%s'; these have them as parts of words.\n\n"),
		    text);
}

/* "Did you mean: econonnische?" when the index has words close to text's. */
static void
say_suggestions(char **words, size_t n)
{
	if (n == 0)
		return;
	cli_say("%s", _("Did you mean: "));
	for (size_t i = 0; i < n && i < MAX_SUGGESTIONS; i++)
		cli_say("%s%s", i ? ", " : "", words[i]);
	cli_say("?\n");
}

int
cli_search(struct cli *cli, int argc, char **argv)
{
	struct store *st;
	struct search_args a;
	struct search_hit *hits = NULL;
	struct search_info info;
	struct error err = { "" };
	char **words = NULL, *text;
	size_t n = 0, n_words = 0;
	enum status status;
	int rc;

	memset(&a, 0, sizeof(a));
	a.q.kind = DOC_UNKNOWN;
	a.q.sort = SEARCH_BY_RANK;
	if ((rc = search_options(argc, argv, &a)) >= 0)
		return rc;
	if (!(st = cli_store(cli)))
		return 1;

	text = join_words(argc - optind, argv + optind);
	a.q.text = text;
	oom_doing(OOM_SEARCHING, text);
	status = store_search(st, &a.q, &hits, &n, &info, &err);
	if (status != STATUS_OK) {
		cli_complain("search: %s", err.msg[0] ? err.msg : status_message(status));
		free(text);
		return 1;
	}
	/* A suggestion is a help, not a result: its failure is not reported. */
	if (n == 0 && store_suggest(st, text, &words, &n_words, &err) != STATUS_OK) {
		model_strv_free(words, n_words);
		words = NULL;
		n_words = 0;
	}
	if (a.json) {
		struct json j;

		json_init(&j, stdout, false);
		json_object_begin(&j);
		json_kv_string(&j, "query", text);
		json_hits(&j, hits, n);
		json_key(&j, "parts_fallback");
		json_bool(&j, info.parts_fallback);
		if (info.part_words > 0) {
			json_key(&j, "parts");
			json_object_begin(&j);
			json_kv_int(&j, "searched", (long long)info.part_words);
			json_kv_int(&j, "of", (long long)info.part_all);
			json_object_end(&j);
		}
		json_key(&j, "suggestions");
		json_array_begin(&j);
		for (size_t i = 0; i < n_words && i < MAX_SUGGESTIONS; i++)
			json_string(&j, words[i]);
		json_array_end(&j);
		json_object_end(&j);
		json_finish(&j);
	} else if (n > 0) {
		say_fallback(&info, text);
		say_hits(hits, n);
		say_parts(&info);
	} else {
		cli_say(_("No passage matches '%s'.\n"), text);
		say_suggestions(words, n_words);
	}
	rc = n > 0 ? 0 : 1;
	model_strv_free(words, n_words);
	store_hits_free(hits, n);
	free(text);
	return rc;
}

/* ---------------------------------------------------------------- related */

/* What the options of related say, checked. */
struct related_args {
	long long passage;
	size_t limit;
	bool json;
};

/* Reads the options of related into a; the exit status on error, else -1. */
static int
related_options(int argc, char **argv, struct related_args *a)
{
	static const struct option options[] = {
		{ "limit", required_argument, NULL, OPT_LIMIT },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case OPT_LIMIT:
			if (!parse_limit(optarg, &a->limit))
				return cli_usage("related", "--limit needs a number such as 20");
			break;
		case OPT_JSON:
			a->json = true;
			break;
		case 'h':
			return cli_help("related");
		case ':':
			return cli_missing_value("related", argv[optind - 1]);
		default:
			return cli_usage("related", "unknown option");
		}
	}
	if (optind + 1 != argc || !cli_parse_number(argv[optind], &a->passage))
		return cli_usage("related",
		    "name one passage by its number, as 'naast search' shows it");
	return -1;
}

int
cli_related(struct cli *cli, int argc, char **argv)
{
	struct related_args a = { .limit = RELATED_LIMIT };
	struct search_hit *hits = NULL;
	struct error err = { "" };
	struct store *st;
	enum status status;
	size_t n = 0;
	int rc;

	if ((rc = related_options(argc, argv, &a)) >= 0)
		return rc;
	if (!(st = cli_store(cli)))
		return 1;
	status = store_related(st, a.passage, a.limit, &hits, &n, &err);
	if (status == STATUS_NOT_FOUND) {
		cli_complain("related: there is no passage %lld ('naast search WORD' shows passage numbers)",
		    a.passage);
		return 1;
	} else if (status != STATUS_OK) {
		cli_complain("related: %s", err.msg[0] ? err.msg : status_message(status));
		return 1;
	}
	if (a.json) {
		struct json j;

		json_init(&j, stdout, false);
		json_object_begin(&j);
		json_kv_int(&j, "passage", a.passage);
		json_hits(&j, hits, n);
		json_object_end(&j);
		json_finish(&j);
	} else if (n > 0) {
		say_hits(hits, n);
	} else {
		cli_say(_("No passage of another document is like passage %lld.\n"), a.passage);

	}
	store_hits_free(hits, n);
	return n > 0 ? 0 : 1;
}
