#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ministry.h"
#include "text.h"
#include "xalloc.h"

/*
 * A name as a matching key: case and spacing aside, and commas too, since
 * real headers drop one now and then ("Volksgezondheid Welzijn en Sport").
 */
static char *
name_key(const char *s, size_t n)
{
	char *t = xstrndup(s, n), *w = t, *key;

	for (const char *r = t; *r; r++)
		if (*r != ',')
			*w++ = *r;
	*w = '\0';
	key = text_fold(t, TEXT_FOLD_CASE);
	free(t);
	return key;
}

static bool
same_name(const char *a, size_t alen, const char *key)
{
	char *k = name_key(a, alen);
	bool same = strcmp(k, key) == 0;

	free(k);
	return same;
}

static const char *
lookup(const char *key)
{
	for (size_t i = 0; i < ministry_count; i++) {
		const struct ministry *m = &ministry_table[i];
		const char *a = m->aliases;

		if (same_name(m->name, strlen(m->name), key) ||
		    same_name(m->code, strlen(m->code), key))
			return m->code;
		while (*a) {
			size_t len = strcspn(a, "|");

			if (same_name(a, len, key))
				return m->code;
			a += len + (a[len] == '|');
		}
	}
	return NULL;
}

const char *
ministry_code(const char *name)
{
	char *key, *dash;
	const char *code;

	if (!name)
		return NULL;
	key = name_key(name, strlen(name));
	code = lookup(key);

	/* "Financiën – Fiscaliteit en Douane": the ministry, then a portfolio. */
	if (!code && (dash = strstr(key, " - ")) != NULL) {
		*dash = '\0';
		code = lookup(key);
	}
	free(key);
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
