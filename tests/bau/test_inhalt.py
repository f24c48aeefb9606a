"""The content against its data: sources, proposals marked, figures from data, chapter form, Leichte Sprache."""

from __future__ import annotations

import html as html_modul
import re

import yaml
from hilfen import ROOT

from macros.darstellung.datum import datum_de
from macros.darstellung.render import seiten_url, zahl_de

DOCS = ROOT / "docs"
VORSCHLAG = "Vorschlag – nicht beschlossen"

# Pages in the nav that are not chapters of the concept: drafts for the administration, owned elsewhere.
KEINE_KAPITEL = {"mitwirken.md", "impressum.md", "datenschutz.md", "barrierefreiheit.md", "massnahmen/index.md"}


class _NavLader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its !!python tags."""


_NavLader.add_multi_constructor("", lambda lader, tag, knoten: None)


def seite(site, docs_pfad: str) -> str:
    return (site / seiten_url(docs_pfad) / "index.html").read_text(encoding="utf-8")


def artikel(html: str) -> str:
    """The page's main content, without navigation, header and footer."""
    treffer = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>\s*</div>', html, re.S)
    assert treffer, "Kein Hauptinhalt (article.md-content__inner) gefunden"
    return treffer.group(1)


def nur_text(html: str) -> str:
    return html_modul.unescape(re.sub(r"<[^>]+>", " ", html))


def ohne_makros(markdown: str) -> str:
    """Markdown prose without Jinja expressions and blocks (their output comes from data)."""
    return re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", markdown, flags=re.S)


def nav_seiten(eintrag) -> list[str]:
    if isinstance(eintrag, str):
        return [eintrag] if eintrag.endswith(".md") else []
    if isinstance(eintrag, list):
        return [s for teil in eintrag for s in nav_seiten(teil)]
    if isinstance(eintrag, dict):
        return [s for wert in eintrag.values() for s in nav_seiten(wert)]
    return []


def kapitel() -> list[str]:
    konfiguration = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_NavLader)
    return [s for s in nav_seiten(konfiguration["nav"]) if s not in KEINE_KAPITEL]


def abkuerzungen() -> dict[str, str]:
    text = (DOCS / "includes" / "abkuerzungen.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$", text, re.M))


def saetze(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if re.search(r"\w", s)]


# --- Sources -----------------------------------------------------------------------------------------------

def test_jede_massnahme_nennt_eine_vorhandene_quelle(daten):
    for massnahme in daten.massnahmen:
        assert massnahme.quelle, f"{massnahme.id} hat keine Quelle"
        for kennung in massnahme.quelle:
            assert kennung in daten.quellen, f"{massnahme.id}: Quelle „{kennung}“ fehlt in quellen.yaml"
        for eintrag in massnahme.verlauf:
            assert set(eintrag.quelle) <= set(daten.quellen), f"{massnahme.id}: Verlauf {eintrag.datum}"


def test_vorschlaege_stuetzen_sich_auf_keine_erfundene_quelle(daten):
    """A proposal cites the editorial proposal source and is only planned; a cited proposal is never 'decided'."""
    vorschlagsquellen = {q.id for q in daten.quellen.values() if q.art == "vorschlag"}
    assert vorschlagsquellen, "quellen.yaml hat keine Quelle der Art „vorschlag“"
    for eintrag in (*daten.massnahmen, *daten.ziele):
        nennt_vorschlag = bool(set(eintrag.quelle) & vorschlagsquellen)
        assert nennt_vorschlag == (eintrag.beschlussstand == "vorschlag"), eintrag.id
    for massnahme in daten.massnahmen:
        if massnahme.ist_vorschlag:
            assert massnahme.status == "geplant", f"{massnahme.id}: ein Vorschlag ist noch nicht begonnen"


# --- Proposals are labelled where they are shown ------------------------------------------------------------

def test_jeder_massnahmen_vorschlag_ist_auf_seinem_kapitel_gekennzeichnet(site, daten):
    for feld in daten.handlungsfelder:
        html = seite(site, feld.seite)
        for massnahme in daten.massnahmen_im_feld(feld.id):
            karte = re.search(rf'<article class="ik-karte[^"]*" id="{massnahme.anker}".*?</article>', html, re.S)
            assert karte, f"Karte {massnahme.id} fehlt auf {feld.seite}"
            assert (VORSCHLAG in karte.group(0)) == massnahme.ist_vorschlag, massnahme.id


def test_jedes_ziel_als_vorschlag_ist_gekennzeichnet(site, daten):
    assert any(z.ebene == "handlungsziel" for z in daten.ziele), "ziele.yaml hat keine Handlungsziele"
    for ziel in daten.ziele:
        html = seite(site, daten.handlungsfeld(ziel.handlungsfeld).seite)
        eintrag = re.search(rf'<li id="ziel-{re.escape(ziel.id)}">(.*?)</li>', html, re.S)
        assert eintrag, f"Ziel {ziel.id} fehlt auf seiner Seite"
        assert (VORSCHLAG in eintrag.group(1)) == (ziel.beschlussstand == "vorschlag"), ziel.id


def test_jedes_handlungsfeld_hat_leitziel_und_handlungsziele(daten):
    for feld in daten.handlungsfelder:
        ebenen = [z.ebene for z in daten.ziele_im_feld(feld.id)]
        assert ebenen.count("leitziel") == 1, feld.id
        assert ebenen.count("handlungsziel") >= 2, feld.id


def test_jedes_handlungsfeld_hat_mindestens_drei_massnahmen(daten):
    for feld in daten.handlungsfelder:
        if feld.art == "handlungsfeld":
            assert len(daten.massnahmen_im_feld(feld.id)) >= 3, feld.id


