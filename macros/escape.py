"""Escaping of data text for the place it lands: HTML, attribute, Markdown table cell, URL."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

ERLAUBTE_SCHEMATA = ("http://", "https://", "mailto:")

# Characters that Markdown (GitHub and Python-Markdown) would read as markup.
_MD_ZEICHEN = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def html(text: object) -> Markup:
    """Text for HTML content or a quoted attribute: & < > \" ' escaped."""
    return escape("" if text is None else str(text))


def md_zelle(text: object) -> str:
    """Text for one cell of a Markdown table: no line breaks, pipes and markup escaped."""
    einzeilig = " ".join(str(text).split())
    return _MD_ZEICHEN.sub(r"\\\1", einzeilig)


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
