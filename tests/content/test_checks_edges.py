"""The validator's rules at their edges (issue 30, mutation testing): each message word for
word, with the file, item id and field of the ``ContentIssue``, the cases a rule must accept,
and a second item or field after one the rule skips. The catalogues come from
``test_checks.py`` (``build``: a small valid catalogue with some collections replaced, each
read from '<name>.yaml')."""

from __future__ import annotations

import datetime as dt
from typing import Any

from test_checks import SRC, _caution, _factor, _indicator, _intervention, _monitor, _rec, build

from kenniskaart.content.checks import CHECKS, claims, code_ids, references, run_checks, texts, twins
from kenniskaart.models import COLLECTIONS


def _found(issues: Any) -> list[tuple[str, str, str, str]]:
    return [(i.file, i.item, i.field, i.message) for i in issues]


# --- twins, mirrors and related factors ---------------------------------------------


def test_a_factor_that_names_itself_as_twin():
    kk = build(factors=[_factor("f-risico", twins=["f-b", "f-risico"]), _factor("f-b", twins=["f-risico"])])
    assert _found(twins.twins_name_each_other(kk)) == [
        ("factors.yaml", "f-risico", "twins.1", "een factor kan niet zijn eigen tweeling zijn"),
    ]


def test_a_twin_that_does_not_name_it_back_at_its_own_position():
    kk = build(factors=[_factor("f-risico", twins=["f-x", "f-b"]), _factor("f-b")])
    assert _found(twins.twins_name_each_other(kk)) == [
        ("factors.yaml", "f-risico", "twins.1", "'f-b' noemt 'f-risico' niet terug als tweeling"),
    ]


def test_twins_that_name_each_other_pass():
    kk = build(factors=[_factor("f-risico", twins=["f-b"]), _factor("f-b", twins=["f-risico"])])
    assert list(twins.twins_name_each_other(kk)) == []
    assert list(twins.twin_classes_are_complete(kk)) == []


def test_a_complete_class_of_three_passes():
    kk = build(factors=[_factor("f-risico", twins=["f-b", "f-c"]), _factor("f-b", twins=["f-risico", "f-c"]),
                        _factor("f-c", twins=["f-risico", "f-b"])])
    assert list(twins.twin_classes_are_complete(kk)) == []


def test_a_twin_chain_word_for_word_after_an_unknown_twin():
    kk = build(factors=[_factor("f-risico", twins=["f-x", "f-b"]), _factor("f-b", twins=["f-risico", "f-c"]),
                        _factor("f-c", twins=["f-b"])])
    assert _found(twins.twin_classes_are_complete(kk)) == [
        ("factors.yaml", "f-risico", "twins",
         "tweelingketen: 'f-b' is een tweeling van 'f-c', maar 'f-risico' niet; "
         "maak ze allemaal tweeling of gebruik 'related' (verwant)"),
        ("factors.yaml", "f-b", "twins",
         "tweelingketen: 'f-risico' is een tweeling van 'f-x', maar 'f-b' niet; "
         "maak ze allemaal tweeling of gebruik 'related' (verwant)"),
        ("factors.yaml", "f-c", "twins",
         "tweelingketen: 'f-b' is een tweeling van 'f-risico', maar 'f-c' niet; "
         "maak ze allemaal tweeling of gebruik 'related' (verwant)"),
    ]


def test_a_mirror_that_does_not_name_it_back_at_its_own_position():
    kk = build(factors=[_factor("f-risico", mirrors=["f-x", "f-beschermend"]),
                        _factor("f-beschermend", "beschermend")])
    assert _found(twins.mirrors_name_each_other(kk)) == [
        ("factors.yaml", "f-risico", "mirrors.1", "'f-beschermend' noemt 'f-risico' niet terug als spiegelfactor"),
    ]


def test_mirrors_that_name_each_other_pass():
    kk = build(factors=[_factor("f-risico", mirrors=["f-beschermend"]),
                        _factor("f-beschermend", "beschermend", mirrors=["f-risico"])])
    assert list(twins.mirrors_name_each_other(kk)) == []


