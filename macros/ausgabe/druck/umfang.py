"""How much of each measure the print carries: its card (everything), or only its row in the measures table.

Up to KARTEN_BIS measures the PDF has every card, as the site does. Beyond that a printed card per measure
runs to more than a thousand pages (2,500 measures: 1,677 pages, 5 minutes, 3.9 GB with WeasyPrint), which
nobody prints and the build machine cannot afford. Then each measure is printed once, as its row in the
table „Alle Maßnahmen“: the chapters of the Handlungsfelder are rendered without their table and cards
(fassung.py leaves a placeholder), and here the placeholder becomes a note with the address of the measure pages.
"""

from __future__ import annotations

from lxml import etree

from macros.ausgabe.druck.auszug import Auszug, _extern
from macros.ausgabe.druck.fassung import PLATZHALTER
from macros.darstellung import adressen

KARTEN_BIS = 300
TABELLE = ".//table[contains(concat(' ', normalize-space(@class), ' '), ' ik-massnahmen ')]"
STELLEN = f".//div[@class='{PLATZHALTER}']"


def hinweise_einsetzen(auszuege: list[Auszug], adresse: str) -> None:
    """Each placeholder becomes the note; a link to a card that is not printed becomes its web address."""
    gesamt = next((a for a in auszuege if a.inhalt.xpath(TABELLE)), None)
    for auszug in auszuege:
        for stelle in auszug.inhalt.xpath(STELLEN):
            stelle.addprevious(_hinweis(int(stelle.get("data-anzahl")), gesamt, adresse))
            stelle.getparent().remove(stelle)
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


def _hinweis(anzahl: int, gesamt: Auszug | None, adresse: str) -> etree._Element:
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
    stelle = etree.SubElement(fuss, "span")
    stelle.set("class", "ik-url")
    stelle.text = f"{adresse.rstrip('/')}/{adressen.massnahme('<nummer>')}"
    stelle.tail = "."
    return absatz
