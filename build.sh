#!/bin/sh
# build.sh: the two commands of the README.
#
#   ./build.sh run    install what is missing, build, open naast on the
#                     bundled corpus
#   ./build.sh test   install what is missing, build with -Werror, ASan and
#                     UBSan, run the whole test suite (make check) and
#                     make distcheck; ends with one line "N passed, N failed"
#
# Debian packages only.  Packages are installed with apt-get (through sudo
# when not root) and only when missing.
set -eu

cd "$(dirname "$0")"
top=$(pwd)

# What naast needs to build and to test, by Debian package name.
PACKAGES="gcc make autoconf automake pkgconf libncurses-dev libsqlite3-dev
libunistring-dev libstemmer-dev libcmocka-dev tmux jq sqlite3 poppler-utils"

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
	dist=0
	if [ "$status" -eq 0 ]; then
		make -s -C _build/test distcheck \
			DISTCHECK_CONFIGURE_FLAGS=--enable-werror >_build/distcheck.log 2>&1 || {
			dist=1
			tail -n 40 _build/distcheck.log >&2
			say "make distcheck failed (log: _build/distcheck.log)"
		}
	fi
	log=_build/test/test-suite.log
	count() { sed -n "s/^# $1: *//p" "$log" | head -n 1; }
	if [ -f "$log" ]; then
		pass=$(count PASS) fail=$(count FAIL) err=$(count ERROR)
		xpass=$(count XPASS) skip=$(count SKIP)
	else
		pass=0 fail=1 err=0 xpass=0 skip=0
	fi
	passed=$((pass + (1 - dist) * (status == 0)))
	failed=$((fail + err + xpass + dist))
	[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
	printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "${skip:-0}"
	[ "$failed" -eq 0 ]
	;;
*)
	echo "usage: ./build.sh run [NAAST ARGS] | ./build.sh test" >&2
	exit 2
	;;
esac
