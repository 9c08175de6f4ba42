"""Shown for an address that is not a page of the kenniskaart (instead of Streamlit's English dialog)."""

import streamlit as st

from kenniskaart.ui import get_content
from kenniskaart.ui.links import page_links
from kenniskaart.ui.pages import FACTOREN, INTERVENTIES, START

get_content()
st.title("Pagina niet gevonden")
st.write(
    "Dit adres hoort niet bij een pagina van de kenniskaart. Misschien is de link verkeerd "
    "overgenomen of is de pagina hernoemd. Kies hieronder of in het menu waar u verder wilt."
)
page_links((START, "Naar de startpagina"), (INTERVENTIES, "Naar de interventies"), (FACTOREN, "Naar de factoren"))
