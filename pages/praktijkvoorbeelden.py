"""Praktijkvoorbeelden: the BOTOC interventions and the PmG examples with their figures."""

import re

import streamlit as st

from kenniskaart import charts
from kenniskaart.catalog import ExampleFilter, filter_examples
from kenniskaart.nl import plural
from kenniskaart.texts import ONBEKEND, or_unknown, theme_names
from kenniskaart.ui import get_content
from kenniskaart.ui.guidance import guidance_link
from kenniskaart.ui.links import catalog_link
from kenniskaart.ui.state import CHIPS, PERSIST, PICK
from kenniskaart.ui.text import md, sources_line
from kenniskaart.ui.widgets import (
    FACTOR_PICKER_HELP,
    chart,
    example_counts,
    factor_picker,
    picker_tip,
    search_explanation,
)
from kenniskaart.vocabulary import BASIS_LABELS, CAUTION_LABELS, EXAMPLE_KIND_LABELS

ALL = "__alle__"
OPEN_ALL = 25
"""Up to this many hits every municipality's group is open: the whole list at once."""

kk = get_content()
interventions = kk.by_id("interventions")
ps_themes = {t.id: t.name for t in kk.praktijkscan_themes}


def _example_card(ex) -> None:
    """One example: one Markdown element, and a link per guidance note and intervention it uses."""
    head = f"{ex.code} · " if ex.code else ""
    lines = [f"**{md(head + ex.name)}** — {EXAMPLE_KIND_LABELS[ex.kind]}", md(ex.description)]
    names = theme_names(kk, ex.praktijkscan_themes)
    if names:
        label = f"Interventiethema's: {', '.join(names)} ({BASIS_LABELS[ex.praktijkscan_themes_basis]})"
        lines.append(f":gray[{md(label)}]")
    pmg = theme_names(kk, ex.pmg_themes)
    if pmg:
        label = "PmG-thema's: " + ", ".join(pmg)
        lines.append(f":gray[{md(label)}]")
    if ex.status:
        lines.append(f"*Stand van zaken:* {md(ex.status)}")
    if ex.figures:
        lines.append("\n".join(f"- {md(fig.label)}: **{md(fig.value)}**" for fig in ex.figures))
    if ex.sources:
        lines.append(sources_line(kk, ex.sources))
    for c in ex.cautions:
        lines.append(f":orange[**{CAUTION_LABELS.get(c.kind, 'Let op')}:** {md(c.text)}]")
    with st.container(border=True, key=f"p-ex-{ex.id}"):
        st.markdown("\n\n".join(lines))
        for guidance_id in dict.fromkeys(c.guidance for c in ex.cautions if c.guidance):
            guidance_link(kk, guidance_id)
        for iid in ex.interventions:
            catalog_link(iid, label=f"Gebruikt: {interventions[iid].name}")


def _muni_name(m: str) -> str:
    return "Zonder genoemde gemeente" if m == ONBEKEND else m


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


st.title("Praktijkvoorbeelden")
st.write(
    "Wat gemeenten doen: de 62 interventies van de acht BOTOC-gemeenten uit de praktijkscan en de "
    "voorbeelden uit de rapportage Preventie met Gezag, met hun cijfers. De interventiethema's van "
    "de BOTOC-interventies zijn door het kenniskaart-team afgeleid uit de beschrijvingen, omdat de "
    "tabel van de bron bij de omzetting verloren ging."
)

factor_ids, factor_label = factor_picker(kk, "praktijkvoorbeelden")
with st.expander("Zoeken en filteren", expanded=True):
    query = st.text_input(
        "Zoek in gewone woorden: naam, beschrijving, gemeente of de factor die ze aanpakken",
        key="p_query", persist_state=PERSIST, placeholder="Bijvoorbeeld: criminele vrienden, drugs, ouders",
    )
    c1, c2, c3 = st.columns(3)
    kinds = c1.pills("Soort", list(EXAMPLE_KIND_LABELS), format_func=EXAMPLE_KIND_LABELS.get, key="p_kind", **CHIPS)
    munis = c1.multiselect("Gemeente", sorted({or_unknown(e.municipality) for e in kk.examples}), key="p_muni", **PICK)
    themes = c2.multiselect(
        "Interventiethema (praktijkscan)", list(ps_themes), format_func=ps_themes.get, key="p_theme", **PICK
    )
    sel_factors = c3.multiselect(
        "Pakt deze factor aan", factor_ids,
        format_func=factor_label,
        key="p_factor", wrap=True, filter_mode="contains",
        help="Voorbeelden die de factor zelf aanpakken, of een interventie uit de catalogus gebruiken die hem "
             "aanpakt. " + FACTOR_PICKER_HELP,
        **PICK,
    )
    with c3:
        picker_tip("filter")

examples = filter_examples(
    kk, ExampleFilter(query=query, kinds=kinds, municipalities=munis, themes=themes, factors=sel_factors)
)
st.write(f"**{len(examples)}** van {plural(len(kk.examples), 'praktijkvoorbeeld', 'praktijkvoorbeelden')}.")
search_explanation(kk, query)

if examples:
    per_theme, per_muni = example_counts(kk, examples)
    left, right = st.columns(2)
    with left:
        st.header("Per interventiethema")
        chart(charts.bar_chart, per_theme, "thema", list(ps_themes.values()))
        as_table = st.expander("Als tabel", key="p_theme_table", on_change="rerun")
        if as_table.open:
            as_table.dataframe(per_theme, hide_index=True)
    with right:
        st.header("Per gemeente")
        chart(charts.bar_chart, per_muni, "gemeente")
        as_table = st.expander("Als tabel", key="p_muni_table", on_change="rerun")
        if as_table.open:
            as_table.dataframe(per_muni, hide_index=True)
else:
    st.info("Geen praktijkvoorbeelden met deze filters.")

st.header("Gevonden voorbeelden")
groups: dict[str, list] = {}
for ex in sorted(examples, key=lambda e: (e.municipality is None, or_unknown(e.municipality))):
    groups.setdefault(or_unknown(ex.municipality), []).append(ex)


if groups:
    muni = st.selectbox(
        "Kies een gemeente",
        [ALL, *groups],
        format_func=lambda m: "Alle gemeenten" if m == ALL else _muni_name(m),
        key="p_show_muni",
        placeholder="Kies…",
        persist_state=PERSIST,
    )
    shown = groups if muni == ALL or muni not in groups else {muni: groups[muni]}
    n_shown = sum(map(len, shown.values()))
    # Every hit, grouped by municipality. Few hits: all groups open, so the list is there at once;
    # many (no search yet): the groups stay closed and render only when opened, so the page stays
    # fast. The label carries the count, so a new search opens or closes them afresh.
    open_all = n_shown <= OPEN_ALL or len(shown) == 1
    st.caption(
        f"{plural(n_shown, 'voorbeeld', 'voorbeelden')}, per gemeente"
        + ("." if open_all else ": open een gemeente om haar voorbeelden te zien.")
    )
    for m, items in shown.items():
        group = st.expander(
            f"{_muni_name(m)} · {plural(len(items), 'voorbeeld', 'voorbeelden')}", expanded=open_all,
            key=f"p_group_{_slug(m)}", on_change="rerun",
        )
        if group.open:
            with group:
                for ex in items:
                    _example_card(ex)
