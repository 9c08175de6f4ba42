"""The Aanbeveler: from a risk profile to explained recommendations (pure, deterministic).

It applies the what-works principles the seeds cite (CCV, 'Vier lessen', wat werkt):

* **need** (behoeftebeginsel): only interventions that address at least one selected factor
  are ranked; factors with stronger evidence weigh more.
* **risk** (risicobeginsel): the intensity of help should match the risk; an intervention at
  the needed level of help scores higher, one at another level lower.
* **responsivity** (responsiviteitsbeginsel): it must fit the young person: age (outside the
  range = excluded), preferred setting, and eligibility cautions.

Recognition only breaks ties among interventions that fit: it is added after the fit score
and is smaller than one sourced gefundeerde factor.

All weights live in ``WEIGHTS`` and are explained on the page by ``explain_rules()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .catalog import age_fits
from .content import Kenniskaart
from .models import RECOGNITION_ORDER, Case, Factor, Intervention, PracticeExample, Setting
from .present import EVIDENCE_LABELS, SETTING_LABELS, age_range, recognition_text


WEIGHTS = {
    # evidence strength of a selected factor the intervention addresses
    "evidence": {
        "gefundeerd": 3.0,
        "robuust": 2.0,
        "plausibel": 1.5,
        "kwalitatief": 1.0,
        "niet_beoordeeld": 1.0,
    },
    # a factor link the team derived counts for this share of a sourced link
    "derived_link": 0.75,
    # level of help: same as needed / one step off / two steps off
    "help_level": {0: 2.0, 1: -0.5, 2: -2.0},
    # at least one preferred setting matches
    "setting": 1.0,
    # per step of recognition (goed beschreven = 1 … sterke aanwijzingen = 5)
    "recognition_step": 0.3,
}
"""All weights of the matcher. Gefundeerd > plausibel; recognition only adds a little."""

RECOGNISED = {
    "effectief volgens sterke aanwijzingen",
    "effectief volgens goede aanwijzingen",
    "effectief volgens eerste aanwijzingen",
    "goed onderbouwd",
}
"""Recognition levels of the NJi / Erkenningscommissie that count as 'erkend'."""

PACKAGE_SIZE = 5
RESPONSIVITY_NOTES = {
    "lvb": "licht verstandelijke beperking (LVB)",
    "eerste_delict": "eerste delict / first offender",
}


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


@dataclass(frozen=True)
class Recommendation:
    intervention: Intervention
    score: float
    factors: tuple[Factor, ...]
    """Selected factors it addresses."""
    reasons: tuple[str, ...]
    cautions: tuple[str, ...]


@dataclass(frozen=True)
class Exclusion:
    intervention: Intervention
    reason: str


@dataclass(frozen=True)
class Gap:
    factor: Factor
    unrecognised: tuple[Intervention, ...]
    """Interventions without a recognition that do address it."""
    examples: tuple[PracticeExample, ...]


@dataclass(frozen=True)
class Result:
    profile: Profile
    need: str | None
    need_reason: str
    ranked: tuple[Recommendation, ...]
    excluded: tuple[Exclusion, ...]
    package: tuple[Recommendation, ...]
    uncovered: tuple[Factor, ...]
    gaps: tuple[Gap, ...]
    notices: tuple[str, ...] = field(default=())


def selected_factors(kk: Kenniskaart, profile: Profile) -> list[Factor]:
    """The profile's factors that exist, risk first, without duplicates."""
    by_id = kk.by_id("factors")
    out: list[Factor] = []
    for fid in (*profile.risk_factors, *profile.protective_factors):
        if fid in by_id and by_id[fid] not in out:
            out.append(by_id[fid])
    return out


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


def suggest_need(kk: Kenniskaart, profile: Profile) -> tuple[str | None, str]:
    """Suggest a level of help from the selected risk factors (risk principle).

    An offending history, detention or ties with organised crime (``SPECIALIST_FACTORS``)
    point to the specialist approach (seed 003, 'De juiste hulp op verschillende niveaus',
    3); three or more risk factors, or any gefundeerde or robust one, to intensive guidance
    on several domains (2: 'problemen op meerdere risicofactoren'); otherwise positive
    support (1).
    """
    risks = [f for f in selected_factors(kk, profile) if f.kind == "risico"]
    if not risks:
        return None, "Geen risicofactoren gekozen: geen niveau van hulp voorgesteld."
    special = [f for f in risks if f.id in SPECIALIST_FACTORS]
    if special:
        return "hulp-specialistisch", (
            "Voorgesteld: specialistische aanpak, omdat het profiel wijst op criminaliteit of "
            f"banden met criminelen ({', '.join(f.name for f in special[:3])})."
        )
    founded = [f for f in risks if f.evidence in ("gefundeerd", "robuust")]
    if len(risks) >= 3 or founded:
        return "hulp-intensief", (
            "Voorgesteld: intensieve begeleiding op meerdere leefgebieden, omdat er meerdere of "
            "sterk onderbouwde risicofactoren zijn."
        )
    return "hulp-positief", "Voorgesteld: positieve ondersteuning, omdat er weinig en minder sterke risicofactoren zijn."


