"""Aanbeveler: build a risk profile, get explained recommendations, a package and gaps."""

import streamlit as st

from kenniskaart.catalog import factor_option_label, factor_options
from kenniskaart.matcher import Profile, explain_rules, profile_from_case, recommend
from kenniskaart.present import (
    EVIDENCE_LABELS,
    LEVEL_LABELS,
    SETTING_LABELS,
    age_range,
    or_unknown,
    recognition_text,
)
from kenniskaart.ui import (
    case_picker,
    PROFILE_KEY,
    current_profile,
    get_content,
    md,
    set_url,
    share_box,
    share_params,
    shortlist_button,
)

kk = get_content()
factors = kk.by_id("factors")
levels = {h.id: h.name for h in sorted(kk.help_levels, key=lambda h: h.order)}
cases = kk.by_id("cases")
NEED_AUTO = "auto"

st.title("Aanbeveler")
st.write(
    "Kies een risicoprofiel: leeftijd, aanwezige risicofactoren, beschermende factoren om te "
    "versterken, setting en niveau van hulp. De aanbeveler zoekt interventies die daarbij passen, "
    "zegt waarom, stelt een samenhangend pakket voor en laat zien waar geen erkende interventie is."
)


def _apply_profile(profile: Profile) -> None:
    """Put a profile into the widgets' session state."""
    st.session_state["a_has_age"] = profile.age is not None
    st.session_state["a_age"] = profile.age if profile.age is not None else 14
    for level in LEVEL_LABELS:
        st.session_state[f"a_risk_{level}"] = [f for f in profile.risk_factors if factors[f].level == level]
        st.session_state[f"a_prot_{level}"] = [f for f in profile.protective_factors if factors[f].level == level]
    st.session_state["a_settings"] = list(profile.settings)
    st.session_state["a_need"] = profile.need or NEED_AUTO


def _load_case() -> None:
    case = cases.get(st.session_state.get("a_case"))
    if case is None:
        return
    _apply_profile(profile_from_case(case))


# Widget state is dropped when the user leaves the page; on (re)entry start from the
# session's profile (from a shared link, the presentation mode or an earlier visit).
if "a_need" not in st.session_state:
    _apply_profile(current_profile() or Profile())

case_picker(kk, "Begin met een casus (voorbeeldprofiel uit de bronnen)", "a_case", _load_case)


def _factor_label(fid: str) -> str:
    return factor_option_label(kk, factors[fid])


with st.container(border=True):
    st.header("Profiel")
    c1, c2, c3 = st.columns(3)
    has_age = c1.toggle("Leeftijd bekend", key="a_has_age")
    if has_age:
        st.session_state.setdefault("a_age", 14)
    age = c1.slider("Leeftijd (jaar)", 4, 30, key="a_age") if has_age else None
    settings = c2.multiselect(
        "Voorkeur setting", list(SETTING_LABELS), format_func=SETTING_LABELS.get, placeholder="Kies…", key="a_settings"
    )
    need = c3.selectbox(
        "Niveau van hulp",
        [NEED_AUTO, *levels],
        format_func=lambda n: "Laat de aanbeveler voorstellen" if n == NEED_AUTO else levels[n],
        key="a_need",
    )
    risk_ids: list[str] = []
    prot_ids: list[str] = []
    st.markdown(
        "**Aanwezige risicofactoren**, per niveau en gegroepeerd per PmG-thema (typ om te zoeken op "
        "factor of thema; de sterkte van het bewijs staat erbij)"
    )
    rcols = st.columns(3)
    for col, level in zip(rcols, LEVEL_LABELS):
        options = factor_options(kk, "risico", level)
        risk_ids += col.multiselect(
            f"Risicofactoren: {level}", options, format_func=_factor_label, placeholder="Kies…", key=f"a_risk_{level}"
        )
    st.markdown("**Beschermende factoren om te versterken**")
    pcols = st.columns(3)
    for col, level in zip(pcols, LEVEL_LABELS):
        options = factor_options(kk, "beschermend", level)
        prot_ids += col.multiselect(
            f"Beschermend: {level}", options, format_func=_factor_label, placeholder="Kies…", key=f"a_prot_{level}"
        )

profile = Profile(
    age=age,
    risk_factors=tuple(risk_ids),
    protective_factors=tuple(prot_ids),
    settings=tuple(settings),
    need=None if need == NEED_AUTO else need,
)
# The URL always reflects the profile (and shortlist), so copying it shares this view.
st.session_state[PROFILE_KEY] = profile
set_url(share_params())
share_box("aanbeveler", share_params())

with st.expander("Hoe werkt de aanbeveler?"):
    for rule in explain_rules():
        st.markdown(f"- {md(rule)}")
    st.caption(
        "Gebaseerd op de wat-werkt-principes (risico, behoefte, responsiviteit) uit 'Vier lessen' "
        "van het CCV en de factoren uit de kennissynthese van Bureau Beke en 'Samen Weerbaar'."
    )

