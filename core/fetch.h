/*
 * fetch: a whole question set from the Tweede Kamer's open data into the
 * store.  The Zaak (by its number, or found from the KOOP id or document
 * number of one of its documents), its addressed bewindspersonen and its
 * documents of the kinds naast reads: the questions, the answers ("nader"
 * ones too) and the mededelingen of delay.  Each document's PDF is
 * downloaded into the cache directory, whole or not at all, and imported
 * as a file is (import.h), with its official identifiers; one fetched
 * before is not downloaded again.  The addressed ministries of the open
 * data replace what a header said (store_set_addressed), and the set is
 * followed (store_follow).
 *
 * Requests go to the API address given, nowhere else.  core never prints:
 * what becomes of each document goes to the caller's callback.
 */
#ifndef NAAST_FETCH_H
#define NAAST_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "http.h"
#include "import.h"
#include "status.h"
#include "store.h"

struct fetch_options {
	const char *api;		/* the OData base address */
	const char *cache;		/* where the PDFs go; must exist */
	struct http_options http;
	struct import_options import;	/* its official ids are fetch's */
};

enum fetch_outcome {
	FETCH_STORED,		/* downloaded and imported */
	FETCH_HERE,		/* fetched before: not downloaded */
	FETCH_UNCHANGED,	/* its PDF was imported before, from a file */
	FETCH_SAME,		/* here in another form (import.h) */
	FETCH_FAILED,		/* nothing of it stored */
};

/* What became of one document of the Zaak. */
struct fetch_document {
	const char *name;	/* its KOOP id, else its document number */
	const char *soort;	/* as the open data names its kind */
	enum fetch_outcome outcome;
	long long doc;		/* in the store, unless failed */
	long long bytes;	/* downloaded now */
	size_t n_warnings;	/* its parser's, when stored */
	const char *message;	/* when failed: why, one line; else "" */
};

struct fetch_result;

struct fetch_events {
	void *ctx;
	/* Before a request: what is asked ("Zaak 2024Z01294", a document). */
	void (*asking)(void *ctx, const char *what);
	void (*document)(void *ctx, const struct fetch_document *d);
	/* sync: a Zaak is done (struct fetch_result below). */
	void (*zaak_done)(void *ctx, const struct fetch_result *r);
};

struct fetch_result {
	char zaak[16];
	long long set;		/* 0 when nothing of it is stored */
	size_t stored, here, failed, skipped;	/* skipped: kinds not read */
	size_t addressed;	/* "Gericht aan" ministries known */
	/* The functies of "Gericht aan" that name no ministry naast knows. */
	char **unknown;
	size_t n_unknown;
};

void fetch_result_free(struct fetch_result *r);

/*
 * Fetches the Zaak that ref names (opendata_ref_parse: STATUS_USAGE when
 * it names none).  Returns STATUS_OK when every document is here now,
 * else the status of the first failure with its message in err; the
 * documents that came are stored all the same, and a second fetch
 * continues where this one stopped.
 */
enum status fetch_zaak(struct store *st, const struct fetch_options *o,
    const char *ref, const struct fetch_events *ev, struct fetch_result *res,
    struct error *err);

/* The setting where naast sync goes on from: an ApiGewijzigdOp stamp. */
#define FETCH_CHECKPOINT "sync.checkpoint"

struct sync_result {
	char since[40];		/* where it started */
	char checkpoint[40];	/* where the next goes on from; "" if unmoved */
	size_t pages, listed;	/* pages read, documents listed on them */
	size_t zaken;		/* Zaken fetched */
	size_t stored, failed;	/* documents */
};

/*
 * naast sync: the documents of the kinds naast reads that the open data
 * changed since the checkpoint (or since, an ISO date, when given), page
 * by page, oldest first; of each, its Zaak is fetched (zaak_fetch: what
 * is here is not downloaded again) when it is followed (store_following)
 * or when all.  After each page the checkpoint moves to its last
 * document, so that a sync stopped (even by kill -9) goes on from there.
 * A document that cannot be stored (not a PDF, no text) is counted in
 * failed and passed, lest it stop every sync; a failing service or
 * database stops the sync where it is.
 * STATUS_USAGE when there is no checkpoint and no since.
 */
enum status fetch_sync(struct store *st, const struct fetch_options *o,
    const char *since, bool all, const struct fetch_events *ev,
    struct sync_result *res, struct error *err);

#endif
