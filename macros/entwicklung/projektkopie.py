"""A copy of the project's sources (no .venv, site, .git), for tests and benchmarks that change them."""

from __future__ import annotations

import shutil
from pathlib import Path

from macros.projekt import REPO

QUELLTEILE = ("data", "docs", "macros", "overrides", "mkdocs.yml")


def projektkopie(ziel: Path, teile: tuple[str, ...] = QUELLTEILE) -> Path:
    """Copies the given parts of the project into ziel (an existing ziel is emptied first) and returns ziel."""
    if ziel.exists():
        shutil.rmtree(ziel)
    ziel.mkdir(parents=True)
    for name in teile:
        quelle = REPO / name
        if quelle.is_dir():
            shutil.copytree(quelle, ziel / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(quelle, ziel / name)
    return ziel
