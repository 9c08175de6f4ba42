"""Twins, mirrors and related factors: the relations between factors are symmetric, and a
twin class is complete (the loader refuses content that breaks one of these).

A twin class is one factor named in several frameworks: every member names every other. A
chain (A twin of B, B twin of C, A not of C) joins factors that are not the same: make the
weaker pair 'related' (verwant) instead. Related factors are never twins of each other."""

from __future__ import annotations

from collections.abc import Iterator

from ..issues import ContentIssue
from ..kenniskaart import Kenniskaart
from .walk import issue


def twins_name_each_other(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A factor is not its own twin, and its twin names it back."""
    factors = kk.by_id("factors")
    for f in kk.factors:
        for i, t in enumerate(f.twins):
            twin = factors.get(t)
            if t == f.id:
                yield issue(kk, "factors", f, f"twins.{i}", "een factor kan niet zijn eigen tweeling zijn")
            elif twin is not None and f.id not in twin.twins:
                yield issue(kk, "factors", f, f"twins.{i}", f"'{t}' noemt '{f.id}' niet terug als tweeling")


def twin_classes_are_complete(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """Every twin of a twin is a twin: no chains."""
    factors = kk.by_id("factors")
    for f in kk.factors:
        for t in f.twins:
            if t not in factors:
                continue
            for tt in factors[t].twins:
                if tt != f.id and tt not in f.twins:
                    yield issue(
                        kk, "factors", f, "twins",
                        f"tweelingketen: '{t}' is een tweeling van '{tt}', maar '{f.id}' niet; "
                        f"maak ze allemaal tweeling of gebruik 'related' (verwant)",
                    )


def mirrors_name_each_other(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A factor's mirror (its risk <-> protective opposite) names it back."""
    factors = kk.by_id("factors")
    for f in kk.factors:
        for i, m in enumerate(f.mirrors):
            mirror = factors.get(m)
            if mirror is not None and f.id not in mirror.mirrors:
                yield issue(kk, "factors", f, f"mirrors.{i}", f"'{m}' noemt '{f.id}' niet terug als spiegelfactor")


def related_are_not_twins_and_name_each_other(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A related factor is neither a twin nor the factor itself, and names it back."""
    factors = kk.by_id("factors")
    for f in kk.factors:
        for i, r in enumerate(f.related):
            other = factors.get(r)
            if other is None:
                continue
            if r in f.twins or r == f.id:
                yield issue(kk, "factors", f, f"related.{i}", f"'{r}' is al een tweeling (of de factor zelf)")
            elif f.id not in other.related:
                yield issue(kk, "factors", f, f"related.{i}", f"'{r}' noemt '{f.id}' niet terug als verwant")
