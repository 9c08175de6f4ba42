"""Filters, tables and the interventiematrix of the catalogue and the factor overview."""

from __future__ import annotations

import itertools

from kenniskaart.catalog import (
    NO_LEVEL,
    NO_THEME,
    ExampleFilter,
    FactorFilter,
    InterventionFilter,
    factor_theme_level_counts,
    factors_table,
    filter_examples,
    filter_factors,
    filter_interventions,
    in_matrix_cell,
    intervention_matrix,
    interventions_table,
)
from kenniskaart.rules import age_fits
from kenniskaart.shortlist import compare_table
from kenniskaart.texts import ONBEKEND, age_range


def test_factor_filters(kk):
    everything = filter_factors(kk, FactorFilter())
    assert len(everything) == len(kk.factors)
    gefundeerd = filter_factors(kk, FactorFilter(evidence=["gefundeerd"], kinds=["risico"]))
    assert len(gefundeerd) == 12
    assert all(f.framework == "beke_kennissynthese" for f in gefundeerd)
    gezin = filter_factors(kk, FactorFilter(levels=["gezin"]))
    assert gezin and all(f.level == "gezin" for f in gezin)
    nl = filter_factors(kk, FactorFilter(studied_in_nl="ja"))
    assert nl and all(f.studied_in_nl is True for f in nl)
    drugs = filter_factors(kk, FactorFilter(query="  DRUGSgebruik "))
    assert "Drugsgebruik" in [f.name for f in drugs]
    assert filter_factors(kk, FactorFilter(query="zzzz-niets")) == []


def test_factor_table_columns_and_unknowns(kk):
    table = factors_table(kk, list(kk.factors))
    assert len(table) == len(kk.factors)
    assert set(table["bewijs"]) <= {"gefundeerd", "plausibel", "statistisch robuust",
                                    "kwalitatief betekenisvol", "niet beoordeeld"}
    protective_beke = table[
        (table["kader"] == "Kennissynthese Bureau Beke") & (table["soort"] == "beschermende factor")
    ]
    assert set(protective_beke["ook in NL onderzocht"]) == {ONBEKEND}


def test_knowledge_map_counts_every_factor_in_each_theme(kk):
    counts = factor_theme_level_counts(kk, list(kk.factors))
    expected = sum(max(1, len(f.pmg_themes)) for f in kk.factors)
    assert counts["aantal"].sum() == expected


def test_age_filter_keeps_unknown_ranges_and_drops_out_of_range(kk):
    ten = filter_interventions(kk, InterventionFilter(age=10))
    ids = {iv.id for iv in ten}
    assert "alles-kidzzz" in ids and "ajb" not in ids
    for iv in kk.interventions:
        fit = age_fits(iv, 10)
        assert (iv.id in ids) == (fit is not False)


def test_unknown_age_is_shown_as_onbekend(kk):
    unknown = [iv for iv in kk.interventions if iv.min_age is None and iv.max_age is None]
    assert unknown, "some interventions have no sourced age range"
    assert all(age_range(iv) == ONBEKEND for iv in unknown)


def test_recognition_filter_onbekend(kk):
    none = filter_interventions(kk, InterventionFilter(recognition=[ONBEKEND]))
    assert none and all(iv.recognition is None for iv in none)


def test_matrix_counts_agree_with_the_catalogue(kk):
    """Each cell counts the interventions with that PmG theme and level of help, counted here
    from the content itself (names looked up in kk.pmg_themes / kk.help_levels)."""
    theme_name = {t.id: t.name for t in kk.pmg_themes}
    level_name = {h.id: h.name for h in kk.help_levels}
    for flt in [InterventionFilter(), InterventionFilter(age=14), InterventionFilter(kinds=["gemeenschap"])]:
        selected = filter_interventions(kk, flt)
        expected = {(t, lvl): 0 for t in [*theme_name.values(), NO_THEME] for lvl in [*level_name.values(), NO_LEVEL]}
        for iv in selected:
            for t in [theme_name[i] for i in iv.pmg_themes] or [NO_THEME]:
                for lvl in [level_name[i] for i in iv.help_levels] or [NO_LEVEL]:
                    expected[(t, lvl)] += 1
        matrix = intervention_matrix(kk, selected)
        got = {(r.thema, r[1]): r.aantal for r in matrix.itertuples(index=False)}
        assert got == expected
        # the real content fills cells under named themes and levels, not only 'onbekend'
        assert sum(n for (t, lvl), n in got.items() if t != NO_THEME and lvl != NO_LEVEL) > len(selected) // 2
        for row in matrix.itertuples(index=False):
            in_cell = [iv for iv in selected if in_matrix_cell(kk, iv, row[0], row[1])]
            assert row[2] == len(in_cell)


