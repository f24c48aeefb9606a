"""The PDF edition, really built with WeasyPrint and read back with pikepdf, pypdf and poppler's tools."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pikepdf
import pytest
from hilfen import ROOT, baue_pdf, mkdocs_build, projektkopie
from pypdf import PdfReader

from macros.ausgabe.druck import pruefung
from macros.ausgabe.druck.dokument import UEBERBLICK, oeffentliche_adresse, status_text
from macros.ausgabe.druck.navigation import kapitel_liste
from macros.ausgabe.druck.weblink import ORDNER, groesse_de
from macros.darstellung.render import seiten_url
from macros.daten import begriffe
from macros.daten.loader import lade_daten
from macros.entwicklung.synthetische_daten import echte_anzahl, schreibe

pytestmark = pytest.mark.pdf

# The headers of a chapter's table of measures; the overview of all measures has these and more.
SPALTEN = tuple(begriffe.SPALTEN[s] for s in begriffe.KAPITEL_SPALTEN)
LEER = re.compile(r"\s+")
# The checks of pruefung.py, each once for the whole concept and once for the construct document.
REGELN = (pruefung.LINK, pruefung.FIGUR, pruefung.LISTE, pruefung.LBODY, pruefung.LISTENKINDER, pruefung.LI_KINDER,
          pruefung.LINKZWECK, pruefung.LEERER_SPAN)
GEPRUEFT = {pruefung.LINK: "Link-Anmerkung", pruefung.LINKZWECK: "Link-Anmerkung", pruefung.FIGUR: "Figure",
            pruefung.LISTE: "LI", pruefung.LBODY: "LBody", pruefung.LISTENKINDER: "L", pruefung.LI_KINDER: "LI",
            pruefung.LEERER_SPAN: "Span"}
BEISPIEL_ADRESSE = "https://beispiel.invalid/konzept/"


def spalten(site: Path) -> list[str]:
    """The header cells of the site's table of all measures, as the site shows them."""
    html = (site / "massnahmen" / "index.html").read_text(encoding="utf-8")
    tabelle = re.search(r'<table class="[^"]*ik-massnahmen.*?</thead>', html, re.S).group(0)
    kopf = [flach(re.sub(r"<[^>]+>", "", zelle)) for zelle in re.findall(r"<th[^>]*>(.*?)</th>", tabelle, re.S)]
    assert set(SPALTEN) <= set(kopf), kopf
    return kopf


def werkzeug(name: str) -> str:
    """A poppler tool, or a failing test that says how to install it (never a silent skip)."""
    pfad = shutil.which(name)
    if pfad is None:
        pytest.fail(f"{name} fehlt: bitte poppler-utils installieren (apt-get install poppler-utils; .ci/run tut das).")
    return pfad


@pytest.fixture(scope="session")
def pdf_site(pdf, tmp_path_factory) -> Path:
    """A copy of the project built as `make build` does: the PDF in build/druck/, then the site, which links it."""
    basis = tmp_path_factory.mktemp("druck-site")
    projekt = projektkopie(basis / "projekt")
    (projekt / ORDNER).mkdir(parents=True)
    shutil.copy(pdf, projekt / ORDNER / pdf.name)
    gebaut = mkdocs_build(projekt, basis / "site")
    assert gebaut.returncode == 0, gebaut.stderr
    return basis / "site"


@pytest.fixture(scope="session")
def seiten(pdf) -> list[str]:
    """The text of every page (pdftotext), index 0 = page 1."""
    return seitentexte(pdf)


