/*
 * import: from paths on disk to documents in the store.
 *
 * The one way in.  A path is a file, a directory (every .pdf, .txt, .md
 * and .markdown file under it, depth first, each directory's entries in
 * name order, symbolic links to directories not followed, nor links to
 * files out of it unless follow_links says so) or "-", standard
 * input, whose documents are named "stdin".  Of a directory, only what
 * parses as an answer, questions, a mededeling or a letter is stored:
 * other files (a README, notes) are skipped and told as such, and so is
 * what is not a regular file (a named pipe, a device, a socket), which a
 * path named on its own is refused for before it is opened.  A file
 * named on its own is stored whatever it holds: what no parser can
 * structure is kept as plain paragraphs, with a warning.  A file is read whole, at most
 * IMPORT_MAX_FILE_SIZE bytes; a PDF becomes the text that pdftotext
 * extracts (pdf.h), any other file must be text in UTF-8 or, with
 * IMPORT_LATIN1, Latin-1 or Windows-1252: empty files, images, archives,
 * office files, UTF-16 and binary data are refused with a line that says
 * what the file is and what to do.  The text (at most IMPORT_MAX_TEXT_SIZE
 * bytes) goes to parse_document and the document to store_import.
 *
 * The files are stored in store batches (store.h) of about half a second
 * each, with a short pause between two, in which another naast waiting for
 * the write lock gets it; an import waits up to a minute for one that
 * writes.  The lock is held only while what is in memory is stored:
 * files are read and parsed, pdftotext run and standard input read
 * without it.
 *
 * core never prints: what happens goes to the caller's events.  A file's
 * outcome is told once it is final: a stored file only once its batch is
 * committed (until then a crash may still lose it), and every file of a
 * batch that is undone as failed, "nothing of it was stored: ...".
 *
 * Memory: whatever an event points to belongs to the import and lives
 * until the callback returns.
 */
#ifndef NAAST_IMPORT_H
#define NAAST_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"
#include "store.h"

/*
 * What naast reads from one file, and as the text of one document.  The
 * largest PDFs of answers, annexes and scans included, stay well under
 * the first; the longest answers run to a megabyte or two of text.  An
 * import needs about six times its text at its peak, and up to some
 * thirty-five times when the text is one long paragraph (the full-text
 * indexes take a passage whole): some 300 MB at this limit.  Anything
 * larger is a mistake, not a document.
 */
#define IMPORT_MAX_FILE_SIZE (64u << 20)
#define IMPORT_MAX_TEXT_SIZE (8u << 20)

enum import_encoding {
	IMPORT_UTF8,
	IMPORT_LATIN1,		/* Windows-1252, Latin-1 included (text.h) */
};

/* The encoding called name ("utf-8", "latin1", "cp1252", ...); false if none. */
bool import_encoding_find(const char *name, enum import_encoding *out);

struct import_options {
	const char *format;		/* a parser's name (parse.h); NULL: detect */
	enum import_encoding encoding;	/* of files that are not PDF */
	unsigned pdf_seconds;		/* pdftotext's time per PDF; 0: PDF_SECONDS */
	bool follow_links;		/* of a directory, to files out of it too */
	/*
	 * What the open data says of every file imported (fetch.h): its
	 * Zaak, Id, document number and KOOP id (struct document); NULL for
	 * files of unknown origin.
	 */
	const char *zaak, *tk_id, *tk_number, *koop_id;
};

/* Where an import is: told before each file is read. */
struct import_progress {
	const char *path;		/* the file about to be read, as named */
	size_t done, total;		/* files */
	unsigned long long bytes_done, bytes_total;
	double seconds;			/* since the first file began */
};

enum import_outcome {
	IMPORT_STORED,		/* a new document */
	IMPORT_UNCHANGED,	/* these bytes were imported before */
	IMPORT_SAME,		/* here already in a form as good or better (store.h) */
	IMPORT_SKIPPED,		/* of a directory: no document naast knows, or no file */
	IMPORT_FAILED,		/* nothing of it was stored */
};

/* What became of one file (or of a directory that could not be read). */
struct import_file {
	const char *origin;		/* the path as named, "stdin" for "-" */
	enum import_outcome outcome;
	enum status status;		/* STATUS_OK unless failed */
	struct import_result result;	/* unless failed or skipped (store.h) */
	const struct warning *warnings;	/* its parser's, when newly stored */
	size_t n_warnings;
	const char *message;		/* when failed or skipped: why, one line; else "" */
};

/* What the caller hears of an import; each callback may be NULL. */
struct import_events {
	void *ctx;
	void (*progress)(void *ctx, const struct import_progress *p);
	void (*file)(void *ctx, const struct import_file *f);
	/*
	 * A batch has ended (after its files were told), and the import holds
	 * no lock now: stored says whether it was committed.  Also told before
	 * standard input is read and at the end, when no batch may be open.
	 */
	void (*batch_end)(void *ctx, bool stored);
};

struct import_totals {
	size_t imported, unchanged, same, failed;
	size_t skipped;			/* of a directory: no document naast knows */
	size_t not_files;		/* of a directory: a named pipe, a device, ... */
	size_t links_out;		/* of a directory: links to files out of it */
	bool directories;		/* a directory was among the paths */
};

/*
 * Imports the n paths, in order, into st; totals (may be NULL) gets how
 * many files became what.  Returns STATUS_OK when nothing failed, else
 * the status of the first failure, with its path and message in err.
 */
enum status import_paths(struct store *st, const char *const *paths, size_t n,
    const struct import_options *opts, const struct import_events *events,
    struct import_totals *totals, struct error *err);

/* What parsing the stored documents again did. */
struct reparse_totals {
	size_t documents;	/* parsed again */
	size_t changed;		/* whose rows came out different */
	size_t failed;		/* left as they were */
	size_t basket_kept, basket_lost;
};

/*
 * Parses again, from the text stored with it, every document that an
 * older parser made (PARSE_VERSION, parse.h), or all of them, each in a transaction of
 * its own (store_replace); progress is told before each document (path
 * is its origin, files are documents).  A document that fails is left as
 * it was and told through events->file.  Returns the status of the first
 * failure, STATUS_OK when none.
 */
enum status import_reparse(struct store *st, bool all,
    const struct import_events *events, struct reparse_totals *totals,
    struct error *err);

#endif