def _age_fit(iv: Intervention, age: int | None) -> bool | None:
    """Whether the age fits; None when no age is given or the range is unknown."""
    return None if age is None else age_fits(iv, age)


def _score(
    kk: Kenniskaart, iv: Intervention, profile: Profile, wanted: dict[str, Factor], need: str | None
) -> Recommendation | None:
    links = [l for l in iv.factors if l.factor in wanted]
    if not links:
        return None
    reasons: list[str] = []
    cautions: list[str] = []
    score = 0.0
    for link in links:
        f = wanted[link.factor]
        w = WEIGHTS["evidence"][f.evidence]
        verb = "pakt aan" if f.kind == "risico" else "versterkt"
        if link.basis == "team":
            w *= WEIGHTS["derived_link"]
            cautions.append(f"De koppeling met '{f.name}' is afgeleid door het team, niet door een bron.")
        score += w
        reasons.append(f"{verb}: {f.name} ({EVIDENCE_LABELS[f.evidence]})")

    fit = _age_fit(iv, profile.age)
    if fit is True:
        reasons.append(f"leeftijd past ({age_range(iv)})")
    elif fit is None and profile.age is not None:
        note = f" ({iv.age_note})" if iv.age_note else ""
        reasons.append(f"leeftijdsgrens onbekend{note}: controleer of de interventie past")

    if need and iv.help_levels:
        levels = kk.by_id("help_levels")
        diff = min(2, min(abs(levels[need].order - levels[h].order) for h in iv.help_levels))
        score += WEIGHTS["help_level"][diff]
        if diff == 0:
            reasons.append(f"past bij het niveau van hulp ({levels[need].name})")
        else:
            names = ", ".join(levels[h].name for h in iv.help_levels)
            reasons.append(f"ander niveau van hulp ({names}) dan nodig ({levels[need].name})")
    elif need:
        reasons.append("niveau van hulp onbekend")

    if profile.settings:
        common = [s for s in iv.settings if s in profile.settings]
        if common:
            score += WEIGHTS["setting"]
            reasons.append("setting past: " + ", ".join(SETTING_LABELS[s] for s in common))

    rec = iv.recognition
    if rec is not None:
        score += WEIGHTS["recognition_step"] * RECOGNITION_ORDER[rec.level]
        reasons.append(f"erkenning: {recognition_text(rec)}")
        if rec.in_review and not any(c.kind == "erkenning" for c in iv.cautions):
            cautions.append("De erkenning is in herbeoordeling.")
    else:
        reasons.append("erkenning: onbekend")

    for c in iv.cautions:
        text = c.text
        if c.kind == "toelating" and profile.notes:
            notes = ", ".join(RESPONSIVITY_NOTES[n] for n in profile.notes)
            text += f" (let op bij dit profiel: {notes})"
        cautions.append(text)
    return Recommendation(iv, round(score, 3), tuple(wanted[l.factor] for l in links), tuple(reasons), tuple(cautions))


def _package(
    ranked: list[Recommendation], wanted: dict[str, Factor], need: str | None
) -> tuple[list[Recommendation], list[Factor]]:
    """Greedy cover of the selected factors (≤ PACKAGE_SIZE), mixing levels and help levels."""
    uncovered = set(wanted)
    chosen: list[Recommendation] = []
    levels_used: set[str] = set()
    while uncovered and len(chosen) < PACKAGE_SIZE:
        best, best_key = None, None
        for r in ranked:
            if r in chosen:
                continue
            gain = len({f.id for f in r.factors} & uncovered)
            if gain == 0:
                continue
            new_level = bool(set(r.intervention.levels) - levels_used)
            fits_need = need is None or need in r.intervention.help_levels
            key = (gain, new_level, fits_need, r.score)
            if best_key is None or key > best_key:
                best, best_key = r, key
        if best is None:
            break
        chosen.append(best)
        uncovered -= {f.id for f in best.factors}
        levels_used |= set(best.intervention.levels)
    return chosen, [wanted[f] for f in wanted if f in uncovered]


