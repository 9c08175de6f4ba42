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
   matters to the profile), with a *known* age range that fits, for a young person. Tier 2 =
   everything else that fits ("veelbelovend / praktijk": no recognition, or an unknown age
   range). A tier-2 item never outranks a tier-1 item.
   Within a tier the fit score orders (``RULES['score']``).
5. **Package** (≤ 5): per selected dynamic factor the best recognised intervention, then the
   family and community levels, then unrecognised approaches for what is still uncovered.
6. **Gaps**: selected dynamic factors without any recognised, age-fitting intervention, with
   the practice examples and unrecognised approaches that do address them.

The package: ``profile`` (the input), ``rules`` (every weight and who a programme is for),
``need`` (level of help), ``scoring`` (tier and score per candidate), ``explain`` (words),
``package``, ``recommend`` (the whole advice) and ``result`` (what it returns).
"""

from .explain import AGE_FIRST, explain_rules
from .need import suggest_need
from .profile import Profile, choice_profile, profile_from_case, selected_factors
from .recommend import recommend
from .result import (
    Exclusion,
    Gap,
    PackageItem,
    Reason,
    Recommendation,
    Result,
    offered,
    rank_key,
)
from .rules import (
    CONFIRMABLE_ONLY_ON_THE_SPOT,
    NEED_ORDER,
    OFFENCE_FACTORS,
    PACKAGE_SIZE,
    RULES,
    SPECIALIST_FACTORS,
    WEIGHTS,
    addresses_offence,
    eligibility,
    has_offence,
    needs_offence,
    unconfirmed,
)

__all__ = [
    "AGE_FIRST", "CONFIRMABLE_ONLY_ON_THE_SPOT", "NEED_ORDER", "OFFENCE_FACTORS", "PACKAGE_SIZE",
    "RULES", "SPECIALIST_FACTORS", "WEIGHTS", "Exclusion", "Gap", "PackageItem", "Profile", "Reason",
    "Recommendation", "Result", "addresses_offence", "choice_profile", "eligibility", "explain_rules", "has_offence",
    "needs_offence", "offered", "profile_from_case", "rank_key", "recommend", "selected_factors", "suggest_need",
    "unconfirmed",
]
