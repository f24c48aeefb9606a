"""Status charts as SVG, drawn at build time: no chart library, no script. Each chart is role="img" with a title
and a description that states every number, and comes with a table that holds the same numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from macros.ausgabe.versionsgeschichte import Versionsgeschichte, Zeitpunkt
from macros.darstellung.datum import MONATE, datum_de
from macros.darstellung.render import aus_vorlage, zahl_de
from macros.daten import begriffe as b
from macros.daten import model as m

BREITE = 360          # width of the drawing in SVG units; the figure scales it to the column
SCHRIFT = 13          # font size in SVG units
ZAHL_MIN_BREITE = 20  # a segment narrower than this shows its number only in the table and description


@dataclass(frozen=True)
class Balken:
    """One drawn rectangle: position, size, status, count, and whether its number fits inside."""

    x: float
    y: float
    breite: float
    hoehe: float
    status: str
    anzahl: int

    @property
    def farbe(self) -> str:
        return b.STATUSFARBEN[self.status]

    @property
    def zahl_passt(self) -> bool:
        return self.breite >= ZAHL_MIN_BREITE


def zaehle(massnahmen: tuple[m.Massnahme, ...]) -> Counter:
    return Counter(x.status for x in massnahmen)


def _fmt(wert: float) -> str:
    """SVG numbers: short and without locale."""
    return f"{wert:.1f}".rstrip("0").rstrip(".")


def beschreibung(zaehlung: Counter) -> str:
    """'2 Geplant, 3 In Umsetzung' in the order of begriffe.STATUS; 'keine Maßnahmen' when empty."""
    teile = [f"{zahl_de(zaehlung[c])} {label}" for c, label in b.STATUS.items() if zaehlung[c]]
    return ", ".join(teile) if teile else "keine Maßnahmen"


def status_balken(massnahmen: tuple[m.Massnahme, ...], titel: str, kennung: str) -> str:
    """One horizontal bar per status that occurs, with its count: for all measures or one field."""
    zaehlung = zaehle(massnahmen)
    zeilen = [(code, label, zaehlung[code]) for code, label in b.STATUS.items() if zaehlung[code]]
    hoechste = max((anzahl for *_, anzahl in zeilen), default=1)
    links, rechts, hoehe, abstand = 118, 40, 22, 8
    flaeche = BREITE - links - rechts
    balken = []
    for i, (code, _label, anzahl) in enumerate(zeilen):
        balken.append(Balken(links, i * (hoehe + abstand), max(2.0, flaeche * anzahl / hoechste), hoehe, code, anzahl))
    gesamt_hoehe = max(1, len(zeilen)) * (hoehe + abstand)
    vorschlaege = sum(1 for x in massnahmen if x.ist_vorschlag)
    return aus_vorlage("diagramm_status.html", kennung=kennung, titel=titel, breite=BREITE, hoehe=gesamt_hoehe,
                   balken=balken, schrift=SCHRIFT, fmt=_fmt, beschreibung=beschreibung(zaehlung),
                   gesamt=len(massnahmen), zeilen=zeilen, links=links, vorschlaege=vorschlaege)


def gestapelt(kennung: str, titel: str, art: str, kopf: str, reihen: list[dict], folge: str = "",
              fuss: dict | None = None) -> str:
    """One stacked bar per row, segments by status and the total at the end, with the numbers as a table.

    Each row: bezeichnung, zaehlung (a Counter of status codes), attribute and zeilenattribute (the data-*
    attributes of its bar and of its table row). art names the chart's CSS class, kopf the table's first column,
    folge follows the title in the caption; fuss is an optional total row (bezeichnung, zaehlung)."""
    hoechste = max((sum(r["zaehlung"].values()) for r in reihen), default=0) or 1
    rechts, beschriftung, hoehe, abstand = 44, 18, 22, 12
    flaeche = BREITE - rechts
    gezeichnet, y = [], 0.0
    for reihe in reihen:
        zaehlung, x, segmente = reihe["zaehlung"], 0.0, []
        for code in b.STATUS:
            if zaehlung[code]:
                breite = flaeche * zaehlung[code] / hoechste
                segmente.append(Balken(x, y + beschriftung, breite, hoehe, code, zaehlung[code]))
                x += breite
        gezeichnet.append({**reihe, "y": y, "segmente": segmente, "rand": x, "summe": sum(zaehlung.values()),
                           "beschreibung": beschreibung(zaehlung)})
        y += beschriftung + hoehe + abstand
    benutzt = [(c, label) for c, label in b.STATUS.items() if any(r["zaehlung"][c] for r in reihen)]
    if fuss is not None:
        fuss = {**fuss, "summe": sum(fuss["zaehlung"].values())}
    return aus_vorlage("diagramm_gestapelt.html", kennung=kennung, titel=titel, art=art, kopf=kopf, folge=folge,
                   breite=BREITE, hoehe=max(y, 1), reihen=gezeichnet, schrift=SCHRIFT, fmt=_fmt, hoehe_balken=hoehe,
                   beschriftung=beschriftung, benutzt=benutzt, farben=b.STATUSFARBEN, fuss=fuss)


def status_je_feld(daten: m.Konzeptdaten, titel: str, kennung: str) -> str:
    """One stacked bar per Handlungsfeld (and the Querschnitt), and a total row in the table."""
    reihen = []
    for feld in daten.handlungsfelder:
        zaehlung = zaehle(daten.massnahmen_im_feld(feld.id))
        reihen.append({"bezeichnung": feld.titel, "zaehlung": zaehlung, "zeilenattribute": [("data-feld", feld.id)],
                       "attribute": [("data-feld", feld.id), ("data-anzahl", sum(zaehlung.values()))]})
    return gestapelt(kennung, titel, "felder", "Bereich", reihen,
                     fuss={"bezeichnung": "Alle Bereiche", "zaehlung": zaehle(daten.massnahmen)})


def status_uebersicht(daten: m.Konzeptdaten, feld_id: str | None = None) -> str:
    """The status chart of one field; without a field the chart of all measures and one bar per field."""
    if feld_id:
        titel = f"Stand der Umsetzung: {daten.handlungsfeld(feld_id).titel}"
        return status_balken(daten.massnahmen_im_feld(feld_id), titel, f"status-{feld_id}")
    return "\n".join([
        status_balken(daten.massnahmen, "Stand der Umsetzung, alle Bereiche", "status-alle"),
        status_je_feld(daten, "Stand der Umsetzung nach Bereichen", "status-felder"),
    ])


def periode(zeitpunkt: Zeitpunkt) -> str:
    """'4. Quartal 2026', 'November 2026' or '26.11.2026'."""
    jahr, monat = int(zeitpunkt.ende[:4]), int(zeitpunkt.ende[5:7])
    if zeitpunkt.einheit == "quartal":
        return f"{(monat - 1) // 3 + 1}. Quartal {jahr}"
    if zeitpunkt.einheit == "monat":
        return f"{MONATE[monat - 1]} {jahr}"
    return datum_de(zeitpunkt.ende)


def entwicklung(geschichte: Versionsgeschichte, daten: m.Konzeptdaten, kennung: str = "entwicklung-diagramm") -> str:
    """Status counts over time: one stacked bar per period, from the git history, with the same numbers as a table.

    Each period shows the measures at its end; the last, still running period shows the data being built.
    Without git history it says so.
    """
    if not geschichte.verfuegbar or not geschichte.entwicklung:
        grund = geschichte.grund or "Die Versionsgeschichte nennt noch keine Änderung an den Maßnahmen."
        return aus_vorlage("diagramm_ohne_geschichte.html", grund=grund, stand=daten.konzept.stand)
    punkte = [(periode(z), Counter(dict(z.zaehlung)), z.ende) for z in geschichte.entwicklung]
    letzte = punkte[-1][0]
    punkte[-1] = (f"{letzte}, aktueller Stand", zaehle(daten.massnahmen), None)
    reihen = [{"bezeichnung": bezeichnung, "zaehlung": zaehlung, "zeilenattribute": [],
               "attribute": [("data-anzahl", sum(zaehlung.values())), *([("data-ende", ende)] if ende else [])]}
              for bezeichnung, zaehlung, ende in punkte]
    einheit = {"quartal": "Quartal", "monat": "Monat", "tag": "Tag mit Änderungen"}[geschichte.entwicklung[0].einheit]
    return gestapelt(kennung, f"Maßnahmen nach Status, je {einheit}", "entwicklung", einheit, reihen,
                     folge=", älteste zuerst")
