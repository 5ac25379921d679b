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
check "list names the set for people" grep -qF "Eerdmans (JA21) · ingezonden 29 januari 2024 · 9 vragen · 2/12 beantwoord" "$tmp/list.txt"
check "list shows the BZK Aanhangsel number" grep -qF "answered by BZK   ontvangen 16 februari 2024, Aanhangsel nr. 1059" "$tmp/list.txt"
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
check "a missing file fails and names it" sh -c "'$NAAST' --db '$db' import '$tmp/nope.txt' 2>&1 >/dev/null | grep -qF \"cannot import '$tmp/nope.txt'\""

: >"$tmp/empty.txt"
printf 'Vraag 1\n\000\001binary' >"$tmp/binary.txt"
printf 'Vraag 1\n\377\376 latin-1 \351\n' >"$tmp/latin1.txt"
before=$(rows)
check "an empty file fails with one line" expect 1 naast import "$tmp/empty.txt"
check "a binary file fails with one line" expect 1 naast import "$tmp/binary.txt"
check "a file that is not UTF-8 fails with one line" expect 1 naast import "$tmp/latin1.txt"
check "a directory fails with one line" expect 1 naast import "$tmp"
check "failed imports leave no trace" [ "$(rows)" = "$before" ]
naast import "$tmp/empty.txt" "$letter" >"$tmp/out" 2>/dev/null
check "one bad file among good ones: exit 1, the rest imported" sh -c "[ $? -eq 1 ] && grep -q ': unchanged$' '$tmp/out'"

# --- sanitising -------------------------------------------------------------
esc=$(printf '\033')
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

# --- help and version ---------------------------------------------------------
check "--version prints the version" sh -c "'$NAAST' --version | grep -q '^naast [0-9]'"
check "--help lists the commands" sh -c "'$NAAST' --help | grep -q 'show SET'"

done_testing
