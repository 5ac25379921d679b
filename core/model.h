/*
 * model: one parsed document in memory.
 *
 * A parser turns the raw bytes of a file into a struct document: header
 * metadata (who asked, who answers, when) and a list of passages, the
 * paragraphs that naast shows, searches, selects and exports.  The raw text
 * is kept as it was; every passage records the byte range of the raw text
 * it came from (start, end), while its text is the cleaned form: page
 * furniture and markup removed, hyphenated line breaks joined, lines
 * rewrapped.  The author's words are never corrected.
 *
 * Memory: a document owns everything it points to, including its copy of
 * the raw text; model_free() releases it all.  Strings are UTF-8, NFC.
 */
#ifndef NAAST_MODEL_H
#define NAAST_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "i18n.h"
#include "ministry.h"
#include "sha256.h"

/*
 * The names of kinds and roles are what JSON says and key files and
 * the database read back: they never change with the language.  They
 * are marked N_ so that the interface can show them translated,
 * _(model_role_name(role)).
 */
#define DOC_KIND_INFO(_) \
	_(UNKNOWN,   N_("unknown")) \
	_(ANSWER,    N_("answer")) \
	_(LETTER,    N_("letter")) \
	_(QUESTIONS, N_("questions")) \
	_(MEDEDELING, N_("mededeling"))

enum doc_kind {
#define DOC_KIND_ENUM(name, str) DOC_##name,
	DOC_KIND_INFO(DOC_KIND_ENUM)
#undef DOC_KIND_ENUM
	N_DOC_KINDS		/* not a kind: how many there are, for loops */
};

/*
 * What a passage is.  OTHER is text the parser could not place: it is kept
 * (nothing is dropped) and a warning says so.  FOOTNOTE is the store's:
 * the text of a footnote kept as a passage of its own, so that search
 * finds it (store.c); a parser gives footnotes with their passage
 * (struct footnote), never as passages.
 */
#define ROLE_INFO(_) \
	_(HEADER,      N_("header")) \
	_(VRAAG,       N_("vraag")) \
	_(ANTWOORD,    N_("antwoord")) \
	_(EPIGRAPH,    N_("epigraph")) \
	_(ATTRIBUTION, N_("attribution")) \
	_(SALUTATION,  N_("salutation")) \
	_(BODY,        N_("body")) \
	_(CLOSING,     N_("closing")) \
	_(OTHER,       N_("other")) \
	_(FOOTNOTE,    N_("footnote"))

enum role {
#define ROLE_ENUM(name, str) ROLE_##name,
	ROLE_INFO(ROLE_ENUM)
#undef ROLE_ENUM
	N_ROLES			/* not a role: how many there are, for loops */
};

/*
 * A footnote of a passage: the marker printed in its text ("afhalen?1"),
 * which the passage's text no longer has, and the footnote's own text.
 */
struct footnote {
	char *marker;		/* as printed: "1" */
	char *text;		/* cleaned text, without its number */
	size_t at;		/* byte offset in passage.text where the marker stood */
	size_t start, end;	/* byte range of the footnote in document.raw */
};

struct passage {
	enum role role;
	int vraag;		/* vraag number for VRAAG and ANTWOORD, else 0 */
	int vraag_to;		/* last vraag of a combined "Vraag 10 en 11", else = vraag */
	char *text;		/* cleaned text, one paragraph, no newlines */
	size_t start, end;	/* byte range in document.raw */
	struct footnote *footnotes;	/* in the order of their markers */
	size_t n_footnotes;
};

struct questioner {
	char *name;		/* "Eerdmans", "Van der Plas" */
	char *party;		/* "JA21"; NULL when not given */
};

struct signatory {
	char *name;		/* "Rutte" */
	char *role;		/* "Minister-President", "Minister", "Staatssecretaris" */
	char *ministry;		/* code, "AZ"; NULL when unknown */
	char *portfolio;	/* "Fiscaliteit en Douane" of "(Financiën – Fiscaliteit en Douane)"; NULL when none */
	char **on_behalf_of;	/* ministry codes of "mede namens" */
	size_t n_on_behalf_of;
	/*
	 * The ministry as the header writes it, "Financiën – Fiscaliteit en
	 * Douane": ministry groups, a citation quotes this.  NULL when the
	 * header names none.
	 */
	char *written;
	/*
	 * The "mede namens" list as the header writes it, "de Minister voor
	 * Rechtsbescherming en de Staatssecretaris van Financiën": a
	 * citation quotes this.  NULL when there is none.
	 */
	char *on_behalf_written;
};

/* A reference to another publication: "Zie ook Aanhangsel ..., nr. 1047". */
struct pubref {
	int nr;
	char *year;		/* vergaderjaar as written, "2023–2024"; may be NULL */
};

/*
 * A parse warning, one line for the user.  text is what it says in
 * English, which --json gives; format and args say it again in the
 * user's language: format is the English msgid that model_warn was
 * given, args its arguments as text, each ended by WARNING_ARG_END.
 * format and args are NULL for a warning stored before naast kept them
 * (schema 10): its English text is all there is.
 */
struct warning {
	char *text;
	char *format;
	char *args;
};
#define WARNING_ARG_END '\x1f'	/* ASCII unit separator */

