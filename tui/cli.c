/*
 * cli: import, list, show, diff and matrix, for people (plain text that
 * fits a pipe) and for scripts (--json, the contract of DESIGN.md
 * section 5).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "compare.h"
#include "date.h"
#include "json.h"
#include "ministry.h"
#include "parse.h"
#include "text.h"
#include "xalloc.h"

/* A file larger than this is not a document but a mistake. */
#define MAX_FILE_SIZE (64u << 20)

#define PAGE 100

/* ------------------------------------------------------------------ output */

/* printf to stdout with everything sanitised: no escapes reach a terminal. */
static void __attribute__((format(printf, 1, 2)))
say(const char *fmt, ...)
{
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
	safe = text_sanitize(raw, (size_t)n, TEXT_KEEP_NEWLINES);
	fputs(safe, stdout);
	free(safe);
	free(raw);
}

/* The same, as one line on stderr after "naast: ". */
static void __attribute__((format(printf, 1, 2)))
complain(const char *fmt, ...)
{
	va_list ap;
	char buf[2048], *safe;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	safe = text_sanitize(buf, strlen(buf), 0);
	fprintf(stderr, "naast: %s\n", safe);
	free(safe);
}

static int
usage(const char *cmd, const char *what)
{
	complain("%s: %s (see 'naast --help')", cmd, what);
	return 2;
}

/* Columns to wrap to: the terminal's width, or 0 (no wrapping) in a pipe. */
static int
output_width(void)
{
	struct winsize ws;

	if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 ||
	    ws.ws_col < 20)
		return 0;
	return ws.ws_col;
}

/* One paragraph, indented, wrapped to width (0: one line). */
static void
say_paragraph(const char *text, int indent, int width)
{
	struct text_line *lines;
	char *safe = text_sanitize(text, strlen(text), 0);
	size_t n;

	if (width <= indent + 10) {
		say("%*s%s\n", indent, "", safe);
		free(safe);
		return;
	}
	n = text_wrap(safe, width - indent - 1, &lines);
	for (size_t i = 0; i < n; i++)
		say("%*s%.*s\n", indent, "", (int)(lines[i].end - lines[i].start),
		    safe + lines[i].start);
	free(lines);
	free(safe);
}

static const char *
date_nl(const char *iso, char *buf, size_t size)
{
	if (!date_format_nl(iso, buf, size))
		snprintf(buf, size, "%s", *iso ? iso : "date unknown");
	return buf;
}

static void
say_questioners(const struct set_info *set)
{
	for (size_t i = 0; i < set->n_questioners; i++) {
		const struct questioner *q = &set->questioners[i];

		say("%s%s", i == 0 ? "" : i + 1 == set->n_questioners ? " en " : ", ",
		    q->name);
		if (q->party)
			say(" (%s)", q->party);
	}
	if (set->n_questioners == 0)
		say("(questioner unknown)");
}

/* ----------------------------------------------------------------- import */

/* Reads path ("-": stdin) whole; NULL with a message on failure. */
static char *
read_file(const char *path, size_t *len, struct error *err)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct stat sb;
	char *buf = NULL;
	size_t n = 0, cap = 0;

	if (!fp) {
		error_set(err, STATUS_IO, "%s (check the path and permissions)", strerror(errno));
		return NULL;
	}
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		error_set(err, STATUS_IO, "is a directory (name the files in it)");
		goto fail;
	}
	for (;;) {
		size_t got;

		xgrow(&buf, &cap, n + 65536, 1);
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (n > MAX_FILE_SIZE) {
			error_set(err, STATUS_IO, "larger than %u MiB: not a document",
			    MAX_FILE_SIZE >> 20);
			goto fail;
		}
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		error_set(err, STATUS_IO, "read error: %s", strerror(errno));
		goto fail;
	}
	if (fp != stdin)
		fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	if (fp != stdin)
		fclose(fp);
	free(buf);
	return NULL;
}

/* Imports one file and says what it became; false on failure. */
static bool
import_file(struct store *st, const char *path, const char *format, bool quiet)
{
	const char *origin = strcmp(path, "-") == 0 ? "stdin" : path;
	struct error err = { "" };
	struct import_result res;
	struct document *doc = NULL;
	char *raw;
	size_t len;

	raw = read_file(path, &len, &err);
	if (!raw || parse_document(raw, len, format, &doc, &err) != STATUS_OK ||
	    store_import(st, origin, doc, &res, &err) != STATUS_OK) {
		complain("cannot import '%s': %s", origin, err.msg);
		model_free(doc);
		free(raw);
		return false;
	}
	if (!res.unchanged)
		for (size_t i = 0; i < doc->n_warnings; i++)
			complain("warning: '%s': %s", origin, doc->warnings[i]);
	if (!quiet) {
		say("%s: ", origin);
		if (res.unchanged)
			say("unchanged\n");
		else if (res.kind == DOC_ANSWER)
			say("answer by %s to set %lld, %d vragen\n",
			    res.ministry[0] ? res.ministry : "an unknown ministry",
			    res.set, res.n_vragen);
		else if (res.kind == DOC_QUESTIONS)
			say("questions of set %lld, %d vragen\n", res.set, res.n_vragen);
		else
			say("%s\n", model_kind_name(res.kind));
	}
	model_free(doc);
	free(raw);
	return true;
}

