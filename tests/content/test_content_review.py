"""The content review of November 2026 (shared/reference/content-review.md): one test per
defect D1-D24 that it is fixed, and one per missing item M1-M8 that it is visible on a page.

Tests that compare with a seed read it through ``read_source`` (skipped on a clone without
../shared). The AppTests open the page a user would open (Lessen parts via ``?onderdeel=``).
"""

from __future__ import annotations

import re

import pytest

from kenniskaart.content import SEEDS_DIR, Kenniskaart
from support.sources import read_source
from support.text import compact

SEED_002 = SEEDS_DIR / "002_3b3c208253e55ed3.txt"
SEED_003 = SEEDS_DIR / "003_8305fceb0cb04118.txt"
SEED_004 = SEEDS_DIR / "004_52e1e918b60fb36b.txt"


def plain(text: str) -> str:
    """Page text without the Markdown escapes of ``ui.md``."""
    return re.sub(r"\\(.)", r"\1", text)


def factor(kk: Kenniskaart, fid: str):
    return kk.by_id("factors")[fid]


def iv(kk: Kenniskaart, iid: str):
    return kk.by_id("interventions")[iid]


def links(item) -> dict:
    return {link.factor: link for link in item.factors}


# --- factors (D1-D9) ------------------------------------------------------------------

GEZIN = ["beke-r-familiebanden-georganiseerde-criminaliteit", "beke-r-minder-stabiele-gezinssituatie",
         "beke-r-familiebanden-emotionele-relaties"]
GEMEENSCHAP = ["beke-r-buurt-criminele-groep", "beke-r-buurt-criminele-code", "beke-r-gebrek-sociale-controle",
               "beke-r-gebrek-werkgelegenheid", "beke-r-slechte-economische-omstandigheden",
               "beke-r-rol-criminele-groepen-omgeving"]


@pytest.mark.sources
def test_beke_family_and_neighbourhood_factors_have_their_level(kk):
    seed = compact(read_source(SEED_004))
    assert compact("Het hebben van familieleden in de georganiseerde criminaliteit** (gefundeerd)") in seed
    assert compact("de lijst gescand om het gemeenschapsniveau expliciet te duiden") in seed
    for fid in GEZIN:
        assert factor(kk, fid).level == "gezin", fid
    for fid in GEMEENSCHAP:
        assert factor(kk, fid).level == "gemeenschap", fid
    # every re-levelled Beke factor says on what its level rests
    for f in kk.factors:
        if f.framework == "beke_kennissynthese" and f.level != "individu":
            assert "Samen Weerbaar" in f.note or "lezing van het team" in f.note, f.id


@pytest.mark.sources
def test_beke_protective_factors_rest_on_qualitative_research(kk):
    seed = compact(read_source(SEED_004))
    assert compact("Zij presenteren een aantal (plausibele) beschermende factoren, leunend op kwalitatieve "
                   "onderzoeken") in seed
    beke_b = [f for f in kk.factors if f.id.startswith("beke-b-")]
    assert len(beke_b) == 13
    for f in beke_b:
        assert f.evidence == "kwalitatief", f.id
        assert any(s.source == "samen-weerbaar-2024" and "§2.2.2" in s.section for s in f.sources), f.id


def test_older_age_as_risk_and_as_protection_is_explained(kk):
    assert "Hogere leeftijd" in factor(kk, "beke-b-hoge-leeftijd").note
    assert "Hoge leeftijd" in factor(kk, "beke-r-hogere-leeftijd").note


def test_the_26_vs_24_note_appears_once(kk):
    for f in kk.factors:
        assert f.note is None or "26 van de 47" not in f.note, f.id
    caveat = kk.by_id("guidance")["beke-kanttekening-volwassenen"]
    assert any("26 van de 47" in i and "24" in i for i in caveat.items)


