"""The vocabularies of factors: kind, level, evidence, framework, nature, crime scope, age groups
and the provenance (``Basis``) of a link, each with its Dutch labels (and explanations) beside it."""

from __future__ import annotations

from typing import Literal, get_args

FactorKind = Literal["risico", "beschermend"]
"""Risk factor or protective factor."""

FACTOR_KIND_LABELS: dict[str, str] = {"risico": "risicofactor", "beschermend": "beschermende factor"}
"""Capitalised where a label starts a cell (``.capitalize()``)."""
FACTOR_KIND_PLURALS: dict[str, str] = {"risico": "Risicofactoren", "beschermend": "Beschermende factoren"}
"""Headings of a group of factors (the map's groups)."""

Level = Literal["individu", "gezin", "gemeenschap"]
"""Ecological level a factor (or an intervention) works on."""

LEVEL_LABELS: dict[str, str] = {"individu": "individu", "gezin": "gezin", "gemeenschap": "gemeenschap"}

IndicatorLevel = Literal["gezin", "gemeenschap"]
"""The two levels of Samen Weerbaar's joint scan (``Indicator.level``)."""

INDICATOR_LEVEL_LABELS: dict[str, str] = {"gezin": "Gezin", "gemeenschap": "Buurt en gemeenschap"}
"""Headings of the scan's two parts (werksessie form and export)."""

Evidence = Literal["gefundeerd", "plausibel", "robuust", "kwalitatief", "niet_beoordeeld"]
"""Evidence strength of a factor.

* ``gefundeerd``: Bureau Beke, named in at least three studies (seed 002, Bijlage 1).
* ``plausibel``: Bureau Beke, named in one or two studies.
* ``robuust``: Samen Weerbaar, statistically robust relation (seed 004).
* ``kwalitatief``: Samen Weerbaar, only qualitatively meaningful (seed 004).
* ``niet_beoordeeld``: the source names the factor without grading its strength.
"""

EVIDENCE_ORDER: tuple[Evidence, ...] = ("gefundeerd", "robuust", "plausibel", "kwalitatief", "niet_beoordeeld")
"""Evidence strength, strongest first: the one order lists, weights and colour classes follow."""
EVIDENCE_RANK: dict[str, int] = {e: i for i, e in enumerate(EVIDENCE_ORDER)}
"""Position in ``EVIDENCE_ORDER`` (0 = strongest), a sort key."""

EVIDENCE_LABELS: dict[str, str] = {
    "gefundeerd": "gefundeerd",
    "plausibel": "plausibel",
    "robuust": "statistisch robuust",
    "kwalitatief": "kwalitatief betekenisvol",
    "niet_beoordeeld": "niet beoordeeld",
}
EVIDENCE_EXPLAINED: dict[str, str] = {
    "gefundeerd": "In minstens drie studies genoemd (Bureau Beke). De sterkste onderbouwing in de kennissynthese.",
    "plausibel": "In één of twee studies genoemd (Bureau Beke). Aannemelijk, maar minder vaak onderzocht.",
    "robuust": "Statistisch robuust verband gevonden (Samen Weerbaar).",
    "kwalitatief": (
        "Alleen kwalitatief betekenisvol: genoemd in interviews of casestudies, niet statistisch getoetst "
        "(Samen Weerbaar)."
    ),
    "niet_beoordeeld": "De bron noemt de factor zonder de sterkte van het bewijs te beoordelen.",
}

CrimeScope = Literal["jeugdcriminaliteit_algemeen", "georganiseerde_criminaliteit"]
"""Samen Weerbaar marking: named for youth crime in general, or made explicit for
organised crime."""

CRIME_SCOPE_LABELS: dict[str, str] = {
    "jeugdcriminaliteit_algemeen": "genoemd voor jeugdcriminaliteit in het algemeen",
    "georganiseerde_criminaliteit": "expliciet voor georganiseerde criminaliteit",
}

FactorFramework = Literal[
    "beke_kennissynthese",
    "samen_weerbaar",
    "positieve_ontwikkeling",
    "individuele_veerkracht",
]
"""Which body of knowledge the factor belongs to (used for grouping on the page)."""

