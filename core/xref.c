/*
 * xref: a small hand-written scanner for references to the answers of
 * other vragen and to other publications.  See xref.h.
 *
 * Every reference to a vraag hangs on the word "antwoord" or "antwoorden":
 * "(zie het) antwoord op vraag 1", "de antwoorden op de vragen 2, 6 en 8",
 * "zie antwoord 3".  A vraag named without that word ("In vraag 3 wordt
 * gesteld") is the question itself, not its answer, and is left alone.
 *
 * Every reference to a publication hangs on the word "Aanhangsel" and ends
 * in its number: between them stand only the words of a citation
 * ("van de Handelingen", "II", "vergaderjaar"), commas and one
 * vergaderjaar, so that "Aanhangsel 2" (a page) and "het Aanhangsel bevat
 * nr. 5" are not references.  Only the Aanhangsel is read: Kamerstukken
 * ("Kamerstuk 36 200 VII, nr. 12") number their own series and are left for
 * later.
 *
 * The words are ASCII, so the scanner matches them case-insensitively on
 * the original bytes and its offsets need no mapping back from a folded
 * copy.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heading.h"
#include "scan.h"
#include "xalloc.h"
#include "xref.h"

typedef const unsigned char uchar;

/*
 * Whether the character that ends just before s[i] belongs to a word.
 * Multibyte characters are letters (é, ë) except the Latin-1 punctuation
 * and symbols (U+00A0-U+00BF, "C2 xx") and the General Punctuation block
 * (U+2000-U+206F, "E2 80 xx" and "E2 81 xx": quotes, dashes, spaces).
 */
static bool
word_before(uchar *s, size_t i)
{
	size_t j = i;

	if (i == 0)
		return false;
	if (s[i - 1] < 0x80)
		return scan_alpha(s[i - 1]) || scan_digit(s[i - 1]);
	while (j > 0 && (s[j - 1] & 0xc0) == 0x80)
		j--;
	if (j == 0)
		return false;
	j--;
	if (s[j] == 0xc2)
		return false;
	if (s[j] == 0xe2 && j + 1 < i && (s[j + 1] == 0x80 || s[j + 1] == 0x81))
		return false;
	return true;
}

/* White space, with the line breaks and no-break spaces of a passage. */
static size_t
skip_space(uchar *s, size_t i)
{
	return scan_skip_blank((const char *)s, i, SIZE_MAX);
}

/*
 * The end of word w (lowercase ASCII) when s[i..] spells it in any case
 * and no letter follows (a multibyte character is a letter unless it is a
 * no-break space); 0 otherwise.
 */
static size_t
word(uchar *s, size_t i, const char *w)
{
	size_t n = strlen(w);

	if (!scan_prefix_ci((const char *)s + i, SIZE_MAX, w))
		return 0;
	if (scan_alpha(s[i + n]) || scan_digit(s[i + n]) || (s[i + n] >= 0x80 &&
	    scan_blank((const char *)s, i + n, SIZE_MAX) == 0))
		return 0;
	return i + n;
}

struct found {
	struct xref *refs;
	size_t n, cap;
};

static void
add(struct found *f, int vraag, size_t start, size_t end)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->refs[i].vraag == vraag)
			return;
	xgrow(&f->refs, &f->cap, f->n + 1, sizeof(*f->refs));
	f->refs[f->n++] = (struct xref){ .vraag = vraag, .start = start, .end = end };
}

/* ------------------------------------------------------------ publications */

/* The first year of a vergaderjaar as written, 0 for "". */
static int
year_key(const char *year)
{
	return *year ? atoi(year) : 0;
}

/*
 * One entry per publication: "2023/24" and "2023–2024" are one
 * vergaderjaar, a citation without one is another publication as far as
 * the text tells.
 */
static void
add_pub(struct found *f, int nr, const char *year, size_t start, size_t end)
{
	struct xref *r;

	for (size_t i = 0; i < f->n; i++)
		if (f->refs[i].vraag == 0 && f->refs[i].nr == nr &&
		    year_key(f->refs[i].vergaderjaar) == year_key(year))
			return;
	xgrow(&f->refs, &f->cap, f->n + 1, sizeof(*f->refs));
	r = &f->refs[f->n++];
	*r = (struct xref){ .vraag = 0, .start = start, .end = end, .nr = nr };
	snprintf(r->vergaderjaar, sizeof(r->vergaderjaar), "%s", year);
}

/* Aanhangsel numbers run to a few thousand a year. */
#define MAX_PUB_NR 99999
/* The most words and commas between "Aanhangsel" and its number. */
#define MAX_PUB_WORDS 16

