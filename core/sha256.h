/*
 * sha256: the digest that identifies an imported file (FIPS 180-4).
 */
#ifndef NAAST_SHA256_H
#define NAAST_SHA256_H

#include <stddef.h>

/* The hex digest and its NUL. */
#define SHA256_HEX_SIZE 65

/* Writes the lowercase hex digest of data[0..len) and a NUL to hex. */
void sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE]);

#endif
