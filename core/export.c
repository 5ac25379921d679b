/*
 * export: citations and the five export formats.  See export.h.
 *
 * Items are written in the order given, grouped as a reader of the note
 * expects: a heading per vraag (or per letter), then the passages quoted.
 * Consecutive passages of one answer share one citation, which follows
 * them; a passage with a note ends its run, and the note follows the
 * citation.  A letter's passages are cited one by one, since a letter's
 * citation names the paragraph.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "export.h"
#include "export_impl.h"
#include "json_record.h"
#include "ministry.h"
#include "text.h"
#include "xalloc.h"

/* Plain text is wrapped here; quotes are indented by QUOTE_INDENT. */
#define TEXT_WIDTH 72
#define QUOTE_INDENT 4


static const struct {
	const char *ext;
	const char *help;
} formats[] = {
#define EXPORT_FORMAT_ROW(name, ext, help) { ext, help },
	EXPORT_FORMAT_INFO(EXPORT_FORMAT_ROW)
#undef EXPORT_FORMAT_ROW
};

bool
export_format_from_name(const char *name, enum export_format *out)
{
	for (size_t i = 0; name && i < COUNT(formats); i++) {
		if (strcasecmp(name, formats[i].ext) == 0) {
			*out = (enum export_format)i;
			return true;
		}
	}
	return false;
}

const char *
export_format_name(enum export_format format)
{
	return (size_t)format < COUNT(formats) ? formats[format].ext : "md";
}

const char *
export_format_help(enum export_format format)
{
	return (size_t)format < COUNT(formats) ? _(formats[format].help) : "";
}

const char *
export_format_list(void)
{
	return "md, txt, csv, json, html, docx, xlsx";
}

bool
export_format_is_binary(enum export_format format)
{
	return format == EXPORT_DOCX || format == EXPORT_XLSX;
}

void
export_items_free(struct export_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct export_item *it = &items[i];

		free(it->text);
		model_footnotes_free(it->footnotes, it->n_footnotes);
		free(it->marker);
		free(it->note);
		free(it->subject);
		model_questioners_free(it->questioners, it->n_questioners);
		free(it->vraag_text);
		model_footnotes_free(it->vraag_footnotes, it->n_vraag_footnotes);
		model_signatories_free(it->signatories, it->n_signatories);
		model_strv_free(it->addressees, it->n_addressees);
		free(it->origin);
		for (size_t r = 0; r < it->n_refs; r++)
			export_items_free(it->refs[r].items, it->refs[r].n_items);
		free(it->refs);
	}
	free(items);
}

/* ------------------------------------------------------------------ text */

/* s made safe to write: no escape sequences, no control characters. */
char *
export_clean(const char *s)
{
	return text_sanitize(s ? s : "", s ? strlen(s) : 0, 0);
}

void
export_drop_nonchars(char *s)
{
	char *out = s;

	for (const char *p = s; *p; p++) {
		if ((unsigned char)p[0] == 0xef && (unsigned char)p[1] == 0xbf &&
		    ((unsigned char)p[2] == 0xbe || (unsigned char)p[2] == 0xbf)) {
			p += 2;
			continue;
		}
		*out++ = *p;
	}
	*out = '\0';
}

char *
export_clean_xml(const char *s)
{
	char *safe = export_clean(s);

	export_drop_nonchars(safe);
	return safe;
}

/* "A", "A en B", "A, B en C". */
static void
add_list(struct xbuf *b, char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			xbuf_puts(b, i + 1 == n ? " en " : ", ");
		xbuf_puts(b, words[i]);
	}
}

/* "vraag 8"; a shared answer: "de vragen 10 en 11". */
static void
add_vraag_numbers(struct xbuf *b, int from, int to, bool capital)
{
	if (to <= from) {
		xbuf_printf(b, "%s %d", capital ? "Vraag" : "vraag", from);
		return;
	}
	xbuf_puts(b, capital ? "Vragen " : "de vragen ");
	for (int v = from; v <= to; v++)
		xbuf_printf(b, "%s%d", v == from ? "" : v == to ? " en " : ", ", v);
}

static const char *
ministry_name(const char *code)
{
	const struct ministry *m = code ? ministry_by_code(code) : NULL;

	return m ? m->name : code;
}

/* ------------------------------------------------------------- citations */

/*
 * "van" for a ministry, "voor" for a minister without one of his own:
 * "de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking".
 */
static const char *
minister_of(const char *code)
{
	static const char *const without_ministry[] = { "BHO" };

	for (size_t i = 0; i < COUNT(without_ministry); i++)
		if (strcmp(code, without_ministry[i]) == 0)
			return "voor";
	return "van";
}

/* "van het lid Eerdmans (JA21)", "van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD)". */
static void
add_questioners(struct xbuf *b, const struct export_item *it)
{
	char **names = xcalloc(it->n_questioners + 1, sizeof(*names));

	if (it->n_questioners == 0) {
		free(names);
		return;
	}
	for (size_t i = 0; i < it->n_questioners; i++) {
		const struct questioner *q = &it->questioners[i];

		names[i] = q->party ? xasprintf("%s (%s)", q->name, q->party) : xstrdup(q->name);
	}
	xbuf_puts(b, it->n_questioners == 1 ? " van het lid " : " van de leden ");
	add_list(b, names, it->n_questioners);
	model_strv_free(names, it->n_questioners);
}

/* " over ... (ingezonden 29 januari 2024)" */
static void
add_subject(struct xbuf *b, const struct export_item *it)
{
	char date[32];

	if (it->subject && *it->subject)
		xbuf_printf(b, " over %s", it->subject);
	if (date_format_nl(it->submitted, date, sizeof(date)))
		xbuf_printf(b, " (ingezonden %s)", date);
}

/*
 * "Minister-President Rutte (Algemene Zaken)", with any "mede namens".  The
 * ministry and the "mede namens" list as the header wrote them when that
 * is known ("Klimaat en Energie" is grouped under EZK but cited so), else
 * the names of their codes (rows stored before naast kept what was
 * written, until they are parsed again).
 */
