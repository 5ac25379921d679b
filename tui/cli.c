/*
 * cli: what the commands share: the database, opened when a command asks
 * for it, output for people that never lets an escape sequence through,
 * one-line complaints on stderr, and the reading of arguments that
 * several commands take.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "i18n.h"
#include "ministry.h"
#include "model.h"
#include "text.h"
#include "xalloc.h"

/* ------------------------------------------------------------------ files */

char *
cli_data_dir(const char *beside, const char *installed)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct stat sb;

	if (n > 0) {
		char *slash, *dir;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		dir = xasprintf("%s/%s", exe, beside);
		if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
			return dir;
		free(dir);
	}
	return xstrdup(installed);
}

/* ---------------------------------------------------------------- database */

bool
cli_make_parents(const char *path)
{
	char *p = xstrdup(path);
	bool ok = true;

	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			ok = false;
			break;
		}
		*s = '/';
	}
	free(p);
	return ok;
}

/*
 * The database path: --db, else $NAAST_DB, else the XDG data directory,
 * which is created when missing.  NULL (with a message) when there is no
 * home to put it in.
 */
static char *
database_path(const char *opt)
{
	const char *env = getenv("NAAST_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *path;

	if (opt)
		return xstrdup(opt);
	if (env && *env)
		return xstrdup(env);
	if (xdg && xdg[0] == '/')
		path = xasprintf("%s/naast/naast.db", xdg);
	else if (home && *home)
		path = xasprintf("%s/.local/share/naast/naast.db", home);
	else {
		fputs(_("naast: no place for the database: set HOME or XDG_DATA_HOME, or use --db PATH\n"), stderr);
		return NULL;
	}
	if (!cli_make_parents(path)) {
		cli_complain("cannot create the directory for '%s': %s (use --db PATH)",
		    path, strerror(errno));
		free(path);
		return NULL;
	}
	return path;
}

/*
 * How an upgrade of the database goes, on standard error: a step that
 * counts (total > 1) on one line that counts up on a terminal, else a
 * line when it starts and when it ends; a step that does not, a line.
 */
static bool
upgrade_progress(void *ctx, const char *what, long long done, long long total)
{
	bool tty = isatty(STDERR_FILENO);
	int *shown = ctx;

	if (total <= 0)
		return true;
	if (!*shown)
		fprintf(stderr, "%s", _("naast: upgrading the database for this version\n"));
	*shown = 1;
	if (total == 1) {
		if (done == 0)
			fprintf(stderr, "naast: %s\n", what);
		return true;
	}
	if (tty || done == 0 || done == total)
		fprintf(stderr, _("%snaast: %s: %lld of %lld (%lld%%)%s"),
		    tty ? "\r\033[K" : "", what, done, total, done * 100 / total,
		    tty && done < total ? "" : "\n");
	return true;
}

struct store *
cli_store(struct cli *cli)
{
	struct error err = { "" };
	int shown = 0;
	struct store_progress progress = { upgrade_progress, &shown };

	if (cli->st)
		return cli->st;
	if (!cli->path && !(cli->path = database_path(cli->db_opt)))
		return NULL;
	if (store_open_with(cli->path, &progress, &cli->st, &err) != STATUS_OK) {
		cli_complain("%s", err.msg);
		cli->st = NULL;
		return NULL;
	}
	/* A document that stays as it was is still there: go on. */
	cli_upgrade(cli->st);
	return cli->st;
}

void
cli_close(struct cli *cli)
{
	if (cli->st)
		store_close(cli->st);
	free(cli->path);
	cli->st = NULL;
	cli->path = NULL;
}

/* ------------------------------------------------------------------ output */

/* The longest line of complaint, in bytes: a screenful at most. */
#define COMPLAINT_MAX 2048

/*
 * Why the first write to standard output failed: stdio may drop what it
 * could not write, and with it the reason, before the command ends.
 */
static int output_errno;

void
cli_output_failed(int e)
{
	if (!output_errno)
		output_errno = e ? e : EIO;
}

/*
 * printf to stdout with everything sanitised: no escapes reach a terminal.
 * The newlines that start and end fmt are its own lines; any other newline
 * comes from what was put in (a file name "x\nimported 99") and is shown
 * as \n, so that it cannot start a line that naast did not write.
 */
void
cli_say(const char *fmt, ...)
{
	size_t len = strlen(fmt), lead = strspn(fmt, "\n"), trail = 0;
	va_list ap;
	char *raw, *safe;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	raw = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(raw, (size_t)n + 1, fmt, ap);
	va_end(ap);
	while (trail < len - lead && fmt[len - 1 - trail] == '\n')
		trail++;
	safe = text_sanitize(raw + lead, (size_t)n - lead - trail, TEXT_SHOW_NEWLINES);
	if (printf("%.*s%s%.*s", (int)lead, raw, safe, (int)trail, raw + n - trail) < 0)
		cli_output_failed(errno);
	free(safe);
	free(raw);
}

/*
 * The same, as one line on stderr after "naast: ": any newline in it
 * comes from outside (a file name, a key file's line) and is shown as \n.
 */
void
cli_complain(const char *fmt, ...)
{
	va_list ap;
	char *raw, *fit, *safe;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, _(fmt), ap);
	va_end(ap);
	if (n < 0)
		return;
	raw = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(raw, (size_t)n + 1, _(fmt), ap);
	va_end(ap);
	/* A long path is shortened in its middle, never the reason. */
	fit = text_shorten(raw, COMPLAINT_MAX);
	safe = text_sanitize(fit, strlen(fit), TEXT_SHOW_NEWLINES);
	fprintf(stderr, "naast: %s\n", safe);
	free(safe);
	free(fit);
	free(raw);
}

