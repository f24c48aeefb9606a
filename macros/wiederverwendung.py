"""What `make serve` keeps from one build to the next: values computed from a key, by that key.

A save rebuilds the whole site in the same process. A value whose key equals one of the last build's is taken
from it; the others are computed anew. `mkdocs build` computes each value once and keeps nothing (merken off).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import fields
from typing import Any, ClassVar, Generic, TypeVar

Wert = TypeVar("Wert")


class Wiederverwendung(Generic[Wert]):
    """The values of the last build, each computed by `rechnen` from its key (which holds all it depends on)."""

    merken: ClassVar[bool] = False                       # set once per process (vorschau.einrichten)
    _alle: ClassVar[list[Wiederverwendung]] = []

    def __init__(self, rechnen: Callable[[Hashable], Wert] | None = None) -> None:
        self._rechnen = rechnen
        self._vorher: dict[Hashable, Wert] = {}
        self._jetzt: dict[Hashable, Wert] = {}
        Wiederverwendung._alle.append(self)

    @classmethod
    def neuer_bau(cls) -> None:
        """At the start of a build: what the last one computed may be reused, the rest is dropped."""
        for speicher in cls._alle:
            speicher._vorher, speicher._jetzt = (speicher._jetzt if cls.merken else {}), {}

    def vergessen(self) -> None:
        """Drops the last build's values: something they were made from, outside their keys, changed."""
        self._vorher = {}

    def zuletzt(self, schluessel: Hashable) -> Wert | None:
        """The value this build or the last one kept for the key, or None."""
        return self._jetzt[schluessel] if schluessel in self._jetzt else self._vorher.get(schluessel)

    def behalten(self, schluessel: Hashable, wert: Wert) -> None:
        if Wiederverwendung.merken:
            self._jetzt[schluessel] = wert

    def wert(self, schluessel: Hashable, rechnen: Callable[[], Wert] | None = None) -> Wert:
        """The key's value, computed (by rechnen, else by the store's function) unless a build kept it."""
        if schluessel in self._jetzt:
            return self._jetzt[schluessel]
        if schluessel in self._vorher:
            wert = self._vorher[schluessel]
        else:
            wert = rechnen() if rechnen is not None else self._rechnen(schluessel)
        self.behalten(schluessel, wert)
        return wert

    def werte(self, schluessel: Iterable[Hashable]) -> list[Wert]:
        """The value of each key, in order."""
        return [self.wert(s) for s in schluessel]


class AusDaten:
    """What is made from some measures and the rest of the data (cards, rows, lists, pages): kept by a key that
    holds the measures it shows and whatever else it depends on. Nothing made here shows a measure its key does not
    hold, so everything is dropped when anything in the data but the measures changed."""

    def __init__(self) -> None:
        self._werte: Wiederverwendung[Any] = Wiederverwendung()
        self._daten: object = None
        self._rest: tuple = ()

    def wert(self, daten: Any, schluessel: Hashable, rechnen: Callable[[], Wert]) -> Wert:
        if not Wiederverwendung.merken:
            return rechnen()
        if daten is not self._daten:
            rest = tuple(getattr(daten, f.name) for f in fields(daten) if f.compare and f.name != "massnahmen")
            if rest != self._rest:
                self._werte.vergessen()
            self._daten, self._rest = daten, rest
        return self._werte.wert(schluessel, rechnen)


# Everything `make serve` keeps that is made from the data.
AUS_DATEN = AusDaten()
