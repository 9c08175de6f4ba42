"""Charts of counts and shares: the catalogue matrix, bars, the Planscan's coverage and
comparison, and the monitor's line (pure: they take DataFrames and return charts)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .style import FONT, INK, PALETTE, style


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
        color=alt.condition("datum.aantal > 6", alt.value("white"), alt.value(INK)),
    )
    return rect + text


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
        color=alt.condition("datum.aantal > 6", alt.value("white"), alt.value(INK)),
    )
    return style((rect + text).properties(height=alt.Step(46)))


def bar_chart(data: pd.DataFrame, category: str, order: list[str] | None = None) -> alt.Chart:
    """Horizontal bars of 'aantal' per category."""
    chart = alt.Chart(data).mark_bar(color="#0b5394").encode(
        x=alt.X("aantal:Q", title="aantal", axis=alt.Axis(tickMinStep=1)),
        y=alt.Y(f"{category}:N", sort=order or "-x", title=None),
        tooltip=[f"{category}:N", "aantal:Q"],
    ).properties(height=alt.Step(32))
    text = chart.mark_text(align="left", dx=4, fontSize=FONT, color=INK).encode(text="aantal:Q")
    return style(chart + text)


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
    return style(chart)


def comparison_frame(data: pd.DataFrame) -> pd.DataFrame:
    """The data of ``comparison_chart``: ``planscan.compare``'s summary with its 'n van m' label."""
    return data.assign(cel=data["gedekt"].astype(str) + " van " + data["totaal"].astype(str))


def comparison_chart(data: pd.DataFrame, row_order: list[str], column_order: list[str]) -> alt.LayerChart:
    """Municipalities side by side: per part of the plan scan, 'n van m' coloured by the
    share covered (``comparison_frame``: 'gemeente', 'onderdeel', 'gedekt', 'totaal',
    'percentage', 'cel')."""
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
        color=alt.condition("datum.percentage > 60", alt.value("white"), alt.value(INK)),
    )
    return style((rect + text).properties(height=alt.Step(44)))


def monitor_chart(data: pd.DataFrame, target: float | None, unit: str = "") -> alt.LayerChart:
    """One indicator over time: the nulmeting and the measurements as a line with points (the
    nulmeting in another colour), the target as a dashed horizontal line. ``data``: the columns
    'datum', 'waarde', 'soort' of ``monitor.steer.chart_frame``."""
    title = f"waarde ({unit})" if unit else "waarde"
    x = alt.X("datum:T", title="datum", axis=alt.Axis(format="%d-%m-%Y", labelAngle=0, tickCount=5))
    y = alt.Y("waarde:Q", title=title, scale=alt.Scale(zero=False))
    line = alt.Chart(data).mark_line(color="#0b5394", strokeWidth=3).encode(x=x, y=y)
    points = alt.Chart(data).mark_point(size=140, filled=True).encode(
        x=x, y=y,
        color=alt.Color("soort:N", scale=alt.Scale(domain=["nulmeting", "meting", "doel"],
                                                     range=["#b45309", "#0b5394", "#15803d"]), title=None),
        tooltip=[alt.Tooltip("soort:N"), alt.Tooltip("datum:T", format="%d-%m-%Y"), alt.Tooltip("waarde:Q")],
    )
    layers: list[alt.Chart] = [line, points]
    if target is not None:
        goal = pd.DataFrame([{"waarde": target, "soort": "doel", "label": f"doel {target:g}".replace(".", ",")}])
        layers.append(alt.Chart(goal).mark_rule(color="#15803d", strokeDash=[8, 5], strokeWidth=2).encode(y="waarde:Q"))
        layers.append(alt.Chart(goal).mark_text(align="left", dx=4, dy=-10, fontSize=FONT, color="#15803d")
                      .encode(y="waarde:Q", text="label:N", x=alt.value(0)))
    return style(alt.layer(*layers).properties(height=280))
