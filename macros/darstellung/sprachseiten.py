"""The translated pages: per language a start page and one page with every measure, in HTML that skips Markdown.

Each language of data/sprachen.yaml gets two generated pages (adressen.sprache_start, sprache_massnahmen). Their
Markdown is front matter and one placeholder; the hooks put the finished HTML in its place when the page is built,
rendered here from the translation and the checked data (a row per measure, no Markdown render per measure). The
theme takes the page's language from its front matter (overrides/partials/language.html), the hooks give <html>
its lang and dir and every page the language switcher (sprachwahl) and the hreflang links.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import material
from babel import Locale

from macros.darstellung import adressen, seitenteilung, sprachformat
from macros.darstellung.render import seiten_url
from macros.daten import model as m
from macros.daten import uebersetzungen

# Front matter of a translated page: its language, which of the two pages it is, the theme's interface language,
# and which page of a split list it is.
SPRACHE = "ik_sprache"
ART = "ik_sprachseite"
OBERFLAECHE = "ik_oberflaeche"
SEITE = "ik_seite"
START, LISTE = "start", "massnahmen"
PLATZHALTER = '<div data-ik-sprachseite=""></div>'
# Material's translations of its own interface (search, skip link, navigation labels), one file per language.
MATERIAL_SPRACHEN = Path(material.__file__).resolve().parent / "templates" / "partials" / "languages"
# The German pages a translated start page links to, by what they are about.
DEUTSCHE_SEITEN = {"lotsen": "integrationslotsen.md", "mitwirken": "mitwirken.md"}
# Characters a title may keep in front matter and <title> beside letters, digits and combining marks.
_TITELZEICHEN = frozenset(" \u200c\u200d,.:()–«»،؛-")


def e(text: object) -> str:
    """Data text for HTML content or a quoted attribute."""
    return html.escape(str(text), quote=True)


def sicherer_titel(text: str) -> str:
    """Data text for a generated page's title: nothing that could read as markup, YAML or Jinja is kept."""
    sauber = "".join(z if z.isalnum() or unicodedata.category(z).startswith("M") or z in _TITELZEICHEN else " "
                     for z in text)
    return " ".join(sauber.split())[:120]


@lru_cache(maxsize=64)
def oberflaeche(code: str) -> str:
    """The language of the theme's own labels: the page's, where Material has it, else English."""
    return code if (MATERIAL_SPRACHEN / f"{code}.html").is_file() else "en"


@lru_cache(maxsize=8)
def eigener_name(code: str) -> str:
    """A language's name in itself from CLDR (the site's own language, German: Deutsch)."""
    return Locale.parse(code).get_display_name(code).capitalize()


# --- The generated pages -------------------------------------------------------------------------------------------

def seitenkopf(titel: str, code: str, art: str, suche: bool, seite: int = 1) -> str:
    kopf = {"title": sicherer_titel(titel), SPRACHE: code, ART: art, OBERFLAECHE: oberflaeche(code),
            "render_macros": False, "hide": ["toc"], **({SEITE: seite} if seite > 1 else {})}
    if not suche:
        kopf["search"] = {"exclude": True}
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in kopf.items()) + "---\n\n"


# Up to this many measures a language's list of all measures is in the search index: beyond, the page would add
# as much to the index Material loads on every page as the measures' own pages (seitenteilung.SUCHE_VOLL_BIS).
LISTE_IN_DER_SUCHE_BIS = 1000


def listenseiten(daten: m.Konzeptdaten) -> int:
    """How many pages a language's list of every measure takes: as many as the German overview."""
    return seitenteilung.seitenzahl(len(daten.massnahmen), seitenteilung.ZEILEN_JE_SEITE)


def listendatei(code: str, seite: int) -> str:
    """The docs file of page seite of a language's list: en/massnahmen/index.md, en/massnahmen/seite-2.md."""
    if seite == 1:
        return adressen.sprache_massnahmen_datei(code)
    return seitenteilung.unterseiten_datei(adressen.sprache_massnahmen(code), seite)


