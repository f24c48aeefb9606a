"""A status is written once: changing it takes one edit, and make check, the build and make diff accept it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build, projektkopie

UMGEBUNG = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org", GIT_COMMITTER_NAME="Test",
                GIT_COMMITTER_EMAIL="test@example.org", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
                NO_MKDOCS_2_WARNING="1")


def git(repo: Path, *argumente: str) -> str:
    return subprocess.run(["git", *argumente], cwd=repo, env=UMGEBUNG, check=True, capture_output=True,
                          text=True).stdout


def skript(repo: Path, name: str, *argumente: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / name), *argumente], cwd=repo, env=UMGEBUNG,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """The project in a fresh git repository, and SP-02's status changed in the working tree by one edit."""
    if shutil.which("git") is None:
        pytest.fail("git fehlt: bitte installieren (apt-get install git).")
    projekt = projektkopie(tmp_path_factory.mktemp("status") / "projekt")
    git(projekt, "init", "-q", "-b", "main")
    git(projekt, "add", "-A")
    git(projekt, "commit", "-qm", "Ausgangsstand")
    datei = projekt / "data" / "measures.yaml"
    vorher = datei.read_text(encoding="utf-8")
    anfang = vorher.index("  - id: SP-02\n")
    stelle = vorher.index("    status: geplant\n", anfang)
    datei.write_text(vorher[:stelle] + "    status: in_umsetzung\n" + vorher[stelle + len("    status: geplant\n"):],
                     encoding="utf-8")
    return projekt


def test_eine_zeile_geaendert(repo):
    unterschied = git(repo, "diff", "--numstat")
    assert unterschied.split() == ["1", "1", "data/measures.yaml"]


def test_check_bau_und_diff_nehmen_sie_an(repo, tmp_path):
    geprueft = skript(repo, "check.py", str(repo / "data"))
    assert geprueft.returncode == 0, geprueft.stderr
    gebaut = mkdocs_build(repo, tmp_path / "site")
    assert gebaut.returncode == 0, gebaut.stderr
    karte = (tmp_path / "site" / "massnahmen" / "sp-02" / "index.html").read_text(encoding="utf-8")
    assert "Status: In Umsetzung" in karte
    verglichen = skript(repo, "diff_measures.py", "HEAD")
    assert verglichen.returncode == 0, verglichen.stderr
    assert "Status: Geplant → In Umsetzung" in verglichen.stdout
    assert "0 neu, 1 geändert, 0 entfallen" in verglichen.stdout
