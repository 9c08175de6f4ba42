"""Planscan: a municipality checks its plan for gaps in factors, themes and levels of help.

The plan lives in session state (``ui.current_plan``), so it survives navigation; the
widgets mirror it. Plan editing and coverage form one fragment: changing the plan reruns
only that. Tabs and expanders are lazy: only what is open is rendered.
"""

import streamlit as st

from kenniskaart.catalog import factor_choice_id, plural
from kenniskaart import charts
from kenniskaart.exports import dataframe_csv
from kenniskaart.planscan import (
    ALL_BOTOC,
    CONTEXT_GROUP,
    YOUR_PLAN,
    FACTOR_GROUPS,
    GROUPS,
    HOW_COVERED,
    PROVENANCE_LABELS,
    Coverage,
    OwnEntry,
    Plan,
    PlanFileError,
    balance,
    botoc_municipalities,
    compare,
    comparison_table,
    coverage_table,
    gap_suggestions,
    grounded_items,
    items_of,
    municipality_label,
    municipality_preset,
    names_list,
    plan_from_json,
    plan_to_json,
    plan_warnings,
    process_lessons,
    row_explanations,
    scan,
    score_reasons,
    summary,
)
from kenniskaart.present import BASIS_EXPLAINED, NATURE_EXPLAINED
from kenniskaart.ui import get_content
from kenniskaart.ui.state import current_plan, set_plan
from kenniskaart.ui.text import md, show_sources
from kenniskaart.ui.widgets import chart, shortlist_button
from kenniskaart.ui.guidance import guidance_link

kk = get_content()
ivs = kk.by_id("interventions")
exs = kk.by_id("examples")
factors = kk.by_id("factors")
themes = {t.id: t.name for t in kk.pmg_themes}
ps_themes = {t.id: t.name for t in kk.praktijkscan_themes}
levels = {h.id: h.name for h in sorted(kk.help_levels, key=lambda h: h.order)}
municipalities = botoc_municipalities(kk)
COVERED = ":green[:material/check_circle:]"
GAP = ":red[:material/cancel:]"


def _own_factor_options() -> list[str]:
    """Dynamic factors an own entry can address; one choice per twin pair."""
    return [f.id for f in kk.factors if f.nature == "dynamisch" and factor_choice_id(kk, f.id) == f.id]


def _factor_label(fid: str) -> str:
    f = factors[fid]
    twins = [factors[t].name for t in sorted(kk.twin_ids(fid) - {fid}) if t in factors]
    return f.name + (f" (= {'; '.join(twins)})" if twins else "")


# --- callbacks: every change goes through the plan in session state ---------------------


def _from_widgets() -> None:
    plan = current_plan()
    set_plan(plan.model_copy(update={
        "interventions": tuple(st.session_state.get("ps_interventions", [])),
        "examples": tuple(st.session_state.get("ps_examples", [])),
    }))


def _load_preset() -> None:
    choice = st.session_state.get("ps_preset")
    if choice:
        set_plan(current_plan().model_copy(update={"examples": tuple(municipality_preset(kk, choice))}))


def _load_file() -> None:
    upload = st.session_state.get("ps_upload")
    if upload is None:
        return
    try:
        plan, notices = plan_from_json(kk, upload.getvalue())
    except PlanFileError as exc:
        st.session_state["ps_notices"] = [f"Het plan is niet geladen: {exc}"]
        return
    set_plan(plan)
    st.session_state["ps_notices"] = notices + [f"Plan geladen uit '{upload.name}'."]


