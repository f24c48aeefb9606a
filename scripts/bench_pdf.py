"""Time, peak memory and pages of the PDF build, for the real data and for synthetic data sets.

Aufruf: python scripts/bench_pdf.py [--anzahl 2500 10000] [--karten auto|alle|keine] [--ziel build/bench-pdf]

Each synthetic set is the real data plus ANZAHL synthetic measures (the chapters link to real measures).
Measures `scripts/pdf.py` alone as its own process (it renders the chapters itself, no site build needed): wall
time and its peak resident memory (os.wait4). Prints a table with MB per page (memory should grow no faster
than the pages) and writes ergebnis.json. Timings belong here, never in tests: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from macros.entwicklung.projektkopie import projektkopie
from macros.entwicklung.synthetische_daten import echte_anzahl, schreibe
from macros.projekt import REPO


def miss_pdf(projekt: Path, pdf: Path, karten: str) -> dict:
    """Runs scripts/pdf.py once; wall seconds, peak MB of that process, pages and size."""
    befehl = [sys.executable, str(REPO / "scripts" / "pdf.py"), "--config", str(projekt / "mkdocs.yml"),
              "--out", str(pdf), "--karten", karten]
    beginn = time.perf_counter()
    prozess = subprocess.Popen(befehl, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    _, status, verbrauch = os.wait4(prozess.pid, 0)
    sekunden = time.perf_counter() - beginn
    ausgabe, fehler = prozess.stdout.read(), prozess.stderr.read()
    prozess.stdout.close()
    prozess.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"scripts/pdf.py ist fehlgeschlagen:\n{ausgabe}{fehler}")
    from pypdf import PdfReader

    seiten = len(PdfReader(pdf).pages)
    spitze = round(verbrauch.ru_maxrss / 1024)
    return {"sekunden": round(sekunden, 1), "spitze_mb": spitze, "seiten": seiten,
            "kb": round(pdf.stat().st_size / 1024)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Misst Zeit, Spitzenspeicher und Seiten des PDF-Baus.")
    parser.add_argument("--anzahl", type=int, nargs="*", default=[2500, 10000],
                        help="synthetische Maßnahmen je Messung (Standard: 2500 10000)")
    parser.add_argument("--karten", default="auto", choices=("auto", "alle", "keine"))
    parser.add_argument("--ziel", type=Path, default=REPO / "build" / "bench-pdf")
    args = parser.parse_args(argv)

    ergebnisse = {}
    echt = projektkopie(args.ziel / "echt")
    ergebnisse["echte Daten"] = miss_pdf(echt, args.ziel / "echt.pdf", args.karten)
    for anzahl in args.anzahl:
        synth = projektkopie(args.ziel / f"synthetisch-{anzahl}")
        shutil.rmtree(synth / "data")
        schreibe(echte_anzahl() + anzahl, synth / "data", mit_echten=True)
        ergebnisse[f"+{anzahl} Maßnahmen"] = miss_pdf(synth, args.ziel / f"synthetisch-{anzahl}.pdf", args.karten)

    print(f"{'Daten':<20} {'Zeit':>8} {'Spitze':>9} {'Seiten':>7} {'MB/Seite':>9} {'Größe':>9}")
    for name, wert in ergebnisse.items():
        print(f"{name:<20} {wert['sekunden']:>6.1f} s {wert['spitze_mb']:>6} MB {wert['seiten']:>7} "
              f"{wert['spitze_mb'] / wert['seiten']:>9.2f} {wert['kb']:>6} KB")
    (args.ziel / "ergebnis.json").write_text(json.dumps(ergebnisse, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
