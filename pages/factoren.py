"""Factoren: all risk and protective factors, filterable, with a knowledge map and details."""

import streamlit as st

from kenniskaart.catalog import FactorFilter, filter_factors
from kenniskaart.share import FilterParam
from kenniskaart.texts import or_unknown
from kenniskaart.ui import get_content
from kenniskaart.ui.factor_detail import factor_detail
from kenniskaart.ui.kaart import kaart_view
from kenniskaart.ui.links import FACTOR_PARAM, filters_from_url, filters_to_url
from kenniskaart.ui.pages import FACTOREN
from kenniskaart.ui.state import CHIPS, PERSIST, PICK, current_profile
from kenniskaart.ui.text import definitions, md
from kenniskaart.ui.widgets import factor_table
from kenniskaart.ui.workshop import workshop_view
from kenniskaart.vocabulary import (
    AGE_GROUP_LABELS,
    AGE_GROUPS,
    BASIS_EXPLAINED,
    BASIS_LABELS,
    BASIS_LINE,
    EVIDENCE_EXPLAINED,
    EVIDENCE_LABELS,
    FACTOR_KIND_LABELS,
    FRAMEWORK_LABELS,
    GROUP_LABELS,
    LEVEL_LABELS,
    NATURE_EXPLAINED,
    NATURE_LABELS,
    STRENGTH_EXPLAINED,
)

kk = get_content()
themes = {t.id: t.name for t in kk.pmg_themes}

st.title("Factoren")
st.write(
    "Risicofactoren vergroten de kans dat een jongere in de georganiseerde criminaliteit belandt; "
    "beschermende factoren verkleinen die kans. Hier staan ze allemaal, op het niveau van het "
    "individu, het gezin en de gemeenschap, met de sterkte van het bewijs en de bron."
)
with st.expander("Wat betekent de sterkte van het bewijs, en statisch of dynamisch?"):
    st.markdown(definitions(EVIDENCE_LABELS, EVIDENCE_EXPLAINED) + "\n\n"
                + definitions(NATURE_LABELS, NATURE_EXPLAINED))
# Caveats the sources make about the factors themselves (e.g. literature on adults).
# Only caveats about the factor research (Beke's synthesis), not e.g. the one on key figures.
FACTOR_SOURCES = {"beke-praktijkscan-2022"}
for note in (g for g in kk.guidance if g.kind == "kanttekening" and {r.source for r in g.sources} & FACTOR_SOURCES):
    st.warning(f"**{md(note.title)}**" + (f"  \n{md(note.text)}" if note.text else ""), icon=":material/info:")

source_names = {s.id: s.title for s in kk.sources}
target_options = sorted({or_unknown(f.target_group) for f in kk.factors})
URL_FILTERS = [
    FilterParam("zoek", "f_query", "text", "zoekterm"),
    FilterParam("soort", "f_kind", "list", "soorten", FACTOR_KIND_LABELS),
    FilterParam("niveau_f", "f_level", "list", "niveaus", LEVEL_LABELS),
    FilterParam("thema", "f_theme", "list", "thema's", themes),
    FilterParam("bewijs", "f_ev", "list", "bewijssterktes", EVIDENCE_LABELS),
    FilterParam("doelgroep", "f_tg", "list", "doelgroepen", target_options, sep="|"),
    FilterParam("nl", "f_nl", "choice", "'ook in Nederland onderzocht'", ["alle", "ja", "nee", "onbekend"]),
    FilterParam("kader", "f_fw", "list", "kaders", FRAMEWORK_LABELS),
    FilterParam("bron", "f_src", "list", "bronnen", source_names),
    FilterParam("aard", "f_nature", "list", "aard (statisch/dynamisch)", NATURE_LABELS),
    FilterParam("leeftijdsgroep", "f_age", "list", "leeftijdsgroepen", list(AGE_GROUPS)),
]
filters_from_url(URL_FILTERS)

# Short lists as pills, long lists as multiselects; every filter keeps its value when the user
# leaves the page and comes back.
with st.expander("Filters", expanded=True):
    c1, c2, c3 = st.columns(3)
    query = c1.text_input("Zoek op naam of beschrijving", key="f_query", persist_state=PERSIST)
    kinds = c1.pills("Soort", list(FACTOR_KIND_LABELS), format_func=FACTOR_KIND_LABELS.get, key="f_kind", **CHIPS)
    levels = c1.pills("Niveau", list(LEVEL_LABELS), key="f_level", **CHIPS)
    natures = c1.pills(
        "Statisch of dynamisch", list(NATURE_LABELS), format_func=NATURE_LABELS.get, key="f_nature",
        help=" ".join(NATURE_EXPLAINED.values()), **CHIPS,
    )
    sel_themes = c2.multiselect("PmG-thema", list(themes), format_func=themes.get, key="f_theme", **PICK)
    evidence = c2.pills(
        "Sterkte van het bewijs", list(EVIDENCE_LABELS), format_func=EVIDENCE_LABELS.get, key="f_ev", **CHIPS
    )
    target_groups = c2.multiselect("Doelgroep", target_options, key="f_tg", **PICK)
    age_groups = c2.pills(
        "Leeftijdsgroep", list(AGE_GROUPS), format_func=AGE_GROUP_LABELS.get, key="f_age",
        help="Voor welke leeftijd de bron de factor noemt. 'algemeen': de bron noemt geen leeftijd; "
        "kies die erbij om ook die factoren te zien.", **CHIPS,
    )
    nl = c3.radio(
        "Ook in Nederland onderzocht", ["alle", "ja", "nee", "onbekend"], horizontal=True, key="f_nl",
        persist_state=PERSIST,
    )
    frameworks = c3.pills("Kader", list(FRAMEWORK_LABELS), format_func=FRAMEWORK_LABELS.get, key="f_fw", **CHIPS)
    sources = c3.multiselect("Brondocument", list(source_names), format_func=source_names.get, key="f_src", **PICK)

