/*
 * settings: where naast finds what the user set outside its database:
 * the configuration file ($XDG_CONFIG_HOME/naast/config, lines
 * "key = value", '#' a comment), the environment, and the directory its
 * downloads go to.  For the command line and the interface alike.
 */
#ifndef NAAST_SETTINGS_H
#define NAAST_SETTINGS_H

#include <stddef.h>

/*
 * The value of key in the configuration file; NULL when the file or the
 * key is not there.  The caller frees it.
 */
char *settings_value(const char *key);

/*
 * The open data's address: opt (--api), else $NAAST_API, else the
 * configuration's api, else the live service.  The caller frees it.
 */
char *settings_api(const char *opt);

/*
 * $XDG_CACHE_HOME/naast, else ~/.cache/naast, made when missing; NULL
 * with one line in why when it cannot be.  The caller frees it.
 */
char *settings_cache_dir(char *why, size_t size);

#endif
