"""Planscan: coverage of factors, themes and levels of help by a plan.

Expectations are derived from the content (theme → factors, links, twins) or from small
synthetic ``Kenniskaart`` objects, not from today's YAML values.
"""

from __future__ import annotations

import json
import re

import pytest

from kenniskaart.content import Kenniskaart
from kenniskaart.models import PracticeExample, Theme
from kenniskaart.planscan import (
    ALL_BOTOC,
    CONTEXT_GROUP,
    FACTOR_GROUPS,
    GROUPS,
    YOUR_PLAN,
    OwnEntry,
    Plan,
    PlanFileError,
    balance,
    botoc_municipalities,
    compare,
    comparison_table,
    coverage_table,
    gap_suggestions,
    gaps,
    grounded_items,
    is_grounded_factor,
    item_label,
    item_links,
    municipality_preset,
    plan_from_json,
    plan_items,
    plan_to_json,
    process_lessons,
    scan,
    summary,
)
from kenniskaart.rules import for_young_person
from support.factories import SRC, make_factor, make_intervention


def all_botoc(kk):
    return plan_items(kk, [], municipality_preset(kk, ALL_BOTOC))


def rows_by_id(coverage):
    return {c.id: c for c in coverage}


def twin_class(kk, fid):
    """The factor, its twins, their twins, … computed here from ``Factor.twins`` alone."""
    factors = kk.by_id("factors")
    seen, todo = set(), [fid]
    while todo:
        f = todo.pop()
        if f not in seen:
            seen.add(f)
            todo.extend(factors[f].twins if f in factors else ())
    return seen


# --- the seed's own findings on the 62 BOTOC interventions (seed 002 §3.1.1, §3.2) ---------


def test_botoc_presets_match_the_practice_examples(kk):
    munis = botoc_municipalities(kk)
    assert len(munis) == 8
    total = 0
    for m in munis:
        ids = municipality_preset(kk, m)
        assert ids and all(kk.by_id("examples")[i].municipality == m for i in ids)
        total += len(ids)
    assert total == 62 == len(municipality_preset(kk, ALL_BOTOC))


def test_at_least_50_of_62_botoc_items_rest_on_a_grounded_factor(kk):
    """Seed 002 §3.2 'De balans opgemaakt': 56 of the 62 rest on a gefundeerde risk or
    protective factor."""
    items = all_botoc(kk)
    assert len(items) == 62
    grounded = grounded_items(kk, items)
    assert len(grounded) >= 50, [item_label(i) for i in items if i not in grounded]


def test_antisocial_traits_most_covered_and_drug_use_among_least(kk):
    coverage = scan(kk, all_botoc(kk))
    factors = kk.by_id("factors")
    grounded_risk = {
        c.id: len(c.hits)
        for c in coverage
        if c.group in (GROUPS[0], CONTEXT_GROUP)
        and factors[c.id].kind == "risico"
        and is_grounded_factor(factors[c.id])
    }
    antisocial = next(fid for fid in grounded_risk if factors[fid].name == "Antisociale persoonlijkheidskenmerken")
    drugs = next(fid for fid in grounded_risk if factors[fid].name == "Drugsgebruik")
    counts = sorted(grounded_risk.values())
    assert grounded_risk[antisocial] == counts[-1] > counts[-2], grounded_risk
    assert grounded_risk[drugs] <= counts[2], grounded_risk
    assert grounded_risk[antisocial] >= 40  # 'een groot gedeelte van alle ingezette interventies'


def test_every_botoc_item_covers_its_themes_factors_at_least_at_theme_level(kk):
    themes = kk.by_id("themes")
    for ex in (e for e in kk.examples if e.kind == "botoc"):
        links = item_links(kk, ex)
        for tid in ex.praktijkscan_themes:
            for fid in (*themes[tid].risk_factors, *themes[tid].protective_factors):
                assert links.get(fid) in ("bron", "thema"), (ex.id, fid, links.get(fid))


def test_theme_level_links_are_marked_as_such(kk):
    """An item whose only link to a factor is its theme shows it as 'thema', not as a source
    statement about the item."""
    themes = kk.by_id("themes")
    ivs = kk.by_id("interventions")
    checked = 0
    for ex in (e for e in kk.examples if e.kind == "botoc"):
        direct = {link.factor for link in ex.factors if link.basis != "thema"}
        direct |= {link.factor for iid in ex.interventions for link in ivs[iid].factors if link.basis != "thema"}
        links = item_links(kk, ex)
        for tid in ex.praktijkscan_themes:
            for fid in (*themes[tid].risk_factors, *themes[tid].protective_factors):
                if fid not in direct:
                    assert links[fid] == "thema", (ex.id, fid)
                    checked += 1
    assert checked > 0


