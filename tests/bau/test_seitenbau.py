"""How the site is built fast: measure pages from one shell, the macros' lists past Markdown, `make serve` keeping
what a save did not change. Each shortcut must give the site MkDocs gives when it builds every page itself.

The comparison build (IK_VERGLEICHSBAU=1) sends every page through MkDocs' whole pipeline as before the
shortcuts: a Markdown page per measure, the lists through Markdown. Between the two builds nothing may differ,
no page, not the search index, not the sitemap. The only thing that could, the date MkDocs writes into the
sitemap, is fixed for both with SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from hilfen import EPOCHE, ROOT, mkdocs_build, projektkopie
from material.plugins.search.plugin import SearchIndex

from macros.ausgabe import massnahmenseiten
from macros.darstellung import adressen, bloecke, seiten, seitenteilung, sprachformat, sprachseiten
from macros.daten.loader import lade_daten
from macros.entwicklung.lokale_site import starte_server

PLATZHALTER = (seiten.SCHALE_ANKER, seiten.SCHALE_TITEL, seiten.SCHALE_INHALT, "data-ik-block")


def bau(projekt: Path, ziel: Path, vergleich: bool) -> Path:
    """`mkdocs build --strict` of projekt into ziel, with the shortcuts or as the comparison build."""
    ergebnis = mkdocs_build(projekt, ziel, timeout=1200, umgebung={
        "SOURCE_DATE_EPOCH": EPOCHE, bloecke.VERGLEICHSBAU: "1" if vergleich else "0"})
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ziel


def dateien(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def unterschiede(alt: Path, neu: Path) -> list[str]:
    """Every file only one site has, and every file whose bytes differ."""
    a, b = dateien(alt), dateien(neu)
    return ([f"nur im Vergleichsbau: {p}" for p in sorted(a.keys() - b.keys())]
            + [f"nur im schnellen Bau: {p}" for p in sorted(b.keys() - a.keys())]
            + [f"anders: {p}" for p in sorted(a.keys() & b.keys()) if a[p].read_bytes() != b[p].read_bytes()])


def suchindex(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.fixture(scope="module")
def echte_sites(vergleichssite, site) -> tuple[Path, Path]:
    """The real site built both ways: (comparison build, fast build: the session's site)."""
    return vergleichssite, site


@pytest.fixture(scope="module")
def grosse_sites(grosser_katalog) -> tuple[Path, Path, Path]:
    """The large catalogue of the session (conftest.py): (project, comparison build, fast build)."""
    return grosser_katalog


# --- The real data: every page as before -------------------------------------------------------------------

def test_echte_site_gleicht_dem_bau_seite_fuer_seite(echte_sites, daten):
    alt, neu = echte_sites
    assert unterschiede(alt, neu) == []
    seiten_alt = [f"massnahmen/{x.anker}/index.html" for x in daten.massnahmen]
    assert all((alt / p).is_file() for p in seiten_alt)  # the comparison really holds every measure page


def test_jede_massnahmenseite_ist_eine_ganze_seite(echte_sites, daten):
    """Header, navigation, search, footer, the history section and the search entry of each measure page
    (the comparison says they are as before; this says what "as before" holds)."""
    _, neu = echte_sites
    eintraege = {e["location"]: e for e in suchindex(neu)}
    for x in daten.massnahmen:
        html = (neu / "massnahmen" / x.anker / "index.html").read_text(encoding="utf-8")
        assert f"<title>Maßnahme {x.id} - " in html
        for teil in ('<header class="md-header', 'class="md-nav md-nav--primary"', 'data-md-component="search"',
                     '<footer class="md-footer">', 'class="ik-aenderungen"', "Stand laut Daten"):
            assert teil in html, (x.id, teil)
        assert html.split('<link rel="canonical" href="', 1)[1].split('"', 1)[0].endswith(f"/massnahmen/{x.anker}/")
        # Generated pages have no edit link (there is no Markdown file to edit), as before.
        assert "md-content__button" not in html
        assert eintraege[f"massnahmen/{x.anker}/"]["title"] == f"Maßnahme {x.id}"
        assert eintraege[f"massnahmen/{x.anker}/#titel-{x.anker}"]["title"] == f"{x.id} {x.titel}"


def test_von_schale_und_platzhaltern_bleibt_nichts(echte_sites, grosse_sites):
    for site in (echte_sites[1], grosse_sites[2]):
        assert not (site / adressen.MASSNAHMEN_ORDNER / seiten.SCHALE_ANKER).exists()
        assert not (site / massnahmenseiten.LAGER).exists()
        for pfad, datei in dateien(site).items():
            if datei.suffix in (".html", ".json", ".xml"):
                text = datei.read_text(encoding="utf-8")
                assert not [p for p in PLATZHALTER if p in text], pfad


def test_hooks_laufen_nach_den_plugins():
    """The measure pages' search entries go into the index the search plugin wrote: its on_post_build must
    have run first. MkDocs runs the hooks after the plugins for each event."""
    from mkdocs.config import load_config  # noqa: PLC0415

    namen = list(load_config(str(ROOT / "mkdocs.yml")).plugins)
    assert namen.index("material/search") < namen.index("macros/hooks.py"), namen


# --- A large catalogue: the search index holds titles only, lists run over several pages -------------------

def test_grosser_katalog_gleicht_dem_bau_seite_fuer_seite(grosse_sites):
    projekt, alt, neu = grosse_sites
    assert unterschiede(alt, neu) == []
    daten = lade_daten(projekt / "data")
    assert len(daten.massnahmen) == seitenteilung.SUCHE_VOLL_BIS + 1
    assert sum(1 for x in daten.massnahmen if (neu / "massnahmen" / x.anker / "index.html").is_file()) == 1001
    assert (neu / "massnahmen" / "seite-6" / "index.html").is_file()  # 1,001 rows: six pages of the overview
    assert not (neu / "massnahmen" / "seite-7").exists()


def test_suchindex_des_grossen_katalogs_nennt_jede_massnahme_mit_titel(grosse_sites):
    projekt, _, neu = grosse_sites
    daten = lade_daten(projekt / "data")
    titel = {e["location"]: e["title"] for e in suchindex(neu)}
    for x in daten.massnahmen:
        assert titel[f"massnahmen/{x.anker}/#titel-{x.anker}"] == f"{x.id} {x.titel}"


def test_sucheintraege_wie_materials_indexer_ueber_die_ganze_seite(grosse_sites):
    """With titles only, the fast path indexes the heading and the link back; Material's indexer over the whole
    content of each built page gives the same entries."""
    projekt, _, neu = grosse_sites
    daten = lade_daten(projekt / "data")
    eintraege = {}
    for e in suchindex(neu):
        eintraege.setdefault(e["location"].split("#")[0], []).append(e)
    for x in daten.massnahmen[::37]:
        html = (neu / "massnahmen" / x.anker / "index.html").read_text(encoding="utf-8")
        inhalt = html.split('<article class="md-content__inner md-typeset">', 1)[1].rsplit("</article>", 1)[0]
        index = SearchIndex()
        seite = type("Seite", (), {"url": f"massnahmen/{x.anker}/", "title": f"Maßnahme {x.id}", "toc": [],
                                   "meta": {"title": f"Maßnahme {x.id}", "search": {"boost": 0.5}},
                                   "content": inhalt})
        index.add_entry_from_context(seite)
        assert index.entries == eintraege[f"massnahmen/{x.anker}/"], x.id


@pytest.mark.browser
def test_die_suche_findet_eine_massnahme_an_ihrem_titel(grosse_sites, browser):
    projekt, _, neu = grosse_sites
    daten = lade_daten(projekt / "data")
    gesucht = max(daten.massnahmen[-200:], key=lambda x: len(set(x.titel.split())))
    server = starte_server(neu)
    try:
        seite = browser.new_context(locale="de-DE", service_workers="block").new_page()
        seite.goto(server.url(""), wait_until="networkidle")
        seite.locator("input.md-search__input").click()
        seite.keyboard.type(gesucht.titel)
        # The best hit: the measure's page (its link carries Material's ?h= for highlighting).
        erster = seite.locator(".md-search-result__item").first
        erster.wait_for(timeout=30000)
        treffer = erster.locator(f'.md-search-result__link[href*="/massnahmen/{gesucht.anker}/"]')
        assert gesucht.titel in treffer.last.inner_text()
        treffer.last.click()
        seite.wait_for_url(f"**/massnahmen/{gesucht.anker}/**")
        assert seite.locator("h1").first.inner_text() == f"{gesucht.id} {gesucht.titel}"
        seite.context.close()
    finally:
        server.stop()


# --- make serve: builds in one process keep what did not change --------------------------------------------

@contextlib.contextmanager
def serve_bauten(projekt: Path, site: Path):
    """Builds as `mkdocs serve` makes them: in this process, into one folder, keeping what a save did not change;
    yields the function that builds once more."""
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    from macros.entwicklung import vorschau  # noqa: PLC0415

    umgebung = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCHE}
    vorher = {k: os.environ.get(k) for k in (*umgebung, bloecke.VERGLEICHSBAU)}
    os.environ.update(umgebung)
    os.environ.pop(bloecke.VERGLEICHSBAU, None)
    erster = [True]

    def baue() -> None:
        config = load_config(str(projekt / "mkdocs.yml"), site_dir=str(site))
        if erster[0]:
            config.plugins.on_startup(command="serve", dirty=False)
            erster[0] = False
        with contextlib.chdir(projekt):   # the snippets' base_path is relative to it
            build(config)

    try:
        yield baue
    finally:
        vorschau.einrichten("build")
        for schluessel, wert in vorher.items():
            if wert is None:
                os.environ.pop(schluessel, None)
            else:
                os.environ[schluessel] = wert


