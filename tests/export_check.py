#!/usr/bin/env python3
# tests/export_check.py: reads naast's Word and Excel exports back with the
# readers an office uses (python-docx, openpyxl) and holds them to the
# Markdown export of the same passages: the same headings, the same
# passages, the same citations word for word.
#
#   export_check.py docx FILE.docx FILE.md [--refs|--no-refs]
#   export_check.py xlsx FILE.xlsx FILE.md [--refs|--no-refs]
#   export_check.py docx-table FILE.docx FILE.md CODE...
#       (one vraag side by side: a column per ministry CODE, in order)
#
# Exits 0 when every check holds, else prints what differs and exits 1.
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REF_LABEL = re.compile(r"^Het antwoord op (vraag \d+|de vragen [\d, en]+), waarnaar verwezen wordt:$")


def unmd(s):
    """Markdown's escapes taken out: the text as the other formats write it."""
    return re.sub(r"\\([\\`*_\[\]<>])", r"\1", s)


def markdown(path):
    """What the Markdown export says: headings by level, quotes, citations, notes, labels."""
    md = {"title": [], "sets": [], "vragen": [], "quotes": [], "citations": [],
          "notes": [], "labels": []}
    lines = open(path, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            md["title"].append(unmd(line[2:]))
        elif line.startswith("## "):
            md["sets" if not md["title"] and line.startswith("## Vragen van") else "vragen"].append(unmd(line[3:]))
        elif line.startswith("### "):
            md["vragen"].append(unmd(line[4:]))
        elif line.startswith("> "):
            md["quotes"].append(unmd(line[2:]))
        elif line.startswith("**Notitie:** "):
            md["notes"].append(unmd(line[len("**Notitie:** "):]))
        elif line.startswith("**") and line.endswith("**"):
            md["labels"].append(unmd(line[2:-2]))
        elif line and not line.startswith("*") and i > 0 and lines[i - 1] == "" \
                and i >= 2 and lines[i - 2].startswith(">"):
            md["citations"].append(unmd(line))
    return md


def fail(msg, got, want):
    print("%s:\n  got:  %r\n  want: %r" % (msg, got, want))
    return False


def check_docx(path, md, refs):
    import docx
    ok = True
    d = docx.Document(path)
    by_style = {}
    for p in d.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    if md["title"]:
        ok &= by_style.get("Title", []) == md["title"] or fail("title", by_style.get("Title"), md["title"])
        ok &= by_style.get("Heading 1", []) == md["vragen"] or fail("vraag headings", by_style.get("Heading 1"), md["vragen"])
    else:
        ok &= by_style.get("Heading 1", []) == md["sets"] or fail("set headings", by_style.get("Heading 1"), md["sets"])
        ok &= by_style.get("Heading 2", []) == md["vragen"] or fail("vraag headings", by_style.get("Heading 2"), md["vragen"])
    ok &= by_style.get("Quote", []) == md["quotes"] or fail("quoted passages", by_style.get("Quote"), md["quotes"])
    normal = by_style.get("Normal", [])
    notes = [t[len("Notitie: "):] for t in normal if t.startswith("Notitie: ")]
    ok &= notes == md["notes"] or fail("notes", notes, md["notes"])
    labels = [t for t in normal if REF_LABEL.match(t)]
    ok &= labels == md["labels"] or fail("reference labels", labels, md["labels"])
    ok &= bool(labels) == refs or fail("references carried", bool(labels), refs)

    z = zipfile.ZipFile(path)
    notes_xml = ET.fromstring(z.read("word/footnotes.xml"))
    footnotes = {}
    for fn in notes_xml.findall(W + "footnote"):
        if fn.get(W + "type") in ("separator", "continuationSeparator"):
            continue
        footnotes[fn.get(W + "id")] = "".join(t.text or "" for t in fn.iter(W + "t")).strip()
    body = ET.fromstring(z.read("word/document.xml"))
    order = [r.get(W + "id") for r in body.iter(W + "footnoteReference")]
    cited = [footnotes.get(i) for i in order]
    ok &= cited == md["citations"] or fail("citations in footnotes", cited, md["citations"])
    ok &= len(set(order)) == len(order) == len(footnotes) or fail("one reference per footnote", order, list(footnotes))
    # Each footnote's reference stands in a quoted passage: the citation follows what it cites.
    for p in body.iter(W + "p"):
        if p.find(".//" + W + "footnoteReference") is not None:
            style = p.find(W + "pPr/" + W + "pStyle")
            ok &= (style is not None and style.get(W + "val") == "Quote") or fail("footnote after a quote", None, "Quote")
    return ok


def footnotes_in_order(path):
    z = zipfile.ZipFile(path)
    notes_xml = ET.fromstring(z.read("word/footnotes.xml"))
    footnotes = {fn.get(W + "id"): "".join(t.text or "" for t in fn.iter(W + "t")).strip()
                 for fn in notes_xml.findall(W + "footnote")}
    body = ET.fromstring(z.read("word/document.xml"))
    return [footnotes.get(r.get(W + "id")) for r in body.iter(W + "footnoteReference")]


def check_docx_table(path, md, codes):
    import docx
    ok = True
    d = docx.Document(path)
    heads = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    ok &= heads == md["vragen"] or fail("vraag headings", heads, md["vragen"])
    ok &= len(d.tables) == 1 or fail("one table", len(d.tables), 1)
    if not ok:
        return ok
    t = d.tables[0]
    ok &= len(t.rows) == 2 and len(t.columns) == len(codes) or fail("rows x columns", (len(t.rows), len(t.columns)), (2, len(codes)))
    header = [c.text for c in t.rows[0].cells]
    ok &= all(h.endswith("(%s)" % c) for h, c in zip(header, codes)) or fail("a column per ministry", header, codes)
    cells = [[p.text for p in c.paragraphs if p.style.name == "Quote"] for c in t.rows[1].cells]
    ok &= sum(cells, []) == md["quotes"] or fail("the answers in their columns", cells, md["quotes"])
    ok &= all(cells) or fail("no empty column", cells, "passages")
    cited = footnotes_in_order(path)
    ok &= cited == md["citations"] or fail("citations in footnotes", cited, md["citations"])
    return ok


def check_xlsx(path, md, refs):
    import openpyxl
    ok = True
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header = [c.value for c in ws[1]]
    want = ["Set", "Vraag", "Ministerie", "Ondertekenaar", "Ingezonden", "Ontvangen",
            "Aanhangsel", "Passage", "Bronvermelding", "Notitie", "Verwijzing"]
    ok &= header == want or fail("header row", header, want)
    ok &= ws.freeze_panes == "A2" or fail("frozen header row", ws.freeze_panes, "A2")
    ok &= all(c.font.b for c in ws[1]) or fail("bold header", None, True)
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    ok &= widths.get("H", 0) >= 60 and widths.get("B", 99) <= 10 or fail("column widths", widths, "H wide, B narrow")
    rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    texts = [r["Passage"] for r in rows]
    # Every passage of the export once, referred answers apart, in the Markdown's order.
    quoted = [q for q in md["quotes"] if q in texts]
    ok &= texts == quoted or fail("passages, one row each", texts, quoted)
    cites = [r["Bronvermelding"] for r in rows]
    ok &= all(c in md["citations"] for c in cites) or fail("citations as in Markdown", cites, md["citations"])
    sets = sorted(set(r["Set"] for r in rows))
    want_sets = sorted(md["sets"] or md["title"])
    ok &= sets == want_sets or fail("set column", sets, want_sets)
    for r in rows:
        ok &= r["Ministerie"] in ("AZ", "BZK", "DEF") or fail("ministry", r["Ministerie"], "a code")
        signers = (r["Ondertekenaar"] or "").split("; ")
        ok &= all(s and s in r["Bronvermelding"] for s in signers) or fail("signatories as written", signers, r["Bronvermelding"])
        ok &= hasattr(r["Ontvangen"], "year") or fail("received is a date", r["Ontvangen"], "a date")
        ok &= isinstance(r["Vraag"], int) or fail("vraag is a number", r["Vraag"], "int")
        a = r["Aanhangsel"]
        ok &= a is None or (isinstance(a, int) and ("nr. %d." % a) in r["Bronvermelding"]) or fail("Aanhangsel", a, r["Bronvermelding"])
    notes = [r["Notitie"] for r in rows if r["Notitie"]]
    ok &= notes == md["notes"] or fail("notes", notes, md["notes"])
    carried = [r["Verwijzing"] for r in rows if r["Verwijzing"]]
    ok &= bool(carried) == refs or fail("references carried", carried, refs)
    for c in carried:
        ok &= any(c.startswith(l) for l in md["labels"]) or fail("reference label", c, md["labels"])
        ok &= any(m in c for m in md["citations"]) or fail("reference citation", c, md["citations"])
    return ok


def main():
    kind, path, md_path = sys.argv[1:4]
    refs = "--no-refs" not in sys.argv[4:]
    md = markdown(md_path)
    if kind == "docx-table":
        ok = check_docx_table(path, md, sys.argv[4:])
    elif kind == "docx":
        ok = check_docx(path, md, refs)
    else:
        ok = check_xlsx(path, md, refs)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
