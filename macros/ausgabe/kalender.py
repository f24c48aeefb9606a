"""Calendar feeds (iCalendar, RFC 5545): one for the whole concept, one per working group (its measures and the
concept's milestones), written into the site.

Each milestone with a date, and the start and end of each measure, is an all-day event. A precise date is one
day; a milestone dated only by month or year spans that month or year; a measure's start given as JJJJ or JJJJ-MM
falls on its first day, its end on its last day (the deadline). UIDs come from the ids alone, so a calendar that
subscribed to a feed sees an event move rather than a new one. DTSTAMP is the last review of what the event
shows (the measure's `stand`, for milestones the concept's), so two builds of the same data write the same feed.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar, vCategory, vDate, vDatetime, vDuration, vText, vUri

from macros.darstellung.datum import datum_de
from macros.darstellung.render import seiten_url
from macros.daten import begriffe as b
from macros.daten import gruppen
from macros.daten import model as m
from macros.daten.loader import datum_grenzen
from macros.wiederverwendung import Wiederverwendung

PRODID = "-//Landkreis Rostock//Integrationskonzept//DE"
UID_ENDE = "@integrationskonzept.landkreis-rostock"   # the right-hand side of every UID (RFC 5545, 3.8.4.7)
AKTUALISIEREN = dt.timedelta(days=1)                   # how often a subscribing calendar should fetch the feed
SPRACHE = {"LANGUAGE": "de"}


@dataclass(frozen=True)
class Termin:
    """One all-day event: [von, bis) in days, with its German text and the page it links to."""

    uid: str
    von: dt.date
    bis: dt.date          # exclusive, as DTEND of an all-day event
    titel: str
    beschreibung: str
    url: str
    stempel: dt.date      # DTSTAMP: the day what it shows was last reviewed
    kategorie: str
    gruppe: str | None    # the working group whose feed it belongs to; None: every feed (the milestones)


def _tag(datum: dt.date) -> dt.datetime:
    return dt.datetime(datum.year, datum.month, datum.day, tzinfo=dt.UTC)


def _ungenau(text: str) -> str:
    """' (genauer Tag nicht festgelegt)' for JJJJ and JJJJ-MM dates."""
    return "" if len(text) == 10 else " (genauer Tag nicht festgelegt)"


def termine(daten: m.Konzeptdaten, site_url: str) -> list[Termin]:
    """Every event of the concept, milestones first (by date), then the measures in the order of the data."""
    basis = site_url.rstrip("/") + "/"
    ergebnis = []
    querschnitt = next((f for f in daten.handlungsfelder if f.art == "querschnitt"), None)
    zeitplan = f"{basis}{seiten_url(querschnitt.seite)}" if querschnitt else basis
    stand = datum_grenzen(daten.konzept.stand)[0]
    for ms in daten.meilensteine:
        if not ms.datum:
            continue
        von, bis = datum_grenzen(ms.datum)
        art = "geschehen am" if ms.datum_ist else "geplant für"
        text = [f"Meilenstein des Integrationskonzepts ({b.MEILENSTEIN_STATUS[ms.status]}), {art} "
                f"{datum_de(ms.datum)}{_ungenau(ms.datum)}."]
        if ms.beschreibung:
            text.append(ms.beschreibung)
        text.append("Quelle: " + "; ".join(daten.quellen[q].kurz for q in ms.quelle) + ".")
        url = f"{zeitplan}#meilenstein-{ms.id}"
        text.append(f"Mehr dazu: {url}")
        ergebnis.append(Termin(f"meilenstein-{ms.id}{UID_ENDE}", von, bis + dt.timedelta(days=1), ms.titel,
                               "\n\n".join(text), url, stand, "Meilenstein", None))
    gruppe_je_feld = {feld.id: g.gremium.id for g in gruppen.gruppen(daten) for feld in g.felder}
    for x in daten.massnahmen:
        feld = daten.handlungsfeld(x.handlungsfeld)
        url = f"{basis}massnahmen/{x.anker}/"
        for art, wert, tag in (("Beginn", x.beginn, 0), ("Ende", x.ende, 1)):
            if not wert:
                continue
            datum = datum_grenzen(wert)[tag]
            text = (f"{art} der Maßnahme {x.id} laut Daten: {datum_de(wert)}{_ungenau(wert)}. "
                    f"Status: {b.STATUS[x.status]}. Federführung: {daten.stelle(x.federfuehrung)}.\n\n"
                    f"Mehr dazu: {url}")
            ergebnis.append(Termin(f"massnahme-{x.anker}-{art.lower()}{UID_ENDE}", datum,
                                   datum + dt.timedelta(days=1), f"{art}: {x.id} {x.titel}", text, url,
                                   datum_grenzen(x.stand)[0], feld.titel, gruppe_je_feld.get(x.handlungsfeld)))
    return ergebnis


ZEILE_HOECHSTENS = 74   # octets of a folded line before its line break (RFC 5545, 3.1: under 75)


def _zeile(name: str, wert: bytes) -> bytes:
    """One content line, folded where it is 75 octets or longer as icalendar's foldline folds it (a test compares
    them): after at most 74 octets, never inside a UTF-8 character, an escape kept with what it escapes. Its loop
    over every character took two thirds of the feeds' time."""
    zeile = name.encode() + b":" + wert
    teile, anfang = [], 0
    while len(zeile) - anfang > ZEILE_HOECHSTENS:
        ende = anfang + ZEILE_HOECHSTENS
        while zeile[ende] & 0xC0 == 0x80:   # a continuation octet: the character starts before
            ende -= 1
        if ende - anfang > 1 and zeile[ende - 1] in b"\\^":   # an escape stays with what it escapes
            ende -= 1
        teile.append(zeile[anfang:ende])
        anfang = ende
    teile.append(zeile[anfang:])
    return b"\r\n ".join(teile) + b"\r\n"


