"""The Aanbeveler's rule set: every weight, the level-of-help markers and who a programme is for
(eligibility: offence, LVB, parent, boys only, crisis, 'doelgroep' ages). ``explain.explain_rules``
puts them in words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..content import Kenniskaart, named_in_code
from ..models import Caution, Intervention
from ..rules import NEVER_COUNTS, age_in_range, not_working
from .profile import Profile

if TYPE_CHECKING:
    from ..vocabulary import ExclusionKind

OFFENCE_FACTORS = named_in_code(__name__, "OFFENCE_FACTORS", "factors", frozenset({
    "beke-r-criminele-achtergrond",
    "beke-r-meer-veroordelingen",
    "beke-r-ernstigere-delicten",
    "beke-r-meer-soorten-delicten",
    "beke-r-drugsveroordelingen",
    "beke-r-meer-langere-gevangenisstraffen",
    "beke-r-detentiegeschiedenis",
    "beke-r-geweldsdelicten-jeugd",
}))
"""Static risk factors that say the young person has offended (Bureau Beke: an offending
history, convictions, detention): with one of them the profile counts as 'na een delict', also
when the offence field is left open."""

SPECIALIST_FACTORS = named_in_code(__name__, "SPECIALIST_FACTORS", "factors", OFFENCE_FACTORS | {
    # serious youth groups, criminal skills
    "beke-r-problematische-jeugdgroep",
    "beke-r-criminele-vaardigheden",
    # ties with organised crime and criminal families
    "beke-r-familiebanden-georganiseerde-criminaliteit",
    "beke-r-aanraking-georganiseerde-criminaliteit",
    "sw-gezin-r-criminele-gezinsleden",
})
"""Risk factors that point to the specialist approach (seed 003, 'De juiste hulp op
verschillende niveaus', 3: young people, young adults and families who are already further
into crime). Traits such as loyalty or willingness to use violence alone do not."""

RULES: dict[str, Any] = {
    "score": {
        # evidence strength of a selected dynamic factor the intervention addresses …
        "evidence": {
            "gefundeerd": 3.0,
            "robuust": 2.0,
            "plausibel": 1.5,
            "kwalitatief": 1.0,
            "niet_beoordeeld": 1.0,
        },
        # … times the provenance of the link: bron > thema > team
        "basis": {"bron": 1.0, "thema": 0.6, "team": 0.5},
        # … times this when the link reaches the factor through its mirror (the opposite factor:
        # building 'een baan hebben' addresses 'gebrek aan werkgelegenheid')
        "mirror": 0.7,
        # level of help (risk principle: zo licht als mogelijk, zo zwaar als nodig): same as needed /
        # one step off / two steps off. One step off costs as much as a well-founded factor gains, so
        # a heavier programme leads only when it also meets more of the needs; two steps off also
        # leave group 1.
        "help_level": {0: 1.0, 1: -2.0, 2: -4.0},
        # at least one preferred setting matches
        "setting": 1.0,
        # per step of recognition (goed beschreven 1 … effectief volgens sterke aanwijzingen 5)
        "recognition_step": 0.3,
        # age given but the intervention's age range is unknown (tier 2 only)
        "age_unknown": -1.0,
        # per caution of a kind in RULES["harm_kinds"]
        "harm": -1.0,
        # per condition of the programme the profile cannot confirm (a parent who takes part when
        # not stated; boys only; an acute crisis): asked on the card, ranked lower
        "unconfirmed": -1.5,
        # the profile names an offence and the programme aims at preventing reoffending (need
        # principle: the offence itself is a need), as much as a well-founded factor
        "offence": 3.0,
    },
    "tiers": {
        1: "erkend, past bij de leeftijd en bij het niveau van hulp",
        2: "veelbelovend / praktijk: niet erkend, leeftijdsgrens onbekend of twee niveaus van hulp ernaast",
    },
    # level of help (risk principle)
    "need": {
        # any of these → specialistische aanpak
        "specialist_factors": SPECIALIST_FACTORS,
        # dynamic risk factors with strong evidence (gefundeerd or statistisch robuust)
        "strong_evidence": ("gefundeerd", "robuust"),
        # this many dynamic risk factors, or this many strong ones → intensive guidance
        "intensive_count": 3,
        "intensive_strong": 2,
    },
    "package_size": 5,
    # caution kinds that lower the score and keep an item out of the package: no evidence of an
    # effect either way (seed 004 §2.3.2 on ex-offender role models) and awareness lessons for
    # everyone (Kwaliteitskader). 'Kan schaden' and 'geen effect' are excluded outright
    # (rules.NEVER_COUNTS). A group-intervention warning is about how to deliver it.
    "harm_kinds": ("niet_aangetoond", "voorlichting"),
}
"""All rules and weights of the Aanbeveler; ``explain_rules()`` puts them in words."""

WEIGHTS = RULES["score"]
PACKAGE_SIZE: int = RULES["package_size"]


NEED_ORDER = named_in_code(__name__, "NEED_ORDER", "help_levels",
                           ("hulp-positief", "hulp-intensief", "hulp-specialistisch"))
"""Help level ids from light to heavy (seed 003)."""


def _doelgroep_rules_out(c: Caution, age: int | None) -> bool:
    """A ``doelgroep`` caution with an age range rules out ages outside it."""
    return c.kind == "doelgroep" and age is not None and age_in_range(c.min_age, c.max_age, age) is False


def has_offence(profile: Profile) -> bool:
    """The profile says the young person offended: a first or repeated offence, or an offence
    factor (criminal history, convictions, detention) among the risk factors."""
    return profile.offence in ("eerste", "herhaald") or (
        profile.offence is None and any(f in OFFENCE_FACTORS for f in profile.risk_factors)
    )


def needs_offence(iv: Intervention) -> bool:
    """Only after an offence: a justice-frame programme or a source-given 'delict' condition."""
    return iv.prevention == "na_delict" or "delict" in iv.requires


def addresses_offence(iv: Intervention) -> bool:
    """A programme for the offence itself: after an offence, or aimed at preventing reoffending
    (need principle: with an offence in the profile it is offered for the offence)."""
    return iv.reoffending or needs_offence(iv)


CONFIRMABLE_ONLY_ON_THE_SPOT = ("jongen", "crisis")
"""Conditions the profile has no input for: the card asks, and the package leaves them out."""


def unconfirmed(iv: Intervention, profile: Profile) -> tuple[str, ...]:
    """The programme's conditions this profile does not confirm (responsivity): a parent who takes
    part when the profile does not say, boys only, an acute crisis."""
    out = tuple(r for r in iv.requires if r in CONFIRMABLE_ONLY_ON_THE_SPOT)
    return (("ouder",) if "ouder" in iv.requires and profile.parent is None else ()) + out


def eligibility(iv: Intervention, profile: Profile) -> tuple[ExclusionKind, str] | None:
    """Why the target group rules this young person out (responsivity), or None.

    In this order: a source says it does not work or can harm; only after an offence; only with
    LVB; not with LVB; a parent who takes part while the profile says there is none.
    """
    harm = not_working(iv)
    if harm is not None and harm.kind in NEVER_COUNTS:
        verdict = "een bron meldt schade" if harm.kind == "kan_schaden" else "onderzoek vond geen effect"
        return cast("ExclusionKind", harm.kind), f"{verdict}: {harm.text}"
    if needs_offence(iv) and not has_offence(profile):
        if profile.offence == "geen":
            return "doelgroep", "alleen na een delict (justitieel kader), en het profiel zegt: geen delict"
        return "doelgroep", ("alleen na een delict (justitieel kader); het profiel noemt geen delict "
                             "(kies bij 'Delict' eerste of herhaald als dat zo is)")
    if "lvb" in iv.requires and profile.lvb is not True:
        return "toelating", ("alleen voor jongeren met een licht verstandelijke beperking (IQ ongeveer 50-85); "
                             + ("het profiel zegt: geen LVB" if profile.lvb is False else
                                "het profiel noemt geen LVB (kies bij 'LVB' ja als dat zo is)"))
    if "geen_lvb" in iv.requires and profile.lvb is True:
        return "toelating", "niet voor jongeren met een licht verstandelijke beperking, en het profiel noemt een LVB"
    if "ouder" in iv.requires and profile.parent is False:
        return "toelating", "vraagt een ouder of verzorger die meedoet, en het profiel zegt dat die er niet is"
    return None


def help_diff(orders: dict[str, int], iv: Intervention, need: str | None) -> int | None:
    """Steps between the needed level of help and the nearest of the intervention's (max 2);
    ``orders``: help level id → order."""
    if not need or need not in orders:
        return None
    own = [orders[h] for h in iv.help_levels if h in orders]
    if not own:
        return None
    return min(2, min(abs(orders[need] - o) for o in own))


def help_orders(kk: Kenniskaart) -> dict[str, int]:
    return {h.id: h.order for h in kk.help_levels}
