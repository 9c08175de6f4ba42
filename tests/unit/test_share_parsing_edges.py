"""The edges of a shared link: the limits a link may reach and the exact notices a user reads
when it goes past them. Every expectation is written out by hand."""

from __future__ import annotations

import pytest

from kenniskaart.share import (
    FilterParam,
    filters_to_params,
    notes_from_params,
    notes_to_params,
    parse_filters,
    parse_id_list,
    profile_from_params,
)

AGE_NOTICE = "Ongeldige leeftijd in de link genegeerd (toegestaan: 4 tot en met 30)."


# --- age: 4 up to and including 30 ------------------------------------------------------------


@pytest.mark.parametrize("age", [4, 5, 29, 30])
def test_an_age_from_4_up_to_and_including_30_is_kept(kk, age):
    profile, notices = profile_from_params(kk, {"leeftijd": str(age)})
    assert profile.age == age and notices == []


@pytest.mark.parametrize("age", ["3", "31", "-4", "twaalf"])
def test_an_age_outside_4_to_30_is_dropped_with_a_notice_naming_the_limits(kk, age):
    profile, notices = profile_from_params(kk, {"leeftijd": age})
    assert profile.age is None and notices == [AGE_NOTICE]


def test_a_repeated_parameter_counts_with_its_first_value(kk):
    profile, notices = profile_from_params(kk, {"leeftijd": ["15", "16"]})
    assert profile.age == 15 and notices == []
    profile, notices = profile_from_params(kk, {"leeftijd": []})
    assert profile.age is None and notices == []


# --- the other profile notices, word for word ---------------------------------------------------


def test_the_notices_for_a_wrong_help_level_offence_and_yes_no_answer(kk):
    profile, notices = profile_from_params(kk, {"niveau": "hulp-extreem", "delict": "soms", "lvb": "misschien"})
    assert (profile.need, profile.offence, profile.lvb) == (None, None, None)
    assert notices == [
        "Onbekend niveau van hulp in de link genegeerd.",
        "Ongeldige waarde voor delict in de link genegeerd (toegestaan: geen, eerste, herhaald).",
        "Ongeldige waarde voor LVB in de link genegeerd (toegestaan: ja, nee).",
    ]


# --- id lists: at most 60, unknown ids named (at most 5, each cut at 40 characters) -------------


def _ids(n: int) -> list[str]:
    return [f"id-{k:02d}" for k in range(n)]


def test_sixty_ids_are_all_kept_without_a_notice():
    notices: list[str] = []
    assert parse_id_list(",".join(_ids(60)), set(_ids(60)), "dingen", notices) == _ids(60)
    assert notices == []


def test_from_sixty_one_ids_only_the_first_sixty_are_kept_with_a_notice():
    notices: list[str] = []
    assert parse_id_list(",".join(_ids(61)), set(_ids(61)), "dingen", notices) == _ids(60)
    assert notices == ["Te veel dingen in de link; alleen de eerste 60 zijn gebruikt."]


def test_one_unknown_id_is_named_in_the_notice():
    notices: list[str] = []
    assert parse_id_list("a,zz", {"a"}, "dingen", notices) == ["a"]
    assert notices == ["Onbekende dingen in de link genegeerd: zz"]


def test_five_unknown_ids_are_all_named_without_an_ellipsis():
    notices: list[str] = []
    parse_id_list("u1,u2,u3,u4,u5", {"a"}, "dingen", notices)
    assert notices == ["Onbekende dingen in de link genegeerd: u1, u2, u3, u4, u5"]


def test_from_six_unknown_ids_the_first_five_are_named_and_an_ellipsis_follows():
    notices: list[str] = []
    parse_id_list("u1,u2,u3,u4,u5,u6", {"a"}, "dingen", notices)
    assert notices == ["Onbekende dingen in de link genegeerd: u1, u2, u3, u4, u5 …"]


def test_a_long_unknown_id_is_named_by_its_first_40_characters():
    notices: list[str] = []
    parse_id_list("x" * 40 + "yz", {"a"}, "dingen", notices)
    assert notices == ["Onbekende dingen in de link genegeerd: " + "x" * 40]


# --- page filters -------------------------------------------------------------------------------


