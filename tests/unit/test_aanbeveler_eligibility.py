"""Who an intervention is for, on small synthetic content: prevention level, offence, LVB, a
parent who takes part, what does not work, mirror factors, outcome-specific ratings and factors
that are no target (issue 19). Each test fails only when its rule breaks."""

from __future__ import annotations

import pytest

from kenniskaart.aanbeveler import Profile, has_offence, recommend, suggest_need
from kenniskaart.models import Caution, FactorLink, Intervention, Recognition
from kenniskaart.rules import effective_recognition, recognised_options
from support.factories import ERKEND, SRC, factor, ids, kaart

STRONG = Recognition(level="effectief volgens sterke aanwijzingen", committee="jeugd", sources=SRC)


def item(iid: str, links: dict[str, str], *, lo=8, hi=27, rec=ERKEND, purpose="jeugdinterventie", prevention=None,
         requires=(), cautions=(), other=(), levels=("individu",)) -> Intervention:
    return Intervention(
        id=iid, name=iid.upper(), kind="interventie", purpose=purpose, description="d", min_age=lo, max_age=hi,
        prevention=prevention, requires=list(requires), levels=list(levels), recognition=rec,
        other_recognitions=list(other), factors=[FactorLink(factor=f, basis=b) for f, b in links.items()],
        cautions=list(cautions), sources=SRC,
    )


def excluded(res) -> dict[str, str]:
    return {e.intervention.id: e.kind for e in res.excluded}


def test_a_universal_programme_is_for_school_or_municipality_never_for_one_young_person():
    kk = kaart([factor("f")], [item("klas", {"f": "bron"}, prevention="universeel", rec=STRONG),
                               item("gericht", {"f": "team"}, prevention="geindiceerd")])
    res = recommend(kk, Profile(age=10, risk_factors=("f",)))
    assert ids(res.ranked) == ["gericht"]
    assert ids(res.for_organisation) == ["klas"]
    assert "hele klas, school of wijk" in res.for_organisation[0].rule
    assert ids(p.rec for p in res.package) == ["gericht"]


def test_a_universal_programme_outside_its_age_group_falls_out_on_age():
    kk = kaart([factor("f")], [item("groep-7-8", {"f": "bron"}, lo=10, hi=12, prevention="universeel")])
    res = recommend(kk, Profile(age=20, risk_factors=("f",)))
    assert res.for_organisation == () and excluded(res) == {"groep-7-8": "leeftijd"}


@pytest.mark.parametrize("purpose", ["maatregel", "instrument", "training"])
def test_measures_instruments_and_trainings_are_for_the_organisation_at_any_age(purpose):
    kk = kaart([factor("f")], [item("org", {"f": "bron"}, lo=12, hi=18, purpose=purpose)])
    res = recommend(kk, Profile(age=25, risk_factors=("f",)))
    assert ids(res.for_organisation) == ["org"] and res.ranked == () and res.excluded == ()


@pytest.mark.parametrize(("offence", "factors", "admitted"), [
    (None, ("f",), False),
    ("geen", ("f",), False),
    ("eerste", ("f",), True),
    ("herhaald", ("f",), True),
    (None, ("f", "beke-r-criminele-achtergrond"), True),  # an offence factor says there was an offence
    ("geen", ("f", "beke-r-criminele-achtergrond"), False),  # the explicit answer wins, with a notice
])
def test_a_programme_after_an_offence_needs_an_offence(offence, factors, admitted):
    fs = [factor("f"), factor("beke-r-criminele-achtergrond", nature="statisch")]
    kk = kaart(fs, [item("leerstraf", {"f": "bron"}, prevention="na_delict"),
                    item("halt", {"f": "bron"}, requires=("delict",))])
    profile = Profile(age=15, risk_factors=factors, offence=offence)
    res = recommend(kk, profile)
    assert has_offence(profile) is admitted
    if admitted:
        assert set(ids(res.tier(1))) == {"leerstraf", "halt"}
        assert any(r.kind == "delict" and "delict zelf" in r for r in res.ranked[0].reasons)
    else:
        assert excluded(res) == {"leerstraf": "doelgroep", "halt": "doelgroep"}
        assert all("alleen na een delict" in e.reason for e in res.excluded)
    if offence == "geen" and len(factors) == 2:
        assert any("geen delict" in n for n in res.notices)


