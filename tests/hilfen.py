"""Helpers the tests import: the project folder, a strict build in a child process, a copy of the project.

Fixtures live in conftest.py (and browser/fixtures.py); nothing is imported from conftest.
"""

from __future__ import annotations

from pathlib import Path

from macros.entwicklung.mkdocs_bau import BIN, mkdocs_build
from macros.entwicklung.projektkopie import projektkopie

__all__ = ["BIN", "ROOT", "ersetze_nach_kennung", "mkdocs_build", "projektkopie"]

ROOT = Path(__file__).resolve().parents[1]


def ersetze_nach_kennung(text: str, kennung: str, alt: str, neu: str) -> str:
    """measures.yaml text with the first `alt` after the line `  - id: <kennung>` replaced by `neu` (it must occur)."""
    stelle = text.index(alt, text.index(f"  - id: {kennung}\n"))
    return text[:stelle] + neu + text[stelle + len(alt):]
