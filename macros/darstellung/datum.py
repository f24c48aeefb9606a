"""Dates in German as readers expect them."""

from __future__ import annotations

MONATE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")


def datum_de(text: str | None) -> str:
    """2019-05-13 -> 13.05.2019; 2018-01 -> Januar 2018; 2019 -> 2019; None -> ''."""
    if not text:
        return ""
    teile = str(text).split("-")
    if len(teile) == 3:
        return f"{teile[2]}.{teile[1]}.{teile[0]}"
    if len(teile) == 2:
        return f"{MONATE[int(teile[1]) - 1]} {teile[0]}"
    return teile[0]


def datum_lang(text: str | None) -> str:
    """2026-11-26 -> 26. November 2026 (other forms as datum_de)."""
    teile = str(text or "").split("-")
    if len(teile) == 3:
        return f"{int(teile[2])}. {MONATE[int(teile[1]) - 1]} {teile[0]}"
    return datum_de(text)


def zeitraum(beginn: str | None, ende: str | None) -> str:
    """'Mai 2019 bis 2020', 'seit Oktober 2017', 'bis 2020' or 'offen'."""
    if beginn and ende:
        return f"{datum_de(beginn)} bis {datum_de(ende)}"
    if beginn:
        return f"seit {datum_de(beginn)}"
    if ende:
        return f"bis {datum_de(ende)}"
    return "offen"