def test_no_invented_detail_in_two_beke_descriptions(kk):
    assert "empathie" not in factor(kk, "beke-r-antisociale-persoonlijkheidskenmerken").description
    assert "arbeidsmarkt" not in factor(kk, "beke-r-laag-opleidingsniveau").description


@pytest.mark.sources
def test_neighbourhood_criminal_group_is_not_robust(kk):
    seed = compact(read_source(SEED_002))
    assert compact("Wonen in een buurt waar een georganiseerde criminele groep opereert Plausibel Algemeen Nee") in seed
    assert factor(kk, "sw-gem-r-buurt-criminele-groep").evidence == "plausibel"


def test_low_social_control_is_not_robust(kk):
    f = factor(kk, "sw-gem-r-lage-buurtbinding-sociale-controle")
    assert f.evidence != "robuust"
    assert f.evidence_basis == "team" and "plausibel" in f.note


@pytest.mark.parametrize("fid", ["sw-gem-r-wapens", "sw-gem-r-mediaberichtgeving-geweld",
                                 "sw-gem-r-banden-georganiseerde-criminaliteit"])
def test_no_robust_marking_from_lost_italics(kk, fid):
    f = factor(kk, fid)
    assert f.evidence == "niet_beoordeeld" and f.evidence_basis == "team"
    for other in kk.factors:
        assert "(niet cursief) geeft 'robuust'" not in (other.note or ""), other.id


def test_bold_qualitative_community_factors_match_their_family_counterparts(kk):
    for fid in ("sw-gem-b-erkenning-talenten", "sw-gem-b-prosociale-leeftijdsgenoten",
                "sw-gem-b-stimulerende-derde-mentoring"):
        assert factor(kk, fid).evidence == "kwalitatief", fid
    for fid in ("sw-gezin-b-erkenning-talenten", "sw-gezin-b-stimulerende-derde"):
        assert factor(kk, fid).evidence == "kwalitatief", fid


def test_static_factors_are_marked_static(kk):
    for fid in ("beke-r-man-zijn", "beke-r-hogere-leeftijd", "beke-r-criminele-achtergrond",
                "beke-r-detentiegeschiedenis", "beke-r-meer-veroordelingen", "sw-gezin-b-oudere-moeder",
                "beke-b-hoge-leeftijd"):
        assert factor(kk, fid).nature == "statisch", fid
    for fid in ("beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-drugsgebruik",
                "beke-r-banden-vrienden-kennissen", "sw-gezin-r-gebrekkige-opvoedvaardigheden"):
        assert factor(kk, fid).nature == "dynamisch", fid


def test_twins_link_beke_and_samen_weerbaar_and_say_why(kk):
    pairs = {(f.id, t) for f in kk.factors for t in f.twins}
    assert ("beke-r-buurt-criminele-groep", "sw-gem-r-buurt-criminele-groep") in pairs
    assert ("beke-r-familiebanden-georganiseerde-criminaliteit", "sw-gezin-r-criminele-gezinsleden") in pairs
    assert ("beke-r-banden-vrienden-kennissen", "sw-gem-r-banden-georganiseerde-criminaliteit") in pairs
    for a, b in pairs:
        fa, fb = factor(kk, a), factor(kk, b)
        assert {fa.framework, fb.framework} == {"beke_kennissynthese", "samen_weerbaar"}, (a, b)
        assert fa.kind == fb.kind
        assert f"Tweeling van '{b}'" in fa.note, a


# --- interventions (D10-D18) -----------------------------------------------------------

THEME_SENTENCE = ("Seed 002 §3.1.1", "§3.1.1")


