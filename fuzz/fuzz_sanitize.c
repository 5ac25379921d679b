/*
 * fuzz_sanitize: text_sanitize, the one place where text from documents
 * and users is made safe to show, on any bytes, with TEXT_KEEP_NEWLINES,
 * with TEXT_SHOW_NEWLINES and with neither.  Its output must hold no
 * escape sequence, no C0 or C1 control (but '\n' when kept), no DEL, no
 * bidirectional embedding, override or isolate, and be valid UTF-8;
 * sanitising it again changes nothing.  What the interface does next with shown text (measure and
 * wrap it, fold it for matching) runs on the output too.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text.h"

static void
check_wrap(const char *s, int width)
{
	struct text_line *lines = NULL;
	size_t len = strlen(s), n = text_wrap(s, width, &lines), at = 0;

	for (size_t i = 0; i < n; i++) {
		fuzz_require(lines[i].start >= at && lines[i].start <= lines[i].end &&
		    lines[i].end <= len, "wrapped lines are in order inside the text");
		fuzz_require(text_is_utf8(s + lines[i].start, lines[i].end - lines[i].start),
		    "a wrapped line is whole characters");
		fuzz_require(lines[i].width >= 0, "a wrapped line has a width");
		at = lines[i].end;
	}
	free(lines);
}

static void
check_fold(const char *s, unsigned flags)
{
	char *f = text_fold(s, flags);
	size_t n = strlen(f);

	fuzz_require(text_is_utf8(f, n), "a folded text is UTF-8");
	fuzz_require(n == 0 || (f[0] != ' ' && f[n - 1] != ' '), "a folded text is trimmed");
	fuzz_require(strstr(f, "  ") == NULL, "a folded text has no double space");
	free(f);
}

static void
sanitize(const char *s, size_t n, unsigned flags, int width)
{
	char *out = text_sanitize(s, n, flags), *again;
	size_t len = strlen(out);
	const char *wrong = fuzz_unsafe(out, len,
	    flags & TEXT_KEEP_NEWLINES ? FUZZ_SAFE_NEWLINES : FUZZ_SAFE_SHOWN);

	if (wrong)
		fprintf(stderr, "naast fuzz: text_sanitize left %s\n", wrong);
	fuzz_require(wrong == NULL, "text_sanitize leaves only text safe to show");
	again = text_sanitize(out, len, flags);
	fuzz_require(strcmp(again, out) == 0, "text_sanitize changes nothing of its own output");
	free(again);

	fuzz_require(text_width(out) >= 0, "a sanitised text has a width");
	check_wrap(out, width);
	check_fold(out, 0);
	check_fold(out, TEXT_FOLD_CASE | TEXT_FOLD_MARKS);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = size ? (const char *)data : "";
	/* a width from 1 to 80 that the input chooses */
	int width = 1 + (size ? data[size - 1] % 80 : 0);

	sanitize(s, size, 0, width);
	sanitize(s, size, TEXT_KEEP_NEWLINES, width);
	sanitize(s, size, TEXT_SHOW_NEWLINES, width);
	return 0;
}
