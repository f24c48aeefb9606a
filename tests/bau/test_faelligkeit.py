"""What needs attention: the labels Überfällig, Bald fällig, Prüfung fällig, on working group pages, measure pages
and cards, against the reference date (STICHTAG), and the working group pages themselves."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from hilfen import mkdocs_build, projektkopie

from macros.daten import faelligkeit
from macros.daten.gruppen import gruppen

TAG = dt.date(2026, 12, 1)


def mit(daten, kennung: str, **felder):
    return dataclasses.replace(daten.massnahme(kennung), **felder)


@pytest.mark.parametrize(("felder", "erwartet"), [
    ({"ende": "2026-11-30", "status": "in_umsetzung"}, ("ueberfaellig",)),
    ({"ende": "2026-11", "status": "geplant"}, ("ueberfaellig",)),
    ({"ende": "2026", "status": "geplant"}, ("bald_faellig",)),          # a year counts to 31 December
    ({"ende": "2025", "status": "verzoegert"}, ("ueberfaellig",)),
    ({"ende": "2026-12-01", "status": "geplant"}, ("bald_faellig",)),     # today is not yet past
    ({"ende": "2027-03-01", "status": "geplant"}, ("bald_faellig",)),     # 90 days ahead
    ({"ende": "2027-03-02", "status": "geplant"}, ()),                    # 91 days ahead
    ({"ende": "2019", "status": "umgesetzt"}, ()),
    ({"ende": "2019", "status": "entfallen"}, ()),
    ({"ende": "2019", "status": "zurueckgestellt"}, ()),
    ({"stand": "2025-12-01"}, ()),                                        # exactly 12 months
    ({"stand": "2025-11-30"}, ("pruefung_faellig",)),
    ({"stand": "2025-11-30", "ende": "2020", "status": "in_umsetzung"}, ("ueberfaellig", "pruefung_faellig")),
    ({"stand": "2020-01-01", "status": "entfallen", "begruendung": "x"}, ()),
])
def test_hinweise(daten, felder, erwartet):
    massnahme = mit(daten, "SP-02", **{"ende": None, "stand": "2026-11-26", **felder})
    assert faelligkeit.hinweise(massnahme, TAG) == erwartet


def test_stichtag_aus_der_umgebung():
    assert faelligkeit.stichtag({"STICHTAG": "2026-02-03"}) == faelligkeit.Stichtag(dt.date(2026, 2, 3), True)
    assert faelligkeit.stichtag({}, heute=TAG) == faelligkeit.Stichtag(TAG, False)
    for falsch in ("2026-02-30", "1.12.2026", "2026-12", "morgen"):
        with pytest.raises(faelligkeit.StichtagFehler, match="STICHTAG.*JJJJ-MM-TT"):
            faelligkeit.stichtag({"STICHTAG": falsch})


# --- Built site ----------------------------------------------------------------------------------

def bauen(projekt: Path, ziel: Path, stichtag: str) -> subprocess.CompletedProcess:
    return mkdocs_build(projekt, ziel, umgebung={"STICHTAG": stichtag})


def setze(text: str, kennung: str, zeile: str) -> str:
    """Adds a line after a measure's `stand:` (or replaces its stand)."""
    anfang = text.index(f"  - id: {kennung}\n")
    stelle = text.index("    stand: ", anfang)
    ende = text.index("\n", stelle) + 1
    if zeile.startswith("    stand: "):
        return text[:stelle] + zeile + "\n" + text[ende:]
    return text[:ende] + zeile + "\n" + text[ende:]


@pytest.fixture(scope="module")
def faellige_site(tmp_path_factory):
    """A copy of the project with SP-02 overdue, SP-03 due soon and SP-04 due for review on 01.12.2026."""
    wurzel = tmp_path_factory.mktemp("faellig")
    projekt = projektkopie(wurzel / "projekt")
    datei = projekt / "data" / "measures.yaml"
    text = datei.read_text(encoding="utf-8")
    text = setze(text, "SP-02", "    ende: 2026-06")
    text = setze(text, "SP-03", "    ende: 2027-01-15")
    text = setze(text, "SP-04", "    stand: 2025-10-01")
    datei.write_text(text, encoding="utf-8")
    ergebnis = bauen(projekt, wurzel / "site", "2026-12-01")
    assert ergebnis.returncode == 0, ergebnis.stderr
    return wurzel / "site"


