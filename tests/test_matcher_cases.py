"""Table-driven tests of the Aanbeveler (kenniskaart/matcher.py) on the real content.

Every row names in ``source`` the seed or reference passage it rests on, so a failing row
says which fact of the sources the matcher (or the content) no longer honours.
Seed numbers: 001 = CCV 'Vier lessen', 002 = Beke-praktijkscan, 003 = PmG-rapportage 2024,
004 = Samen Weerbaar; "reference" = shared/reference/interventions-facts.md.

Where the content is being migrated (PIT's source-stated recognition, theme-level links,
twins), the expectation is derived from the content: e.g. PIT must be in tier 1 when the
content counts it as recognised, else in tier 2 — never excluded for an 8–12-year-old.
"""

from __future__ import annotations

import pytest

from kenniskaart.catalog import age_fits
from kenniskaart.content import Kenniskaart, load_content
from kenniskaart.matcher import PACKAGE_SIZE, Profile, Result, profile_from_case, recommend, selected_factors
from kenniskaart.signals import for_young_person, is_recognised

ANTI = "beke-r-antisociale-persoonlijkheidskenmerken"
FRIENDS = "beke-r-banden-vrienden-kennissen"
DRUGS = "beke-r-drugsgebruik"


def ranked_ids(res: Result, tier: int | None = None) -> list[str]:
    return [r.intervention.id for r in res.ranked if tier is None or r.tier == tier]


def excluded_ids(res: Result) -> list[str]:
    return [e.intervention.id for e in res.excluded]


def expected_tier(kk: Kenniskaart, iv_id: str, age: int) -> int:
    """The tier the content implies: recognised with a known fitting range → 1, else 2."""
    iv = kk.by_id("interventions")[iv_id]
    return 1 if is_recognised(iv) and age_fits(iv, age) is True else 2


