/*
 * pdftext_page: the page layer of parse_pdftext.  It reads what pdftotext
 * puts between and under the words of the printed column (the page
 * furniture it reads with parse.h): the markers of the footnotes at the foot of each page and the footnotes
 * put into their passages, and the hyphens of words broken at a line end;
 * with those it joins the lines of a passage into its text.  It works on
 * the parser's struct ctx (pdftext_lines.h), builds on pdftext_lines.c
 * only, and never changes the raw text.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "pdftext_page.h"
#include "text.h"
#include "xalloc.h"

/* ------------------------------------------------------------- words */

/* A word ends at i: the end, or white space. */
bool
pdftext_page_word_end(const char *s, size_t i, size_t n)
{
	return i == n || scan_space(s, i, n) > 0;
}

/* ---------------------------------------------------------------- markers */

/* Whether the word around s[i] is a web address (its digits are no marker). */
static bool
in_url(const char *s, size_t a, size_t z, size_t i)
{
	size_t p = i, q = i;

	while (p > a && scan_space(s, p - 1, z) == 0)
		p--;
	while (q < z && scan_space(s, q, z) == 0)
		q++;
	return contains(s, p, q, "://") || contains(s, p, q, "www.");
}

/*
 * How sure it is that the digits s[i, j) of the line's words [a, z) are
 * a footnote marker: 0 not, 1 perhaps, 2 surely.  A marker is glued to
 * what it annotates and ends a word: after a lower-case letter
 * ("rapport1"), a closing mark ("»?1", "TNO)12") or a full stop ("jl.2",
 * "2018.12 Hierbij", but not "1.4)" or "1,92%"); after a capital or a
 * digit it may be part of a name ("CO2", "NIS24", "20231").
 */
static int
marker_rank(const char *s, size_t a, size_t z, size_t i, size_t j)
{
	unsigned char before, after = j < z ? (unsigned char)s[j] : ' ';
	size_t b;

	if (i == a || in_url(s, a, z, i))
		return 0;
	if (j < z && scan_space(s, j, z) == 0 && !strchr(".,;:?!)\"'", after) &&
	    !scan_prefix(s + j, z - j, "\xc2\xbb") &&
	    !scan_prefix(s + j, z - j, "\xe2\x80\x9d") &&
	    !scan_prefix(s + j, z - j, "\xe2\x80\x99"))
		return 0;
	/* "2.5" and "1,2" run on: the marker is the whole number, or none. */
	if ((after == '.' || after == ',') && j + 1 < z &&
	    scan_digit((unsigned char)s[j + 1]))
		return 0;
	before = (unsigned char)s[i - 1];
	if (before == '.' || before == ',') {
		if (i - 1 > a && scan_digit((unsigned char)s[i - 2])) {
			/* "2018.12 Hierbij": a sentence ends, then its marker. */
			b = scan_skip_space(s, j, z);
			return before == '.' && (j == z || (b > j && b < z &&
			    s[b] >= 'A' && s[b] <= 'Z')) ? 2 : 0;
		}
		return 2;
	}
	if (strchr("?!;:)\"'", before) || before >= 0x80 ||
	    (before >= 'a' && before <= 'z'))
		return 2;
	if ((before >= 'A' && before <= 'Z') || scan_digit(before))
		return 1;
	return 0;
}

/* A candidate for the marker of a footnote. */
struct spot {
	size_t line, start, end;
	int rank;
};

/* The last line on the page or before it. */
static size_t
page_end(const struct ctx *c, int page)
{
	size_t end = 0;

	for (size_t i = 0; i < c->n; i++)
		if (c->l[i].page <= page)
			end = i;
	return end;
}

/*
 * The second footnote on one word ("»?1, 2"): ", num" right after the
 * marker before, which ends at byte from of line i.
 */
static bool
next_to_mark(const struct ctx *c, size_t i, size_t from, const char *num,
    size_t nl, struct spot *out)
{
	const struct pline *l = &c->l[i];
	size_t p = from;

	if (from == 0 || c->n_marks == 0 ||
	    c->marks[c->n_marks - 1].end != from)
		return false;
	if (p >= l->end || c->s[p] != ',')
		return false;
	p = scan_skip_space(c->s, p + 1, l->end);
	if (p + nl > l->end || memcmp(c->s + p, num, nl) != 0 ||
	    (p + nl < l->end && scan_digit((unsigned char)c->s[p + nl])))
		return false;
	*out = (struct spot){ i, from, p + nl, 2 };
	return true;
}

