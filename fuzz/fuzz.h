/*
 * fuzz: what naast's fuzz targets share.
 *
 * Each fuzz/fuzz_NAME.c defines LLVMFuzzerTestOneInput and nothing else
 * that is exported.  Linked with libFuzzer (./configure --enable-fuzzing,
 * clang) it is the fuzzer fuzz/fuzz_NAME that `make fuzz` runs; linked
 * with fuzz/replay.c it is fuzz/replay_NAME, a plain program that runs the
 * files named on its command line once each, so that every build (gcc,
 * ASan) replays the regression inputs and seeds in `make check`.
 *
 * A target checks what the module under test promises and aborts, after
 * one line on stderr, when a promise is broken: libFuzzer then keeps the
 * input, and a replay fails.
 */
#ifndef NAAST_FUZZ_H
#define NAAST_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The entry point libFuzzer calls; fuzz/replay.c calls it per file. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Prints "naast fuzz: broken promise: what" and aborts unless ok. */
void fuzz_require(bool ok, const char *what);

/* The whole of the file at path (newly allocated), or NULL with a line on stderr. */
uint8_t *fuzz_read_file(const char *path, size_t *size);

/*
 * The checks of text that naast writes out.  Returns a description of the
 * first thing wrong in s[0, n), or NULL when there is none:
 *  - FUZZ_SAFE_SHOWN: what text_sanitize returns: valid UTF-8, no ESC, no
 *    C0 control (but '\n' with FUZZ_SAFE_NEWLINES), no DEL, no C1
 *    control, no bidirectional embedding, override or isolate
 *    (U+202A-U+202E, U+2066-U+2069);
 *  - FUZZ_SAFE_FILE: what an export writes: the same, but tabs, '\r' and
 *    '\n' are allowed.
 */
enum {
	FUZZ_SAFE_SHOWN = 0,
	FUZZ_SAFE_NEWLINES = 1 << 0,
	FUZZ_SAFE_FILE = 1 << 1,
};
const char *fuzz_unsafe(const char *s, size_t n, unsigned flags);

/*
 * Reading structured input from the fuzzer's bytes: numbers and strings,
 * each string up to the next NUL byte.  Past the end, bytes are 0 and
 * strings "": every input means something.
 */
struct fuzz_reader {
	const uint8_t *p;
	size_t n;
};

uint8_t fuzz_byte(struct fuzz_reader *r);
/* A newly allocated string: the bytes up to the next NUL or the end. */
char *fuzz_string(struct fuzz_reader *r);
/* The same, but NULL for "". */
char *fuzz_string_or_null(struct fuzz_reader *r);

#endif
