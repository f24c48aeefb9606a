"""The overview "Alle Maßnahmen" in Chromium: complete without JavaScript; with it filters, sorting, URL state."""

from __future__ import annotations

import re

import pytest

from macros.darstellung.render import seiten_url

pytestmark = pytest.mark.browser

SEITE = "massnahmen/"


def sichtbare_ids(seite) -> list[str]:
    """Ids of the rows a reader sees, top to bottom."""
    return seite.eval_on_selector_all("table.ik-massnahmen--alle tbody tr[data-id]",
                                      "zeilen => zeilen.filter(z => !z.hidden && z.offsetParent !== null)"
                                      ".map(z => z.dataset.id)")


def treffer_text(seite) -> str:
    return seite.locator("#ik-treffer").inner_text()


def test_ohne_javascript_zeigt_die_tabelle_alle_massnahmen(browser, server, daten):
    kontext = browser.new_context(java_script_enabled=False)
    seite = kontext.new_page()
    seite.goto(server.url(SEITE))
    assert sichtbare_ids(seite) == [m.id for m in daten.massnahmen]
    assert not seite.locator("form.ik-filter").is_visible()
    links = seite.eval_on_selector_all("table.ik-massnahmen--alle tbody tr[data-id] a", "as => as.map(a => a.href)")
    assert links == [server.url(f"massnahmen/{m.anker}/") for m in daten.massnahmen]
    kontext.close()


def test_die_bedienelemente_haben_beschriftungen_und_die_zahl_wird_angesagt(desktop, server):
    desktop.goto(server.url(SEITE), wait_until="load")
    for name in ("Suchwort", "Handlungsfeld", "Status", "Federführung", "Sortieren nach"):
        assert desktop.get_by_label(name, exact=True).is_visible(), name
    treffer = desktop.locator("#ik-treffer")
    assert treffer.get_attribute("aria-live") == "polite" and treffer.get_attribute("role") == "status"


def test_filter_nach_feld_status_und_stelle_zeigt_genau_die_passenden(desktop, server, daten):
    desktop.goto(server.url(SEITE), wait_until="load")
    feld = max(daten.handlungsfelder, key=lambda f: len(daten.massnahmen_im_feld(f.id)))
    desktop.get_by_label("Handlungsfeld", exact=True).select_option(feld.id)
    erwartet = [m.id for m in daten.massnahmen_im_feld(feld.id)]
    assert sichtbare_ids(desktop) == erwartet
    assert treffer_text(desktop) == f"{len(erwartet)} von {len(daten.massnahmen)} Maßnahmen"
    assert f"feld={feld.id}" in desktop.url

    status = daten.massnahmen_im_feld(feld.id)[0].status
    desktop.get_by_label("Status", exact=True).select_option(status)
    erwartet = [m.id for m in daten.massnahmen_im_feld(feld.id) if m.status == status]
    assert sichtbare_ids(desktop) == erwartet

    stelle = daten.massnahmen_im_feld(feld.id)[0].federfuehrung
    desktop.get_by_label("Federführung", exact=True).select_option(stelle)
    erwartet = [m.id for m in daten.massnahmen_im_feld(feld.id) if m.status == status and m.federfuehrung == stelle]
    assert sichtbare_ids(desktop) == erwartet and erwartet

    # The link carries the view: a fresh tab with the same address shows the same rows.
    geteilt = desktop.url
    desktop.goto("about:blank")
    desktop.goto(geteilt, wait_until="load")
    assert sichtbare_ids(desktop) == erwartet
    assert desktop.get_by_label("Status", exact=True).input_value() == status

    desktop.get_by_role("button", name="Filter zurücksetzen").click()
    desktop.wait_for_function("() => !location.search")
    assert sichtbare_ids(desktop) == [m.id for m in daten.massnahmen]
    assert treffer_text(desktop) == f"{len(daten.massnahmen)} Maßnahmen"


def test_freitext_findet_eine_massnahme_an_ihrem_titel(desktop, server, daten):
    ziel = daten.massnahmen[-1]
    desktop.goto(server.url(SEITE), wait_until="load")
    desktop.get_by_label("Suchwort", exact=True).fill(ziel.titel)
    desktop.wait_for_function("() => new URL(location.href).searchParams.has('suche')")
    ids = sichtbare_ids(desktop)
    assert ziel.id in ids
    woerter = ziel.titel.lower().split()
    for m in daten.massnahmen:
        if m.id in ids:
            continue
        # Every row that is hidden really lacks a word of the search.
        text = " ".join([m.id, m.titel, m.beschreibung, m.ziel, *m.zielgruppe]).lower()
        assert not all(w in text for w in woerter), m.id


