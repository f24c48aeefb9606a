"""Where the site meets MkDocs: every hook of the build, each handing its work to the package's modules."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros.ausgabe import kalender, massnahmenseiten, offene_daten, sprachfassung, suchindex, versionsgeschichte
from macros.ausgabe.druck import weblink
from macros.baudaten import daten_fuer, stichtag_fuer
from macros.darstellung import barrierefrei, bloecke, seiten, statusfarben, uebersicht, verlauf
from macros.entwicklung import vorschau
from macros.projekt import Projekt


def on_startup(*, command: str, dirty: bool) -> None:
    """`make serve` keeps what a save did not change from one build to the next."""
    vorschau.einrichten(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Reads the git history anew for each build; the footer shows the built version."""
    bloecke.vergessen()
    suchindex.schneller_aufraeumen(config)
    vorschau.neuer_bau(config)
    geschichte = versionsgeschichte.aktuell(Projekt.aus_config(config).wurzel, neu=True)
    config.extra["ik_version"] = geschichte.version.text()
    sprachfassung.einrichten(config, daten_fuer(config))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Adds the measure pages' shell (or a page per measure), a page per working group, the further pages of
    long lists (not to the navigation), the translated pages, the status stylesheet, each measure page as a link
    target, and the PDFs if they are built."""
    daten, einzeln = daten_fuer(config), bloecke.vergleichsbau()
    vorhandene = {datei.src_uri for datei in files}
    for pfad, inhalt in seiten.erzeugte_seiten(daten, vorhandene, stichtag_fuer(config), einzeln).items():
        files.append(File.generated(config, pfad, content=inhalt, inclusion=InclusionLevel.NOT_IN_NAV))
    files.append(File.generated(config, statusfarben.DATEI, content=statusfarben.css()))
    for datei in () if einzeln else massnahmenseiten.verweisziele(config, daten):
        files.append(datei)
    files = sprachfassung.dateien(files, config, daten)
    return weblink.pdf_fuer_site(files, config, daten.konzept.pdf_datei)


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Keeps the last build's measure pages out of MkDocs' emptying of the site folder."""
    massnahmenseiten.beiseite(config)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Puts tables into focusable regions and appends the page's last change (a measure page: its changes); a
    translated page and the long lists wait as placeholders until the page is built."""
    if massnahmenseiten.ist_schale(page.file):
        return seiten.SCHALE_INHALT
    daten = daten_fuer(config)
    if sprachfassung.ist_sprachseite(page):
        return bloecke.ohne_markdown(lambda: sprachfassung.inhalt(page, config, daten))
    geschichte = versionsgeschichte.aktuell(Projekt.aus_config(config).wurzel)
    massnahme = seiten.massnahme_der_seite(daten, page.file)
    if massnahme is not None:
        fuss = verlauf.massnahme_aenderungen(geschichte, massnahme, daten)
    else:
        fuss = verlauf.seitenstand(geschichte, page.file.src_uri, page.file.generated_by is not None,
                                   "{{" in (page.file.content_string or ""), daten.konzept.stand)
    return barrierefrei.tabellen_region(html) + fuss


@event_priority(100)  # before the search indexes the page
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """The page's long lists in place of their placeholders (those the search indexes); the language switcher
    on every page; a translated page's navigation in its language."""
    page.content, anker = bloecke.einsetzen(page.content or "", vor_der_suche=True)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | anker
    return sprachfassung.kontext(context, page, config, daten_fuer(config))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """The blocks the search leaves out in place of their placeholders; repairs Material's markup on every page;
    a translated page gets its language and direction. The page object then lets go of its HTML, which the
    output holds now (a long list's pages would keep it to the end)."""
    output, anker = bloecke.einsetzen(output)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | anker
    ausgabe = barrierefrei.REPARIERT.wert(sprachfassung.nachbearbeiten(output, page, daten_fuer(config)))
    page.content = None
    return ausgabe


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a theme template, not a page: it gets the same repairs."""
    return barrierefrei.repariere_seite(output_content) if template_name.endswith(".html") else output_content


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Compiled theme templates are kept from build to build."""
    return vorschau.vorlagen_merken(env)


def on_post_build(*, config: MkDocsConfig) -> None:
    """Writes each measure's page from the shell, the open data (JSON, CSV, the JSON Schemas), the overview's
    rows for its filter and the calendar feeds into the site."""
    daten, projekt, site, stichtag = daten_fuer(config), Projekt.aus_config(config), Path(config.site_dir), \
        stichtag_fuer(config)
    massnahmenseiten.schreibe(config, daten, versionsgeschichte.aktuell(projekt.wurzel), stichtag)
    offene_daten.schreibe_offene_daten(daten, site, config.site_url or "", projekt.daten / "schema")
    uebersicht.schreibe_zeilen(daten, site, stichtag)
    kalender.schreibe_kalender(daten, site, config.site_url or "")


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    """`make serve` notices a saved change sooner."""
    return vorschau.schneller_beobachten(server, config)
