/*
 * view_fetch: the fetch prompt, in a box over the library.  It asks for
 * a Zaak number (or the KOOP id or document number of one of its
 * documents), fetches the set from the open data as naast fetch does
 * (fetch.h), showing each request and document in the box as it goes,
 * and says on the status line what came.  The library reads again.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "fetch.h"
#include "i18n.h"
#include "opendata.h"
#include "prompt.h"
#include "settings.h"
#include "view.h"
#include "xalloc.h"

#define BOX_HEIGHT 7
#define BOX_WIDTH 76

struct fetcher {
	struct view *v;
	struct prompt ref;
	char progress[256];	/* what is being asked */
	char problem[512];	/* why the last try failed */
	size_t stored, here, failed;
};

static bool
fetch_open(struct view *v, const void *arg)
{
	struct fetcher *f = xcalloc(1, sizeof(*f));

	(void)arg;
	f->v = v;
	prompt_start(&f->ref, PROMPT_ZAAK, NULL);
	v->data = f;
	return true;
}

static void
fetch_close(struct view *v)
{
	free(v->data);
}

/* Each request and document shows in the box at once. */
static void
fetch_asking(void *ctx, const char *what)
{
	struct fetcher *f = ctx;

	snprintf(f->progress, sizeof(f->progress), _("Asking for %s..."), what);
	app_update(f->v->app);
}

static void
fetch_document(void *ctx, const struct fetch_document *d)
{
	struct fetcher *f = ctx;

	if (d->outcome == FETCH_FAILED)
		f->failed++;
	else if (d->outcome == FETCH_HERE)
		f->here++;
	else
		f->stored++;
}

static void
run(struct view *v)
{
	struct fetcher *f = v->data;
	struct fetch_options o = { .import = { .encoding = IMPORT_UTF8 } };
	struct fetch_events ev = {
		.ctx = f, .asking = fetch_asking, .document = fetch_document,
	};
	struct app *app = v->app;
	struct fetch_result res;
	struct error err = { "" };
	struct od_ref ref;
	enum status status;
	char *api, *cache;

	f->problem[0] = '\0';
	f->stored = f->here = f->failed = 0;
	if (!opendata_ref_parse(f->ref.text, &ref)) {
		snprintf(f->problem, sizeof(f->problem),
		    "%s", _("Type a Zaak number (2024Z01294), a KOOP id (ah-tk-20232024-1059) or a document number (2024D05678)"));
		return;
	}
	if (!(cache = settings_cache_dir(f->problem, sizeof(f->problem))))
		return;
	api = settings_api(NULL);
	o.api = api;
	o.cache = cache;
	status = fetch_zaak(app_store(app), &o, f->ref.text, &ev, &res, &err);
	free(api);
	free(cache);
	f->progress[0] = '\0';
	if (status != STATUS_OK && !res.set) {
		snprintf(f->problem, sizeof(f->problem), "%s", err.msg);
		fetch_result_free(&res);
		return;
	}
	app_pop(app);	/* frees f; the library reads again */
	app_reload(app);
	if (status != STATUS_OK)
		app_message(app, _("Set %lld (Zaak %s): %zu new, %zu here already, %zu failed: %s"),
		    res.set, res.zaak, res.stored, res.here, res.failed, err.msg);
	else
		app_message(app, _("Set %lld (Zaak %s): %zu new, %zu here already"),
		    res.set, res.zaak, res.stored, res.here);
	fetch_result_free(&res);
}

static bool
fetch_input(struct view *v, int key)
{
	struct fetcher *f = v->data;

	switch (prompt_key(&f->ref, key)) {
	case PROMPT_ENTER:
		prompt_remember(&f->ref);
		run(v);
		break;
	case PROMPT_CANCEL: {
		struct app *app = v->app;

		app_pop(app);
		app_message(app, _("Nothing fetched"));
		break;
	}
	default:
		break;
	}
	return true;
}

static void
fetch_draw(struct view *v, int rows, int cols)
{
	struct fetcher *f = v->data;
	int width = cols - 4 < BOX_WIDTH ? cols - 4 : BOX_WIDTH;
	int y = rows - BOX_HEIGHT - 1 > 0 ? rows - BOX_HEIGHT - 1 : 0;
	int x = (cols - width) / 2;

	for (int i = 0; i < BOX_HEIGHT; i++)
		draw_text(stdscr, y + i, x, "", width, draw_attr(UI_NORMAL), DRAW_PAD);
	draw_box(stdscr, y, x, BOX_HEIGHT, width, draw_attr(UI_FOCUS));
	mvwaddch(stdscr, y, x + 1, ' ');
	draw_text(stdscr, y, x + 2, _("Fetch a question set from the open data"),
	    width - 5, draw_attr(UI_FOCUS), DRAW_CUT);
	waddch(stdscr, ' ');
	draw_text(stdscr, y + 1, x + 2, "Zaak:", 6, draw_attr(UI_HEADING), 0);
	prompt_draw(&f->ref, y + 1, x + 9, width - 11, draw_attr(UI_INPUT));
	draw_text(stdscr, y + 2, x + 2,
	    _("2024Z01294, or a document of it: ah-tk-20232024-1059, 2024D05678"),
	    width - 4, draw_attr(UI_DIM), DRAW_CUT);
	draw_text(stdscr, y + 3, x + 2, f->progress, width - 4,
	    draw_attr(UI_NORMAL), DRAW_CUT);
	draw_text(stdscr, y + 4, x + 2, f->problem, width - 4,
	    draw_attr(UI_MESSAGE), DRAW_CUT);
	draw_text(stdscr, y + 5, x + 2, _("Enter fetches   Esc cancels"),
	    width - 4, draw_attr(UI_DIM), DRAW_CUT);
}

static void
fetch_handle(struct view *v, enum action action)
{
	(void)v;
	(void)action;
}

static void
fetch_status(struct view *v, char *buf, size_t size)
{
	(void)v;
	snprintf(buf, size, "%s", _("Fetch: the set's documents come from the Tweede Kamer's open data"));

}

const struct view_ops view_fetch_ops = {
	.name = "fetch",
	.scope = SCOPE_FETCH,
	.min_cols = 40,
	.min_rows = 10,
	.overlay = true,
	.typing = true,
	.open = fetch_open,
	.draw = fetch_draw,
	.handle = fetch_handle,
	.input = fetch_input,
	.status = fetch_status,
	.close = fetch_close,
};