def erzeugte_seiten(daten: m.Konzeptdaten) -> dict[str, str]:
    """docs path -> Markdown of each language's start page and the page(s) of its list of measures (a long
    catalogue is split like the German overview; the further pages stay out of the search index)."""
    seiten = {}
    for sprache in daten.sprachen:
        texte = daten.uebersetzungen[sprache.code].texte
        seiten[adressen.sprache_start_datei(sprache.code)] = seitenkopf(
            texte["seitenname"], sprache.code, START, True) + PLATZHALTER + "\n"
        anzahl = listenseiten(daten)
        gesamt = sprachformat.zahl(anzahl, sprache.code)
        for n in range(1, anzahl + 1):
            nummer = "" if n == 1 else f" ({sprachformat.zahl(n, sprache.code)}/{gesamt})"
            seiten[listendatei(sprache.code, n)] = seitenkopf(
                f"{texte['liste_titel']}{nummer} – {texte['seitenname']}", sprache.code, LISTE,
                n == 1 and len(daten.massnahmen) <= LISTE_IN_DER_SUCHE_BIS, n) + PLATZHALTER + "\n"
    return seiten


def seite_der_datei(meta: dict) -> tuple[str, str] | None:
    """(language code, START or LISTE) of a translated page from its front matter; None for other pages."""
    code, art = meta.get(SPRACHE), meta.get(ART)
    return (code, art) if isinstance(code, str) and art in (START, LISTE) else None


def seitennummer(meta: dict) -> int:
    """Which page of its list a translated page is (1 for every other)."""
    return meta.get(SEITE, 1)


# --- Placeholders ---------------------------------------------------------------------------------------------------

def fuelle(text: str, daten: m.Konzeptdaten, code: str, **zusatz: str) -> str:
    """The text HTML-escaped, each {placeholder} replaced by its value in the language's format (escaped too)."""
    def wert(treffer: re.Match) -> str:
        name, kennung = treffer.group(1), treffer.group(2)
        if name in zusatz:
            return zusatz[name]
        if name == "beschlossen_am":
            return e(sprachformat.datum(daten.konzept.beschlossen_am, code))
        if name == "stand":
            return e(sprachformat.datum(daten.konzept.stand, code))
        if name == "anzahl":
            return e(sprachformat.zahl(len(daten.massnahmen), code))
        if name == "kennzahl":
            return e(sprachformat.zahl(daten.kennzahl(kennung).wert, code))
        if name == "stichtag":
            return e(sprachformat.datum(daten.kennzahl(kennung).stichtag, code))
        raise KeyError(name)  # the loader has checked every placeholder

    def ohne_doppelpunkt(treffer: re.Match) -> str:
        """A value ending in a full stop (13 травня 2019 р.) before the sentence's own: one full stop."""
        ergebnis = wert(treffer)
        return ergebnis[:-1] if ergebnis.endswith(".") and treffer.string.startswith(".", treffer.end()) else ergebnis
    return uebersetzungen.PLATZHALTER.sub(ohne_doppelpunkt, e(text))


# --- What every translated page says first --------------------------------------------------------------------------

@dataclass(frozen=True)
class Umgebung:
    """What a translated page needs beside the data: the German page titles, its PDF, the docs folder."""

    deutsche_titel: dict[str, str]
    pdf: dict | None  # {"url": path below the site root, "byte": size} of the language's summary
    docs: Path


def hinweis(daten: m.Konzeptdaten, sprache: m.Sprache) -> str:
    """The line on every translated page: a translation, the German text is authoritative, checked or not."""
    texte = daten.uebersetzungen[sprache.code].texte
    if sprache.muttersprachlich_geprueft:
        organisation = e(daten.stelle(sprache.geprueft_von))
        pruefung = fuelle(texte["geprueft"], daten, sprache.code, organisation=organisation)
    else:
        pruefung = fuelle(texte["nicht_geprueft"], daten, sprache.code)
    return (f'<p class="ik-uebersetzungshinweis">{fuelle(texte["hinweis"], daten, sprache.code)} {pruefung}</p>\n'
            f'<p class="ik-stand">{fuelle(texte["stand"], daten, sprache.code)}</p>')


