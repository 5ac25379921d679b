#!/bin/sh
# fuzz/run.sh: make fuzz.  Runs each libFuzzer target fuzz/fuzz_NAME for
# FUZZ_SECONDS seconds (default 60), one after the other, on its seeds
# (fuzz/seeds/NAME/, and for parse the bundled corpus and the text of the
# PDFs in tests/corpus-pdf, for import the corpus and the PDFs) and its
# regression inputs
# (fuzz/regressions/NAME/).  What a target finds stays in
# BUILDDIR/fuzz/work/NAME/corpus for the next run.  Fails when a target
# crashes (or hangs, or leaks), and says where the input is.
#
# usage: fuzz/run.sh SRCDIR BUILDDIR NAME...
set -u

srcdir=$1 builddir=$2
shift 2
names=$*
seconds=${FUZZ_SECONDS:-60}
work=$builddir/fuzz/work
say() { printf 'make fuzz: %s\n' "$*" >&2; }

# The text of the published PDFs, as naast's pdftext parser reads it.
pdf_text=$work/pdf-text
if command -v pdftotext >/dev/null 2>&1; then
	mkdir -p "$pdf_text"
	for pdf in "$srcdir"/tests/corpus-pdf/*.pdf; do
		txt=$pdf_text/$(basename "$pdf" .pdf).txt
		[ -s "$txt" ] || pdftotext -q -layout "$pdf" "$txt" || rm -f "$txt"
	done
else
	say "pdftotext is missing (Debian package poppler-utils): parse runs without the PDFs' text"
fi

failed=
for name in $names; do
	dir=$work/$name
	mkdir -p "$dir/corpus" "$dir/crashes"
	set -- "$dir/corpus"
	for d in "$srcdir/fuzz/seeds/$name" "$srcdir/fuzz/regressions/$name"; do
		[ -d "$d" ] && set -- "$@" "$d"
	done
	if [ "$name" = parse ]; then
		set -- "$@" "$srcdir/assets/corpus"
		[ -d "$pdf_text" ] && set -- "$@" "$pdf_text"
	fi
	if [ "$name" = import ]; then
		set -- "$@" "$srcdir/assets/corpus" "$srcdir/tests/corpus-pdf"
	fi
	[ -f "$srcdir/fuzz/$name.dict" ] && set -- -dict="$srcdir/fuzz/$name.dict" "$@"
	# parse and import grow their inputs (fuzz/grow.c) up to the text an
	# import takes (IMPORT_MAX_TEXT_SIZE, 8 MB) and, for import, one byte
	# past it; libFuzzer would otherwise keep them near their seeds' size.
	# Reading 8 MB takes up to two minutes under the sanitizers and the
	# fuzzer's instrumentation: they wait five before calling it a hang
	# (a pass quadratic in the size takes hours there).
	# FUZZ_MAX_LEN lowers that bound: CI's minute (build.sh) does more
	# runs of 1 MB than of 8, and no input takes minutes.
	timeout=30
	case $name in
	parse) set -- -max_len="${FUZZ_MAX_LEN:-8388608}" -len_control=0 "$@"; timeout=300 ;;
	import) set -- -max_len="${FUZZ_MAX_LEN:-8388609}" -len_control=0 "$@"; timeout=300 ;;
	esac
	start=$(date +%s)
	UBSAN_OPTIONS=print_stacktrace=1 \
	"$builddir/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout="$timeout" \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$dir/crashes/" "$@" >"$dir/log" 2>&1
	status=$?
	end=$(date +%s)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$dir/log" | tail -n 1)
	inputs=$(find "$dir/corpus" -type f | wc -l)
	if [ "$status" -eq 0 ]; then
		printf 'fuzz_%s: %s runs in %ss, %s, %s inputs in its corpus\n' \
			"$name" "${runs:-?}" "$((end - start))" "${cov:-cov: ?}" "$inputs"
	else
		tail -n 40 "$dir/log" >&2
		say "fuzz_$name failed (exit $status; log: $dir/log)"
		for f in "$dir"/crashes/*; do
			[ -f "$f" ] || continue
			say "input: $f"
			say "  replay it: $builddir/fuzz/replay_$name $f"
			say "  once fixed, keep it: cp $f $srcdir/fuzz/regressions/$name/"
		done
		failed="$failed $name"
	fi
done
if [ -n "$failed" ]; then
	say "failed:$failed"
	exit 1
fi
