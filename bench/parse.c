/*
 * parse: how long naast takes to parse a file, in process, for bench/run.
 *
 *   bench/parse REPEAT FILE...
 *   bench/parse --limit
 *
 * Parses each FILE as an import does (parse_document_opts, the format
 * detected, no vocabulary) REPEAT times and prints one line per file:
 *   FILE<TAB>format<TAB>median ms<TAB>passages<TAB>bytes
 * Nothing is stored: what the store makes of a document is the import's
 * figure.
 * --limit prints the most bytes of text that naast reads as one
 * document (IMPORT_MAX_TEXT_SIZE), the size of bench/gen's shapes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "import.h"
#include "parse.h"
#include "xalloc.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct xbuf b = { 0 };
	char chunk[65536];
	size_t n;

	if (!fp)
		bench_die("cannot open '%s'", path);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		xbuf_add(&b, chunk, n);
	if (ferror(fp))
		bench_die("cannot read '%s'", path);
	fclose(fp);
	*len = b.n;
	return xbuf_finish(&b);
}

int
main(int argc, char **argv)
{
	int repeat = argc > 2 ? atoi(argv[1]) : 0;
	double *t;

	if (argc == 2 && strcmp(argv[1], "--limit") == 0) {
		printf("%u\n", IMPORT_MAX_TEXT_SIZE);
		return 0;
	}
	if (repeat < 1) {
		fputs("usage: parse REPEAT FILE... | parse --limit\n", stderr);
		return 2;
	}
	t = xcalloc((size_t)repeat, sizeof(*t));
	for (int a = 2; a < argc; a++) {
		size_t len, passages = 0;
		char *raw = slurp(argv[a], &len), format[32] = "";

		for (int r = 0; r < repeat; r++) {
			struct document *doc;
			struct error err = { 0 };
			double t0 = bench_now();

			if (parse_document_opts(raw, len, &(struct parse_options){ 0 },
			    &doc, &err) != STATUS_OK)
				bench_die("cannot parse '%s': %s", argv[a], err.msg);
			t[r] = (bench_now() - t0) * 1e3;
			passages = doc->n_passages;
			snprintf(format, sizeof(format), "%s",
			    doc->format ? doc->format : "-");
			model_free(doc);
		}
		printf("%s\t%s\t%.3f\t%zu\t%zu\n", argv[a], format,
		    bench_median(t, (size_t)repeat), passages, len);
		free(raw);
	}
	free(t);
	return 0;
}
