/*
 * store_champion: champion lists, what makes "best first" fast and
 * still the best of all matches (issue 17).
 *
 * For each term of passage_words (a word, or a marked stem) in more
 * than CHAMPION_FROM passages, the table champion keeps its best
 * CHAMPION_SIZE passages by that term's part of bm25: with tf the
 * term's occurrences in a passage, len the passage's words and avgdl
 * the average of len over the index,
 *
 *	w = tf (k1 + 1) / (tf + k1 (1 - b + b len / avgdl))
 *
 * (bm25 weighs it by the term's idf, the same for every passage).  A
 * passage outside the list has a w no larger than the list's last one:
 * so a ranking that scores the candidates of the lists exactly, and
 * finds its last hit above the sum of those bounds, is the ranking of
 * every match (store_topk.c).
 *
 * A batch of imports keeps the lists: the vocabulary (store_vocab.c)
 * gathers each term's best passages of the batch, and at the commit
 * each list is merged with them, every w weighed again with the
 * avgdl of the moment; a term that passes CHAMPION_FROM gets its list
 * from the index.  A removed document's passages leave the lists of
 * its terms.  A list is a blob of entries, best first, each the
 * passage id, tf and len as variable-length integers.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "store.h"
#include "store_db.h"
#include "xalloc.h"

double
champion_weight(unsigned tf, unsigned len, double avgdl)
{
	return bm25_part(1, tf, len, avgdl > 0 ? avgdl : 1);
}

/* ---------------------------------------------------------------- format */

static void
put_varint(struct xbuf *b, unsigned long long v)
{
	unsigned char c[10];
	size_t n = 0;

	do {
		c[n++] = (unsigned char)((v & 0x7f) | (v >= 0x80 ? 0x80 : 0));
		v >>= 7;
	} while (v);
	xbuf_add(b, (const char *)c, n);
}

/* Reads a varint at *p (before end); false when the blob is cut short. */
static bool
get_varint(const unsigned char **p, const unsigned char *end,
    unsigned long long *v)
{
	int shift = 0;

	*v = 0;
	while (*p < end && shift < 64) {
		unsigned char c = *(*p)++;

		*v |= (unsigned long long)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return true;
		shift += 7;
	}
	return false;
}

/* Best first; the lower passage first among equals, so lists are stable. */
static int
best_first(const void *a, const void *b)
{
	const struct champion *x = a, *y = b;

	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return (x->passage > y->passage) - (x->passage < y->passage);
}

void
champion_sort(struct champion *v, size_t n, double avgdl)
{
	for (size_t i = 0; i < n; i++)
		v[i].w = champion_weight(v[i].tf, v[i].len, avgdl);
	if (n > 1)
		qsort(v, n, sizeof(*v), best_first);
}

/* --------------------------------------------------------------- reading */

enum status
champion_read(struct store *st, const char *term, struct champion **out,
    size_t *n, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_CHAMPION_GET, err);
	const unsigned char *p, *end;
	enum status status;
	size_t cap = 0;
	bool found;

	*out = NULL;
	*n = 0;
	if (!s)
		return st->prepare_failure;
	bind_text(s, 1, term);
	if ((status = step_row(st, s, &found, N_("reading the index"), err)))
		return status;
	if (!found) {
		done(s);
		return STATUS_OK;
	}
	p = sqlite3_column_blob(s, 0);
	end = p ? p + sqlite3_column_bytes(s, 0) : NULL;
	while (p && p < end) {
		unsigned long long id, tf, len;

		if (!get_varint(&p, end, &id) || !get_varint(&p, end, &tf) ||
		    !get_varint(&p, end, &len))
			break;	/* a damaged tail: what came before is good */
		xgrow(out, &cap, *n + 1, sizeof(**out));
		(*out)[(*n)++] = (struct champion){ (long long)id,
		    (unsigned)tf, (unsigned)len, 0 };
	}
	done(s);
	return STATUS_OK;
}

