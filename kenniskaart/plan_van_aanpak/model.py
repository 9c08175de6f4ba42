"""The plan van aanpak's data: what only the municipality knows (``PlanInputs``, kept in the
session and the werkmap), the room's votes it was made from (``RoomVotes``), and the assembled
document (``PlanDocument``: sections of headings, paragraphs, lists, tables and warnings) that
the page, the Word file and the printable view all render. Pure: no Streamlit."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from ..werksessie.room import _BIDI_CONTROLS

MAX_SHORT = 300
"""A room title, an id: one line."""
MAX_TEXT = 20_000
"""A free text (wegingskader, partners, borging): room for a long pasted text."""
MAX_CHOICES = 50

_KEEP = frozenset("\n\t")


def plain_text(value: str) -> str:
    """The text as plain text: NFC, line ends as '\\n', without control characters (which
    Word's XML cannot hold and a screen does not show) and without bidi overrides. Markup and
    formula signs stay as typed: every renderer escapes them."""
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    if text.isprintable():
        return text
    return "".join(c for c in text if c in _KEEP or (unicodedata.category(c) != "Cc" and c not in _BIDI_CONTROLS))


Short = Annotated[str, StringConstraints(max_length=MAX_SHORT)]
Long = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Count = Annotated[int, Field(ge=0, le=100_000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    @field_validator("*", mode="after")
    @classmethod
    def _plain(cls, value):
        return plain_text(value) if isinstance(value, str) else value


class RoomVotes(_Strict):
    """What the plan keeps of a werksessie: its title, the answers per kind of organisation and
    the marks per factor and kind of organisation (``werksessie.room.RoomSummary``)."""

    title: Short = ""
    orgs: dict[Short, Count] = {}
    """Kind of organisation (``werksessie.ORG_TYPES`` id) -> participants who answered."""
    votes: dict[Short, dict[Short, Count]] = {}
    """Factor id -> kind of organisation -> how many marked it."""


class PlanInputs(_Strict):
    """What only the municipality knows; ``None`` = use the text the kenniskaart pre-fills."""

    municipality: Long = ""
    neighbourhoods: Long = ""
    age_min: int | None = Field(default=None, ge=4, le=30)
    age_max: int | None = Field(default=None, ge=4, le=30)
    weighing: Long | None = None
    """The wegingskader (who is in, who is not); None = the pre-filled text."""
    analysis: tuple[Short, ...] = Field(default=(), max_length=MAX_CHOICES)
    """Ids of the analysis sources the municipality used (``AnalysisSource``)."""
    own_analysis: Long = ""
    """Other sources, one per line."""
    partners: Long | None = None
    """'Partner: rol', one per line; None = the pre-filled list."""
    safeguarding: Long = ""
    """Borging, monitoring en evaluatie."""
    room: RoomVotes | None = None
    """The werksessie the profile came from, if any."""


# --- the assembled document --------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""
    """Bold lead-in ('Bron', 'Wat hoort hierin'), '' for none."""
    guidance: bool = False
    """What the CCV asks for in this section (shown smaller / in italics)."""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Notice:
    """A warning the reader must see (an empty spoor, an approach that can harm)."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section."""

    text: str


Block = Paragraph | Bullets | Table | Notice | Heading


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class PlanDocument:
    title: str
    meta: str
    sections: tuple[Section, ...]
    item_names: tuple[str, ...]
    """The plan items, in order (each has a sub-heading under the onderbouwde keuzes)."""

    def headings(self) -> list[str]:
        """Section titles and sub-headings, in order (what the page and the Word file show)."""
        out: list[str] = []
        for s in self.sections:
            out.append(s.title)
            out += [b.text for b in s.blocks if isinstance(b, Heading)]
        return out

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]
