"""The calendar feeds: every feed parses with icalendar, holds exactly the dates of the data, with stable UIDs."""

from __future__ import annotations

import datetime as dt

import icalendar

from macros.daten.begriffe import STATUS
from macros.daten.gruppen import KALENDER_KONZEPT, KALENDER_ORDNER, gruppen
from macros.daten.loader import datum_grenzen


def feeds(site) -> dict[str, icalendar.Calendar]:
    return {pfad.name: icalendar.Calendar.from_ical(pfad.read_bytes())
            for pfad in sorted((site / KALENDER_ORDNER).glob("*.ics"))}


def erwartet(daten, massnahmen) -> dict[str, tuple[dt.date, dt.date]]:
    """UID -> (DTSTART, DTEND) the data asks for: milestones, and each measure's start and end."""
    termine = {}
    for ms in daten.meilensteine:
        if ms.datum:
            von, bis = datum_grenzen(ms.datum)
            termine[f"meilenstein-{ms.id}"] = (von, bis + dt.timedelta(days=1))
    for x in massnahmen:
        for art, wert, tag in (("beginn", x.beginn, 0), ("ende", x.ende, 1)):
            if wert:
                datum = datum_grenzen(wert)[tag]
                termine[f"massnahme-{x.anker}-{art}"] = (datum, datum + dt.timedelta(days=1))
    return termine


def ereignisse(kalender: icalendar.Calendar) -> dict[str, icalendar.Event]:
    liste = list(kalender.walk("VEVENT"))
    uids = [str(e["UID"]).split("@")[0] for e in liste]
    assert len(uids) == len(set(uids)), "UIDs doppelt"
    return dict(zip(uids, liste, strict=True))


def test_jeder_feed_passt_zu_den_daten(site, daten):
    alle = feeds(site)
    assert set(alle) == {KALENDER_KONZEPT} | {g.kalender.removeprefix(KALENDER_ORDNER) for g in gruppen(daten)}
    ziele = {KALENDER_KONZEPT: daten.massnahmen}
    ziele.update({g.kalender.removeprefix(KALENDER_ORDNER): g.massnahmen(daten) for g in gruppen(daten)})
    for name, kalender in alle.items():
        assert kalender["VERSION"] == "2.0" and kalender["PRODID"], name
        gefunden = ereignisse(kalender)
        soll = erwartet(daten, ziele[name])
        assert set(gefunden) == set(soll), name
        for uid, ereignis in gefunden.items():
            assert (ereignis.decoded("DTSTART"), ereignis.decoded("DTEND")) == soll[uid], (name, uid)
            assert type(ereignis.decoded("DTSTART")) is dt.date, "ganztägig"   # VALUE=DATE, not a date-time
            assert ereignis.decoded("DTSTAMP").tzinfo is not None
            assert ereignis["SUMMARY"].params["LANGUAGE"] == "de"
            url = str(ereignis["URL"])
            assert url in str(ereignis["DESCRIPTION"]), uid
            pfad, _, anker = url.split("//", 1)[1].split("/", 1)[1].partition("#")
            seite = (site / pfad / "index.html").read_text(encoding="utf-8")
            assert not anker or f'id="{anker}"' in seite, (uid, url)
            if uid.startswith("massnahme-"):
                kennung = uid.split("-")[1].upper() + "-" + uid.split("-")[2]
                x = daten.massnahme(kennung)
                assert x.titel in str(ereignis["SUMMARY"]) and str(ereignis["SUMMARY"]).startswith(
                    ("Beginn: ", "Ende: "))
                assert f"Status: {STATUS[x.status]}" in str(ereignis["DESCRIPTION"])


def test_uids_gleich_in_zwei_bauten(site, vergleichssite):
    zweiter = vergleichssite   # a build of its own, in a process of its own
    for name, kalender in feeds(site).items():
        vorher = [str(e["UID"]) for e in kalender.walk("VEVENT")]
        nachher = [str(e["UID"]) for e in feeds(zweiter)[name].walk("VEVENT")]
        assert vorher == nachher and vorher, name
        assert (site / KALENDER_ORDNER / name).read_bytes() == (zweiter / KALENDER_ORDNER / name).read_bytes()
