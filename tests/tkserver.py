#!/usr/bin/env python3
"""tkserver: a local stand-in for the Tweede Kamer's open data API, for tests.

naast fetch and naast sync talk to the gegevensmagazijn, the Tweede Kamer's
OData v4 service (../shared/FORMATS.md section 5).  No machine that builds
naast can reach it, so the tests start this server instead: it serves the
fixtures of tests/opendata/ in the shape FORMATS.md section 5 documents,
and fails on request so the tests can see what naast does then.

    tkserver.py [--fixtures DIR] [--pdf-dir DIR] [--port N]

It listens on 127.0.0.1 (a free port unless --port), prints one line
"PORT <n>" once it listens, and runs until SIGTERM or SIGINT.  Python 3
standard library only.

What it serves, under /OData/v4/2.0/ (JSON, odata.metadata=minimal):
  Zaak, Document, ZaakActor             collections: $filter, $expand,
                                        $select, $orderby, $top, $skip,
                                        $count
  Zaak(<guid>), Document(<guid>)        one entity
  Document(<guid>)/resource             the file (PDF), Range: bytes=N-
A page holds at most 250 entities and never more than $top; when more
remain, "@odata.nextLink" is an absolute URL with the same query and
$skip (section 5: "A page holds at most 250 entities.  Follow
@odata.nextLink").  So $top here caps a page, as the client's query of
FORMATS.md section 5 expects, and does not end the paging.  Deleted
documents (Verwijderd) are left out of every expansion.

$filter takes: and, or, not, parentheses, eq ne gt ge lt le, 'strings'
('' for a quote), unquoted DateTimeOffset literals (Z or +hh:mm, compared
as instants), GUIDs, integers, true, false, null.  Anything else (a
function such as year(), a lambda, an unknown property, a type mismatch
such as a quoted date) is answered with 400 and an OData error, so a
client's mistake shows instead of passing unnoticed.

Test control (never logged, never faulted):
  /_control?fault=K&times=N&match=S  the next N requests (default 1) whose
      decoded path and query contain S (default: any) get fault K instead:
      500, 503 (HTML body), 429 (Retry-After: 1), timeout (no answer for 60
      s or until the server stops), reset (connection reset, no answer),
      truncate (the full Content-Length, half the body, then close),
      html200 (200 with an HTML "Pagina niet gevonden" page), badjson (200
      JSON cut in the middle of an object)
  /_control?publish=KEY  a pending fixture document becomes visible, with
      GewijzigdOp and ApiGewijzigdOp now (UTC, 7 decimals); again: a new stamp
  /_control?reset=1      no faults, pending documents hidden, log emptied
  /_log                  JSON list of the requests served since the start
      or reset: method, path, query (decoded), range, agent (the
      User-Agent), status (null when no
      answer was sent), fault

Fixtures (tests/opendata/README): zaken.json, documents.json (a document's
file is "pdf", relative to the fixtures directory, served as it is, or
"source", a text file made into a PDF by mkpdf.py at start), bulk.json
(filler sets generated from a few numbers).  The PDFs made at start go to
--pdf-dir (default: a temporary directory removed at exit).
"""

import argparse
import calendar
import datetime
import json
import os
import re
import shutil
import signal
import socket
import struct
import sys
import tempfile
import threading
import traceback
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True	# no __pycache__ in the source tree
import mkpdf  # noqa: E402  (next to this file)

BASE = "/OData/v4/2.0/"
PAGE_MAX = 250
ORGANISATIE = "Tweede Kamer der Staten-Generaal"

# ------------------------------------------------------------------ schema

# The properties of each entity type, in the order the API writes them
# (FORMATS.md section 5), with the type $filter and $orderby compare them
# as: s string, d DateTimeOffset, i integer, b boolean, g GUID.
SCHEMA = {
    "Zaak": [
        ("Id", "g"), ("Nummer", "s"), ("Soort", "s"), ("Titel", "s"),
        ("Onderwerp", "s"), ("GestartOp", "d"), ("Afgedaan", "b"),
        ("Organisatie", "s"), ("Alias", "s"), ("GewijzigdOp", "d"),
        ("ApiGewijzigdOp", "d"), ("Verwijderd", "b")],
    "ZaakActor": [
        ("Id", "g"), ("Zaak_Id", "g"), ("ActorNaam", "s"),
        ("ActorFractie", "s"), ("ActorAfkorting", "s"), ("Functie", "s"),
        ("Relatie", "s"), ("Verwijderd", "b")],
    "Document": [
        ("Id", "g"), ("Soort", "s"), ("DocumentNummer", "s"), ("Titel", "s"),
        ("Onderwerp", "s"), ("Datum", "d"), ("Vergaderjaar", "s"),
        ("Kamer", "i"), ("Volgnummer", "i"), ("Citeertitel", "s"),
        ("Alias", "s"), ("DatumRegistratie", "d"), ("DatumOntvangst", "d"),
        ("Aanhangselnummer", "s"), ("KenmerkAfzender", "s"),
        ("Organisatie", "s"), ("ContentType", "s"), ("ContentLength", "i"),
        ("HuidigeDocumentVersie_Id", "g"), ("GewijzigdOp", "d"),
        ("ApiGewijzigdOp", "d"), ("Verwijderd", "b")],
}
TYPES = {e: dict(props) for e, props in SCHEMA.items()}
# Navigation properties: entity type -> {name: target type}.
NAV = {"Zaak": {"ZaakActor": "ZaakActor", "Document": "Document"},
       "Document": {"Zaak": "Zaak"}, "ZaakActor": {}}


