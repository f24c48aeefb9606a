"""Printing one page from the browser (docs/assets/stylesheets/print.css), as Chromium prints it to A4."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

# Web chrome and navigation that a printed measure leaves out (the site's name stands in its header).
WEB = ("Als PDF herunterladen", "Alle Maßnahmen im Überblick", "Zum Inhalt springen", "Seite editieren",
       "Laut Versionsgeschichte", "Material for MkDocs", "Integrationskonzept Landkreis Rostock", "Eigene Seite")


@pytest.fixture(scope="module")
def drucker(browser):
    seite = browser.new_page()
    seite.emulate_media(media="print")
    yield seite
    seite.close()


def gedruckt(drucker, url: str) -> PdfReader:
    drucker.goto(url, wait_until="networkidle")
    return PdfReader(io.BytesIO(drucker.pdf(format="A4", print_background=True)))


def test_jede_massnahme_druckt_auf_ein_blatt(drucker, server, daten):
    """Every measure's own page prints on one A4 sheet: the whole card and its history, no web chrome."""
    zu_lang = []
    for massnahme in daten.massnahmen:
        leser = gedruckt(drucker, server.url(f"massnahmen/{massnahme.anker}/"))
        text = " ".join(" ".join(seite.extract_text().split()) for seite in leser.pages)
        if len(leser.pages) != 1:
            zu_lang.append((massnahme.id, len(leser.pages)))
        assert massnahme.id in text and massnahme.titel.split()[0] in text, massnahme.id
        for eintrag in massnahme.verlauf:
            assert eintrag.datum.split("-")[0] in text, (massnahme.id, "Verlauf")
        for web in WEB:
            assert web not in text, (massnahme.id, web)
    assert zu_lang == []
