"""Unit tests of the render functions and escaping, and of splitting long lists over several pages."""

from __future__ import annotations

import dataclasses
import html
import re
from html.parser import HTMLParser

import markdown
import pytest

from macros.darstellung import escape, render, seitenteilung
from macros.darstellung.seiten import SCHALE, erzeugte_seiten
from macros.daten.loader import lade_daten
from macros.daten.model import Link
from macros.entwicklung.synthetische_daten import schreibe

FEINDLICH = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\" onmouseover=\"alert(1)\" x=\"",
    "' onfocus='alert(1)",
    "a | b || c",
    "Zeile eins\nZeile zwei\n\nAbsatz",
    "**fett** _kursiv_ `code` [Link](javascript:alert(1)) ![Bild](x.png) # Titel",
    "{{ 7 * 7 }} {% if true %}ja{% endif %} {# k #}",
    "Ärztin & Söhne – „Zitat“ 😀 \\ Backslash",
    "&amp; &lt;b&gt; &#60;script&#62;",
]


class Sammler(HTMLParser):
    """Collects text, attribute values and tags of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.attribute, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attribute.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def zerlege(fragment: str) -> Sammler:
    sammler = Sammler()
    sammler.feed(fragment)
    sammler.close()
    return sammler


@pytest.mark.parametrize("text", FEINDLICH)
def test_html_escape_ergibt_genau_den_text(text):
    zerlegt = zerlege(f"<p>{escape.html(text)}</p>")
    assert "".join(zerlegt.text) == text and zerlegt.tags == ["p"]


@pytest.mark.parametrize("text", FEINDLICH)
def test_attribut_escape_bleibt_im_attribut(text):
    zerlegt = zerlege(f'<div aria-label="{escape.html(text)}" title=\'{escape.html(text)}\'>x</div>')
    assert zerlegt.attribute == [("aria-label", text), ("title", text)] and zerlegt.tags == ["div"]


@pytest.mark.parametrize("text", FEINDLICH)
def test_commonmark_tabellenzelle(text):
    """md_zelle (GitHub summaries): one line; every pipe and markup character behind a backslash."""
    zelle = escape.md_zelle(text)
    assert "\n" not in zelle
    assert not re.search(r"(?<!\\)[|<>*_`\[\]]", zelle.replace("\\\\", "")), zelle


@pytest.mark.parametrize("text", FEINDLICH)
def test_markdown_tabellenzelle_haelt_die_tabelle_heil(text):
    """md_text in a table cell that MkDocs (Python-Markdown with tables) renders."""
    quelle = f"| A | B |\n|---|---|\n| {escape.md_text(text)} | zweite |\n"
    ergebnis = markdown.markdown(quelle, extensions=["tables"])
    zellen = re.findall(r"<td>(.*?)</td>", ergebnis, re.S)
    assert len(zellen) == 2 and zellen[1] == "zweite", ergebnis
    assert html.unescape(zellen[0]) == " ".join(text.split()), ergebnis
    assert "<script" not in ergebnis and "<img" not in ergebnis and "<a " not in ergebnis and "<strong>" not in ergebnis


@pytest.mark.parametrize("text", FEINDLICH)
def test_markdown_text_in_ueberschrift_und_absatz(text):
    # The extensions of mkdocs.yml (tables makes \\| an escape).
    ergebnis = markdown.markdown(f"# {escape.md_text(text)}\n\nDavor {escape.md_text(text)} danach.\n",
                                 extensions=["tables", "attr_list", "md_in_html", "admonition", "def_list"])
    ueberschrift = re.search(r"<h1>(.*?)</h1>", ergebnis, re.S).group(1)
    assert html.unescape(ueberschrift) == " ".join(text.split()), ergebnis
    for verboten in ("<script", "<img", "<a ", "<strong>", "<em>", "<code>", "<h2"):
        assert verboten not in ergebnis, (verboten, ergebnis)


def test_markdown_ansicht_escapt_texte_und_verschachtelte_records(daten):
    bos = dataclasses.replace(daten.konzept, titel="<b>T</b> *x*", lizenz=dataclasses.replace(
        daten.konzept.lizenz, name="[L](javascript:1)"))
    ansicht = escape.MarkdownAnsicht(bos)
    assert ansicht.titel == "&lt;b&gt;T&lt;/b&gt; \\*x\\*"
    assert ansicht.lizenz.name == "\\[L\\]\\(javascript:1\\)"
    assert ansicht.lizenz.url == daten.konzept.lizenz.url  # an https address stays usable as a link


@pytest.mark.parametrize("url, erwartet", [
    ("https://www.landkreis-rostock.de/", "https://www.landkreis-rostock.de/"),
    ("http://example.org/a?b=1&c=2", "http://example.org/a?b=1&c=2"),
    ("mailto:integration@lkros.de", "mailto:integration@lkros.de"),
    (" https://x.de ", "https://x.de"),
    ("HTTPS://X.DE", "HTTPS://X.DE"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    (" javascript:alert(1)", None),
    ("java\nscript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox", None),
    ("//evil.example/x", None),
    ("ftp://x.de", None),
    ("https://x.de/ a", None),
    ("https://x.de/\x00", None),
    ("", None),
    (None, None),
])
def test_nur_http_https_mailto(url, erwartet):
    assert escape.sichere_url(url) == erwartet


def massnahme_mit(daten, **felder):
    return dataclasses.replace(daten.massnahmen[0], **felder)


@pytest.mark.parametrize("text", FEINDLICH)
def test_karte_zeigt_datentext_als_text(daten, text):
    m = massnahme_mit(daten, titel=text, ziel=text, zielgruppe=(text,), indikatoren=(text,),
                      links=(Link(titel=text, url="https://example.org/"),))
    karte = render.massnahme_karte(daten, m, "../")
    zerlegt = zerlege(karte)
    sichtbar = "".join(zerlegt.text)
    einzeilig = " ".join(text.split())
    assert text in sichtbar or einzeilig in " ".join(sichtbar.split())
    assert "script" not in zerlegt.tags and "img" not in zerlegt.tags
    assert all(not name.startswith("on") for name, _ in zerlegt.attribute)
    assert "{{" not in text or "{{ 7 * 7 }}" in sichtbar  # Jinja in data stays text, never 49


def test_karte_verlinkt_nur_sichere_adressen(daten):
    links = (Link("gut", "https://example.org/"), Link("böse", "javascript:alert(1)"), Link("Mail", "mailto:a@b.de"),
             Link("Daten", "data:text/html,x"))
    karte = render.massnahme_karte(daten, massnahme_mit(daten, links=links), "../")
    hrefs = [wert for name, wert in zerlege(karte).attribute if name == "href"]
    assert "https://example.org/" in hrefs and "mailto:a@b.de" in hrefs
    assert not any(h.startswith(("javascript", "data")) for h in hrefs)
    assert "böse" in karte  # the title stays, as text without a link


def test_tabelle_escapt_beschriftung_im_attribut(daten):
    beschriftung = '" onmouseover="alert(1)'
    tabelle = render.massnahmen_tabelle(daten, daten.massnahmen[:2], "", beschriftung)
    zerlegt = zerlege(tabelle)
    assert ("aria-label", beschriftung) in zerlegt.attribute
    assert not any(name == "onmouseover" for name, _ in zerlegt.attribute)


def test_blaettern_markiert_die_aktuelle_seite():
    leiste = render.blaettern(2, 3, 250, 100, lambda n: f"seite-{n}/", "Seiten (oben)")
    zerlegt = zerlege(leiste)
    assert ("aria-label", "Seiten (oben)") in zerlegt.attribute and ("aria-current", "page") in zerlegt.attribute
    assert "Seite 2 von 3: Einträge 101 bis 200 von 250" in leiste
    assert [w for n, w in zerlegt.attribute if n == "href"] == ["seite-1/", "seite-2/", "seite-3/"]


def test_seitenteilung():
    liste = tuple(range(250))
    assert seitenteilung.seitenzahl(0, 100) == 1 and seitenteilung.seitenzahl(100, 100) == 1
    assert seitenteilung.seitenzahl(101, 100) == 2
    teile = [seitenteilung.ausschnitt(liste, n, 100) for n in (1, 2, 3)]
    assert sum(teile, ()) == liste and len(teile[2]) == 50
    with pytest.raises(ValueError):
        seitenteilung.ausschnitt(liste, 4, 100)
    assert seitenteilung.unterseite("handlungsfelder/sprache/", 1) == "handlungsfelder/sprache/"
    assert seitenteilung.unterseite("handlungsfelder/sprache/", 3) == "handlungsfelder/sprache/seite-3/"


@pytest.mark.parametrize("titel", FEINDLICH)
def test_sicherer_titel(titel):
    sauber = seitenteilung.sicherer_titel(titel)
    assert not set(sauber) & set("<>{}[]|*_`#\"'&!\n\\%"), sauber


def test_erzeugte_seiten_bei_langen_listen(tmp_path):
    daten = lade_daten(schreibe(650, tmp_path / "data"))
    vorhandene = {f.seite for f in daten.handlungsfelder} | {seitenteilung.UEBERSICHT}
    seiten = erzeugte_seiten(daten, vorhandene, einzeln=True)
    assert sum(p.startswith("massnahmen/") and p.count("/") == 1 and "seite-" not in p for p in seiten) == 650
    # Built with the shell: one page stands for all 650, the further pages of the lists are the same.
    mit_schale = erzeugte_seiten(daten, vorhandene)
    assert [p for p in mit_schale if p.startswith("massnahmen/") and "seite-" not in p] == [SCHALE]
    assert {p for p in mit_schale if "seite-" in p} == {p for p in seiten if "seite-" in p}
    for feld in daten.handlungsfelder:
        anzahl = seitenteilung.seitenzahl(len(daten.massnahmen_im_feld(feld.id)), seitenteilung.KARTEN_JE_SEITE)
        folgeseiten = [p for p in seiten if p.startswith(render.seiten_url(feld.seite) + "seite-")]
        assert len(folgeseiten) == anzahl - 1
    assert "massnahmen/seite-2.md" in seiten and "alle_massnahmen(seite=2)" in seiten["massnahmen/seite-2.md"]
    karte = seiten[f"massnahmen/{daten.massnahmen[0].anker}.md"]
    assert "render_macros: false" in karte and "{{" not in karte.split("---", 2)[2]


def test_lange_kapitel_werden_auf_seiten_verteilt(grosser_katalog):
    """A real build with over 1,000 measures: every measure once on its chapter's pages, no page grows with the
    list."""
    projekt, _, site = grosser_katalog
    daten = lade_daten(projekt / "data")
    assert all(len(daten.massnahmen_im_feld(f.id)) > 2 * seitenteilung.KARTEN_JE_SEITE for f in daten.handlungsfelder
               if (site / render.seiten_url(f.seite) / "index.html").exists())
    for feld in daten.handlungsfelder:
        if not (site / render.seiten_url(feld.seite) / "index.html").exists():
            continue  # a field without a chapter page of its own
        verzeichnis = site / render.seiten_url(feld.seite)
        seiten = [verzeichnis / "index.html", *sorted(verzeichnis.glob("seite-*/index.html"))]
        gefunden: list[str] = []
        for seite in seiten:
            text = seite.read_text(encoding="utf-8")
            gefunden += re.findall(r'<article class="ik-karte[^"]*" id="([a-z0-9-]+)"', text)
            assert text.count('<article class="ik-karte') <= seitenteilung.KARTEN_JE_SEITE
            if len(seiten) > 1:
                assert 'aria-current="page"' in text and "ik-blaettern" in text
        assert sorted(gefunden) == sorted(m.anker for m in daten.massnahmen_im_feld(feld.id)), feld.id
    groesste = max(p.stat().st_size for p in site.rglob("*.html"))
    assert groesste < 2 * 1024 * 1024
    folgeseite = (site / "massnahmen" / "seite-2" / "index.html").read_text(encoding="utf-8")
    assert 'class="ik-seitenstand"' in folgeseite  # further overview pages say when they last changed, too


def test_suchindex_bleibt_bei_grossen_katalogen_klein(daten):
    """Above SUCHE_VOLL_BIS measures the index takes only each measure page's heading, no chapter card."""
    assert seitenteilung.suche_fuer(seitenteilung.SUCHE_VOLL_BIS, eigene_seite=True) == "voll"
    assert seitenteilung.suche_fuer(seitenteilung.SUCHE_VOLL_BIS + 1, eigene_seite=True) == "titel"
    assert seitenteilung.suche_fuer(seitenteilung.SUCHE_VOLL_BIS + 1, eigene_seite=False) == "aus"
    m = daten.massnahmen[0]
    voll = render.massnahme_karte(daten, m, "../", ebene=1, suche="voll")
    assert "data-search-exclude" not in voll
    titel = render.massnahme_karte(daten, m, "../", ebene=1, suche="titel")
    assert re.search(r"<h1[^>]*>", titel) and "data-search-exclude" not in re.search(r"<h1[^>]*>", titel).group(0)
    assert re.search(r'<dl class="ik-felder" data-search-exclude>', titel)
    assert all("data-search-exclude" in p for p in re.findall(r"<p[ >][^>]*>", titel))
    aus = render.massnahme_karte(daten, m, "../", suche="aus")
    assert re.match(r'<article [^>]*data-search-exclude>', aus)