def test_related_factors_word_for_word_after_an_unknown_one():
    kk = build(factors=[_factor("f-risico", twins=["f-t"], related=["f-x", "f-t", "f-risico", "f-b", "f-c"]),
                        _factor("f-t", twins=["f-risico"]), _factor("f-b"), _factor("f-c", related=["f-risico"])])
    assert _found(twins.related_are_not_twins_and_name_each_other(kk)) == [
        ("factors.yaml", "f-risico", "related.1", "'f-t' is al een tweeling (of de factor zelf)"),
        ("factors.yaml", "f-risico", "related.2", "'f-risico' is al een tweeling (of de factor zelf)"),
        ("factors.yaml", "f-risico", "related.3", "'f-b' noemt 'f-risico' niet terug als verwant"),
    ]


# --- ids named in code -------------------------------------------------------------


def _lesson(*tips: str) -> dict[str, Any]:
    return {"id": "les", "number": 1, "title": "Les", "summary": "s", "sources": SRC,
            "tips": [{"text": t} for t in tips]}


def test_named_in_code_gives_back_its_ids_and_records_where(monkeypatch):
    monkeypatch.setattr(code_ids, "CODE_IDS", [])
    ids = frozenset({"f-risico"})
    assert code_ids.named_in_code("kenniskaart.x.y", "NAAM", "factors", ids) is ids
    assert [code_ids.CodeIds("kenniskaart.x.y", "NAAM", "factors", ("f-risico",))] == code_ids.CODE_IDS


def test_each_missing_id_is_named_with_the_module_file_and_the_collection(monkeypatch):
    monkeypatch.setattr(code_ids, "CODE_IDS", [
        code_ids.CodeIds("kenniskaart.a.b", "THEMES", "themes", ("pmg-x", "pmg-onderwijs", "ps-y")),
        code_ids.CodeIds("kenniskaart.c", "LEVELS", "help_levels", ("hulp-licht",)),
    ])
    assert _found(code_ids.ids_named_in_code_exist(build())) == [
        ("kenniskaart/a/b.py", "pmg-x", "THEMES", "de code noemt dit id, maar het staat niet in 'themes'"),
        ("kenniskaart/a/b.py", "ps-y", "THEMES", "de code noemt dit id, maar het staat niet in 'themes'"),
    ]


def test_a_lesson_tip_phrase_is_found_in_the_text_of_any_tip(monkeypatch):
    monkeypatch.setattr(code_ids, "CODE_IDS", [
        code_ids.CodeIds("kenniskaart.lessen", "TIPS", code_ids.LESSON_TIPS, ("eerste", "samen", "ontbreekt")),
    ])
    kk = build(lessons=[_lesson("De eerste tip.", "Werk samen met ouders.")])
    assert _found(code_ids.ids_named_in_code_exist(kk)) == [
        ("kenniskaart/lessen.py", "ontbreekt", "TIPS", "de code noemt dit id, maar het staat niet in 'lesson-tips'"),
    ]


# --- claims are backed -------------------------------------------------------------


def _example(**fields: Any) -> dict[str, Any]:
    return {"id": "ex", "kind": "botoc", "name": "Voorbeeld", "description": "d", "sources": SRC, **fields}


def test_cautions_without_a_source_in_interventions_examples_and_lesson_tips():
    kk = build(
        interventions=[_intervention(cautions=[_caution(), _caution(sources=[])])],
        examples=[_example(cautions=[_caution(sources=[])])],
        lessons=[_lesson_with_tips({"text": "t"}, {"text": "u", "cautions": [_caution(), _caution(sources=[])]})],
    )
    assert _found(claims.cautions_cite_a_source(kk)) == [
        ("interventions.yaml", "iv", "cautions.1.sources", "waarschuwing zonder bron"),
        ("examples.yaml", "ex", "cautions.0.sources", "waarschuwing zonder bron"),
        ("lessons.yaml", "les", "tips.1.cautions.1.sources", "waarschuwing zonder bron"),
    ]


def _lesson_with_tips(*tips: dict[str, Any]) -> dict[str, Any]:
    return {"id": "les", "number": 1, "title": "Les", "summary": "s", "sources": SRC, "tips": list(tips)}


def test_an_effective_rating_needs_an_effect_and_an_effect_its_source():
    kk = build(interventions=[
        _intervention(id="iv", recognition=_rec(level="effectief volgens eerste aanwijzingen")),
        _intervention(id="iv-goed", recognition=_rec(level="goed onderbouwd")),
        _intervention(id="iv-bron", recognition=_rec(level="effectief volgens sterke aanwijzingen"),
                      effect="Minder delicten.", effect_sources=SRC),
        _intervention(id="iv-los", effect="Minder delicten."),
    ])
    assert _found(claims.effects_cite_a_source(kk)) == [
        ("interventions.yaml", "iv", "effect", "effect onbekend naast 'effectief volgens eerste aanwijzingen'"),
        ("interventions.yaml", "iv-los", "effect_sources", "effect zonder bron"),
    ]


