"""Practice examples: the 62 BOTOC interventions (seed 002, Bijlage 2) and the PmG examples
(seed 003). These tests fail on a missing, misnamed or misclassified example."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kenniskaart.content import SEEDS_DIR
from support.sources import read_source
from support.text import norm

BOTOC_SEED = "002_3b3c208253e55ed3.txt"
PMG_SEED = "003_8305fceb0cb04118.txt"
KAMERBRIEF_SEED = "000_9890f513f3dc8336.txt"

# Per municipality the codes listed in Bijlage 2 (AMS1-8, ARN1-6, ...).
BOTOC_COUNTS = {
    "Amsterdam": 8,
    "Arnhem": 6,
    "Den Haag": 8,
    "Eindhoven": 13,
    "Rotterdam": 11,
    "Tilburg": 10,
    "Utrecht": 3,
    "Zaanstad": 3,
}
PREFIX = {
    "Amsterdam": "AMS",
    "Arnhem": "ARN",
    "Den Haag": "DH",
    "Eindhoven": "EIN",
    "Rotterdam": "ROT",
    "Tilburg": "TIL",
    "Utrecht": "UTR",
    "Zaanstad": "ZAA",
}
EXPECTED_CODES = {f"{PREFIX[m]}{i}" for m, n in BOTOC_COUNTS.items() for i in range(1, n + 1)}

# The nine interventions marked with an asterisk in Bijlage 2 (= the nine not carried on, §2.2).
NOT_CARRIED_ON = {"EIN3", "EIN4", "EIN5", "EIN7", "EIN11", "EIN13", "TIL4", "TIL5", "TIL6"}


@pytest.fixture(scope="module")
def botoc(kk):
    return {ex.code: ex for ex in kk.examples if ex.kind == "botoc"}


@pytest.fixture(scope="module")
def pmg(kk):
    return {ex.id: ex for ex in kk.examples if ex.kind == "pmg"}


@pytest.fixture(scope="module")
def botoc_seed():
    text = read_source(SEEDS_DIR / BOTOC_SEED)
    return text[text.index("Bijlage 2\n\nOverzicht van interventies") :]


@pytest.fixture(scope="module")
def pmg_seed():
    return read_source(SEEDS_DIR / PMG_SEED)


# --- BOTOC -----------------------------------------------------------------------------


@pytest.mark.sources
def test_botoc_total_is_62_as_the_seeds_state(botoc, kk):
    assert len([ex for ex in kk.examples if ex.kind == "botoc"]) == 62
    assert len(botoc) == 62
    full = norm(read_source(SEEDS_DIR / BOTOC_SEED))
    assert "in totaal is er gekeken naar 62 interventies" in full
    letter = norm(read_source(SEEDS_DIR / KAMERBRIEF_SEED))
    assert "53 van de 62 interventies" in letter


def test_botoc_counts_per_municipality(botoc):
    counts = Counter(ex.municipality for ex in botoc.values())
    assert dict(counts) == BOTOC_COUNTS
    assert sum(BOTOC_COUNTS.values()) == 62


@pytest.mark.sources
def test_botoc_codes_match_the_seed(botoc, botoc_seed):
    assert set(botoc) == EXPECTED_CODES
    seed_codes = set(re.findall(r"^([A-Z]{2,3}\d{1,2}) •", botoc_seed, flags=re.M))
    assert seed_codes == EXPECTED_CODES


@pytest.mark.parametrize("code", sorted(EXPECTED_CODES))
def test_botoc_item_fields(botoc, code):
    ex = botoc[code]
    assert ex.id == f"botoc-{code.lower()}"
    assert ex.code == code
    municipality = next(m for m, p in PREFIX.items() if re.fullmatch(p + r"\d+", code))
    assert ex.municipality == municipality
    assert ex.praktijkscan_themes_basis == "team"
    assert ex.praktijkscan_themes, f"{code}: geen praktijkscan-thema afgeleid"
    assert any(
        s.source == "beke-praktijkscan-2022" and s.section.startswith(f"Bijlage 2, {municipality}")
        for s in ex.sources
    )


def _seed_code_names(botoc_seed: str) -> dict[str, str]:
    """Code -> name as listed in Bijlage 2 (a name may continue on the next non-empty line)."""
    lines = botoc_seed.splitlines()
    names = {}
    for i, line in enumerate(lines):
        m = re.match(r"^([A-Z]{2,3}\d{1,2}) • (.+)$", line)
        if not m:
            continue
        name = m.group(2).strip()
        nxt = next((following.strip() for following in lines[i + 1 :] if following.strip()), "")
        if not nxt.startswith("Thema") and not re.match(r"^[A-Z]{2,3}\d{1,2} •", nxt):
            name = f"{name} {nxt}"
        names[m.group(1)] = name
    return names


@pytest.mark.sources
def test_botoc_names_match_the_seed(botoc, botoc_seed):
    names = _seed_code_names(botoc_seed)
    assert set(names) == EXPECTED_CODES
    for code, ex in botoc.items():
        assert norm(ex.name) == norm(names[code]), code


@pytest.mark.sources
def test_botoc_not_carried_on_matches_asterisks_and_53_of_62(botoc, botoc_seed):
    starred = {c for c, n in _seed_code_names(botoc_seed).items() if n.endswith("*")}
    assert starred == NOT_CARRIED_ON
    not_done = {c for c, ex in botoc.items() if ex.status and ex.status.startswith("Niet doorgegaan")}
    assert not_done == NOT_CARRIED_ON
    assert 62 - len(not_done) == 53
    text = norm(read_source(SEEDS_DIR / BOTOC_SEED))
    assert "van de 62 interventies zijn 53 interventies ook daadwerkelijk in de praktijk gebracht" in text
    assert "vijf van de negen interventies die niet zijn doorgezet" in text


def test_botoc_status_named_in_section_2_2(botoc):
    assert "60" in botoc["ARN1"].status and botoc["ARN1"].status.startswith("Uitgevoerd")
    assert "Schoon Schip" in botoc["ROT1"].status
    assert botoc["ARN5"].status.startswith("Aangepast")
    assert "Kapot Sterk" in botoc["UTR3"].status


def _with_theme(botoc, theme):
    return [ex for ex in botoc.values() if theme in ex.praktijkscan_themes]


@pytest.mark.parametrize(
    ("theme", "n_interventions", "n_municipalities"),
    [
        # §3.1.1: vijf interventies verdeeld over vier gemeenten
        ("ps-versterken-ouderrol", 5, 4),
        # §3.1.1: drie interventies, verdeeld over drie gemeenten
        ("ps-criminele-families", 3, 3),
        # §3.1.1: zes interventies verspreid over vier gemeenten
        ("ps-opsporing-vervolging", 6, 4),
        # §3.1.2: twee gemeenten, verdeeld over twee interventies
        ("ps-online-leefwereld", 2, 2),
        # §3.1.1: 21 interventies raken aan gedragsinterventies en identiteitsvorming
        ("ps-gedrag-identiteit", 21, 8),
    ],
)
def test_derived_themes_match_seed_counts(botoc, theme, n_interventions, n_municipalities):
    items = _with_theme(botoc, theme)
    assert len(items) == n_interventions
    assert len({ex.municipality for ex in items}) == n_municipalities


def test_derived_youth_work_theme_and_not_carried_on(botoc):
    # §2.2: vijf van de negen niet doorgezette interventies richten zich op straatcoaches of
    # jongerenwerk; daarnaast zijn vroegsignaleringsinterventies ingetrokken.
    stopped = [botoc[c] for c in NOT_CARRIED_ON]
    assert sum("ps-straatcoaches-jongerenwerk" in ex.praktijkscan_themes for ex in stopped) == 5
    assert sum("ps-vroegsignalering" in ex.praktijkscan_themes for ex in stopped) >= 2


def test_derived_work_theme_has_seven_and_named_examples(botoc):
    # §3.1.1: zeven interventies raken aan werktoeleiding; vier worden bij naam genoemd.
    items = {ex.code for ex in _with_theme(botoc, "ps-werk-opleiding")}
    assert len(items) == 7
    assert {"AMS1", "ARN4", "DH6", "ROT1"} <= items


def test_named_recognised_interventions_are_linked(botoc):
    assert "pit" in botoc["ARN3"].interventions
    assert "ajb" in botoc["EIN2"].interventions and "ajb" in botoc["ROT2"].interventions
    assert "rots-en-water" in botoc["EIN10"].interventions
    assert "alles-kidzzz" in botoc["EIN8"].interventions
    assert "triple-p" in botoc["EIN9"].interventions
    assert "prospect4cash" in botoc["ARN4"].interventions


def test_botoc_factor_links_are_theme_level_with_note(botoc):
    """Every BOTOC link rests on a §3.1.1 theme sentence: provenance 'thema' (review D10); the one
    exception is the team's reading of EIN3 (budget coach) for debts (review 2, F8), said as such."""
    linked = [(ex.code, fl) for ex in botoc.values() for fl in ex.factors]
    assert linked
    for code, fl in linked:
        if fl.basis == "team":
            assert code == "EIN3" and fl.note.startswith("Afgeleid door het team") and "budgetcoach" in fl.note
            continue
        assert fl.basis == "thema" and fl.note and "§3.1.1" in fl.note
    assert {fl.factor for code, fl in linked if fl.basis == "team"} == {"beke-r-schuldenproblematiek",
                                                                         "beke-r-rol-financieel-kwetsbaar"}
    fam = {
        ex.code
        for ex in botoc.values()
        if any(fl.factor == "beke-r-familiebanden-georganiseerde-criminaliteit" for fl in ex.factors)
    }
    assert fam == {"DH2", "TIL1", "UTR2"}


