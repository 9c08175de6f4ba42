"""The Aanbeveler: from a risk profile to explained recommendations (pure, deterministic).

It applies the rule set the seeds cite: CCV 'Vier lessen', les 1 ("Maak ook gebruik van
erkende gedragsinterventies … Denk aan 'Alleen jij bepaalt wie je bent' of BASTA") and the
what-works principles (risk, need, responsivity). All rules and weights live in ``RULES``
below and are explained in plain Dutch by ``explain_rules()`` (page: "Hoe werkt de
aanbeveler?").

Outline
-------
1. **Need** (behoeftebeginsel): an intervention is a candidate when it addresses at least one
   selected *dynamic* factor (directly or through a twin factor). Static factors (sex, age,
   offending history, detention) are never "aangepakt".
2. **Risk** (risicobeginsel): the level of help follows from the static factors and the number
   and strength of the dynamic risk factors (``suggest_need``), explained in one sentence.
3. **Responsivity**: the age must fit (outside the range, or ruled out by the target group:
   excluded, with the reason). Instruments and trainings are never recommended for a young
   person; they are listed separately "voor de organisatie".
4. **Tiers**: tier 1 = recognised (``signals.is_recognised``), with a *known* age range that
   fits, for a young person. Tier 2 = everything else that fits ("veelbelovend / praktijk":
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

from .catalog import age_fits
from .content import Kenniskaart
from .models import RECOGNITION_ORDER, Case, Caution, Factor, FactorLink, Intervention, PracticeExample, Setting
from .present import BASIS_LABELS, EVIDENCE_LABELS, PURPOSE_LABELS, SETTING_LABELS, age_range, recognition_text
from .signals import HARM_KINDS, is_recognised

# --- the rule set: every rule and weight in one place ---------------------------------------

SPECIALIST_FACTORS = frozenset({
    # Bureau Beke: an offending history, detention, serious youth groups, criminal skills
    "beke-r-criminele-achtergrond",
    "beke-r-meer-veroordelingen",
    "beke-r-ernstigere-delicten",
    "beke-r-meer-soorten-delicten",
    "beke-r-drugsveroordelingen",
    "beke-r-meer-langere-gevangenisstraffen",
    "beke-r-detentiegeschiedenis",
    "beke-r-problematische-jeugdgroep",
    "beke-r-geweldsdelicten-jeugd",
    "beke-r-criminele-vaardigheden",
    # ties with organised crime and criminal families
    "beke-r-familiebanden-georganiseerde-criminaliteit",
    "beke-r-aanraking-georganiseerde-criminaliteit",
    "sw-gezin-r-criminele-gezinsleden",
})
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
        # level of help: same as needed / one step off / two steps off
        "help_level": {0: 1.0, 1: -0.5, 2: -2.0},
        # at least one preferred setting matches
        "setting": 1.0,
        # per step of recognition (goed beschreven 1 … effectief volgens sterke aanwijzingen 5)
        "recognition_step": 0.3,
        # age given but the intervention's age range is unknown (tier 2 only)
        "age_unknown": -1.0,
        # per caution of a kind in RULES["harm_kinds"]
        "harm": -1.0,
    },
    "tiers": {
        1: "erkend en past bij de leeftijd",
        2: "veelbelovend / praktijk: niet erkend of leeftijdsgrens onbekend",
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
    # caution kinds that say an approach does not work (seed 004 §2.3.2; awareness lessons alone,
    # Kwaliteitskader): they lower the score, and unrecognised items with them stay out of the
    # package. A group-intervention warning is shown as a caution but is about how to deliver it.
    "harm_kinds": ("werkt_niet", "voorlichting"),
}
"""All rules and weights of the matcher; ``explain_rules()`` puts them in words."""

WEIGHTS = RULES["score"]
PACKAGE_SIZE: int = RULES["package_size"]

RESPONSIVITY_NOTES = {
    "lvb": "licht verstandelijke beperking (LVB)",
    "eerste_delict": "eerste delict",
}

NEED_ORDER = ("hulp-positief", "hulp-intensief", "hulp-specialistisch")
"""Help level ids from light to heavy (seed 003)."""


# --- profile ---------------------------------------------------------------------------------


class Profile(BaseModel):
    """A risk profile as a user selects it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age: int | None = Field(default=None, ge=4, le=30)
    """Age in years; None = not given (all ages, unknown ranges noted)."""
    risk_factors: tuple[str, ...] = ()
    protective_factors: tuple[str, ...] = ()
    """Protective factors to strengthen."""
    settings: tuple[Setting, ...] = ()
    need: str | None = None
    """Help level id; None = let the matcher suggest one."""
    notes: tuple[Literal["lvb", "eerste_delict"], ...] = ()
    """Responsivity notes: shown with the eligibility cautions they touch."""