FRAMEWORK_LABELS: dict[str, str] = {
    "beke_kennissynthese": "Kennissynthese Bureau Beke",
    "samen_weerbaar": "Samen Weerbaar: gezin en gemeenschap",
    "positieve_ontwikkeling": "Tien beschermende factoren voor positieve ontwikkeling",
    "individuele_veerkracht": "Individuele veerkracht",
}
FRAMEWORK_SHORT: dict[str, str] = {
    "beke_kennissynthese": "Bureau Beke",
    "samen_weerbaar": "Samen Weerbaar",
    "positieve_ontwikkeling": "positieve ontwikkeling",
    "individuele_veerkracht": "individuele veerkracht",
}
"""Short framework names, e.g. for '(ook in Samen Weerbaar)' next to a factor with a twin."""

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

NATURE_LABELS: dict[str, str] = {"statisch": "statisch", "dynamisch": "dynamisch", "geen_doel": "geen doel"}
NATURE_EXPLAINED: dict[str, str] = {
    "statisch": (
        "Statische factor (risicobeginsel): niet te veranderen, zoals geslacht, leeftijd of een "
        "strafrechtelijk verleden. Bepaalt hoe zwaar de hulp moet zijn, maar is geen doel van een "
        "interventie."
    ),
    "dynamisch": (
        "Dynamische factor (behoeftebeginsel): te veranderen, en daarmee een doel van "
        "interventies."
    ),
    "geen_doel": (
        "Geen doel en geen risicomarkering: de bron noemt de factor (bijvoorbeeld bij een rol in een "
        "crimineel netwerk), maar het is niets wat een interventie bij een jongere verandert en het "
        "verhoogt het niveau van hulp niet."
    ),
}
NATURE_BADGES: dict[str, str] = {
    "statisch": ":gray-badge[statisch: bepaalt het niveau]",
    "dynamisch": ":violet-badge[dynamisch]",
    "geen_doel": ":gray-badge[geen doel: telt niet mee]",
}
"""A chosen factor's nature as a Streamlit badge (the Aanbeveler's list of chosen factors)."""

AgeGroup = Literal["8-12", "12-18", "18-27", "volwassenen", "algemeen"]
"""Age groups a factor is named for, normalised from the source's 'doelgroep'
(``models.age_groups_for``)."""

AGE_GROUPS: tuple[AgeGroup, ...] = get_args(AgeGroup)
AGE_GROUP_LABELS: dict[str, str] = {
    g: (g.replace("-", "–") + " jaar" if g[0].isdigit() else g) for g in AGE_GROUPS
}
"""A factor's age group as Dutch text: '12–18 jaar', 'volwassenen', 'algemeen'."""

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
"""Higher is stronger."""
BASIS_LABELS: dict[str, str] = {
    "bron": "volgens de bron",
    "thema": "volgens de bron, alleen op themaniveau",
    "team": "indeling kenniskaart-team",
}
BASIS_EXPLAINED: dict[str, str] = {
    "bron": "Een bron zegt dit over deze interventie zelf.",
    "thema": (
        "Een bron zegt dit alleen over het thema waartoe de interventie hoort (praktijkscan "
        "§3.1.1: 'de interventies in dit thema richten zich voornamelijk op …'), en noemt dat "
        "zelf 'ogenschijnlijk': zwakker dan een uitspraak over de interventie zelf."
    ),
    "team": "Afgeleid door het kenniskaart-team; geen bron zegt het zo.",
}
BASIS_DASH: dict[str, list[int]] = {"bron": [1, 0], "thema": [9, 5], "team": [2, 4]}
"""How the map draws a link of each provenance (Vega-Lite ``strokeDash``: dash, gap in px)."""
BASIS_LINE: dict[str, str] = {"bron": "doorgetrokken lijn", "thema": "gestreepte lijn", "team": "gestippelde lijn"}
"""``BASIS_DASH`` in words, for the legends that describe the map's lines."""
BASIS_LINE_LEGEND = "Lijn: doorgetrokken = bron · gestreept = themaniveau · gestippeld = team."
"""The line styles in one caption line (Aanbeveler and presentation)."""
