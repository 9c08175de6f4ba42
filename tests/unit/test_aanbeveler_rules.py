"""The matcher's rules on small synthetic content (independent of the YAML migration).

Each test builds a tiny ``Kenniskaart`` with exactly the items a rule is about, so it fails
only when the rule itself breaks.
"""

from __future__ import annotations

import re

from kenniskaart.aanbeveler import (
    PACKAGE_SIZE,
    RULES,
    SPECIALIST_FACTORS,
    WEIGHTS,
    Profile,
    choice_profile,
    explain_rules,
    recommend,
    suggest_need,
)
from kenniskaart.models import Caution, FactorLink, PracticeExample
from support.factories import ERKEND, SRC, factor, ids, iv, kaart


def test_recognised_age_fitting_outranks_many_sourced_links_of_an_unrecognised_service():
    fs = [factor(f"f{i}") for i in range(6)]
    service = iv("dienst", {f.id: "bron" for f in fs})  # many sourced links, unknown age, no recognition
    weak = iv("erkend", {"f0": "team"}, lo=12, hi=18, rec=ERKEND)  # one derived link
    res = recommend(kaart(fs, [service, weak]), Profile(age=15, risk_factors=tuple(f.id for f in fs)))
    assert ids(res.ranked) == ["erkend", "dienst"]
    assert [r.tier for r in res.ranked] == [1, 2]
    assert res.ranked[1].score > res.ranked[0].score  # the tier, not the score, decides
    assert "Groep 2" in res.ranked[1].rule and "erkend" in res.ranked[0].rule


def test_recognised_with_unknown_age_range_is_tier_two_and_never_above_a_fitting_one():
    f = factor("f")
    res = recommend(
        kaart([f], [iv("onbekend", {"f": "bron"}, rec=ERKEND), iv("past", {"f": "team"}, lo=8, hi=12, rec=ERKEND)]),
        Profile(age=10, risk_factors=("f",)),
    )
    assert ids(res.ranked) == ["past", "onbekend"]
    assert res.ranked[1].tier == 2 and "leeftijdsgrens onbekend" in res.ranked[1].rule
    assert any("Leeftijdsgrens onbekend" in c for c in res.ranked[1].cautions)


def test_age_outside_range_is_excluded_with_the_reason():
    f = factor("f")
    res = recommend(
        kaart([f], [iv("ajb", {"f": "bron"}, lo=12, hi=18, rec=ERKEND)]), Profile(age=10, risk_factors=("f",))
    )
    assert res.ranked == ()
    assert [(e.intervention.id, e.kind) for e in res.excluded] == [("ajb", "leeftijd")]
    assert "10" in res.excluded[0].reason and "12–18 jaar" in res.excluded[0].reason


def test_doelgroep_caution_with_ages_excludes_and_without_ages_only_warns():
    f = factor("f")
    mentors = iv(
        "mentoren", {"f": "bron"}, cautions=[Caution(kind="doelgroep", text="Niet voor kinderen.", min_age=12)]
    )
    vague = iv("vaag", {"f": "bron"}, cautions=[Caution(kind="doelgroep", text="Let op de doelgroep.")])
    kk = kaart([f], [mentors, vague])
    res8 = recommend(kk, Profile(age=8, risk_factors=("f",)))
    assert [(e.intervention.id, e.kind) for e in res8.excluded] == [("mentoren", "doelgroep")]
    assert "Niet voor kinderen." in res8.excluded[0].reason
    assert ids(res8.ranked) == ["vaag"] and "Let op de doelgroep." in res8.ranked[0].cautions
    assert set(ids(recommend(kk, Profile(age=15, risk_factors=("f",))).ranked)) == {"mentoren", "vaag"}


def test_instruments_and_trainings_are_for_the_organisation_only():
    f = factor("f")
    kk = kaart([f], [iv("screening", {"f": "bron"}, purpose="instrument", rec=ERKEND, lo=8, hi=18),
                     iv("training", {"f": "bron"}, purpose="training"), iv("aanpak", {"f": "team"}, purpose="aanpak")])
    res = recommend(kk, Profile(age=12, risk_factors=("f",)))
    assert ids(res.ranked) == ["aanpak"]
    assert set(ids(res.for_organisation)) == {"screening", "training"}
    assert all(r.tier == 0 and "nooit aanbevolen voor één jongere" in r.rule for r in res.for_organisation)
    assert "screening" not in ids(p.rec for p in res.package)