int
cli_import(struct store *st, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = NULL;
	int c, failed = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!parse_find(optarg)) {
				complain("import: unknown format '%s' (use one of: %s)",
				    optarg, parse_format_list());
				return 2;
			}
			format = optarg;
			break;
		case 'h':
			say("Usage: naast import [--format %s] FILE...\n"
			    "Imports documents; '-' reads standard input.\n",
			    parse_format_list());
			return 0;
		case ':':
			return usage("import", "--format needs a value");
		default:
			return usage("import", "unknown option");
		}
	}
	if (optind >= argc)
		return usage("import", "name at least one FILE");
	for (int i = optind; i < argc; i++)
		if (!import_file(st, argv[i], format, false))
			failed++;
	return failed ? 1 : 0;
}

/* ------------------------------------------------------------------- json */

static void
json_set(struct json *j, const struct set_info *set)
{
	json_object_begin(j);
	json_kv_int(j, "id", set->id);
	json_kv_string(j, "subject", set->subject);
	json_key(j, "questioners");
	json_array_begin(j);
	for (size_t i = 0; i < set->n_questioners; i++) {
		json_object_begin(j);
		json_kv_string(j, "name", set->questioners[i].name);
		json_kv_string(j, "party", set->questioners[i].party);
		json_object_end(j);
	}
	json_array_end(j);
	json_kv_string(j, "submitted", set->submitted[0] ? set->submitted : NULL);
	json_key(j, "addressed");
	json_array_begin(j);
	for (size_t i = 0; i < set->n_addressed; i++)
		json_string(j, set->addressed[i]);
	json_array_end(j);
	json_kv_int(j, "questions", set->n_questions);
	json_key(j, "aanhangsel");
	if (set->aanhangsel)
		json_int(j, set->aanhangsel);
	else
		json_null(j);
	json_key(j, "answers");
	json_array_begin(j);
	for (size_t i = 0; i < set->n_answers; i++) {
		const struct set_answer *a = &set->answers[i];

		json_object_begin(j);
		json_kv_int(j, "doc", a->doc);
		json_kv_string(j, "ministry", a->ministry);
		json_kv_string(j, "received", a->received[0] ? a->received : NULL);
		json_key(j, "aanhangsel");
		if (a->aanhangsel)
			json_int(j, a->aanhangsel);
		else
			json_null(j);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

static void
json_letter(struct json *j, const struct letter_info *l)
{
	json_object_begin(j);
	json_kv_int(j, "doc", l->doc);
	json_kv_string(j, "origin", l->origin);
	json_key(j, "addressees");
	json_array_begin(j);
	for (size_t i = 0; i < l->n_addressees; i++)
		json_string(j, l->addressees[i]);
	json_array_end(j);
	json_kv_string(j, "salutation", l->salutation);
	json_kv_string(j, "closing", l->closing);
	json_kv_int(j, "paragraphs", l->paragraphs);
	json_object_end(j);
}

static void
json_signatories(struct json *j, const struct signatory *s, size_t n)
{
	json_array_begin(j);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(j);
		json_kv_string(j, "name", s[i].name);
		json_kv_string(j, "role", s[i].role);
		json_kv_string(j, "ministry", s[i].ministry);
		json_key(j, "on_behalf_of");
		json_array_begin(j);
		for (size_t k = 0; k < s[i].n_on_behalf_of; k++)
			json_string(j, s[i].on_behalf_of[k]);
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

static void
json_question(struct json *j, const struct question_view *q)
{
	json_object_begin(j);
	json_kv_int(j, "number", q->number);
	json_kv_string(j, "text", q->text);
	json_key(j, "answers");
	json_array_begin(j);
	for (size_t i = 0; i < q->n_answers; i++) {
		const struct answer_view *a = &q->answers[i];

		json_object_begin(j);
		json_kv_string(j, "ministry", a->ministry);
		json_kv_int(j, "doc", a->doc);
		json_key(j, "signatories");
		json_signatories(j, a->signatories, a->n_signatories);
		json_key(j, "paragraphs");
		json_array_begin(j);
		for (size_t k = 0; k < a->n_paragraphs; k++) {
			json_object_begin(j);
			json_kv_int(j, "id", a->paragraphs[k].id);
			json_kv_string(j, "text", a->paragraphs[k].text);
			json_object_end(j);
		}
		json_array_end(j);
		json_key(j, "refs");
		json_array_begin(j);
		for (size_t k = 0; k < a->n_refs; k++) {
			json_object_begin(j);
			json_kv_int(j, "vraag", a->refs[k]);
			json_object_end(j);
		}
		for (size_t k = 0; k < a->n_pubrefs; k++) {
			const struct pubref_view *r = &a->pubrefs[k];

			json_object_begin(j);
			json_kv_int(j, "aanhangsel", r->aanhangsel);
			json_kv_string(j, "vergaderjaar", r->vergaderjaar);
			json_key(j, "doc");
			if (r->doc)
				json_int(j, r->doc);
			else
				json_null(j);
			json_object_end(j);
		}
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

/* ------------------------------------------------------------------- list */

static void
say_set(const struct set_info *set)
{
	char date[32];

	say("set %lld  ", set->id);
	say_questioners(set);
	say(" · ingezonden %s · %d vragen · %zu/%zu beantwoord\n",
	    date_nl(set->submitted, date, sizeof(date)), set->n_questions,
	    set->n_answers, set->n_addressed);
	say("    %s\n", set->subject ? set->subject : "(subject unknown)");
	say("    addressed to %zu %s:", set->n_addressed,
	    set->n_addressed == 1 ? "ministry" : "ministries");
	for (size_t i = 0; i < set->n_addressed; i++)
		say(" %s", set->addressed[i]);
	say("\n");
	for (size_t i = 0; i < set->n_answers; i++) {
		const struct set_answer *a = &set->answers[i];

		say("    answered by %-5s ontvangen %s", a->ministry,
		    date_nl(a->received, date, sizeof(date)));
		if (a->aanhangsel)
			say(", Aanhangsel nr. %d", a->aanhangsel);
		say("\n");
	}
}

static void
say_letter(const struct letter_info *l)
{
	say("letter %lld  ", l->doc);
	if (l->n_addressees) {
		say("to ");
		for (size_t i = 0; i < l->n_addressees; i++)
			say("%s%s", i == 0 ? "" : i + 1 == l->n_addressees ? " and " : ", ",
			    l->addressees[i]);
	} else {
		say("%s", l->origin);
	}
	say(" · %d paragraphs", l->paragraphs);
	if (l->closing)
		say(" · %s", l->closing);
	say("\n");
}

/* Prints every set and letter, page by page; false with a message on error. */
static bool
list_all(struct store *st, struct json *j)
{
	struct set_cursor cursor = { "", 0 };
	struct error err = { "" };
	long long after = 0;
	size_t n, total = 0;

	if (j) {
		json_object_begin(j);
		json_key(j, "sets");
		json_array_begin(j);
	}
	do {
		struct set_info *sets;

		if (store_sets_page(st, &cursor, PAGE, &sets, &n, &err) != STATUS_OK)
			goto fail;
		for (size_t i = 0; i < n; i++)
			j ? json_set(j, &sets[i]) : say_set(&sets[i]);
		store_sets_free(sets, n);
		total += n;
	} while (n == PAGE);
	if (j) {
		json_array_end(j);
		json_key(j, "letters");
		json_array_begin(j);
	}
	do {
		struct letter_info *letters;

		if (store_letters_page(st, &after, PAGE, &letters, &n, &err) != STATUS_OK)
			goto fail;
		for (size_t i = 0; i < n; i++)
			j ? json_letter(j, &letters[i]) : say_letter(&letters[i]);
		store_letters_free(letters, n);
		total += n;
	} while (n == PAGE);
	if (j) {
		json_array_end(j);
		json_object_end(j);
		json_finish(j);
	} else if (total == 0) {
		say("No documents yet: import some with 'naast import FILE...'.\n");
	}
	return true;
fail:
	if (j)
		json_finish(j);
	complain("cannot list: %s", err.msg);
	return false;
}

int
cli_list(struct store *st, int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool as_json = false;
	struct json j;
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "jh", options, NULL)) != -1) {
		switch (c) {
		case 'j':
			as_json = true;
			break;
		case 'h':
			say("Usage: naast list [--json]\n"
			    "Lists the question sets, newest first, and the letters.\n");
			return 0;
		default:
			return usage("list", "unknown option");
		}
	}
	if (optind < argc)
		return usage("list", "takes no arguments");
	json_init(&j, stdout, false);
	return list_all(st, as_json ? &j : NULL) ? 0 : 1;
}

/* ------------------------------------------------------------------- show */

/* Parses a positive number; false when s is not one. */
static bool
parse_number(const char *s, long long *out)
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
static bool
parse_ministries(const char *cmd, const char *option, const char *arg,
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
			complain("%s: unknown ministry code '%s' (codes are like AZ, BZK, FIN; 'naast list' shows them)",
			    cmd, tok);
			model_strv_free(*codes, *n);
			*codes = NULL;
			*n = 0;
			free(copy);
			return false;
		}
		model_strv_add(codes, n, xstrdup(m->code));
	}
	free(copy);
	if (*n == 0) {
		complain("%s: %s needs a code such as AZ or BZK", cmd, option);
		return false;
	}
	return true;
}

