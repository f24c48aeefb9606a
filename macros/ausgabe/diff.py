"""What a change does to the measures, in plain German Markdown for reviewers; guards that ids stay stable.

Aufruf: python scripts/diff_measures.py [BASIS [ZIEL]] [--ausgabe DATEI]

BASIS and ZIEL are git revisions. Without BASIS: the merge-base of HEAD with main (or origin/main). Without
ZIEL: the working tree. Both versions of data/ are checked by the project's loader; which measures changed, and
how, says daten/vergleich.py (as for the Änderungsverlauf). The summary goes to stdout (and is appended to
DATEI, e.g. $GITHUB_STEP_SUMMARY).

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

from macros.darstellung.escape import md_zelle
from macros.darstellung.feldwerte import feldwert, verlaufseintrag
from macros.daten import begriffe as b
from macros.daten import model as m
from macros.daten import uebersetzungen, vergleich
from macros.daten.fehler import DatenFehler
from macros.daten.loader import lade_daten

ARBEITSKOPIE = "Arbeitskopie"
HAUPTZWEIGE = ("main", "origin/main")
NULL_COMMIT = "0" * 40

MASSNAHMEN_DATEI = "measures.yaml"


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


@dataclasses.dataclass(frozen=True)
class Revision:
    """One revision's data: checked by the loader (for the names behind ids), and the text of its measures
    (compared by vergleich.vergleiche)."""

    daten: m.Konzeptdaten
    massnahmen_text: str


def lade_revision(repo: Path, revision: str | None) -> Revision | None:
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


def _lade(data_dir: Path, name: str, frueher: bool = False) -> Revision:
    try:
        daten = lade_daten(data_dir, frueher=frueher)
    except DatenFehler as fehler:
        raise Abbruch(f"Die Daten in „{name}“ sind fehlerhaft:\n{fehler.bericht()}") from None
    return Revision(daten, (data_dir / MASSNAHMEN_DATEI).read_bytes().decode("utf-8-sig"))


# --- Comparing ----------------------------------------------------------------------------------

@dataclasses.dataclass
class Vergleich:
    neu: list[m.Massnahme] = dataclasses.field(default_factory=list)
    geaendert: list[tuple[m.Massnahme, m.Massnahme, list[str]]] = dataclasses.field(default_factory=list)
    entfallen: list[tuple[m.Massnahme, m.Massnahme, list[str]]] = dataclasses.field(default_factory=list)
    fehler: list[str] = dataclasses.field(default_factory=list)
    # Translations whose German text this change altered and that were not renewed with it.
    veraltet: list[uebersetzungen.Veraltet] = dataclasses.field(default_factory=list)

    @property
    def leer(self) -> bool:
        return not (self.neu or self.geaendert or self.entfallen or self.fehler)


def veraltet_durch(alt: Revision | None, neu: Revision, repo: Path | None = None, basis: str | None = None
                   ) -> list[uebersetzungen.Veraltet]:
    """The translations this change makes outdated: their German text differs from the base's and from what
    they were made from. With repo and basis, also start pages whose German pages (the working tree's) changed."""
    gefunden = []
    for v in uebersetzungen.veraltete_massnahmen(neu.daten):
        vorher = alt.daten.finde_massnahme(v.was) if alt else None
        if vorher is None or uebersetzungen.grundlage_der_massnahme(vorher) != v.aktuell:
            gefunden.append(v)
    if repo is None or basis is None:
        return gefunden
    for sprache in neu.daten.sprachen:
        for v in uebersetzungen.veraltete_startseite(neu.daten, sprache.code, repo / "docs"):
            try:
                vorher = uebersetzungen.fingerabdruck(git(repo, "show", f"{basis}:docs/{v.was}").decode("utf-8"))
            except Abbruch:
                vorher = None
            if vorher != v.aktuell:
                gefunden.append(v)
    return gefunden


def vergleiche(alt: Revision | None, neu: Revision) -> Vergleich:
    """Added, changed and retired measures (vergleich.vergleiche), and every breach of id stability."""
    aenderungen = vergleich.vergleiche(alt.massnahmen_text if alt else None, neu.massnahmen_text)
    if aenderungen is None:   # both versions passed the loader, so this cannot happen
        raise Abbruch("Die Maßnahmen der beiden Fassungen lassen sich nicht vergleichen.")
    ergebnis = Vergleich()
    for kennung, aenderung in aenderungen.items():
        if aenderung.art == vergleich.ENTFERNT:
            vorher = alt.daten.massnahme(kennung)
            ergebnis.fehler.append(
                f"**{md_zelle(kennung)}** ({md_zelle(vorher.titel)}) fehlt in der neuen Fassung. Eine Kennung wird "
                "nie gelöscht: Setzen Sie stattdessen `status: entfallen` und schreiben Sie eine `begruendung`.")
            continue
        nachher = neu.daten.massnahme(kennung)
        if aenderung.art == vergleich.NEU:
            ergebnis.neu.append(nachher)
            continue
        titel, feld = aenderung.feld("titel"), aenderung.feld("handlungsfeld")
        if titel and feld:
            ergebnis.fehler.append(
                f"**{md_zelle(kennung)}** bekommt zugleich einen neuen Titel und ein neues Handlungsfeld "
                f"(bisher {wert(alt.daten, 'titel', titel.alt)} in {wert(alt.daten, 'handlungsfeld', feld.alt)}, "
                f"jetzt {wert(neu.daten, 'titel', titel.neu)} in {wert(neu.daten, 'handlungsfeld', feld.neu)}). "
                "Eine Kennung wird nie für eine andere Maßnahme wiederverwendet: Geben Sie der neuen Maßnahme eine "
                "neue Kennung.")
        zeilen = feldaenderungen(alt.daten, neu.daten, aenderung)
        status = aenderung.feld("status")
        if status and status.neu == "entfallen":
            ergebnis.entfallen.append((alt.daten.massnahme(kennung), nachher, zeilen))
        else:
            ergebnis.geaendert.append((alt.daten.massnahme(kennung), nachher, zeilen))
    return ergebnis


def feldaenderungen(alt: m.Konzeptdaten, neu: m.Konzeptdaten, aenderung: vergleich.Massnahmenaenderung
                    ) -> list[str]:
    """One Markdown line per changed field: `Feld: alt → neu`; a status change stands out."""
    zeilen = []
    for f in aenderung.felder:
        name = b.FELDNAMEN.get(f.feld, f.feld)
        if f.feld == "verlauf":
            zeilen.append(f"{name}: {_verlauf_aenderung(f.alt or [], f.neu or [])}")
            continue
        zeile = f"{name}: {wert(alt, f.feld, f.alt)} → {wert(neu, f.feld, f.neu)}"
        zeilen.append(f"**⚠️ {zeile}**" if f.feld == "status" else zeile)
    return zeilen


def wert(daten: m.Konzeptdaten, feld: str, inhalt: object) -> str:
    """A field's value in words, escaped for Markdown."""
    return md_zelle(feldwert(daten, feld, inhalt))


def _verlauf_aenderung(alt: list, neu: list) -> str:
    eintraege = "; ".join(verlaufseintrag(v) for v in neu[len(alt):])
    if neu[:len(alt)] == alt:
        return f"neuer Eintrag: {md_zelle(eintraege)}"
    return (f"**frühere Einträge geändert** ({len(alt)} → {len(neu)} Einträge); der Verlauf wird sonst nur "
            f"ergänzt{': ' + md_zelle(eintraege) if eintraege else ''}")


# --- Writing the summary ------------------------------------------------------------------------

def zusammenfassung(ergebnis: Vergleich, neu: m.Konzeptdaten, basis: str, ziel: str) -> str:
    """The German Markdown summary, grouped by Handlungsfeld in the site's order."""
    teile = ["## Maßnahmen: was diese Änderung bewirkt", "",
             f"Verglichen: {md_zelle(basis)} → {md_zelle(ziel)}. "
             f"{len(ergebnis.neu)} neu, {len(ergebnis.geaendert)} geändert, {len(ergebnis.entfallen)} entfallen.",
             ""]
    if ergebnis.fehler:
        teile += ["### ⛔ Kennungen müssen stabil bleiben", ""]
        teile += [f"- {f}" for f in ergebnis.fehler] + [""]
    if ergebnis.leer:
        teile += ["Keine Maßnahme wurde hinzugefügt, geändert oder entfernt.", ""]
    for feld in neu.handlungsfelder:
        dazu = [x for x in ergebnis.neu if x.handlungsfeld == feld.id]
        anders = [x for x in ergebnis.geaendert if x[1].handlungsfeld == feld.id]
        weg = [x for x in ergebnis.entfallen if x[1].handlungsfeld == feld.id]
        if not (dazu or anders or weg):
            continue
        teile += [f"### {md_zelle(feld.voller_titel)}", ""]
        if dazu:
            teile += ["**Neu**", ""]
            teile += [f"- **{_name(x)}** – {b.FELDNAMEN['status']}: {wert(neu, 'status', x.status)} · "
                      f"{wert(neu, 'beschlussstand', x.beschlussstand)}" for x in dazu] + [""]
        if anders:
            teile += ["**Geändert**", ""]
            for _, x, zeilen in anders:
                teile += [f"- **{_name(x)}**", *(f"  - {z}" for z in zeilen)]
            teile.append("")
        if weg:
            teile += ["**Entfallen**", ""]
            for _, x, zeilen in weg:
                teile += [f"- **{_name(x)}** – {b.FELDNAMEN['begruendung']}: {wert(neu, 'begruendung', x.begruendung)}",
                          *(f"  - {z}" for z in zeilen if not z.startswith(b.FELDNAMEN["begruendung"] + ":"))]
            teile.append("")
    teile += uebersetzungsabschnitt(ergebnis.veraltet, neu)
    return "\n".join(teile)


def uebersetzungsabschnitt(veraltet: list[uebersetzungen.Veraltet], neu: m.Konzeptdaten) -> list[str]:
    """Per language, the translations this change makes outdated (the translated pages now say so)."""
    if not veraltet:
        return []
    teile = ["### 🌐 Übersetzungen, die diese Änderung veraltet macht", "",
             "Der deutsche Text hat sich geändert, die Übersetzung nicht. Die übersetzten Seiten sagen das in ihrer "
             "Sprache. Wer die Übersetzung erneuert, trägt bei `grundlage` den neuen Fingerabdruck ein.", ""]
    for sprache in neu.sprachen:
        eigene = [v for v in veraltet if v.sprache == sprache.code]
        if not eigene:
            continue
        teile += [f"**{md_zelle(sprache.name)} ({sprache.code})**", ""]
        for v in eigene:
            x = neu.finde_massnahme(v.was)
            was = f"{_name(x)}" if x else f"Startseite, übersetzt aus `docs/{md_zelle(v.was)}`"
            neu_wert = f"neuer Fingerabdruck `{v.aktuell}`" if v.aktuell else "die deutsche Seite gibt es nicht mehr"
            teile.append(f"- {was} ({md_zelle(v.datei)}:{v.zeile}, {neu_wert})")
        teile.append("")
    return teile


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
    ergebnis = vergleiche(alt, neu)
    ergebnis.veraltet = veraltet_durch(alt, neu, repo if argumente.ziel is None else None, basis)
    ziel_name = argumente.ziel or ARBEITSKOPIE
    text = zusammenfassung(ergebnis, neu.daten, revisionsname(basis_name, basis_kurz), ziel_name)
    print(text)
    if argumente.ausgabe:
        with argumente.ausgabe.open("a", encoding="utf-8") as datei:
            datei.write(text + "\n")
    for f in ergebnis.fehler:
        print(f"diff_measures: Kennung nicht stabil: {f.replace('**', '')}", file=sys.stderr)
    return 1 if ergebnis.fehler else 0
