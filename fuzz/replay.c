/*
 * replay: a fuzz target as a plain program.  Runs LLVMFuzzerTestOneInput
 * once on each file named, and on each file of each directory named, and
 * says how many it ran; a broken promise aborts (see fuzz.h).  This is how
 * make check runs the regression inputs without libFuzzer.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "xalloc.h"

static int
run_file(const char *path, size_t *count)
{
	size_t size = 0;
	uint8_t *data = fuzz_read_file(path, &size);

	if (!data)
		return 1;
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	(*count)++;
	return 0;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of dir, in name order, so that a run reads the same. */
static int
run_dir(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int failed = 0;

	if (!d) {
		fprintf(stderr, "replay: cannot open '%s': %s\n", dir, strerror(errno));
		return 1;
	}
	while ((e = readdir(d))) {
		char *path;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			xgrow(&names, &cap, n + 1, sizeof(*names));
			names[n++] = path;
		} else {
			free(path);
		}
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), compare_names);
	for (size_t i = 0; i < n; i++) {
		failed |= run_file(names[i], count);
		free(names[i]);
	}
	free(names);
	return failed;
}

int
main(int argc, char **argv)
{
	size_t count = 0;
	int failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIRECTORY...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			failed |= run_dir(argv[i], &count);
		else
			failed |= run_file(argv[i], &count);
	}
	printf("%s: %zu inputs\n", argv[0], count);
	return failed;
}