int
cli_output_end(const char *cmd, int rc)
{
	int e, fd;

	errno = 0;
	if (fflush(stdout) != EOF && !ferror(stdout))
		return rc;
	cli_output_failed(errno);
	e = output_errno;
	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		cli_complain("%s%scannot write to standard output: the disk is full (free some space and try again)",
		    cmd ? cmd : "", cmd ? ": " : "");
	else
		cli_complain("%s%scannot write to standard output: %s", cmd ? cmd : "",
		    cmd ? ": " : "", strerror(e));
	/* What stdio still holds goes nowhere at exit, rather than failing again. */
	if ((fd = open("/dev/null", O_WRONLY)) >= 0) {
		dup2(fd, STDOUT_FILENO);
		close(fd);
	}
	return rc == 2 ? 2 : 1;
}

int
cli_usage(const char *cmd, const char *what)
{
	cli_complain("%s: %s (see 'naast %s --help')", cmd, _(what), cmd);
	return 2;
}

int
cli_json_options(const char *cmd, int argc, char **argv, bool *as_json)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "jh", options, NULL)) != -1) {
		switch (c) {
		case 'j':
			*as_json = true;
			break;
		case 'h':
			return cli_help(cmd);
		default:
			return cli_usage(cmd, "unknown option");
		}
	}
	return -1;
}

int
cli_missing_value(const char *cmd, const char *option)
{
	char *what = xasprintf(_("%s needs a value"), option);
	int rc = cli_usage(cmd, what);

	free(what);
	return rc;
}

int
cli_set_arg(const char *cmd, int argc, char **argv, long long *id)
{
	if (optind + 1 != argc || !cli_parse_number(argv[optind], id))
		return cli_usage(cmd, "name one question set by its number, as 'naast list' shows it");
	return -1;
}

/* Columns to wrap to: the terminal's width, or 0 (no wrapping) in a pipe. */
int
cli_output_width(void)
{
	struct winsize ws;

	if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 ||
	    ws.ws_col < 20)
		return 0;
	return ws.ws_col;
}

