"""The print document: cover, contents and chapters in one HTML file with our own print stylesheet."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from macros.ausgabe.druck.auszug import Auszug
from macros.darstellung import statusfarben
from macros.darstellung.datum import datum_de
from macros.daten.model import Konzept

VORLAGE = Path(__file__).resolve().parent / "vorlage"
DRUCK_CSS = VORLAGE / "druck.css"


def stylesheets() -> list[Path | str]:
    """The print document's stylesheets: the status colours (the CSS text the site's status.css is written
    from, statusfarben.py), then druck.css."""
    return [statusfarben.css(), DRUCK_CSS]
UEBERBLICK = "Überblick"  # the start page's h1 is the document's title, which the cover already shows


@dataclass(frozen=True)
class Teil:
    """A nav section and its chapters, as the contents list them."""

    titel: str | None
    kapitel: list[dict]


def oeffentliche_adresse(konzept: Konzept) -> str:
    """The address the print gives for the site: SITE_URL when the build sets it (publishing), else the one in
    data/konzept.yaml (`adresse`); never the local preview's."""
    adresse = os.environ.get("SITE_URL", "").strip() or konzept.adresse
    return adresse.rstrip("/") + "/"


def status_text(konzept: Konzept) -> str:
    """'Entwurf' or 'Beschlossen am 13.05.2019' (or just 'Beschlossen' without a date)."""
    if konzept.status == "beschlossen":
        return f"Beschlossen am {datum_de(konzept.beschlossen_am)}" if konzept.beschlossen_am else "Beschlossen"
    return "Entwurf"


def schlagwoerter(konzept: Konzept, auszuege: list[Auszug]) -> str:
    """Keywords for the PDF's metadata: the subject and the chapters of the Handlungsfelder."""
    felder = [a.titel for a in auszuege if a.kapitel.pfad.startswith("handlungsfelder/")
              and not a.kapitel.pfad.endswith("index.md")]
    return ", ".join(["Integrationskonzept", konzept.herausgeber, "Integration", "Migration", "Teilhabe", *felder])


def html_dokument(konzept: Konzept, auszuege: list[Auszug], beschreibung: str, web_adresse: str,
                  sprache: str) -> str:
    """The whole print document as one HTML string."""
    teile: list[Teil] = []
    kapitel_html = []
    for auszug in auszuege:
        titel = UEBERBLICK if auszug.titel == konzept.titel else auszug.titel
        if titel != auszug.titel:
            for h1 in auszug.inhalt.iter("h1"):
                for kind in list(h1):
                    h1.remove(kind)
                h1.text = titel
                break
        for element in auszug.inhalt.iterfind(".//*[@data-web]"):
            del element.attrib["data-web"]
        _setze_teil(auszug)
        eintrag = {"titel": titel, "anker": auszug.kapitel.anker}
        if not teile or teile[-1].titel != auszug.kapitel.abschnitt:
            teile.append(Teil(auszug.kapitel.abschnitt, []))
        teile[-1].kapitel.append(eintrag)
        kapitel_html.append(Markup(lxml.html.tostring(auszug.inhalt, encoding="unicode")))
    return _umgebung().get_template("dokument.html").render(
        k=konzept, stand=datum_de(konzept.stand), status=status_text(konzept), teile=teile,
        kapitel=kapitel_html, beschreibung=beschreibung, schlagwoerter=schlagwoerter(konzept, auszuege),
        web_adresse=web_adresse, sprache=sprache)


def _setze_teil(auszug: Auszug) -> None:
    """The nav section's name as a small line above the chapter title (e.g. „Handlungsfelder“)."""
    h1 = next(auszug.inhalt.iter("h1"), None)
    if auszug.kapitel.abschnitt is None or h1 is None:
        return
    zeile = lxml.html.Element("p")
    zeile.set("class", "kapitel__teil")
    zeile.text = auszug.kapitel.abschnitt
    h1.addprevious(zeile)


def _umgebung() -> Environment:
    return Environment(loader=FileSystemLoader(VORLAGE), autoescape=select_autoescape(default=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
