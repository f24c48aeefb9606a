"""Helpers the tests import: the project folder, a strict build in a child process, a copy of the project.

Fixtures live in conftest.py (and browser/fixtures.py); nothing is imported from conftest.
"""

from __future__ import annotations

from pathlib import Path

from macros.entwicklung.mkdocs_bau import BIN, mkdocs_build
from macros.entwicklung.projektkopie import projektkopie

__all__ = ["BIN", "ROOT", "mkdocs_build", "projektkopie"]

ROOT = Path(__file__).resolve().parents[1]
