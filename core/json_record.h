/*
 * json_record: one writer for each kind of record that naast writes as
 * JSON, so that a signatory, a set or a passage reads the same in
 * `show --json`, `list --json`, `search --json`, `select list --json`
 * and the JSON export.  The keys are DESIGN.md section 5's: keys may be
 * added, never renamed.  A key whose value naast does not know is null
 * (json_kv_int_or_null, json_kv_nonempty), except a signatory's
 * portfolio, which is left out when there is none, as the contract shows
 * a signatory.  Strings are sanitised once, by json_string.
 *
 * Each function writes one value where the writer stands (after a key,
 * or in an array); nothing is kept.
 */
#ifndef NAAST_JSON_RECORD_H
#define NAAST_JSON_RECORD_H

#include "export.h"
#include "json.h"
#include "model.h"
#include "store.h"

/* [{"name":"Eerdmans","party":"JA21"}] */
void json_record_questioners(struct json *j, const struct questioner *q, size_t n);
/*
 * [{"name":"Rutte","role":"Minister-President","ministry":"AZ",
 *   "on_behalf_of":[]}], with "portfolio" after the ministry when known.
 */
void json_record_signatories(struct json *j, const struct signatory *s, size_t n);
/* [{"marker":"1","text":"...","at":42}] */
void json_record_footnotes(struct json *j, const struct footnote *f, size_t n);
/* A question set as list shows it: id, subject, questioners, answers, ... */
void json_record_set(struct json *j, const struct set_info *set);
/* A letter as list shows it: doc, origin, addressees, salutation, ... */
void json_record_letter(struct json *j, const struct letter_info *l);
/* A vraag as show gives it: its text, its footnotes and each ministry's answer. */
void json_record_question(struct json *j, const struct question_view *q);
/*
 * A search hit: passage, doc, set, vraag, ministry, role, snippet, ...;
 * a footnote's also "footnote":{"marker":"1","of":"vraag","passage":12},
 * the passage it belongs to.
 */
void json_record_hit(struct json *j, const struct search_hit *h);
/*
 * The members of a passage as the JSON export gives it, with where it
 * stands, its signatories and its citation, written into an object the
 * caller opened (select list puts the position in the basket first).
 */
void json_record_passage_members(struct json *j, const struct export_item *it);

#endif
