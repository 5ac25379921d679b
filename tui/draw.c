#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "draw.h"
#include "text.h"
#include "xalloc.h"

static attr_t attrs[N_UI];

/* With colours: pair numbers are enum ui values. */
static const struct {
	short fg;
	attr_t extra;
	attr_t mono;
} look[N_UI] = {
	[UI_NORMAL]  = { -1,            0,         0 },
	[UI_TITLE]   = { -1,            A_BOLD,    A_BOLD },
	[UI_HEADING] = { COLOR_YELLOW,  A_BOLD,    A_BOLD | A_UNDERLINE },
	[UI_BORDER]  = { -1,            0,         0 },
	[UI_FOCUS]   = { COLOR_CYAN,    A_BOLD,    A_BOLD },
	[UI_CURSOR]  = { -1,            A_REVERSE, A_REVERSE },
	[UI_MARK]    = { COLOR_CYAN,    A_BOLD,    A_BOLD | A_REVERSE },
	[UI_DIM]     = { COLOR_BLUE,    0,         A_DIM },
	[UI_STATUS]  = { -1,            A_REVERSE, A_REVERSE },
	[UI_MESSAGE] = { COLOR_YELLOW,  A_BOLD | A_REVERSE, A_BOLD | A_REVERSE },
	[UI_INPUT]   = { -1,            A_UNDERLINE, A_UNDERLINE },
	[UI_DIFF_SOME]   = { COLOR_YELLOW, A_UNDERLINE, A_UNDERLINE },
	[UI_DIFF_UNIQUE] = { COLOR_RED,    A_BOLD | A_REVERSE, A_BOLD | A_REVERSE },
	[UI_REF]     = { COLOR_GREEN,   0,         A_DIM },
	[UI_MATCH]   = { COLOR_MAGENTA, A_BOLD,    A_BOLD | A_UNDERLINE },
	[UI_CHOSEN]  = { COLOR_GREEN,   A_BOLD,    A_BOLD },
};

void
draw_init(void)
{
	const char *no_color = getenv("NO_COLOR");
	bool colour = has_colors() && !(no_color && *no_color);

	if (colour) {
		start_color();
		use_default_colors();
	}
	for (int i = 0; i < N_UI; i++) {
		if (!colour) {
			attrs[i] = look[i].mono;
			continue;
		}
		attrs[i] = look[i].extra;
		if (look[i].fg >= 0 && i < COLOR_PAIRS) {
			init_pair((short)i, look[i].fg, -1);
			attrs[i] |= COLOR_PAIR(i);
		}
	}
}

attr_t
draw_attr(enum ui part)
{
	return (unsigned)part < N_UI ? attrs[part] : 0;
}

/* Bytes of s that fit in width columns; *cols gets the columns they take. */
static size_t
fit(const char *s, int width, int *cols)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t len = strlen(s), i = 0;
	int used = 0;

	while (i < len) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, p + i, len - i), w;

		if (n < 1)
			n = 1;
		w = uc_width(uc, "UTF-8");
		if (w < 0)
			w = 0;
		if (used + w > width)
			break;
		used += w;
		i += (size_t)n;
	}
	*cols = used;
	return i;
}

int
draw_text(WINDOW *win, int y, int x, const char *s, int width, attr_t attr,
    unsigned flags)
{
	char *safe;
	size_t bytes;
	int cols = 0;

	if (width <= 0)
		return 0;
	safe = text_sanitize(s, strlen(s), 0);
	bytes = fit(safe, width, &cols);
	if ((flags & DRAW_CUT) && safe[bytes] && width > 1)
		bytes = fit(safe, width - 1, &cols);
	wattrset(win, attr);
	if (bytes)
		mvwaddnstr(win, y, x, safe, (int)bytes);
	else
		wmove(win, y, x);
	if ((flags & DRAW_CUT) && safe[bytes]) {
		waddstr(win, "…");
		cols++;
	}
	if (flags & DRAW_PAD) {
		for (int i = cols; i < width; i++)
			waddch(win, ' ');
		cols = width;
	}
	wattrset(win, A_NORMAL);
	free(safe);
	return cols;
}

int
draw_text_right(WINDOW *win, int y, int x, const char *s, int width,
    attr_t attr)
{
	char *safe = text_sanitize(s, strlen(s), 0);
	int cols = text_width(safe);

	if (cols > width)
		cols = draw_text(win, y, x, safe, width, attr, DRAW_CUT);
	else
		draw_text(win, y, x + width - cols, safe, cols, attr, 0);
	free(safe);
	return cols;
}

void
draw_hline(WINDOW *win, int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	wattrset(win, attr);
	mvwhline(win, y, x, ACS_HLINE, width);
	wattrset(win, A_NORMAL);
}

void
draw_box(WINDOW *win, int y, int x, int height, int width, attr_t attr)
{
	if (height < 2 || width < 2)
		return;
	wattrset(win, attr);
	mvwaddch(win, y, x, ACS_ULCORNER);
	mvwhline(win, y, x + 1, ACS_HLINE, width - 2);
	mvwaddch(win, y, x + width - 1, ACS_URCORNER);
	mvwvline(win, y + 1, x, ACS_VLINE, height - 2);
	mvwvline(win, y + 1, x + width - 1, ACS_VLINE, height - 2);
	mvwaddch(win, y + height - 1, x, ACS_LLCORNER);
	mvwhline(win, y + height - 1, x + 1, ACS_HLINE, width - 2);
	mvwaddch(win, y + height - 1, x + width - 1, ACS_LRCORNER);
	wattrset(win, A_NORMAL);
}

void
draw_wrap_line(struct wrapped *w, const char *line)
{
	w->lines = xrealloc(w->lines, (w->n + 1) * sizeof(*w->lines));
	w->lines[w->n++] = text_sanitize(line, strlen(line), 0);
}

void
draw_wrap(struct wrapped *w, const char *text, int width)
{
	char *safe = text_sanitize(text, strlen(text), 0);
	struct text_line *lines;
	size_t n = text_wrap(safe, width < 1 ? 1 : width, &lines);

	w->lines = xrealloc(w->lines, (w->n + n) * sizeof(*w->lines));
	for (size_t i = 0; i < n; i++)
		w->lines[w->n++] = xstrndup(safe + lines[i].start,
		    lines[i].end - lines[i].start);
	free(lines);
	free(safe);
}

void
draw_wrap_free(struct wrapped *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->lines[i]);
	free(w->lines);
	w->lines = NULL;
	w->n = 0;
}

void
draw_date(const char *iso, char out[DRAW_DATE_SIZE])
{
	if (strlen(iso) == 10)
		snprintf(out, DRAW_DATE_SIZE, "%.2s-%.2s-%.4s", iso + 8, iso + 5, iso);
	else
		out[0] = '\0';
}