def test_a_recognised_rating_names_its_committee_and_an_https_page():
    http = [{"source": "bron", "section": "§2", "url": "http://www.example.nl/x"}]
    kk = build(interventions=[
        _intervention(recognition=_rec(level="niet erkend", committee=None, sources=SRC),
                      other_recognitions=[_rec(), _rec(committee=None, sources=http)]),
        _intervention(id="iv-zonder", recognition=_rec(level="erkend, niveau onbekend", sources=SRC)),
    ])
    assert _found(claims.recognitions_name_committee_and_page(kk)) == [
        ("interventions.yaml", "iv", "other_recognitions.1.committee", "erkenning zonder commissie"),
        ("interventions.yaml", "iv", "other_recognitions.1.sources", "erkenning zonder bron met een adres (https://)"),
        ("interventions.yaml", "iv-zonder", "recognition.sources", "erkenning zonder bron met een adres (https://)"),
    ]


def test_a_reassessment_needs_an_erkenning_caution():
    kk = build(interventions=[
        _intervention(recognition=_rec(in_review=True), cautions=[_caution()]),
        _intervention(id="iv-gemeld", recognition=_rec(in_review=True),
                      cautions=[_caution(), _caution(kind="erkenning")]),
        _intervention(id="iv-niet", recognition=_rec()),
        _intervention(id="iv-geen"),
    ])
    assert _found(claims.reassessments_carry_a_caution(kk)) == [
        ("interventions.yaml", "iv", "cautions",
         "erkenning in herbeoordeling zonder waarschuwing van soort 'erkenning'"),
    ]


def test_a_not_working_caution_links_guidance_with_its_own_verdict():
    kk = build(
        interventions=[_intervention(cautions=[
            _caution(kind="kan_schaden", guidance="g-schaadt"),
            _caution(kind="overig", guidance="g-lijst"),
            _caution(kind="geen_effect", guidance="g-onbekend"),
            _caution(kind="kan_schaden"),
            _caution(kind="niet_aangetoond", guidance="g-lijst"),
        ])],
        examples=[_example(cautions=[_caution(kind="geen_effect", guidance="g-schaadt")])],
    )
    assert _found(claims.not_working_cautions_link_their_verdict(kk)) == [
        ("interventions.yaml", "iv", "cautions.4.guidance", "'g-lijst' is geen 'werkt_niet'-item met oordeel "
         "'niet_aangetoond'"),
        ("examples.yaml", "ex", "cautions.0.guidance", "'g-schaadt' is geen 'werkt_niet'-item met oordeel "
         "'geen_effect'"),
    ]


def test_a_doelgroep_caution_stays_within_the_item_ages():
    kk = build(interventions=[
        _intervention(cautions=[_caution(max_age=20, min_age=5), _caution(kind="doelgroep", min_age=11, max_age=18),
                                _caution(kind="doelgroep", min_age=12, max_age=19)]),
        _intervention(id="iv-open", min_age=None, max_age=None,
                      cautions=[_caution(kind="doelgroep", min_age=3, max_age=30)]),
        _intervention(id="iv-leeg", cautions=[_caution(kind="doelgroep")]),
    ])
    assert _found(claims.doelgroep_ages_within_item_ages(kk)) == [
        ("interventions.yaml", "iv", "cautions.1.min_age", "11 ligt onder de leeftijd van het item (12)"),
        ("interventions.yaml", "iv", "cautions.2.max_age", "19 ligt boven de leeftijd van het item (18)"),
    ]


def test_a_factor_linked_twice_in_one_item_but_once_in_each_of_two():
    link = {"factor": "f-risico", "basis": "bron", "note": "waarom"}
    other = {"factor": "f-beschermend", "basis": "bron", "note": "ook"}
    kk = build(
        interventions=[_intervention(factors=[link, other, link]), _intervention(id="iv-twee", factors=[link])],
        examples=[_example(factors=[link, {**other, "note": None}])],
    )
    assert _found(claims.factor_links_are_unique_and_explained(kk)) == [
        ("interventions.yaml", "iv", "factors.2.factor", "dubbele factorkoppeling 'f-risico'"),
        ("examples.yaml", "ex", "factors.1.note", "koppeling zonder toelichting"),
    ]


