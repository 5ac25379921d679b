#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"

static const char *const months[] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december",
};

static const char *
skip_space(const char *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	return s;
}

static bool
valid(int y, int m, int d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return y >= 1800 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days[m - 1] &&
	    !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

size_t
date_parse_nl(const char *s, char iso[11])
{
	const char *p = s;
	char *end;
	long d, y;
	int m = 0;

	if (!isdigit((unsigned char)*p))
		return 0;
	d = strtol(p, &end, 10);
	if (end - p > 2 || (*end != ' ' && *end != '\n'))
		return 0;
	p = skip_space(end);
	for (int i = 0; i < 12; i++) {
		size_t n = strlen(months[i]);

		if (strncasecmp(p, months[i], n) == 0 && !isalpha((unsigned char)p[n])) {
			m = i + 1;
			p += n;
			break;
		}
	}
	if (!m)
		return 0;
	p = skip_space(p);
	if (!isdigit((unsigned char)*p))
		return 0;
	y = strtol(p, &end, 10);
	if (end - p != 4 || !valid((int)y, m, (int)d))
		return 0;
	snprintf(iso, 11, "%04ld-%02d-%02ld", y, m, d);
	return (size_t)(end - s);
}

bool
date_format_nl(const char *iso, char *out, size_t size)
{
	int y, m, d, n = 0;

	if (!iso || sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || !valid(y, m, d))
		return false;
	snprintf(out, size, "%d %s %d", d, months[m - 1], y);
	return true;
}
