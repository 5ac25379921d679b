/*
 * search: naast's search in process, for the search benchmark.
 *
 *   bench/search DB QUERIES [REPEAT]
 *
 * Opens the store once and runs each query of QUERIES (bench/gen's
 * queries.tsv) through store_search, as `naast search` does without the
 * start of a process and without printing: the text as typed, its
 * options (--ministry, --kind, --from, --to, --sort date, --substring),
 * the default limit of 50.  It first checks that the FTS5 query search.c
 * makes of the text is the one queries.tsv gives the floor, so that both
 * run the same query.  A query of kind "related" names a file instead:
 * its longest passage goes to store_related with the limit of `naast
 * related` (10).  Each query runs once to warm up and REPEAT times
 * (default 5).
 *
 * Then each search runs once more with exhaustive set, the reference
 * ranking (every match scored), and the query's overlap@10 is the share
 * of that ranking's top 10 (all its hits when fewer) that the last timed
 * run's top 10 holds; a hit tied with the reference's tenth on score
 * counts as in it, since the order of equal scores is arbitrary.  When
 * both find nothing they agree: 1.  Related passages are ranked again
 * with store_rank_every.  Newest first (--sort date) is no ranking: its
 * overlap is "-".
 * The line per query is
 *   q<TAB>label<TAB>median ms<TAB>hits<TAB>overlap@10<TAB>hits of the
 *   reference<TAB>the passage related ran on
 * with "-" where a field does not apply.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "model.h"
#include "search.h"
#include "store.h"

#define TOP 10
#define RELATED_LIMIT 10	/* as tui/cli_search.c's */

/*
 * Reads "--ministry BZK --from 2010-01-01 --sort date --substring" into
 * q; false on an unknown option.
 */
