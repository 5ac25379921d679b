#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
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
	if (!name)
		return false;
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

int
model_strv_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
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

/*
 * The conversion at fmt (after its '%'): its argument's position (1 up)
 * when it names one ("%2$s"), 0 else; *len its length from the '%' on,
 * *stars how many '*' it has, *conv its conversion and *size its length
 * modifier ('H' for hh, 'L' for ll, else the letter or 0).
 */
static int
conversion(const char *fmt, size_t *len, int *stars, char *conv, char *size)
{
	const char *p = fmt;
	int pos = 0;

	*stars = 0;
	*size = 0;
	if (*p >= '1' && *p <= '9') {
		const char *q = p;
		int n = 0;

		while (*q >= '0' && *q <= '9' && n < 1000)
			n = n * 10 + (*q++ - '0');
		if (*q == '$') {
			pos = n;
			p = q + 1;
		}
	}
	while (*p && strchr("-#0 +'I", *p))
		p++;
	for (int part = 0; part < 2; part++) {
		if (*p == '*') {
			(*stars)++;
			p++;
			while (*p >= '0' && *p <= '9')	/* "*2$" */
				p++;
			if (*p == '$')
				p++;
		}
		while (*p >= '0' && *p <= '9')
			p++;
		if (part == 0 && *p == '.')
			p++;
		else
			break;
	}
	if ((p[0] == 'h' && p[1] == 'h') || (p[0] == 'l' && p[1] == 'l')) {
		*size = p[0] == 'h' ? 'H' : 'L';
		p += 2;
	} else if (*p && strchr("hlzjtL", *p)) {
		*size = *p++;
	}
	*conv = *p;
	*len = (size_t)(p - fmt) + (*p ? 2 : 1);
	return pos;
}

/* fmt with the n-th argument of args (each ended by WARNING_ARG_END) at each conversion. */
static char *
warning_format(const char *fmt, const char *args)
{
	struct xbuf b = { 0 };
	int next = 0;

	xbuf_puts(&b, "");
	for (const char *p = fmt; *p;) {
		const char *pct = strchr(p, '%');
		const char *arg = args;
		size_t len;
		int stars, pos;
		char conv, size;

		if (!pct) {
			xbuf_puts(&b, p);
			break;
		}
		xbuf_add(&b, p, (size_t)(pct - p));
		if (pct[1] == '%') {
			xbuf_puts(&b, "%");
			p = pct + 2;
			continue;
		}
		pos = conversion(pct + 1, &len, &stars, &conv, &size);
		p = pct + len;
		if (!conv)
			break;
		pos = pos ? pos - 1 : next++;
		for (int i = 0; arg && i < pos; i++) {
			arg = strchr(arg, WARNING_ARG_END);
			arg = arg ? arg + 1 : NULL;
		}
		if (arg && *arg) {
			const char *end = strchr(arg, WARNING_ARG_END);

			xbuf_add(&b, arg, end ? (size_t)(end - arg) : strlen(arg));
		}
	}
	return xbuf_finish(&b);
}

void
model_warn(struct document *doc, const char *fmt, ...)
{
	struct xbuf args = { 0 };
	struct warning *w;
	va_list ap;

	xbuf_puts(&args, "");
	va_start(ap, fmt);
	for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
		char one[512];
		const char *dot;
		long long d = 0;
		size_t len;
		int stars, precision = -1;
		char conv, size;
		bool unsign = false;

		if (p[1] == '%') {
			p += 2;
			continue;
		}
		conversion(p + 1, &len, &stars, &conv, &size);
		if (!conv || stars)
			break;
		dot = memchr(p, '.', len);
		if (dot)
			precision = atoi(dot + 1);
		p += len;
		one[0] = '\0';
		switch (conv) {
		case 's': {
			const char *v = va_arg(ap, const char *);

			snprintf(one, sizeof(one), "%.*s",
			    precision >= 0 ? precision : (int)sizeof(one), v);
			break;
		}
		case 'c':
			snprintf(one, sizeof(one), "%c", va_arg(ap, int));
			break;
		case 'u':
			unsign = true;
			/* FALLTHROUGH */
		case 'd': case 'i':
			if (size == 'l')
				d = unsign ? (long long)va_arg(ap, unsigned long) :
				    va_arg(ap, long);
			else if (size == 'L')
				d = va_arg(ap, long long);
			else if (size == 'z')
				d = (long long)va_arg(ap, size_t);
			else if (size == 'j')
				d = (long long)va_arg(ap, intmax_t);
			else if (size == 't')
				d = (long long)va_arg(ap, ptrdiff_t);
			else
				d = unsign ? (long long)va_arg(ap, unsigned) :
				    va_arg(ap, int);
			snprintf(one, sizeof(one), "%lld", d);
			break;
		default:
			/* not one model.h allows: the warning says what it can */
			p = NULL;
			break;
		}
		for (char *c = one; (c = strchr(c, WARNING_ARG_END)); )
			*c = ' ';
		xbuf_puts(&args, one);
		xbuf_add(&args, (char[]){ WARNING_ARG_END }, 1);
		if (!p)
			break;
	}
	va_end(ap);
	xgrow(&doc->warnings, &doc->cap_warnings, doc->n_warnings + 1,
	    sizeof(*doc->warnings));
	w = &doc->warnings[doc->n_warnings++];
	w->format = xstrdup(fmt);
	w->args = xbuf_finish(&args);
	w->text = warning_format(w->format, w->args);
}

char *
model_warning_say(const struct warning *w)
{
	if (!w->format)
		return xstrdup(w->text ? w->text : "");
	return warning_format(_(w->format), w->args ? w->args : "");
}

void
model_warnings_free(struct warning *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].format);
		free(v[i].args);
	}
	free(v);
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
	model_warnings_free(doc->warnings, doc->n_warnings);
	free(doc);
}
