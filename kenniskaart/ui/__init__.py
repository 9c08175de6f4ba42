"""The one thin Streamlit module: content caching and small rendering helpers.

Pages import from here; the rest of ``kenniskaart`` never imports Streamlit.
Content text is rendered with ``st.text``/``st.write`` of plain strings or via
``md()``, which escapes Markdown and HTML control characters, never as raw HTML.
"""

from __future__ import annotations

import gc
import re
from typing import Iterable

import streamlit as st

from .. import charts
from ..content import ContentInvalid, Kenniskaart, content_dir, load_content
from ..matcher import Profile
from ..models import SourceRef
from ..planscan import Plan
from ..present import source_text
from ..shortlist import readable_source
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

SHORTLIST_KEY = "shortlist"
"""Session-state key of the shortlist: a list of intervention ids."""
NOTES_KEY = "shortlist_notes"
"""Session-state key of the shortlist notes: intervention id -> text."""
PROFILE_KEY = "profile"
"""Session-state key of the current risk profile (a ``Profile``), shared by pages."""
PLAN_KEY = "plan"
"""Session-state key of the Planscan plan (a ``planscan.Plan``): the one truth for the plan,
shared by the Planscan page and anything that saves or restores a user's work."""
PRESENTATION_KEY = "presentatie"
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


@st.cache_resource(show_spinner="Kenniskaart laden…")
def _cached_content(path: str) -> Kenniskaart:
    kk = load_content(path)
    # The content is read-only and lives as long as the process: move it (and the imported
    # modules) out of the garbage collector's generations so collections stop walking it.
    gc.collect()
    gc.freeze()
    return kk


@st.cache_data(show_spinner=False, max_entries=256)
def _chart_template(builder: str, columns: tuple[str, ...], *args, _data=None) -> tuple[str, str]:
    return charts.spec_template(getattr(charts, builder)(_data, *args))


def chart(builder, data, *args, **kwargs):
    """Show a chart of ``kenniskaart.charts``: ``chart(charts.bar_chart, df, "thema")``.

    The Altair chart is built once per builder, columns and arguments (``st.cache_data``) and
    filled with ``data`` on every run (``charts.fill_template``): ~0.5 ms instead of ~10 ms.
    Keyword arguments go to ``st.vega_lite_chart`` (``on_select``, ``key``, ...).
    """
    kwargs.setdefault("width", "stretch")
    template = _chart_template(builder.__name__, tuple(data.columns), *args, _data=data)
    return st.vega_lite_chart(charts.fill_template(template, data), **kwargs)


def _leave_v1_multipage_mode() -> None:
    """Make a deep link in a fresh server process go through app.py's st.navigation.

    Streamlit keeps a process-wide flag that a ``pages/`` folder exists; until some script
    calls ``st.navigation`` it runs a deep-linked page (e.g. /factoren) directly in the old
    multipage mode, with file names in the sidebar. Clearing the flag (as ``st.navigation``
    does) and rerunning sends the session through app.py with the same URL.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - other Streamlit versions
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


_LANG_NL = "<script>document.documentElement.lang = 'nl';</script>"


def get_content() -> Kenniskaart:
    """The validated content, loaded once per process. Every page calls this first.

    It also declares the page Dutch: Streamlit hard-codes <html lang="en">
    (streamlit/streamlit#15726), and a fixed script rendered inside the page (not before
    st.navigation, where it is not rendered on deep links) sets lang="nl". The script
    embeds no content.
    If the content is invalid, show the validation errors as a readable page and stop.
    """
    _leave_v1_multipage_mode()
    st.html(_LANG_NL, unsafe_allow_javascript=True)
    try:
        kk = _cached_content(str(content_dir()))
    except ContentInvalid as exc:
        st.error("De inhoud van de kenniskaart is ongeldig en kan niet worden getoond.")
        n = len(exc.issues)
        st.write(f"{n} {'fout' if n == 1 else 'fouten'} gevonden bij het laden van `content/`:")
        st.dataframe(
            [
                {"bestand": i.file, "item": i.item, "veld": i.field, "melding": i.message}
                for i in exc.issues
            ],
            hide_index=True,
        )
        st.caption("Controleer de inhoud met: python -m kenniskaart validate")
        st.stop()
        raise  # pragma: no cover  (st.stop raises)
    _restore_from_url(kk)
    # One notice box per run for everything a link got wrong (filled by notify()).
    st.session_state[_NOTICE_SLOT] = st.empty()
    st.session_state[_NOTICE_LIST] = []
    notify(st.session_state.pop(NOTICES_KEY, []))
    if not st.session_state.get(PRESENTATION_KEY):
        st.sidebar.page_link(
            "pages/shortlist.py", label="Werkmap bewaren of openen", icon=":material/folder_open:",
            help="Uw profiel, shortlist met notities en plan in één bestand; op de pagina Shortlist.",
        )
        presentation_switch()
    return kk


def _restore_from_url(kk: Kenniskaart) -> None:
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


def current_profile() -> Profile | None:
    return st.session_state.get(PROFILE_KEY)


def current_plan() -> Plan:
    """The session's Planscan plan (empty when none was made yet)."""
    plan = st.session_state.get(PLAN_KEY)
    return plan if isinstance(plan, Plan) else Plan()


