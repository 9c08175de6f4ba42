"""The visual kenniskaart's graph data, the workshop view and the presentation's step content.

Expectations are derived from the content (or from small synthetic catalogues), never from
today's YAML values.
"""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from kenniskaart import kaart, presentatie
from kenniskaart.aanbeveler import Profile, offered, profile_from_case, recommend
from kenniskaart.charts import MAP_FONT, kaart_chart
from kenniskaart.content import Kenniskaart, load_content
from kenniskaart.models import Theme
from kenniskaart.vocabulary import BASIS_LABELS, BASIS_ORDER, GROUP_LABELS, STRENGTHS
from support.expected import counts, linked_ids
from support.factories import SRC, make_factor, make_intervention


def groups(kk: Kenniskaart) -> list[list[str]]:
    return [[f.id for f in kk.factors if (f.kind, f.level) == g] for g in GROUP_LABELS]


# --- highlight = the catalogue's links ---------------------------------------------------


def test_highlight_of_every_factor_is_its_catalogue_links(kk):
    for ids in groups(kk):
        graph = kaart.build_graph(kk, ids)
        for n in graph.shown("factor"):
            hl = kaart.highlight(kk, graph, n.id)
            expected = linked_ids(kk, n.id)
            assert set(hl.interventions) == expected, n.id
            drawn = {m.id for m in graph.shown("interventie")}
            assert hl.nodes & drawn == expected, n.id  # uncapped: every linked one is drawn and lit
            assert set(hl.examples) == {ex.id for ex in kk.examples_for_factor(n.id)}


def test_highlight_of_an_intervention_is_its_factors(kk):
    ids = [f.id for f in kk.factors]
    graph = kaart.build_graph(kk, ids)
    for n in graph.shown("interventie"):
        iv = kk.by_id("interventions")[n.id]
        expected = {t for link in iv.factors for t in kk.twin_ids(link.factor)}
        hl = kaart.highlight(kk, graph, iv.id)
        assert set(hl.factors) == expected
        assert {m.id for m in graph.shown("factor")} & hl.nodes == expected & graph.node_ids
        assert set(hl.examples) == {ex.id for ex in kk.examples_for_intervention(iv.id)}


def test_nothing_selected_lights_everything(kk):
    graph = kaart.build_graph(kk, [f.id for f in kk.risk_factors])
    hl = kaart.highlight(kk, graph, None)
    assert hl.nodes == graph.node_ids
    assert all(kaart.edge_active(e, hl) for e in graph.edges)


def test_edges_of_a_selected_factor_carry_only_its_links(kk):
    fid = max(kk.factors, key=lambda f: len(kk.interventions_for_factor(f.id))).id
    graph = kaart.build_graph(kk, [fid])
    hl = kaart.highlight(kk, graph, fid)
    edges = kaart.edge_frame(graph, hl)
    assert edges["actief"].all()  # one factor: every segment is its own
    other = kaart.build_graph(
        kk,
        [
            f.id
            for f in kk.factors
            if (f.kind, f.level) == (kk.by_id("factors")[fid].kind, kk.by_id("factors")[fid].level)
        ],
    )
    hl = kaart.highlight(kk, other, fid)
    for e in other.edges:
        assert kaart.edge_active(e, hl) == any(fid in pair for pair in e.pairs)


# --- layout: readable, no overlapping labels ----------------------------------------------


def test_no_two_nodes_share_a_row_in_a_column(kk):
    profiles = [[*c.risk_factors, *c.protective_factors] for c in kk.cases] + groups(kk)
    for ids, cap in itertools.product(profiles, (None, 8, 16)):
        graph = kaart.build_graph(kk, ids, max_factors=16, max_interventions=cap)
        for col in (0, 1, 2):
            rows = sorted(n.row for n in graph.nodes if n.column == col)
            assert all(b - a >= 1 - 1e-9 for a, b in itertools.pairwise(rows)), (ids, col, rows)


def test_caps_keep_the_strongest_and_report_the_rest(kk):
    ids = [f.id for f in kk.risk_factors if f.level == "individu"]
    full = kaart.build_graph(kk, ids)
    capped = kaart.build_graph(kk, ids, max_factors=5, max_interventions=6)
    assert len(capped.shown("interventie")) == 6 and len(capped.shown("factor")) == 5
    assert len(capped.hidden_factors) == len(full.shown("factor")) - 5
    order = [STRENGTHS.index(n.strength) for n in full.shown("interventie")]
    kept = {n.id for n in capped.shown("interventie")}
    shown_factors = {n.id for n in capped.shown("factor")}
    linked = {i for f in shown_factors for i in kaart.interventions_for(kk, f)}
    assert set(capped.hidden_interventions) == linked - kept
    worst_kept = max(STRENGTHS.index(kaart.intervention_strength(kk.by_id("interventions")[i])) for i in kept)
    best_hidden = min(STRENGTHS.index(kaart.intervention_strength(kk.by_id("interventions")[i]))
                      for i in capped.hidden_interventions)
    assert worst_kept <= best_hidden
    assert order  # the full graph has interventions


