/*
 * parse: format detection and dispatch, and the helpers that all formats
 * share.  See parse.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "ministry.h"
#include "parse.h"
#include "text.h"
#include "xalloc.h"

static const struct parser *const parser_table[] = {
	&parser_pdftext,
	&parser_markdown,
	&parser_letter,
};

#define N_PARSERS (sizeof(parser_table) / sizeof(parser_table[0]))

const struct parser *
parse_find(const char *name)
{
	for (size_t i = 0; i < N_PARSERS; i++)
		if (strcmp(parser_table[i]->name, name) == 0)
			return parser_table[i];
	return NULL;
}

const char *
parse_format_list(void)
{
	static char list[128];

	if (!list[0]) {
		for (size_t i = 0; i < N_PARSERS; i++) {
			if (i)
				strcat(list, ", ");
			strcat(list, parser_table[i]->name);
		}
	}
	return list;
}

static bool
only_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

enum status
parse_document(const char *raw, size_t len, const char *format,
    struct document **out, struct error *err)
{
	const struct parser *parser = NULL;
	struct document *doc;
	enum status st;

	*out = NULL;
	if (len == 0 || only_space(raw, len))
		return error_set(err, STATUS_EMPTY, "the file is empty");
	if (memchr(raw, '\0', len))
		return error_set(err, STATUS_BINARY,
		    "not a text file (it contains NUL bytes; for a PDF, extract its text with pdftotext first)");
	if (!text_is_utf8(raw, len))
		return error_set(err, STATUS_NOT_UTF8,
		    "not UTF-8 text (convert it with iconv, or extract a PDF's text with pdftotext first)");
	if (format) {
		parser = parse_find(format);
		if (!parser)
			return error_set(err, STATUS_USAGE,
			    "unknown format '%s' (use one of: %s)", format,
			    parse_format_list());
	} else {
		int best = 0;

		for (size_t i = 0; i < N_PARSERS; i++) {
			int score = parser_table[i]->probe(raw, len);

			if (score > best) {
				best = score;
				parser = parser_table[i];
			}
		}
		if (!parser)
			return error_set(err, STATUS_FORMAT,
			    "not a Kamervragen answer or letter that naast recognises (try --format %s)",
			    parse_format_list());
	}
	doc = model_new(raw, len);
	doc->format = parser->name;
	st = parser->parse(doc, err);
	if (st != STATUS_OK) {
		model_free(doc);
		return st;
	}
	*out = doc;
	return STATUS_OK;
}

size_t
parse_lines(const struct document *doc, struct line **lines)
{
	const char *s = doc->raw;
	size_t n = 0, cap = 0, i = 0;

	*lines = NULL;
	while (i < doc->raw_len) {
		size_t start = i, end;

		while (i < doc->raw_len && s[i] != '\n')
			i++;
		end = i;
		if (end > start && s[end - 1] == '\r')
			end--;
		xgrow(lines, &cap, n + 1, sizeof(**lines));
		(*lines)[n].start = start;
		(*lines)[n].end = end;
		n++;
		if (i < doc->raw_len)
			i++;
	}
	return n;
}

/* ----------------------------------------------------------------- headers */

/*
 * The headers are read from their cleaned text by cutting it at the words
 * that the Aanhangsel uses as joints: "aan", "over", "(ingezonden", "en
 * van", "mede namens", "(ontvangen", "Zie ook".  Ministry names contain
 * commas and "en" ("Landbouw, Natuur en Voedselkwaliteit"), so a list of
 * ministries is cut only where a new "van", "voor" or title follows, never
 * at a bare comma.
 */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A part of a header: bytes [s, e). */
struct span {
	const char *s, *e;
};

static bool
prefix_ci(const char *s, const char *e, const char *prefix)
{
	size_t n = strlen(prefix);

	return (size_t)(e - s) >= n && strncasecmp(s, prefix, n) == 0;
}

/* sp without white space at both ends and the characters of trail at its end. */
static struct span
span_trim(struct span sp, const char *trail)
{
	while (sp.s < sp.e && isspace((unsigned char)*sp.s))
		sp.s++;
	while (sp.e > sp.s && (isspace((unsigned char)sp.e[-1]) ||
	    (sp.e[-1] && strchr(trail, sp.e[-1]))))
		sp.e--;
	return sp;
}

