"""Streamlit rendering of the visual kenniskaart (shared by Factoren and Presentatie).

The chart specs do not depend on the session, only on the factors shown and the selected
node, so they are cached per process and shared read-only (``st.cache_resource``: a hit is
the object itself, not an unpickled copy; Streamlit copies a spec before it changes it, and a
Graph is frozen). A click on a node (or a label) selects it; the picker next to it does the
same for keyboard and screen-reader users.
"""

from __future__ import annotations

import streamlit as st

from .. import kaart
from ..aanbeveler import Profile, offered
from ..charts import MAP_FONT, kaart_chart
from ..content import Kenniskaart
from ..vocabulary import BASIS_EXPLAINED, BASIS_LABELS, STRENGTHS
from . import recommended
from .cache import content_cache, ids_key, key_ids
from .text import md


@content_cache(max_entries=512)
def _spec(kk: Kenniskaart, factor_ids: tuple[str, ...], selected: str | None,
          max_factors: int | None, max_interventions: int | None, font: int, legend: bool,
          max_height: int | None, only: str | None = None) -> tuple[dict, str]:
    """(Vega-Lite spec, alt text) for the map."""
    graph = _graph(kk, factor_ids, selected, max_factors, max_interventions, only)
    hl = kaart.highlight(kk, graph, selected)
    chart = kaart_chart(kaart.node_frame(graph, hl), kaart.edge_frame(graph, hl),
                        list(STRENGTHS), BASIS_LABELS, font=font, legend=legend,
                        max_height=max_height)
    return chart.to_dict(), kaart.describe(kk, graph, hl)


@content_cache(max_entries=512)
def _graph(kk: Kenniskaart, factor_ids: tuple[str, ...], selected: str | None,
           max_factors: int | None, max_interventions: int | None, only: str | None = None) -> kaart.Graph:
    # a selected factor shows all its interventions, however many the cap leaves out
    include = kaart.interventions_for(kk, selected) if selected in kk.by_id("factors") else frozenset()
    offer = unkey(only)
    if offer is not None:
        include = include & offer
    return kaart.build_graph(kk, factor_ids, max_factors, max_interventions, include, offer)


def offer_key(kk: Kenniskaart, profile: Profile | None) -> str | None:
    """What the Aanbeveler offers this profile (None: no profile, draw every linked intervention),
    as one cache key (``ids_key``)."""
    return None if profile is None else ids_key(sorted(offered(recommended(kk, profile))))


def unkey(only: str | None) -> frozenset[str] | None:
    return None if only is None else frozenset(key_ids(only))


def _on_select(chart_key: str, picker_key: str) -> None:
    state = st.session_state.get(chart_key)
    selection = getattr(state, "selection", None) or (state or {}).get("selection", {})
    for name in ("knoop", "label"):
        points = selection.get(name) or []
        if points and points[0].get("id"):
            st.session_state[picker_key] = points[0]["id"]
            return
    st.session_state[picker_key] = None


