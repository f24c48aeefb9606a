"""Loads every file in data/, checks it, and returns frozen records or every error at once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
from functools import cache, lru_cache
from pathlib import Path

from macros.daten import model as m
from macros.daten import uebersetzungen
from macros.daten.fehler import DatenFehler, Fehler
from macros.daten.schemapruefung import haelftenpruefer, pruefe_schema
from macros.daten.yamlquelle import YamlDatei, lies_yaml
from macros.projekt import REPO
from macros.wiederverwendung import Wiederverwendung

DATA_DIR = REPO / "data"

# Data file -> its top-level key. The schema is data/schema/<stem>.schema.json.
DATEIEN = {
    "konzept.yaml": "konzept",
    "quellen.yaml": "quellen",
    "handlungsfelder.yaml": "handlungsfelder",
    "gremien.yaml": "gremien",
    "organisationen.yaml": "organisationen",
    "meilensteine.yaml": "meilensteine",
    "kennzahlen.yaml": "kennzahlen",
    "ziele.yaml": "ziele",
    "beschluesse.yaml": "beschluesse",
    "measures.yaml": "massnahmen",
    "sprachen.yaml": "sprachen",
}
# Files the data gained later: an older version of the data (make diff, make bericht) may lack them, and is read
# as if they were empty, without the rules that came with them.
SPAETER_HINZUGEKOMMEN = frozenset({"beschluesse.yaml", "sprachen.yaml"})
# Beschlussstand values that need a decision in the field beschluss.
MIT_BESCHLUSS = frozenset({"beschlossen", "fortgeschrieben"})


def lade_daten(data_dir: Path = DATA_DIR, frueher: bool = False) -> m.Konzeptdaten:
    """Reads, checks and links all data; raises DatenFehler listing every problem.

    frueher: the data of an older revision, which may lack the files in SPAETER_HINZUGEKOMMEN.
    """
    # Loading makes millions of small objects and no reference cycles: the cyclic garbage collector would
    # only walk them again and again (a tenth of the time at 10,000 measures, more inside a large build).
    sammler_an = gc.isenabled()
    gc.disable()
    try:
        dateien, fehler = _lies_alle(data_dir, frueher)
        fehler += Querpruefung(dateien).alle()
        uebersetzt, vorhanden, lesefehler = uebersetzungen.lies_alle(data_dir)
        fehler += lesefehler + uebersetzungen.Pruefung(dateien, uebersetzt, vorhanden).alle()
        if fehler:
            raise DatenFehler(fehler)
        return _baue_modell(dateien, uebersetzt)
    finally:
        if sammler_an:
            gc.enable()


def _lies_alle(data_dir: Path, frueher: bool = False) -> tuple[dict[str, YamlDatei], list[Fehler]]:
    """Parses every file and checks it against its schema."""
    dateien, fehler = {}, []
    for dateiname in DATEIEN:
        anzeige = f"{data_dir.name}/{dateiname}"
        if frueher and dateiname in SPAETER_HINZUGEKOMMEN and not (data_dir / dateiname).exists():
            dateien[dateiname] = YamlDatei(anzeige, {DATEIEN[dateiname]: []}, ersetzt=True)
            continue
        schema = data_dir / "schema" / f"{Path(dateiname).stem}.schema.json"
        datei, lesefehler = lies_yaml(data_dir / dateiname, anzeige, haelftenpruefer(schema))
        fehler.extend(lesefehler)
        if datei is None:
            continue
        if not datei.geprueft:
            fehler.extend(pruefe_schema(datei, schema))
        dateien[dateiname] = datei
    return dateien, fehler


@lru_cache(maxsize=4096)
def datum_grenzen(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of a JJJJ, JJJJ-MM or JJJJ-MM-TT date; ValueError if it does not exist."""
    teile = [int(teil) for teil in text.split("-")]
    if len(teile) == 1:
        return dt.date(teile[0], 1, 1), dt.date(teile[0], 12, 31)
    if len(teile) == 2:
        anfang = dt.date(teile[0], teile[1], 1)
        naechster = dt.date(teile[0] + (teile[1] == 12), teile[1] % 12 + 1, 1)
        return anfang, naechster - dt.timedelta(days=1)
    tag = dt.date(*teile)
    return tag, tag