def profile_from_case(case: Case) -> Profile:
    """The profile of a ready-made casus."""
    return Profile(
        age=case.age,
        risk_factors=tuple(case.risk_factors),
        protective_factors=tuple(case.protective_factors),
        settings=tuple(case.settings),
        need=case.need,
    )


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recommendation:
    intervention: Intervention
    tier: int
    """1 = erkend en past bij de leeftijd; 2 = veelbelovend / praktijk; 0 = voor de organisatie."""
    score: float
    """Orders items within a tier only; shown to users as ``rule``, never as a number."""
    factors: tuple[Factor, ...]
    """Selected dynamic factors it addresses (the selected factor, also when reached via a twin)."""
    explain: Callable[[], tuple[tuple[str, ...], tuple[str, ...], str]] = field(repr=False, compare=False)
    """Builds (reasons, cautions, rule) on first use: a catalogue of 10,000 items yields more
    candidates than a page shows, and words are the costly part."""

    @cached_property
    def _words(self) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        return self.explain()

    @property
    def reasons(self) -> tuple[str, ...]:
        """Reasons *for*."""
        return self._words[0]

    @property
    def cautions(self) -> tuple[str, ...]:
        """Cautions *against*: harms, target group, eligibility, recognition, weak links."""
        return self._words[1]

    @property
    def rule(self) -> str:
        """In words: which rule put it at this place."""
        return self._words[2]

    @property
    def recognised(self) -> bool:
        return is_recognised(self.intervention)