/*
 * The places of num in line i from byte a on, each kept when its slot is
 * still free: 0 sure and on the footnote's page, 1 sure, 2 perhaps and
 * on the footnote's page.  A digit on another page that only may be a
 * marker ("sinds 2022") is not taken for one.
 */
/*
 * A marker as converters write it, with num at s[p, p + nl) of the line's
 * words [a, z): "[1 ]", "[^1]", "[1]" glued to its word, and each number
 * of "[2, 3 ]".  True with the bytes that go with it in [*from, *to):
 * its brackets, and the comma after it in a list.
 */
static bool
bracket_marker(const char *s, size_t a, size_t z, size_t p, size_t nl,
    size_t *from, size_t *to)
{
	size_t b = p, e = p + nl;

	if (e < z && scan_digit((unsigned char)s[e]))
		return false;
	if (b > a && s[b - 1] == '^')
		b--;
	if (b > a && s[b - 1] == '[') {
		b--;
		/* "woord [1]": a reference of the text, not a marker */
		if (b > a && s[b - 1] == ' ' && s[b + 1] != '^' &&
		    e < z && s[e] == ']')
			return false;
	} else {
		/* a later number of "[2, 3 ]" */
		size_t q = b;

		while (q > a && s[q - 1] == ' ')
			q--;
		if (q == a || s[q - 1] != ',')
			return false;
		q--;
		while (q > a && scan_digit((unsigned char)s[q - 1]))
			q--;
		if (q == a || (s[q - 1] != '[' && s[q - 1] != ' '))
			return false;
	}
	while (e < z && s[e] == ' ')
		e++;
	if (e < z && s[e] == ',')
		e = scan_skip_space(s, e + 1, z);
	else if (e < z && s[e] == ']')
		e++;
	else
		return false;
	/* not between a letter and its accent */
	if (parse_combining_at(s + e, z - e))
		return false;
	*from = b;
	*to = e;
	return true;
}

static void
candidates(const struct ctx *c, size_t i, size_t a, const char *num,
    size_t nl, int page, struct spot *best, bool *have)
{
	const struct pline *l = &c->l[i];

	for (size_t p = a; p + nl <= l->end; p++) {
		size_t from, to;
		int rank, slot;

		if (memcmp(c->s + p, num, nl) != 0)
			continue;
		if (bracket_marker(c->s, l->text, l->end, p, nl, &from, &to)) {
			if (from < a)
				continue;
			slot = l->page == page ? 0 : 1;
			if (!have[slot]) {
				best[slot] = (struct spot){ i, from, to, 2 };
				have[slot] = true;
			}
			continue;
		}
		rank = marker_rank(c->s, l->text, l->end, p, p + nl);
		if (rank == 0 || (rank == 1 && l->page != page))
			continue;
		slot = (rank == 2 ? 0 : 2) + (l->page == page ? 0 : 1);
		if (!have[slot]) {
			best[slot] = (struct spot){ i, p, p + nl, rank };
			have[slot] = true;
		}
	}
}

/*
 * Pass 4: the marker of each footnote, in order: after the marker of the
 * one before, on its own page if it can be, surely a marker if it can be.
 * Two footnotes on one word ("»?1, 2") take the comma with the second.
 */
