/*
 * date: Dutch dates as the documents write them ("29 januari 2024") and
 * as naast stores them (ISO 8601, "2024-01-29").
 */
#ifndef NAAST_DATE_H
#define NAAST_DATE_H

#include <stdbool.h>
#include <stddef.h>

/* An ISO date, "2024-01-29", and its NUL. */
#define DATE_ISO_SIZE 11
/* A vergaderjaar as the Handelingen cite it, "2023/24", and its NUL. */
#define DATE_VERGADERJAAR_SIZE 8

/*
 * Reads "29 januari 2024" (month name in any case, extra spaces and line
 * breaks allowed) at the start of s into iso ("2024-01-29").  Returns the
 * number of bytes read, 0 when s does not start with such a date.
 */
size_t date_parse_nl(const char *s, char iso[DATE_ISO_SIZE]);

/*
 * Writes "29 januari 2024" for "2024-01-29", as the documents and the
 * citations write dates whatever the interface's language; false when iso
 * is not a date.
 */
bool date_format_nl(const char *iso, char *out, size_t size);
/*
 * The same in the interface's language (i18n.h): "29 January 2024" in
 * English, "29 januari 2024" in Dutch.  For what naast says, never for
 * what it quotes or cites.
 */
bool date_format_text(const char *iso, char *out, size_t size);

/*
 * The parliamentary year (vergaderjaar) of a date as the Handelingen cite
 * it, "2023/24": it begins on Prinsjesdag, the third Tuesday of September.
 * False when iso is not a date.
 */
bool date_vergaderjaar(const char *iso, char out[DATE_VERGADERJAAR_SIZE]);

#endif
