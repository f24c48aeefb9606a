"""Everything the print edition changes in WeasyPrint 70, in one place, installed only while a PDF is written.

WeasyPrint 70 is pinned (requirements.txt). Each change below names what it works around; `eingriffe()` refuses
any other version, because each one relies on WeasyPrint 70's internals (named in the comments):

1. Speed: pydyf's page_references computed once per page count (tagging asks for it per structure element).
2. Memory: a user-agent stylesheet without pseudo-elements the print never uses; the layout context freed after
   rendering; each page's content stream joined into one bytes object once drawn; each page's boxes freed as
   soon as its tags are built.
3. PDF/UA and WCAG:
   - WeasyPrint tags every text box as a `Span` of its own, a whitespace-only one as an empty `Span` (WCAG
     machine check: redundant structure); the text is attached to its element instead, as WeasyPrint does in
     links (this also saves memory: about 60,000 elements fewer at 2,500 measures);
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
from weasyprint.document import Page
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


def nach_dem_satz(dokument) -> None:
    """Frees what the layout needed and the PDF does not (2,500 measures: peak 542 -> 470 MB).

    With an SVG image (the charts) WeasyPrint 70 keeps its layout context alive, as the image holds it to draw
    its text later; drawing SVG text only needs the context's fonts, hyphenation dictionaries and image loader,
    so the rest is dropped.
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


# --- 2. and 3.: while tagging, page by page ---------------------------------------------------------------

# A freed slot of pydyf's object list: written as a free entry of the cross-reference table, never as an object.
FREI = pydyf.Object()
FREI.number, FREI.generation, FREI.free = 0, 65535, "f"


def _nummer(verweis: bytes) -> int:
    return int(verweis.split(b" ", 1)[0])


class _Seitenweise:
    """document.pages for WeasyPrint's tagging pass (weasyprint.pdf.add_tags), which builds each page's structure
    elements from its laid-out boxes. After each page:

    - Each text run's own `Span` goes: WeasyPrint 70 wraps every text box in a `Span` of its own (a whitespace
      box in an empty one, which the WCAG machine check reports as redundant) and attaches text directly only in
      links. Here the text's marked content is attached to the element it belongs to (P, H2, TD, LBody …), as
      in a link; the `Span` objects are freed. Elements that are <span> in the HTML stay. (2,500 measures:
      about 60,000 structure elements fewer.)
    - The page's box tree is taken apart, so its memory takes the tags' (2,500 measures: peak 470 -> 429 MB).
      Emptying the children lists matters: the boxes sit in reference cycles, which the collector would only
      free after the whole pass.
    """

    def __init__(self, pdf, dokument) -> None:
        self.pdf = pdf
        self.seiten = dokument.pages

    @property
    def pages(self):
        return self

    def __len__(self) -> int:
        return len(self.seiten)

    def __iter__(self):
        for seite in self.seiten:
            yield seite
            self._ohne_textspans()
            stapel = [seite._page_box]
            while stapel:
                box = stapel.pop()
                kinder = getattr(box, "children", None)
                if kinder:
                    stapel.extend(kinder)
                    box.children = []
            seite._page_box = None

    def _ohne_textspans(self) -> None:
        objekte = self.pdf.objects
        wurzel = objekte[_nummer(self.pdf.catalog["StructTreeRoot"])]
        zuordnung = objekte[_nummer(wurzel["ParentTree"])]["Nums"][-1]  # this page: MCID -> element
        for mcid, verweis in enumerate(zuordnung):
            span = objekte[_nummer(verweis)]
            kinder = span.get("K")
            if span.get("S") != "/Span" or kinder is None or len(kinder) != 1 or kinder[0] != mcid:
                continue
            eltern = objekte[_nummer(span["P"])]
            geschwister = eltern["K"]
            geschwister[geschwister.index(verweis)] = mcid
            zuordnung[mcid] = span["P"]
            objekte[span.number] = FREI


# --- 2. Each page's content stream joined once the page is drawn --------------------------------------------

def _malen_und_verdichten(paint):
    """weasyprint.document.Page.paint, then the page's content stream (a list of one bytes object per drawing
    operator in pydyf 0.13) is joined into one: WeasyPrint 70 keeps every page's operators until it writes the
    file, at 2,500 measures about 1.7 million small objects. pydyf writes the same bytes (Stream.data joins the
    list with newlines)."""
    def malen(seite, stream, *argumente, **optionen):
        paint(seite, stream, *argumente, **optionen)
        stream.stream = [b"\n".join(pydyf._to_bytes(teil) for teil in stream.stream)]
    return malen


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
    alt_malen = Page.paint
    alt_schwelle = gc.get_threshold()

    def tags_seitenweise(pdf, dokument, *rest):
        return alt_tags(pdf, _Seitenweise(pdf, dokument), *rest)

    pydyf.PDF.page_references = property(_seitenverweise)
    weasyprint.pdf.add_tags = tags_seitenweise
    weasyprint.pdf.add_links = _mit_beschreibung(alt_links)
    Page.paint = _malen_und_verdichten(alt_malen)
    gc.set_threshold(*SAMMELSCHWELLE)
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*alt_schwelle)
        weasyprint.pdf.add_links = alt_links
        Page.paint = alt_malen
        weasyprint.pdf.add_tags = alt_tags
        if alt_verweise is not None:
            pydyf.PDF.page_references = alt_verweise
