"""Presentatie: a projector view for workshops, one step per screen."""

import streamlit as st

from kenniskaart.matcher import profile_from_case, recommend
from kenniskaart.present import EVIDENCE_EXPLAINED, EVIDENCE_LABELS, age_range, recognition_text
from kenniskaart.shortlist import profile_lines
from kenniskaart.ui import PROFILE_KEY, case_picker, current_profile, get_content, md, set_presentation, set_url, share_params

# Fixed stylesheet (no content embedded): large type for a projector.
st.html(
    """<style>
    [data-testid=stMainBlockContainer] { max-width: 1500px; padding-top: 2rem; }
    [data-testid=stMarkdownContainer] p, [data-testid=stMarkdownContainer] li { font-size: 1.55rem; line-height: 1.45; }
    h1 { font-size: 3rem !important; } h2 { font-size: 2.3rem !important; } h3 { font-size: 1.9rem !important; }
    [data-testid=stWidgetLabel] p { font-size: 1.4rem !important; }
    button p { font-size: 1.35rem !important; }
    </style>"""
)

kk = get_content()
STEPS = ["Profiel", "Factoren", "Aanbevelingen", "Lessen"]
step = st.session_state.setdefault("p_step", 0)
set_url(share_params())


def _go(delta: int) -> None:
    st.session_state["p_step"] = max(0, min(len(STEPS) - 1, st.session_state["p_step"] + delta))


def _use_case() -> None:
    case = kk.by_id("cases").get(st.session_state.get("p_case"))
    if case is not None:
        st.session_state[PROFILE_KEY] = profile_from_case(case)


nav = st.columns([1.2, 4, 1.2, 1.6])
nav[0].button("← Vorige", on_click=_go, args=(-1,), disabled=step == 0, key="p_prev")
nav[1].markdown(
    " → ".join(f"**{name}**" if i == step else name for i, name in enumerate(STEPS))
)
nav[2].button("Volgende →", on_click=_go, args=(1,), disabled=step == len(STEPS) - 1, key="p_next")
nav[3].button("Presentatie verlaten", on_click=set_presentation, args=(False,), key="p_exit")

st.title(f"Stap {step + 1}: {STEPS[step]}")
profile = current_profile()

if step == 0:
    case_picker(kk, "Kies een casus om samen te bespreken", "p_case", _use_case)
    lines = profile_lines(kk, profile)
    if lines:
        st.header("Het profiel")
        for line in lines:
            st.markdown(f"- {md(line)}")
    else:
        st.info("Nog geen profiel: kies een casus, of stel een profiel samen in de aanbeveler.")

elif step == 1:
    if profile is None or not (profile.risk_factors or profile.protective_factors):
        st.info("Kies eerst een casus bij stap 1.")
    else:
        factors = kk.by_id("factors")
        for fid in (*profile.risk_factors, *profile.protective_factors):
            f = factors.get(fid)
            if f is None:
                continue
            kind = "Risicofactor" if f.kind == "risico" else "Beschermende factor"
            st.markdown(f"## {md(f.name)}")
            st.markdown(f"{kind} · {f.level} · **{EVIDENCE_LABELS[f.evidence]}**: {md(EVIDENCE_EXPLAINED[f.evidence])}")

elif step == 2:
    if profile is None or not (profile.risk_factors or profile.protective_factors):
        st.info("Kies eerst een casus bij stap 1.")
    else:
        result = recommend(kk, profile)
        st.markdown(md(result.need_reason))
        if not result.ranked:
            st.info("Geen interventie pakt deze factoren aan binnen deze leeftijd.")
        for pos, rec in enumerate(result.ranked[:5], start=1):
            iv = rec.intervention
            st.markdown(f"## {pos}. {md(iv.name)}")
            st.markdown(f"{md(age_range(iv))} · {md(recognition_text(iv.recognition))}")
            st.markdown("Waarom: " + md("; ".join(r for r in rec.reasons if not r.startswith("erkenning"))))
        if result.gaps:
            st.markdown("## Gaten")
            st.markdown("Geen erkende interventie voor: " + md(", ".join(g.factor.name for g in result.gaps)))

else:
    for lesson in sorted(kk.lessons, key=lambda l: l.number):
        st.markdown(f"## Les {lesson.number}: {md(lesson.title)}")
        st.markdown(md(lesson.summary))
