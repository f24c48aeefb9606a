"""The translations: data/uebersetzungen/<code>.yaml read and checked, and how fresh each translated text is.

Every translated text records the German text it was made from as a fingerprint (`grundlage`): a measure's
translation that of the measure's German title and description, a start page that of each German page it was
made from. When the German text changes, its fingerprint no longer matches and the translation is outdated:
the pages say so in their language, `make check` warns (naming the new fingerprint, which a translator writes
into `grundlage` once the translation is renewed) and `make diff` lists it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from macros.daten import begriffe as b
from macros.daten import model as m
from macros.daten import suchregeln
from macros.daten.fehler import Fehler
from macros.daten.schemapruefung import pruefe_schema
from macros.daten.yamlquelle import YamlDatei, lies_yaml

ORDNER = "uebersetzungen"
SCHEMA = "uebersetzung.schema.json"
SPRACHEN = "sprachen.yaml"

# {name} or {name:kennung} in a translated text; the build puts the value in, formatted for the language.
PLATZHALTER = re.compile(r"\{([^{}:]*)(?::([^{}]*))?\}")
# Placeholders every text may hold: the decision date and the stand of the German text, the number of
# measures, a figure's value and its date (by the figure's id in kennzahlen.yaml).
PLATZHALTER_ALLE = frozenset({"beschlossen_am", "stand", "anzahl", "kennzahl", "stichtag"})
PLATZHALTER_MIT_KENNUNG = frozenset({"kennzahl", "stichtag"})
# Placeholders only these labels may hold.
PLATZHALTER_ZUSATZ = {"geprueft": {"organisation"}, "details": {"id"}, "pdf": {"groesse"}}


# --- Fingerprints and freshness ---------------------------------------------------------------------------------

def fingerabdruck(*teile: str) -> str:
    """12 hex digits of SHA-256 over the texts, whitespace collapsed (re-wrapping a line changes nothing)."""
    text = "\n".join(" ".join(teil.split()) for teil in teile)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def grundlage_der_massnahme(massnahme: m.Massnahme) -> str:
    """The fingerprint of what a measure's translation is made from: its German title and description."""
    return fingerabdruck(massnahme.titel, massnahme.beschreibung)


def grundlage_der_seite(docs: Path, pfad: str) -> str | None:
    """The fingerprint of a German page's Markdown (None when the page does not exist)."""
    try:
        return fingerabdruck((docs / pfad).read_text(encoding="utf-8"))
    except OSError:
        return None


@dataclass(frozen=True)
class Veraltet:
    """A translated text older than its German text: where it stands and both fingerprints."""

    sprache: str
    datei: str
    zeile: int
    was: str  # a measure id, or the docs path of a German page
    bisher: str
    aktuell: str | None

    def __str__(self) -> str:
        art = f"Maßnahme {self.was}" if "." not in self.was else f"Startseite, deutsche Seite {self.was}"
        jetzt = (f"Ist die Übersetzung erneuert, dort „{self.aktuell}“ eintragen."
                 if self.aktuell else "Die deutsche Seite gibt es nicht mehr.")
        return (f"{self.datei}:{self.zeile}: Übersetzung {self.sprache}, {art}: Feld „grundlage“ mit Wert "
                f"„{self.bisher}“: Der deutsche Text hat sich seit der Übersetzung geändert. {jetzt}")


def massnahme_aktuell(daten: m.Konzeptdaten, uebersetzung: m.MassnahmeUebersetzung) -> bool:
    return uebersetzung.grundlage == grundlage_der_massnahme(daten.massnahme(uebersetzung.id))


def veraltete_massnahmen(daten: m.Konzeptdaten) -> list[Veraltet]:
    """Every measure translation whose German title or description changed since, language by language."""
    gefunden = []
    for sprache in daten.sprachen:
        ue = daten.uebersetzungen[sprache.code]
        for x in ue.massnahmen.values():
            aktuell = grundlage_der_massnahme(daten.massnahme(x.id))
            if x.grundlage != aktuell:
                gefunden.append(Veraltet(sprache.code, ue.datei, x.zeile, x.id, x.grundlage, aktuell))
    return gefunden


