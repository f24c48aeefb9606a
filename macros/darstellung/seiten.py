"""The generated pages: one per measure (its stable permalink, adressen.massnahme), and the further pages of
lists too long for one page (see seitenteilung.py)."""

from __future__ import annotations

import json

from macros.darstellung import adressen, arbeitsgruppen, render, seitenteilung
from macros.darstellung.render import seiten_url
from macros.daten import faelligkeit
from macros.daten import model as m


def seiteninhalt(daten, massnahme, stichtag: faelligkeit.Stichtag | None = None) -> str:
    """A measure page: a safe title (the id is checked against its pattern) and the finished card.

    The card is rendered here, not by a macro call, and the page says render_macros: false: the
    macros plugin compiled each of 10,000 pages as a Jinja template of its own, a tenth of the
    whole build; and data text on this page can never be read as Jinja.
    """
    karte = render.massnahme_karte(daten, massnahme, "../../", ebene=1, permalink=False,
                                   suche=seitenteilung.suche_fuer(len(daten.massnahmen), eigene_seite=True),
                                   stichtag=stichtag)
    # From a measure's own page back to the overview.
    zurueck = (f'<p class="ik-zurueck"><a href="../../{seiten_url(seitenteilung.UEBERSICHT)}">'
               "Alle Maßnahmen im Überblick</a></p>")
    return (f'---\ntitle: "Maßnahme {massnahme.id}"\nsearch:\n  boost: 0.5\nrender_macros: false\n---\n\n'
            f"{karte}\n{zurueck}\n")


def folgeseite(titel: str, aufruf: str) -> str:
    """The Markdown of page 2, 3 … of a long list: a cleaned title and one macro call.

    Left out of the search index: every measure is found on its own page already.
    """
    sauber = seitenteilung.sicherer_titel(titel)
    kopf = f"---\ntitle: {json.dumps(sauber, ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n\n"
    return f"{kopf}# {sauber}\n\n{aufruf}\n"


def erzeugte_seiten(daten, vorhandene: set[str], stichtag: faelligkeit.Stichtag | None = None) -> dict[str, str]:
    """Path under docs/ -> Markdown of every generated page; vorhandene are the docs files that exist.

    stichtag: the reference date of the labels on measure and working group pages (default: STICHTAG or today).
    """
    stichtag = stichtag or faelligkeit.stichtag()
    seiten = {adressen.massnahme_datei(x.id): seiteninhalt(daten, x, stichtag) for x in daten.massnahmen}
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
