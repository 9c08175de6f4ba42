"""The werksessie room at its edges: how a long title is cut, when a room counts as expired,
the exact messages for a wrong choice or age, and the order in which the room's answers are
shown and handed to the Aanbeveler. Every expectation is written out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from kenniskaart.werksessie.room import (
    Answer,
    Room,
    RoomSummary,
    WerksessieError,
    fit_title,
    profile_age,
    room_top_factors,
    summarise,
    to_profile,
    validate_ages,
    validate_answer,
)

UTC = dt.UTC


def _room(expires_at: dt.datetime) -> Room:
    return Room(code="ABC123", title="Werksessie", created_at=expires_at - dt.timedelta(days=7), expires_at=expires_at)


# --- the title ----------------------------------------------------------------------------------


def test_a_title_of_exactly_80_characters_is_kept_whole():
    title = "Wijkaanpak " + "x" * 69
    assert len(title) == 80
    assert fit_title(title) == (title, None)


def test_a_long_title_is_cut_after_the_last_whole_word_within_79_characters():
    # the 79th character (index 78) is a space: the word before it is kept whole
    title = "Aanpak " + "a" * 63 + " " + "b" * 7 + " cc"
    assert len(title) == 81
    cut = "Aanpak " + "a" * 63 + " " + "b" * 7
    assert fit_title(title) == (cut + "…", "De titel was 81 tekens; een titel mag er hoogstens 80 hebben. "
                                           f"Hij is ingekort tot: {cut}…")


def test_a_word_running_past_the_79th_character_is_left_out_whole():
    # characters 72 to 79 are one word; the next space is the 81st character
    title = "Aanpak " + "a" * 63 + " " + "b" * 9 + " dd"
    assert len(title) == 83
    assert fit_title(title)[0] == "Aanpak " + "a" * 63 + "…"


def test_a_comma_before_the_cut_is_dropped():
    title = "Jeugd, " + "a" * 62 + ", " + "b" * 20
    assert fit_title(title)[0] == "Jeugd, " + "a" * 62 + "…"


def test_one_word_longer_than_the_limit_is_cut_at_79_characters():
    assert fit_title("x" * 100)[0] == "x" * 79 + "…"


def test_a_title_with_a_control_character_is_refused_naming_the_title():
    with pytest.raises(WerksessieError) as err:
        fit_title("Werk\x00sessie")
    assert str(err.value) == "Titel: de tekst bevat onzichtbare of stuurtekens; typ hem opnieuw."


def test_a_title_up_to_10000_characters_is_cut_and_a_longer_one_refused():
    assert fit_title("y" * 10_000)[0] == "y" * 79 + "…"
    with pytest.raises(WerksessieError) as err:
        fit_title("y" * 10_001)
    assert str(err.value) == "Titel: maximaal 10000 tekens (nu 10001)."


# --- expiry -------------------------------------------------------------------------------------


def test_a_room_is_expired_from_the_moment_it_expires():
    end = dt.datetime(2100, 1, 1, 12, tzinfo=UTC)
    room = _room(end)
    assert not room.is_expired(end - dt.timedelta(seconds=1))
    assert room.is_expired(end)
    assert room.is_expired(dt.datetime(2101, 1, 1, tzinfo=UTC))


def test_without_a_time_the_current_utc_time_counts():
    assert not _room(dt.datetime.now(UTC) + dt.timedelta(days=1)).is_expired()
    assert _room(dt.datetime.now(UTC) - dt.timedelta(seconds=1)).is_expired()


# --- choices and ages ---------------------------------------------------------------------------


def test_an_unknown_choice_is_named_by_its_first_40_characters(kk):
    with pytest.raises(WerksessieError) as err:
        validate_answer(kk, "gemeente", ["z" * 45])
    assert str(err.value) == "Risico's: onbekende keuze '" + "z" * 40 + "'."


def test_thirty_interventions_are_allowed_and_thirty_one_refused(kk):
    ids = [iv.id for iv in kk.interventions]
    assert validate_answer(kk, "gemeente", [], doing=ids[:30]).doing == tuple(ids[:30])
    with pytest.raises(WerksessieError) as err:
        validate_answer(kk, "gemeente", [], doing=ids[:31])
    assert str(err.value) == "Wat we al doen: maximaal 30 keuzes."


@pytest.mark.parametrize("ages", [(12.5, 17), (12, 17.0), (True, 17), ("12", 17)])
def test_ages_must_be_whole_years(ages):
    with pytest.raises(WerksessieError) as err:
        validate_ages(*ages)
    assert str(err.value) == "Leeftijd: geef hele jaren."


@pytest.mark.parametrize(("lo", "hi", "age"), [(12, 17, 14), (12, 18, 15), (4, 30, 17), (16, 16, 16)])
def test_the_profile_age_is_the_middle_of_the_range_rounded_down(lo, hi, age):
    assert profile_age(lo, hi) == age


# --- the room's summary and ranking -------------------------------------------------------------

MEER = "beke-r-meer-veroordelingen"  # "Het hebben van meer veroordelingen …"
HOGER = "beke-r-hogere-leeftijd"  # "Hogere leeftijd …": after MEER by name, before it by id


def test_own_entries_most_named_first_then_alphabetically(kk):
    answers = [Answer("gemeente", own=("buurtvaders", "Appje")), Answer("politie", own=("Buurtvaders", "club"))]
    assert summarise(kk, answers, 2).own == [("buurtvaders", 2), ("Appje", 1), ("club", 1)]


def test_what_organisations_do_most_done_first_then_by_name(kk):
    answers = [Answer("gemeente", doing=("ajb", "agressie-regulatie-op-maat", "art")),
               Answer("politie", doing=("ajb", "aanpak-schoolverzuim"))]
    # once each: Aanpak van schoolverzuim, Aggression Replacement Training, Agressie Regulatie op Maat
    assert list(summarise(kk, answers, 2).doing) == ["ajb", "aanpak-schoolverzuim", "art", "agressie-regulatie-op-maat"]


def test_factors_with_equal_votes_are_ranked_by_name_not_by_id(kk):
    summary = summarise(kk, [Answer("gemeente", factors=(HOGER, MEER))], 1)
    assert room_top_factors(summary) == [MEER, HOGER]


def test_a_factor_without_a_mark_is_not_ranked_and_an_unnamed_one_sorts_by_id():
    summary = RoomSummary(joined=2, answered=2, factor_votes={"f-b": 1, "f-a": 1, "f-nul": 0})
    assert room_top_factors(summary) == ["f-a", "f-b"]
    assert room_top_factors(summary, None) == ["f-a", "f-b"]


def test_every_risk_factor_the_room_marked_goes_into_the_profile_not_only_the_first_five(kk):
    marked = ("beke-r-man-zijn", "beke-r-niet-religieus", "beke-r-gemarginaliseerd", "beke-r-lage-zelfcontrole",
              "beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-bereidheid-geweld")
    summary = summarise(kk, [Answer("gemeente", factors=marked)], 1)
    profile = to_profile(kk, summary, 12, 17)
    # one mark each, so by name: Antisociale …, De bereidheid …, Gemarginaliseerd …, Lage …, Man-zijn, Niet-religieus …
    assert profile.risk_factors == (
        "beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-bereidheid-geweld", "beke-r-gemarginaliseerd",
        "beke-r-lage-zelfcontrole", "beke-r-man-zijn", "beke-r-niet-religieus")
    assert profile.age == 14


def test_the_room_shows_its_five_top_factors_unless_asked_for_all(kk):
    marked = ("beke-r-man-zijn", "beke-r-niet-religieus", "beke-r-gemarginaliseerd", "beke-r-lage-zelfcontrole",
              "beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-bereidheid-geweld")
    summary = summarise(kk, [Answer("gemeente", factors=marked)], 1)
    assert room_top_factors(summary) == [
        "beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-bereidheid-geweld", "beke-r-gemarginaliseerd",
        "beke-r-lage-zelfcontrole", "beke-r-man-zijn"]
    assert len(room_top_factors(summary, None)) == 6


def test_a_title_of_only_punctuation_is_still_cut_at_79_characters():
    assert fit_title("-" * 100)[0] == "-" * 79 + "…"