/* The text of a span as naast keeps it: NFC, white space squeezed. */
static char *
span_text(struct span sp)
{
	char *raw = xstrndup(sp.s, (size_t)(sp.e - sp.s));
	char *nfc = text_nfc(raw);
	char *r = text_squeeze(nfc);

	free(raw);
	free(nfc);
	return r;
}

/* The first needle (any case) in [s, e), or NULL. */
static const char *
find_ci(const char *s, const char *e, const char *needle)
{
	for (const char *p = s; p < e; p++)
		if (prefix_ci(p, e, needle))
			return p;
	return NULL;
}

/* The last needle (any case) in [s, e), or NULL. */
static const char *
find_last_ci(const char *s, const char *e, const char *needle)
{
	for (const char *p = e; p > s;) {
		p--;
		if (prefix_ci(p, e, needle))
			return p;
	}
	return NULL;
}

/* The first needle (any case) in [s, e) outside parentheses, or NULL. */
static const char *
find_top(const char *s, const char *e, const char *needle)
{
	int depth = 0;

	for (const char *p = s; p < e; p++) {
		if (depth == 0 && prefix_ci(p, e, needle))
			return p;
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
	}
	return NULL;
}

/* The ')' that closes the '(' at open, or e. */
static const char *
closing_paren(const char *open, const char *e)
{
	int depth = 0;

	for (const char *p = open; p < e; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p;
	}
	return e;
}

/* Titles of bewindspersonen as headers write them, longest first. */
static const struct {
	const char *word, *canon;
} titles[] = {
	{ "Minister-President", "Minister-President" },
	{ "Staatssecretarissen", "Staatssecretaris" },
	{ "Staatssecretaris", "Staatssecretaris" },
	{ "Ministers", "Minister" },
	{ "Minister", "Minister" },
};

/* The canonical title that starts at s (any case), or NULL; *len is its length. */
static const char *
title_at(const char *s, const char *e, size_t *len)
{
	for (size_t i = 0; i < COUNT(titles); i++) {
		size_t n = strlen(titles[i].word);

		if (prefix_ci(s, e, titles[i].word) &&
		    (s + n == e || s[n] == ' ' || s[n] == ',' || s[n] == '(')) {
			*len = n;
			return titles[i].canon;
		}
	}
	return NULL;
}

static void
codes_add(char ***v, size_t *n, const char *code)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], code) == 0)
			return;
	model_strv_add(v, n, xstrdup(code));
}

/* Where a list is cut. */
struct sep {
	const char *text;	/* matched in any case */
	size_t drop;		/* leading bytes of text that belong to neither part */
	bool title;		/* cut only when a title follows */
};

/*
 * "de Minister-President en de Ministers van A, van B en van C", "de
 * Staatssecretaris van A en de Minister voor B", "de Minister-President,
 * Minister van Algemene Zaken": a part keeps its "van" or "voor".
 */
static const struct sep ministry_seps[] = {
	{ ", en van ", 5, false },
	{ ", en voor ", 5, false },
	{ " en van ", 4, false },
	{ " en voor ", 4, false },
	{ ", van ", 2, false },
	{ ", voor ", 2, false },
	{ ", en de ", 8, false },
	{ " en de ", 7, false },
	{ ", de ", 5, false },
	{ ", en ", 5, true },
	{ " en ", 4, true },
	{ ", ", 2, true },
};

/* "X (A), Y en Z (beiden B)". */
static const struct sep name_seps[] = {
	{ ", en ", 5, false },
	{ " en ", 4, false },
	{ ", ", 2, false },
};

/* "Minister X (A) en van Staatssecretaris Y (A)". */
static const struct sep signatory_seps[] = {
	{ ", en van ", 9, true },
	{ " en van ", 8, true },
	{ ", van ", 6, true },
	{ ", en ", 5, true },
	{ " en ", 4, true },
	{ ", ", 2, true },
};

/* Cuts sp at the separators outside parentheses; returns the parts. */
static size_t
split_top(struct span sp, const struct sep *seps, size_t nseps,
    struct span **out)
{
	size_t n = 0, cap = 0, tl;
	const char *start = sp.s;
	int depth = 0;

