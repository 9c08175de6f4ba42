"""Strict content schema of the kenniskaart.

Every YAML file under ``content/`` holds one or more top-level keys, each a list of
items of one collection (see ``COLLECTIONS`` at the bottom). All models forbid unknown
fields, so a typo in a YAML key is an error, not silently ignored data.

Conventions
-----------
* ``id`` fields are stable slugs (lower case, digits, hyphens). Other items refer to
  them; the loader checks that every reference resolves.
* ``None`` means "the sources say nothing" and is shown to users as "onbekend".
  Never fill a value the sources do not give.
* Every item carries ``sources``: at least one ``SourceRef`` naming a ``Source`` id and
  the section, table or page it comes from.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# --- controlled vocabularies -------------------------------------------------------

FactorKind = Literal["risico", "beschermend"]
"""Risk factor or protective factor."""

Level = Literal["individu", "gezin", "gemeenschap"]
"""Ecological level a factor (or an intervention) works on."""

Evidence = Literal["gefundeerd", "plausibel", "robuust", "kwalitatief", "niet_beoordeeld"]
"""Evidence strength of a factor.

* ``gefundeerd``: Bureau Beke, named in at least three studies (seed 002, Bijlage 1).
* ``plausibel``: Bureau Beke, named in one or two studies.
* ``robuust``: Samen Weerbaar, statistically robust relation (seed 004).
* ``kwalitatief``: Samen Weerbaar, only qualitatively meaningful (seed 004).
* ``niet_beoordeeld``: the source names the factor without grading its strength.
"""

CrimeScope = Literal["jeugdcriminaliteit_algemeen", "georganiseerde_criminaliteit"]
"""Samen Weerbaar marking: named for youth crime in general, or made explicit for
organised crime."""

FactorFramework = Literal[
    "beke_kennissynthese",
    "samen_weerbaar",
    "positieve_ontwikkeling",
    "individuele_veerkracht",
]
"""Which body of knowledge the factor belongs to (used for grouping on the page)."""

ThemeKind = Literal["pmg", "praktijkscan"]
"""``pmg``: the five PmG themes (seed 003). ``praktijkscan``: the twelve intervention
themes of the praktijkscan (seed 002)."""

Grounding = Literal["gefundeerd", "ongefundeerd", "exploratief"]
"""How well a praktijkscan theme is grounded in the knowledge synthesis (seed 002 §3.1)."""

Basis = Literal["bron", "team"]
"""``bron``: a source states it. ``team``: the kenniskaart team's own classification or
derivation (shown as such in the UI)."""

Format = Literal["individueel", "groep", "gezin", "school", "wijk", "online", "netwerk"]
"""How an intervention is delivered."""

Setting = Literal["school", "gezin", "wijk", "individueel", "werk", "justitie", "vrije_tijd"]
"""Where an intervention takes place; the profile's preferred settings use the same ids."""

InterventionKind = Literal["interventie", "aanpak", "gemeenschap"]
"""``interventie``: a named programme (possibly recognised). ``aanpak``: an approach or
working method a municipality can adopt. ``gemeenschap``: a community intervention
(seed 004 §4.4)."""

RecognitionLevel = Literal[
    "effectief volgens sterke aanwijzingen",
    "effectief volgens goede aanwijzingen",
    "effectief volgens eerste aanwijzingen",
    "goed onderbouwd",
    "goed beschreven",
    "niet erkend",
    "niet beoordeeld",
]
"""Recognition levels, strongest first (NJi / Erkenningscommissie vocabulary;
``goed beschreven`` is Movisie's / Loket Gezond Leven's rating)."""

RECOGNITION_ORDER: dict[str, int] = {
    "effectief volgens sterke aanwijzingen": 5,
    "effectief volgens goede aanwijzingen": 4,
    "effectief volgens eerste aanwijzingen": 3,
    "goed onderbouwd": 2,
    "goed beschreven": 1,
    "niet erkend": 0,
    "niet beoordeeld": 0,
}

CautionKind = Literal["groepsinterventie", "voorlichting", "toelating", "erkenning", "overig"]
"""``groepsinterventie`` and ``voorlichting``: the Kwaliteitskader warnings.
``toelating``: eligibility conditions (IQ, offence). ``erkenning``: recognition expired
or in reassessment."""

