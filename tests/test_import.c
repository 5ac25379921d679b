/*
 * test_import: paths on disk into a real SQLite database through
 * import_paths, the one way in: a published PDF, Latin-1 text, a
 * directory, standard input, and files that are refused.  Each test
 * checks what the events told, file by file, and what the store then
 * holds, read back through store.h.  And parse_document, given a PDF's
 * bytes rather than its text, points to the import.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "import.h"
#include "parse.h"
#include "store.h"
#include "store_db.h"		/* the store's connection, for a trigger of the test's own */
#include "xalloc.h"

/* One of the published answers of tests/corpus-pdf: OCW, six vragen. */
#define PDF_OCW "tests/corpus-pdf/00fe7edd-24c8-4857-98da-774ed3b06836.pdf"

/* ---------------------------------------------------------------- fixtures */

struct fixture {
	char dir[64];		/* the files imported, and the database */
	char db[128];
	struct store *st;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct error err = { "" };

	snprintf(f->dir, sizeof(f->dir), "/tmp/naast-test-import-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->db, sizeof(f->db), "%s/naast.db", f->dir);
	if (store_open(f->db, &f->st, &err) != STATUS_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);

	store_close(f->st);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(f);
	return 0;
}

/* f->dir/name, newly allocated. */
static char *
path_in(const struct fixture *f, const char *name)
{
	return xasprintf("%s/%s", f->dir, name);
}

/* Writes n bytes to f->dir/name; returns its path. */
static char *
write_file(const struct fixture *f, const char *name, const char *data, size_t n)
{
	char *path = path_in(f, name);
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
	return path;
}

/* Copies a file of the source tree to f->dir/name; returns its path. */
static char *
copy_file(const struct fixture *f, const char *relpath, const char *name)
{
	size_t n;
	char *data = test_read_file(relpath, &n);
	char *path = write_file(f, name, data, n);

	free(data);
	return path;
}

/* ------------------------------------------------------- what is told */

struct told_file {
	char *origin;
	enum import_outcome outcome;
	enum status status;
	struct import_result result;
	size_t n_warnings;
	char *message;
};

/* Everything the events told, in order. */
struct told {
	struct store *st;
	struct told_file files[16];
	size_t n_files;
	char *progress[16];		/* the paths, before each file */
	size_t n_progress;
	unsigned long long bytes_total;	/* as the progress told it */
	size_t batches_stored, batches_undone;
	bool stored_in_open_batch;	/* a stored file told before its commit */
};

static void
on_progress(void *ctx, const struct import_progress *p)
{
	struct told *t = ctx;

	assert_true(t->n_progress < 16);
	assert_int_equal(p->done, t->n_progress);
	assert_true(p->bytes_done <= p->bytes_total);
	t->bytes_total = p->bytes_total;
	t->progress[t->n_progress++] = xstrdup(p->path);
}

static void
on_file(void *ctx, const struct import_file *f)
{
	struct told *t = ctx;
	struct told_file *c;

	assert_true(t->n_files < 16);
	c = &t->files[t->n_files++];
	c->origin = xstrdup(f->origin);
	c->outcome = f->outcome;
	c->status = f->status;
	c->result = f->result;
	c->n_warnings = f->n_warnings;
	c->message = xstrdup(f->message);
	for (size_t i = 0; i < f->n_warnings; i++)
		assert_true(f->warnings[i].text[0] != '\0');
	if (f->outcome == IMPORT_FAILED) {
		assert_int_not_equal(f->status, STATUS_OK);
		assert_true(f->message[0] != '\0');
	} else {
		assert_int_equal(f->status, STATUS_OK);
		assert_string_equal(f->message, "");
		if (store_batch_open(t->st))
			t->stored_in_open_batch = true;
	}
}

static void
on_batch_end(void *ctx, bool stored)
{
	struct told *t = ctx;

	stored ? t->batches_stored++ : t->batches_undone++;
	assert_false(store_batch_open(t->st));
}

static void
told_free(struct told *t)
{
	for (size_t i = 0; i < t->n_files; i++) {
		free(t->files[i].origin);
		free(t->files[i].message);
	}
	for (size_t i = 0; i < t->n_progress; i++)
		free(t->progress[i]);
	memset(t, 0, sizeof(*t));
}

/* Imports the n paths into f's store, telling t. */
static enum status
import(struct fixture *f, const char *const *paths, size_t n,
    enum import_encoding encoding, struct told *t, struct import_totals *totals,
    struct error *err)
{
	const struct import_options opts = { .encoding = encoding };
	const struct import_events events = {
		.ctx = t,
		.progress = on_progress,
		.file = on_file,
		.batch_end = on_batch_end,
	};

