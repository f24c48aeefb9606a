"""The translated pages of the built site: lang and dir, the switcher and hreflang on every page, every measure in
every language, and the note in the language when the German text changed after the translation."""

from __future__ import annotations

import html
import importlib.util
import json
import re
from pathlib import Path

import pytest
from hilfen import ROOT, ersetze_nach_kennung, mkdocs_build, projektkopie

from macros.darstellung import adressen
from macros.daten import uebersetzungen
from macros.daten.loader import lade_daten

HTML_TAG = re.compile(r"<html\b[^>]*>")
BODY_DIR = re.compile(r'<body\b[^>]*\bdir="([^"]*)"')


def seite(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_jede_sprache_hat_start_und_liste_mit_lang_und_dir(site, daten):
    assert len(daten.sprachen) >= 4 and {"ar", "fa"} <= {s.code for s in daten.sprachen if s.rechts_nach_links}
    for s in daten.sprachen:
        for url in (adressen.sprache_start(s.code), adressen.sprache_massnahmen(s.code)):
            text = seite(site, url)
            assert HTML_TAG.search(text).group(0) == f'<html lang="{s.code}" dir="{s.richtung}" class="no-js">', url
            assert BODY_DIR.search(text).group(1) == s.richtung, url
            texte = daten.uebersetzungen[s.code].texte
            # The line every translated page carries: a translation, the German text authoritative, not checked.
            assert html.escape(texte["hinweis"], quote=True) in text and \
                html.escape(texte["nicht_geprueft"], quote=True) in text, url
            assert f"<title>{texte['liste_titel'] if 'massnahmen' in url else texte['seitenname']}" in text, url


def test_deutsche_startseite_verlinkt_jede_sprache(site, daten):
    start = seite(site, "")
    for s in daten.sprachen:
        link = (f'<a href="{adressen.sprache_start(s.code)}" hreflang="{s.code}" lang="{s.code}" '
                f'dir="{s.richtung}">{html.escape(s.name)}</a>')
        assert link in start, link


SPRACHWAHL = re.compile(r'<div class="md-select__inner">.*?</ul>', re.S)
ALTERNATIV = re.compile(r'<a href="([^"]+)" rel="alternate" hreflang="([^"]+)"')


def test_sprachwahl_auf_jeder_seite_und_hreflang_nur_zwischen_gegenstuecken(site, daten, seiten):
    codes = ["de", *(s.code for s in daten.sprachen)]
    gegenstuecke = {"", adressen.MASSNAHMEN_ORDNER, *(adressen.sprache_start(c) for c in codes[1:]),
                    *(adressen.sprache_massnahmen(c) for c in codes[1:])}
    for pfad in seiten:
        text = (site / pfad / "index.html" if pfad.endswith("/") or not pfad else site / pfad).read_text("utf-8")
        wahl = SPRACHWAHL.search(text)
        assert wahl, pfad
        assert re.findall(r'hreflang="([^"]+)" lang="([^"]+)"', wahl.group(0)) == [(c, c) for c in codes], pfad
        alternativ = ALTERNATIV.findall(wahl.group(0))
        assert "<link rel=\"alternate\"" not in text, pfad  # Material would fetch a sitemap per language
        if pfad in gegenstuecke:
            eigene = re.search(r'<html lang="([^"]+)"', text).group(1)
            assert [c for _, c in alternativ] == [c for c in codes if c != eigene], pfad
        else:
            assert alternativ == [], pfad


def test_liste_jeder_sprache_hat_jede_massnahme(site, daten):
    for s in daten.sprachen:
        ue = daten.uebersetzungen[s.code]
        text = seite(site, adressen.sprache_massnahmen(s.code))
        zeilen = dict(re.findall(r'<tr id="([a-z0-9-]+)">(.*?)</tr>', text, re.S))
        assert list(zeilen) == [x.anker for x in daten.massnahmen], s.code
        for x in daten.massnahmen:
            zeile = zeilen[x.anker]
            assert f'<td class="ik-nr">{x.id}</td>' in zeile
            assert html.escape(ue.massnahmen[x.id].titel) in zeile
            assert html.escape(ue.status[x.status]) in zeile
            vorschlag = ('<span class="ik-beschluss ik-beschluss--vorschlag">'
                         f'{html.escape(ue.beschlussstand["vorschlag"])}')
            assert (vorschlag in zeile) == x.ist_vorschlag, (s.code, x.id)
            ziel = re.search(r'<a href="\.\./\.\./([^"]+)" hreflang="de">', zeile).group(1)
            assert ziel == adressen.massnahme(x.id) and (site / ziel / "index.html").is_file()
        assert "ik-veraltet" not in text, s.code  # the real translations are up to date


def test_offene_daten_tragen_uebersetzungen_und_frische(site, daten):
    dokument = json.loads((site / "daten" / "massnahmen.json").read_text(encoding="utf-8"))
    eintraege = {e["sprache"]: e for e in dokument["uebersetzungen"]}
    assert list(eintraege) == [s.code for s in daten.sprachen]
    for s in daten.sprachen:
        massnahmen = eintraege[s.code]["massnahmen"]
        assert [m["id"] for m in massnahmen] == list(daten.uebersetzungen[s.code].massnahmen)
        assert all(m["aktuell"] for m in massnahmen) and eintraege[s.code]["richtung"] == s.richtung


def test_suche_kennt_die_sprachen_die_lunr_kann(site, daten):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de", "en", "ar", "ru"]  # lunr-languages has no Ukrainian and no Persian
    orte = {e["location"].split("#")[0] for e in index["docs"]}
    for s in daten.sprachen:
        assert {adressen.sprache_start(s.code), adressen.sprache_massnahmen(s.code)} <= orte, s.code


# --- A German text changes after the translation ----------------------------------------------------------------

GEAENDERT = "SP-01"
OHNE = "ST-02"


@pytest.fixture(scope="module")
def veraltete_site(tmp_path_factory, daten) -> tuple[Path, Path]:
    """A copy whose SP-01 description and integrationslotsen.md changed after translation, and whose English
    translation of ST-02 is gone; built strictly."""
    projekt = projektkopie(tmp_path_factory.mktemp("veraltet") / "projekt")
    massnahmen = projekt / "data" / "measures.yaml"
    alt = "Beim Thema Sprache ist der Landkreis mit vielen Kooperationspartnern eng vernetzt."
    massnahmen.write_text(ersetze_nach_kennung(massnahmen.read_text(encoding="utf-8"), GEAENDERT, alt,
                                               alt.replace("vielen", "sehr vielen")), encoding="utf-8")
    lotsen = projekt / "docs" / "integrationslotsen.md"
    lotsen.write_text(lotsen.read_text(encoding="utf-8") + "\nEin neuer Satz.\n", encoding="utf-8")
    englisch = projekt / "data" / "uebersetzungen" / "en.yaml"
    text = englisch.read_text(encoding="utf-8")
    anfang = text.index(f"- id: {OHNE}\n")
    englisch.write_text(text[:anfang] + text[text.index("\n- id: ", anfang + 1) + 1:], encoding="utf-8")
    ziel = projekt.parent / "site"
    ergebnis = mkdocs_build(projekt, ziel)
    assert ergebnis.returncode == 0, ergebnis.stderr[-3000:]
    return projekt, ziel


def test_geaenderter_deutscher_text_zeigt_veraltete_uebersetzung_in_jeder_sprache(veraltete_site, daten):
    _, site = veraltete_site
    for s in daten.sprachen:
        texte = daten.uebersetzungen[s.code].texte
        liste = seite(site, adressen.sprache_massnahmen(s.code))
        zeilen = dict(re.findall(r'<tr id="([a-z0-9-]+)">(.*?)</tr>', liste, re.S))
        marke = f'<span class="ik-veraltet-marke">{html.escape(texte["veraltet_marke"])}</span>'
        assert [k for k, z in zeilen.items() if marke in z] == [GEAENDERT.lower()], s.code
        assert html.escape(texte["veraltet_liste"]) in liste, s.code
        assert 'href="../../massnahmen/sp-01/" hreflang="de"' in zeilen[GEAENDERT.lower()]
        start = seite(site, adressen.sprache_start(s.code))
        assert html.escape(texte["veraltet"]) in start, s.code
        assert re.search(r'<div class="admonition warning ik-veraltet".*?href="\.\./integrationslotsen/" '
                         r'hreflang="de">', start, re.S), s.code


def test_massnahme_ohne_uebersetzung_zeigt_den_deutschen_titel(veraltete_site, daten):
    _, site = veraltete_site
    x = daten.massnahme(OHNE)
    englisch = seite(site, adressen.sprache_massnahmen("en"))
    zeile = re.search(rf'<tr id="{x.anker}">(.*?)</tr>', englisch, re.S).group(1)
    assert f'<strong lang="de">{html.escape(x.titel)}</strong>' in zeile
    assert html.escape(daten.uebersetzungen["en"].texte["ohne_uebersetzung"]) in zeile
    arabisch = seite(site, adressen.sprache_massnahmen("ar"))
    assert html.escape(daten.uebersetzungen["ar"].massnahmen[OHNE].titel) in arabisch


def test_make_check_warnt_und_nennt_den_neuen_fingerabdruck(veraltete_site, daten, capsys):
    projekt, _ = veraltete_site
    spec = importlib.util.spec_from_file_location("check_skript", ROOT / "scripts" / "check.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    assert modul.main([str(projekt / "data")]) == 0
    ausgabe = capsys.readouterr().out
    neu = uebersetzungen.grundlage_der_massnahme(lade_daten(projekt / "data").massnahme(GEAENDERT))
    for s in daten.sprachen:
        assert f"data/uebersetzungen/{s.code}.yaml:" in ausgabe
    assert ausgabe.count(f"Maßnahme {GEAENDERT}: Feld „grundlage“") == len(daten.sprachen)
    assert ausgabe.count("Startseite, deutsche Seite integrationslotsen.md") == len(daten.sprachen)
    assert ausgabe.count(f"„{neu}“ eintragen") == len(daten.sprachen)
