"""The Werksessie's live charts: how often each factor was marked, by organisation type, and
the room's answers on the Samen Weerbaar-scan (pure: the frames and colours of
``werksessie.view`` in, charts out; the legend is ``werksessie.view.legend_html``: it wraps, a
Vega legend wider than a narrow column is cut off)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .style import ink_text


def _colour(field: str, legend: list[tuple[str, str]]) -> alt.Color:
    """``field`` coloured by the (colour, label) pairs of ``legend``, in their order."""
    scale = alt.Scale(domain=[label for _, label in legend], range=[colour for colour, _ in legend])
    return alt.Color(field, scale=scale, title=None, legend=None)


def votes_chart(data: pd.DataFrame, legend: list[tuple[str, str]], font: int = 15,
                step: int | None = None) -> alt.Chart:
    """Horizontal stacked bars: how often each factor was marked, by organisation type
    (``legend``: the types in the data, ``view.org_legend``); the factors in the room's ranking
    (data order)."""
    order = list(dict.fromkeys(data["factor"]))
    return ink_text(alt.Chart(data).mark_bar().encode(
        y=alt.Y("factor:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
        x=alt.X("sum(aantal):Q", title="aantal keer aangevinkt", axis=alt.Axis(tickMinStep=1, format="d")),
        color=_colour("organisatie:N", legend),
        order=alt.Order("organisatie:N"),
        tooltip=[alt.Tooltip("factor:N"), alt.Tooltip("organisatie:N"), alt.Tooltip("aantal:Q")],
    ).properties(height=alt.Step(step or font * 2 + 4)), font)


def scan_chart(data: pd.DataFrame, order: list[str], legend: list[tuple[str, str]], font: int = 15,
               step: int | None = None) -> alt.Chart:
    """Horizontal stacked bars per indicator (``order``: the scan's order), from beschermend
    (left, green) to risicovol (right, red), 'weet ik niet' last (grey; ``legend``:
    ``view.scan_legend``): the room's distribution on each axis."""
    return ink_text(alt.Chart(data).mark_bar().encode(
        y=alt.Y("indicator:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
        x=alt.X("sum(aantal):Q", title=None, axis=alt.Axis(tickMinStep=1, format="d")),
        color=_colour("antwoord:N", legend),
        order=alt.Order("stap:Q"),
        tooltip=[alt.Tooltip("indicator:N"), alt.Tooltip("antwoord:N"), alt.Tooltip("aantal:Q")],
    ).properties(height=alt.Step(step or font * 2 + 4)), font)