@pytest.mark.parametrize(("lvb", "expect_lvb_item", "expect_no_lvb_item"), [
    (None, "toelating", None), (False, "toelating", None), (True, None, "toelating"),
])
def test_lvb_programmes_need_lvb_and_iq_above_85_programmes_exclude_it(lvb, expect_lvb_item, expect_no_lvb_item):
    kk = kaart([factor("f")], [item("so-cool", {"f": "bron"}, requires=("lvb",)),
                               item("tools4u", {"f": "bron"}, requires=("geen_lvb",))])
    res = recommend(kk, Profile(age=16, risk_factors=("f",), lvb=lvb))
    assert excluded(res).get("so-cool") == expect_lvb_item
    assert excluded(res).get("tools4u") == expect_no_lvb_item
    assert len(res.ranked) == 1


def test_a_family_therapy_needs_a_parent_who_takes_part():
    kk = kaart([factor("f")], [item("mdft", {"f": "bron"}, requires=("ouder",))])
    assert excluded(recommend(kk, Profile(age=16, risk_factors=("f",), parent=False))) == {"mdft": "toelating"}
    unknown = recommend(kk, Profile(age=16, risk_factors=("f",)))
    assert ids(unknown.tier(1)) == ["mdft"]
    assert any("ouder of verzorger die meedoet" in c for c in unknown.ranked[0].cautions)
    yes = recommend(kk, Profile(age=16, risk_factors=("f",), parent=True))
    assert not any("ouder" in c for c in yes.ranked[0].cautions)


def test_what_does_not_work_is_never_recommended_even_when_recognised():
    harm = Caution(kind="kan_schaden", text="Deelnemers plegen meer delicten.")
    kk = kaart([factor("f")], [item("bang-maken", {"f": "bron"}, rec=STRONG, cautions=[harm]),
                               item("goed", {"f": "team"})])
    res = recommend(kk, Profile(age=15, risk_factors=("f",)))
    assert ids(res.ranked) == ["goed"] and excluded(res) == {"bang-maken": "kan_schaden"}
    assert "Deelnemers plegen meer delicten." in res.excluded[0].reason
    assert "bang-maken" not in ids(p.rec for p in res.package)


def test_awareness_lessons_never_enter_a_package_but_stay_visible_with_their_warning():
    warn = Caution(kind="voorlichting", text="Voorlichting aan iedereen kan averechts werken.")
    kk = kaart([factor("f")], [item("les", {"f": "bron"}, cautions=[warn])])
    res = recommend(kk, Profile(age=15, risk_factors=("f",)))
    assert ids(res.ranked) == ["les"] and res.package == ()
    assert any("Voorlichting aan iedereen" in c for c in res.ranked[0].cautions)


def test_a_mirror_factor_is_reached_weighted_lower_and_said_in_words():
    risk = factor("geen-werk").model_copy(update={"mirrors": ["baan"]})
    prot = factor("baan", kind="beschermend").model_copy(update={"mirrors": ["geen-werk"]})
    kk = kaart([risk, prot], [item("werk-toeleiding", {"baan": "bron"}), item("direct", {"geen-werk": "bron"})])
    res = recommend(kk, Profile(age=20, risk_factors=("geen-werk",)))
    assert ids(res.ranked) == ["direct", "werk-toeleiding"]
    via = res.ranked[1]
    assert [f.id for f in via.factors] == ["geen-werk"]
    assert via.score < res.ranked[0].score
    assert any("spiegelfactor 'BAAN'" in r for r in via.reasons)
    assert res.gaps == ()


def test_the_rating_for_the_outcome_that_matters_is_used():
    drugs, antisocial = factor("drugs"), factor("antisociaal")
    mdft = item("mdft", {"drugs": "bron", "antisociaal": "bron"},
                rec=Recognition(level="effectief volgens eerste aanwijzingen", committee="justitiele",
                                outcome="delinquentie", sources=SRC),
                other=[Recognition(level="effectief volgens goede aanwijzingen", committee="justitiele",
                                   outcome="middelengebruik", outcome_factors=["drugs"], sources=SRC)])
    kk = kaart([drugs, antisocial], [mdft])
    for_drugs = recommend(kk, Profile(age=16, risk_factors=("drugs",))).ranked[0]
    for_crime = recommend(kk, Profile(age=16, risk_factors=("antisociaal",))).ranked[0]
    assert for_drugs.recognition.level == "effectief volgens goede aanwijzingen"
    assert for_crime.recognition.level == "effectief volgens eerste aanwijzingen"
    assert for_drugs.score > for_crime.score
    assert any("voor middelengebruik" in r for r in for_drugs.reasons)
    assert effective_recognition(mdft, frozenset()) is mdft.recognition