def lies(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def abschnitt(html: str, code: str) -> str:
    anfang = html.index(f'id="hinweis-{code}"')
    ende = html.find('<h3 id="hinweis-', anfang + 1)
    return html[anfang:ende if ende > 0 else html.index('id="gremium"')]


def test_gruppenseite_zeigt_was_ansteht_mit_stichtag(faellige_site):
    html = lies(faellige_site, "arbeitsgruppen/ag-sprache")
    assert 'Stichtag: <time datetime="2026-12-01">1. Dezember 2026</time> (gesetzt mit STICHTAG)' in html
    assert html.index('id="was-ansteht"') < html.index('id="massnahmen"')   # attention comes first
    assert "SP-02" in abschnitt(html, "ueberfaellig") and "SP-03" not in abschnitt(html, "ueberfaellig")
    assert "SP-03" in abschnitt(html, "bald_faellig") and "SP-02" not in abschnitt(html, "bald_faellig")
    assert "SP-04" in abschnitt(html, "pruefung_faellig") and "SP-01" not in abschnitt(html, "pruefung_faellig")
    assert "Keine." in lies(faellige_site, "arbeitsgruppen/ag-bildung")


def test_hinweise_auf_der_massnahmenseite(faellige_site):
    for kennung, label in (("sp-02", "Überfällig"), ("sp-03", "Bald fällig"), ("sp-04", "Prüfung fällig")):
        html = lies(faellige_site, f"massnahmen/{kennung}")
        assert re.search(rf'<span class="ik-hinweis ik-hinweis--\w+">{label}</span>', html), kennung
        assert 'Am Stichtag <time datetime="2026-12-01">01.12.2026</time>' in html, kennung
    assert "ik-hinweis--" not in lies(faellige_site, "massnahmen/sp-01")


def test_jede_gruppe_hat_eine_seite_mit_genau_ihren_massnahmen(site, daten):
    alle = []
    for gruppe in gruppen(daten):
        html = lies(site, gruppe.url)
        tabelle = html[html.index('<table class="ik-massnahmen ik-massnahmen--gruppe">'):]
        tabelle = tabelle[:tabelle.index("</table>")]
        gefunden = re.findall(r'<td class="ik-nr">([A-Z]+-\d+)</td>', tabelle)
        assert gefunden == [x.id for x in gruppe.massnahmen(daten)], gruppe.gremium.id
        assert f'href="../../{gruppe.kalender}"' in html, gruppe.gremium.id
        assert all(f.titel in html for f in gruppe.felder)
        alle += gefunden
    assert sorted(alle) == sorted(x.id for x in daten.massnahmen)
    namen = {g.gremium.id for g in gruppen(daten)}
    assert namen == {g.id for g in daten.gremien.values() if g.art == "arbeitsgruppe"} | {"steuerungsgruppe"}
    uebersicht = lies(site, "arbeitsgruppen")
    assert all(f'href="../{g.url}"' in uebersicht for g in gruppen(daten))
    assert "Tag des Baus" in uebersicht


def test_falscher_stichtag_haelt_den_bau_an(tmp_path):
    projekt = projektkopie(tmp_path / "projekt")
    ergebnis = bauen(projekt, tmp_path / "site", "2026-13-01")
    assert ergebnis.returncode == 1
    assert "STICHTAG hat den Wert „2026-13-01“" in ergebnis.stderr and "Traceback" not in ergebnis.stderr


def test_uebersicht_hat_die_hinweise_in_jeder_zeile(faellige_site):
    html = lies(faellige_site, "massnahmen")
    assert re.search(r'<tr data-id="SP-02"[^>]* data-hinweise="ueberfaellig"', html)
    assert re.search(r'<tr data-id="SP-04"[^>]* data-hinweise="pruefung_faellig"', html)
    assert '<option value="ueberfaellig">Überfällig (1)</option>' in html
    zeilen = (faellige_site / "massnahmen" / "zeilen.json").read_text(encoding="utf-8")
    assert '"id":"SP-03","feld":"sprache","status":"geplant","federfuehrung":"ag-sprache",' \
           '"hinweise":"bald_faellig"' in zeilen


@pytest.mark.browser
def test_filter_nach_hinweis_im_browser(faellige_site, desktop):
    from macros.entwicklung.lokale_site import starte_server  # noqa: PLC0415

    laufend = starte_server(faellige_site)
    try:
        desktop.goto(laufend.url("massnahmen/") + "?hinweis=ueberfaellig", wait_until="load")
        sichtbar = lambda: desktop.eval_on_selector_all(  # noqa: E731
            "table.ik-massnahmen--alle tbody tr[data-id]", "zs => zs.filter(z => !z.hidden).map(z => z.dataset.id)")
        assert sichtbar() == ["SP-02"]
        desktop.get_by_label("Hinweis", exact=True).select_option("bald_faellig")
        assert sichtbar() == ["SP-03"] and "hinweis=bald_faellig" in desktop.url
        desktop.get_by_label("Hinweis", exact=True).select_option("")
        assert len(sichtbar()) > 20
    finally:
        laufend.stop()
