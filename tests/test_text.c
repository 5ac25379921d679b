/*
 * test_text: validation, normalisation, folding, sanitizing, width and
 * wrapping of UTF-8 text, on hand-made edge cases and on the seeds.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "status.h"
#include "text.h"
#include "testutil.h"
#include "xalloc.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The bytes [from, to] of a seed, from the first occurrence of from. */
static char *
seed_span(const char *seed, const char *from, const char *to)
{
	char *text = test_read_file(seed, NULL);
	char *a = strstr(text, from), *b, *r;

	assert_non_null(a);
	b = strstr(a, to);
	assert_non_null(b);
	b += strlen(to);
	r = malloc((size_t)(b - a) + 1);
	assert_non_null(r);
	memcpy(r, a, (size_t)(b - a));
	r[b - a] = '\0';
	free(text);
	return r;
}

/* The paragraph of a seed that starts with from, up to a blank line. */
static char *
seed_paragraph(const char *seed, const char *from)
{
	char *text = test_read_file(seed, NULL);
	char *a = strstr(text, from), *p, *r;

	assert_non_null(a);
	for (p = a; *p; p++) {
		if (*p == '\n') {
			const char *q = p + 1;

			while (*q == ' ' || *q == '\t')
				q++;
			if (*q == '\n' || *q == '\0')
				break;
		}
	}
	r = malloc((size_t)(p - a) + 1);
	assert_non_null(r);
	memcpy(r, a, (size_t)(p - a));
	r[p - a] = '\0';
	free(text);
	return r;
}

/* ------------------------------------------------------------- is_utf8 */

static void
test_is_utf8(void **state)
{
	static const struct {
		const char *s;
		size_t n;
		bool ok;
	} cases[] = {
		{ "", 0, true },
		{ "plain ASCII", 11, true },
		{ "Financi\xc3\xabn", 10, true },
		{ "\xe2\x80\x99", 3, true },			/* ’ */
		{ "\xe6\x97\xa5\xe6\x9c\xac", 6, true },	/* 日本 */
		{ "\xf0\x9f\x98\x80", 4, true },		/* U+1F600 */
		{ "\xf4\x8f\xbf\xbf", 4, true },		/* U+10FFFF */
		{ "\xef\xbf\xbd", 3, true },			/* U+FFFD itself */
		{ "\xc0\xaf", 2, false },			/* overlong '/' */
		{ "\xc1\xbf", 2, false },			/* overlong */
		{ "\xe0\x80\xaf", 3, false },			/* overlong, 3 bytes */
		{ "\xf0\x80\x80\xaf", 4, false },		/* overlong, 4 bytes */
		{ "\xed\xa0\x80", 3, false },			/* U+D800 */
		{ "\xed\xbf\xbf", 3, false },			/* U+DFFF */
		{ "\xf4\x90\x80\x80", 4, false },		/* U+110000 */
		{ "\xf5\x80\x80\x80", 4, false },
		{ "\xff", 1, false },
		{ "\x80", 1, false },				/* lone continuation */
		{ "e\xcc", 2, false },				/* truncated 2-byte */
		{ "\xe2\x80", 2, false },			/* truncated ’ */
		{ "\xf0\x9f\x98", 3, false },			/* truncated 4-byte */
		{ "\xc3" "a", 2, false },			/* lead, no continuation */
		{ "ab\0cd", 5, false },				/* NUL inside */
		{ "\0", 1, false },
	};

	(void)state;
	for (size_t i = 0; i < LEN(cases); i++) {
		if (text_is_utf8(cases[i].s, cases[i].n) != cases[i].ok)
			fail_msg("case %zu: expected %s", i,
			    cases[i].ok ? "valid" : "invalid");
	}
	/* Only the first n bytes count. */
	assert_true(text_is_utf8("ab\xff", 2));
	assert_true(text_is_utf8("ab\0", 2));
	assert_false(text_is_utf8("\xe2\x80\x99", 2));
}

static void
test_is_utf8_seeds(void **state)
{
	const char *seeds[] = { SEED_PDFTEXT, SEED_MARKDOWN, SEED_LETTER };

	(void)state;
	for (size_t i = 0; i < LEN(seeds); i++) {
		size_t len;
		char *s = test_read_file(seeds[i], &len);

		assert_true(text_is_utf8(s, len));
		free(s);
	}
}

/* -------------------------------------------------------- nfc, casefold */

static void
test_nfc(void **state)
{
	char *r;

	(void)state;
	r = text_nfc("Financie\xcc\x88n");	/* e + U+0308 */
	assert_string_equal(r, "Financi\xc3\xabn");
	free(r);
	r = text_nfc("e\xcc\x81\xc3\xa9n");	/* e + U+0301, é */
	assert_string_equal(r, "\xc3\xa9\xc3\xa9n");
	free(r);
	r = text_nfc("already NFC: \xc3\xab");
	assert_string_equal(r, "already NFC: \xc3\xab");
	free(r);
	r = text_nfc("");
	assert_string_equal(r, "");
	free(r);
	/* NFC, not NFKC: the ligature and the no-break space stay. */
	r = text_nfc("\xef\xac\x81 \xc2\xa0");
	assert_string_equal(r, "\xef\xac\x81 \xc2\xa0");
	free(r);
}

/*
 * text_nfc skips u8_normalize when nothing in the text can change: the
 * same result as u8_normalize for every character of the BMP, alone,
 * after a letter and before a combining accent.
 */
/* c as UTF-8 with a NUL: false for a surrogate, which is none. */
static bool
bmp_char(ucs4_t uc, uint8_t c[6])
{
	int n;

	if (uc >= 0xD800 && uc < 0xE000)
		return false;
	n = u8_uctomb(c, uc, 6);
	assert_true(n > 0);
	c[n] = '\0';
	return true;
}

static void
test_nfc_fast_path(void **state)
{
	(void)state;
	for (ucs4_t uc = 1; uc < 0x10000; uc++) {
		uint8_t c[6];

		if (!bmp_char(uc, c))
			continue;
		for (int form = 0; form < 3; form++) {
			char in[16], *got;
			uint8_t *want;
			size_t len = 0;

			snprintf(in, sizeof(in), form == 0 ? "%s" : form == 1 ?
			    "e%s" : "%s\xcc\x81", (const char *)c);
			got = text_nfc(in);
			want = u8_normalize(UNINORM_NFC, (const uint8_t *)in,
			    strlen(in), NULL, &len);
			assert_non_null(want);
			if (len != strlen(got) || memcmp(want, got, len) != 0)
				fail_msg("text_nfc differs from u8_normalize on U+%04X (form %d)",
				    (unsigned)uc, form);
			free(want);
			free(got);
		}
	}
}

