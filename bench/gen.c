/*
 * gen: a corpus of naast documents for the benchmark, the same on every
 * machine.
 *
 *   bench/gen --docs N --corpus DIR --out DIR
 *   bench/gen --shapes DIR [--bytes N]
 *
 * writes N documents into DIR/docs/ (000001.txt, ...), and beside them
 * manifest.tsv (what each file is: for the floor's filters and for the
 * checks of bench/run) and queries.tsv (the 31 queries of the search
 * benchmark, with the words that are rare in this corpus).  With
 * --shapes, it writes instead the files of write_shapes below into DIR,
 * each at most N bytes (default 8 MiB, the most naast reads as one
 * document: bench/run asks bench/parse --limit).
 *
 * The words come from the bundled corpus (the seed documents in
 * assets/corpus), read at run time: the short words as often as the
 * seeds use them, the content words by subject (see word() below).
 * Everything else is drawn from one xorshift64* generator with a fixed
 * seed, in a fixed order, with integer arithmetic only: the same N gives
 * the same bytes everywhere, and a smaller N gives a prefix of a larger
 * one (up to the last set, which is cut short).
 *
 * The documents have the shapes naast parses: the text of the official
 * PDF (seed 000: wrapped lines, hyphenated breaks, page footers, no blank
 * lines between paragraphs), the Markdown of the publication (seed 001)
 * and letters (seed 004).  An answer document holds 5 to 15 vragen and
 * about 8 KB.  A question set is answered by 1 to 5 ministries: each
 * prints the same vragen and an answer that shares much of its text with
 * the others' (sentences kept, replaced or changed by a word), so that
 * sets group and the compare, diff and matrix views have work.  Set 1 is
 * answered by 5 ministries and has 15 vragen (the diff and matrix
 * benchmark); set 2 by 4 ministries with long answers to vraag 1 (the
 * compare view benchmark).  About one document in fifty is a letter.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "bench.h"
#include "xalloc.h"

#define MAX_VRAGEN 15
#define MAX_ANSWERING 5
#define SEED UINT64_C(0x6e616173742d3130)	/* fixed: the corpus is data */

/* ---------------------------------------------------------------- helpers */

/* Characters (not bytes) of UTF-8 text. */
static size_t
width(const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}

/* ------------------------------------------------------------------ random */

/* xorshift64* (Vigna): small, fast, and the same on every machine. */
static uint64_t rng_state = SEED;

static uint64_t
rng_next(void)
{
	uint64_t x = rng_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * UINT64_C(0x2545F4914F6CDD1D);
}

/* A number in [0, n). */
static unsigned
below(unsigned n)
{
	return (unsigned)((rng_next() >> 16) % n);
}

/* A number in [lo, hi]. */
static int
between(int lo, int hi)
{
	return lo + (int)below((unsigned)(hi - lo + 1));
}

/* True with probability pct percent. */
static bool
chance(unsigned pct)
{
	return below(100) < pct;
}

/* ------------------------------------------------------------- vocabulary */

/* The words of the seeds, each as often as it occurs there. */
static char **words;
static size_t n_words, cap_words;

/* Words that make structure in a document: never drawn for running text. */
static const char *const structural[] = {
	"vraag", "vragen", "antwoord", "antwoorden", "aanhangsel", "zie",
	"geachte", "hoogachtend", "tweede", "kamer", "vergaderjaar",
	"ingezonden", "ontvangen", "minister", "ministers", "minister-president",
	"staatssecretaris", "staatssecretarissen", "mededeling", "nr", "handelingen",
	"vraagstukken",
};

static bool
is_structural(const char *w)
{
	for (size_t i = 0; i < COUNT(structural); i++)
		if (strcasecmp(w, structural[i]) == 0)
			return true;
	return false;
}

/* Punctuation and markup around a word; ’ and ‘ too (3 bytes each). */
static bool
edge_char(const char *s, size_t n, size_t *len)
{
	static const char ascii[] = ".,;:?!\"'()*#[]_`";

	if (n >= 1 && s[0] && strchr(ascii, s[0])) {
		*len = 1;
		return true;
	}
	if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x98 || (unsigned char)s[2] == 0x99 ||
	    (unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9D)) {
		*len = 3;
		return true;
	}
	return false;
}

/* Adds the word s[0, n) (punctuation around it removed) when it is one. */
static void
add_word(const char *s, size_t n)
{
	bool letter = false;
	size_t k;
	char *w;

	while (n > 0 && edge_char(s, n, &k))
		s += k, n -= k;
	/* Trailing marks: the last byte decides, then a 3-byte quote. */
	for (;;) {
		if (n >= 1 && strchr(".,;:?!\"'()*#[]_`", s[n - 1]))
			n--;
		else if (n >= 3 && edge_char(s + n - 3, 3, &k) && k == 3)
			n -= 3;
		else
			break;
	}
	if (n == 0 || s[n - 1] == '-')
		return;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= '0' && c <= '9')
			return;
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			letter = true;
	}
	if (!letter)
		return;
	w = xmalloc(n + 1);
	memcpy(w, s, n);
	w[n] = '\0';
	if (is_structural(w)) {
		free(w);
		return;
	}
	if (n_words == cap_words) {
		cap_words = cap_words ? cap_words * 2 : 4096;
		words = xrealloc(words, cap_words * sizeof(*words));
	}
	words[n_words++] = w;
}

/*
 * The words of one seed.  A word broken at a line end ("aanlei-" and
 * "ding") is joined again, as naast's parser does.
 */
