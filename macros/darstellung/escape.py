"""Escaping of data text for the place it lands: HTML, attribute, Markdown table cell, URL."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

ERLAUBTE_SCHEMATA = ("http://", "https://", "mailto:")

# Characters that Markdown (GitHub and Python-Markdown) would read as markup; Python-Markdown removes the
# backslash before each of them (| with the tables extension). < > & are HTML-escaped instead.
_MD_ZEICHEN = re.compile(r"([\\`*_{}\[\]()#+!|])")
_MD_ZEICHEN_COMMONMARK = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def html(text: object) -> Markup:
    """Text for HTML content or a quoted attribute: & < > \" ' escaped."""
    return escape("" if text is None else str(text))


def md_zelle(text: object) -> str:
    """Text for one cell of a CommonMark/GitHub Markdown table (e.g. the diff summary): no line breaks, pipes
    and markup escaped with backslashes (CommonMark escapes every punctuation, < included).

    For Markdown that MkDocs renders (Python-Markdown keeps the backslash in \\<) use md_text.
    """
    einzeilig = " ".join(str(text).split())
    return _MD_ZEICHEN_COMMONMARK.sub(r"\\\1", einzeilig)


def md_text(text: object) -> str:
    """Data text placed into running Markdown (a heading, a paragraph, a link text, a table cell).

    One line (a line break would end a heading, a table row or an admonition); Markdown markup
    escaped with backslashes; then & < > as HTML entities, since Markdown does not know \\< and
    would pass <script> through as raw HTML.
    """
    einzeilig = " ".join(str(text).split())
    return str(escape(_MD_ZEICHEN.sub(r"\\\1", einzeilig)))


class MarkdownAnsicht:
    """A read-only view of a record for templates that write Markdown: every text is md_text-escaped.

    The chapters write {{ konzept.titel }} straight into Markdown, where Jinja does not escape.
    """

    def __init__(self, objekt: object):
        self._objekt = objekt

    def __getattr__(self, name: str) -> object:
        wert = getattr(self._objekt, name)
        if isinstance(wert, str):
            return md_text(wert)
        if hasattr(wert, "__dataclass_fields__"):
            return MarkdownAnsicht(wert)
        return wert

    def __str__(self) -> str:
        return md_text(self._objekt)


def sichere_url(url: str | None) -> str | None:
    """The URL if it is http, https or mailto, else None (no javascript:, data: …)."""
    if not url:
        return None
    bereinigt = url.strip()
    if any(z.isspace() or ord(z) < 32 for z in bereinigt):
        return None
    return bereinigt if bereinigt.lower().startswith(ERLAUBTE_SCHEMATA) else None


def absaetze(text: str) -> list[str]:
    """Splits text at blank lines into paragraphs, each on one line."""
    return [" ".join(teil.split()) for teil in re.split(r"\n\s*\n", text.strip()) if teil.strip()]