def test_recognitions_to_check_again_at_the_five_year_edge():
    kk = build(interventions=[
        _intervention(id="iv-grens", recognition=_rec(date="2021-12-02")),
        _intervention(id="iv-oud", recognition=_rec(date="2021-12-01", in_review=True)),
        _intervention(id="iv-niet", recognition=_rec(level="niet erkend", date="2000-01-01", in_review=True),
                      other_recognitions=[_rec(date="2001-02-03")]),
    ])
    assert _found(claims.recognitions_to_check_again(kk, dt.date(2026, 12, 2))) == [
        ("interventions.yaml", "iv-oud", "recognition",
         "erkenning om na te lopen: goed onderbouwd: ouder dan 5 jaar (01-12-2021) en in herbeoordeling"),
        ("interventions.yaml", "iv-niet", "other_recognitions.0",
         "erkenning om na te lopen: goed onderbouwd: ouder dan 5 jaar (03-02-2001)"),
    ]


def test_on_the_31st_the_limit_is_the_28th_five_years_back():
    kk = build(interventions=[
        _intervention(id="iv-27", recognition=_rec(date="2021-03-27")),
        _intervention(id="iv-28", recognition=_rec(date="2021-03-28")),
    ])
    assert [i.item for i in claims.recognitions_to_check_again(kk, dt.date(2026, 3, 31))] == ["iv-27"]


def test_without_a_day_given_the_check_counts_from_today():
    kk = build(interventions=[
        _intervention(id="iv-oud", recognition=_rec(date="2000-01-01")),
        _intervention(id="iv-nieuw", recognition=_rec(date=dt.date.today().isoformat())),
    ])
    assert [i.item for i in claims.recognitions_to_check_again(kk)] == ["iv-oud"]


# --- addresses and words users read ------------------------------------------------


def test_addresses_in_sources_links_and_where_must_be_whole():
    kk = build(
        interventions=[_intervention(
            sources=[SRC[0], {**SRC[0], "url": "https://www.example.nl/a b"}],
            links=["http://www.example.nl/goed", "ftp://www.example.nl/x", "https://localhost/x"])],
        indicators=[_indicator(where=[{"name": "CBS"}, {"name": "CBS", "url": "https:/cbs.nl"}])],
    )
    assert _found(texts.addresses_are_well_formed(kk)) == [
        ("interventions.yaml", "iv", "sources.1.url", "geen volledig webadres: 'https://www.example.nl/a b'"),
        ("interventions.yaml", "iv", "links.1", "geen volledig webadres: 'ftp://www.example.nl/x'"),
        ("interventions.yaml", "iv", "links.2", "geen volledig webadres: 'https://localhost/x'"),
        ("indicators.yaml", "ind", "where.1.url", "geen volledig webadres: 'https:/cbs.nl'"),
    ]


def test_a_reading_date_needs_an_address_and_lies_not_after_today():
    today = dt.date.today()
    tomorrow = today + dt.timedelta(days=1)
    url = "https://www.example.nl/x"
    kk = build(interventions=[_intervention(sources=[
        {**SRC[0], "url": url, "peildatum": today.isoformat()},
        {**SRC[0], "peildatum": "2026-01-05"},
        {**SRC[0], "url": url, "peildatum": tomorrow.isoformat()},
        {**SRC[0], "peildatum": tomorrow.isoformat()},
    ])])
    assert _found(texts.reading_dates_belong_to_an_address(kk)) == [
        ("interventions.yaml", "iv", "sources.1.peildatum", "peildatum zonder adres (url)"),
        ("interventions.yaml", "iv", "sources.2.peildatum", f"peildatum {tomorrow.isoformat()} ligt in de toekomst"),
        ("interventions.yaml", "iv", "sources.3.peildatum", "peildatum zonder adres (url)"),
        ("interventions.yaml", "iv", "sources.3.peildatum", f"peildatum {tomorrow.isoformat()} ligt in de toekomst"),
    ]