def test_static_factors_are_never_addressed_and_raise_the_level_of_help():
    man, anti = factor("man", nature="statisch"), factor("anti")
    kk = kaart([man, anti], [iv("a", {"man": "bron", "anti": "team"}, lo=8, hi=20, rec=ERKEND),
                             iv("alleen-statisch", {"man": "bron"}, lo=8, hi=20, rec=ERKEND)])
    res = recommend(kk, Profile(age=14, risk_factors=("man", "anti")))
    assert ids(res.ranked) == ["a"]  # an item that only 'addresses' a static factor is no candidate
    assert all(f.id != "man" for r in res.ranked for f in r.factors)
    assert [f.id for f in res.static_factors] == ["man"]
    assert all(g.factor.id != "man" for g in res.gaps) and all(f.id != "man" for f in res.uncovered)
    # one strong dynamic factor alone: positive support; the static one raises it one step
    assert suggest_need(kk, Profile(risk_factors=("anti",)))[0] == "hulp-positief"
    need, why = suggest_need(kk, Profile(risk_factors=("anti", "man")))
    assert need == "hulp-intensief" and "MAN" in why and why.count(".") == 1
    only_static = recommend(kk, Profile(age=14, risk_factors=("man",)))
    assert only_static.ranked == () and any("statische factoren" in n for n in only_static.notices)


def test_need_counts_dynamic_factors_and_their_strength():
    fs = [factor("g1"), factor("g2"), factor("p1", evidence="plausibel"), factor("p2", evidence="plausibel"),
          factor("p3", evidence="plausibel")]
    kk = kaart(fs, [])
    assert suggest_need(kk, Profile(risk_factors=("g1", "p1")))[0] == "hulp-positief"
    assert suggest_need(kk, Profile(risk_factors=("g1", "g2")))[0] == "hulp-intensief"
    assert suggest_need(kk, Profile(risk_factors=("p1", "p2", "p3")))[0] == "hulp-intensief"
    assert suggest_need(kk, Profile())[0] is None


def test_provenance_weights_bron_over_thema_over_team():
    f = factor("f")
    kk = kaart([f], [iv(b, {"f": b}, lo=8, hi=20, rec=ERKEND) for b in ("team", "thema", "bron")])
    res = recommend(kk, Profile(age=12, risk_factors=("f",)))
    assert ids(res.ranked) == ["bron", "thema", "team"]
    assert WEIGHTS["basis"]["bron"] > WEIGHTS["basis"]["thema"] > WEIGHTS["basis"]["team"]
    assert any("Geen bron noemt" in c for c in res.ranked[2].cautions)
    assert not any("Geen bron noemt" in c for c in res.ranked[0].cautions)


def test_selecting_a_factor_counts_its_twins_links():
    beke = factor("beke-buurt", level="gemeenschap", twins=["sw-buurt"])
    sw = factor("sw-buurt", level="gemeenschap", twins=["beke-buurt"])
    kk = kaart(
        [beke, sw],
        [iv("wijk", {"sw-buurt": "bron"}, lo=8, hi=20, rec=ERKEND, levels=("gemeenschap",))],
        [
            PracticeExample(
                id="ex",
                kind="pmg",
                name="Ex",
                description="d",
                factors=[FactorLink(factor="sw-buurt", basis="bron")],
                sources=SRC,
            )
        ],
    )
    res = recommend(kk, Profile(age=12, risk_factors=("beke-buurt",)))
    assert ids(res.ranked) == ["wijk"]
    assert [f.id for f in res.ranked[0].factors] == ["beke-buurt"]
    assert "via dezelfde factor" in res.ranked[0].reasons[0]
    # both twins selected: they count once (same score, one factor), no gap
    both = recommend(kk, Profile(age=12, risk_factors=("beke-buurt", "sw-buurt")))
    assert both.gaps == () and both.uncovered == ()
    assert [f.id for f in both.ranked[0].factors] == ["beke-buurt"]
    assert both.ranked[0].score == res.ranked[0].score
    # the pickers show the pair as one choice
    assert choice_profile(kk, Profile(risk_factors=("sw-buurt", "beke-buurt", "onbekend"))).risk_factors == (
        "beke-buurt",
    )


def test_package_recognised_first_per_factor_then_family_and_community_then_the_rest():
    fs = [factor("a"), factor("b"), factor("gezin", level="gezin"), factor("wijk", level="gemeenschap"), factor("c")]
    kk = kaart(fs, [
        iv("breed-niet-erkend", {"a": "bron", "b": "bron", "c": "bron"}, lo=8, hi=20),
        iv("erkend-a", {"a": "team"}, lo=8, hi=20, rec=ERKEND),
        iv("erkend-b", {"b": "team"}, lo=8, hi=20, rec=ERKEND),
        iv("gezinsaanpak", {"gezin": "bron"}, levels=("gezin",)),
        iv("wijkaanpak", {"wijk": "bron"}, levels=("gemeenschap",)),
        iv("schadelijk", {"c": "bron"}, cautions=[Caution(kind="kan_schaden", text="Werkt averechts.")]),
    ])
    res = recommend(kk, Profile(age=12, risk_factors=tuple(f.id for f in fs)))
    pkg = ids(p.rec for p in res.package)
    assert pkg[:2] == ["erkend-a", "erkend-b"]
    assert pkg[2:4] == ["gezinsaanpak", "wijkaanpak"]
    assert pkg[4] == "breed-niet-erkend" and "schadelijk" not in pkg
    assert len(pkg) <= PACKAGE_SIZE and res.uncovered == ()
    assert all(p.why for p in res.package)
    # what a source says does not work is never recommended: it falls out, with its harm as the reason
    assert "schadelijk" not in ids(res.ranked)
    harmful = next(e for e in res.excluded if e.intervention.id == "schadelijk")
    assert harmful.kind == "kan_schaden" and "Werkt averechts." in harmful.reason


