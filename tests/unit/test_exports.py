"""Exports: Excel-safe CSV and xlsx, the printable memo and the worksheet downloads."""

from __future__ import annotations

import csv
import datetime as dt
import io
from html import escape

import pytest
from openpyxl import load_workbook

from kenniskaart.aanbeveler import Profile
from kenniskaart.exports import safe_cell, to_csv, to_xlsx, worksheet_csv, worksheet_markdown
from kenniskaart.guidance import guiding_steps
from kenniskaart.shortlist import compare_table, memo_html, move

HOSTILE = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "gewone tekst", "-"]


@pytest.mark.parametrize("value", HOSTILE)
def test_safe_cell_neutralises_formula_prefixes(value):
    out = safe_cell(value)
    if value[0] in "=+-@\t":
        assert out == "'" + value
    else:
        assert out == value


def test_csv_is_excel_safe_and_readable():
    rows = [{"naam": v, "getal": 3} for v in HOSTILE]
    data = to_csv(rows, ["naam", "getal"]).decode("utf-8-sig")
    parsed = list(csv.reader(io.StringIO(data), delimiter=";"))
    assert parsed[0] == ["naam", "getal"]
    for (cell, number), original in zip(parsed[1:], HOSTILE, strict=False):
        assert not cell.startswith(("=", "+", "-", "@", "\t"))
        assert cell.lstrip("'") == original
        assert number == "3"


def test_xlsx_cells_are_text_not_formulas():
    """Formula-like text is a string cell holding exactly the text (no visible quote), with
    Excel's hidden quotePrefix; the file holds no formula at all. Numbers stay numbers."""
    import zipfile

    rows = [{"=kop": v, "getal": 3} for v in HOSTILE]
    data = to_xlsx(rows, ["=kop", "getal"])
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["A1"].value == "=kop" and ws["A1"].data_type == "s"
    for cell, number, original in zip(ws["A"][1:], ws["B"][1:], HOSTILE, strict=True):
        assert (cell.value, cell.data_type) == (original, "s")
        assert cell.quotePrefix == original.startswith(("=", "+", "-", "@", "\t"))
        assert (number.value, number.data_type) == (3, "n")


def test_shortlist_compare_table_and_exports(kk):
    table = compare_table(kk, ["ajb", "alles-kidzzz"], {"ajb": "=cmd|' /C calc'!A0"})
    assert list(table["interventie"]) == [
        kk.by_id("interventions")["ajb"].name,
        kk.by_id("interventions")["alles-kidzzz"].name,
    ]
    assert table.loc[0, "leeftijd"] == "12–18 jaar"
    data = to_csv(table.to_dict("records"), list(table.columns)).decode("utf-8-sig")
    assert "'=cmd|" in data and ";=cmd" not in data


def test_move_reorders_and_clamps():
    assert move(["a", "b", "c"], "c", -1) == ["a", "c", "b"]
    assert move(["a", "b", "c"], "a", -1) == ["a", "b", "c"]
    assert move(["a", "b", "c"], "a", 5) == ["b", "c", "a"]
    assert move(["a"], "x", 1) == ["a"]


def test_memo_contains_profile_items_reasons_gaps_and_disclaimer(kk):
    ajb = kk.by_id("interventions")["ajb"]
    risk = next(link.factor for link in ajb.factors)
    profile = Profile(age=14, risk_factors=(risk, "beke-r-drugsgebruik"))
    html = memo_html(kk, ["ajb"], {"ajb": "<script>alert(1)</script>"}, profile, dt.date(2026, 11, 23))
    assert html.startswith("<!doctype html>") and '<html lang="nl">' in html
    assert "23-11-2026" in html
    assert "Leeftijd: 14 jaar" in html
    assert ajb.name in html and "Waarom voor dit profiel" in html
    assert "peildatum 13-03-2019" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Niet gedekte factoren" in html
    assert "Over de status van erkenningen" in html
    assert "Bronnen:" in html


def test_memo_without_profile_or_items(kk):
    html = memo_html(kk, [], {}, None)
    assert "Geen profiel" in html and "De shortlist is leeg." in html


def test_worksheet_exports(kk):
    steps = guiding_steps(kk)
    assert len(steps) == 6
    first_q = steps[0].items[0]
    answers = {f"{steps[0].id}/0": "=Ons antwoord"}
    md_text = worksheet_markdown(steps, answers)
    assert "## Stap 1:" in md_text and first_q in md_text and "=Ons antwoord" in md_text
    rows = list(csv.reader(io.StringIO(worksheet_csv(steps, answers).decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["stap", "titel", "vraag", "antwoord"]
    assert rows[1][2] == first_q and rows[1][3] == "'=Ons antwoord"
    assert len(rows) - 1 == sum(len(s.items) for s in steps)


def test_memo_names_sources_by_title_without_table_pointers(kk):
    from kenniskaart.shortlist import memo_html, readable_sources

    ids = [iv.id for iv in kk.interventions]
    html = memo_html(kk, ids, {}, None)
    assert ", rij " not in html
    titles = {s.title for s in kk.sources}
    for iv in kk.interventions:
        for text in readable_sources(kk, iv.sources):
            assert any(text.startswith(t) for t in titles), text


def test_memo_and_comparison_give_the_aanbevelers_verdict(kk):
    """Issue 19: every view says who an item is for, and the memo says when the profile rules it out."""
    from kenniskaart.aanbeveler import Profile, recommend
    from kenniskaart.shortlist import compare_rows, memo_html
    from kenniskaart.texts import audience_text

    profile = Profile(age=12, risk_factors=("beke-r-antisociale-persoonlijkheidskenmerken",))
    result = recommend(kk, profile)
    out = next(e for e in result.excluded if e.intervention.id == "leren-van-delict")  # no offence in the profile
    html = memo_html(kk, ["ajb", "leren-van-delict", "pad"], {}, profile)
    assert "Valt af voor dit profiel:</strong> " + escape(out.reason) in html
    assert "Voor school of gemeente, niet voor één jongere" in html  # PAD: a class programme
    assert html.count("Valt af voor dit profiel") == 1
    rows = compare_rows(kk, ["tools4u"], {})
    assert rows[0]["voor wie"] == audience_text(kk.by_id("interventions")["tools4u"])
    assert "na een delict" in rows[0]["voor wie"]