	told_free(t);
	t->st = f->st;
	return import_paths(f->st, paths, n, &opts, &events, totals, err);
}

/* What the events told of origin; fails the test when they told nothing. */
static const struct told_file *
told_of(const struct told *t, const char *origin)
{
	for (size_t i = 0; i < t->n_files; i++)
		if (strcmp(t->files[i].origin, origin) == 0)
			return &t->files[i];
	fail_msg("nothing told of %s", origin);
	return NULL;
}

/* Whether any passage of document doc holds needle. */
static bool
document_says(struct store *st, long long doc, const char *needle)
{
	struct doc_view view;
	struct error err = { "" };
	bool found = false;

	assert_int_equal(store_document(st, doc, &view, &err), STATUS_OK);
	for (size_t i = 0; i < view.n_passages && !found; i++)
		found = strstr(view.passages[i].text, needle) != NULL;
	store_document_clear(&view);
	return found;
}

/* -------------------------------------------------------------------- PDF */

static bool
have_pdftotext(void)
{
	return system("command -v pdftotext >/dev/null 2>&1") == 0;
}

static void
test_pdf(void **state)
{
	struct fixture *f = *state;
	char *pdf;
	const char *paths[1];
	struct told t = { 0 };
	struct import_totals totals;
	struct error err = { "" };
	const struct told_file *c;
	struct doc_view view;
	struct set_info set;

	if (!have_pdftotext())
		skip();
	paths[0] = pdf = copy_file(f, PDF_OCW, "answer.pdf");
	assert_int_equal(import(f, paths, 1, IMPORT_UTF8, &t, &totals, &err),
	    STATUS_OK);
	assert_int_equal(totals.imported, 1);
	assert_int_equal(totals.failed, 0);
	assert_false(totals.directories);
	assert_int_equal(t.n_files, 1);
	c = told_of(&t, pdf);
	assert_int_equal(c->outcome, IMPORT_STORED);
	assert_int_equal(c->result.kind, DOC_ANSWER);
	assert_string_equal(c->result.ministry, "OCW");
	assert_int_equal(c->result.n_vragen, 6);
	assert_false(t.stored_in_open_batch);
	assert_int_equal(t.batches_stored, 1);

	/* The store has it: the text of the PDF, read as pdftotext gives it. */
	assert_int_equal(store_document(f->st, c->result.doc, &view, &err), STATUS_OK);
	assert_string_equal(view.origin, pdf);
	assert_string_equal(view.format, "pdftext");
	assert_int_equal(view.kind, DOC_ANSWER);
	store_document_clear(&view);
	assert_int_equal(store_set_get(f->st, c->result.set, &set, &err), STATUS_OK);
	assert_int_equal(set.n_questions, 6);
	assert_int_equal(set.n_answers, 1);
	assert_string_equal(set.answers[0].ministry, "OCW");
	store_set_info_clear(&set);
	assert_true(document_says(f->st, c->result.doc, "regenboogprovincie"));

	/* The same bytes again, under another name: unchanged, the same document. */
	{
		char *again = copy_file(f, PDF_OCW, "again.pdf");
		const char *paths2[] = { again };
		long long doc = c->result.doc;

		assert_int_equal(import(f, paths2, 1, IMPORT_UTF8, &t, &totals, &err),
		    STATUS_OK);
		assert_int_equal(totals.unchanged, 1);
		c = told_of(&t, again);
		assert_int_equal(c->outcome, IMPORT_UNCHANGED);
		assert_true(c->result.unchanged);
		assert_int_equal(c->result.doc, doc);
		free(again);
	}
	told_free(&t);
	free(pdf);
}

/* ---------------------------------------------------------------- Latin-1 */

/* A letter in Windows-1252: ë, €, curly quotes, an en dash, ï. */
static const char latin1_letter[] =
    "Geachte heer Jansen,\n\nDe Financi\353n van het Rijk: \200 5 miljoen, "
    "\223zo\224 gezegd \226 met na\357ve cijfers.\n\nHoogachtend,\n";

static void
test_latin1(void **state)
{
	struct fixture *f = *state;
	char *path = write_file(f, "latin1.txt", latin1_letter,
	    sizeof(latin1_letter) - 1);
	const char *paths[] = { path };
	struct told t = { 0 };
	struct import_totals totals;
	struct error err = { "" };
	const struct told_file *c;
	char *expect;

	/* Read as UTF-8 it is refused, and the message says what to do. */
	assert_int_equal(import(f, paths, 1, IMPORT_UTF8, &t, &totals, &err),
	    STATUS_NOT_UTF8);
	assert_int_equal(totals.failed, 1);
	c = told_of(&t, path);
	assert_int_equal(c->outcome, IMPORT_FAILED);
	assert_int_equal(c->status, STATUS_NOT_UTF8);
	assert_non_null(strstr(c->message,
	    "not UTF-8: byte 0xEB at byte offset 32 (line 3)"));
	assert_non_null(strstr(c->message, "--encoding latin1"));
	/* err names the file and says the same. */
	expect = xasprintf("%s: %s", path, c->message);
	assert_string_equal(err.msg, expect);
	free(expect);
	assert_true(store_is_empty(f->st));

	/* As Latin-1 it is a letter, its text in UTF-8. */
	assert_int_equal(import(f, paths, 1, IMPORT_LATIN1, &t, &totals, &err),
	    STATUS_OK);
	c = told_of(&t, path);
	assert_int_equal(c->outcome, IMPORT_STORED);
	assert_int_equal(c->result.kind, DOC_LETTER);
	assert_true(document_says(f->st, c->result.doc,
	    "De Financi\xc3\xabn van het Rijk: \xe2\x82\xac 5 miljoen, "
	    "\xe2\x80\x9czo\xe2\x80\x9d gezegd \xe2\x80\x93 met na\xc3\xafve cijfers."));
	told_free(&t);
	free(path);
}

/* -------------------------------------------------------------- a directory */

static void
test_directory(void **state)
{
	struct fixture *f = *state;
	char *dir = path_in(f, "docs");
	char *sub = path_in(f, "docs/a");
	char *az, *bzk, *empty, *letter, *noise, *hidden;
	const char *paths[] = { dir };
	struct told t = { 0 };
	struct import_totals totals;
	struct error err = { "" };
	struct set_cursor cursor = { "", 0 };
	struct set_info *sets = NULL;
	struct letter_info *letters = NULL;
	long long after = 0;
	size_t n;
	struct stat sb;
	unsigned long long bytes = 0;

	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	az = copy_file(f, SEED_PDFTEXT, "docs/000.txt");
	bzk = copy_file(f, SEED_MARKDOWN, "docs/a/b.md");
	empty = write_file(f, "docs/empty.txt", "", 0);
	letter = copy_file(f, SEED_LETTER, "docs/z-letter.txt");
	/* Neither is imported: not a document's name, and hidden. */
	noise = write_file(f, "docs/notes.jpg", "\xff\xd8\xff", 3);
	hidden = copy_file(f, SEED_LETTER, "docs/.hidden.txt");
	stat(az, &sb);
	bytes += (unsigned long long)sb.st_size;
	stat(bzk, &sb);
	bytes += (unsigned long long)sb.st_size;
	stat(letter, &sb);
	bytes += (unsigned long long)sb.st_size;

	assert_int_equal(import(f, paths, 1, IMPORT_UTF8, &t, &totals, &err),
	    STATUS_EMPTY);
	assert_true(totals.directories);
	assert_int_equal(totals.imported, 3);
	assert_int_equal(totals.unchanged, 0);
	assert_int_equal(totals.failed, 1);

	/* Depth first, each directory in name order. */
	assert_int_equal(t.n_progress, 4);
	assert_string_equal(t.progress[0], az);
	assert_string_equal(t.progress[1], bzk);
	assert_string_equal(t.progress[2], empty);
	assert_string_equal(t.progress[3], letter);

	assert_int_equal(t.n_files, 4);
	assert_int_equal(told_of(&t, az)->result.kind, DOC_ANSWER);
	assert_string_equal(told_of(&t, az)->result.ministry, "AZ");
	assert_int_equal(told_of(&t, az)->result.n_vragen, 9);
	assert_string_equal(told_of(&t, bzk)->result.ministry, "BZK");
	assert_int_equal(told_of(&t, bzk)->result.set, told_of(&t, az)->result.set);
	assert_int_equal(told_of(&t, letter)->result.kind, DOC_LETTER);
	assert_int_equal(told_of(&t, empty)->outcome, IMPORT_FAILED);
	assert_int_equal(told_of(&t, empty)->status, STATUS_EMPTY);
	assert_string_equal(told_of(&t, empty)->message,
	    "the file is empty: there is nothing to import (check that it is the file you meant)");
	assert_false(t.stored_in_open_batch);
	assert_true(t.batches_stored >= 1);
	assert_true(t.bytes_total == bytes);

	/* The store: one set answered by AZ and BZK, and one letter. */
	assert_int_equal(store_sets_page(f->st, &cursor, 10, &sets, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_int_equal(sets[0].n_answers, 2);
	assert_int_equal(sets[0].n_questions, 9);
	store_sets_free(sets, n);
	assert_int_equal(store_letters_page(f->st, &after, 10, &letters, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_string_equal(letters[0].origin, letter);
	store_letters_free(letters, n);

	/* Again: the same files, unchanged. */
	assert_int_equal(import(f, paths, 1, IMPORT_UTF8, &t, &totals, &err),
	    STATUS_EMPTY);
	assert_int_equal(totals.imported, 0);
	assert_int_equal(totals.unchanged, 3);
	assert_int_equal(totals.failed, 1);
	assert_int_equal(told_of(&t, letter)->outcome, IMPORT_UNCHANGED);

	told_free(&t);
	free(dir);
	free(sub);
	free(az);
	free(bzk);
	free(empty);
	free(letter);
	free(noise);
	free(hidden);
}

/* ---------------------------------------------------------------- in bulk */

/* A setting of FTS5 for the words index (automerge, hashsize), as stored. */
static long long
index_setting(const struct fixture *f, const char *key)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;

	assert_int_equal(sqlite3_open_v2(f->db, &db, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
	    "SELECT v FROM passage_words_config WHERE k = ?1", -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/*
 * An import of many files leaves merging the index to its end and keeps
 * more new terms in memory, and puts FTS5's own merging and memory back
 * then; an import stopped before its end (here: a bulk batch committed,
 * no tidy) is put right by the next.
 */
static void
test_bulk(void **state)
{
	struct fixture *f = *state;
	char *az = copy_file(f, SEED_PDFTEXT, "az.txt");
	char *bzk = copy_file(f, SEED_MARKDOWN, "bzk.md");
	char *letter = copy_file(f, SEED_LETTER, "letter.txt");
	const char *first[] = { az }, *rest[] = { bzk, letter };
	struct import_totals totals;
	struct import_result res;
	struct document *doc;
	struct told t = { 0 };
	struct error err = { "" };
	size_t len;
	char *raw = test_read_file(SEED_PDFTEXT, &len);

	/* Stopped: a bulk batch committed, and the process gone. */
	assert_int_equal(store_bulk_begin(f->st, &err), STATUS_OK);
	assert_int_equal(store_batch_begin(f->st, &err), STATUS_OK);
	assert_int_equal(parse_document(raw, len, NULL, &doc, &err), STATUS_OK);
	assert_int_equal(store_import(f->st, "az.txt", doc, &res, &err),
	    STATUS_OK);
	assert_int_equal(store_batch_commit(f->st, &err), STATUS_OK);
	assert_int_equal(index_setting(f, "automerge"), 0);
	assert_int_equal(index_setting(f, "hashsize"), 4194304);

	/* The next import merges and gives FTS5 its merging back. */
	assert_int_equal(import(f, rest, 2, IMPORT_UTF8, &t, &totals, &err),
	    STATUS_OK);
	assert_int_equal(totals.imported, 2);
	assert_int_equal(index_setting(f, "automerge"), 4);
	assert_int_equal(index_setting(f, "hashsize"), 1048576);

	/* Files that were all there already change nothing. */
	assert_int_equal(import(f, first, 1, IMPORT_UTF8, &t, &totals, &err),
	    STATUS_OK);
	assert_int_equal(totals.unchanged, 1);
	assert_int_equal(index_setting(f, "automerge"), 4);
	assert_int_equal(index_setting(f, "hashsize"), 1048576);

	model_free(doc);
	told_free(&t);
	free(raw);
	free(az);
	free(bzk);
	free(letter);
}

/*
 * A file that fails in the store ends its batch (store.h): the files
 * stored in it before go in again, and the import goes on.  No file that
 * parses makes the store fail, so a temporary trigger of the test's own,
 * on the store's connection, refuses the second file's row.
 */
static void
test_failure_ends_batch(void **state)
{
	struct fixture *f = *state;
	char *dir = path_in(f, "docs");
	char *az, *bzk, *letter;
	const char *paths[] = { dir };
	struct told t = { 0 };
	struct import_totals totals;
	struct error err = { "" };
	struct set_cursor cursor = { "", 0 };
	struct set_info *sets = NULL;
	const struct told_file *c;
	size_t n;

	assert_int_equal(mkdir(dir, 0700), 0);
	az = copy_file(f, SEED_PDFTEXT, "docs/a.txt");
	bzk = copy_file(f, SEED_MARKDOWN, "docs/b.md");
	letter = copy_file(f, SEED_LETTER, "docs/c.txt");
	assert_int_equal(sqlite3_exec(f->st->db,
	    "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.document"
	    " WHEN new.origin LIKE '%/b.md'"
	    " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
	    NULL, NULL, NULL), SQLITE_OK);

	assert_int_equal(import(f, paths, 1, IMPORT_UTF8, &t, &totals, &err),
	    STATUS_DB);
	assert_int_equal(totals.imported, 2);
	assert_int_equal(totals.failed, 1);
	/* one batch: the first file was in it when the second failed */
	assert_int_equal(t.batches_stored, 1);
	c = told_of(&t, bzk);
	assert_int_equal(c->outcome, IMPORT_FAILED);
	assert_non_null(strstr(c->message, "nothing of it was stored"));
	assert_non_null(strstr(c->message, "refused by the test"));
	assert_int_equal(told_of(&t, az)->outcome, IMPORT_STORED);
	assert_int_equal(told_of(&t, letter)->outcome, IMPORT_STORED);
	assert_true(document_says(f->st, told_of(&t, az)->result.doc,
	    "ambtenaren"));
	assert_int_equal(store_sets_page(f->st, &cursor, 10, &sets, &n, &err),
	    STATUS_OK);
	assert_int_equal(n, 1);
	assert_int_equal(sets[0].n_answers, 1);
	store_sets_free(sets, n);

	/* Without the trigger the second file goes in; the others are here. */
	assert_int_equal(sqlite3_exec(f->st->db, "DROP TRIGGER temp.refuse",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(import(f, paths, 1, IMPORT_UTF8, &t, &totals, &err),
	    STATUS_OK);
	assert_int_equal(totals.imported, 1);
	assert_int_equal(totals.unchanged, 2);
	assert_int_equal(told_of(&t, bzk)->outcome, IMPORT_STORED);

	told_free(&t);
	free(dir);
	free(az);
	free(bzk);
	free(letter);
}

/* ------------------------------------------------------------ what is refused */

static void
test_refused(void **state)
{
	struct fixture *f = *state;
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	char binary[256];
	char *empty, *blank, *image, *bin, *nul, *missing;
	struct told t = { 0 };
	struct import_totals totals;
	struct error err = { "" };

	for (size_t i = 0; i < sizeof(binary); i++)
		binary[i] = (char)(i * 37);
	empty = write_file(f, "empty.txt", "", 0);
	blank = write_file(f, "blank.txt", " \n\t\n", 4);
	image = write_file(f, "pixel.png", png, sizeof(png) - 1);
	bin = write_file(f, "random.txt", binary, sizeof(binary));
	nul = write_file(f, "nul.txt", "Geachte heer,\n\0\nHoogachtend,\n", 29);
	missing = path_in(f, "nope.txt");
	{
		const char *paths[] = { empty, blank, image, bin, nul, missing };

		assert_int_equal(import(f, paths, 6, IMPORT_UTF8, &t, &totals, &err),
		    STATUS_EMPTY);
	}
	assert_int_equal(totals.failed, 6);
	assert_int_equal(totals.imported + totals.unchanged, 0);
	assert_int_equal(t.n_files, 6);
	assert_int_equal(told_of(&t, empty)->status, STATUS_EMPTY);
	assert_int_equal(told_of(&t, blank)->status, STATUS_EMPTY);
	assert_non_null(strstr(told_of(&t, blank)->message, "only white space"));
	assert_int_equal(told_of(&t, image)->status, STATUS_BINARY);
	assert_string_equal(told_of(&t, image)->message, "a PNG image, not a document");
	assert_int_equal(told_of(&t, bin)->status, STATUS_BINARY);
	assert_string_equal(told_of(&t, bin)->message,
	    "binary data, not text (naast reads text, Markdown and PDF)");
	assert_int_equal(told_of(&t, nul)->status, STATUS_BINARY);
	assert_non_null(strstr(told_of(&t, nul)->message,
	    "a NUL byte at byte offset 14 (line 2)"));
	assert_int_equal(told_of(&t, missing)->status, STATUS_IO);
	assert_string_equal(told_of(&t, missing)->message,
	    "no such file (check the name and the directory)");
	assert_int_equal(t.batches_stored, 0);
	assert_true(store_is_empty(f->st));

	/* Without events and totals too: the status and err say it. */
	{
		const char *paths[] = { image };
		const struct import_options opts = { .encoding = IMPORT_UTF8 };
		char *expect = xasprintf("%s: a PNG image, not a document", image);

		assert_int_equal(import_paths(f->st, paths, 1, &opts, NULL, NULL, &err),
		    STATUS_BINARY);
		assert_string_equal(err.msg, expect);
		free(expect);
	}
	told_free(&t);
	free(empty);
	free(blank);
	free(image);
	free(bin);
	free(nul);
	free(missing);
}

/*
 * A damaged PDF that keeps pdftotext busy (reading it from standard input,
 * as naast gives it, this one runs for minutes) is stopped at the time
 * allowed and refused in one line; nothing is stored.
 */
static void
test_pdftotext_stopped(void **state)
{
	static const char never_ends[] = "#!/bin/sh\nPATH=/usr/bin:/bin exec sleep 60\n";
	struct fixture *f = *state;
	size_t len;
	char *pdf = test_read_file("fuzz/regressions/import/pdftotext-busy-on-stdin",
	    &len);
	char *file = write_file(f, "busy.pdf", pdf, len);
	char *stand_in = write_file(f, "pdftotext", never_ends,
	    sizeof(never_ends) - 1);
	char *path = getenv("PATH") ? xstrdup(getenv("PATH")) : NULL;
	const char *paths[] = { file };
	const struct import_options opts = { .encoding = IMPORT_UTF8, .pdf_seconds = 1 };
	struct error err = { "" };
	struct timespec t0, t1;

	/*
	 * A pdftotext that never ends, first in PATH: the real one fails
	 * that PDF at its memory limit (pdf.h) before any deadline.
	 */
	assert_int_equal(chmod(stand_in, 0755), 0);
	assert_int_equal(setenv("PATH", f->dir, 1), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(import_paths(f->st, paths, 1, &opts, NULL, NULL, &err),
	    STATUS_FORMAT);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (path)
		setenv("PATH", path, 1);
	else
		unsetenv("PATH");
	assert_non_null(strstr(err.msg, "pdftotext took longer than 1 s on it"));
	assert_true(t1.tv_sec - t0.tv_sec < 30);
	assert_true(store_is_empty(f->st));

	/* The real one: stopped at its memory limit, in seconds. */
	err.msg[0] = '\0';
	if (have_pdftotext()) {
		assert_int_equal(import_paths(f->st, paths, 1,
		    &(struct import_options){ .encoding = IMPORT_UTF8 }, NULL,
		    NULL, &err), STATUS_FORMAT);
		assert_non_null(strstr(err.msg, "more than the 512 MiB of memory"));
		assert_true(store_is_empty(f->st));
	}
	free(path);
	free(stand_in);
	free(pdf);
	free(file);
}

/* ---------------------------------------------------- standard input, warnings */

static void
test_stdin(void **state)
{
	struct fixture *f = *state;
	static const char text[] = "Hallo wereld.\n\nDit is geen brief.\n";
	char *path = write_file(f, "plain.txt", text, sizeof(text) - 1);
	const char *paths[] = { "-" };
	struct told t = { 0 };
	struct import_totals totals;
	struct error err = { "" };
	const struct told_file *c;

	assert_non_null(freopen(path, "rb", stdin));
	assert_int_equal(import(f, paths, 1, IMPORT_UTF8, &t, &totals, &err),
	    STATUS_OK);
	assert_int_equal(t.n_progress, 1);
	assert_string_equal(t.progress[0], "-");
	c = told_of(&t, "stdin");
	assert_int_equal(c->outcome, IMPORT_STORED);
	/* Text with no structure is kept, with a warning that says so. */
	assert_int_equal(c->result.kind, DOC_UNKNOWN);
	assert_int_equal(c->n_warnings, 1);
	assert_true(document_says(f->st, c->result.doc, "Dit is geen brief."));
	told_free(&t);
	free(path);
}

/* ------------------------------------------------- PDF bytes, not through here */

/*
 * parse_document reads text: given the bytes of a PDF instead of going
 * through the import, it says to import the file, which extracts the text.
 */
static void
test_parse_pdf_bytes(void **state)
{
	struct document *doc = NULL;
	struct error err = { "" };
	size_t len;
	char *pdf = test_read_file(PDF_OCW, &len);

	(void)state;
	assert_int_equal(parse_document(pdf, len, NULL, &doc, &err), STATUS_FORMAT);
	assert_null(doc);
	assert_string_equal(err.msg,
	    "the bytes of a PDF, not its text: import the PDF as a file (naast import FILE.pdf), and naast extracts its text");
	assert_null(strstr(err.msg, "pdftotext"));
	free(pdf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pdf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_latin1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failure_ends_batch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),

		cmocka_unit_test_setup_teardown(test_pdftotext_stopped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stdin, setup, teardown),
		cmocka_unit_test(test_parse_pdf_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
