#!/usr/bin/env python3
"""Finds messages in tui/ and core/ that a person reads but gettext does not see.

A string literal with words in it, passed to one of the calls that put
text in front of a person (the status line, a view, standard output or
error), must be marked: _(), N_() or P_(), or be a format that
cli_complain, cli_usage or error_set translate themselves.  Prints
FILE:LINE: "literal" for each one that is not, and exits 1 when there
is one.  What is no language (paths, key and command names, JSON keys,
the words of the domain) is in DOMAIN.
"""
import re
import sys

CALLS = ("cli_say", "app_message", "draw_text", "draw_text_right", "draw_wrap",
         "add", "add_indented", "section", "own_lines", "snprintf", "xasprintf",
         "xbuf_printf", "xbuf_puts", "fprintf", "fputs", "printf", "puts")
# core/ prints nothing: its text reaches a person through a struct error
# and the steps a database error names.  Each call here with the
# arguments that are no message to mark: a format the call translates
# itself (xgettext takes it through po/Makevars), SQL.  Every other
# literal with words must be marked.
CORE_CALLS = {
    "error_set": (2,), "model_warn": (1,),
    # what naast was doing, said through gettext by db_fail and report
    "db_fail": (), "run": (), "run_on": (), "run_id": (), "step_row": (),
    "id_of_text": (), "exec_int": (1,), "change": (), "int_of": (),
    "report": (), "search_fail": (),
}
# Words that are the same in every language of naast: its name, the words
# of the domain, units, key names.  A literal made only of these (and of
# formats, numbers and signs) is no message to translate.
DOMAIN = {
    "naast", "vraag", "vragen", "Vraag", "antwoord", "Antwoord", "beantwoord",
    "ingezonden", "ontvangen", "mededeling", "Mededeling", "Aanhangsel",
    "nr", "mede", "namens", "en", "van", "set", "Zaak", "key", "MB", "tmux",
    "none", "equal", "delete", "insert",
}
WORD = re.compile(r"[A-Za-z]{2,}")
FORMAT = re.compile(r"%[-#0 +'*]*\d*(?:\.\*|\.\d+)?(?:hh|h|ll|l|z|j|t)?[a-zA-Z%]")
MARK = re.compile(r"\b(?:_|N_|P_)\s*\($")


def literals(args):
    """The string literals of a call's arguments, with what precedes each."""
    i = 0
    while i < len(args):
        c = args[i]
        if c == '"':
            j = i + 1
            while args[j] != '"':
                j += 2 if args[j] == "\\" else 1
            # Adjacent literals are one string.
            k = j + 1
            while True:
                m = re.match(r'\s*"', args[k:])
                if not m:
                    break
                k += m.end()
                while args[k] != '"':
                    k += 2 if args[k] == "\\" else 1
                k += 1
            yield args[:i], re.sub(r'"\s*"', "", args[i + 1:k - 1]), i
            i = k
        elif c == "'":
            i = args.index("'", i + 2 if args[i + 1] == "\\" else i + 1) + 1
        else:
            i += 1


def position(before):
    """Which argument of a call a literal is, from the text before it."""
    depth, n, i = 0, 0, 0
    while i < len(before):
        c = before[i]
        if c in "\"'":
            j = i + 1
            while j < len(before) and before[j] != c:
                j += 2 if before[j] == "\\" else 1
            i = j
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            n += 1
        i += 1
    return n


def check(path):
    src = open(path, encoding="utf-8").read()
    # Comments out, keeping lines.
    src = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group()), src, flags=re.S)
    calls = dict.fromkeys(CALLS, ())
    if path.startswith("core/") or "/core/" in path:
        calls = dict(CORE_CALLS)
    bad = []
    # A call, not a definition's name or a member (p->report).
    for m in re.finditer(r"(?<![\w.>])(%s)\s*\(" % "|".join(calls), src):
        depth, i = 1, m.end()
        while depth and i < len(src):
            c = src[i]
            if c == '"':
                i += 1
                while src[i] != '"':
                    i += 2 if src[i] == "\\" else 1
            elif c == "'":
                i = src.index("'", i + 2 if src[i + 1] == "\\" else i + 1)
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            i += 1
        args = src[m.end():i - 1]
        plural = False
        own = calls[m.group(1)]
        for before, lit, at in literals(args):
            if position(before) in own:
                continue		# a format the call translates, SQL
            marked = MARK.search(before.rstrip())
            # The second form of P_(one, many, n).
            if plural and re.search(r'"\s*,\s*$', before):
                marked, plural = True, False
            elif marked:
                plural = marked.group().startswith("P_")
            if marked:
                continue
            if "/" in lit and " " not in lit:
                continue		# a path
            plain = FORMAT.sub(" ", lit)
            plain = re.sub(r"\\[nrta\\]|\\033[\]\[]?[\w;]*", " ", plain)
            if all(w in DOMAIN for w in WORD.findall(plain)):
                continue
            line = src.count("\n", 0, m.end() + at) + 1
            bad.append('%s:%d: "%s"' % (path, line, lit))
    return bad


def main():
    bad = []
    for path in sys.argv[1:]:
        bad += check(path)
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
