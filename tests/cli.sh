#!/bin/sh
# tests/cli.sh: the naast program as a user runs it, on a temporary
# database: import, list, show, --json, errors and exit codes.
. "$top_srcdir/tests/lib.sh"

corpus=$top_srcdir/assets/corpus
az=$corpus/000_aca15a80dc8ca4b0.txt
bzk=$corpus/001_84e14fc3b2e5f15e.txt
letter=$corpus/004_e244608e296288d3.txt

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/x.db
naast() { "$NAAST" --db "$db" "$@"; }
esc=$(printf '\033')
rows() { sqlite3 "$db" "SELECT (SELECT count(*) FROM document) || ' ' || (SELECT count(*) FROM passage) || ' ' || (SELECT count(*) FROM question) || ' ' || (SELECT count(*) FROM answer)"; }

# --- import -----------------------------------------------------------------
naast import "$az" "$bzk" "$letter" >"$tmp/out" 2>"$tmp/err"
check "import of the three seeds succeeds" [ $? -eq 0 ]
check "import prints one line per file" [ "$(wc -l <"$tmp/out")" -eq 3 ]
check "the AZ answer is reported" grep -qxF "$az: answer by AZ to set 1, 9 vragen" "$tmp/out"
check "the BZK answer joins the same set" grep -qxF "$bzk: answer by BZK to set 1, 9 vragen" "$tmp/out"
check "the letter is reported" grep -qxF "$letter: letter" "$tmp/out"
before=$(rows)

naast import "$az" "$bzk" "$letter" >"$tmp/out" 2>&1
check "re-import succeeds" [ $? -eq 0 ]
check "re-import says unchanged for each file" [ "$(grep -c ': unchanged$' "$tmp/out")" -eq 3 ]
check "re-import changes nothing" [ "$(rows)" = "$before" ]

# A gap in the numbering: the vragen found, one warning for the gap.
printf 'Vraag 1\nIs dit een vraag?\n\nAntwoord 1\nJa.\n\nVraag 999\nEn dit?\n\nAntwoord 999\nOok.\n' >"$tmp/gap.txt"
"$NAAST" --db "$tmp/gap.db" import "$tmp/gap.txt" >"$tmp/out" 2>"$tmp/err"
check "a gap in the numbering: the vragen found, and up to which number" \
	grep -qxF "$tmp/gap.txt: answer by an unknown ministry to set 1, 2 vragen (numbered up to 999)" "$tmp/out"
check "and one warning for the gap" \
	[ "$(cat "$tmp/err")" = "naast: warning: '$tmp/gap.txt': vragen 2 to 998 are missing" ]

# --- list -------------------------------------------------------------------
naast list --json >"$tmp/list.json"
jqt() { jq -e "$1" "$tmp/list.json" >/dev/null; }
check "list --json is one JSON document" jqt '.sets and .letters' 
check "one question set" jqt '.sets | length == 1'
check "questioner Eerdmans (JA21)" jqt '.sets[0].questioners == [{"name":"Eerdmans","party":"JA21"}]'
check "submitted 2024-01-29" jqt '.sets[0].submitted == "2024-01-29"'
check "9 vragen" jqt '.sets[0].questions == 9'
check "addressed to 12 ministries" jqt '.sets[0].addressed == ["AZ","BZK","BZ","DEF","EZK","FIN","IenW","JenV","LNV","OCW","SZW","VWS"]'
check "answered by AZ then BZK" jqt '[.sets[0].answers[] | .ministry] == ["AZ","BZK"]'
check "AZ received 2024-02-15, no Aanhangsel number" jqt '.sets[0].answers[0] | .received == "2024-02-15" and .aanhangsel == null and (.doc | type) == "number"'
check "BZK received 2024-02-16, Aanhangsel 1059" jqt '.sets[0].answers[1] | .received == "2024-02-16" and .aanhangsel == 1059'
check "list keys follow the contract" jqt '.sets[0] | has("id") and has("subject") and has("questioners") and has("submitted") and has("addressed") and has("questions") and has("answers")'
check "one letter to four addressees" jqt '.letters | length == 1 and .[0].addressees == ["Bruins Slot","Rutte","Buitendijk","de Klerck"]'
check "the letter closes with Hoogachtend," jqt '.letters[0].closing == "Hoogachtend," and .letters[0].paragraphs > 3 and (.letters[0].salutation | startswith("Geachte"))'

naast list >"$tmp/list.txt"
check "list names the set for people" grep -qF "Eerdmans (JA21) · ingezonden 29 January 2024 · 9 vragen · 2/12 beantwoord" "$tmp/list.txt"
check "list shows the BZK Aanhangsel number" grep -qF "answered by BZK   ontvangen 16 February 2024, Aanhangsel nr. 1059" "$tmp/list.txt"
check "list shows the letter's addressees" grep -qF "to Bruins Slot, Rutte, Buitendijk and de Klerck" "$tmp/list.txt"

# --- show -------------------------------------------------------------------
naast show 1 --json >"$tmp/show.json"
jqs() { jq -e "$1" "$tmp/show.json" >/dev/null; }
check "show --json has the set and 9 questions" jqs '.set.id == 1 and (.questions | length) == 9'
check "every vraag has the AZ and BZK answers" jqs '[.questions[] | [.answers[].ministry]] | all(. == ["AZ","BZK"])'
check "antwoord 9 is Ja. in both" jqs '.questions[8].answers | map(.paragraphs | map(.text)) == [["Ja."],["Ja."]]'
check "AZ signatory is Minister-President Rutte" jqs '.questions[0].answers[0].signatories == [{"name":"Rutte","role":"Minister-President","ministry":"AZ","on_behalf_of":[]}]'
check "BZK has two signatories" jqs '.questions[0].answers[1].signatories | map(.name) == ["De Jonge","Van Huffelen"]'
check "paragraphs carry passage ids" jqs '[.questions[].answers[].paragraphs[].id | type] | all(. == "number")'
check "AZ antwoord 2 refers to vraag 1" jqs '.questions[1].answers[0].refs == [{"vraag":1}]'

naast show 1 --vraag 8 --ministry AZ --json >"$tmp/show.json"
check "--vraag and --ministry narrow show" jqs '(.questions | length) == 1 and .questions[0].number == 8 and (.questions[0].answers | map(.ministry)) == ["AZ"]'
check "AZ antwoord 8 has two paragraphs" jqs '.questions[0].answers[0].paragraphs | length == 2 and (.[1].text | startswith("Een sociaal veilige werkomgeving"))'

naast show 1 --vraag 9 >"$tmp/show.txt"
check "show for people prints the vraag and both answers" sh -c "grep -qx 'Vraag 9' '$tmp/show.txt' && grep -qF 'AZ · Minister-President Rutte' '$tmp/show.txt' && grep -qF 'BZK · Minister De Jonge, Staatssecretaris Van Huffelen' '$tmp/show.txt' && [ \$(grep -cx '  Ja.' '$tmp/show.txt') -eq 2 ]"
naast show 1 --vraag 2 --ministry BZK,DEF >"$tmp/show.txt"
check "a ministry without an imported answer says so" grep -qF "DEF · no answer imported" "$tmp/show.txt"

# --- refs -------------------------------------------------------------------
naast show 1 --json >"$tmp/show.json"
check "refs hold vraag references and publication references only" jqs '[.questions[].answers[].refs[] | keys] | all(. == ["vraag"] or . == ["aanhangsel","doc","vergaderjaar"])'
check "AZ antwoord 2, 3, 4 refer to vraag 1 and 5 to vraag 8, no other" jqs '[.questions[].answers[] | select(.ministry == "AZ") | [.refs[] | select(has("vraag")) | .vraag]] == [[],[1],[1],[1],[8],[],[],[],[]]'
check "BZK antwoord 2 refers to vraag 1 and 3, 5, 7 to vraag 8, no other" jqs '[.questions[].answers[] | select(.ministry == "BZK") | [.refs[] | select(has("vraag")) | .vraag]] == [[],[1],[8],[],[8],[],[8],[],[]]'
check "all 18 answers are checked" jqs '[.questions[].answers[]] | length == 18'
check "every BZK answer carries Aanhangsel 1047 of 2023–2024, not imported" jqs '[.questions[].answers[] | select(.ministry == "BZK") | [.refs[] | select(has("aanhangsel"))]] | length == 9 and all(. == [{"aanhangsel":1047,"vergaderjaar":"2023–2024","doc":null}])'
check "AZ answers carry no publication reference" jqs '[.questions[].answers[] | select(.ministry == "AZ") | .refs[] | select(has("aanhangsel"))] == []'

# A publication numbered 1047 of that vergaderjaar, imported after the
# reference to it: the reference then names it.
refdb=$tmp/ref.db
sed -e 's/^### 1059$/### 1047/' -e 's/ Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr\. 1047\.//' "$bzk" >"$tmp/1047.txt"
"$NAAST" --db "$refdb" import "$bzk" "$tmp/1047.txt" >/dev/null 2>&1
doc1047=$("$NAAST" --db "$refdb" list --json | jq '.sets[0].answers[] | select(.aanhangsel == 1047) | .doc')
"$NAAST" --db "$refdb" show 1 --vraag 1 --json >"$tmp/ref.json"
check "a publication reference names the imported document with that number" sh -c "[ -n '$doc1047' ] && jq -e '[.questions[0].answers[] | select(.doc != $doc1047) | .refs[] | select(has(\"aanhangsel\"))] == [{\"aanhangsel\":1047,\"vergaderjaar\":\"2023–2024\",\"doc\":$doc1047}]' '$tmp/ref.json' >/dev/null"

# An answer in the pdftext layout whose antwoord 2 cites the BZK seed
# (Aanhangsel 1059) in its own words, imported before and after it: the
# reference names the BZK document in that answer's refs, and only there.
cat >"$tmp/cites.txt" <<'EOF'
Vragen van het lid Jansen (SP) aan de Minister van Financiën over
het bericht over ambtenaren (ingezonden 1 maart 2024).

Antwoord van Minister Pietersen (Financiën) (ontvangen 2 april 2024).

Vraag 1
Bent u bekend met het bericht?

Antwoord 1
Ja.

Vraag 2
Hoeveel bijeenkomsten zijn er op uw ministerie georganiseerd?

Antwoord 2
Daarover is de Kamer eerder geïnformeerd. Zie ook Aanhangsel Handelingen,
vergaderjaar 2023–2024, nr. 1059.

Vraag 3
Wat gaat u doen?

Antwoord 3
Zie het antwoord op vraag 2.
EOF
k=0
for order in "$tmp/cites.txt $bzk" "$bzk $tmp/cites.txt"; do
	k=$((k + 1))
	citedb=$tmp/cites-$k.db
	# shellcheck disable=SC2086 # two file names
	"$NAAST" --db "$citedb" import $order >/dev/null 2>&1
	"$NAAST" --db "$citedb" list --json >"$tmp/cites-list.json"
	bzkdoc=$(jq '.sets[].answers[] | select(.aanhangsel == 1059) | .doc' "$tmp/cites-list.json")
	citeset=$(jq '.sets[] | select(.questioners[0].name == "Jansen") | .id' "$tmp/cites-list.json")
	"$NAAST" --db "$citedb" show "$citeset" --json >"$tmp/cites.json"
	first=$(basename "${order%% *}")
	check "an answer's Aanhangsel reference names the BZK document ($first imported first)" sh -c "[ -n '$bzkdoc' ] && jq -e '.questions[1].answers[0].refs == [{\"aanhangsel\":1059,\"vergaderjaar\":\"2023–2024\",\"doc\":$bzkdoc}]' '$tmp/cites.json' >/dev/null"
	check "and only that answer cites a publication ($first imported first)" jq -e '[.questions[].answers[] | [.refs[] | select(has("aanhangsel"))] | length] == [0,1,0] and .questions[2].answers[0].refs == [{"vraag":2}]' "$tmp/cites.json"
done

# --- diff -------------------------------------------------------------------
jqd() { jq -e "$1" "$tmp/diff.json" >/dev/null; }
# changed: the ops that are not equal, as one compact JSON array.
naast diff 1 --vraag 8 --ministries AZ,BZK --json >"$tmp/diff.json"
check "diff --json names the vraag, the ministries and a similarity" jqd '.vraag == 8 and .a == "AZ" and .b == "BZK" and (.similarity | type) == "number" and .similarity > 0.9 and .similarity < 1'
check "diff vraag 8: one difference, AZ's Politiek Adviseurs" jqd '[.ops[] | select(.op != "equal")] == [{"op":"delete","text":"(met uitzondering van de Politiek Adviseurs)"}]'
check "diff vraag 8: the ops spell AZ's text" jqd '[.ops[] | select(.op != "insert") | .text] | join(" ") | startswith("Het is belangrijk dat ambtenaren") and contains("In Nederland werken ambtenaren (met uitzondering van de Politiek Adviseurs) zonder politieke binding") and endswith("de neutraliteit te behouden.")'
check "diff ops are equal, delete or insert" jqd '[.ops[].op] | all(. == "equal" or . == "delete" or . == "insert")'

