"""Interventies: the catalogue with filters, the interventiematrix and a detail view."""

import streamlit as st

from kenniskaart.catalog import (
    InterventionFilter,
    filter_interventions,
    in_matrix_cell,
    intervention_matrix,
    interventions_table,
)
from kenniskaart.charts import intervention_matrix_chart
from kenniskaart.models import RECOGNITION_ORDER
from kenniskaart.present import (
    BASIS_LABELS,
    EVIDENCE_LABELS,
    FORMAT_LABELS,
    KIND_IV_LABELS,
    ONBEKEND,
    SETTING_LABELS,
    age_range,
    help_level_names,
    or_unknown,
    recognition_text,
    theme_names,
)
from kenniskaart.exports import dataframe_csv, dataframe_xlsx
from kenniskaart.share import FilterParam
from kenniskaart.ui import (
    filters_from_url,
    filters_to_url,
    get_content,
    md,
    shortlist_button,
    show_sources,
    web_link,
)

kk = get_content()
themes = {t.id: t.name for t in kk.pmg_themes}
levels = {h.id: h.name for h in sorted(kk.help_levels, key=lambda h: h.order)}
factors = {f.id: f for f in kk.factors}

st.title("Interventies")
st.write(
    "Erkende interventies, aanpakken die gemeenten kunnen overnemen en gemeenschapsinterventies, "
    "met leeftijd, doelgroep, erkenning (met peildatum), de factoren die ze aanpakken en "
    "waarschuwingen. Waar de bronnen niets zeggen, staat 'onbekend'."
)

