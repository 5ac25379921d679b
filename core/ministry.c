/*
 * ministry: looking up the tables of ministries, portfolios and
 * successions that core/ministry_table.awk makes.  See ministry.h.
 */
#include "config.h"

#include <pthread.h>
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

/*
 * The keys of each entry's names (its name, its code, its aliases), made
 * the first time one is looked up and kept: a header names ministries
 * over and over, and folding the whole table for each was a hundredth
 * of an import.
 */
struct names {
	char **key;
	size_t n;
};

static struct names *table_names;

static void
add_name(struct names *names, const char *s, size_t n)
{
	names->key = xrealloc(names->key, (names->n + 1) * sizeof(*names->key));
	names->key[names->n++] = name_key(s, n);
}

/* Made once, by whichever thread looks first (import.c's reader parses). */
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static void
make_names(void)
{
	table_names = xcalloc(ministry_count, sizeof(*table_names));
	for (size_t k = 0; k < ministry_count; k++) {
		const struct ministry *m = &ministry_table[k];
		const char *a = m->aliases;

		add_name(&table_names[k], m->name, strlen(m->name));
		add_name(&table_names[k], m->code, strlen(m->code));
		while (*a) {
			size_t len = strcspn(a, "|");

			add_name(&table_names[k], a, len);
			a += len + (a[len] == '|');
		}
	}
}

static const struct names *
names_of(size_t i)
{
	pthread_once(&names_once, make_names);
	return &table_names[i];
}

/* Whether entry i is called key (its name, code or an alias). */
static bool
is_called(size_t i, const char *key)
{
	const struct names *names = names_of(i);

	for (size_t k = 0; k < names->n; k++)
		if (strcmp(names->key[k], key) == 0)
			return true;
	return false;
}

static const struct ministry *
lookup(const char *key, const char *date)
{
	const struct ministry *first = NULL;

	for (size_t i = 0; i < ministry_count; i++) {
		const struct ministry *m = &ministry_table[i];

		if (!is_called(i, key))
			continue;
		if (!date || !*date || ministry_existed(m, date))
			return m;
		if (!first)
			first = m;
	}
	return first;
}

const struct ministry *
ministry_find(const char *name, const char *date)
{
	const struct ministry *m;
	char *key, *dash;

	if (!name)
		return NULL;
	key = name_key(name, strlen(name));
	m = lookup(key, date);

	/* "Financiën – Fiscaliteit en Douane": the ministry, then a portfolio. */
	if (!m && (dash = strstr(key, " - ")) != NULL) {
		*dash = '\0';
		m = lookup(key, date);
	}
	free(key);
	return m;
}

const char *
ministry_group(const struct ministry *m)
{
	const struct ministry *of;

	if (!m)
		return NULL;
	if (*m->part_of && (of = ministry_by_code(m->part_of)) != NULL)
		return of->code;
	return m->code;
}

const char *
ministry_code(const char *name)
{
	return ministry_group(ministry_find(name, NULL));
}

const struct ministry *
ministry_by_code(const char *code)
{
	for (size_t i = 0; code && i < ministry_count; i++)
		if (strcmp(ministry_table[i].code, code) == 0)
			return &ministry_table[i];
	return NULL;
}

/* Compares the ISO date d with the first n bytes of bound. */
static int
date_cmp(const char *d, const char *bound, size_t n)
{
	int c = strncmp(d, bound, n);

	return c ? c : d[n] ? 1 : 0;
}

bool
ministry_existed(const struct ministry *m, const char *date)
{
	const char *p = m->existed;

	if (!date || !*date)
		return true;
	while (*p) {
		size_t len = strcspn(p, " ");
		const char *dots = strstr(p, "..");

		if (dots && dots < p + len) {
			size_t from = (size_t)(dots - p), to = len - from - 2;

			if ((from == 0 || date_cmp(date, p, from) >= 0) &&
			    (to == 0 || date_cmp(date, dots + 2, to) < 0))
				return true;
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	return false;
}

/*
 * Whether a chain of successions leads from from to to, each not before
 * after and none after answered; depth bounds it (the dates already do).
 */
static bool
succeeds_after(const char *from, const char *to, const char *after,
    const char *answered, size_t depth)
{
	for (size_t i = 0; i < ministry_succession_count; i++) {
		const struct ministry_succession *s = &ministry_successions[i];

		if (strcmp(s->from, from) != 0 ||
		    (after && *after && strcmp(s->date, after) < 0) ||
		    (answered && *answered && strcmp(answered, s->date) < 0))
			continue;
		if (strcmp(s->to, to) == 0)
			return true;
		if (depth > 0 && succeeds_after(s->to, to, s->date, answered,
		    depth - 1))
			return true;
	}
	return false;
}

bool
ministry_succeeds(const char *from, const char *to, const char *asked,
    const char *answered)
{
	if (!from || !to || strcmp(from, to) == 0)
		return false;
	return succeeds_after(from, to, asked, answered,
	    ministry_succession_count);
}
