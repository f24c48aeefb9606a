"""MkDocs hook: after the build, write the open data into site/daten/ (JSON, CSV, the JSON Schemas)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import lade_oder_melde  # noqa: E402
from macros import offene_daten as od  # noqa: E402
from macros.loader import DATA_DIR  # noqa: E402

EXPORT_SCHEMA = Path(__file__).resolve().parent / od.EXPORT_SCHEMA


def schreibe_offene_daten(daten, site_dir: Path, site_url: str, schema_dir: Path = DATA_DIR / "schema") -> list[Path]:
    """Writes massnahmen.json, massnahmen.csv and every JSON Schema below site_dir/daten/; returns the paths."""
    ordner = site_dir / od.ORDNER
    schemata = ordner / od.SCHEMA_ORDNER
    schemata.mkdir(parents=True, exist_ok=True)
    json_pfad, csv_pfad = ordner / od.JSON_DATEI, ordner / od.CSV_DATEI
    json_pfad.write_text(od.massnahmen_json(daten, site_url), encoding="utf-8")
    with csv_pfad.open("w", encoding="utf-8", newline="") as datei:
        datei.write(od.massnahmen_csv(daten, site_url))
    geschrieben = [json_pfad, csv_pfad]
    for schema in [*sorted(schema_dir.glob("*.schema.json")), EXPORT_SCHEMA]:
        geschrieben.append(Path(shutil.copyfile(schema, schemata / schema.name)))
    return geschrieben


def on_post_build(config):
    """Runs once per build (also on each `make serve` rebuild)."""
    schreibe_offene_daten(lade_oder_melde(), Path(config["site_dir"]), config["site_url"] or "")
