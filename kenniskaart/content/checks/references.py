"""Every id an item names exists, in the right collection and of the right kind (the loader
refuses content that breaks one of these)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ...models import (
    PLAN_SECTION_IDS,
    Case,
    Factor,
    Indicator,
    Intervention,
    MonitorIndicator,
    PracticeExample,
    Spoor,
    Theme,
)
from ..issues import ContentIssue
from ..kenniskaart import Kenniskaart
from .walk import cautions, issue, items, recognitions, source_refs

Reference = tuple[str, str, str, str | None]
"""(field, id, collection it must be in, kind it must have or None)."""

OPPOSITE = {"risico": "beschermend", "beschermend": "risico"}


def _ids(fld: str, refs: Any, pool: str, kind: str | None = None) -> Iterator[Reference]:
    for i, ref in enumerate(refs):
        yield f"{fld}.{i}", ref, pool, kind


def _factor_lists(item: Theme | Case | Indicator) -> Iterator[Reference]:
    yield from _ids("risk_factors", item.risk_factors, "factors", "risico")
    yield from _ids("protective_factors", item.protective_factors, "factors", "beschermend")


def references(item: Any) -> Iterator[Reference]:
    """Every id reference of an item: the one table of where content names other content."""
    for fld, ref in source_refs(item):
        yield f"{fld}.source", ref.source, "sources", None
    for fld, caution in cautions(item):
        if caution.guidance is not None:
            yield f"{fld}.guidance", caution.guidance, "guidance", None
    if isinstance(item, Factor):
        yield from _ids("pmg_themes", item.pmg_themes, "themes", "pmg")
        yield from _ids("twins", item.twins, "factors", item.kind)
        yield from _ids("mirrors", item.mirrors, "factors", OPPOSITE[item.kind])
        yield from _ids("related", item.related, "factors")
    if isinstance(item, Intervention):
        for r, rec in recognitions(item):
            yield from _ids(f"{r}.outcome_factors", rec.outcome_factors, "factors")
    if isinstance(item, (Theme, Case, Indicator)):
        yield from _factor_lists(item)
    if isinstance(item, (Intervention, PracticeExample)):
        yield from _ids("help_levels", item.help_levels, "help_levels")
        yield from _ids("pmg_themes", item.pmg_themes, "themes", "pmg")
        yield from _ids("praktijkscan_themes", item.praktijkscan_themes, "themes", "praktijkscan")
        for i, link in enumerate(item.factors):
            yield f"factors.{i}.factor", link.factor, "factors", None
    if isinstance(item, Case) and item.need is not None:
        yield "need", item.need, "help_levels", None
    if isinstance(item, Indicator):
        yield "guidance", item.guidance, "guidance", None
    if isinstance(item, (MonitorIndicator, Spoor)):
        yield from _ids("factors", item.factors, "factors")
        yield from _ids("pmg_themes", item.pmg_themes, "themes", "pmg")
    if isinstance(item, (MonitorIndicator, PracticeExample)):
        yield from _ids("interventions", item.interventions, "interventions")


def _by_pool(kk: Kenniskaart) -> dict[str, list[tuple[str, Any, str, str, str | None]]]:
    """Every reference of the content, walked once: (collection, item, field, id, kind) by pool."""
    out: dict[str, list[tuple[str, Any, str, str, str | None]]] = defaultdict(list)
    for collection, item in items(kk):
        for fld, ref, pool, kind in references(item):
            out[pool].append((collection, item, fld, ref, kind))
    return out


def _resolve(kk: Kenniskaart, pool: str) -> Iterator[ContentIssue]:
    """Each reference into ``pool`` names an item there, of the kind the field asks for."""
    targets = kk.by_id(pool)
    for collection, item, fld, ref, kind in kk.derived(_by_pool).get(pool, ()):
        target = targets.get(ref)
        if target is None:
            yield issue(kk, collection, item, fld, f"verwijst naar onbekend id '{ref}' ({pool})")
        elif kind is not None and getattr(target, "kind", None) != kind:
            yield issue(kk, collection, item, fld, f"'{ref}' is van soort '{target.kind}', verwacht '{kind}'")


def sources_exist(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """Every ``sources[].source`` names a source in sources.yaml."""
    return _resolve(kk, "sources")


def themes_exist(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """PmG and Praktijkscan themes named by items exist and are of the named kind."""
    return _resolve(kk, "themes")


def factors_exist(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """Factor ids (links, twins, mirrors, related, risk/protective lists) exist, of the right kind."""
    return _resolve(kk, "factors")


def help_levels_exist(kk: Kenniskaart) -> Iterator[ContentIssue]:
    return _resolve(kk, "help_levels")


def guidance_exists(kk: Kenniskaart) -> Iterator[ContentIssue]:
    return _resolve(kk, "guidance")


def interventions_exist(kk: Kenniskaart) -> Iterator[ContentIssue]:
    return _resolve(kk, "interventions")


def indicator_items_exist(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A Samen Weerbaar indicator's ``number`` is an item of its guidance list."""
    guidance = kk.by_id("guidance")
    for ind in kk.indicators:
        listed = guidance.get(ind.guidance)
        if listed is not None and ind.number > len(listed.items):
            yield issue(kk, "indicators", ind, "number", f"'{ind.guidance}' heeft geen item {ind.number}")


def addresses_are_https(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """Where an indicator can be found: an address starts with https://."""
    for collection, item in items(kk, "indicators", "monitor_indicators"):
        for i, w in enumerate(item.where):
            if w.url is not None and not w.url.startswith("https://"):
                yield issue(kk, collection, item, f"where.{i}.url", "een adres begint met https://")


def monitor_indicators_are_used(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A monitor indicator belongs to a factor, theme or plan item (else it is never suggested)."""
    for ind in kk.monitor_indicators:
        if not (ind.factors or ind.pmg_themes or ind.interventions or ind.every_item):
            yield issue(kk, "monitor_indicators", ind, "factors", "de indicator hoort bij geen factor, thema "
                        "of planonderdeel: de monitor stelt hem nooit voor")


def plan_sections_complete(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """The plan van aanpak's sections are exactly the known ones (when the content has any)."""
    for section in kk.plan_sections:
        if section.id not in PLAN_SECTION_IDS:
            yield issue(kk, "plan_sections", section, "id", "onbekend onderdeel van het plan van aanpak; "
                        f"kies uit {', '.join(PLAN_SECTION_IDS)}")
    sections = {s.id for s in kk.plan_sections}
    missing = [s for s in PLAN_SECTION_IDS if s not in sections]
    if sections and missing:
        first = kk.plan_sections[0]
        yield ContentIssue(kk.file_of("plan_sections", first.id), "-", "plan_sections",
                           "onderdelen van het plan van aanpak ontbreken: " + ", ".join(missing))
