"""Strict content schema of the kenniskaart.

Every YAML file under ``content/`` holds one or more top-level keys, each a list of
items of one collection (see ``COLLECTIONS`` at the bottom). All models forbid unknown
fields, so a typo in a YAML key is an error, not silently ignored data.

Conventions
-----------
* ``id`` fields are stable slugs (lower case, digits, hyphens). Other items refer to
  them; the loader checks that every reference resolves.
* ``None`` means "the sources say nothing" and is shown to users as "onbekend".
  Never fill a value the sources do not give.
* Every item carries ``sources``: at least one ``SourceRef`` naming a ``Source`` id and
  the section, table or page it comes from.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, computed_field, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# --- controlled vocabularies -------------------------------------------------------

FactorKind = Literal["risico", "beschermend"]
"""Risk factor or protective factor."""

Level = Literal["individu", "gezin", "gemeenschap"]
"""Ecological level a factor (or an intervention) works on."""

Evidence = Literal["gefundeerd", "plausibel", "robuust", "kwalitatief", "niet_beoordeeld"]
"""Evidence strength of a factor.

* ``gefundeerd``: Bureau Beke, named in at least three studies (seed 002, Bijlage 1).
* ``plausibel``: Bureau Beke, named in one or two studies.
* ``robuust``: Samen Weerbaar, statistically robust relation (seed 004).
* ``kwalitatief``: Samen Weerbaar, only qualitatively meaningful (seed 004).
* ``niet_beoordeeld``: the source names the factor without grading its strength.
"""

CrimeScope = Literal["jeugdcriminaliteit_algemeen", "georganiseerde_criminaliteit"]
"""Samen Weerbaar marking: named for youth crime in general, or made explicit for
organised crime."""

FactorFramework = Literal[
    "beke_kennissynthese",
    "samen_weerbaar",
    "positieve_ontwikkeling",
    "individuele_veerkracht",
]
"""Which body of knowledge the factor belongs to (used for grouping on the page)."""

ThemeKind = Literal["pmg", "praktijkscan"]
"""``pmg``: the five PmG themes (seed 003). ``praktijkscan``: the twelve intervention
themes of the praktijkscan (seed 002)."""

Grounding = Literal["gefundeerd", "ongefundeerd", "exploratief"]
"""How well a praktijkscan theme is grounded in the knowledge synthesis (seed 002 §3.1)."""

Basis = Literal["bron", "thema", "team"]
"""Provenance of a link or classification, strongest first.

* ``bron``: a source states it *for this item* (e.g. the reference says AJB aims at fewer
  delinquent friends).
* ``thema``: a source states it only *for the theme* the item belongs to, e.g. seed 002
  §3.1.1 "de interventies in dit thema richten zich voornamelijk op …", which the seed itself
  hedges as "ogenschijnlijk" (§3.1) and "niet met zekerheid vast te stellen" (§3.2). Weaker
  than ``bron``; shown as "themaniveau".
* ``team``: the kenniskaart team's own classification or derivation (shown as such in the UI).
"""

BASIS_ORDER: dict[str, int] = {"bron": 2, "thema": 1, "team": 0}

FactorNature = Literal["statisch", "dynamisch", "geen_doel"]
"""Risk principle vs need principle (CCV wat-werkt, seed 001 les 1):

* ``statisch``: a risk marker that cannot be changed by an intervention (sex, offending
  history, convictions, detention). It raises the *level of help* needed but is never
  "aangepakt".
* ``dynamisch``: can change; the targets of interventions.
* ``geen_doel``: neither a target nor a risk marker for a young person (e.g. Beke's per-role
  factors of coordinators and leaders, being non-religious, having a stable relationship): shown
  as knowledge, never raises the level of help and is never "aangepakt".
"""

AgeGroup = Literal["8-12", "12-18", "18-27", "volwassenen", "algemeen"]
"""Age groups a factor is named for, normalised from the source's 'doelgroep'."""

