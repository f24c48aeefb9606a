"""MkDocs hook: the history citizens see – each page's last change, a measure's changes, the built version.

Reads git once per build (macros/versionsgeschichte.py); without history every page says so and shows the
date the data give.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import lade_oder_melde, versionsgeschichte  # noqa: E402
from macros.render import umgebung  # noqa: E402

_massnahmen: dict = {}


def on_config(config):
    """Reads the history anew for each build; the footer partial shows config.extra.ik_version."""
    geschichte = versionsgeschichte.aktuell(ROOT, neu=True)
    config.extra["ik_version"] = geschichte.version.text()
    _massnahmen.clear()
    return config


def _massnahme(anker: str):
    """The measure of a generated page by its anchor (an index built once per build, not a search per page)."""
    if not _massnahmen:
        _massnahmen.update({m.anker: m for m in lade_oder_melde().massnahmen})
    return _massnahmen.get(anker)


def _ist_massnahmenseite(page) -> bool:
    return page.file.generated_by is not None and page.file.src_uri.startswith("massnahmen/")


def _anker(page) -> str:
    """massnahmen/sp-01.md -> sp-01 (further pages of a split overview give no measure)."""
    return page.file.src_uri.removeprefix("massnahmen/").removesuffix(".md")


def on_page_content(html, page, config, files):
    """Appends the page's last change (and for a measure page: its changes) to the page."""
    geschichte = versionsgeschichte.aktuell(ROOT)
    vorlage = umgebung().get_template("seitenstand.html")
    massnahme = _massnahme(_anker(page)) if _ist_massnahmenseite(page) else None
    if massnahme is not None:
        return html + vorlage.render(geschichte=geschichte, massnahme=massnahme, datum=None, aus_daten=True,
                                     aenderungen=geschichte.aenderungen_der_massnahme(massnahme.id),
                                     datum_lang=versionsgeschichte.datum_lang)
    pfad = f"docs/{page.file.src_uri}"
    datum, aus_daten = geschichte.datum_von(pfad), False
    if page.file.generated_by is not None:
        datum = geschichte.datum_der_daten()   # a page generated from data: the data's last change
    elif datum and "{{" in (page.file.content_string or ""):
        datum = max(datum, geschichte.datum_der_daten() or datum)   # the page shows data: their change counts too
    if datum is None:
        datum, aus_daten = lade_oder_melde().konzept.stand, True
    hinweis = "noch nicht in der Versionsgeschichte" if geschichte.verfuegbar else "Versionsgeschichte nicht verfügbar"
    return html + vorlage.render(geschichte=geschichte, massnahme=None, datum=datum, aus_daten=aus_daten,
                                 hinweis=hinweis, aenderungen=(), datum_lang=versionsgeschichte.datum_lang)
