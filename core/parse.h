/*
 * parse: from the bytes of a file to a struct document.
 *
 * One parser per source format, each in its own file, each listed once in
 * parser_table[] (parse.c).  A parser's probe says how sure it is that the
 * text is its format; parse_document picks the surest, or the one named by
 * --format.  A parser never drops text: what it cannot place becomes a
 * ROLE_OTHER passage and a warning.
 *
 * The shared helpers below read the parts that all formats have in common
 * once the markup is gone: the "Vragen van ..." and "Antwoord van ..."
 * headers, and the splitting of raw text into lines.
 */
#ifndef NAAST_PARSE_H
#define NAAST_PARSE_H

#include <stddef.h>

#include "model.h"
#include "status.h"
#include "xalloc.h"

/*
 * The version of what the parsers make of a text, stored with each
 * document.  Raise it whenever a change makes any parser read some text
 * differently: documents of an older version are then read again from
 * their stored text (naast reparse).
 */
#define PARSE_VERSION 2

struct parser {
	const char *name;
	/* 0: not this format; higher: surer.  raw is valid UTF-8. */
	int (*probe)(const char *raw, size_t len);
	/* Fills doc (doc->raw is set); fails only on text it cannot read at all. */
	enum status (*parse)(struct document *doc, struct error *err);
};

extern const struct parser parser_pdftext;
extern const struct parser parser_markdown;
extern const struct parser parser_letter;

/*
 * Says whether word, folded as the full-text index folds its words
 * (text_fold with TEXT_FOLD_CASE | TEXT_FOLD_MARKS: "emissiefactoren"), is
 * a word that naast knows from other documents; ctx is the caller's.
 * Parsing asks it and never opens a store itself.
 */
typedef bool parse_known_word_fn(void *ctx, const char *word);

struct parse_options {
	const char *format;		/* a parser's name; NULL: detect */
	parse_known_word_fn *known;	/* NULL: only the document's own words */
	void *known_ctx;
};

/*
 * Parses the text raw: picks the parser (format NULL: detect) and parses.
 * raw must be text, not empty, without NUL bytes, in UTF-8, which is
 * checked (the bytes of a PDF are refused with a message that tells to
 * import the file); a file goes through import_paths (import.h), which
 * judges its bytes first and extracts a PDF's text.  On success *out is a
 * new document that the caller frees with model_free.
 */
enum status parse_document(const char *raw, size_t len, const char *format,
    struct document **out, struct error *err);
/*
 * The same, with options.  After the parser, every parser's text gets the
 * same last step: a word that a converter broke at a line end and then
 * flattened onto one line ("emissiefacto-ren", "declaratiesys- teem" inside
 * a line of the file) is joined when the joined form occurs elsewhere in
 * the document or is known (opts->known), and the hyphenated form occurs
 * nowhere else; a hyphen written by the author ("functie-uitoefening",
 * "Noord-Holland", a word broken inside a printed line) stays.
 */
enum status parse_document_opts(const char *raw, size_t len,
    const struct parse_options *opts, struct document **out,
    struct error *err);

/*
 * The chamber a document's own lines name (its cover, running footer or
 * identifier, each a line of its own): CHAMBER_UNKNOWN when they name
 * none, or both.
 */
enum chamber parse_chamber(const char *raw, size_t len);

/* The parser called name, or NULL. */
const struct parser *parse_find(const char *name);
/* "pdftext, markdown, letter": for messages and --help. */
const char *parse_format_list(void);

/*
 * The numbers of a publication, for every format.
 */

/*
 * A vergaderjaar as printed at s[*i] (i < n): "2023–2024", "2023-2024",
 * "2023/2024", "2023/24", or squeezed by a converter to "20232024" or
 * "2023 2024"; the second year follows the first.  Writes it as the
 * Handelingen cite it, "2023/24", and moves *i past it; false (and *i
 * unmoved) when there is none.
 */
bool parse_vergaderjaar(const char *s, size_t n, size_t *i,
    char year[DATE_VERGADERJAAR_SIZE]);

/*
 * The identifier of an Aanhangsel printed at the foot of its first page,
 * "ah-tk-20232024-387" ("ah-ek-" for the Eerste Kamer), and the forms that
 * converters squeeze it into: lower case without punctuation, "ah tk
 * 20232024 387", even without its first letter, "h tk 20232024 387".  At
 * the start of s[0, n): its document number (> 0), *len the bytes read
 * and year its vergaderjaar ("2023/24"); 0 when s does not begin with one
 * that ends a word.
 */
int parse_pubid(const char *s, size_t n, size_t *len,
    char year[DATE_VERGADERJAAR_SIZE]);

/*
 * The vergaderjaar that a piece of page furniture prints: the running
 * footer "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", the cover
 * line "Vergaderjaar 2023–2024", the identifier "ah-tk-20232024-387", in
 * any case.  Only for text already known to be furniture: a footnote may
 * cite another year ("Tweede Kamer, vergaderjaar 2022–2023, 26 485").
 */
bool parse_furniture_year(const char *s, size_t n,
    char year[DATE_VERGADERJAAR_SIZE]);

/*
 * The page furniture of a published Aanhangsel, which every conversion of
 * it carries between its words.
 */

/*
 * Length of the running footer that starts s[0, n), 0 when none:
 * "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel" with the page number
 * and the publication number that some printings add.  A footnote such as
 * "Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424" is not one.
 */
size_t parse_footer_len(const char *s, size_t n);
/* parse_pubid as the whole of s[0, n): the document number, else 0. */
int parse_pubid_number(const char *s, size_t n);
/*
 * Whether s[0, n) is a line of the cover or colophon, or an identifier:
 * the Aanhangsel's, or the Zaak number the questions print.
 */
