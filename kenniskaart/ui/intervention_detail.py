"""One intervention in detail (the catalogue's detail view)."""

from __future__ import annotations

import zlib

import streamlit as st

from ..content import Kenniskaart
from ..exports import dataframe_xlsx
from ..models import Intervention
from ..rules import for_young_person, organisation_reason
from ..signals import signals
from ..texts import ONBEKEND, age_range, audience_text, help_level_names, or_unknown, theme_names
from ..vocabulary import (
    BASIS_EXPLAINED,
    BASIS_LABELS,
    CAUTION_LABELS,
    EVIDENCE_LABELS,
    FACTOR_KIND_LABELS,
    FORMAT_LABELS,
    SETTING_LABELS,
)
from .guidance import guidance_link
from .text import md, sources_line, web_link
from .widgets import catalogue_table, shortlist_button


def intervention_detail(kk: Kenniskaart, iv: Intervention) -> None:
    """Everything about one intervention: who it is for, the three signals, harms and cautions,
    age, level of help, setting, what it does, the factors it addresses (and on what basis),
    where it is used, links and sources."""
    factors = kk.by_id("factors")
    st.markdown(f"### {md(iv.name)}")
    if iv.aliases:
        st.caption("Ook bekend als: " + md(", ".join(iv.aliases)))
    sig = signals(iv)
    if not for_young_person(iv):
        st.info(md(f"Voor school of gemeente: {organisation_reason(iv)}."))
    st.markdown(f"**Voor wie:** {md(audience_text(iv))}")
    a, b, c = st.columns(3)
    a.markdown("**Bewijs (erkenning)**  \n" + md(sig.evidence))
    for other in sig.evidence_other:
        a.caption("Andere bron: " + md(other))
    b.markdown("**Effect**  \n" + md(sig.effect))
    c.markdown(
        f"**Uitvoering**  \nDoor: {md(sig.delivered_by)}  \nDuur: {md(sig.duration)}  \n"
        f"Training of licentie: {md(sig.training)}"
    )
    if iv.recognition and iv.recognition.note:
        st.caption(md(iv.recognition.note))
    if sig.harms:
        with st.container(border=True):
            st.markdown("**Wat niet werkt, en de waarschuwingen van het Kwaliteitskader**")
            for caution in sig.harms:
                st.error(f"**{md(CAUTION_LABELS[caution.kind])}:** {md(caution.text)}", icon=":material/dangerous:")
                guidance_link(kk, caution.guidance)
    if sig.other_cautions:
        with st.container(border=True):
            st.markdown("**Let op**")
            for caution in sig.other_cautions:
                st.warning(md(caution.text))
    shortlist_button(iv.id, "iv")

    a, b, c = st.columns(3)
    a.markdown(f"**Leeftijd**  \n{md(age_range(iv))}" + (f"  \n{md(iv.age_note)}" if iv.age_note else ""))
    b.markdown(f"**Niveau van hulp**  \n{md(', '.join(help_level_names(kk, iv.help_levels)) or ONBEKEND)}")
    c.markdown(
        f"**Setting en vorm**  \n{md(', '.join(SETTING_LABELS[s] for s in iv.settings) or ONBEKEND)}; "
        f"{md(', '.join(FORMAT_LABELS[f] for f in iv.formats) or ONBEKEND)}"
    )
    # Few elements: the detail is sent on every run of the page (one Markdown per block).
    about = [
        md(iv.description),
        f"**Doel:** {md(or_unknown(iv.goal))}",
        f"**Werkwijze:** {md(or_unknown(iv.method))}",
        f"**Doelgroep:** {md(or_unknown(iv.target_group))}",
    ]
    if iv.developer:
        about.append(f"**Ontwikkelaar:** {md(iv.developer)}")
    about.append(f"**PmG-thema's:** {md(', '.join(theme_names(kk, iv.pmg_themes)) or ONBEKEND)}")
    ps_names = theme_names(kk, iv.praktijkscan_themes)
    if ps_names:
        about.append(f"**Interventiethema's (praktijkscan):** {md(', '.join(ps_names))}")
    st.markdown("\n\n".join(about))

    st.markdown("#### Factoren die deze interventie aanpakt")
    if not iv.factors:
        st.write("Onbekend: de bronnen koppelen deze interventie niet aan factoren.")
    icons = {"bron": "📄", "thema": "🗂️", "team": "🔧"}
    lines = []
    for link in iv.factors:
        f = factors[link.factor]
        line = (
            f"- {md(f.name)} ({md(FACTOR_KIND_LABELS[f.kind])}, {md(EVIDENCE_LABELS[f.evidence])}) — "
            f"{icons[link.basis]} {md(BASIS_LABELS[link.basis])}"
        )
        lines.append(line + (f": {md(link.note)}" if link.note else ""))
    if lines:
        st.markdown("\n".join(lines))
    used_bases = sorted({link.basis for link in iv.factors}, key=list(BASIS_LABELS).index)
    if used_bases:
        st.caption("  \n".join(
            f"{icons[basis]} {md(BASIS_LABELS[basis])}: {md(BASIS_EXPLAINED[basis])}" for basis in used_bases
        ))

    for title, items in (("Werkzame elementen", iv.working_elements), ("Voorwaarden", iv.conditions)):
        if items:
            st.markdown(f"#### {title}\n" + "\n".join(f"- {md(w)}" for w in items))
    more = []
    if iv.conclusion:
        more.append(f"**Conclusie van de bron:** {md(iv.conclusion)}")
    more.append("**Gebruikt in (volgens de bronnen):** " + md(", ".join(iv.municipalities) or ONBEKEND))
    used = kk.examples_for_intervention(iv.id)
    if used:
        more.append("**Praktijkvoorbeelden:** "
                    + md(", ".join(f"{e.name} ({or_unknown(e.municipality)})" for e in used)))
    links = [f"- {link}" for link in filter(None, map(web_link, iv.links))]
    if links:
        more.append("\n".join(links))
    st.markdown("\n\n".join(more))
    sources = [sources_line(kk, iv.sources, "Bronnen")]
    if iv.recognition:
        sources.append(sources_line(kk, iv.recognition.sources, "Bron erkenning"))
    if any(sources):
        st.caption("  \n".join(s for s in sources if s))


