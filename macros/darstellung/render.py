"""Pure functions that turn checked records into HTML fragments; nothing here knows MkDocs."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from macros.darstellung import adressen, bloecke, escape, seitenteilung, zeilen
from macros.darstellung.datum import datum_de, zeitraum
from macros.daten import begriffe as b
from macros.daten import faelligkeit, gruppen
from macros.daten import model as m
from macros.daten.loader import datum_grenzen
from macros.wiederverwendung import AUS_DATEN

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def umgebung() -> Environment:
    """The Jinja environment of our fragments: autoescaped, strict, with German helpers."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(datum=datum_de, absaetze=escape.absaetze, sichere_url=escape.sichere_url, zahl=zahl_de,
                       ohne_markdown=lambda html, suche=True: Markup(bloecke.ohne_markdown(ohne_leerzeilen(html),
                                                                                           suche=suche)))
    env.globals.update(STATUS=b.STATUS, BESCHLUSSSTAND=b.BESCHLUSSSTAND, PRIORITAET=b.PRIORITAET,
                       ZEITHORIZONT=b.ZEITHORIZONT, MEILENSTEIN_STATUS=b.MEILENSTEIN_STATUS, FELDNAMEN=b.FELDNAMEN,
                       SPALTEN=b.SPALTEN, ZEITRAUM=b.ZEITRAUM, zeitraum=zeitraum, massnahme_url=massnahme_url,
                       massnahme_pfad=adressen.massnahme, BESCHLUSSART=b.BESCHLUSSART, HINWEISE=b.HINWEISE,
                       HINWEIS_BEDEUTUNG=faelligkeit.BEDEUTUNG, zellen_html=zellen_html)
    return env


def ohne_leerzeilen(html: str) -> str:
    """HTML as one block without blank lines (Markdown would end it there)."""
    return "\n".join(zeile for zeile in html.splitlines() if zeile.strip())


def aus_vorlage(vorlage: str, **werte) -> str:
    """Renders a template into one HTML block without blank lines."""
    return ohne_leerzeilen(umgebung().get_template(vorlage).render(**werte))


@lru_cache(maxsize=50_000)
def zellen_html(zellen: tuple[zeilen.Zelle, ...], wurzel: str) -> Markup:
    """The <td> cells of one table row (massnahmen_zellen.html), rendered once for the same cells and root:
    every row of the chapters, the overview and the working group pages, and again in each `make serve` build."""
    return Markup(umgebung().get_template("massnahmen_zellen.html").render(zellen=zellen, wurzel=wurzel))


def zahl_de(wert: float) -> str:
    """1064 -> 1.064; 2.5 -> 2,5."""
    if float(wert).is_integer():
        return f"{int(wert):,}".replace(",", ".")
    return f"{wert:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def massnahme_url(massnahme: m.Massnahme, wurzel: str) -> str:
    """Relative URL of a measure's own page (its stable permalink)."""
    return wurzel + adressen.massnahme(massnahme.id)


def massnahmen_im_feld(daten: m.Konzeptdaten, feld_id: str, seite: int | None, wurzel: str,
                       stichtag: faelligkeit.Stichtag | None = None) -> str:
    """Table and cards of one field's measures on page `seite` of its chapter, with page links if needed
    (seite None: all of them, unsplit, as the PDF prints them)."""
    feld, alle = daten.handlungsfeld(feld_id), daten.massnahmen_im_feld(feld_id)
    gezeigt = gezeigte(alle, seite, seitenteilung.KARTEN_JE_SEITE)

    def rendern() -> str:
        liste, oben, unten = geteilt(alle, seite, seitenteilung.KARTEN_JE_SEITE, seiten_url(feld.seite),
                                     f"Seiten der Maßnahmen im Bereich {feld.titel}", wurzel)
        tabelle = massnahmen_tabelle(daten, liste, wurzel, f"Maßnahmen im Bereich {feld.titel}")
        suche = seitenteilung.suche_fuer(len(daten.massnahmen), eigene_seite=False)
        karten = "\n".join(massnahme_karte(daten, x, wurzel, suche=suche, stichtag=stichtag) for x in liste)
        return "\n".join(teil for teil in (oben, tabelle, karten, unten) if teil)

    schluessel = ("feld", feld_id, seite, wurzel, stichtag, len(daten.massnahmen), len(alle), gezeigt)
    return AUS_DATEN.wert(daten, schluessel, rendern)


