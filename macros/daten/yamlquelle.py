"""Reads one YAML file into plain Python values plus the line of every value.

Uses libyaml (the C parser) to build the node tree, then builds values itself so that it can
report duplicate keys, refuse anchors and aliases (no "billion laughs"), keep dates as text,
and remember where every value stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import yaml

from macros.daten.fehler import Fehler, sichtbar
from macros.daten.yamlhaelften import in_zwei_haelften

try:  # libyaml, the C parser, is many times faster; fall back to pure Python where it is missing
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser

# Upper bounds that keep a hostile file from using unbounded memory or time.
MAX_BYTES = 50 * 1024 * 1024
MAX_TIEFE = 20

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

Pfad = tuple
Pruefung = Callable[[object], bool]

# How a message names a record of a list: the word and the field that identifies it; others by their number.
ARTEN = {"massnahmen": ("Maßnahme", "id"), "sprachen": ("Sprache", "code")}


@dataclass
class YamlDatei:
    """The values of one file and the line of each value, by its path of keys and indexes.

    Read by the fast path, it knows only the lines of records and lists; the line of every
    single value is worked out from ``text`` the first time a message needs one.
    """

    name: str
    daten: object
    zeilen: dict[Pfad, int] = field(default_factory=dict)
    text: str | None = field(default=None, repr=False)
    ersetzt: bool = False  # stands in for a file an older version of the data does not have
    geprueft: bool = False  # its values passed the schema while being read (yamlhaelften)

    def zeile(self, pfad: Pfad) -> int | None:
        """Line of the value at pfad, or of its nearest parent that has one."""
        pfad = tuple(pfad)
        if pfad not in self.zeilen and self.text is not None:
            self._alle_zeilen()
        while pfad:
            if pfad in self.zeilen:
                return self.zeilen[pfad]
            pfad = pfad[:-1]
        return self.zeilen.get((), 1)

    def _alle_zeilen(self) -> None:
        """Parses the text again, this time noting the line of every value (only for messages)."""
        genau = YamlDatei(self.name, None)
        _Baumeister(genau).baue(_Parser(self.text))
        self.zeilen, self.text = genau.zeilen, None

    def objekt(self, pfad: Pfad) -> str | None:
        """'Maßnahme SP-01', 'Sprache fa' (or the entry's number) for a path inside a list of records."""
        if len(pfad) < 2 or not isinstance(pfad[1], int) or not isinstance(self.daten, dict):
            return None
        liste = self.daten.get(pfad[0])
        eintrag = liste[pfad[1]] if isinstance(liste, list) and pfad[1] < len(liste) else None
        art, schluessel = ARTEN.get(pfad[0], ("Eintrag", "id"))
        kennung = eintrag.get(schluessel) if isinstance(eintrag, dict) else None
        if isinstance(kennung, str) and kennung.strip():
            return f"{art} {sichtbar(kennung[:40])}"
        return f"{art} Nr. {pfad[1] + 1}"

    def fehler(self, pfad: Pfad, text: str, wert: object = None, erlaubt: str | None = None) -> Fehler:
        """A message located at pfad: line, record and field."""
        return Fehler(self.name, self.zeile(pfad), text, self.objekt(pfad), feldname(pfad), wert, erlaubt)


def feldname(pfad: Pfad) -> str | None:
    """The field path inside one record, e.g. verlauf[2].datum (list items count from 1)."""
    rest = pfad[2:] if len(pfad) >= 2 and isinstance(pfad[1], int) else pfad
    text = ""
    for teil in rest:
        text += f"[{teil + 1}]" if isinstance(teil, int) else (f".{teil}" if text else str(teil))
    return text or None


class _Abbruch(Exception):
    """Stops building values after an error that makes the rest meaningless."""


def lies_yaml(pfad: Path, anzeigename: str, pruefe: Pruefung | None = None) -> tuple[YamlDatei | None, list[Fehler]]:
    """Reads and parses one file; returns its values or the errors that stop it.

    pruefe: the schema's yes/no check where it holds for a file when it holds for each half of it.
    """
    try:
        roh = pfad.read_bytes()
    except OSError as fehler:
        return None, [Fehler(anzeigename, None, f"Datei kann nicht gelesen werden ({fehler.strerror}).")]
    if len(roh) > MAX_BYTES:
        text = f"Datei ist zu groß ({len(roh) // 1024 // 1024} MB, höchstens {MAX_BYTES // 1024 // 1024} MB)."
        return None, [Fehler(anzeigename, None, text)]
    text, fehler = dekodiere(roh, anzeigename)
    if fehler:
        return None, fehler
    return parse_yaml_text(text, anzeigename, pruefe)


# name -> the file last parsed under that name without any message, kept for zuletzt_gelesen()
_ZULETZT: dict[str, YamlDatei] = {}


def zuletzt_gelesen(text: str) -> YamlDatei | None:
    """The values of exactly this text if it was the last one parsed under its name and had nothing to report
    (the history compares the measures it just loaded with their last commit). Read them, never change them."""
    return next((datei for datei in _ZULETZT.values() if datei.text == text), None)


def parse_yaml_text(text: str, anzeigename: str, pruefe: Pruefung | None = None
                    ) -> tuple[YamlDatei | None, list[Fehler]]:
    """Parses YAML text; returns its values with lines, or the errors. pruefe: as for lies_yaml."""
    lies = _schnell_gelesen if pruefe is None else partial(_gelesen_und_geprueft, pruefe=pruefe)
    try:
        halbiert = in_zwei_haelften(text, lies)
        daten, zeilen = halbiert or _schnell_gelesen(text)
    except _Ungewoehnlich:
        pass  # something to report, or a parser error: the exact pass below finds and locates it
    except yaml.YAMLError:
        pass
    else:
        geprueft = halbiert is not None and pruefe is not None
        datei = _ZULETZT[anzeigename] = YamlDatei(anzeigename, daten, zeilen, text, geprueft=geprueft)
        return datei, []
    datei = YamlDatei(anzeigename, None)
    baumeister = _Baumeister(datei)
    try:
        datei.daten = baumeister.baue(_Parser(text))
    except yaml.MarkedYAMLError as fehler:
        return None, [_syntaxfehler(fehler, anzeigename, text)]
    except yaml.reader.ReaderError as fehler:
        return None, [_zeichenfehler(fehler, text, anzeigename)]
    except yaml.YAMLError as fehler:
        return None, [Fehler(anzeigename, None, f"YAML kann nicht gelesen werden: {fehler}")]
    except _Abbruch:
        return None, [Fehler(anzeigename, zeile, text, feld=feldname(pfad)) for zeile, text, pfad in baumeister.fehler]
    if datei.daten is None:
        return None, [Fehler(anzeigename, 1, "Datei ist leer.")]
    # Non-fatal problems (a duplicate key) are located now that the whole record is known.
    return datei, [Fehler(anzeigename, zeile, text, datei.objekt(pfad), feldname(pfad))
                   for zeile, text, pfad in baumeister.fehler]


def dekodiere(roh: bytes, name: str) -> tuple[str, list[Fehler]]:
    """Bytes to text: UTF-8 only; a BOM is dropped; CRLF and CR become LF."""
    if roh.startswith(b"\xef\xbb\xbf"):
        roh = roh[3:]
    try:
        text = roh.decode("utf-8")
    except UnicodeDecodeError as fehler:
        zeile = roh[: fehler.start].count(b"\n") + 1
        byte = roh[fehler.start : fehler.start + 1].hex().upper()
        return "", [Fehler(name, zeile, f"Datei ist nicht in UTF-8 gespeichert: ungültiges Byte 0x{byte}. "
                                        "Bitte als UTF-8 speichern.")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _zeichenfehler(fehler: yaml.reader.ReaderError, text: str, name: str) -> Fehler:
    """A character YAML does not allow (a control character such as U+0007), with its line."""
    zeile = text.encode("utf-8")[: fehler.position].count(b"\n") + 1  # libyaml counts UTF-8 bytes
    zeichen = f"<U+{fehler.character:04X}>" if isinstance(fehler.character, int) else "?"
    return Fehler(name, zeile, f"Unzulässiges Steuerzeichen {zeichen} (oft aus kopiertem Text); "
                               "bitte das Zeichen löschen.")


def _syntaxfehler(fehler: yaml.MarkedYAMLError, name: str, text: str = "") -> Fehler:
    """A parser error as a German message with its line."""
    marke = fehler.problem_mark or fehler.context_mark
    zeile = marke.line + 1 if marke else None
    problem = (fehler.problem or "").strip()
    zeilentext = text.split("\n")[marke.line] if marke and marke.line < text.count("\n") + 1 else ""
    einrueckung = zeilentext[: len(zeilentext) - len(zeilentext.lstrip(" \t")) + 1]
    if "\\t" in problem or "tab" in problem.lower() or "\t" in einrueckung:
        hinweis = "Tabulator gefunden: YAML erlaubt zum Einrücken nur Leerzeichen."
    elif "mapping values are not allowed" in problem:
        hinweis = "Doppelpunkt an unerwarteter Stelle; Text mit „: “ bitte in Anführungszeichen setzen."
    elif "could not find expected ':'" in problem:
        hinweis = "Hier fehlt ein Doppelpunkt nach dem Feldnamen, oder eine Zeile ist falsch eingerückt."
    elif "nesting depth" in problem:
        hinweis = f"Daten sind zu tief verschachtelt (höchstens {MAX_TIEFE} Ebenen)."
    elif "found undefined alias" in problem or "found unknown escape" in problem:
        hinweis = "Unbekanntes Zeichen oder unbekannter Verweis."
    else:
        hinweis = "Die YAML-Struktur ist hier fehlerhaft (Einrückung, Anführungszeichen oder Klammern prüfen)."
    return Fehler(name, zeile, f"YAML-Syntaxfehler: {hinweis} (Parser: {problem or fehler.context})")


class _Ungewoehnlich(Exception):
    """The fast pass met something it leaves to the exact pass: an error, an anchor, a tag, a duplicate."""


def _schnell_gelesen(text: str) -> tuple[object, dict[Pfad, int]]:
    return _schnell(_Parser(text))


def _gelesen_und_geprueft(text: str, pruefe: Pruefung) -> tuple[object, dict[Pfad, int]]:
    """Read fast and checked against the schema; anything wrong is left to the whole file's reading."""
    daten, zeilen = _schnell_gelesen(text)
    if not pruefe(daten):
        raise _Ungewoehnlich
    return daten, zeilen


def _schnell(parser) -> tuple[object, dict[Pfad, int]]:
    """Builds the values of a well-formed file fast, noting only the lines of records and lists.

    The common case (a valid file) runs through this tight loop. It gives up with _Ungewoehnlich at
    anything unusual, and _Baumeister then reads the file again to report it with its exact line.
    """
    skalar, abbild_anfang, folge_anfang = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    abbild_ende, folge_ende = yaml.MappingEndEvent, yaml.SequenceEndEvent
    aufloeser, umwandeln, neu_ereignis = _AUFLOESER, _umwandeln, parser.get_event
    zeilen: dict[Pfad, int] = {}
    # Each open container: [value, path, pending key or None, is a mapping]; the bottom one holds the document.
    boden = [[], (), None, False]
    stapel: list[list] = [boden]
    dokumente = 0
    while True:
        ereignis = neu_ereignis()
        art = type(ereignis)
        if art is skalar:
            tag = ereignis.tag
            if ereignis.anchor is not None or (tag is not None and tag != "!"):
                raise _Ungewoehnlich
            oben = stapel[-1]
            text = ereignis.value
            if oben[3]:
                schluessel = oben[2]
                if schluessel is None:
                    if text in oben[0] or (text == "<<" and not ereignis.style):
                        raise _Ungewoehnlich
                    oben[2] = text
                    continue
                if not ereignis.style and ereignis.implicit[0]:
                    for aufgeloest, muster in aufloeser.get(text[:1], ()):
                        if muster.match(text):
                            text = umwandeln(aufgeloest, text)
                            break
                oben[0][schluessel] = text
                oben[2] = None
            else:
                if not ereignis.style and ereignis.implicit[0]:
                    for aufgeloest, muster in aufloeser.get(text[:1], ()):
                        if muster.match(text):
                            text = umwandeln(aufgeloest, text)
                            break
                oben[0].append(text)
        elif art is abbild_anfang or art is folge_anfang:
            if ereignis.anchor is not None or ereignis.tag not in (None, "!", _MAP, _SEQ) or len(stapel) > MAX_TIEFE:
                raise _Ungewoehnlich
            oben = stapel[-1]
            if oben[3]:
                if oben[2] is None:
                    raise _Ungewoehnlich  # a record or list as a key
                pfad = (*oben[1], oben[2])
            else:
                pfad = (*oben[1], len(oben[0])) if oben is not boden else ()
            zeilen[pfad] = ereignis.start_mark.line + 1
            abbild = art is abbild_anfang
            stapel.append([{} if abbild else [], pfad, None, abbild])
        elif art is abbild_ende or art is folge_ende:
            fertig = stapel.pop()[0]
            oben = stapel[-1]
            if oben[3]:
                oben[0][oben[2]] = fertig
                oben[2] = None
            else:
                oben[0].append(fertig)
        elif art is yaml.DocumentStartEvent:
            dokumente += 1
            if dokumente > 1:
                raise _Ungewoehnlich
        elif art is yaml.StreamEndEvent:
            if len(boden[0]) != 1 or type(boden[0][0]) not in (dict, list):
                raise _Ungewoehnlich  # empty, or a lone scalar: the exact pass says what is wrong
            return boden[0][0], zeilen
        elif art is yaml.AliasEvent:
            raise _Ungewoehnlich


class _Baumeister:
    """Builds values from the parser's event stream, collecting errors and lines.

    Works on events, not on a node tree: libyaml's events are cheap, its nodes are not, and a
    loop with an explicit stack cannot overflow on deeply nested input.
    """

    def __init__(self, datei: YamlDatei):
        self.datei = datei
        self.fehler: list[tuple[int, str, Pfad]] = []

    def melde(self, zeile: int, text: str, pfad: Pfad, abbrechen: bool = False) -> None:
        self.fehler.append((zeile, text, pfad))
        if abbrechen:
            raise _Abbruch

    def baue(self, parser: _Parser) -> object:
        """The single document of the stream as plain values."""
        zeilen = self.datei.zeilen
        # Each open container: [value, path, pending key or None, key line]
        stapel: list[list] = []
        ergebnis = None
        dokumente = 0
        while True:
            ereignis = parser.get_event()
            art = type(ereignis)
            if art is yaml.StreamEndEvent:
                return ergebnis
            if art is yaml.DocumentStartEvent:
                dokumente += 1
                if dokumente > 1:
                    self.melde(ereignis.start_mark.line + 1, "Nur ein YAML-Dokument je Datei ist erlaubt "
                               "(zweites „---“ gefunden).", (), True)
                continue
            if art in (yaml.StreamStartEvent, yaml.DocumentEndEvent):
                continue
            zeile = ereignis.start_mark.line + 1
            if art is yaml.AliasEvent or getattr(ereignis, "anchor", None):
                pfad = stapel[-1][1] if stapel else ()
                self.melde(zeile, "Anker und Verweise (& und *) sind nicht erlaubt; bitte den Text ausschreiben.",
                           pfad, True)
            if art is yaml.MappingEndEvent or art is yaml.SequenceEndEvent:
                fertig = stapel.pop()[0]
                if not stapel:
                    ergebnis = fertig
                    continue
                self._lege_ab(stapel[-1], fertig)
                continue
            # A scalar, or the start of a mapping or list: first, is it a key?
            oben = stapel[-1] if stapel else None
            if oben is not None and type(oben[0]) is dict and oben[2] is None:
                self._schluessel(oben, ereignis, zeile)
                continue
            pfad = _kindpfad(oben)
            zeilen[pfad] = zeile
            if art is yaml.ScalarEvent:
                wert = self.skalar(ereignis, pfad, zeile)
                if oben is None:
                    ergebnis = wert
                else:
                    self._lege_ab(oben, wert)
                continue
            if len(stapel) >= MAX_TIEFE:
                self.melde(zeile, f"Daten sind zu tief verschachtelt (höchstens {MAX_TIEFE} Ebenen).", pfad, True)
            self._pruefe_tag(ereignis, zeile, pfad)
            stapel.append([{} if art is yaml.MappingStartEvent else [], pfad, None, 0])

    def _schluessel(self, oben: list, ereignis, zeile: int) -> None:
        """Takes a mapping key; refuses complex keys, merge keys and duplicates."""
        pfad = oben[1]
        if type(ereignis) is not yaml.ScalarEvent:
            self.melde(zeile, "Ein Feldname muss ein einfacher Text sein.", pfad, True)
        schluessel = ereignis.value
        if schluessel == "<<" and not ereignis.style:
            self.melde(zeile, "Zusammenführen mit „<<“ ist nicht erlaubt; bitte die Felder ausschreiben.", pfad, True)
        if schluessel in oben[0]:
            erste = self.datei.zeilen.get((*pfad, schluessel))
            self.melde(zeile, f"Feld steht doppelt (zuerst in Zeile {erste}); YAML behält sonst "
                              "stillschweigend nur das letzte.", (*pfad, schluessel))
            schluessel = _Doppelt(schluessel)
        oben[2], oben[3] = schluessel, zeile

    @staticmethod
    def _lege_ab(oben: list, wert: object) -> None:
        """Puts a finished value into the open container above it."""
        if type(oben[0]) is dict:
            if type(oben[2]) is not _Doppelt:  # the first of two equal keys wins; the error is reported
                oben[0][oben[2]] = wert
            oben[2] = None
        else:
            oben[0].append(wert)

    def _pruefe_tag(self, ereignis, zeile: int, pfad: Pfad) -> None:
        if ereignis.tag not in (None, "!", _MAP, _SEQ):
            self.melde(zeile, f"Unbekannter YAML-Typ „{ereignis.tag}“ ist nicht erlaubt.", pfad)

    def skalar(self, ereignis: yaml.ScalarEvent, pfad: Pfad, zeile: int) -> object:
        """A scalar as str, int, float, bool or None; dates stay text (checked later)."""
        text, tag = ereignis.value, ereignis.tag
        if tag is not None and tag != "!":
            if tag != _STR:
                self.melde(zeile, f"Unbekannter YAML-Typ „{tag}“ ist nicht erlaubt.", pfad)
            return text
        if ereignis.style or not ereignis.implicit[0]:
            return text
        for aufgeloest, muster in _AUFLOESER.get(text[:1], ()):
            if muster.match(text):
                return _umwandeln(aufgeloest, text)
        return text


class _Doppelt(str):
    """Marks the second of two equal keys, whose value is dropped."""


_AUFLOESER = yaml.resolver.Resolver.yaml_implicit_resolvers


def _umwandeln(tag: str, text: str) -> object:
    """Turns a plain scalar into the value its resolved YAML type stands for."""
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return text.lower() in ("true", "yes", "on", "y")
    if tag == _INT:
        return _als_zahl(text, int)
    if tag == _FLOAT:
        return _als_zahl(text, float)
    return text  # timestamps and anything else stay text


def _kindpfad(oben: list | None) -> Pfad:
    """The path of the value about to be placed into the container oben."""
    if oben is None:
        return ()
    if type(oben[0]) is dict:
        return (*oben[1], oben[2])
    return (*oben[1], len(oben[0]))


def _als_zahl(text: str, art: type) -> object:
    """Converts a YAML number; keeps the text where Python cannot read it (such as 0o17)."""
    try:
        return art(text.replace("_", ""))
    except ValueError:
        return text
