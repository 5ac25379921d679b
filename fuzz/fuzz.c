/*
 * fuzz: helpers of the fuzz targets.  See fuzz.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "fuzz.h"
#include "xalloc.h"

void
fuzz_require(bool ok, const char *what)
{
	if (ok)
		return;
	fprintf(stderr, "naast fuzz: broken promise: %s\n", what);
	abort();
}

static bool
is_bidi_embedding(ucs4_t uc)
{
	return (uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069);
}

const char *
fuzz_unsafe(const char *s, size_t n, unsigned flags)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t i = 0;

	if (u8_check(u, n) != NULL)
		return "invalid UTF-8";
	while (i < n) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, u + i, n - i);

		i += len > 0 ? (size_t)len : 1;
		if (uc == 0x1B)
			return "an ESC";
		if (uc == '\n' && (flags & (FUZZ_SAFE_NEWLINES | FUZZ_SAFE_FILE)))
			continue;
		if ((uc == '\t' || uc == '\r') && (flags & FUZZ_SAFE_FILE))
			continue;
		if (uc < 0x20 || uc == 0x7F)
			return "a C0 control character or DEL";
		if (uc >= 0x80 && uc < 0xA0)
			return "a C1 control character";
		if (is_bidi_embedding(uc))
			return "a bidirectional embedding, override or isolate";
	}
	return NULL;
}

uint8_t
fuzz_byte(struct fuzz_reader *r)
{
	uint8_t b;

	if (r->n == 0)
		return 0;
	b = *r->p++;
	r->n--;
	return b;
}

char *
fuzz_string(struct fuzz_reader *r)
{
	const uint8_t *end;
	size_t len;
	char *s;

	if (r->n == 0)
		return xstrdup("");
	end = memchr(r->p, '\0', r->n);
	len = end ? (size_t)(end - r->p) : r->n;
	s = xstrndup((const char *)r->p, len);

	/* the NUL that ends the string is read too */
	len += end ? 1 : 0;
	r->p += len;
	r->n -= len;
	return s;
}

char *
fuzz_string_or_null(struct fuzz_reader *r)
{
	char *s = fuzz_string(r);

	if (*s)
		return s;
	free(s);
	return NULL;
}

uint8_t *
fuzz_read_file(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	struct xbuf b = { 0 };
	char chunk[65536];
	size_t got;

	if (!fp) {
		fprintf(stderr, "naast fuzz: cannot open '%s': %s\n", path, strerror(errno));
		return NULL;
	}
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		xbuf_add(&b, chunk, got);
	if (ferror(fp)) {
		fprintf(stderr, "naast fuzz: cannot read '%s'\n", path);
		fclose(fp);
		free(b.s);
		return NULL;
	}
	fclose(fp);
	*size = b.n;
	return (uint8_t *)xbuf_finish(&b);
}