def deutscher_link(texte: dict, url: str, titel: str, klasse: str = "") -> str:
    """A link to a German page: its German title marked as German, the language's words before it."""
    attribut = f' class="{klasse}"' if klasse else ""
    return (f'<a href="{e(url)}" hreflang="de"{attribut}>{e(texte["deutscher_text"])} '
            f'<span lang="de">{e(titel)}</span></a>')


def veraltet_kasten(texte: dict, text: str, links: list[str]) -> str:
    return (f'<div class="admonition warning ik-veraltet" role="note"><p class="admonition-title">'
            f'{e(texte["veraltet_marke"])}</p><p>{e(text)}</p>'
            + "".join(f"<p>{link}</p>" for link in links) + "</div>")


# --- The start page ---------------------------------------------------------------------------------------------------

WURZEL_START = "../"


def absaetze(texte: list[str], daten: m.Konzeptdaten, code: str) -> str:
    return "\n".join(f"<p>{fuelle(t, daten, code)}</p>" for t in texte)


def feldabschnitte(daten: m.Konzeptdaten, code: str) -> list[tuple[m.Handlungsfeld, str, str]]:
    """Each Handlungsfeld's heading and paragraph in a language, as its start page and its printed summary show
    them: the translation, or the German title (marked as German) and the note that there is none yet."""
    ue = daten.uebersetzungen[code]
    abschnitte = []
    for feld in daten.handlungsfelder:
        if feld.art != "handlungsfeld":
            continue
        eintrag = ue.startseite["handlungsfelder"].get(feld.id)
        if eintrag is None:
            abschnitte.append((feld, f'<h3 lang="de">{e(feld.voller_titel)}</h3>',
                               f'<p>{e(ue.texte["ohne_uebersetzung"])}</p>'))
        else:
            abschnitte.append((feld, f'<h3>{e(eintrag["titel"])}</h3>',
                               f'<p>{fuelle(eintrag["text"], daten, code)}</p>'))
    return abschnitte


def startseite(daten: m.Konzeptdaten, sprache: m.Sprache, umgebung: Umgebung) -> str:
    """A language's start page: what the concept is and who decided it, the fields, the guides, the list, taking
    part; a note in the language where the German pages it was made from changed since."""
    code, wurzel = sprache.code, WURZEL_START
    ue = daten.uebersetzungen[code]
    texte, start = ue.texte, ue.startseite
    titel = umgebung.deutsche_titel
    teile = [f'<h1 id="ik-start">{e(texte["seitenname"])}</h1>', hinweis(daten, sprache)]
    veraltet = uebersetzungen.veraltete_startseite(daten, code, umgebung.docs)
    if veraltet:
        links = [deutscher_link(texte, wurzel + seiten_url(v.was), titel.get(v.was, v.was)) for v in veraltet
                 if v.aktuell is not None]
        teile.append(veraltet_kasten(texte, texte["veraltet"], links))
    teile.append(absaetze(start["einleitung"], daten, code))
    knoepfe = [f'<a class="md-button md-button--primary" href="{e(wurzel + adressen.sprache_massnahmen(code))}">'
               f'{e(texte["liste_titel"])}</a>',
               f'<a class="md-button" href="{e(wurzel)}" hreflang="de">{e(texte["deutsch"])} '
               f'<span lang="de">({e(eigener_name("de"))})</span></a>']
    if umgebung.pdf:
        groesse = e(sprachformat.groesse(umgebung.pdf["byte"], code))
        knoepfe.append(f'<a class="md-button" href="{e(wurzel + umgebung.pdf["url"])}" type="application/pdf">'
                       f'{fuelle(texte["pdf"], daten, code, groesse=groesse)}</a>')
    teile.append('<p class="ik-knoepfe">' + "\n".join(knoepfe) + "</p>")
    teile.append(f'<h2 id="ik-handlungsfelder">{e(start["handlungsfelder_titel"])}</h2>')
    for feld, ueberschrift, absatz in feldabschnitte(daten, code):
        teile.append(f"{ueberschrift}\n{absatz}")
        teile.append(f"<p>{deutscher_link(texte, wurzel + seiten_url(feld.seite), feld.voller_titel)}</p>")
    for abschnitt, seite in (("lotsen", DEUTSCHE_SEITEN["lotsen"]), ("liste", None),
                             ("mitwirken", DEUTSCHE_SEITEN["mitwirken"])):
        teile.append(f'<h2 id="ik-{abschnitt}">{e(start[abschnitt + "_titel"])}</h2>')
        teile.append(absaetze(start[abschnitt], daten, code))
        if seite is None:
            teile.append(f'<p><a href="{e(wurzel + adressen.sprache_massnahmen(code))}">'
                         f'{e(texte["liste_titel"])}</a></p>')
        else:
            teile.append(f"<p>{deutscher_link(texte, wurzel + seiten_url(seite), titel.get(seite, seite))}</p>")
    return "\n".join(teile)