def test_package_never_only_unrecognised_when_a_recognised_one_covers_a_factor():
    fs = [factor(f"f{i}") for i in range(8)]
    ivs = [iv(f"dienst{i}", {f"f{i}": "bron", f"f{i+1}": "bron"}) for i in range(7)]
    ivs.append(iv("erkend", {"f7": "team"}, lo=8, hi=20, rec=ERKEND))
    res = recommend(kaart(fs, ivs), Profile(age=14, risk_factors=tuple(f.id for f in fs)))
    assert len(res.package) == PACKAGE_SIZE
    assert res.package[0].rec.intervention.id == "erkend"


def test_gaps_are_dynamic_factors_without_a_recognised_age_fitting_intervention():
    fs = [factor("drugs"), factor("anti"), factor("kind")]
    kk = kaart(
        fs,
        [iv("ajb", {"anti": "team", "kind": "team"}, lo=12, hi=18, rec=ERKEND), iv("praktijk", {"kind": "bron"})],
        [
            PracticeExample(
                id="ex",
                kind="pmg",
                name="Ex",
                description="d",
                factors=[FactorLink(factor="drugs", basis="bron")],
                sources=SRC,
            )
        ],
    )
    res = recommend(kk, Profile(age=10, risk_factors=("drugs", "anti", "kind")))
    gaps = {g.factor.id: g for g in res.gaps}
    assert set(gaps) == {"drugs", "anti", "kind"}  # AJB does not fit a 10-year-old
    assert [e.id for e in gaps["drugs"].examples] == ["ex"]
    assert [i.id for i in gaps["kind"].unrecognised] == ["praktijk"]
    assert {g.factor.id for g in recommend(kk, Profile(age=14, risk_factors=("drugs", "anti", "kind"))).gaps} == {
        "drugs"
    }


def test_reasons_and_cautions_are_separate():
    f = factor("f")
    item = iv("x", {"f": "bron"}, lo=8, hi=20, rec=ERKEND, cautions=[Caution(kind="groepsinterventie", text="Groep.")])
    rec = recommend(kaart([f], [item]), Profile(age=12, risk_factors=("f",))).ranked[0]
    assert any(r.startswith("pakt aan: F") for r in rec.reasons)
    assert "Groep van risicojongeren: Groep." in rec.cautions
    assert not set(rec.reasons) & set(rec.cautions)


def test_specialist_factors_exist_and_are_risk_factors(kk):
    factors = kk.by_id("factors")
    for fid in SPECIALIST_FACTORS:
        assert fid in factors, fid
        assert factors[fid].kind == "risico"


def test_rules_text_shows_the_weights():
    text = " ".join(explain_rules())
    ev, ba = WEIGHTS["evidence"], WEIGHTS["basis"]

    def nl(x: float) -> str:  # Dutch decimal comma
        return f"{x:g}".replace(".", ",")

    assert f"gefundeerd {nl(ev['gefundeerd'])}" in text and f"plausibel {nl(ev['plausibel'])}" in text
    assert f"het team {nl(ba['team'])}" in text and f"alleen het thema {nl(ba['thema'])}" in text
    assert not re.search(r"\d\.\d", text)  # no decimal point in Dutch text
    assert f"maximaal {PACKAGE_SIZE}" in text
    assert RULES["tiers"][1] in text and RULES["tiers"][2] in text
    assert "Voor school of gemeente" in text and "statische" in text.lower()
    assert ev["gefundeerd"] > ev["plausibel"]


def test_a_preferred_setting_lifts_the_items_in_that_setting():
    """Two items alike but for their setting: the profile's setting puts its item first, with
    the reason in words; the other setting reverses the order (so the order is not by name)."""
    f = factor("f")
    school = iv("op-school", {"f": "bron"}).model_copy(update={"settings": ["school"]})
    wijk = iv("in-de-wijk", {"f": "bron"}).model_copy(update={"settings": ["wijk"]})
    kk = kaart([f], [school, wijk])
    for chosen, first in (("school", "op-school"), ("wijk", "in-de-wijk")):
        res = recommend(kk, Profile(age=15, risk_factors=("f",), settings=(chosen,)))
        assert ids(res.ranked)[0] == first, chosen
        top = res.ranked[0]
        assert any(r.startswith("setting past: ") for r in top.reasons)
        assert not any(r.startswith("setting past: ") for r in res.ranked[1].reasons)