# --- Figures come from data ----------------------------------------------------------------------------------

def angezeigter_wert(kennzahl) -> str:
    return ("etwa " if kennzahl.genauigkeit == "etwa" else "") + f"{zahl_de(kennzahl.wert)} {kennzahl.einheit}"


def test_ausgangslage_zeigt_jede_kennzahl_aus_den_daten(site, daten):
    html = artikel(seite(site, "ausgangslage.md"))
    for kennzahl in daten.kennzahlen:
        zeile = re.search(rf'<tr id="kennzahl-{kennzahl.id}" data-kennzahl="{kennzahl.id}">(.*?)</tr>', html, re.S)
        assert zeile, f"Kennzahl {kennzahl.id} fehlt auf der Ausgangslage"
        assert angezeigter_wert(kennzahl) in nur_text(zeile.group(1)), kennzahl.id
        assert datum_de(kennzahl.stichtag) in nur_text(zeile.group(1)), kennzahl.id


def test_zahlen_im_fliesstext_der_ausgangslage_kommen_aus_den_daten(site, daten):
    html = artikel(seite(site, "ausgangslage.md"))
    for wert in re.findall(r'<span class="ik-kennzahl" data-kennzahl="([^"]+)">([^<]+)</span>', html):
        kennzahl = next(k for k in daten.kennzahlen if k.id == wert[0])
        assert html_modul.unescape(wert[1]) == angezeigter_wert(kennzahl), wert
    prosa = ohne_makros((DOCS / "ausgangslage.md").read_text(encoding="utf-8"))
    getippt = re.findall(r"\d+", prosa)
    assert not getippt, f"Zahlen von Hand in docs/ausgangslage.md: {getippt} (bitte über kennzahl()/stichtag())"


def test_integrationslotsen_mit_beiden_stichtagen(site, daten):
    html = artikel(seite(site, "integrationslotsen.md"))
    for kennung in ("lotsen-2017", "lotsen-2018"):
        kennzahl = next(k for k in daten.kennzahlen if k.id == kennung)
        assert f'data-kennzahl="{kennung}">{angezeigter_wert(kennzahl)}<' in html, kennung
        assert datum_de(kennzahl.stichtag) in nur_text(html), kennung


# --- Form of every chapter ----------------------------------------------------------------------------------

def test_kapitelliste_ist_vollstaendig():
    liste = kapitel()
    for erwartet in ("index.md", "ausgangslage.md", "leitlinien.md", "handlungsfelder/bildung.md",
                     "leichte-sprache.md", "begriffe.md", "umsetzung.md", "integrationslotsen.md"):
        assert erwartet in liste


def test_jedes_kapitel_beginnt_mit_kurz_gesagt_und_zeigt_den_stand(site, daten):
    datum = daten.konzept.stand
    stand = f'<p class="ik-stand">Stand: <time datetime="{datum}">{datum_de(datum)}</time></p>'
    for docs_pfad in kapitel():
        inhalt = artikel(seite(site, docs_pfad))
        kasten = re.search(r'<div class="admonition abstract">\s*'
                           r'<p class="admonition-title">Kurz gesagt</p>(.*?)</div>', inhalt, re.S)
        assert kasten, f"{docs_pfad}: kein Kasten „Kurz gesagt“"
        erste_h2 = inhalt.find("<h2")
        assert erste_h2 == -1 or kasten.start() < erste_h2, f"{docs_pfad}: „Kurz gesagt“ steht nicht am Anfang"
        anzahl = len(saetze(nur_text(kasten.group(1))))
        assert 2 <= anzahl <= 4, f"{docs_pfad}: „Kurz gesagt“ hat {anzahl} Sätze (erlaubt: 2 bis 4)"
        assert stand in inhalt, f"{docs_pfad}: keine Zeile „Stand“ aus data/konzept.yaml"


def test_startseite_sagt_was_diese_fassung_ist(site, daten):
    inhalt = nur_text(artikel(seite(site, "index.md")))
    assert " ".join(daten.konzept.hinweis.split()) in " ".join(inhalt.split())


# --- Leichte Sprache and abbreviations -----------------------------------------------------------------------

def test_leichte_sprache_hat_keine_abkuerzungen_und_kurze_saetze(site):
    inhalt = artikel(seite(site, "leichte-sprache.md"))
    assert 'class="ik-leicht"' in inhalt, "Die Seite nutzt nicht die große Schrift (.ik-leicht)"
    assert "<abbr" not in inhalt, "Leichte Sprache enthält eine Abkürzung (abbr)"
    prosa = ohne_makros((DOCS / "leichte-sprache.md").read_text(encoding="utf-8"))
    for kurz in abkuerzungen():
        assert not re.search(rf"(?<!\w){re.escape(kurz)}(?!\w)", prosa), f"Abkürzung „{kurz}“ in Leichter Sprache"
    for satz in saetze(nur_text(inhalt)):
        assert len(satz.split()) <= 15, f"Satz zu lang für Leichte Sprache: {satz}"


def test_abkuerzungen_sind_tooltips_und_im_glossar(site):
    liste = abkuerzungen()
    assert len(liste) >= 5
    html = artikel(seite(site, "begriffe.md"))
    for kurz, lang in liste.items():
        assert f'<abbr title="{html_modul.escape(lang)}">{html_modul.escape(kurz, quote=False)}</abbr>' in html, kurz
    # The tooltips work on other chapters too (snippets auto_append), not only in the glossary.
    assert '<abbr title="Kindertagesstätte">Kita</abbr>' in artikel(seite(site, "handlungsfelder/bildung.md"))
