"""The visual kenniskaart (factors → themes → interventions) and the workshop view (pure)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..nl import plural
from ..vocabulary import BASIS_DASH
from .style import INK

MAP_FONT = 18  # ≥ 18 px labels: readable at projector distance at 1280×720
MAP_X = {0: 0.37, 1: 0.555, 2: 0.71}
"""Horizontal position of each column as a share of the chart width."""
STRENGTH_COLOURS = ["#08306b", "#2f7ebc", "#8fb8de", "#9a9a9a"]
"""sterk, redelijk, zwak of niet erkend, onbekend: dark = strong; grey = unknown."""
BASIS_WIDTH = {"bron": 3.2, "thema": 2.2, "team": 1.6}
BASIS_OPACITY = {"bron": 0.85, "thema": 0.5, "team": 0.4}


def kaart_chart(
    nodes: pd.DataFrame, edges: pd.DataFrame, strengths: list[str], basis_labels: dict[str, str],
    font: int = MAP_FONT, legend: bool = True, max_height: int | None = None,
) -> alt.LayerChart:
    """The map: one row per node, edges as rules; dashed/lighter for weaker provenance.

    ``nodes``/``edges`` come from ``kaart.node_frame``/``edge_frame`` (column 'actief' says
    what is lit up). A click on a node or a label selects it (params 'knoop' and 'label',
    field 'id').
    """
    rows = int(max(nodes["rij"].max() if not nodes.empty else 0, 0)) + 1
    step = round(font * 1.75)
    if max_height is not None:  # squeeze the rows, never closer than the labels' own height
        step = max(font + 5, min(step, int(max_height / (rows + 1.2))))
    nodes = nodes.assign(x=nodes["kolom"].map(MAP_X))
    nodes["vulling"] = ((nodes["soort"] != "interventie") | nodes["erkend"]).astype(float)
    nodes["doorzicht"] = nodes["actief"].map({True: 1.0, False: 0.18})
    edges = edges.assign(
        x=edges["kolom"].map(MAP_X), x2=edges["kolom2"].map(MAP_X),
        dikte=edges["basis"].map(BASIS_WIDTH),
        doorzicht=[BASIS_OPACITY[b] if a else 0.06 for b, a in zip(edges["basis"], edges["actief"], strict=True)],
    )
    y_scale = alt.Scale(domain=[rows - 0.4, -1.6], nice=False, zero=False)
    x_scale = alt.Scale(domain=[0, 1], nice=False, zero=False)
    x = alt.X("x:Q", scale=x_scale, axis=None)
    y = alt.Y("rij:Q", scale=y_scale, axis=None)
    labels = list(basis_labels.values())
    rules = alt.Chart(edges).mark_rule(strokeCap="round").encode(
        x=x, y=y, x2="x2:Q", y2="rij2:Q",
        strokeDash=alt.StrokeDash(
            "koppeling:N",
            scale=alt.Scale(domain=labels, range=[BASIS_DASH[b] for b in basis_labels]),
            legend=alt.Legend(title="koppeling", orient="bottom", direction="vertical", symbolStrokeWidth=3,
                              symbolType="stroke", labelLimit=600) if legend else None,
        ),
        strokeWidth=alt.StrokeWidth("dikte:Q", legend=None, scale=None),
        opacity=alt.Opacity("doorzicht:Q", legend=None, scale=None),
        color=alt.value("#33415c"),
    )
    colour = alt.Scale(domain=strengths, range=STRENGTH_COLOURS)
    knoop = alt.selection_point(name="knoop", fields=["id"], on="click")
    label_sel = alt.selection_point(name="label", fields=["id"], on="click")
    tooltip = [alt.Tooltip("naam:N", title="naam"), alt.Tooltip("toelichting:N", title="wat")]
    marks = alt.Chart(nodes).transform_filter("datum.soort == 'factor' || datum.soort == 'interventie'").mark_point(
        size=300, strokeWidth=3, cursor="pointer"
    ).encode(
        x=x, y=y,
        shape=alt.Shape("soort:N", scale=alt.Scale(domain=["factor", "interventie"], range=["circle", "diamond"]),
                        legend=None),
        fill=alt.Fill("sterkte:N", scale=colour, legend=alt.Legend(
            title="sterkte van het bewijs (open ruit = niet erkend)",
            orient="bottom", direction="vertical", labelLimit=600, titleLimit=900) if legend else None),
        stroke=alt.Stroke("sterkte:N", scale=colour, legend=None),
        fillOpacity=alt.FillOpacity("vulling:Q", scale=None, legend=None),
        opacity=alt.Opacity("doorzicht:Q", scale=None, legend=None),
        tooltip=tooltip,
    ).add_params(knoop)

    def text(kind: str, **kw) -> alt.Chart:
        return alt.Chart(nodes).transform_filter(f"datum.soort == '{kind}'").mark_text(
            fontSize=font, color=INK, **kw
        ).encode(x=x, y=y, text="naam:N", opacity=alt.Opacity("doorzicht:Q", scale=None, legend=None),
                 tooltip=tooltip)

    # factor labels left of their node, intervention labels right of it: one clickable layer
    is_factor = "datum.soort == 'factor'"
    node_labels = alt.Chart(nodes).transform_filter(
        "datum.soort == 'factor' || datum.soort == 'interventie'"
    ).mark_text(
        fontSize=font, color=INK, cursor="pointer",
        align=alt.expr(f"{is_factor} ? 'right' : 'left'"),
        dx=alt.expr(f"{is_factor} ? -16 : 16"),
        limit=alt.expr(f"width * ({is_factor} ? {MAP_X[0] - 0.02} : {0.99 - MAP_X[2]})"),
        fontWeight=alt.expr("datum.erkend ? 'bold' : 'normal'"),
    ).encode(
        x=x, y=y, text="naam:N", tooltip=tooltip,
        opacity=alt.Opacity("doorzicht:Q", scale=None, legend=None),
    ).add_params(label_sel)
    theme_limit = alt.expr(f"width * {2 * min(MAP_X[1] - MAP_X[0], MAP_X[2] - MAP_X[1]) - 0.01}")
    theme_halo = text("thema", align="center", limit=theme_limit, stroke="white", strokeWidth=7,
                      strokeJoin="round", fontWeight="bold")
    theme_text = text("thema", align="center", limit=theme_limit, fontWeight="bold")
    heads = alt.Chart(nodes).transform_filter("datum.soort == 'kop'").mark_text(
        fontSize=font, color="#5a2a00", align="right", dx=-16, fontWeight="bold", fontStyle="italic",
        limit=alt.expr(f"width * {MAP_X[0] - 0.02}"),
    ).encode(x=x, y=y, text="naam:N")
    columns = pd.DataFrame([
        {"x": MAP_X[0], "rij": -1.2, "naam": "Factoren", "align": "right"},
        {"x": MAP_X[1], "rij": -1.2, "naam": "Thema (praktijkscan)", "align": "center"},
        {"x": MAP_X[2], "rij": -1.2, "naam": "Interventies", "align": "left"},
    ])
    col_heads = [
        alt.Chart(columns[columns["align"] == a]).mark_text(
            fontSize=font + 2, fontWeight="bold", color=INK, align=a, dx={"right": 8, "center": 0, "left": -8}[a]
        ).encode(x=x, y=y, text="naam:N")
        for a in ("right", "center", "left")
    ]
    chart = alt.layer(
        rules, marks, node_labels, theme_halo, theme_text, heads, *col_heads
    ).properties(height=int((rows + 1.2) * step), width="container",
                 autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    return chart.configure_view(stroke=None).configure_legend(
        labelFontSize=font, titleFontSize=font, labelColor=INK, titleColor=INK, symbolSize=260,
    )


def workshop_chart(
    cells: pd.DataFrame, strengths: list[str], max_factors: int, font: int = MAP_FONT
) -> alt.LayerChart:
    """Workshop view: interventions by evidence strength (rows) × number of the profile's
    dynamic factors they address (columns, most first); names stacked in each cell
    (``kaart.workshop_cells``). Row heights follow the fullest cell of the row."""
    columns = list(range(max_factors, 0, -1))
    col_of = {n: i for i, n in enumerate(columns)}
    lines = {s: max([int(g["regel"].max()) + 1 for _, g in cells[cells["sterkte"] == s].groupby("factoren")] or [1])
             for s in strengths}
    top: dict[str, float] = {}
    y = 0.0
    for s in strengths:
        top[s] = y
        y += lines[s] + 0.4
    total = y
    bands = pd.DataFrame([
        {"x": col_of[n], "x2": col_of[n] + 0.98, "y": top[s], "y2": top[s] + lines[s] + 0.2, "sterkte": s}
        for s in strengths for n in columns
    ])
    text = cells.assign(x=cells["factoren"].map(col_of),
                        y=[top[s] + r + 0.6 for s, r in zip(cells["sterkte"], cells["regel"], strict=True)])
    row_labels = pd.DataFrame([{"x": -0.05, "y": top[s] + 0.6, "naam": s} for s in strengths])
    heads = pd.DataFrame([{"x": col_of[n] + 0.49, "y": -0.6, "naam": plural(n, "factor", "factoren")}
                          for n in columns])
    xs = alt.Scale(domain=[-0.75, len(columns)], nice=False, zero=False)
    ys = alt.Scale(domain=[total, -1.3], nice=False, zero=False)
    X = alt.X("x:Q", scale=xs, axis=None)
    Y = alt.Y("y:Q", scale=ys, axis=None)
    shades = alt.Scale(domain=strengths, range=["#d6e4f3", "#e6eef8", "#f0f0f0", "#f0f0f0"])
    layers = [
        alt.Chart(bands).mark_rect().encode(X, Y, x2="x2:Q", y2="y2:Q",
                                            color=alt.Color("sterkte:N", scale=shades, legend=None)),
        alt.Chart(text).mark_text(fontSize=font, color=INK, align="left", dx=10,
                                  limit=alt.expr(f"width / {len(columns) + 0.75} - 20")).encode(X, Y, text="naam:N"),
        alt.Chart(row_labels).mark_text(
            fontSize=font, color=INK, align="right", fontWeight="bold",
            limit=alt.expr(f"width * {0.7 / (len(columns) + 0.75)}"),
        ).encode(X, Y, text="naam:N"),
        alt.Chart(heads).mark_text(fontSize=font, color=INK, align="center", fontWeight="bold").encode(
            X, Y, text="naam:N"),
    ]
    chart = alt.layer(*layers).properties(
        width="container", height=int((total + 1.3) * (font + 9)),
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
    )
    return chart.configure_view(stroke=None)
