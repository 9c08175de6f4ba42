"""Entry point: builds the navigation of the kenniskaart (normal or presentation mode)."""

from pathlib import Path

import streamlit as st

from kenniskaart.ui import pages
from kenniskaart.ui.links import page_ref
from kenniskaart.ui.state import presentation_mode
from kenniskaart.ui.werkmap_autosave import autosave_run
from kenniskaart.ui.werkmap_online import presentable

st.set_page_config(
    page_title="Kenniskaart Preventie met Gezag",
    page_icon=str(Path(__file__).parent / "assets" / "favicon.png"),  # local: no external host
    layout="wide",
)

# The pages: kenniskaart.ui.pages. Every page calls kenniskaart.ui.get_content(), which also
# declares the page Dutch. Presentation mode hides the navigation and always shows the
# presentation page.
presenting = presentation_mode()
page = st.navigation(pages.build(), position="hidden" if presenting else "sidebar")
if presenting and page.url_path != pages.PRESENTATIE.url_path:
    st.switch_page(page_ref(pages.PRESENTATIE), query_params=presentable(st.query_params.to_dict()))
if not presenting and page.url_path == pages.PRESENTATIE.url_path:
    st.switch_page(page_ref(pages.START), query_params=st.query_params.to_dict())
# the online werkmap: a link in the address is opened, what the run changed is saved
with autosave_run(presenting):
    page.run()
