"""Printing one page from the browser (docs/assets/stylesheets/print.css), as Chromium prints it to A4."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from browser.fixtures import gruppenweise, ohne_suchindex

pytestmark = pytest.mark.browser

# Web chrome and navigation that a printed measure leaves out (the site's name stands in its header).
WEB = ("Als PDF herunterladen", "Alle Maßnahmen im Überblick", "Zum Inhalt springen", "Seite editieren",
       "Laut Versionsgeschichte", "Material for MkDocs", "Integrationskonzept Landkreis Rostock", "Eigene Seite")


def test_jede_massnahme_druckt_auf_ein_blatt(browser, server, daten, site):
    """Every measure's own page prints on one A4 sheet: the whole card and its history, no web chrome."""
    kontext = browser.new_context()
    ohne_suchindex(kontext, site)
    nach_pfad = {f"massnahmen/{x.anker}/": x for x in daten.massnahmen}
    zu_lang, gedruckt = [], []
    for gruppe in gruppenweise(kontext, list(nach_pfad), server,
                               vorher=lambda tab, _: tab.emulate_media(media="print")):
        for pfad, tab, _ in gruppe:
            massnahme = nach_pfad[pfad]
            leser = PdfReader(io.BytesIO(tab.pdf(format="A4", print_background=True)))
            gedruckt.append(massnahme.id)
            text = " ".join(" ".join(seite.extract_text().split()) for seite in leser.pages)
            if len(leser.pages) != 1:
                zu_lang.append((massnahme.id, len(leser.pages)))
            assert massnahme.id in text and massnahme.titel.split()[0] in text, massnahme.id
            for eintrag in massnahme.verlauf:
                assert eintrag.datum.split("-")[0] in text, (massnahme.id, "Verlauf")
            for web in WEB:
                assert web not in text, (massnahme.id, web)
    kontext.close()
    assert gedruckt == [x.id for x in daten.massnahmen]
    assert zu_lang == []