def veraltete_startseite(daten: m.Konzeptdaten, sprache: str, docs: Path) -> list[Veraltet]:
    """The German pages a translated start page was made from that changed since."""
    ue = daten.uebersetzungen[sprache]
    gefunden = []
    for pfad, bisher in ue.startseite["grundlage"].items():
        aktuell = grundlage_der_seite(docs, pfad)
        if aktuell != bisher:
            gefunden.append(Veraltet(sprache, ue.datei, ue.zeilen.get(f"startseite.grundlage.{pfad}", 1), pfad,
                                     bisher, aktuell))
    return gefunden


def alle_veralteten(daten: m.Konzeptdaten, docs: Path | None) -> list[Veraltet]:
    """Measures and start pages (those only with a docs folder) of every language that are outdated."""
    startseiten = [v for s in daten.sprachen for v in veraltete_startseite(daten, s.code, docs)] if docs else []
    return veraltete_massnahmen(daten) + startseiten


# --- Reading and checking -----------------------------------------------------------------------------------------

def lies_alle(data_dir: Path) -> tuple[dict[str, YamlDatei], set[str], list[Fehler]]:
    """Parses every data/uebersetzungen/*.yaml and checks it against the schema: the valid files by file stem,
    the stems of all files, the errors."""
    ordner = data_dir / ORDNER
    dateien: dict[str, YamlDatei] = {}
    vorhanden: set[str] = set()
    fehler: list[Fehler] = []
    for pfad in sorted(ordner.glob("*.yaml")) if ordner.is_dir() else ():
        vorhanden.add(pfad.stem)
        datei, lesefehler = lies_yaml(pfad, f"{data_dir.name}/{ORDNER}/{pfad.name}")
        fehler.extend(lesefehler)
        if datei is None:
            continue
        schemafehler = pruefe_schema(datei, data_dir / "schema" / SCHEMA)
        fehler.extend(schemafehler)
        if not schemafehler:
            dateien[pfad.stem] = datei
    return dateien, vorhanden, fehler


