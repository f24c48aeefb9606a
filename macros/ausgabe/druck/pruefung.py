"""Checks a tagged PDF's structure tree for the PDF/UA-1 and WCAG rules the print edition once broke.

Each rule is the machine check of veraPDF with the same number, read off the PDF with pikepdf alone (no Java):

- PDF/UA-1 7.18.5-1: every link annotation's StructParent leads to a `Link` structure element.
- PDF/UA-1 7.3-1: every `Figure` has `Alt` or `ActualText`.
- PDF/UA-1 7.2-17 to 7.2-20: `LI` sits in `L`, `LBody` in `LI`, `L` holds only `L`, `LI` and a first `Caption`,
  `LI` only `Lbl` and `LBody` (`NonStruct` and `Div` are transparent, as veraPDF treats them).
- WCAG 2.2, 2.4.9 (veraPDF's machine profile): a link whose text is a bare URL needs a /Contents that is not one.
- Whitespace-only `Span` elements (WCAG machine profile: redundant structure).

`pruefe(pfad)` returns every finding; an empty list means the PDF passes all of them. Landscape pages are no
finding here: the table of all measures stands on them on purpose (docs/barrierefreiheit.md says so).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pikepdf

LINK = "PDF/UA-1 7.18.5-1"
FIGUR = "PDF/UA-1 7.3-1"
LISTE = "PDF/UA-1 7.2-17"
LBODY = "PDF/UA-1 7.2-18"
LISTENKINDER = "PDF/UA-1 7.2-19"
LI_KINDER = "PDF/UA-1 7.2-20"
LINKZWECK = "WCAG 2.4.9"
LEERER_SPAN = "WCAG 1.3.1 (leerer Span)"
DURCHSICHTIG = ("NonStruct", "Div")  # grouping elements veraPDF looks through for the list rules

# What java.net.URL accepts, which is veraPDF's test whether a link text "is a link": a known scheme and a colon.
ADRESSE = re.compile(r"^\s*(?:url:)?(?:https?|ftp|file|jar|mailto):", re.IGNORECASE)


@dataclass(frozen=True)
class Befund:
    """One failed check: the rule, the page (1-based, when known) and what was found."""

    regel: str
    seite: int | None
    text: str

    def __str__(self) -> str:
        ort = f"Seite {self.seite}: " if self.seite else ""
        return f"{self.regel}: {ort}{self.text}"


def ist_adresse(text: str | None) -> bool:
    """True when veraPDF would take this text for a URL."""
    return bool(text) and bool(ADRESSE.match(text))


def pruefe(pfad: Path) -> list[Befund]:
    """Every finding of the rules above in the PDF at pfad."""
    return bericht(pfad)[0]


def bericht(pfad: Path) -> tuple[list[Befund], Counter]:
    """The findings, and how many of each checked thing the PDF has (link annotations, Figure, LI, Span …), so
    a test can tell "passed" from "nothing there to check"."""
    with pikepdf.open(pfad) as pdf:
        pruefung = _Pruefung(pdf)
        return pruefung.befunde(), pruefung.geprueft


def zaehle(befunde: list[Befund]) -> Counter:
    """Findings per rule, for a short report."""
    return Counter(b.regel for b in befunde)


def _typ(element) -> str:
    s = element.get("/S")
    return str(s)[1:] if s is not None else ""


def _kinder(element) -> list:
    k = element.get("/K")
    if k is None:
        return []
    if isinstance(k, pikepdf.Array):
        return list(k)
    return [k]


def _ist_element(obj) -> bool:
    return isinstance(obj, pikepdf.Dictionary) and "/S" in obj and obj.get("/Type") != "/MCR"


class _Pruefung:
    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.seite_von = {seite.objgen: nummer for nummer, seite in enumerate(pdf.pages, start=1)}
        self.texte = self._markierte_texte()
        self.befunde_liste: list[Befund] = []
        self.geprueft: Counter = Counter()
        self._text_cache: dict[tuple[int, int], str] = {}

    # --- text of each marked-content sequence, by (page, MCID) ---------------------------------------------------

    def _markierte_texte(self) -> dict[tuple[tuple[int, int], int], str]:
        texte: dict[tuple[tuple[int, int], int], list[str]] = {}
        for seite in self.pdf.pages:
            schriften = {}
            ressourcen = seite.obj.get("/Resources") or {}
            for name, schrift in (ressourcen.get("/Font") or {}).items():
                schriften[name] = _Zeichen(schrift)
            stapel: list[int | None] = []
            aktuelle = None
            for operanden, operator in pikepdf.parse_content_stream(seite, "BDC BMC EMC Tf Tj TJ ' \""):
                op = str(operator)
                if op == "BDC":
                    eigenschaften = operanden[1] if len(operanden) > 1 else None
                    mcid = eigenschaften.get("/MCID") if isinstance(eigenschaften, pikepdf.Dictionary) else None
                    stapel.append(int(mcid) if mcid is not None else None)
                elif op == "BMC":
                    stapel.append(None)
                elif op == "EMC":
                    if stapel:
                        stapel.pop()
                elif op == "Tf":
                    aktuelle = schriften.get(str(operanden[0]))
                else:
                    mcid = next((m for m in reversed(stapel) if m is not None), None)
                    if mcid is None or aktuelle is None:
                        continue
                    if op == "TJ":
                        stuecke = [t for t in operanden[0] if isinstance(t, pikepdf.String)]
                    else:
                        stuecke = [operanden[-1]]
                    ziel = texte.setdefault((seite.objgen, mcid), [])
                    ziel.extend(aktuelle.text(bytes(t)) for t in stuecke)
        return {schluessel: "".join(teile) for schluessel, teile in texte.items()}

    def text(self, element) -> str:
        """All text of an element and its descendants, in order."""
        schluessel = element.objgen
        if schluessel != (0, 0) and schluessel in self._text_cache:
            return self._text_cache[schluessel]
        seite = element.get("/Pg")
        teile = []
        for kind in _kinder(element):
            if isinstance(kind, int):
                if seite is not None:
                    teile.append(self.texte.get((seite.objgen, int(kind)), ""))
            elif isinstance(kind, pikepdf.Dictionary):
                if kind.get("/Type") == "/MCR":
                    pg = kind.get("/Pg", seite)
                    if pg is not None:
                        teile.append(self.texte.get((pg.objgen, int(kind.MCID)), ""))
                elif _ist_element(kind):
                    teile.append(self.text(kind))
        ergebnis = "".join(teile)
        if schluessel != (0, 0):
            self._text_cache[schluessel] = ergebnis
        return ergebnis

    # --- the rules -----------------------------------------------------------------------------------------------

    def befunde(self) -> list[Befund]:
        wurzel = self.pdf.Root.get("/StructTreeRoot")
        if wurzel is None:
            return [Befund("PDF/UA-1 7.1", None, "kein Strukturbaum (StructTreeRoot fehlt)")]
        self._baum(wurzel)
        self._links(wurzel)
        return self.befunde_liste

    def _seite(self, element) -> int | None:
        pg = element.get("/Pg")
        return self.seite_von.get(pg.objgen) if pg is not None else None

    def _melde(self, regel: str, element, text: str) -> None:
        self.befunde_liste.append(Befund(regel, self._seite(element), text))

    def _baum(self, wurzel) -> None:
        stapel = [(kind, None) for kind in _kinder(wurzel) if _ist_element(kind)]
        while stapel:
            element, eltern = stapel.pop()
            typ = _typ(element)
            self.geprueft[typ] += 1
            if typ == "Figure":
                if not str(element.get("/Alt", "")).strip() and not str(element.get("/ActualText", "")).strip():
                    self._melde(FIGUR, element, "Figure ohne Alt und ActualText")
            elif typ == "Span":
                if not self.text(element).strip() and not str(element.get("/ActualText", "")).strip():
                    self._melde(LEERER_SPAN, element, f"Span ohne Text ({self.text(element)!r})")
            elif typ == "LI":
                if self._eltern_typ(element) != "L":
                    self._melde(LISTE, element, f"LI in {self._eltern_typ(element) or 'nichts'} statt in L "
                                                f"({self.text(element)[:40]!r})")
                kinder = self._kindtypen(element)
                if any(t not in ("Lbl", "LBody") for t in kinder):
                    self._melde(LI_KINDER, element, f"LI enthält {'/'.join(kinder)}")
            elif typ == "LBody":
                if self._eltern_typ(element) != "LI":
                    self._melde(LBODY, element, f"LBody in {self._eltern_typ(element)} statt in LI")
            elif typ == "L":
                kinder = self._kindtypen(element)
                rest = kinder[1:] if kinder[:1] == ["Caption"] else kinder
                if any(t not in ("L", "LI") for t in rest):
                    self._melde(LISTENKINDER, element, f"L enthält {'/'.join(kinder)}")
            for kind in _kinder(element):
                if _ist_element(kind):
                    stapel.append((kind, element))

    def _eltern_typ(self, element) -> str:
        eltern = element.get("/P")
        while eltern is not None and _typ(eltern) in DURCHSICHTIG:
            eltern = eltern.get("/P")
        return _typ(eltern) if eltern is not None else ""

    def _kindtypen(self, element) -> list[str]:
        typen = []
        for kind in _kinder(element):
            if not _ist_element(kind):
                continue
            if _typ(kind) in DURCHSICHTIG:
                typen.extend(self._kindtypen(kind))
            else:
                typen.append(_typ(kind))
        return typen

    def _links(self, wurzel) -> None:
        eltern = _Zahlenbaum(wurzel.get("/ParentTree"))
        for nummer, seite in enumerate(self.pdf.pages, start=1):
            for anmerkung in seite.obj.get("/Annots") or []:
                if anmerkung.get("/Subtype") != "/Link":
                    continue
                self.geprueft["Link-Anmerkung"] += 1
                ziel = _ziel(anmerkung)
                schluessel = anmerkung.get("/StructParent")
                element = eltern.get(int(schluessel)) if schluessel is not None else None
                if element is None or _typ(element) != "Link":
                    gefunden = _typ(element) if element is not None else "keinem Element"
                    self.befunde_liste.append(Befund(LINK, nummer, f"Link-Anmerkung ({ziel}) gehört zu "
                                                                   f"{gefunden}, nicht zu Link"))
                    continue
                inhalt = str(anmerkung.get("/Contents", ""))
                text = self.text(element).strip()
                if (inhalt.strip() and not ist_adresse(inhalt)) or (text and not ist_adresse(text)):
                    continue
                self.befunde_liste.append(Befund(LINKZWECK, nummer, f"Link nur mit Adresse ({text!r}) und ohne "
                                                                    f"Beschreibung in /Contents ({inhalt!r})"))


def _ziel(anmerkung) -> str:
    aktion = anmerkung.get("/A")
    if aktion is not None and "/URI" in aktion:
        return str(aktion.URI)
    return str(anmerkung.get("/Dest", ""))


class _Zahlenbaum:
    """A PDF number tree (the ParentTree), flattened once."""

    def __init__(self, knoten) -> None:
        self.werte: dict[int, object] = {}
        stapel = [knoten] if knoten is not None else []
        while stapel:
            k = stapel.pop()
            zahlen = k.get("/Nums")
            if zahlen is not None:
                for i in range(0, len(zahlen) - 1, 2):
                    self.werte[int(zahlen[i])] = zahlen[i + 1]
            stapel.extend(k.get("/Kids") or [])

    def get(self, schluessel: int):
        wert = self.werte.get(schluessel)
        return wert if isinstance(wert, pikepdf.Dictionary) else None


class _Zeichen:
    """Decodes a font's character codes to Unicode through its ToUnicode CMap."""

    BEREICH = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])")
    ZEICHEN = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")

    def __init__(self, schrift) -> None:
        self.breite = 2 if schrift.get("/Subtype") == "/Type0" else 1
        self.tabelle: dict[int, str] = {}
        karte = schrift.get("/ToUnicode")
        if karte is None:
            return
        daten = karte.read_bytes()
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", daten, re.S):
            for code, ziel in self.ZEICHEN.findall(block):
                self.tabelle[int(code, 16)] = _utf16(ziel)
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", daten, re.S):
            for anfang, ende, ziel in self.BEREICH.findall(block):
                a, e = int(anfang, 16), int(ende, 16)
                if ziel.startswith(b"["):
                    for i, teil in enumerate(re.findall(rb"<([0-9a-fA-F]+)>", ziel)):
                        self.tabelle[a + i] = _utf16(teil)
                else:
                    basis = int(ziel[1:-1], 16)
                    for i in range(e - a + 1):
                        self.tabelle[a + i] = chr(basis + i)

    def text(self, roh: bytes) -> str:
        b = self.breite
        codes = (int.from_bytes(roh[i:i + b], "big") for i in range(0, len(roh) - b + 1, b))
        return "".join(self.tabelle.get(c, "\ufffd") for c in codes)


def _utf16(hexa: bytes) -> str:
    return bytes.fromhex(hexa.decode("ascii")).decode("utf-16-be", errors="replace")


def main(argv: list[str]) -> int:
    """python -m macros.ausgabe.druck.pruefung DATEI.pdf …: the findings per rule and what was checked."""
    fehler = 0
    for name in argv:
        befunde, geprueft = bericht(Path(name))
        zahlen = ", ".join(f"{geprueft[t]} {t}" for t in ("Link-Anmerkung", "Link", "Figure", "L", "LI", "Span"))
        print(f"{name}: geprüft {zahlen}")
        for regel, anzahl in sorted(zaehle(befunde).items()):
            print(f"  {regel}: {anzahl} fehlgeschlagen, z. B. {next(b for b in befunde if b.regel == regel)}")
        if not befunde:
            print("  keine fehlgeschlagene Prüfung")
        fehler += bool(befunde)
    return 1 if fehler else 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
