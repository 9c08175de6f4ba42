"""The Werksessie's views: the facilitator's live view, also the presentation's step (token-free:
the projector's address and page never carry the facilitator token). The participant's form is
``ui.werksessie_form``; storage access, links and guards are in ``ui.werksessie``."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

import streamlit as st

from .. import charts
from ..content import Kenniskaart
from ..werksessie import Store, summarise, to_profile
from ..werksessie import view as room_view
from ..werksessie.room import RoomSummary
from ..werksessie.scan import indicators
from .state import AANBEVELER_WIDGETS, PROFILE_KEY, reset_widgets
from .text import md
from .werksessie import FACILITATOR_KEY, REFRESH_SECONDS, get_store, guard, join_box, local_time, plain, room_address

log = logging.getLogger(__name__)


def room_summary(kk: Kenniskaart, store: Store, code: str) -> RoomSummary:
    joined, _ = store.counts(code)
    return summarise(kk, store.answers(code), joined)


def adopt_room_profile(kk: Kenniskaart, store: Store, room) -> bool:
    """The room's profile (``werksessie.to_profile``, its age range) becomes the session's and
    the Aanbeveler starts again from it; False, with a Dutch warning, when there is none yet."""
    profile = to_profile(kk, room_summary(kk, store, room.code), room.age_min, room.age_max)
    if not profile.risk_factors and not profile.protective_factors:
        st.warning("Er zijn nog geen risico's aangevinkt en de scan neigt nergens heen: "
                   "er is nog geen profiel te maken.")
        return False
    st.session_state[PROFILE_KEY] = profile
    reset_widgets(AANBEVELER_WIDGETS)  # the Aanbeveler starts again from the new profile
    return True


LEGEND_SIZE = {True: "max(24px, 2.8vh)", False: "0.9rem"}
"""The charts' legends: the presentation's text size on the projector."""
LIVE_VIEWS = ("Top van de zaal", "Per organisatie", "Samen Weerbaar-scan")
"""What the projector shows at once (the presentation step switches between them)."""


def _lines(title: str, lines: list[str], key: str) -> None:
    """A bold title and a numbered list of plain-text lines (the room's words escaped by md())."""
    if lines:
        with st.container(key=key):
            st.markdown(f"**{title}**")
            st.markdown("\n".join(f"{i}. {plain(line)}" for i, line in enumerate(lines, 1)))


def _scan_charts(kk: Kenniskaart, summary: RoomSummary, presenting: bool) -> None:
    """The scan's distribution per indicator: gezin and gemeenschap side by side."""
    data = room_view.scan_frame(kk, summary)
    if data.empty:
        st.info("Nog niemand heeft de Samen Weerbaar-scan ingevuld.")
        return
    font, step = (20, 25) if presenting else (14, 24)
    levels = {ind.name: ind.level for ind in indicators(kk)}
    # "p-chart": the presentation zooms it on a taller projector (presentatie.py's stylesheet)
    with st.container(key="p-chart" if presenting else "ws-scan"):
        _scan_columns(kk, data, levels, font, step, presenting)


def _scan_columns(kk: Kenniskaart, data, levels: Mapping[str, str], font: int, step: int, presenting: bool) -> None:
    """Gezin and gemeenschap with one legend: side by side on the projector (the legend under the
    five family rows), one under the other on the page, the legend above (the column is narrow)."""
    if not presenting:
        st.html(room_view.legend_html(room_view.scan_legend(), LEGEND_SIZE[presenting]))
    cols = st.columns([1, 1.35], gap="medium") if presenting else [st.container(), st.container()]
    for col, level, title in zip(cols, ("gezin", "gemeenschap"), ("Gezin", "Buurt en gemeenschap"), strict=True):
        part = data[data["indicator"].map(levels) == level]
        with col, st.container(key=f"ws-scan-{level}"):
            st.markdown(f"**{title}**")
            if part.empty:
                st.caption("Nog geen antwoorden.")
            else:
                chart = charts.scan_chart(part, room_view.scan_order(kk), room_view.scan_legend(), font=font, step=step)
                st.altair_chart(chart, width="stretch",
                                alt=f"Staafdiagram Samen Weerbaar-scan, {title.lower()}: per indicator hoeveel "
                                "deelnemers beschermend tot risicovol kozen. Dezelfde cijfers staan in de download.")
            if presenting and level == "gezin":  # under the five family rows there is room for it
                st.html(room_view.legend_html(room_view.scan_legend(), LEGEND_SIZE[presenting]))


def _live(kk: Kenniskaart, code: str, presenting: bool = False, view: str | None = None) -> None:
    with guard():
        summary = room_summary(kk, get_store(), code)
        updated = local_time(dt.datetime.now(dt.UTC), "%H:%M:%S")
        if presenting:  # one line instead of two cards: the slide has room for the top five
            with st.container(key="ws-counts"):
                st.markdown(f"**{summary.joined}** aangemeld · **{summary.answered}** "
                            f"{'antwoord' if summary.answered == 1 else 'antwoorden'} · bijgewerkt om {updated}")
        else:
            with st.container(horizontal=True, key="ws-counts"):
                st.metric("Aangemeld", summary.joined, border=True)
                st.metric("Antwoorden", summary.answered, border=True)
            st.caption(f"Bijgewerkt om {updated}; elke {REFRESH_SECONDS} seconden opnieuw."
                       + (f" Per organisatie: {room_view.org_lines(summary)}." if summary.orgs else ""))
        if not summary.answered:
            st.info("Nog geen antwoorden. Zodra deelnemers opslaan, verschijnen ze hier.")
            return
        if view in (None, LIVE_VIEWS[0]):
            _lines("De risico’s van de zaal (eerst top 3-stemmen, dan aangevinkt)",
                   room_view.top_lines(kk, summary, limit=36 if presenting else 70), "ws-top")
            doing = room_view.doing_lines(kk, summary, 2 if presenting else 8)
            lean = room_view.scan_lines(kk, summary, 2 if presenting else None)
            if presenting:  # one line each: the slide keeps the button in view at 1280×720
                with st.container(key="ws-doing"):
                    st.markdown("**Wat doen we al:** " + (plain(" · ".join(doing)) if doing else "nog niets ingevuld"))
            else:
                _lines("Wat doen we al", doing, "ws-doing")
            if lean:
                with st.container(key="ws-lean"):
                    st.markdown("**Samen Weerbaar-scan:** " + md(" · ".join(lean)))
        if view in (None, LIVE_VIEWS[1]):
            if not presenting:
                st.markdown("**Aangevinkt, per soort organisatie**")
            frame = room_view.votes_frame(kk, summary, 5 if presenting else room_view.CHART_FACTORS)
            with st.container(key="p-chart" if presenting else "ws-votes"):
                st.html(room_view.legend_html(room_view.org_legend(frame), LEGEND_SIZE[presenting]))
                st.altair_chart(
                    charts.votes_chart(frame, room_view.org_legend(frame), font=20 if presenting else 15,
                                       step=34 if presenting else None),
                    width="stretch", alt="Staafdiagram: hoe vaak elke factor is aangevinkt, per soort organisatie. "
                    "Dezelfde cijfers staan in de tabel op de pagina Werksessie.")
        if view in (None, LIVE_VIEWS[2]):
            if not presenting:
                st.markdown("**Samen Weerbaar-scan: van beschermend (groen) naar risicovol (rood)**")
            _scan_charts(kk, summary, presenting)
        if not presenting:
            with st.expander("Als tabel (alle aangevinkte risico’s)"):
                st.dataframe(room_view.votes_table(kk, summary), hide_index=True)


_live_refreshing = st.fragment(_live, run_every=REFRESH_SECONDS)
_live_still = st.fragment(_live)


def live_view(kk: Kenniskaart, code: str, open_room: bool, presenting: bool = False, view: str | None = None) -> None:
    """Counts, the room's risks, what it already does, the charts and the scan (``view``: one of
    ``LIVE_VIEWS``, None for all); refreshed every few seconds while the room is open, without
    rerunning the rest of the page."""
    (_live_refreshing if open_room else _live_still)(kk, code, presenting, view)


def presentation_room() -> tuple[str, str] | None:
    """(code, facilitator token) of the room this browser runs, for the presentation step."""
    room = st.session_state.get(FACILITATOR_KEY)
    return tuple(room) if room else None


PROJECTOR_CSS = """<style>
.st-key-ws-join [data-testid=stImage] img { width: min(100%, 27vh) !important; height: auto !important; }
.st-key-ws-join h2 { font-size: max(60px, 8vh) !important; letter-spacing: 0.06em; line-height: 1.1 !important; }
.st-key-ws-join [data-testid=stCode] code, .st-key-ws-join [data-testid=stCode] pre {
    font-size: max(24px, 2.8vh) !important; line-height: 1.3 !important; white-space: pre-wrap !important;
    word-break: break-all !important; }
</style>"""
"""Fixed stylesheet (no content): the code and join link large enough to read from the back."""


def presentation_step(kk: Kenniskaart, head, next_step) -> None:
    """The presentation's Werksessie step (1280×720 and up): code, QR code and join link beside
    the room's risks and what it already does, its chart per organisation or the scan (a switch
    in the step's title row), and one click to make the room's profile that of the next steps.
    The facilitator token stays in this browser's session: never in the address or the page.
    ``next_step``: callback that moves to the next step."""
    room_ref = presentation_room()
    if room_ref is None:  # pragma: no cover - the step is only offered while a room runs
        st.info("Geen werksessie in deze browser: start er een op de pagina Werksessie.")
        return
    code, token = room_ref
    st.html(PROJECTOR_CSS)
    view = head.segmented_control("Weergave", list(LIVE_VIEWS), default=LIVE_VIEWS[0], key="p_ws_view",
                                  required=True, label_visibility="collapsed")

    def make_profile() -> None:
        with guard():
            store = get_store()
            if adopt_room_profile(kk, store, store.get_room(code)):
                next_step()

    with guard():
        store = get_store()
        room = store.get_room(code)
        if not store.is_facilitator(room.code, token):
            st.error("Deze browser is niet de begeleider van deze werksessie.")
            return
        wide = view == LIVE_VIEWS[2] or not room.is_open()  # the scan's two charts take the width
        left, right = (None, st.container()) if wide else st.columns([1, 2.2], gap="large")
        if left is not None:
            with left:
                join_box(room.code, presenting=True)
        with right:
            if not room.is_open():
                st.info("De sessie is gesloten.", icon=":material/lock:")
            live_view(kk, room.code, room.is_open(), presenting=True, view=view)
            st.button("Maak hiervan het profiel", icon=":material/arrow_forward:", type="primary",
                      on_click=make_profile, key="p_ws_profile",
                      help="De aangevinkte risico's en de indicatoren die naar risicovol neigen worden het "
                      "profiel van de volgende stappen; wat naar beschermend neigt, wordt een kracht.")


def leave_presentation() -> dict[str, str] | None:
    """Where 'Presentatie verlaten' goes while a room runs in this browser: the room's page, its
    address without the token (the session knows it: ``ui.werksessie.room_params``), else None."""
    room = presentation_room()
    return room_address(room[0]) if room else None
