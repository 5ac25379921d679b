#include "config.h"

#include "cli.h"

int cli_import(struct store *st, int argc, char **argv) { (void)st; (void)argc; (void)argv; return 1; }
int cli_list(struct store *st, int argc, char **argv) { (void)st; (void)argc; (void)argv; return 1; }
int cli_show(struct store *st, int argc, char **argv) { (void)st; (void)argc; (void)argv; return 1; }
