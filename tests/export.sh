#!/bin/sh
# tests/export.sh: the Word and Excel exports, read back by real consumers
# (unzip, python-docx, openpyxl, LibreOffice where it is installed), and
# every format's grouping by set and references, on a basket of passages
# from two question sets.
. "$top_srcdir/tests/lib.sh"

corpus=$top_srcdir/assets/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/x.db
ne() { "$NAAST" --db "$db" "$@"; }
jqe() { jq -e "$@" >/dev/null; }

# skip DESCRIPTION REASON: one TAP line for a check that cannot run here.
skip() {
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
}

# The Python that has both readers: Debian's python3-docx and python3-openpyxl.
py=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import docx, openpyxl' 2>/dev/null; then
		py=$p
		break
	fi
done

# A second set, made for the test: an answer whose vraag 2 refers to vraag 1.
cat >"$tmp/schepen.md" <<'EOF'
Vragen van het lid Visser (VVD) aan de Minister van Defensie over schepen (ingezonden 2 mei 2024).

Antwoord van Minister Aalders (Defensie) (ontvangen 4 juni 2024).

Vraag 1

Hoeveel schepen heeft de marine?

Antwoord 1

De marine heeft twintig schepen in de vaart.

Vraag 2

Hoeveel daarvan zijn inzetbaar?

Antwoord 2

Zie het antwoord op vraag 1.
EOF
ne import "$corpus/000_aca15a80dc8ca4b0.txt" "$corpus/001_84e14fc3b2e5f15e.txt" "$tmp/schepen.md" >/dev/null 2>&1
check "the seeds and a second set are imported" [ "$(ne list --json | jq '.sets | length')" -eq 2 ]
ne show 1 --vraag 8 --json >"$tmp/v8.json"
az8=$(jq '.questions[0].answers[] | select(.ministry == "AZ") | .paragraphs[0].id' "$tmp/v8.json")
bzk8=$(jq '.questions[0].answers[] | select(.ministry == "BZK") | .paragraphs[0].id' "$tmp/v8.json")
s2=$(ne list --json | jq '.sets[] | select(.subject == "schepen") | .id')
ref2=$(ne show "$s2" --vraag 2 --json | jq '.questions[0].answers[0].paragraphs[0].id')

# The basket: set 1, then the second set, then set 1 again.
ne select add "$az8" "$ref2" "$bzk8" >/dev/null
ne select note "$bzk8" 'Vergelijk met AZ' >/dev/null

# --- every format: grouped by set, the answer referred to carried ----------
ne export --selection >"$tmp/sel.md"
check "a basket of two sets has each set's heading" sh -c "
	grep -qx '## Vragen van het lid Eerdmans (JA21) over .* (ingezonden 29 januari 2024)' '$tmp/sel.md' &&
	grep -qx '## Vragen van het lid Visser (VVD) over schepen (ingezonden 2 mei 2024)' '$tmp/sel.md'"
