"""Helpers the tests import: the project folder, the venv's programs, a strict build, a copy of the project.

Fixtures live in conftest.py (and browser/fixtures.py); nothing is imported from conftest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from macros.entwicklung.projektkopie import projektkopie

__all__ = ["BIN", "ROOT", "mkdocs_build", "projektkopie"]

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def mkdocs_build(projekt: Path, ziel: Path) -> subprocess.CompletedProcess:
    """Runs `mkdocs build --strict` for a project folder into ziel."""
    umgebung = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(ziel)],
                          cwd=projekt, capture_output=True, text=True, env=umgebung, timeout=600)
