/*
 * pdf: text from PDF through poppler's pdftotext.  See pdf.h.
 *
 * Why pdftotext and not libpoppler-glib: no build dependency on glib and
 * cairo for one function; a PDF that crashes or hangs poppler takes a
 * child process down, not naast with its database open; and the CLI's
 * -layout mode is the text we want, which poppler-glib's page text is not.
 *
 * Why -layout and not the default reading order: the default mode takes
 * the hyphen out of every word broken at a line end, also where Dutch
 * writes one ("over-" + "rekeninggluren" comes out "overrekeninggluren"),
 * and on a page with several footnotes it mixes their numbers and texts
 * up.  -layout keeps each printed line as it is: the hyphen stays for the
 * parser's Dutch rule, a footnote's number stands on the line above its
 * text, a marker stays after its punctuation ("»»1?") and a table's row
 * stays one line.  The parser strips the indentation and the furniture.
 *
 * The child gets the PDF on its standard input ("-" as the input file),
 * so no file name reaches it; it runs through posix_spawnp with an argv,
 * never a shell.  Its standard output and error come back on pipes, read
 * with poll() while the PDF is written, so that neither side can block
 * the other.
 */
#include "config.h"

/* prlimit(2), which limits pdftotext once it runs (Linux). */
#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pdf.h"
#include "xalloc.h"

extern char **environ;

/* More text than this from one PDF is not a document of ours. */
#define MAX_TEXT (64u << 20)
/* What is kept of pdftotext's complaints. */
#define MAX_STDERR 4096

bool
pdf_is_pdf(const char *data, size_t len)
{
	/* Readers accept junk before the header within the first kilobyte. */
	size_t n = len < 1024 ? len : 1024;

	for (size_t i = 0; i + 5 <= n; i++)
		if (memcmp(data + i, "%PDF-", 5) == 0)
			return true;
	return false;
}

static void
close_pipe(int fd[2])
{
	for (int i = 0; i < 2; i++)
		if (fd[i] >= 0) {
			close(fd[i]);
			fd[i] = -1;
		}
}

/* A pipe whose ends the child does not inherit (it gets dup2'd copies). */
static bool
cloexec_pipe(int fd[2])
{
	if (pipe(fd) < 0)
		return false;
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[1], F_SETFD, FD_CLOEXEC);
	return true;
}

/* The last non-empty line of what pdftotext said, without "Syntax Error: ". */
static void
last_complaint(char *s, size_t n, char *out, size_t size)
{
	char *line = NULL;

	s[n] = '\0';
	for (char *p = strtok(s, "\n"); p; p = strtok(NULL, "\n"))
		if (*p)
			line = p;
	out[0] = '\0';
	if (!line)
		return;
	if (strncmp(line, "Syntax Error: ", 14) == 0)
		line += 14;
	else if (strncmp(line, "Command Line Error: ", 20) == 0)
		line += 20;
	snprintf(out, size, "%s", line);
	/* Only printable ASCII reaches the message. */
	for (char *p = out; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
			*p = '?';
}

/* Whether the text has anything but white space and form feeds. */
static bool
has_words(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\f' && s[i] != '\r' &&
		    s[i] != '\t')
			return true;
	return false;
}

enum exchanged {
	EXCHANGED,		/* both readers saw end of file */
	EXCHANGE_FAILED,	/* a read error, or too much output */
	EXCHANGE_LATE,		/* the deadline passed */
};

/* Milliseconds from now until deadline, at least 0. */
static int
ms_until(const struct timespec *deadline)
{
	struct timespec now;
	long long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long long)(deadline->tv_sec - now.tv_sec) * 1000 +
	    (deadline->tv_nsec - now.tv_nsec) / 1000000;
	return ms < 0 ? 0 : ms > 60000 ? 60000 : (int)ms;
}

/*
 * Writes data to fds[0] while reading fds[1] into *out and fds[2] into
 * err_buf, until both readers see end of file or the deadline passes.
 */
