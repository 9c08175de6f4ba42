"""The one thin Streamlit layer: pages import from its modules; the rest of ``kenniskaart``
never imports Streamlit.

- ``ui`` (this module): the content, loaded and validated once per process (``get_content``),
  and the Aanbeveler's result per profile (``recommended``).
- ``ui.pages``: the page registry (every page's script, address, title and icon) and the two
  places that reach into Streamlit's page internals; ``ui.cache``: how the UI caches what it
  derives from the content.
- ``ui.state``: session-state keys, profile, plan, shortlist, presentation switch, notices,
  uploads.
- ``ui.links``: a shared link's state, absolute addresses, the share box, filters in a link,
  in-app links.
- ``ui.text``: ``md()`` (escapes content for Markdown; content is never raw HTML), sources.
- ``ui.widgets``: charts, shortlist button, casus picker, search explanation.
- ``ui.werkmap``: the werkmap box; ``ui.kaart``: the map; ``ui.workshop``: the workshop view;
  ``ui.guidance``: guidance lists; ``ui.presentation``: the presentation's steps.
"""

from __future__ import annotations

import streamlit as st

from ..aanbeveler import Profile, Result, recommend
from ..content import ContentInvalid, Kenniskaart
from .cache import content_cache, loaded_content
from .links import page_ref, restore_from_url
from .pages import SHORTLIST, leave_v1_multipage_mode
from .state import NOTICES_KEY, PRESENTATION_KEY, open_notices
from .widgets import presentation_switch


@content_cache(max_entries=1024)
def _recommended(kk: Kenniskaart, profile: Profile) -> Result:
    return recommend(kk, profile)


def recommended(kk: Kenniskaart, profile: Profile) -> Result:
    """``aanbeveler.recommend`` for this profile, computed once per profile and content folder per
    process and shared read-only: the Aanbeveler, its map, the workshop view and the
    presentation show one verdict, and a rerun or a room on the same casus costs a lookup."""
    return _recommended(kk, profile)


_LANG_NL = "<script>document.documentElement.lang = 'nl';</script>"


def get_content() -> Kenniskaart:
    """The validated content, loaded once per process. Every page calls this first.

    It also declares the page Dutch: Streamlit hard-codes <html lang="en">
    (streamlit/streamlit#15726), and a fixed script rendered inside the page (not before
    st.navigation, where it is not rendered on deep links) sets lang="nl". The script
    embeds no content.
    If the content is invalid, show the validation errors as a readable page and stop.
    """
    leave_v1_multipage_mode()
    st.html(_LANG_NL, unsafe_allow_javascript=True)
    try:
        kk = loaded_content()
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
    restore_from_url(kk)
    open_notices(st.session_state.pop(NOTICES_KEY, []))
    if not st.session_state.get(PRESENTATION_KEY):
        st.sidebar.page_link(
            page_ref(SHORTLIST), label="Werkmap bewaren of openen", icon=":material/folder_open:",
            help="Uw profiel, shortlist met notities en plan in één bestand; op de pagina Shortlist.",
        )
        presentation_switch()
    return kk
