"""Accessibility in a real Chromium: axe-core on every built page, keyboard access, focus, phone width."""

from __future__ import annotations

import pytest

from browser.fixtures import PHONE, gruppenweise, ohne_suchindex

pytestmark = pytest.mark.browser


def test_axe_findet_auf_keiner_seite_einen_verstoss(rundgang, seiten, daten):
    # Every page was checked, including every measure's own page.
    assert set(rundgang) == set(seiten)
    assert {f"massnahmen/{m.anker}/" for m in daten.massnahmen} <= set(rundgang)
    verstoesse = {pfad: befund["verstoesse"] for pfad, befund in rundgang.items() if befund["verstoesse"]}
    assert verstoesse == {}


def test_jede_seite_laedt_ohne_fehlende_dateien(rundgang):
    fehler = {pfad: befund["fehler"] for pfad, befund in rundgang.items() if befund["fehler"]}
    # 404.html is served with status 200 here (it is a file); any 4xx/5xx is a broken reference.
    assert fehler == {}
    assert {pfad: befund["status"] for pfad, befund in rundgang.items() if befund["status"] != 200} == {}


def _fokus(seite) -> dict:
    """The focused element: tag, class, text, outline and whether it lies in the viewport."""
    return seite.evaluate("""() => {
        const el = document.activeElement, stil = getComputedStyle(el), box = el.getBoundingClientRect();
        return {tag: el.tagName, klasse: el.className, text: (el.textContent || '').trim().slice(0, 60),
                href: el.getAttribute('href'), outline: stil.outlineStyle,
                breite: parseFloat(stil.outlineWidth), sichtbar: box.width > 0 && box.height > 0
                  && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth};
    }""")


def test_erster_tab_erreicht_den_sprunglink_und_er_ist_sichtbar(desktop, server):
    desktop.goto(server.url(""), wait_until="load")
    desktop.keyboard.press("Tab")
    fokus = _fokus(desktop)
    assert "md-skip" in fokus["klasse"].split() and fokus["text"].startswith("Zum Inhalt"), fokus
    assert fokus["sichtbar"], "Der Sprunglink muss beim Fokus im sichtbaren Bereich stehen."
    assert fokus["outline"] != "none" and fokus["breite"] >= 2, fokus
    ziel = fokus["href"]
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("location.hash") == ziel


@pytest.mark.parametrize("pfad", ["", "massnahmen/", "handlungsfelder/sprache/"])
def test_jeder_tastaturfokus_ist_sichtbar(desktop, server, pfad):
    desktop.goto(server.url(pfad), wait_until="load")
    gesehen = []
    for _ in range(40):
        desktop.keyboard.press("Tab")
        fokus = _fokus(desktop)
        if fokus["tag"] == "BODY":
            break
        gesehen.append(fokus)
        assert fokus["sichtbar"] and fokus["outline"] != "none" and fokus["breite"] >= 2, fokus
    assert len(gesehen) >= 10, gesehen


def test_tabellen_sind_mit_der_tastatur_scrollbar(desktop, server):
    desktop.goto(server.url("massnahmen/"), wait_until="load")
    regionen = desktop.locator("section.ik-tabelle")
    assert regionen.count() >= 1
    for i in range(regionen.count()):
        region = regionen.nth(i)
        assert region.get_attribute("tabindex") == "0"
        assert region.get_attribute("aria-label") or region.get_attribute("aria-labelledby")
    # A named section is a region landmark: the accessibility tree says so.
    assert desktop.get_by_role("region", name="Alle Maßnahmen").count() == 1


def test_auf_dem_telefon_scrollt_keine_seite_seitwaerts(browser, server, seiten, site):
    kontext = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True,
                                  locale="de-DE", service_workers="block")
    ohne_suchindex(kontext, site)
    zu_breit, gesehen = {}, []
    for gruppe in gruppenweise(kontext, seiten, server, warten="load"):
        for pfad, seite, _ in gruppe:
            gesehen.append(pfad)
            breite = seite.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
            if breite[0] > breite[1]:
                zu_breit[pfad] = breite
    kontext.close()
    assert len(seiten) > 20 and gesehen == seiten
    assert zu_breit == {}


# --- Material's drawer and search after the repairs of its markup (barrierefrei.gueltig) ------------------

MENUE_RECHTS = "document.querySelector('.md-sidebar--primary').getBoundingClientRect().right"


def test_menue_geht_auf_und_nach_zurueck_nicht_von_selbst_wieder_auf(telefon, server):
    telefon.goto(server.url(""), wait_until="load")
    schalter = telefon.locator("#__drawer")
    assert schalter.get_attribute("autocomplete") is None and schalter.get_attribute("form") == "ik-bedienzustand"
    telefon.locator("header label[for=__drawer]").click()
    telefon.wait_for_function("() => document.getElementById('__drawer').checked")
    telefon.wait_for_function(f"() => {MENUE_RECHTS} > 0")   # the drawer slid into view
    telefon.goto(server.url("quellen/"), wait_until="load")
    telefon.go_back(wait_until="load")
    assert telefon.evaluate("performance.getEntriesByType('navigation')[0].type") == "back_forward"
    # Without autocomplete="off" on the toggle Chromium would restore it checked: the menu would be open.
    assert telefon.evaluate("document.getElementById('__drawer').checked") is False
    assert telefon.evaluate(MENUE_RECHTS) <= 0


def test_suche_findet_und_enter_oeffnet_den_besten_treffer(desktop, server):
    desktop.goto(server.url(""), wait_until="load")
    eingabe = desktop.locator("input.md-search__input")
    eingabe.click()
    desktop.wait_for_function("() => document.getElementById('__search').checked")   # the search opened
    eingabe.press_sequentially("Sprachmittlung", delay=30)   # Material searches on key events
    desktop.wait_for_selector(".md-search-result__item")
    vorher = desktop.url
    eingabe.press("Enter")
    desktop.wait_for_function("vorher => location.href !== vorher", arg=vorher)
    assert "?query=" not in desktop.url   # Material opened a hit; the form itself was not sent


def test_filter_anzeigen_knopf_filtert_ohne_neu_zu_laden(desktop, server, daten):
    desktop.goto(server.url("massnahmen/"), wait_until="load")
    desktop.evaluate("window.ikNichtNeuGeladen = true")
    desktop.get_by_label("Suchwort", exact=True).fill(daten.massnahmen[0].titel)
    desktop.get_by_role("button", name="Anzeigen").click()
    desktop.wait_for_function("() => new URL(location.href).searchParams.has('suche')")
    assert desktop.evaluate("window.ikNichtNeuGeladen") is True
    assert daten.massnahmen[0].id in desktop.eval_on_selector_all(
        "tbody tr[data-id]", "zs => zs.filter(z => !z.hidden).map(z => z.dataset.id)")
