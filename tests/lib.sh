# tests/lib.sh: TAP for shell tests.  Source it, call ok/fail through
# check, end with done_testing.
n=0
failed=0

# check DESCRIPTION COMMAND...: one TAP line for the command's exit status.
check() {
	desc=$1; shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		failed=$((failed + 1))
	fi
}

done_testing() {
	echo "1..$n"
	[ "$failed" -eq 0 ]
}
