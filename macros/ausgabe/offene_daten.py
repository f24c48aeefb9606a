"""Open data: every measure as JSON and as CSV, with licence and Stand, written into the built site.

JSON: UTF-8 without BOM. Each record in `massnahmen` has exactly the fields of data/measures.yaml, so it validates
against measures.schema.json; names for the codes stand beside the records in `verzeichnisse`.

CSV: for Excel in Germany. UTF-8 WITH byte order mark (without it Excel reads UTF-8 as Windows-1252 and breaks
umlauts), semicolon as delimiter (German Excel expects it, because the comma is the decimal sign), CRLF line ends
(RFC 4180), quotes only where needed. Several values in one cell are joined by " | ". A cell that starts with
= + - @ or a tab gets a leading apostrophe, so Excel never runs it as a formula.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
from pathlib import Path

from macros.darstellung import adressen
from macros.darstellung.datum import datum_de
from macros.daten import begriffe as b
from macros.daten import model as m
from macros.daten import uebersetzungen
from macros.wiederverwendung import AUS_DATEN, Wiederverwendung

ORDNER = "daten"
JSON_DATEI = "massnahmen.json"
CSV_DATEI = "massnahmen.csv"
EXPORT_SCHEMA = "massnahmen-export.schema.json"
SCHEMA_ORDNER = "schema"
EXPORT_SCHEMA_DATEI = Path(__file__).resolve().parent / EXPORT_SCHEMA

BOM = "\ufeff"
TRENNER = ";"
MEHRFACH = " | "
FORMELZEICHEN = ("=", "+", "-", "@", "\t", "\r")

# The CSV's columns in their order: fields of a measure (headed by begriffe.FELDNAMEN), then three for each row.
CSV_FELDER = ("id", "titel", "handlungsfeld", "status", "beschlussstand", "beschluss", "federfuehrung", "partner",
              "zielgruppe",
              "beginn", "ende", "beschreibung", "ziel", "begruendung", "prioritaet", "zeithorizont", "indikatoren",
              "links", "quelle", "verlauf", "stand", "url", "lizenz", "datenstand")
ZUSATZSPALTEN = {"url": "Eigene Seite", "lizenz": "Lizenz", "datenstand": "Datenstand"}
# CSV column header -> the field (or extra column) it comes from.
SPALTEN: tuple[tuple[str, str], ...] = tuple((b.FELDNAMEN.get(f) or ZUSATZSPALTEN[f], f) for f in CSV_FELDER)


def permalink(site_url: str, massnahme: m.Massnahme) -> str:
    """Absolute URL of a measure's own page."""
    return f"{site_url.rstrip('/')}/{adressen.massnahme(massnahme.id)}"


def namensnennung(konzept: m.Konzept) -> str:
    """The attribution line dl-de/by-2-0 asks for."""
    return (f"{konzept.herausgeber}, {konzept.titel} (Stand {datum_de(konzept.stand)}), "
            f"{konzept.lizenz.name} ({konzept.lizenz.kennung}), {konzept.lizenz.url}")


def als_datensatz(massnahme: m.Massnahme) -> dict:
    """The measure as in data/measures.yaml: same field names and order, empty fields left out."""
    datensatz = {}
    for feld in dataclasses.fields(massnahme):
        wert = getattr(massnahme, feld.name)
        if wert is None or wert == ():
            continue
        datensatz[feld.name] = _schlicht(wert)
    return datensatz


def _schlicht(wert):
    """Records and tuples -> dicts and lists without empty fields (as the schema expects)."""
    if dataclasses.is_dataclass(wert):
        return {k: _schlicht(v) for k, v in dataclasses.asdict(wert).items() if v is not None and v != ()}
    if isinstance(wert, (tuple, list)):
        return [_schlicht(v) for v in wert]
    return wert


