"""What the checks walk over: every item with its collection, the source references and
cautions inside an item, and a shorthand for an issue at an item's field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ...models import COLLECTIONS, Caution, Intervention, Recognition, SourceRef
from ..issues import ContentIssue
from ..kenniskaart import Kenniskaart


def items(kk: Kenniskaart, *collections: str) -> Iterator[tuple[str, Any]]:
    """(collection, item) for the named collections (all when none is named), in file order."""
    for name in collections or tuple(COLLECTIONS):
        for item in getattr(kk, name):
            yield name, item


def issue(kk: Kenniskaart, collection: str, item: Any, fld: str, message: str) -> ContentIssue:
    """A problem at ``fld`` of an item, with the file it was read from."""
    return ContentIssue(kk.file_of(collection, item.id), item.id, fld, message)


def source_refs(obj: Any, path: str = "") -> Iterator[tuple[str, SourceRef]]:
    """All SourceRef objects inside a model, with their field path."""
    if isinstance(obj, SourceRef):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from source_refs(getattr(obj, name), f"{path}.{name}" if path else name)
    elif isinstance(obj, (list, tuple)):
        for i, value in enumerate(obj):
            yield from source_refs(value, f"{path}.{i}")


def cautions(item: Any) -> Iterator[tuple[str, Caution]]:
    """The cautions of an intervention, example or lesson (its tips), with their field path."""
    for i, c in enumerate(getattr(item, "cautions", ())):
        yield f"cautions.{i}", c
    for t, tip in enumerate(getattr(item, "tips", ())):
        for i, c in enumerate(tip.cautions):
            yield f"tips.{t}.cautions.{i}", c


def recognitions(iv: Intervention) -> Iterator[tuple[str, Recognition]]:
    """An intervention's main recognition and its other ones, with their field path."""
    if iv.recognition is not None:
        yield "recognition", iv.recognition
    for i, rec in enumerate(iv.other_recognitions):
        yield f"other_recognitions.{i}", rec
