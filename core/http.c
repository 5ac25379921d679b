/*
 * http: libcurl's easy interface, tried again where curl's own --retry
 * would: on 429 and 5xx answers, timeouts and connections that broke;
 * not when nothing listens (a wrong address does not get better).
 */
#include "config.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "http.h"
#include "xalloc.h"

struct http {
	CURL *curl;
	struct http_options o;
	char errbuf[CURL_ERROR_SIZE];
};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc;

static void
global_init(void)
{
	global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

struct http *
http_open(const struct http_options *opts, struct error *err)
{
	struct http *h;

	pthread_once(&global_once, global_init);
	if (global_rc != CURLE_OK) {
		error_set(err, STATUS_NET, "cannot start libcurl: %s",
		    curl_easy_strerror(global_rc));
		return NULL;
	}
	h = xcalloc(1, sizeof(*h));
	if (opts)
		h->o = *opts;
	if (!h->o.connect_seconds)
		h->o.connect_seconds = 15;
	if (!h->o.idle_seconds)
		h->o.idle_seconds = 30;
	if (!h->o.pause_seconds)
		h->o.pause_seconds = 1;
	if (!h->o.total_seconds)
		h->o.total_seconds = 600;
	if (!(h->curl = curl_easy_init())) {
		free(h);
		error_set(err, STATUS_NET, "cannot start libcurl");
		return NULL;
	}
	return h;
}

void
http_close(struct http *h)
{
	if (!h)
		return;
	curl_easy_cleanup(h->curl);
	free(h);
}

char *
http_escape(const char *s)
{
	char *e = curl_easy_escape(NULL, s, 0), *copy;

	if (!e)
		return xstrdup("");
	copy = xstrdup(e);
	curl_free(e);
	return copy;
}

/* ------------------------------------------------------------- transfers */

/* Where the bytes of one try go. */
struct sink {
	struct http *h;
	struct xbuf *mem;	/* into memory, at most max */
	size_t max;
	int fd;			/* or into a file */
	long long from;		/* the bytes the file had before */
	bool checked;		/* whether the server continued them */
	bool discard;		/* an error page: not the file */
	bool too_big;
	bool write_failed;
	long long got;
};

static size_t
sink_write(char *p, size_t size, size_t n, void *ctx)
{
	struct sink *k = ctx;
	size_t len = size * n;

	if (k->mem) {
		if (k->mem->n + len > k->max) {
			k->too_big = true;
			return 0;
		}
		xbuf_add(k->mem, p, len);
		k->got += (long long)len;
		return len;
	}
	if (!k->checked) {
		long code = 0;

		curl_easy_getinfo(k->h->curl, CURLINFO_RESPONSE_CODE, &code);
		k->checked = true;
		k->discard = code != 200 && code != 206;
		/* A server that ignored the range sends the file from its start. */
		if (!k->discard && k->from > 0 && code != 206) {
			if (ftruncate(k->fd, 0) != 0 || lseek(k->fd, 0, SEEK_SET) != 0) {
				k->write_failed = true;
				return 0;
			}
			k->from = 0;
		}
	}
	if (k->discard)
		return len;
	for (size_t off = 0; off < len;) {
		ssize_t w = write(k->fd, p + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			k->write_failed = true;
			return 0;
		}
		off += (size_t)w;
	}
	k->got += (long long)len;
	return len;
}

/* The host of url, for messages: "gegevensmagazijn.tweedekamer.nl". */
static char *
host_of(const char *url)
{
	const char *p = strstr(url, "://");
	size_t n;

	p = p ? p + 3 : url;
	n = strcspn(p, "/?#");
	return xstrndup(p, n);
}

static bool
transient(CURLcode rc)
{
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return true;
	default:
		return false;
	}
}

static void
pause_for(unsigned seconds)
{
	struct timespec t = { seconds, 0 };

	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
}

/*
 * One GET, tried up to HTTP_TRIES times.  Each try starts the sink again
 * (a file continues from what it holds by then).
 */
