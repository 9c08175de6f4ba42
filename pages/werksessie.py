"""Werksessie: a live room in which a workshop builds its municipality's risk profile together.

Without parameters: join with a code, or start a room. ``?code=…``: a participant (``&deelnemer=``
carries their own token, so a reload continues). ``?code=…&beheer=…``: the facilitator's live
view and controls. Rooms and answers live in the database of ``kenniskaart.werksessie``.
"""

import streamlit as st

from kenniskaart.ui import get_content
from kenniskaart.ui import plan_van_aanpak as pva
from kenniskaart.ui import werksessie as ws
from kenniskaart.ui import werksessie_form as wf
from kenniskaart.ui import werksessie_views as wv
from kenniskaart.ui.links import page_ref
from kenniskaart.ui.pages import AANBEVELER, PLANSCAN
from kenniskaart.ui.state import PLANSCAN_WIDGETS, reset_widgets, set_plan, set_presentation
from kenniskaart.ui.text import md
from kenniskaart.werksessie import (
    ORG_TYPES,
    NotAllowed,
    RoomClosed,
    RoomExpired,
    RoomNotFound,
    Store,
    export_csv,
    export_xlsx,
    fit_title,
    to_plan,
)
from kenniskaart.werksessie.room import DEFAULT_AGE_MAX, DEFAULT_AGE_MIN

kk = get_content()
st.title("Werksessie")


def start(store: Store) -> None:
    st.write(
        "Bouw in een workshop samen het risicoprofiel van uw gemeente. Deelnemers geven op hun telefoon "
        "aan welke risico's zij zien, vullen de Samen Weerbaar-scan in en zeggen wat hun organisatie al doet; "
        "de begeleider ziet het resultaat live en maakt er met één klik een profiel voor de Aanbeveler en "
        "een plan voor de Planscan van."
    )
    join, host = st.columns(2)
    with join, st.container(border=True):
        st.subheader("Meedoen")
        with st.form("ws_join_code", border=False):
            code = st.text_input("Sessiecode", max_chars=7, placeholder="bijv. ABC234")
            if st.form_submit_button("Meedoen", type="primary"):
                with ws.guard():
                    room = store.get_room(code)
                    ws.go_to(ws.room_address(room.code))
    with host, st.container(border=True):
        st.subheader("Nieuwe werksessie")
        with st.form("ws_new", border=False):
            title = st.text_input("Titel", max_chars=300, placeholder="bijv. Werksessie Zuidstad, 12 maart")
            ages = st.slider("Leeftijd van de jongeren (voor het profiel)", 4, 30, (DEFAULT_AGE_MIN, DEFAULT_AGE_MAX))
            if st.form_submit_button("Start een werksessie", type="primary"):
                with ws.guard():
                    title, notice = fit_title(title)
                    room, token = store.create_room(title, *ages)
                    if notice:
                        st.session_state["ws_title_notice"] = notice
                    ws.forget_room()
                    st.session_state[ws.FACILITATOR_KEY] = (room.code, token)
                    ws.go_to(ws.room_address(room.code, facilitator=token))
    st.caption(
        "Bewaard worden alleen de sessie (titel, leeftijd, code) en per deelnemer de soort organisatie en de "
        f"antwoorden: geen namen, e-mailadressen of IP-adressen. Een sessie verloopt na {store.ttl_days:g} "
        f"{'dag' if store.ttl_days == 1 else 'dagen'}; de begeleider kan haar eerder sluiten of verwijderen."
    )


def _to_aanbeveler(store: Store, room) -> None:
    if wv.adopt_room_profile(kk, store, room):
        st.switch_page(page_ref(AANBEVELER))


def _to_planscan(store: Store, code: str) -> None:
    plan = to_plan(kk, wv.room_summary(kk, store, code))
    if not plan.interventions and not plan.own:
        st.warning("Niemand heeft nog ingevuld wat de organisatie al doet: er is nog geen plan te maken.")
        return
    set_plan(plan)
    reset_widgets(PLANSCAN_WIDGETS)  # the Planscan starts again from the new plan
    st.switch_page(page_ref(PLANSCAN))


def _present() -> None:
    st.session_state["p_step"] = 0  # the presentation starts at the room (its first step when a room runs)
    # the projector's address never carries the token (the session has it)
    st.query_params.pop(ws.FACILITATOR_PARAM, None)
    set_presentation(True)


