"""The macros the chapters call: each passes checked data to one render function."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from macros.ausgabe import offene_daten, versionsgeschichte
from macros.ausgabe.druck.fassung import druckfassung
from macros.baudaten import daten_fuer, stichtag_fuer
from macros.darstellung import arbeitsgruppen, bloecke, diagramme, render, sprachseiten, uebersicht, verlauf
from macros.darstellung.datum import datum_de
from macros.projekt import Projekt


def wurzel_von(page) -> str:
    """Relative path from a page to the site root: '' for the start page, '../../' for handlungsfelder/sprache/."""
    relativ = get_relative_url("", page.url if page is not None else "")
    return "" if relativ == "." else relativ + "/"


def nav_titel(nav) -> dict[str, str]:
    """docs path -> the page's title in the navigation (a section's own page: the section's name)."""
    return {seite.file.src_uri: seite.title or (seite.parent.title if seite.parent else seite.file.name)
            for seite in (nav.pages if nav is not None else ())}


class Makros:
    """The macros of one build; `NAMEN` lists those the chapters may call."""

    NAMEN = ("massnahmen", "status_uebersicht", "alle_massnahmen", "offene_daten_dateien", "offene_daten_spalten",
             "kennzahlen", "kennzahl", "ziele", "arbeitsgruppe", "gremium", "meilensteine", "quellenverzeichnis",
             "stand", "stichtag", "quelle", "aenderungsverlauf", "beschluesse", "arbeitsgruppen",
             "entwicklung", "sprachen")

    def __init__(self, env):
        self.env = env
        self.daten = daten_fuer(env.conf)

    @property
    def wurzel(self) -> str:
        return wurzel_von(self.env.page)

    def massnahmen(self, feld_id: str, seite: int = 1) -> str:
        """Table and cards of the measures of one field (for its chapter); long lists over several pages."""
        druck = druckfassung(self.env.conf)
        daten, wurzel, stichtag = self.daten, self.wurzel, stichtag_fuer(self.env.conf)
        if druck is not None:
            return bloecke.ohne_markdown(lambda: druck.massnahmen(daten, feld_id, wurzel, stichtag))
        return bloecke.ohne_markdown(lambda: render.massnahmen_im_feld(daten, feld_id, seite, wurzel, stichtag))

    def status_uebersicht(self, feld_id: str | None = None) -> str:
        """Status chart (SVG) with its table; without a field also one stacked bar per field."""
        return diagramme.status_uebersicht(self.daten, feld_id)

    def alle_massnahmen(self, seite: int = 1) -> str:
        """Every measure in one table; filter.js adds filters, sorting and the URL state."""
        seite = None if druckfassung(self.env.conf) is not None else seite  # the PDF prints every row
        daten, wurzel, stichtag = self.daten, self.wurzel, stichtag_fuer(self.env.conf)
        return bloecke.ohne_markdown(lambda: uebersicht.alle_massnahmen(daten, seite, wurzel, stichtag))

    def offene_daten_dateien(self) -> str:
        """The downloads of the Daten page with their counts."""
        return render.aus_vorlage("offene_daten.html", daten=self.daten, od=offene_daten, wurzel=self.wurzel)

    def offene_daten_spalten(self) -> str:
        """The CSV columns and the JSON field each comes from."""
        return render.aus_vorlage("offene_daten_spalten.html", od=offene_daten)

    def kennzahlen(self, feld_id: str | None = None, ohne_feld: bool = False) -> str:
        """Figures of one field (or those of no field) as a table."""
        return render.kennzahlen_tabelle(self.daten, feld_id, ohne_feld, "Zahlen zur Ausgangslage")

    def kennzahl(self, kennzahl_id: str) -> str:
        return render.kennzahl(self.daten, kennzahl_id)

    def ziele(self, feld_id: str) -> str:
        return render.ziele(self.daten, feld_id)

    def arbeitsgruppe(self, feld_id: str) -> str:
        return render.gremium(self.daten, self.daten.handlungsfeld(feld_id).arbeitsgruppe, self.wurzel)

    def gremium(self, gremium_id: str) -> str:
        return render.gremium(self.daten, gremium_id, self.wurzel)

    def meilensteine(self) -> str:
        return render.meilensteine(self.daten)

    def entwicklung(self) -> str:
        """Status counts over time from the git history, as a chart with a table; a clear note without git."""
        geschichte = versionsgeschichte.aktuell(Projekt.aus_config(self.env.conf).wurzel)
        return diagramme.entwicklung(geschichte, self.daten)

    def arbeitsgruppen(self) -> str:
        """Every working group with the number of measures that are overdue, due soon or due for review."""
        return arbeitsgruppen.uebersicht(self.daten, stichtag_fuer(self.env.conf), self.wurzel)

    def beschluesse(self) -> str:
        """The decisions the measures rest on, with the measures of each."""
        return render.beschluesse(self.daten, self.wurzel)

    def quellenverzeichnis(self) -> str:
        return render.quellenverzeichnis(self.daten)

    def stand(self, datum: str | None = None) -> str:
        """The content's review date, shown under the "Kurz gesagt" box of each chapter."""
        return render.stand_zeile(datum or self.daten.konzept.stand)

    def stichtag(self, kennzahl_id: str) -> str:
        """The date of a figure in German, so no chapter types a date that data already holds."""
        return datum_de(self.daten.kennzahl(kennzahl_id).stichtag)

    def quelle(self, *quelle_ids: str) -> str:
        """Short source references in prose, in parentheses, linking to the list of sources."""
        return f"({render.quellen_kurz(self.daten, quelle_ids, self.wurzel)})"

    def aenderungsverlauf(self) -> str:
        """Recent changes to texts and data: date, summary, measures changed; a clear note without git."""
        geschichte = versionsgeschichte.aktuell(Projekt.aus_config(self.env.conf).wurzel)
        return verlauf.aenderungsverlauf(geschichte, nav_titel(self.env.variables.get("navigation")), self.daten,
                                         self.wurzel)

    def sprachen(self) -> str:
        """Links to the concept in every language of data/sprachen.yaml, each named in its own script."""
        return bloecke.ohne_markdown(sprachseiten.sprachliste(self.daten, self.wurzel))
