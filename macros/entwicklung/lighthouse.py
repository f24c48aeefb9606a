"""Lighthouse (node_modules, 12.2.3) on the start page, the largest page and the overview; prints the scores.

Aufruf: python scripts/lighthouse.py [SITE-ORDNER] [--nur-barrierefreiheit]
Writes build/lighthouse/<seite>.json. Performance is measured on this machine (2 shared cores): noisy, so no test
asserts it; the accessibility score is deterministic and tests/browser/test_browser_lighthouse.py asserts it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from macros.darstellung import adressen
from macros.entwicklung.lokale_site import CHROMIUM, seiten_der_site, starte_server
from macros.projekt import REPO

LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
KATEGORIEN = ("performance", "accessibility", "best-practices", "seo")


def zu_pruefende_seiten(site: Path) -> dict[str, str]:
    """The start page, the largest chapter (by HTML size; not the overview, not a measure's page, not the 404 page)
    and the overview "Alle Maßnahmen"."""
    groessen = {s: (site / s / "index.html").stat().st_size for s in seiten_der_site(site)
                if s.endswith("/") and not s.startswith(adressen.MASSNAHMEN_ORDNER)}
    groesste = max(groessen, key=groessen.get)
    return {"start": "", "groesste": groesste, "uebersicht": adressen.MASSNAHMEN_ORDNER}


def lighthouse(url: str, ziel: Path, kategorien=KATEGORIEN) -> dict[str, float]:
    """Runs Lighthouse once on url; returns {category: score 0..100}."""
    umgebung = dict(os.environ, CHROME_PATH=CHROMIUM)
    befehl = [shutil.which("node") or "node", str(LIGHTHOUSE), url, "--quiet", "--output=json",
              f"--output-path={ziel}", f"--chrome-flags={CHROME_FLAGS}", "--locale=de",
              f"--only-categories={','.join(kategorien)}"]
    ergebnis = subprocess.run(befehl, capture_output=True, text=True, env=umgebung, timeout=300)
    if ergebnis.returncode != 0:
        raise RuntimeError(f"Lighthouse scheiterte ({ergebnis.returncode}): {ergebnis.stderr[-2000:]}")
    bericht = json.loads(ziel.read_text(encoding="utf-8"))
    return {k: round(v["score"] * 100) for k, v in bericht["categories"].items()}


def barrierefreiheit(urls: dict[str, str], ordner: Path) -> dict[str, float]:
    """The accessibility score of each url ({name: url}), Lighthouse running on all of them at once: the score
    depends on the page, not on how fast it loads (performance is measured one page at a time, in main)."""
    with ThreadPoolExecutor(max_workers=len(urls) or 1) as ausfuehrer:
        laeufe = {name: ausfuehrer.submit(lighthouse, url, ordner / f"{name}.json", ("accessibility",))
                  for name, url in urls.items()}
        return {name: lauf.result()["accessibility"] for name, lauf in laeufe.items()}


def main(argv: list[str]) -> int:
    nur_a11y = "--nur-barrierefreiheit" in argv
    argumente = [a for a in argv if not a.startswith("--")]
    site = Path(argumente[0]) if argumente else REPO / "site"
    ausgabe = REPO / "build" / "lighthouse"
    ausgabe.mkdir(parents=True, exist_ok=True)
    server = starte_server(site)
    try:
        for name, pfad in zu_pruefende_seiten(site).items():
            werte = lighthouse(server.url(pfad), ausgabe / f"{name}.json",
                               ("accessibility",) if nur_a11y else KATEGORIEN)
            print(f"{name:9} /{pfad:30} " + "  ".join(f"{k}={v}" for k, v in werte.items()))
    finally:
        server.stop()
    return 0
