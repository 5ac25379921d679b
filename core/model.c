#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "xalloc.h"

static const char *const role_names[N_ROLES] = {
#define ROLE_NAME(name, str) str,
	ROLE_INFO(ROLE_NAME)
#undef ROLE_NAME
};

static const char *const kind_names[N_DOC_KINDS] = {
#define KIND_NAME(name, str) str,
	DOC_KIND_INFO(KIND_NAME)
#undef KIND_NAME
};

const char *
model_role_name(enum role role)
{
	return (unsigned)role < COUNT(role_names) ? role_names[role] : "other";
}

const char *
model_origin_name(const char *origin)
{
	const char *slash;

	if (!origin || !*origin)
		return "(no name)";
	slash = strrchr(origin, '/');
	return slash && slash[1] ? slash + 1 : origin;
}

bool
model_role_from_name(const char *name, enum role *out)
{
	for (size_t i = 0; i < COUNT(role_names); i++) {
		if (strcmp(role_names[i], name) == 0) {
			*out = (enum role)i;
			return true;
		}
	}
	return false;
}

const char *
model_kind_name(enum doc_kind kind)
{
	return (unsigned)kind < COUNT(kind_names) ? kind_names[kind] : "unknown";
}

struct document *
model_new(const char *raw, size_t len)
{
	struct document *doc = xcalloc(1, sizeof(*doc));

	doc->raw = xstrndup(raw, len);
	doc->raw_len = len;
	return doc;
}

void
model_strv_add(char ***v, size_t *n, char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = s;
}

void
model_strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
model_questioners_free(struct questioner *q, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(q[i].name);
		free(q[i].party);
	}
	free(q);
}

void
model_signatories_free(struct signatory *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].name);
		free(s[i].role);
		free(s[i].ministry);
		free(s[i].portfolio);
		free(s[i].written);
		free(s[i].on_behalf_written);
		model_strv_free(s[i].on_behalf_of, s[i].n_on_behalf_of);
	}
	free(s);
}

static char *
strdup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

char *
model_marked_text(const char *text, const struct footnote *f, size_t n)
{
	struct xbuf b = { NULL, 0, 0 };
	size_t at = 0, len = strlen(text ? text : "");

	xbuf_add(&b, "", 0);
	for (size_t i = 0; i < n; i++) {
		size_t to = f[i].at <= len ? f[i].at : len;
		char *mark = xasprintf("[%s]", f[i].marker);

		if (to > at)
			xbuf_add(&b, text + at, to - at);
		at = to > at ? to : at;
		xbuf_puts(&b, mark);
		free(mark);
	}
	if (len > at)
		xbuf_add(&b, text + at, len - at);
	return xbuf_finish(&b);
}

struct questioner *
model_questioners_copy(const struct questioner *q, size_t n)
{
	struct questioner *c = xcalloc(n + 1, sizeof(*c));

	for (size_t i = 0; i < n; i++) {
		c[i].name = strdup_or_null(q[i].name);
		c[i].party = strdup_or_null(q[i].party);
	}
	return c;
}

struct signatory *
model_signatories_copy(const struct signatory *sg, size_t n)
{
	struct signatory *c = xcalloc(n + 1, sizeof(*c));

	for (size_t i = 0; i < n; i++) {
		c[i].name = strdup_or_null(sg[i].name);
		c[i].role = strdup_or_null(sg[i].role);
		c[i].ministry = strdup_or_null(sg[i].ministry);
		c[i].portfolio = strdup_or_null(sg[i].portfolio);
		c[i].written = strdup_or_null(sg[i].written);
		c[i].on_behalf_written = strdup_or_null(sg[i].on_behalf_written);
		for (size_t k = 0; k < sg[i].n_on_behalf_of; k++)
			model_strv_add(&c[i].on_behalf_of, &c[i].n_on_behalf_of,
			    xstrdup(sg[i].on_behalf_of[k]));
	}
	return c;
}

void
model_pubrefs_free(struct pubref *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(r[i].year);
	free(r);
}

struct passage *
model_add_passage(struct document *doc, enum role role, int vraag, char *text,
    size_t start, size_t end)
{
	struct passage *p;

	xgrow(&doc->passages, &doc->cap_passages, doc->n_passages + 1,
	    sizeof(*doc->passages));
	p = &doc->passages[doc->n_passages++];
	p->role = role;
	p->vraag = vraag;
	p->vraag_to = vraag;
	p->text = text;
	p->start = start;
	p->end = end;
	p->footnotes = NULL;
	p->n_footnotes = 0;
	return p;
}

struct footnote *
model_add_footnote(struct passage *p, char *marker, char *text, size_t at,
    size_t start, size_t end)
{
	struct footnote *f;

	p->footnotes = xrealloc(p->footnotes,
	    (p->n_footnotes + 1) * sizeof(*p->footnotes));
	f = &p->footnotes[p->n_footnotes++];
	f->marker = marker;
	f->text = text;
	f->at = at;
	f->start = start;
	f->end = end;
	return f;
}

void
model_footnotes_free(struct footnote *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(f[i].marker);
		free(f[i].text);
	}
	free(f);
}

void
model_warn(struct document *doc, const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	xgrow(&doc->warnings, &doc->cap_warnings, doc->n_warnings + 1,
	    sizeof(*doc->warnings));
	doc->warnings[doc->n_warnings++] = xstrdup(buf);
}

void
model_free(struct document *doc)
{
	if (!doc)
		return;
	free(doc->raw);
	free(doc->subject);
	model_questioners_free(doc->questioners, doc->n_questioners);
	model_strv_free(doc->addressed, doc->n_addressed);
	if (doc->addressed_portfolio)
		model_strv_free(doc->addressed_portfolio, doc->n_addressed);
	free(doc->ministry);
	free(doc->zaak);
	free(doc->tk_id);
	free(doc->tk_number);
	free(doc->koop_id);
	model_signatories_free(doc->signatories, doc->n_signatories);
	model_pubrefs_free(doc->see_also, doc->n_see_also);
	model_strv_free(doc->addressees, doc->n_addressees);
	free(doc->epigraph_author);
	free(doc->salutation);
	free(doc->closing);
	for (size_t i = 0; i < doc->n_passages; i++) {
		free(doc->passages[i].text);
		model_footnotes_free(doc->passages[i].footnotes,
		    doc->passages[i].n_footnotes);
	}
	free(doc->passages);
	model_strv_free(doc->warnings, doc->n_warnings);
	free(doc);
}
