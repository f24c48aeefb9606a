"""The Integrationskonzept des Landkreises Rostock: data, rendering and outputs of the site and the PDF.

MkDocs meets the package in two places: `define_env` below (the macros plugin) and `macros/hooks.py`.
"""

from __future__ import annotations

from macros.darstellung.datum import datum_de
from macros.darstellung.escape import MarkdownAnsicht
from macros.makros import Makros


def define_env(env) -> None:
    """Registers the macros, the date filter and the concept's texts (escaped for Markdown)."""
    makros = Makros(env)
    for name in Makros.NAMEN:
        env.macro(getattr(makros, name), name)
    env.filter(datum_de, name="datum")
    env.variables["konzept"] = MarkdownAnsicht(makros.daten.konzept)
