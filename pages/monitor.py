"""Nulmeting en monitor (CCV les 4, seed 001; Samen Weerbaar aanbeveling 5, seed 004): indicators
for the plan's factors and items, a nulmeting, measurements over time, a chart per indicator and
the bijsturen list. The monitor is kept in session state and in the werkmap; the plan van aanpak
shows the same figures in its monitoring section."""

import streamlit as st

from kenniskaart.ui import get_content
from kenniskaart.ui import monitor as ui
from kenniskaart.ui.links import page_links
from kenniskaart.ui.pages import PLAN_VAN_AANPAK, PLANSCAN
from kenniskaart.ui.state import current_monitor
from kenniskaart.ui.werkmap import werkmap_box

kk = get_content()
st.title("Nulmeting en monitor")
st.write(
    "Een nulmeting is een foto van de huidige situatie: het startpunt om verandering te kunnen meten, en "
    "hij wordt dikwijls vergeten (CCV, les 4). Kies indicatoren bij de factoren en planonderdelen van uw "
    "plan, vul de nulmeting, het doel en de geplande metingen in en voeg later metingen toe. De lijst "
    "'Bijsturen' laat zien waar het plan de verkeerde kant op gaat, welke meting te laat is en welk "
    "planonderdeel nog geen indicator heeft. Samen Weerbaar (aanbeveling 5) vraagt ook oog voor "
    "onbedoelde of averechtse effecten."
)
page_links((PLAN_VAN_AANPAK, "Naar het plan van aanpak"), (PLANSCAN, "Planonderdelen aanpassen (Planscan)"),
           horizontal=True)

st.header("Indicatoren kiezen", anchor=False)
ui.suggestions(kk)

st.header("Nulmeting en metingen", anchor=False)
state = current_monitor()
if not state.tracked:
    st.caption("Nog geen indicatoren gevolgd: kies er hierboven een.")
for tracked in state.tracked:
    ui.tracked_panel(kk, tracked)

st.header("Bijsturen", anchor=False)
ui.steer_list(kk)

st.header("Overzicht en download", anchor=False)
ui.overview(kk)

st.divider()
werkmap_box(kk)  # the measurements travel in the werkmap file
