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

# limit_shape FILE MINISTER SHAPE: an answer to vraag 1 of set 1 by
# MINISTER at the import's limit of 8 MiB, of one shape: "letters", words
# of one letter (four million); "changed", the same with one in a hundred
# another letter; "same", one word throughout; "word", no white space at
# all (one word of 7 MiB).
limit_shape() {	# limit_shape FILE MINISTER letters|changed|same|word
	awk -v who="$2" -v shape="$3" 'BEGIN {
		head = sprintf("Vragen van het lid Jansen (VVD) aan de Minister van Financi\303\253n en de Minister van Justitie en Veiligheid over belasting (ingezonden 1 februari 2024).\n\nVraag 1\n\nWaarom?\n\nAntwoord van %s (ontvangen 1 maart 2024).\n\nAntwoord 1\n\n", who)
		printf "%s", head
		n = length(head) + 7
		if (shape == "word") {
			w = "x"
			while (length(w) < 1048576) w = w w
			for (; n + length(w) <= 8388608 - 64; n += length(w)) printf "%s", w
			printf "\n"
			exit
		}
		# As many words whatever the head: the same shape, the same words.
		for (i = 1; i <= (8388608 - 64 - 512) / 2; i++) {
			if (shape == "same") w = "a"
			else if (shape == "changed" && i % 100 == 50) w = "z"
			else w = substr("abcdefghijklmnopqrstuvwxy", i % 25 + 1, 1)
			printf "%s ", w
		}
		printf "einde.\n" }' >"$1"
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
