"""Werksessie room logic on the real content (no Streamlit, no database)."""

from __future__ import annotations

import csv
import io

import pytest

from kenniskaart.aanbeveler import recommend
from kenniskaart.planscan import items_of, plan_from_json, plan_to_json, scan
from kenniskaart.werksessie.export import EXPORT_COLUMNS, export_csv, export_rows, export_xlsx
from kenniskaart.werksessie.room import (
    ORG_TYPES,
    Answer,
    Room,
    WerksessieError,
    fit_title,
    profile_age,
    room_top_factors,
    summarise,
    to_plan,
    to_profile,
    validate_answer,
)

MAN = "beke-r-man-zijn"
DRUGS = "beke-r-drugsgebruik"
OPLEIDING = "beke-r-laag-opleidingsniveau"
REFLECT = "beke-b-kunnen-reflecteren"
BAAN = "beke-b-hebben-van-een-baan"


def test_org_types_are_the_six_dutch_labels():
    assert ORG_TYPES == {
        "gemeente": "Gemeente", "politie": "Politie", "onderwijs": "Onderwijs",
        "jeugdzorg": "Jeugdzorg / wijkteam", "jongerenwerk": "Jongerenwerk", "anders": "Andere organisatie",
    }


def test_validate_answer_cleans_and_keeps_order(kk):
    a = validate_answer(kk, "politie", [DRUGS, MAN, DRUGS], [DRUGS], ["ajb", "pit", "ajb"],
                        ["  Buurtvaders  op   straat ", "buurtvaders op straat", "", "   "])
    assert a == Answer("politie", (DRUGS, MAN), (DRUGS,), ("ajb", "pit"), ("Buurtvaders op straat",))
    assert a.updated_at is None
    assert validate_answer(kk, "anders", []) == Answer("anders")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"org_type": "bende"}, "Organisatie"),
        ({"org_type": None}, "Organisatie"),
        ({"factors": ["bestaat-niet"]}, "Risico's"),
        ({"factors": "beke-r-man-zijn"}, "Risico's"),
        ({"factors": [REFLECT]}, "Risico's: kies alleen risicofactoren"),
        ({"factors": [MAN], "top": ["bestaat-niet"]}, "Top 3"),
        ({"factors": [MAN], "top": [DRUGS]}, "Top 3"),
        ({"factors": [MAN, DRUGS, OPLEIDING, "beke-r-lage-zelfcontrole"],
          "top": [MAN, DRUGS, OPLEIDING, "beke-r-lage-zelfcontrole"]}, "Top 3"),
        ({"scan": {"sw-ind-gezin-armoede": 6}}, "Samen Weerbaar-scan"),
        ({"scan": {"sw-ind-gezin-armoede": True}}, "Samen Weerbaar-scan"),
        ({"scan": {"bestaat-niet": 3}}, "Samen Weerbaar-scan"),
        ({"doing": ["geen-interventie"]}, "Wat we al doen"),
        ({"doing": [MAN]}, "Wat we al doen"),
        ({"own": ["kort", "x" * 81]}, "Eigen aanpak (regel 2): maximaal 80 tekens"),
        ({"own": [f"aanpak {i}" for i in range(6)]}, "Eigen aanpak"),
        ({"own": ["regel\nnieuwe regel"]}, "Eigen aanpak"),
        ({"own": ["nul\x00byte"]}, "Eigen aanpak"),
        ({"own": ["om\u202edraaien"]}, "Eigen aanpak"),
        ({"own": [42]}, "Eigen aanpak"),
        ({"own": "één tekst"}, "Eigen aanpak"),
    ],
)
def test_validate_answer_rejects_with_dutch_field(kk, kwargs, field):
    args = {"org_type": "gemeente", "factors": [], "top": [], "doing": [], "own": []} | kwargs
    with pytest.raises(WerksessieError) as err:
        validate_answer(kk, **args)
    assert str(err.value).startswith(field)


def test_validate_answer_limits_are_inclusive(kk):
    a = validate_answer(kk, "onderwijs", [MAN, DRUGS, OPLEIDING], [OPLEIDING, MAN, DRUGS], [],
                        ["x" * 80, "a", "b", "<b>vet</b>", "=SOM(A1)"])
    assert a.top == (OPLEIDING, MAN, DRUGS) and a.own == ("x" * 80, "a", "b", "<b>vet</b>", "=SOM(A1)")
    spaced = validate_answer(kk, "anders", [], own=["  veel    ruimte  " + "y" * 60, "Cafe\u0301", "café"])
    assert spaced.own == ("veel ruimte " + "y" * 60, "Café")  # collapsed, NFC, one café
    every = validate_answer(kk, "gemeente", [f.id for f in kk.factors if f.kind == "risico"])
    assert len(every.factors) == 84  # every risk factor of the content (counted in the YAML files)


