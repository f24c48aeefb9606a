"""The summary in each language as a PDF (zusammenfassung.py, written by scripts/pdf.py beside the concept's
PDF): A4, tagged, /Lang of the language, right to left for Arabic, only the vendored font subsets, and the
structure checks of the concept's PDF (pruefung.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest

from macros.ausgabe.druck import pruefung
from macros.ausgabe.druck.weblink import sprach_pdf_datei

pytestmark = pytest.mark.pdf
A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def sprach_pdfs(pdf, daten) -> dict[str, Path]:
    """The Arabic and the Ukrainian summary, where the data have these languages, that scripts/pdf.py wrote beside
    the concept's PDF (as make pdf)."""
    return {s.code: pdf.with_name(sprach_pdf_datei(pdf.name, s.code)) for s in daten.sprachen if s.code in ("ar", "uk")}


def test_sprach_pdf_ist_a4_getaggt_mit_sprache_und_eigenen_schriften(sprach_pdfs, daten):
    assert set(sprach_pdfs) == {"ar", "uk"}
    for code, pfad in sprach_pdfs.items():
        with pikepdf.open(pfad) as pdf:
            assert str(pdf.Root.Lang) == code and "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
            assert len(pdf.pages) >= 2
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
    for code, pfad in sprach_pdfs.items():
        text = subprocess.run(["pdftotext", "-layout", str(pfad), "-"], capture_output=True, text=True,
                              check=True).stdout
        ue = daten.uebersetzungen[code]
        if code == "uk":  # left to right: the words come out as written
            assert ue.texte["seitenname"] in text and ue.massnahmen["SP-01"].titel in text
            assert ue.beschlussstand["vorschlag"] in text
        assert all(x.id in text for x in daten.massnahmen), code
    with pikepdf.open(sprach_pdfs["ar"]) as pdf:
        assert "/Lang" in pdf.Root and str(pdf.Root.Lang) == "ar"
