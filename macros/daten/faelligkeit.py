"""What needs attention on a reference date: overdue measures, deadlines coming up, reviews due.

The reference date (Stichtag) is the day of the build; the environment variable STICHTAG=JJJJ-MM-TT sets another
one, so that tests and reports can be repeated. Every page that shows a label says which date it used.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass

from macros.daten import begriffe
from macros.daten import model as m
from macros.daten.loader import datum_grenzen

UMGEBUNGSVARIABLE = "STICHTAG"

# Label code -> what readers see, in the order the pages list them (the words live in begriffe.py).
HINWEISE = begriffe.HINWEISE
BALD_TAGE = 90         # "Bald fällig": the end lies within this many days from the reference date
PRUEFUNG_MONATE = 12   # "Prüfung fällig": the last review (stand) is more than this many months old
# A measure with one of these states has no deadline any more: it is done, dropped or put aside.
ABGESCHLOSSEN = frozenset({"umgesetzt", "entfallen", "zurueckgestellt"})
# A dropped measure needs no review.
OHNE_PRUEFUNG = frozenset({"entfallen"})

# What each label means, in one sentence each (the working group pages explain them with these).
BEDEUTUNG = {
    "ueberfaellig": "Das geplante Ende ist vorbei, und die Maßnahme ist weder umgesetzt noch entfallen oder "
                    "zurückgestellt.",
    "bald_faellig": f"Das geplante Ende liegt in den nächsten {BALD_TAGE} Tagen, und die Maßnahme ist noch "
                    "nicht abgeschlossen.",
    "pruefung_faellig": f"Die letzte Prüfung (Stand) liegt mehr als {PRUEFUNG_MONATE} Monate zurück.",
}


class StichtagFehler(ValueError):
    """STICHTAG is set but is no date; the message is German and names the value."""


@dataclass(frozen=True)
class Stichtag:
    """The reference date of a build or report, and where it came from."""

    datum: dt.date
    gesetzt: bool = False  # True: from STICHTAG (or given), False: the day of the build

    @property
    def iso(self) -> str:
        return self.datum.isoformat()

    def herkunft(self) -> str:
        """Why this date: 'Tag des Baus' or 'gesetzt mit STICHTAG'."""
        return f"gesetzt mit {UMGEBUNGSVARIABLE}" if self.gesetzt else "Tag des Baus"


def stichtag(umgebung: Mapping[str, str] = os.environ, heute: dt.date | None = None) -> Stichtag:
    """The reference date: STICHTAG from the environment if set, else today."""
    wert = umgebung.get(UMGEBUNGSVARIABLE, "").strip()
    if not wert:
        return Stichtag(heute or dt.date.today())
    try:
        datum = dt.date.fromisoformat(wert) if len(wert) == 10 else None
    except ValueError:
        datum = None
    if datum is None:
        raise StichtagFehler(f"Die Umgebungsvariable {UMGEBUNGSVARIABLE} hat den Wert „{wert}“; das ist kein "
                             "Datum (erlaubt: ein Tag als JJJJ-MM-TT, zum Beispiel 2026-12-01).")
    return Stichtag(datum, gesetzt=True)


@functools.lru_cache(maxsize=64)
def monate_vorher(tag: dt.date, monate: int) -> dt.date:
    """The same day `monate` months earlier, or that month's last day where the day does not exist."""
    jahr, monat = divmod(tag.year * 12 + tag.month - 1 - monate, 12)
    return dt.date(jahr, monat + 1, min(tag.day, calendar.monthrange(jahr, monat + 1)[1]))


def hinweise(massnahme: m.Massnahme, tag: dt.date) -> tuple[str, ...]:
    """The labels of one measure on that day, in the order of HINWEISE (empty when nothing is due).

    An end given as JJJJ or JJJJ-MM counts to its last day: "2020" is overdue from 1 January 2021.
    """
    gefunden = []
    if massnahme.ende and massnahme.status not in ABGESCHLOSSEN:
        letzter = datum_grenzen(massnahme.ende)[1]
        if letzter < tag:
            gefunden.append("ueberfaellig")
        elif (letzter - tag).days <= BALD_TAGE:
            gefunden.append("bald_faellig")
    geprueft = datum_grenzen(massnahme.stand)[0]
    if massnahme.status not in OHNE_PRUEFUNG and geprueft < monate_vorher(tag, PRUEFUNG_MONATE):
        gefunden.append("pruefung_faellig")
    return tuple(gefunden)


def nach_hinweis(massnahmen: tuple[m.Massnahme, ...], tag: dt.date) -> dict[str, list[m.Massnahme]]:
    """Label code -> the measures that carry it, in their order in the data (every code, possibly empty)."""
    ergebnis: dict[str, list[m.Massnahme]] = {code: [] for code in HINWEISE}
    for massnahme in massnahmen:
        for code in hinweise(massnahme, tag):
            ergebnis[code].append(massnahme)
    return ergebnis
