#!/bin/sh
# tests/fetch.sh: naast fetch against tests/tkserver.py, a local server
# that answers as the Tweede Kamer's open data does (OData v4), with the
# fixtures of tests/opendata and faults on request (issue 18).  Every
# failure is one line on stderr, stores nothing of the document (or of
# the Zaak) it failed on, and a fetch run again completes.
. "$top_srcdir/tests/lib.sh"

tmp=$(mktemp -d)
server=
sock=naast-fetch-$$
t() { tmux -u -L "$sock" -f /dev/null "$@"; }
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null
	t kill-server 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db=$tmp/x.db
export XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config"
unset NAAST_API https_proxy http_proxy HTTPS_PROXY ALL_PROXY all_proxy

PYTHONDONTWRITEBYTECODE=1 python3 "$top_srcdir/tests/tkserver.py" --pdf-dir "$tmp/pdf" >"$tmp/port" 2>"$tmp/server.err" &
server=$!
for i in $(seq 100); do
	grep -q '^PORT ' "$tmp/port" 2>/dev/null && break
	sleep 0.2
done
port=$(awk '/^PORT /{ print $2 }' "$tmp/port")
if [ -z "$port" ]; then
	echo "Bail out! tests/tkserver.py did not start: $(cat "$tmp/server.err")"
	exit 1
fi
base=http://127.0.0.1:$port
api=$base/OData/v4/2.0/

