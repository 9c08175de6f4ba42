"""Aanbeveler: build a risk profile, get recommendations in tiers, a package and gaps."""

import streamlit as st

from kenniskaart.aanbeveler import (
    Profile,
    choice_profile,
    explain_rules,
    profile_from_case,
)
from kenniskaart.models import AGE_LIMITS
from kenniskaart.nl import NO, YES, YES_NO, yes_no
from kenniskaart.ui import get_content, recommended
from kenniskaart.ui.links import share_box, share_params
from kenniskaart.ui.pages import AANBEVELER
from kenniskaart.ui.plan_van_aanpak import plan_button
from kenniskaart.ui.results import RENDER, TABS
from kenniskaart.ui.state import current_profile, set_profile
from kenniskaart.ui.text import md
from kenniskaart.ui.widgets import FACTOR_PICKER_HELP, case_picker, factor_pickers, picker_tip
from kenniskaart.vocabulary import EVIDENCE_LABELS, LEVEL_LABELS, NATURE_BADGES, OFFENCE_LABELS, SETTING_LABELS

kk = get_content()
factors = kk.by_id("factors")
levels = {h.id: h.name for h in kk.help_levels_in_order}
cases = kk.by_id("cases")
picker_options, picker_labels = factor_pickers(kk)
NEED_AUTO = "auto"
UNSTATED = "onbekend"
OFFENCE_CHOICES = {UNSTATED: "niet bekend", **OFFENCE_LABELS}
YES_NO_CHOICES = {UNSTATED: "niet bekend", YES: YES, NO: NO}

st.title("Aanbeveler")
st.write(
    "Kies een risicoprofiel: leeftijd, aanwezige risicofactoren, beschermende factoren om te "
    "versterken, setting en niveau van hulp. De aanbeveler zet erkende interventies die bij de "
    "leeftijd passen voorop, zegt waarom en waarom niet, stelt een pakket voor en laat zien waar "
    "geen erkende interventie is."
)


def _apply_profile(profile: Profile) -> None:
    """Put a profile into the widgets' session state (twins become the picker's one choice)."""
    st.session_state["a_has_age"] = profile.age is not None
    st.session_state["a_age"] = profile.age if profile.age is not None else 14
    profile = choice_profile(kk, profile)
    for kind, ids in (("risk", profile.risk_factors), ("prot", profile.protective_factors)):
        for level in LEVEL_LABELS:
            st.session_state[f"a_{kind}_{level}"] = [f for f in ids if factors[f].level == level]
    st.session_state["a_settings"] = list(profile.settings)
    st.session_state["a_need"] = profile.need if profile.need in levels else NEED_AUTO
    st.session_state["a_offence"] = profile.offence or UNSTATED
    for key, value in (("a_lvb", profile.lvb), ("a_parent", profile.parent)):
        st.session_state[key] = yes_no(value, UNSTATED)


def _load_case() -> None:
    case = cases.get(st.session_state.get("a_case"))
    if case is not None:
        _apply_profile(profile_from_case(case))


# Widget state is dropped when the user leaves the page; on (re)entry start from the
# session's profile (from a shared link, the presentation mode or an earlier visit).
if "a_need" not in st.session_state:
    _apply_profile(current_profile() or Profile())

case_picker(kk, "Begin met een casus (voorbeeldprofiel uit de bronnen)", "a_case", _load_case)

rules = st.expander("Hoe werkt de aanbeveler?", key="a_rules", on_change="rerun")
if rules.open:
    with rules:
        for rule in explain_rules():
            st.markdown(f"- {md(rule)}")


