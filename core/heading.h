/*
 * heading: the one reader of the headings that open a vraag or its
 * answer, and of the vraag numbers they carry, for every parser.
 *
 *   "Vraag 3", "Vragen 10 en 11", "Vraag 3, 4 en 5", "Vraag 7, 8, 9 10
 *   en 11" (the comma is missing in a published answer), "Vragen 3 t/m
 *   6", "Vraag 3-5", "Antwoord 8", "Antwoorden 3 en 4", "Antwoord op
 *   vraag 3", "Antwoord op de vragen 3 en 4", "Antwoord:", "Vraag:".
 *
 * The rules, as the published answers write their headings:
 *  - the word is capitalised or all capitals ("Vraag", "VRAAG"); a
 *    lower-case "vraag 8." begins a line only where a sentence that
 *    mentions the vraag was wrapped;
 *  - a vraag number is 1 to HEADING_MAX_VRAAG: larger numbers are years,
 *    dossier or Aanhangsel numbers, and the line is no heading;
 *  - the numbers of a list rise ("Vraag 3, 2" is no heading), joined by
 *    a comma, "en", ", en", "t/m", "tot en met", "tot", a dash, or a
 *    space (heading_numbers, below);
 *  - the heading ends after its numbers with an optional ':' or '.', and
 *    then ends the line or is followed by the text of the passage ("Vraag
 *    1: Bent u ...", "Antwoord 2. Nee."); "Vraag 2 en 3 gaan over ..." is
 *    prose.
 *
 * A heading without numbers ("Antwoord:", "Vraag") has from = to = 0: the
 * parser numbers it from the headings before it.
 *
 * heading_numbers reads the lists of vraag numbers, of a heading and of a
 * reference in running text (xref: "zie de antwoorden op de vragen 3 t/m
 * 5 en 9"): there is no other reader of them.  Common to both: a number
 * is 1 to HEADING_MAX_VRAAG; a comma, "en" or ", en" joins two numbers,
 * "t/m", "tot en met", "tot" or a dash ('-', en dash, em dash) makes a
 * range of them; the list ends before a separator that no vraag number
 * follows.  What differs is said at enum heading_where.
 *
 * Nothing is allocated.
 */
#ifndef NAAST_HEADING_H
#define NAAST_HEADING_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* Numbers above this after "Vraag" are not vraag numbers. */
#define HEADING_MAX_VRAAG 999

/* "vragen 1 tot en met 400" is no plausible range: only its ends count. */
#define HEADING_MAX_RANGE 100

/* Where a list of vraag numbers is written, for the rules that differ. */
enum heading_where {
	/*
	 * A heading, on one line: the numbers rise ("Vraag 3, 2" ends at
	 * 3) and a blank alone joins two of them ("9 10": the comma that a
	 * published answer left out); "3a" ends at 3.
	 */
	HEADING_LINE,
	/*
	 * Running text, across its line breaks: "of" joins alternatives
	 * ("vraag 2 of 3"); a number is a word of its own: "3a" (a
	 * sub-question) is 3, "12Z01234" (a Kamer number) none; a blank
	 * alone ends the list ("antwoord op vraag 1 10 procent"), and the
	 * numbers need not rise ("vraag 3 en 2").
	 */
	HEADING_PROSE,
};

struct heading {
	enum role role;		/* ROLE_VRAAG or ROLE_ANTWOORD */
	int from, to;		/* "Vraag 3, 4 en 5": 3 and 5; else 0 */
	size_t end;		/* its length, with its ':' or '.' */
	size_t text;		/* where text after it starts; n when none */
};

/*
 * Reads the heading that begins s[0, n) (white space before it is
 * skipped), by the rules above.  False when s does not begin with one.
 */
bool heading_read(const char *s, size_t n, struct heading *out);

/*
 * Reads the words and numbers of a heading at the start of s[0, n) and
 * leaves it to the caller to judge what follows it (out->text is where
 * the next word starts): for a text flattened onto one line, where every
 * heading is followed by text.
 */
bool heading_start(const char *s, size_t n, struct heading *out);

/*
 * Reads the list of vraag numbers at s[*i] (of s[0, n)), written where,
 * into nums[0, max) in order, a range written out: "3 t/m 5" is 3, 4 and
 * 5 (one longer than HEADING_MAX_RANGE, or falling, keeps its ends only).
 * When the list has more than max numbers, the last slot holds the last
 * of them: with max 2 a heading keeps its first and last.  Returns how
 * many nums holds, with *i after the last number read; 0, with *i
 * unchanged, when no vraag number starts at s[*i].
 */
size_t heading_numbers(const char *s, size_t n, size_t *i,
    enum heading_where where, int *nums, size_t max);

#endif
