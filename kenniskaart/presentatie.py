"""What the Presentatie page (the projector mode) shows per step (pure, no Streamlit).

Steps: profiel → kaart → aanbevelingen → wat deden anderen → lessen. Every step fits one
projector screen, so lists are cut to ``TOP`` items with the rest behind "meer". Every
unknown value says what is unknown ("leeftijd onbekend", "erkenning onbekend").
The recommendations come from ``aanbeveler.recommend``; its ``Result`` is read defensively
(tiers when the Aanbeveler has them, else the ranked list).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .aanbeveler import Profile
from .content import LESSON_TIPS, Kenniskaart, named_in_code
from .kaart import recognition_short
from .models import Factor, Intervention, PracticeExample
from .nl import plural, short
from .texts import age_range
from .vocabulary import EVIDENCE_LABELS, TIER_TITLES

STEPS: tuple[str, ...] = ("Profiel", "Kaart", "Aanbevelingen", "Wat deden anderen", "Lessen")
WERKSESSIE = "Werksessie"
"""A first step while this browser runs a werksessie: the room's live result becomes the profile."""


PLAN = "Plan van aanpak"
"""A last step while the session has a plan: its choices, sporen and gaps on one screen."""


def steps(room: bool = False, plan: bool = False) -> tuple[str, ...]:
    """The presentation's steps; with a running werksessie (``room``) the room comes first, with a
    plan (``plan``) the plan van aanpak comes last."""
    return (*((WERKSESSIE,) if room else ()), *STEPS, *((PLAN,) if plan else ()))


TOP = 3
"""Items per list on one screen; the rest goes behind 'meer'."""
CHART_FONT = 24
"""Chart text in px at 1280×720, like all other presentation text (taller screens zoom it)."""
MAP_HEIGHT = 330
"""The map's height in px at 1280×720: what is left under the step's title and legend line."""


@dataclass(frozen=True)
class Note:
    """A facilitator note: a tip, principle or question list from the sources."""

    title: str
    text: str
    items: tuple[str, ...] = ()


NOTE_SOURCES: dict[str, tuple[tuple[str, str], ...]] = {
    # (collection, id) per step: the principle or question set that helps the discussion
    WERKSESSIE: (("guidance", "sw-stap-1-verken-probleem-behoefte"),),
    "Profiel": (("guidance", "wat-risicobeginsel"), ("guidance", "sw-stap-1-verken-probleem-behoefte")),
    "Kaart": (("guidance", "wat-behoeftebeginsel"), ("guidance", "concl-ps-koppeling-factoren-onzeker")),
    "Aanbevelingen": (("lesson-tip", "erkende gedragsinterventies"), ("guidance", "wat-responsiviteitsbeginsel"),
                      ("guidance", "wat-zo-licht-als-mogelijk")),
    "Wat deden anderen": (("guidance", "aanb-ccv-vragen-lerend-netwerk"), ("guidance", "proces-ps-zicht-op-doelgroep")),
    "Lessen": (("guidance", "aanb-ccv-nulmeting"), ("guidance", "concl-ps-pilots-evalueren")),
    PLAN: (("lesson-tip", "sporen onderwijs"), ("lesson-tip", "transparant, wetenschappelijk onderbouwd wegingskader")),
}
_NOTE_REFS = [ref for refs in NOTE_SOURCES.values() for ref in refs]
named_in_code(__name__, "NOTE_SOURCES", "guidance", {r for c, r in _NOTE_REFS if c == "guidance"})
named_in_code(__name__, "NOTE_SOURCES", LESSON_TIPS, {r for c, r in _NOTE_REFS if c == "lesson-tip"})


def notes(kk: Kenniskaart, step: str) -> list[Note]:
    """The facilitator notes of a step (items the content lacks are skipped)."""
    out: list[Note] = []
    guidance = kk.by_id("guidance")
    for collection, ref in NOTE_SOURCES.get(step, ()):
        if collection == "guidance" and ref in guidance:
            g = guidance[ref]
            out.append(Note(g.title, g.text or "", tuple(g.items)))
        elif collection == "lesson-tip":
            for lesson in kk.lessons_in_order:
                for tip in lesson.tips:
                    if ref in tip.text:
                        out.append(Note(f"Tip bij les {lesson.number}: {lesson.title}", tip.text))
    return out


