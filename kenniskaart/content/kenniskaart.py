"""The aggregate every other module imports: ``Kenniskaart``, all validated content with its
indexes, the one twin relation and the collections in the order pages show them.

Caching in the domain, one idiom per case: what the content offers is a ``cached_property``
here; what another module derives from the content is ``kk.derived(build)`` (kept on the
content object, never a module dict keyed by ``id(kk)``); a pure function of hashable values
(search patterns) is ``functools.lru_cache`` with a ``maxsize``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from ..models import (
    COLLECTIONS,
    AnalysisSource,
    Case,
    Factor,
    Guidance,
    HelpLevel,
    Indicator,
    Intervention,
    Lesson,
    MonitorIndicator,
    PlanSection,
    PracticeExample,
    Source,
    Spoor,
    Synonym,
    Theme,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Kenniskaart:
    """All validated content. Collections are tuples in file order; the ``*_in_order`` and
    ``*_themes`` properties give the order pages show."""

    sources: tuple[Source, ...] = ()
    themes: tuple[Theme, ...] = ()
    help_levels: tuple[HelpLevel, ...] = ()
    factors: tuple[Factor, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    examples: tuple[PracticeExample, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    guidance: tuple[Guidance, ...] = ()
    cases: tuple[Case, ...] = ()
    synonyms: tuple[Synonym, ...] = ()
    """Search aid: groups of everyday words (content/search/synonyms.yaml)."""
    indicators: tuple[Indicator, ...] = ()
    """Samen Weerbaar's scan indicators (content/indicators/)."""
    monitor_indicators: tuple[MonitorIndicator, ...] = ()
    """The CCV's monitors and Samen Weerbaar's aanbeveling 5 (content/indicators/monitor.yaml)."""
    plan_sections: tuple[PlanSection, ...] = ()
    analysis_sources: tuple[AnalysisSource, ...] = ()
    sporen: tuple[Spoor, ...] = ()
    """The plan van aanpak's sections, analysis sources and sporen (content/plan/)."""
    files: tuple[str, ...] = field(default=(), compare=False)
    origins: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)
    """The file (relative to the content folder) of each item, by (collection, id)."""
    _derived: dict[Callable[..., Any], Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def file_of(self, collection: str, item_id: str) -> str:
        """The file an item was read from ('-' for content built in memory)."""
        return self.origins.get((collection, item_id), "-")

    def derived(self, build: Callable[[Kenniskaart], T]) -> T:
        """``build(self)``, computed once per content object: the one cache for what a module
        derives from the content (content is loaded once per process; bounded by the number of
        builders). Use ``cached_property`` here for what the content itself offers."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    @cached_property
    def _index(self) -> dict[str, dict[str, Any]]:
        return {name: {item.id: item for item in getattr(self, name)} for name in COLLECTIONS}

    def by_id(self, collection: str) -> dict[str, Any]:
        """Items of a collection keyed by id."""
        return self._index[collection]

    @cached_property
    def risk_factors(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.kind == "risico")

    @cached_property
    def protective_factors(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.kind == "beschermend")

    @cached_property
    def pmg_themes(self) -> tuple[Theme, ...]:
        return tuple(sorted((t for t in self.themes if t.kind == "pmg"), key=lambda t: t.order))

    @cached_property
    def praktijkscan_themes(self) -> tuple[Theme, ...]:
        return tuple(
            sorted((t for t in self.themes if t.kind == "praktijkscan"), key=lambda t: t.order)
        )

    @cached_property
    def help_levels_in_order(self) -> tuple[HelpLevel, ...]:
        """The levels of help from light to specialist (by ``order``)."""
        return tuple(sorted(self.help_levels, key=lambda h: h.order))

    @cached_property
    def lessons_in_order(self) -> tuple[Lesson, ...]:
        """The lessons by their number."""
        return tuple(sorted(self.lessons, key=lambda lesson: lesson.number))

    def counts(self) -> dict[str, int]:
        """Number of items per collection (plus risk/protective split)."""
        out = {name: len(getattr(self, name)) for name in COLLECTIONS}
        out["risk_factors"] = len(self.risk_factors)
        out["protective_factors"] = len(self.protective_factors)
        return out

    @cached_property
    def factor_positions(self) -> dict[str, int]:
        """Position of every factor in file order (the order pickers and lists follow)."""
        return {f.id: i for i, f in enumerate(self.factors)}

    @cached_property
    def _twin_classes(self) -> dict[str, frozenset[str]]:
        """Every factor's twin class: the transitive closure of ``twins`` (the loader makes sure
        a class is complete, so the closure and the listed twins agree)."""
        by_id = self.by_id("factors")
        classes: dict[str, frozenset[str]] = {}
        for f in self.factors:
            if f.id in classes:
                continue
            members, todo = {f.id}, [f.id]
            while todo:
                for t in by_id[todo.pop()].twins:
                    if t in by_id and t not in members:
                        members.add(t)
                        todo.append(t)
            cls = frozenset(members)
            for m in members:
                classes[m] = cls
        return classes

    def twin_ids(self, factor_id: str) -> frozenset[str]:
        """The factor's twin class: the factor and every factor in another framework that names
        the same thing. The one twin relation every page uses."""
        return self._twin_classes.get(factor_id, frozenset({factor_id}))

    def mirror_ids(self, factor_id: str) -> frozenset[str]:
        """The factors that mirror this one or one of its twins (risk <-> protective opposite),
        with their twins; empty when it has no mirror."""
        by_id = self.by_id("factors")
        out: set[str] = set()
        for t in self.twin_ids(factor_id):
            f = by_id.get(t)
            for m in (f.mirrors if f is not None else ()):
                out |= self.twin_ids(m)
        return frozenset(out)

    def _by_factor(self, items: tuple[Any, ...]) -> dict[str, tuple[Any, ...]]:
        """Items keyed by every factor they link to, directly or through a twin."""
        acc: dict[str, list[Any]] = defaultdict(list)
        for item in items:
            # one entry per factor even when several links reach it (directly or via a twin);
            # a set of factor ids, not `item in list` (comparing models is slow for 10,000 items)
            for fid in {t for link in item.factors for t in self.twin_ids(link.factor)}:
                acc[fid].append(item)
        return {k: tuple(v) for k, v in acc.items()}

    @cached_property
    def _interventions_by_factor(self) -> dict[str, tuple[Intervention, ...]]:
        return self._by_factor(self.interventions)

    def interventions_for_factor(self, factor_id: str) -> tuple[Intervention, ...]:
        """Interventions that address a factor or its twin (any provenance)."""
        return self._interventions_by_factor.get(factor_id, ())

    def example_factor_ids(self, ex: PracticeExample) -> frozenset[str]:
        """Factors a practice example addresses: its own links and those of the catalogue
        interventions it uses, each with its twin class (the one rule for examples)."""
        ivs = self.by_id("interventions")
        links = [*ex.factors, *(link for iid in ex.interventions if iid in ivs for link in ivs[iid].factors)]
        return frozenset(t for link in links for t in self.twin_ids(link.factor))

    @cached_property
    def _examples_by_factor(self) -> dict[str, tuple[PracticeExample, ...]]:
        acc: dict[str, list[PracticeExample]] = defaultdict(list)
        for ex in self.examples:
            for fid in self.example_factor_ids(ex):
                acc[fid].append(ex)
        return {k: tuple(v) for k, v in acc.items()}

    def examples_for_factor(self, factor_id: str) -> tuple[PracticeExample, ...]:
        """Practice examples that address a factor (``example_factor_ids``), in file order."""
        return self._examples_by_factor.get(factor_id, ())

    def examples_for_intervention(self, intervention_id: str) -> tuple[PracticeExample, ...]:
        return tuple(ex for ex in self.examples if intervention_id in ex.interventions)
