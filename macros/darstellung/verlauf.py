"""The history as readers see it: the Änderungsverlauf page, each measure's changes, each page's "Zuletzt geändert".

What changed is said in plain German from the data, field by field as `make diff` says it ("Status: Geplant →
In Umsetzung", "neu aufgenommen", "entfallen, weil …"), and for chapters which page and section changed. A
commit's own words appear only where they are written for readers (the trailer „Änderung: …“, CONTRIBUTING.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.ausgabe.versionsgeschichte import NEUE_SEITE, SEITE_ENTFERNT, Aenderung, Versionsgeschichte
from macros.darstellung.datum import datum_de, datum_lang
from macros.darstellung.feldwerte import feldwert
from macros.darstellung.render import aus_vorlage, seiten_url, umgebung
from macros.daten import begriffe as b
from macros.daten import model as m
from macros.daten.vergleich import ENTFERNT, NEU, Massnahmenaenderung

KURZ = 160   # characters of a changed free text shown on the history pages
DATENDATEIEN = {
    "konzept.yaml": "Angaben zum Konzept", "quellen.yaml": "Quellen", "handlungsfelder.yaml": "Handlungsfelder",
    "gremien.yaml": "Gremien", "organisationen.yaml": "Stellen", "meilensteine.yaml": "Zeitplan",
    "kennzahlen.yaml": "Zahlen", "ziele.yaml": "Ziele", "beschluesse.yaml": "Beschlüsse",
}


def _kurz(text: str) -> str:
    return text if len(text) <= KURZ else text[:KURZ - 1].rstrip() + "…"


def massnahme_zeilen(aenderung: Massnahmenaenderung, daten: m.Konzeptdaten) -> list[str]:
    """What one commit did to one measure, one line per changed field, in plain German."""
    if aenderung.art == NEU:
        return ["neu aufgenommen"]
    if aenderung.art == ENTFERNT:
        return ["aus den Daten entfernt"]
    zeilen, status = [], aenderung.feld("status")
    entfallen = status is not None and status.neu == "entfallen"
    if entfallen:
        grund = aenderung.feld("begruendung")
        text = grund.neu if grund else getattr(daten.finde_massnahme(aenderung.kennung), "begruendung", None)
        zeilen.append(f"entfallen, weil {_kurz(' '.join(str(text).split()))}" if text else "entfallen")
    for f in aenderung.felder:
        if entfallen and f.feld in ("status", "begruendung"):
            continue
        name = b.FELDNAMEN.get(f.feld, f.feld)
        if f.feld == "verlauf":
            neue = (f.neu or [])[len(f.alt or []):]
            for eintrag in neue if (f.neu or [])[:len(f.alt or [])] == (f.alt or []) else ():
                zeilen.append(f"neue Notiz vom {datum_de(str(eintrag.get('datum')))}: "
                              f"{_kurz(' '.join(str(eintrag.get('text')).split()))}")
            if not neue or (f.neu or [])[:len(f.alt or [])] != (f.alt or []):
                zeilen.append(f"{name} überarbeitet")
            continue
        zeilen.append(f"{name}: {_kurz(feldwert(daten, f.feld, f.alt))} → {_kurz(feldwert(daten, f.feld, f.neu))}")
    return zeilen


@dataclass(frozen=True)
class Seitenaenderung:
    titel: str
    url: str | None        # None: the page is not (or no longer) in the navigation
    abschnitte: tuple[str, ...]


def seiten_zeilen(a: Aenderung, titel: dict[str, str]) -> list[Seitenaenderung]:
    """Which pages and sections one commit changed, in words."""
    ergebnis = []
    for pfad, abschnitte in a.abschnitte:
        docs = pfad.removeprefix("docs/")
        worte = tuple("neu" if x == NEUE_SEITE else "entfernt" if x == SEITE_ENTFERNT
                      else f"Abschnitt „{x}“" if x else "Anfang der Seite" for x in abschnitte)
        ergebnis.append(Seitenaenderung(titel.get(docs, docs), seiten_url(docs) if docs in titel else None, worte))
    return ergebnis


def aenderungsverlauf(geschichte: Versionsgeschichte, titel: dict[str, str], daten: m.Konzeptdaten, wurzel: str,
                      zeige: int = 8) -> str:
    """The table of recent changes to what readers see, or a clear note that there is no history."""
    aenderungen = [a for a in geschichte.aenderungen if a.zeigt_inhalt]
    anzahl = len(aenderungen)
    beschriftung = ("Die letzte Änderung an Texten und Daten" if anzahl == 1
                    else f"Die letzten {anzahl} Änderungen an Texten und Daten")
    return aus_vorlage("aenderungsverlauf.html", geschichte=geschichte, aenderungen=aenderungen,
                   vorhanden={x.id for x in daten.massnahmen}, stand=daten.konzept.stand, wurzel=wurzel, zeige=zeige,
                   beschriftung=beschriftung, daten=daten, massnahme_zeilen=massnahme_zeilen,
                   seiten_zeilen=lambda a: seiten_zeilen(a, titel), datum_lang=datum_lang,
                   datendateien=lambda a: [DATENDATEIEN.get(d.removeprefix("data/"), d) for d in a.daten_dateien])


def massnahme_aenderungen(geschichte: Versionsgeschichte, massnahme: m.Massnahme, daten: m.Konzeptdaten) -> str:
    """A measure page's section "Änderungen an dieser Maßnahme" and its Stand from the data."""
    return umgebung().get_template("seitenstand.html").render(
        geschichte=geschichte, massnahme=massnahme, datum=None, aus_daten=True, datum_lang=datum_lang,
        aenderungen=geschichte.aenderungen_der_massnahme(massnahme.id),
        zeilen=lambda a: massnahme_zeilen(a.vergleich[massnahme.id], daten))


def seitenstand(geschichte: Versionsgeschichte, quelle: str, erzeugt: bool, zeigt_daten: bool,
                stand_der_daten: str) -> str:
    """A page's "Zuletzt geändert" line: its file's last commit, for pages showing data the data's if later.

    quelle is the page's docs path; erzeugt: the page is generated from data; zeigt_daten: it calls macros.
    Without history the line gives the data's Stand and says why.
    """
    datum, aus_daten = geschichte.datum_von(f"docs/{quelle}"), False
    if erzeugt:
        datum = geschichte.datum_der_daten()
    elif datum and zeigt_daten:
        datum = max(datum, geschichte.datum_der_daten() or datum)
    if datum is None:
        datum, aus_daten = stand_der_daten, True
    hinweis = "noch nicht in der Versionsgeschichte" if geschichte.verfuegbar else "Versionsgeschichte nicht verfügbar"
    return umgebung().get_template("seitenstand.html").render(
        geschichte=geschichte, massnahme=None, datum=datum, aus_daten=aus_daten, hinweis=hinweis, aenderungen=(),
        datum_lang=datum_lang)