static enum exchanged
exchange(int fds[3], const char *data, size_t len, struct xbuf *out,
    char *err_buf, size_t *err_n, const struct timespec *deadline)
{
	size_t written = 0;
	char chunk[65536];

	while (fds[1] >= 0 || fds[2] >= 0) {
		struct pollfd p[3];
		int np = 0, idx[3] = { -1, -1, -1 }, ready, wait = ms_until(deadline);

		for (int k = 0; k < 3; k++) {
			if (fds[k] < 0)
				continue;
			p[np].fd = fds[k];
			p[np].events = k == 0 ? POLLOUT : POLLIN;
			p[np].revents = 0;
			idx[k] = np++;
		}
		if (wait == 0)
			return EXCHANGE_LATE;
		if ((ready = poll(p, (nfds_t)np, wait)) < 0) {
			if (errno == EINTR)
				continue;
			return EXCHANGE_FAILED;
		}
		if (ready == 0)
			continue;
		if (idx[0] >= 0 && p[idx[0]].revents) {
			ssize_t w = -1;

			if (p[idx[0]].revents & POLLOUT)
				w = write(fds[0], data + written, len - written);
			if (w > 0)
				written += (size_t)w;
			/* A reader that went away has all it will read. */
			if (w < 0 || written == len) {
				if (w < 0 && (errno == EINTR || errno == EAGAIN))
					continue;
				close(fds[0]);
				fds[0] = -1;
			}
		}
		for (int k = 1; k < 3; k++) {
			ssize_t r;

			if (idx[k] < 0 || !p[idx[k]].revents)
				continue;
			r = read(fds[k], chunk, sizeof(chunk));
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				close(fds[k]);
				fds[k] = -1;
				if (r < 0)
					return EXCHANGE_FAILED;
				continue;
			}
			if (k == 1) {
				if (out->n + (size_t)r > MAX_TEXT)
					return EXCHANGE_FAILED;
				xbuf_add(out, chunk, (size_t)r);
			} else {
				size_t room = MAX_STDERR - *err_n;

				if ((size_t)r < room)
					room = (size_t)r;
				memcpy(err_buf + *err_n, chunk, room);
				*err_n += room;
			}
		}
	}
	return EXCHANGED;
}

/*
 * Puts pdftotext (pid) under limits of its own, so that a PDF made to
 * make it grow or spin ends in it, not in the machine: its memory
 * (address space) at PDF_MEMORY, which it fails at, and its processor
 * time at a little more than the deadline that naast gives it, which
 * ends it even when naast cannot (killed with SIGKILL).  posix_spawn
 * runs nothing in the child before the program, so the limits are set
 * from here, before it is given the PDF; without prlimit (not Linux) the
 * deadline still holds.
 */
static void
limit_child(pid_t pid, unsigned seconds)
{
#ifdef __linux__
	const struct rlimit memory = { PDF_MEMORY, PDF_MEMORY };
	const struct rlimit cpu = { (rlim_t)seconds + 1, (rlim_t)seconds + 2 };

	prlimit(pid, RLIMIT_AS, &memory, NULL);
	prlimit(pid, RLIMIT_CPU, &cpu, NULL);
#else
	(void)pid;
	(void)seconds;
#endif
}

/*
 * The pdftotext that runs now, ended with naast: a SIGINT, SIGTERM or
 * SIGHUP that ends naast (their action is the default one) kills it
 * first, rather than leaving it running for minutes.
 */
static volatile sig_atomic_t running;
static const int end_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void
end_with_naast(int sig)
{
	if (running > 0)
		kill((pid_t)running, SIGKILL);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Installs end_with_naast where the default action is, saving the old. */
static void
catch_end(struct sigaction old[])
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = end_with_naast;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < COUNT(end_signals); i++) {
		sigaction(end_signals[i], NULL, &old[i]);
		/* A caller that handles it (the interface) ends on its own. */
		if (old[i].sa_handler == SIG_DFL)
			sigaction(end_signals[i], &sa, NULL);
	}
}

static void
release_end(const struct sigaction old[])
{
	for (size_t i = 0; i < COUNT(end_signals); i++)
		if (old[i].sa_handler == SIG_DFL)
			sigaction(end_signals[i], &old[i], NULL);
}

enum status
pdf_extract(const char *data, size_t len, char **text, size_t *text_len,
    struct error *err)
{
	return pdf_extract_within(data, len, PDF_SECONDS, text, text_len, err);
}

