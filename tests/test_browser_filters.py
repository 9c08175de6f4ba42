"""Filter combinations on Factoren and Interventies in the real browser (via shared links,
which set the same widgets a user sets): no error box, and the count line is shown."""

from __future__ import annotations

import re

import pytest

from conftest import wait_for_app

pytestmark = pytest.mark.browser

FACTOR_COMBOS = [
    "soort=risico&bewijs=gefundeerd",
    "niveau_f=gezin,gemeenschap&soort=beschermend&thema=pmg-sociaal-netwerk",
    "nl=nee&kader=beke_kennissynthese&bewijs=plausibel&doelgroep=Jongeren",
    "zoek=drugs&bron=beke-praktijkscan-2022",
    "zoek=geen-enkele-factor-heet-zo&soort=risico",
]
INTERVENTION_COMBOS = [
    "lft=10&thema=pmg-persoonlijke-ontwikkeling",
    "lft=25&hulp=hulp-specialistisch&soort=aanpak",
    "erkenning=onbekend,goed onderbouwd&omgeving=school&vorm=groep",
    "factor=beke-r-drugsgebruik&soort=gemeenschap",
    "zoek=zzz-niets&lft=6",
]


@pytest.mark.parametrize("query", FACTOR_COMBOS)
def test_factor_filter_combinations(app_server, page, kk, query):
    page.goto(f"{app_server.url}/factoren?{query}")
    wait_for_app(page)
    text = page.locator("[data-testid=stMain]").inner_text()
    match = re.search(r"(\d+) van (\d+) factoren", text)
    assert match and int(match.group(2)) == len(kk.factors)
    if int(match.group(1)) == 0:
        assert "Geen factoren met deze filters" in text
    assert page.locator("[data-testid=stException]").count() == 0


@pytest.mark.parametrize("query", INTERVENTION_COMBOS)
def test_intervention_filter_combinations(app_server, page, kk, query):
    page.goto(f"{app_server.url}/interventies?{query}")
    wait_for_app(page)
    text = page.locator("[data-testid=stMain]").inner_text()
    match = re.search(r"(\d+) van (\d+) interventies", text)
    assert match and int(match.group(2)) == len(kk.interventions)
    if int(match.group(1)) == 0:
        assert "Geen interventies met deze filters" in text
    assert page.locator("[data-testid=stException]").count() == 0
    assert "Ongeldige" not in text and "Onbekende" not in text, "every value in the link is valid"
