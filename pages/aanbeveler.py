"""Aanbeveler: build a risk profile, get recommendations in tiers, a package and gaps."""

import streamlit as st

from kenniskaart.catalog import factor_option_label, factor_options
from kenniskaart.matcher import (
    EXCLUSION_LABELS,
    Profile,
    Recommendation,
    Result,
    choice_profile,
    explain_rules,
    profile_from_case,
    recommend,
)
from kenniskaart.present import (
    EVIDENCE_LABELS,
    LEVEL_LABELS,
    OFFENCE_LABELS,
    SETTING_LABELS,
    age_range,
    audience_text,
    or_unknown,
    recognition_text,
)
from kenniskaart.signals import organisation_reason, signals
from kenniskaart.ui import get_content
from kenniskaart.ui.links import catalog_link, share_box, share_params
from kenniskaart.ui.state import PROFILE_KEY, current_profile
from kenniskaart.ui.text import md
from kenniskaart.ui.widgets import case_picker, shortlist_button
from kenniskaart.ui.guidance import guidance_link
from kenniskaart.ui.kaart import kaart_view, workshop_view

kk = get_content()
factors = kk.by_id("factors")
levels = {h.id: h.name for h in sorted(kk.help_levels, key=lambda h: h.order)}
cases = kk.by_id("cases")
NEED_AUTO = "auto"
UNSTATED = "onbekend"
OFFENCE_CHOICES = {UNSTATED: "niet bekend", **OFFENCE_LABELS}
YES_NO_CHOICES = {UNSTATED: "niet bekend", "ja": "ja", "nee": "nee"}
GAP_EXAMPLES = 8  # practice examples listed per gap; the rest are on Praktijkvoorbeelden
TIER2_OPEN = 3  # tier-2 cards shown at once; the rest in an expander that renders only when opened

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
        st.session_state[key] = UNSTATED if value is None else ("ja" if value else "nee")


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


def _factor_label(fid: str) -> str:
    return factor_option_label(kk, factors[fid])


def _profile_widgets() -> Profile:
    with st.container(border=True):
        st.header("Profiel")
        c1, c2, c3 = st.columns(3)
        has_age = c1.toggle("Leeftijd bekend", key="a_has_age")
        if has_age:
            st.session_state.setdefault("a_age", 14)
        age = c1.slider("Leeftijd (jaar)", 4, 30, key="a_age") if has_age else None
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
            "Delict gepleegd", list(OFFENCE_CHOICES), format_func=OFFENCE_CHOICES.get, key="a_offence", placeholder="Kies…",
            help="Programma's na een delict (leerstraf, Halt, justitiële gedragsinterventies) komen alleen in "
                 "beeld als het profiel een delict noemt.",
        )
        lvb = r2.selectbox(
            "Licht verstandelijke beperking (LVB)", list(YES_NO_CHOICES), format_func=YES_NO_CHOICES.get,
            key="a_lvb", placeholder="Kies…", help="IQ ongeveer 50-85. LVB-programma's (So-Cool, Take it personal!, Grip op Agressie) alleen bij een LVB; "
                              "Tools4U vraagt een IQ boven 85.",
        )
        parent = r3.selectbox(
            "Een ouder of verzorger die mee kan doen", list(YES_NO_CHOICES), format_func=YES_NO_CHOICES.get,
            key="a_parent", placeholder="Kies…", help="Gezinstherapieën zoals MDFT, MST en Relationele Gezinstherapie vragen een ouder die meedoet.",
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
                    factor_options(kk, kind, level), format_func=_factor_label,
                    placeholder="Kies of typ een woord…", key=f"a_{key}_{level}", select_all=False, wrap=True,
                    filter_mode="contains",
                    help="Typ een deel van de naam, het thema of een gewoon woord, zoals spijbelen, strafblad, "
                         "agressie, drugs of ouders. Vrienden en kennissen in de criminaliteit staan bij "
                         "gemeenschap, familie bij gezin.",
                )
        picked = [factors[f] for f in (*chosen["risico"], *chosen["beschermend"])]
        if picked:
            # the evidence and the nature as badges next to the full name
            st.markdown("**Gekozen factoren**\n" + "\n".join(
                f"- {md(f.name)} :blue-badge[{md(EVIDENCE_LABELS[f.evidence])}] "
                + {"statisch": ":gray-badge[statisch: bepaalt het niveau]", "dynamisch": ":violet-badge[dynamisch]",
                   "geen_doel": ":gray-badge[geen doel: telt niet mee]"}[f.nature]
                for f in picked
            ))
    return Profile(
        age=age,
        risk_factors=tuple(chosen["risico"]),
        protective_factors=tuple(chosen["beschermend"]),
        settings=tuple(settings),
        need=None if need == NEED_AUTO else need,
        offence=None if offence == UNSTATED else offence,
        lvb=None if lvb == UNSTATED else lvb == "ja",
        parent=None if parent == UNSTATED else parent == "ja",
    )