static void
add_signatory(struct xbuf *b, const struct signatory *s)
{
	if (s->role && *s->role)
		xbuf_printf(b, "%s ", s->role);
	xbuf_puts(b, s->name);
	if (s->written && *s->written)
		xbuf_printf(b, " (%s)", s->written);
	else if (s->ministry && *s->ministry && s->portfolio && *s->portfolio)
		xbuf_printf(b, " (%s – %s)", ministry_name(s->ministry), s->portfolio);
	else if (s->ministry && *s->ministry)
		xbuf_printf(b, " (%s)", ministry_name(s->ministry));
	if (s->on_behalf_written && *s->on_behalf_written) {
		xbuf_printf(b, ", mede namens %s", s->on_behalf_written);
		return;
	}
	for (size_t i = 0; i < s->n_on_behalf_of; i++) {
		const char *code = s->on_behalf_of[i];

		xbuf_puts(b, i == 0 ? ", mede namens " : i + 1 == s->n_on_behalf_of ? " en " : ", ");
		if (strcmp(code, "AZ") == 0)
			xbuf_puts(b, "de Minister-President");
		else
			xbuf_printf(b, "de Minister %s %s", minister_of(code), ministry_name(code));
	}
}

/*
 * "Antwoord van Minister De Jonge (...) en van Staatssecretaris Van
 * Huffelen (...)"; inside a sentence "antwoord van ...".
 */
static void
add_answerers(struct xbuf *b, const struct export_item *it, bool capital)
{
	xbuf_puts(b, capital ? "Antwoord van " : "antwoord van ");
	if (it->n_signatories == 0) {
		if (it->ministry[0])
			xbuf_printf(b, "het Ministerie van %s", ministry_name(it->ministry));
		else
			xbuf_puts(b, "de regering");
		return;
	}
	for (size_t i = 0; i < it->n_signatories; i++) {
		if (i)
			xbuf_puts(b, i + 1 == it->n_signatories ? " en van " : ", van ");
		add_signatory(b, &it->signatories[i]);
	}
}

/*
 * " Aanhangsel Handelingen II 2023/24, nr. 1059." when the number is known:
 * "I" for a document of the Eerste Kamer, "II" for the Tweede Kamer,
 * whose written questions naast is for, also when the document does not
 * say.  A fetched document's KOOP id, by which it is found on
 * officielebekendmakingen.nl, follows in brackets ("(ah-tk-20232024-1059)"),
 * or stands alone when the document prints no number.
 */
static void
add_aanhangsel(struct xbuf *b, const struct export_item *it)
{
	const char *hand = it->chamber == CHAMBER_EK ? "I" : "II";
	char year[8];

	if (it->aanhangsel <= 0) {
		if (it->koop_id[0])
			xbuf_printf(b, " (%s)", it->koop_id);
		return;
	}
	if (it->vergaderjaar[0])
		xbuf_printf(b, " Aanhangsel Handelingen %s %s, nr. %d", hand,
		    it->vergaderjaar, it->aanhangsel);
	else if (date_vergaderjaar(it->received, year) || date_vergaderjaar(it->submitted, year))
		xbuf_printf(b, " Aanhangsel Handelingen %s %s, nr. %d", hand, year,
		    it->aanhangsel);
	else
		xbuf_printf(b, " Aanhangsel Handelingen %s, nr. %d", hand,
		    it->aanhangsel);
	if (it->koop_id[0])
		xbuf_printf(b, " (%s)", it->koop_id);
	xbuf_puts(b, ".");
}

static const char *
letter_part(enum role role)
{
	switch (role) {
	case ROLE_EPIGRAPH:
	case ROLE_ATTRIBUTION:
		return "motto";
	case ROLE_SALUTATION:
		return "aanhef";
	case ROLE_CLOSING:
		return "slot";
	default:
		return NULL;
	}
}

/* The item is a footnote of a passage: cited as that passage's footnote. */
static bool
is_footnote(const struct export_item *it)
{
	return it->role == ROLE_FOOTNOTE && it->marker;
}

static void
add_letter_citation(struct xbuf *b, const struct export_item *it)
{
	const char *part = letter_part(is_footnote(it) ? it->note_of : it->role);

	xbuf_puts(b, it->kind == DOC_LETTER ? WORD_LETTER : "Document");
	if (it->n_addressees) {
		xbuf_puts(b, " aan ");
		add_list(b, it->addressees, it->n_addressees);
	}
	if (it->paragraph > 0)
		xbuf_printf(b, ", alinea %d", it->paragraph);
	else if (part)
		xbuf_printf(b, ", %s", part);
	if (is_footnote(it))
		xbuf_printf(b, ", voetnoot %s", it->marker);
	if (it->origin)
		xbuf_printf(b, " (%s)", model_origin_name(it->origin));
	xbuf_puts(b, ".");
}

/*
 * A footnote is cited as what it belongs to, after "Voetnoot 1 bij":
 * "Voetnoot 1 bij vraag 3 van het lid ...", "Voetnoot 2 bij het
 * antwoord van Minister ...".
 */
char *
export_citation(const struct export_item *it)
{
	struct xbuf b = { 0 };
	char date[32], *raw, *safe;
	bool note = is_footnote(it);
	enum role role = note ? it->note_of : it->role;

	if (note && it->kind != DOC_LETTER && it->kind != DOC_UNKNOWN)
		xbuf_printf(&b, WORD_FOOTNOTE " %s bij ", it->marker);
	if (it->kind == DOC_LETTER || it->kind == DOC_UNKNOWN) {
		add_letter_citation(&b, it);
	} else if (role == ROLE_VRAAG || it->kind == DOC_QUESTIONS) {
		/* The question itself, as the Kamerlid put it. */
		if (it->vraag > 0)
			add_vraag_numbers(&b, it->vraag, it->vraag_to, !note);
		else
			xbuf_puts(&b, note ? "de vragen" : "Vragen");
		add_questioners(&b, it);
		add_subject(&b, it);
		xbuf_puts(&b, ".");
		add_aanhangsel(&b, it);
	} else {
		if (note)
			xbuf_puts(&b, "het ");
		add_answerers(&b, it, !note);
		if (date_format_nl(it->received, date, sizeof(date)))
			xbuf_printf(&b, ", ontvangen %s", date);
		xbuf_puts(&b, ", op ");
		if (it->vraag > 0)
			add_vraag_numbers(&b, it->vraag, it->vraag_to, false);
		else
			xbuf_puts(&b, "de vragen");
		add_questioners(&b, it);
		add_subject(&b, it);
		xbuf_puts(&b, ".");
		add_aanhangsel(&b, it);
	}
	raw = xbuf_finish(&b);
	safe = export_clean(raw);
	free(raw);
	return safe;
}

/* ------------------------------------------------------------ file names */

