"""Writes a synthetic data folder with N measures (for benchmarks and scale tests).

Aufruf: python -m macros.entwicklung.synthetische_daten ANZAHL ZIELORDNER [--mit-echten]
Copies every data file but measures.yaml from data/ (the translations too, see uebersetzungen), then writes N
valid measures (with --mit-echten the real ones first, which the chapters link to, then synthetic ones up to N)
with realistic text lengths, umlauts and long German compounds, every status (with begruendung where required),
histories and links, spread evenly over the Handlungsfelder named in handlungsfelder.yaml.
Ids are <praefix>-NNNN, so up to 9,999 measures per Handlungsfeld.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from pathlib import Path

import yaml

from macros.daten import begriffe as b
from macros.projekt import REPO

WORTSCHATZ = ("Integration Sprachkurs Begegnung Beratung Wohnungssuche Ausbildungsplatz Übergang Kita Schule "
           "Ehrenamt Sportverein Kultur Teilhabe Geflüchtete Zugewanderte Familien Jugendliche Betriebe "
           "Landkreis Güstrow Bad Doberan Netzwerk Arbeitsgruppe Förderung Qualifizierung Anerkennung "
           "Nachbarschaft Öffentlichkeit Gemeinde Dolmetschen Elternarbeit Begleitung Möglichkeit Größe "
           "Integrationskursträgerkonferenz Anerkennungsberatungsstelle Ausländerbehörde Gemeinschaftsunterkunft "
           "Berufsorientierung Sprachmittlung Übergangswohnheim Kindertagesstätte Bürgerbeteiligung "
           "Ärztin Lehrkräfte Schülerinnen Mütter Väter Straße Wünsche Bedürfnisse Zuständigkeit "
           "und für mit im der die das bei zur zum vor Ort gemeinsam regelmäßig frühzeitig verlässlich")
WOERTER = tuple(WORTSCHATZ.split())
STATUS = tuple(b.STATUS)
MIT_BEGRUENDUNG = ("verzoegert", "zurueckgestellt", "entfallen")
ZIELGRUPPEN = ("Zugewanderte", "Familien", "Jugendliche", "Geflüchtete Frauen", "Kinder im Kita-Alter",
               "Ehrenamtliche", "Betriebe im Landkreis", "Schülerinnen und Schüler", "Fachkräfte")


def satz(zufall: random.Random, woerter: int) -> str:
    """A sentence of that many words, capitalised, with a full stop."""
    text = " ".join(zufall.choice(WOERTER) for _ in range(woerter))
    return text[0].upper() + text[1:] + "."


def text(wert: str) -> str:
    """A YAML double-quoted string (JSON is valid YAML), umlauts kept as they are."""
    return json.dumps(wert, ensure_ascii=False)


def liste(werte) -> str:
    return "[" + ", ".join(text(w) for w in werte) + "]"


def ids(ordner: Path, datei: str, schluessel: str) -> list[dict]:
    return yaml.safe_load((ordner / datei).read_text(encoding="utf-8"))[schluessel]


def massnahme_yaml(kennung: str, feld: str, zufall: random.Random, stellen: list[str], belegt: list[str],
                   vorschlaege: list[str], beschluesse: list[str] = ()) -> str:
    """One measure as YAML, valid against the schema and the loader's cross checks."""
    status = zufall.choice(STATUS)
    beschlossen = bool(belegt) and bool(beschluesse) and zufall.random() < 0.6
    quelle = zufall.sample(belegt, min(len(belegt), zufall.randint(1, 2))) if beschlossen else vorschlaege[:1]
    jahr = zufall.randint(2018, 2026)
    zeilen = [
        f"  - id: {kennung}",
        f"    titel: {text(satz(zufall, zufall.randint(3, 7))[:-1])}",
        f"    handlungsfeld: {feld}",
        f"    beschreibung: {text(' '.join(satz(zufall, zufall.randint(6, 14)) for _ in range(zufall.randint(1, 4))))}",
        f"    ziel: {text(satz(zufall, zufall.randint(6, 12)))}",
        f"    federfuehrung: {zufall.choice(stellen)}",
        f"    partner: {liste(zufall.sample(stellen, zufall.randint(0, 3)))}",
        f"    zielgruppe: {liste(zufall.sample(ZIELGRUPPEN, zufall.randint(1, 3)))}",
        f"    beginn: {jahr}-{zufall.randint(1, 12):02d}",
        f"    ende: \"{jahr + zufall.randint(0, 6)}\"",
        f"    status: {status}",
        f"    beschlussstand: {zufall.choice(('beschlossen', 'fortgeschrieben')) if beschlossen else 'vorschlag'}",
        *([f"    beschluss: {zufall.choice(beschluesse)}"] if beschlossen else []),
        f"    indikatoren: {liste(satz(zufall, zufall.randint(4, 9)) for _ in range(zufall.randint(0, 2)))}",
        f"    quelle: {liste(quelle)}",
        "    stand: 2026-11-26",
    ]
    if status in MIT_BEGRUENDUNG:
        zeilen.append(f"    begruendung: {text(satz(zufall, zufall.randint(8, 20)))}")
    if zufall.random() < 0.2:
        zeilen.append("    links:")
        zeilen.append(f"      - {{titel: {text(satz(zufall, 4)[:-1])}, url: \"https://www.landkreis-rostock.de/\"}}")
    if zufall.random() < 0.3:
        zeilen.append("    verlauf:")
        for i in range(zufall.randint(1, 3)):
            zeilen.append(f"      - {{datum: {jahr + i}-0{zufall.randint(1, 9)}-1{zufall.randint(0, 9)}, "
                          f"text: {text(satz(zufall, zufall.randint(5, 12)))}}}")
    return "\n".join(zeilen) + "\n"


