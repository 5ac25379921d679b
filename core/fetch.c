/*
 * fetch: one Zaak, request by request.  The documents go in the order a
 * reader meets them (the questions, then the rest as the Zaak lists
 * them), each downloaded and imported before the next is asked for, so
 * that an interrupted fetch keeps what came and the next one goes on.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "fetch.h"
#include "i18n.h"
#include "ministry.h"
#include "model.h"
#include "opendata.h"
#include "xalloc.h"

/* The most a JSON answer may be: a Zaak with its documents is some KiB. */
#define FETCH_JSON_MAX (16u << 20)

void
fetch_result_free(struct fetch_result *r)
{
	for (size_t i = 0; i < r->n_unknown; i++)
		free(r->unknown[i]);
	free(r->unknown);
	memset(r, 0, sizeof(*r));
}

static void
asking(const struct fetch_events *ev, const char *what)
{
	if (ev && ev->asking)
		ev->asking(ev->ctx, what);
}

static void
tell(const struct fetch_events *ev, const struct fetch_document *d)
{
	if (ev && ev->document)
		ev->document(ev->ctx, d);
}

/* GETs the JSON at url. */
static enum status
get_json(struct http *h, const char *url, char **body, size_t *len,
    struct error *err)
{
	return http_get(h, url, FETCH_JSON_MAX, body, len, err);
}

/* The Zaak number that a ref naming one of its documents belongs to. */
static enum status
zaak_of_document(struct http *h, const struct fetch_options *o,
    const struct od_ref *ref, const char *arg, char *zaak, size_t size,
    struct error *err)
{
	char *url = opendata_documents_url(o->api, ref), *body;
	struct od_page page;
	enum status status;
	size_t len;

	status = get_json(h, url, &body, &len, err);
	free(url);
	if (status)
		return status;
	status = opendata_documents_parse(body, len, &page, err);
	free(body);
	if (status)
		return status;
	for (size_t i = 0; i < page.n_docs && !zaak[0]; i++)
		if (page.docs[i].zaak)
			snprintf(zaak, size, "%s", page.docs[i].zaak);
	if (!zaak[0])
		status = error_set(err, STATUS_NOT_FOUND,
		    page.n_docs ? N_("the open data names no Zaak for %s: fetch the Zaak by its number (2024Z01294)") :
		    N_("the open data has no document %s: check the identifier"),
		    arg);
	opendata_page_free(&page);
	return status;
}

/* ------------------------------------------------------------- addressed */

/*
 * The ministry a "Gericht aan" functie names ("minister van Financiën",
 * "staatssecretaris van Financiën", "minister voor Klimaat en Energie",
 * "minister-president"), on the day the Zaak started: its group code and
 * the portfolio's code when it names a portfolio.  NULL when unknown.
 */
static const struct ministry *
functie_ministry(const char *functie, const char *date)
{
	static const char *const roles[] = {
		"minister van ", "minister voor ", "staatssecretaris van ",
		"staatssecretaris voor ", "minister ", "staatssecretaris ",
	};
	const struct ministry *m;

	if (!functie)
		return NULL;
	if ((m = ministry_find(functie, date)))
		return m;
	for (size_t i = 0; i < COUNT(roles); i++)
		if (strncasecmp(functie, roles[i], strlen(roles[i])) == 0)
			return ministry_find(functie + strlen(roles[i]), date);
	return NULL;
}

/* The set's addressed ministries from the Zaak's "Gericht aan" actors. */
static enum status
store_addressed(struct store *st, const struct od_zaak *z,
    struct fetch_result *res, struct error *err)
{
	char date[DATE_ISO_SIZE] = "";
	char **codes = xcalloc(z->n_actors + 1, sizeof(*codes));
	char **portfolios = xcalloc(z->n_actors + 1, sizeof(*portfolios));
	size_t n = 0, cap = 0;
	enum status status = STATUS_OK;
	long long set = 0;

	if (z->gestart && strlen(z->gestart) >= 10)
		snprintf(date, sizeof(date), "%.10s", z->gestart);
	for (size_t i = 0; i < z->n_actors; i++) {
		const struct od_actor *a = &z->actors[i];
		const struct ministry *m;
		const char *group;
		bool seen = false;

		if (!a->relatie || strcmp(a->relatie, "Gericht aan") != 0)
			continue;
		if (!(m = functie_ministry(a->functie, date))) {
			xgrow(&res->unknown, &cap, res->n_unknown + 1,
			    sizeof(*res->unknown));
			res->unknown[res->n_unknown++] = xstrdup(a->functie ?
			    a->functie : a->naam ? a->naam : "?");
			continue;
		}
		/* A minister and a staatssecretaris of one ministry: once. */
		group = ministry_group(m);
		for (size_t j = 0; j < n && !seen; j++)
			seen = strcmp(codes[j], group) == 0;
		if (seen)
			continue;
		codes[n] = xstrdup(group);
		portfolios[n] = m->part_of[0] ? xstrdup(m->code) : NULL;
		n++;
	}
	res->addressed = n;
	/* What a header said stays when the open data names no one naast knows. */
	if (n > 0)
		status = store_set_addressed(st, z->nummer, codes, portfolios, n,
		    &set, err);
	for (size_t i = 0; i < n; i++) {
		free(codes[i]);
		free(portfolios[i]);
	}
	free(codes);
	free(portfolios);
	return status;
}

