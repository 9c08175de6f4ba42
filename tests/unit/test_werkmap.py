"""The werkmap: one file with profile, shortlist (order and notes) and plan; strict on upload."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kenniskaart.aanbeveler import Profile
from kenniskaart.planscan import OwnEntry, Plan
from kenniskaart.werkmap import WerkmapError, werkmap_from_json, werkmap_summary, werkmap_to_json


def _work(kk):
    ivs = [iv.id for iv in kk.interventions][:3]
    profile = Profile(age=15, risk_factors=(kk.risk_factors[0].id,), protective_factors=(kk.protective_factors[0].id,),
                      settings=("school",), offence="eerste", lvb=True, parent=False)
    own = OwnEntry(name="Ons project", min_age=12, max_age=18, factors=(kk.risk_factors[1].id,))
    plan = Plan(interventions=(ivs[0],), examples=(kk.examples[0].id,), own=(own,))
    order = [ivs[2], ivs[0], ivs[1]]
    notes = {ivs[2]: "Eerst bespreken", ivs[1]: "Wachtlijst navragen"}
    return profile, order, notes, plan


def test_werkmap_round_trips(kk):
    profile, order, notes, plan = _work(kk)
    raw = werkmap_to_json(profile, order, notes, plan)
    wm, notices = werkmap_from_json(kk, raw)
    assert notices == []
    assert wm.profile == profile
    assert list(wm.shortlist) == order
    assert wm.notes == notes
    assert wm.plan == plan
    assert werkmap_summary(wm) == "profiel, 3 interventies op de shortlist (2 notities), plan met 3 onderdelen"


def test_empty_werkmap_round_trips(kk):
    wm, notices = werkmap_from_json(kk, werkmap_to_json(None, [], {}, None))
    assert wm.profile is None and wm.shortlist == () and wm.plan == Plan() and notices == []
    assert werkmap_summary(wm) == "geen profiel, 0 interventies op de shortlist, geen plan"


def test_unknown_ids_are_dropped_with_notices(kk):
    profile, order, notes, plan = _work(kk)
    data = json.loads(werkmap_to_json(profile, order, notes, plan))
    data["shortlist"].append({"interventie": "bestaat-niet", "notitie": ""})
    data["profiel"]["risk_factors"].append("geen-factor")
    data["plan"]["interventions"].append("ook-niet")
    wm, notices = werkmap_from_json(kk, json.dumps(data).encode())
    assert list(wm.shortlist) == order
    text = " ".join(notices)
    assert "bestaat-niet" in text and "geen-factor" in text and "ook-niet" in text


BAD_WERKMAP_FILES = [
    (b"\xff\xfe", "geen geldige JSON"),
    (b"[1, 2]", "geen werkmap"),
    (json.dumps({"formaat": "kenniskaart-plan", "versie": 1}).encode(), "Planscan"),
    (json.dumps({"formaat": "kenniskaart-werkmap", "versie": 9}).encode(), "Onbekende versie"),
    (json.dumps({"formaat": "kenniskaart-werkmap", "versie": 1, "extra": 1}).encode(), "'extra'"),
    (json.dumps({"formaat": "kenniskaart-werkmap", "versie": 1, "shortlist": [{"interventie": 5}]}).encode(),
     "shortlist.0.interventie"),
    (json.dumps({"formaat": "kenniskaart-werkmap", "versie": 1, "profiel": {"age": 99}}).encode(),
     "'profiel.age': is te groot"),
    (json.dumps({"formaat": "kenniskaart-werkmap", "versie": 1, "profiel": {"age": "vijftien"}}).encode(),
     "'profiel.age': moet een geheel getal zijn"),
    (json.dumps({"formaat": "kenniskaart-werkmap", "versie": 1, "plan": {"formaat": "x"}}).encode(),
     "Het plan in de werkmap is ongeldig"),
    (b" " * 600_000, "te groot"),
]


@pytest.mark.parametrize(("raw", "message"), BAD_WERKMAP_FILES, ids=[m for _, m in BAD_WERKMAP_FILES])
def test_bad_files_are_refused_with_a_dutch_message(kk, raw, message):
    with pytest.raises(WerkmapError) as exc:
        werkmap_from_json(kk, raw)
    assert message in str(exc.value)
    # no English from the validation library reaches the user (issue 20)
    assert not re.search(r"Input should|valid integer|Field required|Extra inputs", str(exc.value))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_either_load_or_raise_werkmap_error(kk, raw):
    try:
        wm, _ = werkmap_from_json(kk, raw)
    except WerkmapError:
        return
    ivs = kk.by_id("interventions")
    assert all(i in ivs for i in wm.shortlist)


def test_a_werkmap_from_before_the_responsivity_fields_still_opens(kk):
    """Werkmaps saved before issue 19 held 'notes' in the profile; they open with the same meaning."""
    risk = kk.risk_factors[0].id
    raw = json.dumps({"formaat": "kenniskaart-werkmap", "versie": 1,
                      "profiel": {"age": 15, "risk_factors": [risk], "notes": ["lvb", "eerste_delict"]},
                      "shortlist": [], "plan": None}).encode()
    wm, notices = werkmap_from_json(kk, raw)
    assert wm.profile.lvb is True and wm.profile.offence == "eerste" and wm.profile.risk_factors == (risk,)
    assert notices == []
