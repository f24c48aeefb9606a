"""Every measure's own page (massnahmen/<id>/), written after the build into one shell that MkDocs rendered.

MkDocs' page pipeline (Markdown with its raw-HTML parser, the theme with the whole navigation, the search
plugin's HTML parser) cost about 5 ms a page: 60 s at 10,000 measures. Measure pages differ from one another
only in their title, their address and their content, and all sit at the same depth, so every relative link
of one holds for all. MkDocs therefore renders one shell (seiten.SCHALE: a measure page whose title, address
and content are placeholders) through the whole pipeline, hooks included, and after the build each measure's
page is the shell with its own three parts; the content comes from the same render functions as when MkDocs
built each page (seiten.massnahme_rumpf, verlauf.massnahme_aenderungen). Each page's entries in the search
index (made by Material's own indexer) and in the sitemap take the shell's place.

For links from the chapters (massnahmen/sp-01.md) MkDocs knows each measure page as a file it neither reads
nor writes (Verweisziel). The comparison build (bloecke.vergleichsbau()) builds every measure page through
MkDocs instead; tests/test_seitenbau.py builds the real site both ways and compares them.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.meta import get_data

from macros.ausgabe import suchindex
from macros.ausgabe.versionsgeschichte import Versionsgeschichte
from macros.darstellung import adressen, barrierefrei, seiten, seitenteilung, verlauf
from macros.daten import faelligkeit
from macros.daten import model as m

_PLATZHALTER = re.compile("(" + "|".join(re.escape(p) for p in (seiten.SCHALE_TITEL, seiten.SCHALE_ANKER,
                                                                 seiten.SCHALE_INHALT)) + ")")
_TITELZEILE = re.compile(r"<h1\b.*?</h1>", re.S)


class Verweisziel(File):
    """A measure's page as MkDocs sees it: a link target with its URL, written after the build, not by MkDocs."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        """Nothing to copy: schreibe() writes the page."""


def verweisziele(config: MkDocsConfig, daten: m.Konzeptdaten) -> list[File]:
    """One file per measure page (massnahmen/sp-01.md -> massnahmen/sp-01/), so that links to it resolve."""
    ziele = []
    for x in daten.massnahmen:
        datei = Verweisziel(adressen.massnahme_datei(x.id), None, config.site_dir, config.use_directory_urls,
                            dest_uri=f"{adressen.massnahme(x.id)}index.html",
                            inclusion=InclusionLevel.NOT_IN_NAV)
        datei.generated_by = "macros/hooks.py"
        ziele.append(datei)
    return ziele


def ist_schale(datei: File) -> bool:
    return datei.generated_by is not None and datei.src_uri == seiten.SCHALE


def inhalt(daten: m.Konzeptdaten, geschichte: Versionsgeschichte, massnahme: m.Massnahme,
           stichtag: faelligkeit.Stichtag) -> str:
    """A measure page's content as the hooks make it (on_page_content), from the HTML Markdown passes through."""
    return barrierefrei.tabellen_region(seiten.massnahme_rumpf(daten, massnahme, stichtag)) + \
        verlauf.massnahme_aenderungen(geschichte, massnahme, daten)


