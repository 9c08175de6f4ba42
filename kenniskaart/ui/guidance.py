"""Rendering of one guidance item (Lessen, Start, Over and any page that shows guidance)."""

from __future__ import annotations

import streamlit as st

from ..content import Kenniskaart
from ..models import Guidance
from . import md, show_sources


def guidance_card(kk: Kenniskaart, item: Guidance, *, border: bool = True) -> None:
    """Title, text, sub-items and sources of a guidance item, as plain (escaped) text."""
    with st.container(border=border):
        st.markdown(f"**{md(item.title)}**")
        if item.text:
            st.markdown(md(item.text))
        for sub in item.items:
            st.markdown(f"- {md(sub)}")
        show_sources(kk, item.sources)