class ODataError(Exception):
    """A request the server refuses: HTTP status, OData code, message."""

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def bad(message):
    return ODataError(400, "BadRequest", message)


# --------------------------------------------------------------- datetimes

DT_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})"
                   r"(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})$")


def ticks(text):
    """A DateTimeOffset as 100 ns ticks since 1970 UTC, to compare instants
    written in different offsets (section 5's stamps come as Z, +01:00 and
    +02:00)."""
    m = DT_RE.match(text)
    if not m:
        raise bad("not a DateTimeOffset: %s" % text)
    y, mo, d, h, mi = (int(m.group(k)) for k in range(1, 6))
    s = int(m.group(6) or 0)
    frac = int((m.group(7) or "").ljust(7, "0"))
    tz = m.group(8)
    off = 0 if tz == "Z" else \
        (1 if tz[0] == "+" else -1) * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    try:
        secs = calendar.timegm((y, mo, d, h, mi, s)) - off
        datetime.datetime(y, mo, d, h, mi, s)	# range check
    except ValueError:
        raise bad("not a valid date and time: %s" % text)
    return secs * 10_000_000 + frac


def now_stamp():
    """Now in UTC with seven decimals, as the API writes ApiGewijzigdOp."""
    t = datetime.datetime.now(datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%07dZ" % (t.microsecond * 10)


# ------------------------------------------------------------------ filter

TOKEN = re.compile(r"""\s*(?:
    (?P<str>'(?:[^']|'')*')
  | (?P<dt>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?
           (?:Z|[+-]\d{2}:\d{2}))
  | (?P<guid>[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})
  | (?P<num>-?\d+(?![\w.:-]))
  | (?P<paren>[()])
  | (?P<word>[A-Za-z_][\w/]*)
  )""", re.X)
OPS = ("eq", "ne", "gt", "ge", "lt", "le")


def tokenize(text):
    out, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise bad("$filter: cannot read from: %s" % text[pos:pos + 30])
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


class Filter:
    """A parsed $filter on one entity type; match(entity) evaluates it.

    expr  := and ('or' and)*
    and   := unary ('and' unary)*
    unary := 'not' unary | '(' expr ')' | Property op literal
    """

    def __init__(self, text, etype):
        self.etype = etype
        self.toks = tokenize(text)
        self.i = 0
        self.tree = self.expr()
        if self.i != len(self.toks):
            raise bad("$filter: unexpected '%s'" % self.toks[self.i][1])

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self):
        t = self.peek()
        if t[0] is None:
            raise bad("$filter: ends too early")
        self.i += 1
        return t

    def expr(self):
        node = self.conj()
        while self.peek() == ("word", "or"):
            self.take()
            node = ("or", node, self.conj())
        return node

    def conj(self):
        node = self.unary()
        while self.peek() == ("word", "and"):
            self.take()
            node = ("and", node, self.unary())
        return node

    def unary(self):
        kind, val = self.take()
        if (kind, val) == ("word", "not"):
            return ("not", self.unary())
        if (kind, val) == ("paren", "("):
            node = self.expr()
            if self.take() != ("paren", ")"):
                raise bad("$filter: ')' expected")
            return node
        if kind != "word":
            raise bad("$filter: a property expected, not '%s'" % val)
        if self.peek() == ("paren", "("):
            raise bad("$filter: function %s() is not supported" % val)
        ptype = TYPES[self.etype].get(val)
        if ptype is None:
            raise bad("Could not find a property named '%s' on type '%s'."
                      % (val, self.etype))
        op = self.take()
        if op[0] != "word" or op[1] not in OPS:
            raise bad("$filter: an operator (%s) expected after %s"
                      % (" ".join(OPS), val))
        return ("cmp", op[1], val, self.literal(ptype, val))

    def literal(self, ptype, prop):
        kind, val = self.take()
        if kind == "word" and val == "null":
            return None
        want = {"s": "str", "d": "dt", "g": "guid", "i": "num", "b": "word"}
        if kind != want[ptype] or \
                (ptype == "b" and val not in ("true", "false")):
            raise bad("$filter: %s cannot be compared with %s"
                      % (prop, val))
        if ptype == "s":
            return val[1:-1].replace("''", "'")
        if ptype == "d":
            return ticks(val)
        if ptype == "g":
            return val.lower()
        if ptype == "i":
            return int(val)
        return val == "true"

    def match(self, ent):
        return self.eval(self.tree, ent)

    def eval(self, node, ent):
        if node[0] == "or":
            return self.eval(node[1], ent) or self.eval(node[2], ent)
        if node[0] == "and":
            return self.eval(node[1], ent) and self.eval(node[2], ent)
        if node[0] == "not":
            return not self.eval(node[1], ent)
        _, op, prop, lit = node
        val = sort_value(self.etype, prop, ent.get(prop))
        if lit is None or val is None:
            # null equals only null; an order with null is false (OData)
            same = lit is None and val is None
            return same if op == "eq" else (not same if op == "ne" else False)
        return {"eq": val == lit, "ne": val != lit, "gt": val > lit,
                "ge": val >= lit, "lt": val < lit, "le": val <= lit}[op]