class Sucheintraege:
    """The measure pages' entries in the search index, made by Material's indexer as for pages MkDocs built.

    With suche "titel" (large catalogues, seitenteilung.suche_fuer) all of a page but the card's heading and the
    link back is data-search-exclude: the indexer then sees only those two, in their place. Their entries differ
    from page to page only in address and title; for a title of plain words (nothing the indexer escapes or
    folds) they are the first page's with those two put in, once two pages indexed in full agreed on that.
    """

    def __init__(self, suche: str) -> None:
        self.suche = suche
        self.muster: tuple[m.Massnahme, list[dict]] | None = None
        self.geprueft = False

    def __call__(self, massnahme: m.Massnahme, seiteninhalt: str) -> list[dict]:
        url, titel = adressen.massnahme(massnahme.id), seiten.massnahme_titel(massnahme)
        if self.suche != "titel":
            return _indexiert(url, titel, seiteninhalt)
        einfach = _SCHLICHT.fullmatch(massnahme.titel) is not None
        if einfach and self.muster is not None and self.geprueft:
            return self._wie_muster(massnahme)
        kopf = _TITELZEILE.search(seiteninhalt).group(0)
        eintraege = _indexiert(url, titel, f"<article>{kopf}</article>\n{seiten.ZURUECK}")
        if einfach and self.muster is None:
            self.muster = (massnahme, eintraege)
        elif einfach and not self.geprueft:
            self.geprueft = self._wie_muster(massnahme) == eintraege
            if not self.geprueft:
                self.muster = None  # pages differ in more than address and title: index every one in full
        return eintraege

    def _wie_muster(self, massnahme: m.Massnahme) -> list[dict]:
        vorbild, eintraege = self.muster
        ersetzt = {seiten.massnahme_titel(vorbild): seiten.massnahme_titel(massnahme),
                   f"{vorbild.id} {vorbild.titel}": f"{massnahme.id} {massnahme.titel}"}
        return [{**e, "location": e["location"].replace(vorbild.anker, massnahme.anker),
                 "title": ersetzt.get(e["title"], e["title"])} for e in eintraege]


# A title the indexer takes as it is: no character it escapes, no line break, no doubled or outer space.
_SCHLICHT = re.compile(r"[^&<>\s]+(?: [^&<>\s]+)*")


@lru_cache(maxsize=20_000)
def _indexiert(url: str, titel: str, seiteninhalt: str) -> list[dict]:
    """Cached by content: after a save in `make serve` only the pages the change touched are indexed anew."""
    meta = {**_seitenmeta(), "title": titel}
    index = SearchIndex()
    index.add_entry_from_context(SimpleNamespace(url=url, title=titel, meta=meta, toc=[], content=seiteninhalt))
    return index.entries


@lru_cache(maxsize=1)
def _seitenmeta() -> dict:
    """A measure page's front matter as MkDocs reads it (the title aside, the same for all)."""
    return get_data(seiten.seitenkopf(seiten.SCHALE_TITEL))[1]


# The measure pages of the last build, while MkDocs cleans the site folder (it keeps names beginning with ".").
LAGER = ".ik-massnahmenseiten"


@dataclass
class _Geschrieben:
    """What the last build of this process wrote (`make serve`): shell and content of each page, as hashes."""

    site: Path | None = None
    schale: int = 0
    inhalte: dict[str, int] = field(default_factory=dict)


_geschrieben = _Geschrieben()


def beiseite(config: MkDocsConfig) -> None:
    """Before MkDocs empties the site folder again for `make serve`'s next build: puts the measure pages this
    process wrote there aside, to be kept where unchanged. Any other build empties the folder as MkDocs does.

    Emptying and refilling the folder cost two file-system operations per measure page on each rebuild of
    `make serve`, more than the rest of a rebuild at 1,000 measures on a busy disk.
    """
    site = Path(config.site_dir)
    if _geschrieben.site != site or (site / LAGER).exists() or not (site / adressen.MASSNAHMEN_ORDNER).is_dir():
        return
    (site / adressen.MASSNAHMEN_ORDNER).rename(site / LAGER)


def _zurueckholen(site: Path, daten: m.Konzeptdaten) -> bool:
    """Merges the pages put aside with what MkDocs wrote into massnahmen/ (overview, its further pages, shell),
    which wins; of the pages put aside only the current measures' are kept. False if nothing was put aside."""
    lager, ordner = site / LAGER, site / adressen.MASSNAHMEN_ORDNER
    if not lager.is_dir():
        return False
    neu = {eintrag.name for eintrag in os.scandir(ordner)} if ordner.is_dir() else set()
    behalten = {x.anker for x in daten.massnahmen} - neu
    for eintrag in os.scandir(lager):
        if eintrag.name not in behalten:
            _entferne(Path(eintrag.path))
    for name in neu:
        os.replace(ordner / name, lager / name)
    if ordner.is_dir():
        ordner.rmdir()
    lager.rename(ordner)
    return True


def _entferne(pfad: Path) -> None:
    if pfad.is_dir() and not pfad.is_symlink():
        shutil.rmtree(pfad)
    else:
        pfad.unlink()