def iv_age_text(iv: Intervention) -> str:
    text = age_range(iv)
    return "leeftijd onbekend" if text == "onbekend" else f"leeftijd {text}"


def profile_factors(kk: Kenniskaart, profile: Profile | None) -> tuple[list[Factor], list[Factor]]:
    """(risk factors, protective factors) of the profile that exist in the content."""
    if profile is None:
        return [], []
    by_id = kk.by_id("factors")
    return ([by_id[f] for f in profile.risk_factors if f in by_id],
            [by_id[f] for f in profile.protective_factors if f in by_id])


def factor_line(f: Factor, limit: int | None = 40) -> str:
    """'<name> · <evidence>' (+ ' · statisch': a static factor sets the level of help, it is no
    target), the name cut to ``limit`` characters."""
    name = f.name if limit is None else short(f.name, limit)
    return f"{name} · {EVIDENCE_LABELS[f.evidence]}" + (" · statisch" if f.nature == "statisch" else "")


# --- recommendations ------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One recommendation on the slide."""

    name: str
    facts: str
    """'leeftijd 12–18 jaar · erkend: …'."""
    why: str
    """Which selected factors it addresses, or the Aanbeveler's rule."""


def addresses(factors: list[Factor] | tuple[Factor, ...]) -> str:
    """'pakt aan: <factor>' or 'pakt aan: <factor> en N andere' (one or two lines on a slide)."""
    if not factors:
        return ""
    first = short(factors[0].name, 45)
    rest = len(factors) - 1
    return f"pakt aan: {first}" + (f" en {plural(rest, 'andere factor', 'andere factoren')}" if rest else "")


def _rec_item(rec: Any) -> Item:
    iv: Intervention = rec.intervention
    factors = getattr(rec, "factors", ()) or ()
    why = addresses(factors)
    rule = getattr(rec, "rule", "")
    if rule and not why:
        why = rule
    used = getattr(rec, "recognition", None)  # the rating the Aanbeveler used for this profile's outcome
    return Item(short(iv.name, 60), f"{iv_age_text(iv)} · {recognition_short(iv, used)}", why)


def recommendation_groups(result: Any) -> list[tuple[str, list[Item]]]:
    """The recommendations as labelled groups: the Aanbeveler's tiers when it has them
    (``vocabulary.TIER_TITLES``), else one ranked list."""
    ranked = tuple(getattr(result, "ranked", ()) or ())
    if ranked and all(hasattr(r, "tier") for r in ranked):
        groups = []
        for tier, label in TIER_TITLES.items():
            items = [_rec_item(r) for r in ranked if r.tier == tier]
            if items:
                groups.append((label, items))
        return groups
    return [("Aanbevolen", [_rec_item(r) for r in ranked])] if ranked else []


def package_names(result: Any) -> list[str]:
    return [p.intervention.name for p in (getattr(result, "package", ()) or ())]


def gap_names(result: Any) -> list[str]:
    return [g.factor.name for g in (getattr(result, "gaps", ()) or ())]


# --- practice examples ------------------------------------------------------------------


def examples_for_profile(kk: Kenniskaart, profile: Profile | None) -> list[tuple[PracticeExample, list[Factor]]]:
    """Practice examples that address the profile's factors, most factors first."""
    risk, protective = profile_factors(kk, profile)
    hits: dict[str, tuple[PracticeExample, list[Factor]]] = {}
    for f in (*risk, *protective):
        for ex in kk.examples_for_factor(f.id):
            hits.setdefault(ex.id, (ex, []))[1].append(f)
    return sorted(hits.values(), key=lambda pair: (-len(pair[1]), pair[0].name))


def first_sentence(text: str, limit: int = 160) -> str:
    """The first sentence, at most ``limit`` characters (cut at a word, with '…')."""
    text = " ".join(text.split())
    end = text.find(". ")
    sentence = text if end == -1 else text[: end + 1]
    return short(sentence, limit)
