"""Makes each chapter's rendered HTML (navigation.py) fit one print document.

Ids get the chapter as prefix (every chapter has an „Ausgangslage“), links between pages become links inside
the document, everything else becomes a printed web address. The markup is kept to what tags well in
WeasyPrint 70 (PDF/UA-1): a link holds only text, its printed address stands after it, a decorative <svg>
becomes a CSS box, and a link whose text is a bare address gets a title that says where it leads.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from macros.ausgabe.druck.navigation import Kapitel
from macros.daten.begriffe import SPALTEN as SPALTENKOEPFE

BASIS = "http://ik.invalid/"  # a base no link can really point to; only used to resolve relative links
# Web-only parts: permalink marks, scripts and controls; `ik-nur-web` / data-pdf="aus" lets a
# chapter mark more (e.g. an interactive filter).
WEG = etree.XPath(
    ".//a[contains(concat(' ', @class, ' '), ' headerlink ')]"
    " | .//*[contains(concat(' ', @class, ' '), ' md-content__button ')]"
    " | .//*[contains(concat(' ', @class, ' '), ' md-source-file ')]"
    " | .//*[contains(concat(' ', @class, ' '), ' ik-nur-web ')]"
    " | .//*[@data-pdf='aus'] | .//*[@hidden]"
    " | .//script | .//style | .//noscript | .//button | .//form | .//input | .//select | .//textarea"
    " | .//iframe | .//video | .//audio | .//canvas | .//template"
)
VERWEIS_ATTRIBUTE = ("aria-labelledby", "aria-describedby", "aria-controls", "headers", "for")
LEER = re.compile(r"\s+")


@dataclass
class Auszug:
    """One chapter, cut out: its title (the page's h1) and its content as a <section>."""

    kapitel: Kapitel
    titel: str
    inhalt: etree._Element


def auszuege(kapitel: list[tuple[Kapitel, str]], adresse: str, docs: Path) -> list[Auszug]:
    """Every chapter's content (its rendered HTML) in nav order, with ids and links fitted to the print document;
    links out of the document print the public address `adresse`."""
    rohe = [(k, _artikel(html)) for k, html in kapitel]
    nach_url = {k.url: k for k in (k for k, _ in rohe)}
    ids = {k.anker: {el.get("id") for el in artikel.iterfind(".//*[@id]")} for k, artikel in rohe}
    haeufigkeit = Counter(i for menge in ids.values() for i in menge)
    eindeutig = {i: k for k, _ in rohe for i in ids[k.anker] if haeufigkeit[i] == 1}
    ziele = _Ziele(nach_url, ids, eindeutig, adresse.rstrip("/") + "/", docs)
    return [_passe_an(k, artikel, ziele) for k, artikel in rohe]


def _artikel(html: str) -> etree._Element:
    artikel = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="article")
    for element in WEG(artikel):
        if element.getparent() is not None:
            element.drop_tree()
    return artikel


@dataclass
class _Ziele:
    """Where a link of the site lands in the print document."""

    nach_url: dict[str, Kapitel]
    ids: dict[str, set[str]]
    eindeutig: dict[str, Kapitel]
    adresse: str
    docs: Path

    def intern(self, seite: Kapitel, href: str) -> str | None:
        """'#anchor' inside the document, or None when the target is not in it."""
        teile = urlsplit(urljoin(BASIS + seite.url, href))
        if f"{teile.scheme}://{teile.netloc}/" != BASIS:
            return None
        pfad = re.sub(r"(^|/)index\.html$", r"\1", teile.path.lstrip("/"))
        ziel = self.nach_url.get(pfad)
        if ziel is not None:
            if teile.fragment and teile.fragment in self.ids[ziel.anker]:
                return f"#{ziel.anker}--{teile.fragment}"
            return f"#{ziel.anker}"
        # A page outside the nav whose name is an anchor in one chapter: a measure's permalink -> its card.
        letzter = pfad.rstrip("/").rsplit("/", 1)[-1]
        if letzter in self.eindeutig:
            return f"#{self.eindeutig[letzter].anker}--{letzter}"
        return None

    def im_netz(self, seite: Kapitel, href: str) -> str:
        """The public web address of a link within the site."""
        teile = urlsplit(urljoin(BASIS + seite.url, href))
        adresse = self.adresse + teile.path.lstrip("/")
        return adresse + (f"#{teile.fragment}" if teile.fragment else "")

    def datei(self, seite: Kapitel, src: str) -> str | None:
        """A file URL for an image of the docs, or None for anything outside them."""
        teile = urlsplit(urljoin(BASIS + seite.url, src))
        if f"{teile.scheme}://{teile.netloc}/" != BASIS:
            return None
        pfad = (self.docs / teile.path.lstrip("/")).resolve()
        return pfad.as_uri() if pfad.is_file() else None


