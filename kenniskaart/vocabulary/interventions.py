"""The vocabularies of interventions: purpose, kind, prevention level, eligibility, format,
setting, recognition and its committee, the kinds of "does not work" and of cautions, and the
profile's offence; each with its Dutch labels (and explanations) beside it."""

from __future__ import annotations

from typing import Literal, get_args

InterventionPurpose = Literal["jeugdinterventie", "aanpak", "maatregel", "instrument", "training"]
"""What an item in the catalogue is *for*:

* ``jeugdinterventie``: a programme delivered to a young person (and/or family).
* ``aanpak``: an approach or service that works with young people or families
  (jongerenwerk, straatcoaches, persoonsgerichte aanpak).
* ``maatregel``: an organisational measure or planning method for the municipality or its
  partners (veiligheidsconvenant, jeugdboa, wijkrechtspraak, Communities That Care as a
  planning method, programmes seed 004 §4.4 offers "ter inspiratie").
* ``instrument``: a screening or risk-assessment instrument.
* ``training``: a training for professionals (e.g. De Preventieve Leerkracht).

Measures, instruments and trainings are never recommended *for a young person*; the UI shows
them in their own section "voor school of gemeente".
"""

PURPOSE_LABELS: dict[str, str] = {
    "jeugdinterventie": "interventie voor jongeren",
    "aanpak": "aanpak of voorziening",
    "maatregel": "maatregel of planningsmethode voor de gemeente",
    "instrument": "screenings- of risicotaxatie-instrument",
    "training": "training voor professionals",
}

InterventionKind = Literal["interventie", "aanpak", "gemeenschap"]
"""``interventie``: a named programme (possibly recognised). ``aanpak``: an approach or
working method a municipality can adopt. ``gemeenschap``: a community intervention
(seed 004 §4.4)."""

INTERVENTION_KIND_LABELS: dict[str, str] = {
    "interventie": "interventie", "aanpak": "aanpak", "gemeenschap": "gemeenschapsinterventie",
}

PreventionLevel = Literal["universeel", "selectief", "geindiceerd", "na_delict"]
"""Who an intervention is for (NJi interventiematrix, plus the justice frame):

* ``universeel``: a whole class, school or neighbourhood (Taakspel, PAD, Kanjertraining, Kapot
  Sterk). Never recommended for one young person: it belongs under "voor school of gemeente".
* ``selectief``: young people in a risk group, before problems are serious.
* ``geindiceerd``: young people who already show problem behaviour.
* ``na_delict``: after an offence, in a justice frame (leerstraf, Halt, Tools4U, CoVa): only
  when the profile says there was an offence.
"""

PREVENTION_LABELS: dict[str, str] = {
    "universeel": "universeel: voor een hele klas, school of wijk",
    "selectief": "selectief: jongeren in een risicogroep",
    "geindiceerd": "geïndiceerd: jongeren met probleemgedrag",
    "na_delict": "na een delict (justitieel kader)",
}

Requirement = Literal["delict", "lvb", "geen_lvb", "ouder", "jongen", "crisis"]
"""Eligibility conditions a source gives (responsivity principle):

* ``delict``: only after an offence (also implied by ``prevention: na_delict``).
* ``lvb``: only for young people with a mild intellectual disability (IQ roughly 50-85).
* ``geen_lvb``: not for young people with a mild intellectual disability (e.g. Tools4U: IQ > 85).
* ``ouder``: needs a parent or carer who takes part (MDFT, MST, RGT).
* ``jongen``: only for boys (SNAP jongensversie): the card says so; the profile has no sex field.
* ``crisis``: only in an acute crisis with a threat of out-of-home placement (Families First).
  The profile cannot say so: the card asks, it ranks lower and stays out of the package.
"""

REQUIREMENT_LABELS: dict[str, str] = {
    "delict": "alleen na een delict",
    "lvb": "alleen bij een licht verstandelijke beperking (IQ ongeveer 50-85)",
    "geen_lvb": "niet bij een licht verstandelijke beperking",
    "ouder": "vraagt een ouder of verzorger die meedoet",
    "jongen": "alleen voor jongens",
    "crisis": "alleen bij een acute crisis met dreigende uithuisplaatsing",
}

Format = Literal["individueel", "groep", "gezin", "school", "wijk", "online", "netwerk"]
"""How an intervention is delivered."""

FORMAT_LABELS: dict[str, str] = {
    "individueel": "individueel",
    "groep": "groep",
    "gezin": "gezin",
    "school": "school/klas",
    "wijk": "wijk",
    "online": "online",
    "netwerk": "netwerk/samenwerking",
}

Setting = Literal["school", "gezin", "wijk", "individueel", "werk", "justitie", "vrije_tijd"]
"""Where an intervention takes place; the profile's preferred settings use the same ids."""

SETTING_LABELS: dict[str, str] = {
    "school": "school",
    "gezin": "gezin",
    "wijk": "wijk/straat",
    "individueel": "individueel",
    "werk": "werk",
    "justitie": "justitie/zorg",
    "vrije_tijd": "vrije tijd/sport",
}

Committee = Literal["jeugd", "justitiele", "gezondheid", "onderwijs", "onbekend"]
"""The NJi deelcommissie (or its predecessor) that gave a rating:
``jeugd`` = Jeugdzorg en psychosociale/pedagogische preventie; ``justitiele`` = Justitiële
interventies (incl. the former Erkenningscommissie Gedragsinterventies Justitie);
``gezondheid`` = Jeugdgezondheidszorg, preventie en gezondheidsbevordering (Loket Gezond Leven);
``onderwijs`` = Ontwikkelingsstimulering, onderwijsgerelateerd en jeugdwelzijn; ``onbekend``:
no source names the committee."""

