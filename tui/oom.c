/*
 * oom: the line said when memory runs out (see oom.h).
 */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "oom.h"
#include "text.h"
#include "xalloc.h"

/* A quoted name is shortened to this, so that the remedy always shows. */
#define NAME_MAX_BYTES 200

/* What the hook reads: written under lock, never while allocating. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static enum oom_activity doing;
/* Sanitised, a byte may become three (U+FFFD). */
static char name[3 * NAME_MAX_BYTES + 8];
static size_t stored;
static char line[2048];
static void (*restore_terminal)(void);

/* The line for what naast does now; with lock held. */
static void
make_line(void)
{
	static const char head[] = "naast: ";
	char *text = line + strlen(head);
	size_t size = sizeof(line) - strlen(head), n;

	memcpy(line, head, strlen(head));
	switch (doing) {
	case OOM_IMPORTING:
		snprintf(text, size, P_(
		    "out of memory while importing '%s': %zu file was stored before it, the others were not (free some memory, or import fewer or smaller files at once; importing them again skips what was stored)",
		    "out of memory while importing '%s': %zu files were stored before it, the others were not (free some memory, or import fewer or smaller files at once; importing them again skips what was stored)",
		    stored), name, stored);
		break;
	case OOM_SEARCHING:
		snprintf(text, size,
		    _("out of memory while searching for '%s' (free some memory, or search with fewer words)"),
		    name);
		break;
	case OOM_COMPARING:
		snprintf(text, size,
		    _("out of memory while comparing the answers of set %s (free some memory, or compare fewer ministries at once)"),
		    name);
		break;
	case OOM_EXPORTING:
		snprintf(text, size,
		    _("out of memory while exporting (free some memory, or export fewer passages at once)"));
		break;
	case OOM_INTERFACE:
		snprintf(text, size,
		    _("out of memory (free some memory and start naast again; what was saved before is kept)"));
		break;
	default:
		snprintf(text, size,
		    _("out of memory (free some memory and try again)"));
		break;
	}
	/* Cut short (it never is at these sizes), it still ends the line. */
	n = strlen(line);
	if (n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n] = '\n';
	line[n + 1] = '\0';
}

static void
on_fail(void)
{
	static atomic_flag ending = ATOMIC_FLAG_INIT;
	ssize_t written;

	/* Another thread is saying it already, and ends naast. */
	if (atomic_flag_test_and_set(&ending))
		for (;;)
			pause();
	pthread_mutex_lock(&lock);
	if (restore_terminal)
		restore_terminal();
	/* The lines of what was stored go out before the line that counts them. */
	fflush(stdout);
	written = write(STDERR_FILENO, line, strlen(line));
	/* Nothing is left to do if stderr is gone. */
	(void)written;
	_exit(1);
}

void
oom_init(void)
{
	pthread_mutex_lock(&lock);
	make_line();
	pthread_mutex_unlock(&lock);
	xalloc_set_fail_hook(on_fail);
}

void
oom_doing(enum oom_activity what, const char *what_name)
{
	char *fit = what_name ? text_shorten(what_name, NAME_MAX_BYTES) : NULL;
	char *safe = fit ? text_sanitize(fit, strlen(fit), TEXT_SHOW_NEWLINES) : NULL;

	pthread_mutex_lock(&lock);
	doing = what;
	snprintf(name, sizeof(name), "%s", safe ? safe : "");
	if (what != OOM_IMPORTING)
		stored = 0;
	make_line();
	pthread_mutex_unlock(&lock);
	free(safe);
	free(fit);
}

void
oom_stored(size_t n)
{
	pthread_mutex_lock(&lock);
	stored = n;
	make_line();
	pthread_mutex_unlock(&lock);
}

void
oom_terminal(void (*restore)(void))
{
	pthread_mutex_lock(&lock);
	restore_terminal = restore;
	pthread_mutex_unlock(&lock);
}