AGE_GROUPS: tuple[str, ...] = ("8-12", "12-18", "18-27", "volwassenen", "algemeen")

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

PreventionLevel = Literal["universeel", "selectief", "geindiceerd", "na_delict"]
"""Who an intervention is for (NJi interventiematrix, plus the justice frame):

* ``universeel``: a whole class, school or neighbourhood (Taakspel, PAD, Kanjertraining, Kapot
  Sterk). Never recommended for one young person: it belongs under "voor school of gemeente".
* ``selectief``: young people in a risk group, before problems are serious.
* ``geindiceerd``: young people who already show problem behaviour.
* ``na_delict``: after an offence, in a justice frame (leerstraf, Halt, Tools4U, CoVa): only
  when the profile says there was an offence.
"""

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

AGE_LIMITS: tuple[int, int] = (4, 30)
"""The ages a profile, casus, share link or werksessie room accepts (sliders use the same)."""

PMG_AGES: tuple[int, int] = (8, 27)
"""Preventie met Gezag is for young people of 8 to 27 (seed 003): nothing suggested without an
age (Planscan gap suggestions) may fall entirely outside this range."""

Committee = Literal["jeugd", "justitiele", "gezondheid", "onderwijs", "onbekend"]
"""The NJi deelcommissie (or its predecessor) that gave a rating:
``jeugd`` = Jeugdzorg en psychosociale/pedagogische preventie; ``justitiele`` = Justitiële
interventies (incl. the former Erkenningscommissie Gedragsinterventies Justitie);
``gezondheid`` = Jeugdgezondheidszorg, preventie en gezondheidsbevordering (Loket Gezond Leven);
``onderwijs`` = Ontwikkelingsstimulering, onderwijsgerelateerd en jeugdwelzijn; ``onbekend``:
no source names the committee."""

Format = Literal["individueel", "groep", "gezin", "school", "wijk", "online", "netwerk"]
"""How an intervention is delivered."""

Setting = Literal["school", "gezin", "wijk", "individueel", "werk", "justitie", "vrije_tijd"]
"""Where an intervention takes place; the profile's preferred settings use the same ids."""

InterventionKind = Literal["interventie", "aanpak", "gemeenschap"]
"""``interventie``: a named programme (possibly recognised). ``aanpak``: an approach or
working method a municipality can adopt. ``gemeenschap``: a community intervention
(seed 004 §4.4)."""

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

NotWorkingKind = Literal["kan_schaden", "geen_effect", "niet_aangetoond"]
"""Three kinds of "does not work", kept apart everywhere (strongest first):

* ``kan_schaden``: a source reports harm (Scared Straight: more offences than without).
* ``geen_effect``: a trial found no effect (Communities That Care on behaviour in the Netherlands).
* ``niet_aangetoond``: no evidence either way (ex-offender role models, seed 004 §2.3.2): a
  caution, not a verdict; the item may still be offered, below what has evidence.

The first two are never recommended and never count as coverage (``rules.counts_as_coverage``).
"""

NOT_WORKING_KINDS: tuple[str, ...] = ("kan_schaden", "geen_effect", "niet_aangetoond")

CautionKind = Literal[
    "groepsinterventie", "voorlichting", "toelating", "erkenning",
    "kan_schaden", "geen_effect", "niet_aangetoond", "doelgroep", "overig",
]
"""``groepsinterventie`` and ``voorlichting``: the Kwaliteitskader warnings.
``toelating``: eligibility conditions (IQ, offence). ``erkenning``: recognition expired,
in reassessment, or conflicting between sources. ``kan_schaden``, ``geen_effect`` and
``niet_aangetoond``: the three kinds of "does not work" (``NotWorkingKind``). ``doelgroep``:
the target group rules out some ages or young people (e.g. ex-offender mentors for a child)."""

ExampleKind = Literal["botoc", "pmg"]
"""``botoc``: one of the 62 BOTOC interventions (seed 002, Bijlage 2). ``pmg``: an
example from the PmG report (seed 003)."""

