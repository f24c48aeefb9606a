"""The accessibility repairs of macros/barrierefrei.py hold on every built page (the axe test checks the effect)."""

from __future__ import annotations

import html
import re

from macros.darstellung.barrierefrei import (
    ZUSTAND,
    kurzer_titel,
    nav_namen,
    ohne_leerzeichen_am_zeilenende,
    tabellen_region,
)

REGION = re.compile(r'<section class="ik-tabelle" aria-(label|labelledby)="[^"]+"[^>]*tabindex="0">\s*$')


def test_jede_tabelle_liegt_in_einem_fokussierbaren_bereich(site):
    geprueft = 0
    for datei in site.rglob("*.html"):
        html = datei.read_text(encoding="utf-8")
        for treffer in re.finditer(r"<table[ >]", html):
            davor = html[html.rfind("<section", 0, treffer.start()):treffer.start()]
            assert REGION.match(davor), (datei, davor[:200])
            geprueft += 1
    assert geprueft > 10


def test_suchdialog_und_navigationsbereiche_haben_namen(site):
    for datei in site.rglob("*.html"):
        html = datei.read_text(encoding="utf-8")
        assert 'role="dialog" aria-label="Suche"' in html, datei
        assert 'tabindex=""' not in html and 'rel="edit"' not in html, datei
        for label_id in re.findall(r'<nav class="md-nav" [^>]*aria-labelledby="([^"]+)"', html):
            label = re.search(rf'<label [^>]*id="{label_id}"[^>]*>(.*?)</label>', html, re.S)
            assert label and re.sub(r"<[^>]+>", "", label.group(1)).strip(), (datei, label_id)


def test_markdown_tabelle_wird_benannt_und_maskiert():
    html = tabellen_region('<table>\n<thead><tr><th>Begriff &lt;b&gt;</th><th>Bedeutung</th></tr></thead></table>')
    assert html.startswith('<section class="ik-tabelle" aria-label="Tabelle: Begriff &lt;b&gt;, Bedeutung"'
                           ' tabindex="0"><table class="ik-md-tabelle">')


def test_navigationsname_kommt_aus_dem_link_daneben():
    vorher = ('<div class="md-nav__link md-nav__container">\n<a href="x/" class="md-nav__link ">'
              '<span class="md-ellipsis">Handlungs&shy;felder</span></a>\n'
              '<label class="md-nav__link " for="__nav_3" id="__nav_3_label" tabindex="">'
              '<span class="md-nav__icon md-icon"></span></label>')
    assert '<span class="ik-nur-vorlesen">Handlungs\xadfelder</span>' in nav_namen(vorher)


BESCHRIFTBAR = re.compile(r'<(input|select|textarea|button|meter|output|progress)\b[^>]*\bid="([^"]+)"[^>]*>')


def test_jedes_label_zeigt_auf_ein_vorhandenes_bedienelement(site):
    """What the W3C Nu checker asks: the for of a <label> is the id of a form control that is not type=hidden."""
    geprueft = 0
    for datei in site.rglob("*.html"):
        html = datei.read_text(encoding="utf-8")
        steuer = {t.group(2): t.group(0) for t in BESCHRIFTBAR.finditer(html)}
        for ziel in re.findall(r'<label\b[^>]*\bfor="([^"]+)"', html):
            assert ziel in steuer, (datei, ziel)
            assert 'type="hidden"' not in steuer[ziel], (datei, ziel)
            geprueft += 1
    assert geprueft > 100


def test_umschalter_ohne_autocomplete_und_ohne_leerzeichen_am_zeilenende(site):
    for datei in site.rglob("*.html"):
        html = datei.read_text(encoding="utf-8")
        assert html.lstrip().startswith("<!DOCTYPE html>"), datei
        for schalter in re.findall(r'<input [^>]*type="checkbox"[^>]*>', html):
            assert "autocomplete" not in schalter, (datei, schalter)
        assert html.count(f'form="{ZUSTAND}"') == 2, datei
        assert f'<form id="{ZUSTAND}" autocomplete="off" hidden>' in html, datei
        ohne_pre = re.sub(r"<pre[\s>].*?</pre>", "", html, flags=re.S)
        assert not re.search(r"[ \t]\n", ohne_pre), datei


def test_leerzeichen_im_pre_bleiben():
    text = "<p>a  \n</p><pre>x  \ny  \n</pre>\t\n<textarea>z \n</textarea>"
    assert ohne_leerzeichen_am_zeilenende(text) == "<p>a\n</p><pre>x  \ny  \n</pre>\n<textarea>z \n</textarea>"


def test_lange_titel_werden_kurz_und_bleiben_maskiert():
    kurz_genug = "Quellen - Integrationskonzept Landkreis Rostock"
    assert kurzer_titel(kurz_genug) == kurz_genug
    lang = "Arbeitsgruppe Ausbildung und Beschäftigung - Integrationskonzept Landkreis Rostock"
    assert kurzer_titel(lang) == "Arbeitsgruppe Ausbildung und Beschäftigung"
    sehr_lang = "Arbeitsgruppe " + "Wort &amp; " * 12 + "- Integrationskonzept Landkreis Rostock"
    kurz = kurzer_titel(sehr_lang)
    assert len(html.unescape(kurz)) <= 70 and kurz.endswith("…") and "&amp;" in kurz
