"""Session results that every pytest-xdist worker shares: the first worker that needs one makes it, the others wait
for it and read the same result. Without xdist, the result belongs to this session alone.

A result is made in a folder of its own and kept as a pickle beside it; a failed attempt leaves nothing behind,
so the next worker that asks tries again and reports its own failure.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")


def gemeinsamer_ordner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this run that all its workers see (pytest-N/ under xdist, else this session's)."""
    eigener = tmp_path_factory.getbasetemp()
    return eigener.parent if os.environ.get("PYTEST_XDIST_WORKER") else eigener


def gemeinsam(tmp_path_factory: pytest.TempPathFactory, name: str, machen: Callable[[Path], T]) -> T:
    """machen(ordner) once per run for all workers: it gets an empty folder and returns the fixture's value, which
    must pickle."""
    wurzel = gemeinsamer_ordner(tmp_path_factory)
    ordner, ergebnis = wurzel / name, wurzel / f"{name}.pickle"
    with open(wurzel / f"{name}.sperre", "w") as sperre:
        fcntl.flock(sperre, fcntl.LOCK_EX)
        if ergebnis.is_file():
            return pickle.loads(ergebnis.read_bytes())
        shutil.rmtree(ordner, ignore_errors=True)
        ordner.mkdir()
        try:
            wert = machen(ordner)
        except BaseException:
            shutil.rmtree(ordner, ignore_errors=True)
            raise
        ergebnis.write_bytes(pickle.dumps(wert))
        return wert
