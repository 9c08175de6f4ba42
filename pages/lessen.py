"""Lessen: the CCV lessons, the PmG programme, process findings, guidance and the 'Samen
weerbaar' worksheet. One part at a time (lazy tabs), bookmarkable as ?onderdeel=…"""

import streamlit as st

from kenniskaart.exports import worksheet_csv, worksheet_markdown
from kenniskaart.guidance import GROUPS, group_items, guiding_steps
from kenniskaart.ui import get_content
from kenniskaart.ui.guidance import guidance_card, guidance_link
from kenniskaart.ui.links import LESSON_GROUP_PARAM
from kenniskaart.ui.text import md, show_sources
from kenniskaart.vocabulary import CAUTION_LABELS

kk = get_content()

LESSONS_TAB = "Vier lessen (CCV)"
WORKSHEET_TAB = "Werkblad Samen weerbaar"

st.title("Lessen")
st.write(
    "Wat gemeenten en onderzoekers leerden: de vier lessen van het CCV met tips uit de praktijk, "
    "het programma Preventie met Gezag, de wat-werkt-principes, de bevindingen van de praktijkscan, "
    "de verbeterpunten uit de Kamerbrief en de handreikingen uit 'Samen Weerbaar'. Kies een "
    "onderdeel; het laatste is een werkblad om samen in te vullen."
)

tab_names = [LESSONS_TAB] + [g.title for g in GROUPS] + [WORKSHEET_TAB]
# Lazy tabs: only the open part runs and is sent to the browser; the URL remembers it.
tabs = st.tabs(tab_names, key=LESSON_GROUP_PARAM, bind="query-params", on_change="rerun")

if tabs[0].open:
    with tabs[0]:
        if not kk.lessons:
            st.info("Er zijn nog geen lessen in de inhoud opgenomen.")
        for lesson in kk.lessons_in_order:
            st.header(f"Les {lesson.number}: {md(lesson.title)}")
            st.markdown(md(lesson.summary))
            if lesson.tips:
                st.markdown("**Tips uit de praktijk**")
                for tip in lesson.tips:
                    st.markdown(f"- {md(tip.text)}" + "".join(
                        f"  \n  :orange[**{CAUTION_LABELS.get(c.kind, 'Let op')}:** {md(c.text)}]" for c in tip.cautions
                    ))
                    for guidance_id in dict.fromkeys(c.guidance for c in tip.cautions if c.guidance):
                        guidance_link(kk, guidance_id)
            show_sources(kk, lesson.sources)

for tab, group in zip(tabs[1:-1], GROUPS, strict=True):
    if not tab.open:
        continue
    with tab:
        st.write(group.intro)
        shown = 0
        for kind in group.kinds:
            items = group_items(kk, group, kind)
            if not items:
                continue
            if len(group.kinds) > 1:
                st.header(group.kind_titles[kind])
            for item in items:
                shown += 1
                guidance_card(kk, item)
        if not shown:
            st.info("Voor dit onderdeel is nog geen inhoud opgenomen.")

if tabs[-1].open:
    with tabs[-1]:
        steps = guiding_steps(kk)
        st.write(
            "Loop met de groep de zes stappen van 'Samen weerbaar' door en noteer de antwoorden. "
            "Download het resultaat als Markdown of CSV (te openen in Excel). De antwoorden blijven "
            "alleen in deze sessie bewaard."
        )
        if not steps:
            st.info("De leidende vragen zijn nog niet in de inhoud opgenomen.")
        answers: dict[str, str] = {}
        for step in steps:
            with st.expander(f"Stap {step.order}: {md(step.title)}", expanded=step.order == 1):
                if step.text:
                    st.markdown(md(step.text))
                for i, question in enumerate(step.items):
                    key = f"{step.id}/{i}"
                    # persist_state: answers survive switching to another part or page
                    answers[key] = st.text_area(
                        question, key=f"ws-{key}", height=80, persist_state="session"
                    )
                show_sources(kk, step.sources)
        if steps:
            filled = sum(1 for v in answers.values() if v.strip())
            st.write(f"{filled} van {len(answers)} vragen beantwoord.")
            c1, c2 = st.columns(2)
            c1.download_button(
                "Download werkblad (Markdown)",
                worksheet_markdown(steps, answers).encode("utf-8"),
                file_name="werkblad-samen-weerbaar.md",
                mime="text/markdown",
            )
            c2.download_button(
                "Download werkblad (CSV)",
                worksheet_csv(steps, answers),
                file_name="werkblad-samen-weerbaar.csv",
                mime="text/csv",
            )
