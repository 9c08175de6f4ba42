"""The werkmap online in the app: the session's link (``?werkmap=<token>`` in the address),
the store (one per process), making a stored werkmap the session's work (``adopt``) and saving
what changed (``save_if_changed``). Around every page run: ``ui.werkmap_autosave``; the share
box and the history: ``ui.werkmap_share``.

A full run saves at its end (app.py); a callback or fragment that changes the work saves
through ``ui.state``. A run without a change costs one comparison of four references (no
JSON); a change costs one serialisation, a hash and, when the document differs from the saved
one, one small write.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from dataclasses import dataclass

import streamlit as st

from ..werkmap import WerkmapError, werkmap_from_json, werkmap_to_json
from ..werkmap_online import (
    Conflict,
    WerkmapOnlineError,
    WerkmapStore,
    describe_change,
    doc_hash,
)
from .cache import loaded_content
from .state import PRESENTATION_KEY
from .werkmap import apply_werkmap, session_werkmap, work_snapshot

log = logging.getLogger(__name__)

PARAM = "werkmap"
"""The query parameter with the link's secret token."""
LINK_KEY = "wm_link"
CONFLICT_KEY = "wm_conflict"
PROBLEM_KEY = "wm_problem"
OFF_KEY = "wm_off"
"""Session state: the online werkmap was deleted here; nothing is saved until switched on."""
_SEEN_KEY = "_wm_seen"
_DOC_KEY = "_wm_doc"
_RETRY_AT = "_wm_retry_at"
_BASE_KEY = "_wm_base"
URL_RESTORED_KEY = "_url_restored"
"""``ui.links.restore_from_url``'s once-per-session flag."""
RETRY_SECONDS = 30
"""After a failed save, an unchanged session tries again after this long (not every rerun)."""
EMPTY_HASH = doc_hash(werkmap_to_json(None, [], {}, None))


@dataclass
class Link:
    """The online werkmap this session works in."""

    token: str
    can_edit: bool
    version: int
    saved_hash: str
    read_token: str | None
    saved_at: dt.datetime | None = None


def switched_on() -> bool:
    """``KENNISKAART_WERKMAP_ONLINE=0`` switches the werkmap online off (e.g. without storage)."""
    return os.environ.get("KENNISKAART_WERKMAP_ONLINE", "1").strip() != "0"


def enabled() -> bool:
    """Whether this session saves online (switched on, and not deleted here)."""
    return switched_on() and not st.session_state.get(OFF_KEY)


@st.cache_resource(show_spinner=False)
def _store() -> WerkmapStore:
    return WerkmapStore.from_env()


def get_store() -> WerkmapStore:
    """The process's store (a WerkmapOnlineError when it cannot be opened; not cached then)."""
    return _store()


def current_link() -> Link | None:
    return st.session_state.get(LINK_KEY)


def first_run() -> bool:
    """Whether no save was tried yet in this session (the first one sets the baseline: what a
    shared view's link brought, see ``_save``)."""
    return _BASE_KEY not in st.session_state and current_link() is None


def open_link() -> Link:
    """The session's link, for an action on it (a Dutch error when there is none any more)."""
    link = current_link()
    if link is None:
        raise WerkmapOnlineError("Deze pagina heeft geen online werkmap (meer) open. Open de link opnieuw.")
    return link


# --- opening a link --------------------------------------------------------------------------


def adopt(document: bytes, link: Link) -> list[str]:
    """Make a stored document the session's work under ``link``; the notices of reading it."""
    wm, notices = werkmap_from_json(loaded_content(), document)
    apply_werkmap(wm)
    st.session_state[LINK_KEY] = link
    st.session_state[_DOC_KEY] = document
    st.session_state.pop(_SEEN_KEY, None)
    st.session_state.pop(CONFLICT_KEY, None)
    return notices


# --- saving ----------------------------------------------------------------------------------


def set_address(link: Link, presenting: bool) -> None:
    """The address carries the link (a reload continues); when presenting only the read link."""
    want = (link.read_token if link.can_edit else link.token) if presenting else link.token
    if want and st.query_params.get(PARAM) != want:
        st.query_params[PARAM] = want
    elif not want and PARAM in st.query_params:
        del st.query_params[PARAM]


def show_link(presenting: bool) -> None:
    """Put the session's link in the address: the read link while presenting."""
    link = current_link()
    if link is not None:
        set_address(link, presenting)


def presentable(params: dict[str, str]) -> dict[str, str]:
    """Query parameters for the presentation page: the werkmap's read link, never the edit link."""
    link = current_link()
    if PARAM not in params or link is None or not link.can_edit:
        return params
    rest = {k: v for k, v in params.items() if k != PARAM}
    return {**rest, PARAM: link.read_token} if link.read_token else rest


def save_if_changed(note: str | None = None, force: bool = False) -> None:
    """Save the session's work when it changed since the last save (one small write); a
    conflict, a read link or a storage problem is recorded for the page, never raised.
    ``force``: compare with the saved document even when the session looks unchanged."""
    if not enabled():
        return
    try:
        _save(note, force)
    except Exception:  # a defect: logged, the user keeps working and is told nothing was saved
        log.exception("werkmap online: bewaren")
        st.session_state[PROBLEM_KEY] = ("Uw laatste wijziging kon niet online worden bewaard. Download de "
                                         "werkmap als bestand.")


def _save(note: str | None, force: bool) -> None:
    ss = st.session_state
    snap = work_snapshot()
    retry_at = ss.get(_RETRY_AT)
    if not force and ss.get(_SEEN_KEY) == snap and not (retry_at and time.monotonic() >= retry_at):
        return
    ss[_SEEN_KEY] = snap
    link = current_link()
    if ss.get(CONFLICT_KEY) is not None or (link is not None and not link.can_edit):
        return
    document = session_werkmap()
    digest = doc_hash(document)
    if link is None and _BASE_KEY not in ss and not force:  # a session's first run: what a shared
        ss[_BASE_KEY] = digest  # view's link brought is not yet the user's own work (no werkmap for it)
    unchanged = (digest == EMPTY_HASH or (not force and digest == ss.get(_BASE_KEY))) if link is None \
        else digest == link.saved_hash
    if unchanged:  # also after a failed save: the session is back at what is saved
        ss.pop(_RETRY_AT, None)
        ss.pop(PROBLEM_KEY, None)
        return
    try:  # what cannot be opened again is not saved (a reader would be stranded)
        werkmap_from_json(loaded_content(), document)
    except WerkmapError as exc:
        ss[PROBLEM_KEY] = f"Uw laatste wijziging is niet online bewaard: {exc} Uw werk staat nog op deze pagina."
        return
    try:
        if link is None:
            made = get_store().create(document, note=note or "Werkmap online gezet")
            link = Link(made.edit_token, True, made.version, digest, made.read_token, made.saved_at)
            ss[LINK_KEY] = link
            set_address(link, bool(ss.get(PRESENTATION_KEY)))
        else:
            info = get_store().save(link.token, link.version, document,
                                    note=note or describe_change(ss.get(_DOC_KEY), document))
            link.version, link.saved_hash, link.saved_at = info.version, digest, info.saved_at
    except Conflict as exc:
        ss[CONFLICT_KEY] = (exc, document)
        return
    except WerkmapOnlineError as exc:
        ss[PROBLEM_KEY], ss[_RETRY_AT] = str(exc), time.monotonic() + RETRY_SECONDS
        return
    ss[_DOC_KEY] = document
    ss.pop(PROBLEM_KEY, None)
    ss.pop(_RETRY_AT, None)
