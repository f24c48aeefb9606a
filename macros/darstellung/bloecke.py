"""The macros' long lists of measures as finished HTML that skips Markdown.

A chapter's 50 cards or the overview's 200 rows are finished HTML; Python-Markdown's raw-HTML parser took
longer over them than rendering them did, most of a build at 10,000 measures. The macro leaves a placeholder
instead, itself a raw-HTML block that Markdown passes through as it is, and the list takes its place when the
page is built (on_page_context): the same page (tests/bau/test_seitenbau.py compares the whole site with one built
through Markdown). A block may be a function that renders it then, so that MkDocs, which reads every page before
it builds the first, does not hold every long list of the site at once.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass

# IK_VERGLEICHSBAU=1: every page through MkDocs' whole pipeline, as before the shortcuts: each measure page a
# Markdown page of its own, the lists through Markdown (tests/bau/test_seitenbau.py compares both builds).
VERGLEICHSBAU = "IK_VERGLEICHSBAU"

_PLATZHALTER = re.compile(r'<div data-ik-block="(\d+)"></div>')
_OHNE_NUMMER = '<div data-ik-block=""></div>'
_OHNE_NUMMER_MUSTER = re.compile(re.escape(_OHNE_NUMMER))
# What MkDocs takes as a link target on a page: an id, or the name of an <a> (text never holds a bare '"');
# two patterns, since one with both alternatives is tried at every character and took twice as long.
_KENNUNG = re.compile(r'\sid="([^"]*)"')
_NAME = re.compile(r'<a\s[^>]*?\bname="([^"]*)"')

_bloecke: dict[str, tuple[Callable[[], str], bool]] = {}   # number -> (renders the block, the search sees it)
OHNE_SUCHE = "data-search-exclude"
_zaehler = itertools.count(1)


def vergleichsbau() -> bool:
    return os.environ.get(VERGLEICHSBAU) == "1"


def ohne_markdown(html: str | Callable[[], str], suche: bool = True) -> str:
    """The placeholder of a block of HTML, or of a function that renders it (the HTML itself when the comparison
    build wants Markdown to see it). suche=False: a block the site search leaves out (data-search-exclude, which
    Material's search honours); it is put in after the search indexed the page, which then need not parse it."""
    rendern = html if callable(html) else lambda: html
    if not suche:
        rendern = _ohne_suche(rendern)
    if vergleichsbau():
        return rendern()
    nummer = str(next(_zaehler))
    _bloecke[nummer] = (rendern, suche)
    return f'<div data-ik-block="{nummer}"></div>'


def _ohne_suche(rendern: Callable[[], str]) -> Callable[[], str]:
    """The block in an element the search leaves out. Material's search parser ends the exclusion at the first
    closing tag of the same name, so the block must hold no <div> of its own."""

    def ohne() -> str:
        inhalt = rendern()
        if "<div" in inhalt:
            raise ValueError("Ein Block ohne Suche darf kein <div> enthalten (Materials Suche endete dort).")
        return f"<div {OHNE_SUCHE}>{inhalt}</div>"

    return ohne


def einsetzen(html: str, vor_der_suche: bool = False) -> tuple[str, set[str]]:
    """A page's HTML with each placeholder replaced by its block (vor_der_suche: only the blocks the search
    indexes), and the link targets (ids) in those blocks."""
    if "data-ik-block" not in html:
        return html, set()
    anker: set[str] = set()

    def block(treffer: re.Match) -> str:
        rendern, suche = _bloecke[treffer.group(1)]
        if vor_der_suche and not suche:
            return treffer.group(0)
        del _bloecke[treffer.group(1)]
        inhalt = rendern()
        anker.update(_KENNUNG.findall(inhalt))
        if ' name="' in inhalt:
            anker.update(_NAME.findall(inhalt))
        return inhalt

    return _PLATZHALTER.sub(block, html), anker


def ohne_nummern(html: str) -> tuple[str, list[str]]:
    """The HTML with its placeholders unnumbered, and their numbers in order (each build numbers them anew)."""
    return _PLATZHALTER.sub(_OHNE_NUMMER, html), _PLATZHALTER.findall(html)


def mit_nummern(html: str, nummern: list[str]) -> str:
    """The unnumbered placeholders of ohne_nummern() numbered again, in order."""
    folge = iter(nummern)
    return _OHNE_NUMMER_MUSTER.sub(lambda _: f'<div data-ik-block="{next(folge)}"></div>', html)


@dataclass(frozen=True)
class Aufnahme:
    """Text with placeholders, kept for a later build: each build numbers its blocks anew."""

    text: str                                              # placeholders unnumbered
    bloecke: tuple[tuple[Callable[[], str], bool], ...]    # their blocks, in order


def aufnehmen(text: str) -> Aufnahme:
    """The text and the blocks of its placeholders, taken out of this build's blocks until wiedergeben()."""
    ohne, nummern = ohne_nummern(text)
    return Aufnahme(ohne, tuple(_bloecke.pop(nummer) for nummer in nummern))


def wiedergeben(aufnahme: Aufnahme) -> str:
    """The text of an Aufnahme, its blocks numbered in this build."""
    nummern = [str(next(_zaehler)) for _ in aufnahme.bloecke]
    _bloecke.update(zip(nummern, aufnahme.bloecke, strict=True))
    return mit_nummern(aufnahme.text, nummern)


def vergessen() -> None:
    """Drops blocks no page took (a build that stopped), at the start of each build."""
    _bloecke.clear()
