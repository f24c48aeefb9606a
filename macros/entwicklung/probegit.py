"""Git in temporary repositories (tests of the history and of the measure diff): a fixed author, no user config."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

GIT_UMGEBUNG = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
                    GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org", GIT_CONFIG_GLOBAL=os.devnull,
                    GIT_CONFIG_NOSYSTEM="1")


def git(repo: Path, *argumente: str, datum: str | None = None) -> str:
    """Runs git in repo with GIT_UMGEBUNG (datum: author and commit date); its output without surrounding white
    space (raises on failure)."""
    if shutil.which("git") is None:
        raise RuntimeError("git fehlt: bitte installieren (apt-get install git).")
    umgebung = dict(GIT_UMGEBUNG, **({"GIT_AUTHOR_DATE": datum, "GIT_COMMITTER_DATE": datum} if datum else {}))
    return subprocess.run(["git", *argumente], cwd=repo, env=umgebung, check=True, capture_output=True,
                          text=True).stdout.strip()


def neues_repo(ordner: Path, datum: str | None = None) -> Path:
    """Makes ordner a git repository on branch main with everything in it committed as "Ausgangsstand"."""
    git(ordner, "init", "-q", "-b", "main")
    git(ordner, "add", "-A")
    git(ordner, "commit", "-qm", "Ausgangsstand", datum=datum)
    return ordner
