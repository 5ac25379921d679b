/*
 * oom: what naast says when memory runs out, and how it ends then.
 *
 * core's xalloc calls the hook that oom_init sets when an allocation
 * fails, and so does the store when SQLite runs out (SQLITE_NOMEM).  The
 * hook restores the terminal when the interface holds it, writes out the
 * lines that standard output still buffers (those of files whose batch
 * was committed), says on stderr one line of what naast was doing and
 * what to do, and ends naast with exit status 1 through _exit: nothing
 * else runs, so the open transaction is never committed and SQLite rolls
 * it back when the database is next opened.
 *
 * The hook allocates nothing: its line is made, translated and sanitised,
 * each time a command notes what it is doing (oom_doing, oom_stored),
 * into a buffer of this module.  Any thread may run out of memory (the
 * import's reader too); the first one to do so ends naast.
 */
#ifndef NAAST_OOM_H
#define NAAST_OOM_H

#include <stddef.h>

enum oom_activity {
	OOM_WORKING,		/* nothing more to say */
	OOM_IMPORTING,		/* name: the file being imported */
	OOM_SEARCHING,		/* name: what was searched for */
	OOM_COMPARING,		/* name: the set whose answers were compared */
	OOM_EXPORTING,		/* name: where to, or NULL for standard output */
	OOM_INTERFACE,		/* the interface was open */
};

/* Sets the hook; from then on naast ends as above when memory runs out. */
void oom_init(void);
/* What naast does now; name (may be NULL) as the activity says. */
void oom_doing(enum oom_activity what, const char *name);
/* The number of files that the import under way has stored so far. */
void oom_stored(size_t n);
/* Restores the terminal before the line is said (NULL: nothing to restore). */
void oom_terminal(void (*restore)(void));

#endif