def set_plan(plan: Plan) -> None:
    """Replace the session's Planscan plan (the Planscan page's widgets follow it)."""
    st.session_state[PLAN_KEY] = plan
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


def set_url(params: dict[str, str]) -> None:
    """Kept for pages that still call it; does nothing.

    The URL used to be rewritten on every run, and Streamlit turns every query-parameter
    change from Python into a new browser-history entry (three page visits left ten
    entries). The state lives in the session (it survives every navigation); the share box
    ("Deel deze weergave") and the werkmap carry it to another browser.
    """
    del params


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
    from urllib.parse import urlencode, urlsplit

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


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def md(text: str | None) -> str:
    """Escape Markdown and HTML control characters so content renders as plain text."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def definitions(labels: dict[str, str], explained: dict[str, str]) -> str:
    """'**label** — explanation' paragraphs as Markdown, one per key of ``labels``."""
    return "\n\n".join(f"**{md(label)}** — {md(explained[key])}" for key, label in labels.items())


def web_link(url: str) -> str:
    """A Markdown link for an http(s) URL from the content, or '' for any other scheme."""
    if not url.startswith(("https://", "http://")):
        return ""
    return f"[{md(url)}]({url.replace(')', '%29').replace(' ', '%20')})"


def sources_line(kk: Kenniskaart, refs: Iterable[SourceRef], label: str = "Bron") -> str:
    """'**Bron:** <title> (<publisher>, <year>), <section> — <link>; …' as Markdown, '' without refs."""
    lines = []
    for ref in refs:
        line = md(readable_source(kk, ref))
        link = web_link(ref.url) if ref.url else ""
        lines.append(f"{line} — {link}" if link else line)
    return f"**{label}:** " + "; ".join(lines) if lines else ""


def show_sources(kk: Kenniskaart, refs: Iterable[SourceRef], label: str = "Bron") -> None:
    """A compact source list under an item."""
    line = sources_line(kk, refs, label)
    if line:
        st.caption(line)


def add_to_shortlist(intervention_id: str) -> None:
    """Add an intervention to the session's shortlist (once)."""
    items: list[str] = st.session_state.setdefault(SHORTLIST_KEY, [])
    if intervention_id not in items:
        items.append(intervention_id)


def shortlist_button(intervention_id: str, key_prefix: str) -> None:
    """'Zet op shortlist' button, or a note that the item is on it."""
    items = st.session_state.get(SHORTLIST_KEY, [])
    if intervention_id in items:
        st.caption("✓ Staat op de shortlist")
    else:
        st.button(
            "Zet op shortlist",
            key=f"{key_prefix}-sl-{intervention_id}",
            on_click=add_to_shortlist,
            args=(intervention_id,),
        )


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

    The URL in the address bar is not rewritten (see ``set_url``). ``skip``: widgets whose
    value is not in effect (e.g. a disabled slider).
    """
    values = {s.widget: st.session_state.get(s.widget) for s in specs if s.widget not in skip}
    params = share_params({**filters_to_params(values, specs), **(extra or {})})
    share_box(url_path, params)


def presentation_mode() -> bool:
    """Whether the session is in presentation mode (``?presentatie=1`` switches it on/off)."""
    flag = st.query_params.get("presentatie")
    if flag in ("1", "0"):
        st.session_state[PRESENTATION_KEY] = flag == "1"
    return bool(st.session_state.get(PRESENTATION_KEY))


def set_presentation(on: bool) -> None:
    """Switch presentation mode (use as a button callback)."""
    st.session_state[PRESENTATION_KEY] = on
    if on:
        st.query_params["presentatie"] = "1"
    elif "presentatie" in st.query_params:
        del st.query_params["presentatie"]


def presentation_switch() -> None:
    """The sidebar control that starts the presentation mode."""
    st.sidebar.button(
        "Presentatiemodus",
        icon=":material/co_present:",
        on_click=set_presentation,
        args=(True,),
        help="Grote letters, geen zijbalk, één stap per scherm: voor de beamer in een workshop.",
        width="stretch",
    )


def case_picker(kk: Kenniskaart, label: str, key: str, on_change) -> None:
    """A selectbox of the ready-made casussen; shows the chosen one's description."""
    cases = kk.by_id("cases")
    if not cases:
        return
    st.selectbox(
        label,
        [None, *cases],
        format_func=lambda c: "— kies een casus —" if c is None else cases[c].title,
        key=key,
        on_change=on_change,
        placeholder="Kies een casus…",
    )
    chosen = cases.get(st.session_state.get(key))
    if chosen:
        st.caption(md(chosen.description))


