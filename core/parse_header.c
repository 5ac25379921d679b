/*
 * parse_header: the "Vragen van ..." and "Antwoord van ..." headers that
 * every answer format prints, read from their cleaned text.  See parse.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ministry.h"
#include "parse.h"
#include "scan.h"
#include "text.h"
#include "xalloc.h"

/* ----------------------------------------------------------------- headers */

/*
 * The headers are read from their cleaned text by cutting it at the words
 * that the Aanhangsel uses as joints: "aan", "over", "(ingezonden", "en
 * van", "mede namens", "(ontvangen", "Zie ook".  Ministry names contain
 * commas and "en" ("Landbouw, Natuur en Voedselkwaliteit"), so a list of
 * ministries is cut only where a new "van", "voor" or title follows, never
 * at a bare comma.
 */

/* A part of a header: bytes [s, e). */
struct span {
	const char *s, *e;
};

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
		if (scan_prefix_ci(p, (size_t)(e - p), needle))
			return p;
	return NULL;
}

/* The last needle (any case) in [s, e), or NULL. */
static const char *
find_last_ci(const char *s, const char *e, const char *needle)
{
	for (const char *p = e; p > s;) {
		p--;
		if (scan_prefix_ci(p, (size_t)(e - p), needle))
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
		if (depth == 0 && scan_prefix_ci(p, (size_t)(e - p), needle))
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

		if (scan_prefix_ci(s, (size_t)(e - s), titles[i].word) &&
		    (s + n == e || s[n] == ' ' || s[n] == ',' || s[n] == '(')) {
			*len = n;
			return titles[i].canon;
		}
	}
	return NULL;
}

/*
 * Adds the ministry that m groups under to the codes *v, once.  When
 * portfolios is not NULL it keeps, in step with *v, the portfolio through
 * which each ministry was named, NULL once the ministry itself is.
 */
static void
codes_add(char ***v, size_t *n, char ***portfolios, const struct ministry *m)
{
	const char *code = ministry_group(m);
	const char *portfolio = *m->part_of ? m->code : NULL;
	size_t k = *n;

	for (size_t i = 0; i < *n; i++) {
		if (strcmp((*v)[i], code) != 0)
			continue;
		if (portfolios && !portfolio) {
			free((*portfolios)[i]);
			(*portfolios)[i] = NULL;
		}
		return;
	}
	if (portfolios)
		model_strv_add(portfolios, &k,
		    portfolio ? xstrdup(portfolio) : NULL);
	model_strv_add(v, n, xstrdup(code));
}

/* Where a list is cut. */
struct sep {
	const char *text;	/* matched in any case */
	size_t drop;		/* leading bytes of text that belong to neither part */
	bool title;		/* cut only when a title follows */
	bool paren;		/* cut only after ')' or in a "mede namens" list */
};

/*
 * "de Minister-President en de Ministers van A, van B en van C", "de
 * Staatssecretaris van A en de Minister voor B", "de Minister-President,
 * Minister van Algemene Zaken": a part keeps its "van" or "voor".
 */
static const struct sep ministry_seps[] = {
	{ ", en van ", 5, false, false },
	{ ", en voor ", 5, false, false },
	{ " en van ", 4, false, false },
	{ " en voor ", 4, false, false },
	{ ", van ", 2, false, false },
	{ ", voor ", 2, false, false },
	{ ", en de ", 8, false, false },
	{ " en de ", 7, false, false },
	{ ", de ", 5, false, false },
	{ ", en ", 5, true, false },
	{ " en ", 4, true, false },
	{ ", ", 2, true, false },
};

/* "X (A), Y en Z (beiden B)". */
static const struct sep name_seps[] = {
	{ ", en ", 5, false, false },
	{ " en ", 4, false, false },
	{ ", ", 2, false, false },
};

/*
 * "Minister X (A) en van Staatssecretaris Y (A)", and as published headers
 * also print it, without the "en": "Minister X (A) Staatssecretaris Y (B)",
 * "Minister X (A), mede namens de Minister van B Staatssecretaris Y (C)".
 * Once a "mede namens" list has begun, that cuts before every title;
 * read_signatories joins again what no ministry in parentheses follows.
 */
