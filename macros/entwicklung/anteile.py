"""What the steering views cost in a build: the time a build spends in them, measured inside one build.

Aufruf: python -m macros.entwicklung.anteile [ANZAHL] [--laeufe 3]

The steering views are the due labels, the working group pages, the calendar feeds and the "Entwicklung"
chart. Their functions are timed where the build calls them (a call inside another timed call counts once),
and MkDocs' own work on their pages (`arbeitsgruppen/…`, `entwicklung.md`) is timed page by page. The build
runs in this process on a clone of the repository (its git history feeds the history views), with ANZAHL
synthetic measures committed on top (default: the real data).
Prints the median of the runs: build seconds, seconds in the steering views, and how much longer the build is
than it would be without them.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest import mock

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

from macros.ausgabe import kalender, versionsgeschichte
from macros.darstellung import arbeitsgruppen, diagramme
from macros.daten import faelligkeit
from macros.entwicklung.probegit import git
from macros.entwicklung.synthetische_daten import schreibe
from macros.projekt import REPO

# The steering views' entry points, as the build calls them.
EINSTIEGE = ((kalender, "schreibe_kalender"), (arbeitsgruppen, "seiten"), (arbeitsgruppen, "uebersicht"),
             (faelligkeit, "hinweise"), (faelligkeit, "nach_hinweis"), (diagramme, "entwicklung"),
             (versionsgeschichte, "zeitpunkte"), (versionsgeschichte, "mit_massnahmen"),
             (versionsgeschichte, "mit_inhalt"), (versionsgeschichte, "fuer_leser"))
SEITEN = ("arbeitsgruppen/", "entwicklung.md")


class Uhr:
    """Sums the time spent in timed calls; a call inside another timed call is not counted twice."""

    def __init__(self) -> None:
        self.sekunden, self.je_teil, self._tiefe = 0.0, Counter(), 0

    @contextmanager
    def messen(self, teil: str):
        self._tiefe += 1
        anfang = time.perf_counter()
        try:
            yield
        finally:
            self._tiefe -= 1
            if self._tiefe == 0:
                dauer = time.perf_counter() - anfang
                self.sekunden += dauer
                self.je_teil[teil] += dauer

    def umhuellen(self, funktion):
        @functools.wraps(funktion)
        def gemessen(*args, **kwargs):
            with self.messen(f"{funktion.__module__.rsplit('.', 1)[-1]}.{funktion.__name__}"):
                return funktion(*args, **kwargs)
        return gemessen


def _seite_gemessen(uhr: Uhr, bauen):
    """MkDocs' per-page build step, timed for the steering views' pages."""
    @functools.wraps(bauen)
    def gemessen(seite, *args, **kwargs):
        if not seite.file.src_uri.startswith(SEITEN):
            return bauen(seite, *args, **kwargs)
        with uhr.messen(f"MkDocs {bauen.__name__} {seite.file.src_uri.split('/')[0]}"):
            return bauen(seite, *args, **kwargs)
    return gemessen


def ein_bau(projekt: Path, site: Path) -> tuple[float, float, Counter]:
    """One build of the project into site: its seconds, and the seconds of those spent in the steering views."""
    uhr = Uhr()
    versionsgeschichte.vergessen()  # as in a fresh `mkdocs build`, which reads the history once
    with ExitStack() as patches:
        for modul, name in EINSTIEGE:
            patches.enter_context(mock.patch.object(modul, name, uhr.umhuellen(getattr(modul, name))))
        for schritt in ("_populate_page", "_build_page"):
            patches.enter_context(mock.patch.object(mkdocs_build, schritt,
                                                    _seite_gemessen(uhr, getattr(mkdocs_build, schritt))))
        patches.enter_context(contextlib.chdir(projekt))  # the snippets' base_path is relative to it
        config = load_config(str(projekt / "mkdocs.yml"), site_dir=str(site), strict=True)
        anfang = time.perf_counter()
        mkdocs_build.build(config)
        return time.perf_counter() - anfang, uhr.sekunden, uhr.je_teil


def messen(anzahl: int | None, laeufe: int) -> dict:
    """The median of `laeufe` builds (after one warm-up) at that many synthetic measures (None: the real data)."""
    with tempfile.TemporaryDirectory(prefix="ik-anteile-") as tmp:
        projekt = Path(tmp) / "projekt"
        git(Path(tmp), "clone", "--quiet", str(REPO), str(projekt))
        if anzahl is not None:
            schreibe(anzahl, projekt / "data", mit_echten=True)
            git(projekt, "commit", "--quiet", "--all", "--message", f"{anzahl} synthetische Maßnahmen")
        ein_bau(projekt, Path(tmp) / "site")
        messungen = [ein_bau(projekt, Path(tmp) / "site") for _ in range(laeufe)]
    bau = statistics.median(m[0] for m in messungen)
    steuerung = statistics.median(m[1] for m in messungen)
    teile = {teil: round(statistics.median(m[2][teil] for m in messungen), 3) for teil in messungen[0][2]}
    return {"massnahmen": anzahl or "echt", "bau_s": round(bau, 3), "steuerung_s": round(steuerung, 3),
            "je_teil_s": dict(sorted(teile.items(), key=lambda t: -t[1])),
            "mehr_als_ohne_prozent": round(100 * steuerung / (bau - steuerung), 1)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("anzahl", nargs="?", type=int, default=None, help="synthetische Maßnahmen (ohne: echte Daten)")
    parser.add_argument("--laeufe", type=int, default=3, help="Bauläufe (der Median zählt)")
    parser.add_argument("--json", action="store_true", help="das Ergebnis zuletzt als eine Zeile JSON")
    argumente = parser.parse_args(argv)
    ergebnis = messen(argumente.anzahl, argumente.laeufe)
    print(f"{ergebnis['massnahmen']} Maßnahmen: Bau {ergebnis['bau_s']:.2f} s, davon Steuerungsansichten "
          f"{ergebnis['steuerung_s']:.2f} s; mit ihnen dauert der Bau {ergebnis['mehr_als_ohne_prozent']:.1f} % "
          f"länger als ohne sie")
    for teil, sekunden in ergebnis["je_teil_s"].items():
        print(f"  {sekunden:7.3f} s  {teil}")
    if argumente.json:
        print(json.dumps(ergebnis, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