/* Lower-case ASCII letters and digits, the rest one '-': "van-der-plas". */
static void
add_slug(struct xbuf *b, const char *s)
{
	char *folded = text_fold(s ? s : "", TEXT_FOLD_CASE | TEXT_FOLD_MARKS);
	bool dash = b->n > 0 && b->s[b->n - 1] != '-';

	for (const char *p = folded; *p; p++) {
		if (isalnum((unsigned char)*p) && !((unsigned char)*p & 0x80)) {
			if (dash)
				xbuf_add(b, "-", 1);
			xbuf_add(b, p, 1);
			dash = false;
		} else if (b->n > 0 && b->s[b->n - 1] != '-') {
			dash = true;
		}
	}
	free(folded);
}

char *
export_default_name(const struct export_item *items, size_t n,
    enum export_format format)
{
	struct xbuf b = { 0 };
	bool one_set = n > 0 && items[0].set > 0, one_doc = n > 0, one_vraag = n > 0;

	for (size_t i = 1; i < n; i++) {
		one_set = one_set && items[i].set == items[0].set;
		one_doc = one_doc && items[i].doc == items[0].doc;
		one_vraag = one_vraag && items[i].vraag == items[0].vraag &&
		    items[i].vraag_to == items[0].vraag_to;
	}
	xbuf_puts(&b, "naast");
	if (one_set) {
		add_slug(&b, items[0].n_questioners ? items[0].questioners[0].name : "vragen");
		/* a slug too: "2024-01-29" stays so, and nothing else is a path */
		if (items[0].submitted[0])
			add_slug(&b, items[0].submitted);
		if (one_vraag && items[0].vraag > 0)
			xbuf_printf(&b, "-vraag%d", items[0].vraag);
	} else if (one_doc) {
		char *base = xstrdup(model_origin_name(items[0].origin));
		char *dot = strrchr(base, '.');

		if (dot && dot != base)
			*dot = '\0';
		add_slug(&b, items[0].kind == DOC_LETTER ? "brief" : "");
		add_slug(&b, base);
		free(base);
	} else {
		add_slug(&b, "selection");
	}
	xbuf_printf(&b, ".%s", export_format_name(format));
	return xbuf_finish(&b);
}

/* -------------------------------------------------------------- grouping */

/*
 * Items a and b are passages of one answer (or one question), cited
 * once.  A footnote's citation names it, so each has its own.
 */
static bool
same_source(const struct export_item *a, const struct export_item *b)
{
	return a->doc == b->doc && a->kind != DOC_LETTER && a->kind != DOC_UNKNOWN &&
	    a->role == b->role && a->vraag == b->vraag && a->vraag_to == b->vraag_to &&
	    !a->note && !is_footnote(a);
}

/* Items a and b belong under one heading: one vraag of a set, or one letter. */
static bool
same_heading(const struct export_item *a, const struct export_item *b)
{
	if (a->set > 0 || b->set > 0)
		return a->set == b->set && a->vraag == b->vraag && a->vraag_to == b->vraag_to;
	return a->doc == b->doc;
}

/* The end of the run of items that share items[i]'s citation. */
size_t
export_run_end(const struct export_item *items, size_t n, size_t i)
{
	size_t j = i + 1;

	while (j < n && same_source(&items[j - 1], &items[j]))
		j++;
	return j;
}

size_t
export_heading_end(const struct export_item *items, size_t n, size_t i)
{
	size_t j = i + 1;

	while (j < n && same_heading(&items[i], &items[j]))
		j++;
	return j;
}

/* The item is the vraag, or a footnote of it: it goes above the answers. */
bool
export_of_vraag(const struct export_item *it)
{
	return it->role == ROLE_VRAAG || (is_footnote(it) && it->note_of == ROLE_VRAAG);
}

/* Some item in [from, to) is the vraag itself. */
bool
export_has_vraag_passage(const struct export_item *items, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (items[i].role == ROLE_VRAAG)
			return true;
	return false;
}

bool
export_one_set(const struct export_item *items, size_t n)
{
	if (n == 0 || items[0].set <= 0)
		return false;
	for (size_t i = 1; i < n; i++)
		if (items[i].set != items[0].set)
			return false;
	return true;
}

char *
export_set_heading(const struct export_item *it)
{
	struct xbuf b = { 0 };
	char *raw, *safe;

	xbuf_puts(&b, "Vragen");
	add_questioners(&b, it);
	add_subject(&b, it);
	raw = xbuf_finish(&b);
	safe = export_clean(raw);
	free(raw);
	return safe;
}

/* The title of the whole export when every item is of one set; else NULL. */
static char *
title_of(const struct export_item *items, size_t n)
{
	return export_one_set(items, n) ? export_set_heading(&items[0]) : NULL;
}

/*
 * The item opens a new set in an export of several: its set's heading
 * goes above it, and the vragen are headed one level down.
 */
static bool
opens_set(const struct export_item *items, size_t i)
{
	return items[i].set > 0 && (i == 0 || items[i - 1].set != items[i].set);
}

/* Items a and b are in one group of export_grouped: a set, or one document. */
static bool
same_group(const struct export_item *a, const struct export_item *b)
{
	if (a->set > 0 || b->set > 0)
		return a->set == b->set;
	return a->doc == b->doc;
}

struct export_item *
export_grouped(const struct export_item *items, size_t n)
{
	struct export_item *out = xcalloc(n + 1, sizeof(*out));
	bool *taken = xcalloc(n + 1, sizeof(*taken));
	size_t k = 0;

	/* Quadratic, as the basket is a handful of passages, a set a few hundred. */
	for (size_t g = 0; g < n; g++) {
		if (taken[g])
			continue;
		for (size_t h = g; h < n; h++) {
			if (taken[h] || !same_group(&items[g], &items[h]))
				continue;
			for (size_t i = h; i < n; i++) {
				if (taken[i] || !same_group(&items[g], &items[i]) ||
				    !same_heading(&items[h], &items[i]))
					continue;
				out[k++] = items[i];
				taken[i] = true;
			}
		}
	}
	free(taken);
	return out;
}

/* The export holds a passage of the answer r. */
static bool
holds_ref(const struct export_item *items, size_t n, const struct export_ref *r)
{
	for (size_t k = 0; k < r->n_items; k++)
		for (size_t i = 0; i < n; i++)
			if (items[i].passage == r->items[k].passage)
				return true;
	return false;
}

