/*
 * search: naast's search in process, for the search benchmark.
 *
 *   bench/search DB QUERIES [REPEAT]
 *
 * Opens the store once and runs each query of QUERIES (bench/gen's
 * queries.tsv) through store_search, as `naast search` does without the
 * start of a process and without printing: the text as typed, its
 * options (--ministry, --kind, --from, --to), the default limit of 50.
 * It first checks that the FTS5 query search.c makes of the text is the
 * one queries.tsv gives the floor, so that both run the same query.
 * Each query runs once to warm up and REPEAT times (default 5); the line
 * per query is
 *   q<TAB>label<TAB>median ms<TAB>hits
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "model.h"
#include "search.h"
#include "store.h"

/* Reads "--ministry BZK --from 2010-01-01" into q; false on an unknown option. */
static bool
read_options(char *s, struct search_query *q)
{
	char *opt, *val;

	if (strcmp(s, "-") == 0)
		return true;
	for (opt = strtok(s, " "); opt; opt = strtok(NULL, " ")) {
		if (!(val = strtok(NULL, " ")))
			return false;
		if (strcmp(opt, "--ministry") == 0)
			q->ministry = val;
		else if (strcmp(opt, "--from") == 0)
			q->from = val;
		else if (strcmp(opt, "--to") == 0)
			q->to = val;
		else if (strcmp(opt, "--kind") == 0 && strcmp(val, "letter") == 0)
			q->kind = DOC_LETTER;
		else if (strcmp(opt, "--kind") == 0 && strcmp(val, "answer") == 0)
			q->kind = DOC_ANSWER;
		else
			return false;
	}
	return true;
}

/* True when search.c makes fts of text: the floor runs the same query. */
static bool
same_query(const char *text, const char *fts)
{
	struct search_terms terms = { 0 };
	struct error err = { "" };
	char *made;
	bool same;

	if (search_parse(text, &terms, &err) != STATUS_OK) {
		search_terms_free(&terms);
		return false;
	}
	made = search_fts_query(&terms);
	same = strcmp(made, fts) == 0;
	if (!same)
		fprintf(stderr, "search: naast makes %s of '%s', queries.tsv says %s\n",
		    made, text, fts);
	free(made);
	search_terms_free(&terms);
	return same;
}

int
main(int argc, char **argv)
{
	struct store *st;
	struct error err = { "" };
	char line[4096];
	FILE *fp;
	int repeat = argc == 4 ? atoi(argv[3]) : 5, status = 0;
	double *t;

	if (argc < 3 || argc > 4 || repeat < 1) {
		fputs("usage: search DB QUERIES [REPEAT]\n", stderr);
		return 2;
	}
	if (store_open(argv[1], &st, &err) != STATUS_OK) {
		fprintf(stderr, "search: %s\n", err.msg);
		return 1;
	}
	if (!(fp = fopen(argv[2], "r"))) {
		perror(argv[2]);
		store_close(st);
		return 1;
	}
	t = calloc((size_t)repeat, sizeof(*t));
	while (t && fgets(line, sizeof(line), fp)) {
		char *f[8];
		struct search_query q = { .kind = DOC_UNKNOWN };
		size_t hits = 0;

		if (bench_fields(line, f, 8) < 8)
			continue;
		if (!same_query(f[2], f[4]) || !read_options(f[3], &q)) {
			fprintf(stderr, "search: cannot run query '%s'\n", f[0]);
			status = 1;
			break;
		}
		q.text = f[2];
		for (int r = -1; r < repeat; r++) {
			struct search_hit *h = NULL;
			double t0 = bench_now();

			if (store_search(st, &q, &h, &hits, NULL, &err) != STATUS_OK) {
				fprintf(stderr, "search: '%s': %s\n", f[0], err.msg);
				status = 1;
				break;
			}
			store_hits_free(h, hits);
			if (r >= 0)
				t[r] = (bench_now() - t0) * 1000;
		}
		if (status)
			break;
		printf("q\t%s\t%.3f\t%zu\n", f[0], bench_median(t, (size_t)repeat), hits);
	}
	free(t);
	fclose(fp);
	store_close(st);
	return status;
}
