"""Splits long lists of measures over several pages, so that no page grows with the catalogue.

At 10,000 measures a chapter with every card, or an overview with every row, is several MB of
HTML and scores badly in the browser. Short lists (the real concept) stay on one page unchanged.
"""

from __future__ import annotations

import math
import re

from macros.darstellung.adressen import MASSNAHMEN_ORDNER

# Cards (with every field) on one chapter page, and rows in the overview table per page. 50 cards are
# about 130 KB of HTML and 2,500 DOM elements, 200 rows of the overview about 250 KB: Lighthouse performance
# 90+ on a slow phone (500 rows: 71-88).
KARTEN_JE_SEITE = 50
ZEILEN_JE_SEITE = 200

# Up to this many measures the search index holds every card in full. Material loads the whole index
# on every page: at 10,000 measures it was 14 MB and Lighthouse performance fell to 75 (99 at 1 MB).
SUCHE_VOLL_BIS = 1000


def suche_fuer(anzahl_massnahmen: int, eigene_seite: bool) -> str:
    """What the search index takes from a measure card: all of it, or for large catalogues the title of
    the measure's own page only (its card on the chapter page is then left out)."""
    if anzahl_massnahmen <= SUCHE_VOLL_BIS:
        return "voll"
    return "titel" if eigene_seite else "aus"


# The overview page of all measures (its sub-pages are massnahmen/seite-2/ …).
UEBERSICHT = f"{MASSNAHMEN_ORDNER}index.md"


def seitenzahl(anzahl: int, je_seite: int) -> int:
    """How many pages a list of anzahl entries needs (at least 1)."""
    return max(1, math.ceil(anzahl / je_seite))


def ausschnitt(liste: tuple, seite: int, je_seite: int) -> tuple:
    """The entries shown on page seite (counting from 1); ValueError for a page that does not exist."""
    if not 1 <= seite <= seitenzahl(len(liste), je_seite):
        raise ValueError(f"Seite {seite} gibt es nicht.")
    return liste[(seite - 1) * je_seite : seite * je_seite]


def unterseite(verzeichnis: str, seite: int) -> str:
    """Directory URL of page seite below a page's directory URL: 'handlungsfelder/sprache/' -> …/seite-2/."""
    return verzeichnis if seite == 1 else f"{verzeichnis}seite-{seite}/"


def unterseiten_datei(verzeichnis: str, seite: int) -> str:
    """The generated docs file of page seite (≥ 2), e.g. handlungsfelder/sprache/seite-2.md."""
    return f"{verzeichnis}seite-{seite}.md"


def sicherer_titel(text: str) -> str:
    """Data text reduced to letters, digits, spaces and simple punctuation, for a generated page title.

    The title lands in YAML front matter and in the theme's <title>; nothing there may read as
    markup, YAML or Jinja, so anything else is dropped.
    """
    return " ".join(re.sub(r"[^\w\s,.:()–-]|_", " ", text).split())[:120]
