"""Steering on the monitor (CCV les 4: 'bespreek de resultaten en stuur doorlopend bij'): the
*bijsturen* list, the figures per indicator (one table for the page, the Word file and the
export) and the chart's data. Pure: no Streamlit.

Rules (each computed from the figures alone):
- a missing nulmeting: an indicator without a baseline value ('een nulmeting wordt dikwijls vergeten');
- an overdue measurement: the k-th planned moment counts as done once there are k measurements;
  a planned moment before today that is not done is overdue;
- the wrong way: the target sets the direction (target above the baseline: up is good; below:
  down is good; equal: no direction); the last step (the last measurement against the one before
  it, or the baseline) going against it;
- a plan item that no followed indicator follows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..content import Kenniskaart
from ..vocabulary import INDICATOR_KIND_LABELS
from .model import MonitorState, Tracked, date_text, number_text
from .suggest import indicator_views

__all__ = ["FIGURE_COLUMNS", "MEASUREMENT_COLUMNS", "Signal", "bijsturen", "chart_frame",
           "figure_rows", "measurement_rows"]


@dataclass(frozen=True)
class Signal:
    kind: str
    """A key of ``vocabulary.SIGNAL_LABELS``."""
    subject: str
    """The indicator's or the plan item's name."""
    text: str


def tracked_name(kk: Kenniskaart, t: Tracked) -> str:
    if t.name:
        return t.name
    view = indicator_views(kk).get(t.indicator)
    return view.name if view is not None else t.indicator


def tracked_kind(kk: Kenniskaart, t: Tracked) -> str:
    view = indicator_views(kk).get(t.indicator)
    return INDICATOR_KIND_LABELS[view.kind] if view is not None else "eigen indicator"


def direction(t: Tracked) -> int:
    """+1: up is good, -1: down is good, 0: no target or target equals the baseline."""
    if t.baseline is None or t.target is None or t.target == t.baseline:
        return 0
    return 1 if t.target > t.baseline else -1


def series(t: Tracked) -> list[tuple[dt.date | None, float, str]]:
    """(date, value, 'nulmeting' | 'meting') in date order, the baseline first."""
    out: list[tuple[dt.date | None, float, str]] = []
    if t.baseline is not None:
        out.append((t.baseline_date, t.baseline, "nulmeting"))
    out += [(m.date, m.value, "meting") for m in t.measurements]
    return out


def overdue(t: Tracked, today: dt.date) -> list[dt.date]:
    return [p for p in t.planned[len(t.measurements):] if p < today]


def next_planned(t: Tracked) -> dt.date | None:
    rest = t.planned[len(t.measurements):]
    return rest[0] if rest else None


def wrong_way(t: Tracked) -> tuple[float, float] | None:
    """(before, after) of the last step when it goes against the target's direction."""
    d = direction(t)
    values = [v for _, v, _ in series(t)]
    if d == 0 or len(values) < 2 or not t.measurements:
        return None
    before, after = values[-2], values[-1]
    return (before, after) if (after - before) * d < 0 else None


def bijsturen(kk: Kenniskaart, state: MonitorState, item_labels: list[str], today: dt.date) -> list[Signal]:
    """What to steer on, in this order: wrong way, overdue, missing nulmeting, items without indicator."""
    wrong, late, missing = [], [], []
    for t in state.tracked:
        name = tracked_name(kk, t)
        unit = f" {t.unit}" if t.unit else ""
        step = wrong_way(t)
        if step is not None:
            goal = "omhoog" if direction(t) > 0 else "omlaag"
            wrong.append(Signal("verkeerde-kant", name,
                                f"van {number_text(step[0])}{unit} naar {number_text(step[1])}{unit}, terwijl het doel "
                                f"({number_text(t.target)}{unit}) {goal} vraagt."))
        for p in overdue(t, today):
            late.append(Signal("te-laat", name, f"de meting van {date_text(p)} is nog niet ingevuld."))
        if t.baseline is None:
            missing.append(Signal("nulmeting", name,
                                  "vul de nulmeting in: zonder startpunt is geen verandering te meten."))
    followed = {label for t in state.tracked for label in t.items}
    without = [Signal("geen-indicator", label, "geen indicator volgt dit planonderdeel.")
               for label in item_labels if label not in followed]
    return [*wrong, *late, *missing, *without]


FIGURE_COLUMNS = ("Indicator", "Soort", "Nulmeting", "Bron nulmeting", "Doel", "Metingen", "Volgende meting")


def figure_rows(kk: Kenniskaart, state: MonitorState) -> list[tuple[str, ...]]:
    """One row per followed indicator: the figures the page, the Word file and the export share."""
    rows: list[tuple[str, ...]] = []
    for t in state.tracked:
        unit = f" {t.unit}" if t.unit else ""
        baseline = (f"{number_text(t.baseline)}{unit} op {date_text(t.baseline_date)}"
                    if t.baseline is not None else "nog geen nulmeting")
        measured = "; ".join(f"{number_text(m.value)}{unit} op {date_text(m.date)}" for m in t.measurements)
        rows.append((tracked_name(kk, t), tracked_kind(kk, t), baseline, t.baseline_source or "onbekend",
                     f"{number_text(t.target)}{unit}" if t.target is not None else "nog geen doel",
                     measured or "nog geen", date_text(next_planned(t)) if next_planned(t) else "niet gepland"))
    return rows


MEASUREMENT_COLUMNS = ("Indicator", "Soort", "Datum", "Waarde", "Eenheid", "Bron of notitie")


def measurement_rows(kk: Kenniskaart, state: MonitorState) -> list[dict[str, object]]:
    """Every figure as a row (nulmeting, doel, geplande meting, meting) for CSV and Excel."""
    rows: list[dict[str, object]] = []
    for t in state.tracked:
        name = tracked_name(kk, t)
        figures: list[tuple[str, dt.date | None, float | None, str | None]] = (
            [("nulmeting", t.baseline_date, t.baseline, t.baseline_source)] if t.baseline is not None else [])
        figures += [("doel", None, t.target, "")] if t.target is not None else []
        figures += [("meting", m.date, m.value, m.note) for m in t.measurements]
        figures += [("geplande meting", p, None, "") for p in t.planned[len(t.measurements):]]
        rows += [dict(zip(MEASUREMENT_COLUMNS, (name, kind, date_text(date) if date else "", value, t.unit, note),
                          strict=True)) for kind, date, value, note in figures]
    return rows


def chart_frame(t: Tracked) -> pd.DataFrame:
    """The chart's data: the baseline and the measurements, with their date and kind."""
    return pd.DataFrame([{"datum": pd.Timestamp(d), "waarde": v, "soort": kind}
                         for d, v, kind in series(t) if d is not None], columns=["datum", "waarde", "soort"])
