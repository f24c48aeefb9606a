"""The Arabic and the Ukrainian pages in Chromium at phone and desktop width: right to left where the language
is, no sideways scrolling, table columns and status marks in order and in view, the navigation in the drawer;
Lighthouse accessibility 100 on both start pages; the site search finds translated pages."""

from __future__ import annotations

import pytest

from browser.fixtures import DESKTOP, PHONE, brauche_chromium, brauche_node_modules, node
from macros.darstellung import adressen
from macros.entwicklung import lighthouse as lh

pytestmark = pytest.mark.browser

SEITEN = [(code, url(code)) for code in ("ar", "uk") for url in (adressen.sprache_start, adressen.sprache_massnahmen)]

LAGE = """() => {
  const innen = document.documentElement.clientWidth;
  const koepfe = [...document.querySelectorAll('.ik-sprachliste thead th')].map(th => th.getBoundingClientRect());
  const marken = [...document.querySelectorAll('.ik-status, .ik-beschluss')].map(m => m.getBoundingClientRect());
  return {breite: document.documentElement.scrollWidth, innen,
          richtung: getComputedStyle(document.body).direction, lang: document.documentElement.lang,
          koepfe: koepfe.map(r => [r.left, r.right]),
          marken_ausserhalb: marken.filter(r => r.left < 0 || r.right > innen).length, marken: marken.length};
}"""


@pytest.mark.parametrize("breite", [PHONE, DESKTOP], ids=["390", "1280"])
def test_sprachseiten_lesen_sich_in_ihrer_richtung_ohne_seitliches_scrollen(browser, server, daten, breite):
    kontext = browser.new_context(viewport=breite, service_workers="block")
    try:
        seite = kontext.new_page()
        for code, url in SEITEN:
            seite.goto(server.url(url), wait_until="load")
            lage = seite.evaluate(LAGE)
            sprache = next(s for s in daten.sprachen if s.code == code)
            assert lage["lang"] == code and lage["richtung"] == sprache.richtung, (url, lage)
            assert lage["breite"] <= lage["innen"], (url, lage)  # no sideways scrolling of the page
            assert lage["marken_ausserhalb"] == 0, (url, lage)
            if url.endswith(adressen.MASSNAHMEN_ORDNER):
                nr, massnahme, stand = lage["koepfe"]
                # Number, measure, status: right to left in Arabic, left to right in Ukrainian.
                reihenfolge = nr[0] > massnahme[0] > stand[0] if sprache.rechts_nach_links else \
                    nr[0] < massnahme[0] < stand[0]
                assert reihenfolge, (url, lage["koepfe"])
                assert lage["marken"] == 2 * len(daten.massnahmen)
        if breite is PHONE:  # the drawer holds the language's navigation, in view
            seite.goto(server.url(adressen.sprache_start("ar")), wait_until="load")
            seite.click('label.md-header__button[for="__drawer"]')
            seite.wait_for_timeout(400)
            link = seite.locator(".md-sidebar--primary .md-nav__link").nth(1)
            box = link.bounding_box()
            assert link.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
            assert daten.uebersetzungen["ar"].texte["liste_titel"] in link.inner_text()
    finally:
        kontext.close()


def test_lighthouse_barrierefreiheit_100_auf_arabischer_und_ukrainischer_startseite(server, tmp_path):
    brauche_chromium()
    brauche_node_modules(lh.LIGHTHOUSE)
    node()
    werte = lh.barrierefreiheit({code: server.url(adressen.sprache_start(code)) for code in ("ar", "uk")}, tmp_path)
    assert werte == {"ar": 100, "uk": 100}


def test_suche_findet_uebersetzte_seiten(desktop, server, daten):
    """The last word of each language's heading on the integration guides finds that language's start page: in
    its own word rules (en, ar, ru) or those of its script (uk, fa)."""
    desktop.goto(server.url(""), wait_until="networkidle")
    gefunden = {}
    for sprache in daten.sprachen:
        wort = daten.uebersetzungen[sprache.code].startseite["lotsen_titel"].split()[-1]
        desktop.fill("input.md-search__input", wort)
        desktop.keyboard.press("End")  # Material searches on key events; fill() types none
        desktop.wait_for_timeout(1200)
        orte = desktop.eval_on_selector_all(".md-search-result__item > a", "as => as.map(a => a.href)")
        gefunden[sprache.code] = any(f"/{adressen.sprache_start(sprache.code)}" in o for o in orte)
    assert gefunden == {s.code: True for s in daten.sprachen}, gefunden
