"""`python -m kenniskaart validate`: counts, errors, and recognitions to check again (issue 19)."""

from __future__ import annotations

import datetime as dt

from kenniskaart.__main__ import main
from kenniskaart.catalog import recognition_warnings
from kenniskaart.models import Recognition
from kenniskaart.vocabulary import COUNT_LABELS
from support.factories import SRC, factor, iv, kaart


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
    warnings = recognition_warnings(kk, dt.date(2026, 12, 2))
    assert warnings == [
        "oud, recognition: effectief volgens goede aanwijzingen: ouder dan 5 jaar (13-03-2019)",
        "herbeoordeling, recognition: effectief volgens goede aanwijzingen: in herbeoordeling",
    ]


def test_validate_prints_counts_and_the_warnings_but_exits_0(capsys, kk):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Inhoud geldig") and f"{COUNT_LABELS['interventions']}: {len(kk.interventions)}" in out
    expected = recognition_warnings(kk, dt.date.today())
    assert expected, "the shipped content has ratings older than five years (e.g. AJB, 2019)"
    assert f"Waarschuwingen (geen fout): {len(expected)} erkenning(en) om na te lopen" in out
    assert all(f"- {w}" in out for w in expected)


def test_validate_reports_errors_with_exit_1(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("factors:\n  - {id: x}\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    assert "Inhoud ongeldig" in capsys.readouterr().out