/* -------------------------------------------------------------- documents */

/* What an import of one file tells: the one file's outcome. */
struct told {
	struct import_file f;
	char message[512];
	bool heard;
};

static void
told_file(void *ctx, const struct import_file *f)
{
	struct told *t = ctx;

	t->f = *f;
	t->f.warnings = NULL;
	snprintf(t->message, sizeof(t->message), "%s", f->message ? f->message : "");
	t->f.message = t->message;
	t->heard = true;
}

/*
 * Whether the file at path starts as a PDF does: 1 yes, 0 no, -1 when it
 * is not there or too short to say.
 */
static int
pdf_head(const char *path)
{
	FILE *f = fopen(path, "rb");
	char head[5];
	int yes = -1;

	if (!f)
		return -1;
	if (fread(head, 1, sizeof(head), f) == sizeof(head))
		yes = memcmp(head, "%PDF-", 5) == 0;
	fclose(f);
	return yes;
}

/*
 * The KOOP id of document d of Zaak zaak into out: an answer's or a
 * mededeling's from its Aanhangsel number, the questions' from the Zaak;
 * "" when it has none.
 */
static void
koop_of(const struct od_document *d, const char *zaak, char *out, size_t size)
{
	if (!opendata_koop_id(d->aanhangselnummer, out, size))
		snprintf(out, size, "%s%s", d->kind == OD_QUESTIONS ? "kv-tk-" : "",
		    d->kind == OD_QUESTIONS ? zaak : "");
}

/*
 * Document d of Zaak z, downloaded and imported unless it is here; koop
 * is its KOOP id or "" (koop_of).
 */
static enum status
fetch_document(struct store *st, struct http *h, const struct fetch_options *o,
    const struct od_zaak *z, const struct od_document *d, const char *koop,
    struct fetch_document *out, struct error *err)
{
	char *url, *path, *part;
	struct import_options io = o->import;
	struct import_events ev = { 0 };
	struct told t = { 0 };
	enum status status;
	long long got = 0;

	if ((status = store_tk_document(st, d->id, &out->doc, err)))
		return status;
	if (out->doc) {
		out->outcome = FETCH_HERE;
		return STATUS_OK;
	}
	url = opendata_resource_url(o->api, d->id);
	path = xasprintf("%s/%s.pdf", o->cache, d->id);
	part = xasprintf("%s.part", path);
	/* A page in place of a PDF is nothing to go on from. */
	if (pdf_head(part) == 0)
		unlink(part);
	status = http_download(h, url, path, d->content_length, &got, err);
	out->bytes = got;
	free(url);
	if ((status == STATUS_OK && pdf_head(path) != 1) ||
	    (status != STATUS_OK && pdf_head(part) == 0)) {
		unlink(status == STATUS_OK ? path : part);
		status = error_set(err, STATUS_FORMAT,
		    "the open data sent no PDF for %s (a web page in its place?): fetch again later",
		    out->name);
	}
	free(part);
	if (status) {
		free(path);
		return status;
	}
	io.zaak = z->nummer;
	io.tk_id = d->id;
	io.tk_number = d->nummer;
	io.koop_id = koop[0] ? koop : NULL;
	ev.ctx = &t;
	ev.file = told_file;
	status = import_paths(st, (const char *const[]){ path }, 1, &io, &ev,
	    NULL, err);
	free(path);
	if (!t.heard && status == STATUS_OK)
		status = error_set(err, STATUS_FORMAT, "%s was not imported",
		    out->name);
	if (status)
		return status;
	out->doc = t.f.result.doc;
	out->n_warnings = t.f.n_warnings;
	switch (t.f.outcome) {
	case IMPORT_STORED:
		out->outcome = FETCH_STORED;
		return STATUS_OK;
	case IMPORT_UNCHANGED:
		out->outcome = FETCH_UNCHANGED;
		break;
	case IMPORT_SAME:
		out->outcome = FETCH_SAME;
		break;
	default:
		return error_set(err, t.f.status ? t.f.status : STATUS_FORMAT,
		    "%s", t.message);
	}
	/* Here before, from a file: it learns what the open data says. */
	return store_official(st, out->doc, z->nummer, d->id, d->nummer,
	    io.koop_id, err);
}

