/*
 * opendata: the requests are OData query options ($filter, $expand,
 * $orderby, $top) with their values percent-encoded; the answers are
 * {"value": [...], "@odata.nextLink": ...} with the expanded relations
 * as arrays inside each entity.  Deleted entities (Verwijderd) are left
 * out on both sides: asked for with "Verwijderd eq false" and skipped if
 * a server sends them anyway.
 */
#include "config.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http.h"
#include "opendata.h"
#include "xalloc.h"

/* The kinds of document naast reads, as Document.Soort names them. */
static const struct {
	const char *soort;
	enum od_kind kind;
} kinds[] = {
	{ "Schriftelijke vragen", OD_QUESTIONS },
	{ "Antwoord schriftelijke vragen", OD_ANSWER },
	{ "Antwoord schriftelijke vragen (nader)", OD_ANSWER_LATER },
	{ "Mededeling (uitstel antwoord)", OD_MEDEDELING },
};

enum od_kind
opendata_kind(const char *soort)
{
	for (size_t i = 0; soort && i < COUNT(kinds); i++)
		if (strcmp(soort, kinds[i].soort) == 0)
			return kinds[i].kind;
	return OD_OTHER;
}

/* ------------------------------------------------------------ identifiers */

/* n digits at s; false otherwise. */
static bool
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* "2024Z01294" with the letter L (Z or D), either case. */
static bool
numbered(const char *s, char letter)
{
	return strlen(s) == 10 && digits(s, 4) &&
	    toupper((unsigned char)s[4]) == letter && digits(s + 5, 5);
}

static void
copy_upper(char *out, size_t size, const char *s)
{
	size_t i;

	for (i = 0; s[i] && i + 1 < size; i++)
		out[i] = (char)toupper((unsigned char)s[i]);
	out[i] = '\0';
}

bool
opendata_ref_parse(const char *arg, struct od_ref *out)
{
	int y1, y2, n, end = 0;

	memset(out, 0, sizeof(*out));
	if (!arg)
		return false;
	/* The questions' KOOP id names their Zaak. */
	if (strncasecmp(arg, "kv-tk-", 6) == 0) {
		if (!numbered(arg + 6, 'Z'))
			return false;
		arg += 6;
	}
	if (numbered(arg, 'Z')) {
		copy_upper(out->zaak, sizeof(out->zaak), arg);
		return true;
	}
	if (numbered(arg, 'D')) {
		copy_upper(out->document, sizeof(out->document), arg);
		return true;
	}
	/* ah-tk-20232024-1059; a published variant may end in -h1 or -n1 */
	if (strncasecmp(arg, "ah-tk-", 6) != 0 || !digits(arg + 6, 8) ||
	    arg[14] != '-' ||
	    sscanf(arg + 6, "%4d%4d-%5d%n", &y1, &y2, &n, &end) != 3)
		return false;
	if (y2 != y1 + 1 || y1 < 2000 || y1 > 2098 || n < 1 ||
	    (arg[6 + end] && arg[6 + end] != '-'))
		return false;
	snprintf(out->aanhangselnummer, sizeof(out->aanhangselnummer),
	    "%02d%02d%05d", y1 % 100, y2 % 100, n);
	return true;
}

bool
opendata_koop_id(const char *nr, char *out, size_t size)
{
	int y1, y2, n;

	if (!nr || strlen(nr) != 9 || !digits(nr, 9) ||
	    sscanf(nr, "%2d%2d%5d", &y1, &y2, &n) != 3 ||
	    y2 != (y1 + 1) % 100 || n < 1)
		return false;
	snprintf(out, size, "ah-tk-20%02d%s%02d-%d", y1, y1 == 99 ? "21" : "20",
	    y2, n);
	return true;
}

/* ------------------------------------------------------------- addresses */

/* An OData string literal: quoted, its quotes doubled. */
static void
literal(struct xbuf *b, const char *s)
{
	xbuf_puts(b, "'");
	for (; *s; s++)
		xbuf_puts(b, *s == '\'' ? "''" : (char[]){ *s, '\0' });
	xbuf_puts(b, "'");
}