/* One paragraph, indented, wrapped to width (0: one line). */
void
cli_say_paragraph(const char *text, int indent, int width)
{
	struct text_line *lines;
	char *safe = text_sanitize(text, strlen(text), 0);
	size_t n;

	if (width <= indent + 10) {
		cli_say("%*s%s\n", indent, "", safe);
		free(safe);
		return;
	}
	n = text_wrap(safe, width - indent - 1, &lines);
	for (size_t i = 0; i < n; i++)
		cli_say("%*s%.*s\n", indent, "", (int)(lines[i].end - lines[i].start),
		    safe + lines[i].start);
	free(lines);
	free(safe);
}

const char *
cli_date_text(const char *iso, char *buf, size_t size)
{
	if (!date_format_text(iso, buf, size))
		snprintf(buf, size, "%s", *iso ? iso : _("date unknown"));
	return buf;
}

void
cli_say_questioners(const struct set_info *set)
{
	for (size_t i = 0; i < set->n_questioners; i++) {
		const struct questioner *q = &set->questioners[i];

		cli_say("%s%s", i == 0 ? "" : i + 1 == set->n_questioners ? " en " : ", ",
		    q->name);
		if (q->party)
			cli_say(" (%s)", q->party);
	}
	if (set->n_questioners == 0)
		cli_say("%s", _("(questioner unknown)"));

}

/* Parses a positive number; false when s is not one. */
bool
cli_parse_number(const char *s, long long *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v <= 0)
		return false;
	*out = v;
	return true;
}

/*
 * Splits "AZ,BZK" into known ministry codes; false with a message that
 * names the command cmd and its option.
 */
bool
cli_parse_ministries(const char *cmd, const char *option, const char *arg,
    char ***codes, size_t *n)
{
	char *copy = xstrdup(arg), *save = NULL;

	*codes = NULL;
	*n = 0;
	for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		const struct ministry *m = NULL;

		for (size_t i = 0; i < ministry_count && !m; i++)
			if (strcasecmp(ministry_table[i].code, tok) == 0)
				m = &ministry_table[i];
		if (!m) {
			cli_complain("%s: unknown ministry code '%s' (codes are like AZ, BZK, FIN; 'naast list' shows them)",
			    cmd, tok);
			model_strv_free(*codes, *n);
			*codes = NULL;
			*n = 0;
			free(copy);
			return false;
		}
		/* A portfolio's answers are grouped under its ministry. */
		model_strv_add(codes, n, xstrdup(ministry_group(m)));
	}
	free(copy);
	if (*n == 0) {
		cli_complain("%s: %s needs a code such as AZ or BZK", cmd, option);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------- sets */

/*
 * Question set id into *set, and vraag (0: none asked) checked against
 * it; false after one line on stderr, naming cmd, when either is not
 * there.  *set is cleared by the caller either way.
 */
bool
cli_set_get(struct store *st, const char *cmd, long long id, long long vraag,
    struct set_info *set)
{
	struct error err = { "" };
	enum status status = store_set_get(st, id, set, &err);

	if (status == STATUS_NOT_FOUND) {
		cli_complain("%s: there is no question set %lld ('naast list' shows them)",
		    cmd, id);
		return false;
	}
	if (status != STATUS_OK) {
		cli_complain("%s: %s", cmd, err.msg);
		return false;
	}
	if (vraag > set->n_questions) {
		cli_complain("%s: set %lld has %d vragen; there is no vraag %lld", cmd,
		    id, set->n_questions, vraag);
		return false;
	}
	return true;
}

bool
cli_parse_date(const char *arg, char iso[DATE_ISO_SIZE])
{
	char buf[64];
	size_t n;

	if (date_format_nl(arg, buf, sizeof(buf))) {
		memcpy(iso, arg, 11);
		return true;
	}
	n = date_parse_nl(arg, iso);
	if (n == 0)
		return false;
	arg += n;
	while (*arg == ' ')
		arg++;
	return *arg == '\0';
}
