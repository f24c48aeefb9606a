"""What a change does to the measures, in plain German Markdown for reviewers; guards that ids stay stable.

Aufruf: python scripts/diff_measures.py [BASIS [ZIEL]] [--ausgabe DATEI]

BASIS and ZIEL are git revisions. Without BASIS: the merge-base of HEAD with main (or origin/main). Without
ZIEL: the working tree. Both versions of data/ are read through the project's loader. The summary goes to
stdout (and is appended to DATEI, e.g. $GITHUB_STEP_SUMMARY).

Exit 0: fine. Exit 1: an id disappeared, or an id was reused for another measure (its title and its
Handlungsfeld both changed). Exit 2: a revision or its data cannot be read.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from macros.darstellung.datum import datum_de
from macros.darstellung.escape import md_zelle
from macros.daten import model as m
from macros.daten.fehler import DatenFehler
from macros.daten.loader import lade_daten

ARBEITSKOPIE = "Arbeitskopie"
HAUPTZWEIGE = ("main", "origin/main")
NULL_COMMIT = "0" * 40

FELDNAMEN = {
    "titel": "Titel", "handlungsfeld": "Handlungsfeld", "beschreibung": "Beschreibung", "ziel": "Ziel",
    "federfuehrung": "Federführung", "partner": "Beteiligt", "zielgruppe": "Für wen", "beginn": "Beginn",
    "ende": "Ende", "status": "Status", "begruendung": "Begründung", "beschlussstand": "Beschlussstand",
    "beschluss": "Beschluss",
    "prioritaet": "Priorität", "zeithorizont": "Zeithorizont", "indikatoren": "Woran man den Fortschritt erkennt",
    "quelle": "Quelle", "links": "Links", "stand": "Stand", "verlauf": "Verlauf",
}
NICHT_VERGLICHEN = ("zeile",)


class Abbruch(Exception):
    """A revision or its data cannot be read; the message says why, in German."""


# --- Reading both versions ----------------------------------------------------------------------

def git(repo: Path, *argumente: str) -> bytes:
    ergebnis = subprocess.run(["git", *argumente], cwd=repo, capture_output=True, check=False)
    if ergebnis.returncode != 0:
        raise Abbruch(f"git {' '.join(argumente)}: {ergebnis.stderr.decode('utf-8', 'replace').strip()}")
    return ergebnis.stdout


def standard_basis(repo: Path) -> tuple[str, str]:
    """The merge-base of HEAD with main (or origin/main), and a name for it."""
    for zweig in HAUPTZWEIGE:
        try:
            return git(repo, "merge-base", zweig, "HEAD").decode().strip(), f"Abzweig von {zweig}"
        except Abbruch:
            continue
    raise Abbruch("Keine Basis gefunden: Es gibt weder „main“ noch „origin/main“. Bitte BASIS angeben.")


def lade_revision(repo: Path, revision: str | None) -> m.Konzeptdaten | None:
    """The checked data of a revision (None: the working tree); None if that revision has no data/ folder."""
    if revision is None:
        return _lade(repo / "data", ARBEITSKOPIE)
    try:
        archiv = git(repo, "archive", "--format=tar", revision, "data")
    except Abbruch as fehler:
        if "did not match any files" in str(fehler) or "pathspec" in str(fehler):
            return None
        raise
    with tempfile.TemporaryDirectory(prefix="ik-diff-") as ordner, tarfile.open(fileobj=io.BytesIO(archiv)) as tar:
        tar.extractall(ordner, filter="data")
        return _lade(Path(ordner) / "data", revision, frueher=True)


def _lade(data_dir: Path, name: str, frueher: bool = False) -> m.Konzeptdaten:
    try:
        return lade_daten(data_dir, frueher=frueher)
    except DatenFehler as fehler:
        raise Abbruch(f"Die Daten in „{name}“ sind fehlerhaft:\n{fehler.bericht()}") from None


# --- Comparing ----------------------------------------------------------------------------------

@dataclasses.dataclass
class Vergleich:
    neu: list[m.Massnahme] = dataclasses.field(default_factory=list)
    geaendert: list[tuple[m.Massnahme, m.Massnahme, list[str]]] = dataclasses.field(default_factory=list)
    entfallen: list[tuple[m.Massnahme, m.Massnahme, list[str]]] = dataclasses.field(default_factory=list)
    fehler: list[str] = dataclasses.field(default_factory=list)

    @property
    def leer(self) -> bool:
        return not (self.neu or self.geaendert or self.entfallen or self.fehler)


def vergleiche(alt: m.Konzeptdaten | None, neu: m.Konzeptdaten) -> Vergleich:
    """Added, changed and retired measures, and every breach of id stability."""
    alte = {x.id: x for x in alt.massnahmen} if alt else {}
    neue = {x.id: x for x in neu.massnahmen}
    ergebnis = Vergleich()
    for kennung, vorher in alte.items():
        if kennung not in neue:
            ergebnis.fehler.append(
                f"**{md_zelle(kennung)}** ({md_zelle(vorher.titel)}) fehlt in der neuen Fassung. Eine Kennung wird "
                "nie gelöscht: Setzen Sie stattdessen `status: entfallen` und schreiben Sie eine `begruendung`.")
    for kennung, nachher in neue.items():
        vorher = alte.get(kennung)
        if vorher is None:
            ergebnis.neu.append(nachher)
            continue
        if vorher.titel != nachher.titel and vorher.handlungsfeld != nachher.handlungsfeld:
            ergebnis.fehler.append(
                f"**{md_zelle(kennung)}** bekommt zugleich einen neuen Titel und ein neues Handlungsfeld "
                f"(bisher „{md_zelle(vorher.titel)}“ in {md_zelle(_feld(alt, vorher.handlungsfeld))}, jetzt "
                f"„{md_zelle(nachher.titel)}“ in {md_zelle(_feld(neu, nachher.handlungsfeld))}). Eine Kennung wird nie "
                "für eine andere Maßnahme wiederverwendet: Geben Sie der neuen Maßnahme eine neue Kennung.")
        zeilen = feldaenderungen(alt, vorher, neu, nachher)
        if not zeilen:
            continue
        if nachher.status == "entfallen" and vorher.status != "entfallen":
            ergebnis.entfallen.append((vorher, nachher, zeilen))
        else:
            ergebnis.geaendert.append((vorher, nachher, zeilen))
    return ergebnis


def feldaenderungen(alt: m.Konzeptdaten, vorher: m.Massnahme, neu: m.Konzeptdaten, nachher: m.Massnahme) -> list[str]:
    """One Markdown line per changed field: `Feld: alt → neu`; a status change stands out."""
    zeilen = []
    for feld in dataclasses.fields(m.Massnahme):
        name = feld.name
        a, b = getattr(vorher, name), getattr(nachher, name)
        if name in NICHT_VERGLICHEN or a == b:
            continue
        if name == "verlauf":
            zeilen.append(f"{FELDNAMEN[name]}: {_verlauf_aenderung(a, b, neu)}")
            continue
        zeile = f"{FELDNAMEN.get(name, name)}: {wert(alt, name, a)} → {wert(neu, name, b)}"
        zeilen.append(f"**⚠️ {zeile}**" if name == "status" else zeile)
    return zeilen


def wert(daten: m.Konzeptdaten, feld: str, inhalt: object) -> str:
    """A field's value in words, escaped for Markdown."""
    if inhalt is None or inhalt == ():
        return "–"
    if feld == "status":
        return md_zelle(m.STATUS.get(inhalt, inhalt))
    if feld == "beschlussstand":
        return md_zelle(m.BESCHLUSSSTAND.get(inhalt, inhalt))
    if feld == "prioritaet":
        return md_zelle(m.PRIORITAET.get(inhalt, inhalt))
    if feld == "zeithorizont":
        return md_zelle(m.ZEITHORIZONT.get(inhalt, inhalt))
    if feld == "handlungsfeld":
        return md_zelle(_feld(daten, inhalt))
    if feld in ("federfuehrung", "partner"):
        ids = inhalt if isinstance(inhalt, tuple) else (inhalt,)
        return md_zelle(", ".join(_stelle(daten, i) for i in ids))
    if feld == "quelle":
        return md_zelle("; ".join(daten.quellen[q].kurz if q in daten.quellen else q for q in inhalt))
    if feld == "beschluss":
        beschluss = daten.beschluesse.get(inhalt)
        return md_zelle(f"{beschluss.titel} ({datum_de(beschluss.datum)})" if beschluss else inhalt)
    if feld in ("beginn", "ende", "stand"):
        return md_zelle(datum_de(inhalt))
    if feld == "links":
        return md_zelle(", ".join(f"{link.titel} ({link.url})" for link in inhalt))
    if isinstance(inhalt, tuple):
        return md_zelle(", ".join(str(x) for x in inhalt))
    return f"„{md_zelle(inhalt)}“" if feld in ("titel", "beschreibung", "ziel", "begruendung") else md_zelle(inhalt)


