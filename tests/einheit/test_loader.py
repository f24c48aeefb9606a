"""Unit tests of the loader: YAML reading (fast and exact pass), schema check, cross checks, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hilfen import ROOT

from macros.daten.fehler import DatenFehler, Fehler, sichtbar, zeige_wert
from macros.daten.loader import DATEIEN, datum_grenzen, lade_daten
from macros.daten.schemapruefung import _ohne_verweise, _schnellpruefer, pruefe_schema
from macros.daten.yamlquelle import YamlDatei, _Baumeister, _Parser, _schnell, _Ungewoehnlich, parse_yaml_text
from macros.entwicklung.synthetische_daten import schreibe


def genau(text: str) -> YamlDatei:
    """The exact (slow) pass alone: values and the line of every value."""
    datei = YamlDatei("t.yaml", None)
    datei.daten = _Baumeister(datei).baue(_Parser(text))
    return datei


@pytest.mark.parametrize("dateiname", list(DATEIEN))
def test_schneller_und_genauer_lauf_lesen_dasselbe(dateiname):
    text = (ROOT / "data" / dateiname).read_text(encoding="utf-8")
    daten, zeilen = _schnell(_Parser(text))
    exakt = genau(text)
    assert daten == exakt.daten
    assert gleich_bis_auf_daten(yaml.safe_load(text), daten)
    # The fast pass notes records and lists only, each with the same line as the exact pass.
    assert zeilen and all(exakt.zeilen[pfad] == zeile for pfad, zeile in zeilen.items())


def gleich_bis_auf_daten(pyyaml: object, unsere: object) -> bool:
    """Equal to PyYAML's reading, except that we keep dates such as 2019-05-13 as text."""
    if isinstance(pyyaml, dict):
        return pyyaml.keys() == unsere.keys() and all(gleich_bis_auf_daten(pyyaml[k], unsere[k]) for k in pyyaml)
    if isinstance(pyyaml, list):
        return len(pyyaml) == len(unsere) and all(map(gleich_bis_auf_daten, pyyaml, unsere))
    return pyyaml == unsere or str(pyyaml) == unsere


def test_zeile_eines_einzelwerts_wird_bei_bedarf_nachgeschlagen():
    text = "liste:\n  - id: a\n    titel: Eins\n  - id: b\n\n    titel: Zwei\n"
    datei, fehler = parse_yaml_text(text, "t.yaml")
    assert fehler == [] and datei.text is not None  # fast pass: lines of values not yet known
    assert datei.zeile(("liste", 1)) == 4
    assert datei.zeile(("liste", 1, "titel")) == 6
    assert datei.text is None  # worked out once, then kept
    assert datei.zeile(("liste", 0, "fehlt", 3)) == 2  # nearest parent


@pytest.mark.parametrize("text, erwartet", [
    ("a: &x 1\nb: *x\n", "Anker und Verweise"),
    ("a: 1\na: 2\n", "Feld steht doppelt (zuerst in Zeile 1)"),
    ("a: 1\n---\nb: 2\n", "Nur ein YAML-Dokument"),
    ("a: !!python/name:os.system 1\n", "Unbekannter YAML-Typ"),
    ("a:\n\t- b\n", "Tabulator"),
    ("a: [1, 2\n", "YAML-Syntaxfehler"),
    ("a: b: c\n", "Doppelpunkt"),
    ("a: \x07\n", "Steuerzeichen <U+0007>"),
    ("", "Datei ist leer"),
    ("a: " + "[" * 30 + "]" * 30 + "\n", "zu tief verschachtelt"),
    ("a: " + "[" * 2000 + "]" * 2000 + "\n", "zu tief verschachtelt"),
])
def test_fehler_beim_lesen_auf_deutsch_mit_zeile(text, erwartet):
    _, fehler = parse_yaml_text(text, "t.yaml")
    assert fehler, text
    meldung = str(fehler[0])
    assert erwartet in meldung and meldung.startswith("t.yaml:"), meldung


