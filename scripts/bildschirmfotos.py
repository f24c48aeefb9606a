"""Screenshots of the built site at phone and desktop width, and a chapter printed by Chromium, to look at.

Aufruf: python scripts/bildschirmfotos.py [SITE-ORDNER] [ZIELORDNER]   (Standard: site/ und build/bildschirmfotos/)
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.darstellung import adressen
from macros.entwicklung.lokale_site import CHROMIUM, CHROMIUM_ARGS, starte_server
from macros.projekt import REPO

SEITEN = {
    "start": "",
    "kapitel": "handlungsfelder/sprache/",
    "uebersicht": adressen.MASSNAHMEN_ORDNER,
    "uebersicht-gefiltert": f"{adressen.MASSNAHMEN_ORDNER}?status=umgesetzt&sortierung=titel",
    "massnahme": adressen.massnahme("ST-02"),
    "daten": "daten/",
    # Right to left and a Cyrillic script: start page and measure list in Arabic and Ukrainian.
    **{f"{code}-{art}": pfad for code in ("ar", "uk")
       for art, pfad in (("start", adressen.sprache_start(code)), ("massnahmen", adressen.sprache_massnahmen(code)))},
}
GROESSEN = {"telefon": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site = Path(argv[0]) if argv else REPO / "site"
    ziel = Path(argv[1]) if len(argv) > 1 else REPO / "build" / "bildschirmfotos"
    ziel.mkdir(parents=True, exist_ok=True)
    server = starte_server(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for groesse, viewport in GROESSEN.items():
                seite = browser.new_page(viewport=viewport, device_scale_factor=1, is_mobile=groesse == "telefon")
                for name, pfad in SEITEN.items():
                    seite.goto(server.url(pfad), wait_until="networkidle")
                    datei = ziel / f"{name}-{groesse}.png"
                    seite.screenshot(path=str(datei), full_page=True)
                    print(datei.relative_to(REPO) if datei.is_relative_to(REPO) else datei)
                seite.close()
            seite = browser.new_page()
            seite.goto(server.url(SEITEN["kapitel"]), wait_until="networkidle")
            seite.emulate_media(media="print")
            pdf = ziel / "kapitel-druck.pdf"
            seite.pdf(path=str(pdf), format="A4", print_background=True)
            print(pdf)
            browser.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
