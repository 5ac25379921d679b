/*
 * cli_list: list and show, for people and as JSON (the records of
 * json_record.h, DESIGN.md section 5).
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "json_record.h"
#include "xalloc.h"

#define PAGE 100

/* ------------------------------------------------------------------- list */

/* What naast could not read of a document, under its line. */
static void
say_warnings(const struct set_answer *a)
{
	for (size_t i = 0; i < a->n_warnings; i++) {
		char *say = model_warning_say(&a->warnings[i]);

		cli_say("      ! %s\n", say);
		free(say);
	}
}

/*
 * " (successor of EZK)": the addressed ministries that code answered for
 * by succession; false, saying nothing, when there are none.
 */
static bool
say_successor_of(const struct set_info *set, const char *code)
{
	size_t n = 0;

	for (size_t i = 0; i < set->n_coverage; i++) {
		const struct set_coverage *c = &set->coverage[i];

		if (c->succession && strcmp(c->answered_by, code) == 0)
			cli_say("%s%s", n++ ? ", " : _(" (successor of "), c->ministry);
	}
	if (n)
		cli_say(")");
	return n > 0;
}

static bool
has_answer_of(const struct set_info *set, const char *code)
{
	for (size_t i = 0; i < set->n_answers; i++)
		if (strcmp(set->answers[i].ministry, code) == 0)
			return true;
	return false;
}

static void
say_set(const struct set_info *set)
{
	char date[32];

	cli_say(_("set %lld  "), set->id);
	cli_say_questioners(set);
	cli_say(" · ingezonden %s · %d %s · %d/%zu beantwoord\n",
	    cli_date_text(set->submitted, date, sizeof(date)), set->n_questions,
	    set->n_questions == 1 ? "vraag" : "vragen", set->answered,
	    set->n_coverage);
	cli_say("    %s\n", set->subject ? set->subject : _("(subject unknown)"));
	cli_say(P_("    addressed to %zu ministry:", "    addressed to %zu ministries:",
	    set->n_coverage), set->n_coverage);
	for (size_t i = 0; i < set->n_coverage; i++) {
		cli_say(" %s", set->coverage[i].ministry);
		if (set->coverage[i].portfolio[0])
			cli_say(" (%s)", set->coverage[i].portfolio);
	}
	cli_say("\n");
	for (size_t i = 0; i < set->n_answers; i++) {
		const struct set_answer *a = &set->answers[i];

		cli_say(_("    answered by %s"), a->ministry);
		if (!say_successor_of(set, a->ministry) && strlen(a->ministry) < 5)
			cli_say("%*s", 5 - (int)strlen(a->ministry), "");
		cli_say(" ontvangen %s", cli_date_text(a->received, date, sizeof(date)));
		if (a->aanhangsel)
			cli_say(", Aanhangsel nr. %d", a->aanhangsel);
		cli_say("\n");
		say_warnings(a);
	}
	/* A successor that signed an answer of another ministry. */
	for (size_t i = 0; i < set->n_coverage; i++) {
		const struct set_coverage *c = &set->coverage[i];

		if (c->succession && !has_answer_of(set, c->answered_by))
			cli_say(_("    answered by %s (successor of %s), co-signing\n"),
			    c->answered_by, c->ministry);
	}
	for (size_t i = 0; i < set->n_notices; i++) {
		const struct set_answer *a = &set->notices[i];

		cli_say(_("    mededeling by %-5s ontvangen %s\n"), a->ministry,
		    cli_date_text(a->received, date, sizeof(date)));
		say_warnings(a);
	}
	for (size_t i = 0; i < set->n_unanswered; i++)
		cli_say("%s %s", i ? "" : _("    not answered:"), set->unanswered[i]);
	if (set->n_unanswered)
		cli_say("\n");
}

static void
say_letter(const struct letter_info *l)
{
	cli_say(_("letter %lld  "), l->doc);
	if (l->n_addressees) {
		cli_say("%s", _("to "));
		for (size_t i = 0; i < l->n_addressees; i++)
			cli_say("%s%s", i == 0 ? "" : i + 1 == l->n_addressees ? _(" and ") : ", ",
			    l->addressees[i]);
	} else {
		cli_say("%s", l->origin);
	}
	cli_say(P_(" · %d paragraph", " · %d paragraphs", l->paragraphs), l->paragraphs);

	if (l->closing)
		cli_say(" · %s", l->closing);
	cli_say("\n");
}

