"""Guidance from 'Samen Weerbaar – Kennisdocument' (seed 004, source samen-weerbaar-2024).

Checks content/guidance/samen_weerbaar.yaml against the counts and names the seed states:
five participation levels (§3.2), five conditions for collaboration (§3.3/§3.4), seven
helpful methods (§4.2), six implementation elements (§4.3), three components of collective
resilience (§4.5), four conclusions (§5.1), four knowledge gaps (§5.2), five
recommendations (§5.3) and the six guiding steps of Bijlage 3 with all their questions.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kenniskaart.content import SEEDS_DIR
from support.sources import read_source
from support.text import norm as _norm

SOURCE = "samen-weerbaar-2024"
SEED_FILE = "004_52e1e918b60fb36b.txt"

EXPECTED_COUNTS = {
    "participatieniveau": 5,
    "samenwerkingsvoorwaarde": 5,
    "helpende_methode": 7,
    "implementatie_element": 6,
    "collectieve_weerbaarheid": 3,
    "conclusie": 4,
    "kennislacune": 4,
    "aanbeveling": 5,
    "leidende_stap": 6,
    # review M3-M8: added from §2.1.2, §2.2.1, §2.2.2, §2.4, §3.3 and §4.3
    "gemeenschapsindicator": 1,
    "netwerkprincipe": 1,
    "route": 2,
    "opvoedondersteuning": 1,
    "kanttekening": 1,
}

PARTICIPATION_LEVELS = ["Informeren", "Consulteren", "Adviseren", "Co-creëren", "(Mee)beslissen"]

METHODS = [
    "Kennisoverdracht",
    "Ervaringskennis",
    "Positieve bekrachtiging",
    "Peer onderwijs en peer ondersteuning",
    "Trainer als rolmodel",
    "Oefenen van vaardigheden",
    "Doelen formuleren",
]

CONDITIONS = [
    "Investeren in onderling vertrouwen, elkaars leefwerelden en draagvlak",
    "Werken vanuit gelijkwaardigheid in samenwerking en eigenaarschap van de gemeenschap zelf",
    "Werken vanuit een gezamenlijk gedragen, concreet geformuleerde doelstelling, "
    "verwachtingen en evaluatiecyclus",
    "Uitrollen van een gezamenlijk gedragen interne en externe communicatiestrategie",
    "Zorgen voor voldoende financiële middelen en duurzame borging",
]

COMPONENTS = ["Sociale banden", "Sociale mobilisatie", "Community empowerment"]

# Number of question bullets ('v ...') per step in Bijlage 3, counted by hand.
QUESTIONS_PER_STEP = {1: 9, 2: 4, 3: 3, 4: 6, 5: 7, 6: 5}


def norm(text: str) -> str:
    """helpers.norm, keeping the hyphen of a word split at a line end (compounds)."""
    return _norm(text, keep_hyphen=True)


@pytest.fixture(scope="module")
def sw(kk):
    return [g for g in kk.guidance if g.id.startswith("sw-")]


@pytest.fixture(scope="module")
def seed() -> str:
    return read_source(SEEDS_DIR / SEED_FILE)


@pytest.fixture(scope="module")
def seed_norm(seed) -> str:
    return norm(seed)


def of_kind(items, kind):
    return sorted((g for g in items if g.kind == kind), key=lambda g: g.order)


def section(seed: str, start: str, end: str) -> str:
    i = seed.index(start)
    j = seed.index(end, i)
    return seed[i:j]


# --- counts and order -----------------------------------------------------------------


def test_counts_per_kind(sw):
    counts = Counter(g.kind for g in sw)
    assert dict(counts) == EXPECTED_COUNTS


@pytest.mark.parametrize("kind", sorted(EXPECTED_COUNTS))
def test_order_is_one_to_n(sw, kind):
    orders = [g.order for g in of_kind(sw, kind)]
    assert orders == list(range(1, EXPECTED_COUNTS[kind] + 1))


def test_ids_carry_prefix_per_kind(sw):
    prefix = {
        "participatieniveau": "sw-participatie-",
        "samenwerkingsvoorwaarde": "sw-voorwaarde-",
        "helpende_methode": "sw-methode-",
        "implementatie_element": "sw-implementatie-",
        "collectieve_weerbaarheid": "sw-collectief-",
        "conclusie": "sw-conclusie-",
        "kennislacune": "sw-lacune-",
        "aanbeveling": "sw-aanbeveling-",
        "gemeenschapsindicator": "sw-indicator-",
        "netwerkprincipe": "sw-netwerk-",
        "route": "sw-route-",
        "opvoedondersteuning": "sw-opvoed-",
        "kanttekening": "sw-kanttekening-",
    }
    for g in sw:
        if g.kind == "leidende_stap":
            assert g.id.startswith(f"sw-stap-{g.order}-"), g.id
        else:
            assert g.id.startswith(prefix[g.kind]), g.id


# --- sources ------------------------------------------------------------------------------


def test_every_item_sourced_to_samen_weerbaar(kk, sw):
    assert SOURCE in kk.by_id("sources")
    for g in sw:
        assert g.sources, g.id
        assert all(ref.source == SOURCE for ref in g.sources), g.id
        assert all(ref.section.strip() for ref in g.sources), g.id


def test_sections_point_to_the_right_part(sw):
    expected_section = {
        "participatieniveau": "§3.2",
        "samenwerkingsvoorwaarde": "§3.3.",
        "helpende_methode": "§4.2",
        "implementatie_element": "§4.3",
        "collectieve_weerbaarheid": "§4.",
        "conclusie": "§5.1",
        "kennislacune": "§5.2",
        "aanbeveling": "§5.3",
        "leidende_stap": "Bijlage 3",
        "gemeenschapsindicator": "§2.4",
        "netwerkprincipe": "§3.3",
        "route": "§2.",
        "opvoedondersteuning": "§2.2.2",
        "kanttekening": "§4.3",
    }
    for g in sw:
        assert expected_section[g.kind] in g.sources[0].section, (g.id, g.sources[0].section)


# --- participation levels -------------------------------------------------------------------


def test_participation_level_names_in_order(sw):
    assert [g.title for g in of_kind(sw, "participatieniveau")] == PARTICIPATION_LEVELS


@pytest.mark.sources
def test_participation_levels_in_seed_order(seed_norm):
    # §3.4 lists them as '(1) informeren, (2) consulteren, ... (5) (mee)beslissen'.
    listed = [f"({i}) {name.lower()}" for i, name in enumerate(PARTICIPATION_LEVELS, 1)]
    positions = [seed_norm.index(x) for x in listed]
    assert positions == sorted(positions)


@pytest.mark.sources
def test_participation_levels_match_seed_ladder(seed):
    ladder = norm(section(seed, "### 3.2 Vijf samenwerkingsniveaus", "### 3.3"))
    ladder = ladder.replace("co- creëren", "co-creëren")  # PDF conversion split the word
    for roman, name in zip(["i.", "ii.", "iii.", "iv.", "v."], PARTICIPATION_LEVELS, strict=False):
        expected = name.lower()
        if roman == "i.":
            expected = "informereren"  # the seed's own typo in the ladder list
        assert f"{roman} {expected}:" in ladder


# --- conditions, methods, implementation, components ------------------------------------


@pytest.mark.sources
def test_condition_titles_are_the_seed_headings(sw, seed_norm):
    titles = [g.title for g in of_kind(sw, "samenwerkingsvoorwaarde")]
    assert titles == CONDITIONS
    for i, title in enumerate(CONDITIONS, 1):
        assert f"3.3.{i} {norm(title)}" in seed_norm


def test_trust_condition_lists_eight_fishing_community_factors(sw):
    trust = of_kind(sw, "samenwerkingsvoorwaarde")[0]
    factor_item = next(i for i in trust.items if "vissersgemeenschap" in i)
    for word in ["lange adem", "neutrale mindset", "drempelvrees", "oprechte belangstelling",
                 "wederkerigheid", "praktische kennis", "actuele ontwikkelingen", "sleutelpersonen"]:
        assert word in factor_item


@pytest.mark.sources
def test_method_names_in_order_and_in_seed(sw, seed):
    assert [g.title for g in of_kind(sw, "helpende_methode")] == METHODS
    part = section(seed, "## 4.2 Methodisch", "### 4.3")
    seed_names = re.findall(r"^- (VII|VI|V|IV|III|II|I)\. ([^:]+):", part, flags=re.M)
    assert [n for n, _ in seed_names] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    for (_, seed_name), name in zip(seed_names, METHODS, strict=False):
        # The seed writes 'Peer onderwijs - en peer ondersteuning'; compare without dashes.
        assert norm(seed_name).replace(" - ", " ") == name.lower()


def test_method_resources(sw):
    methods = {g.title: g for g in of_kind(sw, "helpende_methode")}
    assert "familie" in methods["Kennisoverdracht"].items[0]
    assert "rolmodel" in methods["Ervaringskennis"].items[0]
    assert "familie, rolmodellen en peers" in methods["Oefenen van vaardigheden"].items[0]
    assert not methods["Doelen formuleren"].items


@pytest.mark.sources
def test_implementation_elements_match_seed_list(sw, seed):
    part = section(seed, "### 4.3 Behoeft inventarisatie", "Naast de inzet van de juiste methoden")
    bullets = [line for line in part.splitlines() if line.startswith("- ")]
    assert len(bullets) == EXPECTED_COUNTS["implementatie_element"]
    assert len(of_kind(sw, "implementatie_element")) == len(bullets)


@pytest.mark.sources
def test_collective_resilience_components(sw, seed_norm):
    comps = of_kind(sw, "collectieve_weerbaarheid")
    assert [g.title for g in comps] == COMPONENTS
    for name in COMPONENTS:
        assert name.lower() in seed_norm
    banden, mobilisatie, empowerment = comps
    # Five principles of social mobilisation (§4.1.2 / §4.5).
    assert len(mobilisatie.items) == 5
    for start in ["Persoonlijk contact", "Verantwoordelijkheid bij niet-naleving", "Normatief zijn",
                  "Identiteitsrelevantie", "Verbondenheid"]:
        assert any(i.startswith(start) for i in mobilisatie.items), start
    # Three components of community empowerment (§4.1.3) plus 'drukke straten'.
    for start in ["Intracommunity", "Interactionele", "Gedragsmatige"]:
        assert any(i.startswith(start) for i in empowerment.items), start
    assert any("drukke straten" in i for i in empowerment.items)
    assert any("paradox" in i for i in banden.items)


def test_conclusion_family_indicators(sw):
    first = of_kind(sw, "conclusie")[0]
    assert len(first.items) == 5  # 'vijf indicatoren op gezinsniveau' (§5.1)
    assert first.items[0].startswith("Opvoedvaardigheden")
    assert "elf indicatoren" in first.text


def test_conclusion_trust_has_four_reporting_factors(sw):
    second = of_kind(sw, "conclusie")[1]
    assert len(second.items) == 4
    assert any("response-efficacy" in i for i in second.items)
    assert any("self-efficacy" in i for i in second.items)


@pytest.mark.sources
def test_recommendations_follow_seed_numbering(sw, seed):
    part = norm(section(seed, "### 5.3 Aanbevelingen", "# Literatuurlijst"))
    for n, key in enumerate(["onderzoek wat de behoefte is", "richt gezins- en gemeenschapsinterventies",
                             "zet in op samenwerking vanuit een duurzame visie",
                             "richt interventies ter versterking van weerbaarheid",
                             "voer lokaal verdiepend onderzoek uit"], 1):
        assert f"{n}. {key}" in part
    assert len(of_kind(sw, "aanbeveling")) == 5


# --- Bijlage 3: six guiding steps -----------------------------------------------------------


def seed_questions_per_step(seed: str) -> dict[int, int]:
    part = section(seed, "## Bijlage 3", "-Einde document-")
    counts: dict[int, int] = {}
    step = None
    for line in part.splitlines():
        m = re.match(r"<b>(\d) ", line)
        if m:
            step = int(m.group(1))
            counts[step] = 0
        elif step is not None and re.match(r"(<i>)?v ", line):
            counts[step] += 1
    return counts


@pytest.mark.sources
def test_seed_has_six_steps_with_counted_questions(seed):
    assert seed_questions_per_step(seed) == QUESTIONS_PER_STEP
    assert sum(QUESTIONS_PER_STEP.values()) == 34


def test_each_step_has_all_its_questions(sw):
    steps = of_kind(sw, "leidende_stap")
    assert {g.order: len(g.items) for g in steps} == QUESTIONS_PER_STEP


def test_step_questions_are_questions(sw):
    for g in of_kind(sw, "leidende_stap"):
        for q in g.items:
            assert "?" in q, (g.id, q)


@pytest.mark.sources
def test_step_titles_follow_seed_headings(sw, seed):
    part = section(seed, "## Bijlage 3", "-Einde document-")
    headings = {int(n): norm(h) for n, h in re.findall(r"^<b>(\d) (.+?)</b>", part, flags=re.M)}
    assert sorted(headings) == [1, 2, 3, 4, 5, 6]
    keywords = {1: "verken", 2: "droom", 3: "stel gezamenlijk doelen op",
                4: "houding en samenwerking", 5: "planning, acties en borging",
                6: "vier (kleine) successen"}
    for g in of_kind(sw, "leidende_stap"):
        kw = keywords[g.order]
        assert kw in g.title.lower(), g.title
        assert kw in headings[g.order], headings[g.order]


def test_specific_step_questions_present(sw):
    steps = {g.order: g for g in of_kind(sw, "leidende_stap")}
    assert any("probleemdragers, oplossers of veroorzakers" in q for q in steps[1].items)
    assert any("als we niets doen" in q for q in steps[1].items)
    assert any("participatieladder" in q for q in steps[3].items)
    assert steps[5].items[0] == "Zijn er voldoende financiële middelen?"
    assert any("escalatielijnen" in q for q in steps[6].items)