naast diff 1 --vraag 8 --json >"$tmp/diff.json"
check "diff without --ministries compares the first two: AZ and BZK" jqd '.a == "AZ" and .b == "BZK" and ([.ops[] | select(.op != "equal")] | length) == 1'
naast diff 1 --vraag 8 --ministries bzk,az --json >"$tmp/diff.json"
check "diff BZK,AZ: the same words are an insertion" jqd '.a == "BZK" and .b == "AZ" and [.ops[] | select(.op != "equal")] == [{"op":"insert","text":"(met uitzondering van de Politiek Adviseurs)"}]'

naast diff 1 --vraag 5 --ministries AZ,BZK --json >"$tmp/diff.json"
check "diff vraag 5: rijksoverheid becomes Rijksoverheid" jqd '[.ops[] | select(.op != "equal")] == [{"op":"delete","text":"rijksoverheid"},{"op":"insert","text":"Rijksoverheid"}]'
naast diff 1 --vraag 5 --ministries AZ,BZK --ignore-case --json >"$tmp/diff.json"
check "diff vraag 5 --ignore-case: no difference" jqd '(.ops | length) > 0 and ([.ops[].op] | all(. == "equal")) and .similarity == 1'
naast diff 1 --vraag 9 --json >"$tmp/diff.json"
check "diff vraag 9: Ja. and Ja." jqd '.ops == [{"op":"equal","text":"Ja."}] and .similarity == 1'

naast diff 1 --vraag 8 >"$tmp/diff.txt"
check "diff for people: a header line" sh -c "head -n 1 '$tmp/diff.txt' | grep -qx 'vraag 8 · AZ → BZK · similarity 0\.9[0-9]'"
check "diff for people marks the deletion" grep -qF "ambtenaren [-(met uitzondering van de Politiek Adviseurs)-] zonder" "$tmp/diff.txt"
check "diff for people: one line per paragraph of AZ" sh -c "[ \$(grep -c . '$tmp/diff.txt') -eq 3 ] && grep -q '^Een sociaal veilige werkomgeving' '$tmp/diff.txt'"
check "diff in a pipe has no escape bytes" sh -c "! grep -q '$esc' '$tmp/diff.txt'"
naast diff 1 --vraag 5 >"$tmp/diff.txt"
check "diff for people marks an insertion" grep -qF "[-rijksoverheid-] {+Rijksoverheid+}" "$tmp/diff.txt"
script -qec "NO_COLOR= '$NAAST' --db '$db' diff 1 --vraag 5" /dev/null >"$tmp/tty.txt" 2>&1
check "diff on a terminal colours deletions red and insertions green" sh -c "grep -qF '${esc}[31m[-rijksoverheid-]${esc}[m' '$tmp/tty.txt' && grep -qF '${esc}[32m{+Rijksoverheid+}${esc}[m' '$tmp/tty.txt'"
script -qec "NO_COLOR=1 '$NAAST' --db '$db' diff 1 --vraag 5" /dev/null >"$tmp/tty.txt" 2>&1
check "diff on a terminal with NO_COLOR has no colours" sh -c "grep -qF '[-rijksoverheid-]' '$tmp/tty.txt' && ! grep -qF '${esc}[3' '$tmp/tty.txt'"

# --- matrix -----------------------------------------------------------------
naast matrix 1 --json >"$tmp/matrix.json"
jqm() { jq -e "$1" "$tmp/matrix.json" >/dev/null; }
sim() { echo "(.vragen[] | select(.vraag == $1) | .pairs[] | select(.a == \"AZ\" and .b == \"BZK\") | .similarity)"; }
check "matrix --json: the answering ministries and nine vragen" jqm '.ministries == ["AZ","BZK"] and ([.vragen[].vraag] == [1,2,3,4,5,6,7,8,9])'
check "matrix --json: one pair per vraag, a number" jqm '[.vragen[].pairs | length] | all(. == 1)' 
check "matrix: vraag 9 is the same" jqm "$(sim 9) == 1"
check "matrix: vraag 8 is nearly the same" jqm "$(sim 8) >= 0.9 and $(sim 8) < 1"
check "matrix: vraag 5 is nearly the same" jqm "$(sim 5) >= 0.9 and $(sim 5) < 1"
check "matrix: vraag 1 differs" jqm "$(sim 1) <= 0.5"
check "matrix: vraag 4 differs much" jqm "$(sim 4) <= 0.3"
check "matrix: similarities lie in [0, 1]" jqm '[.vragen[].pairs[].similarity] | all(type == "number" and . >= 0 and . <= 1)'
naast matrix 1 >"$tmp/matrix.txt"
check "matrix for people: a column per pair, a row per vraag" sh -c "grep -qE '^vraag +AZ·BZK$' '$tmp/matrix.txt' && [ \$(grep -cE '^ +[1-9] +[01]\.[0-9][0-9]$' '$tmp/matrix.txt') -eq 9 ] && grep -qE '^ +9 +1\.00$' '$tmp/matrix.txt'"

# --- errors -----------------------------------------------------------------
# expect CODE CMD...: the exit status is CODE and stderr is one line.
expect() {
	want=$1; shift
	"$@" >/dev/null 2>"$tmp/e"
	got=$?
	[ "$got" -eq "$want" ] && [ "$(wc -l <"$tmp/e")" -eq 1 ] && grep -q '^naast: ' "$tmp/e"
}
check "show of a missing set fails with one line" expect 1 naast show 99
check "show of a missing vraag fails" expect 1 naast show 1 --vraag 10
check "show without a set is a usage error" expect 2 naast show
check "show of a word is a usage error" expect 2 naast show abc
check "an unknown ministry code is a usage error" expect 2 naast show 1 --ministry XYZ
check "an unknown command is a usage error" expect 2 naast frobnicate
check "an unknown option is a usage error" expect 2 naast list --frob
check "an unknown format is a usage error" expect 2 naast import --format pdf "$az"
check "diff of a missing set fails with one line" expect 1 naast diff 99 --vraag 1
check "diff of a missing vraag fails" expect 1 naast diff 1 --vraag 10
check "diff of vraag 0 is a usage error" expect 2 naast diff 1 --vraag 0
check "diff without --vraag is a usage error" expect 2 naast diff 1
check "diff without a set is a usage error" expect 2 naast diff --vraag 1
check "diff of one ministry is a usage error" expect 2 naast diff 1 --vraag 1 --ministries AZ
check "diff of three ministries is a usage error" expect 2 naast diff 1 --vraag 1 --ministries AZ,BZK,FIN
check "diff of a ministry with itself is a usage error" expect 2 naast diff 1 --vraag 1 --ministries AZ,az
check "diff of an unknown code is a usage error" expect 2 naast diff 1 --vraag 1 --ministries AZ,XYZ
check "diff of a ministry that did not answer fails" expect 1 naast diff 1 --vraag 1 --ministries BZ,AZ
check "and says who did answer" sh -c "'$NAAST' --db '$db' diff 1 --vraag 1 --ministries BZ,AZ 2>&1 >/dev/null | grep -qxF 'naast: diff: BZ has no imported answer in set 1 (answered: AZ, BZK)'"
"$NAAST" --db "$tmp/one.db" import "$az" >/dev/null 2>&1
check "diff of a set with one answer fails" expect 1 "$NAAST" --db "$tmp/one.db" diff 1 --vraag 1
check "matrix of a missing set fails" expect 1 naast matrix 99
check "matrix without a set is a usage error" expect 2 naast matrix
# The same words from show, diff and matrix, each naming itself.
for cmd in "show 99" "diff 99 --vraag 1" "matrix 99"; do
	naast $cmd >/dev/null 2>"$tmp/e"
	check "$cmd: says there is no such set and where the sets are" \
		grep -qxF "naast: ${cmd%% *}: there is no question set 99 ('naast list' shows them)" "$tmp/e"
done
for cmd in "show 1 --vraag 10" "diff 1 --vraag 10"; do
	naast $cmd >/dev/null 2>"$tmp/e"
	check "$cmd: says how many vragen the set has" \
		grep -qxF "naast: ${cmd%% *}: set 1 has 9 vragen; there is no vraag 10" "$tmp/e"
done
check "matrix with an unknown option is a usage error" expect 2 naast matrix 1 --frob
"$NAAST" --db "$tmp/one.db" matrix 1 --json >"$tmp/matrix.json"
check "matrix of a set with one answer has no pairs" jqm '.ministries == ["AZ"] and ([.vragen[].pairs | length] | all(. == 0))'
check "a missing file fails and names it" sh -c "'$NAAST' --db '$db' import '$tmp/nope.txt' 2>&1 >/dev/null | grep -qF \"cannot import '$tmp/nope.txt'\""

: >"$tmp/empty.txt"
printf 'Vraag 1\n\000\001binary' >"$tmp/binary.txt"
printf 'Vraag 1\n\377\376 latin-1 \351\n' >"$tmp/latin1.txt"
before=$(rows)
check "an empty file fails with one line" expect 1 naast import "$tmp/empty.txt"
check "a binary file fails with one line" expect 1 naast import "$tmp/binary.txt"
check "a file that is not UTF-8 fails with one line" expect 1 naast import "$tmp/latin1.txt"
mkdir "$tmp/bad"
cp "$tmp/empty.txt" "$tmp/binary.txt" "$tmp/latin1.txt" "$tmp/bad/"
naast import "$tmp/bad" >"$tmp/out" 2>"$tmp/e"
check "a directory of bad files fails and names each" sh -c "[ $? -eq 1 ] && [ \$(grep -c \"^naast: cannot import '$tmp/bad/\" '$tmp/e') -eq 3 ] && grep -qxF 'imported 0, unchanged 0, failed 3' '$tmp/out'"
check "failed imports leave no trace" [ "$(rows)" = "$before" ]
naast import "$tmp/empty.txt" "$letter" >"$tmp/out" 2>/dev/null
check "one bad file among good ones: exit 1, the rest imported" sh -c "[ $? -eq 1 ] && grep -q ': unchanged$' '$tmp/out'"

# --- PDF and directories (issue 8) --------------------------------------------
pdfs=$top_srcdir/tests/corpus-pdf
pdb=$tmp/pdf.db
np() { "$NAAST" --db "$pdb" "$@"; }
pq() { sqlite3 "$pdb" "$1"; }
np import "$pdfs" >"$tmp/out" 2>"$tmp/err"
check "naast import DIR imports the fourteen PDFs in one call" sh -c "[ $? -eq 0 ] && grep -qxF 'imported 14, unchanged 0, failed 0' '$tmp/out'"
check "fourteen answers in fourteen sets" [ "$(pq "SELECT count(*) || ' ' || count(DISTINCT set_id) FROM document WHERE kind = 'answer' AND format = 'pdftext'")" = "14 14" ]
check "in name order" sh -c "sed -n 1p '$tmp/out' | grep -qF '00fe7edd-24c8-4857-98da-774ed3b06836.pdf: answer by OCW'"
check "nothing of a progress bar when stderr is no terminal" sh -c "! grep -q 'MB/s' '$tmp/err' && ! grep -q '$esc' '$tmp/err'"
check "the stored text is the PDF's text, the key its bytes" [ "$(pq "SELECT sha256 FROM document WHERE origin LIKE '%1bd47dc8%'")" = "$(sha256sum "$pdfs/1bd47dc8-229e-4a1a-a405-8e2672436e1f.pdf" | cut -d' ' -f1)" ]
check "each PDF is of the Tweede Kamer, as it shows" [ "$(pq "SELECT count(*) FROM document WHERE chamber = 2 AND format = 'pdftext'")" -eq 14 ]
check "each PDF keeps the vergaderjaar it prints with its number" [ "$(pq "SELECT count(*) FROM document WHERE vergaderjaar = '2023/24' AND aanhangsel > 0")" -eq 14 ]
check "footnotes are stored apart from the text" [ "$(pq "SELECT count(*) FROM footnote")" -eq 86 ]
check "no marker is left in a paragraph that has a footnote" [ "$(pq "SELECT count(*) FROM footnote f JOIN passage p ON p.id = f.passage WHERE substr(p.text, f.text_at + 1, length(f.marker)) = f.marker")" -eq 0 ]
np import "$pdfs" >"$tmp/out" 2>&1
check "the same PDFs again are unchanged" grep -qxF 'imported 0, unchanged 14, failed 0' "$tmp/out"
pset() { pq "SELECT set_id FROM document WHERE aanhangsel = $1"; }
np show "$(pset 1980)" --json >"$tmp/p.json"
check "show --json gives a paragraph its footnotes" jq -e '.questions[0].answers[0].paragraphs[0].footnotes | map(.marker) == ["2","3"] and .[0].text == "Kamerstukken II 2023–34, 23 235, nr. 240."' "$tmp/p.json"
np show "$(pset 1980)" --vraag 1 >"$tmp/p.txt"
check "show puts the marker back and the footnote below" sh -c "grep -qF 'jl.[2] heb aangegeven' '$tmp/p.txt' && grep -qF '[2] Kamerstukken II 2023–34, 23 235, nr. 240.' '$tmp/p.txt'"
np show "$(pset 1771)" --json >"$tmp/p.json"
check "mede namens: on_behalf_of" jq -e '.questions[0].answers[0].signatories == [{"name":"Heijnen","role":"Staatssecretaris","ministry":"IenW","on_behalf_of":["JenV"]}]' "$tmp/p.json"
check "an answer mede namens the other addressed ministry leaves none unanswered" jq -e '.set.addressed == ["JenV","IenW"] and .set.unanswered == []' "$tmp/p.json"
check "and the library counts both as answered" [ "$(pq "SELECT answered || '/' || addressed FROM library WHERE set_id = $(pset 1771)")" = 2/2 ]
np show "$(pset 1984)" --json >"$tmp/p.json"
check "a staatssecretaris keeps the portfolio" jq -e '.questions[0].answers[0].signatories[0] | .ministry == "FIN" and .portfolio == "Fiscaliteit en Belastingdienst" and .on_behalf_of == ["SZW"]' "$tmp/p.json"
np show "$(pset 2367)" --json >"$tmp/p.json"
check "one answer to vragen 7 to 11 is each one's answer" jq -e '[.questions[6,7,8,9,10].answers[0] | [.vragen, [.paragraphs[].id]]] | unique | length == 1 and .[0][0] == [7,8,9,10,11]' "$tmp/p.json"