static const struct sep signatory_seps[] = {
	{ ", en van ", 9, true, false },
	{ " en van ", 8, true, false },
	{ ", van ", 6, true, false },
	{ ", en ", 5, true, false },
	{ " en ", 4, true, false },
	{ ", ", 2, true, false },
	{ " ", 1, true, true },
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
			if (!scan_prefix_ci(p, (size_t)(sp.e - p),
			    seps[i].text) ||
			    (seps[i].title &&
			    !title_at(p + seps[i].drop, sp.e, &tl)) ||
			    (seps[i].paren && (p == sp.s || p[-1] != ')') &&
			    !find_top(sp.s, p, "mede namens ")))
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
 * Staatssecretaris en de Minister van A" (both of A).  A portfolio ("de
 * Minister voor Rechtsbescherming") counts as its ministry, as it was on
 * date; portfolios, when not NULL, gets which (see codes_add).  Unknown
 * ministries are warned about and left out, in the warnings of the
 * answer header when answer, else of the question header.  False when no
 * ministry was found.
 */
static bool
read_ministries(struct document *doc, struct span sp, const char *date,
    char ***v, size_t *n, char ***portfolios, bool answer)
{
	struct span *parts;
	size_t nparts = split_top(sp, ministry_seps, COUNT(ministry_seps), &parts);
	bool found = false, pending = false;

	for (size_t i = 0; i < nparts; i++) {
		struct span s = span_trim(parts[i], ",.;");
		const struct ministry *m;
		const char *title;
		size_t tl;
		char *name;

		if (scan_prefix_ci(s.s, (size_t)(s.e - s.s), "de "))
			s.s += 3;
		if ((title = title_at(s.s, s.e, &tl)) != NULL) {
			s.s += tl;
			s = span_trim(s, ",");
			if (strcmp(title, "Minister-President") == 0) {
				codes_add(v, n, portfolios,
				    ministry_by_code("AZ"));
				found = true;
				pending = false;
			} else if (s.s == s.e)
				pending = true;
			if (s.s == s.e)
				continue;
		}
		if (scan_prefix_ci(s.s, (size_t)(s.e - s.s), "van "))
			s.s += 4;
		else if (scan_prefix_ci(s.s, (size_t)(s.e - s.s), "voor "))
			s.s += 5;
		name = span_text(s);
		if ((m = ministry_find(name, date)) != NULL) {
			codes_add(v, n, portfolios, m);
			found = true;
			pending = false;
		} else if (answer)
			model_warn(doc,
			    "answer header: unknown ministry '%s', left out of the coverage",
			    name);
		else
			model_warn(doc,
			    "question header: unknown ministry '%s', left out of the coverage",
			    name);
		free(name);
	}
	/* Each its own message, whole for the catalogue. */
	if (pending && answer)
		model_warn(doc, "answer header: a bewindspersoon without a ministry");
	else if (pending)
		model_warn(doc, "question header: a bewindspersoon without a ministry");
	free(parts);
	return found;
}

/*
 * Makes room for one more element in *p, an array of n elements of size
 * bytes that only grow_one grows: its room is the power of two at or
 * above n, so that n elements cost about 2n copies.
 */
static void
grow_one(void *p, size_t n, size_t size)
{
	void **arr = p;

	if ((n & (n - 1)) == 0)
		*arr = xrealloc(*arr, (n ? 2 * n : 1) * size);
}

static void
add_questioner(struct document *doc, char *name, char *party)
{
	grow_one(&doc->questioners, doc->n_questioners,
	    sizeof(*doc->questioners));
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
		if (scan_prefix_ci(sp.s, (size_t)(sp.e - sp.s), lead[i])) {
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
				if (scan_prefix_ci(party.s,
				    (size_t)(party.e - party.s), shared[j])) {
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
	if (doc->addressed_portfolio)
		model_strv_free(doc->addressed_portfolio, doc->n_addressed);
	doc->addressed_portfolio = NULL;
	model_strv_free(doc->addressed, doc->n_addressed);
	doc->addressed = NULL;
	doc->n_addressed = 0;
	free(doc->subject);
	doc->subject = NULL;
	doc->submitted[0] = '\0';
}

/* The date after a word such as "(ingezonden" at p, into iso. */
static bool
read_date_after(const char *p, size_t skip, char iso[DATE_ISO_SIZE])
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
	bool dated;

	all = span_trim(all, "");
	if (!scan_prefix_ci(all.s, (size_t)(all.e - all.s), "Vragen van "))
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
	/* First the date: which ministries there were depends on it. */
	dated = sent && read_date_after(sent, strlen("(ingezonden"),
	    doc->submitted);
	if (!read_ministries(doc, to, doc->submitted, &doc->addressed,
	    &doc->n_addressed, &doc->addressed_portfolio, false))
		model_warn(doc, "question header: no known ministry among the addressees");
	if (over) {
		subject.s = over + strlen(" over ");
		subject.e = sent ? sent : all.e;
		subject = span_trim(subject, sent ? "" : ".");
		doc->subject = span_text(subject);
	} else
		model_warn(doc, "question header without a subject ('over ...')");
	if (!dated)
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

/*
 * The portfolio of a staatssecretaris, after the dash in "Financiën –
 * Fiscaliteit en Douane"; NULL when there is none.
 */
static char *
portfolio_of(const char *name)
{
	static const char *const dashes[] = { " \xe2\x80\x93 ", " \xe2\x80\x94 ", " - " };

	for (size_t i = 0; i < COUNT(dashes); i++) {
		const char *d = strstr(name, dashes[i]);

		if (d && d[strlen(dashes[i])])
			return xstrdup(d + strlen(dashes[i]));
	}
	return NULL;
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
	if (scan_prefix_ci(sp.s, (size_t)(sp.e - sp.s), "de "))
		sp.s += 3;
	if ((role = title_at(sp.s, sp.e, &tl)) != NULL)
		sp.s += tl;
	behalf = find_top(sp.s, sp.e, "mede namens ");
	who.s = sp.s;
	who.e = behalf ? behalf : sp.e;
	if ((open = memchr(who.s, '(', (size_t)(who.e - who.s))) != NULL) {
		struct span m = { open + 1, closing_paren(open, who.e) };
		char *name = span_text(span_trim(m, ","));

		sig.portfolio = portfolio_of(name);
		code = ministry_group(ministry_find(name, doc->received));
		if (!code)
			model_warn(doc,
			    "answer header: unknown ministry '%s': cited as written, grouped under none",
			    name);
		sig.written = name;
		who.e = open;
	} else if (role && strcmp(role, "Minister-President") == 0)
		code = "AZ";
	who = span_trim(who, ",");
	if (who.s == who.e) {
		model_warn(doc, "answer header: a bewindspersoon without a name");
		free(sig.portfolio);
		free(sig.written);
		return;
	}
	if (!role)
		model_warn(doc, "answer header: no title (Minister, Staatssecretaris) before a name");
	sig.name = span_text(who);
	sig.role = xstrdup(role ? role : "");
	sig.ministry = code ? xstrdup(code) : NULL;
	if (behalf) {
		struct span b = { behalf + strlen("mede namens "), sp.e };

		read_ministries(doc, b, doc->received, &sig.on_behalf_of,
		    &sig.n_on_behalf_of, NULL, true);
		b = span_trim(b, ",");
		if (b.s < b.e)
			sig.on_behalf_written = span_text(b);
	}
	grow_one(&doc->signatories, doc->n_signatories,
	    sizeof(*doc->signatories));
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
	    scan_prefix(p, (size_t)(e - p), "\xe2\x80\x93") ||
	    scan_prefix(p, (size_t)(e - p), "\xe2\x80\x94");
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

		if (!scan_digit((unsigned char)*p)) {
			p++;
			continue;
		}
		while (q < e && scan_digit((unsigned char)*q)) {
			if (nr < 100000000)
				nr = nr * 10 + (*q - '0');
			q++;
		}
		/* A year range such as "2023/24" is not a number of the Aanhangsel. */
		if (is_dash(q, e)) {
			q += (*q == '-' || *q == '/') ? 1 : 3;
			while (q < e && scan_digit((unsigned char)*q))
				q++;
		} else if (nr > 0) {
			grow_one(&doc->see_also, doc->n_see_also,
			    sizeof(*doc->see_also));
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
	bool dated;

	all = span_trim(all, "");
	/* A mededeling names its sender the way an answer names its signatories. */
	if (scan_prefix_ci(all.s, (size_t)(all.e - all.s), "Antwoord van "))
		sigs.s = all.s + strlen("Antwoord van ");
	else if (scan_prefix_ci(all.s, (size_t)(all.e - all.s),
	    "Mededeling van "))
		sigs.s = all.s + strlen("Mededeling van ");
	else
		return false;
	got = find_ci(sigs.s, all.e, "(ontvangen");
	see = find_ci(got ? got : sigs.s, all.e, "Zie ook");
	sigs.e = got ? got : see ? see : all.e;
	sigs = span_trim(sigs, ",.");
	reset_answer(doc);
	/* First the date: which ministries there were depends on it. */
	dated = got && read_date_after(got, strlen("(ontvangen"),
	    doc->received);
	read_signatories(doc, sigs);
	if (doc->n_signatories == 0) {
		model_warn(doc, "answer header without a bewindspersoon: not read");
		return false;
	}
	for (size_t i = 0; i < doc->n_signatories && !doc->ministry; i++)
		if (doc->signatories[i].ministry)
			doc->ministry = xstrdup(doc->signatories[i].ministry);
	if (!dated)
		model_warn(doc, "answer header without the date it was received ('ontvangen ...')");
	if (see)
		read_see_also(doc, see + strlen("Zie ook"), all.e);
	return true;
}
