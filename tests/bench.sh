#!/bin/sh
# tests/bench.sh: the benchmark itself works: bench/run on a small corpus
# prints every figure, as JSON that parses and as a table.  Nothing here
# is about speed: timings belong to the benchmark, never to tests.
. "$top_srcdir/tests/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { "$top_srcdir/bench/run" --build "$top_builddir" --no-build "$@"; }

# Small enough for sanitizers: 120 documents, one timed run of each thing.
run --docs 120 --sizes "40 120" --repeat 1 --frames 20 --shape-bytes 80000 --json --keep "$tmp/k" >"$tmp/out.json" 2>"$tmp/err"
check "bench/run --json succeeds" [ $? -eq 0 ]
j() { jq -e "$1" "$tmp/out.json" >/dev/null 2>&1; }
check "its output is one JSON object" j 'type == "object"'
check "it says how big the corpus was" j '.docs == 120 and .sets > 30 and .bytes > 500000'
check "it names the machine" j '.machine.cores >= 1 and (.machine.cpu | length) > 0'
for key in import_mbps db_over_text search_p50_ms search_p95_ms search_cli_p50_ms \
	search_cli_p95_ms search_vs_grep_p50_ms search_vs_grep_p95_ms search_max_ms \
	first_frame_ms_40 first_frame_ms_120 peak_rss_mb_40 peak_rss_mb_120 \
	search_rss_mb_40 search_rss_mb_120 \
	compare_redraw_ms compare_page_ms compare_draw_only_ms diff_ms matrix_ms \
	parse_letter_ms parse_markdown_ms parse_questioners_ms parse_addressees_ms \
	parse_headings_ms diff_pair_mb diff_scattered_mb diff_pair_ms diff_scattered_ms \
	diff_one_char_mb diff_one_char_ms; do
	check "figure $key: naast, floor and ratio are positive numbers" \
		j ".figures.$key | (.naast | type == \"number\" and . > 0) and (.floor | type == \"number\" and . > 0) and (.ratio | type == \"number\" and . > 0)"
done
for key in overlap_avg overlap_one_word; do
	check "figure $key: a share between 0 and 1, against 1" \
		j ".figures.$key | (.naast | type == \"number\" and . >= 0 and . <= 1) and .floor == 1"
done
check "figures with a goal at this size say whether it is met" \
	j '[.figures[] | select(.goal != null and (.goal | test("at 100k") | not) and (.what | test("40 docs") | not)) | .met | type == "boolean"] | all'
check "the import floor is one index" j '.import.floor == "one FTS5 index" and .import.floor_db_mb > 0'
check "the database over the text is a plausible factor" \
	j '.figures.db_over_text | .naast > 0.5 and .naast < 50 and .floor > 0.5 and .floor < 50'
nq=$(wc -l <"$tmp/k/c/queries.tsv")
check "every query of queries.tsv is reported" j ".queries | length == $nq and $nq >= 20"
check "each query is timed in naast (a refusal takes next to nothing) and as a process" \
	j '.queries | all(.naast_ms >= 0 and .cli_ms > 0 and .hits >= 0) and any(.naast_ms > 0)'
check "the floor and grep time a query or say they cannot (null)" \
	j '.queries | all((.floor_ms == null or .floor_ms > 0) and (.grep_ms == null or .grep_ms > 0))'
check "each overlap@10 is a share, with the exhaustive ranking's hits" \
	j '.queries | all(.overlap == null or (.overlap >= 0 and .overlap <= 1 and .exact_hits >= 0))'
check "overlap@10 is there for every ranked one-word query" \
	j '[.queries[] | select(.one_word) | .overlap | type == "number"] | all'
check "the average overlap@10 is a share, and what it skips is named" \
	j '.overlap | .average >= 0 and .average <= 1 and (.skipped | type == "array")'
check "the paths of issue 17 are measured: one letter, newest first, parts, 15 words, related" \
	j '[.queries[].query] as $q | ["prefix a*", "prefix v*", "date de", "date a*", "substring ver", "substring ordel", "fifteen words", "oldest bestuurders", "related 1", "related 2", "related 3"] | all(. as $l | $q | index([$l]))'
check "newest first is left out of overlap@10" \
	j '[.queries[] | select(.kind == "date") | .overlap == null] | all'
check "related passages have theirs, against their ranking of every match" \
	j '[.queries[] | select(.kind == "related") | .overlap >= 0 and .overlap <= 1 and .exact_hits > 0] | all'
check "the memory of the wide searches is measured, and is no less than before them" \
	j '.figures.search_rss_mb_120.naast >= .figures.peak_rss_mb_120.naast'
check "related finds passages, and has neither floor nor grep" \
	j '[.queries[] | select(.kind == "related") | .hits > 0 and .floor_ms == null and .grep_ms == null] | all'
check "parts of words are found, by naast and by the floor's scan" \
	j '[.queries[] | select(.kind == "substring") | .hits > 0 and .floor_index == "like" and .floor_hits > 0] | all'
check "the word whose best match is the oldest is found, ranked" \
	j '.queries[] | select(.query == "oldest bestuurders") | .hits > 0 and .one_word and .overlap != null'
check "a 5-letter part of a word has its figure" \
	j '.figures.substring5_ms | .naast > 0 and .floor > 0'
check "the slowest query is named" j '.figures.search_max_ms.what | test("slowest query in process: .")'
check "the common word is found by naast and by the floor" \
	j '.queries[] | select(.query == "ambtenaren") | .hits > 0 and .floor_hits > 0'
check "each rare word is found in naast" \
	j '[.queries[] | select(.query | startswith("rare")) | .hits > 0] | all'

# The generated corpus: the same bytes every time, and grouped as meant
# (bench/run checks naast's sets against the manifest and stops if not).
"$top_builddir/bench/gen" --docs 120 --corpus "$top_srcdir/assets/corpus" --out "$tmp/again" >/dev/null
check "bench/gen is deterministic" diff -r "$tmp/k/c" "$tmp/again"
"$top_builddir/bench/gen" --shapes "$tmp/shapes" --bytes 80000 >/dev/null
check "bench/gen --shapes writes each shape, within the size" \
	sh -c "[ \$(find '$tmp/shapes' -type f -size -80001c | wc -l) -eq 10 ]"
check "bench/gen --shapes writes the same bytes every time" \
	diff -r "$tmp/k/shapes" "$tmp/shapes"
check "bench/gen writes pdftext, Markdown and letters" \
	sh -c "cut -f3 '$tmp/again/manifest.tsv' | sort -u | tr '\n' ' ' | grep -qx 'format letter markdown pdftext '"

run --docs 40 --repeat 1 --frames 5 --sizes 40 --shape-bytes 80000 >"$tmp/table" 2>"$tmp/err"
check "bench/run prints a table" [ $? -eq 0 ]
check "the table has every figure" [ "$(grep -cE '^(import throughput|database /|search p|slowest query|overlap@10|first frame|peak memory|compare view|part of a word|diff,|matrix,|parse |diff peak)' "$tmp/table")" -eq 31 ]
check "the table has every query" [ "$(grep -cE '^(ambtenaren|rare 3|stem ambtenaar|prefix a\*|date de|related 3) ' "$tmp/table")" -eq 6 ]
check "the table shows overlap@10 per query" grep -qE '^query +naast ms +hits +overlap' "$tmp/table"
done_testing
