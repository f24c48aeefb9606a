"""The overview "Alle Maßnahmen": one table of every measure, with the data the filter script needs.

Without JavaScript the table is complete. filter.js (docs/assets/javascripts/filter.js) reads the rows' data-*
attributes and adds filters, sorting and the URL state. A row is defined once, by `zeile`: the template renders
it, and for an overview split over pages the build writes every row into massnahmen/zeilen.json
(`schreibe_zeilen`), from which the script builds the same cells (see filter.js, "Datenquelle").
"""

from __future__ import annotations

import json
from pathlib import Path

from macros.darstellung import adressen, seitenteilung, zeilen
from macros.darstellung.render import aus_vorlage, geteilt, gezeigte, seiten_url
from macros.daten import begriffe as b
from macros.daten import faelligkeit
from macros.daten import model as m
from macros.wiederverwendung import AUS_DATEN

# URL parameter names of the filter (also used by filter.js; Material's search already uses q and h).
PARAMETER = {"feld": "feld", "status": "status", "federfuehrung": "federfuehrung", "suche": "suche",
             "sortierung": "sortierung", "hinweis": "hinweis"}

SORTIERUNGEN = (
    ("nr", "Reihenfolge im Konzept"),
    ("titel", "Titel (A–Z)"),
    ("feld", "Handlungsfeld"),
    ("status", "Status"),
    ("federfuehrung", "Federführung"),
    ("beginn", "Beginn (älteste zuerst)"),
)
# The sorting a column's header stands for (its aria-sort); filter.js also sorts by the text of "titel" and
# "federfuehrung" in these columns.
SORTIERUNG_DER_SPALTE = {"id": "nr", "titel": "titel", "status": "status", "handlungsfeld": "feld",
                         "federfuehrung": "federfuehrung", "zeitraum": "beginn"}
# The data-* attribute of a row for each key of `zeile` that filter.js reads.
ZEILENATTRIBUTE = (("data-id", "id"), ("data-feld", "feld"), ("data-status", "status"),
                   ("data-federfuehrung", "federfuehrung"), ("data-beginn", "beginn"), ("data-suche", "suche"),
                   ("data-hinweise", "hinweise"))


def suchtext(daten: m.Konzeptdaten, x: m.Massnahme, zellen: tuple[zeilen.Zelle, ...]) -> str:
    """What the free-text filter searches: the row's cells, the field's full name, description, goal, target
    groups and partners, in lower case."""
    teile = [*(z.text for z in zellen), daten.handlungsfeld(x.handlungsfeld).voller_titel, x.beschreibung, x.ziel,
             *x.zielgruppe, *(daten.stelle(p) for p in x.partner)]
    return " ".join(" ".join(teile).split()).lower()


def zeile(daten: m.Konzeptdaten, x: m.Massnahme, stichtag: faelligkeit.Stichtag) -> dict:
    """One row of the overview: what the filter compares (codes, labels due on the reference date, beginning,
    search text) and the cells."""
    zellen = zeilen.zellen(daten, x, b.UEBERSICHT_SPALTEN)
    return {"id": x.id, "feld": x.handlungsfeld, "status": x.status, "federfuehrung": x.federfuehrung,
            "hinweise": " ".join(faelligkeit.hinweise(x, stichtag.datum)), "beginn": x.beginn or "",
            "suche": suchtext(daten, x, zellen), "zellen": zellen}


def _als_json(wert) -> str:
    return json.dumps(wert, ensure_ascii=False, separators=(",", ":"))


def zeilen_json(daten: m.Konzeptdaten, stichtag: faelligkeit.Stichtag) -> str:
    """Every row of the overview for the filter script of a split overview (`make serve` keeps each row's JSON
    from the last build, like the cards)."""
    def zeile_json(x: m.Massnahme) -> str:
        r = zeile(daten, x, stichtag)
        return _als_json(dict(r, zellen=[z.als_json() for z in r["zellen"]]))
    liste = [AUS_DATEN.wert(daten, ("zeile", x, stichtag), lambda x=x: zeile_json(x)) for x in daten.massnahmen]
    return f'{{"anzahl":{len(liste)},"zeilen":[{",".join(liste)}]}}\n'  # as json.dumps of the whole list writes it


def schreibe_zeilen(daten: m.Konzeptdaten, site_dir: Path, stichtag: faelligkeit.Stichtag) -> Path:
    """Writes massnahmen/zeilen.json into the built site."""
    pfad = site_dir / adressen.UEBERSICHT_ZEILEN
    pfad.parent.mkdir(parents=True, exist_ok=True)
    pfad.write_text(zeilen_json(daten, stichtag), encoding="utf-8")
    return pfad


