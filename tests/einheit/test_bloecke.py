"""Blocks that skip Markdown: placeholders, numbering, and blocks the site search leaves out."""

from __future__ import annotations

import pytest

from macros.darstellung import bloecke


def test_block_ohne_suche_kommt_erst_nach_der_suche():
    html = bloecke.ohne_markdown('<p id="a">A</p>') + bloecke.ohne_markdown('<p id="b">B</p>', suche=False)
    fuer_die_suche, anker = bloecke.einsetzen(html, vor_der_suche=True)
    assert fuer_die_suche.startswith('<p id="a">A</p><div data-ik-block=') and anker == {"a"}
    fertig, anker = bloecke.einsetzen(fuer_die_suche)
    assert fertig == f'<p id="a">A</p><div {bloecke.OHNE_SUCHE}><p id="b">B</p></div>' and anker == {"b"}


def test_block_ohne_suche_mit_div_wird_abgelehnt():
    # Material's search would end the exclusion at the block's first </div>.
    html = bloecke.ohne_markdown("<div>innen</div>", suche=False)
    with pytest.raises(ValueError, match="div"):
        bloecke.einsetzen(html)


def test_nummern_kommen_in_ihrer_folge_zurueck():
    html = "x" + bloecke.ohne_markdown("<p>1</p>") + "y" + bloecke.ohne_markdown("<p>2</p>")
    ohne, nummern = bloecke.ohne_nummern(html)
    assert "data-ik-block=\"\"" in ohne and len(nummern) == 2
    assert bloecke.mit_nummern(ohne, nummern) == html
    assert bloecke.einsetzen(html)[0] == "x<p>1</p>y<p>2</p>"


def test_aufnahme_nummeriert_ihre_bloecke_im_naechsten_bau_neu():
    html = "<p>vor</p>" + bloecke.ohne_markdown("<p>1</p>") + bloecke.ohne_markdown("<p>2</p>", suche=False)
    aufnahme = bloecke.aufnehmen(html)
    bloecke.vergessen()  # the next build
    wieder = bloecke.wiedergeben(aufnahme)
    assert wieder != html
    assert bloecke.einsetzen(bloecke.einsetzen(wieder, vor_der_suche=True)[0])[0] == \
        f"<p>vor</p><p>1</p><div {bloecke.OHNE_SUCHE}><p>2</p></div>"
    bloecke.vergessen()
    assert bloecke.einsetzen(bloecke.wiedergeben(aufnahme))[0].startswith("<p>vor</p><p>1</p>")
