"""Factoren: all risk and protective factors, filterable, with a knowledge map and details."""

import streamlit as st

from kenniskaart.catalog import (
    FactorFilter,
    crime_scope_label,
    factor_theme_level_counts,
    factors_table,
    filter_factors,
)
from kenniskaart.charts import knowledge_map
from kenniskaart.present import (
    BASIS_LABELS,
    EVIDENCE_EXPLAINED,
    EVIDENCE_LABELS,
    FRAMEWORK_LABELS,
    KIND_LABELS,
    LEVEL_LABELS,
    or_unknown,
    recognition_text,
    theme_names,
)
from kenniskaart.share import FilterParam
from kenniskaart.ui import filters_from_url, filters_to_url, get_content, md, show_sources

kk = get_content()
themes = {t.id: t.name for t in kk.pmg_themes}

st.title("Factoren")
st.write(
    "Risicofactoren vergroten de kans dat een jongere in de georganiseerde criminaliteit belandt; "
    "beschermende factoren verkleinen die kans. Hier staan ze allemaal, op het niveau van het "
    "individu, het gezin en de gemeenschap, met de sterkte van het bewijs en de bron."
)
with st.expander("Wat betekent de sterkte van het bewijs?"):
    for key, label in EVIDENCE_LABELS.items():
        st.markdown(f"**{label}**: {md(EVIDENCE_EXPLAINED[key])}")

source_names = {s.id: s.title for s in kk.sources}
target_options = sorted({or_unknown(f.target_group) for f in kk.factors})
URL_FILTERS = [
    FilterParam("zoek", "f_query", "text", "zoekterm"),
    FilterParam("soort", "f_kind", "list", "soorten", KIND_LABELS),
    FilterParam("niveau_f", "f_level", "list", "niveaus", LEVEL_LABELS),
    FilterParam("thema", "f_theme", "list", "thema's", themes),
    FilterParam("bewijs", "f_ev", "list", "bewijssterktes", EVIDENCE_LABELS),
    FilterParam("doelgroep", "f_tg", "list", "doelgroepen", target_options, sep="|"),
    FilterParam("nl", "f_nl", "choice", "'ook in Nederland onderzocht'", ["alle", "ja", "nee", "onbekend"]),
    FilterParam("kader", "f_fw", "list", "kaders", FRAMEWORK_LABELS),
    FilterParam("bron", "f_src", "list", "bronnen", source_names),
]
filters_from_url(URL_FILTERS)

with st.expander("Filters", expanded=True):
    c1, c2, c3 = st.columns(3)
    query = c1.text_input("Zoek op naam of beschrijving", key="f_query")
    kinds = c1.multiselect("Soort", list(KIND_LABELS), format_func=KIND_LABELS.get, placeholder="Kies…", key="f_kind")
    levels = c1.multiselect("Niveau", list(LEVEL_LABELS), placeholder="Kies…", key="f_level")
    sel_themes = c2.multiselect("PmG-thema", list(themes), format_func=themes.get, placeholder="Kies…", key="f_theme")
    evidence = c2.multiselect(
        "Sterkte van het bewijs", list(EVIDENCE_LABELS), format_func=EVIDENCE_LABELS.get, placeholder="Kies…", key="f_ev"
    )
    target_groups = c2.multiselect(
        "Doelgroep", target_options, placeholder="Kies…", key="f_tg"
    )
    nl = c3.radio(
        "Ook in Nederland onderzocht", ["alle", "ja", "nee", "onbekend"], horizontal=True, key="f_nl"
    )
    frameworks = c3.multiselect(
        "Kader", list(FRAMEWORK_LABELS), format_func=FRAMEWORK_LABELS.get, placeholder="Kies…", key="f_fw"
    )
    sources = c3.multiselect(
        "Brondocument", list(source_names), format_func=source_names.get, placeholder="Kies…", key="f_src"
    )

flt = FactorFilter(
    query=query, kinds=kinds, levels=levels, themes=sel_themes, evidence=evidence,
    target_groups=target_groups, studied_in_nl=nl, frameworks=frameworks, sources=sources,
)
factors = filter_factors(kk, flt)
st.write(f"**{len(factors)}** van {len(kk.factors)} factoren.")

tab_list, tab_map, tab_detail = st.tabs(["Overzicht", "Kenniskaart (visueel)", "Factor in detail"])