class Pruefung:
    """Checks between the translations and the rest of the data: languages, ids, codes and placeholders."""

    def __init__(self, dateien: dict[str, YamlDatei], uebersetzungen: dict[str, YamlDatei], vorhanden: set[str]):
        self.dateien, self.uebersetzungen, self.vorhanden = dateien, uebersetzungen, vorhanden
        self.fehler: list[Fehler] = []

    def _liste(self, dateiname: str, schluessel: str) -> list[dict]:
        datei = self.dateien.get(dateiname)
        werte = datei.daten.get(schluessel) if datei is not None and isinstance(datei.daten, dict) else None
        return [e for e in werte if isinstance(e, dict)] if isinstance(werte, list) else []

    def _ids(self, dateiname: str, schluessel: str) -> set[str] | None:
        """The ids in that file; None when it could not be read (its own error says why, and nothing is checked
        against it, so one broken file does not report every translation as unknown)."""
        datei = self.dateien.get(dateiname)
        if datei is None or not isinstance(datei.daten, dict) or not isinstance(datei.daten.get(schluessel), list):
            return None
        return {e["id"] for e in self._liste(dateiname, schluessel) if isinstance(e.get("id"), str)}

    def alle(self) -> list[Fehler]:
        codes = self._pruefe_sprachen()
        massnahmen = self._ids("measures.yaml", "massnahmen")
        felder = self._ids("handlungsfelder.yaml", "handlungsfelder")
        kennzahlen = self._ids("kennzahlen.yaml", "kennzahlen")
        for stamm, datei in self.uebersetzungen.items():
            self._pruefe_datei(stamm, datei, codes, massnahmen, felder, kennzahlen)
        return self.fehler

    def _pruefe_sprachen(self) -> set[str]:
        """Each code once, with its translation file; geprueft_von names an organisation, only when checked."""
        datei = self.dateien.get(SPRACHEN)
        if datei is None or not isinstance(datei.daten, dict):
            return set()
        organisationen = self._ids("organisationen.yaml", "organisationen")
        codes: set[str] = set()
        for i, sprache in enumerate(datei.daten.get("sprachen") or []):
            code = sprache.get("code")
            if code in codes:
                self.fehler.append(datei.fehler(("sprachen", i, "code"), "Sprache steht doppelt in der Liste.",
                                                code, "jeden Sprachcode nur einmal"))
            codes.add(code)
            if code not in self.vorhanden and not datei.ersetzt:
                self.fehler.append(datei.fehler(
                    ("sprachen", i, "code"), f"Zu dieser Sprache fehlt die Übersetzung data/{ORDNER}/{code}.yaml.",
                    code, f"eine Datei data/{ORDNER}/<code>.yaml je Sprache"))
            self._pruefe_suchregeln(datei, i, code, sprache.get("suchregeln"))
            geprueft, von = sprache.get("muttersprachlich_geprueft"), sprache.get("geprueft_von")
            if geprueft and von is None:
                self.fehler.append(datei.fehler(
                    ("sprachen", i, "muttersprachlich_geprueft"), "Eine geprüfte Übersetzung nennt die prüfende "
                    "Organisation im Feld „geprueft_von“.", geprueft, "eine Kennung aus data/organisationen.yaml"))
            elif von is not None and not geprueft:
                self.fehler.append(datei.fehler(
                    ("sprachen", i, "geprueft_von"), "Nur eine geprüfte Übersetzung nennt, wer sie geprüft hat.", von,
                    "das Feld weglassen oder muttersprachlich_geprueft: true"))
            elif von is not None and organisationen is not None and von not in organisationen:
                self.fehler.append(datei.fehler(
                    ("sprachen", i, "geprueft_von"), "Unbekannte Organisation (nicht in data/organisationen.yaml).",
                    von, ", ".join(sorted(organisationen))))
        return codes

    def _pruefe_suchregeln(self, datei: YamlDatei, i: int, code: object, regeln: object) -> None:
        """suchregeln only for a language the search has no rules for, and naming one it has rules for."""
        if not isinstance(regeln, str):
            return
        if isinstance(code, str) and suchregeln.sucht_mit_eigenen_regeln(code):
            self.fehler.append(datei.fehler(
                ("sprachen", i, "suchregeln"), "Die Suche der Website hat für diese Sprache eigene Wortregeln; "
                "„suchregeln“ würde nicht gelesen.", regeln, "das Feld weglassen"))
        elif not suchregeln.sucht_mit_eigenen_regeln(regeln):
            self.fehler.append(datei.fehler(
                ("sprachen", i, "suchregeln"), "Für diese Sprache hat die Suche der Website keine Wortregeln; "
                "ihre Seiten wären nicht zu finden.", regeln, ", ".join(suchregeln.sprachen_mit_regeln())))

    def _pruefe_datei(self, stamm: str, datei: YamlDatei, codes: set[str], massnahmen: set[str] | None,
                      felder: set[str] | None, kennzahlen: set[str] | None) -> None:
        werte = datei.daten
        sprache = werte["sprache"]
        if sprache != stamm:
            self.fehler.append(datei.fehler(("sprache",), "Die Sprache passt nicht zum Dateinamen.", sprache, stamm))
        elif sprache not in codes:
            self.fehler.append(datei.fehler(("sprache",), "Unbekannte Sprache (nicht in data/sprachen.yaml).", sprache,
                                            ", ".join(sorted(codes)) or "zuerst die Sprache in data/sprachen.yaml "
                                            "eintragen"))
        for schluessel, erlaubt in (("status", b.STATUS), ("beschlussstand", b.BESCHLUSSSTAND)):
            self._pruefe_codes(datei, schluessel, werte[schluessel], erlaubt)
        for feld in werte["startseite"]["handlungsfelder"]:
            if felder is not None and feld not in felder:
                self.fehler.append(datei.fehler(("startseite", "handlungsfelder", feld), "Unbekanntes "
                                                "Handlungsfeld (nicht in data/handlungsfelder.yaml).", feld,
                                                ", ".join(sorted(felder))))
        gesehen: set[str] = set()
        for i, eintrag in enumerate(werte["massnahmen"]):
            kennung = eintrag["id"]
            if massnahmen is not None and kennung not in massnahmen:
                self.fehler.append(datei.fehler(("massnahmen", i, "id"), "Übersetzung einer unbekannten Maßnahme "
                                                "(nicht in data/measures.yaml).", kennung,
                                                "eine Kennung aus data/measures.yaml"))
            elif kennung in gesehen:
                self.fehler.append(datei.fehler(("massnahmen", i, "id"), "Diese Maßnahme ist in der Datei schon "
                                                "übersetzt.", kennung, "jede Kennung nur einmal"))
            gesehen.add(kennung)
        self._pruefe_platzhalter(datei, (), werte, kennzahlen)

    def _pruefe_codes(self, datei: YamlDatei, schluessel: str, namen: dict, erlaubt: dict) -> None:
        for code in namen:
            if code not in erlaubt:
                self.fehler.append(datei.fehler((schluessel, code), "Unbekannter Code.", code, ", ".join(erlaubt)))
        for code in erlaubt:
            if code not in namen:
                self.fehler.append(datei.fehler((schluessel,), f"Der Name für „{code}“ fehlt.", None,
                                                "ein Name für jeden Code: " + ", ".join(erlaubt)))

    def _pruefe_platzhalter(self, datei: YamlDatei, pfad: tuple, wert: object, kennzahlen: set[str] | None) -> None:
        """Every {name} in every text is one the build knows; a figure's id exists."""
        if isinstance(wert, dict):
            for schluessel, kind in wert.items():
                if pfad != ("startseite",) or schluessel != "grundlage":
                    self._pruefe_platzhalter(datei, (*pfad, schluessel), kind, kennzahlen)
            return
        if isinstance(wert, list):
            for i, kind in enumerate(wert):
                self._pruefe_platzhalter(datei, (*pfad, i), kind, kennzahlen)
            return
        if not isinstance(wert, str) or "{" not in wert and "}" not in wert:
            return
        erlaubt = PLATZHALTER_ALLE | PLATZHALTER_ZUSATZ.get(pfad[-1], set()) if pfad[:1] == ("texte",) else \
            PLATZHALTER_ALLE
        rest = PLATZHALTER.sub("", wert)
        if "{" in rest or "}" in rest:
            self.fehler.append(datei.fehler(pfad, "Geschweifte Klammer ohne Gegenstück.", wert,
                                            "Platzhalter wie {anzahl}; sonst keine geschweiften Klammern"))
        for name, kennung in PLATZHALTER.findall(wert):
            if name not in erlaubt:
                self.fehler.append(datei.fehler(pfad, f"Unbekannter Platzhalter „{{{name}}}“.", wert,
                                                ", ".join(f"{{{n}}}" for n in sorted(erlaubt))))
            elif name in PLATZHALTER_MIT_KENNUNG and kennzahlen is not None and kennung not in kennzahlen:
                self.fehler.append(datei.fehler(pfad, f"Unbekannte Kennzahl im Platzhalter „{{{name}:{kennung}}}“.",
                                                wert, "eine Kennung aus data/kennzahlen.yaml"))


