"""Shareable URL state: explicit keys, validated, malformed values dropped with a notice."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kenniskaart.aanbeveler import Profile
from kenniskaart.share import FilterParam, filters_to_params, parse_filters, profile_from_params, profile_to_params


def test_profile_round_trips_through_params(kk):
    risk = [f.id for f in kk.risk_factors][:3]
    prot = [f.id for f in kk.protective_factors][:2]
    profile = Profile(age=15, risk_factors=tuple(risk), protective_factors=tuple(prot),
                      settings=("school", "wijk"), need="hulp-intensief")
    params = profile_to_params(profile)
    assert params["leeftijd"] == "15" and params["niveau"] == "hulp-intensief"
    back, notices = profile_from_params(kk, params)
    assert back == profile and notices == []


def test_malformed_profile_params_are_dropped_with_notices(kk):
    risk = kk.risk_factors[0].id
    params = {
        "leeftijd": "twaalf",
        "risico": f"{risk},bestaat-niet,<script>",
        "bescherm": risk,  # a risk factor is not a protective factor
        "setting": "school,maan",
        "niveau": "hulp-extreem",
    }
    profile, notices = profile_from_params(kk, params)
    assert profile == Profile(risk_factors=(risk,), settings=("school",))
    text = " ".join(notices)
    assert "Ongeldige leeftijd" in text
    assert "bestaat-niet" in text and "<script>" in text
    assert "Onbekende beschermende factoren" in text
    assert "Onbekende settings" in text and "maan" in text
    assert "Onbekend niveau van hulp" in text


def test_age_out_of_range_is_dropped(kk):
    profile, notices = profile_from_params(kk, {"leeftijd": "99"})
    assert profile.age is None and notices


SPECS = [
    FilterParam("zoek", "q", "text", "zoekterm"),
    FilterParam("thema", "t", "list", "thema's", ["a", "b"]),
    FilterParam("nl", "n", "choice", "nl", ["ja", "nee"]),
    FilterParam("lft", "l", "int", "leeftijd", lo=6, hi=30),
    FilterParam("dg", "d", "list", "doelgroepen", ["Jongeren", "Loopjongens, katvangers"], sep="|"),
]


def test_filters_round_trip():
    values = {"q": "school", "t": ["b", "a"], "n": "ja", "l": 12, "d": ["Loopjongens, katvangers"]}
    params = filters_to_params(values, SPECS)
    assert params == {"zoek": "school", "thema": "b,a", "nl": "ja", "lft": "12", "dg": "Loopjongens, katvangers"}
    back, notices = parse_filters(params, SPECS)
    assert back == values and notices == []


def test_bad_filters_give_notices():
    values, notices = parse_filters({"thema": "a,zzz", "nl": "misschien", "lft": "-4"}, SPECS)
    assert values == {"t": ["a"]}
    assert len(notices) == 3


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["leeftijd", "risico", "bescherm", "setting", "niveau", "x"]),
                       st.text(max_size=300)),
       st.data())
def test_any_query_string_gives_a_valid_profile(kk, params, data):
    """Any link gives a valid profile: known risk factors are kept in their order (once each),
    anything else is dropped and named in a notice; random text never gets through."""
    profile, notices = profile_from_params(kk, params)
    factors = kk.by_id("factors")
    assert all(f in factors for f in profile.risk_factors + profile.protective_factors)
    assert profile.age is None or 4 <= profile.age <= 30
    valid = [f.id for f in kk.risk_factors]
    junk = st.text(alphabet="abcz-<>\\\"'", min_size=1, max_size=12)
    risico = data.draw(st.lists(st.one_of(st.sampled_from(valid[:20]), junk), max_size=8), label="risico")
    profile, notices = profile_from_params(kk, {**params, "risico": ",".join(risico)})
    assert list(profile.risk_factors) == list(dict.fromkeys(r for r in risico if r in valid))
    dropped = [r for r in risico if r not in valid]
    assert any(n.startswith("Onbekende risicofactoren in de link genegeerd: ") for n in notices) == bool(dropped)


def test_notes_round_trip_for_shortlisted_items():
    from kenniskaart.share import notes_from_params, notes_to_params

    notes = {"ajb": "Past bij onze scholen", "pit": "", "weg": "niet op de lijst"}
    params = notes_to_params(notes, ["ajb", "pit"])
    assert params == {"notitie-ajb": "Past bij onze scholen"}
    notices: list[str] = []
    assert notes_from_params({"shortlist": "ajb,pit", **params}, ["ajb", "pit"], notices) == {
        "ajb": "Past bij onze scholen"
    }
    assert notices == []


def test_notes_in_a_link_for_unknown_items_or_too_long_are_reported():
    from kenniskaart.share import MAX_NOTE, notes_from_params

    notices: list[str] = []
    notes = notes_from_params(
        {"notitie-ajb": "x" * (MAX_NOTE + 50), "notitie-zzz": "a", "notitie-qqq": "b"}, ["ajb"], notices
    )
    assert notes == {"ajb": "x" * MAX_NOTE}
    assert any("ingekort" in n for n in notices)
    assert any("2 notities" in n for n in notices)


def test_responsivity_round_trips_through_params(kk):
    risk = kk.risk_factors[0].id
    for offence, lvb, parent in (("geen", True, False), ("eerste", False, True), ("herhaald", None, None)):
        profile = Profile(age=17, risk_factors=(risk,), offence=offence, lvb=lvb, parent=parent)
        params = profile_to_params(profile)
        assert params["delict"] == offence
        assert params.get("lvb") == {True: "ja", False: "nee", None: None}[lvb]
        assert params.get("ouder") == {True: "ja", False: "nee", None: None}[parent]
        back, notices = profile_from_params(kk, params)
        assert back == profile and notices == []


def test_malformed_responsivity_params_are_dropped_with_notices(kk):
    profile, notices = profile_from_params(kk, {"delict": "vaak", "lvb": "misschien", "ouder": "1"})
    assert (profile.offence, profile.lvb, profile.parent) == (None, None, None)
    text = " ".join(notices)
    assert "Ongeldige waarde voor delict" in text and "geen, eerste, herhaald" in text
    assert "Ongeldige waarde voor LVB" in text and "Ongeldige waarde voor ouder die meedoet" in text
