"""Shared fixtures: the real data, one real strict build of the site per test session, and the builds that
several tests compare it with.

Helpers (ROOT, mkdocs_build, projektkopie) are in hilfen.py; the browser fixtures in browser/fixtures.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hilfen import EPOCHE, ROOT, mkdocs_build, projektkopie

from macros.darstellung import seitenteilung
from macros.darstellung.bloecke import VERGLEICHSBAU
from macros.daten.loader import lade_daten
from macros.entwicklung.synthetische_daten import schreibe

# Browser fixtures (server, seiten, browser, desktop, rundgang).
pytest_plugins = ["browser.fixtures"]


@pytest.fixture(scope="session")
def daten():
    """The project's real data, loaded and checked."""
    return lade_daten()


def echter_bau(ziel: Path, vergleich: bool, projekt: Path = ROOT) -> Path:
    """`mkdocs build --strict` of a project (this repository) into ziel, with the build's shortcuts or as the
    comparison build (every page through MkDocs' whole pipeline, macros/darstellung/bloecke.py)."""
    umgebung = {"SOURCE_DATE_EPOCH": EPOCHE, VERGLEICHSBAU: "1" if vergleich else "0"}
    ergebnis = mkdocs_build(projekt, ziel, timeout=1200, umgebung=umgebung)
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ziel


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per session with --strict."""
    return echter_bau(tmp_path_factory.mktemp("site"), vergleich=False)


@pytest.fixture(scope="session")
def vergleichssite(tmp_path_factory) -> Path:
    """The real site built a second time, as the comparison build: the same files, however each page was made."""
    return echter_bau(tmp_path_factory.mktemp("vergleichssite"), vergleich=True)


@pytest.fixture(scope="session")
def site_ohne_git(tmp_path_factory) -> Path:
    """A copy of the project's sources without .git and without a built PDF, built with --strict."""
    basis = tmp_path_factory.mktemp("ohne-git")
    projekt = projektkopie(basis / "projekt")
    assert not (projekt / ".git").exists() and not (projekt / "build").exists()
    ergebnis = mkdocs_build(projekt, basis / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    return basis / "site"


@pytest.fixture(scope="session")
def grosser_katalog(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The real measures and synthetic ones, one more than the search index takes in full (it then takes only
    each measure page's title; every list runs over several pages), built both ways: (project, comparison build,
    fast build)."""
    ordner = tmp_path_factory.mktemp("gross")
    projekt = projektkopie(ordner / "projekt")
    shutil.rmtree(projekt / "data")
    schreibe(seitenteilung.SUCHE_VOLL_BIS + 1, projekt / "data", mit_echten=True)
    return (projekt, echter_bau(ordner / "alt", vergleich=True, projekt=projekt),
            echter_bau(ordner / "neu", vergleich=False, projekt=projekt))