if not profile.risk_factors and not profile.protective_factors:
    st.info("Kies minstens één risicofactor of beschermende factor, of begin met een casus.")
    st.stop()

result = recommend(kk, profile)
for notice in result.notices:
    st.warning(md(notice))
st.markdown(f"**Niveau van hulp:** {md(levels.get(result.need, 'onbekend'))}. {md(result.need_reason)}")

tab_rank, tab_pkg, tab_gaps, tab_excl, tab_cmp = st.tabs(
    [
        f"Aanbevelingen ({len(result.ranked)})",
        f"Pakket ({len(result.package)})",
        f"Gaten ({len(result.gaps)})",
        f"Buiten leeftijd ({len(result.excluded)})",
        "Vergelijk",
    ]
)


def _badges(texts, color: str) -> str:
    return " ".join(f":{color}-badge[{md(t)}]" for t in texts)


with tab_rank:
    if not result.ranked:
        st.info("Geen interventie in de kenniskaart pakt de gekozen factoren aan binnen deze leeftijd. Zie 'Gaten'.")
    for pos, rec in enumerate(result.ranked, start=1):
        iv = rec.intervention
        with st.container(border=True):
            st.markdown(f"**{pos}. {md(iv.name)}** · score {rec.score:g} · {md(age_range(iv))}")
            st.markdown(_badges(rec.reasons, "blue"))
            for caution in rec.cautions:
                st.markdown(f":orange-badge[Let op] {md(caution)}")
            st.markdown(f"[Details in de catalogus](/interventies?interventie={iv.id})")
            shortlist_button(iv.id, f"rank{pos}")

with tab_pkg:
    st.write(
        "Een klein, samenhangend pakket dat samen de meeste gekozen factoren dekt, met een mix van "
        "niveaus (individu, gezin, gemeenschap) waar dat kan."
    )
    for rec in result.package:
        iv = rec.intervention
        lv = ", ".join(iv.levels) or "niveau onbekend"
        st.markdown(f"- **{md(iv.name)}** ({md(lv)}) — dekt: {md(', '.join(f.name for f in rec.factors))}")
    if result.uncovered:
        st.warning("Niet gedekt door het pakket: " + ", ".join(f.name for f in result.uncovered))
    elif result.package:
        st.success("Het pakket dekt alle gekozen factoren.")

with tab_gaps:
    if not result.gaps:
        st.success("Voor elke gekozen factor is er minstens één erkende interventie.")
    for gap in result.gaps:
        with st.container(border=True):
            st.markdown(f"**{md(gap.factor.name)}** ({EVIDENCE_LABELS[gap.factor.evidence]}): geen erkende interventie")
            if gap.unrecognised:
                st.markdown("Niet-erkende interventies of aanpakken: " + md(", ".join(i.name for i in gap.unrecognised)))
            if gap.examples:
                st.markdown(
                    "Praktijkvoorbeelden: "
                    + md(", ".join(f"{e.name} ({or_unknown(e.municipality)})" for e in gap.examples))
                )
            if not gap.unrecognised and not gap.examples:
                st.markdown("Ook geen praktijkvoorbeeld in de kenniskaart pakt deze factor aan.")

with tab_excl:
    if not result.excluded:
        st.write("Geen passende interventies vallen af op leeftijd.")
    for ex in result.excluded:
        st.markdown(f"- **{md(ex.intervention.name)}**: {md(ex.reason)}")

with tab_cmp:
    options = [r.intervention.id for r in result.ranked]
    names = {r.intervention.id: r.intervention.name for r in result.ranked}
    chosen = st.multiselect(
        "Kies 2 of 3 interventies om te vergelijken", options, format_func=names.get,
        max_selections=3, placeholder="Kies…", key="a_compare",
    )
    if chosen:
        recs = {r.intervention.id: r for r in result.ranked}
        cols = st.columns(len(chosen))
        for col, iid in zip(cols, chosen):
            rec = recs[iid]
            iv = rec.intervention
            with col:
                st.markdown(f"**{md(iv.name)}**")
                st.markdown(f"Leeftijd: {md(age_range(iv))}")
                st.markdown(f"Doelgroep: {md(or_unknown(iv.target_group))}")
                st.markdown(f"Erkenning: {md(recognition_text(iv.recognition))}")
                st.markdown(f"Niveau van hulp: {md(', '.join(levels[h] for h in iv.help_levels) or 'onbekend')}")
                st.markdown("Gekozen factoren: " + md(", ".join(f.name for f in rec.factors)))
                st.markdown(f"Effect: {md(or_unknown(iv.effect))}")
                if rec.cautions:
                    st.markdown("Let op: " + md(" ".join(rec.cautions)))