def auswahl(daten: m.Konzeptdaten, massnahmen: tuple[m.Massnahme, ...], stichtag: faelligkeit.Stichtag
            ) -> dict[str, list[tuple[str, str, int]]]:
    """The options of each select: (code, label, count), only codes that occur, in a fixed order."""
    def zaehle(schluessel, reihenfolge, name):
        anzahl: dict[str, int] = {}
        for x in massnahmen:
            anzahl[schluessel(x)] = anzahl.get(schluessel(x), 0) + 1
        return [(code, name(code), anzahl[code]) for code in reihenfolge(anzahl) if code in anzahl]

    return {
        "feld": zaehle(lambda x: x.handlungsfeld, lambda _: [f.id for f in daten.handlungsfelder],
                       lambda c: daten.handlungsfeld(c).voller_titel),
        "status": zaehle(lambda x: x.status, lambda _: list(b.STATUS), lambda c: b.STATUS[c]),
        "federfuehrung": zaehle(lambda x: x.federfuehrung,
                                lambda a: sorted(a, key=lambda c: daten.stelle(c).lower()), daten.stelle),
        "hinweis": [(code, b.HINWEISE[code], len(liste)) for code, liste in
                    faelligkeit.nach_hinweis(massnahmen, stichtag.datum).items() if liste],
    }


_auswahl_aller: list = [None, None, None]


def auswahl_aller(daten: m.Konzeptdaten, stichtag: faelligkeit.Stichtag) -> dict[str, list[tuple[str, str, int]]]:
    """auswahl over every measure, counted once per state of the data (every page of the overview shows it)."""
    if _auswahl_aller[0] is not daten or _auswahl_aller[1] != stichtag:
        _auswahl_aller[:] = [daten, stichtag, auswahl(daten, daten.massnahmen, stichtag)]
    return _auswahl_aller[2]


def massnahmen_uebersicht(daten: m.Konzeptdaten, massnahmen: tuple[m.Massnahme, ...], wurzel: str,
                          stichtag: faelligkeit.Stichtag, daten_url: str | None = None) -> str:
    """Filter form (hidden until the script runs), live result count, and the table of `massnahmen`."""
    return aus_vorlage("massnahmen_uebersicht.html", zeilen=[zeile(daten, x, stichtag) for x in massnahmen],
                   wurzel=wurzel, auswahl=auswahl_aller(daten, stichtag), stichtag=stichtag,
                   sortierungen=SORTIERUNGEN, p=PARAMETER,
                   gesamt=len(daten.massnahmen), status_reihenfolge=list(b.STATUS), daten_url=daten_url,
                   feld_reihenfolge=[f.id for f in daten.handlungsfelder], spalten=b.UEBERSICHT_SPALTEN,
                   sortierung_der_spalte=SORTIERUNG_DER_SPALTE, ZEILENATTRIBUTE=ZEILENATTRIBUTE)


def alle_massnahmen(daten: m.Konzeptdaten, seite: int | None, wurzel: str, stichtag: faelligkeit.Stichtag) -> str:
    """Page `seite` of the overview, with page links and the filter script (seite None: every row, unsplit).

    A long catalogue is split over pages; the filter then loads every row from massnahmen/zeilen.json
    (data-daten-url), so it still filters over every measure.
    """
    def rendern() -> str:
        skript = f'<script src="{wurzel}assets/javascripts/filter.js" defer></script>'
        liste, oben, unten = geteilt(daten.massnahmen, seite, seitenteilung.ZEILEN_JE_SEITE,
                                     seiten_url(seitenteilung.UEBERSICHT), "Seiten der Übersicht", wurzel)
        daten_url = f"{wurzel}{adressen.UEBERSICHT_ZEILEN}" if oben else None
        tabelle = massnahmen_uebersicht(daten, liste, wurzel, stichtag, daten_url)
        return "\n".join(teil for teil in (oben, tabelle, unten, skript) if teil)

    # A page shows its rows and, in the filter's options, how many measures have each code.
    optionen = tuple((name, tuple(werte)) for name, werte in auswahl_aller(daten, stichtag).items())
    gezeigt = gezeigte(daten.massnahmen, seite, seitenteilung.ZEILEN_JE_SEITE)
    return AUS_DATEN.wert(daten, ("uebersicht", seite, wurzel, stichtag, len(daten.massnahmen), optionen, gezeigt),
                          rendern)