def test_an_unrated_programme_is_never_group_one():
    unrated = Recognition(level="niet beoordeeld", committee="onbekend", sources=SRC)
    kk = kaart([factor("f")], [item("zwak", {"f": "bron"}, rec=unrated)])
    res = recommend(kk, Profile(age=15, risk_factors=("f",)))
    assert res.tier(1) == () and ids(res.tier(2)) == ["zwak"]
    assert "niet beoordeeld" in res.ranked[0].rule


def test_factors_that_are_no_target_never_raise_the_level_of_help():
    fs = [factor("zelfcontrole"), factor("baan-rol", nature="geen_doel"), factor("man", nature="statisch")]
    kk = kaart(fs, [item("x", {"zelfcontrole": "bron", "baan-rol": "bron"})])
    alone, _ = suggest_need(kk, Profile(risk_factors=("zelfcontrole",)))
    with_role, why = suggest_need(kk, Profile(risk_factors=("zelfcontrole", "baan-rol")))
    with_static, _ = suggest_need(kk, Profile(risk_factors=("zelfcontrole", "man")))
    assert alone == with_role == "hulp-positief" and "baan-rol".upper() not in why
    assert with_static == "hulp-intensief"
    res = recommend(kk, Profile(age=20, risk_factors=("zelfcontrole", "baan-rol")))
    assert [f.id for f in res.no_target_factors] == ["baan-rol"]
    assert [f.id for f in res.ranked[0].factors] == ["zelfcontrole"]  # never 'aangepakt'
    assert any("Geen doel van een interventie" in n for n in res.notices)


def test_repeated_offending_points_to_the_specialist_level_and_a_first_offence_raises_one_step():
    kk = kaart([factor("f")], [])
    assert suggest_need(kk, Profile(risk_factors=("f",)))[0] == "hulp-positief"
    assert suggest_need(kk, Profile(risk_factors=("f",), offence="eerste"))[0] == "hulp-intensief"
    level, why = suggest_need(kk, Profile(risk_factors=("f",), offence="herhaald"))
    assert level == "hulp-specialistisch" and "herhaald delict" in why


def test_recognised_options_of_a_factor_leave_out_what_is_not_for_one_young_person():
    harm = Caution(kind="kan_schaden", text="schaadt")
    kk = kaart([factor("f")], [
        item("ok", {"f": "bron"}), item("klas", {"f": "bron"}, prevention="universeel"),
        item("gemeente", {"f": "bron"}, purpose="maatregel"), item("schadelijk", {"f": "bron"}, cautions=[harm]),
        item("onerkend", {"f": "bron"}, rec=None),
    ])
    assert [iv.id for iv in recognised_options(kk, "f")] == ["ok"]


def test_the_loader_rejects_a_one_sided_or_same_kind_mirror(tmp_path):
    from kenniskaart.content import ContentInvalid, load_content

    (tmp_path / "s.yaml").write_text(
        "sources:\n  - {id: s, title: S, publisher: P, kind: seed}\n"
        "factors:\n"
        "  - {id: a, name: A, kind: risico, level: individu, framework: beke_kennissynthese, nature: dynamisch,"
        " evidence: gefundeerd, mirrors: [b], sources: [{source: s, section: x}]}\n"
        "  - {id: b, name: B, kind: beschermend, level: individu, framework: beke_kennissynthese, nature: dynamisch,"
        " evidence: gefundeerd, sources: [{source: s, section: x}]}\n"
        "  - {id: c, name: C, kind: risico, level: individu, framework: beke_kennissynthese, nature: dynamisch,"
        " evidence: gefundeerd, mirrors: [a], sources: [{source: s, section: x}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentInvalid) as exc:
        load_content(tmp_path)
    text = str(exc.value.issues)
    assert "'b' noemt 'a' niet terug als spiegelfactor" in text
    assert "c" in text and "verwacht 'beschermend'" in text
