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

from .plan import (  # noqa: F401
    OwnEntry,
    Plan,
    PlanItem,
    ALL_BOTOC,
    ALL_BOTOC_LABEL,
    GROUNDED_ROW,
    YOUR_PLAN,
    YOUR_PLAN_LABEL,
    PLAN_FORMAT,
    PLAN_VERSION,
    MAX_PLAN_BYTES,
    PlanFileError,
    plan_to_json,
    plan_from_json,
    clean_plan,
    plan_items,
    items_of,
    municipality_preset,
    botoc_municipalities,
    OWN,
    PROVENANCE_ORDER,
    PROVENANCE_LABELS,
    item_label,
    item_links,
)
from .coverage import (  # noqa: F401
    Hit,
    Coverage,
    GROUPS,
    FACTOR_GROUPS,
    CONTEXT_GROUP,
    is_grounded_factor,
    counts_in_plan,
    scan,
    gaps,
    grounded_items,
    summary,
    coverage_table,
)
from .warnings import (  # noqa: F401
    PlanWarning,
    plan_warnings,
)
from .suggestions import (  # noqa: F401
    suggestions_for_factor,
    gap_suggestions,
)
from .compare import (  # noqa: F401
    municipality_label,
    compare,
    MAX_NAMES,
    names_list,
    HOW_COVERED,
    row_explanations,
    score_reasons,
    comparison_table,
    REPRESSIVE_THEMES,
    balance,
    PROCESS_LESSONS,
    process_lessons,
)
