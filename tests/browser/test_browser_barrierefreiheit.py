"""Accessibility in a real Chromium: axe-core on every built page, keyboard access, focus, phone width."""

from __future__ import annotations

import pytest

from browser.fixtures import PHONE

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
    regionen = desktop.locator("div.ik-tabelle")
    assert regionen.count() >= 1
    for i in range(regionen.count()):
        region = regionen.nth(i)
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"


def test_auf_dem_telefon_scrollt_keine_seite_seitwaerts(browser, server, seiten):
    kontext = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True,
                                  locale="de-DE", service_workers="block")
    seite = kontext.new_page()
    zu_breit = {}
    for pfad in seiten:
        seite.goto(server.url(pfad), wait_until="load")
        breite = seite.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        if breite[0] > breite[1]:
            zu_breit[pfad] = breite
    kontext.close()
    assert len(seiten) > 20
    assert zu_breit == {}
