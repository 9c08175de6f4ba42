"""The werkmap online around every page run (app.py): a link in the address opened once per
session, the status line in the sidebar, the conflict view with both versions at the top of the
page, and the save of what the run changed (``ui.werkmap_online.save_if_changed``)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from ..content import Kenniskaart
from ..shortlist import profile_lines
from ..werkmap import FILE_NAME, WerkmapError, werkmap_from_json, werkmap_summary
from ..werkmap_online import WerkmapOnlineError, doc_hash
from .cache import loaded_content
from .text import md
from .werkmap_online import (
    CONFLICT_KEY,
    OFF_KEY,
    PARAM,
    PROBLEM_KEY,
    URL_RESTORED_KEY,
    Link,
    adopt,
    current_link,
    first_run,
    get_store,
    open_link,
    save_if_changed,
    set_address,
    switched_on,
)
from .werksessie import local_time

log = logging.getLogger(__name__)


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


# --- the run ---------------------------------------------------------------------------------


@contextmanager
def autosave_run(presenting: bool) -> Iterator[None]:
    """Around a page run: open a link from the address (once per session), save what the
    callbacks before the run changed, show the status, and save what the run itself changed.
    Cheap when nothing changed. (A page that stops early, st.stop, ends the run: anything the
    save would then touch raises Streamlit's stop again, so the callbacks' changes are saved
    before the page.)"""
    if not switched_on():
        yield
        return
    token = (st.query_params.get(PARAM) or "").strip()[:100]
    link = current_link()
    if token and (link is None or token not in (link.token, link.read_token)):
        _open(token)
        link = current_link()
    if link is not None:
        set_address(link, presenting)
    if not first_run():
        save_if_changed()  # what the callbacks before this run changed, before a page can stop early
    slot = None if presenting else st.sidebar.empty()
    if slot is not None:
        status(slot)  # before the page: a page that stops early (st.stop) still shows it
    if st.session_state.get(CONFLICT_KEY) is not None and not presenting:
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


# --- the conflict view -----------------------------------------------------------------------


def werkmap_lines(kk: Kenniskaart, document: bytes) -> list[str]:
    """A werkmap document in plain lines: summary, profile, shortlist with notes, plan."""
    try:
        wm, _ = werkmap_from_json(kk, document)
    except WerkmapError as exc:
        return [str(exc)]
    ivs, exs = kk.by_id("interventions"), kk.by_id("examples")
    lines = [werkmap_summary(wm) + "."]
    lines += [f"Profiel: {line}" for line in profile_lines(kk, wm.profile)]
    for pos, iid in enumerate(wm.shortlist, start=1):
        note = wm.notes.get(iid, "")
        lines.append(f"{pos}. {ivs[iid].name}" + (f" — notitie: {note}" if note else ""))
    plan = [ivs[i].name for i in wm.plan.interventions] + [exs[e].name for e in wm.plan.examples if e in exs]
    plan += [o.name for o in wm.plan.own]
    if plan:
        lines.append("Plan: " + "; ".join(plan))
    return lines


def show_lines(lines: list[str]) -> None:
    st.markdown("\n".join(f"- {md(line)}" for line in lines))


def _take_theirs() -> None:
    exc, _ = st.session_state[CONFLICT_KEY]
    link = open_link()
    adopt(exc.their_document, Link(link.token, True, exc.theirs.version, doc_hash(exc.their_document),
                                   link.read_token, exc.theirs.saved_at))


def _keep_mine() -> None:
    exc, _mine = st.session_state.pop(CONFLICT_KEY)
    link = open_link()
    link.version = exc.theirs.version  # saved on top of theirs: theirs stays in the history
    link.saved_hash = ""
    save_if_changed(note=f"Eigen versie na gelijktijdige wijziging (versie {exc.theirs.version} blijft bewaard)",
                    force=True)


def conflict_view(kk: Kenniskaart) -> None:
    """Both versions side by side and the choice which one goes on; nothing is lost."""
    exc, mine = st.session_state[CONFLICT_KEY]
    with st.container(border=True, key="wm-conflict"):
        st.error(md(str(exc)), icon=":material/sync_problem:")
        left, right = st.columns(2)
        with left:
            st.markdown("**Uw versie (niet bewaard)**")
            show_lines(werkmap_lines(kk, mine))
            st.button("Bewaar mijn versie als nieuwste", key="wm-keep-mine", on_click=_keep_mine,
                      help="De versie van de ander blijft in de geschiedenis staan.")
            st.download_button("Download mijn versie (.json)", mine, file_name=FILE_NAME, mime="application/json",
                               key="wm-dl-mine", on_click="ignore")
        with right:
            theirs = exc.theirs
            st.markdown(f"**Versie {theirs.version}, bewaard om {md(local_time(theirs.saved_at))}** "
                        f"({md(theirs.note)})")
            show_lines(werkmap_lines(kk, exc.their_document))
            st.button(f"Ga verder met versie {theirs.version}", key="wm-take-theirs", on_click=_take_theirs,
                      help="Uw wijziging staat dan alleen nog in 'Download mijn versie'.")
