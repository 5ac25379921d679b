/*
 * search: what a user types, made into FTS5 queries.  See search.h.
 *
 * The only FTS5 syntax that leaves this file is the double-quoted string
 * (with " doubled inside), the * after it and the spaces that AND the
 * strings together.  Whatever else the user typed is inside some quoted
 * string, where FTS5 reads it as words, never as operators: that is why a
 * query made here cannot fail to parse.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "search.h"
#include "text.h"
#include "xalloc.h"

/* ------------------------------------------------------------------ parsing */

/*
 * The length of the quote mark at s (straight or typographic: people paste
 * “phrases” from documents), 0 when there is none.
 */
static size_t
quote_at(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '"')
		return 1;
	/* U+201C “, U+201D ”, U+201E „ */
	if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] >= 0x9C && (unsigned char)s[2] <= 0x9E))
		return 3;
	return 0;
}

/*
 * True when s[0..n) holds a character that the unicode61 tokenizer keeps
 * in a word (its default token characters: letters, numbers, private
 * use).  A term without one tokenises to nothing: FTS5 would search for
 * an empty phrase, which finds nothing and would make the AND of the
 * whole query find nothing.
 */
static bool
has_word_char(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	uc_general_category_t word = uc_general_category_or(
	    uc_general_category_or(UC_CATEGORY_L, UC_CATEGORY_N), UC_CATEGORY_Co);

	while (p < end) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, p, (size_t)(end - p));

		if (uc_is_general_category(uc, word))
			return true;
		p += len > 0 ? len : 1;
	}
	return false;
}

static void
add_term(struct search_terms *t, size_t *cap, const char *s, size_t n,
    bool phrase, bool prefix)
{
	while (n > 0 && s[0] == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (!has_word_char(s, n))
		return;
	xgrow(&t->terms, cap, t->n + 1, sizeof(*t->terms));
	t->terms[t->n++] = (struct search_term){
		.text = xstrndup(s, n),
		.phrase = phrase,
		.prefix = prefix,
	};
}

/*
 * The text is made safe and regular first: invalid UTF-8 becomes U+FFFD
 * and control characters go (text_sanitize), NFC, and every run of white
 * space one ASCII space (text_squeeze).  Then, at the start of a term, a
 * quote opens a phrase that runs to the next quote (or to the end when
 * there is none); elsewhere a term runs to the next space, and trailing
 * stars make it a prefix.  A quote inside a word is just a character.
 */
enum status
search_parse(const char *text, struct search_terms *out, struct error *err)
{
	size_t len = text ? strlen(text) : 0, n, i = 0, cap = 0;
	char *clean, *nfc, *s;

	out->terms = NULL;
	out->n = 0;
	if (len > SEARCH_MAX_BYTES)
		return error_set(err, STATUS_USAGE,
		    "the query is %zu bytes long, more than the %d that naast searches for at once: search for fewer words",
		    len, SEARCH_MAX_BYTES);
	clean = text_sanitize(text ? text : "", len, 0);
	nfc = text_nfc(clean);
	s = text_squeeze(nfc);
	n = strlen(s);
	free(clean);
	free(nfc);
	while (i < n) {
		size_t q = quote_at(s + i, n - i), start, j, close = 0;
		bool prefix = false;

		if (s[i] == ' ') {
			i++;
			continue;
		}
		if (q) {
			start = i + q;
			for (j = start; j < n; j++)
				if ((close = quote_at(s + j, n - j)))
					break;
			i = j + close;
			if (close && i < n && s[i] == '*') {
				prefix = true;
				while (i < n && s[i] == '*')
					i++;
			}
			add_term(out, &cap, s + start, j - start, true, prefix);
			continue;
		}
		start = i;
		while (i < n && s[i] != ' ')
			i++;
		j = i;
		while (j > start && s[j - 1] == '*')
			j--;
		add_term(out, &cap, s + start, j - start, false, j < i);
	}
	free(s);
	if (out->n == 0)
		return error_set(err, STATUS_USAGE,
		    "nothing to search for: type one or more words");
	for (size_t k = 0; k < out->n; k++) {
		const char *t = out->terms[k].text, *last = strrchr(t, ' ');

		last = last ? last + 1 : t;
		if (out->terms[k].prefix &&
		    u8_mbsnlen((const uint8_t *)last, strlen(last)) <
		    SEARCH_PREFIX_MIN) {
			char *word = xstrdup(last);

			error_set(err, STATUS_USAGE,
			    "a prefix needs %d letters or more: %s* would find almost every passage; type more of the word",
			    SEARCH_PREFIX_MIN, word);
			free(word);
			search_terms_free(out);
			return STATUS_USAGE;
		}
	}
	return STATUS_OK;
}

void
search_terms_free(struct search_terms *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->terms[i].text);
	free(t->terms);
	t->terms = NULL;
	t->n = 0;
}