size_t
export_run_refs(const struct export_item *items, size_t n, size_t from, size_t to,
    const struct export_ref ***out)
{
	const struct export_ref **refs = NULL;
	size_t n_refs = 0;

	for (size_t i = from; i < to; i++) {
		for (size_t r = 0; r < items[i].n_refs; r++) {
			const struct export_ref *ref = &items[i].refs[r];
			bool seen = ref->n_items == 0 || holds_ref(items, n, ref);

			for (size_t k = 0; k < n_refs && !seen; k++)
				seen = refs[k]->vraag == ref->vraag && refs[k]->items[0].doc == ref->items[0].doc;
			if (seen)
				continue;
			refs = xrealloc(refs, (n_refs + 1) * sizeof(*refs));
			refs[n_refs++] = ref;
		}
	}
	*out = refs;
	return n_refs;
}

char *
export_ref_label(const struct export_ref *r)
{
	const struct export_item *it = &r->items[0];
	struct xbuf b = { 0 };
	char *raw, *safe;

	xbuf_puts(&b, "Het antwoord op ");
	if (it->vraag_to > it->vraag)
		add_vraag_numbers(&b, it->vraag, it->vraag_to, false);
	else
		xbuf_printf(&b, "vraag %d", r->vraag);
	xbuf_puts(&b, ", waarnaar verwezen wordt:");
	raw = xbuf_finish(&b);
	safe = export_clean(raw);
	free(raw);
	return safe;
}

/* The heading over items[i]'s group: "Vraag 8", "Brief aan ...". */
char *
export_heading(const struct export_item *it)
{
	struct xbuf b = { 0 };
	char *raw, *safe;

	if (it->set > 0 && it->vraag > 0) {
		add_vraag_numbers(&b, it->vraag, it->vraag_to, true);
	} else if (it->set > 0) {
		xbuf_puts(&b, "Vragen");
		add_questioners(&b, it);
	} else {
		xbuf_puts(&b, it->kind == DOC_LETTER ? WORD_LETTER : "Document");
		if (it->n_addressees) {
			xbuf_puts(&b, " aan ");
			add_list(&b, it->addressees, it->n_addressees);
		} else {
			xbuf_printf(&b, " %s", model_origin_name(it->origin));
		}
	}
	raw = xbuf_finish(&b);
	safe = export_clean(raw);
	free(raw);
	return safe;
}

/* ---------------------------------------------------------- the writers */

/*
 * The passage's text with its footnote markers back in place, "[1]"; a
 * footnote's text after its marker, as it stands under its passage.
 */
char *
export_marked(const struct export_item *it)
{
	if (is_footnote(it))
		return xasprintf("[%s] %s", it->marker, it->text);
	return model_marked_text(it->text, it->footnotes, it->n_footnotes);
}

/* The text of the item's vraag with its footnote markers in place. */
char *
export_marked_vraag(const struct export_item *it)
{
	return model_marked_text(it->vraag_text, it->vraag_footnotes,
	    it->n_vraag_footnotes);
}

/*
 * The next line of *rest (the vragen of a shared answer, or the
 * paragraphs of one, stand on lines of their own), advancing *rest past
 * it; NULL after the last.  Caller frees.
 */
char *
export_next_line(const char **rest)
{
	const char *line = *rest, *nl;

	if (!line)
		return NULL;
	nl = strchr(line, '\n');
	*rest = nl ? nl + 1 : NULL;
	return nl ? xstrndup(line, (size_t)(nl - line)) : xstrdup(line);
}

/* "[1] Kamerstuk 36 200 VII, nr. 5" */
char *
export_footnote_line(const struct footnote *f)
{
	return xasprintf("[%s] %s", f->marker, f->text);
}

/* "[1] ...; [2] ..." for one CSV field. */
static char *
footnotes_text(const struct footnote *f, size_t n)
{
	struct xbuf b = { 0 };

	for (size_t i = 0; i < n; i++) {
		char *line = export_footnote_line(&f[i]);

		if (i)
			xbuf_puts(&b, "; ");
		xbuf_puts(&b, line);
		free(line);
	}
	return xbuf_finish(&b);
}

struct out {
	FILE *fp;
	bool failed;
};

static void
put(struct out *o, const char *s)
{
	if (!o->failed && fputs(s, o->fp) == EOF)
		o->failed = true;
}

/*
 * Markdown: the characters that would turn text into markup, escaped.  An
 * underscore inside a word ("004_e24.txt") is no markup and stays as it is,
 * and so does a footnote marker "[2]" (no link without a definition), so
 * that the note reads well where Markdown is not rendered.
 */
static void
put_md(struct out *o, const char *text)
{
	char *safe = export_clean(text);
	struct xbuf b = { 0 };

	for (const char *p = safe; *p; p++) {
		bool inside = *p == '_' && p > safe && isalnum((unsigned char)p[-1]) &&
		    isalnum((unsigned char)p[1]);
		size_t digits = 0;

		if (*p == '[') {
			while (isdigit((unsigned char)p[1 + digits]))
				digits++;
			if (digits > 0 && p[1 + digits] == ']') {
				xbuf_add(&b, p, digits + 2);
				p += digits + 1;
				continue;
			}
		}
		if (strchr("\\`*_[]<>", *p) && !inside)
			xbuf_add(&b, "\\", 1);
		xbuf_add(&b, p, 1);
	}
	free(safe);
	safe = xbuf_finish(&b);
	put(o, safe);
	free(safe);
}

/* Plain text: text wrapped at TEXT_WIDTH, each line after indent spaces. */
static void
put_wrapped(struct out *o, const char *text, int indent)
{
	char *safe = export_clean(text);
	struct text_line *lines = NULL;
	size_t n = text_wrap(safe, TEXT_WIDTH - indent, &lines);

	for (size_t i = 0; i < n; i++) {
		size_t end = lines[i].end;

		while (end > lines[i].start && safe[end - 1] == ' ')
			end--;
		for (int k = 0; k < indent && end > lines[i].start; k++)
			put(o, " ");
		if (!o->failed && fwrite(safe + lines[i].start, 1, end - lines[i].start, o->fp)
		    != end - lines[i].start)
			o->failed = true;
		put(o, "\n");
	}
	free(lines);
	free(safe);
}

/*
 * Markdown: a run of one answer's passages quoted, its citation under
 * them, then its note; then the answers it refers to (of all n items),
 * each quoted with its own citation under a line that says so.
 */
