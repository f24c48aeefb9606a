"""The checked data of the project being built, loaded once per state of its files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.daten import faelligkeit
from macros.daten.fehler import DatenFehler
from macros.daten.loader import DATEIEN, lade_daten
from macros.daten.model import Konzeptdaten
from macros.projekt import Projekt

_geladen: dict[Path, tuple[tuple, Konzeptdaten]] = {}


def daten_fuer(config) -> Konzeptdaten:
    """The data of the config's project, or the build's German error listing every problem (no traceback).

    A build needs the data in several hooks, `make serve` again after each save: it is read anew only when a
    file in data/ changed.
    """
    ordner = Projekt.aus_config(config).daten
    stand = tuple((name, _signatur(ordner / name)) for name in DATEIEN)
    vorher = _geladen.get(ordner)
    if vorher is not None and vorher[0] == stand:
        return vorher[1]
    try:
        daten = lade_daten(ordner)
    except DatenFehler as fehler:
        _geladen.pop(ordner, None)
        raise PluginError("Die Daten sind fehlerhaft; die Website wird nicht gebaut.\n" + fehler.bericht()) from None
    _geladen[ordner] = (stand, daten)
    return daten


def stichtag_fuer(config) -> faelligkeit.Stichtag:
    """The build's reference date (STICHTAG or today), or the build's German error for a bad STICHTAG."""
    try:
        return faelligkeit.stichtag()
    except faelligkeit.StichtagFehler as fehler:
        raise PluginError(str(fehler)) from None


def _signatur(pfad: Path) -> tuple[int, int] | None:
    try:
        info = pfad.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size