static void
read_words(const char *path)
{
	FILE *fp = fopen(path, "rb");
	struct xbuf text = { 0 };
	char chunk[8192];
	size_t got;
	const char *p, *end;

	if (!fp)
		bench_die("cannot read '%s': %s", path, strerror(errno));
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		xbuf_add(&text, chunk, got);
	fclose(fp);
	p = text.s;
	end = text.s + text.n;
	while (p < end) {
		const char *s, *e;
		struct xbuf joined = { 0 };

		while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
			p++;
		s = p;
		while (p < end && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
			p++;
		e = p;
		if (s == e)
			break;
		/* "aanlei-" at the end of a line: the word goes on on the next. */
		if (e[-1] == '-' && e - s > 2 && p < end) {
			const char *q = p;

			while (q < end && *q == ' ')
				q++;
			if (q < end && *q == '\n') {
				while (q < end && (*q == ' ' || *q == '\n'))
					q++;
				if (q < end && *q >= 'a' && *q <= 'z') {
					xbuf_add(&joined, s, (size_t)(e - s - 1));
					s = q;
					while (q < end && *q != ' ' && *q != '\n')
						q++;
					xbuf_add(&joined, s, (size_t)(q - s));
					p = q;
					add_word(joined.s, joined.n);
					free(joined.s);
					continue;
				}
			}
		}
		add_word(s, (size_t)(e - s));
	}
	free(text.s);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads every .txt file of dir, in name order. */
static void
read_corpus(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (!d)
		bench_die("cannot read the corpus '%s': %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0) {
			names = xrealloc(names, (n + 1) * sizeof(*names));
			names[n++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	if (n == 0)
		bench_die("no .txt documents in '%s'", dir);
	qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		read_words(path);
		free(names[i]);
	}
	free(names);
	if (n_words < 100)
		bench_die("too few words in '%s'", dir);

	/*
	 * A capital that only starts a sentence of the seeds ("Het", "Dat")
	 * goes when the word also occurs in lower case: running text draws
	 * words in any place.
	 */
	{
		char **sorted = xmalloc(n_words * sizeof(*sorted));

		memcpy(sorted, words, n_words * sizeof(*sorted));
		qsort(sorted, n_words, sizeof(*sorted), cmp_str);
		for (size_t i = 0; i < n_words; i++) {
			char *w = words[i], *lower;

			if (!(w[0] >= 'A' && w[0] <= 'Z') || (w[1] >= 'A' && w[1] <= 'Z'))
				continue;
			lower = xstrdup(w);
			lower[0] = (char)(lower[0] - 'A' + 'a');
			if (bsearch(&lower, sorted, n_words, sizeof(*sorted), cmp_str))
				w[0] = lower[0];
			free(lower);
		}
		free(sorted);
	}
}

/*
 * Running text mixes the short words of the seeds (de, het, van, een:
 * drawn as often as the seeds use them) with the content words of its
 * subject.  Each set (and letter) takes its own few content words from
 * all those of the seeds, evenly, so that a content word occurs in about
 * one set in ten, as words of a subject do in a real archive, not in
 * nearly every passage as in three seeds on one subject.
 */
#define SHORT_WORD 4		/* bytes: at most this is a short word */
#define TOPIC_MIN 80
#define TOPIC_MAX 150

static const char **short_words;	/* with repeats: as often as in the seeds */
static size_t n_short;
static const char **content_words;	/* each once */
static size_t n_content;
static const char *topic_words[TOPIC_MAX];
static size_t n_topic;

static void
split_vocabulary(void)
{
	char **sorted = xmalloc(n_words * sizeof(*sorted));

	short_words = xmalloc(n_words * sizeof(*short_words));
	content_words = xmalloc(n_words * sizeof(*content_words));
	for (size_t i = 0; i < n_words; i++)
		if (strlen(words[i]) <= SHORT_WORD)
			short_words[n_short++] = words[i];
	memcpy(sorted, words, n_words * sizeof(*sorted));
	qsort(sorted, n_words, sizeof(*sorted), cmp_str);
	for (size_t i = 0; i < n_words; i++)
		if (strlen(sorted[i]) > SHORT_WORD &&
		    (n_content == 0 || strcmp(content_words[n_content - 1], sorted[i]) != 0))
			content_words[n_content++] = sorted[i];
	free(sorted);
	if (n_short < 10 || n_content < TOPIC_MAX)
		bench_die("the seeds have too few words");
}

/* The content words of a new subject. */
static void
new_topic(void)
{
	n_topic = (size_t)TOPIC_MIN + below(TOPIC_MAX - TOPIC_MIN + 1);
	for (size_t i = 0; i < n_topic; i++)
		topic_words[i] = content_words[below((unsigned)n_content)];
}

static const char *
word(void)
{
	if (n_topic == 0 || chance(50))
		return short_words[below((unsigned)n_short)];
	return topic_words[below((unsigned)n_topic)];
}

/* A content word of at least min bytes, lower case ASCII letters only. */
static const char *
plain_word(size_t min)
{
	for (;;) {
		const char *w = content_words[below((unsigned)n_content)];
		size_t n = strlen(w);
		bool ok = n >= min;

		for (size_t i = 0; ok && i < n; i++)
			ok = w[i] >= 'a' && w[i] <= 'z';
		if (ok)
			return w;
	}
}

/* ---------------------------------------------------------------- people */

struct ministry {
	const char *code, *name;
};

/* The ministries of recent cabinets, named as assets/ministries.tsv names them. */
static const struct ministry ministries[] = {
	{ "AZ", "Algemene Zaken" },
	{ "BZK", "Binnenlandse Zaken en Koninkrijksrelaties" },
	{ "BZ", "Buitenlandse Zaken" },
	{ "DEF", "Defensie" },
	{ "EZK", "Economische Zaken en Klimaat" },
	{ "FIN", "Financiën" },
	{ "IenW", "Infrastructuur en Waterstaat" },
	{ "JenV", "Justitie en Veiligheid" },
	{ "LNV", "Landbouw, Natuur en Voedselkwaliteit" },
	{ "OCW", "Onderwijs, Cultuur en Wetenschap" },
	{ "SZW", "Sociale Zaken en Werkgelegenheid" },
	{ "VWS", "Volksgezondheid, Welzijn en Sport" },
};
#define N_MINISTRIES ((int)COUNT(ministries))

static const char *const surnames[] = {
	"Jansen", "De Vries", "Van Dijk", "Bakker", "Visser", "Smit", "Meijer",
	"De Boer", "Mulder", "De Groot", "Bos", "Vos", "Peters", "Hendriks",
	"Van Leeuwen", "Dekker", "Brouwer", "De Wit", "Dijkstra", "Smits",
	"De Graaf", "Van der Meer", "Van der Linden", "Kok", "Jacobs", "De Haan",
	"Vermeulen", "Van den Berg", "Van der Heijden", "Schouten", "Van Beek",
	"Willems", "Van Vliet", "Van de Ven", "Hoekstra", "Maas", "Verhoeven",
	"Koster", "Van Dam", "Van der Wal", "Prins", "Blom", "Huisman", "Peeters",
	"De Jong", "Kuipers", "Van Veen", "Post", "Kuiper", "Veenstra", "Kramer",
	"Van den Brink", "Scholten", "Van Wijk", "Postma", "Martens", "Vink",
	"De Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker", "Van Loon",
	"Boer", "Van der Veen", "Willemsen", "Kostić", "Öztürk", "Çelik",
};

static const char *const parties[] = {
	"VVD", "PVV", "CDA", "D66", "GroenLinks-PvdA", "SP", "JA21", "BBB",
	"NSC", "PvdD", "ChristenUnie", "SGP", "DENK", "Volt", "FvD",
};

static const char *const months[] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december",
};

/* The minister of a ministry in a year: one per ministry and cabinet. */
static const char *
minister_of(int m, int year)
{
	return surnames[(unsigned)(m * 7 + (year / 4) * 13) % COUNT(surnames)];
}

static const char *
junior_of(int m, int year)
{
	return surnames[(unsigned)(m * 11 + (year / 4) * 17 + 5) % COUNT(surnames)];
}

/* ------------------------------------------------------------------- dates */

struct date {
	int y, m, d;
};

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long
days_of(struct date t)
{
	int y = t.y - (t.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (t.m + (t.m > 2 ? -3 : 9)) + 2) / 5 + t.d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (long)doe - 719468;
}

static struct date
date_of(long z)
{
	long era, y;
	unsigned doe, yoe, doy, mp;
	struct date t;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	t.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	t.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	t.y = (int)(y + (t.m <= 2));
	return t;
}

/* "15 februari 2024" */
static void
date_dutch(struct xbuf *b, struct date t)
{
	xbuf_printf(b, "%d %s %d", t.d, months[t.m - 1], t.y);
}

/* "2023–2024": the vergaderjaar (September to September) of a date. */
static void
vergaderjaar(struct xbuf *b, struct date t)
{
	int first = t.m >= 9 ? t.y : t.y - 1;

	xbuf_printf(b, "%d\u2013%d", first, first + 1);
}

/* --------------------------------------------------------------- sentences */

/* Openings of the vragen of the seeds. */
static const char *const openers[] = {
	"Kunt u aangeven", "Deelt u de mening dat", "Is het waar dat",
	"Bent u bekend met", "Wat is uw reactie op", "Zijn er plannen om",
	"Kunt u toezeggen dat", "Beseft u dat", "Hoe beoordeelt u",
	"Welke maatregelen neemt u om", "Waarom is", "Kunt u toelichten of",
};

static void
capitalize(char *s)
{
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
}

/* n words of running text, a comma now and then. */
static void
add_words(struct xbuf *b, int n)
{
	const char *prev = NULL;

	for (int i = 0; i < n; i++) {
		const char *w = word();

		if (prev && strcmp(prev, w) == 0)
			w = word();
		if (i > 0)
			xbuf_puts(b, i > 2 && i < n - 2 && chance(8) ? ", " : " ");
		xbuf_puts(b, w);
		prev = w;
	}
}

/* A sentence of an answer. */
static char *
sentence(void)
{
	struct xbuf b = { 0 };
	char *s;

	add_words(&b, between(7, 24));
	xbuf_puts(&b, ".");
	s = xbuf_finish(&b);
	capitalize(s);
	return s;
}

/* The text of a vraag: one to three sentences, the last a question. */
static char *
vraag_text(const char *topic)
{
	struct xbuf b = { 0 };
	int n = between(1, 3);

	for (int i = 0; i < n; i++) {
		size_t at;

		if (i > 0)
			xbuf_puts(&b, " ");
		at = b.n;
		if (i == n - 1) {
			xbuf_puts(&b, openers[below(COUNT(openers))]);
			xbuf_puts(&b, " ");
			if (topic)
				xbuf_printf(&b, "de %s ", topic);
			add_words(&b, between(5, 16));
			xbuf_puts(&b, "?");
		} else {
			add_words(&b, between(8, 20));
			xbuf_puts(&b, ".");
			capitalize(b.s + at);
		}
	}
	return xbuf_finish(&b);
}

/* ---------------------------------------------------------------- the sets */

/* A paragraph: its sentences. */
struct para {
	char **s;
	int n;
};

struct answer {
	struct para *p;
	int n;
};

struct gset {
	int index;		/* 1, 2, ... in the order written */
	int n_vragen;
	int answering[MAX_ANSWERING];	/* ministry indexes, in the order of the documents */
	int n_answering;
	int addressed[N_MINISTRIES];	/* ministry indexes: the answering ones and more */
	int n_addressed;
	const char *questioners[3], *qparties[3];
	int n_questioners;
	char *subject;
	char *topic;		/* a compound that only this set uses: the rare word */
	struct date submitted;
	char *vragen[MAX_VRAGEN];
	struct answer base[MAX_VRAGEN];	/* the answer the others vary */
};

static void
para_free(struct para *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->s[i]);
	free(p->s);
	memset(p, 0, sizeof(*p));
}

static void
answer_free(struct answer *a)
{
	for (int i = 0; i < a->n; i++)
		para_free(&a->p[i]);
	free(a->p);
	memset(a, 0, sizeof(*a));
}

static void
para_add(struct para *p, char *s)
{
	p->s = xrealloc(p->s, (size_t)(p->n + 1) * sizeof(*p->s));
	p->s[p->n++] = s;
}

static struct para *
answer_para(struct answer *a)
{
	a->p = xrealloc(a->p, (size_t)(a->n + 1) * sizeof(*a->p));
	memset(&a->p[a->n], 0, sizeof(a->p[0]));
	return &a->p[a->n++];
}

/* A new answer of paras paragraphs of lo to hi sentences. */
static void
answer_new(struct answer *a, int paras, int lo, int hi)
{
	memset(a, 0, sizeof(*a));
	for (int i = 0; i < paras; i++) {
		struct para *p = answer_para(a);
		int n = between(lo, hi);

		for (int j = 0; j < n; j++)
			para_add(p, sentence());
	}
}

/* A one-sentence answer. */
static void
answer_short(struct answer *a, int vraag)
{
	struct para *p;

	memset(a, 0, sizeof(*a));
	p = answer_para(a);
	if (vraag > 1 && chance(50)) {
		char s[64];

		snprintf(s, sizeof(s), "Zie het antwoord op vraag %d.", between(1, vraag - 1));
		para_add(p, xstrdup(s));
	} else {
		para_add(p, xstrdup(chance(50) ? "Ja." : "Nee."));
	}
}

/* s with one word changed: what two ministries' versions of a sentence differ by. */
static char *
sentence_changed(const char *s)
{
	const char *sp[64];
	int n = 0;
	struct xbuf b = { 0 };
	const char *at;
	int k;

	for (const char *p = strchr(s, ' '); p && n < 64; p = strchr(p + 1, ' '))
		sp[n++] = p;
	if (n < 2)
		return xstrdup(s);
	k = between(0, n - 2);
	at = strchr(sp[k] + 1, ' ');
	xbuf_add(&b, s, (size_t)(sp[k] - s + 1));
	xbuf_puts(&b, word());
	xbuf_puts(&b, at ? at : "");
	return xbuf_finish(&b);
}

/*
 * A ministry's answer: the base one with some sentences kept, some
 * replaced and some changed by a word, as answers of one set are.
 */
static void
answer_vary(struct answer *out, const struct answer *base, int keep)
{
	memset(out, 0, sizeof(*out));
	for (int i = 0; i < base->n; i++) {
		struct para *p = answer_para(out);

		for (int j = 0; j < base->p[i].n; j++) {
			const char *s = base->p[i].s[j];
			unsigned r = below(100);
			/* "Ja.", "Zie het antwoord op vraag 2.": as they are. */
			bool fixed = strcmp(s, "Ja.") == 0 || strcmp(s, "Nee.") == 0 ||
			    strncmp(s, "Zie het antwoord", 16) == 0;

			if (fixed || r < (unsigned)keep)
				para_add(p, xstrdup(s));
			else if (r < (unsigned)keep + (100 - (unsigned)keep) / 2)
				para_add(p, sentence_changed(s));
			else
				para_add(p, sentence());
		}
		/* Now and then a ministry says one thing more. */
		if (chance(15))
			para_add(p, sentence());
	}
}

static void
answer_copy(struct answer *out, const struct answer *in)
{
	memset(out, 0, sizeof(*out));
	for (int i = 0; i < in->n; i++) {
		struct para *p = answer_para(out);

		for (int j = 0; j < in->p[i].n; j++)
			para_add(p, xstrdup(in->p[i].s[j]));
	}
}

/* 1 to 5 answering ministries, few often and many seldom. */
static int
how_many_answer(void)
{
	unsigned r = below(100);

	return r < 45 ? 1 : r < 70 ? 2 : r < 85 ? 3 : r < 95 ? 4 : 5;
}

static bool
has(const int *v, int n, int x)
{
	for (int i = 0; i < n; i++)
		if (v[i] == x)
			return true;
	return false;
}

/*
 * A new set.  answering and vragen: 0 draws them.  long_first: the
 * answers to vraag 1 fill a screen.
 */
static void
set_new(struct gset *g, int index, int answering, int vragen, bool long_first)
{
	struct xbuf b = { 0 };
	long day;

	memset(g, 0, sizeof(*g));
	new_topic();
	g->index = index;
	g->n_vragen = vragen ? vragen : between(5, MAX_VRAGEN);
	g->n_answering = answering ? answering : how_many_answer();
	for (int i = 0; i < g->n_answering; i++) {
		int m;

		do
			m = (int)below(N_MINISTRIES);
		while (has(g->answering, i, m));
		g->answering[i] = m;
	}
	/* Addressed: AZ first when asked, then the others in table order. */
	{
		int extra = between(0, 3), want[N_MINISTRIES] = { 0 };

		for (int i = 0; i < g->n_answering; i++)
			want[g->answering[i]] = 1;
		for (int i = 0; i < extra; i++)
			want[below(N_MINISTRIES)] = 1;
		for (int m = 0; m < N_MINISTRIES; m++)
			if (want[m])
				g->addressed[g->n_addressed++] = m;
	}
	g->n_questioners = chance(75) ? 1 : between(2, 3);
	for (int i = 0; i < g->n_questioners; i++) {
		const char *q;

		do
			q = surnames[below(COUNT(surnames))];
		while (i > 0 && (q == g->questioners[0] || q == g->questioners[i > 1 ? 1 : 0]));
		g->questioners[i] = q;
		g->qparties[i] = parties[below(COUNT(parties))];
	}
	day = days_of((struct date){ 1995, 1, 1 }) + (long)below(30 * 365);
	g->submitted = date_of(day);

	xbuf_puts(&b, plain_word(5));
	xbuf_puts(&b, plain_word(5));
	g->topic = xbuf_finish(&b);
	b = (struct xbuf){ 0 };
	add_words(&b, between(3, 8));
	xbuf_printf(&b, " en de %s", g->topic);
	g->subject = xbuf_finish(&b);
	for (int i = 0; i < g->n_vragen; i++) {
		g->vragen[i] = vraag_text(i == 0 ? g->topic : NULL);
		if (long_first && i == 0)
			answer_new(&g->base[i], 5, 8, 10);
		else if (i > 0 && chance(12))
			answer_short(&g->base[i], i + 1);
		else
			answer_new(&g->base[i], between(1, 3), 2, 4);
	}
}

/*
 * The set whose documents are the oldest of the corpus (received in
 * 1994, before every other) and hold the best match of OLDEST_WORD, a
 * word common everywhere: each one's answer to vraag 2 says it four
 * times in one short sentence (emit_set).  bench/run's query "oldest"
 * tells whether best first reaches back to them.  Only the date changes
 * here, after set_new has made its draws.
 */
#define OLDEST_SET 3
#define OLDEST_WORD "bestuurders"

static void
set_make_oldest(struct gset *g)
{
	g->submitted = (struct date){ 1994, 6, 1 };
}

/* a becomes the one sentence that makes OLDEST_WORD's best match. */
static void
answer_plant(struct answer *a)
{
	answer_free(a);
	para_add(answer_para(a), xstrdup("Bestuurders, " OLDEST_WORD
	    " en nog eens " OLDEST_WORD ": het gaat om de " OLDEST_WORD "."));
}

static void
set_free(struct gset *g)
{
	free(g->subject);
	free(g->topic);
	for (int i = 0; i < g->n_vragen; i++) {
		free(g->vragen[i]);
		answer_free(&g->base[i]);
	}
}

/* ------------------------------------------------------------ the headers */

/* "de Minister-President en de Ministers van A, van B en van C" */
static void
addressees(struct xbuf *b, const struct gset *g)
{
	int first = 0, others;

	if (g->addressed[0] == 0) {
		xbuf_puts(b, "de Minister-President");
		first = 1;
	}
	others = g->n_addressed - first;
	if (others == 0)
		return;
	if (first)
		xbuf_puts(b, " en ");
	xbuf_puts(b, others == 1 ? "de Minister van " : "de Ministers van ");
	for (int i = first; i < g->n_addressed; i++) {
		if (i > first)
			xbuf_puts(b, i == g->n_addressed - 1 ? " en van " : ", van ");
		xbuf_puts(b, ministries[g->addressed[i]].name);
	}
}

/* "Vragen van het lid X (P) aan ... over SUBJECT (ingezonden D)." */
static void
questions_header(struct xbuf *b, const struct gset *g, bool markdown)
{
	const char *bold = markdown ? "**" : "", *it = markdown ? "*" : "";

	xbuf_puts(b, g->n_questioners == 1 ? "Vragen van het lid " : "Vragen van de leden ");
	for (int i = 0; i < g->n_questioners; i++) {
		if (i > 0)
			xbuf_puts(b, i == g->n_questioners - 1 ? " en " : ", ");
		xbuf_printf(b, "%s%s%s (%s)", bold, g->questioners[i], bold, g->qparties[i]);
	}
	xbuf_puts(b, " aan ");
	addressees(b, g);
	xbuf_printf(b, " over %s%s%s (ingezonden ", it, g->subject, it);
	date_dutch(b, g->submitted);
	xbuf_puts(b, ").");
}

struct gdoc {
	const struct gset *set;
	int ministry;
	bool junior;		/* a staatssecretaris answers too */
	struct date received;
	int aanhangsel;
	int see_also;		/* "Zie ook Aanhangsel ..., nr. N", 0: none */
	struct date see_also_date;
	struct answer answers[MAX_VRAGEN];
};

/* "Antwoord van Minister X (M) en van Staatssecretaris Y (M) (ontvangen D)." */
static void
answer_header(struct xbuf *b, const struct gdoc *d, bool markdown)
{
	const struct ministry *m = &ministries[d->ministry];
	const char *bold = markdown ? "**" : "";
	int year = d->set->submitted.y;

	if (d->ministry == 0)
		xbuf_printf(b, "Antwoord van Minister-President %s%s%s (%s)", bold,
		    minister_of(0, year), bold, m->name);
	else
		xbuf_printf(b, "Antwoord van Minister %s%s%s (%s)", bold,
		    minister_of(d->ministry, year), bold, m->name);
	if (d->junior)
		xbuf_printf(b, " en van Staatssecretaris %s%s%s (%s)", bold,
		    junior_of(d->ministry, year), bold, m->name);
	xbuf_puts(b, " (ontvangen ");
	date_dutch(b, d->received);
	xbuf_puts(b, ").");
	if (d->see_also) {
		xbuf_puts(b, " Zie ook Aanhangsel Handelingen, vergaderjaar ");
		vergaderjaar(b, d->see_also_date);
		xbuf_printf(b, ", nr. %d.", d->see_also);
	}
}

/* -------------------------------------------------------------- pdftext */

/*
 * The printed column of seed 000: lines of about WIDTH characters, each
 * ending in a space; a long word that does not fit is sometimes broken
 * with a hyphen; every PAGE_LINES lines a running footer and the blank
 * lines of a page break.
 */
#define WIDTH 78
#define PAGE_LINES 52

struct page {
	FILE *fp;
	int lines, page;
	struct date when;
	bool fresh;		/* the next line starts a page */
};

static void
put_line(struct page *pg, const char *s, size_t n, bool trail)
{
	if (pg->lines == PAGE_LINES) {
		struct xbuf b = { 0 };

		vergaderjaar(&b, pg->when);
		fprintf(pg->fp, "\nTweede Kamer, vergaderjaar %s, Aanhangsel %d\n\n\n\n",
		    b.s, ++pg->page);
		free(b.s);
		pg->lines = 0;
		pg->fresh = true;
	}
	if (pg->fresh && n > 0)
		fputc(' ', pg->fp);
	pg->fresh = false;
	fwrite(s, 1, n, pg->fp);
	fputs(trail ? " \n" : "\n", pg->fp);
	pg->lines++;
}

static bool
vowel(char c)
{
	return strchr("aeiouy", c) != NULL;	/* y as naast's parser counts it */
}

/*
 * Where to break word w[0, n) so that its first part with a hyphen fits
 * in room characters: between two consonants or a vowel and a consonant,
 * never where Dutch would keep the hyphen (a vowel on both sides, y
 * counted as one);
 * 0 when there is no such place.
 */
static size_t
break_at(const char *w, size_t n, size_t room)
{
	for (size_t k = 0; k < n; k++)
		if (w[k] < 'a' || w[k] > 'z')
			return 0;
	for (size_t i = n - 3; i >= 3; i--) {
		if (i + 1 <= room && !(vowel(w[i - 1]) && vowel(w[i])) &&
		    !vowel(w[i]))
			return i;
	}
	return 0;
}

/*
 * Wraps text into lines.  The words "op vraag N" are kept on one line
 * so that no line starts with "vraag N.", which is a heading.
 */
static void
put_wrapped(struct page *pg, const char *text)
{
	struct xbuf line = { 0 };
	const char *p = text;

	while (*p) {
		const char *s = p, *e;
		size_t n, lw;

		while (*p == ' ')
			p++;
		s = p;
		e = strchr(p, ' ');
		e = e ? e : p + strlen(p);
		if ((size_t)(e - s) == 2 && strncmp(s, "op", 2) == 0 &&
		    strncmp(e, " vraag ", 7) == 0) {
			e += 7;
			while (*e && *e != ' ')
				e++;
		}
		n = (size_t)(e - s);
		p = e;
		if (n == 0)
			break;
		lw = width(line.s ? line.s : "", line.n);
		if (line.n > 0 && lw + 1 + width(s, n) > WIDTH) {
			size_t cut = 0;

			if (n >= 9 && lw + 6 < WIDTH && chance(50))
				cut = break_at(s, n, WIDTH - lw - 2);
			if (cut) {
				xbuf_puts(&line, " ");
				xbuf_add(&line, s, cut);
				xbuf_puts(&line, "-");
				put_line(pg, line.s, line.n, false);
				line.n = 0;
				xbuf_add(&line, s + cut, n - cut);
				continue;
			}
			put_line(pg, line.s, line.n, true);
			line.n = 0;
		}
		if (line.n > 0)
			xbuf_puts(&line, " ");
		xbuf_add(&line, s, n);
	}
	if (line.n > 0)
		put_line(pg, line.s, line.n, true);
	free(line.s);
}

/* A paragraph of sentences as one string. */
static char *
para_text(const struct para *p)
{
	struct xbuf b = { 0 };

	for (int i = 0; i < p->n; i++) {
		if (i > 0)
			xbuf_puts(&b, " ");
		xbuf_puts(&b, p->s[i]);
	}
	return xbuf_finish(&b);
}

static void
write_pdftext(FILE *fp, const struct gdoc *d)
{
	struct page pg = { .fp = fp, .when = d->received, .fresh = true };
	struct xbuf b = { 0 };

	questions_header(&b, d->set, false);
	put_wrapped(&pg, b.s);
	put_line(&pg, "", 0, false);
	b.n = 0;
	answer_header(&b, d, false);
	put_wrapped(&pg, b.s);
	free(b.s);
	for (int i = 0; i < d->set->n_vragen; i++) {
		char head[32];

		put_line(&pg, "", 0, false);
		snprintf(head, sizeof(head), "Vraag %d", i + 1);
		put_line(&pg, head, strlen(head), false);
		put_wrapped(&pg, d->set->vragen[i]);
		put_line(&pg, "", 0, false);
		snprintf(head, sizeof(head), "Antwoord %d", i + 1);
		put_line(&pg, head, strlen(head), false);
		for (int j = 0; j < d->answers[i].n; j++) {
			char *t = para_text(&d->answers[i].p[j]);

			put_wrapped(&pg, t);
			free(t);
		}
	}
}

/* ------------------------------------------------------------- markdown */

/* The Markdown of the publication prints ' where the PDF prints ’. */
static void
put_md(FILE *fp, const char *s)
{
	for (; *s; s++) {
		if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
		    (unsigned char)s[2] == 0x99) {
			fputc('\'', fp);
			s += 2;
		} else {
			fputc(*s, fp);
		}
	}
}