def _passe_an(kapitel: Kapitel, artikel: etree._Element, ziele: _Ziele) -> Auszug:
    praefix = kapitel.anker + "--"
    for element in artikel.iterfind(".//*[@id]"):
        element.set("id", praefix + element.get("id"))
    for attribut in VERWEIS_ATTRIBUTE:
        for element in artikel.iterfind(f".//*[@{attribut}]"):
            element.set(attribut, " ".join(praefix + teil for teil in element.get(attribut).split()))
    for details in artikel.iter("details"):
        details.tag = "div"
        details.attrib.pop("open", None)
        _klasse(details, "ik-aufgeklappt")
        for summary in details.iterfind("summary"):
            summary.tag = "p"
            _klasse(summary, "ik-aufgeklappt__titel")
    for rahmen in artikel.iterfind(".//*[@tabindex]"):
        # Scroll regions are for screens; in print the table is the content.
        del rahmen.attrib["tabindex"]
        if rahmen.get("role") == "region":
            del rahmen.attrib["role"]
            rahmen.attrib.pop("aria-label", None)
    for bild in artikel.iter("img"):
        bild.attrib.pop("srcset", None)
        bild.attrib.pop("loading", None)
        ziel = ziele.datei(kapitel, bild.get("src", ""))
        if ziel is None:
            bild.drop_tree()  # nothing is loaded from elsewhere
        else:
            bild.set("src", ziel)
    for link in list(artikel.iter("a")):
        _verlinke(link, kapitel, ziele)
    _nur_text_in_links(artikel)
    _farbfelder(artikel)
    for liste in artikel.iterfind(".//dl"):
        _paare(liste)
    for zelle in artikel.iter("td"):
        _flache_zelle(zelle)
    for tabelle in artikel.xpath(".//table[contains(concat(' ', normalize-space(@class), ' '), ' ik-massnahmen ')]"):
        _spaltenbreiten(tabelle)
    breit = bool(artikel.xpath(ALLE))
    for zeile in artikel.xpath(ALLE + "/tbody/tr"):
        # The filter's data (data-suche repeats each measure's whole text) is for the browser only.
        for name in [n for n in zeile.attrib if n.startswith("data-")]:
            del zeile.attrib[name]
    _ohne_wiederholungen(artikel, kapitel)

    titel_element = next(artikel.iter("h1"), None)
    titel = LEER.sub(" ", titel_element.text_content()).strip() if titel_element is not None else ""
    artikel.tag = "section"
    artikel.attrib.clear()
    artikel.set("class", "kapitel kapitel--breit" if breit else "kapitel")
    artikel.set("id", kapitel.anker)
    if titel_element is not None:
        _klasse(titel_element, "kapitel__titel")
    return Auszug(kapitel=kapitel, titel=titel or kapitel.nav_titel or kapitel.pfad, inhalt=artikel)


