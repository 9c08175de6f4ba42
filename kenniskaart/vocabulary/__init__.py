"""The controlled vocabularies: every ``Literal`` type of the content schema and the app's own
kinds, each value with its Dutch label (and explanation, where one exists) beside it.

One home for the words a user sees for a vocabulary value; pages, exports and the domain import
them from here. ``LABELS`` and ``EXPLANATIONS`` map each ``Literal`` type to its words, so a test
can check that every value has them (``tests/unit/test_vocabulary.py``).

* ``factors``: factor kind, level, evidence (with its one order), framework, nature, crime scope,
  age groups and the provenance of a link (``Basis``, with the map's line styles).
* ``interventions``: purpose, kind, prevention level, eligibility, format, setting, recognition,
  committee, "does not work", cautions, offence.
* ``documents``: sources, themes, practice examples, guidance, indicators.
* ``app_words``: the app's own kinds (counts, the Aanbeveler's tiers and exclusions, provenance in
  the Planscan, monitor signals, the map's strength classes and groups).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .app_words import (
    COUNT_LABELS,
    EXCLUSION_LABELS,
    FACTOR_STRENGTH,
    GROUP_LABELS,
    KIND_ORDER,
    LEVEL_ORDER,
    OWN,
    PROVENANCE_LABELS,
    PROVENANCE_ORDER,
    SIGNAL_LABELS,
    STRENGTH_EXPLAINED,
    STRENGTHS,
    TIER_TITLES,
    ExclusionKind,
)
from .documents import (
    EXAMPLE_KIND_LABELS,
    GROUNDING_LABELS,
    GUIDANCE_KIND_LABELS,
    INDICATOR_KIND_LABELS,
    SOURCE_KIND_LABELS,
    THEME_KIND_LABELS,
    ExampleKind,
    Grounding,
    GuidanceKind,
    IndicatorKind,
    SourceKind,
    ThemeKind,
)
from .factors import (
    AGE_GROUP_LABELS,
    AGE_GROUPS,
    BASIS_DASH,
    BASIS_EXPLAINED,
    BASIS_LABELS,
    BASIS_LINE,
    BASIS_LINE_LEGEND,
    BASIS_ORDER,
    CRIME_SCOPE_LABELS,
    EVIDENCE_EXPLAINED,
    EVIDENCE_LABELS,
    EVIDENCE_ORDER,
    EVIDENCE_RANK,
    FACTOR_KIND_LABELS,
    FACTOR_KIND_PLURALS,
    FRAMEWORK_LABELS,
    FRAMEWORK_SHORT,
    INDICATOR_LEVEL_LABELS,
    LEVEL_LABELS,
    NATURE_BADGES,
    NATURE_EXPLAINED,
    NATURE_LABELS,
    AgeGroup,
    Basis,
    CrimeScope,
    Evidence,
    FactorFramework,
    FactorKind,
    FactorNature,
    IndicatorLevel,
    Level,
)
from .interventions import (
    CAUTION_LABELS,
    CAUTION_TITLES,
    COMMITTEE_LABELS,
    FORMAT_LABELS,
    INTERVENTION_KIND_LABELS,
    NOT_WORKING_EXPLAINED,
    NOT_WORKING_KINDS,
    NOT_WORKING_LABELS,
    OFFENCE_LABELS,
    PREVENTION_LABELS,
    PURPOSE_LABELS,
    RECOGNISED_LEVELS,
    RECOGNITION_LABELS,
    RECOGNITION_ORDER,
    REQUIREMENT_LABELS,
    SETTING_LABELS,
    CautionKind,
    Committee,
    Format,
    InterventionKind,
    InterventionPurpose,
    NotWorkingKind,
    Offence,
    PreventionLevel,
    RecognitionLevel,
    Requirement,
    Setting,
)

LABELS: dict[Any, Mapping[str, str]] = {
    FactorKind: FACTOR_KIND_LABELS,
    Level: LEVEL_LABELS,
    IndicatorLevel: INDICATOR_LEVEL_LABELS,
    Evidence: EVIDENCE_LABELS,
    CrimeScope: CRIME_SCOPE_LABELS,
    FactorFramework: FRAMEWORK_LABELS,
    FactorNature: NATURE_LABELS,
    AgeGroup: AGE_GROUP_LABELS,
    Basis: BASIS_LABELS,
    InterventionPurpose: PURPOSE_LABELS,
    InterventionKind: INTERVENTION_KIND_LABELS,
    PreventionLevel: PREVENTION_LABELS,
    Requirement: REQUIREMENT_LABELS,
    Format: FORMAT_LABELS,
    Setting: SETTING_LABELS,
    Committee: COMMITTEE_LABELS,
    RecognitionLevel: RECOGNITION_LABELS,
    NotWorkingKind: NOT_WORKING_LABELS,
    CautionKind: CAUTION_LABELS,
    Offence: OFFENCE_LABELS,
    SourceKind: SOURCE_KIND_LABELS,
    ThemeKind: THEME_KIND_LABELS,
    Grounding: GROUNDING_LABELS,
    ExampleKind: EXAMPLE_KIND_LABELS,
    GuidanceKind: GUIDANCE_KIND_LABELS,
    IndicatorKind: INDICATOR_KIND_LABELS,
    ExclusionKind: EXCLUSION_LABELS,
}
"""Every vocabulary (a ``Literal`` type) and its Dutch labels."""

EXPLANATIONS: dict[Any, Mapping[str, str]] = {
    Evidence: EVIDENCE_EXPLAINED,
    FactorNature: NATURE_EXPLAINED,
    Basis: BASIS_EXPLAINED,
    NotWorkingKind: NOT_WORKING_EXPLAINED,
}
"""The vocabularies whose values have an explanation for the user, and those explanations."""

__all__ = [
    "AGE_GROUPS", "AGE_GROUP_LABELS", "BASIS_DASH", "BASIS_EXPLAINED", "BASIS_LABELS", "BASIS_LINE",
    "BASIS_LINE_LEGEND", "BASIS_ORDER", "CAUTION_LABELS", "CAUTION_TITLES", "COMMITTEE_LABELS", "COUNT_LABELS",
    "CRIME_SCOPE_LABELS", "EVIDENCE_EXPLAINED", "EVIDENCE_LABELS", "EVIDENCE_ORDER", "EVIDENCE_RANK",
    "EXAMPLE_KIND_LABELS", "EXCLUSION_LABELS", "EXPLANATIONS", "FACTOR_KIND_LABELS", "FACTOR_KIND_PLURALS",
    "FACTOR_STRENGTH", "FORMAT_LABELS", "FRAMEWORK_LABELS", "FRAMEWORK_SHORT", "GROUNDING_LABELS", "GROUP_LABELS",
    "GUIDANCE_KIND_LABELS", "INDICATOR_KIND_LABELS", "INDICATOR_LEVEL_LABELS", "INTERVENTION_KIND_LABELS",
    "KIND_ORDER", "LABELS", "LEVEL_LABELS", "LEVEL_ORDER", "NATURE_BADGES", "NATURE_EXPLAINED", "NATURE_LABELS",
    "NOT_WORKING_EXPLAINED", "NOT_WORKING_KINDS", "NOT_WORKING_LABELS", "OFFENCE_LABELS", "OWN",
    "PREVENTION_LABELS", "PROVENANCE_LABELS", "PROVENANCE_ORDER", "PURPOSE_LABELS", "RECOGNISED_LEVELS",
    "RECOGNITION_LABELS", "RECOGNITION_ORDER", "REQUIREMENT_LABELS", "SETTING_LABELS", "SIGNAL_LABELS",
    "SOURCE_KIND_LABELS", "STRENGTHS", "STRENGTH_EXPLAINED", "THEME_KIND_LABELS", "TIER_TITLES",
    "AgeGroup", "Basis", "CautionKind", "Committee", "CrimeScope", "Evidence", "ExampleKind", "ExclusionKind",
    "FactorFramework", "FactorKind", "FactorNature", "Format", "Grounding", "GuidanceKind", "IndicatorKind",
    "IndicatorLevel", "InterventionKind", "InterventionPurpose", "Level", "NotWorkingKind", "Offence",
    "PreventionLevel", "RecognitionLevel", "Requirement", "Setting", "SourceKind", "ThemeKind",
]
