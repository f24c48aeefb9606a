"""The overview "Alle Maßnahmen" in Chromium: complete without JavaScript; with it filters, sorting, URL state."""

from __future__ import annotations

import re
import shutil

import pytest
from hilfen import mkdocs_build, projektkopie

from browser.fixtures import DESKTOP
from macros.darstellung import adressen, seitenteilung
from macros.darstellung.render import seiten_url
from macros.daten.loader import lade_daten
from macros.entwicklung.lokale_site import starte_server
from macros.entwicklung.synthetische_daten import schreibe

pytestmark = pytest.mark.browser

SEITE = adressen.MASSNAHMEN_ORDNER


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
    """A paginated overview (data-daten-url, fewer rows) filters over every measure from massnahmen/zeilen.json."""
    kontext = browser.new_context()
    seite = kontext.new_page()
    erste = daten.massnahmen[0]

    def ausschnitt(route):
        html = route.fetch().text()
        html = html.replace("data-ik-filter data-wurzel=\"../\" data-gesamt",
                            f'data-ik-filter data-daten-url="../{adressen.UEBERSICHT_ZEILEN}" data-wurzel="../" '
                            'data-gesamt', 1)
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


# --- An overview split over pages: the filter's rows read as the server renders them -----------------------

ZELLEN = "tr => [...tr.cells].map(td => td.outerHTML)"
ATTRIBUTE = "tr => Object.fromEntries([...tr.attributes].map(a => [a.name, a.value]))"


@pytest.fixture(scope="module")
def geteilt(tmp_path_factory):
    """A site with the real measures and synthetic ones, more than one overview page holds; served on 127.0.0.1."""
    ordner = tmp_path_factory.mktemp("geteilt")
    projekt = projektkopie(ordner / "projekt")
    shutil.rmtree(projekt / "data")
    daten = lade_daten(schreibe(seitenteilung.ZEILEN_JE_SEITE + 60, projekt / "data", mit_echten=True))
    ergebnis = mkdocs_build(projekt, ordner / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    laufend = starte_server(ordner / "site")
    yield laufend, daten
    laufend.stop()


def test_gefilterte_zeile_auf_seite_2_liest_sich_wie_die_zeile_des_servers(browser, geteilt):
    server, daten = geteilt
    seite_2 = daten.massnahmen[seitenteilung.ZEILEN_JE_SEITE:]
    # On page 2, and one on page 1: each with a month in its period and a proposal's mark.
    hier = next(x for x in seite_2 if x.ist_vorschlag and x.beginn and len(x.beginn) == 7 and x.ende)
    dort = next(x for x in daten.massnahmen[:seitenteilung.ZEILEN_JE_SEITE]
                if x.ist_vorschlag and x.beginn and len(x.beginn) == 7 and x.ende and len(x.id) == 7)
    kontext = browser.new_context(viewport=DESKTOP, locale="de-DE", service_workers="block")
    seite = kontext.new_page()
    seite.goto(server.url(f"{adressen.MASSNAHMEN_ORDNER}seite-2/"), wait_until="load")
    vom_server = seite.locator(f"tr[data-id='{hier.id}']")
    erwartet = (vom_server.evaluate(ZELLEN), vom_server.evaluate(ATTRIBUTE))
    assert "Vorschlag – nicht beschlossen" in vom_server.inner_text() and " bis " in vom_server.inner_text()
    server_zeile = vom_server.element_handle()

    seite.get_by_label("Suchwort", exact=True).fill(hier.id)
    seite.wait_for_function("id => document.querySelectorAll('tbody tr').length === 1 && "
                            "document.querySelector('tbody tr').dataset.id === id", arg=hier.id)
    gefiltert = seite.locator("table.ik-massnahmen--alle tbody tr")
    assert not server_zeile.evaluate("tr => tr.isConnected")   # the row on screen was built from zeilen.json
    assert (gefiltert.evaluate(ZELLEN), gefiltert.evaluate(ATTRIBUTE)) == erwartet

    # A row of page 1, found from page 2: same text, same mark, same target as on page 1.
    seite.get_by_label("Suchwort", exact=True).fill(dort.id)
    seite.wait_for_function("id => document.querySelector('tbody tr') && "
                            "document.querySelector('tbody tr').dataset.id === id", arg=dort.id)
    gebaut = seite.locator("table.ik-massnahmen--alle tbody tr").first
    andere = kontext.new_page()
    andere.goto(server.url(adressen.MASSNAHMEN_ORDNER), wait_until="load")
    original = andere.locator(f"tr[data-id='{dort.id}']")
    lesen = "tr => [...tr.cells].map(td => [td.className, td.innerText, " \
            "[...td.querySelectorAll('a, span')].map(e => [e.className, e.href || ''])])"
    assert gebaut.evaluate(lesen) == original.evaluate(lesen)
    text = gebaut.inner_text()
    assert "Vorschlag – nicht beschlossen" in text and re.search(r"[A-ZÄÖÜ][a-zä]+ \d{4} bis \d{4}", text), text
    assert not re.search(r"\d{4}-\d{2}", text), text
    kontext.close()
