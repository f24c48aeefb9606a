"""The decision behind each measure: named in the data, checked, shown on the measure page; only what sources state."""

from __future__ import annotations

import re
import shutil

from hilfen import ROOT

from macros.daten.loader import MIT_BESCHLUSS, lade_daten


def test_jede_beschlossene_massnahme_nennt_ihren_beschluss(daten):
    for x in daten.massnahmen:
        if x.beschlussstand in MIT_BESCHLUSS:
            assert x.beschluss in daten.beschluesse, x.id
        else:
            assert x.beschluss is None, x.id


def test_beschluesse_nur_aus_quellen(daten):
    for b in daten.beschluesse.values():
        assert b.quelle and set(b.quelle) <= set(daten.quellen), b.id
        assert b.gremium in daten.gremien or b.gremium in daten.organisationen, b.id
        assert b.drucksache is None, f"{b.id}: keine Quelle nennt eine Drucksache"
    # The Landrat's report in the Kreistag is the administration's announcement, not the Kreistag's decision.
    bericht = daten.beschluesse["verwaltungsbericht-2017-10-11"]
    assert (bericht.art, bericht.gremium, bericht.datum) == ("verwaltungsentscheidung", "kreisverwaltung", "2017-10-11")
    kreistag = daten.beschluesse["kreistag-2019-05-13"]
    assert (kreistag.art, kreistag.gremium, kreistag.datum) == ("kreistagsbeschluss", "kreistag", "2019-05-13")
    assert daten.gremien["kreistag"].art == "kreistag"


def test_massnahmenseite_zeigt_den_beschluss(site, daten):
    for x in daten.massnahmen:
        html = (site / "massnahmen" / x.anker / "index.html").read_text(encoding="utf-8")
        if x.beschluss is None:
            assert "<dt>Beschluss</dt>" not in html, x.id
            continue
        b = daten.beschluesse[x.beschluss]
        angabe = re.search(r"<dt>Beschluss</dt><dd[^>]*>(.*?)</dd>", html).group(1)
        assert b.titel in angabe and daten.stelle(b.gremium) in angabe, x.id
        assert f'<time datetime="{b.datum}">' in angabe, x.id


def test_umsetzung_listet_die_beschluesse(site, daten):
    html = (site / "umsetzung" / "index.html").read_text(encoding="utf-8")
    for b in daten.beschluesse.values():
        assert f'id="beschluss-{b.id}"' in html


def test_aeltere_daten_ohne_beschluesse_laden_fuer_den_vergleich(tmp_path):
    """make diff and make bericht read older revisions: without beschluesse.yaml and with a status in each note."""
    alt = tmp_path / "data"
    shutil.copytree(ROOT / "data", alt)
    (alt / "beschluesse.yaml").unlink()
    text = (alt / "measures.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^    beschluss: .*\n", "", text, flags=re.M)
    text = text.replace("{datum: 2017-10-11, text:", "{datum: 2017-10-11, status: geplant, text:")
    (alt / "measures.yaml").write_text(text, encoding="utf-8")
    schema = alt / "schema" / "measures.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace(
        '"text": {"$ref": "#/$defs/text"},', '"status": {"$ref": "#/$defs/status"}, "text": {"$ref": "#/$defs/text"},',
        1), encoding="utf-8")
    daten = lade_daten(alt, frueher=True)
    assert daten.beschluesse == {} and all(x.beschluss is None for x in daten.massnahmen)
    assert daten.massnahme("ST-01").verlauf[0].text.startswith("Der Landrat")