def verzeichnisse(daten: m.Konzeptdaten) -> dict:
    """German names for every code used in the records."""
    benutzt = {s for x in daten.massnahmen for s in (x.federfuehrung, *x.partner)}
    return {
        "handlungsfelder": {f.id: f.voller_titel for f in daten.handlungsfelder},
        "stellen": {s: daten.stelle(s) for s in sorted(benutzt)},
        "status": dict(b.STATUS),
        "beschlussstand": dict(b.BESCHLUSSSTAND),
        "prioritaet": dict(b.PRIORITAET),
        "zeithorizont": dict(b.ZEITHORIZONT),
        "quellen": {q.id: q.kurz for q in daten.quellen.values()},
        "beschluesse": {x.id: beschluss_text(daten, x) for x in daten.beschluesse.values()},
    }


def beschluss_text(daten: m.Konzeptdaten, beschluss: m.Beschluss) -> str:
    """'Beschluss des Integrationskonzepts (Kreistagsbeschluss: Kreistag …, 13.05.2019, Drucksache …)'."""
    angaben = [f"{b.BESCHLUSSART[beschluss.art]}: {daten.stelle(beschluss.gremium)}", datum_de(beschluss.datum)]
    if beschluss.drucksache:
        angaben.append(f"Drucksache {beschluss.drucksache}")
    return f"{beschluss.titel} ({', '.join(angaben)})"


def massnahmen_json(daten: m.Konzeptdaten, site_url: str) -> str:
    """The JSON document: metadata, licence, every measure, the names of the codes, the permalinks."""
    k = daten.konzept
    dokument = {
        "$schema": f"{SCHEMA_ORDNER}/{EXPORT_SCHEMA}",
        "titel": f"Maßnahmen – {k.titel}",
        "herausgeber": k.herausgeber,
        "fassung": k.fassung,
        "stand": k.stand,
        "lizenz": {"name": k.lizenz.name, "kennung": k.lizenz.kennung, "url": k.lizenz.url},
        "namensnennung": namensnennung(k),
        "anzahl": len(daten.massnahmen),
        "massnahmen": _DATENSAETZE,
        "seiten": {x.id: permalink(site_url, x) for x in daten.massnahmen},
        "verzeichnisse": verzeichnisse(daten),
        "uebersetzungen": uebersetzungen_json(daten, site_url),
    }
    kopf, ende = json.dumps(dokument, ensure_ascii=False, indent=1).split(json.dumps(_DATENSAETZE), 1)
    eingerueckt = DATENSAETZE.werte(daten.massnahmen)
    liste = "[\n  " + ",\n  ".join(eingerueckt) + "\n ]" if eingerueckt else "[]"
    return kopf + liste + ende + "\n"


_DATENSAETZE = "\x00massnahmen\x00"   # where the records go in the document


def _eingerueckt(massnahme: m.Massnahme) -> str:
    """A record as JSON, indented as an item of the document's list `massnahmen` (no JSON string holds a line
    break, so every line break is one of the layout's)."""
    return json.dumps(als_datensatz(massnahme), ensure_ascii=False, indent=1).replace("\n", "\n  ")


# The records of the last build: in `make serve` a save encodes only the changed measures anew (json's
# indenting encoder is pure Python, a fifth of a rebuild at 1,000 measures).
DATENSAETZE = Wiederverwendung(_eingerueckt)


def uebersetzungen_json(daten: m.Konzeptdaten, site_url: str) -> list[dict]:
    """Each language's translations of the measures, each with its fingerprint and whether the German text it
    was made from is still the current one (aktuell)."""
    basis = site_url.rstrip("/")
    liste = []
    for s in daten.sprachen:
        ue = daten.uebersetzungen[s.code]
        eintrag = {"sprache": s.code, "name": s.name, "richtung": s.richtung,
                   "muttersprachlich_geprueft": s.muttersprachlich_geprueft}
        if s.geprueft_von:
            eintrag["geprueft_von"] = daten.stelle(s.geprueft_von)
        eintrag["seiten"] = {"start": f"{basis}/{adressen.sprache_start(s.code)}",
                             "massnahmen": f"{basis}/{adressen.sprache_massnahmen(s.code)}"}
        eintrag["massnahmen"] = [{"id": x.id, "titel": x.titel, "satz": x.satz, "grundlage": x.grundlage,
                                  "aktuell": uebersetzungen.massnahme_aktuell(daten, x)}
                                 for x in ue.massnahmen.values()]
        liste.append(eintrag)
    return liste