static enum status
write_list(struct store *st, const char *term, const struct champion *v,
    size_t n, struct error *err)
{
	sqlite3_stmt *s = sql(st, n ? SQL_CHAMPION_PUT : SQL_CHAMPION_DROP, err);
	struct xbuf b = { 0 };
	enum status status;
	char *blob;

	if (!s)
		return st->prepare_failure;
	for (size_t i = 0; i < n; i++) {
		put_varint(&b, (unsigned long long)v[i].passage);
		put_varint(&b, v[i].tf);
		put_varint(&b, v[i].len);
	}
	blob = xbuf_finish(&b);
	bind_text(s, 1, term);
	if (n)
		sqlite3_bind_blob(s, 2, blob, (int)b.n, SQLITE_STATIC);
	status = run(st, s, N_("keeping the best passages of a word"), err);
	free(blob);
	return status;
}

/* ----------------------------------------------------------------- stats */

/* An SQLite varint (as FTS5 writes its records) at *p; false when cut. */
static bool
get_sqlite_varint(const unsigned char **p, const unsigned char *end,
    unsigned long long *v)
{
	*v = 0;
	for (int i = 0; i < 9; i++) {
		unsigned char c;

		if (*p >= end)
			return false;
		c = *(*p)++;
		if (i == 8) {
			*v = (*v << 8) | c;
			return true;
		}
		*v = (*v << 7) | (c & 0x7f);
		if (!(c & 0x80))
			return true;
	}
	return true;
}

/*
 * The rows and tokens of the index, from FTS5's record of them (its
 * averages, row 1 of passage_words_data: the rows, then the tokens of
 * each column, as varints).  FTS5's own functions give them only with
 * a row of a query at hand.  0 and 0 when there is none yet.
 */
enum status
champion_stats(struct store *st, long long *rows, long long *tokens,
    struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_INDEX_AVGDL, err);
	const unsigned char *p, *end;
	unsigned long long r = 0, t = 0;
	enum status status;
	bool found;

	*rows = *tokens = 0;
	if (!s)
		return st->prepare_failure;
	if ((status = step_row(st, s, &found, N_("reading the index"), err)))
		return status;
	if (found) {
		p = sqlite3_column_blob(s, 0);
		end = p ? p + sqlite3_column_bytes(s, 0) : NULL;
		if (p && get_sqlite_varint(&p, end, &r) &&
		    get_sqlite_varint(&p, end, &t)) {
			*rows = (long long)r;
			*tokens = (long long)t;
		}
	}
	done(s);
	return STATUS_OK;
}

enum status
champion_avgdl(struct store *st, double *avgdl, struct error *err)
{
	long long rows, tokens;
	enum status status = champion_stats(st, &rows, &tokens, err);

	*avgdl = rows > 0 && tokens > 0 ? (double)tokens / (double)rows : 1;
	return status;
}

/* "\x02term": a query string for the index term as it is (search.h). */
char *
champion_term_query(const char *term)
{
	struct xbuf b = { 0 };
	char *raw = xasprintf("%s%s", SEARCH_TERM_MARK, term);

	search_add_quoted(&b, raw);
	free(raw);
	return xbuf_finish(&b);
}

/* ------------------------------------------------------------- lengths */

static void
lens_drop(struct store *st)
{
	free(st->lens);
	st->lens = NULL;
	st->n_lens = 0;
}

enum status
champion_lens_check(struct store *st, struct error *err)
{
	sqlite3_stmt *s = sql(st, SQL_DATA_VERSION, err);
	enum status status;
	bool found;

	if (!s)
		return st->prepare_failure;
	if ((status = step_row(st, s, &found, N_("starting the import"), err)))
		return status;
	if (!found || sqlite3_column_int64(s, 0) != st->data_version)
		lens_drop(st);
	if (found)
		st->data_version = sqlite3_column_int64(s, 0);
	done(s);
	return STATUS_OK;
}

void
champion_len(struct store *st, long long passage, unsigned len)
{
	size_t had = st->n_lens;

	if (!st->lens || passage <= 0)
		return;
	if ((size_t)passage >= st->n_lens) {
		xgrow(&st->lens, &st->n_lens, (size_t)passage + 1,
		    sizeof(*st->lens));
		memset(st->lens + had, 0,
		    (st->n_lens - had) * sizeof(*st->lens));
	}
	st->lens[passage] = len;
}

/*
 * The lengths of all passages in one pass over passage_words_docsize,
 * once the first lists of this connection's batches have read as many
 * one by one (docsize) as a quarter of the index's rows: an import of
 * many files makes hundreds of first lists, each of thousands of
 * passages, and a seek for each was half their cost.
 */