# --- PmG ---------------------------------------------------------------------------------


def _fig(ex, label):
    return next(f.value for f in ex.figures if f.label == label)


def test_pmg_ajb(pmg):
    ex = pmg["pmg-ajb"]
    assert _fig(ex, "Extra aangemelde jongeren") == "576"
    assert _fig(ex, "Gemeenten") == "6"
    assert _fig(ex, "Leeftijd doelgroep") == "12 tot en met 18 jaar"
    assert ex.municipality is None
    assert ex.interventions == ["ajb"]
    assert ex.pmg_themes == ["pmg-persoonlijke-ontwikkeling"]


def test_pmg_halt_spreekuur(pmg):
    nw = pmg["pmg-halt-spreekuur-nieuwegein"]
    assert nw.municipality == "Nieuwegein"
    assert _fig(nw, "Doorverwezen leerlingen") == "33"
    assert _fig(nw, "Scholen met Halt-spreekuur in Nieuwegein") == "2"
    total = pmg["pmg-halt-spreekuur"]
    assert total.municipality is None
    assert _fig(total, "Scholen met Halt-spreekuur") == "18"
    assert _fig(total, "Gemeenten") == "6"
    assert nw.pmg_themes == total.pmg_themes == ["pmg-onderwijs"]


def test_pmg_alles_kidzzz(pmg):
    ex = pmg["pmg-alles-kidzzz"]
    assert ex.interventions == ["alles-kidzzz"]
    assert (_fig(ex, "Aangemelde kinderen"), _fig(ex, "Scholen"), _fig(ex, "Gemeenten")) == ("25", "14", "2")


