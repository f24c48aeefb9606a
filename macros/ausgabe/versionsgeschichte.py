"""What git knows about the concept: each file's last change, the recent changes, which measures they touched.

A few git processes per build, whatever the number of pages: one `git log` for all files, one `git describe`,
one `git cat-file --batch` for the versions of data/measures.yaml. Without git history (an archive, a shallow
clone) everything here says so instead of failing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.darstellung.datum import datum_de
from macros.daten.vergleich import ENTFERNT, GEAENDERT, NEU, Fassung, Massnahmenaenderung, vergleiche

MASSNAHMEN_DATEI = "data/measures.yaml"
# What readers see as a change: chapter texts and data, not stylesheets or scripts under docs/assets/.
VERFOLGTE_PFADE = (":(glob)docs/**/*.md", "data")
HOECHSTENS_AENDERUNGEN = 50   # commits listed on the Änderungsverlauf page
HOECHSTENS_VERGLEICHE = 25    # of those, commits whose measures are compared (vergleich.py)
FASSUNG_MUSTER = "fassung-*"  # tags of adopted versions, e.g. fassung-2019-05

_SEP_FELD, _SEP_EINTRAG, _SEP_DATEIEN = "\x1f", "\x1e", "\x1d"
# A commit's own words for readers: a trailer in the last paragraph of its message (CONTRIBUTING.md).
FUER_LESER = "Änderung:"


@dataclass(frozen=True)
class Aenderung:
    """One commit that touched docs/ or data/, and what it did to each measure (vergleich.vergleiche: new,
    changed field by field, removed); vergleich None: its measures were not compared."""

    commit: str
    datum: str
    zusammenfassung: str
    dateien: tuple[str, ...]
    vergleich: dict[str, Massnahmenaenderung] | None = None
    fuer_leser: str = ""                               # the trailer „Änderung: …“, if the message has one
    abschnitte: tuple[tuple[str, tuple[str, ...]], ...] = ()   # docs file -> headings of the changed sections
    daten_dateien: tuple[str, ...] = ()                # other data files whose values changed (not measures.yaml)
    inhalt_verglichen: bool = False                    # abschnitte and daten_dateien were worked out

    @property
    def zeigt_inhalt(self) -> bool:
        """Whether readers see anything change: a measure, a chapter's text, the values of another data file.
        A commit that only reformats, comments or changes schemas is left out."""
        if not self.inhalt_verglichen:
            return True
        massnahmen = bool(self.vergleich) if self.verglichen else MASSNAHMEN_DATEI in self.dateien
        return massnahmen or bool(self.abschnitte) or bool(self.daten_dateien)

    @property
    def kurz(self) -> str:
        return self.commit[:7]

    @property
    def verglichen(self) -> bool:
        return self.vergleich is not None

    def _art(self, art: str) -> tuple[str, ...]:
        return tuple(k for k, a in (self.vergleich or {}).items() if a.art == art)

    @property
    def neu(self) -> tuple[str, ...]:
        return self._art(NEU)

    @property
    def geaendert(self) -> tuple[str, ...]:
        return self._art(GEAENDERT)

    @property
    def entfernt(self) -> tuple[str, ...]:
        return self._art(ENTFERNT)

    @property
    def massnahmen(self) -> tuple[str, ...]:
        return self.neu + self.geaendert + self.entfernt


@dataclass(frozen=True)
class Zeitpunkt:
    """The end of one period (a quarter, a month or a day with changes) and the status counts of the measures then:
    those of the last commit on or before its end that changed measures.yaml."""

    einheit: str                            # "quartal", "monat" or "tag"
    anfang: str                             # first day of the period, JJJJ-MM-TT
    ende: str                               # last day of the period
    zaehlung: tuple[tuple[str, int], ...]   # (status code, count) in the order the file first names them
    commit: str


@dataclass(frozen=True)
class Version:
    """Which state of the repository a build comes from."""

    commit: str | None = None
    datum: str | None = None
    beschreibung: str | None = None   # git describe: fassung-2019-05, fassung-2019-05-3-gabc1234 or abc1234
    geaendert: bool = False           # built from a working tree with uncommitted changes

    @property
    def fassung(self) -> str | None:
        """The adopted version's tag if the build is exactly that tag."""
        b = self.beschreibung
        return b if b and b.startswith("fassung-") and not _hat_abstand(b) else None

    def text(self) -> str:
        """One German sentence for the footer."""
        if not self.commit:
            return "Version: nicht bekannt (gebaut ohne Git-Verlauf)."
        satz = f"Gebaut aus Commit {self.commit[:7]} vom {datum_de(self.datum)}"
        if self.fassung:
            satz = f"Fassung {self.fassung} (Commit {self.commit[:7]} vom {datum_de(self.datum)})"
        elif self.beschreibung and self.beschreibung.startswith("fassung-"):
            satz += f", nach {self.beschreibung.rsplit('-', 2)[0]}"
        return satz + (", mit noch nicht gespeicherten Änderungen." if self.geaendert else ".")


