/*
 * cli_import: import (files, directories, PDF), and the first start that
 * imports the bundled corpus.  The import itself is core's (import.h);
 * this is what naast says of it: a line per file, warnings, refusals, the
 * summary of a directory and, on a terminal, the progress bar.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "i18n.h"
#include "import.h"
#include "oom.h"
#include "parse.h"
#include "text.h"
#include "xalloc.h"

/* What naast says of an import; what it says clears the bar first. */
struct told {
	bool quiet;			/* says nothing of the files stored */
	char **failures;		/* "PATH: reason", for the summary */
	size_t n_failures;
	char **uncertain;		/* "PATH (N warnings)", for the summary */
	size_t n_uncertain;
	char **skipped;			/* the paths of files skipped */
	size_t n_skipped;
	bool bar;			/* stderr is a terminal: a bar may be drawn */
	bool bar_shown;			/* and is on the screen now */
	size_t stored;			/* files told as newly stored */
};

/* stderr is unbuffered: what goes there shows at once. */
static void
bar_clear(struct told *t)
{
	if (t->bar_shown)
		fputs("\r\033[K", stderr);
	t->bar_shown = false;
}

/* "[#####.....] 7/14 12.3 MB/s  dir/file.pdf", redrawn in place. */
static void
bar_draw(void *ctx, const struct import_progress *p)
{
	struct told *t = ctx;
	struct winsize ws;
	int cols = 80, fill, room;
	double rate;
	char head[128], *name;

	/* For more than one file, when stderr is a terminal. */
	if (!t->bar || p->total < 2)
		return;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		cols = ws.ws_col;
	fill = (int)(20 * p->done / p->total);
	rate = p->seconds > 0.001 ? (double)p->bytes_done / 1e6 / p->seconds : 0;
	snprintf(head, sizeof(head), "[%.*s%.*s] %zu/%zu %.1f MB/s  ", fill,
	    "####################", 20 - fill, "....................",
	    p->done, p->total, rate);
	name = text_sanitize(p->path, strlen(p->path), 0);
	room = cols - 1 - (int)strlen(head);
	if (room < 0)
		room = 0;
	/* The end of a long name says more than its start. */
	if ((int)strlen(name) > room) {
		const char *tail = name + strlen(name) - (size_t)room;

		while (*tail && ((unsigned char)*tail & 0xc0) == 0x80)
			tail++;
		fprintf(stderr, "\r%s%s\033[K", head, tail);
	} else {
		fprintf(stderr, "\r%s%s\033[K", head, name);
	}
	free(name);
	t->bar_shown = true;
}

/* Before each file: what naast says if memory runs out now, and the bar. */
static void
on_progress(void *ctx, const struct import_progress *p)
{
	oom_doing(OOM_IMPORTING, p->path);
	bar_draw(ctx, p);
}

/* "the PDF": the form of a document naast kept of two. */
static const char *
form_name(enum doc_form form)
{
	switch (form) {
	case FORM_PDF:
		return _("the PDF");
	case FORM_PDF_TEXT:
		return _("the text of the PDF");
	default:
		return _("the conversion");
	}
}

/* "the same answer": what kind of document two files both are. */
static const char *
same_what(enum doc_kind kind)
{
	switch (kind) {
	case DOC_ANSWER:
		return _("the same answer");
	case DOC_QUESTIONS:
		return _("the same questions");
	case DOC_MEDEDELING:
		return _("the same mededeling");
	default:
		return _("the same document");
	}
}

/* ", 2 basket items moved to it" and the like, or "". */
static void
say_basket(const struct reattach_result *b)
{
	if (b->moved)
		cli_say(P_(", %zu basket item moved to it", ", %zu basket items moved to it",
		    b->moved), b->moved);
	if (b->merged)
		cli_say(P_(", %zu basket item joined to one there",
		    ", %zu basket items joined to one there", b->merged), b->merged);
	if (b->lost)
		cli_say(P_(", %zu basket item with no like passage left out",
		    ", %zu basket items with no like passage left out", b->lost), b->lost);
}

/*
 * The one line of a document that naast had in another form: which it
 * kept, and what became of the basket.
 */