static void
write_markdown(FILE *fp, const struct gdoc *d)
{
	struct xbuf b = { 0 };
	bool bare = chance(30);	/* "Vraag 3" without a heading mark, as seed 001 has too */

	fputs("\n\n## Vragen gesteld door de leden der Kamer, met de daarop door de"
	    " regering gegeven antwoorden\n\n", fp);
	fprintf(fp, "### %d\n\n", d->aanhangsel);
	questions_header(&b, d->set, true);
	put_md(fp, b.s);
	fputs("\n\n", fp);
	b.n = 0;
	answer_header(&b, d, true);
	put_md(fp, b.s);
	fputs("\n\n", fp);
	free(b.s);
	for (int i = 0; i < d->set->n_vragen; i++) {
		const char *mark = bare && i % 3 == 2 ? "" : "#### ";

		fprintf(fp, "%sVraag %d\n\n", mark, i + 1);
		put_md(fp, d->set->vragen[i]);
		fprintf(fp, "\n\n%sAntwoord %d\n\n", mark, i + 1);
		for (int j = 0; j < d->answers[i].n; j++) {
			char *t = para_text(&d->answers[i].p[j]);

			put_md(fp, t);
			fputs("\n\n", fp);
			free(t);
		}
	}
}

/* --------------------------------------------------------------- letters */

