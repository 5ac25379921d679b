/*
 * cli: the non-interactive commands.  Each takes its own argv (argv[0] is
 * the command's name) and returns the exit status: 0 success, 1 failure
 * (one line on stderr that says what and what to do), 2 usage error.
 * Every string from a document is sanitised before it is printed.
 */
#ifndef NAAST_CLI_H
#define NAAST_CLI_H

#include "store.h"

int cli_import(struct store *st, int argc, char **argv);
int cli_list(struct store *st, int argc, char **argv);
int cli_show(struct store *st, int argc, char **argv);
/* The word diff of two ministries' answers to one vraag. */
int cli_diff(struct store *st, int argc, char **argv);
/* The similarity of every two answering ministries, per vraag. */
int cli_matrix(struct store *st, int argc, char **argv);

/*
 * naast without a command: on an empty database, imports the bundled
 * corpus first (db_path is named in the message); then opens the
 * interface, or, when interactive is false (not a terminal), prints the
 * library as `list` does.
 */
int cli_library(struct store *st, const char *db_path, bool interactive);

#endif
