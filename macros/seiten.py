"""MkDocs hook: one generated page per measure, its stable permalink (massnahmen/<id>/)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

from macros import lade_oder_melde  # noqa: E402


def seiteninhalt(massnahme_id: str) -> str:
    """The Markdown of a measure page: a safe title (the id is checked) and one macro call."""
    return f'---\ntitle: "Maßnahme {massnahme_id}"\nsearch:\n  boost: 0.5\n---\n\n{{{{ massnahme_seite("{massnahme_id}") }}}}\n'


def on_files(files, config):
    """Adds massnahmen/<id>.md for every measure."""
    daten = lade_oder_melde()
    for massnahme in daten.massnahmen:
        pfad = f"massnahmen/{massnahme.anker}.md"
        files.append(File.generated(config, pfad, content=seiteninhalt(massnahme.id), inclusion=InclusionLevel.NOT_IN_NAV))
    return files