# --- The page with every measure --------------------------------------------------------------------------------------

WURZEL_LISTE = "../../"


@dataclass(frozen=True)
class Sprachzeile:
    """A measure in a language, as its list and the printed summary show it: the title (the German one, marked
    as German, where there is no translation yet: deutsch), the sentence as HTML (empty then), and whether the
    translation is older than the German text (veraltet)."""

    titel: str
    deutsch: bool
    satz: str
    veraltet: bool

    @property
    def lang(self) -> str:
        """The lang attribute the title needs: German within a page in another language."""
        return ' lang="de"' if self.deutsch else ""


def sprachzeile(daten: m.Konzeptdaten, ue: m.Uebersetzung, x: m.Massnahme) -> Sprachzeile:
    uebersetzt = ue.massnahmen.get(x.id)
    if uebersetzt is None:
        return Sprachzeile(x.titel, True, "", False)
    return Sprachzeile(uebersetzt.titel, False, fuelle(uebersetzt.satz, daten, ue.sprache),
                       not uebersetzungen.massnahme_aktuell(daten, uebersetzt))


def blaettern(daten: m.Konzeptdaten, code: str, seite: int, wurzel: str) -> str:
    """Links to every page of a split list, numbered in the language's digits; none for a single page."""
    anzahl = listenseiten(daten)
    if anzahl == 1:
        return ""
    links = []
    for n in range(1, anzahl + 1):
        zahl = e(sprachformat.zahl(n, code))
        ziel = wurzel + seitenteilung.unterseite(adressen.sprache_massnahmen(code), n)
        links.append(f'<li><a href="{ziel}" aria-current="page">{zahl}</a></li>' if n == seite
                     else f'<li><a href="{ziel}">{zahl}</a></li>')
    beschriftung = e(daten.uebersetzungen[code].texte["tabelle"])
    return (f'<nav class="ik-blaettern" aria-label="{beschriftung}"><ul class="ik-blaettern__liste">'
            f'{"".join(links)}</ul></nav>')


