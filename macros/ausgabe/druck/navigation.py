"""The chapters of the PDF: every page of mkdocs.yml's nav, in its order, with its section."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.ausgabe.druck.fehler import DruckFehler


@dataclass(frozen=True)
class Kapitel:
    """One page of the nav: its Markdown path, its nav label and the nav section it stands in (if any)."""

    pfad: str
    nav_titel: str | None
    abschnitt: str | None

    @property
    def url(self) -> str:
        """Directory URL of the built page: handlungsfelder/sprache.md -> handlungsfelder/sprache/, index.md -> ''."""
        ohne = self.pfad[:-3]
        if ohne == "index" or ohne.endswith("/index"):
            return ohne[:-5]
        return ohne + "/"

    @property
    def anker(self) -> str:
        """A stable id for the chapter in the print document: k-handlungsfelder-sprache, k-index."""
        return "k-" + self.pfad[:-3].replace("/", "-")


class _NachsichtigerLader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its tags (!!python/name:… only matter to MkDocs); !ENV as MkDocs does."""


def _umgebung(lader: yaml.SafeLoader, knoten: yaml.Node):
    """!ENV NAME or !ENV [NAME, …, default]: the first variable that is set, else the default."""
    if isinstance(knoten, yaml.ScalarNode):
        return os.environ.get(lader.construct_scalar(knoten))
    werte = lader.construct_sequence(knoten)
    for name in werte[:-1]:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return werte[-1] if len(werte) > 1 else os.environ.get(str(werte[0]))


_NachsichtigerLader.add_constructor("!ENV", _umgebung)
_NachsichtigerLader.add_multi_constructor("", lambda lader, tag, knoten: None)


def lies_mkdocs(konfig: Path) -> dict:
    """mkdocs.yml as plain data."""
    try:
        with konfig.open(encoding="utf-8") as datei:
            return yaml.load(datei, Loader=_NachsichtigerLader) or {}  # noqa: S506 - the loader executes nothing
    except (OSError, yaml.YAMLError) as fehler:
        raise DruckFehler(f"{konfig}: kann die MkDocs-Konfiguration nicht lesen: {fehler}") from None


def kapitel_liste(konfig: Path) -> list[Kapitel]:
    """Every Markdown page of the nav in reading order; links to other sites are left out."""
    nav = lies_mkdocs(konfig).get("nav")
    if not isinstance(nav, list) or not nav:
        raise DruckFehler(f"{konfig}: „nav“ fehlt oder ist leer; das PDF folgt der Navigation und braucht sie.")
    liste: list[Kapitel] = []
    _sammle(nav, None, liste)
    if not liste:
        raise DruckFehler(f"{konfig}: „nav“ nennt keine Markdown-Seite.")
    return liste


def _sammle(eintraege: list, abschnitt: str | None, liste: list[Kapitel]) -> None:
    for eintrag in eintraege:
        if isinstance(eintrag, str):
            _seite(eintrag, None, abschnitt, liste)
        elif isinstance(eintrag, dict):
            for titel, wert in eintrag.items():
                if isinstance(wert, list):
                    _sammle(wert, str(titel), liste)
                elif isinstance(wert, str):
                    _seite(wert, str(titel), abschnitt, liste)


def _seite(pfad: str, titel: str | None, abschnitt: str | None, liste: list[Kapitel]) -> None:
    if pfad.endswith(".md") and "://" not in pfad:
        liste.append(Kapitel(pfad=pfad, nav_titel=titel, abschnitt=abschnitt))
