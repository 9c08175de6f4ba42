"""Planscan: a municipality checks its plan for gaps in factors, themes and levels of help."""

import streamlit as st

from kenniskaart.charts import bar_chart, coverage_chart
from kenniskaart.exports import dataframe_csv
from kenniskaart.planscan import (
    GROUPS,
    OwnEntry,
    Plan,
    PlanFileError,
    balance,
    botoc_municipalities,
    coverage_table,
    gap_suggestions,
    municipality_preset,
    plan_from_json,
    plan_items,
    plan_to_json,
    process_lessons,
    scan,
    summary,
)
from kenniskaart.ui import get_content, md, shortlist_button, show_sources

kk = get_content()
ivs = kk.by_id("interventions")
exs = kk.by_id("examples")
factors = kk.by_id("factors")
themes = {t.id: t.name for t in kk.pmg_themes}
levels = {h.id: h.name for h in sorted(kk.help_levels, key=lambda h: h.order)}
ALL = "*"

st.title("Planscan")
st.write(
    "Zet de interventies van uw (voorgenomen) plan op een rij en zie welke risico- en beschermende "
    "factoren, PmG-thema's en niveaus van hulp ze dekken, en waar de gaten zitten. Dit is de "
    "praktijkscan van Bureau Beke, geautomatiseerd. Kies interventies uit de catalogus, "
    "praktijkvoorbeelden, of voeg eigen interventies toe."
)

st.session_state.setdefault("ps_own", [])
for notice in st.session_state.pop("ps_notices", []):
    st.warning(md(notice))


def _load_preset() -> None:
    choice = st.session_state.get("ps_preset")
    if choice:
        st.session_state["ps_examples"] = municipality_preset(kk, choice)


def _load_file() -> None:
    upload = st.session_state.get("ps_upload")
    if upload is None:
        return
    try:
        plan, notices = plan_from_json(kk, upload.getvalue())
    except PlanFileError as exc:
        st.session_state["ps_notices"] = [f"Het plan is niet geladen: {exc}"]
        return
    st.session_state["ps_interventions"] = list(plan.interventions)
    st.session_state["ps_examples"] = list(plan.examples)
    st.session_state["ps_own"] = list(plan.own)
    st.session_state["ps_notices"] = notices + [f"Plan geladen uit '{upload.name}'."]


def _add_own() -> None:
    name = st.session_state.get("ps_own_name", "").strip()
    if not name:
        st.session_state["ps_notices"] = ["Geef de eigen interventie een naam."]
        return
    lo, hi = st.session_state.get("ps_own_age", (8, 27))
    st.session_state["ps_own"].append(
        OwnEntry(
            name=name,
            min_age=lo,
            max_age=hi,
            pmg_themes=tuple(st.session_state.get("ps_own_themes", [])),
            factors=tuple(st.session_state.get("ps_own_factors", [])),
            help_levels=tuple(st.session_state.get("ps_own_levels", [])),
        )
    )
    for key in ("ps_own_name", "ps_own_themes", "ps_own_factors", "ps_own_levels"):
        st.session_state.pop(key, None)


def _remove_own(index: int) -> None:
    st.session_state["ps_own"].pop(index)


