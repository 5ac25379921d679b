/*
 * json_record: the records naast writes as JSON.  See json_record.h.
 */
#include "config.h"

#include <stdlib.h>

#include "json_record.h"

void
json_record_questioners(struct json *j, const struct questioner *q, size_t n)
{
	json_array_begin(j);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(j);
		json_kv_string(j, "name", q[i].name);
		json_kv_string(j, "party", q[i].party);
		json_object_end(j);
	}
	json_array_end(j);
}

void
json_record_signatories(struct json *j, const struct signatory *s, size_t n)
{
	json_array_begin(j);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(j);
		json_kv_string(j, "name", s[i].name);
		json_kv_string(j, "role", s[i].role);
		json_kv_string(j, "ministry", s[i].ministry);
		if (s[i].portfolio)
			json_kv_string(j, "portfolio", s[i].portfolio);
		json_kv_strv(j, "on_behalf_of", s[i].on_behalf_of, s[i].n_on_behalf_of);
		json_object_end(j);
	}
	json_array_end(j);
}

void
json_record_footnotes(struct json *j, const struct footnote *f, size_t n)
{
	json_array_begin(j);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(j);
		json_kv_string(j, "marker", f[i].marker);
		json_kv_string(j, "text", f[i].text);
		json_kv_int(j, "at", (long long)f[i].at);
		json_object_end(j);
	}
	json_array_end(j);
}

/* ------------------------------------------------------------------- sets */

