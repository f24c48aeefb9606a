"""Sets the print document with WeasyPrint and writes it as a tagged PDF/UA-1 file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from weasyprint import HTML

from .fehler import DruckFehler

PDF_OPTIONEN = {
    "pdf_variant": "pdf/ua-1",  # tagged, /Lang from <html lang>, title shown in the viewer, XMP metadata
    "pdf_tags": True,
    "hinting": False,
    "optimize_images": True,
}


def schreibe_pdf(html: str, ziel: Path, basis: Path) -> int:
    """Writes the PDF atomically (never a half-written file at ziel); returns the number of pages."""
    dokument = HTML(string=html, base_url=str(basis.resolve()) + os.sep).render(**PDF_OPTIONEN)
    fd, temporaer = tempfile.mkstemp(prefix=".pdf-", suffix=".tmp", dir=ziel.parent)
    os.close(fd)
    try:
        dokument.write_pdf(temporaer, **PDF_OPTIONEN)
        os.replace(temporaer, ziel)
    except OSError as fehler:
        raise DruckFehler(f"{ziel}: kann das PDF nicht schreiben: {fehler}") from None
    finally:
        if os.path.exists(temporaer):
            os.unlink(temporaer)
    return len(dokument.pages)
