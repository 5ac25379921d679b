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

/*
 * Limits that keep the memory of an import bounded.  A file: the largest
 * PDFs of answers, annexes and scans included, stay well under it.  Text:
 * what the parsers read, the file or the text of a PDF; the longest
 * answers run to a megabyte or two.  An import needs about six times its
 * text at its peak, and up to some thirty-five times when the text is one
 * long paragraph (the full-text indexes take a passage whole): some 300
 * MB at this limit.  Anything larger is a mistake, not a document.
 */
#define MAX_FILE_SIZE (64u << 20)
#define MAX_TEXT_SIZE (8u << 20)
_Static_assert(MAX_FILE_SIZE == 64u << 20 && MAX_TEXT_SIZE == 8u << 20,
    "the help of import (commands.c) names the limits");

/* How long an import waits for another naast that is writing. */
#define BUSY_WAIT_SECONDS 60

/*
 * How long one transaction of a many-file import runs: what a kill -9 or
 * a crash can cost (the files after the last commit are imported again
 * next time), and how long another naast may wait for the write lock.
 */
#define BATCH_SECONDS 0.5

/*
 * And the pause between two of them, in which another naast waiting for
 * the lock (a second import, a basket change in the interface) gets it:
 * store.c tries every millisecond.
 */
#define BATCH_GAP_SECONDS 0.005

/* The encodings of --encoding. */
enum encoding {
	ENCODING_UTF8,
	ENCODING_LATIN1,	/* Windows-1252, Latin-1 included (text.h) */
};

static const struct {
	const char *name;
	enum encoding encoding;
} encodings[] = {
	{ "utf-8", ENCODING_UTF8 },
	{ "utf8", ENCODING_UTF8 },
	{ "latin1", ENCODING_LATIN1 },
	{ "latin-1", ENCODING_LATIN1 },
	{ "iso-8859-1", ENCODING_LATIN1 },
	{ "windows-1252", ENCODING_LATIN1 },
	{ "cp1252", ENCODING_LATIN1 },
};

static bool
encoding_find(const char *name, enum encoding *out)
{
	for (size_t i = 0; i < sizeof(encodings) / sizeof(encodings[0]); i++)
		if (strcasecmp(encodings[i].name, name) == 0) {
			*out = encodings[i].encoding;
			return true;
		}
	return false;
}

/* ----------------------------------------------------------------- reading */

/* Why a file cannot be opened or read, and what to do about it. */
static enum status
file_error(struct error *err, int errnum)
{
	switch (errnum) {
	case ENOENT:
		return error_set(err, STATUS_IO,
		    "no such file (check the name and the directory)");
	case ENOTDIR:
		return error_set(err, STATUS_IO,
		    "a part of the path is not a directory (check the path)");
	case EACCES:
	case EPERM:
		return error_set(err, STATUS_IO,
		    "permission denied (check its permissions, or ask its owner for read access)");
	case ELOOP:
		return error_set(err, STATUS_IO,
		    "too many symbolic links (check where the path points)");
	case EISDIR:
		return error_set(err, STATUS_IO,
		    "is a directory (name the files in it, or import the directory itself)");
	default:
		return error_set(err, STATUS_IO, "%s (check the file and the disk)",
		    strerror(errnum));
	}
}

static double
megabytes(unsigned long long bytes)
{
	return (double)bytes / 1e6;
}

/*
 * Reads path ("-": stdin) whole, at most MAX_FILE_SIZE bytes: a larger
 * file is refused before it is read, a longer stdin when it gets there,
 * so that memory stays bounded.  NULL with a message on failure.
 */