class Querpruefung:
    """Checks that need more than one field or file: ids, references, dates, rules between fields."""

    DATUMSFELDER = frozenset(("beginn", "ende", "stand", "datum", "datum_geplant", "datum_ist", "stichtag",
                              "beschlossen_am"))

    def __init__(self, dateien: dict[str, YamlDatei]):
        self.dateien = dateien
        self.fehler: list[Fehler] = []
        self._eintraege_je_datei: dict[str, list[tuple[int, dict]]] = {}
        self.ids = {name: self._kennungen(name) for name in DATEIEN}

    def alle(self) -> list[Fehler]:
        self.pruefe_eindeutige_ids()
        self.pruefe_felder()
        self.pruefe_massnahmen()
        return self.fehler

    def _eintraege(self, dateiname: str) -> list[tuple[int, dict]]:
        """The well-formed records of a list file, with their index (worked out once per file)."""
        if dateiname not in self._eintraege_je_datei:
            self._eintraege_je_datei[dateiname] = self._finde_eintraege(dateiname)
        return self._eintraege_je_datei[dateiname]

    def _finde_eintraege(self, dateiname: str) -> list[tuple[int, dict]]:
        datei = self.dateien.get(dateiname)
        if datei is None or not isinstance(datei.daten, dict):
            return []
        liste = datei.daten.get(DATEIEN[dateiname])
        if not isinstance(liste, list):
            return []
        return [(i, eintrag) for i, eintrag in enumerate(liste) if isinstance(eintrag, dict)]

    def _kennungen(self, dateiname: str) -> set[str]:
        return {e["id"] for _, e in self._eintraege(dateiname) if isinstance(e.get("id"), str)}

    def melde(self, dateiname: str, pfad: tuple, text: str, wert=None, erlaubt=None) -> None:
        self.fehler.append(self.dateien[dateiname].fehler(pfad, text, wert, erlaubt))

    def pruefe_eindeutige_ids(self) -> None:
        """Every id once per file; organisations and Gremien share one name space."""
        gesehen_stellen: dict[str, str] = {}
        for dateiname, schluessel in DATEIEN.items():
            gesehen: set[str] = set()
            for i, eintrag in self._eintraege(dateiname):
                kennung = eintrag.get("id")
                if not isinstance(kennung, str):
                    continue
                if kennung in gesehen:
                    self.melde(dateiname, (schluessel, i, "id"), "Kennung ist doppelt vergeben.", kennung,
                               "jede Kennung nur einmal")
                gesehen.add(kennung)
                if dateiname in ("gremien.yaml", "organisationen.yaml"):
                    if gesehen_stellen.get(kennung, dateiname) != dateiname:
                        self.melde(dateiname, (schluessel, i, "id"), "Kennung gibt es schon in "
                                   f"{gesehen_stellen[kennung]}.", kennung, "eine Kennung je Stelle")
                    gesehen_stellen[kennung] = dateiname

    def pruefe_felder(self) -> None:
        """Every date exists in the calendar (no 2019-02-30); every reference by id points at a record."""
        stellen = self.ids["organisationen.yaml"] | self.ids["gremien.yaml"]
        self.verweise = {
            "handlungsfeld": (self.ids["handlungsfelder.yaml"], "data/handlungsfelder.yaml"),
            "arbeitsgruppe": (self.ids["gremien.yaml"], "data/gremien.yaml"),
            "federfuehrung": (stellen, "data/organisationen.yaml oder data/gremien.yaml"),
            "partner": (stellen, "data/organisationen.yaml oder data/gremien.yaml"),
            "quelle": (self.ids["quellen.yaml"], "data/quellen.yaml"),
            "gremium": (stellen, "data/gremien.yaml oder data/organisationen.yaml"),
            "beschluss": (self.ids["beschluesse.yaml"], "data/beschluesse.yaml"),
        }
        for dateiname, datei in self.dateien.items():
            if not isinstance(datei.daten, dict):
                continue
            for schluessel, inhalt in datei.daten.items():
                eintraege = inhalt if isinstance(inhalt, list) else [inhalt]
                for i, eintrag in enumerate(eintraege):
                    pfad = (schluessel, i) if isinstance(inhalt, list) else (schluessel,)
                    if isinstance(eintrag, dict):
                        self._pruefe_eintrag(dateiname, pfad, eintrag)

    def _pruefe_eintrag(self, dateiname: str, pfad: tuple, eintrag: dict) -> None:
        """Checks the dates and references of one record and of the records nested in it."""
        # Runs once per record (10,000 times at scale): exact type tests and set lookups keep it cheap.
        verweise, datumsfelder = self.verweise, self.DATUMSFELDER
        for feld, wert in eintrag.items():
            if feld in datumsfelder:
                if type(wert) is str and not _datum_gibt_es(wert):
                    self.melde(dateiname, (*pfad, feld), "Dieses Datum gibt es nicht im Kalender.", wert,
                               "ein echtes Datum als JJJJ-MM-TT, JJJJ-MM oder JJJJ")
            elif feld in verweise:
                bekannt, wo = verweise[feld]
                if type(wert) is str and wert in bekannt:
                    continue
                werte = wert if isinstance(wert, list) else [wert]
                for j, kennung in enumerate(werte):
                    if isinstance(kennung, str) and kennung not in bekannt:
                        feldpfad = (*pfad, feld, j) if isinstance(wert, list) else (*pfad, feld)
                        self.melde(dateiname, feldpfad, f"Unbekannte Kennung (nicht in {wo}).", kennung,
                                   _auswahl(bekannt))
            elif type(wert) is list and wert and type(wert[0]) is dict:
                for j, kind in enumerate(wert):
                    if isinstance(kind, dict):
                        self._pruefe_eintrag(dateiname, (*pfad, feld, j), kind)

    def pruefe_massnahmen(self) -> None:
        """Rules between the fields of one measure."""
        felder = {e["id"]: e for _, e in self._eintraege("handlungsfelder.yaml") if isinstance(e.get("id"), str)}
        vorschlagsquellen = {e["id"] for _, e in self._eintraege("quellen.yaml") if e.get("art") == "vorschlag"}
        for i, massnahme in self._eintraege("measures.yaml"):
            pfad = ("massnahmen", i)
            self._pruefe_praefix(massnahme, felder, pfad)
            self._pruefe_zeitraum(massnahme, pfad)
            self._pruefe_verlauf(massnahme, pfad)
            self._pruefe_beschluss(massnahme, pfad)
            quellen = massnahme.get("quelle")
            if (isinstance(quellen, list) and quellen and set(quellen) <= vorschlagsquellen
                    and massnahme.get("beschlussstand") != "vorschlag"):
                self.melde("measures.yaml", (*pfad, "beschlussstand"),
                           "Eine Maßnahme, die sich nur auf einen Vorschlag stützt, ist nicht beschlossen.",
                           massnahme.get("beschlussstand"), "vorschlag")

    def _pruefe_praefix(self, massnahme: dict, felder: dict, pfad: tuple) -> None:
        kennung, feld = massnahme.get("id"), felder.get(massnahme.get("handlungsfeld"))
        if not isinstance(kennung, str) or feld is None or "-" not in kennung:
            return
        erlaubt = [feld.get("praefix"), *feld.get("fruehere_praefixe", [])]
        if kennung.split("-")[0] not in erlaubt:
            self.melde("measures.yaml", (*pfad, "id"), f"Kürzel passt nicht zum Handlungsfeld „{feld['id']}“.",
                       kennung, " oder ".join(f"{p}-…" for p in erlaubt if p))

    def _pruefe_zeitraum(self, massnahme: dict, pfad: tuple) -> None:
        beginn, ende = massnahme.get("beginn"), massnahme.get("ende")
        if not (isinstance(beginn, str) and isinstance(ende, str)):
            return
        try:
            if datum_grenzen(ende)[1] < datum_grenzen(beginn)[0]:
                self.melde("measures.yaml", (*pfad, "ende"), f"Ende liegt vor dem Beginn ({beginn}).", ende,
                           f"ein Datum ab {beginn}")
        except ValueError:
            pass  # impossible dates are reported by pruefe_daten

    def _pruefe_beschluss(self, massnahme: dict, pfad: tuple) -> None:
        """A decided or updated measure names its decision; a proposal names none."""
        beschlussstand, beschluss = massnahme.get("beschlussstand"), massnahme.get("beschluss")
        if beschlussstand in MIT_BESCHLUSS and beschluss is None:
            beschluesse = self.dateien.get("beschluesse.yaml")
            if beschluesse is None or beschluesse.ersetzt:
                return  # unreadable (reported already), or older data from before decisions were recorded
            datei = self.dateien["measures.yaml"]
            self.fehler.append(Fehler(
                datei.name, datei.zeile((*pfad, "beschlussstand")),
                f"Eine Maßnahme mit Beschlussstand „{beschlussstand}“ nennt ihren Beschluss.",
                datei.objekt(pfad), "beschluss", None,
                "eine Kennung aus data/beschluesse.yaml: " + _auswahl(self.ids["beschluesse.yaml"])))
        elif beschlussstand == "vorschlag" and beschluss is not None:
            self.melde("measures.yaml", (*pfad, "beschluss"), "Ein Vorschlag ist nicht beschlossen und nennt "
                       "keinen Beschluss.", beschluss, "das Feld weglassen oder den Beschlussstand ändern")

    def _pruefe_verlauf(self, massnahme: dict, pfad: tuple) -> None:
        verlauf = massnahme.get("verlauf")
        if not isinstance(verlauf, list) or not verlauf:
            return
        eintraege = [e for e in verlauf if isinstance(e, dict) and isinstance(e.get("datum"), str)]
        try:
            anfaenge = [datum_grenzen(e["datum"])[0] for e in eintraege]
        except ValueError:
            return
        for j in range(1, len(anfaenge)):
            if anfaenge[j] < anfaenge[j - 1]:
                self.melde("measures.yaml", (*pfad, "verlauf", j, "datum"),
                           "Der Verlauf muss zeitlich geordnet sein (ältester Eintrag zuerst).",
                           eintraege[j]["datum"], f"ein Datum ab {eintraege[j - 1]['datum']}")