def massnahmenliste(daten: m.Konzeptdaten, sprache: m.Sprache, umgebung: Umgebung, seite: int = 1) -> str:
    """Every measure in one table (a long catalogue over several pages): number, title and one sentence in the
    language (the German title, marked as German, where there is no translation), status and Beschlussstand in
    the language, the German page."""
    code, wurzel = sprache.code, WURZEL_LISTE if seite == 1 else "../" + WURZEL_LISTE
    ue = daten.uebersetzungen[code]
    texte = ue.texte
    status = {k: e(v) for k, v in ue.status.items()}
    stand = {k: e(v) for k, v in ue.beschlussstand.items()}
    ohne, marke = e(texte["ohne_uebersetzung"]), e(texte["veraltet_marke"])
    details = texte["details"]
    zeilen, veraltet = [], 0
    for x in seitenteilung.ausschnitt(daten.massnahmen, seite, seitenteilung.ZEILEN_JE_SEITE):
        z = sprachzeile(daten, ue, x)
        text = f'<span class="ik-ohne-uebersetzung">{ohne}</span>' if z.deutsch else z.satz
        inhalt = f"<strong{z.lang}>{e(z.titel)}</strong><br>{text}"
        if z.veraltet:
            veraltet += 1
            inhalt += f'<br><span class="ik-veraltet-marke">{marke}</span>'
        link = fuelle(details, daten, code, id=e(x.id))
        beschluss = "ik-beschluss ik-beschluss--vorschlag" if x.ist_vorschlag else "ik-beschluss"
        zeilen.append(
            f'<tr id="{x.anker}"><td class="ik-nr">{e(x.id)}</td><td>{inhalt}<br>'
            f'<a href="{wurzel}{adressen.massnahme(x.id)}" hreflang="de">{link}</a></td>'
            f'<td><span class="ik-status ik-status--{x.status}">{status[x.status]}</span> '
            f'<span class="{beschluss}">{stand[x.beschlussstand]}</span></td></tr>')
    teile = [f'<h1 id="ik-liste">{e(texte["liste_titel"])}</h1>', hinweis(daten, sprache)]
    if veraltet:
        teile.append(veraltet_kasten(texte, texte["veraltet_liste"], []))
    deutsche_liste = umgebung.deutsche_titel.get(adressen.UEBERSICHT_DATEI, adressen.UEBERSICHT_DATEI)
    teile.append(f"<p>{fuelle(texte['anzahl'], daten, code)} · "
                 f'<a href="{wurzel}{adressen.sprache_start(code)}">{e(texte["seitenname"])}</a> · '
                 f"{deutscher_link(texte, wurzel + seiten_url(adressen.UEBERSICHT_DATEI), deutsche_liste)}</p>")
    teile.append(
        '<section class="ik-tabelle" aria-labelledby="ik-sprachliste-titel" tabindex="0">'
        '<table class="ik-massnahmen ik-sprachliste">'
        f'<caption id="ik-sprachliste-titel">{e(texte["tabelle"])}</caption>'
        f'<thead><tr><th scope="col">{e(texte["spalte_nr"])}</th><th scope="col">{e(texte["spalte_massnahme"])}</th>'
        f'<th scope="col">{e(texte["spalte_stand"])}</th></tr></thead>\n<tbody>\n' + "\n".join(zeilen)
        + "\n</tbody></table></section>")
    seiten = blaettern(daten, code, seite, wurzel)
    return "\n".join([*teile[:-1], seiten, teile[-1], seiten] if seiten else teile)


def inhalt(daten: m.Konzeptdaten, code: str, art: str, umgebung: Umgebung, seite: int = 1) -> str:
    sprache = next(s for s in daten.sprachen if s.code == code)
    return startseite(daten, sprache, umgebung) if art == START else massnahmenliste(daten, sprache, umgebung, seite)


# --- Language switcher, navigation and the page's <html> ------------------------------------------------------------

def gegenstuecke(daten: m.Konzeptdaten, art: str) -> dict[str, str]:
    """Language code ('de' included) -> URL below the root of the page of that kind in each language."""
    deutsch = adressen.START_DATEI if art == START else adressen.UEBERSICHT_DATEI
    seiten = {"de": seiten_url(deutsch)}
    for s in daten.sprachen:
        seiten[s.code] = adressen.sprache_start(s.code) if art == START else adressen.sprache_massnahmen(s.code)
    return seiten


def art_der_deutschen_seite(src_uri: str) -> str | None:
    return {adressen.START_DATEI: START, adressen.UEBERSICHT_DATEI: LISTE}.get(src_uri)


