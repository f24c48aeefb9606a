"""Material's search plugin as this site uses it: its name, and what it removes from a page once indexed."""

from __future__ import annotations

import re

from material.plugins.search.plugin import SearchPlugin
from mkdocs.config.defaults import MkDocsConfig

SUCHE = "material/search"

_ATTRIBUT = re.compile(r'data-search-\w+="[^"]+"')
_LEERZEICHEN = re.compile(r"\s")


def ohne_suchattribute(html: str) -> str:
    """html without the data-search-* attributes that have a value, each with the one white-space character
    before it, as Material's search removes them after indexing a page (re.sub of \\s?data-search-\\w+="[^"]+").
    Its pattern begins with an optional character and is tried at every position of every page: a tenth of a
    rebuild at 1,000 measures, for attributes our pages hardly have."""
    if "data-search-" not in html:
        return html
    teile, ende = [], 0
    for treffer in _ATTRIBUT.finditer(html):
        anfang = treffer.start()
        if anfang > ende and _LEERZEICHEN.match(html, anfang - 1):
            anfang -= 1
        teile.append(html[ende:anfang])
        ende = treffer.end()
    teile.append(html[ende:])
    return "".join(teile)


def schneller_aufraeumen(config: MkDocsConfig) -> None:
    """Material's search indexes each page as before and then removes those attributes with ohne_suchattribute."""
    plugin = config.plugins.get(SUCHE)
    if not isinstance(plugin, SearchPlugin) or type(plugin).on_page_context is not SearchPlugin.on_page_context:
        return

    def on_page_context(context: dict, *, page, config: MkDocsConfig, nav) -> None:
        if not plugin.config.enabled:
            return
        plugin.search_index.add_entry_from_context(page)
        page.content = ohne_suchattribute(page.content)

    ereignisse = config.plugins.events["page_context"]
    for stelle, methode in enumerate(ereignisse):
        if getattr(methode, "__self__", None) is plugin:
            ereignisse[stelle] = on_page_context
            config.plugins._event_origins[on_page_context] = config.plugins._event_origins.get(methode, SUCHE)
