"""Numbers, dates and file sizes in the format of a language (CLDR data through Babel), digits included."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

# The digits of the numbering systems CLDR names as a language's default (Persian: arabext). Babel formats the
# separators of a numbering system but writes Latin digits.
ZIFFERN = {"latn": "0123456789", "arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}


@lru_cache(maxsize=64)
def gebietsschema(code: str) -> Locale:
    """Babel's locale of a language code; English for a code CLDR does not know (the page still says its lang)."""
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def ziffern(text: str, code: str) -> str:
    """Latin digits in text written in the language's default digits."""
    system = ZIFFERN.get(gebietsschema(code).default_numbering_system, ZIFFERN["latn"])
    return text if system == ZIFFERN["latn"] else text.translate(str.maketrans(ZIFFERN["latn"], system))


def zahl(wert: float, code: str) -> str:
    """1047 -> 1,047 (en), 1 047 (uk), ۱٬۰۴۷ (fa)."""
    schema = gebietsschema(code)
    if float(wert).is_integer():
        wert = int(wert)
    return ziffern(format_decimal(wert, locale=schema, numbering_system="default"), code)


def datum(text: str | None, code: str) -> str:
    """JJJJ-MM-TT as a long date, JJJJ-MM as month and year, JJJJ as the year, in the language; None -> ''."""
    if not text:
        return ""
    teile = [int(t) for t in str(text).split("-")]
    schema = gebietsschema(code)
    if len(teile) == 3:
        ergebnis = format_date(dt.date(*teile), "long", locale=schema)
    elif len(teile) == 2:
        ergebnis = format_skeleton("yMMMM", dt.date(teile[0], teile[1], 1), locale=schema)
    else:
        ergebnis = str(teile[0])
    return ziffern(ergebnis, code)


def groesse(byte: int, code: str) -> str:
    """A file size: 950 KB, 1.2 MB (1,2 MB in German-style locales)."""
    if byte < 1024 * 1024:
        return f"{zahl(max(1, round(byte / 1024)), code)} KB"
    return f"{zahl(round(byte / (1024 * 1024), 1), code)} MB"