enum status
pdf_extract_within(const char *data, size_t len, unsigned seconds, char **text,
    size_t *text_len, struct error *err)
{
	char *argv[] = {
		PDF_TOTEXT, "-layout", "-enc", "UTF-8", "-", "-", NULL,
	};
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, errp[2] = { -1, -1 };
	int fds[3], wstatus = 0, rc;
	posix_spawn_file_actions_t fa;
	struct sigaction ign, old_pipe, old_end[COUNT(end_signals)];
	struct xbuf buf = { NULL, 0, 0 };
	char err_buf[MAX_STDERR + 1], why[256];
	size_t err_n = 0;
	enum exchanged ex;
	struct timespec deadline;
	bool ok;
	pid_t pid;

	*text = NULL;
	*text_len = 0;
	if (!cloexec_pipe(in) || !cloexec_pipe(out) || !cloexec_pipe(errp)) {
		rc = errno;
		close_pipe(in);
		close_pipe(out);
		close_pipe(errp);
		return error_set(err, STATUS_IO, "cannot run %s: %s", PDF_TOTEXT,
		    strerror(rc));
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
	catch_end(old_end);
	rc = posix_spawnp(&pid, PDF_TOTEXT, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc == 0) {
		running = pid;
		limit_child(pid, seconds);
	}
	close(in[0]);
	close(out[1]);
	close(errp[1]);
	if (rc != 0) {
		release_end(old_end);
		close(in[1]);
		close(out[0]);
		close(errp[0]);
		if (rc == ENOENT)
			return error_set(err, STATUS_IO,
			    "%s is not installed, and naast reads PDF through it (install the Debian package %s: apt-get install %s)",
			    PDF_TOTEXT, PDF_PACKAGE, PDF_PACKAGE);
		return error_set(err, STATUS_IO,
		    "cannot run %s: %s (reinstall the Debian package %s)",
		    PDF_TOTEXT, strerror(rc), PDF_PACKAGE);
	}

	/* A child that exits early must not kill naast with SIGPIPE. */
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old_pipe);
	/* Partial writes: a full pipe must not block the reading. */
	fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
	fds[0] = in[1];
	fds[1] = out[0];
	fds[2] = errp[0];
	xbuf_add(&buf, "", 0);
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += seconds;
	ex = exchange(fds, data, len, &buf, err_buf, &err_n, &deadline);
	ok = ex == EXCHANGED;
	for (int k = 0; k < 3; k++)
		if (fds[k] >= 0)
			close(fds[k]);
	if (!ok)
		kill(pid, SIGKILL);
	while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	running = 0;
	release_end(old_end);
	sigaction(SIGPIPE, &old_pipe, NULL);

	last_complaint(err_buf, err_n, why, sizeof(why));
	if (ex == EXCHANGE_LATE) {
		free(buf.s);
		return error_set(err, STATUS_FORMAT,
		    "%s took longer than %u s on it and was stopped: the PDF may be damaged (open it in a PDF reader, or import a text of it)",
		    PDF_TOTEXT, seconds);
	}
	if (!ok) {
		free(buf.s);
		return error_set(err, STATUS_FORMAT,
		    "%s gave more text than a document has, or could not be read",
		    PDF_TOTEXT);
	}
	if (WIFSIGNALED(wstatus)) {
		free(buf.s);
		return error_set(err, STATUS_FORMAT,
		    "%s failed on it (signal %d: more than the %u MiB of memory it may use?): the PDF may be damaged (open it in a PDF reader, or import a text of it)",
		    PDF_TOTEXT, WTERMSIG(wstatus), PDF_MEMORY >> 20);
	}
	if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
		free(buf.s);
		if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 3)
			return error_set(err, STATUS_FORMAT,
			    "the PDF does not allow its text to be copied%s%s%s",
			    *why ? " (" : "", why, *why ? ")" : "");
		if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127)
			return error_set(err, STATUS_IO,
			    "cannot run %s (reinstall the Debian package %s)",
			    PDF_TOTEXT, PDF_PACKAGE);
		return error_set(err, STATUS_FORMAT,
		    "not a PDF that %s can read%s%s%s", PDF_TOTEXT,
		    *why ? " (" : "", why, *why ? ")" : "");
	}
	if (!has_words(buf.s, buf.n)) {
		free(buf.s);
		return error_set(err, STATUS_FORMAT,
		    "the PDF has no text (a scan? naast cannot read images)");
	}
	*text_len = buf.n;
	*text = xbuf_finish(&buf);
	return STATUS_OK;
}
