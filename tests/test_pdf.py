"""The PDF edition, really built with WeasyPrint and read back with pypdf, pikepdf and poppler's tools."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pikepdf
import pytest
from conftest import ROOT, mkdocs_build, projektkopie
from pypdf import PdfReader

from macros.ausgabe.druck.dokument import UEBERBLICK, status_text
from macros.ausgabe.druck.navigation import kapitel_liste
from macros.darstellung.render import seiten_url
from macros.daten import begriffe
from macros.daten.loader import lade_daten
from macros.entwicklung.synthetische_daten import echte_anzahl, schreibe

pytestmark = pytest.mark.pdf

# The headers of a chapter's table of measures; the overview of all measures has these and more.
SPALTEN = tuple(begriffe.SPALTEN[s] for s in begriffe.KAPITEL_SPALTEN)


def spalten(site: Path) -> list[str]:
    """The header cells of the site's table of all measures, as the site shows them."""
    html = (site / "massnahmen" / "index.html").read_text(encoding="utf-8")
    tabelle = re.search(r'<table class="[^"]*ik-massnahmen.*?</thead>', html, re.S).group(0)
    kopf = [flach(re.sub(r"<[^>]+>", "", zelle)) for zelle in re.findall(r"<th[^>]*>(.*?)</th>", tabelle, re.S)]
    assert set(SPALTEN) <= set(kopf), kopf
    return kopf
LEER = re.compile(r"\s+")


def werkzeug(name: str) -> str:
    """A poppler tool, or a failing test that says how to install it (never a silent skip)."""
    pfad = shutil.which(name)
    if pfad is None:
        pytest.fail(f"{name} fehlt: bitte poppler-utils installieren (apt-get install poppler-utils; .ci/run tut das).")
    return pfad


