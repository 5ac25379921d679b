/*
 * view_reader: one document whole, as the parser read it: the headers,
 * every vraag and antwoord, or a letter's epigraph, salutation, paragraphs
 * and closing.  Tab shows an outline to jump through, a list that moves
 * as every other; n and p jump to the next and previous section.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "model.h"
#include "store.h"
#include "view.h"
#include "view_reader.h"
#include "view_search.h"
#include "xalloc.h"

#define OUTLINE_WIDTH 24

/* A line of the document as shown. */
struct rline {
	char *text;
	enum ui look;
	int indent;
	long long passage;	/* the passage it shows; 0 for headings and gaps */
};

/* A place to jump to. */
struct section {
	char label[48];
	size_t line;		/* its first line */
};

struct reader {
	struct doc_view doc;
	struct rline *lines;	/* text.count of them */
	struct section *sections;
	size_t n_sections;
	struct list text;	/* a pager over the lines */
	int width;		/* of the text at the last layout */
	bool outline;		/* the outline is shown and has the keys */
	struct list toc;	/* the outline: a row is a section */
	long long show;		/* after the first layout: scroll to this passage */
	long long mark;		/* the passage opened: marked in the margin */
};

/* ----------------------------------------------------------------- layout */

static void
add(struct reader *r, const char *text, enum ui look, int indent)
{
	r->lines = xrealloc(r->lines, (r->text.count + 1) * sizeof(*r->lines));
	r->lines[r->text.count].text = xstrdup(text);
	r->lines[r->text.count].look = look;
	r->lines[r->text.count].indent = indent;
	r->lines[r->text.count].passage = 0;
	r->text.count++;
}

/* Lines of text wrapped at the reader's width less indent, all showing passage. */
static void
add_text(struct reader *r, const char *text, long long passage, enum ui look, int indent)
{
	struct wrapped w = { 0 };

	draw_wrap(&w, text, r->width - indent);
	for (size_t i = 0; i < w.n; i++) {
		add(r, w.lines[i], look, indent);
		r->lines[r->text.count - 1].passage = passage;
	}
	draw_wrap_free(&w);
}

/* The lines of passage p, its footnote markers in place, its footnotes under it. */
static void
add_wrapped(struct reader *r, const struct doc_passage *p, enum ui look, int indent)
{
	char *text = model_marked_text(p->text, p->footnotes, p->n_footnotes);

	add_text(r, text, p->id, look, indent);
	free(text);
	for (size_t f = 0; f < p->n_footnotes; f++) {
		char *note = xasprintf("[%s] %s", p->footnotes[f].marker, p->footnotes[f].text);

		add_text(r, note, p->id, UI_DIM, indent + 2);
		free(note);
	}
}

static void
section(struct reader *r, const char *label)
{
	r->sections = xrealloc(r->sections, (r->n_sections + 1) * sizeof(*r->sections));
	snprintf(r->sections[r->n_sections].label, sizeof(r->sections[0].label), "%s", label);
	r->sections[r->n_sections].line = r->text.count;
	r->n_sections++;
}

static void
clear_lines(struct reader *r)
{
	for (size_t i = 0; i < r->text.count; i++)
		free(r->lines[i].text);
	free(r->lines);
	free(r->sections);
	r->lines = NULL;
	r->sections = NULL;
	r->text.count = r->n_sections = 0;
}

