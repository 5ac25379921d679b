/*
 * pdftext_infer: what the headings of a pdftotext text do not say, for
 * parse_pdftext.  It cuts a text flattened onto one line into the lines it
 * would have been, finds numbered questions where no "Vraag N" heading is,
 * and infers lost headings and the questions under a combined heading.
 * It works on the parser's struct ctx (pdftext_lines.h): it only cuts
 * lines and blocks and changes their kind or role, so no text is lost.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "heading.h"
#include "parse.h"
#include "pdftext_infer.h"
#include "xalloc.h"

/* A combined vraag ("Vraag 3, 4 en 5") is given out per number up to this span. */
#define MAX_COMBINED 20

/* -------------------------------------------------------------- inference */

/*
 * What the headings do not say.  Real documents lose a heading at a page
 * break, print several vragen under one heading, or number their questions
 * "1." with the answer below.  These passes run on the blocks before they
 * become passages; they only cut a block at a line or change its role, so
 * every line stays in exactly one block and no text is lost.
 */

/* Whether s[i, n) begins with a capital letter, after any opening marks. */
static bool
capital_at(const char *s, size_t i, size_t n)
{
	ucs4_t uc;

	while (i < n && pdftext_lines_is_open_mark(s, i, n))
		i += char_len(s, i, n);
	if (i >= n || u8_mbtouc(&uc, (const uint8_t *)s + i, n - i) < 1)
		return false;
	return uc_is_upper(uc);
}

/* How a block may be cut into pieces. */
enum cut {
	CUT_LAYOUT = 1,		/* a sentence ends on a short line, or before a blank line */
	CUT_QUESTION = 2,	/* a line ends with '?' and the next begins with a capital */
};

/*
 * Cuts the lines idx[0, n) of a block into pieces: starts[k] is the index
 * in idx of the first line of piece k (starts[0] is 0; starts has room
 * for n).  Returns the number of pieces.  CUT_LAYOUT is the paragraph rule
 * of paragraph_ends without its list items, which do not end a question.
 */
static size_t
pieces(const struct ctx *c, const size_t *idx, size_t n, unsigned how,
    size_t *starts)
{
	int w = pdftext_lines_block_width(c, idx, n);
	size_t np = 0;

	if (n == 0)
		return 0;
	starts[np++] = 0;
	for (size_t k = 1; k < n; k++) {
		const struct pline *p = &c->l[idx[k - 1]], *l = &c->l[idx[k]];
		bool cut = false;

		if ((how & CUT_LAYOUT) &&
		    pdftext_lines_ends_sentence(c->s, p->text, p->end))
			cut = l->gap_before || (w > 0 && p->width < w - w / 10 &&
			    p->width + 1 +
			    pdftext_lines_first_word_width(c, l) <= w);
		if (!cut && (how & CUT_QUESTION))
			cut = pdftext_lines_ends_question(c->s, p->text,
			    p->end) &&
			    capital_at(c->s, l->text, l->end);
		if (cut)
			starts[np++] = k;
	}
	return np;
}

/* The line (an index in idx) that ends piece k of np; n lines in all. */
static size_t
piece_end(const size_t *starts, size_t np, size_t n, size_t k)
{
	return k + 1 < np ? starts[k + 1] - 1 : n - 1;
}

/* Whether piece k ends with a question mark. */
static bool
piece_asks(const struct ctx *c, const size_t *idx, const size_t *starts,
    size_t np, size_t n, size_t k)
{
	const struct pline *l = &c->l[idx[piece_end(starts, np, n, k)]];

	return pdftext_lines_ends_question(c->s, l->text, l->end);
}

/*
 * Cuts block k before its line i (after its first line): the block keeps
 * [first, i - 1], a new block right after it gets [i, last] with role and
 * numbers.  c->b may move.
 */
static void
split_block(struct ctx *c, size_t k, size_t i, enum role role, int vraag,
    int vraag_to)
{
	struct block *b;

	xgrow(&c->b, &c->cap_blocks, c->n_blocks + 1, sizeof(*c->b));
	memmove(&c->b[k + 2], &c->b[k + 1],
	    (c->n_blocks - k - 1) * sizeof(*c->b));
	c->n_blocks++;
	b = &c->b[k + 1];
	*b = c->b[k];
	b->role = role;
	b->vraag = vraag;
	b->vraag_to = vraag_to;
	b->first = i;
	b->numbered = false;
	c->b[k].last = i - 1;
}

