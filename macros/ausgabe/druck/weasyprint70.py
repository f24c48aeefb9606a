"""Everything the print edition changes in WeasyPrint 70, in one place, installed only while a PDF is written.

WeasyPrint 70 is pinned (requirements.txt). Each change below names what it works around; `eingriffe()` refuses
any other version, because each one relies on WeasyPrint 70's internals (named in the comments):

1. Speed: pydyf's page_references computed once per page count (tagging asks for it per structure element).
2. Memory: a user-agent stylesheet without pseudo-elements the print never uses; the layout context freed after
   rendering; each page's boxes freed as soon as its tags are built.
3. PDF/UA and WCAG:
   - a whitespace-only text box draws nothing but WeasyPrint tags it as its own, empty `Span` (WCAG machine
     check: redundant structure); such boxes are taken out of the laid-out lines before drawing;
   - WeasyPrint sets every link annotation's /Contents to its target, so a link whose text is a bare URL has no
     description (WCAG 2.4.9); the link's `title` attribute, if it has one, becomes its /Contents.

What the HTML and the stylesheet can fix is fixed there (auszug.py, druck.css), not here: no element inside a
link (WeasyPrint 70 would give each its own link annotation outside the `Link` element, PDF/UA 7.18.5), no
decorative <svg> (tagged as `Figure` without Alt, PDF/UA 7.3), definition lists as grid, not float (a float
pushed to the next page loses its list, PDF/UA 7.2).
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager

import pydyf
import weasyprint
import weasyprint.pdf
from weasyprint import CSS, HTML
from weasyprint.formatting_structure import boxes
from weasyprint.html import UA, UA_COUNTER_STYLE

from macros.ausgabe.druck.fehler import DruckFehler

GEPRUEFT = "70"


def pruefe_version() -> None:
    """Stops with a German message when WeasyPrint is not the version these changes were made for."""
    if weasyprint.__version__.split(".")[0] != GEPRUEFT:
        raise DruckFehler(f"WeasyPrint {weasyprint.__version__} ist installiert, die Druckfassung ist für "
                          f"WeasyPrint {GEPRUEFT} gebaut (macros/ausgabe/druck/weasyprint70.py greift in dessen "
                          "Inneres ein). Bitte `make .venv/.installiert` ausführen oder die Eingriffe prüfen.")


# --- 1. pydyf.PDF.page_references, once per page count -------------------------------------------------------

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


# --- 2. A narrower user-agent stylesheet ---------------------------------------------------------------------

# WeasyPrint's user-agent stylesheet styles six pseudo-elements of *every* element (::marker, ::footnote-call,
# ::footnote-marker, ::note-call, ::note-marker, ::note-callback), and each gets a computed style of its own that is
# never shared: 2,500 measures have 23,000 elements, so 138,000 styles (render peak 519 -> 366 MB). Our print
# documents have markers only on list items and use neither footnotes nor notes, so those rules are narrowed to
# li or left out; everything else of the stylesheet stays as it is.
SCHMALER = {"::marker {": "li::marker {"}
WEGLASSEN = re.compile(r"^::(?:footnote-call|footnote-marker|note-call|note-marker|note-callback) \{[^}]*\}\n", re.M)


def _schlankes_ua() -> CSS:
    text = WEGLASSEN.sub("", UA)
    for alt, neu in SCHMALER.items():
        text = re.sub(rf"^{re.escape(alt)}", neu, text, flags=re.M)
    return CSS(string=text, counter_style=UA_COUNTER_STYLE)


class DruckHTML(HTML):
    """HTML with the narrowed user-agent stylesheet (print documents have no form controls)."""

    ua = None

    def _ua_stylesheets(self, forms=False):
        if DruckHTML.ua is None:
            DruckHTML.ua = _schlankes_ua()
        return [DruckHTML.ua]


# --- 2. and 3.: after rendering, before drawing ----------------------------------------------------------------

# What WeasyPrint's layout context holds only for laying out, never for drawing: the computed style of every element
# (and its pseudo-elements), the table cache with the unpaginated boxes of every table, collected targets and strings.
NUR_FUER_LAYOUT = {"style_for": None, "tables": {}, "target_collector": None, "string_set": {},
                   "running_elements": {}, "broken_out_of_flow": {}, "_excluded_shapes": {}}


def _nur_leerraum(box) -> bool:
    """A text box that draws nothing: only whitespace, no line drawn through, under or over it."""
    return (isinstance(box, boxes.TextBox) and not box.text.strip()
            and box.style["text_decoration_line"] == "none")


def nach_dem_satz(dokument) -> int:
    """Prepares a rendered document for drawing; returns how many empty text boxes were taken out.

    Takes whitespace-only text boxes out of the lines (WeasyPrint 70 draws nothing for them, see draw/text.py
    `draw_first_line`, but tags each as an empty Span). Frees what the layout needed and the PDF does not
    (2,500 measures: peak 542 -> 470 MB): with an SVG image (the charts) WeasyPrint 70 keeps its layout context
    alive, as the image holds it to draw its text later; drawing SVG text only needs the context's fonts,
    hyphenation dictionaries and image loader, so the rest is dropped.
    """
    stapel = [seite._page_box for seite in dokument.pages]
    kontexte = {}
    entfernt = 0
    while stapel:
        box = stapel.pop()
        kontext = getattr(getattr(box, "replacement", None), "_context", None)
        if kontext is not None:
            kontexte[id(kontext)] = kontext
        kinder = getattr(box, "children", None)
        if not kinder:
            continue
        if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
            behalten = [kind for kind in kinder if not _nur_leerraum(kind)]
            if len(behalten) != len(kinder):
                entfernt += len(kinder) - len(behalten)
                box.children = kinder = behalten
        stapel.extend(kinder)
    for kontext in kontexte.values():
        for name, leer in NUR_FUER_LAYOUT.items():
            if hasattr(kontext, name):
                setattr(kontext, name, leer)
    return entfernt


# --- 2. Boxes freed page by page while tagging ---------------------------------------------------------------

class _SeitenweiseFreigeben:
    """document.pages for WeasyPrint's tagging pass (weasyprint.pdf.add_tags), the last step that reads the
    laid-out boxes: each page's box tree is taken apart as soon as its tags are built, so its memory takes the
    tags' (2,500 measures: peak 470 -> 429 MB). Emptying the children lists matters: the boxes sit in reference
    cycles, which the collector would only free after the whole pass."""

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


# --- 3. A link's title as its annotation's /Contents -----------------------------------------------------------

def _mit_beschreibung(add_links):
    """weasyprint.pdf.add_links, then each link annotation whose <a> has a title gets it as /Contents."""
    def links_eintragen(links_and_anchors, *rest):
        add_links(links_and_anchors, *rest)
        for _, _, _, box in links_and_anchors[0]:
            anmerkung = getattr(box, "link_annotation", None)
            element = getattr(box, "element", None)
            titel = element.get("title") if element is not None and box.element_tag == "a" else None
            if anmerkung is not None and titel and titel.strip():
                anmerkung["Contents"] = pydyf.String(" ".join(titel.split()))
    return links_eintragen


# --- Installed for one write -----------------------------------------------------------------------------------

# Python's cycle collector runs after every 700 new container objects and then walks the older generations too:
# with hundreds of thousands of boxes and tags alive, that is a quarter of the run (2,500 measures: 7 of 28 s).
# Far fewer collections while WeasyPrint builds; what is garbage still goes at the explicit collect in schreiben.
SAMMELSCHWELLE = (50_000, 20, 20)


@contextmanager
def eingriffe():
    """Installs the changes above for the duration of one PDF; WeasyPrint is as before afterwards."""
    pruefe_version()
    alt_verweise = pydyf.PDF.__dict__.get("page_references")
    alt_tags = weasyprint.pdf.add_tags
    alt_links = weasyprint.pdf.add_links
    alt_schwelle = gc.get_threshold()

    def tags_seitenweise(pdf, dokument, *rest):
        return alt_tags(pdf, _SeitenweiseFreigeben(dokument), *rest)

    pydyf.PDF.page_references = property(_seitenverweise)
    weasyprint.pdf.add_tags = tags_seitenweise
    weasyprint.pdf.add_links = _mit_beschreibung(alt_links)
    gc.set_threshold(*SAMMELSCHWELLE)
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*alt_schwelle)
        weasyprint.pdf.add_links = alt_links
        weasyprint.pdf.add_tags = alt_tags
        if alt_verweise is not None:
            pydyf.PDF.page_references = alt_verweise