def _open_row(table_key: str) -> None:
    """Row selection in a table opens that intervention's detail."""
    rows = st.session_state[table_key].selection.rows
    ids = st.session_state.get(f"_{table_key}_ids", [])
    if rows and rows[0] < len(ids):
        st.session_state["i_detail"] = ids[rows[0]]


def catalogue_list(kk: Kenniskaart, items: list, key: str, file_stem: str) -> None:
    """The catalogue table of ``items`` with CSV and Excel downloads; clicking a row opens that
    intervention in the detail (``i_detail``)."""
    table, csv = catalogue_table(kk, items)
    ids = [iv.id for iv in items]
    # a new list is a new table: a row ticked in the old list must not stay ticked on another row
    key = f"{key}-{zlib.crc32(','.join(ids).encode()):08x}"
    st.session_state[f"_{key}_ids"] = ids
    st.dataframe(
        table, hide_index=True, width="stretch", key=key, on_select=lambda: _open_row(key),
        selection_mode="single-row",
        column_config={
            "interventie": st.column_config.TextColumn(width="medium", pinned=True),
            "erkenning": st.column_config.TextColumn(width="medium"),
            "leeftijd": st.column_config.TextColumn(width="small"),
        },
    )
    d1, d2, _ = st.columns([1, 1, 3])
    d1.download_button("Download deze lijst (CSV)", csv, file_name=f"{file_stem}.csv",
                       mime="text/csv", key=f"{key}-csv")
    d2.download_button(
        "Download deze lijst (Excel)", lambda: dataframe_xlsx(table, "Interventies"), file_name=f"{file_stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}-xlsx",
        on_click="ignore",  # built on click; no rerun (a rerun racing the download can leave buttons disabled)
    )
