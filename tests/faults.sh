#!/bin/sh
# tests/faults.sh: bad input and faults (issue 9, "Input files" and "The
# database").  Every refusal is checked the same way: the exit status,
# stderr exactly one line that names the file (or the database), says what
# is wrong and what to do, and the database unchanged (its dump, or its
# bytes where naast must not touch the file at all).
. "$top_srcdir/tests/lib.sh"

corpus=$top_srcdir/assets/corpus
az=$corpus/000_aca15a80dc8ca4b0.txt
bzk=$corpus/001_84e14fc3b2e5f15e.txt
letter=$corpus/004_e244608e296288d3.txt
pdfs=$top_srcdir/tests/corpus-pdf

tmp=$(mktemp -d)
cleanup() {
	chmod -R u+rwX "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
db=$tmp/x.db
naast() { "$NAAST" --db "$db" "$@"; }

# skip DESCRIPTION REASON: a TAP skip.
skip() {
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
}

# diag TEXT...: a TAP comment on stderr, as e2e.sh writes them.
diag() { echo "# $*" >&2; }

# dump [DB]: everything in a database, as SQL text (sqlite3 reads the
# plain tables and the indexes' own tables without naast's tokenizer).
dump() { sqlite3 "${1:-$db}" .dump | sha256sum; }
# bytes FILE: the file's bytes, for "naast did not touch it".
bytes() { sha256sum <"$1"; }
docs() { sqlite3 "${1:-$db}" "SELECT count(*) FROM document"; }

# one_line WHAT PATTERN: $tmp/err is one line "naast: ..." that names
# 'WHAT' and matches the extended regular expression PATTERN.
one_line() {
	if [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -q '^naast: ' "$tmp/err"; then
		diag "stderr is not one 'naast:' line:"
		sed 's/^/#   /' "$tmp/err" >&2
		return 1
	fi
	if ! grep -qF -- "'$1'" "$tmp/err"; then
		diag "stderr does not name '$1': $(cat "$tmp/err")"
		return 1
	fi
	if ! grep -qE -- "$2" "$tmp/err"; then
		diag "stderr does not say /$2/: $(cat "$tmp/err")"
		return 1
	fi
}

# refuses STATUS WHAT PATTERN CMD...: CMD exits with STATUS, says one line
# about WHAT (see one_line), and the dump of $db is as before.
refuses() {
	want=$1 what=$2 pattern=$3
	shift 3
	before=$(dump)
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		diag "exit status $got, not $want"
		sed 's/^/#   /' "$tmp/err" >&2
		return 1
	fi
	one_line "$what" "$pattern" || return 1
	if [ "$(dump)" != "$before" ]; then
		diag "the database changed"
		return 1
	fi
}

# untouched STATUS FILE PATTERN CMD...: as refuses, about the database
# FILE itself, which keeps every byte and gets no -wal or -shm beside it.
untouched() {
	want=$1 file=$2 pattern=$3
	shift 3
	before=$(bytes "$file")
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		diag "exit status $got, not $want"
		sed 's/^/#   /' "$tmp/err" >&2
		return 1
	fi
	one_line "$file" "$pattern" || return 1
	if [ "$(bytes "$file")" != "$before" ]; then
		diag "the bytes of $file changed"
		return 1
	fi
	if [ -e "$file-wal" ] || [ -e "$file-shm" ]; then
		diag "naast left $file-wal or $file-shm"
		return 1
	fi
}

# peak_kb CMD...: runs CMD and prints its peak resident memory in KB
# (GNU time); its output is dropped, its stderr goes to $tmp/err.
have_time=false
[ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1 && have_time=true
peak_kb() {
	/usr/bin/time -o "$tmp/time" -f %M "$@" >/dev/null 2>"$tmp/err"
	status=$?
	tail -n 1 "$tmp/time"
	return $status
}

# mkpdf FILE LINE...: a valid one-page PDF with these lines of text (no
# other tool needed: the objects, then the table of their byte offsets).
mkpdf() {
	out=$1
	shift
	{
		printf 'BT /F1 12 Tf 14 TL 72 770 Td\n'
		for line in "$@"; do printf '(%s) Tj T*\n' "$line"; done
		printf 'ET\n'
	} >"$out.stream"
	{
		printf '%%PDF-1.4\n'
		printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
		printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
		printf '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n'
		printf '4 0 obj\n<< /Length %d >>\nstream\n' "$(wc -c <"$out.stream")"
		cat "$out.stream"
		printf 'endstream\nendobj\n'
		printf '5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n'
	} >"$out.body"
	{
		cat "$out.body"
		printf 'xref\n0 6\n0000000000 65535 f \n'
		grep -abo '^[0-9] 0 obj' "$out.body" | cut -d: -f1 |
			while read -r offset; do printf '%010d 00000 n \n' "$offset"; done
		printf 'trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' \
			"$(wc -c <"$out.body")"
	} >"$out"
	rm -f "$out.stream" "$out.body"
}

naast import "$az" "$bzk" "$letter" >/dev/null 2>&1
check "the seeds are imported for the checks below" [ "$(docs)" -eq 3 ]

# ============================================================ input files

# --- empty, white space, binary, images -------------------------------------
: >"$tmp/empty.txt"
check "an empty file is refused: named, 'empty', what to do" \
	refuses 1 "$tmp/empty.txt" 'the file is empty: there is nothing to import \(check' \
	naast import "$tmp/empty.txt"
printf ' \n\n\t \r\n' >"$tmp/blank.txt"
check "a file of white space only is refused" \
	refuses 1 "$tmp/blank.txt" 'only white space: there is nothing to import' \
	naast import "$tmp/blank.txt"

# Random bytes; the first one fixed, so that no run starts like an image.
{ printf '\001'; head -c 4095 /dev/urandom; } >"$tmp/random.bin"
check "random bytes are refused as binary, saying what naast reads" \
	refuses 1 "$tmp/random.bin" 'binary data, not text \(naast reads text, Markdown and PDF\)' \
	naast import "$tmp/random.bin"

# A 1x1 PNG.
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000\037\025\304\211\000\000\000\rIDATx\234c\370\377\377?\000\005\376\002\376\247\065\201\204\000\000\000\000IEND\256B`\202' >"$tmp/pixel.png"
check "a PNG image is refused as an image" \
	refuses 1 "$tmp/pixel.png" 'a PNG image, not a document' \
	naast import "$tmp/pixel.png"
printf 'PK\003\004\024\000\000\000\010\000' >"$tmp/notes.docx"
check "a .docx (ZIP) says to save it as PDF or text" \
	refuses 1 "$tmp/notes.docx" 'ZIP archive .*save it as PDF or text first' \
	naast import "$tmp/notes.docx"
printf '\377\376V\000r\000a\000a\000g\000' >"$tmp/utf16.txt"
check "UTF-16 text says how to convert it" \
	refuses 1 "$tmp/utf16.txt" 'UTF-16 text.*iconv -f UTF-16 -t UTF-8' \
	naast import "$tmp/utf16.txt"

# --- a PDF that is not an answer --------------------------------------------
# naast imports it as a document it could not structure, with one warning
# line, as it does with such text: what naast cannot place is kept, never
# dropped (DESIGN.md 3), and a publication in a layout naast does not know
# yet is then still searchable and readable.  A PDF without text (a scan)
# has nothing to keep, and is refused.
mkpdf "$tmp/menu.pdf" "Menukaart van de kantine" \
	"Maandag: erwtensoep met roggebrood." "Dinsdag: stamppot boerenkool."
check "the generated PDF is one pdftotext reads" \
	sh -c "pdftotext '$tmp/menu.pdf' - | grep -qF 'erwtensoep met roggebrood'"
before=$(docs)
naast import "$tmp/menu.pdf" >"$tmp/out" 2>"$tmp/err"
check "a PDF that is no answer: imported (exit 0) as a document naast could not structure" \
	sh -c "[ $? -eq 0 ] && grep -qxF '$tmp/menu.pdf: unknown' '$tmp/out' && [ \$(sqlite3 '$db' \"SELECT count(*) FROM document WHERE kind = 'unknown' AND format IS NOT NULL AND origin = '$tmp/menu.pdf'\") -eq 1 ] && [ \$(sqlite3 '$db' 'SELECT count(*) FROM document') -eq $((before + 1)) ]"
check "with one warning line that names it and says what naast did" \
	one_line "$tmp/menu.pdf" '^naast: warning: .*(plain paragraphs|kept)'
check "its text is searchable" sh -c "'$NAAST' --db '$db' search erwtensoep --json | jq -e '.hits | length == 1' >/dev/null"
mkpdf "$tmp/scan.pdf"
check "a PDF without text is refused: a scan, naast reads no images" \
	refuses 1 "$tmp/scan.pdf" 'has no text' \
	naast import "$tmp/scan.pdf"

# --- pdftotext under limits ---------------------------------------------------
# A PDF of nested form objects makes pdftotext grow without end: it runs
# with a memory limit, and fails at it in seconds rather than a minute.
cp "$top_srcdir/fuzz/regressions/import/pdftotext-busy-on-stdin" "$tmp/busy.pdf"
check "a PDF that makes pdftotext grow: refused in seconds, one line" \
	refuses 1 "$tmp/busy.pdf" 'pdftotext failed on it \(signal [0-9]+: more than the 512 MiB of memory it may use\?\): the PDF may be damaged \(open it in a PDF reader' \
	timeout 45 "$NAAST" --db "$db" import "$tmp/busy.pdf"
# A stand-in pdftotext first in PATH says what limits it runs under once
# it has the PDF (naast sets them before it gives it the PDF).
mkdir "$tmp/limits"
cat >"$tmp/limits/pdftotext" <<SH
#!/bin/sh
cat >"$tmp/limits.pdf"
echo "\$(ulimit -v) \$(ulimit -t)" >"$tmp/limits.txt"
exec "$(command -v pdftotext)" -layout -enc UTF-8 "$tmp/limits.pdf" -
SH
chmod +x "$tmp/limits/pdftotext"
PATH="$tmp/limits:$PATH" "$NAAST" --db "$tmp/limits.db" import "$tmp/menu.pdf" >/dev/null 2>&1
check "pdftotext runs with 512 MiB of memory and 61 s of processor time" \
	[ "$(cat "$tmp/limits.txt")" = "524288 61" ]
# One that never ends: naast ended by a signal ends it too.
cat >"$tmp/limits/pdftotext" <<SH
#!/bin/sh
echo \$\$ >"$tmp/stuck.pid"
exec sleep 300
SH
rm -f "$tmp/stuck.pid"
PATH="$tmp/limits:$PATH" "$NAAST" --db "$tmp/limits.db" import "$tmp/menu.pdf" >/dev/null 2>&1 &
importer=$!
i=0
while [ ! -s "$tmp/stuck.pid" ] && [ $i -lt 600 ]; do i=$((i + 1)); sleep 0.05; done
kill -TERM "$importer"
wait "$importer"
sleep 0.5
# Gone, or a zombie where nothing reaps orphans (a container's init).
check "naast ended by SIGTERM while pdftotext runs: pdftotext ends too" \
	sh -c "[ -s '$tmp/stuck.pid' ] && ! ps -o stat= -p \$(cat '$tmp/stuck.pid') | grep -qv Z"
kill "$(cat "$tmp/stuck.pid")" 2>/dev/null

# --- invalid UTF-8, and --encoding latin1 -------------------------------------
printf 'Geachte heer Jansen,\n\nDe Financi' >"$tmp/head"
offset=$(wc -c <"$tmp/head")
{
	cat "$tmp/head"
	printf '\353n van het Rijk: \200 5 miljoen, \223zo\224 gezegd \226 met na\357ve cijfers.\n\nHoogachtend,\n'
} >"$tmp/latin1.txt"
check "Latin-1 text is refused with the name, the byte offset and --encoding latin1" \
	refuses 1 "$tmp/latin1.txt" "not UTF-8: byte 0xEB at byte offset $offset \\(line 3\\).*--encoding latin1" \
	naast import "$tmp/latin1.txt"
check "from stdin too, named stdin" \
	refuses 1 stdin "byte offset $offset .*--encoding latin1" \
	sh -c "'$NAAST' --db '$db' import - <'$tmp/latin1.txt'"
naast import --encoding latin1 "$tmp/latin1.txt" >"$tmp/out" 2>"$tmp/err"
check "--encoding latin1 imports it" sh -c "[ $? -eq 0 ] && grep -qxF '$tmp/latin1.txt: letter' '$tmp/out'"
sqlite3 "$db" "SELECT writefile('$tmp/latin1.zst', raw) FROM document WHERE origin = '$tmp/latin1.txt'" >/dev/null
raw=$(zstd -qdc "$tmp/latin1.zst")
check "converted: ë and ï of Latin-1, € “ ” – of Windows-1252, nothing else changed" \
	[ "$raw" = "$(printf 'Geachte heer Jansen,\n\nDe Financiën van het Rijk: € 5 miljoen, “zo” gezegd – met naïve cijfers.\n\nHoogachtend,')" ]
check "the same file again is unchanged (its bytes identify it)" \
	sh -c "'$NAAST' --db '$db' import --encoding latin1 - <'$tmp/latin1.txt' 2>&1 | grep -qxF 'stdin: unchanged'"
printf 'Geachte heer,\n\nDit \201 is geen Windows-1252.\n\nHoogachtend,\n' >"$tmp/cp437.txt"
check "a byte that is no Latin-1 or Windows-1252 character: refused with its offset" \
	refuses 1 "$tmp/cp437.txt" 'byte 0x81 at byte offset 19 \(line 3\) is no character in Latin-1 or Windows-1252.*iconv' \
	naast import --encoding latin1 "$tmp/cp437.txt"
check "an unknown encoding is a usage error" \
	refuses 2 ebcdic 'unknown encoding .*latin1' \
	naast import --encoding ebcdic "$tmp/latin1.txt"

# --- NUL bytes ------------------------------------------------------------------
printf 'Geachte heer,\n\nDe tekst\000 gaat door.\n\nHoogachtend,\n' >"$tmp/nul.txt"
check "a NUL byte in text: refused with its offset and how to remove it" \
	refuses 1 "$tmp/nul.txt" "a NUL byte at byte offset 23 \\(line 3\\).*tr -d" \
	naast import "$tmp/nul.txt"

# --- a 2 MB line ----------------------------------------------------------------
awk 'BEGIN { printf "Geachte heer Jansen,\n\n"; for (i = 0; i < 200000; i++) printf "woord%05d ", i % 99999; printf "\n\nHoogachtend,\n" }' >"$tmp/longline.txt"
if $have_time; then
	kb=$(peak_kb timeout 300 "$NAAST" --db "$db" import "$tmp/longline.txt")
	status=$?
	diag "a 2 MB line: peak memory $kb KB"
	check "a 2 MB line imports (within 5 minutes under the sanitizers)" [ "$status" -eq 0 ]
	check "in bounded memory (under 1 GB, sanitizers included)" [ "$kb" -lt 1000000 ]
else
	timeout 300 "$NAAST" --db "$db" import "$tmp/longline.txt" >/dev/null 2>&1
	check "a 2 MB line imports (within 5 minutes under the sanitizers)" [ $? -eq 0 ]
	skip "in bounded memory" "GNU time (/usr/bin/time) is not installed"
fi
check "whole: one passage of 2 MB" \
	[ "$(sqlite3 "$db" "SELECT max(length(p.text)) FROM passage p JOIN document d ON d.id = p.document WHERE d.origin = '$tmp/longline.txt'")" -ge 2000000 ]
head -c 2097152 /dev/zero | tr '\0' x >"$tmp/oneword.txt"
check "a 2 MB line without a space imports too" \
	sh -c "timeout 300 '$NAAST' --db '$db' import '$tmp/oneword.txt' >/dev/null 2>&1"

# --- shapes that once took time quadratic in their size ----------------------
# Each imports; the time limit only stops a hang.  How fast is bench/run's.
# shape NAME: $tmp/NAME imports within two minutes, sanitizers included.
shape() {
	timeout 120 "$NAAST" --db "$db" import "$tmp/$1" >/dev/null 2>&1
}
# long_passages NAME BYTES: the passages of $tmp/NAME longer than BYTES.
long_passages() {
	sqlite3 "$db" "SELECT count(*) FROM passage p JOIN document d ON d.id = p.document WHERE d.origin = '$tmp/$1' AND length(p.text) > $2"
}
awk 'BEGIN { printf "Geachte heer Jansen,\n\n"; for (i = 0; i < 250000; i++) printf "woord%d\n\n", i % 100; printf "Hoogachtend,\n\nJan\n" }' >"$tmp/paragraphs.txt"
check "a letter of 250,000 one-word paragraphs imports" shape paragraphs.txt
check "as one paragraph, each line going on the one before" \
	[ "$(long_passages paragraphs.txt 1900000)" -eq 1 ]
awk 'BEGIN { printf "# Brief\n\n"; for (i = 0; i < 200000; i++) printf "alinea %d\n\n", i % 100 }' >"$tmp/paragraphs.md"
check "Markdown of 200,000 short paragraphs imports" shape paragraphs.md
check "as one paragraph, each going on the one before" \
	[ "$(long_passages paragraphs.md 1900000)" -eq 1 ]
awk 'BEGIN { printf "Vragen van de leden "; for (i = 1; i <= 50000; i++) printf "Lid%d (VVD), ", i; printf "en Laatste (D66) aan de Minister van Financi\303\253n over belasting (ingezonden 1 februari 2024).\n\nVraag 1\n\nWaarom?\n\nAntwoord 1\n\nDaarom.\n" }' >"$tmp/questioners.txt"
check "questions of 50,000 questioners import" shape questioners.txt
check "with every questioner in their set" \
	[ "$(sqlite3 "$db" "SELECT count(*) FROM set_questioner q JOIN document d ON d.set_id = q.set_id WHERE d.origin = '$tmp/questioners.txt'")" -gt 50000 ]
awk 'BEGIN { printf "Geachte "; for (i = 1; i <= 100000; i++) printf "heer Naam%d, ", i; printf "en mevrouw Laatste,\n\nTekst.\n\nHoogachtend,\n\nJan\n" }' >"$tmp/addressees.txt"
check "a letter to 100,000 addressees imports" shape addressees.txt
check "with every addressee" \
	[ "$(sqlite3 "$db" "SELECT count(*) FROM letter_addressee a JOIN document d ON d.id = a.document WHERE d.origin = '$tmp/addressees.txt'")" -gt 100000 ]
awk 'BEGIN { printf "Vragen van het lid Jansen (VVD) aan de Minister van Financi\303\253n over belasting (ingezonden 1 februari 2024).\n\n"; for (i = 0; i < 150000; i++) printf "Vraag 1\n\nWaarom %d?\n\n", i % 100 }' >"$tmp/headings.txt"
check "questions with 150,000 headings 'Vraag 1' import" shape headings.txt
check "vraag 1 is every one of them, one line each" \
	[ "$(sqlite3 "$db" "SELECT length(q.text) - length(replace(q.text, char(10), '')) FROM question q JOIN document d ON d.set_id = q.set_id WHERE d.origin = '$tmp/headings.txt' AND q.number = 1")" -eq 149999 ]
awk 'BEGIN { printf "Geachte heer Jansen,\n\nOver de verkiezingen.\n\n"; for (i = 0; i < 100000; i++) printf "de verkie- zingen van nummer %d, ", i; printf "\n\nHoogachtend,\n\nJan\n" }' >"$tmp/broken.txt"
check "a line of 3.6 MB with 100,000 words broken at a hyphen imports" shape broken.txt
check "each broken word joined again" \
	[ "$(sqlite3 "$db" "SELECT max((length(p.text) - length(replace(p.text, 'verkiezingen', ''))) / 12) FROM passage p JOIN document d ON d.id = p.document WHERE d.origin = '$tmp/broken.txt'")" -eq 100000 ]
# count_in NAME WORD: how often WORD stands in the passages of $tmp/NAME.
count_in() {
	sqlite3 "$db" "SELECT sum((length(p.text) - length(replace(p.text, '$2', ''))) / length('$2')) FROM passage p JOIN document d ON d.id = p.document WHERE d.origin = '$tmp/$1'"
}
awk 'BEGIN { printf "Geachte heer Jansen,\n\n"; for (i = 0; i < 100000; i++) printf "de samen-\nwerking van nummer %d,\n", i; printf "\nHoogachtend,\n\nJan\n" }' >"$tmp/linebreaks.txt"
check "a letter with 100,000 words broken at a line end imports" shape linebreaks.txt
check "each broken word joined again" [ "$(count_in linebreaks.txt samenwerking)" -eq 100000 ]
awk 'BEGIN { printf "Geachte heer Jansen,\n\n"; for (i = 0; i < 100000; i++) printf "een sociaal-economische zaak %d,\n", i; printf "\nHoogachtend,\n\nJan\n" }' >"$tmp/hyphened.txt"
check "a paragraph of 100,000 lines with a hyphenated word imports" shape hyphened.txt
check "each hyphenated word kept whole" [ "$(count_in hyphened.txt sociaal-economische)" -eq 100000 ]

# --- diff of two long answers ---------------------------------------------------
# Two answers of 200,000 words, each word once: the diff's masks took
# words times distinct words bits (4.5 GB); now at most a block per word.
pair() {	# pair FILE MINISTER WORD-PREFIX
	awk -v who="$2" -v w="$3" 'BEGIN {
		printf "Vragen van het lid Jansen (VVD) aan de Minister van Financi\303\253n en de Minister van Justitie en Veiligheid over belasting (ingezonden 1 februari 2024).\n\nVraag 1\n\nWaarom?\n\nAntwoord van %s (ontvangen 1 maart 2024).\n\nAntwoord 1\n\n", who
		for (i = 0; i < 200000; i++) printf "%s%d ", w, i
		printf "einde.\n" }' >"$1"
}
pair "$tmp/pair-a.txt" "minister Hoekstra (Financi\303\253n)" a
pair "$tmp/pair-b.txt" "minister Yesilg\303\266z-Zegerius (Justitie en Veiligheid)" b
"$NAAST" --db "$tmp/pair.db" import "$tmp/pair-a.txt" "$tmp/pair-b.txt" >/dev/null 2>&1
check "two answers of 200,000 words import as one set" \
	[ "$(sqlite3 "$tmp/pair.db" "SELECT count(*) FROM document WHERE set_id = 1")" -eq 2 ]
if $have_time; then
	kb=$(peak_kb "$NAAST" --db "$tmp/pair.db" diff 1 --vraag 1 --ministries FIN,JenV)
	status=$?
	diag "diff of two answers of 200,000 words: peak memory $kb KB"
	check "their diff runs" [ "$status" -eq 0 ]
	check "in bounded memory (under 1 GB, sanitizers included; bench/run has the figure)" [ "$kb" -lt 1000000 ]
	kb=$(peak_kb "$NAAST" --db "$tmp/pair.db" matrix 1)
	status=$?
	diag "matrix of them: peak memory $kb KB"
	check "their matrix runs, in bounded memory too" \
		sh -c "[ '$status' -eq 0 ] && [ '$kb' -lt 1000000 ]"
else
	"$NAAST" --db "$tmp/pair.db" diff 1 --vraag 1 --ministries FIN,JenV >/dev/null 2>&1
	check "their diff runs" [ $? -eq 0 ]
	skip "in bounded memory" "GNU time (/usr/bin/time) is not installed"
fi

# --- diff of two answers at the import's limit -----------------------------------
# Two answers of 8 MiB (a million words each), once with no word in common
# and once with one word in a hundred changed.  The diff took 250 MB for
# either, and two minutes for the second; now at most 64 MB (bench/run has
# the figure) and, here, 30 seconds.  The sanitizers' own memory and time
# make the bounds meaningless there, and importing 8 MiB takes minutes:
# all are skipped.
limit_pair() {	# limit_pair FILE MINISTER WORD-PREFIX CHANGED-EVERY
	awk -v who="$2" -v w="$3" -v every="$4" 'BEGIN {
		head = sprintf("Vragen van het lid Jansen (VVD) aan de Minister van Financi\303\253n en de Minister van Justitie en Veiligheid over belasting (ingezonden 1 februari 2024).\n\nVraag 1\n\nWaarom?\n\nAntwoord van %s (ontvangen 1 maart 2024).\n\nAntwoord 1\n\n", who)
		printf "%s", head
		n = length(head) + 7
		for (i = 1; ; i++) {
			word = (every && i % every == 50) ? "c" i : w i
			if (n + length(word) + 1 > 8388608 - 64) break
			printf "%s ", word
			n += length(word) + 1
		}
		printf "einde.\n" }' >"$1"
}
sanitized=false
grep -q __asan_init "$NAAST" && sanitized=true
if $sanitized; then
	skip "diff and matrix at the import's limit" "the sanitizers take minutes to import answers of 8 MiB"
else
limit_pair "$tmp/limit-a.txt" "minister Hoekstra (Financi\303\253n)" a 0
limit_pair "$tmp/limit-b.txt" "minister Yesilg\303\266z-Zegerius (Justitie en Veiligheid)" b 0
limit_pair "$tmp/limit-c.txt" "minister Yesilg\303\266z-Zegerius (Justitie en Veiligheid)" a 100
"$NAAST" --db "$tmp/limit-ab.db" import "$tmp/limit-a.txt" >/dev/null 2>&1 &&
cp "$tmp/limit-ab.db" "$tmp/limit-ac.db" &&
"$NAAST" --db "$tmp/limit-ab.db" import "$tmp/limit-b.txt" >/dev/null 2>&1 &&
"$NAAST" --db "$tmp/limit-ac.db" import "$tmp/limit-c.txt" >/dev/null 2>&1
check "two pairs of answers at the import's limit import" [ $? -eq 0 ]
for pair in ab:0 ac:0.99; do
	what=${pair%%:*} sim=${pair#*:}
	case $what in ab) say="no word in common" ;; *) say="one word in a hundred changed" ;; esac
	start=$(date +%s)
	if $have_time; then
		kb=$(peak_kb timeout 300 "$NAAST" --db "$tmp/limit-$what.db" diff 1 --vraag 1 --ministries FIN,JenV --json)
	else
		kb=0
		timeout 300 "$NAAST" --db "$tmp/limit-$what.db" diff 1 --vraag 1 --ministries FIN,JenV --json >/dev/null 2>"$tmp/err"
	fi
	status=$?
	took=$(($(date +%s) - start))
	diag "diff at the limit, $say: $took s, peak memory $kb KB"
	check "diff at the limit, $say, runs" [ "$status" -eq 0 ]
	check "with similarity $sim" sh -c "timeout 300 '$NAAST' --db '$tmp/limit-$what.db' diff 1 --vraag 1 --ministries FIN,JenV --json | grep -q '\"similarity\":$sim[,0-9]'"
	if $have_time; then
		check "in at most 64 MB and 30 s" sh -c "[ '$kb' -le 65536 ] && [ '$took' -le 30 ]"
	else
		skip "in at most 64 MB and 30 s" "GNU time (/usr/bin/time) is not installed"
	fi
done
if $have_time; then
	kb=$(peak_kb "$NAAST" --db "$tmp/limit-ac.db" matrix 1)
	status=$?
	diag "matrix of them: peak memory $kb KB"
	check "their matrix runs in at most 64 MB" sh -c "[ '$status' -eq 0 ] && [ '$kb' -le 65536 ]"
else
	skip "their matrix runs in at most 64 MB" "no GNU time"
fi

# The shapes of answers at the limit with the most words, or none: words
# of one letter (four million a side, which took 150 MB as words), the
# same word throughout, and no white space at all (one word of 7 MiB).
# Words of one letter are compared in groups of words, and diff and
# matrix say so; the other two are the same text on both sides
# (limit_shape: tests/lib.sh).
fin="minister Hoekstra (Financi\303\253n)"
jenv="minister Yesilg\303\266z-Zegerius (Justitie en Veiligheid)"
for shape in letters:changed same:same word:word; do
	what=${shape%%:*}
	limit_shape "$tmp/shape-a.txt" "$fin" "$what"
	limit_shape "$tmp/shape-b.txt" "$jenv" "${shape#*:}"
	rm -f "$tmp/shape.db"
	"$NAAST" --db "$tmp/shape.db" import "$tmp/shape-a.txt" "$tmp/shape-b.txt" >/dev/null 2>&1
	check "two answers at the limit of shape '$what' import" [ $? -eq 0 ]
	for cmd in "diff 1 --vraag 1 --ministries FIN,JenV" "diff 1 --vraag 1 --ministries FIN,JenV --json" "matrix 1"; do
		start=$(date +%s)
		if $have_time; then
			# shellcheck disable=SC2086 # $cmd is words
			kb=$(peak_kb timeout 300 "$NAAST" --db "$tmp/shape.db" $cmd)
		else
			kb=0
			# shellcheck disable=SC2086
			timeout 300 "$NAAST" --db "$tmp/shape.db" $cmd >/dev/null 2>"$tmp/err"
		fi
		status=$?
		took=$(($(date +%s) - start))
		diag "$cmd, shape '$what': $took s, peak memory $kb KB"
		if $have_time; then
			check "$cmd of shape '$what' runs in at most 64 MB and 30 s" \
				sh -c "[ '$status' -eq 0 ] && [ '$kb' -le 65536 ] && [ '$took' -le 30 ]"
		else
			check "$cmd of shape '$what' runs" [ "$status" -eq 0 ]
		fi
	done
	"$NAAST" --db "$tmp/shape.db" diff 1 --vraag 1 --ministries FIN,JenV >"$tmp/shape.out" 2>&1
	"$NAAST" --db "$tmp/shape.db" diff 1 --vraag 1 --ministries FIN,JenV --json | head -c 200 >"$tmp/shape.json"
	"$NAAST" --db "$tmp/shape.db" matrix 1 >"$tmp/shape.matrix" 2>&1
	if [ "$what" = letters ]; then
		check "diff says that words of one letter were compared coarsely" \
			sh -c "sed -n 2p '$tmp/shape.out' | grep -qx 'These answers are too long to compare word by word: some differences are shown larger than they are, and the similarity is approximate.'"
		check "and so does diff --json" grep -q '"coarse":true,"ops"' "$tmp/shape.json"
		check "and matrix, by its cell and a line under it" \
			sh -c "grep -q '~0\.[0-9][0-9]\$' '$tmp/shape.matrix' && grep -q '^~ these answers are too long' '$tmp/shape.matrix'"
	else
		check "diff of the same answers of shape '$what': similarity 1, not coarse" \
			sh -c "grep -q '\"similarity\":1,\"ops\"' '$tmp/shape.json' && ! grep -q 'too long' '$tmp/shape.out' '$tmp/shape.matrix'"
	fi
done
fi

# --- files too large: refused before they are read -----------------------------
truncate -s 100M "$tmp/huge.txt"
if $have_time; then
	kb=$(peak_kb "$NAAST" --db "$db" import "$tmp/huge.txt")
	diag "a 100 MB file: peak memory $kb KB"
	check "a 100 MB file is refused without being read (peak memory under 64 MB)" [ "$kb" -lt 65536 ]
else
	skip "a 100 MB file is refused without being read" "GNU time (/usr/bin/time) is not installed"
fi
check "with one line naming it and the 64 MiB limit" \
	refuses 1 "$tmp/huge.txt" 'the file is 104\.9 MB, more than the 64 MiB naast reads from one file' \
	naast import "$tmp/huge.txt"
if $have_time; then
	kb=$( (yes 'Dit is een regel uit een veel te groot bestand.' | head -c 300000000 |
		peak_kb "$NAAST" --db "$db" import -) )
	diag "300 MB on stdin: peak memory $kb KB"
	check "300 MB on stdin: refused at the limit, memory bounded (under 256 MB)" [ "$kb" -lt 262144 ]
	check "and says so in one line" one_line stdin 'more than the 64 MiB naast reads from one file'
else
	skip "300 MB on stdin: memory bounded" "GNU time (/usr/bin/time) is not installed"
fi
yes 'Dit is een regel uit een te lange brief.' | head -c 20000000 >"$tmp/long.txt"
check "20 MB of text is refused: more than the 8 MiB of one document" \
	refuses 1 "$tmp/long.txt" 'its text is 20\.0 MB, more than the 8 MiB naast reads as one document' \
	naast import "$tmp/long.txt"

# --- paths: directories, missing files, unreadable files ------------------------
mkdir "$tmp/dir"
check "--db DIR: the database is a directory, name a file in it" \
	refuses 1 "$tmp/dir" "is a directory: name a file, such as '$tmp/dir/naast.db'" \
	"$NAAST" --db "$tmp/dir" list
check "NAAST_DB=DIR too" \
	refuses 1 "$tmp/dir" 'is a directory: name a file' \
	env NAAST_DB="$tmp/dir" "$NAAST" import "$letter"
journal_before=$([ -e /dev/null-journal ] && echo yes || echo no)
check "--db /dev/null: a device, not a database file" \
	refuses 1 /dev/null "is a device, not a database file: use --db with a file" \
	"$NAAST" --db /dev/null list
check "and no journal made beside it" \
	[ "$([ -e /dev/null-journal ] && echo yes || echo no)" = "$journal_before" ]
mkfifo "$tmp/fifo.db"
check "--db FIFO: a named pipe, refused at once" \
	refuses 1 "$tmp/fifo.db" "is a named pipe \(FIFO\), not a database file" \
	timeout 10 "$NAAST" --db "$tmp/fifo.db" list
if [ "$(id -u)" -ne 0 ]; then
	cp "$db" "$tmp/unreadable.db"
	chmod 000 "$tmp/unreadable.db"
	check "--db FILE that naast may not read: says so, not 'damaged'" \
		refuses 1 "$tmp/unreadable.db" "cannot read the database .*: Permission denied \(check its permissions" \
		"$NAAST" --db "$tmp/unreadable.db" list
	chmod 600 "$tmp/unreadable.db"
else
	skip "--db FILE that naast may not read" "root reads every file"
fi
check "--db '' is a usage error (SQLite would make a database lost at exit)" \
	refuses 2 --db 'empty file name' \
	"$NAAST" --db '' list
check "--db in a missing directory: says which, creates nothing" \
	sh -c "'$NAAST' --db '$tmp/nodir/x.db' list 2>'$tmp/err'; [ \$? -eq 1 ] && [ ! -e '$tmp/nodir' ]"
check "and names it" one_line "$tmp/nodir/x.db" "its directory '$tmp/nodir' does not exist \\(create it"
check "a missing file: named, 'no such file', check the name" \
	refuses 1 "$tmp/nope.txt" 'no such file \(check the name' \
	naast import "$tmp/nope.txt"
check "a path through a file: named, check the path" \
	refuses 1 "$letter/x.txt" 'not a directory \(check the path\)' \
	naast import "$letter/x.txt"
check "a device: not a file" \
	refuses 1 /dev/null 'is a device, not a file' \
	naast import /dev/null
mkdir "$tmp/empty-dir"
check "an empty directory imports nothing and says so" \
	sh -c "'$NAAST' --db '$db' import '$tmp/empty-dir' | grep -qxF 'imported 0, unchanged 0, failed 0'"

cp "$letter" "$tmp/secret.txt"
chmod 000 "$tmp/secret.txt"
if [ "$(id -u)" -ne 0 ]; then
	check "a file that cannot be read: permission denied, what to do" \
		refuses 1 "$tmp/secret.txt" 'permission denied \(check its permissions' \
		naast import "$tmp/secret.txt"
	skip "the same as another user" "not root: the check above ran as this user"
else
	skip "a file that cannot be read (chmod 000)" "root reads it anyway"
	# Root may become another user: nobody cannot read root's 000 file.
	if command -v setpriv >/dev/null 2>&1; then
		chmod 755 "$tmp"
		mkdir "$tmp/nobody" && chmod 777 "$tmp/nobody"
		check "a file that cannot be read, as nobody: permission denied, what to do" \
			sh -c "setpriv --reuid=65534 --regid=65534 --clear-groups '$NAAST' --db '$tmp/nobody/n.db' import '$tmp/secret.txt' >/dev/null 2>'$tmp/err'; [ \$? -eq 1 ]"
		check "one line naming it" one_line "$tmp/secret.txt" 'permission denied \(check its permissions'
		check "and nothing imported" [ "$(docs "$tmp/nobody/n.db")" -eq 0 ]
	else
		skip "a file that cannot be read, as nobody" "setpriv (util-linux) is missing"
		skip "one line naming it" "setpriv is missing"
		skip "and nothing imported" "setpriv is missing"
	fi
fi
chmod 644 "$tmp/secret.txt"

# --- standard input ---------------------------------------------------------------
sdb=$tmp/stdin.db
"$NAAST" --db "$sdb" import - <"$letter" >"$tmp/out" 2>"$tmp/err"
check "'-' reads standard input: imported, named stdin" \
	sh -c "[ $? -eq 0 ] && grep -qxF 'stdin: letter' '$tmp/out' && [ ! -s '$tmp/err' ] && [ \$(sqlite3 '$sdb' \"SELECT origin FROM document\") = stdin ]"
check "the same bytes from a file are unchanged" \
	sh -c "'$NAAST' --db '$sdb' import '$letter' | grep -qxF '$letter: unchanged'"
check "an empty standard input is refused, named stdin" \
	refuses 1 stdin 'the file is empty' \
	sh -c "'$NAAST' --db '$db' import - </dev/null"
check "binary on standard input too" \
	refuses 1 stdin 'a PNG image' \
	sh -c "'$NAAST' --db '$db' import - <'$tmp/pixel.png'"

# --- named pipes, sockets: no file, refused before they are opened -----------------
# Opening a named pipe waits for a writer: naast would hang, and in a
# many-file import hold the write lock while it did.
mkfifo "$tmp/pipe.txt"
check "a named pipe: refused at once, named for what it is" \
	refuses 1 "$tmp/pipe.txt" 'is a named pipe \(FIFO\), not a file \(name a document, or .*naast import -' \
	timeout 10 "$NAAST" --db "$db" import "$tmp/pipe.txt"
check "among other files too: the letter imported, the pipe refused" \
	sh -c "timeout 10 '$NAAST' --db '$db' import '$tmp/pipe.txt' '$tmp/latin1.txt' --encoding latin1 >'$tmp/out' 2>'$tmp/err'; [ \$? -eq 1 ] && grep -qxF '$tmp/latin1.txt: unchanged' '$tmp/out'"
check "with one line for the pipe" one_line "$tmp/pipe.txt" 'is a named pipe \(FIFO\), not a file'
python3 -c "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])" "$tmp/sock.txt"
check "a socket: refused, named for what it is" \
	refuses 1 "$tmp/sock.txt" 'is a socket, not a file \(name a document\)' \
	timeout 10 "$NAAST" --db "$db" import "$tmp/sock.txt"
mkdir "$tmp/pipes"
cp "$letter" "$tmp/pipes/a.txt"
mkfifo "$tmp/pipes/b.txt"
mkfifo "$tmp/pipes/c.md"
before=$(docs)
timeout 10 "$NAAST" --db "$db" import "$tmp/pipes" >"$tmp/out" 2>"$tmp/err"
check "a directory with named pipes: they are skipped, the rest imported" \
	sh -c "[ $? -eq 0 ] && grep -qxF '$tmp/pipes/a.txt: unchanged' '$tmp/out' && [ ! -s '$tmp/err' ]"
check "each named on its line, for what it is" \
	sh -c "grep -qxF '$tmp/pipes/b.txt: skipped: a named pipe (FIFO), not a file' '$tmp/out' && grep -qxF '$tmp/pipes/c.md: skipped: a named pipe (FIFO), not a file' '$tmp/out'"
check "and counted and named in the summary" \
	sh -c "grep -qxF 'imported 0, unchanged 1, failed 0, skipped 2 (not files)' '$tmp/out' && grep -qxF '  skipped: $tmp/pipes/b.txt' '$tmp/out'"
check "and nothing is stored of them" [ "$(docs)" -eq "$before" ]

# pdftotext may take its time: while it runs, naast holds no write lock.
# A stand-in pdftotext first in PATH looks whether another program could
# write the database now, then runs the real one.
real_pdftotext=$(command -v pdftotext)
mkdir "$tmp/bin"
cat >"$tmp/bin/pdftotext" <<SH
#!/bin/sh
cat >"$tmp/in.pdf"
if sqlite3 "$tmp/lock.db" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1; then
	echo free >>"$tmp/lock"
else
	echo held >>"$tmp/lock"
fi
exec "$real_pdftotext" -layout -enc UTF-8 "$tmp/in.pdf" -
SH
chmod +x "$tmp/bin/pdftotext"
PATH="$tmp/bin:$PATH" "$NAAST" --db "$tmp/lock.db" import "$letter" "$tmp/menu.pdf" >"$tmp/out" 2>"$tmp/err"
check "a letter and a PDF: both imported" \
	sh -c "[ $? -eq 0 ] && grep -qxF '$tmp/menu.pdf: unknown' '$tmp/out'"
check "no write lock held while pdftotext runs" [ "$(cat "$tmp/lock")" = free ]

# Nor while the files after it are read and parsed: a long letter keeps
# the reader busy, and the letter before it is committed when its batch
# is due, not held until the long one is stored with it.  How long the
# reading takes depends on the build and the machine (seconds under the
# sanitizers, under a second without): the checks run only where the long
# letter alone takes 8 s or more to import, so that its reading leaves
# seconds to look in; elsewhere they are skipped, with the time it took.
awk 'BEGIN { print "Geachte heer Jansen,\n"; for (i = 0; i < 110000; i++) printf "Alinea %d van een lange brief over de uitvoering van de begroting.\n\n", i; print "Hoogachtend," }' >"$tmp/slow.txt"
t0=$(date +%s)
"$NAAST" --db "$tmp/alone.db" import "$tmp/slow.txt" >/dev/null 2>&1
alone=$(($(date +%s) - t0))
# (out is emptied first: the loop below may look before naast writes it.)
: >"$tmp/out"
"$NAAST" --db "$tmp/reader.db" import "$letter" "$tmp/slow.txt" >"$tmp/out" 2>"$tmp/err" &
importer=$!
i=0
while ! grep -qF "$letter: " "$tmp/out" && kill -0 "$importer" 2>/dev/null && [ $i -lt 1200 ]; do
	i=$((i + 1))
	sleep 0.05
done
if [ "$alone" -ge 8 ]; then
	check "the letter is committed while the long one is still being read" \
		sh -c "grep -qxF '$letter: letter' '$tmp/out' && ! grep -qF '$tmp/slow.txt' '$tmp/out'"
	check "and no write lock is held meanwhile" \
		sqlite3 "$tmp/reader.db" 'BEGIN IMMEDIATE; ROLLBACK;'
else
	skip "the letter is committed while the long one is still being read" "the long letter alone imports in ${alone} s here"
	skip "and no write lock is held meanwhile" "the long letter alone imports in ${alone} s here"
fi
wait "$importer"
check "then the long one is imported too" \
	sh -c "[ $? -eq 0 ] && grep -qxF '$tmp/slow.txt: letter' '$tmp/out'"

# --- symbolic links out of a directory ------------------------------------------
# A directory someone else made may link to any file this user can read
# (dir/x.txt -> /etc/shadow): the walk follows links to files in it, and
# not out of it unless --follow-links says so.
mkdir -p "$tmp/links" "$tmp/elsewhere"
sed 's/Hoogachtend/Met vriendelijke groet/' "$letter" >"$tmp/elsewhere/private.txt"
ln -s "$tmp/elsewhere/private.txt" "$tmp/links/out.txt"
before=$(dump)
naast import "$tmp/links" >"$tmp/out" 2>"$tmp/err"
check "a link out of the directory is not followed: skipped, exit 0" \
	sh -c "[ $? -eq 0 ] && [ ! -s '$tmp/err' ]"
check "the database is as it was" [ "$(dump)" = "$before" ]
check "named on its line, with where it points and what to do" \
	grep -qxF "$tmp/links/out.txt: skipped: a symbolic link to '$tmp/elsewhere/private.txt', out of the directory imported: not followed (import that file by name, or use --follow-links)" "$tmp/out"
check "counted and named in the summary" \
	sh -c "grep -qxF 'imported 0, unchanged 0, failed 0, skipped 1 (links out of the directory)' '$tmp/out' && grep -qxF '  skipped: $tmp/links/out.txt' '$tmp/out'"
mkdir "$tmp/links/sub"
cp "$bzk" "$tmp/links/sub/answer.txt"
ln -s sub/answer.txt "$tmp/links/in.txt"
naast import "$tmp/links" >"$tmp/out" 2>"$tmp/err"
check "a link to a file in the directory is followed" \
	sh -c "[ $? -eq 0 ] && grep -qxF '$tmp/links/in.txt: unchanged' '$tmp/out'"
naast import --follow-links "$tmp/links" >"$tmp/out" 2>"$tmp/err"
check "--follow-links follows one out of it" \
	sh -c "[ $? -eq 0 ] && grep -qxF '$tmp/links/out.txt: letter' '$tmp/out' && grep -qxF 'imported 1, unchanged 2, failed 0' '$tmp/out'"

# --- a tree deeper than the walk goes ----------------------------------------------
# The walk enters 32 directories below the one imported; a deeper one is
# told as failed, named, rather than left out unsaid.
deep=$tmp/deep
d=$deep
for i in $(seq 1 33); do d=$d/d; done
mkdir -p "$d"
cp "$letter" "$d/letter.txt"
check "a directory deeper than 32 levels: failed, named, what to do; nothing stored" \
	refuses 1 "$d" 'more than 32 directories deep in the one imported: nothing in it was read \(import it by name\)' \
	naast import "$deep"
check "and counted in the summary" grep -qxF 'imported 0, unchanged 0, failed 1' "$tmp/out"
check "and listed there" grep -qxF "  failed: $d: more than 32 directories deep in the one imported: nothing in it was read (import it by name)" "$tmp/out"

# --- a batch with bad files among good ones -----------------------------------------
bdb=$tmp/batch.db
"$NAAST" --db "$bdb" import "$az" "$tmp/empty.txt" "$tmp/latin1.txt" "$letter" \
	"$tmp/nope.txt" "$tmp/pixel.png" "$bzk" >"$tmp/out" 2>"$tmp/err"
check "a batch with four bad files among three good ones: exit 1" [ $? -eq 1 ]
check "the good ones are imported" \
	[ "$(sqlite3 "$bdb" "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM document ORDER BY id)")" = "answer letter answer" ]
check "each good one is reported on stdout" [ "$(grep -c -e ': answer by' -e ': letter$' "$tmp/out")" -eq 3 ]
check "each bad one is named once on stderr, with its reason" sh -c "
	[ \$(wc -l <'$tmp/err') -eq 4 ] &&
	grep -qxF \"naast: cannot import '$tmp/empty.txt': the file is empty: there is nothing to import (check that it is the file you meant)\" '$tmp/err' &&
	grep -qF \"naast: cannot import '$tmp/latin1.txt': not UTF-8: byte 0xEB at byte offset $offset\" '$tmp/err' &&
	grep -qF \"naast: cannot import '$tmp/nope.txt': no such file\" '$tmp/err' &&
	grep -qF \"naast: cannot import '$tmp/pixel.png': a PNG image\" '$tmp/err'"
check "the same batch again: the good ones unchanged, the bad ones refused again" sh -c "
	'$NAAST' --db '$bdb' import '$az' '$tmp/empty.txt' '$letter' '$bzk' >'$tmp/out' 2>/dev/null
	[ \$? -eq 1 ] && [ \$(grep -c ': unchanged\$' '$tmp/out') -eq 3 ] && [ \$(sqlite3 '$bdb' 'SELECT count(*) FROM document') -eq 3 ]"

# ============================================================ what naast writes

# --- export -o onto what is not a file ------------------------------------------------
# A device, a named pipe or a socket is never replaced by the export's
# file, even with --force (as root, /dev/null would become a file).
mkfifo "$tmp/out.fifo"
check "export -o FIFO --force: refused, named a named pipe, not a file" \
	refuses 1 "$tmp/out.fifo" "cannot write '$tmp/out.fifo': it is a named pipe \(FIFO\), not a file \(give the name of a file\)" \
	timeout 10 "$NAAST" --db "$db" export --set 1 -o "$tmp/out.fifo" --force
check "and the named pipe is still one" [ -p "$tmp/out.fifo" ]
check "without --force the same line" \
	refuses 1 "$tmp/out.fifo" "it is a named pipe \(FIFO\), not a file" \
	timeout 10 "$NAAST" --db "$db" export --set 1 -o "$tmp/out.fifo"
ln -s "$tmp/out.fifo" "$tmp/out-link.md"
check "a link to a named pipe: refused, the link kept" \
	sh -c "'$NAAST' --db '$db' export --set 1 -o '$tmp/out-link.md' --force >/dev/null 2>&1; [ \$? -eq 1 ] && [ -L '$tmp/out-link.md' ] && [ -p '$tmp/out.fifo' ]"
(cd "$tmp" && "$NAAST" --db "$db" export --set 1 -o - >"$tmp/out.dash" 2>"$tmp/err")
check "export -o - writes to standard output, as without -o" \
	sh -c "[ $? -eq 0 ] && [ ! -s '$tmp/err' ] && [ ! -e '$tmp/-' ] && '$NAAST' --db '$db' export --set 1 | cmp -s - '$tmp/out.dash'"
echo old >"$tmp/private.md"
chmod 600 "$tmp/private.md"
naast export --set 1 -o "$tmp/private.md" --force >/dev/null 2>&1
check "export --force keeps the permissions of the file it replaces" \
	sh -c "[ \"\$(stat -c %a '$tmp/private.md')\" = 600 ] && grep -q 'Vraag 1' '$tmp/private.md'"

# --- names from outside in messages ---------------------------------------------------------
# A newline or an escape sequence in a file name, the database's path, a
# command or the key file never reaches the terminal as it is: escapes
# are removed and a newline is shown as \n, so that no line is forged.
esc=$(printf '\033')
nl='
'
mkdir "$tmp/names"
cp "$letter" "$tmp/names/x${nl}imported 99, unchanged 0, failed 0${nl}y.txt"
: >"$tmp/names/e${nl}imported 98.txt"
"$NAAST" --db "$tmp/names.db" import "$tmp/names" >"$tmp/out" 2>"$tmp/err"
check "a newline in a file name: the import's lines are the real ones" \
	sh -c "[ \$(wc -l <'$tmp/out') -eq 3 ] && ! grep -q '^imported 99' '$tmp/out' && grep -qxF 'imported 1, unchanged 0, failed 1' '$tmp/out'"
check "the name is shown on its one line, its newlines as a backslash and n" \
	grep -qxF "$tmp/names/x\\nimported 99, unchanged 0, failed 0\\ny.txt: letter" "$tmp/out"
check "the refusal of such a file is one line" \
	one_line "$tmp/names/e\\nimported 98.txt" 'the file is empty'
check "--db with an escape and a newline: one line, no escape" \
	refuses 1 "$tmp/red\\nx/y" "its directory .* does not exist" \
	"$NAAST" --db "$tmp/${esc}[31mred${nl}x/y/z.db" list
check "an unknown command with an escape and a newline: one line, no escape" \
	refuses 2 "frob\\nnicate" "unknown command" \
	"$NAAST" --db "$db" "frob${esc}]0;owned$(printf '\007')${nl}nicate"
check "no escape reached standard error" sh -c "! grep -q '$esc' '$tmp/err'"
mkdir -p "$tmp/cfg${nl}x/naast"
printf 'bind library \033[31mq quit\n' >"$tmp/cfg${nl}x/naast/keys"
XDG_CONFIG_HOME="$tmp/cfg${nl}x" script -qec "'$NAAST' --db '$db'" /dev/null >"$tmp/out" 2>&1
tr -d '\r' <"$tmp/out" >"$tmp/err"
check "a bad key file line: one line, no escape, the newline of its path shown" \
	sh -c "[ \$(wc -l <'$tmp/err') -eq 1 ] && ! grep -q '$esc' '$tmp/err' && grep -qF '$tmp/cfg\\nx/naast/keys:1: ' '$tmp/err'"

# --- long paths in messages --------------------------------------------------------------
# A message longer than naast's room for one keeps its reason and what to
# do: the path it quotes is shortened in its middle.
long=$tmp
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do
	long=$long/Kamervragen-en-antwoorden-van-de-Tweede-Kamer-der-Staten-Generaal-$i-Kamervragen-en-antwoorden-van-de-Tweede-Kamer-der-Staten-Generaal-$i-Kamervragen-en-antwoorden-van-de-Tweede-Kamer-der-Staten-Generaal-$i
done
mkdir -p "$long"
: >"$long/leeg.txt"
# shortened STATUS PATTERN CMD...: CMD exits with STATUS, says one line
# of at most 2,048 bytes that matches PATTERN, and the dump of $db is as
# before.
shortened() {
	want=$1 pattern=$2
	shift 2
	before=$(dump)
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || { diag "exit status $got, not $want"; return 1; }
	[ "$(wc -l <"$tmp/err")" -eq 1 ] && [ "$(wc -c <"$tmp/err")" -le 2056 ] &&
		grep -qE -- "$pattern" "$tmp/err" ||
		{ diag "stderr: $(cat "$tmp/err")"; return 1; }
	[ "$(dump)" = "$before" ] || { diag "the database changed"; return 1; }
}
check "an empty file at a 3,000-byte path: its reason and remedy, the path shortened" \
	shortened 1 "^naast: cannot import '$tmp/Kamervragen-.*….*-Generaal-14/leeg.txt': the file is empty: there is nothing to import \(check that it is the file you meant\)$" \
	naast import "$long/leeg.txt"
check "--db in a missing directory at a long path: the remedy kept" \
	shortened 1 "^naast: cannot create the database '$tmp/Kamervragen-.*….*/nope/x.db': its directory '$tmp/Kamervragen.*….*/nope' does not exist \(create it, or use --db with another path\)$" \
	"$NAAST" --db "$long/nope/x.db" list

# ============================================================ the database

# --- not a database, a damaged one, another program's -------------------------------
{ printf 'SQLite format 2\000'; head -c 8176 /dev/urandom; } >"$tmp/garbage.db"
check "a file of random bytes as database: exit 1, what to do, not one byte changed" \
	untouched 1 "$tmp/garbage.db" 'not a naast database or is damaged; naast left it as it is: move it away' \
	"$NAAST" --db "$tmp/garbage.db" list
check "the same for import" \
	untouched 1 "$tmp/garbage.db" 'not a naast database or is damaged' \
	"$NAAST" --db "$tmp/garbage.db" import "$letter"
check "a text file given as database is left as it is" \
	untouched 1 "$tmp/latin1.txt" 'not a naast database' \
	"$NAAST" --db "$tmp/latin1.txt" list

# A naast database with its pages after the first overwritten: SQLite
# opens it and finds the damage on reading.
cp "$db" "$tmp/damaged.db"
size=$(wc -c <"$tmp/damaged.db")
dd if=/dev/urandom of="$tmp/damaged.db" bs=4096 seek=1 count=$((size / 4096 - 1)) conv=notrunc 2>/dev/null
check "a damaged database: list fails, says what to do, changes nothing" \
	untouched 1 "$tmp/damaged.db" "(damaged|not a naast database).*move it away" \
	"$NAAST" --db "$tmp/damaged.db" list
check "import into it fails the same way, changing nothing" \
	untouched 1 "$tmp/damaged.db" "(damaged|not a naast database).*move it away" \
	"$NAAST" --db "$tmp/damaged.db" import "$tmp/menu.pdf"
cp "$db" "$tmp/cut.db"
truncate -s 8192 "$tmp/cut.db"
check "a truncated database: refused, not one byte changed" \
	untouched 1 "$tmp/cut.db" "(damaged|not a naast database).*move it away" \
	"$NAAST" --db "$tmp/cut.db" import "$letter"

sqlite3 "$tmp/other.db" "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('erwtensoep')"
check "another program's SQLite database: refused, left as it is (not even made WAL)" \
	untouched 1 "$tmp/other.db" "an SQLite database of another program, not naast's; naast left it as it is: use --db" \
	"$NAAST" --db "$tmp/other.db" import "$letter"
check "its journal mode is still its own" [ "$(sqlite3 "$tmp/other.db" 'PRAGMA journal_mode')" = delete ]

# --- a newer schema --------------------------------------------------------------------
cp "$db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "PRAGMA user_version = 99"
check "a database of a newer schema version: refused, says upgrade, untouched" \
	untouched 1 "$tmp/newer.db" 'made by a newer naast \(schema version 99; this one knows [0-9]+\).*upgrade naast' \
	"$NAAST" --db "$tmp/newer.db" list
check "import into it too" \
	untouched 1 "$tmp/newer.db" 'made by a newer naast' \
	"$NAAST" --db "$tmp/newer.db" import "$letter"

# --- a schema version naast never writes -----------------------------------------------
for v in -1 -2147483648; do
	cp "$db" "$tmp/negative.db"
	sqlite3 "$tmp/negative.db" "PRAGMA user_version = $v"
	check "schema version $v: refused as not naast's or damaged, untouched" \
		untouched 1 "$tmp/negative.db" "not a naast database or is damaged \\(schema version $v\\).*move it away" \
		"$NAAST" --db "$tmp/negative.db" import "$letter"
done

# --- what someone else added ----------------------------------------------------------
cp "$db" "$tmp/foreign.db"
sqlite3 "$tmp/foreign.db" "CREATE TRIGGER wipe AFTER INSERT ON selection BEGIN DELETE FROM selection; END"
check "a database with a trigger naast does not make: refused, named, untouched" \
	untouched 1 "$tmp/foreign.db" "has a trigger 'wipe' on selection that naast does not make.*use --db with another file" \
	"$NAAST" --db "$tmp/foreign.db" select add 1
check "list too" \
	untouched 1 "$tmp/foreign.db" "has a trigger 'wipe'" \
	"$NAAST" --db "$tmp/foreign.db" list

# --- read-only -----------------------------------------------------------------------------
# chmod a-w: naast keeps the file as it is even for root, who could write it.
cp "$db" "$tmp/ro.db"
chmod 444 "$tmp/ro.db"
"$NAAST" --db "$tmp/ro.db" list >"$tmp/out" 2>"$tmp/err"
check "a read-only database (chmod 444) is read" \
	sh -c "[ $? -eq 0 ] && grep -qF 'Eerdmans (JA21)' '$tmp/out' && [ ! -s '$tmp/err' ]"
check "import fails clearly: read-only, why, what to do; not one byte changed" \
	untouched 1 "$tmp/ro.db" "cannot import: the database '$tmp/ro.db' is read-only \\(its permissions let nobody write it\\).*use --db with a file you can write" \
	"$NAAST" --db "$tmp/ro.db" import "$tmp/menu.pdf"
check "a change to the basket fails the same way" \
	untouched 1 "$tmp/ro.db" 'read-only' \
	"$NAAST" --db "$tmp/ro.db" select add 1
check "search and show work" \
	sh -c "'$NAAST' --db '$tmp/ro.db' search ambtenaren >/dev/null && '$NAAST' --db '$tmp/ro.db' show 1 --vraag 9 >/dev/null && [ ! -e '$tmp/ro.db-shm' ]"

# A read-only directory: SQLite can make no -shm file beside the database.
# Root writes there anyway; nobody cannot.
mkdir "$tmp/rodir"
cp "$db" "$tmp/rodir/naast.db"
if [ "$(id -u)" -ne 0 ]; then
	chmod 555 "$tmp/rodir"
	as_reader() { "$@"; }
	reader=true
elif command -v setpriv >/dev/null 2>&1; then
	chmod 755 "$tmp" "$tmp/rodir"
	as_reader() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	reader=true
else
	reader=false
fi
if $reader; then
	as_reader "$NAAST" --db "$tmp/rodir/naast.db" list >"$tmp/out" 2>"$tmp/err"
	check "a database in a read-only directory is read" \
		sh -c "[ $? -eq 0 ] && grep -qF 'Eerdmans (JA21)' '$tmp/out' && [ ! -s '$tmp/err' ]"
	check "import into it fails clearly, not one byte changed" \
		untouched 1 "$tmp/rodir/naast.db" "is read-only \\(you may not write (it|in its directory)\\).*use --db with a file you can write" \
		as_reader "$NAAST" --db "$tmp/rodir/naast.db" import "$letter"
else
	skip "a database in a read-only directory" "root, and no setpriv to become nobody"
	skip "import into it fails clearly" "root, and no setpriv to become nobody"
fi
chmod 755 "$tmp/rodir"

# --- a full disk ---------------------------------------------------------------------------
# ulimit -f stands in for a full disk (a write past the limit fails with
# EFBIG instead of killing naast, SIGXFSZ being ignored): the WAL file
# cannot grow by the pages of a long letter.
awk 'BEGIN { print "Geachte heer Jansen,\n"; for (i = 0; i < 600; i++) printf "Alinea %d van een lange brief over de uitvoering van de begroting.\n\n", i; print "Hoogachtend," }' >"$tmp/longletter.txt"
cp "$db" "$tmp/full.db"
before=$(bytes "$tmp/full.db")
dumped=$(dump "$tmp/full.db")
(
	trap '' XFSZ
	ulimit -f 100
	exec "$NAAST" --db "$tmp/full.db" import "$tmp/longletter.txt"
) >"$tmp/out" 2>"$tmp/err"
check "a full disk: the import fails (exit 1)" [ $? -eq 1 ]
check "one line: nothing was stored, the disk may be full, what to do" \
	one_line "$tmp/longletter.txt" "nothing of it was stored: cannot write the database '$tmp/full.db' .*free some space and try again"
check "the database file is as before" [ "$(bytes "$tmp/full.db")" = "$before" ]
check "its contents are as before" [ "$(dump "$tmp/full.db")" = "$dumped" ]
check "PRAGMA integrity_check is ok" [ "$(sqlite3 "$tmp/full.db" 'PRAGMA integrity_check')" = ok ]
check "with room again the same import succeeds" \
	sh -c "'$NAAST' --db '$tmp/full.db' import '$tmp/longletter.txt' | grep -qxF '$tmp/longletter.txt: letter'"

# --- kill -9 in the middle of an import ------------------------------------------------------
# A batch of the fourteen PDFs, 1000 generated answers and two long
# letters; each round imports it into a new database and kills naast at
# a random moment between its first commit and the end.  Every document
# then in the database must have the passages it has after a clean
# import.  naast commits a many-file import every half second or so
# (core/import.c), and this batch takes a few of those even on a fast
# build.  Each round waits for its own first commit to show and kills
# after a part of the time the clean import took from there to its end,
# so the kills land in the middle however fast or loaded the machine is.
mkdir "$tmp/batch"
cp "$tmp/longletter.txt" "$tmp/batch/a-long.txt"
sed 's/Alinea/Paragraaf/' "$tmp/longletter.txt" >"$tmp/batch/m-long.txt"
i=1
while [ "$i" -le 1000 ]; do
	sed "s/Eerdmans/Eerdmans-$i/" "$az" >"$tmp/batch/gen-$i.txt"
	i=$((i + 1))
done
set -- "$pdfs"/*.pdf "$tmp/batch"/*.txt
per_doc="SELECT d.sha256, count(p.id) FROM document d LEFT JOIN passage p ON p.document = d.id GROUP BY d.id ORDER BY d.sha256"
ms() { echo $((($(date +%s%N) - start) / 1000000)); }
start=$(date +%s%N)
"$NAAST" --db "$tmp/clean.db" import "$@" >/dev/null 2>&1 &
pid=$!
first=
while kill -0 "$pid" 2>/dev/null; do
	if [ -z "$first" ] && [ "$(sqlite3 "$tmp/clean.db" "SELECT count(*) FROM document" 2>/dev/null)" -gt 0 ] 2>/dev/null; then
		first=$(ms)
	fi
	sleep 0.01
done
wait "$pid"
whole=$(ms)
sqlite3 "$tmp/clean.db" "$per_doc" >"$tmp/clean.counts"
total=$(wc -l <"$tmp/clean.counts")
check "the clean import has every document of the batch" [ "$total" -eq $(($# )) ]
first=${first:-$whole}
diag "a whole import takes $whole ms, its first commit shows after $first ms"
partial=0 bad=0
# committed DB PID: waits until DB shows a document or PID has ended.
committed() {
	while kill -0 "$2" 2>/dev/null &&
		! [ "$(sqlite3 "$1" "SELECT count(*) FROM document" 2>/dev/null)" -gt 0 ] 2>/dev/null; do
		sleep 0.01
	done
}
for round in 1 2 3 4 5; do
	k=$tmp/killed-$round.db
	# After the round's first commit, somewhere in the round-th fifth of
	# the first nine tenths of the time the clean import took from its
	# first commit to its end, at random (round 1 may kill at once).
	delay=$(((whole - first) * 9 * (65536 * (round - 1) + $(od -An -N2 -tu2 /dev/urandom)) / (50 * 65536)))
	"$NAAST" --db "$k" import "$@" >/dev/null 2>&1 &
	pid=$!
	committed "$k" "$pid"
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ ! -e "$k" ] || [ "$(sqlite3 "$k" "SELECT count(*) FROM sqlite_master WHERE name = 'document'")" -eq 0 ]; then
		diag "round $round: killed after $delay ms, before the tables were made"
		# Whatever is there, naast opens it and makes its tables.
		if ! "$NAAST" --db "$k" list >/dev/null 2>&1; then
			diag "round $round: naast cannot open what it left"
			bad=$((bad + 1))
		fi
		continue
	fi
	sqlite3 "$k" "$per_doc" >"$tmp/killed.counts"
	got=$(wc -l <"$tmp/killed.counts")
	diag "round $round: killed $delay ms after its first commit with $got of $total documents in"
	[ "$got" -gt 0 ] && [ "$got" -lt "$total" ] && partial=$((partial + 1))
	if [ "$(sqlite3 "$k" 'PRAGMA integrity_check')" != ok ] ||
		! "$top_builddir/tests/fts-check" "$k" ||
		[ -n "$(comm -23 "$tmp/killed.counts" "$tmp/clean.counts")" ]; then
		diag "round $round: damaged, or a document only partly in:"
		comm -23 "$tmp/killed.counts" "$tmp/clean.counts" | sed 's/^/#   /' >&2
		bad=$((bad + 1))
	fi
done
check "after kill -9: integrity_check ok, every document whole or absent (5 rounds)" [ "$bad" -eq 0 ]
check "and some round was killed in the middle of the batch" [ "$partial" -ge 1 ]
"$NAAST" --db "$tmp/killed-3.db" import "$@" >/dev/null 2>&1
sqlite3 "$tmp/killed-3.db" "$per_doc" >"$tmp/killed.counts"
check "importing the batch again completes it: as the clean import" cmp -s "$tmp/killed.counts" "$tmp/clean.counts"

# --- a full disk in the middle of a many-file import ------------------------------------------
# The disk fills while a batch of files is open: every file is either
# stored and counted as such in the summary, or named with the reason;
# the database holds what the summary says, and is whole.  The limit is a
# third of what an import of the same files writes, so that neither the
# database nor its WAL can hold them all; the batches before it stay
# (naast commits about every half second, so how many there are depends
# on the machine: with the sanitizers, most of them).
"$NAAST" --db "$tmp/sized.db" import "$tmp/batch" >/dev/null 2>&1
limit=$(( $(wc -c <"$tmp/sized.db") / 3 / 512 ))
(
	trap '' XFSZ
	ulimit -f "$limit"
	exec "$NAAST" --db "$tmp/fullmany.db" import "$tmp/batch"
) >"$tmp/out" 2>"$tmp/err"
s=$?
files=$(ls "$tmp/batch" | wc -l)
summary=$(grep "^imported [0-9]*, unchanged" "$tmp/out")
n_stored=$(echo "$summary" | sed -n 's/^imported \([0-9]*\), unchanged 0, failed \([0-9]*\)$/\1/p')
n_failed=$(echo "$summary" | sed -n 's/^imported \([0-9]*\), unchanged 0, failed \([0-9]*\)$/\2/p')
diag "a disk full during a many-file import: $summary (of $files)"
check "a disk full during a many-file import: exit 1, each file stored or failed" \
	sh -c "[ $s -eq 1 ] && [ '${n_failed:-0}' -gt 0 ] && [ $((${n_stored:--1} + ${n_failed:-0})) -eq $files ]"
check "each failed file is named, with the full disk as the reason" \
	[ "$(grep -c "^naast: cannot import '$tmp/batch/.*': nothing of it was stored: .*free some space and try again" "$tmp/err")" -eq "${n_failed:-0}" ]
check "the database holds what the summary says was stored" \
	[ "$(sqlite3 "$tmp/fullmany.db" 'SELECT count(*) FROM document')" -eq "${n_stored:--1}" ]
check "and is whole" [ "$(sqlite3 "$tmp/fullmany.db" 'PRAGMA integrity_check')" = ok ]

# --- two imports at the same time --------------------------------------------------------------
"$NAAST" --db "$tmp/two.db" import "$pdfs" >"$tmp/out1" 2>"$tmp/err1" &
p1=$!
"$NAAST" --db "$tmp/two.db" import "$tmp/batch" "$corpus" >"$tmp/out2" 2>"$tmp/err2" &
p2=$!
wait "$p1"
s1=$?
wait "$p2"
s2=$?
[ $s1 -eq 0 ] && [ $s2 -eq 0 ] || { diag "status $s1 and $s2:"; sed 's/^/#   /' "$tmp/err1" "$tmp/err2" >&2; }
check "two imports into a new database at the same time both succeed" sh -c "[ $s1 -eq 0 ] && [ $s2 -eq 0 ]"
check "neither met a busy database" sh -c "! grep -q busy '$tmp/err1' '$tmp/err2'"
sqlite3 "$tmp/two.db" "$per_doc" >"$tmp/two.counts"
check "together they hold every document, each whole" \
	sh -c "[ -z \"\$(comm -13 '$tmp/two.counts' '$tmp/clean.counts')\" ] && [ \$(wc -l <'$tmp/two.counts') -eq $((total + 3)) ]"

# Another program holds the write lock for 7 seconds after the import
# began, longer than SQLite's busy timeout (5 s): the import waits, tries
# again and succeeds once the lock is let go.
cp "$db" "$tmp/locked.db"
# The holder says when it has the lock (and stops if it cannot get it).
(echo 'BEGIN IMMEDIATE;'; echo ".shell touch '$tmp/locked'"
	while [ ! -e "$tmp/release" ]; do sleep 0.05; done; echo 'COMMIT;') |
	sqlite3 -bail "$tmp/locked.db" &
holder=$!
i=0
while [ ! -e "$tmp/locked" ] && kill -0 "$holder" 2>/dev/null && [ $i -lt 1200 ]; do
	i=$((i + 1))
	sleep 0.05
done
# held: another connection cannot take the write lock now.
held() { [ -e "$tmp/locked" ] && ! sqlite3 "$tmp/locked.db" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1; }
check "another program holds the write lock" held
"$NAAST" --db "$tmp/locked.db" import "$tmp/longletter.txt" >"$tmp/out" 2>"$tmp/err" &
importer=$!
sleep 7
check "the import is still waiting after 7 s" kill -0 "$importer"
touch "$tmp/release"
wait "$importer"
s=$?
wait "$holder"
check "an import waits for a write lock held longer than the busy timeout" \
	sh -c "[ $s -eq 0 ] && grep -qxF '$tmp/longletter.txt: letter' '$tmp/out' && [ ! -s '$tmp/err' ]"

# --- out of memory in the middle of a many-file import ------------------------------------------
# A directory of small answers with one large one among them, imported
# under a limit of address space (ulimit -v) that the small ones fit in
# and the large one does not: naast ends with one line that says what it
# was importing, how many files it stored before and what to do, exit 1;
# the database holds exactly the files said to be stored, is whole, and
# the same import without the limit completes.  The limit is found here:
# the smallest of a ladder under which the small files alone import, and
# 16 MB more (the large answer, three megabytes of distinct words, needs
# some 60 MB more than that: tests/lib.sh).  MALLOC_ARENA_MAX=1 keeps
# the import's second thread from reserving an arena of its own (64 MB
# of address space that, refused, makes the need jump about).  Under the
# sanitizers the limit means nothing: AddressSanitizer reserves terabytes.
if asan; then
	for what in "out of memory during an import: exit 1, one line naming the file and what to do" \
	    "the lines of the files stored are out before it, as many as it says" \
	    "the database holds exactly the files said to be stored" \
	    "and is whole" "each of them whole, as an import of only those files makes it" \
	    "the same import without the limit completes" \
	    "out of memory during an export: exit 1, one line saying what to do" \
	    "nothing written, no temporary file left beside it, the database unchanged"; do
		skip "$what" "built with AddressSanitizer, which reserves terabytes of address space"
	done
else
	mkdir "$tmp/oom" "$tmp/oomsmall"
	for i in $(seq 100 499); do
		sed "s/Eerdmans/Eerdmans-$i/" "$az" >"$tmp/oomsmall/a-$i.txt"
	done
	for i in 1 2 3; do
		sed "s/Eerdmans/Zeeman-$i/" "$az" >"$tmp/oomsmall/z-$i.txt"
	done
	cp "$tmp/oomsmall"/* "$tmp/oom/"
	large_answer "$az" >"$tmp/oom/m-large.txt"
	limit=
	for mb in 48 64 80 96 128 160 192 256 320; do
		rm -f "$tmp/oomcal.db"*
		if (ulimit -v $((mb * 1024)); MALLOC_ARENA_MAX=1 exec "$NAAST" --db "$tmp/oomcal.db" import "$tmp/oomsmall") >/dev/null 2>&1; then
			limit=$((mb + 16))
			break
		fi
	done
	diag "out of memory during an import: the small files alone import under $((${limit:-16} - 16)) MB"
	(ulimit -v $((${limit:-1} * 1024)); MALLOC_ARENA_MAX=1 exec "$NAAST" --db "$tmp/oom.db" import "$tmp/oom") >"$tmp/out" 2>"$tmp/err"
	s=$?
	said=$(sed -n "s/^naast: out of memory while importing '[^']*': \([0-9]*\) files\{0,1\} w[ae][rs]e\{0,1\} stored before it, the others were not (free some memory, or import fewer or smaller files at once; .*)\$/\1/p" "$tmp/err")
	sed -n "s/^\(.*\): answer by .*/\1/p" "$tmp/out" | sort >"$tmp/oom.told"
	sqlite3 "$tmp/oom.db" 'SELECT origin FROM document ORDER BY origin' | sort >"$tmp/oom.kept"
	diag "out of memory during an import: $(cat "$tmp/err")"
	check "out of memory during an import: exit 1, one line naming the file and what to do" \
		sh -c "[ $s -eq 1 ] && [ -n '$said' ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q \"importing '$tmp/oom/\" '$tmp/err'"
	# The import's reader may parse the large answer before the first
	# batch commits (it reads up to 16 MiB ahead): then none was stored,
	# and the output has no line of a stored file either.
	check "the lines of the files stored are out before it, as many as it says" \
		sh -c "[ '${said:--1}' -ge 0 ] && [ \$(wc -l <'$tmp/oom.told') -eq '${said:--1}' ] && [ \$(wc -l <'$tmp/out') -eq '${said:--1}' ]"
	check "the database holds exactly the files said to be stored" cmp -s "$tmp/oom.told" "$tmp/oom.kept"
	check "and is whole" [ "$(sqlite3 "$tmp/oom.db" 'PRAGMA integrity_check')" = ok ]
	# Each document as a database of only those files holds it.
	xargs "$NAAST" --db "$tmp/oomref.db" import <"$tmp/oom.told" >/dev/null 2>&1
	check "each of them whole, as an import of only those files makes it" \
		[ "$(sqlite3 "$tmp/oom.db" "$per_doc" | sha256sum)" = "$(sqlite3 "$tmp/oomref.db" "$per_doc" | sha256sum)" ]
	"$NAAST" --db "$tmp/oom.db" import "$tmp/oom" >"$tmp/out" 2>"$tmp/err"
	s=$?
	check "the same import without the limit completes" \
		sh -c "[ $s -eq 0 ] && [ ! -s '$tmp/err' ] && [ \$(grep -c ': unchanged\$' '$tmp/out') -eq '${said:--1}' ] && [ \$(sqlite3 '$tmp/oom.db' 'SELECT count(*) FROM document') -eq 404 ]"

	# An export of the large answer's set under a limit that `naast
	# list` fits in, and 4 MB more (the export takes some 14 MB more):
	# it ends as the import does, and leaves no half-written file.
	limit=$(list_limit "$tmp/oom.db")
	limit=${limit:+$((limit + 4))}
	large=$(sqlite3 "$tmp/oom.db" "SELECT set_id FROM document WHERE origin LIKE '%/m-large.txt'")
	mkdir "$tmp/oomexport"
	before=$(dump "$tmp/oom.db")
	(ulimit -v $((${limit:-1} * 1024)); MALLOC_ARENA_MAX=1 exec "$NAAST" --db "$tmp/oom.db" export --set "$large" -o "$tmp/oomexport/large.md") >"$tmp/out" 2>"$tmp/err"
	s=$?
	diag "out of memory during an export (under $((${limit:-4} - 4)) + 4 MB): $(cat "$tmp/err")"
	check "out of memory during an export: exit 1, one line saying what to do" \
		sh -c "[ $s -eq 1 ] && [ \"\$(cat '$tmp/err')\" = 'naast: out of memory while exporting (free some memory, or export fewer passages at once)' ]"
	check "nothing written, no temporary file left beside it, the database unchanged" \
		sh -c "[ -z \"\$(ls -A '$tmp/oomexport')\" ] && [ '$(dump "$tmp/oom.db")' = '$before' ]"
fi

done_testing
