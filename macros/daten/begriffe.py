"""The German words and the colours for the codes of the data: the one place the website, the PDF, the open data,
`make diff` and the issue forms take them from.

The codes themselves are the data's contract and stand in data/schema/*.schema.json as enums; the tests check
that every code has its word here and no word lacks its code.
"""

from __future__ import annotations

from typing import NamedTuple


class Statusart(NamedTuple):
    """A status of a measure: its German name and its colour.

    The colour is the text colour of the status mark and the fill of its bar in the charts, where white numbers
    stand on it: at least 4.5:1 against white either way (WCAG 1.4.3 and 1.4.11; tests/einheit/test_begriffe.py).
    """

    name: str
    farbe: str


# In this order: lists, charts and selects show the statuses from planned to dropped.
STATUSARTEN = {
    "geplant": Statusart("Geplant", "#596773"),
    "in_umsetzung": Statusart("In Umsetzung", "#0b5a8c"),
    "daueraufgabe": Statusart("Daueraufgabe", "#5b4a9c"),
    "umgesetzt": Statusart("Umgesetzt", "#1d6b32"),
    "verzoegert": Statusart("Verzögert", "#a34500"),
    "zurueckgestellt": Statusart("Zurückgestellt", "#735800"),
    "entfallen": Statusart("Entfallen", "#8c1d1d"),
}
STATUS = {code: art.name for code, art in STATUSARTEN.items()}
STATUSFARBEN = {code: art.farbe for code, art in STATUSARTEN.items()}

BESCHLUSSSTAND = {
    "vorschlag": "Vorschlag – nicht beschlossen",
    "beschlossen": "Beschlossen",
    "fortgeschrieben": "Fortgeschrieben",
}
# The mark of a proposal: dark text on a light ground (at least 4.5:1), also the border of a proposal's card;
# the note on a proposal's card: darker text on the same ground. The website and the PDF take them from here.
VORSCHLAG_FARBE = "#7a4a00"
VORSCHLAG_FLAECHE = "#fff4e0"
VORSCHLAG_TEXT = "#4a2d00"

PRIORITAET = {"hoch": "Hoch", "mittel": "Mittel", "niedrig": "Niedrig"}

BESCHLUSSART = {
    "kreistagsbeschluss": "Kreistagsbeschluss",
    "ausschussbeschluss": "Beschluss eines Ausschusses",
    "verwaltungsentscheidung": "Verwaltungsentscheidung",
}


class Hinweisart(NamedTuple):
    """What needs attention on a reference date (macros/daten/faelligkeit.py says when): its name and the fill of
    its mark, on which white text stands at 7:1 or more."""

    name: str
    farbe: str


# In this order the working group pages list them.
HINWEISARTEN = {
    "ueberfaellig": Hinweisart("Überfällig", "#8c1d1d"),
    "bald_faellig": Hinweisart("Bald fällig", "#7a4a00"),
    "pruefung_faellig": Hinweisart("Prüfung fällig", "#3d4a55"),
}
HINWEISE = {code: art.name for code, art in HINWEISARTEN.items()}

ZEITHORIZONT = {
    "kurzfristig": "Kurzfristig (bis 1 Jahr)",
    "mittelfristig": "Mittelfristig (1 bis 3 Jahre)",
    "langfristig": "Langfristig (über 3 Jahre)",
    "daueraufgabe": "Daueraufgabe",
}

MEILENSTEIN_STATUS = {
    "geplant": "Geplant",
    "erreicht": "Erreicht",
    "verschoben": "Verschoben",
    "entfallen": "Entfallen",
    "laufend": "Laufend",
}

# The name of each field of a measure, in the order of data/schema/measures.schema.json: the labels of the card,
# the CSV columns, the lines of `make diff` and the issue forms (tests/mitwirken/test_workflows.py holds them to it).
FELDNAMEN = {
    "id": "Nr.",
    "titel": "Titel",
    "handlungsfeld": "Handlungsfeld",
    "beschreibung": "Beschreibung",
    "ziel": "Ziel",
    "federfuehrung": "Federführung",
    "partner": "Beteiligt",
    "zielgruppe": "Für wen",
    "beginn": "Beginn",
    "ende": "Ende",
    "status": "Status",
    "begruendung": "Begründung",
    "beschlussstand": "Beschlussstand",
    "beschluss": "Beschluss",
    "prioritaet": "Priorität",
    "zeithorizont": "Zeithorizont",
    "indikatoren": "Woran man den Fortschritt erkennt",
    "quelle": "Quelle",
    "links": "Mehr dazu",
    "stand": "Stand",
    "verlauf": "Verlauf",
}
# Beginn and Ende shown together ("Mai 2019 bis 2020").
ZEITRAUM = "Zeitraum"

# The columns a table of measures can have: key -> header. "titel" is headed by what the row stands for.
SPALTEN = {
    "id": FELDNAMEN["id"],
    "titel": "Maßnahme",
    "status": FELDNAMEN["status"],
    "handlungsfeld": FELDNAMEN["handlungsfeld"],
    "federfuehrung": FELDNAMEN["federfuehrung"],
    "beschlussstand": FELDNAMEN["beschlussstand"],
    "zeitraum": ZEITRAUM,
}
# The table of a chapter's measures, and the overview of all measures.
KAPITEL_SPALTEN = ("id", "titel", "status", "beschlussstand", "federfuehrung", "zeitraum")
UEBERSICHT_SPALTEN = ("id", "titel", "status", "handlungsfeld", "federfuehrung", "beschlussstand", "zeitraum")