def _recognition_badge(rec: Recommendation) -> str:
    return ":green-badge[:material/verified: erkend]" if rec.recognised else ":orange-badge[niet erkend]"


def _signal_lines(iv, used=None) -> list[str]:
    sig = signals(iv)
    lines = [f"**Bewijs:** {md(sig.evidence)}"]
    lines += [f"**Ook genoemd:** {md(o)}" for o in sig.evidence_other]
    if used is not None and used is not iv.recognition:
        lines.append(f"**Telt voor dit profiel:** {md(recognition_text(used))}")
    return lines + [f"**Voor wie:** {md(audience_text(iv))}", f"**Effect:** {md(sig.effect)}",
                    f"**Uitvoering:** {md(sig.implementation)}"]


def _card(pos: int, rec: Recommendation, where: str) -> None:
    # Few elements per card: a results page sends 9+ cards on every change of the profile.
    iv = rec.intervention
    with st.container(border=True, key=f"a-{where}-{iv.id}"):
        st.markdown(
            f"**{pos}. {md(iv.name)}** {_recognition_badge(rec)} · leeftijd {md(age_range(iv))}  \n"
            f":gray[{md(rec.rule)}]"
        )
        with st.container(key=f"a-reasons-{iv.id}"):
            # the recognition is the evidence signal; the other reasons are listed after it
            reasons = [r for r in rec.reasons if not r.startswith("erkenning:")]
            st.markdown("  \n".join(_signal_lines(iv, rec.recognition)) + "\n\n**Waarom wel:**\n"
                        + "\n".join(f"- {md(r)}" for r in reasons))
        if rec.cautions:
            st.warning(
                "**Let op, waarschuwingen:**\n" + "\n".join(f"- {md(c)}" for c in rec.cautions),
                icon=":material/warning:",
            )
        with st.container(horizontal=True):
            catalog_link(iv.id)
            guidance_link(kk, next((c.guidance for c in iv.cautions if c.guidance), None))
            shortlist_button(iv.id, f"{where}{pos}")


def _tiers(result: Result) -> None:
    tier1, tier2 = result.tier(1), result.tier(2)
    if not result.ranked:
        st.info("Geen interventie in de kenniskaart pakt de gekozen dynamische factoren aan binnen deze leeftijd. "
                "Zie 'Gaten'.")
        return
    with st.container(key="a-tier-1"):
        st.subheader(f"Groep 1 · Erkend en passend bij de leeftijd ({len(tier1)})")
        if not tier1:
            st.info("Geen erkende interventie met een passende leeftijdsgrens pakt de gekozen factoren aan.")
        for pos, rec in enumerate(tier1, start=1):
            _card(pos, rec, "t1")
    with st.container(key="a-tier-2"):
        st.subheader(f"Groep 2 · Veelbelovend / praktijk ({len(tier2)})")
        st.caption("Niet erkend, of de leeftijdsgrens is onbekend. Deze staan altijd ná de erkende interventies.")
        start = len(tier1) + 1
        for pos, rec in enumerate(tier2[:TIER2_OPEN], start=start):
            _card(pos, rec, "t2")
        if len(tier2) > TIER2_OPEN:
            more = st.expander(f"Nog {len(tier2) - TIER2_OPEN} in groep 2", key="a_more_t2", on_change="rerun")
            if more.open:
                with more:
                    for pos, rec in enumerate(tier2[TIER2_OPEN:], start=start + TIER2_OPEN):
                        _card(pos, rec, "t2")