/* Prints every set and letter, page by page; false with a message on error. */
static bool
list_all(struct store *st, struct json *j)
{
	struct set_cursor cursor = { "", 0 };
	struct error err = { "" };
	long long after = 0;
	size_t n, total = 0;

	if (j) {
		json_object_begin(j);
		json_key(j, "sets");
		json_array_begin(j);
	}
	do {
		struct set_info *sets;

		if (store_sets_page(st, &cursor, PAGE, &sets, &n, &err) != STATUS_OK)
			goto fail;
		for (size_t i = 0; i < n; i++)
			j ? json_record_set(j, &sets[i]) : say_set(&sets[i]);
		store_sets_free(sets, n);
		total += n;
	} while (n == PAGE);
	if (j) {
		json_array_end(j);
		json_key(j, "letters");
		json_array_begin(j);
	}
	do {
		struct letter_info *letters;

		if (store_letters_page(st, &after, PAGE, &letters, &n, &err) != STATUS_OK)
			goto fail;
		for (size_t i = 0; i < n; i++)
			j ? json_record_letter(j, &letters[i]) : say_letter(&letters[i]);
		store_letters_free(letters, n);
		total += n;
	} while (n == PAGE);
	if (j) {
		json_array_end(j);
		json_object_end(j);
		json_finish(j);
	} else if (total == 0) {
		cli_say("%s", _("No documents yet: import some with 'naast import FILE...'.\n"));
	}
	return true;
fail:
	if (j)
		json_finish(j);
	cli_complain("cannot list: %s", err.msg);
	return false;
}

/* Reads the options of list; -1 when they are right, else the exit status. */
static int
list_options(int argc, char **argv, bool *as_json)
{
	int rc = cli_json_options("list", argc, argv, as_json);

	if (rc < 0 && optind < argc)
		rc = cli_usage("list", "takes no arguments");
	return rc;
}

int
cli_list(struct cli *cli, int argc, char **argv)
{
	struct store *st;
	bool as_json = false;
	struct json j;
	int rc;

	if ((rc = list_options(argc, argv, &as_json)) >= 0)
		return rc;
	if (!(st = cli_store(cli)))
		return 1;
	json_init(&j, stdout, false);
	return list_all(st, as_json ? &j : NULL) ? 0 : 1;
}

/* ------------------------------------------------------------------- show */

static void
say_signatories(const struct answer_view *a)
{
	cli_say("%s", a->ministry);
	for (size_t i = 0; i < a->n_signatories; i++)
		cli_say("%s%s %s", i == 0 ? " · " : ", ",
		    a->signatories[i].role ? a->signatories[i].role : "",
		    a->signatories[i].name);
	cli_say("\n");
}

/*
 * Text with its footnote markers put back as "[1]", indented by indent,
 * its footnotes below it, two columns further in.
 */
static void
say_marked(const char *text, const struct footnote *f, size_t n, int indent,
    int width)
{
	char *marked = model_marked_text(text, f, n);

	cli_say_paragraph(marked, indent, width);
	free(marked);
	for (size_t i = 0; i < n; i++) {
		char *note = xasprintf("[%s] %s", f[i].marker, f[i].text);

		cli_say_paragraph(note, indent + 2, width);
		free(note);
	}
}

static void
say_question(const struct question_view *q, const struct set_info *set,
    char *const *ministries, size_t n_ministries, int width)
{
	cli_say("\nVraag %d\n", q->number);
	say_marked(q->text ? q->text : "", q->footnotes, q->n_footnotes, 0, width);
	for (size_t i = 0; i < q->n_answers; i++) {
		const struct answer_view *a = &q->answers[i];

		cli_say("\n  ");
		say_signatories(a);
		if (a->vraag_to > a->vraag_from)
			cli_say(_("  (one answer to vragen %d to %d)\n"), a->vraag_from,
			    a->vraag_to);
		for (size_t k = 0; k < a->n_paragraphs; k++) {
			if (k > 0)
				cli_say("\n");
			say_marked(a->paragraphs[k].text, a->paragraphs[k].footnotes,
			    a->paragraphs[k].n_footnotes, 2, width);
		}
		if (a->n_paragraphs == 0)
			cli_say("%s", _("  (no answer to this vraag in this document)\n"));
	}
	/*
	 * Addressed ministries asked for whose answer is not imported, or
	 * that a successor answered.
	 */
	for (size_t m = 0; m < n_ministries; m++) {
		const char *by = NULL;

		if (has_answer_of(set, ministries[m]))
			continue;
		for (size_t i = 0; i < set->n_coverage && !by; i++)
			if (set->coverage[i].succession &&
			    strcmp(set->coverage[i].ministry, ministries[m]) == 0)
				by = set->coverage[i].answered_by;
		if (by)
			cli_say(_("\n  %s · answered by %s (successor of %s)\n"),
			    ministries[m], by, ministries[m]);
		else
			cli_say(_("\n  %s · no answer imported\n"), ministries[m]);
	}
}

/*
 * A mededeling of the set (a delay, or an answer given elsewhere): who
 * sent it, when, and its words.  It answers no vraag.
 */
