"""scripts/diff_measures.py on real temporary git repositories: add, change, retire, removal and reuse refused."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hilfen import ROOT, ohne_uebersetzungen

from macros.entwicklung.probegit import GIT_UMGEBUNG, git, neues_repo

SKRIPT = ROOT / "scripts" / "diff_measures.py"


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository with the project's real data committed on main, and a branch `vorschlag` checked out."""
    if shutil.which("git") is None:
        pytest.fail("git fehlt: bitte installieren (apt-get install git).")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    neues_repo(tmp_path)
    git(tmp_path, "checkout", "-qb", "vorschlag")
    return tmp_path


def aendere(repo: Path, alt: str, neu: str, datei: str = "data/measures.yaml") -> None:
    """Replaces one exact piece of text (it must occur) in a data file."""
    pfad = repo / datei
    text = pfad.read_text(encoding="utf-8")
    assert alt in text, alt
    pfad.write_text(text.replace(alt, neu, 1), encoding="utf-8")


def massnahmenblock(repo: Path, kennung: str) -> str:
    """The YAML text of one measure, from '  - id: X' to the next list item."""
    text = (repo / "data/measures.yaml").read_text(encoding="utf-8")
    anfang = text.index(f"  - id: {kennung}\n")
    ende = text.find("\n  - id: ", anfang + 1)
    return text[anfang:] if ende < 0 else text[anfang:ende + 1]


def diff(repo: Path, *argumente: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SKRIPT), *argumente], cwd=repo, capture_output=True, text=True,
                          env=GIT_UMGEBUNG, timeout=120)


def test_keine_aenderung(repo):
    ergebnis = diff(repo)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "Keine Maßnahme wurde hinzugefügt, geändert oder entfernt." in ergebnis.stdout


def test_neue_massnahme_erscheint_unter_ihrem_handlungsfeld(repo):
    neu = ("  - id: SP-90\n    titel: Probe <b>fett</b> | Pipe *Stern*\n    handlungsfeld: sprache\n"
           "    beschreibung: Nur für den Test.\n    ziel: Test.\n    federfuehrung: kreisverwaltung\n"
           "    status: geplant\n    beschlussstand: vorschlag\n    quelle: [vorschlag-redaktion]\n"
           "    stand: 2026-11-26\n")
    pfad = repo / "data/measures.yaml"
    pfad.write_text(pfad.read_text(encoding="utf-8") + neu, encoding="utf-8")
    git(repo, "commit", "-qam", "neue Maßnahme")
    ergebnis = diff(repo, "main", "HEAD")
    assert ergebnis.returncode == 0, ergebnis.stderr
    text = ergebnis.stdout
    assert "1 neu, 0 geändert, 0 entfallen" in text
    abschnitt = text[text.index("### Sprache"):]
    assert "**Neu**" in abschnitt and "SP-90" in abschnitt
    # YAML text is escaped for Markdown: no raw HTML, no table-breaking pipe, no emphasis.
    assert "<b>" not in text and r"\<b\>fett\</b\>" in text
    assert r"\| Pipe \*Stern\*" in text
    assert "Vorschlag – nicht beschlossen" in abschnitt


def test_aenderung_feld_fuer_feld_mit_hervorgehobenem_status(repo):
    block = massnahmenblock(repo, "SP-01")
    assert "status: daueraufgabe" in block and "verlauf:" not in block
    aendere(repo, block, block.replace("status: daueraufgabe", "status: in_umsetzung")
            .replace("ziel: ", "ziel: Neu – ", 1))
    ergebnis = diff(repo)   # working tree against the merge-base with main
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "0 neu, 1 geändert, 0 entfallen" in ergebnis.stdout
    assert "**⚠️ Status: Daueraufgabe → In Umsetzung**" in ergebnis.stdout
    assert "Ziel: „Wer Deutsch lernen will" in ergebnis.stdout and "→ „Neu – Wer Deutsch" in ergebnis.stdout
    assert "Verglichen: Abzweig von main" in ergebnis.stdout and "→ Arbeitskopie" in ergebnis.stdout


def test_entfallen_mit_begruendung(repo):
    block = massnahmenblock(repo, "SP-01")
    aendere(repo, block, block.replace("status: daueraufgabe",
                                       "status: entfallen\n    begruendung: Für den Test weggefallen."))
    git(repo, "commit", "-qam", "entfällt")
    ergebnis = diff(repo, "main", "HEAD")
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "0 neu, 0 geändert, 1 entfallen" in ergebnis.stdout
    abschnitt = ergebnis.stdout[ergebnis.stdout.index("**Entfallen**"):]
    assert "SP-01" in abschnitt and "Begründung: „Für den Test weggefallen.“" in abschnitt
    assert "**⚠️ Status: Daueraufgabe → Entfallen**" in abschnitt


def test_entfernte_kennung_wird_abgelehnt(repo):
    block = massnahmenblock(repo, "SP-01")
    aendere(repo, block, "")
    ohne_uebersetzungen(repo / "data", "SP-01")
    git(repo, "commit", "-qam", "SP-01 gelöscht")
    ergebnis = diff(repo, "main", "HEAD")
    assert ergebnis.returncode == 1
    assert "SP-01" in ergebnis.stderr and "nie gelöscht" in ergebnis.stderr
    assert "Kennungen müssen stabil bleiben" in ergebnis.stdout


