"""The built site against the data: every measure on its own chapter, nowhere else, nothing from outside."""

from __future__ import annotations

import re

from hilfen import mkdocs_build, projektkopie

from macros.darstellung.render import seiten_url


def seite(site, docs_pfad: str) -> str:
    return (site / seiten_url(docs_pfad) / "index.html").read_text(encoding="utf-8")


def karten_ids(html: str) -> set[str]:
    """Ids of the measure cards on a page."""
    return set(re.findall(r'<article class="ik-karte[^"]*" id="([a-z0-9-]+)"', html))


def test_jedes_kapitel_zeigt_genau_seine_massnahmen(site, daten):
    for feld in daten.handlungsfelder:
        erwartet = {m.anker for m in daten.massnahmen_im_feld(feld.id)}
        assert karten_ids(seite(site, feld.seite)) == erwartet, feld.id


def test_keine_massnahme_auf_fremden_kapiteln(site, daten):
    kapitel = {feld.seite for feld in daten.handlungsfelder}
    for html_datei in site.rglob("index.html"):
        relativ = html_datei.relative_to(site).as_posix()
        if relativ.startswith("massnahmen/") or any(relativ == seiten_url(k) + "index.html" for k in kapitel):
            continue
        assert karten_ids(html_datei.read_text(encoding="utf-8")) == set(), relativ


def test_jede_massnahme_hat_eine_eigene_seite(site, daten):
    for massnahme in daten.massnahmen:
        html = (site / "massnahmen" / massnahme.anker / "index.html").read_text(encoding="utf-8")
        assert karten_ids(html) == {massnahme.anker}
        assert f"<title>Maßnahme {massnahme.id} - " in html


def test_vorschlaege_sind_gekennzeichnet(site, daten):
    for massnahme in daten.massnahmen:
        html = (site / "massnahmen" / massnahme.anker / "index.html").read_text(encoding="utf-8")
        assert ("Vorschlag – nicht beschlossen" in html) == massnahme.ist_vorschlag, massnahme.id


def test_nichts_von_fremden_servern(site):
    fremd = re.compile(r'(?:src|href)="(?:https?:)?//(?!127\.0\.0\.1:8000/)[^"]+"')
    erlaubt_links = re.compile(r'<a [^>]*href="https?://')
    for datei in site.rglob("*.html"):
        html = datei.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, datei
        for treffer in fremd.finditer(html):
            # Links a reader clicks are fine; anything the browser loads by itself is not.
            anfang = html.rfind("<", 0, treffer.start())
            assert erlaubt_links.match(html, anfang), (datei, treffer.group(0))


def test_neue_massnahme_erscheint_nach_neubau(tmp_path):
    projekt = projektkopie(tmp_path / "projekt")
    massnahmen = projekt / "data" / "measures.yaml"
    massnahmen.write_text(massnahmen.read_text(encoding="utf-8") + """
  - id: SP-99
    titel: Sprachcafé als Probe für den Test
    handlungsfeld: sprache
    beschreibung: Eine Maßnahme, die nur dieser Test einfügt.
    ziel: Der Test sieht sie nach dem Neubau.
    federfuehrung: kreisverwaltung
    status: geplant
    beschlussstand: vorschlag
    quelle: [vorschlag-redaktion]
    stand: 2026-11-26
""", encoding="utf-8")
    ergebnis = mkdocs_build(projekt, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    html = (tmp_path / "site" / "handlungsfelder" / "sprache" / "index.html").read_text(encoding="utf-8")
    assert "sp-99" in karten_ids(html)
    assert "Sprachcafé als Probe für den Test" in html


MASSNAHMEN_MAKROS = re.compile(r"\{\{\s*(massnahmen|alle_massnahmen|status_uebersicht)\(")


def test_jede_seite_mit_massnahmen_nennt_ihren_stand(site):
    """Every chapter that shows measures says, under its summary, how current its content is."""
    from hilfen import ROOT

    seiten = [p.relative_to(ROOT / "docs").as_posix() for p in sorted((ROOT / "docs").rglob("*.md"))
              if MASSNAHMEN_MAKROS.search(p.read_text(encoding="utf-8"))]
    assert "massnahmen/index.md" in seiten and len(seiten) > 5
    for pfad in seiten:
        html = seite(site, pfad)
        assert re.search(r'<p class="ik-stand">Stand: <time datetime="[0-9-]+">[0-9.]+</time></p>', html), pfad
