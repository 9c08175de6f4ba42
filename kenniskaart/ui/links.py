"""Links: the shared link's state restored once per session, the app's absolute addresses
(``app_url``), the share box, filters in a link, links inside the app (``page_ref``, pages of
``ui.pages``) and the query parameters that open a detail."""

from __future__ import annotations

from contextlib import nullcontext
from urllib.parse import urlencode, urlsplit

import streamlit as st

from ..content import Kenniskaart
from ..share import (
    PROFILE_KEYS,
    FilterParam,
    filters_to_params,
    notes_from_params,
    notes_to_params,
    parse_filters,
    parse_id_list,
    profile_from_params,
    profile_to_params,
)
from .pages import INTERVENTIES, AppPage, built
from .state import NOTES_KEY, NOTICES_KEY, PROFILE_KEY, SHORTLIST_KEY, current_profile, notify
from .text import md

SHORTLIST_PARAM = "shortlist"
"""Query parameter of a shared link: the shortlist's intervention ids, comma-separated."""


def restore_from_url(kk: Kenniskaart) -> None:
    """Once per session: take the shortlist and profile from a shared link."""
    if st.session_state.get("_url_restored"):
        return
    st.session_state["_url_restored"] = True
    params = st.query_params.to_dict()
    notices: list[str] = []
    if SHORTLIST_PARAM in params:
        ids = parse_id_list(params[SHORTLIST_PARAM], kk.by_id("interventions"), "interventies", notices)
        st.session_state[SHORTLIST_KEY] = ids
        st.session_state[NOTES_KEY] = notes_from_params(params, ids, notices)
    if any(k in params for k in PROFILE_KEYS):
        profile, profile_notices = profile_from_params(kk, params)
        notices += profile_notices
        st.session_state[PROFILE_KEY] = profile
    st.session_state[NOTICES_KEY] = notices


def share_params(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The shared state: shortlist (with notes) and profile, plus page-specific parameters."""
    params: dict[str, str] = {}
    items = st.session_state.get(SHORTLIST_KEY, [])
    if items:
        params[SHORTLIST_PARAM] = ",".join(items)
        params.update(notes_to_params(st.session_state.get(NOTES_KEY, {}), items))
    profile = current_profile()
    if profile is not None:
        params.update(profile_to_params(profile))
    params.update(extra or {})
    return params


def app_url(page: AppPage, params: dict[str, str] | None = None, *, base: str | None = None) -> str:
    """The absolute address of ``page`` with ``params``, on the host and port this session
    opened the app on (``base``: an address of the app; by default the session's)."""
    parts = urlsplit((st.context.url if base is None else base) or "http://localhost:8501/")
    link = f"{parts.scheme}://{parts.netloc}/{page.url_path}"
    return link + "?" + urlencode(params, safe=",") if params else link


def share_box(page: AppPage, params: dict[str, str]) -> None:
    """'Deel deze weergave': the link that opens this view with the same state."""
    link = app_url(page, params)
    with st.expander("Deel deze weergave"):
        st.caption(
            "Kopieer deze link (het kopieerknopje staat rechtsboven in het vak); wie hem opent ziet "
            "dezelfde pagina, filters, profiel en shortlist met notities."
        )
        st.code(link, language=None, wrap_lines=True)


def filters_from_url(specs: list[FilterParam]) -> None:
    """On entering a page, put the filters of a shared link into the widgets' state.

    Runs before the widgets are created, only when they have no state yet (a fresh entry).
    """
    if any(spec.widget in st.session_state for spec in specs):
        return
    values, notices = parse_filters(st.query_params.to_dict(), specs)
    for widget, value in values.items():
        st.session_state[widget] = value
    notify(notices)


def filters_to_url(
    specs: list[FilterParam], page: AppPage, skip: set[str] = frozenset(), extra: dict[str, str] | None = None
) -> None:
    """Offer the link to the page with its filters (and shortlist and profile).

    The URL in the address bar is not rewritten: Streamlit turns every query-parameter change
    from Python into a browser-history entry. ``skip``: widgets whose value is not in effect
    (e.g. a disabled slider).
    """
    values = {s.widget: st.session_state.get(s.widget) for s in specs if s.widget not in skip}
    params = share_params({**filters_to_params(values, specs), **(extra or {})})
    share_box(page, params)


def page_ref(page: AppPage) -> st.Page | str:
    """``page`` as app.py built it in this run (``ui.pages.build``), for ``st.page_link`` and
    ``st.switch_page``. Given a path string, Streamlit resolves it on disk for every link
    (``os.path.realpath``: a system call per folder); a planscan run has 15 links. The script
    path itself where app.py did not run (a page script tested on its own)."""
    return built(page) or page.script


DETAIL_PARAM = "interventie"
"""Query parameter that opens an intervention's detail on the Interventies page."""
FACTOR_PARAM = "factor"
"""Query parameter that opens a factor's detail on the Factoren page."""
LESSON_GROUP_PARAM = "onderdeel"
"""Query parameter that opens a group of guidance on the Lessen page."""


def page_links(*links: tuple[AppPage, str], horizontal: bool = False) -> None:
    """Same-tab links to pages of the app, (page, label) each, with the page's icon; in a row
    with ``horizontal``."""
    with st.container(horizontal=True) if horizontal else nullcontext():
        for page, label in links:
            st.page_link(page_ref(page), label=label, icon=page.icon)


def catalog_link(intervention_id: str, label: str = "Details in de catalogus") -> None:
    """A link to an intervention's detail in the catalogue, in the same tab and session.

    A Markdown link would open a new tab: a new session without the profile and shortlist.
    """
    st.page_link(
        page_ref(INTERVENTIES), label=md(label), icon=":material/menu_book:",
        query_params={DETAIL_PARAM: intervention_id},
    )
