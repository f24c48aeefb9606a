"""Small accessibility repairs of Material's HTML that the theme offers no setting for.

Each repair is a narrow text change on the built HTML. If a Material update changes the markup, the repair no
longer matches and the axe test in tests/browser/test_browser_barrierefreiheit.py fails: then adapt the pattern here.
"""

from __future__ import annotations

import html
import re

from macros.wiederverwendung import Wiederverwendung

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
        return (f'<section class="ik-tabelle" aria-label="{name}" tabindex="0">'
                f'<table class="ik-md-tabelle">{treffer.group("inhalt")}</table></section>')
    return MD_TABELLE.sub(ersetze, inhalt)


# Valid HTML: an empty tabindex is not allowed (and means the same as none);
# rel="edit" is not a link type HTML allows on <a> (it only tells crawlers; the button works without it).
LEERER_TABINDEX = ' tabindex=""'
REL_EDIT = re.compile(r'(<a [^>]*?) rel="edit"')

# Material's toggles of the drawer and the search carry autocomplete="off", which HTML does not allow on a
# checkbox: without it a browser restores a checked toggle after "back" and the menu opens by itself. The same
# holds when their form says autocomplete="off": they are assigned to an empty form that does (the form
# attribute), which never sends anything.
UMSCHALTER = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" [^>]*?) autocomplete="off"')
ZUSTAND = "ik-bedienzustand"
# wcag/h32 asks every form for a submit button. The toggles' form never submits; Material's search form submits
# on Enter (its script opens the best hit); each gets a button for that, not shown.
ZUSTANDSFORMULAR = (f'<form id="{ZUSTAND}" autocomplete="off" hidden><button type="submit" hidden>'
                    "Senden</button></form>")
SUCHFORMULAR = re.compile(r'(<form class="md-search__form" name="search">.*?)(</form>)', re.S)
SUCHKNOPF = '<button type="submit" hidden>Suchen</button>'

# The edit button's name is only its title: screen readers and wcag/h30 want a name of the link itself.
BEARBEITEN = re.compile(r'(<a href="[^"]*" title="(?P<titel>[^"]*)" class="md-content__button md-icon")>')

# The table of contents stands twice on each page (in the menu for small screens, and beside the text), both
# named "Inhaltsverzeichnis": two landmarks need two names.
INHALT = '<nav class="md-nav md-nav--secondary" aria-label="Inhaltsverzeichnis">'
INHALT_IM_MENUE = '<nav class="md-nav md-nav--secondary" aria-label="Inhaltsverzeichnis im Menü">'

# Its title is a <label for="__toc">; on a section's own page Material leaves out the control it toggles, and a
# label must point at a control that exists (W3C Nu checker): there the label loses its for.
INHALT_TITEL = '<label class="md-nav__title" for="__toc">'

# A title of at most 70 characters (html-validate long-title; browsers' tabs and search results cut the rest):
# a page named from data (a working group's name) drops the site's name Material appends, then is shortened at
# a word with an ellipsis.
TITEL = re.compile(r"<title>(?P<text>[^<]*)</title>")
TITEL_HOECHSTENS = 70


def kurzer_titel(text: str) -> str:
    """The page title within TITEL_HOECHSTENS characters (text is HTML-escaped; so is the result)."""
    if len(html.unescape(text)) <= TITEL_HOECHSTENS:
        return text
    klar = html.unescape(text).rsplit(" - ", 1)[0]
    if len(klar) > TITEL_HOECHSTENS:
        klar = klar[:TITEL_HOECHSTENS - 1].rsplit(" ", 1)[0].rstrip(" ,.:;–-") + "…"
    return html.escape(klar, quote=False)


# Trailing spaces at line ends (Material's templates leave thousands): dropped outside <pre> and <textarea>.
VORFORMATIERT = re.compile(r"(<(pre|textarea)[\s>].*?</\2>)", re.S)


def gueltig(ausgabe: str) -> str:
    """Makes Material's markup valid HTML (html-validate:recommended, W3C Nu checker)."""
    ausgabe = REL_EDIT.sub(r"\1", ausgabe.replace(LEERER_TABINDEX, ""))
    ausgabe = ausgabe.replace("<!doctype html>", "<!DOCTYPE html>", 1)
    ausgabe = TITEL.sub(lambda t: f"<title>{kurzer_titel(t.group('text'))}</title>", ausgabe, count=1)
    if UMSCHALTER.search(ausgabe):
        ausgabe = UMSCHALTER.sub(rf'\1 form="{ZUSTAND}"', ausgabe)
        ausgabe = ausgabe.replace("</body>", ZUSTANDSFORMULAR + "</body>", 1)
    ausgabe = SUCHFORMULAR.sub(lambda t: t.group(1) + SUCHKNOPF + t.group(2), ausgabe, count=1)
    ausgabe = BEARBEITEN.sub(lambda t: f'{t.group(1)} aria-label="{t.group("titel")}">', ausgabe)
    if ausgabe.count(INHALT) > 1:
        ausgabe = ausgabe.replace(INHALT, INHALT_IM_MENUE, 1)
    if 'id="__toc"' not in ausgabe:
        ausgabe = ausgabe.replace(INHALT_TITEL, '<label class="md-nav__title">')
    return ohne_leerzeichen_am_zeilenende(ausgabe)


def ohne_leerzeichen_am_zeilenende(ausgabe: str) -> str:
    """Drops spaces and tabs before each line break, except inside <pre> and <textarea> (runs on every page:
    splitting lines is eight times faster than a regular expression)."""
    if "<pre" not in ausgabe and "<textarea" not in ausgabe:
        return _zeilenenden(ausgabe)
    teile = VORFORMATIERT.split(ausgabe)
    # split keeps each match and its tag name: text, match, tag name, text, …
    return "".join(_zeilenenden(teil) if i % 3 == 0 else teil for i, teil in enumerate(teile) if i % 3 != 2)


def _zeilenenden(text: str) -> str:
    zeilen = text.split("\n")
    return "\n".join([*(z.rstrip(" \t") for z in zeilen[:-1]), zeilen[-1]])


def repariere_seite(ausgabe: str) -> str:
    """Every repair of a finished page: the search dialog's name, the nav sections' names, valid HTML."""
    return gueltig(nav_namen(ausgabe.replace(SUCHDIALOG, SUCHDIALOG_NEU)))


# Each page's repaired output of the last build, by the output: in `make serve` most pages come out as before.
REPARIERT = Wiederverwendung(repariere_seite)
