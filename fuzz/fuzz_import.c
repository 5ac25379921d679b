/*
 * fuzz_import: any bytes as a file on disk, imported the way every import
 * goes, through import_paths: read, checked, a PDF through pdftotext,
 * parsed and stored, into a fresh database for each input, so that what
 * one input leaves behind never decides another's fate and every finding
 * replays alone.  The database is in memory: its file is the store's
 * business (test_store, faults.sh), and opening one costs enough (some
 * 25 ms under the sanitizers, the most of a run) without a disk.  What is
 * checked is what import.h promises of each file: it is told once, and
 * either refused with a status and a message, nothing of it stored, or
 * stored, told only once its batch is committed, and then in the store
 * under its name; the same bytes again are unchanged (or, for a PDF that
 * pdftotext took its whole time on, refused as too slow: how long it takes
 * depends on the machine's load, not on the bytes).  Bytes refused as
 * UTF-8 are imported again as Latin-1, as the message tells a user to.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"
#include "import.h"
#include "store.h"
#include "xalloc.h"

/* The input, as a file: made once per process, removed at its exit. */
static char dir[64];
static char path[96];

static void
remove_input(void)
{
	unlink(path);
	rmdir(dir);
}

static void
write_input(const uint8_t *data, size_t size)
{
	FILE *fp;

	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "%s/naast-fuzz-import-XXXXXX",
		    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		fuzz_require(mkdtemp(dir) != NULL, "a temporary directory can be made");
		snprintf(path, sizeof(path), "%s/input", dir);
		atexit(remove_input);
	}
	fp = fopen(path, "wb");
	fuzz_require(fp != NULL, "the input can be written");
	fuzz_require(fwrite(data, 1, size, fp) == size && fclose(fp) == 0,
	    "the input can be written");
}

/*
 * pdftotext's time on a PDF: the grown ones (fuzz/grow.c) take a few
 * seconds on a busy machine.
 */
#define PDF_TIME 20

/* What the events told of the one file. */
struct told {
	double seconds;		/* that the import took */
	struct store *st;
	size_t files, progress;
	enum import_outcome outcome;
	enum status status;
	struct import_result result;
};

static void
on_progress(void *ctx, const struct import_progress *p)
{
	struct told *t = ctx;

	fuzz_require(p->total == 1 && p->done == 0 && strcmp(p->path, path) == 0,
	    "the progress names the one file, before it is read");
	t->progress++;
}

static void
on_file(void *ctx, const struct import_file *f)
{
	struct told *t = ctx;

	t->files++;
	t->outcome = f->outcome;
	t->status = f->status;
	t->result = f->result;
	fuzz_require(strcmp(f->origin, path) == 0, "a file is told under its name");
	if (f->outcome == IMPORT_FAILED) {
		fuzz_require(f->status != STATUS_OK, "a refusal has a status");
		fuzz_require(f->message[0] != '\0' && !strchr(f->message, '\n'),
		    "a refusal says why, on one line");
		return;
	}
	fuzz_require(f->status == STATUS_OK && f->message[0] == '\0',
	    "a stored file has no failure");
	fuzz_require(!store_batch_open(t->st),
	    "a stored file is told only once its batch is committed");
	fuzz_require(f->result.doc > 0, "a stored file names its document");
	for (size_t i = 0; i < f->n_warnings; i++)
		fuzz_require(f->warnings[i].text && f->warnings[i].text[0],
		    "a warning has a text");
}

/* Imports the input into st; returns what was told of it. */
static struct told
import_input(struct store *st, enum import_encoding encoding)
{
	const char *const paths[] = { path };
	/* A PDF that keeps pdftotext busy is refused well within a run's time. */
	const struct import_options opts = { .encoding = encoding,
	    .pdf_seconds = PDF_TIME };
	struct told t = { .st = st };
	const struct import_events events = {
		.ctx = &t,
		.progress = on_progress,
		.file = on_file,
	};
	struct import_totals totals;
	struct error err = { "" };
	struct timespec t0, t1;
	enum status status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	status = import_paths(st, paths, 1, &opts, &events, &totals, &err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	t.seconds = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	fuzz_require(t.progress == 1 && t.files == 1, "the file is told once");
	fuzz_require(!totals.directories, "a file is no directory");
	fuzz_require(totals.imported + totals.unchanged + totals.failed == 1,
	    "the totals count the file once");
	if (t.outcome == IMPORT_FAILED) {
		fuzz_require(status == t.status && totals.failed == 1 &&
		    strncmp(err.msg, path, strlen(path)) == 0,
		    "import_paths returns the refusal, naming the file");
	} else {
		fuzz_require(status == STATUS_OK && totals.failed == 0,
		    "import_paths returns success for a stored file");
	}
	return t;
}

static void
check_stored(struct store *st, const struct told *t)
{
	struct doc_view doc;
	struct error err = { "" };

	fuzz_require(store_document(st, t->result.doc, &doc, &err) == STATUS_OK,
	    "a stored file is in the store");
	fuzz_require(strcmp(doc.origin, path) == 0, "under its name");
	fuzz_require(doc.kind == t->result.kind, "of the kind told");
	store_document_clear(&doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum import_encoding encoding = IMPORT_UTF8;
	struct store *st = NULL;
	struct error err = { "" };
	struct told t, again;

	write_input(data, size);
	fuzz_require(store_open(":memory:", &st, &err) == STATUS_OK,
	    "a database in memory opens");
	t = import_input(st, encoding);
	if (t.outcome == IMPORT_FAILED && t.status == STATUS_NOT_UTF8)
		t = import_input(st, encoding = IMPORT_LATIN1);
	if (t.outcome == IMPORT_FAILED) {
		fuzz_require(store_is_empty(st), "nothing of a refused file is stored");
	} else {
		fuzz_require(t.outcome == IMPORT_STORED, "a new database has it new");
		check_stored(st, &t);
		again = import_input(st, encoding);
		if (again.outcome == IMPORT_FAILED && again.status == STATUS_FORMAT &&
		    again.seconds >= PDF_TIME && size >= 5 &&
		    memcmp(data, "%PDF-", 5) == 0) {
			/* pdftotext ran out of its time (the machine's load):
			 * refused, and what was stored stays as it was */
			check_stored(st, &t);
		} else {
			fuzz_require(again.outcome == IMPORT_UNCHANGED &&
			    again.result.unchanged &&
			    again.result.doc == t.result.doc,
			    "the same bytes again are unchanged, the same document");
		}
	}
	store_close(st);
	return 0;
}
