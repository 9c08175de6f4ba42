"""Specs sent to the browser: a chart's Vega-Lite spec, and a template filled with new data.

Building an Altair chart costs ~6 ms and validating its spec ~4 ms of server CPU, on every
run of a page. The builders take their data as one frame and everything else as arguments, so
a spec built once can take other data: the UI keeps one template per builder and arguments and
fills in the frame (~0.2 ms). tests/unit/test_charts.py validates every builder.
"""

from __future__ import annotations

import hashlib
import json

import altair as alt
import pandas as pd


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
         for c, v in zip(columns, values, strict=True)}
        for values in zip(*(data[c].tolist() for c in data.columns), strict=True)
    ]
