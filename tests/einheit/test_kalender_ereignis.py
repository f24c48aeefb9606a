"""A feed's events are written as icalendar's own Event writes them, byte for byte, long lines folded."""

from __future__ import annotations

import dataclasses

from icalendar import Event

from macros.ausgabe import kalender
from macros.daten.loader import lade_daten
from macros.projekt import REPO


def wie_icalendar(termin: kalender.Termin) -> bytes:
    """The same event built as an icalendar Event object."""
    ereignis = Event()
    ereignis.add("uid", termin.uid)
    ereignis.add("dtstamp", kalender._tag(termin.stempel))
    ereignis.add("dtstart", termin.von)
    ereignis.add("dtend", termin.bis)
    ereignis.add("summary", termin.titel, parameters=kalender.SPRACHE)
    ereignis.add("description", termin.beschreibung, parameters=kalender.SPRACHE)
    ereignis.add("url", termin.url)
    ereignis.add("categories", [termin.kategorie])
    ereignis.add("transp", "TRANSPARENT")
    return ereignis.to_ical()


def test_jedes_ereignis_der_echten_daten_wie_icalendar_es_schreibt():
    termine = kalender.termine(lade_daten(REPO / "data"), "https://beispiel.invalid/")
    assert len(termine) > 20
    for termin in termine:
        assert kalender.ereignis(termin) == wie_icalendar(termin), termin.uid


def test_sonderzeichen_und_lange_zeilen_wie_icalendar():
    termin = kalender.termine(lade_daten(REPO / "data"), "https://beispiel.invalid/")[0]
    schwierig = dataclasses.replace(
        termin, titel="Komma, Semikolon; Backslash \\ und Zeile\nneu – " + "Übergangswohnheim" * 9,
        beschreibung="ä" * 80 + "\\,;" * 30)
    text = kalender.ereignis(schwierig)
    assert text == wie_icalendar(schwierig)
    assert all(len(zeile) <= 75 for zeile in text.split(b"\r\n"))


def test_faltet_mehrbytige_zeichen_an_jeder_stelle_wie_icalendar():
    # Characters of two, three and four octets, shifted so that each falls on the fold once.
    termin = kalender.termine(lade_daten(REPO / "data"), "https://beispiel.invalid/")[0]
    for versatz in range(4):
        probe = dataclasses.replace(termin, titel="x" * versatz + "ä€😀" * 40, beschreibung="a" * versatz + "😀" * 50)
        assert kalender.ereignis(probe) == wie_icalendar(probe), versatz
