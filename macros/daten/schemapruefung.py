"""Checks a file's values against its JSON Schema and says what is wrong in German."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import fastjsonschema

from macros.daten.fehler import Fehler
from macros.daten.yamlquelle import YamlDatei

TYPEN = {
    "string": "Text",
    "array": "Liste",
    "object": "Zuordnung (Feld: Wert)",
    "number": "Zahl",
    "integer": "ganze Zahl",
    "boolean": "ja/nein",
    "null": "leer",
}

# What a pattern means, for people who edit the data.
MUSTER = {
    "^[A-Z]{2,3}-[0-9]{2,4}$": "Kürzel des Handlungsfelds, Bindestrich, 2 bis 4 Ziffern, z. B. SP-01 "
                               "(ohne Leerzeichen oder unsichtbare Zeichen)",
    "^[a-z0-9][a-z0-9-]{0,60}$": "Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. ag-sprache",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "Datum als JJJJ-MM-TT, JJJJ-MM oder JJJJ",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "Datum als JJJJ-MM-TT",
    "\\S": "Text, der nicht nur aus Leerzeichen besteht",
    "^[A-Z]{2,3}$": "2 oder 3 Großbuchstaben, z. B. SP",
    "^(https?://[^\\s<>\"]+|mailto:[^\\s<>\"]+)$": "Adresse mit http://, https:// oder mailto: (ohne Leerzeichen)",
    "^[a-z0-9/_-]+\\.md$": "Pfad einer Markdown-Datei unter docs/, z. B. handlungsfelder/sprache.md",
    "^[a-z0-9-]+\\.pdf$": "Dateiname aus Kleinbuchstaben, Ziffern und Bindestrichen mit .pdf",
    "^[a-z]{2,3}$": "Sprachcode nach ISO 639 aus 2 oder 3 Kleinbuchstaben, z. B. en, ar, fa",
    "^[0-9a-f]{12}$": "Fingerabdruck aus 12 Zeichen 0–9 und a–f, wie ihn make check nennt",
}


@cache
def _schema(schema_pfad: Path) -> dict:
    return json.loads(schema_pfad.read_text(encoding="utf-8"))


@cache
def _schnellpruefer(schema_pfad: Path):
    """A compiled yes/no check (fastjsonschema): the fast path for valid data.

    The local $defs are written into place first: fastjsonschema calls a function per $ref and
    formats a path for each list item, which took a third of its time at 10,000 measures.
    """
    schema = _schema(schema_pfad)
    return fastjsonschema.compile(_ohne_verweise(schema, schema.get("$defs", {})))


# What a schema may say beside one list of records for its check to hold for a file when it holds for each half.
_NUR_LISTE = frozenset({"$schema", "$id", "title", "description", "type", "additionalProperties", "required",
                        "properties", "$defs"})


@cache
def haelftenpruefer(schema_pfad: Path) -> Callable[[object], bool] | None:
    """The compiled check as yes/no, for a schema whose file is one list with rules for its items only
    (no rule on the list as a whole), so that halves of the list can be checked apart; else None."""
    schema = _schema(schema_pfad)
    listen = list(schema.get("properties", {}).values())
    if (set(schema) - _NUR_LISTE or schema.get("type") != "object" or len(listen) != 1
            or listen[0].get("type") != "array" or set(listen[0]) - {"description", "type", "items"}):
        return None
    pruefer = _schnellpruefer(schema_pfad)

    def gilt(daten: object) -> bool:
        try:
            pruefer(daten)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return gilt


def _ohne_verweise(teil: object, definitionen: dict, tiefe: int = 0) -> object:
    """The schema with every local reference (#/$defs/…) replaced by its definition."""
    if isinstance(teil, list):
        return [_ohne_verweise(t, definitionen, tiefe) for t in teil]
    if not isinstance(teil, dict):
        return teil
    verweis = teil.get("$ref")
    name = verweis.rsplit("/", 1)[-1] if isinstance(verweis, str) else None
    if name in definitionen and verweis.startswith("#/$defs/") and tiefe < 10:
        ersetzt = {**_ohne_verweise(definitionen[name], definitionen, tiefe + 1),
                   **{k: v for k, v in teil.items() if k != "$ref"}}
        return _ohne_verweise(ersetzt, definitionen, tiefe + 1)
    return {k: (v if k == "$defs" else _ohne_verweise(v, definitionen, tiefe)) for k, v in teil.items()}


def pruefe_schema(datei: YamlDatei, schema_pfad: Path) -> list[Fehler]:
    """All schema errors of one file, each with line, record, field, value and what is allowed.

    Valid data passes the compiled check alone; only a file with an error is walked by
    jsonschema, which finds every error, not just the first.
    """
    try:
        _schnellpruefer(schema_pfad)(datei.daten)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    from jsonschema import Draft202012Validator  # slow to import; only needed for bad data

    pruefer = Draft202012Validator(_schema(schema_pfad))
    meldungen = [meldung for verstoss in pruefer.iter_errors(datei.daten) for meldung in _uebersetze(verstoss, datei)]
    # jsonschema reports "required" once per missing field, each listing all of them: say each only once.
    return list({str(meldung): meldung for meldung in meldungen}.values())


def _uebersetze(verstoss, datei: YamlDatei) -> list[Fehler]:
    """One jsonschema error as German messages (one per missing or unknown field)."""
    pfad = tuple(verstoss.absolute_path)
    art, soll = verstoss.validator, verstoss.validator_value

    def fehler(text, feldpfad=pfad, wert=None, erlaubt=None):
        return datei.fehler(feldpfad, text, wert, erlaubt)

    if art == "required":
        vorhanden = verstoss.instance if isinstance(verstoss.instance, dict) else {}
        return [datei.fehler((*pfad, name), _fehlt(name, vorhanden)) for name in soll if name not in vorhanden]
    if art == "additionalProperties":
        bekannt = ", ".join(verstoss.schema.get("properties", {}))
        unbekannt = [name for name in verstoss.instance if name not in verstoss.schema.get("properties", {})]
        return [fehler("Unbekanntes Feld (Tippfehler?).", (*pfad, name), None, bekannt) for name in unbekannt]
    if art == "enum":
        return [fehler("Wert ist nicht erlaubt.", wert=verstoss.instance, erlaubt=", ".join(map(str, soll)))]
    if art == "type":
        erwartet = TYPEN.get(soll, soll)
        return [fehler(f"Falscher Typ: {_typ(verstoss.instance)}.", wert=verstoss.instance, erlaubt=erwartet)]
    if art == "pattern":
        return [fehler("Wert hat nicht die erlaubte Form.", wert=verstoss.instance, erlaubt=MUSTER.get(soll, soll))]
    if art == "maxLength":
        return [fehler(f"Text ist zu lang ({len(verstoss.instance)} Zeichen).", erlaubt=f"höchstens {soll} Zeichen")]
    if art == "minLength":
        return [fehler("Text ist leer.", wert=verstoss.instance, erlaubt=f"mindestens {soll} Zeichen")]
    if art == "minItems":
        return [fehler("Liste hat zu wenige Einträge.", wert=verstoss.instance, erlaubt=f"mindestens {soll}")]
    if art == "maxItems":
        return [fehler(f"Liste hat zu viele Einträge ({len(verstoss.instance)}).", erlaubt=f"höchstens {soll}")]
    if art == "uniqueItems":
        return [fehler("Ein Eintrag steht in der Liste doppelt.", wert=verstoss.instance)]
    if art == "minimum":
        return [fehler("Zahl ist zu klein.", wert=verstoss.instance, erlaubt=f"mindestens {soll}")]
    return [fehler(f"Wert passt nicht zum Schema ({verstoss.message}).", wert=verstoss.instance)]


def _fehlt(name: str, vorhanden: dict) -> str:
    """The message for a missing field; says why where the rule depends on another field."""
    if name == "begruendung":
        return f"Pflichtfeld fehlt: bei Status „{vorhanden.get('status')}“ ist eine Begründung nötig."
    return "Pflichtfeld fehlt."


def _typ(wert: object) -> str:
    if isinstance(wert, bool):
        return "ja/nein"
    if isinstance(wert, (int, float)):
        return "Zahl"
    if isinstance(wert, list):
        return "Liste"
    if isinstance(wert, dict):
        return "Zuordnung"
    if wert is None:
        return "leer"
    return "Text"