def test_only_pages_of_a_dated_reference_source_need_a_peildatum():
    url = "https://www.nji.nl/x"
    kk = build(
        sources=[{"id": "bron", "title": "Bron", "publisher": "Uitgever", "kind": "seed"},
                 {"id": "ref", "title": "Ref", "publisher": "Team", "kind": "referentie", "date": "2026-12-02"},
                 {"id": "ref-zonder", "title": "Ref", "publisher": "Team", "kind": "referentie"}],
        interventions=[_intervention(sources=[
            {"source": "bron", "section": "1", "url": url},
            {"source": "ref-zonder", "section": "2", "url": url},
            {"source": "ref", "section": "3"},
            {"source": "ref", "section": "4", "url": url, "peildatum": "2026-12-01"},
            {"source": "geen", "section": "5", "url": url},
            {"source": "ref", "section": "6", "url": url},
        ])],
    )
    assert _found(texts.databank_pages_carry_a_peildatum(kk)) == [
        ("interventions.yaml", "iv", "sources.5.peildatum",
         "pagina uit 'ref' zonder peildatum (de dag waarop ze is gelezen)"),
    ]


def test_internal_words_in_text_users_read_but_not_in_citations():
    cite = {"source": "bron", "section": "seed 003, §2", "url": "https://www.example.nl/referentie"}
    kk = build(
        factors=[_factor("f-risico", description="Zie Referentie 4."), _factor("f-beschermend", "beschermend")],
        interventions=[_intervention(
            description="Een referentie-groep en seed 0031.", sources=[cite],
            links=["https://www.example.nl/seed 003"], effect="Zie seed 002.", effect_sources=[cite],
            cautions=[_caution(text="Volgens seed 004.")])],
        themes=[{"id": "pmg-onderwijs", "name": "Onderwijs", "kind": "pmg", "description": "Uit de REFERENTIE.",
                 "sources": [cite]},
                {"id": "ps-zorg", "name": "Zorg", "kind": "praktijkscan", "description": "d", "sources": SRC}],
        examples=[_example(description="Uit seed 001.")],
        guidance=[{"id": "g-lijst", "kind": "kanttekening", "title": "Lijst", "items": ["a", "Zie referentie."],
                   "sources": SRC}],
        cases=[{"id": "casus", "title": "C", "description": "Zoals seed 005 zegt.", "sources": [cite]}],
    )
    assert _found(texts.no_internal_words(kk)) == [
        ("factors.yaml", "f-risico", "description", "intern woord 'Referentie' in tekst voor gebruikers"),
        ("interventions.yaml", "iv", "effect", "intern woord 'seed 002' in tekst voor gebruikers"),
        ("interventions.yaml", "iv", "cautions.0.text", "intern woord 'seed 004' in tekst voor gebruikers"),
        ("examples.yaml", "ex", "description", "intern woord 'seed 001' in tekst voor gebruikers"),
        ("guidance.yaml", "g-lijst", "items.1", "intern woord 'referentie' in tekst voor gebruikers"),
        ("themes.yaml", "pmg-onderwijs", "description", "intern woord 'REFERENTIE' in tekst voor gebruikers"),
        ("cases.yaml", "casus", "description", "intern woord 'seed 005' in tekst voor gebruikers"),
    ]


# --- references: the table of where content names other content ---------------------