static enum status
lens_load(struct store *st, struct error *err)
{
	sqlite3_stmt *s;
	long long rows, tokens;
	enum status status;
	int rc;

	if (st->lens || !st->batch)
		return STATUS_OK;
	if ((status = champion_stats(st, &rows, &tokens, err)))
		return status;
	if (st->lens_read * 4 < rows)
		return STATUS_OK;
	if (!(s = sql(st, SQL_INDEX_LENGTHS, err)))
		return st->prepare_failure;
	st->lens = xcalloc(1, sizeof(*st->lens));
	st->n_lens = 1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *p = sqlite3_column_blob(s, 1);
		unsigned long long len;

		if (p && get_sqlite_varint(&p, p + sqlite3_column_bytes(s, 1),
		    &len))
			champion_len(st, sqlite3_column_int64(s, 0),
			    (unsigned)len);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		lens_drop(st);
		return db_fail(st, rc, N_("reading the index"), err);
	}
	return STATUS_OK;
}

/*
 * The length of passage id, from FTS5's record of each row's tokens
 * (passage_words_docsize: a varint per column), through the blob handle
 * *b, opened at the first row and moved to each next one: FTS5's own
 * xColumnSize runs a statement for each row, and was most of the cost
 * of a term's first list, and of naast_bm25's work on each row.  Inside
 * a batch, from the lengths kept when there are (lens_load).
 */
int
champion_docsize(struct store *st, sqlite3_blob **b, long long id,
    unsigned *len)
{
	unsigned char buf[16];
	const unsigned char *p = buf;
	unsigned long long v;
	int rc, n;

	if (st->batch && id > 0 && (size_t)id < st->n_lens && st->lens[id]) {
		*len = st->lens[id];
		return SQLITE_OK;
	}
	st->lens_read++;
	rc = *b ? sqlite3_blob_reopen(*b, id) : sqlite3_blob_open(st->db,
	    "main", "passage_words_docsize", "sz", id, 0, b);
	if (rc != SQLITE_OK)
		return rc;
	n = sqlite3_blob_bytes(*b);
	if (n > (int)sizeof(buf))
		n = (int)sizeof(buf);
	if ((rc = sqlite3_blob_read(*b, buf, n, 0)) != SQLITE_OK)
		return rc;
	if (!get_sqlite_varint(&p, buf + n, &v))
		return SQLITE_CORRUPT;
	*len = (unsigned)v;
	return SQLITE_OK;
}

enum status
champion_postings(struct store *st, const char *term, struct champion **v,
    size_t *n, struct error *err)
{
	sqlite3_stmt *s;
	sqlite3_blob *b = NULL;
	char *q;
	size_t cap = 0;
	enum status status;
	int rc;

	*v = NULL;
	*n = 0;
	if ((status = lens_load(st, err)))
		return status;
	if (!(s = sql(st, SQL_INDEX_POSTINGS, err)))
		return st->prepare_failure;
	q = champion_term_query(term);
	bind_text(s, 1, q);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct champion c = { sqlite3_column_int64(s, 0),
		    (unsigned)sqlite3_column_int(s, 1), 0, 0 };

		rc = champion_docsize(st, &b, c.passage, &c.len);
		if (rc != SQLITE_OK)
			break;
		xgrow(v, &cap, *n + 1, sizeof(**v));
		(*v)[(*n)++] = c;
	}
	done(s);
	if (b)
		sqlite3_blob_close(b);
	free(q);
	if (rc != SQLITE_DONE)
		return db_fail(st, rc, N_("reading the index"), err);
	return STATUS_OK;
}

/* ----------------------------------------------------------------- update */

/*
 * Sorts v best first, by insertion: a list weighed again with the avgdl
 * of the moment is in that order but for a few entries.
 */
static void
sort_nearly_sorted(struct champion *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct champion c = v[i];
		size_t j = i;

		for (; j > 0 && best_first(&c, &v[j - 1]) < 0; j--)
			v[j] = v[j - 1];
		v[j] = c;
	}
}

/* Sifts h[i] down the heap h of n, whose root is its worst (best_first). */
static void
sift_worst(struct champion *h, size_t n, size_t i)
{
	struct champion c = h[i];

	for (;;) {
		size_t l = 2 * i + 1, m = l;

		if (l >= n)
			break;
		if (l + 1 < n && best_first(&h[l + 1], &h[l]) > 0)
			m = l + 1;
		if (best_first(&h[m], &c) <= 0)
			break;
		h[i] = h[m];
		i = m;
	}
	h[i] = c;
}