def gezeigte(liste: tuple, seite: int | None, je_seite: int) -> tuple:
    """The part of liste that page seite shows (as geteilt() splits it)."""
    if seite is None or seitenteilung.seitenzahl(len(liste), je_seite) == 1:
        return liste
    return seitenteilung.ausschnitt(liste, seite, je_seite)


def geteilt(liste: tuple, seite: int | None, je_seite: int, verzeichnis: str, beschriftung: str,
            wurzel: str) -> tuple:
    """The part of liste on page seite, and page links above and below it (empty when one page holds all;
    seite None: all of liste, without page links)."""
    anzahl = seitenteilung.seitenzahl(len(liste), je_seite)
    if anzahl == 1 or seite is None:
        return liste, "", ""
    url = lambda n: wurzel + seitenteilung.unterseite(verzeichnis, n)  # noqa: E731
    oben, unten = (blaettern(seite, anzahl, len(liste), je_seite, url, f"{beschriftung} ({wo})")
                   for wo in ("oben", "unten"))
    return gezeigte(liste, seite, je_seite), oben, unten


def massnahmen_tabelle(daten: m.Konzeptdaten, massnahmen: tuple[m.Massnahme, ...], wurzel: str,
                       beschriftung: str) -> str:
    """A table of measures in the columns begriffe.KAPITEL_SPALTEN, linking to each permalink."""
    return aus_vorlage("kapitel_tabelle.html", zeilen=zeilen.tabellenzeilen(daten, massnahmen, b.KAPITEL_SPALTEN),
                       spalten=b.KAPITEL_SPALTEN, wurzel=wurzel, beschriftung=beschriftung)


def massnahme_karte(daten: m.Konzeptdaten, massnahme: m.Massnahme, wurzel: str, ebene: int = 3,
                    permalink: bool = True, suche: str = "voll", stichtag: faelligkeit.Stichtag | None = None) -> str:
    """A card with every field of one measure, its sources and its history; anchored by its id.

    suche: what the search index takes from it, "voll", "titel" (the heading only) or "aus"
    (see seitenteilung.suche_fuer: large catalogues keep the index small).
    stichtag: with a reference date the card shows what is due on it (Überfällig, Bald fällig, Prüfung fällig).
    """
    def karte() -> str:
        feld = daten.handlungsfeld(massnahme.handlungsfeld)
        hinweise = faelligkeit.hinweise(massnahme, stichtag.datum) if stichtag else ()
        return aus_vorlage("massnahme_karte.html", daten=daten, m=massnahme, feld=feld, wurzel=wurzel, ebene=ebene,
                       permalink=permalink, feld_url=f"{wurzel}{seiten_url(feld.seite)}", suche=suche,
                       hinweise=hinweise, stichtag=stichtag)
    return AUS_DATEN.wert(daten, ("karte", massnahme, wurzel, ebene, permalink, suche, stichtag), karte)


def blaettern(seite: int, anzahl: int, gesamt: int, je_seite: int, url, beschriftung: str) -> str:
    """Page links for a list split over several pages (seitenteilung); url(n) gives page n's URL."""
    von = (seite - 1) * je_seite + 1
    return aus_vorlage("blaettern.html", seite=seite, anzahl=anzahl, gesamt=gesamt, von=von,
                   bis=min(gesamt, seite * je_seite), url=url, beschriftung=beschriftung)


