"""The milestone timeline: in order of time, with the steps the concept names, readable as a list."""

from __future__ import annotations

import re

from macros.darstellung.render import seiten_url, zeitfolge
from macros.daten import model as m


def ms(kennung: str, datum: str | None) -> m.Meilenstein:
    return m.Meilenstein(id=kennung, titel=kennung, status="erreicht", quelle=("q",), datum_ist=datum)


def test_zeitfolge_ordnet_nach_datum_ungenaue_am_ende_ihres_zeitraums_ohne_datum_zuletzt():
    liste = (ms("offen", None), ms("jahr", "2019"), ms("tag", "2019-05-13"), ms("monat", "2018-03"),
             ms("frueh", "2017-10-11"), ms("auch-tag", "2019-05-13"))
    assert [x.id for x in zeitfolge(liste)] == ["frueh", "monat", "tag", "auch-tag", "jahr", "offen"]


def test_umsetzung_zeigt_die_zeitleiste_in_zeitlicher_folge(site, daten):
    html = (site / seiten_url("umsetzung.md") / "index.html").read_text(encoding="utf-8")
    liste = re.search(r'<ol class="ik-zeitplan">(.*?)</ol>', html, re.S).group(1)
    ids = re.findall(r'id="meilenstein-([a-z0-9-]+)"', liste)
    assert ids == [x.id for x in zeitfolge(daten.meilensteine)]
    assert sorted(ids) == sorted(x.id for x in daten.meilensteine)
    # The steps the concept names: Ist-Analyse, Gipfel 05.03.2018, Beschluss 13.05.2019, Fortschreibung.
    for text in ("Ist-Analyse", "05.03.2018", "Integrationsgipfel", "13.05.2019", "Beschluss", "Fortschreibung"):
        assert text in liste, text
    datierte = [d for d in re.findall(r'<time datetime="([0-9-]+)">', liste)]
    assert datierte == sorted(datierte, key=lambda d: d + "-99")
