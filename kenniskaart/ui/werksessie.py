"""Streamlit helpers for the Werksessie page: the store (one per process), the room's links and
QR code, which room this browser is in, and the guard that turns storage errors into Dutch
messages. The live view and the answer form are in ``ui.werksessie_views``.

The room logic is ``kenniskaart.werksessie``; everything shown from users (titles, own
entries) goes through ``md()`` or plain-text elements, never raw HTML.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from ..werksessie import StorageUnavailable, Store, WerksessieError
from ..werksessie.view import spaced_code
from .links import app_url
from .pages import WERKSESSIE
from .text import md

log = logging.getLogger(__name__)

REFRESH_SECONDS = 3
"""The facilitator's live view reads the room again this often (a fragment rerun only)."""
FACILITATOR_KEY = "ws_beheer"
"""Session state: (code, facilitator token) of the room this browser runs."""
PARTICIPANT_KEY = "ws_deelnemer"
"""Session state: (code, participant token) of the room this browser takes part in."""
CODE_PARAM = "code"
"""Query parameter: the room's code."""
FACILITATOR_PARAM = "beheer"
"""Query parameter: the facilitator's token (the begeleiderslink)."""
PARTICIPANT_PARAM = "deelnemer"
"""Query parameter: a participant's own token (a reload continues their answer)."""
try:
    from zoneinfo import ZoneInfo

    LOCAL = ZoneInfo("Europe/Amsterdam")
except (ImportError, KeyError, OSError):  # pragma: no cover - no time-zone data
    LOCAL = dt.UTC


@st.cache_resource(show_spinner=False)
def _store() -> Store:
    return Store.from_env()


def get_store() -> Store:
    """The process's store (StorageUnavailable when it cannot be opened; not cached then)."""
    return _store()


_NO_LINK = "\u2060"  # WORD JOINER: invisible, and not a character of a web or e-mail address


def plain(text: str | None) -> str:
    """Text from the room (a title, an own entry, a search word) for Markdown, shown as typed:
    ``md()`` escapes Markdown and HTML; an invisible word joiner after 'www', '@' and before '//'
    keeps 'www.…', 'http://…' and 'x@y.nl' from becoming links (Markdown's autolinks look for
    those in the text after escaping, so escapes alone do not stop them)."""
    out = re.sub(r"(?i)\bwww(?=\\\.)", lambda m: m.group(0) + _NO_LINK, md(text))
    return out.replace("@", "@" + _NO_LINK).replace("://", ":" + _NO_LINK + "//")


@contextmanager
def guard(caught: list[Exception] | None = None) -> Iterator[None]:
    """Show a werksessie error (or any unexpected one) as a Dutch message, never a traceback;
    the exception is appended to ``caught`` when given."""
    try:
        yield
    except WerksessieError as exc:
        st.error(md(str(exc)), icon=":material/error:")
        if caught is not None:
            caught.append(exc)
    except Exception as exc:  # a defect: logged for the operator, a plain message for the user
        log.exception("werksessie")
        st.error("Er ging iets mis bij de werksessie. Probeer het opnieuw of vraag de begeleider om hulp.",
                 icon=":material/error:")
        if caught is not None:
            caught.append(exc)


def guarded(fn, *args) -> Exception | None:
    """Run ``fn(*args)`` inside ``guard()``; the error it showed, or None."""
    caught: list[Exception] = []
    with guard(caught):
        fn(*args)
    return caught[0] if caught else None


def local_time(moment: dt.datetime | None, fmt: str = "%H:%M") -> str:
    if moment is None:
        return ""
    return moment.astimezone(LOCAL).strftime(fmt)


# --- which room -----------------------------------------------------------------------------


def room_params() -> tuple[str | None, str | None, str | None]:
    """(code, facilitator token, participant token) from the address, else from this session.

    Leaving for the Aanbeveler or Planscan drops the address's parameters; the session
    remembers the room so the Werksessie page in the sidebar brings the user back to it. The
    facilitator token only comes IN through the address (the begeleiderslink): once the session
    has it, the room's address is put back without it (``?code=``), so a projector, a screenshot
    or a photo of the address bar after the presentation never shows it.
    """
    params = st.query_params
    code = (params.get(CODE_PARAM) or "").strip()[:20] or None
    beheer = (params.get(FACILITATOR_PARAM) or "").strip()[:100] or None
    deelnemer = (params.get(PARTICIPANT_PARAM) or "").strip()[:100] or None
    if code and beheer:
        st.session_state[FACILITATOR_KEY] = (code, beheer)
    elif code and deelnemer:
        st.session_state[PARTICIPANT_KEY] = (code, deelnemer)
    elif code:
        host = st.session_state.get(FACILITATOR_KEY)
        mine = st.session_state.get(PARTICIPANT_KEY)
        if host and host[0].upper() == code.upper():
            beheer = host[1]
        elif mine and mine[0].upper() == code.upper():
            deelnemer = mine[1]
            st.query_params[PARTICIPANT_PARAM] = deelnemer  # a reload keeps the participant's answer
    elif st.session_state.get(FACILITATOR_KEY):
        code, beheer = st.session_state[FACILITATOR_KEY]
        st.query_params[CODE_PARAM] = code
    elif st.session_state.get(PARTICIPANT_KEY):
        code, deelnemer = st.session_state[PARTICIPANT_KEY]
        st.query_params.update(room_address(code, participant=deelnemer))
    return code, beheer, deelnemer


