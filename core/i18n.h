/*
 * i18n: the messages naast shows a person, in the language of the user's
 * locale (GNU gettext, the text domain "naast", po/nl.po).
 *
 * Every string that the interface, the command line or a struct error
 * shows a person is marked: _("...") where it is used, N_("...") in a
 * table that is translated where it is shown, P_(one, many, n) where a
 * number is in the text.  error_set translates its format itself
 * (core/status.c).  Not marked, because they do not change with the
 * language: --json keys, the names of commands, options, actions and
 * formats, key names, SQL, and what a document says (citations quote it).
 *
 * core is a library: it names the domain in each call (dgettext), so that
 * it speaks the same language whoever binds the domain; the program binds
 * it once at start (tui/main.c).  English is the source language: the
 * English strings are the msgids, byte for byte what naast says without a
 * translation.
 */
#ifndef NAAST_I18N_H
#define NAAST_I18N_H

#define NAAST_TEXTDOMAIN "naast"

#if ENABLE_NLS
#include <libintl.h>
#define I18N_NLS       1	/* naast speaks other languages than English */
#define _(s)           dgettext(NAAST_TEXTDOMAIN, s)
#define P_(s, p, n)    dngettext(NAAST_TEXTDOMAIN, s, p, (unsigned long)(n))
#else
#define I18N_NLS       0
#define _(s)           ((const char *)(s))
#define P_(s, p, n)    ((n) == 1 ? (const char *)(s) : (const char *)(p))
#endif
#define N_(s)          s

#endif