/*
 * "3." or "3)" that begins s[a, b): its number in *v and where its text
 * starts (b when none), else SIZE_MAX.
 */
static size_t
item_number(const char *s, size_t a, size_t b, int *v)
{
	size_t i = a;

	if (!scan_number(s, b, &i, MAX_NUMBER, v) || i >= b ||
	    (s[i] != '.' && s[i] != ')'))
		return SIZE_MAX;
	i++;
	if (i < b && scan_space(s, i, b) == 0)
		return SIZE_MAX;	/* "3.5 miljoen" */
	return scan_skip_space(s, i, b);
}

/*
 * Whether the numbered item that begins on line i (its text from byte
 * text) asks something: a line of it ends with a question mark before
 * the next item or heading.
 */
static bool
item_asks(const struct ctx *c, size_t i, size_t text)
{
	size_t lines = 0;
	int v;

	for (size_t j = i; j < c->n && lines < 12; j++) {
		const struct pline *l = &c->l[j];
		size_t a = j == i ? text : l->text;

		if (l->kind == K_VRAAG || l->kind == K_ANTWOORD)
			return false;
		if (l->kind != K_TEXT)
			continue;
		if (j > i && (pdftext_lines_starts_item(c->s, l->text,
		    l->end) == ITEM_SURE ||
		    item_number(c->s, l->text, l->end, &v) != SIZE_MAX))
			return false;
		if (a < l->end && pdftext_lines_ends_question(c->s, a, l->end))
			return true;
		lines++;
	}
	return false;
}

/*
 * Numbered questions: where no "Vraag N" heading is found, the lines after
 * the header that begin "1.", "2.", ... in turn start the vragen, when
 * there are two at least.  Each starts a paragraph: it is the first, or
 * the number stands alone on its line, or a sentence ends before it.  A
 * number alone may skip one (a lost "6." does not lose 7, 8 and 9; the
 * gap is warned about).  In an answer an item must also ask something, so
 * that the numbered lists inside the answers are not taken for vragen.
 */
void
pdftext_infer_numbered(struct ctx *c)
{
	size_t first = c->n, prev = SIZE_MAX, *hit, n_hit = 0;
	bool answer = false;
	int want = 1;

	for (size_t i = 0; i < c->n; i++) {
		const struct pline *l = &c->l[i];
		bool q, m;

		if (l->kind == K_VRAAG)
			return;
		if (l->kind == K_TEXT &&
		    pdftext_lines_header_start(c->s + l->start,
		    l->end - l->start, &q, &m)) {
			if (first == c->n)
				first = i;
			answer |= !q && !m;
		}
	}
	if (first == c->n)
		return;
	hit = xmalloc(c->n * sizeof(*hit));
	for (size_t i = first + 1; i < c->n; i++) {
		struct pline *l = &c->l[i];
		size_t text;
		int v;

		if (l->kind != K_TEXT && l->kind != K_ANTWOORD)
			continue;
		if (l->kind == K_TEXT &&
		    (text = item_number(c->s, l->text, l->end, &v)) != SIZE_MAX &&
		    (v == want || (v == want + 1 && want > 1 && text == l->end)) &&
		    (want == 1 || text == l->end ||
		    pdftext_lines_ends_sentence(c->s, c->l[prev].text,
		    c->l[prev].end) ||
		    pdftext_lines_last_char(c->s, c->l[prev].text,
		    c->l[prev].end) == ')') &&
		    (!answer || item_asks(c, i, text))) {
			l->kind = K_VRAAG;
			l->num = l->num_to = v;
			want = v + 1;
			l->text = text;
			l->numbered = true;
			hit[n_hit++] = i;
		}
		prev = i;
	}
	if (n_hit < 2) {
		/* One "1." is a list, not numbered vragen. */
		for (size_t k = 0; k < n_hit; k++) {
			struct pline *l = &c->l[hit[k]];

			l->kind = K_TEXT;
			l->text = l->start;
			l->num = l->num_to = 0;
			l->numbered = false;
		}
	}
	free(hit);
}

/*
 * A numbered vraag in an answer holds its question and the answer below
 * it: the question is the pieces up to the first that ends with a
 * question mark and those right after it that ask too; the rest is the
 * answer.  A block that never asks stays the vraag (and has no answer).
 */