def room_address(code: str, *, facilitator: str | None = None, participant: str | None = None) -> dict[str, str]:
    """The query parameters of a room's address: its code, with the facilitator's or a
    participant's token."""
    params = {CODE_PARAM: code}
    if facilitator:
        params[FACILITATOR_PARAM] = facilitator
    if participant:
        params[PARTICIPANT_PARAM] = participant
    return params


def go_to(params: dict[str, str] | None = None) -> None:
    """Replace the address's parameters (one browser-history entry) and rerun."""
    st.query_params.clear()
    st.query_params.update(params or {})
    st.rerun()


def forget_room() -> None:
    for key in (FACILITATOR_KEY, PARTICIPANT_KEY):
        st.session_state.pop(key, None)


# --- links and QR code ------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def qr_png(link: str) -> bytes:
    """The link as a QR code (PNG, dark on white, quiet zone) for the projector."""
    import segno

    buf = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buf, kind="png", scale=10, border=3, dark="#1a1a2e")
    return buf.getvalue()


def join_box(code: str, presenting: bool = False) -> None:
    """Code, join link and QR code: what the room needs to take part (a narrow column)."""
    link = app_url(WERKSESSIE, room_address(code))
    with st.container(border=True, key="ws-join"):
        st.markdown("**Doe mee:** scan de QR-code of open de link." if presenting else
                    "**Doe mee op uw telefoon:** scan de QR-code, of open de link en vul de code in.")
        if presenting:  # sized by the projector's height (``werksessie_views.PROJECTOR_CSS``)
            st.image(qr_png(link), width="stretch", alt=f"QR-code met de link {link}")
        else:
            st.image(qr_png(link), width=210, alt=f"QR-code met de link {link}")
        st.caption("Sessiecode")
        st.markdown(f"## {md(spaced_code(code))}")
        st.code(link, language=None, wrap_lines=True)


def facilitator_box(code: str, token: str) -> None:
    with st.expander("Uw begeleiderslink (geheim)", icon=":material/key:"):
        st.warning("Houd deze link voor uzelf: wie hem heeft, kan de sessie sluiten en verwijderen. "
                   "Bewaar hem om later terug te komen, ook op een andere computer.", icon=":material/lock:")
        if st.toggle("Toon de link", key="ws_show_link",
                     help="Niet op de beamer: wie hem ziet, kan de sessie beheren."):
            st.code(app_url(WERKSESSIE, room_address(code, facilitator=token)), language=None, wrap_lines=True)


def storage_ok() -> Store | None:
    """The store, or a Dutch message and None when it cannot be opened."""
    try:
        return get_store()
    except StorageUnavailable as exc:
        st.error(md(str(exc)), icon=":material/cloud_off:")
        return None


# --- managing the room ----------------------------------------------------------------------


def manage(store: Store, room, token: str) -> None:
    """'Sessie beheren': close (after a confirmation; undone with 'Heropenen'), reopen, delete
    (after a confirmation), or start another room. Only the facilitator's view calls this."""
    confirm = st.session_state.get("ws_confirm")
    with st.container(horizontal=True):
        if room.is_open():
            if st.button("Sessie sluiten", icon=":material/lock:", key="ws_close",
                         help="Daarna kunnen er geen antwoorden meer bij; de resultaten blijven. "
                         "U kunt haar heropenen."):
                confirm = st.session_state["ws_confirm"] = ("sluiten", room.code)
        elif st.button("Heropenen", icon=":material/lock_open:", key="ws_reopen",
                       help="Deelnemers kunnen weer meedoen en hun antwoord wijzigen."):
            with guard():
                store.reopen_room(room.code, token)
                st.rerun()
        if st.button("Sessie verwijderen", icon=":material/delete:", key="ws_delete"):
            confirm = st.session_state["ws_confirm"] = ("verwijderen", room.code)
        if st.button("Nog een werksessie starten", icon=":material/add:", key="ws_new_room",
                     help="Deze sessie blijft bestaan; u komt er terug met uw begeleiderslink."):
            forget_room()
            go_to()
    if not confirm or confirm[1] != room.code:
        return
    closing = confirm[0] == "sluiten"
    st.warning("Weet u het zeker? Daarna kunnen er geen antwoorden meer bij; met ‘Heropenen’ maakt u dit ongedaan."
               if closing else "Weet u het zeker? De sessie en alle antwoorden worden definitief verwijderd.")
    yes, no = st.columns(2)
    if yes.button("Ja, sluit de sessie" if closing else "Ja, verwijder de sessie definitief", type="primary",
                  key="ws_close_yes" if closing else "ws_delete_yes"):
        st.session_state.pop("ws_confirm", None)
        with guard():
            if closing:
                store.close_room(room.code, token)
                st.rerun()
            store.delete_room(room.code, token)
            forget_room()
            st.session_state["ws_deleted"] = True
            go_to()
    if no.button("Annuleren", key="ws_confirm_no"):
        st.session_state.pop("ws_confirm", None)
        st.rerun()
