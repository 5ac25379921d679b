#include "config.h"

#include <stdlib.h>

#include "compare.h"
#include "xalloc.h"

void
compare_text_init(struct compare_text *t, const char *const *paras,
    size_t n_paras, unsigned flags)
{
	(void)flags;
	t->paras = paras;
	t->n_paras = n_paras;
	t->words = NULL;
	t->n = 0;
}

void
compare_text_free(struct compare_text *t)
{
	free(t->words);
	t->words = NULL;
	t->n = 0;
}

size_t
compare_diff(const struct compare_text *a, const struct compare_text *b,
    struct compare_run **runs)
{
	(void)a;
	(void)b;
	*runs = NULL;
	return 0;
}

double
compare_similarity(const struct compare_text *a, const struct compare_text *b)
{
	(void)a;
	(void)b;
	return 0;
}

void
compare_marks(const struct compare_text *texts, size_t n, enum compare_mark **marks)
{
	for (size_t i = 0; i < n; i++)
		marks[i] = xcalloc(texts[i].n + 1, sizeof(**marks));
}

char *
compare_words_text(const struct compare_text *t, size_t from, size_t to)
{
	(void)t;
	(void)from;
	(void)to;
	return xstrdup("");
}
