"""Writes .github/CODEOWNERS: each Handlungsfeld chapter to its Arbeitsgruppe; data/ and the rest to the Steuerung.

Aufruf: python scripts/codeowners.py [--check]

Team names stand in one place, .github/teams.yaml; which chapter belongs to which Arbeitsgruppe comes from
data/handlungsfelder.yaml. With --check nothing is written: exit 1 if CODEOWNERS is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from macros.daten.fehler import DatenFehler
from macros.daten.loader import lade_daten
from macros.projekt import REPO

TEAMS = REPO / ".github" / "teams.yaml"
CODEOWNERS = REPO / ".github" / "CODEOWNERS"
STEUERUNG_PFADE = ("/data/", "/mkdocs.yml", "/.github/", "/Makefile", "/requirements.txt", "/package.json",
                   "/package-lock.json")


class Fehlt(Exception):
    """A Gremium has no team in .github/teams.yaml."""


def inhalt(data_dir: Path = REPO / "data", teams_datei: Path = TEAMS) -> str:
    """The text of CODEOWNERS for the current data and team names."""
    daten = lade_daten(data_dir)
    teams = yaml.safe_load(teams_datei.read_text(encoding="utf-8"))
    organisation, namen = teams["organisation"], teams.get("teams") or {}

    def team(gremium_id: str) -> str:
        if gremium_id not in namen:
            raise Fehlt(f"{teams_datei.name}: Für das Gremium „{gremium_id}“ fehlt ein Team "
                        f"(erlaubt: eine Kennung aus data/gremien.yaml mit Teamnamen).")
        return f"@{organisation}/{namen[gremium_id]}"

    steuerung = next(g.id for g in daten.gremien.values() if g.art == "steuerungsgruppe")
    zeilen = [
        "# Erzeugt von scripts/codeowners.py (make codeowners) aus .github/teams.yaml und data/handlungsfelder.yaml.",
        "# Nicht von Hand ändern: Teamnamen stehen nur in .github/teams.yaml.",
        "# Die letzte passende Zeile gilt.",
        "",
        "# Alles ohne eigene Zuständigkeit, die Daten, die Seitenstruktur und die Abläufe: Steuerungsgruppe",
        f"* {team(steuerung)}",
        *(f"{pfad} {team(steuerung)}" for pfad in STEUERUNG_PFADE),
        "",
        "# Jedes Kapitel eines Handlungsfelds: seine Arbeitsgruppe",
        *(f"/docs/{feld.seite} {team(feld.arbeitsgruppe)}" for feld in daten.handlungsfelder),
    ]
    return "\n".join(zeilen) + "\n"


def main(argv: list[str]) -> int:
    try:
        neu = inhalt()
    except (DatenFehler, Fehlt, OSError, KeyError, yaml.YAMLError) as fehler:
        text = fehler.bericht() if isinstance(fehler, DatenFehler) else str(fehler)
        print(f"CODEOWNERS kann nicht erzeugt werden: {text}", file=sys.stderr)
        return 2
    if "--check" in argv:
        alt = CODEOWNERS.read_text(encoding="utf-8") if CODEOWNERS.exists() else ""
        if alt != neu:
            print(".github/CODEOWNERS ist veraltet: bitte `make codeowners` ausführen und die Datei einchecken.",
                  file=sys.stderr)
            return 1
        print(".github/CODEOWNERS ist aktuell.")
        return 0
    CODEOWNERS.write_text(neu, encoding="utf-8")
    print(f"{CODEOWNERS.relative_to(REPO)} geschrieben.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
