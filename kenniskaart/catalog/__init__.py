"""The catalogue: filtering and tabulating factors, interventions and practice examples, the
one intervention row builder, the factor pickers' options and labels, and the recognition
warnings for editors (pure, no Streamlit).

``filters`` (what the Factoren, Interventies and Praktijkvoorbeelden pages filter on) ·
``rows`` (one intervention row, every table's cells) · ``tables`` (pandas tables and counts) ·
``pickers`` (factor picker options and labels) · ``review`` (recognition warnings).
"""

from .filters import (
    ExampleFilter,
    FactorFilter,
    InterventionFilter,
    filter_examples,
    filter_factors,
    filter_interventions,
    recognition_level,
)
from .pickers import LABEL_MAX, factor_choice_id, factor_option_label, factor_options
from .rows import INTERVENTION_CELLS, intervention_row
from .tables import (
    INTERVENTION_COLUMNS,
    NO_LEVEL,
    NO_THEME,
    crime_scope_label,
    examples_per_municipality,
    examples_per_theme,
    factor_theme_level_counts,
    factors_table,
    in_matrix_cell,
    intervention_matrix,
    interventions_table,
)

__all__ = [
    "INTERVENTION_CELLS", "INTERVENTION_COLUMNS", "LABEL_MAX", "NO_LEVEL", "NO_THEME",
    "ExampleFilter", "FactorFilter", "InterventionFilter", "crime_scope_label",
    "examples_per_municipality", "examples_per_theme", "factor_choice_id", "factor_option_label",
    "factor_options", "factor_theme_level_counts", "factors_table", "filter_examples", "filter_factors",
    "filter_interventions", "in_matrix_cell", "intervention_matrix", "intervention_row", "interventions_table",
    "recognition_level",
]
