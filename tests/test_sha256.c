/*
 * test_sha256: the FIPS 180-4 vectors and the lengths where padding spills
 * into a second block.  The expected digests were computed with sha256sum.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "sha256.h"
#include "testutil.h"

static void
check(const void *data, size_t len, const char *expected)
{
	char hex[SHA256_HEX_SIZE];

	memset(hex, 'x', sizeof(hex));
	sha256_hex(data, len, hex);
	assert_int_equal(hex[64], '\0');
	assert_string_equal(hex, expected);
}

static void
test_fips_vectors(void **state)
{
	const char *abc56 =
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	const char *abc112 =
	    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

	(void)state;
	check("", 0,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	/* an empty file may come as a NULL buffer */
	check(NULL, 0,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check("abc", 3,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(strlen(abc56), 56);
	check(abc56, 56,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	assert_int_equal(strlen(abc112), 112);
	check(abc112, 112,
	    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void
test_million_a(void **state)
{
	size_t n = 1000000;
	char *a = malloc(n);

	(void)state;
	assert_non_null(a);
	memset(a, 'a', n);
	check(a, n,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

/* Around 55/56 and 119/120 bytes the length no longer fits the last block. */
static void
test_block_boundaries(void **state)
{
	static const struct {
		size_t len;
		const char *hex;
	} cases[] = {
		{ 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
		{ 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
		{ 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
		{ 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
		{ 65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0" },
		{ 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb" },
		{ 120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c" },
		{ 127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a" },
		{ 128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e" },
	};
	char a[128];

	(void)state;
	memset(a, 'a', sizeof(a));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check(a, cases[i].len, cases[i].hex);
}

/* The data need not be aligned or NUL-terminated: hash from an odd offset. */
static void
test_unaligned(void **state)
{
	char buf[1 + 65];

	(void)state;
	buf[0] = 'z';
	memset(buf + 1, 'a', 65);
	check(buf + 1, 65,
	    "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
}

/* The seeds as files: what import computes to recognise a file again. */
static void
test_seeds(void **state)
{
	static const struct {
		const char *path;
		const char *hex;
	} seeds[] = {
		{ SEED_PDFTEXT, "53ee76c145d79305dbabaf5aca651519db09a40d062ef3b40e3610a69fda383b" },
		{ SEED_MARKDOWN, "f67706fe9dd312287ddbff319250320f2b309b0f23715959b589d7a303516ea8" },
		{ SEED_LETTER, "8661f4b6af71aaaed99e4637478b0e17618c0fcf5ac594108928ba66ee2babcf" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		size_t len;
		char *data = test_read_file(seeds[i].path, &len);

		check(data, len, seeds[i].hex);
		free(data);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fips_vectors),
		cmocka_unit_test(test_million_a),
		cmocka_unit_test(test_block_boundaries),
		cmocka_unit_test(test_unaligned),
		cmocka_unit_test(test_seeds),
	};

	return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