void
pdftext_infer_split_numbered(struct ctx *c)
{
	bool answer = false;

	for (size_t k = 0; k < c->n_blocks; k++)
		if (c->b[k].role == ROLE_HEADER && !c->b[k].questions &&
		    !c->b[k].notice)
			answer = true;
	if (!answer)
		return;
	for (size_t k = 0; k < c->n_blocks; k++) {
		int from = c->b[k].vraag, to = c->b[k].vraag_to;
		size_t *idx, *starts, n, np, q = SIZE_MAX;

		if (c->b[k].role != ROLE_VRAAG || !c->b[k].numbered ||
		    (k + 1 < c->n_blocks && c->b[k + 1].role == ROLE_ANTWOORD))
			continue;
		n = pdftext_lines_block_lines(c, &c->b[k], &idx);
		starts = xmalloc((n + 1) * sizeof(*starts));
		np = pieces(c, idx, n, CUT_LAYOUT | CUT_QUESTION, starts);
		for (size_t p = 0; p < np; p++) {
			if (piece_asks(c, idx, starts, np, n, p))
				q = p;
			else if (q != SIZE_MAX)
				break;
		}
		if (q != SIZE_MAX && q + 1 < np) {
			split_block(c, k, idx[starts[q + 1]], ROLE_ANTWOORD, from, to);
			k++;
		}
		free(starts);
		free(idx);
	}
}

/*
 * Where in block b a question that lost its heading begins, SIZE_MAX when
 * b does not end with one: the block ends with a question mark, and the
 * question is its last piece by the layout, with any asking pieces before
 * it, or from the latest blank line on, where its heading stood.  The
 * block keeps one piece at least.
 */
static size_t
question_tail(const struct ctx *c, const struct block *b)
{
	size_t *idx, *starts, np, at = 0;
	size_t n = pdftext_lines_block_lines(c, b, &idx);

	if (n < 2 || !pdftext_lines_ends_question(c->s, c->l[idx[n - 1]].text,
	    c->l[idx[n - 1]].end)) {
		free(idx);
		return SIZE_MAX;
	}
	starts = xmalloc(n * sizeof(*starts));
	np = pieces(c, idx, n, CUT_LAYOUT, starts);
	for (size_t p = np; p-- > 1;) {
		at = p;
		if (c->l[idx[starts[p]]].gap_before ||
		    !piece_asks(c, idx, starts, np, n, p - 1) || p == 1)
			break;
	}
	if (at > 0 && capital_at(c->s, c->l[idx[starts[at]]].text,
	    c->l[idx[starts[at]]].end))
		at = idx[starts[at]];
	else
		at = SIZE_MAX;
	free(starts);
	free(idx);
	return at;
}

/* Whether the last line of a block's words ends with a question mark. */
static bool
block_asks(const struct ctx *c, const struct block *b)
{
	size_t *idx, n = pdftext_lines_block_lines(c, b, &idx);
	bool asks = n > 0 &&
	    pdftext_lines_ends_question(c->s, c->l[idx[n - 1]].text,
	    c->l[idx[n - 1]].end);

	free(idx);
	return asks;
}

/*
 * Which numbers the vragen (bit 1) and antwoorden (bit 2) of the blocks
 * have, indexed by number up to the highest plus one; NULL when there are
 * none.  *answers when there is an antwoord.  The caller frees it.
 */
static unsigned char *
seen_numbers(const struct ctx *c, bool *answers)
{
	unsigned char *seen;
	int max = 0;

	*answers = false;
	for (size_t k = 0; k < c->n_blocks; k++) {
		const struct block *b = &c->b[k];

		if (b->role != ROLE_VRAAG && b->role != ROLE_ANTWOORD)
			continue;
		*answers |= b->role == ROLE_ANTWOORD;
		if (b->vraag_to > max)
			max = b->vraag_to;
	}
	if (max <= 0)
		return NULL;
	seen = xcalloc((size_t)max + 2, 1);
	for (size_t k = 0; k < c->n_blocks; k++) {
		const struct block *b = &c->b[k];

		if (b->role == ROLE_VRAAG || b->role == ROLE_ANTWOORD)
			for (int v = b->vraag; v >= 0 && v <= b->vraag_to; v++)
				seen[v] |= b->role == ROLE_VRAAG ? 1 : 2;
	}
	return seen;
}

/*
 * The question of "Antwoord N" (block k) when no block is vraag N: the
 * text before it when it asks, or the question that ends the answer
 * before it.  Returns how many blocks were added (0 or 1), -1 when no
 * question was found or none was lost.
 */