#define LETTER_WIDTH 88

static void
put_letter_para(FILE *fp, const char *text)
{
	const char *p = text;
	size_t col = 0;

	while (*p) {
		const char *e = strchr(p, ' ');
		size_t n = e ? (size_t)(e - p) : strlen(p), w = width(p, n);

		if (col > 0 && col + 1 + w > LETTER_WIDTH) {
			fputs(" \n", fp);
			col = 0;
		}
		if (col > 0) {
			fputc(' ', fp);
			col++;
		}
		fwrite(p, 1, n, fp);
		col += w;
		p += n;
		while (*p == ' ')
			p++;
	}
	fputs(" \n", fp);
}

/* A letter to bewindspersonen, as seed 004: epigraph, salutation, body, closing. */
static void
write_letter(FILE *fp)
{
	int addressees = between(1, 4), paras = between(4, 8);
	struct xbuf b = { 0 };

	new_topic();

	if (chance(40)) {
		int lines = between(2, 4);

		for (int i = 0; i < lines; i++) {
			b.n = 0;
			add_words(&b, between(3, 6));
			capitalize(b.s);
			if (i == 0)
				fprintf(fp, " \"%s, \n", b.s);
			else if (i < lines - 1)
				fprintf(fp, "%s, \n", b.s);
			else
				fprintf(fp, "%s\" \n", b.s);
		}
		fprintf(fp, "\n%s \n\n", surnames[below(COUNT(surnames))]);
	}
	fputs(addressees == 1 ? "Geachte heer " : "Geachte mevrouw ", fp);
	for (int i = 0; i < addressees; i++) {
		if (i == 1)
			fputs(", en heren ", fp);
		else if (i > 1)
			fputs(i == addressees - 1 ? " en " : ", ", fp);
		fputs(surnames[below(COUNT(surnames))], fp);
	}
	fputs(", \n\n", fp);
	for (int i = 0; i < paras; i++) {
		int n = between(4, 9);

		b.n = 0;
		for (int j = 0; j < n; j++) {
			char *s = sentence();

			if (j > 0)
				xbuf_puts(&b, " ");
			xbuf_puts(&b, s);
			free(s);
		}
		put_letter_para(fp, b.s);
		fputs("\n", fp);
	}
	fputs("Hoogachtend, \n", fp);
	free(b.s);
}

