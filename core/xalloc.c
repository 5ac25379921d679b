#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

static void (*fail_hook)(void);

/* Half-written files, removed when memory runs out: an export nests two. */
static const char *temps[4];
static size_t n_temps;

void
xalloc_set_fail_hook(void (*hook)(void))
{
	fail_hook = hook;
}

void
xalloc_temp_push(const char *path)
{
	if (n_temps < COUNT(temps))
		temps[n_temps] = path;
	n_temps++;
}

void
xalloc_temp_pop(void)
{
	if (n_temps > 0)
		n_temps--;
}

void
xalloc_fail(void)
{
	for (size_t i = 0; i < n_temps && i < COUNT(temps); i++)
		unlink(temps[i]);
	if (fail_hook)
		fail_hook();
	fputs("naast: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		xalloc_fail();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		xalloc_fail();
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		xalloc_fail();
	return p;
}

void
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	void **arr = p;
	size_t ncap = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (ncap < need) {
		if (ncap > ((size_t)-1) / 2 / size)
			xalloc_fail();
		ncap *= 2;
	}
	*arr = xrealloc(*arr, ncap * size);
	*cap = ncap;
}

void
xbuf_add(struct xbuf *b, const void *p, size_t n)
{
	xgrow(&b->s, &b->cap, b->n + n + 1, 1);
	memcpy(b->s + b->n, p, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void
xbuf_puts(struct xbuf *b, const char *s)
{
	if (s)
		xbuf_add(b, s, strlen(s));
}

void
xbuf_printf(struct xbuf *b, const char *fmt, ...)
{
	va_list ap;
	char small[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		xalloc_fail();
	if ((size_t)n < sizeof(small)) {
		xbuf_add(b, small, (size_t)n);
		return;
	}
	xgrow(&b->s, &b->cap, b->n + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

char *
xbuf_finish(struct xbuf *b)
{
	return b->s ? b->s : xstrdup("");
}

char *
xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		xalloc_fail();
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

char *
xdirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}
