"""Plain-text presentation helpers shared by pages and exports (no Streamlit).

Every value the sources do not give is shown as ``ONBEKEND``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .content import Kenniskaart
from .models import AGE_GROUPS, Intervention, Recognition, SourceRef

ONBEKEND = "onbekend"

EVIDENCE_LABELS = {
    "gefundeerd": "gefundeerd",
    "plausibel": "plausibel",
    "robuust": "statistisch robuust",
    "kwalitatief": "kwalitatief betekenisvol",
    "niet_beoordeeld": "niet beoordeeld",
}
"""Dutch labels for ``Factor.evidence``."""

EVIDENCE_EXPLAINED = {
    "gefundeerd": "In minstens drie studies genoemd (Bureau Beke). De sterkste onderbouwing in de kennissynthese.",
    "plausibel": "In één of twee studies genoemd (Bureau Beke). Aannemelijk, maar minder vaak onderzocht.",
    "robuust": "Statistisch robuust verband gevonden (Samen Weerbaar).",
    "kwalitatief": "Alleen kwalitatief betekenisvol: genoemd in interviews of casestudies, niet statistisch getoetst (Samen Weerbaar).",
    "niet_beoordeeld": "De bron noemt de factor zonder de sterkte van het bewijs te beoordelen.",
}

KIND_LABELS = {"risico": "risicofactor", "beschermend": "beschermende factor"}
LEVEL_LABELS = {"individu": "individu", "gezin": "gezin", "gemeenschap": "gemeenschap"}
FRAMEWORK_LABELS = {
    "beke_kennissynthese": "Kennissynthese Bureau Beke",
    "samen_weerbaar": "Samen Weerbaar: gezin en gemeenschap",
    "positieve_ontwikkeling": "Tien beschermende factoren voor positieve ontwikkeling",
    "individuele_veerkracht": "Individuele veerkracht",
}
FRAMEWORK_SHORT = {
    "beke_kennissynthese": "Bureau Beke",
    "samen_weerbaar": "Samen Weerbaar",
    "positieve_ontwikkeling": "positieve ontwikkeling",
    "individuele_veerkracht": "individuele veerkracht",
}
"""Short framework names, e.g. for '(ook in Samen Weerbaar)' next to a factor with a twin."""
CRIME_SCOPE_LABELS = {
    "jeugdcriminaliteit_algemeen": "genoemd voor jeugdcriminaliteit in het algemeen",
    "georganiseerde_criminaliteit": "expliciet voor georganiseerde criminaliteit",
}
BASIS_LABELS = {
    "bron": "volgens de bron",
    "thema": "volgens de bron, alleen op themaniveau",
    "team": "indeling kenniskaart-team",
}
BASIS_EXPLAINED = {
    "bron": "Een bron zegt dit over deze interventie zelf.",
    "thema": (
        "Een bron zegt dit alleen over het thema waartoe de interventie hoort (praktijkscan "
        "§3.1.1: 'de interventies in dit thema richten zich voornamelijk op …'), en noemt dat "
        "zelf 'ogenschijnlijk': zwakker dan een uitspraak over de interventie zelf."
    ),
    "team": "Afgeleid door het kenniskaart-team; geen bron zegt het zo.",
}
NATURE_LABELS = {"statisch": "statisch", "dynamisch": "dynamisch", "geen_doel": "geen doel"}

COUNT_LABELS = {
    "sources": "bronnen",
    "themes": "thema's (PmG en praktijkscan)",
    "help_levels": "niveaus van hulp",
    "factors": "factoren",
    "risk_factors": "waarvan risicofactoren",
    "protective_factors": "waarvan beschermende factoren",
    "interventions": "interventies, aanpakken, instrumenten en trainingen",
    "examples": "praktijkvoorbeelden",
    "lessons": "lessen",
    "guidance": "tips, hulpvragen en kanttekeningen",
    "cases": "casussen (voorbeeldprofielen)",
    "synonyms": "groepen zoekwoorden in alledaagse taal",
    "indicators": "indicatoren van de Samen Weerbaar-scan",
    "monitor_indicators": "andere indicatoren voor de nulmeting en monitor",
    "plan_sections": "onderdelen van het plan van aanpak",
    "analysis_sources": "bronnen voor de analyse in het plan van aanpak",
    "sporen": "sporen van het plan van aanpak",
}
"""Dutch names for ``Kenniskaart.counts()`` (the content in figures on the Over page)."""
INDICATOR_KIND_LABELS = {"output": "output (wat het plan doet)", "outcome": "outcome (wat het plan verandert)"}
"""An indicator's kind (``models.IndicatorKind``) in the monitor and the plan van aanpak."""
SIGNAL_LABELS = {
    "nulmeting": "Nulmeting ontbreekt",
    "te-laat": "Meting te laat",
    "verkeerde-kant": "Beweegt de verkeerde kant op",
    "geen-indicator": "Planonderdeel zonder indicator",
}
"""The kinds of the monitor's bijsturen list (``monitor.steer.Signal.kind``)."""
NATURE_EXPLAINED = {
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
TIER_TITLES = {
    1: "Erkend, passend bij leeftijd en niveau van hulp",
    2: "Veelbelovend / praktijk",
}
"""The Aanbeveler's two groups, as every page names them (cards, presentation, exports)."""
NOT_WORKING_LABELS = {
    "kan_schaden": "Kan schaden",
    "geen_effect": "Geen effect",
    "niet_aangetoond": "Effect niet aangetoond",
}
"""The three kinds of "does not work" (``models.NotWorkingKind``), as every page names them."""
NOT_WORKING_EXPLAINED = {
    "kan_schaden": "een bron meldt schade: jongeren deden het daarna slechter dan zonder",
    "geen_effect": "onderzoek vond geen effect",
    "niet_aangetoond": "er is geen onderzoek dat een effect aantoont of uitsluit",
}
CAUTION_LABELS = {
    **NOT_WORKING_LABELS,
    "voorlichting": "Voorlichting aan iedereen",
    "groepsinterventie": "Groep van risicojongeren",
    "toelating": "Toelating",
    "erkenning": "Erkenning",
    "doelgroep": "Doelgroep",
    "overig": "Let op",
}


def caution_text(c) -> str:
    """A caution as one plain line with its kind first ('Kan schaden: …'): exports, memo, lists."""
    return f"{CAUTION_LABELS[c.kind]}: {c.text}"


PREVENTION_LABELS = {
    "universeel": "universeel: voor een hele klas, school of wijk",
    "selectief": "selectief: jongeren in een risicogroep",
    "geindiceerd": "geïndiceerd: jongeren met probleemgedrag",
    "na_delict": "na een delict (justitieel kader)",
}
REQUIREMENT_LABELS = {
    "delict": "alleen na een delict",
    "lvb": "alleen bij een licht verstandelijke beperking (IQ ongeveer 50-85)",
    "geen_lvb": "niet bij een licht verstandelijke beperking",
    "ouder": "vraagt een ouder of verzorger die meedoet",
    "jongen": "alleen voor jongens",
    "crisis": "alleen bij een acute crisis met dreigende uithuisplaatsing",
}
COMMITTEE_LABELS = {
    "jeugd": "deelcommissie Jeugdzorg en psychosociale/pedagogische preventie",
    "justitiele": "deelcommissie Justitiële interventies",
    "gezondheid": "deelcommissie Jeugdgezondheidszorg, preventie en gezondheidsbevordering",
    "onderwijs": "deelcommissie Ontwikkelingsstimulering, onderwijs en jeugdwelzijn",
    "onbekend": "commissie onbekend",
}
OFFENCE_LABELS = {"geen": "geen delict", "eerste": "eerste delict", "herhaald": "herhaald delict"}
PURPOSE_LABELS = {
    "jeugdinterventie": "interventie voor jongeren",
    "aanpak": "aanpak of voorziening",
    "maatregel": "maatregel of planningsmethode voor de gemeente",
    "instrument": "screenings- of risicotaxatie-instrument",
    "training": "training voor professionals",
}
KIND_IV_LABELS = {"interventie": "interventie", "aanpak": "aanpak", "gemeenschap": "gemeenschapsinterventie"}
SETTING_LABELS = {
    "school": "school",
    "gezin": "gezin",
    "wijk": "wijk/straat",
    "individueel": "individueel",
    "werk": "werk",
    "justitie": "justitie/zorg",
    "vrije_tijd": "vrije tijd/sport",
}
FORMAT_LABELS = {
    "individueel": "individueel",
    "groep": "groep",
    "gezin": "gezin",
    "school": "school/klas",
    "wijk": "wijk",
    "online": "online",
    "netwerk": "netwerk/samenwerking",
}


def or_unknown(value: object | None) -> str:
    """The value as text, or 'onbekend' when the sources do not give it."""
    if value is None or value == "" or value == [] or value == ():
        return ONBEKEND
    return str(value)


def age_range(iv: Intervention) -> str:
    """'12–18 jaar', 'vanaf 16 jaar', 'tot en met 11 jaar' or 'onbekend'."""
    lo, hi = iv.min_age, iv.max_age
    if lo is None and hi is None:
        return ONBEKEND
    if lo is not None and hi is not None:
        return f"{lo}–{hi} jaar"
    if lo is not None:
        return f"vanaf {lo} jaar"
    return f"tot en met {hi} jaar"


def recognition_text(rec: Recognition | None) -> str:
    """Recognition level with body, date and review status, or 'onbekend'."""
    if rec is None:
        return ONBEKEND
    text = rec.level
    if rec.outcome:
        text += f" voor {rec.outcome}"
    where = [w for w in (rec.body, COMMITTEE_LABELS[rec.committee] if rec.committee and rec.committee != "onbekend" else None) if w]
    if where:
        text += f" ({'; '.join(where)})"
    text += f", peildatum {rec.date:%d-%m-%Y}" if rec.date else ", datum onbekend"
    if rec.in_review:
        text += ", in herbeoordeling"
    return text


def audience_text(iv: Intervention) -> str:
    """Who it is for, in one line: prevention level and eligibility conditions ('onbekend' parts left out)."""
    parts = [PREVENTION_LABELS[iv.prevention]] if iv.prevention else ["preventieniveau onbekend"]
    parts += [REQUIREMENT_LABELS[r] for r in iv.requires]
    return "; ".join(parts)


def source_text(kk: Kenniskaart, ref: SourceRef) -> str:
    """'<title> (<publisher>, <year>), <section>'."""
    src = kk.by_id("sources").get(ref.source)
    if src is None:
        return f"{ref.source}, {ref.section}"
    year = f", {src.date.year}" if src.date else ""
    return f"{src.title} ({src.publisher}{year}), {ref.section}"


def sources_text(kk: Kenniskaart, refs: Iterable[SourceRef]) -> list[str]:
    return [source_text(kk, r) for r in refs]


def theme_names(kk: Kenniskaart, ids: Iterable[str]) -> list[str]:
    themes = kk.by_id("themes")
    return [themes[i].name for i in ids if i in themes]


def help_level_names(kk: Kenniskaart, ids: Iterable[str]) -> list[str]:
    levels = kk.by_id("help_levels")
    return [levels[i].name for i in ids if i in levels]


AGE_GROUP_LABELS: dict[str, str] = {g: (g.replace("-", "–") + " jaar" if g[0].isdigit() else g) for g in AGE_GROUPS}
"""A factor's age group as Dutch text: '12–18 jaar', 'volwassenen', 'algemeen'."""