static char *
read_file(const char *path, size_t *len, struct error *err)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct stat sb;
	char *buf = NULL;
	size_t n = 0, cap = 0;

	if (!fp) {
		file_error(err, errno);
		return NULL;
	}
	if (fstat(fileno(fp), &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			file_error(err, EISDIR);
			goto fail;
		}
		/* Standard input may be a terminal, or /dev/null. */
		if (fp != stdin && (S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode) ||
		    S_ISSOCK(sb.st_mode))) {
			error_set(err, STATUS_IO,
			    "is a device, not a file (name a document)");
			goto fail;
		}
		if (S_ISREG(sb.st_mode) && (unsigned long long)sb.st_size > MAX_FILE_SIZE) {
			error_set(err, STATUS_IO,
			    "the file is %.1f MB, more than the %u MiB naast reads from one file (no answer or letter is this large: is it the file you meant?)",
			    megabytes((unsigned long long)sb.st_size), MAX_FILE_SIZE >> 20);
			goto fail;
		}
		/* Its size, a byte to see the end and one for the NUL. */
		if (S_ISREG(sb.st_mode))
			buf = xmalloc(cap = (size_t)sb.st_size + 2);
	}
	for (;;) {
		size_t got;

		/* Room for one byte more than the limit: that byte tells. */
		if (n + 1 >= cap) {
			cap = cap < 65536 ? 65536 : cap * 2;
			if (cap > MAX_FILE_SIZE + 2)
				cap = MAX_FILE_SIZE + 2;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (n > MAX_FILE_SIZE) {
			error_set(err, STATUS_IO,
			    "more than the %u MiB naast reads from one file (no answer or letter is this large: is it what you meant to import?)",
			    MAX_FILE_SIZE >> 20);
			goto fail;
		}
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		file_error(err, errno);
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

/* ------------------------------------------------------- what a file holds */

/* Files that people have and naast does not read, by their first bytes. */
static const struct {
	const char *magic;
	size_t len;
	const char *what;
} not_documents[] = {
	{ "\x89PNG\r\n\x1a\n", 8, "a PNG image, not a document" },
	{ "\xff\xd8\xff", 3, "a JPEG image, not a document" },
	{ "GIF8", 4, "a GIF image, not a document" },
	{ "PK\x03\x04", 4, "a ZIP archive (a .docx or .odt document?): save it as PDF or text first" },
	{ "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, "an old Microsoft Office file (.doc?): save it as PDF or text first" },
	{ "\x1f\x8b", 2, "a gzip archive: unpack it first" },
	{ "\xff\xfe", 2, "UTF-16 text, which naast does not read: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)" },
	{ "\xfe\xff", 2, "UTF-16 text, which naast does not read: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)" },
};

/* The line (from 1) of byte offset at in s. */
static size_t
line_of(const char *s, size_t at)
{
	size_t line = 1;

	for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + at - p))); p++)
		line++;
	return line;
}

/*
 * Binary data rather than text: in its first 8 KiB, more than one byte
 * in a hundred (and more than two) is NUL or a control character that no
 * text uses.  A text with a stray NUL, or with escape sequences, is still
 * text, and its message names the NUL.
 */
static bool
looks_binary(const char *s, size_t n)
{
	size_t sample = n < 8192 ? n : 8192, odd = 0;

	for (size_t i = 0; i < sample; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0 || (c < 0x20 && !strchr("\t\n\v\f\r\033", c)))
			odd++;
	}
	return odd > 2 && odd * 100 > sample;
}

static bool
only_white_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!memchr(" \t\n\v\f\r", s[i], 6))
			return false;
	return true;
}

/*
 * Whether the bytes of a file that is not a PDF can be a document in
 * encoding: not empty, not binary, no NUL bytes, and (for UTF-8) valid;
 * the message names the offset of the first bad byte and what to do.
 */
static enum status
check_text(const char *s, size_t n, enum encoding encoding, struct error *err)
{
	const char *nul;
	size_t bad;

	if (n == 0)
		return error_set(err, STATUS_EMPTY,
		    "the file is empty: there is nothing to import (check that it is the file you meant)");
	for (size_t i = 0; i < sizeof(not_documents) / sizeof(not_documents[0]); i++)
		if (n >= not_documents[i].len &&
		    memcmp(s, not_documents[i].magic, not_documents[i].len) == 0)
			return error_set(err, STATUS_BINARY, "%s", not_documents[i].what);
	nul = memchr(s, '\0', n);
	if (looks_binary(s, n))
		return error_set(err, STATUS_BINARY,
		    "binary data, not text (naast reads text, Markdown and PDF)");
	if (nul)
		return error_set(err, STATUS_BINARY,
		    "a NUL byte at byte offset %zu (line %zu): naast does not read text with NUL bytes (remove them, e.g. with tr -d '\\000')",
		    (size_t)(nul - s), line_of(s, (size_t)(nul - s)));
	if (encoding == ENCODING_UTF8 && (bad = text_utf8_invalid_at(s, n)) < n)
		return error_set(err, STATUS_NOT_UTF8,
		    "not UTF-8: byte 0x%02X at byte offset %zu (line %zu) (if the file is Latin-1 or Windows-1252 text, import it with --encoding latin1)",
		    (unsigned char)s[bad], bad, line_of(s, bad));
	if (only_white_space(s, n))
		return error_set(err, STATUS_EMPTY,
		    "the file holds only white space: there is nothing to import (check that it is the file you meant)");
	return STATUS_OK;
}

