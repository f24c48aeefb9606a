"""What Material's search removes from a page once it indexed it: the same result, found faster."""

from __future__ import annotations

import random
import re

import pytest

from macros.ausgabe import suchindex

# The pattern in Material's search plugin (SearchPlugin.on_page_context).
MATERIAL = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
STUECKE = (" ", "\n", "\t", "\u00a0", "\u2003", "x", '"', "=", ">", "<p", "data-search-", "data-search-exclude",
           'data-search-boost="2"', 'data-search-exclude=""', 'data-search-x="a b"', "data-search-=\"1\"",
           'data-search-ä="ü"', "data-", "search-")


@pytest.mark.parametrize("html", [
    "", "<p>ohne</p>", '<p data-search-exclude>Titel</p>', '<h2 id="a" data-search-boost="2">A</h2>',
    '<p\ndata-search-boost="2"  data-search-exclude="ja">x</p>', 'a data-search-b="1"data-search-c="2" d',
])
def test_wie_material_an_beispielen(html):
    assert suchindex.ohne_suchattribute(html) == MATERIAL.sub("", html)


def test_wie_material_an_zufaelligen_texten():
    zufall = random.Random(20261202)
    for _ in range(5000):
        html = "".join(zufall.choice(STUECKE) for _ in range(zufall.randrange(1, 25)))
        assert suchindex.ohne_suchattribute(html) == MATERIAL.sub("", html), repr(html)


def test_materials_muster_ist_noch_das_gepruefte():
    # If Material changes what it removes, this module must follow.
    import inspect  # noqa: PLC0415

    from material.plugins.search.plugin import SearchPlugin  # noqa: PLC0415

    assert r'r"\s?data-search-\w+=\"[^\"]+\""' in inspect.getsource(SearchPlugin.on_page_context)
