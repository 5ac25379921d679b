/*
 * cli_import: import, and the first start that imports the bundled corpus.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "parse.h"
#include "xalloc.h"

/* A file larger than this is not a document but a mistake. */
#define MAX_FILE_SIZE (64u << 20)

/* ----------------------------------------------------------------- import */

/* Reads path ("-": stdin) whole; NULL with a message on failure. */
static char *
read_file(const char *path, size_t *len, struct error *err)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct stat sb;
	char *buf = NULL;
	size_t n = 0, cap = 0;

	if (!fp) {
		error_set(err, STATUS_IO, "%s (check the path and permissions)", strerror(errno));
		return NULL;
	}
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		error_set(err, STATUS_IO, "is a directory (name the files in it)");
		goto fail;
	}
	for (;;) {
		size_t got;

		xgrow(&buf, &cap, n + 65536, 1);
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (n > MAX_FILE_SIZE) {
			error_set(err, STATUS_IO, "larger than %u MiB: not a document",
			    MAX_FILE_SIZE >> 20);
			goto fail;
		}
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		error_set(err, STATUS_IO, "read error: %s", strerror(errno));
		goto fail;
	}
	if (fp != stdin)
		fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	if (fp != stdin)
		fclose(fp);
	free(buf);
	return NULL;
}

/* Imports one file and says what it became; false on failure. */
static bool
import_file(struct store *st, const char *path, const char *format, bool quiet)
{
	const char *origin = strcmp(path, "-") == 0 ? "stdin" : path;
	struct error err = { "" };
	struct import_result res;
	struct document *doc = NULL;
	char *raw;
	size_t len;

	raw = read_file(path, &len, &err);
	if (!raw || parse_document(raw, len, format, &doc, &err) != STATUS_OK ||
	    store_import(st, origin, doc, &res, &err) != STATUS_OK) {
		cli_complain("cannot import '%s': %s", origin, err.msg);
		model_free(doc);
		free(raw);
		return false;
	}
	if (!res.unchanged)
		for (size_t i = 0; i < doc->n_warnings; i++)
			cli_complain("warning: '%s': %s", origin, doc->warnings[i]);
	if (!quiet) {
		cli_say("%s: ", origin);
		if (res.unchanged)
			cli_say("unchanged\n");
		else if (res.kind == DOC_ANSWER)
			cli_say("answer by %s to set %lld, %d vragen\n",
			    res.ministry[0] ? res.ministry : "an unknown ministry",
			    res.set, res.n_vragen);
		else if (res.kind == DOC_QUESTIONS)
			cli_say("questions of set %lld, %d vragen\n", res.set, res.n_vragen);
		else
			cli_say("%s\n", model_kind_name(res.kind));
	}
	model_free(doc);
	free(raw);
	return true;
}

int
cli_import(struct store *st, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = NULL;
	int c, failed = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!parse_find(optarg)) {
				cli_complain("import: unknown format '%s' (use one of: %s)",
				    optarg, parse_format_list());
				return 2;
			}
			format = optarg;
			break;
		case 'h':
			cli_say("Usage: naast import [--format %s] FILE...\n"
			    "Imports documents; '-' reads standard input.\n",
			    parse_format_list());
			return 0;
		case ':':
			return cli_usage("import", "--format needs a value");
		default:
			return cli_usage("import", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage("import", "name at least one FILE");
	for (int i = optind; i < argc; i++)
		if (!import_file(st, argv[i], format, false))
			failed++;
	return failed ? 1 : 0;
}

/* ---------------------------------------------------------------- library */

static int
is_txt(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return d->d_name[0] != '.' && n > 4 && strcmp(d->d_name + n - 4, ".txt") == 0;
}

/*
 * Where the bundled corpus is: in the source tree when this program runs
 * from its build tree, else where `make install` put it.
 */
static char *
corpus_dir(void)
{
	char exe[PATH_MAX], build[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		if (realpath(NAAST_BUILDDIR, build) && strcmp(exe, build) == 0)
			return xstrdup(NAAST_SRCDIR "/assets/corpus");
	}
	return xstrdup(NAAST_PKGDATADIR "/corpus");
}

static bool
import_corpus(struct store *st, const char *db_path)
{
	char *dir = corpus_dir();
	struct dirent **names;
	int n = scandir(dir, &names, is_txt, alphasort), ok = 0;

	if (n < 0) {
		cli_complain("cannot read the bundled corpus in '%s': %s (reinstall naast, or import files with 'naast import')",
		    dir, strerror(errno));
		free(dir);
		return false;
	}
	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]->d_name);

		ok += import_file(st, path, NULL, true);
		free(path);
		free(names[i]);
	}
	free(names);
	fprintf(stderr, "naast: first start: imported %d bundled documents into %s\n",
	    ok, db_path);
	free(dir);
	return ok == n;
}

int
cli_library(struct store *st, const char *db_path, bool interactive)
{
	char name[] = "list";
	char *argv[] = { name, NULL };

	if (store_is_empty(st) && !import_corpus(st, db_path))
		return 1;
	return interactive ? app_run(st) : cli_list(st, 1, argv);
}
