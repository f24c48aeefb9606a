"""A status is written once: changing it takes one edit, and make check, the build and make diff accept it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hilfen import ROOT, ersetze_nach_kennung, mkdocs_build, projektkopie

from macros.entwicklung.probegit import GIT_UMGEBUNG, git, neues_repo


def skript(repo: Path, name: str, *argumente: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / name), *argumente], cwd=repo, env=GIT_UMGEBUNG,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """The project in a fresh git repository, and SP-02's status changed in the working tree by one edit."""
    if shutil.which("git") is None:
        pytest.fail("git fehlt: bitte installieren (apt-get install git).")
    projekt = projektkopie(tmp_path_factory.mktemp("status") / "projekt")
    neues_repo(projekt)
    datei = projekt / "data" / "measures.yaml"
    datei.write_text(ersetze_nach_kennung(datei.read_text(encoding="utf-8"), "SP-02", "    status: geplant\n",
                                          "    status: in_umsetzung\n"), encoding="utf-8")
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


# --- The change as readers see it (Änderungsverlauf, the measure's changes) ---------------------------------

def test_verlauf_sagt_was_sich_geaendert_hat(repo, tmp_path):
    """Committed, the status change shows field by field; a commit's message only with its „Änderung:“ line."""
    klon = tmp_path / "klon"
    shutil.copytree(repo, klon)
    git(klon, "commit", "-qam", "SP-02 status bump (dev note)")
    leitlinien = klon / "docs" / "leitlinien.md"
    leitlinien.write_text(leitlinien.read_text(encoding="utf-8") + "\n## Probe\n\nEin neuer Absatz.\n",
                          encoding="utf-8")
    git(klon, "commit", "-qam", "docs: tweak leitlinien\n\nÄnderung: Die Leitlinien haben einen neuen Abschnitt.")
    git(klon, "commit", "-q", "--allow-empty", "-m", "Nothing for readers")
    gebaut = mkdocs_build(klon, tmp_path / "site")
    assert gebaut.returncode == 0, gebaut.stderr
    verlauf = (tmp_path / "site" / "aenderungsverlauf" / "index.html").read_text(encoding="utf-8")
    seite = (tmp_path / "site" / "massnahmen" / "sp-02" / "index.html").read_text(encoding="utf-8")
    aenderungen = seite.split('class="ik-aenderungen"', 1)[1]
    assert "Status: Geplant → In Umsetzung" in aenderungen
    assert '<a href="../massnahmen/sp-02/">SP-02</a>: Status: Geplant → In Umsetzung' in verlauf
    assert "Die Leitlinien haben einen neuen Abschnitt." in verlauf
    assert '<a href="../leitlinien/">Leitlinien</a> (Abschnitt „Probe“)' in verlauf
    for betreff in ("SP-02 status bump", "docs: tweak leitlinien", "Nothing for readers", "Ausgangsstand"):
        assert betreff not in verlauf and betreff not in aenderungen, betreff