PROFILES = [
    # --- AJB for 12-18 with antisocial traits
    dict(id="ajb-12", source="seed 003 'Persoonlijke en psychologische ontwikkeling': AJB voor jongeren van 12 tot en "
         "met 18 jaar; seed 001 les 1: 'Denk aan Alleen jij bepaalt wie je bent of BASTA'; reference: BASTA 6–11",
         profile=Profile(age=12, risk_factors=(ANTI,)), first="ajb", excluded=["basta"]),
    dict(id="ajb-15", source="issue: a 15-year-old with antisocial traits and criminal friends gets AJB; seed 003 "
         "AJB 12–18; reference: AJB sub-goals incl. delinquent friends",
         profile=Profile(age=15, risk_factors=(ANTI, FRIENDS)), first="ajb", excluded=["basta", "pit"]),
    dict(id="ajb-15-one-factor", source="seed 003 AJB 12–18; seed 001 les 1 (erkende gedragsinterventies)",
         profile=Profile(age=15, risk_factors=(ANTI,)), first="ajb"),
    dict(id="ajb-18-upper-bound", source="seed 003: AJB 'van 12 tot en met 18 jaar' (18 hoort erbij); reference: MST 10–19",
         profile=Profile(age=18, risk_factors=(ANTI,)), first="ajb", tier1=["mst"], excluded=["basta", "pit"]),
    dict(id="ajb-19-too-old", source="seed 003: AJB tot en met 18 jaar; reference: MST 10–19, ART 12–23",
         profile=Profile(age=19, risk_factors=(ANTI,), protective_factors=("vk-zelfregulatie",)),
         tier1=["mst", "art"], excluded=["ajb", "alles-kidzzz"]),
    # --- 8-12: Alles Kidzzz, PIT, BASTA; AJB excluded
    dict(id="kind-8-antisociaal", source="seed 001 les 1 (BASTA); reference: BASTA 6–11, PIT up to 12, AJB 12–18, MST 10–19",
         profile=Profile(age=8, risk_factors=(ANTI,)), first_in=["basta", "pit"], tier1=["basta"], present=["pit"],
         excluded=["ajb", "mst"]),
    dict(id="kind-10-agressie", source="seed 003 'Persoonlijke en psychologische ontwikkeling': Alles Kidzzz voor "
         "kinderen onder de 12 jaar, minder reactieve en proactieve agressie; reference: Alles Kidzzz 9–12, BASTA 6–11",
         profile=Profile(age=10, risk_factors=(ANTI, "beke-r-lage-zelfcontrole"), protective_factors=("vk-zelfregulatie",),
                         settings=("school",)),
         first_in=["alles-kidzzz", "pit", "basta"], tier1=["alles-kidzzz", "basta"], present=["pit"],
         excluded=["ajb", "art"]),
    dict(id="kind-11-geweld", source="seed 003: Alles Kidzzz voor kinderen onder de 12; reference: ART 12–23, AJB 12–18",
         profile=Profile(age=11, risk_factors=("beke-r-bereidheid-geweld",)), first_in=["alles-kidzzz", "pit"],
         tier1=["alles-kidzzz"], excluded=["art", "ajb"]),
    dict(id="kind-9-zelfcontrole", source="reference: Alles Kidzzz 9–12 (groups 6–8), anger regulation",
         profile=Profile(age=9, risk_factors=("beke-r-lage-zelfcontrole",)), first="alles-kidzzz"),
    dict(id="kind-8-zelfregulatie-gap", source="reference: Alles Kidzzz 9–12 and ART 12–23: nothing recognised for 8",
         profile=Profile(age=8, protective_factors=("vk-zelfregulatie",)),
         excluded=["alles-kidzzz", "art"], gaps=["vk-zelfregulatie"]),
    dict(id="kind-9-ouders", source="reference: Triple P for parents of children 2–16; BASTA 6–11",
         profile=Profile(age=9, protective_factors=("sw-gezin-b-ouderbetrokkenheid",)), tier1=["triple-p", "basta"]),
    dict(id="case-agressie-basisschool", source="casus-agressie-basisschool (seed 003, Alles Kidzzz example)",
         case="casus-agressie-basisschool", first_in=["alles-kidzzz", "pit", "basta"], tier1=["alles-kidzzz"],
         excluded=["ajb"]),
    # --- 12-18 more
    dict(id="geweld-12", source="reference: AJB 12–18 (aggression sub-goal), ART 12–23, Alles Kidzzz 9–12",
         profile=Profile(age=12, risk_factors=("beke-r-bereidheid-geweld",)), tier1=["ajb", "art", "alles-kidzzz"]),
    dict(id="case-vmbo", source="casus-vmbo-spijbelen-groepsdruk (seed 003 AJB: praktijkonderwijs en vmbo)",
         case="casus-vmbo-spijbelen-groepsdruk", first="ajb", excluded=["basta"]),
    dict(id="opvoeding-13", source="reference: Triple P 2–16, MST 10–19; seed 004 §2.2 (opvoedvaardigheden, robuust)",
         profile=Profile(age=13, risk_factors=("sw-gezin-r-gebrekkige-opvoedvaardigheden",),
                         protective_factors=("sw-gezin-b-ouderlijke-controle",)),
         first="triple-p", tier1=["mst"], package=["triple-p"]),
    dict(id="opvoeding-17", source="reference: Triple P for children up to 16; MST 10–19",
         profile=Profile(age=17, risk_factors=("sw-gezin-r-gebrekkige-opvoedvaardigheden",)),
         first="mst", excluded=["triple-p"]),
    dict(id="familie-15", source="seed 003 'Sociaal netwerk': integrale familieaanpak; 'De juiste hulp', 3: "
         "families al verder doorgegroeid → specialistisch",
         case="casus-criminele-familie", present=["familieaanpak"], package=["familieaanpak"], need="hulp-specialistisch"),
    dict(id="drugs-15-gap", source="seed 002 §3.2: geen interventies opgemerkt die het drugsgebruik van risicojongeren "
         "aanpakken, terwijl drugsgebruik gefundeerd is",
         profile=Profile(age=15, risk_factors=(DRUGS,)), gaps=[DRUGS]),
    dict(id="drugs-16-with-antisocial", source="seed 002 §3.2 (drug use not targeted); seed 003 AJB 12–18",
         profile=Profile(age=16, risk_factors=(DRUGS, ANTI)), gaps=[DRUGS], tier1=["ajb"]),
    dict(id="buurt-16-gap", source="seed 004 §4.4: community interventions without recognition",
         profile=Profile(age=16, risk_factors=("sw-gem-r-buurt-criminele-groep",)), gaps=["sw-gem-r-buurt-criminele-groep"]),
    # --- 18+: work and re-integration
    dict(id="werk-18", source="seed 003 'Werk en inkomen': IPTA (Integrale Persoonsgerichte Toeleiding naar Arbeid); "
         "Prospect4Cash 16–21",
         profile=Profile(age=18, risk_factors=("beke-r-laag-opleidingsniveau", "beke-r-gebrek-werkgelegenheid"),
                         protective_factors=("beke-b-hebben-van-een-baan",)),
         present=["prospect4cash", "ipta"], package=["prospect4cash"], work_first=True),
    dict(id="case-zonder-werk-18", source="casus-zonder-werk-snel-geld (seed 003 'Werk en inkomen')",
         case="casus-zonder-werk-snel-geld", present=["prospect4cash", "ipta"], work_first=True),
    dict(id="detentie-20", source="seed 003 'Criminaliteit en re-integratie' and 'De juiste hulp', 3: re-integratietrajecten "
         "voor wie verder is doorgegroeid",
         case="casus-terug-uit-detentie", present=["ipta"], need="hulp-specialistisch",
         static=["beke-r-detentiegeschiedenis", "beke-r-criminele-achtergrond"]),
    dict(id="sova-21", source="reference: SoVa op Maat 15–21, Tools4U 12–23, ART 12–23 (social skills)",
         profile=Profile(age=21, protective_factors=("vk-sociale-vaardigheden",)), tier1=["sova-op-maat", "tools4u", "art"]),
    dict(id="art-23", source="reference: ART 12–23; Alles Kidzzz 9–12",
         profile=Profile(age=23, protective_factors=("vk-zelfregulatie",)), first="art", excluded=["alles-kidzzz"]),
    dict(id="alleen-statisch-22", source="seed 001 les 1 (risicobeginsel): static factors set the level, are no target",
         profile=Profile(age=22, risk_factors=("beke-r-criminele-achtergrond",)), empty=True,
         need="hulp-specialistisch", static=["beke-r-criminele-achtergrond"]),
]


