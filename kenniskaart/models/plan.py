"""The plan van aanpak: its sections, the sources for its analyses and the sporen it covers."""

from __future__ import annotations

from ..vocabulary import Basis, Setting
from .base import Id, Sources, Strict, Text

PLAN_SECTION_IDS: tuple[str, ...] = (
    "afbakening", "probleemanalyse", "keuzes", "sporen", "partners", "dekking", "monitor", "borging",
)
"""The sections of a plan van aanpak, in order (CCV les 1, seed 001); the loader checks that
``plan_sections`` holds each of them once."""


class PlanSection(Strict):
    """A section of the plan van aanpak and what the CCV says it must contain (seed 001, les 1)."""

    id: Id
    title: Text
    guidance: Text
    """What the section is for, in the team's own words, after the source."""
    sources: Sources


class AnalysisSource(Strict):
    """A source for the area and target-group analyses a plan rests on, as the CCV names them
    (seed 001, les 1: leefbaarheidsmonitor, veiligheidsmonitor, sociaal domein, justitiële
    partners, wetenschap). The plan offers them as choices."""

    id: Id
    name: Text
    description: str | None = None
    sources: Sources


class Spoor(Strict):
    """A spoor (life domain) a plan covers (seed 001, les 1: onderwijs, werken, wonen en
    veiligheid; not only zorg, also werk en inkomen) and what in the content serves it.

    A plan item serves the spoor when it has one of ``pmg_themes``, one of ``settings`` or
    addresses one of ``factors``. The mapping is the team's classification unless ``basis``
    says otherwise; ``note`` says what it rests on."""

    id: Id
    name: Text
    description: Text
    pmg_themes: list[Id] = []
    settings: list[Setting] = []
    factors: list[Id] = []
    basis: Basis = "team"
    note: str | None = None
    sources: Sources