def test_unsinn_zeigt_keine_treffer_und_einen_hinweis(desktop, server):
    desktop.goto(server.url(SEITE + "?suche=qqqxxyyzz"), wait_until="load")
    assert sichtbare_ids(desktop) == []
    assert desktop.locator(".ik-keine-treffer").is_visible()
    assert treffer_text(desktop).startswith("0 von ")


def test_sortieren_nach_titel_und_aria_sort(desktop, server, daten):
    desktop.goto(server.url(SEITE), wait_until="load")
    desktop.get_by_label("Sortieren nach", exact=True).select_option("titel")
    titel = {m.id: m.titel for m in daten.massnahmen}
    ids = sichtbare_ids(desktop)
    assert sorted(ids) == sorted(titel)
    schluessel = [titel[i].casefold().replace("ä", "a").replace("ö", "o").replace("ü", "u") for i in ids]
    assert schluessel == sorted(schluessel)
    assert desktop.locator("th[aria-sort='ascending']").inner_text() == "Maßnahme"
    assert "sortierung=titel" in desktop.url


def test_unbekannte_werte_in_der_adresse_werden_ignoriert(desktop, server, daten):
    desktop.goto(server.url(SEITE + "?status=%3Cscript%3E&feld=gibtesnicht"), wait_until="load")
    assert sichtbare_ids(desktop) == [m.id for m in daten.massnahmen]


def test_jede_zeile_fuehrt_zur_eigenen_seite_mit_allen_angaben(desktop, server, daten):
    ziel = next((m for m in daten.massnahmen if m.verlauf), daten.massnahmen[0])
    desktop.goto(server.url(SEITE), wait_until="load")
    desktop.get_by_role("link", name=ziel.titel, exact=True).first.click()
    desktop.wait_for_load_state("load")
    assert desktop.url == server.url(f"massnahmen/{ziel.anker}/")
    karte = desktop.locator(f"article#{ziel.anker}")
    text = karte.inner_text()
    for feld in ("Ziel", "Handlungsfeld", "Federführung", "Zeitraum", "Quelle", "Stand"):
        assert feld in text, feld
    assert desktop.locator(f"article#{ziel.anker} a[href*='quellen/#{ziel.quelle[0]}']").count() >= 1
    if ziel.verlauf:
        assert karte.locator("details.ik-verlauf li").count() == len(ziel.verlauf)
    assert desktop.locator(f"a[href$='{seiten_url(daten.handlungsfeld(ziel.handlungsfeld).seite)}']").count() >= 1


def test_zeigt_eine_seite_nur_einen_ausschnitt_laedt_der_filter_die_json_datei(browser, server, daten):
    """A paginated overview (data-daten-url, fewer rows) filters over every measure from daten/massnahmen.json."""
    kontext = browser.new_context()
    seite = kontext.new_page()
    erste = daten.massnahmen[0]

    def ausschnitt(route):
        html = route.fetch().text()
        html = html.replace("data-ik-filter data-gesamt",
                            'data-ik-filter data-daten-url="../daten/massnahmen.json" data-gesamt', 1)
        andere_zeilen = r'<tr data-id="(?!' + re.escape(erste.id) + r'")[^"]*".*?</tr>\n?'
        html = re.sub(andere_zeilen, "", html, flags=re.S)
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    seite.route(server.url(SEITE), ausschnitt)
    seite.goto(server.url(SEITE), wait_until="load")
    assert sichtbare_ids(seite) == [erste.id]
    feld = daten.massnahmen[-1].handlungsfeld
    seite.get_by_label("Handlungsfeld", exact=True).select_option(feld)
    erwartet = [m for m in daten.massnahmen if m.handlungsfeld == feld]
    seite.wait_for_function("n => document.querySelectorAll('table.ik-massnahmen--alle tbody tr').length === n",
                            arg=len(erwartet))
    zeilen = seite.eval_on_selector_all("table.ik-massnahmen--alle tbody tr",
                                        "zs => zs.map(z => [z.cells[0].textContent, z.querySelector('a').href])")
    assert zeilen == [[m.id, server.url(f"massnahmen/{m.anker}/")] for m in erwartet]
    assert treffer_text(seite) == f"{len(erwartet)} von {len(daten.massnahmen)} Maßnahmen"
    kontext.close()
