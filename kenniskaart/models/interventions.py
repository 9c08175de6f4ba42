"""Interventions: what they address, their recognition and the cautions that apply."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from ..vocabulary import (
    Basis,
    CautionKind,
    Committee,
    Format,
    InterventionKind,
    InterventionPurpose,
    Level,
    PreventionLevel,
    RecognitionLevel,
    Requirement,
    Setting,
)
from .base import Id, SourceRef, Sources, Strict, Text


class FactorLink(Strict):
    """A factor an intervention or example addresses."""

    factor: Id
    basis: Basis
    """``bron``: a source states the link for this item. ``thema``: a source states it for
    the item's theme only (seed 002 §3.1.1). ``team``: derived by the team."""
    note: str | None = None
    """What the link rests on (quote or reasoning)."""


class Recognition(Strict):
    """Recognition status of an intervention on a peildatum."""

    level: RecognitionLevel
    body: str | None = None
    """E.g. 'NJi Databank Effectieve Jeugdinterventies', 'Erkenningscommissie'."""
    committee: Committee | None = None
    """The deelcommissie that rated it; every recognised statement names one (or 'onbekend')."""
    outcome: str | None = None
    """The outcome this rating is for, where a source rates outcomes apart (MDFT: 'delinquentie'
    vs 'middelengebruik')."""
    outcome_factors: list[Id] = []
    """Factors that outcome is about: when a profile selects one of them, the Aanbeveler uses this
    rating (the one for the outcome that matters to the profile) instead of the main one."""
    date: dt.date | None = None
    """Date of the recognition decision, if known."""
    in_review: bool = False
    """'In herbeoordeling'."""
    note: str | None = None
    sources: Sources


class Caution(Strict):
    """A warning that applies to an intervention, a practice example or a tip."""

    kind: CautionKind
    text: Text
    guidance: Id | None = None
    """Id of the guidance item that explains this warning (e.g. the Kwaliteitskader's two
    warnings); the UI links to it."""
    sources: list[SourceRef] = []
    min_age: int | None = Field(default=None, ge=0, le=99)
    max_age: int | None = Field(default=None, ge=0, le=99)
    """For a ``doelgroep`` caution: the ages the target group allows, where a source gives them
    (e.g. not for children under 12). The Aanbeveler excludes ages outside, with the caution as
    the reason. None = the caution is shown, nothing is excluded."""


class Intervention(Strict):
    """An intervention or approach in the catalogue."""

    id: Id
    name: Text
    aliases: list[str] = []
    kind: InterventionKind
    purpose: InterventionPurpose
    """What it is for: a youth intervention, an approach/service, an instrument or a
    training. Only ``jeugdinterventie`` and ``aanpak`` are recommended for a young person."""
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
    prevention: PreventionLevel | None = None
    """Who it is for: universeel (a whole class/school/neighbourhood), selectief, geindiceerd,
    or na_delict (justice frame). None = onbekend."""
    requires: list[Requirement] = []
    """Eligibility conditions a source gives (offence, LVB, no LVB, a parent who takes part)."""
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
    """None = recognition unknown. The statement the Aanbeveler uses."""
    other_recognitions: list[Recognition] = []
    """Other, conflicting or older statements about recognition, each with its source
    (e.g. PIT: seed 002 calls it recognised, no NJi entry found). Shown next to the main one."""
    effect: str | None = None
    """Effect evidence in one or two plain sentences; None = unknown."""
    effect_sources: list[SourceRef] = []
    """Where the effect statement comes from."""
    delivered_by: str | None = None
    """Implementation: who delivers it (e.g. 'getrainde sportcoaches'); None = unknown."""
    duration: str | None = None
    """Implementation: how long it takes (e.g. 'ongeveer een jaar'); None = unknown."""
    training: str | None = None
    """Implementation: training or licence needed for professionals; None = unknown."""
    working_elements: list[str] = []
    conditions: list[str] = []
    """Conditions for implementation named by the source."""
    conclusion: str | None = None
    """The source's conclusion on the intervention (seed 004 §4.4)."""
    reoffending: bool = False
    """A source names preventing reoffending ('voorkomen recidive') as its goal: with an offence
    in the profile the Aanbeveler offers it for the offence itself (need principle), also when
    no selected factor links to it."""
    cautions: list[Caution] = []
    municipalities: list[str] = []
    """Municipalities where the seeds say it is used."""
    links: list[str] = []
    sources: Sources

    @model_validator(mode="after")
    def _age_order(self) -> Intervention:
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValueError(f"min_age ({self.min_age}) is groter dan max_age ({self.max_age})")
        return self
