#!/bin/sh
# tests/nl_locale.sh DIR: makes the locale nl_NL.UTF-8 in DIR (for LOCPATH),
# so that the tests speak Dutch without root and without locale-gen.  Made
# once: a second call finds it.  Exits 1, saying why, where localedef or
# the locale's source (Debian package locales) is missing.
set -eu
dir=$1
[ -d "$dir/nl_NL.UTF-8" ] && exit 0
command -v localedef >/dev/null 2>&1 || { echo "localedef not found: install the Debian package libc-bin" >&2; exit 1; }
mkdir -p "$dir"
# Tests run in parallel: make it apart, then move it in place at once.
part=$(mktemp -d "$dir/.part.XXXXXX")
trap 'rm -rf "$part"' EXIT
if ! localedef -i nl_NL -f UTF-8 "$part/nl_NL.UTF-8" >"$part/log" 2>&1; then
	# localedef warns and still writes the locale; only a missing one fails.
	[ -d "$part/nl_NL.UTF-8" ] || { echo "cannot make nl_NL.UTF-8: install the Debian package locales" >&2; exit 1; }
fi
mv -T "$part/nl_NL.UTF-8" "$dir/nl_NL.UTF-8" 2>/dev/null || [ -d "$dir/nl_NL.UTF-8" ]