static void
test_casefold(void **state)
{
	char *a, *b;

	(void)state;
	a = text_casefold("\xc3\x89\xc3\x89N");		/* ÉÉN */
	b = text_casefold("\xc3\xa9\xc3\xa9n");		/* één */
	assert_string_equal(a, "\xc3\xa9\xc3\xa9n");
	assert_string_equal(a, b);
	free(a);
	free(b);
	/* Decomposed input comes out composed. */
	a = text_casefold("E\xcc\x81\xc3\xa9N");
	assert_string_equal(a, "\xc3\xa9\xc3\xa9n");
	free(a);
	/* Full folding: ß is ss, and so is ẞ. */
	a = text_casefold("Stra\xc3\x9f" "e");
	assert_string_equal(a, "strasse");
	free(a);
	a = text_casefold("STRASSE");
	assert_string_equal(a, "strasse");
	free(a);
	a = text_casefold("\xe1\xba\x9e");
	assert_string_equal(a, "ss");
	free(a);
	/* A key must not depend on the locale: I folds to i, not to ı. */
	a = text_casefold("IJsselmeer");
	assert_string_equal(a, "ijsselmeer");
	free(a);
	a = text_casefold("");
	assert_string_equal(a, "");
	free(a);
}

/* ---------------------------------------------------------- fold, squeeze */

static void
expect_fold(const char *in, unsigned flags, const char *expected)
{
	char *r = text_fold(in, flags);

	assert_string_equal(r, expected);
	free(r);
}

static void
test_fold_typography(void **state)
{
	(void)state;
	/* ’ ‘ ‚ ′ become ' */
	expect_fold("collega\xe2\x80\x99s", 0, "collega's");
	expect_fold("\xe2\x80\x98x\xe2\x80\x99", 0, "'x'");
	expect_fold("\xe2\x80\x9aja\xe2\x80\x99", 0, "'ja'");
	expect_fold("5\xe2\x80\xb2", 0, "5'");
	/* “ ” „ ″ become " */
	expect_fold("\xe2\x80\x9cnee\xe2\x80\x9d", 0, "\"nee\"");
	expect_fold("\xe2\x80\x9enee\xe2\x80\x9d", 0, "\"nee\"");
	expect_fold("5\xe2\x80\xb3", 0, "5\"");
	/* – — ‐ ‑ − become - */
	expect_fold("2023\xe2\x80\x93" "2024", 0, "2023-2024");
	expect_fold("a\xe2\x80\x94" "b", 0, "a-b");
	expect_fold("a\xe2\x80\x90" "b\xe2\x80\x91" "c", 0, "a-b-c");
	expect_fold("\xe2\x88\x92" "5", 0, "-5");
	/* Plain ASCII is left alone. */
	expect_fold("it's \"x\" a-b", 0, "it's \"x\" a-b");
	/* NFC first */
	expect_fold("Financie\xcc\x88n", 0, "Financi\xc3\xabn");
}

static void
test_fold_space(void **state)
{
	(void)state;
	expect_fold("  a \t b\n\nc\r\nd  ", 0, "a b c d");
	expect_fold("a\xc2\xa0" "b", 0, "a b");			/* no-break space */
	expect_fold("a\xe2\x80\xaf" "b", 0, "a b");		/* narrow nbsp */
	expect_fold("a\xe2\x80\xa8" "b", 0, "a b");		/* line separator */
	expect_fold("a \xc2\xa0\n\t b", 0, "a b");
	expect_fold("\n\t \xc2\xa0", 0, "");
	expect_fold("", 0, "");
	expect_fold("x", 0, "x");
}

static void
test_fold_case(void **state)
{
	char *a, *b;

	(void)state;
	expect_fold("Rijksoverheid", 0, "Rijksoverheid");
	expect_fold("Rijksoverheid", TEXT_FOLD_CASE, "rijksoverheid");
	expect_fold("\xc3\x89\xc3\x89N \xe2\x80\x93 Stra\xc3\x9f" "e",
	    TEXT_FOLD_CASE, "\xc3\xa9\xc3\xa9n - strasse");

	a = text_fold("rijksoverheid", 0);
	b = text_fold("Rijksoverheid", 0);
	assert_string_not_equal(a, b);
	free(a);
	free(b);
	a = text_fold("rijksoverheid", TEXT_FOLD_CASE);
	b = text_fold("Rijksoverheid", TEXT_FOLD_CASE);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

/*
 * text_fold as text.h says it, all through libunistring on the whole
 * text: what text_fold, which folds ASCII words by itself, must give.
 */
static char *
ref_squeeze(const uint8_t *s, size_t n, bool typography)
{
	char *out = malloc(4 * n + 1);
	size_t o = 0;
	bool pending = false;

	assert_non_null(out);
	for (size_t i = 0; i < n;) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, s + i, n - i);

		i += k > 0 ? (size_t)k : 1;
		if (uc < 0x80 ? uc == ' ' || (uc >= '\t' && uc <= '\r') :
		    uc_is_property_white_space(uc) || uc == 0x200B || uc == 0xFEFF) {
			pending = o > 0;
			continue;
		}
		if (pending)
			out[o++] = ' ';
		pending = false;
		if (typography && (uc == 0x2018 || uc == 0x2019 || uc == 0x201A ||
		    uc == 0x201B || uc == 0x2032))
			uc = '\'';
		else if (typography && (uc == 0x201C || uc == 0x201D ||
		    uc == 0x201E || uc == 0x201F || uc == 0x2033))
			uc = '"';
		else if (typography && ((uc >= 0x2010 && uc <= 0x2014) ||
		    uc == 0x2212))
			uc = '-';
		o += (size_t)u8_uctomb((uint8_t *)out + o, uc, 6);
	}
	out[o] = '\0';
	return out;
}

