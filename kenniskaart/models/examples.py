"""Practice examples, the CCV lessons with their tips, and guidance items."""

from __future__ import annotations

from pydantic import model_validator

from ..vocabulary import Basis, ExampleKind, GuidanceKind, NotWorkingKind
from .base import Id, Sources, Strict, Text
from .interventions import Caution, FactorLink


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
    cautions: list[Caution] = []
    """Warnings that apply to this example (e.g. universal awareness lessons)."""
    figures: list[Figure] = []
    sources: Sources


# --- lessons and guidance ----------------------------------------------------------


class Tip(Strict):
    text: Text
    cautions: list[Caution] = []
    """Warnings that apply to acting on this tip (e.g. awareness campaigns)."""


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
    verdict: NotWorkingKind | None = None
    """For kind ``werkt_niet`` (the Lessen part "Wat niet werkt"): which of the three kinds of
    "does not work" the source supports. Required there, not allowed elsewhere."""
    sources: Sources

    @model_validator(mode="after")
    def _verdict_only_for_werkt_niet(self) -> Guidance:
        if (self.kind == "werkt_niet") != (self.verdict is not None):
            raise ValueError("verdict (kan_schaden, geen_effect of niet_aangetoond) hoort precies bij kind werkt_niet")
        return self