/* ----------------------------------------------------------------- output */

struct out {
	const char *dir;
	FILE *manifest;
	int written, wanted;
	int letters, sets;
	unsigned long long bytes;
	int next_aanhangsel;
};

static FILE *
open_doc(struct out *o, char *path, size_t size)
{
	FILE *fp;

	o->written++;
	snprintf(path, size, "%s/docs/%06d.txt", o->dir, o->written);
	fp = fopen(path, "wb");
	if (!fp)
		bench_die("cannot write '%s': %s", path, strerror(errno));
	return fp;
}

static long
close_doc(struct out *o, FILE *fp, const char *path)
{
	long n = ftell(fp);

	if (fclose(fp) != 0 || n < 0)
		bench_die("cannot write '%s': %s", path, strerror(errno));
	o->bytes += (unsigned long long)n;
	return n;
}

static void
emit_letter(struct out *o)
{
	char path[4096];
	FILE *fp = open_doc(o, path, sizeof(path));
	long n;

	write_letter(fp);
	n = close_doc(o, fp, path);
	o->letters++;
	fprintf(o->manifest, "%06d.txt\tletter\tletter\t0\t\t\t%ld\n", o->written, n);
}

static void
write_doc(FILE *fp, const struct gdoc *d, bool markdown)
{
	if (markdown)
		write_markdown(fp, d);
	else
		write_pdftext(fp, d);
}