static void
say_signatories(const struct answer_view *a)
{
	say("%s", a->ministry);
	for (size_t i = 0; i < a->n_signatories; i++)
		say("%s%s %s", i == 0 ? " · " : ", ",
		    a->signatories[i].role ? a->signatories[i].role : "",
		    a->signatories[i].name);
	say("\n");
}

static void
say_question(const struct question_view *q, const struct set_info *set,
    char *const *ministries, size_t n_ministries, int width)
{
	say("\nVraag %d\n", q->number);
	say_paragraph(q->text ? q->text : "", 0, width);
	for (size_t i = 0; i < q->n_answers; i++) {
		const struct answer_view *a = &q->answers[i];

		say("\n  ");
		say_signatories(a);
		for (size_t k = 0; k < a->n_paragraphs; k++) {
			if (k > 0)
				say("\n");
			say_paragraph(a->paragraphs[k].text, 2, width);
		}
		if (a->n_paragraphs == 0)
			say("  (no answer to this vraag in this document)\n");
	}
	/* Addressed ministries asked for whose answer is not imported. */
	for (size_t m = 0; m < n_ministries; m++) {
		bool found = false;

		for (size_t i = 0; i < set->n_answers && !found; i++)
			found = strcmp(set->answers[i].ministry, ministries[m]) == 0;
		if (!found)
			say("\n  %s · no answer imported\n", ministries[m]);
	}
}

