#!/usr/bin/env python3
"""mkpdf: plain text to a small, valid PDF, for naast's tests.

    mkpdf.py [-o OUT.pdf] IN.txt [IN2.txt ...]

Writes one PDF 1.4 of A4 pages: Helvetica 10 pt with WinAnsiEncoding (so
é ë ï ü – ’ “ ” « » come out as themselves), one text line per source line,
lines longer than 90 characters wrapped at a space, a new page when a page
is full and at each form feed (\\f) in the source; each further input file
starts on a new page.  Without -o the PDF goes next to the (first) input
with .pdf for .txt.  `pdftotext -layout -enc UTF-8 OUT.pdf -` gives the
text back.

The output depends only on the text (no dates, no random ids), so a
fixture's length is the same on every run.  Standard library only: the
test server (tests/tkserver.py) imports make_pdf() to make the PDFs it
serves.
"""

import sys

PAGE_W, PAGE_H = 595, 842	# A4 in points
LEFT, TOP, BOTTOM = 60, 800, 30
SIZE, LEADING = 10, 11
WRAP = 90
LINES_PER_PAGE = (TOP - BOTTOM) // LEADING + 1


def wrap(line, width=WRAP):
    """The line cut at spaces into pieces of at most width characters
    (a longer word stands alone)."""
    out = []
    line = line.rstrip()
    while len(line) > width:
        cut = line.rfind(" ", 0, width + 1)
        if cut <= 0:
            cut = line.find(" ", width)
            if cut < 0:
                break
        out.append(line[:cut].rstrip())
        line = line[cut + 1:].lstrip()
    out.append(line)
    return out


def paginate(texts):
    """The lines of each page, from the texts in order."""
    pages = []
    for text in texts:
        page = []
        for raw in text.replace("\r\n", "\n").split("\n"):
            # A form feed ends a page; text after it starts the next one.
            parts = raw.split("\f")
            for k, part in enumerate(parts):
                if k > 0:
                    pages.append(page)
                    page = []
                if k > 0 and part == "":
                    continue
                for piece in wrap(part):
                    if len(page) == LINES_PER_PAGE:
                        pages.append(page)
                        page = []
                    page.append(piece)
        while page and page[-1] == "":
            page.pop()
        if page or not pages:
            pages.append(page)
    return [p for p in pages if p] or [[]]


def pdf_string(s):
    """s as a PDF literal string in WinAnsiEncoding (cp1252): ( ) and \\
    escaped, bytes above 126 as octal escapes so the file stays ASCII.
    A character WinAnsi lacks becomes '?'."""
    out = ["("]
    for b in s.encode("cp1252", errors="replace"):
        if b in (0x28, 0x29, 0x5C):
            out.append("\\" + chr(b))
        elif 32 <= b <= 126:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    out.append(")")
    return "".join(out)


def content_stream(lines):
    ops = ["BT", "/F1 %d Tf" % SIZE, "%d TL" % LEADING,
           "%d %d Td" % (LEFT, TOP)]
    for line in lines:
        if line.strip():
            ops.append(pdf_string(line) + " Tj")
        ops.append("T*")
    ops.append("ET")
    return ("\n".join(ops) + "\n").encode("ascii")


def make_pdf(texts, title=None):
    """The bytes of a PDF showing texts (a string or a list of strings,
    each starting on a new page)."""
    if isinstance(texts, str):
        texts = [texts]
    pages = paginate(texts)
    n = len(pages)
    # Objects: 1 catalog, 2 page tree, 3 font, 4 info, then a page and its
    # content for each page.
    objs = {}
    kids = " ".join("%d 0 R" % (5 + 2 * i) for i in range(n))
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)).encode()
    objs[3] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
               b" /Encoding /WinAnsiEncoding >>")
    info = "<< /Producer (naast tests mkpdf)"
    if title:
        info += " /Title " + pdf_string(title)
    objs[4] = (info + " >>").encode("ascii")
    for i, lines in enumerate(pages):
        page, content = 5 + 2 * i, 6 + 2 * i
        objs[page] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d]"
                      " /Resources << /Font << /F1 3 0 R >> >>"
                      " /Contents %d 0 R >>" % (PAGE_W, PAGE_H, content)
                      ).encode()
        stream = content_stream(lines)
        objs[content] = (b"<< /Length %d >>\nstream\n" % len(stream) +
                         stream + b"endstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num in range(1, len(objs) + 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objs) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return bytes(out)


def main(argv):
    out = None
    args = argv[1:]
    if len(args) >= 2 and args[0] == "-o":
        out, args = args[1], args[2:]
    if not args or any(a.startswith("-") and a != "-" for a in args):
        sys.stderr.write("usage: mkpdf.py [-o OUT.pdf] IN.txt [IN2.txt ...]\n")
        return 2
    texts = []
    for path in args:
        if path == "-":
            texts.append(sys.stdin.read())
        else:
            with open(path, encoding="utf-8") as f:
                texts.append(f.read())
    if out is None:
        if args[0] == "-":
            sys.stderr.write("mkpdf.py: -o is needed with standard input\n")
            return 2
        out = args[0][:-4] + ".pdf" if args[0].endswith(".txt") \
            else args[0] + ".pdf"
    data = make_pdf(texts)
    if out == "-":
        sys.stdout.buffer.write(data)
    else:
        with open(out, "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