def test_catalogue_interventions_do_not_inherit_theme_factors(kk):
    """The seed's theme statement is about the BOTOC interventions; a catalogue intervention
    covers only the factors it is linked to."""
    for iv in kk.interventions:
        assert set(item_links(kk, iv)) == {link.factor for link in iv.factors}


# --- gaps: dynamic factors only; static ones are context ---------------------------------


def test_no_static_factor_is_a_gap(kk):
    factors = kk.by_id("factors")
    for items in ([], all_botoc(kk)):
        coverage = scan(kk, items)
        for c in coverage:
            if c.group in FACTOR_GROUPS:
                assert factors[c.id].nature == "dynamisch", c.name
            if c.group == CONTEXT_GROUP:
                assert factors[c.id].nature == "statisch", c.name
        assert all(c.group in GROUPS for c in gaps(coverage))
    static_in_groups = [
        f for f in kk.factors
        if f.nature == "statisch" and f.framework in ("beke_kennissynthese", "samen_weerbaar")
        and (f.framework == "samen_weerbaar" or is_grounded_factor(f))
    ]
    context = {c.id for c in scan(kk, []) if c.group == CONTEXT_GROUP}
    assert static_in_groups and {f.id for f in static_in_groups} <= context | {
        t for f in static_in_groups for t in kk.twin_ids(f.id)
    }


def test_empty_plan_is_all_gaps(kk):
    coverage = scan(kk, [])
    assert coverage and not any(c.covered for c in coverage)
    assert len(gaps(coverage)) == sum(1 for c in coverage if c.group in GROUPS)
    sm = summary(coverage)
    assert set(sm[sm["status"] == "gedekt"]["aantal"]) == {0}
    assert set(sm["onderdeel"]) == set(GROUPS)


def test_single_intervention_covers_exactly_its_linked_factors(kk):
    ajb = kk.by_id("interventions")["ajb"]
    coverage = scan(kk, plan_items(kk, ["ajb"], []))
    linked = {link.factor for link in ajb.factors}
    for c in coverage:
        if c.group in FACTOR_GROUPS or c.group == CONTEXT_GROUP:
            # a row is covered by a link to its factor or to a twin (twins of twins too: one
            # Samen Weerbaar factor is the twin of two Beke factors, and the row is one factor)
            assert set(c.factor_ids) == twin_class(kk, c.id)
            assert c.covered == bool(twin_class(kk, c.id) & linked), c.name
    covered_themes = {c.id for c in coverage if c.covered and c.group == GROUPS[3]}
    assert covered_themes == set(ajb.pmg_themes)
    assert all(c.covered_by == (ajb.name,) for c in coverage if c.covered)


def test_own_entry_covers_its_factors_and_themes(kk):
    own = OwnEntry(name="Eigen buurtaanpak", factors=("beke-r-drugsgebruik",), pmg_themes=("pmg-sociaal-netwerk",))
    coverage = scan(kk, plan_items(kk, [], [], (own,)))
    covered = {c.id for c in coverage if c.covered}
    assert covered == {"beke-r-drugsgebruik", "pmg-sociaal-netwerk"}
    assert rows_by_id(coverage)["beke-r-drugsgebruik"].basis == "eigen"


def test_own_entry_with_a_praktijkscan_theme_gets_the_themes_factors_at_theme_level(kk):
    theme = next(t for t in kk.praktijkscan_themes if t.risk_factors)
    own = OwnEntry(name="Ons jongerenwerk", praktijkscan_themes=(theme.id,))
    rows = rows_by_id(scan(kk, plan_items(kk, [], [], (own,))))
    for fid in (*theme.risk_factors, *theme.protective_factors):
        row = next(r for r in rows.values() if fid in kk.twin_ids(r.id))
        assert row.covered and row.basis == "thema"


def test_coverage_table_lists_context_apart(kk):
    table = coverage_table(scan(kk, all_botoc(kk)))
    assert set(table[table["onderdeel"] == CONTEXT_GROUP]["gedekt"]) == {"context"}
    assert set(table[table["onderdeel"] != CONTEXT_GROUP]["gedekt"]) <= {"ja", "nee"}
    assert "themaniveau" in " ".join(table["sterkste grondslag"])


# --- twins count once (synthetic content: the real twins arrive with the content work) ----

