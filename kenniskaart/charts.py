"""Altair charts (pure: they take DataFrames and return charts; no Streamlit).

Large labels so the charts stay readable on a projector; every chart has a table
alternative on its page for screen readers.
"""

from __future__ import annotations

import hashlib
import json

import altair as alt
import pandas as pd

from .nl import plural
from .vocabulary import BASIS_DASH

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
        color=alt.condition("datum.percentage > 60", alt.value("white"), alt.value("#1a1a2e")),
    )
    return _style((rect + text).properties(height=alt.Step(44)))


# --- specs sent to the browser --------------------------------------------------------
#
# Building an Altair chart costs ~6 ms and validating its spec ~4 ms of server CPU, on every
# run of a page. The builders above take their data as one frame and everything else as
# arguments, so a spec built once can take other data: the UI keeps one template per builder
# and arguments and fills in the frame (~0.2 ms). tests/test_charts.py validates every builder.


def vega_spec(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite spec of a chart, unvalidated, without Altair's fixed 300 px view size
    (Streamlit sizes charts itself)."""
    spec = chart.to_dict(validate=False)
    view = spec.get("config", {}).get("view", {})
    view.pop("continuousWidth", None)
    view.pop("continuousHeight", None)
    return spec


def spec_template(chart: alt.TopLevelMixin) -> tuple[str, str]:
    """(the spec as JSON without its data, the name of its one dataset)."""
    spec = vega_spec(chart)
    (name,) = spec["datasets"]  # every builder here charts one frame
    spec["datasets"] = {}
    return json.dumps(spec), name


def fill_template(template: tuple[str, str], data: pd.DataFrame) -> dict:
    """The spec of ``template`` with ``data`` as its dataset (named after its content, as
    Altair names datasets)."""
    spec_json, name = template
    records = records_of(data)
    new = f"data-{hashlib.md5(json.dumps(records).encode()).hexdigest()}"
    spec = json.loads(spec_json.replace(json.dumps(name), json.dumps(new)))
    spec["datasets"] = {new: records}
    return spec


def records_of(data: pd.DataFrame) -> list[dict]:
    """The frame's rows as plain Python values, a missing value as None (what
    ``to_json(orient="records")`` gives, at a third of its cost for a chart's few rows)."""
    columns = [str(c) for c in data.columns]
    return [
        {c: (None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v)
         for c, v in zip(columns, values)}
        for values in zip(*(data[c].tolist() for c in data.columns))
    ]


# --- the visual kenniskaart: factors → themes → interventions --------------------------

MAP_FONT = 18  # ≥ 18 px labels: readable at projector distance at 1280×720
MAP_X = {0: 0.37, 1: 0.555, 2: 0.71}
"""Horizontal position of each column as a share of the chart width."""
STRENGTH_COLOURS = ["#08306b", "#2f7ebc", "#8fb8de", "#9a9a9a"]
"""sterk, redelijk, zwak of niet erkend, onbekend: dark = strong; grey = unknown."""
BASIS_WIDTH = {"bron": 3.2, "thema": 2.2, "team": 1.6}
BASIS_OPACITY = {"bron": 0.85, "thema": 0.5, "team": 0.4}
INK = "#1a1a2e"


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
        doorzicht=[BASIS_OPACITY[b] if a else 0.06 for b, a in zip(edges["basis"], edges["actief"])],
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
    text = cells.assign(x=cells["factoren"].map(col_of), y=[top[s] + r + 0.6 for s, r in zip(cells["sterkte"], cells["regel"])])
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
        alt.Chart(row_labels).mark_text(fontSize=font, color=INK, align="right", fontWeight="bold",
                                        limit=alt.expr(f"width * {0.7 / (len(columns) + 0.75)}")).encode(X, Y, text="naam:N"),
        alt.Chart(heads).mark_text(fontSize=font, color=INK, align="center", fontWeight="bold").encode(X, Y, text="naam:N"),
    ]
    chart = alt.layer(*layers).properties(
        width="container", height=int((total + 1.3) * (font + 9)),
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
    )
    return chart.configure_view(stroke=None)


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
    return _style(alt.layer(*layers).properties(height=280))
