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

# large_answer ANSWER: an answer to one vraag on stdout, with the header
# of the answer file ANSWER (its questioner renamed) and three megabytes
# of words that each occur once: what takes an import, the reader and a
# search tens of megabytes more than a small answer does.
large_answer() {
	sed -n '1,/^Vraag 1/p' "$1" | sed 's/Eerdmans/Grootmans/'
	printf 'Is dit lang?\n\nAntwoord 1\n'
	awk 'BEGIN {
		split("ka be lo mi ta ver ont ge heid ing lijk aar schap st dr en po ru xi qua", s, " ")
		for (i = 1; n < 3000000; i++) {
			w = ""
			for (k = i; k > 0; k = int(k / 20))
				w = w s[k % 20 + 1]
			printf "%s ", w
			n += length(w) + 1
		}
		print ""
	}'
}

# list_limit DB: the least of a ladder of address-space limits, in MB,
# under which `naast list` runs on DB; nothing when none of them does.
# MALLOC_ARENA_MAX=1 keeps a second thread from reserving an arena of its
# own (64 MB of address space that, refused, makes the need jump about).
list_limit() {
	for mb in 16 20 24 28 32 40 48 64 96 128; do
		if (ulimit -v $((mb * 1024)); MALLOC_ARENA_MAX=1 exec "$NAAST" --db "$1" list) >/dev/null 2>&1; then
			echo "$mb"
			return 0
		fi
	done
}

# asan: whether $NAAST was built with AddressSanitizer, which reserves
# terabytes of address space (a limit of it, ulimit -v, means nothing).
asan() { grep -qa __asan_init "$NAAST"; }
