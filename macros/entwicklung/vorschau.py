"""`make serve`: how soon a saved change reaches the browser.

Each save rebuilds the whole site in the same process. What did not change is kept from the last build: what is
made from the data (cards, rows, lists, the working groups' pages: wiederverwendung.AUS_DATEN), the calendar
events, the open-data records and the pages' repaired output, each page's HTML from Markdown (MARKDOWN) and its
search entries (SUCHE), all in stores of macros/wiederverwendung.py; the compiled theme templates; the measure
pages (ausgabe/massnahmenseiten.py).
MkDocs looks for changes by polling the watched folders every half second, so a save waited 0.25 s on
average (up to 0.5 s) before the rebuild began; a poll is a few hundred stat calls here (docs/, data/,
macros/, overrides/), so polling every twentieth of a second costs next to nothing. After a change MkDocs waits until
nothing changed for 0.1 s more; one poll already gathers what one save writes, so a fiftieth is enough.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from watchdog.observers.polling import PollingObserver

from macros.ausgabe import suchindex
from macros.darstellung import bloecke
from macros.projekt import Projekt
from macros.wiederverwendung import Wiederverwendung

ABFRAGE_S = 0.05
RUHE_S = 0.02   # how long no further change must come before the rebuild begins


def schneller_beobachten(server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
    """Polls the watched paths every ABFRAGE_S seconds instead of every 0.5 s.

    on_serve runs after MkDocs watched docs_dir, mkdocs.yml and (with --watch-theme) the theme, before the
    `watch:` paths: those are moved to the new observer, the rest is watched there from the start.
    """
    schon = []
    for pfad in (config.docs_dir, config.config_file_path, *config.theme.dirs):
        try:
            server.unwatch(pfad)
        except KeyError:  # not watched (the theme without --watch-theme)
            continue
        schon.append(pfad)
    server.observer = PollingObserver(timeout=ABFRAGE_S)
    server.build_delay = RUHE_S
    for pfad in schon:
        server.watch(pfad)
    return server


def einrichten(befehl: str) -> None:
    """Once per process: `mkdocs serve` keeps cards and events from build to build, `mkdocs build` needs each
    once."""
    Wiederverwendung.merken = befehl == "serve"
    if befehl == "serve" and not hasattr(Page.render, "gemerkt"):
        Page.render = _render_gemerkt(Page.render)
        Files.add_files_from_theme = _themendateien_gemerkt(Files.add_files_from_theme)


class _Vorlagenspeicher(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in memory from build to build (Jinja checks each one's source)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


VORLAGEN = _Vorlagenspeicher()


def vorlagen_merken(env: jinja2.Environment) -> jinja2.Environment:
    """MkDocs makes a new theme environment for each build, which compiled some 40 templates again."""
    env.bytecode_cache = VORLAGEN
    return env


# Material's search entries of each page, by everything they are made from.
SUCHE: Wiederverwendung[list[dict]] = Wiederverwendung()


def _toc(eintraege) -> tuple:
    return tuple((e.id, e.url, e.title, _toc(e.children)) for e in eintraege)


def neuer_bau(config: MkDocsConfig) -> None:
    """At the start of each build in `make serve`: what the last build rendered becomes what this one may reuse."""
    Wiederverwendung.neuer_bau()
    if Wiederverwendung.merken:
        SEITENQUELLEN.neuer_bau(config)
        suche_merken(config)


def suche_merken(config: MkDocsConfig) -> None:
    """In `make serve`, Material's search plugin parses only pages whose content changed (it parsed every page's
    HTML on each build, a fourth of a rebuild at 1,000 measures). Runs after the plugin's on_config made the
    build's index; without Material's index (another search plugin) nothing changes."""
    plugin = config.plugins.get(suchindex.SUCHE)
    index = getattr(plugin, "search_index", None)
    eintragen = getattr(index, "add_entry_from_context", None)
    if eintragen is None or not isinstance(getattr(index, "entries", None), list):
        return

    def eintragen_gemerkt(page) -> None:
        # The placeholders of blocks the search leaves out are numbered anew in each build.
        inhalt = bloecke.ohne_nummern(page.content or "")[0]
        schluessel = (page.url, page.title, repr(page.meta), _toc(page.toc), inhalt)
        eintraege = SUCHE.zuletzt(schluessel)
        if eintraege is None:
            anfang = len(index.entries)
            eintragen(page)
            eintraege = index.entries[anfang:]
        else:
            index.entries.extend(eintraege)
        SUCHE.behalten(schluessel, eintraege)

    index.add_entry_from_context = eintragen_gemerkt


class _Seitenquellen:
    """What a page's HTML from Markdown depends on besides its Markdown and address: the site's files (links
    resolve against them) and every source except the data (docs/ with its snippets, overrides/, mkdocs.yml,
    macros/). A change to those sources drops the pages kept in MARKDOWN."""

    def __init__(self) -> None:
        self.stand: tuple | None = None
        self._dateien: tuple[Files | None, int] = (None, 0)

    def neuer_bau(self, config: MkDocsConfig) -> None:
        stand = _quellenstand(config)
        if stand != self.stand:
            MARKDOWN.vergessen()
        self.stand = stand

    def dateien(self, files: Files) -> int:
        """The site's files by source and address, once per build."""
        if self._dateien[0] is not files:
            self._dateien = (files, hash(tuple((datei.src_uri, datei.url) for datei in files)))
        return self._dateien[1]


