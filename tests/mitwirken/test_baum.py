"""The tree agrees with itself: registered macros and the chapters that call them, Makefile verbs and the README."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from hilfen import ROOT

from macros.makros import Makros

# Globals Jinja itself offers in every template; anything else called in a chapter must be one of our macros.
JINJA_GLOBALE = {"range", "dict", "lipsum", "cycler", "joiner", "namespace"}
JINJA_BLOCK = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
ROH = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
# A name followed by "(": a call, unless it is a filter (after "|") or a method (after ".").
AUFRUF = re.compile(r"\b([A-Za-z_]\w*)\s*\(")


def aufrufe(text: str) -> set[str]:
    """The names called as functions inside the Jinja blocks of a page (not in {% raw %})."""
    namen = set()
    for block in JINJA_BLOCK.findall(ROH.sub("", text)):
        for treffer in AUFRUF.finditer(block):
            davor = block[:treffer.start(1)].rstrip()
            if not davor.endswith(("|", ".")):
                namen.add(treffer.group(1))
    return namen


def test_aufrufe_erkennt_makros_aber_keine_filter_und_methoden():
    text = ('{{ quelle("a") }} {{ x | datum("lang") }} {{ konzept.titel.upper() }} {%raw%}{{ roh() }}{%endraw%}'
            '{{ kennzahl("b", stand(1)) }}')
    assert aufrufe(text) == {"quelle", "kennzahl", "stand"}


@pytest.fixture(scope="module")
def aufrufe_in_docs() -> dict[str, set[str]]:
    """Name called -> the docs pages that call it."""
    gefunden: dict[str, set[str]] = {}
    for seite in sorted((ROOT / "docs").rglob("*.md")):
        for name in aufrufe(seite.read_text(encoding="utf-8")):
            gefunden.setdefault(name, set()).add(seite.relative_to(ROOT).as_posix())
    return gefunden


def test_jedes_registrierte_makro_wird_in_docs_benutzt(aufrufe_in_docs):
    """A macro in Makros.NAMEN that no chapter calls is dead code (or a chapter lost it)."""
    unbenutzt = sorted(set(Makros.NAMEN) - set(aufrufe_in_docs))
    assert unbenutzt == [], f"In Makros.NAMEN, aber in keiner Seite unter docs/ aufgerufen: {unbenutzt}"


def test_jedes_makro_in_docs_ist_registriert(aufrufe_in_docs):
    """A chapter that calls an unregistered name would fail the build only on that page: name it here."""
    unbekannt = {name: sorted(seiten) for name, seiten in aufrufe_in_docs.items()
                 if name not in Makros.NAMEN and name not in JINJA_GLOBALE}
    assert unbekannt == {}, f"In docs/ aufgerufen, aber nicht in Makros.NAMEN: {unbekannt}"


def test_jedes_makro_ist_eine_methode():
    """Every registered name is a method of Makros (define_env looks each one up)."""
    assert len(set(Makros.NAMEN)) == len(Makros.NAMEN)
    assert [n for n in Makros.NAMEN if not callable(getattr(Makros, n, None))] == []


def make_verben() -> list[str]:
    """The verbs `make help` lists (every Makefile target with a ## comment)."""
    if shutil.which("make") is None:
        pytest.fail("make fehlt: apt-get install make", pytrace=False)
    ausgabe = subprocess.run(["make", "--no-print-directory", "-s", "help"], cwd=ROOT, capture_output=True, text=True,
                             check=True, timeout=60).stdout
    return [zeile.split("\t", 1)[0] for zeile in ausgabe.splitlines() if "\t" in zeile]


def test_jedes_make_verb_steht_in_der_readme():
    verben = make_verben()
    assert {"help", "test", "check", "build"} <= set(verben), verben
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    fehlen = [v for v in verben if not re.search(rf"make {re.escape(v)}(?![\w-])", readme)]
    assert fehlen == [], f"`make help` nennt diese Verben, README.md nicht als `make <verb>`: {fehlen}"


def test_kein_test_importiert_aus_conftest():
    """Helpers come from tests/hilfen.py and browser/fixtures.py; conftest.py holds fixtures only."""
    verboten = re.compile(r"^\s*(from conftest import|import conftest|from browser import)", re.MULTILINE)
    treffer = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "tests").rglob("*.py"))
               if verboten.search(p.read_text(encoding="utf-8"))]
    assert treffer == [], treffer
