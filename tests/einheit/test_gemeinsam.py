"""The session results that all test workers share (tests/gemeinsam.py): made once, a failure leaves nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gemeinsam import gemeinsam


@pytest.fixture(autouse=True)
def ohne_worker(monkeypatch):
    """As outside xdist: the folder gemeinsam uses is the one given, not its parent shared by the workers."""
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)


class Ordner:
    """tmp_path_factory as gemeinsam sees it: only getbasetemp()."""

    def __init__(self, pfad: Path) -> None:
        self.pfad = pfad

    def getbasetemp(self) -> Path:
        return self.pfad


def test_einmal_gemacht_dann_gelesen(tmp_path):
    aufrufe: list[Path] = []

    def machen(ordner: Path) -> tuple[Path, int]:
        aufrufe.append(ordner)
        (ordner / "datei").write_text("x", encoding="utf-8")
        return ordner / "datei", 42

    erster = gemeinsam(Ordner(tmp_path), "bau", machen)
    zweiter = gemeinsam(Ordner(tmp_path), "bau", machen)
    assert erster == zweiter == (tmp_path / "bau" / "datei", 42) and len(aufrufe) == 1


def test_fehlschlag_hinterlaesst_nichts_und_der_naechste_versucht_es_neu(tmp_path):
    def scheitern(ordner: Path) -> None:
        (ordner / "halb").write_text("halb gebaut", encoding="utf-8")
        raise RuntimeError("Bau gescheitert")

    with pytest.raises(RuntimeError, match="Bau gescheitert"):
        gemeinsam(Ordner(tmp_path), "bau", scheitern)
    assert not (tmp_path / "bau").exists() and not (tmp_path / "bau.pickle").exists()
    assert gemeinsam(Ordner(tmp_path), "bau", lambda ordner: sorted(p.name for p in ordner.iterdir())) == []


def test_zwei_prozesse_zugleich_machen_es_einmal(tmp_path):
    """Two worker processes ask at the same moment: one makes the result while the other waits, then reads it."""
    (tmp_path / "popen-gw0").mkdir()
    (tmp_path / "popen-gw1").mkdir()
    programm = (
        "import sys, time; from pathlib import Path; from gemeinsam import gemeinsam\n"
        "class O:\n    def getbasetemp(self): return Path(sys.argv[1])\n"
        "def machen(ordner):\n"
        "    with open(Path(sys.argv[2]), 'a') as f: f.write('gemacht\\n')\n"
        "    time.sleep(1); return str(ordner)\n"
        "print(gemeinsam(O(), 'bau', machen))\n")
    protokoll = tmp_path / "protokoll"
    tests = Path(__file__).resolve().parents[1]
    prozesse = [subprocess.Popen([sys.executable, "-c", programm, str(tmp_path / f"popen-gw{n}"), str(protokoll)],
                                 stdout=subprocess.PIPE, text=True,
                                 env=dict(os.environ, PYTHONPATH=str(tests), PYTEST_XDIST_WORKER=f"gw{n}"))
                for n in (0, 1)]
    ausgaben = [p.communicate(timeout=60)[0].strip() for p in prozesse]
    assert ausgaben == [str(tmp_path / "bau")] * 2
    assert protokoll.read_text(encoding="utf-8") == "gemacht\n"