# --- links inside the app -------------------------------------------------------------

INTERVENTIES_PAGE = "pages/interventies.py"
DETAIL_PARAM = "interventie"
"""Query parameter that opens an intervention's detail on the Interventies page."""


def catalog_link(intervention_id: str, label: str = "Details in de catalogus") -> None:
    """A link to an intervention's detail in the catalogue, in the same tab and session.

    A Markdown link would open a new tab: a new session without the profile and shortlist.
    """
    st.page_link(
        INTERVENTIES_PAGE, label=md(label), icon=":material/menu_book:",
        query_params={DETAIL_PARAM: intervention_id},
    )


# --- werkmap: the advisor's work in one file -------------------------------------------

WERKMAP_NOTICE_KEY = "werkmap_notices"
_WIDGET_PREFIXES = ("a_", "ps_")
"""Widget state of the Aanbeveler and Planscan pages, dropped after a werkmap is opened so
those pages start again from the opened profile and plan."""


def _open_werkmap(kk: Kenniskaart) -> None:
    from ..werkmap import WerkmapError, werkmap_from_json, werkmap_summary

    upload = st.session_state.get("werkmap_upload")
    if upload is None:
        return
    try:
        wm, notices = werkmap_from_json(kk, upload.getvalue())
    except WerkmapError as exc:
        st.session_state[WERKMAP_NOTICE_KEY] = ("error", [f"De werkmap is niet geopend; er is niets veranderd. {exc}"])
        return
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(_WIDGET_PREFIXES)]:
        del st.session_state[key]
    if wm.profile is not None:
        st.session_state[PROFILE_KEY] = wm.profile
    else:
        st.session_state.pop(PROFILE_KEY, None)
    st.session_state[SHORTLIST_KEY] = list(wm.shortlist)
    st.session_state[NOTES_KEY] = dict(wm.notes)
    st.session_state[PLAN_KEY] = wm.plan
    for iid in wm.shortlist:  # the note fields show the opened notes
        st.session_state.pop(f"sl-note-{iid}", None)
    st.session_state[WERKMAP_NOTICE_KEY] = (
        "success", [f"Werkmap '{upload.name}' geopend: {werkmap_summary(wm)}.", *notices]
    )


def werkmap_box(kk: Kenniskaart) -> None:
    """Download the session's work as one file, or open one downloaded earlier."""
    from ..planscan import Plan
    from ..werkmap import FILE_NAME, werkmap_to_json

    with st.container(border=True):
        st.markdown("**Werkmap: bewaar uw werk en ga later verder**")
        st.caption(
            "Eén bestand met uw profiel, de shortlist met volgorde en notities, en het plan uit de "
            "Planscan. Open het later weer hier, ook op een andere computer."
        )
        plan = st.session_state.get(PLAN_KEY)
        data = werkmap_to_json(
            current_profile(),
            st.session_state.get(SHORTLIST_KEY, []),
            st.session_state.get(NOTES_KEY, {}),
            plan if isinstance(plan, Plan) else None,
        )
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


def search_explanation(kk: Kenniskaart, query: str) -> None:
    """Under a search box: which words were searched for, and through which factors."""
    from ..catalog import plural
    from ..search import explain, search

    if not query.strip():
        return
    found = search(kk, query)
    if found.terms:
        st.caption("Gezocht op: " + md(explain(found.terms)))
    if found.factors:
        names = [f.name for f in found.factors]
        st.caption(
            f"Ook gevonden via {plural(len(names), 'factor', 'factoren')}: "
            + md("; ".join(names[:6]) + (" …" if len(names) > 6 else ""))
        )


# --- unknown addresses -------------------------------------------------------------------

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