int
cli_show(struct store *st, int argc, char **argv)
{
	static const struct option options[] = {
		{ "vraag", required_argument, NULL, 'v' },
		{ "ministry", required_argument, NULL, 'm' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct set_info set = { 0 };
	struct question_view *qs = NULL;
	struct error err = { "" };
	char **ministries = NULL;
	size_t n_ministries = 0, nq = 0;
	long long id, vraag = 0;
	bool as_json = false;
	enum status status;
	int c, rc = 1;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":v:m:jh", options, NULL)) != -1) {
		switch (c) {
		case 'v':
			if (!parse_number(optarg, &vraag) || vraag > INT_MAX) {
				model_strv_free(ministries, n_ministries);
				return usage("show", "--vraag needs a vraag number such as 1");
			}
			break;
		case 'm':
			model_strv_free(ministries, n_ministries);
			if (!parse_ministries("show", "--ministry", optarg,
			    &ministries, &n_ministries))
				return 2;
			break;
		case 'j':
			as_json = true;
			break;
		case 'h':
			model_strv_free(ministries, n_ministries);
			say("Usage: naast show SET [--vraag N] [--ministry CODE[,CODE...]] [--json]\n"
			    "Prints the vragen of question set SET with each ministry's answer.\n");
			return 0;
		case ':':
			model_strv_free(ministries, n_ministries);
			return usage("show", "option needs a value");
		default:
			model_strv_free(ministries, n_ministries);
			return usage("show", "unknown option");
		}
	}
	if (optind + 1 != argc || !parse_number(argv[optind], &id)) {
		model_strv_free(ministries, n_ministries);
		return usage("show", "name one question set by its number, as 'naast list' shows it");
	}

	status = store_set_get(st, id, &set, &err);
	if (status == STATUS_NOT_FOUND) {
		complain("show: there is no question set %lld ('naast list' shows them)", id);
		goto out;
	} else if (status != STATUS_OK) {
		complain("show: %s", err.msg);
		goto out;
	}
	if (vraag > set.n_questions) {
		complain("show: set %lld has %d vragen; there is no vraag %lld", id,
		    set.n_questions, vraag);
		goto out;
	}
	if (store_questions(st, id, (int)vraag, ministries, n_ministries, &qs, &nq,
	    &err) != STATUS_OK) {
		complain("show: %s", err.msg);
		goto out;
	}
	if (as_json) {
		struct json j;

		json_init(&j, stdout, false);
		json_object_begin(&j);
		json_key(&j, "set");
		json_set(&j, &set);
		json_key(&j, "questions");
		json_array_begin(&j);
		for (size_t i = 0; i < nq; i++)
			json_question(&j, &qs[i]);
		json_array_end(&j);
		json_object_end(&j);
		json_finish(&j);
	} else {
		int width = output_width();
		char date[32];

		say_questioners(&set);
		say(": %s (ingezonden %s)\n", set.subject ? set.subject : "",
		    date_nl(set.submitted, date, sizeof(date)));
		for (size_t i = 0; i < nq; i++)
			say_question(&qs[i], &set, ministries, n_ministries, width);
	}
	rc = 0;
out:
	store_questions_free(qs, nq);
	store_set_info_clear(&set);
	model_strv_free(ministries, n_ministries);
	return rc;
}

/* ------------------------------------------------------- diff and matrix */

/*
 * A similarity with decimals (at most 10) digits, never rounded up to 1
 * when it is not 1: "1.00" says that the answers are the same.
 */
static const char *
similarity_text(double v, int decimals, char *buf, size_t size)
{
	snprintf(buf, size, "%.*f", decimals, v);
	if (v < 1 && buf[0] == '1')
		snprintf(buf, size, "0.%.*s", decimals, "9999999999");
	return buf;
}

/*
 * The ministries that answered a set, each once, in the order of
 * set_info.answers, with the first document of each (a ministry that
 * answered twice is compared by its first answer).
 */
struct answering {
	char **codes;
	long long *docs;
	size_t n;
};