def _add_own() -> None:
    name = st.session_state.get("ps_own_name", "").strip()
    if not name:
        st.session_state["ps_notices"] = ["Geef de eigen interventie een naam."]
        return
    lo, hi = st.session_state.get("ps_own_age", (8, 27))
    entry = OwnEntry(
        name=name[:200],
        min_age=lo,
        max_age=hi,
        pmg_themes=tuple(st.session_state.get("ps_own_themes", [])),
        praktijkscan_themes=tuple(st.session_state.get("ps_own_ps_themes", [])),
        factors=tuple(st.session_state.get("ps_own_factors", [])),
        help_levels=tuple(st.session_state.get("ps_own_levels", [])),
    )
    plan = current_plan()
    set_plan(plan.model_copy(update={"own": (*plan.own, entry)}))
    # an empty form for the next entry (the widgets persist their state, so set it, do not drop it)
    st.session_state["ps_own_name"] = ""
    st.session_state["ps_own_age"] = (8, 27)
    for key in ("ps_own_themes", "ps_own_ps_themes", "ps_own_factors", "ps_own_levels"):
        st.session_state[key] = []


def _remove_own(index: int) -> None:
    plan = current_plan()
    set_plan(plan.model_copy(update={"own": tuple(e for i, e in enumerate(plan.own) if i != index)}))


def _clear_plan() -> None:
    set_plan(Plan())
    st.session_state.pop("ps_preset", None)


# --- rendering ----------------------------------------------------------------------------


def _also(c: Coverage) -> str:
    """'ook bij <other group>': the same row, with the same verdict, in another group."""
    others = [g for g in c.groups if g != c.group]
    return f"; ook bij {'; '.join(others)}" if others else ""


def _covered_line(c: Coverage) -> str:
    twins = f" (ook genoemd als: {'; '.join(c.twins)})" if c.twins else ""
    parts = "; ".join(f"{PROVENANCE_LABELS[b]}: {names_list(names)}" for b, names in c.by_basis().items())
    return (f"- {COVERED} {md(c.name)}{md(twins)} — {plural(len(c.hits), 'interventie', 'interventies')} "
            f"({md(parts)}){md(_also(c))}")


def _gap_row(c: Coverage, suggestions: dict[str, list[str]]) -> None:
    twins = f" (ook genoemd als: {'; '.join(c.twins)})" if c.twins else ""
    ids = suggestions.get(c.id, [])
    none = "  \n:gray[Geen interventie in de kenniskaart pakt dit aan.]" if not ids else ""
    st.markdown(f"- {GAP} **{md(c.name)}**{md(twins)} — niet gedekt{md(_also(c))}{none}")
    for iid in ids:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.page_link(
                "pages/interventies.py", label=f"Suggestie: {md(ivs[iid].name)}",
                query_params={"interventie": iid}, icon=":material/arrow_forward:",
            )
            # the same factor can be listed in two groups: one key per group
            shortlist_button(iid, f"ps-{GROUPS.index(c.group)}-{c.id}")


