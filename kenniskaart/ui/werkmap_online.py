"""The werkmap online in the app: the private link in the address (``?werkmap=<token>``), the
session's work restored from it, saved when it changed, the status in the sidebar and the
conflict view. The share box and the history are in ``ui.werkmap_share``.

app.py wraps every full run in ``autosave_run``: before the page, a link in the address is
opened once per session; after it, what changed is saved. A callback or fragment that changes
the work calls ``save_if_changed`` (through ``ui.state``). A run without a change costs one
comparison of four references (no JSON); a change costs one serialisation, a hash and, when
the document differs from the saved one, one small write.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import streamlit as st

from ..werkmap import WerkmapError, werkmap_from_json, werkmap_to_json
from ..werkmap_online import (
    Conflict,
    WerkmapOnlineError,
    WerkmapStore,
    describe_change,
    doc_hash,
)
from .state import NOTES_KEY, PLAN_KEY, PRESENTATION_KEY, PROFILE_KEY, SHORTLIST_KEY
from .text import md
from .werkmap import apply_werkmap, session_werkmap

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
_STATUS_SLOT = "_wm_status_slot"
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


def open_link() -> Link:
    """The session's link, for an action on it (a Dutch error when there is none any more)."""
    link = current_link()
    if link is None:
        raise WerkmapOnlineError("Deze pagina heeft geen online werkmap (meer) open. Open de link opnieuw.")
    return link


def link_url(token: str, page: str = "shortlist") -> str:
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return f"{parts.scheme}://{parts.netloc}/{page}?{PARAM}={token}"


def loaded_content():
    """The content (loaded once per process by ``ui.get_content``), for reading a werkmap."""
    from ..content import content_dir
    from . import _cached_content

    return _cached_content(str(content_dir()))


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


def _open(token: str) -> None:
    try:
        opened = get_store().open(token)
        notices = adopt(opened.document, Link(token, opened.can_edit, opened.version, doc_hash(opened.document),
                                              opened.read_token, opened.saved_at))
    except (WerkmapOnlineError, WerkmapError) as exc:
        del st.query_params[PARAM]  # not tried again on every rerun
        st.error(md(f"De online werkmap is niet geopend. {exc}"), icon=":material/link_off:")
        return
    except Exception:  # a defect: logged for the operator, a plain message for the user
        log.exception("werkmap online: openen")
        del st.query_params[PARAM]
        st.error("De online werkmap kon niet worden geopend. Probeer het later opnieuw.", icon=":material/error:")
        return
    # The werkmap is the newer work: a shared view's parameters still in the same address (the
    # link was added to it) must not replace it (``ui.links.restore_from_url`` runs once per session).
    st.session_state[URL_RESTORED_KEY] = True
    for notice in notices:
        st.warning(md(notice))


# --- saving ----------------------------------------------------------------------------------


def _snapshot() -> tuple:
    ss = st.session_state
    return (ss.get(PROFILE_KEY), ss.get(PLAN_KEY), tuple(ss.get(SHORTLIST_KEY) or ()),
            tuple((ss.get(NOTES_KEY) or {}).items()))


def _set_address(link: Link, presenting: bool) -> None:
    """The address carries the link (a reload continues); when presenting only the read link."""
    want = (link.read_token if link.can_edit else link.token) if presenting else link.token
    if want and st.query_params.get(PARAM) != want:
        st.query_params[PARAM] = want
    elif not want and PARAM in st.query_params:
        del st.query_params[PARAM]


def save_if_changed(note: str | None = None, force: bool = False) -> None:
    """Save the session's work when it changed since the last save (one small write); a
    conflict, a read link or a storage problem is recorded for the page, never raised.
    ``force``: compare with the saved document even when the session looks unchanged."""
    if not enabled():
        return
    ss = st.session_state
    snap = _snapshot()
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
    if unchanged:
        ss.pop(_RETRY_AT, None)
        return
    try:
        if link is None:
            made = get_store().create(document, note=note or "Werkmap online gezet")
            link = Link(made.edit_token, True, made.version, digest, made.read_token, made.saved_at)
            ss[LINK_KEY] = link
            _set_address(link, bool(ss.get(PRESENTATION_KEY)))
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
    except Exception:  # a defect: logged, the user keeps working and is told nothing was saved
        log.exception("werkmap online: bewaren")
        ss[PROBLEM_KEY] = "Uw laatste wijziging kon niet online worden bewaard. Download de werkmap als bestand."
        ss[_RETRY_AT] = time.monotonic() + RETRY_SECONDS
        return
    ss[_DOC_KEY] = document
    ss.pop(PROBLEM_KEY, None)
    ss.pop(_RETRY_AT, None)


# --- the run ---------------------------------------------------------------------------------


@contextmanager
def autosave_run(presenting: bool) -> Iterator[None]:
    """Around a page run: open a link from the address (once per session), show the status,
    and save what the run changed. Cheap when nothing changed."""
    if not switched_on():
        yield
        return
    token = (st.query_params.get(PARAM) or "").strip()[:100]
    link = current_link()
    if token and (link is None or token not in (link.token, link.read_token)):
        _open(token)
        link = current_link()
    if link is not None:
        _set_address(link, presenting)
    slot = None if presenting else st.sidebar.empty()
    if slot is not None:
        status(slot)  # before the page: a page that stops early (st.stop) still shows it
    if st.session_state.get(CONFLICT_KEY) is not None and not presenting:
        from .werkmap_share import conflict_view  # the views live with the share box

        conflict_view(loaded_content())
    before = _status_key()
    try:
        yield
    finally:
        save_if_changed()
        after = _status_key()
        if slot is not None and after != before:
            status(slot)
        if after[3] and not before[3]:
            st.rerun()  # a new conflict is shown at the top of the page at once


def _status_key() -> tuple:
    link, ss = current_link(), st.session_state
    return (link and (link.token, link.version, link.can_edit), ss.get(PROBLEM_KEY),
            ss.get(OFF_KEY), ss.get(CONFLICT_KEY) is not None)


def status(slot) -> None:
    """One line in the sidebar: saved (version, time), read only, not saved, or not yet."""
    from .werksessie import local_time

    link, ss = current_link(), st.session_state
    if ss.get(OFF_KEY):
        slot.caption(":material/cloud_off: De online werkmap is verwijderd; uw werk wordt niet meer online "
                     "bewaard (weer aanzetten op de pagina Shortlist).")
    elif ss.get(CONFLICT_KEY) is not None:
        slot.error("Niet bewaard: iemand anders bewaarde deze werkmap intussen. Kies bovenaan de pagina "
                   "welke versie verder gaat.", icon=":material/sync_problem:")
    elif ss.get(PROBLEM_KEY):
        slot.warning(md(ss[PROBLEM_KEY]), icon=":material/cloud_off:")
    elif link is None:
        slot.caption(":material/cloud: Uw werk wordt automatisch bewaard zodra u een profiel, shortlist "
                     "of plan maakt; de link in de adresbalk brengt u er daarna naar terug.")
    elif not link.can_edit:
        slot.caption(":material/visibility: Alleen lezen: u bekijkt een gedeelde werkmap met een leeslink. "
                     "Wat u hier verandert, wordt niet bewaard.")
    else:
        slot.caption(f":material/cloud_done: Uw werk wordt automatisch bewaard (versie {link.version}, "
                     f"{local_time(link.saved_at)}). Met de link in de adresbalk gaat u later verder; "
                     "delen doet u op de pagina Shortlist.")
