"""Where the translated pages meet MkDocs: the search languages, the generated pages, their content, the language
switcher on every page and the <html lang dir> of a translated page (the pages themselves: sprachseiten.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros.ausgabe import suchindex
from macros.ausgabe.druck import weblink
from macros.darstellung import sprachseiten
from macros.daten import model as m
from macros.daten import uebersetzungen
from macros.daten.suchregeln import sucht_mit_eigenen_regeln
from macros.projekt import Projekt


def suchsprachen(daten: m.Konzeptdaten) -> list[str]:
    """The word rules the search needs for the translations: a language's own where lunr-languages has them,
    otherwise those its `suchregeln` names (a language of the same script); without them its words find nothing."""
    codes: list[str] = []
    for sprache in daten.sprachen:
        code = sprache.code if sucht_mit_eigenen_regeln(sprache.code) else sprache.suchregeln
        if code and sucht_mit_eigenen_regeln(code) and code not in codes:
            codes.append(code)
    return codes


def einrichten(config: MkDocsConfig, daten: m.Konzeptdaten) -> None:
    """The search indexes the translations in their languages where it can; the header shows the switcher."""
    suche = config.plugins.get(suchindex.SUCHE)
    if suche is not None:
        vorhanden = list(suche.config.lang or [])
        suche.config.lang = vorhanden + [code for code in suchsprachen(daten) if code not in vorhanden]
        index = getattr(suche, "search_index", None)  # made in the plugin's on_config, from a copy of its config
        if index is not None:
            index.config["lang"] = suche.config.lang
    # Material's header shows the language switcher (overrides/partials/alternate.html) when this is set; not a
    # list, so that Material's own hreflang links (the same on every page) stay out: main.html writes them per page.
    config.extra["alternate"] = bool(daten.sprachen)
    # Pages without a page context (the 404 page) get the switcher to each language's start page.
    config.extra["ik_sprachwahl"] = sprachseiten.sprachwahl(daten, "de", None) if daten.sprachen else []


def dateien(files: Files, config: MkDocsConfig, daten: m.Konzeptdaten) -> Files:
    """Adds each language's two pages (their edit button opens the translation file) and its summary PDF."""
    for pfad, inhalt in sprachseiten.erzeugte_seiten(daten).items():
        datei = File.generated(config, pfad, content=inhalt, inclusion=InclusionLevel.NOT_IN_NAV)
        datei.edit_uri = f"../data/{uebersetzungen.ORDNER}/{pfad.split('/', 1)[0]}.yaml"
        files.append(datei)
    return weblink.sprach_pdfs_fuer_site(files, config, daten.konzept.pdf_datei, [s.code for s in daten.sprachen])


def _seite(page: Page) -> tuple[str, str] | None:
    return sprachseiten.seite_der_datei(page.meta or {}) if page.file.generated_by is not None else None


def ist_sprachseite(page: Page) -> bool:
    return _seite(page) is not None


def inhalt(page: Page, config: MkDocsConfig, daten: m.Konzeptdaten) -> str:
    """The finished HTML of a translated page."""
    code, art = _seite(page)
    seite = sprachseiten.seitennummer(page.meta)
    umgebung = sprachseiten.Umgebung(deutsche_titel=sprachseiten.deutsche_titel(config.nav),
                                     pdf=config.extra.get(weblink.SPRACH_SCHLUESSEL, {}).get(code),
                                     docs=Projekt.aus_config(config).docs)
    return sprachseiten.inhalt(daten, code, art, umgebung, seite)


def kontext(context: dict, page: Page, config: MkDocsConfig, daten: m.Konzeptdaten) -> dict:
    """The language switcher of every page; a translated page also its navigation and name in its language."""
    if not daten.sprachen:
        return context
    seite = _seite(page)
    if seite is None:
        context["ik_sprachwahl"] = sprachseiten.sprachwahl(
            daten, "de", sprachseiten.art_der_deutschen_seite(page.file.src_uri))
        return context
    code, art = seite
    # A further page of a split list has no counterpart in the other languages: the switcher leads to their start pages.
    gegenstueck = art if sprachseiten.seitennummer(page.meta) == 1 else None
    context["ik_sprachwahl"] = sprachseiten.sprachwahl(daten, code, gegenstueck)
    context["ik_sprachnav"] = sprachseiten.sprachnavigation(daten, code, art,
                                                            sprachseiten.deutsche_titel(config.nav))
    context["ik_seitenname"] = context["ik_sprachnav"]["seitenname"]
    return context


def nachbearbeiten(ausgabe: str, page: Page, daten: m.Konzeptdaten) -> str:
    """A translated page's <html> in its language and direction."""
    seite = _seite(page)
    if seite is None:
        return ausgabe
    return sprachseiten.html_sprache(ausgabe, next(s for s in daten.sprachen if s.code == seite[0]))