def sort_value(etype, prop, val):
    """A property's value as $filter and $orderby compare it."""
    if val is None:
        return None
    t = TYPES[etype][prop]
    if t == "d":
        return ticks(val)
    if t == "g":
        return val.lower()
    return val


# ----------------------------------------------------------- query options

def split_top(text, sep):
    """text split at sep outside parentheses and quotes."""
    parts, depth, quote, cur = [], 0, False, []
    for ch in text:
        if ch == "'":
            quote = not quote
        elif not quote and ch == "(":
            depth += 1
        elif not quote and ch == ")":
            depth -= 1
        if ch == sep and depth == 0 and not quote:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if depth != 0 or quote:
        raise bad("unbalanced parentheses or quotes in: %s" % text)
    parts.append("".join(cur))
    return parts


def parse_expand(text, etype):
    """$expand=A,B($expand=C;$filter=...) -> {nav: options dict}."""
    out = {}
    for item in split_top(text, ","):
        item = item.strip()
        m = re.match(r"^(\w+)(?:\((.*)\))?$", item, re.S)
        if not m:
            raise bad("$expand: cannot read '%s'" % item)
        name, inner = m.group(1), m.group(2)
        if name not in NAV[etype]:
            raise bad("Could not find a navigation property named '%s' on "
                      "type '%s'." % (name, etype))
        opts = {}
        for o in split_top(inner, ";") if inner else []:
            k, _, v = o.strip().partition("=")
            if k not in ("$expand", "$filter", "$select"):
                raise bad("$expand: option %s inside %s is not supported"
                          % (k, name))
            opts[k] = v
        out[name] = options(opts, NAV[etype][name])
    return out


def options(params, etype):
    """The parsed query options that shape entities of etype."""
    o = {"filter": None, "expand": {}, "select": None}
    if params.get("$filter"):
        o["filter"] = Filter(params["$filter"], etype)
    if params.get("$expand"):
        o["expand"] = parse_expand(params["$expand"], etype)
    if params.get("$select"):
        sel = [s.strip() for s in params["$select"].split(",")]
        for s in sel:
            if s not in TYPES[etype]:
                raise bad("$select: no property '%s' on type '%s'"
                          % (s, etype))
        o["select"] = sel
    return o


def nonneg(params, name):
    if name not in params:
        return None
    try:
        n = int(params[name])
    except ValueError:
        n = -1
    if n < 0:
        raise bad("%s must be a whole number >= 0" % name)
    return n


# ------------------------------------------------------------------- data

def guid_pattern(prefix, i):
    return "%s-0000-4000-8000-%012d" % (prefix, i)


# The filler sets of bulk.json: who asks, who is asked, and their texts in
# the layout of the constructed fixtures (tests/opendata/text/).
BULK_MEMBERS = [("P. Jansen", "Jansen", "SP"),
                ("M. de Vries", "De Vries", "VVD"),
                ("A. Bakker", "Bakker", "CDA"),
                ("L. Visser", "Visser", "D66")]
BULK_MINISTERS = [("minister van Financiën", "Heinen"),
                  ("minister van Infrastructuur en Waterstaat", "Madlener"),
                  ("minister van Sociale Zaken en Werkgelegenheid",
                   "Van Hijum")]
BULK_QUESTIONS = ("Vraag 1\nKent u het bericht over %s?\n\n"
                  "Vraag 2\nWat is uw reactie?\n")