/* The documents of one set, one per answering ministry (fewer at the end). */
static void
emit_set(struct out *o, struct gset *g)
{
	long day = days_of(g->submitted);
	int first_aanhangsel = 0;
	struct date first_received = { 0, 0, 0 };

	o->sets++;
	for (int i = 0; i < g->n_answering && o->written < o->wanted; i++) {
		struct gdoc d;
		char path[4096];
		FILE *fp;
		bool markdown = chance(50);
		long n;

		memset(&d, 0, sizeof(d));
		d.set = g;
		d.ministry = g->answering[i];
		d.junior = d.ministry != 0 && chance(20);
		day += between(7, 30);
		d.received = date_of(day);
		d.aanhangsel = o->next_aanhangsel++;
		if (o->next_aanhangsel > 3999)
			o->next_aanhangsel = 1;
		if (i > 0 && markdown && chance(50)) {
			d.see_also = first_aanhangsel;
			d.see_also_date = first_received;
		}
		for (int v = 0; v < g->n_vragen; v++) {
			if (i == 0)
				answer_copy(&d.answers[v], &g->base[v]);
			else if (v > 0 && chance(6))
				answer_short(&d.answers[v], v + 1);
			else
				answer_vary(&d.answers[v], &g->base[v], between(40, 85));
		}
		if (i == 0) {
			first_aanhangsel = d.aanhangsel;
			first_received = d.received;
		}
		fp = open_doc(o, path, sizeof(path));
		if (g->index == OLDEST_SET && g->n_vragen > 1) {
			/*
			 * Writing draws too (hyphens): the generator goes on
			 * from where the answer as made would have left it,
			 * so that every later document stays as it was.
			 */
			FILE *sink = fopen("/dev/null", "w");
			uint64_t before = rng_state, after;

			if (!sink)
				bench_die("cannot open /dev/null: %s", strerror(errno));
			write_doc(sink, &d, markdown);
			fclose(sink);
			after = rng_state;
			rng_state = before;
			answer_plant(&d.answers[1]);
			write_doc(fp, &d, markdown);
			rng_state = after;
		} else {
			write_doc(fp, &d, markdown);
		}
		n = close_doc(o, fp, path);
		fprintf(o->manifest, "%06d.txt\tanswer\t%s\t%d\t%s\t%04d-%02d-%02d\t%ld\n",
		    o->written, markdown ? "markdown" : "pdftext", g->index,
		    ministries[d.ministry].code, d.received.y, d.received.m,
		    d.received.d, n);
		for (int v = 0; v < g->n_vragen; v++)
			answer_free(&d.answers[v]);
	}
}

/* ---------------------------------------------------------------- queries */

/*
 * The queries of the search benchmark, one a line, tab-separated:
 * label, kind, the text as typed into naast, naast's options ("-": none),
 * the FTS5 query naast makes of the text (bench/search checks it is
 * the one search.c makes), the floor's index ("fts", "stem"; "like" for
 * a part of a word, which the floor scans for; "-": no floor), the
 * floor's filter ("-": none) and the fixed string grep looks for ("-":
 * none).  A query of kind "related" names a file in its text: bench/search
 * asks for the passages like its longest passage.
 */
