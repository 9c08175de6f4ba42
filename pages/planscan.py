"""Planscan: a municipality checks its plan for gaps in factors, themes and levels of help."""

import streamlit as st

from kenniskaart.charts import coverage_chart
from kenniskaart.exports import dataframe_csv
from kenniskaart.planscan import (
    GROUPS,
    botoc_municipalities,
    coverage_table,
    municipality_preset,
    plan_items,
    scan,
    summary,
)
from kenniskaart.ui import get_content, md

kk = get_content()
ivs = {iv.id: iv for iv in kk.interventions}
exs = {e.id: e for e in kk.examples}
ALL = "*"

st.title("Planscan")
st.write(
    "Zet de interventies van uw (voorgenomen) plan op een rij en zie welke risico- en beschermende "
    "factoren, PmG-thema's en niveaus van hulp ze dekken, en waar de gaten zitten. Dit is de "
    "praktijkscan van Bureau Beke, geautomatiseerd."
)

munis = botoc_municipalities(kk)


def _load_preset() -> None:
    choice = st.session_state.get("ps_preset")
    if choice:
        st.session_state["ps_examples"] = municipality_preset(kk, choice)


st.selectbox(
    "Begin met het plan van een BOTOC-gemeente (2020)",
    [None, *munis, ALL],
    format_func=lambda m: "— geen —" if m is None else ("Alle BOTOC-gemeenten" if m == ALL else m),
    key="ps_preset",
    on_change=_load_preset,
)
chosen_ivs = st.multiselect(
    "Interventies uit de catalogus", list(ivs), format_func=lambda i: ivs[i].name, placeholder="Kies…", key="ps_interventions"
)
chosen_exs = st.multiselect(
    "Praktijkvoorbeelden",
    list(exs),
    format_func=lambda e: f"{exs[e].code or ''} {exs[e].name} ({exs[e].municipality or 'onbekend'})".strip(),
    placeholder="Kies…", key="ps_examples",
)

items = plan_items(kk, chosen_ivs, chosen_exs)
coverage = scan(kk, items)
if not items:
    st.info("Uw plan is nog leeg: alles hieronder is dus een gat. Kies een gemeente of voeg interventies toe.")

sm = summary(coverage)
st.altair_chart(coverage_chart(sm, list(GROUPS)), width="stretch")
with st.expander("Dekking als tabel"):
    st.dataframe(sm, hide_index=True)

for group in GROUPS:
    rows = [c for c in coverage if c.group == group]
    gaps = [c for c in rows if not c.covered]
    with st.expander(f"{group}: {len(rows) - len(gaps)} van {len(rows)} gedekt"):
        for c in rows:
            if c.covered:
                st.markdown(f"- ✅ {md(c.name)} — door {md(', '.join(c.covered_by))}")
            else:
                st.markdown(f"- ❌ **{md(c.name)}** — niet gedekt")

st.download_button(
    "Download de scan (CSV)",
    dataframe_csv(coverage_table(coverage)),
    file_name="planscan.csv",
    mime="text/csv",
)
