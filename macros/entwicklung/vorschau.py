"""`make serve`: how soon a saved change reaches the browser.

Each save rebuilds the whole site in the same process. What did not change is kept from the last build: the
measure cards (render.KARTEN), the calendar events (kalender.EREIGNISSE), the compiled theme templates, the
measure pages (ausgabe/massnahmenseiten.py).
MkDocs looks for changes by polling the watched folders every half second, so a save waited 0.25 s on
average (up to 0.5 s) before the rebuild began; a poll is a few hundred stat calls here (docs/, data/,
macros/, overrides/), so polling every twentieth of a second costs next to nothing. After a change MkDocs waits until
nothing changed for 0.1 s more; one poll already gathers what one save writes, so a fiftieth is enough.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from macros.ausgabe import kalender
from macros.darstellung import render

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
    render.KARTEN.merken = kalender.EREIGNISSE.merken = befehl == "serve"


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


class _Suchspeicher:
    """Material's search entries of each page of the last build, by everything they are made from."""

    def __init__(self) -> None:
        self.vorher: dict[tuple, list[dict]] = {}
        self.jetzt: dict[tuple, list[dict]] = {}


SUCHE = _Suchspeicher()


def _toc(eintraege) -> tuple:
    return tuple((e.id, e.url, e.title, _toc(e.children)) for e in eintraege)


def suche_merken(config: MkDocsConfig) -> None:
    """In `make serve`, Material's search plugin parses only pages whose content changed (it parsed every page's
    HTML on each build, a fourth of a rebuild at 1,000 measures). Runs after the plugin's on_config made the
    build's index; without Material's index (another search plugin) nothing changes."""
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    eintragen = getattr(index, "add_entry_from_context", None)
    if not render.KARTEN.merken or eintragen is None or not isinstance(getattr(index, "entries", None), list):
        return
    SUCHE.vorher, SUCHE.jetzt = SUCHE.jetzt, {}

    def eintragen_gemerkt(page) -> None:
        schluessel = (page.url, page.title, repr(page.meta), _toc(page.toc), page.content)
        eintraege = SUCHE.vorher.get(schluessel)
        if eintraege is None:
            anfang = len(index.entries)
            eintragen(page)
            eintraege = index.entries[anfang:]
        else:
            index.entries.extend(eintraege)
        SUCHE.jetzt[schluessel] = eintraege

    index.add_entry_from_context = eintragen_gemerkt