COMMITTEE_LABELS: dict[str, str] = {
    "jeugd": "deelcommissie Jeugdzorg en psychosociale/pedagogische preventie",
    "justitiele": "deelcommissie Justitiële interventies",
    "gezondheid": "deelcommissie Jeugdgezondheidszorg, preventie en gezondheidsbevordering",
    "onderwijs": "deelcommissie Ontwikkelingsstimulering, onderwijs en jeugdwelzijn",
    "onbekend": "commissie onbekend",
}

RecognitionLevel = Literal[
    "effectief volgens sterke aanwijzingen",
    "effectief volgens goede aanwijzingen",
    "effectief volgens eerste aanwijzingen",
    "goed onderbouwd",
    "goed beschreven",
    "erkend, niveau onbekend",
    "niet erkend",
    "niet beoordeeld",
]
"""Recognition levels, strongest first (NJi / Erkenningscommissie vocabulary;
``goed beschreven`` is Movisie's / Loket Gezond Leven's rating). ``erkend, niveau onbekend``:
a source calls it recognised (e.g. seed 002 on PIT: "een wetenschappelijk erkende
interventie") but no database entry with a level was found; it counts as recognised, with a
caution that the level is unknown."""

RECOGNITION_LABELS: dict[str, str] = {level: level for level in get_args(RecognitionLevel)}
"""The databanks' own Dutch words are the label (shown as they are)."""

RECOGNISED_LEVELS: frozenset[str] = frozenset({
    "effectief volgens sterke aanwijzingen",
    "effectief volgens goede aanwijzingen",
    "effectief volgens eerste aanwijzingen",
    "goed onderbouwd",
    "erkend, niveau onbekend",
})
"""Recognition levels that count as 'erkend' (recognised) in the Aanbeveler and the UI."""

RECOGNITION_ORDER: dict[str, int] = {
    "effectief volgens sterke aanwijzingen": 5,
    "effectief volgens goede aanwijzingen": 4,
    "effectief volgens eerste aanwijzingen": 3,
    "goed onderbouwd": 2,
    "goed beschreven": 1,
    "erkend, niveau onbekend": 2,
    "niet erkend": 0,
    "niet beoordeeld": 0,
}
"""Strength of a recognition level (higher is stronger; equal levels rank alike)."""

NotWorkingKind = Literal["kan_schaden", "geen_effect", "niet_aangetoond"]
"""Three kinds of "does not work", kept apart everywhere (strongest first):

* ``kan_schaden``: a source reports harm (Scared Straight: more offences than without).
* ``geen_effect``: a trial found no effect (Communities That Care on behaviour in the Netherlands).
* ``niet_aangetoond``: no evidence either way (ex-offender role models, seed 004 §2.3.2): a
  caution, not a verdict; the item may still be offered, below what has evidence.

The first two are never recommended and never count as coverage (``rules.counts_as_coverage``).
"""

NOT_WORKING_KINDS: tuple[NotWorkingKind, ...] = get_args(NotWorkingKind)
NOT_WORKING_LABELS: dict[str, str] = {
    "kan_schaden": "Kan schaden",
    "geen_effect": "Geen effect",
    "niet_aangetoond": "Effect niet aangetoond",
}
"""The three kinds of "does not work", as every page names them."""
NOT_WORKING_EXPLAINED: dict[str, str] = {
    "kan_schaden": "een bron meldt schade: jongeren deden het daarna slechter dan zonder",
    "geen_effect": "onderzoek vond geen effect",
    "niet_aangetoond": "er is geen onderzoek dat een effect aantoont of uitsluit",
}

CautionKind = Literal[
    "groepsinterventie", "voorlichting", "toelating", "erkenning",
    "kan_schaden", "geen_effect", "niet_aangetoond", "doelgroep", "overig",
]
"""``groepsinterventie`` and ``voorlichting``: the Kwaliteitskader warnings.
``toelating``: eligibility conditions (IQ, offence). ``erkenning``: recognition expired,
in reassessment, or conflicting between sources. ``kan_schaden``, ``geen_effect`` and
``niet_aangetoond``: the three kinds of "does not work" (``NotWorkingKind``). ``doelgroep``:
the target group rules out some ages or young people (e.g. ex-offender mentors for a child)."""

CAUTION_LABELS: dict[str, str] = {
    **NOT_WORKING_LABELS,
    "voorlichting": "Voorlichting aan iedereen",
    "groepsinterventie": "Groep van risicojongeren",
    "toelating": "Toelating",
    "erkenning": "Erkenning",
    "doelgroep": "Doelgroep",
    "overig": "Let op",
}
CAUTION_TITLES: dict[str, str] = {
    **{k: f"{CAUTION_LABELS[k]}: {NOT_WORKING_EXPLAINED[k]}" for k in NOT_WORKING_KINDS},
    "voorlichting": f"{CAUTION_LABELS['voorlichting']} (Kwaliteitskader: risico op negatieve effecten)",
    "groepsinterventie": f"{CAUTION_LABELS['groepsinterventie']} (Kwaliteitskader: let op onderlinge beïnvloeding)",
}
"""A caution kind with what it means, as the heading of the Planscan's warnings (the kinds a plan
is warned about, in the order they are shown)."""

Offence = Literal["geen", "eerste", "herhaald"]
"""Profile input: no offence, a first offence, repeated offences."""

OFFENCE_LABELS: dict[str, str] = {"geen": "geen delict", "eerste": "eerste delict", "herhaald": "herhaald delict"}