@pytest.mark.sources
def test_theme_level_links_are_not_marked_as_source_stated(kk):
    seed = compact(read_source(SEED_002))
    assert compact("beschouwd als er ogenschijnlijk ingezet wordt op gefundeerde risico") in seed
    for item in (*kk.interventions, *kk.examples):
        for link in item.factors:
            if link.basis == "bron":
                assert not link.note.startswith(THEME_SENTENCE), (item.id, link.factor)
            if link.basis == "thema":
                assert "§3.1.1" in link.note, (item.id, link.factor)
    for iid in ("pit", "jongerenwerk", "straatcoaches", "credible-messengers", "familieaanpak", "prospect4cash"):
        assert any(link.basis == "thema" for link in iv(kk, iid).factors), iid
    for code in ("ARN3", "ARN4"):
        ex = next(e for e in kk.examples if e.code == code)
        assert ex.factors and all(link.basis == "thema" for link in ex.factors), code


@pytest.mark.sources
def test_recognised_interventions_carry_their_source_stated_dynamic_links(kk):
    reference = read_source(SEEDS_DIR.parent / "reference" / "interventions-facts.md")
    assert "delinquent friends" in reference and "reactive and proactive aggression" in reference
    assert "risk factors from the EARL screening" in reference
    assert "early signs of disturbed social development or behaviour problems" in reference
    # (intervention, dynamic factor) -> basis of the link
    expected = {
        ("ajb", "beke-r-antisociale-persoonlijkheidskenmerken"): "bron",
        ("alles-kidzzz", "beke-r-antisociale-persoonlijkheidskenmerken"): "bron",
        ("triple-p", "sw-gezin-r-gebrekkige-opvoedvaardigheden"): "bron",
        # F6 (review 2 §2a #9): 'delinquent friends' is wider than Beke's friends in organised crime
        ("ajb", "beke-r-banden-vrienden-kennissen"): "team",
        # F6 (§2a #10): a youth's aggression read as 'bereidheid om geweld toe te passen'
        ("ajb", "beke-r-bereidheid-geweld"): "team",
        ("alles-kidzzz", "beke-r-bereidheid-geweld"): "team",
        ("art", "beke-r-bereidheid-geweld"): "team",
        # F6/D10 (§2a #8): the BASTA row names only the EARL screening's risk factors
        ("basta", "beke-r-antisociale-persoonlijkheidskenmerken"): "team",
        # F6/D10 (§2a #7): the PIT row names behaviour problems; §3.1.1 names the factor for the theme
        ("pit", "beke-r-antisociale-persoonlijkheidskenmerken"): "thema",
    }
    for (iid, fid), basis in expected.items():
        link = links(iv(kk, iid))[fid]
        assert link.basis == basis, (iid, fid, link.basis)
        assert factor(kk, fid).nature == "dynamisch"
    # botoc-arn3 (PIT in Arnhem) gives the same PIT link the same basis
    arn3 = next(e for e in kk.examples if e.code == "ARN3")
    assert links(arn3)["beke-r-antisociale-persoonlijkheidskenmerken"].basis == "thema"


def test_pit_is_not_linked_to_friends_in_organised_crime(kk):
    assert "beke-r-banden-vrienden-kennissen" not in links(iv(kk, "pit"))
    arn3 = next(e for e in kk.examples if e.code == "ARN3")
    assert "beke-r-banden-vrienden-kennissen" not in links(arn3)


@pytest.mark.sources
def test_pit_recognition_is_stated_the_same_way_everywhere(kk):
    seed = compact(read_source(SEED_002))
    assert compact("een wetenschappelijk erkende interventie; het ‘Preventief Interventie Team (PIT)’") in seed
    pit = iv(kk, "pit")
    assert pit.recognition.level == "erkend, niveau onbekend"
    assert "Bureau Beke" in pit.recognition.body
    assert [r.body for r in pit.other_recognitions] == ["NJi Databank Effectieve Jeugdinterventies"]
    assert any(c.kind == "erkenning" for c in pit.cautions)
    arn3 = next(e for e in kk.examples if e.code == "ARN3")
    theme = kk.by_id("themes")["ps-vroegsignalering"]
    for text in (arn3.description, theme.description, pit.recognition.note):
        assert "NJi" in text and "erkend" in text
    # every other text that calls PIT recognised says the same
    texts = [g.text or "" for g in kk.guidance] + [e.description for e in kk.examples]
    calling_pit_recognised = [t for t in texts if "(PIT)" in t and "erkend" in t]
    assert calling_pit_recognised  # else this check checks nothing
    for text in calling_pit_recognised:
        assert "NJi" in text, text
    # Rots en Water: the NJi statement leads, Beke's claim stays visible
    rw = iv(kk, "rots-en-water")
    assert rw.recognition.level == "niet erkend"
    assert rw.other_recognitions[0].level == "erkend, niveau onbekend"