/*
 * The words a citation puts between "Aanhangsel" and the number: "van de
 * Handelingen", "bij de Handelingen", "Handelingen II", "Handelingen der
 * Staten-Generaal", "Tweede Kamer", "vergaderjaar".  The chamber is read
 * over, not kept: naast holds the Tweede Kamer's Aanhangsel.
 */
static const char *const pub_words[] = {
	"van", "de", "bij", "der", "handelingen", "ii", "i", "tk", "ek",
	"tweede", "eerste", "kamer", "staten-generaal", "vergaderjaar",
};

/* The end of a word of pub_words at s[i], 0 if none; *handelingen tells which. */
static size_t
pub_word(uchar *s, size_t i, bool *handelingen)
{
	size_t k;

	for (size_t w = 0; w < COUNT(pub_words); w++)
		if ((k = word(s, i, pub_words[w]))) {
			*handelingen = strcmp(pub_words[w], "handelingen") == 0;
			return k;
		}
	return 0;
}

/* An en dash or em dash at s[i]: its length, else 0. */
static size_t
dash_len(uchar *s, size_t i)
{
	if (s[i] == 0xe2 && s[i + 1] == 0x80 && (s[i + 2] == 0x93 || s[i + 2] == 0x94))
		return 3;
	return 0;
}

/*
 * A vergaderjaar at s[i]: "2023–2024", "2023-2024", "2023/24", "2023/2024".
 * Copies it as written into year (16 bytes) and returns its end; 0 when
 * there is none.
 */
static size_t
pub_year(uchar *s, size_t i, char *year)
{
	size_t j = i, second;

	while (scan_digit(s[j]))
		j++;
	if (j - i != 4 || (s[i] != '1' && s[i] != '2'))
		return 0;
	if (s[j] == '-' || s[j] == '/')
		j++;
	else if (dash_len(s, j))
		j += dash_len(s, j);
	else
		return 0;
	second = j;
	while (scan_digit(s[j]))
		j++;
	if ((j - second != 2 && j - second != 4) || scan_alpha(s[j]))
		return 0;
	/* at most 4 + 3 + 4 bytes */
	memcpy(year, s + i, j - i);
	year[j - i] = '\0';
	return j;
}

/*
 * An Aanhangsel number at s[i]: digits not followed by a letter, nor by
 * '.', ',', '/' or a dash and a digit ("1.047", "2023/24", "1047-1050"
 * are something else).  Returns the end, 0 when there is none.
 */
static size_t
pub_number(uchar *s, size_t i, int *out)
{
	size_t j = i;
	int v;

	if (!scan_number((const char *)s, SIZE_MAX, &j, MAX_PUB_NR, &v) ||
	    v < 1 || scan_alpha(s[j]))
		return 0;
	if ((s[j] == '.' || s[j] == ',' || s[j] == '/' || s[j] == '-') &&
	    scan_digit(s[j + 1]))
		return 0;
	if (dash_len(s, j) && scan_digit(s[j + 3]))
		return 0;
	*out = v;
	return j;
}

/* "nr." and "nummer" before one number, "nrs." and "nummers" before a list. */
static size_t
nr_word(uchar *s, size_t i, bool *plural)
{
	size_t k;

	*plural = false;
	if ((k = word(s, i, "nrs")) || (k = word(s, i, "nummers")))
		*plural = true;
	else if (!(k = word(s, i, "nr")) && !(k = word(s, i, "nummer")))
		return 0;
	if (s[k] == '.')
		k++;
	return skip_space(s, k);
}

/*
 * The rest of a citation after "Aanhangsel" (ending at i): its words,
 * commas and a vergaderjaar in any order, then "nr. N" or "nrs. N en M",
 * or N alone right after the vergaderjaar and a comma ("vergaderjaar
 * 2023–2024, 1028", as some headers have it).  It names the Handelingen or
 * a vergaderjaar: "het bijgevoegde aanhangsel, nr. 3" is an appendix of
 * the letter itself.  Returns the end of the last number, its numbers in
 * nums and the vergaderjaar ("" when none) in year; 0 when this is no
 * citation.
 */
