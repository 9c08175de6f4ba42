"""The online werkmap's views: 'Deel met uw team' (edit and read links), the history of every
saved version, deleting, a copy for a read link, and the conflict view with both versions."""

from __future__ import annotations

import streamlit as st

from ..content import Kenniskaart
from ..werkmap import FILE_NAME, WerkmapError
from ..werkmap_online import WerkmapOnlineError, retention_days
from .cache import loaded_content
from .links import app_url
from .pages import SHORTLIST
from .state import PRESENTATION_KEY
from .text import md
from .werkmap_autosave import show_lines, werkmap_lines
from .werkmap_online import (
    LINK_KEY,
    OFF_KEY,
    PARAM,
    PROBLEM_KEY,
    Link,
    adopt,
    current_link,
    get_store,
    open_link,
    save_if_changed,
)
from .werksessie import local_time

NO_PERSONAL_DATA = (
    "Zet er geen persoonsgegevens in: een profiel beschrijft een soort jongere (leeftijd, factoren), "
    "geen persoon; noem in notities geen namen."
)


# --- the share box ---------------------------------------------------------------------------


def _guarded(fn, *args) -> None:
    """Run a button's action; its Dutch error goes to the page's message, never a traceback."""
    try:
        fn(*args)
    except (WerkmapOnlineError, WerkmapError) as exc:
        st.session_state[PROBLEM_KEY] = str(exc)


def _copy() -> None:
    """A read link's holder continues in an own werkmap (new links; the shared one is untouched)."""
    st.session_state.pop(LINK_KEY, None)
    st.session_state.pop(OFF_KEY, None)
    save_if_changed(note="Eigen kopie van een gedeelde werkmap", force=True)


def _new_read_link() -> None:
    link = open_link()
    link.read_token = get_store().new_read_link(link.token)


def _delete() -> None:
    get_store().delete(open_link().token)
    st.session_state.pop(LINK_KEY, None)
    st.session_state[OFF_KEY] = True
    if PARAM in st.query_params:
        del st.query_params[PARAM]


def _restore(version: int) -> None:
    link = open_link()
    document = get_store().version_document(link.token, version)
    adopt(document, link)
    link.saved_hash = ""
    save_if_changed(note=f"Versie {version} teruggezet", force=True)


def _switch_on() -> None:
    st.session_state.pop(OFF_KEY, None)
    save_if_changed(note="Werkmap opnieuw online gezet", force=True)


def online_box(kk: Kenniskaart) -> None:
    """'Online werkmap': that the work is saved, the links to share, history and deleting."""
    if st.session_state.get(PRESENTATION_KEY):
        return  # never the edit link on a projector
    days = round(retention_days())
    with st.container(border=True, key="wm-online"):
        st.markdown("**Online werkmap: uw werk wordt automatisch bewaard**")
        st.caption(
            "Elke wijziging aan profiel, shortlist met notities en plan wordt meteen online bewaard onder een "
            "privélink (de link in de adresbalk). Na herladen (F5), een gesloten tabblad of morgen gaat u daarmee "
            f"verder waar u was: bewaar hem als bladwijzer. {NO_PERSONAL_DATA} De werkmap wordt {days} dagen na "
            "het laatste gebruik verwijderd. Het werkmapbestand hierboven blijft een kopie om te downloaden."
        )
        if st.session_state.get(PROBLEM_KEY):
            st.warning(md(st.session_state[PROBLEM_KEY]), icon=":material/cloud_off:")
        link = current_link()
        if st.session_state.get(OFF_KEY):
            st.info("De online werkmap is verwijderd. Uw werk staat nog op deze pagina, maar wordt niet meer "
                    "online bewaard.")
            st.button("Weer online bewaren", key="wm-on", on_click=_guarded, args=(_switch_on,))
            return
        if link is None:
            st.info("Nog niets bewaard: zodra u een profiel, shortlist of plan maakt, krijgt uw werkmap een "
                    "privélink.")
            return
        if not link.can_edit:
            st.warning("Alleen lezen: u bekijkt deze werkmap met een leeslink. Wat u hier verandert, wordt niet "
                       "bewaard. Wilt u verder werken, maak dan een eigen kopie (met een eigen privélink).",
                       icon=":material/visibility:")
            st.button("Maak een eigen kopie", key="wm-copy", on_click=_guarded, args=(_copy,))
        else:
            st.caption(f"Versie {link.version}, bewaard om {local_time(link.saved_at)}.")
            _share(link)
        _history(link)
        if link.can_edit:
            _delete_box()


def _share(link: Link) -> None:
    box = st.expander("Deel met uw team", icon=":material/group_add:", key="wm-share", on_change="rerun")
    if not box.open:  # the links are only in the page while it is open (not on a shared screen)
        return
    with box:
        st.markdown("**Bewerklink**: wie deze link heeft, kan de werkmap wijzigen en verwijderen. Stuur hem "
                    "alleen naar uw team en toon hem niet op een gedeeld scherm.")
        st.code(app_url(SHORTLIST, {PARAM: link.token}), language=None, wrap_lines=True)
        if link.read_token:
            st.markdown("**Leeslink**: alleen bekijken, er wordt niets bewaard. Gebruik deze om te presenteren.")
            st.code(app_url(SHORTLIST, {PARAM: link.read_token}), language=None, wrap_lines=True)
        st.button("Maak een nieuwe leeslink (de oude werkt dan niet meer)", key="wm-new-read",
                  on_click=_guarded, args=(_new_read_link,))


def _history(link: Link) -> None:
    box = st.expander("Geschiedenis: alle bewaarde versies", icon=":material/history:", key="wm-history",
                      on_change="rerun")
    if not box.open:
        return
    with box:
        try:
            versions = get_store().history(link.token)
        except WerkmapOnlineError as exc:
            st.warning(md(str(exc)))
            return
        st.dataframe(
            [{"versie": v.version, "bewaard": local_time(v.saved_at, "%d-%m-%Y %H:%M"), "wat": v.note,
              "grootte": f"{max(1, v.size // 1000)} kB"} for v in versions],
            hide_index=True, width="stretch",
        )
        chosen = st.selectbox("Bekijk een versie", [v.version for v in versions], key="wm-pick",
                              format_func=lambda n: f"Versie {n}")
        if chosen is not None:
            try:
                document = get_store().version_document(link.token, chosen)
            except WerkmapOnlineError as exc:
                st.warning(md(str(exc)))
                return
            show_lines(werkmap_lines(loaded_content(), document))
            left, right = st.columns(2)
            if link.can_edit and chosen != link.version:
                left.button(f"Zet versie {chosen} terug", key="wm-restore", on_click=_guarded,
                            args=(_restore, chosen), help="Wordt een nieuwe versie; niets gaat verloren.")
            right.download_button(f"Download versie {chosen} (.json)", document, file_name=FILE_NAME,
                                  mime="application/json", key="wm-dl-version", on_click="ignore")


def _delete_box() -> None:
    with st.expander("Online werkmap verwijderen", icon=":material/delete:"):
        st.caption("Verwijdert de werkmap met alle versies; de bewerk- en leeslink werken daarna niet meer. "
                   "Uw werk blijft op deze pagina staan zolang u hem open hebt.")
        sure = st.checkbox("Ja, verwijder de online werkmap", key="wm-delete-sure")
        st.button("Verwijder", key="wm-delete", disabled=not sure, on_click=_guarded, args=(_delete,))
