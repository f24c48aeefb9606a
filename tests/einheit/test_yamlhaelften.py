"""Unit tests of reading a large list file in two halves: the same values, lines and messages as reading it whole."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from hilfen import ROOT

from macros.daten import yamlhaelften
from macros.daten.fehler import DatenFehler
from macros.daten.loader import lade_daten
from macros.daten.schemapruefung import haelftenpruefer
from macros.daten.yamlhaelften import in_zwei_haelften
from macros.daten.yamlquelle import _schnell_gelesen, parse_yaml_text
from macros.entwicklung.synthetische_daten import schreibe


@pytest.fixture
def zwei_kerne(monkeypatch):
    """Halving for files of any size, as on a machine with two cores."""
    monkeypatch.setattr(yamlhaelften, "MINDESTGROESSE", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


@pytest.fixture(scope="module")
def synthetisch(tmp_path_factory):
    return schreibe(300, tmp_path_factory.mktemp("haelften") / "data")


@pytest.mark.parametrize("mit_echten", [False, True])
def test_haelften_lesen_dieselben_werte_und_zeilen(zwei_kerne, tmp_path, mit_echten):
    """Synthetic measures alone, and after the real ones with their comments (as make bench writes them)."""
    text = (schreibe(300, tmp_path / "data", mit_echten=mit_echten) / "measures.yaml").read_text(encoding="utf-8")
    halbiert = in_zwei_haelften(text, _schnell_gelesen)
    assert halbiert is not None
    assert halbiert == _schnell_gelesen(text)


def test_die_echten_daten_lassen_sich_teilen(zwei_kerne):
    text = (ROOT / "data" / "measures.yaml").read_text(encoding="utf-8")
    assert in_zwei_haelften(text, _schnell_gelesen) == _schnell_gelesen(text)


def eintrag(nummer: int) -> str:
    """A record with a block text whose lines look like list items, a nested list and a comment."""
    return (f"  - id: SP-{nummer:02d}\n"
            f"    text: |\n      erste Zeile\n      - sieht aus wie ein Eintrag\n\n      letzte\n"
            f"    liste:\n    - a\n    - b: {nummer}\n"
            f"# ein Kommentar am Zeilenanfang\n\n")


@pytest.mark.parametrize("anzahl", range(2, 12))
def test_schnitt_an_jeder_stelle_gleicht_dem_ganzen(zwei_kerne, anzahl):
    text = "# Kopf\n\nmassnahmen:\n" + "".join(eintrag(n) for n in range(anzahl)) + "  - id: SP-99\n"
    halbiert = in_zwei_haelften(text, _schnell_gelesen)
    assert halbiert is not None
    assert halbiert == _schnell_gelesen(text)


def test_eintraege_am_zeilenanfang(zwei_kerne):
    text = "liste:\n" + "".join(f"- id: {n}\n  wert: x{n}\n" for n in range(40))
    assert in_zwei_haelften(text, _schnell_gelesen) == _schnell_gelesen(text)


@pytest.mark.parametrize("text", [
    "liste:\n" + "  - a\n" * 40 + "zweiter: 1\n",  # a second key after the list
    "liste:\n" + "  - a\n" * 40 + "...\n",  # a document marker
    "liste: [" + "a, " * 40 + "b]\n",  # a flow list
    "- a\n" * 40,  # a list at the top
    "a: 1\nliste:\n" + "  - a\n" * 40,  # a key before the list
])
def test_andere_formen_werden_im_ganzen_gelesen(zwei_kerne, text):
    assert in_zwei_haelften(text, _schnell_gelesen) is None


def test_ein_schnitt_in_offenem_text_liest_das_ganze(zwei_kerne):
    """A quoted text whose continuation lines start like items: the first half ends inside the quotes."""
    text = 'liste:\n  - a: "Anfang\n' + "  - weiter\n" * 40 + '  Ende"\n  - b\n'
    assert in_zwei_haelften(text, _schnell_gelesen) is None


def test_ein_kern_liest_im_ganzen(monkeypatch, synthetisch):
    monkeypatch.setattr(yamlhaelften, "MINDESTGROESSE", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    text = (synthetisch / "measures.yaml").read_text(encoding="utf-8")
    assert in_zwei_haelften(text, _schnell_gelesen) is None


def test_geprueft_nur_wenn_beide_haelften_dem_schema_genuegen(zwei_kerne, synthetisch):
    text = (synthetisch / "measures.yaml").read_text(encoding="utf-8")
    pruefe = haelftenpruefer(synthetisch / "schema" / "measures.schema.json")
    datei, fehler = parse_yaml_text(text, "measures.yaml", pruefe)
    assert fehler == [] and datei.geprueft
    falsch = text[: text.rindex("status: ")] + "status: erledigt\n" + text[text.rindex("status: "):].split("\n", 1)[1]
    datei, fehler = parse_yaml_text(falsch, "measures.yaml", pruefe)
    assert fehler == [] and not datei.geprueft  # read whole, left to the schema check with its messages


def meldungen(data) -> list[str]:
    with pytest.raises(DatenFehler) as fehler:
        lade_daten(data)
    return [str(f) for f in fehler.value.fehler]


@pytest.mark.parametrize("aenderung", [
    lambda text: text[: text.rindex("status: ")] + "status: erledigt\n"
    + text[text.rindex("status: "):].split("\n", 1)[1],
    lambda text: text.rstrip("\n") + "\n    titel: doppelt\n",
    lambda text: text[: text.rindex("    titel: ")] + '    titel: "offen\n'
    + text[text.rindex("    titel: "):].split("\n", 1)[1],
])
def test_fehler_in_einer_haelfte_wie_beim_lesen_im_ganzen(monkeypatch, synthetisch, tmp_path, aenderung):
    data = tmp_path / "data"
    shutil.copytree(synthetisch, data)
    datei = data / "measures.yaml"
    datei.write_text(aenderung(datei.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(yamlhaelften, "MINDESTGROESSE", 10**12)
    im_ganzen = meldungen(data)
    monkeypatch.setattr(yamlhaelften, "MINDESTGROESSE", 0)
    assert meldungen(data) == im_ganzen and im_ganzen


def test_haelftenpruefer_nur_ohne_regeln_fuer_die_ganze_liste(tmp_path):
    assert haelftenpruefer(ROOT / "data" / "schema" / "measures.schema.json") is not None
    schema = json.loads((ROOT / "data" / "schema" / "measures.schema.json").read_text(encoding="utf-8"))
    schema["properties"]["massnahmen"]["minItems"] = 1
    pfad = tmp_path / "mit_regel.schema.json"
    pfad.write_text(json.dumps(schema), encoding="utf-8")
    assert haelftenpruefer(pfad) is None


UNTERBRECHUNG = """
import os
from macros.daten import yamlhaelften
yamlhaelften.MINDESTGROESSE = 0
os.cpu_count = lambda: 2
eltern = os.getpid()
text = "liste:\\n" + "".join(f"  - id: {n}\\n    wert: {'x' * 60}\\n" for n in range(20000))

def lies(teil):
    if os.getpid() == eltern:
        raise KeyboardInterrupt
    return {"liste": [teil]}, {}  # more than a pipe holds: the child blocks until it is read or closed

try:
    yamlhaelften.in_zwei_haelften(text, lies)
except KeyboardInterrupt:
    print("unterbrochen", os.getpid() == eltern)
"""


def test_eine_unterbrechung_laesst_kein_kind_zurueck():
    """Ctrl-C while the first half is read: the parent stops at once, the child ends and runs nothing of the parent."""
    ergebnis = subprocess.run([sys.executable, "-c", UNTERBRECHUNG], capture_output=True, text=True, timeout=120,
                              cwd=ROOT, check=False)
    assert ergebnis.stdout.split("\n") == ["unterbrochen True", ""], ergebnis.stderr
