"""What `make serve` keeps from one build to the next: values computed from a key, by that key.

A save rebuilds the whole site in the same process. A value whose key equals one of the last build's is taken
from it; the others are computed anew. `mkdocs build` computes each value once and keeps nothing (merken off).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import ClassVar, Generic, TypeVar

Wert = TypeVar("Wert")


class Wiederverwendung(Generic[Wert]):
    """The values of the last build, each computed by `rechnen` from its key (which holds all it depends on)."""

    merken: ClassVar[bool] = False                       # set once per process (vorschau.einrichten)
    _alle: ClassVar[list[Wiederverwendung]] = []

    def __init__(self, rechnen: Callable[[Hashable], Wert]) -> None:
        self._rechnen = rechnen
        self._vorher: dict[Hashable, Wert] = {}
        self._jetzt: dict[Hashable, Wert] = {}
        Wiederverwendung._alle.append(self)

    @classmethod
    def neuer_bau(cls) -> None:
        """At the start of a build: what the last one computed may be reused, the rest is dropped."""
        for speicher in cls._alle:
            speicher._vorher, speicher._jetzt = (speicher._jetzt if cls.merken else {}), {}

    def wert(self, schluessel: Hashable) -> Wert:
        if schluessel in self._jetzt:
            return self._jetzt[schluessel]
        wert = self._vorher[schluessel] if schluessel in self._vorher else self._rechnen(schluessel)
        if Wiederverwendung.merken:
            self._jetzt[schluessel] = wert
        return wert

    def werte(self, schluessel: Iterable[Hashable]) -> list[Wert]:
        """The value of each key, in order."""
        return [self.wert(s) for s in schluessel]
