"""One factor in detail (Factoren's detail tab): what it is, how strong the evidence is, its
twins and mirror, and what addresses it — recognised options first, then every linked
intervention and practice example, or the lesson that explains the gap."""

from __future__ import annotations

import streamlit as st

from ..catalog import crime_scope_label
from ..content import Kenniskaart
from ..guidance import GROUPS
from ..kaart import link_basis
from ..models import Factor
from ..nl import plural, yes_no
from ..rules import addressing, not_addressing, not_working, recognised_options
from ..texts import or_unknown, recognition_text, theme_names
from ..vocabulary import (
    AGE_GROUP_LABELS,
    BASIS_LABELS,
    EVIDENCE_EXPLAINED,
    EVIDENCE_LABELS,
    FACTOR_KIND_LABELS,
    FRAMEWORK_LABELS,
    NATURE_EXPLAINED,
    NATURE_LABELS,
    NOT_WORKING_LABELS,
)
from .links import LESSON_GROUP_PARAM, catalog_link, page_ref
from .pages import LESSEN
from .text import md, show_sources

PRAKTIJKSCAN_GROUP = next(g.title for g in GROUPS if "conclusie" in g.kinds)
"""The Lessen part with the praktijkscan's conclusions (why plans have gaps)."""


def factor_detail(kk: Kenniskaart, f: Factor) -> None:
    """Everything about one factor."""
    st.header(md(f.name))
    a, b, c, d, e = st.columns(5)
    a.markdown(f"**Soort**  \n{FACTOR_KIND_LABELS[f.kind]}")
    b.markdown(f"**Niveau**  \n{f.level}")
    c.markdown(f"**Bewijs**  \n{EVIDENCE_LABELS[f.evidence]}")
    d.markdown(f"**Aard**  \n{NATURE_LABELS[f.nature]}")
    e.markdown(f"**Doelgroep**  \n{md(or_unknown(f.target_group))}")
    st.caption(md(NATURE_EXPLAINED[f.nature]))
    if f.description:
        st.markdown(md(f.description))
    st.markdown(f"- **Kader:** {FRAMEWORK_LABELS[f.framework]}")
    st.markdown(f"- **Categorie:** {md(or_unknown(f.category))}")
    st.markdown(f"- **Leeftijdsgroep:** {md(', '.join(AGE_GROUP_LABELS[g] for g in f.age_groups))}")
    st.markdown(
        f"- **Wat betekent '{EVIDENCE_LABELS[f.evidence]}'?** {md(EVIDENCE_EXPLAINED[f.evidence])}"
        + ("" if f.evidence_basis == "bron" else f" (markering: {BASIS_LABELS[f.evidence_basis]})")
    )
    if f.framework == "beke_kennissynthese":
        st.markdown(f"- **Ook in Nederland onderzocht:** {yes_no(f.studied_in_nl)}")
    if f.framework == "samen_weerbaar":
        st.markdown(f"- **Reikwijdte:** {crime_scope_label(f)}")
    twins = [kk.by_id("factors")[t] for t in f.twins if t in kk.by_id("factors")]
    for twin in twins:
        st.markdown(
            f"- **Zelfde factor als** '{md(twin.name)}' ({FRAMEWORK_LABELS[twin.framework]}): "
            "wat die factor aanpakt, pakt deze ook aan."
        )
    names = ", ".join(theme_names(kk, f.pmg_themes)) or "onbekend"
    st.markdown(f"- **PmG-thema's:** {md(names)} ({BASIS_LABELS[f.pmg_themes_basis]})")
    ps = [t.name for t in kk.praktijkscan_themes if kk.twin_ids(f.id) & {*t.risk_factors, *t.protective_factors}]
    if ps:
        st.markdown(
            f"- **Interventiethema's (praktijkscan) die deze factor aanpakken:** {md(', '.join(ps))} "
            f"({BASIS_LABELS['thema']})"
        )
    if f.note:
        st.warning(md(f.note))
    show_sources(kk, f.sources)

    mirrors = [kk.by_id("factors")[m] for m in f.mirrors if m in kk.by_id("factors")]
    for mirror in mirrors:
        st.markdown(
            f"- **Spiegelfactor:** '{md(mirror.name)}' ({FACTOR_KIND_LABELS[mirror.kind].lower()}): wat die "
            "factor versterkt of aanpakt, werkt ook op deze; de aanbeveler laat dat minder zwaar meetellen."
        )
    st.markdown("### Interventies die deze factor aanpakken")
    if f.nature == "statisch":
        st.info(
            "Dit is een statische factor: geen doel van een interventie, wel een reden voor "
            "zwaardere hulp. Gekoppelde interventies richten zich op wie deze factor heeft."
        )
    elif f.nature == "geen_doel":
        st.info(md(NATURE_EXPLAINED["geen_doel"]))
    else:
        options = recognised_options(kk, f.id)
        if options:
            st.markdown(
                f"**{plural(len(options), 'erkende optie', 'erkende opties')} voor een jongere** "
                "(erkend, niet voor een hele klas of de gemeente; of de leeftijd past, ziet u in de "
                "aanbeveler): " + md(", ".join(iv.name for iv in options))
            )
        else:
            st.warning(
                "Geen erkende interventie voor een jongere pakt deze factor aan. Kijk bij de niet-erkende "
                "aanpakken en praktijkvoorbeelden hieronder, en bij 'Lessen' waarom dit een gat is."
            )
            st.page_link(page_ref(LESSEN), label="Waarom plannen hier gaten hebben: de conclusies van de praktijkscan",
                         icon=":material/school:", query_params={LESSON_GROUP_PARAM: PRAKTIJKSCAN_GROUP})
    ivs = addressing(kk, f.id)
    if not ivs:
        st.write("Geen interventie in de kenniskaart pakt deze factor aan.")
    twins_ids = kk.twin_ids(f.id)
    for iv in ivs:
        link = next(x for x in iv.factors if x.factor in twins_ids)
        basis = BASIS_LABELS[link_basis(kk, iv, f.id) or link.basis] + (f": {link.note}" if link.note else "")
        catalog_link(iv.id, iv.name)
        harm = not_working(iv)  # only 'effect niet aangetoond' can be here: the other two never address
        st.caption(
            f"{md(recognition_text(iv.recognition) if iv.recognition else 'erkenning onbekend')}; "
            f"koppeling {md(basis)}" + (f"; {NOT_WORKING_LABELS[harm.kind].lower()}" if harm else "")
        )
    harmful = not_addressing(kk, f.id)
    if harmful:
        st.markdown("### Gekoppeld, maar pakt deze factor niet aan")
        st.markdown("\n".join(
            f"- **{md(iv.name)}** :red-badge[{NOT_WORKING_LABELS[not_working(iv).kind]}]: "  # type: ignore[union-attr]
            f"{md(not_working(iv).text)}" for iv in harmful  # type: ignore[union-attr]
        ))
    exs = kk.examples_for_factor(f.id)
    if exs:
        st.markdown("### Praktijkvoorbeelden die deze factor aanpakken")
        for ex in exs:
            basis = link_basis(kk, ex, f.id)
            st.markdown(
                f"- {md(ex.name)} ({md(ex.municipality or 'gemeente onbekend')})"
                + (f"; koppeling {BASIS_LABELS[basis]}" if basis else "")
            )