REF = SRC
factor = make_factor


@pytest.fixture
def small():
    factors = (
        factor(
            "beke-buurt",
            "Buurt met criminele groep (Beke)",
            "beke_kennissynthese",
            level="gemeenschap",
            twins=["sw-buurt"],
        ),
        factor("beke-man", "Man-zijn", "beke_kennissynthese", nature="statisch"),
        factor(
            "beke-b-steun", "Steunende derde", "beke_kennissynthese", kind="beschermend", evidence="niet_beoordeeld"
        ),
        factor(
            "sw-buurt",
            "Criminele groep actief in de buurt",
            "samen_weerbaar",
            level="gemeenschap",
            evidence="robuust",
            twins=["beke-buurt"],
        ),
        factor("sw-ouders", "Weinig toezicht van ouders", "samen_weerbaar", level="gezin", evidence="robuust"),
    )
    themes = (
        Theme(id="ps-buurt", name="Buurtaanpak", kind="praktijkscan", description="x",
              risk_factors=["beke-buurt"], protective_factors=["beke-b-steun"], sources=REF),
    )
    interventions = (
        make_intervention("iv-sw", ["sw-buurt"], name="Wijkaanpak"),
        make_intervention("iv-ouders", ["sw-ouders"], name="Oudercursus"),
        make_intervention("iv-instrument", ["sw-ouders"], name="Screeninglijst", purpose="instrument"),
    )
    examples = (
        PracticeExample(id="ex-a", kind="botoc", code="A1", name="Buurtproject", municipality="A",
                        description="x", praktijkscan_themes=["ps-buurt"], sources=REF),
        PracticeExample(id="ex-b", kind="botoc", code="B1", name="Wijkteam", municipality="B",
                        description="x", interventions=["iv-sw"], sources=REF),
    )
    return Kenniskaart(factors=factors, themes=themes, interventions=interventions, examples=examples)


def test_twins_are_one_row_listed_in_every_group_they_belong_to(small):
    coverage = scan(small, [])
    ids = [c.id for c in coverage if c.group in FACTOR_GROUPS]
    assert "sw-buurt" not in ids
    # the Beke factor is gefundeerd and at community level: one row (named after the Beke
    # factor, its SW twin as alias), listed in both groups with one verdict
    rows = [c for c in coverage if c.id == "beke-buurt"]
    assert [r.group for r in rows] == [GROUPS[0], GROUPS[2]]
    for row in rows:
        assert row.twins == ("Criminele groep actief in de buurt",)
        assert row.groups == (GROUPS[0], GROUPS[2])
        assert set(row.factor_ids) == {"beke-buurt", "sw-buurt"}
    assert [c.id for c in coverage if c.group == GROUPS[2]] == ["beke-buurt", "sw-ouders"]
    assert [c.id for c in coverage if c.group == CONTEXT_GROUP] == ["beke-man"]


def test_covering_a_twin_covers_the_row_once_per_group_with_one_verdict(small):
    items = plan_items(small, ["iv-sw"], [])
    coverage = scan(small, items)
    rows = [c for c in coverage if c.id == "beke-buurt"]
    assert len(rows) == 2 and {r.covered_by for r in rows} == {("Wijkaanpak",)}
    sm = summary(coverage)
    covered = dict(zip(sm[sm["status"] == "gedekt"]["onderdeel"], sm[sm["status"] == "gedekt"]["aantal"], strict=False))
    assert covered[GROUPS[0]] == 1 and covered[GROUPS[2]] == 1
    # the SW twin counts towards 'grounded': it is the same factor as a gefundeerde one
    assert grounded_items(small, items) == items


def test_theme_flow_and_static_context_in_small_content(small):
    items = plan_items(small, [], ["ex-a"])
    rows = rows_by_id(scan(small, items))
    assert rows["beke-buurt"].basis == "thema" and rows["beke-b-steun"].basis == "thema"
    assert not rows["beke-man"].covered and rows["beke-man"].group == CONTEXT_GROUP
    own = OwnEntry(name="Eigen", factors=("beke-man",))
    rows = rows_by_id(scan(small, plan_items(small, [], [], (own,))))
    assert rows["beke-man"].covered and rows["beke-man"] not in gaps(list(rows.values()))


def test_suggestions_for_gaps_in_every_factor_group(small):
    suggestions = gap_suggestions(small, scan(small, []))
    assert suggestions["beke-buurt"] == ["iv-sw"]  # addresses the twin
    assert suggestions["sw-ouders"] == ["iv-ouders"]  # not the instrument
    assert suggestions["beke-b-steun"] == []
    assert "beke-man" not in suggestions  # static: context, no gap


