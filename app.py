"""Entry point: builds the navigation of the kenniskaart (normal or presentation mode)."""

from pathlib import Path

import streamlit as st

from kenniskaart.ui.links import register_pages, unknown_path
from kenniskaart.ui.state import presentation_mode
from kenniskaart.ui.werkmap_autosave import autosave_run
from kenniskaart.ui.werkmap_online import presentable

st.set_page_config(
    page_title="Kenniskaart Preventie met Gezag",
    page_icon=str(Path(__file__).parent / "assets" / "favicon.png"),  # local: no external host
    layout="wide",
)

BY_PATH: dict[str, st.Page] = {}


def app_page(path: str, **kwargs) -> st.Page:
    """st.Page, kept by its script path for links (kenniskaart.ui.links.page_ref)."""
    BY_PATH[path] = st.Page(path, **kwargs)
    return BY_PATH[path]


PAGES = [
    app_page("pages/start.py", title="Start", icon=":material/home:", url_path="start", default=True),
    app_page("pages/factoren.py", title="Factoren", icon=":material/hub:", url_path="factoren"),
    app_page("pages/interventies.py", title="Interventies", icon=":material/menu_book:", url_path="interventies"),
    app_page("pages/aanbeveler.py", title="Aanbeveler", icon=":material/recommend:", url_path="aanbeveler"),
    app_page(
        "pages/praktijkvoorbeelden.py",
        title="Praktijkvoorbeelden",
        icon=":material/location_city:",
        url_path="praktijkvoorbeelden",
    ),
    app_page("pages/lessen.py", title="Lessen", icon=":material/lightbulb:", url_path="lessen"),
    app_page("pages/planscan.py", title="Planscan", icon=":material/fact_check:", url_path="planscan"),
    app_page("pages/werksessie.py", title="Werksessie", icon=":material/groups:", url_path="werksessie"),
    # url_path = the file's name: a deep link in a fresh server process first meets Streamlit's
    # pages/-folder mode, which knows the page only by its file name (see kenniskaart.ui)
    app_page("pages/plan_van_aanpak.py", title="Plan van aanpak", icon=":material/description:",
             url_path="plan_van_aanpak"),
    app_page("pages/monitor.py", title="Nulmeting en monitor", icon=":material/monitoring:", url_path="monitor"),
    app_page("pages/shortlist.py", title="Shortlist", icon=":material/checklist:", url_path="shortlist"),
    app_page("pages/over.py", title="Over (bronnen en methode)", icon=":material/info:", url_path="over"),
]
PRESENTATION = app_page(
    "pages/presentatie.py",
    title="Presentatie",
    icon=":material/co_present:",
    url_path="presentatie",
    visibility="hidden",
)

# The page set is the same in both modes (Streamlit keeps the registered pages per app);
# presentation mode hides the navigation and always shows the presentation page.
# Every page calls kenniskaart.ui.get_content(), which also declares the page Dutch.
# An unknown address (/bestaat-niet) gets a Dutch page under that name, not Streamlit's
# English "Page not found" dialog. (A nested one, /a/b/c, never reaches Python: see README.)
# (The default page reports url_path "" but also answers to its own slug, /start.)
missing = unknown_path([*(p.url_path for p in [*PAGES, PRESENTATION]), "start"])
EXTRA = [st.Page("pages/niet_gevonden.py", title="Pagina niet gevonden", icon=":material/help:",
                 url_path=missing, visibility="hidden")] if missing else []
presenting = presentation_mode()
# links and page switches use these page objects (kenniskaart.ui.links.page_ref)
register_pages(BY_PATH)
page = st.navigation([*PAGES, PRESENTATION, *EXTRA], position="hidden" if presenting else "sidebar")
if presenting and page.url_path != "presentatie":
    st.switch_page(PRESENTATION, query_params=presentable(st.query_params.to_dict()))
if not presenting and page.url_path == "presentatie":
    st.switch_page(PAGES[0], query_params=st.query_params.to_dict())
# the online werkmap: a link in the address is opened, what the run changed is saved
with autosave_run(presenting):
    page.run()
