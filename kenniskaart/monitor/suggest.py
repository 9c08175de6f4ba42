"""Which indicators fit a plan: one view of both indicator collections (Samen Weerbaar's sixteen
and the monitor's own, ``content/indicators/``) and the suggestions per factor and per plan item.
Pure: no Streamlit.

An indicator fits a factor when it names the factor (or the factor's twin), or, for the monitor's
own indicators, one of the factor's PmG themes. It fits a plan item when it fits one of the
factors the item addresses (``planscan.item_links``), names the item's intervention, or is meant
for every item (reach, unintended effects). Samen Weerbaar's indicators come first: they are the
ones a room already scored in a werksessie."""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Kenniskaart
from ..models import Factor, Indicator, Intervention, MonitorIndicator, SourceRef
from ..planscan import PlanItem, item_label, item_links

SW_WHERE = "De gezamenlijke scan van Samen Weerbaar (bijvoorbeeld in een werksessie)"


@dataclass(frozen=True)
class IndicatorView:
    """An indicator as the monitor shows it, from either collection."""

    id: str
    name: str
    measures: str
    where: tuple[tuple[str, str | None], ...]
    """(name, verified url or None)."""
    kind: str
    watch: str | None
    sources: tuple[SourceRef, ...]
    factors: frozenset[str]
    themes: frozenset[str]
    interventions: frozenset[str]
    every_item: bool


def _sw_view(ind: Indicator) -> IndicatorView:
    measures = ind.measures or (f"Waar de gemeente staat tussen '{ind.protective}' (beschermend) en "
                                f"'{ind.risky}' (risicovol), bijvoorbeeld als score uit de gezamenlijke scan.")
    where = tuple((w.name, w.url) for w in ind.where) or ((SW_WHERE, None),)
    return IndicatorView(ind.id, ind.name, measures, where, ind.kind or "outcome", ind.watch, tuple(ind.sources),
                         frozenset((*ind.risk_factors, *ind.protective_factors)), frozenset(), frozenset(), False)


def _mon_view(ind: MonitorIndicator) -> IndicatorView:
    return IndicatorView(ind.id, ind.name, ind.measures, tuple((w.name, w.url) for w in ind.where), ind.kind,
                         ind.watch, tuple(ind.sources), frozenset(ind.factors), frozenset(ind.pmg_themes),
                         frozenset(ind.interventions), ind.every_item)


def indicator_views(kk: Kenniskaart) -> dict[str, IndicatorView]:
    """Every indicator by id: Samen Weerbaar's first, then the monitor's own, in file order
    (kept on the content object: content is loaded once per process)."""
    return kk.derived(_views)


def _views(kk: Kenniskaart) -> dict[str, IndicatorView]:
    return {v.id: v for v in (*map(_sw_view, kk.indicators), *map(_mon_view, kk.monitor_indicators))}


def for_factor(kk: Kenniskaart, factor: Factor) -> list[IndicatorView]:
    """The indicators that fit a factor (by the factor, a twin, or one of its PmG themes)."""
    ids = {factor.id, *kk.twin_ids(factor.id)}
    themes = set(factor.pmg_themes)
    return [v for v in indicator_views(kk).values() if v.factors & ids or v.themes & themes]


def for_item(kk: Kenniskaart, item: PlanItem) -> list[IndicatorView]:
    """The indicators that fit a plan item: by the factors it addresses, its intervention, or
    every item (reach, unintended effects)."""
    factors = kk.by_id("factors")
    linked = [factors[f] for f in item_links(kk, item) if f in factors]
    iv = item.id if isinstance(item, Intervention) else None
    out: dict[str, IndicatorView] = {}
    for v in indicator_views(kk).values():
        if v.every_item or (iv is not None and iv in v.interventions):
            out[v.id] = v
    for f in linked:
        for v in for_factor(kk, f):
            out.setdefault(v.id, v)
    return list(out.values())


@dataclass(frozen=True)
class Suggestions:
    by_factor: dict[str, tuple[IndicatorView, ...]]
    """Factor name -> fitting indicators."""
    by_item: dict[str, tuple[IndicatorView, ...]]
    """Plan item label -> fitting indicators."""


def suggest(kk: Kenniskaart, factors: list[Factor], items: list[PlanItem]) -> Suggestions:
    """The indicators that fit each of the plan's factors and items."""
    return Suggestions(
        by_factor={f.name: tuple(for_factor(kk, f)) for f in factors},
        by_item={item_label(i): tuple(for_item(kk, i)) for i in items},
    )


def targets_of(kk: Kenniskaart, indicator_id: str, factors: list[Factor], items: list[PlanItem]
               ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The plan items (labels) and factors (names) an adopted indicator follows."""
    s = suggest(kk, factors, items)
    return (tuple(label for label, vs in s.by_item.items() if any(v.id == indicator_id for v in vs)),
            tuple(name for name, vs in s.by_factor.items() if any(v.id == indicator_id for v in vs)))