/*
 * The best size of v's n, best first, in v; their number.  A term's
 * first list is drawn from thousands of passages: a heap of the best so
 * far, its worst at the root, turns most of them away in one
 * comparison, where a sort would order them all.
 */
static size_t
best_of(struct champion *v, size_t n, size_t size, double avgdl)
{
	for (size_t i = 0; i < n; i++)
		v[i].w = champion_weight(v[i].tf, v[i].len, avgdl);
	if (n > size) {
		for (size_t i = size / 2; i-- > 0;)
			sift_worst(v, size, i);
		for (size_t i = size; i < n; i++)
			if (size > 0 && best_first(&v[i], &v[0]) < 0) {
				v[0] = v[i];
				sift_worst(v, size, 0);
			}
		n = size;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), best_first);
	return n;
}

/*
 * The best size of the list v (n, as stored) and of the batch's best,
 * best first, in a new array *out; their number: what sorting both
 * and cutting at size gives, without sorting both for every frequent
 * term at every commit.  The list is nearly in order, and of the batch
 * only what beats the list's last can be among them.  A passage in
 * both (a rowid used again) keeps the list's entry.
 */
static size_t
merge_batch(struct champion *v, size_t n, const struct champion *batch,
    size_t n_batch, size_t size, double avgdl, struct champion **out)
{
	struct champion *b = xcalloc(n_batch + 1, sizeof(*b)), *m;
	long long newest = 0;
	size_t nb = 0, i = 0, j = 0, total;

	for (size_t k = 0; k < n; k++) {
		v[k].w = champion_weight(v[k].tf, v[k].len, avgdl);
		if (v[k].passage > newest)
			newest = v[k].passage;
	}
	sort_nearly_sorted(v, n);
	for (size_t k = 0; k < n_batch; k++) {
		struct champion c = batch[k];
		bool twice = false;

		c.w = champion_weight(c.tf, c.len, avgdl);
		if (n >= size && size > 0 && best_first(&c, &v[size - 1]) > 0)
			continue;
		for (size_t t = 0; c.passage <= newest && t < n && !twice; t++)
			twice = v[t].passage == c.passage;
		if (!twice)
			b[nb++] = c;
	}
	if (nb > 1)
		qsort(b, nb, sizeof(*b), best_first);
	total = n + nb < size ? n + nb : size;
	m = xcalloc(total + 1, sizeof(*m));
	for (size_t k = 0; k < total; k++)
		m[k] = j >= nb || (i < n && best_first(&v[i], &b[j]) < 0) ?
		    v[i++] : b[j++];
	free(b);
	*out = m;
	return total;
}
enum status
champion_merge(struct store *st, const char *term, long long passages,
    const struct champion *batch, size_t n_batch, double avgdl,
    struct error *err)
{
	struct champion *v = NULL, *m;
	size_t n = 0;
	enum status status;

	if (passages <= st->champion_from)
		return write_list(st, term, NULL, 0, err);
	if ((status = champion_read(st, term, &v, &n, err)))
		return status;
	if (n == 0) {
		/* New to the lists: all its passages, the batch's among them. */
		free(v);
		if ((status = champion_postings(st, term, &v, &n, err))) {
			free(v);
			return status;
		}
		n = best_of(v, n, st->champion_size, avgdl);
	} else {
		n = merge_batch(v, n, batch, n_batch, st->champion_size, avgdl,
		    &m);
		free(v);
		v = m;
	}
	status = write_list(st, term, v, n, err);
	free(v);
	return status;
}

int
champion_id_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

enum status
champion_forget(struct store *st, const char *term, const long long *gone,
    size_t n_gone, struct error *err)
{
	struct champion *v = NULL;
	size_t n = 0, kept = 0;
	enum status status;

	if ((status = champion_read(st, term, &v, &n, err)) || n == 0) {
		free(v);
		return status;
	}
	for (size_t i = 0; i < n; i++)
		if (!bsearch(&v[i].passage, gone, n_gone, sizeof(*gone), champion_id_cmp))
			v[kept++] = v[i];
	if (kept < n)
		status = write_list(st, term, v, kept, err);
	free(v);
	return status;
}
