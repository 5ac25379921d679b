/*
 * cli_remove: remove, the way out of the library (store_remove_document).
 *
 * Every document named is checked before any goes: a name that names
 * nothing or more than one, or a document that basket items cite without
 * --force, changes nothing at all.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "store.h"
#include "xalloc.h"

/* The document arg names (a number, or a name it was imported under); 0: none. */
static long long
resolve(struct store *st, const char *arg)
{
	struct error err = { "" };
	long long id, *ids;
	size_t n;

	if (cli_parse_number(arg, &id))
		return id;
	if (store_documents_named(st, arg, &ids, &n, &err) != STATUS_OK) {
		cli_complain("remove: %s", err.msg);
		return 0;
	}
	id = n == 1 ? ids[0] : 0;
	if (n == 0)
		cli_complain("remove: no document was imported as '%s' (name it by number: 'naast list --json' gives them)",
		    arg);
	else if (n > 1) {
		char *list = xstrdup("");

		for (size_t i = 0; i < n; i++) {
			char *tmp = xasprintf("%s%s%lld", list, i ? ", " : "", ids[i]);

			free(list);
			list = tmp;
		}
		cli_complain("remove: %zu documents were imported as '%s' (%s): name one by number",
		    n, arg, list);
		free(list);
	}
	free(ids);
	return id;
}

/* Whether document id can go: it is there, and uncited or forced. */
static bool
check(struct store *st, long long id, bool force, char **origin)
{
	struct error err = { "" };
	struct doc_view doc;
	size_t cited = 0;

	*origin = NULL;
	if (store_document(st, id, &doc, &err) != STATUS_OK) {
		cli_complain("cannot remove document %lld: %s", id, err.msg);
		return false;
	}
	*origin = xstrdup(doc.origin ? doc.origin : "");
	store_document_clear(&doc);
	if (store_document_cited(st, id, &cited, &err) != STATUS_OK) {
		cli_complain("cannot remove document %lld: %s", id, err.msg);
		return false;
	}
	if (cited && !force) {
		cli_complain(P_("cannot remove document %lld ('%s'): %zu basket item cites it (take it out with 'naast select rm', or use --force to remove it too)",
		    "cannot remove document %lld ('%s'): %zu basket items cite it (take them out with 'naast select rm', or use --force to remove them too)",
		    cited), id, *origin, cited);
		return false;
	}
	return true;
}

int
cli_remove(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct error err = { "" };
	struct store *st;
	long long *ids;
	char **origins;
	bool force = false, ok = true;
	size_t n = 0;
	int c, rc = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "fh", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			force = true;
			break;
		case 'h':
			return cli_help("remove");
		default:
			return cli_usage("remove", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage("remove", "name at least one document (its number, or the file it was imported from)");
	if (!(st = cli_store(cli)))
		return 1;
	if (store_is_readonly(st, &err)) {
		cli_complain("cannot remove: %s", err.msg);
		return 1;
	}
	ids = xcalloc((size_t)(argc - optind), sizeof(*ids));
	origins = xcalloc((size_t)(argc - optind), sizeof(*origins));
	for (int i = optind; i < argc; i++) {
		long long id = resolve(st, argv[i]);
		bool twice = false;

		for (size_t k = 0; k < n; k++)
			twice = twice || ids[k] == id;
		if (twice)
			continue;
		if (!id || !check(st, id, force, &origins[n]))
			ok = false;
		ids[n++] = id;
	}
	for (size_t i = 0; ok && i < n; i++) {
		size_t dropped = 0;

		if (store_remove_document(st, ids[i], force, &dropped, &err) != STATUS_OK) {
			cli_complain("cannot remove document %lld: %s", ids[i], err.msg);
			rc = 1;
			break;
		}
		if (dropped)
			cli_say(P_("document %lld ('%s'): removed, with %zu basket item\n",
			    "document %lld ('%s'): removed, with %zu basket items\n", dropped),
			    ids[i], origins[i], dropped);

		else
			cli_say(_("document %lld ('%s'): removed\n"), ids[i], origins[i]);

	}
	for (size_t i = 0; i < n; i++)
		free(origins[i]);
	free(origins);
	free(ids);
	return ok ? rc : 1;
}
