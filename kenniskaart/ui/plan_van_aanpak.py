"""The plan van aanpak's Streamlit layer: the municipality's fields (kept in session state, so
navigation loses nothing), the page, and the one-click ways in from the Werksessie, the
Aanbeveler and the Planscan. The plan is assembled by ``kenniskaart.plan_van_aanpak`` (pure) and
rendered by ``ui.plan_van_aanpak_views``."""

from __future__ import annotations

import datetime as dt
from typing import cast

import streamlit as st

from ..aanbeveler import Result
from ..content import Kenniskaart
from ..plan_van_aanpak import (
    PlanDocument,
    PlanInputs,
    assemble,
    default_partners,
    default_weighing,
    plan_ages,
)
from ..plan_van_aanpak.handoff import inputs_from_room, with_package
from ..plan_van_aanpak.model import MAX_TEXT
from ..planscan import items_of
from ..werksessie import to_plan, to_profile
from . import plan_van_aanpak_views as views
from . import recommended
from .links import page_ref
from .pages import MONITOR, PLAN_VAN_AANPAK
from .state import (
    AANBEVELER_WIDGETS,
    PLANSCAN_WIDGETS,
    PROFILE_KEY,
    current_monitor,
    current_plan,
    current_profile,
    reset_widgets,
    set_plan,
)
from .text import md

INPUTS_KEY = "plan_van_aanpak"
"""Session-state key of the municipality's fields (a ``PlanInputs``)."""
WIDGETS = "pva_"
"""Key prefix of the page's widget state (dropped when the user leaves the page)."""
LINK_LABEL = "Maak een plan van aanpak"
DEFAULT_AGES = (12, 18)


def current_inputs() -> PlanInputs:
    inputs = st.session_state.get(INPUTS_KEY)
    return inputs if isinstance(inputs, PlanInputs) else PlanInputs()


def set_inputs(inputs: PlanInputs) -> None:
    """Replace the municipality's fields (the page's widgets follow them on the next entry)."""
    st.session_state[INPUTS_KEY] = inputs
    reset_widgets(WIDGETS)


# --- the ways in -------------------------------------------------------------------------


def plan_link() -> None:
    """A link to the plan (the Planscan's plan is already the session's plan)."""
    st.page_link(page_ref(PLAN_VAN_AANPAK), label=LINK_LABEL, icon=":material/description:")


def plan_button(result: Result) -> None:
    """The Aanbeveler's button: its package into the plan, then the plan."""
    st.button(LINK_LABEL, icon=":material/description:", key="a_to_pva", on_click=_package_to_plan, args=(result,),
              help="Het pakket gaat in het plan (bij wat er al in stond) en het plan van aanpak opent.")


def _package_to_plan(result: Result) -> None:
    set_plan(with_package(current_plan(), result))
    reset_widgets(PLANSCAN_WIDGETS)
    st.switch_page(page_ref(PLAN_VAN_AANPAK))


def open_from_room(kk: Kenniskaart, room, summary) -> None:
    """The Werksessie's button: the room's profile, what the room already does plus the
    package for that profile as the plan, and the room's votes; then the plan."""
    profile = to_profile(kk, summary, room.age_min, room.age_max)
    if not profile.risk_factors and not profile.protective_factors:
        st.warning("Er zijn nog geen factoren aangevinkt: er is nog geen plan van aanpak te maken.")
        return
    st.session_state[PROFILE_KEY] = profile
    set_plan(with_package(to_plan(kk, summary), recommended(kk, profile)))
    set_inputs(inputs_from_room(current_inputs(), room, summary))
    reset_widgets(AANBEVELER_WIDGETS, PLANSCAN_WIDGETS)
    st.switch_page(page_ref(PLAN_VAN_AANPAK))


# --- the municipality's fields ---------------------------------------------------------------