@functools.lru_cache(maxsize=4096)
def _datum(datum: dt.date) -> bytes:
    return vDate(datum).to_ical()


@functools.lru_cache(maxsize=4096)
def _stempel(datum: dt.date) -> bytes:
    return vDatetime(_tag(datum)).to_ical()


@functools.lru_cache(maxsize=256)
def _kategorie(name: str) -> bytes:
    return vCategory([name]).to_ical()


def ereignis(termin: Termin) -> bytes:
    """One VEVENT as iCalendar text (CRLF, folded lines), each value encoded by icalendar's property types.

    The same bytes as an icalendar Event with these properties writes (a test compares them), at a fifth of
    its cost: the feeds of 1,000 measures took 0.37 s through Event objects, 0.07 s so (dates and categories
    repeat, so each is encoded once).
    """
    return b"".join((
        b"BEGIN:VEVENT\r\n",
        _zeile("SUMMARY;LANGUAGE=de", vText(termin.titel).to_ical()),
        _zeile("DTSTART;VALUE=DATE", _datum(termin.von)),
        _zeile("DTEND;VALUE=DATE", _datum(termin.bis)),
        _zeile("DTSTAMP", _stempel(termin.stempel)),
        _zeile("UID", vText(termin.uid).to_ical()),
        _zeile("CATEGORIES", _kategorie(termin.kategorie)),
        _zeile("DESCRIPTION;LANGUAGE=de", vText(termin.beschreibung).to_ical()),
        b"TRANSP:TRANSPARENT\r\n",   # a date to know, not a time when anyone is busy
        _zeile("URL", vUri(termin.url).to_ical()),
        b"END:VEVENT\r\n",
    ))


def kalender(ereignisse: list[bytes], name: str, beschreibung: str, url: str) -> bytes:
    """One feed: the calendar's own properties, then the events, each written once by ereignis()."""
    kal = Calendar()
    kal.add("prodid", PRODID)
    kal.add("version", "2.0")
    kal.add("calscale", "GREGORIAN")
    kal.add("name", name, parameters=SPRACHE)
    kal.add("x-wr-calname", name)
    kal.add("description", beschreibung, parameters=SPRACHE)
    kal.add("x-wr-caldesc", beschreibung)
    kal.add("url", url)
    kal.add("refresh-interval", AKTUALISIEREN, parameters={"VALUE": "DURATION"})
    kal.add("x-published-ttl", vDuration(AKTUALISIEREN))
    # Each event appears in two feeds (the concept's and its group's); folding its lines is most of the cost.
    kopf, ende = kal.to_ical().rsplit(b"END:VCALENDAR", 1)
    return b"".join([kopf, *ereignisse, b"END:VCALENDAR", ende])


# A Termin holds everything its event shows, so an equal Termin has the same text.
EREIGNISSE = Wiederverwendung(ereignis)


def schreibe_kalender(daten: m.Konzeptdaten, site_dir: Path, site_url: str) -> list[Path]:
    """Writes the whole concept's feed and one per working group below site_dir/kalender/; returns the paths."""
    basis = site_url.rstrip("/") + "/"
    alle_termine = termine(daten, site_url)
    alle = list(zip(alle_termine, EREIGNISSE.werte(alle_termine), strict=True))
    ordner = site_dir / gruppen.KALENDER_ORDNER
    ordner.mkdir(parents=True, exist_ok=True)
    titel = daten.konzept.titel
    geschrieben = [ordner / gruppen.KALENDER_KONZEPT]
    geschrieben[0].write_bytes(kalender(
        [text for _, text in alle], titel, f"Meilensteine und Beginn und Ende jeder Maßnahme: {titel}.",
        f"{basis}{gruppen.ORDNER}"))
    for gruppe in gruppen.gruppen(daten):
        pfad = site_dir / gruppe.kalender
        felder = ", ".join(feld.voller_titel for feld in gruppe.felder)
        pfad.write_bytes(kalender(
            [text for termin, text in alle if termin.gruppe in (None, gruppe.gremium.id)],
            f"{titel}: {gruppe.gremium.name}",
            f"Meilensteine des Konzepts, Beginn und Ende der Maßnahmen im Bereich {felder}.", f"{basis}{gruppe.url}"))
        geschrieben.append(pfad)
    return geschrieben
