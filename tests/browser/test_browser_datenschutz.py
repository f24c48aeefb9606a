"""Privacy in a real Chromium: every request of every page, and of the search, stays on the site's own origin."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_jede_anfrage_jeder_seite_bleibt_beim_eigenen_server(rundgang, seiten):
    assert set(rundgang) == set(seiten)
    # One local server served the walk (another worker's, on its own port, when tests run in parallel).
    herkunft = {befund["herkunft"] for befund in rundgang.values()}
    assert len(herkunft) == 1 and herkunft.pop().startswith("http://127.0.0.1:")
    alle = [url for befund in rundgang.values() for url in befund["anfragen"]]
    # The walk really saw the pages load their stylesheets and scripts (a listener that records nothing fails).
    assert any(url.endswith(".css") for url in alle) and any(url.endswith(".js") for url in alle)
    fremd = {pfad: [u for u in befund["anfragen"] if not u.startswith(befund["herkunft"] + "/")]
             for pfad, befund in rundgang.items()}
    assert {pfad: urls for pfad, urls in fremd.items() if urls} == {}


def test_die_suche_laedt_nichts_von_aussen(browser, server):
    kontext = browser.new_context(locale="de-DE", service_workers="block")
    anfragen: list[str] = []
    kontext.on("request", lambda anfrage: anfragen.append(anfrage.url))
    seite = kontext.new_page()
    seite.goto(server.url(""), wait_until="networkidle")
    seite.locator("input.md-search__input").click()
    seite.keyboard.type("Sprache")
    seite.locator(".md-search-result__item").first.wait_for(timeout=15000)
    seite.wait_for_load_state("networkidle")
    kontext.close()
    assert any(url.endswith("search_index.json") for url in anfragen), anfragen
    assert [url for url in anfragen if not url.startswith(server.origin + "/")] == []


def test_keine_cookies_und_kein_lokaler_speicher_nach_dem_besuch(browser, server):
    kontext = browser.new_context(locale="de-DE", service_workers="block")
    seite = kontext.new_page()
    gespeichert = []
    for pfad in ("", "massnahmen/?status=umgesetzt", "daten/"):
        seite.goto(server.url(pfad), wait_until="networkidle")
        gespeichert += seite.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert kontext.cookies() == []
    # The Datenschutz page says nothing is stored in the browser.
    assert gespeichert == []
    kontext.close()
