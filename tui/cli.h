/*
 * cli: the non-interactive commands.  Each takes its own argv (argv[0] is
 * the command's name) and returns the exit status: 0 success, 1 failure
 * (one line on stderr that says what and what to do), 2 usage error.
 * Every string from a document is sanitised before it is printed.
 */
#ifndef NAAST_CLI_H
#define NAAST_CLI_H

#include "store.h"

/*
 * What a command runs in: the database named by --db (NULL: $NAAST_DB or
 * the XDG data directory), opened only when the command asks for it, after
 * reading its options, so that --help and a usage error touch no file.
 */
struct cli {
	const char *db_opt;	/* --db PATH, or NULL */
	char *path;		/* the database file, once opened */
	struct store *st;	/* NULL until cli_store */
};

/*
 * The store, opened on the first call (creating the directory of the
 * default path); NULL after one line on stderr when it cannot be.
 */
struct store *cli_store(struct cli *cli);
/* Closes the store if it was opened. */
void cli_close(struct cli *cli);

/* --------------------------------------------------------------- commands */

/*
 * A command: one row of cli_commands[] (commands.c), the one list that
 * dispatch, naast --help, naast NAME --help, usage errors and the man
 * page test read.
 */
struct cli_command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *summary;	/* what it does, for naast --help */
	/*
	 * Its forms after the name, NULL-ended; a '\n' breaks a long form,
	 * whose next line is indented under its first word.
	 */
	const char *usage[3];
	const char *help;	/* what naast NAME --help prints after the usage */
};

extern const struct cli_command cli_commands[];
extern const size_t cli_command_count;

/* The command called name, or NULL. */
const struct cli_command *cli_command_find(const char *name);
/* naast --help: the commands with their usage and summary. */
void cli_help_naast(void);
/* naast NAME --help: the usage and help of command name; returns 0. */
int cli_help(const char *name);

int cli_import(struct cli *cli, int argc, char **argv);
int cli_remove(struct cli *cli, int argc, char **argv);
int cli_reparse(struct cli *cli, int argc, char **argv);
/* Question sets from the Tweede Kamer's open data (fetch.h). */
int cli_fetch(struct cli *cli, int argc, char **argv);
/* What changed in the sets followed; follow and unfollow a set. */
int cli_sync(struct cli *cli, int argc, char **argv);
int cli_follow(struct cli *cli, int argc, char **argv);
int cli_unfollow(struct cli *cli, int argc, char **argv);
/*
 * After opening a database that this naast may write: reads again the
 * documents an older naast read (saying so on stderr); false when one
 * could not be.
 */
bool cli_upgrade(struct store *st);
int cli_list(struct cli *cli, int argc, char **argv);
int cli_show(struct cli *cli, int argc, char **argv);
/* The word diff of two ministries' answers to one vraag. */
int cli_diff(struct cli *cli, int argc, char **argv);
/* The similarity of every two answering ministries, per vraag. */
int cli_matrix(struct cli *cli, int argc, char **argv);
/*
 * The passages that match a query (1 and the words of the index close to
 * it when none does), and the passages of other documents most like one.
 */
int cli_search(struct cli *cli, int argc, char **argv);
int cli_related(struct cli *cli, int argc, char **argv);
/* The basket: add, rm, list, clear, note. */
int cli_select(struct cli *cli, int argc, char **argv);
/* Passages of a set, or the basket, with citations, in a format. */
int cli_export(struct cli *cli, int argc, char **argv);

/*
 * naast without a command: on an empty database, imports the bundled
 * corpus first (the database's path is named in the message); then opens
 * the interface, or, when interactive is false (not a terminal), prints
 * the library as `list` does.
 */
int cli_library(struct cli *cli, bool interactive);

/* ------------------------------------------ what the command files share */

/* mkdir -p for the directories above path; false with errno on failure. */
bool cli_make_parents(const char *path);
/*
 * A directory of naast's data: beside the program when it runs from its
 * build tree (Makefile.am puts it, or a link to it, there), else where
 * `make install` put it.  The caller frees it.
 */
char *cli_data_dir(const char *beside, const char *installed);

/* printf to stdout, sanitised: no escape sequence reaches a terminal. */
void cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * One line on stderr after "naast: ", sanitised.  fmt is English and is
 * translated here (po/Makevars names it a keyword, as error_set's).
 */
void cli_complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * After command cmd (NULL: naast itself) ended with exit status rc:
 * standard output flushed.  When any of it could not be written (a full
 * disk, a closed pipe while SIGPIPE is ignored), one line that says so,
 * and 1 (2 stays 2); else rc.  Commands leave this line to it.
 */
int cli_output_end(const char *cmd, int rc);
/* A write to standard output failed with errno e: the reason for that line. */
void cli_output_failed(int e);
/*
 * A usage error of cmd: says what (English, translated here), points to
 * its --help, returns 2.
 */
int cli_usage(const char *cmd, const char *what);
/* Columns to wrap to: the terminal's width, or 0 (no wrapping) in a pipe. */
int cli_output_width(void);
/* One paragraph, indented, wrapped to width (0: one line). */
void cli_say_paragraph(const char *text, int indent, int width);
/* "29 January 2024" for "2024-01-29" in the user's language, or what there is. */
const char *cli_date_text(const char *iso, char *buf, size_t size);
/* "Eerdmans (JA21) en Van Dijk (CDA)". */
void cli_say_questioners(const struct set_info *set);
/*
 * Reads the options of a command cmd that has only --json (and --help),
 * leaving optind at its first argument; -1 when they are right, else the
 * exit status.
 */
int cli_json_options(const char *cmd, int argc, char **argv, bool *as_json);
/* The usage error of an option given without its value; returns 2. */
int cli_missing_value(const char *cmd, const char *option);
/*
 * The one argument left after the options (argv[optind]) as a question
 * set's number into *id: -1, else the exit status of a usage error.
 */
int cli_set_arg(const char *cmd, int argc, char **argv, long long *id);
/*
 * An ISO date ("2024-02-15") or a Dutch one ("15 februari 2024") into
 * iso; false when arg is neither, or not a day of the calendar.
 */
bool cli_parse_date(const char *arg, char iso[DATE_ISO_SIZE]);
/* A positive number; false when s is not one. */
bool cli_parse_number(const char *s, long long *out);
/* "AZ,BZK" as known ministry codes; false (with a message) otherwise. */
bool cli_parse_ministries(const char *cmd, const char *option, const char *arg,
    char ***codes, size_t *n);
/* Set id, with vraag (0: none) checked against it; false after a complaint. */
bool cli_set_get(struct store *st, const char *cmd, long long id, long long vraag,
    struct set_info *set);

#endif