static char *
ref_fold(const char *s, unsigned flags)
{
	size_t len = 0;
	uint8_t *n = (flags & TEXT_FOLD_CASE) ?
	    u8_casefold((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC, NULL, &len) :
	    u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s), NULL, &len);
	char *r;

	assert_non_null(n);
	r = ref_squeeze(n, len, true);
	free(n);
	if (flags & TEXT_FOLD_MARKS) {
		uint8_t *d = u8_normalize(UNINORM_NFKD, (const uint8_t *)r,
		    strlen(r), NULL, &len), *c;
		size_t o = 0;

		assert_non_null(d);
		for (size_t i = 0; i < len;) {
			ucs4_t uc;
			int k = u8_mbtouc(&uc, d + i, len - i);

			if (uc >= 0x20 && uc != 0x7F && !(uc >= 0x80 && uc < 0xA0) &&
			    !uc_is_general_category(uc, UC_CATEGORY_Mn)) {
				memmove(d + o, d + i, (size_t)k);
				o += (size_t)k;
			}
			i += (size_t)k;
		}
		c = u8_normalize(UNINORM_NFC, d, o, NULL, &len);
		free(d);
		free(r);
		r = ref_squeeze(c, len, false);
		free(c);
	}
	return r;
}

/*
 * text_fold and text_squeeze against the reference on random texts of
 * ASCII (controls, white space, both cases, the '<' that composes with
 * U+0338) and of what folds in a special way: accents precomposed and
 * combining, ß, İ, the sigmas, ligatures, the spaces and typography past
 * ASCII, C1 controls, Hangul.
 */
static void
test_fold_random(void **state)
{
	static const char *const pieces[] = {
		"a", "Z", "ij", "IJ", "0", "-", "'", "<", ".", " ", "  ", "\t",
		"\n", "\r\n", "\x0b", "\x01", "\x1b", "\x1f", "\x7f",
		"\xc3\xa9", "\xc3\x89", "\xc3\xab", "e\xcc\x88", "\xcc\x81",
		"\xcc\xa3", "\xcc\xb8", "\xc3\x9f", "\xe1\xba\x9e", "\xc4\xb0",
		"\xce\xa3", "\xcf\x82", "\xef\xac\x81", "\xc5\x89", "\xe2\x84\xaa",
		"\xc2\xa0", "\xe2\x80\x80", "\xe2\x80\x83", "\xe2\x80\x8b",
		"\xef\xbb\xbf", "\xc2\x85", "\xc2\x9b", "\xc2\xb4", "\xe2\x80\x99",
		"\xe2\x80\x9c", "\xe2\x80\x93", "\xe2\x88\x92", "\xe2\x80\xb2",
		"\xea\xb0\x80", "\xe1\x84\x80", "\xe1\x85\xa1", "\xc2\xbd",
	};
	unsigned seed = 17;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		char in[256] = "";
		size_t n = (size_t)(round % 24);

		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			strcat(in, pieces[(seed >> 16) % LEN(pieces)]);
		}
		for (unsigned flags = 0; flags < 4; flags++) {
			char *got = text_fold(in, flags), *want = ref_fold(in, flags);

			if (strcmp(got, want) != 0)
				fail_msg("text_fold(\"%s\", %u) is \"%s\", not \"%s\"",
				    in, flags, got, want);
			free(got);
			free(want);
		}
		{
			char *got = text_squeeze(in);
			char *want = ref_squeeze((const uint8_t *)in, strlen(in), false);

			if (strcmp(got, want) != 0)
				fail_msg("text_squeeze(\"%s\") is \"%s\", not \"%s\"",
				    in, got, want);
			free(got);
			free(want);
		}
	}
}

/* Every character of the BMP, alone and between ASCII words. */
static void
test_fold_each_char(void **state)
{
	(void)state;
	for (ucs4_t uc = 1; uc < 0x10000; uc++) {
		uint8_t c[6];

		if (!bmp_char(uc, c))
			continue;
		for (int form = 0; form < 2; form++) {
			char in[32];

			snprintf(in, sizeof(in), form == 0 ? "%s" : "Ab %s\xcc\x81 Cd",
			    (const char *)c);
			for (unsigned flags = 0; flags < 4; flags++) {
				char *got = text_fold(in, flags);
				char *want = ref_fold(in, flags);

				if (strcmp(got, want) != 0)
					fail_msg("text_fold differs on U+%04X (form %d, flags %u)",
					    (unsigned)uc, form, flags);
				free(got);
				free(want);
			}
		}
	}
}

/* The same question in the PDF text and in the Markdown seed. */
static void
test_fold_seeds(void **state)
{
	static const struct {
		const char *from, *to;
	} spans[] = {
		{ "Beseft u dat", "ongewenst is?" },	/* ’ against ' */
		{ "Is het waar dat tijdens", "coalitie?" },
		{ "Zo ja, wat was de aanleiding", "bijeenkomsten?" },
	};

	(void)state;
	for (size_t i = 0; i < LEN(spans); i++) {
		char *pdf = seed_span(SEED_PDFTEXT, spans[i].from, spans[i].to);
		char *md = seed_span(SEED_MARKDOWN, spans[i].from, spans[i].to);
		char *fp = text_fold(pdf, 0), *fm = text_fold(md, 0);
		char *cp = text_fold(pdf, TEXT_FOLD_CASE);
		char *cm = text_fold(md, TEXT_FOLD_CASE);

		assert_string_equal(fp, fm);
		assert_string_equal(cp, cm);
		assert_null(strchr(fp, '\n'));
		assert_null(strstr(fp, "  "));
		free(pdf);
		free(md);
		free(fp);
		free(fm);
		free(cp);
		free(cm);
	}
	/* Only the typography differs in the first span, so it must matter. */
	{
		char *pdf = seed_span(SEED_PDFTEXT, "Beseft u dat", "ongewenst is?");
		char *md = seed_span(SEED_MARKDOWN, "Beseft u dat", "ongewenst is?");
		char *sp = text_squeeze(pdf), *sm = text_squeeze(md);

		assert_string_not_equal(sp, sm);
		assert_non_null(strstr(sp, "collega\xe2\x80\x99s"));
		assert_non_null(strstr(sm, "collega's"));
		free(pdf);
		free(md);
		free(sp);
		free(sm);
	}
	/* Two seed-like strings that differ only in typography and spacing. */
	{
		char *a = text_fold("Tweede Kamer, vergaderjaar 2023\xe2\x80\x93" "2024, "
		    "\xe2\x80\x9c" "Aanhangsel\xe2\x80\x9d \n 2", 0);
		char *b = text_fold("Tweede Kamer,\xc2\xa0vergaderjaar 2023-2024,\t"
		    "\"Aanhangsel\" 2 ", 0);

		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

static void
test_squeeze(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "   ", "" },
		{ "a", "a" },
		{ "  a  ", "a" },
		{ "a  b", "a b" },
		{ "a\n\n \tb", "a b" },
		{ "a\xc2\xa0\xc2\xa0" "b", "a b" },
		{ " \xc2\xa0" "Financi\xc3\xabn \n", "Financi\xc3\xabn" },
		/* Typography and case are not squeeze's business. */
		{ "collega\xe2\x80\x99s  A\xe2\x80\x93" "B", "collega\xe2\x80\x99s A\xe2\x80\x93" "B" },
	};

	(void)state;
	for (size_t i = 0; i < LEN(cases); i++) {
		char *r = text_squeeze(cases[i].in);

		assert_string_equal(r, cases[i].out);
		free(r);
	}
}