@pytest.mark.parametrize("text", ["a: &x 1\n", "a: 1\na: 2\n", "- 1\n- 2\n", "x\n", "a: !!str 1\n", "{? [a]: 1}\n"])
def test_schneller_lauf_gibt_ungewoehnliches_ab(text):
    """Anchors, duplicates, tags, a lone scalar, complex keys: the fast pass leaves them to the exact one."""
    try:
        daten, _ = _schnell(_Parser(text))
    except (_Ungewoehnlich, yaml.YAMLError):
        return
    assert isinstance(daten, (dict, list))  # a plain list needs no exact pass
    assert text.startswith("- ")


def test_bom_und_crlf_und_cr(tmp_path):
    from macros.daten.yamlquelle import lies_yaml

    datei = tmp_path / "t.yaml"
    datei.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: zwei\rc: drei\r\n")
    gelesen, fehler = lies_yaml(datei, "t.yaml")
    assert fehler == [] and gelesen.daten == {"a": 1, "b": "zwei", "c": "drei"}
    assert gelesen.zeile(("c",)) == 3


def test_kein_utf8_nennt_zeile_und_byte(tmp_path):
    from macros.daten.yamlquelle import lies_yaml

    datei = tmp_path / "t.yaml"
    datei.write_bytes(b"a: 1\nb: Pr\xfcfung\n")
    _, fehler = lies_yaml(datei, "t.yaml")
    assert str(fehler[0]).startswith("t.yaml:2: Datei ist nicht in UTF-8") and "0xFC" in str(fehler[0])


@pytest.mark.parametrize("text, anfang, ende", [
    ("2019", (2019, 1, 1), (2019, 12, 31)),
    ("2020-02", (2020, 2, 1), (2020, 2, 29)),
    ("2019-12", (2019, 12, 1), (2019, 12, 31)),
    ("2019-05-13", (2019, 5, 13), (2019, 5, 13)),
])
def test_datum_grenzen(text, anfang, ende):
    von, bis = datum_grenzen(text)
    assert (von.year, von.month, von.day) == anfang and (bis.year, bis.month, bis.day) == ende


@pytest.mark.parametrize("text", ["2019-02-30", "2019-13", "2021-02-29", "2019-00-10"])
def test_unmoegliches_datum(text):
    with pytest.raises(ValueError):
        datum_grenzen(text)


def test_meldung_nennt_datei_zeile_kennung_feld_wert_und_erlaubtes():
    fehler = Fehler("data/measures.yaml", 12, "Wert ist nicht erlaubt.", "Maßnahme SP-01", "status", "fertig",
                    "geplant, umgesetzt")
    assert str(fehler) == ("data/measures.yaml:12: Maßnahme SP-01: Feld „status“ mit Wert „fertig“: "
                           "Wert ist nicht erlaubt. (erlaubt: geplant, umgesetzt)")


def test_werte_in_meldungen_sichtbar_und_kurz():
    assert sichtbar("SP-01\u200b\u00a0\t") == "SP-01<U+200B><U+00A0><U+0009>"
    lang = zeige_wert("x" * 1000)
    assert len(lang) < 120 and "(1000 Zeichen)" in lang
    assert zeige_wert([1, 2]) == "eine Liste mit 2 Einträgen" and zeige_wert(True) == "ja"