ExampleKind = Literal["botoc", "pmg"]
"""``botoc``: one of the 62 BOTOC interventions (seed 002, Bijlage 2). ``pmg``: an
example from the PmG report (seed 003)."""

GuidanceKind = Literal[
    "wat_werkt",
    "procesbevinding",
    "conclusie",
    "verbeterpunt",
    "participatieniveau",
    "samenwerkingsvoorwaarde",
    "helpende_methode",
    "implementatie_element",
    "collectieve_weerbaarheid",
    "kennislacune",
    "aanbeveling",
    "leidende_stap",
]
"""Kinds of guidance item (seeds 000, 001, 002, 004)."""

SourceKind = Literal["seed", "referentie"]


class Strict(BaseModel):
    """Base model: unknown fields are errors, items are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- sources -----------------------------------------------------------------------


class Source(Strict):
    """A document the content is taken from."""

    id: Id
    title: Text
    publisher: Text
    date: dt.date | None = None
    """Publication date, if known."""
    file: str | None = None
    """File name under ``shared/seeds`` or ``shared/reference``."""
    kind: SourceKind
    description: str | None = None
    """What the kenniskaart takes from this document."""


class SourceRef(Strict):
    """A citation: which source, and where in it."""

    source: Id
    """Id of a ``Source``."""
    section: Text
    """Section, table, annex or page, e.g. 'Bijlage 1, tabel Criminaliteit'."""
    url: str | None = None
    """Public page behind a reference fact, if any."""


Sources = Annotated[list[SourceRef], Field(min_length=1)]


# --- themes and levels of help -----------------------------------------------------


class Theme(Strict):
    """A PmG theme or a praktijkscan intervention theme."""

    id: Id
    name: Text
    kind: ThemeKind
    description: Text
    order: int = 0
    grounding: Grounding | None = None
    """Praktijkscan themes only: grounding per seed 002 §3.1."""
    risk_factors: list[Id] = []
    """Praktijkscan themes: risk factor ids the seed says the theme addresses."""
    protective_factors: list[Id] = []
    """Praktijkscan themes: protective factor ids the seed says the theme addresses."""
    sources: Sources


class HelpLevel(Strict):
    """One of the three levels of help of the PmG report (seed 003)."""

    id: Id
    name: Text
    order: int
    """1 = lightest (positieve ondersteuning) … 3 = specialistische aanpak."""
    description: Text
    sources: Sources


# --- factors -----------------------------------------------------------------------


class Factor(Strict):
    """A risk or protective factor."""

    id: Id
    name: Text
    kind: FactorKind
    level: Level
    framework: FactorFramework
    category: str | None = None
    """Category as the source's table heads it, e.g. 'Psychologische factoren'."""
    evidence: Evidence
    crime_scope: CrimeScope | None = None
    """Samen Weerbaar marking; None where the source makes no such distinction."""
    target_group: str | None = None
    """'Doelgroep' as the source states it (e.g. 'Jongeren', 'Algemeen')."""
    studied_in_nl: bool | None = None
    """Beke: whether studies were (also) done in the Netherlands."""
    pmg_themes: list[Id] = []
    """Ids of PmG themes (kind 'pmg')."""
    pmg_themes_basis: Basis = "team"
    """Whether the theme mapping is stated by a source or the team's classification."""
    description: str | None = None
    """Short description in the team's own words."""
    note: str | None = None
    """Remarks, e.g. a discrepancy between the seed's text and its table."""
    sources: Sources


# --- interventions -----------------------------------------------------------------


class FactorLink(Strict):
    """A factor an intervention or example addresses."""

    factor: Id
    basis: Basis
    """``bron``: a source states the link. ``team``: derived by the team."""
    note: str | None = None
    """For derived links: what the derivation rests on."""


class Recognition(Strict):
    """Recognition status of an intervention on a peildatum."""

    level: RecognitionLevel
    body: str | None = None
    """E.g. 'NJi Databank Effectieve Jeugdinterventies', 'Erkenningscommissie'."""
    date: dt.date | None = None
    """Date of the recognition decision, if known."""
    in_review: bool = False
    """'In herbeoordeling'."""
    note: str | None = None
    sources: Sources