/*
 * The text of a file as the parsers read it: the text that pdftotext
 * extracts from a PDF, else the file itself, in UTF-8 (converted from
 * encoding).  *sha gets the digest of the file's bytes when they are not
 * the text (a PDF, a converted file: those bytes identify the document,
 * so that the same file again is unchanged), else "".  The text is bytes
 * itself or newly allocated.
 *
 * A PDF that is no answer is not refused here, nor text that is none:
 * parse_document keeps what no parser can structure as a document of
 * kind unknown, with a warning, because naast keeps what it cannot place
 * and never drops it (DESIGN.md, 3): a publication in a layout naast does
 * not know yet stays readable and searchable.  A PDF without text (a
 * scan) has nothing to keep, and pdf_extract refuses it.
 */
static char *
document_text(char *bytes, size_t len, enum encoding encoding, size_t *text_len,
    char sha[65], struct error *err)
{
	char *text = bytes;
	size_t bad;

	sha[0] = '\0';
	*text_len = len;
	if (pdf_is_pdf(bytes, len)) {
		if (pdf_extract(bytes, len, &text, text_len, err) != STATUS_OK)
			return NULL;
		sha256_hex(bytes, len, sha);
	} else {
		if (check_text(bytes, len, encoding, err) != STATUS_OK)
			return NULL;
		if (encoding == ENCODING_LATIN1) {
			text = text_from_latin1(bytes, len, text_len, &bad);
			if (!text) {
				error_set(err, STATUS_NOT_UTF8,
				    "byte 0x%02X at byte offset %zu (line %zu) is no character in Latin-1 or Windows-1252: the file is in another encoding (convert it to UTF-8 with iconv)",
				    (unsigned char)bytes[bad], bad, line_of(bytes, bad));
				return NULL;
			}
			sha256_hex(bytes, len, sha);
		}
	}
	if (*text_len > MAX_TEXT_SIZE) {
		error_set(err, STATUS_FORMAT,
		    "its text is %.1f MB, more than the %u MiB naast reads as one document (no answer or letter is this long: is it the file you meant?)",
		    megabytes(*text_len), MAX_TEXT_SIZE >> 20);
		if (text != bytes)
			free(text);
		return NULL;
	}
	return text;
}

/*
 * A file stored in the open store batch (store.h), said only once the
 * batch is committed: until then it may still be lost.
 */
struct pending {
	char *origin;
	char *line;			/* what it became; NULL when quiet */
	char **warnings;		/* of its parser */
	size_t n_warnings;
	bool unchanged;
};

/*
 * An import of many files: what the summary and the progress bar need.
 * The bar is drawn only when stderr is a terminal and more than one file
 * is imported; anything else printed while it is up clears it first.
 * The files are stored in store batches, committed every BATCH_SECONDS.
 */
struct batch {
	bool quiet;			/* says nothing of the files stored */
	struct pending *pending;	/* in the open store batch */
	size_t n_pending, cap_pending;
	struct timespec opened;		/* when that batch began */
	struct timespec committed;	/* when the last one ended */
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
since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	    (double)(now.tv_nsec - start->tv_nsec) / 1e9;
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
	double secs = since(&b->start), rate;
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
	b->failed++;
	model_strv_add(&b->failures, &b->n_failures,
	    xasprintf("%s: %s", origin, why));
}

/*
 * Opens a store batch, waiting while another naast writes: SQLite waits
 * for the lock a few seconds at a time (store.c), and a long import by
 * another process (a large file, a slow disk) may hold it longer.
 */
