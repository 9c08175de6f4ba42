"""The Planscan's coverage of a plan: one verdict per factor (twins together), the gaps with
suggestions, warnings about what does not work, the balance and the scan as CSV."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import charts
from ..content import Kenniskaart
from ..exports import dataframe_csv
from ..nl import names_list, plural
from ..planscan import (
    CONTEXT_GROUP,
    FACTOR_GROUPS,
    GROUPS,
    WARNINGS_GUIDANCE,
    Coverage,
    Plan,
    balance,
    coverage_table,
    gap_suggestions,
    grounded_items,
    items_of,
    plan_warnings,
    scan,
    summary,
)
from ..rules import NEVER_COUNTS
from ..vocabulary import BASIS_EXPLAINED, CAUTION_TITLES, NATURE_EXPLAINED, PROVENANCE_LABELS
from .cache import content_cache
from .guidance import guidance_link
from .links import DETAIL_PARAM, page_ref
from .pages import INTERVENTIES
from .text import md
from .widgets import chart, shortlist_button

COVERED = ":green[:material/check_circle:]"
GAP = ":red[:material/cancel:]"


@content_cache(max_entries=256)
def _scanned(kk: Kenniskaart, plan: Plan) -> tuple[list, list[Coverage], pd.DataFrame, int]:
    """(items, coverage, summary, grounded count) of a plan, computed once per plan and content
    folder per process and shared read-only: a plan scanned again (every rerun of the page, a
    room of users starting from the same municipality) costs a lookup."""
    items = items_of(kk, plan)
    coverage = scan(kk, items)
    return items, coverage, summary(coverage), len(grounded_items(kk, items))


def _also(c: Coverage) -> str:
    """'ook bij <other group>': the same row, with the same verdict, in another group."""
    others = [g for g in c.groups if g != c.group]
    return f"; ook bij {'; '.join(others)}" if others else ""


def _covered_line(c: Coverage) -> str:
    twins = f" (ook genoemd als: {'; '.join(c.twins)})" if c.twins else ""
    parts = "; ".join(f"{PROVENANCE_LABELS[b]}: {names_list(names)}" for b, names in c.by_basis().items())
    return (f"- {COVERED} {md(c.name)}{md(twins)} — {plural(len(c.hits), 'interventie', 'interventies')} "
            f"({md(parts)}){md(_also(c))}")


def _gap_row(kk: Kenniskaart, c: Coverage, suggestions: dict[str, list[str]]) -> None:
    ivs = kk.by_id("interventions")
    twins = f" (ook genoemd als: {'; '.join(c.twins)})" if c.twins else ""
    ids = suggestions.get(c.id, [])
    none = "  \n:gray[Geen interventie in de kenniskaart pakt dit aan.]" if not ids else ""
    st.markdown(f"- {GAP} **{md(c.name)}**{md(twins)} — niet gedekt{md(_also(c))}{none}")
    for iid in ids:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.page_link(
                page_ref(INTERVENTIES), label=f"Suggestie: {md(ivs[iid].name)}",
                query_params={DETAIL_PARAM: iid}, icon=":material/arrow_forward:",
            )
            # the same factor can be listed in two groups: one key per group
            shortlist_button(iid, f"ps-{GROUPS.index(c.group)}-{c.id}")


def _warnings(kk: Kenniskaart, items) -> None:
    """What in the plan does not work or can harm, first of all."""
    found = plan_warnings(kk, items)
    if not found:
        return
    harms = len({w.item for w in found if w.kind in NEVER_COUNTS})
    head = (f"**Let op: {plural(harms, 'onderdeel', 'onderdelen')} van uw plan kan volgens een bron schaden of "
            "had geen effect; telt nergens als dekking.**" if harms
            else "**Let op: waarschuwingen bij onderdelen van uw plan.**")
    box = st.expander(f"Waarschuwingen bij uw plan ({len(found)})", expanded=harms > 0, key="ps_warnings",
                      on_change="rerun", icon=":material/warning:")
    if box.open:
        with box:
            st.markdown(head)
            for kind, title in CAUTION_TITLES.items():
                rows = [w for w in found if w.kind == kind]
                if rows:
                    st.markdown(f"**{md(title)}**\n" + "\n".join(f"- {md(w.item)}: {md(w.text)}" for w in rows))
            guidance_link(kk, next((w.guidance for w in found if w.guidance), WARNINGS_GUIDANCE))


def coverage_view(kk: Kenniskaart, plan: Plan) -> None:
    """The plan's coverage: warnings, the chart, one expander per group with its gaps and
    suggestions, the context factors, the balance and the download."""
    items, coverage, sm, n_grounded = _scanned(kk, plan)
    st.header("Dekking")
    if not items:
        st.info("Uw plan is nog leeg: alles hieronder is dus een gat. Kies een gemeente of voeg interventies toe.")
    else:
        st.write(f"Het plan telt {plural(len(items), 'interventie', 'interventies')}.")
        st.write(
            f"{n_grounded} van de {len(items)} richten zich (ogenschijnlijk) op een gefundeerde "
            "risicofactor of een beschermende factor uit de kennissynthese. De praktijkscan telde "
            "dat voor 56 van de 62 BOTOC-interventies; op themaniveau telt de kenniskaart elke "
            "interventie in een gefundeerd thema mee, ook de enkele die de praktijkscan binnen zo'n "
            "thema toch ongefundeerd noemde (praktijkscan, §3.1.2)."
        )
    st.caption(
        f"Themaniveau: {BASIS_EXPLAINED['thema']} Een factor en dezelfde factor in een andere bron "
        "(bijvoorbeeld Beke en Samen Weerbaar) tellen samen één keer. Een factor die bij twee onderdelen "
        "hoort (een gefundeerde factor op gezinsniveau), staat bij allebei, met hetzelfde oordeel."
    )

    _warnings(kk, items)
    chart(charts.coverage_chart, sm, list(GROUPS))
    table = st.expander("Dekking als tabel", key="ps_sum_table", on_change="rerun")
    if table.open:
        table.dataframe(sm, hide_index=True)

    suggestions: dict[str, list[str]] | None = None
    for i, group in enumerate(GROUPS):
        rows = [c for c in coverage if c.group == group]
        open_gaps = [c for c in rows if not c.covered]
        box = st.expander(
            f"{group}: {len(rows) - len(open_gaps)} van {len(rows)} gedekt",
            expanded=i == 0, key=f"ps_group_{i}", on_change="rerun",
        )
        if not box.open:
            continue
        with box:
            if group in FACTOR_GROUPS:
                st.caption("Alleen dynamische factoren: wat een interventie kan veranderen.")
            if suggestions is None:
                suggestions = gap_suggestions(kk, coverage)
            covered = sorted((c for c in rows if c.covered), key=lambda c: -len(c.hits))
            if covered:  # one element for all covered rows: a group can hold dozens
                st.markdown("\n".join(_covered_line(c) for c in covered))
            for c in open_gaps:
                _gap_row(kk, c, suggestions)

    context = [c for c in coverage if c.group == CONTEXT_GROUP]
    box = st.expander(f"{CONTEXT_GROUP} (geen gat)", key="ps_context", on_change="rerun")
    if box.open:
        with box:
            st.caption(NATURE_EXPLAINED["statisch"])
            for c in context:
                if c.covered:
                    st.markdown(
                        f"- {md(c.name)} — uw plan richt zich op jongeren met deze kenmerken "
                        f"({md(names_list(c.covered_by))})"
                    )
                else:
                    st.markdown(f"- {md(c.name)} — niet genoemd in uw plan")

    box = st.expander("Balans: preventief en repressief, niveaus van hulp", key="ps_balance", on_change="rerun")
    if box.open:
        with box:
            bal = balance(kk, items)
            left, right = st.columns(2)
            with left:
                part = bal[bal["verdeling"] == "preventief / repressief"].rename(columns={"deel": "soort"})
                chart(charts.bar_chart, part, "soort")
            with right:
                part = bal[bal["verdeling"] == "niveau van hulp"].rename(columns={"deel": "niveau"})
                chart(charts.bar_chart, part, "niveau", list(part["niveau"]))
            st.dataframe(bal, hide_index=True)
            st.caption(
                "Repressief = interventies in de thema's opsporing/vervolging en bovenlokale criminele "
                "netwerken (indeling kenniskaart-team); de rest telt als preventief."
            )

    st.download_button(
        "Download de scan (CSV)", lambda: dataframe_csv(coverage_table(coverage)), file_name="planscan.csv",
        mime="text/csv", on_click="ignore",
    )