def test_jongerenwerk_municipalities_exclude_plans_that_did_not_go_ahead(kk):
    used = {e.municipality for e in kk.examples
            if "jongerenwerk" in e.interventions and not (e.status or "").startswith("Niet doorgegaan")}
    assert set(iv(kk, "jongerenwerk").municipalities) <= used
    assert not {"Eindhoven", "Tilburg"} & set(iv(kk, "jongerenwerk").municipalities)


@pytest.mark.sources
def test_credible_messengers_carry_the_thijs_caution(kk):
    seed = compact(read_source(SEED_004))
    assert compact("nagenoeg geen wetenschappelijke ondersteuning van voldoende empirisch niveau") in seed
    cm = iv(kk, "credible-messengers")
    harm = [c for c in cm.cautions if c.kind == "niet_aangetoond"]
    assert harm and "nagenoeg geen wetenschappelijke ondersteuning" in harm[0].text
    assert any(s.source == "samen-weerbaar-2024" and "§2.3.2" in s.section for s in harm[0].sources)
    assert any(c.kind == "doelgroep" and "kinderen" in c.text for c in cm.cautions)


def test_halt_is_light_help_in_dutch(kk):
    halt = iv(kk, "halt")
    assert not {"hulp-intensief", "hulp-specialistisch"} & set(halt.help_levels)
    assert "First offenders" not in halt.target_group


@pytest.mark.sources
def test_ipta_without_invented_detail_or_area_factor(kk):
    seed = compact(read_source(SEED_003))
    assert compact("De domeinoverstijgende interventie Integrale Persoonsgerichte Toeleiding naar Arbeid") in seed
    ipta = iv(kk, "ipta")
    assert "veiligheid samenwerken" not in ipta.description
    assert "beke-r-gebrek-werkgelegenheid" not in links(ipta)
    for case in kk.cases:
        assert "beke-r-gebrek-werkgelegenheid" not in case.risk_factors, case.id


def test_ctc_effect_in_plain_dutch_and_complete(kk):
    effect = iv(kk, "ctc").effect
    assert "delinquenteerden" not in effect
    assert "drugs" in effect and "geweldsdelicten" in effect


def test_basta_is_a_behavioural_intervention(kk):
    text = kk.by_id("guidance")["wat-risicobeginsel"].text
    assert "risicotaxatie-instrumenten zoals BASTA" not in text
    assert "gedragsinterventie" in text
    assert iv(kk, "basta").purpose == "jeugdinterventie"


def test_instruments_and_trainings_are_marked(kk):
    assert iv(kk, "screeningsmodel").purpose == "instrument"
    assert iv(kk, "preventieve-leerkracht").purpose == "training"


# --- examples (D19-D21) ----------------------------------------------------------------


@pytest.mark.sources
def test_uitwegteam_is_not_folded_into_ams1(kk):
    seed = compact(read_source(SEED_002))
    assert compact("een interventie waarin een uitwegteam opgezet wordt") in seed
    ams1 = next(e for e in kk.examples if e.code == "AMS1")
    assert "andere interventie" in ams1.description


def test_zaanstad_age_range_belongs_to_the_whole_approach(kk):
    zaa1 = next(e for e in kk.examples if e.code == "ZAA1")
    assert "aanpak als geheel" in zaa1.description and "10 tot 27" in zaa1.description


