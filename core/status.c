#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>

#include "status.h"
#include "xalloc.h"

static const char *const messages[] = {
#define STATUS_MSG(name, msg) msg,
	STATUS_INFO(STATUS_MSG)
#undef STATUS_MSG
};

const char *
status_message(enum status status)
{
	if ((unsigned)status >= COUNT(messages))
		return "unknown error";
	return messages[status];
}

enum status
error_set(struct error *err, enum status status, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return status;
}

const char *
status_file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISFIFO(mode))
		return "a named pipe (FIFO)";
	if (S_ISSOCK(mode))
		return "a socket";
	return "no regular file";
}
