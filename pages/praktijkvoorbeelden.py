"""Praktijkvoorbeelden: the BOTOC interventions and the PmG examples with their figures."""

import streamlit as st

from kenniskaart.catalog import (
    ExampleFilter,
    examples_per_municipality,
    examples_per_theme,
    filter_examples,
)
from kenniskaart.charts import bar_chart
from kenniskaart.present import BASIS_LABELS, ONBEKEND, or_unknown, theme_names
from kenniskaart.ui import get_content, md, show_sources

KIND_LABELS = {"botoc": "BOTOC-interventie (2020-2022)", "pmg": "Voorbeeld Preventie met Gezag (2024)"}

kk = get_content()
interventions = kk.by_id("interventions")
ps_themes = {t.id: t.name for t in kk.praktijkscan_themes}

st.title("Praktijkvoorbeelden")
st.write(
    "Wat gemeenten doen: de 62 interventies van de acht BOTOC-gemeenten uit de praktijkscan en de "
    "voorbeelden uit de rapportage Preventie met Gezag, met hun cijfers. De interventiethema's van "
    "de BOTOC-interventies zijn door het kenniskaart-team afgeleid uit de beschrijvingen, omdat de "
    "tabel van de bron bij de omzetting verloren ging."
)

with st.expander("Filters", expanded=True):
    c1, c2, c3 = st.columns(3)
    query = c1.text_input("Zoek", key="p_query")
    kinds = c1.multiselect("Soort", list(KIND_LABELS), format_func=KIND_LABELS.get, placeholder="Kies…", key="p_kind")
    munis = c2.multiselect(
        "Gemeente", sorted({or_unknown(e.municipality) for e in kk.examples}), placeholder="Kies…", key="p_muni"
    )
    themes = c3.multiselect("Interventiethema (praktijkscan)", list(ps_themes), format_func=ps_themes.get, placeholder="Kies…", key="p_theme")

examples = filter_examples(kk, ExampleFilter(query=query, kinds=kinds, municipalities=munis, themes=themes))
st.write(f"**{len(examples)}** van {len(kk.examples)} praktijkvoorbeelden.")

if examples:
    left, right = st.columns(2)
    with left:
        st.header("Per interventiethema")
        per_theme = examples_per_theme(kk, examples)
        st.altair_chart(bar_chart(per_theme, "thema", list(ps_themes.values())), width="stretch")
        with st.expander("Als tabel"):
            st.dataframe(per_theme, hide_index=True)
    with right:
        st.header("Per gemeente")
        per_muni = examples_per_municipality(examples)
        st.altair_chart(bar_chart(per_muni, "gemeente"), width="stretch")
        with st.expander("Als tabel"):
            st.dataframe(per_muni, hide_index=True)
else:
    st.info("Geen praktijkvoorbeelden met deze filters.")

st.header("Voorbeelden per gemeente")
municipalities = sorted({or_unknown(e.municipality) for e in examples}, key=lambda m: (m == ONBEKEND, m))
if municipalities:
    muni = st.selectbox(
        "Kies een gemeente",
        municipalities,
        format_func=lambda m: "Zonder genoemde gemeente" if m == ONBEKEND else m,
        key="p_show_muni",
    )
    items = [e for e in examples if or_unknown(e.municipality) == muni]
    st.dataframe(
        [{"code": e.code or "", "naam": e.name, "soort": KIND_LABELS[e.kind]} for e in items],
        hide_index=True,
        width="stretch",
    )
    for ex in items:
        with st.container(border=True):
            head = f"{ex.code} · " if ex.code else ""
            st.markdown(f"**{md(head + ex.name)}** — {KIND_LABELS[ex.kind]}")
            st.markdown(md(ex.description))
            names = theme_names(kk, ex.praktijkscan_themes)
            if names:
                st.caption(
                    md(f"Interventiethema's: {', '.join(names)} ({BASIS_LABELS[ex.praktijkscan_themes_basis]})")
                )
            pmg = theme_names(kk, ex.pmg_themes)
            if pmg:
                st.caption(md(f"PmG-thema's: {', '.join(pmg)}"))
            if ex.status:
                st.markdown(f"*Stand van zaken:* {md(ex.status)}")
            for fig in ex.figures:
                st.markdown(f"- {md(fig.label)}: **{md(fig.value)}**")
            for iid in ex.interventions:
                iv = interventions[iid]
                st.markdown(f"- Gebruikt: [{md(iv.name)}](/interventies?interventie={iv.id})")
            show_sources(kk, ex.sources)
