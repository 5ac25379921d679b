/*
 * original: a document's text packed as one zstd frame.  See original.h.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include "import.h"
#include "original.h"
#include "xalloc.h"

/*
 * Measured on the texts of the bundled corpus and tests/corpus-pdf (200
 * KB, 17 documents): level 3 packs them to 37.6%, level 4 to 37.1%,
 * level 5 to 36.5%, level 6 to 36.1%, level 9 to 35.9% and level 19 to
 * 35.2%; unpacking runs at some 450 MB/s at every level.  Packing is done
 * in the import's reader thread, which waits for the store most of the
 * time: on bench/gen's 10,000 documents level 5 took that thread 1.6 s
 * of CPU where level 3 took 0.85 s, without making the import slower,
 * and made the database 1.1 MB (0.5%) smaller.  Level 9 runs at a fifth
 * of level 3's speed and would make the reader the slower thread.
 */
#define ORIGINAL_LEVEL 5

/*
 * One context for every document, made at the first and kept: a new one
 * clears its tables for each document, a quarter of the time it takes
 * to pack a text of a few kilobytes.  The frame is the same either way.
 * An import packs in its reader's thread and, for a PDF, in its own:
 * one at a time (lock).
 */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static ZSTD_CCtx *
context(void)
{
	static ZSTD_CCtx *cctx;

	if (cctx)
		return cctx;
	if (!(cctx = ZSTD_createCCtx()))
		return NULL;
	/*
	 * The size of the text in the frame's header (ZSTD_compress2 writes
	 * it, knowing it) and a checksum of the text at its end.
	 */
	if (ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel,
	    ORIGINAL_LEVEL)) ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1))) {
		ZSTD_freeCCtx(cctx);
		cctx = NULL;
	}
	return cctx;
}

void *
original_pack(const char *text, size_t len, size_t *out_len)
{
	size_t cap = ZSTD_compressBound(len), n;
	ZSTD_CCtx *cctx;
	void *out;

	*out_len = 0;
	pthread_mutex_lock(&lock);
	if (!(cctx = context())) {
		pthread_mutex_unlock(&lock);
		return NULL;
	}
	out = xmalloc(cap);
	n = ZSTD_compress2(cctx, out, cap, text ? text : "", len);
	pthread_mutex_unlock(&lock);
	/* ZSTD_compress2 begins a new frame, whatever the one before did. */
	if (ZSTD_isError(n)) {
		free(out);
		return NULL;
	}
	*out_len = n;
	return out;
}

static enum status
damaged(struct error *err, const char *why)
{
	return error_set(err, STATUS_DB,
	    "the stored original of a document is damaged (%s): remove the document and import its file again",
	    why);
}

/* The frame's first four bytes, little-endian: ZSTD_MAGICNUMBER. */
static int
is_zstd_frame(const unsigned char *b, size_t len)
{
	return len >= 4 && (b[0] | b[1] << 8 | b[2] << 16 |
	    (unsigned long)b[3] << 24) == ZSTD_MAGICNUMBER;
}

enum status
original_unpack(const void *blob, size_t len, char **text, size_t *text_len,
    struct error *err)
{
	unsigned long long size;
	ZSTD_DCtx *dctx;
	size_t n;
	char *out;

	*text = NULL;
	*text_len = 0;
	/* A skippable frame or another format is no original of naast's. */
	if (!blob || !is_zstd_frame(blob, len))
		return damaged(err, "not a zstd frame");
	size = ZSTD_getFrameContentSize(blob, len);
	if (size == ZSTD_CONTENTSIZE_ERROR)
		return damaged(err, "its frame header is broken");
	if (size == ZSTD_CONTENTSIZE_UNKNOWN)
		return damaged(err, "its size is not recorded");
	/* What a damaged header claims is never allocated. */
	if (size > IMPORT_MAX_FILE_SIZE)
		return damaged(err, "it claims more than any original naast stores");
	n = ZSTD_findFrameCompressedSize(blob, len);
	if (ZSTD_isError(n) || n != len)
		return damaged(err, ZSTD_isError(n) ? "it is cut short" :
		    "bytes follow its frame");
	if (!(dctx = ZSTD_createDCtx()))
		return error_set(err, STATUS_DB,
		    "out of memory reading the stored original of a document");
	out = xmalloc((size_t)size + 1);
	n = ZSTD_decompressDCtx(dctx, out, (size_t)size, blob, len);
	ZSTD_freeDCtx(dctx);
	if (ZSTD_isError(n) || n != size) {
		free(out);
		if (!ZSTD_isError(n))
			return damaged(err, "its size does not match");
		return damaged(err,
		    ZSTD_getErrorCode(n) == ZSTD_error_checksum_wrong ?
		    "its checksum does not match" : "it does not unpack");
	}
	out[size] = '\0';
	*text = out;
	*text_len = (size_t)size;
	return STATUS_OK;
}
