/*
 * store_sql: the table of naast's SQL statements, store_sql_text, each
 * prepared once per connection on first use (sql() in store_db.h).  The
 * schema they read is in store.c.
 */
#include "config.h"

#include "store_db.h"

/*
 * A document received within a vergaderjaar "Y–Y+1" (which runs from
 * September to September) matches a reference to that year; either side
 * unknown matches any year.  Y is the vergaderjaar's first year, R the
 * received date (SQL expressions, NULL when unknown).
 */
#define YEAR_MATCHES(Y, R) \
	"(" Y " IS NULL OR " R " IS NULL OR " R " BETWEEN " \
	"printf('%04d-09-01', " Y ") AND printf('%04d-09-30', " Y " + 1))"

/*
 * References to publications live in two tables: pubref (a header's "Zie
 * ook Aanhangsel ..., nr. 1047") and xref (the same words inside an
 * answer).  Both are resolved by the same two rules, so that they cannot
 * drift apart: PUB_TARGET when the reference comes in (the first document
 * already here other than the referring one, SELF, with Aanhangsel number
 * NR of the vergaderjaar whose first year is YF), PUB_RESOLVE when the
 * publication comes in after it (?1 the new document, ?2 its Aanhangsel
 * number, ?3 its received date; NOT_SELF keeps the new document's own
 * references out).
 */
#define PUB_TARGET(NR, YF, SELF) \
	"(SELECT id FROM document WHERE aanhangsel = " NR " AND id <> " SELF \
	" AND " YEAR_MATCHES(YF, "received") " ORDER BY id LIMIT 1)"
#define PUB_RESOLVE(TABLE, NR, YF, NOT_SELF) \
	"UPDATE " TABLE " SET resolved = ?1 WHERE " NR " = ?2 AND resolved IS NULL" \
	" AND " NOT_SELF " AND " YEAR_MATCHES(YF, "?3")

/* A row's key in each order; N is its id. */
#define KEY_DATE(D, N) "printf('%s %019d', " D ", " N ")"
#define KEY_TITLE(T, N) T " || char(1) || printf('%019d', " N ")"

/* What store_same.c reads of a document that may be the same as another. */
#define SAME_COLUMNS "id, origin, format, from_pdf, fingerprint"

/* The answers of set ?1: the latest received date, '' when none. */
#define SET_RECEIVED \
	"coalesce((SELECT max(received) FROM document" \
	" WHERE set_id = ?1 AND kind = 'answer'), '')"

/* The columns of a struct library_row, in the order store_library.c reads them. */
#define LIBRARY_COLUMNS \
	"id, coalesce(set_id, document), set_id IS NOT NULL, doc_kind, title," \
	" who, submitted, received, answered, addressed, n_questions, warnings"

/*
 * The filter: up to LIBRARY_WORDS LIKE patterns in ?1..?8, each NULL when
 * unused.  An unused one costs a comparison with NULL per row, and one
 * statement serves every number of words.
 */
#define LIKE_WORD(N) "(" N " IS NULL OR search LIKE " N " ESCAPE '\\')"
#define LIBRARY_FILTER \
	LIKE_WORD("?1") " AND " LIKE_WORD("?2") " AND " LIKE_WORD("?3") " AND " \
	LIKE_WORD("?4") " AND " LIKE_WORD("?5") " AND " LIKE_WORD("?6") " AND " \
	LIKE_WORD("?7") " AND " LIKE_WORD("?8")

/*
 * A page in the order of KEY read in direction DIR, from the top or past
 * the key ?10 (CMP is < or >); ?9 is the limit.  The last column is the
 * row's key.
 */
#define LIBRARY_TOP(KEY, DIR) \
	"SELECT " LIBRARY_COLUMNS ", " KEY " FROM library WHERE " \
	LIBRARY_FILTER " ORDER BY " KEY " " DIR " LIMIT ?9"
#define LIBRARY_PAST(KEY, CMP, DIR) \
	"SELECT " LIBRARY_COLUMNS ", " KEY " FROM library WHERE " \
	KEY " " CMP " ?10 AND " LIBRARY_FILTER " ORDER BY " KEY " " DIR \
	" LIMIT ?9"

/*
 * Full-text search, on the one index passage_words (store.c).  A hit is
 * a passage with its tier (2: the words as typed found it, 1: only their
 * stems, 0: only words that contain a part typed) and its rank (bm25,
 * lower is better).  HIT_COLUMNS are what store_search.c reads, in this
 * order; the date of a document is its received date, else its set's
 * submitted date; the text is read only for hits on parts of words,
 * whose snippets store_search.c makes itself.
 */
#define HIT_DATE "coalesce(d.received, nullif(s.submitted, ''))"
#define HIT_COLUMNS_OF(TIER, R, TEXT) \
	"p.id, p.document, d.set_id, p.vraag, p.role, d.kind, d.ministry, " \
	HIT_DATE ", d.origin, " TIER ", " R ", " TEXT
#define HIT_JOIN_TO(T) \
	" JOIN passage p ON p.id = " T \
	" JOIN document d ON d.id = p.document" \
	" LEFT JOIN question_set s ON s.id = d.set_id"

/*
 * ?1 the FTS5 query of the tier, ?2 the one whose matches an earlier
 * tier found (the statements *_EXCEPT leave those out).  The filters,
 * each NULL when unused: ?3 ministry code, ?4 questioner and ?5 party
 * (folded by library_fold, as naast_fold folds the columns), ?6 and ?7
 * the first and last date, ?8 the document kind.  ?10 is the limit, ?11
 * the tier.
 */
#define SEARCH_FILTER \
	" (?3 IS NULL OR d.ministry = ?3 COLLATE NOCASE)" \
	" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM set_questioner q" \
	"  WHERE q.set_id = d.set_id AND naast_fold(q.name) = ?4))" \
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM set_questioner q" \
	"  WHERE q.set_id = d.set_id AND naast_fold(q.party) = ?5))" \
	" AND (?6 IS NULL OR " HIT_DATE " >= ?6)" \
	" AND (?7 IS NULL OR " HIT_DATE " <= ?7)" \
	" AND (?8 IS NULL OR d.kind = ?8)"

