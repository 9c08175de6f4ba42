"""The session's state: the keys pages share, the profile, the plan, the shortlist, the
presentation switch, the one notice box for what a link got wrong, and an uploaded file read
through a domain parser."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import streamlit as st

from ..aanbeveler import Profile
from ..planscan import Plan
from .text import md

SHORTLIST_KEY = "shortlist"
"""Session-state key of the shortlist: a list of intervention ids."""
NOTES_KEY = "shortlist_notes"
"""Session-state key of the shortlist notes: intervention id -> text."""
PROFILE_KEY = "profile"
"""Session-state key of the current risk profile (a ``Profile``), shared by pages."""
PLAN_KEY = "plan"
"""Session-state key of the Planscan plan (a ``planscan.Plan``): the one truth for the plan,
shared by the Planscan page and anything that saves or restores a user's work."""
MONITOR_KEY = "monitor"
"""Session-state key of the Nulmeting en monitor (a ``monitor.MonitorState``), shared by the
monitor page, the plan van aanpak and the werkmap."""
MONITOR_WIDGETS = "mon_"
"""Key prefix of the monitor page's widgets (reset when a werkmap is opened)."""
PRESENTATION_KEY = "presentatie"
PRESENTATION_PARAM = "presentatie"
"""Query parameter that switches presentation mode on (1) or off (0)."""
NOTICES_KEY = "url_notices"
PERSIST = "session"
"""``persist_state`` for filter widgets: their value survives every page switch in a session."""
CHIPS = {"selection_mode": "multi", "wrap": True, "persist_state": PERSIST}
"""``st.pills`` options for a filter over a short list: every choice visible, one click."""
PICK = {"placeholder": "Kies…", "select_all": False, "persist_state": PERSIST}
"""``st.multiselect`` options for a filter over a long list (no English 'Select all')."""
_NOTICE_SLOT = "_notice_slot"
_NOTICE_LIST = "_notice_list"
NOTICE_HEAD = "Niet alles uit de link kon worden gebruikt; de rest van de pagina werkt gewoon:"


def current_profile() -> Profile | None:
    return st.session_state.get(PROFILE_KEY)


def current_plan() -> Plan:
    """The session's Planscan plan (empty when none was made yet)."""
    plan = st.session_state.get(PLAN_KEY)
    return plan if isinstance(plan, Plan) else Plan()


def current_monitor():
    """The session's monitor (a ``monitor.MonitorState``; empty when none was made yet)."""
    from ..monitor import MonitorState

    state = st.session_state.get(MONITOR_KEY)
    return state if isinstance(state, MonitorState) else MonitorState()


def set_plan(plan: Plan) -> None:
    """Replace the session's Planscan plan (the Planscan page's widgets follow it)."""
    st.session_state[PLAN_KEY] = plan
    work_changed()


def set_profile(profile: Profile | None) -> None:
    """Replace the session's profile (None: no profile)."""
    if profile is None:
        st.session_state.pop(PROFILE_KEY, None)
    else:
        st.session_state[PROFILE_KEY] = profile
    work_changed()


def add_to_shortlist(intervention_id: str) -> None:
    """Add an intervention to the session's shortlist (once)."""
    items: list[str] = st.session_state.setdefault(SHORTLIST_KEY, [])
    if intervention_id not in items:
        items.append(intervention_id)
        work_changed()


def work_changed() -> None:
    """The session's work changed: the online werkmap saves it now (a callback or a fragment
    does not reach the end of app.py's run, where every full run saves what changed)."""
    from .werkmap_online import (
        save_if_changed,  # late: werkmap_online builds on this module
    )

    save_if_changed()


def presentation_mode() -> bool:
    """Whether the session is in presentation mode (``?presentatie=1`` switches it on/off)."""
    flag = st.query_params.get(PRESENTATION_PARAM)
    if flag in ("1", "0"):
        st.session_state[PRESENTATION_KEY] = flag == "1"
    return bool(st.session_state.get(PRESENTATION_KEY))


def set_presentation(on: bool) -> None:
    """Switch presentation mode (use as a button callback)."""
    st.session_state[PRESENTATION_KEY] = on
    if on:
        st.query_params[PRESENTATION_PARAM] = "1"
    elif PRESENTATION_PARAM in st.query_params:
        del st.query_params[PRESENTATION_PARAM]
    from .werkmap_online import show_link  # late: werkmap_online builds on this module

    show_link(on)  # presenting: only the werkmap's read link in the address


def open_notices(pending: list[str]) -> None:
    """Once per run, before the page's content: one notice box for everything a link got wrong
    (filled by :func:`notify`), showing ``pending`` notices already."""
    st.session_state[_NOTICE_SLOT] = st.empty()
    st.session_state[_NOTICE_LIST] = []
    notify(pending)


def notify(notices: Iterable[str]) -> None:
    """Add Dutch notices about a link to the page's single notice box (under the sidebar
    controls, above the page title)."""
    notices = [n for n in notices if n]
    collected: list[str] = st.session_state.get(_NOTICE_LIST, [])
    if not notices:
        return
    collected.extend(n for n in notices if n not in collected)
    slot = st.session_state.get(_NOTICE_SLOT)
    body = md(NOTICE_HEAD) + "\n" + "\n".join(f"- {md(n)}" for n in collected)
    (slot or st).warning(body, icon=":material/link_off:")


T = TypeVar("T")


def read_upload(key: str, parse: Callable[[bytes], tuple[T, list[str]]], refused: type[Exception],
                on_refused: Callable[[str], None]) -> tuple[T, list[str], str] | None:
    """The file uploaded with widget ``key`` read by a domain parser: (value, notices, file name).
    None when there is no file, or when the parser refused it (``on_refused`` gets its Dutch
    message; nothing else changes)."""
    upload = st.session_state.get(key)
    if upload is None:
        return None
    try:
        value, notices = parse(upload.getvalue())
    except refused as exc:
        on_refused(str(exc))
        return None
    return value, notices, upload.name


AANBEVELER_WIDGETS = "a_"
PLANSCAN_WIDGETS = "ps_"
"""Key prefixes of the Aanbeveler's and the Planscan's widget state."""


def reset_widgets(*prefixes: str) -> None:
    """Drop the widget state of pages (by key prefix), so they start again from the session's
    profile and plan after these were replaced (a werkmap, a werksessie)."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefixes)]:
        del st.session_state[key]
