"""What a plan can add for each gap: the same verdict as every page (``rules``), within 8-27."""

from __future__ import annotations

from ..content import Kenniskaart
from ..models import Intervention
from ..rules import (
    counts_as_coverage,
    effective_recognition,
    for_young_person,
    in_pmg_ages,
    is_recognised,
)
from ..vocabulary import RECOGNITION_ORDER
from .coverage import FACTOR_GROUPS, GROUPS, Coverage, _class_of, gaps


def _theme_or_level_suggestions(kk: Kenniskaart, c: Coverage, limit: int) -> list[str]:
    field = "pmg_themes" if c.group == GROUPS[3] else "help_levels"
    fitting = [iv for iv in kk.interventions
               if c.id in getattr(iv, field) and for_young_person(iv) and counts_as_coverage(iv) and in_pmg_ages(iv)]
    fitting.sort(key=lambda iv: (
        not is_recognised(iv.recognition),
        -RECOGNITION_ORDER.get(iv.recognition.level if iv.recognition else "", 0),
        iv.name.casefold(),
    ))
    return [iv.id for iv in fitting[:limit]]


def suggestions_for_factor(kk: Kenniskaart, factor_ids: tuple[str, ...]) -> list[Intervention]:
    """What a plan can add for a factor (or its class) whose young people's age is not known:
    interventions for one young person that address it and count as coverage, within the PmG
    ages (8-27, ``rules.in_pmg_ages``); recognised first (the strongest rating for the factor's
    outcome first), then by name. The same verdict as the Aanbeveler's: nothing that can harm or
    had no effect, nothing for a whole class or the municipality."""
    ids = frozenset(t for fid in factor_ids for t in kk.twin_ids(fid))
    found: dict[str, Intervention] = {}
    for fid in factor_ids:
        for iv in kk.interventions_for_factor(fid):
            if for_young_person(iv) and counts_as_coverage(iv) and in_pmg_ages(iv):
                found.setdefault(iv.id, iv)

    def order(iv: Intervention) -> tuple:
        rec = effective_recognition(iv, ids)
        return (not is_recognised(rec), -RECOGNITION_ORDER.get(rec.level if rec else "", 0), iv.name.casefold())

    return sorted(found.values(), key=order)


def gap_suggestions(kk: Kenniskaart, coverage: list[Coverage], limit: int = 3) -> dict[str, list[str]]:
    """For every gap in every group: up to ``limit`` catalogue interventions that fill it.

    Factors: ``suggestions_for_factor``. PmG themes and levels of help: interventions in that theme
    or level, recognised ones first (the same filters).
    """
    return {c.id: list(_suggestions_for(kk, c, limit)) for c in gaps(coverage)}


def _suggestions_for(kk: Kenniskaart, c: Coverage, limit: int) -> tuple[str, ...]:
    if c.group not in FACTOR_GROUPS:
        return tuple(_theme_or_level_suggestions(kk, c, limit))
    f = kk.by_id("factors")[c.id]
    members = c.factor_ids or tuple(sorted(_class_of(kk, f.id), key=lambda fid: fid != f.id))
    return tuple(iv.id for iv in suggestions_for_factor(kk, members))[:limit]
