#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "status.h"
#include "text.h"
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
		return _("unknown error");
	return _(messages[status]);
}

/*
 * A message longer than err->msg keeps its reason and what to do: what
 * it quotes (a long path) is shortened in the middle instead.
 */
enum status
error_set(struct error *err, enum status status, const char *fmt, ...)
{
	va_list ap;
	char *full, *fit;
	int n;

	if (!err)
		return status;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, _(fmt), ap);
	va_end(ap);
	if (n < 0) {
		err->msg[0] = '\0';
		return status;
	}
	full = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(full, (size_t)n + 1, _(fmt), ap);
	va_end(ap);
	fit = text_shorten(full, sizeof(err->msg) - 1);
	memcpy(err->msg, fit, strlen(fit) + 1);
	free(fit);
	free(full);
	return status;
}

const char *
status_file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return _("a directory");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return _("a device");
	if (S_ISFIFO(mode))
		return _("a named pipe (FIFO)");
	if (S_ISSOCK(mode))
		return _("a socket");
	return _("no regular file");
}