/* A long input: squeeze must stay linear and keep every word. */
static void
test_squeeze_long(void **state)
{
	size_t n = 200000;
	char *s = malloc(n * 2 + 1), *r;

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < n; i++) {
		s[2 * i] = 'x';
		s[2 * i + 1] = (i % 3) ? ' ' : '\n';
	}
	s[2 * n] = '\0';
	r = text_squeeze(s);
	assert_int_equal(strlen(r), 2 * n - 1);
	for (size_t i = 0; i < 2 * n - 1; i++)
		assert_int_equal(r[i], i % 2 ? ' ' : 'x');
	free(r);
	r = text_fold(s, TEXT_FOLD_CASE);
	assert_int_equal(strlen(r), 2 * n - 1);
	free(r);
	free(s);
}

/* ---------------------------------------------------------------- sanitize */

static void
expect_sanitize_n(const char *in, size_t n, unsigned flags, const char *out)
{
	char *r = text_sanitize(in, n, flags);

	assert_string_equal(r, out);
	assert_true(text_is_utf8(r, strlen(r)));
	free(r);
}

static void
expect_sanitize(const char *in, unsigned flags, const char *out)
{
	expect_sanitize_n(in, strlen(in), flags, out);
}

static void
test_sanitize_escapes(void **state)
{
	(void)state;
	/* CSI: colours, cursor movement, erase, private modes */
	expect_sanitize("\x1b[31mrood\x1b[0m", 0, "rood");
	expect_sanitize("\x1b[1;38;5;196mX\x1b[m", 0, "X");
	expect_sanitize("a\x1b[2Jb\x1b[10;20Hc\x1b[Ad", 0, "abcd");
	expect_sanitize("\x1b[?1049hscherm\x1b[?25l", 0, "scherm");
	expect_sanitize("a\x1b[ qb", 0, "ab");		/* intermediate byte */
	/* OSC: window title ended by BEL or by ST (ESC \) */
	expect_sanitize("\x1b]0;pwned\x07titel", 0, "titel");
	expect_sanitize("\x1b]2;pwned\x1b\\titel", 0, "titel");
	/* OSC 8 hyperlink: the link text stays, the URL goes */
	expect_sanitize("\x1b]8;;http://x.example/\x1b\\klik\x1b]8;;\x1b\\", 0, "klik");
	/* OSC 52: writing the clipboard */
	expect_sanitize("a\x1b]52;c;cm0gLXJmIH4=\x07" "b", 0, "ab");
	/* DCS, SOS, PM, APC strings */
	expect_sanitize("a\x1bP1$qm\x1b\\b", 0, "ab");
	expect_sanitize("a\x1bXsos\x1b\\b\x1b^pm\x1b\\c\x1b_apc\x1b\\d", 0, "abcd");
	/* two-byte ESC sequences */
	expect_sanitize("a\x1b" "cb\x1b" "7c\x1b" "8d\x1b(Be", 0, "abcde");
	/* 8-bit CSI (U+009B) and OSC (U+009D), DCS (U+0090) */
	expect_sanitize("a\xc2\x9b" "31mb", 0, "ab");
	expect_sanitize("a\xc2\x9d" "0;pwned\x07" "b", 0, "ab");
	expect_sanitize("a\xc2\x9d" "0;pwned\xc2\x9c" "b", 0, "ab");
	expect_sanitize("a\xc2\x90" "1$q\x1b\\b", 0, "ab");
	/* an ESC at the very end, truncated sequences */
	expect_sanitize("tekst\x1b", 0, "tekst");
	expect_sanitize("tekst\x1b[", 0, "tekst");
	expect_sanitize("tekst\x1b[31;1", 0, "tekst");
	expect_sanitize("tekst\x1b]0;titel", 0, "tekst");
	/* an ESC ends a string cut short; the text after it stays */
	expect_sanitize("Ja\x1bP1$r\x1b[0m, zeker", 0, "Ja, zeker");
	expect_sanitize("a\x1b]52;c;eA==\x1b[1mb", 0, "ab");
	expect_sanitize("tekst\xc2\x9b" "31", 0, "tekst");
	expect_sanitize("\x1b", 0, "");
	/* A CSI cut short by text does not swallow the text's letters. */
	expect_sanitize("\x1b[\xc3\xab" "n", 0, "\xc3\xab" "n");
	/* ESC before a non-ASCII character takes only the ESC. */
	expect_sanitize("\x1b\xc3\xab", 0, "\xc3\xab");
	/* ESC ESC [ ...: the second ESC still starts a sequence */
	expect_sanitize("a\x1b\x1b[31mb", 0, "ab");
}

static void
test_sanitize_controls(void **state)
{
	char all_c0[40];
	size_t n = 0;

	(void)state;
	/* C0 except tab and newline vanish; so does DEL. */
	for (int c = 1; c < 0x20; c++)
		if (c != '\t' && c != '\n' && c != 0x1b)
			all_c0[n++] = (char)c;
	all_c0[n++] = 0x7f;
	all_c0[n] = '\0';
	expect_sanitize_n(all_c0, n, 0, "");
	expect_sanitize("a\rb\bc\x07" "d\x7f" "e", 0, "abcde");
	/* NUL inside the n bytes */
	expect_sanitize_n("a\0b", 3, 0, "ab");
	/* C1 controls (U+0080..U+009F) vanish */
	expect_sanitize("a\xc2\x80" "b\xc2\x85" "c\xc2\x9f" "d", 0, "abcd");
	/* bidi overrides and isolates */
	expect_sanitize("abc\xe2\x80\xae" "fdp.exe", 0, "abcfdp.exe");
	expect_sanitize("a\xe2\x81\xa6" "b\xe2\x81\xa9" "c", 0, "abc");
	expect_sanitize("a\xe2\x80\xaa" "b\xe2\x80\xac" "c\xe2\x81\xa7" "d\xe2\x81\xa8" "e", 0, "abcde");
	/* tabs become spaces; newlines only with TEXT_KEEP_NEWLINES */
	expect_sanitize("a\tb", 0, "a b");
	expect_sanitize("a\tb", TEXT_KEEP_NEWLINES, "a b");
	expect_sanitize("a\nb", 0, "a b");
	expect_sanitize("a\nb\n", TEXT_KEEP_NEWLINES, "a\nb\n");
	expect_sanitize("a\r\nb", TEXT_KEEP_NEWLINES, "a\nb");
	/* or shown as \n, for a name or a message on one line */
	expect_sanitize("x\nimported 99\n", TEXT_SHOW_NEWLINES, "x\\nimported 99\\n");
	expect_sanitize("a\r\n\033[31mb", TEXT_SHOW_NEWLINES, "a\\nb");
	/* s need not be NUL-terminated: only n bytes are read */
	expect_sanitize_n("abcdef", 3, 0, "abc");
	expect_sanitize_n("", 0, 0, "");
}

