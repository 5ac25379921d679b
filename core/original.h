/*
 * original: the text of a document as the store keeps it, compressed.
 *
 * naast keeps the original of every document (parsing again reads it)
 * as one zstd frame that records the size of the text and a checksum of
 * it, so that a damaged original is refused, never read as another text.
 * A packed original is opaque bytes: only original_unpack reads it.
 *
 * Memory: what original_pack and original_unpack return is the caller's,
 * released with free().
 */
#ifndef NAAST_ORIGINAL_H
#define NAAST_ORIGINAL_H

#include <stddef.h>

#include "status.h"

/*
 * text[0, len) packed, *out_len bytes; text may be NULL when len is 0.
 * NULL only when zstd could not get memory to work in.
 */
void *original_pack(const char *text, size_t len, size_t *out_len);

/*
 * The text that blob[0, len) packs, in *text (NUL-terminated, *text_len
 * bytes without the NUL).  A blob that is not one zstd frame of
 * original_pack's, whose size is not recorded or larger than any original
 * naast stores (IMPORT_MAX_FILE_SIZE), or that does not unpack whole and
 * intact, is refused: STATUS_DB, one line in err, *text NULL.
 */
enum status original_unpack(const void *blob, size_t len, char **text,
    size_t *text_len, struct error *err);

#endif
