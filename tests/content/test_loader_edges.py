"""The loader at its edges (issue 30, mutation testing): every refusal word for word, with the
file, item and field it names; where items are read from; the folder it reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kenniskaart.content import ContentInvalid, content_dir, load_content, loader, user_message
from kenniskaart.models import COLLECTIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KNOWN = ("sources, themes, help_levels, factors, interventions, examples, lessons, guidance, cases, synonyms, "
         "indicators, monitor_indicators, plan_sections, analysis_sources, sporen")


def _refusals(folder: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as info:
        load_content(folder)
    return [str(i) for i in info.value.issues]


def _good(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "good", tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_the_known_collections_in_the_message_are_those_of_the_models():
    assert ", ".join(COLLECTIONS) == KNOWN


def test_a_file_that_is_not_yaml_not_utf8_or_not_a_mapping(tmp_path):
    (tmp_path / "a.yaml").write_text("factors: [\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_bytes("factors: []\n# caf\u00e9\n".encode("latin-1"))
    (tmp_path / "c.yaml").write_text("- een\n", encoding="utf-8")
    (tmp_path / "d.yaml").write_text("dingen: []\nfactors: {id: x}\nthemes: x\n", encoding="utf-8")
    issues = _refusals(tmp_path)
    assert issues[0].startswith("a.yaml: item '-', veld '-': geen geldige YAML: ")
    assert issues[1:] == [
        "b.yaml: item '-', veld '-': bestand is geen UTF-8-tekst",
        "c.yaml: item '-', veld '-': het bestand moet een mapping van collecties zijn",
        f"d.yaml: item '-', veld 'dingen': onbekende collectie (bekend: {KNOWN})",
        "d.yaml: item '-', veld 'factors': verwacht een lijst van items",
        "d.yaml: item '-', veld 'themes': verwacht een lijst van items",
    ]


def test_a_duplicate_key_names_the_item_and_its_line(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "sources:\n  - id: bron\n    title: A\n    title: B\n  - title: C\n    title: D\n", encoding="utf-8")
    assert _refusals(tmp_path) == ["a.yaml: item 'bron', veld 'title': dubbele sleutel 'title' op regel 4"]
    (tmp_path / "a.yaml").write_text("sources:\n  - title: C\n    title: D\n", encoding="utf-8")
    assert _refusals(tmp_path) == ["a.yaml: item '-', veld 'title': dubbele sleutel 'title' op regel 3"]


def test_an_item_without_an_id_is_named_by_its_position(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "sources:\n  - {id: bron, title: T, publisher: P, kind: seed}\n  - {title: T, publisher: P, kind: seed}\n"
        "  - {id: 3, title: T, publisher: P, kind: seed}\n", encoding="utf-8")
    assert _refusals(tmp_path) == [
        "a.yaml: item '#2', veld 'id': verplicht veld ontbreekt (Field required)",
        "a.yaml: item '#3', veld 'id': moet tekst zijn (Input should be a valid string)",
    ]


def test_each_kind_of_field_error_in_dutch(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "sources:\n  - {id: bron, title: T, publisher: P, kind: boek}\n"
        "  - {id: Bron-2, title: '', publisher: P, kind: seed}\n"
        "  - {id: bron-3, title: T, publisher: P, kind: seed, date: gisteren}\n"
        "interventions:\n  - {id: iv, name: I, kind: interventie, purpose: aanpak, description: d, min_age: 120, "
        "sources: [{source: bron, section: x}]}\n", encoding="utf-8")
    issues = _refusals(tmp_path)
    assert issues[0].startswith("a.yaml: item 'bron', veld 'kind': ongeldige waarde 'boek'; Input should be ")
    assert issues[1:3] == [
        "a.yaml: item 'Bron-2', veld 'id': ongeldig id: alleen kleine letters, cijfers en koppeltekens "
        "(String should match pattern '^[a-z0-9][a-z0-9-]*$')",
        "a.yaml: item 'Bron-2', veld 'title': mag niet leeg zijn (String should have at least 1 character)",
    ]
    assert issues[3:] == [
        "a.yaml: item 'bron-3', veld 'date': moet een datum (JJJJ-MM-DD) zijn "
        "(Input should be a valid date or datetime, input is too short)",
        # a type without a Dutch word keeps pydantic's own message
        "a.yaml: item 'iv', veld 'min_age': Input should be less than or equal to 99",
    ]


def test_an_id_twice_in_one_collection_names_the_first_file(tmp_path):
    _good(tmp_path)
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "extra.yaml").write_text("sources:\n  - {id: bron, title: T, publisher: P, kind: seed}\n"
                                    "guidance:\n  - {id: bron, kind: conclusie, title: T, sources: "
                                    "[{source: bron, section: x}]}\n"
                                    "help_levels:\n  - {id: hulp-positief, name: H, order: 2, description: d, "
                                    "sources: [{source: bron, section: x}]}\n", encoding="utf-8")
    assert _refusals(tmp_path) == [
        "sub/extra.yaml: item 'bron', veld 'id': dubbel id in 'sources' (ook in content.yaml)",
        "sub/extra.yaml: item 'hulp-positief', veld 'id': dubbel id in 'help_levels' (ook in content.yaml)",
    ]


def test_items_remember_their_file_and_empty_files_are_skipped(tmp_path):
    _good(tmp_path)
    (tmp_path / "leeg.yaml").write_text("", encoding="utf-8")
    (tmp_path / "map.yaml").mkdir()
    sub = tmp_path / "gids"
    sub.mkdir()
    (sub / "g.yaml").write_text("guidance:\n  - {id: g-een, kind: conclusie, title: T, sources: "
                                "[{source: bron, section: x}]}\n", encoding="utf-8")
    (tmp_path / "notities.txt").write_text("geen: yaml: [", encoding="utf-8")
    kk = load_content(tmp_path)
    assert kk.files == ("content.yaml", "gids/g.yaml", "leeg.yaml")
    assert kk.file_of("guidance", "g-een") == "gids/g.yaml"
    assert kk.file_of("factors", "f-risico") == "content.yaml"
    assert [g.id for g in kk.guidance] == ["g-een"]


def test_the_loader_refuses_what_an_on_load_check_finds_and_nothing_else(tmp_path):
    _good(tmp_path)
    (tmp_path / "b.yaml").write_text(
        "guidance:\n  - {id: g-een, kind: conclusie, title: Zie seed 003., sources: [{source: bron, section: x}]}\n"
        "monitor_indicators:\n  - {id: m, name: M, measures: m, kind: outcome, where: [{name: CBS}], "
        "sources: [{source: bron, section: x}]}\n", encoding="utf-8")
    assert _refusals(tmp_path) == [
        "b.yaml: item 'm', veld 'factors': de indicator hoort bij geen factor, thema of planonderdeel: "
        "de monitor stelt hem nooit voor",
    ]


def test_the_folder_is_kenniskaart_content_or_the_shipped_one(monkeypatch, tmp_path):
    monkeypatch.delenv("KENNISKAART_CONTENT", raising=False)
    assert content_dir() == loader.PROJECT_DIR / "content"
    assert (content_dir() / "interventions").is_dir()
    monkeypatch.setenv("KENNISKAART_CONTENT", "")
    assert content_dir() == loader.PROJECT_DIR / "content"
    monkeypatch.setenv("KENNISKAART_CONTENT", str(_good(tmp_path)))
    assert content_dir() == tmp_path
    assert [f.id for f in load_content().factors] == ["f-risico"]


def test_missing_and_empty_folders_word_for_word(tmp_path):
    assert _refusals(tmp_path / "nope") == [f"{tmp_path / 'nope'}: item '-', veld '-': inhoudsmap bestaat niet"]
    assert _refusals(tmp_path) == [f"{tmp_path}: item '-', veld '-': geen YAML-bestanden gevonden"]


@pytest.mark.parametrize(("kind", "dutch"), [
    ("missing", "ontbreekt"), ("extra_forbidden", "is een onbekend veld"),
    ("int_parsing", "moet een geheel getal zijn"),
    ("int_from_float", "moet een geheel getal zijn"), ("string_too_long", "is te lang"), ("too_long", "is te lang"),
    ("literal_error", "heeft een ongeldige waarde"), ("greater_than_equal", "is te klein"),
    ("less_than_equal", "is te groot"), ("tuple_type", "moet een lijst zijn"), ("list_type", "moet een lijst zijn"),
    ("bool_type", "moet ja/nee (true/false) zijn"), ("dict_type", "moet een object zijn"),
    ("model_type", "moet een object zijn"), ("string_type", "moet tekst zijn"), ("too_short", "mag niet leeg zijn"),
    ("iets_anders", "heeft een ongeldige waarde"),
])
def test_user_messages_are_dutch_only(kind, dutch):
    assert user_message({"type": kind, "msg": "English"}) == dutch


def test_a_nested_field_and_an_error_of_the_whole_item(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "sources:\n  - {id: bron, title: T, publisher: P, kind: seed}\n"
        "guidance:\n  - {id: g-een, kind: conclusie, verdict: kan_schaden, title: T, sources: [{source: bron}]}\n"
        "  - {id: g-twee, kind: werkt_niet, title: T, sources: [{source: bron, section: x}]}\n",
        encoding="utf-8")
    assert _refusals(tmp_path) == [
        "a.yaml: item 'g-een', veld 'sources.0.section': verplicht veld ontbreekt (Field required)",
        "a.yaml: item 'g-twee', veld '(item)': verdict (kan_schaden, geen_effect of niet_aangetoond) hoort precies "
        "bij kind werkt_niet",
    ]


def test_a_date_that_does_not_exist_is_refused_with_its_file_not_a_traceback(tmp_path):
    (tmp_path / "a.yaml").write_text("sources:\n  - id: bron\n    date: 2026-13-01\n", encoding="utf-8")
    assert _refusals(tmp_path) == [
        "a.yaml: item '-', veld '-': geen geldige waarde (bijvoorbeeld een datum die niet bestaat): "
        "month must be in 1..12"]