static void
test_sanitize_utf8(void **state)
{
	char *r;

	(void)state;
	/* Invalid UTF-8 becomes U+FFFD, the rest stays. */
	r = text_sanitize("a\xff" "b", 3, 0);
	assert_string_equal(r, "a\xef\xbf\xbd" "b");
	free(r);
	r = text_sanitize("a\xc0\xaf" "b", 4, 0);	/* overlong */
	assert_non_null(strstr(r, "\xef\xbf\xbd"));
	assert_true(r[0] == 'a' && r[strlen(r) - 1] == 'b');
	assert_null(strchr(r, '/'));
	free(r);
	r = text_sanitize("a\xed\xa0\x80" "b", 5, 0);	/* surrogate */
	assert_non_null(strstr(r, "\xef\xbf\xbd"));
	assert_true(text_is_utf8(r, strlen(r)));
	free(r);
	r = text_sanitize("ab\xe2\x80", 4, 0);		/* truncated at the end */
	assert_true(strncmp(r, "ab\xef\xbf\xbd", 5) == 0);
	assert_true(text_is_utf8(r, strlen(r)));
	free(r);
	/* Dutch text and typography pass unchanged. */
	expect_sanitize("Econonnische Zaken", 0, "Econonnische Zaken");
	expect_sanitize("Financi\xc3\xabn, \xc3\xa9\xc3\xa9n, co\xc3\xb6rdinatie, "
	    "ge\xc3\xafnteresseerd, c\xc3\xa1 va, na\xc3\xaf" "ef", 0,
	    "Financi\xc3\xabn, \xc3\xa9\xc3\xa9n, co\xc3\xb6rdinatie, "
	    "ge\xc3\xafnteresseerd, c\xc3\xa1 va, na\xc3\xaf" "ef");
	expect_sanitize("collega\xe2\x80\x99s 2023\xe2\x80\x93" "2024 \xe2\x80\x9cja\xe2\x80\x9d", 0,
	    "collega\xe2\x80\x99s 2023\xe2\x80\x93" "2024 \xe2\x80\x9cja\xe2\x80\x9d");
	expect_sanitize("\xe6\x97\xa5\xe6\x9c\xac e\xcc\x88", 0, "\xe6\x97\xa5\xe6\x9c\xac e\xcc\x88");
}

/* Every seed survives sanitizing intact, apart from its white space. */
static void
test_sanitize_seeds(void **state)
{
	const char *seeds[] = { SEED_PDFTEXT, SEED_MARKDOWN, SEED_LETTER };

	(void)state;
	for (size_t i = 0; i < LEN(seeds); i++) {
		size_t len;
		char *s = test_read_file(seeds[i], &len);
		char *kept = text_sanitize(s, len, TEXT_KEEP_NEWLINES);
		char *flat = text_sanitize(s, len, 0);

		assert_string_equal(kept, s);
		assert_null(strchr(flat, '\n'));
		assert_int_equal(strlen(flat), len);
		free(s);
		free(kept);
		free(flat);
	}
}

/* Whatever comes in, nothing a terminal acts on comes out. */
static void
test_sanitize_random(void **state)
{
	static const char alphabet[] = "\x1b[]P\\;0m\x07\x9b\x9c\xc2\xe2\x80\xae\n\tA\xc3\xab\xff";
	unsigned seed = 12345;

	(void)state;
	for (int round = 0; round < 2000; round++) {
		char in[64];
		size_t n = (size_t)(round % 64);
		char *r;

		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		r = text_sanitize(in, n, TEXT_KEEP_NEWLINES);
		assert_true(text_is_utf8(r, strlen(r)));
		for (const unsigned char *p = (const unsigned char *)r; *p; p++) {
			assert_true(*p >= 0x20 || *p == '\n');
			assert_true(*p != 0x7f);
			/* U+0080..U+009F is C2 80..C2 9F */
			if (*p == 0xc2)
				assert_true(p[1] >= 0xa0);
			/* U+202A..U+202E, U+2066..U+2069 */
			if (p[0] == 0xe2 && p[1] == 0x80)
				assert_false(p[2] >= 0xaa && p[2] <= 0xae);
			if (p[0] == 0xe2 && p[1] == 0x81)
				assert_false(p[2] >= 0xa6 && p[2] <= 0xa9);
		}
		free(r);
	}
}

/* ------------------------------------------------------------------- width */

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("Financi\xc3\xabn"), 9);
	assert_int_equal(text_width("Financie\xcc\x88n"), 9);	/* combining = 0 */
	assert_int_equal(text_width("\xcc\x88"), 0);
	assert_int_equal(text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);	/* 日本 */
	assert_int_equal(text_width("\xef\xbc\xa1"), 2);		/* fullwidth A */
	assert_int_equal(text_width("\xe2\x80\x99"), 1);		/* ’ */
	assert_int_equal(text_width("\xe2\x80\x93"), 1);		/* – */
	assert_int_equal(text_width("\xe2\x80\x9cja\xe2\x80\x9d"), 4);
	assert_int_equal(text_width("\xc2\xa0"), 1);
}

/* text_width counts ASCII itself: as u8_strwidth does, for every byte. */
static void
test_width_ascii(void **state)
{
	unsigned seed = 29;

	(void)state;
	for (int c = 1; c < 0x80; c++) {
		char s[4] = { 'a', (char)c, 'b', '\0' };

		assert_int_equal(text_width(s),
		    u8_strwidth((const uint8_t *)s, "UTF-8"));
	}
	for (int round = 0; round < 2000; round++) {
		char s[32];
		size_t n = (size_t)(round % 31);

		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = (char)(1 + (seed >> 16) % 0x7F);
		}
		s[n] = '\0';
		assert_int_equal(text_width(s),
		    u8_strwidth((const uint8_t *)s, "UTF-8"));
	}
}