def _hat_abstand(beschreibung: str) -> bool:
    """True for fassung-2019-05-3-gabc1234 (3 commits after the tag)."""
    teile = beschreibung.rsplit("-", 2)
    return len(teile) == 3 and teile[1].isdigit() and teile[2].startswith("g")


@dataclass(frozen=True)
class Versionsgeschichte:
    """Everything the pages show about the history; `verfuegbar` False means: say so, show data dates."""

    verfuegbar: bool
    grund: str = ""
    version: Version = field(default_factory=Version)
    letzte_aenderung: dict[str, str] = field(default_factory=dict)
    aenderungen: tuple[Aenderung, ...] = ()
    entwicklung: tuple[Zeitpunkt, ...] = ()   # periods, oldest first; the last one is still running

    def datum_von(self, pfad: str) -> str | None:
        """Date (JJJJ-MM-TT) of the last commit that changed this file, e.g. docs/index.md."""
        return self.letzte_aenderung.get(pfad) if self.verfuegbar else None

    def datum_der_daten(self) -> str | None:
        """Date of the last commit that changed anything in data/."""
        daten = [d for p, d in self.letzte_aenderung.items() if p.startswith("data/")]
        return max(daten) if daten and self.verfuegbar else None

    def aenderungen_der_massnahme(self, massnahme_id: str) -> list[Aenderung]:
        """The listed commits that added, changed or removed this measure, newest first."""
        if "_je_massnahme" not in self.__dict__:
            index: dict[str, list[Aenderung]] = {}
            for a in self.aenderungen:
                for kennung in a.massnahmen:
                    index.setdefault(kennung, []).append(a)
            object.__setattr__(self, "_je_massnahme", index)   # built once, on first use (frozen dataclass)
        return self.__dict__["_je_massnahme"].get(massnahme_id, [])


# --- Reading git --------------------------------------------------------------------------------

class _KeinGit(Exception):
    """git is missing, this is no repository, or the command failed."""