def test_wiederverwendete_kennung_wird_abgelehnt(repo):
    # The loader allows the id in another field only through an earlier prefix; then only the diff can tell.
    aendere(repo, "    praefix: BI\n", "    praefix: BI\n    fruehere_praefixe: [SP]\n", "data/handlungsfelder.yaml")
    block = massnahmenblock(repo, "SP-01")
    aendere(repo, block, block.replace("titel: Netzwerk mit Partnern für Sprache", "titel: Etwas ganz anderes")
            .replace("handlungsfeld: sprache", "handlungsfeld: bildung"))
    git(repo, "commit", "-qam", "Kennung neu belegt")
    ergebnis = diff(repo, "main", "HEAD")
    assert ergebnis.returncode == 1, ergebnis.stdout
    assert "SP-01" in ergebnis.stderr and "wiederverwendet" in ergebnis.stderr


def test_nur_titel_geaendert_ist_erlaubt(repo):
    block = massnahmenblock(repo, "SP-01")
    aendere(repo, block, block.replace("titel: Netzwerk mit Partnern für Sprache", "titel: Sprachnetzwerk"))
    ergebnis = diff(repo)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "Titel: „Netzwerk mit Partnern für Sprache“ → „Sprachnetzwerk“" in ergebnis.stdout


def test_fehlerhafte_daten_melden_sich_deutsch_ohne_traceback(repo):
    aendere(repo, "status: daueraufgabe", "status: irgendwas")
    ergebnis = diff(repo)
    assert ergebnis.returncode == 2
    assert "fehlerhaft" in ergebnis.stderr and "irgendwas" in ergebnis.stderr
    assert "Traceback" not in ergebnis.stderr


def test_ausgabe_wird_an_die_job_zusammenfassung_angehaengt(repo, tmp_path):
    zusammenfassung = tmp_path / "summary.md"
    zusammenfassung.write_text("vorher\n", encoding="utf-8")
    ergebnis = diff(repo, "--ausgabe", str(zusammenfassung))
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert zusammenfassung.read_text(encoding="utf-8") == "vorher\n" + ergebnis.stdout


def test_gruppiert_nach_handlungsfeld_in_der_reihenfolge_der_website(repo, daten):
    for kennung in ("UB-02", "SP-01"):
        block = massnahmenblock(repo, kennung)
        aendere(repo, block, block.replace("stand: 2026-11-26", "stand: 2026-11-27"))
    ergebnis = diff(repo)
    assert ergebnis.returncode == 0, ergebnis.stderr
    ueberschriften = [z[4:] for z in ergebnis.stdout.splitlines() if z.startswith("### ")]
    reihenfolge = [f.voller_titel for f in daten.handlungsfelder]
    assert ueberschriften == sorted(ueberschriften, key=reihenfolge.index)
    assert len(ueberschriften) == 2
    assert "Stand: 26.11.2026 → 27.11.2026" in ergebnis.stdout


def test_neuer_verlaufseintrag_wird_genannt(repo):
    block = massnahmenblock(repo, "SP-01")
    aendere(repo, block, block.replace("status: daueraufgabe", "status: umgesetzt") + (
        "    verlauf:\n      - {datum: 2026-11-20, text: Für den Test umgesetzt.}\n"))
    ergebnis = diff(repo)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "Verlauf: neuer Eintrag: 20.11.2026 – Für den Test umgesetzt." in ergebnis.stdout


def test_geaenderte_beschreibung_macht_uebersetzungen_veraltet(repo):
    """A changed German description lists that measure's translation in every language as outdated; a renewed
    fingerprint (the translator's mark) takes it off the list again."""
    import yaml

    from macros.daten import uebersetzungen

    alt = "Beim Thema Sprache ist der Landkreis mit vielen Kooperationspartnern eng vernetzt."
    aendere(repo, alt, alt.replace("vielen", "sehr vielen"))
    git(repo, "commit", "-qam", "SP-01 genauer")
    ergebnis = diff(repo, "main", "HEAD")
    assert ergebnis.returncode == 0, ergebnis.stderr
    abschnitt = ergebnis.stdout[ergebnis.stdout.index("Übersetzungen, die diese Änderung veraltet macht"):]
    sprachen = yaml.safe_load((repo / "data" / "sprachen.yaml").read_text(encoding="utf-8"))["sprachen"]
    assert len(sprachen) >= 4
    for sprache in sprachen:
        teil = abschnitt[abschnitt.index(f"({sprache['code']})**"):]
        assert teil.split("\n\n")[1].startswith("- SP-01 Netzwerk mit Partnern für Sprache"), teil
        assert f"data/uebersetzungen/{sprache['code']}.yaml:" in teil
    assert abschnitt.count("- SP-01 ") == len(sprachen)
    assert "ST-01" not in abschnitt

    text = (repo / "data/measures.yaml").read_text(encoding="utf-8")
    neu = next(x for x in yaml.safe_load(text)["massnahmen"] if x["id"] == "SP-01")
    fingerabdruck = uebersetzungen.fingerabdruck(neu["titel"], neu["beschreibung"])
    for sprache in sprachen:
        datei = f"data/uebersetzungen/{sprache['code']}.yaml"
        block = (repo / datei).read_text(encoding="utf-8").split("- id: SP-01\n", 1)[1].split("\n- id:", 1)[0]
        bisher = block.split("grundlage: ", 1)[1].split("\n", 1)[0]
        aendere(repo, block, block.replace(bisher, fingerabdruck), datei)
    git(repo, "commit", "-qam", "Übersetzungen erneuert")
    ergebnis = diff(repo, "main", "HEAD")
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "Übersetzungen, die diese Änderung veraltet macht" not in ergebnis.stdout
