#!/bin/sh
# tests/i18n.sh: the catalogue of messages and naast in Dutch.  Every
# message the sources mark is in po/naast.pot and translated in po/nl.po,
# no message a person reads is left unmarked (tests/i18n_lint.py), and
# under nl_NL.UTF-8 naast speaks Dutch while what is no language (exit
# codes, --json, the exports and their citations) stays byte for byte
# what it is in English.
. "$top_srcdir/tests/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
po=$top_srcdir/po

# skip DESCRIPTION REASON: one TAP line for a check that cannot run here.
skip() {
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
}

# ------------------------------------------------------------ the catalogue

potfiles_complete() {
	(cd "$top_srcdir" && ls core/*.[ch] tui/*.[ch]) | sort >"$tmp/sources"
	grep -v '^#' "$po/POTFILES.in" | sort >"$tmp/listed"
	diff "$tmp/listed" "$tmp/sources" >&2 || {
		echo "po/POTFILES.in must list every source of core/ and tui/" >&2
		return 1
	}
}
check "po/POTFILES.in lists every source of core/ and tui/" potfiles_complete

# xgettext as po/Makefile runs it, with the keywords of po/Makevars.
opts=$(sed -n '/^XGETTEXT_OPTIONS/,/[^\\]$/p' "$po/Makevars" |
	sed 's/^XGETTEXT_OPTIONS *= *//; s/\\$//' | tr '\n' ' ')
# shellcheck disable=SC2086
(cd "$top_srcdir" && xgettext $opts --files-from=po/POTFILES.in \
	-o "$tmp/now.pot") 2>"$tmp/xgettext.err"
check "xgettext reads the sources without a complaint" \
	sh -c "! grep -v 'should not contain' '$tmp/xgettext.err' | grep . >&2"
check "every marked message is in po/naast.pot (make -C po update-po)" \
	msgcmp --use-untranslated "$po/naast.pot" "$tmp/now.pot"
check "po/naast.pot has no message the sources lost (make -C po update-po)" \
	msgcmp --use-untranslated "$tmp/now.pot" "$po/naast.pot"
check "po/nl.po translates every message of po/naast.pot" \
	msgcmp "$po/nl.po" "$po/naast.pot"

all_translated() {
	msgfmt --check --statistics -o "$tmp/nl.mo" "$po/nl.po" 2>"$tmp/stats" || return 1
	cat "$tmp/stats" >&2
	grep -q '^[0-9]* translated messages\.$' "$tmp/stats"
}
check "msgfmt --check: po/nl.po is whole, nothing fuzzy or untranslated" all_translated

lint() {
	(cd "$top_srcdir" && python3 tests/i18n_lint.py tui/*.c core/*.c core/*.h) >&2
}
check "no message of tui/ and core/ is left unmarked (tests/i18n_lint.py)" lint

# What the lint asks of core/: a step a database error names is marked,
# and so is a literal argument of a message, not its format.
mkdir -p "$tmp/core"
cat >"$tmp/core/x.c" <<'EOF2'
static enum status
f(struct store *st, int rc, struct error *err)
{
	if (rc == 1)
		return db_fail(st, rc, "reading the moon", err);
	if (rc == 2)
		return run_id(st, SQL_BEGIN, N_("starting a read"), err);
	return error_set(err, STATUS_DB, "cannot read %s", rc ? "the moon" : _("the sun"));
}
EOF2
python3 "$top_srcdir/tests/i18n_lint.py" "$tmp/core/x.c" >"$tmp/lint.out"
check "the lint names an unmarked step and argument in core/, nothing else" \
	sh -c "[ \"\$(cut -d' ' -f2- '$tmp/lint.out' | tr '\\n' '|')\" = '\"reading the moon\"|\"the moon\"|' ]"

# ----------------------------------------------------------- naast in Dutch

locales=$top_builddir/tests/locale
if [ ! -f "$top_builddir/locale/nl/LC_MESSAGES/naast.mo" ]; then
	skip "naast in Dutch" "built without NLS (./configure --disable-nls)"
	done_testing
	exit $?
fi
if ! sh "$top_srcdir/tests/nl_locale.sh" "$locales" 2>"$tmp/locale.err"; then
	skip "naast in Dutch" "$(cat "$tmp/locale.err")"
	done_testing
	exit $?
fi
db=$tmp/x.db
en() { env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 "$NAAST" "$@"; }
nl() { env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LOCPATH="$locales" LANG=nl_NL.UTF-8 "$NAAST" "$@"; }

en --db "$db" import "$top_srcdir/assets/corpus" >/dev/null 2>&1
set=$(en --db "$db" list --json | jq '.sets[0].id')

nl --help >"$tmp/help.nl"
en --help >"$tmp/help.en"
check "naast --help speaks Dutch under nl_NL" grep -q '^Gebruik: naast ' "$tmp/help.nl"
check "and English otherwise" grep -q '^Usage: naast ' "$tmp/help.en"
nl search --help >"$tmp/search.nl"
check "a command's help too" grep -q '^Gebruik: naast search QUERY' "$tmp/search.nl"
check "its usage lines under the first word after the name" \
	grep -q '^                      \[--from DATE\]' "$tmp/search.nl"

status_of() { "$@" >/dev/null 2>&1; echo $?; }
nl --bogus 2>"$tmp/bogus.nl"
check "a usage error says so in Dutch" \
	grep -q "^naast: onbekende optie '--bogus' (zie 'naast --help')$" "$tmp/bogus.nl"
check "with the exit status of English (2)" \
	test "$(status_of nl --bogus)" = 2 -a "$(status_of en --bogus)" = 2
check "a failure's exit status is English's too (1)" \
	test "$(status_of nl --db "$db" show 999)" = 1 -a "$(status_of en --db "$db" show 999)" = 1
nl --db "$db" show 999 2>"$tmp/show.nl"
check "core's messages are Dutch (struct error)" \
	grep -q "set Kamervragen 999 bestaat niet" "$tmp/show.nl"
nl --db "$db" list >"$tmp/list.nl"
check "the library as text says 'gericht aan'" grep -q 'gericht aan' "$tmp/list.nl"
en --db "$db" list >"$tmp/list.en"
check "dates in text are Dutch in Dutch" grep -q 'ontvangen 15 februari 2024' "$tmp/list.nl"
check "and English in English" grep -q 'ontvangen 15 February 2024' "$tmp/list.en"

for cmd in "list --json" "show $set --json" "search kabinet --json" "matrix $set --json"; do
	# shellcheck disable=SC2086
	en --db "$db" $cmd >"$tmp/en.json"
	# shellcheck disable=SC2086
	nl --db "$db" $cmd >"$tmp/nl.json"
	check "naast $cmd is the same in Dutch" cmp "$tmp/en.json" "$tmp/nl.json"
done
# A parse warning is stored as what the parser said and shown in the
# language of the one who reads it: imported in Dutch, shown in English,
# and the other way round; --json gives the English text in both.
cat >"$tmp/schepen.txt" <<'EOF2'
Vragen van het lid Visser (VVD) aan de Minister van Defensie en de Minister van Zeezaken over schepen (ingezonden 2 mei 2024).

Antwoord van Minister Aalders (Defensie) (ontvangen 4 juni 2024).

Vraag 1

Hoeveel schepen?

Antwoord 1

Veel.
EOF2
nl --db "$db" import "$tmp/schepen.txt" >/dev/null 2>"$tmp/import.nl"
check "an import's warning is Dutch in Dutch" grep -qF \
	"waarschuwing: '$tmp/schepen.txt': vragenkop: onbekend ministerie 'Zeezaken', niet meegeteld" "$tmp/import.nl"
ships=$(en --db "$db" list --json | jq '.sets[] | select(.subject == "schepen") | .id')
en --db "$db" show "$ships" >"$tmp/ships.en"
nl --db "$db" show "$ships" >"$tmp/ships.nl"
check "and English to an English reader" grep -qF \
	"! question header: unknown ministry 'Zeezaken', left out of the coverage" "$tmp/ships.en"
check "and Dutch to a Dutch one" grep -qF \
	"! vragenkop: onbekend ministerie 'Zeezaken', niet meegeteld" "$tmp/ships.nl"
en --db "$db" show "$ships" --json >"$tmp/ships.en.json"
nl --db "$db" show "$ships" --json >"$tmp/ships.nl.json"
check "its --json is the same in both, in English" sh -c "cmp '$tmp/ships.en.json' '$tmp/ships.nl.json' &&
	jq -e '.set.answers[0].warnings[0] == \"question header: unknown ministry '\\''Zeezaken'\\'', left out of the coverage\"' '$tmp/ships.nl.json' >/dev/null"

# A database error says what naast was doing in Dutch too: a full disk
# (ulimit -f, as in faults.sh) stops an import while it writes.
awk 'BEGIN { print "Geachte heer Jansen,\n"; for (i = 0; i < 600; i++) printf "Alinea %d van een lange brief over de uitvoering van de begroting.\n\n", i; print "Hoogachtend," }' >"$tmp/longletter.txt"
cp "$db" "$tmp/full.db"
(
	trap '' XFSZ
	ulimit -f 100
	nl --db "$tmp/full.db" import "$tmp/longletter.txt"
) >/dev/null 2>"$tmp/full.nl"
check "a database error says in Dutch what naast was doing" \
	grep -q "kan de database '$tmp/full.db' niet schrijven tijdens het [a-z][^(]* (" "$tmp/full.nl"

for f in md txt csv json html; do
	en --db "$db" export --set "$set" --vraag 8 --format "$f" >"$tmp/en.$f"
	nl --db "$db" export --set "$set" --vraag 8 --format "$f" >"$tmp/nl.$f"
	check "the $f export and its citations do not change with the language" \
		cmp "$tmp/en.$f" "$tmp/nl.$f"
done
check "the Markdown export is the golden one" cmp "$tmp/nl.md" "$top_srcdir/tests/export/vraag8.md"

# ------------------------------------------------------ the Dutch man page

en_man=$top_srcdir/assets/naast.1
nl_man=$top_srcdir/assets/nl/naast.1
# The same commands with the same synopses, the same actions in the same
# order, the same sections of keys: what the English page says of the
# program, the Dutch one says too (test_keymap holds the English one to
# the tables).
grep '^\.BR [a-z]' "$en_man" >"$tmp/en.synopses"
grep '^\.BR [a-z]' "$nl_man" >"$tmp/nl.synopses"
check "the Dutch man page has the commands and synopses of the English one" \
	diff "$tmp/en.synopses" "$tmp/nl.synopses"
grep -o '^[a-z\\-]* \\(em' "$en_man" >"$tmp/en.actions"
grep -o '^[a-z\\-]* \\(em' "$nl_man" >"$tmp/nl.actions"
check "and every key of every view" diff "$tmp/en.actions" "$tmp/nl.actions"
check "and the help of each action as the catalogue translates it" \
	grep -qxF 'quit \(em Terug; in de bibliotheek: stoppen.' "$nl_man"

# make install puts it where man looks under a Dutch locale.
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$top_builddir" \
	install-man install-dist_mannlDATA DESTDIR="$tmp/inst" >/dev/null 2>&1
mandir=$(find "$tmp/inst" -path "*/nl/man1/naast.1" | sed "s,/nl/man1/naast.1$,,")
check "make install puts it in MANDIR/nl/man1" test -f "$mandir/nl/man1/naast.1"
if command -v man >/dev/null 2>&1; then
	check "man finds it under nl_NL.UTF-8" sh -c "env -u LC_ALL -u LC_MESSAGES -u LANGUAGE \
		LOCPATH='$locales' LANG=nl_NL.UTF-8 MANPATH='$mandir' man -w naast | grep -q '/nl/man1/naast.1'"
	check "and the English one otherwise" sh -c "env -u LC_ALL -u LC_MESSAGES -u LANGUAGE \
		LANG=C.UTF-8 MANPATH='$mandir' man -w naast | grep -q '/share/man/man1/naast.1'"
else
	skip "man finds it under nl_NL.UTF-8" "man is not installed"
fi

done_testing