SEITENQUELLEN = _Seitenquellen()
# Each page's HTML, toc, title and link targets from Markdown, by its Markdown (placeholders unnumbered), address
# and the site's files: a save to data/ changes the Markdown of few pages, the long lists being placeholders.
MARKDOWN: Wiederverwendung[tuple] = Wiederverwendung()


def _quellenstand(config: MkDocsConfig) -> tuple:
    """Path, size and modification time of every source a page's HTML may depend on, except the data."""
    daten = Projekt.aus_config(config).daten.resolve()
    wurzeln = {Path(config.docs_dir), Path(config.config_file_path or ""), *(Path(p) for p in config.watch)}
    if config.theme.custom_dir:
        wurzeln.add(Path(config.theme.custom_dir))
    return _dateistand(w for w in wurzeln if w.resolve() != daten)


def _dateistand(wurzeln) -> tuple:
    """Path, size and modification time of each file below the given folders (or of the given files)."""
    stand = []
    for wurzel in sorted(Path(w).resolve() for w in wurzeln):
        if not wurzel.exists():
            continue
        pfade = [wurzel] if wurzel.is_file() else (Path(ordner) / name for ordner, _, namen in os.walk(wurzel)
                                                     for name in namen)
        for pfad in pfade:
            info = pfad.stat()
            stand.append((str(pfad), info.st_size, info.st_mtime_ns))
    return tuple(sorted(stand))


def _render_gemerkt(rendern):
    """Page.render that takes a page's HTML from the last build when nothing it is made from changed."""

    def render(page: Page, config: MkDocsConfig, files: Files) -> None:
        if not Wiederverwendung.merken:
            return rendern(page, config, files)
        markdown, nummern = bloecke.ohne_nummern(page.markdown or "")
        schluessel = (page.file.src_uri, page.url, markdown, SEITENQUELLEN.dateien(files))
        gemerkt = MARKDOWN.zuletzt(schluessel)
        if gemerkt is None:
            rendern(page, config, files)
            html, im_html = bloecke.ohne_nummern(page.content or "")
            if im_html != nummern:   # a placeholder Markdown did not pass through as it is
                return
            ziele = page.links_to_anchors
            gemerkt = (html, page.toc, page._title_from_render, frozenset(page.present_anchor_ids or ()),
                       None if ziele is None else {datei.src_uri: anker for datei, anker in ziele.items()})
        else:
            html, toc, titel, anker, ziele = gemerkt
            page.content, page.toc, page._title_from_render = bloecke.mit_nummern(html, nummern), toc, titel
            page.present_anchor_ids = set(anker)
            if ziele is not None:
                page.links_to_anchors = {files.get_file_from_path(src): dict(a) for src, a in ziele.items()}
        MARKDOWN.behalten(schluessel, gemerkt)

    render.gemerkt = True
    return render


_THEMENDATEIEN: dict[tuple, list[tuple[str, str]]] = {}


def _themendateien_gemerkt(hinzufuegen):
    """Files.add_files_from_theme that lists the theme's files once: Jinja walked Material's folder, its some
    10,000 icons included, at each build. The list is listed anew when the theme's own folder (custom_dir)
    changed."""

    def add_files_from_theme(files: Files, env: jinja2.Environment, config: MkDocsConfig) -> None:
        if not Wiederverwendung.merken:
            return hinzufuegen(files, env, config)
        eigene = [config.theme.custom_dir] if config.theme.custom_dir else []
        schluessel = (tuple(config.theme.dirs), tuple(config.theme.static_templates), config.site_dir,
                      _dateistand(eigene))
        if schluessel not in _THEMENDATEIEN:
            probe = Files([])
            hinzufuegen(probe, env, config)
            _THEMENDATEIEN.clear()
            _THEMENDATEIEN[schluessel] = [(datei.src_uri, datei.src_dir) for datei in probe]
        for pfad, quelle in _THEMENDATEIEN[schluessel]:
            if files.get_file_from_path(pfad) is None:
                files.append(File(pfad, quelle, config.site_dir, config.use_directory_urls))

    return add_files_from_theme