GuidanceKind = Literal[
    "wat_werkt",
    "procesbevinding",
    "conclusie",
    "verbeterpunt",
    "participatieniveau",
    "samenwerkingsvoorwaarde",
    "helpende_methode",
    "implementatie_element",
    "collectieve_weerbaarheid",
    "kennislacune",
    "aanbeveling",
    "leidende_stap",
    "programma",
    "beleid",
    "kanttekening",
    "gemeenschapsindicator",
    "netwerkprincipe",
    "route",
    "opvoedondersteuning",
    "werkt_niet",
]
"""Kinds of guidance item (seeds 000, 001, 002, 004)."""

SourceKind = Literal["seed", "referentie"]

Offence = Literal["geen", "eerste", "herhaald"]
"""Profile input: no offence, a first offence, repeated offences."""


def age_groups_for(target_group: str | None) -> tuple[str, ...]:
    """Normalise a source's 'doelgroep' text to age groups (``AGE_GROUPS``).

    'Jongeren' (and 'Met name jongeren', 'Jongeren tot 24 jaar') → 12-18 and 18-27;
    'volwassenen' → volwassenen; 'kinderen' → 8-12; anything else or unknown → algemeen.
    """
    text = (target_group or "").lower()
    groups: list[str] = []
    if "kind" in text:
        groups.append("8-12")
    if "jongeren" in text or "jeugd" in text:
        groups += ["12-18", "18-27"]
    if "volwassen" in text:
        groups.append("volwassenen")
    return tuple(groups) or ("algemeen",)


class Strict(BaseModel):
    """Base model: unknown fields are errors, items are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- sources -----------------------------------------------------------------------


class Source(Strict):
    """A document the content is taken from."""

    id: Id
    title: Text
    publisher: Text
    date: dt.date | None = None
    """Publication date, if known."""
    file: str | None = None
    """File name under ``shared/seeds`` or ``shared/reference``."""
    kind: SourceKind
    description: str | None = None
    """What the kenniskaart takes from this document."""


class SourceRef(Strict):
    """A citation: which source, and where in it."""

    source: Id
    """Id of a ``Source``."""
    section: Text
    """Section, table, annex or page, e.g. 'Bijlage 1, tabel Criminaliteit'."""
    url: str | None = None
    """Public page behind a reference fact, if any."""
    peildatum: dt.date | None = None
    """The day the page at ``url`` was read (facts on web pages change)."""


Sources = Annotated[list[SourceRef], Field(min_length=1)]


# --- themes and levels of help -----------------------------------------------------


class Theme(Strict):
    """A PmG theme or a praktijkscan intervention theme."""

    id: Id
    name: Text
    kind: ThemeKind
    description: Text
    order: int = 0
    grounding: Grounding | None = None
    """Praktijkscan themes only: grounding per seed 002 §3.1."""
    risk_factors: list[Id] = []
    """Praktijkscan themes: risk factor ids the seed says the theme addresses."""
    protective_factors: list[Id] = []
    """Praktijkscan themes: protective factor ids the seed says the theme addresses."""
    sources: Sources


class HelpLevel(Strict):
    """One of the three levels of help of the PmG report (seed 003)."""

    id: Id
    name: Text
    order: int
    """1 = lightest (positieve ondersteuning) … 3 = specialistische aanpak."""
    description: Text
    sources: Sources


# --- factors -----------------------------------------------------------------------


class Factor(Strict):
    """A risk or protective factor."""

    id: Id
    name: Text
    kind: FactorKind
    level: Level
    framework: FactorFramework
    category: str | None = None
    """Category as the source's table heads it, e.g. 'Psychologische factoren'."""
    nature: FactorNature
    """``statisch`` (sets the level of help, never a target) or ``dynamisch`` (a target)."""
    evidence: Evidence
    evidence_basis: Basis = "bron"
    """Whether the evidence marking is stated by the source or the team's reading (e.g. where
    the source's italics/bold were lost in the text version)."""
    crime_scope: CrimeScope | None = None
    """Samen Weerbaar marking; None where the source makes no such distinction."""
    target_group: str | None = None
    """'Doelgroep' as the source states it (e.g. 'Jongeren', 'Algemeen')."""
    studied_in_nl: bool | None = None
    """Beke: whether studies were (also) done in the Netherlands."""
    pmg_themes: list[Id] = []
    """Ids of PmG themes (kind 'pmg')."""
    pmg_themes_basis: Basis = "team"
    """Whether the theme mapping is stated by a source or the team's classification."""
    mirrors: list[Id] = []
    """Ids of factors of the other kind that mirror this one (a risk factor and the protective
    factor that is its opposite: 'gebrek aan werkgelegenheid' and 'het hebben van een baan').
    An intervention that builds the one addresses the other, weighted lower and said in words.
    The loader checks the relation is symmetric and crosses kinds."""
    twins: list[Id] = []
    """Ids of factors in another framework that name the same factor (e.g. Beke's
    'Wonen in een buurt waar een georganiseerde criminele groep opereert' and Samen Weerbaar's
    'Wonen in een buurt waar een criminele groep actief is'). Covering one covers the other;
    pickers offer one choice. The loader checks the relation is symmetric."""
    description: str | None = None
    """Short description in the team's own words."""
    note: str | None = None
    """Remarks, e.g. a discrepancy between the seed's text and its table."""
    related: list[Id] = []
    """Ids of factors that are close to this one but not the same (e.g. Samen Weerbaar's
    combined 'banden met … / geïntroduceerd worden door …' and Beke's 'geïntroduceerd worden door
    een lid'): shown as 'verwant' on the factor's page, never counted as covering it. Twins, by
    contrast, are one class: every member names every other (the loader checks)."""
    sources: Sources

    @computed_field  # type: ignore[prop-decorator]
    @property
    def age_groups(self) -> tuple[str, ...]:
        """Age groups this factor is named for, normalised from ``target_group``."""
        return age_groups_for(self.target_group)


