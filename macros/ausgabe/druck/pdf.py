"""Builds the whole concept as one accessible, print-ready A4 PDF (PDF/UA-1) from the built site.

Aufruf: python scripts/pdf.py [--site-dir DIR] [--out DATEI] [--data-dir DIR] [--config MKDOCS_YML] [--html DATEI]

  --site-dir  the built site (default: site/); run `mkdocs build` first (make pdf does)
  --out       the PDF to write (default: <site-dir>/<pdf_datei from data/konzept.yaml>)
  --data-dir  the data folder for the cover (default: data/)
  --config    mkdocs.yml whose nav gives the chapters and their order (default: mkdocs.yml)
  --html      also write the print HTML document there (to look at or debug the layout)
  --karten    auto (default): every measure's card up to 300 measures, beyond that each measure only as its
              row of the table „Alle Maßnahmen“ (scripts/druck/umfang.py says why); alle; keine

When the PDF lies inside the site, every page's "Als PDF herunterladen" link gets its href and size
(scripts/druck/weblink.py); before that the link is hidden.

Every page of the nav becomes a chapter; its `article.md-content__inner` is cut out of the built page and set
with scripts/druck/vorlage/druck.css, never with Material's CSS (WeasyPrint cannot paginate its flex layout).
Prints one line with pages, size and time; errors in German, without a traceback, exit code 1.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from macros.ausgabe.druck.auszug import auszuege
from macros.ausgabe.druck.dokument import html_dokument
from macros.ausgabe.druck.fehler import DruckFehler
from macros.ausgabe.druck.navigation import kapitel_liste, lies_mkdocs
from macros.ausgabe.druck.schreiben import schreibe_pdf
from macros.ausgabe.druck.umfang import KARTEN_BIS, mit_karten, nur_tabelle
from macros.ausgabe.druck.weblink import trage_pdf_ein
from macros.daten.fehler import DatenFehler
from macros.daten.loader import DATA_DIR, lade_daten
from macros.projekt import REPO


def argumente(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Baut das Integrationskonzept als barrierefreies PDF (PDF/UA-1).")
    parser.add_argument("--site-dir", type=Path, default=REPO / "site", help="gebaute Website (Standard: site/)")
    parser.add_argument("--out", type=Path, help="Ziel-PDF (Standard: <site-dir>/<pdf_datei aus konzept.yaml>)")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="Datenordner (Standard: data/)")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml", help="mkdocs.yml mit der nav")
    parser.add_argument("--html", type=Path, help="das Druck-HTML zusätzlich hierhin schreiben")
    parser.add_argument("--karten", choices=("auto", "alle", "keine"), default="auto",
                        help=f"Maßnahmenkarten drucken (auto: bis {KARTEN_BIS} Maßnahmen, darüber nur die Tabelle)")
    return parser.parse_args(argv)


def baue(args: argparse.Namespace) -> tuple[Path, int]:
    """Builds the PDF; returns its path and its number of pages."""
    konzept = lade_daten(args.data_dir).konzept
    konfig = lies_mkdocs(args.config)
    site_url = konfig.get("site_url") or "https://example.invalid/"
    kapitel = kapitel_liste(args.config)
    teile = auszuege(args.site_dir, kapitel, site_url)
    if not mit_karten(teile, args.karten):
        nur_tabelle(teile, site_url)
    html = html_dokument(konzept, teile,
                         beschreibung=konzept.untertitel or konfig.get("site_description") or konzept.titel,
                         web_adresse=site_url)
    del teile  # the parsed pages are in the HTML string now; WeasyPrint needs the memory
    if args.html:
        args.html.write_text(html, encoding="utf-8")
    ziel = args.out or args.site_dir / konzept.pdf_datei
    ziel.parent.mkdir(parents=True, exist_ok=True)
    seiten = schreibe_pdf(html, ziel, basis=args.site_dir)
    trage_pdf_ein(args.site_dir, ziel)
    return ziel, seiten


def main(argv: list[str]) -> int:
    args = argumente(argv)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    beginn = time.perf_counter()
    try:
        ziel, seiten = baue(args)
    except DatenFehler as fehler:
        print("Die Daten sind fehlerhaft; das PDF wird nicht gebaut.\n" + fehler.bericht(), file=sys.stderr)
        return 1
    except DruckFehler as fehler:
        print(f"PDF nicht gebaut: {fehler}", file=sys.stderr)
        return 1
    groesse = ziel.stat().st_size
    print(f"PDF geschrieben: {ziel} – {seiten} Seiten, {groesse / 1024:.0f} KB, "
          f"{time.perf_counter() - beginn:.1f} s")
    return 0
