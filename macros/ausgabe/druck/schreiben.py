"""Sets the print document with WeasyPrint and writes it as a tagged PDF/UA-1 file."""

from __future__ import annotations

import gc
import os
import re
import tempfile
from pathlib import Path

import pydyf
import weasyprint.pdf
from weasyprint import CSS, HTML
from weasyprint.html import UA, UA_COUNTER_STYLE

from macros.ausgabe.druck.fehler import DruckFehler

PDF_OPTIONEN = {
    "pdf_variant": "pdf/ua-1",  # tagged, /Lang from <html lang>, title shown in the viewer, XMP metadata
    "pdf_tags": True,
    "hinting": False,
    "optimize_images": True,
}


def _seitenverweise(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf.PDF.page_references, computed once per page count instead of once per call.

    WeasyPrint's tagging asks for it once per structure element, and pydyf rebuilds the tuple of all pages
    every time: elements x pages, about 40 % of the whole run at 2,500 measures. Pages are only ever
    appended, so the page count is a safe key.
    """
    kinder = pdf.pages["Kids"]
    gespeichert = pdf.__dict__.get("_ik_seitenverweise")
    if gespeichert is None or gespeichert[0] != len(kinder):
        gespeichert = (len(kinder), tuple(f"{nummer} 0 R".encode("ascii") for nummer in kinder[::3]))
        pdf.__dict__["_ik_seitenverweise"] = gespeichert
    return gespeichert[1]


pydyf.PDF.page_references = property(_seitenverweise)


# WeasyPrint's user-agent stylesheet styles six pseudo-elements of *every* element (::marker, ::footnote-call,
# ::footnote-marker, ::note-call, ::note-marker, ::note-callback), and each gets a computed style of its own that is
# never shared: 2,500 measures have 23,000 elements, so 138,000 styles (render peak 519 -> 366 MB, whole run
# -40 MB as _entlaste frees them before the PDF objects are built anyway). The print document has
# markers only on list items and uses neither footnotes nor notes (druck.css), so those rules are narrowed to li
# or left out; everything else of the stylesheet stays as it is.
SCHMALER = {"::marker {": "li::marker {"}
WEGLASSEN = re.compile(r"^::(?:footnote-call|footnote-marker|note-call|note-marker|note-callback) \{[^}]*\}\n", re.M)


def _schlankes_ua() -> CSS:
    text = WEGLASSEN.sub("", UA)
    for alt, neu in SCHMALER.items():
        text = re.sub(rf"^{re.escape(alt)}", neu, text, flags=re.M)
    return CSS(string=text, counter_style=UA_COUNTER_STYLE)


class _DruckHTML(HTML):
    """HTML with the narrowed user-agent stylesheet (the print document has no form controls)."""

    ua = None

    def _ua_stylesheets(self, forms=False):
        if _DruckHTML.ua is None:
            _DruckHTML.ua = _schlankes_ua()
        return [_DruckHTML.ua]


# Python's cycle collector runs after every 700 new container objects and then walks the older generations too:
# with hundreds of thousands of boxes and tags alive, that is a quarter of the run (2,500 measures: 7 of 28 s).
# Far fewer collections while WeasyPrint builds; what is garbage still goes at the explicit collect below.
SAMMELSCHWELLE = (50_000, 20, 20)


def schreibe_pdf(html: str, ziel: Path, basis: Path) -> int:
    """Writes the PDF atomically (never a half-written file at ziel); returns the number of pages."""
    vorher = gc.get_threshold()
    gc.set_threshold(*SAMMELSCHWELLE)
    try:
        return _schreibe(html, ziel, basis)
    finally:
        gc.unfreeze()
        gc.set_threshold(*vorher)


# What WeasyPrint's layout context holds only for laying out, never for drawing: the computed style of every element
# (and its pseudo-elements), the table cache with the unpaginated boxes of every table, collected targets and strings.
NUR_FUER_LAYOUT = {"style_for": None, "tables": {}, "target_collector": None, "string_set": {},
                   "running_elements": {}, "broken_out_of_flow": {}, "_excluded_shapes": {}}


def _entlaste(dokument) -> None:
    """Frees what the layout needed and the PDF does not (2,500 measures: peak 542 -> 470 MB).

    WeasyPrint 70 (pinned) keeps its layout context alive after rendering when the document has an SVG image
    (the charts): the image holds the context to draw its text later. Drawing SVG text only needs the context's
    fonts, hyphenation dictionaries and image loader, so the rest is dropped here.
    """
    stapel = [seite._page_box for seite in dokument.pages]
    kontexte = {}
    while stapel:
        box = stapel.pop()
        kontext = getattr(getattr(box, "replacement", None), "_context", None)
        if kontext is not None:
            kontexte[id(kontext)] = kontext
        stapel.extend(getattr(box, "children", None) or ())
    for kontext in kontexte.values():
        for name, leer in NUR_FUER_LAYOUT.items():
            if hasattr(kontext, name):
                setattr(kontext, name, leer)


class _SeitenweiseFreigeben:
    """document.pages for WeasyPrint's tagging pass, the last step that reads the laid-out boxes: each page's box
    tree is taken apart as soon as its tags are built, so its memory takes the tags' (2,500 measures: peak
    470 -> 429 MB).
    Emptying the children lists matters: the boxes sit in reference cycles, which the collector would only free
    after the whole pass."""

    def __init__(self, dokument) -> None:
        self.seiten = dokument.pages

    @property
    def pages(self):
        return self

    def __len__(self) -> int:
        return len(self.seiten)

    def __iter__(self):
        for seite in self.seiten:
            yield seite
            stapel = [seite._page_box]
            while stapel:
                box = stapel.pop()
                kinder = getattr(box, "children", None)
                if kinder:
                    stapel.extend(kinder)
                    box.children = []
            seite._page_box = None


def _tags_seitenweise(pdf, dokument, *rest):
    return _ADD_TAGS(pdf, _SeitenweiseFreigeben(dokument), *rest)


_ADD_TAGS = weasyprint.pdf.add_tags


def _schreibe(html: str, ziel: Path, basis: Path) -> int:
    dokument = _DruckHTML(string=html, base_url=str(basis.resolve()) + os.sep).render(**PDF_OPTIONEN)
    _entlaste(dokument)
    # The parsed tree and the cascade are garbage now but sit in reference cycles; freeing them before the PDF
    # objects are built lowers the peak. The laid-out pages live until the end: frozen, no collection walks them.
    gc.collect()
    gc.freeze()
    fd, temporaer = tempfile.mkstemp(prefix=".pdf-", suffix=".tmp", dir=ziel.parent)
    os.close(fd)
    try:
        weasyprint.pdf.add_tags = _tags_seitenweise
        try:
            dokument.write_pdf(temporaer, **PDF_OPTIONEN)
        finally:
            weasyprint.pdf.add_tags = _ADD_TAGS
        os.chmod(temporaer, 0o644)  # mkstemp makes it private; the site serves it to everyone
        os.replace(temporaer, ziel)
    except OSError as fehler:
        raise DruckFehler(f"{ziel}: kann das PDF nicht schreiben: {fehler}") from None
    finally:
        if os.path.exists(temporaer):
            os.unlink(temporaer)
    return len(dokument.pages)
