"""Checks every file in data/ and prints each error with its line; exit 0 when all is well, 1 otherwise.

Aufruf: python scripts/check.py [DATENORDNER]
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.daten import uebersetzungen
from macros.daten.fehler import DatenFehler
from macros.daten.loader import DATA_DIR, lade_daten


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else DATA_DIR
    try:
        daten = lade_daten(data_dir)
    except DatenFehler as fehler:
        print(fehler.bericht(), file=sys.stderr)
        return 1
    except Exception as fehler:  # noqa: BLE001 - people who edit data never see a traceback
        print(f"Unerwarteter Fehler beim Prüfen der Daten: {type(fehler).__name__}: {fehler}", file=sys.stderr)
        return 1
    print(f"Daten in Ordnung: {len(daten.massnahmen)} Maßnahmen in {len(daten.handlungsfelder)} Bereichen, "
          f"{len(daten.quellen)} Quellen, {len(daten.sprachen)} Übersetzungen.")
    docs = data_dir.parent / "docs"
    veraltet = uebersetzungen.alle_veralteten(daten, docs if docs.is_dir() else None)
    if veraltet:
        # A warning, not an error: the translated pages say in their language that they are older.
        print(f"Warnung: {len(veraltet)} übersetzte Texte sind älter als ihr deutscher Text:")
        for v in veraltet:
            print(f"  {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