static enum status
begin_waiting(struct store *st, struct error *err)
{
	struct timespec start;
	enum status status;

	clock_gettime(CLOCK_MONOTONIC, &start);
	while ((status = store_batch_begin(st, err)) == STATUS_DB_BUSY &&
	    since(&start) < BUSY_WAIT_SECONDS)
		;
	return status;
}

/* What a stored file became, in the line naast says of it. */
static char *
describe(const struct import_result *res)
{
	const char *ministry = res->ministry[0] ? res->ministry : "an unknown ministry";

	if (res->unchanged)
		return xstrdup("unchanged");
	if (res->kind == DOC_ANSWER)
		return xasprintf("answer by %s to set %lld, %d vragen", ministry,
		    res->set, res->n_vragen);
	if (res->kind == DOC_QUESTIONS)
		return xasprintf("questions of set %lld, %d vragen", res->set,
		    res->n_vragen);
	if (res->kind == DOC_MEDEDELING)
		return xasprintf("mededeling by %s on set %lld", ministry, res->set);
	return xstrdup(model_kind_name(res->kind));
}

static void
pending_add(struct batch *b, const char *origin, const struct document *doc,
    const struct import_result *res)
{
	struct pending *p;

	xgrow(&b->pending, &b->cap_pending, b->n_pending + 1, sizeof(*b->pending));
	p = &b->pending[b->n_pending++];
	memset(p, 0, sizeof(*p));
	p->origin = xstrdup(origin);
	p->unchanged = res->unchanged;
	p->line = b->quiet ? NULL : describe(res);
	if (!res->unchanged)
		for (size_t i = 0; i < doc->n_warnings; i++)
			model_strv_add(&p->warnings, &p->n_warnings,
			    xstrdup(doc->warnings[i]));
}

/*
 * Ends the open store batch: commits it and says what each of its files
 * became, or says of each that nothing of it was stored, and why: the
 * commit failed, or lost says why the batch was undone already.
 */
static void
pending_end(struct store *st, struct batch *b, const char *lost)
{
	struct error err = { "" };
	bool saved = !lost && store_batch_open(st) &&
	    store_batch_commit(st, &err) == STATUS_OK;
	char *why = saved ? NULL : xasprintf("nothing of it was stored: %s",
	    lost ? lost : err.msg[0] ? err.msg : "the import was undone");

	bar_clear(b);
	for (size_t i = 0; i < b->n_pending; i++) {
		struct pending *p = &b->pending[i];

		if (!saved) {
			batch_fail(b, p->origin, why);
		} else {
			for (size_t w = 0; w < p->n_warnings; w++)
				cli_complain("warning: '%s': %s", p->origin, p->warnings[w]);
			p->unchanged ? b->unchanged++ : b->imported++;
			if (p->line)
				cli_say("%s: %s\n", p->origin, p->line);
		}
		free(p->origin);
		free(p->line);
		model_strv_free(p->warnings, p->n_warnings);
	}
	if (saved && !b->quiet)
		fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &b->committed);
	free(why);
	b->n_pending = 0;
}

/*
 * Reads and parses one file and stores it in the open store batch,
 * opening one when none is; a batch that has run BATCH_SECONDS is
 * committed after it.
 */
static void
import_file(struct store *st, const char *path, const char *format,
    enum encoding encoding, struct batch *b)
{
	const char *origin = strcmp(path, "-") == 0 ? "stdin" : path;
	struct error err = { "" };
	struct import_result res;
	struct document *doc = NULL;
	char *raw, *text = NULL, sha[65], *why;
	size_t len, text_len;