static size_t
pub_ref(uchar *s, size_t i, char *year, int *nums, size_t *n_nums, size_t max)
{
	enum { AFTER_WORD, AFTER_YEAR, AFTER_YEAR_COMMA } last = AFTER_WORD;
	size_t j = skip_space(s, i), k, end;
	bool plural, handelingen = false, is_handelingen;
	int v;

	year[0] = '\0';
	*n_nums = 0;
	for (int w = 0; w < MAX_PUB_WORDS; w++) {
		if (s[j] == ',') {
			last = last == AFTER_WORD ? AFTER_WORD : AFTER_YEAR_COMMA;
			j = skip_space(s, j + 1);
			continue;
		}
		/* "2023–2024, 1028", but not "2023/24, 36 200 VII" (a dossier) */
		if (last == AFTER_YEAR_COMMA && (end = pub_number(s, j, &v)) &&
		    !scan_digit(s[skip_space(s, end)])) {
			nums[(*n_nums)++] = v;
			return end;
		}
		if ((k = nr_word(s, j, &plural))) {
			if ((!handelingen && !year[0]) || !(end = pub_number(s, k, &v))) {
				year[0] = '\0';
				return 0;
			}
			nums[(*n_nums)++] = v;
			while (plural && *n_nums < max) {
				size_t m = skip_space(s, end);

				if (s[m] == ',')
					m = skip_space(s, m + 1);
				else if ((k = word(s, m, "en")))
					m = skip_space(s, k);
				else
					break;
				if (!(k = pub_number(s, m, &v)))
					break;
				nums[(*n_nums)++] = v;
				end = k;
			}
			return end;
		}
		if (!year[0] && (k = pub_year(s, j, year))) {
			last = AFTER_YEAR;
		} else if (!(k = pub_word(s, j, &is_handelingen))) {
			year[0] = '\0';
			return 0;
		} else {
			handelingen |= is_handelingen;
			last = AFTER_WORD;
		}
		j = skip_space(s, k);
	}
	year[0] = '\0';
	return 0;
}

/*
 * Whether the vragen listed up to i are those of a publication cited right
 * after them: "het antwoord op vraag 3 (Aanhangsel Handelingen II 2023/24,
 * nr. 1059)", "antwoord 2 in Aanhangsel ..., nr. 1047".
 */
static bool
of_publication(uchar *s, size_t i)
{
	size_t j = skip_space(s, i), k, n;
	char year[16];
	int nums[1];

	if (s[j] == '(' || s[j] == ',')
		j = skip_space(s, j + 1);
	if ((k = word(s, j, "in")) || (k = word(s, j, "uit")) ||
	    (k = word(s, j, "van"))) {
		j = skip_space(s, k);
		if ((k = word(s, j, "het")) || (k = word(s, j, "de")))
			j = skip_space(s, k);
	}
	return (k = word(s, j, "aanhangsel")) && pub_ref(s, k, year, nums, &n, 1);
}

/*
 * After "antwoord(en)" ending at i: "op (de|uw) vraag/vragen LIST" or
 * directly "LIST", a list as running text writes it (heading_numbers).
 * Returns the end of the list and its numbers in nums, or 0 when no
 * number follows.
 */
static size_t
target(uchar *s, size_t i, int *nums, size_t *n_nums, size_t max)
{
	size_t j = skip_space(s, i), k;

	if ((k = word(s, j, "op"))) {
		j = skip_space(s, k);
		if ((k = word(s, j, "de")) || (k = word(s, j, "uw")))
			j = skip_space(s, k);
		if (!(k = word(s, j, "vraag")) && !(k = word(s, j, "vragen")))
			return 0;
		j = skip_space(s, k);
	}
	*n_nums = heading_numbers((const char *)s, SIZE_MAX, &j, HEADING_PROSE,
	    nums, max);
	return *n_nums > 0 ? j : 0;
}

size_t
xref_scan(const char *text, struct xref **refs)
{
	uchar *s = (uchar *)text;
	struct found f = { 0 };
	int nums[256];
	size_t n_nums, max = COUNT(nums);
	char year[16];

	for (size_t i = 0; s[i]; i++) {
		size_t k, end;

		if ((s[i] != 'a' && s[i] != 'A') || word_before(s, i))
			continue;
		if ((k = word(s, i, "aanhangsel"))) {
			if (!(end = pub_ref(s, k, year, nums, &n_nums, max)))
				continue;
			for (size_t j = 0; j < n_nums; j++)
				add_pub(&f, nums[j], year, i, end);
			i = end - 1;
			continue;
		}
		if (!(k = word(s, i, "antwoord")) && !(k = word(s, i, "antwoorden")))
			continue;
		if (!(end = target(s, k, nums, &n_nums, max)))
			continue;
		/* The citation after it is read on the next turns. */
		if (!of_publication(s, end))
			for (size_t j = 0; j < n_nums; j++)
				add(&f, nums[j], i, end);
		i = end - 1;
	}
	*refs = f.refs;
	return f.n;
}