def _package(result: Result) -> None:
    st.write(
        "Een klein, samenhangend pakket: eerst per gekozen dynamische factor de beste erkende interventie, "
        "dan het gezin en de gemeenschap, dan niet-erkende aanpakken voor wat nog open staat."
    )
    with st.container(key="a-package"):
        for n, item in enumerate(result.package, start=1):
            iv = item.intervention
            lv = ", ".join(iv.levels) or "niveau onbekend"
            st.markdown(
                f"{n}. **{md(iv.name)}** {_recognition_badge(item.rec)} ({md(lv)}) — {md(item.why)}  \n"
                f"Dekt: {md(', '.join(f.name for f in item.factors))}"
            )
    if result.uncovered:
        st.warning("Niet gedekt door het pakket: " + md(", ".join(f.name for f in result.uncovered)))
    elif result.package:
        st.success("Het pakket dekt alle gekozen dynamische factoren.")


def _gaps(result: Result) -> None:
    if not result.gaps:
        st.success("Voor elke gekozen dynamische factor is er minstens één erkende interventie die bij de leeftijd past.")
    for gap in result.gaps:
        with st.container(border=True, key=f"a-gap-{gap.factor.id}"):
            st.markdown(
                f"**{md(gap.factor.name)}** :blue-badge[{md(EVIDENCE_LABELS[gap.factor.evidence])}]: geen erkende "
                "interventie die bij de leeftijd past"
            )
            if gap.unrecognised:
                st.markdown("Niet-erkende interventies of aanpakken: " + md(", ".join(i.name for i in gap.unrecognised)))
            if gap.examples:
                shown = gap.examples[:GAP_EXAMPLES]
                more = len(gap.examples) - len(shown)
                st.markdown("**Praktijkvoorbeelden:**\n" + "\n".join(
                    f"- {md(e.name)} ({md(or_unknown(e.municipality))})" for e in shown
                ) + (f"\n\nEn nog {more} op de pagina Praktijkvoorbeelden." if more else ""))
            if not gap.unrecognised and not gap.examples:
                st.markdown("Ook geen praktijkvoorbeeld in de kenniskaart pakt deze factor aan.")


def _excluded(result: Result) -> None:
    if not result.excluded:
        st.write("Geen interventie voor de gekozen factoren valt af op leeftijd, doelgroep of toelating, "
                 "en geen ervan werkt volgens een bron niet.")
    for ex in result.excluded:
        st.markdown(f"- **{md(ex.intervention.name)}** ({EXCLUSION_LABELS[ex.kind]}): {md(ex.reason)}")


def _organisation(result: Result) -> None:
    st.write(
        "Wat bij de gekozen factoren hoort maar niet voor één jongere is: universele programma's voor een "
        "hele klas, school of wijk, maatregelen en planningsmethoden van de gemeente, instrumenten en "
        "trainingen voor professionals. Nooit aanbevolen voor één jongere."
    )
    if not result.for_organisation:
        st.write("Niets voor school of gemeente hoort bij de gekozen factoren.")
    for rec in result.for_organisation:
        iv = rec.intervention
        harms = [c for c in rec.cautions if c.startswith(("Werkt niet", "Voorlichting", "Groepsinterventie"))]
        st.markdown(f"- **{md(iv.name)}** {_recognition_badge(rec)} ({md(organisation_reason(iv))}) — bij: "
                    + md(", ".join(f.name for f in rec.factors))
                    + "".join(f"  \n  :orange[{md(h)}]" for h in harms))