/*
 * By rank, one tier at a time (store_search.c), every match ranked.
 * Without a filter, FTS5 sorts the matches by rank itself and the joins
 * run row by row up to the ?10th, making the snippets for those rows
 * alone.  With one, the matches are joined and filtered, and only those
 * that pass are scored; store_search.c makes their snippets.  The
 * passage's text comes along for a hit on parts of words (tier 0).
 */
#define FTS_SNIPPET "snippet(passage_words, 0, '[', ']', '\u2026', 32)"
#define HIT_TEXT "CASE WHEN ?11 = 0 THEN p.text END"
#define EXCEPT \
	" AND f.rowid NOT IN (SELECT rowid FROM passage_words" \
	"  WHERE passage_words MATCH ?2)"
#define NOT_DOC " AND p.document <> ?14"
#define SEARCH_TOP(WHERE) \
	"SELECT " HIT_COLUMNS_OF("?11", "f.rank", HIT_TEXT) ", " FTS_SNIPPET \
	" FROM passage_words f" HIT_JOIN_TO("f.rowid") \
	" WHERE passage_words MATCH ?1" \
	" AND f.rank MATCH 'naast_bm25(' || quote(?13) || ')'" WHERE NOT_DOC \
	" ORDER BY f.rank LIMIT ?10"
#define SEARCH_FILTERED(WHERE) \
	"SELECT " HIT_COLUMNS_OF("?11", "naast_bm25(passage_words, ?13) AS r", \
	HIT_TEXT) " FROM passage_words f" HIT_JOIN_TO("f.rowid") \
	" WHERE passage_words MATCH ?1" WHERE NOT_DOC " AND " SEARCH_FILTER \
	" ORDER BY r, 1 LIMIT ?10"
/*
 * The candidates ?12 (a JSON array of passages, store_topk.c) that
 * match, each looked up in the index by its rowid, scored and filtered.
 */
#define SEARCH_CANDIDATES(WHERE) \
	"SELECT " HIT_COLUMNS_OF("?11", "naast_bm25(passage_words, ?13) AS r", \
	HIT_TEXT) " FROM json_each(?12) c CROSS JOIN passage_words f" \
	" ON f.rowid = c.value" HIT_JOIN_TO("f.rowid") \
	" WHERE passage_words MATCH ?1" WHERE NOT_DOC " AND " SEARCH_FILTER \
	" ORDER BY r, 1 LIMIT ?10"

/*
 * By date: every match of ?12 (the stems, or with parts of words the
 * stems OR the words that have the parts) joined and sorted, newest
 * first (of one date, the last imported document first); its tier from
 * the matches of ?1 (the words as typed) and ?2 (the stems).
 */
#define SEARCH_DATE \
	"WITH exact (id) AS MATERIALIZED (" \
	"  SELECT rowid FROM passage_words WHERE passage_words MATCH ?1)," \
	" stem (id) AS MATERIALIZED (" \
	"  SELECT rowid FROM passage_words WHERE passage_words MATCH ?2)," \
	" hit (id, tier) AS (" \
	"  SELECT rowid, CASE WHEN rowid IN exact THEN 2" \
	"   WHEN rowid IN stem THEN 1 ELSE 0 END" \
	"  FROM passage_words WHERE passage_words MATCH ?12)" \
	" SELECT " HIT_COLUMNS_OF("hit.tier", "0", \
	"CASE WHEN hit.tier = 0 THEN p.text END") \
	" FROM hit" HIT_JOIN_TO("hit.id") " WHERE " SEARCH_FILTER \
	" ORDER BY " HIT_DATE " DESC NULLS LAST, d.id DESC, hit.tier DESC, p.id" \
	" LIMIT ?10"