def baue_pdf(site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--site-dir", str(site), *extra],
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def pdf_site(site, tmp_path_factory) -> Path:
    """A copy of the session's site with the PDF built into it (as `make build` does)."""
    kopie = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(site, kopie)
    ergebnis = baue_pdf(kopie)
    assert ergebnis.returncode == 0, ergebnis.stderr
    return kopie


@pytest.fixture(scope="session")
def pdf(pdf_site, daten) -> Path:
    return pdf_site / daten.konzept.pdf_datei


@pytest.fixture(scope="session")
def seiten(pdf) -> list[str]:
    """The text of every page (pdftotext), index 0 = page 1."""
    werkzeug("pdftotext")
    anzahl = len(PdfReader(pdf).pages)
    return [pdftotext(pdf, nummer) for nummer in range(1, anzahl + 1)]


def pdftotext(pdf: Path, seite: int | None = None, *optionen: str) -> str:
    bereich = ["-f", str(seite), "-l", str(seite)] if seite else []
    return subprocess.run([werkzeug("pdftotext"), *optionen, *bereich, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


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
    for erwartet in (k.titel, k.herausgeber, k.fassung, status_text(k)):
        assert flach(erwartet) in deckblatt, erwartet
    tag = k.stand.split("-")
    assert f"{tag[2]}.{tag[1]}.{tag[0]}" in deckblatt
    assert "Seite 1 von" not in deckblatt


def test_keine_web_bedienelemente(seiten):
    text = "\n".join(seiten)
    for web in ("Seite editieren", "Zurück zum Seitenanfang", "Link zu diesem Abschnitt", "¶", "Material for MkDocs",
                "Als PDF herunterladen", "Zurück:", "Weiter:"):
        assert web not in text, web


def test_externe_links_als_adresse(pdf_site, seiten):
    """Every web address a chapter links to is printed (line breaks inside an address allowed)."""
    text = ohne_umbruch("\n".join(seiten))
    gefunden = 0
    for kapitel in kapitel_liste(ROOT / "mkdocs.yml"):
        html = (pdf_site / seiten_url(kapitel.pfad) / "index.html").read_text(encoding="utf-8")
        artikel = html[html.index('<article class="md-content__inner'):html.rindex("</article>")]
        for adresse in re.findall(r'<a [^>]*href="(https?://[^"]+)"', artikel):
            if "/edit/" in adresse:
                continue  # the edit button is web chrome
            gefunden += 1
            assert ohne_umbruch(adresse.replace("&amp;", "&").rstrip("/")) in text, adresse
    assert gefunden > 0


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

    for datei in sorted((ROOT / "macros" / "ausgabe" / "druck" / "schriften").glob("*.ttf")):
        zeichen = TTFont(datei).getBestCmap()
        fehlend = [z for z in "ÄÖÜäöüßẞ„“‚‘–—…€§" if ord(z) not in zeichen]
        assert not fehlend, (datei.name, fehlend)


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


@pytest.fixture(scope="session")
def grosses_pdf(tmp_path_factory) -> Path:
    """A PDF from the real data plus 60 synthetic measures: the measures table runs over several pages."""
    basis = tmp_path_factory.mktemp("pdf-gross")
    projekt = projektkopie(basis / "projekt")
    shutil.rmtree(projekt / "data")
    schreibe(echte_anzahl() + 60, projekt / "data", mit_echten=True)
    ergebnis = mkdocs_build(projekt, basis / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    ziel = basis / "gross.pdf"
    ergebnis = baue_pdf(basis / "site", "--out", str(ziel), "--data-dir", str(projekt / "data"),
                        "--config", str(projekt / "mkdocs.yml"))
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ziel


def test_kopfzeile_der_tabelle_wiederholt_sich(grosses_pdf, tmp_path):
    daten = lade_daten(grosses_pdf.parent / "projekt" / "data")
    anzahl = len(PdfReader(grosses_pdf).pages)
    seiten = [pdftotext(grosses_pdf, n) for n in range(1, anzahl + 1)]
    tabellen = tabellen_seiten(grosses_pdf, seiten, "Alle Maßnahmen")
    gesehen: list[str] = []
    kopf = spalten(grosses_pdf.parent / "site")
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


# --- The site's link to the PDF --------------------------------------------------------------------------------------

def test_website_verlinkt_das_pdf_mit_groesse(pdf_site, pdf):
    from macros.ausgabe.druck.weblink import groesse_de

    groesse = groesse_de(pdf.stat().st_size)
    for seite in ("index.html", "handlungsfelder/sprache/index.html", "massnahmen/sp-01/index.html"):
        html = (pdf_site / seite).read_text(encoding="utf-8")
        links = re.findall(r'<a class="ik-pdf-link__a"[^>]* href="([^"]+)"[^>]*>Als PDF herunterladen '
                           r'<span data-ik-pdf-groesse>\(PDF, ([^)]+)\)</span>', html)
        assert links, seite
        for href, angabe in links:
            # The link leads to the file that exists, from wherever the page is.
            assert urljoin(f"https://x.invalid/{seite}", href) == f"https://x.invalid/{pdf.name}", (seite, href)
            assert angabe == groesse, seite
        assert " data-ik-pdf hidden" not in html, seite
    start = (pdf_site / "index.html").read_text(encoding="utf-8")
    assert "ik-pdf-link--start" in start


def test_ohne_pdf_kein_toter_link(site):
    """`mkdocs build` alone (and `make serve`): the link is hidden and has no href."""
    html = (site / "index.html").read_text(encoding="utf-8")
    assert html.count("data-ik-pdf hidden") == 2
    assert ".pdf" not in html


def test_fehlende_seite_meldet_deutsch(tmp_path):
    (tmp_path / "site").mkdir()
    ergebnis = baue_pdf(tmp_path / "site", "--out", str(tmp_path / "x.pdf"))
    assert ergebnis.returncode == 1
    assert "fehlt im gebauten Auftritt" in ergebnis.stderr
    assert "Traceback" not in ergebnis.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_ohne_karten_jede_massnahme_als_tabellenzeile(site, daten, tmp_path):
    """`--karten keine` (automatic beyond 300 measures): each measure once, as its row, and the chapters say so."""
    ziel = tmp_path / "kompakt.pdf"
    ergebnis = baue_pdf(site, "--out", str(ziel), "--karten", "keine")
    assert ergebnis.returncode == 0, ergebnis.stderr
    anzahl = len(PdfReader(ziel).pages)
    seiten = [pdftotext(ziel, n) for n in range(1, anzahl + 1)]
    text = ohne_umbruch("\n".join(seiten))
    for massnahme in daten.massnahmen:
        assert ohne_umbruch(massnahme.titel) in text, massnahme.id
    tabelle = tabellen_seiten(ziel, seiten, "Alle Maßnahmen")
    zeilen = [i for n in tabelle for i in re.findall(r"^([A-Z]{2}-\d+)$", seiten[n - 1], re.M)]
    assert sorted(zeilen) == sorted(m.id for m in daten.massnahmen)
    alles = flach("\n".join(seiten))
    assert "Im Netz:" not in alles  # no card was printed
    for feld in daten.handlungsfelder:
        if daten.massnahmen_im_feld(feld.id):
            assert "in dieser Druckfassung nur als Zeile der Tabelle" in alles


def test_weblink_nachtragen_ist_wiederholbar(tmp_path):
    """A new PDF updates href and size again; pages without the partial stay untouched."""
    from macros.ausgabe.druck.weblink import trage_pdf_ein

    (tmp_path / "a").mkdir()
    seite = tmp_path / "a" / "index.html"
    seite.write_text('<div class="ik-pdf-link ik-nur-web" data-ik-pdf hidden><a class="ik-pdf-link__a" '
                     'data-ik-pdf-href="../">Als PDF herunterladen <span data-ik-pdf-groesse>(PDF)</span></a></div>',
                     encoding="utf-8")
    (tmp_path / "andere.html").write_text("<p>ohne Link</p>", encoding="utf-8")
    pdf = tmp_path / "k.pdf"
    pdf.write_bytes(b"x" * 2048)
    assert trage_pdf_ein(tmp_path, pdf) == 1
    pdf.write_bytes(b"x" * 3 * 1024 * 1024)
    assert trage_pdf_ein(tmp_path, pdf) == 1
    html = seite.read_text(encoding="utf-8")
    assert 'data-ik-pdf-href="../" href="../k.pdf"' in html
    assert "(PDF, 3,0 MB)" in html and "hidden" not in html
    assert trage_pdf_ein(tmp_path, pdf) == 0
    assert trage_pdf_ein(tmp_path, tmp_path.parent / "woanders.pdf") == 0


def test_schlanker_satz_zeichnet_svg_text_und_listenpunkte(tmp_path):
    """scripts/druck/schreiben.py frees parts of WeasyPrint's layout context that SVG images keep, and narrows its
    user-agent stylesheet: SVG text (the charts) is still drawn, list items keep their bullet, the PDF stays tagged."""
    from macros.ausgabe.druck.schreiben import schreibe_pdf

    html = ('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Probe</title></head><body>'
            '<ul><li>Erster Punkt</li><li>Zweiter Punkt</li></ul>'
            '<svg width="300" height="60" viewBox="0 0 300 60" role="img" aria-label="Probe">'
            '<title>Probe</title><text x="10" y="30" font-size="20">Diagrammbeschriftung</text></svg>'
            '</body></html>')
    ziel = tmp_path / "probe.pdf"
    assert schreibe_pdf(html, ziel, basis=tmp_path) == 1
    text = pdftotext(ziel)
    assert "Diagrammbeschriftung" in text
    assert text.count("•") == 2, text
    with pikepdf.open(ziel) as dokument:
        assert "/StructTreeRoot" in dokument.Root


def test_folgeseiten_der_website_stehen_im_pdf(tmp_path):
    """Beyond 200 rows the site splits the table of all measures over pages (…/seite-2/); the PDF has every row,
    once, and no page navigation."""
    from macros.darstellung.seitenteilung import ZEILEN_JE_SEITE

    projekt = projektkopie(tmp_path / "projekt")
    shutil.rmtree(projekt / "data")
    schreibe(echte_anzahl() + ZEILEN_JE_SEITE + 20, projekt / "data", mit_echten=True)
    ergebnis = mkdocs_build(projekt, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert (tmp_path / "site" / "massnahmen" / "seite-2" / "index.html").is_file()
    ziel = tmp_path / "folge.pdf"
    ergebnis = baue_pdf(tmp_path / "site", "--out", str(ziel), "--data-dir", str(projekt / "data"),
                        "--config", str(projekt / "mkdocs.yml"), "--karten", "keine")
    assert ergebnis.returncode == 0, ergebnis.stderr
    daten = lade_daten(projekt / "data")
    assert len(daten.massnahmen) > ZEILEN_JE_SEITE
    text = pdftotext(ziel)
    assert sorted(re.findall(r"^([A-Z]{2}-\d+)$", text, re.M)) == sorted(m.id for m in daten.massnahmen)
    assert "Einträge 1 bis" not in text
