#!/bin/sh
# tests/e2e.sh: naast in a real terminal.  A private tmux server (its own
# socket, no config) runs naast at a fixed size; the script types keys,
# waits until the screen shows what it should, and compares captures with
# the reviewed screens in tests/e2e/.  Waiting polls the screen for a
# condition (bounded); nothing here measures time.
#
# Regenerate the screens after a deliberate change with
#   NAAST_UPDATE_GOLDEN=1 make check TESTS=tests/e2e.sh
. "$top_srcdir/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi

tmp=$(mktemp -d)
sock=naast-e2e-$$
export LC_ALL=C.UTF-8
t() { tmux -u -L "$sock" -f /dev/null "$@"; }
cleanup() { t kill-server 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

# One server for the whole script, kept alive by a session that does
# nothing: a server whose last session ends shuts down, and a session
# started while it is still going away dies with it ("no server
# running").  With the holder, ending a test's session never empties it.
if ! t new-session -d -s holder -x 100 -y 30 "exec sleep 86400"; then
	echo "1..0 # SKIP tmux cannot start a server here"
	exit 0
fi

screen() { t capture-pane -p -t e2e; }

# wait_for TEXT: until the screen shows TEXT (at most 2400 looks: a
# minute or more, for a machine running two sanitizer builds at once).
wait_for() {
	i=0
	while [ $i -lt 2400 ]; do
		screen | grep -qF -- "$1" && return 0
		i=$((i + 1))
		sleep 0.025
	done
	echo "# the screen never showed: $1" >&2
	screen | sed 's/^/# /' >&2
	return 1
}

# looks_like NAME: the screen is tests/e2e/NAME.txt.
looks_like() {
	screen >"$tmp/screen.txt"
	if [ -n "${NAAST_UPDATE_GOLDEN:-}" ]; then
		cp "$tmp/screen.txt" "$top_srcdir/tests/e2e/$1.txt"
	fi
	if ! cmp -s "$tmp/screen.txt" "$top_srcdir/tests/e2e/$1.txt"; then
		diff -u "$top_srcdir/tests/e2e/$1.txt" "$tmp/screen.txt" | sed 's/^/# /' >&2
		return 1
	fi
}

# start CMD: runs CMD in a new 100x30 session; its exit status lands in $tmp/status.
start() {
	rm -f "$tmp/status"
	t new-session -d -s e2e -x 100 -y 30 \
		"env XDG_DATA_HOME='$tmp/data' XDG_CONFIG_HOME='$tmp/config' $1; echo \$? >'$tmp/status'; sleep 60"
}

# settles_to NAME: the screen becomes tests/e2e/NAME.txt (after a burst of
# resizes the last redraw may still be on its way).
settles_to() {
	i=0
	while [ $i -lt 400 ]; do
		screen | cmp -s - "$top_srcdir/tests/e2e/$1.txt" && return 0
		i=$((i + 1))
		sleep 0.025
	done
	looks_like "$1"
}

exited_with() {
	i=0
	while [ $i -lt 2400 ] && [ ! -s "$tmp/status" ]; do
		i=$((i + 1))
		sleep 0.025
	done
	[ "$(cat "$tmp/status" 2>/dev/null)" = "$1" ]
}

# --- first run on an empty database ----------------------------------------
start "'$NAAST'"
check "first run imports the bundled corpus and opens the library" wait_for "Eerdmans (JA21)"
check "the library at 100x30" looks_like library
check "the database was made under XDG_DATA_HOME" [ -f "$tmp/data/naast/naast.db" ]

t send-keys -t e2e Enter
check "Enter opens the compare view at vraag 1" wait_for "Vraag 1 van 9"
check "the compare view at 100x30" looks_like compare-vraag1

t send-keys -t e2e n
check "n goes to vraag 2" wait_for "Vraag 2 van 9"

t resize-window -t e2e -x 80 -y 24
check "resizing to 80x24 redraws at once" wait_for "BZK · Minister De Jonge, Staatssec… ─┐"
check "the compare view at 80x24" looks_like compare-80x24

t resize-window -t e2e -x 30 -y 8
check "a terminal too small says so" wait_for "Terminal too small (30x8)"
check "the too-small screen" looks_like too-small

t resize-window -t e2e -x 100 -y 30
check "enlarging recovers" wait_for "Vraag 2 van 9"
check "the compare view at 100x30 again" looks_like compare-vraag2

t send-keys -t e2e '?'
check "? shows the help for the view" wait_for "Keys in the compare view"
check "the help lists next-vraag from the key table" wait_for "Go to the next vraag"

t send-keys -t e2e q /
check "/ opens the search prompt" wait_for "Search: "
t send-keys -t e2e ambtenaar Enter
check "a search lists its hits, ambtenaar finding ambtenaren" wait_for "hits for ambtenaar"
check "the hits at 100x30" looks_like search-ambtenaar
t send-keys -t e2e j Enter
check "Enter on an answer's hit opens the compare view there" wait_for "Vraag 8 van 9"
t send-keys -t e2e q
check "q goes back to the hits" wait_for "hits for ambtenaar"
t send-keys -t e2e /
check "/ opens the prompt on the last search" wait_for "Search: ambtenaar▏"
t send-keys -t e2e Right ' zijn' M-b M-b X
check "Right keeps it, and Alt-b (Esc b) goes back a word" wait_for "Search: X▏mbtenaar zijn"
t send-keys -t e2e Escape
check "Esc alone still stops typing" wait_for "hits for ambtenaar"

t send-keys -t e2e q q q
check "q, q, q quits with status 0" exited_with 0
t kill-session -t e2e 2>/dev/null

# --- hostile and wide text ----------------------------------------------------
printf 'Geachte heer \033]0;owned\007Jansen,\n\nDit is 中文 en e\314\201e\314\201n brief \033[2J\033[31mmet escapes\033[0m en ’quotes’.\n\nHoogachtend,\n' >"$tmp/evil.txt"
(cd "$tmp" && "$NAAST" --db evil.db import evil.txt >/dev/null 2>&1)
start "env NAAST_DB='$tmp/evil.db' '$NAAST'"
check "a hostile document is listed" wait_for "Jansen"
t send-keys -t e2e Enter
check "and opens in the reader" wait_for "Dit is 中文"
check "wide characters, combining marks and escapes keep the layout" looks_like reader-hostile
t send-keys -t e2e q q
check "quit from the reader and the library" exited_with 0
t kill-session -t e2e 2>/dev/null

# --- the basket: Space keeps a passage across runs, Y copies (OSC 52) ---------
# The database of the first run, with the bundled corpus.
start "'$NAAST'"
check "naast opens on the corpus imported before" wait_for "Eerdmans (JA21)"
t set -s set-clipboard on
t send-keys -t e2e Enter
check "the compare view at vraag 1" wait_for "Vraag 1 van 9"
t send-keys -t e2e Space
check "Space puts the passage under the cursor in the basket" wait_for "Put 1 passage in the basket (1 in all"
t send-keys -t e2e Y
check "Y copies the basket" wait_for "Copied the basket as Markdown with citations"
# buffer_has TEXT: tmux made a paste buffer of what naast sent, holding TEXT.
buffer_has() {
	i=0
	while [ $i -lt 200 ]; do
		t show-buffer 2>/dev/null | grep -qF -- "$1" && return 0
		i=$((i + 1))
		sleep 0.025
	done
	return 1
}
check "the clipboard (OSC 52, through tmux) holds the passage's citation" \
	buffer_has "Antwoord van Minister-President Rutte (Algemene Zaken), ontvangen 15 februari 2024, op vraag 1 van het lid Eerdmans (JA21)"
check "and the passage itself, quoted" buffer_has "> Nee. Wel is in reguliere overleggen over de verkiezingsuitslag gesproken"
t send-keys -t e2e q q
check "q, q quits" exited_with 0
t kill-session -t e2e 2>/dev/null
XDG_DATA_HOME=$tmp/data "$NAAST" select list >"$tmp/basket.txt" 2>&1
check "the passage is still in the basket after quitting (naast select list)" \
	grep -qE '^1\. passage [0-9]+ · set 1 · vraag 1 · AZ · antwoord$' "$tmp/basket.txt"

# --- terminals: odd sizes, signals, unknown types, other locales ---------------
# alternate_off: naast gave the terminal back (curses' screen is gone).
alternate_off() { [ "$(t display -p -t e2e '#{alternate_on}')" = 0 ]; }

start "'$NAAST'"
check "naast starts for the terminal tests" wait_for "Eerdmans (JA21)"
t resize-window -t e2e -x 20 -y 5
check "at 20x5 the screen says it is too small" wait_for "Terminal too"
t resize-window -t e2e -x 1 -y 1
t resize-window -t e2e -x 100 -y 30
check "1x1 and back: the library again" wait_for "Eerdmans (JA21)"
i=0
while [ $i -lt 40 ]; do
	t resize-window -t e2e -x $((20 + i * 3)) -y $((5 + i % 20))
	i=$((i + 1))
done
t resize-window -t e2e -x 100 -y 30
check "after a storm of resizes naast still draws the library" wait_for "Eerdmans (JA21)"
check "and settles to the same screen as before" settles_to library
t send-keys -t e2e C-c
check "Ctrl-C ends naast (status 130)" exited_with 130
check "and gives the terminal back" alternate_off
t kill-session -t e2e 2>/dev/null

start "'$NAAST'"
check "naast starts again" wait_for "Eerdmans (JA21)"
# The pane's shell runs env, which becomes naast: the shell's child.  Not
# found by name, which could be a naast of another run on this machine.
pid=$(pgrep -P "$(t display -p -t e2e '#{pane_pid}')")
kill -TERM "$pid" 2>/dev/null
check "SIGTERM ends naast (status 143)" exited_with 143
check "and gives the terminal back" alternate_off
t kill-session -t e2e 2>/dev/null

# Ctrl-Z and fg need a shell with job control.
rm -f "$tmp/status"
t new-session -d -s e2e -x 100 -y 30 \
	"env XDG_DATA_HOME='$tmp/data' XDG_CONFIG_HOME='$tmp/config' PS1='sh\$ ' bash --norc --noprofile -i"
check "a shell for Ctrl-Z" wait_for 'sh$'
t send-keys -t e2e "'$NAAST'" Enter
check "naast runs in it" wait_for "Eerdmans (JA21)"
t send-keys -t e2e C-z
check "Ctrl-Z stops naast and gives the shell back" wait_for "Stopped"
check "with the terminal restored" alternate_off
t send-keys -t e2e fg Enter
check "fg brings naast back, redrawn" wait_for "Library by submitted date"
t send-keys -t e2e q
t send-keys -t e2e 'echo done $?' Enter
check "and q still quits" wait_for "done 0"
t kill-session -t e2e 2>/dev/null

start "env TERM=dumb '$NAAST'"
check "TERM=dumb: one clear line" wait_for "naast: the terminal 'dumb' cannot put text at a place on the screen"
check "and status 1" exited_with 1
t kill-session -t e2e 2>/dev/null
start "env TERM=no-such-terminal '$NAAST'"
check "an unknown TERM: one clear line" wait_for "naast: the terminal type 'no-such-terminal' (TERM) is unknown here"
check "and status 1" exited_with 1
t kill-session -t e2e 2>/dev/null

start "env LC_ALL=C LANG=C '$NAAST'"
check "a C locale still draws UTF-8 text" wait_for "Eerdmans (JA21)"
t send-keys -t e2e Enter n n n n n n n
check "and ë on screen in the C locale (vraag 8)" wait_for "ministeriële verantwoordelijkheid"
t send-keys -t e2e q q
check "and quits" exited_with 0
t kill-session -t e2e 2>/dev/null

# --- a read-only database: read, and said so ---------------------------------
cp "$tmp/data/naast/naast.db" "$tmp/ro.db"
chmod 444 "$tmp/ro.db"
start "env NAAST_DB='$tmp/ro.db' '$NAAST'"
check "a read-only database opens, and the first screen says why nothing can change" \
	wait_for "is read-only"
t send-keys -t e2e j
check "the status line keeps saying so" wait_for "[read-only] Library"
t send-keys -t e2e k Enter Space
check "Space says the basket cannot change" wait_for "read-only"
t send-keys -t e2e q q
check "and q quits" exited_with 0
t kill-session -t e2e 2>/dev/null

# --- a bad key file -----------------------------------------------------------
mkdir -p "$tmp/config/naast"
printf '# my keys\nbind compare J next-vraag\nbind compare x frobnicate\n' >"$tmp/config/naast/keys"
start "'$NAAST'"
check "a bad key file line is named with file and line" wait_for "keys:3: unknown action 'frobnicate'"
check "and naast stops with status 1" exited_with 1
t kill-session -t e2e 2>/dev/null

# --- another naast imports while the interface is open (issue 9) -------------
# The interface keeps reading while another process writes (WAL), and Ctrl-L
# shows what came in.  The import ends with a letter on its standard input,
# a pipe held open until the keys below are answered: however fast the
# files before it go in, it is still running meanwhile.
live=$tmp/live.db
rm -f "$tmp/config/naast/keys"
mkdir "$tmp/live"
awk 'BEGIN { print "Geachte heer Jansen,\n"; for (i = 0; i < 2500; i++) printf "Alinea %d van een lange brief over de uitvoering van de begroting.\n\n", i; print "Hoogachtend," }' >"$tmp/live/long.txt"
for i in 1 2 3 4; do sed "s/Alinea/Alinea $i/" "$tmp/live/long.txt" >"$tmp/live/long-$i.txt"; done
"$NAAST" --db "$live" import "$top_srcdir/assets/corpus" >/dev/null 2>&1
start "env NAAST_DB='$live' '$NAAST'"
check "the interface is open on a database with one set" wait_for "Eerdmans (JA21)"
mkfifo "$tmp/live-in"
"$NAAST" --db "$live" import "$tmp/live" "$top_srcdir/tests/corpus-pdf" - <"$tmp/live-in" >"$tmp/live-import.txt" 2>&1 &
importer=$!
exec 9>"$tmp/live-in"
# running: the importer has written to the database (its WAL file is there) and is still at work.
running() {
	i=0
	while [ $i -lt 400 ] && [ ! -s "$live-wal" ]; do
		i=$((i + 1))
		sleep 0.025
	done
	kill -0 "$importer" 2>/dev/null
}
check "another naast is importing into it" running
t send-keys -t e2e '?'
check "during the import the interface answers: ? shows the help" wait_for "Keys in the library view"
t send-keys -t e2e q j k
check "q goes back to the library, j and k move" wait_for "Eerdmans (JA21)"
check "and the import was still running meanwhile" kill -0 "$importer"
printf 'Geachte heer Pieters,\n\nDeze brief kwam over de pijp.\n\nHoogachtend,\n' >&9
exec 9>&-
wait "$importer"
check "the import succeeded" sh -c "[ $? -eq 0 ] && grep -qxF 'imported 20, unchanged 0, failed 0' '$tmp/live-import.txt'"
not_shown() { ! screen | grep -qF -- "$1"; }
check "the new sets are not shown before Ctrl-L" not_shown "Crijns (PVV)"
t send-keys -t e2e C-l
check "Ctrl-L shows the sets that came in" wait_for "Crijns (PVV)"
check "and keeps the ones there were" wait_for "Eerdmans (JA21)"
t send-keys -t e2e q
check "q quits" exited_with 0
t kill-session -t e2e 2>/dev/null

# --- out of memory in the interface ----------------------------------------
# The interface under a limit of address space (ulimit -v) that the
# library fits in and an answer of three megabytes (tests/lib.sh) does
# not: opening it ends naast with the terminal restored, one line that
# says what to do, exit status 1.  The limit is the smallest of a ladder
# under which `naast list` runs, and 8 MB more (opening the answer takes
# some 20 MB more); MALLOC_ARENA_MAX=1 as in tests/faults.sh.  Under
# AddressSanitizer, which reserves terabytes, the limit means nothing.
if asan; then
	for what in "out of memory in the interface: the library opens under the limit" \
	    "opening the large answer ends naast, exit 1" \
	    "the terminal restored, one line on it that says what to do"; do
		n=$((n + 1))
		echo "ok $n - $what # SKIP built with AddressSanitizer, which reserves terabytes of address space"
	done
else
	large_answer "$top_srcdir/assets/corpus/000_aca15a80dc8ca4b0.txt" >"$tmp/large.txt"
	"$NAAST" --db "$tmp/oom.db" import "$top_srcdir/assets/corpus" "$tmp/large.txt" >/dev/null 2>&1
	limit=$(list_limit "$tmp/oom.db")
	limit=${limit:+$((limit + 8))}
	echo "# out of memory in the interface: naast list runs under $((${limit:-8} - 8)) MB" >&2
	printf 'ulimit -v %s\nMALLOC_ARENA_MAX=1 exec "%s" --db "%s"\n' \
	    $((${limit:-1} * 1024)) "$NAAST" "$tmp/oom.db" >"$tmp/limited"
	start "sh '$tmp/limited'"
	first_row() { wait_for "Grootmans (JA21)" && screen | grep -m1 'JA21' | grep -qF Grootmans; }
	check "out of memory in the interface: the library opens under the limit" first_row
	t send-keys -t e2e Enter
	check "opening the large answer ends naast, exit 1" exited_with 1
	only_line() { [ "$(screen | grep -v '^ *$')" = "naast: out of memory (free some memory and start naast again; what was saved before is kept)" ]; }
	check "the terminal restored, one line on it that says what to do" only_line
	t kill-session -t e2e 2>/dev/null
fi

# --- two answers at the import's limit ---------------------------------------
# Two answers of 8 MiB in words of one letter (four million a side,
# tests/lib.sh), one letter in a hundred changed: the compare view, its
# marks and the matrix over it took 110 to 360 MB; now they fit in 64 MB
# (GNU time's peak), marked in groups of words, which the heading and the
# matrix's cells say.  The sanitizers' own memory makes the bound
# meaningless, and importing 8 MiB takes them minutes: skipped there.
if asan || ! { [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; }; then
	for what in "the compare view opens on two answers at the import's limit" \
	    "it shows both answers" \
	    "d marks them in groups of words, and says so" \
	    "o opens the matrix over it, whose cells say the similarity is approximate" \
	    "the interface ends, exit 0" "at most 64 MB at its peak"; do
		n=$((n + 1))
		echo "ok $n - $what # SKIP built with the sanitizers, or no GNU time"
	done
else
	limit_shape "$tmp/limit-a.txt" "minister Hoekstra (Financi\303\253n)" letters
	limit_shape "$tmp/limit-b.txt" "minister Yesilg\303\266z-Zegerius (Justitie en Veiligheid)" changed
	"$NAAST" --db "$tmp/limit.db" import "$tmp/limit-a.txt" "$tmp/limit-b.txt" >/dev/null 2>&1
	start "/usr/bin/time -f %M -o '$tmp/peak' '$NAAST' --db '$tmp/limit.db'"
	wait_for "Jansen (VVD)" && t send-keys -t e2e Enter
	check "the compare view opens on two answers at the import's limit" \
		wait_for "┌ FIN · Minister Hoekstra"
	# The first line of each pane: words a to y over and over, from b.
	both() { [ "$(screen | grep -o 'b c d e f g h i j k l m n o p q r s t u v w' | wc -l)" -ge 2 ] &&
		screen | grep -qF 'JenV · Minister Yesilg'; }
	check "it shows both answers" both
	t send-keys -t e2e d
	check "d marks them in groups of words, and says so" wait_for "· differences in groups of words"
	t send-keys -t e2e o
	check "o opens the matrix over it, whose cells say the similarity is approximate" \
		wait_for " Vraag 1  4194k~"
	t send-keys -t e2e q q q
	check "the interface ends, exit 0" exited_with 0
	peak=$(tail -n 1 "$tmp/peak" 2>/dev/null)
	echo "# the compare view, its marks and the matrix at the limit: peak memory ${peak:-?} KB" >&2
	check "at most 64 MB at its peak" [ "${peak:-999999}" -le 65536 ]
	t kill-session -t e2e 2>/dev/null
fi

done_testing
