"""Status charts: SVG with role=img, title and description, and a table with the same numbers as the data."""

from __future__ import annotations

import re
from collections import Counter

from macros.darstellung import diagramme
from macros.daten import begriffe as b


def test_balken_je_status_mit_titel_beschreibung_und_tabelle(daten):
    html = diagramme.status_balken(daten.massnahmen, "Stand der Umsetzung", "status-alle")
    assert re.search(r'<svg [^>]*role="img" aria-labelledby="status-alle-titel status-alle-beschreibung"', html)
    assert '<title id="status-alle-titel">Stand der Umsetzung</title>' in html
    zaehlung = Counter(x.status for x in daten.massnahmen)
    gezeichnet = {s: int(a) for s, a in re.findall(r'<g class="ik-diagramm__reihe" data-status="(\w+)" '
                                                   r'data-anzahl="(\d+)"', html)}
    in_tabelle = {s: int(a) for s, a in re.findall(r'<tr data-status="(\w+)"><td>.*?</td><td>(\d+)</td></tr>', html)}
    assert gezeichnet == in_tabelle == dict(zaehlung)
    beschreibung = re.search(r"<desc [^>]*>(.*?)</desc>", html).group(1)
    for status, anzahl in zaehlung.items():
        assert f"{anzahl} {b.STATUS[status]}" in beschreibung
    vorschlaege = sum(1 for x in daten.massnahmen if x.ist_vorschlag)
    if vorschlaege:
        assert f"davon {vorschlaege} Vorschl" in beschreibung and f"davon {vorschlaege} Vorschl" in html


def test_gestapelte_balken_je_feld_stimmen_mit_den_daten(daten):
    html = diagramme.status_je_feld(daten, "Nach Bereichen", "status-felder")
    assert 'role="img"' in html and "<desc " in html and "<table" in html
    for feld in daten.handlungsfelder:
        liste = daten.massnahmen_im_feld(feld.id)
        assert f'data-feld="{feld.id}" data-anzahl="{len(liste)}"' in html
        segmente = re.search(rf'data-feld="{feld.id}" data-anzahl="\d+">(.*?)</g>', html, re.S).group(1)
        gezeichnet = {s: int(a) for s, a in re.findall(r'data-status="(\w+)" data-anzahl="(\d+)"', segmente)}
        assert gezeichnet == dict(Counter(x.status for x in liste)), feld.id


def test_diagramm_ohne_massnahmen_bleibt_gueltig():
    html = diagramme.status_balken((), "Leer", "leer")
    assert "keine Maßnahmen" in html and 'role="img"' in html


def test_text_aus_den_daten_wird_im_svg_maskiert(daten):
    from dataclasses import replace

    feld = replace(daten.handlungsfelder[0], titel="<script>alert(1)</script>")
    boese = replace(daten, handlungsfelder=(feld, *daten.handlungsfelder[1:]), _nach_feld={})
    html = diagramme.status_je_feld(boese, "T", "t")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_kapitel_und_startseite_zeigen_die_diagramme(site, daten):
    start = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="status-alle"' in start and 'id="status-felder"' in start
    for feld in daten.handlungsfelder:
        if feld.art != "handlungsfeld":
            continue
        pfad = site / feld.seite.replace(".md", "") / "index.html"
        assert f'id="status-{feld.id}"' in pfad.read_text(encoding="utf-8"), feld.id