@dataclass(frozen=True)
class Exclusion:
    intervention: Intervention
    reason: str
    kind: Literal["leeftijd", "doelgroep"] = "leeftijd"


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
    """Instruments and trainings that address a selected factor: never for a young person."""
    static_factors: tuple[Factor, ...] = ()
    """Selected static factors: they set the level of help, no intervention 'pakt ze aan'."""
    notices: tuple[str, ...] = field(default=())

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
    crime) → specialist approach (3). Otherwise ``intensive_count`` or more dynamic risk
    factors, or ``intensive_strong`` or more with strong evidence → intensive guidance (2);
    fewer → positive support (1). Any other static risk factor (e.g. man-zijn) raises that one
    step, to at most intensive guidance. One sentence says why.
    """
    rules = RULES["need"]
    risks = [f for f in selected_factors(kk, profile) if f.kind == "risico"]
    if not risks:
        return None, "Geen risicofactoren gekozen: geen niveau van hulp voorgesteld."
    special = [f for f in risks if f.id in rules["specialist_factors"]]
    if special:
        hid = "hulp-specialistisch"
        why = "het profiel wijst op criminaliteit of banden met criminelen (" + ", ".join(f.name for f in special[:3]) + ")"
        return hid, f"Voorgesteld: {_level_name(kk, hid).lower()}, omdat {why}."
    dynamic = [f for f in risks if f.nature == "dynamisch"]
    static = [f for f in risks if f.nature == "statisch"]
    strong = [f for f in dynamic if f.evidence in rules["strong_evidence"]]
    step = 1 if (len(dynamic) >= rules["intensive_count"] or len(strong) >= rules["intensive_strong"]) else 0
    parts = [
        f"het profiel {_n(len(dynamic), 'dynamische risicofactor', 'dynamische risicofactoren')} heeft, waarvan "
        f"{len(strong)} sterk onderbouwd (gefundeerd of statistisch robuust)"
    ]
    if static and step == 0:
        step = 1
        parts.append(f"de statische factor{'en' if len(static) > 1 else ''} " + ", ".join(f"'{f.name}'" for f in static[:3])
                     + " het risico verho" + ("gen" if len(static) > 1 else "ogt"))
    elif static:
        parts.append("statische factoren: " + ", ".join(f"'{f.name}'" for f in static[:3]))
    hid = NEED_ORDER[step]
    return hid, f"Voorgesteld: {_level_name(kk, hid).lower()}, omdat {parts[0]}" + (
        f" en {parts[1]}." if len(parts) > 1 else "."
    )


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _doelgroep_rules_out(c: Caution, age: int | None) -> bool:
    """A ``doelgroep`` caution with an age range rules out ages outside it."""
    if c.kind != "doelgroep" or age is None or (c.min_age is None and c.max_age is None):
        return False
    lo = c.min_age if c.min_age is not None else 0
    hi = c.max_age if c.max_age is not None else 99
    return not lo <= age <= hi


def _reach(kk: Kenniskaart, wanted: dict[str, Factor]) -> dict[str, tuple[str, ...]]:
    """For every factor id a link may name: the selected factors it reaches (itself or a twin)."""
    reach: dict[str, list[str]] = {}
    for fid in wanted:
        for t in kk.twin_ids(fid):
            reach.setdefault(t, []).append(fid)
    return {k: tuple(v) for k, v in reach.items()}


def _best_links(iv: Intervention, reach: dict[str, tuple[str, ...]]) -> dict[str, FactorLink]:
    """Per selected factor id: the strongest link of ``iv`` to it or to one of its twins."""
    best: dict[str, FactorLink] = {}
    basis = WEIGHTS["basis"]
    for link in iv.factors:
        for fid in reach.get(link.factor, ()):
            cur = best.get(fid)
            if cur is None or basis[link.basis] > basis[cur.basis]:
                best[fid] = link
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
    reach: dict[str, tuple[str, ...]], orders: dict[str, int],
) -> Recommendation | Exclusion | None:
    """Tier and score (cheap, for every candidate); the words are built only when read."""
    links = _best_links(iv, reach)
    if not links:
        return None
    fit = None if profile.age is None else age_fits(iv, profile.age)
    young = iv.purpose in ("jeugdinterventie", "aanpak")
    if young and fit is False:
        return Exclusion(iv, f"leeftijd {profile.age} valt buiten {age_range(iv)}", "leeftijd")
    if young:
        ruled_out = [c for c in iv.cautions if _doelgroep_rules_out(c, profile.age)]
        if ruled_out:
            return Exclusion(iv, f"doelgroep sluit leeftijd {profile.age} uit: {ruled_out[0].text}", "doelgroep")

    ev, basis = WEIGHTS["evidence"], WEIGHTS["basis"]
    score = 0.0
    for fid, link in links.items():
        score += ev[dynamic[fid].evidence] * basis[link.basis]
    if fit is None and profile.age is not None:
        score += WEIGHTS["age_unknown"]
    if need and iv.help_levels:
        diff = _help_diff(orders, iv, need)
        if diff is not None:
            score += WEIGHTS["help_level"][diff]
    if profile.settings and any(s in profile.settings for s in iv.settings):
        score += WEIGHTS["setting"]
    if iv.recognition is not None:
        score += WEIGHTS["recognition_step"] * RECOGNITION_ORDER[iv.recognition.level]
    for c in iv.cautions:
        if c.kind in RULES["harm_kinds"]:
            score += WEIGHTS["harm"]

    recognised = is_recognised(iv)
    known_range = iv.min_age is not None or iv.max_age is not None
    if not young:
        tier = 0
    elif recognised and (fit is True or (profile.age is None and known_range)):
        tier = 1
    else:
        tier = 2
    factors = tuple(dynamic[fid] for fid in links)
    return Recommendation(iv, tier, score, factors,
                          partial(_explain, kk, iv, profile, dynamic, need, links, fit, tier))


def _explain(
    kk: Kenniskaart, iv: Intervention, profile: Profile, dynamic: dict[str, Factor], need: str | None,
    links: dict[str, FactorLink], fit: bool | None, tier: int,
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """Reasons for, cautions against, and the rule that put it in its place, in words."""
    reasons: list[str] = []
    cautions: list[str] = []
    weak: list[str] = []
    for fid, link in links.items():
        f = dynamic[fid]
        verb = "pakt aan" if f.kind == "risico" else "versterkt"
        via = "" if link.factor == fid else " (via dezelfde factor in een ander kader)"
        reasons.append(f"{verb}: {f.name} ({EVIDENCE_LABELS[f.evidence]}; {BASIS_LABELS[link.basis]}){via}")
        if link.basis != "bron":
            weak.append(f.name)
    if weak and len(weak) == len(links):
        cautions.append(
            "Geen bron noemt deze interventie zelf bij de gekozen factoren; de koppeling is afgeleid of op "
            "themaniveau: " + ", ".join(weak) + "."
        )

    if fit is True:
        reasons.append(f"leeftijd past ({age_range(iv)})")
    elif fit is None and profile.age is not None:
        note = f" ({iv.age_note})" if iv.age_note else ""
        cautions.append(f"Leeftijdsgrens onbekend{note}: controleer of de interventie past bij {profile.age} jaar.")

    diff = _help_diff(_help_orders(kk), iv, need)
    if diff is not None:
        levels = kk.by_id("help_levels")
        if diff == 0:
            reasons.append(f"past bij het niveau van hulp ({levels[need].name})")
        else:
            names = ", ".join(levels[h].name for h in iv.help_levels if h in levels)
            cautions.append(f"Ander niveau van hulp ({names}) dan nodig ({levels[need].name}).")

    common = [s for s in iv.settings if s in profile.settings]
    if common:
        reasons.append("setting past: " + ", ".join(SETTING_LABELS[s] for s in common))

    rec = iv.recognition
    recognised = is_recognised(iv)
    if recognised:
        reasons.append(f"erkenning: {recognition_text(rec)}")
        if rec.level == "erkend, niveau onbekend":
            cautions.append("Een bron noemt de interventie erkend, maar een erkenningsniveau is niet gevonden.")
        if rec.in_review and not any(c.kind == "erkenning" for c in iv.cautions):
            cautions.append("De erkenning is in herbeoordeling.")

    # harms first (what does not work or can harm), then the other cautions
    for c in sorted(iv.cautions, key=lambda c: c.kind not in HARM_KINDS):
        text = c.text
        if c.kind == "toelating" and profile.notes:
            text += f" (let op bij dit profiel: {', '.join(RESPONSIVITY_NOTES[n] for n in profile.notes)})"
        label = {"werkt_niet": "Werkt niet of kan schaden: ", "groepsinterventie": "Groepsinterventie: ",
                 "voorlichting": "Voorlichting: "}.get(c.kind, "")
        cautions.append(label + text)

    count = _n(len(links), "gekozen dynamische factor", "gekozen dynamische factoren")
    if tier == 0:
        rule = (f"Voor de organisatie: een {PURPOSE_LABELS[iv.purpose]}, geen interventie voor een jongere; "
                "daarom nooit aanbevolen voor een jongere.")
    elif tier == 1:
        rule = f"Groep 1: erkend, past bij de leeftijd en pakt {count} aan."
    else:
        why = []
        if not recognised:
            why.append("niet erkend" if rec is not None else "erkenning onbekend")
        if fit is None and recognised:
            why.append("leeftijdsgrens onbekend")
        rule = (f"Groep 2, veelbelovend / praktijk ({', '.join(why)}): komt na alle erkende interventies "
                f"die bij de leeftijd passen; pakt {count} aan.")
    return tuple(reasons), tuple(cautions), rule


def _package(
    ranked: list[Recommendation], dynamic: dict[str, Factor]
) -> tuple[list[PackageItem], list[Factor]]:
    """≤ PACKAGE_SIZE items: recognised first per factor, then family and community, then the rest."""
    uncovered = set(dynamic)
    chosen: list[PackageItem] = []
    used: set[str] = set()

    def take(rec: Recommendation, why: str) -> None:
        chosen.append(PackageItem(rec, why))
        used.add(rec.intervention.id)
        uncovered.difference_update(f.id for f in rec.factors)

    fids = {r.intervention.id: frozenset(f.id for f in r.factors) for r in ranked}

    def best_of(pool: list[Recommendation], need_gain: bool, level: str | None = None) -> Recommendation | None:
        """The item covering most uncovered factors; pools are sorted by score, so the first wins ties."""
        best, best_gain = None, 0 if need_gain else -1
        for r in pool:
            iid = r.intervention.id
            if iid in used or (level is not None and level not in r.intervention.levels):
                continue
            gain = len(fids[iid] & uncovered)
            if gain > best_gain:
                best, best_gain = r, gain
        return best

    def greedy(pool: list[Recommendation], why: str) -> None:
        while uncovered and len(chosen) < PACKAGE_SIZE:
            best = best_of(pool, need_gain=True)
            if best is None:
                return
            names = ", ".join(f.name for f in best.factors if f.id in uncovered)
            take(best, why.format(names=names))

    tier1 = [r for r in ranked if r.tier == 1]
    # unrecognised approaches with a caution that they do not work or can harm stay out
    tier2 = [r for r in ranked if r.tier == 2 and not any(c.kind in RULES["harm_kinds"] for c in r.intervention.cautions)]
    greedy(tier1, "Erkend en passend voor: {names}.")
    for level, label in (("gezin", "het gezin"), ("gemeenschap", "de gemeenschap")):
        if len(chosen) >= PACKAGE_SIZE or any(level in p.intervention.levels for p in chosen):
            continue
        wants_level = any(f.level == level for f in dynamic.values())
        if not wants_level:
            continue
        for pool in (tier1, tier2):
            best = best_of(pool, need_gain=False, level=level)
            if best is not None:
                kind = "erkend" if best.tier == 1 else "niet erkend (veelbelovend / praktijk)"
                take(best, f"Werkt op het niveau van {label} ({kind}), zodat het pakket niet alleen op de jongere zelf ligt.")
                break
    greedy(tier2, "Geen erkende interventie dekt dit; veelbelovend / praktijk voor: {names}.")
    return chosen, [dynamic[f] for f in dynamic if f in uncovered]


def recommend(kk: Kenniskaart, profile: Profile) -> Result:
    """Tier, explain, package and find gaps for a profile. Never raises on valid profiles."""
    notices: list[str] = []
    chosen = selected_factors(kk, profile)
    dynamic = {f.id: f for f in chosen if f.nature == "dynamisch"}
    static = tuple(f for f in chosen if f.nature == "statisch")
    unknown = [f for f in (*profile.risk_factors, *profile.protective_factors) if f not in kk.by_id("factors")]
    if unknown:
        notices.append(f"Onbekende factoren genegeerd: {', '.join(unknown)}.")
    if chosen and not dynamic:
        notices.append(
            "Alleen statische factoren gekozen: die bepalen hoe zwaar de hulp moet zijn, maar geen interventie "
            "pakt ze aan. Kies ook dynamische factoren (wat te veranderen is)."
        )
    need = profile.need if profile.need in kk.by_id("help_levels") else None
    if profile.need is not None and need is None:
        notices.append(f"Onbekend niveau van hulp genegeerd: {profile.need}.")
    if need is None:
        need, need_reason = suggest_need(kk, profile)
        if need not in kk.by_id("help_levels"):
            need = None
    else:
        need_reason = "Niveau van hulp gekozen door de gebruiker."
        suggested, _ = suggest_need(kk, profile)
        if suggested is not None and suggested != need and suggested in kk.by_id("help_levels"):
            need_reason += (f" Op grond van de gekozen factoren zou de aanbeveler "
                            f"{_level_name(kk, suggested).lower()} voorstellen.")

    candidates: dict[str, Intervention] = {}
    for fid in dynamic:
        for iv in kk.interventions_for_factor(fid):
            candidates.setdefault(iv.id, iv)
    reach = _reach(kk, dynamic)
    orders = _help_orders(kk)
    ranked: list[Recommendation] = []
    organisation: list[Recommendation] = []
    excluded: list[Exclusion] = []
    for iv in candidates.values():
        out = _evaluate(kk, iv, profile, dynamic, need, reach, orders)
        if isinstance(out, Exclusion):
            excluded.append(out)
        elif out is not None:
            (organisation if out.tier == 0 else ranked).append(out)
    ranked.sort(key=lambda r: (r.tier, -r.score, r.intervention.name))
    organisation.sort(key=lambda r: (-r.score, r.intervention.name))

    package, uncovered = _package(ranked, dynamic)

    tier1_factors = {f.id for r in ranked if r.tier == 1 for f in r.factors}
    gaps = []
    for f in dynamic.values():
        if f.id in tier1_factors:
            continue
        unrec = tuple(r.intervention for r in ranked if r.tier == 2 and f in r.factors)
        gaps.append(Gap(f, unrec, kk.examples_for_factor(f.id)))

    return Result(
        profile=profile,
        need=need,
        need_reason=need_reason,
        ranked=tuple(ranked),
        excluded=tuple(sorted(excluded, key=lambda e: e.intervention.name)),
        package=tuple(package),
        uncovered=tuple(uncovered),
        gaps=tuple(gaps),
        for_organisation=tuple(organisation),
        static_factors=static,
        notices=tuple(notices),
    )


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
        "betekent (tweeling) telt mee.",
        f"Groep 1: {RULES['tiers'][1]} (bekende leeftijdsgrens). Groep 2: {RULES['tiers'][2]}. "
        "Een interventie uit groep 2 staat nooit boven een interventie uit groep 1.",
        "Valt af, met de reden erbij: leeftijd buiten de grens, of een doelgroep die deze leeftijd uitsluit. "
        "Screenings- en risicotaxatie-instrumenten en trainingen voor professionals worden nooit voor een "
        "jongere aanbevolen; ze staan apart onder 'Voor de organisatie'.",
        f"Binnen een groep telt elke gekozen dynamische factor mee naar sterkte van het bewijs (gefundeerd "
        f"{_nl(ev['gefundeerd'])}, statistisch robuust {_nl(ev['robuust'])}, plausibel {_nl(ev['plausibel'])}, "
        f"kwalitatief of niet beoordeeld {_nl(ev['kwalitatief'])}) maal de herkomst van de koppeling: een bron "
        f"noemt deze interventie {_nl(ba['bron'])}, een bron noemt alleen het thema {_nl(ba['thema'])}, afgeleid door "
        f"het team {_nl(ba['team'])}.",
        f"Niveau van hulp (risicobeginsel): hetzelfde niveau {_nl(hl[0], sign=True)}, één niveau ernaast {_nl(hl[1], sign=True)}, twee "
        f"niveaus ernaast {_nl(hl[2], sign=True)}. Kiest u geen niveau, dan stelt de aanbeveler er een voor: een "
        "strafrechtelijk verleden, detentie of banden met georganiseerde criminaliteit wijzen op de "
        f"specialistische aanpak; {nd['intensive_count']} of meer dynamische risicofactoren, of "
        f"{nd['intensive_strong']} of meer sterk onderbouwde, op intensieve begeleiding; anders positieve "
        "ondersteuning. Een andere statische risicofactor verhoogt dat één stap.",
        f"Past een van de gekozen settings: {_nl(WEIGHTS['setting'], sign=True)}. Erkenning: {_nl(WEIGHTS['recognition_step'])} "
        f"per trede (goed beschreven 1 … effectief volgens sterke aanwijzingen 5). Leeftijdsgrens onbekend "
        f"terwijl u een leeftijd koos: {_nl(WEIGHTS['age_unknown'], sign=True)}. Per waarschuwing uit de bronnen dat iets "
        f"niet werkt (werkt niet of kan schaden, alleen voorlichting): {_nl(WEIGHTS['harm'], sign=True)}.",
        f"Het pakket (maximaal {PACKAGE_SIZE}) neemt eerst per gekozen dynamische factor de beste erkende "
        "interventie, dan het niveau gezin en gemeenschap als u daar factoren koos, en pas daarna niet-erkende "
        "aanpakken voor wat nog niet gedekt is (niet-erkende aanpakken met een waarschuwing dat ze niet werken "
        "of kunnen schaden komen niet in het pakket).",
        "Een gat is een gekozen dynamische factor zonder erkende interventie voor deze leeftijd; dan staan de "
        "praktijkvoorbeelden en niet-erkende aanpakken erbij die hem wel aanpakken.",
        "Redenen vóór en waarschuwingen tegen staan apart; waarschuwingen komen uit de bronnen (werkt niet of "
        "kan schaden, groepsinterventie, toelating, doelgroep, erkenning) of zeggen dat een koppeling zwak is.",
    ]