def schreibe(config: MkDocsConfig, daten: m.Konzeptdaten, geschichte: Versionsgeschichte,
             stichtag: faelligkeit.Stichtag) -> int:
    """Writes each measure's page from the shell MkDocs built, removes the shell; returns how many were written.

    Pages kept from the last build of this process are written only when they changed.
    """
    site = Path(config.site_dir)
    behalten = _zurueckholen(site, daten)
    ordner = site / adressen.MASSNAHMEN_ORDNER / seiten.SCHALE_ANKER
    if not (ordner / "index.html").is_file():
        return 0
    schale = (ordner / "index.html").read_text(encoding="utf-8")
    teile = _PLATZHALTER.split(schale)
    shutil.rmtree(ordner)
    vorher = _geschrieben.inhalte if behalten and _geschrieben.site == site and \
        _geschrieben.schale == hash(schale) else {}
    jetzt: dict[str, int] = {}
    sucheintraege = Sucheintraege(seitenteilung.suche_fuer(len(daten.massnahmen), eigene_seite=True))
    eintraege: list[dict] = []
    geschrieben = 0
    for x in daten.massnahmen:
        seiteninhalt = inhalt(daten, geschichte, x, stichtag)
        eintraege.extend(sucheintraege(x, seiteninhalt))
        jetzt[x.anker] = hash(seiteninhalt)
        if vorher.get(x.anker) == jetzt[x.anker]:
            continue
        werte = {seiten.SCHALE_TITEL: html.escape(seiten.massnahme_titel(x)), seiten.SCHALE_ANKER: x.anker,
                 seiten.SCHALE_INHALT: suchindex.ohne_suchattribute(seiteninhalt)}
        ziel = site / adressen.massnahme(x.id)
        ziel.mkdir(parents=True, exist_ok=True)
        (ziel / "index.html").write_text("".join(werte[t] if i % 2 else t for i, t in enumerate(teile)),
                                         encoding="utf-8")
        geschrieben += 1
    _geschrieben.site, _geschrieben.schale, _geschrieben.inhalte = site, hash(schale), jetzt
    _suchindex_ergaenzen(site, eintraege)
    _sitemap_ergaenzen(site, daten)
    return geschrieben


def _suchindex_ergaenzen(site: Path, eintraege: list[dict]) -> None:
    """Puts the measure pages' entries where the shell's are (the search plugin wrote the index before)."""
    pfad = site / "search" / "search_index.json"
    if not pfad.is_file():
        return
    index = json.loads(pfad.read_text(encoding="utf-8"))
    schale = f"{adressen.MASSNAHMEN_ORDNER}{seiten.SCHALE_ANKER}/"
    alle = index["docs"]
    stellen = [i for i, e in enumerate(alle) if e["location"].startswith(schale)]
    stelle = stellen[0] if stellen else len(alle)
    index["docs"] = [e for e in alle[:stelle] if not e["location"].startswith(schale)] + eintraege + \
        [e for e in alle[stelle:] if not e["location"].startswith(schale)]
    # As Material writes it.
    pfad.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


def _sitemap_ergaenzen(site: Path, daten: m.Konzeptdaten) -> None:
    """Replaces the shell's entry in sitemap.xml (and its .gz) by one entry per measure page."""
    pfad = site / "sitemap.xml"
    if not pfad.is_file():
        return
    text = pfad.read_text(encoding="utf-8")
    eintrag = re.search(r"\n[ \t]*<url>\s*<loc>[^<]*" + re.escape(f"/{seiten.SCHALE_ANKER}/") + r"</loc>.*?</url>",
                        text, re.S)
    if eintrag is None:
        return
    block = eintrag.group(0)
    neu = "".join(block.replace(seiten.SCHALE_ANKER, x.anker) for x in daten.massnahmen)
    text = text[:eintrag.start()] + neu + text[eintrag.end():]
    pfad.write_text(text, encoding="utf-8")
    gz = pfad.with_name("sitemap.xml.gz")
    if gz.is_file():
        zeit = int.from_bytes(gz.read_bytes()[4:8], "little")  # MkDocs' build timestamp in the gzip header
        with gz.open("wb") as datei, gzip.GzipFile(fileobj=datei, filename=str(gz), mode="wb", mtime=zeit) as aus:
            aus.write(text.encode("utf-8"))