/* -------------------------------------------------------------------- wrap */

/* The checks every wrap must pass. Returns the number of lines. */
static size_t
check_wrap(const char *s, int width, struct text_line **out)
{
	struct text_line *l = NULL;
	size_t n = text_wrap(s, width, &l), len = strlen(s);

	assert_true(n >= 1);
	assert_non_null(l);
	for (size_t i = 0; i < n; i++) {
		size_t m = l[i].end - l[i].start;
		char *line;

		assert_true(l[i].start <= l[i].end);
		assert_true(l[i].end <= len);
		if (i > 0)
			assert_true(l[i].start >= l[i - 1].end);
		line = malloc(m + 1);
		assert_non_null(line);
		memcpy(line, s + l[i].start, m);
		line[m] = '\0';
		assert_true(text_is_utf8(line, m));
		if (l[i].width != text_width(line) || l[i].width > width)
			fail_msg("width %d, line %zu '%s': width %d, text_width %d",
			    width, i, line, l[i].width, text_width(line));
		if (m > 0)
			assert_true(line[m - 1] != ' ');
		/* nothing but spaces and at most one '\n' between lines */
		if (i + 1 < n) {
			int newlines = 0;

			for (size_t k = l[i].end; k < l[i + 1].start; k++) {
				assert_true(s[k] == ' ' || s[k] == '\n');
				newlines += s[k] == '\n';
			}
			assert_true(newlines <= 1);
		}
		free(line);
	}
	for (size_t k = l[n - 1].end; k < len; k++)
		assert_true(s[k] == ' ' || s[k] == '\n');
	for (size_t k = 0; k < l[0].start; k++)
		assert_true(s[k] == ' ');
	if (out)
		*out = l;
	else
		free(l);
	return n;
}

/* The lines of s joined by sep (when something was between them). */
static char *
join_lines(const char *s, const struct text_line *l, size_t n, bool glue_cuts)
{
	size_t cap = strlen(s) + n + 1, k = 0;
	char *r = malloc(cap);

	assert_non_null(r);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (!glue_cuts || l[i].start > l[i - 1].end))
			r[k++] = ' ';
		memcpy(r + k, s + l[i].start, l[i].end - l[i].start);
		k += l[i].end - l[i].start;
	}
	r[k] = '\0';
	return r;
}

static void
expect_lines(const char *s, int width, const char *const *expected, size_t count)
{
	struct text_line *l;
	size_t n = check_wrap(s, width, &l);

	assert_int_equal(n, count);
	for (size_t i = 0; i < n; i++) {
		size_t m = l[i].end - l[i].start;

		if (m != strlen(expected[i]) || memcmp(s + l[i].start, expected[i], m) != 0)
			fail_msg("width %d, line %zu: '%.*s', expected '%s'",
			    width, i, (int)m, s + l[i].start, expected[i]);
	}
	free(l);
}

static void
test_wrap_words(void **state)
{
	(void)state;
	{
		const char *e[] = { "Zijn er op", "uw", "ministerie" };
		expect_lines("Zijn er op uw ministerie", 10, e, LEN(e));
	}
	{
		const char *e[] = { "Zijn er op uw", "ministerie" };
		expect_lines("Zijn er op uw ministerie", 13, e, LEN(e));
	}
	{
		const char *e[] = { "Zijn er op uw ministerie" };
		expect_lines("Zijn er op uw ministerie", 24, e, LEN(e));
		expect_lines("Zijn er op uw ministerie", 80, e, LEN(e));
	}
	/* trailing spaces are not part of a line */
	{
		const char *e[] = { "aaa", "bbb" };
		expect_lines("aaa    bbb   ", 4, e, LEN(e));
	}
	/* a width that ends exactly at a word */
	{
		const char *e[] = { "ab cd", "ef" };
		expect_lines("ab cd ef", 5, e, LEN(e));
	}
	/* diacritics count one column */
	{
		const char *e[] = { "\xc3\xa9\xc3\xa9n twee", "drie" };
		expect_lines("\xc3\xa9\xc3\xa9n twee drie", 8, e, LEN(e));
	}
	/* a word breaks after its hyphen; an identifier or a range does not */
	{
		const char *e[] = { "het directoraat-", "generaal" };
		expect_lines("het directoraat-generaal", 18, e, LEN(e));
	}
	{
		const char *e[] = { "nr. 1059", "(ah-tk-20232024-1059)." };
		expect_lines("nr. 1059 (ah-tk-20232024-1059).", 24, e, LEN(e));
	}
	{
		const char *e[] = { "vergaderjaar", "2023-2024" };
		expect_lines("vergaderjaar 2023-2024", 19, e, LEN(e));
	}
}

static void
test_wrap_long_word(void **state)
{
	const char *word = "directieniveaubijeenkomsten";	/* 27 columns */

	(void)state;
	{
		const char *e[] = { "directie", "niveaubi", "jeenkoms", "ten" };
		expect_lines(word, 8, e, LEN(e));
	}
	{
		const char *e[] = { "op", "directie", "niveaubi", "jeenkoms", "ten x" };
		char s[64];

		snprintf(s, sizeof(s), "op %s x", word);
		expect_lines(s, 8, e, LEN(e));
	}
	/* cut between characters, never inside one */
	{
		const char *e[] = { "\xc3\xab\xc3\xab\xc3\xab", "\xc3\xab\xc3\xab\xc3\xab", "\xc3\xab" };
		expect_lines("\xc3\xab\xc3\xab\xc3\xab\xc3\xab\xc3\xab\xc3\xab\xc3\xab", 3, e, LEN(e));
	}
	/* a combining mark stays with its base */
	{
		const char *e[] = { "ae\xcc\x88", "e\xcc\x88" "b" };
		expect_lines("ae\xcc\x88" "e\xcc\x88" "b", 2, e, LEN(e));
	}
}

static void
test_wrap_forced(void **state)
{
	(void)state;
	{
		const char *e[] = { "a", "b" };
		expect_lines("a\nb", 80, e, LEN(e));
	}
	{
		const char *e[] = { "a", "", "b" };
		expect_lines("a\n\nb", 80, e, LEN(e));
	}
	{
		const char *e[] = { "Vraag 1", "Zijn er", "op uw" };
		expect_lines("Vraag 1\nZijn er op uw", 7, e, LEN(e));
	}
	{
		const char *e[] = { "a" };
		expect_lines("a   \n", 80, e, LEN(e));
	}
	{
		const char *e[] = { "" };
		expect_lines("\n", 80, e, LEN(e));
	}
}