void
pdftext_page_find_marks(struct ctx *c)
{
	size_t from_line = 0, from_byte = 0, cap = 0;

	for (size_t k = 0; k < c->n_notes; k++) {
		struct note *nt = &c->notes[k];
		struct spot best[4] = { { 0, 0, 0, 0 } };
		bool have[4] = { false };
		char num[16];
		size_t nl, end_line;
		int slot = 0;

		if (nt->first > nt->last)
			continue;	/* no text: no footnote */
		nl = (size_t)snprintf(num, sizeof(num), "%d", nt->num);
		end_line = page_end(c, nt->page);
		for (size_t i = from_line;
		    i <= end_line && i < c->n && !have[0]; i++) {
			const struct pline *l = &c->l[i];
			size_t a = i == from_line && from_byte > l->text ?
			    from_byte : l->text;

			if (l->kind != K_TEXT && l->kind != K_VRAAG &&
			    l->kind != K_ANTWOORD)
				continue;
			if (i == from_line &&
			    next_to_mark(c, i, from_byte, num, nl, &best[0]))
				have[0] = true;
			else
				candidates(c, i, a, num, nl, nt->page, best,
				    have);
		}
		while (slot < 4 && !have[slot])
			slot++;
		if (slot == 4)
			continue;
		xgrow(&c->marks, &cap, c->n_marks + 1, sizeof(*c->marks));
		c->marks[c->n_marks++] = (struct mark){
			.start = best[slot].start,
			.end = best[slot].end,
			.line = best[slot].line,
			.note = k,
		};
		nt->mark = c->n_marks - 1;
		from_line = best[slot].line;
		from_byte = best[slot].end;
	}
}

/*
 * The footnotes into their passages: where their markers were, or, for a
 * footnote whose marker was not found, the passage before it (warned).
 */
void
pdftext_page_attach_notes(struct ctx *c)
{
	struct document *doc = c->doc;
	bool *done = xcalloc(c->n_notes + 1, sizeof(*done));

	for (size_t k = 0; k < c->n_pend; k++) {
		const struct pending *pd = &c->pend[k];
		const struct note *nt = &c->notes[pd->note];
		size_t *idx = xmalloc((nt->last - nt->first + 1) * sizeof(*idx)), n = 0;

		for (size_t i = nt->first; i <= nt->last; i++)
			if (c->l[i].kind == K_FOOTNOTE && c->l[i].text < c->l[i].end)
				idx[n++] = i;
		if (n > 0 && !done[pd->note]) {
			model_add_footnote(&doc->passages[pd->passage],
			    xasprintf("%d", nt->num), pdftext_page_join(c, idx, n),
			    pd->at, c->l[idx[0]].text, c->l[idx[n - 1]].end);
			done[pd->note] = true;
		}
		free(idx);
	}
	for (size_t k = 0; k < c->n_notes; k++) {
		const struct note *nt = &c->notes[k];
		size_t *idx, n = 0, target = SIZE_MAX;

		if (done[k] || nt->first > nt->last)
			continue;
		idx = xmalloc((nt->last - nt->first + 1) * sizeof(*idx));
		for (size_t i = nt->first; i <= nt->last; i++)
			if (c->l[i].kind == K_FOOTNOTE && c->l[i].text < c->l[i].end)
				idx[n++] = i;
		for (size_t i = 0; i < doc->n_passages && n > 0; i++)
			if (doc->passages[i].start <= c->l[idx[0]].text)
				target = i;
		if (n > 0 && target == SIZE_MAX)
			target = 0;
		if (n > 0 && target < doc->n_passages) {
			struct passage *p = &doc->passages[target];

			model_add_footnote(p, xasprintf("%d", nt->num),
			    pdftext_page_join(c, idx, n), strlen(p->text),
			    c->l[idx[0]].text, c->l[idx[n - 1]].end);
			model_warn(doc,
			    "footnote %d: its marker was not found in the text; it is kept with the paragraph before it",
			    nt->num);
		}
		free(idx);
	}
	free(done);
}

/* Pass 2d: what separates each line from the words before it. */
void
pdftext_page_separations(struct ctx *c)
{
	bool gap = false, brk = false;

	for (size_t i = 0; i < c->n; i++) {
		struct pline *l = &c->l[i];

		switch (l->kind) {
		case K_BLANK:
			gap = true;
			break;
		case K_FURNITURE:
		case K_FOOTNOTE:
			brk = true;
			break;
		default:
			l->gap_before = gap && !brk;
			l->break_before = brk || l->footer || l->form_feed;
			gap = brk = false;
			break;
		}
	}
}

/* ------------------------------------------------------------ hyphenation */

/* A word without the quotes, brackets and punctuation around it. */
static void
strip_word(const char *s, size_t *a, size_t *b)
{
	size_t k;

	while (*a < *b && pdftext_lines_is_open_mark(s, *a, *b))
		*a += char_len(s, *a, *b);
	while (*b > *a && (k = pdftext_lines_close_mark(s + *a, *b - *a)) > 0)
		*b -= k;
}