SEED_THEME_COUNTS = {"ps-vroegsignalering": 12, "ps-straatcoaches-jongerenwerk": 13, "ps-rolmodellen": 6,
                     "ps-schoolomgeving": 6, "ps-bovenlokale-netwerken": 2}


def test_theme_counts_that_differ_from_the_seed_say_so(kk):
    """A theme says its count is a reconstruction exactly when it differs from the seed's."""
    for tid, seed_count in SEED_THEME_COUNTS.items():
        ours = sum(1 for e in kk.examples if e.kind == "botoc" and tid in e.praktijkscan_themes)
        assert ("reconstructie" in kk.by_id("themes")[tid].description) == (ours != seed_count), tid
    others = [t.id for t in kk.themes if t.id not in SEED_THEME_COUNTS and "reconstructie" in (t.description or "")]
    assert others == []


# --- guidance and cases (D22-D24) --------------------------------------------------------


@pytest.mark.sources
def test_the_eleven_community_indicators_are_there(kk):
    seed = read_source(SEED_004)
    assert "(11) mate van negatieve mediaberichtgeving over geweld in de buurt" in seed
    assert "ontbreken" not in kk.by_id("guidance")["sw-conclusie-holistische-visie"].text
    indicators = kk.by_id("guidance")["sw-indicator-elf-gemeenschapsindicatoren"]
    assert len(indicators.items) == 11
    assert indicators.items[-1].startswith("(11)")


def test_vmbo_is_not_low_education(kk):
    case = kk.by_id("cases")["casus-vmbo-spijbelen-groepsdruk"]
    assert "beke-r-laag-opleidingsniveau" not in case.risk_factors


def test_case_factors_match_their_story(kk):
    wijk = kk.by_id("cases")["casus-wijk-criminele-groep"]
    assert "sw-gem-r-wapens" not in wijk.risk_factors
    kind = kk.by_id("cases")["casus-agressie-basisschool"]
    assert "volwassenen" in kind.description


def test_cases_cover_ages_8_to_23_with_sources(kk):
    ages = sorted(c.age for c in kk.cases if c.age is not None)
    assert ages[0] <= 10 and ages[-1] >= 22
    assert any(8 <= a <= 12 for a in ages) and any(12 <= a <= 18 for a in ages) and any(18 <= a <= 23 for a in ages)
    for c in kk.cases:
        assert c.sources


def test_links_to_static_factors_say_they_mark_the_target_group(kk):
    """Risk principle (seed 001 les 1): a static factor sets the level of help, it is never a
    target. A catalogue link to one must say so."""
    for i in kk.interventions:
        for link in i.factors:
            if factor(kk, link.factor).nature == "statisch":
                assert link.note.startswith("Statische factor"), (i.id, link.factor)


def test_trainings_and_approaches_for_others_are_not_offered_as_youth_help(kk):
    assert iv(kk, "straatcontract").purpose == "training"
    assert any(c.kind == "doelgroep" for c in iv(kk, "knock-and-talk").cautions)


@pytest.mark.sources
def test_risk_markers_that_are_no_target_are_geen_doel_and_say_why(kk):
    """A prevention plan never aims to make someone religious, end a relationship or lower a
    coordinator's education: such Beke risk markers are context, not targets (team reading).
    F4: they are not 'statisch' either (that would raise the level of help) but 'geen_doel'."""
    seed = compact(read_source(SEED_002))
    assert compact("Coördinators") in seed
    for fid in ("beke-r-niet-religieus", "beke-r-stabiele-relatie", "beke-r-rol-hoger-opgeleid",
                "beke-r-rol-hebben-van-een-baan", "beke-r-rol-betere-levensuitkomsten",
                "beke-r-rol-hogere-leeftijd", "beke-r-rol-minder-criminaliteit"):
        f = factor(kk, fid)
        assert f.nature == "geen_doel", fid
        assert "lezing van het team" in f.note and "verhoogt het niveau van hulp nooit" in f.note, fid