/* The document as lines at the current width, with its sections. */
static void
layout(struct reader *r)
{
	enum role last_role = ROLE_OTHER;
	int last_vraag = -1, body = 0;
	char label[48];

	clear_lines(r);
	/* What the parser could not read comes first, where the eye starts. */
	if (r->doc.n_warnings) {
		section(r, _("Not fully read"));
		add(r, _("naast could not fully read this document:"), UI_MESSAGE, 0);
		for (size_t i = 0; i < r->doc.n_warnings; i++) {
			char *say = model_warning_say(&r->doc.warnings[i]);
			char *line = xasprintf("! %s", say);

			add_text(r, line, 0, UI_MESSAGE, 2);
			free(line);
			free(say);
		}
	}
	for (size_t i = 0; i < r->doc.n_passages; i++) {
		const struct doc_passage *p = &r->doc.passages[i];
		bool new_block = p->role != last_role || p->vraag != last_vraag;

		if (r->text.count > 0)
			add(r, "", UI_NORMAL, 0);
		switch (p->role) {
		case ROLE_VRAAG:
		case ROLE_ANTWOORD:
			if (new_block) {
				snprintf(label, sizeof(label), "%s %d",
				    p->role == ROLE_VRAAG ? "Vraag" : "Antwoord", p->vraag);
				if (p->role == ROLE_VRAAG)
					section(r, label);
				add(r, label, UI_HEADING, 0);
			}
			add_wrapped(r, p, UI_NORMAL, 0);
			break;
		case ROLE_HEADER:
			if (new_block)
				section(r, _("Header"));
			add_wrapped(r, p, UI_TITLE, 0);
			break;
		case ROLE_EPIGRAPH:
			section(r, _("Epigraph"));
			add_wrapped(r, p, UI_DIM, 4);
			break;
		case ROLE_ATTRIBUTION:
			add_wrapped(r, p, UI_DIM, 8);
			break;
		case ROLE_SALUTATION:
			section(r, _("Salutation"));
			add_wrapped(r, p, UI_NORMAL, 0);
			break;
		case ROLE_BODY:
			snprintf(label, sizeof(label), _("Paragraph %d"), ++body);
			section(r, label);
			add_wrapped(r, p, UI_NORMAL, 0);
			break;
		case ROLE_CLOSING:
			section(r, _("Closing"));
			add_wrapped(r, p, UI_NORMAL, 0);
			break;
		case ROLE_OTHER:
		/* store_document gives footnotes under their passage, not as these */
		case ROLE_FOOTNOTE:
		case N_ROLES:		/* no role: read as text not placed */
			if (new_block)
				section(r, _("Not placed"));
			add_wrapped(r, p, UI_DIM, 2);
			break;
		}
		last_role = p->role;
		last_vraag = p->vraag;
	}
	if (r->text.count == 0)
		add(r, _("This document has no text."), UI_DIM, 0);
	r->toc.count = r->n_sections;
}

/* ------------------------------------------------------------------- view */

static bool
reader_open(struct view *v, const void *arg)
{
	const struct reader_request *req = arg;
	struct reader *r = xcalloc(1, sizeof(*r));
	struct error err = { "" };
	long long id = req->doc;

	if (store_document(app_store(v->app), id, &r->doc, &err) != STATUS_OK) {
		app_message(v->app, _("Cannot open document %lld: %s"), id, err.msg);
		free(r);
		return false;
	}
	r->show = r->mark = req->passage;
	/* A page keeps a line of the one before; the wheel moves a few lines. */
	r->text.pager = true;
	r->text.overlap = 1;
	r->text.wheel = 3;
	v->data = r;
	return true;
}

static void
reader_close(struct view *v)
{
	struct reader *r = v->data;

	clear_lines(r);
	store_document_clear(&r->doc);
	free(r);
}

/* Puts a line at the top, or as near as the end of the text lets it. */
static void
scroll_to(struct reader *r, size_t line)
{
	r->text.top = line;
	list_scroll_into_view(&r->text);
}

/* The section that the top line is in. */
static size_t
current_section(const struct reader *r)
{
	size_t s = 0;

	for (size_t i = 0; i < r->n_sections; i++)
		if (r->sections[i].line <= r->text.top)
			s = i;
	return s;
}

static long long cursor_passage(const struct reader *r);