const char *const store_sql_text[N_SQL] = {
	[SQL_BEGIN] = "BEGIN",
	[SQL_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
	[SQL_COMMIT] = "COMMIT",
	[SQL_ROLLBACK] = "ROLLBACK",
	[SQL_PASSAGE_LAST] = "SELECT coalesce(max(id), 0) FROM passage",

	[SQL_DOC_BY_SHA] =
	    "SELECT id, kind, ministry, set_id, n_vragen FROM document"
	    " WHERE sha256 = ?1",
	[SQL_SET_BY_KEY] = "SELECT id FROM question_set WHERE match_key = ?1",
	[SQL_SET_BY_ZAAK] = "SELECT id FROM question_set WHERE zaak = ?1",
	/* A set found by its header learns its Zaak, unless it has one. */
	[SQL_SET_ZAAK_LEARN] =
	    "UPDATE question_set SET zaak = ?2 WHERE id = ?1 AND zaak IS NULL"
	    " AND NOT EXISTS (SELECT 1 FROM question_set WHERE zaak = ?2)",
	[SQL_SET_INSERT] =
	    "INSERT INTO question_set (match_key, subject, submitted, zaak)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[SQL_QUESTIONER_INSERT] =
	    "INSERT INTO set_questioner (set_id, ord, name, party)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[SQL_ADDRESSED_INSERT] =
	    "INSERT INTO set_addressed (set_id, ord, ministry, portfolio)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[SQL_DOC_INSERT] =
	    "INSERT INTO document (sha256, origin, format, kind, raw, set_id,"
	    " ministry, received, aanhangsel, n_vragen, salutation, closing,"
	    " epigraph_author, parser_version, vergaderjaar, from_pdf,"
	    " fingerprint, chamber, tk_id, tk_number, koop_id)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
	/* What parsing again keeps of a document: the open data's ids. */
	[SQL_DOC_OFFICIAL] =
	    "SELECT s.zaak, d.tk_id, d.tk_number, d.koop_id FROM document d"
	    " LEFT JOIN question_set s ON s.id = d.set_id WHERE d.id = ?1",
	[SQL_DOC_BY_TK_ID] = "SELECT id FROM document WHERE tk_id = ?1",
	/* store_official.c: what the open data says, where nothing was known. */
	[SQL_DOC_OFFICIAL_SET] =
	    "UPDATE document SET tk_id = coalesce(tk_id, ?2),"
	    " tk_number = coalesce(tk_number, ?3), koop_id = coalesce(koop_id, ?4)"
	    " WHERE id = ?1",
	[SQL_SET_ZAAK_OF_DOC] =
	    "UPDATE question_set SET zaak = ?2"
	    " WHERE id = (SELECT set_id FROM document WHERE id = ?1)"
	    " AND zaak IS NULL"
	    " AND NOT EXISTS (SELECT 1 FROM question_set WHERE zaak = ?2)",
	[SQL_ADDRESSED_CLEAR] = "DELETE FROM set_addressed WHERE set_id = ?1",
	[SQL_SET_ADDRESSED_OFFICIAL] =
	    "UPDATE question_set SET addressed_official = 1 WHERE id = ?1",
	[SQL_FOLLOW_PUT] =
	    "INSERT INTO follow (zaak, following) VALUES (?1, ?2)"
	    " ON CONFLICT (zaak) DO UPDATE SET following = excluded.following",
	/*
	 * A Zaak is followed when the user said so (fetch says so too), or
	 * when basket items come from its set and the user did not say not.
	 */
	[SQL_FOLLOWING] =
	    "SELECT EXISTS (SELECT 1 FROM follow WHERE zaak = ?1 AND following)"
	    " OR (NOT EXISTS (SELECT 1 FROM follow WHERE zaak = ?1)"
	    "  AND EXISTS (SELECT 1 FROM question_set s"
	    "   JOIN document d ON d.set_id = s.id"
	    "   JOIN passage p ON p.document = d.id"
	    "   JOIN selection x ON x.passage = p.id WHERE s.zaak = ?1))",
	[SQL_FOLLOWED] =
	    "SELECT zaak FROM follow WHERE following"
	    " UNION SELECT s.zaak FROM question_set s"
	    "  JOIN document d ON d.set_id = s.id"
	    "  JOIN passage p ON p.document = d.id"
	    "  JOIN selection x ON x.passage = p.id"
	    "  WHERE s.zaak IS NOT NULL"
	    "  AND NOT EXISTS (SELECT 1 FROM follow f WHERE f.zaak = s.zaak)"
	    " ORDER BY 1",
	/*
	 * The answers fetched after document ?1, newest first (store_arrivals);
	 * by their own index, not by kind: a row's Tweede Kamer id lies past
	 * its packed original.
	 */
	[SQL_ARRIVALS] =
	    "SELECT d.id, d.set_id, d.ministry, d.received, d.koop_id,"
	    " s.subject, s.zaak, d.imported_at"
	    " FROM document d INDEXED BY document_fetched"
	    " JOIN question_set s ON s.id = d.set_id"
	    " WHERE d.id > ?1 AND d.tk_id IS NOT NULL AND d.kind = 'answer'"
	    " ORDER BY d.id DESC LIMIT ?2",
	[SQL_DOC_LAST] = "SELECT coalesce(max(id), 0) FROM document",
	[SQL_ARRIVALS_COUNT] =
	    "SELECT count(*) FROM document INDEXED BY document_fetched"
	    " WHERE id > ?1 AND tk_id IS NOT NULL AND kind = 'answer'",
	[SQL_SETTING_GET] = "SELECT value FROM setting WHERE key = ?1",
	[SQL_SETTING_PUT] =
	    "INSERT INTO setting (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[SQL_WARNING_INSERT] =
	    "INSERT INTO warning (document, ord, text, format, args)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[SQL_SIGNATORY_INSERT] =
	    "INSERT INTO signatory (document, ord, name, role, ministry, portfolio,"
	    " written, on_behalf_written) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[SQL_ON_BEHALF_INSERT] =
	    "INSERT INTO signatory_on_behalf_of (signatory, ord, ministry)"
	    " VALUES (?1, ?2, ?3)",
	[SQL_ADDRESSEE_INSERT] =
	    "INSERT INTO letter_addressee (document, ord, name) VALUES (?1, ?2, ?3)",
	[SQL_PASSAGE_INSERT] =
	    "INSERT INTO passage (document, seq, role, vraag, vraag_to, text,"
	    " raw_start, raw_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	/* ?8: the footnote's text as a passage of its own (store.c). */
	[SQL_FOOTNOTE_INSERT] =
	    "INSERT INTO footnote (passage, ord, marker, text, text_at,"
	    " raw_start, raw_end, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[SQL_XREF_INSERT] =
	    "INSERT INTO xref (passage, text_start, text_end, vraag)"
	    " VALUES (?1, ?2, ?3, ?4)",
	/* ?7: the document of the passage. */
	[SQL_XREF_PUB_INSERT] =
	    "INSERT INTO xref (passage, text_start, text_end, pub_nr, pub_year,"
	    " pub_year_first, resolved) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    PUB_TARGET("?4", "?6", "?7") ")",
	[SQL_PUBREF_INSERT] =
	    "INSERT INTO pubref (document, ord, nr, year, year_first, resolved)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, " PUB_TARGET("?3", "?5", "?1") ")",
	[SQL_PUBREF_RESOLVE] =
	    PUB_RESOLVE("pubref", "nr", "year_first", "document <> ?1"),
	[SQL_XREF_RESOLVE] =
	    PUB_RESOLVE("xref", "pub_nr", "pub_year_first",
	    "passage NOT IN (SELECT id FROM passage WHERE document = ?1)"),
	[SQL_QUESTION_GET] =
	    "SELECT id, text FROM question WHERE set_id = ?1 AND number = ?2",
	[SQL_QUESTION_INSERT] =
	    "INSERT INTO question (set_id, number, text, document)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[SQL_QUESTION_SET_TEXT] =
	    "UPDATE question SET text = ?2, document = ?3 WHERE id = ?1",
	[SQL_VARIANT_INSERT] =
	    "INSERT INTO question_variant (question, document, text)"
	    " VALUES (?1, ?2, ?3)",
	[SQL_ANSWER_INSERT] =
	    "INSERT INTO answer (document, question, ministry) VALUES (?1, ?2, ?3)",
	[SQL_SET_UPDATE] =
	    "UPDATE question_set SET n_questions = max(n_questions, ?2),"
	    " aanhangsel = (SELECT aanhangsel FROM document WHERE set_id = ?1"
	    "  AND aanhangsel IS NOT NULL"
	    "  ORDER BY received IS NULL, received, aanhangsel LIMIT 1)"
	    " WHERE id = ?1",
	/* The passages after ?1 into the full-text index, at once. */
	[SQL_FTS_FILL_WORDS] =
	    "INSERT INTO passage_words (rowid, text)"
	    " SELECT id, text FROM passage WHERE id > ?1 ORDER BY id",

	[SQL_SETS_FIRST] =
	    "SELECT " SET_COLUMNS " FROM question_set"
	    " ORDER BY submitted DESC, id DESC LIMIT ?1",
	[SQL_SETS_AFTER] =
	    "SELECT " SET_COLUMNS " FROM question_set"
	    " WHERE (submitted, id) < (?1, ?2)"
	    " ORDER BY submitted DESC, id DESC LIMIT ?3",
	[SQL_SET_BY_ID] = "SELECT " SET_COLUMNS " FROM question_set WHERE id = ?1",
	[SQL_SET_QUESTIONERS] =
	    "SELECT name, party FROM set_questioner WHERE set_id = ?1 ORDER BY ord",
	[SQL_SET_ADDRESSED] =
	    "SELECT ministry FROM set_addressed WHERE set_id = ?1 ORDER BY ord",
	[SQL_SET_ANSWERS] =
	    "SELECT id, ministry, received, aanhangsel, tk_number, koop_id"
	    " FROM document"
	    " WHERE set_id = ?1 AND kind = 'answer'"
	    " ORDER BY received IS NULL, received, ministry, id",
	/* The mededelingen of set ?1: delays, answers given elsewhere. */
	[SQL_SET_NOTICES] =
	    "SELECT id, ministry, received, aanhangsel, tk_number, koop_id"
	    " FROM document"
	    " WHERE set_id = ?1 AND kind = 'mededeling'"
	    " ORDER BY received IS NULL, received, ministry, id",
	/*
	 * ?1 set: each ministry it was addressed to, once, in order, with the
	 * portfolio named and the code that answered it (NULL: none).
	 */
	[SQL_SET_COVERAGE] =
	    "SELECT a.ministry, a.portfolio,"
	    " " STORE_ANSWERED_BY("?1", "a.ministry") ", min(a.ord)"
	    " FROM set_addressed a WHERE a.set_id = ?1"
	    " GROUP BY a.ministry ORDER BY min(a.ord)",
	[SQL_FOOTNOTES] =
	    "SELECT marker, text, text_at FROM footnote WHERE passage = ?1"
	    " ORDER BY ord",
	[SQL_QUESTIONS] =
	    "SELECT id, number, text FROM question"
	    " WHERE set_id = ?1 AND (?2 = 0 OR number = ?2) ORDER BY number",
	/*
	 * The passages of vraag ?2 of set ?1 in the document that gave the
	 * question its canonical text, which is them joined (store_import.c).
	 */
	[SQL_VRAAG_PASSAGES] =
	    "SELECT p.id, p.text FROM question q"
	    " JOIN passage p ON p.document = q.document"
	    " WHERE q.set_id = ?1 AND q.number = ?2 AND p.role = 'vraag'"
	    " AND p.vraag <= ?2 AND p.vraag_to >= ?2 ORDER BY p.seq",
	[SQL_ANSWER_EXISTS] =
	    "SELECT 1 FROM answer WHERE document = ?1 AND question = ?2",
	[SQL_SIGNATORIES] =
	    "SELECT id, name, role, ministry, portfolio, written,"
	    " on_behalf_written FROM signatory WHERE document = ?1 ORDER BY ord",
	[SQL_WARNINGS] =
	    "SELECT text, format, args FROM warning WHERE document = ?1"
	    " ORDER BY ord",
	[SQL_ON_BEHALF] =
	    "SELECT ministry FROM signatory_on_behalf_of WHERE signatory = ?1"
	    " ORDER BY ord",
	[SQL_PARAGRAPHS] =
	    "SELECT id, text, vraag, vraag_to FROM passage WHERE document = ?1"
	    " AND role = 'antwoord' AND vraag <= ?2 AND vraag_to >= ?2"
	    " ORDER BY seq",
	[SQL_REFS] =
	    "SELECT x.vraag FROM passage p JOIN xref x ON x.passage = p.id"
	    " WHERE p.document = ?1 AND p.role = 'antwoord'"
	    " AND p.vraag <= ?2 AND p.vraag_to >= ?2 AND x.vraag IS NOT NULL"
	    " ORDER BY p.seq, x.text_start, x.id",
	/* The vragen whose answers passage ?1 refers to, in text order. */
	[SQL_PASSAGE_REFS] =
	    "SELECT vraag FROM xref WHERE passage = ?1 AND vraag IS NOT NULL"
	    " ORDER BY text_start, id",
	[SQL_LETTERS] =
	    "SELECT d.id, d.origin, d.salutation, d.closing,"
	    " (SELECT count(*) FROM passage p"
	    "  WHERE p.document = d.id AND p.role = 'body'), d.kind"
	    " FROM document d WHERE d.kind IN ('letter', 'unknown') AND d.id > ?1"
	    " ORDER BY d.id LIMIT ?2",
	[SQL_ADDRESSEES] =
	    "SELECT name FROM letter_addressee WHERE document = ?1 ORDER BY ord",
	[SQL_IS_EMPTY] = "SELECT NOT EXISTS (SELECT 1 FROM document)",

	/* ?1 set, ?2 document, ?3 doc_kind, ?4 title, ?5 who, ?6 submitted,
	 * ?7 search, ?8 folded title, ?9 the document's warnings. */
	[SQL_LIBRARY_INSERT] =
	    "INSERT INTO library (id, set_id, document, doc_kind, title, who,"
	    " submitted, search, key_submitted, key_received, key_subject,"
	    " warnings)"
	    " SELECT n, ?1, ?2, ?3, ?4, ?5, ?6, ?7, " KEY_DATE("?6", "n") ","
	    " " KEY_DATE("''", "n") ", " KEY_TITLE("?8", "n") ", ?9"
	    " FROM (SELECT coalesce(max(id), 0) + 1 AS n FROM library)",
	/*
	 * ?1 set, ?2 the answering ministry folded, or NULL (among the
	 * terms already, unless the document is not stored yet).
	 */
	[SQL_LIBRARY_SET_UPDATE] =
	    "UPDATE library SET"
	    " answered = " STORE_SET_ANSWERED("?1") ","
	    " addressed = " STORE_SET_ADDRESSED("?1") ","
	    " n_questions = (SELECT n_questions FROM question_set WHERE id = ?1),"
	    " warnings = (SELECT count(*) FROM warning w"
	    "  JOIN document d ON d.id = w.document WHERE d.set_id = ?1),"
	    " received = " SET_RECEIVED ","
	    " key_received = " KEY_DATE(SET_RECEIVED, "id") ","
	    " search = " STORE_LIBRARY_SEARCH("?1")
	    " WHERE set_id = ?1",
	[SQL_LIBRARY_KEYS] =
	    "SELECT key_submitted, key_received, key_subject FROM library"
	    " WHERE id = ?1",
	[SQL_LIBRARY_COUNT] = "SELECT count(*) FROM library WHERE " LIBRARY_FILTER,
	[SQL_LIBRARY_COUNT_ALL] = "SELECT count(*) FROM library",
	[SQL_LIBRARY_SUBMITTED_TOP] = LIBRARY_TOP("key_submitted", "DESC"),
	[SQL_LIBRARY_SUBMITTED_AFTER] =
	    LIBRARY_PAST("key_submitted", "<", "DESC"),
	[SQL_LIBRARY_SUBMITTED_BOTTOM] = LIBRARY_TOP("key_submitted", "ASC"),
	[SQL_LIBRARY_SUBMITTED_BEFORE] =
	    LIBRARY_PAST("key_submitted", ">", "ASC"),
	[SQL_LIBRARY_RECEIVED_TOP] = LIBRARY_TOP("key_received", "DESC"),
	[SQL_LIBRARY_RECEIVED_AFTER] = LIBRARY_PAST("key_received", "<", "DESC"),
	[SQL_LIBRARY_RECEIVED_BOTTOM] = LIBRARY_TOP("key_received", "ASC"),
	[SQL_LIBRARY_RECEIVED_BEFORE] = LIBRARY_PAST("key_received", ">", "ASC"),
	[SQL_LIBRARY_SUBJECT_TOP] = LIBRARY_TOP("key_subject", "ASC"),
	[SQL_LIBRARY_SUBJECT_AFTER] = LIBRARY_PAST("key_subject", ">", "ASC"),
	[SQL_LIBRARY_SUBJECT_BOTTOM] = LIBRARY_TOP("key_subject", "DESC"),
	[SQL_LIBRARY_SUBJECT_BEFORE] = LIBRARY_PAST("key_subject", "<", "DESC"),

	[SQL_DOCUMENT] =
	    "SELECT id, kind, origin, format, set_id, ministry, received"
	    " FROM document WHERE id = ?1",
	/* A footnote's own passage shows as the footnote of its passage. */
	[SQL_DOCUMENT_PASSAGES] =
	    "SELECT id, role, vraag, text FROM passage WHERE document = ?1"
	    " AND role <> 'footnote' ORDER BY seq",
	/*
	 * The references to other publications of document ?1's answer to
	 * vraag ?2: its header's, then those in the answer's paragraphs, each
	 * part in text order.
	 */
	[SQL_PUBREFS] =
	    "SELECT nr, year, year_first, resolved FROM ("
	    " SELECT 0 AS part, ord AS seq, 0 AS pos, id, nr, year, year_first,"
	    "  resolved FROM pubref WHERE document = ?1"
	    " UNION ALL"
	    " SELECT 1, p.seq, x.text_start, x.id, x.pub_nr, x.pub_year,"
	    "  x.pub_year_first, x.resolved"
	    "  FROM passage p JOIN xref x ON x.passage = p.id"
	    "  WHERE p.document = ?1 AND p.role = 'antwoord'"
	    "  AND p.vraag <= ?2 AND p.vraag_to >= ?2 AND x.pub_nr IS NOT NULL)"
	    " ORDER BY part, seq, pos, id",

	[SQL_SEARCH_TOP] = SEARCH_TOP(""),
	[SQL_SEARCH_TOP_EXCEPT] = SEARCH_TOP(EXCEPT),
	[SQL_SEARCH_FILTERED] = SEARCH_FILTERED(""),
	[SQL_SEARCH_FILTERED_EXCEPT] = SEARCH_FILTERED(EXCEPT),
	[SQL_SEARCH_DATE] = SEARCH_DATE,
	/*
	 * Newest first, walking (store_search.c): the documents that pass
	 * the filters, newest first, with the first and last of their
	 * passages; and the matches of ?12 among the passages ?15 to ?16 of
	 * document ?17, in their order.
	 */
	[SQL_DATE_DOCS] =
	    "SELECT d.id FROM document d"
	    " LEFT JOIN question_set s ON s.id = d.set_id WHERE" SEARCH_FILTER
	    " ORDER BY " HIT_DATE " DESC NULLS LAST, d.id DESC",
	[SQL_DOC_PASSAGE_RANGE] =
	    "SELECT min(id), max(id) FROM passage WHERE document = ?1",
	[SQL_DATE_DOC_HITS] =
	    "SELECT " HIT_COLUMNS_OF("1", "0", "NULL")
	    " FROM passage_words f" HIT_JOIN_TO("f.rowid")
	    " WHERE passage_words MATCH ?12 AND f.rowid >= ?15 AND f.rowid <= ?16"
	    " AND p.document = ?17 ORDER BY f.rowid",
	/* The snippet of passage ?2 for the query ?1; matches marked [so]. */
	[SQL_SNIPPET] =
	    "SELECT " FTS_SNIPPET " FROM passage_words"
	    " WHERE passage_words MATCH ?1 AND rowid = ?2",
	/*
	 * Up to ?2 words of the vocabulary that have the part ?1, those in
	 * the most passages first, each with the number of all such words.
	 */
	/* The words of the vocabulary from ?1 up to before ?2, at most ?3. */
	[SQL_VOCAB_PREFIX] =
	    "SELECT term, passages FROM vocabulary WHERE term >= ?1"
	    " AND term < ?2 LIMIT ?3",
	[SQL_VOCAB_PARTS] =
	    "SELECT term, count(*) OVER () FROM vocabulary"
	    " WHERE instr(term, ?1) > 0 AND unicode(term) <> 1"
	    " ORDER BY passages DESC, term LIMIT ?2",
	/*
	 * The vocabulary of the exact index: is ?1 a word of it; add ?2
	 * passages to the count of ?1; its words of ?1 to ?2 characters, and
	 * in how many passages each is.
	 */
	[SQL_VOCAB_HAS] = "SELECT 1 FROM vocabulary WHERE term = ?1",
	[SQL_VOCAB_ADD] =
	    "INSERT INTO vocabulary (term, passages) VALUES (?1, ?2)"
	    " ON CONFLICT (term) DO UPDATE SET passages = passages + ?2"
	    " RETURNING passages",
	[SQL_VOCAB_TERMS] =
	    "SELECT term, passages FROM vocabulary"
	    " WHERE length(term) BETWEEN ?1 AND ?2 AND unicode(term) <> 1",
	/* The passages after ?1 up to ?2, as the index reads them. */
	[SQL_PASSAGE_IDS] =
	    "SELECT id FROM passage WHERE id > ?1 AND id <= ?2 ORDER BY id",
	[SQL_DOC_PASSAGE_IDS] = "SELECT id FROM passage WHERE document = ?1",
	/* The champion lists (store_champion.c). */
	[SQL_CHAMPION_GET] = "SELECT list FROM champion WHERE term = ?1",
	[SQL_CHAMPION_PUT] =
	    "INSERT INTO champion (term, list) VALUES (?1, ?2)"
	    " ON CONFLICT (term) DO UPDATE SET list = ?2",
	[SQL_CHAMPION_DROP] = "DELETE FROM champion WHERE term = ?1",
	/* Merging the index's segments (store_tidy). */
	[SQL_INDEX_OPTIMIZE] =
	    "INSERT INTO passage_words (passage_words) VALUES ('optimize')",
	[SQL_INDEX_MERGE] =
	    "INSERT INTO passage_words (passage_words, rank) VALUES ('merge', 500)",
	/*
	 * Many imports in a row (store_bulk_begin): no merging, and 4 MiB of
	 * new terms in memory before FTS5 writes them as a segment; then
	 * FTS5's defaults again.
	 */
	[SQL_INDEX_HOLD] =
	    "INSERT INTO passage_words (passage_words, rank) VALUES ('automerge', 0)",
	[SQL_INDEX_HOLD_HASH] =
	    "INSERT INTO passage_words (passage_words, rank) VALUES ('hashsize', 4194304)",
	[SQL_INDEX_RELEASE] =
	    "INSERT INTO passage_words (passage_words, rank) VALUES ('automerge', 4)",
	[SQL_INDEX_RELEASE_HASH] =
	    "INSERT INTO passage_words (passage_words, rank) VALUES ('hashsize', 1048576)",
	[SQL_CACHE_SIZE] = "PRAGMA cache_size",
	[SQL_CACHE_BULK] = "PRAGMA cache_size = -32768",
	/* FTS5's record of the index's rows and tokens (store_champion.c). */
	[SQL_INDEX_AVGDL] = "SELECT block FROM passage_words_data WHERE id = 1",
	/* Each passage with the term ?1, with the term's tf. */
	[SQL_INDEX_POSTINGS] =
	    "SELECT rowid, naast_tf(passage_words) FROM passage_words"
	    " WHERE passage_words MATCH ?1",
	/* Every passage's length, as FTS5 records it (store_champion.c). */
	[SQL_INDEX_LENGTHS] = "SELECT id, sz FROM passage_words_docsize",
	/* Changed when another connection has written. */
	[SQL_DATA_VERSION] = "PRAGMA data_version",
	[SQL_VOCAB_COUNT] = "SELECT passages FROM vocabulary WHERE term = ?1",
	[SQL_TOPK] = SEARCH_CANDIDATES(""),
	[SQL_TOPK_EXCEPT] = SEARCH_CANDIDATES(EXCEPT),
	/*
	 * A wide query's best (store_wide.c): ?12 a JSON array of [passage,
	 * rank] in order, ?11 the tier; the passages of the FTS5 query ?1,
	 * in order; the last passage.
	 */
	[SQL_WIDE_HITS] =
	    "SELECT " HIT_COLUMNS_OF("?11", "c.value ->> 1 AS r", HIT_TEXT)
	    " FROM json_each(?12) c" HIT_JOIN_TO("c.value ->> 0")
	    " ORDER BY c.key",
	[SQL_INDEX_WALK] =
	    "SELECT naast_walk(passage_words, ?2) FROM passage_words"
	    " WHERE passage_words MATCH ?1 LIMIT 1",
	[SQL_INDEX_ROWIDS] =
	    "SELECT rowid FROM passage_words WHERE passage_words MATCH ?1"
	    " ORDER BY rowid",
	[SQL_PASSAGE_MAX] = "SELECT max(id) FROM passage",
	[SQL_PASSAGE_TEXT] = "SELECT text, document FROM passage WHERE id = ?1",
	/*
	 * The passages of role ?3 and vraag ?2 in the other documents of set
	 * ?1 of the kind of document ?4, with their ministry, text and (for
	 * a footnote) the role of the passage it belongs to.
	 */
	[SQL_SAME_TEXT] =
	    "SELECT p.id, p.document, d.ministry, p.text,"
	    " (SELECT o.role FROM footnote fn JOIN passage o ON o.id = fn.passage"
	    "  WHERE fn.body = p.id)"
	    " FROM document d JOIN passage p ON p.document = d.id"
	    " WHERE d.set_id = ?1 AND d.id <> ?4"
	    " AND d.kind = (SELECT kind FROM document WHERE id = ?4)"
	    " AND p.vraag = ?2 AND p.role = ?3 ORDER BY d.id, p.seq",
	/* What the footnote whose passage is ?1 belongs to, and its marker. */
	[SQL_FOOTNOTE_OF] =
	    "SELECT o.id, o.role, fn.marker FROM footnote fn"
	    " JOIN passage o ON o.id = fn.passage WHERE fn.body = ?1",

	/* The subject of the set of document ?1, for its title. */
	[SQL_DOC_SUBJECT] =
	    "SELECT s.subject FROM document d"
	    " JOIN question_set s ON s.id = d.set_id WHERE d.id = ?1",

	[SQL_PASSAGE_EXISTS] = "SELECT 1 FROM passage WHERE id = ?1",

	/*
	 * Parsing again (store_replace): the documents an older parser made,
	 * one's stored text, and what it was, to tell whether it changed.
	 */
	[SQL_REPARSE_DUE] =
	    "SELECT id FROM document WHERE parser_version < ?1 AND id > ?2"
	    " AND id <= ?3 ORDER BY id LIMIT 1",
	[SQL_REPARSE_COUNT] =
	    "SELECT count(*), coalesce(max(id), 0) FROM document"
	    " WHERE parser_version < ?1",
	[SQL_REPARSE_SOURCE] =
	    "SELECT origin, format, sha256, set_id, raw, from_pdf FROM document"
	    " WHERE id = ?1",
	[SQL_REPARSE_SHAPE] =
	    "SELECT coalesce(d.set_id, 0) || char(10) || d.kind || char(10) ||"
	    " coalesce(d.ministry, '') || char(10) || coalesce(d.aanhangsel, '')"
	    " || char(10) || coalesce((SELECT group_concat(x, char(10)) FROM"
	    "  (SELECT role || ' ' || vraag || ' ' || text AS x FROM passage"
	    "   WHERE document = d.id ORDER BY seq)), '')"
	    " || char(10) || coalesce((SELECT group_concat(x, char(10)) FROM"
	    "  (SELECT coalesce(role, '') || ' ' || name || ' ' ||"
	    "   coalesce(written, ministry, '') AS x FROM signatory"
	    "   WHERE document = d.id ORDER BY ord)), '')"
	    " || char(10) || (SELECT count(*) FROM warning WHERE document = d.id)"
	    " FROM document d WHERE d.id = ?1",
	/*
	 * The originals of documents ?1 < id <= ?2 that are stored as text,
	 * as a database from before originals were packed has them, packed
	 * (naast_pack, store_reparse.c); run in parts, each its own commit.
	 */
	[SQL_PACK_ORIGINALS] =
	    "UPDATE document SET raw = naast_pack(raw)"
	    " WHERE typeof(raw) = 'text' AND id > ?1 AND id <= ?2",
	/*
	 * A document's identity put aside while the one that replaces it
	 * comes in ("~" is no hex digit: no file has that sha256).
	 */
	[SQL_DOC_SHA_ASIDE] =
	    "UPDATE document SET sha256 = sha256 || '~' WHERE id = ?1",
	[SQL_SELECT_ADD] =
	    "INSERT OR IGNORE INTO selection (passage, ord)"
	    " SELECT ?1, coalesce(max(ord), 0) + 1 FROM selection",
	[SQL_SELECT_REMOVE] = "DELETE FROM selection WHERE passage = ?1",
	[SQL_SELECT_CLEAR] = "DELETE FROM selection",
	[SQL_SELECT_NOTE] = "UPDATE selection SET note = ?2 WHERE passage = ?1",
	[SQL_SELECT_ORD] = "UPDATE selection SET ord = ?2 WHERE passage = ?1",
	[SQL_SELECTION] = "SELECT passage, note FROM selection ORDER BY ord, id",
	/*
	 * A passage and what its citation needs; ?1 passage.  Of a
	 * footnote's passage, the footnote's marker and the role of the
	 * passage it belongs to (o), whose paragraph number it takes.
	 */
	[SQL_EXPORT_PASSAGE] =
	    "SELECT p.id, p.document, p.role, p.vraag, p.vraag_to, p.text,"
	    " d.kind, d.set_id, d.ministry, d.received, d.aanhangsel, d.origin,"
	    " CASE WHEN coalesce(o.role, p.role) = 'body' THEN"
	    "  (SELECT count(*) FROM passage b WHERE b.document = p.document"
	    "  AND b.role = 'body' AND b.seq <= coalesce(o.seq, p.seq))"
	    " ELSE 0 END,"
	    " fn.marker, o.role, d.vergaderjaar, d.chamber, d.koop_id"
	    " FROM passage p JOIN document d ON d.id = p.document"
	    " LEFT JOIN footnote fn ON p.role = 'footnote' AND fn.body = p.id"
	    " LEFT JOIN passage o ON o.id = fn.passage"
	    " WHERE p.id = ?1",

	/*
	 * The same document in another form (store_same.c).  SAME_COLUMNS
	 * are what store_same.c reads.  By Aanhangsel number ?1 and kind ?2,
	 * of the vergaderjaar ?5 where both print one, else received in the
	 * vergaderjaar that begins in year ?3, of the answering ministry ?4
	 * and of the chamber ?6 where both are known (each chamber numbers
	 * its own Aanhangsel).  In set ?1, of kind ?2
	 * and ministry ?3, received on ?4 and numbered ?5 where both are
	 * known: a document with another Aanhangsel number is another
	 * publication.
	 */
	[SQL_SAME_BY_AANHANGSEL] =
	    "SELECT " SAME_COLUMNS " FROM document WHERE aanhangsel = ?1"
	    " AND kind = ?2 AND CASE WHEN ?5 IS NOT NULL AND vergaderjaar IS NOT NULL"
	    " THEN vergaderjaar = ?5 ELSE received BETWEEN printf('%04d-09-01', ?3)"
	    " AND printf('%04d-08-31', ?3 + 1) END"
	    " AND (?4 IS NULL OR ministry IS NULL OR ministry = ?4)"
	    " AND (?6 = 0 OR chamber = 0 OR chamber = ?6) ORDER BY id",
	[SQL_SAME_IN_SET] =
	    "SELECT " SAME_COLUMNS " FROM document WHERE set_id = ?1"
	    " AND kind = ?2 AND ministry IS ?3"
	    " AND (?4 IS NULL OR received IS NULL OR received = ?4)"
	    " AND (?5 IS NULL OR aanhangsel IS NULL OR aanhangsel = ?5)"
	    " ORDER BY id",
	[SQL_DOC_SET] = "SELECT set_id FROM document WHERE id = ?1",
	/* The basket items on passages of document ?1. */
	[SQL_DOC_CITED] =
	    "SELECT count(*) FROM selection WHERE passage IN"
	    " (SELECT id FROM passage WHERE document = ?1)",
	[SQL_DOC_SELECTION] =
	    "SELECT s.id, s.note, p.role, p.vraag, p.text FROM selection s"
	    " JOIN passage p ON p.id = s.passage WHERE p.document = ?1"
	    " ORDER BY s.ord, s.id",
	[SQL_SELECT_ITEM_OF] = "SELECT id, note FROM selection WHERE passage = ?1",
	[SQL_SELECT_ITEM_MOVE] = "UPDATE selection SET passage = ?2 WHERE id = ?1",
	[SQL_SELECT_ITEM_NOTE] = "UPDATE selection SET note = ?2 WHERE id = ?1",
	[SQL_SELECT_ITEM_DELETE] = "DELETE FROM selection WHERE id = ?1",
	[SQL_DOC_UNCITE] =
	    "DELETE FROM selection WHERE passage IN"
	    " (SELECT id FROM passage WHERE document = ?1)",
	[SQL_DOC_DELETE] = "DELETE FROM document WHERE id = ?1",
	/* Before SQL_DOC_DELETE: its passages out of the index (schema 9). */
	[SQL_FTS_FORGET_DOC] =
	    "INSERT INTO passage_words (passage_words, rowid, text)"
	    " SELECT 'delete', id, text FROM passage WHERE document = ?1",
	/* The vragen of set ?1 that no document prints or answers any more. */
	[SQL_QUESTIONS_UNPRINTED_DELETE] =
	    "DELETE FROM question WHERE set_id = ?1"
	    " AND NOT EXISTS (SELECT 1 FROM answer a WHERE a.question = question.id)"
	    " AND NOT EXISTS (SELECT 1 FROM passage p"
	    "  JOIN document d ON d.id = p.document WHERE d.set_id = ?1"
	    "  AND p.role = 'vraag' AND p.vraag <= question.number"
	    "  AND p.vraag_to >= question.number)",
	[SQL_SET_HAS_DOCUMENTS] =
	    "SELECT EXISTS (SELECT 1 FROM document WHERE set_id = ?1)",
	[SQL_SET_DELETE] = "DELETE FROM question_set WHERE id = ?1",
	/* After a document of set ?1 went: its numbers from those left. */
	[SQL_SET_RECOUNT] =
	    "UPDATE question_set SET"
	    " n_questions = max(coalesce((SELECT max(n_vragen) FROM document"
	    "  WHERE set_id = ?1), 0), coalesce((SELECT max(number) FROM question"
	    "  WHERE set_id = ?1), 0)),"
	    " aanhangsel = (SELECT aanhangsel FROM document WHERE set_id = ?1"
	    "  AND aanhangsel IS NOT NULL"
	    "  ORDER BY received IS NULL, received, aanhangsel LIMIT 1)"
	    " WHERE id = ?1",
	/* Documents imported as ?1, or as a path that ends in /?1. */
	[SQL_DOCS_NAMED] =
	    "SELECT id FROM document WHERE origin = ?1"
	    " OR (length(origin) > length(?1)"
	    "  AND substr(origin, -length(?1) - 1) = '/' || ?1) ORDER BY id",
	[SQL_SET_DOCUMENTS] =
	    "SELECT id FROM document WHERE set_id = ?1 ORDER BY id",
	[SQL_VOCAB_PRUNE] = "DELETE FROM vocabulary WHERE passages <= 0",
	/* Where basket items may land: every passage, footnotes' too. */
	[SQL_REATTACH_PASSAGES] =
	    "SELECT id, role, vraag, text FROM passage WHERE document = ?1"
	    " ORDER BY seq",
};
