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

#include "i18n.h"

#define STATUS_INFO(_) \
	_(OK,        N_("success")) \
	_(IO,        N_("cannot read or write the file")) \
	_(EMPTY,     N_("the file is empty")) \
	_(BINARY,    N_("not a text file")) \
	_(NOT_UTF8,  N_("not UTF-8 text")) \
	_(FORMAT,    N_("not a document naast can read")) \
	_(DB,        N_("database error")) \
	_(DB_BUSY,   N_("the database is busy")) \
	_(DB_SCHEMA, N_("the database was made by a newer naast")) \
	_(NOT_FOUND, N_("not found")) \
	_(NET,       N_("cannot reach the open data service")) \
	_(USAGE,     N_("invalid argument"))

enum status {
#define STATUS_ENUM(name, msg) STATUS_##name,
	STATUS_INFO(STATUS_ENUM)
#undef STATUS_ENUM
};

/* One line for the user, in the user's language (i18n.h); empty when nothing more than the status is known. */
struct error {
	char msg[512];
};

const char *status_message(enum status status);

/*
 * Records a message in err (which may be NULL) and returns status, so that
 * a failing path reads: return error_set(err, STATUS_IO, "...", ...);
 * A message too long for err keeps its reason and remedy: what it quotes
 * is shortened in the middle (text_shorten).  An argument may be err->msg.
 * fmt is English and is translated here (po/Makevars names error_set as a
 * keyword of xgettext), so that callers write the message only once.
 */
enum status error_set(struct error *err, enum status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* What a path that is no regular file is, for a message: "a device" (translated). */
const char *status_file_kind(mode_t mode);

#endif