def echte_anzahl() -> int:
    """How many measures the real data has."""
    return len(yaml.safe_load((REPO / "data" / "measures.yaml").read_text(encoding="utf-8"))["massnahmen"])


def uebersetzungen(ziel: Path, mit_echten: bool) -> None:
    """The translations: as they are beside the real measures, without any measure's translation otherwise (the
    synthetic ids are not the real ones)."""
    quelle, ordner = REPO / "data" / "uebersetzungen", ziel / "uebersetzungen"
    ordner.mkdir(exist_ok=True)
    for datei in quelle.glob("*.yaml"):
        if mit_echten:
            shutil.copy(datei, ordner / datei.name)
            continue
        werte = dict(yaml.safe_load(datei.read_text(encoding="utf-8")), massnahmen=[])
        (ordner / datei.name).write_text(yaml.safe_dump(werte, allow_unicode=True, sort_keys=False), encoding="utf-8")


def schreibe(anzahl: int, ziel: Path, seed: int = 1, mit_echten: bool = False) -> Path:
    """Writes the folder with anzahl measures in all and returns it; mit_echten: the real ones first, then synthetic
    ones up to anzahl."""
    ziel.mkdir(parents=True, exist_ok=True)
    for datei in (REPO / "data").glob("*.yaml"):
        if datei.name != "measures.yaml":
            shutil.copy(datei, ziel / datei.name)
    shutil.copytree(REPO / "data" / "schema", ziel / "schema", dirs_exist_ok=True)
    uebersetzungen(ziel, mit_echten)
    felder = [(f["id"], f["praefix"]) for f in ids(ziel, "handlungsfelder.yaml", "handlungsfelder")]
    stellen = [o["id"] for o in ids(ziel, "organisationen.yaml", "organisationen")]
    stellen += [g["id"] for g in ids(ziel, "gremien.yaml", "gremien")]
    quellen = ids(ziel, "quellen.yaml", "quellen")
    vorschlaege = [q["id"] for q in quellen if q.get("art") == "vorschlag"]
    belegt = [q["id"] for q in quellen if q.get("art") != "vorschlag"]
    beschluesse = [b["id"] for b in ids(ziel, "beschluesse.yaml", "beschluesse")] if (
        ziel / "beschluesse.yaml").exists() else []
    if not vorschlaege:  # every measure needs a source; without a proposal source, all are "beschlossen"
        vorschlaege = belegt[:1]
    zufall = random.Random(seed)
    teile = ["# yaml-language-server: $schema=schema/measures.schema.json\nmassnahmen:\n"]
    if mit_echten:
        # The chapters link to real measures (massnahmen/ub-04.md): a strict build of the set needs them.
        # They count towards anzahl; synthetic ids have 4 digits and never clash with theirs.
        echt_text = (REPO / "data" / "measures.yaml").read_text(encoding="utf-8")
        teile = [echt_text.rstrip("\n") + "\n"]
        anzahl -= len(yaml.safe_load(echt_text)["massnahmen"])
    for nummer in range(anzahl):
        feld, praefix = felder[nummer % len(felder)]
        kennung = f"{praefix}-{nummer // len(felder) + 1:04d}"
        teile.append(massnahme_yaml(kennung, feld, zufall, stellen, belegt, vorschlaege, beschluesse))
    (ziel / "measures.yaml").write_text("".join(teile), encoding="utf-8")
    return ziel


if __name__ == "__main__":
    argumente = [a for a in sys.argv[1:] if a != "--mit-echten"]
    print(schreibe(int(argumente[0]), Path(argumente[1]), mit_echten="--mit-echten" in sys.argv))
