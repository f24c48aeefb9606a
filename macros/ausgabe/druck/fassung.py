"""The print mode of the macros: while the PDF's chapters are rendered, long lists are not split over pages.

navigation.py puts a Druckfassung into the MkDocs config (config.extra) before it renders the chapters; the
macros (macros/makros.py) ask `druckfassung(config)` and call the same render functions with every row and card.
The website build never has one, so its pages are split as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.darstellung import render

SCHLUESSEL = "ik_druckfassung"
PLATZHALTER = "ik-druck-platzhalter"  # where umfang.py puts its note when the cards are left out


@dataclass(frozen=True)
class Druckfassung:
    """karten: every measure's card is printed (else each measure only as its row of „Alle Maßnahmen“)."""

    karten: bool

    def massnahmen(self, daten, feld_id: str, wurzel: str, stichtag=None) -> str:
        """The table and cards of one field, all on one page; without cards a placeholder for umfang.py's note."""
        if self.karten:
            return render.massnahmen_im_feld(daten, feld_id, None, wurzel, stichtag)
        anzahl = len(daten.massnahmen_im_feld(feld_id))
        return f'<div class="{PLATZHALTER}" data-anzahl="{anzahl}"></div>' if anzahl else ""


def druckfassung(config) -> Druckfassung | None:
    """The print mode of the build being rendered, or None (the website)."""
    extra = getattr(config, "extra", None) if config is not None else None
    wert = extra.get(SCHLUESSEL) if extra is not None else None
    return wert if isinstance(wert, Druckfassung) else None