def _verlauf_aenderung(alt: tuple, neu: tuple, daten: m.Konzeptdaten) -> str:
    eintraege = "; ".join(f"{datum_de(v.datum)} – {v.text}" for v in neu[len(alt):])
    if neu[:len(alt)] == alt:
        return f"neuer Eintrag: {md_zelle(eintraege)}"
    return (f"**frühere Einträge geändert** ({len(alt)} → {len(neu)} Einträge); der Verlauf wird sonst nur "
            f"ergänzt{': ' + md_zelle(eintraege) if eintraege else ''}")


def _feld(daten: m.Konzeptdaten | None, feld_id: str) -> str:
    try:
        return daten.handlungsfeld(feld_id).voller_titel
    except (KeyError, StopIteration, AttributeError):
        return feld_id


def _stelle(daten: m.Konzeptdaten, stellen_id: str) -> str:
    try:
        return daten.stelle(stellen_id)
    except KeyError:
        return stellen_id


# --- Writing the summary ------------------------------------------------------------------------

def zusammenfassung(vergleich: Vergleich, neu: m.Konzeptdaten, basis: str, ziel: str) -> str:
    """The German Markdown summary, grouped by Handlungsfeld in the site's order."""
    teile = ["## Maßnahmen: was diese Änderung bewirkt", "",
             f"Verglichen: {md_zelle(basis)} → {md_zelle(ziel)}. "
             f"{len(vergleich.neu)} neu, {len(vergleich.geaendert)} geändert, {len(vergleich.entfallen)} entfallen.",
             ""]
    if vergleich.fehler:
        teile += ["### ⛔ Kennungen müssen stabil bleiben", ""]
        teile += [f"- {f}" for f in vergleich.fehler] + [""]
    if vergleich.leer:
        teile += ["Keine Maßnahme wurde hinzugefügt, geändert oder entfernt.", ""]
    for feld in neu.handlungsfelder:
        dazu = [x for x in vergleich.neu if x.handlungsfeld == feld.id]
        anders = [x for x in vergleich.geaendert if x[1].handlungsfeld == feld.id]
        weg = [x for x in vergleich.entfallen if x[1].handlungsfeld == feld.id]
        if not (dazu or anders or weg):
            continue
        teile += [f"### {md_zelle(feld.voller_titel)}", ""]
        if dazu:
            teile += ["**Neu**", ""]
            teile += [f"- **{_name(x)}** – Status: {wert(neu, 'status', x.status)} · "
                      f"{wert(neu, 'beschlussstand', x.beschlussstand)}" for x in dazu] + [""]
        if anders:
            teile += ["**Geändert**", ""]
            for _, x, zeilen in anders:
                teile += [f"- **{_name(x)}**", *(f"  - {z}" for z in zeilen)]
            teile.append("")
        if weg:
            teile += ["**Entfallen**", ""]
            for _, x, zeilen in weg:
                teile += [f"- **{_name(x)}** – Begründung: {wert(neu, 'begruendung', x.begruendung)}",
                          *(f"  - {z}" for z in zeilen if not z.startswith(FELDNAMEN["begruendung"] + ":"))]
            teile.append("")
    return "\n".join(teile)