@lru_cache(maxsize=4096)
def _datum_gibt_es(text: str) -> bool:
    try:
        datum_grenzen(text)
    except ValueError:
        return False
    return True


def _auswahl(kennungen: set[str], hoechstens: int = 12) -> str:
    liste = sorted(kennungen)
    text = ", ".join(liste[:hoechstens])
    return text + (f" … ({len(liste)} insgesamt)" if len(liste) > hoechstens else "")


def _baue_modell(dateien: dict[str, YamlDatei], uebersetzt: dict[str, YamlDatei]) -> m.Konzeptdaten:
    """Turns checked values into frozen records."""
    roh = {name: datei.daten for name, datei in dateien.items()}

    def liste(dateiname, klasse, **umwandlung):
        return tuple(_record(klasse, eintrag, umwandlung) for eintrag in roh[dateiname][DATEIEN[dateiname]])

    konzept = dict(roh["konzept.yaml"]["konzept"])
    konzept["lizenz"] = m.Lizenz(**konzept["lizenz"])
    verlauf = lambda eintraege: tuple(_record(m.Verlaufseintrag, e, {}) for e in eintraege)  # noqa: E731
    links = lambda eintraege: tuple(m.Link(**e) for e in eintraege)  # noqa: E731
    sprachen, uebersetzungen_je_sprache = uebersetzungen.baue(dateien, uebersetzt)
    return m.Konzeptdaten(
        konzept=m.Konzept(**konzept),
        handlungsfelder=liste("handlungsfelder.yaml", m.Handlungsfeld),
        gremien={g.id: g for g in liste("gremien.yaml", m.Gremium)},
        organisationen={o.id: o for o in liste("organisationen.yaml", m.Organisation)},
        quellen={q.id: q for q in liste("quellen.yaml", m.Quelle)},
        meilensteine=liste("meilensteine.yaml", m.Meilenstein),
        kennzahlen=liste("kennzahlen.yaml", m.Kennzahl),
        ziele=liste("ziele.yaml", m.Ziel),
        beschluesse={b.id: b for b in liste("beschluesse.yaml", m.Beschluss)},
        massnahmen=MASSNAHMEN.alle((e, lambda e=e: _record(m.Massnahme, e, {"verlauf": verlauf, "links": links}))
                                   for e in roh["measures.yaml"]["massnahmen"]),
        sprachen=sprachen,
        uebersetzungen=uebersetzungen_je_sprache,
    )


