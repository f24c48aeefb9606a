"""The status stylesheet: the colours of the status and proposal marks, written from begriffe.py into each built
site (hooks.on_files). The website lists it in mkdocs.yml's extra_css; the PDF edition links the built file."""

from __future__ import annotations

from macros.daten import begriffe as b

# Where the stylesheet lands in the built site.
DATEI = "assets/stylesheets/status.css"


def css() -> str:
    """The CSS text: one colour per status, the proposal mark, and the proposal colours as custom properties."""
    zeilen = [
        "/* Generated at build time from macros/daten/begriffe.py (the one home of these colours); do not edit. */",
        f":root {{ --ik-vorschlag: {b.VORSCHLAG_FARBE}; --ik-vorschlag-flaeche: {b.VORSCHLAG_FLAECHE}; "
        f"--ik-vorschlag-text: {b.VORSCHLAG_TEXT}; }}",
        *(f".ik-status--{code} {{ color: {farbe}; }}" for code, farbe in b.STATUSFARBEN.items()),
        f".ik-beschluss--vorschlag {{ color: {b.VORSCHLAG_FARBE}; background: {b.VORSCHLAG_FLAECHE}; "
        "font-weight: 700; }",
        # What needs attention on the reference date: white on a dark fill, unlike the outlined status marks.
        ".ik-hinweis { display: inline-block; padding: 0 .45em; border-radius: .2em; font-size: .85em; "
        "font-weight: 700; color: #ffffff; white-space: nowrap; }",
        *(f".ik-hinweis--{code} {{ background: {art.farbe}; }}" for code, art in b.HINWEISARTEN.items()),
    ]
    return "\n".join(zeilen) + "\n"