def recommend(kk: Kenniskaart, profile: Profile) -> Result:
    """Rank, explain, package and find gaps for a profile. Never raises on valid profiles."""
    notices: list[str] = []
    wanted = {f.id: f for f in selected_factors(kk, profile)}
    unknown = [f for f in (*profile.risk_factors, *profile.protective_factors) if f not in kk.by_id("factors")]
    if unknown:
        notices.append(f"Onbekende factoren genegeerd: {', '.join(unknown)}.")
    need = profile.need if profile.need in kk.by_id("help_levels") else None
    if profile.need is not None and need is None:
        notices.append(f"Onbekend niveau van hulp genegeerd: {profile.need}.")
    if need is None:
        need, need_reason = suggest_need(kk, profile)
        if need not in kk.by_id("help_levels"):
            need = None
    else:
        need_reason = "Niveau van hulp gekozen door de gebruiker."

    ranked: list[Recommendation] = []
    excluded: list[Exclusion] = []
    for iv in kk.interventions:
        rec = _score(kk, iv, profile, wanted, need)
        if rec is None:
            continue
        if _age_fit(iv, profile.age) is False:
            excluded.append(Exclusion(iv, f"leeftijd {profile.age} valt buiten {age_range(iv)}"))
            continue
        ranked.append(rec)
    ranked.sort(key=lambda r: (-r.score, r.intervention.name))

    package, uncovered = _package(ranked, wanted, need)

    gaps = []
    for f in wanted.values():
        addressing = kk.interventions_for_factor(f.id)
        if any(
            iv.recognition and iv.recognition.level in RECOGNISED and _age_fit(iv, profile.age) is not False
            for iv in addressing
        ):
            continue
        unrec = tuple(
            iv for iv in addressing
            if not (iv.recognition and iv.recognition.level in RECOGNISED) and _age_fit(iv, profile.age) is not False
        )
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
        notices=tuple(notices),
    )


def explain_rules() -> list[str]:
    """The rules and weights in plain Dutch, for 'Hoe werkt de aanbeveler?'."""
    ev = WEIGHTS["evidence"]
    hl = WEIGHTS["help_level"]
    return [
        "Alleen interventies die minstens één gekozen factor aanpakken komen in de lijst "
        "(behoeftebeginsel: richt je op wat het gedrag veroorzaakt).",
        f"Elke gekozen factor die een interventie aanpakt telt mee naar sterkte van het bewijs: "
        f"gefundeerd {ev['gefundeerd']:g}, statistisch robuust {ev['robuust']:g}, plausibel "
        f"{ev['plausibel']:g}, kwalitatief of niet beoordeeld {ev['kwalitatief']:g} punt.",
        f"Een koppeling die het team heeft afgeleid (niet uit een bron) telt voor "
        f"{int(WEIGHTS['derived_link'] * 100)}% en krijgt een waarschuwing.",
        f"Niveau van hulp (risicobeginsel: de intensiteit past bij het risico): hetzelfde niveau "
        f"{hl[0]:+g}, één niveau ernaast {hl[1]:+g}, twee niveaus ernaast {hl[2]:+g}. Kiest u geen "
        "niveau, dan stelt de aanbeveler er een voor op basis van de risicofactoren.",
        "Leeftijd (responsiviteitsbeginsel): interventies buiten de leeftijdsgrens vallen af en "
        "staan apart met de reden; bij een onbekende leeftijdsgrens staat een opmerking.",
        f"Past een van de gekozen settings: {WEIGHTS['setting']:+g}.",
        f"Erkenning telt pas mee als een interventie past: {WEIGHTS['recognition_step']:g} per "
        "trede (goed beschreven 1 … effectief volgens sterke aanwijzingen 5), minder dan één "
        "gefundeerde factor.",
        f"Het pakket kiest maximaal {PACKAGE_SIZE} interventies die samen de meeste gekozen "
        "factoren dekken, bij gelijke dekking liefst een nieuw niveau (individu, gezin, "
        "gemeenschap) en het gevraagde niveau van hulp.",
        "Een gat is een gekozen factor die geen erkende interventie voor deze leeftijd aanpakt; "
        "dan staan de praktijkvoorbeelden en niet-erkende aanpakken erbij die hem wel aanpakken.",
    ]
