"""How much of each measure the print carries: its card (everything), or only its row in the measures table.

Up to KARTEN_BIS measures the PDF has every card, as the site does. Beyond that a printed card per measure
runs to more than a thousand pages (2,500 measures: 1,677 pages, 5 minutes, 3.9 GB with WeasyPrint), which
nobody prints and the build machine cannot afford. Then each measure is printed once, as its row in the
table „Alle Maßnahmen“; the chapters of the Handlungsfelder say so and give the address of the measure pages.
"""

from __future__ import annotations

from lxml import etree

from macros.ausgabe.druck.auszug import Auszug, _extern
from macros.darstellung import adressen

KARTEN_BIS = 300
KARTE = ".//article[contains(concat(' ', normalize-space(@class), ' '), ' ik-karte ')]"
TABELLE = ".//table[contains(concat(' ', normalize-space(@class), ' '), ' ik-massnahmen ')]"


def mit_karten(auszuege: list[Auszug], wunsch: str) -> bool:
    """'alle', 'keine', or 'auto' (cards up to KARTEN_BIS measures)."""
    if wunsch != "auto":
        return wunsch == "alle"
    return sum(len(a.inhalt.xpath(KARTE)) for a in auszuege) <= KARTEN_BIS


def nur_tabelle(auszuege: list[Auszug], site_url: str) -> None:
    """Leaves out every card and the tables beside them; the table in a chapter without cards stays."""
    gesamt = next((a for a in auszuege if a.inhalt.xpath(TABELLE) and not a.inhalt.xpath(KARTE)), None)
    for auszug in auszuege:
        karten = auszug.inhalt.xpath(KARTE)
        if not karten:
            continue
        hinweis = _hinweis(len(karten), gesamt, site_url)
        karten[0].addprevious(hinweis)
        for karte in karten:
            karte.drop_tree()
        for tabelle in auszug.inhalt.xpath(TABELLE):
            rahmen = tabelle.getparent()
            (rahmen if "ik-tabelle" in (rahmen.get("class") or "") else tabelle).drop_tree()
    vorhanden = {element.get("id") for a in auszuege for element in a.inhalt.iter() if element.get("id")}
    for auszug in auszuege:
        for link in auszug.inhalt.xpath(".//a[@data-web]"):
            if link.get("href", "").lstrip("#") in vorhanden:
                continue
            if link.getparent().tag == "td":
                link.drop_tag()  # a row's title whose card is not printed: plain text, the note gives the address
            else:
                link.set("class", " ".join(k for k in link.get("class", "").split() if k != "ik-intern"))
                _extern(link, link.get("data-web"), zeigen=False)


def _hinweis(anzahl: int, gesamt: Auszug | None, site_url: str) -> etree._Element:
    absatz = etree.Element("p")
    absatz.set("class", "ik-druckhinweis")
    wort = "Die Maßnahme dieses Handlungsfelds steht" if anzahl == 1 else \
        f"Die {anzahl} Maßnahmen dieses Handlungsfelds stehen"
    absatz.text = f"{wort} in dieser Druckfassung nur als Zeile der Tabelle "
    if gesamt is not None:
        verweis = etree.SubElement(absatz, "a")
        verweis.set("href", f"#{gesamt.kapitel.anker}")
        verweis.set("class", "ik-intern")
        verweis.text = f"„{gesamt.titel}“"
        verweis.tail = ". "
    else:
        absatz.text += "der Maßnahmen. "
    fuss = etree.SubElement(absatz, "span")
    fuss.text = ("Für so viele Maßnahmen wären ausführliche Beschreibungen zu umfangreich zum Drucken. "
                 "Jede Maßnahme steht mit allen Angaben auf ihrer eigenen Seite im Netz: ")
    adresse = etree.SubElement(fuss, "span")
    adresse.set("class", "ik-url")
    adresse.text = f"{site_url.rstrip('/')}/{adressen.massnahme('<nummer>')}"
    adresse.tail = "."
    return absatz