def baue(dateien: dict[str, YamlDatei], uebersetzungen: dict[str, YamlDatei]) -> tuple[tuple[m.Sprache, ...],
                                                                                       dict[str, m.Uebersetzung]]:
    """The languages in their order and each one's translation, as records."""
    liste = dateien[SPRACHEN].daten["sprachen"] if SPRACHEN in dateien else []
    sprachen = tuple(m.Sprache(**eintrag) for eintrag in liste)
    ergebnis = {}
    for sprache in sprachen:
        datei = uebersetzungen[sprache.code]
        werte = datei.daten
        massnahmen = {e["id"]: m.MassnahmeUebersetzung(e["id"], e["titel"], e["satz"], e["grundlage"],
                                                         datei.zeile(("massnahmen", i)) or 0)
                      for i, e in enumerate(werte["massnahmen"])}
        zeilen = {f"startseite.grundlage.{pfad}": datei.zeile(("startseite", "grundlage", pfad)) or 0
                  for pfad in werte["startseite"]["grundlage"]}
        ergebnis[sprache.code] = m.Uebersetzung(sprache.code, datei.name, dict(werte["texte"]), dict(werte["status"]),
                                                dict(werte["beschlussstand"]), werte["startseite"], massnahmen, zeilen)
    return sprachen, ergebnis
