/*
 * cli_fetch: naast fetch, question sets from the Tweede Kamer's open data
 * (fetch.h); and where naast finds that service and keeps its downloads.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fetch.h"
#include "i18n.h"
#include "opendata.h"
#include "settings.h"
#include "text.h"
#include "xalloc.h"

/* ------------------------------------------------------------------- fetch */

static void
fetch_asking(void *ctx, const char *what)
{
	(void)ctx;
	if (isatty(STDERR_FILENO)) {
		char *safe = text_sanitize(what, strlen(what), TEXT_SHOW_NEWLINES);

		fprintf(stderr, "\r\033[K");
		fprintf(stderr, _("asking for %s..."), safe);
		fflush(stderr);
		free(safe);
	}
}

static void
fetch_told(void *ctx, const struct fetch_document *d)
{
	(void)ctx;
	if (isatty(STDERR_FILENO))
		fputs("\r\033[K", stderr);
	switch (d->outcome) {
	case FETCH_STORED:
		cli_say(_("  %s (%s): stored, %lld KB%s\n"), d->name, d->soort,
		    (d->bytes + 1023) / 1024,
		    d->n_warnings ? _(", not fully read (see naast show)") : "");
		break;
	case FETCH_HERE:
		cli_say(_("  %s (%s): here already\n"), d->name, d->soort);
		break;
	case FETCH_UNCHANGED:
		cli_say(_("  %s (%s): here already, imported from a file\n"),
		    d->name, d->soort);
		break;
	case FETCH_SAME:
		cli_say(_("  %s (%s): here already in another form\n"), d->name,
		    d->soort);
		break;
	case FETCH_FAILED:
		cli_say(_("  %s (%s): failed: %s\n"), d->name, d->soort,
		    d->message);
		break;
	}
}

/*
 * The options fetch and sync share: --api and --timeout, option c of
 * command cmd.  -1 when c is one of them and right, else the exit status
 * of its usage error; 0 when c is neither.
 */
static int
net_option(const char *cmd, int c, struct fetch_options *o,
    const char **api)
{
	long long n;

	switch (c) {
	case 'a':
		*api = optarg;
		return -1;
	case 't':
		if (!cli_parse_number(optarg, &n) || n > 3600)
			return cli_usage(cmd, "--timeout takes seconds, 1 to 3600");
		o->http.idle_seconds = (unsigned)n;
		o->http.connect_seconds = (unsigned)n;
		return -1;
	case '?':
		if (optopt == 'a' || optopt == 't')
			return cli_missing_value(cmd, optopt == 'a' ? "--api" :
			    "--timeout");
		return 0;
	default:
		return 0;
	}
}

/* "set 12: 9 vragen, answered by AZ, BZK; 10 ministries addressed have not answered" */
static void
say_summary(struct store *st, const struct fetch_result *res)
{
	struct error err = { "" };
	struct set_info set;

	if (!res->set) {
		cli_say(_("Zaak %s: nothing of it is stored\n"), res->zaak);
		return;
	}
	if (store_set_get(st, res->set, &set, &err) != STATUS_OK) {
		cli_complain("cannot read set %lld: %s", res->set, err.msg);
		return;
	}
	cli_say(_("set %lld (Zaak %s): %d %s"), set.id, res->zaak,
	    set.n_questions, set.n_questions == 1 ? "vraag" : "vragen");
	for (size_t i = 0; i < set.n_answers; i++)
		cli_say("%s%s", i ? ", " : _(", answered by "),
		    set.answers[i].ministry[0] ? set.answers[i].ministry : "?");
	if (set.n_unanswered)
		cli_say(P_("; %zu ministry addressed has not answered",
		    "; %zu ministries addressed have not answered", set.n_unanswered),
		    set.n_unanswered);
	cli_say(" (%d/%zu beantwoord)\n", set.answered, set.n_coverage);
	for (size_t i = 0; i < res->n_unknown; i++)
		cli_say(_("  addressed to '%s', which naast cannot place: not counted\n"),
		    res->unknown[i]);
	store_set_info_clear(&set);
}