	*out = NULL;
	for (const char *p = sp.s; p < sp.e; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		if (depth)
			continue;
		for (size_t i = 0; i < nseps; i++) {
			if (!prefix_ci(p, sp.e, seps[i].text) ||
			    (seps[i].title &&
			    !title_at(p + seps[i].drop, sp.e, &tl)))
				continue;
			xgrow(out, &cap, n + 1, sizeof(**out));
			(*out)[n].s = start;
			(*out)[n++].e = p;
			start = p + seps[i].drop;
			p = start - 1;
			break;
		}
	}
	xgrow(out, &cap, n + 1, sizeof(**out));
	(*out)[n].s = start;
	(*out)[n++].e = sp.e;
	return n;
}

/*
 * Reads a list of bewindspersonen named by their ministries into the codes
 * *v: "de Minister-President en de Ministers van A, van B en van C", "de
 * Staatssecretaris en de Minister van A" (both of A).  Unknown ministries
 * are warned about and left out.  False when no ministry was found.
 */
static bool
read_ministries(struct document *doc, struct span sp, char ***v, size_t *n,
    const char *where)
{
	struct span *parts;
	size_t nparts = split_top(sp, ministry_seps, COUNT(ministry_seps), &parts);
	bool found = false, pending = false;

	for (size_t i = 0; i < nparts; i++) {
		struct span s = span_trim(parts[i], ",.;");
		const char *title, *code;
		size_t tl;
		char *name;

		if (prefix_ci(s.s, s.e, "de "))
			s.s += 3;
		if ((title = title_at(s.s, s.e, &tl)) != NULL) {
			s.s += tl;
			s = span_trim(s, ",");
			if (strcmp(title, "Minister-President") == 0) {
				codes_add(v, n, "AZ");
				found = true;
				pending = false;
			} else if (s.s == s.e)
				pending = true;
			if (s.s == s.e)
				continue;
		}
		if (prefix_ci(s.s, s.e, "van "))
			s.s += 4;
		else if (prefix_ci(s.s, s.e, "voor "))
			s.s += 5;
		name = span_text(s);
		if ((code = ministry_code(name)) != NULL) {
			codes_add(v, n, code);
			found = true;
			pending = false;
		} else
			model_warn(doc,
			    "%s: unknown ministry '%s' (add it to assets/ministries.tsv)",
			    where, name);
		free(name);
	}
	if (pending)
		model_warn(doc, "%s: a bewindspersoon without a ministry", where);
	free(parts);
	return found;
}

static void
add_questioner(struct document *doc, char *name, char *party)
{
	doc->questioners = xrealloc(doc->questioners,
	    (doc->n_questioners + 1) * sizeof(*doc->questioners));
	doc->questioners[doc->n_questioners].name = name;
	doc->questioners[doc->n_questioners++].party = party;
}

/* "het lid X (P)", "de leden X (P) en Y (Q)", "de leden X en Y (beiden P)". */
static bool
read_questioners(struct document *doc, struct span sp)
{
	static const char *const lead[] = {
		"het lid ", "de leden ", "lid ", "leden ", "de heer ", "mevrouw ",
	};
	static const char *const shared[] = {
		"beiden ", "beide ", "allen ", "allebei ",
	};
	struct span *parts;
	size_t nparts;

	sp = span_trim(sp, ",");
	for (size_t i = 0; i < COUNT(lead); i++) {
		if (prefix_ci(sp.s, sp.e, lead[i])) {
			sp.s += strlen(lead[i]);
			break;
		}
	}
	nparts = split_top(sp, name_seps, COUNT(name_seps), &parts);
	for (size_t i = 0; i < nparts; i++) {
		struct span s = span_trim(parts[i], ","), who = s, party;
		const char *open = memchr(s.s, '(', (size_t)(s.e - s.s));
		char *p = NULL;
		bool all = false;

		if (open) {
			who.e = open;
			party.s = open + 1;
			party.e = closing_paren(open, s.e);
			party = span_trim(party, ",");
			for (size_t j = 0; j < COUNT(shared); j++) {
				if (prefix_ci(party.s, party.e, shared[j])) {
					party.s += strlen(shared[j]);
					all = true;
					break;
				}
			}
			if (party.s < party.e)
				p = span_text(party);
		}
		who = span_trim(who, ",");
		if (who.s == who.e) {
			free(p);
			continue;
		}
		if (all && p)
			for (size_t j = 0; j < doc->n_questioners; j++)
				if (!doc->questioners[j].party)
					doc->questioners[j].party = xstrdup(p);
		add_questioner(doc, span_text(who), p);
	}
	free(parts);
	return doc->n_questioners > 0;
}

