"""Presentatie: a projector view for workshops, one step per screen.

Profiel → kaart → aanbevelingen → wat deden anderen → lessen. Each step fits one screen at
1280×720 (top 3, the rest behind "meer"); PageDown/→ next, PageUp/← previous, Esc leaves;
facilitator notes behind a button. All text at least 24 px; text grows with the screen height
(2.8 vh); the charts are drawn for 1280×720 and zoomed by 1.25 on screens 1000 px high or more
(a CSS media query; zoom × width 80 % keeps the width), so their text matches the page's.
"""

import streamlit as st

from kenniskaart import presentation as pres
from kenniskaart.aanbeveler import profile_from_case
from kenniskaart.ui import get_content, recommended
from kenniskaart.ui import plan_van_aanpak as pva
from kenniskaart.ui import werksessie_views as wv
from kenniskaart.ui.kaart import kaart_view
from kenniskaart.ui.links import page_ref
from kenniskaart.ui.pages import WERKSESSIE
from kenniskaart.ui.state import PROFILE_KEY, current_profile, set_presentation
from kenniskaart.ui.text import md
from kenniskaart.ui.widgets import case_picker
from kenniskaart.ui.workshop import workshop_view

# Fixed stylesheet (no content embedded): large type, navigation below Streamlit's header,
# the arrow-key duplicates of the navigation buttons out of sight (their shortcuts still work).
st.html(
    """<style>
    [data-testid=stMainBlockContainer] { max-width: none; padding: 4.6rem 2rem 0.5rem 2rem; }
    [data-testid=stMain] p, [data-testid=stMain] li, [data-testid=stMain] label,
    [data-testid=stMain] button, [data-testid=stMain] input, [data-testid=stMain] summary,
    [data-testid=stMain] [data-baseweb=select] div, [data-testid=stMain] kbd,
    [data-testid=stMain] [data-testid=stCaptionContainer], [data-testid=stPopoverBody] p,
    [data-testid=stPopoverBody] li, [data-baseweb=popover] li {
        font-size: max(24px, 2.8vh) !important; line-height: 1.32 !important; }
    [data-testid=stMain] [data-testid=stCaptionContainer] p { color: #1a1a2e !important; }
    [data-testid=stMain] h1 { font-size: max(38px, 4.4vh) !important; padding: 0 !important; }
    [data-testid=stMain] h2 { font-size: max(31px, 3.6vh) !important; padding: 0.2rem 0 !important; }
    [data-testid=stMain] h3 { font-size: max(27px, 3.1vh) !important; padding: 0.1rem 0 !important; }
    [data-testid=stMain] [data-testid=stVerticalBlock] { gap: 0.4rem; }
    .st-key-p-arrows { display: none !important; }
    [data-testid=stMain] [data-testid=stElementToolbar] { display: none !important; }
    @media (min-height: 1000px) { .st-key-p-chart { zoom: 1.25; width: 80% !important; } }
    </style>"""
)

kk = get_content()
STEPS = pres.steps(room=wv.presentation_room() is not None, plan=pva.has_plan())
step = min(max(int(st.session_state.setdefault("p_step", 0)), 0), len(STEPS) - 1)


def _go(delta: int) -> None:
    st.session_state["p_step"] = max(0, min(len(STEPS) - 1, st.session_state.get("p_step", 0) + delta))


def _use_case() -> None:
    case = kk.by_id("cases").get(st.session_state.get("p_case"))
    if case is not None:
        st.session_state[PROFILE_KEY] = profile_from_case(case)
    st.session_state["p_blur"] = True


def _more(label: str, lines: list[str], key: str) -> None:
    """'meer (n)': the rest of a list, in a popover so the screen does not grow."""
    if lines:
        with st.popover(f"{label} ({len(lines)})", key=key):
            for line in lines:
                st.markdown(f"- {line}")


