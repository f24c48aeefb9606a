"""The accessibility repairs of macros/barrierefrei.py hold on every built page (the axe test checks the effect)."""

from __future__ import annotations

import re

from macros.darstellung.barrierefrei import nav_namen, tabellen_region

REGION = re.compile(r'<div class="ik-tabelle" role="region" aria-label[^>]*tabindex="0">\s*$')


def test_jede_tabelle_liegt_in_einem_fokussierbaren_bereich(site):
    geprueft = 0
    for datei in site.rglob("*.html"):
        html = datei.read_text(encoding="utf-8")
        for treffer in re.finditer(r"<table[ >]", html):
            davor = html[html.rfind("<div", 0, treffer.start()):treffer.start()]
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
    assert html.startswith('<div class="ik-tabelle" role="region" aria-label="Tabelle: Begriff &lt;b&gt;, Bedeutung"'
                           ' tabindex="0"><table class="ik-md-tabelle">')


def test_navigationsname_kommt_aus_dem_link_daneben():
    vorher = ('<div class="md-nav__link md-nav__container">\n<a href="x/" class="md-nav__link ">'
              '<span class="md-ellipsis">Handlungs&shy;felder</span></a>\n'
              '<label class="md-nav__link " for="__nav_3" id="__nav_3_label" tabindex="">'
              '<span class="md-nav__icon md-icon"></span></label>')
    assert '<span class="ik-nur-vorlesen">Handlungs\xadfelder</span>' in nav_namen(vorher)