static bool
read_options(char *s, struct search_query *q)
{
	char *opt, *val;

	if (strcmp(s, "-") == 0)
		return true;
	for (opt = strtok(s, " "); opt; opt = strtok(NULL, " ")) {
		if (strcmp(opt, "--substring") == 0) {
			q->substring = true;
			continue;
		}
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
		else if (strcmp(opt, "--sort") == 0 && strcmp(val, "date") == 0)
			q->sort = SEARCH_BY_DATE;
		else if (strcmp(opt, "--sort") == 0 && strcmp(val, "rank") == 0)
			q->sort = SEARCH_BY_RANK;
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

/* The share of ref's top 10 that the top 10 of got holds (see above). */
static double
overlap(const struct search_hit *got, size_t n_got,
    const struct search_hit *ref, size_t n_ref)
{
	size_t want = n_ref < TOP ? n_ref : TOP, in = 0;
	double cut;

	if (want == 0)
		return n_got == 0 ? 1 : 0;
	cut = ref[want - 1].score;
	for (size_t i = 0; i < n_got && i < TOP; i++) {
		for (size_t j = 0; j < n_ref; j++) {
			if (ref[j].passage != got[i].passage)
				continue;
			if (j < want || fabs(ref[j].score - cut) <=
			    1e-9 * fmax(1, fabs(cut)))
				in++;
			break;
		}
	}
	return (double)(in < want ? in : want) / (double)want;
}

/* The longest passage of the document imported as name; 0 when none. */
static long long
longest_passage(struct store *st, const char *name, struct error *err)
{
	struct doc_view doc = { 0 };
	long long *docs = NULL, best = 0;
	size_t n = 0, len = 0;

	if (store_documents_named(st, name, &docs, &n, err) != STATUS_OK || n == 0) {
		free(docs);
		return 0;
	}
	if (store_document(st, docs[0], &doc, err) == STATUS_OK) {
		for (size_t i = 0; i < doc.n_passages; i++) {
			size_t l = strlen(doc.passages[i].text);

			if (l > len) {
				len = l;
				best = doc.passages[i].id;
			}
		}
		store_document_clear(&doc);
	}
	free(docs);
	return best;
}

/*
 * Times related on the longest passage of file f[2], then ranks it
 * scoring every match; false on failure.
 */
static bool
time_related(struct store *st, char **f, int repeat, double *t)
{
	struct error err = { "" };
	long long passage = longest_passage(st, f[2], &err);
	struct search_hit *got = NULL, *ref = NULL;
	size_t n_got = 0, n_ref = 0;

	if (!passage) {
		fprintf(stderr, "search: '%s': no passage of %s %s\n", f[0], f[2],
		    err.msg);
		return false;
	}
	for (int r = -1; r < repeat; r++) {
		double t0 = bench_now();

		/* The last run's hits are kept for the overlap. */
		store_hits_free(got, n_got);
		got = NULL;
		n_got = 0;
		if (store_related(st, passage, RELATED_LIMIT, &got, &n_got, &err) !=
		    STATUS_OK) {
			fprintf(stderr, "search: '%s': %s\n", f[0], err.msg);
			return false;
		}
		if (r >= 0)
			t[r] = (bench_now() - t0) * 1000;
	}
	store_rank_every(st, true);
	if (store_related(st, passage, RELATED_LIMIT, &ref, &n_ref, &err) !=
	    STATUS_OK) {
		fprintf(stderr, "search: '%s' exhaustive: %s\n", f[0], err.msg);
		store_hits_free(got, n_got);
		return false;
	}
	store_rank_every(st, false);
	printf("q\t%s\t%.3f\t%zu\t%.3f\t%zu\t%lld\n", f[0],
	    bench_median(t, (size_t)repeat), n_got,
	    overlap(got, n_got, ref, n_ref), n_ref, passage);
	store_hits_free(got, n_got);
	store_hits_free(ref, n_ref);
	return true;
}

/* Whether naast refuses the text of q as it is typed (search.h). */
static bool
refused(const struct search_query *q)
{
	struct search_terms terms = { 0 };
	struct error err = { "" };
	bool no = search_parse(q->text, &terms, &err) == STATUS_USAGE;

	search_terms_free(&terms);
	return no;
}

/* Times the search of line f, then ranks it exhaustively; false on failure. */
static bool
time_search(struct store *st, char **f, int repeat, double *t)
{
	struct search_query q = { .kind = DOC_UNKNOWN };
	struct search_hit *got = NULL, *ref = NULL;
	size_t n_got = 0, n_ref = 0;
	struct error err = { "" };

	q.text = f[2];
	if (!read_options(f[3], &q)) {
		fprintf(stderr, "search: cannot read the options of '%s'\n", f[0]);
		return false;
	}
	/* A query naast refuses (a one-letter prefix): the refusal is timed. */
	if (refused(&q)) {
		for (int r = -1; r < repeat; r++) {
			double t0 = bench_now();

			if (store_search(st, &q, &got, &n_got, NULL, &err) !=
			    STATUS_USAGE)
				return false;
			if (r >= 0)
				t[r] = (bench_now() - t0) * 1000;
		}
		printf("q\t%s\t%.3f\t0\t-\t-\t-\n", f[0],
		    bench_median(t, (size_t)repeat));
		return true;
	}
	if (!same_query(f[2], f[4])) {
		fprintf(stderr, "search: cannot run query '%s'\n", f[0]);
		return false;
	}
	for (int r = -1; r < repeat; r++) {
		double t0;

		/* The last run's hits are kept for the overlap. */
		store_hits_free(got, n_got);
		got = NULL;
		n_got = 0;
		t0 = bench_now();
		if (store_search(st, &q, &got, &n_got, NULL, &err) != STATUS_OK) {
			fprintf(stderr, "search: '%s': %s\n", f[0], err.msg);
			return false;
		}
		if (r >= 0)
			t[r] = (bench_now() - t0) * 1000;
	}
	printf("q\t%s\t%.3f\t%zu", f[0], bench_median(t, (size_t)repeat), n_got);
	if (q.sort == SEARCH_BY_DATE) {
		printf("\t-\t-\t-\n");
	} else {
		q.exhaustive = true;
		if (store_search(st, &q, &ref, &n_ref, NULL, &err) != STATUS_OK) {
			fprintf(stderr, "search: '%s' exhaustive: %s\n", f[0], err.msg);
			store_hits_free(got, n_got);
			return false;
		}
		printf("\t%.3f\t%zu\t-\n", overlap(got, n_got, ref, n_ref), n_ref);
		store_hits_free(ref, n_ref);
	}
	store_hits_free(got, n_got);
	return true;
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
		bool ok;

		if (bench_fields(line, f, 8) < 8)
			continue;
		if (strcmp(f[1], "related") == 0)
			ok = time_related(st, f, repeat, t);
		else
			ok = time_search(st, f, repeat, t);
		if (!ok) {
			status = 1;
			break;
		}
		fflush(stdout);
	}
	if (!t)
		status = 1;
	free(t);
	fclose(fp);
	store_close(st);
	return status;
}
