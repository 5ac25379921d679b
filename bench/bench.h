/*
 * bench: what the benchmark programs share (a clock, the median of a
 * series of runs, the fields of a line of bench/gen's files, and dying
 * with a message).  Linked into each of them; no part of naast.
 */
#ifndef NAAST_BENCH_H
#define NAAST_BENCH_H

#include <stddef.h>

/* Seconds on the monotonic clock. */
double bench_now(void);

/* Sorts the n > 0 times t and returns their median; t[n - 1] is then the longest. */
double bench_median(double *t, size_t n);

/*
 * Splits line (its newline dropped) at tabs into at most max fields,
 * pointers into line; the number of fields.
 */
size_t bench_fields(char *line, char **f, size_t max);

/* "PROGRAM: message" on stderr, and exit status 1. */
void bench_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