def _profile(kk: Kenniskaart, row: dict) -> Profile:
    return profile_from_case(kk.by_id("cases")[row["case"]]) if "case" in row else row["profile"]


def test_table_covers_ages_8_to_23_with_at_least_20_profiles(kk: Kenniskaart):
    ages = {_profile(kk, r).age for r in PROFILES}
    assert len(PROFILES) >= 20
    assert min(ages) == 8 and max(ages) == 23
    assert all(r["source"] for r in PROFILES)


@pytest.mark.parametrize("row", PROFILES, ids=[r["id"] for r in PROFILES])
def test_profile(kk: Kenniskaart, row: dict):
    profile = _profile(kk, row)
    res = recommend(kk, profile)
    age = profile.age
    ranked = ranked_ids(res)
    tier1 = ranked_ids(res, 1)
    ivs = kk.by_id("interventions")
    # tiers: every tier-1 item before every tier-2 item; tier follows the content
    assert [r.tier for r in res.ranked] == sorted(r.tier for r in res.ranked)
    for r in res.ranked:
        assert r.tier == expected_tier(kk, r.intervention.id, age), r.intervention.id
        assert r.rule and r.reasons
        assert for_young_person(r.intervention)
    if "first" in row:
        assert tier1, f"geen erkende interventie; groep 2: {ranked}"
        assert tier1[0] == row["first"], f"eerste erkende: {tier1[0]}; verwacht {row['first']} ({row['source']})"
        assert ranked[0] == row["first"]
    if "first_in" in row:  # 8-12: Alles Kidzzz, PIT or BASTA (PIT's recognition is being migrated)
        assert tier1 and tier1[0] in row["first_in"], f"eerste erkende: {tier1[:1]}; verwacht een van {row['first_in']}"
    for iid in row.get("tier1", []):
        assert iid in tier1, f"{iid} niet in groep 1: {tier1}"
    for iid in row.get("present", []):
        assert iid in ranked, f"{iid} niet aanbevolen: {ranked}; uitgesloten {excluded_ids(res)}"
        assert next(r.tier for r in res.ranked if r.intervention.id == iid) == expected_tier(kk, iid, age)
    for iid in row.get("excluded", []):
        assert iid in excluded_ids(res), f"{iid} niet uitgesloten: {excluded_ids(res)}"
        assert iid not in ranked
        ex = next(e for e in res.excluded if e.intervention.id == iid)
        assert str(age) in ex.reason
        assert age_fits(ivs[iid], age) is False or ex.kind == "doelgroep"
    gaps = [g.factor.id for g in res.gaps]
    for fid in row.get("gaps", []):
        assert fid in gaps, f"{fid} geen gat: {gaps}"
    package = [p.intervention.id for p in res.package]
    assert len(package) <= PACKAGE_SIZE
    for iid in row.get("package", []):
        assert iid in package, f"{iid} niet in pakket: {package}"
    if tier1:  # never only unrecognised when a recognised, age-fitting one covers a selected factor
        assert package and res.package[0].rec.tier == 1
    if row.get("work_first"):
        assert ranked and "werk" in ivs[ranked[0]].settings
    if "need" in row:
        assert res.need == row["need"]
    for fid in row.get("static", []):
        assert fid in [f.id for f in res.static_factors]
        assert all(fid not in [f.id for f in r.factors] for r in res.ranked)
        assert fid not in gaps
    if row.get("empty"):
        assert res.ranked == () and res.package == ()
        assert res.notices


