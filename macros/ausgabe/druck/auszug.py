"""Cuts each chapter's article out of its built page and makes it fit one print document.

Material's page frame (flex layout, navigation, search, scroll wrappers) never reaches the PDF: only
`article.md-content__inner` does. Ids get the chapter as prefix (every chapter has an „Ausgangslage“),
links between pages become links inside the document, everything else becomes a printed web address.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from macros.ausgabe.druck.fehler import DruckFehler
from macros.ausgabe.druck.navigation import Kapitel
from macros.daten.begriffe import SPALTEN as SPALTENKOEPFE

BASIS = "http://ik.invalid/"  # a base no link can really point to; only used to resolve relative links
ARTIKEL = "//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]"
# Web-only parts: permalink marks, the edit button, scripts and controls; `ik-nur-web` / data-pdf="aus" lets a
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


def auszuege(site_dir: Path, kapitel: list[Kapitel], site_url: str) -> list[Auszug]:
    """Every chapter's content in nav order, with ids and links fitted to the print document."""
    rohe = [(k, _mit_folgeseiten(site_dir, k, _artikel(site_dir, k))) for k in kapitel]
    nach_url = {k.url: k for k in kapitel}
    ids = {k.anker: {el.get("id") for el in artikel.iterfind(".//*[@id]")} for k, artikel in rohe}
    haeufigkeit = Counter(i for menge in ids.values() for i in menge)
    eindeutig = {i: k for k, _ in rohe for i in ids[k.anker] if haeufigkeit[i] == 1}
    ziele = _Ziele(nach_url, ids, eindeutig, site_url.rstrip("/") + "/", site_dir)
    return [_passe_an(k, artikel, ziele) for k, artikel in rohe]


def _artikel(site_dir: Path, kapitel: Kapitel) -> etree._Element:
    datei = site_dir / kapitel.url / "index.html"
    try:
        dokument = lxml.html.document_fromstring(datei.read_bytes())
    except OSError:
        raise DruckFehler(f"{datei}: Seite „{kapitel.pfad}“ fehlt im gebauten Auftritt; erst `mkdocs build` "
                          "ausführen (make build).") from None
    gefunden = dokument.xpath(ARTIKEL)
    if not gefunden:
        raise DruckFehler(f"{datei}: kein <article class=\"md-content__inner\"> gefunden; ist das eine Seite "
                          "des Material-Themes?")
    artikel = gefunden[0]
    for element in WEG(artikel):
        if element.getparent() is not None:
            element.drop_tree()
    return artikel


BLAETTERN = ".//nav[contains(concat(' ', normalize-space(@class), ' '), ' ik-blaettern ')]"
KARTEN = ".//*[contains(concat(' ', normalize-space(@class), ' '), ' ik-karte ')]"
TABELLEN = ".//table[contains(concat(' ', normalize-space(@class), ' '), ' ik-massnahmen ')]"


def _mit_folgeseiten(site_dir: Path, kapitel: Kapitel, artikel: etree._Element) -> etree._Element:
    """A long list is split over web pages (macros/seitenteilung.py: …/seite-2/ …); the print has it whole.

    The rows of each measures table and the cards of the sub-pages are appended to those of the chapter's first
    page; the page navigation (web only) goes.
    """
    navigation = artikel.xpath(BLAETTERN)
    folgeseiten = []
    for nav in navigation[:1]:
        for link in nav.iterfind(".//a[@href]"):
            if link.get("aria-current") == "page":
                continue
            pfad = urlsplit(urljoin(BASIS + kapitel.url, link.get("href"))).path.lstrip("/")
            if pfad not in folgeseiten:
                folgeseiten.append(pfad)
    for element in navigation:
        element.drop_tree()
    for pfad in folgeseiten:
        datei = site_dir / pfad / "index.html"
        try:
            seite = lxml.html.document_fromstring(datei.read_bytes()).xpath(ARTIKEL)
        except OSError:
            raise DruckFehler(f"{datei}: Folgeseite von „{kapitel.pfad}“ fehlt im gebauten Auftritt; erst "
                              "`mkdocs build` ausführen (make build).") from None
        if not seite:
            continue
        for tabelle in seite[0].xpath(TABELLEN):
            ziel = next((t for t in artikel.xpath(TABELLEN) if t.get("class") == tabelle.get("class")), None)
            if ziel is not None and ziel.find("tbody") is not None and tabelle.find("tbody") is not None:
                ziel.find("tbody").extend(list(tabelle.find("tbody")))
        karten = seite[0].xpath(KARTEN)
        bisher = artikel.xpath(KARTEN)
        if karten and bisher:
            letzte = bisher[-1]
            for karte in karten:
                letzte.addnext(karte)
                letzte = karte
    return artikel


@dataclass
class _Ziele:
    """Where a link of the site lands in the print document."""

    nach_url: dict[str, Kapitel]
    ids: dict[str, set[str]]
    eindeutig: dict[str, Kapitel]
    site_url: str
    site_dir: Path

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
        adresse = self.site_url + teile.path.lstrip("/")
        return adresse + (f"#{teile.fragment}" if teile.fragment else "")

    def datei(self, seite: Kapitel, src: str) -> str | None:
        """A file URL for an image of the site, or None for anything outside it."""
        teile = urlsplit(urljoin(BASIS + seite.url, src))
        if f"{teile.scheme}://{teile.netloc}/" != BASIS:
            return None
        pfad = (self.site_dir / teile.path.lstrip("/")).resolve()
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
        for kind in list(link):
            link.remove(kind)
        link.text = adresse
        link.getparent().text = "Im Netz: "
        _extern(link, adresse)
    else:
        anker = ziele.intern(kapitel, href)
        if anker is None:
            _extern(link, ziele.im_netz(kapitel, href))
        else:
            link.set("href", anker)
            link.set("data-web", ziele.im_netz(kapitel, href))  # in case its target is left out (umfang.py)
            _klasse(link, "ik-intern")


def _extern(link: etree._Element, href: str, zeigen: bool = True) -> None:
    """A link out of the document: kept clickable, and (unless zeigen is False) its address printed after it."""
    link.set("href", href)
    _klasse(link, "ik-extern")
    if not zeigen:
        return
    gezeigt = href[len("mailto:"):] if href.lower().startswith("mailto:") else href
    text = LEER.sub(" ", link.text_content()).strip().rstrip("/")
    ohne_schema = re.sub(r"^[a-z]+://", "", gezeigt).rstrip("/")
    if text in (gezeigt.rstrip("/"), ohne_schema, href.rstrip("/")):
        _klasse(link, "ik-url")
        return
    adresse = etree.SubElement(link, "span")
    adresse.set("class", "ik-url")
    adresse.text = f" ({gezeigt})"


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
