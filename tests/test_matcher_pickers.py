"""The Aanbeveler's factor pickers: full names, grouped by theme, twins as one choice."""

from __future__ import annotations

from kenniskaart.catalog import factor_choice_id, factor_option_label, factor_options
from kenniskaart.content import Kenniskaart
from kenniskaart.models import Factor, SourceRef, Theme
from kenniskaart.present import EVIDENCE_LABELS

SRC = [SourceRef(source="s", section="x")]


def _kk() -> Kenniskaart:
    theme = Theme(id="pmg-netwerk", name="Sociaal netwerk", kind="pmg", description="d", order=4, sources=SRC)
    beke = Factor(id="beke-buurt", name="Wonen in een buurt waar een georganiseerde criminele groep opereert",
                  kind="risico", level="gemeenschap", framework="beke_kennissynthese", nature="dynamisch",
                  evidence="plausibel", twins=["sw-buurt"], pmg_themes=["pmg-netwerk"], sources=SRC)
    sw = Factor(id="sw-buurt", name="Wonen in een buurt waar een criminele groep actief is", kind="risico",
                level="gemeenschap", framework="samen_weerbaar", nature="dynamisch", evidence="robuust",
                twins=["beke-buurt"], sources=SRC)
    other = Factor(id="sw-wapens", name="Beschikbaarheid van wapens", kind="risico", level="gemeenschap",
                   framework="samen_weerbaar", nature="dynamisch", evidence="kwalitatief", sources=SRC)
    return Kenniskaart(themes=(theme,), factors=(beke, sw, other))


def test_twins_are_one_choice_and_the_other_twin_maps_to_it():
    kk = _kk()
    assert factor_options(kk, "risico", "gemeenschap") == ["beke-buurt", "sw-wapens"]
    assert factor_choice_id(kk, "sw-buurt") == "beke-buurt"
    assert factor_choice_id(kk, "sw-wapens") == "sw-wapens"
    assert factor_choice_id(kk, "bestaat-niet") == "bestaat-niet"


def test_label_is_theme_and_full_name_without_evidence():
    kk = _kk()
    f = kk.by_id("factors")
    label = factor_option_label(kk, f["beke-buurt"])
    assert label == ("Wonen in een buurt waar een georganiseerde criminele groep opereert "
                     "(ook in Samen Weerbaar) · Sociaal netwerk")
    assert factor_option_label(kk, f["sw-wapens"]) == "Beschikbaarheid van wapens"
    for fac in kk.factors:
        assert not any(ev in factor_option_label(kk, fac) for ev in EVIDENCE_LABELS.values())


def test_real_pickers_offer_every_factor_once(kk):
    offered = [fid for kind in ("risico", "beschermend") for lvl in ("individu", "gezin", "gemeenschap")
               for fid in factor_options(kk, kind, lvl)]
    assert len(offered) == len(set(offered))
    assert {factor_choice_id(kk, f.id) for f in kk.factors} == set(offered)
    labels = [factor_option_label(kk, kk.by_id("factors")[fid]) for fid in offered]
    assert all(kk.by_id("factors")[fid].name in lab for fid, lab in zip(offered, labels))
