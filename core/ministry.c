#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ministry.h"
#include "text.h"
#include "xalloc.h"

/* Compares two names as documents may write them: case and spacing aside. */
static bool
same_name(const char *a, size_t alen, const char *folded_b)
{
	char *s = xstrndup(a, alen);
	char *f = text_fold(s, TEXT_FOLD_CASE);
	bool same = strcmp(f, folded_b) == 0;

	free(s);
	free(f);
	return same;
}

static const char *
lookup(const char *folded)
{
	for (size_t i = 0; i < ministry_count; i++) {
		const struct ministry *m = &ministry_table[i];
		const char *a = m->aliases;

		if (same_name(m->name, strlen(m->name), folded) ||
		    same_name(m->code, strlen(m->code), folded))
			return m->code;
		while (*a) {
			size_t len = strcspn(a, "|");

			if (same_name(a, len, folded))
				return m->code;
			a += len + (a[len] == '|');
		}
	}
	return NULL;
}

const char *
ministry_code(const char *name)
{
	char *folded, *dash;
	const char *code;

	if (!name)
		return NULL;
	folded = text_fold(name, TEXT_FOLD_CASE);
	code = lookup(folded);

	/* "Financiën – Fiscaliteit en Douane": the ministry, then a portfolio. */
	if (!code && (dash = strstr(folded, " - ")) != NULL) {
		*dash = '\0';
		code = lookup(folded);
	}
	free(folded);
	return code;
}

const struct ministry *
ministry_by_code(const char *code)
{
	for (size_t i = 0; code && i < ministry_count; i++)
		if (strcmp(ministry_table[i].code, code) == 0)
			return &ministry_table[i];
	return NULL;
}
