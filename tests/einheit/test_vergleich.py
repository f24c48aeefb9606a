"""One routine says which measures changed between two versions of measures.yaml (macros/daten/vergleich.py):
field by field, by value and not by text; the Änderungsverlauf and `make diff` both use it and agree."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hilfen import ROOT

from macros.ausgabe import versionsgeschichte
from macros.daten import vergleich as v
from macros.daten.vergleich import ENTFERNT, GEAENDERT, NEU, Feldaenderung
from macros.entwicklung.probegit import GIT_UMGEBUNG, git, neues_repo

ECHT = (ROOT / "data" / "measures.yaml").read_text(encoding="utf-8")

ZWEI = """\
# Kopf
massnahmen:
  - id: SP-01
    titel: Erste
    status: geplant
    partner: [a, b]
  - id: SP-02
    titel: Zweite
    status: geplant
"""


def block(text: str, kennung: str) -> tuple[int, int]:
    """Start and end of a measure's item in the real file."""
    anfang = text.index(f"  - id: {kennung}\n")
    ende = text.find("\n  - id: ", anfang + 1)
    return anfang, len(text) if ende < 0 else ende + 1


def ersetze_in(text: str, kennung: str, alt: str, neu: str) -> str:
    anfang, ende = block(text, kennung)
    teil = text[anfang:ende]
    assert alt in teil, (kennung, alt)
    return text[:anfang] + teil.replace(alt, neu, 1) + text[ende:]


def test_gleiche_fassung_ohne_aenderung():
    assert v.vergleiche(ECHT, ECHT) == {}


def test_kommentare_leerzeilen_und_schreibweise_sind_keine_aenderung():
    neu = ersetze_in(ECHT, "SP-01", "    status: daueraufgabe\n", "    status: 'daueraufgabe'   # geprüft\n")
    neu = neu.replace("  - id: UB-02\n", "\n  # Kommentar vor einer Maßnahme\n  - id: UB-02\n", 1)
    assert neu != ECHT
    assert v.vergleiche(ECHT, neu) == {}


def test_statuswechsel_feld_fuer_feld():
    neu = ersetze_in(ECHT, "SP-01", "    status: daueraufgabe\n", "    status: in_umsetzung\n")
    neu = ersetze_in(neu, "SP-01", "    ziel: ", "    ziel: Neu – ")
    ergebnis = v.vergleiche(ECHT, neu)
    assert list(ergebnis) == ["SP-01"]
    aenderung = ergebnis["SP-01"]
    assert aenderung.art == GEAENDERT
    assert [f.feld for f in aenderung.felder] == ["ziel", "status"]   # in the order of begriffe.FELDNAMEN
    assert aenderung.feld("status") == Feldaenderung("status", "daueraufgabe", "in_umsetzung")
    assert aenderung.feld("ziel").neu.startswith("Neu – ")


def test_neu_entfernt_und_listen():
    neu = ZWEI.replace("    partner: [a, b]\n", "    partner: [a, c]\n").replace(
        "  - id: SP-02\n    titel: Zweite\n    status: geplant\n",
        "  - id: SP-03\n    titel: Dritte\n    status: umgesetzt\n")
    ergebnis = v.vergleiche(ZWEI, neu)
    assert {k: a.art for k, a in ergebnis.items()} == {"SP-01": GEAENDERT, "SP-03": NEU, "SP-02": ENTFERNT}
    assert list(ergebnis) == ["SP-01", "SP-03", "SP-02"]   # the new file's order, the removed ones last
    assert ergebnis["SP-01"].felder == (Feldaenderung("partner", ["a", "b"], ["a", "c"]),)
    assert v.Fassung(neu).datensaetze(["SP-03"])["SP-03"]["status"] == "umgesetzt"


def test_leere_liste_und_fehlendes_feld_sind_gleich():
    assert v.vergleiche(ZWEI, ZWEI.replace("    partner: [a, b]\n", "    partner: []\n    zielgruppe: []\n")) == {
        "SP-01": v.Massnahmenaenderung("SP-01", GEAENDERT, (Feldaenderung("partner", ["a", "b"], None),))}


