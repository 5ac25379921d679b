/*
 * import: paths on disk to documents in the store: reading, what a file
 * holds, the batches, the walk of a directory.  See import.h.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "import.h"
#include "parse.h"
#include "pdf.h"
#include "sha256.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

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

static const struct {
	const char *name;
	enum import_encoding encoding;
} encodings[] = {
	{ "utf-8", IMPORT_UTF8 },
	{ "utf8", IMPORT_UTF8 },
	{ "latin1", IMPORT_LATIN1 },
	{ "latin-1", IMPORT_LATIN1 },
	{ "iso-8859-1", IMPORT_LATIN1 },
	{ "windows-1252", IMPORT_LATIN1 },
	{ "cp1252", IMPORT_LATIN1 },
};

bool
import_encoding_find(const char *name, enum import_encoding *out)
{
	for (size_t i = 0; i < COUNT(encodings); i++)
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

/*
 * Why a path that is no regular file is not read: a named pipe would keep
 * naast waiting for a writer, a device or a socket gives no document.
 */
static enum status
not_a_file(struct error *err, mode_t mode)
{
	if (S_ISDIR(mode))
		return file_error(err, EISDIR);
	return error_set(err, STATUS_IO, "is %s, not a file (name a document%s)",
	    status_file_kind(mode), S_ISFIFO(mode) ?
	    _(", or read what the pipe gives as standard input: naast import - <PIPE") :
	    "");
}

/*
 * Opens the regular file at path for reading; NULL with a message for
 * anything else, which is refused before it is opened.  What is opened
 * is looked at again: the path may have been replaced in between, and
 * O_NONBLOCK keeps a named pipe put there from blocking the open.
 */
static FILE *
open_file(const char *path, struct error *err)
{
	struct stat sb;
	FILE *fp;
	int fd;

	if (stat(path, &sb) != 0) {
		file_error(err, errno);
		return NULL;
	}
	if (!S_ISREG(sb.st_mode)) {
		not_a_file(err, sb.st_mode);
		return NULL;
	}
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		file_error(err, errno);
		return NULL;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		if (S_ISREG(sb.st_mode))
			file_error(err, errno);
		else
			not_a_file(err, sb.st_mode);
		close(fd);
		return NULL;
	}
	/* A regular file ignores O_NONBLOCK: its reads block as ever. */
	if (!(fp = fdopen(fd, "rb"))) {
		file_error(err, errno);
		close(fd);
	}
	return fp;
}

static double
megabytes(unsigned long long bytes)
{
	return (double)bytes / 1e6;
}

/*
 * Reads path ("-": stdin) whole, at most IMPORT_MAX_FILE_SIZE bytes: a larger
 * file is refused before it is read, a longer stdin when it gets there,
 * so that memory stays bounded.  NULL with a message on failure.
 */
