"""The chapters of the PDF, rendered by MkDocs itself: its config, its nav, each page's Markdown and macros.

`druckquelle` loads mkdocs.yml with `mkdocs.config.load_config`, runs the plugin events a build runs up to each
page's content (config, files, nav, page_markdown, page_content) and renders every page of the nav in its order,
in print mode (fassung.py): the macros give every row and card on one page. Nothing is read from a built site,
nothing of the site is written; the theme never runs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.structure.files import get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from macros.ausgabe.druck.fassung import SCHLUESSEL, Druckfassung
from macros.ausgabe.druck.fehler import DruckFehler
from macros.baudaten import daten_fuer
from macros.darstellung import bloecke
from macros.daten.loader import lade_daten
from macros.daten.model import Konzeptdaten
from macros.projekt import Projekt


@dataclass(frozen=True)
class Kapitel:
    """One page of the nav: its Markdown path, its URL, its nav label and the nav section it stands in (if any)."""

    pfad: str
    url: str
    nav_titel: str | None
    abschnitt: str | None

    @classmethod
    def aus_seite(cls, seite: Page) -> Kapitel:
        abschnitt = seite.parent.title if seite.parent is not None else None
        return cls(pfad=seite.file.src_uri, url=seite.url, nav_titel=seite.title, abschnitt=abschnitt)

    @property
    def anker(self) -> str:
        """A stable id for the chapter in the print document: k-handlungsfelder-sprache, k-index."""
        return "k-" + self.pfad[:-3].replace("/", "-")


@dataclass
class Druckquelle:
    """What the print document is made of: the checked data, the config, each chapter and its HTML."""

    daten: Konzeptdaten
    config: MkDocsConfig
    kapitel: list[tuple[Kapitel, str]]

    @property
    def docs(self) -> Path:
        return Path(self.config.docs_dir)


def lade_config(konfig: Path) -> MkDocsConfig:
    """mkdocs.yml as MkDocs reads it (with !ENV, defaults and validation)."""
    try:
        return load_config(str(konfig))
    except (ConfigurationError, OSError) as fehler:
        raise DruckFehler(f"{konfig}: kann die MkDocs-Konfiguration nicht lesen: {fehler}") from None


def navigation(config: MkDocsConfig) -> tuple[Navigation, object]:
    """The nav and the files after every plugin had its say (our hooks add the generated pages)."""
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(get_files(config), config=config)
    set_exclusions(files, config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    if not nav.pages:
        raise DruckFehler(f"{config.config_file_path}: „nav“ nennt keine Seite; das PDF folgt der Navigation.")
    return nav, files


def kapitel_liste(konfig: Path) -> list[Kapitel]:
    """Every Markdown page of mkdocs.yml's nav in reading order, from MkDocs' nav objects without running the
    plugins (quick, for tests and tools; the PDF itself uses `druckquelle`)."""
    config = lade_config(konfig)
    return [Kapitel.aus_seite(seite) for seite in get_navigation(get_files(config), config).pages]


def druckquelle(konfig: Path, karten: str = "auto", karten_bis: int = 300) -> Druckquelle:
    """Renders every chapter of the nav for print; karten: 'auto' (cards up to karten_bis measures), 'alle', 'keine'."""
    config = lade_config(konfig)
    try:
        daten = daten_fuer(config)
    except PluginError:
        lade_daten(Projekt.aus_config(config).daten)  # raises the DatenFehler with every error, for pdf.py
        raise
    mit_karten = karten == "alle" or (karten == "auto" and len(daten.massnahmen) <= karten_bis)
    config.extra[SCHLUESSEL] = Druckfassung(karten=mit_karten)
    # The site build reports broken links and anchors (strictly); here the same warnings would only repeat it.
    mkdocs_log = logging.getLogger("mkdocs")
    vorher = mkdocs_log.level
    mkdocs_log.setLevel(logging.ERROR)
    try:
        nav, files = navigation(config)
        kapitel = []
        for seite in nav.pages:
            seite = config.plugins.on_pre_page(seite, config=config, files=files)
            seite.read_source(config)
            seite.markdown = config.plugins.on_page_markdown(seite.markdown, page=seite, config=config, files=files)
            seite.render(config, files)
            inhalt, _ = bloecke.einsetzen(
                config.plugins.on_page_content(seite.content, page=seite, config=config, files=files))
            kapitel.append((Kapitel.aus_seite(seite), inhalt))
            seite.content = seite.markdown = None  # the HTML is in the list; the page objects need not keep it
    except PluginError as fehler:
        raise DruckFehler(str(fehler)) from None
    finally:
        mkdocs_log.setLevel(vorher)
    return Druckquelle(daten=daten, config=config, kapitel=kapitel)