class Caution(Strict):
    """A warning that applies to an intervention."""

    kind: CautionKind
    text: Text
    sources: list[SourceRef] = []


class Intervention(Strict):
    """An intervention or approach in the catalogue."""

    id: Id
    name: Text
    aliases: list[str] = []
    kind: InterventionKind
    description: Text
    """Concise description in the team's own words."""
    goal: str | None = None
    method: str | None = None
    developer: str | None = None
    min_age: int | None = Field(default=None, ge=0, le=99)
    max_age: int | None = Field(default=None, ge=0, le=99)
    """Age range in years; None = unknown (shown as 'onbekend')."""
    age_note: str | None = None
    target_group: str | None = None
    formats: list[Format] = []
    settings: list[Setting] = []
    levels: list[Level] = []
    """Level(s) the intervention works on: individu, gezin, gemeenschap."""
    help_levels: list[Id] = []
    """Ids of ``HelpLevel`` items."""
    pmg_themes: list[Id] = []
    praktijkscan_themes: list[Id] = []
    factors: list[FactorLink] = []
    recognition: Recognition | None = None
    """None = recognition unknown."""
    effect: str | None = None
    """Effect evidence in one or two plain sentences; None = unknown."""
    working_elements: list[str] = []
    conditions: list[str] = []
    """Conditions for implementation named by the source."""
    conclusion: str | None = None
    """The source's conclusion on the intervention (seed 004 §4.4)."""
    cautions: list[Caution] = []
    municipalities: list[str] = []
    """Municipalities where the seeds say it is used."""
    links: list[str] = []
    sources: Sources

    @model_validator(mode="after")
    def _age_order(self) -> "Intervention":
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValueError(f"min_age ({self.min_age}) is groter dan max_age ({self.max_age})")
        return self


# --- practice examples -------------------------------------------------------------


class Figure(Strict):
    """A figure reported for an example, e.g. '576 jongeren aangemeld'."""

    label: Text
    value: Text


class PracticeExample(Strict):
    """A BOTOC intervention of a municipality or a PmG example."""

    id: Id
    kind: ExampleKind
    code: str | None = None
    """BOTOC code, e.g. 'AMS1'."""
    name: Text
    municipality: str | None = None
    """None for examples the source reports without a municipality."""
    description: Text
    praktijkscan_themes: list[Id] = []
    praktijkscan_themes_basis: Basis = "team"
    pmg_themes: list[Id] = []
    help_levels: list[Id] = []
    factors: list[FactorLink] = []
    interventions: list[Id] = []
    """Catalogue interventions this example uses."""
    status: str | None = None
    """Whether it went ahead, as far as the source says."""
    figures: list[Figure] = []
    sources: Sources


# --- lessons and guidance ----------------------------------------------------------


class Tip(Strict):
    text: Text


class Lesson(Strict):
    """One of the four CCV lessons with its tips (seed 001)."""

    id: Id
    number: int
    title: Text
    summary: Text
    tips: list[Tip] = []
    sources: Sources


class Guidance(Strict):
    """A guidance item: a finding, principle, condition, question set, etc."""

    id: Id
    kind: GuidanceKind
    title: Text
    text: str | None = None
    items: list[str] = []
    """Sub-items: questions, ingredients, bullet points."""
    order: int = 0
    sources: Sources


class Case(Strict):
    """A ready-made example profile (casus) for the Aanbeveler, drawn from the seeds."""

    id: Id
    title: Text
    description: Text
    age: int | None = Field(default=None, ge=4, le=30)
    risk_factors: list[Id] = []
    protective_factors: list[Id] = []
    settings: list[Setting] = []
    need: Id | None = None
    """Help level id, or None to let the matcher suggest one."""
    sources: Sources


COLLECTIONS: dict[str, type[Strict]] = {
    "sources": Source,
    "themes": Theme,
    "help_levels": HelpLevel,
    "factors": Factor,
    "interventions": Intervention,
    "examples": PracticeExample,
    "lessons": Lesson,
    "guidance": Guidance,
    "cases": Case,
}
"""Top-level YAML keys and the model of their items."""
