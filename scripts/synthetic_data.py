"""Writes a synthetic data folder with N measures (for benchmarks and scale tests).

Aufruf: python scripts/synthetic_data.py ANZAHL ZIELORDNER
Copies every data file but measures.yaml from data/, then writes N measures with realistic
text lengths and umlauts, spread over the Handlungsfelder.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WOERTER = ("Integration Sprachkurs Begegnung Beratung Wohnungssuche Ausbildungsplatz Übergang Kita Schule "
           "Ehrenamt Sportverein Kultur Teilhabe Geflüchtete Zugewanderte Familien Jugendliche Betriebe "
           "Landkreis Güstrow Bad Doberan Netzwerk Arbeitsgruppe Förderung Qualifizierung Anerkennung "
           "Nachbarschaft Öffentlichkeit Gemeinde Dolmetschen Elternarbeit Begleitung Möglichkeit Größe").split()
FELDER = (("sprache", "SP"), ("unterbringung", "UB"), ("ausbildung", "AB"), ("bildung", "BI"), ("teilhabe", "GT"))
STATUS = ("geplant", "in_umsetzung", "daueraufgabe", "umgesetzt")


def satz(zufall: random.Random, woerter: int) -> str:
    text = " ".join(zufall.choice(WOERTER) for _ in range(woerter))
    return text[0].upper() + text[1:] + "."


def massnahme_yaml(nummer: int, zufall: random.Random) -> str:
    feld, praefix = FELDER[nummer % len(FELDER)]
    status = STATUS[nummer % len(STATUS)]
    beschreibung = " ".join(satz(zufall, zufall.randint(8, 16)) for _ in range(zufall.randint(2, 5)))
    return (
        f"  - id: {praefix}-{nummer // len(FELDER) + 1:04d}\n"
        f"    titel: \"{satz(zufall, zufall.randint(3, 7))[:-1]}\"\n"
        f"    handlungsfeld: {feld}\n"
        f"    beschreibung: \"{beschreibung}\"\n"
        f"    ziel: \"{satz(zufall, zufall.randint(6, 12))}\"\n"
        f"    federfuehrung: kreisverwaltung\n"
        f"    partner: [fd-integration, ehrenamt]\n"
        f"    zielgruppe: [Zugewanderte, Familien]\n"
        f"    beginn: 2019-0{1 + nummer % 9}\n"
        f"    ende: \"2027\"\n"
        f"    status: {status}\n"
        f"    beschlussstand: vorschlag\n"
        f"    indikatoren: [\"{satz(zufall, 5)}\"]\n"
        f"    quelle: [vorschlag-redaktion]\n"
        f"    stand: 2026-11-26\n"
    )


def schreibe(anzahl: int, ziel: Path, seed: int = 1) -> Path:
    """Writes the folder and returns it."""
    ziel.mkdir(parents=True, exist_ok=True)
    for datei in (ROOT / "data").glob("*.yaml"):
        if datei.name != "measures.yaml":
            shutil.copy(datei, ziel / datei.name)
    shutil.copytree(ROOT / "data" / "schema", ziel / "schema", dirs_exist_ok=True)
    zufall = random.Random(seed)
    teile = ["# yaml-language-server: $schema=schema/measures.schema.json\nmassnahmen:\n"]
    teile += [massnahme_yaml(nummer, zufall) for nummer in range(anzahl)]
    (ziel / "measures.yaml").write_text("".join(teile), encoding="utf-8")
    return ziel


if __name__ == "__main__":
    print(schreibe(int(sys.argv[1]), Path(sys.argv[2])))
