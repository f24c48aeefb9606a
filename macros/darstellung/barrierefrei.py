"""Small accessibility repairs of Material's HTML that the theme offers no setting for.

Each repair is a narrow text change on the built HTML. If a Material update changes the markup, the repair no
longer matches and the axe test in tests/browser/test_browser_barrierefreiheit.py fails: then adapt the pattern here.
"""

from __future__ import annotations

import html
import re

# Material's search overlay is role="dialog" without a name (axe: aria-dialog-name).
SUCHDIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SUCHDIALOG_NEU = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Suche">'

# A nav section with its own index page is labelled by an icon-only <label>: the nav landmark has no name
# (axe: landmark-unique). The label gets the section's name from the link beside it.
NAV_CONTAINER = re.compile(
    r'(<div class="md-nav__link md-nav__container">\s*<a [^>]*>(?P<text>.*?)</a>\s*'
    r'<label class="md-nav__link[^"]*" for="[^"]+" id="[^"]+")(?P<rest>[^>]*>)', re.S)

# Markdown tables: Material wraps them at run time in a scroll box that a keyboard cannot reach
# (axe: scrollable-region-focusable). We wrap them at build time in our own focusable region instead;
# a table with a class is left alone by Material's script.
MD_TABELLE = re.compile(r"<table>(?P<inhalt>.*?)</table>", re.S)
KOPFZELLE = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", fragment)).split())


def nav_namen(ausgabe: str) -> str:
    """Gives each icon-only section label the section's name as text for screen readers (aria-label is not
    allowed on a <label>)."""
    def ersetze(treffer: re.Match) -> str:
        name = html.escape(_text(treffer.group("text")), quote=False)
        return f'{treffer.group(1)}{treffer.group("rest")}<span class="ik-nur-vorlesen">{name}</span>'
    return NAV_CONTAINER.sub(ersetze, ausgabe)


def tabellen_region(inhalt: str) -> str:
    """Wraps every plain Markdown table in a named, focusable region that scrolls on its own."""
    def ersetze(treffer: re.Match) -> str:
        koepfe = [_text(k) for k in KOPFZELLE.findall(treffer.group("inhalt"))]
        name = html.escape("Tabelle: " + ", ".join(k for k in koepfe if k)[:120] if koepfe else "Tabelle", quote=True)
        return (f'<div class="ik-tabelle" role="region" aria-label="{name}" tabindex="0">'
                f'<table class="ik-md-tabelle">{treffer.group("inhalt")}</table></div>')
    return MD_TABELLE.sub(ersetze, inhalt)


# Valid HTML: an empty tabindex is not allowed (and means the same as none);
# rel="edit" is not a link type HTML allows on <a> (it only tells crawlers; the button works without it).
LEERER_TABINDEX = ' tabindex=""'
REL_EDIT = re.compile(r'(<a [^>]*?) rel="edit"')


def gueltig(ausgabe: str) -> str:
    """Removes the two bits of Material's markup that are not valid HTML."""
    return REL_EDIT.sub(r"\1", ausgabe.replace(LEERER_TABINDEX, ""))


def repariere_seite(ausgabe: str) -> str:
    """Every repair of a finished page: the search dialog's name, the nav sections' names, valid HTML."""
    return gueltig(nav_namen(ausgabe.replace(SUCHDIALOG, SUCHDIALOG_NEU)))
