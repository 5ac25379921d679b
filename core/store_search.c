#include "config.h"

#include <stdlib.h>

#include "store.h"
#include "store_db.h"

enum status
store_search(struct store *st, const struct search_query *q,
    struct search_hit **hits, size_t *n, struct error *err)
{
	(void)st;
	(void)q;
	*hits = NULL;
	*n = 0;
	return error_set(err, STATUS_USAGE, "search is not written yet");
}

enum status
store_suggest(struct store *st, const char *text, char ***words, size_t *n,
    struct error *err)
{
	(void)st;
	(void)text;
	(void)err;
	*words = NULL;
	*n = 0;
	return STATUS_OK;
}

enum status
store_related(struct store *st, long long passage, size_t limit,
    struct search_hit **hits, size_t *n, struct error *err)
{
	(void)st;
	(void)passage;
	(void)limit;
	*hits = NULL;
	*n = 0;
	return error_set(err, STATUS_NOT_FOUND, "related is not written yet");
}

void
store_hits_free(struct search_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(hits[i].origin);
		free(hits[i].snippet);
	}
	free(hits);
}
