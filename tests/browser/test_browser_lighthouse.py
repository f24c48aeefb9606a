"""Lighthouse 12 (node_modules) on the start page, the largest page and the overview: accessibility score 100.

Performance is not asserted here: on shared 2-core machines its score moves by several points from run to run.
`make lighthouse` prints all four scores.
"""

from __future__ import annotations

import pytest

from browser.fixtures import brauche_chromium, brauche_node_modules, node
from macros.entwicklung import lighthouse as lh

pytestmark = pytest.mark.browser


def test_lighthouse_barrierefreiheit_ist_100(site, server, tmp_path):
    brauche_chromium()
    brauche_node_modules(lh.LIGHTHOUSE)
    node()
    seiten = lh.zu_pruefende_seiten(site)
    assert seiten["start"] == "" and len(set(seiten.values())) >= 2
    werte = lh.barrierefreiheit({name: server.url(pfad) for name, pfad in seiten.items()}, tmp_path)
    assert werte == {name: 100 for name in seiten}
