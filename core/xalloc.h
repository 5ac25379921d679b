/*
 * xalloc: allocation that cannot fail.
 *
 * Out of memory is the one error naast does not report and carry on from:
 * these functions call the fail hook, which the program sets (tui/oom.h:
 * it restores the terminal, says in one line what naast was doing and
 * what to do, and ends naast without returning); without one, or if it
 * returns, they print a bare line and abort.  Everything they return is
 * owned by the caller and released with free().  COUNT, the number of
 * elements of an array, is here because every module that sizes memory
 * includes this header.
 */
#ifndef NAAST_XALLOC_H
#define NAAST_XALLOC_H

#include <stddef.h>

/* The number of elements of array a (an array, never a pointer). */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
/* Grows *p (an array of *cap elements of size bytes) to hold at least need. */
void xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* The directory that holds path ("." for a bare name, "/" for the root). */
char *xdirname(const char *path);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growing string; s is NUL-terminated once anything was added. */
struct xbuf {
	char *s;
	size_t n, cap;
};

void xbuf_add(struct xbuf *b, const void *p, size_t n);
/* Adds s; a null s adds nothing. */
void xbuf_puts(struct xbuf *b, const char *s);
void xbuf_printf(struct xbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The string built, "" when nothing was; the caller owns it. */
char *xbuf_finish(struct xbuf *b);

/* Called once before aborting on out of memory. */
void xalloc_set_fail_hook(void (*hook)(void));
/*
 * Memory ran out somewhere else (SQLite said SQLITE_NOMEM): the same end
 * as a failed xmalloc, through the hook.
 */
void xalloc_fail(void) __attribute__((noreturn));
/*
 * path, a file being written that is no use half-written (a temporary
 * file of an export), is removed by xalloc_fail until popped; pushes
 * nest.  path must live until it is popped.
 */
void xalloc_temp_push(const char *path);
void xalloc_temp_pop(void);

#endif