with st.container(border=True):
    st.header("Uw plan")
    c1, c2 = st.columns(2)
    c1.selectbox(
        "Begin met het plan van een BOTOC-gemeente (2020)",
        [None, *botoc_municipalities(kk), ALL],
        format_func=lambda m: "— geen —" if m is None else ("Alle BOTOC-gemeenten" if m == ALL else m),
        key="ps_preset",
        on_change=_load_preset,
    )
    c2.file_uploader(
        "Of laad een eerder gedownload plan (.json)", type=["json"], key="ps_upload", on_change=_load_file
    )
    chosen_ivs = st.multiselect(
        "Interventies uit de catalogus", list(ivs), format_func=lambda i: ivs[i].name,
        placeholder="Kies…", key="ps_interventions",
    )
    chosen_exs = st.multiselect(
        "Praktijkvoorbeelden",
        list(exs),
        format_func=lambda e: f"{exs[e].code or ''} {exs[e].name} ({exs[e].municipality or 'onbekend'})".strip(),
        placeholder="Kies…", key="ps_examples",
    )
    own: list[OwnEntry] = st.session_state["ps_own"]
    if own:
        st.markdown("**Eigen interventies**")
        for i, entry in enumerate(own):
            a, b = st.columns([5, 1])
            a.markdown(f"- {md(entry.name)} ({len(entry.factors)} factoren)")
            b.button("Verwijder", key=f"ps-own-rm-{i}", on_click=_remove_own, args=(i,))
    with st.expander("Eigen interventie toevoegen"):
        st.text_input("Naam", key="ps_own_name")
        st.slider("Leeftijd", 4, 30, (8, 27), key="ps_own_age")
        st.multiselect("PmG-thema's", list(themes), format_func=themes.get, placeholder="Kies…", key="ps_own_themes")
        st.multiselect(
            "Factoren die ze aanpakt", list(factors), format_func=lambda f: factors[f].name,
            placeholder="Kies…", key="ps_own_factors",
        )
        st.multiselect("Niveau van hulp", list(levels), format_func=levels.get, placeholder="Kies…", key="ps_own_levels")
        st.button("Voeg toe aan het plan", on_click=_add_own, key="ps_own_add")

plan = Plan(interventions=tuple(chosen_ivs), examples=tuple(chosen_exs), own=tuple(own))
st.download_button(
    "Download dit plan (.json)", plan_to_json(plan), file_name="plan-kenniskaart.json",
    mime="application/json", help="Later weer te laden met 'Of laad een eerder gedownload plan'.",
)

items = plan_items(kk, chosen_ivs, chosen_exs, tuple(own))
coverage = scan(kk, items)
st.header("Dekking")
if not items:
    st.info("Uw plan is nog leeg: alles hieronder is dus een gat. Kies een gemeente of voeg interventies toe.")
else:
    st.write(f"Het plan telt {len(items)} interventies.")

sm = summary(coverage)
st.altair_chart(coverage_chart(sm, list(GROUPS)), width="stretch")
with st.expander("Dekking als tabel"):
    st.dataframe(sm, hide_index=True)

suggestions = gap_suggestions(kk, coverage)
for group in GROUPS:
    rows = [c for c in coverage if c.group == group]
    gaps = [c for c in rows if not c.covered]
    with st.expander(f"{group}: {len(rows) - len(gaps)} van {len(rows)} gedekt", expanded=group == GROUPS[0]):
        for c in rows:
            if c.covered:
                st.markdown(f"- ✅ {md(c.name)} — door {md(', '.join(c.covered_by))}")
                continue
            st.markdown(f"- ❌ **{md(c.name)}** — niet gedekt")
            if c.id in suggestions:
                ids = suggestions[c.id]
                if not ids:
                    st.caption("Geen interventie in de kenniskaart pakt deze factor aan.")
                for iid in ids:
                    s1, s2 = st.columns([4, 1.3])
                    s1.markdown(f"  Suggestie: [{md(ivs[iid].name)}](/interventies?interventie={iid})")
                    with s2:
                        shortlist_button(iid, f"ps-{c.id}")

st.header("Balans")
bal = balance(kk, items)
left, right = st.columns(2)
with left:
    part = bal[bal["verdeling"] == "preventief / repressief"].rename(columns={"deel": "soort"})
    st.altair_chart(bar_chart(part, "soort"), width="stretch")
with right:
    part = bal[bal["verdeling"] == "niveau van hulp"].rename(columns={"deel": "niveau"})
    st.altair_chart(bar_chart(part, "niveau", list(part["niveau"])), width="stretch")
with st.expander("Balans als tabel"):
    st.dataframe(bal, hide_index=True)
st.caption(
    "Repressief = interventies in de thema's opsporing/vervolging en bovenlokale criminele netwerken "
    "(indeling kenniskaart-team); de rest telt als preventief."
)

st.header("Lessen voor het proces")
for lesson in process_lessons(kk):
    with st.container(border=True):
        st.markdown(f"**{md(lesson.title)}**")
        if lesson.text:
            st.markdown(md(lesson.text))
        show_sources(kk, lesson.sources)

st.download_button(
    "Download de scan (CSV)", dataframe_csv(coverage_table(coverage)), file_name="planscan.csv", mime="text/csv"
)