static void
say_same(const char *origin, const struct import_result *res)
{
	if (res->same == IMPORT_SAME_KEPT) {
		cli_say(_("%s: %s as '%s' (document %lld): kept %s\n"), origin,
		    same_what(res->kind), res->same_name, res->same_doc,
		    res->kept == FORM_CONVERSION ? _("the one imported first") :
		    form_name(res->kept));
		return;
	}
	cli_say(_("%s: %s as '%s' (document %lld): kept %s, now document %lld"),
	    origin, same_what(res->kind), res->same_name, res->same_doc,
	    form_name(res->kept), res->doc);
	say_basket(&res->basket);
	cli_say("\n");
}

/* " (numbered up to N)" when the numbering has gaps, else "". */
static const char *
numbered(const struct import_result *res)
{
	static char s[48];

	if (res->vragen_found >= res->n_vragen)
		return "";
	snprintf(s, sizeof(s), _(" (numbered up to %d)"), res->n_vragen);
	return s;
}

/* What a stored file became, in the line naast says of it. */
static void
say_stored(const char *origin, const struct import_result *res)
{
	const char *ministry = res->ministry[0] ? res->ministry : _("an unknown ministry");

	if (res->same != IMPORT_SAME_NONE)
		say_same(origin, res);
	else if (res->unchanged)
		cli_say(_("%s: unchanged\n"), origin);
	else if (res->kind == DOC_ANSWER)
		cli_say(_("%s: answer by %s to set %lld, %d %s%s\n"), origin,
		    ministry, res->set, res->vragen_found,
		    res->vragen_found == 1 ? "vraag" : "vragen",
		    numbered(res));
	else if (res->kind == DOC_QUESTIONS)
		cli_say(_("%s: questions of set %lld, %d %s%s\n"), origin,
		    res->set, res->vragen_found,
		    res->vragen_found == 1 ? "vraag" : "vragen", numbered(res));
	else if (res->kind == DOC_MEDEDELING)
		cli_say(_("%s: mededeling by %s on set %lld\n"), origin, ministry,
		    res->set);
	else
		cli_say("%s: %s\n", origin, _(model_kind_name(res->kind)));
}

/* A file's outcome: its line and warnings, or why it was not imported. */
static void
say_file(void *ctx, const struct import_file *f)
{
	struct told *t = ctx;

	bar_clear(t);
	if (f->outcome == IMPORT_FAILED) {
		cli_complain("cannot import '%s': %s", f->origin, f->message);
		model_strv_add(&t->failures, &t->n_failures,
		    xasprintf("%s: %s", f->origin, f->message));
		return;
	}
	if (f->outcome == IMPORT_SKIPPED) {
		if (!t->quiet)
			cli_say(_("%s: skipped: %s\n"), f->origin, f->message);
		model_strv_add(&t->skipped, &t->n_skipped, xstrdup(f->origin));
		return;
	}
	for (size_t w = 0; w < f->n_warnings; w++) {
		char *say = model_warning_say(&f->warnings[w]);

		cli_complain("warning: '%s': %s", f->origin, say);
		free(say);
	}
	if (f->n_warnings)
		model_strv_add(&t->uncertain, &t->n_uncertain,
		    xasprintf(P_("%s (%zu warning)", "%s (%zu warnings)", f->n_warnings),
		    f->origin, f->n_warnings));
	if (!t->quiet)
		say_stored(f->origin, &f->result);
	if (f->outcome == IMPORT_STORED)
		oom_stored(++t->stored);
}

/* A batch has ended: a committed one's lines go out now, even into a pipe. */
static void
say_batch_end(void *ctx, bool stored)
{
	struct told *t = ctx;

	bar_clear(t);
	if (stored && !t->quiet)
		fflush(stdout);
}

/* Imports the n paths, saying what t says; returns the counts. */
static struct import_totals
import_told(struct store *st, const char *const *paths, size_t n,
    const struct import_options *opts, struct told *t)
{
	const struct import_events events = {
		.ctx = t,
		.progress = on_progress,
		.file = say_file,
		.batch_end = say_batch_end,
	};
	struct import_totals totals;

	import_paths(st, paths, n, opts, &events, &totals, NULL);
	oom_doing(OOM_WORKING, NULL);
	return totals;
}

