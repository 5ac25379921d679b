/*
 * view_export: the export prompt, in a box over the view below.  It offers
 * a file name in the current directory made from what is exported
 * ("naast-eerdmans-2024-01-29-vraag8.md"), to edit; Tab goes round the
 * formats, Word and Excel among them (and changes the name's extension
 * with it); passages carry the answers they refer to ("zie het antwoord
 * op vraag 1"), as in `naast export`; Enter writes the file, whole
 * or not at all.  A file that exists is only overwritten after a y; the
 * status line says where the export went, as an absolute path.  A name
 * starting with ~ or ~/ is in the home directory ($HOME), as in a shell;
 * ~user is refused with a message.
 */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "app.h"
#include "draw.h"
#include "export.h"
#include "i18n.h"
#include "prompt.h"
#include "text.h"
#include "view.h"
#include "view_export.h"
#include "xalloc.h"

#define BOX_HEIGHT 7
#define BOX_WIDTH 76

struct exporter {
	struct export_item *items;
	size_t n;
	char title[96];
	enum export_format format;
	enum export_layout layout;
	struct prompt name;
	bool confirming;	/* the file exists: asking whether to overwrite it */
	char problem[512];	/* why the last try failed, shown in the box */
};

static bool
export_open(struct view *v, const void *arg)
{
	const struct export_request *req = arg;
	struct exporter *e = xcalloc(1, sizeof(*e));
	struct error err = { "" };
	char *name;

	e->items = req->items;
	e->n = req->n;
	e->layout = req->layout;
	/* Without them the export is still right, only shorter: say why. */
	if (store_export_refs(app_store(v->app), e->items, e->n, &err) != STATUS_OK)
		snprintf(e->problem, sizeof(e->problem), "%s", err.msg);
	snprintf(e->title, sizeof(e->title), P_("Export %s: %zu passage",
	    "Export %s: %zu passages", req->n), req->what, req->n);
	e->format = EXPORT_MD;
	name = export_default_name(e->items, e->n, e->format);
	prompt_start(&e->name, PROMPT_FILE, name);
	free(name);
	v->data = e;
	return true;
}

static void
export_close(struct view *v)
{
	struct exporter *e = v->data;

	export_items_free(e->items, e->n);
	free(e);
}

/* The name with its extension made that of the format, when it has one of ours. */
static void
set_format(struct exporter *e, enum export_format format)
{
	char *dot = strrchr(e->name.text, '.');
	enum export_format old;

	e->format = format;
	if (dot && !strchr(dot, '/') && export_format_from_name(dot + 1, &old)) {
		char *name = xasprintf("%.*s.%s", (int)(dot - e->name.text), e->name.text,
		    export_format_name(format));

		prompt_set(&e->name, name);
		free(name);
	}
}

/* "/home/ambtenaar/naast-...md" for the message. */
static char *
absolute(const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return xstrdup(path);
	return xasprintf("%s/%s", cwd, path);
}

/*
 * The path a typed name means: "~" and "~/..." in $HOME.  NULL, with why
 * in problem, for "~user" and when HOME is not set.  The caller frees it.
 */
static char *
expand_home(const char *name, char *problem, size_t size)
{
	const char *home = getenv("HOME");

	if (name[0] != '~')
		return xstrdup(name);
	if (name[1] && name[1] != '/') {
		snprintf(problem, size,
		    "%s", _("~user is not understood here: write the whole path, or ~/ for your home"));
		return NULL;
	}
	if (!home || !*home) {
		snprintf(problem, size, "%s", _("HOME is not set, so ~ means nothing: write the whole path"));
		return NULL;
	}
	/* "~/x" in the home "/": "/x", not "//x". */
	return xasprintf("%s%s", strcmp(home, "/") == 0 && name[1] ? "" : home, name + 1);
}

static void
write_file(struct view *v, bool force)
{
	struct exporter *e = v->data;
	struct app *app = v->app;
	struct error err = { "" };
	enum status status;
	char *where, *path;
	size_t n = e->n;

	e->problem[0] = '\0';
	if (!e->name.text[0]) {
		snprintf(e->problem, sizeof(e->problem), "%s", _("Type a file name first"));
		return;
	}
	if (!(path = expand_home(e->name.text, e->problem, sizeof(e->problem))))
		return;
	status = export_save_layout(path, force, e->format, e->layout, e->items,
	    e->n, &err);
	if (status == STATUS_USAGE && !force) {
		e->confirming = true;
		free(path);
		return;
	}
	if (status != STATUS_OK) {
		snprintf(e->problem, sizeof(e->problem), "%s", err.msg);
		free(path);
		return;
	}
	prompt_remember(&e->name);
	where = absolute(path);
	free(path);
	app_pop(app);	/* frees e */
	app_message(app, P_("Wrote %zu passage to %s", "Wrote %zu passages to %s", n), n, where);
	free(where);
}