def kaart_view(
    kk: Kenniskaart,
    factor_ids: list[str] | tuple[str, ...],
    key: str,
    *,
    max_factors: int | None = None,
    max_interventions: int | None = None,
    picker: bool = True,
    table: bool = True,
    font: int = MAP_FONT,
    legend: bool = True,
    max_height: int | None = None,
    profile: Profile | None = None,
) -> kaart.Highlight:
    """The map for these factors with a picker, the lit-up lists and a table alternative. With a
    ``profile``, only what the Aanbeveler offers it is drawn (the same verdict everywhere)."""
    ids = tuple(factor_ids)
    picker_key = f"{key}_pick"
    only = offer_key(kk, profile)
    base = _graph(kk, ids, None, max_factors, max_interventions, only)
    by_f, by_iv = kk.by_id("factors"), kk.by_id("interventions")
    options = [None, *(n.id for n in base.shown("factor")), *(n.id for n in base.shown("interventie"))]
    if st.session_state.get(picker_key) not in options:
        st.session_state[picker_key] = None
    if picker:
        st.selectbox(
            "Licht op op de kaart (of klik op een factor of interventie)",
            options,
            format_func=lambda i: "— alles tonen —" if i is None
            else (f"Factor: {by_f[i].name}" if i in by_f else f"Interventie: {by_iv[i].name}"),
            key=picker_key,
            placeholder="Kies…",
        )
    selected = st.session_state.get(picker_key)
    graph = _graph(kk, ids, selected, max_factors, max_interventions, only)
    if not graph.shown("factor"):
        st.info("Geen van deze factoren is gekoppeld aan een interventie of thema.")
        return kaart.highlight(kk, graph, None)
    spec, alt_text = _spec(kk, ids, selected, max_factors, max_interventions, font, legend, max_height, only)
    chart_key = f"{key}_chart"
    with st.container(key=f"{key}-wide"):
        st.vega_lite_chart(
            spec, width="stretch", key=chart_key, on_select=lambda: _on_select(chart_key, picker_key),
            selection_mode=["knoop", "label"], alt=alt_text, theme=None,
        )
    if picker:  # the presentation is for a projector, never a phone
        _narrow_list(kk, graph, key)
    hl = kaart.highlight(kk, graph, selected)
    if graph.hidden_interventions and selected is None:
        n = len(graph.hidden_interventions)
        ivs = "interventie" if n == 1 else "interventies"
        st.caption(
            f"Om de kaart leesbaar te houden staan {n} gekoppelde {ivs} met het minst sterke "
            "bewijs niet op de kaart; kies een factor om al zijn interventies te zien."
            if picker else f"Nog {n} gekoppelde {ivs} met minder sterk bewijs: zie de tabel."
        )
    if graph.gaps and picker:  # the presentation keeps its one screen; its notes name the gaps
        names = ", ".join(md(by_f[g].name) for g in graph.gaps)
        st.markdown(
            f":orange[**Gat:** geen interventie {'die de aanbeveler dit profiel aanbiedt ' if only is not None else ''}"
            f"voor {names}.] Zie bij de factor de praktijkvoorbeelden, en 'Lessen' over waarom dit een gat is."
        )
    if graph.hidden_factors:
        n = len(graph.hidden_factors)
        st.caption(
            f"{n} {'factor' if n == 1 else 'factoren'} met de minste koppelingen "
            f"{'staat' if n == 1 else 'staan'} niet op de kaart: verfijn de filters om ze te zien."
        )
    if only is not None and picker:  # not in the presentation: every line there costs the projector room
        st.caption("Op de kaart staat alleen wat de aanbeveler dit profiel aanbiedt (groep 1 en 2); wat afvalt "
                   "of voor school of gemeente is, staat bij 'Valt af' en 'Voor school of gemeente'.")
    if hl.selected is not None:
        _lit_lists(kk, hl)
    if table:
        with st.expander("De kaart als tabel (voor schermlezers)"):
            st.dataframe(kaart.kaart_table(kk, graph), hide_index=True, width="stretch")
            st.caption(" ".join(f"**{BASIS_LABELS[b]}**: {md(BASIS_EXPLAINED[b])}" for b in BASIS_LABELS))
    return hl


NARROW_PX = 640
"""Below this width the drawing gives way to the list (a phone in portrait)."""


def _narrow_list(kk: Kenniskaart, graph: kaart.Graph, key: str) -> None:
    """The map as a list, shown instead of the drawing on a narrow screen (fixed CSS, no content
    in it): on a phone the drawing's labels are cut to a few letters."""
    st.html(
        f"<style>@media (max-width: {NARROW_PX}px) {{ .st-key-{key}-wide {{ display: none !important; }} }}"
        f"@media (min-width: {NARROW_PX + 1}px) {{ .st-key-{key}-narrow {{ display: none !important; }} }}</style>"
    )
    lines = []
    for entry in kaart.kaart_list(kk, graph):
        ivs = ", ".join(md(iv.name) + (" (erkend)" if rec else "") for iv, rec in entry.interventions)
        lines.append(f"- **{md(entry.factor.name)}**" + (" — :orange[gat]" if entry.gap else f": {ivs}" if ivs else ""))
    with st.container(key=f"{key}-narrow"):
        st.markdown("**De kaart als lijst** (factor: interventies op de kaart)\n" + "\n".join(lines))


def _lit_lists(kk: Kenniskaart, hl: kaart.Highlight) -> None:
    """What the selection lights up, in words (also for screen readers)."""
    by_f, by_iv, by_ex = kk.by_id("factors"), kk.by_id("interventions"), kk.by_id("examples")
    if hl.selected in by_f:
        names = [md(by_iv[i].name) for i in hl.interventions]
        st.markdown(f"**Interventies die '{md(by_f[hl.selected].name)}' aanpakken ({len(names)}):** "
                    + ("; ".join(names) or "geen"))
    else:
        names = [md(by_f[i].name) for i in hl.factors]
        st.markdown(f"**Factoren die '{md(by_iv[hl.selected].name)}' aanpakt ({len(names)}):** "
                    + ("; ".join(names) or "geen"))
    if hl.examples:
        exs = [md(by_ex[i].name) + (f" ({md(by_ex[i].municipality)})" if by_ex[i].municipality else "")
               for i in hl.examples]
        st.markdown(f"**Praktijkvoorbeelden ({len(exs)}):** " + "; ".join(exs))
