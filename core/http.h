/*
 * http: GET requests to the open data service through libcurl.
 *
 * HTTPS with the certificate checked, the proxy from the environment as
 * curl takes it (https_proxy, no_proxy, ...), a time to connect, a time
 * without data and a time in all after which a try is given up, and a User-Agent
 * that names naast and its version.  A request that meets a busy or
 * failing server (429, 5xx) or a broken connection is tried again after
 * a pause that doubles each time, or as long as Retry-After asks; after
 * HTTP_TRIES tries it fails with one line that says what the server did.
 *
 * One request at a time per struct http; the connection is kept for the
 * next.  Nothing here prints; what is asked and answered is the caller's.
 */
#ifndef NAAST_HTTP_H
#define NAAST_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

#define HTTP_TRIES 4
/* The longest pause between two tries, whatever Retry-After asks. */
#define HTTP_MAX_PAUSE_SECONDS 60

struct http_options {
	unsigned connect_seconds;	/* 0: 15 */
	unsigned idle_seconds;		/* without a byte; 0: 30 */
	unsigned total_seconds;		/* for one try at most; 0: 600 */
	unsigned pause_seconds;		/* the first pause between tries; 0: 1 */
};

struct http;

/* NULL with err set when libcurl cannot start. */
struct http *http_open(const struct http_options *opts, struct error *err);
void http_close(struct http *h);

/*
 * GETs url into *body (NUL-terminated, *len bytes, the caller frees it),
 * at most max bytes.  A status other than 200 fails: STATUS_NOT_FOUND for
 * 404, STATUS_NET for the rest.
 */
enum status http_get(struct http *h, const char *url, size_t max, char **body,
    size_t *len, struct error *err);

/*
 * GETs url into the file path, whole or not at all: the bytes go to
 * path.part, which a later call continues (a Range request) when the
 * server allows it, and which becomes path once length bytes (when
 * length > 0) have come.  *got gets the bytes fetched now.
 */
enum status http_download(struct http *h, const char *url, const char *path,
    long long length, long long *got, struct error *err);

/* The value of a query parameter, percent-encoded; the caller frees it. */
char *http_escape(const char *s);

#endif
