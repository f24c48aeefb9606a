"""The cells of a measure in a table: the one definition the chapter tables, the working group tables, the overview
"Alle Maßnahmen" and its filter script (through massnahmen/zeilen.json) render, each column once (begriffe.SPALTEN).
templates/massnahmen_tabelle.html is the one template of such a table."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from macros.darstellung import adressen
from macros.darstellung.datum import zeitraum
from macros.daten import begriffe as b
from macros.daten import model as m


@dataclass(frozen=True)
class Zelle:
    """One cell: its text, and a link (a path below the site root) or a mark (the classes of a <span>) around it."""

    text: str
    link: str | None = None
    marke: str | None = None
    klasse: str | None = None

    def als_json(self) -> dict:
        """The cell for the filter script: the fields it has."""
        return {schluessel: wert for schluessel, wert in asdict(self).items() if wert is not None}


def zelle(daten: m.Konzeptdaten, x: m.Massnahme, spalte: str) -> Zelle:
    """The cell of measure x in a column of begriffe.SPALTEN."""
    if spalte == "id":
        return Zelle(x.id, klasse="ik-nr")
    if spalte == "titel":
        return Zelle(x.titel, link=adressen.massnahme(x.id))
    if spalte == "status":
        return Zelle(b.STATUS[x.status], marke=f"ik-status ik-status--{x.status}")
    if spalte == "handlungsfeld":
        return Zelle(daten.handlungsfeld(x.handlungsfeld).titel)
    if spalte == "federfuehrung":
        return Zelle(daten.stelle(x.federfuehrung))
    if spalte == "beschlussstand":
        marke = f"ik-beschluss ik-beschluss--{x.beschlussstand}" if x.ist_vorschlag else None
        return Zelle(b.BESCHLUSSSTAND[x.beschlussstand], marke=marke)
    if spalte == "zeitraum":
        return Zelle(zeitraum(x.beginn, x.ende))
    raise KeyError(f"Unbekannte Spalte „{spalte}“ (erlaubt: {', '.join(b.SPALTEN)}).")


def zellen(daten: m.Konzeptdaten, x: m.Massnahme, spalten: tuple[str, ...]) -> tuple[Zelle, ...]:
    return tuple(zelle(daten, x, spalte) for spalte in spalten)


def tabellenzeilen(daten: m.Konzeptdaten, massnahmen: tuple[m.Massnahme, ...], spalten: tuple[str, ...]) -> list[dict]:
    """The rows of a table of measures (templates/massnahmen_tabelle.html): each measure with its cells."""
    return [{"massnahme": x, "zellen": zellen(daten, x, spalten)} for x in massnahmen]
