"""The presentation's stylesheet and its steps on a projector (the page ``pages/presentatie``
routes between them): the profile, the map, the recommendations, what others did and the lessons.
The Werksessie and plan van aanpak steps are ``werksessie_views`` and ``plan_van_aanpak_views``.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from .. import presentatie as pres
from ..aanbeveler import Profile
from ..charts import INK
from ..content import Kenniskaart
from ..models import Factor
from ..nl import age_text, short
from ..vocabulary import BASIS_LINE_LEGEND
from . import recommended
from .kaart import kaart_view
from .text import md
from .widgets import case_picker
from .workshop import workshop_view

STYLE = f"""<style>
    [data-testid=stMainBlockContainer] {{ max-width: none; padding: 4.6rem 2rem 0.5rem 2rem; }}
    [data-testid=stMain] p, [data-testid=stMain] li, [data-testid=stMain] label,
    [data-testid=stMain] button, [data-testid=stMain] input, [data-testid=stMain] summary,
    [data-testid=stMain] [data-baseweb=select] div, [data-testid=stMain] kbd,
    [data-testid=stMain] [data-testid=stCaptionContainer], [data-testid=stPopoverBody] p,
    [data-testid=stPopoverBody] li, [data-baseweb=popover] li {{
        font-size: max(24px, 2.8vh) !important; line-height: 1.32 !important; }}
    [data-testid=stMain] [data-testid=stCaptionContainer] p {{ color: {INK} !important; }}
    [data-testid=stMain] h1 {{ font-size: max(38px, 4.4vh) !important; padding: 0 !important; }}
    [data-testid=stMain] h2 {{ font-size: max(31px, 3.6vh) !important; padding: 0.2rem 0 !important; }}
    [data-testid=stMain] h3 {{ font-size: max(27px, 3.1vh) !important; padding: 0.1rem 0 !important; }}
    [data-testid=stMain] [data-testid=stVerticalBlock] {{ gap: 0.4rem; }}
    .st-key-p-arrows {{ display: none !important; }}
    [data-testid=stMain] [data-testid=stElementToolbar] {{ display: none !important; }}
    @media (min-height: 1000px) {{ .st-key-p-chart {{ zoom: 1.25; width: 80% !important; }} }}
    </style>"""
"""Fixed stylesheet (no content embedded): large type, navigation below Streamlit's header,
the arrow-key duplicates of the navigation buttons out of sight (their shortcuts still work)."""


def more(label: str, lines: list[str], key: str) -> None:
    """'meer (n)': the rest of a list, in a popover so the screen does not grow."""
    if lines:
        with st.popover(f"{label} ({len(lines)})", key=key):
            for line in lines:
                st.markdown(f"- {line}")


def profile_step(kk: Kenniskaart, profile: Profile | None, risk: list[Factor], protective: list[Factor],
                 use_case: Callable[[], None]) -> None:
    """A casus to choose (``use_case``: its callback) beside the profile: age, level of help and
    the top factors of each kind, the rest behind 'meer'."""
    left, right = st.columns([1, 1.35], gap="large")
    with left:
        case_picker(kk, "Kies een casus om samen te bespreken", "p_case", use_case)
    with right:
        if profile is None or not (risk or protective):
            st.info("Nog geen profiel: kies een casus, of stel een profiel samen in de aanbeveler.")
            return
        levels = kk.by_id("help_levels")
        need = f"**Niveau van hulp:** {md(levels[profile.need].name)}" if profile.need in levels \
            else "niveau van hulp nog niet gekozen"
        age = f"**Leeftijd:** {age_text(profile.age)}" if profile.age is not None else age_text(None)
        st.markdown(f"{age} · {need}")
        for title, factors, key in (("Risicofactoren", risk, "p_more_risk"),
                                    ("Te versterken", protective, "p_more_prot")):
            if not factors:
                continue
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown(f"**{title} ({len(factors)}):**", width="content")
                more("meer", [md(pres.factor_line(f, None)) for f in factors[pres.TOP:]], key)
            st.markdown("\n".join(f"- {md(pres.factor_line(f))}" for f in factors[: pres.TOP]))


def map_step(kk: Kenniskaart, head, profile: Profile, factor_ids: list[str]) -> None:
    """The map of the profile's factors, or the workshop view (a switch in the step's title row
    ``head``)."""
    view = head.segmented_control(
        "Weergave", ["Kaart", "Bewijs × factoren"], default="Kaart", key="p_map_view", required=True,
        label_visibility="collapsed",
    )
    if view == "Bewijs × factoren":
        st.markdown("Rijen: sterkte van het bewijs van de interventie. "
                    "Kolommen: hoeveel dynamische factoren van dit profiel ze aanpakt.")
        with st.container(key="p-chart"):
            workshop_view(kk, factor_ids, "p_ws", font=pres.CHART_FONT, per_cell=2, profile=profile)
    else:
        st.markdown(f"{BASIS_LINE_LEGEND} Donker = sterk bewijs · open ruit = niet erkend.")
        with st.container(key="p-chart"):
            kaart_view(kk, factor_ids, "p_map", max_interventions=8, picker=False, font=pres.CHART_FONT,
                       legend=False, max_height=pres.MAP_HEIGHT, profile=profile)


def recommendations_step(kk: Kenniskaart, profile: Profile) -> None:
    """The first tier's top three as cards, the other tiers in a line each, the package and the
    factors without a recognised intervention; the rest behind 'meer'."""
    result = recommended(kk, profile)
    if getattr(result, "need_reason", ""):
        st.markdown(md(result.need_reason))
    groups = pres.recommendation_groups(result)
    if getattr(result, "needs_age", False):
        st.info("Het profiel heeft geen leeftijd: kies een leeftijd in de aanbeveler, dan staan hier de aanbevelingen.")
    elif not groups:
        st.info("Geen interventie pakt deze factoren aan binnen deze leeftijd.")
    rests: list[tuple[str, list[str], str]] = []
    for g, (label, items) in enumerate(groups):
        if g == 0:
            st.subheader(md(label))
            cols = st.columns(pres.TOP, gap="medium")
            for col, (pos, item) in zip(cols, enumerate(items[: pres.TOP], start=1), strict=False):
                with col.container(border=True):
                    st.markdown(f"**{pos}. {md(item.name)}**  \n{md(item.facts)}")
                    if item.why:
                        st.markdown(md(item.why))
            rest = items[pres.TOP:]
        else:
            st.markdown(f"**{md(label)} ({len(items)}):** " + md("; ".join(short(i.name, 40) for i in items[:2])))
            rest = items[2:]
        rests.append(("meer" if g == 0 else f"meer: {label.lower()}", [f"{md(i.name)} · {md(i.facts)}" for i in rest],
                      f"p_more_rec_{g}"))
    package = pres.package_names(result)
    if package:
        st.markdown("**Pakket:** " + md(" + ".join(short(n, 34) for n in package)))
    gaps = pres.gap_names(result)
    if gaps:
        rests.append(("Geen erkende interventie voor", [md(n) for n in gaps], "p_more_gaps"))
    with st.container(horizontal=True):
        for label, lines, key in rests:
            more(label, lines, key)


def examples_step(kk: Kenniskaart, profile: Profile) -> None:
    """The three practice examples that address most of the profile's factors; the rest behind 'meer'."""
    found = pres.examples_for_profile(kk, profile)
    if not found:
        st.info("Geen praktijkvoorbeeld pakt de factoren van dit profiel aan.")
        return
    st.markdown(f"{len(found)} praktijkvoorbeelden pakken factoren van dit profiel aan; de drie met de meeste:")
    cols = st.columns(pres.TOP, gap="medium")
    for col, (ex, factors) in zip(cols, found[: pres.TOP], strict=False):
        with col.container(border=True):
            st.markdown(f"**{md(short(ex.name, 60))}**  \n{md(ex.municipality or 'gemeente onbekend')}")
            st.markdown(md(pres.first_sentence(ex.description, 110)))
            st.markdown(md(pres.addresses(factors)))
    more("meer", [f"{md(ex.name)} ({md(ex.municipality or 'gemeente onbekend')})" for ex, _ in found[pres.TOP:]],
         "p_more_ex")


def lessons_step(kk: Kenniskaart) -> None:
    """The lessons in two columns, each with its first sentence; in full behind 'meer'."""
    lessons = kk.lessons_in_order
    cols = st.columns(2, gap="large")
    for i, lesson in enumerate(lessons):
        with cols[i % 2]:
            st.markdown(f"**Les {lesson.number}: {md(lesson.title)}**  \n"
                        f"{md(pres.first_sentence(lesson.summary, 150))}")
    more("meer: de lessen voluit", [f"**Les {x.number}: {md(x.title)}** {md(x.summary)}" for x in lessons],
         "p_more_lessons")
