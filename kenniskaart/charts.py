"""Altair charts (pure: they take DataFrames and return charts; no Streamlit).

Large labels so the charts stay readable on a projector; every chart has a table
alternative on its page for screen readers.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

FONT = 15
PALETTE = "blues"  # sequential, high-contrast at the dark end


def _style(chart: alt.Chart | alt.LayerChart | alt.FacetChart):
    ink = "#1a1a2e"  # dark labels: readable on a projector (Vega's default grey is too light)
    return chart.configure_axis(
        labelFontSize=FONT, titleFontSize=FONT, labelLimit=320, labelColor=ink, titleColor=ink
    ).configure_legend(
        labelFontSize=FONT, titleFontSize=FONT, labelColor=ink, titleColor=ink
    ).configure_header(labelFontSize=FONT + 1, titleFontSize=FONT + 1, labelColor=ink, titleColor=ink)


def _heat(data: pd.DataFrame, x: str, y: str, x_order: list[str], y_order: list[str]) -> alt.LayerChart:
    base = alt.Chart(data).encode(
        x=alt.X(f"{x}:N", sort=x_order, title=x, axis=alt.Axis(labelAngle=0, labelLimit=220)),
        y=alt.Y(f"{y}:N", sort=y_order, title=None),
    )
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("aantal:Q", scale=alt.Scale(scheme=PALETTE), title="aantal"),
        tooltip=[alt.Tooltip(f"{y}:N"), alt.Tooltip(f"{x}:N"), alt.Tooltip("aantal:Q")],
    )
    text = base.mark_text(fontSize=FONT + 2, fontWeight="bold").encode(
        text="aantal:Q",
        color=alt.condition("datum.aantal > 6", alt.value("white"), alt.value("#1a1a2e")),
    )
    return rect + text


def knowledge_map(counts: pd.DataFrame, theme_order: list[str]) -> alt.FacetChart:
    """Factors per PmG theme × level, one panel per kind (risk / protective)."""
    levels = ["individu", "gezin", "gemeenschap"]
    layer = _heat(counts, "niveau", "thema", levels, theme_order + ["geen thema"]).properties(
        width=260, height=alt.Step(44)
    )
    return _style(layer.facet(column=alt.Column("soort:N", title=None, sort=["risicofactor", "beschermende factor"])))


def intervention_matrix_chart(
    matrix: pd.DataFrame, theme_order: list[str], level_order: list[str]
) -> alt.LayerChart:
    """PmG themes × levels of help with counts; a click selects a cell ('cel')."""
    cell = alt.selection_point(name="cel", fields=["thema", "niveau van hulp"], on="click")
    base = alt.Chart(matrix).encode(
        x=alt.X("niveau van hulp:N", sort=level_order, title="niveau van hulp",
                axis=alt.Axis(labelAngle=0, labelOverlap=False, labelExpr="split(datum.label, ' ')")),
        y=alt.Y("thema:N", sort=theme_order, title=None),
    )
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("aantal:Q", scale=alt.Scale(scheme=PALETTE), title="aantal"),
        opacity=alt.condition(cell, alt.value(1.0), alt.value(0.45)),
        tooltip=["thema:N", "niveau van hulp:N", "aantal:Q"],
    ).add_params(cell)
    text = base.mark_text(fontSize=FONT + 2, fontWeight="bold").encode(
        text="aantal:Q",
        color=alt.condition("datum.aantal > 6", alt.value("white"), alt.value("#1a1a2e")),
    )
    return _style((rect + text).properties(height=alt.Step(46)))


def bar_chart(data: pd.DataFrame, category: str, order: list[str] | None = None) -> alt.Chart:
    """Horizontal bars of 'aantal' per category."""
    chart = alt.Chart(data).mark_bar(color="#0b5394").encode(
        x=alt.X("aantal:Q", title="aantal", axis=alt.Axis(tickMinStep=1)),
        y=alt.Y(f"{category}:N", sort=order or "-x", title=None),
        tooltip=[f"{category}:N", "aantal:Q"],
    ).properties(height=alt.Step(32))
    text = chart.mark_text(align="left", dx=4, fontSize=FONT, color="#1a1a2e").encode(text="aantal:Q")
    return _style(chart + text)


def coverage_chart(summary: pd.DataFrame, order: list[str]) -> alt.Chart:
    """Stacked bars: covered vs not covered per part of the plan scan."""
    chart = alt.Chart(summary).mark_bar().encode(
        x=alt.X("aantal:Q", stack="zero", title="aantal"),
        y=alt.Y("onderdeel:N", sort=order, title=None),
        color=alt.Color(
            "status:N",
            scale=alt.Scale(domain=["gedekt", "niet gedekt"], range=["#0b5394", "#c9d6e3"]),
            title=None,
        ),
        order=alt.Order("status:N", sort="ascending"),
        tooltip=["onderdeel:N", "status:N", "aantal:Q"],
    ).properties(height=alt.Step(40))
    return _style(chart)


def comparison_chart(data: pd.DataFrame, row_order: list[str], column_order: list[str]) -> alt.LayerChart:
    """Municipalities side by side: per part of the plan scan, 'n van m' coloured by the
    share covered ('gemeente', 'onderdeel', 'gedekt', 'totaal', 'percentage')."""
    data = data.assign(cel=data["gedekt"].astype(str) + " van " + data["totaal"].astype(str))
    base = alt.Chart(data).encode(
        x=alt.X("gemeente:N", sort=column_order, title=None,
                axis=alt.Axis(labelAngle=0, labelOverlap=False, orient="top", labelLimit=160)),
        y=alt.Y("onderdeel:N", sort=row_order, title=None),
    )
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("percentage:Q", scale=alt.Scale(scheme=PALETTE, domain=[0, 100]), title="% gedekt"),
        tooltip=["gemeente:N", "onderdeel:N", "gedekt:Q", "totaal:Q", "percentage:Q"],
    )
    text = base.mark_text(fontSize=FONT, fontWeight="bold").encode(
        text="cel:N",
        color=alt.condition("datum.percentage > 60", alt.value("white"), alt.value("#1a1a2e")),
    )
    return _style((rect + text).properties(height=alt.Step(44)))
