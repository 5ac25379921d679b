/*
 * status: what a core function reports back.
 *
 * core never prints and never exits.  A function that can fail returns an
 * enum status and, when given a struct error, leaves there one human line
 * that says what happened and what to do.  The caller shows it: the CLI on
 * stderr, the TUI on its status line.
 */
#ifndef NAAST_STATUS_H
#define NAAST_STATUS_H

#include <sys/types.h>

#define STATUS_INFO(_) \
	_(OK,        "success") \
	_(IO,        "cannot read or write the file") \
	_(EMPTY,     "the file is empty") \
	_(BINARY,    "not a text file") \
	_(NOT_UTF8,  "not UTF-8 text") \
	_(FORMAT,    "not a document naast can read") \
	_(DB,        "database error") \
	_(DB_BUSY,   "the database is busy") \
	_(DB_SCHEMA, "the database was made by a newer naast") \
	_(NOT_FOUND, "not found") \
	_(NET,       "cannot reach the open data service") \
	_(USAGE,     "invalid argument")

enum status {
#define STATUS_ENUM(name, msg) STATUS_##name,
	STATUS_INFO(STATUS_ENUM)
#undef STATUS_ENUM
};

/* One line for the user; empty when nothing more than the status is known. */
struct error {
	char msg[512];
};

const char *status_message(enum status status);

/*
 * Records a message in err (which may be NULL) and returns status, so that
 * a failing path reads: return error_set(err, STATUS_IO, "...", ...);
 * A message too long for err keeps its reason and remedy: what it quotes
 * is shortened in the middle (text_shorten).  An argument may be err->msg.
 */
enum status error_set(struct error *err, enum status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* What a path that is no regular file is, for a message: "a device". */
const char *status_file_kind(mode_t mode);

#endif
