/*
 * view_search: a prompt and the hits of a search, or the passages most
 * like one passage.  The prompt (prompt.h) opens with the last search
 * selected, to type over or keep, and remembers earlier searches (Up,
 * Down); Enter searches.  Each hit shows where it is and a snippet with the matches
 * marked; Enter opens it in context: the compare view at that vraag and
 * ministry with the passage under the cursor, or the reader at it.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "model.h"
#include "prompt.h"
#include "store.h"
#include "text.h"
#include "view.h"
#include "view_search.h"
#include "xalloc.h"

#define SNIPPET_LINES 2

/* A snippet made ready to draw: plain text and the bytes that matched. */
struct marked {
	char *text;
	size_t *from, *to;
	size_t n;
};

struct search {
	struct prompt input;
	bool typing;
	char query[512];	/* what the hits are for */
	long long related;
	struct search_hit *hits;	/* list.count of them, and of snippets */
	struct marked *snippets;
	char **suggestions;
	size_t n_suggestions;
	struct list list;	/* a row is a hit */
	int per_hit;		/* lines of the screen per hit */
};

/* ------------------------------------------------------------- snippets */

/* "een [ambtenaar] zegt" → "een ambtenaar zegt" with bytes 4..13 marked. */
static void
mark_snippet(struct marked *m, const char *snippet)
{
	char *safe = text_sanitize(snippet, strlen(snippet), 0);
	size_t n = 0, open = 0;
	bool in = false;

	m->text = xmalloc(strlen(safe) + 1);
	m->from = m->to = NULL;
	m->n = 0;
	for (const char *p = safe; *p; p++) {
		if (*p == '[' && !in) {
			in = true;
			open = n;
		} else if (*p == ']' && in) {
			in = false;
			m->from = xrealloc(m->from, (m->n + 1) * sizeof(*m->from));
			m->to = xrealloc(m->to, (m->n + 1) * sizeof(*m->to));
			m->from[m->n] = open;
			m->to[m->n++] = n;
		} else {
			m->text[n++] = *p;
		}
	}
	m->text[n] = '\0';
	free(safe);
}

static void
clear_results(struct search *s)
{
	for (size_t i = 0; i < s->list.count; i++) {
		free(s->snippets[i].text);
		free(s->snippets[i].from);
		free(s->snippets[i].to);
	}
	free(s->snippets);
	store_hits_free(s->hits, s->list.count);
	model_strv_free(s->suggestions, s->n_suggestions);
	s->snippets = NULL;
	s->hits = NULL;
	s->suggestions = NULL;
	s->n_suggestions = 0;
	s->list.count = s->list.cursor = s->list.top = 0;
}

/* Runs the search (or the related passages) and keeps the hits. */
static void
run(struct view *v)
{
	struct search *s = v->data;
	struct error err = { "" };
	enum status status;

	clear_results(s);
	if (s->related) {
		status = store_related(app_store(v->app), s->related, 100, &s->hits, &s->list.count,
		    &err);
	} else {
		struct search_query q = { .text = s->query, .limit = 200 };
		struct search_info info;

		prompt_remember(&s->input);
		status = store_search(app_store(v->app), &q, &s->hits, &s->list.count,
		    &info, &err);
		if (status == STATUS_OK && s->list.count == 0)
			store_suggest(app_store(v->app), s->query, &s->suggestions,
			    &s->n_suggestions, NULL);
		if (status == STATUS_OK && info.part_all > info.part_words)
			app_message(v->app,
			    _("parts of words: searched for the %zu most frequent of the %zu words that contain them"),
			    info.part_words, info.part_all);

	}
	if (status != STATUS_OK) {
		app_message(v->app, "%s", err.msg);
		s->list.count = 0;
		return;
	}
	s->snippets = xcalloc(s->list.count + 1, sizeof(*s->snippets));
	for (size_t i = 0; i < s->list.count; i++)
		mark_snippet(&s->snippets[i], s->hits[i].snippet ? s->hits[i].snippet : "");
}

/* ------------------------------------------------------------------ view */

/* The prompt opens with the last search selected: typing replaces it. */
static void
start_typing(struct search *s)
{
	s->typing = true;
	prompt_start(&s->input, PROMPT_SEARCH, prompt_last(PROMPT_SEARCH));
	prompt_select_all(&s->input);
}

static bool
search_open(struct view *v, const void *arg)
{
	const struct search_request *req = arg;
	struct search *s = xcalloc(1, sizeof(*s));

	v->data = s;
	prompt_start(&s->input, PROMPT_SEARCH, NULL);
	if (req->related) {
		s->related = req->related;
		snprintf(s->query, sizeof(s->query), "%s", req->about ? req->about : _("this passage"));
		run(v);
	} else if (req->query) {
		snprintf(s->query, sizeof(s->query), "%s", req->query);
		prompt_set(&s->input, req->query);
		run(v);
	} else {
		start_typing(s);
	}
	return true;
}

static void
search_close(struct view *v)
{
	struct search *s = v->data;

	clear_results(s);
	free(s);
}