/* ------------------------------------------------------------------ queries */

void
search_add_quoted(struct xbuf *b, const char *s)
{
	xbuf_add(b, "\"", 1);
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		xbuf_add(b, s, (size_t)(q - s));
		xbuf_add(b, "\"\"", 2);
	}
	xbuf_puts(b, s);
	xbuf_add(b, "\"", 1);
}

/* The query of the terms, each string behind mark. */
static char *
query_of(const struct search_terms *t, const char *mark)
{
	struct xbuf b = { 0 };

	for (size_t i = 0; i < t->n; i++) {
		char *marked = NULL;

		if (i > 0)
			xbuf_add(&b, " ", 1);
		if (*mark)
			marked = xasprintf("%s%s", mark, t->terms[i].text);
		search_add_quoted(&b, marked ? marked : t->terms[i].text);
		free(marked);
		if (t->terms[i].prefix)
			xbuf_add(&b, "*", 1);
	}
	return xbuf_finish(&b);
}

char *
search_fts_query(const struct search_terms *t)
{
	return query_of(t, "");
}

char *
search_stem_query(const struct search_terms *t)
{
	return query_of(t, SEARCH_STEM_MARK);
}

bool
search_term_is_operator(const struct search_term *term)
{
	static const char *const operators[] = { "AND", "OR", "NOT", "NEAR" };

	for (size_t i = 0; i < sizeof(operators) / sizeof(*operators); i++)
		if (!term->phrase && strcmp(term->text, operators[i]) == 0)
			return true;
	return false;
}

bool
search_term_is_part(const struct search_term *term)
{
	const char *s = term->text;

	return !term->phrase && !strchr(s, ' ') &&
	    !search_term_is_operator(term) &&
	    u8_mbsnlen((const uint8_t *)s, strlen(s)) >= SEARCH_PART_MIN;
}

/* ----------------------------------------------------------------- distance */

/* s as characters; invalid UTF-8 falls back to one character per byte. */
static uint32_t *
characters(const char *s, size_t *n)
{
	size_t len = strlen(s);
	uint32_t *u = u8_to_u32((const uint8_t *)s, len, NULL, n);

	if (!u) {
		u = xmalloc((len ? len : 1) * sizeof(*u));
		for (size_t i = 0; i < len; i++)
			u[i] = (unsigned char)s[i];
		*n = len;
	}
	return u;
}

/*
 * Two rows of the classic table.  Every cell of a row is at least the
 * smallest cell of the row before, so once a whole row is past max the
 * answer is too, and the work stops there.
 */
size_t
search_distance(const char *a, const char *b, size_t max)
{
	size_t na, nb, *prev, *cur, d;
	uint32_t *ua, *ub;

	ua = characters(a, &na);
	ub = characters(b, &nb);
	if ((na > nb ? na - nb : nb - na) > max) {
		free(ua);
		free(ub);
		return max + 1;
	}
	prev = xmalloc((nb + 1) * sizeof(*prev));
	cur = xmalloc((nb + 1) * sizeof(*cur));
	for (size_t j = 0; j <= nb; j++)
		prev[j] = j;
	d = nb;
	for (size_t i = 1; i <= na; i++) {
		size_t low, *tmp;

		cur[0] = low = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t sub = prev[j - 1] + (ua[i - 1] != ub[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;

			cur[j] = sub < del ? sub : del;
			if (ins < cur[j])
				cur[j] = ins;
			if (cur[j] < low)
				low = cur[j];
		}
		if (low > max) {
			d = max + 1;
			goto out;
		}
		tmp = prev;
		prev = cur;
		cur = tmp;
	}
	d = prev[nb];
out:
	free(prev);
	free(cur);
	free(ua);
	free(ub);
	return d > max ? max + 1 : d;
}
