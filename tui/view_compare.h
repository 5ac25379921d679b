/*
 * view_compare: what opens the compare view.
 */
#ifndef NAAST_VIEW_COMPARE_H
#define NAAST_VIEW_COMPARE_H

struct compare_request {
	long long set;
	int vraag;		/* the vraag to show first; 0: the first */
	const char *ministry;	/* the ministry to focus; NULL: the first pane */
	long long passage;	/* the passage to put the cursor on; 0: none */
};

#endif