def _plan_editor(plan: Plan) -> None:
    # The widgets mirror the plan; they differ only when the plan changed elsewhere
    # (preset, uploaded file, a restored werkmap, a visit to another page).
    # Ids the content does not know are left out (the plan's items skip them too).
    for key, value in (
        ("ps_interventions", [i for i in plan.interventions if i in ivs]),
        ("ps_examples", [e for e in plan.examples if e in exs]),
    ):
        if st.session_state.get(key) != value:
            st.session_state[key] = value
    with st.container(border=True):
        st.header("Uw plan")
        c1, c2 = st.columns(2)
        c1.selectbox(
            "Begin met het plan van een BOTOC-gemeente (2020)",
            [None, *municipalities, ALL_BOTOC],
            format_func=lambda m: "— geen —" if m is None else municipality_label(m),
            key="ps_preset",
            placeholder="Kies…",
            on_change=_load_preset,
            persist_state="session",
            help="Zet de BOTOC-interventies van die gemeente (praktijkscan, bijlage 2) in het plan, "
            "in plaats van de gekozen praktijkvoorbeelden. Uw eigen interventies blijven staan.",
        )
        c2.file_uploader(
            "Of laad een eerder gedownload plan (.json)", type=["json"], key="ps_upload", on_change=_load_file
        )
        st.multiselect(
            "Interventies uit de catalogus", list(ivs), format_func=lambda i: ivs[i].name,
            placeholder="Kies…", key="ps_interventions", on_change=_from_widgets,
            select_all=False, wrap=True,
        )
        st.multiselect(
            "Praktijkvoorbeelden",
            list(exs),
            format_func=lambda e: f"{exs[e].code or ''} {exs[e].name} ({exs[e].municipality or 'onbekend'})".strip(),
            placeholder="Kies…", key="ps_examples", on_change=_from_widgets, select_all=False, wrap=True,
        )
        if plan.own:
            st.markdown("**Eigen interventies**")
            for i, entry in enumerate(plan.own):
                a, b = st.columns([5, 1])
                a.markdown(f"- {md(entry.name)} ({plural(len(entry.factors), 'factor', 'factoren')})")
                b.button("Verwijder", key=f"ps-own-rm-{i}", on_click=_remove_own, args=(i,))
        own_form = st.expander("Eigen interventie toevoegen", key="ps_own_open", on_change="rerun")
        if own_form.open:
            with own_form:
                st.text_input("Naam", key="ps_own_name", max_chars=200, persist_state="session")
                st.slider("Leeftijd", 4, 30, (8, 27), key="ps_own_age", persist_state="session")
                st.multiselect(
                    "Factoren die ze aanpakt", _own_factor_options(), format_func=_factor_label,
                    placeholder="Kies…", key="ps_own_factors", persist_state="session",
                    select_all=False, wrap=True,
                    help="Alleen dynamische factoren: statische factoren (geslacht, leeftijd, "
                    "strafrechtelijk verleden) verandert geen interventie.",
                )
                st.multiselect(
                    "Interventiethema (praktijkscan)", list(ps_themes), format_func=ps_themes.get,
                    placeholder="Kies…", key="ps_own_ps_themes", persist_state="session", select_all=False,
                    help="De factoren die de praktijkscan voor dit thema noemt, tellen mee op themaniveau.",
                )
                st.multiselect(
                    "PmG-thema's", list(themes), format_func=themes.get, placeholder="Kies…",
                    key="ps_own_themes", persist_state="session", select_all=False,
                )
                st.multiselect(
                    "Niveau van hulp", list(levels), format_func=levels.get, placeholder="Kies…",
                    key="ps_own_levels", persist_state="session", select_all=False,
                )
                st.button("Voeg toe aan het plan", on_click=_add_own, key="ps_own_add")
        d1, d2 = st.columns([3, 1])
        d1.download_button(
            "Download dit plan (.json)", lambda: plan_to_json(plan), file_name="plan-kenniskaart.json",
            mime="application/json", on_click="ignore",
            help="Later weer te laden met 'Of laad een eerder gedownload plan'.",
        )
        d2.button("Maak het plan leeg", key="ps_clear", on_click=_clear_plan)


WARNING_TITLES = {
    "werkt_niet": "Werkt niet of kan schaden",
    "voorlichting": "Voorlichting aan iedereen (Kwaliteitskader: risico op negatieve effecten)",
    "groepsinterventie": "Groep van risicojongeren (Kwaliteitskader: let op onderlinge beïnvloeding)",
}


def _warnings(items) -> None:
    """What in the plan does not work or can harm, first of all."""
    found = plan_warnings(kk, items)
    if not found:
        return
    harms = sum(w.kind == "werkt_niet" for w in found)
    head = (f"**Let op: {plural(harms, 'onderdeel', 'onderdelen')} van uw plan werkt volgens een bron niet of kan "
            "schaden.**" if harms else "**Let op: waarschuwingen bij onderdelen van uw plan.**")
    box = st.expander(f"Waarschuwingen bij uw plan ({len(found)})", expanded=harms > 0, key="ps_warnings",
                      on_change="rerun", icon=":material/warning:")
    if box.open:
        with box:
            st.markdown(head)
            for kind, title in WARNING_TITLES.items():
                rows = [w for w in found if w.kind == kind]
                if rows:
                    st.markdown(f"**{md(title)}**\n" + "\n".join(f"- {md(w.item)}: {md(w.text)}" for w in rows))
            guidance_link(kk, next((w.guidance for w in found if w.guidance), "kanttekening-kwaliteitskader"))


