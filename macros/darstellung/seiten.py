"""The generated pages: one per measure (its stable permalink, adressen.massnahme), and the further pages of
lists too long for one page (see seitenteilung.py).

A measure's page is built from one shell (ausgabe/massnahmenseiten.py): MkDocs renders SCHALE, a measure
page whose title, address and content are placeholders, and each measure's page is the shell with its own.
With einzeln=True (the comparison build, bloecke.vergleichsbau()) every measure page is a Markdown page of its own.
"""

from __future__ import annotations

import json

from macros.darstellung import adressen, arbeitsgruppen, render, seitenteilung
from macros.darstellung.render import seiten_url
from macros.daten import faelligkeit
from macros.daten import model as m

# The placeholders of the shell: no measure id (^[A-Z]{2,3}-[0-9]{2,4}$) and no text of ours contains them.
SCHALE_ANKER = "ik-seitenschale"
SCHALE = f"{adressen.MASSNAHMEN_ORDNER}{SCHALE_ANKER}.md"
SCHALE_TITEL = "IKSEITENTITEL"
# The content: an empty h1 stands for the card's h1, so that the theme adds no heading of its own.
SCHALE_INHALT = '<h1 id="ikseiteninhalt"></h1>'

# From a measure's own page back to the overview.
ZURUECK = (f'<p class="ik-zurueck"><a href="../../{seiten_url(seitenteilung.UEBERSICHT)}">'
           "Alle Maßnahmen im Überblick</a></p>")


def massnahme_titel(massnahme: m.Massnahme) -> str:
    """The page title of a measure's page (safe: the id is checked against its pattern)."""
    return f"Maßnahme {massnahme.id}"


def seitenkopf(titel: str) -> str:
    """The front matter of a measure's page.

    render_macros: false: the card is rendered here, not by a macro call; the macros plugin compiled each
    of 10,000 pages as a Jinja template of its own, and data text on this page can never be read as Jinja.
    """
    return f'---\ntitle: "{titel}"\nsearch:\n  boost: 0.5\nrender_macros: false\n---\n\n'


def massnahme_rumpf(daten: m.Konzeptdaten, massnahme: m.Massnahme, stichtag: faelligkeit.Stichtag | None) -> str:
    """A measure page's card and the link back, one HTML block that Markdown passes through unchanged."""
    karte = render.massnahme_karte(daten, massnahme, "../../", ebene=1, permalink=False,
                                   suche=seitenteilung.suche_fuer(len(daten.massnahmen), eigene_seite=True),
                                   stichtag=stichtag)
    return f"{karte}\n{ZURUECK}"


def seiteninhalt(daten: m.Konzeptdaten, massnahme: m.Massnahme, stichtag: faelligkeit.Stichtag | None = None) -> str:
    """The Markdown of one measure's own page, when MkDocs builds it as a page of its own."""
    return f"{seitenkopf(massnahme_titel(massnahme))}{massnahme_rumpf(daten, massnahme, stichtag)}\n"


def folgeseite(titel: str, aufruf: str) -> str:
    """The Markdown of page 2, 3 … of a long list: a cleaned title and one macro call.

    Left out of the search index: every measure is found on its own page already.
    """
    sauber = seitenteilung.sicherer_titel(titel)
    kopf = f"---\ntitle: {json.dumps(sauber, ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n\n"
    return f"{kopf}# {sauber}\n\n{aufruf}\n"


def erzeugte_seiten(daten: m.Konzeptdaten, vorhandene: set[str], stichtag: faelligkeit.Stichtag | None = None,
                    einzeln: bool = False) -> dict[str, str]:
    """Path under docs/ -> Markdown of every generated page; vorhandene are the docs files that exist.

    stichtag: the reference date of the labels on measure and working group pages (default: STICHTAG or today).
    The measures' pages are one shell (SCHALE) in the place where, with einzeln, each has its own page.
    """
    stichtag = stichtag or faelligkeit.stichtag()
    if einzeln:
        seiten = {adressen.massnahme_datei(x.id): seiteninhalt(daten, x, stichtag) for x in daten.massnahmen}
    else:
        seiten = {SCHALE: seitenkopf(SCHALE_TITEL)} if daten.massnahmen else {}
    seiten.update(arbeitsgruppen.seiten(daten, stichtag))
    for feld in daten.handlungsfelder:
        if feld.seite not in vorhandene:
            continue
        anzahl = seitenteilung.seitenzahl(len(daten.massnahmen_im_feld(feld.id)), seitenteilung.KARTEN_JE_SEITE)
        for n in range(2, anzahl + 1):
            seiten[seitenteilung.unterseiten_datei(seiten_url(feld.seite), n)] = folgeseite(
                f"{feld.titel}: Maßnahmen, Seite {n} von {anzahl}", f'{{{{ massnahmen("{feld.id}", seite={n}) }}}}')
    if seitenteilung.UEBERSICHT in vorhandene:
        anzahl = seitenteilung.seitenzahl(len(daten.massnahmen), seitenteilung.ZEILEN_JE_SEITE)
        for n in range(2, anzahl + 1):
            seiten[seitenteilung.unterseiten_datei(seiten_url(seitenteilung.UEBERSICHT), n)] = folgeseite(
                f"Alle Maßnahmen, Seite {n} von {anzahl}", f"{{{{ alle_massnahmen(seite={n}) }}}}")
    return seiten


def massnahme_der_seite(daten: m.Konzeptdaten, datei) -> m.Massnahme | None:
    """The measure a generated page shows (massnahmen/sp-01.md -> SP-01); None for every other page."""
    kennung = adressen.kennung_der_datei(datei.src_uri) if datei.generated_by is not None else None
    return daten.finde_massnahme(kennung) if kennung else None
