"""Interventies: the catalogue with filters and search, a detail view and the interventiematrix."""


import streamlit as st

from kenniskaart import charts
from kenniskaart.catalog import (
    InterventionFilter,
    filter_interventions,
    in_matrix_cell,
    intervention_matrix,
)
from kenniskaart.models import AGE_LIMITS
from kenniskaart.nl import plural
from kenniskaart.rules import for_young_person
from kenniskaart.share import FilterParam
from kenniskaart.texts import ONBEKEND
from kenniskaart.ui import get_content
from kenniskaart.ui.intervention_detail import catalogue_list, intervention_detail
from kenniskaart.ui.links import DETAIL_PARAM, filters_from_url, filters_to_url
from kenniskaart.ui.pages import INTERVENTIES
from kenniskaart.ui.state import CHIPS, PERSIST, PICK, notify
from kenniskaart.ui.text import md
from kenniskaart.ui.widgets import (
    FACTOR_PICKER_HELP,
    chart,
    factor_picker,
    picker_tip,
    search_explanation,
)
from kenniskaart.vocabulary import FORMAT_LABELS, INTERVENTION_KIND_LABELS, RECOGNITION_ORDER, SETTING_LABELS

kk = get_content()
themes = {t.id: t.name for t in kk.pmg_themes}
levels = {h.id: h.name for h in kk.help_levels_in_order}
factors = {f.id: f for f in kk.factors}
all_ivs = kk.by_id("interventions")

st.title("Interventies")
st.write(
    "Erkende interventies, aanpakken die gemeenten kunnen overnemen en gemeenschapsinterventies, "
    "met leeftijd, doelgroep, erkenning (met peildatum), de factoren die ze aanpakken en "
    "waarschuwingen. Waar de bronnen niets zeggen, staat 'onbekend'. Universele programma's voor "
    "een hele klas of school, maatregelen van de gemeente, instrumenten en trainingen staan apart, "
    "onder 'Voor school of gemeente'."
)

rec_options = [*RECOGNITION_ORDER, ONBEKEND]
URL_FILTERS = [
    FilterParam("zoek", "i_query", "text", "zoekterm"),
    FilterParam("lft", "i_age", "int", "leeftijd", lo=AGE_LIMITS[0], hi=AGE_LIMITS[1]),
    FilterParam("soort", "i_kind", "list", "soorten", INTERVENTION_KIND_LABELS),
    FilterParam("thema", "i_theme", "list", "thema's", themes),
    FilterParam("hulp", "i_level", "list", "niveaus van hulp", levels),
    FilterParam("erkenning", "i_rec", "list", "erkenningen", rec_options),
    FilterParam("factor", "i_factor", "list", "factoren", factors),
    FilterParam("omgeving", "i_setting", "list", "settings", SETTING_LABELS),
    FilterParam("vorm", "i_format", "list", "vormen", FORMAT_LABELS),
]
filters_from_url(URL_FILTERS)
if "i_age" in st.session_state and "i_use_age" not in st.session_state:
    st.session_state["i_use_age"] = True

# A link from another page (?interventie=<id>) opens that intervention's detail, once per link.
wanted = st.query_params.get(DETAIL_PARAM)
if wanted != st.session_state.get("_i_link"):
    st.session_state["_i_link"] = wanted
    if wanted in all_ivs:
        st.session_state["i_detail"] = wanted
    elif wanted:
        notify(["De interventie uit de link bestaat niet (meer); kies er hieronder een."])