PMG_FIGURES = [
    ("pmg-schoolverzuim", None, "Jongeren die meedoen aan de aanpak", "431"),
    ("pmg-schoolverzuim", None, "Gemeenten", "3"),
    ("pmg-veiligheidsconvenanten-scholen", None, "Scholen in de convenanten", "12"),
    ("pmg-eindhoven-digitaal-overleg-scholen", "Eindhoven", "Ondersteunde scholen in Eindhoven", "44"),
    ("pmg-docenten-grensoverschrijdend-gedrag", None, "Getrainde docenten", "109"),
    ("pmg-online-weerbaarheid", None, "Jongerenwerkers getraind in online werken", "22"),
    ("pmg-werktoeleiding", None, "Deelnemers aan PmG-interventies die een baan kregen", "251"),
    ("pmg-casemanagers-den-haag", "Den Haag", "Begeleide jongeren (tot en met 31 januari 2024)", "32"),
    ("pmg-prospect4cash-arnhem", "Arnhem", "Leeftijd doelgroep", "16 tot 21 jaar"),
    ("pmg-screeningsmodel-groningen", "Groningen", "Kinderdagopvanglocaties", "5"),
    ("pmg-specialistisch-jongerenwerk", None, "Begeleide jongeren", "106"),
    ("pmg-straatcoaches-boas", None, "Straatcoaches", "13 fte"),
    ("pmg-straatcoaches-boas", None, "Boa's", "18 fte"),
    ("pmg-straatcoaches-boas", None, "Officiële waarschuwingen door boa's", "166"),
    ("pmg-straatcoaches-boas", None, "Doorverwijzingen naar Halt door boa's", "73"),
    ("pmg-wijk-actie-teams-amsterdam", "Amsterdam", "Wijk Actie Teams in Amsterdam", "2"),
    ("pmg-familieaanpak-tilburg", "Tilburg", "Betrokken gezinnen", "25"),
    ("pmg-familieaanpak-tilburg", "Tilburg", "Gezinnen nog in intensieve begeleiding", "14"),
    ("pmg-gezinnen-na-inval-lelystad", "Lelystad", "Begeleide gezinnen", "10"),
    ("pmg-persoonsgerichte-aanpak-regisseurs", None, "Extra regisseurs", "18"),
    ("pmg-persoonsgerichte-aanpak-regisseurs", None, "Jongeren aangemeld voor een persoonsgerichte aanpak", "230"),
    ("pmg-schakelteam-breda", "Breda", "Aangemelde jongeren met uitgezet traject (eerste zeven maanden)", "44"),
    ("pmg-multi-team-leeuwarden", "Leeuwarden", "Jongeren aangemeld voor screening en triage", "46"),
    ("pmg-wijkrechtspraak", None, "Gemeenten met wijkrechtspraak", "6"),
    ("pmg-nazorg-detentie-rotterdam", "Rotterdam",
     "(Ex-)gedetineerde jongeren in een traject (tot 1 januari 2024)", "31"),
    ("pmg-nazorg-detentie-rotterdam", "Rotterdam", "Leeftijd doelgroep", "16 tot 27 jaar"),
    ("pmg-re-integratieofficier", None, "PmG-gemeenten met re-integratieofficieren", "4"),
]