def _git(wurzel: Path, *argumente: str, eingabe: bytes | None = None) -> bytes:
    try:
        ergebnis = subprocess.run(["git", "-c", "core.quotepath=false", *argumente], cwd=wurzel, input=eingabe,
                                  capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as fehler:
        raise _KeinGit(str(fehler)) from None
    if ergebnis.returncode != 0:
        raise _KeinGit(ergebnis.stderr.decode("utf-8", "replace").strip())
    return ergebnis.stdout


def lies_version(wurzel: Path) -> tuple[Version, bool, str]:
    """(version, whether the full history is here, why not). Never raises."""
    if not (wurzel / ".git").exists():
        return Version(), False, "Diese Website wurde ohne Git-Verlauf gebaut (zum Beispiel aus einem Archiv)."
    try:
        oben, flach = _git(wurzel, "rev-parse", "--show-toplevel", "--is-shallow-repository").decode().split()
        kopf = _git(wurzel, "log", "-1", f"--format=%H{_SEP_FELD}%cs").decode().strip()
    except (_KeinGit, ValueError):
        return Version(), False, "Die Versionsgeschichte konnte nicht gelesen werden."
    if Path(oben).resolve() != wurzel.resolve():
        return Version(), False, "Diese Website wurde ohne eigenen Git-Verlauf gebaut."
    commit, datum = kopf.split(_SEP_FELD)
    try:
        beschreibung = _git(wurzel, "describe", "--tags", "--always", "--dirty", "--abbrev=7",
                            f"--match={FASSUNG_MUSTER}").decode().strip()
    except _KeinGit:
        beschreibung = commit[:7]
    geaendert = beschreibung.endswith("-dirty")
    version = Version(commit, datum, beschreibung.removesuffix("-dirty"), geaendert)
    if flach == "true":
        return version, False, ("Die Versionsgeschichte ist unvollständig (flacher Klon); "
                                "die Daten nennen ihren eigenen Stand.")
    return version, True, ""


def lies_log(wurzel: Path) -> list[Aenderung]:
    """Every commit that touched a chapter or data/, newest first, with its files (one git process)."""
    roh = _git(wurzel, "log", f"--format={_SEP_EINTRAG}%H{_SEP_FELD}%cs{_SEP_FELD}%s{_SEP_FELD}%B{_SEP_DATEIEN}",
               "--name-only", "--", *VERFOLGTE_PFADE).decode("utf-8", "replace")
    ergebnis = []
    for block in roh.split(_SEP_EINTRAG)[1:]:
        kopf, _, rest = block.partition(_SEP_DATEIEN)
        commit, datum, zusammenfassung, nachricht = (kopf.split(_SEP_FELD, 3) + ["", "", ""])[:4]
        dateien = tuple(z.strip() for z in rest.splitlines() if z.strip())
        ergebnis.append(Aenderung(commit, datum, zusammenfassung, dateien, fuer_leser=fuer_leser(nachricht)))
    return ergebnis


def fuer_leser(nachricht: str) -> str:
    """The text of the trailer „Änderung: …“ in the last paragraph of a commit message ('' without one).

    git does not take „Änderung“ for a trailer key (not ASCII), so the paragraph is read here; a line that
    starts with a space continues the one before.
    """
    absaetze = [a for a in nachricht.strip().split("\n\n") if a.strip()]
    if len(absaetze) < 2:
        return ""   # the subject alone is written for developers
    texte, aktuell = [], None
    for zeile in absaetze[-1].splitlines():
        if zeile.startswith(FUER_LESER):
            aktuell = [zeile[len(FUER_LESER):].strip()]
            texte.append(aktuell)
        elif aktuell is not None and zeile[:1] in (" ", "\t"):
            aktuell.append(zeile.strip())
        else:
            aktuell = None
    return " ".join(" ".join(teile) for teile in texte).strip()


def _blobs(wurzel: Path, angaben: list[str]) -> dict[str, tuple[str, bytes] | None]:
    """Spec ('sha:path') -> (object id, content) or None if missing, all through one `git cat-file --batch`."""
    if not angaben:
        return {}
    roh = _git(wurzel, "cat-file", "--batch", eingabe="".join(a + "\n" for a in angaben).encode())
    ergebnis, pos = {}, 0
    for angabe in angaben:
        ende = roh.index(b"\n", pos)
        kopf = roh[pos:ende].decode("utf-8", "replace").split()
        pos = ende + 1
        if len(kopf) == 3 and kopf[1] == "blob":
            groesse = int(kopf[2])
            ergebnis[angabe] = (kopf[0], roh[pos:pos + groesse])
            pos += groesse + 1
        else:
            ergebnis[angabe] = None
    return ergebnis


def mit_massnahmen(wurzel: Path, aenderungen: list[Aenderung]) -> list[Aenderung]:
    """Adds to each commit that changed measures.yaml what it did to each measure (vergleich.vergleiche)."""
    zu_vergleichen = [a for a in aenderungen if MASSNAHMEN_DATEI in a.dateien][:HOECHSTENS_VERGLEICHE]
    angaben = [s for a in zu_vergleichen for s in (f"{a.commit}:{MASSNAHMEN_DATEI}", f"{a.commit}^:{MASSNAHMEN_DATEI}")]
    blobs = _blobs(wurzel, angaben)
    fassungen: dict[str, Fassung] = {}   # by object id: a version is read once, as parent and as child

    def fassung(angabe: str) -> Fassung | None:
        blob = blobs.get(angabe)
        if blob is None:
            return None   # no measures.yaml in that commit
        if blob[0] not in fassungen:
            fassungen[blob[0]] = Fassung(blob[1])
        return fassungen[blob[0]]

    ersetzt = {}
    for a in zu_vergleichen:
        vergleich = vergleiche(fassung(f"{a.commit}^:{MASSNAHMEN_DATEI}"), fassung(f"{a.commit}:{MASSNAHMEN_DATEI}"))
        if vergleich is not None:
            ersetzt[a.commit] = dataclasses.replace(a, vergleich=vergleich)
    return [ersetzt.get(a.commit, a) for a in aenderungen]


def _ist_kapitel(pfad: str) -> bool:
    return pfad.startswith("docs/") and pfad.endswith(".md") and not pfad.startswith("docs/includes/")


def _ist_weitere_datendatei(pfad: str) -> bool:
    return pfad.startswith("data/") and pfad.count("/") == 1 and pfad.endswith(".yaml") and pfad != MASSNAHMEN_DATEI


NEUE_SEITE, SEITE_ENTFERNT = "\x00neu", "\x00entfernt"   # markers in Aenderung.abschnitte
_UEBERSCHRIFT = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*#*[ \t]*$")


def geaenderte_abschnitte(alt: str | None, neu: str | None) -> tuple[str, ...]:
    """The headings (## and below) of the sections a change touched, in page order; "" stands for the part above
    the first of them. A new page: (NEUE_SEITE,), a removed one (SEITE_ENTFERNT,); no change in the text: ()."""
    if alt == neu:
        return ()
    if alt is None or neu is None:
        return (NEUE_SEITE,) if alt is None else (SEITE_ENTFERNT,)
    alte, neue = alt.splitlines(), neu.splitlines()
    abschnitt_alt, abschnitt_neu = _abschnitte(alte), _abschnitte(neue)
    gefunden: list[str] = []
    for art, a1, a2, n1, n2 in difflib.SequenceMatcher(None, alte, neue, autojunk=False).get_opcodes():
        if art == "equal":
            continue
        # A changed line counts in the section it stands in (a removed one: where it stood); blank lines and the
        # heading line that opens an added section count for that section only.
        getroffen = [abschnitt_neu[i] for i in range(n1, n2) if neue[i].strip()]
        getroffen = getroffen or [abschnitt_alt[i] for i in range(a1, a2) if alte[i].strip()]
        for abschnitt in getroffen:
            if abschnitt not in gefunden:
                gefunden.append(abschnitt)
    return tuple(gefunden)


def _abschnitte(zeilen: list[str]) -> list[str]:
    """The section (the heading of ## or below; "" above the first) each line belongs to; a heading to its own."""
    ergebnis, aktuell = [], ""
    for zeile in zeilen:
        treffer = _UEBERSCHRIFT.match(zeile)
        if treffer and len(treffer.group(1)) >= 2:
            aktuell = treffer.group(2).strip()
        ergebnis.append(aktuell)
    return ergebnis


def mit_inhalt(wurzel: Path, aenderungen: list[Aenderung]) -> list[Aenderung]:
    """Adds to each commit which sections of which chapters it changed, and which other data files' values."""
    pfade = [(a, d) for a in aenderungen for d in a.dateien if _ist_kapitel(d) or _ist_weitere_datendatei(d)]
    blobs = _blobs(wurzel, [s for a, d in pfade for s in (f"{a.commit}:{d}", f"{a.commit}^:{d}")])

    def text(angabe: str) -> str | None:
        blob = blobs.get(angabe)
        return None if blob is None else blob[1].decode("utf-8", "replace")

    werte_je_objekt: dict[str, object] = {}   # a version is parsed once, as parent and as child

    def werte(angabe: str) -> object:
        blob = blobs.get(angabe)
        if blob is None:
            return None
        if blob[0] not in werte_je_objekt:
            werte_je_objekt[blob[0]] = _werte(text(angabe))
        return werte_je_objekt[blob[0]]

    ergebnis = []
    for a in aenderungen:
        abschnitte, daten_dateien = [], []
        for d in a.dateien:
            if _ist_kapitel(d):
                geaendert = geaenderte_abschnitte(text(f"{a.commit}^:{d}"), text(f"{a.commit}:{d}"))
                if geaendert:
                    abschnitte.append((d, geaendert))
            elif _ist_weitere_datendatei(d) and werte(f"{a.commit}^:{d}") != werte(f"{a.commit}:{d}"):
                daten_dateien.append(d)
        ergebnis.append(dataclasses.replace(a, abschnitte=tuple(abschnitte), daten_dateien=tuple(daten_dateien),
                                            inhalt_verglichen=True))
    return ergebnis


def _werte(text: str | None) -> object:
    """A data file's values (comments and layout do not count); the text itself where it is no valid YAML."""
    if text is None:
        return None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return text


# --- Progress over time: the status counts at the end of each period ----------------------------------------

HOECHSTENS_ZEITPUNKTE = 24   # periods shown, the most recent; 24 quarters are six years
MINDESTENS_ZEITPUNKTE = 3    # quarters if the history has at least this many, else months, else days with changes


def _quartal(tag: dt.date) -> tuple[dt.date, dt.date]:
    erster = dt.date(tag.year, (tag.month - 1) // 3 * 3 + 1, 1)
    naechster = dt.date(erster.year + (erster.month == 10), (erster.month + 2) % 12 + 1, 1)
    return erster, naechster - dt.timedelta(days=1)


def _monat(tag: dt.date) -> tuple[dt.date, dt.date]:
    erster = tag.replace(day=1)
    naechster = dt.date(erster.year + (erster.month == 12), erster.month % 12 + 1, 1)
    return erster, naechster - dt.timedelta(days=1)


def perioden(tage: list[dt.date]) -> tuple[str, list[tuple[dt.date, dt.date]]]:
    """The unit and the periods from the first to the last of tage (days with a change to the measures)."""
    erster, letzter = min(tage), max(tage)
    for einheit, periode in (("quartal", _quartal), ("monat", _monat)):
        liste = [periode(erster)]
        while liste[-1][1] < letzter:
            liste.append(periode(liste[-1][1] + dt.timedelta(days=1)))
        if len(liste) >= MINDESTENS_ZEITPUNKTE:
            return einheit, liste[-HOECHSTENS_ZEITPUNKTE:]
    return "tag", [(tag, tag) for tag in sorted(set(tage))][-HOECHSTENS_ZEITPUNKTE:]


_MASSNAHME = re.compile(rb"^([ \t]*)-[ \t]+(?:\{[ \t]*)?id:", re.MULTILINE)
_STATUS = re.compile(rb"^([ \t]*)status:[ \t]*[\"']?([a-z_]+)", re.MULTILINE)


def status_zaehlung(text: bytes) -> Counter | None:
    """Status code -> number of measures in one version of measures.yaml; None if it cannot be read.

    Fast path: the `status:` lines at the indentation of a measure's own fields (a history entry in block
    style is indented deeper), used when there is one for each measure. Other layouts are parsed with PyYAML.
    """
    eintraege = list(_MASSNAHME.finditer(text))
    if eintraege:
        einzug = eintraege[0].group(1)
        zaehlung = Counter(t.group(2).decode() for t in _STATUS.finditer(text) if t.group(1) == einzug + b"  ")
        if zaehlung.total() == sum(e.group(1) == einzug for e in eintraege):
            return zaehlung
    lader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        inhalt = yaml.load(text, Loader=lader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None
    liste = inhalt.get("massnahmen") if isinstance(inhalt, dict) else None
    if not isinstance(liste, list):
        return None
    return Counter(str(x.get("status")) for x in liste if isinstance(x, dict))


def zeitpunkte(wurzel: Path, alle: list[Aenderung]) -> tuple[Zeitpunkt, ...]:
    """The status counts at the end of each period, from the commits that changed measures.yaml.

    The last period is the one of the newest change, still running. One `git cat-file --batch` for all versions.
    """
    aenderungen = [a for a in alle if MASSNAHMEN_DATEI in a.dateien and a.datum]
    if not aenderungen:
        return ()
    einheit, liste = perioden([dt.date.fromisoformat(a.datum) for a in aenderungen])
    gewaehlt = []
    for anfang, ende in liste:
        commit = next((a.commit for a in aenderungen if a.datum <= ende.isoformat()), None)   # newest first
        if commit is not None:
            gewaehlt.append((anfang, ende, commit))
    blobs = _blobs(wurzel, sorted({f"{commit}:{MASSNAHMEN_DATEI}" for *_, commit in gewaehlt}))
    ergebnis = []
    for anfang, ende, commit in gewaehlt:
        blob = blobs.get(f"{commit}:{MASSNAHMEN_DATEI}")
        zaehlung = status_zaehlung(blob[1]) if blob else None
        if zaehlung is not None:
            ergebnis.append(Zeitpunkt(einheit, anfang.isoformat(), ende.isoformat(), tuple(zaehlung.items()), commit))
    return tuple(ergebnis)


def lies(wurzel: Path, stand: tuple[Version, bool, str] | None = None) -> Versionsgeschichte:
    """The history of this project folder, or why there is none (stand: what lies_version said). Never raises."""
    version, vollstaendig, grund = stand or lies_version(wurzel)
    if not vollstaendig:
        return Versionsgeschichte(False, grund, version)
    try:
        alle = lies_log(wurzel)
        letzte: dict[str, str] = {}
        for a in alle:
            for datei in a.dateien:
                letzte.setdefault(datei, a.datum)
        neueste = mit_inhalt(wurzel, mit_massnahmen(wurzel, alle[:HOECHSTENS_AENDERUNGEN]))
        entwicklung = zeitpunkte(wurzel, alle)
    except _KeinGit:
        return Versionsgeschichte(False, "Die Versionsgeschichte konnte nicht gelesen werden.", version)
    return Versionsgeschichte(True, "", version, letzte, tuple(neueste), entwicklung)


_aktuell: dict[Path, tuple[tuple[Version, bool, str], Versionsgeschichte]] = {}


def vergessen() -> None:
    """Drops the history read so far: the next build reads it anew (a benchmark of cold builds)."""
    _aktuell.clear()


def aktuell(wurzel: Path, neu: bool = False) -> Versionsgeschichte:
    """The history, looked up once per build (the hook passes neu=True at the start of each build) and read
    anew only when the version changed: in `make serve` a save changes files, not commits."""
    vorher = _aktuell.get(wurzel)
    if neu or vorher is None:
        stand = lies_version(wurzel)
        geschichte = vorher[1] if vorher is not None and vorher[0] == stand else lies(wurzel, stand)
        _aktuell[wurzel] = vorher = (stand, geschichte)
    return vorher[1]
