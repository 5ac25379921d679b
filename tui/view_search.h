/*
 * view_search: what opens the search view.
 */
#ifndef NAAST_VIEW_SEARCH_H
#define NAAST_VIEW_SEARCH_H

struct search_request {
	const char *query;	/* run at once; NULL: start with the prompt */
	long long related;	/* or: the passages most like this one; 0: none */
	const char *about;	/* what the related passage is, for the title */
};

#endif