class _Massnahmen:
    """In `make serve`, a measure whose record did not change since the last load is the same object as then:
    what the build keeps by measure (cards, rows) is then found by identity, not compared field by field."""

    def __init__(self) -> None:
        self._zuletzt: dict[str, tuple[dict, m.Massnahme]] = {}

    def alle(self, eintraege) -> tuple[m.Massnahme, ...]:
        """The measures of (record, builds it) pairs; the records are the parsed values of the file."""
        if not Wiederverwendung.merken:
            return tuple(bauen() for _, bauen in eintraege)
        zuletzt, jetzt, ergebnis = self._zuletzt, {}, []
        for eintrag, bauen in eintraege:
            vorher = zuletzt.get(eintrag.get("id"))
            massnahme = vorher[1] if vorher is not None and vorher[0] == eintrag else bauen()
            jetzt[massnahme.id] = (eintrag, massnahme)
            ergebnis.append(massnahme)
        self._zuletzt = jetzt
        return tuple(ergebnis)


MASSNAHMEN = _Massnahmen()


def _record(klasse, eintrag: dict, umwandlung: dict):
    """One record: lists become tuples, nested records are built by umwandlung."""
    werte = {schluessel: tuple(wert) if type(wert) is list else wert for schluessel, wert in eintrag.items()}
    for schluessel in umwandlung.keys() & werte.keys():
        werte[schluessel] = umwandlung[schluessel](eintrag[schluessel])
    felder, pflicht = _felder(klasse)
    if felder is not None and not werte.keys() <= felder:
        # The schema has checked every name already; a field the model no longer has comes from an older
        # version of the data (make diff, make bericht), e.g. the status once written into each note.
        werte = {schluessel: wert for schluessel, wert in werte.items() if schluessel in felder}
    if felder is None or not (pflicht <= werte.keys() <= felder):
        return klasse(**werte)  # the dataclass itself says what is wrong
    # A frozen dataclass sets each of its 21 fields through object.__setattr__: a tenth of lade_daten at
    # 10,000 measures. Fields left out keep their default, which the class holds as an attribute.
    record = object.__new__(klasse)
    record.__dict__.update(werte)
    return record


@cache
def _felder(klasse) -> tuple[frozenset | None, frozenset]:
    """All field names and the required ones; None where a record needs its __init__ (factories, checks)."""
    felder = dataclasses.fields(klasse)
    if hasattr(klasse, "__post_init__") or hasattr(klasse, "__slots__") or any(
            f.default_factory is not dataclasses.MISSING or f.default is dataclasses.MISSING and not f.init
            for f in felder):
        return None, frozenset()
    pflicht = frozenset(f.name for f in felder if f.default is dataclasses.MISSING)
    return frozenset(f.name for f in felder), pflicht