def pdftotext(pdf: Path, seite: int | None = None, *optionen: str) -> str:
    bereich = ["-f", str(seite), "-l", str(seite)] if seite else []
    return subprocess.run([werkzeug("pdftotext"), *optionen, *bereich, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def seitentexte(pdf: Path) -> list[str]:
    """The text of every page from one pdftotext run (it ends each page with a form feed), index 0 = page 1."""
    seiten = pdftotext(pdf).split("\f")
    assert seiten[-1] == "" and len(seiten) - 1 == len(PdfReader(pdf).pages), (len(seiten), pdf)
    return [seite + "\f" for seite in seiten[:-1]]


def flach(text: str) -> str:
    return LEER.sub(" ", text).strip()


def ohne_umbruch(text: str) -> str:
    """Text without any whitespace or hyphen, so words broken across lines compare equal."""
    return re.sub(r"[\s\-\u00ad\u2010]", "", text)


def gliederung(pdf: Path) -> list[tuple[str, int, list[str]]]:
    """(title, page number starting at 1, titles of the children) for each top-level bookmark."""
    leser = PdfReader(pdf)
    ergebnis = []
    eintraege = leser.outline
    for index, eintrag in enumerate(eintraege):
        if isinstance(eintrag, list):
            continue
        kinder = eintraege[index + 1] if index + 1 < len(eintraege) and isinstance(eintraege[index + 1], list) else []
        ergebnis.append((flach(eintrag.title), leser.get_destination_page_number(eintrag) + 1,
                         [flach(k.title) for k in kinder if not isinstance(k, list)]))
    return ergebnis


def kapitel_titel(site: Path, daten) -> list[tuple[str, list[str]]]:
    """Every nav chapter's title (its h1; the start page is called „Überblick“) and its h2 headings."""
    ergebnis = []
    for kapitel in kapitel_liste(ROOT / "mkdocs.yml"):
        html = (site / seiten_url(kapitel.pfad) / "index.html").read_text(encoding="utf-8")
        artikel = html[html.index('<article class="md-content__inner'):]

        def text(fragment: str) -> str:
            return flach(re.sub(r"<[^>]+>", "", re.sub(r'<a class="headerlink".*?</a>', "", fragment)))

        titel = text(re.search(r"<h1[^>]*>(.*?)</h1>", artikel, re.S).group(1))
        h2 = [text(t) for t in re.findall(r"<h2[^>]*>(.*?)</h2>", artikel, re.S)]
        ergebnis.append((UEBERBLICK if titel == daten.konzept.titel else titel, h2))
    return ergebnis


# --- Content ------------------------------------------------------------------------------------------------------

def test_jede_massnahme_mit_nummer_und_titel(seiten, daten):
    text = flach("\n".join(seiten))
    for massnahme in daten.massnahmen:
        # The card's heading: number and title together (headings are never hyphenated).
        assert f"{massnahme.id} {massnahme.titel}" in text, massnahme.id


def test_deckblatt(seiten, daten):
    k = daten.konzept
    deckblatt = flach(seiten[0])
    for erwartet in (k.titel, k.herausgeber, k.fassung, status_text(k), k.adresse):
        assert flach(erwartet) in deckblatt, erwartet
    tag = k.stand.split("-")
    assert f"{tag[2]}.{tag[1]}.{tag[0]}" in deckblatt
    assert "Seite 1 von" not in deckblatt


def test_keine_web_bedienelemente(seiten):
    text = "\n".join(seiten)
    for web in ("Seite editieren", "Zurück zum Seitenanfang", "Link zu diesem Abschnitt", "¶", "Material for MkDocs",
                "Als PDF herunterladen", "Zurück:", "Weiter:", "Einträge 1 bis"):
        assert web not in text, web


def test_externe_links_als_adresse(site, seiten):
    """Every web address a chapter links to is printed (line breaks inside an address allowed)."""
    text = ohne_umbruch("\n".join(seiten))
    gefunden = 0
    for kapitel in kapitel_liste(ROOT / "mkdocs.yml"):
        html = (site / seiten_url(kapitel.pfad) / "index.html").read_text(encoding="utf-8")
        artikel = html[html.index('<article class="md-content__inner'):html.rindex("</article>")]
        for adresse in re.findall(r'<a [^>]*href="(https?://[^"]+)"', artikel):
            if "/edit/" in adresse:
                continue  # the edit button is web chrome
            gefunden += 1
            assert ohne_umbruch(adresse.replace("&amp;", "&").rstrip("/")) in text, adresse
    assert gefunden > 0


def test_oeffentliche_adresse_aus_den_daten_nie_die_lokale(pdf, seiten, daten):
    """Without SITE_URL every printed and clicked address is the public one of data/konzept.yaml."""
    text = "\n".join(seiten)
    assert "127.0.0.1" not in text and "localhost" not in text
    ziele = []
    with pikepdf.open(pdf) as dokument:
        for seite in dokument.pages:
            for anmerkung in seite.obj.get("/Annots") or []:
                aktion = anmerkung.get("/A")
                if aktion is not None and "/URI" in aktion:
                    ziele.append(str(aktion.URI))
    eigene = [z for z in ziele if z.startswith(daten.konzept.adresse)]
    assert len(eigene) >= len(daten.massnahmen), "jede Karte verweist auf ihre Seite im Netz"
    assert not [z for z in ziele if "127.0.0.1" in z or "localhost" in z]


def test_neben_dem_pdf_die_zusammenfassung_in_jeder_sprache(pdf, daten):
    """scripts/pdf.py writes each language's summary beside the concept's PDF, tagged with its language (what the
    summaries hold: test_sprach_pdf.py)."""
    from macros.ausgabe.druck.weblink import sprach_pdf_datei

    assert daten.sprachen
    for sprache in daten.sprachen:
        with pikepdf.open(pdf.with_name(sprach_pdf_datei(pdf.name, sprache.code))) as dokument:
            assert str(dokument.Root.Lang) == sprache.code and "/StructTreeRoot" in dokument.Root


def test_site_url_ersetzt_die_adresse(monkeypatch, daten):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert oeffentliche_adresse(daten.konzept) == daten.konzept.adresse
    monkeypatch.setenv("SITE_URL", "https://beispiel.invalid/pfad")
    assert oeffentliche_adresse(daten.konzept) == "https://beispiel.invalid/pfad/"


# --- Accessibility and metadata ----------------------------------------------------------------------------------

def test_pdf_ua_getaggt_mit_sprache(pdf):
    with pikepdf.open(pdf) as dokument:
        wurzel = dokument.Root
        assert str(wurzel.Lang) == "de"
        assert "/StructTreeRoot" in wurzel
        assert bool(wurzel.MarkInfo.Marked) is True
        assert bool(wurzel.ViewerPreferences.DisplayDocTitle) is True
        with dokument.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"


@pytest.fixture(scope="session")
def bericht_echt(pdf):
    return pruefung.bericht(pdf)


@pytest.mark.parametrize("regel", REGELN)
def test_strukturregel_im_ganzen_konzept(bericht_echt, regel):
    """The machine checks of veraPDF (PDF/UA-1 and WCAG 2.2) that the concept once failed, read with pikepdf."""
    befunde, geprueft = bericht_echt
    assert geprueft[GEPRUEFT[regel]] > 0, f"nichts zu prüfen: kein {GEPRUEFT[regel]} im PDF"
    assert [str(b) for b in befunde if b.regel == regel] == []


def test_metadaten(pdf, daten):
    info = PdfReader(pdf).metadata
    assert info.title == daten.konzept.titel
    assert info.author == "Landkreis Rostock"
    assert info.subject
    assert "Integrationskonzept" in info["/Keywords"]


def test_schriften_eingebettet_mit_deutschen_zeichen(pdf, seiten, site):
    zeilen = subprocess.run([werkzeug("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    schriften = zeilen.splitlines()[2:]
    assert schriften, zeilen
    for zeile in schriften:
        spalten = zeile.split()
        assert spalten[-5] == "yes", zeile  # emb
        assert spalten[-4] == "yes", zeile  # sub: only the glyphs used
    # Every German special character the chapters use comes out of the PDF as that character.
    quelle = "".join((site / seiten_url(k.pfad) / "index.html").read_text(encoding="utf-8")
                     for k in kapitel_liste(ROOT / "mkdocs.yml"))
    benutzt = {z for z in "ÄÖÜäöüßẞ„“‚‘–—…€§" if z in quelle}
    assert len(benutzt) >= 5, benutzt
    text = "\n".join(seiten)
    for zeichen in sorted(benutzt):
        assert zeichen in text, zeichen


def test_schriftdateien_haben_alle_deutschen_glyphen():
    from fontTools.ttLib import TTFont

    # The fonts the German text is set in; the Arabic and Cyrillic subsets carry their own scripts only.
    dateien = sorted((ROOT / "macros" / "ausgabe" / "druck" / "schriften").glob("NotoSans-*.ttf"))
    assert len(dateien) == 4
    for datei in dateien:
        zeichen = TTFont(datei).getBestCmap()
        fehlend = [z for z in "ÄÖÜäöüßẞ„“‚‘–—…€§" if ord(z) not in zeichen]
        assert not fehlend, (datei.name, fehlend)


# --- The construct document: each risky construct once, through the same pipeline ---------------------------------

def konstrukte_markdown() -> str:
    """A chapter with every construct that broke the tagging once: an abbreviation inside a link, a web link whose
    printed address wraps, a bare address as link text, a chart legend with colour swatches, measure cards with
    their web address, and a definition list long enough to run over page breaks."""
    begriffe = []
    for nummer in range(1, 61):
        # Every third term is longer than its explanation: three lines beside one, the case where a floated term
        # once moved to the next page without its list.
        if nummer % 3 == 0:
            begriffe.append(f"Ein langer Begriff mit der Nummer {nummer} über drei Zeilen\n:   Kurz erklärt.\n")
            continue
        text = " ".join(["Eine Erklärung, die je nach Begriff eine oder mehrere Zeilen lang ist."] * (nummer % 4 + 1))
        begriffe.append(f"Begriff Nummer {nummer}\n:   {text}\n")
    return "\n".join([
        "# Konstrukte",
        "",
        "Ein Verweis mit Abkürzung im Text: [Berichte der SVZ und der OZ](quellen.md). Ein Verweis auf ein "
        "Kapitel, das nicht im Dokument steht: [die Leitlinien](leitlinien.md).",
        "",
        "Ein Verweis ins Netz mit langer Adresse: [Lizenztext](https://www.govdata.de/dl-de/by-2-0/eine/sehr/lange/"
        "adresse/die/ueber/das/ende/der/zeile/hinaus/reicht/und/deshalb/umbricht/weil/sie/so/lang/ist). "
        "Eine Adresse als Verweistext: <https://www.govdata.de/dl-de/by-2-0>.",
        "",
        "{{ status_uebersicht() }}",
        "",
        '{{ massnahmen("sprache") }}',
        "",
        "## Begriffe über Seitenumbrüche",
        "",
        *begriffe,
    ])


@pytest.fixture(scope="session")
def konstrukt_pdf(tmp_path_factory) -> Path:
    """The construct chapter and the sources, as their own document of the project (mkdocs.yml with its nav
    replaced), built with SITE_URL set."""
    basis = tmp_path_factory.mktemp("konstrukte")
    projekt = projektkopie(basis / "projekt")
    (projekt / "docs" / "konstrukte.md").write_text(konstrukte_markdown(), encoding="utf-8")
    konfig = projekt / "mkdocs-konstrukte.yml"
    konfig.write_text("INHERIT: mkdocs.yml\nnav:\n  - Konstrukte: konstrukte.md\n  - Quellen: quellen.md\n",
                      encoding="utf-8")
    ziel = basis / "konstrukte.pdf"
    ergebnis = baue_pdf(konfig, "--out", str(ziel), "--html", str(basis / "konstrukte.html"), "--sprachen", "keine",
                        site_url=BEISPIEL_ADRESSE)
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ziel


@pytest.fixture(scope="session")
def bericht_konstrukte(konstrukt_pdf):
    return pruefung.bericht(konstrukt_pdf)


def test_konstrukte_stehen_im_dokument(konstrukt_pdf):
    html = (konstrukt_pdf.parent / "konstrukte.html").read_text(encoding="utf-8")
    text = ohne_umbruch(pdftotext(konstrukt_pdf))
    assert "SVZ" in text and "ik-farbfeld" in html and "Begriff Nummer 59" in pdftotext(konstrukt_pdf)
    assert len(PdfReader(konstrukt_pdf).pages) >= 4, "die Begriffsliste läuft über Seitenumbrüche"
    # With SITE_URL set, the printed addresses are that one.
    assert ohne_umbruch(BEISPIEL_ADRESSE + "leitlinien") in text
    assert ohne_umbruch(BEISPIEL_ADRESSE + "massnahmen/sp-01") in text


@pytest.mark.parametrize("regel", REGELN)
def test_strukturregel_in_den_konstrukten(bericht_konstrukte, regel):
    befunde, geprueft = bericht_konstrukte
    assert geprueft[GEPRUEFT[regel]] > 0, f"nichts zu prüfen: kein {GEPRUEFT[regel]} im PDF"
    assert [str(b) for b in befunde if b.regel == regel] == []


def test_pruefung_erkennt_jeden_fehler(tmp_path):
    """The checks are not blind: a document written past our markup rules (element in a link, decorative SVG,
    whitespace Span is fixed in weasyprint70.py, so not here) fails them."""
    from macros.ausgabe.druck.schreiben import schreibe_pdf

    html = ('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Fehler</title></head><body>'
            '<p><a href="https://beispiel.invalid/a"><abbr title="Schweriner Volkszeitung">SVZ</abbr> lesen</a></p>'
            '<p><a href="https://beispiel.invalid/b">https://beispiel.invalid/b</a></p>'
            '<p><svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill="#123456"/></svg>'
            ' Farbe</p></body></html>')
    ziel = tmp_path / "fehler.pdf"
    schreibe_pdf(html, ziel, sprache="de")
    regeln = pruefung.zaehle(pruefung.pruefe(ziel))
    assert regeln[pruefung.LINK] >= 1 and regeln[pruefung.FIGUR] == 1 and regeln[pruefung.LINKZWECK] == 1, regeln


# --- Structure: outline, contents, pages --------------------------------------------------------------------------

def test_lesezeichen_fuer_jedes_kapitel_und_seine_abschnitte(pdf, site, daten):
    lesezeichen = {titel: kinder for titel, _, kinder in gliederung(pdf)}
    for titel, h2 in kapitel_titel(site, daten):
        assert titel in lesezeichen, titel
        assert lesezeichen[titel] == h2, titel


def test_inhaltsverzeichnis_stimmt_mit_den_seiten(pdf, seiten, site, daten):
    beginn = {titel: seite for titel, seite, _ in gliederung(pdf)}
    kapitel = [titel for titel, _ in kapitel_titel(site, daten)]
    erstes = min(beginn[t] for t in kapitel)
    verzeichnis = "\n".join(pdftotext(pdf, nummer, "-layout") for nummer in range(2, erstes))
    eintraege = {flach(t): int(n) for t, n in re.findall(r"^\s*(\S.*?\S)\s{2,}(\d+)\s*$", verzeichnis, re.M)}
    geprueft = 0
    for titel in kapitel:
        assert titel in eintraege, titel
        assert eintraege[titel] == beginn[titel], titel
        # The chapter's title really stands on that page, and the page before belongs to another chapter.
        assert titel in flach(seiten[eintraege[titel] - 1]), titel
        geprueft += 1
    assert geprueft >= 3
    starts = [beginn[t] for t in kapitel]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "jedes Kapitel auf einer neuen Seite"


def test_kopfzeile_und_seitenzahl(pdf, seiten, site, daten):
    beginn = sorted((seite, titel) for titel, seite, _ in gliederung(pdf) if titel != "Inhalt")
    gesamt = len(seiten)
    for nummer in range(2, gesamt + 1):
        text = seiten[nummer - 1]
        assert f"Seite {nummer} von {gesamt}" in text, nummer
        aktuelles = [titel for seite, titel in beginn if seite <= nummer]
        if aktuelles:
            assert text.lstrip().startswith(aktuelles[-1]), (nummer, text[:80])


# --- Measures table ------------------------------------------------------------------------------------------------

def tabellen_seiten(pdf: Path, seiten: list[str], titel: str) -> list[int]:
    """Pages of the chapter with this title."""
    beginn = sorted(seite for _, seite, _ in gliederung(pdf))
    start = next(seite for t, seite, _ in gliederung(pdf) if t == titel)
    ende = next((s for s in beginn if s > start), len(seiten) + 1)
    return list(range(start, ende))


def test_massnahmentabelle_alle_spalten_auf_jeder_seite(pdf, seiten, daten, site):
    leser = PdfReader(pdf)
    hochformat = float(leser.pages[0].mediabox.width)
    tabellen = tabellen_seiten(pdf, seiten, "Alle Maßnahmen")
    gesehen = set()
    for nummer in tabellen:
        zeilen = re.findall(r"^([A-Z]{2}-\d+)$", seiten[nummer - 1], re.M)
        if not zeilen:
            continue  # the chapter's text after the table
        # The table stands on A4 landscape pages (druck.css `@page breit`); the right margin is that page's.
        breite = float(leser.pages[nummer - 1].mediabox.width)
        assert breite > float(leser.pages[nummer - 1].mediabox.height), (nummer, "Querformat")
        assert breite > hochformat, nummer
        text = ohne_umbruch(seiten[nummer - 1])
        for spalte in spalten(site):
            assert ohne_umbruch(spalte) in text, (nummer, spalte)
        gesehen |= set(re.findall(r"^([A-Z]{2}-\d+)$", seiten[nummer - 1], re.M))
        # No column runs off the page: every word ends inside the right margin.
        rahmen = pdftotext(pdf, nummer, "-bbox")
        rechts = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', rahmen))
        assert rechts <= breite - 40, (nummer, rechts)
    assert gesehen == {m.id for m in daten.massnahmen}


def test_kapiteltabellen_zeigen_alle_spalten(seiten, daten):
    for feld in daten.handlungsfelder:
        if not daten.massnahmen_im_feld(feld.id):
            continue
        beschriftung = f"Maßnahmen im Bereich {feld.titel}"
        seite = next((s for s in seiten if beschriftung in flach(s)), None)
        assert seite is not None, beschriftung
        for spalte in SPALTEN:
            assert ohne_umbruch(spalte) in ohne_umbruch(seite), (feld.id, spalte)


def projekt_mit(basis: Path, zusaetzlich: int) -> Path:
    """A copy of the project whose data are the real ones plus `zusaetzlich` synthetic measures."""
    projekt = projektkopie(basis / "projekt")
    shutil.rmtree(projekt / "data")
    schreibe(echte_anzahl() + zusaetzlich, projekt / "data", mit_echten=True)
    return projekt


@pytest.fixture(scope="session")
def langes_pdf(tmp_path_factory) -> tuple[Path, Path, list[str]]:
    """`--karten keine` (automatic beyond 300 measures) for the real data plus 20 more synthetic measures than the
    site shows on one page of its overview: (project, PDF, text of every page). The table of all measures runs
    over several pages, and the site, which would split it, is never built."""
    from macros.darstellung.seitenteilung import ZEILEN_JE_SEITE

    basis = tmp_path_factory.mktemp("pdf-lang")
    projekt = projekt_mit(basis, ZEILEN_JE_SEITE + 20)
    ziel = basis / "lang.pdf"
    ergebnis = baue_pdf(projekt / "mkdocs.yml", "--out", str(ziel), "--karten", "keine", "--sprachen", "keine")
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert not (projekt / "site").exists() and not (basis / "site").exists()
    assert [p.name for p in basis.glob("*.pdf")] == [ziel.name]   # without the summaries in the languages
    return projekt, ziel, seitentexte(ziel)


def test_kopfzeile_der_tabelle_wiederholt_sich(langes_pdf, site):
    projekt, pdf, seiten = langes_pdf
    daten = lade_daten(projekt / "data")
    tabellen = tabellen_seiten(pdf, seiten, "Alle Maßnahmen")
    gesehen: list[str] = []
    kopf = spalten(site)
    for nummer in tabellen:
        zeilen = re.findall(r"^([A-Z]{2}-\d+)$", seiten[nummer - 1], re.M)
        if not zeilen:
            continue
        text = ohne_umbruch(seiten[nummer - 1])
        for spalte in kopf:
            assert ohne_umbruch(spalte) in text, (nummer, spalte)
        gesehen += zeilen
    # The table runs over several pages, and every row is there exactly once: none lost, none cut in two.
    assert len([n for n in tabellen if re.search(r"^[A-Z]{2}-\d+$", seiten[n - 1], re.M)]) >= 3
    assert sorted(gesehen) == sorted(m.id for m in daten.massnahmen)


def test_ohne_karten_jede_massnahme_als_tabellenzeile(langes_pdf, daten):
    """`--karten keine`: each measure once, as its row, and the chapters say so."""
    projekt, pdf, seiten = langes_pdf
    alle = lade_daten(projekt / "data")
    assert {m.id for m in daten.massnahmen} < {m.id for m in alle.massnahmen}   # the real ones and more
    text = ohne_umbruch("\n".join(seiten))
    for massnahme in alle.massnahmen:
        assert ohne_umbruch(massnahme.titel) in text, massnahme.id
    tabelle = tabellen_seiten(pdf, seiten, "Alle Maßnahmen")
    zeilen = [i for n in tabelle for i in re.findall(r"^([A-Z]{2}-\d+)$", seiten[n - 1], re.M)]
    assert sorted(zeilen) == sorted(m.id for m in alle.massnahmen)
    flacher_text = flach("\n".join(seiten))
    assert "Im Netz:" not in flacher_text  # no card was printed
    for feld in alle.handlungsfelder:
        if alle.massnahmen_im_feld(feld.id):
            assert "in dieser Druckfassung nur als Zeile der Tabelle" in flacher_text
    assert ohne_umbruch(f"{alle.konzept.adresse.rstrip('/')}/massnahmen/<nummer>/") in text
    assert pruefung.pruefe(pdf) == []


def test_lange_listen_ganz_ohne_blaettern(langes_pdf):
    """Beyond 200 rows the site splits the table of all measures over pages (…/seite-2/); the print renders the
    list whole (fassung.py): every row once, no page navigation, without reading the built site."""
    from macros.darstellung.seitenteilung import ZEILEN_JE_SEITE

    projekt, pdf, seiten = langes_pdf
    daten = lade_daten(projekt / "data")
    assert len(daten.massnahmen) > ZEILEN_JE_SEITE
    text = "".join(seiten)
    assert sorted(re.findall(r"^([A-Z]{2}-\d+)$", text, re.M)) == sorted(m.id for m in daten.massnahmen)
    assert "Einträge 1 bis" not in text


# --- The site's link to the PDF --------------------------------------------------------------------------------------

LINK = re.compile(r'<a class="ik-pdf-link__a" href="([^"]+)">[^<]*<span class="ik-pdf-link__groesse">'
                  r"\(PDF, ([^)]+)\)</span></a>")


def test_website_verlinkt_das_pdf_mit_groesse_in_einer_landmarke(pdf_site, pdf):
    """Every page links the PDF that the build copied in, with its real size, inside <footer> (contentinfo);
    the start page also in <main>."""
    assert (pdf_site / pdf.name).read_bytes() == pdf.read_bytes()
    groesse = groesse_de(pdf.stat().st_size)
    seiten = ["index.html", "handlungsfelder/sprache/index.html", "massnahmen/sp-01/index.html", "404.html"]
    for seite in seiten:
        html = (pdf_site / seite).read_text(encoding="utf-8")
        fuss = html[html.index('<footer class="md-footer">'):html.index("</footer>")]
        links = LINK.findall(fuss)
        assert len(links) == 1, seite
        if seite == "404.html":
            continue  # served at any depth: its links are absolute paths from the site's root
        for href, angabe in links:
            # The link leads to the file that exists, from wherever the page is.
            assert urljoin(f"https://x.invalid/{seite}", href) == f"https://x.invalid/{pdf.name}", (seite, href)
            assert angabe == groesse, seite
    start = (pdf_site / "index.html").read_text(encoding="utf-8")
    haupt = start[start.index("<main"):start.index("</main>")]
    assert "ik-pdf-link--start" in haupt and LINK.search(haupt)


def test_ohne_pdf_kein_link(site_ohne_git):
    """`mkdocs build` or `make serve` without a built PDF: no link at all, so never one to a missing file."""
    for seite in ("index.html", "massnahmen/sp-01/index.html"):
        html = (site_ohne_git / seite).read_text(encoding="utf-8")
        assert "ik-pdf-link" not in html and ".pdf" not in html, seite
    assert not list(site_ohne_git.glob("*.pdf"))


def test_fehlende_konfiguration_meldet_deutsch(tmp_path):
    ergebnis = baue_pdf(tmp_path / "mkdocs.yml", "--out", str(tmp_path / "x.pdf"))
    assert ergebnis.returncode == 1
    assert "kann die MkDocs-Konfiguration nicht lesen" in ergebnis.stderr
    assert "Traceback" not in ergebnis.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_fehlende_seite_der_nav_meldet_deutsch(tmp_path):
    projekt = projektkopie(tmp_path / "projekt")
    (projekt / "mkdocs-kaputt.yml").write_text("INHERIT: mkdocs.yml\nnav:\n  - Fehlt: gibt-es-nicht.md\n",
                                              encoding="utf-8")
    ergebnis = baue_pdf(projekt / "mkdocs-kaputt.yml", "--out", str(tmp_path / "x.pdf"))
    assert ergebnis.returncode == 1
    assert "nennt keine Seite" in ergebnis.stderr and "Traceback" not in ergebnis.stderr
    assert not (tmp_path / "x.pdf").exists()


# --- The writing step, for any document ----------------------------------------------------------------------------

def test_schreibe_pdf_zeichnet_svg_text_und_listenpunkte(tmp_path):
    """schreiben.py frees parts of WeasyPrint's layout context that SVG images keep, and narrows its user-agent
    stylesheet: SVG text (the charts) is still drawn, list items keep their bullet, the PDF stays tagged."""
    from macros.ausgabe.druck.schreiben import schreibe_pdf

    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Probe</title></head><body>'
            '<ul><li>Erster Punkt</li><li>Zweiter Punkt</li></ul>'
            '<svg width="300" height="60" viewBox="0 0 300 60" role="img" aria-label="Probe">'
            '<title>Probe</title><text x="10" y="30" font-size="20">Diagrammbeschriftung</text></svg>'
            '</body></html>')
    ziel = tmp_path / "probe.pdf"
    assert schreibe_pdf(html, ziel, sprache="de") == 1
    text = pdftotext(ziel)
    assert "Diagrammbeschriftung" in text
    assert text.count("•") == 2, text
    with pikepdf.open(ziel) as dokument:
        assert "/StructTreeRoot" in dokument.Root
        assert str(dokument.Root.Lang) == "de"


def test_schreibe_pdf_fuer_eine_andere_sprache(tmp_path):
    """The same step for a short document in another language: /Lang of that language, right to left for
    Persian, and a document that claims another language than asked is refused."""
    from macros.ausgabe.druck.fehler import DruckFehler
    from macros.ausgabe.druck.schreiben import _mit_sprache, schreibe_pdf

    assert 'lang="fa" dir="rtl"' in _mit_sprache("<html><body></body></html>", "fa")
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kurzfassung</title></head><body>'
            '<h1>Kurzfassung</h1><p><a href="https://beispiel.invalid/" title="Die Website im Netz">'
            "https://beispiel.invalid/</a></p><p>Ein Satz <strong>mit</strong> <em>zwei</em> Auszeichnungen.</p>"
            "</body></html>")
    ziel = tmp_path / "kurz-fa.pdf"
    schreibe_pdf(html, ziel, sprache="fa")
    with pikepdf.open(ziel) as dokument:
        assert str(dokument.Root.Lang) == "fa"
    assert pruefung.pruefe(ziel) == []
    with pytest.raises(DruckFehler):
        schreibe_pdf('<html lang="de"><body></body></html>', tmp_path / "x.pdf", sprache="ar")


def test_andere_weasyprint_version_wird_abgelehnt(monkeypatch, tmp_path):
    import weasyprint

    from macros.ausgabe.druck.fehler import DruckFehler
    from macros.ausgabe.druck.schreiben import schreibe_pdf

    monkeypatch.setattr(weasyprint, "__version__", "71.0")
    with pytest.raises(DruckFehler, match="WeasyPrint 71.0"):
        schreibe_pdf("<html><body><p>x</p></body></html>", tmp_path / "x.pdf", sprache="de")
    assert not (tmp_path / "x.pdf").exists()


# --- In the browser ------------------------------------------------------------------------------------------------

@pytest.mark.browser
def test_pdf_link_liegt_in_einer_landmarke_laut_axe(browser, pdf_site):
    """axe's rule `region` (all content inside landmarks) on pages that show the PDF link."""
    from browser.fixtures import brauche_node_modules

    from macros.entwicklung.lokale_site import starte_server

    axe = brauche_node_modules()
    server = starte_server(pdf_site)
    seite = browser.new_page()
    try:
        for pfad in ("", "massnahmen/sp-01/"):
            seite.goto(server.url(pfad), wait_until="networkidle")
            assert seite.locator(".ik-pdf-link__a").count() >= 1, pfad
            seite.add_script_tag(path=str(axe))
            befund = seite.evaluate("() => axe.run(document, {runOnly: ['region', 'landmark-unique', "
                                    "'landmark-contentinfo-is-top-level']})")
            assert [v["id"] for v in befund["violations"]] == [], (pfad, befund["violations"])
    finally:
        seite.close()
        server.stop()
