"""Makes the site's "Als PDF herunterladen" links (overrides/partials/ik-pdf-link.html) point to the written PDF.

The partial is rendered hidden and without href, because the site is built before the PDF. Once the PDF exists,
this fills in href and size and shows the link. It rewrites only those three attributes and may run again
after every new PDF (the markers stay), so the size in the site always matches the file next to it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

VERSTECKT = re.compile(r"(<div\b[^>]*\bdata-ik-pdf\b[^>]*?)\s+hidden(?=[\s>])")
ZIEL = re.compile(r'data-ik-pdf-href="([^"]*)"(?: href="[^"]*")?')
GROESSE = re.compile(r"(<span data-ik-pdf-groesse>)[^<]*(</span>)")


def groesse_de(byte: int) -> str:
    """German file size: 950 KB, 1,2 MB."""
    if byte < 1024 * 1024:
        return f"{max(1, round(byte / 1024))} KB"
    return f"{byte / (1024 * 1024):.1f} MB".replace(".", ",")


def trage_pdf_ein(site_dir: Path, pdf: Path) -> int:
    """Shows every PDF link of the site with href and size; returns how many pages got one."""
    try:
        relativ = pdf.resolve().relative_to(site_dir.resolve()).as_posix()
    except ValueError:
        return 0  # a PDF outside the site (benchmarks, tests) is not what the site links to
    groesse = f"(PDF, {groesse_de(pdf.stat().st_size)})"
    geaendert = 0
    for datei in site_dir.rglob("*.html"):
        text = datei.read_text(encoding="utf-8")
        if "data-ik-pdf" not in text:
            continue
        neu = VERSTECKT.sub(r"\1", text)
        neu = ZIEL.sub(lambda t: f'data-ik-pdf-href="{t.group(1)}" href="{t.group(1)}{relativ}"', neu)
        neu = GROESSE.sub(lambda t: t.group(1) + groesse + t.group(2), neu)
        if neu != text:
            temporaer = datei.with_name(datei.name + ".tmp")
            temporaer.write_text(neu, encoding="utf-8")
            os.replace(temporaer, datei)
            geaendert += 1
    return geaendert
