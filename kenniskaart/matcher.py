"""The Aanbeveler: from a risk profile to explained recommendations (pure, deterministic).

It applies the rule set the seeds cite: CCV 'Vier lessen', les 1 ("Maak ook gebruik van
erkende gedragsinterventies … Denk aan 'Alleen jij bepaalt wie je bent' of BASTA") and the
what-works principles (risk, need, responsivity). All rules and weights live in ``RULES``
below and are explained in plain Dutch by ``explain_rules()`` (page: "Hoe werkt de
aanbeveler?").

Outline
-------
1. **Need** (behoeftebeginsel): an intervention is a candidate when it addresses at least one
   selected *dynamic* factor (directly, through a twin factor, or through its mirror: the
   opposite factor of the other kind, weighted lower). Static factors (sex, offending history,
   detention) are never "aangepakt"; ``geen_doel`` factors are neither targets nor markers.
2. **Risk** (risicobeginsel): the level of help follows from the static factors, the offence
   and the number and strength of the dynamic risk factors (``suggest_need``), in one sentence.
3. **Responsivity** (``eligibility``): the age must fit; a programme after an offence needs an
   offence in the profile, an LVB programme LVB, 'geen_lvb' no LVB, a family therapy a parent
   who takes part; what a source says does not work or can harm is never recommended (all:
   excluded, with the reason). Universal programmes, municipal measures, instruments and
   trainings are never recommended for one young person; they are listed "voor school of
   gemeente".
4. **Tiers**: tier 1 = recognised (``effective_recognition``: the rating for the outcome that
   matters to the profile), with a *known* age range that fits, for a young person. Tier 2 = everything else that fits ("veelbelovend / praktijk":
   no recognition, or an unknown age range). A tier-2 item never outranks a tier-1 item.
   Within a tier the fit score orders (``RULES['score']``).
5. **Package** (≤ 5): per selected dynamic factor the best recognised intervention, then the
   family and community levels, then unrecognised approaches for what is still uncovered.
6. **Gaps**: selected dynamic factors without any recognised, age-fitting intervention, with
   the practice examples and unrecognised approaches that do address them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Callable, Literal

from pydantic import BaseModel, ConfigDict, Field

from .content import Kenniskaart
from .models import (
    AGE_LIMITS,
    RECOGNITION_ORDER,
    Case,
    Caution,
    Factor,
    FactorLink,
    Intervention,
    Offence,
    PracticeExample,
    Recognition,
    Setting,
)
from .present import BASIS_LABELS, CAUTION_LABELS, EVIDENCE_LABELS, NOT_WORKING_LABELS, REQUIREMENT_LABELS, SETTING_LABELS, age_range, recognition_text
from .signals import (
    HARM_KINDS,
    NEVER_COUNTS,
    does_not_work,
    effective_recognition,
    age_fits,
    age_in_range,
    harms_first,
    in_pmg_ages,
    is_recognised,
    not_working,
    organisation_reason,
)

# --- the rule set: every rule and weight in one place ---------------------------------------

OFFENCE_FACTORS = frozenset({
    "beke-r-criminele-achtergrond",
    "beke-r-meer-veroordelingen",
    "beke-r-ernstigere-delicten",
    "beke-r-meer-soorten-delicten",
    "beke-r-drugsveroordelingen",
    "beke-r-meer-langere-gevangenisstraffen",
    "beke-r-detentiegeschiedenis",
    "beke-r-geweldsdelicten-jeugd",
})
"""Static risk factors that say the young person has offended (Bureau Beke: an offending
history, convictions, detention): with one of them the profile counts as 'na een delict', also
when the offence field is left open."""

SPECIALIST_FACTORS = OFFENCE_FACTORS | {
    # serious youth groups, criminal skills
    "beke-r-problematische-jeugdgroep",
    "beke-r-criminele-vaardigheden",
    # ties with organised crime and criminal families
    "beke-r-familiebanden-georganiseerde-criminaliteit",
    "beke-r-aanraking-georganiseerde-criminaliteit",
    "sw-gezin-r-criminele-gezinsleden",
}
"""Risk factors that point to the specialist approach (seed 003, 'De juiste hulp op
verschillende niveaus', 3: young people, young adults and families who are already further
into crime). Traits such as loyalty or willingness to use violence alone do not."""

RULES = {
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
    # (signals.NEVER_COUNTS). A group-intervention warning is about how to deliver it.
    "harm_kinds": ("niet_aangetoond", "voorlichting"),
}
"""All rules and weights of the matcher; ``explain_rules()`` puts them in words."""

WEIGHTS = RULES["score"]
PACKAGE_SIZE: int = RULES["package_size"]


NEED_ORDER = ("hulp-positief", "hulp-intensief", "hulp-specialistisch")
"""Help level ids from light to heavy (seed 003)."""


# --- profile ---------------------------------------------------------------------------------


class Profile(BaseModel):
    """A risk profile as a user selects it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age: int | None = Field(default=None, ge=AGE_LIMITS[0], le=AGE_LIMITS[1])
    """Age in years; None = not given (all ages, unknown ranges noted)."""
    risk_factors: tuple[str, ...] = ()
    protective_factors: tuple[str, ...] = ()
    """Protective factors to strengthen."""
    settings: tuple[Setting, ...] = ()
    need: str | None = None
    """Help level id; None = let the matcher suggest one."""
    offence: Offence | None = None
    """Responsivity: no offence, a first or repeated offences; None = not stated (then a
    programme 'na een delict' needs an offence factor in the profile)."""
    lvb: bool | None = None
    """A mild intellectual disability (IQ roughly 50-85); None = not stated."""
    parent: bool | None = None
    """A parent or carer who can take part; None = not stated."""