static bool
export_input(struct view *v, int key)
{
	struct exporter *e = v->data;

	if (e->confirming) {
		e->confirming = false;
		if (key == 'y' || key == 'Y')
			write_file(v, true);
		return true;
	}
	switch (prompt_key(&e->name, key)) {
	case PROMPT_ENTER:
		write_file(v, false);
		break;
	case PROMPT_CANCEL: {
		struct app *app = v->app;

		app_pop(app);
		app_message(app, _("Nothing exported"));
		break;
	}
	case PROMPT_OTHER:
		if (key == '\t')
			set_format(e, (enum export_format)((e->format + 1) % EXPORT_FORMAT_COUNT));
		else if (key == KEYMAP_FKEY(KEY_BTAB))
			set_format(e, (enum export_format)((e->format + EXPORT_FORMAT_COUNT - 1) %
			    EXPORT_FORMAT_COUNT));
		break;
	case PROMPT_EDITED: {
		/* A typed extension chooses the format. */
		const char *dot = strrchr(e->name.text, '.');
		enum export_format f;

		if (dot && export_format_from_name(dot + 1, &f))
			e->format = f;
		break;
	}
	}
	return true;
}

static void
export_draw(struct view *v, int rows, int cols)
{
	struct exporter *e = v->data;
	int width = cols - 4 < BOX_WIDTH ? cols - 4 : BOX_WIDTH;
	int y = rows - BOX_HEIGHT - 1 > 0 ? rows - BOX_HEIGHT - 1 : 0, x = (cols - width) / 2;
	char line[1024];
	int at;

	for (int i = 0; i < BOX_HEIGHT; i++)
		draw_text(stdscr, y + i, x, "", width, draw_attr(UI_NORMAL), DRAW_PAD);
	draw_box(stdscr, y, x, BOX_HEIGHT, width, draw_attr(UI_FOCUS));
	mvwaddch(stdscr, y, x + 1, ' ');
	draw_text(stdscr, y, x + 2, e->title, width - 5, draw_attr(UI_FOCUS), DRAW_CUT);
	waddch(stdscr, ' ');

	/* TRANSLATORS: at most 6 columns. */
	draw_text(stdscr, y + 1, x + 2, _("File:"), 6, draw_attr(UI_HEADING), 0);
	if (e->confirming)
		draw_text(stdscr, y + 1, x + 9, e->name.text, width - 11, draw_attr(UI_INPUT), 0);
	else
		prompt_draw(&e->name, y + 1, x + 9, width - 11, draw_attr(UI_INPUT));

	/* TRANSLATORS: at most 7 columns, with room for one space after it. */
	draw_text(stdscr, y + 2, x + 2, _("Format:"), 8, draw_attr(UI_HEADING), 0);
	at = x + 10;
	for (int i = 0; i < EXPORT_FORMAT_COUNT; i++) {
		enum export_format f = (enum export_format)i;

		snprintf(line, sizeof(line), f == e->format ? "[%s]" : " %s ", export_format_name(f));
		at += draw_text(stdscr, y + 2, at, line, x + width - 2 - at,
		    f == e->format ? draw_attr(UI_CURSOR) : draw_attr(UI_NORMAL), 0) + 1;
	}
	snprintf(line, sizeof(line), "%s", export_format_help(e->format));
	draw_text(stdscr, y + 3, x + 2, line, width - 4, draw_attr(UI_DIM), DRAW_CUT);

	if (e->confirming)
		snprintf(line, sizeof(line), "%s", _("The file exists already. Overwrite it?"));
	else
		snprintf(line, sizeof(line), "%s", e->problem);
	draw_text(stdscr, y + 4, x + 2, line, width - 4, draw_attr(UI_MESSAGE), DRAW_CUT);
	draw_text(stdscr, y + 5, x + 2, e->confirming
	    ? _("y overwrites it   any other key keeps it")
	    : _("Enter writes   Tab changes the format   Esc cancels"),

	    width - 4, draw_attr(UI_DIM), DRAW_CUT);
}

static void
export_handle(struct view *v, enum action action)
{
	(void)v;
	(void)action;
}

static void
export_status(struct view *v, char *buf, size_t size)
{
	struct exporter *e = v->data;

	snprintf(buf, size, "%s", e->title);
}

const struct view_ops view_export_ops = {
	.name = "export",
	.scope = SCOPE_EXPORT,
	.min_cols = 40,
	.min_rows = 10,
	.overlay = true,
	.typing = true,
	.open = export_open,
	.draw = export_draw,
	.handle = export_handle,
	.input = export_input,
	.status = export_status,
	.close = export_close,
};