def _compare(result: Result) -> None:
    names = {r.intervention.id: r.intervention.name for r in result.ranked}
    chosen = st.multiselect(
        "Kies 2 of 3 interventies om te vergelijken", list(names), format_func=names.get,
        max_selections=3, placeholder="Kies…", key="a_compare", select_all=False, wrap=True,
    )
    if not chosen:
        return
    recs = {r.intervention.id: r for r in result.ranked}
    for col, iid in zip(st.columns(len(chosen)), chosen):
        rec = recs[iid]
        iv = rec.intervention
        sig = signals(iv)
        with col:
            st.markdown(f"**{md(iv.name)}** {_recognition_badge(rec)}")
            st.caption(md(rec.rule))
            st.markdown("  \n".join([
                f"Leeftijd: {md(age_range(iv))}",
                f"Doelgroep: {md(or_unknown(iv.target_group))}",
                f"Bewijs: {md(recognition_text(rec.recognition))}",
                f"Voor wie: {md(audience_text(iv))}",
                f"Effect: {md(sig.effect)}",
                f"Uitvoering: {md(sig.implementation)}",
                f"Niveau van hulp: {md(', '.join(levels[h] for h in iv.help_levels if h in levels) or 'onbekend')}",
                "Gekozen factoren: " + md(", ".join(f.name for f in rec.factors)),
            ]))
            if rec.cautions:
                st.warning("**Let op:** " + md(" ".join(rec.cautions)), icon=":material/warning:")


def _map(result: Result) -> None:
    """The kenniskaart for this profile (the same view as on Factoren and in the presentation)."""
    ids = [*result.profile.risk_factors, *result.profile.protective_factors]
    st.caption(
        "De factoren van dit profiel, de interventiethema's en de interventies die ze aanpakken. "
        "Lijn: doorgetrokken = bron · gestreept = themaniveau · gestippeld = team. Donker = sterk "
        "bewijs · open ruit = niet erkend. Klik op een factor of interventie om te zien wat erbij hoort."
    )
    kaart_view(kk, ids, "a_map", max_interventions=16, profile=result.profile)
    box = st.expander("Voor een workshop: interventies naar bewijs en aantal factoren van dit profiel",
                      key="a_ws_open", on_change="rerun")
    if box.open:
        with box:
            st.caption(
                "Rijen: sterkte van het bewijs. Kolommen: hoeveel dynamische factoren van het profiel de "
                "interventie aanpakt. Statische factoren tellen niet mee: ze bepalen hoe zwaar de hulp moet zijn."
            )
            workshop_view(kk, ids, "a_ws", profile=result.profile)


TABS = ("Aanbevelingen", "Pakket", "Gaten", "Kaart", "Valt af", "Voor school of gemeente", "Vergelijk")
RENDER = (_tiers, _package, _gaps, _map, _excluded, _organisation, _compare)


@st.fragment
def profile_and_results() -> None:
    """The profile widgets and everything that depends on them: changing a factor reruns only this."""
    profile = _profile_widgets()
    # The session's profile (and the share link) always reflect the widgets.
    st.session_state[PROFILE_KEY] = profile
    share_box("aanbeveler", share_params())

    if not profile.risk_factors and not profile.protective_factors:
        st.info("Kies minstens één risicofactor of beschermende factor, of begin met een casus.")
        return
    result = recommend(kk, profile)
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
    tabs = st.tabs(list(TABS), key="a_tab", on_change="rerun")
    for tab, render in zip(tabs, RENDER):
        if tab.open:
            with tab:
                render(result)


profile_and_results()
