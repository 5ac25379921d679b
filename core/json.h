/*
 * json: a small writer of JSON documents for --json output, golden files
 * and export.  It tracks nesting and commas; strings are sanitised here,
 * once, for every document (text_sanitize: no escape sequences, controls
 * but line breaks, bidi overrides or invalid UTF-8) and escaped (line
 * breaks, quotes).  Output goes to the FILE the caller gives.  The
 * records naast writes (a set, a signatory, ...) are json_record.h.
 */
#ifndef NAAST_JSON_H
#define NAAST_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json {
	FILE *fp;
	int depth;
	bool first[JSON_MAX_DEPTH];	/* no member written yet at this depth */
	bool after_key;			/* a key was written, its value is next */
	bool pretty;			/* indent, one member per line */
};

void json_init(struct json *j, FILE *fp, bool pretty);
void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s);	/* NULL writes null */
/*
 * One string in parts, for a string too long to hold at once: begin,
 * parts, end.  Each part is sanitised on its own, so parts should break
 * the text between characters that go together (between words).
 */
void json_string_begin(struct json *j);
void json_string_part(struct json *j, const char *s);
void json_string_end(struct json *j);
void json_int(struct json *j, long long v);
/* A number with at most 4 decimals ("0.9823", "1"); null when not finite. */
void json_double(struct json *j, double v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* Ends the document with a newline. */
void json_finish(struct json *j);

/* Shorthands for a key and its value. */
void json_kv_string(struct json *j, const char *key, const char *s);
void json_kv_int(struct json *j, const char *key, long long v);
void json_kv_double(struct json *j, const char *key, double v);
/* v when positive, else null: a number naast does not know (an id, an Aanhangsel nr). */
void json_kv_int_or_null(struct json *j, const char *key, long long v);
/* s, or null when s is NULL or empty (a date or code not known). */
void json_kv_nonempty(struct json *j, const char *key, const char *s);
/* The n strings of v as an array. */
void json_kv_strv(struct json *j, const char *key, char *const *v, size_t n);

#endif
