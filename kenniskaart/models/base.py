"""The base of the schema: ids, texts, the strict base model, sources and citations, and the
age constants every model and page shares."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..vocabulary import SourceKind

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

AGE_LIMITS: tuple[int, int] = (4, 30)
"""The ages a profile, casus, share link or werksessie room accepts (sliders use the same)."""

PMG_AGES: tuple[int, int] = (8, 27)
"""Preventie met Gezag is for young people of 8 to 27 (seed 003): nothing suggested without an
age (Planscan gap suggestions) may fall entirely outside this range."""


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
    peildatum: dt.date | None = None
    """The day the page at ``url`` was read (facts on web pages change)."""


Sources = Annotated[list[SourceRef], Field(min_length=1)]