def _specs() -> list[FilterParam]:
    """Built inside the tests (not at import time), so a change to FilterParam shows."""
    return [
        FilterParam("thema", "t", "list", "thema's", options=["a", "b", "c"]),
        FilterParam("nl", "n", "choice", "Nederland", options=["ja", "nee"]),
        FilterParam("q", "q", "text", "zoektekst"),
        FilterParam("lft", "l", "int", "leeftijd", lo=6, hi=30),
        FilterParam("aantal", "a", "int", "aantal"),  # the default range: 0 up to and including 99
    ]


def test_an_empty_filter_parameter_changes_nothing():
    assert parse_filters({"q": "", "thema": "", "lft": ""}, _specs()) == ({}, [])


def test_a_list_filter_splits_on_commas_by_default():
    assert parse_filters({"thema": "a,c"}, _specs()) == ({"t": ["a", "c"]}, [])


def test_an_unknown_id_in_a_list_filter_is_named_with_the_filters_label():
    assert parse_filters({"thema": "a,zzz"}, _specs()) == (
        {"t": ["a"]}, ["Onbekende thema's in de link genegeerd: zzz"])


def test_a_wrong_choice_is_dropped_with_a_notice_naming_the_filter():
    assert parse_filters({"nl": "misschien"}, _specs()) == (
        {}, ["Ongeldige waarde voor Nederland in de link genegeerd."])


def test_a_search_text_is_cut_at_200_characters():
    values, notices = parse_filters({"q": "a" * 201}, _specs())
    assert values == {"q": "a" * 200} and notices == []


@pytest.mark.parametrize(("raw", "kept"), [("6", 6), ("30", 30), ("5", None), ("31", None)])
def test_a_number_filter_keeps_its_range_including_both_ends(raw, kept):
    values, notices = parse_filters({"lft": raw}, _specs())
    if kept is None:
        assert values == {} and notices == ["Ongeldige leeftijd in de link genegeerd (toegestaan: 6 tot en met 30)."]
    else:
        assert values == {"l": kept} and notices == []


@pytest.mark.parametrize(("raw", "kept"), [("0", 0), ("99", 99), ("-1", None), ("100", None)])
def test_a_number_filter_without_a_range_allows_0_to_99(raw, kept):
    values, notices = parse_filters({"aantal": raw}, _specs())
    assert values == ({} if kept is None else {"a": kept})
    assert notices == ([] if kept is not None else
                       ["Ongeldige aantal in de link genegeerd (toegestaan: 0 tot en met 99)."])


def test_empty_filters_are_left_out_of_the_link_and_the_rest_stays():
    values = {"t": [], "q": "", "n": None, "l": 12, "a": 0}
    assert filters_to_params(values, _specs()) == {"lft": "12", "aantal": "0"}
    assert filters_to_params({"q": "", "t": ["a", "b"]}, _specs()) == {"thema": "a,b"}


# --- shortlist notes ----------------------------------------------------------------------------


def test_an_item_without_a_note_gets_no_note_parameter():
    assert notes_to_params({"a": "past goed"}, ["a", "b"]) == {"notitie-a": "past goed"}
    assert notes_to_params({}, ["a"]) == {}


def test_an_empty_note_parameter_gives_no_note():
    notices: list[str] = []
    assert notes_from_params({"notitie-a": "", "notitie-b": "  "}, ["a", "b"], notices) == {}
    assert notices == []


def test_a_note_of_exactly_500_characters_is_kept_whole_without_a_notice():
    notices: list[str] = []
    assert notes_from_params({"notitie-a": "n" * 500}, ["a"], notices) == {"a": "n" * 500}
    assert notices == []


def test_a_note_over_500_characters_is_cut_with_a_notice():
    notices: list[str] = []
    assert notes_from_params({"notitie-a": "n" * 501}, ["a"], notices) == {"a": "n" * 500}
    assert notices == ["Een notitie in de link was langer dan 500 tekens en is ingekort."]


def test_one_stray_note_gets_the_singular_notice():
    notices: list[str] = []
    assert notes_from_params({"notitie-weg": "x"}, ["a"], notices) == {}
    assert notices == ["1 notitie in de link hoort niet bij een interventie op de shortlist en is genegeerd."]


def test_two_stray_notes_get_the_plural_notice_with_their_number():
    notices: list[str] = []
    params = {"notitie-weg": "x", "notitie-ook-weg": "y", "notitie-a": "z"}
    assert notes_from_params(params, ["a"], notices) == {"a": "z"}
    assert notices == ["2 notities in de link horen niet bij een interventie op de shortlist en zijn genegeerd."]
