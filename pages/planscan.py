"""Planscan: a municipality checks its plan for gaps in factors, themes and levels of help.

The plan lives in session state (``ui.state.current_plan``), so it survives navigation; the
widgets mirror it (``ui.plan_editor``); its coverage is drawn by ``ui.coverage``. Plan editing
and coverage form one fragment: changing the plan reruns only that. Tabs and expanders are
lazy: only what is open is rendered.
"""

import streamlit as st

from kenniskaart import charts
from kenniskaart.exports import dataframe_csv
from kenniskaart.planscan import (
    ALL_BOTOC,
    HOW_COVERED,
    YOUR_PLAN,
    botoc_municipalities,
    compare,
    comparison_table,
    municipality_label,
    process_lessons,
    row_explanations,
    score_reasons,
)
from kenniskaart.ui import get_content
from kenniskaart.ui.coverage import coverage_view
from kenniskaart.ui.plan_editor import plan_editor
from kenniskaart.ui.plan_van_aanpak import plan_link
from kenniskaart.ui.state import current_plan
from kenniskaart.ui.text import md, show_sources
from kenniskaart.ui.widgets import chart

kk = get_content()
municipalities = botoc_municipalities(kk)


@st.fragment
def plan_and_coverage() -> None:
    """The plan and its coverage: a change to the plan reruns only this part."""
    for notice in st.session_state.pop("ps_notices", []):
        st.warning(md(notice))
    plan = current_plan()
    plan_editor(kk, plan)
    coverage_view(kk, plan)
    plan_link()


def comparison() -> None:
    chosen = st.multiselect(
        "Gemeenten", [*municipalities, ALL_BOTOC, YOUR_PLAN], format_func=municipality_label,
        placeholder="Kies twee of meer…", key="ps_compare", persist_state="session",
        select_all=False, wrap=True,
    )
    if len(chosen) < 2:
        st.info(
            "Kies twee of meer BOTOC-gemeenten (of 'Alle BOTOC-gemeenten', of 'Uw plan') om hun "
            "dekking naast elkaar te zien."
        )
        return
    summary_df, detail_df = compare(kk, chosen, current_plan())
    labels = [municipality_label(m) for m in chosen]
    order = list(comparison_table(summary_df)["onderdeel"])
    chart(charts.comparison_chart, charts.comparison_frame(summary_df), order, labels)
    st.table(comparison_table(summary_df), hide_index=True)
    st.caption(
        "Per gemeente: hoeveel factoren, thema's en niveaus van hulp haar BOTOC-interventies dekken "
        "(rechtstreeks of op themaniveau), en hoeveel van haar interventies op een gefundeerde factor rusten."
    )
    st.markdown("**Wat telt elke rij?**\n" + "\n".join(
        f"- **{md(row)}**: {md(text)}" for row, text in row_explanations(kk).items()
    ))
    st.caption(md(HOW_COVERED))
    why = st.expander("Waarom scoort elke gemeente zo? Per rij: welke factoren en thema's, door welke interventies",
                      key="ps_cmp_why", on_change="rerun")
    if why.open:
        with why:
            for label, rows in score_reasons(kk, chosen, current_plan()):
                st.markdown(f"**{md(label)}**\n" + "\n".join(f"- {md(row)}: {md(text)}" for row, text in rows))
    detail = st.expander("Per factor en thema: aantal interventies (0 = gat)", key="ps_cmp_detail", on_change="rerun")
    if detail.open:
        detail.dataframe(detail_df, hide_index=True)
    st.download_button(
        "Download de vergelijking (CSV)", lambda: dataframe_csv(detail_df), file_name="planscan-vergelijking.csv",
        mime="text/csv", on_click="ignore",
    )


st.title("Planscan")
st.write(
    "Zet de interventies van uw (voorgenomen) plan op een rij en zie welke risico- en beschermende "
    "factoren, PmG-thema's en niveaus van hulp ze dekken, en waar de gaten zitten. Dit is de "
    "praktijkscan van Bureau Beke, geautomatiseerd. Kies interventies uit de catalogus, "
    "praktijkvoorbeelden, of voeg eigen interventies toe. Uw plan blijft bewaard als u naar een "
    "andere pagina gaat."
)

tab_plan, tab_compare, tab_lessons = st.tabs(
    ["Uw plan", "Gemeenten vergelijken", "Lessen voor het proces"], key="ps_tab", on_change="rerun"
)
if tab_plan.open:
    with tab_plan:
        plan_and_coverage()
if tab_compare.open:
    with tab_compare:
        comparison()
if tab_lessons.open:
    with tab_lessons:
        for lesson in process_lessons(kk):
            with st.container(border=True):
                st.markdown(f"**{md(lesson.title)}**")
                if lesson.text:
                    st.markdown(md(lesson.text))
                show_sources(kk, lesson.sources)