flt = FactorFilter(
    query=query, kinds=kinds, levels=levels, themes=sel_themes, evidence=evidence,
    target_groups=target_groups, studied_in_nl=nl, frameworks=frameworks, sources=sources,
    natures=natures, age_groups=age_groups,
)
factors = filter_factors(kk, flt)
st.write(f"**{len(factors)}** van {len(kk.factors)} factoren.")

TABS = ["Overzicht", "Kenniskaart (visueel)", "Factor in detail"]
tab_list, tab_map, tab_detail = st.tabs(
    TABS, key="f_tab", on_change="rerun", default=TABS[2] if st.query_params.get(FACTOR_PARAM) else None
)
if not tab_detail.open:
    filters_to_url(URL_FILTERS, FACTOREN)

if tab_list.open:
    with tab_list:
        if factors:
            st.dataframe(factor_table(kk, factors), hide_index=True, width="stretch")
        else:
            st.info("Geen factoren met deze filters. Maak de filters ruimer.")


@st.fragment
def show_map() -> None:
    st.write(
        "De verbanden zelf: links de factoren, in het midden de interventiethema's van de "
        "praktijkscan, rechts de interventies die de factor aanpakken. Klik op een factor of "
        "interventie (of kies hem hieronder): wat ermee verbonden is licht op."
    )
    labels = {f"{kind}-{level}": text for (kind, level), text in GROUP_LABELS.items()}
    groups = [g for g in labels if any(f"{f.kind}-{f.level}" == g for f in factors)]
    if not groups:
        st.info("Geen factoren met deze filters.")
        return
    group = st.segmented_control(
        "Welke factoren op de kaart", groups, format_func=labels.get, default=groups[0],
        key="f_map_group", required=True,
    )
    group = group if group in groups else groups[0]
    ids = [f.id for f in factors if f"{f.kind}-{f.level}" == group]
    kaart_view(kk, ids, "f_map", max_factors=16, max_interventions=16)
    with st.expander("Hoe lees ik de kaart?"):
        for label, text in STRENGTH_EXPLAINED.items():
            st.markdown(f"- **{md(label)}**: {md(text)}")
        for key, label in BASIS_LABELS.items():
            st.markdown(f"- **{md(label)}** ({BASIS_LINE[key]}): {md(BASIS_EXPLAINED[key])}")
        st.markdown("- Vetgedrukte interventienamen en gevulde ruiten: erkende interventies; open ruiten: niet erkend "
                    "of erkenning onbekend.")
    profile = current_profile()
    if profile is not None and (profile.risk_factors or profile.protective_factors):
        with st.expander("Voor een workshop: interventies voor uw profiel naar bewijs en aantal factoren"):
            ids = [*profile.risk_factors, *profile.protective_factors]
            st.caption(
                "Rijen: sterkte van het bewijs. Kolommen: hoeveel dynamische factoren van het profiel "
                "(uit de aanbeveler) de interventie aanpakt. Statische factoren tellen niet mee: ze "
                "bepalen hoe zwaar de hulp moet zijn, maar zijn geen doel."
            )
            workshop_view(kk, ids, "f_ws", table="inline", profile=profile)


if tab_map.open:
    with tab_map:
        show_map()

if tab_detail.open:
    with tab_detail:
        if not factors:
            filters_to_url(URL_FILTERS, FACTOREN)
            st.info("Geen factoren met deze filters.")
        else:
            by_id = {f.id: f for f in factors}
            wanted = st.query_params.get(FACTOR_PARAM)
            ids = list(by_id)
            index = ids.index(wanted) if wanted in by_id else 0
            fid = st.selectbox(
                "Kies een factor", ids, index=index, format_func=lambda i: by_id[i].name, key="f_detail",
                placeholder="Kies…",
            )
            f = by_id[fid]
            filters_to_url(URL_FILTERS, FACTOREN, extra={FACTOR_PARAM: fid})
            factor_detail(kk, f)
