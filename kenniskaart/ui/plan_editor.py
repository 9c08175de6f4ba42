"""The Planscan's plan editor: the widgets mirror the plan in session state, and every change
(a BOTOC municipality's plan, a plan file, catalogue items, practice examples, own entries)
goes through that plan, so it survives navigation and the werkmap carries it."""

from __future__ import annotations

import streamlit as st

from ..content import Kenniskaart
from ..models import AGE_LIMITS
from ..nl import plural
from ..planscan import (
    ALL_BOTOC,
    OwnEntry,
    Plan,
    PlanFileError,
    botoc_municipalities,
    municipality_label,
    municipality_preset,
    plan_from_json,
    plan_to_json,
)
from .state import current_plan, read_upload, set_plan
from .text import md
from .widgets import FACTOR_PICKER_HELP, factor_picker, picker_tip


def _from_widgets() -> None:
    plan = current_plan()
    set_plan(plan.model_copy(update={
        "interventions": tuple(st.session_state.get("ps_interventions", [])),
        "examples": tuple(st.session_state.get("ps_examples", [])),
    }))


def _load_preset(kk: Kenniskaart) -> None:
    choice = st.session_state.get("ps_preset")
    if choice:
        set_plan(current_plan().model_copy(update={"examples": tuple(municipality_preset(kk, choice))}))


def _load_file(kk: Kenniskaart) -> None:
    def refused(message: str) -> None:
        st.session_state["ps_notices"] = [f"Het plan is niet geladen: {message}"]

    loaded = read_upload("ps_upload", lambda raw: plan_from_json(kk, raw), PlanFileError, refused)
    if loaded is not None:
        plan, notices, name = loaded
        set_plan(plan)
        st.session_state["ps_notices"] = [*notices, f"Plan geladen uit '{name}'."]


OWN_AGE = (8, 27)  # the PmG target group, the own-entry form's starting age range


def _add_own() -> None:
    name = st.session_state.get("ps_own_name", "").strip()
    if not name:
        st.session_state["ps_notices"] = ["Geef de eigen interventie een naam."]
        return
    lo, hi = st.session_state.get("ps_own_age", OWN_AGE)
    entry = OwnEntry(
        name=name[:200],
        min_age=lo,
        max_age=hi,
        pmg_themes=tuple(st.session_state.get("ps_own_themes", [])),
        praktijkscan_themes=tuple(st.session_state.get("ps_own_ps_themes", [])),
        factors=tuple(st.session_state.get("ps_own_factors", [])),
        help_levels=tuple(st.session_state.get("ps_own_levels", [])),
    )
    plan = current_plan()
    set_plan(plan.model_copy(update={"own": (*plan.own, entry)}))
    # an empty form for the next entry (the widgets persist their state, so set it, do not drop it)
    st.session_state["ps_own_name"] = ""
    st.session_state["ps_own_age"] = OWN_AGE
    for key in ("ps_own_themes", "ps_own_ps_themes", "ps_own_factors", "ps_own_levels"):
        st.session_state[key] = []


def _remove_own(index: int) -> None:
    plan = current_plan()
    set_plan(plan.model_copy(update={"own": tuple(e for i, e in enumerate(plan.own) if i != index)}))


def _clear_plan() -> None:
    set_plan(Plan())
    st.session_state.pop("ps_preset", None)


