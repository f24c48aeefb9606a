"""Data errors in German, each with file, line, record id, field, value and what is allowed."""

from __future__ import annotations

from dataclasses import dataclass

# Longest value shown in a message; longer ones are shortened.
MAX_WERT = 80


@dataclass(frozen=True)
class Fehler:
    """One problem found in a data file."""

    datei: str
    zeile: int | None
    text: str
    objekt: str | None = None
    feld: str | None = None
    wert: object = None
    erlaubt: str | None = None

    def __str__(self) -> str:
        ort = f"{self.datei}:{self.zeile}" if self.zeile else self.datei
        teile = [ort]
        if self.objekt:
            teile.append(self.objekt)
        if self.feld:
            feld = f"Feld „{self.feld}“"
            teile.append(feld if self.wert is None else f"{feld} mit Wert {zeige_wert(self.wert)}")
        meldung = ": ".join(teile) + ": " + self.text
        if self.erlaubt:
            meldung += f" (erlaubt: {self.erlaubt})"
        return meldung


class DatenFehler(Exception):
    """Raised with every error of the data at once."""

    def __init__(self, fehler: list[Fehler]):
        self.fehler = sorted(fehler, key=lambda f: (f.datei, f.zeile or 0, f.text))
        super().__init__(self.bericht())

    def bericht(self) -> str:
        anzahl = len(self.fehler)
        kopf = "1 Fehler in den Daten:" if anzahl == 1 else f"{anzahl} Fehler in den Daten:"
        return "\n".join([kopf, *(f"  {f}" for f in self.fehler)])


def zeige_wert(wert: object) -> str:
    """A value as the message shows it: quoted, invisible characters made visible, shortened."""
    if isinstance(wert, str):
        text = sichtbar(wert)
        if len(text) > MAX_WERT:
            text = text[:MAX_WERT] + f"… ({len(wert)} Zeichen)"
        return f"„{text}“"
    if isinstance(wert, (list, dict)):
        art = "Liste" if isinstance(wert, list) else "Zuordnung"
        return f"eine {art} mit {len(wert)} Einträgen"
    if wert is True or wert is False:
        return "ja" if wert else "nein"
    return str(wert)


def sichtbar(text: str) -> str:
    """Text with control and invisible characters shown as <U+XXXX>."""
    return "".join(_sichtbar(z) for z in text)


def _sichtbar(zeichen: str) -> str:
    """Shows control and invisible characters as their code point."""
    if zeichen.isprintable() and zeichen not in "\u00a0\u200b\u200c\u200d\u2060\ufeff":
        return zeichen
    return f"<U+{ord(zeichen):04X}>"
