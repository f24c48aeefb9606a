"""Builds the whole concept as one accessible, print-ready A4 PDF (PDF/UA-1), straight from Markdown and data.

Aufruf: python scripts/pdf.py [--config MKDOCS_YML] [--out DATEI] [--html DATEI] [--karten auto|alle|keine]

  --config    mkdocs.yml of the project (default: this repository's); its nav gives the chapters and their order
  --out       the PDF to write (default: build/druck/<pdf_datei from data/konzept.yaml> beside mkdocs.yml, where
              the site build picks it up: weblink.py)
  --html      also write the print HTML document there (to look at or debug the layout)
  --karten    auto (default): every measure's card up to 300 measures, beyond that each measure only as its
              row of the table „Alle Maßnahmen“ (umfang.py says why); alle; keine

MkDocs renders each chapter as in the site build, in print mode (navigation.py, fassung.py: long lists whole);
auszug.py fits them into one document, set with vorlage/druck.css, never with Material's CSS (WeasyPrint cannot
paginate its flex layout), and schreiben.py writes the tagged PDF. Runs before the site build, reads nothing
built and writes nothing into a site. Prints one line with pages, size and time; errors in German, without a
traceback, exit code 1.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from macros.ausgabe.druck import zusammenfassung
from macros.ausgabe.druck.auszug import auszuege
from macros.ausgabe.druck.dokument import html_dokument, oeffentliche_adresse, stylesheets
from macros.ausgabe.druck.fehler import DruckFehler
from macros.ausgabe.druck.navigation import druckquelle
from macros.ausgabe.druck.schreiben import schreibe_pdf
from macros.ausgabe.druck.umfang import KARTEN_BIS, hinweise_einsetzen
from macros.ausgabe.druck.weblink import druck_pdf, sprach_pdf_datei
from macros.darstellung.sprachseiten import deutsche_titel
from macros.daten.fehler import DatenFehler
from macros.projekt import HIER, Projekt


def argumente(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Baut das Integrationskonzept als barrierefreies PDF (PDF/UA-1).")
    parser.add_argument("--config", type=Path, default=HIER.mkdocs_yml, help="mkdocs.yml des Projekts")
    parser.add_argument("--out", type=Path, help="Ziel-PDF (Standard: build/druck/<pdf_datei aus konzept.yaml>)")
    parser.add_argument("--html", type=Path, help="das Druck-HTML zusätzlich hierhin schreiben")
    parser.add_argument("--karten", choices=("auto", "alle", "keine"), default="auto",
                        help=f"Maßnahmenkarten drucken (auto: bis {KARTEN_BIS} Maßnahmen, darüber nur die Tabelle)")
    parser.add_argument("--sprachen", choices=("alle", "keine"), default="alle",
                        help="die Zusammenfassung in jeder Sprache aus data/sprachen.yaml daneben schreiben "
                             "(keine: nur das Konzept)")
    return parser.parse_args(argv)


@dataclass(frozen=True)
class Druckauftrag:
    """The print document and where and how to write it."""

    html: str
    ziel: Path
    sprache: str
    docs: Path
    # The summary in each language (zusammenfassung.py), written beside the concept's PDF.
    sprachfassungen: tuple[Druckauftrag, ...] = ()


def bereite_vor(args: argparse.Namespace) -> Druckauftrag | str:
    """The print document from Markdown and data; a data error gives its German report instead."""
    try:
        quelle = druckquelle(args.config, args.karten, KARTEN_BIS)
    except DatenFehler as fehler:
        return fehler.bericht()
    konzept = quelle.daten.konzept
    adresse = oeffentliche_adresse(konzept)
    teile = auszuege(quelle.kapitel, adresse, quelle.docs)
    hinweise_einsetzen(teile, adresse)
    sprache = quelle.config.theme["language"] or "de"
    html = html_dokument(konzept, teile, sprache=sprache, web_adresse=adresse,
                         beschreibung=konzept.untertitel or quelle.config.site_description or konzept.titel)
    ziel = args.out or druck_pdf(Projekt.aus_config(quelle.config), konzept.pdf_datei)
    titel = deutsche_titel(quelle.config.nav)
    sprachfassungen = tuple(
        Druckauftrag(html=zusammenfassung.html_dokument(quelle.daten, s, adresse, titel, quelle.docs),
                     ziel=ziel.with_name(sprach_pdf_datei(ziel.name, s.code)), sprache=s.code, docs=quelle.docs)
        for s in (quelle.daten.sprachen if args.sprachen == "alle" else ()))
    return Druckauftrag(html=html, ziel=ziel, sprache=sprache, docs=quelle.docs, sprachfassungen=sprachfassungen)


def im_eigenen_prozess(funktion, *argumente):
    """Runs funktion in a process of its own and returns its result (exceptions come back as raised).

    MkDocs, its plugins, the data and every generated page of a large catalogue take 70 MB at 2,500 measures
    that would otherwise stay in this process while WeasyPrint sets the document; the child process gives them
    back when it ends. Forked: the child starts with the modules already imported.
    """
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as ausfuehrer:
        return ausfuehrer.submit(funktion, *argumente).result()


def baue(args: argparse.Namespace) -> tuple[Path, int]:
    """Builds the PDF and the summary in each language; returns the concept's path and its number of pages."""
    auftrag = im_eigenen_prozess(bereite_vor, args)
    if isinstance(auftrag, str):
        raise DatenbestandFehler(auftrag)
    if args.html:
        args.html.write_text(auftrag.html, encoding="utf-8")
    seiten = schreibe_pdf(auftrag.html, auftrag.ziel, sprache=auftrag.sprache, stylesheets=stylesheets(),
                          basis=auftrag.docs)
    for fassung in auftrag.sprachfassungen:
        anzahl = schreibe_pdf(fassung.html, fassung.ziel, sprache=fassung.sprache,
                              stylesheets=zusammenfassung.stylesheets(fassung.sprache))
        print(f"PDF geschrieben: {fassung.ziel} – {anzahl} Seiten, {fassung.ziel.stat().st_size / 1024:.0f} KB")
    return auftrag.ziel, seiten


class DatenbestandFehler(Exception):
    """The data have errors; the message is their German report."""


def main(argv: list[str]) -> int:
    args = argumente(argv)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    beginn = time.perf_counter()
    try:
        ziel, seiten = baue(args)
    except DatenbestandFehler as fehler:
        print(f"Die Daten sind fehlerhaft; das PDF wird nicht gebaut.\n{fehler}", file=sys.stderr)
        return 1
    except DruckFehler as fehler:
        print(f"PDF nicht gebaut: {fehler}", file=sys.stderr)
        return 1
    groesse = ziel.stat().st_size
    print(f"PDF geschrieben: {ziel} – {seiten} Seiten, {groesse / 1024:.0f} KB, "
          f"{time.perf_counter() - beginn:.1f} s")
    return 0