static void
reader_draw(struct view *v, int rows, int cols)
{
	struct reader *r = v->data;
	int text_x = r->outline ? OUTLINE_WIDTH + 1 : 1;
	int width = cols - text_x - 1;
	char title[512], date[32] = "";
	long long cursor;

	if (width != r->width || (size_t)(rows - 2) != r->text.height) {
		/* New width, new lines: stay in the section that was on top. */
		size_t section = current_section(r);

		r->width = width;
		r->text.height = (size_t)(rows - 2);
		layout(r);
		scroll_to(r, section < r->n_sections ? r->sections[section].line : r->text.top);
		for (size_t i = 0; r->show && i < r->text.count; i++) {
			if (r->lines[i].passage == r->show) {
				scroll_to(r, i);
				break;
			}
		}
		r->show = 0;
	}
	if (r->doc.received[0])
		date_format_text(r->doc.received, date, sizeof(date));
	/*
	 * What the document is, then what it is about (its set's subject) or
	 * to whom: the file's name only when it has neither.  The subject
	 * comes last, where a narrow screen cuts it.
	 */
	if (r->doc.kind == DOC_ANSWER || r->doc.kind == DOC_MEDEDELING)
		snprintf(title, sizeof(title), r->doc.kind == DOC_ANSWER ?
		    _(" Answer by %s%s%s · %s") : _(" Mededeling by %s%s%s · %s"),
		    r->doc.ministry[0] ? r->doc.ministry : _("an unknown ministry"),
		    date[0] ? ", ontvangen " : "", date,
		    r->doc.title ? r->doc.title : model_origin_name(r->doc.origin));
	else if (r->doc.kind == DOC_LETTER && r->doc.title)
		snprintf(title, sizeof(title), _(" Letter to %s"), r->doc.title);
	else
		snprintf(title, sizeof(title), " %s · %s", r->doc.title ? r->doc.title :
		    model_origin_name(r->doc.origin),
		    r->doc.kind == DOC_LETTER ? _("letter") : _("document"));
	draw_text(stdscr, 0, 0, " ", cols, draw_attr(UI_TITLE), DRAW_PAD);
	draw_text(stdscr, 0, 0, title, cols, draw_attr(UI_TITLE), DRAW_CUT);
	draw_hline(stdscr, 1, 0, cols, draw_attr(UI_BORDER));
	cursor = cursor_passage(r);
	for (size_t i = r->text.top; i < r->text.top + r->text.height && i < r->text.count; i++) {
		const struct rline *l = &r->lines[i];
		int y = (int)(i - r->text.top);

		draw_text(stdscr, 2 + y, text_x + l->indent, l->text, width - l->indent,
		    draw_attr(l->look), 0);
		/* The margin: the passage Space and R act on; a bar for the basket's. */
		if (r->outline || !l->passage)
			continue;
		if (l->passage == cursor)
			draw_text(stdscr, 2 + y, 0, "▌", 1,
			    draw_attr(app_in_basket(v->app, cursor) ? UI_CHOSEN : UI_MARK), 0);
		else if (app_in_basket(v->app, l->passage))
			draw_text(stdscr, 2 + y, 0, "┃", 1, draw_attr(UI_CHOSEN), 0);
	}
	if (r->outline) {
		r->toc.height = r->text.height;
		list_scroll_into_view(&r->toc);
		for (int y = 0; y < (int)r->toc.height; y++) {
			size_t i = r->toc.top + (size_t)y;
			bool sel = i == r->toc.cursor;

			draw_text(stdscr, 2 + y, 0, " ", OUTLINE_WIDTH, sel ? draw_attr(UI_CURSOR)
			    : draw_attr(UI_NORMAL), DRAW_PAD);
			if (i < r->n_sections)
				draw_text(stdscr, 2 + y, 1, r->sections[i].label, OUTLINE_WIDTH - 2,
				    sel ? draw_attr(UI_CURSOR) : draw_attr(UI_NORMAL), 0);
			mvwaddch(stdscr, 2 + y, OUTLINE_WIDTH, ACS_VLINE);
		}
	}
}

static void
jump(struct reader *r, long delta)
{
	long s = (long)current_section(r) + delta;

	if (r->n_sections == 0)
		return;
	if (delta > 0 && r->sections[current_section(r)].line > r->text.top)
		s = (long)current_section(r);
	if (s < 0)
		s = 0;
	if (s >= (long)r->n_sections)
		s = (long)r->n_sections - 1;
	scroll_to(r, r->sections[s].line);
}

/*
 * The passage under the reader's cursor: the one it was opened at while
 * that is on screen, else the first one on screen; 0 when none is.
 */
static long long
cursor_passage(const struct reader *r)
{
	long long first = 0;

	for (size_t i = r->text.top; i < r->text.count && i < r->text.top + r->text.height; i++) {
		if (r->lines[i].passage == r->mark && r->mark)
			return r->mark;
		if (!first)
			first = r->lines[i].passage;
	}
	return first;
}

