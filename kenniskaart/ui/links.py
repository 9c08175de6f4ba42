"""Links: the shared link's state restored once per session, the share box, filters in a
link, links inside the app and the Dutch page for an unknown address."""

from __future__ import annotations

import re
from collections.abc import Iterable
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
from .state import NOTES_KEY, NOTICES_KEY, PROFILE_KEY, SHORTLIST_KEY, current_profile, notify
from .text import md


def restore_from_url(kk: Kenniskaart) -> None:
    """Once per session: take the shortlist and profile from a shared link."""
    if st.session_state.get("_url_restored"):
        return
    st.session_state["_url_restored"] = True
    params = st.query_params.to_dict()
    notices: list[str] = []
    if "shortlist" in params:
        ids = parse_id_list(params["shortlist"], kk.by_id("interventions"), "interventies", notices)
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
        params["shortlist"] = ",".join(items)
        params.update(notes_to_params(st.session_state.get(NOTES_KEY, {}), items))
    profile = current_profile()
    if profile is not None:
        params.update(profile_to_params(profile))
    params.update(extra or {})
    return params


def share_box(url_path: str, params: dict[str, str]) -> None:
    """'Deel deze weergave': the link that opens this view with the same state."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    link = f"{parts.scheme}://{parts.netloc}/{url_path}"
    if params:
        link += "?" + urlencode(params, safe=",")
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
    specs: list[FilterParam], url_path: str, skip: set[str] = frozenset(), extra: dict[str, str] | None = None
) -> None:
    """Offer the link to the page with its filters (and shortlist and profile).

    The URL in the address bar is not rewritten: Streamlit turns every query-parameter change
    from Python into a browser-history entry. ``skip``: widgets whose value is not in effect
    (e.g. a disabled slider).
    """
    values = {s.widget: st.session_state.get(s.widget) for s in specs if s.widget not in skip}
    params = share_params({**filters_to_params(values, specs), **(extra or {})})
    share_box(url_path, params)


_PAGES_KEY = "_kk_pages"


def register_pages(pages: dict[str, st.Page]) -> None:
    """app.py's pages of this run, by script path, for :func:`page_ref`."""
    st.session_state[_PAGES_KEY] = pages


def page_ref(path: str) -> st.Page | str:
    """The page at ``path`` ("pages/lessen.py") as app.py registered it in this run, for
    ``st.page_link`` and ``st.switch_page``. Given a path string, Streamlit resolves it on disk
    for every link (``os.path.realpath``: a system call per folder); a planscan run has 15
    links. The path itself where app.py did not run (a page script tested on its own)."""
    return st.session_state.get(_PAGES_KEY, {}).get(path, path)


INTERVENTIES_PAGE = "pages/interventies.py"
DETAIL_PARAM = "interventie"
"""Query parameter that opens an intervention's detail on the Interventies page."""


def catalog_link(intervention_id: str, label: str = "Details in de catalogus") -> None:
    """A link to an intervention's detail in the catalogue, in the same tab and session.

    A Markdown link would open a new tab: a new session without the profile and shortlist.
    """
    st.page_link(
        page_ref(INTERVENTIES_PAGE), label=md(label), icon=":material/menu_book:",
        query_params={DETAIL_PARAM: intervention_id},
    )


_PATH_SEGMENT = re.compile(r"^[A-Za-z0-9_-]{1,60}$")


def unknown_path(known: Iterable[str]) -> str | None:
    """The requested page name when it is not one of ``known`` url paths (else None).

    Streamlit answers an unknown address with its own English 'Page not found' dialog; the
    app registers a hidden Dutch page under the requested name instead. Reads Streamlit's
    page request (``PagesManager.intended_page_name``); None on other Streamlit versions.
    """
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        name = ctx.pages_manager.intended_page_name if ctx else None
    except (ImportError, AttributeError):  # pragma: no cover - other Streamlit versions
        return None
    if not name or name in set(known) or not _PATH_SEGMENT.match(name):
        return None
    return name
