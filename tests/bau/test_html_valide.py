"""Every built page is valid HTML (html-validate from node_modules, rules in .htmlvalidate.mjs)."""

from __future__ import annotations

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
