/*
 * cli_import: import (files, directories, PDF through core/pdf), and the
 * first start that imports the bundled corpus.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "parse.h"
#include "pdf.h"
#include "sha256.h"
#include "text.h"
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

/*
 * An import of many files: what the summary and the progress bar need.
 * The bar is drawn only when stderr is a terminal and more than one file
 * is imported; anything else printed while it is up clears it first.
 */
struct batch {
	size_t total, done;		/* files */
	unsigned long long bytes_total, bytes_done;
	size_t imported, unchanged, failed;
	char **failures;		/* "PATH: reason", for the summary */
	size_t n_failures;
	bool bar;			/* a progress bar is drawn */
	bool bar_shown;			/* and is on the screen now */
	struct timespec start;
};

static double
elapsed(const struct batch *b)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - b->start.tv_sec) +
	    (double)(now.tv_nsec - b->start.tv_nsec) / 1e9;
}

static void
bar_clear(struct batch *b)
{
	if (b && b->bar_shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		b->bar_shown = false;
	}
}

/* "[#####.....] 7/14 12.3 MB/s  dir/file.pdf", redrawn in place. */
static void
bar_draw(struct batch *b, const char *path)
{
	struct winsize ws;
	int cols = 80, fill, room;
	double secs = elapsed(b), rate;
	char head[128], *name;

	if (!b->bar)
		return;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		cols = ws.ws_col;
	fill = b->total ? (int)(20 * b->done / b->total) : 0;
	rate = secs > 0.001 ? (double)b->bytes_done / 1e6 / secs : 0;
	snprintf(head, sizeof(head), "[%.*s%.*s] %zu/%zu %.1f MB/s  ", fill,
	    "####################", 20 - fill, "....................",
	    b->done, b->total, rate);
	name = text_sanitize(path, strlen(path), 0);
	room = cols - 1 - (int)strlen(head);
	if (room < 0)
		room = 0;
	/* The end of a long name says more than its start. */
	if ((int)strlen(name) > room) {
		const char *tail = name + strlen(name) - (size_t)room;

		while (*tail && ((unsigned char)*tail & 0xc0) == 0x80)
			tail++;
		fprintf(stderr, "\r%s%s\033[K", head, tail);
	} else {
		fprintf(stderr, "\r%s%s\033[K", head, name);
	}
	fflush(stderr);
	free(name);
	b->bar_shown = true;
}

static void
batch_fail(struct batch *b, const char *origin, const char *why)
{
	bar_clear(b);
	cli_complain("cannot import '%s': %s", origin, why);
	if (!b)
		return;
	b->failed++;
	model_strv_add(&b->failures, &b->n_failures,
	    xasprintf("%s: %s", origin, why));
}

/*
 * The text of a file as the parsers read it: the file itself, or the
 * text that pdftotext extracts from a PDF (then *sha is the digest of the
 * PDF's bytes, which identifies the document; else "").
 */
static char *
document_text(char *bytes, size_t len, size_t *text_len, char sha[65],
    struct error *err)
{
	char *text;

	sha[0] = '\0';
	if (!pdf_is_pdf(bytes, len)) {
		*text_len = len;
		return bytes;
	}
	if (pdf_extract(bytes, len, &text, text_len, err) != STATUS_OK)
		return NULL;
	sha256_hex(bytes, len, sha);
	return text;
}

/* Imports one file and says what it became; false on failure. */
static bool
import_file(struct store *st, const char *path, const char *format, bool quiet,
    struct batch *b)
{
	const char *origin = strcmp(path, "-") == 0 ? "stdin" : path;
	struct error err = { "" };
	struct import_result res;
	struct document *doc = NULL;
	char *raw, *text = NULL, sha[65];
	size_t len, text_len;

	raw = read_file(path, &len, &err);
	if (raw)
		text = document_text(raw, len, &text_len, sha, &err);
	if (!text || parse_document(text, text_len, format, &doc, &err) != STATUS_OK) {
		batch_fail(b, origin, err.msg);
		if (text != raw)
			free(text);
		free(raw);
		return false;
	}
	if (text != raw)
		free(text);
	free(raw);
	memcpy(doc->source_sha256, sha, sizeof(sha));
	if (store_import(st, origin, doc, &res, &err) != STATUS_OK) {
		batch_fail(b, origin, err.msg);
		model_free(doc);
		return false;
	}
	bar_clear(b);
	if (!res.unchanged)
		for (size_t i = 0; i < doc->n_warnings; i++)
			cli_complain("warning: '%s': %s", origin, doc->warnings[i]);
	if (b)
		res.unchanged ? b->unchanged++ : b->imported++;
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
		else if (res.kind == DOC_MEDEDELING)
			cli_say("mededeling by %s on set %lld\n",
			    res.ministry[0] ? res.ministry : "an unknown ministry",
			    res.set);
		else
			cli_say("%s\n", model_kind_name(res.kind));
		fflush(stdout);
	}
	model_free(doc);
	return true;
}