static void
reset_questions(struct document *doc)
{
	model_questioners_free(doc->questioners, doc->n_questioners);
	doc->questioners = NULL;
	doc->n_questioners = 0;
	model_strv_free(doc->addressed, doc->n_addressed);
	doc->addressed = NULL;
	doc->n_addressed = 0;
	free(doc->subject);
	doc->subject = NULL;
	doc->submitted[0] = '\0';
}

/* The date after a word such as "(ingezonden" at p, into iso. */
static bool
read_date_after(const char *p, size_t skip, char iso[11])
{
	p += skip;
	while (*p == ' ')
		p++;
	return date_parse_nl(p, iso) > 0;
}

bool
parse_header_questions(struct document *doc, const char *text)
{
	struct span all = { text, text + strlen(text) }, who, to, subject;
	const char *aan, *over, *sent;

	all = span_trim(all, "");
	if (!prefix_ci(all.s, all.e, "Vragen van "))
		return false;
	who.s = all.s + strlen("Vragen van ");
	if ((aan = find_top(who.s, all.e, " aan ")) == NULL) {
		model_warn(doc, "question header without 'aan de Minister ...': not read");
		return false;
	}
	reset_questions(doc);
	who.e = aan;
	if (!read_questioners(doc, who)) {
		model_warn(doc, "question header without the names of the questioners: not read");
		return false;
	}
	to.s = aan + strlen(" aan ");
	sent = find_last_ci(to.s, all.e, "(ingezonden");
	over = find_top(to.s, sent ? sent : all.e, " over ");
	to.e = over ? over : sent ? sent : all.e;
	if (!read_ministries(doc, to, &doc->addressed, &doc->n_addressed,
	    "question header"))
		model_warn(doc, "question header: no known ministry among the addressees");
	if (over) {
		subject.s = over + strlen(" over ");
		subject.e = sent ? sent : all.e;
		subject = span_trim(subject, sent ? "" : ".");
		doc->subject = span_text(subject);
	} else
		model_warn(doc, "question header without a subject ('over ...')");
	if (!sent || !read_date_after(sent, strlen("(ingezonden"), doc->submitted))
		model_warn(doc, "question header without the date it was sent in ('ingezonden ...')");
	return true;
}

static void
reset_answer(struct document *doc)
{
	model_signatories_free(doc->signatories, doc->n_signatories);
	doc->signatories = NULL;
	doc->n_signatories = 0;
	model_pubrefs_free(doc->see_also, doc->n_see_also);
	doc->see_also = NULL;
	doc->n_see_also = 0;
	free(doc->ministry);
	doc->ministry = NULL;
	doc->received[0] = '\0';
}

/* "Minister X (Ministry – portfolio), mede namens de Minister van Y". */
static void
read_signatory(struct document *doc, struct span sp)
{
	struct signatory sig = { 0 };
	const char *role = NULL, *code = NULL, *behalf, *open;
	struct span who;
	size_t tl;

	sp = span_trim(sp, ",");
	if (prefix_ci(sp.s, sp.e, "de "))
		sp.s += 3;
	if ((role = title_at(sp.s, sp.e, &tl)) != NULL)
		sp.s += tl;
	behalf = find_top(sp.s, sp.e, "mede namens ");
	who.s = sp.s;
	who.e = behalf ? behalf : sp.e;
	if ((open = memchr(who.s, '(', (size_t)(who.e - who.s))) != NULL) {
		struct span m = { open + 1, closing_paren(open, who.e) };
		char *name = span_text(span_trim(m, ","));

		if ((code = ministry_code(name)) == NULL)
			model_warn(doc,
			    "answer header: unknown ministry '%s' (add it to assets/ministries.tsv)",
			    name);
		free(name);
		who.e = open;
	} else if (role && strcmp(role, "Minister-President") == 0)
		code = "AZ";
	who = span_trim(who, ",");
	if (who.s == who.e) {
		model_warn(doc, "answer header: a bewindspersoon without a name");
		return;
	}
	if (!role)
		model_warn(doc, "answer header: no title (Minister, Staatssecretaris) before a name");
	sig.name = span_text(who);
	sig.role = xstrdup(role ? role : "");
	sig.ministry = code ? xstrdup(code) : NULL;
	if (behalf) {
		struct span b = { behalf + strlen("mede namens "), sp.e };

		read_ministries(doc, b, &sig.on_behalf_of, &sig.n_on_behalf_of,
		    "answer header");
	}
	doc->signatories = xrealloc(doc->signatories,
	    (doc->n_signatories + 1) * sizeof(*doc->signatories));
	doc->signatories[doc->n_signatories++] = sig;
}

