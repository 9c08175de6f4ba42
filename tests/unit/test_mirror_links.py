"""A link to the mirror of a chosen factor (the opposite factor of the other kind: a risk factor
and the protective factor that is its opposite) counts only when a source says the intervention
builds it (``basis: bron``): a theme-level or derived link to the opposite is one inference too
many. Written out by hand on a made-up catalogue."""

from __future__ import annotations

from kenniskaart.aanbeveler import Profile, recommend
from support.factories import ERKEND, factor, iv, kaart


def test_only_a_sourced_link_to_the_mirror_reaches_the_chosen_factor():
    risk = factor("weinig-zelfcontrole").model_copy(update={"mirrors": ["zelfcontrole"]})
    strength = factor("zelfcontrole", kind="beschermend").model_copy(update={"mirrors": ["weinig-zelfcontrole"]})
    kk = kaart([risk, strength], [
        iv("bron", {"zelfcontrole": "bron"}, lo=8, hi=20, rec=ERKEND),
        iv("team", {"zelfcontrole": "team"}, lo=8, hi=20, rec=ERKEND),
    ])
    res = recommend(kk, Profile(age=14, risk_factors=("weinig-zelfcontrole",)))
    assert [r.intervention.id for r in res.ranked] == ["bron"]
    assert [f.id for f in res.ranked[0].factors] == ["weinig-zelfcontrole"]
