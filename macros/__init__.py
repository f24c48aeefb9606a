"""Macros for the concept's pages: thin wrappers that pass checked data to the render functions."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from . import diagramme, escape, offene_daten, render, seitenteilung, uebersicht
from .datum import datum_de  # Inhalt (issue 3): stand(), stichtag()
from .fehler import DatenFehler
from .loader import DATA_DIR, DATEIEN, lade_daten

_zwischenspeicher: dict = {}


def lade_oder_melde():
    """The checked data, or a build error in German that lists every problem (no traceback).

    Loaded once per state of the files: a build needs it twice, `make serve` after each save.
    """
    stand = tuple((name, _signatur(DATA_DIR / name)) for name in DATEIEN)
    if _zwischenspeicher.get("stand") != stand:
        try:
            _zwischenspeicher.update(stand=stand, daten=lade_daten())
        except DatenFehler as fehler:
            _zwischenspeicher.clear()
            meldung = "Die Daten sind fehlerhaft; die Website wird nicht gebaut.\n" + fehler.bericht()
            raise PluginError(meldung) from None
    return _zwischenspeicher["daten"]


def _signatur(pfad):
    try:
        info = pfad.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def wurzel_von(page) -> str:
    """Relative path from a page to the site root, e.g. '../../' for handlungsfelder/sprache/."""
    url = page.url if page is not None else ""
    return "../" * url.count("/")


def define_env(env):
    """Registers the macros; each is one line over a pure render function."""
    daten = lade_oder_melde()
    # Chapters write {{ konzept.… }} straight into Markdown: the view escapes each text for it (skalierung, issue 7).
    env.variables["konzept"] = escape.MarkdownAnsicht(daten.konzept)
    env.variables["daten"] = daten

    def wurzel():
        return wurzel_von(env.page)

    def geteilt(liste: tuple, seite: int, je_seite: int, verzeichnis: str, beschriftung: str) -> tuple:
        """The part of liste on page seite, and page links above and below it (empty when one page holds all)."""
        anzahl = seitenteilung.seitenzahl(len(liste), je_seite)
        if anzahl == 1:
            return liste, "", ""
        url = lambda n: wurzel() + seitenteilung.unterseite(verzeichnis, n)  # noqa: E731
        oben, unten = (render.blaettern(seite, anzahl, len(liste), je_seite, url, f"{beschriftung} ({wo})")
                       for wo in ("oben", "unten"))
        return seitenteilung.ausschnitt(liste, seite, je_seite), oben, unten

    @env.macro
    def massnahmen(feld_id: str, seite: int = 1) -> str:
        """Table and cards of the measures of one field (for its chapter); long lists over several pages."""
        feld = daten.handlungsfeld(feld_id)
        liste, oben, unten = geteilt(daten.massnahmen_im_feld(feld_id), seite, seitenteilung.KARTEN_JE_SEITE,
                                     render.seiten_url(feld.seite), f"Seiten der Maßnahmen im Bereich {feld.titel}")
        tabelle = render.massnahmen_tabelle(daten, liste, wurzel(), f"Maßnahmen im Bereich {feld.titel}")
        suche = seitenteilung.suche_fuer(len(daten.massnahmen), eigene_seite=False)
        karten = "\n".join(render.massnahme_karte(daten, m, wurzel(), suche=suche) for m in liste)
        return "\n".join(teil for teil in (oben, tabelle, karten, unten) if teil)

    @env.macro
    def massnahmen_tabelle(feld_id: str | None = None) -> str:
        liste = daten.massnahmen_im_feld(feld_id) if feld_id else daten.massnahmen
        return render.massnahmen_tabelle(daten, liste, wurzel(), "Alle Maßnahmen" if not feld_id
                                         else f"Maßnahmen im Bereich {daten.handlungsfeld(feld_id).titel}")

    @env.macro
    def massnahme_seite(massnahme_id: str) -> str:
        karte = render.massnahme_karte(daten, daten.massnahme(massnahme_id), wurzel(), ebene=1, permalink=False)
        # Issue 6: from a measure's own page back to the overview.
        return karte + f'\n<p class="ik-zurueck"><a href="{wurzel()}massnahmen/">Alle Maßnahmen im Überblick</a></p>'

    @env.macro
    def status_uebersicht(feld_id: str | None = None) -> str:
        """Status chart (SVG) with its table; without a field also one stacked bar per field."""
        if feld_id:
            titel = f"Stand der Umsetzung: {daten.handlungsfeld(feld_id).titel}"
            return diagramme.status_balken(daten.massnahmen_im_feld(feld_id), titel, f"status-{feld_id}")
        return "\n".join([
            diagramme.status_balken(daten.massnahmen, "Stand der Umsetzung, alle Bereiche", "status-alle"),
            diagramme.status_je_feld(daten, "Stand der Umsetzung nach Bereichen", "status-felder"),
        ])

    # --- Für Bürgerinnen und Bürger: Übersicht aller Maßnahmen, offene Daten (issue 6) ---------------------
    @env.macro
    def alle_massnahmen(seite: int = 1) -> str:
        """Every measure in one table; filter.js adds filters, sorting and the URL state.

        A long catalogue is split over pages (skalierung, issue 7); the filter then loads the full list
        from the open data (data-daten-url), so it still filters over every measure.
        """
        skript = f'<script src="{wurzel()}assets/javascripts/filter.js" defer></script>'
        liste, oben, unten = geteilt(daten.massnahmen, seite, seitenteilung.ZEILEN_JE_SEITE,
                                     render.seiten_url(seitenteilung.UEBERSICHT), "Seiten der Übersicht")
        daten_url = f"{wurzel()}daten/{offene_daten.JSON_DATEI}" if oben else None
        tabelle = uebersicht.massnahmen_uebersicht(daten, liste, wurzel(), daten_url)
        return "\n".join(teil for teil in (oben, tabelle, unten, skript) if teil)

    @env.macro
    def offene_daten_dateien() -> str:
        """The downloads of the Daten page with their counts, and the CSV columns."""
        return render._render("offene_daten.html", daten=daten, od=offene_daten, wurzel=wurzel())

    @env.macro
    def offene_daten_spalten() -> str:
        """The CSV columns and the JSON field each comes from."""
        return render._render("offene_daten_spalten.html", od=offene_daten)

    @env.macro
    def kennzahlen(feld_id: str | None = None, ohne_feld: bool = False) -> str:
        liste = tuple(k for k in daten.kennzahlen
                      if (feld_id is None or k.handlungsfeld == feld_id) and not (ohne_feld and k.handlungsfeld))
        return render.kennzahlen_tabelle(daten, liste, "Zahlen zur Ausgangslage")

    @env.macro
    def kennzahl(kennzahl_id: str) -> str:
        return render.kennzahl(daten, kennzahl_id)

    @env.macro
    def ziele(feld_id: str) -> str:
        return render.ziele(daten, feld_id)

    @env.macro
    def arbeitsgruppe(feld_id: str) -> str:
        return render.gremium(daten, daten.handlungsfeld(feld_id).arbeitsgruppe)

    @env.macro
    def gremium(gremium_id: str) -> str:
        return render.gremium(daten, gremium_id)

    @env.macro
    def meilensteine() -> str:
        return render.meilensteine(daten)

    @env.macro
    def quellenverzeichnis() -> str:
        return render.quellenverzeichnis(daten)

    # --- Inhalt (issue 3): review date and dates of figures, printed from data -------------------
    # stand(): the content's review date (konzept.stand), shown under the "Kurz gesagt" box of each chapter.
    # stichtag(id): the date of a figure in German, so no chapter types a date that data already holds.
    # quelle(id, …): short source references in prose, in parentheses, linking to the list of sources.
    # |datum: any date from data in German, e.g. {{ konzept.beschlossen_am | datum }}.
    @env.macro
    def stand(datum: str | None = None) -> str:
        return render.stand_zeile(datum or daten.konzept.stand)

    @env.macro
    def stichtag(kennzahl_id: str) -> str:
        return datum_de(next(k.stichtag for k in daten.kennzahlen if k.id == kennzahl_id))

    @env.macro
    def quelle(*quelle_ids: str) -> str:
        return f"({render.quellen_kurz(daten, quelle_ids, wurzel())})"

    env.filter(datum_de, name="datum")
    # --- Ende Inhalt ------------------------------------------------------------------------------

    # --- mitwirken: the Änderungsverlauf page, from git history (macros/versionsgeschichte.py) ---------------
    @env.macro
    def aenderungsverlauf() -> str:
        """Recent changes to texts and data: date, summary, measures changed; a clear note without git."""
        from . import versionsgeschichte
        return versionsgeschichte.aenderungsverlauf(
            versionsgeschichte.aktuell(), versionsgeschichte.seitentitel(env.conf.get("nav")),
            {m.id for m in daten.massnahmen}, daten.konzept.stand, wurzel())
