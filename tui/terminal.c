/*
 * terminal: see terminal.h.  term.h defines macros such as "lines" and
 * "columns" that clash with names elsewhere, so only this file includes it.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "terminal.h"
#include "text.h"

#include <term.h>	/* last: its macros would rename fields of the headers above */

bool
terminal_usable(char *msg, size_t size)
{
	const char *term = getenv("TERM");
	char *name = text_sanitize(term ? term : "", term ? strlen(term) : 0, 0);
	bool ok = false;
	int err = 0;

	if (!*name) {
		snprintf(msg, size, "%s", _("TERM is not set: set it to your terminal's type (for example "
		    "xterm-256color), or use naast list, show and search"));
	} else if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		snprintf(msg, size, _("the terminal type '%s' (TERM) is unknown here: set TERM to "
		    "xterm-256color, or install its description (Debian package ncurses-term)"), name);
	} else {
		const char *cup = tigetstr("cup");

		ok = cup && cup != (char *)-1;
		if (!ok)
			snprintf(msg, size, _("the terminal '%s' cannot put text at a place on the "
			    "screen, which the interface needs: use naast list, show and search, "
			    "or set TERM to xterm-256color"), name);

		del_curterm(cur_term);
	}
	free(name);
	return ok;
}