static void
md_run(struct out *o, const struct export_item *items, size_t n, size_t from, size_t to)
{
	char *cite = export_citation(&items[from]);
	const struct export_ref **refs;
	size_t n_refs;

	for (size_t i = from; i < to; i++) {
		char *text = export_marked(&items[i]);

		put(o, i == from ? "> " : ">\n> ");
		put_md(o, text);
		put(o, "\n");
		free(text);
		for (size_t f = 0; f < items[i].n_footnotes; f++) {
			char *line = export_footnote_line(&items[i].footnotes[f]);

			put(o, ">\n> ");
			put_md(o, line);
			put(o, "\n");
			free(line);
		}
	}
	put(o, "\n");
	put_md(o, cite);
	put(o, "\n\n");
	free(cite);
	if (items[to - 1].note) {
		put(o, "**" WORD_NOTE ":** ");
		put_md(o, items[to - 1].note);
		put(o, "\n\n");
	}
	n_refs = export_run_refs(items, n, from, to, &refs);
	for (size_t r = 0; r < n_refs; r++) {
		char *label = export_ref_label(refs[r]);

		put(o, "**");
		put_md(o, label);
		put(o, "**\n\n");
		free(label);
		for (size_t k = 0; k < refs[r]->n_items;) {
			size_t kend = export_run_end(refs[r]->items, refs[r]->n_items, k);

			md_run(o, refs[r]->items, refs[r]->n_items, k, kend);
			k = kend;
		}
	}
	free(refs);
}

/* The vraag's text above the answers, when the vraag itself is not selected. */
static void
md_vraag(struct out *o, const struct export_item *it)
{
	char *vraag = export_marked_vraag(it), *part;
	const char *rest = vraag;

	while ((part = export_next_line(&rest))) {
		put(o, "*");
		put_md(o, part);
		put(o, "*\n\n");
		free(part);
	}
	free(vraag);
	/* Its footnotes under it, as under the passages quoted. */
	for (size_t f = 0; f < it->n_vraag_footnotes; f++) {
		char *line = export_footnote_line(&it->vraag_footnotes[f]);

		put_md(o, line);
		put(o, "\n\n");
		free(line);
	}
}

static void
write_md(struct out *o, const struct export_item *items, size_t n)
{
	char *title = title_of(items, n);

	if (title) {
		put(o, "# ");
		put_md(o, title);
		put(o, "\n\n");
		free(title);
	}
	for (size_t h = 0; h < n;) {
		size_t hend = export_heading_end(items, n, h);
		char *heading = export_heading(&items[h]);
		bool under_set = !title && items[h].set > 0;

		if (under_set && opens_set(items, h)) {
			char *set = export_set_heading(&items[h]);

			put(o, "## ");
			put_md(o, set);
			put(o, "\n\n");
			free(set);
		}
		put(o, under_set ? "### " : "## ");
		put_md(o, heading);
		put(o, "\n\n");
		free(heading);
		if (items[h].vraag_text && !export_has_vraag_passage(items, h, hend))
			md_vraag(o, &items[h]);
		for (size_t r = h; r < hend;) {
			size_t rend = export_run_end(items, hend, r);

			md_run(o, items, n, r, rend);
			r = rend;
		}
		h = hend;
	}
}

/* Plain text: the same as md_run, without marks. */
static void
txt_run(struct out *o, const struct export_item *items, size_t n, size_t from, size_t to)
{
	char *cite = export_citation(&items[from]);
	const struct export_ref **refs;
	size_t n_refs;

	for (size_t i = from; i < to; i++) {
		char *text = export_marked(&items[i]);

		put_wrapped(o, text, QUOTE_INDENT);
		free(text);
		for (size_t f = 0; f < items[i].n_footnotes; f++) {
			char *line = export_footnote_line(&items[i].footnotes[f]);

			put_wrapped(o, line, QUOTE_INDENT + 2);
			free(line);
		}
		put(o, "\n");
	}
	put_wrapped(o, cite, 0);
	put(o, "\n");
	free(cite);
	if (items[to - 1].note) {
		char *note = xasprintf(WORD_NOTE ": %s", items[to - 1].note);

		put_wrapped(o, note, 0);
		put(o, "\n");
		free(note);
	}
	n_refs = export_run_refs(items, n, from, to, &refs);
	for (size_t r = 0; r < n_refs; r++) {
		char *label = export_ref_label(refs[r]);

		put_wrapped(o, label, 0);
		put(o, "\n");
		free(label);
		for (size_t k = 0; k < refs[r]->n_items;) {
			size_t kend = export_run_end(refs[r]->items, refs[r]->n_items, k);

			txt_run(o, refs[r]->items, refs[r]->n_items, k, kend);
			k = kend;
		}
	}
	free(refs);
}

static void
write_txt(struct out *o, const struct export_item *items, size_t n)
{
	char *title = title_of(items, n);

	if (title) {
		put_wrapped(o, title, 0);
		put(o, "\n");
		free(title);
	}
	for (size_t h = 0; h < n;) {
		size_t hend = export_heading_end(items, n, h);
		char *heading = export_heading(&items[h]);

		if (!title && opens_set(items, h)) {
			char *set = export_set_heading(&items[h]);

			put_wrapped(o, set, 0);
			put(o, "\n");
			free(set);
		}
		put_wrapped(o, heading, 0);
		put(o, "\n");
		free(heading);
		if (items[h].vraag_text && !export_has_vraag_passage(items, h, hend)) {
			char *vraag = export_marked_vraag(&items[h]), *part;
			const char *rest = vraag;

			while ((part = export_next_line(&rest))) {
				put_wrapped(o, part, 0);
				free(part);
			}
			free(vraag);
			for (size_t f = 0; f < items[h].n_vraag_footnotes; f++) {
				char *line = export_footnote_line(&items[h].vraag_footnotes[f]);

				put_wrapped(o, line, 2);
				free(line);
			}
			put(o, "\n");
		}
		for (size_t r = h; r < hend;) {
			size_t rend = export_run_end(items, hend, r);

			txt_run(o, items, n, r, rend);
			r = rend;
		}
		h = hend;
	}
}