with st.container(horizontal=True, key="p-nav", vertical_alignment="center"):
    st.button("Vorige", icon=":material/arrow_back:", on_click=_go, args=(-1,), disabled=step == 0,
              key="p_prev", shortcut="PageUp", help="Vorige stap (PageUp of pijl links)")
    st.button("Volgende", icon=":material/arrow_forward:", icon_position="right", on_click=_go, args=(1,),
              disabled=step == len(STEPS) - 1, key="p_next", shortcut="PageDown", type="primary",
              help="Volgende stap (PageDown of pijl rechts)")
    with st.popover("Notities voor de begeleider", icon=":material/sticky_note_2:", key="p_notes"):
        for note in pres.notes(kk, STEPS[step]):
            st.markdown(f"**{md(note.title)}**")
            if note.text:
                st.markdown(md(note.text))
            for item in note.items:
                st.markdown(f"- {md(item)}")
    back = wv.leave_presentation()  # while a room runs: back to the room (its address without the token)
    if back is None:
        st.button("Presentatie verlaten", icon=":material/close:", on_click=set_presentation, args=(False,),
                  key="p_exit", shortcut="Esc")
    elif st.button("Presentatie verlaten", icon=":material/close:", key="p_exit", shortcut="Esc"):
        set_presentation(False)
        st.switch_page(page_ref(WERKSESSIE), query_params=back)
if st.session_state.pop("p_blur", False):
    # After a casus is chosen the focus stays in its box, where the clicker's keys do not
    # reach the shortcuts; a fixed one-line script (no content) hands the focus back.
    st.html("<script>document.activeElement && document.activeElement.blur();</script>",
            unsafe_allow_javascript=True)
with st.container(key="p-arrows"):
    st.button("Volgende (pijl rechts)", on_click=_go, args=(1,), key="p_next_arrow", shortcut="Right",
              disabled=step == len(STEPS) - 1)
    st.button("Vorige (pijl links)", on_click=_go, args=(-1,), key="p_prev_arrow", shortcut="Left",
              disabled=step == 0)

head = st.container(horizontal=True, vertical_alignment="center", gap="large", key="p-head")
head.title(f"Stap {step + 1} van {len(STEPS)}: {STEPS[step]}", width="content")
profile = current_profile()
risk, protective = pres.profile_factors(kk, profile)
has_profile = bool(risk or protective)


def _need_profile() -> None:
    st.info("Nog geen profiel: kies een casus bij stap 1.", icon=":material/info:")


if STEPS[step] == pres.WERKSESSIE:
    wv.presentation_step(kk, head, lambda: _go(1))
elif STEPS[step] == "Profiel":
    left, right = st.columns([1, 1.35], gap="large")
    with left:
        case_picker(kk, "Kies een casus om samen te bespreken", "p_case", _use_case)
    with right:
        if not has_profile:
            st.info("Nog geen profiel: kies een casus, of stel een profiel samen in de aanbeveler.")
        else:
            levels = kk.by_id("help_levels")
            need = f"**Niveau van hulp:** {md(levels[profile.need].name)}" if profile.need in levels \
                else "niveau van hulp nog niet gekozen"
            age = f"**Leeftijd:** {profile.age} jaar" if profile.age is not None else "leeftijd onbekend"
            st.markdown(f"{age} · {need}")
            for title, factors, key in (("Risicofactoren", risk, "p_more_risk"), ("Te versterken", protective, "p_more_prot")):
                if not factors:
                    continue
                with st.container(horizontal=True, vertical_alignment="center"):
                    st.markdown(f"**{title} ({len(factors)}):**", width="content")
                    _more("meer", [md(pres.factor_line(f, None)) for f in factors[pres.TOP:]], key)
                st.markdown("\n".join(f"- {md(pres.factor_line(f))}" for f in factors[: pres.TOP]))

elif STEPS[step] == pres.PLAN:
    pva.presentation_step(kk)
elif not has_profile:
    if STEPS[step] != "Lessen":
        _need_profile()

