"""Every built page is valid HTML (html-validate from node_modules, rules in .htmlvalidate.mjs)."""

from __future__ import annotations

import re
import subprocess

from browser.fixtures import NODE_MODULES, brauche_node_modules, node
from hilfen import ROOT

KONFIG = ROOT / ".htmlvalidate.mjs"


def test_jede_seite_ist_gueltiges_html(site, seiten):
    programm = brauche_node_modules(NODE_MODULES / "html-validate" / "bin" / "html-validate.mjs")
    dateien = sorted(str(p) for p in site.rglob("*.html"))
    assert len(dateien) == len(seiten) > 20
    befehl = [node(), str(programm), "--config", str(KONFIG), "--formatter", "text", *dateien]
    ergebnis = subprocess.run(befehl, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert ergebnis.returncode == 0, ergebnis.stdout[-5000:] + ergebnis.stderr[-2000:]


def test_der_pruefer_meldet_ungueltiges_html(tmp_path):
    programm = brauche_node_modules(NODE_MODULES / "html-validate" / "bin" / "html-validate.mjs")
    kaputt = tmp_path / "kaputt.html"
    kaputt.write_text('<!DOCTYPE html><html lang="de"><head><title>x</title></head>'
                      '<body><p id="a">1</p><p id="a">2</p><ul><div></div></ul></body></html>', encoding="utf-8")
    befehl = [node(), str(programm), "--config", str(KONFIG), "--formatter", "text", str(kaputt)]
    ergebnis = subprocess.run(befehl, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert ergebnis.returncode != 0 and "no-dup-id" in ergebnis.stdout, ergebnis.stdout


def test_die_empfohlenen_regeln_gelten_keine_ist_abgeschaltet():
    text = KONFIG.read_text(encoding="utf-8")
    assert 'extends: ["html-validate:recommended"]' in text
    assert not re.search(r""":\s*["'](off|warn)["']|\[\s*["'](off|warn)["']|:\s*[01]\b""", text), text


def test_der_pruefer_meldet_was_material_sonst_falsch_schreibt(tmp_path):
    """The preset's rules that Material's raw markup breaks are active (the repairs make the site pass them)."""
    programm = brauche_node_modules(NODE_MODULES / "html-validate" / "bin" / "html-validate.mjs")
    roh = tmp_path / "roh.html"
    roh.write_text('<!doctype html>\n<html lang="de"><head><title>x</title></head><body>  \n'
                   '<input type="checkbox" id="a" autocomplete="off"><label for="a">A</label>'
                   '<form><input type="text" aria-label="Suche"></form></body></html>\n', encoding="utf-8")
    befehl = [node(), str(programm), "--config", str(KONFIG), "--formatter", "text", str(roh)]
    ergebnis = subprocess.run(befehl, cwd=ROOT, capture_output=True, text=True, timeout=120)
    for regel in ("doctype-style", "no-trailing-whitespace", "valid-autocomplete", "wcag/h32"):
        assert regel in ergebnis.stdout, (regel, ergebnis.stdout)
