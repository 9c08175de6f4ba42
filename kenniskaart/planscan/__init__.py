"""Planscan: which factors, themes and levels of help a municipality's plan covers (pure).

A plan is a list of catalogue interventions, practice examples (e.g. a BOTOC
municipality's 2020 plan) and the municipality's own entries. Coverage uses the factor
links, themes and help levels of those items, each with its provenance: stated by a source
for the item (``bron``), stated only for the item's praktijkscan theme (``thema``, seed 002
§3.1.1), derived by the team (``team``) or stated by the municipality (``eigen``). A factor and
its twins are one row with one verdict, computed once and listed (counted once) in every group
one of them belongs to; static factors are context, never gaps.

The package: ``plan`` (items, file, provenance), ``coverage``, ``warnings``, ``suggestions``
and ``compare`` (municipalities side by side, balance, process lessons).
"""

from .compare import (
    HOW_COVERED,
    PROCESS_LESSONS,
    REPRESSIVE_THEMES,
    balance,
    compare,
    comparison_table,
    municipality_label,
    process_lessons,
    row_explanations,
    score_reasons,
)
from .coverage import (
    CONTEXT_GROUP,
    FACTOR_GROUPS,
    GROUPS,
    Coverage,
    Hit,
    counts_in_plan,
    coverage_table,
    gaps,
    grounded_items,
    is_grounded_factor,
    scan,
    summary,
)
from .plan import (
    ALL_BOTOC,
    ALL_BOTOC_LABEL,
    GROUNDED_ROW,
    MAX_PLAN_BYTES,
    PLAN_FORMAT,
    PLAN_VERSION,
    YOUR_PLAN,
    YOUR_PLAN_LABEL,
    OwnEntry,
    Plan,
    PlanFileError,
    PlanItem,
    botoc_municipalities,
    clean_plan,
    item_label,
    item_links,
    items_of,
    municipality_preset,
    plan_from_json,
    plan_items,
    plan_to_json,
)
from .suggestions import (
    gap_suggestions,
    suggestions_for_factor,
)
from .warnings import (
    WARNINGS_GUIDANCE,
    PlanWarning,
    plan_warnings,
)

__all__ = [
    "ALL_BOTOC",
    "ALL_BOTOC_LABEL",
    "CONTEXT_GROUP",
    "FACTOR_GROUPS",
    "GROUNDED_ROW",
    "GROUPS",
    "HOW_COVERED",
    "MAX_PLAN_BYTES",
    "PLAN_FORMAT",
    "PLAN_VERSION",
    "PROCESS_LESSONS",
    "REPRESSIVE_THEMES",
    "WARNINGS_GUIDANCE",
    "YOUR_PLAN",
    "YOUR_PLAN_LABEL",
    "Coverage",
    "Hit",
    "OwnEntry",
    "Plan",
    "PlanFileError",
    "PlanItem",
    "PlanWarning",
    "balance",
    "botoc_municipalities",
    "clean_plan",
    "compare",
    "comparison_table",
    "counts_in_plan",
    "coverage_table",
    "gap_suggestions",
    "gaps",
    "grounded_items",
    "is_grounded_factor",
    "item_label",
    "item_links",
    "items_of",
    "municipality_label",
    "municipality_preset",
    "plan_from_json",
    "plan_items",
    "plan_to_json",
    "plan_warnings",
    "process_lessons",
    "row_explanations",
    "scan",
    "score_reasons",
    "suggestions_for_factor",
    "summary",
]
