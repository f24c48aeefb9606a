"""Typed, frozen records of the concept's data (the German words for their codes: begriffe.py)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


def anker(kennung: str) -> str:
    """A measure's stable anchor and URL part: its id in lower case, SP-01 -> sp-01."""
    return kennung.lower()


@dataclass(frozen=True)
class Link:
    titel: str
    url: str


@dataclass(frozen=True)
class Verlaufseintrag:
    """A dated note on a measure. It carries no status: the status is written once, in Massnahme.status."""

    datum: str
    text: str
    quelle: tuple[str, ...] = ()


@dataclass(frozen=True)
class Massnahme:
    id: str
    titel: str
    handlungsfeld: str
    beschreibung: str
    ziel: str
    federfuehrung: str
    status: str
    beschlussstand: str
    quelle: tuple[str, ...]
    stand: str
    partner: tuple[str, ...] = ()
    zielgruppe: tuple[str, ...] = ()
    beginn: str | None = None
    ende: str | None = None
    begruendung: str | None = None
    beschluss: str | None = None
    prioritaet: str | None = None
    zeithorizont: str | None = None
    indikatoren: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    verlauf: tuple[Verlaufseintrag, ...] = ()

    @property
    def ist_vorschlag(self) -> bool:
        return self.beschlussstand == "vorschlag"

    @property
    def anker(self) -> str:
        """Stable anchor and URL part, e.g. sp-01."""
        return anker(self.id)

    def __hash__(self) -> int:
        """The hash of all fields, computed once: a measure is the key of many caches, and it never changes."""
        try:
            return self.__dict__[_HASH]
        except KeyError:
            wert = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, _HASH, wert)
            return wert

    def __getstate__(self) -> dict:
        """A copy or a pickle computes the hash anew (another process hashes text differently)."""
        return {name: wert for name, wert in self.__dict__.items() if name != _HASH}


_HASH = "_hash"


@dataclass(frozen=True)
class Handlungsfeld:
    id: str
    praefix: str
    titel: str
    art: str
    seite: str
    arbeitsgruppe: str
    quelle: tuple[str, ...]
    untertitel: str | None = None
    fruehere_praefixe: tuple[str, ...] = ()

    @property
    def voller_titel(self) -> str:
        return f"{self.titel} ({self.untertitel})" if self.untertitel else self.titel


@dataclass(frozen=True)
class Gremium:
    id: str
    name: str
    art: str
    quelle: tuple[str, ...]
    handlungsfeld: str | None = None
    leitung: str | None = None
    zusammensetzung: str | None = None
    aufgaben: tuple[str, ...] = ()


@dataclass(frozen=True)
class Beschluss:
    """A decision a measure rests on: a Gremium's resolution or a decision of the administration."""

    id: str
    titel: str
    art: str
    gremium: str
    datum: str
    quelle: tuple[str, ...]
    drucksache: str | None = None
    url: str | None = None
    hinweis: str | None = None


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    art: str
    quelle: tuple[str, ...]
    beschreibung: str | None = None


@dataclass(frozen=True)
class Quelle:
    id: str
    kurz: str
    titel: str
    herausgeber: str
    art: str
    datum: str | None = None
    url: str | None = None
    fundstelle: str | None = None
    hinweis: str | None = None


@dataclass(frozen=True)
class Meilenstein:
    id: str
    titel: str
    status: str
    quelle: tuple[str, ...]
    beschreibung: str | None = None
    datum_geplant: str | None = None
    datum_ist: str | None = None

    @property
    def datum(self) -> str | None:
        """The actual date where there is one, else the planned one."""
        return self.datum_ist or self.datum_geplant


@dataclass(frozen=True)
class Kennzahl:
    id: str
    bezeichnung: str
    wert: float
    einheit: str
    stichtag: str
    quelle: tuple[str, ...]
    genauigkeit: str = "genau"
    handlungsfeld: str | None = None
    hinweis: str | None = None


@dataclass(frozen=True)
class Ziel:
    id: str
    handlungsfeld: str
    ebene: str
    text: str
    beschlussstand: str
    quelle: tuple[str, ...]