naast() { "$NAAST" --db "$db" "$@"; }
fetch() { "$NAAST" --db "$db" fetch --api "$api" --timeout 2 "$@" >"$tmp/out" 2>"$tmp/err"; }
control() { curl -sf "$base/_control?$1" >/dev/null; }
# requests PATTERN: how many requests the server got whose path matches.
requests() { curl -sf "$base/_log" | jq --arg p "$1" '[.[] | select(.path | test($p))] | length'; }
docs() { sqlite3 "$db" "SELECT count(*) FROM document"; }
dump() { sqlite3 "$db" .dump | sha256sum; }
# one_line PATTERN: stderr is one line "naast: ..." matching PATTERN.
one_line() {
	[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q '^naast: ' "$tmp/err" &&
		grep -q "$1" "$tmp/err" || {
		echo "# stderr: $(cat "$tmp/err")" >&2
		return 1
	}
}

# -------------------------------------------------------- a whole question set

control reset=1
check "fetch of a Zaak succeeds" fetch 2024Z01294
check "the questions, three answers and a mededeling are stored" \
	[ "$(grep -c ': stored' "$tmp/out")" -eq 5 ]
check "each document is named by its KOOP id" sh -c "grep -q 'kv-tk-2024Z01294 (Schriftelijke vragen): stored' '$tmp/out' &&
	grep -q 'ah-tk-20232024-1059 (Antwoord schriftelijke vragen): stored' '$tmp/out' &&
	grep -q 'ah-tk-20232024-1047 (Mededeling (uitstel antwoord)): stored' '$tmp/out'"
check "the summary names the set, who answered and who has not" \
	grep -q '^set 1 (Zaak 2024Z01294): 9 vragen, answered by AZ, BZK, DEF; 9 ministries addressed have not answered (3/12 beantwoord)$' "$tmp/out"
naast list --json >"$tmp/list.json"
jqt() { jq -e "$1" "$tmp/list.json" >/dev/null; }
check "list: the set has its Zaak" jqt '.sets[0].zaak == "2024Z01294"'
check "list: the addressed ministers are the open data's" \
	jqt '.sets[0].addressed_from == "open data" and (.sets[0].addressed | length) == 12'
check "list: coverage counts them" jqt '.sets[0].answered == 3 and (.sets[0].coverage | length) == 12'
check "list: answers carry their document number and KOOP id" \
	jqt '[.sets[0].answers[] | select(.ministry == "BZK")][0] | .tk_document == "2024D05678" and .koop_id == "ah-tk-20232024-1059"'
check "list: the mededeling carries its KOOP id" \
	jqt '.sets[0].notices[0].koop_id == "ah-tk-20232024-1047"'
check "a citation of a fetched answer names its KOOP id" sh -c "
	'$NAAST' --db '$db' export --set 1 --vraag 1 --ministry BZK --format md | grep -q 'nr. 1059 (ah-tk-20232024-1059)\.'"
check "the PDFs are in the cache, nothing half-written" sh -c "
	[ \$(ls '$tmp/cache/naast' | grep -c '\\.pdf\$') -eq 5 ] && ! ls '$tmp/cache/naast' | grep -q '\\.part\$'"

downloads=$(requests resource)
check "a second fetch succeeds" fetch ah-tk-20232024-1059
check "a second fetch downloads nothing" [ "$(requests resource)" -eq "$downloads" ]
check "and says each document is here already" [ "$(grep -c ': here already$' "$tmp/out")" -eq 5 ]
check "a Zaak by its document number" fetch 2024D05678

# A real published answer; a deleted document (Verwijderd) and a document
# of another kind are not asked for; a PDF imported from a file before is
# not stored twice, and learns its identifiers.
check "a Zaak whose PDF is a published answer" fetch 2024Z12116
check "a deleted document is not downloaded" [ "$(requests 07b68d81)" -eq 0 ]
check "a PDF imported from a file" sh -c "'$NAAST' --db '$db' import '$top_srcdir/tests/corpus-pdf/00fe7edd-24c8-4857-98da-774ed3b06836.pdf' >/dev/null"
check "is here already when fetched" fetch 2024Z10411
check "and said to be" grep -q ': here already, imported from a file$' "$tmp/out"
check "and has its KOOP id now" [ "$(sqlite3 "$db" "SELECT koop_id FROM document WHERE origin LIKE '%00fe7edd%'")" = ah-tk-20232024-1314 ]
check "a Brief regering of a Zaak is not downloaded" sh -c "
	fetch() { '$NAAST' --db '$db' fetch --api '$api' 2024Z11804 >'$tmp/out' 2>&1; }; fetch &&
	[ \$(curl -sf '$base/_log' | jq '[.[] | select(.path | test(\"dfb245a0\"))] | length') -eq 0 ]"

# A PDF in which naast finds no answer: stored all the same, with a warning.
check "a PDF naast cannot structure is stored" fetch 2024Z17345
check "and said to be not fully read" grep -q 'stored, .*not fully read' "$tmp/out"

# --------------------------------------------------------------------- faults

unknown_before=$(dump)
! fetch 2024Z99999
check "an unknown Zaak fails" [ $? -eq 0 ]
check "in one line that says so" one_line 'has no Zaak 2024Z99999'
check "and changes nothing" [ "$(dump)" = "$unknown_before" ]

# fault_run DESC KIND MATCH TIMES ZAAK PATTERN: the fault makes fetch fail
# in one line matching PATTERN, storing nothing of what it failed on (the
# document whose Id is MATCH, or the whole Zaak); then a fetch completes.
fault_run() {
	rm -f "$db" "$db-wal" "$db-shm"
	rm -rf "$tmp/cache"
	control reset=1
	control "fault=$2&match=$3&times=$4"
	before=$(docs 2>/dev/null || echo 0)
	! fetch "$5"
	check "$1: fails" [ $? -eq 0 ]
	check "$1: in one line" one_line "$6"
	check "$1: only what was told stored is stored" \
		[ "$(docs)" -eq "$(grep -c ': stored' "$tmp/out")" ]
	check "$1: nothing of what failed" [ "$(sqlite3 "$db" \
		"SELECT count(*) FROM document WHERE tk_id LIKE '$3%'")" -eq 0 ]
	control reset=1
	check "$1: a fetch again completes" fetch "$5"
	check "$1: with every document" [ "$(grep -c ': \(stored\|here already\)' "$tmp/out")" -eq 5 ]
}
fault_run "server error" 500 Zaak 4 2024Z01294 'answered 500 to every try'
fault_run "invalid JSON" badjson Zaak 1 2024Z01294 'no valid JSON'
fault_run "an HTML page with status 200" html200 Zaak 1 2024Z01294 'no valid JSON'
fault_run "an HTML page for a PDF" html200 a1fa6b98 1 2024Z01294 'no PDF for ah-tk-20232024-1059'
fault_run "a download cut short" truncate a1fa6b98 4 2024Z01294 'stopped at [0-9]* of [0-9]* bytes'
check "a download cut short: the rest was asked with a Range" \
	[ "$(curl -sf "$base/_log" | jq '[.[] | select(.path | test("a1fa6b98")) | select(.range != null)] | length')" -ge 1 ]

# Faults that pass: asked again after a pause.
rm -f "$db" "$db-wal" "$db-shm"
control reset=1
control "fault=429&match=Zaak&times=1"
check "429 with Retry-After: asked again, fetched" fetch 2024Z01294
check "429: the Zaak was asked twice" [ "$(requests 'Zaak$')" -eq 2 ]
control reset=1
control "fault=503&match=resource&times=2"
check "503 twice: asked again, fetched" fetch 2024Z01294
control reset=1
rm -f "$db" "$db-wal" "$db-shm"
rm -rf "$tmp/cache"
control "fault=timeout&match=a1fa6b98&times=1"
check "no answer within --timeout: asked again, fetched" fetch 2024Z01294
check "no answer: every document stored" [ "$(grep -c ': stored' "$tmp/out")" -eq 5 ]

# Nothing listens: one line, nothing changes.
closed=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
before=$(dump)
! "$NAAST" --db "$db" fetch --api "http://127.0.0.1:$closed/OData/v4/2.0/" 2024Z10411 >"$tmp/out" 2>"$tmp/err"
check "connection refused: fails" [ $? -eq 0 ]
check "connection refused: in one line" one_line 'cannot get .*127.0.0.1'
check "connection refused: nothing changes" [ "$(dump)" = "$before" ]

# ----------------------------------------------------------------------- sync

sync() { "$NAAST" --db "$db" sync --api "$api" --timeout 2 "$@" >"$tmp/out" 2>"$tmp/err"; }
checkpoint() { sqlite3 "$db" "SELECT value FROM setting WHERE key = 'sync.checkpoint'"; }
rm -f "$db" "$db-wal" "$db-shm"
control reset=1
! sync
check "sync with nothing to go on from is a usage error" [ $? -eq 0 ]
check "that says what to do" one_line 'fetch a set first'
fetch_sync() { fetch 2024Z01294 && sync; }
check "sync after a fetch" fetch_sync
check "finds nothing new" grep -q '^synced: 0 documents listed since .*, 0 sets fetched, 0 new documents$' "$tmp/out"
# A document naast cannot store does not stop every sync: told and
# passed; published again, or fetched with its set, it comes.
control publish=lnv
control 'fault=html200&match=c0c77113&times=1'
! sync
check "a published answer that is no PDF: sync says so" [ $? -eq 0 ]
check "in one line" one_line "1 document could not be stored"
check "and names it" grep -q 'ah-tk-20232024-1196 (Antwoord schriftelijke vragen): failed: the open data sent no PDF' "$tmp/out"
check "the checkpoint moved on" grep -q 'the next sync goes on from' "$tmp/out"
control publish=lnv
check "the open data publishes an answer: sync" sync
check "imports just that one" [ "$(grep -c ': stored' "$tmp/out")" -eq 1 ]
check "the new answer" grep -q '^  ah-tk-20232024-1196 (Antwoord schriftelijke vragen): stored' "$tmp/out"
check "and says what changed for the set" grep -q '^set 1 (Zaak 2024Z01294): 9 vragen, answered by AZ, BZK, DEF, LNV; 8 ministries' "$tmp/out"
check "and moves the checkpoint" grep -q 'the next sync goes on from 20' "$tmp/out"
downloads=$(requests .)
check "a sync again" sync
check "asks for the changes only" [ "$(requests .)" -eq $((downloads + 1)) ]

check "unfollow a set by its number" sh -c "'$NAAST' --db '$db' unfollow 1 >'$tmp/out'"
check "says so" grep -q '^not following Zaak 2024Z01294$' "$tmp/out"
control publish=lnv
check "sync leaves an unfollowed set alone" sync
check "and fetches no set" grep -q ', 0 sets fetched' "$tmp/out"
check "follow it again by its Zaak" sh -c "'$NAAST' --db '$db' follow 2024Z01294 >/dev/null"
check "a set from files cannot be followed" sh -c "
	'$NAAST' --db '$db' import '$top_srcdir/assets/corpus/004_e244608e296288d3.txt' >/dev/null &&
	'$NAAST' --db '$db' import '$top_srcdir/tests/corpus-pdf/1c0f765c-d7b4-455e-a241-35a4e9a9dc36.pdf' >/dev/null &&
	! '$NAAST' --db '$db' follow 2 2>'$tmp/err' && grep -q 'has no Zaak number' '$tmp/err'"

# Every set since a date, page by page; killed after the first page, the
# sync goes on from where it was.
rm -f "$db" "$db-wal" "$db-shm"
control reset=1
control 'fault=timeout&match=$skip=250&times=1'
"$NAAST" --db "$db" sync --api "$api" --timeout 30 --all --since 2024-01-01 >"$tmp/out" 2>"$tmp/err" &
pid=$!
for i in $(seq 300); do
	[ -n "$(checkpoint 2>/dev/null)" ] && break
	sleep 0.2
done
first=$(checkpoint)
sleep 0.5
kill -9 $pid
wait $pid 2>/dev/null
check "sync --all: the first page is done before the second is asked" [ -n "$first" ]
check "killed -9: the checkpoint survives" [ "$(checkpoint)" = "$first" ]
check "killed -9: the database is sound" [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ]
stored=$(docs)
control reset=1
check "a sync again goes on" sync --all
check "from the checkpoint" grep -q "^synced: .* since $first" "$tmp/out"
check "and stores the rest, nothing twice" [ "$(docs)" -eq "$(sqlite3 "$db" 'SELECT count(DISTINCT tk_id) FROM document')" ]
check "every set of the open data is here" [ "$(sqlite3 "$db" 'SELECT count(*) FROM question_set')" -ge 300 ]
check "more than before the kill" [ "$(docs)" -gt "$stored" ]

# ---------------------------------------------------------- where it goes

mkdir -p "$tmp/config/naast"
printf '# where the open data is\napi = %s\n' "$api" >"$tmp/config/naast/config"
control reset=1
check "the configuration file names the address" sh -c "'$NAAST' --db '$db' fetch 2024Z10411 >'$tmp/out' 2>&1"
rm -f "$tmp/config/naast/config"
control reset=1
check "NAAST_API names the address" sh -c "NAAST_API='$api' '$NAAST' --db '$db' fetch 2024Z10411 >'$tmp/out' 2>&1"
check "every request names naast and its version" [ "$(curl -sf "$base/_log" |
	jq '[.[] | select(.agent | test("^naast/[0-9]+\\.[0-9]+") | not)] | length')" -eq 0 ]
check "a usage error touches no file and no network" sh -c "
	! '$NAAST' --db '$tmp/none.db' fetch --api '$api' nonsense 2>/dev/null && [ ! -e '$tmp/none.db' ]"

# ------------------------------------------------ in a real terminal (tmux)

# F in the library fetches a set with a line of progress; N lists what
# came; Enter opens it side by side.
screen() { t capture-pane -p -t fetch; }
wait_for() {
	i=0
	while [ $i -lt 1200 ]; do
		screen | grep -qF -- "$1" && return 0
		i=$((i + 1))
		sleep 0.025
	done
	screen | sed 's/^/# /' >&2
	return 1
}
if ! command -v tmux >/dev/null 2>&1 ||
	! t new-session -d -s holder -x 100 -y 30 "exec sleep 86400"; then
	n=$((n + 1))
	echo "ok $n - the fetch prompt in a terminal # SKIP tmux cannot run here"
else
	rm -f "$db" "$db-wal" "$db-shm"
	control reset=1
	t new-session -d -s fetch -x 100 -y 30 \
		"env LC_ALL=C.UTF-8 NAAST_API='$api' '$NAAST' --db '$db'; echo \$? >'$tmp/status'; sleep 60"
	check "the library opens" wait_for "? help"
	t send-keys -t fetch F
	check "F opens the fetch prompt" wait_for "Fetch a question set from the open data"
	t send-keys -t fetch 2024Z10411 Enter
	check "Enter fetches and says what came" wait_for "(Zaak 2024Z10411): 1 new, 0 here already"
	check "the set is in the library" wait_for "1/1 beantwoord"
	t send-keys -t fetch N
	check "N lists the new answer" wait_for "ah-tk-20232024-1314"
	t send-keys -t fetch Enter
	check "Enter opens it at vraag 1" wait_for "Vraag 1 van"
	# Meanwhile a set is fetched and sync brings in a newly published
	# answer: Ctrl-L in the library counts them, N lists the one sync
	# brought.
	t send-keys -t fetch q q
	check "back in the library" wait_for "? help"
	fetch 2024Z01294
	control publish=lnv
	check "sync brings in the new answer" sync
	t send-keys -t fetch C-l
	check "the library counts what came" wait_for "· 4 new"
	t send-keys -t fetch N
	check "the new view lists the answer sync brought" wait_for "ah-tk-20232024-1196"
	t send-keys -t fetch q q
	i=0
	while [ ! -s "$tmp/status" ] && [ $i -lt 400 ]; do sleep 0.025; i=$((i + 1)); done
	check "naast ends with status 0" [ "$(cat "$tmp/status" 2>/dev/null)" = 0 ]
fi

done_testing
