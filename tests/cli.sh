#!/bin/sh
. "$top_srcdir/tests/lib.sh"
check "naast runs" "$NAAST" --version
done_testing