/*
 * Reads the options of import into o; -1 when they are right (the files
 * are argv[optind..argc)), else the exit status.
 */
static int
import_options(int argc, char **argv, struct import_options *o)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "follow-links", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:e:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!parse_find(optarg)) {
				cli_complain("import: unknown format '%s' (use one of: %s)",
				    optarg, parse_format_list());
				return 2;
			}
			o->format = optarg;
			break;
		case 'e':
			if (!import_encoding_find(optarg, &o->encoding)) {
				cli_complain("import: unknown encoding '%s' (use utf-8 or latin1, which reads Windows-1252 too)",
				    optarg);
				return 2;
			}
			break;
		case 'L':
			o->follow_links = true;
			break;
		case 'h':
			return cli_help("import");
		case ':':
			return cli_usage("import", optopt == 'e' ? N_("--encoding needs a value") :
			    N_("--format needs a value"));
		default:
			return cli_usage("import", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage("import", "name at least one FILE or DIR");
	return -1;
}

int
cli_import(struct cli *cli, int argc, char **argv)
{
	struct told t = { .bar = isatty(STDERR_FILENO) };
	struct import_options opts = { .encoding = IMPORT_UTF8 };
	struct import_totals totals;
	struct error why = { "" };
	struct store *st;
	int rc;

	if ((rc = import_options(argc, argv, &opts)) >= 0)
		return rc;
	/*
	 * A reader of the lines that goes away (naast import DIR | head)
	 * does not cut the import short: it goes on, and the lines it could
	 * not write are said at the end (cli_output_end).
	 */
	signal(SIGPIPE, SIG_IGN);
	if (!(st = cli_store(cli)))
		return 1;
	if (store_is_readonly(st, &why)) {
		cli_complain("cannot import: %s", why.msg);
		return 1;
	}
	totals = import_told(st, (const char *const *)argv + optind,
	    (size_t)(argc - optind), &opts, &t);
	if (totals.directories) {
		cli_say(_("imported %zu, unchanged %zu, failed %zu"), totals.imported,
		    totals.unchanged, totals.failed);
		if (totals.same)
			cli_say(_(", had in another form %zu"), totals.same);
		if (totals.skipped)
			cli_say(_(", skipped %zu (no documents)"), totals.skipped);
		if (totals.not_files)
			cli_say(_(", skipped %zu (not files)"), totals.not_files);
		if (totals.links_out)
			cli_say(_(", skipped %zu (links out of the directory)"),
			    totals.links_out);
		cli_say("\n");
		for (size_t i = 0; i < t.n_uncertain; i++)
			cli_say(_("  not fully read: %s\n"), t.uncertain[i]);
		for (size_t i = 0; i < t.n_failures; i++)
			cli_say(_("  failed: %s\n"), t.failures[i]);
		for (size_t i = 0; i < t.n_skipped; i++)
			cli_say(_("  skipped: %s\n"), t.skipped[i]);
	}
	model_strv_free(t.failures, t.n_failures);
	model_strv_free(t.uncertain, t.n_uncertain);
	model_strv_free(t.skipped, t.n_skipped);
	return totals.failed ? 1 : 0;
}

/* ---------------------------------------------------------------- reparse */

/* A document that could not be read again: it stays as it was. */
static void
say_not_reparsed(void *ctx, const struct import_file *f)
{
	bar_clear(ctx);
	cli_complain("cannot read %s again, kept as it was: %s", f->origin,
	    f->message);
}

/*
 * Parses the stored documents again (all, or those an older naast read),
 * with a bar on a terminal and one summary line on stream; false when a
 * document could not be read again.
 */