int
cli_fetch(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "api", required_argument, NULL, 'a' },
		{ "timeout", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct fetch_options o = { .import = { .encoding = IMPORT_UTF8 } };
	struct fetch_events ev = {
		.asking = fetch_asking, .document = fetch_told,
	};
	const char *api_opt = NULL;
	char *api, *cache, why[512];
	struct store *st;
	int c, rc = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		if ((rc = net_option("fetch", c, &o, &api_opt)) == -1)
			continue;
		if (rc)
			return rc;
		if (c == 'h')
			return cli_help("fetch");
		return cli_usage("fetch", "unknown option");
	}
	rc = 0;
	if (optind >= argc)
		return cli_usage("fetch", "name at least one Zaak (2024Z01294) or document (ah-tk-20232024-1059)");
	for (int i = optind; i < argc; i++) {
		struct od_ref ref;

		if (!opendata_ref_parse(argv[i], &ref)) {
			char *what = xasprintf(_("'%s' is no Zaak number (2024Z01294), KOOP id (kv-tk-2024Z01294, ah-tk-20232024-1059) or document number (2024D05678)"),
			    argv[i]);

			rc = cli_usage("fetch", what);
			free(what);
			return rc;
		}
	}
	if (!(st = cli_store(cli)))
		return 1;
	if (!(cache = settings_cache_dir(why, sizeof(why)))) {
		cli_complain("%s", why);
		return 1;
	}
	api = settings_api(api_opt);
	o.api = api;
	o.cache = cache;
	for (int i = optind; i < argc; i++) {
		struct fetch_result res;
		struct error err = { "" };
		enum status status;

		cli_say("%s:\n", argv[i]);
		status = fetch_zaak(st, &o, argv[i], &ev, &res, &err);
		if (isatty(STDERR_FILENO))
			fputs("\r\033[K", stderr);
		if (res.zaak[0] && (res.set || res.stored || res.here))
			say_summary(st, &res);
		if (status != STATUS_OK) {
			cli_complain("cannot fetch %s: %s", argv[i], err.msg);
			rc = 1;
		}
		fetch_result_free(&res);
	}
	free(api);
	free(cache);
	return rc;
}

/* -------------------------------------------------------------------- sync */

/* Only what came, and what failed: the rest was here. */
static void
sync_told(void *ctx, const struct fetch_document *d)
{
	if (d->outcome == FETCH_STORED || d->outcome == FETCH_FAILED)
		fetch_told(ctx, d);
}

static void
sync_zaak_done(void *ctx, const struct fetch_result *r)
{
	struct store *st = ctx;

	if (r->stored || r->failed)
		say_summary(st, r);
}

