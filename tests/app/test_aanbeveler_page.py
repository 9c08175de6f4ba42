"""The Aanbeveler page (AppTest): tiers, the three signals, reasons vs cautions, package,
gaps with practice examples, exclusions and the 'voor de organisatie' section."""

from __future__ import annotations

from streamlit.proto.SelectWidgetFilterMode_pb2 import SelectWidgetFilterMode

from kenniskaart.aanbeveler import Profile, profile_from_case, recommend
from kenniskaart.share import profile_to_params
from kenniskaart.ui.text import md
from kenniskaart.vocabulary import EVIDENCE_LABELS
from support.apptest import open_page, page_text


def _open(kk, profile: Profile, tab: str | None = None):
    at = open_page("pages/aanbeveler.py", profile_to_params(profile))
    if tab:
        at.session_state["a_tab"] = tab
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_tiers_signals_and_distinct_reasons_and_cautions(kk):
    profile = Profile(
        age=15, risk_factors=("beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-banden-vrienden-kennissen")
    )
    res = recommend(kk, profile)
    at = _open(kk, profile)
    text = page_text(at)
    assert f"Groep 1 · Erkend, passend bij leeftijd en niveau van hulp ({len(res.tier(1))})" in text
    assert f"Groep 2 · Veelbelovend / praktijk ({len(res.tier(2))})" in text
    first = res.ranked[0]
    assert f"**1. {md(first.intervention.name)}**" in text
    cards = [m.value for m in at.markdown if m.value.startswith("**") and ". " in m.value[:6]]
    assert [c.split("**")[1].split(". ", 1)[1] for c in cards][: len(res.ranked)] == [
        md(r.intervention.name) for r in res.ranked
    ][: len(cards)]
    for label in ("**Bewijs:**", "**Effect:**", "**Uitvoering:**"):
        assert label in text
    # reasons are a plain list, cautions a warning box: different elements
    warnings = [w.value for w in at.warning]
    for caution in first.cautions:
        assert any(md(caution) in w for w in warnings)
        assert not any(md(caution) in m.value for m in at.markdown)
    reasons_md = [m.value.split("**Waarom wel:**")[1] for m in at.markdown if "**Waarom wel:**" in m.value]
    assert reasons_md and md(first.reasons[0]) in reasons_md[0]
    assert all(w.startswith("**Let op") or "statisch" in w for w in warnings if "Waarom wel" not in w)


def test_package_tab_shows_why(kk):
    profile = profile_from_case(kk.by_id("cases")["casus-agressie-basisschool"])
    res = recommend(kk, profile)
    text = page_text(_open(kk, profile, "Pakket"))
    for n, item in enumerate(res.package, start=1):
        assert f"{n}. **{md(item.intervention.name)}**" in text
        assert md(item.why) in text


def test_drug_use_is_no_longer_a_gap():
    """Issue 19: the databank's recognised drug interventions close the gap the app used to show."""
    at = _open(None, Profile(age=16, risk_factors=("beke-r-drugsgebruik",)), "Gaten")
    text = page_text(at)
    assert "Voor elke gekozen dynamische factor is er minstens één erkende interventie" in text


def test_family_ties_with_organised_crime_is_a_gap_with_practice_examples(kk):
    """Nothing recognised targets family members in crime by name (interventions-facts-2.md)."""
    fid = "beke-r-familiebanden-georganiseerde-criminaliteit"
    profile = Profile(age=15, risk_factors=(fid,))
    res = recommend(kk, profile)
    assert [g.factor.id for g in res.gaps] == [fid]
    assert res.gaps[0].examples
    text = page_text(_open(kk, profile, "Gaten"))
    assert f"**{md(kk.by_id('factors')[fid].name)}**" in text and "geen erkende" in text
    for ex in res.gaps[0].examples[:8]:  # the page lists up to 8 per gap
        assert md(ex.name) in text


def test_excluded_and_for_the_organisation(kk):
    profile = Profile(age=8, risk_factors=("beke-r-antisociale-persoonlijkheidskenmerken",))
    res = recommend(kk, profile)
    text = page_text(_open(kk, profile, "Valt af"))
    for ex in res.excluded:
        assert md(ex.intervention.name) in text and md(ex.reason) in text
    text = page_text(_open(kk, profile, "Voor school of gemeente"))
    assert "Nooit aanbevolen voor één jongere" in text
    for rec in res.for_organisation:
        assert md(rec.intervention.name) in text


def test_static_factor_is_explained_not_addressed(kk):
    profile = Profile(age=16, risk_factors=("beke-r-man-zijn", "beke-r-antisociale-persoonlijkheidskenmerken"))
    text = page_text(_open(kk, profile))
    assert "Statische factoren (bepalen hoe zwaar de hulp moet zijn" in text
    assert md("Man-zijn") in text and "het risico verhoogt" in text
    assert md("pakt aan: Man-zijn") not in text