# Short lists as pills, long ones (factors, recognition levels) as multiselects; every filter
# keeps its value when the user leaves the page and comes back.
with st.expander("Zoeken en filteren", expanded=True):
    query = st.text_input(
        "Zoek in gewone woorden: naam, doelgroep, beschrijving of de factor die ze aanpakken",
        key="i_query", persist_state=PERSIST, placeholder="Bijvoorbeeld: criminele vrienden, drugs, ouders",
    )
    c1, c2, c3 = st.columns(3)
    use_age = c1.toggle("Filter op leeftijd", key="i_use_age", persist_state=PERSIST)
    if use_age:
        st.session_state.setdefault("i_age", 14)
    age = (
        c1.slider("Leeftijd van de jongere", *AGE_LIMITS, key="i_age", persist_state=PERSIST,
                  help="Interventies met een onbekende leeftijd blijven zichtbaar.")
        if use_age else None
    )
    kinds = c1.pills("Soort", list(INTERVENTION_KIND_LABELS), format_func=INTERVENTION_KIND_LABELS.get, key="i_kind",
                     **CHIPS)
    sel_levels = c1.pills("Niveau van hulp", list(levels), format_func=levels.get, key="i_level", **CHIPS)
    sel_themes = c2.pills("PmG-thema", list(themes), format_func=themes.get, key="i_theme", **CHIPS)
    recognition = c2.multiselect("Erkenning", rec_options, key="i_rec", **PICK)
    factor_ids, factor_label = factor_picker(kk, "interventies")
    sel_factors = c3.multiselect(
        "Pakt deze factor aan", factor_ids, format_func=factor_label, key="i_factor",
        wrap=True, filter_mode="contains", help=FACTOR_PICKER_HELP, **PICK,
    )
    with c3:
        picker_tip("filter")
    settings = c3.pills("Setting", list(SETTING_LABELS), format_func=SETTING_LABELS.get, key="i_setting", **CHIPS)
    formats = c3.pills("Vorm", list(FORMAT_LABELS), format_func=FORMAT_LABELS.get, key="i_format", **CHIPS)

flt = InterventionFilter(
    query=query, age=age, themes=sel_themes, factors=sel_factors,
    settings=settings, formats=formats, help_levels=sel_levels, recognition=recognition, kinds=kinds,
)
selected = filter_interventions(kk, flt)

search_explanation(kk, query)

with st.expander("Interventiematrix: PmG-thema × niveau van hulp", key="i_matrix_open",
                 on_change="rerun") as matrix_box:
    if matrix_box.open:
        st.caption(
            "Aantal interventies per cel bij de huidige filters. Lege cellen laten zien waar het aanbod "
            "ontbreekt. Klik op een cel om de lijst daarop te filteren; klik nogmaals om te wissen."
        )
        matrix = intervention_matrix(kk, selected)
        theme_order = list(matrix["thema"].unique())
        level_order = list(matrix["niveau van hulp"].unique())
        event = chart(charts.intervention_matrix_chart, matrix, theme_order, level_order,
                      on_select="rerun", key="i_matrix")
        cells = (event.selection.get("cel") if event and event.selection else None) or []
        st.dataframe(
            matrix.pivot(index="thema", columns="niveau van hulp", values="aantal")
            .reindex(index=theme_order, columns=level_order),
            width="stretch",
        )
        if cells:
            t, lvl = cells[0].get("thema"), cells[0].get("niveau van hulp")
            selected = [iv for iv in selected if in_matrix_cell(kk, iv, t, lvl)]
            st.info(md(f"Gefilterd op matrixcel: {t} × {lvl}"))

young = [iv for iv in selected if for_young_person(iv)]
organisation = [iv for iv in selected if not for_young_person(iv)]
st.write(
    f"**{len(selected)}** van {plural(len(kk.interventions), 'interventie', 'interventies')}"
    + (f", waarvan {len(organisation)} voor school of gemeente." if organisation else ".")
)


if young:
    st.caption("Klik op een rij om de details te zien.")
    catalogue_list(kk, young, "i_table", "interventies")
elif not selected:
    st.info("Geen interventies met deze filters. Maak de filters ruimer.")


st.header("Interventie in detail")
skip = set() if use_age else {"i_age"}
if not selected and st.session_state.get("i_detail") not in all_ivs:
    filters_to_url(URL_FILTERS, INTERVENTIES, skip=skip)
else:
    ids = [iv.id for iv in young + organisation]
    chosen = st.session_state.get("i_detail")
    if chosen in all_ivs and chosen not in ids:
        ids.insert(0, chosen)  # opened from a link or a row while the filters hide it
        st.caption("Deze interventie valt buiten de huidige filters.")
    iid = st.selectbox(
        "Kies een interventie", ids, format_func=lambda i: all_ivs[i].name, key="i_detail", placeholder="Kies…",
        persist_state=PERSIST,
    )
    filters_to_url(URL_FILTERS, INTERVENTIES, skip=skip, extra={DETAIL_PARAM: iid})
    intervention_detail(kk, all_ivs[iid])

if organisation:
    st.header("Voor school of gemeente")
    st.caption(
        "Universele programma's voor een hele klas, school of wijk, maatregelen en planningsmethoden van de "
        "gemeente, screenings- en risicotaxatie-instrumenten en trainingen voor professionals. Ze worden "
        "nooit voor één jongere aanbevolen, maar helpen een school, gemeente of organisatie."
    )
    catalogue_list(kk, organisation, "i_table_org", "voor-school-of-gemeente")
