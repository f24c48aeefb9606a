"""Browser fixtures: the session-built site served on 127.0.0.1 under its real path, one Chromium per session.

Loaded as a pytest plugin from conftest.py. A missing Chromium, Playwright or node_modules makes the tests FAIL
with a message saying how to install it; they never skip.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from gemeinsam import gemeinsam
from hilfen import ROOT

from macros.entwicklung.lokale_site import CHROMIUM, CHROMIUM_ARGS, seiten_der_site, starte_server

NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def brauche_chromium() -> str:
    """The Chromium binary, or a failed test that says how to install it."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium fehlt ({CHROMIUM}). Installieren: `sudo apt-get install chromium` "
                    "(Debian; .ci/run macht das auf CI) oder CHROMIUM=/pfad/zu/chromium setzen.", pytrace=False)
    return CHROMIUM


def brauche_node_modules(datei: Path = AXE) -> Path:
    """A file from node_modules, or a failed test that says how to install the npm packages."""
    if not datei.is_file():
        pytest.fail(f"{datei.relative_to(ROOT)} fehlt. Installieren: `make npm` (führt `npm ci` aus; braucht "
                    "Node 18.19 oder neuer und npm: `sudo apt-get install nodejs npm`).", pytrace=False)
    return datei


def node() -> str:
    """The node binary, or a failed test that says how to install it."""
    pfad = shutil.which("node")
    if pfad is None:
        pytest.fail("node fehlt. Installieren: `sudo apt-get install nodejs npm`, dann `make npm`.", pytrace=False)
    return pfad


# --- Fixtures ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def server(site):
    """The session-built site on http://127.0.0.1:<port>/<path of site_url>/."""
    laufend = starte_server(site)
    yield laufend
    laufend.stop()


@pytest.fixture(scope="session")
def seiten(site) -> list[str]:
    """Every built page (relative to the site root)."""
    return seiten_der_site(site)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    programm = brauche_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Python-Paket playwright fehlt. Installieren: `make test` (richtet .venv aus requirements.txt "
                    "ein).", pytrace=False)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=programm, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def desktop(browser):
    """One desktop-sized tab, reused by the tests (each test navigates where it needs)."""
    kontext = browser.new_context(viewport=DESKTOP, locale="de-DE", service_workers="block")
    yield kontext.new_page()
    kontext.close()


@pytest.fixture(scope="session")
def telefon(browser):
    """One phone-sized tab (390×844, touch), reused by the tests."""
    kontext = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  locale="de-DE", service_workers="block")
    yield kontext.new_page()
    kontext.close()


def ohne_suchindex(kontext, site: Path) -> None:
    """The pages of this browser context get the site's search index without its entries: the same request and
    the same configuration (so the same scripts load), but the search worker does not index the whole site again
    for every page. For walks over many pages that check the pages, not the search."""
    konfiguration = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    leer = json.dumps({"config": konfiguration, "docs": []})
    kontext.route("**/search/search_index.json",
                  lambda route: route.fulfill(status=200, content_type="application/json", body=leer))


# --- Many pages at once ---------------------------------------------------------------------------------------

# Tabs that load at the same time: a page spends most of its load waiting (for its files, for network quiet),
# and these waits overlap across tabs while Chromium's renderers share the cores.
TABS = 6


def gruppenweise(kontext, pfade: list[str], server, *, warten: str = "networkidle", vorher=None, tabs: int = TABS):
    """Loads the pages in groups of `tabs` tabs of one browser context and yields each group once every page in
    it has reached `warten`: a list of (pfad, tab, antwort). vorher(tab, pfad) runs before each navigation (to
    reset what a tab's listeners record). The tabs are the same for every group; closed at the end."""
    reiter = [kontext.new_page() for _ in range(min(tabs, len(pfade)))]
    try:
        for start in range(0, len(pfade), len(reiter)):
            gruppe = []
            for tab, pfad in zip(reiter, pfade[start:start + len(reiter)], strict=False):
                if vorher is not None:
                    vorher(tab, pfad)
                gruppe.append((pfad, tab, tab.goto(server.url(pfad), wait_until="commit")))
            for _, tab, _ in gruppe:
                tab.wait_for_load_state(warten)
            yield gruppe
    finally:
        for tab in reiter:
            tab.close()


# --- One walk over every page, shared by the axe and the privacy tests -------------------------------------

AXE_OPTIONEN = {"resultTypes": ["violations"]}  # every rule axe runs by default (WCAG 2.x A/AA and best practice)


@pytest.fixture(scope="session")
def rundgang(browser, server, seiten, site, tmp_path_factory):
    """Loads every page at desktop width once (until the network is quiet), once for all workers; per page: axe
    violations, every request, failed responses, and the origin of the server that served it."""
    return gemeinsam(tmp_path_factory, "rundgang", lambda _: _rundgang(browser, server, seiten, site))


def _rundgang(browser, server, seiten, site) -> dict[str, dict]:
    axe = brauche_node_modules(AXE)
    kontext = browser.new_context(viewport=DESKTOP, locale="de-DE", service_workers="block")
    ohne_suchindex(kontext, site)   # test_browser_datenschutz and the search tests cover the search itself
    kontext.add_init_script(path=str(axe))   # every page gets axe while it loads, before its own scripts
    protokoll: dict = {}   # tab -> what its current page requested and what failed

    def vorher(tab, pfad: str) -> None:
        if tab not in protokoll:
            tab.on("request", lambda anfrage: protokoll[tab]["anfragen"].append(anfrage.url))
            tab.on("response", lambda antwort: antwort.status >= 400 and protokoll[tab]["fehler"].append(
                f"{antwort.status} {antwort.url}"))
            tab.on("requestfailed", lambda anfrage: protokoll[tab]["fehler"].append(
                f"fehlgeschlagen {anfrage.url}"))
        protokoll[tab] = {"anfragen": [], "fehler": []}

    ergebnis: dict[str, dict] = {}
    for gruppe in gruppenweise(kontext, seiten, server, vorher=vorher):
        # axe runs in every tab of the group at once; then each result is collected.
        for _, tab, _ in gruppe:
            tab.evaluate("(optionen) => { window.__ikAxe = axe.run(document, optionen); }", AXE_OPTIONEN)
        for pfad, tab, antwort in gruppe:
            befund = tab.evaluate("() => window.__ikAxe")
            ergebnis[pfad] = {
                "status": antwort.status if antwort else None,
                "verstoesse": [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5], v["help"])
                               for v in befund["violations"]],
                "herkunft": server.origin,
                **protokoll[tab],
            }
    kontext.close()
    return ergebnis
