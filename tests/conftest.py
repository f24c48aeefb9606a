"""Shared fixtures: the real data, and one real strict build of the site per test session.

Helpers (ROOT, mkdocs_build, projektkopie) are in hilfen.py; the browser fixtures in browser/fixtures.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hilfen import ROOT, mkdocs_build

from macros.daten.loader import lade_daten

# Browser fixtures (server, seiten, browser, desktop, rundgang).
pytest_plugins = ["browser.fixtures"]


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
