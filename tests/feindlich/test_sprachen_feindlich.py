"""Hostile languages and translations: each fault stops `make check` and the build's data step in this process
with a German message naming file, line, record, field, value and what is allowed; data text in a translation
lands on the page as text."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from hilfen import BAU_KOPF, ROOT, check_main
from mkdocs.exceptions import PluginError

from macros.baudaten import daten_fuer
from macros.darstellung import sprachseiten
from macros.daten.loader import lade_daten


def ersetze(datei: Path, alt: str, neu: str) -> int:
    """Replaces the first alt in the file (it must occur); returns the line where neu begins."""
    text = datei.read_text(encoding="utf-8")
    stelle = text.index(alt)
    datei.write_text(text[:stelle] + neu + text[stelle + len(alt):], encoding="utf-8")
    return text[:stelle].count("\n") + 1


def erste_zeile_mit(datei: Path, teil: str) -> int:
    return next(i for i, z in enumerate(datei.read_text(encoding="utf-8").split("\n"), 1) if teil in z)


@dataclass(frozen=True)
class Fall:
    name: str
    datei: str  # below data/
    anwenden: object  # function(data_dir) -> the line the message names
    worte: tuple[str, ...]
    feld: str | None


def _unbekannte_sprache(d: Path) -> int:
    shutil.copy(d / "uebersetzungen" / "en.yaml", d / "uebersetzungen" / "xx.yaml")
    return ersetze(d / "uebersetzungen" / "xx.yaml", "sprache: en", "sprache: xx")


def _sprache_ohne_datei(d: Path) -> int:
    (d / "uebersetzungen" / "ru.yaml").unlink()
    return erste_zeile_mit(d / "sprachen.yaml", "code: ru")


def _unbekannte_massnahme(d: Path) -> int:
    return ersetze(d / "uebersetzungen" / "ar.yaml", "- id: SP-01\n", "- id: SP-77\n")


def _fehlendes_feld(d: Path) -> int:
    datei = d / "uebersetzungen" / "uk.yaml"
    text = datei.read_text(encoding="utf-8")
    block = text.index("- id: GT-02\n")
    satz = text.index("  satz: ", block)
    ende = text.index("\n  grundlage: ", satz)
    datei.write_text(text[:satz] + text[ende + 1:], encoding="utf-8")
    return text[:block].count("\n") + 1


def _platzhalter(d: Path) -> int:
    return ersetze(d / "uebersetzungen" / "fa.yaml", "{anzahl}", "{zahl}")


def _kennzahl(d: Path) -> int:
    return ersetze(d / "uebersetzungen" / "en.yaml", "{kennzahl:lotsen-2017}", "{kennzahl:lotsen-1999}")


def _richtung(d: Path) -> int:
    return ersetze(d / "sprachen.yaml", "richtung: rtl", "richtung: rechts")


def _geprueft_ohne_organisation(d: Path) -> int:
    return ersetze(d / "sprachen.yaml", "muttersprachlich_geprueft: false", "muttersprachlich_geprueft: true")


def _suchregeln_ohne_regeln(d: Path) -> int:
    return ersetze(d / "sprachen.yaml", "suchregeln: ru", "suchregeln: uk")


def _suchregeln_fuer_bekannte_sprache(d: Path) -> int:
    return ersetze(d / "sprachen.yaml", "name: Русский\n", "name: Русский\n    suchregeln: uk\n") + 1


def _statusname_fehlt(d: Path) -> int:
    ersetze(d / "uebersetzungen" / "ru.yaml", "  entfallen: Отменено\n", "")
    return erste_zeile_mit(d / "uebersetzungen" / "ru.yaml", "status:") + 1  # the line where its names begin


FAELLE = [
    Fall("unbekannte_sprache", "uebersetzungen/xx.yaml", _unbekannte_sprache,
         ("Unbekannte Sprache", "„xx“", "ar, en, fa, ru, uk"), "sprache"),
    Fall("sprache_ohne_datei", "sprachen.yaml", _sprache_ohne_datei,
         ("Sprache ru", "fehlt die Übersetzung data/uebersetzungen/ru.yaml", "„ru“"), "code"),
    Fall("unbekannte_massnahme", "uebersetzungen/ar.yaml", _unbekannte_massnahme,
         ("Übersetzung einer unbekannten Maßnahme", "„SP-77“", "data/measures.yaml"), "id"),
    Fall("fehlendes_feld", "uebersetzungen/uk.yaml", _fehlendes_feld, ("Pflichtfeld fehlt", "GT-02"), "satz"),
    Fall("unbekannter_platzhalter", "uebersetzungen/fa.yaml", _platzhalter,
         ("Unbekannter Platzhalter „{zahl}“", "{anzahl}"), "texte.anzahl"),
    Fall("unbekannte_kennzahl", "uebersetzungen/en.yaml", _kennzahl,
         ("Unbekannte Kennzahl", "lotsen-1999", "data/kennzahlen.yaml"), None),
    Fall("falsche_richtung", "sprachen.yaml", _richtung, ("„rechts“", "ltr, rtl"), "richtung"),
    Fall("geprueft_ohne_organisation", "sprachen.yaml", _geprueft_ohne_organisation,
         ("prüfende Organisation", "geprueft_von", "data/organisationen.yaml"), "muttersprachlich_geprueft"),
    Fall("suchregeln_ohne_regeln", "sprachen.yaml", _suchregeln_ohne_regeln,
         ("Sprache uk", "keine Wortregeln", "„uk“", "ar, ", " ru, "), "suchregeln"),
    Fall("suchregeln_fuer_bekannte_sprache", "sprachen.yaml", _suchregeln_fuer_bekannte_sprache,
         ("Sprache ru", "eigene Wortregeln", "„uk“", "das Feld weglassen"), "suchregeln"),
    Fall("statusname_fehlt", "uebersetzungen/ru.yaml", _statusname_fehlt,
         ("Der Name für „entfallen“ fehlt",), "status"),
]


@pytest.mark.parametrize("fall", FAELLE, ids=[f.name for f in FAELLE])
def test_fehlerhafte_sprachdaten_melden_deutsch_mit_ort(fall: Fall, tmp_path: Path, capsys):
    data_dir = tmp_path / "projekt" / "data"
    shutil.copytree(ROOT / "data", data_dir)
    zeile = fall.anwenden(data_dir)

    assert check_main()([str(data_dir)]) == 1
    geprueft = capsys.readouterr().err
    with pytest.raises(PluginError) as gebaut:
        daten_fuer(SimpleNamespace(config_file_path=str(data_dir.parent / "mkdocs.yml")))
    assert str(gebaut.value).startswith(BAU_KOPF + "\n")
    for wer, ausgabe in (("check", geprueft), ("build", str(gebaut.value))):
        assert "Traceback" not in ausgabe and "Fehler in den Daten" in ausgabe, (wer, ausgabe)
        assert f"data/{fall.datei}:{zeile}:" in ausgabe, (wer, zeile, ausgabe)
        for wort in fall.worte:
            assert wort in ausgabe, (wer, wort, ausgabe)
        if fall.feld:
            assert f"Feld „{fall.feld}“" in ausgabe, (wer, ausgabe)


# Braces are no text of a translation (the loader allows only its placeholders): markup alone here.
NUTZLAST = "<script>window.__xss = 1</script><img src=x onerror=alert(1)> & \" '"


def test_html_in_uebersetzungen_landet_als_text(tmp_path: Path):
    """Markup in every kind of translated text and in a language's name stays text on its pages."""
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    datei = data_dir / "uebersetzungen" / "ar.yaml"
    werte = yaml.safe_load(datei.read_text(encoding="utf-8"))
    for schluessel in ("seitenname", "liste_titel", "tabelle", "hinweis", "veraltet_marke"):
        werte["texte"][schluessel] += " " + NUTZLAST
    for feld in werte["startseite"]["handlungsfelder"].values():
        feld["titel"] += " " + NUTZLAST
        feld["text"] += " " + NUTZLAST
    werte["startseite"]["einleitung"].append(NUTZLAST)
    for eintrag in werte["massnahmen"]:
        eintrag["titel"] += " " + NUTZLAST
        eintrag["satz"] += " " + NUTZLAST
    datei.write_text(yaml.safe_dump(werte, allow_unicode=True, sort_keys=False), encoding="utf-8")
    ersetze(data_dir / "sprachen.yaml", "name: العربية", "name: 'العربية " + NUTZLAST.replace("'", "''") + "'")
    daten = lade_daten(data_dir)
    umgebung = sprachseiten.Umgebung(deutsche_titel={}, pdf=None, docs=ROOT / "docs")
    seiten = [sprachseiten.inhalt(daten, "ar", art, umgebung) for art in (sprachseiten.START, sprachseiten.LISTE)]
    seiten.append(sprachseiten.sprachliste(daten, ""))
    seiten.append(str(sprachseiten.sprachwahl(daten, "ar", sprachseiten.START)))
    for inhalt in seiten:
        assert "<script>" not in inhalt and "<img" not in inhalt
        assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in inhalt
    assert seiten[1].count("&lt;script&gt;") >= len(daten.massnahmen)
    kopf = sprachseiten.erzeugte_seiten(daten)["ar/index.md"]
    assert "<" not in kopf.split("---")[1] and "&" not in kopf.split("---")[1]
