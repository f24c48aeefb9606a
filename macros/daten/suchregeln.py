"""The languages Material's site search has word rules for (lunr-languages: letters, stemmer, stop words)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import material

LUNR = Path(material.__file__).resolve().parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
# Files of lunr-languages that are no language: the support of the others.
KEINE_SPRACHE = frozenset({"multi", "stemmer.support"})


@cache
def sprachen_mit_regeln() -> tuple[str, ...]:
    """Every language code the search has word rules for: English built in, the others one file each."""
    dateien = {p.name.removeprefix("lunr.").removesuffix(".min.js") for p in LUNR.glob("lunr.*.min.js")}
    return tuple(sorted({"en", *dateien} - KEINE_SPRACHE))


def sucht_mit_eigenen_regeln(code: str) -> bool:
    return code in sprachen_mit_regeln()
