"""Strict content schema of the kenniskaart.

Every YAML file under ``content/`` holds one or more top-level keys, each a list of
items of one collection (see ``COLLECTIONS`` at the bottom). All models forbid unknown
fields, so a typo in a YAML key is an error, not silently ignored data.

Conventions
-----------
* ``id`` fields are stable slugs (lower case, digits, hyphens). Other items refer to
  them; the loader checks that every reference resolves.
* ``None`` means "the sources say nothing" and is shown to users as "onbekend".
  Never fill a value the sources do not give.
* Every item carries ``sources``: at least one ``SourceRef`` naming a ``Source`` id and
  the section, table or page it comes from.

Split by concern: ``base`` (ids, the strict base model, sources, age constants), ``factors``
(factors, themes, levels of help), ``interventions``, ``examples`` (practice examples, lessons,
guidance), ``indicators``, ``aids`` (casussen, synonyms) and ``plan`` (the plan van aanpak). The
controlled vocabularies (the ``Literal`` types) live in ``kenniskaart.vocabulary`` with their labels.
"""

from __future__ import annotations

from .aids import Case, Synonym
from .base import AGE_LIMITS, PMG_AGES, Id, Source, SourceRef, Sources, Strict, Text
from .examples import Figure, Guidance, Lesson, PracticeExample, Tip
from .factors import Factor, HelpLevel, Theme, age_groups_for
from .indicators import Indicator, MonitorIndicator, WhereToFind
from .interventions import Caution, FactorLink, Intervention, Recognition
from .plan import PLAN_SECTION_IDS, AnalysisSource, PlanSection, Spoor

COLLECTIONS: dict[str, type[Strict]] = {
    "sources": Source,
    "themes": Theme,
    "help_levels": HelpLevel,
    "factors": Factor,
    "interventions": Intervention,
    "examples": PracticeExample,
    "lessons": Lesson,
    "guidance": Guidance,
    "cases": Case,
    "synonyms": Synonym,
    "indicators": Indicator,
    "monitor_indicators": MonitorIndicator,
    "plan_sections": PlanSection,
    "analysis_sources": AnalysisSource,
    "sporen": Spoor,
}
"""Top-level YAML keys and the model of their items."""

__all__ = [
    "AGE_LIMITS", "COLLECTIONS", "PLAN_SECTION_IDS", "PMG_AGES", "AnalysisSource", "Case", "Caution", "Factor",
    "FactorLink", "Figure", "Guidance", "HelpLevel", "Id", "Indicator", "Intervention", "Lesson",
    "MonitorIndicator", "PlanSection", "PracticeExample", "Recognition", "Source", "SourceRef", "Sources",
    "Spoor", "Strict", "Synonym", "Text", "Theme", "Tip", "WhereToFind", "age_groups_for",
]