static void
answering_init(struct answering *w, const struct set_info *set)
{
	memset(w, 0, sizeof(*w));
	w->docs = xcalloc(set->n_answers + 1, sizeof(*w->docs));
	for (size_t i = 0; i < set->n_answers; i++) {
		const struct set_answer *a = &set->answers[i];
		bool seen = !a->ministry[0];

		for (size_t k = 0; k < w->n && !seen; k++)
			seen = strcmp(w->codes[k], a->ministry) == 0;
		if (seen)
			continue;
		w->docs[w->n] = a->doc;
		model_strv_add(&w->codes, &w->n, xstrdup(a->ministry));
	}
}

static void
answering_free(struct answering *w)
{
	model_strv_free(w->codes, w->n);
	free(w->docs);
	memset(w, 0, sizeof(*w));
}

/* The position of code among the answering ministries, or -1. */
static long
answering_find(const struct answering *w, const char *code)
{
	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->codes[i], code) == 0)
			return (long)i;
	return -1;
}

/* "AZ, BZK": newly allocated. */
static char *
answering_list(const struct answering *w)
{
	char *s = xstrdup(w->n ? "" : "none");

	for (size_t i = 0; i < w->n; i++) {
		char *t = xasprintf("%s%s%s", s, i ? ", " : "", w->codes[i]);

		free(s);
		s = t;
	}
	return s;
}

/* The answer of document doc in q, or NULL. */
static const struct answer_view *
answer_by_doc(const struct question_view *q, long long doc)
{
	for (size_t i = 0; i < q->n_answers; i++)
		if (q->answers[i].doc == doc)
			return &q->answers[i];
	return NULL;
}

/*
 * An answer as compare sees it.  The paragraph array is the text's and
 * freed with it by compared_free; the strings stay the answer's.
 */
static void
compared_init(struct compare_text *t, const struct answer_view *a,
    unsigned flags)
{
	const char **paras = xcalloc(a->n_paragraphs + 1, sizeof(*paras));

	for (size_t i = 0; i < a->n_paragraphs; i++)
		paras[i] = a->paragraphs[i].text ? a->paragraphs[i].text : "";
	compare_text_init(t, paras, a->n_paragraphs, flags);
}

static void
compared_free(struct compare_text *t)
{
	const char *const *paras = t->paras;

	compare_text_free(t);
	free((void *)paras);
}

/* Where the human diff is: which line of a's paragraphs, and how it looks. */
struct diff_out {
	bool colour;
	bool line_start;	/* nothing printed on this line yet */
	bool started;		/* something printed at all */
	size_t para;		/* the paragraph of a this line shows */
};

#define COLOUR_DELETE "\033[31m"
#define COLOUR_INSERT "\033[32m"
#define COLOUR_RESET "\033[m"

/* One piece of the diff: text marked as op says, after a space. */
static void
diff_piece(struct diff_out *o, enum compare_op op, const char *text)
{
	static const char *const opening[] = {
		[COMPARE_EQUAL] = "", [COMPARE_DELETE] = "[-", [COMPARE_INSERT] = "{+",
	};
	static const char *const closing[] = {
		[COMPARE_EQUAL] = "", [COMPARE_DELETE] = "-]", [COMPARE_INSERT] = "+}",
	};

	if (!*text)
		return;
	if (!o->line_start)
		say(" ");
	/* The colours are ours, written past say(), which would strip them. */
	if (o->colour && op != COMPARE_EQUAL)
		fputs(op == COMPARE_DELETE ? COLOUR_DELETE : COLOUR_INSERT, stdout);
	say("%s%s%s", opening[op], text, closing[op]);
	if (o->colour && op != COMPARE_EQUAL)
		fputs(COLOUR_RESET, stdout);
	o->line_start = false;
	o->started = true;
}

/*
 * Words [from, to) of a, cut where a's paragraphs end: each paragraph of
 * a is a line of its own, with a blank line between.
 */
static void
diff_a_words(struct diff_out *o, const struct compare_text *a,
    enum compare_op op, size_t from, size_t to)
{
	while (from < to) {
		size_t para = a->words[from].para, end = from;
		char *text;

		while (end < to && a->words[end].para == para)
			end++;
		if (o->started && para != o->para) {
			say("\n\n");
			o->line_start = true;
		}
		o->para = para;
		text = compare_words_text(a, from, end);
		diff_piece(o, op, text);
		free(text);
		from = end;
	}
}

static void
say_diff(const struct compare_text *a, const struct compare_text *b,
    const struct compare_run *runs, size_t n_runs)
{
	const char *no_color = getenv("NO_COLOR");
	struct diff_out o = {
		.colour = isatty(STDOUT_FILENO) && !(no_color && *no_color),
		.line_start = true,
	};

	for (size_t i = 0; i < n_runs; i++) {
		const struct compare_run *r = &runs[i];

		if (r->op == COMPARE_INSERT) {
			char *text = compare_words_text(b, r->b_from, r->b_to);

			diff_piece(&o, r->op, text);
			free(text);
		} else {
			diff_a_words(&o, a, r->op, r->a_from, r->a_to);
		}
	}
	if (!o.line_start)
		say("\n");
}