def _init_widgets(kk: Kenniskaart, inputs: PlanInputs) -> None:
    """On entering the page: the widgets start from the session's fields."""
    if f"{WIDGETS}municipality" in st.session_state:
        return
    lo, hi = plan_ages(inputs, current_profile())
    known = [a for a in (lo, hi) if a is not None]
    ages = (min(known), max(known)) if known else DEFAULT_AGES
    state = st.session_state
    state[f"{WIDGETS}municipality"] = inputs.municipality
    state[f"{WIDGETS}neighbourhoods"] = inputs.neighbourhoods
    state[f"{WIDGETS}has_ages"] = bool(known)  # unknown stays unknown until the user sets it
    state[f"{WIDGETS}ages"] = ages
    state[f"{WIDGETS}analysis"] = [a for a in inputs.analysis if a in kk.by_id("analysis_sources")]
    state[f"{WIDGETS}own_analysis"] = inputs.own_analysis
    state[f"{WIDGETS}safeguarding"] = inputs.safeguarding
    for name in ("weighing", "partners"):
        value = getattr(inputs, name)
        state.pop(f"_{WIDGETS}{name}_default", None)
        if value is not None:
            state[f"{WIDGETS}{name}"] = value
        else:
            state.pop(f"{WIDGETS}{name}", None)


def _prefilled_area(name: str, label: str, default: str, help_text: str) -> str | None:
    """A text area pre-filled with ``default``; while the user has not changed it, it follows
    the default (None = the pre-filled text), else it keeps the user's text."""
    key, last = f"{WIDGETS}{name}", f"_{WIDGETS}{name}_default"
    if key not in st.session_state or st.session_state[key] == st.session_state.get(last):
        st.session_state[key] = default
    st.session_state[last] = default
    value = st.text_area(label, key=key, max_chars=MAX_TEXT, height=180, help=help_text)
    return None if value == default else value


def _edit(section_id: str, kk: Kenniskaart, inputs: PlanInputs) -> PlanInputs:
    """The section's fields that only the municipality knows; returns the inputs with them."""
    result = _result(kk)
    profile = current_profile()
    update: dict = {}
    with st.container(border=True, key=f"pva-edit-{section_id}"):
        st.markdown("**In te vullen door de gemeente**")
        if section_id == "afbakening":
            c1, c2, c3 = st.columns([1, 1.4, 1])
            update["municipality"] = c1.text_input("Gemeente", key=f"{WIDGETS}municipality", max_chars=MAX_TEXT)
            update["neighbourhoods"] = c2.text_input("Wijk of wijken", key=f"{WIDGETS}neighbourhoods",
                                                     max_chars=MAX_TEXT)
            ages: tuple[int | None, int | None] = (None, None)
            if c3.toggle("Leeftijd bekend", key=f"{WIDGETS}has_ages"):
                st.session_state.setdefault(f"{WIDGETS}ages", DEFAULT_AGES)
                # a range: the widget's state holds a (from, to) pair (set in _init_widgets)
                ages = cast(tuple[int, int], c3.slider("Leeftijd van de jongeren", 4, 30, key=f"{WIDGETS}ages"))
            update["age_min"], update["age_max"] = ages
            update["weighing"] = _prefilled_area(
                "weighing", "Wegingskader: voor wie wel, voor wie niet", default_weighing(kk, profile, result, ages),
                "Voorgevuld uit het profiel: de factoren met hun bewijs, de statische kenmerken en het niveau "
                "van hulp. "
                "Pas de tekst aan; 'Terug naar de voorgevulde tekst' zet hem terug.")
        elif section_id == "probleemanalyse":
            sources = kk.by_id("analysis_sources")
            update["analysis"] = tuple(st.multiselect(
                "Gebruikte bronnen (de lijst van het CCV)", list(sources), format_func=lambda a: sources[a].name,
                key=f"{WIDGETS}analysis", placeholder="Kies…", select_all=False, wrap=True))
            update["own_analysis"] = st.text_area("Andere bronnen: één per regel", key=f"{WIDGETS}own_analysis",
                                                  max_chars=MAX_TEXT, height=90)
        elif section_id == "partners":
            update["partners"] = _prefilled_area(
                "partners", "Partners: één per regel, als 'partner: rol'", default_partners(kk, current_plan(), inputs),
                "Voorgevuld met wie de interventies uitvoert en de organisaties uit de werksessie.")
        elif section_id == "borging":
            update["safeguarding"] = st.text_area(
                "Borging, monitoring en evaluatie", key=f"{WIDGETS}safeguarding", max_chars=MAX_TEXT, height=120,
                placeholder="Hoe worden de resultaten geborgd in beleid, wie monitort wat en wanneer?")
        if section_id in ("afbakening", "partners"):
            name = "weighing" if section_id == "afbakening" else "partners"
            st.button("Terug naar de voorgevulde tekst", key=f"{WIDGETS}reset_{name}", on_click=_reset, args=(name,),
                      icon=":material/restart_alt:")
    return PlanInputs.model_validate(inputs.model_dump() | update) if update else inputs