/* The section a passage's first line is in: "Paragraph 2". */
static const char *
section_of(const struct reader *r, long long passage)
{
	size_t at = 0, line = 0;

	while (line < r->text.count && r->lines[line].passage != passage)
		line++;
	for (size_t k = 0; k < r->n_sections; k++)
		if (r->sections[k].line <= line)
			at = k;
	return r->n_sections ? r->sections[at].label : _("A passage");
}

/* The passages most like the one under the cursor. */
static void
related(struct view *v)
{
	struct reader *r = v->data;
	long long passage = cursor_passage(r);
	char about[96];
	struct search_request req = { NULL, passage, about };

	if (!passage) {
		app_message(v->app, _("No paragraph on screen to find related passages for"));
		return;
	}
	snprintf(about, sizeof(about), _("%s of this %s"), section_of(r, passage),
	    _(model_kind_name(r->doc.kind)));
	if (about[0] >= 'A' && about[0] <= 'Z')
		about[0] = (char)(about[0] - 'A' + 'a');
	app_push(v->app, &view_search_ops, &req);
}

static long long
reader_passage(struct view *v)
{
	return cursor_passage(v->data);
}

static void
reader_handle(struct view *v, enum action action)
{
	struct reader *r = v->data;

	if (r->outline && list_move(&r->toc, action))
		return;
	if (action == ACTION_REMOVE_DOCUMENT) {
		char *what = xasprintf(_("document %lld (%s)"), r->doc.id,
		    model_origin_name(r->doc.origin ? r->doc.origin : ""));

		app_remove_documents(v->app, &r->doc.id, 1, what);
		free(what);
		return;
	}
	if (r->outline && action == ACTION_OPEN) {
		if (r->toc.cursor < r->n_sections)
			scroll_to(r, r->sections[r->toc.cursor].line);
		r->outline = false;
		r->width = -1;	/* lay out again without the outline */
		return;
	}
	if (list_move(&r->text, action))
		return;
	switch (action) {
	case ACTION_NEXT_VRAAG:
		jump(r, 1);
		break;
	case ACTION_PREV_VRAAG:
		jump(r, -1);
		break;
	case ACTION_RELATED:
		related(v);
		break;
	case ACTION_OUTLINE:
		r->outline = !r->outline;
		r->toc.cursor = current_section(r);
		r->toc.top = 0;
		r->width = -1;
		if (r->n_sections == 0)
			app_message(v->app, _("This document has no sections"));
		break;
	default:
		break;
	}
}

static void
reader_mouse(struct view *v, enum mouse event, int y, int x)
{
	struct reader *r = v->data;
	bool on_outline = r->outline && x < OUTLINE_WIDTH;

	if (list_wheel(on_outline ? &r->toc : &r->text, event))
		return;
	if (on_outline && y >= 2 && list_row_at(&r->toc, y - 2, &r->toc.cursor))
		reader_handle(v, ACTION_OPEN);
}

static void
reader_status(struct view *v, char *buf, size_t size)
{
	struct reader *r = v->data;

	snprintf(buf, size, _("Reader · line %zu/%zu%s%s"), r->text.top + 1, r->text.count,

	    r->n_sections ? " · " : "",
	    r->n_sections ? r->sections[current_section(r)].label : "");
}

static void
reader_reload(struct view *v)
{
	struct reader *r = v->data;

	r->width = -1;
}

static const struct view_hint reader_hints[] = {
	{ ACTION_OUTLINE, N_("outline") },
	{ ACTION_NEXT_VRAAG, N_("next") },
	{ ACTION_PREV_VRAAG, N_("prev") },
	{ ACTION_SELECT, N_("select") },
	{ ACTION_NONE, NULL },
};

const struct view_ops view_reader_ops = {
	.name = "reader",
	.scope = SCOPE_READER,
	.min_cols = 40,
	.min_rows = 8,
	.open = reader_open,
	.draw = reader_draw,
	.handle = reader_handle,
	.mouse = reader_mouse,
	.status = reader_status,
	.hints = reader_hints,
	.reload = reader_reload,
	.passage = reader_passage,
	.close = reader_close,
};
