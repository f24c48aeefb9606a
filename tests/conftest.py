"""Shared fixtures: the real data, one real strict build of the site per test run, the builds that several tests
compare it with, and the concept's PDF. They are made once for all pytest-xdist workers (gemeinsam.py).

Helpers (ROOT, mkdocs_build, projektkopie, baue_pdf) are in hilfen.py; the browser fixtures in browser/fixtures.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gemeinsam import gemeinsam
from hilfen import EPOCHE, ROOT, baue_pdf, mkdocs_build, projektkopie

from macros.darstellung import seitenteilung
from macros.darstellung.bloecke import VERGLEICHSBAU
from macros.daten.loader import lade_daten
from macros.entwicklung.synthetische_daten import schreibe

# Browser fixtures (server, seiten, browser, desktop, rundgang).
pytest_plugins = ["browser.fixtures"]

# The files that take longest run first, so that the workers (pytest -n) finish at about the same time; the
# privacy walk last, as it reads the walk the accessibility file makes.
ZUERST = ["browser/test_browser_barrierefreiheit.py", "druck/test_pdf.py", "feindlich/test_hostile.py"]
ZULETZT = ["browser/test_browser_datenschutz.py"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rang(item: pytest.Item) -> int:
        datei = item.path.relative_to(Path(__file__).parent).as_posix()
        if datei in ZUERST:
            return ZUERST.index(datei) - len(ZUERST)
        return 1 if datei in ZULETZT else 0
    items.sort(key=rang)   # stable: within a rank, the order pytest collected


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
    """The real site, built once per run with --strict."""
    return gemeinsam(tmp_path_factory, "site", lambda ordner: echter_bau(ordner, vergleich=False))


@pytest.fixture(scope="session")
def vergleichssite(tmp_path_factory) -> Path:
    """The real site built a second time, as the comparison build: the same files, however each page was made."""
    return gemeinsam(tmp_path_factory, "vergleichssite", lambda ordner: echter_bau(ordner, vergleich=True))


@pytest.fixture(scope="session")
def site_ohne_git(tmp_path_factory) -> Path:
    """A copy of the project's sources without .git and without a built PDF, built with --strict."""
    return gemeinsam(tmp_path_factory, "ohne-git", _ohne_git)


def _ohne_git(basis: Path) -> Path:
    projekt = projektkopie(basis / "projekt")
    assert not (projekt / ".git").exists() and not (projekt / "build").exists()
    ergebnis = mkdocs_build(projekt, basis / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    return basis / "site"


@pytest.fixture(scope="session")
def pdf(tmp_path_factory, daten) -> Path:
    """The real concept's PDF from this repository's mkdocs.yml, with the summary in each language beside it, as
    `make pdf` writes them."""
    return gemeinsam(tmp_path_factory, "druck", lambda ordner: _echtes_pdf(ordner / daten.konzept.pdf_datei))


def _echtes_pdf(ziel: Path) -> Path:
    ergebnis = baue_pdf(ROOT / "mkdocs.yml", "--out", str(ziel), "--html", str(ziel.with_suffix(".html")))
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ziel


@pytest.fixture(scope="session")
def grosser_katalog(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The real measures and synthetic ones, one more than the search index takes in full (it then takes only
    each measure page's title; every list runs over several pages), built both ways: (project, comparison build,
    fast build)."""
    return gemeinsam(tmp_path_factory, "gross", _grosser_katalog)


def _grosser_katalog(ordner: Path) -> tuple[Path, Path, Path]:
    projekt = projektkopie(ordner / "projekt")
    shutil.rmtree(projekt / "data")
    schreibe(seitenteilung.SUCHE_VOLL_BIS + 1, projekt / "data", mit_echten=True)
    return (projekt, echter_bau(ordner / "alt", vergleich=True, projekt=projekt),
            echter_bau(ordner / "neu", vergleich=False, projekt=projekt))
