"""The words and colours of the codes live in macros/daten/begriffe.py: they match the schema's codes, reach their
contrast, and every stylesheet of the website and the PDF takes the colours from there."""

from __future__ import annotations

import json
import re

import pytest
from hilfen import ROOT

from macros.darstellung import statusfarben
from macros.daten import begriffe as b

SCHEMA = json.loads((ROOT / "data" / "schema" / "measures.schema.json").read_text(encoding="utf-8"))
MASSNAHME = SCHEMA["$defs"]["massnahme"]["properties"]
WEISS = "#ffffff"


def kontrast(farbe_a: str, farbe_b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    def leuchtdichte(farbe):
        kanaele = [int(farbe[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in kanaele]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hell, dunkel = sorted((leuchtdichte(farbe_a), leuchtdichte(farbe_b)), reverse=True)
    return (hell + 0.05) / (dunkel + 0.05)


def test_kontrast_rechnet_wie_wcag():
    assert kontrast("#000000", WEISS) == pytest.approx(21)
    assert kontrast("#767676", WEISS) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("wort", "codes"), [
    (b.STATUS, SCHEMA["$defs"]["status"]["enum"]),
    (b.BESCHLUSSSTAND, MASSNAHME["beschlussstand"]["enum"]),
    (b.PRIORITAET, MASSNAHME["prioritaet"]["enum"]),
    (b.ZEITHORIZONT, MASSNAHME["zeithorizont"]["enum"]),
], ids=["status", "beschlussstand", "prioritaet", "zeithorizont"])
def test_jeder_code_des_schemas_hat_sein_wort(wort, codes):
    assert list(wort) == codes


def test_meilensteine_haben_worte_fuer_jeden_status():
    schema = json.loads((ROOT / "data" / "schema" / "meilensteine.schema.json").read_text(encoding="utf-8"))
    assert list(b.MEILENSTEIN_STATUS) == schema["$defs"]["eintrag"]["properties"]["status"]["enum"]


def test_jede_statusfarbe_traegt_weisse_zahlen_und_steht_als_text_auf_weiss():
    assert set(b.STATUSFARBEN) == set(b.STATUS)
    for status, farbe in b.STATUSFARBEN.items():
        assert kontrast(farbe, WEISS) >= 4.5, status   # white numbers on the fill; the mark's text on white
        assert kontrast(farbe, WEISS) >= 3, status     # the fill against the white page (WCAG 1.4.11)
    assert len(set(b.STATUSFARBEN.values())) == len(b.STATUSFARBEN), "jeder Status eine eigene Farbe"


def test_vorschlagsmarke_ist_lesbar():
    assert kontrast(b.VORSCHLAG_FARBE, b.VORSCHLAG_FLAECHE) >= 4.5
    assert kontrast(b.VORSCHLAG_TEXT, b.VORSCHLAG_FLAECHE) >= 4.5   # the note on a proposal's card
    assert kontrast(b.VORSCHLAG_FARBE, WEISS) >= 3   # the border of a proposal's card


def test_kein_anderes_stylesheet_legt_statusfarben_fest():
    blaetter = [*(ROOT / "docs").rglob("*.css"), *(ROOT / "macros").rglob("*.css")]
    assert blaetter
    for blatt in blaetter:
        text = blatt.read_text(encoding="utf-8")
        assert not re.search(r"\.ik-(status|beschluss)--\w+\s*\{[^}]*color", text), blatt
        assert "--ik-vorschlag:" not in text, blatt
        # The proposal colours come only as custom properties from the generated status.css.
        farben = {b.VORSCHLAG_FARBE, b.VORSCHLAG_FLAECHE, b.VORSCHLAG_TEXT}
        assert not [f for f in farben if f in text.lower()], blatt


def test_die_gebaute_site_hat_das_stylesheet_aus_den_begriffen(site):
    css = (site / statusfarben.DATEI).read_text(encoding="utf-8")
    assert css == statusfarben.css()
    for code, farbe in b.STATUSFARBEN.items():
        assert f".ik-status--{code} {{ color: {farbe}; }}" in css
    assert f"--ik-vorschlag: {b.VORSCHLAG_FARBE}" in css
    start = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/stylesheets/status.css"' in start


def test_diagramme_fuellen_mit_den_statusfarben(site):
    start = (site / "index.html").read_text(encoding="utf-8")
    fuellungen = set(re.findall(r'<rect [^>]*fill="(#[0-9a-f]{6})"', start))
    assert fuellungen and fuellungen <= set(b.STATUSFARBEN.values())


def test_das_pdf_nimmt_das_stylesheet_der_site():
    from macros.ausgabe.druck import dokument

    assert statusfarben.css() in dokument.stylesheets()


def test_jedes_feld_einer_massnahme_hat_genau_einen_namen():
    import dataclasses

    from macros.daten.model import Massnahme

    assert list(b.FELDNAMEN) == list(MASSNAHME)
    assert set(b.FELDNAMEN) == {f.name for f in dataclasses.fields(Massnahme)} - {"zeile"}
    assert len(set(b.FELDNAMEN.values())) == len(b.FELDNAMEN)


def test_spalten_der_tabellen_kommen_aus_den_begriffen(daten):
    from macros.darstellung import zeilen

    assert set(b.KAPITEL_SPALTEN) <= set(b.SPALTEN) and set(b.UEBERSICHT_SPALTEN) <= set(b.SPALTEN)
    for spalte in b.SPALTEN:
        assert zeilen.zelle(daten, daten.massnahmen[0], spalte).text
    with pytest.raises(KeyError):
        zeilen.zelle(daten, daten.massnahmen[0], "gibt-es-nicht")


def test_karte_csv_und_tabellen_nennen_die_felder_gleich(site, daten):
    from macros.ausgabe import offene_daten
    from macros.darstellung.render import seiten_url

    x = next(m for m in daten.massnahmen if m.partner and m.zielgruppe)
    karte = (site / "massnahmen" / x.anker / "index.html").read_text(encoding="utf-8")
    begriffe_der_karte = re.findall(r"<dt>(.*?)</dt>", karte)
    assert set(begriffe_der_karte) <= set(b.FELDNAMEN.values()) | {b.ZEITRAUM}
    assert {b.FELDNAMEN["partner"], b.FELDNAMEN["zielgruppe"], b.ZEITRAUM} <= set(begriffe_der_karte)
    csv = (site / "daten" / "massnahmen.csv").read_bytes().decode("utf-8-sig").split("\r\n", 1)[0].split(";")
    assert csv == [kopf for kopf, _ in offene_daten.SPALTEN]
    assert set(csv) - set(offene_daten.ZUSATZSPALTEN.values()) <= set(b.FELDNAMEN.values())
    for pfad, spalten in (("massnahmen/index.md", b.UEBERSICHT_SPALTEN),
                          (daten.handlungsfeld(x.handlungsfeld).seite, b.KAPITEL_SPALTEN)):
        html = (site / seiten_url(pfad) / "index.html").read_text(encoding="utf-8")
        kopf = re.search(r'<table class="ik-massnahmen[^"]*">.*?<thead>\s*<tr>(.*?)</tr>', html, re.S).group(1)
        assert re.findall(r"<th [^>]*>(.*?)</th>", kopf) == [b.SPALTEN[s] for s in spalten], pfad
