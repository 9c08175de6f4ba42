"""The Werksessie's views: the facilitator's live view (also a presentation step) and the
participant's answer form. Storage access, links and guards are in ``ui.werksessie``."""

from __future__ import annotations

import datetime as dt
import logging

import streamlit as st

from .. import present_werksessie as pw
from ..catalog import factor_option_label
from ..content import Kenniskaart, content_dir
from ..werksessie import ORG_TYPES, Answer, Store, summarise, validate_answer
from ..werksessie.room import MAX_DOING, MAX_OWN, MAX_OWN_CHARS, MAX_TOP, RoomSummary
from .text import md
from .widgets import factor_pickers

log = logging.getLogger(__name__)

from .werksessie import FACILITATOR_KEY, REFRESH_SECONDS, get_store, guard, join_box, local_time


def room_summary(kk: Kenniskaart, store: Store, code: str) -> RoomSummary:
    joined, _ = store.counts(code)
    return summarise(kk, store.answers(code), joined)


LIVE_VIEWS = ("Top van de zaal", "Per organisatie")
"""What the projector shows at once (the presentation step switches between them)."""


def _live(kk: Kenniskaart, code: str, presenting: bool = False, view: str | None = None) -> None:
    with guard():
        summary = room_summary(kk, get_store(), code)
        updated = local_time(dt.datetime.now(dt.timezone.utc), "%H:%M:%S")
        if presenting:  # one line instead of two cards: the slide has room for the top five
            with st.container(key="ws-counts"):
                st.markdown(f"**{summary.joined}** aangemeld · **{summary.answered}** "
                            f"{'antwoord' if summary.answered == 1 else 'antwoorden'} · bijgewerkt om {updated}")
        else:
            with st.container(horizontal=True, key="ws-counts"):
                st.metric("Aangemeld", summary.joined, border=True)
                st.metric("Antwoorden", summary.answered, border=True)
            st.caption(f"Bijgewerkt om {updated}; elke {REFRESH_SECONDS} seconden opnieuw."
                       + (f" Per organisatie: {pw.org_lines(summary)}." if summary.orgs else ""))
        if not summary.answered:
            st.info("Nog geen antwoorden. Zodra deelnemers opslaan, verschijnen ze hier.")
            return
        if view != LIVE_VIEWS[1]:
            with st.container(key="ws-top"):
                st.markdown("**De top van de zaal** (meeste stemmen in een top 3, dan meest aangevinkt)")
                st.markdown("\n".join(f"{i}. {md(line)}" for i, line in enumerate(pw.top_lines(kk, summary), 1)))
        if view != LIVE_VIEWS[0]:
            st.markdown("**Aangevinkt, per soort organisatie**")
            st.altair_chart(
                pw.votes_chart(pw.votes_frame(kk, summary, 6 if presenting else pw.CHART_FACTORS),
                               font=24 if presenting else 15),  # presenting: the presentation's 24 px
                width="stretch", alt="Staafdiagram: hoe vaak elke factor is aangevinkt, per soort organisatie. "
                "Dezelfde cijfers staan in de tabel op de pagina Werksessie.")
        if not presenting:
            with st.expander("Als tabel (alle aangevinkte factoren)"):
                st.dataframe(pw.votes_table(kk, summary), hide_index=True)


_live_refreshing = st.fragment(_live, run_every=REFRESH_SECONDS)
_live_still = st.fragment(_live)


def live_view(kk: Kenniskaart, code: str, open_room: bool, presenting: bool = False, view: str | None = None) -> None:
    """Counts, top factors and the chart (``view``: one of ``LIVE_VIEWS``, None for both); refreshed
    every few seconds while the room is open, without rerunning the rest of the page."""
    (_live_refreshing if open_room else _live_still)(kk, code, presenting, view)


def presentation_room() -> tuple[str, str] | None:
    """(code, facilitator token) of the room this browser runs, for the presentation step."""
    room = st.session_state.get(FACILITATOR_KEY)
    return tuple(room) if room else None


def _prefill(kk: Kenniskaart, token: str, org: str, answer: Answer | None, featured: list[str]) -> None:
    """Put the saved answer into the form once per participant token (a reload continues)."""
    if st.session_state.get("ws_form_token") == token:
        return
    st.session_state["ws_form_token"] = token
    factors = list(answer.factors) if answer else []
    st.session_state["ws_org"] = answer.org_type if answer else org
    st.session_state["ws_feat"] = [f for f in factors if f in featured]
    st.session_state["ws_other"] = [f for f in factors if f not in featured]
    st.session_state["ws_top"] = list(answer.top) if answer else []
    st.session_state["ws_doing"] = list(answer.doing) if answer else []
    st.session_state["ws_own"] = "\n".join(answer.own) if answer else ""
    st.session_state["ws_saved"] = answer.updated_at if answer else None


@st.cache_resource(show_spinner=False)
def _factor_lists_of(content: str, _kk: Kenniskaart) -> tuple[list[str], list[str]]:
    del content  # the cache key: one entry per content folder
    featured = pw.featured_factors(_kk)
    return featured, pw.other_factors(_kk, featured)


def _factor_lists(kk: Kenniskaart) -> tuple[list[str], list[str]]:
    """(shown first, the rest), built once per process (read-only): the form reruns often."""
    return _factor_lists_of(str(content_dir()), kk)