# --- footnotes of the vragen (issue 16) ----------------------------------------
# Each footnote under a vraag, as the database holds it: "[1] NOS, ...".
pq "SELECT '[' || f.marker || '] ' || f.text FROM footnote f JOIN passage p ON p.id = f.passage WHERE p.role = 'vraag'" | sort -u >"$tmp/vfn.txt"
check "several of the PDFs have footnotes under their vragen" [ "$(wc -l <"$tmp/vfn.txt")" -ge 10 ]
: >"$tmp/vfn-json.txt"
: >"$tmp/vfn.md"
for s in $(pq "SELECT DISTINCT set_id FROM document WHERE set_id IS NOT NULL ORDER BY 1"); do
	np show "$s" --json | jq -r '.questions[].footnotes[] | "[\(.marker)] \(.text)"' >>"$tmp/vfn-json.txt"
	# Markdown escapes [ _ * and friends: read it without the backslashes.
	np export --set "$s" --format md | sed 's/\\//g' >>"$tmp/vfn.md"
done
check "show --json gives every vraag of the fourteen PDFs its footnotes" sh -c "sort -u '$tmp/vfn-json.txt' | cmp -s - '$tmp/vfn.txt'"
check "and the Markdown export shows each under its vraag" sh -c "grep -xF -f '$tmp/vfn.txt' '$tmp/vfn.md' | sort -u | cmp -s - '$tmp/vfn.txt'"
np show "$(pset 1980)" --vraag 1 >"$tmp/p.txt"
check "show puts a vraag's marker back and its footnote below" sh -c "grep -qF 'stelselmatig buitengesloten»»?[1]' '$tmp/p.txt' && grep -qF '  [1] Zorgvisie, 2 mei 2024' '$tmp/p.txt'"
np search Zorgvisie --json >"$tmp/p.json"
check "search finds a word only a vraag's footnote has, and names the vraag" jq -e ".hits | length == 1 and .[0].role == \"footnote\" and .[0].footnote.of == \"vraag\" and .[0].vraag == 1 and .[0].set == $(pset 1980)" "$tmp/p.json"
np search Zorgvisie >"$tmp/p.txt"
check "search for people: the hit is footnote 1 of the vraag" grep -qE "^passage [0-9]+ · set $(pset 1980) · vraag 1 · VWS · footnote 1 of the vraag · " "$tmp/p.txt"

mkdir -p "$tmp/mixed/sub"
cp "$pdfs/1bd47dc8-229e-4a1a-a405-8e2672436e1f.pdf" "$tmp/mixed/"
cp "$pdfs/1b922783-f576-4df5-a031-ad0063d2afd4.pdf" "$tmp/mixed/sub/-dash.pdf"
printf '%%PDF-1.4\nthis is no PDF\n' >"$tmp/mixed/bad.pdf"
"$NAAST" --db "$tmp/mixed.db" import "$tmp/mixed" >"$tmp/out" 2>"$tmp/err"
check "a bad file in a directory: exit 1" [ $? -eq 1 ]
check "the others are imported, also from subdirectories" [ "$(sqlite3 "$tmp/mixed.db" "SELECT count(*) FROM document WHERE kind = 'answer'")" -eq 2 ]
check "the bad file is named with its reason" sh -c "grep -qF \"naast: cannot import '$tmp/mixed/bad.pdf': not a PDF that pdftotext can read\" '$tmp/err' && grep -qF '  failed: $tmp/mixed/bad.pdf: ' '$tmp/out' && grep -qxF 'imported 2, unchanged 0, failed 1' '$tmp/out'"
(cd "$tmp/mixed/sub" && "$NAAST" --db "$tmp/dash.db" import -- -dash.pdf >"$tmp/out" 2>&1)
check "a file named like an option is a file" grep -qxF -- '-dash.pdf: answer by VWS to set 1, 5 vragen' "$tmp/out"
PATH=/nonexistent "$NAAST" --db "$tmp/nopdf.db" import "$tmp/mixed/1bd47dc8-229e-4a1a-a405-8e2672436e1f.pdf" >/dev/null 2>"$tmp/e"
check "without pdftotext: one line naming poppler-utils" sh -c "[ $? -eq 1 ] && [ \$(wc -l <'$tmp/e') -eq 1 ] && grep -qF 'install the Debian package poppler-utils' '$tmp/e'"

# --- other layouts of the same publications (issue 8) -------------------------
# Each number of a combined heading has its own question, the answer is one.
np show "$(pset 2367)" --json >"$tmp/p.json"
check "Vraag 3, 4, 5 en 6: each number its own question" jq -e '.questions[2].text == "Herkent u het beeld dat Bunq-bank verzaakt?" and ([.questions[2,3,4,5].text] | unique | length) == 4 and (.questions[5].text | startswith("Deelt u de opvatting dat Bunq-bank zelf"))' "$tmp/p.json"
check "and one answer to the four" jq -e '[.questions[2,3,4,5].answers[0] | [.vragen, [.paragraphs[].id]]] | unique | length == 1 and .[0][0] == [3,4,5,6]' "$tmp/p.json"