def test_alle_fehler_einer_datei_auf_einmal(tmp_path):
    data = tmp_path / "data"
    schreibe(3, data)
    text = (data / "measures.yaml").read_text(encoding="utf-8")
    text = text.replace("status: ", "status: kaputt-", 1).replace("stand: 2026-11-26", "stand: 2026-02-30", 2)
    (data / "measures.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DatenFehler) as fehler:
        lade_daten(data)
    meldungen = [str(f) for f in fehler.value.fehler]
    assert len(meldungen) == 3, meldungen
    assert len(set(meldungen)) == len(meldungen)
    assert all(m.startswith("data/measures.yaml:") for m in meldungen)


def test_pflichtfelder_je_einmal_gemeldet(tmp_path):
    data = tmp_path / "data"
    schreibe(2, data)
    with (data / "measures.yaml").open("a", encoding="utf-8") as datei:
        datei.write("  - id: SP-0099\n")
    with pytest.raises(DatenFehler) as fehler:
        lade_daten(data)
    meldungen = [str(f) for f in fehler.value.fehler]
    assert len(meldungen) == len(set(meldungen))
    assert sum("Pflichtfeld fehlt" in m for m in meldungen) == 9, meldungen


def test_verweise_werden_fuer_den_schnellen_pruefer_eingesetzt():
    schema = {"$defs": {"t": {"type": "string", "minLength": 1}},
              "properties": {"a": {"$ref": "#/$defs/t"}, "b": {"items": {"$ref": "#/$defs/t"}},
                             "c": {"$ref": "andere.schema.json#/$defs/t"}}}
    flach = _ohne_verweise(schema, schema["$defs"])
    assert flach["properties"]["a"] == {"type": "string", "minLength": 1}
    assert flach["properties"]["b"]["items"] == {"type": "string", "minLength": 1}
    assert flach["properties"]["c"] == {"$ref": "andere.schema.json#/$defs/t"}  # not ours to resolve


@pytest.mark.parametrize("aenderung", [
    {"titel": 42}, {"status": ["geplant"]}, {"id": "SP-01 "}, {"id": "SP-10000"}, {"quelle": []},
    {"links": [{"titel": "x", "url": "javascript:alert(1)"}]}, {"titel": ""}, {"titel": "   "}, {"unbekannt": 1},
    {"status": "entfallen"}, {"titel": "x" * 301},
])
def test_schneller_und_ausfuehrlicher_pruefer_sind_sich_einig(aenderung):
    """fastjsonschema (the fast path) rejects exactly what jsonschema explains."""
    schema = ROOT / "data" / "schema" / "measures.schema.json"
    eintrag = {"id": "SP-01", "titel": "T", "handlungsfeld": "sprache", "beschreibung": "B", "ziel": "Z",
               "federfuehrung": "kreisverwaltung", "status": "geplant", "beschlussstand": "vorschlag",
               "quelle": ["q"], "stand": "2026-11-26"}
    gut = YamlDatei("m.yaml", {"massnahmen": [eintrag]})
    assert pruefe_schema(gut, schema) == []
    _schnellpruefer(schema)(gut.daten)
    schlecht = YamlDatei("m.yaml", {"massnahmen": [{**eintrag, **aenderung}]}, {("massnahmen", 0): 3})
    meldungen = pruefe_schema(schlecht, schema)
    assert meldungen and all(m.zeile == 3 for m in meldungen), meldungen


def test_echte_daten_laden(daten):
    roh = yaml.safe_load((ROOT / "data" / "measures.yaml").read_text(encoding="utf-8"))
    assert len(daten.massnahmen) == len(roh["massnahmen"])
    assert [m.id for m in daten.massnahmen] == [m["id"] for m in roh["massnahmen"]]
    erste = daten.massnahmen[0]
    assert daten.massnahme(erste.id) is erste


def test_zehntausend_massnahmen_passen_ins_kennungsmuster(tmp_path):
    """The id pattern (2 to 4 digits) carries 10,000 measures; the generator spreads them over the fields."""
    data = schreibe(10_000, tmp_path / "data")
    daten = lade_daten(data)
    assert len(daten.massnahmen) == 10_000 and len({m.id for m in daten.massnahmen}) == 10_000
    felder = {f.id for f in daten.handlungsfelder}
    assert {m.handlungsfeld for m in daten.massnahmen} == felder
    muster = json.loads((data / "schema" / "measures.schema.json").read_text(encoding="utf-8"))
    assert muster["$defs"]["massnahme"]["properties"]["id"]["pattern"] == "^[A-Z]{2,3}-[0-9]{2,4}$"
    assert max(int(m.id.split("-")[1]) for m in daten.massnahmen) <= 9999
    assert {m.status for m in daten.massnahmen} >= {"geplant", "entfallen", "verzoegert"}
    assert any("ä" in m.titel or "ü" in m.titel or "ö" in m.titel for m in daten.massnahmen)


def test_synthetische_daten_sind_gueltig_und_wiederholbar(tmp_path):
    a, b = schreibe(50, tmp_path / "a"), schreibe(50, tmp_path / "b")
    assert (a / "measures.yaml").read_bytes() == (b / "measures.yaml").read_bytes()
    assert len(lade_daten(a).massnahmen) == 50
    assert Path(a / "schema" / "measures.schema.json").exists()
