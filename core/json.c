/*
 * json: the writer of JSON documents.  See json.h.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "text.h"

void
json_init(struct json *j, FILE *fp, bool pretty)
{
	j->fp = fp;
	j->depth = 0;
	j->first[0] = true;
	j->after_key = false;
	j->pretty = pretty;
}

static void
newline(struct json *j)
{
	if (!j->pretty)
		return;
	fputc('\n', j->fp);
	for (int i = 0; i < j->depth; i++)
		fputs("  ", j->fp);
}

/* Writes what must come before a value or a key at the current depth. */
static void
separate(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth == 0)
		return;
	if (!j->first[j->depth])
		fputc(',', j->fp);
	j->first[j->depth] = false;
	newline(j);
}

static void
container_open(struct json *j, char c)
{
	separate(j);
	fputc(c, j->fp);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->first[j->depth] = true;
}

static void
container_close(struct json *j, char c)
{
	bool empty = j->first[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (!empty)
		newline(j);
	fputc(c, j->fp);
}

void json_object_begin(struct json *j) { container_open(j, '{'); }
void json_object_end(struct json *j) { container_close(j, '}'); }
void json_array_begin(struct json *j) { container_open(j, '['); }
void json_array_end(struct json *j) { container_close(j, ']'); }

static void
write_escaped(FILE *fp, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		/* C1 controls (U+0080-U+009F, UTF-8 C2 80-C2 9F) are escaped too:
		 * some terminals act on them when JSON is shown raw. */
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			fprintf(fp, "\\u%04x", p[1]);
			p++;
			continue;
		}
		switch (*p) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\r': fputs("\\r", fp); break;
		default:
			if (*p < 0x20 || *p == 0x7F)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
		}
	}
}

static void
write_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	write_escaped(fp, s);
	fputc('"', fp);
}

void
json_key(struct json *j, const char *key)
{
	separate(j);
	write_string(j->fp, key);
	fputs(j->pretty ? ": " : ":", j->fp);
	j->after_key = true;
}

void
json_string(struct json *j, const char *s)
{
	char *safe;

	if (!s) {
		json_null(j);
		return;
	}
	/*
	 * Sanitised first, like everything naast prints: a script that
	 * decodes the JSON and shows a string must not show an escape
	 * sequence or a bidi override from a document either.
	 */
	safe = text_sanitize(s, strlen(s), TEXT_KEEP_NEWLINES);
	separate(j);
	write_string(j->fp, safe);
	free(safe);
}

void
json_string_begin(struct json *j)
{
	separate(j);
	fputc('"', j->fp);
}

void
json_string_part(struct json *j, const char *s)
{
	char *safe = text_sanitize(s, strlen(s), TEXT_KEEP_NEWLINES);

	write_escaped(j->fp, safe);
	free(safe);
}

void
json_string_end(struct json *j)
{
	fputc('"', j->fp);
}

void
json_int(struct json *j, long long v)
{
	separate(j);
	fprintf(j->fp, "%lld", v);
}

void
json_double(struct json *j, double v)
{
	char buf[64];
	size_t n;

	if (!isfinite(v)) {
		json_null(j);
		return;
	}
	snprintf(buf, sizeof(buf), "%.4f", v);
	n = strlen(buf);
	while (n > 1 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 1 && buf[n - 1] == '.')
		buf[--n] = '\0';
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	separate(j);
	fputs(buf, j->fp);
}

void
json_bool(struct json *j, bool v)
{
	separate(j);
	fputs(v ? "true" : "false", j->fp);
}

void
json_null(struct json *j)
{
	separate(j);
	fputs("null", j->fp);
}

void
json_finish(struct json *j)
{
	fputc('\n', j->fp);
}

void
json_kv_string(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void
json_kv_int(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_int(j, v);
}

void
json_kv_double(struct json *j, const char *key, double v)
{
	json_key(j, key);
	json_double(j, v);
}

void
json_kv_int_or_null(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	if (v > 0)
		json_int(j, v);
	else
		json_null(j);
}

void
json_kv_nonempty(struct json *j, const char *key, const char *s)
{
	json_kv_string(j, key, s && *s ? s : NULL);
}

void
json_kv_strv(struct json *j, const char *key, char *const *v, size_t n)
{
	json_key(j, key);
	json_array_begin(j);
	for (size_t i = 0; i < n; i++)
		json_string(j, v[i]);
	json_array_end(j);
}
