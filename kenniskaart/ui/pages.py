"""The page registry: every page of the app (script, address, title, icon) in one place.

``app.py`` gives :func:`build`'s page objects to ``st.navigation``; links and page switches use
them through ``ui.links.page_ref``; share links take a page's ``url_path``. No other module
types a page's script path or address. The two reaches into Streamlit's page internals
(``unknown_path``, ``leave_v1_multipage_mode``) are here too: the first things to check on a
Streamlit upgrade. The ``st.Page`` objects are built on every run of
``app.py`` (Streamlit marks the page it runs on the object itself, so objects are not shared
between sessions) and kept in the session for the links of that run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import streamlit as st


@dataclass(frozen=True)
class AppPage:
    """One page: its script (relative to ``app.py``), address, sidebar title and icon."""

    script: str
    url_path: str
    title: str
    icon: str
    hidden: bool = False

    def build(self, *, default: bool = False, url_path: str | None = None) -> st.Page:
        return st.Page(self.script, title=self.title, icon=self.icon, url_path=url_path or self.url_path,
                       default=default, visibility="hidden" if self.hidden else "visible")


START = AppPage("pages/start.py", "start", "Start", ":material/home:")
FACTOREN = AppPage("pages/factoren.py", "factoren", "Factoren", ":material/hub:")
INTERVENTIES = AppPage("pages/interventies.py", "interventies", "Interventies", ":material/menu_book:")
AANBEVELER = AppPage("pages/aanbeveler.py", "aanbeveler", "Aanbeveler", ":material/recommend:")
PRAKTIJKVOORBEELDEN = AppPage(
    "pages/praktijkvoorbeelden.py", "praktijkvoorbeelden", "Praktijkvoorbeelden", ":material/location_city:"
)
LESSEN = AppPage("pages/lessen.py", "lessen", "Lessen", ":material/lightbulb:")
PLANSCAN = AppPage("pages/planscan.py", "planscan", "Planscan", ":material/fact_check:")
WERKSESSIE = AppPage("pages/werksessie.py", "werksessie", "Werksessie", ":material/groups:")
# url_path = the file's name: a deep link in a fresh server process first meets Streamlit's
# pages/-folder mode, which knows the page only by its file name (see leave_v1_multipage_mode)
PLAN_VAN_AANPAK = AppPage("pages/plan_van_aanpak.py", "plan_van_aanpak", "Plan van aanpak", ":material/description:")
MONITOR = AppPage("pages/monitor.py", "monitor", "Nulmeting en monitor", ":material/monitoring:")
SHORTLIST = AppPage("pages/shortlist.py", "shortlist", "Shortlist", ":material/checklist:")
OVER = AppPage("pages/over.py", "over", "Over (bronnen en methode)", ":material/info:")
PRESENTATIE = AppPage("pages/presentatie.py", "presentatie", "Presentatie", ":material/co_present:", hidden=True)
NIET_GEVONDEN = AppPage("pages/niet_gevonden.py", "", "Pagina niet gevonden", ":material/help:", hidden=True)
"""Registered under the requested address when that is no page (``url_path`` per run)."""

LISTED = (START, FACTOREN, INTERVENTIES, AANBEVELER, PRAKTIJKVOORBEELDEN, LESSEN, PLANSCAN, WERKSESSIE,
          PLAN_VAN_AANPAK, MONITOR, SHORTLIST, OVER)
"""The sidebar's pages, in order; the first is the default page."""
PAGES = (*LISTED, PRESENTATIE)
"""Every page with an address of its own."""

_BUILT_KEY = "_kk_pages"


def build() -> list[st.Page]:
    """This run's page objects for ``st.navigation``: the listed pages, the hidden presentation
    page and, for an unknown address, the Dutch not-found page under that address. Kept in the
    session (by script) for :func:`built`.

    The page set is the same in both modes (Streamlit keeps the registered pages per app);
    presentation mode hides the navigation and always shows the presentation page.
    (The default page reports url_path "" but also answers to its own slug, /start.)
    """
    built = {p.script: p.build(default=p is START) for p in PAGES}
    missing = unknown_path(p.url_path for p in PAGES)
    if missing:
        built[NIET_GEVONDEN.script] = NIET_GEVONDEN.build(url_path=missing)
    st.session_state[_BUILT_KEY] = built
    return list(built.values())


def built(page: AppPage) -> st.Page | None:
    """The page object :func:`build` made for ``page`` in this run (None where ``app.py`` did
    not run: a page script tested on its own)."""
    return st.session_state.get(_BUILT_KEY, {}).get(page.script)


_PATH_SEGMENT = re.compile(r"^[A-Za-z0-9_-]{1,60}$")


def unknown_path(known: Iterable[str]) -> str | None:
    """The requested page name when it is not one of ``known`` url paths (else None).

    Streamlit answers an unknown address with its own English 'Page not found' dialog; the
    app registers a hidden Dutch page under the requested name instead. Reads Streamlit's
    page request (``PagesManager.intended_page_name``); None on other Streamlit versions.
    (A nested address, /a/b/c, never reaches Python: see README.)
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


def leave_v1_multipage_mode() -> None:
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
