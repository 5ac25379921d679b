/*
 * view_export: what opens the export prompt (app_export does).
 */
#ifndef NAAST_VIEW_EXPORT_H
#define NAAST_VIEW_EXPORT_H

#include <stddef.h>

#include "export.h"

struct export_request {
	struct export_item *items;	/* taken over by the view */
	size_t n;
	const char *what;		/* "the basket", "vraag 8" */
	enum export_layout layout;	/* the compare view's: side by side */
};

#endif
