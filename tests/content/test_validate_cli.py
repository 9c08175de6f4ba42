"""`python -m kenniskaart validate`: counts, errors, and recognitions to check again (issue 19),
on the shipped content, a given folder or the KENNISKAART_CONTENT folder."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from kenniskaart.__main__ import main
from kenniskaart.content import run_checks
from kenniskaart.content.checks.claims import recognitions_to_check_again
from kenniskaart.models import Recognition
from kenniskaart.vocabulary import COUNT_LABELS
from support.factories import SRC, factor, iv, kaart

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _rec(**kw) -> Recognition:
    return Recognition(level="effectief volgens goede aanwijzingen", committee="jeugd", sources=SRC, **kw)


def test_old_or_reassessed_recognitions_are_listed_as_warnings():
    kk = kaart([factor("f")], [
        iv("oud", {"f": "bron"}, rec=_rec(date=dt.date(2019, 3, 13))),
        iv("herbeoordeling", {"f": "bron"}, rec=_rec(date=dt.date(2024, 1, 1), in_review=True)),
        iv("recent", {"f": "bron"}, rec=_rec(date=dt.date(2023, 6, 1))),
        iv("geen-datum", {"f": "bron"}, rec=_rec()),
        iv("niet-erkend", {"f": "bron"}, rec=Recognition(level="niet erkend", date=dt.date(2010, 1, 1), sources=SRC)),
    ])
    warnings = [str(w) for w in recognitions_to_check_again(kk, dt.date(2026, 12, 2))]
    assert warnings == [
        "-: item 'oud', veld 'recognition': erkenning om na te lopen: effectief volgens goede aanwijzingen: "
        "ouder dan 5 jaar (13-03-2019)",
        "-: item 'herbeoordeling', veld 'recognition': erkenning om na te lopen: effectief volgens goede "
        "aanwijzingen: in herbeoordeling",
    ]


def test_validate_prints_counts_and_the_warnings_but_exits_0(capsys, kk):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Inhoud geldig") and f"{COUNT_LABELS['interventions']}: {len(kk.interventions)}" in out
    errors, expected = run_checks(kk)
    assert not errors
    assert expected, "the shipped content has ratings older than five years (e.g. AJB, 2019)"
    assert f"Waarschuwingen (geen fout): {len(expected)}" in out
    assert all(f"- {w}" in out for w in expected)
    assert "- interventions/catalogus.yaml: item 'ajb', veld 'recognition': erkenning om na te lopen" in out


def test_validate_reports_errors_with_exit_1(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("factors:\n  - {id: x}\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    assert "Inhoud ongeldig" in capsys.readouterr().out


def test_validate_runs_every_check_on_the_kenniskaart_content_folder(tmp_path, monkeypatch, capsys):
    """A folder the loader accepts still fails a rule only the validator runs (a caution without
    a source), and the ids the code relies on are missing there."""
    shutil.copytree(FIXTURES / "good", tmp_path, dirs_exist_ok=True)
    path = tmp_path / "content.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    sources: [{source: bron, section: \"§3\"}]",
                        "    cautions: [{kind: overig, text: Let op.}]\n    sources: [{source: bron, section: \"§3\"}]")
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("KENNISKAART_CONTENT", str(tmp_path))
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Inhoud ongeldig")
    assert "- content.yaml: item 'iv-een', veld 'cautions.0.sources': waarschuwing zonder bron" in out
    assert "- kenniskaart/aanbeveler/rules.py: item 'beke-r-criminele-achtergrond', veld 'OFFENCE_FACTORS'" in out
