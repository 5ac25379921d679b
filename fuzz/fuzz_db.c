/*
 * fuzz_db: a naast database someone else handed over, damaged or
 * tampered with.  The input is not the file itself but what was done to
 * one: a database that naast made (the bundled corpus imported, two
 * passages in the basket, made once per process) with the input's
 * patches written into it, each aimed at a page's header or anywhere in
 * a page, or the file cut short.  So every run starts from naast's own
 * schema and data, and the fuzzer's bytes decide where it breaks.
 * What is checked is what store.h promises: the store opens, or refuses
 * with a status and one line; once open, every read the interface and
 * the command line make (the library, sets and their vragen, letters,
 * search, a document whole, the basket and its export) returns a status,
 * and a failure says why on one line.  Nothing may crash, hang or read
 * out of bounds, whatever the file holds.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "fuzz.h"
#include "import.h"
#include "store.h"
#include "xalloc.h"

/* The page size naast's schema sets (store.c). */
#define PAGE_SIZE 16384
/* Patches of an input, and bytes each. */
#define MAX_PATCHES 16
#define MAX_PATCH 32

static char dir[64];
static char path[96];
static uint8_t *made;		/* the database naast made */
static size_t made_size;

static void
remove_files(void)
{
	char side[128];

	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
	rmdir(dir);
}

/* The database naast makes of the bundled corpus, with a basket. */
static void
make_database(void)
{
	const char *const corpus[] = { NAAST_SRCDIR "/assets/corpus" };
	const struct import_options opts = { .encoding = IMPORT_UTF8 };
	struct import_totals totals;
	struct error err = { "" };
	struct store *st = NULL;
	bool added;

	snprintf(dir, sizeof(dir), "%s/naast-fuzz-db-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	fuzz_require(mkdtemp(dir) != NULL, "a temporary directory can be made");
	snprintf(path, sizeof(path), "%s/naast.db", dir);
	atexit(remove_files);
	fuzz_require(store_open(path, &st, &err) == STATUS_OK,
	    "a new database opens");
	fuzz_require(import_paths(st, corpus, 1, &opts, NULL, &totals, &err) ==
	    STATUS_OK && totals.imported > 0, "the bundled corpus imports");
	fuzz_require(store_select_add(st, 3, &added, &err) == STATUS_OK &&
	    store_select_add(st, 12, &added, &err) == STATUS_OK,
	    "passages go into the basket");
	store_close(st);
	made = fuzz_read_file(path, &made_size);
	fuzz_require(made && made_size > 2 * PAGE_SIZE, "the database made can be read");
	remove_files();
	fuzz_require(mkdir(dir, 0700) == 0, "the directory is there again");
}

/* The database made, with the input's patches, as the file at path. */
static void
write_patched(const uint8_t *data, size_t size)
{
	struct fuzz_reader r = { data, size };
	uint8_t *db = xmalloc(made_size);
	size_t n = made_size, pages = made_size / PAGE_SIZE;
	unsigned patches = fuzz_byte(&r) % (MAX_PATCHES + 1);
	FILE *fp;

	memcpy(db, made, made_size);
	for (unsigned i = 0; i < patches; i++) {
		uint8_t how = fuzz_byte(&r), len = fuzz_byte(&r) % MAX_PATCH;
		size_t page = (fuzz_byte(&r) | (size_t)fuzz_byte(&r) << 8) % pages;
		size_t at = fuzz_byte(&r) | (size_t)fuzz_byte(&r) << 8;

		/* A page's header (the first page's after the file header), or anywhere in it. */
		at = page * PAGE_SIZE + (how & 1 ? (page == 0 ? 100 : 0) + at % 12 :
		    at % PAGE_SIZE);
		for (uint8_t k = 0; k < len && at + k < n; k++)
			db[at + k] = fuzz_byte(&r);
	}
	/* Cut short, now and then. */
	if (fuzz_byte(&r) == 0xff)
		n = (fuzz_byte(&r) | (size_t)fuzz_byte(&r) << 8) % pages * PAGE_SIZE;
	remove_files();
	fuzz_require(mkdir(dir, 0700) == 0 || access(dir, W_OK) == 0,
	    "the directory is there");
	fp = fopen(path, "wb");
	fuzz_require(fp != NULL, "the database can be written");
	fuzz_require(fwrite(db, 1, n, fp) == n && fclose(fp) == 0,
	    "the database can be written");
	free(db);
}

/* A status and the one line that comes with a failure. */
static void
said(enum status status, const struct error *err, const char *what)
{
	if (status == STATUS_OK)
		return;
	if (!err->msg[0] || strchr(err->msg, '\n'))
		fprintf(stderr, "naast fuzz: %s: \"%s\"\n", what, err->msg);
	fuzz_require(err->msg[0] != '\0' && !strchr(err->msg, '\n'),
	    "a failure says why, on one line");
}

/* What the interface and the command line read of an open store. */
static void
read_all(struct store *st)
{
	struct set_cursor cursor = { "", 0 };
	struct set_info *sets = NULL;
	struct letter_info *letters = NULL;
	struct library_row *rows = NULL;
	struct search_hit *hits = NULL;
	struct export_item *items = NULL;
	struct error err = { "" };
	const struct search_query queries[] = {
		{ .text = "ambtenaren" },
		{ .text = "verkiez*", .sort = SEARCH_BY_DATE },
		{ .text = "uitslag", .substring = true },
	};
	enum status status;
	long long after = 0;
	size_t n = 0;

	status = store_library_page(st, NULL, LIBRARY_BY_SUBMITTED, NULL, false,
	    20, &rows, &n, &err);
	said(status, &err, "the library");
	if (status == STATUS_OK)
		store_library_free(rows, n);
	status = store_sets_page(st, &cursor, 20, &sets, &n, &err);
	said(status, &err, "the sets");
	for (size_t i = 0; status == STATUS_OK && i < n && i < 3; i++) {
		struct question_view *q = NULL;
		size_t nq = 0;
		enum status s = store_questions(st, sets[i].id, 0, NULL, 0, &q,
		    &nq, &err);

		said(s, &err, "a set's vragen");
		if (s == STATUS_OK)
			store_questions_free(q, nq);
	}
	if (status == STATUS_OK)
		store_sets_free(sets, n);
	status = store_letters_page(st, &after, 20, &letters, &n, &err);
	said(status, &err, "the letters");
	if (status == STATUS_OK)
		store_letters_free(letters, n);
	for (size_t i = 0; i < COUNT(queries); i++) {
		status = store_search(st, &queries[i], &hits, &n, NULL, &err);
		said(status, &err, "a search");
		if (status == STATUS_OK)
			store_hits_free(hits, n);
	}
	for (long long id = 1; id <= 3; id++) {
		struct doc_view doc;

		status = store_document(st, id, &doc, &err);
		said(status, &err, "a document");
		if (status == STATUS_OK)
			store_document_clear(&doc);
	}
	status = store_export_selection(st, &items, &n, &err);
	said(status, &err, "the basket");
	if (status == STATUS_OK) {
		said(store_export_refs(st, items, n, &err), &err, "the references");
		export_items_free(items, n);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store *st = NULL;
	struct error err = { "" };
	enum status status;

	if (!made)
		make_database();
	write_patched(data, size);
	status = store_open(path, &st, &err);
	said(status, &err, "opening");
	if (status == STATUS_OK) {
		read_all(st);
		store_close(st);
	} else {
		fuzz_require(st == NULL, "a store refused is no store");
	}
	return 0;
}