def test_a_selected_factor_shows_all_its_interventions_despite_the_cap(kk):
    f = max(kk.factors, key=lambda f: len(kk.interventions_for_factor(f.id)))
    ids = [g.id for g in kk.factors if (g.kind, g.level) == (f.kind, f.level)]
    include = kaart.interventions_for(kk, f.id)
    graph = kaart.build_graph(kk, ids, max_interventions=3, include=include)
    assert include <= graph.node_ids


def test_factors_without_an_intervention_are_drawn_as_gaps(kk):
    """Issue 20: the map hid factors without a link (drug use and six others for 12-18); now every
    factor is drawn and a dynamic one without an intervention is a gap, named as such."""
    lonely = [f for f in kk.factors if not kk.interventions_for_factor(f.id)]
    assert any(f.nature == "dynamisch" for f in lonely) and any(f.nature != "dynamisch" for f in lonely)
    graph = kaart.build_graph(kk, [f.id for f in lonely])
    assert {n.id for n in graph.shown("factor")} == {f.id for f in lonely}
    assert set(graph.gaps) == {f.id for f in lonely if f.nature == "dynamisch"}
    labels = {n.id: n.label for n in graph.shown("factor")}
    assert all(labels[g].endswith(kaart.GAP_MARK) for g in graph.gaps)
    assert not any(labels[f.id].endswith(kaart.GAP_MARK) for f in lonely if f.nature != "dynamisch")


def test_a_profile_map_marks_a_factor_as_gap_when_the_aanbeveler_offers_nothing_for_it(kk):
    from kenniskaart.aanbeveler import Profile, offered, recommend

    fid = "beke-r-laag-opleidingsniveau"  # School2Care is 12-17: nothing recognised or not at 20
    only = offered(recommend(kk, Profile(age=20, risk_factors=(fid,))))
    graph = kaart.build_graph(kk, [fid], only=only)
    drawn = {n.id for n in graph.shown("interventie")}
    assert drawn <= only
    assert (fid in graph.gaps) == (not drawn)


# --- synthetic catalogue: provenance, twins, themes ------------------------------------------


@pytest.fixture
def small() -> Kenniskaart:
    theme = Theme(id="t1", name="Thema 1", kind="praktijkscan", description="d", risk_factors=["c"], sources=SRC)
    return Kenniskaart(
        themes=(theme,),
        factors=(
            make_factor("a", twins=["b"]),
            make_factor("b", twins=["a"], level="gezin"),
            make_factor("c"),
            make_factor("s", nature="statisch"),
        ),
        interventions=(
            make_intervention(
                "x", {"a": "team", "c": "bron"}, themes=["t1"], rec="effectief volgens goede aanwijzingen"
            ),
            make_intervention("y", {"b": "thema"}, rec="niet erkend"),
            make_intervention("z", {"c": "thema", "s": "bron"}, themes=["t1"]),
            make_intervention("i", {"c": "bron"}, themes=["t1"], purpose="instrument"),
        ),
    )


def test_twins_light_up_each_others_interventions(small):
    graph = kaart.build_graph(small, ["a"])
    assert {n.id for n in graph.shown("interventie")} == {"x", "y"}
    assert set(kaart.highlight(small, graph, "a").interventions) == {"x", "y"}
    assert kaart.link_basis(small, small.by_id("interventions")["y"], "a") == "thema"


def test_segments_take_the_strongest_provenance_and_theme_statements_are_thema(small):
    graph = kaart.build_graph(small, ["a", "c"])
    seg = {(e.source, e.target): e for e in graph.edges}
    assert seg[("t1", "x")].basis == "bron"  # a–x is team, c–x is bron: the segment shows bron
    assert seg[("a", "t1")].basis == "team"
    assert seg[("c", "t1")].basis == "bron"  # c–x bron beats the theme's own statement
    assert ("c", "") in seg[("c", "t1")].pairs  # … which is still carried
    assert seg[("a", kaart.NO_THEME)].basis == "thema"  # y has no theme
    for e in graph.edges:
        assert e.basis in BASIS_ORDER


