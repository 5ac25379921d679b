/*
 * test_original: texts packed and unpacked byte for byte, and damaged
 * originals refused with one line (cut short, a bit flipped, another
 * format, a size never recorded or larger than naast stores).  Under
 * ASan, every refusal is also checked to leave nothing allocated.
 */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "import.h"
#include "original.h"
#include "testutil.h"
#include "xalloc.h"

#define DAMAGED "the stored original of a document is damaged"

/* Packs text[0, len), checks what comes back, returns the packed bytes. */
static unsigned char *
round_trip(const char *text, size_t len, size_t *packed_len)
{
	unsigned char *blob = original_pack(text, len, packed_len);
	struct error err = { "" };
	char *back;
	size_t back_len;

	assert_non_null(blob);
	assert_true(*packed_len > 0);
	assert_int_equal(original_unpack(blob, *packed_len, &back, &back_len,
	    &err), STATUS_OK);
	assert_string_equal(err.msg, "");
	assert_int_equal(back_len, len);
	assert_memory_equal(back, len ? text : "", len);
	assert_int_equal(back[len], '\0');
	free(back);
	return blob;
}

/* blob[0, len) is refused as damaged, *text left NULL; err names why. */
static void
refused(const void *blob, size_t len, const char *why)
{
	struct error err = { "" };
	char *text = (char *)"unset";
	size_t text_len = 99;

	assert_int_equal(original_unpack(blob, len, &text, &text_len, &err),
	    STATUS_DB);
	assert_null(text);
	assert_int_equal(text_len, 0);
	if (!strstr(err.msg, DAMAGED) || (why && !strstr(err.msg, why)))
		fail_msg("unexpected message: %s", err.msg);
	assert_null(strchr(err.msg, '\n'));
}

/* A deterministic text of n bytes of Dutch-looking words. */
static char *
words(size_t n)
{
	static const char *const w[] = {
		"de", "minister", "antwoordt", "op", "vraag", "van", "het",
		"lid", "over", "ambtenaren", "verkiezingsuitslag", "en", "is",
		"bekend", "met", "bericht", "zie", "antwoord", "2024",
	};
	char *s = malloc(n + 1);
	uint32_t x = 12345;
	size_t i = 0;

	assert_non_null(s);
	while (i < n) {
		const char *v;

		x = x * 1103515245u + 12345u;
		v = w[(x >> 16) % COUNT(w)];
		for (size_t k = 0; v[k] && i < n; k++)
			s[i++] = v[k];
		if (i < n)
			s[i++] = (x >> 8) % 13 == 0 ? '\n' : ' ';
	}
	s[n] = '\0';
	return s;
}

static void
test_round_trips(void **state)
{
	static const char binary[] = "a\0b\0\0\xff\xfe\x01\0z";
	const char *utf8 = "Financiën, geïnformeerd, € 5 miljoen, “zo” – "
	    "naïve \xe2\x80\xae cijfers \xf0\x9f\x93\x84";
	unsigned char *blob;
	size_t n;

	(void)state;
	free(round_trip(NULL, 0, &n));
	free(round_trip("", 0, &n));
	free(round_trip("x", 1, &n));
	free(round_trip("Ja.\n", 4, &n));
	free(round_trip(utf8, strlen(utf8), &n));
	free(round_trip(binary, sizeof(binary) - 1, &n));
	/* Long text: smaller packed, the gain the store is after. */
	{
		size_t len = 3u << 20;
		char *text = words(len);

		blob = round_trip(text, len, &n);
		assert_true(n < len / 3);
		free(blob);
		free(text);
	}
	/* Each seed as the store gets it. */
	{
		const char *seeds[] = { SEED_PDFTEXT, SEED_MARKDOWN, SEED_LETTER };

		for (size_t i = 0; i < COUNT(seeds); i++) {
			size_t len;
			char *text = test_read_file(seeds[i], &len);

			blob = round_trip(text, len, &n);
			assert_true(n < len);
			free(blob);
			free(text);
		}
	}
}

static void
test_truncated(void **state)
{
	const char *text = "Antwoord 1\n\nJa, de minister is bekend met het bericht.\n";
	size_t n;
	unsigned char *blob = round_trip(text, strlen(text), &n);

	(void)state;
	refused(NULL, 0, "not a zstd frame");
	for (size_t len = 0; len < n; len++)
		refused(blob, len, NULL);
	free(blob);
}