static bool
reparse_told(struct store *st, bool all, FILE *stream)
{
	struct told t = { .bar = isatty(STDERR_FILENO) };
	const struct import_events events = {
		.ctx = &t,
		.progress = bar_draw,
		.file = say_not_reparsed,
	};
	struct reparse_totals r;
	struct error err = { "" };
	enum status status = import_reparse(st, all, &events, &r, &err);
	char *safe, *head;

	bar_clear(&t);
	if (status == STATUS_DB || status == STATUS_DB_BUSY) {
		cli_complain("cannot read the documents again: %s", err.msg);
		return false;
	}
	head = xasprintf(P_("read %zu document again: %zu changed, %zu as before%s; ",
	    "read %zu documents again: %zu changed, %zu as before%s; ", r.documents),
	    r.documents, r.changed, r.documents - r.changed,
	    r.failed ? _(", some kept as they were") : "");
	safe = xasprintf(P_("%sbasket: %zu item kept%s\n", "%sbasket: %zu items kept%s\n",
	    r.basket_kept), head, r.basket_kept, r.basket_lost ?
	    _(", some lost (their text is no longer in the document)") : "");
	fprintf(stream, "%s%s", stream == stderr ? "naast: " : "", safe);
	if (r.basket_lost)
		fprintf(stream, P_("%s%zu basket item lost\n", "%s%zu basket items lost\n",
		    r.basket_lost), stream == stderr ? "naast: " : "", r.basket_lost);
	free(head);
	free(safe);
	return status == STATUS_OK;
}

bool
cli_upgrade(struct store *st)
{
	struct error err = { "" };
	size_t due;
	long long last;

	if (store_is_readonly(st, &err) ||
	    store_reparse_count(st, PARSE_VERSION, &due, &last, &err) != STATUS_OK ||
	    due == 0)
		return true;
	fprintf(stderr, P_("naast: this version reads documents better: reading %zu document again\n",
	    "naast: this version reads documents better: reading %zu documents again\n", due),
	    due);
	return reparse_told(st, false, stderr);
}

int
cli_reparse(struct cli *cli, int argc, char **argv)
{
	struct error why = { "" };
	struct store *st;

	/* No arguments, and no options but --help. */
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0))
		return cli_help("reparse");
	if (argc > 1)
		return cli_usage("reparse", argv[1][0] == '-' ?
		    N_("unknown option") : N_("it takes no arguments"));
	if (!(st = cli_store(cli)))
		return 1;
	if (store_is_readonly(st, &why)) {
		cli_complain("cannot read the documents again: %s", why.msg);
		return 1;
	}
	return reparse_told(st, true, stdout) ? 0 : 1;
}

/* ---------------------------------------------------------------- library */

/* Where the bundled corpus is (cli_data_dir). */
static char *
corpus_dir(void)
{
	return cli_data_dir("assets/corpus", NAAST_PKGDATADIR "/corpus");
}

/*
 * Imports the bundled corpus, saying only how many documents it holds;
 * false when not all of it could be imported.
 */
static bool
import_corpus(struct store *st, const char *db_path)
{
	char *dir = corpus_dir();
	struct told t = { .quiet = true };
	const struct import_options opts = { .encoding = IMPORT_UTF8 };
	struct import_totals totals;
	DIR *d = opendir(dir);

	if (!d) {
		cli_complain("cannot read the bundled corpus in '%s': %s (reinstall naast, or import files with 'naast import')",
		    dir, strerror(errno));
		free(dir);
		return false;
	}
	closedir(d);
	totals = import_told(st, (const char *const *)&dir, 1, &opts, &t);
	cli_complain("first start: imported %zu bundled documents into %s",
	    totals.imported + totals.unchanged, db_path);
	model_strv_free(t.failures, t.n_failures);
	model_strv_free(t.uncertain, t.n_uncertain);
	model_strv_free(t.skipped, t.n_skipped);
	free(dir);
	return totals.failed == 0;
}

int
cli_library(struct cli *cli, bool interactive)
{
	char name[] = "list";
	char *argv[] = { name, NULL };
	struct error why = { "" };
	struct store *st = cli_store(cli);

	if (!st)
		return 1;
	/* A read-only database is shown as it is, even empty. */
	if (store_is_empty(st) && !store_is_readonly(st, &why) &&
	    !import_corpus(st, cli->path))
		return 1;
	return interactive ? app_run(st) : cli_list(cli, 1, argv);
}