def sprachwahl(daten: m.Konzeptdaten, sprache: str, art: str | None) -> list[dict]:
    """The switcher's entries for a page in `sprache` ('de' for German) of kind art (None: a German page with no
    translation): German first, then the languages in their order; each links to the same kind of page in that
    language, or to its start page. gegenstueck: the linked page is this page in another language (hreflang)."""
    ziele = gegenstuecke(daten, art or START)
    eintraege = [{"code": "de", "name": e(eigener_name("de")), "richtung": "ltr"}]
    eintraege += [{"code": s.code, "name": e(s.name), "richtung": s.richtung} for s in daten.sprachen]
    for eintrag in eintraege:
        eintrag.update(url=ziele[eintrag["code"]], gegenstueck=art is not None, aktuell=eintrag["code"] == sprache)
    return eintraege


def sprachnavigation(daten: m.Konzeptdaten, code: str, art: str, deutsche_titel: dict[str, str]) -> dict:
    """The navigation of a translated page: its two pages in the language, and the German concept."""
    texte = daten.uebersetzungen[code].texte
    return {"seitenname": e(texte["seitenname"]), "start": adressen.sprache_start(code), "eintraege": [
        {"titel": e(texte["seitenname"]), "url": adressen.sprache_start(code), "aktiv": art == START, "lang": None},
        {"titel": e(texte["liste_titel"]), "url": adressen.sprache_massnahmen(code), "aktiv": art == LISTE,
         "lang": None},
        {"titel": e(deutsche_titel.get(adressen.START_DATEI, eigener_name("de"))) + f" ({e(eigener_name('de'))})",
         "url": seiten_url(adressen.START_DATEI), "aktiv": False, "lang": "de"},
    ]}


_HTML_TAG = re.compile(r"<html\b[^>]*>")
_BODY_DIR = re.compile(r'(<body\b[^>]*?\bdir=")[^"]*(")')


def html_sprache(ausgabe: str, sprache: m.Sprache) -> str:
    """The page's <html> with the language's lang and dir, and the same dir on <body> (where Material sets it)."""
    ausgabe = _HTML_TAG.sub(f'<html lang="{sprache.code}" dir="{sprache.richtung}" class="no-js">', ausgabe, count=1)
    return _BODY_DIR.sub(rf"\g<1>{sprache.richtung}\g<2>", ausgabe, count=1)


def deutsche_titel(nav: list | None) -> dict[str, str]:
    """docs path -> its title in mkdocs.yml's nav (a section's own page: the section's name)."""
    titel: dict[str, str] = {}

    def gehe(eintraege: list, abschnitt: str | None) -> None:
        for eintrag in eintraege or ():
            if isinstance(eintrag, str):
                titel.setdefault(eintrag, abschnitt or eintrag)
            elif isinstance(eintrag, dict):
                for name, wert in eintrag.items():
                    if isinstance(wert, str):
                        titel.setdefault(wert, name)
                    else:
                        gehe(wert, name)

    gehe(nav or [], None)
    return titel


def sprachliste(daten: m.Konzeptdaten, wurzel: str) -> str:
    """The German start page's list of languages: each language's start page and list, named in its own script."""
    if not daten.sprachen:
        return ""
    zeilen = []
    for s in daten.sprachen:
        texte = daten.uebersetzungen[s.code].texte
        attribute = f'hreflang="{s.code}" lang="{s.code}" dir="{s.richtung}"'
        zeilen.append(f'<li><a href="{wurzel}{adressen.sprache_start(s.code)}" {attribute}>{e(s.name)}</a>'
                      f' <span lang="{s.code}" dir="{s.richtung}">(<a href="{wurzel}'
                      f'{adressen.sprache_massnahmen(s.code)}" hreflang="{s.code}">{e(texte["liste_titel"])}</a>)'
                      "</span></li>")
    return '<ul class="ik-sprachen">\n' + "\n".join(zeilen) + "\n</ul>"