	/* Standard input may take its time: the lock is not held meanwhile. */
	if (strcmp(path, "-") == 0)
		pending_end(st, b, NULL);
	raw = read_file(path, &len, &err);
	if (raw)
		text = document_text(raw, len, encoding, &text_len, sha, &err);
	if (!text || parse_document(text, text_len, format, &doc, &err) != STATUS_OK) {
		batch_fail(b, origin, err.msg);
		if (text != raw)
			free(text);
		free(raw);
		return;
	}
	if (text != raw)
		free(text);
	free(raw);
	memcpy(doc->source_sha256, sha, sizeof(sha));
	if (!store_batch_open(st)) {
		double gap = BATCH_GAP_SECONDS - since(&b->committed);

		if (gap > 0 && gap <= BATCH_GAP_SECONDS)
			nanosleep(&(struct timespec){ 0, (long)(gap * 1e9) }, NULL);
		if (begin_waiting(st, &err) != STATUS_OK)
			goto failed;
		clock_gettime(CLOCK_MONOTONIC, &b->opened);
	}
	if (store_import(st, origin, doc, &res, &err) != STATUS_OK) {
		/* The failure may have undone the whole batch (store.h). */
		if (!store_batch_open(st))
			pending_end(st, b, err.msg);
		goto failed;
	}
	pending_add(b, origin, doc, &res);
	model_free(doc);
	if (since(&b->opened) >= BATCH_SECONDS)
		pending_end(st, b, NULL);
	return;
failed:
	/* store.h: a failed import leaves nothing of the document behind. */
	why = xasprintf("nothing of it was stored: %s", err.msg);
	batch_fail(b, origin, why);
	free(why);
	model_free(doc);
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

/* What the options of import say, checked. */
struct import_opts {
	const char *format;	/* --format, or NULL: each file's own */
	enum encoding encoding;
};

/*
 * Reads the options of import into o; -1 when they are right (the files
 * are argv[optind..argc)), else the exit status.
 */
static int
import_options(int argc, char **argv, struct import_opts *o)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:e:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!parse_find(optarg)) {
				cli_complain("import: unknown format '%s' (use one of: %s)",
				    optarg, parse_format_list());
				return 2;
			}
			o->format = optarg;
			break;
		case 'e':
			if (!encoding_find(optarg, &o->encoding)) {
				cli_complain("import: unknown encoding '%s' (use utf-8 or latin1, which reads Windows-1252 too)",
				    optarg);
				return 2;
			}
			break;
		case 'h':
			return cli_help("import");
		case ':':
			return cli_usage("import", optopt == 'e' ? "--encoding needs a value" :
			    "--format needs a value");
		default:
			return cli_usage("import", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage("import", "name at least one FILE or DIR");
	return -1;
}

int
cli_import(struct cli *cli, int argc, char **argv)
{
	struct import_opts o = { NULL, ENCODING_UTF8 };
	struct batch b = { 0 };
	struct error why = { "" };
	struct store *st;
	char **files = NULL;
	size_t n_files = 0;
	bool dirs = false;
	int rc;

	if ((rc = import_options(argc, argv, &o)) >= 0)
		return rc;
	if (!(st = cli_store(cli)))
		return 1;
	if (store_is_readonly(st, &why)) {
		cli_complain("cannot import: %s", why.msg);
		return 1;
	}
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
		import_file(st, files[i], o.format, o.encoding, &b);
		if (strcmp(files[i], "-") != 0 && stat(files[i], &sb) == 0)
			b.bytes_done += (unsigned long long)sb.st_size;
		b.done++;
	}
	pending_end(st, &b, NULL);
	if (dirs)
		say_summary(&b);
	model_strv_free(files, n_files);
	model_strv_free(b.failures, b.n_failures);
	free(b.pending);
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
	struct batch b = { .quiet = true };
	int n = scandir(dir, &names, is_txt, alphasort);
	size_t ok;

	if (n < 0) {
		cli_complain("cannot read the bundled corpus in '%s': %s (reinstall naast, or import files with 'naast import')",
		    dir, strerror(errno));
		free(dir);
		return false;
	}
	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]->d_name);

		import_file(st, path, NULL, ENCODING_UTF8, &b);
		free(path);
		free(names[i]);
	}
	pending_end(st, &b, NULL);
	free(names);
	ok = b.imported + b.unchanged;
	fprintf(stderr, "naast: first start: imported %zu bundled documents into %s\n",
	    ok, db_path);
	model_strv_free(b.failures, b.n_failures);
	free(b.pending);
	free(dir);
	return ok == (size_t)n;
}

int
cli_library(struct cli *cli, bool interactive)
{
	char name[] = "list";
	char *argv[] = { name, NULL };
	struct error why = { "" };
	struct store *st = cli_store(cli);

	if (!st)
		return 1;
	/* A read-only database is shown as it is, even empty. */
	if (store_is_empty(st) && !store_is_readonly(st, &why) &&
	    !import_corpus(st, cli->path))
		return 1;
	return interactive ? app_run(st) : cli_list(cli, 1, argv);
}
