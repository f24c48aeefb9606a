"""`mkdocs build` of a project folder in a child process, for the tests and the benchmarks.

The child can be held to an upper bound of memory (RLIMIT_AS) and time, for hostile input.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent
UMGEBUNG = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def begrenzt(speicher: int):
    """A preexec_fn for subprocess: the child may use at most `speicher` bytes of address space."""
    def setzen():
        resource.setrlimit(resource.RLIMIT_AS, (speicher, speicher))
    return setzen


def mkdocs_befehl(ziel: Path, *optionen: str, strict: bool = True) -> list[str]:
    """The command line of `mkdocs build [--strict] --site-dir ziel [optionen]` with this environment's mkdocs."""
    return [str(BIN / "mkdocs"), "build", *(["--strict"] if strict else []), "--site-dir", str(ziel), *optionen]


def mkdocs_build(projekt: Path, ziel: Path, *optionen: str, strict: bool = True, speicher: int | None = None,
                 timeout: int = 600, umgebung: dict[str, str] | None = None, **run) -> subprocess.CompletedProcess:
    """Runs `mkdocs build --strict` for the project folder into ziel (umgebung: extra environment variables);
    output captured as text unless run says otherwise."""
    run.setdefault("capture_output", True)
    run.setdefault("text", True)
    run.setdefault("check", False)
    return subprocess.run(mkdocs_befehl(ziel, *optionen, strict=strict), cwd=projekt,
                          env=dict(UMGEBUNG, **(umgebung or {})), timeout=timeout,
                          preexec_fn=begrenzt(speicher) if speicher else None, **run)
