"""The Nulmeting en monitor page's actions (button and form callbacks): follow a suggested
indicator, add an own one, save a nulmeting, add or drop a measurement, stop following. What the
user typed goes through ``monitor.model``; a ``MonitorInputError`` is kept (``ERRORS``) and shown
once by the page, and nothing changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from ..content import Kenniskaart
from ..monitor import MonitorInputError, MonitorState, Tracked
from ..monitor.model import OWN_PREFIX, clean_text, with_baseline, with_measurement
from ..monitor.suggest import targets_of
from ..plan_van_aanpak.prefill import profile_factors
from ..planscan import items_of
from .state import MONITOR_KEY, current_monitor, current_plan, current_profile
from .state import MONITOR_WIDGETS as W

ERRORS = "mon_errors"
"""Session key: indicator id (or '_' for the page) -> the Dutch message of its last action."""


def _set(state: MonitorState) -> None:
    st.session_state[MONITOR_KEY] = state


def _error(key: str, message: str) -> None:
    st.session_state.setdefault(ERRORS, {})[key] = message


def follow(kk: Kenniskaart, indicator_id: str) -> None:
    if current_monitor().get(indicator_id) is not None:
        return  # already followed (a double click): keep its figures
    factors, items = profile_factors(kk, current_profile()), items_of(kk, current_plan())
    item_labels, factor_names = targets_of(kk, indicator_id, factors, items)
    try:
        _set(current_monitor().put(Tracked(indicator=indicator_id, items=item_labels, factors=factor_names)))
    except MonitorInputError as exc:
        _error("_", str(exc))


def add_own() -> None:
    try:
        name = clean_text(st.session_state.get(f"{W}own_name", ""), "de naam", 200)
        if not name:
            raise MonitorInputError("Geef de eigen indicator een naam.")
        state = current_monitor()
        n = 1 + max([int(t.indicator[len(OWN_PREFIX):]) for t in state.tracked
                     if t.indicator.startswith(OWN_PREFIX) and t.indicator[len(OWN_PREFIX):].isdigit()] or [0])
        items = tuple(st.session_state.get(f"{W}own_items", []))
        _set(state.put(Tracked(indicator=f"{OWN_PREFIX}{n}", name=name, items=items)))
        st.session_state[f"{W}own_name"] = ""
    except MonitorInputError as exc:
        _error("_", str(exc))


def _change(indicator: str, change: Callable[[Tracked], Tracked]) -> bool:
    """Apply ``change`` to a followed indicator; a ``MonitorInputError`` is kept for the page and
    nothing changes. Whether it was applied."""
    state = current_monitor()
    t = state.get(indicator)
    if t is None:
        return False
    try:
        _set(state.put(change(t)))
    except MonitorInputError as exc:
        _error(indicator, str(exc))
        return False
    return True


def save_baseline(indicator: str) -> None:
    s, k = st.session_state, f"{W}{indicator}_"
    _change(indicator, lambda t: with_baseline(
        t, s.get(k + "value", ""), s.get(k + "date", ""), s.get(k + "source", ""), s.get(k + "target", ""),
        s.get(k + "unit", ""), s.get(k + "planned", ""), dt.date.today()))


def add_measurement(indicator: str) -> None:
    s, k = st.session_state, f"{W}{indicator}_m_"
    if _change(indicator, lambda t: with_measurement(
            t, s.get(k + "date", ""), s.get(k + "value", ""), s.get(k + "note", ""), dt.date.today())):
        for f in ("date", "value", "note"):
            s[k + f] = ""


def drop_last(indicator: str) -> None:
    state = current_monitor()
    t = state.get(indicator)
    if t is not None and t.measurements:
        _set(state.put(Tracked.model_validate({**t.model_dump(), "measurements": t.measurements[:-1]})))


def unfollow(indicator: str) -> None:
    _set(current_monitor().drop(indicator))
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(f"{W}{indicator}_")]:
        del st.session_state[key]
