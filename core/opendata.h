/*
 * opendata: the Tweede Kamer's open data (OData v4, JSON; FORMATS.md §5)
 * as naast asks it and reads its answers: the addresses of the requests,
 * and the Zaak (a question set), its actors and its documents, parsed
 * with jansson.  No network here (http.h does that), no store (fetch.h).
 *
 * Field names are the API's, in PascalCase.  Every string is the API's
 * as given, NUL-terminated, owned by the struct that holds it; an absent
 * or null field is NULL.
 */
#ifndef NAAST_OPENDATA_H
#define NAAST_OPENDATA_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* The live service; --api, NAAST_API and the configuration change it. */
#define OPENDATA_API "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
/* A page of the API holds at most this many entities. */
#define OPENDATA_PAGE 250

/* What naast reads of the kinds of documents a Zaak has. */
enum od_kind {
	OD_OTHER,		/* not read: skipped */
	OD_QUESTIONS,		/* "Schriftelijke vragen" */
	OD_ANSWER,		/* "Antwoord schriftelijke vragen" */
	OD_ANSWER_LATER,	/* "... (nader)" */
	OD_MEDEDELING,		/* "Mededeling (uitstel antwoord)" */
};

struct od_actor {
	char *relatie;		/* "Gericht aan", "Indiener", ... */
	char *functie;		/* "minister van Financiën" */
	char *naam, *fractie;
};

struct od_document {
	char *id;		/* a GUID: the address of its file */
	char *soort;
	enum od_kind kind;
	char *nummer;		/* DocumentNummer, "2024D05678" */
	char *onderwerp;
	char *datum;
	char *vergaderjaar;	/* "2023-2024" */
	char *aanhangselnummer;	/* "232401059", or NULL */
	char *content_type;
	long long content_length;	/* -1 when not given */
	char *changed;		/* ApiGewijzigdOp */
	char *zaak;		/* the Nummer of its Zaak when expanded */
};

struct od_zaak {
	char *id;
	char *nummer;		/* "2024Z01294" */
	char *onderwerp;
	char *gestart;		/* GestartOp */
	struct od_actor *actors;
	size_t n_actors;
	struct od_document *docs;
	size_t n_docs;
};

/* A page of documents (opendata_documents_parse). */
struct od_page {
	struct od_document *docs;
	size_t n_docs;
	char *next;		/* @odata.nextLink, or NULL at the end */
};

/* What a user may name to fetch (opendata_ref_parse). */
struct od_ref {
	char zaak[16];			/* "2024Z01294", or "" */
	char aanhangselnummer[16];	/* "232401059", or "" */
	char document[16];		/* "2024D05678", or "" */
};

/*
 * A Zaak number ("2024Z01294"), the KOOP id of its questions
 * ("kv-tk-2024Z01294"), of an answer or mededeling ("ah-tk-20232024-1059")
 * or a TK document number ("2024D05678").  false when it is none.
 */
bool opendata_ref_parse(const char *arg, struct od_ref *out);

/*
 * The KOOP id of an Aanhangsel number as the API writes it ("232401059":
 * "ah-tk-20232024-1059"), in out; false when it is not of that form.
 */
bool opendata_koop_id(const char *aanhangselnummer, char *out, size_t size);

enum od_kind opendata_kind(const char *soort);

/*
 * The addresses, base ending in '/'; the caller frees them.  zaak_url
 * expands the actors and documents; documents_url finds the documents
 * of a ref that names no Zaak, with their Zaak; changes_url lists the
 * documents of the kinds naast reads changed since since (ISO 8601, on
 * or after: a document on the edge of two syncs is seen twice, not lost),
 * oldest first, with their Zaak.
 */
char *opendata_zaak_url(const char *base, const char *nummer);
char *opendata_documents_url(const char *base, const struct od_ref *ref);
char *opendata_changes_url(const char *base, const char *since);
char *opendata_resource_url(const char *base, const char *id);

/*
 * Parses the answer to zaak_url: STATUS_NOT_FOUND when it lists no Zaak,
 * STATUS_FORMAT with err set when it is not the JSON the API sends.
 */
enum status opendata_zaak_parse(const char *json, size_t len,
    struct od_zaak *out, struct error *err);
void opendata_zaak_free(struct od_zaak *z);

/* Parses a page of documents (documents_url, changes_url). */
enum status opendata_documents_parse(const char *json, size_t len,
    struct od_page *out, struct error *err);
void opendata_page_free(struct od_page *p);

#endif
