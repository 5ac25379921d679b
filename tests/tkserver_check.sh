#!/bin/sh
# tkserver_check.sh: a self-test of the test server tests/tkserver.py.
#
# Starts the server on a temporary directory and checks with curl and jq
# what naast's fetch and sync tests rely on: the queries of FORMATS.md
# section 5 (a Zaak by number with its actors and documents, a document by
# Aanhangsel or document number, the changes since a stamp page by page),
# the files with Range, each fault of /_control, publish, reset and /_log,
# and that SIGTERM stops it.  Prints each failure and "ok" at the end;
# exits 0 only when everything passed.

# shellcheck disable=SC2016,SC2317  # $options in single quotes; trap function
srcdir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tkcheck.XXXXXX") || exit 1
pid=
fails=0
checks=0

cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# check DESCRIPTION COMMAND...: the command must succeed.
check() {
	desc=$1
	shift
	checks=$((checks + 1))
	"$@" || fail "$desc"
}

# A jq test on the last body: check_jq DESCRIPTION FILTER (true to pass).
check_jq() {
	checks=$((checks + 1))
	[ "$(jq -r "$2" "$tmp/body" 2>/dev/null)" = true ] || fail "$1 ($2)"
}

# get URL [curl options...]: the status in $code, the body in $tmp/body,
# the headers in $tmp/hdr, curl's exit status in $rc.
get() {
	url=$1
	shift
	code=$(curl -s -o "$tmp/body" -D "$tmp/hdr" -w '%{http_code}' "$@" "$url")
	rc=$?
}

