"""The Aanbeveler's result, one function per tab: the cards in two groups, the package, the gaps,
what falls out and why, what is for a school or the municipality, a comparison and the map.

Every function takes the content and the Aanbeveler's ``Result`` and renders it; the page only
reads the profile widgets and calls ``recommend``. Content text goes through ``md()``.
"""

from __future__ import annotations

import streamlit as st

from ..aanbeveler import Recommendation, Result
from ..content import Kenniskaart
from ..rules import HARM_KINDS, organisation_reason
from ..signals import signals
from ..texts import age_range, audience_text, or_unknown, recognition_text
from ..vocabulary import BASIS_LINE_LEGEND, EVIDENCE_LABELS, EXCLUSION_LABELS, TIER_TITLES
from .guidance import guidance_link
from .kaart import kaart_view
from .links import catalog_link
from .text import md
from .widgets import shortlist_button
from .workshop import workshop_view

GAP_EXAMPLES = 8  # practice examples listed per gap; the rest are on Praktijkvoorbeelden
TIER2_OPEN = 3  # tier-2 cards shown at once; the rest in an expander that renders only when opened


def recognition_badge(rec: Recommendation) -> str:
    return ":green-badge[:material/verified: erkend]" if rec.recognised else ":orange-badge[niet erkend]"


def signal_lines(iv, used=None) -> list[str]:
    sig = signals(iv)
    lines = [f"**Bewijs:** {md(sig.evidence)}"]
    lines += [f"**Ook genoemd:** {md(o)}" for o in sig.evidence_other]
    if used is not None and used is not iv.recognition:
        lines.append(f"**Telt voor dit profiel:** {md(recognition_text(used))}")
    return [*lines, f"**Voor wie:** {md(audience_text(iv))}", f"**Effect:** {md(sig.effect)}",
            f"**Uitvoering:** {md(sig.implementation)}"]