static int
lost_before_answer(struct ctx *c, size_t k, const unsigned char *seen)
{
	struct block *b = &c->b[k], *prev = &c->b[k - 1];
	int from = b->vraag, to = b->vraag_to;
	size_t at;

	for (int v = from; v <= to; v++)
		if (seen[v] & 1)
			return -1;
	if (prev->role == ROLE_OTHER && block_asks(c, prev)) {
		prev->role = ROLE_VRAAG;
		prev->vraag = from;
		prev->vraag_to = to;
		return 0;
	}
	if (prev->role == ROLE_ANTWOORD && prev->vraag_to < from &&
	    (at = question_tail(c, prev)) != SIZE_MAX) {
		split_block(c, k - 1, at, ROLE_VRAAG, from, to);
		return 1;
	}
	return -1;
}

/* Warns that vragen from..to lost their heading; role: the block after. */
static void
warn_lost(struct ctx *c, enum role role, int from, int to)
{
	if (from != to)
		model_warn(c->doc,
		    "vragen %d to %d: no heading found (lost at a page break?); the question before antwoord %d is taken for them",
		    from, to, from);
	else if (role == ROLE_ANTWOORD)
		model_warn(c->doc,
		    "vraag %d: no heading found (lost at a page break?); the question before antwoord %d is taken for it",
		    from, from);
	else
		model_warn(c->doc,
		    "vraag %d: no heading found (lost at a page break?); the question before vraag %d is taken for it",
		    from, from + 1);
}

/*
 * A vraag whose heading was lost (at a page break, mostly) is inferred
 * from the numbering: an "Antwoord N" without any "Vraag N" takes the
 * question that ends the block before it (the answer before, or text
 * after the header), and in questions alone, "Vraag N" right after "Vraag
 * N-2" takes the question that ends that block as vraag N-1.  Each is
 * warned about: the text is the document's, its place a guess.
 */
void
pdftext_infer_lost(struct ctx *c)
{
	bool answers;
	unsigned char *seen = seen_numbers(c, &answers);

	for (size_t k = 1; seen && k < c->n_blocks; k++) {
		const struct block *b = &c->b[k], *prev = &c->b[k - 1];
		enum role role = b->role;
		int from = b->vraag, to = b->vraag_to, added = -1;
		size_t at;

		if (role == ROLE_ANTWOORD && from > 0) {
			added = lost_before_answer(c, k, seen);
		} else if (role == ROLE_VRAAG && !answers &&
		    prev->role == ROLE_VRAAG && from == prev->vraag_to + 2 &&
		    !seen[from - 1] && (at = question_tail(c, prev)) != SIZE_MAX) {
			from = to = from - 1;
			split_block(c, k - 1, at, ROLE_VRAAG, from, to);
			added = 1;
		}
		if (added < 0)
			continue;
		k += (size_t)added;
		for (int v = from; v <= to; v++)
			seen[v] |= 1;
		warn_lost(c, role, from, to);
	}
	free(seen);
}

/*
 * "Vraag 3, 4 en 5" heads one block.  When the block falls into as many
 * pieces as it has numbers, by its layout (a paragraph per question) or
 * else by its question marks (a line that ends with one, the next
 * beginning with a capital), each number gets its own piece.  Otherwise
 * no cut is reliable (a question of two paragraphs, two questions on one
 * line) and every number keeps the whole block as its question.
 */
void
pdftext_infer_split_combined(struct ctx *c)
{
	static const unsigned hows[] = { CUT_LAYOUT, CUT_QUESTION };

	for (size_t k = 0; k < c->n_blocks; k++) {
		int from = c->b[k].vraag, to = c->b[k].vraag_to;
		size_t *idx, *starts, n, np = 0, span;

		if (c->b[k].role != ROLE_VRAAG || to <= from ||
		    to - from >= MAX_COMBINED)
			continue;
		span = (size_t)(to - from) + 1;
		n = pdftext_lines_block_lines(c, &c->b[k], &idx);
		starts = xmalloc((n + 1) * sizeof(*starts));
		for (size_t h = 0; h < COUNT(hows) && n >= span; h++)
			if ((np = pieces(c, idx, n, hows[h], starts)) == span)
				break;
		if (np == span && n >= span) {
			for (size_t p = span; p-- > 1;)
				split_block(c, k, idx[starts[p]], ROLE_VRAAG,
				    from + (int)p, from + (int)p);
			c->b[k].vraag_to = from;
			k += span - 1;
		}
		free(starts);
		free(idx);
	}
}

/* ----------------------------------------------------------- one line */

/* Where we are in a flattened document's numbering. */
struct flat {
	bool questions, answer;	/* its headers were found */
	int vraag, antwoord;	/* the last numbers of each */
};

