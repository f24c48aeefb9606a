"""The overview "Alle Maßnahmen": one table of every measure, with the data the filter script needs.

Without JavaScript the table is complete. filter.js (docs/assets/javascripts/filter.js) reads the rows' data-*
attributes and adds filters, sorting and the URL state. Keep every row in `massnahmen_uebersicht` (one render
function): a paginated version renders only a slice of rows and sets `daten_url`, then the script loads the full
list from massnahmen.json instead of reading the rows (see filter.js, "Datenquelle").
"""

from __future__ import annotations

from macros.ausgabe import offene_daten
from macros.darstellung import seitenteilung
from macros.darstellung.render import _render, geteilt, massnahme_url, seiten_url
from macros.daten import model as m

# URL parameter names of the filter (also used by filter.js; Material's search already uses q and h).
PARAMETER = {"feld": "feld", "status": "status", "federfuehrung": "federfuehrung", "suche": "suche",
             "sortierung": "sortierung"}

SORTIERUNGEN = (
    ("nr", "Reihenfolge im Konzept"),
    ("titel", "Titel (A–Z)"),
    ("feld", "Handlungsfeld"),
    ("status", "Status"),
    ("federfuehrung", "Federführung"),
    ("beginn", "Beginn (älteste zuerst)"),
)


def suchtext(daten: m.Konzeptdaten, x: m.Massnahme) -> str:
    """What the free-text filter searches besides the visible cells: the field's full name, description, goal,
    target groups, partners (the same texts filter.js searches in massnahmen.json)."""
    teile = [daten.handlungsfeld(x.handlungsfeld).voller_titel, x.beschreibung, x.ziel, *x.zielgruppe,
             *(daten.stelle(p) for p in x.partner)]
    return " ".join(" ".join(teile).split()).lower()


def auswahl(daten: m.Konzeptdaten, massnahmen: tuple[m.Massnahme, ...]) -> dict[str, list[tuple[str, str, int]]]:
    """The options of each select: (code, label, count), only codes that occur, in a fixed order."""
    def zaehle(schluessel, reihenfolge, name):
        anzahl: dict[str, int] = {}
        for x in massnahmen:
            anzahl[schluessel(x)] = anzahl.get(schluessel(x), 0) + 1
        return [(code, name(code), anzahl[code]) for code in reihenfolge(anzahl) if code in anzahl]

    return {
        "feld": zaehle(lambda x: x.handlungsfeld, lambda _: [f.id for f in daten.handlungsfelder],
                       lambda c: daten.handlungsfeld(c).voller_titel),
        "status": zaehle(lambda x: x.status, lambda _: list(m.STATUS), lambda c: m.STATUS[c]),
        "federfuehrung": zaehle(lambda x: x.federfuehrung,
                                lambda a: sorted(a, key=lambda c: daten.stelle(c).lower()), daten.stelle),
    }


_auswahl_aller: list = [None, None]


def auswahl_aller(daten: m.Konzeptdaten) -> dict[str, list[tuple[str, str, int]]]:
    """auswahl over every measure, counted once per state of the data (every page of the overview shows it)."""
    if _auswahl_aller[0] is not daten:
        _auswahl_aller[:] = [daten, auswahl(daten, daten.massnahmen)]
    return _auswahl_aller[1]


def massnahmen_uebersicht(daten: m.Konzeptdaten, massnahmen: tuple[m.Massnahme, ...], wurzel: str,
                          daten_url: str | None = None) -> str:
    """Filter form (hidden until the script runs), live result count, and the table of `massnahmen`."""
    return _render("massnahmen_uebersicht.html", daten=daten, massnahmen=massnahmen, wurzel=wurzel,
                   url=massnahme_url, auswahl=auswahl_aller(daten), suchtext=suchtext,
                   sortierungen=SORTIERUNGEN, p=PARAMETER, gesamt=len(daten.massnahmen),
                   status_reihenfolge=list(m.STATUS), daten_url=daten_url,
                   feld_reihenfolge=[f.id for f in daten.handlungsfelder])


def alle_massnahmen(daten: m.Konzeptdaten, seite: int, wurzel: str) -> str:
    """Page `seite` of the overview, with page links and the filter script.

    A long catalogue is split over pages; the filter then loads the full list from the open data
    (data-daten-url), so it still filters over every measure.
    """
    skript = f'<script src="{wurzel}assets/javascripts/filter.js" defer></script>'
    liste, oben, unten = geteilt(daten.massnahmen, seite, seitenteilung.ZEILEN_JE_SEITE,
                                 seiten_url(seitenteilung.UEBERSICHT), "Seiten der Übersicht", wurzel)
    daten_url = f"{wurzel}{offene_daten.ORDNER}/{offene_daten.JSON_DATEI}" if oben else None
    tabelle = massnahmen_uebersicht(daten, liste, wurzel, daten_url)
    return "\n".join(teil for teil in (oben, tabelle, unten, skript) if teil)