def _zelle(text: str) -> str:
    """A cell Excel shows as text: a leading formula sign is defused with an apostrophe."""
    return "'" + text if text.startswith(FORMELZEICHEN) else text


def csv_zeile(daten: m.Konzeptdaten, massnahme: m.Massnahme, site_url: str) -> list[str]:
    """One CSV row: codes as German words, several values joined by MEHRFACH."""
    k = daten.konzept
    werte = {
        "handlungsfeld": daten.handlungsfeld(massnahme.handlungsfeld).voller_titel,
        "status": b.STATUS[massnahme.status],
        "beschlussstand": b.BESCHLUSSSTAND[massnahme.beschlussstand],
        "beschluss": beschluss_text(daten, daten.beschluesse[massnahme.beschluss]) if massnahme.beschluss else "",
        "federfuehrung": daten.stelle(massnahme.federfuehrung),
        "partner": MEHRFACH.join(daten.stelle(p) for p in massnahme.partner),
        "zielgruppe": MEHRFACH.join(massnahme.zielgruppe),
        "prioritaet": b.PRIORITAET.get(massnahme.prioritaet or "", ""),
        "zeithorizont": b.ZEITHORIZONT.get(massnahme.zeithorizont or "", ""),
        "indikatoren": MEHRFACH.join(massnahme.indikatoren),
        "links": MEHRFACH.join(f"{link.titel}: {link.url}" for link in massnahme.links),
        "quelle": MEHRFACH.join(daten.quellen[q].kurz for q in massnahme.quelle),
        "verlauf": MEHRFACH.join(f"{v.datum}: {v.text}" for v in massnahme.verlauf),
        "url": permalink(site_url, massnahme),
        "lizenz": f"{k.lizenz.name} ({k.lizenz.kennung})",
        "datenstand": k.stand,
    }
    zeile = []
    for _, feld in SPALTEN:
        wert = werte[feld] if feld in werte else getattr(massnahme, feld)
        zeile.append(_zelle(" ".join(str(wert or "").split())))
    return zeile


def massnahmen_csv(daten: m.Konzeptdaten, site_url: str) -> str:
    """The CSV text, starting with the BOM; write it with newline='' so CRLF stays as it is."""
    puffer = io.StringIO(newline="")
    schreiber = csv.writer(puffer, delimiter=TRENNER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    schreiber.writerow([kopf for kopf, _ in SPALTEN])
    for massnahme in daten.massnahmen:
        schreiber.writerow(AUS_DATEN.wert(daten, ("csv", massnahme, site_url),
                                          lambda massnahme=massnahme: csv_zeile(daten, massnahme, site_url)))
    return BOM + puffer.getvalue()


def schreibe_offene_daten(daten, site_dir: Path, site_url: str, schema_dir: Path) -> list[Path]:
    """Writes massnahmen.json, massnahmen.csv and every JSON Schema below site_dir/daten/; returns the paths."""
    ordner = site_dir / ORDNER
    schemata = ordner / SCHEMA_ORDNER
    schemata.mkdir(parents=True, exist_ok=True)
    json_pfad, csv_pfad = ordner / JSON_DATEI, ordner / CSV_DATEI
    json_pfad.write_text(massnahmen_json(daten, site_url), encoding="utf-8")
    with csv_pfad.open("w", encoding="utf-8", newline="") as datei:
        datei.write(massnahmen_csv(daten, site_url))
    geschrieben = [json_pfad, csv_pfad]
    for schema in [*sorted(schema_dir.glob("*.schema.json")), EXPORT_SCHEMA_DATEI]:
        geschrieben.append(Path(shutil.copyfile(schema, schemata / schema.name)))
    return geschrieben