/*
 * Every single bit flipped: refused, or (a bit the format leaves unused)
 * the very same text; never another text.
 */
static void
test_bit_flipped(void **state)
{
	const char *text = "Vraag 2\n\nKunt u deze vragen een voor een beantwoorden? "
	    "Kunt u deze vragen een voor een beantwoorden?\n";
	size_t n, len = strlen(text), accepted = 0;
	unsigned char *blob = round_trip(text, len, &n);

	(void)state;
	for (size_t bit = 0; bit < n * 8; bit++) {
		struct error err = { "" };
		char *back;
		size_t back_len;

		blob[bit / 8] ^= (unsigned char)(1u << (bit % 8));
		if (original_unpack(blob, n, &back, &back_len, &err) == STATUS_OK) {
			assert_int_equal(back_len, len);
			assert_memory_equal(back, text, len);
			free(back);
			accepted++;
		} else {
			refused(blob, n, NULL);
		}
		blob[bit / 8] ^= (unsigned char)(1u << (bit % 8));
	}
	assert_true(accepted <= 8);
	free(blob);
}

static void
test_not_zstd(void **state)
{
	/* A zstd skippable frame, empty: another format's, not an original. */
	static const unsigned char skippable[] = {
		0x50, 0x2a, 0x4d, 0x18, 0, 0, 0, 0,
	};
	const char *text = "Hoogachtend,\n";
	size_t n;
	unsigned char *blob = round_trip(text, strlen(text), &n);
	unsigned char *two;

	(void)state;
	refused(text, strlen(text), "not a zstd frame");
	refused(skippable, sizeof(skippable), "not a zstd frame");
	blob[0] ^= 0x01;
	refused(blob, n, "not a zstd frame");
	blob[0] ^= 0x01;
	/* One frame, nothing after it: not a second frame, not a byte. */
	two = malloc(2 * n);
	assert_non_null(two);
	memcpy(two, blob, n);
	memcpy(two + n, blob, n);
	refused(two, 2 * n, "bytes follow its frame");
	refused(two, n + 1, "bytes follow its frame");
	free(two);
	free(blob);
}

/*
 * A frame by hand: the magic number, a header that records the size
 * claimed in 8 bytes (single segment, no checksum) or none, and one
 * empty raw block.
 */
static size_t
frame_claiming(unsigned char *f, unsigned long long claimed, bool recorded)
{
	size_t n = 0;

	f[n++] = 0x28; f[n++] = 0xb5; f[n++] = 0x2f; f[n++] = 0xfd;
	if (recorded) {
		f[n++] = 0xe0;
		for (int i = 0; i < 8; i++)
			f[n++] = (unsigned char)(claimed >> (8 * i));
	} else {
		f[n++] = 0x00;
		f[n++] = 0x00;		/* window descriptor: 1 KiB */
	}
	f[n++] = 0x01; f[n++] = 0x00; f[n++] = 0x00;
	return n;
}

static void
test_sizes_claimed(void **state)
{
	unsigned char f[32];
	size_t n;

	(void)state;
	/* The frame itself is sound: it holds nothing, and says so. */
	n = frame_claiming(f, 0, true);
	{
		struct error err = { "" };
		char *text;
		size_t len;

		assert_int_equal(original_unpack(f, n, &text, &len, &err),
		    STATUS_OK);
		assert_int_equal(len, 0);
		assert_string_equal(text, "");
		free(text);
	}
	n = frame_claiming(f, 5, true);
	refused(f, n, NULL);
	n = frame_claiming(f, 0, false);
	refused(f, n, "its size is not recorded");
	n = frame_claiming(f, (unsigned long long)IMPORT_MAX_FILE_SIZE + 1, true);
	refused(f, n, "it claims more than any original naast stores");
	n = frame_claiming(f, 1ull << 62, true);
	refused(f, n, "it claims more than any original naast stores");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trips),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bit_flipped),
		cmocka_unit_test(test_not_zstd),
		cmocka_unit_test(test_sizes_claimed),
	};

	return cmocka_run_group_tests_name("original", tests, NULL, NULL);
}
