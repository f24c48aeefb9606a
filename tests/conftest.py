"""Shared fixtures: the real data, and one real strict build of the site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.daten.loader import lade_daten
from macros.entwicklung.projektkopie import projektkopie  # noqa: F401 - the tests import it from here

ROOT = Path(__file__).resolve().parents[1]

# Browser fixtures (server, seiten, browser, desktop, rundgang) live in browser.py.
pytest_plugins = ["browser"]

BIN = Path(sys.executable).parent


def mkdocs_build(projekt: Path, ziel: Path) -> subprocess.CompletedProcess:
    """Runs `mkdocs build --strict` for a project folder into ziel."""
    umgebung = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(ziel)],
                          cwd=projekt, capture_output=True, text=True, env=umgebung, timeout=600)


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