static void
test_wrap_edges(void **state)
{
	struct text_line *l = NULL;
	size_t n;

	(void)state;
	/* the empty string is one empty line */
	n = text_wrap("", 10, &l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].end, 0);
	assert_int_equal(l[0].width, 0);
	free(l);
	/* width 1: one character a line */
	{
		const char *e[] = { "a", "b", "c", "d" };
		expect_lines("ab cd", 1, e, LEN(e));
	}
	{
		const char *e[] = { "\xc3\xab", "n" };
		expect_lines("\xc3\xabn", 1, e, LEN(e));
	}
	/* a width below 1 acts as 1 */
	n = text_wrap("ab", 0, &l);
	assert_int_equal(n, 2);
	free(l);
}

static void
test_wrap_wide(void **state)
{
	/* 日本語日本語: six columns-2 characters */
	const char *s = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e";

	(void)state;
	{
		const char *e[] = {
			"\xe6\x97\xa5\xe6\x9c\xac",
			"\xe8\xaa\x9e\xe6\x97\xa5",
			"\xe6\x9c\xac\xe8\xaa\x9e",
		};
		expect_lines(s, 5, e, LEN(e));
		expect_lines(s, 4, e, LEN(e));
	}
	{
		const char *e[] = {
			"\xe6\x97\xa5", "\xe6\x9c\xac", "\xe8\xaa\x9e",
			"\xe6\x97\xa5", "\xe6\x9c\xac", "\xe8\xaa\x9e",
		};
		expect_lines(s, 3, e, LEN(e));
		expect_lines(s, 2, e, LEN(e));
	}
	/* a wide character at the last column moves to the next line */
	{
		const char *e[] = { "ab", "\xe6\x97\xa5" "c" };
		expect_lines("ab\xe6\x97\xa5" "c", 3, e, LEN(e));
	}
	for (int w = 2; w <= 13; w++)
		check_wrap("x \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e y\xe6\x97\xa5 "
		    "(\xe6\x97\xa5)\xe3\x80\x82\xef\xbc\xa1\xef\xbc\xa1 zz", w, NULL);
}

/* Plain prose comes back whole when its lines are joined again. */
static void
test_wrap_rejoin(void **state)
{
	const char *prose = "Afgelopen vrijdag is de ambtelijke top van de Tweede Kamer";
	char *par = seed_paragraph(SEED_LETTER, "Afgelopen vrijdag");
	char *flat = text_squeeze(par);

	int longest = 0;

	(void)state;
	assert_null(strchr(par, '-'));	/* no hyphen breaks in this one */
	for (const char *p = flat; *p; ) {
		size_t wl = strcspn(p, " ");

		if ((int)wl > longest)
			longest = (int)wl;
		p += wl + (p[wl] == ' ');
	}
	assert_int_equal(longest, 14);	/* "ondersteuning." */
	/* words never cut when they fit */
	for (int w = longest; w <= 100; w++) {
		struct text_line *l;
		size_t n;
		char *joined;

		n = check_wrap(flat, w, &l);
		joined = join_lines(flat, l, n, false);
		assert_string_equal(joined, flat);
		for (size_t i = 0; i + 1 < n; i++) {
			/* the next word would not have fitted */
			const char *next = flat + l[i + 1].start;
			size_t wl = strcspn(next, " ");
			char word[64];

			assert_true(wl < sizeof(word));
			memcpy(word, next, wl);
			word[wl] = '\0';
			assert_true(l[i].width + 1 + text_width(word) > w);
		}
		free(joined);
		free(l);
		n = check_wrap(prose, w, &l);
		joined = join_lines(prose, l, n, false);
		assert_string_equal(joined, prose);
		free(joined);
		free(l);
	}
	free(par);
	free(flat);
}

/* Seed paragraphs at the widths the reader uses. */
static void
test_wrap_seeds(void **state)
{
	static const struct {
		const char *seed, *from;
	} pars[] = {
		{ SEED_LETTER, "Afgelopen vrijdag" },
		{ SEED_LETTER, "Een goed functionerende" },
		{ SEED_LETTER, "Als leidinggevenden" },
		{ SEED_PDFTEXT, "Vragen van het lid" },
		{ SEED_MARKDOWN, "Vragen van het lid" },
		{ SEED_MARKDOWN, "Antwoord van Minister" },
	};
	static const int widths[] = { 20, 37, 80 };

	(void)state;
	for (size_t p = 0; p < LEN(pars); p++) {
		char *par = seed_paragraph(pars[p].seed, pars[p].from);
		char *flat = text_squeeze(par);

		for (size_t k = 0; k < LEN(widths); k++) {
			struct text_line *l;
			size_t n = check_wrap(flat, widths[k], &l);
			char *joined = join_lines(flat, l, n, true);
			int total = 0;

			assert_string_equal(joined, flat);
			for (size_t i = 0; i < n; i++)
				total += l[i].width;
			assert_true((size_t)total >= (size_t)text_width(flat) - (n - 1));
			assert_true(n >= (size_t)(text_width(flat) / widths[k]));
			free(joined);
			free(l);
		}
		/* The paragraph with its own line breaks: at least those lines. */
		for (size_t k = 0; k < LEN(widths); k++) {
			size_t breaks = 0;

			for (const char *c = par; *c; c++)
				breaks += *c == '\n';
			assert_true(check_wrap(par, widths[k], NULL) >= breaks + 1);
		}
		free(par);
		free(flat);
	}
}

/* Many small inputs at every width: the invariants always hold. */
static void
test_wrap_random(void **state)
{
	static const char *const atoms[] = {
		"a", "b", "word", " ", " ", "  ", "\n", "-", "\xc3\xab",
		"e\xcc\x88", "\xe6\x97\xa5", "\xe2\x80\x99", "(", ")", ".", ",",
		"directieniveau", "2024", "\xe2\x80\x93", "\xef\xbc\xa1", "/",
	};
	unsigned seed = 42;

	(void)state;
	for (int round = 0; round < 3000; round++) {
		char s[256];
		size_t len = 0;
		int atoms_n;

		seed = seed * 1103515245u + 12345u;
		atoms_n = (int)((seed >> 16) % 30);
		s[0] = '\0';
		for (int i = 0; i < atoms_n; i++) {
			const char *a;

			seed = seed * 1103515245u + 12345u;
			a = atoms[(seed >> 16) % LEN(atoms)];
			if (len + strlen(a) >= sizeof(s))
				break;
			memcpy(s + len, a, strlen(a) + 1);
			len += strlen(a);
		}
		check_wrap(s, 2 + round % 20, NULL);
	}
}