/* base, path, then each option=value pair, values percent-encoded. */
static char *
address(const char *base, const char *path, const char *const *options)
{
	struct xbuf b = { 0 };
	size_t n = strlen(base);

	xbuf_puts(&b, base);
	if (n == 0 || base[n - 1] != '/')
		xbuf_puts(&b, "/");
	xbuf_puts(&b, path);
	for (size_t i = 0; options[i]; i += 2) {
		char *v = http_escape(options[i + 1]);

		xbuf_printf(&b, "%s%s=%s", i == 0 ? "?" : "&", options[i], v);
		free(v);
	}
	return xbuf_finish(&b);
}

char *
opendata_zaak_url(const char *base, const char *nummer)
{
	struct xbuf f = { 0 };
	char *filter, *url;

	xbuf_puts(&f, "Nummer eq ");
	literal(&f, nummer);
	xbuf_puts(&f, " and Verwijderd eq false");
	filter = xbuf_finish(&f);
	url = address(base, "Zaak", (const char *const[]){
	    "$filter", filter, "$expand", "ZaakActor,Document", NULL });
	free(filter);
	return url;
}

char *
opendata_documents_url(const char *base, const struct od_ref *ref)
{
	struct xbuf f = { 0 };
	char *filter, *url;

	if (ref->aanhangselnummer[0]) {
		xbuf_puts(&f, "Aanhangselnummer eq ");
		literal(&f, ref->aanhangselnummer);
	} else {
		xbuf_puts(&f, "DocumentNummer eq ");
		literal(&f, ref->document);
	}
	xbuf_puts(&f, " and Verwijderd eq false");
	filter = xbuf_finish(&f);
	url = address(base, "Document", (const char *const[]){
	    "$filter", filter, "$expand", "Zaak", NULL });
	free(filter);
	return url;
}

char *
opendata_changes_url(const char *base, const char *since)
{
	struct xbuf f = { 0 };
	char *filter, *url, top[16];

	xbuf_printf(&f, "Verwijderd eq false and ApiGewijzigdOp ge %s and (",
	    since);
	for (size_t i = 0; i < COUNT(kinds); i++) {
		xbuf_puts(&f, i ? " or Soort eq " : "Soort eq ");
		literal(&f, kinds[i].soort);
	}
	xbuf_puts(&f, ")");
	filter = xbuf_finish(&f);
	snprintf(top, sizeof(top), "%d", OPENDATA_PAGE);
	url = address(base, "Document", (const char *const[]){
	    "$filter", filter, "$expand", "Zaak",
	    "$orderby", "ApiGewijzigdOp,Id", "$top", top, NULL });
	free(filter);
	return url;
}

char *
opendata_resource_url(const char *base, const char *id)
{
	char *path = xasprintf("Document(%s)/resource", id);
	char *url = address(base, path, (const char *const[]){ NULL });

	free(path);
	return url;
}

/* ---------------------------------------------------------------- parsing */

static char *
field(json_t *o, const char *name)
{
	json_t *v = json_object_get(o, name);

	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_integer(v))
		return xasprintf("%lld", (long long)json_integer_value(v));
	return NULL;
}

static bool
deleted(json_t *o)
{
	return json_is_true(json_object_get(o, "Verwijderd"));
}

static void
document_read(json_t *o, struct od_document *d)
{
	json_t *len = json_object_get(o, "ContentLength"), *zaak;

	d->id = field(o, "Id");
	d->soort = field(o, "Soort");
	d->kind = opendata_kind(d->soort);
	d->nummer = field(o, "DocumentNummer");
	d->onderwerp = field(o, "Onderwerp");
	d->datum = field(o, "Datum");
	d->vergaderjaar = field(o, "Vergaderjaar");
	d->aanhangselnummer = field(o, "Aanhangselnummer");
	d->content_type = field(o, "ContentType");
	d->content_length = json_is_integer(len) ? json_integer_value(len) : -1;
	d->changed = field(o, "ApiGewijzigdOp");
	/* Expanded, the Zaak is an array (many-to-many); the first one. */
	zaak = json_object_get(o, "Zaak");
	if (json_is_array(zaak))
		zaak = json_array_get(zaak, 0);
	if (json_is_object(zaak))
		d->zaak = field(zaak, "Nummer");
}

static void
document_free(struct od_document *d)
{
	free(d->id);
	free(d->soort);
	free(d->nummer);
	free(d->onderwerp);
	free(d->datum);
	free(d->vergaderjaar);
	free(d->aanhangselnummer);
	free(d->content_type);
	free(d->changed);
	free(d->zaak);
}