# odata SET OPTION=VALUE...: a GET of the entity set with each query
# option percent-encoded, as a client sends it.
odata() {
	set_=$1
	shift
	q=
	for o in "$@"; do
		q="$q&${o%%=*}=$(printf '%s' "${o#*=}" | jq -sRr @uri)"
	done
	get "$base/$set_?${q#&}"
}

header() {
	tr -d '\r' < "$tmp/hdr" | sed -n "s/^$1: //Ip" | tail -n 1
}

control() {
	[ "$(curl -s "$root/_control?$1")" = ok ] || fail "control $1"
}

# --------------------------------------------------------------- start

python3 "$srcdir/tkserver.py" --pdf-dir "$tmp/pdf" > "$tmp/port" 2> "$tmp/err" &
pid=$!
i=0
while ! grep -q '^PORT [0-9]' "$tmp/port" 2>/dev/null; do
	i=$((i + 1))
	if [ $i -gt 100 ] || ! kill -0 "$pid" 2>/dev/null; then
		echo "FAIL: the server did not start"
		cat "$tmp/err"
		exit 1
	fi
	sleep 0.1
done
[ "$(wc -l < "$tmp/port")" -eq 1 ] || fail "more than one line on stdout"
port=$(sed -n 's/^PORT //p' "$tmp/port")
root="http://127.0.0.1:$port"
base="$root/OData/v4/2.0"

# ------------------------------------------------------- R1: a Zaak

odata Zaak "\$filter=Nummer eq '2024Z01294' and Verwijderd eq false" \
    '$expand=ZaakActor,Document'
check "R1 status" [ "$code" = 200 ]
check "R1 content type" [ "$(header Content-Type)" = "application/json; odata.metadata=minimal" ]
check "R1 Date header" [ -n "$(header Date)" ]
check_jq "R1 one Zaak" '(.value | length) == 1 and .value[0].Nummer == "2024Z01294"'
check_jq "R1 context" '."@odata.context" | startswith("http://")'
check_jq "R1 Zaak fields" '.value[0] | .Soort == "Schriftelijke vragen" and .GestartOp == "2024-01-29T00:00:00+01:00" and .Alias == null and .Afgedaan == false and (.Id | test("^[0-9a-f-]{36}$"))'
check_jq "R1 twelve addressed" '[.value[0].ZaakActor[] | select(.Relatie == "Gericht aan")] | length == 12'
check_jq "R1 minister-president" '[.value[0].ZaakActor[] | select(.Relatie == "Gericht aan") | .Functie] | index("minister-president") != null'
check_jq "R1 indiener" '[.value[0].ZaakActor[] | select(.Relatie == "Indiener") | .ActorFractie] == ["JA21"]'
check_jq "R1 documents" '[.value[0].Document[] | .Soort] | sort == ["Antwoord schriftelijke vragen", "Antwoord schriftelijke vragen", "Antwoord schriftelijke vragen", "Mededeling (uitstel antwoord)", "Schriftelijke vragen"]'
check_jq "R1 aanhangsel numbers" '[.value[0].Document[] | .Aanhangselnummer] | sort == [null, "232401038", "232401047", "232401059", "232401112"]'
check_jq "R1 document fields" '[.value[0].Document[] | .ContentType == "application/pdf" and .ContentLength > 0 and .Kamer == 2 and .Volgnummer == -1 and .Vergaderjaar == "2023-2024"] | all'
jq -r '.value[0].Document[] | select(.Aanhangselnummer == "232401038") | "\(.Id) \(.ContentLength)"' "$tmp/body" > "$tmp/az"
read -r az_id az_len < "$tmp/az"

odata Zaak "\$filter=Nummer eq '2024Z99999' and Verwijderd eq false" '$expand=ZaakActor,Document'
check "R1 unknown status" [ "$code" = 200 ]
check_jq "R1 unknown: empty" '.value == []'

odata Zaak "\$filter=Nummer eq '2024Z01294'" '$expand=ZaakActor'
check_jq "R1 only what \$expand names" '.value[0] | has("ZaakActor") and (has("Document") | not)'

odata Zaak "\$filter=Nummer eq '2024Z01294'" \
    "\$expand=ZaakActor(\$filter=Relatie eq 'Indiener'),Document(\$select=Id,Soort)"
check_jq "R1 nested options" '(.value[0].ZaakActor | length) == 1 and (.value[0].Document[0] | keys) == ["Id", "Soort"]'

# ----------------------------------------------- R2: a document by number

odata Document "\$filter=Aanhangselnummer eq '232401059' and Verwijderd eq false" '$expand=Zaak'
check_jq "R2 by Aanhangselnummer" '(.value | length) == 1 and .value[0].DocumentNummer == "2024D05678" and .value[0].Zaak[0].Nummer == "2024Z01294"'
odata Document "\$filter=DocumentNummer eq '2024D05678' and Verwijderd eq false" '$expand=Zaak'
check_jq "R2 by DocumentNummer" '(.value | length) == 1 and .value[0].Aanhangselnummer == "232401059" and (.value[0].Zaak[0] | has("GestartOp"))'
odata Document "\$filter=DocumentNummer eq '2024D31590' and Verwijderd eq false"
check_jq "R2 deleted left out" '.value == []'
odata Document "\$filter=DocumentNummer eq '2024D31590'"
check_jq "R2 deleted without the filter" '.value[0].Verwijderd == true'
odata Document "\$filter=Onderwerp eq 'it''s' or Soort eq 'Brief regering'"
check_jq "R2 '' in a string" '(.value | length) == 1'
get "$base/Document?\$filter=DocumentNummer+eq+'2024D05678'"
check_jq "R2 + for a space" '(.value | length) == 1'

# ------------------------------------------------ R3: changes, paged

kinds="(Soort eq 'Schriftelijke vragen' or Soort eq 'Antwoord schriftelijke vragen' or Soort eq 'Antwoord schriftelijke vragen (nader)' or Soort eq 'Mededeling (uitstel antwoord)')"
sync() {	# sync OP STAMP [TOP]
	odata Document "\$filter=Verwijderd eq false and ApiGewijzigdOp $1 $2 and $kinds" \
	    '$expand=Zaak' '$orderby=ApiGewijzigdOp,Id' "\$top=${3:-250}"
}
sync gt 2024-09-01T00:00:00Z
cp "$tmp/body" "$tmp/page1"
check_jq "R3 first page of 250" '(.value | length) == 250'
check_jq "R3 nextLink absolute" '."@odata.nextLink" | startswith("'"$base"'/Document?") and contains("skip=250")'
check_jq "R3 expanded Zaak" '[.value[] | (.Zaak | length) == 1] | all'
next=$(jq -r '."@odata.nextLink"' "$tmp/body")
get "$next"
cp "$tmp/body" "$tmp/page2"
check "R3 next page status" [ "$code" = 200 ]
check_jq "R3 last page" '(.value | length) == 50 and (has("@odata.nextLink") | not)'
jq -s '[.[].value[] | [.ApiGewijzigdOp, .Id]]' "$tmp/page1" "$tmp/page2" > "$tmp/body"
check_jq "R3 ordered by stamp then Id" '. == sort and (map(.[1]) | unique | length) == 300'
check_jq "R3 a stamp across the page break" '.[249][0] == .[250][0]'

sync gt 2024-09-01T00:00:00Z 100
check_jq "R3 \$top caps a page" '(.value | length) == 100 and (."@odata.nextLink" | contains("top=100"))'
odata Document "\$filter=ApiGewijzigdOp ge 2024-09-02T06:00:00Z" '$count=true' '$top=0'
ge=$(jq '."@odata.count"' "$tmp/body")
odata Document "\$filter=ApiGewijzigdOp gt 2024-09-02T06:00:00Z" '$count=true' '$top=0'
gt=$(jq '."@odata.count"' "$tmp/body")
check "R3 ge includes the stamp ($ge, $gt)" [ "$ge" = 300 ] && [ "$gt" = 297 ]
odata Document "\$filter=ApiGewijzigdOp gt 2024-09-02T08:00:00+02:00" '$count=true' '$top=0'
check_jq "R3 offsets compared as instants" '."@odata.count" == 297'
odata Document "\$filter=ApiGewijzigdOp gt 2024-09-02T08:00:00.5+02:00" '$count=true' '$top=0'
check_jq "R3 fractions" '."@odata.count" == 297'
sync gt 2030-01-01T00:00:00Z
check_jq "R3 nothing newer" '.value == [] and (has("@odata.nextLink") | not)'

# ----------------------------------------------------- refused filters

for f in "year(Datum) eq 2024" "ApiGewijzigdOp gt '2024-09-01T00:00:00Z'" \
    "Nummer eq 2024Z01294" "Foo eq 'x'" "Soort eq 'open" "Soort eq 'a' and" \
    "Zaak/any(z: z/Nummer eq 'x')" "ApiGewijzigdOp gt 2024-09-01"; do
	odata Document "\$filter=$f"
	check "400 for $f" [ "$code" = 400 ]
	check_jq "OData error for $f" '(.error.code | length) > 0 and (.error.message | length) > 0'
done
odata Document '$expand=Nothing'
check "400 for an unknown expansion" [ "$code" = 400 ]
odata Document '$orderby=Foo'
check "400 for a bad \$orderby" [ "$code" = 400 ]
odata Document '$top=-1'
check "400 for a bad \$top" [ "$code" = 400 ]
get "$base/Nothing"
check "404 for an unknown set" [ "$code" = 404 ]

# --------------------------------------------------------- R4: files

get "$base/Document($az_id)/resource"
check "R4 status" [ "$code" = 200 ]
check "R4 content type" [ "$(header Content-Type)" = application/pdf ]
check "R4 length = ContentLength" [ "$(header Content-Length)" = "$az_len" ] && [ "$(wc -c < "$tmp/body")" -eq "$az_len" ]
check "R4 a PDF" [ "$(head -c 5 "$tmp/body")" = "%PDF-" ]
cp "$tmp/body" "$tmp/az.pdf"
pdftotext -layout -enc UTF-8 "$tmp/az.pdf" "$tmp/az.txt" 2>/dev/null
check "R4 text back" grep -q "Antwoord van Minister-President Rutte" "$tmp/az.txt"
get "$base/Document($az_id)/resource" -H "Range: bytes=100-"
check "R4 range status" [ "$code" = 206 ]
check "R4 Content-Range" [ "$(header Content-Range)" = "bytes 100-$((az_len - 1))/$az_len" ]
tail -c +101 "$tmp/az.pdf" > "$tmp/tail"
check "R4 range bytes" cmp -s "$tmp/body" "$tmp/tail"
get "$base/Document($az_id)/resource" -H "Range: bytes=$az_len-"
check "R4 416 past the end" [ "$code" = 416 ]
corpus=00fe7edd-24c8-4857-98da-774ed3b06836
get "$base/Document($corpus)/resource"
check "R4 corpus PDF as published" cmp -s "$tmp/body" "$srcdir/corpus-pdf/$corpus.pdf"
get "$base/Document(00000000-0000-4000-8000-000000000000)/resource"
check "R4 404 for an unknown id" [ "$code" = 404 ]
get "$base/Document(nonsense)/resource"
check "R4 400 for a key that is no GUID" [ "$code" = 400 ]
get "$base/Document($corpus)"
check_jq "one entity" '.Id == "'$corpus'" and .Aanhangselnummer == "232401314"'

# ------------------------------------------------------------ faults

control reset=1
zaak_url="$base/Zaak?\$filter=Nummer%20eq%20'2024Z01294'"
control "fault=500&match=2024Z01294"
get "$zaak_url"
check "fault 500" [ "$code" = 500 ]
get "$zaak_url"
check "after a fault, served again" [ "$code" = 200 ]
control "fault=503&match=Zaak"
get "$zaak_url"
check "fault 503" [ "$code" = 503 ]
check "fault 503 is HTML" sh -c "grep -qi '<html' '$tmp/body'"
control "fault=429&match=Zaak"
get "$zaak_url"
check "fault 429" [ "$code" = 429 ]
check "fault 429 Retry-After" [ "$(header Retry-After)" = 1 ]
control "fault=timeout&match=Zaak"
get "$zaak_url" -m 2
check "fault timeout (curl $rc)" [ "$rc" = 28 ]
control "fault=reset&match=Zaak"
get "$zaak_url"
check "fault reset (curl $rc)" [ "$rc" = 56 ] || [ "$rc" = 52 ]
control "fault=truncate&match=resource"
get "$base/Document($az_id)/resource"
check "fault truncate (curl $rc)" [ "$rc" = 18 ]
check "fault truncate: half" [ "$(wc -c < "$tmp/body")" -eq $((az_len / 2)) ]
control "fault=html200&match=Zaak"
get "$zaak_url"
check "fault html200" [ "$code" = 200 ] && [ "$(header Content-Type)" = "text/html; charset=utf-8" ]
check "fault html200 page" grep -q "Pagina niet gevonden" "$tmp/body"
control "fault=badjson&match=Zaak"
get "$zaak_url"
check "fault badjson status" [ "$code" = 200 ]
check "fault badjson type" [ "$(header Content-Type)" = "application/json; odata.metadata=minimal" ]
check "fault badjson invalid" sh -c "! jq . '$tmp/body' >/dev/null 2>&1"
control "fault=500&times=2&match=Zaak"
get "$base/Document($corpus)"
check "a fault only where it matches" [ "$code" = 200 ]
get "$zaak_url"; c1=$code
get "$zaak_url"; c2=$code
get "$zaak_url"; c3=$code
check "times=2 ($c1 $c2 $c3)" [ "$c1$c2$c3" = 500500200 ]
check "unknown fault refused" [ "$(curl -s -o /dev/null -w '%{http_code}' "$root/_control?fault=boom")" = 400 ]
get "$root/_log"
check_jq "log of faults" '[.[] | select(.fault == "reset" or .fault == "timeout") | .status] == [null, null] and ([.[] | select(.fault == "truncate") | .status] == [200])'

# ------------------------------------------------ publish, log, reset

control reset=1
lnv="\$filter=Aanhangselnummer eq '232401196'"
odata Document "$lnv"
check_jq "pending hidden" '.value == []'
sync gt 2025-01-01T00:00:00Z
check_jq "pending not in a sync" '.value == []'
control publish=lnv
odata Zaak "\$filter=Nummer eq '2024Z01294'" '$expand=Document'
check_jq "published joins its Zaak" '(.value[0].Document | length) == 6'
sync gt 2025-01-01T00:00:00Z
check_jq "published in a sync" '(.value | length) == 1 and .value[0].DocumentNummer == "2024D08840"'
check_jq "published stamp" '.value[0].ApiGewijzigdOp | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{7}Z$")'
lnv_id=$(jq -r '.value[0].Id' "$tmp/body")
get "$base/Document($lnv_id)/resource" -H "Range: bytes=10-"
check "published file" [ "$code" = 206 ]
check "publish of an unknown key" [ "$(curl -s -o /dev/null -w '%{http_code}' "$root/_control?publish=nope")" = 400 ]
get "$root/_log"
check_jq "log" 'length == 5 and .[0].method == "GET" and .[0].path == "/OData/v4/2.0/Document" and (.[0].query | contains("232401196")) and .[0].status == 200 and .[4].range == "bytes=10-" and .[4].status == 206'
control reset=1
get "$root/_log"
check_jq "log emptied" '. == []'
odata Document "$lnv"
check_jq "reset hides again" '.value == []'

# -------------------------------------------------------- robustness

check "405 for POST" [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -d x "$base/Document")" = 405 ]
printf 'NONSENSE\r\n\r\n' | timeout 5 python3 -c '
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(sys.stdin.buffer.read()); s.recv(100); s.close()' "$port" 2>/dev/null
get "$base/Document($corpus)"
check "alive after a bad request" [ "$code" = 200 ]

# ------------------------------------------------------------- stop

control "fault=timeout&match=Zaak"
curl -s -m 30 -o /dev/null "$zaak_url" &
hang=$!
sleep 0.5
kill "$pid"
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "SIGTERM stops it, a hanging request too" sh -c "! kill -0 $pid 2>/dev/null"
wait "$pid"
check "exit status 0" [ $? = 0 ]
pid=
wait "$hang" 2>/dev/null
check "nothing on stderr" [ ! -s "$tmp/err" ]

if [ "$fails" -eq 0 ]; then
	echo "ok ($checks checks)"
	exit 0
fi
echo "$fails of $checks checks failed"
cat "$tmp/err"
exit 1