/* The answers (or mededelingen) of a set: which document, when, which nr. */
static void
set_documents(struct json *j, const char *key, const struct set_answer *docs,
    size_t n)
{
	json_key(j, key);
	json_array_begin(j);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(j);
		json_kv_int(j, "doc", docs[i].doc);
		json_kv_string(j, "ministry", docs[i].ministry);
		json_kv_nonempty(j, "received", docs[i].received);
		json_kv_int_or_null(j, "aanhangsel", docs[i].aanhangsel);
		json_kv_nonempty(j, "tk_document", docs[i].tk_number);
		json_kv_nonempty(j, "koop_id", docs[i].koop_id);
		json_key(j, "warnings");
		json_array_begin(j);
		for (size_t k = 0; k < docs[i].n_warnings; k++)
			json_string(j, docs[i].warnings[k].text);
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

void
json_record_set(struct json *j, const struct set_info *set)
{
	json_object_begin(j);
	json_kv_int(j, "id", set->id);
	json_kv_nonempty(j, "zaak", set->zaak);
	json_kv_string(j, "subject", set->subject);
	json_key(j, "questioners");
	json_record_questioners(j, set->questioners, set->n_questioners);
	json_kv_nonempty(j, "submitted", set->submitted);
	json_kv_strv(j, "addressed", set->addressed, set->n_addressed);
	/* Who says so: the open data ("Gericht aan"), or the header. */
	json_kv_string(j, "addressed_from", set->addressed_official ?
	    "open data" : "header");
	json_kv_int(j, "questions", set->n_questions);
	json_kv_int_or_null(j, "aanhangsel", set->aanhangsel);
	set_documents(j, "answers", set->answers, set->n_answers);
	/* Mededelingen: a delay, or an answer given elsewhere. */
	set_documents(j, "notices", set->notices, set->n_notices);
	json_kv_strv(j, "unanswered", set->unanswered, set->n_unanswered);
	/*
	 * "N/M beantwoord": N, and each addressed ministry (the M) with the
	 * portfolio it was addressed through and who answered it, itself or
	 * a successor.
	 */
	json_kv_int(j, "answered", set->answered);
	json_key(j, "coverage");
	json_array_begin(j);
	for (size_t i = 0; i < set->n_coverage; i++) {
		const struct set_coverage *c = &set->coverage[i];

		json_object_begin(j);
		json_kv_string(j, "ministry", c->ministry);
		json_kv_nonempty(j, "portfolio", c->portfolio);
		json_kv_nonempty(j, "answered_by", c->answered_by);
		json_key(j, "succession");
		json_bool(j, c->succession);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

void
json_record_letter(struct json *j, const struct letter_info *l)
{
	json_object_begin(j);
	json_kv_int(j, "doc", l->doc);
	json_kv_string(j, "origin", l->origin);
	json_kv_strv(j, "addressees", l->addressees, l->n_addressees);
	json_kv_string(j, "salutation", l->salutation);
	json_kv_string(j, "closing", l->closing);
	json_kv_int(j, "paragraphs", l->paragraphs);
	json_object_end(j);
}

/* -------------------------------------------------------------- questions */

/* What an answer refers to: a vraag of its set, or another publication. */
static void
answer_refs(struct json *j, const struct answer_view *a)
{
	json_key(j, "refs");
	json_array_begin(j);
	for (size_t k = 0; k < a->n_refs; k++) {
		json_object_begin(j);
		json_kv_int(j, "vraag", a->refs[k]);
		json_object_end(j);
	}
	for (size_t k = 0; k < a->n_pubrefs; k++) {
		json_object_begin(j);
		json_kv_int(j, "aanhangsel", a->pubrefs[k].aanhangsel);
		json_kv_string(j, "vergaderjaar", a->pubrefs[k].vergaderjaar);
		json_kv_int_or_null(j, "doc", a->pubrefs[k].doc);
		json_object_end(j);
	}
	json_array_end(j);
}

static void
answer(struct json *j, const struct answer_view *a)
{
	json_object_begin(j);
	json_kv_string(j, "ministry", a->ministry);
	json_kv_int(j, "doc", a->doc);
	json_key(j, "signatories");
	json_record_signatories(j, a->signatories, a->n_signatories);
	json_key(j, "paragraphs");
	json_array_begin(j);
	for (size_t k = 0; k < a->n_paragraphs; k++) {
		const struct paragraph *p = &a->paragraphs[k];

		json_object_begin(j);
		json_kv_int(j, "id", p->id);
		json_kv_string(j, "text", p->text);
		json_key(j, "footnotes");
		json_record_footnotes(j, p->footnotes, p->n_footnotes);
		json_object_end(j);
	}
	json_array_end(j);
	/* The vragen this answer serves together ("Antwoord 3, 4 en 5"). */
	json_key(j, "vragen");
	json_array_begin(j);
	for (int v = a->vraag_from; v <= a->vraag_to; v++)
		json_int(j, v);
	json_array_end(j);
	answer_refs(j, a);
	json_object_end(j);
}

void
json_record_question(struct json *j, const struct question_view *q)
{
	json_object_begin(j);
	json_kv_int(j, "number", q->number);
	json_kv_string(j, "text", q->text);
	json_key(j, "footnotes");
	json_record_footnotes(j, q->footnotes, q->n_footnotes);
	json_key(j, "answers");
	json_array_begin(j);
	for (size_t i = 0; i < q->n_answers; i++)
		answer(j, &q->answers[i]);
	json_array_end(j);
	json_object_end(j);
}

/* --------------------------------------------------------------- passages */

void
json_record_hit(struct json *j, const struct search_hit *h)
{
	json_object_begin(j);
	json_kv_int(j, "passage", h->passage);
	json_kv_int(j, "doc", h->doc);
	json_kv_int_or_null(j, "set", h->set);
	json_kv_int_or_null(j, "vraag", h->vraag);
	json_kv_nonempty(j, "ministry", h->ministry);
	json_kv_string(j, "role", model_role_name(h->role));
	/* A footnote's hit: whose footnote it is. */
	if (h->role == ROLE_FOOTNOTE && h->note_of) {
		json_key(j, "footnote");
		json_object_begin(j);
		json_kv_string(j, "marker", h->marker);
		json_kv_string(j, "of", model_role_name(h->note_of_role));
		json_kv_int(j, "passage", h->note_of);
		json_object_end(j);
	}
	json_kv_string(j, "snippet", h->snippet ? h->snippet : "");
	json_kv_string(j, "origin", h->origin);
	json_kv_nonempty(j, "title", h->title);
	json_kv_nonempty(j, "date", h->date);
	json_kv_string(j, "kind", model_kind_name(h->kind));
	/* A vraag asked alike of several ministries: the other answers' passages. */
	json_key(j, "ministries");
	json_array_begin(j);
	if (h->ministry[0])
		json_string(j, h->ministry);
	for (size_t i = 0; i < h->n_same; i++)
		if (h->same[i].ministry[0])
			json_string(j, h->same[i].ministry);
	json_array_end(j);
	json_key(j, "same");
	json_array_begin(j);
	for (size_t i = 0; i < h->n_same; i++) {
		json_object_begin(j);
		json_kv_int(j, "passage", h->same[i].passage);
		json_kv_int(j, "doc", h->same[i].doc);
		json_kv_nonempty(j, "ministry", h->same[i].ministry);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "substring");
	json_bool(j, h->substring);
	json_kv_double(j, "score", h->score);
	json_object_end(j);
}

void
json_record_passage_members(struct json *j, const struct export_item *it)
{
	char *cite = export_citation(it);

	json_kv_int(j, "passage", it->passage);
	json_kv_int(j, "doc", it->doc);
	json_kv_string(j, "kind", model_kind_name(it->kind));
	json_kv_string(j, "role", model_role_name(it->role));
	if (it->role == ROLE_FOOTNOTE && it->marker) {
		json_key(j, "footnote");
		json_object_begin(j);
		json_kv_string(j, "marker", it->marker);
		json_kv_string(j, "of", model_role_name(it->note_of));
		json_object_end(j);
	}
	json_kv_int_or_null(j, "set", it->set);
	json_kv_int_or_null(j, "vraag", it->vraag);
	if (it->vraag_to > it->vraag)
		json_kv_int(j, "vraag_to", it->vraag_to);
	json_kv_string(j, "subject", it->subject);
	json_key(j, "questioners");
	json_record_questioners(j, it->questioners, it->n_questioners);
	json_kv_nonempty(j, "submitted", it->submitted);
	json_kv_string(j, "vraag_text", it->vraag_text);
	json_key(j, "vraag_footnotes");
	json_record_footnotes(j, it->vraag_footnotes, it->n_vraag_footnotes);
	json_kv_nonempty(j, "ministry", it->ministry);
	json_key(j, "signatories");
	json_record_signatories(j, it->signatories, it->n_signatories);
	json_kv_nonempty(j, "received", it->received);
	json_kv_int_or_null(j, "aanhangsel", it->aanhangsel);
	json_kv_strv(j, "addressees", it->addressees, it->n_addressees);
	json_kv_int_or_null(j, "paragraph", it->paragraph);
	json_kv_string(j, "origin", it->origin ? model_origin_name(it->origin) : NULL);
	json_kv_string(j, "citation", cite);
	json_kv_string(j, "text", it->text);
	json_key(j, "footnotes");
	json_record_footnotes(j, it->footnotes, it->n_footnotes);
	json_kv_string(j, "note", it->note);
	free(cite);
}
