/*
 * cli_export: select and export, the basket and what leaves naast with its
 * citation (export.h, DESIGN.md section 7).
 *
 * select changes the basket only when every passage it is given is right:
 * a wrong number changes nothing.  export writes to stdout (also -o -), or
 * with -o to a file, whole or not at all, never over an existing one
 * without --force, and never over anything that is not a file.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "oom.h"
#include "export.h"
#include "i18n.h"
#include "json_record.h"
#include "model.h"
#include "text.h"
#include "xalloc.h"

/* Words of a passage that select list shows. */
#define FIRST_WORDS 12

/* ---------------------------------------------------------------- select */

/* The passages argv[from..argc) as numbers; 2 (usage) when one is not. */
static int
read_passages(const char *what, int argc, char **argv, int from, long long **ids,
    size_t *n)
{
	*ids = xcalloc((size_t)(argc - from) + 1, sizeof(**ids));
	*n = 0;
	for (int i = from; i < argc; i++) {
		if (!cli_parse_number(argv[i], &(*ids)[*n])) {
			char *msg = xasprintf(_("'%s' is not a passage number (search and show give them)"),
			    argv[i]);
			int rc = cli_usage(what, msg);

			free(msg);
			free(*ids);
			*ids = NULL;
			return rc;
		}
		(*n)++;
	}
	if (*n == 0) {
		free(*ids);
		*ids = NULL;
		return cli_usage(what, "name one or more passages by number");
	}
	return 0;
}

/* "Het is belangrijk dat ambtenaren politiek neutraal zijn en blijven…" */
static char *
first_words(const char *text)
{
	char *squeezed = text_squeeze(text ? text : "");
	char *p = squeezed;
	int words = 0;

	while (*p && words < FIRST_WORDS) {
		while (*p == ' ')
			p++;
		if (*p)
			words++;
		while (*p && *p != ' ')
			p++;
	}
	if (*p) {
		*p = '\0';
		p = xasprintf("%s…", squeezed);
		free(squeezed);
		return p;
	}
	return squeezed;
}

/* Where a passage is: "set 1 · vraag 8 · AZ", "letter 004_….txt". */
static void
say_place(const struct export_item *it)
{
	if (it->set > 0)
		cli_say(_("set %lld"), it->set);
	else
		cli_say("%s %s", _(model_kind_name(it->kind)), model_origin_name(it->origin));
	if (it->vraag > 0)
		cli_say(" · vraag %d", it->vraag);
	if (it->ministry[0])
		cli_say(" · %s", it->ministry);
	if (it->role == ROLE_FOOTNOTE && it->marker)
		cli_say(_(" · footnote %s of the %s"), it->marker, _(model_role_name(it->note_of)));
	else
		cli_say(" · %s", _(model_role_name(it->role)));
}

