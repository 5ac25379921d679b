/*
 * ministry: the ministries and the portfolios of ministers within them,
 * their codes, the names documents use, when they existed and which
 * succeeded which, compiled in from assets/ministries.tsv.
 *
 * Codes group answers and count coverage; a portfolio ("de Minister voor
 * Rechtsbescherming") has a code of its own but groups under its
 * ministry's (JenV).  Citations never come from here: they quote the
 * document (DESIGN.md, "Citations are right or absent").  Dates are ISO
 * ("2024-07-02"); "" or NULL is a date not known.  Everything returned
 * points into the static tables.
 */
#ifndef NAAST_MINISTRY_H
#define NAAST_MINISTRY_H

#include <stdbool.h>
#include <stddef.h>

/* A ministry code ("BZK", "JenV") and its NUL, with room to spare. */
#define MINISTRY_CODE_SIZE 16

struct ministry {
	const char *code;	/* "BZK" */
	const char *name;	/* "Binnenlandse Zaken en Koninkrijksrelaties" */
	const char *aliases;	/* other names, '|' separated; "" when none */
	const char *part_of;	/* a portfolio's ministry; "" for a ministry */
	/*
	 * When it existed: periods "FROM..TO", space separated, TO the day
	 * it ended; an empty side is open ("..2010-10-14", "2024-07-02..").
	 */
	const char *existed;
};

/*
 * From date on, what was addressed to from before it is answered by to
 * (a rename, a merger, a ministry that came out of another).
 */
struct ministry_succession {
	const char *date;
	const char *from, *to;
};

extern const struct ministry ministry_table[];
extern const size_t ministry_count;
extern const struct ministry_succession ministry_successions[];
extern const size_t ministry_succession_count;

/*
 * The entry for a ministry or portfolio as a document names it: its name
 * or an alias, whatever the case, spacing and commas, with or without a
 * portfolio after a dash ("Financiën – Fiscaliteit en Douane" is FIN).
 * "Minister-President" is AZ.  Where one name served two entries (the
 * minister voor Volkshuisvesting en Ruimtelijke Ordening at BZK until
 * 2024, the ministry of that name after), date picks the one that existed
 * then; without a date, or when none did, the first in the table.  NULL
 * when unknown.
 */
const struct ministry *ministry_find(const char *name, const char *date);

/* The code m groups under: its ministry's for a portfolio, else its own. */
const char *ministry_group(const struct ministry *m);

/* ministry_group(ministry_find(name, NULL)); NULL when unknown. */
const char *ministry_code(const char *name);

/* The entry for a code, or NULL. */
const struct ministry *ministry_by_code(const char *code);

/* Whether m existed on date (true when the date is not known). */
bool ministry_existed(const struct ministry *m, const char *date);

/*
 * Whether to answers for from by succession: a chain of successions from
 * from to to, each on or after the one before, the first not before asked
 * (a question sent on the day of a change may still name the old
 * ministry) and the last not after answered.  A date not known does not
 * rule a change out.  False when from and to are the same.
 */
bool ministry_succeeds(const char *from, const char *to, const char *asked,
    const char *answered);

#endif
