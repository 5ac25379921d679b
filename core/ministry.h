/*
 * ministry: the fixed list of ministries, their codes and historic names,
 * compiled in from assets/ministries.tsv.
 */
#ifndef NAAST_MINISTRY_H
#define NAAST_MINISTRY_H

#include <stddef.h>

/* A ministry code ("BZK", "JenV") and its NUL, with room to spare. */
#define MINISTRY_CODE_SIZE 16

struct ministry {
	const char *code;	/* "BZK" */
	const char *name;	/* "Binnenlandse Zaken en Koninkrijksrelaties" */
	const char *aliases;	/* other names, '|' separated; "" when none */
};

extern const struct ministry ministry_table[];
extern const size_t ministry_count;

/*
 * The code for a ministry as a document names it: its name or an alias,
 * whatever the case, spacing and commas, with or without a portfolio after
 * a dash ("Financiën – Fiscaliteit en Douane" is FIN).  "Minister-President"
 * is AZ.  NULL when unknown.
 */
const char *ministry_code(const char *name);

/* The entry for a code, or NULL. */
const struct ministry *ministry_by_code(const char *code);

#endif