/* ------------------------------------------------------------- conversion */

static void
test_utf8_invalid_at(void **state)
{
	static const char ok[] = "Financiën, “quotes” and 中文";
	static const char latin1[] = "De Financi\xebn";
	static const char cut[] = "twee\xe2\x80";	/* ’ without its last byte */

	(void)state;
	assert_int_equal(text_utf8_invalid_at(ok, strlen(ok)), strlen(ok));
	assert_int_equal(text_utf8_invalid_at("", 0), 0);
	assert_int_equal(text_utf8_invalid_at(latin1, strlen(latin1)), 10);
	assert_int_equal(text_utf8_invalid_at(cut, strlen(cut)), 4);
	/* NUL is well-formed UTF-8: the caller looks for it apart. */
	assert_int_equal(text_utf8_invalid_at("a\0b", 3), 3);
	/* an overlong form and a surrogate are not UTF-8 */
	assert_int_equal(text_utf8_invalid_at("x\xc0\xafy", 4), 1);
	assert_int_equal(text_utf8_invalid_at("xy\xed\xa0\x80", 5), 2);
}

static void
test_from_latin1(void **state)
{
	/* Latin-1's letters, and Windows-1252's € ‘ ’ “ ” – — … in 0x80-0x9F */
	static const char in[] =
	    "Financi\xebn, na\xefve, \x80 5, \x91\x92 \x93zo\x94 \x96 \x97 \x85 \xff\xa0.";
	static const char want[] =
	    "Financiën, naïve, € 5, ‘’ “zo” – — … ÿ\xc2\xa0.";
	/* The five bytes that are no character in Windows-1252. */
	static const char undefined[] = "\x81\x8d\x8f\x90\x9d";
	size_t len = 0, bad = 0;
	char *out;

	(void)state;
	out = text_from_latin1(in, strlen(in), &len, &bad);
	assert_non_null(out);
	assert_string_equal(out, want);
	assert_int_equal(len, strlen(want));
	assert_true(text_is_utf8(out, len));
	free(out);

	/* ASCII stays as it is, NUL bytes included. */
	out = text_from_latin1("a\0b", 3, &len, &bad);
	assert_non_null(out);
	assert_int_equal(len, 3);
	assert_memory_equal(out, "a\0b", 3);
	free(out);

	out = text_from_latin1("", 0, &len, &bad);
	assert_non_null(out);
	assert_int_equal(len, 0);
	free(out);

	for (size_t i = 0; i < 5; i++) {
		char text[] = "ab?cd";

		text[2] = undefined[i];
		bad = 0;
		assert_null(text_from_latin1(text, 5, &len, &bad));
		assert_int_equal(bad, 2);
	}
}

/*
 * A message too long for its room keeps its reason and remedy: the
 * quoted path is cut in its middle, whole characters kept.
 */
static void
test_shorten(void **state)
{
	struct xbuf path = { 0 };
	struct error err;
	char *msg, *fit;
	size_t n;

	(void)state;
	fit = text_shorten("cannot import 'a.txt': empty", 10);
	assert_true(strlen(fit) <= 10);
	free(fit);
	fit = text_shorten("fits as it is", 13);
	assert_string_equal(fit, "fits as it is");
	free(fit);

	xbuf_puts(&path, "/home/ambtenaar");
	for (int i = 0; i < 300; i++)
		xbuf_puts(&path, "/Financiën");
	msg = xasprintf("cannot import '%s/x.txt': the file is empty (check that it is the file you meant)",
	    path.s);
	fit = text_shorten(msg, 2047);
	n = strlen(fit);
	assert_true(n <= 2047 && n > 2000);
	assert_true(strncmp(fit, "cannot import '/home/ambtenaar/", 31) == 0);
	assert_non_null(strstr(fit, "…"));
	assert_non_null(strstr(fit, "/x.txt': the file is empty (check that it is the file you meant)"));
	assert_int_equal(u8_check((const uint8_t *)fit, n), NULL);
	free(fit);

	/* Two quoted paths: the longer first, then the other. */
	free(msg);
	msg = xasprintf("cannot create '%s/naast.db': its directory '%s' does not exist (create it)",
	    path.s, path.s);
	fit = text_shorten(msg, 200);
	assert_true(strlen(fit) <= 200);
	assert_non_null(strstr(fit, "/naast.db': its directory '/home/ambtenaar/"));
	assert_non_null(strstr(fit, "' does not exist (create it)"));
	assert_int_equal(u8_check((const uint8_t *)fit, strlen(fit)), NULL);
	free(fit);

	/* error_set does the same within struct error. */
	error_set(&err, STATUS_IO, "%s", msg);
	assert_true(strlen(err.msg) < sizeof(err.msg));
	assert_non_null(strstr(err.msg, "' does not exist (create it)"));
	/* an unquoted long word is cut too */
	error_set(&err, STATUS_IO, "cannot read %s: permission denied (ask its owner)", path.s);
	assert_non_null(strstr(err.msg, ": permission denied (ask its owner)"));
	free(msg);
	free(path.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_utf8),
		cmocka_unit_test(test_is_utf8_seeds),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_nfc_fast_path),
		cmocka_unit_test(test_casefold),
		cmocka_unit_test(test_fold_typography),
		cmocka_unit_test(test_fold_space),
		cmocka_unit_test(test_fold_case),
		cmocka_unit_test(test_fold_random),
		cmocka_unit_test(test_fold_each_char),
		cmocka_unit_test(test_fold_seeds),
		cmocka_unit_test(test_squeeze),
		cmocka_unit_test(test_squeeze_long),
		cmocka_unit_test(test_shorten),
		cmocka_unit_test(test_sanitize_escapes),
		cmocka_unit_test(test_sanitize_controls),
		cmocka_unit_test(test_sanitize_utf8),
		cmocka_unit_test(test_sanitize_seeds),
		cmocka_unit_test(test_sanitize_random),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_ascii),
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_forced),
		cmocka_unit_test(test_wrap_edges),
		cmocka_unit_test(test_wrap_wide),
		cmocka_unit_test(test_wrap_rejoin),
		cmocka_unit_test(test_wrap_seeds),
		cmocka_unit_test(test_wrap_random),
		cmocka_unit_test(test_utf8_invalid_at),
		cmocka_unit_test(test_from_latin1),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
