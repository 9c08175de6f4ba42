"""The Altair builders: every chart validates against the Vega-Lite schema and carries its data.

The app sends these specs built once per input without validating them again on every run
(``kenniskaart.ui.widgets.chart``), so the schema check lives here.
"""

from __future__ import annotations

import json

import pandas as pd

from kenniskaart import charts
from kenniskaart.catalog import examples_per_theme, intervention_matrix
from kenniskaart.planscan import ALL_BOTOC, GROUPS, Plan, balance, compare, items_of, scan, summary


def _records(spec: dict) -> list[dict]:
    (data,) = spec["datasets"].values()
    return data


def test_every_builder_validates_and_carries_its_data(kk):
    matrix = intervention_matrix(kk, list(kk.interventions))
    per_theme = examples_per_theme(kk, list(kk.examples))
    plan = Plan(interventions=tuple(iv.id for iv in kk.interventions[:10]))
    items = items_of(kk, plan)
    sm = summary(scan(kk, items))
    municipalities = [ALL_BOTOC, "Arnhem"]
    summary_df, _ = compare(kk, municipalities, plan)
    bal = balance(kk, items)
    cases = [
        (charts.intervention_matrix_chart(matrix, list(matrix["thema"].unique()),
                                          list(matrix["niveau van hulp"].unique())), matrix),
        (charts.bar_chart(per_theme, "thema"), per_theme),
        (charts.bar_chart(bal, "deel", list(bal["deel"])), bal),
        (charts.coverage_chart(sm, list(GROUPS)), sm),
    ]
    for chart, frame in cases:
        spec = chart.to_dict()  # validates against the schema; raises if invalid
        assert _records(spec) == frame.to_dict("records")
    frame = charts.comparison_frame(summary_df)
    spec = charts.comparison_chart(frame, list(frame["onderdeel"].unique()), municipalities).to_dict()
    rows = _records(spec)
    assert len(rows) == len(summary_df)
    assert {r["cel"] for r in rows} == {
        f"{g} van {t}" for g, t in zip(summary_df["gedekt"], summary_df["totaal"], strict=False)
    }


def _without_data(spec: dict) -> dict:
    spec = dict(spec)
    spec.pop("datasets")
    return json.loads(json.dumps(spec).replace(spec["data"]["name"], "DATA")) if "data" in spec else spec


def test_a_template_filled_with_other_data_is_the_chart_of_that_data(kk):
    """What the UI sends (a spec built for one frame, filled with another) equals the chart
    built for the other frame: same encoding, same data, nothing left of the first frame."""
    first = examples_per_theme(kk, list(kk.examples))
    other = examples_per_theme(kk, [e for e in kk.examples if e.municipality][:7])
    assert first.to_dict("records") != other.to_dict("records")
    order = list(first["thema"])
    template = charts.spec_template(charts.bar_chart(first, "thema", order))
    filled = charts.fill_template(template, other)
    direct = charts.vega_spec(charts.bar_chart(other, "thema", order))
    assert _records(filled) == _records(direct) == other.to_dict("records")
    assert list(filled["datasets"]) != [template[1]]  # named after its own content, not the first frame's
    assert _without_data(filled) == _without_data(direct)
    assert "continuousWidth" not in json.dumps(filled)


def test_chart_rows_are_what_pandas_writes_as_json():
    """fill_template's rows (records_of) are the frame's JSON records: plain values, and a
    missing number, text or count is null, never NaN (which is not JSON)."""
    import numpy as np

    df = pd.DataFrame({
        "thema": pd.array(["a", None, "c"], dtype="string"),
        "aantal": pd.array([1, None, 3], dtype="Int64"),
        "deel": [0.5, np.nan, 2.0],
        "n": np.array([1, 2, 3], dtype="int64"),
    })
    assert charts.records_of(df) == json.loads(df.to_json(orient="records"))
    assert json.loads(json.dumps(charts.records_of(df), allow_nan=False)) == charts.records_of(df)
