"""Which measures changed between two versions of data/measures.yaml, and how: field by field, old and new value.

The one routine behind the Änderungsverlauf (ausgabe/versionsgeschichte.py, up to 25 commits per build) and
`make diff` (ausgabe/diff.py). It compares values, not text: a comment, a blank line or another quoting of the
same value is no change. It knows nothing of schemas, names or git; it reads no other file.

Fast at 10,000 measures: the text is cut into one block per measure at the list items (`  - id: …`), blocks
with the same text are equal, and only the blocks that differ are parsed (PyYAML's C parser, through
yamlquelle). A file in another layout is parsed whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.daten.begriffe import FELDNAMEN
from macros.daten.yamlquelle import dekodiere, parse_yaml_text, zuletzt_gelesen

NEU = "neu"                # the id is new in this version
GEAENDERT = "geaendert"    # fields changed (a measure set to „Entfallen“ is one of these: its id stays)
ENTFERNT = "entfernt"      # the id is gone from the file (`make diff` refuses that)

# A list item that starts with its id, after a line break (searched in "\n" + text: three times faster than ^).
_EINTRAG = re.compile(r"\n([ \t]*)-[ \t]+(?:\{[ \t]*)?id:[ \t]*[\"']?([A-Za-z0-9-]+)")
_KOPF = "massnahmen:\n"


@dataclass(frozen=True)
class Feldaenderung:
    """One field of one measure: its value before and after, as YAML gives it (None: not set)."""

    feld: str
    alt: object
    neu: object


@dataclass(frozen=True)
class Massnahmenaenderung:
    """What happened to one measure: NEU, GEAENDERT (felder: each changed field, in the order of
    begriffe.FELDNAMEN) or ENTFERNT. A new or removed measure's record: Fassung.datensaetze([kennung])."""

    kennung: str
    art: str
    felder: tuple[Feldaenderung, ...] = ()

    def feld(self, name: str) -> Feldaenderung | None:
        return next((f for f in self.felder if f.feld == name), None)


class _Verschnitten(Exception):
    """The blocks were not cut where the records are (an unusual layout): compare the whole files."""


class Fassung:
    """One version of measures.yaml: its blocks per measure, parsed only where needed. Reuse one Fassung for
    the same content (the history compares each version with its parent and with its child)."""

    def __init__(self, inhalt: str | bytes):
        fehler = []
        if isinstance(inhalt, bytes):
            inhalt, fehler = dekodiere(inhalt, "measures.yaml")
        self.text: str = inhalt
        self.lesbar = not fehler
        self.kopf, self.bloecke = _bloecke(inhalt) if self.lesbar else ("", None)
        # The version the build has just loaded is not parsed again.
        gelesen = zuletzt_gelesen(inhalt) if self.lesbar else None
        self._alle: dict[str, dict] | None = None if gelesen is None else _aus_werten(gelesen.daten)
        self._gelesen: dict[str, dict] = {}

    def alle(self) -> dict[str, dict] | None:
        """Every measure, id -> record (the whole file parsed once); None if the version cannot be read."""
        if self._alle is None and self.lesbar:
            self._alle = _massnahmen(self.text)
            self.lesbar = self._alle is not None
        return self._alle

    def datensaetze(self, kennungen: list[str]) -> dict[str, dict] | None:
        """The records of these ids that exist; parses only their blocks (in one document) where it can. None
        if the version cannot be read."""
        if self.bloecke is not None:
            try:
                return self._aus_bloecken([k for k in kennungen if k in self.bloecke])
            except _Verschnitten:
                self.bloecke = None
        alle = self.alle()
        return None if alle is None else {k: alle[k] for k in kennungen if k in alle}

    def _aus_bloecken(self, kennungen: list[str]) -> dict[str, dict]:
        if self._alle is not None:
            if any(k not in self._alle for k in kennungen):
                raise _Verschnitten
            return {k: self._alle[k] for k in kennungen}
        fehlen = [k for k in kennungen if k not in self._gelesen]
        if fehlen:
            gelesen = _massnahmen(_KOPF + "".join(self.bloecke[k] for k in fehlen))
            if gelesen is None or list(gelesen) != fehlen:
                raise _Verschnitten
            self._gelesen.update(gelesen)
        return {k: self._gelesen[k] for k in kennungen}