def _profile_widgets() -> Profile:
    with st.container(border=True):
        st.header("Profiel")
        c1, c2, c3 = st.columns(3)
        has_age = c1.toggle("Leeftijd bekend", key="a_has_age")
        if has_age:
            st.session_state.setdefault("a_age", 14)
        age = c1.slider("Leeftijd (jaar)", *AGE_LIMITS, key="a_age") if has_age else None
        settings = c2.multiselect(
            "Voorkeur setting", list(SETTING_LABELS), format_func=SETTING_LABELS.get, placeholder="Kies…",
            key="a_settings", select_all=False, wrap=True,
        )
        need = c3.selectbox(
            "Niveau van hulp",
            [NEED_AUTO, *levels],
            format_func=lambda n: "Laat de aanbeveler voorstellen" if n == NEED_AUTO else levels[n],
            key="a_need",
            placeholder="Kies…",
        )
        st.markdown("**Voor wie is de hulp** (responsiviteit): bepaalt welke programma's in aanmerking komen.")
        r1, r2, r3 = st.columns(3)
        offence = r1.selectbox(
            "Delict gepleegd", list(OFFENCE_CHOICES), format_func=OFFENCE_CHOICES.get, key="a_offence",
            placeholder="Kies…",
            help="Programma's na een delict (leerstraf, Halt, justitiële gedragsinterventies) komen alleen in "
                 "beeld als het profiel een delict noemt.",
        )
        lvb = r2.selectbox(
            "Licht verstandelijke beperking (LVB)", list(YES_NO_CHOICES), format_func=YES_NO_CHOICES.get,
            key="a_lvb", placeholder="Kies…",
            help="IQ ongeveer 50-85. LVB-programma's (So-Cool, Take it personal!, Grip op Agressie) alleen bij "
                 "een LVB; "
                              "Tools4U vraagt een IQ boven 85.",
        )
        parent = r3.selectbox(
            "Een ouder of verzorger die mee kan doen", list(YES_NO_CHOICES), format_func=YES_NO_CHOICES.get,
            key="a_parent", placeholder="Kies…",
            help="Gezinstherapieën zoals MDFT, MST en Relationele Gezinstherapie vragen een ouder die meedoet.",
        )
        chosen: dict[str, list[str]] = {"risico": [], "beschermend": []}
        for kind, key, title in (
            ("risico", "risk", "**Aanwezige risicofactoren**"),
            ("beschermend", "prot", "**Beschermende factoren om te versterken**"),
        ):
            st.markdown(f"{title} — per niveau, op volgorde van PmG-thema; typ om te zoeken op factor of thema.")
            for level in LEVEL_LABELS:
                label = f"Risicofactoren: {level}" if kind == "risico" else f"Beschermend: {level}"
                chosen[kind] += st.multiselect(
                    label + {"individu": " (de jongere zelf)", "gezin": " (ouders, familie)",
                             "gemeenschap": " (vrienden en buurt)"}[level],
                    picker_options[(kind, level)], format_func=picker_labels.get,
                    placeholder="Kies of typ een woord…", key=f"a_{key}_{level}", select_all=False, wrap=True,
                    filter_mode="contains",
                    help=FACTOR_PICKER_HELP + " Vrienden en kennissen in de criminaliteit staan bij "
                         "gemeenschap, familie bij gezin.",
                )
        picker_tip("aanbeveler")
        picked = [factors[f] for f in (*chosen["risico"], *chosen["beschermend"])]
        if picked:
            # the evidence and the nature as badges next to the full name
            st.markdown("**Gekozen factoren**\n" + "\n".join(
                f"- {md(f.name)} :blue-badge[{md(EVIDENCE_LABELS[f.evidence])}] "
                + NATURE_BADGES[f.nature]
                for f in picked
            ))
    return Profile(
        age=age,
        risk_factors=tuple(chosen["risico"]),
        protective_factors=tuple(chosen["beschermend"]),
        settings=tuple(settings),
        need=None if need == NEED_AUTO else need,
        offence=None if offence == UNSTATED else offence,
        lvb=YES_NO.get(lvb),
        parent=YES_NO.get(parent),
    )


@st.fragment
def profile_and_results() -> None:
    """The profile widgets and everything that depends on them: changing a factor reruns only this."""
    profile = _profile_widgets()
    # The session's profile (and the share link) always reflect the widgets.
    set_profile(profile)  # the online werkmap saves a changed profile at once (a fragment run)
    share_box(AANBEVELER, share_params())

    if not profile.risk_factors and not profile.protective_factors:
        st.info("Kies minstens één risicofactor of beschermende factor, of begin met een casus.")
        return
    result = recommended(kk, profile)
    for notice in result.notices:
        st.warning(md(notice))
    with st.container(key="a-summary"):
        st.markdown(f"**Niveau van hulp:** {md(levels.get(result.need, 'onbekend'))}. {md(result.need_reason)}")
        if result.static_factors:
            st.markdown(
                "Statische factoren (bepalen hoe zwaar de hulp moet zijn, geen doel van een interventie): "
                + md(", ".join(f.name for f in result.static_factors))
            )
        st.markdown(
            f"**{len(result.tier(1))}** erkend en passend · **{len(result.tier(2))}** veelbelovend / praktijk · "
            f"pakket van **{len(result.package)}** · **{len(result.gaps)}** "
            f"{'gat' if len(result.gaps) == 1 else 'gaten'} · **{len(result.excluded)}** valt af · "
            f"**{len(result.for_organisation)}** voor school of gemeente"
        )
        plan_button(result)
    tabs = st.tabs(list(TABS), key="a_tab", on_change="rerun")
    for tab, render in zip(tabs, RENDER, strict=True):
        if tab.open:
            with tab:
                render(kk, result)


profile_and_results()
