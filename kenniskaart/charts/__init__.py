"""Altair charts (pure: they take DataFrames and return charts; no Streamlit).

Large labels so the charts stay readable on a projector; every chart has a table
alternative on its page for screen readers.

- ``style``: type size, palette and the ink colour every chart shares.
- ``counts``: the catalogue matrix, bars, the Planscan's coverage and comparison, the monitor.
- ``kaart``: the visual kenniskaart and the workshop view.
- ``werksessie``: the Werksessie's live charts.
- ``spec``: the specs sent to the browser (a template filled with new data).
"""

from .counts import (
    bar_chart,
    comparison_chart,
    comparison_frame,
    coverage_chart,
    intervention_matrix_chart,
    monitor_chart,
)
from .kaart import (
    BASIS_DASH,
    BASIS_OPACITY,
    BASIS_WIDTH,
    MAP_FONT,
    MAP_X,
    STRENGTH_COLOURS,
    kaart_chart,
    workshop_chart,
)
from .spec import fill_template, records_of, spec_template, vega_spec
from .style import FONT, INK, PALETTE, ink_text, style
from .werksessie import scan_chart, votes_chart

__all__ = [
    "BASIS_DASH", "BASIS_OPACITY", "BASIS_WIDTH", "FONT", "INK", "MAP_FONT", "MAP_X", "PALETTE", "STRENGTH_COLOURS",
    "bar_chart", "comparison_chart", "comparison_frame", "coverage_chart", "fill_template", "ink_text",
    "intervention_matrix_chart", "kaart_chart", "monitor_chart", "records_of", "scan_chart", "spec_template",
    "style", "vega_spec", "votes_chart", "workshop_chart",
]