/* One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
static void
put_csv_field(struct out *o, const char *s, bool last)
{
	char *safe = export_clean(s);

	if (strpbrk(safe, ",\"\r\n")) {
		put(o, "\"");
		for (const char *p = safe; *p; p++) {
			char c[2] = { *p, '\0' };

			put(o, *p == '"' ? "\"\"" : c);
		}
		put(o, "\"");
	} else {
		put(o, safe);
	}
	put(o, last ? "\r\n" : ",");
	free(safe);
}

char *
export_signatories_text(const struct export_item *it)
{
	struct xbuf b = { 0 };

	for (size_t i = 0; i < it->n_signatories; i++) {
		if (i)
			xbuf_puts(&b, "; ");
		add_signatory(&b, &it->signatories[i]);
	}
	return xbuf_finish(&b);
}

char *
export_refs_text(const struct export_item *items, size_t n, size_t i)
{
	const struct export_ref **refs;
	size_t n_refs = export_run_refs(items, n, i, i + 1, &refs);
	struct xbuf b = { 0 };
	char *raw, *safe;

	for (size_t r = 0; r < n_refs; r++) {
		char *label = export_ref_label(refs[r]);

		xbuf_printf(&b, "%s%s", r ? "\n\n" : "", label);
		free(label);
		for (size_t k = 0; k < refs[r]->n_items;) {
			size_t kend = export_run_end(refs[r]->items, refs[r]->n_items, k);
			char *cite = export_citation(&refs[r]->items[k]);

			for (size_t m = k; m < kend; m++) {
				char *text = export_marked(&refs[r]->items[m]);

				xbuf_printf(&b, "\n\n%s", text);
				free(text);
			}
			xbuf_printf(&b, "\n\n%s", cite);
			free(cite);
			k = kend;
		}
	}
	free(refs);
	raw = xbuf_finish(&b);
	safe = text_sanitize(raw, strlen(raw), TEXT_KEEP_NEWLINES);
	free(raw);
	return safe;
}

static void
write_csv(struct out *o, const struct export_item *items, size_t n)
{
	/* The vraag's text and footnotes last: the columns before them stay where they were. */
	put(o, "set,vraag,ministry,signatories,received,aanhangsel,citation,text,note,footnotes,"
	    "vraag_text,vraag_footnotes,refs\r\n");
	for (size_t i = 0; i < n; i++) {
		const struct export_item *it = &items[i];
		char num[48], vraag[32], aanhangsel[16], *sig = export_signatories_text(it);
		char *cite = export_citation(it), *text = export_marked(it);
		char *notes = footnotes_text(it->footnotes, it->n_footnotes);
		char *vraag_text = it->vraag_text ? export_marked_vraag(it) : xstrdup("");
		char *vraag_notes = footnotes_text(it->vraag_footnotes, it->n_vraag_footnotes);
		char *raw, *refs;

		snprintf(num, sizeof(num), "%lld", it->set);
		if (it->vraag_to > it->vraag)
			snprintf(vraag, sizeof(vraag), "%d-%d", it->vraag, it->vraag_to);
		else
			snprintf(vraag, sizeof(vraag), "%d", it->vraag);
		snprintf(aanhangsel, sizeof(aanhangsel), "%d", it->aanhangsel);
		put_csv_field(o, it->set > 0 ? num : "", false);
		put_csv_field(o, it->vraag > 0 ? vraag : "", false);
		put_csv_field(o, it->ministry, false);
		put_csv_field(o, sig, false);
		put_csv_field(o, it->received, false);
		put_csv_field(o, it->aanhangsel > 0 ? aanhangsel : "", false);
		put_csv_field(o, cite, false);
		put_csv_field(o, text, false);
		put_csv_field(o, it->note ? it->note : "", false);
		put_csv_field(o, notes, false);
		put_csv_field(o, vraag_text, false);
		put_csv_field(o, vraag_notes, false);
		/* One line, as every text of a CSV field. */
		raw = export_refs_text(items, n, i);
		refs = text_squeeze(raw);
		put_csv_field(o, refs, true);
		free(raw);
		free(refs);
		free(sig);
		free(cite);
		free(text);
		free(notes);
		free(vraag_text);
		free(vraag_notes);
	}
}

/* An array of the passages, as json_record_passage_members writes them. */
static void
write_json(struct out *o, const struct export_item *items, size_t n)
{
	struct json j;

	json_init(&j, o->fp, true);
	json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		const struct export_ref **refs;
		size_t n_refs = export_run_refs(items, n, i, i + 1, &refs);

		json_object_begin(&j);
		json_record_passage_members(&j, &items[i]);
		if (n_refs) {
			json_key(&j, "referred_answers");
			json_array_begin(&j);
			for (size_t r = 0; r < n_refs; r++) {
				json_object_begin(&j);
				json_kv_int(&j, "vraag", refs[r]->vraag);
				json_key(&j, "passages");
				json_array_begin(&j);
				for (size_t k = 0; k < refs[r]->n_items; k++) {
					json_object_begin(&j);
					json_record_passage_members(&j, &refs[r]->items[k]);
					json_object_end(&j);
				}
				json_array_end(&j);
				json_object_end(&j);
			}
			json_array_end(&j);
		}
		json_object_end(&j);
		free(refs);
	}
	json_array_end(&j);
	json_finish(&j);
	if (ferror(o->fp))
		o->failed = true;
}

/* HTML: text with & < > " ' escaped. */
static void
put_html(struct out *o, const char *text)
{
	char *safe = export_clean(text);

	for (const char *p = safe; *p; p++) {
		char c[2] = { *p, '\0' };

		switch (*p) {
		case '&': put(o, "&amp;"); break;
		case '<': put(o, "&lt;"); break;
		case '>': put(o, "&gt;"); break;
		case '"': put(o, "&quot;"); break;
		case '\'': put(o, "&#39;"); break;
		default: put(o, c); break;
		}
	}
	free(safe);
}

static void
put_html_element(struct out *o, const char *open, const char *text, const char *close)
{
	put(o, open);
	put_html(o, text);
	put(o, close);
}

