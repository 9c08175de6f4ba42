"""The look every chart shares: type size, palette and the ink colour of all text."""

from __future__ import annotations

from typing import Final

import altair as alt

FONT = 15
PALETTE: Final = "blues"  # sequential, high-contrast at the dark end
INK = "#1a1a2e"
"""Dark text: readable on a projector (Vega's default grey is too light)."""


def ink_text(chart, font: int = FONT, **axis):
    """Axis and legend text at ``font`` px in ``INK`` (``axis``: more axis settings)."""
    return chart.configure_axis(
        labelFontSize=font, titleFontSize=font, labelColor=INK, titleColor=INK, **axis
    ).configure_legend(labelFontSize=font, titleFontSize=font, labelColor=INK, titleColor=INK)


def style(chart: alt.Chart | alt.LayerChart | alt.FacetChart):
    """The standard charts' text: ``ink_text`` with long axis labels, and facet headers."""
    return ink_text(chart, FONT, labelLimit=320).configure_header(
        labelFontSize=FONT + 1, titleFontSize=FONT + 1, labelColor=INK, titleColor=INK
    )