static enum status
get(struct http *h, const char *url, struct sink *k, struct error *err)
{
	char *host = host_of(url);
	unsigned pause = h->o.pause_seconds;
	enum status status = STATUS_NET;
	CURL *c = h->curl;

	for (int try = 1;; try++) {
		curl_off_t retry_after = 0;
		long code = 0;
		CURLcode rc;
		bool again;

		curl_easy_reset(c);
		h->errbuf[0] = '\0';
		curl_easy_setopt(c, CURLOPT_URL, url);
		curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
		curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
		curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
		curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
		curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
		curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)h->o.connect_seconds);
		curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
		curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, (long)h->o.idle_seconds);
		curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)h->o.total_seconds);
		curl_easy_setopt(c, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
		curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
		curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink_write);
		curl_easy_setopt(c, CURLOPT_WRITEDATA, k);
		k->checked = k->discard = false;
		k->too_big = k->write_failed = false;
		if (k->mem) {
			free(k->mem->s);
			memset(k->mem, 0, sizeof(*k->mem));
		} else {
			struct stat sb;

			k->from = fstat(k->fd, &sb) == 0 ? (long long)sb.st_size : 0;
			if (k->from > 0)
				curl_easy_setopt(c, CURLOPT_RESUME_FROM_LARGE,
				    (curl_off_t)k->from);
		}
		rc = curl_easy_perform(c);
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		if (rc == CURLE_OK && (code == 200 || code == 206)) {
			status = STATUS_OK;
			break;
		}
		if (k->too_big) {
			status = error_set(err, STATUS_NET,
			    "%s sent more than %zu bytes for one answer: check the address of the open data service (--api)",
			    host, k->max);
			break;
		}
		if (k->write_failed) {
			status = error_set(err, STATUS_IO,
			    "cannot write the download: %s (check the space in the cache directory)",
			    strerror(errno));
			break;
		}
		again = rc == CURLE_OK ? code == 429 || code >= 500 :
		    transient(rc);
		if (!again || try == HTTP_TRIES) {
			if (rc == CURLE_OK && code == 404)
				status = error_set(err, STATUS_NOT_FOUND,
				    "%s has no %s (404)", host, url);
			else if (rc == CURLE_OK)
				status = error_set(err, STATUS_NET,
				    "%s answered %ld%s: try again later, or check the address (--api)",
				    host, code, try > 1 ? _(" to every try") : "");
			else if (rc == CURLE_OPERATION_TIMEDOUT)
				status = error_set(err, STATUS_NET,
				    "%s sent nothing for %u s, or took over %u s%s: try again later",
				    host, h->o.idle_seconds, h->o.total_seconds,
				    try > 1 ? _(", every try") : "");
			else
				status = error_set(err, STATUS_NET,
				    "cannot get %s from %s: %s (check the network, a proxy, or the address: --api)",
				    url, host, h->errbuf[0] ? h->errbuf :
				    curl_easy_strerror(rc));
			break;
		}
		if (rc == CURLE_OK && code == 429)
			curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &retry_after);
		if (retry_after > 0)
			pause_for(retry_after > HTTP_MAX_PAUSE_SECONDS ?
			    HTTP_MAX_PAUSE_SECONDS : (unsigned)retry_after);
		else
			pause_for(pause);
		if (pause < HTTP_MAX_PAUSE_SECONDS / 2)
			pause *= 2;
	}
	free(host);
	return status;
}

enum status
http_get(struct http *h, const char *url, size_t max, char **body,
    size_t *len, struct error *err)
{
	struct xbuf b = { 0 };
	struct sink k = { .h = h, .mem = &b, .max = max, .fd = -1 };
	enum status status = get(h, url, &k, err);

	if (status != STATUS_OK) {
		free(b.s);
		*body = NULL;
		*len = 0;
		return status;
	}
	*len = b.n;
	*body = xbuf_finish(&b);
	return STATUS_OK;
}

enum status
http_download(struct http *h, const char *url, const char *path,
    long long length, long long *got, struct error *err)
{
	char *part = xasprintf("%s.part", path);
	struct sink k = { .h = h, .fd = -1 };
	enum status status = STATUS_OK;
	struct stat sb;

	*got = 0;
	k.fd = open(part, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (k.fd < 0) {
		status = error_set(err, STATUS_IO, "cannot write '%s': %s", part,
		    strerror(errno));
		goto out;
	}
	/* All there from an earlier try: nothing to ask for. */
	if (!(length > 0 && fstat(k.fd, &sb) == 0 && sb.st_size == length))
		status = get(h, url, &k, err);
	*got = k.got;
	/* What broke off is there to go on from. */
	if (status == STATUS_NET && length > 0 && fstat(k.fd, &sb) == 0 &&
	    sb.st_size > 0 && sb.st_size < length)
		error_set(err, STATUS_NET,
		    "the download of %s stopped at %lld of %lld bytes: fetch again to continue",
		    url, (long long)sb.st_size, length);
	if (status == STATUS_OK && fstat(k.fd, &sb) != 0)
		status = error_set(err, STATUS_IO, "cannot read '%s': %s", part,
		    strerror(errno));
	if (status == STATUS_OK && length > 0 && sb.st_size != length)
		status = error_set(err, STATUS_NET,
		    "the download of %s stopped at %lld of %lld bytes: fetch again to continue",
		    url, (long long)sb.st_size, length);
	if (status == STATUS_OK && fsync(k.fd) != 0)
		status = error_set(err, STATUS_IO, "cannot write '%s': %s", part,
		    strerror(errno));
	if (close(k.fd) != 0 && status == STATUS_OK)
		status = error_set(err, STATUS_IO, "cannot write '%s': %s", part,
		    strerror(errno));
	if (status == STATUS_OK && rename(part, path) != 0)
		status = error_set(err, STATUS_IO, "cannot rename '%s': %s", part,
		    strerror(errno));
out:
	free(part);
	return status;
}