/*
 * The page furniture that begins s[0, n), as furniture_item reads it, but
 * with an end: the cover line "Vragen gesteld door ..." runs to its
 * "antwoorden", not to the end of the line, and the running footer takes
 * one page number, not the text of the page after it ("Aanhangsel 2 20
 * procent").  *anywhere when it is furniture wherever it stands (the
 * footer, "ah-tk-...", "ISSN ..."); the rest, words that text may use too,
 * only after other furniture or the end of a sentence.
 */
static size_t
flat_furniture(const char *s, size_t n, bool *anywhere)
{
	static const char cover[] = "Vragen gesteld door de leden der Kamer";
	static const char cover_end[] = "regering gegeven antwoorden";
	static const char aanhangsel[] = ", Aanhangsel";
	size_t k, i, d;
	bool foot;

	*anywhere = false;
	if (scan_prefix(s, n, cover)) {
		size_t lim = n < 200 ? n : 200;

		for (i = strlen(cover); i + strlen(cover_end) <= lim; i++)
			if (memcmp(s + i, cover_end, strlen(cover_end)) == 0)
				return i + strlen(cover_end);
		return strlen(cover);
	}
	if ((k = parse_footer_len(s, n)) > 0) {
		*anywhere = true;
		for (i = 0; i + strlen(aanhangsel) <= k &&
		    memcmp(s + i, aanhangsel, strlen(aanhangsel)) != 0; i++)
			;
		i += strlen(aanhangsel);
		if (scan_prefix(s + i, n - i, " van de Handelingen"))
			i += strlen(" van de Handelingen");
		d = scan_skip_space(s, i, n);
		k = d;
		while (k < n && scan_digit((unsigned char)s[k]))
			k++;
		return k > d && pdftext_page_word_end(s, k, n) ? k : i;
	}
	k = parse_furniture_item(s, n, &foot);
	*anywhere = k > 0 && (scan_prefix(s, n, "ah-") ||
	    scan_prefix(s, n, "ISSN ") || scan_prefix(s, n, "h ") ||
	    scan_prefix(s, n, "ah "));
	return k;
}

/* The length of a number alone (1 to 4 digits) that begins s[i, n), else 0. */
static size_t
number_word(const char *s, size_t i, size_t n)
{
	size_t k = i;

	while (k < n && k - i < 5 && scan_digit((unsigned char)s[k]))
		k++;
	return k > i && k - i <= 4 && pdftext_page_word_end(s, k, n) ?
	    k - i : 0;
}

/*
 * A "Vraag N" or "Antwoord N" heading inline at s[p, b): one that a capital
 * (or nothing) follows and that keeps to the numbering, vragen rising and
 * each antwoord answering a vraag before it; next: only the next number
 * will do (where no sentence ended before it).  Returns where the heading
 * ends (after its numbers and any ':' or '.'), 0 when there is none.
 */
static size_t
inline_heading(const char *s, size_t p, size_t b, struct flat *st, bool next)
{
	struct heading h;
	size_t end, k;

	if (!heading_start(s + p, b - p, &h) || h.from < 1)
		return 0;
	end = p + h.end;
	k = p + h.text;
	if ((k == end && k < b) || (k < b && !capital_at(s, k, b)))
		return 0;
	if (h.role == ROLE_VRAAG) {
		if (h.from <= st->vraag || (next && h.from != st->vraag + 1))
			return 0;
		st->vraag = h.to;
	} else {
		if (h.to > st->vraag || h.from <= st->antwoord ||
		    (next && h.from != st->antwoord + 1))
			return 0;
		st->antwoord = h.to;
	}
	return end;
}

/* Whether the words s[a, p) end a sentence (or a bracket), before a heading. */
static bool
sentence_before(const char *s, size_t a, size_t p)
{
	while (p > a && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '\f'))
		p--;
	return p > a &&
	    (pdftext_lines_ends_sentence(s, a, p) || s[p - 1] == ')');
}

/* Adds the piece [a, b) of a long line, unless it is only white space. */
static void
add_piece(const struct ctx *c, struct pline **out, size_t *n, size_t *cap,
    size_t a, size_t b)
{
	if (scan_skip_space(c->s, a, b) >= b)
		return;
	xgrow(out, cap, *n + 1, sizeof(**out));
	memset(&(*out)[*n], 0, sizeof(**out));
	(*out)[*n].start = a;
	(*out)[(*n)++].end = b;
}

