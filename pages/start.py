"""Start: what the kenniskaart is, for whom, and a route per user type."""

import streamlit as st

from kenniskaart.guidance import of_kind
from kenniskaart.ui import get_content
from kenniskaart.ui.guidance import guidance_card
from kenniskaart.ui.links import page_links
from kenniskaart.ui.pages import AANBEVELER, FACTOREN, INTERVENTIES, LESSEN, PLANSCAN, PRAKTIJKVOORBEELDEN, SHORTLIST
from kenniskaart.ui.text import md

kk = get_content()
counts = kk.counts()

st.title("Kenniskaart Preventie met Gezag")
st.write(
    "Deze kenniskaart helpt gemeenten in Preventie met Gezag (PmG) om jongeren van 8 tot 27 jaar "
    "uit de georganiseerde, ondermijnende criminaliteit te houden. Ze brengt samen wat het onderzoek "
    "weet over risico- en beschermende factoren, welke interventies er zijn en voor wie, wat andere "
    "gemeenten deden en wat zij daarvan leerden. Alles met bronvermelding; waar de bronnen niets "
    "zeggen, staat er 'onbekend'."
)

cols = st.columns(4)
cols[0].metric("Risicofactoren", counts["risk_factors"])
cols[1].metric("Beschermende factoren", counts["protective_factors"])
cols[2].metric("Interventies en aanpakken", counts["interventions"])
cols[3].metric("Praktijkvoorbeelden", counts["examples"])

st.header("Het programma Preventie met Gezag")
for item in of_kind(kk, "programma"):
    guidance_card(kk, item)

st.header("Waar wilt u beginnen?")
WAYS_IN = (
    ("Nieuw in PmG",
     "U bent programmamanager of OOV-adviseur en wilt het veld verkennen. Begin bij de factoren "
     "en thema's, bekijk welke interventies er zijn en leer van andere gemeenten.",
     ((FACTOREN, "Factoren en thema's"), (INTERVENTIES, "Interventies"), (PRAKTIJKVOORBEELDEN, "Praktijkvoorbeelden"),
      (LESSEN, "Lessen uit de praktijk"), (PLANSCAN, "Uw plan scannen op gaten"))),
    ("Workshop begeleiden",
     "U presenteert voor een zaal. Loop met de groep een risicoprofiel door in de aanbeveler en "
     "vul samen het werkblad 'Samen weerbaar' in.",
     ((AANBEVELER, "Aanbeveler"), (LESSEN, "Werkblad Samen weerbaar"))),
    ("Advies voor een raadsvoorstel",
     "U maakt een onderbouwde selectie. Stel een profiel samen, vergelijk de aanbevolen "
     "interventies en zet ze met notities op de shortlist.",
     ((AANBEVELER, "Profiel en aanbevelingen"), (SHORTLIST, "Shortlist"))),
)
for column, (title, text, links) in zip(st.columns(3), WAYS_IN, strict=True):
    with column:
        st.subheader(title)
        st.write(text)
        page_links(*links)

st.header("Vijf thema's van Preventie met Gezag")
for theme in kk.pmg_themes:
    st.markdown(f"**{md(theme.name)}** — {md(theme.description)}")
st.caption("Bron: Rapportage Preventie met Gezag (Ministerie van JenV, 2024), 'Onderscheid in vijf thema's'.")
