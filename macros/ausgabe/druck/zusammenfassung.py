"""The printable summary in each language: an A4 PDF per language of data/sprachen.yaml, beside the concept's PDF.

What the language's start page says, and its list of measures (up to umfang.KARTEN_BIS measures; a larger
catalogue is named with its count and a link to the list on the website), set with vorlage/zusammenfassung.css
and the vendored fonts (Noto Sans, its Cyrillic and Noto Sans Arabic, subsets in schriften/), and written by
schreiben.schreibe_pdf with the language's /Lang and, for Arabic and Persian, right to left. Every link is a
plain <a> with text (tagged as Link), the language note and the stand on the first page.
"""

from __future__ import annotations

from pathlib import Path

from macros.ausgabe.druck.umfang import KARTEN_BIS
from macros.darstellung import adressen, sprachformat, sprachseiten, statusfarben
from macros.darstellung.render import seiten_url
from macros.darstellung.sprachseiten import e, fuelle
from macros.daten import model as m
from macros.daten import uebersetzungen

VORLAGE = Path(__file__).resolve().parent / "vorlage"
CSS = VORLAGE / "zusammenfassung.css"
# CSS counter styles for page numbers in a language's default digits (sprachformat.ZIFFERN).
SEITENZAHLEN = {"latn": "decimal", "arab": "arabic-indic", "arabext": "persian"}


def stylesheets(code: str) -> list:
    """The summary's stylesheets: the status colours, zusammenfassung.css, the page numbers in the language."""
    stil = SEITENZAHLEN.get(sprachformat.gebietsschema(code).default_numbering_system, "decimal")
    return [statusfarben.css(), CSS, f"@page {{ @bottom-center {{ content: counter(page, {stil}) \" / \" "
                                     f"counter(pages, {stil}); }} }}"]


def _link(url: str, text: str, sprache: str | None = "de") -> str:
    """A link with nothing inside but its text (the tagged PDF's rule); German text marked as such."""
    return f'<a href="{e(url)}"' + (f' lang="{sprache}" hreflang="{sprache}"' if sprache else "") + f">{e(text)}</a>"


def html_dokument(daten: m.Konzeptdaten, sprache: m.Sprache, adresse: str, deutsche_titel: dict[str, str],
                  docs) -> str:
    """The summary in one language as one HTML document; adresse is the site's public address (ends with /)."""
    code = sprache.code
    ue = daten.uebersetzungen[code]
    texte, start = ue.texte, ue.startseite
    deutsch = lambda pfad, titel: f"{e(texte['deutscher_text'])} {_link(adresse + seiten_url(pfad), titel)}"  # noqa: E731
    teile = [f"<h1>{e(texte['seitenname'])}</h1>", sprachseiten.hinweis(daten, sprache)]
    veraltet = uebersetzungen.veraltete_startseite(daten, code, docs)
    if veraltet:
        teile.append(f'<div class="veraltet"><p><strong>{e(texte["veraltet_marke"])}</strong></p>'
                     f"<p>{e(texte['veraltet'])}</p></div>")
    teile += [f"<p>{fuelle(t, daten, code)}</p>" for t in start["einleitung"]]
    teile.append(f"<p>{_link(adresse + adressen.sprache_start(code), texte['seitenname'], None)} · "
                 f"{_link(adresse, texte['deutsch'])}</p>")
    teile.append(f"<h2>{e(start['handlungsfelder_titel'])}</h2>")
    for feld, ueberschrift, absatz in sprachseiten.feldabschnitte(daten, code):
        teile.append(ueberschrift + absatz)
        teile.append(f'<p class="verweis">{deutsch(feld.seite, feld.voller_titel)}</p>')
    for abschnitt in ("lotsen", "liste", "mitwirken"):
        teile.append(f"<h2>{e(start[abschnitt + '_titel'])}</h2>")
        teile += [f"<p>{fuelle(t, daten, code)}</p>" for t in start[abschnitt]]
        seite = sprachseiten.DEUTSCHE_SEITEN.get(abschnitt)
        if seite:
            teile.append(f'<p class="verweis">{deutsch(seite, deutsche_titel.get(seite, seite))}</p>')
    teile.append(f'<h2 class="liste">{e(texte["liste_titel"])}</h2>')
    teile.append(f"<p>{fuelle(texte['anzahl'], daten, code)} · "
                 f"{_link(adresse + adressen.sprache_massnahmen(code), texte['liste_titel'], None)}</p>")
    if len(daten.massnahmen) <= KARTEN_BIS:
        teile.append(tabelle(daten, ue))
    kopf = (f'<!DOCTYPE html>\n<html lang="{code}" dir="{sprache.richtung}"><head><meta charset="utf-8">'
            f"<title>{e(texte['seitenname'])}</title>"
            f'<meta name="author" content="{e(daten.konzept.herausgeber)}">'
            f'<meta name="description" content="{e(texte["hinweis"])}"></head><body>')
    return kopf + "\n".join(teile) + "</body></html>\n"


def tabelle(daten: m.Konzeptdaten, ue: m.Uebersetzung) -> str:
    """Every measure: number, title and sentence (the German title, marked, where untranslated), status and
    Beschlussstand in the language."""
    texte, ohne = ue.texte, e(ue.texte["ohne_uebersetzung"])
    zeilen = []
    for x in daten.massnahmen:
        z = sprachseiten.sprachzeile(daten, ue, x)
        inhalt = f'<p class="titel"{z.lang}>{e(z.titel)}</p><p>{ohne if z.deutsch else z.satz}</p>'
        if z.veraltet:
            inhalt += f'<p class="veraltet-marke">{e(texte["veraltet_marke"])}</p>'
        beschluss = "ik-beschluss ik-beschluss--vorschlag" if x.ist_vorschlag else "ik-beschluss"
        zeilen.append(f'<tr><th scope="row" class="nr">{e(x.id)}</th><td>{inhalt}</td>'
                      f'<td><p class="ik-status ik-status--{x.status}">{e(ue.status[x.status])}</p>'
                      f'<p class="{beschluss}">{e(ue.beschlussstand[x.beschlussstand])}</p></td></tr>')
    return (f'<table><caption>{e(texte["tabelle"])}</caption><thead><tr><th scope="col">{e(texte["spalte_nr"])}'
            f'</th><th scope="col">{e(texte["spalte_massnahme"])}</th><th scope="col">{e(texte["spalte_stand"])}'
            "</th></tr></thead><tbody>" + "".join(zeilen) + "</tbody></table>")