def test_pit_as_source_stated_recognition_joins_tier_one_for_children(kk: Kenniskaart):
    """Seed 002 calls PIT 'een wetenschappelijk erkende interventie' (no NJi level found): once the
    content records that as 'erkend, niveau onbekend', PIT is tier 1 for 8-12 with its caution."""
    import dataclasses

    from kenniskaart.models import Recognition, SourceRef

    pit = kk.by_id("interventions")["pit"]
    stated = Recognition(level="erkend, niveau onbekend", sources=[SourceRef(source="beke-praktijkscan-2022", section="§3.1.1")])
    migrated = dataclasses.replace(
        kk, interventions=tuple(pit.model_copy(update={"recognition": stated}) if iv.id == "pit" else iv for iv in kk.interventions)
    )
    res = recommend(migrated, Profile(age=8, risk_factors=(ANTI,)))
    tier1 = ranked_ids(res, 1)
    assert "pit" in tier1 and "basta" in tier1 and tier1[0] in ("pit", "basta")
    assert "ajb" in excluded_ids(res)
    rec = next(r for r in res.ranked if r.intervention.id == "pit")
    assert any("erkenningsniveau is niet gevonden" in c for c in rec.cautions)


# --- property: the first recommendation is recognised whenever one fits -------------------

_KK = load_content()
_DYNAMIC_RISK = [f for f in _KK.risk_factors if f.nature == "dynamisch"]


def _recognised_fitting_exists(kk: Kenniskaart, fid: str, age: int) -> bool:
    return any(
        is_recognised(iv) and age_fits(iv, age) is True and for_young_person(iv)
        and not any(c.kind == "doelgroep" and c.min_age is not None and age < c.min_age for c in iv.cautions)
        and not any(c.kind == "doelgroep" and c.max_age is not None and age > c.max_age for c in iv.cautions)
        for iv in kk.interventions_for_factor(fid)
    )


def test_every_age_and_dynamic_risk_factor_first_recommendation_is_recognised_when_possible():
    checked = 0
    for age in range(8, 24):
        for f in _DYNAMIC_RISK:
            res = recommend(_KK, Profile(age=age, risk_factors=(f.id,)))
            if _recognised_fitting_exists(_KK, f.id, age):
                checked += 1
                first = res.ranked[0]
                assert is_recognised(first.intervention) and first.tier == 1, (age, f.id, first.intervention.id)
                assert age_fits(first.intervention, age) is True
                assert f.id not in [g.factor.id for g in res.gaps]
            else:
                assert all(r.tier == 2 for r in res.ranked), (age, f.id)
                assert f.id in [g.factor.id for g in res.gaps]
            for r in res.ranked:
                assert age_fits(r.intervention, age) is not False
    assert checked > 0


def test_static_factors_are_never_addressed_on_the_real_content(kk: Kenniskaart):
    static = [f.id for f in kk.factors if f.nature == "statisch"]
    assert static
    for fid in static:
        res = recommend(kk, Profile(age=15, risk_factors=(fid,)))
        assert res.ranked == () and res.gaps == ()
        assert [f.id for f in res.static_factors] == [fid]


# --- cautions, notes, determinism -----------------------------------------------------------