bool parse_is_furniture(const char *s, size_t n);
/*
 * Length of the one piece of page furniture that starts s[0, n), 0 when
 * none; *footer when it is the running footer.  Pieces stand side by side
 * on one line ("Vergaderjaar 2023–2024   Aanhangsel van de Handelingen")
 * or glued to what follows ("…Aanhangsel 1Vraag 3"): the caller takes
 * them off one by one and keeps what follows.
 */
size_t parse_furniture_item(const char *s, size_t n, bool *footer);

/*
 * Whether s[0, n) is a line that a converter puts between pages: a
 * thematic break of three or more '-', '*' or '_' ("-----", "* * *"),
 * or form feeds alone.
 */
bool parse_page_break(const char *s, size_t n);

/*
 * Whether a combining mark begins s[0, n): what is taken out of a text
 * before one (a footnote marker) would leave it on another character.
 */
bool parse_combining_at(const char *s, size_t n);

/* One line of the raw text: bytes [start, end), without "\r\n". */
struct line {
	size_t start, end;
};

/* Splits doc->raw into lines; returns their number, *lines is allocated. */
size_t parse_lines(const struct document *doc, struct line **lines);

/*
 * Reads the question header, with line breaks already joined and markup
 * removed: "Vragen van het lid Eerdmans (JA21) aan de Minister-President en
 * de Ministers van ..., van ... over SUBJECT (ingezonden 29 januari 2024)."
 * Sets questioners, addressed, subject and submitted (replacing any earlier
 * values).  Returns false without a warning when text does not begin with
 * "Vragen van" (so callers may try it on any paragraph), false with a
 * warning when it begins so but cannot be read.  Unknown ministries and a
 * missing subject or date are warned about; the rest is still read.
 */
bool parse_header_questions(struct document *doc, const char *text);

/*
 * Reads the answer header: "Antwoord van Minister-President Rutte (Algemene
 * Zaken) (ontvangen 15 februari 2024)." with any "en van Staatssecretaris X
 * (...)", "mede namens ..." and a trailing "Zie ook Aanhangsel Handelingen,
 * vergaderjaar 2023–2024, nr. 1047."  Sets signatories, ministry, received
 * and see_also (replacing any earlier values); the ministry is the first
 * signatory's.  The header of a mededeling ("Mededeling van Minister X
 * (...) (ontvangen D).", sent instead of an answer) is read the same way.
 * Returns false without a warning when text begins with neither, false
 * with a warning when no bewindspersoon can be read from it.
 */
bool parse_header_answer(struct document *doc, const char *text);

/*
 * Paragraph helpers that the formats share.
 */

/*
 * True when a paragraph that ends with prev goes on in one that begins with
 * next: prev does not end a sentence (. ? ! : ; or an ellipsis, maybe
 * followed by closing quotes or brackets) and next begins with a lower-case
 * letter.  A blank line or page break between them is then not the end of
 * a paragraph ("De in het" / "antwoord op vraag 1 genoemde ...").
 */
bool parse_continues(const char *prev, const char *next);
/* parse_continues for a prev of len bytes. */
bool parse_continues_len(const char *prev, size_t len, const char *next);

/*
 * Paragraphs joined in one pass over a list: the paragraph that the last
 * join grew keeps its length and room here (an xbuf over its text), so
 * that joining n paragraphs onto one costs their length once, not n
 * times the length so far (a text of 200,000 one-word lines that each go
 * on the one before).  Start each pass with { 0 }; until it ends, no
 * paragraph's text is freed or replaced but through these functions.
 */
struct parse_join {
	struct xbuf para;	/* para.s: the paragraph last grown, or NULL */
};

/* The length of prev, a paragraph of the pass. */
size_t parse_join_len(const struct parse_join *j, const char *prev);
/* Joins next onto *prev with a space: *prev may move, next is freed. */
void parse_join_append(struct parse_join *j, char **prev, char *next);
/*
 * Joins next onto *prev with a space when parse_continues says that the
 * paragraph goes on: *prev is then replaced and next freed (both are
 * allocated strings).  Returns whether it joined.
 */
bool parse_join_continued(struct parse_join *j, char **prev, char *next);

/* How a line that ends in a hyphen goes on into the next line. */
enum parse_joint {
	PARSE_JOINT_JOIN,	/* "aanlei-" + "ding": the hyphen goes */
	PARSE_JOINT_KEEP,	/* "functie-" + "uitoefening": the hyphen stays */
	PARSE_JOINT_KEEP_SPACE,	/* "aanloop-" + "en": the hyphen stays, then a space */
};

/*
 * Says whether the document writes "left-right" with its hyphen elsewhere;
 * ctx is the parser's.
 */
typedef bool parse_attested_fn(void *ctx, const char *left, size_t nl,
    const char *right, size_t nr);

/*
 * The Dutch rule for a word broken at a line end: left[0, nl) is the word
 * before the hyphen (without it and without opening marks), right[0, nr)
 * the word that begins the next line (without quotes and punctuation).
 * The hyphen goes, except where Dutch spelling writes one: a vowel on both
 * sides (klinkerbotsing, "functie-uitoefening"), a capital after it
 * ("Noord-Holland") or before it ("EU-landen"), a digit or anything but a
 * letter next to it ("CO2-uitstoot"), and a form the document itself
 * writes with the hyphen (attested; may be NULL).  "aanloop- en" and
 * "aanloop- of" keep the hyphen and the space.
 */
enum parse_joint parse_hyphen_joint(const char *left, size_t nl,
    const char *right, size_t nr, parse_attested_fn *attested, void *ctx);

#endif