def _coverage(plan: Plan) -> None:
    items = items_of(kk, plan)
    coverage = scan(kk, items)
    st.header("Dekking")
    if not items:
        st.info("Uw plan is nog leeg: alles hieronder is dus een gat. Kies een gemeente of voeg interventies toe.")
    else:
        grounded = grounded_items(kk, items)
        st.write(f"Het plan telt {plural(len(items), 'interventie', 'interventies')}.")
        st.write(
            f"{len(grounded)} van de {len(items)} richten zich (ogenschijnlijk) op een gefundeerde "
            "risicofactor of een beschermende factor uit de kennissynthese. De praktijkscan telde "
            "dat voor 56 van de 62 BOTOC-interventies; op themaniveau telt de kenniskaart elke "
            "interventie in een gefundeerd thema mee, ook de enkele die de praktijkscan binnen zo'n "
            "thema toch ongefundeerd noemde (praktijkscan, §3.1.2)."
        )
    st.caption(
        f"Themaniveau: {BASIS_EXPLAINED['thema']} Een factor en dezelfde factor in een andere bron "
        "(bijvoorbeeld Beke en Samen Weerbaar) tellen samen één keer. Een factor die bij twee onderdelen "
        "hoort (een gefundeerde factor op gezinsniveau), staat bij allebei, met hetzelfde oordeel."
    )

    _warnings(items)
    sm = summary(coverage)
    chart(charts.coverage_chart, sm, list(GROUPS))
    table = st.expander("Dekking als tabel", key="ps_sum_table", on_change="rerun")
    if table.open:
        table.dataframe(sm, hide_index=True)

    suggestions: dict[str, list[str]] | None = None
    for i, group in enumerate(GROUPS):
        rows = [c for c in coverage if c.group == group]
        open_gaps = [c for c in rows if not c.covered]
        box = st.expander(
            f"{group}: {len(rows) - len(open_gaps)} van {len(rows)} gedekt",
            expanded=i == 0, key=f"ps_group_{i}", on_change="rerun",
        )
        if not box.open:
            continue
        with box:
            if group in FACTOR_GROUPS:
                st.caption("Alleen dynamische factoren: wat een interventie kan veranderen.")
            if suggestions is None:
                suggestions = gap_suggestions(kk, coverage)
            covered = sorted((c for c in rows if c.covered), key=lambda c: -len(c.hits))
            if covered:  # one element for all covered rows: a group can hold dozens
                st.markdown("\n".join(_covered_line(c) for c in covered))
            for c in open_gaps:
                _gap_row(c, suggestions)

    context = [c for c in coverage if c.group == CONTEXT_GROUP]
    box = st.expander(f"{CONTEXT_GROUP} (geen gat)", key="ps_context", on_change="rerun")
    if box.open:
        with box:
            st.caption(NATURE_EXPLAINED["statisch"])
            for c in context:
                if c.covered:
                    st.markdown(
                        f"- {md(c.name)} — uw plan richt zich op jongeren met deze kenmerken "
                        f"({md(names_list(c.covered_by))})"
                    )
                else:
                    st.markdown(f"- {md(c.name)} — niet genoemd in uw plan")

    box = st.expander("Balans: preventief en repressief, niveaus van hulp", key="ps_balance", on_change="rerun")
    if box.open:
        with box:
            bal = balance(kk, items)
            left, right = st.columns(2)
            with left:
                part = bal[bal["verdeling"] == "preventief / repressief"].rename(columns={"deel": "soort"})
                chart(charts.bar_chart, part, "soort")
            with right:
                part = bal[bal["verdeling"] == "niveau van hulp"].rename(columns={"deel": "niveau"})
                chart(charts.bar_chart, part, "niveau", list(part["niveau"]))
            st.dataframe(bal, hide_index=True)
            st.caption(
                "Repressief = interventies in de thema's opsporing/vervolging en bovenlokale criminele "
                "netwerken (indeling kenniskaart-team); de rest telt als preventief."
            )

    st.download_button(
        "Download de scan (CSV)", lambda: dataframe_csv(coverage_table(coverage)), file_name="planscan.csv",
        mime="text/csv", on_click="ignore",
    )


