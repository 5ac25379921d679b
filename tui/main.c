/*
 * main: options, the database path and subcommand dispatch.
 *
 * Only main() exits.  Exit status: 0 success, 1 failure (one line on
 * stderr that says what and what to do), 2 usage error.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "keymap.h"
#include "store.h"
#include "xalloc.h"

static const char usage_text[] =
"Usage: naast [--db PATH] [COMMAND [ARGS]]\n"
"\n"
"A reader for Dutch parliamentary written questions (Kamervragen) and the\n"
"answers of different ministries, side by side.\n"
"\n"
"Commands:\n"
"  (none)                         the interface on a terminal, else the\n"
"                                 library as text (an empty database gets\n"
"                                 the bundled corpus first)\n"
"  import [--format F] [--encoding utf-8|latin1] FILE|DIR...\n"
"                                 import documents ('-' reads stdin)\n"
"  list [--json]                  list question sets and letters\n"
"  show SET [--vraag N] [--ministry CODE[,CODE...]] [--json]\n"
"                                 print the vragen of a set with each\n"
"                                 ministry's answer\n"
"  diff SET --vraag N [--ministries A,B] [--ignore-case] [--json]\n"
"                                 the word differences between two\n"
"                                 ministries' answers to vraag N\n"
"  matrix SET [--json]            how alike every two ministries' answers\n"
"                                 are, per vraag\n"
"  search QUERY... [--ministry CODE] [--questioner NAME] [--party PARTY]\n"
"         [--from DATE] [--to DATE] [--kind answer|letter] [--substring]\n"
"         [--limit N] [--sort rank|date] [--json]\n"
"                                 the passages that contain the words of\n"
"                                 QUERY ('\"a phrase\"', prefix*), best first;\n"
"                                 exit 1 when none does\n"
"  related PASSAGE [--limit N] [--json]\n"
"                                 the passages of other documents most\n"
"                                 like passage PASSAGE\n"
"  select add|rm|list|clear [PASSAGE...] [--json]\n"
"                                 the basket of passages kept for an\n"
"                                 export\n"
"  export (--set SET [--vraag N] [--ministry CODE,...] | --selection)\n"
"         [--format md|txt|csv|json|html] [-o FILE [--force]]\n"
"                                 passages with their citations\n"
"\n"
"Options:\n"
"  --db PATH      database file (default: $NAAST_DB, else\n"
"                 $XDG_DATA_HOME/naast/naast.db or ~/.local/share/naast/naast.db)\n"
"  -h, --help     show this help\n"
"  -V, --version  show the version\n"
"\n"
"Exit status: 0 success, 1 failure (search and related: also nothing\n"
"found), 2 usage error.  'naast COMMAND --help' tells more.\n";

/* The commands, by name. */
static const struct command {
	const char *name;
	int (*run)(struct store *st, int argc, char **argv);
} commands[] = {
	{ "import", cli_import },
	{ "list", cli_list },
	{ "show", cli_show },
	{ "diff", cli_diff },
	{ "matrix", cli_matrix },
	{ "search", cli_search },
	{ "related", cli_related },
	{ "select", cli_select },
	{ "export", cli_export },
};

static const struct command *
command_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int
usage_error(const char *what, const char *arg)
{
	fprintf(stderr, "naast: %s '%s' (see 'naast --help')\n", what, arg);
	return 2;
}

/* mkdir -p for the directories above path; false with errno on failure. */
static bool
make_parents(const char *path)
{
	char *p = xstrdup(path);
	bool ok = true;

	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			ok = false;
			break;
		}
		*s = '/';
	}
	free(p);
	return ok;
}

/*
 * The database path: --db, else $NAAST_DB, else the XDG data directory,
 * which is created when missing.  NULL (with a message) when there is no
 * home to put it in.
 */
static char *
database_path(const char *opt)
{
	const char *env = getenv("NAAST_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *path;

	if (opt)
		return xstrdup(opt);
	if (env && *env)
		return xstrdup(env);
	if (xdg && xdg[0] == '/')
		path = xasprintf("%s/naast/naast.db", xdg);
	else if (home && *home)
		path = xasprintf("%s/.local/share/naast/naast.db", home);
	else {
		fputs("naast: no place for the database: set HOME or XDG_DATA_HOME, or use --db PATH\n", stderr);
		return NULL;
	}
	if (!make_parents(path)) {
		fprintf(stderr, "naast: cannot create the directory for '%s': %s (use --db PATH)\n",
		    path, strerror(errno));
		free(path);
		return NULL;
	}
	return path;
}

/*
 * naast speaks UTF-8 to the terminal.  A session without a UTF-8 locale
 * (a bare ssh login has LANG unset) still gets it through C.UTF-8.
 */
static void
set_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

/* The built-in keys, then the user's key file; false with a message. */
static bool
load_keys(void)
{
	struct error err = { "" };
	char *path = keymap_default_path();
	enum status status = STATUS_OK;

	keymap_init();
	if (path)
		status = keymap_load_file(path, &err);
	free(path);
	if (status != STATUS_OK) {
		fprintf(stderr, "naast: %s\n", err.msg);
		return false;
	}
	return true;
}

int
main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db_opt = NULL, *cmd;
	struct store *st;
	struct error err = { "" };
	char *path;
	int c, rc;

	/* '+': stop at the command; its options are its own. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hV", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			/* SQLite would open "" as a temporary database, lost at exit. */
			if (!*optarg)
				return usage_error("empty file name for option", "--db");
			db_opt = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case 'V':
			printf("%s\n", PACKAGE_STRING);
			return 0;
		case ':':
			return usage_error("missing value for option", argv[optind - 1]);
		default:
			return usage_error("unknown option", argv[optind - 1]);
		}
	}
	set_locale();
	cmd = optind < argc ? argv[optind] : NULL;
	if (cmd && !command_find(cmd))
		return usage_error("unknown command", cmd);

	path = database_path(db_opt);
	if (!path)
		return 1;
	if (store_open(path, &st, &err) != STATUS_OK) {
		fprintf(stderr, "naast: %s\n", err.msg);
		free(path);
		return 1;
	}
	argc -= optind;
	argv += optind;
	if (!cmd) {
		bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);

		rc = interactive && !load_keys() ? 1 : cli_library(st, path, interactive);
		keymap_free();
	}
	else
		rc = command_find(cmd)->run(st, argc, argv);
	store_close(st);
	free(path);
	return rc;
}