def test_every_harm_caution_reaches_the_user(kk: Kenniskaart):
    """Group and awareness warnings travel with the recommendation as cautions; what a source says
    does not work or can harm falls out, with the warning as the reason."""
    from kenniskaart.signals import signals

    checked = 0
    for iv in kk.interventions:
        sig = signals(iv)
        if not sig.harms or not for_young_person(iv) or not iv.factors:
            continue
        dyn = [l.factor for l in iv.factors if kk.by_id("factors")[l.factor].nature == "dynamisch"]
        if not dyn:
            continue
        age = iv.min_age if iv.min_age is not None else 15
        # a profile the target group admits: offence, LVB and parent as the item asks
        res = recommend(kk, Profile(age=age, risk_factors=tuple(dyn), offence="eerste",
                                    lvb="lvb" in iv.requires, parent=True))
        if any(h.kind == "werkt_niet" for h in sig.harms):
            ex = next(e for e in res.excluded if e.intervention.id == iv.id)
            assert ex.kind == "werkt_niet"
            assert any(h.text in ex.reason for h in sig.harms if h.kind == "werkt_niet")
            assert iv.id not in {r.intervention.id for r in res.ranked}
        else:
            rec = next(r for r in res.ranked if r.intervention.id == iv.id)
            for harm in sig.harms:
                assert any(harm.text in c for c in rec.cautions)
                assert not any(harm.text in r for r in rec.reasons)
        checked += 1
    assert checked >= 5


def test_user_need_overrides_suggestion_and_unknown_input_is_reported(kk: Kenniskaart):
    res = recommend(kk, Profile(age=15, risk_factors=(ANTI, "bestaat-niet"), need="hulp-specialistisch"))
    assert res.need == "hulp-specialistisch" and "gekozen in het profiel" in res.need_reason
    assert "zou de aanbeveler positieve ondersteuning voorstellen" in res.need_reason  # one dynamic factor
    assert any("bestaat-niet" in n for n in res.notices)
    res2 = recommend(kk, Profile(age=15, risk_factors=(ANTI,), need="onzin"))
    assert any("onzin" in n for n in res2.notices) and res2.need is not None


def test_ranking_is_deterministic(kk: Kenniskaart):
    p = Profile(age=14, risk_factors=(ANTI, FRIENDS, DRUGS), protective_factors=("vk-zelfregulatie",))
    a, b = recommend(kk, p), recommend(kk, p)
    assert a == b
    assert [(r.reasons, r.cautions, r.rule) for r in a.ranked] == [(r.reasons, r.cautions, r.rule) for r in b.ranked]


def test_every_case_gets_tiers_a_package_or_gaps(kk: Kenniskaart):
    assert len(kk.cases) >= 5
    for case in kk.cases:
        res = recommend(kk, profile_from_case(case))
        assert res.ranked, case.id
        assert res.package, case.id
        assert res.need_reason


# --- invariants over random profiles (hypothesis) -------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as hst  # noqa: E402

_FACTOR_IDS = sorted(f.id for f in _KK.factors)
_RISK_IDS = [f for f in _FACTOR_IDS if _KK.by_id("factors")[f].kind == "risico"]
_PROT_IDS = [f for f in _FACTOR_IDS if _KK.by_id("factors")[f].kind == "beschermend"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    age=hst.one_of(hst.none(), hst.integers(8, 27)),
    risks=hst.lists(hst.sampled_from(_RISK_IDS), max_size=8, unique=True),
    prots=hst.lists(hst.sampled_from(_PROT_IDS), max_size=5, unique=True),
    need=hst.sampled_from([None, "hulp-positief", "hulp-intensief", "hulp-specialistisch"]),
)
def test_recommend_invariants(age, risks, prots, need):
    res = recommend(_KK, Profile(age=age, risk_factors=tuple(risks), protective_factors=tuple(prots), need=need))
    tiers = [r.tier for r in res.ranked]
    assert tiers == sorted(tiers) and set(tiers) <= {1, 2}
    ranked = {r.intervention.id for r in res.ranked}
    assert not ranked & {e.intervention.id for e in res.excluded}
    assert not ranked & {r.intervention.id for r in res.for_organisation}
    assert all(for_young_person(r.intervention) for r in res.ranked)
    assert all(not for_young_person(r.intervention) for r in res.for_organisation)
    assert all(f.nature == "dynamisch" for r in (*res.ranked, *res.for_organisation) for f in r.factors)
    assert all(f.nature == "statisch" for f in res.static_factors)
    package = [p.rec for p in res.package]
    assert len(package) <= PACKAGE_SIZE and len({r.intervention.id for r in package}) == len(package)
    assert all(r.intervention.id in ranked for r in package)
    if res.tier(1):
        assert package[0].tier == 1
    covered = {f.id for r in res.tier(1) for f in r.factors}
    assert {g.factor.id for g in res.gaps} == {
        f.id for f in selected_factors(_KK, res.profile) if f.nature == "dynamisch"
    } - covered  # twins count once (selected_factors keeps the first of a pair)
    if age is not None:
        assert all(age_fits(r.intervention, age) is not False for r in res.ranked)
