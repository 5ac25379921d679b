/*
 * compare: answers side by side, word by word.
 *
 * An answer is compared as a sequence of words in a comparison space: NFC,
 * typography folded (’ and ', “ ” and ", – and -), white space and
 * paragraph breaks ignored, and with COMPARE_IGNORE_CASE case folded too.
 * Every word keeps where it came from (paragraph, bytes), so results point
 * back to the original text and can be drawn there.
 *
 * Three answers to one question: a two-way word diff (runs of equal,
 * deleted and inserted words), a similarity in [0, 1] per pair, and N-way
 * marks that say for each word whether the other answers share it.
 *
 * Memory: a compare_text owns its units (compare_text_free); it does not
 * own or copy the paragraphs, which must outlive it.
 */
#ifndef NAAST_COMPARE_H
#define NAAST_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	COMPARE_IGNORE_CASE = 1 << 0,
};

/*
 * A text is a sequence of units: each word, or, for a text of more than
 * 1.2 million words, each group of as many words in a row as it takes to
 * make at most that many units (compare.c says why: MAX_UNITS).  A unit
 * takes 12 bytes: its key, and where it begins in the paragraphs counted
 * one after the other (naast reads at most 8 MiB of text as one
 * document: offsets fit in 32 bits).  Where it ends is found from its
 * text (compare_word_end).
 */
struct compare_text {
	const char *const *paras;	/* not owned */
	size_t n_paras;
	uint64_t *keys;		/* a hash of each unit's folded words: equal units, equal keys */
	uint32_t *at;		/* where each unit begins, paragraphs counted back to back */
	uint32_t *para_at;	/* where each paragraph begins, so counted (n_paras + 1) */
	size_t n;		/* units */
	size_t n_words;
	size_t group;		/* words per unit (the last may have fewer): 1 but for long texts */
	unsigned flags;		/* of compare_text_init */
};

/*
 * Splits the paragraphs into words: runs of characters that are not
 * Unicode white space (no-break spaces separate words too), across all
 * paragraphs in order; an empty or NULL paragraph has none.  flags:
 * COMPARE_IGNORE_CASE or 0.  The units' keys are made here, so a text is
 * compared under the flags it was made with.
 */
void compare_text_init(struct compare_text *t, const char *const *paras,
    size_t n_paras, unsigned flags);
void compare_text_free(struct compare_text *t);

/*
 * compare_text_init in at most units units (0, or more than a text may
 * have: as many as it may have), for a caller that compares in less
 * memory at the cost of groups of words sooner.
 */
void compare_text_init_units(struct compare_text *t, const char *const *paras,
    size_t n_paras, unsigned flags, size_t units);

/*
 * Makes t's units groups of group words (at least t's own group), as
 * another text it is compared with has: the diff and the marks compare
 * texts of one group only.  The paragraphs are read again.
 */
void compare_text_regroup(struct compare_text *t, size_t group);

/* The paragraph of unit i of t, and its first byte there. */
size_t compare_word_para(const struct compare_text *t, size_t i);
size_t compare_word_start(const struct compare_text *t, size_t i);

/*
 * The byte just past unit i of t in its paragraph (past its last word
 * there, for a group that goes on in the next paragraph).
 */
size_t compare_word_end(const struct compare_text *t, size_t i);

/*
 * For tests: the most units a text has (more words are grouped).  0
 * restores the default.  Returns the one before.
 */
size_t compare_set_max_units(size_t units);

enum compare_op {
	COMPARE_EQUAL,
	COMPARE_DELETE,		/* words of a only */
	COMPARE_INSERT,		/* words of b only */
};

/*
 * A run of words: [a_from, a_to) of a and [b_from, b_to) of b.  An EQUAL
 * run has as many words on both sides; a DELETE run has none of b
 * (b_from == b_to, where b stands), an INSERT run none of a.
 */
struct compare_run {
	enum compare_op op;
	uint32_t a_from, a_to;	/* units fit in 32 bits: 20 bytes a run */
	uint32_t b_from, b_to;
};

/*
 * The word diff of a and b: a minimal edit script as runs in order; a
 * changed stretch is a DELETE run followed by an INSERT run (either may be
 * missing), never two runs of one op in a row.  Minimal: its EQUAL runs
 * are a longest common subsequence of the words, unless the texts are
 * long and differ in very many words (compare.c says when): then a
 * stretch that would take too long to align is one changed stretch.
 * Runs count units: words, but for long texts (compare_text).  Memory:
 * linear in the units of a and b.  Returns the number of runs and stores
 * a newly allocated array in *runs (NULL when both are empty).  a and b
 * should be made with the same flags and group (compare_text_regroup).
 * *coarse, unless coarse is NULL, says whether the script is coarser than
 * word by word: groups of words, or a stretch left unaligned.
 */
size_t compare_diff(const struct compare_text *a, const struct compare_text *b,
    struct compare_run **runs, bool *coarse);

/*
 * How alike two answers are, in [0, 1]: 1 for the same words in the same
 * order, 0 for nothing in common.  (compare.c says which measure and why.)
 * Two empty texts are alike (1).  Texts of different groups are compared
 * in the larger.  *coarse, unless NULL, as for compare_diff: then the
 * similarity is approximate.
 */
double compare_similarity(const struct compare_text *a, const struct compare_text *b,
    bool *coarse);

/*
 * For tests: the most work (words of the shorter side / 64 times words of
 * the longer) that a stretch may take to be aligned whole, bit-parallel;
 * larger stretches are first split at the middle of an optimal alignment
 * (Myers).  0 restores the default.  Returns the one before.
 */
size_t compare_set_exact_work(size_t work);

/* What the other answers say of one word. */
enum compare_mark {
	COMPARE_SHARED_ALL,	/* in a common run with every other answer */
	COMPARE_SHARED_SOME,	/* with some of them */
	COMPARE_UNIQUE,		/* with none */
};

/*
 * N-way marks for n texts: marks[i][w] for word w of text i.  A word is
 * shared with another text when it lies in a run of at least 3 words
 * (fewer when either text is shorter: "Ja." shares with "Ja.") that occurs
 * in both.  With one text every word is SHARED_ALL.  An empty text has
 * nothing to mark and shares nothing: with an empty text among them, no
 * word is SHARED_ALL.  marks is an array of n pointers that this fills
 * with newly allocated arrays (never NULL, also for an empty text); free
 * each.  The texts should be of one group (compare_text_regroup).
 */
void compare_marks(const struct compare_text *texts, size_t n,
    enum compare_mark **marks);

/*
 * The original words of units [from, to) of t joined by single spaces
 * (paragraph breaks too): for the text of a diff run.  to is clamped to
 * the number of units; an empty range gives "".  Newly allocated.
 */
char *compare_words_text(const struct compare_text *t, size_t from, size_t to);

#endif
