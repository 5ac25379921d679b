/*
 * settings: the configuration file is read anew at each call: naast asks
 * for a setting once per command, or once per fetch in the interface.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "opendata.h"
#include "settings.h"
#include "xalloc.h"

char *
settings_value(const char *key)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *path, line[1024], *value = NULL;
	size_t klen = strlen(key);
	FILE *f;

	if (xdg && xdg[0] == '/')
		path = xasprintf("%s/naast/config", xdg);
	else if (home && *home)
		path = xasprintf("%s/.config/naast/config", home);
	else
		return NULL;
	f = fopen(path, "r");
	free(path);
	if (!f)
		return NULL;
	while (!value && fgets(line, sizeof(line), f)) {
		char *p = line + strspn(line, " \t"), *end;

		if (strncmp(p, key, klen) != 0)
			continue;
		p += klen;
		p += strspn(p, " \t");
		if (*p != '=')
			continue;
		p++;
		p += strspn(p, " \t");
		end = p + strcspn(p, "#\r\n");
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > p)
			value = xstrndup(p, (size_t)(end - p));
	}
	fclose(f);
	return value;
}

char *
settings_api(const char *opt)
{
	const char *env = getenv("NAAST_API");
	char *conf;

	if (opt)
		return xstrdup(opt);
	if (env && *env)
		return xstrdup(env);
	if ((conf = settings_value("api")))
		return conf;
	return xstrdup(OPENDATA_API);
}

char *
settings_cache_dir(char *why, size_t size)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *dir, *probe;

	if (xdg && xdg[0] == '/')
		dir = xasprintf("%s/naast", xdg);
	else if (home && *home)
		dir = xasprintf("%s/.cache/naast", home);
	else {
		snprintf(why, size, "%s", _("no place for downloads: set HOME or XDG_CACHE_HOME"));
		return NULL;
	}
	probe = xasprintf("%s/x", dir);
	if (!cli_make_parents(probe)) {
		snprintf(why, size, _("cannot create the download directory '%s': %s (set XDG_CACHE_HOME to another place)"),

		    dir, strerror(errno));
		free(probe);
		free(dir);
		return NULL;
	}
	free(probe);
	return dir;
}