struct query {
	const char *label, *kind, *text, *options, *fts, *index, *filter, *grep;
};

static const struct query fixed_queries[] = {
	{ "ambtenaren", "common", "ambtenaren", "-", "\"ambtenaren\"", "fts", "-", "ambtenaren" },
	{ "bijeenkomsten", "common", "bijeenkomsten", "-", "\"bijeenkomsten\"", "fts", "-", "bijeenkomsten" },
	{ "werkvloer", "common", "werkvloer", "-", "\"werkvloer\"", "fts", "-", "werkvloer" },
	{ "ambtenarren (typo)", "typo", "ambtenarren", "-", "\"ambtenarren\"", "fts", "-", "ambtenarren" },
	{ "two words", "and", "ambtenaren neutraliteit", "-", "\"ambtenaren\" \"neutraliteit\"", "fts", "-", "neutraliteit" },
	{ "two words 2", "and", "politiek verantwoordelijkheid", "-", "\"politiek\" \"verantwoordelijkheid\"", "fts", "-", "verantwoordelijkheid" },
	{ "phrase", "phrase", "\"politiek neutraal\"", "-", "\"politiek neutraal\"", "fts", "-", "politiek neutraal" },
	{ "phrase 2", "phrase", "\"het antwoord op vraag\"", "-", "\"het antwoord op vraag\"", "fts", "-", "het antwoord op vraag" },
	{ "phrase 3", "phrase", "\"Aanhangsel Handelingen\"", "-", "\"Aanhangsel Handelingen\"", "fts", "-", "Aanhangsel Handelingen" },
	{ "prefix verkiez*", "prefix", "verkiez*", "-", "\"verkiez\"*", "fts", "-", "verkiez" },
	{ "prefix ambt*", "prefix", "ambt*", "-", "\"ambt\"*", "fts", "-", "ambt" },
	{ "prefix bijeen*", "prefix", "bijeen*", "-", "\"bijeen\"*", "fts", "-", "bijeen" },
	{ "filter ministry", "filter", "ambtenaren", "--ministry BZK", "\"ambtenaren\"", "fts", "ministry=BZK", "ambtenaren" },
	{ "filter ministry 2", "filter", "werkklimaat", "--ministry AZ", "\"werkklimaat\"", "fts", "ministry=AZ", "werkklimaat" },
	{ "filter letters", "filter", "ambtenaren", "--kind letter", "\"ambtenaren\"", "fts", "kind=letter", "ambtenaren" },
	{ "filter year", "filter", "bijeenkomsten", "--from 2010-01-01 --to 2010-12-31", "\"bijeenkomsten\"", "fts", "from=2010-01-01,to=2010-12-31", "bijeenkomsten" },
	{ "stem ambtenaar", "stem", "ambtenaar", "-", "\"ambtenaar\"", "stem", "-", "ambtenaar" },
};

/*
 * The paths that once scored or read every match (issue 17): one-letter
 * prefixes, newest first on the commonest word and on a one-letter
 * prefix, parts of words of 3 and 5 letters ("ordel" is in "oordelen"
 * and "verantwoordelijk"), the 15 commonest words of the corpus at once,
 * and the word whose best match is in the oldest set.
 */
static const struct query slow_queries[] = {
	{ "prefix a*", "prefix", "a*", "-", "\"a\"*", "fts", "-", "a" },
	{ "prefix v*", "prefix", "v*", "-", "\"v\"*", "fts", "-", "v" },
	{ "date de", "date", "de", "--sort date", "\"de\"", "fts", "sort=date", "de" },
	{ "date a*", "date", "a*", "--sort date", "\"a\"*", "fts", "sort=date", "a" },
	{ "substring ver", "substring", "ver", "--substring", "\"ver\"", "like", "-", "ver" },
	{ "substring ordel", "substring", "ordel", "--substring", "\"ordel\"", "like", "-", "ordel" },
	{ "fifteen words", "many", "de en van het een dat is op te in u bij om voor met", "-",
	  "\"de\" \"en\" \"van\" \"het\" \"een\" \"dat\" \"is\" \"op\" \"te\" \"in\" \"u\" \"bij\" \"om\" \"voor\" \"met\"",
	  "fts", "-", "met" },
	{ "oldest " OLDEST_WORD, "oldest", OLDEST_WORD, "-", "\"" OLDEST_WORD "\"", "fts", "-", OLDEST_WORD },
};

static void
put_query(FILE *fp, const struct query *q)
{
	fprintf(fp, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", q->label, q->kind,
	    q->text, q->options, q->fts, q->index, q->filter, q->grep);
}

static void
write_queries(const char *dir, char *const *topics, int n_topics, int docs)
{
	const int related[] = { 1, (docs + 1) / 2, docs };
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/queries.tsv", dir);
	fp = fopen(path, "w");
	if (!fp)
		bench_die("cannot write '%s': %s", path, strerror(errno));
	for (size_t i = 0; i < COUNT(fixed_queries); i++)
		put_query(fp, &fixed_queries[i]);
	/* Rare words: the compound that only one set uses. */
	for (int i = 0; i < n_topics; i++)
		fprintf(fp, "rare %d\trare\t%s\t-\t\"%s\"\tfts\t-\t%s\n", i + 1,
		    topics[i], topics[i], topics[i]);
	for (size_t i = 0; i < COUNT(slow_queries); i++)
		put_query(fp, &slow_queries[i]);
	/* Related: the first file, the middle one and the last. */
	for (size_t i = 0; i < COUNT(related); i++)
		fprintf(fp, "related %zu\trelated\t%06d.txt\t-\t-\t-\t-\t-\n",
		    i + 1, related[i]);
	if (fclose(fp) != 0)
		bench_die("cannot write '%s': %s", path, strerror(errno));
}

/* ----------------------------------------------------------------- shapes */

/*
 * The shapes of text that once took time quadratic in their size, each
 * one file of at most bytes: a letter of one-word paragraphs that each
 * go on the one before, the same in Markdown, questions of as many
 * questioners as fit, a letter to as many addressees, and questions
 * whose every vraag is headed "Vraag 1".  Then a pair of answers to one
 * vraag by two ministries, each as long, whose words all differ, and a
 * third answer, by the second ministry, with the words of the first but
 * one in a hundred (the diff's figures); and a pair in the most words
 * that fit, of one character each ("1 2 3 ... 9 0 1"), the second with
 * one in a hundred changed.  Each file is a head, a part repeated while
 * the file stays within bytes, and a tail.
 */
struct shape {
	const char *file;
	const char *head;
	const char *before, *after;	/* around the number of each repetition */
	const char *tail;
	bool distinct;		/* the number never repeats (else it counts to 999) */
	const char *changed;	/* instead of before, one time in a hundred */
	int cycle;		/* if not distinct, it counts to cycle - 1 (0: 1000) */
};

#define PAIR_HEAD(minister) \
	"Vragen van het lid Jansen (VVD) aan de Minister van Financi\xc3\xabn " \
	"en de Minister van Justitie en Veiligheid over belasting " \
	"(ingezonden 1 februari 2024).\n\nVraag 1\n\nWaarom?\n\n" \
	"Antwoord van " minister " (ontvangen 1 maart 2024).\n\n" \
	"Antwoord 1\n\n"

