"""The werkmap box: the advisor's profile, shortlist with notes and plan in one file."""

from __future__ import annotations

import streamlit as st

from ..content import Kenniskaart
from ..planscan import Plan
from ..werkmap import (
    FILE_NAME,
    Werkmap,
    WerkmapError,
    werkmap_from_json,
    werkmap_summary,
    werkmap_to_json,
)
from .plan_van_aanpak import INPUTS_KEY, current_inputs, set_inputs
from .state import (
    AANBEVELER_WIDGETS,
    MONITOR_KEY,
    MONITOR_WIDGETS,
    NOTES_KEY,
    PLAN_KEY,
    PLANSCAN_WIDGETS,
    PROFILE_KEY,
    SHORTLIST_KEY,
    current_monitor,
    current_profile,
    read_upload,
    reset_widgets,
)
from .text import md

WERKMAP_NOTICE_KEY = "werkmap_notices"


def apply_werkmap(wm: Werkmap) -> None:
    """Make ``wm`` the session's work: profile, shortlist with notes, plan, the plan van aanpak's
    fields and the monitor; the pages' widgets start again from it (a file opened here, an online
    werkmap)."""
    reset_widgets(AANBEVELER_WIDGETS, PLANSCAN_WIDGETS, MONITOR_WIDGETS)  # the pages start again from what was opened
    if wm.profile is not None:
        st.session_state[PROFILE_KEY] = wm.profile
    else:
        st.session_state.pop(PROFILE_KEY, None)
    st.session_state[SHORTLIST_KEY] = list(wm.shortlist)
    st.session_state[NOTES_KEY] = dict(wm.notes)
    st.session_state[PLAN_KEY] = wm.plan
    st.session_state[MONITOR_KEY] = wm.monitor
    set_inputs(wm.plan_van_aanpak)  # the plan van aanpak's fields (its widgets start again from them)
    for iid in wm.shortlist:  # the note fields show the opened notes (a dropped key would let the
        st.session_state[f"sl-note-{iid}"] = wm.notes.get(iid, "")  # browser keep the old text)


WORK_KEYS = (PROFILE_KEY, SHORTLIST_KEY, NOTES_KEY, PLAN_KEY, INPUTS_KEY, MONITOR_KEY)
"""The session-state keys the werkmap is made of (``session_werkmap``). A part the werkmap gains
adds its key here too: the online werkmap saves when one of these changes."""


def work_snapshot() -> tuple:
    """The values under WORK_KEYS, compared cheaply between runs (lists and dicts copied as tuples:
    pages change them in place; models are frozen)."""
    ss = st.session_state
    return tuple(tuple(v) if isinstance(v := ss.get(k), list) else tuple(v.items()) if isinstance(v, dict) else v
                 for k in WORK_KEYS)


def session_werkmap() -> bytes:
    """The session's work as a werkmap file (``werkmap_to_json``): the download and the online
    werkmap hold the same document."""
    plan = st.session_state.get(PLAN_KEY)
    return werkmap_to_json(
        current_profile(),
        st.session_state.get(SHORTLIST_KEY, []),
        st.session_state.get(NOTES_KEY, {}),
        plan if isinstance(plan, Plan) else None,
        current_inputs(),
        current_monitor(),
    )


def _open_werkmap(kk: Kenniskaart) -> None:
    def refused(message: str) -> None:
        st.session_state[WERKMAP_NOTICE_KEY] = (
            "error", [f"De werkmap is niet geopend; er is niets veranderd. {message}"])

    loaded = read_upload("werkmap_upload", lambda raw: werkmap_from_json(kk, raw), WerkmapError, refused)
    if loaded is not None:
        wm, notices, name = loaded
        apply_werkmap(wm)
        st.session_state[WERKMAP_NOTICE_KEY] = (
            "success", [f"Werkmap '{name}' geopend: {werkmap_summary(wm)}.", *notices])


def werkmap_box(kk: Kenniskaart) -> None:
    """Download the session's work as one file, or open one downloaded earlier."""
    with st.container(border=True):
        st.markdown("**Werkmap: bewaar uw werk en ga later verder**")
        st.caption(
            "Eén bestand met uw profiel, de shortlist met volgorde en notities, het plan uit de "
            "Planscan, wat u in het plan van aanpak invulde en de nulmeting en metingen. Open het later "
            "weer hier, ook op een "
            "andere computer."
        )
        data = session_werkmap()
        left, right = st.columns(2)
        left.download_button(
            "Download werkmap (.json)", data, file_name=FILE_NAME, mime="application/json",
            icon=":material/download:",
        )
        right.file_uploader(
            "Open een werkmap (.json)", type=["json"], key="werkmap_upload",
            on_change=_open_werkmap, args=(kk,), max_upload_size=1,
            help="Een werkmap die u eerder met 'Download werkmap' bewaarde. Een ongeldig bestand verandert niets.",
        )
        kind, messages = st.session_state.pop(WERKMAP_NOTICE_KEY, (None, []))
        if messages:
            text = "\n".join(f"- {md(m)}" for m in messages) if len(messages) > 1 else md(messages[0])
            (st.error if kind == "error" else st.success)(text)
