"""The page Entwicklung: status counts over time from the git history, as a chart and a table; without git a note."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from hilfen import mkdocs_build, projektkopie

from macros.ausgabe.versionsgeschichte import perioden, status_zaehlung
from macros.entwicklung.probegit import git, neues_repo


def test_perioden_quartale_monate_tage():
    einheit, liste = perioden([dt.date(2025, 2, 10), dt.date(2026, 1, 20)])
    assert einheit == "quartal" and liste[0] == (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert liste[-1] == (dt.date(2026, 1, 1), dt.date(2026, 3, 31)) and len(liste) == 5
    assert perioden([dt.date(2026, 9, 30), dt.date(2026, 11, 2)])[0] == "monat"
    assert perioden([dt.date(2026, 11, 26), dt.date(2026, 12, 1)]) == (
        "tag", [(dt.date(2026, 11, 26),) * 2, (dt.date(2026, 12, 1),) * 2])


def test_status_zaehlung_liest_nur_die_felder_der_massnahme():
    text = b"""massnahmen:
  - id: SP-01
    status: geplant
    verlauf:
      - datum: 2026-01-01
        status: umgesetzt
        text: alt
  - {id: SP-02, status: entfallen}
  - id: SP-03
    status: "in_umsetzung"
"""
    assert status_zaehlung(text) == {"geplant": 1, "entfallen": 1, "in_umsetzung": 1}
    ohne_flow = text.replace(b"  - {id: SP-02, status: entfallen}\n", b"")
    assert status_zaehlung(ohne_flow) == {"geplant": 1, "in_umsetzung": 1}
    assert status_zaehlung(b"massnahmen:\n- {id: SP-02, status: entfallen}\n") == {"entfallen": 1}
    assert status_zaehlung(b"massnahmen: [") is None


def zeilen(html: str) -> dict[str, list[str]]:
    tabelle = html[html.index('<table class="ik-status-tabelle ik-status-tabelle--entwicklung">'):]
    tabelle = tabelle[:tabelle.index("</table>")]
    kopf = re.findall(r'<th scope="col">([^<]+)</th>', tabelle)
    return {"": kopf, **{z[0]: list(z[1:]) for z in (
        [re.search(r'<th scope="row">([^<]+)</th>', r).group(1), *re.findall(r"<td>(\d+)</td>", r)]
        for r in re.findall(r"<tr><th scope=\"row\">.*?</tr>", tabelle))}}


def test_entwicklung_je_quartal_aus_der_geschichte(tmp_path):
    if shutil.which("git") is None:
        pytest.fail("git fehlt: bitte installieren (apt-get install git).")
    projekt = projektkopie(tmp_path / "projekt")
    neues_repo(projekt, datum="2025-02-10T10:00:00+01:00")
    datei = projekt / "data" / "measures.yaml"
    for status, datum in (("in_umsetzung", "2025-08-05T10:00:00+02:00"), ("umgesetzt", "2026-01-20T10:00:00+01:00")):
        text = datei.read_text(encoding="utf-8")
        anfang = text.index("  - id: SP-02\n")
        stelle = text.index("    status: ", anfang)
        ende = text.index("\n", stelle)
        datei.write_text(text[:stelle] + f"    status: {status}" + text[ende:], encoding="utf-8")
        git(projekt, "commit", "-qam", f"SP-02: {status}", datum=datum)
    ergebnis = mkdocs_build(projekt, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    html = (tmp_path / "site" / "entwicklung" / "index.html").read_text(encoding="utf-8")
    tabelle = zeilen(html)
    assert tabelle[""][:1] == ["Quartal"] and tabelle[""][-1] == "Zusammen"
    spalte = {name: i for i, name in enumerate(tabelle[""][1:-1])}
    reihen = [k for k in tabelle if k]
    assert reihen == ["1. Quartal 2025", "2. Quartal 2025", "3. Quartal 2025", "4. Quartal 2025",
                      "1. Quartal 2026, aktueller Stand"]
    geplant = [int(tabelle[r][spalte["Geplant"]]) for r in reihen]
    umgesetzt = [int(tabelle[r][spalte["Umgesetzt"]]) for r in reihen]
    assert geplant == [13, 13, 12, 12, 12] and umgesetzt == [7, 7, 7, 7, 8]
    assert all(tabelle[r][-1] == "29" for r in reihen)
    svg = html[html.index('<svg class="ik-diagramm__svg" role="img"', html.index('id="entwicklung-diagramm"')):]
    assert "<title id=\"entwicklung-diagramm-titel\">Maßnahmen nach Status, je Quartal</title>" in svg
    assert "3. Quartal 2025: 29 Maßnahmen (12 Geplant, 2 In Umsetzung" in svg


def test_ohne_geschichte_sagt_die_seite_es(site_ohne_git):
    html = (site_ohne_git / "entwicklung" / "index.html").read_text(encoding="utf-8")
    assert "Versionsgeschichte nicht verfügbar" in html and "ohne Git-Verlauf" in html
    assert "ik-status-tabelle--entwicklung" not in html