def _name(x: m.Massnahme) -> str:
    return f"{md_zelle(x.id)} {md_zelle(x.titel)}"


def revisionsname(revision: str, kurz: str) -> str:
    """main (abc1234) for a name, abc1234 for a commit id."""
    if len(revision) == 40 or revision == kurz:
        return kurz
    return f"{revision} ({kurz})"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Zeigt, was eine Änderung an den Maßnahmen bewirkt.")
    parser.add_argument("basis", nargs="?", help="git-Revision (Standard: merge-base mit main)")
    parser.add_argument("ziel", nargs="?", help="git-Revision (Standard: die Arbeitskopie)")
    parser.add_argument("--ausgabe", type=Path, help="hängt die Zusammenfassung zusätzlich an diese Datei an")
    argumente = parser.parse_args(argv)
    repo = Path.cwd()
    try:
        if argumente.basis and argumente.basis != NULL_COMMIT:
            basis, basis_name = argumente.basis, argumente.basis
        else:
            basis, basis_name = standard_basis(repo)
        basis_kurz = git(repo, "rev-parse", "--short", f"{basis}^{{commit}}").decode().strip()
        alt = lade_revision(repo, basis)
        neu = lade_revision(repo, argumente.ziel)
        if neu is None:
            raise Abbruch(f"„{argumente.ziel}“ hat keinen Ordner data/.")
    except Abbruch as fehler:
        print(f"diff_measures: {fehler}", file=sys.stderr)
        return 2
    vergleich = vergleiche(alt, neu)
    ziel_name = argumente.ziel or ARBEITSKOPIE
    text = zusammenfassung(vergleich, neu, revisionsname(basis_name, basis_kurz), ziel_name)
    print(text)
    if argumente.ausgabe:
        with argumente.ausgabe.open("a", encoding="utf-8") as datei:
            datei.write(text + "\n")
    for f in vergleich.fehler:
        print(f"diff_measures: Kennung nicht stabil: {f.replace('**', '')}", file=sys.stderr)
    return 1 if vergleich.fehler else 0