check "the vragen go under their set, set 1's together" sh -c "
	[ \"\$(grep '^##' '$tmp/sel.md' | cut -c1-25 | tr '\n' '|')\" = '## Vragen van het lid Eer|### Vraag 8|## Vragen van het lid Vis|### Vraag 2|' ]"
check "a passage that refers to vraag 1 carries its answer, with its citation" sh -c "
	grep -qx '\*\*Het antwoord op vraag 1, waarnaar verwezen wordt:\*\*' '$tmp/sel.md' &&
	grep -qx '> De marine heeft twintig schepen in de vaart.' '$tmp/sel.md' &&
	grep -qx 'Antwoord van Minister Aalders (Defensie), ontvangen 4 juni 2024, op vraag 1 van het lid Visser (VVD) over schepen (ingezonden 2 mei 2024).' '$tmp/sel.md'"
ne export --selection --no-refs >"$tmp/sel-norefs.md"
check "--no-refs leaves it out" sh -c "! grep -q 'waarnaar verwezen' '$tmp/sel-norefs.md' && ! grep -q 'twintig schepen' '$tmp/sel-norefs.md'"
for f in txt csv json html; do
	ne export --selection --format "$f" >"$tmp/sel.$f"
	check "the $f export carries it too" grep -q 'twintig schepen' "$tmp/sel.$f"
	ne export --selection --format "$f" --no-refs >"$tmp/sel-norefs.$f"
	check "and leaves it out with --no-refs ($f)" sh -c "! grep -q 'twintig schepen' '$tmp/sel-norefs.$f'"
done
check "the JSON gives the answer referred to as passages" jqe '
	[.[] | select(.referred_answers)] | length == 1 and
	.[0].referred_answers[0].vraag == 1 and
	(.[0].referred_answers[0].passages[0].citation | startswith("Antwoord van Minister Aalders"))' "$tmp/sel.json"
ne export --set "$s2" >"$tmp/set2.md"
check "an export that holds the answer referred to does not repeat it" [ "$(grep -c 'twintig schepen' "$tmp/set2.md")" -eq 1 ]

# --- docx and xlsx -----------------------------------------------------------
ne export --selection -o "$tmp/sel.docx" >"$tmp/o" 2>&1
check "-o FILE.docx writes a Word document" grep -qF "Wrote 3 passages to $tmp/sel.docx." "$tmp/o"
ne export --selection -o "$tmp/sel.xlsx" >"$tmp/o" 2>&1
check "-o FILE.xlsx writes an Excel workbook" grep -qF "Wrote 3 passages to $tmp/sel.xlsx." "$tmp/o"
ne export --selection --no-refs -o "$tmp/norefs.docx" >/dev/null 2>&1
ne export --selection --no-refs -o "$tmp/norefs.xlsx" >/dev/null 2>&1
ne export --set 1 --vraag 8 --format docx >"$tmp/v8.docx"
ne export --set 1 --vraag 8 >"$tmp/v8.md"
ne export --set 1 --vraag 8 --format xlsx >"$tmp/v8.xlsx"
ne export --set 1 --vraag 8 --side-by-side -o "$tmp/v8-side.docx" >/dev/null 2>&1
for f in sel.docx sel.xlsx v8.docx v8.xlsx v8-side.docx; do
	check "unzip -t: $f is a sound archive" sh -c "unzip -tq '$tmp/$f' >/dev/null"
done
check "the docx has its footnotes part" sh -c "unzip -l '$tmp/sel.docx' | grep -q 'word/footnotes.xml'"
check "a zip format onto a terminal is a usage error" sh -c "
	script -qec \"'$NAAST' --db '$db' export --set 1 --format docx\" /dev/null >'$tmp/tty' 2>&1; [ \$? -eq 2 ]"

if [ -n "$py" ]; then
	check "python-docx: set and vraag headings, quotes, notes and footnotes as in Markdown" \
		"$py" "$top_srcdir/tests/export_check.py" docx "$tmp/sel.docx" "$tmp/sel.md"
	check "python-docx: the same without the references" \
		"$py" "$top_srcdir/tests/export_check.py" docx "$tmp/norefs.docx" "$tmp/sel-norefs.md" --no-refs
	check "python-docx: one set, its title and vraag 8's citations" \
		"$py" "$top_srcdir/tests/export_check.py" docx "$tmp/v8.docx" "$tmp/v8.md" --no-refs
	check "python-docx: --side-by-side puts AZ and BZK in a table, citations as footnotes" \
		"$py" "$top_srcdir/tests/export_check.py" docx-table "$tmp/v8-side.docx" "$tmp/v8.md" AZ BZK
	check "python-docx: without --side-by-side the answers follow in turn, no table" \
		"$py" -c "import docx, sys; sys.exit(len(docx.Document(sys.argv[1]).tables) != 0)" "$tmp/v8.docx"
	check "openpyxl: header, frozen panes, widths, one row per passage, citations as in Markdown" \
		"$py" "$top_srcdir/tests/export_check.py" xlsx "$tmp/sel.xlsx" "$tmp/sel.md"
	check "openpyxl: the same without the references" \
		"$py" "$top_srcdir/tests/export_check.py" xlsx "$tmp/norefs.xlsx" "$tmp/sel-norefs.md" --no-refs
	check "openpyxl: one set, vraag 8" \
		"$py" "$top_srcdir/tests/export_check.py" xlsx "$tmp/v8.xlsx" "$tmp/v8.md" --no-refs
else
	for what in "python-docx checks" "openpyxl checks"; do
		skip "$what" "python3-docx and python3-openpyxl are not installed (build.sh installs them)"
	done
fi

# Text that XML cannot hold: escape sequences, & < > ", and U+FFFE and
# U+FFFF, which are UTF-8 but no XML character.
hdb=$tmp/h.db
printf 'Vragen van het lid Visser (VVD) aan de Minister van Defensie over schepen\357\277\276 & <x> "q" (ingezonden 2 mei 2024).\n\nAntwoord van Minister Aalders (Defensie) (ontvangen 4 juni 2024).\n\nVraag 1\n\nHoeveel\033[31m schepen?\357\277\277\n\nAntwoord 1\n\nTwintig & <meer> \357\277\276.\n' >"$tmp/hostile.md"
"$NAAST" --db "$hdb" import "$tmp/hostile.md" >/dev/null 2>&1
"$NAAST" --db "$hdb" export --set 1 -o "$tmp/h.docx" >/dev/null 2>&1
"$NAAST" --db "$hdb" export --set 1 -o "$tmp/h.xlsx" >/dev/null 2>&1
if [ -n "$py" ]; then
	check "what XML cannot hold never reaches the docx or the xlsx" "$py" -c "
import docx, openpyxl, sys
d = docx.Document(sys.argv[1])
assert [p.text for p in d.paragraphs][-1] == 'Twintig & <meer> .', [p.text for p in d.paragraphs]
ws = openpyxl.load_workbook(sys.argv[2]).active
assert ws['H2'].value == 'Twintig & <meer> .', ws['H2'].value
assert ws['A2'].value.startswith('Vragen van het lid Visser (VVD) over schepen & <x> \"q\"'), ws['A2'].value
" "$tmp/h.docx" "$tmp/h.xlsx"
else
	skip "what XML cannot hold never reaches the docx or the xlsx" "python3-docx and python3-openpyxl are not installed"
fi

soffice=$(command -v soffice || command -v libreoffice || true)
if [ -n "$soffice" ]; then
	mkdir -p "$tmp/pdf" "$tmp/lo"
	HOME=$tmp/lo timeout 120 "$soffice" --headless --norestore --convert-to pdf \
		--outdir "$tmp/pdf" "$tmp/sel.docx" "$tmp/v8-side.docx" >"$tmp/lo.out" 2>&1
	check "LibreOffice converts the docx to PDF" sh -c "[ -s '$tmp/pdf/sel.pdf' ] && head -c 5 '$tmp/pdf/sel.pdf' | grep -q '%PDF-'"
	if command -v pdftotext >/dev/null 2>&1; then
		check "and the PDF holds the headings and a citation" sh -c "
			pdftotext '$tmp/pdf/sel.pdf' - | tr -s ' \n' '  ' >'$tmp/pdf.txt' &&
			grep -q 'Vragen van het lid Visser (VVD) over schepen' '$tmp/pdf.txt' &&
			grep -q 'Antwoord van Minister Aalders (Defensie), ontvangen 4 juni 2024' '$tmp/pdf.txt'"
		check "LibreOffice converts the side-by-side docx, table and all" sh -c "
			pdftotext -layout '$tmp/pdf/v8-side.pdf' - | grep -q 'Algemene Zaken (AZ) .*Binnenlandse Zaken'"
	fi
else
	skip "LibreOffice converts the docx to PDF" "LibreOffice (soffice) is not installed"
fi

done_testing
