"""Indicators: Samen Weerbaar's joint scan and the other indicators of the Nulmeting en monitor."""

from __future__ import annotations

from pydantic import Field

from ..vocabulary import IndicatorKind, IndicatorLevel
from .base import Id, Sources, Strict, Text


class WhereToFind(Strict):
    """A named monitor or registration where a municipality finds an indicator."""

    name: Text
    url: str | None = None
    """A public page that describes it (only where the team verified one)."""


class Indicator(Strict):
    """An indicator of Samen Weerbaar's joint scan (seed 004 §5.1, aanbeveling 1): a theme that can
    be present in a protective sense (left end of an axis) or a risky sense (right end). The
    Werksessie asks a room where its municipality stands; a monitor can measure the same items."""

    id: Id
    name: Text
    """A short everyday name; the source's own wording is item ``number`` of ``guidance``."""
    level: IndicatorLevel
    number: int = Field(ge=1, le=20)
    """Position in the source's list of its level ((1)-(5) gezin, (1)-(11) gemeenschap)."""
    guidance: Id
    """The guidance item that lists the indicators of this level in the source's words (one home)."""
    protective: Text
    """Words for the protective end of the axis (left)."""
    risky: Text
    """Words for the risky end of the axis (right)."""
    risk_factors: list[Id] = []
    protective_factors: list[Id] = []
    sources: Sources
    # --- for the Nulmeting en monitor (additive; None = the monitor's default wording) ---
    measures: str | None = None
    """What a measurement of this indicator counts; None: where the municipality stands on the axis."""
    where: list[WhereToFind] = []
    """Where a municipality finds it; [] = the joint scan (a werksessie)."""
    kind: IndicatorKind | None = None
    watch: str | None = None
    """Unintended or counterproductive effects to watch (the 'does not work' layer)."""


class MonitorIndicator(Strict):
    """An indicator for the Nulmeting en monitor beyond Samen Weerbaar's scan: the CCV's monitors
    (seed 001, les 1 and les 4) and the monitor of Samen Weerbaar's aanbeveling 5 (seed 004 §5.3).
    Suggested for a plan's factors (``factors``, or a factor with one of ``pmg_themes``) and its
    items (``interventions``, or ``every_item``)."""

    id: Id
    name: Text
    measures: Text
    """What it counts, in the team's words."""
    where: list[WhereToFind] = Field(min_length=1)
    kind: IndicatorKind
    watch: str | None = None
    """Unintended or counterproductive effects to watch."""
    factors: list[Id] = []
    pmg_themes: list[Id] = []
    interventions: list[Id] = []
    every_item: bool = False
    """Suggested for every plan item (reach, unintended effects)."""
    sources: Sources