def card(kk: Kenniskaart, pos: int, rec: Recommendation, where: str) -> None:
    # Few elements per card: a results page sends 9+ cards on every change of the profile.
    iv = rec.intervention
    with st.container(border=True, key=f"a-{where}-{iv.id}"):
        st.markdown(
            f"**{pos}. {md(iv.name)}** {recognition_badge(rec)} · leeftijd {md(age_range(iv))}  \n"
            f":gray[{md(rec.rule)}]"
        )
        with st.container(key=f"a-reasons-{iv.id}"):
            # the recognition is the evidence signal; the other reasons are listed after it
            reasons = [r for r in rec.reasons if r.kind != "erkenning"]
            st.markdown("  \n".join(signal_lines(iv, rec.recognition)) + "\n\n**Waarom wel:**\n"
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


def tiers(kk: Kenniskaart, result: Result) -> None:
    tier1, tier2 = result.tier(1), result.tier(2)
    if result.needs_age:
        st.info("Vul eerst een leeftijd in (zet 'Leeftijd bekend' aan): welke interventies passen, hangt af van "
                "de leeftijd. Wat voor school of gemeente is, staat al onder 'Voor school of gemeente'.")
        return
    if not result.ranked:
        st.info("Geen interventie in de kenniskaart pakt de gekozen dynamische factoren aan binnen deze leeftijd. "
                "Zie 'Gaten'.")
        return
    with st.container(key="a-tier-1"):
        st.subheader(f"Groep 1 · {TIER_TITLES[1]} ({len(tier1)})")
        if not tier1:
            st.info("Geen erkende interventie met een passende leeftijdsgrens en een passend niveau van hulp pakt "
                    "de gekozen factoren aan.")
        for pos, rec in enumerate(tier1, start=1):
            card(kk, pos, rec, "t1")
    with st.container(key="a-tier-2"):
        st.subheader(f"Groep 2 · {TIER_TITLES[2]} ({len(tier2)})")
        st.caption("Niet erkend, de leeftijdsgrens is onbekend, of twee niveaus van hulp lichter of zwaarder dan "
                   "nodig. Deze staan altijd ná de erkende interventies.")
        start = len(tier1) + 1
        for pos, rec in enumerate(tier2[:TIER2_OPEN], start=start):
            card(kk, pos, rec, "t2")
        if len(tier2) > TIER2_OPEN:
            more = st.expander(f"Nog {len(tier2) - TIER2_OPEN} in groep 2", key="a_more_t2", on_change="rerun")
            if more.open:
                with more:
                    for pos, rec in enumerate(tier2[TIER2_OPEN:], start=start + TIER2_OPEN):
                        card(kk, pos, rec, "t2")


def package(kk: Kenniskaart, result: Result) -> None:
    st.write(
        "Een klein, samenhangend pakket: bij een delict eerst een programma tegen herhaling, dan per gekozen "
        "dynamische factor de beste erkende interventie (zo licht als mogelijk, zo zwaar als nodig), dan het "
        "gezin (ook als een ouder meedoet) en de gemeenschap, dan niet-erkende aanpakken voor wat nog open staat."
    )
    if result.needs_age:
        st.info("Vul eerst een leeftijd in: zonder leeftijd stelt de aanbeveler geen pakket samen.")
        return
    with st.container(key="a-package"):
        for n, item in enumerate(result.package, start=1):
            iv = item.intervention
            lv = ", ".join(iv.levels) or "niveau onbekend"
            st.markdown(
                f"{n}. **{md(iv.name)}** {recognition_badge(item.rec)} ({md(lv)}) — {md(item.why)}  \n"
                f"Dekt: {md(', '.join(f.name for f in item.factors))}"
            )
    if result.uncovered:
        st.warning("Niet gedekt door het pakket: " + md(", ".join(f.name for f in result.uncovered)))
    elif result.package:
        st.success("Het pakket dekt alle gekozen dynamische factoren.")


def gaps(kk: Kenniskaart, result: Result) -> None:
    if not result.gaps:
        st.success("Voor elke gekozen dynamische factor is er minstens één erkende interventie die bij de "
                   "leeftijd past.")
    for gap in result.gaps:
        with st.container(border=True, key=f"a-gap-{gap.factor.id}"):
            st.markdown(
                f"**{md(gap.factor.name)}** :blue-badge[{md(EVIDENCE_LABELS[gap.factor.evidence])}]: geen erkende "
                "interventie die bij de leeftijd past"
            )
            if gap.unrecognised:  # what can harm or had no effect never stands here (excluded before)
                st.markdown(
                    "Niet-erkende interventies of aanpakken: " + md(", ".join(i.name for i in gap.unrecognised))
                )
            if gap.examples:
                shown = gap.examples[:GAP_EXAMPLES]
                more = len(gap.examples) - len(shown)
                st.markdown("**Praktijkvoorbeelden:**\n" + "\n".join(
                    f"- {md(e.name)} ({md(or_unknown(e.municipality))})" for e in shown
                ) + (f"\n\nEn nog {more} op de pagina Praktijkvoorbeelden." if more else ""))
            if not gap.unrecognised and not gap.examples:
                st.markdown("Ook geen praktijkvoorbeeld in de kenniskaart pakt deze factor aan.")


def excluded(kk: Kenniskaart, result: Result) -> None:
    if not result.excluded:
        st.write("Geen interventie voor de gekozen factoren valt af op leeftijd, doelgroep of toelating, "
                 "en geen ervan werkt volgens een bron niet.")
    for ex in result.excluded:
        st.markdown(f"- **{md(ex.intervention.name)}** ({EXCLUSION_LABELS[ex.kind]}): {md(ex.reason)}")


def organisation(kk: Kenniskaart, result: Result) -> None:
    st.write(
        "Wat bij de gekozen factoren hoort maar niet voor één jongere is: universele programma's voor een "
        "hele klas, school of wijk, maatregelen en planningsmethoden van de gemeente, instrumenten en "
        "trainingen voor professionals. Nooit aanbevolen voor één jongere."
    )
    if not result.for_organisation:
        st.write("Niets voor school of gemeente hoort bij de gekozen factoren.")
    for rec in result.for_organisation:
        iv = rec.intervention
        harms = [c for c in rec.cautions if c.kind in HARM_KINDS]
        st.markdown(f"- **{md(iv.name)}** {recognition_badge(rec)} ({md(organisation_reason(iv))}) — bij: "
                    + md(", ".join(f.name for f in rec.factors))
                    + "".join(f"  \n  :orange[{md(h)}]" for h in harms))


def compare(kk: Kenniskaart, result: Result) -> None:
    levels = {h.id: h.name for h in kk.help_levels}
    names = {r.intervention.id: r.intervention.name for r in result.ranked}
    chosen = st.multiselect(
        "Kies 2 of 3 interventies om te vergelijken", list(names), format_func=names.get,
        max_selections=3, placeholder="Kies…", key="a_compare", select_all=False, wrap=True,
    )
    if not chosen:
        return
    recs = {r.intervention.id: r for r in result.ranked}
    for col, iid in zip(st.columns(len(chosen)), chosen, strict=False):
        rec = recs[iid]
        iv = rec.intervention
        sig = signals(iv)
        with col:
            st.markdown(f"**{md(iv.name)}** {recognition_badge(rec)}")
            st.caption(md(rec.rule))
            st.markdown("  \n".join(line for line in [
                f"Leeftijd: {md(age_range(iv))}",
                f"Doelgroep: {md(or_unknown(iv.target_group))}",
                f"Bewijs: {md(recognition_text(rec.recognition))}",
                f"Voor wie: {md(audience_text(iv))}",
                f"Effect: {md(sig.effect)}",
                f"Uitvoering: {md(sig.implementation)}",
                "Pakt het delict zelf aan: ja" if rec.for_offence else "",
                f"Niveau van hulp: {md(', '.join(levels[h] for h in iv.help_levels if h in levels) or 'onbekend')}",
                "Gekozen factoren: " + md(", ".join(f.name for f in rec.factors) or "geen"),
            ] if line))
            if rec.cautions:
                st.warning("**Let op:** " + md(" ".join(rec.cautions)), icon=":material/warning:")


def profile_map(kk: Kenniskaart, result: Result) -> None:
    """The kenniskaart for this profile (the same view as on Factoren and in the presentation)."""
    ids = [*result.profile.risk_factors, *result.profile.protective_factors]
    st.caption(
        "De factoren van dit profiel, de interventiethema's en de interventies die ze aanpakken. "
        f"{BASIS_LINE_LEGEND} Donker = sterk "
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
RENDER = (tiers, package, gaps, profile_map, excluded, organisation, compare)