def _reset(name: str) -> None:
    st.session_state.pop(f"{WIDGETS}{name}", None)
    st.session_state[INPUTS_KEY] = current_inputs().model_copy(update={name: None})


EDITABLE = ("afbakening", "probleemanalyse", "partners", "borging")


def _result(kk: Kenniskaart) -> Result | None:
    profile = current_profile()
    if profile is None or not (profile.risk_factors or profile.protective_factors):
        return None
    return recommended(kk, profile)


def plan_page(kk: Kenniskaart) -> PlanDocument:
    """The page body: per section its fields and its part of the assembled plan."""
    inputs = current_inputs()
    _init_widgets(kk, inputs)
    profile, plan = current_profile(), current_plan()
    if profile is None and not (plan.interventions or plan.examples or plan.own):
        st.info("Nog geen profiel en geen plan: maak een profiel in de Aanbeveler of een werksessie, of zet "
                "interventies in de Planscan. Het plan van aanpak vult zich daarmee voor.", icon=":material/info:")
    # per section: what the CCV asks, the fields, then the assembled text; all fields are read
    # before the plan is assembled, so each part is drawn into its section's slots afterwards
    slots = {}
    for section in kk.plan_sections:
        st.header(md(section.title), anchor=False)
        intro = st.container(key=f"pva-intro-{section.id}")
        if section.id in EDITABLE:
            inputs = _edit(section.id, kk, inputs)
        if section.id == "monitor":
            st.page_link(page_ref(MONITOR), label="Nulmeting en monitor invullen", icon=":material/monitoring:")
        slots[section.id] = (intro, st.container(key=f"pva-{section.id}"))
    st.session_state[INPUTS_KEY] = inputs
    doc = assemble(kk, profile, plan, inputs, _result(kk), dt.date.today(), current_monitor())
    for part in doc.sections:
        intro, body = slots[part.id]
        n = sum(1 for b in part.blocks[:2] if getattr(b, "guidance", False))  # 'Wat hoort hierin', 'Bron'
        with intro:
            views.render_blocks(part.blocks[:n], f"pva-intro-{part.id}")
        with body:
            views.render_blocks(part.blocks[n:], f"pva-{part.id}")
    return doc


# --- the presentation step -------------------------------------------------------------------

def has_plan() -> bool:
    """Whether the session has a plan van aanpak to present: items in the plan, or its fields."""
    plan = current_plan()
    return bool(plan.interventions or plan.examples or plan.own) or INPUTS_KEY in st.session_state


def presentation_step(kk: Kenniskaart) -> None:
    """The presentation's last step (``plan_van_aanpak_views.presentation_step``)."""
    doc = assemble(kk, current_profile(), current_plan(), current_inputs(), _result(kk), dt.date.today(),
                   current_monitor())
    views.presentation_step(kk, doc, items_of(kk, current_plan()))