def _verlinke(link: etree._Element, kapitel: Kapitel, ziele: _Ziele) -> None:
    href = (link.get("href") or "").strip()
    link.attrib.pop("target", None)
    if not href:
        return
    schema = urlsplit(href).scheme.lower()
    if schema in ("http", "https", "mailto"):
        _extern(link, href)
    elif schema:
        del link.attrib["href"]  # javascript:, data: … have no place in a document
    elif href.startswith("//"):
        _extern(link, "https:" + href)
    elif _hat_klasse(link.getparent(), "ik-permalink"):
        # "Eigene Seite dieser Maßnahme": in print, its web address is what a reader needs: „Im Netz: https://…“.
        adresse = ziele.im_netz(kapitel, href)
        link.set("title", LEER.sub(" ", link.text_content()).strip() + " im Netz")
        for kind in list(link):
            link.remove(kind)
        link.text = adresse
        link.getparent().text = "Im Netz: "
        _extern(link, adresse)
    else:
        anker = ziele.intern(kapitel, href)
        if anker is None and link.getparent() is not None and link.getparent().tag == "td":
            link.drop_tag()  # a row's title whose card is not printed (umfang.py): the chapter notes give the address
        elif anker is None:
            _extern(link, ziele.im_netz(kapitel, href))
        else:
            link.set("href", anker)
            link.set("data-web", ziele.im_netz(kapitel, href))  # in case its target is left out (umfang.py)
            _klasse(link, "ik-intern")


def _extern(link: etree._Element, href: str, zeigen: bool = True) -> None:
    """A link out of the document: kept clickable, and (unless zeigen is False) its address printed after it.

    The address stands after the link, not inside it: WeasyPrint 70 gives every element box inside a link its own
    link annotation, tagged outside the Link element (PDF/UA-1 7.18.5). A link whose text is its address gets a
    title, which the PDF gives as its description (WCAG 2.4.9; weasyprint70.py)."""
    link.set("href", href)
    _klasse(link, "ik-extern")
    gezeigt = href[len("mailto:"):] if href.lower().startswith("mailto:") else href
    text = LEER.sub(" ", link.text_content()).strip().rstrip("/")
    ohne_schema = re.sub(r"^[a-z]+://", "", gezeigt).rstrip("/")
    if text in (gezeigt.rstrip("/"), ohne_schema, href.rstrip("/")):
        _klasse(link, "ik-url")
        if not link.get("title"):
            link.set("title", beschreibung(href))
        return
    if not zeigen:
        return
    adresse = etree.Element("span")
    adresse.set("class", "ik-url")
    adresse.text = f"({gezeigt})"  # the space before it outside: a span must not begin a line with nothing in it
    adresse.tail, link.tail = link.tail, " "
    link.addnext(adresse)


def beschreibung(href: str) -> str:
    """Where a link leads, in words, for a link whose text is only its address: never itself an address."""
    if href.lower().startswith("mailto:"):
        return f"E-Mail an {href[len('mailto:'):]}"
    teile = urlsplit(href)
    return f"Seite im Netz bei {teile.netloc or href}"


def _nur_text_in_links(artikel: etree._Element) -> None:
    """A link holds only text (abbreviations, code, emphasis inside it are unwrapped): WeasyPrint 70 gives every
    element box inside a link its own link annotation, tagged outside the Link element (PDF/UA-1 7.18.5)."""
    for link in artikel.iter("a"):
        for kind in list(link.iterdescendants()):
            if isinstance(kind.tag, str) and kind.tag not in ("img", "svg"):
                kind.drop_tag()


def _farbfelder(artikel: etree._Element) -> None:
    """A decorative SVG (aria-hidden, e.g. a legend's colour swatch) becomes a coloured CSS box before its text:
    WeasyPrint 70 tags every <svg> as Figure and takes no aria-hidden into account, and a Figure needs a text
    alternative (PDF/UA-1 7.3). A background is drawn as an artifact. Without a fill colour it is left out."""
    for bild in artikel.xpath(".//*[local-name()='svg'][@aria-hidden='true']"):
        farbe = next((f for f in bild.xpath(".//@fill") if re.fullmatch(r"#[0-9a-fA-F]{3,8}", f)), None)
        eltern = bild.getparent()
        if farbe is not None and eltern is not None:
            eltern.set("style", f"--ik-farbe: {farbe}")
            _klasse(eltern, "ik-farbfeld")
        _entferne(bild)


def _entferne(element: etree._Element) -> None:
    """Removes an element and keeps its tail text (without the space that separated it from what follows)."""
    eltern = element.getparent()
    rest = (element.tail or "").lstrip()
    vorher = element.getprevious()
    if vorher is not None:
        vorher.tail = (vorher.tail or "") + rest
    else:
        eltern.text = (eltern.text or "") + rest
    eltern.remove(element)