static void
say_notice(struct store *st, const struct set_answer *n, int width)
{
	struct error err = { "" };
	struct doc_view d;
	char date[32];
	bool first = true;

	if (store_document(st, n->doc, &d, &err) != STATUS_OK) {
		cli_complain("show: %s", err.msg);
		return;
	}
	cli_say("\nMededeling · %s", n->ministry);
	for (size_t i = 0; i < d.n_signatories; i++)
		cli_say("%s%s %s", i == 0 ? " · " : ", ",
		    d.signatories[i].role ? d.signatories[i].role : "",
		    d.signatories[i].name);
	cli_say(" · ontvangen %s\n", cli_date_text(n->received, date, sizeof(date)));
	for (size_t i = 0; i < d.n_passages; i++) {
		if (d.passages[i].role != ROLE_BODY && d.passages[i].role != ROLE_OTHER)
			continue;
		if (!first)
			cli_say("\n");
		cli_say_paragraph(d.passages[i].text, 2, width);
		first = false;
	}
	store_document_clear(&d);
}

/* What the options of show say, checked. */
struct show_opts {
	long long set;
	long long vraag;	/* 0: every vraag */
	char **ministries;	/* NULL: every ministry */
	size_t n_ministries;
	bool json;
};

/* Reads the options of show into o; -1 when they are right, else the exit status. */
static int
show_options(int argc, char **argv, struct show_opts *o)
{
	static const struct option options[] = {
		{ "vraag", required_argument, NULL, 'v' },
		{ "ministry", required_argument, NULL, 'm' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":v:m:jh", options, NULL)) != -1) {
		switch (c) {
		case 'v':
			if (!cli_parse_number(optarg, &o->vraag) || o->vraag > INT_MAX)
				return cli_usage("show", "--vraag needs a vraag number such as 1");
			break;
		case 'm':
			model_strv_free(o->ministries, o->n_ministries);
			if (!cli_parse_ministries("show", "--ministry", optarg,
			    &o->ministries, &o->n_ministries))
				return 2;
			break;
		case 'j':
			o->json = true;
			break;
		case 'h':
			return cli_help("show");
		case ':':
			return cli_usage("show", "option needs a value");
		default:
			return cli_usage("show", "unknown option");
		}
	}
	return cli_set_arg("show", argc, argv, &o->set);
}

int
cli_show(struct cli *cli, int argc, char **argv)
{
	struct show_opts o = { 0 };
	struct set_info set = { 0 };
	struct question_view *qs = NULL;
	struct error err = { "" };
	struct store *st;
	size_t nq = 0;
	int rc;

	if ((rc = show_options(argc, argv, &o)) >= 0)
		goto out;
	rc = 1;
	if (!(st = cli_store(cli)) || !cli_set_get(st, "show", o.set, o.vraag, &set))
		goto out;
	if (store_questions(st, o.set, (int)o.vraag, o.ministries, o.n_ministries, &qs,
	    &nq, &err) != STATUS_OK) {
		cli_complain("show: %s", err.msg);
		goto out;
	}
	if (o.json) {
		struct json j;

		json_init(&j, stdout, false);
		json_object_begin(&j);
		json_key(&j, "set");
		json_record_set(&j, &set);
		json_key(&j, "questions");
		json_array_begin(&j);
		for (size_t i = 0; i < nq; i++)
			json_record_question(&j, &qs[i]);
		json_array_end(&j);
		json_object_end(&j);
		json_finish(&j);
	} else {
		int width = cli_output_width();
		char date[32];

		cli_say_questioners(&set);
		cli_say(": %s (ingezonden %s)\n", set.subject ? set.subject : "",
		    cli_date_text(set.submitted, date, sizeof(date)));
		for (size_t i = 0; i < set.n_answers; i++) {
			if (set.answers[i].n_warnings == 0)
				continue;
			cli_say(_("naast could not fully read the answer of %s (document %lld):\n"),
			    set.answers[i].ministry[0] ? set.answers[i].ministry :
			    _("an unknown ministry"), set.answers[i].doc);
			say_warnings(&set.answers[i]);
		}
		for (size_t i = 0; i < set.n_coverage; i++)
			if (set.coverage[i].succession)
				cli_say(_("%s answered by %s (successor of %s)\n"),

				    set.coverage[i].ministry,
				    set.coverage[i].answered_by,
				    set.coverage[i].ministry);
		for (size_t i = 0; i < set.n_notices && o.vraag == 0; i++) {
			bool asked = o.n_ministries == 0;

			for (size_t m = 0; m < o.n_ministries && !asked; m++)
				asked = strcmp(o.ministries[m], set.notices[i].ministry) == 0;
			if (asked)
				say_notice(st, &set.notices[i], width);
		}
		for (size_t i = 0; i < nq; i++)
			say_question(&qs[i], &set, o.ministries, o.n_ministries, width);
	}
	rc = 0;
out:
	store_questions_free(qs, nq);
	store_set_info_clear(&set);
	model_strv_free(o.ministries, o.n_ministries);
	return rc;
}