BULK_ANSWERS = ("Vraag 1\nKent u het bericht over %s?\n\nAntwoord 1\nJa.\n\n"
                "Vraag 2\nWat is uw reactie?\n\n"
                "Antwoord 2\nZie het antwoord op vraag 1.\n")


def bulk_text(soort, nr, asked, functie, wie, subject):
    """The text of a filler document of soort."""
    head = "%s (ingezonden 12 augustus 2024).\n" % asked.replace(
        " aan de minister", " aan de Minister")
    if soort == "Schriftelijke vragen":
        return ("Tweede Kamer der Staten-Generaal\nVergaderjaar 2023–2024\n\n"
                + head + "\n" + BULK_QUESTIONS % subject)
    dep = functie.split(" van ", 1)[1]
    text = ("Tweede Kamer der Staten-Generaal\nVergaderjaar 2023–2024   "
            "Aanhangsel van de Handelingen\n\n%d\n\n" % nr + head)
    if soort.startswith("Mededeling"):
        return text + (
            "Mededeling van Minister %s (%s) (ontvangen 2 september 2024)."
            "\n\nDe vragen kunnen niet binnen de gebruikelijke termijn van "
            "drie weken worden beantwoord.\n" % (wie, dep))
    return text + ("Antwoord van Minister %s (%s) (ontvangen 2 september "
                   "2024).\n\n" % (wie, dep) + BULK_ANSWERS % subject)


