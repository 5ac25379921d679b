/*
 * fts-check: whether the full-text index of a naast database agrees
 * with its passages (FTS5's integrity-check), for the shell tests: the
 * index has naast's tokenizer, which the sqlite3 shell lacks.
 *
 *   tests/fts-check DB     exit 0 when it agrees, 1 (and why) when not
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include "store.h"
#include "store_db.h"

int
main(int argc, char **argv)
{
	struct error err = { "" };
	struct store *st;
	char *msg = NULL;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: tests/fts-check DB\n");
		return 2;
	}
	if (store_open(argv[1], &st, &err) != STATUS_OK) {
		fprintf(stderr, "fts-check: %s\n", err.msg);
		return 1;
	}
	rc = sqlite3_exec(st->db, "INSERT INTO passage_words (passage_words)"
	    " VALUES ('integrity-check')", NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "fts-check: %s\n", msg ? msg : sqlite3_errstr(rc));
	sqlite3_free(msg);
	store_close(st);
	return rc == SQLITE_OK ? 0 : 1;
}