static int
select_list(struct store *st, bool as_json)
{
	struct selected *sel;
	struct export_item *items = NULL;
	struct error err = { "" };
	long long *ids;
	size_t n;

	if (store_selection(st, &sel, &n, &err) != STATUS_OK) {
		cli_complain("select: %s", err.msg);
		return 1;
	}
	ids = xcalloc(n + 1, sizeof(*ids));
	for (size_t i = 0; i < n; i++)
		ids[i] = sel[i].passage;
	if (n && store_export_items(st, ids, n, &items, &err) != STATUS_OK) {
		cli_complain("select: %s", err.msg);
		free(ids);
		store_selection_free(sel, n);
		return 1;
	}
	/* The notes go with their passages. */
	for (size_t i = 0; i < n; i++) {
		items[i].note = sel[i].note;
		sel[i].note = NULL;
	}
	if (as_json) {
		struct json j;

		json_init(&j, stdout, false);
		json_object_begin(&j);
		json_key(&j, "selection");
		json_array_begin(&j);
		for (size_t i = 0; i < n; i++) {
			json_object_begin(&j);
			json_kv_int(&j, "position", (long long)i + 1);
			json_record_passage_members(&j, &items[i]);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_object_end(&j);
		json_finish(&j);
	} else if (n == 0) {
		cli_say("%s", _("The basket is empty ('naast select add PASSAGE' adds one).\n"));
	} else {
		int width = cli_output_width();

		for (size_t i = 0; i < n; i++) {
			char *cite = export_citation(&items[i]);
			char *words = first_words(items[i].text);
			char *quoted = xasprintf("“%s”", words);

			cli_say(_("%zu. passage %lld · "), i + 1, items[i].passage);
			say_place(&items[i]);
			cli_say("\n");
			cli_say_paragraph(quoted, 3, width);
			cli_say_paragraph(cite, 3, width);
			if (items[i].note) {
				char *note = xasprintf(_("Note: %s"), items[i].note);

				cli_say_paragraph(note, 3, width);
				free(note);
			}
			free(cite);
			free(words);
			free(quoted);
		}
	}
	export_items_free(items, n);
	free(ids);
	store_selection_free(sel, n);
	return 0;
}

/* How many passages the basket holds, for messages; 0 when unknown. */
static size_t
basket_size(struct store *st)
{
	struct selected *sel;
	size_t n;

	if (store_selection(st, &sel, &n, NULL) != STATUS_OK)
		return 0;
	store_selection_free(sel, n);
	return n;
}

static int
select_add(struct store *st, const long long *ids, size_t n)
{
	struct export_item *items;
	struct error err = { "" };
	size_t added = 0;

	/* Every number first: a wrong one changes nothing. */
	if (store_export_items(st, ids, n, &items, &err) != STATUS_OK) {
		cli_complain("select: %s", err.msg);
		return 1;
	}
	export_items_free(items, n);
	for (size_t i = 0; i < n; i++) {
		bool new;

		if (store_select_add(st, ids[i], &new, &err) != STATUS_OK) {
			cli_complain("select: %s", err.msg);
			return 1;
		}
		if (new)
			added++;
		else
			cli_say(_("Passage %lld was in the basket already.\n"), ids[i]);
	}
	cli_say(P_("Added %zu passage; the basket holds %zu.\n",
	    "Added %zu passages; the basket holds %zu.\n", added), added, basket_size(st));
	return 0;
}

static int
select_rm(struct store *st, const long long *ids, size_t n)
{
	struct selected *sel;
	struct error err = { "" };
	size_t in;

	if (store_selection(st, &sel, &in, &err) != STATUS_OK) {
		cli_complain("select: %s", err.msg);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		bool found = false;

		for (size_t k = 0; k < in && !found; k++)
			found = sel[k].passage == ids[i];
		if (!found) {
			cli_complain("select: passage %lld is not in the basket ('naast select list' shows it)",
			    ids[i]);
			store_selection_free(sel, in);
			return 1;
		}
	}
	store_selection_free(sel, in);
	for (size_t i = 0; i < n; i++) {
		bool removed;

		if (store_select_remove(st, ids[i], &removed, &err) != STATUS_OK) {
			cli_complain("select: %s", err.msg);
			return 1;
		}
	}
	cli_say(P_("Took %zu passage out; the basket holds %zu.\n",
	    "Took %zu passages out; the basket holds %zu.\n", n), n,
	    basket_size(st));
	return 0;
}

static int
select_clear(struct store *st)
{
	struct error err = { "" };
	size_t removed;

	if (store_select_clear(st, &removed, &err) != STATUS_OK) {
		cli_complain("select: %s", err.msg);
		return 1;
	}
	cli_say(P_("Emptied the basket (%zu passage).\n", "Emptied the basket (%zu passages).\n",
	    removed), removed);
	return 0;
}

/* Keeps note with passage; a NULL or empty note removes it. */
static int
select_note(struct store *st, long long passage, const char *note)
{
	struct error err = { "" };

	if (store_select_note(st, passage, note, &err) != STATUS_OK) {
		cli_complain("select: %s", err.msg);
		return 1;
	}
	cli_say(note && note[0] ? _("Kept the note with passage %lld.\n")
	    : _("Removed the note of passage %lld.\n"), passage);
	return 0;
}

/* What select is told to do, checked. */
struct select_args {
	enum { SELECT_ADD, SELECT_RM, SELECT_LIST, SELECT_CLEAR, SELECT_NOTE } action;
	long long *ids;		/* add and rm: the passages */
	size_t n;
	long long passage;	/* note: its passage and text (NULL: none) */
	const char *note;
	bool json;		/* list --json */
};

/* Reads the action and its arguments into a; -1 when they are right, else the exit status. */
static int
select_options(int argc, char **argv, struct select_args *a)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *what;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			return cli_help("select");
		default:
			return cli_usage("select", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage("select", "say what to do: add, rm, list, clear or note");
	what = argv[optind];
	if (strcmp(what, "list") == 0) {
		a->action = SELECT_LIST;
		/* list's own options, after the word */
		for (int i = optind + 1; i < argc; i++) {
			if (strcmp(argv[i], "--json") == 0)
				a->json = true;
			else
				return cli_usage("select", "list takes only --json");
		}
		return -1;
	}
	if (strcmp(what, "clear") == 0) {
		a->action = SELECT_CLEAR;
		return optind + 1 != argc ? cli_usage("select", "clear takes no passages") : -1;
	}
	if (strcmp(what, "note") == 0) {
		a->action = SELECT_NOTE;
		if (optind + 2 > argc || optind + 3 < argc ||
		    !cli_parse_number(argv[optind + 1], &a->passage))
			return cli_usage("select", "note takes a passage number and a text in quotes");
		a->note = optind + 2 < argc ? argv[optind + 2] : NULL;
		return -1;
	}
	if (strcmp(what, "add") != 0 && strcmp(what, "rm") != 0) {
		char *msg = xasprintf(_("unknown action '%s' (add, rm, list, clear or note)"), what);

		rc = cli_usage("select", msg);
		free(msg);
		return rc;
	}
	a->action = strcmp(what, "add") == 0 ? SELECT_ADD : SELECT_RM;
	if ((rc = read_passages("select", argc, argv, optind + 1, &a->ids, &a->n)))
		return rc;
	return -1;
}

int
cli_select(struct cli *cli, int argc, char **argv)
{
	struct select_args a = { .action = SELECT_LIST };
	struct store *st;
	int rc;

	if ((rc = select_options(argc, argv, &a)) >= 0 || !(st = cli_store(cli))) {
		free(a.ids);
		return rc >= 0 ? rc : 1;
	}
	switch (a.action) {
	case SELECT_ADD:
		rc = select_add(st, a.ids, a.n);
		break;
	case SELECT_RM:
		rc = select_rm(st, a.ids, a.n);
		break;
	case SELECT_LIST:
		rc = select_list(st, a.json);
		break;
	case SELECT_CLEAR:
		rc = select_clear(st);
		break;
	case SELECT_NOTE:
		rc = select_note(st, a.passage, a.note);
		break;
	}
	free(a.ids);
	return rc;
}

/* ---------------------------------------------------------------- export */

struct export_args {
	long long set;
	long long vraag;
	char **ministries;
	size_t n_ministries;
	bool selection;
	bool format_given;
	enum export_format format;
	const char *output;
	bool force;
	bool no_refs;		/* leave out the answers referred to */
	bool side_by_side;	/* the answers to a vraag in a table (docx) */
};

enum {
	OPT_SET = 256,
	OPT_VRAAG,
	OPT_MINISTRY,
	OPT_SELECTION,
	OPT_FORMAT,
	OPT_FORCE,
	OPT_NO_REFS,
	OPT_SIDE_BY_SIDE,
};

/* The format a file name's extension names: "x.html" is HTML. */
static bool
format_of_name(const char *path, enum export_format *format)
{
	const char *dot = strrchr(path, '.');

	if (!dot || strchr(dot, '/'))
		return false;
	if (strcasecmp(dot + 1, "markdown") == 0) {
		*format = EXPORT_MD;
		return true;
	}
	return export_format_from_name(dot + 1, format);
}

/* Reads the options; -1 when they are right, else the exit status. */
static int
export_options(int argc, char **argv, struct export_args *a)
{
	static const struct option options[] = {
		{ "set", required_argument, NULL, OPT_SET },
		{ "vraag", required_argument, NULL, OPT_VRAAG },
		{ "ministry", required_argument, NULL, OPT_MINISTRY },
		{ "selection", no_argument, NULL, OPT_SELECTION },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "no-refs", no_argument, NULL, OPT_NO_REFS },
		{ "side-by-side", no_argument, NULL, OPT_SIDE_BY_SIDE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char *msg;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
		switch (c) {
		case OPT_SET:
			if (!cli_parse_number(optarg, &a->set))
				return cli_usage("export", "--set needs a set number, as 'naast list' shows it");
			break;
		case OPT_VRAAG:
			if (!cli_parse_number(optarg, &a->vraag) || a->vraag > INT_MAX)
				return cli_usage("export", "--vraag needs a vraag number such as 8");
			break;
		case OPT_MINISTRY:
			model_strv_free(a->ministries, a->n_ministries);
			a->ministries = NULL;
			a->n_ministries = 0;
			if (!cli_parse_ministries("export", "--ministry", optarg,
			    &a->ministries, &a->n_ministries))
				return 2;
			break;
		case OPT_SELECTION:
			a->selection = true;
			break;
		case OPT_FORMAT:
			if (!export_format_from_name(optarg, &a->format)) {
				msg = xasprintf(_("--format is one of %s"), export_format_list());
				rc = cli_usage("export", msg);
				free(msg);
				return rc;
			}
			a->format_given = true;
			break;
		case 'o':
			/* "-o -" is standard output, as without -o. */
			a->output = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case OPT_FORCE:
			a->force = true;
			break;
		case OPT_NO_REFS:
			a->no_refs = true;
			break;
		case OPT_SIDE_BY_SIDE:
			a->side_by_side = true;
			break;
		case 'h':
			return cli_help("export");
		case ':':
			return cli_missing_value("export", argv[optind - 1]);
		default:
			return cli_usage("export", "unknown option");
		}
	}
	if (optind != argc)
		return cli_usage("export", "takes no arguments besides its options");
	if ((a->set > 0) == a->selection)
		return cli_usage("export", "say what to export: --set SET or --selection");
	if (a->selection && (a->vraag || a->n_ministries))
		return cli_usage("export", "--vraag and --ministry go with --set, not with --selection");
	if (a->force && !a->output)
		return cli_usage("export", "--force goes with -o FILE");
	if (a->output && !*a->output)
		return cli_usage("export", "-o needs a file name");
	if (!a->format_given && a->output && !format_of_name(a->output, &a->format))
		a->format = EXPORT_MD;
	/* A zip archive on a terminal is noise that may upset it. */
	if (!a->output && export_format_is_binary(a->format) && isatty(STDOUT_FILENO)) {
		msg = xasprintf(_("--format %s writes a file: add -o FILE (or send it into a pipe)"),
		    export_format_name(a->format));
		rc = cli_usage("export", msg);
		free(msg);
		return rc;
	}
	return -1;
}

int
cli_export(struct cli *cli, int argc, char **argv)
{
	struct export_args a = { .format = EXPORT_MD };
	enum export_layout layout;
	struct export_item *items = NULL;
	struct error err = { "" };
	struct store *st;
	enum status status;
	size_t n = 0;
	int rc;

	if ((rc = export_options(argc, argv, &a)) >= 0 || !(st = cli_store(cli))) {
		model_strv_free(a.ministries, a.n_ministries);
		return rc >= 0 ? rc : 1;
	}
	oom_doing(OOM_EXPORTING, NULL);
	if (a.selection)
		status = store_export_selection(st, &items, &n, &err);
	else
		status = store_export_set(st, a.set, (int)a.vraag, a.ministries, a.n_ministries,
		    &items, &n, &err);
	model_strv_free(a.ministries, a.n_ministries);
	if (status == STATUS_OK && !a.no_refs && (status = store_export_refs(st, items, n, &err)))
		export_items_free(items, n);
	/* Standard output that cannot be written is said once, at the end. */
	if (status != STATUS_OK && !a.output && ferror(stdout))
		return 1;
	if (status != STATUS_OK) {
		cli_complain("export: %s", err.msg[0] ? err.msg : status_message(status));
		return 1;
	}
	layout = a.side_by_side ? EXPORT_SIDE_BY_SIDE : EXPORT_IN_TURN;
	if (a.output)
		status = export_save_layout(a.output, a.force, a.format, layout, items, n, &err);
	else if ((status = export_write_layout(stdout, a.format, layout, items, n,
	    &err)) != STATUS_OK && ferror(stdout))
		cli_output_failed(errno);
	export_items_free(items, n);
	/* Standard output that cannot be written is said once, at the end. */
	if (status != STATUS_OK && !a.output && ferror(stdout))
		return 1;
	if (status != STATUS_OK) {
		cli_complain("export: %s", err.msg[0] ? err.msg : status_message(status));
		return 1;
	}
	if (a.output)
		cli_say(P_("Wrote %zu passage to %s.\n", "Wrote %zu passages to %s.\n", n), n, a.output);

	return 0;
}
