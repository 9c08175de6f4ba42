"""The validator (``kenniskaart.content.checks``): every rule in ``CHECKS`` rejects its bad case
with a Dutch message that names the file, the item id and the field, and passes the shipped
content. A bad case is a small valid catalogue (``_valid``) with one thing broken."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from kenniskaart.content import CHECKS, Kenniskaart, run_checks
from kenniskaart.content.checks import code_ids
from kenniskaart.models import COLLECTIONS

SRC = [{"source": "bron", "section": "§1"}]


def _intervention(**fields: Any) -> dict[str, Any]:
    return {"id": "iv", "name": "Interventie", "kind": "interventie", "purpose": "jeugdinterventie",
            "description": "d", "min_age": 12, "max_age": 18, "sources": SRC,
            "factors": [{"factor": "f-risico", "basis": "bron", "note": "waarom"}], **fields}


def _factor(fid: str, kind: str = "risico", **fields: Any) -> dict[str, Any]:
    return {"id": fid, "name": fid, "kind": kind, "level": "individu", "framework": "beke_kennissynthese",
            "nature": "dynamisch", "evidence": "gefundeerd", "sources": SRC, **fields}


def _monitor(**fields: Any) -> dict[str, Any]:
    return {"id": "m", "name": "Meting", "measures": "m", "where": [{"name": "CBS"}], "kind": "outcome",
            "sources": SRC, **fields}


def _indicator(**fields: Any) -> dict[str, Any]:
    return {"id": "ind", "name": "Indicator", "level": "gezin", "number": 1, "guidance": "g-lijst",
            "protective": "p", "risky": "r", "sources": SRC, **fields}


def _valid() -> dict[str, list[dict[str, Any]]]:
    """A small catalogue that passes every check."""
    return {
        "sources": [{"id": "bron", "title": "Bron", "publisher": "Uitgever", "kind": "seed"}],
        "themes": [{"id": "pmg-onderwijs", "name": "Onderwijs", "kind": "pmg", "description": "d", "sources": SRC},
                   {"id": "ps-zorg", "name": "Zorg", "kind": "praktijkscan", "description": "d", "sources": SRC}],
        "help_levels": [{"id": "hulp-licht", "name": "Licht", "order": 1, "description": "d", "sources": SRC}],
        "factors": [_factor("f-risico"), _factor("f-beschermend", "beschermend")],
        "interventions": [_intervention()],
        "guidance": [{"id": "g-lijst", "kind": "kanttekening", "title": "Lijst", "items": ["a", "b"], "sources": SRC},
                     {"id": "g-schaadt", "kind": "werkt_niet", "verdict": "kan_schaden", "title": "Schaadt",
                      "sources": SRC}],
    }


def build(**changes: list[dict[str, Any]]) -> Kenniskaart:
    """The valid catalogue with some collections replaced; each collection read from '<name>.yaml'."""
    data = {**_valid(), **changes}
    models = {name: tuple(COLLECTIONS[name].model_validate(raw) for raw in items) for name, items in data.items()}
    origins = {(name, item.id): f"{name}.yaml" for name, items in models.items() for item in items}
    return Kenniskaart(**models, origins=origins)


def _caution(**fields: Any) -> dict[str, Any]:
    return {"kind": "overig", "text": "Let op.", "sources": SRC, **fields}


def _rec(**fields: Any) -> dict[str, Any]:
    return {"level": "goed onderbouwd", "committee": "jeugd", "sources": [
        {"source": "bron", "section": "§2", "url": "https://www.example.nl/x", "peildatum": "2026-01-05"}], **fields}


# rule name -> (the broken catalogue, (file, item id, field) of the expected issue, a word of its message)
CASES: dict[str, tuple[Any, tuple[str, str, str], str]] = {
    "sources_exist": (lambda: build(interventions=[_intervention(sources=[{"source": "geen", "section": "x"}])]),
                      ("interventions.yaml", "iv", "sources.0.source"), "onbekend id 'geen' (sources)"),
    "themes_exist": (lambda: build(interventions=[_intervention(pmg_themes=["ps-zorg"])]),
                     ("interventions.yaml", "iv", "pmg_themes.0"), "van soort 'praktijkscan', verwacht 'pmg'"),
    "factors_exist": (lambda: build(interventions=[_intervention(factors=[{"factor": "f-x", "basis": "bron"}])]),
                      ("interventions.yaml", "iv", "factors.0.factor"), "onbekend id 'f-x' (factors)"),
    "help_levels_exist": (lambda: build(interventions=[_intervention(help_levels=["hulp-zwaar"])]),
                          ("interventions.yaml", "iv", "help_levels.0"), "onbekend id 'hulp-zwaar'"),
    "guidance_exists": (lambda: build(interventions=[_intervention(cautions=[_caution(guidance="g-x")])]),
                        ("interventions.yaml", "iv", "cautions.0.guidance"), "onbekend id 'g-x' (guidance)"),
    "interventions_exist": (lambda: build(monitor_indicators=[_monitor(interventions=["iv-x"])]),
                            ("monitor_indicators.yaml", "m", "interventions.0"), "onbekend id 'iv-x'"),
    "indicator_items_exist": (lambda: build(indicators=[_indicator(number=3)]),
                              ("indicators.yaml", "ind", "number"), "'g-lijst' heeft geen item 3"),
    "addresses_are_https": (lambda: build(indicators=[_indicator(where=[{"name": "CBS", "url": "http://cbs.nl"}])]),
                            ("indicators.yaml", "ind", "where.0.url"), "begint met https://"),
    "monitor_indicators_are_used": (lambda: build(monitor_indicators=[_monitor()]),
                                    ("monitor_indicators.yaml", "m", "factors"), "stelt hem nooit voor"),
    "plan_sections_complete": (
        lambda: build(plan_sections=[{"id": "afbakening", "title": "A", "guidance": "g", "sources": SRC}]),
        ("plan_sections.yaml", "-", "plan_sections"), "ontbreken: probleemanalyse"),
    "twins_name_each_other": (lambda: build(factors=[_factor("f-risico", twins=["f-b"]), _factor("f-b")]),
                              ("factors.yaml", "f-risico", "twins.0"), "noemt 'f-risico' niet terug als tweeling"),
    "twin_classes_are_complete": (
        lambda: build(factors=[_factor("f-risico", twins=["f-b"]), _factor("f-b", twins=["f-risico", "f-c"]),
                               _factor("f-c", twins=["f-b"])]),
        ("factors.yaml", "f-risico", "twins"), "tweelingketen"),
    "mirrors_name_each_other": (
        lambda: build(factors=[_factor("f-risico", mirrors=["f-beschermend"]),
                               _factor("f-beschermend", "beschermend")]),
        ("factors.yaml", "f-risico", "mirrors.0"), "niet terug als spiegelfactor"),
    "related_are_not_twins_and_name_each_other": (
        lambda: build(factors=[_factor("f-risico", related=["f-b"]), _factor("f-b")]),
        ("factors.yaml", "f-risico", "related.0"), "niet terug als verwant"),
    "cautions_cite_a_source": (lambda: build(interventions=[_intervention(cautions=[_caution(sources=[])])]),
                               ("interventions.yaml", "iv", "cautions.0.sources"), "waarschuwing zonder bron"),
    "effects_cite_a_source": (lambda: build(interventions=[_intervention(effect="Minder delicten.")]),
                              ("interventions.yaml", "iv", "effect_sources"), "effect zonder bron"),
    "recognitions_name_committee_and_page": (
        lambda: build(interventions=[_intervention(recognition=_rec(committee=None))]),
        ("interventions.yaml", "iv", "recognition.committee"), "erkenning zonder commissie"),
    "reassessments_carry_a_caution": (
        lambda: build(interventions=[_intervention(recognition=_rec(level="niet erkend", in_review=True))]),
        ("interventions.yaml", "iv", "cautions"), "in herbeoordeling"),
    "not_working_cautions_link_their_verdict": (
        lambda: build(interventions=[_intervention(cautions=[_caution(kind="geen_effect", guidance="g-schaadt")])]),
        ("interventions.yaml", "iv", "cautions.0.guidance"), "oordeel 'geen_effect'"),
    "doelgroep_ages_within_item_ages": (
        lambda: build(interventions=[_intervention(cautions=[_caution(kind="doelgroep", max_age=20)])]),
        ("interventions.yaml", "iv", "cautions.0.max_age"), "20 ligt boven de leeftijd van het item (18)"),
    "factor_links_are_unique_and_explained": (
        lambda: build(interventions=[_intervention(factors=[{"factor": "f-risico", "basis": "bron"}])]),
        ("interventions.yaml", "iv", "factors.0.note"), "koppeling zonder toelichting"),
    "recognitions_to_check_again": (
        lambda: build(interventions=[_intervention(recognition=_rec(in_review=True),
                                                   cautions=[_caution(kind="erkenning")])]),
        ("interventions.yaml", "iv", "recognition"), "erkenning om na te lopen: goed onderbouwd: in herbeoordeling"),
    "addresses_are_well_formed": (
        lambda: build(interventions=[_intervention(links=["www.example.nl/ajb"])]),
        ("interventions.yaml", "iv", "links.0"), "geen volledig webadres"),
    "reading_dates_belong_to_an_address": (
        lambda: build(interventions=[_intervention(sources=[{**SRC[0], "peildatum": "2026-01-05"}])]),
        ("interventions.yaml", "iv", "sources.0.peildatum"), "peildatum zonder adres"),
    "databank_pages_carry_a_peildatum": (
        lambda: build(sources=[{"id": "bron", "title": "Bron", "publisher": "Team", "kind": "referentie",
                                "date": "2026-12-02"}],
                      interventions=[_intervention(sources=[{**SRC[0], "url": "https://www.nji.nl/x"}])]),
        ("interventions.yaml", "iv", "sources.0.peildatum"), "zonder peildatum"),
    "no_internal_words": (lambda: build(interventions=[_intervention(description="Zie seed 003.")]),
                          ("interventions.yaml", "iv", "description"), "intern woord 'seed 003'"),
    "ids_named_in_code_exist": (lambda: build(), ("kenniskaart/voorbeeld.py", "f-hernoemd", "RISK_IDS"),
                                "de code noemt dit id"),
}


@pytest.fixture
def declared(monkeypatch):
    """One declaration of ids in code, of which one is missing in the valid catalogue."""
    monkeypatch.setattr(code_ids, "CODE_IDS", [code_ids.CodeIds("kenniskaart.voorbeeld", "RISK_IDS", "factors",
                                                                ("f-risico", "f-hernoemd"))])


def test_every_check_has_a_bad_case():
    assert {c.name for c in CHECKS} == set(CASES)


def test_the_valid_catalogue_passes_every_check(monkeypatch):
    monkeypatch.setattr(code_ids, "CODE_IDS", [code_ids.CodeIds("kenniskaart.voorbeeld", "RISK_IDS", "factors",
                                                                ("f-risico",))])
    assert run_checks(build()) == ([], [])


@pytest.mark.parametrize("check", CHECKS, ids=[c.name for c in CHECKS])
def test_each_check_names_file_item_and_field(check, declared):
    make, where, words = CASES[check.name]
    issues = list(check.rule(make()))
    assert issues, f"{check.name} accepts its bad case"
    found = [i for i in issues if (i.file, i.item, i.field) == where]
    assert found, [str(i) for i in issues]
    assert words in found[0].message
    assert str(found[0]).startswith(f"{where[0]}: item '{where[1]}', veld '{where[2]}': ")


def test_the_shipped_content_passes_every_check_and_warns_only_of_old_ratings(kk):
    import kenniskaart.__main__  # noqa: F401  (imports the modules that declare ids named in code)

    errors, warnings = run_checks(kk)
    assert errors == []
    assert all("erkenning om na te lopen" in w.message for w in warnings)


def test_the_ids_rules_rely_on_are_declared_and_a_renamed_one_fails(kk):
    import kenniskaart.__main__  # noqa: F401  (imports the modules that declare ids named in code)

    names = {d.name for d in code_ids.CODE_IDS}
    assert {"REPRESSIVE_THEMES", "PROCESS_LESSONS", "NOTE_SOURCES", "OFFENCE_FACTORS", "SPECIALIST_FACTORS",
            "NEED_ORDER", "GROUPS"} <= names
    renamed = dataclasses.replace(kk, factors=tuple(f for f in kk.factors if f.id != "beke-r-criminele-achtergrond"))
    found = {(i.file, i.item, i.field) for i in code_ids.ids_named_in_code_exist(renamed)}
    assert ("kenniskaart/aanbeveler/rules.py", "beke-r-criminele-achtergrond", "OFFENCE_FACTORS") in found
    assert ("kenniskaart/aanbeveler/rules.py", "beke-r-criminele-achtergrond", "SPECIALIST_FACTORS") in found
