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
 * The passages that match a query (1 and the words of the index close to
 * it when none does), and the passages of other documents most like one.
 */
int cli_search(struct store *st, int argc, char **argv);
int cli_related(struct store *st, int argc, char **argv);
/* The basket: add, rm, list, clear, note. */
int cli_select(struct store *st, int argc, char **argv);
/* Passages of a set, or the basket, with citations, in a format. */
int cli_export(struct store *st, int argc, char **argv);

/*
 * naast without a command: on an empty database, imports the bundled
 * corpus first (db_path is named in the message); then opens the
 * interface, or, when interactive is false (not a terminal), prints the
 * library as `list` does.
 */
int cli_library(struct store *st, const char *db_path, bool interactive);

/* ------------------------------------------ what the command files share */

/* printf to stdout, sanitised: no escape sequence reaches a terminal. */
void cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* One line on stderr after "naast: ", sanitised. */
void cli_complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error of cmd: says what, points to --help, returns 2. */
int cli_usage(const char *cmd, const char *what);
/* Columns to wrap to: the terminal's width, or 0 (no wrapping) in a pipe. */
int cli_output_width(void);
/* One paragraph, indented, wrapped to width (0: one line). */
void cli_say_paragraph(const char *text, int indent, int width);
/* "29 januari 2024" for "2024-01-29", or what there is. */
const char *cli_date_nl(const char *iso, char *buf, size_t size);
/* "Eerdmans (JA21) en Van Dijk (CDA)". */
void cli_say_questioners(const struct set_info *set);
/* A positive number; false when s is not one. */
bool cli_parse_number(const char *s, long long *out);
/* "AZ,BZK" as known ministry codes; false (with a message) otherwise. */
bool cli_parse_ministries(const char *cmd, const char *option, const char *arg,
    char ***codes, size_t *n);
/* Set id, with vraag (0: none) checked against it; false after a complaint. */
bool cli_set_get(struct store *st, const char *cmd, long long id, long long vraag,
    struct set_info *set);

#endif