int
cli_sync(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "api", required_argument, NULL, 'a' },
		{ "timeout", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'A' },
		{ "since", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct fetch_options o = { .import = { .encoding = IMPORT_UTF8 } };
	struct fetch_events ev = {
		.asking = fetch_asking, .document = sync_told,
		.zaak_done = sync_zaak_done,
	};
	char since[DATE_ISO_SIZE] = "", *api, *cache, why[512];
	const char *api_opt = NULL;
	struct error err = { "" };
	struct sync_result res;
	enum status status;
	struct store *st;
	bool all = false;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		if ((rc = net_option("sync", c, &o, &api_opt)) == -1)
			continue;
		if (rc)
			return rc;
		switch (c) {
		case 'A':
			all = true;
			break;
		case 's':
			if (!cli_parse_date(optarg, since))
				return cli_usage("sync", "--since needs a date such as 2024-09-01 or '1 september 2024'");
			break;
		case 'h':
			return cli_help("sync");
		case '?':
			if (optopt == 's')
				return cli_missing_value("sync", "--since");
			return cli_usage("sync", "unknown option");
		default:
			return cli_usage("sync", "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage("sync", "sync takes no arguments (naast fetch takes sets)");
	if (!(st = cli_store(cli)))
		return 1;
	if (!(cache = settings_cache_dir(why, sizeof(why)))) {
		cli_complain("%s", why);
		return 1;
	}
	api = settings_api(api_opt);
	o.api = api;
	o.cache = cache;
	ev.ctx = st;
	status = fetch_sync(st, &o, since[0] ? since : NULL, all, &ev, &res, &err);
	if (isatty(STDERR_FILENO))
		fputs("\r\033[K", stderr);
	cli_say(P_("synced: %zu document listed since %s", "synced: %zu documents listed since %s",
	    res.listed), res.listed, res.since);
	cli_say(P_(", %zu set fetched", ", %zu sets fetched", res.zaken), res.zaken);
	cli_say(P_(", %zu new document", ", %zu new documents", res.stored), res.stored);
	if (res.failed)
		cli_say(_(", %zu failed"), res.failed);
	if (res.checkpoint[0])
		cli_say(_("; the next sync goes on from %s"), res.checkpoint);
	cli_say("\n");
	if (status != STATUS_OK)
		cli_complain("cannot sync: %s", err.msg);
	else if (res.failed)
		cli_complain(P_("%zu document could not be stored (above): 'naast fetch ZAAK' tries it again",
		    "%zu documents could not be stored (above): 'naast fetch ZAAK' tries them again",
		    res.failed), res.failed);
	free(api);
	free(cache);
	return status == STATUS_OK ? (res.failed ? 1 : 0) :
	    status == STATUS_USAGE ? 2 : 1;
}

/* --------------------------------------------------------- follow, unfollow */

/* The Zaak of arg, a set's number or a Zaak number; "" after a complaint. */
static bool
zaak_of(struct store *st, const char *cmd, const char *arg, char zaak[16])
{
	struct error err = { "" };
	struct set_info set;
	struct od_ref ref;
	long long id;

	if (opendata_ref_parse(arg, &ref) && ref.zaak[0]) {
		snprintf(zaak, 16, "%s", ref.zaak);
		return true;
	}
	if (!cli_parse_number(arg, &id)) {
		cli_complain("%s: '%s' is no set (its number in naast list) or Zaak number (2024Z01294)",
		    cmd, arg);
		return false;
	}
	if (store_set_get(st, id, &set, &err) != STATUS_OK) {
		cli_complain("%s: %s", cmd, err.msg);
		return false;
	}
	snprintf(zaak, 16, "%s", set.zaak);
	store_set_info_clear(&set);
	if (!zaak[0]) {
		cli_complain("%s: set %lld has no Zaak number (it came from files): fetch it by its number first (naast fetch 2024Z01294)",
		    cmd, id);
		return false;
	}
	return true;
}

static int
follow_command(struct cli *cli, const char *cmd, bool follow, int argc,
    char **argv)
{
	struct error err = { "" };
	struct store *st;
	char zaak[16];
	int rc = 0;

	optind = 0;
	opterr = 0;
	switch (getopt_long(argc, argv, "h", (const struct option[]){
	    { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 } },
	    NULL)) {
	case -1:
		break;
	case 'h':
		return cli_help(cmd);
	default:
		return cli_usage(cmd, "unknown option");
	}
	if (optind >= argc)
		return cli_usage(cmd, "name at least one set (its number) or Zaak (2024Z01294)");
	if (!(st = cli_store(cli)))
		return 1;
	for (int i = optind; i < argc; i++) {
		if (!zaak_of(st, cmd, argv[i], zaak)) {
			rc = 1;
			continue;
		}
		if (store_follow(st, zaak, follow, &err) != STATUS_OK) {
			cli_complain("cannot %s %s: %s", cmd, zaak, err.msg);
			rc = 1;
			continue;
		}
		cli_say(follow ? _("following Zaak %s\n") : _("not following Zaak %s\n"), zaak);

	}
	return rc;
}

int
cli_follow(struct cli *cli, int argc, char **argv)
{
	return follow_command(cli, "follow", true, argc, argv);
}

int
cli_unfollow(struct cli *cli, int argc, char **argv)
{
	return follow_command(cli, "unfollow", false, argc, argv);
}
