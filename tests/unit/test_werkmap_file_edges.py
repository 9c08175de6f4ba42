"""The werkmap file at its edges: how it is written (readable UTF-8 an advisor can open), the
exact messages for a file that cannot be read, the limits, and what is dropped with a notice.
Every expectation is written out by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kenniskaart.aanbeveler import Profile
from kenniskaart.monitor import MonitorState, Tracked
from kenniskaart.plan_van_aanpak import PlanInputs
from kenniskaart.planscan import Plan
from kenniskaart.werkmap import WerkmapError, werkmap_from_json, werkmap_summary, werkmap_to_json


def _file(**body) -> bytes:
    return json.dumps({"formaat": "kenniskaart-werkmap", "versie": 1, **body}).encode()


def _refused(kk, raw: bytes) -> str:
    with pytest.raises(WerkmapError) as exc:
        werkmap_from_json(kk, raw)
    return str(exc.value)


# --- the file as written ------------------------------------------------------------------------


def test_the_file_is_indented_utf8_with_letters_as_typed(kk):
    iv = kk.interventions[0].id
    raw = werkmap_to_json(None, [iv], {iv: "Één gesprek met de coördinator"}, None)
    text = raw.decode("utf-8")
    assert text.startswith('{\n  "formaat": "kenniskaart-werkmap",\n  "versie": 1,\n')
    assert '"notitie": "Één gesprek met de coördinator"' in text  # not \u00c9\u00e9n


def test_a_monitor_with_dates_is_written_and_read_back(kk):
    tracked = Tracked(indicator="eigen-bereik", name="Bereik", baseline=40, baseline_date=dt.date(2026, 1, 15),
                      planned=(dt.date(2026, 10, 1),))
    raw = werkmap_to_json(None, [], {}, None, None, MonitorState(tracked=(tracked,)))
    assert '"baseline_date": "2026-01-15"' in raw.decode()
    wm, notices = werkmap_from_json(kk, raw)
    assert wm.monitor.tracked == (tracked,) and notices == []  # an own indicator ('eigen-…') is kept
    assert werkmap_summary(wm) == "geen profiel, 0 interventies op de shortlist, geen plan, monitor met 1 indicator"


def test_the_summary_uses_the_singular_for_one(kk):
    iv = kk.interventions[0].id
    wm, _ = werkmap_from_json(kk, werkmap_to_json(None, [iv], {iv: "x"}, Plan(interventions=(iv,))))
    assert werkmap_summary(wm) == "geen profiel, 1 interventie op de shortlist (1 notitie), plan met 1 onderdeel"
    wm, _ = werkmap_from_json(kk, werkmap_to_json(None, [kk.interventions[1].id, iv], {}, None))
    assert werkmap_summary(wm) == "geen profiel, 2 interventies op de shortlist, geen plan"


# --- files that cannot be read: the message word for word ---------------------------------------


def test_a_file_of_exactly_500_kB_is_read_and_one_byte_more_is_too_large(kk):
    assert _refused(kk, b" " * 500_000) == "Dit is geen werkmap van de kenniskaart (geen geldige JSON)."
    assert _refused(kk, b" " * 500_001) == "Het bestand is te groot voor een werkmap (meer dan 500 kB)."


def test_a_file_that_is_no_werkmap_points_to_the_planscan(kk):
    assert _refused(kk, json.dumps({"formaat": "kenniskaart-plan"}).encode()) == (
        "Dit is geen werkmap van de kenniskaart (het veld 'formaat' ontbreekt of klopt niet). "
        "Een planbestand laadt u op de pagina Planscan.")


def test_an_unknown_version_is_named(kk):
    raw = json.dumps({"formaat": "kenniskaart-werkmap", "versie": 9}).encode()
    assert _refused(kk, raw) == "Onbekende versie van de werkmap: 9."


def test_a_broken_plan_van_aanpak_part_is_refused_with_where(kk):
    message = _refused(kk, _file(plan_van_aanpak={"analysis": "geen lijst"}))
    assert message.startswith("Het plan van aanpak in de werkmap is ongeldig bij 'analysis': ")


def test_a_broken_monitor_part_is_refused_with_where(kk):
    message = _refused(kk, _file(monitor={"tracked": [{"indicator": "eigen-x", "baseline": "veertig"}]}))
    assert message.startswith("De nulmeting en monitor in de werkmap zijn ongeldig bij 'tracked.0.baseline': ")


# --- the shortlist: at most 60, unknown ids named -----------------------------------------------


def test_sixty_interventions_on_the_shortlist_open_and_sixty_one_are_refused(kk):
    ids = [iv.id for iv in kk.interventions]
    wm, notices = werkmap_from_json(kk, werkmap_to_json(None, ids[:60], {}, None))
    assert list(wm.shortlist) == ids[:60] and notices == []
    assert _refused(kk, werkmap_to_json(None, ids[:61], {}, None)) == (
        "De shortlist in de werkmap heeft meer dan 60 interventies.")


def test_unknown_shortlist_ids_are_named_the_first_five_each_cut_at_40_characters(kk):
    unknown = ["x" * 40 + "yz", "b", "c", "d", "e", "f"]
    wm, notices = werkmap_from_json(kk, werkmap_to_json(None, unknown, {}, None))
    assert wm.shortlist == ()
    # six unknown: the first five, then " …"
    assert notices == ["Onbekende interventies op de shortlist genegeerd: " + "x" * 40 + ", b, c, d, e …"]


def test_a_profile_notice_comes_before_a_shortlist_notice(kk):
    data = json.loads(werkmap_to_json(Profile(age=15), ["bestaat-niet"], {}, None))
    data["profiel"]["risk_factors"] = ["geen-factor"]
    _, notices = werkmap_from_json(kk, json.dumps(data).encode())
    assert notices == ["Onbekende risicofactoren in de link genegeerd: geen-factor",
                       "Onbekende interventies op de shortlist genegeerd: bestaat-niet"]


# --- the plan van aanpak: unknown analysis sources dropped with a notice ------------------------


def test_unknown_analysis_sources_are_dropped_and_named(kk):
    known = next(iter(kk.by_id("analysis_sources")))
    inputs = PlanInputs(analysis=(known, "bestaat-niet", "y" * 45), own_analysis="eigen enquête")
    wm, notices = werkmap_from_json(kk, werkmap_to_json(None, [], {}, None, inputs))
    assert wm.plan_van_aanpak.analysis == (known,)
    assert wm.plan_van_aanpak.own_analysis == "eigen enquête"
    assert notices == ["Onbekende bronnen van de analyse genegeerd: bestaat-niet, " + "y" * 40]


def test_known_analysis_sources_open_without_a_notice(kk):
    known = tuple(kk.by_id("analysis_sources"))[:2]
    wm, notices = werkmap_from_json(kk, werkmap_to_json(None, [], {}, None, PlanInputs(analysis=known)))
    assert wm.plan_van_aanpak.analysis == known and notices == []


# --- the monitor: unknown content indicators dropped, own ones kept -----------------------------


def test_unknown_monitor_indicators_are_dropped_and_named_and_the_rest_kept(kk):
    known = Tracked(indicator="mon-bereik")
    own = Tracked(indicator="eigen-wachtlijst", name="Wachtlijst")
    gone = [Tracked(indicator=f"weg-{k}-" + "z" * 40) for k in range(6)]
    state = MonitorState(tracked=(known, gone[0], own, *gone[1:]))
    wm, notices = werkmap_from_json(kk, werkmap_to_json(None, [], {}, None, None, state))
    assert wm.monitor.tracked == (known, own)
    shown = ", ".join((f"weg-{k}-" + "z" * 40)[:40] for k in range(5))
    assert notices == ["Onbekende indicatoren in de monitor genegeerd: " + shown + " …"]