def test_table_alternative_has_one_row_per_link(small):
    graph = kaart.build_graph(small, ["a", "c"], max_interventions=1)
    table = kaart.kaart_table(small, graph)
    links = sum(len(small.interventions_for_factor(f)) for f in ("a", "c")) + len(kaart.themes_stating(small, "c"))
    assert len(table) == links
    assert set(table["koppeling"]) <= set(BASIS_LABELS.values())
    hidden = set(graph.hidden_interventions)
    names = {small.by_id("interventions")[i].name for i in hidden}
    assert set(table.loc[table["op de kaart"] == "nee", "interventie"]) == names


def test_strength_and_recognition_never_a_bare_onbekend(kk, small):
    for iv in (*kk.interventions, *small.interventions):
        text = kaart.recognition_short(iv)
        assert text != "onbekend" and text.strip()
        assert kaart.intervention_strength(iv) in STRENGTHS
    assert kaart.recognition_short(small.by_id("interventions")["z"]) == "erkenning onbekend"
    assert kaart.intervention_strength(small.by_id("interventions")["x"]) == "sterk"


def test_workshop_view_counts_dynamic_factors_only_and_skips_instruments(small):
    df = kaart.workshop_frame(small, ["a", "c", "s"])
    counts = dict(zip(df["id"], df["factoren"], strict=False))
    assert counts == {"x": 2, "z": 1, "y": 1}  # s is static; i is an instrument
    assert list(df["sterkte"]) == sorted(df["sterkte"], key=STRENGTHS.index)
    cells = kaart.workshop_cells(df, per_cell=1)
    assert set(cells["naam"]) >= {"X"}


# --- chart specs ------------------------------------------------------------------------------


def _text_sizes(spec: dict) -> list[int]:
    sizes = []
    for layer in spec.get("layer", []):
        mark = layer.get("mark", {})
        if isinstance(mark, dict) and mark.get("type") == "text":
            sizes.append(mark.get("fontSize"))
    return sizes


def test_map_labels_are_at_least_18px_and_weaker_links_are_dashed(kk):
    case = kk.cases[0]
    graph = kaart.build_graph(kk, [*case.risk_factors, *case.protective_factors])
    hl = kaart.highlight(kk, graph, None)
    spec = kaart_chart(
        kaart.node_frame(graph, hl), kaart.edge_frame(graph, hl), list(STRENGTHS), BASIS_LABELS
    ).to_dict()
    sizes = _text_sizes(spec)
    assert sizes and min(sizes) >= 18 == MAP_FONT
    dash = next(part["encoding"]["strokeDash"] for part in spec["layer"] if "strokeDash" in part.get("encoding", {}))
    ranges = dash["scale"]["range"]
    assert ranges[0] == [1, 0] and ranges[1] != ranges[0] and ranges[2] != ranges[0]
    params = [*spec.get("params", []), *(p for part in spec["layer"] for p in part.get("params", []))]
    assert {p["name"] for p in params if "select" in p} == {"knoop", "label"}


# --- presentation step content -----------------------------------------------------------------


def test_every_step_has_facilitator_notes(kk):
    for step in presentatie.STEPS:
        notes = presentatie.notes(kk, step)
        assert notes, step
        assert all(n.title and (n.text or n.items) for n in notes)


def test_recommendation_groups_use_tiers_when_the_matcher_has_them():
    iv = make_intervention("x", rec="goed onderbouwd")
    tiered = SimpleNamespace(ranked=(SimpleNamespace(intervention=iv, tier=2, factors=()),
                                     SimpleNamespace(intervention=iv, tier=1, factors=())))
    groups = presentatie.recommendation_groups(tiered)
    assert [g for g, _ in groups] == ["Erkend, passend bij leeftijd en niveau van hulp", "Veelbelovend / praktijk"]
    flat = SimpleNamespace(ranked=(SimpleNamespace(intervention=iv, factors=()),))
    assert [g for g, _ in presentatie.recommendation_groups(flat)] == ["Aanbevolen"]
    assert presentatie.recommendation_groups(SimpleNamespace()) == []


def test_recommendations_on_the_real_matcher(kk):
    for case in kk.cases:
        result = recommend(kk, profile_from_case(case))
        items = [i for _, items in presentatie.recommendation_groups(result) for i in items]
        assert len(items) == len(result.ranked)
        for item in items:
            assert "onbekend" not in item.facts.replace("leeftijd onbekend", "").replace(
                "erkenning onbekend", ""
            ).replace("niveau onbekend", "")


