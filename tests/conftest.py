"""Shared fixtures: the real data, and one real strict build of the site per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.loader import lade_daten  # noqa: E402

# --- Browser tests (issue 6): fixtures `server`, `seiten`, `browser`, `desktop`, `telefon` live in browser.py. ---
pytest_plugins = ["browser"]

BIN = Path(sys.executable).parent


def mkdocs_build(projekt: Path, ziel: Path) -> subprocess.CompletedProcess:
    """Runs `mkdocs build --strict` for a project folder into ziel."""
    umgebung = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(ziel)],
                          cwd=projekt, capture_output=True, text=True, env=umgebung, timeout=600)


def projektkopie(ziel: Path) -> Path:
    """A copy of the project's sources (no .venv, site, .git) to change without touching the real one."""
    for name in ("data", "docs", "macros", "overrides", "mkdocs.yml"):
        quelle = ROOT / name
        if quelle.is_dir():
            shutil.copytree(quelle, ziel / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(quelle, ziel / name)
    return ziel


@pytest.fixture(scope="session")
def daten():
    """The project's real data, loaded and checked."""
    return lade_daten()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per session with --strict."""
    ziel = tmp_path_factory.mktemp("site")
    ergebnis = mkdocs_build(ROOT, ziel)
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ziel
