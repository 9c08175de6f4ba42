"""The shortlist memo gains what the plan van aanpak needs from it (issue 28): the responsivity
inputs, the level of help with the matcher's reason, and what fell out for the profile and why."""

from __future__ import annotations

import datetime as dt
from html import escape

from kenniskaart.aanbeveler import Profile, recommend
from kenniskaart.shortlist import memo_html, profile_lines


def test_memo_says_responsivity_level_of_help_and_what_fell_out(kk):
    profile = Profile(age=12, risk_factors=("beke-r-antisociale-persoonlijkheidskenmerken",), offence="geen",
                      lvb=False)
    result = recommend(kk, profile)
    assert result.excluded
    html = memo_html(kk, ["ajb"], {}, profile, dt.date(2026, 12, 6))
    for line in ("Delict: geen delict", "Licht verstandelijke beperking: nee",
                 "Een ouder of verzorger die meedoet: onbekend"):
        assert f"<li>{line}</li>" in html
    level = kk.by_id("help_levels")[result.need].name
    assert f"{escape(level)}. {escape(result.need_reason)}" in html
    assert "<h2>Wat valt af voor dit profiel en waarom</h2>" in html
    for x in result.excluded:
        assert f"<strong>{escape(x.intervention.name)}</strong>" in html and escape(x.reason) in html


def test_profile_lines_say_onbekend_where_nothing_was_stated(kk):
    lines = profile_lines(kk, Profile(risk_factors=("beke-r-drugsgebruik",)))
    assert lines[-3:] == ["Delict: onbekend", "Licht verstandelijke beperking: onbekend",
                          "Een ouder of verzorger die meedoet: onbekend"]