static void
json_diff(int vraag, const char *code_a, const char *code_b, double similarity,
    const struct compare_text *a, const struct compare_text *b,
    const struct compare_run *runs, size_t n_runs)
{
	static const char *const names[] = {
		[COMPARE_EQUAL] = "equal",
		[COMPARE_DELETE] = "delete",
		[COMPARE_INSERT] = "insert",
	};
	struct json j;

	json_init(&j, stdout, false);
	json_object_begin(&j);
	json_kv_int(&j, "vraag", vraag);
	json_kv_string(&j, "a", code_a);
	json_kv_string(&j, "b", code_b);
	json_kv_double(&j, "similarity", similarity);
	json_key(&j, "ops");
	json_array_begin(&j);
	for (size_t i = 0; i < n_runs; i++) {
		const struct compare_run *r = &runs[i];
		char *text = r->op == COMPARE_INSERT ?
		    compare_words_text(b, r->b_from, r->b_to) :
		    compare_words_text(a, r->a_from, r->a_to);

		json_object_begin(&j);
		json_kv_string(&j, "op", names[r->op]);
		json_kv_string(&j, "text", text);
		json_object_end(&j);
		free(text);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

/*
 * Which two answers diff compares: the ministries asked for, else the
 * first two that answered.  Their positions in w go to pick; false with a
 * message.
 */
static bool
diff_pick(const struct set_info *set, const struct answering *w,
    char *const *asked, size_t pick[2])
{
	char *list = answering_list(w);
	bool ok = true;

	if (asked) {
		for (size_t i = 0; i < 2 && ok; i++) {
			long at = answering_find(w, asked[i]);

			if (at < 0) {
				complain("diff: %s has no imported answer in set %lld (answered: %s)",
				    asked[i], set->id, list);
				ok = false;
			} else {
				pick[i] = (size_t)at;
			}
		}
	} else if (w->n < 2) {
		complain("diff: set %lld needs the answers of two ministries to compare (answered: %s; import another ministry's answer)",
		    set->id, list);
		ok = false;
	} else {
		pick[0] = 0;
		pick[1] = 1;
	}
	free(list);
	return ok;
}

int
cli_diff(struct store *st, int argc, char **argv)
{
	static const struct option options[] = {
		{ "vraag", required_argument, NULL, 'v' },
		{ "ministries", required_argument, NULL, 'm' },
		{ "ignore-case", no_argument, NULL, 'i' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct set_info set = { 0 };
	struct answering w = { 0 };
	struct question_view *qs = NULL;
	struct compare_text ta = { 0 }, tb = { 0 };
	struct compare_run *runs = NULL;
	struct error err = { "" };
	const struct answer_view *a, *b;
	char **asked = NULL, *codes[2];
	size_t n_asked = 0, nq = 0, n_runs, pick[2];
	long long id, vraag = 0;
	bool as_json = false, compared = false;
	unsigned flags = 0;
	enum status status;
	double similarity;
	int c, rc = 1;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":v:m:ijh", options, NULL)) != -1) {
		switch (c) {
		case 'v':
			if (!parse_number(optarg, &vraag) || vraag > INT_MAX) {
				rc = usage("diff", "--vraag needs a vraag number such as 1");
				goto out;
			}
			break;
		case 'm':
			model_strv_free(asked, n_asked);
			if (!parse_ministries("diff", "--ministries", optarg, &asked,
			    &n_asked)) {
				rc = 2;
				goto out;
			}
			break;
		case 'i':
			flags |= COMPARE_IGNORE_CASE;
			break;
		case 'j':
			as_json = true;
			break;
		case 'h':
			say("Usage: naast diff SET --vraag N [--ministries A,B] [--ignore-case] [--json]\n"
			    "Prints the word differences between two ministries' answers to\n"
			    "vraag N: [-words of A only-] and {+words of B only+}.  Without\n"
			    "--ministries, the first two ministries that answered.\n");
			rc = 0;
			goto out;
		case ':':
			rc = usage("diff", "option needs a value");
			goto out;
		default:
			rc = usage("diff", "unknown option");
			goto out;
		}
	}
	if (optind + 1 != argc || !parse_number(argv[optind], &id)) {
		rc = usage("diff", "name one question set by its number, as 'naast list' shows it");
		goto out;
	}
	if (vraag == 0) {
		rc = usage("diff", "say which vraag to compare with --vraag N");
		goto out;
	}
	if (asked && n_asked != 2) {
		rc = usage("diff", "--ministries needs exactly two codes, such as AZ,BZK");
		goto out;
	}
	if (asked && strcmp(asked[0], asked[1]) == 0) {
		rc = usage("diff", "--ministries needs two different ministries");
		goto out;
	}

	status = store_set_get(st, id, &set, &err);
	if (status == STATUS_NOT_FOUND) {
		complain("diff: there is no question set %lld ('naast list' shows them)", id);
		goto out;
	} else if (status != STATUS_OK) {
		complain("diff: %s", err.msg);
		goto out;
	}
	if (vraag > set.n_questions) {
		complain("diff: set %lld has %d vragen; there is no vraag %lld", id,
		    set.n_questions, vraag);
		goto out;
	}
	answering_init(&w, &set);
	if (!diff_pick(&set, &w, asked, pick))
		goto out;
	codes[0] = w.codes[pick[0]];
	codes[1] = w.codes[pick[1]];
	if (store_questions(st, id, (int)vraag, codes, 2, &qs, &nq, &err) !=
	    STATUS_OK) {
		complain("diff: %s", err.msg);
		goto out;
	}
	for (size_t i = 0; i < 2; i++) {
		if (!answer_by_doc(&qs[0], w.docs[pick[i]])) {
			complain("diff: the answer of %s in set %lld has no antwoord to vraag %lld",
			    codes[i], id, vraag);
			goto out;
		}
	}
	a = answer_by_doc(&qs[0], w.docs[pick[0]]);
	b = answer_by_doc(&qs[0], w.docs[pick[1]]);
	compared_init(&ta, a, flags);
	compared_init(&tb, b, flags);
	compared = true;
	n_runs = compare_diff(&ta, &tb, &runs);
	similarity = compare_similarity(&ta, &tb);
	if (as_json) {
		json_diff((int)vraag, codes[0], codes[1], similarity, &ta, &tb,
		    runs, n_runs);
	} else {
		char sim[16];

		say("vraag %lld · %s → %s · similarity %s%s\n", vraag, codes[0],
		    codes[1], similarity_text(similarity, 2, sim, sizeof(sim)),
		    flags & COMPARE_IGNORE_CASE ? " · case ignored" : "");
		say_diff(&ta, &tb, runs, n_runs);
	}
	rc = 0;
out:
	free(runs);
	if (compared) {
		compared_free(&ta);
		compared_free(&tb);
	}
	store_questions_free(qs, nq);
	answering_free(&w);
	store_set_info_clear(&set);
	model_strv_free(asked, n_asked);
	return rc;
}

/* The similarity of every pair of answering ministries, per vraag. */
struct matrix {
	struct answering w;
	size_t n_pairs;		/* w.n * (w.n - 1) / 2 */
	size_t n_vragen;
	int *vragen;		/* their numbers */
	double *sim;		/* [vraag * n_pairs + pair]; NAN: not both answered */
};

static void
matrix_fill(struct matrix *m, const struct question_view *qs, size_t nq)
{
	struct compare_text *texts = xcalloc(m->w.n + 1, sizeof(*texts));
	bool *have = xcalloc(m->w.n + 1, sizeof(*have));

	m->n_pairs = m->w.n * (m->w.n ? m->w.n - 1 : 0) / 2;
	m->n_vragen = nq;
	m->vragen = xcalloc(nq + 1, sizeof(*m->vragen));
	m->sim = xcalloc(nq * m->n_pairs + 1, sizeof(*m->sim));
	for (size_t v = 0; v < nq; v++) {
		size_t p = 0;

		m->vragen[v] = qs[v].number;
		for (size_t i = 0; i < m->w.n; i++) {
			const struct answer_view *a = answer_by_doc(&qs[v], m->w.docs[i]);

			have[i] = a != NULL;
			if (a)
				compared_init(&texts[i], a, 0);
		}
		for (size_t i = 0; i < m->w.n; i++)
			for (size_t k = i + 1; k < m->w.n; k++)
				m->sim[v * m->n_pairs + p++] = have[i] && have[k] ?
				    compare_similarity(&texts[i], &texts[k]) : NAN;
		for (size_t i = 0; i < m->w.n; i++)
			if (have[i])
				compared_free(&texts[i]);
	}
	free(have);
	free(texts);
}

static void
matrix_free(struct matrix *m)
{
	answering_free(&m->w);
	free(m->vragen);
	free(m->sim);
}

static void
json_matrix(const struct matrix *m)
{
	struct json j;

	json_init(&j, stdout, false);
	json_object_begin(&j);
	json_key(&j, "ministries");
	json_array_begin(&j);
	for (size_t i = 0; i < m->w.n; i++)
		json_string(&j, m->w.codes[i]);
	json_array_end(&j);
	json_key(&j, "vragen");
	json_array_begin(&j);
	for (size_t v = 0; v < m->n_vragen; v++) {
		size_t p = 0;

		json_object_begin(&j);
		json_kv_int(&j, "vraag", m->vragen[v]);
		json_key(&j, "pairs");
		json_array_begin(&j);
		for (size_t i = 0; i < m->w.n; i++) {
			for (size_t k = i + 1; k < m->w.n; k++) {
				double s = m->sim[v * m->n_pairs + p++];

				json_object_begin(&j);
				json_kv_string(&j, "a", m->w.codes[i]);
				json_kv_string(&j, "b", m->w.codes[k]);
				if (isnan(s)) {
					json_key(&j, "similarity");
					json_null(&j);
				} else {
					json_kv_double(&j, "similarity", s);
				}
				json_object_end(&j);
			}
		}
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

/* s right-aligned in width columns, after a gap of two. */
static void
say_cell(const char *s, int width)
{
	int pad = width - text_width(s);

	say("  %*s%s", pad > 0 ? pad : 0, "", s);
}

static void
say_matrix(const struct set_info *set, const struct matrix *m)
{
	char **heads = xcalloc(m->n_pairs + 1, sizeof(*heads));
	int *widths = xcalloc(m->n_pairs + 1, sizeof(*widths));
	size_t p = 0;

	say("Set %lld: similarity of the answers per vraag (1.00: the same words in the same order)\n",
	    set->id);
	for (size_t i = 0; i < m->w.n; i++) {
		for (size_t k = i + 1; k < m->w.n; k++) {
			heads[p] = xasprintf("%s·%s", m->w.codes[i], m->w.codes[k]);
			widths[p] = text_width(heads[p]);
			if (widths[p] < 4)
				widths[p] = 4;
			p++;
		}
	}
	say("vraag");
	for (p = 0; p < m->n_pairs; p++)
		say_cell(heads[p], widths[p]);
	say("\n");
	for (size_t v = 0; v < m->n_vragen; v++) {
		say("%5d", m->vragen[v]);
		for (p = 0; p < m->n_pairs; p++) {
			double s = m->sim[v * m->n_pairs + p];
			char buf[16];

			say_cell(isnan(s) ? "—" : similarity_text(s, 2, buf, sizeof(buf)),
			    widths[p]);
		}
		say("\n");
	}
	for (p = 0; p < m->n_pairs; p++)
		free(heads[p]);
	free(heads);
	free(widths);
}

int
cli_matrix(struct store *st, int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct set_info set = { 0 };
	struct matrix m = { 0 };
	struct question_view *qs = NULL;
	struct error err = { "" };
	size_t nq = 0;
	long long id;
	bool as_json = false;
	enum status status;
	int c, rc = 1;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "jh", options, NULL)) != -1) {
		switch (c) {
		case 'j':
			as_json = true;
			break;
		case 'h':
			say("Usage: naast matrix SET [--json]\n"
			    "Prints, for each vraag of question set SET, how alike the answers of\n"
			    "every two ministries are, from 0 (nothing in common) to 1 (the same).\n");
			return 0;
		default:
			return usage("matrix", "unknown option");
		}
	}
	if (optind + 1 != argc || !parse_number(argv[optind], &id))
		return usage("matrix", "name one question set by its number, as 'naast list' shows it");

	status = store_set_get(st, id, &set, &err);
	if (status == STATUS_NOT_FOUND) {
		complain("matrix: there is no question set %lld ('naast list' shows them)", id);
		goto out;
	} else if (status != STATUS_OK) {
		complain("matrix: %s", err.msg);
		goto out;
	}
	if (store_questions(st, id, 0, NULL, 0, &qs, &nq, &err) != STATUS_OK) {
		complain("matrix: %s", err.msg);
		goto out;
	}
	answering_init(&m.w, &set);
	matrix_fill(&m, qs, nq);
	if (as_json)
		json_matrix(&m);
	else if (m.w.n < 2)
		say("Set %lld has %s: nothing to compare yet (import another ministry's answer).\n",
		    id, m.w.n ? "one ministry's answer" : "no answers");
	else
		say_matrix(&set, &m);
	rc = 0;
out:
	matrix_free(&m);
	store_questions_free(qs, nq);
	store_set_info_clear(&set);
	return rc;
}

