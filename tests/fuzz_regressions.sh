#!/bin/sh
# tests/fuzz_regressions.sh: every fuzz target of fuzz/, built as a plain
# program (fuzz/replay_NAME), on its regression inputs (fuzz/regressions/
# NAME/: inputs that once broke naast) and its seeds, so that every build,
# gcc and ASan alike, checks them without libFuzzer.  The parse target
# also reads the bundled corpus and the text of the PDFs of
# tests/corpus-pdf, the import target the corpus and the PDFs themselves.
. "$top_srcdir/tests/lib.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/naast-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# replay NAME DIR...: the target on every file of the directories that exist.
replay() {
	name=$1; shift
	set -- "$top_srcdir/fuzz/seeds/$name" "$top_srcdir/fuzz/regressions/$name" "$@"
	for d; do
		shift
		[ -d "$d" ] && set -- "$@" "$d"
	done
	"$top_builddir/fuzz/replay_$name" "$@" >"$tmp/out" 2>&1
	status=$?
	sed 's/^/# /' "$tmp/out"
	return "$status"
}

check "parse: seeds, regression inputs and the bundled corpus" \
	replay parse "$top_srcdir/assets/corpus"
if command -v pdftotext >/dev/null 2>&1; then
	mkdir "$tmp/pdf"
	for pdf in "$top_srcdir"/tests/corpus-pdf/*.pdf; do
		pdftotext -q -layout "$pdf" "$tmp/pdf/$(basename "$pdf" .pdf).txt"
	done
	check "parse: the text of the PDFs in tests/corpus-pdf" replay parse "$tmp/pdf"
fi
check "search: seeds and regression inputs" replay search
check "sanitize: seeds and regression inputs" replay sanitize
check "export: seeds and regression inputs" replay export
check "import: seeds, regression inputs, the bundled corpus and the PDFs" \
	replay import "$top_srcdir/assets/corpus" "$top_srcdir/tests/corpus-pdf"
check "db: seeds and regression inputs (tampered databases)" replay db
done_testing