def test_every_filter_combination_runs(kk):
    """Every single filter narrows the list; for every pair of filters the list is exactly the
    interventions that satisfy both, each checked here against the content itself."""
    from kenniskaart.search import search

    iv0 = next(iv for iv in kk.interventions if iv.factors and iv.settings and iv.formats and iv.help_levels
               and iv.recognition and iv.min_age is not None)
    query = iv0.name[:5]
    found = {iv.id for iv in search(kk, query).interventions}
    factor = iv0.factors[0].factor
    options = {
        "query": query,
        "age": iv0.min_age,
        "themes": iv0.pmg_themes[:1],
        "factors": [factor],
        "settings": iv0.settings[:1],
        "formats": iv0.formats[:1],
        "help_levels": iv0.help_levels[:1],
        "recognition": [iv0.recognition.level],
        "kinds": [iv0.kind],
    }

    def fits_age(iv, age):
        if iv.min_age is None and iv.max_age is None:
            return True  # unknown range: kept
        return (iv.min_age or 0) <= age <= (99 if iv.max_age is None else iv.max_age)

    satisfies = {
        "query": lambda iv: iv.id in found,
        "age": lambda iv: fits_age(iv, options["age"]),
        "themes": lambda iv: options["themes"][0] in iv.pmg_themes,
        "factors": lambda iv: bool(set(kk.twin_ids(factor)) & {link.factor for link in iv.factors}),
        "settings": lambda iv: options["settings"][0] in iv.settings,
        "formats": lambda iv: options["formats"][0] in iv.formats,
        "help_levels": lambda iv: options["help_levels"][0] in iv.help_levels,
        "recognition": lambda iv: iv.recognition is not None and iv.recognition.level == options["recognition"][0],
        "kinds": lambda iv: iv.kind == iv0.kind,
    }
    everything = filter_interventions(kk, InterventionFilter())
    assert everything == list(kk.interventions)
    for name, value in options.items():
        single = filter_interventions(kk, InterventionFilter(**{name: value}))
        assert iv0 in single and len(single) < len(everything), f"filter {name} does not narrow the list"
        assert single == [iv for iv in kk.interventions if satisfies[name](iv)], name
    narrowed_by_pair = 0
    for a, b in itertools.combinations(options, 2):
        result = filter_interventions(kk, InterventionFilter(**{a: options[a], b: options[b]}))
        assert result == [iv for iv in kk.interventions if satisfies[a](iv) and satisfies[b](iv)], (a, b)
        assert iv0 in result
        narrowed_by_pair += len(result) < len(filter_interventions(kk, InterventionFilter(**{a: options[a]})))
        table = interventions_table(kk, result)
        assert list(table["interventie"]) == [iv.name for iv in result]
    assert narrowed_by_pair > len(options)  # the second filter is applied, not only the first


def test_example_filters(kk):
    botoc = filter_examples(kk, ExampleFilter(kinds=["botoc"]))
    assert len(botoc) == 62
    ams = filter_examples(kk, ExampleFilter(kinds=["botoc"], municipalities=["Amsterdam"]))
    assert len(ams) == 8


def test_factor_options_are_grouped_by_theme_and_complete(kk):
    from kenniskaart.catalog import factor_choice_id, factor_option_label, factor_options

    opts = factor_options(kk, "risico", "individu")
    expected = {f.id for f in kk.risk_factors if f.level == "individu" and factor_choice_id(kk, f.id) == f.id}
    assert set(opts) == expected and len(opts) == len(expected)
    factors = kk.by_id("factors")
    order = {t.id: t.order for t in kk.pmg_themes}
    firsts = [min((order[t] for t in factors[i].pmg_themes), default=99) for i in opts]
    assert firsts == sorted(firsts)
    label = factor_option_label(kk, factors["beke-r-drugsgebruik"])
    assert label.startswith("Drugsgebruik · ") and "gefundeerd" not in label  # evidence is a badge, not in the name


def test_intervention_table_puts_the_key_columns_first(kk):
    from kenniskaart.catalog import INTERVENTION_COLUMNS

    table = interventions_table(kk, list(kk.interventions))
    assert list(table.columns[:3]) == ["interventie", "erkenning", "leeftijd"] == list(INTERVENTION_COLUMNS[:3])
    assert len(table) == len(kk.interventions)


def test_dutch_counts_and_decimals():
    from kenniskaart.nl import decimal, plural

    assert plural(1, "factor", "factoren") == "1 factor"
    assert plural(2, "factor", "factoren") == "2 factoren"
    assert plural(0, "interventie", "interventies") == "0 interventies"
    assert decimal(6.5) == "6,5" and decimal(2, 0) == "2"


def test_catalogue_and_shortlist_say_the_same_for_every_intervention(kk):
    """One row builder: the Interventies table and the shortlist's comparison (and so its CSV and
    Excel) give every intervention the same 'voor wie', age, recognition and target group."""
    ids = [iv.id for iv in kk.interventions]
    catalogue = interventions_table(kk, list(kk.interventions))
    compared = compare_table(kk, ids, {})
    shared = [c for c in catalogue.columns if c in compared.columns]
    assert {"interventie", "voor wie", "leeftijd", "erkenning", "doelgroep", "niveau van hulp"} <= set(shared)
    assert catalogue[shared].equals(compared[shared])
    tools4u = catalogue.set_index("interventie").loc[kk.by_id("interventions")["tools4u"].name, "voor wie"]
    assert "alleen na een delict" in tools4u  # the eligibility condition, not only the prevention level
