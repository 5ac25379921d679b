#!/bin/sh
# build.sh: the two commands of the README.
#
#   ./build.sh run    install what is missing, build, open naast on the
#                     bundled corpus
#   ./build.sh test   install what is missing, build with -Werror, ASan and
#                     UBSan, run the whole test suite (make check), run it
#                     again in the normal build (_build/run, which run
#                     uses) and make distcheck; with CI=true, also run each
#                     fuzz target for FUZZ_SECONDS seconds (default 60, in
#                     a clang build, and bench/run --docs 1000 as a smoke
#                     test); ends with one line "N passed, N failed"
#
# Debian packages only.  Packages are installed with apt-get (through sudo
# when not root) and only when missing.
set -eu

cd "$(dirname "$0")"
top=$(pwd)

# What naast needs to build and to test, by Debian package name.
PACKAGES="gcc make autoconf automake pkgconf libncurses-dev libsqlite3-dev
libunistring-dev libstemmer-dev libcmocka-dev libzstd-dev zstd tmux jq
sqlite3 poppler-utils time libcurl4-openssl-dev libjansson-dev python3 curl
libxlsxwriter-dev libzip-dev unzip python3-docx python3-openpyxl gettext
autopoint locales"
# And what the fuzz targets need (CI only): clang with libFuzzer.
if [ "${CI:-}" = true ]; then
	PACKAGES="$PACKAGES clang libclang-rt-dev"
fi

say() { printf 'build.sh: %s\n' "$*" >&2; }

install_missing() {
	missing=
	for p in $PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	say "installing:$missing"
	sudo=
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null 2>&1 || {
			say "need root to install:$missing (run as root or install sudo)"
			exit 1
		}
		sudo=sudo
	fi
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}

# configure_in DIR FLAGS...: bootstrap once, configure DIR when needed.
configure_in() {
	dir=$1; shift
	[ -x configure ] && [ configure -nt configure.ac ] && [ configure -nt Makefile.am ] ||
		./bootstrap >/dev/null 2>&1 || { say "bootstrap failed: run ./bootstrap to see why"; exit 1; }
	mkdir -p "$dir"
	if [ ! -f "$dir/Makefile" ] || [ "$dir/config.status" -ot configure ]; then
		(cd "$dir" && "$top/configure" -q "$@")
	fi
}

jobs=$(nproc 2>/dev/null || echo 2)

case "${1:-}" in
run)
	shift
	install_missing
	configure_in _build/run
	make -s -C _build/run -j"$jobs"
	exec _build/run/naast "$@"
	;;
test)
	install_missing
	configure_in _build/test --enable-werror --enable-sanitizers
	status=0
	make -s -C _build/test -j"$jobs" check || status=$?
	# The same suite in the normal build, without sanitizers.
	configure_in _build/run
	normal=0
	make -s -C _build/run -j"$jobs" check || normal=$?
	dist=0
	if [ "$status" -eq 0 ]; then
		make -s -C _build/test distcheck \
			DISTCHECK_CONFIGURE_FLAGS=--enable-werror >_build/distcheck.log 2>&1 || {
			dist=1
			tail -n 40 _build/distcheck.log >&2
			say "make distcheck failed (log: _build/distcheck.log)"
		}
	fi
	# Each fuzz target for a short time, after the checks (CI only).
	fuzz_pass=0 fuzz_fail=0
	if [ "${CI:-}" = true ] && [ "$status" -eq 0 ] && [ "$normal" -eq 0 ]; then
		configure_in _build/fuzz --enable-werror --enable-fuzzing
		for t in parse search sanitize export import db; do
			if FUZZ_MAX_LEN="${FUZZ_MAX_LEN:-1048576}" \
				make -s -C _build/fuzz -j"$jobs" fuzz FUZZ_NAMES="$t" \
				FUZZ_SECONDS="${FUZZ_SECONDS:-60}"; then
				fuzz_pass=$((fuzz_pass + 1))
			else
				fuzz_fail=$((fuzz_fail + 1))
			fi
		done
	fi
	# The benchmark on 1,000 documents: a smoke test that it runs and
	# reports every figure (CI only; its timings are read, never judged).
	bench=0
	if [ "${CI:-}" = true ] && [ "$normal" -eq 0 ]; then
		"$top/bench/run" --build "$top/_build/run" --no-build --docs 1000 \
			>_build/bench.txt 2>_build/bench.err || {
			bench=1
			tail -n 20 _build/bench.err >&2
			say "bench/run --docs 1000 failed (output: _build/bench.txt)"
		}
		[ "$bench" -eq 0 ] && cat _build/bench.txt >&2
	fi
	count() { sed -n "s/^# $1: *//p" "$log" | head -n 1; }
	passed=0 failed=0 skipped=0
	# Both runs of the suite: the sanitizer build and the normal one.
	for log in _build/test/test-suite.log _build/run/test-suite.log; do
		if [ -f "$log" ]; then
			pass=$(count PASS) fail=$(count FAIL) err=$(count ERROR)
			xpass=$(count XPASS) skip=$(count SKIP)
		else
			pass=0 fail=1 err=0 xpass=0 skip=0
		fi
		passed=$((passed + ${pass:-0}))
		failed=$((failed + ${fail:-0} + ${err:-0} + ${xpass:-0}))
		skipped=$((skipped + ${skip:-0}))
	done
	passed=$((passed + (1 - dist) * (status == 0) + fuzz_pass))
	failed=$((failed + dist + fuzz_fail + bench))
	[ "${CI:-}" = true ] && [ "$normal" -eq 0 ] && [ "$bench" -eq 0 ] && passed=$((passed + 1))
	if [ "$status" -ne 0 ] || [ "$normal" -ne 0 ]; then
		[ "$failed" -eq 0 ] && failed=1
	fi
	printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
	[ "$failed" -eq 0 ]
	;;
*)
	echo "usage: ./build.sh run [NAAST ARGS] | ./build.sh test" >&2
	exit 2
	;;
esac
