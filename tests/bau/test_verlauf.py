"""History citizens see: page dates from git, the Änderungsverlauf, a measure's changes, the version in the footer.

Also: the build works without git history (a `git archive` tarball, a shallow clone) and says so.
"""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
from html import escape as html_escape
from pathlib import Path

import pytest
from hilfen import ROOT, ersetze_nach_kennung, mkdocs_build, projektkopie

from macros.ausgabe.versionsgeschichte import HOECHSTENS_AENDERUNGEN, VERFOLGTE_PFADE
from macros.darstellung.datum import datum_lang
from macros.darstellung.render import seiten_url
from macros.entwicklung.probegit import git, neues_repo


def lies(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def seitenstand(html: str) -> str:
    treffer = re.search(r'<p class="ik-seitenstand">(.*?)</p>', html)
    assert treffer, "kein Seitenstand auf der Seite"
    return treffer.group(1)


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


# --- The real site, built from this repository -------------------------------------------------

def test_jede_seite_zeigt_ihr_letztes_aenderungsdatum_aus_git(site):
    daten_datum = git(ROOT, "log", "-1", "--format=%cs", "--", "data")
    geprueft = 0
    for md in sorted((ROOT / "docs").rglob("*.md")):
        relativ = md.relative_to(ROOT / "docs").as_posix()
        if relativ.startswith("includes/"):
            continue
        datum = git(ROOT, "log", "-1", "--format=%cs", "--", f"docs/{relativ}")
        if not datum:
            continue   # a new file not yet committed: no git date yet
        if "{{" in md.read_text(encoding="utf-8"):
            datum = max(datum, daten_datum)   # the page shows data, so their last change counts too
        assert text(seitenstand(lies(site, seiten_url(relativ)))) == f"Zuletzt geändert: {datum_lang(datum)}", relativ
        geprueft += 1
    assert geprueft > 10


def test_massnahmenseiten_zeigen_stand_und_verlauf(site, daten):
    for massnahme in daten.massnahmen:
        html = lies(site, f"massnahmen/{massnahme.anker}")
        assert f"Stand laut Daten: {datum_lang(massnahme.stand)}" in text(html), massnahme.id
        assert "Änderungen an dieser Maßnahme" in html
        for eintrag in massnahme.verlauf:
            assert f'<time datetime="{eintrag.datum}">' in html, (massnahme.id, eintrag.datum)


def test_aenderungsverlauf_listet_die_letzten_aenderungen(site):
    html = lies(site, "aenderungsverlauf")
    hoechstens = min(HOECHSTENS_AENDERUNGEN, int(git(ROOT, "rev-list", "--count", "HEAD", "--", *VERFOLGTE_PFADE)))
    zeilen = re.findall(r"<tr>\s*<td class=\"ik-zahl\">", html)
    assert 0 < len(zeilen) <= hoechstens   # changes that touch no content are left out
    for betreff in git(ROOT, "log", f"-{HOECHSTENS_AENDERUNGEN}", "--format=%s", "--", *VERFOLGTE_PFADE).splitlines():
        assert html_escape(betreff) not in html, betreff   # commit messages are written for developers


def test_fuss_nennt_den_commit(site):
    kurz = git(ROOT, "rev-parse", "--short=7", "HEAD")
    for url in ("", "handlungsfelder/sprache", "aenderungsverlauf"):
        fuss = lies(site, url).split('<footer class="md-footer">', 1)[1]
        assert f"Commit {kurz}" in fuss, url


# --- Without git history -------------------------------------------------------------------------

def test_bau_aus_git_archive_ohne_verlauf(tmp_path):
    archiv = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, capture_output=True, check=True)
    projekt = tmp_path / "projekt"
    with tarfile.open(fileobj=io.BytesIO(archiv.stdout)) as tar:
        tar.extractall(projekt, filter="data")
    assert not (projekt / ".git").exists()
    ergebnis = mkdocs_build(projekt, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    site = tmp_path / "site"
    assert "Stand laut Daten" in seitenstand(lies(site, "")) and "Versionsgeschichte nicht verfügbar" in lies(site, "")
    verlauf = lies(site, "aenderungsverlauf")
    assert "Versionsgeschichte nicht verfügbar" in verlauf and "ohne Git-Verlauf" in verlauf
    assert "Version: nicht bekannt" in verlauf.split('<footer class="md-footer">', 1)[1]


# --- A small repository with a known history ---------------------------------------------------

@pytest.fixture(scope="module")
def probe_repo(tmp_path_factory) -> Path:
    """A project copy with three commits: the start, a status change of SP-01, a new text; tagged as a Fassung."""
    repo = projektkopie(tmp_path_factory.mktemp("probe"))
    neues_repo(repo)
    pfad = repo / "data" / "measures.yaml"
    pfad.write_text(ersetze_nach_kennung(pfad.read_text(encoding="utf-8"), "SP-01", "    status: daueraufgabe\n",
                                         "    status: in_umsetzung\n"), encoding="utf-8")
    git(repo, "commit", "-qam", "Sprachnetzwerk <wieder> in Umsetzung")
    (repo / "docs" / "leitlinien.md").write_text("# Leitlinien\n\nNeu gefasst.\n", encoding="utf-8")
    git(repo, "commit", "-qam", "Leitlinien neu gefasst")
    git(repo, "tag", "-a", "fassung-2026-11", "-m", "Probe")
    return repo


@pytest.fixture(scope="module")
def probe_site(probe_repo, tmp_path_factory) -> Path:
    ziel = tmp_path_factory.mktemp("probe-site")
    ergebnis = mkdocs_build(probe_repo, ziel)
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ziel


def test_aenderungsverlauf_nennt_geaenderte_massnahmen(probe_site):
    html = lies(probe_site, "aenderungsverlauf")
    zeile = next(z for z in html.split("<tr>") if "SP-01</a>:" in z)
    assert '<a href="../massnahmen/sp-01/">SP-01</a>: Status: Daueraufgabe → In Umsetzung' in zeile
    assert "Sprachnetzwerk" not in html   # the commit message has no „Änderung:“ line for readers
    zeilen = html.split("<tbody>", 1)[1].split("<tr>")   # the table's rows, not the navigation above it
    leitlinien = next(z for z in zeilen if "../leitlinien/" in z)
    assert '<a href="../leitlinien/">Leitlinien</a> (Anfang der Seite' in leitlinien
    assert "Leitlinien neu gefasst" not in html
    assert len(re.findall(r"<tr>\s*<td class=\"ik-zahl\">", html)) == 3


def test_massnahme_zeigt_ihre_aenderungen_aus_git(probe_site):
    html = lies(probe_site, "massnahmen/sp-01")
    abschnitt = html.split('class="ik-aenderungen"', 1)[1]
    assert "Status: Daueraufgabe → In Umsetzung" in abschnitt
    assert "neu aufgenommen" in abschnitt and "Ausgangsstand" not in abschnitt
    assert "Leitlinien" not in abschnitt
    assert "Status: Daueraufgabe" not in lies(probe_site, "massnahmen/ub-02").split('class="ik-aenderungen"', 1)[1]


def test_fuss_nennt_die_fassung(probe_site):
    fuss = lies(probe_site, "").split('<footer class="md-footer">', 1)[1]
    assert "Fassung fassung-2026-11" in fuss


def test_flacher_klon_baut_und_sagt_es(probe_repo, tmp_path):
    klon = tmp_path / "klon"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{probe_repo}", str(klon))
    assert git(klon, "rev-parse", "--is-shallow-repository") == "true"
    ergebnis = mkdocs_build(klon, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    verlauf = lies(tmp_path / "site", "aenderungsverlauf")
    assert "unvollständig (flacher Klon)" in verlauf
    assert "Stand laut Daten" in seitenstand(lies(tmp_path / "site", "leitlinien"))
    assert "Commit " in verlauf.split('<footer class="md-footer">', 1)[1]


@pytest.mark.parametrize(("beschreibung", "geaendert", "erwartet"), [
    ("fassung-2019-05", False, "Fassung fassung-2019-05 (Commit abcdef1 vom 13.05.2019)."),
    ("fassung-2019-05-3-gabcdef1", False, "Gebaut aus Commit abcdef1 vom 13.05.2019, nach fassung-2019-05."),
    ("abcdef1", True, "Gebaut aus Commit abcdef1 vom 13.05.2019, mit noch nicht gespeicherten Änderungen."),
])
def test_versionstext(beschreibung, geaendert, erwartet):
    from macros.ausgabe.versionsgeschichte import Version
    assert Version("abcdef1" + "0" * 33, "2019-05-13", beschreibung, geaendert).text() == erwartet


def test_versionstext_ohne_git():
    from macros.ausgabe.versionsgeschichte import Version
    assert Version().text() == "Version: nicht bekannt (gebaut ohne Git-Verlauf)."