def _refs(collection: str, raw: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    return sorted(references.references(COLLECTIONS[collection].model_validate(raw)), key=str)


def _src(fld: str) -> tuple[str, str, str, None]:
    return (f"{fld}.source", "bron", "sources", None)


def test_the_references_of_a_factor_ask_for_the_kind_of_twin_and_mirror():
    raw = _factor("f-a", "beschermend", pmg_themes=["pmg-x"], twins=["f-t"], mirrors=["f-m"], related=["f-r"])
    assert _refs("factors", raw) == sorted([
        _src("sources.0"), ("pmg_themes.0", "pmg-x", "themes", "pmg"), ("twins.0", "f-t", "factors", "beschermend"),
        ("mirrors.0", "f-m", "factors", "risico"), ("related.0", "f-r", "factors", None),
    ], key=str)
    assert ("mirrors.0", "f-m", "factors", "beschermend") in _refs("factors", _factor("f-a", mirrors=["f-m"]))


def test_the_references_of_an_intervention():
    raw = _intervention(recognition=_rec(outcome_factors=["f-o"]), other_recognitions=[_rec(outcome_factors=["f-p"])],
                        cautions=[_caution(guidance="g-x"), _caution()], help_levels=["hulp-x"],
                        pmg_themes=["pmg-y"], praktijkscan_themes=["ps-z"])
    assert _refs("interventions", raw) == sorted([
        _src("sources.0"), _src("recognition.sources.0"), _src("other_recognitions.0.sources.0"),
        _src("cautions.0.sources.0"), _src("cautions.1.sources.0"), ("cautions.0.guidance", "g-x", "guidance", None),
        ("recognition.outcome_factors.0", "f-o", "factors", None),
        ("other_recognitions.0.outcome_factors.0", "f-p", "factors", None),
        ("help_levels.0", "hulp-x", "help_levels", None), ("pmg_themes.0", "pmg-y", "themes", "pmg"),
        ("praktijkscan_themes.0", "ps-z", "themes", "praktijkscan"), ("factors.0.factor", "f-risico", "factors", None),
    ], key=str)


def test_the_references_of_an_example_theme_case_indicator_monitor_and_spoor():
    example = {"id": "ex", "kind": "botoc", "name": "V", "description": "d", "sources": SRC, "help_levels": ["h"],
               "pmg_themes": ["pmg-y"], "praktijkscan_themes": ["ps-z"], "interventions": ["iv"],
               "factors": [{"factor": "f-a", "basis": "bron"}]}
    assert _refs("examples", example) == sorted([
        _src("sources.0"), ("help_levels.0", "h", "help_levels", None), ("pmg_themes.0", "pmg-y", "themes", "pmg"),
        ("praktijkscan_themes.0", "ps-z", "themes", "praktijkscan"), ("factors.0.factor", "f-a", "factors", None),
        ("interventions.0", "iv", "interventions", None),
    ], key=str)
    lists = {"risk_factors": ["f-r"], "protective_factors": ["f-b"]}
    both = [("risk_factors.0", "f-r", "factors", "risico"), ("protective_factors.0", "f-b", "factors", "beschermend")]
    theme = {"id": "pmg-t", "name": "T", "kind": "pmg", "description": "d", "sources": SRC, **lists}
    assert _refs("themes", theme) == sorted([_src("sources.0"), *both], key=str)
    case = {"id": "c", "title": "C", "description": "d", "sources": SRC, "need": "hulp-x", **lists}
    assert _refs("cases", case) == sorted([_src("sources.0"), ("need", "hulp-x", "help_levels", None), *both], key=str)
    assert _refs("cases", {**case, "need": None}) == sorted([_src("sources.0"), *both], key=str)
    assert _refs("indicators", _indicator(**lists)) == sorted(
        [_src("sources.0"), ("guidance", "g-lijst", "guidance", None), *both], key=str)
    monitor = _monitor(factors=["f-a"], pmg_themes=["pmg-y"], interventions=["iv"])
    assert _refs("monitor_indicators", monitor) == sorted([
        _src("sources.0"), ("factors.0", "f-a", "factors", None), ("pmg_themes.0", "pmg-y", "themes", "pmg"),
        ("interventions.0", "iv", "interventions", None)], key=str)
    spoor = {"id": "s", "name": "S", "description": "d", "sources": SRC, "factors": ["f-a"], "pmg_themes": ["pmg-y"]}
    assert _refs("sporen", spoor) == sorted([
        _src("sources.0"), ("factors.0", "f-a", "factors", None), ("pmg_themes.0", "pmg-y", "themes", "pmg")], key=str)


def test_an_unknown_id_and_a_wrong_kind_word_for_word():
    kk = build(factors=[_factor("f-risico", related=["f-beschermend"], mirrors=["f-x"]),
                        _factor("f-beschermend", "beschermend", related=["f-risico"], twins=["f-risico"])])
    assert _found(references.factors_exist(kk)) == [
        ("factors.yaml", "f-risico", "mirrors.0", "verwijst naar onbekend id 'f-x' (factors)"),
        ("factors.yaml", "f-beschermend", "twins.0", "'f-risico' is van soort 'risico', verwacht 'beschermend'"),
    ]
    assert list(references.sources_exist(kk)) == []
    assert list(references.themes_exist(build())) == []


def test_each_collection_checks_its_own_pool():
    kk = build(interventions=[_intervention(help_levels=["hulp-x"], cautions=[_caution(guidance="g-x")])],
               monitor_indicators=[_monitor(interventions=["iv-x"])])
    assert [i.message for i in references.help_levels_exist(kk)] == ["verwijst naar onbekend id 'hulp-x' (help_levels)"]
    assert [i.message for i in references.guidance_exists(kk)] == ["verwijst naar onbekend id 'g-x' (guidance)"]
    assert [i.message for i in references.interventions_exist(kk)] == [
        "verwijst naar onbekend id 'iv-x' (interventions)"]


def test_an_indicator_number_up_to_the_length_of_its_list():
    kk = build(indicators=[_indicator(number=2), _indicator(id="ind-x", guidance="g-x", number=9),
                           _indicator(id="ind-3", number=3)])
    assert _found(references.indicator_items_exist(kk)) == [
        ("indicators.yaml", "ind-3", "number", "'g-lijst' heeft geen item 3"),
    ]


def test_monitor_and_indicator_addresses_start_with_https():
    kk = build(indicators=[_indicator(where=[{"name": "CBS"}, {"name": "CBS", "url": "https://cbs.nl"}])],
               monitor_indicators=[_monitor(every_item=True, where=[{"name": "A", "url": "https://a.nl"},
                                                                    {"name": "B", "url": "ftp://b.nl"}])])
    assert _found(references.addresses_are_https(kk)) == [
        ("monitor_indicators.yaml", "m", "where.1.url", "een adres begint met https://"),
    ]


def test_a_monitor_indicator_used_by_any_one_thing_passes():
    kk = build(monitor_indicators=[
        _monitor(id="m-f", factors=["f-risico"]), _monitor(id="m-t", pmg_themes=["pmg-onderwijs"]),
        _monitor(id="m-i", interventions=["iv"]), _monitor(id="m-e", every_item=True), _monitor(),
    ])
    assert _found(references.monitor_indicators_are_used(kk)) == [
        ("monitor_indicators.yaml", "m", "factors",
         "de indicator hoort bij geen factor, thema of planonderdeel: de monitor stelt hem nooit voor"),
    ]


def _section(sid: str) -> dict[str, Any]:
    return {"id": sid, "title": sid, "guidance": "g", "sources": SRC}


def test_plan_sections_unknown_and_missing_word_for_word():
    kk = build(plan_sections=[_section("afbakening"), _section("extra"), _section("keuzes")])
    assert _found(references.plan_sections_complete(kk)) == [
        ("plan_sections.yaml", "extra", "id", "onbekend onderdeel van het plan van aanpak; kies uit afbakening, "
         "probleemanalyse, keuzes, sporen, partners, dekking, monitor, borging"),
        ("plan_sections.yaml", "-", "plan_sections",
         "onderdelen van het plan van aanpak ontbreken: probleemanalyse, sporen, partners, dekking, monitor, borging"),
    ]


def test_all_plan_sections_or_none_pass():
    ids = ["afbakening", "probleemanalyse", "keuzes", "sporen", "partners", "dekking", "monitor", "borging"]
    assert list(references.plan_sections_complete(build(plan_sections=[_section(s) for s in ids]))) == []
    assert list(references.plan_sections_complete(build())) == []


# --- which checks the loader runs, and which only warn -------------------------------


def test_the_loader_refuses_broken_references_and_relations_only():
    assert {c.name for c in CHECKS if c.on_load} == {
        "sources_exist", "themes_exist", "factors_exist", "help_levels_exist", "guidance_exists",
        "interventions_exist", "indicator_items_exist", "addresses_are_https", "monitor_indicators_are_used",
        "plan_sections_complete", "twins_name_each_other", "twin_classes_are_complete", "mirrors_name_each_other",
        "related_are_not_twins_and_name_each_other",
    }
    assert [c.name for c in CHECKS if c.level == "waarschuwing"] == ["recognitions_to_check_again"]
    assert {c.level for c in CHECKS} == {"fout", "waarschuwing"}


def test_run_checks_splits_errors_and_warnings_and_on_load_runs_only_the_loader_checks(monkeypatch):
    monkeypatch.setattr(code_ids, "CODE_IDS", [])
    kk = build(interventions=[_intervention(
        factors=[{"factor": "f-x", "basis": "bron", "note": "n"}], recognition=_rec(in_review=True),
        cautions=[_caution(kind="erkenning", sources=[])])])
    errors, warnings = run_checks(kk)
    assert [(i.field, i.message) for i in errors] == [
        ("factors.0.factor", "verwijst naar onbekend id 'f-x' (factors)"),
        ("cautions.0.sources", "waarschuwing zonder bron"),
    ]
    assert [(i.field, i.message) for i in warnings] == [
        ("recognition", "erkenning om na te lopen: goed onderbouwd: in herbeoordeling"),
    ]
    assert run_checks(kk, on_load=True) == (errors[:1], [])
