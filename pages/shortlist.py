"""Shortlist: the interventions an advisor keeps, side by side, with notes and exports."""

import streamlit as st

from kenniskaart.exports import dataframe_csv, dataframe_xlsx
from kenniskaart.nl import plural
from kenniskaart.rules import not_working
from kenniskaart.shortlist import compare_table, memo_html, move, profile_lines
from kenniskaart.ui import get_content
from kenniskaart.ui.links import page_links, share_box, share_params
from kenniskaart.ui.pages import AANBEVELER, INTERVENTIES, SHORTLIST
from kenniskaart.ui.state import NOTES_KEY, SHORTLIST_KEY, current_profile
from kenniskaart.ui.text import md
from kenniskaart.ui.werkmap import werkmap_box
from kenniskaart.ui.werkmap_share import online_box
from kenniskaart.vocabulary import NOT_WORKING_LABELS
from kenniskaart.werkmap import MAX_NOTE

kk = get_content()
ivs = kk.by_id("interventions")

st.title("Shortlist")
st.write(
    "De interventies die u op de shortlist zette vanuit de catalogus, de aanbeveler of de "
    "planscan, naast elkaar op de velden die u voor een raadsvoorstel vergelijkt. Voeg per "
    "interventie een notitie toe, zet ze in volgorde en exporteer het geheel."
)

items: list[str] = [i for i in st.session_state.get(SHORTLIST_KEY, []) if i in ivs]
st.session_state[SHORTLIST_KEY] = items
notes: dict[str, str] = st.session_state.setdefault(NOTES_KEY, {})

profile = current_profile()
with st.container(border=True):
    st.markdown("**Profiel waarvoor deze shortlist is gemaakt**")
    lines = profile_lines(kk, profile)
    if lines:
        for line in lines:
            st.markdown(f"- {md(line)}")
    else:
        st.caption("Geen profiel gekozen. Stel er een samen in de aanbeveler.")

if not items:
    st.info(
        "Uw shortlist is leeg. Kies 'Zet op shortlist' bij een interventie in de catalogus of in de "
        f"aanbeveler. Er zijn {len(kk.interventions)} interventies om uit te kiezen."
    )
    page_links((INTERVENTIES, "Naar de interventies"), (AANBEVELER, "Naar de aanbeveler"))
    werkmap_box(kk)
    online_box(kk)
    st.stop()


def _move(iid: str, step: int) -> None:
    st.session_state[SHORTLIST_KEY] = move(st.session_state[SHORTLIST_KEY], iid, step)


def _remove(iid: str) -> None:
    st.session_state[SHORTLIST_KEY].remove(iid)
    st.session_state[NOTES_KEY].pop(iid, None)


def _save_note(iid: str) -> None:
    st.session_state[NOTES_KEY][iid] = st.session_state.get(f"sl-note-{iid}", "")


st.header(plural(len(items), "interventie", "interventies"))
for pos, iid in enumerate(items):
    with st.container(border=True):
        head, up, down, rm = st.columns([6, 1, 1, 1.3])
        harm = not_working(ivs[iid])
        head.markdown(f"**{pos + 1}. {md(ivs[iid].name)}**"
                      + (f" :red-badge[{NOT_WORKING_LABELS[harm.kind]}]  \n:red[{md(harm.text)}]" if harm else ""))
        up.button("↑", key=f"sl-up-{iid}", on_click=_move, args=(iid, -1), disabled=pos == 0,
                  help="Hoger in de lijst")
        down.button("↓", key=f"sl-down-{iid}", on_click=_move, args=(iid, 1),
                    disabled=pos == len(items) - 1, help="Lager in de lijst")
        rm.button("Verwijder", key=f"sl-rm-{iid}", on_click=_remove, args=(iid,))
        # the field's value comes from session state only (a werkmap opened sets it there)
        st.session_state.setdefault(f"sl-note-{iid}", notes.get(iid, ""))
        st.text_input(
            f"Notitie bij {ivs[iid].name}", key=f"sl-note-{iid}", max_chars=MAX_NOTE,
            on_change=_save_note, args=(iid,), placeholder="Bijvoorbeeld: past bij onze aanpak op school",
        )

st.header("Vergelijking")
table = compare_table(kk, items, notes)
st.dataframe(table, hide_index=True, width="stretch")

st.header("Exporteren")
c1, c2, c3 = st.columns(3)
c1.download_button("Download CSV", dataframe_csv(table), file_name="shortlist.csv", mime="text/csv")
c2.download_button(
    "Download Excel",
    lambda: dataframe_xlsx(table, "Shortlist"),
    file_name="shortlist.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",  # a file built on click plus a rerun could leave the other buttons disabled
)
c3.download_button(
    "Download printbaar document",
    lambda: memo_html(kk, items, dict(notes), profile).encode("utf-8"),
    file_name="shortlist-raadsvoorstel.html",
    mime="text/html",
    help="Open het bestand in de browser en kies Afdrukken → Opslaan als PDF.",
    on_click="ignore",
)
share_box(SHORTLIST, share_params())
werkmap_box(kk)
online_box(kk)
