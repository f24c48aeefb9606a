"""A page per working group (arbeitsgruppen/<gremium-id>/): what needs attention, its field, its measures, its feed.

The groups are the Gremien that data/handlungsfelder.yaml names as `arbeitsgruppe` of a field: the five working
groups, and the Steuerungsgruppe for the cross-cutting measures. The pages are generated from the data (like the
measure pages); docs/arbeitsgruppen/index.md lists them.
"""

from __future__ import annotations

import json

from macros.darstellung import bloecke, seitenteilung, zeilen
from macros.darstellung import uebersicht as uebersicht_
from macros.darstellung.datum import datum_lang
from macros.darstellung.render import aus_vorlage, geteilt, massnahme_url, seiten_url
from macros.daten import faelligkeit
from macros.daten import model as m
from macros.daten.gruppen import KALENDER_KONZEPT, KALENDER_ORDNER, Gruppe, gruppen
from macros.wiederverwendung import AUS_DATEN

# The columns of a group's table (begriffe.SPALTEN), then its Stand and the labels on the reference date.
SPALTEN = ("id", "titel", "status", "beschlussstand", "zeitraum")
ZEIGE_JE_HINWEIS = 50   # measures listed under each label on a group page; the rest through the overview's filter


def seiten(daten: m.Konzeptdaten, stichtag: faelligkeit.Stichtag) -> dict[str, str]:
    """docs path -> Markdown of every group page and of the further pages of a long list of measures."""
    ergebnis = {}
    for gruppe in gruppen(daten):
        anzahl = seitenteilung.seitenzahl(len(gruppe.massnahmen(daten)), seitenteilung.ZEILEN_JE_SEITE)
        for n in range(1, anzahl + 1):
            pfad = gruppe.datei if n == 1 else seitenteilung.unterseiten_datei(gruppe.url, n)
            schluessel = ("gruppe", gruppe.gremium.id, n, stichtag, gruppe.massnahmen(daten))
            aufnahme = AUS_DATEN.wert(daten, schluessel, lambda gruppe=gruppe, n=n: bloecke.aufnehmen(
                seiteninhalt(daten, gruppe, stichtag, n)))
            ergebnis[pfad] = bloecke.wiedergeben(aufnahme)
    return ergebnis


TITEL_HOECHSTENS = 30   # the page's own part of <title> (the site's name follows; 70 characters in all)


def seitentitel(gruppe: Gruppe) -> str:
    """A short title for the browser tab: the group's name, or a shorter one that still says which group."""
    felder = ", ".join(feld.titel for feld in gruppe.felder)
    if gruppe.gremium.art == "arbeitsgruppe":
        kandidaten = [gruppe.gremium.name, f"AG {felder}", f"AG {felder.replace(' und ', ', ')}", felder]
    else:
        kandidaten = [gruppe.gremium.name, gruppe.gremium.art.capitalize()]
    kandidaten = [seitenteilung.sicherer_titel(k) for k in kandidaten]
    return next((k for k in kandidaten if len(k) <= TITEL_HOECHSTENS), kandidaten[-1][:TITEL_HOECHSTENS])


def seiteninhalt(daten: m.Konzeptdaten, gruppe: Gruppe, stichtag: faelligkeit.Stichtag, seite: int = 1) -> str:
    """A group page: a safe title, then finished HTML (render_macros: false, as on the measure pages)."""
    titel = seitentitel(gruppe)
    if seite > 1:
        titel = f"{titel}, Seite {seite}"
    wurzel = "../../" if seite == 1 else "../../../"
    # Further pages stay out of the search index: every measure is found on its own page already.
    suche = "search:\n  exclude: true\n" if seite > 1 else ""
    kopf = f"---\ntitle: {json.dumps(titel, ensure_ascii=False)}\nrender_macros: false\n{suche}---\n\n"
    return kopf + inhalt(daten, gruppe, stichtag, wurzel, seite) + "\n"


def inhalt(daten: m.Konzeptdaten, gruppe: Gruppe, stichtag: faelligkeit.Stichtag, wurzel: str, seite: int) -> str:
    """The HTML of page `seite` of a group: attention, field and feed on the first, its measures on every page."""
    alle = gruppe.massnahmen(daten)
    liste, oben, unten = geteilt(alle, seite, seitenteilung.ZEILEN_JE_SEITE, gruppe.url,
                                 f"Seiten der Maßnahmen von {gruppe.gremium.name}", wurzel)
    parameter = uebersicht_.PARAMETER
    feld = f"&{parameter['feld']}={gruppe.felder[0].id}" if len(gruppe.felder) == 1 else ""
    filter_url = lambda code: f"{wurzel}{seiten_url(seitenteilung.UEBERSICHT)}?{parameter['hinweis']}={code}{feld}"  # noqa: E731
    return aus_vorlage("arbeitsgruppe_seite.html", daten=daten, gruppe=gruppe, alle=alle, liste=liste, oben=oben,
                   unten=unten, seite=seite, wurzel=wurzel, stichtag=stichtag, url=massnahme_url,
                   feld_url=lambda feld: f"{wurzel}{seiten_url(feld.seite)}", zeige=ZEIGE_JE_HINWEIS,
                   nach_hinweis=faelligkeit.nach_hinweis(alle, stichtag.datum), hinweise=faelligkeit.hinweise,
                   HINWEISE=faelligkeit.HINWEISE, BEDEUTUNG=faelligkeit.BEDEUTUNG, datum_lang=datum_lang,
                   filter_url=filter_url, spalten=SPALTEN, zeilen=zeilen.tabellenzeilen(daten, liste, SPALTEN))


def uebersicht(daten: m.Konzeptdaten, stichtag: faelligkeit.Stichtag, wurzel: str) -> str:
    """The table of all groups: field, number of measures, how many carry each label, the feed."""
    zeilen = []
    for gruppe in gruppen(daten):
        zaehlung = {code: len(liste) for code, liste in
                    faelligkeit.nach_hinweis(gruppe.massnahmen(daten), stichtag.datum).items()}
        zeilen.append((gruppe, len(gruppe.massnahmen(daten)), zaehlung))
    return aus_vorlage("arbeitsgruppen_uebersicht.html", zeilen=zeilen, wurzel=wurzel, stichtag=stichtag,
                   HINWEISE=faelligkeit.HINWEISE, BEDEUTUNG=faelligkeit.BEDEUTUNG, datum_lang=datum_lang,
                   feld_url=lambda feld: f"{wurzel}{seiten_url(feld.seite)}",
                   kalender=f"{wurzel}{KALENDER_ORDNER}{KALENDER_KONZEPT}")