static const struct shape shapes[] = {
	{ "paragraphs.txt", "Geachte heer Jansen,\n\n", "woord", "\n\n",
	    "Hoogachtend,\n\nJan\n", false, NULL, 0 },
	{ "paragraphs.md", "# Brief\n\n", "alinea ", "\n\n", "", false, NULL, 0 },
	{ "questioners.txt", "Vragen van de leden ", "Lid", " (VVD), ",
	    "en Laatste (D66) aan de Minister van Financi\xc3\xabn over "
	    "belasting (ingezonden 1 februari 2024).\n\nVraag 1\n\n"
	    "Waarom?\n\nAntwoord 1\n\nDaarom.\n", false, NULL, 0 },
	{ "addressees.txt", "Geachte ", "heer Naam", ", ",
	    "en mevrouw Laatste,\n\nTekst.\n\nHoogachtend,\n\nJan\n", false, NULL, 0 },
	{ "headings.txt", "Vragen van het lid Jansen (VVD) aan de Minister "
	    "van Financi\xc3\xabn over belasting (ingezonden 1 februari "
	    "2024).\n\n", "Vraag 1\n\nWaarom ", "?\n\n", "", false, NULL, 0 },
	{ "pair-a.txt", PAIR_HEAD("minister Hoekstra (Financi\xc3\xabn)"), "a",
	    " ", "einde.\n", true, NULL, 0 },
	{ "pair-b.txt", PAIR_HEAD("minister Yesilg\xc3\xb6z-Zegerius "
	    "(Justitie en Veiligheid)"), "b", " ", "einde.\n", true, NULL, 0 },
	{ "pair-c.txt", PAIR_HEAD("minister Yesilg\xc3\xb6z-Zegerius "
	    "(Justitie en Veiligheid)"), "a", " ", "einde.\n", true, "c", 0 },
	{ "pair-d.txt", PAIR_HEAD("minister Hoekstra (Financi\xc3\xabn)"), "",
	    " ", "einde.\n", false, NULL, 10 },
	{ "pair-e.txt", PAIR_HEAD("minister Yesilg\xc3\xb6z-Zegerius "
	    "(Justitie en Veiligheid)"), "", " ", "einde.\n", false, "x", 10 },
};

static void
write_shapes(const char *dir, unsigned long bytes)
{
	char path[4096], part[64];

	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		bench_die("cannot create '%s': %s", dir, strerror(errno));
	for (size_t k = 0; k < COUNT(shapes); k++) {
		const struct shape *sh = &shapes[k];
		unsigned long n = strlen(sh->head) + strlen(sh->tail);
		FILE *fp;

		snprintf(path, sizeof(path), "%s/%s", dir, sh->file);
		if (!(fp = fopen(path, "w")))
			bench_die("cannot write '%s': %s", path, strerror(errno));
		fputs(sh->head, fp);
		for (int i = 1;; i++) {
			size_t len = (size_t)snprintf(part, sizeof(part), "%s%d%s",
			    sh->changed && i % 100 == 50 ? sh->changed : sh->before,
			    sh->distinct ? i : i % (sh->cycle ? sh->cycle : 1000), sh->after);

			if (n + len > bytes)
				break;
			fputs(part, fp);
			n += len;
		}
		fputs(sh->tail, fp);
		if (fclose(fp) != 0)
			bench_die("cannot write '%s': %s", path, strerror(errno));
		printf("%s %lu\n", sh->file, n);
	}
}

/* ------------------------------------------------------------------- main */

static void
usage(void)
{
	fputs("usage: gen --docs N --corpus DIR --out DIR\n"
	    "       gen --shapes DIR [--bytes N]\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *corpus = NULL, *dir = NULL;
	long docs = 0;
	struct out o = { 0 };
	const char *shapes_dir = NULL;
	unsigned long bytes = 8ul << 20;
	char path[4096], *topics[3] = { NULL, NULL, NULL };
	int topic_sets[3];

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--docs") == 0 && i + 1 < argc)
			docs = strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--shapes") == 0 && i + 1 < argc)
			shapes_dir = argv[++i];
		else if (strcmp(argv[i], "--bytes") == 0 && i + 1 < argc)
			bytes = strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--corpus") == 0 && i + 1 < argc)
			corpus = argv[++i];
		else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
			dir = argv[++i];
		else
			usage();
	}
	if (shapes_dir) {
		if (bytes < 1000)
			usage();
		write_shapes(shapes_dir, bytes);
		return 0;
	}
	if (docs < 10 || docs > 10000000 || !corpus || !dir)
		usage();
	read_corpus(corpus);
	split_vocabulary();

	snprintf(path, sizeof(path), "%s/docs", dir);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		bench_die("cannot create '%s': %s", dir, strerror(errno));
	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		bench_die("cannot create '%s': %s", path, strerror(errno));
	snprintf(path, sizeof(path), "%s/manifest.tsv", dir);
	o.manifest = fopen(path, "w");
	if (!o.manifest)
		bench_die("cannot write '%s': %s", path, strerror(errno));
	fputs("file\tkind\tformat\tset\tministry\tdate\tbytes\n", o.manifest);
	o.dir = dir;
	o.wanted = (int)docs;
	o.next_aanhangsel = 1;

	/* The sets whose compound is a rare word: spread over the corpus. */
	topic_sets[0] = 3;
	topic_sets[1] = (int)(docs / 6) > 4 ? (int)(docs / 6) : 4;
	topic_sets[2] = (int)(docs / 3) > 5 ? (int)(docs / 3) : 5;

	while (o.written < o.wanted) {
		struct gset g;
		int index = o.sets + 1;

		/* About one document in fifty is a letter. */
		if (o.written > 2 && chance(2)) {
			emit_letter(&o);
			continue;
		}
		if (index == 1)
			set_new(&g, index, 5, 15, false);
		else if (index == 2)
			set_new(&g, index, 4, 15, true);
		else
			set_new(&g, index, 0, 0, false);
		if (index == OLDEST_SET)
			set_make_oldest(&g);
		for (int t = 0; t < 3; t++)
			if (index == topic_sets[t])
				topics[t] = xstrdup(g.topic);
		emit_set(&o, &g);
		set_free(&g);
	}
	if (fclose(o.manifest) != 0)
		bench_die("cannot write the manifest: %s", strerror(errno));
	for (int t = 0; t < 3; t++)
		if (!topics[t])
			topics[t] = xstrdup("nergensgevonden");
	write_queries(dir, topics, 3, o.written);
	printf("docs %d sets %d letters %d bytes %llu\n", o.written, o.sets,
	    o.letters, o.bytes);
	for (int t = 0; t < 3; t++)
		free(topics[t]);
	for (size_t i = 0; i < n_words; i++)
		free(words[i]);
	free(words);
	free(short_words);
	free(content_words);
	return 0;
}
