"""Plan van aanpak: the plan the CCV asks for (les 1, seed 001), assembled from the profile,
the Aanbeveler's result, the Planscan's plan and its coverage, with the fields only the
municipality knows; downloadable as Word and as a printable page.

The fields live in session state (``ui.plan_van_aanpak.current_inputs``): leaving the page
and coming back loses nothing; they are saved in the werkmap too.
"""

import streamlit as st

from kenniskaart.ui import get_content
from kenniskaart.ui import plan_van_aanpak as pva
from kenniskaart.ui import plan_van_aanpak_views as views
from kenniskaart.ui.links import page_links, share_box, share_params
from kenniskaart.ui.pages import AANBEVELER, PLAN_VAN_AANPAK, PLANSCAN

kk = get_content()
st.title("Plan van aanpak")
st.write(
    "Het plan van aanpak zoals het CCV het vraagt: afbakening en wegingskader, probleemanalyse, onderbouwde "
    "keuzes voor interventies en de professionals die nodig zijn, de sporen, de samenwerkingspartners, de "
    "dekking uit de Planscan en de borging. De kenniskaart vult in wat zij al weet uit uw profiel, het pakket "
    "van de Aanbeveler en het plan in de Planscan; wat alleen de gemeente weet, vult u zelf in. Download het "
    "plan als Word-bestand om het verder te bewerken."
)
page_links((AANBEVELER, "Profiel aanpassen (Aanbeveler)"), (PLANSCAN, "Interventies in het plan aanpassen (Planscan)"),
           horizontal=True)
doc = pva.plan_page(kk)
st.divider()
views.downloads(doc)
# the link carries the profile and the shortlist; the plan's own fields are in the werkmap
share_box(PLAN_VAN_AANPAK, share_params())
