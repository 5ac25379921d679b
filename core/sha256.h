/*
 * sha256: the digest that identifies an imported file (FIPS 180-4).
 */
#ifndef NAAST_SHA256_H
#define NAAST_SHA256_H

#include <stddef.h>

/* Writes the lowercase hex digest of data[0..len) and a NUL to hex. */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