class Data:
    """The fixtures, the files served and the state the tests control."""

    def __init__(self, fixtures, pdf_dir):
        self.lock = threading.Lock()
        self.zaken = {}		# Id -> Zaak properties and "actors"
        self.by_nummer = {}	# Nummer -> Id
        self.docs = {}		# Id -> Document properties, "zaken", "file"
        self.pending = {}	# key -> [Document Id]
        self.visible = set()	# pending keys published
        self.faults = []
        self.log = []
        with open(os.path.join(fixtures, "zaken.json"), encoding="utf-8") as f:
            for z in json.load(f):
                self.add_zaak(z)
        with open(os.path.join(fixtures, "documents.json"),
                  encoding="utf-8") as f:
            for d in json.load(f):
                self.add_doc(d, fixtures, pdf_dir)
        bulk = os.path.join(fixtures, "bulk.json")
        if os.path.exists(bulk):
            with open(bulk, encoding="utf-8") as f:
                self.add_bulk(json.load(f), pdf_dir)

    def add_zaak(self, z):
        zid = z["Id"]
        ent = {"Id": zid, "Nummer": z["Nummer"],
               "Soort": z.get("Soort", "Schriftelijke vragen"),
               "Titel": z.get("Titel"), "Onderwerp": z.get("Onderwerp"),
               "GestartOp": z.get("GestartOp"),
               "Afgedaan": z.get("Afgedaan", False),
               "Organisatie": z.get("Organisatie", ORGANISATIE),
               "Alias": z.get("Alias"), "GewijzigdOp": z.get("GewijzigdOp"),
               "ApiGewijzigdOp": z.get("ApiGewijzigdOp"),
               "Verwijderd": z.get("Verwijderd", False)}
        actors = []
        for a in z.get("ZaakActor", []):
            actors.append({"Id": a["Id"], "Zaak_Id": zid,
                           "ActorNaam": a.get("ActorNaam"),
                           "ActorFractie": a.get("ActorFractie"),
                           "ActorAfkorting": a.get("ActorAfkorting"),
                           "Functie": a.get("Functie"),
                           "Relatie": a["Relatie"], "Verwijderd": False})
        self.zaken[zid] = {"ent": ent, "actors": actors, "docs": []}
        self.by_nummer[z["Nummer"]] = zid

    def add_doc(self, d, fixtures, pdf_dir, text=None):
        did = d["Id"]
        path = None
        if d.get("pdf"):
            path = os.path.normpath(os.path.join(fixtures, d["pdf"]))
        elif d.get("source") or text is not None:
            if text is None:
                with open(os.path.join(fixtures, d["source"]),
                          encoding="utf-8") as f:
                    text = f.read()
            path = os.path.join(pdf_dir, did + ".pdf")
            with open(path, "wb") as f:
                f.write(mkpdf.make_pdf(text))
        ent = {"Id": did, "Soort": d["Soort"],
               "DocumentNummer": d.get("DocumentNummer"),
               "Titel": d.get("Titel"), "Onderwerp": d.get("Onderwerp"),
               "Datum": d.get("Datum"),
               "Vergaderjaar": d.get("Vergaderjaar", "2023-2024"),
               "Kamer": d.get("Kamer", 2),
               "Volgnummer": d.get("Volgnummer", -1),
               "Citeertitel": d.get("Citeertitel"), "Alias": d.get("Alias"),
               "DatumRegistratie": d.get("DatumRegistratie"),
               "DatumOntvangst": d.get("DatumOntvangst"),
               "Aanhangselnummer": d.get("Aanhangselnummer"),
               "KenmerkAfzender": d.get("KenmerkAfzender"),
               "Organisatie": d.get("Organisatie", ORGANISATIE),
               "ContentType": "application/pdf" if path else None,
               "ContentLength": os.path.getsize(path) if path else None,
               "HuidigeDocumentVersie_Id": d.get("HuidigeDocumentVersie_Id"),
               "GewijzigdOp": d.get("GewijzigdOp"),
               "ApiGewijzigdOp": d.get("ApiGewijzigdOp"),
               "Verwijderd": d.get("Verwijderd", False)}
        zids = [self.by_nummer[n] for n in d.get("Zaak", [])]
        self.docs[did] = {"ent": ent, "zaken": zids, "file": path,
                          "pending": d.get("pending"),
                          "stamps": (ent["GewijzigdOp"],
                                     ent["ApiGewijzigdOp"])}
        for zid in zids:
            self.zaken[zid]["docs"].append(did)
        if d.get("pending"):
            self.pending.setdefault(d["pending"], []).append(did)

    def add_bulk(self, b, pdf_dir):
        """The filler sets of bulk.json (see its _comment)."""
        start = ticks(b["first_stamp"]) // 10_000_000
        for i in range(b["count"]):
            naam, lid, partij = BULK_MEMBERS[i % len(BULK_MEMBERS)]
            functie, wie = BULK_MINISTERS[i % len(BULK_MINISTERS)]
            nummer = "2024Z%05d" % (b["first_zaak"] + i)
            subject = "proefonderwerp %d van de open data" % (i + 1)
            utc = datetime.datetime.fromtimestamp(
                start + (i // b["group"]) * b["step_seconds"],
                datetime.timezone.utc)
            cest = utc + datetime.timedelta(hours=2)
            api = utc.strftime("%Y-%m-%dT%H:%M:%S.0000000Z")
            local = cest.strftime("%Y-%m-%dT%H:%M:%S.000+02:00")
            day = cest.strftime("%Y-%m-%dT00:00:00+02:00")
            asked = "Vragen van het lid %s (%s) aan de %s over %s" % (
                lid, partij, functie, subject)
            self.add_zaak({
                "Id": guid_pattern("a0000000", i), "Nummer": nummer,
                "Titel": subject, "Onderwerp": asked, "GestartOp": day,
                "Afgedaan": True, "GewijzigdOp": local, "ApiGewijzigdOp": api,
                "ZaakActor": [
                    {"Id": guid_pattern("d0000000", i), "Relatie": "Indiener",
                     "ActorNaam": naam, "ActorFractie": partij,
                     "Functie": "Tweede Kamerlid"},
                    {"Id": guid_pattern("e0000000", i),
                     "Relatie": "Gericht aan", "ActorNaam": wie,
                     "Functie": functie}]})
            soort = ("Antwoord schriftelijke vragen (nader)" if i % 50 == 49
                     else "Mededeling (uitstel antwoord)" if i % 25 == 24
                     else "Schriftelijke vragen" if i % 10 == 9
                     else "Antwoord schriftelijke vragen")
            nr = b["first_aanhangsel"] + i
            questions = soort == "Schriftelijke vragen"
            self.add_doc({
                "Id": guid_pattern("b0000000", i), "Zaak": [nummer],
                "Soort": soort,
                "DocumentNummer": "2024D%05d" % (b["first_document"] + i),
                "Onderwerp": asked if questions else
                "Antwoord op vragen van het lid %s over %s" % (lid, subject),
                "Datum": day, "DatumRegistratie": local[:19] + "+02:00",
                "DatumOntvangst": day,
                "Aanhangselnummer": None if questions else "2324%05d" % nr,
                "HuidigeDocumentVersie_Id": guid_pattern("c0000000", i),
                "GewijzigdOp": local, "ApiGewijzigdOp": api}, None, pdf_dir,
                text=bulk_text(soort, nr, asked, functie, wie, subject))

    # What a query sees.  Callers hold self.lock.

    def doc_visible(self, did):
        d = self.docs[did]
        return not d["pending"] or d["pending"] in self.visible

    def entities(self, etype):
        if etype == "Zaak":
            return [z["ent"] for z in self.zaken.values()]
        if etype == "ZaakActor":
            return [a for z in self.zaken.values() for a in z["actors"]]
        return [d["ent"] for did, d in self.docs.items()
                if self.doc_visible(did)]

    def related(self, etype, ent, nav):
        """The entities nav of ent leads to; deleted documents left out."""
        if etype == "Zaak" and nav == "ZaakActor":
            return self.zaken[ent["Id"]]["actors"]
        if etype == "Zaak" and nav == "Document":
            return [self.docs[d]["ent"] for d in self.zaken[ent["Id"]]["docs"]
                    if self.doc_visible(d) and
                    not self.docs[d]["ent"]["Verwijderd"]]
        if etype == "Document" and nav == "Zaak":
            return [self.zaken[z]["ent"]
                    for z in self.docs[ent["Id"]]["zaken"]]
        return []

    def shape(self, etype, ent, opts):
        """ent as JSON: its properties ($select) and expansions."""
        props = opts["select"] or [p for p, _ in SCHEMA[etype]]
        out = {p: ent[p] for p in props}
        for nav, sub in opts["expand"].items():
            target = NAV[etype][nav]
            items = sorted(self.related(etype, ent, nav),
                           key=lambda e: e["Id"])
            if sub["filter"]:
                items = [e for e in items if sub["filter"].match(e)]
            out[nav] = [self.shape(target, e, sub) for e in items]
        return out

    def publish(self, key):
        if key not in self.pending:
            return False
        self.visible.add(key)
        stamp = now_stamp()
        for did in self.pending[key]:
            self.docs[did]["ent"]["GewijzigdOp"] = stamp
            self.docs[did]["ent"]["ApiGewijzigdOp"] = stamp
        return True

    def reset(self):
        self.faults.clear()
        self.log.clear()
        self.visible.clear()
        for d in self.docs.values():
            d["ent"]["GewijzigdOp"], d["ent"]["ApiGewijzigdOp"] = d["stamps"]


# ------------------------------------------------------------------ server

class Response:
    def __init__(self, status, ctype, body, headers=()):
        self.status, self.ctype, self.body = status, ctype, body
        self.headers = list(headers)


JSON = "application/json; odata.metadata=minimal"
HTML = "text/html; charset=utf-8"


def json_response(obj, status=200):
    return Response(status, JSON, json.dumps(obj, ensure_ascii=False)
                    .encode("utf-8"), [("OData-Version", "4.0")])


def error_response(status, code, message):
    return json_response({"error": {"code": code, "message": message}}, status)


HTML_503 = (b"<!DOCTYPE html>\n<html><head><title>503 Service Unavailable"
            b"</title></head>\n<body><h1>Service Unavailable</h1>\n<p>De "
            b"service is tijdelijk niet beschikbaar.</p></body></html>\n")
HTML_404 = ("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
            "<title>Pagina niet gevonden</title></head>\n<body><h1>Pagina niet "
            "gevonden</h1>\n<p>De pagina die u zoekt bestaat niet (meer) of is "
            "verplaatst.</p></body></html>\n").encode("utf-8")
FAULTS = ("500", "503", "429", "timeout", "reset", "truncate", "html200",
          "badjson")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"	# keep-alive, as a client will use it
    server_version = "tkserver"
    data = None			# set by main
    stopping = None		# threading.Event, set at SIGTERM/SIGINT

    def log_message(self, fmt, *args):
        pass			# the tests read /_log, not stderr

    def do_GET(self):
        self.serve(head=False)

    def do_HEAD(self):
        self.serve(head=True)

    def do_POST(self):
        self.close_connection = True
        self.send(error_response(405, "MethodNotAllowed",
                                 "this service is read-only"), False)

    do_PUT = do_PATCH = do_DELETE = do_POST

    def serve(self, head):
        raw_path, _, raw_query = self.path.partition("?")
        path = urllib.parse.unquote(raw_path)
        if path == "/_control":
            return self.send(self.control(raw_query), head)
        if path == "/_log":
            with self.data.lock:
                return self.send(json_response(list(self.data.log)), head)
        entry = {"method": self.command, "path": path,
                 "query": urllib.parse.unquote_plus(raw_query),
                 "range": self.headers.get("Range"),
                 "agent": self.headers.get("User-Agent"), "status": None,
                 "fault": None}
        fault = self.take_fault(urllib.parse.unquote_plus(self.path))
        try:
            resp = self.route(path, raw_query) if fault not in (
                "timeout", "reset") else None
        except ODataError as e:
            resp = error_response(e.status, e.code, e.message)
        except Exception:	# one bad request never stops the server
            traceback.print_exc()
            resp = error_response(500, "InternalServerError",
                                  "tkserver: unexpected error")
        # Logged before the answer goes out, so that a test that reads
        # /_log right after its request finds it there.
        entry["fault"] = fault
        entry["status"] = (None if fault in ("timeout", "reset") else
                           200 if fault in ("html200", "badjson") else
                           int(fault) if fault in ("500", "503", "429") else
                           resp.status)
        with self.data.lock:
            self.data.log.append(entry)
        self.answer(resp, fault, head)

    def take_fault(self, target):
        with self.data.lock:
            for f in self.data.faults:
                if f["times"] > 0 and f["match"] in target:
                    f["times"] -= 1
                    return f["kind"]
        return None

    def answer(self, resp, fault, head):
        """Send resp, or the fault instead."""
        if fault is None:
            self.send(resp, head)
        elif fault == "500":
            self.send(error_response(500, "InternalServerError",
                                     "An error has occurred."), head)
        elif fault == "503":
            self.send(Response(503, HTML, HTML_503), head)
        elif fault == "429":
            r = error_response(429, "TooManyRequests", "Too many requests")
            r.headers.append(("Retry-After", "1"))
            self.send(r, head)
        elif fault == "html200":
            self.send(Response(200, HTML, HTML_404), head)
        elif fault == "badjson":
            body = resp.body if resp.ctype == JSON else \
                b'{"@odata.context":"x","value":[{"Id":"y","Soort":"z"}]}'
            cut = body[:max(1, len(body) // 2)]
            if b"{" not in cut:
                cut = b'{"value":[{"Id":'
            self.send(Response(200, JSON, cut), head)
        elif fault == "truncate":
            self.send(resp, head, truncate=True)
        elif fault == "timeout":
            self.close_connection = True
            self.stopping.wait(60)
        elif fault == "reset":
            self.close_connection = True
            # SO_LINGER 0: closing sends RST, not FIN; close it here, before
            # socketserver's shutdown(SHUT_WR) would send a FIN first.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.rfile.close()
            self.connection.close()

    def send(self, resp, head, truncate=False):
        self.send_response(resp.status)	# adds Date and Server
        self.send_header("Content-Type", resp.ctype)
        self.send_header("Content-Length", str(len(resp.body)))
        for k, v in resp.headers:
            self.send_header(k, v)
        if truncate:
            self.send_header("Connection", "close")
        self.end_headers()
        if head:
            return
        if truncate:
            self.wfile.write(resp.body[:len(resp.body) // 2])
            self.wfile.flush()
            self.close_connection = True
        else:
            self.wfile.write(resp.body)

    # ---------------------------------------------------------- control

    def control(self, raw_query):
        q = dict(urllib.parse.parse_qsl(raw_query, keep_blank_values=True))
        text = "ok\n"
        status = 200
        with self.data.lock:
            if q.get("reset"):
                self.data.reset()
            if "fault" in q:
                try:
                    times = int(q.get("times", "1"))
                except ValueError:
                    times = -1
                if q["fault"] not in FAULTS or times < 0:
                    status, text = 400, "unknown fault or bad times\n"
                else:
                    self.data.faults.append({"kind": q["fault"],
                                             "times": times,
                                             "match": q.get("match", "")})
            if "publish" in q and not self.data.publish(q["publish"]):
                status, text = 400, "no pending document '%s'\n" % q["publish"]
        return Response(status, "text/plain; charset=utf-8",
                        text.encode("utf-8"))

    # ------------------------------------------------------------ OData

    def route(self, path, raw_query):
        if not path.startswith(BASE):
            raise ODataError(404, "NotFound", "no resource at %s" % path)
        rest = path[len(BASE):]
        params = {}
        for k, v in urllib.parse.parse_qsl(raw_query, keep_blank_values=True):
            if k in params:
                raise bad("query option %s given twice" % k)
            params[k] = v
        for k in params:
            if k.startswith("$") and k not in (
                    "$filter", "$expand", "$select", "$orderby", "$top",
                    "$skip", "$count", "$format"):
                raise bad("query option %s is not supported" % k)
        if params.get("$format", "json") != "json":
            raise bad("only $format=json is served")
        if rest == "":
            # the service document
            return json_response({
                "@odata.context": self.base_url() + "$metadata",
                "value": [{"name": n, "kind": "EntitySet", "url": n}
                          for n in SCHEMA]})
        m = re.match(r"^(\w+)(?:\(([^)]*)\))?(/resource)?$", rest)
        if not m or m.group(1) not in SCHEMA:
            raise ODataError(404, "NotFound", "no resource at %s" % path)
        etype, key, resource = m.group(1), m.group(2), m.group(3)
        if key is None and resource:
            raise ODataError(404, "NotFound", "no resource at %s" % path)
        with self.data.lock:
            if key is not None:
                return self.entity(etype, key, resource, params)
            return self.collection(etype, params)

    def base_url(self):
        host = self.headers.get("Host") or \
            "127.0.0.1:%d" % self.server.server_address[1]
        return "http://%s%s" % (host, BASE)

    def entity(self, etype, key, resource, params):
        if not re.match(r"^[0-9a-fA-F-]{36}$", key):
            raise bad("the key of %s must be a GUID" % etype)
        key = key.lower()
        ent = next((e for e in self.data.entities(etype)
                    if e["Id"].lower() == key), None)
        if ent is None:
            raise ODataError(404, "NotFound",
                             "no %s with Id %s" % (etype, key))
        if resource:
            if etype != "Document" or not self.data.docs[ent["Id"]]["file"] \
                    or ent["Verwijderd"]:
                raise ODataError(404, "NotFound", "no file for %s" % key)
            return self.file(self.data.docs[ent["Id"]]["file"])
        opts = options(params, etype)
        out = {"@odata.context":
               self.base_url() + "$metadata#%s/$entity" % etype}
        out.update(self.data.shape(etype, ent, opts))
        return json_response(out)

    def collection(self, etype, params):
        opts = options(params, etype)
        items = self.data.entities(etype)
        if opts["filter"]:
            items = [e for e in items if opts["filter"].match(e)]
        items = sorted(items, key=lambda e: e["Id"])
        # sorted by Id, then stably by each $orderby key from the last
        keys = self.orderby(params.get("$orderby"), etype)
        for prop, desc in reversed(keys):
            # null first; a tuple so null never meets a value
            items.sort(key=lambda e: (0, 0) if e[prop] is None else
                       (1, sort_value(etype, prop, e[prop])), reverse=desc)
        top, skip = nonneg(params, "$top"), nonneg(params, "$skip") or 0
        page = PAGE_MAX if top is None else min(top, PAGE_MAX)
        chunk = items[skip:skip + page]
        out = {"@odata.context": self.base_url() + "$metadata#" + etype}
        if params.get("$count") == "true":
            out["@odata.count"] = len(items)
        out["value"] = [self.data.shape(etype, e, opts) for e in chunk]
        if skip + len(chunk) < len(items) and page > 0:
            nxt = dict(params)
            nxt["$skip"] = str(skip + len(chunk))
            out["@odata.nextLink"] = self.base_url() + etype + "?" + \
                urllib.parse.urlencode(nxt, quote_via=urllib.parse.quote,
                                       safe="$'(),")
        return json_response(out)

    @staticmethod
    def orderby(text, etype):
        keys = []
        for part in (text or "").split(","):
            if not part.strip():
                continue
            words = part.split()
            if words[0] not in TYPES[etype] or len(words) > 2 or \
                    (len(words) == 2 and words[1] not in ("asc", "desc")):
                raise bad("$orderby: cannot order %s by '%s'" % (etype, part))
            keys.append((words[0], len(words) == 2 and words[1] == "desc"))
        return keys

    def file(self, path):
        with open(path, "rb") as f:
            body = f.read()
        n = len(body)
        hdrs = [("Accept-Ranges", "bytes")]
        rng = self.headers.get("Range")
        m = re.match(r"^bytes=(\d+)-(\d*)$", rng.strip()) if rng else None
        if m:
            first = int(m.group(1))
            last = min(int(m.group(2)), n - 1) if m.group(2) else n - 1
            if first >= n or last < first:
                return Response(416, "application/pdf", b"",
                                hdrs + [("Content-Range", "bytes */%d" % n)])
            return Response(206, "application/pdf", body[first:last + 1],
                            hdrs + [("Content-Range",
                                     "bytes %d-%d/%d" % (first, last, n))])
        return Response(200, "application/pdf", body, hdrs)


class Server(ThreadingHTTPServer):
    daemon_threads = True	# a hanging "timeout" never holds up the exit
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A client that went away mid-answer is normal in fault tests.
        exc = sys.exc_info()[1]
        if not isinstance(exc, (ConnectionError, BrokenPipeError)):
            traceback.print_exc()


def main():
    ap = argparse.ArgumentParser(description="Local Tweede Kamer OData "
                                 "stand-in for naast's tests.")
    ap.add_argument("--fixtures", default=os.path.join(HERE, "opendata"))
    ap.add_argument("--pdf-dir", help="where the PDFs made at start go "
                    "(default: a temporary directory, removed at exit)")
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()

    tmp = None
    pdf_dir = args.pdf_dir
    if not pdf_dir:
        pdf_dir = tmp = tempfile.mkdtemp(prefix="tkserver.")
    os.makedirs(pdf_dir, exist_ok=True)
    stopping = threading.Event()
    try:
        Handler.data = Data(args.fixtures, pdf_dir)
        Handler.stopping = stopping
        server = Server(("127.0.0.1", args.port), Handler)
        signal.signal(signal.SIGTERM, lambda *a: stopping.set())
        signal.signal(signal.SIGINT, lambda *a: stopping.set())
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        print("PORT %d" % server.server_address[1], flush=True)
        while not stopping.wait(0.5):
            pass
        server.shutdown()
        server.server_close()
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
