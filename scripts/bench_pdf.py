"""Time and peak memory of the PDF build, for the real data and for a synthetic data set.

Aufruf: python scripts/bench_pdf.py [--anzahl 2500] [--karten auto|alle|keine] [--ziel build/bench-pdf]

The synthetic set is the real data plus ANZAHL synthetic measures (the chapters link to real measures).

Builds each site with `mkdocs build` first (not measured), then measures `scripts/pdf.py` alone as its own
process: wall time and its peak resident memory (os.wait4). Prints a table and writes ergebnis.json.
Timings belong here, never in tests: the machine is shared and noisy.
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

from macros.entwicklung.mkdocs_bau import mkdocs_build
from macros.entwicklung.projektkopie import projektkopie
from macros.entwicklung.synthetische_daten import echte_anzahl, schreibe
from macros.projekt import REPO


def synthetische_daten(anzahl: int, ziel: Path) -> None:
    """The real data plus `anzahl` synthetic measures.

    The real measures stay: the chapters link to some of them, and a strict build needs those pages.
    """
    schreibe(echte_anzahl() + anzahl, ziel, mit_echten=True)

def baue_site(projekt: Path, site: Path) -> None:
    mkdocs_build(projekt, site, "--quiet", check=True, capture_output=False, text=False)


def miss_pdf(projekt: Path, site: Path, pdf: Path, karten: str) -> dict:
    """Runs scripts/pdf.py once; wall seconds, peak MB of that process, pages and size."""
    befehl = [sys.executable, str(REPO / "scripts" / "pdf.py"), "--site-dir", str(site), "--out", str(pdf),
              "--data-dir", str(projekt / "data"), "--config", str(projekt / "mkdocs.yml"), "--karten", karten]
    beginn = time.perf_counter()
    prozess = subprocess.Popen(befehl, stdout=subprocess.PIPE, text=True)
    _, status, verbrauch = os.wait4(prozess.pid, 0)
    sekunden = time.perf_counter() - beginn
    ausgabe = prozess.stdout.read()
    prozess.stdout.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"scripts/pdf.py ist fehlgeschlagen:\n{ausgabe}")
    from pypdf import PdfReader

    return {"sekunden": round(sekunden, 1), "spitze_mb": round(verbrauch.ru_maxrss / 1024),
            "seiten": len(PdfReader(pdf).pages), "kb": round(pdf.stat().st_size / 1024)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Misst Zeit und Spitzenspeicher des PDF-Baus.")
    parser.add_argument("--anzahl", type=int, default=2500, help="synthetische Maßnahmen (Standard 2500)")
    parser.add_argument("--karten", default="auto", choices=("auto", "alle", "keine"))
    parser.add_argument("--ziel", type=Path, default=REPO / "build" / "bench-pdf")
    args = parser.parse_args(argv)

    ergebnisse = {}
    echt = projektkopie(args.ziel / "echt")
    baue_site(echt, args.ziel / "echt-site")
    ergebnisse["echte Daten"] = miss_pdf(echt, args.ziel / "echt-site", args.ziel / "echt.pdf", args.karten)

    synth = projektkopie(args.ziel / "synthetisch")
    shutil.rmtree(synth / "data")
    synthetische_daten(args.anzahl, synth / "data")
    baue_site(synth, args.ziel / "synthetisch-site")
    ergebnisse[f"+{args.anzahl} Maßnahmen"] = miss_pdf(synth, args.ziel / "synthetisch-site",
                                                       args.ziel / "synthetisch.pdf", args.karten)

    print(f"{'Daten':<18} {'Zeit':>8} {'Spitze':>9} {'Seiten':>7} {'Größe':>9}")
    for name, wert in ergebnisse.items():
        print(f"{name:<18} {wert['sekunden']:>6.1f} s {wert['spitze_mb']:>6} MB {wert['seiten']:>7} "
              f"{wert['kb']:>6} KB")
    (args.ziel / "ergebnis.json").write_text(json.dumps(ergebnisse, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