@pytest.mark.parametrize(
    ("ex_id", "municipality", "label", "value"), PMG_FIGURES, ids=[f"{e}-{v}" for e, _, _, v in PMG_FIGURES]
)
def test_pmg_figures(pmg, ex_id, municipality, label, value):
    ex = pmg[ex_id]
    assert ex.municipality == municipality
    assert _fig(ex, label) == value


@pytest.mark.sources
def test_pmg_numbers_occur_in_seed(pmg, pmg_seed):
    """Every figure of two or more digits is literally in the PmG report."""
    for ex in pmg.values():
        for f in ex.figures:
            for number in re.findall(r"\d{2,}", f.value):
                assert re.search(rf"\b{number}\b", pmg_seed), (ex.id, f.label, number)


@pytest.mark.sources
def test_pmg_municipalities_occur_in_seed(pmg, pmg_seed):
    named = {ex.municipality for ex in pmg.values() if ex.municipality}
    assert named == {
        "Eindhoven", "Nieuwegein", "Heerlen", "Den Haag", "Arnhem", "Groningen", "Zaanstad",
        "Schiedam", "Amsterdam", "Tilburg", "Lelystad", "Utrecht", "Breda", "Leeuwarden", "Rotterdam",
    }
    for m in named:
        assert m in pmg_seed


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("pmg-onderwijs", {
            "pmg-schoolverzuim", "pmg-veiligheidsconvenanten-scholen",
            "pmg-eindhoven-digitaal-overleg-scholen", "pmg-halt-spreekuur-nieuwegein",
            "pmg-halt-spreekuur", "pmg-docenten-grensoverschrijdend-gedrag",
            "pmg-preventieve-leerkracht-heerlen"}),
        ("pmg-werk-inkomen", {
            "pmg-werktoeleiding", "pmg-casemanagers-den-haag", "pmg-ipta", "pmg-prospect4cash-arnhem"}),
        ("pmg-persoonlijke-ontwikkeling", {
            "pmg-screeningsmodel-groningen", "pmg-alles-kidzzz", "pmg-ajb"}),
        ("pmg-sociaal-netwerk", {
            "pmg-straatcoaches-boas", "pmg-straatcontract-schiedam", "pmg-wijk-actie-teams-amsterdam",
            "pmg-familieaanpak-tilburg", "pmg-gezinnen-na-inval-lelystad",
            "pmg-familieaanpak-nieuwe-gemeenten", "pmg-ondersteuning-ouders"}),
        ("pmg-criminaliteit-reintegratie", {
            "pmg-wijkrechtspraak", "pmg-reclassering-coordinatoren", "pmg-rvdk-casusregisseurs",
            "pmg-jeugdagent", "pmg-om-kernteams", "pmg-jeugdreclassering-verharde-doelgroep",
            "pmg-nazorg-detentie-rotterdam", "pmg-re-integratieofficier"}),
    ],
)
def test_pmg_examples_under_their_theme_section(pmg, theme, expected):
    assert {i for i, ex in pmg.items() if theme in ex.pmg_themes} == expected


