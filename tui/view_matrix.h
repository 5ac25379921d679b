/*
 * view_matrix: what opens the matrix view, and where Enter goes.
 */
#ifndef NAAST_VIEW_MATRIX_H
#define NAAST_VIEW_MATRIX_H

#include <stddef.h>

struct question_view;

struct matrix_request {
	long long set;
	int vraag;		/* the vraag selected at first */
	const char *ministry;	/* the ministry selected at first; may be NULL */
	/*
	 * The set's vragen with every answer, when the caller has them
	 * (read only while the matrix opens); NULL: the matrix reads them.
	 */
	const struct question_view *q;
	size_t nq;
	void *ctx;		/* given back to chosen */
	/* Enter on a cell: the matrix has closed; show vraag and ministry. */
	void (*chosen)(void *ctx, int vraag, const char *ministry);
};

#endif