@st.fragment
def plan_and_coverage() -> None:
    """The plan and its coverage: a change to the plan reruns only this part."""
    for notice in st.session_state.pop("ps_notices", []):
        st.warning(md(notice))
    plan = current_plan()
    _plan_editor(plan)
    _coverage(plan)


def comparison() -> None:
    chosen = st.multiselect(
        "Gemeenten", [*municipalities, ALL_BOTOC, YOUR_PLAN], format_func=municipality_label,
        placeholder="Kies twee of meer…", key="ps_compare", persist_state="session",
        select_all=False, wrap=True,
    )
    if len(chosen) < 2:
        st.info(
            "Kies twee of meer BOTOC-gemeenten (of 'Alle BOTOC-gemeenten', of 'Uw plan') om hun "
            "dekking naast elkaar te zien."
        )
        return
    summary_df, detail_df = compare(kk, chosen, current_plan())
    labels = [municipality_label(m) for m in chosen]
    order = list(comparison_table(summary_df)["onderdeel"])
    chart(charts.comparison_chart, charts.comparison_frame(summary_df), order, labels)
    st.table(comparison_table(summary_df), hide_index=True)
    st.caption(
        "Per gemeente: hoeveel factoren, thema's en niveaus van hulp haar BOTOC-interventies dekken "
        "(rechtstreeks of op themaniveau), en hoeveel van haar interventies op een gefundeerde factor rusten."
    )
    st.markdown("**Wat telt elke rij?**\n" + "\n".join(
        f"- **{md(row)}**: {md(text)}" for row, text in row_explanations(kk).items()
    ))
    st.caption(md(HOW_COVERED))
    why = st.expander("Waarom scoort elke gemeente zo? Per rij: welke factoren en thema's, door welke interventies",
                      key="ps_cmp_why", on_change="rerun")
    if why.open:
        with why:
            for label, rows in score_reasons(kk, chosen, current_plan()):
                st.markdown(f"**{md(label)}**\n" + "\n".join(f"- {md(row)}: {md(text)}" for row, text in rows))
    detail = st.expander("Per factor en thema: aantal interventies (0 = gat)", key="ps_cmp_detail", on_change="rerun")
    if detail.open:
        detail.dataframe(detail_df, hide_index=True)
    st.download_button(
        "Download de vergelijking (CSV)", lambda: dataframe_csv(detail_df), file_name="planscan-vergelijking.csv",
        mime="text/csv", on_click="ignore",
    )


st.title("Planscan")
st.write(
    "Zet de interventies van uw (voorgenomen) plan op een rij en zie welke risico- en beschermende "
    "factoren, PmG-thema's en niveaus van hulp ze dekken, en waar de gaten zitten. Dit is de "
    "praktijkscan van Bureau Beke, geautomatiseerd. Kies interventies uit de catalogus, "
    "praktijkvoorbeelden, of voeg eigen interventies toe. Uw plan blijft bewaard als u naar een "
    "andere pagina gaat."
)

tab_plan, tab_compare, tab_lessons = st.tabs(
    ["Uw plan", "Gemeenten vergelijken", "Lessen voor het proces"], key="ps_tab", on_change="rerun"
)
if tab_plan.open:
    with tab_plan:
        plan_and_coverage()
if tab_compare.open:
    with tab_compare:
        comparison()
if tab_lessons.open:
    with tab_lessons:
        for lesson in process_lessons(kk):
            with st.container(border=True):
                st.markdown(f"**{md(lesson.title)}**")
                if lesson.text:
                    st.markdown(md(lesson.text))
                show_sources(kk, lesson.sources)
