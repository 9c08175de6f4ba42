"""The plan van aanpak's views: the assembled plan rendered block by block (every text through
``md()``: content and the municipality's text are never markup), its downloads and the
presentation step. State, fields and the ways in are in ``ui.plan_van_aanpak``."""

from __future__ import annotations

import streamlit as st

from ..content import Kenniskaart
from ..plan_van_aanpak import PlanDocument
from ..plan_van_aanpak.docx import FILE_NAME as DOCX_NAME
from ..plan_van_aanpak.docx import MIME as DOCX_MIME
from ..plan_van_aanpak.docx import plan_docx
from ..plan_van_aanpak.model import Bullets, Heading, Notice, Paragraph, Table
from ..plan_van_aanpak.printable import FILE_NAME as HTML_NAME
from ..plan_van_aanpak.printable import plan_html
from ..plan_van_aanpak.sporen import spoor_hits
from .text import md

PRESENTATION_ITEMS = 6
"""Plan items on the projector; the rest behind 'meer'."""


def _table(block: Table, key: str) -> None:
    # columns as a dict of lists: Streamlit builds the frame (a pandas DataFrame built here costs
    # a few tenths of a millisecond per table, on every run)
    columns = {md(c): [md(row[i]) for row in block.rows] for i, c in enumerate(block.columns)}
    with st.container(key=key):
        st.table(columns, hide_index=True)


def render_blocks(blocks, key: str) -> None:
    for n, block in enumerate(blocks):
        if isinstance(block, Heading):
            st.subheader(md(block.text), anchor=False)
        elif isinstance(block, Paragraph):
            text = (f"**{md(block.label)}:** " if block.label else "") + md(block.text)
            (st.caption if block.guidance else st.markdown)(text)
        elif isinstance(block, Bullets):
            st.markdown("\n".join(f"- {md(i)}" for i in block.items))
        elif isinstance(block, Notice):
            st.warning(md(block.text), icon=":material/warning:")
        elif isinstance(block, Table):
            _table(block, f"{key}-t{n}")


def downloads(doc: PlanDocument) -> None:
    with st.container(horizontal=True, key="pva-downloads"):
        st.download_button("Download als Word (.docx)", lambda: plan_docx(doc), file_name=DOCX_NAME, mime=DOCX_MIME,
                           icon=":material/download:", on_click="ignore", type="primary", key="pva_docx")
        st.download_button("Afdrukbare versie (HTML)", lambda: plan_html(doc).encode("utf-8"), file_name=HTML_NAME,
                           mime="text/html", icon=":material/print:", on_click="ignore", key="pva_html",
                           help="Open het bestand in de browser en druk af (Ctrl+P), ook als PDF.")


def presentation_step(kk: Kenniskaart, doc: PlanDocument, items: list) -> None:
    """The presentation's last step: the plan's choices and its sporen, with the empty sporen
    as a warning (1280×720: the choices left, the sporen right)."""
    left, right = st.columns([1, 1.2], gap="large")
    with left:
        st.markdown(f"**Onderbouwde keuzes ({len(doc.item_names)}):**")
        st.markdown("\n".join(f"{n}. {md(name)}" for n, name in enumerate(doc.item_names[:PRESENTATION_ITEMS], 1))
                    or "Nog geen interventies in het plan.")
        rest = doc.item_names[PRESENTATION_ITEMS:]
        if rest:
            with st.popover(f"meer ({len(rest)})", key="p_more_plan"):
                st.markdown("\n".join(f"- {md(name)}" for name in rest))
    with right:
        hits = spoor_hits(kk, items)
        st.markdown("**Sporen:**\n" + "\n".join(
            f"- {md(s.name)}: {len(hits[s.id])} {'onderdeel' if len(hits[s.id]) == 1 else 'onderdelen'}"
            for s in kk.sporen))
        empty = [s.name.lower() for s in kk.sporen if not hits[s.id]]
        if empty:
            st.warning(md("Geen planonderdeel in het spoor " + ", ".join(empty) + "."), icon=":material/warning:")