def neue_signatur(pfad: Path, text: str) -> None:
    """Writes the file with a modification time one second later, a new signature even on a coarse clock."""
    stempel = pfad.stat().st_mtime_ns
    pfad.write_text(text, encoding="utf-8")
    os.utime(pfad, ns=(stempel + 10**9, stempel + 10**9))


def test_neubau_im_selben_prozess_wie_ein_frischer_bau(tmp_path):
    """As in `mkdocs serve`: several builds in one process into one folder, with changes to the measures in
    between. Unchanged measure pages stay as written; each result equals a fresh build of the same state."""
    projekt = projektkopie(tmp_path / "projekt")
    messung = projekt / "data" / "measures.yaml"
    site = tmp_path / "site"
    with serve_bauten(projekt, site) as baue:
        baue()
        daten = lade_daten(projekt / "data")
        geaendert, bleibt, entfernt = daten.massnahmen[0], daten.massnahmen[1], daten.massnahmen[-1]
        # Another measure's new status changes the overview's filter counts and the working groups' lists.
        neuer_status = next(x for x in daten.massnahmen[2:-1] if x.status == "geplant")
        bleibt_seite = site / "massnahmen" / bleibt.anker / "index.html"
        stempel = bleibt_seite.stat().st_mtime_ns

        # A new title for one measure, a new status for another: only the measures changed.
        text = messung.read_text(encoding="utf-8")
        text = text.replace(f"titel: {geaendert.titel}", "titel: Ein neuer Titel für die Probe", 1)
        kopf, rest = text.split(f"  - id: {neuer_status.id}\n", 1)
        text = kopf + f"  - id: {neuer_status.id}\n" + rest.replace("status: geplant", "status: in_umsetzung", 1)
        neue_signatur(messung, text)
        baue()

        assert "Ein neuer Titel für die Probe" in (site / "massnahmen" / geaendert.anker / "index.html").read_text(
            encoding="utf-8")
        assert lade_daten(projekt / "data").massnahme(neuer_status.id).status == "in_umsetzung"
        assert bleibt_seite.stat().st_mtime_ns == stempel  # kept, not written again
        assert not (site / massnahmenseiten.LAGER).exists()
        assert unterschiede(bau(projekt, tmp_path / "frisch", vergleich=True), site) == []

        # A measure removed, with its translations.
        kopf, rest = text.split(f"  - id: {entfernt.id}\n", 1)
        naechste = rest.find("\n  - id:")
        neue_signatur(messung, kopf + (rest[naechste + 1:] if naechste >= 0 else ""))
        for uebersetzung in (projekt / "data" / "uebersetzungen").glob("*.yaml"):
            kopf, _, rest = uebersetzung.read_text(encoding="utf-8").partition(f"- id: {entfernt.id}\n")
            uebersetzung.write_text(kopf + rest[rest.find("\n- id:") + 1:] if "\n- id:" in rest else kopf,
                                    encoding="utf-8")
        baue()

        assert not (site / "massnahmen" / entfernt.anker).exists()
        assert bleibt_seite.stat().st_mtime_ns == stempel
        assert unterschiede(bau(projekt, tmp_path / "frisch-ohne", vergleich=True), site) == []

        # A snippet every page includes: no page keeps its HTML from the build before.
        abkuerzungen = projekt / "docs" / "includes" / "abkuerzungen.md"
        text = abkuerzungen.read_text(encoding="utf-8")
        assert "*[AG]: Arbeitsgruppe\n" in text
        abkuerzungen.write_text(text.replace("*[AG]: Arbeitsgruppe\n", "*[AG]: Arbeitsgruppe (Probe)\n"),
                                encoding="utf-8")
        baue()
        assert 'title="Arbeitsgruppe (Probe)"' in (site / "begriffe" / "index.html").read_text(encoding="utf-8")
        assert unterschiede(bau(projekt, tmp_path / "frisch2", vergleich=True), site) == []


