"""The working groups: the Gremien that data/handlungsfelder.yaml names as `arbeitsgruppe` of a field (the five
Arbeitsgruppen, and the Steuerungsgruppe for the cross-cutting measures), and where each one's page and feed live."""

from __future__ import annotations

from dataclasses import dataclass

from macros.daten import model as m

ORDNER = "arbeitsgruppen/"          # arbeitsgruppen/<gremium-id>/: a group's page
KALENDER_ORDNER = "kalender/"       # kalender/<gremium-id>.ics: a group's feed
KALENDER_KONZEPT = "integrationskonzept.ics"   # the feed of the whole concept, in the same folder


@dataclass(frozen=True)
class Gruppe:
    """A working group and the fields it is responsible for."""

    gremium: m.Gremium
    felder: tuple[m.Handlungsfeld, ...]

    @property
    def url(self) -> str:
        return f"{ORDNER}{self.gremium.id}/"

    @property
    def datei(self) -> str:
        return f"{ORDNER}{self.gremium.id}.md"

    @property
    def kalender(self) -> str:
        return f"{KALENDER_ORDNER}{self.gremium.id}.ics"

    def massnahmen(self, daten: m.Konzeptdaten) -> tuple[m.Massnahme, ...]:
        return tuple(x for feld in self.felder for x in daten.massnahmen_im_feld(feld.id))


def gruppen(daten: m.Konzeptdaten) -> list[Gruppe]:
    """Every Gremium named as a field's working group, in the order of the fields."""
    felder: dict[str, list[m.Handlungsfeld]] = {}
    for feld in daten.handlungsfelder:
        felder.setdefault(feld.arbeitsgruppe, []).append(feld)
    return [Gruppe(daten.gremien[gremium_id], tuple(liste)) for gremium_id, liste in felder.items()]


def gruppe_des_feldes(daten: m.Konzeptdaten, feld_id: str) -> Gruppe:
    return next(g for g in gruppen(daten) if any(f.id == feld_id for f in g.felder))