/*
 * "Minister X (A) en van Staatssecretaris Y (A)".  Once "mede namens" has
 * begun, a title starts a new signatory only when a ministry in
 * parentheses follows: "mede namens de Minister van A en Minister van B"
 * is one list.
 */
static void
read_signatories(struct document *doc, struct span sp)
{
	struct span *parts;
	size_t nparts = split_top(sp, signatory_seps, COUNT(signatory_seps), &parts);
	size_t n = 0;

	for (size_t i = 0; i < nparts; i++) {
		if (n > 0 &&
		    find_top(parts[n - 1].s, parts[n - 1].e, "mede namens ") &&
		    !memchr(parts[i].s, '(', (size_t)(parts[i].e - parts[i].s)))
			parts[n - 1].e = parts[i].e;
		else
			parts[n++] = parts[i];
	}
	for (size_t i = 0; i < n; i++)
		read_signatory(doc, parts[i]);
	free(parts);
}

static bool
is_dash(const char *p, const char *e)
{
	return (p < e && (*p == '-' || *p == '/')) ||
	    prefix_ci(p, e, "\xe2\x80\x93") || prefix_ci(p, e, "\xe2\x80\x94");
}

/* "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047." */
static void
read_see_also(struct document *doc, const char *s, const char *e)
{
	const char *vj = find_ci(s, e, "vergaderjaar "), *p = s;
	char *year = NULL;

	if (vj) {
		struct span y = { vj + strlen("vergaderjaar "), NULL };

		y.e = y.s;
		while (y.e < e && *y.e != ',' && *y.e != ' ')
			y.e++;
		p = y.e;
		y = span_trim(y, ".,");
		if (y.s < y.e)
			year = span_text(y);
	}
	while (p < e) {
		const char *q = p;
		long nr = 0;

		if (!isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		while (q < e && isdigit((unsigned char)*q)) {
			if (nr < 100000000)
				nr = nr * 10 + (*q - '0');
			q++;
		}
		/* A year range such as "2023/24" is not a number of the Aanhangsel. */
		if (is_dash(q, e)) {
			q += (*q == '-' || *q == '/') ? 1 : 3;
			while (q < e && isdigit((unsigned char)*q))
				q++;
		} else if (nr > 0) {
			doc->see_also = xrealloc(doc->see_also,
			    (doc->n_see_also + 1) * sizeof(*doc->see_also));
			doc->see_also[doc->n_see_also].nr = (int)nr;
			doc->see_also[doc->n_see_also++].year =
			    year ? xstrdup(year) : NULL;
		}
		p = q;
	}
	if (doc->n_see_also == 0)
		model_warn(doc, "answer header: 'Zie ook' without a number");
	free(year);
}

bool
parse_header_answer(struct document *doc, const char *text)
{
	struct span all = { text, text + strlen(text) }, sigs;
	const char *got, *see;

	all = span_trim(all, "");
	if (!prefix_ci(all.s, all.e, "Antwoord van "))
		return false;
	sigs.s = all.s + strlen("Antwoord van ");
	got = find_ci(sigs.s, all.e, "(ontvangen");
	see = find_ci(got ? got : sigs.s, all.e, "Zie ook");
	sigs.e = got ? got : see ? see : all.e;
	sigs = span_trim(sigs, ",.");
	reset_answer(doc);
	read_signatories(doc, sigs);
	if (doc->n_signatories == 0) {
		model_warn(doc, "answer header without a bewindspersoon: not read");
		return false;
	}
	for (size_t i = 0; i < doc->n_signatories && !doc->ministry; i++)
		if (doc->signatories[i].ministry)
			doc->ministry = xstrdup(doc->signatories[i].ministry);
	if (!got || !read_date_after(got, strlen("(ontvangen"), doc->received))
		model_warn(doc, "answer header without the date it was received ('ontvangen ...')");
	if (see)
		read_see_also(doc, see + strlen("Zie ook"), all.e);
	return true;
}

/* -------------------------------------------------------------- paragraphs */

/*
 * Whether s begins with a lower-case letter.  ASCII, and the Latin letters
 * of Dutch text (U+00C0 to U+024F) whose case folding leaves them as they
 * are; anything else (digits, quotes, dashes) is not lower case.
 */
static bool
starts_lower(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	char one[3], *folded;
	bool same;

	if (u[0] < 0x80)
		return u[0] >= 'a' && u[0] <= 'z';
	if (u[0] < 0xC3 || u[0] > 0xC9 || (u[1] & 0xC0) != 0x80)
		return false;
	if (u[0] == 0xC3 && (u[1] == 0x97 || u[1] == 0xB7))	/* × ÷ */
		return false;
	one[0] = s[0];
	one[1] = s[1];
	one[2] = '\0';
	folded = text_casefold(one);
	same = strcmp(folded, one) == 0;
	free(folded);
	return same;
}

bool
parse_continues(const char *prev, const char *next)
{
	const unsigned char *p = (const unsigned char *)prev;
	size_t n = strlen(prev);

	while (n && isspace(p[n - 1]))
		n--;
	for (;;) {
		if (n && strchr("\"')]*", p[n - 1]))
			n--;
		else if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 &&
		    (p[n - 1] == 0x99 || p[n - 1] == 0x9D))	/* ’ ” */
			n -= 3;
		else if (n >= 2 && p[n - 2] == 0xC2 && p[n - 1] == 0xBB)	/* » */
			n -= 2;
		else
			break;
	}
	if (n == 0 || strchr(".?!:;", p[n - 1]))
		return false;
	if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 && p[n - 1] == 0xA6)
		return false;	/* … */
	while (*next == ' ' || *next == '\t')
		next++;
	return starts_lower(next);
}