/* The documents of array a that are not deleted and have an Id. */
static void
documents_read(json_t *a, struct od_document **docs, size_t *n)
{
	size_t i, cap = 0;
	json_t *o;

	*docs = NULL;
	*n = 0;
	json_array_foreach(a, i, o) {
		if (!json_is_object(o) || deleted(o) ||
		    !json_is_string(json_object_get(o, "Id")))
			continue;
		xgrow(docs, &cap, *n + 1, sizeof(**docs));
		memset(&(*docs)[*n], 0, sizeof(**docs));
		document_read(o, &(*docs)[(*n)++]);
	}
}

/* The "value" array of an answer, or NULL with err set. */
static json_t *
load(const char *json, size_t len, json_t **root, struct error *err)
{
	json_error_t je;
	json_t *value;

	*root = json_loadb(json, len, 0, &je);
	if (!*root) {
		error_set(err, STATUS_FORMAT,
		    "the open data service sent no valid JSON (%s, at byte %d): a proxy or a wrong --api address may be in the way",
		    je.text, je.position);
		return NULL;
	}
	value = json_object_get(*root, "value");
	if (!json_is_array(value)) {
		error_set(err, STATUS_FORMAT,
		    "the open data service sent JSON without a list of results: check the address (--api)");
		json_decref(*root);
		*root = NULL;
		return NULL;
	}
	return value;
}

enum status
opendata_zaak_parse(const char *json, size_t len, struct od_zaak *out,
    struct error *err)
{
	json_t *root, *value = load(json, len, &root, err), *z = NULL, *o, *a;
	size_t i, cap = 0;

	memset(out, 0, sizeof(*out));
	if (!value)
		return STATUS_FORMAT;
	json_array_foreach(value, i, o)
		if (json_is_object(o) && !deleted(o)) {
			z = o;
			break;
		}
	if (!z) {
		json_decref(root);
		return STATUS_NOT_FOUND;
	}
	out->id = field(z, "Id");
	out->nummer = field(z, "Nummer");
	out->onderwerp = field(z, "Onderwerp");
	out->gestart = field(z, "GestartOp");
	json_array_foreach(json_object_get(z, "ZaakActor"), i, a) {
		struct od_actor *t;

		if (!json_is_object(a) || deleted(a))
			continue;
		xgrow(&out->actors, &cap, out->n_actors + 1,
		    sizeof(*out->actors));
		t = &out->actors[out->n_actors++];
		t->relatie = field(a, "Relatie");
		t->functie = field(a, "Functie");
		t->naam = field(a, "ActorNaam");
		t->fractie = field(a, "ActorFractie");
	}
	documents_read(json_object_get(z, "Document"), &out->docs, &out->n_docs);
	json_decref(root);
	if (!out->nummer) {
		opendata_zaak_free(out);
		return error_set(err, STATUS_FORMAT,
		    "the open data service sent a Zaak without a number: check the address (--api)");
	}
	return STATUS_OK;
}

void
opendata_zaak_free(struct od_zaak *z)
{
	free(z->id);
	free(z->nummer);
	free(z->onderwerp);
	free(z->gestart);
	for (size_t i = 0; i < z->n_actors; i++) {
		free(z->actors[i].relatie);
		free(z->actors[i].functie);
		free(z->actors[i].naam);
		free(z->actors[i].fractie);
	}
	free(z->actors);
	for (size_t i = 0; i < z->n_docs; i++)
		document_free(&z->docs[i]);
	free(z->docs);
	memset(z, 0, sizeof(*z));
}

enum status
opendata_documents_parse(const char *json, size_t len, struct od_page *out,
    struct error *err)
{
	json_t *root, *value = load(json, len, &root, err);

	memset(out, 0, sizeof(*out));
	if (!value)
		return STATUS_FORMAT;
	documents_read(value, &out->docs, &out->n_docs);
	out->next = field(root, "@odata.nextLink");
	json_decref(root);
	return STATUS_OK;
}

void
opendata_page_free(struct od_page *p)
{
	for (size_t i = 0; i < p->n_docs; i++)
		document_free(&p->docs[i]);
	free(p->docs);
	free(p->next);
	memset(p, 0, sizeof(*p));
}
