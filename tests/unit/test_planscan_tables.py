"""The Planscan's tables as the user reads and downloads them (the chart's table and the CSV),
the order of the provenance per row, and how twins are named in a row. Built from hand-made
coverage rows and a made-up catalogue; every expectation is written out by hand."""

from __future__ import annotations

from kenniskaart.planscan import GROUPS, Coverage, Hit, coverage_table, scan, summary
from support.factories import iv, kaart, make_factor

RISK, PROTECTIVE, FAMILY, THEMES, HELP = GROUPS
COLUMNS = ["onderdeel", "factor of thema", "ook genoemd als", "gedekt", "aantal interventies",
           "sterkste grondslag", "door"]


def _rows():
    return [
        Coverage("r1", "Risico een", RISK, (Hit("AJB", "team"), Hit("Ons project", "thema"), Hit("PIT", "bron"))),
        Coverage("r2", "Risico twee", RISK, twins=("Tweeling a", "Tweeling b")),
        Coverage("b1", "Bescherming", PROTECTIVE, (Hit("Buurtvaders", "thema"),)),
        Coverage("s1", "Man-zijn", "Context: statische factoren"),
    ]


def test_the_summary_counts_covered_and_not_covered_per_group_in_display_order():
    table = summary(_rows())
    assert list(table.columns) == ["onderdeel", "status", "aantal"]
    assert table.to_dict("records") == [
        {"onderdeel": RISK, "status": "gedekt", "aantal": 1},
        {"onderdeel": RISK, "status": "niet gedekt", "aantal": 1},
        {"onderdeel": PROTECTIVE, "status": "gedekt", "aantal": 1},
        {"onderdeel": PROTECTIVE, "status": "niet gedekt", "aantal": 0},
        {"onderdeel": FAMILY, "status": "gedekt", "aantal": 0},
        {"onderdeel": FAMILY, "status": "niet gedekt", "aantal": 0},
        {"onderdeel": THEMES, "status": "gedekt", "aantal": 0},
        {"onderdeel": THEMES, "status": "niet gedekt", "aantal": 0},
        {"onderdeel": HELP, "status": "gedekt", "aantal": 0},
        {"onderdeel": HELP, "status": "niet gedekt", "aantal": 0},
    ]


def test_the_download_has_one_row_per_target_with_its_columns_in_order():
    table = coverage_table(_rows())
    assert list(table.columns) == COLUMNS
    assert table.to_dict("records") == [
        {"onderdeel": RISK, "factor of thema": "Risico een", "ook genoemd als": "", "gedekt": "ja",
         "aantal interventies": 3, "sterkste grondslag": "volgens de bron", "door": "AJB, Ons project, PIT"},
        {"onderdeel": RISK, "factor of thema": "Risico twee", "ook genoemd als": "Tweeling a; Tweeling b",
         "gedekt": "nee", "aantal interventies": 0, "sterkste grondslag": "", "door": ""},
        {"onderdeel": PROTECTIVE, "factor of thema": "Bescherming", "ook genoemd als": "", "gedekt": "ja",
         "aantal interventies": 1, "sterkste grondslag": "volgens de bron, alleen op themaniveau",
         "door": "Buurtvaders"},
        {"onderdeel": "Context: statische factoren", "factor of thema": "Man-zijn", "ook genoemd als": "",
         "gedekt": "context", "aantal interventies": 0, "sterkste grondslag": "", "door": ""},
    ]


def test_an_empty_plan_gives_an_empty_download_with_its_columns():
    assert list(coverage_table([]).columns) == COLUMNS


def test_items_per_provenance_strongest_first():
    row = _rows()[0]
    by_basis = row.by_basis()
    assert by_basis == {"bron": ("PIT",), "thema": ("Ons project",), "team": ("AJB",)}
    assert list(by_basis) == ["bron", "thema", "team"]
    assert list(by_basis)[-1] == "team"
    theme_and_team = Coverage("x", "X", RISK, (Hit("A", "team"), Hit("B", "thema"), Hit("C", "team")))
    assert list(theme_and_team.by_basis().items()) == [("thema", ("B",)), ("team", ("A", "C"))]


def test_a_factor_row_names_its_twins_in_content_order_and_lists_its_own_id_first():
    kk = kaart([make_factor("beke-r-x", "Beke X", twins=["sw-z", "sw-a"]),
                make_factor("sw-z", "SW Z", framework="samen_weerbaar", twins=["beke-r-x", "sw-a"]),
                make_factor("sw-a", "SW A", framework="samen_weerbaar", twins=["beke-r-x", "sw-z"])],
               [iv("p", {"sw-a": "bron"}, lo=8, hi=20)])
    row = next(c for c in scan(kk, [kk.interventions[0]]) if c.group == RISK)
    assert (row.id, row.twins, row.factor_ids) == ("beke-r-x", ("SW Z", "SW A"), ("beke-r-x", "sw-z", "sw-a"))
    assert row.covered_by == ("P",)