def vergleiche(alt: Fassung | str | bytes | None, neu: Fassung | str | bytes | None
               ) -> dict[str, Massnahmenaenderung] | None:
    """id -> what happened, for every measure that is new, changed or gone between two versions of
    measures.yaml (None: the file does not exist in that version); in the order of the new file, the gone ones
    last. None if a version cannot be read."""
    alt, neu = _fassung(alt), _fassung(neu)
    if alt is not None and neu is not None and alt.bloecke is not None and neu.bloecke is not None:
        try:
            return _nach_bloecken(alt, neu)
        except _Verschnitten:
            alt.bloecke = neu.bloecke = None
    vorher = {} if alt is None else alt.alle()
    nachher = {} if neu is None else neu.alle()
    if vorher is None or nachher is None:
        return None
    return _ergebnis(list(vorher), list(nachher), vorher, nachher, [k for k in nachher if k in vorher])


def _nach_bloecken(alt: Fassung, neu: Fassung) -> dict[str, Massnahmenaenderung] | None:
    """Only the measures whose block text differs are parsed (in both versions)."""
    if alt.kopf != neu.kopf:
        raise _Verschnitten
    alte, neue = alt.bloecke, neu.bloecke
    anders = [k for k, block in neue.items() if k in alte and alte[k] != block]
    # New and removed measures are parsed too: a version whose changed part cannot be read is not compared.
    vorher = alt._aus_bloecken(anders + [k for k in alte if k not in neue])
    nachher = neu._aus_bloecken(anders + [k for k in neue if k not in alte])
    return _ergebnis(list(alte), list(neue), vorher, nachher, anders)


def _ergebnis(alte: list[str], neue: list[str], vorher: dict, nachher: dict, beide: list[str]
              ) -> dict[str, Massnahmenaenderung]:
    bekannt, bleibt = set(alte), set(neue)
    geaendert = {}
    for kennung in beide:
        felder = _felder(vorher[kennung], nachher[kennung])
        if felder:
            geaendert[kennung] = Massnahmenaenderung(kennung, GEAENDERT, felder)
    ergebnis: dict[str, Massnahmenaenderung] = {}
    for kennung in neue:
        if kennung not in bekannt:
            ergebnis[kennung] = Massnahmenaenderung(kennung, NEU)
        elif kennung in geaendert:
            ergebnis[kennung] = geaendert[kennung]
    ergebnis.update((k, Massnahmenaenderung(k, ENTFERNT)) for k in alte if k not in bleibt)
    return ergebnis


def _fassung(inhalt: Fassung | str | bytes | None) -> Fassung | None:
    return inhalt if inhalt is None or isinstance(inhalt, Fassung) else Fassung(inhalt)


def _leer(wert: object) -> object:
    """Not set, null and an empty list all mean: no value."""
    return None if wert is None or wert == [] or wert == {} else wert


def _felder(alt: dict, neu: dict) -> tuple[Feldaenderung, ...]:
    """The fields whose values differ, in the order of begriffe.FELDNAMEN, then any others by name."""
    namen = [f for f in FELDNAMEN if f in alt or f in neu]
    namen += sorted((alt.keys() | neu.keys()) - FELDNAMEN.keys(), key=str)
    felder = []
    for name in namen:
        a, b = _leer(alt.get(name)), _leer(neu.get(name))
        if a != b:
            felder.append(Feldaenderung(name, a, b))
    return tuple(felder)


def _bloecke(text: str) -> tuple[str, dict[str, str] | None]:
    """The text before the first measure, and id -> the text of its list item (to the next item at the same
    indent); no blocks if the layout is not one measure per `- id:` item, or an id occurs twice."""
    treffer = list(_EINTRAG.finditer("\n" + text))   # a match's start is its line's start in text
    if not treffer:
        return "", None
    einzug = treffer[0].group(1)
    treffer = [t for t in treffer if t.group(1) == einzug]
    grenzen = [t.start() for t in treffer] + [len(text)]
    bloecke = {}
    for i, t in enumerate(treffer):
        block = text[grenzen[i]:grenzen[i + 1]]
        bloecke[t.group(2)] = block if block.endswith("\n") else block + "\n"
    return text[:grenzen[0]], (bloecke if len(bloecke) == len(treffer) else None)


def _massnahmen(text: str) -> dict[str, dict] | None:
    """The measures of a YAML text, id -> record, in file order; None if it cannot be read."""
    datei, _ = parse_yaml_text(text, "measures.yaml")
    return None if datei is None else _aus_werten(datei.daten)


def _aus_werten(daten: object) -> dict[str, dict] | None:
    if not isinstance(daten, dict):
        return None
    liste = daten.get("massnahmen")
    if not isinstance(liste, list):
        return None
    return {str(e["id"]): e for e in liste if isinstance(e, dict) and "id" in e}