with tab_list:
    if factors:
        st.dataframe(factors_table(kk, factors), hide_index=True, width="stretch")
    else:
        st.info("Geen factoren met deze filters. Maak de filters ruimer.")

with tab_map:
    st.write(
        "Hoeveel factoren horen bij elk PmG-thema, per niveau (individu, gezin, gemeenschap), "
        "links de risicofactoren en rechts de beschermende factoren. Een factor met meer thema's "
        "telt bij elk thema mee."
    )
    counts = factor_theme_level_counts(kk, factors)
    if counts.empty:
        st.info("Geen factoren met deze filters.")
    else:
        st.altair_chart(knowledge_map(counts, list(themes.values())), width="content")
        with st.expander("Dezelfde gegevens als tabel"):
            st.dataframe(counts, hide_index=True)
    st.caption(
        "De indeling van factoren bij PmG-thema's is grotendeels een indeling van het "
        "kenniskaart-team: de bronnen noemen de thema's, maar delen de factoren niet zelf in."
    )

with tab_detail:
    if not factors:
        filters_to_url(URL_FILTERS, "factoren")
        st.info("Geen factoren met deze filters.")
    else:
        by_id = {f.id: f for f in factors}
        wanted = st.query_params.get("factor")
        ids = list(by_id)
        index = ids.index(wanted) if wanted in by_id else 0
        fid = st.selectbox(
            "Kies een factor", ids, index=index, format_func=lambda i: by_id[i].name, key="f_detail"
        )
        f = by_id[fid]
        filters_to_url(URL_FILTERS, "factoren", extra={"factor": fid})
        st.header(md(f.name))
        a, b, c, d = st.columns(4)
        a.markdown(f"**Soort**  \n{KIND_LABELS[f.kind]}")
        b.markdown(f"**Niveau**  \n{f.level}")
        c.markdown(f"**Bewijs**  \n{EVIDENCE_LABELS[f.evidence]}")
        d.markdown(f"**Doelgroep**  \n{md(or_unknown(f.target_group))}")
        if f.description:
            st.markdown(md(f.description))
        st.markdown(f"- **Kader:** {FRAMEWORK_LABELS[f.framework]}")
        st.markdown(f"- **Categorie:** {md(or_unknown(f.category))}")
        st.markdown(f"- **Wat betekent '{EVIDENCE_LABELS[f.evidence]}'?** {md(EVIDENCE_EXPLAINED[f.evidence])}")
        if f.framework == "beke_kennissynthese":
            nl_text = {True: "ja", False: "nee", None: "onbekend"}[f.studied_in_nl]
            st.markdown(f"- **Ook in Nederland onderzocht:** {nl_text}")
        if f.framework == "samen_weerbaar":
            st.markdown(f"- **Reikwijdte:** {crime_scope_label(f)}")
        names = ", ".join(theme_names(kk, f.pmg_themes)) or "onbekend"
        st.markdown(f"- **PmG-thema's:** {md(names)} ({BASIS_LABELS[f.pmg_themes_basis]})")
        ps = [t.name for t in kk.praktijkscan_themes if f.id in t.risk_factors + t.protective_factors]
        if ps:
            st.markdown(f"- **Interventiethema's (praktijkscan) die deze factor aanpakken:** {md(', '.join(ps))}")
        if f.note:
            st.warning(md(f.note))
        show_sources(kk, f.sources)

        st.markdown("### Interventies die deze factor aanpakken")
        ivs = kk.interventions_for_factor(f.id)
        if not ivs:
            st.write("Geen interventie in de kenniskaart koppelt aan deze factor.")
        for iv in ivs:
            link = next(l for l in iv.factors if l.factor == f.id)
            basis = BASIS_LABELS[link.basis] + (f": {link.note}" if link.note else "")
            st.markdown(
                f"- [{md(iv.name)}](/interventies?interventie={iv.id}) — "
                f"{md(recognition_text(iv.recognition))}; koppeling {md(basis)}"
            )
        exs = kk.examples_for_factor(f.id)
        if exs:
            st.markdown("### Praktijkvoorbeelden die deze factor aanpakken")
            for ex in exs:
                st.markdown(f"- {md(ex.name)} ({md(or_unknown(ex.municipality))})")
