"""The history as readers see it: the Änderungsverlauf page, and each page's "Zuletzt geändert" line."""

from __future__ import annotations

from macros.ausgabe.versionsgeschichte import Aenderung, Versionsgeschichte
from macros.darstellung.datum import datum_lang
from macros.darstellung.render import _render, seiten_url, umgebung
from macros.daten import model as m


def aenderungsverlauf(geschichte: Versionsgeschichte, titel: dict[str, str], daten: m.Konzeptdaten, wurzel: str,
                      zeige: int = 8) -> str:
    """The table of recent changes (date, summary, measures, pages), or a clear note that there is no history."""

    def seiten_von(a: Aenderung) -> list[tuple[str, str]]:
        return [(titel[d[5:]], seiten_url(d[5:])) for d in a.dateien
                if d.startswith("docs/") and d.endswith(".md") and d[5:] in titel]

    def daten_geaendert(a: Aenderung) -> bool:
        return any(d.startswith("data/") for d in a.dateien)

    anzahl = len(geschichte.aenderungen)
    beschriftung = ("Die letzte Änderung an Texten und Daten" if anzahl == 1
                    else f"Die letzten {anzahl} Änderungen an Texten und Daten")
    return _render("aenderungsverlauf.html", geschichte=geschichte, vorhanden={x.id for x in daten.massnahmen},
                   stand=daten.konzept.stand, wurzel=wurzel, zeige=zeige, beschriftung=beschriftung,
                   seiten_von=seiten_von, daten_geaendert=daten_geaendert, datum_lang=datum_lang)


def massnahme_aenderungen(geschichte: Versionsgeschichte, massnahme: m.Massnahme) -> str:
    """A measure page's section "Änderungen an dieser Maßnahme" and its Stand from the data."""
    return umgebung().get_template("seitenstand.html").render(
        geschichte=geschichte, massnahme=massnahme, datum=None, aus_daten=True, datum_lang=datum_lang,
        aenderungen=geschichte.aenderungen_der_massnahme(massnahme.id))


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
