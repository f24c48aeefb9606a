"""Open data in the built site: JSON and CSV hold every measure of the YAML, with licence and Stand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from hilfen import ROOT
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from macros.ausgabe import offene_daten as od
from macros.daten.loader import lade_daten
from macros.entwicklung.synthetische_daten import schreibe


def yaml_massnahmen() -> list[dict]:
    """The measures straight from the YAML file, without our loader."""
    return yaml.safe_load((ROOT / "data" / "measures.yaml").read_text(encoding="utf-8"))["massnahmen"]


def yaml_konzept() -> dict:
    return yaml.safe_load((ROOT / "data" / "konzept.yaml").read_text(encoding="utf-8"))["konzept"]


def lies_csv(site: Path) -> tuple[bytes, list[dict]]:
    roh = (site / "daten" / "massnahmen.csv").read_bytes()
    text = roh.decode("utf-8-sig")
    return roh, list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_json_enthaelt_jede_massnahme_der_yaml(site):
    dokument = json.loads((site / "daten" / "massnahmen.json").read_text(encoding="utf-8"))
    aus_yaml = yaml_massnahmen()
    assert dokument["anzahl"] == len(aus_yaml) == len(dokument["massnahmen"])
    assert [m["id"] for m in dokument["massnahmen"]] == [m["id"] for m in aus_yaml]
    for exportiert, original in zip(dokument["massnahmen"], aus_yaml, strict=True):
        assert exportiert["titel"] == original["titel"] and exportiert["status"] == original["status"]
        assert set(exportiert) == set(original), original["id"]
    assert set(dokument["seiten"]) == {m["id"] for m in aus_yaml}


def test_json_nennt_lizenz_und_stand(site):
    dokument = json.loads((site / "daten" / "massnahmen.json").read_text(encoding="utf-8"))
    konzept = yaml_konzept()
    assert dokument["lizenz"]["kennung"] == "dl-de/by-2-0" == konzept["lizenz"]["kennung"]
    assert dokument["stand"] == str(konzept["stand"])
    assert "dl-de/by-2-0" in dokument["namensnennung"]


def test_json_erfuellt_sein_schema(site):
    schemata = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (site / "daten" / "schema").glob("*.json")}
    assert {"measures.schema.json", od.EXPORT_SCHEMA} <= set(schemata)
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemata.items())
    pruefer = Draft202012Validator(schemata[od.EXPORT_SCHEMA], registry=registry)
    dokument = json.loads((site / "daten" / "massnahmen.json").read_text(encoding="utf-8"))
    assert [f.message for f in pruefer.iter_errors(dokument)] == []
    dokument["massnahmen"][0]["status"] = "erfunden"
    assert list(pruefer.iter_errors(dokument)), "Das Schema muss einen falschen Status finden."


def test_csv_fuer_excel_bom_semikolon_crlf_und_deutsche_koepfe(site):
    roh, zeilen = lies_csv(site)
    assert roh.startswith(b"\xef\xbb\xbf"), "UTF-8 mit BOM, sonst zeigt Excel Umlaute falsch"
    erste = roh[3:].split(b"\r\n", 1)[0].decode("utf-8")
    assert erste.split(";")[:3] == ["Nr.", "Titel", "Handlungsfeld"]
    assert "Federführung" in erste and "Begründung" in erste
    assert b"\r\n" in roh and roh.count(b"\n") == roh.count(b"\r\n")
    assert len(zeilen) == len(yaml_massnahmen())


def test_csv_zeilen_entsprechen_der_yaml_mit_lizenz_und_stand(site):
    _, zeilen = lies_csv(site)
    konzept = yaml_konzept()
    for zeile, original in zip(zeilen, yaml_massnahmen(), strict=True):
        assert zeile["Nr."] == original["id"]
        assert zeile["Titel"] == " ".join(original["titel"].split())
        assert "dl-de/by-2-0" in zeile["Lizenz"]
        assert zeile["Datenstand"] == str(konzept["stand"])
        assert zeile["Eigene Seite"].endswith(f"/massnahmen/{original['id'].lower()}/")


def test_csv_entschaerft_formeln(daten):
    from dataclasses import replace

    boese = replace(daten.massnahmen[0], titel="=HYPERLINK(\"http://x\")", ziel="+1", beschreibung="@SUM(A1)")
    zeile = od.csv_zeile(daten, boese, "https://example.org/")
    spalten = [kopf for kopf, _ in od.SPALTEN]
    assert zeile[spalten.index("Titel")].startswith("'=")
    assert zeile[spalten.index("Ziel")] == "'+1"
    assert zeile[spalten.index("Beschreibung")].startswith("'@")


def test_daten_seite_verlinkt_die_dateien(site):
    html = (site / "daten" / "index.html").read_text(encoding="utf-8")
    for datei in ("massnahmen.csv", "massnahmen.json", "schema/measures.schema.json", od.EXPORT_SCHEMA):
        assert datei in html
        ziel = site / "daten" / (datei if "/" in datei or datei != od.EXPORT_SCHEMA else f"schema/{datei}")
        assert ziel.is_file(), ziel
    assert "BOM" in html and "Semikolon" in html


def test_json_ist_eingerueckt_wie_json_es_schreibt(site, tmp_path):
    # The records are encoded one by one (and kept in `make serve`); the file reads as one json.dumps.
    text = (site / "daten" / "massnahmen.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n"
    daten = lade_daten(schreibe(30, tmp_path / "data", mit_echten=True))
    text = od.massnahmen_json(daten, "https://example.org/konzept/")
    dokument = json.loads(text)
    assert text == json.dumps(dokument, ensure_ascii=False, indent=1) + "\n"
    assert [x["id"] for x in dokument["massnahmen"]] == [x.id for x in daten.massnahmen]