/* A run's passages, its citation and its note, inside a cell or the page. */
static void
put_html_run(struct out *o, const struct export_item *items, size_t n, size_t from,
    size_t to)
{
	char *cite = export_citation(&items[from]);
	const struct export_ref **refs;
	size_t n_refs;

	put(o, "<blockquote>\n");
	for (size_t i = from; i < to; i++) {
		char *text = export_marked(&items[i]);

		put_html_element(o, "<p>", text, "</p>\n");
		free(text);
		for (size_t f = 0; f < items[i].n_footnotes; f++) {
			char *line = export_footnote_line(&items[i].footnotes[f]);

			put_html_element(o, "<p class=\"fn\">", line, "</p>\n");
			free(line);
		}
	}
	put(o, "</blockquote>\n");
	put_html_element(o, "<p class=\"cite\">", cite, "</p>\n");
	if (items[to - 1].note)
		put_html_element(o, "<p class=\"note\"><strong>" WORD_NOTE ":</strong> ",
		    items[to - 1].note, "</p>\n");
	free(cite);
	n_refs = export_run_refs(items, n, from, to, &refs);
	for (size_t r = 0; r < n_refs; r++) {
		char *label = export_ref_label(refs[r]);

		put(o, "<div class=\"ref\">\n");
		put_html_element(o, "<p class=\"ref-label\"><strong>", label, "</strong></p>\n");
		free(label);
		for (size_t k = 0; k < refs[r]->n_items;) {
			size_t kend = export_run_end(refs[r]->items, refs[r]->n_items, k);

			put_html_run(o, refs[r]->items, refs[r]->n_items, k, kend);
			k = kend;
		}
		put(o, "</div>\n");
	}
	free(refs);
}

/*
 * The answers under one vraag heading, [from, to), side by side: a column
 * per answering document, in the order they first appear.
 */
size_t
export_answer_docs(const struct export_item *items, size_t from, size_t to, long long *docs)
{
	size_t n_docs = 0;

	for (size_t i = from; i < to; i++) {
		bool seen = false;

		if (export_of_vraag(&items[i]))
			continue;
		for (size_t d = 0; d < n_docs && !seen; d++)
			seen = docs[d] == items[i].doc;
		if (!seen)
			docs[n_docs++] = items[i].doc;
	}
	return n_docs;
}

char *
export_column_heading(const struct export_item *it)
{
	char *raw = it->ministry[0]
	    ? xasprintf("%s (%s)", ministry_name(it->ministry), it->ministry)
	    : xstrdup(model_origin_name(it->origin));
	char *safe = export_clean(raw);

	free(raw);
	return safe;
}

static void
put_html_table(struct out *o, const struct export_item *items, size_t n, size_t from,
    size_t to)
{
	long long *docs = xcalloc(to - from + 1, sizeof(*docs));
	size_t n_docs = export_answer_docs(items, from, to, docs);

	if (n_docs == 0) {
		free(docs);
		return;
	}
	put(o, "<table>\n<thead><tr>");
	for (size_t d = 0; d < n_docs; d++) {
		for (size_t i = from; i < to; i++) {
			if (items[i].doc == docs[d] && !export_of_vraag(&items[i])) {
				char *th = export_column_heading(&items[i]);

				put_html_element(o, "<th>", th, "</th>");
				free(th);
				break;
			}
		}
	}
	put(o, "</tr></thead>\n<tbody><tr>\n");
	for (size_t d = 0; d < n_docs; d++) {
		put(o, "<td>\n");
		for (size_t r = from; r < to;) {
			size_t rend = export_run_end(items, to, r);

			if (items[r].doc == docs[d] && !export_of_vraag(&items[r]))
				put_html_run(o, items, n, r, rend);
			r = rend;
		}
		put(o, "</td>\n");
	}
	put(o, "</tr></tbody>\n</table>\n");
	free(docs);
}

