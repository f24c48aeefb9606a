"""Which word rules the site search is given for the translations: a language's own where lunr-languages has them,
those of the language its `suchregeln` names where it has none, and none for a language with neither."""

from __future__ import annotations

import dataclasses

from macros.ausgabe.sprachfassung import suchsprachen
from macros.daten.suchregeln import sprachen_mit_regeln, sucht_mit_eigenen_regeln


def _nur(daten, *sprachen):
    return dataclasses.replace(daten, sprachen=tuple(sprachen))


def test_eigene_regeln_wo_lunr_sie_hat(daten):
    assert [s.code for s in daten.sprachen if sucht_mit_eigenen_regeln(s.code)] == ["en", "ar", "ru"]
    assert suchsprachen(daten) == ["en", "ar", "ru"]


def test_persisch_allein_sucht_mit_den_arabischen_regeln(daten):
    persisch = next(s for s in daten.sprachen if s.code == "fa")
    assert persisch.suchregeln == "ar"
    assert suchsprachen(_nur(daten, persisch)) == ["ar"]


def test_ohne_suchregeln_bekommt_eine_unbekannte_sprache_keine(daten):
    ukrainisch = next(s for s in daten.sprachen if s.code == "uk")
    assert suchsprachen(_nur(daten, dataclasses.replace(ukrainisch, suchregeln=None))) == []
    assert suchsprachen(_nur(daten, dataclasses.replace(ukrainisch, suchregeln="xx"))) == []


def test_die_sprachen_mit_regeln_sind_die_dateien_der_suche():
    """English is built into lunr; each other language is a file of Material's search; its support files are no
    language."""
    codes = sprachen_mit_regeln()
    assert {"en", "de", "ar", "ru"} <= set(codes)
    assert not {"uk", "fa", "multi", "stemmer.support"} & set(codes)
