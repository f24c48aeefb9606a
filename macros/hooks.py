"""Where the site meets MkDocs: every hook of the build, each handing its work to the package's modules."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros.ausgabe import kalender, offene_daten, versionsgeschichte
from macros.ausgabe.druck import weblink
from macros.baudaten import daten_fuer, stichtag_fuer
from macros.darstellung import barrierefrei, seiten, statusfarben, uebersicht, verlauf
from macros.projekt import Projekt


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Reads the git history anew for each build; the footer shows the built version."""
    geschichte = versionsgeschichte.aktuell(Projekt.aus_config(config).wurzel, neu=True)
    config.extra["ik_version"] = geschichte.version.text()
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Adds a page per measure and per working group, the further pages of long lists (not to the navigation),
    the status stylesheet, and the PDF if it is built."""
    daten = daten_fuer(config)
    vorhandene = {datei.src_uri for datei in files}
    for pfad, inhalt in seiten.erzeugte_seiten(daten, vorhandene, stichtag_fuer(config)).items():
        files.append(File.generated(config, pfad, content=inhalt, inclusion=InclusionLevel.NOT_IN_NAV))
    files.append(File.generated(config, statusfarben.DATEI, content=statusfarben.css()))
    return weblink.pdf_fuer_site(files, config, daten.konzept.pdf_datei)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Puts tables into focusable regions and appends the page's last change (a measure page: its changes)."""
    daten = daten_fuer(config)
    geschichte = versionsgeschichte.aktuell(Projekt.aus_config(config).wurzel)
    massnahme = seiten.massnahme_der_seite(daten, page.file)
    if massnahme is not None:
        fuss = verlauf.massnahme_aenderungen(geschichte, massnahme, daten)
    else:
        fuss = verlauf.seitenstand(geschichte, page.file.src_uri, page.file.generated_by is not None,
                                   "{{" in (page.file.content_string or ""), daten.konzept.stand)
    return barrierefrei.tabellen_region(html) + fuss


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Repairs Material's markup on every page."""
    return barrierefrei.repariere_seite(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a theme template, not a page: it gets the same repairs."""
    return barrierefrei.repariere_seite(output_content) if template_name.endswith(".html") else output_content


def on_post_build(*, config: MkDocsConfig) -> None:
    """Writes the open data (JSON, CSV, the JSON Schemas), the overview's rows for its filter and the calendar
    feeds into the site."""
    daten = daten_fuer(config)
    offene_daten.schreibe_offene_daten(daten, Path(config.site_dir), config.site_url or "",
                                       Projekt.aus_config(config).daten / "schema")
    uebersicht.schreibe_zeilen(daten, Path(config.site_dir), stichtag_fuer(config))
    kalender.schreibe_kalender(daten, Path(config.site_dir), config.site_url or "")
