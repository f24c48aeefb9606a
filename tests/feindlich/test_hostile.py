"""Hostile input: each case either stops `make check` and the build with a clear German error at its
line, or renders safely (escaped text, no script runs in Chromium). Never a traceback, never a
half-built site, never unbounded memory or time.

The error cases check the message in this process, through scripts/check.py's main and the build's data step
(macros.baudaten.daten_fuer, which raises the PluginError MkDocs prints). The cases that could exhaust this
process (alias bomb, deep nesting, a huge text) run scripts/check.py and a real `mkdocs build` in child processes
under a memory and time limit: they also prove that a failed build leaves no site behind. The safe cases share
one copy with every harmless-but-hostile text and one build.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pytest
from hilfen import BAU_KOPF, ROOT, check_main, mkdocs_build, projektkopie
from mkdocs.exceptions import PluginError

from macros.baudaten import daten_fuer
from macros.daten.loader import lade_daten
from macros.entwicklung.lokale_site import starte_server
from macros.entwicklung.mkdocs_bau import UMGEBUNG as MKDOCS_UMGEBUNG
from macros.entwicklung.mkdocs_bau import begrenzt

# Upper bounds for every child process: a hostile file must not take more.
SPEICHER_CHECK = 1024 * 1024 * 1024
SPEICHER_BAU = 3 * 1024 * 1024 * 1024
ZEIT = 300


def pruefen(data_dir: Path) -> subprocess.CompletedProcess:
    """scripts/check.py (what `make check` runs) on a data folder, under a memory and time limit."""
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(data_dir)], capture_output=True,
                          text=True, timeout=ZEIT, preexec_fn=begrenzt(SPEICHER_CHECK), check=False)


def bauen(projekt: Path, ziel: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project copy into ziel, under a memory and time limit."""
    return mkdocs_build(projekt, ziel, speicher=SPEICHER_BAU, timeout=ZEIT)


# --- A measure as YAML lines, so that each case knows the line of the field it breaks -----------------------

GRUND = {
    "id": "GT-9901",
    "titel": "Probe für den Härtetest",
    "handlungsfeld": "teilhabe",
    "beschreibung": "Eine Maßnahme, die nur dieser Test einfügt.",
    "ziel": "Der Test prüft, wie die Website mit ihr umgeht.",
    "federfuehrung": "kreisverwaltung",
    "status": "geplant",
    "beschlussstand": "vorschlag",
    "quelle": "[vorschlag-redaktion]",
    "stand": "2026-11-26",
}


def massnahme(**felder: str | None) -> str:
    """YAML of one measure: GRUND with fields replaced (raw YAML text), added, or removed (None)."""
    werte = {**GRUND, **felder}
    zeilen = []
    for schluessel, wert in werte.items():
        if wert is None:
            continue
        erste = "  - " if not zeilen else "    "
        zeilen.append(f"{erste}{schluessel}: {wert}" if not schluessel.startswith("#roh") else wert)
    return "\n".join(zeilen) + "\n"


def zeile_von(text: str, teil: str) -> int:
    """Line number (from 1) of the last line of text that contains teil."""
    return max(i for i, z in enumerate(text.split("\n"), start=1) if teil in z)


@dataclass
class Fehlerfall:
    """A fault: how to put it into the data, and what the German message must name."""

    name: str
    anwenden: object  # function(data_dir) -> line the message must name (or None)
    worte: tuple[str, ...]  # text the message must contain
    feld: str | None = None  # field the message must name
    datei: str = "measures.yaml"
    nebenwirkung: Path | None = field(default=None)  # a file that must NOT exist afterwards


def anhaengen(block: str | bytes, teil: str | None = None):
    """A case that appends block to measures.yaml; the message must name the line holding teil."""
    def anwenden(data_dir: Path) -> int | None:
        datei = data_dir / "measures.yaml"
        alt = datei.read_bytes()
        if not alt.endswith(b"\n"):
            alt += b"\n"
        neu = alt + (block if isinstance(block, bytes) else block.encode("utf-8"))
        datei.write_bytes(neu)
        if teil is None:
            return None
        return zeile_von(neu.decode("utf-8", errors="replace"), teil)
    return anwenden


def ersetzen_datei(inhalt: bytes, zeile: int | None):
    def anwenden(data_dir: Path) -> int | None:
        (data_dir / "measures.yaml").write_bytes(inhalt)
        return zeile
    return anwenden


def erste_id() -> str:
    text = (ROOT / "data" / "measures.yaml").read_text(encoding="utf-8")
    return re.search(r"^  - id: (\S+)", text, re.MULTILINE).group(1)