ROOM = [
    Answer("politie", (DRUGS, MAN, REFLECT), (DRUGS, REFLECT), ("ajb",), ("Buurtvaders",)),
    Answer("onderwijs", (DRUGS, OPLEIDING), (OPLEIDING,), ("ajb", "pit"), ("buurtvaders", "Huiswerkklas")),
    Answer("onderwijs", (OPLEIDING, BAAN, MAN), (BAAN, OPLEIDING), (), ()),
    Answer("gemeente", (DRUGS, "verdwenen-factor"), (DRUGS,), ("verdwenen-interventie",), ()),
]


def test_summarise_counts_exactly(kk):
    s = summarise(kk, ROOM, joined=6)
    assert (s.joined, s.answered) == (6, 4)
    assert s.factor_votes == {DRUGS: 3, MAN: 2, REFLECT: 1, OPLEIDING: 2, BAAN: 1}
    assert s.top_votes == {DRUGS: 2, REFLECT: 1, OPLEIDING: 2, BAAN: 1}
    assert s.by_org == {
        "politie": {DRUGS: 1, MAN: 1, REFLECT: 1},
        "onderwijs": {DRUGS: 1, OPLEIDING: 2, BAAN: 1, MAN: 1},
        "gemeente": {DRUGS: 1},
    }
    assert s.doing == {"ajb": 2, "pit": 1}
    assert s.own == [("Buurtvaders", 2), ("Huiswerkklas", 1)]
    assert s.orgs == {"politie": 1, "onderwijs": 2, "gemeente": 1}
    assert summarise(kk, ROOM, joined=0).joined == 4  # never fewer joined than answered
    empty = summarise(kk, [], joined=3)
    assert (empty.joined, empty.answered, empty.factor_votes, room_top_factors(empty)) == (3, 0, {}, [])


def test_ranking_top_votes_then_marks_then_name(kk):
    s = summarise(kk, ROOM, joined=4)
    # Drugsgebruik: 2 top, 3 marks; Laag opleidingsniveau: 2 top, 2 marks; then 1 top each,
    # 1 mark each -> by name: "Het hebben van een baan" < "Kunnen reflecteren"; Man-zijn: 0 top.
    assert room_top_factors(s, None) == [DRUGS, OPLEIDING, BAAN, REFLECT, MAN]
    assert room_top_factors(s, 2) == [DRUGS, OPLEIDING]
    assert room_top_factors(s) == room_top_factors(summarise(kk, list(reversed(ROOM)), 4))


def test_to_profile_takes_the_risks_marked_and_the_indicators_by_their_lean(kk):
    """Risks: every marked risk factor (ranked), then the risk factors of the indicators that lean
    risky; strengths: the protective factors of those that lean protective. Marked protective
    factors (answers from before the scan) are not risks and not strengths."""
    scan_room = [
        Answer(
            "politie",
            (DRUGS, MAN, REFLECT),
            (DRUGS,),
            scan=(("sw-ind-gem-drugs-wapens", 5), ("sw-ind-gezin-opvoedvaardigheden", 1)),
        ),
        Answer(
            "onderwijs",
            (OPLEIDING,),
            (),
            scan=(
                ("sw-ind-gem-drugs-wapens", 4),
                ("sw-ind-gezin-opvoedvaardigheden", 2),
                ("sw-ind-gem-verloop", 3),
                ("sw-ind-gezin-armoede", 0),
            ),
        ),
        Answer(
            "gemeente",
            (),
            (),
            scan=(("sw-ind-gem-verloop", 3), ("sw-ind-gem-werkloosheid", 4), ("sw-ind-gezin-armoede", 0)),
        ),
        Answer("jeugdzorg", (), (), scan=(("sw-ind-gem-werkloosheid", 1),)),  # werkloosheid: (4+1)/2 = 2.5
    ]
    p = to_profile(kk, summarise(kk, scan_room, joined=4), 12, 18)
    # drugs & wapens: (5+4)/2 = 4.5 > 3 -> risky; verloop exactly 3 and armoede only 'weet ik niet': neither
    # ranked: Drugsgebruik (in a top 3), then by name: "Een laag opleidingsniveau" < "Man-zijn"
    assert p.risk_factors == (DRUGS, OPLEIDING, MAN, "sw-gem-r-drugs-in-buurt", "sw-gem-r-wapens")
    # opvoedvaardigheden (1+2)/2 and werkloosheid 2.5 lean protective; werkloosheid has no protective factor
    assert p.protective_factors == ("sw-gezin-b-ouderbetrokkenheid", "sw-gezin-b-ouderlijke-controle")
    assert p.age == 15 and profile_age(16, 16) == 16 and profile_age(4, 30) == 17
    with pytest.raises(WerksessieError, match="Leeftijd"):
        to_profile(kk, summarise(kk, scan_room, 4), 18, 12)
    result = recommend(kk, p)  # the real Aanbeveler takes it
    assert result.package


