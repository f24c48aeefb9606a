"""Reads a large list file in two halves at once: the second half in a forked child, on machines with two cores.

The reader given may check each half against the file's schema as well (schemapruefung.haelftenpruefer).

Only for the plain shape of the data files: one top-level key, then a block list whose items start at one
indentation. A line at that indentation beginning with "- " can only start a new item (deeper content is
indented further, an open quote or bracket makes the first half fail), so the file is cut there and each half
is read as a file of its own. Anything else, or anything unusual in either half, returns None: the caller
then reads the whole file as one.
"""

from __future__ import annotations

import marshal
import os
import re
from collections.abc import Callable

# Below this size a fork costs more than half the reading saves.
MINDESTGROESSE = 4 * 1024 * 1024
# Comment and blank lines, the one top-level key, more of them, the indentation of its list's first item.
_LEERZEILEN = r"(?:[ \t]*(?:#[^\n]*)?\n)*"
_KOPF = re.compile(rf"{_LEERZEILEN}(?P<schluessel>[A-Za-z_][A-Za-z0-9_]*):[ \t]*\n{_LEERZEILEN}(?P<einzug> *)- ")
# A line at the first column that is neither blank nor a comment (nor an item, where the items start there):
# a second key, a document marker.
_OBERSTE_EBENE = re.compile(r"\n[^ \t\n#]")
_OBERSTE_EBENE_AUSSER_EINTRAEGEN = re.compile(r"\n(?!- )[^ \t\n#]")

Leser = Callable[[str], tuple[object, dict]]


def in_zwei_haelften(text: str, lies: Leser) -> tuple[object, dict] | None:
    """The values and lines of text as lies(text) gives them, or None where halving does not apply."""
    teilung = _teilung(text)
    if teilung is None:
        return None
    kopf, schnitt = teilung
    zweite = kopf + text[schnitt:]
    leser, schreiber = os.pipe()
    kind = os.fork()
    if kind == 0:
        _im_kind(leser, schreiber, lies, zweite)
    os.close(schreiber)
    try:
        # Closing the pipe unread (an interrupt in the first half) ends a child still writing to it.
        with os.fdopen(leser, "rb") as eingang:
            try:
                erste = lies(text[:schnitt])
            except Exception:  # noqa: BLE001 - the caller reads the whole file and reports what it finds
                erste = None
            nutzlast = eingang.read()
    finally:
        os.waitpid(kind, 0)
    if erste is None or not nutzlast:
        return None
    return _zusammen(erste, marshal.loads(nutzlast), kopf.count("\n"), text.count("\n", 0, schnitt))


def _im_kind(leser: int, schreiber: int, lies: Leser, zweite: str) -> None:
    """The child: reads the second half and sends it; whatever happens, it ends here, running no cleanup."""
    try:
        os.close(leser)
        try:
            nutzlast = marshal.dumps(lies(zweite))
        except BaseException:  # noqa: BLE001 - whatever went wrong, the parent reads the file as one
            nutzlast = b""
        with os.fdopen(schreiber, "wb") as ausgang:
            ausgang.write(nutzlast)
    finally:
        os._exit(0)


def _teilung(text: str) -> tuple[str, int] | None:
    """The head both halves share and where the second half begins, or None."""
    if len(text) < MINDESTGROESSE or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
        return None
    kopf = _KOPF.match(text)
    if kopf is None:
        return None
    oberste_ebene = _OBERSTE_EBENE if kopf["einzug"] else _OBERSTE_EBENE_AUSSER_EINTRAEGEN
    if oberste_ebene.search(text, kopf.end()):
        return None
    schnitt = text.find(f"\n{kopf['einzug']}- ", len(text) // 2)
    if schnitt < 0:
        return None
    return text[: kopf.start("einzug")], schnitt + 1


def _zusammen(erste: tuple, zweite: tuple, kopfzeilen: int, zeilen_davor: int) -> tuple[object, dict] | None:
    """Both halves as one file: the second list after the first, its paths and lines moved along."""
    (daten1, zeilen1), (daten2, zeilen2) = erste, zweite
    if type(daten1) is not dict or type(daten2) is not dict or daten1.keys() != daten2.keys() or len(daten1) != 1:
        return None
    schluessel = next(iter(daten1))
    liste1, liste2 = daten1[schluessel], daten2[schluessel]
    if type(liste1) is not list or type(liste2) is not list:
        return None
    versatz, zeilenversatz = len(liste1), zeilen_davor - kopfzeilen
    zeilen = dict(zeilen1)
    for pfad, zeile in zeilen2.items():
        if len(pfad) >= 2:
            zeilen[(pfad[0], pfad[1] + versatz, *pfad[2:])] = zeile + zeilenversatz
    return {schluessel: liste1 + liste2}, zeilen