static const char *
skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* One vraag number at p; NULL when there is none. */
static const char *
read_number(const char *p, int *n)
{
	long v = 0;

	if (!isdigit((unsigned char)*p))
		return NULL;
	while (isdigit((unsigned char)*p)) {
		v = v * 10 + (*p++ - '0');
		if (v > 9999)
			return NULL;
	}
	if (v == 0 || isalpha((unsigned char)*p))
		return NULL;
	*n = (int)v;
	return p;
}

/* "3", "3 en 4", "3, 4 en 5", "3 t/m 5", "3-5": the first and last number. */
static const char *
read_numbers(const char *p, int *from, int *to)
{
	static const char *const seps[] = {
		", en ", " en ", ", ", ",", " t/m ", " tot en met ", "-",
		"\xe2\x80\x93", " - ", " \xe2\x80\x93 ",
	};
	int n;

	if ((p = read_number(p, from)) == NULL)
		return NULL;
	*to = *from;
	for (;;) {
		const char *q = NULL;

		for (size_t i = 0; i < COUNT(seps) && !q; i++)
			if (strncasecmp(p, seps[i], strlen(seps[i])) == 0)
				q = read_number(p + strlen(seps[i]), &n);
		if (!q || n <= *to)
			return p;
		*to = n;
		p = q;
	}
}

bool
parse_label(const char *s, struct parse_label *out)
{
	static const char *const on[] = {
		"op de vragen ", "op vragen ", "op de vraag ", "op vraag ",
	};
	const char *p = skip_blanks(s);
	struct parse_label l = { ROLE_VRAAG, 0, 0, 0 };

	if (strncasecmp(p, "vragen ", 7) == 0 || strncasecmp(p, "vraag ", 6) == 0) {
		p = skip_blanks(p + (tolower((unsigned char)p[3]) == 'g' ? 7 : 6));
		if ((p = read_numbers(p, &l.from, &l.to)) == NULL)
			return false;
	} else if (strncasecmp(p, "antwoord", 8) == 0 && !isalpha((unsigned char)p[8])) {
		l.role = ROLE_ANTWOORD;
		p = skip_blanks(p + 8);
		for (size_t i = 0; i < COUNT(on); i++) {
			if (strncasecmp(p, on[i], strlen(on[i])) == 0) {
				p = skip_blanks(p + strlen(on[i]));
				if (!isdigit((unsigned char)*p))
					return false;
				break;
			}
		}
		if (isdigit((unsigned char)*p) &&
		    (p = read_numbers(p, &l.from, &l.to)) == NULL)
			return false;
	} else
		return false;
	p = skip_blanks(p);
	if (*p == ':' || *p == '.')
		p = skip_blanks(p + 1);
	else if (*p && *p != '\n' && *p != '\r')
		return false;
	l.len = (size_t)(p - s);
	*out = l;
	return true;
}