/*
 * Where a hit is: "set 1 · vraag 8 · AZ · antwoord · bijeenkomsten met …",
 * the set's subject, or "letter to" the addressees; the file's name only
 * when the document has neither.
 */
static void
hit_place(const struct search_hit *h, char *buf, size_t size)
{
	size_t used = 0;

	if (h->set)
		used += (size_t)snprintf(buf + used, size - used, "set %lld · ", h->set);
	if (h->vraag && used < size)
		used += (size_t)snprintf(buf + used, size - used, "vraag %d · ", h->vraag);
	/* A vraag asked alike of several ministries: "AZ, BZK". */
	if ((h->ministry[0] || h->n_same) && used < size) {
		char *codes = store_hit_ministries(h);

		used += (size_t)snprintf(buf + used, size - used, "%s · ", codes);
		free(codes);
	}
	/* A footnote: "footnote 1 of the vraag", of the vraag named before. */
	if (h->role == ROLE_FOOTNOTE && h->marker && used < size)
		used += (size_t)snprintf(buf + used, size - used, _("footnote %s of the %s%s"),
		    h->marker, h->kind == DOC_LETTER ? _("letter") : _(model_role_name(h->note_of_role)),
		    h->kind == DOC_LETTER && h->title ? _(" to ") : " · ");
	/* A letter's paragraph is "letter", the rest of it "letter epigraph". */
	else if (h->kind == DOC_LETTER && used < size)
		used += (size_t)snprintf(buf + used, size - used, "%s%s%s%s",
		    _(model_kind_name(h->kind)), h->role == ROLE_BODY ? "" : " ",
		    h->role == ROLE_BODY ? "" : _(model_role_name(h->role)),
		    h->title ? _(" to ") : " · ");
	else if (used < size)
		used += (size_t)snprintf(buf + used, size - used, "%s · ", _(model_role_name(h->role)));
	if (used < size)
		snprintf(buf + used, size - used, "%s%s",
		    h->title ? h->title : model_origin_name(h->origin),
		    h->substring ? _(" · part of a word") : "");
}

/* A snippet wrapped into at most max_lines rows at (y, x), matches marked. */
static void
draw_snippet(const struct marked *m, int y, int x, int width, int max_lines, bool sel)
{
	struct text_line *lines;
	size_t n = text_wrap(m->text, width, &lines);

	for (size_t i = 0; i < n && (int)i < max_lines; i++) {
		char *line = xstrndup(m->text + lines[i].start, lines[i].end - lines[i].start);

		draw_text(stdscr, y + (int)i, x, line, width,
		    sel ? draw_attr(UI_CURSOR) : draw_attr(UI_NORMAL), 0);
		for (size_t k = 0; k < m->n; k++) {
			size_t from = m->from[k] > lines[i].start ? m->from[k] : lines[i].start;
			size_t to = m->to[k] < lines[i].end ? m->to[k] : lines[i].end;
			char *before, *word;

			if (from >= to)
				continue;
			before = xstrndup(m->text + lines[i].start, from - lines[i].start);
			word = xstrndup(m->text + from, to - from);
			draw_text(stdscr, y + (int)i, x + text_width(before), word,
			    width - text_width(before), draw_attr(UI_MATCH) |
			    (sel ? A_REVERSE : 0), 0);
			free(before);
			free(word);
		}
		free(line);
	}
	free(lines);
}

