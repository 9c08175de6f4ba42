"""Aids the kenniskaart team made for using the content: ready-made profiles (casussen) for the
Aanbeveler and groups of everyday search words."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from ..vocabulary import Offence, Setting
from .base import AGE_LIMITS, Id, Sources, Strict, Text


class Case(Strict):
    """A ready-made example profile (casus) for the Aanbeveler, drawn from the seeds."""

    id: Id
    title: Text
    description: Text
    age: int | None = Field(default=None, ge=AGE_LIMITS[0], le=AGE_LIMITS[1])
    risk_factors: list[Id] = []
    protective_factors: list[Id] = []
    settings: list[Setting] = []
    need: Id | None = None
    """Help level id, or None to let the Aanbeveler suggest one."""
    offence: Offence | None = None
    """Whether the young person offended: geen / eerste / herhaald; None = not stated."""
    lvb: bool | None = None
    """Mild intellectual disability (IQ roughly 50-85); None = not stated."""
    parent: bool | None = None
    """A parent or carer who can take part; None = not stated."""
    sources: Sources


class Synonym(Strict):
    """Everyday words a user may type for the same thing, for search only.

    A search word that equals one of ``words`` also finds texts containing any other word
    of the group (e.g. 'drugs' finds 'middelengebruik'). A search aid made by the
    kenniskaart team, not a statement of a source: it never changes what an item says.
    """

    id: Id
    words: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60)]] = Field(
        min_length=2)
    note: str | None = None
    """Why these words belong together (for editors)."""
    picker: int = Field(default=2, ge=0, le=4)
    """How many of the first ``words`` a factor picker shows after the name of a factor the group
    fits ('… · ook: blowen, cannabis'): the words users type there. 0: the group helps the search
    boxes only (a picker finds those factors by their name already: 'crimin')."""