@dataclass(frozen=True)
class Lizenz:
    name: str
    kennung: str
    url: str


@dataclass(frozen=True)
class Konzept:
    titel: str
    herausgeber: str
    fassung: str
    stand: str
    status: str
    lizenz: Lizenz
    pdf_datei: str
    adresse: str  # the public address of the site (SITE_URL overrides it in a build)
    untertitel: str | None = None
    beschlossen_am: str | None = None
    hinweis: str | None = None


@dataclass(frozen=True)
class Sprache:
    """A language the concept is translated into (data/sprachen.yaml)."""

    code: str
    name: str
    richtung: str
    muttersprachlich_geprueft: bool
    geprueft_von: str | None = None
    suchregeln: str | None = None

    @property
    def rechts_nach_links(self) -> bool:
        return self.richtung == "rtl"


@dataclass(frozen=True)
class MassnahmeUebersetzung:
    """A measure's title and one sentence in a language, and the fingerprint of the German text they come from."""

    id: str
    titel: str
    satz: str
    grundlage: str
    zeile: int = 0


@dataclass(frozen=True)
class Uebersetzung:
    """Everything translated into one language (data/uebersetzungen/<code>.yaml)."""

    sprache: str
    datei: str
    texte: dict[str, str]
    status: dict[str, str]
    beschlussstand: dict[str, str]
    startseite: dict
    massnahmen: dict[str, MassnahmeUebersetzung]
    zeilen: dict[str, int] = field(default_factory=dict, compare=False)  # line of each value, by dotted path


@dataclass(frozen=True)
class Konzeptdaten:
    """Everything in data/, checked and cross-referenced."""

    konzept: Konzept
    handlungsfelder: tuple[Handlungsfeld, ...]
    gremien: dict[str, Gremium]
    organisationen: dict[str, Organisation]
    quellen: dict[str, Quelle]
    meilensteine: tuple[Meilenstein, ...]
    kennzahlen: tuple[Kennzahl, ...]
    ziele: tuple[Ziel, ...]
    massnahmen: tuple[Massnahme, ...]
    beschluesse: dict[str, Beschluss] = field(default_factory=dict)
    sprachen: tuple[Sprache, ...] = ()
    uebersetzungen: dict[str, Uebersetzung] = field(default_factory=dict)
    _nach_feld: dict[str, tuple[Massnahme, ...]] = field(default_factory=dict, repr=False, compare=False)
    # Measures by id: each of 10,000 measure pages looks its measure up (a linear search was quadratic).
    _nach_id: dict[str, Massnahme] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        gruppen: dict[str, list[Massnahme]] = {feld.id: [] for feld in self.handlungsfelder}
        for massnahme in self.massnahmen:
            gruppen[massnahme.handlungsfeld].append(massnahme)
        self._nach_feld.update({schluessel: tuple(liste) for schluessel, liste in gruppen.items()})
        self._nach_id.update((massnahme.id, massnahme) for massnahme in self.massnahmen)

    def massnahmen_im_feld(self, feld_id: str) -> tuple[Massnahme, ...]:
        return self._nach_feld[feld_id]

    def handlungsfeld(self, feld_id: str) -> Handlungsfeld:
        return next(feld for feld in self.handlungsfelder if feld.id == feld_id)

    def massnahme(self, massnahme_id: str) -> Massnahme:
        return self._nach_id[massnahme_id]

    def finde_massnahme(self, massnahme_id: str) -> Massnahme | None:
        return self._nach_id.get(massnahme_id)

    def kennzahl(self, kennzahl_id: str) -> Kennzahl:
        return next(k for k in self.kennzahlen if k.id == kennzahl_id)

    def stelle(self, stellen_id: str) -> str:
        """Name of an organisation or Gremium by id."""
        if stellen_id in self.organisationen:
            return self.organisationen[stellen_id].name
        return self.gremien[stellen_id].name

    def ziele_im_feld(self, feld_id: str) -> tuple[Ziel, ...]:
        return tuple(ziel for ziel in self.ziele if ziel.handlungsfeld == feld_id)