/* ---------------------------------------------------------------- library */

static int
is_txt(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return d->d_name[0] != '.' && n > 4 && strcmp(d->d_name + n - 4, ".txt") == 0;
}

/*
 * Where the bundled corpus is: in the source tree when this program runs
 * from its build tree, else where `make install` put it.
 */
static char *
corpus_dir(void)
{
	char exe[PATH_MAX], build[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		if (realpath(NAAST_BUILDDIR, build) && strcmp(exe, build) == 0)
			return xstrdup(NAAST_SRCDIR "/assets/corpus");
	}
	return xstrdup(NAAST_PKGDATADIR "/corpus");
}

static bool
import_corpus(struct store *st, const char *db_path)
{
	char *dir = corpus_dir();
	struct dirent **names;
	int n = scandir(dir, &names, is_txt, alphasort), ok = 0;

	if (n < 0) {
		complain("cannot read the bundled corpus in '%s': %s (reinstall naast, or import files with 'naast import')",
		    dir, strerror(errno));
		free(dir);
		return false;
	}
	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]->d_name);

		ok += import_file(st, path, NULL, true);
		free(path);
		free(names[i]);
	}
	free(names);
	fprintf(stderr, "naast: first start: imported %d bundled documents into %s\n",
	    ok, db_path);
	free(dir);
	return ok == n;
}

int
cli_library(struct store *st, const char *db_path, bool interactive)
{
	if (store_is_empty(st) && !import_corpus(st, db_path))
		return 1;
	if (interactive)
		return app_run(st);
	return list_all(st, NULL) ? 0 : 1;
}
