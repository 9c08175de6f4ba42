"""Filter combinations on Factoren and Interventies in the real browser (via shared links, which
set the same widgets a user sets). Every row the page's table shows (read through the grid's
accessible table, the one a screen reader reads) satisfies every filter of the link, the rows are
exactly the ones that do, and each filter of a combination narrows the result: a page that
ignores one filter shows rows that break it."""

from __future__ import annotations

import re

import pytest

from kenniskaart.search import search
from support.browser import grid_rows, no_exception, wait_for_app


def _age_fits(iv, age: int) -> bool:
    """The range includes ``age``, or the sources give no age (then 'onbekend' stays in)."""
    if iv.min_age is None and iv.max_age is None:
        return True
    lo = 0 if iv.min_age is None else iv.min_age
    hi = 99 if iv.max_age is None else iv.max_age
    return lo <= age <= hi


def _found(kind: str, query: str):
    return lambda kk, item: item.id in {x.id for x in getattr(search(kk, query), kind)}


# query → one condition per filter in it, written out here (not the page's filter code); the
# search itself is the product's everyday-words search (tested on its own in test_search.py).
FACTOR_COMBOS = {
    "soort=risico&bewijs=robuust": [
        lambda kk, f: f.kind == "risico",
        lambda kk, f: f.evidence == "robuust",
    ],
    "niveau_f=gezin,gemeenschap&soort=beschermend&thema=pmg-sociaal-netwerk": [
        lambda kk, f: f.level in ("gezin", "gemeenschap"),
        lambda kk, f: f.kind == "beschermend",
        lambda kk, f: "pmg-sociaal-netwerk" in f.pmg_themes,
    ],
    "nl=nee&doelgroep=Algemeen&niveau_f=gemeenschap": [
        lambda kk, f: f.studied_in_nl is False,
        lambda kk, f: f.target_group == "Algemeen",
        lambda kk, f: f.level == "gemeenschap",
    ],
    "zoek=drugs&bron=beke-praktijkscan-2022": [
        _found("factors", "drugs"),
        lambda kk, f: any(r.source == "beke-praktijkscan-2022" for r in f.sources),
    ],
    "zoek=geen-enkele-factor-heet-zo&soort=risico": [
        _found("factors", "geen-enkele-factor-heet-zo"),
        lambda kk, f: f.kind == "risico",
    ],
}
INTERVENTION_COMBOS = {
    "lft=10&thema=pmg-persoonlijke-ontwikkeling": [
        lambda kk, iv: _age_fits(iv, 10),
        lambda kk, iv: "pmg-persoonlijke-ontwikkeling" in iv.pmg_themes,
    ],
    "lft=25&hulp=hulp-specialistisch&soort=interventie": [
        lambda kk, iv: _age_fits(iv, 25),
        lambda kk, iv: "hulp-specialistisch" in iv.help_levels,
        lambda kk, iv: iv.kind == "interventie",
    ],
    "erkenning=onbekend,goed onderbouwd&omgeving=school&vorm=groep": [
        lambda kk, iv: (iv.recognition.level if iv.recognition else "onbekend") in ("onbekend", "goed onderbouwd"),
        lambda kk, iv: "school" in iv.settings,
        lambda kk, iv: "groep" in iv.formats,
    ],
    "factor=beke-r-antisociale-persoonlijkheidskenmerken&soort=aanpak": [
        lambda kk, iv: (
            set(kk.twin_ids("beke-r-antisociale-persoonlijkheidskenmerken")) & {link.factor for link in iv.factors}
        ),
        lambda kk, iv: iv.kind == "aanpak",
    ],
    "zoek=zzz-niets&lft=6": [
        _found("interventions", "zzz-niets"),
        lambda kk, iv: _age_fits(iv, 6),
    ],
}


def _expected(kk, items, conditions):
    """The items that meet every condition; and (the test's own check) each condition narrows:
    without it more items would pass, so a page that ignores it must show a row that breaks it.
    An empty combination only needs to be empty."""
    keep = [x for x in items if all(c(kk, x) for c in conditions)]
    if keep:
        for i in range(len(conditions)):
            others = [c for j, c in enumerate(conditions) if j != i]
            assert len([x for x in items if all(c(kk, x) for c in others)]) > len(keep), (
                f"filter {i + 1} of this combination removes nothing: pick another combination"
            )
    return keep


def _count(page, noun: str, total: int) -> int:
    text = page.locator("[data-testid=stMain]").inner_text()
    match = re.search(rf"(\d+) van (\d+) {noun}", text)
    assert match and int(match.group(2)) == total, text[:500]
    return int(match.group(1))


def _shown_names(page, column: str) -> list[str]:
    """The first column of every table the page shows in its main area, in order."""
    names = []
    for grid in page.locator("[data-testid=stMain] [data-testid=stDataFrame]").all():
        names += [row[column] for row in grid_rows(grid)]
    return names


@pytest.mark.parametrize("query", FACTOR_COMBOS)
def test_factor_filter_combinations(app_server, page, kk, query):
    expected = _expected(kk, kk.factors, FACTOR_COMBOS[query])
    page.goto(f"{app_server.url}/factoren?{query}")
    wait_for_app(page)
    no_exception(page)
    assert _count(page, "factoren", len(kk.factors)) == len(expected) < len(kk.factors)
    if not expected:
        assert "Geen factoren met deze filters" in page.locator("[data-testid=stMain]").inner_text()
        assert page.locator("[data-testid=stMain] [data-testid=stDataFrame]").count() == 0
        return
    shown = _shown_names(page, "factor")
    # every shown row meets every filter, and every factor that meets them is shown
    by_name = {}
    for f in kk.factors:
        by_name.setdefault(f.name, []).append(f)
    breaking = [n for n in shown if not any(all(c(kk, f) for c in FACTOR_COMBOS[query]) for f in by_name[n])]
    assert breaking == [], f"rows that break the filters {query}: {breaking}"
    assert sorted(shown) == sorted(f.name for f in expected)


@pytest.mark.parametrize("query", INTERVENTION_COMBOS)
def test_intervention_filter_combinations(app_server, page, kk, query):
    expected = _expected(kk, kk.interventions, INTERVENTION_COMBOS[query])
    page.goto(f"{app_server.url}/interventies?{query}")
    wait_for_app(page)
    text = page.locator("[data-testid=stMain]").inner_text()
    no_exception(page)
    assert "Ongeldige" not in text and "Onbekende" not in text, "every value in the link is valid"
    assert _count(page, "interventies", len(kk.interventions)) == len(expected) < len(kk.interventions)
    if not expected:
        assert "Geen interventies met deze filters" in text
        assert page.locator("[data-testid=stMain] [data-testid=stDataFrame]").count() == 0
        return
    # both tables: for a young person, and 'Voor school of gemeente'
    shown = _shown_names(page, "interventie")
    by_name = {iv.name: iv for iv in kk.interventions}
    breaking = [n for n in shown if not all(c(kk, by_name[n]) for c in INTERVENTION_COMBOS[query])]
    assert breaking == [], f"rows that break the filters {query}: {breaking}"
    assert sorted(shown) == sorted(iv.name for iv in expected)