# --- suggestions on the real content ---------------------------------------------------


def test_suggestions_fill_the_gap_they_are_listed_under(kk):
    coverage = scan(kk, [])
    suggestions = gap_suggestions(kk, coverage)
    assert set(suggestions) == {c.id for c in gaps(coverage)}
    ivs = kk.by_id("interventions")
    rows = rows_by_id(coverage)
    with_suggestions = set()
    for cid, ids in suggestions.items():
        row = rows[cid]
        for iid in ids:
            iv = ivs[iid]
            assert for_young_person(iv), iid
            if row.group in FACTOR_GROUPS:
                assert kk.twin_ids(cid) & {t for link in iv.factors for t in kk.twin_ids(link.factor)}, (cid, iid)
            elif row.group == GROUPS[3]:
                assert cid in iv.pmg_themes
            else:
                assert cid in iv.help_levels
        if ids:
            with_suggestions.add(row.group)
    assert with_suggestions == set(GROUPS), "every group with gaps gets suggestions"


# --- one verdict per factor, wherever it appears (issue 20) ---------------------------------


def _independent_links(kk, item):
    """The factor ids a plan item is linked to, straight from the content: its own links, those
    of the catalogue interventions it uses, and for a BOTOC item its praktijkscan themes'
    factors (seed 002 §3.1.1)."""
    ivs, themes = kk.by_id("interventions"), kk.by_id("themes")
    ids = {link.factor for link in item.factors}
    ids |= {link.factor for iid in getattr(item, "interventions", ()) for link in ivs[iid].factors}
    if getattr(item, "kind", None) == "botoc":
        ids |= {
            f for tid in item.praktijkscan_themes for f in (*themes[tid].risk_factors, *themes[tid].protective_factors)
        }
    return ids


def _family_community_ids(kk):
    """Dynamic factors of Samen Weerbaar and Beke at family or community level."""
    return {
        f.id
        for f in kk.factors
        if f.nature == "dynamisch"
        and (
            f.framework == "samen_weerbaar"
            or (f.framework == "beke_kennissynthese" and f.level in ("gezin", "gemeenschap"))
        )
    }


def test_tilburgs_family_approach_counts_under_gezin_en_gemeenschap(kk):
    """Issue 20: every BOTOC municipality scored 'gezin en gemeenschap 0 van 50', Tilburg's
    Integrale familie aanpak (linked to criminal family members) included."""
    items = plan_items(kk, [], municipality_preset(kk, "Tilburg"))
    family = _family_community_ids(kk)
    linked = {t for i in items for fid in _independent_links(kk, i) for t in twin_class(kk, fid)}
    assert linked & family, "Tilburg's items link a family/community factor (content check)"
    rows = [c for c in scan(kk, items) if c.group == GROUPS[2]]
    covered = [c for c in rows if c.covered]
    assert covered
    assert any("TIL1" in label for c in covered for label in c.covered_by)


def test_no_factor_is_both_covered_and_uncovered_in_one_scan(kk):
    """Issue 20: a twin was 'gedekt door 5 interventies' in the gefundeerde group and 'niet
    gedekt' under gezin en gemeenschap. Every factor id (twins as one) has one verdict, and the
    same hits and suggestions, in every row it appears in."""
    plans = [[], all_botoc(kk), plan_items(kk, ["ajb"], []),
             *(plan_items(kk, [], municipality_preset(kk, m)) for m in botoc_municipalities(kk))]
    for items in plans:
        coverage = scan(kk, items)
        suggestions = gap_suggestions(kk, coverage)
        verdict: dict[str, tuple] = {}
        for c in coverage:
            if c.group not in FACTOR_GROUPS and c.group != CONTEXT_GROUP:
                continue
            members = twin_class(kk, c.id) | set(getattr(c, "factor_ids", ()))
            for fid in members:
                state = (c.covered, c.hits, tuple(suggestions.get(c.id, ())))
                assert verdict.setdefault(fid, state) == state, (fid, c.group, c.name)


def test_a_factor_in_two_groups_is_listed_in_both(kk):
    """A Beke factor that is gefundeerd and at family level (and its SW twin) is a row in both
    groups: it counts under gezin en gemeenschap too."""
    coverage = scan(kk, [])
    family = _family_community_ids(kk)
    grounded = {c.id for c in coverage if c.group == GROUPS[0]}
    in_family = {c.id for c in coverage if c.group == GROUPS[2]}
    shared = {fid for fid in grounded if twin_class(kk, fid) & family}
    assert shared and shared <= in_family