rec_options = list(RECOGNITION_ORDER) + [ONBEKEND]
URL_FILTERS = [
    FilterParam("zoek", "i_query", "text", "zoekterm"),
    FilterParam("lft", "i_age", "int", "leeftijd", lo=6, hi=30),
    FilterParam("soort", "i_kind", "list", "soorten", KIND_IV_LABELS),
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

with st.expander("Filters", expanded=True):
    c1, c2, c3 = st.columns(3)
    query = c1.text_input("Zoek op naam, doelgroep of beschrijving", key="i_query")
    use_age = c1.toggle("Filter op leeftijd", key="i_use_age")
    if use_age:
        st.session_state.setdefault("i_age", 14)
    age = c1.slider("Leeftijd van de jongere", 6, 30, key="i_age") if use_age else None
    kinds = c1.multiselect("Soort", list(KIND_IV_LABELS), format_func=KIND_IV_LABELS.get, placeholder="Kies…", key="i_kind")
    sel_themes = c2.multiselect("PmG-thema", list(themes), format_func=themes.get, placeholder="Kies…", key="i_theme")
    sel_levels = c2.multiselect("Niveau van hulp", list(levels), format_func=levels.get, placeholder="Kies…", key="i_level")
    recognition = c2.multiselect("Erkenning", rec_options, placeholder="Kies…", key="i_rec")
    sel_factors = c3.multiselect(
        "Pakt deze factor aan", list(factors), format_func=lambda i: factors[i].name, placeholder="Kies…", key="i_factor"
    )
    settings = c3.multiselect("Setting", list(SETTING_LABELS), format_func=SETTING_LABELS.get, placeholder="Kies…", key="i_setting")
    formats = c3.multiselect("Vorm", list(FORMAT_LABELS), format_func=FORMAT_LABELS.get, placeholder="Kies…", key="i_format")

flt = InterventionFilter(
    query=query, age=age, themes=sel_themes, factors=sel_factors,
    settings=settings, formats=formats, help_levels=sel_levels, recognition=recognition, kinds=kinds,
)
selected = filter_interventions(kk, flt)

st.header("Interventiematrix: PmG-thema × niveau van hulp")
st.caption(
    "Aantal interventies per cel bij de huidige filters. Lege cellen laten zien waar het aanbod "
    "ontbreekt. Klik op een cel om de lijst daarop te filteren; klik nogmaals om te wissen."
)
matrix = intervention_matrix(kk, selected)
theme_order = list(matrix["thema"].unique())
level_order = list(matrix["niveau van hulp"].unique())
event = st.altair_chart(
    intervention_matrix_chart(matrix, theme_order, level_order),
    on_select="rerun",
    key="i_matrix",
    width="stretch",
)
cells = (event.selection.get("cel") if event and event.selection else None) or []
with st.expander("Matrix als tabel"):
    st.dataframe(
        matrix.pivot(index="thema", columns="niveau van hulp", values="aantal")
        .reindex(index=theme_order, columns=level_order),
        width="stretch",
    )
if cells:
    cell = cells[0]
    t, lvl = cell.get("thema"), cell.get("niveau van hulp")
    selected = [iv for iv in selected if in_matrix_cell(kk, iv, t, lvl)]
    st.info(md(f"Gefilterd op matrixcel: {t} × {lvl}"))

st.write(f"**{len(selected)}** van {len(kk.interventions)} interventies.")
if selected:
    table = interventions_table(kk, selected)
    st.dataframe(table, hide_index=True, width="stretch")
    d1, d2, _ = st.columns([1, 1, 3])
    d1.download_button("Download deze lijst (CSV)", dataframe_csv(table), file_name="interventies.csv", mime="text/csv")
    d2.download_button(
        "Download deze lijst (Excel)", lambda: dataframe_xlsx(table, "Interventies"), file_name="interventies.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
else:
    st.info("Geen interventies met deze filters. Maak de filters ruimer.")

st.header("Interventie in detail")
if not selected:
    filters_to_url(URL_FILTERS, "interventies", skip=set() if use_age else {"i_age"})
else:
    by_id = {iv.id: iv for iv in selected}
    ids = list(by_id)
    wanted = st.query_params.get("interventie")
    if wanted is not None and wanted not in by_id:
        st.warning("De interventie uit de link bestaat niet of valt buiten de filters; de eerste wordt getoond.")
    iid = st.selectbox(
        "Kies een interventie", ids, index=ids.index(wanted) if wanted in by_id else 0,
        format_func=lambda i: by_id[i].name, key="i_detail",
    )
    iv = by_id[iid]
    filters_to_url(URL_FILTERS, "interventies", skip=set() if use_age else {"i_age"}, extra={"interventie": iid})
    st.markdown(f"### {md(iv.name)}")
    if iv.aliases:
        st.caption("Ook bekend als: " + md(", ".join(iv.aliases)))
    a, b, c = st.columns(3)
    a.markdown(f"**Erkenning**  \n{md(recognition_text(iv.recognition))}")
    b.markdown(f"**Leeftijd**  \n{md(age_range(iv))}" + (f"  \n{md(iv.age_note)}" if iv.age_note else ""))
    c.markdown(f"**Niveau van hulp**  \n{md(', '.join(help_level_names(kk, iv.help_levels)) or ONBEKEND)}")
    a.markdown(f"**Doel**  \n{md(or_unknown(iv.goal))}")
    b.markdown(f"**Werkwijze**  \n{md(or_unknown(iv.method))}")
    c.markdown(
        f"**Setting en vorm**  \n{md(', '.join(SETTING_LABELS[s] for s in iv.settings) or ONBEKEND)}; "
        f"{md(', '.join(FORMAT_LABELS[f] for f in iv.formats) or ONBEKEND)}"
    )
    shortlist_button(iv.id, "iv")
    st.markdown(md(iv.description))
    st.markdown(f"**Doelgroep:** {md(or_unknown(iv.target_group))}")
    if iv.developer:
        st.markdown(f"**Ontwikkelaar:** {md(iv.developer)}")
    st.markdown(f"**PmG-thema's:** {md(', '.join(theme_names(kk, iv.pmg_themes)) or ONBEKEND)}")
    ps_names = theme_names(kk, iv.praktijkscan_themes)
    if ps_names:
        st.markdown(f"**Interventiethema's (praktijkscan):** {md(', '.join(ps_names))}")
    st.markdown("**Effect:** " + md(or_unknown(iv.effect)))
    if iv.recognition and iv.recognition.note:
        st.caption(md(iv.recognition.note))

    st.markdown("#### Factoren die deze interventie aanpakt")
    if not iv.factors:
        st.write("Onbekend: de bronnen koppelen deze interventie niet aan factoren.")
    for link in iv.factors:
        f = factors[link.factor]
        tag = "📄 bron" if link.basis == "bron" else "🔧 afgeleid door team"
        line = f"- {md(f.name)} ({EVIDENCE_LABELS[f.evidence]}, {f.kind}) — {tag}"
        if link.note:
            line += f": {md(link.note)}"
        st.markdown(line)
    st.caption("📄 bron: een bron noemt deze koppeling. 🔧 afgeleid: " + BASIS_LABELS["team"] + ".")

    if iv.working_elements:
        st.markdown("#### Werkzame elementen")
        for w in iv.working_elements:
            st.markdown(f"- {md(w)}")
    if iv.conditions:
        st.markdown("#### Voorwaarden")
        for w in iv.conditions:
            st.markdown(f"- {md(w)}")
    if iv.conclusion:
        st.markdown(f"**Conclusie van de bron:** {md(iv.conclusion)}")
    if iv.cautions:
        st.markdown("#### Let op")
        for caution in iv.cautions:
            st.warning(md(caution.text))
    st.markdown(
        "**Gebruikt in (volgens de bronnen):** " + md(", ".join(iv.municipalities) or ONBEKEND)
    )
    used = kk.examples_for_intervention(iv.id)
    if used:
        st.markdown("**Praktijkvoorbeelden:** " + md(", ".join(f"{e.name} ({or_unknown(e.municipality)})" for e in used)))
    for link in filter(None, map(web_link, iv.links)):
        st.markdown(f"- {link}")
    show_sources(kk, iv.sources, "Bronnen")
    if iv.recognition:
        show_sources(kk, iv.recognition.sources, "Bron erkenning")