# --- interventions -----------------------------------------------------------------


class FactorLink(Strict):
    """A factor an intervention or example addresses."""

    factor: Id
    basis: Basis
    """``bron``: a source states the link for this item. ``thema``: a source states it for
    the item's theme only (seed 002 §3.1.1). ``team``: derived by the team."""
    note: str | None = None
    """What the link rests on (quote or reasoning)."""


class Recognition(Strict):
    """Recognition status of an intervention on a peildatum."""

    level: RecognitionLevel
    body: str | None = None
    """E.g. 'NJi Databank Effectieve Jeugdinterventies', 'Erkenningscommissie'."""
    committee: Committee | None = None
    """The deelcommissie that rated it; every recognised statement names one (or 'onbekend')."""
    outcome: str | None = None
    """The outcome this rating is for, where a source rates outcomes apart (MDFT: 'delinquentie'
    vs 'middelengebruik')."""
    outcome_factors: list[Id] = []
    """Factors that outcome is about: when a profile selects one of them, the Aanbeveler uses this
    rating (the one for the outcome that matters to the profile) instead of the main one."""
    date: dt.date | None = None
    """Date of the recognition decision, if known."""
    in_review: bool = False
    """'In herbeoordeling'."""
    note: str | None = None
    sources: Sources


class Caution(Strict):
    """A warning that applies to an intervention, a practice example or a tip."""

    kind: CautionKind
    text: Text
    guidance: Id | None = None
    """Id of the guidance item that explains this warning (e.g. the Kwaliteitskader's two
    warnings); the UI links to it."""
    sources: list[SourceRef] = []
    min_age: int | None = Field(default=None, ge=0, le=99)
    max_age: int | None = Field(default=None, ge=0, le=99)
    """For a ``doelgroep`` caution: the ages the target group allows, where a source gives them
    (e.g. not for children under 12). The Aanbeveler excludes ages outside, with the caution as
    the reason. None = the caution is shown, nothing is excluded."""