def _ohne_wiederholungen(artikel: etree._Element, kapitel: Kapitel) -> None:
    """What each card repeats on the web and the print says once: the field that only links back to the chapter
    the card stands in (the running header names it), and the proposal explanation (the contents page explains
    the mark „Vorschlag – nicht beschlossen“, which every such card still carries)."""
    for feld in artikel.xpath(".//div[@class='ik-feld'][dd[count(*)=1]/a[@href=$ziel]]", ziel=f"#{kapitel.anker}"):
        feld.drop_tree()
    for hinweis in artikel.xpath(".//*[contains(concat(' ', @class, ' '), ' ik-vorschlag-hinweis ')]"):
        hinweis.drop_tree()


# Relative widths of the measures table's columns by header; any other column gets ANDERE. The table is laid out
# with these fixed widths (fast for thousands of rows), whichever columns the site's table has.
SPALTEN = {SPALTENKOEPFE[s]: w for s, w in {"id": 11, "titel": 23, "status": 13, "handlungsfeld": 12,
                                             "beschlussstand": 13, "federfuehrung": 16, "zeitraum": 13}.items()}
ANDERE = 12
# The table of all measures stands on landscape pages (druck.css, `kapitel--breit`): 261 mm for the same columns.
# Wider than SPALTEN gives them, most cells take one or two lines; fewer lines are fewer boxes, tags and pages.
ALLE = ".//table[contains(concat(' ', normalize-space(@class), ' '), ' ik-massnahmen--alle ')]"
SPALTEN_BREIT = {SPALTENKOEPFE[s]: w for s, w in {"id": 7, "titel": 27, "status": 10, "handlungsfeld": 14,
                                                   "beschlussstand": 13, "federfuehrung": 17, "zeitraum": 12}.items()}


def _spaltenbreiten(tabelle: etree._Element) -> None:
    """A <colgroup> with a width for every column, from the header texts, adding up to 100 %."""
    kopf = tabelle.xpath("./thead/tr[1]/th | ./thead/tr[1]/td")
    if not kopf or tabelle.find("colgroup") is not None:
        return
    breiten = SPALTEN_BREIT if "ik-massnahmen--alle" in (tabelle.get("class") or "").split() else SPALTEN
    gewichte = [breiten.get(LEER.sub(" ", zelle.text_content()).strip(), ANDERE) for zelle in kopf]
    gruppe = etree.Element("colgroup")
    for gewicht in gewichte:
        spalte = etree.SubElement(gruppe, "col")
        spalte.set("style", f"width: {100 * gewicht / sum(gewichte):.2f}%")
    beschriftung = tabelle.find("caption")
    if beschriftung is not None:
        beschriftung.addnext(gruppe)  # a colgroup comes right after the caption
    else:
        tabelle.insert(0, gruppe)


def _flache_zelle(zelle: etree._Element) -> None:
    """A status mark in a table cell becomes the cell's own class: one element less per cell, and with
    thousands of rows every element costs WeasyPrint time and memory (computed style, box, tag)."""
    kinder = list(zelle)
    if len(kinder) == 1 and kinder[0].tag == "span" and not (zelle.text or "").strip() and len(kinder[0]) == 0:
        for klasse in (kinder[0].get("class") or "").split():
            _klasse(zelle, klasse)
        kinder[0].drop_tag()


def _paare(liste: etree._Element) -> None:
    """Groups each term with its descriptions (<div><dt/><dd/></div>, valid HTML): in print the term floats
    left of its value, and the group keeps a long value from flowing under the next term."""
    gruppe = None
    for kind in list(liste):
        if kind.tag == "dt" and (gruppe is None or gruppe[-1].tag != "dt"):
            gruppe = etree.Element("div")
            gruppe.set("class", "ik-feld")
            kind.addprevious(gruppe)
        if kind.tag in ("dt", "dd") and gruppe is not None:
            gruppe.append(kind)


def _klasse(element: etree._Element, name: str) -> None:
    element.set("class", f"{element.get('class', '')} {name}".strip())


def _hat_klasse(element: etree._Element | None, name: str) -> bool:
    return element is not None and name in (element.get("class") or "").split()
