"""Helpers the tests import: the project folder, a strict build in a child process, a copy of the project,
`make check` in this process, scripts/pdf.py in a child process.

Fixtures live in conftest.py (and browser/fixtures.py); nothing is imported from conftest.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

from macros.entwicklung.mkdocs_bau import BIN, mkdocs_build
from macros.entwicklung.projektkopie import projektkopie

__all__ = ["BAU_KOPF", "BIN", "EPOCHE", "ROOT", "baue_pdf", "check_main", "ersetze_nach_kennung", "mkdocs_build",
           "ohne_uebersetzungen", "projektkopie"]

ROOT = Path(__file__).resolve().parents[1]
# SOURCE_DATE_EPOCH of the session's builds of the real site (2025-12-01): the date MkDocs writes into the sitemap
# is the same in every build, so that two builds can be compared byte for byte.
EPOCHE = "1764547200"


def ersetze_nach_kennung(text: str, kennung: str, alt: str, neu: str) -> str:
    """measures.yaml text with the first `alt` after the line `  - id: <kennung>` replaced by `neu` (it must occur)."""
    stelle = text.index(alt, text.index(f"  - id: {kennung}\n"))
    return text[:stelle] + neu + text[stelle + len(alt):]


def baue_pdf(konfig: Path, *extra: str, site_url: str | None = None) -> subprocess.CompletedProcess:
    """scripts/pdf.py for a project's mkdocs.yml; SITE_URL only when given (else the address from the data)."""
    umgebung = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    if site_url:
        umgebung["SITE_URL"] = site_url
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--config", str(konfig), *extra],
                          capture_output=True, text=True, timeout=900, env=umgebung)


# The first line of the build's message when the data are wrong (macros/baudaten.py).
BAU_KOPF = "Die Daten sind fehlerhaft; die Website wird nicht gebaut."


@cache
def check_main():
    """scripts/check.py's main, loaded from its file (scripts/ is not a package), to run `make check` in this
    process."""
    spec = importlib.util.spec_from_file_location("check_skript", ROOT / "scripts" / "check.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul.main


def ohne_uebersetzungen(data_dir: Path, kennung: str) -> None:
    """Removes a measure's translation from every file in data/uebersetzungen/ (a translation may not name a
    measure that is not in measures.yaml)."""
    for datei in sorted((data_dir / "uebersetzungen").glob("*.yaml")):
        text = datei.read_text(encoding="utf-8")
        if f"- id: {kennung}\n" not in text:
            continue
        anfang = text.index(f"- id: {kennung}\n")
        ende = text.find("\n- id: ", anfang + 1)
        datei.write_text(text[:anfang] + ("" if ende < 0 else text[ende + 1:]), encoding="utf-8")