static void
write_html(struct out *o, const struct export_item *items, size_t n)
{
	char *title = title_of(items, n);

	put(o, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n");
	put_html_element(o, "<title>", title ? title : "naast", "</title>\n");
	put(o, "<style>\n"
	    "body { font-family: sans-serif; line-height: 1.4; margin: 2em; }\n"
	    "table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }\n"
	    "th, td { border: 1px solid #999; padding: 0.5em; vertical-align: top; text-align: left; }\n"
	    "blockquote { margin: 0 0 0.5em 0; padding-left: 0.8em; border-left: 3px solid #bbb; }\n"
	    ".cite { font-size: 90%; color: #333; }\n"
	    ".fn { font-size: 85%; color: #444; margin-left: 1em; }\n"
	    "</style>\n</head>\n<body>\n");
	bool title_given = title != NULL;

	if (title)
		put_html_element(o, "<h1>", title, "</h1>\n");
	free(title);
	for (size_t h = 0; h < n;) {
		size_t hend = export_heading_end(items, n, h);
		char *heading = export_heading(&items[h]);

		if (!title_given && opens_set(items, h)) {
			char *set = export_set_heading(&items[h]);

			put_html_element(o, "<h2>", set, "</h2>\n");
			free(set);
		}
		if (!title_given && items[h].set > 0)
			put_html_element(o, "<h3>", heading, "</h3>\n");
		else
			put_html_element(o, "<h2>", heading, "</h2>\n");
		free(heading);
		if (items[h].vraag_text && !export_has_vraag_passage(items, h, hend)) {
			char *vraag = export_marked_vraag(&items[h]), *part;
			const char *rest = vraag;

			while ((part = export_next_line(&rest))) {
				put_html_element(o, "<p><em>", part, "</em></p>\n");
				free(part);
			}
			free(vraag);
			for (size_t f = 0; f < items[h].n_vraag_footnotes; f++) {
				char *line = export_footnote_line(&items[h].vraag_footnotes[f]);

				put_html_element(o, "<p class=\"fn\">", line, "</p>\n");
				free(line);
			}
		}
		/* The vraag itself (or its footnote), when selected, above the answers. */
		for (size_t r = h; r < hend;) {
			size_t rend = export_run_end(items, hend, r);

			if (export_of_vraag(&items[r]) || items[r].set <= 0 || items[r].vraag <= 0)
				put_html_run(o, items, n, r, rend);
			r = rend;
		}
		if (items[h].set > 0 && items[h].vraag > 0)
			put_html_table(o, items, n, h, hend);
		h = hend;
	}
	put(o, "</body>\n</html>\n");
}

/*
 * A zip format into a temporary file of its own (libzip and libxlsxwriter
 * write only to files), then copied to fp.
 */
static enum status
write_zip(FILE *fp, enum export_format format, enum export_layout layout,
    const struct export_item *items, size_t n, struct error *err)
{
	const char *dir = getenv("TMPDIR");
	char *tmp = xasprintf("%s/naast-export-XXXXXX", dir && *dir ? dir : "/tmp");
	enum status status;
	char buf[65536];
	size_t got;
	FILE *in;
	int fd;

	if ((fd = mkstemp(tmp)) < 0) {
		status = error_set(err, STATUS_IO, "cannot make a temporary file in '%s': %s",
		    dir && *dir ? dir : "/tmp", strerror(errno));
		free(tmp);
		return status;
	}
	close(fd);
	xalloc_temp_push(tmp);
	if (format == EXPORT_DOCX)
		status = export_docx_file(tmp, layout, items, n, err);
	else
		status = export_xlsx_file(tmp, items, n, err);
	if (status == STATUS_OK) {
		if (!(in = fopen(tmp, "rb"))) {
			status = error_set(err, STATUS_IO, "cannot read '%s': %s", tmp,
			    strerror(errno));
		} else {
			while ((got = fread(buf, 1, sizeof(buf), in)) > 0)
				if (fwrite(buf, 1, got, fp) != got)
					break;
			if (ferror(in) || ferror(fp))
				status = error_set(err, STATUS_IO, "writing the export failed: %s",
				    strerror(errno ? errno : EIO));
			fclose(in);
		}
	}
	unlink(tmp);
	xalloc_temp_pop();
	free(tmp);
	return status;
}

enum status
export_write(FILE *fp, enum export_format format, const struct export_item *items,
    size_t n, struct error *err)
{
	return export_write_layout(fp, format, EXPORT_IN_TURN, items, n, err);
}

enum status
export_write_layout(FILE *fp, enum export_format format, enum export_layout layout,
    const struct export_item *given, size_t n, struct error *err)
{
	struct out o = { fp, false };
	struct export_item *items = export_grouped(given, n);
	enum status status;

	switch (format) {
	case EXPORT_MD:
		write_md(&o, items, n);
		break;
	case EXPORT_TXT:
		write_txt(&o, items, n);
		break;
	case EXPORT_CSV:
		write_csv(&o, items, n);
		break;
	case EXPORT_JSON:
		write_json(&o, items, n);
		break;
	case EXPORT_HTML:
		write_html(&o, items, n);
		break;
	case EXPORT_DOCX:
	case EXPORT_XLSX:
		status = write_zip(fp, format, layout, items, n, err);
		free(items);
		if (status == STATUS_OK && (fflush(fp) == EOF || ferror(fp)))
			status = error_set(err, STATUS_IO, "writing the export failed: %s",
			    strerror(errno ? errno : EIO));
		return status;
	}
	free(items);
	if (fflush(fp) == EOF || ferror(fp))
		o.failed = true;
	if (o.failed)
		return error_set(err, STATUS_IO, "writing the export failed: %s",
		    strerror(errno ? errno : EIO));
	return STATUS_OK;
}

/* ------------------------------------------------------------- to a file */

/* The message for a failure to create a file in dir. */
static enum status
cannot_write(const char *path, const char *dir, int e, struct error *err)
{
	switch (e) {
	case ENOENT:
	case ENOTDIR:
		return error_set(err, STATUS_IO,
		    "cannot write '%s': there is no directory '%s' (create it, or choose another file)",
		    path, dir);
	case EACCES:
	case EPERM:
	case EROFS:
		return error_set(err, STATUS_IO,
		    "cannot write '%s': you may not write in '%s' (choose another directory)",
		    path, dir);
	case ENOSPC:
	case EDQUOT:
	case EFBIG:
		return error_set(err, STATUS_IO,
		    "cannot write '%s': the disk is full (free some space and export again)", path);
	default:
		return error_set(err, STATUS_IO, "cannot write '%s': %s", path, strerror(e));
	}
}

static enum status
exists_already(const char *path, struct error *err)
{
	return error_set(err, STATUS_USAGE,
	    "'%s' exists already: add --force to overwrite it, or choose another name", path);
}

enum status
export_save(const char *path, bool force, enum export_format format,
    const struct export_item *items, size_t n, struct error *err)
{
	return export_save_layout(path, force, format, EXPORT_IN_TURN, items, n, err);
}

enum status
export_save_layout(const char *path, bool force, enum export_format format,
    enum export_layout layout, const struct export_item *items, size_t n,
    struct error *err)
{
	char *dir = xdirname(path), *tmp;
	struct stat sb;
	enum status status;
	mode_t mode;
	FILE *fp;
	int fd = -1, e;

	/*
	 * Only a file is replaced: a device, a named pipe or a socket under
	 * that name would become a file (as root, /dev/null would).
	 */
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		status = error_set(err, STATUS_IO,
		    "cannot write '%s': it is a directory (give a file name)", path);
		free(dir);
		return status;
	}
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		status = error_set(err, STATUS_IO,
		    "cannot write '%s': it is %s, not a file (give the name of a file)",
		    path, status_file_kind(sb.st_mode));
		free(dir);
		return status;
	}
	if (!force && lstat(path, &sb) == 0) {
		free(dir);
		return exists_already(path, err);
	}
	/*
	 * mkstemp makes it private; an export is an ordinary file, or keeps
	 * the permissions of the file it replaces.
	 */
	if (stat(path, &sb) == 0) {
		mode = sb.st_mode & 0777;
	} else {
		mode = umask(0);
		umask(mode);
		mode = 0666 & ~mode;
	}
	tmp = xasprintf("%s/.naast-export-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) < 0) {
		status = cannot_write(path, dir, errno, err);
		goto out;
	}
	(void)fchmod(fd, mode);
	xalloc_temp_push(tmp);
	if (!(fp = fdopen(fd, "w"))) {
		e = errno;
		close(fd);
		unlink(tmp);
		status = cannot_write(path, dir, e, err);
		goto out;
	}
	errno = 0;
	status = export_write_layout(fp, format, layout, items, n, err);
	e = errno;
	if (status == STATUS_OK && fsync(fileno(fp)) != 0) {
		status = STATUS_IO;
		e = errno;
	}
	if (fclose(fp) != 0 && status == STATUS_OK) {
		status = STATUS_IO;
		e = errno;
	}
	if (status != STATUS_OK) {
		unlink(tmp);
		status = cannot_write(path, dir, e ? e : EIO, err);
		goto out;
	}
	if (!force) {
		/* link() will not replace a file that appeared meanwhile. */
		if (link(tmp, path) == 0) {
			unlink(tmp);
			goto out;
		}
		if (errno == EEXIST) {
			unlink(tmp);
			status = exists_already(path, err);
			goto out;
		}
		/* A file system without hard links: check, then rename. */
		if (lstat(path, &sb) == 0) {
			unlink(tmp);
			status = exists_already(path, err);
			goto out;
		}
	}
	if (rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		status = cannot_write(path, dir, e, err);
	}
out:
	if (fd >= 0)
		xalloc_temp_pop();
	free(tmp);
	free(dir);
	return status;
}
