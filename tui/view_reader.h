/*
 * view_reader: what opens the reader.
 */
#ifndef NAAST_VIEW_READER_H
#define NAAST_VIEW_READER_H

struct reader_request {
	long long doc;
	long long passage;	/* to show at the top; 0: the beginning */
};

#endif