def test_compare_gezin_en_gemeenschap_equals_an_independent_count(kk):
    """The comparison's family/community score of a municipality is the number of twin classes
    with a dynamic family/community factor that one of its items links to."""
    family = _family_community_ids(kk)
    classes = {frozenset(twin_class(kk, fid)) for fid in family}
    munis = botoc_municipalities(kk)
    summary_df, _ = compare(kk, munis)
    for m in munis:
        items = plan_items(kk, [], municipality_preset(kk, m))
        linked = {fid for i in items for fid in _independent_links(kk, i)}
        expected = sum(bool(cls & linked) for cls in classes)
        row = summary_df[(summary_df["gemeente"] == m) & (summary_df["onderdeel"] == GROUPS[2])]
        assert int(row["gedekt"].iloc[0]) == expected, m
        assert int(row["totaal"].iloc[0]) == len(classes)
    tilburg = summary_df[(summary_df["gemeente"] == "Tilburg") & (summary_df["onderdeel"] == GROUPS[2])]
    assert int(tilburg["gedekt"].iloc[0]) > 0


def test_comparison_explains_rows_and_scores(kk):
    from kenniskaart.planscan import row_explanations, score_reasons

    explained = row_explanations(kk)
    assert list(explained) == ["Interventies op een gefundeerde factor", *GROUPS]
    n = sum(c.group == GROUPS[2] for c in scan(kk, []))
    assert f"De {n} dynamische factoren op gezins- en gemeenschapsniveau" in explained[GROUPS[2]]
    (label, rows), = score_reasons(kk, ["Tilburg"])
    assert label == "Tilburg"
    family = dict(rows)[GROUPS[2]]
    covered = [
        c
        for c in scan(kk, plan_items(kk, [], municipality_preset(kk, "Tilburg")))
        if c.group == GROUPS[2] and c.covered
    ]
    assert family.startswith(f"{len(covered)} van {n}: ")
    assert "TIL1 Integrale familie aanpak" in family and all(c.name in family for c in covered)


# --- comparing municipalities ------------------------------------------------------------


def test_compare_puts_municipalities_side_by_side(kk):
    a, b = botoc_municipalities(kk)[:2]
    summary_df, detail_df = compare(kk, [a, b, ALL_BOTOC])
    assert list(detail_df.columns) == ["onderdeel", "factor of thema", a, b, "Alle BOTOC-gemeenten"]
    for m, label in ((a, a), (ALL_BOTOC, "Alle BOTOC-gemeenten")):
        coverage = [c for c in scan(kk, plan_items(kk, [], municipality_preset(kk, m))) if c.group in GROUPS]
        assert list(detail_df[label]) == [len(c.hits) for c in coverage]
        part = summary_df[(summary_df["gemeente"] == label) & (summary_df["onderdeel"] == GROUPS[0])]
        assert int(part["gedekt"].iloc[0]) == sum(c.covered for c in coverage if c.group == GROUPS[0])
    table = comparison_table(summary_df)
    assert list(table.columns) == ["onderdeel", a, b, "Alle BOTOC-gemeenten"]
    first = table[table["onderdeel"] == "Interventies op een gefundeerde factor"]
    assert first["Alle BOTOC-gemeenten"].iloc[0].endswith("van 62")
    # all municipalities together cover at least what each one covers
    assert (detail_df["Alle BOTOC-gemeenten"] >= detail_df[a]).all()


def test_compare_with_your_own_plan(kk):
    a = botoc_municipalities(kk)[0]
    plan = Plan(examples=tuple(municipality_preset(kk, a)),
                own=(OwnEntry(name="Eigen", factors=("beke-r-drugsgebruik",)),))
    summary_df, detail_df = compare(kk, [a, YOUR_PLAN], plan)
    assert list(detail_df.columns)[2:] == [a, "Uw plan"]
    drugs = detail_df["factor of thema"] == kk.by_id("factors")["beke-r-drugsgebruik"].name
    assert int(detail_df[drugs]["Uw plan"].iloc[0]) == int(detail_df[drugs][a].iloc[0]) + 1
    total = summary_df[
        (summary_df["gemeente"] == "Uw plan") & (summary_df["onderdeel"] == "Interventies op een gefundeerde factor")
    ]
    assert int(total["totaal"].iloc[0]) == len(municipality_preset(kk, a)) + 1


