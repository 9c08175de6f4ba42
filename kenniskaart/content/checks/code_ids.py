"""Ids of content that code relies on (a rule names a factor, a theme, a guidance item): the
module declares them with ``named_in_code``, and the validator checks they exist, so renaming an
item in YAML without the code fails ``python -m kenniskaart validate``."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TypeVar

from ..issues import ContentIssue
from ..kenniskaart import Kenniskaart

LESSON_TIPS = "lesson-tips"
"""Pseudo-collection: a phrase that must occur in the text of a lesson's tip."""

C = TypeVar("C", bound=Collection[str])


@dataclass(frozen=True)
class CodeIds:
    """Ids of one collection that one name in code relies on."""

    module: str
    name: str
    collection: str
    ids: tuple[str, ...]


CODE_IDS: list[CodeIds] = []
"""Every declaration, in import order (``python -m kenniskaart validate`` imports the modules)."""


def named_in_code(module: str, name: str, collection: str, ids: C) -> C:
    """Declare that ``module.name`` relies on these ids of ``collection``; returns ``ids``."""
    CODE_IDS.append(CodeIds(module, name, collection, tuple(ids)))
    return ids


def _exists(kk: Kenniskaart, collection: str, ref: str) -> bool:
    if collection == LESSON_TIPS:
        return any(ref in tip.text for lesson in kk.lessons for tip in lesson.tips)
    return ref in kk.by_id(collection)


def ids_named_in_code_exist(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """Every id a module declared with ``named_in_code`` is in the content."""
    for decl in CODE_IDS:
        file = decl.module.replace(".", "/") + ".py"
        for ref in decl.ids:
            if not _exists(kk, decl.collection, ref):
                yield ContentIssue(file, ref, decl.name,
                                   f"de code noemt dit id, maar het staat niet in '{decl.collection}'")