/* ------------------------------------------------------ files of a directory */

/* What naast imports from a directory: PDF, text and Markdown files. */
static bool
supported(const char *name)
{
	static const char *const ext[] = { ".pdf", ".txt", ".md", ".markdown" };
	size_t n = strlen(name);

	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		size_t k = strlen(ext[i]);

		if (n > k && strcasecmp(name + n - k, ext[i]) == 0)
			return true;
	}
	return false;
}

static int
visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Deeper than this is a loop or a mistake. */
#define MAX_DEPTH 32

/*
 * Adds the supported files under dir to *files, depth first, each
 * directory's entries in name order: the same tree is always imported in
 * the same order.  Symbolic links to directories are not followed (a link
 * can make a loop).  False with a message when dir cannot be read.
 */
static bool
collect(const char *dir, int depth, char ***files, size_t *n,
    unsigned long long *bytes, struct batch *b)
{
	struct dirent **names;
	int count = scandir(dir, &names, visible, alphasort);

	if (count < 0) {
		char *why = xasprintf("cannot read the directory: %s", strerror(errno));

		batch_fail(b, dir, why);
		free(why);
		return false;
	}
	for (int i = 0; i < count; i++) {
		char *path = xasprintf("%s%s%s", dir,
		    dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]->d_name);
		struct stat sb, lsb;

		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			if (lstat(path, &lsb) == 0 && !S_ISLNK(lsb.st_mode) &&
			    depth < MAX_DEPTH)
				collect(path, depth + 1, files, n, bytes, b);
			free(path);
		} else if (supported(names[i]->d_name)) {
			if (stat(path, &sb) == 0)
				*bytes += (unsigned long long)sb.st_size;
			model_strv_add(files, n, path);
		} else {
			free(path);
		}
		free(names[i]);
	}
	free(names);
	return true;
}

static bool
is_directory(const char *path)
{
	struct stat sb;

	return strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static void
say_summary(const struct batch *b)
{
	cli_say("imported %zu, unchanged %zu, failed %zu\n", b->imported,
	    b->unchanged, b->failed);
	for (size_t i = 0; i < b->n_failures; i++)
		cli_say("  failed: %s\n", b->failures[i]);
}

int
cli_import(struct store *st, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct batch b = { 0 };
	const char *format = NULL;
	char **files = NULL;
	size_t n_files = 0;
	bool dirs = false;
	int c;

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
			cli_say("Usage: naast import [--format %s] FILE|DIR...\n"
			    "Imports documents: text, Markdown and PDF (through pdftotext, from %s);\n"
			    "a directory imports every such file under it; '-' reads standard input.\n",
			    parse_format_list(), PDF_PACKAGE);
			return 0;
		case ':':
			return cli_usage("import", "--format needs a value");
		default:
			return cli_usage("import", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage("import", "name at least one FILE or DIR");
	for (int i = optind; i < argc; i++) {
		struct stat sb;

		if (is_directory(argv[i])) {
			dirs = true;
			collect(argv[i], 0, &files, &n_files, &b.bytes_total, &b);
			continue;
		}
		if (strcmp(argv[i], "-") != 0 && stat(argv[i], &sb) == 0)
			b.bytes_total += (unsigned long long)sb.st_size;
		model_strv_add(&files, &n_files, xstrdup(argv[i]));
	}
	b.total = n_files;
	b.bar = n_files > 1 && isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &b.start);
	for (size_t i = 0; i < n_files; i++) {
		struct stat sb;

		bar_draw(&b, files[i]);
		import_file(st, files[i], format, false, &b);
		if (strcmp(files[i], "-") != 0 && stat(files[i], &sb) == 0)
			b.bytes_done += (unsigned long long)sb.st_size;
		b.done++;
	}
	bar_clear(&b);
	if (dirs)
		say_summary(&b);
	model_strv_free(files, n_files);
	model_strv_free(b.failures, b.n_failures);
	return b.failed ? 1 : 0;
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

		ok += import_file(st, path, NULL, true, NULL);
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
