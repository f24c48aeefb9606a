"""make bericht in a temporary git repository: the period, counts, completed and new measures, bad arguments, PDF."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hilfen import ROOT, ersetze_nach_kennung

from macros.entwicklung.probegit import GIT_UMGEBUNG, git, neues_repo

SKRIPT = ROOT / "scripts" / "bericht.py"

NEU = """  - id: SP-90
    titel: Probe für den Bericht
    handlungsfeld: sprache
    beschreibung: Nur für den Test.
    ziel: Der Bericht nennt sie.
    federfuehrung: kreisverwaltung
    ende: 2026-01
    status: geplant
    beschlussstand: vorschlag
    quelle: [vorschlag-redaktion]
    stand: 2026-11-26
"""


def bericht(repo: Path, *argumente: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SKRIPT), *argumente], cwd=repo, capture_output=True, text=True,
                          env=GIT_UMGEBUNG, timeout=300)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Two commits: the real data on 01.11.2026; on 20.11.2026 SP-02 completed and SP-90 added."""
    if shutil.which("git") is None:
        pytest.fail("git fehlt: bitte installieren (apt-get install git).")
    wurzel = tmp_path_factory.mktemp("bericht")
    shutil.copytree(ROOT / "data", wurzel / "data")
    neues_repo(wurzel, datum="2026-11-01T10:00:00+01:00")
    datei = wurzel / "data" / "measures.yaml"
    text = ersetze_nach_kennung(datei.read_text(encoding="utf-8"), "SP-02", "    status: geplant\n",
                                "    status: umgesetzt\n")
    datei.write_text(text + NEU, encoding="utf-8")
    git(wurzel, "commit", "-qam", "Sprache: SP-02 umgesetzt, SP-90 neu", datum="2026-11-20T10:00:00+01:00")
    return wurzel


def abschnitt(text: str, titel: str) -> str:
    anfang = text.index(f"## {titel}")
    ende = text.find("\n## ", anfang + 1)
    return text[anfang:ende if ende > 0 else None]


def test_letzter_commit_umgesetzt_und_neu(repo):
    ergebnis = bericht(repo, "HEAD~1", "HEAD")
    assert ergebnis.returncode == 0, ergebnis.stderr
    text = ergebnis.stdout
    assert text.startswith("# Bericht zur Umsetzung")
    assert "01.11.2026" in text and "20.11.2026" in text
    assert "**SP-02 Übersicht über Deutschkurse im Landkreis** (Sprache) – vorher: Geplant" in abschnitt(
        text, "Im Zeitraum umgesetzt (1)")
    assert "SP-90 Probe für den Bericht" in abschnitt(text, "Neu aufgenommen (1)")
    assert "SP-02" not in abschnitt(text, "Neu aufgenommen")
    assert "SP-90" in abschnitt(text, "Überfällig am 20.11.2026 (1)")   # its end, January 2026, has passed
    assert "| Geplant | 13 | 13 | ±0 |" in text and "| Umgesetzt | 7 | 8 | +1 |" in text
    assert "| **Zusammen** | **29** | **30** | **+1** |" in text
    assert "Keine." in abschnitt(text, "Neu verzögert (0)")


def test_daten_statt_revisionen(repo):
    """A date means the last commit on or before that day."""
    ergebnis = bericht(repo, "2026-11-05", "2026-11-30")
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "SP-02" in abschnitt(ergebnis.stdout, "Im Zeitraum umgesetzt (1)")
    assert "Überfällig am 30.11.2026" in ergebnis.stdout
    gleich = bericht(repo, "2026-11-05", "2026-11-10")
    assert gleich.returncode == 0 and "Im Zeitraum umgesetzt (0)" in gleich.stdout


@pytest.mark.parametrize(("argumente", "worte"), [
    (("gibt-es-nicht", "HEAD"), "weder eine Revision"),
    (("HEAD", "HEAD~1"), "liegt nach BIS"),
    (("2026-11-30", "2026-11-05"), "liegt nach BIS"),
    (("2020-01-01", "HEAD"), "liegt vor dem ersten Commit vom 01.11.2026"),
    (("2026-02-30", "HEAD"), "kein Datum im Kalender"),
    (("HEAD",), "Bitte genau VON und BIS angeben"),
])
def test_falsche_angaben_ein_deutscher_satz(repo, argumente, worte):
    ergebnis = bericht(repo, *argumente)
    assert ergebnis.returncode == 1, ergebnis.stdout
    assert worte in ergebnis.stderr and "Traceback" not in ergebnis.stderr
    assert len(ergebnis.stderr.strip().splitlines()) == 1, ergebnis.stderr
    assert ergebnis.stdout == ""


@pytest.mark.pdf
def test_pdf_ist_getaggt_und_deutsch(repo, tmp_path):
    import pikepdf  # noqa: PLC0415 - in requirements.txt; only the PDF tests need it

    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext fehlt: bitte Poppler installieren (make system).")
    ziel = tmp_path / "bericht.pdf"
    ergebnis = bericht(repo, "HEAD~1", "HEAD", "--pdf", str(ziel))
    assert ergebnis.returncode == 0, ergebnis.stderr
    with pikepdf.open(ziel) as pdf:
        assert str(pdf.Root.Lang) == "de"
        assert pdf.Root.MarkInfo.Marked is True and "/StructTreeRoot" in pdf.Root
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        titel = str(pdf.open_metadata().get("dc:title"))
        assert titel.startswith("Bericht zur Umsetzung")
        seite = pdf.pages[0].MediaBox
        assert (round(float(seite[2])), round(float(seite[3]))) == (595, 842)   # A4 in points
    text = subprocess.run(["pdftotext", str(ziel), "-"], capture_output=True, text=True, check=True).stdout
    assert "SP-02 Übersicht über Deutschkurse im Landkreis" in text and "SP-90 Probe für den Bericht" in text