def test_ohne_datei_ist_alles_neu_oder_entfernt():
    assert {a.art for a in v.vergleiche(None, ZWEI).values()} == {NEU}
    assert {a.art for a in v.vergleiche(ZWEI, None).values()} == {ENTFERNT}
    assert v.vergleiche(None, None) == {}


def test_andere_schreibweise_der_datei_wird_ganz_gelesen():
    fluss = "massnahmen: [{titel: Erste, id: SP-01, status: geplant}, {id: SP-02, titel: Zweite, status: geplant}]\n"
    ergebnis = v.vergleiche(ZWEI, fluss)
    assert ergebnis == {"SP-01": v.Massnahmenaenderung("SP-01", GEAENDERT,
                                                       (Feldaenderung("partner", ["a", "b"], None),))}


def test_falsch_geschnittene_bloecke_fallen_auf_das_ganze_zurueck():
    # A quoted title running over lines looks like a second list item to the fast cut; the values decide.
    alt = 'massnahmen:\n  - id: SP-01\n    titel: "Erste\n  - id: SP-02 Zeile"\n    status: geplant\n'
    neu = alt.replace("Zeile", "Reihe")
    ergebnis = v.vergleiche(alt, neu)
    assert ergebnis == {"SP-01": v.Massnahmenaenderung(
        "SP-01", GEAENDERT, (Feldaenderung("titel", "Erste - id: SP-02 Zeile", "Erste - id: SP-02 Reihe"),))}


def test_unlesbare_fassung_wird_nicht_verglichen():
    kaputt = ersetze_in(ECHT, "SP-01", "    status: daueraufgabe\n", "    status: [daueraufgabe\n")
    assert v.vergleiche(ECHT, kaputt) is None
    assert v.vergleiche(b"\xff\xfe", ECHT) is None


def test_bytes_mit_bom_und_crlf_wie_der_loader():
    assert v.vergleiche(ECHT, b"\xef\xbb\xbf" + ECHT.replace("\n", "\r\n").encode()) == {}


# --- The history and `make diff` agree -------------------------------------------------------------------

def diff(repo: Path, *argumente: str) -> str:
    ergebnis = subprocess.run([sys.executable, str(ROOT / "scripts" / "diff_measures.py"), *argumente], cwd=repo,
                              capture_output=True, text=True, env=GIT_UMGEBUNG, timeout=120)
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ergebnis.stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """The real data, then a commit that only adds comments and quotes, then one that changes a status."""
    repo = tmp_path_factory.mktemp("vergleich")
    shutil.copytree(ROOT / "data", repo / "data")
    (repo / "docs").mkdir()
    neues_repo(repo)
    pfad = repo / "data" / "measures.yaml"
    pfad.write_text(ersetze_in(ECHT, "SP-01", "    status: daueraufgabe\n", '    status: "daueraufgabe"  # so\n'),
                    encoding="utf-8")
    git(repo, "commit", "-qam", "Nur Kommentar")
    pfad.write_text(ersetze_in(ECHT, "SP-01", "    status: daueraufgabe\n", "    status: in_umsetzung\n"),
                    encoding="utf-8")
    git(repo, "commit", "-qam", "Status")
    return repo


def test_verlauf_und_diff_sagen_dasselbe(repo):
    geschichte = versionsgeschichte.lies(repo)
    assert geschichte.verfuegbar, geschichte.grund
    status, kommentar, anfang = geschichte.aenderungen
    assert kommentar.zusammenfassung == "Nur Kommentar" and kommentar.verglichen and kommentar.massnahmen == ()
    assert "Keine Maßnahme wurde hinzugefügt, geändert oder entfernt." in diff(repo, "HEAD~2", "HEAD~1")
    assert status.geaendert == ("SP-01",)
    assert status.vergleich["SP-01"].felder == (Feldaenderung("status", "daueraufgabe", "in_umsetzung"),)
    assert "**⚠️ Status: Daueraufgabe → In Umsetzung**" in diff(repo, "HEAD~1", "HEAD")
    assert set(anfang.neu) == {zeile.split(": ")[1] for zeile in ECHT.splitlines() if zeile.startswith("  - id: ")}