struct document {
	enum doc_kind kind;
	const char *format;	/* name of the parser that read it (static) */
	char *raw;		/* the file's bytes, NUL-terminated */
	size_t raw_len;
	/*
	 * When raw is text extracted from the file (a PDF), the SHA-256 (hex)
	 * of the file's own bytes: the same file imported again is then the
	 * same document whatever the extractor's version.  "" when raw is
	 * the file.
	 */
	char source_sha256[SHA256_HEX_SIZE];
	/* raw is the text extracted from a PDF: the better form of a document. */
	bool from_pdf;

	/* Question set (answers and questions). */
	char *subject;
	struct questioner *questioners;
	size_t n_questioners;
	char **addressed;	/* ministry codes, in the header's order, each once */
	size_t n_addressed;
	/*
	 * NULL, or n_addressed entries: the code of the portfolio through
	 * which the header addresses each ministry ("de Minister voor
	 * Klimaat en Energie": KenE, under EZK), NULL where it names the
	 * ministry itself.
	 */
	char **addressed_portfolio;
	char submitted[DATE_ISO_SIZE];	/* ISO date "2024-01-29", "" when unknown */

	/* Answer. */
	char *ministry;		/* code of the answering ministry */
	char received[DATE_ISO_SIZE];	/* ISO date, "" when unknown */
	/*
	 * The document number of the Aanhangsel that the document prints (in
	 * its header, its identifier "ah-tk-20232024-387"), 0 when it cannot
	 * be established; never a page number.
	 */
	int aanhangsel;
	/*
	 * The vergaderjaar that the document prints with it (its running
	 * footer, cover or identifier), as the Handelingen cite it,
	 * "2023/24"; "" when it prints none.  Never derived from a date.
	 */
	char vergaderjaar[DATE_VERGADERJAAR_SIZE];
	/*
	 * The chamber whose Handelingen publish it, as the document shows it
	 * (its identifier "ah-ek-...", its cover "Eerste Kamer der
	 * Staten-Generaal"): an Aanhangsel number is one of that chamber's.
	 */
	enum chamber {
		CHAMBER_UNKNOWN,
		CHAMBER_EK,	/* Eerste Kamer: Handelingen I */
		CHAMBER_TK,	/* Tweede Kamer: Handelingen II */
	} chamber;
	/*
	 * What the Tweede Kamer's open data says of a fetched document
	 * (fetch.h), NULL for a file: the Zaak it belongs to ("2024Z01294"),
	 * its Id, its document number ("2024D05678") and its KOOP id
	 * ("ah-tk-20232024-1059").
	 */
	char *zaak, *tk_id, *tk_number, *koop_id;
	struct signatory *signatories;
	size_t n_signatories;
	struct pubref *see_also;
	size_t n_see_also;
	int n_vragen;		/* highest vraag number found */

	/* Letter. */
	char **addressees;
	size_t n_addressees;
	char *epigraph_author;
	char *salutation;
	char *closing;

	struct passage *passages;
	size_t n_passages;

	struct warning *warnings;	/* what the parser could not read */
	size_t n_warnings;

	size_t cap_passages, cap_warnings;	/* private to model.c */
};

struct document *model_new(const char *raw, size_t len);
void model_free(struct document *doc);

/* Appends a passage; takes ownership of text.  Returns it. */
struct passage *model_add_passage(struct document *doc, enum role role,
    int vraag, char *text, size_t start, size_t end);
/* Appends a footnote to p; takes ownership of marker and text. */
struct footnote *model_add_footnote(struct passage *p, char *marker,
    char *text, size_t at, size_t start, size_t end);
void model_footnotes_free(struct footnote *f, size_t n);
/*
 * text with the marker of each footnote put back where it stood, as "[1]",
 * for people to read (the stored text has no markers).  Caller frees.
 */
char *model_marked_text(const char *text, const struct footnote *f, size_t n);
/*
 * Appends a warning: fmt is a literal in English (xgettext takes it for
 * the catalogue) with the conversions d, i, u, c and s, the length
 * modifiers of d, i and u, and the precision of s ("%.60s"); no width,
 * no '*'.
 */
void model_warn(struct document *doc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * Warning w in the user's language: its format through gettext with its
 * arguments, or its English text when it has no format.  Newly
 * allocated.
 */
char *model_warning_say(const struct warning *w);
/* Frees the n warnings of v and v. */
void model_warnings_free(struct warning *v, size_t n);
/* Appends s to the string array *v of *n entries; takes ownership of s. */
void model_strv_add(char ***v, size_t *n, char *s);
void model_strv_free(char **v, size_t n);
/* Orders two entries of a string array by strcmp, for qsort and bsearch. */
int model_strv_cmp(const void *a, const void *b);
/* Free arrays of n questioners, signatories, publication references. */
void model_questioners_free(struct questioner *q, size_t n);
void model_signatories_free(struct signatory *s, size_t n);
void model_pubrefs_free(struct pubref *r, size_t n);
/* Deep copies of n questioners, signatories; free with the functions above. */
struct questioner *model_questioners_copy(const struct questioner *q, size_t n);
struct signatory *model_signatories_copy(const struct signatory *s, size_t n);

const char *model_role_name(enum role role);
/*
 * The role named name in *out; false when name (which may be NULL, as a
 * database column read back may be) names none.
 */
bool model_role_from_name(const char *name, enum role *out);
const char *model_kind_name(enum doc_kind kind);
/* A document's file name without the directories it was imported from. */
const char *model_origin_name(const char *origin);

#endif