def kennzahlen_tabelle(daten: m.Konzeptdaten, feld_id: str | None, ohne_feld: bool, beschriftung: str) -> str:
    """Figures with unit, date and source, as a table: those of one field, or all (ohne_feld: those of no field)."""
    kennzahlen = tuple(k for k in daten.kennzahlen
                       if (feld_id is None or k.handlungsfeld == feld_id) and not (ohne_feld and k.handlungsfeld))
    return aus_vorlage("kennzahlen_tabelle.html", daten=daten, kennzahlen=kennzahlen, beschriftung=beschriftung)


def kennzahl(daten: m.Konzeptdaten, kennzahl_id: str) -> str:
    """One figure inline, e.g. '1.064 Personen' (the chapter names its date with stichtag())."""
    return aus_vorlage("kennzahl.html", k=daten.kennzahl(kennzahl_id))


def ziele(daten: m.Konzeptdaten, feld_id: str) -> str:
    """Leitziel and Handlungsziele of a field; proposals are labelled as such."""
    return aus_vorlage("ziele.html", ziele=daten.ziele_im_feld(feld_id), daten=daten)


def gremium(daten: m.Konzeptdaten, gremium_id: str, wurzel: str = "") -> str:
    """What a Gremium is, who leads it (by role) and what it does; a working group links to its own page."""
    ist_gruppe = any(feld.arbeitsgruppe == gremium_id for feld in daten.handlungsfelder)
    seite_url = f"{wurzel}{gruppen.ORDNER}{gremium_id}/" if ist_gruppe else None
    return aus_vorlage("gremium.html", g=daten.gremien[gremium_id], daten=daten, seite_url=seite_url)


def beschluesse(daten: m.Konzeptdaten, wurzel: str, zeige: int = 12) -> str:
    """Every decision, oldest first: date, what, kind and Gremium, number, the measures resting on it, source."""
    je_beschluss: dict[str, list[m.Massnahme]] = {}
    for x in daten.massnahmen:
        if x.beschluss:
            je_beschluss.setdefault(x.beschluss, []).append(x)
    liste = sorted(daten.beschluesse.values(), key=lambda b: datum_grenzen(b.datum)[0])
    return aus_vorlage("beschluesse.html", beschluesse=liste, je_beschluss=je_beschluss, daten=daten, wurzel=wurzel,
                   zeige=zeige, url=massnahme_url)


def meilensteine(daten: m.Konzeptdaten) -> str:
    """The timetable as an ordered list: planned and actual dates, status and source."""
    return aus_vorlage("meilensteine.html", meilensteine=zeitfolge(daten.meilensteine), daten=daten)


def zeitfolge(meilensteine: tuple[m.Meilenstein, ...]) -> list[m.Meilenstein]:
    """Milestones by date (actual, else planned), an imprecise date (2019, 2019-05) at its last day; same date
    keeps the file order; those without a date last."""
    return sorted(meilensteine, key=lambda ms: (ms.datum is None, datum_grenzen(ms.datum)[1] if ms.datum else None))


def quellenverzeichnis(daten: m.Konzeptdaten) -> str:
    """Every source with publisher, date and where to find it."""
    return aus_vorlage("quellen.html", quellen=daten.quellen.values())


def quellen_kurz(daten: m.Konzeptdaten, quelle_ids: tuple[str, ...], wurzel: str) -> str:
    """Short source references linking to the list of sources."""
    return aus_vorlage("quellen_kurz.html", quellen=[daten.quellen[q] for q in quelle_ids], wurzel=wurzel)


def seiten_url(seite: str) -> str:
    """docs path -> directory URL: handlungsfelder/sprache.md -> handlungsfelder/sprache/."""
    ohne = seite[:-3]
    if ohne == "index" or ohne.endswith("/index"):
        return ohne[:-5]
    return ohne + "/"


def stand_zeile(datum: str) -> str:
    """'Stand: 26.11.2026' as one HTML paragraph with a machine-readable date."""
    return (f'<p class="ik-stand">Stand: <time datetime="{escape.html(datum)}">'
            f"{escape.html(datum_de(datum))}</time></p>")