/* Cuts the long line [a, b) into the pieces that its lines would have been. */
static void
cut_line(const struct ctx *c, struct flat *st, size_t a, size_t b,
    struct pline **out, size_t *n, size_t *cap)
{
	const char *s = c->s;
	size_t from = a, p = a, k;
	bool after_cut = true;

	while (p < b) {
		bool anywhere;

		if ((k = scan_space(s, p, b)) > 0) {
			p += k;
			continue;
		}
		if ((k = flat_furniture(s + p, b - p, &anywhere)) > 0 &&
		    (anywhere || after_cut || sentence_before(s, from, p))) {
			add_piece(c, out, n, cap, from, p);
			add_piece(c, out, n, cap, p, p + k);
			from = p = p + k;
			after_cut = true;
			continue;
		}
		/* The numbers of the cover: "2", and the Aanhangsel number. */
		if (after_cut && !st->questions &&
		    (k = number_word(s, p, b)) > 0) {
			add_piece(c, out, n, cap, p, p + k);
			from = p = p + k;
			continue;
		}
		if (!st->questions && scan_prefix(s + p, b - p, "Vragen van ")) {
			st->questions = true;
			add_piece(c, out, n, cap, from, p);
			from = p;
		} else if (!st->answer &&
		    (scan_prefix(s + p, b - p, "Antwoord van ") ||
		    scan_prefix(s + p, b - p, "Mededeling van "))) {
			st->answer = true;
			add_piece(c, out, n, cap, from, p);
			from = p;
		} else if ((k = inline_heading(s, p, b, st,
		    !after_cut && !sentence_before(s, from, p))) > 0) {
			add_piece(c, out, n, cap, from, p);
			add_piece(c, out, n, cap, p, k);
			from = p = k;
			after_cut = false;
			continue;
		}
		after_cut = false;
		while (p < b && scan_space(s, p, b) == 0)
			p++;
	}
	add_piece(c, out, n, cap, from, b);
}

/*
 * A document flattened onto one line (or a few long ones) has lost what
 * its line breaks said.  Each long line is cut into the pieces its lines
 * would have been (each piece of page furniture, each header, each
 * "Vraag N" / "Antwoord N" heading that stands where a sentence ended),
 * so that the passes read them as lines.  Paragraphs and the footnotes at
 * the foot of a page cannot be told from the text any more: they stay in
 * the text of their vraag or antwoord.  Returns whether a line was cut.
 */
/*
 * Where a running footer or the identifier stands inside the line [a, b)
 * after words of text ("Waarom? Tweede Kamer, vergaderjaar 2023–2024,
 * Aanhangsel 2 Antwoord 2 Daarom."): a conversion that joined the lines
 * of a page; 0 when none does.
 */
static size_t
glued_furniture(const char *s, size_t a, size_t b)
{
	char year[DATE_VERGADERJAAR_SIZE];
	size_t len;

	for (size_t p = a + 1; p < b; p++) {
		if (s[p - 1] != ' ' || scan_space(s, p, b) > 0)
			continue;
		if (parse_footer_len(s + p, b - p) > 0 ||
		    parse_pubid(s + p, b - p, &len, year) > 0)
			return p;
	}
	return 0;
}

bool
pdftext_infer_unflatten(struct ctx *c)
{
	struct pline *out = NULL;
	struct flat st = { false, false, 0, 0 };
	size_t n = 0, cap = 0, p;
	bool flat = false, cut = false, glued = false;

	for (size_t i = 0; i < c->n; i++) {
		if (c->l[i].end - c->l[i].start >= FLAT_LINE)
			flat = true;
		else if (glued_furniture(c->s, c->l[i].start, c->l[i].end))
			glued = true;
	}
	if (!flat && !glued)
		return false;
	for (size_t i = 0; i < c->n; i++) {
		size_t before = n;

		if (c->l[i].end - c->l[i].start < FLAT_LINE) {
			xgrow(&out, &cap, n + 2, sizeof(*out));
			out[n++] = c->l[i];
			p = glued_furniture(c->s, c->l[i].start, c->l[i].end);
			if (p > 0) {
				/* the words before it, then it and the rest */
				out[n] = out[n - 1];
				out[n - 1].end = p;
				out[n].start = p;
				out[n].form_feed = false;
				n++;
			}
			continue;
		}
		cut_line(c, &st, c->l[i].start, c->l[i].end, &out, &n, &cap);
		cut |= n > before + 1;
	}
	free(c->l);
	c->l = out;
	c->n = n;
	return cut;
}