def test_neubau_eines_langen_katalogs_wie_ein_frischer_bau(grosse_sites, tmp_path):
    """`make serve` with every list over several pages: a save that changes one measure's status changes the
    pages of each list that do not show it (the overview's filter counts, the working groups' labels). Built first
    with that status, then saved back to the catalogue's data, the site equals the fresh build of that data."""
    projekt_gross, _, neu = grosse_sites
    projekt = tmp_path / "projekt"
    shutil.copytree(projekt_gross, projekt)
    messung = projekt / "data" / "measures.yaml"
    original = messung.read_text(encoding="utf-8")
    erste = lade_daten(projekt / "data").massnahmen[0]
    status = "umgesetzt" if erste.status != "umgesetzt" else "geplant"
    kopf, rest = original.split(f"  - id: {erste.id}\n", 1)
    neue_signatur(messung, kopf + f"  - id: {erste.id}\n" + rest.replace(f"status: {erste.status}",
                                                                        f"status: {status}", 1))
    assert lade_daten(projekt / "data").massnahmen[0].status == status
    site = tmp_path / "site"
    with serve_bauten(projekt, site) as baue:
        baue()
        neue_signatur(messung, original)
        baue()
    assert unterschiede(neu, site) == []


def test_liste_jeder_sprache_ist_geteilt_wie_die_deutsche_uebersicht(grosse_sites):
    """A long catalogue's list in each language is split over pages of the overview's length: every measure once,
    in the order of the data, page links in the language's digits, further pages out of the search index and
    without hreflang counterparts."""
    projekt, _, neu = grosse_sites
    daten = lade_daten(projekt / "data")
    seiten = seitenteilung.seitenzahl(len(daten.massnahmen), seitenteilung.ZEILEN_JE_SEITE)
    assert seiten > 1
    im_index = {e["location"].split("#")[0] for e in suchindex(neu)}
    for sprache in daten.sprachen:
        zeilen = []
        for n in range(1, seiten + 1):
            url = seitenteilung.unterseite(adressen.sprache_massnahmen(sprache.code), n)
            html = (neu / url / "index.html").read_text(encoding="utf-8")
            zeilen += re.findall(r'<tr id="([a-z0-9-]+)">', html)
            aktuell = re.search(r'<nav class="ik-blaettern"[^>]*>.*?<a href="[^"]+" aria-current="page">([^<]+)</a>',
                                html, re.S)
            assert aktuell and aktuell.group(1) == sprachformat.zahl(n, sprache.code), (sprache.code, n)
            assert (url in im_index) == (n == 1 and len(daten.massnahmen) <= sprachseiten.LISTE_IN_DER_SUCHE_BIS)
            assert ('rel="alternate"' in html) == (n == 1), (sprache.code, n)
        assert zeilen == [x.anker for x in daten.massnahmen], sprache.code
