"""Rendering of one guidance item (Lessen, Start, Over and any page that shows guidance)."""

from __future__ import annotations

import streamlit as st

from ..content import Kenniskaart
from ..models import Guidance
from ..vocabulary import NOT_WORKING_LABELS
from .links import LESSON_GROUP_PARAM, page_ref
from .pages import LESSEN
from .text import md, show_sources


def guidance_card(kk: Kenniskaart, item: Guidance, *, border: bool = True) -> None:
    """Title, text, sub-items and sources of a guidance item, as plain (escaped) text."""
    with st.container(border=border):
        badge = f" :red-badge[{NOT_WORKING_LABELS[item.verdict]}]" if item.verdict else ""
        st.markdown(f"**{md(item.title)}**{badge}")
        if item.text:
            st.markdown(md(item.text))
        for sub in item.items:
            st.markdown(f"- {md(sub)}")
        show_sources(kk, item.sources)


def guidance_link(kk: Kenniskaart, guidance_id: str | None) -> None:
    """A same-tab link to the Lessen part that explains a caution (nothing when there is none)."""
    from ..guidance import group_for

    item = kk.by_id("guidance").get(guidance_id) if guidance_id else None
    group = group_for(item) if item is not None else None
    if group is None:
        return
    st.page_link(page_ref(LESSEN), label=md(f"Lees waarom: {item.title}"), icon=":material/report:",
                 query_params={LESSON_GROUP_PARAM: group.title})