class Intervention(Strict):
    """An intervention or approach in the catalogue."""

    id: Id
    name: Text
    aliases: list[str] = []
    kind: InterventionKind
    purpose: InterventionPurpose
    """What it is for: a youth intervention, an approach/service, an instrument or a
    training. Only ``jeugdinterventie`` and ``aanpak`` are recommended for a young person."""
    description: Text
    """Concise description in the team's own words."""
    goal: str | None = None
    method: str | None = None
    developer: str | None = None
    min_age: int | None = Field(default=None, ge=0, le=99)
    max_age: int | None = Field(default=None, ge=0, le=99)
    """Age range in years; None = unknown (shown as 'onbekend')."""
    age_note: str | None = None
    target_group: str | None = None
    prevention: PreventionLevel | None = None
    """Who it is for: universeel (a whole class/school/neighbourhood), selectief, geindiceerd,
    or na_delict (justice frame). None = onbekend."""
    requires: list[Requirement] = []
    """Eligibility conditions a source gives (offence, LVB, no LVB, a parent who takes part)."""
    formats: list[Format] = []
    settings: list[Setting] = []
    levels: list[Level] = []
    """Level(s) the intervention works on: individu, gezin, gemeenschap."""
    help_levels: list[Id] = []
    """Ids of ``HelpLevel`` items."""
    pmg_themes: list[Id] = []
    praktijkscan_themes: list[Id] = []
    factors: list[FactorLink] = []
    recognition: Recognition | None = None
    """None = recognition unknown. The statement the Aanbeveler uses."""
    other_recognitions: list[Recognition] = []
    """Other, conflicting or older statements about recognition, each with its source
    (e.g. PIT: seed 002 calls it recognised, no NJi entry found). Shown next to the main one."""
    effect: str | None = None
    """Effect evidence in one or two plain sentences; None = unknown."""
    effect_sources: list[SourceRef] = []
    """Where the effect statement comes from."""
    delivered_by: str | None = None
    """Implementation: who delivers it (e.g. 'getrainde sportcoaches'); None = unknown."""
    duration: str | None = None
    """Implementation: how long it takes (e.g. 'ongeveer een jaar'); None = unknown."""
    training: str | None = None
    """Implementation: training or licence needed for professionals; None = unknown."""
    working_elements: list[str] = []
    conditions: list[str] = []
    """Conditions for implementation named by the source."""
    conclusion: str | None = None
    """The source's conclusion on the intervention (seed 004 §4.4)."""
    reoffending: bool = False
    """A source names preventing reoffending ('voorkomen recidive') as its goal: with an offence
    in the profile the Aanbeveler offers it for the offence itself (need principle), also when
    no selected factor links to it."""
    cautions: list[Caution] = []
    municipalities: list[str] = []
    """Municipalities where the seeds say it is used."""
    links: list[str] = []
    sources: Sources

    @model_validator(mode="after")
    def _age_order(self) -> Intervention:
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValueError(f"min_age ({self.min_age}) is groter dan max_age ({self.max_age})")
        return self


# --- practice examples -------------------------------------------------------------


class Figure(Strict):
    """A figure reported for an example, e.g. '576 jongeren aangemeld'."""

    label: Text
    value: Text


class PracticeExample(Strict):
    """A BOTOC intervention of a municipality or a PmG example."""

    id: Id
    kind: ExampleKind
    code: str | None = None
    """BOTOC code, e.g. 'AMS1'."""
    name: Text
    municipality: str | None = None
    """None for examples the source reports without a municipality."""
    description: Text
    praktijkscan_themes: list[Id] = []
    praktijkscan_themes_basis: Basis = "team"
    pmg_themes: list[Id] = []
    help_levels: list[Id] = []
    factors: list[FactorLink] = []
    interventions: list[Id] = []
    """Catalogue interventions this example uses."""
    status: str | None = None
    """Whether it went ahead, as far as the source says."""
    cautions: list[Caution] = []
    """Warnings that apply to this example (e.g. universal awareness lessons)."""
    figures: list[Figure] = []
    sources: Sources