def test_pickers_have_no_select_all_and_wrap(kk):
    at = _open(kk, Profile(age=12, risk_factors=("beke-r-antisociale-persoonlijkheidskenmerken",)))
    pickers = [m for m in at.multiselect if m.key.startswith(("a_risk_", "a_prot_"))]
    assert len(pickers) == 6
    for m in pickers:
        assert not m.proto.select_all  # no English "Select all" that picks 40+ factors at once
        assert m.proto.wrap  # chips wrap: full names stay readable
    assert at.multiselect(key="a_risk_individu").value == ["beke-r-antisociale-persoonlijkheidskenmerken"]


def test_no_unknown_effect_next_to_an_effective_recognition(kk):
    profile = Profile(age=15, risk_factors=("beke-r-antisociale-persoonlijkheidskenmerken",))
    res = recommend(kk, profile)
    shown = [r.intervention for r in res.tier(1)]
    assert shown
    text = page_text(_open(kk, profile))
    checked = 0
    for iv in shown:
        if iv.effect is None and iv.recognition.level.startswith("effectief"):
            assert md(f"het erkenningsniveau zegt: {iv.recognition.level}") in text
            checked += 1
        elif iv.effect:
            assert md(iv.effect) in text
            checked += 1
    assert checked >= len(shown) // 2


def test_chosen_factors_show_evidence_and_nature_as_badges(kk):
    f = kk.by_id("factors")
    profile = Profile(age=16, risk_factors=("beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-man-zijn"))
    text = page_text(_open(kk, profile))
    for fid in profile.risk_factors:
        fac = f[fid]
        nature = ":gray-badge[statisch: bepaalt het niveau]" if fac.nature == "statisch" else ":violet-badge[dynamisch]"
        assert f"- {md(fac.name)} :blue-badge[{md(EVIDENCE_LABELS[fac.evidence])}] {nature}" in text


def test_kaart_tab_shows_the_map_of_the_profile(kk):
    """Issue 14: the map filtered to the profile is on the Aanbeveler too: its chart carries the
    profile's factors and the interventions that address them, with a table alternative."""
    profile = Profile(
        age=15, risk_factors=("beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-banden-vrienden-kennissen")
    )
    at = _open(kk, profile, "Kaart")
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    import pyarrow as pa

    sent = charts[0].proto
    assert "2 factoren" in sent.alt
    labels = " | ".join(
        str(v) for d in sent.datasets
        for v in pa.ipc.open_stream(d.data.data).read_all().to_pandas().astype(str).to_numpy().ravel()
    )
    factors = kk.by_id("factors")
    for fid in profile.risk_factors:
        assert factors[fid].name in labels
    assert kk.by_id("interventions")["ajb"].name in labels
    assert any(e.label == "De kaart als tabel (voor schermlezers)" for e in at.expander)


def test_responsivity_inputs_change_who_is_offered(kk):
    """Delict, LVB and a parent who takes part are profile inputs: a link sets them, the page shows
    programmes after an offence only with an offence, and says why they fall out otherwise."""
    from kenniskaart.aanbeveler import needs_offence

    base = Profile(age=16, risk_factors=("beke-r-antisociale-persoonlijkheidskenmerken",),
                   protective_factors=("vk-sociale-vaardigheden",))
    with_offence = base.model_copy(update={"offence": "eerste"})
    offered = [
        r.intervention for r in recommend(kk, with_offence).ranked if needs_offence(r.intervention) and r.factors
    ]
    assert offered, "some programme after an offence addresses these factors"
    at = _open(kk, with_offence)
    assert at.session_state["a_offence"] == "eerste"
    text = page_text(at)
    assert all(md(iv.name) in text for iv in offered[:3])
    assert md("pakt het delict zelf aan: het doel is herhaling voorkomen") in text

    at = _open(kk, base, "Valt af")
    assert at.session_state["a_offence"] == "onbekend"
    text = page_text(at)
    for iv in offered:
        assert md(iv.name) in text
    assert md("alleen na een delict (justitieel kader)") in text

    # changing the widget changes the result in the same session
    at.selectbox(key="a_offence").set_value("herhaald").run()
    assert not at.exception
    assert at.session_state["profile"].offence == "herhaald"


def test_the_aanbeveler_pickers_filter_on_contains():
    """Streamlit's default 'fuzzy' filter keeps any label with the letters in order ('agressie'
    found unrelated factors); 'contains' keeps labels with the typed text."""
    at = open_page("pages/aanbeveler.py", {})
    assert not at.exception
    pickers = [m for m in at.multiselect if m.key.startswith(("a_risk_", "a_prot_"))]
    assert len(pickers) == 6
    for m in pickers:
        assert m.proto.filter_mode == SelectWidgetFilterMode.FILTER_MODE_CONTAINS
        assert "spijbelen" in m.help and "gemeenschap" in m.help
    # friends in organised crime are a gemeenschap factor: the picker's label says where friends are
    friends = next(m for m in pickers if m.key == "a_risk_gemeenschap")
    assert "vrienden" in friends.label