def plan_editor(kk: Kenniskaart, plan: Plan) -> None:
    """'Uw plan': a BOTOC municipality's plan, a plan file, catalogue items, practice examples
    and own entries; every change goes through the plan in session state."""
    ivs, exs = kk.by_id("interventions"), kk.by_id("examples")
    themes = {t.id: t.name for t in kk.pmg_themes}
    ps_themes = {t.id: t.name for t in kk.praktijkscan_themes}
    levels = {h.id: h.name for h in kk.help_levels_in_order}
    # The widgets mirror the plan; they differ only when the plan changed elsewhere
    # (preset, uploaded file, a restored werkmap, a visit to another page).
    # Ids the content does not know are left out (the plan's items skip them too).
    for key, value in (
        ("ps_interventions", [i for i in plan.interventions if i in ivs]),
        ("ps_examples", [e for e in plan.examples if e in exs]),
    ):
        if st.session_state.get(key) != value:
            st.session_state[key] = value
    with st.container(border=True):
        st.header("Uw plan")
        c1, c2 = st.columns(2)
        c1.selectbox(
            "Begin met het plan van een BOTOC-gemeente (2020)",
            [None, *botoc_municipalities(kk), ALL_BOTOC],
            format_func=lambda m: "— geen —" if m is None else municipality_label(m),
            key="ps_preset",
            placeholder="Kies…",
            on_change=_load_preset, args=(kk,),
            persist_state="session",
            help="Zet de BOTOC-interventies van die gemeente (praktijkscan, bijlage 2) in het plan, "
            "in plaats van de gekozen praktijkvoorbeelden. Uw eigen interventies blijven staan.",
        )
        c2.file_uploader(
            "Of laad een eerder gedownload plan (.json)", type=["json"], key="ps_upload", on_change=_load_file,
            args=(kk,),
        )
        st.multiselect(
            "Interventies uit de catalogus", list(ivs), format_func=lambda i: ivs[i].name,
            placeholder="Kies…", key="ps_interventions", on_change=_from_widgets,
            select_all=False, wrap=True,
        )
        st.multiselect(
            "Praktijkvoorbeelden",
            list(exs),
            format_func=lambda e: f"{exs[e].code or ''} {exs[e].name} ({exs[e].municipality or 'onbekend'})".strip(),
            placeholder="Kies…", key="ps_examples", on_change=_from_widgets, select_all=False, wrap=True,
        )
        if plan.own:
            st.markdown("**Eigen interventies**")
            for i, entry in enumerate(plan.own):
                a, b = st.columns([5, 1])
                a.markdown(f"- {md(entry.name)} ({plural(len(entry.factors), 'factor', 'factoren')})")
                b.button("Verwijder", key=f"ps-own-rm-{i}", on_click=_remove_own, args=(i,))
        own_form = st.expander("Eigen interventie toevoegen", key="ps_own_open", on_change="rerun")
        if own_form.open:
            with own_form:
                st.text_input("Naam", key="ps_own_name", max_chars=200, persist_state="session")
                # the default lives in session state only: a widget default as well would clash with
                # the reset after adding (Streamlit warns about a value set both ways)
                st.session_state.setdefault("ps_own_age", OWN_AGE)
                st.slider("Leeftijd", *AGE_LIMITS, key="ps_own_age", persist_state="session")
                own_factors, own_label = factor_picker(kk, "planscan")
                st.multiselect(
                    "Factoren die ze aanpakt", own_factors, format_func=own_label,
                    placeholder="Kies of typ een woord…", key="ps_own_factors", persist_state="session",
                    select_all=False, wrap=True, filter_mode="contains",
                    help="Alleen dynamische factoren: statische factoren (geslacht, leeftijd, "
                    "strafrechtelijk verleden) verandert geen interventie. " + FACTOR_PICKER_HELP,
                )
                picker_tip("planscan")
                st.multiselect(
                    "Interventiethema (praktijkscan)", list(ps_themes), format_func=ps_themes.get,
                    placeholder="Kies…", key="ps_own_ps_themes", persist_state="session", select_all=False,
                    help="De factoren die de praktijkscan voor dit thema noemt, tellen mee op themaniveau.",
                )
                st.multiselect(
                    "PmG-thema's", list(themes), format_func=themes.get, placeholder="Kies…",
                    key="ps_own_themes", persist_state="session", select_all=False,
                )
                st.multiselect(
                    "Niveau van hulp", list(levels), format_func=levels.get, placeholder="Kies…",
                    key="ps_own_levels", persist_state="session", select_all=False,
                )
                st.button("Voeg toe aan het plan", on_click=_add_own, key="ps_own_add")
        d1, d2 = st.columns([3, 1])
        d1.download_button(
            "Download dit plan (.json)", lambda: plan_to_json(plan), file_name="plan-kenniskaart.json",
            mime="application/json", on_click="ignore",
            help="Later weer te laden met 'Of laad een eerder gedownload plan'.",
        )
        d2.button("Maak het plan leeg", key="ps_clear", on_click=_clear_plan)
