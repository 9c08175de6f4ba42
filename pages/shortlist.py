"""Shortlist: the interventions an advisor keeps, side by side, with notes."""

import streamlit as st

from kenniskaart.catalog import interventions_table
from kenniskaart.exports import dataframe_csv
from kenniskaart.ui import SHORTLIST_KEY, get_content, md

kk = get_content()
ivs = kk.by_id("interventions")

st.title("Shortlist")
st.write(
    "Hier staan de interventies die u op de shortlist zette vanuit de catalogus of de aanbeveler, "
    "naast elkaar op de velden die u voor een raadsvoorstel vergelijkt."
)

items = [i for i in st.session_state.get(SHORTLIST_KEY, []) if i in ivs]
if not items:
    st.info(
        "Uw shortlist is leeg. Kies 'Zet op shortlist' bij een interventie in de catalogus of in de "
        "aanbeveler. Er zijn "
        f"{len(kk.interventions)} interventies om uit te kiezen."
    )
    st.page_link("pages/interventies.py", label="Naar de interventies", icon=":material/menu_book:")
    st.page_link("pages/aanbeveler.py", label="Naar de aanbeveler", icon=":material/recommend:")
    st.stop()


def _remove(iid: str) -> None:
    st.session_state[SHORTLIST_KEY].remove(iid)


table = interventions_table(kk, [ivs[i] for i in items])
st.dataframe(table, hide_index=True, width="stretch")
for iid in items:
    c1, c2 = st.columns([4, 1])
    c1.markdown(f"**{md(ivs[iid].name)}**")
    c2.button("Verwijder", key=f"sl-rm-{iid}", on_click=_remove, args=(iid,))
st.download_button(
    "Download shortlist (CSV)", dataframe_csv(table), file_name="shortlist.csv", mime="text/csv"
)