def test_examples_for_profile_are_the_union_of_the_factors_examples(kk):
    case = max(kk.cases, key=lambda c: len(c.risk_factors))
    profile = profile_from_case(case)
    found = presentatie.examples_for_profile(kk, profile)
    expected = {ex.id for f in (*case.risk_factors, *case.protective_factors) for ex in kk.examples_for_factor(f)}
    assert {ex.id for ex, _ in found} == expected
    assert [len(fs) for _, fs in found] == sorted((len(fs) for _, fs in found), reverse=True)


def test_unknowns_say_what_is_unknown():
    assert presentatie.iv_age_text(make_intervention("x")) == "leeftijd onbekend"
    assert presentatie.first_sentence("Een. Twee.") == "Een."
    long = "woord " * 60
    cut = presentatie.first_sentence(long, 40)
    assert len(cut) <= 42 and cut.endswith("…")


# --- one verdict: the map and the workshop view show only what the Aanbeveler offers ---------


_KK = load_content()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    age=hst.integers(min_value=8, max_value=27),
    fids=hst.lists(hst.sampled_from([f.id for f in _KK.factors]), min_size=1, max_size=5, unique=True),
    offence=hst.sampled_from([None, "geen", "eerste"]),
    lvb=hst.sampled_from([None, True]),
)
def test_map_and_workshop_view_agree_with_the_aanbeveler(age, fids, offence, lvb):
    by_id = _KK.by_id("factors")
    profile = Profile(age=age, offence=offence, lvb=lvb,
                      risk_factors=tuple(f for f in fids if by_id[f].kind == "risico"),
                      protective_factors=tuple(f for f in fids if by_id[f].kind == "beschermend"))
    result = recommend(_KK, profile)
    only = offered(result)
    excluded = {e.intervention.id for e in result.excluded} | {r.intervention.id for r in result.for_organisation}
    graph = kaart.build_graph(_KK, fids, None, 16, only=only)
    drawn = {n.id for n in graph.nodes if n.kind == "interventie"} | set(graph.hidden_interventions)
    assert drawn <= only and not drawn & excluded
    names = {by_iv.name: by_iv.id for by_iv in _KK.interventions}
    in_table = {names[n] for n in kaart.kaart_table(_KK, graph)["interventie"] if n in names}
    assert in_table <= only  # the screen-reader table too
    workshop = set(kaart.workshop_frame(_KK, fids, only)["id"])
    assert workshop <= only and not workshop & excluded
    # and everything it offers through a link to a chosen factor (not only through a mirror) is on both
    direct = {iv.id for f in fids if by_id[f].nature == "dynamisch" for iv in _KK.interventions_for_factor(f)}
    offered_direct = {r.intervention.id for r in result.ranked} & direct
    assert offered_direct <= drawn and offered_direct <= workshop


def test_a_selected_factor_lights_only_what_the_map_draws_for_the_profile(kk):
    """Issue 20 (found in the presentation): clicking 'erbij horen' listed Kapot Sterk and
    Kanjertraining, which the Aanbeveler keeps for the school, for a 15-year-old."""
    from kenniskaart.aanbeveler import Profile, offered, recommend

    fid = "beke-r-gevoel-erbij-horen"
    only = offered(recommend(kk, Profile(age=15, risk_factors=(fid,))))
    graph = kaart.build_graph(kk, [fid], only=only)
    hl = kaart.highlight(kk, graph, fid)
    assert set(hl.interventions) <= only
    linked = {iv.id for iv in kk.interventions_for_factor(fid) if counts(iv)}
    assert linked - only, "some linked interventions are not offered at 15"
    full = kaart.highlight(kk, kaart.build_graph(kk, [fid]), fid)
    assert set(full.interventions) == linked  # without a profile: every link


def test_the_presentation_and_workshop_view_give_the_rating_the_aanbeveler_used(kk):
    """One verdict: for a drug-use profile MDFT counts with its rating for substance use
    (goede aanwijzingen), also on the slide and in the workshop view, not its crime rating."""
    from kenniskaart import presentatie as pres
    from kenniskaart.aanbeveler import Profile, offered, recommend

    profile = Profile(age=16, risk_factors=("beke-r-drugsgebruik",))
    result = recommend(kk, profile)
    mdft = next(r for r in result.ranked if r.intervention.id == "mdft")
    assert mdft.recognition.level == "effectief volgens goede aanwijzingen"
    items = [i for _, group in pres.recommendation_groups(result) for i in group]
    slide = next(i for i in items if i.name.startswith("Multidimensionele"))
    assert "erkend: effectief volgens goede aanwijzingen" in slide.facts
    frame = kaart.workshop_frame(kk, profile.risk_factors, offered(result)).set_index("id")
    assert frame.loc["mdft", "erkenning"] == "erkend: effectief volgens goede aanwijzingen"
    assert frame.loc["mdft", "sterkte"] == "sterk"