static char *
read_file(const char *path, size_t *len, struct error *err)
{
	/* Standard input may be a pipe, a terminal or /dev/null. */
	FILE *fp = strcmp(path, "-") == 0 ? stdin : open_file(path, err);
	struct stat sb;
	char *buf = NULL;
	size_t n = 0, cap = 0;

	if (!fp)
		return NULL;
	if (fstat(fileno(fp), &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			file_error(err, EISDIR);
			goto fail;
		}
		if (S_ISREG(sb.st_mode) && (unsigned long long)sb.st_size > IMPORT_MAX_FILE_SIZE) {
			error_set(err, STATUS_IO,
			    "the file is %.1f MB, more than the %u MiB naast reads from one file (no answer or letter is this large: is it the file you meant?)",
			    megabytes((unsigned long long)sb.st_size), IMPORT_MAX_FILE_SIZE >> 20);
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
			if (cap > IMPORT_MAX_FILE_SIZE + 2)
				cap = IMPORT_MAX_FILE_SIZE + 2;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (n > IMPORT_MAX_FILE_SIZE) {
			error_set(err, STATUS_IO,
			    "more than the %u MiB naast reads from one file (no answer or letter is this large: is it what you meant to import?)",
			    IMPORT_MAX_FILE_SIZE >> 20);
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
	{ "\x89PNG\r\n\x1a\n", 8, N_("a PNG image, not a document") },
	{ "\xff\xd8\xff", 3, N_("a JPEG image, not a document") },
	{ "GIF8", 4, N_("a GIF image, not a document") },
	{ "PK\x03\x04", 4, N_("a ZIP archive (a .docx or .odt document?): save it as PDF or text first") },
	{ "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, N_("an old Microsoft Office file (.doc?): save it as PDF or text first") },
	{ "\x1f\x8b", 2, N_("a gzip archive: unpack it first") },
	{ "\xff\xfe", 2, N_("UTF-16 text, which naast does not read: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)") },
	{ "\xfe\xff", 2, N_("UTF-16 text, which naast does not read: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)") },
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
check_text(const char *s, size_t n, enum import_encoding encoding, struct error *err)
{
	const char *nul;
	size_t bad;

	if (n == 0)
		return error_set(err, STATUS_EMPTY,
		    "the file is empty: there is nothing to import (check that it is the file you meant)");
	for (size_t i = 0; i < COUNT(not_documents); i++)
		if (n >= not_documents[i].len &&
		    memcmp(s, not_documents[i].magic, not_documents[i].len) == 0)
			return error_set(err, STATUS_BINARY, "%s", _(not_documents[i].what));
	nul = memchr(s, '\0', n);
	if (looks_binary(s, n))
		return error_set(err, STATUS_BINARY,
		    "binary data, not text (naast reads text, Markdown and PDF)");
	if (nul)
		return error_set(err, STATUS_BINARY,
		    "a NUL byte at byte offset %zu (line %zu): naast does not read text with NUL bytes (remove them, e.g. with tr -d '\\000')",
		    (size_t)(nul - s), line_of(s, (size_t)(nul - s)));
	if (encoding == IMPORT_UTF8 && (bad = text_utf8_invalid_at(s, n)) < n)
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
 * so that the same file again is unchanged), else "".  *out is bytes
 * itself or newly allocated.
 *
 * A PDF that is no answer is not refused here, nor text that is none:
 * parse_document keeps what no parser can structure as a document of
 * kind unknown, with a warning, because naast keeps what it cannot place
 * and never drops it (DESIGN.md, 3): a publication in a layout naast does
 * not know yet stays readable and searchable.  A PDF without text (a
 * scan) has nothing to keep, and pdf_extract refuses it.
 */
static enum status
document_text(char *bytes, size_t len, const struct import_options *opts,
    char **out, size_t *text_len, char sha[SHA256_HEX_SIZE], struct error *err)
{
	char *text = bytes;
	size_t bad;
	enum status status;

	*out = NULL;
	sha[0] = '\0';
	*text_len = len;
	if (pdf_is_pdf(bytes, len)) {
		if ((status = pdf_extract_within(bytes, len, opts->pdf_seconds ?
		    opts->pdf_seconds : PDF_SECONDS, &text, text_len, err)) != STATUS_OK)
			return status;
		sha256_hex(bytes, len, sha);
	} else {
		if ((status = check_text(bytes, len, opts->encoding, err)) != STATUS_OK)
			return status;
		if (opts->encoding == IMPORT_LATIN1) {
			text = text_from_latin1(bytes, len, text_len, &bad);
			if (!text)
				return error_set(err, STATUS_NOT_UTF8,
				    "byte 0x%02X at byte offset %zu (line %zu) is no character in Latin-1 or Windows-1252: the file is in another encoding (convert it to UTF-8 with iconv)",
				    (unsigned char)bytes[bad], bad, line_of(bytes, bad));
			sha256_hex(bytes, len, sha);
		}
	}
	if (*text_len > IMPORT_MAX_TEXT_SIZE) {
		if (text != bytes)
			free(text);
		return error_set(err, STATUS_FORMAT,
		    "its text is %.1f MB, more than the %u MiB naast reads as one document (no answer or letter is this long: is it the file you meant?)",
		    megabytes(*text_len), IMPORT_MAX_TEXT_SIZE >> 20);
	}
	*out = text;
	return STATUS_OK;
}

/* ----------------------------------------------------------------- batches */

/*
 * A file stored in the open store batch, told only once the batch is
 * committed: until then it may still be lost.  Its document stays until
 * then, to be stored again when another file ends the batch (store.h).
 */
struct pending {
	char *origin;
	struct import_result res;
	struct document *doc;
};

/* One import_paths: the files in the open store batch, and the counts. */
struct import {
	struct store *st;
	const struct import_options *opts;
	const struct import_events *events;
	struct pending *pending;	/* in the open store batch */
	size_t n_pending, cap_pending;
	struct timespec opened;		/* when that batch began */
	struct timespec committed;	/* when the last one ended */
	struct import_totals totals;
	enum status first;		/* of the first failure */
	struct error *err;		/* gets the first failure */
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
tell_failed(struct import *im, const char *origin, enum status status,
    const char *why)
{
	struct import_file f = {
		.origin = origin,
		.outcome = IMPORT_FAILED,
		.status = status,
		.message = why,
	};

	if (im->totals.failed++ == 0) {
		im->first = status;
		error_set(im->err, status, "%s: %s", origin, why);
	}
	if (im->events->file)
		im->events->file(im->events->ctx, &f);
}

/* A file of a directory that is no document naast knows. */
#define NO_DOCUMENT N_("not an answer, questions, a mededeling or a letter (import it by name to keep it as plain text)")

/* A file of a directory left alone, why, and the count it adds to. */
static void
tell_skipped(struct import *im, const char *origin, const char *why,
    size_t *count)
{
	struct import_file f = {
		.origin = origin,
		.outcome = IMPORT_SKIPPED,
		.status = STATUS_OK,
		.message = why,
	};

	(*count)++;
	if (im->events->file)
		im->events->file(im->events->ctx, &f);
}

static void
tell_stored(struct import *im, const struct pending *p)
{
	struct import_file f = {
		.origin = p->origin,
		.outcome = p->res.unchanged ? IMPORT_UNCHANGED :
		    p->res.same == IMPORT_SAME_KEPT ? IMPORT_SAME : IMPORT_STORED,
		.status = STATUS_OK,
		.result = p->res,
		.message = "",
	};

	/* Its parser's warnings, when it is newly stored. */
	if (f.outcome == IMPORT_STORED) {
		f.warnings = p->doc->warnings;
		f.n_warnings = p->doc->n_warnings;
	}

	if (f.outcome == IMPORT_UNCHANGED)
		im->totals.unchanged++;
	else if (f.outcome == IMPORT_SAME)
		im->totals.same++;
	else
		im->totals.imported++;
	if (im->events->file)
		im->events->file(im->events->ctx, &f);
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

/* The file origin, stored in the open batch as res says: keeps doc. */
static void
pending_add(struct import *im, const char *origin, struct document *doc,
    const struct import_result *res)
{
	struct pending *p;

	xgrow(&im->pending, &im->cap_pending, im->n_pending + 1,
	    sizeof(*im->pending));
	p = &im->pending[im->n_pending++];
	p->origin = xstrdup(origin);
	p->res = *res;
	p->doc = doc;
}

/* Tells of the n files of list that nothing of them was stored, and why. */
static void
pending_lose(struct import *im, struct pending *list, size_t n,
    enum status status, const char *why)
{
	char *message = xasprintf(_("nothing of it was stored: %s"), why);

	for (size_t i = 0; i < n; i++) {
		tell_failed(im, list[i].origin, status, message);
		free(list[i].origin);
		model_free(list[i].doc);
	}
	free(message);
}

/*
 * Ends the open store batch: commits it and tells what each of its files
 * became, or tells of each that nothing of it was stored when the commit
 * failed, and why.
 */
static void
pending_end(struct import *im)
{
	struct error err = { "" };
	enum status status = STATUS_DB;
	bool saved = false;

	if (store_batch_open(im->st)) {
		status = store_batch_commit(im->st, &err);
		saved = status == STATUS_OK;
	}
	if (saved) {
		for (size_t i = 0; i < im->n_pending; i++) {
			tell_stored(im, &im->pending[i]);
			free(im->pending[i].origin);
			model_free(im->pending[i].doc);
		}
	} else {
		pending_lose(im, im->pending, im->n_pending, status,
		    err.msg[0] ? err.msg : _("the import was undone"));
	}
	if (im->events->batch_end)
		im->events->batch_end(im->events->ctx, saved);
	clock_gettime(CLOCK_MONOTONIC, &im->committed);
	im->n_pending = 0;
}

/*
 * A file failed and ended the open batch (store.h): the files stored in
 * it before go in again, in a new batch, from the documents they keep.
 * They went in once, so a failure now is the database's, not theirs:
 * nothing of them is stored, and each is told why.
 */
static void
pending_again(struct import *im)
{
	struct pending *list = im->pending;
	size_t n = im->n_pending, i;
	struct error err = { "" };
	enum status status = STATUS_OK;

	im->pending = NULL;
	im->n_pending = im->cap_pending = 0;
	for (i = 0; i < n; i++) {
		struct import_result res;

		if (!store_batch_open(im->st)) {
			if ((status = begin_waiting(im->st, &err)))
				break;
			clock_gettime(CLOCK_MONOTONIC, &im->opened);
		}
		if ((status = store_import_prepared(im->st, list[i].origin,
		    list[i].doc, NULL, &res, &err)))
			break;
		pending_add(im, list[i].origin, list[i].doc, &res);
		free(list[i].origin);
	}
	if (status) {
		store_batch_abort(im->st);
		pending_lose(im, im->pending, im->n_pending, status, err.msg);
		im->n_pending = 0;
		pending_lose(im, list + i, n - i, status, err.msg);
	}
	free(list);
}

/* The words of the stored passages: what parsing may take for a word. */
static bool
known_word(void *ctx, const char *word)
{
	return store_vocab_has(ctx, word);
}

/* A file read and parsed: its document, or why there is none. */
struct parsed {
	struct document *doc;
	enum status status;
	struct error err;
	struct store_prepared prep;	/* made when prepared */
	bool prepared;
	bool done;			/* read and parsed, or failed */
	size_t bytes;			/* the file's, read ahead */
};

/*
 * The document of a file's bytes raw[0, len), which it frees; known
 * answers for the words parsing may take for known (a store's
 * vocabulary).
 */
static void
parse_bytes(const struct import_options *opts, char *raw, size_t len,
    struct store *known, struct parsed *out)
{
	char *text = NULL, sha[SHA256_HEX_SIZE];
	size_t text_len;

	out->done = true;
	out->status = document_text(raw, len, opts, &text, &text_len, sha,
	    &out->err);
	if (text && (out->status = parse_document_opts(text, text_len,
	    &(struct parse_options){ .format = opts->format,
	    .known = known_word, .known_ctx = known },
	    &out->doc, &out->err)) == STATUS_OK) {
		memcpy(out->doc->source_sha256, sha, sizeof(sha));
		out->doc->from_pdf = pdf_is_pdf(raw, len);
	}
	if (text != raw)
		free(text);
	free(raw);
}

/* The file at path read and parsed. */
static void
parse_file(const struct import_options *opts, const char *path,
    struct store *known, struct parsed *out)
{
	size_t len;
	/* read_file fails with STATUS_IO only. */
	char *raw = read_file(path, &len, &out->err);

	if (!raw) {
		out->status = STATUS_IO;
		out->done = true;
		return;
	}
	parse_bytes(opts, raw, len, known, out);
}

/* What the open data says of the document, when the caller knows it. */
static void
official(const struct import_options *opts, struct document *doc)
{
	const char *from[] = { opts->zaak, opts->tk_id, opts->tk_number,
	    opts->koop_id };
	char **to[] = { &doc->zaak, &doc->tk_id, &doc->tk_number,
	    &doc->koop_id };

	for (size_t i = 0; i < COUNT(from); i++)
		if (from[i]) {
			free(*to[i]);
			*to[i] = xstrdup(from[i]);
		}
}

/*
 * Stores one file in the open store batch, read and parsed (p) or
 * reading and parsing it first, opening a batch when none is; a batch that
 * has run BATCH_SECONDS is committed after it.  walked: the file was
 * found in a directory, not named: it is stored only when it is a
 * document naast knows.
 */
static void
import_file(struct import *im, const char *path, bool walked,
    struct parsed *p)
{
	const char *origin = strcmp(path, "-") == 0 ? "stdin" : path;
	struct import_result res;
	struct document *doc;
	enum status status;
	char *why;

	if (!p->done) {
		/*
		 * Reading here may take its time (standard input, pdftotext on
		 * a PDF): the lock is let go first, and taken again only once
		 * the file's document is in memory.
		 */
		if (strcmp(path, "-") == 0 || store_batch_open(im->st))
			pending_end(im);
		parse_file(im->opts, path, im->st, p);
	}
	if (!(doc = p->doc)) {
		tell_failed(im, origin, p->status, p->err.msg);
		return;
	}
	p->doc = NULL;
	official(im->opts, doc);
	if (walked && doc->kind == DOC_UNKNOWN) {
		tell_skipped(im, origin, _(NO_DOCUMENT), &im->totals.skipped);
		model_free(doc);
		return;
	}
	if (!store_batch_open(im->st)) {
		double gap = BATCH_GAP_SECONDS - since(&im->committed);

		if (gap > 0 && gap <= BATCH_GAP_SECONDS)
			nanosleep(&(struct timespec){ 0, (long)(gap * 1e9) }, NULL);
		if ((status = begin_waiting(im->st, &p->err)) != STATUS_OK)
			goto failed;
		clock_gettime(CLOCK_MONOTONIC, &im->opened);
	}
	if ((status = store_import_prepared(im->st, origin, doc,
	    p->prepared ? &p->prep : NULL, &res, &p->err)) != STATUS_OK) {
		/* It ended the batch (store.h). */
		pending_again(im);
		goto failed;
	}
	pending_add(im, origin, doc, &res);
	if (since(&im->opened) >= BATCH_SECONDS)
		pending_end(im);
	return;
failed:
	/* store.h: a failed import leaves nothing of the document behind. */
	why = xasprintf(_("nothing of it was stored: %s"), p->err.msg);
	tell_failed(im, origin, status, why);
	free(why);
	model_free(doc);
}

/* ----------------------------------------------------------------- reader */

/*
 * The files after the one being stored are read, parsed, fingerprinted
 * and packed in a thread of their own while the store writes: those were
 * a third of an import.  It goes on reading while a batch commits (the
 * index, half of what the store does), so it may run as far ahead as a
 * commit takes: READ_AHEAD files or READ_AHEAD_BYTES of them, whichever
 * comes first.  The reader asks its own connection to the
 * database which words are known (it sees what the batches before
 * committed, as the store itself does while a batch is open: the
 * vocabulary changes at a commit).  Standard input and PDFs (pdftotext,
 * its time limit and its signals) are left to the import itself, in
 * order.  The ring is the only thing the two threads share, under lock:
 * the reader fills slot made % READ_AHEAD, the import empties slot
 * taken % READ_AHEAD.
 */
#define READ_AHEAD 1024
#define READ_AHEAD_BYTES (16u << 20)

struct reader {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	const struct import_options *opts;
	struct store *known;		/* the reader's connection */
	char *const *files;
	const bool *walked;
	size_t n_files;
	struct parsed *ring;		/* READ_AHEAD of them */
	size_t made, taken;
	size_t ahead;			/* file bytes made, not yet taken */
	bool stop;
};

/* Reads and parses path, unless it is left to the import (done false). */
static void
read_ahead(struct reader *r, const char *path, bool walked, struct parsed *out)
{
	size_t len;
	char *raw;

	if (strcmp(path, "-") == 0)
		return;
	if (!(raw = read_file(path, &len, &out->err))) {
		out->status = STATUS_IO;
		out->done = true;
		return;
	}
	if (pdf_is_pdf(raw, len)) {
		free(raw);
		return;
	}
	out->bytes = len;
	parse_bytes(r->opts, raw, len, r->known, out);
	if (out->doc && !(walked && out->doc->kind == DOC_UNKNOWN)) {
		store_prepare(out->doc, &out->prep);
		out->prepared = true;
	}
}

static void *
reader_main(void *arg)
{
	struct reader *r = arg;

	for (size_t i = 0; i < r->n_files; i++) {
		struct parsed p = { .status = STATUS_OK };
		bool stop;

		pthread_mutex_lock(&r->lock);
		while (!r->stop && (r->made - r->taken == READ_AHEAD ||
		    (r->made > r->taken && r->ahead >= READ_AHEAD_BYTES)))
			pthread_cond_wait(&r->changed, &r->lock);
		stop = r->stop;
		pthread_mutex_unlock(&r->lock);
		if (stop)
			break;
		read_ahead(r, r->files[i], r->walked[i], &p);
		pthread_mutex_lock(&r->lock);
		r->ring[r->made++ % READ_AHEAD] = p;
		r->ahead += p.bytes;
		pthread_cond_broadcast(&r->changed);
		pthread_mutex_unlock(&r->lock);
	}
	return NULL;
}

/* Starts r; false when there is no second connection (a database in memory). */
static bool
reader_start(struct reader *r, struct store *st,
    const struct import_options *opts, char *const *files, const bool *walked,
    size_t n)
{
	struct error err = { "" };
	pthread_condattr_t attr;

	memset(r, 0, sizeof(*r));
	/* Without one, the import reads each file itself. */
	if (n < 2 || store_open_reader(st, &r->known, &err) != STATUS_OK)
		return false;
	r->opts = opts;
	r->files = files;
	r->walked = walked;
	r->n_files = n;
	r->ring = xcalloc(READ_AHEAD, sizeof(*r->ring));
	pthread_mutex_init(&r->lock, NULL);
	/* reader_take waits until a time of CLOCK_MONOTONIC, as batches are timed. */
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&r->changed, &attr);
	pthread_condattr_destroy(&attr);
	if (pthread_create(&r->thread, NULL, reader_main, r) != 0) {
		pthread_cond_destroy(&r->changed);
		pthread_mutex_destroy(&r->lock);
		store_close(r->known);
		free(r->ring);
		return false;
	}
	return true;
}

/*
 * The next file's, in *out, waiting for the reader when it is behind: with
 * a batch of im open, until the batch is due, and then without it, so
 * that no lock is held while a file is read or parsed (a long one, a
 * slow disk).
 */
static void
reader_take(struct reader *r, struct import *im, struct parsed *out)
{
	pthread_mutex_lock(&r->lock);
	while (r->made == r->taken) {
		struct timespec due = im->opened;

		if (!store_batch_open(im->st)) {
			pthread_cond_wait(&r->changed, &r->lock);
			continue;
		}
		due.tv_nsec += (long)(BATCH_SECONDS * 1e9);
		due.tv_sec += due.tv_nsec / 1000000000;
		due.tv_nsec %= 1000000000;
		if (pthread_cond_timedwait(&r->changed, &r->lock, &due) == ETIMEDOUT &&
		    r->made == r->taken) {
			/* Its events are told without the reader's lock held. */
			pthread_mutex_unlock(&r->lock);
			pending_end(im);
			pthread_mutex_lock(&r->lock);
		}
	}
	*out = r->ring[r->taken++ % READ_AHEAD];
	r->ahead -= out->bytes;
	pthread_cond_broadcast(&r->changed);
	pthread_mutex_unlock(&r->lock);
}

static void
parsed_clear(struct parsed *p)
{
	model_free(p->doc);
	store_prepared_clear(&p->prep);
}

static void
reader_stop(struct reader *r)
{
	pthread_mutex_lock(&r->lock);
	r->stop = true;
	pthread_cond_broadcast(&r->changed);
	pthread_mutex_unlock(&r->lock);
	pthread_join(r->thread, NULL);
	while (r->taken < r->made)
		parsed_clear(&r->ring[r->taken++ % READ_AHEAD]);
	pthread_cond_destroy(&r->changed);
	pthread_mutex_destroy(&r->lock);
	store_close(r->known);
	free(r->ring);
}

/* ------------------------------------------------------ files of a directory */

/* What naast imports from a directory: PDF, text and Markdown files. */
static bool
supported(const char *name)
{
	static const char *const ext[] = { ".pdf", ".txt", ".md", ".markdown" };
	size_t n = strlen(name);

	for (size_t i = 0; i < COUNT(ext); i++) {
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

/* Deeper than this is a loop (a bind mount) or a mistake. */
#define MAX_DEPTH 32

/* A directory the walk does not enter: told as failed, not left out unsaid. */
static void
too_deep(struct import *im, const char *dir)
{
	char *why = xasprintf("more than %d directories deep in the one imported: nothing in it was read (import it by name)",
	    MAX_DEPTH);

	tell_failed(im, dir, STATUS_IO, why);
	free(why);
}

/* Whether path (resolved) is root or under it (both resolved). */
static bool
under(const char *root, const char *path)
{
	size_t n = strlen(root);

	if (strcmp(root, "/") == 0)
		return true;
	return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/*
 * Whether path, a file of the directory imported whose resolved path is
 * root, is a symbolic link to a file out of it: a link in a directory
 * that someone else made could take naast to any file this user can
 * read.  Such a link is told as skipped, unless the import follows links.
 * A dangling link is not: it fails as "no such file" when it is read.
 */
static bool
link_out(struct import *im, const char *root, const char *path)
{
	struct stat lsb;
	char *target, *why;

	if (im->opts->follow_links || !root || lstat(path, &lsb) != 0 ||
	    !S_ISLNK(lsb.st_mode) || !(target = realpath(path, NULL)))
		return false;
	if (under(root, target)) {
		free(target);
		return false;
	}
	why = xasprintf(_("a symbolic link to '%s', out of the directory imported: not followed (import that file by name, or use --follow-links)"),
	    target);
	tell_skipped(im, path, why, &im->totals.links_out);
	free(why);
	free(target);
	return true;
}

/*
 * Whether the walk leaves path, a file of the directory imported (root,
 * resolved), alone, telling why: a link out of the directory, or no
 * regular file (a named pipe would keep naast waiting for a writer).
 */
static bool
left_alone(struct import *im, const char *root, const char *path)
{
	struct stat sb;
	char *why;

	if (link_out(im, root, path))
		return true;
	if (stat(path, &sb) != 0 || S_ISREG(sb.st_mode))
		return false;
	why = xasprintf(_("%s, not a file"), status_file_kind(sb.st_mode));
	tell_skipped(im, path, why, &im->totals.not_files);
	free(why);
	return true;
}

/*
 * Adds the supported files under dir to *files, depth first, each
 * directory's entries in name order: the same tree is always imported in
 * the same order.  Symbolic links to directories are not followed (a link
 * can make a loop), nor links to files out of root, the resolved path of
 * the directory imported (NULL: none known), unless the import follows
 * links; what is not a regular file (a named pipe, a device) is skipped
 * and told.  False with a message when dir cannot be read.
 */
static bool
collect(struct import *im, const char *root, const char *dir, int depth,
    char ***files, size_t *n, unsigned long long *bytes)
{
	struct dirent **names;
	int count = scandir(dir, &names, visible, alphasort);

	if (count < 0) {
		char *why = xasprintf(_("cannot read the directory: %s"), strerror(errno));

		tell_failed(im, dir, STATUS_IO, why);
		free(why);
		return false;
	}
	for (int i = 0; i < count; i++) {
		char *path = xasprintf("%s%s%s", dir,
		    dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]->d_name);
		struct stat sb, lsb;

		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			if (lstat(path, &lsb) == 0 && !S_ISLNK(lsb.st_mode)) {
				if (depth < MAX_DEPTH)
					collect(im, root, path, depth + 1, files,
					    n, bytes);
				else
					too_deep(im, path);
			}
			free(path);
		} else if (supported(names[i]->d_name) &&
		    !left_alone(im, root, path)) {
			/* One gone or unreadable is told when it is read. */
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

/* The size of path, or 0 when it has none (standard input) or is gone. */
static unsigned long long
file_size(const char *path)
{
	struct stat sb;

	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0)
		return (unsigned long long)sb.st_size;
	return 0;
}

enum status
import_paths(struct store *st, const char *const *paths, size_t n,
    const struct import_options *opts, const struct import_events *events,
    struct import_totals *totals, struct error *err)
{
	static const struct import_events quiet = { 0 };
	struct import im = {
		.st = st,
		.opts = opts,
		.events = events ? events : &quiet,
		.first = STATUS_OK,
		.err = err,
	};
	struct import_progress progress = { 0 };
	struct timespec start;
	struct reader reader;
	char **files = NULL;
	bool *walked = NULL, reading;
	size_t n_files = 0, cap_walked = 0;

	/* The whole list first: the progress knows how much there is. */
	for (size_t i = 0; i < n; i++) {
		size_t before = n_files;
		bool dir = is_directory(paths[i]);

		if (dir) {
			char *root = realpath(paths[i], NULL);

			im.totals.directories = true;
			collect(&im, root, paths[i], 0, &files, &n_files,
			    &progress.bytes_total);
			free(root);
		} else {
			progress.bytes_total += file_size(paths[i]);
			model_strv_add(&files, &n_files, xstrdup(paths[i]));
		}
		xgrow(&walked, &cap_walked, n_files + 1, sizeof(*walked));
		for (size_t k = before; k < n_files; k++)
			walked[k] = dir;
	}
	progress.total = n_files;
	clock_gettime(CLOCK_MONOTONIC, &start);
	/* Without a larger cache, the import is slower: nothing is lost. */
	store_bulk_begin(st, NULL);
	reading = reader_start(&reader, st, opts, files, walked, n_files);
	for (size_t i = 0; i < n_files; i++) {
		struct parsed p = { .status = STATUS_OK };

		progress.path = files[i];
		progress.seconds = since(&start);
		if (im.events->progress)
			im.events->progress(im.events->ctx, &progress);
		if (reading)
			reader_take(&reader, &im, &p);
		import_file(&im, files[i], walked[i], &p);
		parsed_clear(&p);
		progress.bytes_done += file_size(files[i]);
		progress.done++;
	}
	if (reading)
		reader_stop(&reader);
	pending_end(&im);
	/* A tidy that fails leaves a slower index, not a lost import. */
	store_tidy(st, NULL);
	if (totals)
		*totals = im.totals;
	model_strv_free(files, n_files);
	free(walked);
	free(im.pending);
	return im.first;
}

/* ------------------------------------------------------------- reparse */

/* Parses document id again and replaces its rows; fails with err. */
static enum status
reparse_one(struct store *st, long long id, struct reparse_totals *t,
    struct error *err)
{
	struct doc_source src;
	struct document *doc = NULL;
	struct replace_result res;
	enum status status;

	if ((status = store_doc_source(st, id, &src, err)))
		return status;
	/* The parser that read it first, unless this naast has none of that name. */
	status = parse_document(src.raw, src.raw_len,
	    src.format && parse_find(src.format) ? src.format : NULL, &doc, err);
	if (status == STATUS_OK) {
		/* Still the better form of the document it was. */
		doc->from_pdf = src.from_pdf;
		status = store_replace(st, id, doc, &res, err);
	}
	if (status == STATUS_OK) {
		t->documents++;
		t->changed += res.changed;
		t->basket_kept += res.basket_kept;
		t->basket_lost += res.basket_lost;
	}
	model_free(doc);
	store_doc_source_clear(&src);
	return status;
}

enum status
import_reparse(struct store *st, bool all, const struct import_events *events,
    struct reparse_totals *totals, struct error *err)
{
	struct reparse_totals t = { 0 };
	struct error first = { "" }, why;
	enum status status = STATUS_OK, bad = STATUS_OK;
	struct timespec t0;
	int version = all ? INT_MAX : PARSE_VERSION;
	long long id = 0, last, next;
	size_t total;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((status = store_reparse_count(st, version, &total, &last, err)))
		return status;
	store_bulk_begin(st, NULL);
	while (status == STATUS_OK && (status = store_reparse_next(st,
	    version, id, last, &next, err)) == STATUS_OK && next) {
		char name[32];
		struct import_progress p = {
			.path = name, .done = t.documents + t.failed,
			.total = total, .seconds = since(&t0),
		};

		id = next;
		snprintf(name, sizeof(name), "document %lld", id);
		if (events && events->progress)
			events->progress(events->ctx, &p);
		why.msg[0] = '\0';
		if ((status = reparse_one(st, id, &t, &why)) != STATUS_OK) {
			struct import_file f = {
				.origin = name, .outcome = IMPORT_FAILED,
				.status = status, .message = why.msg,
			};

			t.failed++;
			if (events && events->file)
				events->file(events->ctx, &f);
			if (bad == STATUS_OK) {
				bad = status;
				first = why;
			}
			/* A database that cannot be written ends it; a text, not. */
			status = status == STATUS_DB || status == STATUS_DB_BUSY ?
			    status : STATUS_OK;
		}
	}
	if (events && events->batch_end)
		events->batch_end(events->ctx, status == STATUS_OK);
	store_tidy(st, NULL);
	if (totals)
		*totals = t;
	if (status == STATUS_OK && bad != STATUS_OK) {
		if (err)
			*err = first;
		return bad;
	}
	return status;
}
