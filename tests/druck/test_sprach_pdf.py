"""The summary in each language as a PDF (zusammenfassung.py, written by schreiben.schreibe_pdf): A4, tagged,
/Lang of the language, right to left for Arabic, only the vendored font subsets, and the structure checks of the
concept's PDF (pruefung.py)."""

from __future__ import annotations

import subprocess

import pikepdf
import pytest
from hilfen import ROOT

from macros.ausgabe.druck import pruefung, zusammenfassung
from macros.ausgabe.druck.schreiben import schreibe_pdf
from macros.darstellung.sprachseiten import deutsche_titel
from macros.projekt import HIER

pytestmark = pytest.mark.pdf
A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def sprach_pdfs(daten, tmp_path_factory) -> dict:
    """The Arabic and the Ukrainian summary, written as make pdf writes them."""
    from mkdocs.config import load_config

    titel = deutsche_titel(load_config(str(HIER.mkdocs_yml)).nav)
    ziel = tmp_path_factory.mktemp("sprach-pdf")
    pdfs = {}
    for s in daten.sprachen:
        if s.code not in ("ar", "uk"):
            continue
        html = zusammenfassung.html_dokument(daten, s, daten.konzept.adresse, titel, ROOT / "docs")
        pfad = ziel / f"{s.code}.pdf"
        pdfs[s.code] = (pfad, schreibe_pdf(html, pfad, sprache=s.code, stylesheets=zusammenfassung.stylesheets(s.code)))
    return pdfs


def test_sprach_pdf_ist_a4_getaggt_mit_sprache_und_eigenen_schriften(sprach_pdfs, daten):
    assert set(sprach_pdfs) == {"ar", "uk"}
    for code, (pfad, seiten) in sprach_pdfs.items():
        with pikepdf.open(pfad) as pdf:
            assert str(pdf.Root.Lang) == code and "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
            assert len(pdf.pages) == seiten >= 2
            for seite in pdf.pages:
                assert [round(float(z), 2) for z in seite.MediaBox[2:]] == list(A4)
            schriften = {str(f.BaseFont) for s in pdf.pages for f in (s.Resources.get("/Font") or {}).values()}
        # Only our subsets (a six-letter prefix and "+"), never a system font as a stand-in.
        assert schriften and all(n[7] == "+" and n[8:].startswith("Konzept-") for n in schriften), schriften
        erwartet = "Konzept-Arabisch" if code == "ar" else "Konzept-Kyrillisch"
        assert any(erwartet in n for n in schriften), schriften
        befunde, geprueft = pruefung.bericht(pfad)
        assert befunde == [] and geprueft["Link"] >= 8, (befunde, geprueft)


def test_sprach_pdf_liest_sich_in_der_sprache(sprach_pdfs, daten):
    for code, (pfad, _) in sprach_pdfs.items():
        text = subprocess.run(["pdftotext", "-layout", str(pfad), "-"], capture_output=True, text=True,
                              check=True).stdout
        ue = daten.uebersetzungen[code]
        if code == "uk":  # left to right: the words come out as written
            assert ue.texte["seitenname"] in text and ue.massnahmen["SP-01"].titel in text
            assert ue.beschlussstand["vorschlag"] in text
        assert all(x.id in text for x in daten.massnahmen), code
    with pikepdf.open(sprach_pdfs["ar"][0]) as pdf:
        assert "/Lang" in pdf.Root and str(pdf.Root.Lang) == "ar"