# --- lessons and guidance ----------------------------------------------------------


class Tip(Strict):
    text: Text
    cautions: list[Caution] = []
    """Warnings that apply to acting on this tip (e.g. awareness campaigns)."""


class Lesson(Strict):
    """One of the four CCV lessons with its tips (seed 001)."""

    id: Id
    number: int
    title: Text
    summary: Text
    tips: list[Tip] = []
    sources: Sources


class Guidance(Strict):
    """A guidance item: a finding, principle, condition, question set, etc."""

    id: Id
    kind: GuidanceKind
    title: Text
    text: str | None = None
    items: list[str] = []
    """Sub-items: questions, ingredients, bullet points."""
    order: int = 0
    verdict: NotWorkingKind | None = None
    """For kind ``werkt_niet`` (the Lessen part "Wat niet werkt"): which of the three kinds of
    "does not work" the source supports. Required there, not allowed elsewhere."""
    sources: Sources

    @model_validator(mode="after")
    def _verdict_only_for_werkt_niet(self) -> Guidance:
        if (self.kind == "werkt_niet") != (self.verdict is not None):
            raise ValueError("verdict (kan_schaden, geen_effect of niet_aangetoond) hoort precies bij kind werkt_niet")
        return self


IndicatorKind = Literal["output", "outcome"]
"""Output: what the plan does (reach, sessions); outcome: what it changes (factors, safety)."""


class WhereToFind(Strict):
    """A named monitor or registration where a municipality finds an indicator."""

    name: Text
    url: str | None = None
    """A public page that describes it (only where the team verified one)."""


class Indicator(Strict):
    """An indicator of Samen Weerbaar's joint scan (seed 004 §5.1, aanbeveling 1): a theme that can
    be present in a protective sense (left end of an axis) or a risky sense (right end). The
    Werksessie asks a room where its municipality stands; a monitor can measure the same items."""

    id: Id
    name: Text
    """A short everyday name; the source's own wording is item ``number`` of ``guidance``."""
    level: Literal["gezin", "gemeenschap"]
    number: int = Field(ge=1, le=20)
    """Position in the source's list of its level ((1)-(5) gezin, (1)-(11) gemeenschap)."""
    guidance: Id
    """The guidance item that lists the indicators of this level in the source's words (one home)."""
    protective: Text
    """Words for the protective end of the axis (left)."""
    risky: Text
    """Words for the risky end of the axis (right)."""
    risk_factors: list[Id] = []
    protective_factors: list[Id] = []
    sources: Sources
    # --- for the Nulmeting en monitor (additive; None = the monitor's default wording) ---
    measures: str | None = None
    """What a measurement of this indicator counts; None: where the municipality stands on the axis."""
    where: list[WhereToFind] = []
    """Where a municipality finds it; [] = the joint scan (a werksessie)."""
    kind: IndicatorKind | None = None
    watch: str | None = None
    """Unintended or counterproductive effects to watch (the 'does not work' layer)."""


class MonitorIndicator(Strict):
    """An indicator for the Nulmeting en monitor beyond Samen Weerbaar's scan: the CCV's monitors
    (seed 001, les 1 and les 4) and the monitor of Samen Weerbaar's aanbeveling 5 (seed 004 §5.3).
    Suggested for a plan's factors (``factors``, or a factor with one of ``pmg_themes``) and its
    items (``interventions``, or ``every_item``)."""

    id: Id
    name: Text
    measures: Text
    """What it counts, in the team's words."""
    where: list[WhereToFind] = Field(min_length=1)
    kind: IndicatorKind
    watch: str | None = None
    """Unintended or counterproductive effects to watch."""
    factors: list[Id] = []
    pmg_themes: list[Id] = []
    interventions: list[Id] = []
    every_item: bool = False
    """Suggested for every plan item (reach, unintended effects)."""
    sources: Sources


