"""The Altair builders: every chart validates against the Vega-Lite schema and carries its data.

The app sends these specs built once per input without validating them again on every run
(``kenniskaart.ui.chart``), so the schema check lives here.
"""

from __future__ import annotations

from kenniskaart import charts
from kenniskaart.catalog import examples_per_theme, intervention_matrix
from kenniskaart.planscan import ALL_BOTOC, GROUPS, balance, compare, items_of, scan, summary
from kenniskaart.planscan import Plan


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
    spec = charts.comparison_chart(summary_df, list(summary_df["onderdeel"].unique()), municipalities).to_dict()
    rows = _records(spec)
    assert len(rows) == len(summary_df)
    assert {r["cel"] for r in rows} == {f"{g} van {t}" for g, t in zip(summary_df["gedekt"], summary_df["totaal"])}