/* Questions first: the set's vragen come from them where they are. */
static int
reading_order(const void *a, const void *b)
{
	const struct od_document *x = a, *y = b;
	int qx = x->kind == OD_QUESTIONS, qy = y->kind == OD_QUESTIONS;

	if (qx != qy)
		return qy - qx;
	return strcmp(x->datum ? x->datum : "", y->datum ? y->datum : "");
}

/*
 * The Zaak numbered nummer, through h: its documents, its addressed
 * ministries; followed when follow says so.
 */
static enum status
zaak_fetch(struct store *st, struct http *h, const struct fetch_options *o,
    const char *nummer, bool follow, const struct fetch_events *ev,
    struct fetch_result *res, struct error *err)
{
	enum status status, first = STATUS_OK;
	struct error derr;
	struct od_zaak z;
	char *url, *body, *what;
	size_t len;

	memset(res, 0, sizeof(*res));
	snprintf(res->zaak, sizeof(res->zaak), "%s", nummer);
	what = xasprintf("Zaak %s", nummer);
	asking(ev, what);
	free(what);
	url = opendata_zaak_url(o->api, nummer);
	status = get_json(h, url, &body, &len, err);
	free(url);
	if (status)
		return status;
	status = opendata_zaak_parse(body, len, &z, err);
	free(body);
	if (status == STATUS_NOT_FOUND)
		error_set(err, status,
		    "the open data has no Zaak %s: check the number", nummer);
	if (status)
		return status;
	qsort(z.docs, z.n_docs, sizeof(*z.docs), reading_order);
	for (size_t i = 0; i < z.n_docs; i++) {
		const struct od_document *d = &z.docs[i];
		struct fetch_document fd = { .soort = d->soort, .message = "" };
		char koop[64];

		if (d->kind == OD_OTHER) {
			res->skipped++;
			continue;
		}
		koop_of(d, z.nummer, koop, sizeof(koop));
		fd.name = koop[0] ? koop : d->nummer ? d->nummer : d->id;
		what = xasprintf("%s (%s)", fd.name, d->soort);
		asking(ev, what);
		free(what);
		status = fetch_document(st, h, o, &z, d, koop, &fd, &derr);
		if (status) {
			fd.outcome = FETCH_FAILED;
			fd.message = derr.msg;
			res->failed++;
			if (first == STATUS_OK) {
				first = status;
				error_set(err, status, "%s", derr.msg);
			}
		} else if (fd.outcome == FETCH_HERE) {
			res->here++;
		} else {
			res->stored++;
		}
		tell(ev, &fd);
	}
	status = store_addressed(st, &z, res, err);
	if (status == STATUS_OK && follow)
		status = store_follow(st, z.nummer, true, err);
	if (status == STATUS_OK)
		status = store_zaak_set(st, z.nummer, &res->set, err);
	opendata_zaak_free(&z);
	return status ? status : first;
}

/*
 * Where naast sync goes on from when it has not run: a day before the
 * first fetch (the service's clock and this machine's may differ; a
 * document seen twice is fetched once).
 */
static enum status
sync_start(struct store *st, struct error *err)
{
	char *since, stamp[32];
	time_t t = time(NULL) - 24 * 60 * 60;
	struct tm tm;
	enum status status;

	if ((status = store_setting(st, FETCH_CHECKPOINT, &since, err)))
		return status;
	if (since) {
		free(since);
		return STATUS_OK;
	}
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return store_setting_put(st, FETCH_CHECKPOINT, stamp, err);
}

enum status
fetch_zaak(struct store *st, const struct fetch_options *o, const char *arg,
    const struct fetch_events *ev, struct fetch_result *res, struct error *err)
{
	struct od_ref ref;
	enum status status;
	struct http *h;
	char *what;

	memset(res, 0, sizeof(*res));
	if (!opendata_ref_parse(arg, &ref))
		return error_set(err, STATUS_USAGE,
		    "'%s' is no Zaak number (2024Z01294), KOOP id (kv-tk-2024Z01294, ah-tk-20232024-1059) or document number (2024D05678)",
		    arg);
	if ((status = sync_start(st, err)))
		return status;
	if (!(h = http_open(&o->http, err)))
		return STATUS_NET;
	if (!ref.zaak[0]) {
		what = xasprintf(_("the Zaak of %s"), arg);
		asking(ev, what);
		free(what);
		status = zaak_of_document(h, o, &ref, arg, ref.zaak,
		    sizeof(ref.zaak), err);
	}
	if (status == STATUS_OK)
		status = zaak_fetch(st, h, o, ref.zaak, true, ev, res, err);
	http_close(h);
	return status;
}