@st.fragment
def answer_form(kk: Kenniskaart, code: str, token: str, org: str, answer: Answer | None) -> None:
    """The participant's form. Changes rerun only this; 'Opslaan' saves (or replaces) the answer."""
    factors = kk.by_id("factors")
    ivs = kk.by_id("interventions")
    featured, others = _factor_lists(kk)
    labels = factor_pickers(kk)[1]  # the Aanbeveler's picker labels with everyday words, built once
    _prefill(kk, token, org, answer, featured)

    st.radio("1. Uw soort organisatie", list(ORG_TYPES), format_func=ORG_TYPES.get, key="ws_org", horizontal=True)
    st.markdown("**2. Welke factoren ziet u bij jongeren in uw gemeente?**")
    st.caption("Eerst de gefundeerde risicofactoren (Beke) en de factoren waar de meeste interventies op "
               "ingrijpen. Tik om aan te vinken; de rest vindt u via het zoekvak eronder.")
    st.pills("Veelgenoemde factoren", featured, selection_mode="multi", format_func=lambda f: pw.short_factor(factors[f].name),
             key="ws_feat", label_visibility="collapsed", width="stretch")
    st.multiselect(
        "Andere factoren: typ om te zoeken", others,
        format_func=lambda f: labels.get(f) or factor_option_label(kk, factors[f]),
        key="ws_other", placeholder="Typ een woord, zoals spijbelen, schulden of ouders…",
        filter_mode="contains", select_all=False, wrap=True,
    )
    marked = [*st.session_state.get("ws_feat", []), *st.session_state.get("ws_other", [])]
    # the top three comes from the marked factors: drop what is no longer marked
    st.session_state["ws_top"] = [f for f in st.session_state.get("ws_top", []) if f in marked][:MAX_TOP]
    st.multiselect(
        "3. Uw top 3: waar moet als eerste iets gebeuren?", marked, format_func=lambda f: pw.short_factor(factors[f].name),
        key="ws_top", max_selections=MAX_TOP, placeholder="Kies uit de aangevinkte factoren…",
        select_all=False, wrap=True, disabled=not marked,
    )
    st.markdown("**4. Wat doet uw organisatie al?** (mag leeg blijven)")
    st.multiselect(
        "Interventies uit de kenniskaart", list(ivs), format_func=lambda i: ivs[i].name, key="ws_doing",
        max_selections=MAX_DOING, placeholder="Typ een naam…", filter_mode="contains", select_all=False, wrap=True,
    )
    st.text_area(f"Eigen aanpak: één per regel (hoogstens {MAX_OWN}, elk {MAX_OWN_CHARS} tekens)", key="ws_own",
                 max_chars=MAX_OWN * (MAX_OWN_CHARS + 1), height=100,
                 placeholder="Geen namen van personen: alleen wat uw organisatie doet.")
    if st.button("Opslaan", type="primary", icon=":material/save:", key="ws_save", width="stretch"):
        with guard():
            checked = validate_answer(
                kk, st.session_state["ws_org"], marked, st.session_state["ws_top"], st.session_state["ws_doing"],
                [line for line in st.session_state.get("ws_own", "").splitlines() if line.strip()],
            )
            saved = get_store().save_answer(code, token, checked)
            st.session_state["ws_saved"] = saved.updated_at
            st.session_state["ws_just_saved"] = True
    saved_at = st.session_state.get("ws_saved")
    if saved_at is not None:
        message = (f"Opgeslagen om {local_time(saved_at)}. U kunt uw antwoord wijzigen en opnieuw opslaan; "
                   "het vervangt uw vorige antwoord.")
        (st.success if st.session_state.pop("ws_just_saved", False) else st.info)(message, icon=":material/check:")


def presentation_step(kk: Kenniskaart, head, next_step) -> None:
    """The presentation's Werksessie step (1280×720): code and QR code beside the live top of the
    room or its chart (a switch in the step's title row), and one click to make the room's top
    factors the profile of the next steps. ``next_step``: callback that moves to the next step."""
    from ..werksessie import to_profile
    from .state import AANBEVELER_WIDGETS, PROFILE_KEY, reset_widgets

    room_ref = presentation_room()
    if room_ref is None:  # pragma: no cover - the step is only offered while a room runs
        st.info("Geen werksessie in deze browser: start er een op de pagina Werksessie.")
        return
    code, token = room_ref
    view = head.segmented_control("Weergave", list(LIVE_VIEWS), default=LIVE_VIEWS[0], key="p_ws_view",
                                  required=True, label_visibility="collapsed")

    def make_profile() -> None:
        with guard():
            store = get_store()
            room = store.get_room(code)
            profile = to_profile(kk, room_summary(kk, store, room.code), room.age_min, room.age_max)
            if profile.risk_factors or profile.protective_factors:
                st.session_state[PROFILE_KEY] = profile
                reset_widgets(AANBEVELER_WIDGETS)  # the Aanbeveler starts again from the new profile
                next_step()
            else:
                st.warning("Er zijn nog geen factoren aangevinkt: er is nog geen profiel te maken.")

    with guard():
        store = get_store()
        room = store.get_room(code)
        if not store.is_facilitator(room.code, token):
            st.error("Deze browser is niet de begeleider van deze werksessie.")
            return
        left, right = st.columns([1, 2.3], gap="large")
        with left:
            if room.is_open():
                join_box(room.code, presenting=True)
            else:
                st.info("De sessie is gesloten.", icon=":material/lock:")
        with right:
            live_view(kk, room.code, room.is_open(), presenting=True, view=view)
            st.button("Maak hiervan het profiel", icon=":material/arrow_forward:", type="primary",
                      on_click=make_profile, key="p_ws_profile",
                      help="De top 5 van de zaal wordt het profiel van de volgende stappen.")
