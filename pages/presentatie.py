"""Presentatie: a projector view for workshops, one step per screen.

Profiel → kaart → aanbevelingen → wat deden anderen → lessen. Each step fits one screen at
1280×720 (top 3, the rest behind "meer"); PageDown/→ next, PageUp/← previous, Esc leaves;
facilitator notes behind a button. All text at least 24 px; text grows with the screen height
(2.8 vh); the charts are drawn for 1280×720 and zoomed by 1.25 on screens 1000 px high or more
(a CSS media query; zoom × width 80 % keeps the width), so their text matches the page's.
The steps are rendered by ``kenniskaart.ui.presentation``.
"""

import streamlit as st

from kenniskaart import presentatie as pres
from kenniskaart.aanbeveler import profile_from_case
from kenniskaart.ui import get_content
from kenniskaart.ui import plan_van_aanpak as pva
from kenniskaart.ui import presentation as steps
from kenniskaart.ui import werksessie_views as wv
from kenniskaart.ui.links import page_ref
from kenniskaart.ui.pages import WERKSESSIE
from kenniskaart.ui.state import PROFILE_KEY, current_profile, set_presentation
from kenniskaart.ui.text import md

st.html(steps.STYLE)

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
name = STEPS[step]

if name == pres.WERKSESSIE:
    wv.presentation_step(kk, head, lambda: _go(1))
elif name == "Profiel":
    steps.profile_step(kk, profile, risk, protective, _use_case)
elif name == pres.PLAN:
    pva.presentation_step(kk)
elif name == "Lessen":
    steps.lessons_step(kk)
elif profile is None or not (risk or protective):
    st.info("Nog geen profiel: kies een casus bij stap 1.", icon=":material/info:")
elif name == "Kaart":
    steps.map_step(kk, head, profile, [f.id for f in (*risk, *protective)])
elif name == "Aanbevelingen":
    steps.recommendations_step(kk, profile)
elif name == "Wat deden anderen":
    steps.examples_step(kk, profile)
