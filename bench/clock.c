/*
 * clock: how long a command takes, for bench/run.
 *
 *   bench/clock [--rss] REPEAT COMMAND [ARG...]
 *
 * Runs COMMAND once to warm up and REPEAT times more (REPEAT 1: once in
 * all, no warm-up), its output to /dev/null, and prints the median and
 * the longest wall-clock time in milliseconds and the exit status of the
 * last run:
 *   median_ms max_ms status
 * With --rss, the peak resident memory of the largest run comes before
 * the status, in KB:
 *   median_ms max_ms peak_kb status
 * Exit status 1 when a run is killed by a signal or cannot start, so that
 * a crash is not timed as a result.
 */
#include "config.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

extern char **environ;

/* One run; its exit status, or -1 when it did not exit by itself. */
static int
run(char **argv)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int status, rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		fprintf(stderr, "clock: cannot run '%s': %s\n", argv[0], strerror(rc));
		return -1;
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) {
		fprintf(stderr, "clock: '%s' did not exit normally\n", argv[0]);
		return -1;
	}
	return WEXITSTATUS(status);
}

int
main(int argc, char **argv)
{
	bool rss = argc > 1 && strcmp(argv[1], "--rss") == 0;
	int repeat, status = 0;
	double *t, median;
	struct rusage ru;

	if (rss) {
		argc--;
		argv++;
	}
	repeat = argc > 2 ? atoi(argv[1]) : 0;
	if (repeat < 1) {
		fputs("usage: clock [--rss] REPEAT COMMAND [ARG...]\n", stderr);
		return 2;
	}
	if (!(t = calloc((size_t)repeat, sizeof(*t))))
		return 1;
	for (int r = repeat > 1 ? -1 : 0; r < repeat; r++) {
		double t0 = bench_now();

		if ((status = run(argv + 2)) < 0) {
			free(t);
			return 1;
		}
		if (r >= 0)
			t[r] = (bench_now() - t0) * 1000;
	}
	median = bench_median(t, (size_t)repeat);
	if (rss && getrusage(RUSAGE_CHILDREN, &ru) == 0)
		printf("%.3f %.3f %ld %d\n", median, t[repeat - 1], ru.ru_maxrss,
		    status);
	else
		printf("%.3f %.3f %d\n", median, t[repeat - 1], status);
	free(t);
	return 0;
}
