"""The loader and `python -m kenniskaart validate`: shipped content and every kind of bad content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from kenniskaart.content import ContentInvalid, load_content
from kenniskaart.models import Intervention
from kenniskaart.vocabulary import COUNT_LABELS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Every kind of bad content has a fixture folder; one that goes missing fails its own case
# (instead of silently leaving the parametrisation), and a new folder is picked up too.
BAD_KINDS = ["duplicate_key", "duplicate_id", "unknown_field", "wrong_type", "unknown_factor", "unknown_theme",
             "unknown_intervention", "unknown_source", "age_order", "many_errors"]
BAD = [FIXTURES / "bad" / name
       for name in sorted(set(BAD_KINDS) | {p.name for p in (FIXTURES / "bad").iterdir() if p.is_dir()})]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kenniskaart", "validate", *args],
        capture_output=True, text=True, timeout=120,
    )


def test_shipped_content_validates_with_counts():
    result = run_cli()
    assert result.returncode == 0, result.stdout
    assert "Inhoud geldig" in result.stdout
    assert all(f"{label}: " in result.stdout for label in COUNT_LABELS.values())


def test_good_fixture_loads():
    kk = load_content(FIXTURES / "good")
    assert [f.id for f in kk.risk_factors] == ["f-risico"]
    assert kk.interventions_for_factor("f-risico")[0].name == "Interventie een"


@pytest.mark.parametrize("case", BAD, ids=[p.name for p in BAD])
def test_bad_content_is_rejected_with_file_item_and_field(case: Path):
    expected = (case / "expected.txt").read_text(encoding="utf-8").strip().splitlines()
    with pytest.raises(ContentInvalid) as info:
        load_content(case)
    assert sorted(str(i) for i in info.value.issues) == sorted(expected)
    result = run_cli(str(case))
    assert result.returncode == 1
    for line in expected:
        assert line in result.stdout


def test_every_issue_names_file_item_and_field():
    with pytest.raises(ContentInvalid) as info:
        load_content(FIXTURES / "bad" / "many_errors")
    issues = info.value.issues
    assert len(issues) == 2, "all errors are reported at once, not just the first"
    assert {(i.file, i.item, i.field) for i in issues} == {
        ("a.yaml", "iv-een", "sources.0.source"),
        ("b.yaml", "b-iv-een", "kleur"),
    }


def test_missing_content_dir_is_a_clear_error(tmp_path):
    with pytest.raises(ContentInvalid, match="inhoudsmap bestaat niet"):
        load_content(tmp_path / "nope")
    with pytest.raises(ContentInvalid, match="geen YAML-bestanden"):
        load_content(tmp_path)


def test_yaml_that_is_not_a_mapping(tmp_path):
    (tmp_path / "x.yaml").write_text("- een\n- lijst\n", encoding="utf-8")
    with pytest.raises(ContentInvalid, match="mapping van collecties"):
        load_content(tmp_path)


def test_unknown_collection(tmp_path):
    (tmp_path / "x.yaml").write_text("dingen: []\n", encoding="utf-8")
    with pytest.raises(ContentInvalid, match="onbekende collectie"):
        load_content(tmp_path)


def test_models_forbid_unknown_fields_and_check_ages():
    base = dict(id="x", name="X", kind="interventie", purpose="jeugdinterventie", description="d",
                sources=[{"source": "s", "section": "1"}])
    assert Intervention.model_validate({**base, "min_age": 8, "max_age": 12}).max_age == 12
    with pytest.raises(ValidationError):
        Intervention.model_validate({**base, "min_age": 13, "max_age": 12})
    with pytest.raises(ValidationError):
        Intervention.model_validate({**base, "leeftijd": 12})
    with pytest.raises(ValidationError):
        Intervention.model_validate({**base, "sources": []})
