"""Where a project's folders are: beside the mkdocs.yml being built, by default this repository's."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Projekt:
    """A project folder: the repository, or a copy of its sources (tests, benchmarks)."""

    wurzel: Path = REPO

    @classmethod
    def aus_config(cls, config) -> Projekt:
        """The project of a loaded MkDocs config: the folder of its mkdocs.yml."""
        return _projekt_von(cls, str(config.config_file_path))

    @property
    def daten(self) -> Path:
        return self.wurzel / "data"

    @property
    def docs(self) -> Path:
        return self.wurzel / "docs"

    @property
    def mkdocs_yml(self) -> Path:
        return self.wurzel / "mkdocs.yml"

    @property
    def site(self) -> Path:
        return self.wurzel / "site"


@lru_cache(maxsize=16)
def _projekt_von(klasse: type[Projekt], mkdocs_yml: str) -> Projekt:
    """Resolved once per mkdocs.yml: the hooks ask for every page, and resolving a path costs a system call per
    folder in it."""
    return klasse(Path(mkdocs_yml).resolve().parent)



HIER = Projekt()