def test_pmg_help_levels_from_niveaus_section(pmg):
    assert pmg["pmg-jongerenwerk-zaanstad"].help_levels == ["hulp-positief"]
    assert pmg["pmg-jongerenwerk-zaanstad"].municipality == "Zaanstad"
    assert pmg["pmg-specialistisch-jongerenwerk"].help_levels == ["hulp-intensief"]
    for i in ("pmg-familieaanpak-tilburg", "pmg-persoonsgerichte-aanpak-regisseurs",
              "pmg-re-integratieofficier", "pmg-nazorg-detentie-rotterdam"):
        assert pmg[i].help_levels == ["hulp-specialistisch"], i


def test_pmg_count_and_sources(pmg):
    assert len(pmg) == 37
    for ex in pmg.values():
        assert ex.id.startswith("pmg-")
        assert all(s.source == "pmg-rapportage-2024" for s in ex.sources)


# --- references ------------------------------------------------------------------------------


def test_every_reference_resolves(kk):
    interventions = kk.by_id("interventions")
    factors = kk.by_id("factors")
    themes = kk.by_id("themes")
    levels = kk.by_id("help_levels")
    for ex in kk.examples:
        for iv in ex.interventions:
            assert iv in interventions, (ex.id, iv)
        for fl in ex.factors:
            assert fl.factor in factors, (ex.id, fl.factor)
        for t in ex.pmg_themes:
            assert themes[t].kind == "pmg", (ex.id, t)
        for t in ex.praktijkscan_themes:
            assert themes[t].kind == "praktijkscan", (ex.id, t)
        for h in ex.help_levels:
            assert h in levels, (ex.id, h)