static char *
word_key(const char *w1, size_t n1, const char *w2, size_t n2)
{
	char *joined = xmalloc(n1 + n2 + 2), *key;

	memcpy(joined, w1, n1);
	joined[n1] = '-';
	memcpy(joined + n1 + 1, w2, n2);
	joined[n1 + n2 + 1] = '\0';
	key = text_fold(joined, TEXT_FOLD_CASE);
	free(joined);
	return key;
}

/*
 * The words the document itself writes with a hyphen inside a line
 * ("directoraat-generaal", "lhbti-gemeenschap"): the same word broken at
 * that hyphen at a line end keeps it.
 */
void
pdftext_page_collect_hyphenated(struct ctx *c)
{
	size_t cap = 0;

	for (size_t i = 0; i < c->n; i++) {
		const struct pline *l = &c->l[i];
		size_t p = l->text;

		if (l->kind == K_BLANK || l->kind == K_FURNITURE)
			continue;
		while (p < l->end) {
			size_t a = p, b, h;

			while (p < l->end && scan_space(c->s, p, l->end) == 0)
				p++;
			b = p;
			p = scan_skip_space(c->s, p, l->end);
			strip_word(c->s, &a, &b);
			if (b > a && c->s[b - 1] == '-')
				continue;	/* broken at the line end: the question */
			for (h = a + 1; h + 1 < b && c->s[h] != '-'; h++)
				;
			if (h + 1 >= b || c->s[h] != '-')
				continue;
			xgrow(&c->hyph, &cap, c->n_hyph + 1, sizeof(*c->hyph));
			c->hyph[c->n_hyph++] = word_key(c->s + a, h - a,
			    c->s + h + 1, b - h - 1);
		}
	}
	if (c->n_hyph > 1)
		qsort(c->hyph, c->n_hyph, sizeof(*c->hyph), model_strv_cmp);
}

static bool
attested(void *ctx, const char *w1, size_t n1, const char *w2, size_t n2)
{
	const struct ctx *c = ctx;
	char *key;
	bool found;

	if (c->n_hyph == 0)
		return false;
	key = word_key(w1, n1, w2, n2);
	found = bsearch(&key, c->hyph, c->n_hyph, sizeof(*c->hyph),
	    model_strv_cmp) != NULL;
	free(key);
	return found;
}

/*
 * How a line that ends in a hyphen joins the next: parse_hyphen_joint's
 * rule, with the layout around it (a hyphen alone is a dash; a space left
 * after the hyphen means the line went on; words the document writes with
 * a hyphen inside a line are attested).
 */
static enum joint
hyphen_joint(const struct ctx *c, const struct pline *prev,
    const struct pline *next)
{
	const char *s = c->s;
	size_t h = prev->end - 1, a = h, b, x, y = next->text, z;

	while (a > prev->text && scan_space(s, char_before(s, a), a) == 0)
		a = char_before(s, a);
	b = h;
	/* Only the opening marks: "(maatwerk)-" ends in a bracket, not a letter. */
	while (a < b && pdftext_lines_is_open_mark(s, a, b))
		a += char_len(s, a, b);
	if (a == b)
		return J_SPACE;		/* a hyphen alone, used as a dash */
	if (prev->trail_space)
		return J_KEEP_SPACE;	/* the line went on after the hyphen */
	/* A web address broken at one of its hyphens keeps it. */
	if (in_url(s, prev->text, prev->end, h))
		return J_KEEP;
	z = y;
	while (z < next->end && scan_space(s, z, next->end) == 0)
		z++;
	/* "(" or a quote opening the next line is no broken word. */
	x = y;
	strip_word(s, &y, &z);
	if (y != x || y == z)
		return J_KEEP;
	switch (parse_hyphen_joint(s + a, b - a, s + y, z - y, attested, (void *)c)) {
	case PARSE_JOINT_JOIN:
		return J_JOIN;
	case PARSE_JOINT_KEEP_SPACE:
		return J_KEEP_SPACE;
	default:
		return J_KEEP;
	}
}

