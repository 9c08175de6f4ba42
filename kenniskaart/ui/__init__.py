"""The one thin Streamlit module: content caching and small rendering helpers.

Pages import from here; the rest of ``kenniskaart`` never imports Streamlit.
Content text is rendered with ``st.text``/``st.write`` of plain strings or via
``md()``, which escapes Markdown and HTML control characters, never as raw HTML.
"""

from __future__ import annotations

import re
from typing import Iterable

import streamlit as st

from ..content import ContentInvalid, Kenniskaart, content_dir, load_content
from ..models import SourceRef
from ..present import source_text

SHORTLIST_KEY = "shortlist"
"""Session-state key of the shortlist: a list of intervention ids."""


@st.cache_resource(show_spinner="Kenniskaart laden…")
def _cached_content(path: str) -> Kenniskaart:
    return load_content(path)


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
        return _cached_content(str(content_dir()))
    except ContentInvalid as exc:
        st.error("De inhoud van de kenniskaart is ongeldig en kan niet worden getoond.")
        st.write(f"{len(exc.issues)} fout(en) gevonden bij het laden van `content/`:")
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


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def md(text: str | None) -> str:
    """Escape Markdown and HTML control characters so content renders as plain text."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def show_sources(kk: Kenniskaart, refs: Iterable[SourceRef], label: str = "Bron") -> None:
    """A compact source list under an item."""
    refs = list(refs)
    if not refs:
        return
    lines = []
    for ref in refs:
        line = md(source_text(kk, ref))
        if ref.url and ref.url.startswith(("https://", "http://")):
            line += f" — [{md(ref.url)}]({ref.url.replace(')', '%29').replace(' ', '%20')})"
        lines.append(line)
    st.caption(f"**{label}:** " + "; ".join(lines))


def add_to_shortlist(intervention_id: str) -> None:
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