if has_profile and STEPS[step] == "Kaart":
    view = head.segmented_control(
        "Weergave", ["Kaart", "Bewijs × factoren"], default="Kaart", key="p_map_view", required=True,
        label_visibility="collapsed",
    )
    ids = [f.id for f in (*risk, *protective)]
    if view == "Bewijs × factoren":
        st.markdown("Rijen: sterkte van het bewijs van de interventie. Kolommen: hoeveel dynamische factoren van dit profiel ze aanpakt.")
        with st.container(key="p-chart"):
            workshop_view(kk, ids, "p_ws", font=pres.CHART_FONT, per_cell=2, profile=profile)
    else:
        st.markdown(
            "Lijn: doorgetrokken = bron · gestreept = themaniveau · gestippeld = team. "
            "Donker = sterk bewijs · open ruit = niet erkend."
        )
        with st.container(key="p-chart"):
            kaart_view(kk, ids, "p_map", max_interventions=8, picker=False, font=pres.CHART_FONT, legend=False,
                       max_height=pres.MAP_HEIGHT, profile=profile)

elif has_profile and STEPS[step] == "Aanbevelingen":
    result = recommended(kk, profile)
    if getattr(result, "need_reason", ""):
        st.markdown(md(result.need_reason))
    groups = pres.recommendation_groups(result)
    if getattr(result, "needs_age", False):
        st.info("Het profiel heeft geen leeftijd: kies een leeftijd in de aanbeveler, dan staan hier de aanbevelingen.")
    elif not groups:
        st.info("Geen interventie pakt deze factoren aan binnen deze leeftijd.")
    more: list[tuple[str, list[str], str]] = []
    for g, (label, items) in enumerate(groups):
        if g == 0:
            st.subheader(md(label))
            cols = st.columns(pres.TOP, gap="medium")
            for col, (pos, item) in zip(cols, enumerate(items[: pres.TOP], start=1)):
                with col.container(border=True):
                    st.markdown(f"**{pos}. {md(item.name)}**  \n{md(item.facts)}")
                    if item.why:
                        st.markdown(md(item.why))
            rest = items[pres.TOP:]
        else:
            st.markdown(f"**{md(label)} ({len(items)}):** " + md("; ".join(pres.short(i.name, 40) for i in items[:2])))
            rest = items[2:]
        more.append(("meer" if g == 0 else f"meer: {label.lower()}", [f"{md(i.name)} · {md(i.facts)}" for i in rest],
                     f"p_more_rec_{g}"))
    package = pres.package_names(result)
    if package:
        st.markdown("**Pakket:** " + md(" + ".join(pres.short(n, 34) for n in package)))
    gaps = pres.gap_names(result)
    if gaps:
        more.append(("Geen erkende interventie voor", [md(n) for n in gaps], "p_more_gaps"))
    with st.container(horizontal=True):
        for label, lines, key in more:
            _more(label, lines, key)

elif has_profile and STEPS[step] == "Wat deden anderen":
    found = pres.examples_for_profile(kk, profile)
    if not found:
        st.info("Geen praktijkvoorbeeld pakt de factoren van dit profiel aan.")
    else:
        st.markdown(f"{len(found)} praktijkvoorbeelden pakken factoren van dit profiel aan; de drie met de meeste:")
        cols = st.columns(pres.TOP, gap="medium")
        for col, (ex, factors) in zip(cols, found[: pres.TOP]):
            with col.container(border=True):
                st.markdown(f"**{md(pres.short(ex.name, 60))}**  \n{md(ex.municipality or 'gemeente onbekend')}")
                st.markdown(md(pres.first_sentence(ex.description, 110)))
                st.markdown(md(pres.addresses(factors)))
        _more("meer", [f"{md(ex.name)} ({md(ex.municipality or 'gemeente onbekend')})" for ex, _ in found[pres.TOP:]],
              "p_more_ex")

if STEPS[step] == "Lessen":
    lessons = sorted(kk.lessons, key=lambda l: l.number)
    cols = st.columns(2, gap="large")
    for i, lesson in enumerate(lessons):
        with cols[i % 2]:
            st.markdown(f"**Les {lesson.number}: {md(lesson.title)}**  \n{md(pres.first_sentence(lesson.summary, 150))}")
    _more("meer: de lessen voluit", [f"**Les {l.number}: {md(l.title)}** {md(l.summary)}" for l in lessons], "p_more_lessons")
