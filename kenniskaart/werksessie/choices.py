"""Which risks a participant sees first, and the search over them (pure: no Streamlit)."""

from __future__ import annotations

from collections import Counter

from ..catalog import factor_choice_id
from ..content import Kenniskaart
from ..factors import markable
from ..search import expand, intervention_factor_ids, matching_factor_ids
from ..vocabulary import EVIDENCE_RANK

MOST_USED = 8
"""Besides the gefundeerde factors, this many factors the most catalogue interventions address."""


def risk_choices(kk: Kenniskaart) -> list[str]:
    """Every risk a participant can mark: the featured ones first, then the others."""
    featured = featured_factors(kk)
    return featured + other_factors(kk, featured)


def risk_search(kk: Kenniskaart, query: str, choices: list[str]) -> list[str]:
    """The ``choices`` a query in everyday words finds (in ``choices`` order): the factors whose
    name, category or description has a query word or one of its synonyms (``kenniskaart.search``,
    the content's synonym groups), a twin's match counting for its choice."""
    terms = expand(kk, query)
    if not terms:
        return []
    found = {factor_choice_id(kk, f) for f in matching_factor_ids(kk, terms)}
    return [f for f in choices if f in found]


def featured_factors(kk: Kenniskaart, most_used: int = MOST_USED) -> list[str]:
    """The risks shown first: Beke's gefundeerde (dynamic) risk factors, then the dynamic risk
    factors the most catalogue interventions address (the ones used most in practice)."""
    choices = markable(kk, ("risico",))
    factors = kk.by_id("factors")
    first = [f for f in choices if factors[f].evidence == "gefundeerd" and factors[f].age_groups != ("volwassenen",)]
    used: Counter[str] = Counter()
    for iv in kk.interventions:
        used.update({factor_choice_id(kk, f) for f in intervention_factor_ids(iv)})
    rest = sorted((f for f in choices if f not in first and used[f] > 0),
                  key=lambda f: (-used[f], factors[f].name.casefold()))
    return first + rest[:most_used]


def other_factors(kk: Kenniskaart, featured: list[str]) -> list[str]:
    """Every other markable risk factor, by level, strongest evidence first."""
    factors = kk.by_id("factors")
    levels = {"individu": 0, "gezin": 1, "gemeenschap": 2}
    return sorted(
        (f for f in markable(kk, ("risico",)) if f not in featured),
        key=lambda f: (factors[f].kind != "risico", levels.get(factors[f].level, 9),
                       EVIDENCE_RANK.get(factors[f].evidence, 9), factors[f].name.casefold()),
    )