static enum joint
joint_of(const struct ctx *c, const struct pline *prev,
    const struct pline *next)
{
	const char *s = c->s;

	if (prev->end == prev->text)
		return J_SPACE;
	if (ends_with(s + prev->text, prev->end - prev->text, "\xc2\xad"))
		return J_JOIN;		/* soft hyphen */
	if (s[prev->end - 1] == '-')
		return hyphen_joint(c, prev, next);
	if (s[prev->end - 1] == '/' && !prev->trail_space &&
	    prev->end - prev->text > 1 && s[prev->end - 2] != ' ')
		return J_TIGHT;		/* "en/" + "of", a URL */
	/* A web address goes on where the next line starts with its rest. */
	if (!prev->trail_space && in_url(s, prev->text, prev->end, prev->end - 1) &&
	    next->text < next->end && strchr("%/#?&=_.", s[next->text]))
		return J_TIGHT;
	return J_SPACE;
}

/* ------------------------------------------------------------------ joining */

/* The marker of a footnote found in the text at or after byte i, or n_marks. */
static size_t
mark_from(const struct ctx *c, size_t i)
{
	size_t lo = 0, hi = c->n_marks;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c->marks[mid].start < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Adds s[a, b) to the buffer without the footnote markers in it; each
 * marker leaves MARK_PLACEHOLDER and its index in *hits.
 */
static void
add_words(const struct ctx *c, struct xbuf *b, size_t a, size_t z,
    size_t **hits, size_t *n_hits)
{
	for (size_t m = mark_from(c, a); m < c->n_marks && c->marks[m].end <= z;
	    m++) {
		char ph = MARK_PLACEHOLDER;

		xbuf_add(b, c->s + a, c->marks[m].start - a);
		if (c->placeholder)
			xbuf_add(b, &ph, 1);
		if (hits) {
			*hits = xrealloc(*hits, (*n_hits + 1) * sizeof(**hits));
			(*hits)[(*n_hits)++] = m;
		}
		a = c->marks[m].end;
	}
	xbuf_add(b, c->s + a, z - a);
}

/*
 * The words of the lines idx[0, n) as one squeezed NFC line, without
 * the footnote markers; *hits (may be NULL) gets the markers taken out,
 * in order, with where each stood in the text (*at, same order).
 */
char *
pdftext_page_join_marked(const struct ctx *c, const size_t *idx, size_t n,
    size_t **hits, size_t **at, size_t *n_hits)
{
	struct xbuf b = { NULL, 0, 0 };
	char *squeezed, *nfc, *out;
	size_t nh = 0, *h = NULL, got = 0;

	xbuf_add(&b, "", 0);
	for (size_t k = 0; k < n; k++) {
		const struct pline *l = &c->l[idx[k]];

		if (k > 0) {
			const struct pline *p = &c->l[idx[k - 1]];

			switch (joint_of(c, p, l)) {
			case J_SPACE:
			case J_KEEP_SPACE:
				xbuf_add(&b, " ", 1);
				break;
			case J_JOIN:
				b.n -= ends_with(b.s, b.n, "\xc2\xad") ? 2 : 1;
				b.s[b.n] = '\0';
				break;
			case J_KEEP:
			case J_TIGHT:
				break;
			}
		}
		add_words(c, &b, l->text, l->end, &h, &nh);
	}
	squeezed = text_squeeze(b.s);
	nfc = text_nfc(squeezed);
	free(squeezed);
	free(b.s);
	if (at)
		*at = xcalloc(nh + 1, sizeof(**at));
	/* Take the placeholders out, noting where each stood. */
	out = nfc;
	for (char *p = nfc; *p; p++) {
		if (*p == MARK_PLACEHOLDER && c->placeholder) {
			const char *q = p;

			/* "rapport [2] van": one space stays, not two */
			while (*q == MARK_PLACEHOLDER)
				q++;
			if (out > nfc && out[-1] == ' ' && (*q == ' ' || !*q))
				out--;
			if (at && got < nh)
				(*at)[got] = (size_t)(out - nfc);
			got++;
			continue;
		}
		*out++ = *p;
	}
	*out = '\0';
	/* Without placeholders, a marker stands at the end of its text. */
	for (; at && got < nh; got++)
		(*at)[got] = (size_t)(out - nfc);
	if (hits) {
		*hits = h;
		*n_hits = nh;
	} else {
		free(h);
	}
	return nfc;
}

char *
pdftext_page_join(const struct ctx *c, const size_t *idx, size_t n)
{
	return pdftext_page_join_marked(c, idx, n, NULL, NULL, NULL);
}