def alias_bombe() -> str:
    """Billion laughs: each level refers nine times to the one before."""
    zeilen = ['    a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        zeilen.append(f"    a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return massnahme() + "\n".join(zeilen) + "\n"


def kennungsfehler(name: str, kennung: str, teil: str, *worte: str) -> Fehlerfall:
    """A case whose fault is the id (raw YAML); the message names the field id and the line holding teil."""
    return Fehlerfall(name, anhaengen(massnahme(id=kennung), teil), worte, "id")


MARKE = Path("/tmp/ik-haertetest-python-tag")

FEHLERFAELLE = [
    Fehlerfall("yaml_einrueckung", anhaengen(massnahme(ziel="Ziel.\n     falsch: eingerückt"), "falsch: eingerückt"),
               ("YAML-Syntaxfehler",)),
    Fehlerfall("yaml_tabulator", anhaengen(massnahme() + "\ttitel: mit Tabulator\n", "mit Tabulator"),
               ("Tabulator",)),
    Fehlerfall("yaml_offenes_anfuehrungszeichen", anhaengen(massnahme(titel='"ohne Ende') + "  - id: x\n", None),
               ("YAML-Syntaxfehler",)),
    Fehlerfall("yaml_doppelpunkt_im_text", anhaengen(massnahme(ziel="Ziel: ein Doppelpunkt: zu viel"),
                                                     "Doppelpunkt: zu viel"), ("Doppelpunkt",)),
    Fehlerfall("doppelter_schluessel", anhaengen(massnahme() + "    titel: Zweiter Titel\n", "Zweiter Titel"),
               ("steht doppelt",), "titel"),
    Fehlerfall("doppelte_id", anhaengen(massnahme(id=erste_id()), f"id: {erste_id()}"),
               ("doppelt vergeben",), "id"),
    Fehlerfall("alias_bombe", anhaengen(alias_bombe(), "&a0"), ("Anker und Verweise",)),
    Fehlerfall("merge_schluessel", anhaengen(massnahme() + "    <<: {ziel: geerbt}\n", "<<:"), ("Zusammenführen",)),
    Fehlerfall("riesiger_text", anhaengen(massnahme(titel="Ä" * 3_000_000), "Ä" * 20), ("zu lang", "3000000"),
               "titel"),
    Fehlerfall("tiefe_verschachtelung", anhaengen(massnahme(beschreibung="[" * 5000 + "]" * 5000), "[[[[["),
               ("zu tief verschachtelt",)),
    Fehlerfall("datei_zu_gross", ersetzen_datei(b"massnahmen:\n" + b"# " + b"x" * (51 * 1024 * 1024) + b"\n", None),
               ("zu groß",)),
    Fehlerfall("kein_utf8", anhaengen(massnahme(titel="PrXfung").encode().replace(b"PrXfung", b"Pr\xfcfung"),
                                      "titel: Pr"), ("UTF-8", "0xFC")),
    Fehlerfall("steuerzeichen", anhaengen(massnahme(titel='"Klingel \x07 im Text"'), "Klingel"),
               ("Steuerzeichen",)),
    Fehlerfall("nullbyte", anhaengen(massnahme(titel="Null\x00byte"), "Null"), ("Steuerzeichen",)),
    Fehlerfall("zahl_als_titel", anhaengen(massnahme(titel="42"), "titel: 42"), ("Falscher Typ", "erlaubt: Text"),
               "titel"),
    Fehlerfall("liste_als_status", anhaengen(massnahme(status="[geplant, umgesetzt]"), "status: [geplant"),
               ("Wert ist nicht erlaubt",), "status"),
    Fehlerfall("unbekannter_status", anhaengen(massnahme(status="fertig"), "status: fertig"),
               ("nicht erlaubt", "geplant"), "status"),
    Fehlerfall("unmoegliches_datum", anhaengen(massnahme(beginn="2019-02-30"), "2019-02-30"),
               ("gibt es nicht im Kalender", "2019-02-30"), "beginn"),
    Fehlerfall("datum_falsches_format", anhaengen(massnahme(stand="26.11.2026"), "26.11.2026"),
               ("nicht die erlaubte Form",), "stand"),
    Fehlerfall("ende_vor_beginn", anhaengen(massnahme(beginn="2024-05", ende='"2023"'), 'ende: "2023"'),
               ("Ende liegt vor dem Beginn",), "ende"),
    Fehlerfall("begruendung_fehlt", anhaengen(massnahme(status="entfallen"), "id: GT-9901"),
               ("Begründung",), "begruendung"),
    kennungsfehler("id_mit_leerzeichen", '"GT-9901 "', '"GT-9901 "', "nicht die erlaubte Form", "„GT-9901 “"),
    kennungsfehler("id_mit_unsichtbarem_zeichen", '"GT-9901\u200b"', "GT-9901", "<U+200B>"),
    kennungsfehler("id_mit_geschuetztem_leerzeichen", '"GT-9901\u00a0"', "GT-9901", "<U+00A0>"),
    kennungsfehler("id_mit_fuenf_ziffern", "GT-10000", "GT-10000", "nicht die erlaubte Form", "4 Ziffern"),
    kennungsfehler("praefix_passt_nicht", "SP-9901", "SP-9901", "Kürzel passt nicht"),
    Fehlerfall("unbekanntes_handlungsfeld", anhaengen(massnahme(handlungsfeld="integration"), "integration"),
               ("Unbekannte Kennung",), "handlungsfeld"),
    Fehlerfall("unbekannte_quelle", anhaengen(massnahme(quelle="[erfundene-quelle]"), "erfundene-quelle"),
               ("Unbekannte Kennung",), "quelle[1]"),
    Fehlerfall("unbekanntes_feld", anhaengen(massnahme(titl="Tippfehler"), "titl: Tippfehler"),
               ("Unbekanntes Feld",), "titl"),
    Fehlerfall("javascript_link", anhaengen(massnahme(links='[{titel: Klick, url: "javascript:alert(1)"}]'), "links:"),
               ("nicht die erlaubte Form", "https://"), "links[1].url"),
    Fehlerfall("data_link", anhaengen(massnahme(links='[{titel: Klick, url: "data:text/html,<script>1</script>"}]'),
                                      "links:"), ("nicht die erlaubte Form",), "links[1].url"),
    Fehlerfall("html_in_url", anhaengen(massnahme(links='[{titel: Klick, url: "https://x.de/\\"><script>"}]'),
                                        "links:"), ("nicht die erlaubte Form",), "links[1].url"),
    Fehlerfall("python_tag", anhaengen(massnahme(titel=f'!!python/object/apply:os.system ["touch {MARKE}"]'),
                                       "python/object"), ("Unbekannter YAML-Typ",), "titel", nebenwirkung=MARKE),
    Fehlerfall("zweites_dokument", anhaengen(massnahme() + "---\nmassnahmen: []\n", "---"),
               ("Nur ein YAML-Dokument",)),
    Fehlerfall("leere_datei", ersetzen_datei(b"", 1), ("Datei ist leer",)),
    Fehlerfall("vorschlag_als_beschlossen", anhaengen(massnahme(beschlussstand="beschlossen"),
                                                      "beschlussstand: beschlossen"),
               ("nur auf einen Vorschlag",), "beschlussstand"),
    Fehlerfall("beschluss_fehlt", anhaengen(massnahme(beschlussstand="beschlossen", quelle="[svz-2017-10-13]"),
                                            "beschlussstand: beschlossen"),
               ("nennt ihren Beschluss", "data/beschluesse.yaml"), "beschluss"),
    Fehlerfall("unbekannter_beschluss", anhaengen(massnahme(beschlussstand="beschlossen", quelle="[svz-2017-10-13]",
                                                            beschluss="drucksache-erfunden"), "drucksache-erfunden"),
               ("Unbekannte Kennung",), "beschluss"),
]


@pytest.fixture(scope="module")
def vorlage(tmp_path_factory) -> Path:
    """One clean copy of the project; each case copies it (or its data) again."""
    return projektkopie(tmp_path_factory.mktemp("vorlage"))


# Cases that could exhaust or hang the test process if a guard in the loader broke: child processes only.
IM_KINDPROZESS = {"alias_bombe", "tiefe_verschachtelung", "riesiger_text"}
assert {f.name for f in FEHLERFAELLE} >= IM_KINDPROZESS, "a guarded case was renamed"


def pruefe_meldung(fall: Fehlerfall, zeile: int | None, wer: str, ausgabe: str, stdout: str = "") -> None:
    """The message names the file and line, the field and what is wrong, in German, briefly, without a traceback."""
    assert "Traceback" not in ausgabe + stdout, (wer, ausgabe)
    assert "Fehler in den Daten" in ausgabe, (wer, ausgabe)
    ort = f"{fall.datei}:{zeile}:" if zeile else f"{fall.datei}"
    assert ort in ausgabe, (wer, ort, ausgabe)
    for wort in fall.worte:
        assert wort in ausgabe, (wer, wort, ausgabe)
    if fall.feld:
        assert f"Feld „{fall.feld}“" in ausgabe, (wer, fall.feld, ausgabe)
    assert len(ausgabe) < 20_000, (wer, "Meldung ist zu lang", len(ausgabe))


@pytest.mark.parametrize("fall", [f for f in FEHLERFAELLE if f.name not in IM_KINDPROZESS],
                         ids=[f.name for f in FEHLERFAELLE if f.name not in IM_KINDPROZESS])
def test_fehlerhafte_daten_melden_deutsch_mit_ort(fall: Fehlerfall, vorlage: Path, tmp_path: Path, capsys):
    """`make check` (check.py's main) and the build's data step, in this process, on data with one fault."""
    data_dir = tmp_path / "projekt" / "data"
    shutil.copytree(vorlage / "data", data_dir)
    MARKE.unlink(missing_ok=True)
    zeile = fall.anwenden(data_dir)

    assert check_main()([str(data_dir)]) == 1
    geprueft = capsys.readouterr()
    pruefe_meldung(fall, zeile, "check", geprueft.err, geprueft.out)

    with pytest.raises(PluginError) as gebaut:
        daten_fuer(SimpleNamespace(config_file_path=str(data_dir.parent / "mkdocs.yml")))
    assert str(gebaut.value).startswith(BAU_KOPF + "\n"), str(gebaut.value)
    pruefe_meldung(fall, zeile, "build", str(gebaut.value))
    if fall.nebenwirkung is not None:
        assert not fall.nebenwirkung.exists(), "Ein YAML-Tag hat Code ausgeführt"


@pytest.mark.parametrize("fall", [f for f in FEHLERFAELLE if f.name in IM_KINDPROZESS],
                         ids=[f.name for f in FEHLERFAELLE if f.name in IM_KINDPROZESS])
def test_fehlerhafte_daten_stoppen_check_und_echten_bau(fall: Fehlerfall, vorlage: Path, tmp_path: Path):
    """scripts/check.py and a real `mkdocs build`, each in a child process under a memory and time limit:
    exit code 1, the German message, no traceback, and no half-built site."""
    projekt = tmp_path / "projekt"
    shutil.copytree(vorlage, projekt)
    MARKE.unlink(missing_ok=True)
    zeile = fall.anwenden(projekt / "data")

    geprueft = pruefen(projekt / "data")
    ziel = tmp_path / "site"
    gebaut = bauen(projekt, ziel)

    for wer, ergebnis in (("check", geprueft), ("build", gebaut)):
        assert ergebnis.returncode == 1, (wer, ergebnis.stdout, ergebnis.stderr)
        pruefe_meldung(fall, zeile, wer, ergebnis.stderr, ergebnis.stdout)
    assert BAU_KOPF in gebaut.stderr
    assert not ziel.exists() or not any(ziel.iterdir()), "Ein fehlgeschlagener Bau hinterließ eine Website"
    if fall.nebenwirkung is not None:
        assert not fall.nebenwirkung.exists(), "Ein YAML-Tag hat Code ausgeführt"


def test_grundmassnahme_ohne_fehler_ist_gueltig(vorlage: Path, tmp_path: Path):
    """The measure every case starts from is valid: each case fails only through the fault it puts in."""
    data_dir = tmp_path / "data"
    shutil.copytree(vorlage / "data", data_dir)
    anhaengen(massnahme())(data_dir)
    daten = lade_daten(data_dir)
    assert "GT-9901" in {m.id for m in daten.massnahmen}


# --- The safe build: a failed build leaves the old site in place ---------------------------------------------

def make_build(projekt: Path) -> subprocess.CompletedProcess:
    """`make build` in a project copy, with this checkout's virtual environment."""
    venv = Path(sys.executable).parent.parent
    return subprocess.run(["make", "--no-print-directory", "build", f"VENV={venv}", "-o", f"{venv}/.installiert"],
                          cwd=projekt, capture_output=True, text=True, env=MKDOCS_UMGEBUNG, timeout=ZEIT, check=False)


@pytest.mark.parametrize("fehler", ["daten", "spaeter_abbruch"])
def test_make_build_laesst_alte_website_stehen(fehler: str, vorlage: Path, tmp_path: Path):
    """Whether the data are wrong or the build fails late (a broken link under --strict, after MkDocs has
    already emptied and filled the target), site/ keeps the last good site and nothing half-built remains."""
    if shutil.which("make") is None:
        pytest.fail("make fehlt: apt-get install make")
    projekt = tmp_path / "projekt"
    shutil.copytree(vorlage, projekt)
    for name in ("Makefile", "requirements.txt", "scripts"):
        quelle = ROOT / name
        (shutil.copytree if quelle.is_dir() else shutil.copy2)(quelle, projekt / name)
    (projekt / "site").mkdir()
    (projekt / "site" / "index.html").write_text("ALTE WEBSITE", encoding="utf-8")
    if fehler == "daten":
        anhaengen(massnahme(titel="42"))(projekt / "data")
    else:
        with (projekt / "docs" / "index.md").open("a", encoding="utf-8") as datei:
            datei.write("\n[Ein Link ins Leere](gibt-es-nicht.md)\n")
    ergebnis = make_build(projekt)
    assert ergebnis.returncode != 0, ergebnis.stdout + ergebnis.stderr
    assert "Traceback" not in ergebnis.stdout + ergebnis.stderr
    assert (projekt / "site" / "index.html").read_text(encoding="utf-8") == "ALTE WEBSITE"
    assert sorted(p.name for p in (projekt / "site").iterdir()) == ["index.html"]
    assert not (projekt / "site.neu").exists()
    # Wrong data stop `make build` at its check, before the PDF; a late failure comes after the copy's own PDF.
    assert (projekt / "build").exists() is (fehler == "spaeter_abbruch")


# --- Safe rendering: hostile text that is allowed must come out as text -----------------------------------------

XSS_SKRIPT = "<script>window.__xss = 'skript'</script>"
XSS_BILD = "<img src=x onerror=\"window.__xss = 'bild'\">"
XSS_SVG = "<svg onload=\"window.__xss = 'svg'\"></svg>"
LANGES_WORT = "Donaudampfschifffahrtsgesellschaftskapitän" * 6  # 252 characters, no break


def yaml_text(wert: str) -> str:
    """A value as a YAML double-quoted string."""
    return '"' + wert.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@dataclass
class Darstellungsfall:
    """Hostile text the schema allows: the page must show it as text."""

    name: str
    kennung: str
    felder: dict
    sichtbar: tuple[str, ...]  # text that must be on the page (as the reader sees it)
    xss: bool = False


DARSTELLUNGSFAELLE = [
    Darstellungsfall("skript_im_titel", "GT-9911", {"titel": f"Sprachcafé {XSS_SKRIPT}"}, (XSS_SKRIPT,), True),
    Darstellungsfall("bild_onerror_in_beschreibung", "GT-9912", {"beschreibung": f"Text {XSS_BILD} Ende"},
                     (XSS_BILD,), True),
    Darstellungsfall("html_in_jedem_textfeld", "GT-9913", {
        "titel": f"Titel {XSS_SKRIPT}", "beschreibung": f"Beschreibung {XSS_BILD}", "ziel": f"Ziel {XSS_SVG}",
        "zielgruppe": [f"Gruppe {XSS_SKRIPT}"], "indikatoren": [f"Indikator {XSS_BILD}"],
        "status": "verzoegert", "begruendung": f"Begründung {XSS_SVG}",
        "links": [{"titel": f"Linktitel {XSS_SKRIPT}", "url": "https://example.org/?a=1&b=2"}],
        "verlauf": [{"datum": "2026-01-01", "text": f"Verlauf {XSS_BILD}"}],
    }, (f"Titel {XSS_SKRIPT}", f"Beschreibung {XSS_BILD}", f"Ziel {XSS_SVG}", f"Gruppe {XSS_SKRIPT}",
        f"Indikator {XSS_BILD}", f"Begründung {XSS_SVG}", f"Linktitel {XSS_SKRIPT}", f"Verlauf {XSS_BILD}"), True),
    Darstellungsfall("markdown_link_javascript", "GT-9914",
                     {"titel": "[Klick](javascript:window.__xss='md')", "beschreibung": "<javascript:alert(1)>"},
                     ("[Klick](javascript:window.__xss='md')",), True),
    Darstellungsfall("attribut_ausbruch", "GT-9915", {"titel": "\" onmouseover=\"window.__xss='attr'\" x=\""},
                     ("\" onmouseover=\"window.__xss='attr'\" x=\"",), True),
    Darstellungsfall("jinja_ausdruck", "GT-9916", {"titel": "Rechnung {{ 7 * 7 }}", "ziel": "{{ config.site_name }}"},
                     ("Rechnung {{ 7 * 7 }}", "{{ config.site_name }}")),
    Darstellungsfall("jinja_anweisung", "GT-9917",
                     {"beschreibung": "{% for i in range(3) %}X{% endfor %} und {# Kommentar #}"},
                     ("{% for i in range(3) %}X{% endfor %} und {# Kommentar #}",)),
    Darstellungsfall("pipe_im_titel", "GT-9918", {"titel": "Spalte | noch eine | und || mehr"},
                     ("Spalte | noch eine | und || mehr",)),
    Darstellungsfall("zeilenumbruch_im_titel", "GT-9919", {"titel": "Erste Zeile\n| zweite | Zeile |\n\n# dritte"},
                     ("Erste Zeile", "| zweite | Zeile |", "# dritte")),
    Darstellungsfall("markdown_zeichen", "GT-9920", {"ziel": "**fett** _kursiv_ `code` ~~weg~~ <b>fett</b>"},
                     ("**fett** _kursiv_ `code` ~~weg~~ <b>fett</b>",)),
    Darstellungsfall("sehr_langes_wort", "GT-9921", {"titel": LANGES_WORT, "beschreibung": LANGES_WORT * 4},
                     (LANGES_WORT,)),
    Darstellungsfall("umlaute_und_sonderzeichen", "GT-9922", {"titel": "Ärztin, Übergänge & „Anführung“ – ß 😀 ‮rtl"},
                     ("Ärztin, Übergänge & „Anführung“ – ß 😀 ‮rtl",)),
]


def massnahme_aus(fall: Darstellungsfall) -> str:
    """The YAML of a safe case's measure."""
    felder = {k: yaml_text(v) if isinstance(v, str) and k not in ("status",) else v for k, v in fall.felder.items()}
    for schluessel in ("zielgruppe", "indikatoren"):
        if schluessel in felder:
            felder[schluessel] = "[" + ", ".join(yaml_text(x) for x in felder[schluessel]) + "]"
    if "links" in felder:
        felder["links"] = "[" + ", ".join(f"{{titel: {yaml_text(link['titel'])}, url: {yaml_text(link['url'])}}}"
                                          for link in felder["links"]) + "]"
    if "verlauf" in felder:
        felder["verlauf"] = "[" + ", ".join(
            f"{{datum: {v['datum']}, text: {yaml_text(v['text'])}}}" for v in felder["verlauf"]
        ) + "]"
    return massnahme(id=fall.kennung, **felder)


@pytest.fixture(scope="module")
def feindliche_site(vorlage: Path, tmp_path_factory) -> tuple:
    """One copy with every safe case, saved with a BOM and CRLF line ends, checked and built once."""
    projekt = tmp_path_factory.mktemp("feindlich") / "projekt"
    shutil.copytree(vorlage, projekt)
    datei = projekt / "data" / "measures.yaml"
    text = datei.read_text(encoding="utf-8").rstrip("\n") + "\n" + "".join(map(massnahme_aus, DARSTELLUNGSFAELLE))
    datei.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    # The chapters write konzept.titel and konzept.herausgeber straight into Markdown.
    konzept = projekt / "data" / "konzept.yaml"
    text = re.sub(r"^  titel: .*$", f"  titel: {yaml_text(KONZEPT_TITEL)}", konzept.read_text(encoding="utf-8"),
                  count=1, flags=re.MULTILINE)
    text = re.sub(r"^  herausgeber: .*$", f"  herausgeber: {yaml_text(KONZEPT_HERAUSGEBER)}", text, count=1,
                  flags=re.MULTILINE)
    konzept.write_text(text, encoding="utf-8")
    ziel = projekt.parent / "site"
    return ziel, pruefen(projekt / "data"), bauen(projekt, ziel)


KONZEPT_TITEL = "Konzept <script>window.__xss = 'konzept'</script> {{ 6 * 7 }} *Stern* [Link](javascript:x)"
KONZEPT_HERAUSGEBER = "Landkreis <img src=x onerror=\"window.__xss = 'herausgeber'\"> | {% raw %}"


def test_konzeptdaten_im_markdown_bleiben_text(feindliche_site):
    """{{ konzept.titel }} in a chapter's Markdown: shown as the text it is, not as HTML, Markdown or Jinja."""
    site, geprueft, gebaut = feindliche_site
    assert geprueft.returncode == 0 and gebaut.returncode == 0, geprueft.stderr + gebaut.stderr
    start = (site / "index.html").read_text(encoding="utf-8")
    assert "Konzept &lt;script&gt;window.__xss = &#39;konzept&#39;&lt;/script&gt; {{ 6 * 7 }} *Stern* " in start
    assert "<script>window.__xss" not in start and "42" not in start.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert "<em>Stern</em>" not in start and 'href="javascript:' not in start
    for seite in site.rglob("*.html"):  # wherever a chapter writes the publisher, it is text
        inhalt = seite.read_text(encoding="utf-8")
        assert "<img src=x" not in inhalt and "<script>window.__xss" not in inhalt, seite


def seite_von(site: Path, kennung: str) -> str:
    return (site / "massnahmen" / kennung.lower() / "index.html").read_text(encoding="utf-8")


def test_bom_und_crlf_werden_gelesen(feindliche_site):
    site, geprueft, gebaut = feindliche_site
    assert geprueft.returncode == 0, geprueft.stderr
    assert gebaut.returncode == 0, gebaut.stderr
    assert "Traceback" not in geprueft.stderr + gebaut.stderr
    assert "Probe für den Härtetest" not in seite_von(site, "GT-9911")  # each case has its own title
    assert "\r" not in seite_von(site, "GT-9913")


@pytest.mark.parametrize("fall", DARSTELLUNGSFAELLE, ids=[f.name for f in DARSTELLUNGSFAELLE])
def test_feindlicher_text_erscheint_als_text(fall: Darstellungsfall, feindliche_site):
    site, geprueft, gebaut = feindliche_site
    assert geprueft.returncode == 0 and gebaut.returncode == 0, geprueft.stderr + gebaut.stderr
    kapitel = (site / "handlungsfelder" / "teilhabe" / "index.html").read_text(encoding="utf-8")
    for html_text in (seite_von(site, fall.kennung), kapitel):
        for text in fall.sichtbar:
            # Every line of the text, escaped for HTML, stands on the page; the raw markup does not.
            for teil in filter(None, (z.strip() for z in text.split("\n"))):
                assert html.escape(teil, quote=False) in html_text.replace("&#34;", '"').replace("&#39;", "'"), teil
    eigene = seite_von(site, fall.kennung)
    for verboten in ("<script>window.__xss", "onerror=\"window", "onload=\"window", "href=\"javascript:",
                     "onmouseover=\"window", "<b>fett</b>", "<strong>fett</strong>", "<em>kursiv</em>", ">49<"):
        assert verboten not in eigene, verboten
    assert "Rechnung 49" not in eigene and "Integrationskonzept Landkreis Rostock</dd>" not in eigene


def test_tabelle_bleibt_heil_bei_pipes_und_umbruechen(feindliche_site):
    """Every row of the chapter's table has its six cells, whatever the titles hold."""
    site, _, gebaut = feindliche_site
    assert gebaut.returncode == 0, gebaut.stderr
    kapitel = (site / "handlungsfelder" / "teilhabe" / "index.html").read_text(encoding="utf-8")
    tabelle = kapitel.split('<table class="ik-massnahmen">', 1)[1].split("</table>", 1)[0]
    zeilen = re.findall(r"<tr>(.*?)</tr>", tabelle.split("<tbody>", 1)[1], re.S)
    assert len(zeilen) >= len(DARSTELLUNGSFAELLE)
    for zeile in zeilen:
        assert zeile.count("<td") == 6, zeile


def test_kein_skript_laeuft_in_chromium(feindliche_site, browser):
    """The XSS pages loaded in Chromium (the session's browser, tests/browser/fixtures.py): no injected script, handler
    or javascript: link ever runs, and a long word never makes the page scroll sideways on a phone."""
    site, _, gebaut = feindliche_site
    assert gebaut.returncode == 0, gebaut.stderr
    seiten = [f"massnahmen/{f.kennung.lower()}/" for f in DARSTELLUNGSFAELLE if f.xss]
    seiten += ["handlungsfelder/teilhabe/", "massnahmen/", "", "impressum/"]
    with starte_server(site) as server:
        kontext = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
        try:
            seite = kontext.new_page()
            dialoge: list[str] = []
            seite.on("dialog", lambda dialog: (dialoge.append(dialog.message), dialog.dismiss()))
            for pfad in seiten:
                antwort = seite.goto(server.url(pfad), wait_until="load")
                assert antwort is not None and antwort.ok, pfad
                seite.wait_for_timeout(300)
                # Move the pointer over everything a reader could touch (as Playwright's dispatch_event does, in
                # one call for all of them).
                beruehrt = seite.evaluate("""() => [...document.querySelectorAll('main a, main td, main h1, main h3')]
                    .slice(0, 200).map(e => e.dispatchEvent(new MouseEvent('mouseover',
                        {bubbles: true, cancelable: true, composed: true}))).length""")
                assert beruehrt > 0, pfad
                assert seite.evaluate("window.__xss") is None, (pfad, seite.evaluate("window.__xss"))
                # No element from the data: no script of ours, no event handler, no javascript: link.
                eingeschleust = seite.evaluate(
                    "[...document.querySelectorAll('main script')].filter(s => s.textContent.includes('__xss')).length"
                    " + document.querySelectorAll('main [onerror], main [onload], main [onmouseover], "
                    "main a[href^=\"javascript:\"], main svg[onload], main img[src=\"x\"]').length")
                assert eingeschleust == 0, pfad
                # A long word wraps: the page itself never scrolls sideways on a phone.
                breite = seite.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                assert breite[0] <= breite[1], (pfad, breite)
            assert dialoge == []
        finally:
            kontext.close()


# --- HTML and script in every free-text field of every data file -------------------------------------------------

NUTZLAST = "<script>window.__xss = 'feld'</script><img src=x onerror=\"window.__xss = 'bild'\"> {{ 6 * 7 }}"


def _aufgeloest(schema: dict, wurzel: dict) -> dict:
    verweis = schema.get("$ref", "")
    if verweis.startswith("#/$defs/"):
        return {**_aufgeloest(wurzel["$defs"][verweis.rsplit("/", 1)[1]], wurzel),
                **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _ist_freitext(schema: dict) -> bool:
    """A string the schema does not restrict to a form: an id, date, URL or code has an enum or a pattern."""
    return schema.get("type") == "string" and "enum" not in schema and schema.get("pattern") in (None, "\\S")


def _vergifte(wert: object, schema: dict, wurzel: dict) -> object:
    """Every free-text string in wert, extended by NUTZLAST (within its maxLength)."""
    schema = _aufgeloest(schema, wurzel)
    if isinstance(wert, dict):
        felder = schema.get("properties", {})
        return {k: _vergifte(v, felder.get(k, {}), wurzel) for k, v in wert.items()}
    if isinstance(wert, list):
        return [_vergifte(v, schema.get("items", {}), wurzel) for v in wert]
    if isinstance(wert, str) and _ist_freitext(schema):
        platz = schema.get("maxLength", 4000) - len(NUTZLAST) - 1
        return f"{wert[:max(platz, 1)]} {NUTZLAST}"
    return wert


@pytest.fixture(scope="module")
def vergiftete_site(vorlage: Path, tmp_path_factory) -> tuple:
    """Every data file with NUTZLAST in each free-text field (found through the schemas), checked and built."""
    import json

    import yaml

    projekt = tmp_path_factory.mktemp("vergiftet") / "projekt"
    shutil.copytree(vorlage, projekt)
    felder = 0
    for datei in sorted((projekt / "data").glob("*.yaml")):
        schema = json.loads((projekt / "data" / "schema" / f"{datei.stem}.schema.json").read_text(encoding="utf-8"))
        werte = yaml.safe_load(datei.read_text(encoding="utf-8"))
        vergiftet = _vergifte(werte, schema, schema)
        felder += json.dumps(vergiftet, default=str).count("window.__xss = 'feld'")
        datei.write_text(yaml.safe_dump(vergiftet, allow_unicode=True, sort_keys=False), encoding="utf-8")
    ziel = projekt.parent / "site"
    return ziel, pruefen(projekt / "data"), bauen(projekt, ziel), felder


def test_html_in_jedem_textfeld_jeder_datei_bleibt_text(vergiftete_site):
    site, geprueft, gebaut, felder = vergiftete_site
    assert felder > 50, felder  # the schemas found the free-text fields
    assert geprueft.returncode == 0, geprueft.stderr
    assert gebaut.returncode == 0, gebaut.stderr[-3000:]
    gezeigt = 0
    for seite in site.rglob("*.html"):
        inhalt = seite.read_text(encoding="utf-8")
        assert "<script>window.__xss" not in inhalt and "<img src=x onerror" not in inhalt, seite
        gezeigt += inhalt.count("&lt;script&gt;window.__xss = &#39;feld&#39;&lt;/script&gt;&lt;img src=x "
                                "onerror=&#34;window.__xss = &#39;bild&#39;&#34;&gt; {{ 6 * 7 }}")
    assert gezeigt > 50, gezeigt  # and the texts are on the pages, as text (Jinja in them not evaluated)


def test_html_in_jedem_textfeld_fuehrt_kein_skript_aus(vergiftete_site, browser):
    site, _, gebaut, _ = vergiftete_site
    assert gebaut.returncode == 0, gebaut.stderr[-3000:]
    seiten = ["", "handlungsfelder/sprache/", "umsetzung/", "quellen/", "ausgangslage/", "massnahmen/", "impressum/",
              "handlungsfelder/", "integrationslotsen/", "daten/"]
    with starte_server(site) as server:
        kontext = browser.new_context(service_workers="block")
        try:
            seite = kontext.new_page()
            dialoge: list[str] = []
            seite.on("dialog", lambda dialog: (dialoge.append(dialog.message), dialog.dismiss()))
            for pfad in seiten:
                if not (site / pfad / "index.html").exists():
                    continue
                antwort = seite.goto(server.url(pfad), wait_until="load")
                assert antwort is not None and antwort.ok, pfad
                seite.wait_for_timeout(200)
                assert seite.evaluate("window.__xss") is None, (pfad, seite.evaluate("window.__xss"))
            assert dialoge == []
        finally:
            kontext.close()


@pytest.mark.pdf
def test_langes_wort_und_html_im_pdf(feindliche_site, tmp_path):
    """The PDF of the hostile data (scripts/pdf.py, WeasyPrint): builds without a traceback, shows the hostile
    text as text, and no word runs off the page, however long it is. The document holds what the data reach:
    the cover, the chapter with the hostile cards and the table of all measures (its nav replaced)."""
    site, _, gebaut = feindliche_site
    assert gebaut.returncode == 0, gebaut.stderr
    for programm in ("pdftotext", "pdfinfo"):
        if shutil.which(programm) is None:
            pytest.fail(f"{programm} fehlt: apt-get install poppler-utils (oder .ci/run ausführen)")
    projekt, pdf = site.parent / "projekt", tmp_path / "feindlich.pdf"
    konfig = projekt / "mkdocs-feindlich.yml"
    konfig.write_text("INHERIT: mkdocs.yml\nnav:\n  - Start: index.md\n"
                      f"  - Teilhabe: handlungsfelder/{GRUND['handlungsfeld']}.md\n"
                      "  - Alle Maßnahmen: massnahmen/index.md\n", encoding="utf-8")
    ergebnis = subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--out", str(pdf),
                               "--config", str(konfig), "--karten", "alle", "--sprachen", "keine"],
                              capture_output=True, text=True, timeout=ZEIT, preexec_fn=begrenzt(SPEICHER_BAU),
                              check=False)
    assert ergebnis.returncode == 0 and "Traceback" not in ergebnis.stderr, ergebnis.stderr[-3000:]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flach = "".join(text.split())
    assert "".join(LANGES_WORT.split()) in flach.replace("-", "") or LANGES_WORT[:40] in flach, "langes Wort fehlt"
    assert "<script>window.__xss" in flach.replace(" ", "") or "<script>window.__xss" in text
    assert "".join(KONZEPT_TITEL.split()) in flach   # the cover: the concept's title from the data, as text
    for fall in DARSTELLUNGSFAELLE:   # every hostile measure's card and row are in the document
        assert flach.count(fall.kennung) >= 2, fall.kennung
    # Every word box lies inside its page (pdftotext -bbox: one <word> per word with its coordinates).
    kaesten = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for seite in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', kaesten, re.S):
        breite = float(seite.group(1))
        for wort in re.finditer(r'<word xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)"', seite.group(3)):
            assert float(wort.group(1)) >= 0 and float(wort.group(2)) <= breite + 0.5, (wort.group(0), breite)