def test_fit_title_cuts_a_long_title_with_a_notice():
    assert fit_title("  Sessie   Zuidstad ") == ("Sessie Zuidstad", None)
    assert fit_title("") == ("Werksessie", None)
    long = "Werksessie Preventie met Gezag www.zuidstad.nl met alle partners van de wijk Noord en de wijk Zuid"
    title, notice = fit_title(long)
    assert len(title) <= 80 and title.endswith("…") and long.startswith(title[:-1])
    assert f"was {len(long)} tekens" in notice and title[:-1] in notice
    with pytest.raises(WerksessieError, match="Titel"):
        fit_title("om\u202edraaien".encode().decode("unicode_escape"))


def test_to_plan_has_catalogue_items_and_own_entries(kk):
    plan = to_plan(kk, summarise(kk, ROOM, joined=4))
    assert plan.interventions == ("ajb", "pit") and plan.examples == ()
    assert [o.name for o in plan.own] == ["Buurtvaders", "Huiswerkklas"]
    assert plan_from_json(kk, plan_to_json(plan)) == (plan, [])
    coverage = scan(kk, items_of(kk, plan))  # the real Planscan takes it
    assert coverage and len(items_of(kk, plan)) == 4


def test_export_rows_and_excel_safety(kk):
    answers = [
        *ROOM,
        Answer(
            "jongerenwerk",
            (MAN,),
            (),
            (),
            ('=HYPERLINK("http://x")', "+31 6 nummer"),
            scan=(("sw-ind-gem-media", 5), ("sw-ind-gem-media", 5)),
        ),
    ]
    s = summarise(kk, answers, joined=5)
    rows = export_rows(kk, s)
    assert rows[0] == {"Onderdeel": "Drugsgebruik", "Soort": "Risicofactor", "Aangevinkt": 3, "In top 3": 2,
                       "Gemeente": 1, "Politie": 1, "Onderwijs": 1, "Jeugdzorg / wijkteam": 0,
                       "Jongerenwerk": 0, "Andere organisatie": 0}
    assert [r["Onderdeel"] for r in rows[:5]] == ["Drugsgebruik", "Een laag opleidingsniveau",
                                                 "Het hebben van een baan", "Kunnen reflecteren", "Man-zijn"]
    assert rows[2]["Soort"] == "Beschermende factor" and rows[4]["Jongerenwerk"] == 1
    media = next(r for r in rows if r["Onderdeel"] == "Nieuws over geweld in de buurt")
    assert media["Risicovol"] == 1 and media["Neiging"] == "neigt naar risicovol"
    assert sum(1 for r in rows if str(r["Soort"]).startswith("Samen Weerbaar-scan")) == 16
    assert {
        "Onderdeel": "Alleen Jij Bepaalt Wie Je Bent (AJB)",
        "Soort": "Doen we al (catalogus)",
        "Aangevinkt": 2,
    } in rows
    assert set(rows[0]) <= set(EXPORT_COLUMNS)
    import datetime as dt
    t = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    room = Room("ABCDEF", "=HYPERLINK(\"http://x\",\"titel\")", t, t + dt.timedelta(days=7))
    text = export_csv(kk, s, room, now=t).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    # the download starts with title, code, date and counts
    assert lines[:5] == [["Werksessie", "'=HYPERLINK(\"http://x\",\"titel\")"], ["Sessiecode", "ABCDEF"],
                         ["Datum", "02-03-2026"], ["Aangemeld", "5"], ["Antwoorden", "5"]]
    cells = [c for row in lines for c in row]
    assert "'=HYPERLINK(\"http://x\")" in cells and "'+31 6 nummer" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    from openpyxl import load_workbook
    ws = load_workbook(io.BytesIO(export_xlsx(kk, s, room, now=t))).active
    assert [[c.value for c in row[:2]] for row in ws.iter_rows(max_row=5)] == [
        ["Werksessie", room.title],
        ["Sessiecode", "ABCDEF"],
        ["Datum", "02-03-2026"],
        ["Aangemeld", 5],
        ["Antwoorden", 5],
    ]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for formula in ('=HYPERLINK("http://x")', room.title):  # stored as text, never as a formula
        assert cells[formula].data_type == "s" and cells[formula].quotePrefix
    assert ws.title == "Werksessie" and not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_room_is_open(kk):
    import datetime as dt
    t = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    room = Room("ABCDEF", "Sessie", t, t + dt.timedelta(days=7))
    assert room.is_open(t) and not room.is_open(t + dt.timedelta(days=7))
    assert not Room("ABCDEF", "Sessie", t, t + dt.timedelta(days=7), closed_at=t).is_open(t)
