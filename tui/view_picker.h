/*
 * view_picker: a small list over the view below, to choose one item
 * (the ministry of a pane).  Enter chooses, q or Esc cancels.
 */
#ifndef NAAST_VIEW_PICKER_H
#define NAAST_VIEW_PICKER_H

#include <stddef.h>

struct picker_request {
	const char *title;
	char **items;		/* copied by the picker */
	size_t n;
	size_t selected;	/* the item selected at first */
	void *ctx;		/* given back to chosen */
	void (*chosen)(void *ctx, size_t index);
};

#endif
