"""A report for the Steuerungsgruppe: what happened to the measures between two states of the concept.

Aufruf: python scripts/bericht.py VON BIS [--pdf DATEI]   (make bericht VON=… BIS=…)

VON and BIS are git revisions, fassung-* tags or dates (JJJJ-MM-TT: the last commit on or before that day). The
report is German Markdown on stdout: the period, the status counts at both ends, the measures completed, newly
delayed, new, retired and with a changed Beschlussstand, and what is overdue at BIS. --pdf writes the same as a
tagged A4 PDF in the print design. A bad argument gets one German sentence on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from macros.ausgabe import diff
from macros.ausgabe.druck.fehler import DruckFehler
from macros.darstellung.datum import datum_de
from macros.darstellung.escape import md_zelle
from macros.daten import begriffe as b
from macros.daten import faelligkeit
from macros.daten import model as m

DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VORLAGE = Path(__file__).resolve().parent / "bericht.html"


class BerichtFehler(Exception):
    """A bad argument or an unreadable revision; the message is one German sentence."""


@dataclass(frozen=True)
class Stelle:
    """One end of the period: what was asked for, the commit it means, and the day it stands for."""

    angabe: str
    commit: str
    commit_datum: str       # JJJJ-MM-TT of the commit
    zeitpunkt: int          # commit time (Unix seconds), to order two revisions
    stichtag: dt.date       # the date asked for, else the commit's date

    @property
    def name(self) -> str:
        """'fassung-2019-05 (Commit abc1234 vom 13.05.2019)' or 'Commit abc1234 vom 13.05.2019'."""
        kurz = f"Commit {self.commit[:7]} vom {datum_de(self.commit_datum)}"
        if DATUM.match(self.angabe):
            return f"{datum_de(self.angabe)} ({kurz})"
        return kurz if self.commit.startswith(self.angabe) else f"{self.angabe} ({kurz})"


@dataclass(frozen=True)
class Eintrag:
    """One measure in a section of the report, with what the section says about it."""

    massnahme: m.Massnahme
    feld: str
    zusatz: str


@dataclass(frozen=True)
class Abschnitt:
    kennung: str
    titel: str
    eintraege: tuple[Eintrag, ...]


@dataclass(frozen=True)
class Bericht:
    von: Stelle
    bis: Stelle
    zaehlung: tuple[tuple[str, int, int], ...]   # (status label, count at VON, count at BIS)
    gesamt: tuple[int, int]
    abschnitte: tuple[Abschnitt, ...] = field(default_factory=tuple)
    dokument: str = ""      # the concept's title at BIS
    titel: str = "Bericht zur Umsetzung des Integrationskonzepts"


# --- Resolving the two ends ---------------------------------------------------------------------

def _git(repo: Path, *argumente: str) -> str | None:
    """stdout of a git command, or None if it failed."""
    try:
        ergebnis = subprocess.run(["git", *argumente], cwd=repo, capture_output=True, text=True, check=False,
                                  timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return ergebnis.stdout.strip() if ergebnis.returncode == 0 else None


def stelle(repo: Path, angabe: str, rolle: str) -> Stelle:
    """The commit a VON or BIS argument means (rolle names it in messages)."""
    if _git(repo, "rev-parse", "--git-dir") is None:
        raise BerichtFehler(f"{repo} ist kein Git-Repository; der Bericht braucht die Versionsgeschichte.")
    if DATUM.match(angabe):
        try:
            tag = dt.date.fromisoformat(angabe)
        except ValueError:
            raise BerichtFehler(f"{rolle} „{angabe}“ ist kein Datum im Kalender.") from None
        commit = _git(repo, "rev-list", "-1", f"--before={angabe}T23:59:59", "HEAD")
        if not commit:
            erster = _git(repo, "log", "--reverse", "--format=%cs", "HEAD") or ""
            erster = erster.splitlines()[0] if erster else ""
            raise BerichtFehler(f"{rolle} {datum_de(angabe)} liegt vor dem ersten Commit"
                                f"{' vom ' + datum_de(erster) if erster else ''}.")
    else:
        commit = _git(repo, "rev-parse", "--verify", "--quiet", f"{angabe}^{{commit}}")
        if not commit:
            raise BerichtFehler(f"{rolle} „{angabe}“ ist weder eine Revision noch ein fassung-Tag noch ein Datum "
                                "(JJJJ-MM-TT).")
        tag = None
    angaben = (_git(repo, "log", "-1", "--format=%cs %ct", commit) or "").split()
    if len(angaben) != 2:
        raise BerichtFehler(f"Zu {rolle} „{angabe}“ lässt sich kein Commit lesen.")
    return Stelle(angabe, commit, angaben[0], int(angaben[1]), tag or dt.date.fromisoformat(angaben[0]))


def zeitraum(repo: Path, von: str, bis: str) -> tuple[Stelle, Stelle]:
    """Both ends; VON must not lie after BIS."""
    anfang, ende = stelle(repo, von, "VON"), stelle(repo, bis, "BIS")
    if anfang.commit != ende.commit:
        bis_vor_von = subprocess.run(["git", "merge-base", "--is-ancestor", ende.commit, anfang.commit], cwd=repo,
                                     capture_output=True, check=False).returncode == 0
        if bis_vor_von or anfang.zeitpunkt > ende.zeitpunkt:
            raise BerichtFehler(f"VON ({anfang.name}) liegt nach BIS ({ende.name}); bitte die beiden tauschen.")
    if anfang.stichtag > ende.stichtag:
        raise BerichtFehler(f"VON ({datum_de(anfang.stichtag.isoformat())}) liegt nach BIS "
                            f"({datum_de(ende.stichtag.isoformat())}); bitte die beiden tauschen.")
    return anfang, ende


# --- Comparing ----------------------------------------------------------------------------------

def vergleiche(von: Stelle, bis: Stelle, alt: m.Konzeptdaten | None, neu: m.Konzeptdaten) -> Bericht:
    """The report from the data at both ends (alt None: VON has no data yet)."""
    vorher = {x.id: x for x in alt.massnahmen} if alt else {}
    feld = lambda x: neu.handlungsfeld(x.handlungsfeld).titel  # noqa: E731
    status = lambda code: b.STATUS.get(code, code)  # noqa: E731

    def abschnitt(kennung: str, titel: str, auswahl, zusatz) -> Abschnitt:
        return Abschnitt(kennung, titel, tuple(Eintrag(x, feld(x), zusatz(x, vorher.get(x.id)))
                                                for x in neu.massnahmen if auswahl(x, vorher.get(x.id))))

    def begruendung(x, _alt) -> str:
        return f"Begründung: {x.begruendung}" if x.begruendung else "ohne Begründung"

    wechsel = lambda code: lambda x, a: x.status == code and (a is None or a.status != code)  # noqa: E731
    abschnitte = [
        abschnitt("umgesetzt", "Im Zeitraum umgesetzt", wechsel("umgesetzt"),
                  lambda x, a: f"vorher: {status(a.status)}" if a else "im Zeitraum neu aufgenommen"),
        abschnitt("verzoegert", "Neu verzögert", wechsel("verzoegert"), begruendung),
        abschnitt("neu", "Neu aufgenommen", lambda x, a: a is None,
                  lambda x, a: f"Status: {status(x.status)} · {b.BESCHLUSSSTAND[x.beschlussstand]}"),
        abschnitt("entfallen", "Entfallen", lambda x, a: a is not None and wechsel("entfallen")(x, a), begruendung),
        abschnitt("beschlussstand", "Beschlussstand geändert",
                  lambda x, a: a is not None and a.beschlussstand != x.beschlussstand,
                  lambda x, a: f"{b.BESCHLUSSSTAND.get(a.beschlussstand, a.beschlussstand)} → "
                               f"{b.BESCHLUSSSTAND[x.beschlussstand]}"),
        abschnitt("ueberfaellig", f"Überfällig am {datum_de(bis.stichtag.isoformat())}",
                  lambda x, a: "ueberfaellig" in faelligkeit.hinweise(x, bis.stichtag),
                  lambda x, a: f"Ende: {datum_de(x.ende)} · Status: {status(x.status)}"),
    ]
    zaehlung = tuple((label, sum(x.status == code for x in vorher.values()),
                      sum(x.status == code for x in neu.massnahmen)) for code, label in b.STATUS.items())
    return Bericht(von, bis, zaehlung, (len(vorher), len(neu.massnahmen)), tuple(abschnitte), neu.konzept.titel)


def erstelle(repo: Path, von: str, bis: str) -> Bericht:
    """Resolves both ends, loads their data and compares them."""
    anfang, ende = zeitraum(repo, von, bis)
    try:
        alt = diff.lade_revision(repo, anfang.commit)
        neu = diff.lade_revision(repo, ende.commit)
    except diff.Abbruch as fehler:
        raise BerichtFehler(str(fehler)) from None
    if neu is None:
        raise BerichtFehler(f"BIS ({ende.name}) hat keinen Ordner data/.")
    return vergleiche(anfang, ende, alt.daten if alt else None, neu.daten)


# --- Writing ------------------------------------------------------------------------------------

def _veraenderung(vorher: int, nachher: int) -> str:
    unterschied = nachher - vorher
    return "±0" if unterschied == 0 else f"{unterschied:+d}".replace("-", "−")


def als_markdown(bericht: Bericht) -> str:
    """The report as German Markdown."""
    von, bis = bericht.von, bericht.bis
    teile = [f"# {bericht.titel}", "",
             f"Zeitraum: {md_zelle(von.name)} bis {md_zelle(bis.name)}. Stichtag für „Überfällig“: "
             f"{datum_de(bis.stichtag.isoformat())}.", "",
             "## Stand der Maßnahmen", "",
             f"| Status | {md_zelle(datum_de(von.stichtag.isoformat()))} | "
             f"{md_zelle(datum_de(bis.stichtag.isoformat()))} | Veränderung |",
             "| --- | ---: | ---: | ---: |"]
    teile += [f"| {label} | {vorher} | {nachher} | {_veraenderung(vorher, nachher)} |"
              for label, vorher, nachher in bericht.zaehlung if vorher or nachher]
    teile += [f"| **Zusammen** | **{bericht.gesamt[0]}** | **{bericht.gesamt[1]}** | "
              f"**{_veraenderung(*bericht.gesamt)}** |", ""]
    for abschnitt in bericht.abschnitte:
        teile += [f"## {md_zelle(abschnitt.titel)} ({len(abschnitt.eintraege)})", ""]
        teile += [f"- **{md_zelle(e.massnahme.id)} {md_zelle(e.massnahme.titel)}** ({md_zelle(e.feld)}) – "
                  f"{md_zelle(e.zusatz)}" for e in abschnitt.eintraege] or ["Keine."]
        teile.append("")
    return "\n".join(teile)


def als_html(bericht: Bericht, stylesheets: list[str]) -> str:
    """The same report as one HTML document for the print design."""
    umgebung = Environment(loader=FileSystemLoader(VORLAGE.parent), autoescape=select_autoescape(default=True),
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return umgebung.get_template(VORLAGE.name).render(b=bericht, datum=lambda d: datum_de(d.isoformat()),
                                                      veraenderung=_veraenderung, stylesheets=stylesheets)


def schreibe_pdf(bericht: Bericht, ziel: Path) -> int:
    """Writes the report as a tagged A4 PDF (PDF/UA-1, German) in the print design; returns its pages."""
    from macros.ausgabe.druck import dokument, schreiben  # noqa: PLC0415 - WeasyPrint only when a PDF is asked for

    return schreiben.schreibe_pdf(als_html(bericht, []), ziel, sprache="de",
                                  stylesheets=[*dokument.stylesheets(), VORLAGE.with_suffix(".css")])


class _Argumente(argparse.ArgumentParser):
    """Missing or extra arguments: one German sentence and exit code 1, like every other bad argument."""

    def error(self, message: str):
        print("bericht: Bitte genau VON und BIS angeben, zum Beispiel: make bericht VON=fassung-2019-05 BIS=HEAD "
              "(oder: python scripts/bericht.py 2026-01-01 2026-12-31 --pdf bericht.pdf).", file=sys.stderr)
        sys.exit(1)


def main(argv: list[str]) -> int:
    parser = _Argumente(description="Bericht über die Umsetzung zwischen zwei Ständen des Konzepts.")
    parser.add_argument("von", metavar="VON", help="Revision, fassung-Tag oder Datum (JJJJ-MM-TT)")
    parser.add_argument("bis", metavar="BIS", help="Revision, fassung-Tag oder Datum (JJJJ-MM-TT)")
    parser.add_argument("--pdf", type=Path, metavar="DATEI", help="den Bericht zusätzlich als PDF schreiben")
    argumente = parser.parse_args(argv)
    if not argumente.von.strip() or not argumente.bis.strip():
        parser.error("VON oder BIS fehlt")   # make bericht passes an empty argument for a missing one
    try:
        bericht = erstelle(Path.cwd(), argumente.von, argumente.bis)
    except BerichtFehler as fehler:
        print(f"bericht: {fehler}", file=sys.stderr)
        return 1
    print(als_markdown(bericht))
    if argumente.pdf:
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        try:
            seiten = schreibe_pdf(bericht, argumente.pdf)
        except (OSError, DruckFehler) as fehler:
            print(f"bericht: Das PDF lässt sich nicht schreiben: {fehler}", file=sys.stderr)
            return 1
        print(f"PDF geschrieben: {argumente.pdf} – {seiten} Seiten", file=sys.stderr)
    return 0