# --- plan files, balance, lessons -----------------------------------------------------------


def test_plan_file_round_trip(kk):
    plan = Plan(interventions=("ajb",), examples=("botoc-ams1",),
                own=(OwnEntry(name="Eigen", min_age=12, max_age=18, factors=("beke-r-drugsgebruik",)),))
    back, notices = plan_from_json(kk, plan_to_json(plan))
    assert back == plan and notices == []


def test_plan_file_with_unknown_ids_is_cleaned_with_notices(kk):
    data = json.loads(plan_to_json(Plan(interventions=("ajb",))))
    data["interventions"].append("bestaat-niet")
    pmg, ps = kk.pmg_themes[0].id, kk.praktijkscan_themes[0].id
    data["own"] = [{"name": "Eigen", "factors": ["beke-r-drugsgebruik", "nep-factor"],
                    "pmg_themes": [pmg, ps], "praktijkscan_themes": [ps, pmg]}]
    plan, notices = plan_from_json(kk, json.dumps(data).encode())
    assert plan.interventions == ("ajb",)
    assert plan.own[0].factors == ("beke-r-drugsgebruik",)
    assert plan.own[0].pmg_themes == (pmg,) and plan.own[0].praktijkscan_themes == (ps,)
    assert any("bestaat-niet" in n for n in notices) and any("nep-factor" in n for n in notices)


BAD_PLAN_FILES = [
    (b"\xff\xfe", "geen geldige JSON"),
    (b"[1, 2]", "formaat ontbreekt"),
    (b'{"formaat": "kenniskaart-plan", "versie": 7}', "Onbekende versie"),
    (b'{"formaat": "kenniskaart-plan", "versie": 1, "own": [{"naam": "x"}]}', "ongeldig bij"),
    (b'{"formaat": "kenniskaart-plan", "versie": 1, "own": [{"name": "x", "min_age": "acht"}]}',
     "'own.0.min_age': moet een geheel getal zijn"),
    (b"x" * 300_000, "te groot"),
]


@pytest.mark.parametrize(("raw", "message"), BAD_PLAN_FILES, ids=[m for _, m in BAD_PLAN_FILES])
def test_bad_plan_files_give_a_clear_message(kk, raw, message):
    with pytest.raises(PlanFileError, match=re.escape(message)) as exc:
        plan_from_json(kk, raw)
    assert not re.search(r"Input should|valid integer|Field required|Extra inputs", str(exc.value))


def test_balance_and_lessons(kk):
    bal = balance(kk, all_botoc(kk))
    pr = bal[bal["verdeling"] == "preventief / repressief"]["aantal"].sum()
    assert pr == 62
    assert [g.id for g in process_lessons(kk)] == [
        "verbeter-kb-realistische-doelen", "aanb-ccv-nulmeting",
        "verbeter-kb-doelgroep-in-beeld", "verbeter-kb-monitoring-evaluatie",
    ]


# --- plan warnings: what does not work ----------------------------------------------------


def test_plan_warnings_name_what_does_not_work_first_and_carry_the_examples_interventions():
    from kenniskaart.models import Caution, PracticeExample
    from kenniskaart.planscan import plan_warnings
    from support.factories import SRC, factor, iv, kaart

    harm = Caution(kind="kan_schaden", text="Meer delicten na afloop.")
    group = Caution(kind="groepsinterventie", text="Risicojongeren samen in een groep.", guidance="kk-kader")
    lesson = Caution(kind="voorlichting", text="Voorlichting aan een hele klas.")
    small = kaart(
        [factor("f")],
        [
            iv("sport", {"f": "bron"}, cautions=[group]),
            iv("bang", {"f": "bron"}, cautions=[harm]),
            iv("rustig", {"f": "bron"}),
        ],
    )
    ex = PracticeExample(id="les", kind="botoc", code="ROT9", name="Voorlichting", description="d",
                         interventions=["sport"], cautions=[lesson], sources=SRC)
    items = [small.by_id("interventions")["rustig"], ex, small.by_id("interventions")["bang"]]
    warnings = plan_warnings(small, items)
    assert [(w.item, w.kind) for w in warnings] == [
        ("BANG", "kan_schaden"), ("ROT9 Voorlichting", "voorlichting"), ("ROT9 Voorlichting", "groepsinterventie")]
    assert warnings[2].guidance == "kk-kader"
    assert plan_warnings(small, [small.by_id("interventions")["rustig"]]) == []
