/*
 * testutil: what the cmocka tests share.  Header-only, included once per
 * test program after <cmocka.h>.
 */
#ifndef NAAST_TESTUTIL_H
#define NAAST_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A file of the source tree ($top_srcdir, set by make check), read whole. */
static inline char *
test_read_file(const char *relpath, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	FILE *fp;
	char *buf;
	long size;

	snprintf(path, sizeof(path), "%s/%s", top ? top : ".", relpath);
	fp = fopen(path, "rb");
	if (!fp) {
		fprintf(stderr, "cannot open %s\n", path);
		abort();
	}
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)size + 1);
	if (!buf || fread(buf, 1, (size_t)size, fp) != (size_t)size)
		abort();
	buf[size] = '\0';
	fclose(fp);
	if (len)
		*len = (size_t)size;
	return buf;
}

/* The seeds, as shipped in assets/corpus/. */
#define SEED_PDFTEXT  "assets/corpus/000_aca15a80dc8ca4b0.txt"
#define SEED_MARKDOWN "assets/corpus/001_84e14fc3b2e5f15e.txt"
#define SEED_LETTER   "assets/corpus/004_e244608e296288d3.txt"

#endif