/* -------------------------------------------------------------------- sync */

/* Adds s to v (n of them) unless it is there. */
static void
add_once(char ***v, size_t *n, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return;
	model_strv_add(v, n, xstrdup(s));
}

/*
 * The Zaken of a page that sync fetches: each a document of a kind naast
 * reads belongs to, when all or when it is followed.
 */
static enum status
page_zaken(struct store *st, const struct od_page *p, bool all, char ***zaken,
    size_t *n, struct error *err)
{
	enum status status;

	for (size_t i = 0; i < p->n_docs; i++) {
		const struct od_document *d = &p->docs[i];
		bool yes = all;
		long long here;

		if (d->kind == OD_OTHER || !d->zaak)
			continue;
		/* Here already (the last of the sync before, seen again). */
		if ((status = store_tk_document(st, d->id, &here, err)))
			return status;
		if (here)
			continue;
		if (!yes && (status = store_following(st, d->zaak, &yes, err)))
			return status;
		if (yes)
			add_once(zaken, n, d->zaak);
	}
	return STATUS_OK;
}

/* Whether a failure is of the way to the documents, not of one of them. */
static bool
stops_sync(enum status status)
{
	return status == STATUS_NET || status == STATUS_IO ||
	    status == STATUS_DB || status == STATUS_DB_BUSY ||
	    status == STATUS_DB_SCHEMA || status == STATUS_USAGE;
}

enum status
fetch_sync(struct store *st, const struct fetch_options *o, const char *since,
    bool all, const struct fetch_events *ev, struct sync_result *res,
    struct error *err)
{
	char *from = NULL, *url, *what;
	enum status status;
	struct http *h;

	memset(res, 0, sizeof(*res));
	if (since) {
		from = xasprintf("%sT00:00:00Z", since);
	} else {
		if ((status = store_setting(st, FETCH_CHECKPOINT, &from, err)))
			return status;
		if (!from)
			return error_set(err, STATUS_USAGE,
			    "naast has nothing to sync from yet: fetch a set first (naast fetch 2024Z01294), or say from when (naast sync --all --since 2024-09-01)");
	}
	if (!(h = http_open(&o->http, err))) {
		free(from);
		return STATUS_NET;
	}
	snprintf(res->since, sizeof(res->since), "%s", from);
	url = opendata_changes_url(o->api, from);
	free(from);
	while (url) {
		struct od_page page;
		char **zaken = NULL, *body;
		size_t n_zaken = 0, len;

		what = xasprintf(_("what changed since %s (page %zu)"), res->since,
		    res->pages + 1);
		asking(ev, what);
		free(what);
		status = get_json(h, url, &body, &len, err);
		free(url);
		url = NULL;
		if (status)
			break;
		status = opendata_documents_parse(body, len, &page, err);
		free(body);
		if (status)
			break;
		res->pages++;
		res->listed += page.n_docs;
		status = page_zaken(st, &page, all, &zaken, &n_zaken, err);
		for (size_t i = 0; status == STATUS_OK && i < n_zaken; i++) {
			struct fetch_result r;

			status = zaak_fetch(st, h, o, zaken[i], false, ev, &r, err);
			res->zaken++;
			res->stored += r.stored;
			res->failed += r.failed;
			/*
			 * A document naast cannot store (not a PDF, nothing
			 * pdftotext can read) would stop every sync here: it is
			 * told, counted, and left to a fetch of its set.  The way
			 * to the service or to the database failing stops the
			 * sync, and the next goes on from this page.
			 */
			if (status != STATUS_OK && r.failed > 0 &&
			    !stops_sync(status))
				status = STATUS_OK;
			if (ev && ev->zaak_done)
				ev->zaak_done(ev->ctx, &r);
			fetch_result_free(&r);
		}
		model_strv_free(zaken, n_zaken);
		/* Done with the page: the next sync goes on from its last. */
		if (status == STATUS_OK && page.n_docs > 0 &&
		    page.docs[page.n_docs - 1].changed) {
			status = store_setting_put(st, FETCH_CHECKPOINT,
			    page.docs[page.n_docs - 1].changed, err);
			snprintf(res->checkpoint, sizeof(res->checkpoint), "%s",
			    page.docs[page.n_docs - 1].changed);
		}
		if (status == STATUS_OK && page.next)
			url = xstrdup(page.next);
		opendata_page_free(&page);
		if (status)
			break;
	}
	free(url);
	http_close(h);
	return status;
}
