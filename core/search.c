#include "config.h"

#include <stdlib.h>

#include "search.h"
#include "xalloc.h"

enum status
search_parse(const char *text, struct search_terms *out, struct error *err)
{
	(void)text;
	out->terms = NULL;
	out->n = 0;
	return error_set(err, STATUS_USAGE, "search is not written yet");
}

void
search_terms_free(struct search_terms *t)
{
	free(t->terms);
}

char *
search_fts_query(const struct search_terms *t)
{
	(void)t;
	return xstrdup("");
}

char *
search_trigram_query(const struct search_terms *t)
{
	(void)t;
	return NULL;
}

size_t
search_distance(const char *a, const char *b, size_t max)
{
	(void)a;
	(void)b;
	return max + 1;
}