def facilitator(store: Store, code: str, token: str) -> None:
    room = store.get_room(code)
    if not store.is_facilitator(room.code, token):
        raise NotAllowed("Deze begeleiderslink klopt niet. Vraag de begeleider om de juiste link, "
                         "of doe mee met de code.")
    state = ("open tot " + ws.local_time(room.expires_at, "%d-%m-%Y %H:%M")) if room.is_open() else "gesloten"
    notice = st.session_state.pop("ws_title_notice", None)
    if notice:
        st.warning(ws.plain(notice), icon=":material/content_cut:")
    st.subheader(ws.plain(room.title))
    st.caption(f"Sessie {md(room.code)} · {state}")
    if room.is_open():
        join, live = st.columns([1, 2.6])
        with join:
            ws.join_box(room.code)
        with live:
            wv.live_view(kk, room.code, True)
    else:
        st.info(md(str(RoomClosed())) + " De resultaten blijven hier te zien.", icon=":material/lock:")
        wv.live_view(kk, room.code, False)
    ws.facilitator_box(room.code, token)
    st.button("Live op de beamer (presentatiemodus)", icon=":material/co_present:", on_click=_present,
              key="ws_present", help="Grote letters, geen zijbalk: code, QR-code en de top van de zaal.")

    st.subheader("Van de zaal naar de kenniskaart")
    st.caption(
        "Het profiel gaat naar de Aanbeveler (de aangevinkte risico's en de indicatoren van de scan die naar "
        "risicovol neigen; wat naar beschermend neigt als kracht; leeftijd: het midden van het gekozen "
        "bereik), het plan naar de Planscan (wat de organisaties al doen). Beide staan daarmee ook in uw "
        "werkmap (pagina Shortlist): bewaar die om later verder te gaan. Het plan vervangt het plan dat "
        "u in deze browser al had."
    )
    ages = st.slider("Leeftijd van de jongeren voor het profiel", 4, 30, (room.age_min, room.age_max),
                     key=f"ws_ages_{room.code}")
    if ages != (room.age_min, room.age_max):
        room = store.set_ages(room.code, token, *ages)
    with st.container(horizontal=True):
        if st.button("Maak Aanbeveler-profiel", icon=":material/recommend:", type="primary", key="ws_to_profile"):
            with ws.guard():
                _to_aanbeveler(store, room)
        if st.button("Maak Planscan-plan", icon=":material/fact_check:", key="ws_to_plan"):
            with ws.guard():
                _to_planscan(store, room.code)
        if st.button(pva.LINK_LABEL, icon=":material/description:", key="ws_to_pva"):
            with ws.guard():
                pva.open_from_room(kk, room, wv.room_summary(kk, store, room.code))
        st.download_button("Download CSV", lambda: export_csv(kk, wv.room_summary(kk, store, room.code), room),
                           file_name=f"werksessie-{room.code}.csv", mime="text/csv", on_click="ignore",
                           icon=":material/download:")
        st.download_button("Download Excel", lambda: export_xlsx(kk, wv.room_summary(kk, store, room.code), room),
                           file_name=f"werksessie-{room.code}.xlsx", on_click="ignore", icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    st.subheader("Sessie beheren")
    ws.manage(store, room, token)


def participant(store: Store, code: str, token: str | None) -> None:
    room = store.get_room(code)
    st.subheader(ws.plain(room.title))
    org, answer = None, None
    if token:
        try:
            org, answer = store.participant(room.code, token)
        except NotAllowed as exc:
            st.session_state.pop(ws.PARTICIPANT_KEY, None)
            st.error(md(str(exc)), icon=":material/error:")
            if st.button("Opnieuw meedoen", key="ws_rejoin"):
                ws.go_to(ws.room_address(room.code))
            return
    if not room.is_open():
        st.info(md(str(RoomClosed())) + (" Uw antwoord is bewaard." if answer else ""), icon=":material/lock:")
        return
    if not token:
        st.write("Geef anoniem aan wat u ziet in uw gemeente. U hoeft geen naam in te vullen.")
        choice = st.radio("Uw soort organisatie", list(ORG_TYPES), format_func=ORG_TYPES.get, index=None,
                          key="ws_join_org")
        if st.button("Doe mee", type="primary", disabled=choice is None, key="ws_join", width="stretch"):
            new_token = store.join(room.code, choice)
            st.session_state[ws.PARTICIPANT_KEY] = (room.code, new_token)
            ws.go_to(ws.room_address(room.code, participant=new_token))
        return
    st.caption("Het adres van deze pagina is uw persoonlijke link: herlaadt u de pagina of komt u later terug "
               "via dezelfde link, dan staat uw antwoord er nog.")
    wf.answer_form(kk, room.code, token, org, answer)


store = ws.storage_ok()
if st.session_state.pop("ws_deleted", False):
    st.success("De sessie en alle antwoorden zijn verwijderd.")
if store is not None:
    code, beheer, deelnemer = ws.room_params()
    if not code:
        start(store)
    else:
        error = ws.guarded(facilitator if beheer else participant, store, code, beheer or deelnemer)
        if isinstance(error, (RoomNotFound, RoomExpired, NotAllowed)):
            ws.forget_room()  # a room that is gone or a link that is wrong: not remembered
        if error is not None and st.button("Naar de startpagina van de werksessie", key="ws_home"):
            ws.forget_room()
            ws.go_to()
