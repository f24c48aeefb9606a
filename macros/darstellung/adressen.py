"""Where the measures live in the site: the one definition of their URLs and of the files behind them.

Every URL here is a path below the site root ("massnahmen/sp-01/"); put the page's way to the root in front
(render.massnahme_url) or the site's address (offene_daten.permalink).
"""

from __future__ import annotations

from macros.daten.model import anker

# The folder of every measure page and of the overview "Alle Maßnahmen" (massnahmen/index.md).
MASSNAHMEN_ORDNER = "massnahmen/"
# The overview's rows for its filter script, when the overview is split over pages (uebersicht.py).
UEBERSICHT_ZEILEN = f"{MASSNAHMEN_ORDNER}zeilen.json"


def massnahme(kennung: str) -> str:
    """The permalink of a measure's own page: SP-01 -> massnahmen/sp-01/."""
    return f"{MASSNAHMEN_ORDNER}{anker(kennung)}/"


def massnahme_datei(kennung: str) -> str:
    """The generated docs file of that page: SP-01 -> massnahmen/sp-01.md."""
    return f"{MASSNAHMEN_ORDNER}{anker(kennung)}.md"


def kennung_der_datei(pfad: str) -> str | None:
    """The id a docs path of a measure page stands for (massnahmen/sp-01.md -> SP-01); None for other paths."""
    if not pfad.startswith(MASSNAHMEN_ORDNER) or not pfad.endswith(".md") or pfad.count("/") != 1:
        return None
    return pfad.removeprefix(MASSNAHMEN_ORDNER).removesuffix(".md").upper()


# --- The translated pages ------------------------------------------------------------------------------------------
# The German pages they stand beside: the start page and the overview of all measures.
START_DATEI = "index.md"
UEBERSICHT_DATEI = f"{MASSNAHMEN_ORDNER}index.md"


def sprache_start(code: str) -> str:
    """The start page of a language: en -> en/."""
    return f"{code}/"


def sprache_start_datei(code: str) -> str:
    """Its generated docs file: en -> en/index.md."""
    return f"{code}/index.md"


def sprache_massnahmen(code: str) -> str:
    """The page with every measure in a language: en -> en/massnahmen/."""
    return f"{code}/{MASSNAHMEN_ORDNER}"


def sprache_massnahmen_datei(code: str) -> str:
    """Its generated docs file: en -> en/massnahmen/index.md."""
    return f"{code}/{MASSNAHMEN_ORDNER}index.md"
