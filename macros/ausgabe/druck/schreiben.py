"""The writing step of every print document: an HTML string and its stylesheets in, a tagged PDF/UA-1 file out."""

from __future__ import annotations

import gc
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration

from macros.ausgabe.druck import weasyprint70
from macros.ausgabe.druck.fehler import DruckFehler

PDF_OPTIONEN = {
    "pdf_variant": "pdf/ua-1",  # tagged, /Lang from <html lang>, title shown in the viewer, XMP metadata
    "pdf_tags": True,
    "hinting": False,
    "optimize_images": True,
}
RECHTS_NACH_LINKS = {"ar", "fa", "he", "ur", "ps", "ku", "yi", "dv"}  # written right to left
HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
ATTRIBUT = re.compile(r"""\b(lang|dir)\s*=\s*(["'])(.*?)\2""", re.I | re.S)


def schreibe_pdf(html: str, ziel: Path, *, sprache: str, stylesheets: Sequence[Path | str] = (),
                 basis: Path | None = None) -> int:
    """Writes `html` as an accessible PDF (PDF/UA-1) to `ziel`; returns the number of pages.

    html:        a whole HTML document. Its <title> becomes the PDF's title (shown by viewers), its
                 <meta name="author|description|keywords"> the metadata. Headings give the bookmarks
                 (`bookmark-level` in the stylesheet). Every link, heading, list, table and image is tagged.
    ziel:        the PDF file; written to a temporary file next to it and moved into place, so there is never a
                 half-written PDF at ziel (a failed write raises DruckFehler with a German message).
    sprache:     the document's language as a BCP 47 code ("de", "ar", "fa", "en"): the PDF's /Lang. The
                 <html> tag gets lang (and dir="rtl" for Arabic, Persian, Hebrew, Urdu …) when it has none; a
                 different lang there is an error, so the PDF never claims a language its text is not in.
    stylesheets: CSS applied in order: a Path is a CSS file, a str is CSS text. Fonts come from @font-face
                 rules with url(…) relative to the stylesheet file; WeasyPrint embeds only the glyphs used
                 (subsets), e.g. a vendored Noto Sans Arabic beside Noto Sans. Nothing is fetched from the network.
    basis:       the folder relative URLs in the HTML (images) are resolved against; None: no relative URLs.

    The same fixes hold for every document written here (weasyprint70.py): no empty Span for whitespace, a link
    `title` becomes the annotation's /Contents (give one to every link whose text is a bare URL), the reduced
    user-agent stylesheet and the memory savings. What the HTML must do itself, as the concept's print does
    (auszug.py): no element inside an <a>, no decorative <svg> (use a CSS box), alt on every <img>, <title> on
    every <svg> that carries meaning, grid rather than float for term and value pairs.
    """
    html = _mit_sprache(html, sprache)
    with weasyprint70.eingriffe():
        return _schreibe(html, ziel, stylesheets, basis)


def _mit_sprache(html: str, sprache: str) -> str:
    kopf = HTML_TAG.search(html)
    if kopf is None:
        raise DruckFehler("Das Druckdokument hat kein <html>-Element; ohne es kennt das PDF seine Sprache nicht.")
    attribute = {name.lower(): wert for name, _, wert in ATTRIBUT.findall(kopf.group(0))}
    vorhanden = attribute.get("lang")
    if vorhanden and vorhanden.lower() != sprache.lower():
        raise DruckFehler(f"Das Druckdokument ist als Sprache „{vorhanden}“ ausgezeichnet, gewünscht ist "
                          f"„{sprache}“.")
    zusatz = "" if vorhanden else f' lang="{sprache}"'
    if "dir" not in attribute and sprache.split("-")[0].lower() in RECHTS_NACH_LINKS:
        zusatz += ' dir="rtl"'
    if not zusatz:
        return html
    ende = kopf.end() - 1
    return html[:ende] + zusatz + html[ende:]


def _schreibe(html: str, ziel: Path, stylesheets: Sequence[Path | str], basis: Path | None) -> int:
    schriften = FontConfiguration()
    blaetter = [CSS(filename=str(blatt), font_config=schriften) if isinstance(blatt, Path)
                else CSS(string=blatt, font_config=schriften) for blatt in stylesheets]
    basis_url = str(basis.resolve()) + os.sep if basis is not None else None
    dokument = weasyprint70.DruckHTML(string=html, base_url=basis_url).render(
        stylesheets=blaetter, font_config=schriften, **PDF_OPTIONEN)
    weasyprint70.nach_dem_satz(dokument)
    # The parsed tree and the cascade are garbage now but sit in reference cycles; freeing them before the PDF
    # objects are built lowers the peak. The laid-out pages live until the end: frozen, no collection walks them.
    gc.collect()
    gc.freeze()
    ziel.parent.mkdir(parents=True, exist_ok=True)
    fd, temporaer = tempfile.mkstemp(prefix=".pdf-", suffix=".tmp", dir=ziel.parent)
    os.close(fd)
    try:
        dokument.write_pdf(temporaer, **PDF_OPTIONEN)
        os.chmod(temporaer, 0o644)  # mkstemp makes it private; the site serves it to everyone
        os.replace(temporaer, ziel)
    except OSError as fehler:
        raise DruckFehler(f"{ziel}: kann das PDF nicht schreiben: {fehler}") from None
    finally:
        if os.path.exists(temporaer):
            os.unlink(temporaer)
    return len(dokument.pages)