def profile_from_case(case: Case) -> Profile:
    """The profile of a ready-made casus."""
    return Profile(
        age=case.age,
        risk_factors=tuple(case.risk_factors),
        protective_factors=tuple(case.protective_factors),
        settings=tuple(case.settings),
        need=case.need,
        offence=case.offence,
        lvb=case.lvb,
        parent=case.parent,
    )


# --- results ---------------------------------------------------------------------------------


class Reason(str):
    """A reason for or a caution against, in words, with its kind: pages pick by ``kind`` and
    never by the wording. Kinds of reasons: factor, delict, leeftijd, niveau, setting, lvb,
    jongen, erkenning, erkenning_uitkomst. Kinds of cautions: the caution kinds of the content
    (kan_schaden, geen_effect, niet_aangetoond, voorlichting, groepsinterventie, toelating,
    doelgroep, erkenning, overig) and koppeling, leeftijd, niveau, ouder, jongen."""

    kind: str

    def __new__(cls, kind: str, text: str) -> "Reason":
        obj = super().__new__(cls, text)
        obj.kind = kind
        return obj



@dataclass(frozen=True)
class Recommendation:
    intervention: Intervention
    tier: int
    """1 = erkend en past bij de leeftijd; 2 = veelbelovend / praktijk; 0 = voor school of gemeente."""
    score: float
    """Orders items within a tier only; shown to users as ``rule``, never as a number."""
    factors: tuple[Factor, ...]
    """Selected dynamic factors it addresses (the selected factor, also when reached via a twin)."""
    explain: Callable[[], tuple[tuple[Reason, ...], tuple[Reason, ...], str]] = field(repr=False, compare=False)
    """Builds (reasons, cautions, rule) on first use: a catalogue of 10,000 items yields more
    candidates than a page shows, and words are the costly part."""

    @cached_property
    def _words(self) -> tuple[tuple[Reason, ...], tuple[Reason, ...], str]:
        return self.explain()

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Reasons *for*."""
        return self._words[0]

    @property
    def cautions(self) -> tuple[Reason, ...]:
        """Cautions *against*: harms, target group, eligibility, recognition, weak links."""
        return self._words[1]

    @property
    def rule(self) -> str:
        """In words: which rule put it at this place."""
        return self._words[2]

    recognition: Recognition | None = None
    """The rating the matcher used: for the outcome that matters to this profile (MDFT for drug
    use: its rating for substance use), else the main one."""
    help_distance: int | None = None
    """Steps between the needed level of help and the intervention's nearest (0-2); None when
    either is unknown. Orders within a tier: zo licht als mogelijk, zo zwaar als nodig."""
    for_offence: bool = False
    """Offered for the offence itself: the profile names an offence and the programme aims at
    preventing reoffending (need principle)."""
    lvb_adapted: bool = False
    """The profile names an LVB and the programme is made for young people with an LVB
    (responsivity): it comes before general programmes of its tier and level."""

    @property
    def recognised(self) -> bool:
        return is_recognised(self.recognition)


ExclusionKind = Literal["leeftijd", "doelgroep", "toelating", "kan_schaden", "geen_effect"]
EXCLUSION_LABELS: dict[str, str] = {
    "leeftijd": "leeftijd",
    "doelgroep": "doelgroep",
    "toelating": "toelating",
    "kan_schaden": NOT_WORKING_LABELS["kan_schaden"].lower(),
    "geen_effect": NOT_WORKING_LABELS["geen_effect"].lower(),
}


@dataclass(frozen=True)
class Exclusion:
    intervention: Intervention
    reason: str
    kind: ExclusionKind = "leeftijd"


@dataclass(frozen=True)
class PackageItem:
    rec: Recommendation
    why: str
    """Why it is in the package, in words."""

    @property
    def intervention(self) -> Intervention:
        return self.rec.intervention

    @property
    def factors(self) -> tuple[Factor, ...]:
        return self.rec.factors


@dataclass(frozen=True)
class Gap:
    factor: Factor
    unrecognised: tuple[Intervention, ...]
    """Interventions without a recognition (or without a known fitting age) that do address it."""
    examples: tuple[PracticeExample, ...]


@dataclass(frozen=True)
class Result:
    profile: Profile
    need: str | None
    need_reason: str
    ranked: tuple[Recommendation, ...]
    """Tier 1 first, then tier 2."""
    excluded: tuple[Exclusion, ...]
    package: tuple[PackageItem, ...]
    uncovered: tuple[Factor, ...]
    """Selected dynamic factors the package does not cover."""
    gaps: tuple[Gap, ...]
    for_organisation: tuple[Recommendation, ...] = ()
    """'Voor school of gemeente': universal programmes, measures for the municipality,
    instruments and trainings that address a selected factor: never for one young person."""
    static_factors: tuple[Factor, ...] = ()
    """Selected static factors: they set the level of help, no intervention 'pakt ze aan'."""
    no_target_factors: tuple[Factor, ...] = ()
    """Selected factors that are neither a target nor a risk marker (``geen_doel``)."""
    notices: tuple[str, ...] = field(default=())
    needs_age: bool = False
    """No age in the profile: the Aanbeveler asks for one before it ranks (nothing is ranked)."""
    offence_gap: bool = False
    """The profile names an offence and no programme against reoffending fits it."""

    def tier(self, n: int) -> tuple[Recommendation, ...]:
        return tuple(r for r in self.ranked if r.tier == n)


# --- helpers ---------------------------------------------------------------------------------


def selected_factors(kk: Kenniskaart, profile: Profile) -> list[Factor]:
    """The profile's factors that exist, risk first, without duplicates; of twins (the same
    factor in another framework) only the first, so twins count once."""
    by_id = kk.by_id("factors")
    out: list[Factor] = []
    seen: set[str] = set()
    for fid in (*profile.risk_factors, *profile.protective_factors):
        if fid in by_id and fid not in seen:
            out.append(by_id[fid])
            seen |= kk.twin_ids(fid)
    return out


def choice_profile(kk: Kenniskaart, profile: Profile) -> Profile:
    """The profile as the factor pickers show it: known factors only, each twin pair as the one
    choice the pickers offer (``catalog.factor_choice_id``)."""
    from .catalog import factor_choice_id

    by_id = kk.by_id("factors")

    def ids(fids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(factor_choice_id(kk, f) for f in fids if f in by_id))

    return profile.model_copy(update={"risk_factors": ids(profile.risk_factors),
                                      "protective_factors": ids(profile.protective_factors)})


def _level_name(kk: Kenniskaart, hid: str) -> str:
    h = kk.by_id("help_levels").get(hid)
    return h.name if h else hid


def suggest_need(kk: Kenniskaart, profile: Profile) -> tuple[str | None, str]:
    """The level of help from static factors and the number/strength of dynamic risk factors.

    Risk principle (CCV les 1; seed 003 'De juiste hulp op verschillende niveaus'):
    a risk factor in ``SPECIALIST_FACTORS`` (offending history, detention, ties with organised
    crime) or repeated offending → specialist approach (3). Otherwise ``intensive_count`` or more
    dynamic risk factors, or ``intensive_strong`` or more with strong evidence → intensive
    guidance (2); fewer → positive support (1). Any other static risk marker (e.g. man-zijn) or a
    first offence raises that one step, to at most intensive guidance. Factors that are no target
    and no risk marker (``geen_doel``: having a job, a stable relationship, per-role factors) never
    count. One sentence says why.
    """
    rules = RULES["need"]
    risks = [f for f in selected_factors(kk, profile) if f.kind == "risico" and f.nature != "geen_doel"]
    if not risks and profile.offence not in ("eerste", "herhaald"):
        return None, "Geen risicofactoren gekozen die het niveau van hulp bepalen: geen niveau voorgesteld."
    special = [f for f in risks if f.id in rules["specialist_factors"]]
    if special or profile.offence == "herhaald":
        hid = "hulp-specialistisch"
        named = [f.name for f in special[:3]] + (["herhaald delict"] if profile.offence == "herhaald" else [])
        why = "het profiel wijst op eigen criminaliteit of een criminele omgeving die al dichtbij is (" + ", ".join(named) + ")"
        return hid, f"Voorgesteld: {_level_name(kk, hid).lower()}, omdat {why}."
    dynamic = [f for f in risks if f.nature == "dynamisch"]
    static = [f.name for f in risks if f.nature == "statisch"] + (["eerste delict"] if profile.offence == "eerste" else [])
    strong = [f for f in dynamic if f.evidence in rules["strong_evidence"]]
    step = 1 if (len(dynamic) >= rules["intensive_count"] or len(strong) >= rules["intensive_strong"]) else 0
    parts = [
        f"het profiel {_n(len(dynamic), 'dynamische risicofactor', 'dynamische risicofactoren')} heeft, waarvan "
        f"{len(strong)} sterk onderbouwd (gefundeerd of statistisch robuust)"
    ]
    if static and step == 0:
        step = 1
        parts.append(f"de statische factor{'en' if len(static) > 1 else ''} " + ", ".join(f"'{n}'" for n in static[:3])
                     + " het risico verho" + ("gen" if len(static) > 1 else "ogt"))
    elif static:
        parts.append("statische factoren: " + ", ".join(f"'{n}'" for n in static[:3]))
    hid = NEED_ORDER[step]
    return hid, f"Voorgesteld: {_level_name(kk, hid).lower()}, omdat {parts[0]}" + (
        f" en {parts[1]}." if len(parts) > 1 else "."
    )


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


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


def rank_key(r: Recommendation) -> tuple:
    """The order of the list: tier; with an LVB, LVB programmes first (responsivity); then the fit
    score, in which the level of help weighs as much as a well-founded factor (risk principle)."""
    return (r.tier, not r.lvb_adapted, -r.score, r.intervention.name)


def eligibility(iv: Intervention, profile: Profile) -> tuple[ExclusionKind, str] | None:
    """Why the target group rules this young person out (responsivity), or None.

    In this order: a source says it does not work or can harm; only after an offence; only with
    LVB; not with LVB; a parent who takes part while the profile says there is none.
    """
    harm = not_working(iv)
    if harm is not None and harm.kind in NEVER_COUNTS:
        verdict = "een bron meldt schade" if harm.kind == "kan_schaden" else "onderzoek vond geen effect"
        return harm.kind, f"{verdict}: {harm.text}"
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


Via = Literal["zelf", "tweeling", "spiegel"]


def _reach(kk: Kenniskaart, wanted: dict[str, Factor]) -> dict[str, tuple[tuple[str, Via], ...]]:
    """For every factor id a link may name: the selected factors it reaches, and how (the factor
    itself, a twin in another framework, or a mirror: the opposite factor of the other kind)."""
    reach: dict[str, list[tuple[str, Via]]] = {}
    for fid in wanted:
        for t in kk.twin_ids(fid):
            reach.setdefault(t, []).append((fid, "zelf" if t == fid else "tweeling"))
        for m in kk.mirror_ids(fid):
            reach.setdefault(m, []).append((fid, "spiegel"))
    return {k: tuple(v) for k, v in reach.items()}


def _link_weight(link: FactorLink, via: Via) -> float:
    return WEIGHTS["basis"][link.basis] * (WEIGHTS["mirror"] if via == "spiegel" else 1.0)


def _best_links(iv: Intervention, reach: dict[str, tuple[tuple[str, Via], ...]]) -> dict[str, tuple[FactorLink, Via]]:
    """Per selected factor id: the strongest link of ``iv`` to it, a twin or a mirror. A mirror
    counts only when a source says the intervention builds it (``bron``): a theme-level or derived
    link to the opposite factor is one inference too many."""
    best: dict[str, tuple[FactorLink, Via]] = {}
    for link in iv.factors:
        for fid, via in reach.get(link.factor, ()):
            if via == "spiegel" and link.basis != "bron":
                continue
            cur = best.get(fid)
            if cur is None or _link_weight(link, via) > _link_weight(*cur):
                best[fid] = (link, via)
    return best


def _help_diff(orders: dict[str, int], iv: Intervention, need: str | None) -> int | None:
    """Steps between the needed level of help and the nearest of the intervention's (max 2);
    ``orders``: help level id → order."""
    if not need or need not in orders:
        return None
    own = [orders[h] for h in iv.help_levels if h in orders]
    if not own:
        return None
    return min(2, min(abs(orders[need] - o) for o in own))


def _help_orders(kk: Kenniskaart) -> dict[str, int]:
    return {h.id: h.order for h in kk.help_levels}


def _evaluate(
    kk: Kenniskaart, iv: Intervention, profile: Profile, dynamic: dict[str, Factor], need: str | None,
    reach: dict[str, tuple[tuple[str, Via], ...]], orders: dict[str, int], selected_ids: frozenset[str],
    offence: bool = False,
) -> Recommendation | Exclusion | None:
    """Tier and score (cheap, for every candidate); the words are built only when read."""
    links = _best_links(iv, reach)
    for_offence = offence and addresses_offence(iv)
    if not links and not for_offence:
        return None
    fit = None if profile.age is None else age_fits(iv, profile.age)
    organisation = organisation_reason(iv)
    harm = not_working(iv)
    if organisation and harm is not None and harm.kind in NEVER_COUNTS:
        # never in the list for school or municipality either (Marietje Kessels, CTC on behaviour)
        return Exclusion(iv, eligibility(iv, profile)[1], harm.kind)  # type: ignore[index]
    # measures, instruments and trainings are for the organisation at any age; a universal
    # programme still has the age group of its class or school
    if fit is False and (not organisation or iv.prevention == "universeel"):
        return Exclusion(iv, f"leeftijd {profile.age} valt buiten {age_range(iv)}", "leeftijd")
    if not organisation:
        ruled_out = [c for c in iv.cautions if _doelgroep_rules_out(c, profile.age)]
        if ruled_out:
            return Exclusion(iv, f"doelgroep sluit leeftijd {profile.age} uit: {ruled_out[0].text}", "doelgroep")
        barred = eligibility(iv, profile)
        if barred is not None:
            return Exclusion(iv, barred[1], barred[0])

    rec = effective_recognition(iv, selected_ids)
    ev = WEIGHTS["evidence"]
    score = 0.0
    for fid, (link, via) in links.items():
        score += ev[dynamic[fid].evidence] * _link_weight(link, via)
    if fit is None and profile.age is not None:
        score += WEIGHTS["age_unknown"]
    diff = _help_diff(orders, iv, need)
    if diff is not None:
        score += WEIGHTS["help_level"][diff]
    if for_offence:
        score += WEIGHTS["offence"]
    score += WEIGHTS["unconfirmed"] * len(unconfirmed(iv, profile))
    if profile.settings and any(s in profile.settings for s in iv.settings):
        score += WEIGHTS["setting"]
    if rec is not None:
        score += WEIGHTS["recognition_step"] * RECOGNITION_ORDER[rec.level]
    for c in iv.cautions:
        if c.kind in RULES["harm_kinds"]:
            score += WEIGHTS["harm"]

    recognised = is_recognised(rec)
    if organisation:
        tier = 0
    elif recognised and fit is True and diff != 2:
        tier = 1
    else:
        tier = 2
    factors = tuple(dynamic[fid] for fid in links)
    lvb_adapted = profile.lvb is True and "lvb" in iv.requires
    return Recommendation(iv, tier, score, factors,
                          partial(_explain, kk, iv, profile, dynamic, need, links, fit, tier, rec, for_offence),
                          rec, diff, for_offence, lvb_adapted)


def _explain(
    kk: Kenniskaart, iv: Intervention, profile: Profile, dynamic: dict[str, Factor], need: str | None,
    links: dict[str, tuple[FactorLink, Via]], fit: bool | None, tier: int, rec: Recognition | None,
    for_offence: bool = False,
) -> tuple[tuple[Reason, ...], tuple[Reason, ...], str]:
    """Reasons for, cautions against, and the rule that put it in its place, in words."""
    reasons: list[Reason] = []
    cautions: list[Reason] = []
    weak: list[str] = []
    by_id = kk.by_id("factors")
    if for_offence:
        reasons.append(Reason("delict", "pakt het delict zelf aan: het doel is herhaling voorkomen, en het profiel "
                                        "noemt een delict (behoeftebeginsel)"))
    for fid, (link, via) in links.items():
        f = dynamic[fid]
        verb = "pakt aan" if f.kind == "risico" else "versterkt"
        if via == "tweeling":
            how = " (via dezelfde factor in een ander kader)"
        elif via == "spiegel":
            other = by_id[link.factor].name
            how = (f" (via de spiegelfactor '{other}': wie die versterkt, pakt deze aan; telt voor "
                   f"{_nl(WEIGHTS['mirror'])} mee)" if f.kind == "risico" else
                   f" (via de spiegelfactor '{other}': wie die aanpakt, versterkt deze; telt voor "
                   f"{_nl(WEIGHTS['mirror'])} mee)")
        else:
            how = ""
        reasons.append(Reason("factor", f"{verb}: {f.name} ({EVIDENCE_LABELS[f.evidence]}; {BASIS_LABELS[link.basis]}){how}"))
        if link.basis != "bron":
            weak.append(f.name)
    if weak and len(weak) == len(links):
        cautions.append(Reason(
            "koppeling", "Geen bron noemt deze interventie zelf bij de gekozen factoren; de koppeling is afgeleid of op "
            "themaniveau: " + ", ".join(weak) + "."
        ))

    if fit is True:
        reasons.append(Reason("leeftijd", f"leeftijd past ({age_range(iv)})"))
    elif fit is None and profile.age is not None:
        note = f" ({iv.age_note})" if iv.age_note else ""
        cautions.append(Reason("leeftijd", f"Leeftijdsgrens onbekend{note}: controleer of de interventie past bij "
                                           f"{profile.age} jaar."))

    diff = _help_diff(_help_orders(kk), iv, need)
    if diff is not None:
        levels = kk.by_id("help_levels")
        if diff == 0:
            reasons.append(Reason("niveau", f"past bij het niveau van hulp ({levels[need].name})"))
        else:
            names = ", ".join(levels[h].name for h in iv.help_levels if h in levels)
            heavier = min(_help_orders(kk)[h] for h in iv.help_levels if h in levels) > _help_orders(kk)[need]
            way = ("zwaarder dan nodig: zo licht als mogelijk" if heavier else "lichter dan nodig: zo zwaar als nodig")
            cautions.append(Reason("niveau", f"Ander niveau van hulp ({names}) dan nodig ({levels[need].name}): {way}."))

    common = [s for s in iv.settings if s in profile.settings]
    if common:
        reasons.append(Reason("setting", "setting past: " + ", ".join(SETTING_LABELS[s] for s in common)))

    if needs_offence(iv) and tier and not for_offence:
        reasons.append(Reason("delict", "na een delict: het profiel noemt een delict"))
    if "lvb" in iv.requires and tier:
        reasons.append(Reason("lvb", "gemaakt voor jongeren met een LVB, zoals in het profiel: komt vóór algemene "
                                     "programma's (responsiviteit)"))
    if "ouder" in iv.requires and profile.parent is None:
        cautions.append(Reason("ouder", f"{REQUIREMENT_LABELS['ouder'].capitalize()}: ga na of dat lukt."))
    for req in CONFIRMABLE_ONLY_ON_THE_SPOT:
        if req in iv.requires:
            cautions.append(Reason(req, f"{REQUIREMENT_LABELS[req].capitalize()}: ga na of dat past."))

    recognised = is_recognised(rec)
    if recognised:
        reasons.append(Reason("erkenning", f"erkenning: {recognition_text(rec)}"))
        if rec is not iv.recognition:
            reasons.append(Reason("erkenning_uitkomst", f"deze beoordeling geldt voor {rec.outcome or 'een gekozen factor'}; "
                                                        f"hoofderkenning: {recognition_text(iv.recognition)}"))
        if rec.level == "erkend, niveau onbekend":
            cautions.append(Reason("erkenning", "Een bron noemt de interventie erkend, maar een erkenningsniveau is "
                                                "niet gevonden."))
        if rec.in_review and not any(c.kind == "erkenning" for c in iv.cautions):
            cautions.append(Reason("erkenning", "De erkenning is in herbeoordeling."))

    # what does not work (three kinds) and the Kwaliteitskader's warnings first, then the rest
    for c in harms_first(iv.cautions):
        label = CAUTION_LABELS[c.kind] + ": " if c.kind in HARM_KINDS else ""
        cautions.append(Reason(c.kind, label + c.text))

    count = _n(len(links), "gekozen dynamische factor", "gekozen dynamische factoren")
    targets = (f"het delict zelf en {count}" if links else "het delict zelf") if for_offence else count
    if tier == 0:
        rule = (f"Voor school of gemeente: {organisation_reason(iv)}; "
                "daarom nooit aanbevolen voor één jongere.")
    elif tier == 1:
        rule = f"Groep 1: erkend, past bij de leeftijd en het niveau van hulp, en pakt {targets} aan."
    else:
        why = []
        if not recognised:
            why.append("niet erkend" if rec is not None and rec.level != "niet beoordeeld" else
                       "niet beoordeeld" if rec is not None else "erkenning onbekend")
        if fit is None and recognised:
            why.append("leeftijdsgrens onbekend")
        if diff == 2 and recognised:
            why.append("twee niveaus van hulp van wat nodig is")
        rule = (f"Groep 2, veelbelovend / praktijk ({', '.join(why)}): komt na alle erkende interventies "
                f"die bij de leeftijd en het niveau passen; pakt {targets} aan.")
    return tuple(reasons), tuple(cautions), rule


def _package(
    ranked: list[Recommendation], dynamic: dict[str, Factor], profile: Profile, offence: bool = False,
) -> tuple[list[PackageItem], list[Factor]]:
    """≤ PACKAGE_SIZE items: a programme for the offence itself when the profile names one; then
    the recognised ones per factor, lightest fitting level of help first; then family (also when a
    parent takes part) and community; then the rest. Nothing that can harm or had no effect (those
    are excluded before), no awareness lessons and nothing without proven effect (``harm_kinds``)."""
    uncovered = set(dynamic)
    chosen: list[PackageItem] = []
    used: set[str] = set()

    def take(rec: Recommendation, why: str) -> None:
        chosen.append(PackageItem(rec, why))
        used.add(rec.intervention.id)
        uncovered.difference_update(f.id for f in rec.factors)

    fids = {r.intervention.id: frozenset(f.id for f in r.factors) for r in ranked}

    def best_of(pool: list[Recommendation], need_gain: bool, level: str | None = None,
                offence_only: bool = False) -> Recommendation | None:
        """With an LVB an LVB programme first; then one at the needed level of help (zo licht als
        mogelijk, zo zwaar als nodig); then the item covering most uncovered factors; pools are in
        rank order, so the first wins ties."""
        options = []
        for pos, r in enumerate(pool):
            iid = r.intervention.id
            if iid in used or (level is not None and level not in r.intervention.levels):
                continue
            if offence_only and not r.for_offence:
                continue
            gain = len(fids[iid] & uncovered)
            if need_gain and gain == 0:
                continue
            off_level = r.help_distance not in (0, None)
            options.append((not r.lvb_adapted, off_level, -gain, pos))
        return pool[min(options)[-1]] if options else None

    def greedy(pool: list[Recommendation], why: str) -> None:
        while uncovered and len(chosen) < PACKAGE_SIZE:
            best = best_of(pool, need_gain=True)
            if best is None:
                return
            names = ", ".join(f.name for f in best.factors if f.id in uncovered)
            take(best, why.format(names=names))

    def safe(r: Recommendation) -> bool:
        return (not any(c.kind in RULES["harm_kinds"] for c in r.intervention.cautions)
                and not any(q in r.intervention.requires for q in CONFIRMABLE_ONLY_ON_THE_SPOT))

    tier1 = [r for r in ranked if r.tier == 1 and safe(r)]
    tier2 = [r for r in ranked if r.tier == 2 and safe(r)]
    def for_offence(pool: list[Recommendation], kind: str) -> None:
        if offence and len(chosen) < PACKAGE_SIZE and not any(p.rec.for_offence for p in chosen):
            best = best_of(pool, need_gain=False, offence_only=True)
            if best is not None:
                take(best, f"Het delict zelf is een behoefte: dit programma richt zich op het voorkomen van herhaling ({kind}).")

    for_offence(tier1, "erkend")
    greedy(tier1, "Erkend en passend voor: {names}.")
    for_offence(tier2, "niet erkend (veelbelovend / praktijk): geen erkend programma past")
    for level, label in (("gezin", "het gezin"), ("gemeenschap", "de gemeenschap")):
        if len(chosen) >= PACKAGE_SIZE or any(level in p.intervention.levels for p in chosen):
            continue
        parent = level == "gezin" and profile.parent is True
        if not parent and not any(f.level == level for f in dynamic.values()):
            continue
        for pool in (tier1, tier2):
            best = best_of(pool, need_gain=False, level=level)
            if best is not None:
                kind = "erkend" if best.tier == 1 else "niet erkend (veelbelovend / praktijk)"
                extra = " en een ouder doet mee" if parent else ""
                take(best, f"Werkt op het niveau van {label} ({kind}){extra}, zodat het pakket niet alleen op de jongere zelf ligt.")
                break
    greedy(tier2, "Geen erkende interventie dekt dit; veelbelovend / praktijk voor: {names}.")
    return chosen, [dynamic[f] for f in dynamic if f in uncovered]


def recommend(kk: Kenniskaart, profile: Profile) -> Result:
    """Tier, explain, package and find gaps for a profile. Never raises on valid profiles.

    Without an age nothing is ranked: the Aanbeveler asks for an age first (``needs_age``)."""
    notices: list[str] = []
    chosen = selected_factors(kk, profile)
    dynamic = {f.id: f for f in chosen if f.nature == "dynamisch"}
    static = tuple(f for f in chosen if f.nature == "statisch")
    no_target = tuple(f for f in chosen if f.nature == "geen_doel")
    unknown = [f for f in (*profile.risk_factors, *profile.protective_factors) if f not in kk.by_id("factors")]
    if unknown:
        notices.append(f"Onbekende factoren genegeerd: {', '.join(unknown)}.")
    offence = has_offence(profile)
    if chosen and not dynamic and not offence:
        notices.append(
            "Geen dynamische factor gekozen: statische factoren bepalen hoe zwaar de hulp moet zijn, maar geen "
            "interventie pakt ze aan. Kies ook dynamische factoren (wat te veranderen is)."
        )
    if no_target:
        notices.append(
            "Geen doel van een interventie en geen risicomarkering, dus zonder invloed op het niveau van hulp: "
            + ", ".join(f.name for f in no_target) + "."
        )
    if profile.offence == "geen" and any(f in OFFENCE_FACTORS for f in profile.risk_factors):
        notices.append("Het profiel zegt 'geen delict' maar noemt ook een strafrechtelijk verleden; de aanbeveler "
                       "volgt 'geen delict'.")
    need = profile.need if profile.need in kk.by_id("help_levels") else None
    if profile.need is not None and need is None:
        notices.append(f"Onbekend niveau van hulp genegeerd: {profile.need}.")
    if need is None:
        need, need_reason = suggest_need(kk, profile)
        if need not in kk.by_id("help_levels"):
            need = None
    else:
        need_reason = "Niveau van hulp gekozen in het profiel."
        suggested, _ = suggest_need(kk, profile)
        if suggested is not None and suggested != need and suggested in kk.by_id("help_levels"):
            need_reason += (f" Op grond van de gekozen factoren zou de aanbeveler "
                            f"{_level_name(kk, suggested).lower()} voorstellen.")
    reach = _reach(kk, dynamic)
    candidates: dict[str, Intervention] = {}
    for fid in reach:
        for iv in kk.interventions_for_factor(fid):
            candidates.setdefault(iv.id, iv)
    if offence:
        for iv in kk.interventions:
            if addresses_offence(iv):
                candidates.setdefault(iv.id, iv)
    selected_ids = frozenset(t for fid in dynamic for t in kk.twin_ids(fid))
    orders = _help_orders(kk)
    ranked: list[Recommendation] = []
    organisation: list[Recommendation] = []
    excluded: list[Exclusion] = []
    for iv in candidates.values():
        out = _evaluate(kk, iv, profile, dynamic, need, reach, orders, selected_ids, offence)
        if isinstance(out, Exclusion):
            excluded.append(out)
        elif out is not None:
            (organisation if out.tier == 0 else ranked).append(out)
    ranked.sort(key=rank_key)
    organisation.sort(key=lambda r: (-r.score, r.intervention.name))
    if profile.age is None:
        # nothing for one young person without an age; measures for school or municipality stay
        # (within the PmG ages), and so does what never counts, with its reason
        notices.append(AGE_FIRST)
        return Result(profile=profile, need=need, need_reason=need_reason, ranked=(),
                      excluded=tuple(sorted((e for e in excluded if e.kind in NEVER_COUNTS),
                                            key=lambda e: e.intervention.name)),
                      package=(), uncovered=tuple(dynamic.values()), gaps=(),
                      for_organisation=tuple(r for r in organisation if in_pmg_ages(r.intervention)),
                      static_factors=static, no_target_factors=no_target, notices=tuple(notices), needs_age=True)

    package, uncovered = _package(ranked, dynamic, profile, offence)

    tier1_factors = {f.id for r in ranked if r.tier == 1 for f in r.factors}
    gaps = []
    for f in dynamic.values():
        if f.id in tier1_factors:
            continue
        unrec = tuple(r.intervention for r in ranked if r.tier == 2 and f in r.factors)
        gaps.append(Gap(f, unrec, kk.examples_for_factor(f.id)))
    offence_gap = offence and not any(r.for_offence for r in ranked)
    if offence_gap:
        notices.append("Het profiel noemt een delict, maar geen programma tegen herhaling past bij deze leeftijd en "
                       "responsiviteit (LVB, ouder): bespreek met de jeugdreclassering of Halt wat wel kan.")

    return Result(
        profile=profile,
        need=need,
        need_reason=need_reason,
        ranked=tuple(ranked),
        excluded=tuple(sorted(excluded, key=lambda e: (e.kind in NEVER_COUNTS, e.intervention.name))),
        package=tuple(package),
        uncovered=tuple(uncovered),
        gaps=tuple(gaps),
        for_organisation=tuple(organisation),
        static_factors=static,
        no_target_factors=no_target,
        notices=tuple(notices),
        offence_gap=offence_gap,
    )


AGE_FIRST = ("Vul eerst een leeftijd in: welke interventies passen, hangt af van de leeftijd (Preventie met Gezag "
             "is er voor 8 tot en met 27 jaar). Zonder leeftijd zet de aanbeveler niets op volgorde.")


def offered(result: Result) -> frozenset[str]:
    """The interventions the Aanbeveler offers this profile (groups 1 and 2): what every other
    view of the profile (map, workshop view, presentation) may show, and nothing else."""
    return frozenset(r.intervention.id for r in result.ranked)


def _nl(x: float, sign: bool = False) -> str:
    """A weight in Dutch notation: decimal comma, optional sign ('+1', '-0,5', '1,5')."""
    return (f"{x:+g}" if sign else f"{x:g}").replace(".", ",")


def explain_rules() -> list[str]:
    """The rules and weights in plain Dutch, for 'Hoe werkt de aanbeveler?'."""
    ev = WEIGHTS["evidence"]
    ba = WEIGHTS["basis"]
    hl = WEIGHTS["help_level"]
    nd = RULES["need"]
    return [
        "De regels volgen het CCV (les 1: 'Maak ook gebruik van erkende gedragsinterventies … Denk aan "
        "Alleen jij bepaalt wie je bent of BASTA') en de wat-werkt-principes risico, behoefte en responsiviteit.",
        "Behoefte: een interventie komt alleen in beeld als ze minstens één gekozen dynamische factor "
        "aanpakt (iets wat te veranderen is). Statische factoren, zoals man-zijn, leeftijd of een "
        "strafrechtelijk verleden, worden nooit 'aangepakt'. Een factor die in een ander kader hetzelfde "
        "betekent (tweeling) telt mee. Een delict is zelf ook een behoefte: noemt het profiel een delict, dan "
        f"komen programma's die herhaling willen voorkomen in beeld, ook zonder gekozen factor (telt "
        f"{_nl(WEIGHTS['offence'], sign=True)}), en het pakket begint ermee; past er geen, dan zegt de aanbeveler dat.",
        "Leeftijd: zonder leeftijd zet de aanbeveler niets op volgorde en vraagt hij eerst een leeftijd; alleen wat "
        "voor school of gemeente is en binnen 8 tot en met 27 jaar valt, staat er dan.",
        f"Groep 1: {RULES['tiers'][1]} (bekende leeftijdsgrens, hooguit één niveau van hulp ernaast). Groep 2: "
        f"{RULES['tiers'][2]}. Een interventie uit groep 2 staat nooit boven een interventie uit groep 1.",
        "Responsiviteit: noemt het profiel een licht verstandelijke beperking (LVB), dan staan programma's die voor "
        "jongeren met een LVB gemaakt zijn binnen hun groep vóór algemene programma's.",
        "Valt af, met de reden erbij: leeftijd buiten de grens, of een doelgroep die deze jongere uitsluit. "
        "Een programma na een delict (leerstraf, Halt, justitiële gedragsinterventies) alleen als het profiel "
        "een delict noemt; een LVB-programma alleen bij een LVB; een programma dat een IQ boven de LVB-grens "
        "vraagt niet bij een LVB; gezinstherapie die een ouder vraagt niet als het profiel zegt dat die er niet "
        "is. Wat volgens een bron kan schaden of waarvan onderzoek geen effect vond, wordt nooit aanbevolen, telt "
        "nergens als dekking en staat bij 'Valt af', ook als het voor school of gemeente is. Waarvan een effect niet "
        "is aangetoond, blijft in beeld met die waarschuwing, na wat wel bewijs heeft, en komt niet in het pakket.",
        "Voor school of gemeente, nooit voor één jongere: universele programma's voor een hele klas, school of "
        "wijk (zoals Taakspel, PAD, Kanjertraining, Kapot Sterk), maatregelen en planningsmethoden van de "
        "gemeente (convenanten, jeugdboa, wijkrechtspraak, Communities That Care), screenings- en "
        "risicotaxatie-instrumenten en trainingen voor professionals.",
        f"Binnen een groep telt elke gekozen dynamische factor mee naar sterkte van het bewijs (gefundeerd "
        f"{_nl(ev['gefundeerd'])}, statistisch robuust {_nl(ev['robuust'])}, plausibel {_nl(ev['plausibel'])}, "
        f"kwalitatief of niet beoordeeld {_nl(ev['kwalitatief'])}) maal de herkomst van de koppeling: een bron "
        f"noemt deze interventie {_nl(ba['bron'])}, een bron noemt alleen het thema {_nl(ba['thema'])}, afgeleid door "
        f"het team {_nl(ba['team'])}. Een interventie voor de spiegelfactor (de tegenhanger: 'een baan hebben' bij "
        f"'gebrek aan werkgelegenheid') telt voor {_nl(WEIGHTS['mirror'])} mee als een bron zegt dat de interventie "
        "die tegenhanger versterkt, en dat staat erbij.",
        "Heeft een factor meerdere erkenningen voor verschillende uitkomsten (MDFT: voor delinquentie en voor "
        "middelengebruik), dan telt de erkenning voor de uitkomst die bij het profiel past.",
        f"Niveau van hulp (risicobeginsel: zo licht als mogelijk, zo zwaar als nodig): hetzelfde niveau "
        f"{_nl(hl[0], sign=True)}, één niveau ernaast {_nl(hl[1], sign=True)} (evenveel als een gefundeerde factor "
        f"oplevert), twee niveaus ernaast {_nl(hl[2], sign=True)} en dan nooit in groep 1. Kiest u geen niveau, dan stelt de aanbeveler er een voor: een "
        "strafrechtelijk verleden, herhaalde delicten, detentie, een ernstig problematische jeugdgroep, criminele "
        "vaardigheden, zelf in aanraking zijn met georganiseerde criminaliteit of een criminele familie wijzen op "
        f"de specialistische aanpak; {nd['intensive_count']} of meer dynamische risicofactoren, of "
        f"{nd['intensive_strong']} of meer sterk onderbouwde, op intensieve begeleiding; anders positieve "
        "ondersteuning (vrienden of kennissen in de georganiseerde criminaliteit tellen daarbij als een sterk "
        "onderbouwde dynamische factor, niet als eigen betrokkenheid). Een andere statische risicofactor (zoals "
        "man-zijn) of een eerste delict verhoogt dat één stap. Factoren die geen doel en geen risicomarkering zijn (een baan, een stabiele relatie, de rol van "
        "coördinatoren en leiders) verhogen het niveau nooit.",
        f"Vraagt een programma iets wat het profiel niet bevestigt (een ouder die meedoet terwijl het profiel "
        f"dat niet zegt, alleen jongens, alleen bij een acute crisis): {_nl(WEIGHTS['unconfirmed'], sign=True)} per "
        "voorwaarde, met de vraag erbij; 'alleen jongens' en 'acute crisis' komen niet in het pakket. "
        f"Past een van de gekozen settings: {_nl(WEIGHTS['setting'], sign=True)}. Erkenning: {_nl(WEIGHTS['recognition_step'])} "
        f"per trede (goed beschreven 1 … effectief volgens sterke aanwijzingen 5). Leeftijdsgrens onbekend "
        f"terwijl u een leeftijd koos: {_nl(WEIGHTS['age_unknown'], sign=True)}. Per waarschuwing uit de bronnen dat iets "
        f"niet werkt (effect niet aangetoond, alleen voorlichting): {_nl(WEIGHTS['harm'], sign=True)}.",
        f"Het pakket (maximaal {PACKAGE_SIZE}) neemt bij een delict eerst een erkend programma tegen herhaling, "
        "dan per gekozen dynamische factor de beste erkende interventie (met een LVB eerst een LVB-programma), dan "
        "het niveau gezin (als u daar factoren koos of een ouder meedoet) en gemeenschap, en pas daarna niet-erkende "
        "aanpakken voor wat nog niet gedekt is (aanpakken zonder aangetoond effect en voorlichting aan iedereen "
        "komen niet in het pakket).",
        "Een gat is een gekozen dynamische factor zonder erkende interventie voor deze leeftijd; dan staan de "
        "praktijkvoorbeelden en niet-erkende aanpakken erbij die hem wel aanpakken.",
        "Redenen vóór en waarschuwingen tegen staan apart; waarschuwingen komen uit de bronnen (kan schaden, geen "
        "effect, effect niet aangetoond, groepsinterventie, toelating, doelgroep, erkenning) of zeggen dat een "
        "koppeling zwak is of het niveau van hulp niet past.",
    ]