class Case(Strict):
    """A ready-made example profile (casus) for the Aanbeveler, drawn from the seeds."""

    id: Id
    title: Text
    description: Text
    age: int | None = Field(default=None, ge=AGE_LIMITS[0], le=AGE_LIMITS[1])
    risk_factors: list[Id] = []
    protective_factors: list[Id] = []
    settings: list[Setting] = []
    need: Id | None = None
    """Help level id, or None to let the Aanbeveler suggest one."""
    offence: Offence | None = None
    """Whether the young person offended: geen / eerste / herhaald; None = not stated."""
    lvb: bool | None = None
    """Mild intellectual disability (IQ roughly 50-85); None = not stated."""
    parent: bool | None = None
    """A parent or carer who can take part; None = not stated."""
    sources: Sources


class Synonym(Strict):
    """Everyday words a user may type for the same thing, for search only.

    A search word that equals one of ``words`` also finds texts containing any other word
    of the group (e.g. 'drugs' finds 'middelengebruik'). A search aid made by the
    kenniskaart team, not a statement of a source: it never changes what an item says.
    """

    id: Id
    words: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=60)]] = Field(min_length=2)
    note: str | None = None
    """Why these words belong together (for editors)."""
    picker: int = Field(default=2, ge=0, le=4)
    """How many of the first ``words`` a factor picker shows after the name of a factor the group
    fits ('… · ook: blowen, cannabis'): the words users type there. 0: the group helps the search
    boxes only (a picker finds those factors by their name already: 'crimin')."""


# --- plan van aanpak ---------------------------------------------------------------


PLAN_SECTION_IDS: tuple[str, ...] = (
    "afbakening", "probleemanalyse", "keuzes", "sporen", "partners", "dekking", "monitor", "borging",
)
"""The sections of a plan van aanpak, in order (CCV les 1, seed 001); the loader checks that
``plan_sections`` holds each of them once."""


class PlanSection(Strict):
    """A section of the plan van aanpak and what the CCV says it must contain (seed 001, les 1)."""

    id: Id
    title: Text
    guidance: Text
    """What the section is for, in the team's own words, after the source."""
    sources: Sources


class AnalysisSource(Strict):
    """A source for the area and target-group analyses a plan rests on, as the CCV names them
    (seed 001, les 1: leefbaarheidsmonitor, veiligheidsmonitor, sociaal domein, justitiële
    partners, wetenschap). The plan offers them as choices."""

    id: Id
    name: Text
    description: str | None = None
    sources: Sources


class Spoor(Strict):
    """A spoor (life domain) a plan covers (seed 001, les 1: onderwijs, werken, wonen en
    veiligheid; not only zorg, also werk en inkomen) and what in the content serves it.

    A plan item serves the spoor when it has one of ``pmg_themes``, one of ``settings`` or
    addresses one of ``factors``. The mapping is the team's classification unless ``basis``
    says otherwise; ``note`` says what it rests on."""

    id: Id
    name: Text
    description: Text
    pmg_themes: list[Id] = []
    settings: list[Setting] = []
    factors: list[Id] = []
    basis: Basis = "team"
    note: str | None = None
    sources: Sources


COLLECTIONS: dict[str, type[Strict]] = {
    "sources": Source,
    "themes": Theme,
    "help_levels": HelpLevel,
    "factors": Factor,
    "interventions": Intervention,
    "examples": PracticeExample,
    "lessons": Lesson,
    "guidance": Guidance,
    "cases": Case,
    "synonyms": Synonym,
    "indicators": Indicator,
    "monitor_indicators": MonitorIndicator,
    "plan_sections": PlanSection,
    "analysis_sources": AnalysisSource,
    "sporen": Spoor,
}
"""Top-level YAML keys and the model of their items."""