static void
search_draw(struct view *v, int rows, int cols)
{
	struct search *s = v->data;
	size_t n = s->list.count;
	char title[640];

	s->per_hit = 1 + SNIPPET_LINES + 1;
	s->list.height = rows - 2 >= s->per_hit ? (size_t)((rows - 2) / s->per_hit) : 1;
	if (s->typing || !s->query[0]) {
		/* TRANSLATORS: 9 columns, where the typed words start. */
		draw_text(stdscr, 0, 0, _(" Search: "), cols, draw_attr(UI_TITLE), DRAW_PAD);
		if (s->typing)
			prompt_draw(&s->input, 0, 9, cols - 10, draw_attr(UI_INPUT));
		else
			draw_text(stdscr, 0, 9, s->input.text, cols - 10, draw_attr(UI_INPUT), 0);
	} else {
		if (s->related)
			snprintf(title, sizeof(title), P_(" %zu passage like %s",
			    " %zu passages like %s", n), n, s->query);
		else
			snprintf(title, sizeof(title), P_(" %zu hit for %s", " %zu hits for %s", n),
			    n, s->query);
		draw_text(stdscr, 0, 0, " ", cols, draw_attr(UI_TITLE), DRAW_PAD);
		draw_text(stdscr, 0, 0, title, cols, draw_attr(UI_TITLE), DRAW_CUT);
	}
	draw_hline(stdscr, 1, 0, cols, draw_attr(UI_BORDER));
	if (n == 0) {
		if (s->query[0] && !s->typing) {
			snprintf(title, sizeof(title), _("No passage matches %s."), s->query);
			draw_text(stdscr, 3, 2, title, cols - 4, draw_attr(UI_DIM), DRAW_CUT);
			for (size_t i = 0; i < s->n_suggestions && (int)i + 5 < rows; i++) {
				snprintf(title, sizeof(title), "%s %s", i ? "   " : _("Did you mean:"),
				    s->suggestions[i]);
				draw_text(stdscr, 5 + (int)i, 2, title, cols - 4, draw_attr(UI_NORMAL), 0);
			}
		} else {
			draw_text(stdscr, 3, 2,
			    _("Type words to search for; \"quotes\" keep a phrase, a * at the end finds a prefix."),
			    cols - 4, draw_attr(UI_DIM), 0);
		}
		return;
	}
	list_scroll_into_view(&s->list);
	for (size_t h = s->list.top; h < s->list.top + s->list.height && h < n; h++) {
		int y = 2 + (int)(h - s->list.top) * s->per_hit;
		bool sel = h == s->list.cursor;
		char place[512];

		hit_place(&s->hits[h], place, sizeof(place));
		draw_text(stdscr, y, 0, " ", cols, sel ? draw_attr(UI_CURSOR) : draw_attr(UI_NORMAL),
		    DRAW_PAD);
		draw_text(stdscr, y, 1, place, cols - 2,
		    sel ? draw_attr(UI_CURSOR) : draw_attr(UI_HEADING), DRAW_CUT);
		draw_snippet(&s->snippets[h], y + 1, 3, cols - 4, SNIPPET_LINES, false);
		/* A hit whose passage is in the basket has a bar in the margin. */
		if (app_in_basket(v->app, s->hits[h].passage))
			for (int l = 0; l <= SNIPPET_LINES; l++)
				draw_text(stdscr, y + l, 0, "┃", 1, draw_attr(UI_CHOSEN), 0);
	}
}

static long long
search_passage(struct view *v)
{
	struct search *s = v->data;

	return !s->typing && s->list.count ? s->hits[s->list.cursor].passage : 0;
}

/* Opens hit h where it stands: a set's vraag in the compare view, else the reader. */
static void
open_hit(struct view *v, size_t h)
{
	struct search *s = v->data;
	const struct search_hit *hit = &s->hits[h];

	/* A footnote opens where its passage is, under which it shows. */
	app_open_passage(v->app, hit->set, hit->vraag, hit->ministry, hit->doc,
	    hit->note_of ? hit->note_of : hit->passage);
}

static void
search_handle(struct view *v, enum action action)
{
	struct search *s = v->data;

	if (list_move(&s->list, action))
		return;
	switch (action) {
	case ACTION_SEARCH:
		start_typing(s);
		s->related = 0;
		break;
	case ACTION_OPEN:
		if (s->list.count)
			open_hit(v, s->list.cursor);
		break;
	default:
		break;
	}
}

/* The prompt: every key edits the line until Enter or Esc. */
static bool
search_input(struct view *v, int key)
{
	struct search *s = v->data;

	if (!s->typing)
		return false;
	switch (prompt_key(&s->input, key)) {
	case PROMPT_ENTER:
		if (!s->input.text[0])
			break;
		s->typing = false;
		snprintf(s->query, sizeof(s->query), "%s", s->input.text);
		run(v);
		break;
	case PROMPT_CANCEL:
		s->typing = false;
		if (!s->query[0])
			app_pop(v->app);	/* nothing searched yet: back where we were */
		break;
	case PROMPT_OTHER:
	case PROMPT_EDITED:
		break;
	}
	return true;
}

static void
search_mouse(struct view *v, enum mouse event, int y, int x)
{
	struct search *s = v->data;

	(void)x;
	if (!list_wheel(&s->list, event) && y >= 2 && s->per_hit > 0 &&
	    list_click(&s->list, (y - 2) / s->per_hit))
		open_hit(v, s->list.cursor);
}

static bool
search_typing(struct view *v)
{
	return ((struct search *)v->data)->typing;
}

static void
search_status(struct view *v, char *buf, size_t size)
{
	struct search *s = v->data;

	if (s->typing)
		snprintf(buf, size, "%s", s->input.selected
		    ? _("Search: typing replaces it, Right keeps it, Up/Down earlier searches, Esc stops")
		    : _("Search: Enter searches, Up/Down earlier searches, Esc stops"));
	else if (s->list.count)
		snprintf(buf, size, _("Hit %zu of %zu"), s->list.cursor + 1, s->list.count);
	else
		snprintf(buf, size, "%s", _("No hits"));

}

static const struct view_hint search_hints[] = {
	{ ACTION_OPEN, N_("open") },
	{ ACTION_SEARCH, N_("new search") },
	{ ACTION_NONE, NULL },
};

const struct view_ops view_search_ops = {
	.name = "search",
	.scope = SCOPE_SEARCH,
	.min_cols = 40,
	.min_rows = 8,
	.open = search_open,
	.draw = search_draw,
	.handle = search_handle,
	.input = search_input,
	.mouse = search_mouse,
	.status = search_status,
	.typing_now = search_typing,
	.hints = search_hints,
	.passage = search_passage,
	.close = search_close,
};
