"""What the Aanbeveler returns: recommendations with structured reasons, exclusions, the package,
gaps, and the order of the list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from ..models import Factor, Intervention, PracticeExample, Recognition
from ..rules import is_recognised
from ..vocabulary import ExclusionKind
from .profile import Profile

Via = Literal["zelf", "tweeling", "spiegel"]
"""How a link reaches a chosen factor: the factor itself, a twin in another framework, or a mirror."""

class Reason(str):
    """A reason for or a caution against, in words, with its kind: pages pick by ``kind`` and
    never by the wording. Kinds of reasons: factor, delict, leeftijd, niveau, setting, lvb,
    jongen, erkenning, erkenning_uitkomst. Kinds of cautions: the caution kinds of the content
    (kan_schaden, geen_effect, niet_aangetoond, voorlichting, groepsinterventie, toelating,
    doelgroep, erkenning, overig) and koppeling, leeftijd, niveau, ouder, jongen."""

    kind: str

    def __new__(cls, kind: str, text: str) -> Reason:
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
    """The rating the Aanbeveler used: for the outcome that matters to this profile (MDFT for drug
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


def rank_key(r: Recommendation) -> tuple:
    """The order of the list: tier; with an LVB, LVB programmes first (responsivity); then the fit
    score, in which the level of help weighs as much as a well-founded factor (risk principle)."""
    return (r.tier, not r.lvb_adapted, -r.score, r.intervention.name)


def offered(result: Result) -> frozenset[str]:
    """The interventions the Aanbeveler offers this profile (groups 1 and 2): what every other
    view of the profile (map, workshop view, presentation) may show, and nothing else."""
    return frozenset(r.intervention.id for r in result.ranked)
