"""A field's value of a measure in the words a reader knows: codes as their German names, ids as the names of
sources, bodies and fields, dates in German. For lines such as „Status: Geplant → In Umsetzung“ (make diff,
and any history shown field by field); values as vergleich.Feldaenderung holds them (plain YAML values)."""

from __future__ import annotations

from macros.darstellung.datum import datum_de
from macros.daten import begriffe as b
from macros.daten import model as m

LEER = "–"
WORTE = {"status": b.STATUS, "beschlussstand": b.BESCHLUSSSTAND, "prioritaet": b.PRIORITAET,
         "zeithorizont": b.ZEITHORIZONT}
DATUM = ("beginn", "ende", "stand")
ZITIERT = ("titel", "beschreibung", "ziel", "begruendung")   # free text, set in „…“


def feldwert(daten: m.Konzeptdaten | None, feld: str, inhalt: object) -> str:
    """The value as one line of plain text (no markup); LEER when not set. daten: the version the value belongs
    to, for the names behind ids (an id it does not know stays as it is)."""
    if inhalt is None or inhalt == [] or inhalt == ():
        return LEER
    if feld in WORTE:
        return WORTE[feld].get(inhalt, str(inhalt))
    if feld == "handlungsfeld":
        return _name(lambda: daten.handlungsfeld(inhalt).voller_titel, inhalt)
    if feld in ("federfuehrung", "partner"):
        ids = inhalt if isinstance(inhalt, (list, tuple)) else (inhalt,)
        return ", ".join(_name(lambda i=i: daten.stelle(i), i) for i in ids)
    if feld == "quelle":
        return "; ".join(_name(lambda q=q: daten.quellen[q].kurz, q) for q in inhalt)
    if feld == "beschluss":
        return _name(lambda: f"{daten.beschluesse[inhalt].titel} ({datum_de(daten.beschluesse[inhalt].datum)})",
                     inhalt)
    if feld in DATUM:
        return datum_de(str(inhalt))
    if feld == "links":
        return ", ".join(f"{_teil(link, 'titel')} ({_teil(link, 'url')})" for link in inhalt)
    if feld == "verlauf":
        return "; ".join(verlaufseintrag(e) for e in inhalt)
    if isinstance(inhalt, (list, tuple)):
        return ", ".join(str(x) for x in inhalt)
    text = " ".join(str(inhalt).split())
    return f"„{text}“" if feld in ZITIERT else text


def verlaufseintrag(eintrag: object) -> str:
    """'20.11.2026 – Text' for one note of a measure's history ('20.11.2026 Umgesetzt – Text' for a note of older
    data, which still carried a status)."""
    status = _teil(eintrag, "status")
    return (f"{datum_de(str(_teil(eintrag, 'datum')))}{' ' + b.STATUS.get(status, status) if status else ''} – "
            f"{' '.join(str(_teil(eintrag, 'text')).split())}")


def _teil(wert: object, name: str) -> object:
    """A part of a nested record, whether a dict from YAML or a record of the model."""
    return wert.get(name, "") if isinstance(wert, dict) else getattr(wert, name, "")


def _name(finde, kennung: object) -> str:
    try:
        return finde()
    except (KeyError, StopIteration, AttributeError):
        return str(kennung)