# The questions alone, as published when they are sent in (the answer's
# header and its Antwoord blocks taken out of a published answer), then
# the answer: one set, which lists OCW as not answered until it has.
questions_alone() {
	awk '
	{ w = $0; gsub(/\f/, "", w); sub(/^ +/, "", w); sub(/ +$/, "", w) }
	w ~ /^Antwoord van/ { header = 1 }
	header { if (w ~ /\(ontvangen/) header = 0; if ($0 ~ /\f/) print "\f"; next }
	w ~ /^Vraag [0-9]/ { answer = 0; vragen = 1 }
	w ~ /^Antwoord [0-9]/ { answer = 1 }
	{ furniture = (w ~ /Tweede Kamer, vergaderjaar|^ah-tk-|^ISSN|Gravenhage/) }
	vragen && w ~ /^[0-9][0-9]?$/ { notes = 1 }
	answer && w != "" && !furniture && !notes { if ($0 ~ /\f/) print "\f"; next }
	furniture { notes = 0 }
	{ print }'
}
qdb=$tmp/questions.db
nq() { "$NAAST" --db "$qdb" "$@"; }
pdftotext -q -layout "$pdfs/00fe7edd-24c8-4857-98da-774ed3b06836.pdf" - | questions_alone >"$tmp/vragen.txt"
nq import "$tmp/vragen.txt" >"$tmp/out" 2>"$tmp/err"
check "the questions alone are imported as questions" sh -c "[ $? -eq 0 ] && grep -qxF '$tmp/vragen.txt: questions of set 1, 6 vragen' '$tmp/out' && [ ! -s '$tmp/err' ]"
nq list --json >"$tmp/q.json"
check "their set has no answer, and OCW is unanswered" jq -e '.sets | length == 1 and .[0].questions == 6 and .[0].answers == [] and .[0].notices == [] and .[0].unanswered == ["OCW"]' "$tmp/q.json"
nq list >"$tmp/q.txt"
check "list says so for people" sh -c "grep -qF '6 vragen · 0/1 beantwoord' '$tmp/q.txt' && grep -qF 'not answered: OCW' '$tmp/q.txt'"
nq show 1 --json >"$tmp/q1.json"
check "show has the six questions, no answers" jq -e '(.questions | length) == 6 and ([.questions[].answers | length] | add) == 0 and (.questions[3].text | startswith("Deelt u de mening dat regenboogprovincies"))' "$tmp/q1.json"
nq import "$pdfs/00fe7edd-24c8-4857-98da-774ed3b06836.pdf" >"$tmp/out" 2>&1
check "the answer imported later joins the set" grep -qF '00fe7edd-24c8-4857-98da-774ed3b06836.pdf: answer by OCW to set 1, 6 vragen' "$tmp/out"
nq list --json >"$tmp/q.json"
check "one set, answered by OCW, nobody left" jq -e '.sets | length == 1 and ([.[0].answers[].ministry] == ["OCW"]) and .[0].unanswered == []' "$tmp/q.json"
nq show 1 --json >"$tmp/q2.json"
jq '[.questions[].text]' "$tmp/q1.json" >"$tmp/t1"
jq '[.questions[].text]' "$tmp/q2.json" >"$tmp/t2"
check "the questions keep their text" cmp -s "$tmp/t1" "$tmp/t2"
check "and each has the answer" jq -e '[.questions[].answers | length] == [1,1,1,1,1,1]' "$tmp/q2.json"
check "no variant of any question was recorded" [ "$(sqlite3 "$qdb" 'SELECT count(*) FROM question_variant')" -eq 0 ]

# A mededeling instead of an answer (the answer is late), in the layout of
# the answers of Aanhangsel 2367, then the answer itself.
cat >"$tmp/mededeling.txt" <<'END'
Tweede Kamer der Staten-Generaal
                                                                                                                2
Vergaderjaar 2023–2024   Aanhangsel van de Handelingen

                         Vragen gesteld door de leden der Kamer, met de daarop door de
                         regering gegeven antwoorden

                         2211

                         Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van
                         Financiën over rekeninggluren (ingezonden 28 juni 2024).
                         Mededeling van Minister Heinen (Financiën) (ontvangen 19 juli 2024)

                         De vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister van
                         Financiën over rekeninggluren (ingezonden 28 juni 2024) kunnen niet
                         binnen de gebruikelijke termijn van drie weken worden beantwoord.
                         Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.

ah-tk-20232024-2211
ISSN 0921 - 7398
’s-Gravenhage 2024       Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel                                               1
END
nq import "$tmp/mededeling.txt" >"$tmp/out" 2>"$tmp/err"
check "a mededeling is imported as one" sh -c "[ $? -eq 0 ] && grep -qxF '$tmp/mededeling.txt: mededeling by FIN on set 2' '$tmp/out' && [ ! -s '$tmp/err' ]"
nq list --json >"$tmp/q.json"
check "list --json shows it as a notice, not an answer" jq -e '.sets[] | select(.id == 2) | .answers == [] and (.notices | map([.ministry, .received])) == [["FIN","2024-07-19"]] and .unanswered == ["FIN"] and .questions == 0' "$tmp/q.json"
nq list >"$tmp/q.txt"
check "list shows the mededeling for people" sh -c "grep -qF 'mededeling by FIN   ontvangen 19 July 2024' '$tmp/q.txt' && grep -qF 'not answered: FIN' '$tmp/q.txt'"
nq show 2 >"$tmp/q.txt"
check "show prints the mededeling and its words" sh -c "grep -qxF 'Mededeling · FIN · Minister Heinen · ontvangen 19 July 2024' '$tmp/q.txt' && grep -qF 'Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.' '$tmp/q.txt'"
nq show 2 --json >"$tmp/q.json"
check "show --json has it among the set's notices" jq -e '.set.notices | length == 1 and .[0].ministry == "FIN"' "$tmp/q.json"
nq import "$pdfs/1b2d2126-a21e-4c3e-9b18-42206b4cc791.pdf" >/dev/null 2>&1
nq list --json >"$tmp/q.json"
check "the answer after the mededeling joins the same set" jq -e '.sets[] | select(.id == 2) | ([.answers[].ministry] == ["FIN"]) and (.notices | length) == 1 and .unanswered == [] and .questions == 12' "$tmp/q.json"

# Numbered questions with the answer below ("Vraag 3" made "3.", "Antwoord
# 3" taken out), and the whole text on one line: the same vragen.
pdftotext -q -layout "$pdfs/1bd47dc8-229e-4a1a-a405-8e2672436e1f.pdf" - >"$tmp/1893.txt"
sed -e 's/^\([ \f]*\)Vraag \([0-9]*\) *$/\1\2./' -e '/^[ \f]*Antwoord [0-9]* *$/d' "$tmp/1893.txt" >"$tmp/numbered.txt"
tr '\n\f' '  ' <"$tmp/1893.txt" | tr -s ' ' >"$tmp/oneline.txt"
for f in numbered oneline; do
	"$NAAST" --db "$tmp/$f.db" import "$tmp/$f.txt" >"$tmp/out" 2>"$tmp/$f.err"
	check "$f: imported as the answer of BZ with 7 vragen" grep -qxF "$tmp/$f.txt: answer by BZ to set 1, 7 vragen" "$tmp/out"
	"$NAAST" --db "$tmp/$f.db" show 1 --json >"$tmp/$f.json"
	check "$f: vraag 3 and its answer as in the PDF" jq -e '(.questions[2].text | startswith("Bent u het eens dat het onwenselijk is")) and (.questions[2].answers[0].paragraphs[0].text | startswith("Nederland heeft samen met de andere EU-lidstaten"))' "$tmp/$f.json"
done
check "numbered: no warning" [ ! -s "$tmp/numbered.err" ]
check "one line: a warning that says what was lost" grep -qF "no line breaks" "$tmp/oneline.err"

# --- one document once (issue 16) ---------------------------------------------
# The same answer as its PDF and as the text pdftotext makes of it, in
# either order: one document, one pane, and the PDF is the one kept; the
# basket follows it.
once=$tmp/once
mkdir -p "$once"
kgg=$pdfs/1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf
cp "$kgg" "$once/antwoord.pdf"
pdftotext -q "$kgg" "$once/antwoord.txt"
odb=$tmp/once.db
no() { "$NAAST" --db "$odb" "$@"; }
oq() { sqlite3 "$odb" "$1"; }
no import "$once/antwoord.txt" >/dev/null 2>&1
atxt=$(oq "SELECT p.id FROM passage p JOIN document d ON d.id = p.document WHERE p.role = 'antwoord' AND p.vraag = 2 ORDER BY p.seq LIMIT 1")
no select add "$atxt" >/dev/null && no select note "$atxt" 'voor de nota' >/dev/null
no import "$once/antwoord.pdf" >"$tmp/out" 2>&1
check "the PDF after its text: one line says it is the same answer, the PDF kept" sh -c "[ $? -eq 0 ] && [ \$(wc -l <'$tmp/out') -eq 1 ] && grep -qE \"^$once/antwoord.pdf: the same answer as 'antwoord.txt' \\(document [0-9]+\\): kept the PDF, now document [0-9]+, 1 basket item moved to it\$\" '$tmp/out'"
check "one document, and it is the PDF" [ "$(oq "SELECT count(*) || ' ' || max(from_pdf) || ' ' || max(origin) FROM document")" = "1 1 $once/antwoord.pdf" ]
no list --json >"$tmp/once.json"
check "one set with one answer: one pane" jq -e '.sets | length == 1 and (.[0].answers | length) == 1' "$tmp/once.json"
check "the basket item is on the PDF's antwoord 2, with its note" [ "$(oq "SELECT p.role || ' ' || p.vraag || ' ' || d.from_pdf || ' ' || s.note FROM selection s JOIN passage p ON p.id = s.passage JOIN document d ON d.id = p.document")" = "antwoord 2 1 voor de nota" ]
no import "$once/antwoord.txt" >"$tmp/out" 2>&1
check "the text after the PDF: not stored, one line says why" sh -c "[ $? -eq 0 ] && grep -qE \"^$once/antwoord.txt: the same answer as 'antwoord.pdf' \\(document [0-9]+\\): kept the PDF\$\" '$tmp/out' && [ \"\$(sqlite3 '$odb' 'SELECT count(*) FROM document')\" -eq 1 ]"
"$NAAST" --db "$tmp/once2.db" import "$once" >"$tmp/out" 2>&1
check "both in one directory: one document, the PDF" sh -c "grep -qxF 'imported 1, unchanged 0, failed 0, had in another form 1' '$tmp/out' && [ \"\$(sqlite3 '$tmp/once2.db' 'SELECT count(*) || from_pdf FROM document')\" = 11 ]"

# naast remove: refused while the basket cites the document, nothing
# removed; with --force the document, its set and the item go.
no remove antwoord.pdf >"$tmp/out" 2>"$tmp/err"
check "remove refuses a cited document, saying how many items cite it" sh -c "[ $? -eq 1 ] && [ \$(wc -l <'$tmp/err') -eq 1 ] && grep -qF '1 basket item cites it' '$tmp/err' && [ \"\$(sqlite3 '$odb' 'SELECT count(*) FROM document')\" -eq 1 ]"
doc=$(oq "SELECT id FROM document")
no remove --force "$doc" >"$tmp/out" 2>&1
check "remove --force removes it with the basket item" sh -c "[ $? -eq 0 ] && grep -qxF \"document $doc ('$once/antwoord.pdf'): removed, with 1 basket item\" '$tmp/out'"
no search Corridor >/dev/null 2>&1
found=$?
left=$(oq "SELECT (SELECT count(*) FROM document) + (SELECT count(*) FROM question_set) + (SELECT count(*) FROM library) + (SELECT count(*) FROM selection)")
check "nothing of it is left: set, library, basket, index" [ "$left.$found" = 0.1 ]
no remove "$doc" >/dev/null 2>"$tmp/err"
check "a document that is not there: exit 1, one line" sh -c "[ $? -eq 1 ] && grep -qF 'there is no document $doc' '$tmp/err'"
naast remove 1 >/dev/null 2>&1
check "an uncited answer goes; its set keeps the other" sh -c "[ $? -eq 0 ] && naast list --json | jq -e '.sets[0] | [.answers[].ministry] == [\"BZK\"] and (.unanswered | index(\"AZ\")) != null' >/dev/null"

# import DIR stores what it recognises; a README beside the answers is
# skipped and named in the summary, never stored.
mkdir -p "$tmp/withreadme"
cp "$bzk" "$tmp/withreadme/bzk.txt"
cp "$top_srcdir/README.md" "$tmp/withreadme/README.md"
printf 'Aantekeningen\n\nNog navragen bij de directie.\n' >"$tmp/withreadme/notes.txt"
"$NAAST" --db "$tmp/readme.db" import "$tmp/withreadme" >"$tmp/out" 2>"$tmp/err"
check "import DIR with a README: exit 0" [ $? -eq 0 ]
check "the summary counts and names the files skipped" sh -c "grep -qxF 'imported 1, unchanged 0, failed 0, skipped 2 (no documents)' '$tmp/out' && grep -qxF '  skipped: $tmp/withreadme/README.md' '$tmp/out' && grep -qxF '  skipped: $tmp/withreadme/notes.txt' '$tmp/out'"
check "no README and no notes are stored" [ "$(sqlite3 "$tmp/readme.db" "SELECT count(*) || ' ' || min(kind) FROM document")" = "1 answer" ]
check "and no warning is given about them" sh -c "! grep -q 'README' '$tmp/err'"
"$NAAST" --db "$tmp/readme.db" import "$tmp/withreadme/notes.txt" >"$tmp/out" 2>&1
check "a file named on its own is kept as plain text, with a warning" sh -c "grep -qxF '$tmp/withreadme/notes.txt: unknown' '$tmp/out' && grep -qF 'warning:' '$tmp/out'"

# --- sanitising -------------------------------------------------------------
printf 'Geachte heer \033]0;owned\007Jansen\033[31m,\n\nDit is een brief met \033[2J escapes.\n\nHoogachtend,\n' >"$tmp/evil.txt"
naast import "$tmp/evil.txt" >/dev/null 2>&1
naast list >"$tmp/list.txt"
check "no escape sequence from a document reaches the output" sh -c "! grep -q '$esc' '$tmp/list.txt' && grep -q 'Jansen' '$tmp/list.txt'"

# --- stdin, NAAST_DB, XDG default, first start --------------------------------
NAAST_DB=$tmp/env.db "$NAAST" import - <"$letter" >"$tmp/out" 2>&1
check "NAAST_DB names the database; - reads stdin" sh -c "grep -qxF 'stdin: letter' '$tmp/out' && [ -f '$tmp/env.db' ]"

env -u NAAST_DB XDG_DATA_HOME="$tmp/xdg" "$NAAST" >"$tmp/out" 2>"$tmp/err"
check "naast on an empty database imports the bundled corpus" sh -c "[ $? -eq 0 ] && grep -qF 'imported 3 bundled documents' '$tmp/err'"
check "and shows the library" grep -qF "Eerdmans (JA21)" "$tmp/out"
check "the default database is under XDG_DATA_HOME" [ -f "$tmp/xdg/naast/naast.db" ]
# Installed, naast knows only where make install puts the corpus: the
# paths of the machine it was built on are not in the program.
check "the program holds no path of its source or build tree" sh -c "
	objcopy -O binary --only-section=.rodata '$NAAST' '$tmp/rodata' &&
	! grep -qaF '$top_srcdir/assets' '$tmp/rodata' && ! grep -qaF '$top_builddir' '$tmp/rodata'"
mkdir "$tmp/bin"
cp "$NAAST" "$tmp/bin/naast"
env -u NAAST_DB XDG_DATA_HOME="$tmp/xdg-installed" "$tmp/bin/naast" >"$tmp/out" 2>"$tmp/err"
s=$?
check "away from its build tree, the first start reads the installed corpus" sh -c "
	{ [ $s -eq 0 ] && grep -qF 'imported 3 bundled documents' '$tmp/err'; } ||
	{ [ $s -eq 1 ] && grep -qE \"^naast: cannot read the bundled corpus in '.*/naast/corpus': \" '$tmp/err'; }"
check "and never the one in the source tree" sh -c "! grep -qF '$top_srcdir/assets' '$tmp/err'"

# --- help and version ---------------------------------------------------------
check "--version prints the version" sh -c "'$NAAST' --version | grep -q '^naast [0-9]'"
check "--help lists the commands" sh -c "'$NAAST' --help | grep -q 'show SET' && '$NAAST' --help | grep -q 'diff SET --vraag N' && '$NAAST' --help | grep -q 'matrix SET'"

# Every command that naast --help lists: its own --help and a usage error
# touch no file, with no --db and nowhere but an empty home to go.
commands=$("$NAAST" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' | sort -u)
check "--help lists the fifteen commands" [ "$(echo "$commands" | wc -l)" -eq 15 ]
home=$tmp/home
mkdir "$home"
bare() { env -u NAAST_DB HOME="$home" XDG_DATA_HOME="$home" "$NAAST" "$@"; }
for cmd in $commands; do
	bare "$cmd" --help >"$tmp/out" 2>"$tmp/e"
	check "$cmd --help: its usage from the table, exit 0" sh -c "[ $? -eq 0 ] && head -n 1 '$tmp/out' | grep -q '^Usage: naast $cmd ' && [ ! -s '$tmp/e' ]"
	check "$cmd --help: creates no file" [ -z "$(ls -A "$home")" ]
	bare "$cmd" -h >"$tmp/out2" 2>/dev/null
	check "$cmd -h: the same" cmp -s "$tmp/out" "$tmp/out2"
	check "$cmd --frobnicate: a usage error of one line" expect 2 bare "$cmd" --frobnicate
	check "that points to $cmd --help" grep -qF "(see 'naast $cmd --help')" "$tmp/e"
	check "$cmd --frobnicate: creates no file" [ -z "$(ls -A "$home")" ]
done

# --- search and related -------------------------------------------------------
# On a database of the three seeds alone.
sdb=$tmp/search.db
"$NAAST" --db "$sdb" import "$az" "$bzk" "$letter" >/dev/null 2>&1
ns() { "$NAAST" --db "$sdb" "$@"; }
"$NAAST" --db "$sdb" list --json >"$tmp/slist.json"
azdoc=$(jq '.sets[0].answers[] | select(.ministry == "AZ") | .doc' "$tmp/slist.json")
bzkdoc=$(jq '.sets[0].answers[] | select(.ministry == "BZK") | .doc' "$tmp/slist.json")
letterdoc=$(jq '.letters[0].doc' "$tmp/slist.json")
# sj ARGS...: search --json into $tmp/s.json, its exit status in $src.
sj() { ns search --json "$@" >"$tmp/s.json" 2>"$tmp/s.err"; src=$?; }
# jq -e is true on empty input: an empty file must fail.
jqs() { [ -s "$tmp/s.json" ] && jq -e "$1" "$tmp/s.json" >/dev/null; }
jqr() { [ -s "$tmp/r.json" ] && jq -e "$1" "$tmp/r.json" >/dev/null; }
# exits CODE FILTER: search exited with CODE and its JSON passes FILTER.
exits() { [ "$src" -eq "$1" ] && jqs "$2"; }
docs() { echo "([.hits[].doc] | unique)"; }

sj ambtenaren
check "search ambtenaren succeeds" [ "$src" -eq 0 ]
check "search --json echoes the query" jqs '.query == "ambtenaren" and (.hits | type) == "array"'
check "words found as words are no fallback to parts" jqs '.parts_fallback == false'
check "ambtenaren is in all three documents" jqs "$(docs) == ([$azdoc, $bzkdoc, $letterdoc] | sort)"
check "every hit has the keys of the contract" jqs '.hits | length > 0 and all(has("passage") and has("doc") and has("set") and has("vraag") and has("ministry") and has("role") and has("snippet"))'
check "snippets mark the word found" jqs '.hits | all(.snippet | ascii_downcase | contains("[ambtenaren]"))'
check "answer hits name their set, ministry and date" jqs "[.hits[] | select(.doc == $azdoc)] | length > 0 and all(.set == 1 and .ministry == \"AZ\" and .kind == \"answer\" and .date == \"2024-02-15\")"
check "answer hits have their set's subject as title, letter hits the addressees" jqs "all(.hits[]; .title == (if .set then \"bijeenkomsten met ambtenaren naar aanleiding van de verkiezingsuitslag van 22 november 2023\" else \"Bruins Slot, Rutte, Buitendijk, de Klerck\" end))"
check "letter hits have null set, vraag and ministry" jqs "[.hits[] | select(.doc == $letterdoc)] | length > 0 and all(.set == null and .vraag == null and .ministry == null and .kind == \"letter\")"
check "only vraag and antwoord passages have a vraag number" jqs '.hits | all((.role == "vraag" or .role == "antwoord") == (.vraag != null))'
check "a vraag asked alike of AZ and BZK is one hit that names both" jqs '[.hits[] | select(.role == "vraag" and .vraag == 4)] | length == 1 and .[0].ministries == ["AZ","BZK"] and (.[0].same | length) == 1 and .[0].same[0].ministry == "BZK"'
check "no two hits on one text of one vraag" jqs '[.hits[] | select(.role == "vraag") | .vraag] | length == (unique | length)'
ns search ambtenaren >"$tmp/s.txt" 2>&1
check "search for people: the vraag's hit says AZ, BZK" grep -qE "^passage [0-9]+ · set 1 · vraag 4 · AZ, BZK · vraag · " "$tmp/s.txt"
sj ambtenaar
check "ambtenaar (a stem) finds ambtenaren in all three documents" jqs "$(docs) == ([$azdoc, $bzkdoc, $letterdoc] | sort)"
sj uitslag --substring
check "uitslag --substring finds AZ antwoord 1 (verkiezingsuitslag)" jqs 'any(.hits[]; .ministry == "AZ" and .role == "antwoord" and .vraag == 1 and (.snippet | ascii_downcase | contains("uitslag")))'
check "parts of words: --json says how many words were searched, of how many" jqs '.parts.searched > 0 and .parts.of >= .parts.searched'
check "parts asked for are no fallback" jqs '.parts_fallback == false'
sj kiezingsuit
check "a word in no passage: --json says the hits are parts of words" jqs '.parts_fallback == true and (.hits | length) > 0 and all(.hits[]; .substring)'
ns search kiezingsuit >"$tmp/s.txt" 2>&1
check "search for people says first that the hits are parts of words" sh -c "head -n 1 '$tmp/s.txt' | grep -qxF \"No passage has the words of 'kiezingsuit'; these have them as parts of words.\""
sj ministeriele
check "ministeriele finds antwoord 8 of AZ and of BZK" jqs '([.hits[] | select(.role == "antwoord" and .vraag == 8) | .ministry] | sort) == ["AZ","BZK"]'
sj '"politiek adviseurs"'
check "a quoted phrase finds AZ only" jqs '(.hits | length) > 0 and all(.hits[]; .ministry == "AZ")'
sj verkiez'*'
check "a prefix finds" exits 0 '.hits | length > 0'
ns search 'v*' >"$tmp/s.txt" 2>"$tmp/s.err"
check "a one-letter prefix is refused in one line that says what to do, exit 1" sh -c "[ $? -eq 1 ] && [ \$(wc -l <'$tmp/s.err') -eq 1 ] && grep -qxF 'naast: search: a prefix needs 3 letters or more: v* would find almost every passage; type more of the word' '$tmp/s.err'"
# The longest query is what the interface's search prompt holds (511 bytes).
long_refused() {
	[ "$1" -eq 1 ] && [ "$(wc -l <"$tmp/s.err")" -eq 1 ] &&
		grep -qE "^naast: search: the query is $2 bytes long, more than the 511 that naast searches for at once: search for fewer words\$" "$tmp/s.err"
}
# shellcheck disable=SC2046
ns search $(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "amb%d* ", i }') >"$tmp/s.txt" 2>"$tmp/s.err"
check "5,000 prefixes are refused in one line that says what to do, exit 1" long_refused $? 43889
# shellcheck disable=SC2046
ns search '"ambtenaren' $(awk 'BEGIN { for (i = 0; i < 19998; i++) printf "ambtenaren " }') 'ambtenaren"' >"$tmp/s.txt" 2>"$tmp/s.err"
check "a phrase of 20,000 words is refused the same way" long_refused $? 220001
ns search "$(printf '%512s' ambtenaren)" >"$tmp/s.txt" 2>"$tmp/s.err"
check "512 bytes are refused" long_refused $? 512
ns search "$(printf '%511s' ambtenaren)" >"$tmp/s.txt" 2>"$tmp/s.err"
check "511 bytes are searched for" sh -c "[ $? -eq 0 ] && [ ! -s '$tmp/s.err' ]"
ns search --help >"$tmp/s.txt"
check "search --help says what best first means" grep -qF 'each by bm25 over every' "$tmp/s.txt"
sj Econonnische
check "the OCR error Econonnische finds the letter" jqs "$(docs) == [$letterdoc]"
sj Economische
check "Economische finds the two answers' headers, not the letter" jqs "$(docs) == ([$azdoc, $bzkdoc] | sort) and all(.hits[]; .role == \"header\")"
sj Economische --kind letter
check "Economische in letters: nothing, exit 1" exits 1 '.hits == []'

ns search Econonnishe >"$tmp/s.txt" 2>"$tmp/s.err"
check "a word the index lacks: exit 1" [ $? -eq 1 ]
check "says that nothing matches" grep -qxF "No passage matches 'Econonnishe'." "$tmp/s.txt"
check "and suggests the word of the index" grep -qi '^Did you mean: .*econonnische' "$tmp/s.txt"
sj Econonnishe
check "search --json with no hit: exit 1, no hits, the suggestion" exits 1 '.hits == [] and any(.suggestions[]; ascii_downcase == "econonnische")'

# hostile QUERY...: exit 0 or 1; no SQLite text; when nothing is found,
# one line on stderr or at most two (the message, a suggestion) on stdout.
hostile() {
	ns search "$@" >"$tmp/h.out" 2>"$tmp/h.err"
	rc=$?
	{ [ $rc -eq 0 ] || { [ $rc -eq 1 ] && [ "$(wc -l <"$tmp/h.err")" -le 1 ] && [ "$(wc -l <"$tmp/h.out")" -le 2 ] && { [ -s "$tmp/h.out" ] || [ -s "$tmp/h.err" ]; }; }; } &&
	    ! grep -qiE 'sqlite|fts5|syntax error|malformed|unterminated' "$tmp/h.out" "$tmp/h.err" &&
	    ! grep -q "$esc" "$tmp/h.out" "$tmp/h.err"
}
for q in '"' 'AND' '(' 'NEAR(' '*' "a'b" ':' 'ambtenaren OR' 'NOT ambtenaren' '"ambtenaren' 'ambtenaren)' 'text:ambtenaren' '^ambtenaren' '{a b}' '+' "$(printf 'x\033[2Jy')" ''; do
	check "the query '$q' is searched for as written" hostile "$q"
done
check "the query '-x' after -- is searched for as written" hostile -- -x
check "a minus sign inside a query is a character" hostile 'ambtenaren -x'
sj 'ambtenaren AND'
check "AND is a word, not an operator" sh -c "[ $src -eq 1 ] || jq -e '.hits | length > 0 and all(.snippet | ascii_downcase | contains(\"[and]\"))' '$tmp/s.json' >/dev/null"

sj ambtenaren --ministry bzk
check "--ministry BZK: only BZK" jqs '(.hits | length) > 0 and all(.hits[]; .ministry == "BZK")'
sj ambtenaren --kind letter
check "--kind letter: only the letter" jqs "$(docs) == [$letterdoc]"
sj ambtenaren --kind answer
check "--kind answer: only answers" jqs "$(docs) == ([$azdoc, $bzkdoc] | sort)"
sj ambtenaren --from 2024-02-16
check "--from 2024-02-16: only BZK" jqs "$(docs) == [$bzkdoc]"
sj ambtenaren --from '16 februari 2024'
check "--from takes a Dutch date" jqs "$(docs) == [$bzkdoc]"
sj ambtenaren --to 2024-02-15
check "--to 2024-02-15: only AZ" jqs "$(docs) == [$azdoc]"
sj ambtenaren --party JA21
check "--party JA21: the answers of set 1" jqs "(.hits | length) > 0 and all(.hits[]; .set == 1) and $(docs) == ([$azdoc, $bzkdoc] | sort)"
sj ambtenaren --questioner eerdmans
check "--questioner eerdmans: the answers of set 1" jqs "(.hits | length) > 0 and all(.hits[]; .set == 1) and $(docs) == ([$azdoc, $bzkdoc] | sort)"
sj ambtenaren --party SP
check "--party SP: nothing, exit 1" exits 1 '.hits == []'
sj ambtenaren --sort date
# shellcheck disable=SC2016 # jq's variables
check "--sort date: BZK (16 februari) before AZ (15 februari)" jqs '[.hits[].ministry] as $m | ($m | index("BZK")) < ($m | index("AZ"))'
# shellcheck disable=SC2016 # jq's variables
check "--sort date: dated documents newest first" jqs '[.hits[].date | select(. != null)] as $d | $d == ($d | sort | reverse)'
sj ambtenaren --limit 2
check "--limit 2: two hits" jqs '.hits | length == 2'

ns search ambtenaren --ministry AZ >"$tmp/s.txt" 2>&1
check "search for people: a line per hit with set, vraag, ministry, role, subject and date" grep -qE "^passage [0-9]+ · set 1 · vraag [0-9] · AZ · antwoord · bijeenkomsten met ambtenaren naar aanleiding van de verkiezingsuitslag van 22 november 2023 \(15 February 2024\)$" "$tmp/s.txt"
check "search for people names no file" sh -c "! grep -q '\.txt' '$tmp/s.txt'"
check "search for people: the snippet indented under it, marks as brackets" grep -qE '^    .*\[ambtenaren\]' "$tmp/s.txt"
check "search in a pipe has no escape bytes" sh -c "! grep -q '$esc' '$tmp/s.txt'"
ns search ambtenaren --kind letter >"$tmp/s.txt" 2>&1
check "search for people: a letter's line names its addressees" grep -qE "^passage [0-9]+ · letter to Bruins Slot, Rutte, Buitendijk, de Klerck$" "$tmp/s.txt"
script -qec "NO_COLOR= '$NAAST' --db '$sdb' search ambtenaren --ministry AZ" /dev/null >"$tmp/tty.txt" 2>&1
check "search on a terminal shows the words found in bold" grep -qF "${esc}[1mambtenaren${esc}[m" "$tmp/tty.txt"
check "without the brackets" sh -c "! grep -qF '[ambtenaren]' '$tmp/tty.txt'"
script -qec "stty cols 60; NO_COLOR= '$NAAST' --db '$sdb' search '\"politiek adviseurs\"'" /dev/null >"$tmp/tty.txt" 2>&1
# The snippet lines, one byte per character, without carriage returns and bold.
LC_ALL=C sed -n "s/\r\$//; s/$esc\[[0-9;]*m//g; s/[$(printf '\300')-$(printf '\377')][$(printf '\200')-$(printf '\277')]*/./g; /^    /p" "$tmp/tty.txt" >"$tmp/tty-lines.txt"
check "search on a terminal wraps snippets to its width" sh -c "grep -qF '${esc}[1m' '$tmp/tty.txt' && [ \$(wc -l <'$tmp/tty-lines.txt') -ge 3 ] && [ \$(awk '{ print length }' '$tmp/tty-lines.txt' | sort -n | tail -n 1) -le 60 ]"
script -qec "NO_COLOR=1 '$NAAST' --db '$sdb' search ambtenaren --ministry AZ" /dev/null >"$tmp/tty.txt" 2>&1
check "search on a terminal with NO_COLOR: brackets, no bold" sh -c "grep -qF '[ambtenaren]' '$tmp/tty.txt' && ! grep -qF '${esc}[1m' '$tmp/tty.txt'"

sj '"een veilige overheidsomgeving"'
pid=$(jq '.hits[0].passage // 0' "$tmp/s.json")
pid=${pid:-0}
check "the letter paragraph on een veilige overheidsomgeving is found" jqs "(.hits | length) == 1 and .hits[0].doc == $letterdoc"
ns related "$pid" --json >"$tmp/r.json" 2>"$tmp/r.err"
check "related of that paragraph succeeds" [ $? -eq 0 ]
check "related --json names the passage" jqr ".passage == $pid"
check "related lists answer passages of AZ and BZK only" jqr '(.hits | length) > 0 and all(.hits[]; .kind == "answer" and (.ministry == "AZ" or .ministry == "BZK")) and ([.hits[].passage] | unique | length) == (.hits | length)'
check "related leaves out the passage's own document" jqr "(.hits | length) > 0 and all(.hits[]; .doc != $letterdoc)"
ns related "$pid" --limit 1 --json >"$tmp/r.json" 2>&1
check "related --limit 1: one hit" jqr '.hits | length == 1'
ns related "$pid" >"$tmp/r.txt" 2>&1
check "related for people: hits as search prints them" grep -qE "^passage [0-9]+ · set 1 · (vraag [0-9] · )?(AZ|BZK) · " "$tmp/r.txt"
check "related of a missing passage fails with one line" expect 1 ns related 99999

check "search without a query is a usage error" expect 2 ns search
check "search with only options is a usage error" expect 2 ns search --json
check "search -x (an unknown option) is a usage error" expect 2 ns search -x
check "search --frob is a usage error" expect 2 ns search ambtenaren --frob
check "search --limit 0 is a usage error" expect 2 ns search ambtenaren --limit 0
check "search --limit abc is a usage error" expect 2 ns search ambtenaren --limit abc
check "search --limit without a value is a usage error" expect 2 ns search ambtenaren --limit
check "search --from 2024-13-01 is a usage error" expect 2 ns search ambtenaren --from 2024-13-01
check "search --to 2024-02-30 is a usage error" expect 2 ns search ambtenaren --to 2024-02-30
check "search --from yesterday is a usage error" expect 2 ns search ambtenaren --from yesterday
check "search --from 16-02-2024 is a usage error" expect 2 ns search ambtenaren --from 16-02-2024
check "search --from after --to is a usage error" expect 2 ns search ambtenaren --from 2024-02-16 --to 2024-02-15
check "search --kind memo is a usage error" expect 2 ns search ambtenaren --kind memo
check "search --sort relevance is a usage error" expect 2 ns search ambtenaren --sort relevance
check "search --ministry XYZ is a usage error" expect 2 ns search ambtenaren --ministry XYZ
check "search --ministry AZ,BZK is a usage error" expect 2 ns search ambtenaren --ministry AZ,BZK
check "search --party '' is a usage error" expect 2 ns search ambtenaren --party ''
check "related without a passage is a usage error" expect 2 ns related
check "related of a word is a usage error" expect 2 ns related abc
check "related of passage 0 is a usage error" expect 2 ns related 0
check "related of two passages is a usage error" expect 2 ns related 1 2
check "related --limit 0 is a usage error" expect 2 ns related 1 --limit 0
check "search --help tells the exit status" sh -c "'$NAAST' --db '$sdb' search --help | grep -q '1 when none is'"
check "--help lists search and related" sh -c "'$NAAST' --help | grep -q 'search QUERY' && '$NAAST' --help | grep -q 'related PASSAGE'"

# --- select and export --------------------------------------------------------
# On the seeds' database of the search section: set 1, vraag 8.
edb=$tmp/export.db
cp "$sdb" "$edb"
ne() { "$NAAST" --db "$edb" "$@"; }
ne show 1 --vraag 8 --json >"$tmp/v8.json"
az8=$(jq '.questions[0].answers[] | select(.ministry == "AZ") | .paragraphs[0].id' "$tmp/v8.json")
bzk8=$(jq '.questions[0].answers[] | select(.ministry == "BZK") | .paragraphs[0].id' "$tmp/v8.json")
azcite='Antwoord van Minister-President Rutte (Algemene Zaken), ontvangen 15 februari 2024, op vraag 8 van het lid Eerdmans (JA21) over bijeenkomsten met ambtenaren naar aanleiding van de verkiezingsuitslag van 22 november 2023 (ingezonden 29 januari 2024).'

ne export --set 1 --vraag 8 >"$tmp/v8.md" 2>"$tmp/e"
check "export --set 1 --vraag 8 writes Markdown to stdout" sh -c "[ -s '$tmp/v8.md' ] && [ ! -s '$tmp/e' ] && grep -qx '## Vraag 8' '$tmp/v8.md'"
check "the AZ citation word for word" grep -qxF "$azcite" "$tmp/v8.md"
check "both answers, De Jonge and Van Huffelen" sh -c "grep -q 'De Jonge' '$tmp/v8.md' && grep -q 'Van Huffelen' '$tmp/v8.md' && [ \$(grep -c '^> Het is belangrijk' '$tmp/v8.md') -eq 2 ]"
check "the Aanhangsel of the BZK answer" grep -qF "Aanhangsel Handelingen II 2023/24, nr. 1059." "$tmp/v8.md"

ne export --set 1 --vraag 8 --format csv >"$tmp/v8.csv"
check "the CSV parses with a standard reader and has the columns" python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert rows[0] == ['set','vraag','ministry','signatories','received','aanhangsel','citation','text','note','footnotes','vraag_text','vraag_footnotes','refs'], rows[0]
assert len(rows) == 5 and all(len(r) == 13 for r in rows)
assert rows[1][10].startswith('Deelt u de mening dat dergelijke bijeenkomsten')
assert [r[2] for r in rows[1:]] == ['AZ','AZ','BZK','BZK']
assert rows[3][5] == '1059' and rows[1][5] == ''
assert rows[1][6] == sys.argv[2]
" "$tmp/v8.csv" "$azcite"
ne export --set 1 --vraag 8 --format json >"$tmp/v8x.json"
check "the JSON parses: passages with their metadata" jq -e 'length == 4 and all(.[]; .citation and .text and .set == 1 and .vraag == 8) and .[2].aanhangsel == 1059 and (.[2].signatories | map(.name)) == ["De Jonge","Van Huffelen"]' "$tmp/v8x.json"
ne export --set 1 --vraag 8 -o "$tmp/v8.html" >"$tmp/o" 2>&1
check "-o FILE.html writes HTML, and says where" sh -c "grep -qF 'Wrote 4 passages to $tmp/v8.html.' '$tmp/o' && grep -q '^<!DOCTYPE html>' '$tmp/v8.html'"
check "the HTML is a table with an AZ and a BZK column" python3 -c "
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.th = []; self.cells = 0; self.inth = False; self.tables = 0
    def handle_starttag(self, t, a):
        if t == 'th': self.inth = True; self.th.append('')
        if t == 'td': self.cells += 1
        if t == 'table': self.tables += 1
    def handle_endtag(self, t):
        if t == 'th': self.inth = False
    def handle_data(self, d):
        if self.inth: self.th[-1] += d
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
assert p.tables == 1 and p.cells == 2, (p.tables, p.cells)
assert len(p.th) == 2 and '(AZ)' in p.th[0] and '(BZK)' in p.th[1], p.th
" "$tmp/v8.html"
ne export --set 1 --vraag 8 --format txt >"$tmp/v8.txt"
check "plain text: no marks, no line over 72 columns" python3 -c "
import sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\\n')
assert not any(l.startswith('>') for l in lines)
assert max(len(l) for l in lines) <= 72
" "$tmp/v8.txt"
check "export --set 1 --ministry BZK: only BZK" sh -c "'$NAAST' --db '$edb' export --set 1 --ministry BZK --format json | jq -e 'length > 9 and all(.[]; .ministry == \"BZK\")' >/dev/null"

check "select list of an empty basket" sh -c "'$NAAST' --db '$edb' select list | grep -q 'The basket is empty'"
check "export --selection of an empty basket fails with one line" expect 1 ne export --selection
ne select add "$az8" >"$tmp/o" 2>&1
check "select add a passage" grep -qF "Added 1 passage; the basket holds 1." "$tmp/o"
check "select add of a missing passage fails and changes nothing" sh -c "'$NAAST' --db '$edb' select add '$bzk8' 999999 2>'$tmp/e'; [ \$? -eq 1 ] && grep -q 999999 '$tmp/e' && [ \$(sqlite3 '$edb' 'SELECT count(*) FROM selection') -eq 1 ]"
check "select add of a word is a usage error" expect 2 ne select add abc
check "select frob is a usage error" expect 2 ne select frob
ne select list >"$tmp/o"
check "select list shows the citation and first words" sh -c "grep -qF '1. passage $az8 · set 1 · vraag 8 · AZ · antwoord' '$tmp/o' && grep -qF 'Het is belangrijk dat ambtenaren' '$tmp/o' && grep -qF 'Antwoord van Minister-President Rutte' '$tmp/o'"
ne select add "$bzk8" >/dev/null
ne select note "$bzk8" 'Vergelijk met AZ' >/dev/null
check "select list --json: the basket in order, with notes" sh -c "'$NAAST' --db '$edb' select list --json | jq -e '[.selection[] | .passage] == [$az8, $bzk8] and .selection[1].note == \"Vergelijk met AZ\" and (.selection[0].citation | startswith(\"Antwoord van Minister-President Rutte\"))' >/dev/null"

ne export --selection -o "$tmp/sel.md" >/dev/null 2>&1
check "export --selection -o F writes the passages with citations" sh -c "grep -qxF '$azcite' '$tmp/sel.md' && grep -qF 'Vergelijk met AZ' '$tmp/sel.md'"
cp "$tmp/sel.md" "$tmp/sel.before"
ne select rm "$az8" >/dev/null
check "a second export to F without --force fails with status 1" expect 1 ne export --selection -o "$tmp/sel.md"
check "and leaves F untouched" cmp -s "$tmp/sel.md" "$tmp/sel.before"
check "with --force it is replaced" sh -c "'$NAAST' --db '$edb' export --selection -o '$tmp/sel.md' --force >/dev/null && ! grep -qF '$azcite' '$tmp/sel.md'"
check "no temporary file is left" sh -c "[ -z \"\$(ls -A '$tmp' | grep naast-export)\" ]"
check "export into a missing directory fails with one line" expect 1 ne export --selection -o "$tmp/nowhere/x.md"
check "export into a path under a file fails with one line" expect 1 ne export --selection -o "$tmp/sel.md/x.md"
check "export --set and --selection together is a usage error" expect 2 ne export --set 1 --selection
check "export without what is a usage error" expect 2 ne export
check "export --format odt is a usage error" expect 2 ne export --set 1 --format odt
check "export --force without -o is a usage error" expect 2 ne export --set 1 --force
check "export of a missing set fails with one line" expect 1 ne export --set 99
check "export of a missing vraag fails with one line" expect 1 ne export --set 1 --vraag 10
ne select rm "$az8" >/dev/null 2>&1
check "select rm of a passage not in the basket fails" expect 1 ne select rm "$az8"
check "select clear empties the basket" sh -c "'$NAAST' --db '$edb' select clear | grep -qF 'Emptied the basket (1 passage).' && [ \$(sqlite3 '$edb' 'SELECT count(*) FROM selection') -eq 0 ]"
check "--help lists select and export" sh -c "'$NAAST' --help | grep -q 'select add|rm|list|clear' && '$NAAST' --help | grep -q 'export (--set SET'"

# --- one record, one writer ---------------------------------------------------
# An answer signed by a minister without a portfolio (mede namens another)
# and a staatssecretaris with one: show --json, the JSON export and select
# list --json write the same signatories, the portfolio left out where
# there is none; list and show the same set, the export its questioners.
rdb=$tmp/records.db
nr() { "$NAAST" --db "$rdb" "$@"; }
cat >"$tmp/signed.txt" <<'EOF'
Vragen van het lid Jansen (SP) aan de Minister van Financiën over
het bericht over belastingen (ingezonden 1 maart 2024).

Antwoord van Minister Pietersen (Financiën), mede namens de Minister van Sociale Zaken en Werkgelegenheid, en Staatssecretaris De Vries (Financiën – Fiscaliteit en Belastingdienst) (ontvangen 2 april 2024).

Vraag 1
Bent u bekend met het bericht?

Antwoord 1
Ja.
EOF
nr import "$tmp/signed.txt" >/dev/null 2>&1
nr show 1 --json >"$tmp/r-show.json"
nr list --json >"$tmp/r-list.json"
nr export --set 1 --format json >"$tmp/r-export.json"
nr select add "$(jq '.questions[0].answers[0].paragraphs[0].id' "$tmp/r-show.json")" >/dev/null
nr select list --json >"$tmp/r-select.json"
jq -c '.questions[0].answers[0].signatories' "$tmp/r-show.json" >"$tmp/r-show.sig"
check "show --json: the minister has no portfolio key, the staatssecretaris one" jq -e '. == [{"name":"Pietersen","role":"Minister","ministry":"FIN","on_behalf_of":["SZW"]},{"name":"De Vries","role":"Staatssecretaris","ministry":"FIN","portfolio":"Fiscaliteit en Belastingdienst","on_behalf_of":[]}]' "$tmp/r-show.sig"
jq -c '.[] | select(.role == "antwoord") | .signatories' "$tmp/r-export.json" >"$tmp/r-export.sig"
check "the JSON export writes the same signatories" cmp -s "$tmp/r-show.sig" "$tmp/r-export.sig"
jq -c '.selection[0].signatories' "$tmp/r-select.json" >"$tmp/r-select.sig"
check "select list --json writes the same signatories" cmp -s "$tmp/r-show.sig" "$tmp/r-select.sig"
check "list --json and show --json write the same set" sh -c "[ \"\$(jq -c '.sets[0]' '$tmp/r-list.json')\" = \"\$(jq -c '.set' '$tmp/r-show.json')\" ]"
check "the export writes the set's questioners" sh -c "[ \"\$(jq -c '.[0].questioners' '$tmp/r-export.json')\" = \"\$(jq -c '.set.questioners' '$tmp/r-show.json')\" ]"
check "select list --json keeps the keys of before" jq -e '.selection[0] | has("position") and has("passage") and has("doc") and has("set") and has("vraag") and has("ministry") and has("role") and has("citation") and has("text") and has("note")' "$tmp/r-select.json"

# --- ministries through time (issue 16) --------------------------------------
# A set sent in June 2024 to the Minister voor Klimaat en Energie, a
# portfolio of EZK; in July EZK became EZ and KGG, and in August KGG
# answers: answered, by EZK's successor, and nobody left unanswered.
tdb=$tmp/time.db
nt() { "$NAAST" --db "$tdb" "$@"; }
cat >"$tmp/warmte-vragen.txt" <<'EOF'
Vragen van het lid Jansen (SP) aan de Minister voor Klimaat en Energie over
warmtenetten in oude wijken (ingezonden 12 juni 2024).

Vraag 1
Bent u bekend met het bericht over warmtenetten?

Vraag 2
Wanneer komt de wet?
EOF
cat >"$tmp/warmte-antwoord.txt" <<'EOF'
Vragen van het lid Jansen (SP) aan de Minister voor Klimaat en Energie over
warmtenetten in oude wijken (ingezonden 12 juni 2024).

Antwoord van Minister Hermans (Klimaat en Groene Groei) (ontvangen
12 augustus 2024).

Vraag 1
Bent u bekend met het bericht over warmtenetten?

Antwoord 1
Ja.

Vraag 2
Wanneer komt de wet?

Antwoord 2
Dit najaar.
EOF
nt import "$tmp/warmte-vragen.txt" >/dev/null 2>&1
nt list >"$tmp/t.txt"
check "before the answer: 0/1, EZK through its portfolio not answered" sh -c "grep -qF '0/1 beantwoord' '$tmp/t.txt' && grep -qF 'addressed to 1 ministry: EZK (KenE)' '$tmp/t.txt' && grep -qF 'not answered: EZK' '$tmp/t.txt'"
nt import "$tmp/warmte-antwoord.txt" >"$tmp/out" 2>&1
check "KGG's answer joins the set sent to EZK" grep -qF 'answer by KGG to set 1' "$tmp/out"
nt list >"$tmp/t.txt"
check "list: 1/1 beantwoord" grep -qF '2 vragen · 1/1 beantwoord' "$tmp/t.txt"
check "list: answered by KGG (successor of EZK)" grep -qF 'answered by KGG (successor of EZK) ontvangen 12 August 2024' "$tmp/t.txt"
check "list: no 'not answered' for EZK" sh -c "! grep -qF 'not answered' '$tmp/t.txt'"
nt list --json >"$tmp/t.json"
check "list --json: EZK through KenE, answered by KGG by succession" jq -e '.sets[0] | .addressed == ["EZK"] and .unanswered == [] and .answered == 1 and .coverage == [{"ministry":"EZK","portfolio":"KenE","answered_by":"KGG","succession":true}] and ([.answers[].ministry] == ["KGG"])' "$tmp/t.json"
check "the database keeps the portfolio the set was sent to" [ "$(sqlite3 "$tdb" "SELECT ministry || ' ' || portfolio FROM set_addressed")" = "EZK KenE" ]
check "the library row counts 1/1" [ "$(sqlite3 "$tdb" "SELECT answered || '/' || addressed FROM library WHERE set_id = 1")" = 1/1 ]
nt show 1 >"$tmp/t.txt"
check "show says who answered for EZK" grep -qxF 'EZK answered by KGG (successor of EZK)' "$tmp/t.txt"
nt show 1 --ministry EZK >"$tmp/t.txt"
check "show --ministry EZK: answered by its successor, not 'no answer imported'" sh -c "grep -qF 'EZK · answered by KGG (successor of EZK)' '$tmp/t.txt' && ! grep -qF 'no answer imported' '$tmp/t.txt'"
nt show 1 --json >"$tmp/t1.json"
check "show --json has the same coverage" jq -e '.set.coverage == [{"ministry":"EZK","portfolio":"KenE","answered_by":"KGG","succession":true}]' "$tmp/t1.json"
nt show 1 --ministry KenE --json >"$tmp/t2.json"
check "a portfolio code selects its ministry" jq -e '.set.coverage[0].ministry == "EZK"' "$tmp/t2.json"

# Before the change, KGG did not exist: an answer dated July 1st is no
# successor's, and EZK stays unanswered.
sed -e 's/12 augustus 2024/1 juli 2024/' -e 's/warmtenetten in oude/warmtenetten in nieuwe/' \
    "$tmp/warmte-antwoord.txt" >"$tmp/warmte-vroeg.txt"
nt import "$tmp/warmte-vroeg.txt" >/dev/null 2>&1
nt list --json >"$tmp/t.json"
check "an answer from before the change does not count" jq -e '[.sets[] | select(.subject | contains("nieuwe"))] | length == 1 and .[0].answered == 0 and .[0].unanswered == ["EZK"]' "$tmp/t.json"

# "mede namens de Minister voor Rechtsbescherming" groups under JenV
# (how a citation quotes it is the export's: as written).
cat >"$tmp/rb.txt" <<'EOF'
Vragen van het lid Jansen (SP) aan de Minister van Binnenlandse Zaken en
Koninkrijksrelaties en de Minister voor Rechtsbescherming over de
Wet open overheid (ingezonden 4 maart 2024).

Antwoord van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties),
mede namens de Minister voor Rechtsbescherming (ontvangen 2 april 2024).

Vraag 1
Bent u bekend met het bericht?

Antwoord 1
Ja.
EOF
nt import "$tmp/rb.txt" >/dev/null 2>&1
set_rb=$(sqlite3 "$tdb" "SELECT id FROM question_set WHERE subject = 'de Wet open overheid'")
nt show "$set_rb" --json >"$tmp/t.json"
check "mede namens de Minister voor Rechtsbescherming: grouped under JenV" jq -e '.questions[0].answers[0].signatories[0].on_behalf_of == ["JenV"] and .set.coverage == [{"ministry":"BZK","portfolio":null,"answered_by":"BZK","succession":false},{"ministry":"JenV","portfolio":"RB","answered_by":"JenV","succession":false}]' "$tmp/t.json"
check "and both count: 2/2" [ "$(sqlite3 "$tdb" "SELECT answered || '/' || addressed FROM library WHERE set_id = $set_rb")" = 2/2 ]

# --- coverage adds up, in every corpus (issue 16) ------------------------------
# No set shows more answered than addressed: in the library (what the
# interface lists) and in the JSON of every set (N answered of the
# coverage, one entry per addressed ministry).
adds_up() {	# adds_up DB
	[ "$(sqlite3 "$1" 'SELECT count(*) FROM library WHERE answered > addressed')" -eq 0 ] &&
	"$NAAST" --db "$1" list --json >"$tmp/adds.json" &&
	jq -e '[.sets[] | .answered <= (.coverage | length)
	    and (.coverage | length) == (.addressed | length)
	    and ([.coverage[] | select(.answered_by != null)] | length) == .answered
	    and (.unanswered | length) == (.coverage | length) - .answered] | all' "$tmp/adds.json" >/dev/null
}
adb=$tmp/all.db
"$NAAST" --db "$adb" import "$pdfs" "$corpus" "$tmp/warmte-antwoord.txt" "$tmp/rb.txt" \
    "$tmp/signed.txt" "$tmp/mededeling.txt" "$tmp/vragen.txt" >/dev/null 2>&1
if [ -x "$top_builddir/bench/gen" ]; then
	"$top_builddir/bench/gen" --docs 120 --corpus "$corpus" --out "$tmp/gen" >/dev/null 2>&1
	"$NAAST" --db "$adb" import "$tmp/gen" >/dev/null 2>&1
fi
check "all corpora together make sets" [ "$(sqlite3 "$adb" 'SELECT count(*) FROM question_set')" -gt 20 ]
for d in "$db" "$pdb" "$qdb" "$rdb" "$tdb" "$tmp/mixed.db" "$adb"; do
	check "answered never exceeds addressed: $(basename "$d")" adds_up "$d"
done

# --- hostile text in every output ---------------------------------------------
# An answer with escape sequences in its subject, vraag and antwoord: CSI,
# OSC (52 writes the clipboard), DCS, a C1 CSI and a bidi override.  No
# output of naast may carry them, to a pipe or a terminal, in any format;
# the stored raw text keeps them byte for byte.
hdb=$tmp/hostile.db
hh() { "$NAAST" --db "$hdb" "$@"; }
bad_csi=$(printf '\033[2J')
bad_osc=$(printf '\033]52;c;b3duZWQ=\007')
bad_dcs=$(printf '\033P1$r\033\\')
bad_c1=$(printf '\302\233')
bad_bidi=$(printf '\342\200\256')
# (the backslash of the DCS's terminator doubled for Markdown, and that
# doubled again for sed)
dcs_sed=$(printf '%s' "$bad_dcs" | sed 's/\\/\\\\\\\\/g')
sed -e "s/bijeenkomsten met ambtenaren/bijeen${bad_csi}komsten met ${bad_osc}ambtenaren/" \
    -e "s/^Ja\.\$/Ja${dcs_sed}, zeker${bad_c1}1m ${bad_bidi}terug./" \
    -e "s/^Zo ja, wat was/Zo ja${bad_osc}, wat was/" "$bzk" >"$tmp/hostile.md"
hh import "$tmp/hostile.md" >/dev/null 2>&1
check "the hostile answer is imported" [ "$(sqlite3 "$hdb" "SELECT count(*) FROM document")" -eq 1 ]
# (packed as one zstd frame, which the zstd program reads too)
check "its raw text is stored byte for byte" sh -c "sqlite3 '$hdb' \"SELECT writefile('$tmp/hostile.zst', raw) FROM document WHERE typeof(raw) = 'blob'\" >/dev/null && zstd -qdc '$tmp/hostile.zst' | cmp -s - '$tmp/hostile.md'"
hpid=$(sqlite3 "$hdb" "SELECT id FROM passage WHERE text LIKE 'Ja%zeker%' ORDER BY id LIMIT 1")
hh select add "$hpid" >/dev/null 2>&1
clean_out() {
	! grep -q "$esc" "$1" && ! grep -q "$(printf '\007')" "$1" && ! grep -q "$bad_c1" "$1" &&
	    ! grep -q "$bad_bidi" "$1" && ! grep -q 'b3duZWQ' "$1"
}
i=0
for cmd in "list" "list --json" "show 1" "show 1 --json" "search ambtenaren" \
	"search ambtenaren --json" "search zeker" "related $hpid" "diff 1 --vraag 1 --ministries BZK,BZK" \
	"select list" "select list --json" \
	"export --set 1" "export --set 1 --format txt" "export --set 1 --format csv" \
	"export --set 1 --format json" "export --set 1 --format html" "export --selection"; do
	i=$((i + 1))
	# shellcheck disable=SC2086
	hh $cmd >"$tmp/h$i.out" 2>&1
	check "no escape, control or bidi character in: naast $cmd" clean_out "$tmp/h$i.out"
done
check "the words around them are still there" grep -q 'zeker' "$tmp/h$i.out"
script -qc "'$NAAST' --db '$hdb' search zeker" /dev/null >"$tmp/htty.out" 2>&1 </dev/null
check "nor on a terminal, where matches are bold (only naast's own SGR)" sh -c "! grep -qF '$bad_csi' '$tmp/htty.out' && ! grep -q 'b3duZWQ' '$tmp/htty.out' && ! grep -qF '$bad_c1' '$tmp/htty.out' && grep -q 'zeker' '$tmp/htty.out'"

# --- what naast could not read is said where the user looks ----------------
wdb=$tmp/warn.db
mkdir -p "$tmp/warn"
printf 'Vragen van het lid Visser (VVD) aan de Minister van Defensie en de Minister van Zeezaken over schepen (ingezonden 2 mei 2024).\n\nAntwoord van Minister Aalders (Defensie) (ontvangen 4 juni 2024).\n\nVraag 1\n\nHoeveel schepen?\n\nAntwoord 1\n\nVeel.\n' >"$tmp/warn/zee.md"
cp "$az" "$tmp/warn/az.txt"
"$NAAST" --db "$wdb" import "$tmp/warn" >"$tmp/warn.out" 2>"$tmp/warn.err"
check "a warning is told as the file is imported" grep -qF "warning: '$tmp/warn/zee.md': question header: unknown ministry 'Zeezaken'" "$tmp/warn.err"
check "the summary names the file not fully read" grep -qxF "  not fully read: $tmp/warn/zee.md (1 warning)" "$tmp/warn.out"
check "and not the file that was" sh -c "! grep -q 'not fully read: .*az.txt' '$tmp/warn.out'"
wset=$("$NAAST" --db "$wdb" list --json | jq '.sets[] | select(.subject == "schepen") | .id')
"$NAAST" --db "$wdb" show "$wset" >"$tmp/warn-show.txt"
check "show gives the warning under the answer" grep -qF "      ! question header: unknown ministry 'Zeezaken'" "$tmp/warn-show.txt"
"$NAAST" --db "$wdb" show "$wset" --json >"$tmp/warn-show.json"
check "show --json gives it with the answer" jq -e '.set.answers[0].warnings == ["question header: unknown ministry '"'"'Zeezaken'"'"', left out of the coverage"]' "$tmp/warn-show.json"
"$NAAST" --db "$wdb" list --json >"$tmp/warn-list.json"
check "an answer read in full has no warnings" jq -e '[.sets[] | select(.subject != "schepen") | .answers[].warnings] == [[]]' "$tmp/warn-list.json"

# --- a database of the previous release is read again, basket and all ------
odb=$tmp/old.db
sqlite3 "$odb" <"$top_srcdir/tests/fixtures/v2.sql"
sqlite3 "$odb" "SELECT p.text, coalesce(s.note, '') FROM selection s JOIN passage p ON p.id = s.passage ORDER BY s.ord" >"$tmp/old-basket.txt"
"$NAAST" --db "$odb" list >"$tmp/old-list.txt" 2>"$tmp/old-list.err"
check "the first start of this version reads the old documents again" [ $? -eq 0 ]
check "and says so: the upgrade, what it reads again, one summary line" sh -c "[ \"\$(sed 's/[0-9][0-9]* of [0-9][0-9]* ([0-9]*%)/N/' '$tmp/old-list.err')\" = 'naast: upgrading the database for this version
naast: indexing the passages: N
naast: indexing the passages: N
naast: packing the original files: N
naast: packing the original files: N
naast: giving the space of the old indexes back
naast: this version reads documents better: reading 4 documents again
naast: read 4 documents again: 3 changed, 1 as before; basket: 4 items kept' ]"
check "the database is of this version now" [ "$(sqlite3 "$odb" 'PRAGMA user_version')" = 10 ]
check "every document was read by this version's parsers" [ "$(sqlite3 "$odb" 'SELECT count(*) FROM document WHERE parser_version = 0')" = 0 ]
sqlite3 "$odb" "SELECT p.text, coalesce(s.note, '') FROM selection s JOIN passage p ON p.id = s.passage ORDER BY s.ord" >"$tmp/new-basket.txt"
check "the basket holds the same passages, notes and order" cmp -s "$tmp/old-basket.txt" "$tmp/new-basket.txt"
check "the structure is the new one: signatories as written" [ "$(sqlite3 "$odb" "SELECT count(*) FROM signatory WHERE written IS NULL")" = 0 ]
"$NAAST" --db "$odb" select list >"$tmp/old-select.txt"
check "the basket's citations quote the header" grep -qF "mede namens de Minister van Justitie en Veiligheid, ontvangen 17 mei 2024" "$tmp/old-select.txt"
"$NAAST" --db "$odb" list >/dev/null 2>"$tmp/old-list2.err"
check "the next start has nothing to read again" [ ! -s "$tmp/old-list2.err" ]
"$NAAST" --db "$odb" reparse >"$tmp/reparse.out"
check "naast reparse reads every document again" grep -qxF "read 4 documents again: 0 changed, 4 as before; basket: 4 items kept" "$tmp/reparse.out"
"$NAAST" --db "$odb" reparse extra >/dev/null 2>&1
check "naast reparse takes no arguments" [ $? -eq 2 ]

# --- a database of the release before (schema 3): one index, all kept ------
v3db=$tmp/v3.db
sqlite3 "$v3db" <"$top_srcdir/tests/fixtures/v3.sql"
sqlite3 "$v3db" "SELECT p.text, coalesce(s.note, '') FROM selection s JOIN passage p ON p.id = s.passage ORDER BY s.ord" >"$tmp/v3-basket.txt"
v3size=$(wc -c <"$v3db")
"$NAAST" --db "$v3db" search informeerd --substring >"$tmp/v3-search.out" 2>"$tmp/v3-search.err"
check "a database of the release before is upgraded on first use, saying so" grep -qxF 'naast: upgrading the database for this version' "$tmp/v3-search.err"
check "then searched: a part of a word finds it with its diacritics" grep -qF 'ge[ïnformeerd]' "$tmp/v3-search.out"
sqlite3 "$v3db" "SELECT p.text, coalesce(s.note, '') FROM selection s JOIN passage p ON p.id = s.passage ORDER BY s.ord" >"$tmp/v3-basket2.txt"
check "its basket holds the same passages, notes and order" cmp -s "$tmp/v3-basket.txt" "$tmp/v3-basket2.txt"
check "one full-text index is left" [ "$(sqlite3 "$v3db" "SELECT group_concat(name) FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%USING fts5 %'")" = passage_words ]
check "and the file is smaller than before" [ "$(wc -c <"$v3db")" -lt "$v3size" ]
rodb=$tmp/v3-readonly.db
sqlite3 "$rodb" <"$top_srcdir/tests/fixtures/v3.sql"
chmod a-w "$rodb"
"$NAAST" --db "$rodb" list >/dev/null 2>"$tmp/ro.err"
check "a read-only database of the release before: refused in one line, saying why, exit 1" sh -c "[ $? -eq 1 ] && [ \$(wc -l <'$tmp/ro.err') -eq 1 ] && grep -qF 'was made by an older naast: this version must upgrade it first; make it writable' '$tmp/ro.err'"
check "and left as it was" [ "$(sqlite3 "$rodb" 'PRAGMA user_version')" = 3 ]
chmod u+w "$rodb"
chmod a-w "$odb"
"$NAAST" --db "$odb" reparse >/dev/null 2>"$tmp/reparse-ro.err"
check "a read-only database is not read again" [ $? -eq 1 ]
chmod u+w "$odb"

# --- standard output that cannot be written -----------------------------------
# A full disk (/dev/full) and a reader that has gone with SIGPIPE ignored
# are one line and exit 1; with SIGPIPE as it comes (a shell pipe into
# head), naast ends silently as cat and grep do, except import, which
# does not let a reader that goes away cut it short.
wdb=$tmp/write.db
"$NAAST" --db "$wdb" import "$az" "$bzk" "$letter" >/dev/null 2>&1
wpassage=$("$NAAST" --db "$wdb" search ambtenaren --json | jq '.hits[0].passage')
"$NAAST" --db "$wdb" select add "$wpassage" >/dev/null 2>&1
wdump() { sqlite3 "$1" .dump | sha256sum; }
# closed_pipe ign|dfl CMD...: CMD with its standard output a pipe whose
# reader has gone, SIGPIPE ignored or not.
closed_pipe() {
	python3 -c '
import os, signal, sys
r, w = os.pipe()
os.close(r)
os.dup2(w, 1)
os.close(w)
signal.signal(signal.SIGPIPE, signal.SIG_IGN if sys.argv[1] == "ign" else signal.SIG_DFL)
os.execvp(sys.argv[2], sys.argv[2:])' "$@"
}
# cannot_write STATUS WHY CMD ARGS...: naast CMD ARGS... into $out exits
# STATUS with the one line "naast: CMD: cannot write to standard output:
# WHY...", and the database is as before.
cannot_write() {
	want=$1 why=$2 cmd=$3
	shift 3
	before=$(wdump "$wdb")
	case $out in
	full) "$NAAST" --db "$wdb" "$cmd" "$@" >/dev/full 2>"$tmp/w.err" ;;
	*) closed_pipe "$out" "$NAAST" --db "$wdb" "$cmd" "$@" 2>"$tmp/w.err" ;;
	esac
	got=$?
	[ "$got" -eq "$want" ] || { echo "# exit status $got, not $want" >&2; return 1; }
	if [ -z "$why" ]; then
		[ ! -s "$tmp/w.err" ] || { sed 's/^/#   /' "$tmp/w.err" >&2; return 1; }
	else
		[ "$(wc -l <"$tmp/w.err")" -eq 1 ] &&
			grep -q "^naast: $cmd: cannot write to standard output: $why" "$tmp/w.err" ||
			{ sed 's/^/#   /' "$tmp/w.err" >&2; return 1; }
	fi
	[ "$(wdump "$wdb")" = "$before" ] || { echo "# the database changed" >&2; return 1; }
}
full='the disk is full (free some space and try again)$'
for c in list "show 1" "search ambtenaren" "related $wpassage" "select list" \
	"diff 1 --vraag 8" "matrix 1" "export --set 1" "list --json" "show 1 --json"; do
	out=full
	check "$c >/dev/full: one line, exit 1, nothing changed" cannot_write 1 "$full" $c
	out=ign
	check "$c into a closed pipe, SIGPIPE ignored: one line, exit 1" cannot_write 1 . $c
	out=dfl
	check "$c into a closed pipe: ends silently on SIGPIPE" cannot_write 141 '' $c
done
# import: the documents are stored, and the lines that could not be
# written are said in one line, with SIGPIPE ignored or not.
for out in full ign dfl; do
	rm -f "$tmp/wi.db"
	case $out in
	full) "$NAAST" --db "$tmp/wi.db" import "$az" "$bzk" "$letter" >/dev/full 2>"$tmp/w.err" ;;
	*) closed_pipe $out "$NAAST" --db "$tmp/wi.db" import "$az" "$bzk" "$letter" 2>"$tmp/w.err" ;;
	esac
	got=$?
	check "import into $out: exit 1, one line" sh -c "[ $got -eq 1 ] && [ \$(wc -l <'$tmp/w.err') -eq 1 ] && grep -q '^naast: import: cannot write to standard output: ' '$tmp/w.err'"
	check "import into $out: the documents are stored all the same" \
		[ "$(sqlite3 "$tmp/wi.db" 'SELECT count(*) FROM document')" -eq 3 ]
done

done_testing
