/*
 * cli: the non-interactive subcommands (import, list, show).  Each takes
 * the arguments after its name and returns the exit status: 0 success,
 * 1 failure (one line on stderr), 2 usage error.
 */
#ifndef NAAST_CLI_H
#define NAAST_CLI_H

#include "store.h"

int cli_import(struct store *st, int argc, char **argv);
int cli_list(struct store *st, int argc, char **argv);
int cli_show(struct store *st, int argc, char **argv);

#endif
