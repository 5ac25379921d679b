/*
 * date: Dutch dates in documents, ISO dates in the store.  See date.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "i18n.h"

static const char *const months[] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december",
};

/*
 * Length of the white space at s: spaces, tabs, line breaks and the
 * no-break space (U+00A0) that PDF text puts between day and month.
 */
static size_t
space_length(const char *s)
{
	size_t n = 0;

	for (;;) {
		if (s[n] == ' ' || s[n] == '\n' || s[n] == '\t' || s[n] == '\r')
			n++;
		else if ((unsigned char)s[n] == 0xC2 && (unsigned char)s[n + 1] == 0xA0)
			n += 2;
		else
			return n;
	}
}

static bool
valid(int y, int m, int d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return y >= 1800 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days[m - 1] &&
	    !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

/* Reads exactly n decimal digits; strtol would also take signs and spaces. */
static bool
digits(const char *s, size_t n, int *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

size_t
date_parse_nl(const char *s, char iso[DATE_ISO_SIZE])
{
	const char *p = s;
	size_t n, sp;
	int d, m = 0, y;

	for (n = 0; isdigit((unsigned char)p[n]); n++)
		;
	if (n < 1 || n > 2 || !digits(p, n, &d))
		return 0;
	p += n;
	if ((sp = space_length(p)) == 0)
		return 0;
	p += sp;
	for (int i = 0; i < 12; i++) {
		size_t len = strlen(months[i]);

		if (strncasecmp(p, months[i], len) == 0 && !isalpha((unsigned char)p[len])) {
			m = i + 1;
			p += len;
			break;
		}
	}
	if (!m || (sp = space_length(p)) == 0)
		return 0;
	p += sp;
	if (!digits(p, 4, &y) || isdigit((unsigned char)p[4]) || !valid(y, m, d))
		return 0;
	p += 4;
	snprintf(iso, 11, "%04d-%02d-%02d", y, m, d);
	return (size_t)(p - s);
}

/* Reads an ISO date "2024-01-29"; false when iso is not one. */
static bool
read_iso(const char *iso, int *y, int *m, int *d)
{
	return iso && strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-' &&
	    digits(iso, 4, y) && digits(iso + 5, 2, m) && digits(iso + 8, 2, d) &&
	    valid(*y, *m, *d);
}

bool
date_format_nl(const char *iso, char *out, size_t size)
{
	int y, m, d, n;

	if (!read_iso(iso, &y, &m, &d))
		return false;
	n = snprintf(out, size, "%d %s %d", d, months[m - 1], y);
	return n > 0 && (size_t)n < size;
}

bool
date_format_text(const char *iso, char *out, size_t size)
{
	/* TRANSLATORS: the months as a date in running text names them. */
	static const char *const names[] = {
		N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
		N_("June"), N_("July"), N_("August"), N_("September"),
		N_("October"), N_("November"), N_("December"),
	};
	int y, m, d, n;

	if (!read_iso(iso, &y, &m, &d))
		return false;
	/* TRANSLATORS: day, month, year: "15 February 2024". */
	n = snprintf(out, size, _("%d %s %d"), d, _(names[m - 1]), y);
	return n > 0 && (size_t)n < size;
}

/* Day of the week, 0 for Sunday (Sakamoto's method). */
static int
weekday(int y, int m, int d)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

bool
date_vergaderjaar(const char *iso, char out[DATE_VERGADERJAAR_SIZE])
{
	int y, m, d, prinsjesdag, first;

	if (!read_iso(iso, &y, &m, &d))
		return false;
	first = 1 + (2 - weekday(y, 9, 1) + 7) % 7;	/* first Tuesday of September */
	prinsjesdag = first + 14;
	if (m < 9 || (m == 9 && d < prinsjesdag))
		y--;
	/* valid() keeps y in 1800..2999: four digits, and two after the slash */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '/';
	out[5] = (char)('0' + (y + 1) / 10 % 10);
	out[6] = (char)('0' + (y + 1) % 10);
	out[7] = '\0';
	return true;
}
