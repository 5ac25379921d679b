/*
 * main: the global options and subcommand dispatch (the commands are the
 * table of commands.c; each opens the database when it needs it).
 *
 * Only main() exits, and oom.c when memory runs out (oom.h).  Exit
 * status: 0 success, 1 failure (one line on stderr that says what and
 * what to do), 2 usage error.
 */
#include "config.h"

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "keymap.h"
#include "oom.h"

static int
usage_error(const char *what, const char *arg)
{
	cli_complain("%s '%s' (see 'naast --help')", what, arg);
	return 2;
}

/*
 * naast speaks UTF-8 to the terminal.  A session without a UTF-8 locale
 * (a bare ssh login has LANG unset) still gets it through C.UTF-8.  It
 * speaks the language of LC_MESSAGES (Dutch for nl_*, else English),
 * from its catalogue beside the program in its build tree, else where
 * `make install` put it.  Numbers stay those of C (a decimal point).
 */
static void
set_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* JSON and the exports write numbers with a point in every language. */
	setlocale(LC_NUMERIC, "C");
#if ENABLE_NLS
	char *dir = cli_data_dir("locale", NAAST_LOCALEDIR);

	bindtextdomain(NAAST_TEXTDOMAIN, dir);
	bind_textdomain_codeset(NAAST_TEXTDOMAIN, "UTF-8");
	free(dir);
#endif
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
		cli_complain("%s", err.msg);
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
	struct cli cli = { NULL, NULL, NULL };
	const struct cli_command *cmd = NULL;
	int c, rc;

	set_locale();
	oom_init();
	/* '+': stop at the command; its options are its own. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hV", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			/* SQLite would open "" as a temporary database, lost at exit. */
			if (!*optarg)
				return usage_error(_("empty file name for option"), "--db");
			cli.db_opt = optarg;
			break;
		case 'h':
			cli_help_naast();
			return cli_output_end(NULL, 0);
		case 'V':
			printf("%s\n", PACKAGE_STRING);
			return cli_output_end(NULL, 0);
		case ':':
			return usage_error(_("missing value for option"), argv[optind - 1]);
		default:
			return usage_error(_("unknown option"), argv[optind - 1]);
		}
	}
	if (optind < argc && !(cmd = cli_command_find(argv[optind])))
		return usage_error(_("unknown command"), argv[optind]);

	/* A command opens the database after reading its options. */
	if (cmd) {
		rc = cmd->run(&cli, argc - optind, argv + optind);
	} else {
		bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);

		rc = interactive && !load_keys() ? 1 : cli_library(&cli, interactive);
		keymap_free();
	}
	cli_close(&cli);
	return cli_output_end(cmd ? cmd->name : NULL, rc);
}
